#!/usr/bin/env python3
"""Print the figures and the error listing that docs/accuracy.md is written from.

usage: scripts/accuracy_report.py [--shared ../shared] [--web]

Runs the extractor over the dev corpus exactly as `readouts eval` does (only what
a crawler knows reaches it), prints the reference scorer's figures, every missed
and spurious event with its evidence, the date misses among events matched on
medium and participants, and, with --web, every event found on the 431 web pages.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--web", action="store_true", help="also list the events found on the web pages")
    args = ap.parse_args()
    shared = Path(args.shared)
    gold_path = shared / "corpus" / "dev" / "gold.jsonl"

    from readouts.evaluate import align, crawler_view, read_jsonl, score, status_of
    from readouts.pipeline import process_many
    from readouts.sources import read_manifest

    gold = read_jsonl(gold_path)
    root = gold_path.parent
    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "m.jsonl"
        manifest.write_text("".join(json.dumps(crawler_view(d, root)) + "\n" for d in gold))
        preds = [e.to_json() for r in process_many(read_manifest(manifest)) for e in r.events]
        pred_file = Path(tmp) / "p.jsonl"
        pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds))
        ref = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(gold_path), str(pred_file)],
                             capture_output=True, text=True)
    print("## figures (shared/tools/score.py)\n")
    print(ref.stdout)
    report = score(gold, preds)
    print("## errors\n")
    for item in report.errors:
        e = item.event
        print(f"- {item.kind} {item.doc_id}: {e.get('type')} {e.get('status')} {e.get('date')} "
              f"{' + '.join(e.get('participants') or [])}")
    print("\n## date misses (matched on medium and participants)\n")
    by_doc: dict[str, list] = {}
    for p in preds:
        by_doc.setdefault(p["doc_id"], []).append(p)
    for d in gold:
        for st in ("occurred", "planned"):
            g = [e for e in d["events"] if e["status"] == st]
            p = [e for e in by_doc.get(d["id"], []) if status_of(e) == st]
            strict = {gi for gi, _ in align(g, p).pairs}
            for gi, pi in align(g, p, check_date=False).pairs:
                if gi not in strict:
                    print(f"- {d['id']} ({st}): gold {g[gi]['date']}, ours {p[pi]['date']}: "
                          f"{' + '.join(g[gi]['participants'])}")
    if args.web:
        from readouts.sources import iter_documents

        print("\n## events on the web pages\n")
        pages = sorted((shared / "corpus" / "web-pages").glob("*.html"))
        for r in process_many(iter_documents(pages)):
            for e in r.events:
                print(f"- {r.doc_id}: {e.type} {e.status} {e.date} {' + '.join(e.participants)} | {e.evidence[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
