"""Run the extractor over the fourth set of QA pages here and score them (not a pytest test).

Usage: .venv/bin/python tests/golden/qa4/score_qa.py [--show-errors] [--dump]
The same scorer as tests/golden/qa/score_qa.py, on this folder.
"""
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("qa_score", HERE.parent / "qa" / "score_qa.py")
_qa = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_qa)

if __name__ == "__main__":
    _qa.main(HERE)
