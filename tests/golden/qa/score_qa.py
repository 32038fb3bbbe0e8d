"""Run the extractor over the QA pages here and score them (not a pytest test).

Usage: .venv/bin/python tests/golden/qa/score_qa.py [FOLDER] [--show-errors] [--dump]
FOLDER: another set laid out the same way (default: this one); each set's own
score_qa.py calls this one on its folder. Each page NAME has NAME.txt, NAME.json
({"published", "url"}) and NAME.expected.jsonl; other .txt files are skipped.
"""
import json
import subprocess
import sys
from pathlib import Path

from readouts.evaluate import score

HERE = Path(__file__).resolve().parent
EXE = Path(sys.executable).with_name("readouts")


def main(here: Path = HERE) -> None:
    """Score the pages of ``here`` (this folder, or another set laid out the same way)."""
    gold_docs, predictions = [], []
    for txt in sorted(here.glob("*.txt")):
        name = txt.stem
        if not (here / f"{name}.expected.jsonl").exists():  # notes, a saved report
            continue
        meta = json.loads((here / f"{name}.json").read_text())
        events = [json.loads(l) for l in (here / f"{name}.expected.jsonl").read_text().splitlines() if l.strip()]
        gold_docs.append({"id": name, "events": events})
        cmd = [str(EXE), "extract", str(txt), "--format", "jsonl"]
        if meta.get("published"):
            cmd += ["--published", meta["published"]]
        if meta.get("url"):
            cmd += ["--url", meta["url"]]
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.strip():
                event = json.loads(line)
                event["doc_id"] = name
                predictions.append(event)
    report = score(gold_docs, predictions)
    print("\n".join(report.lines()))
    if "--show-errors" in sys.argv:
        for err in report.errors:
            e = err.event
            print(f"{err.kind:8s} {err.doc_id}: {e['type']} {e.get('status')} {e.get('participants')} {e.get('date')}"
                  + (f"  <- {e.get('evidence', '')[:160]!r}" if err.kind == "spurious" else ""))
    if "--dump" in sys.argv:
        for p in predictions:
            print(json.dumps({k: p.get(k) for k in ("doc_id", "type", "status", "participants", "date", "host", "evidence")}, ensure_ascii=False))


if __name__ == "__main__":
    folders = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(folders[0]).resolve() if folders else HERE)
