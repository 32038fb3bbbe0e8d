"""``readouts extract`` and ``readouts eval``."""
from __future__ import annotations

from . import cli  # noqa: F401
