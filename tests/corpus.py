"""Where the shared corpus lives (beside the checkout, as in CI) and how to reach it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("READOUTS_SHARED", ROOT.parent / "shared"))
DEV_GOLD = SHARED / "corpus" / "dev" / "gold.jsonl"
SCORER = SHARED / "tools" / "score.py"
SEED = SHARED / "corpus" / "dev" / "docs" / "seed-jns-biden-netanyahu-call.txt"
WEB_PAGES = SHARED / "corpus" / "web-pages"

needs_corpus = pytest.mark.skipif(
    not DEV_GOLD.exists() and os.environ.get("CI") != "true",
    reason=f"the shared corpus is not at {SHARED} (set READOUTS_SHARED)",
)
