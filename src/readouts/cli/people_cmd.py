"""``readouts resolve`` and ``readouts gazetteer build``."""
from __future__ import annotations

from . import cli  # noqa: F401
