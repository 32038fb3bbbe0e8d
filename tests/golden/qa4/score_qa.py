"""This folder's QA pages, scored by tests/golden/qa/score_qa.py (same options)."""
import runpy, sys
from pathlib import Path
sys.argv.insert(1, str(Path(__file__).resolve().parent))
runpy.run_path(str(Path(__file__).resolve().parents[1] / "qa" / "score_qa.py"), run_name="__main__")
