"""``readouts ingest``, ``last``, ``timeline``, ``tempo``, ``counterparts``, ``gaps``, ``export``."""
from __future__ import annotations

from . import cli  # noqa: F401
