"""A second gate, on pages of our own writing (tests/golden/qa): how the rules generalise.

Forty short pages in the styles real sources use (wire copy, readouts, briefing and
remarks transcripts, captions, chronologies, pages with no engagement), each with the
events an annotator would list under the corpus schema. The figures may not fall
below the floors recorded in corpus_floor.json.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from readouts.evaluate import score
from readouts.pipeline import Resources, process
from readouts.records import Document
from readouts.sources import looks_like_html

QA = Path(__file__).parent / "golden" / "qa"
QA2 = Path(__file__).parent / "golden" / "qa2"  # a second set, written after the rules of the first
QA3 = Path(__file__).parent / "golden" / "qa3"  # third and fourth sets, written blind (their FIRST_SCORE.txt)
QA4 = Path(__file__).parent / "golden" / "qa4"
FLOOR = json.loads((Path(__file__).parent / "corpus_floor.json").read_text())


def _run(folder: Path = QA):
    resources = Resources.default()
    gold, predictions = [], []
    for page in sorted(folder.glob("*.txt")):
        if not page.with_name(page.stem + ".expected.jsonl").exists():
            continue  # notes, saved scores
        meta = json.loads(page.with_suffix(".json").read_text())
        expected = page.with_name(page.stem + ".expected.jsonl").read_text().splitlines()
        gold.append({"id": page.stem, "events": [json.loads(line) for line in expected if line.strip()]})
        text = page.read_text("utf-8")
        published = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
        doc = Document(page.stem, text, url=meta.get("url"), published=published, is_html=looks_like_html(text))
        predictions += [e.to_json() for e in process(doc, resources=resources).events]
    return score(gold, predictions)


def test_qa_pages_stay_above_the_floor():
    report = _run()
    occurred, planned = report.scores["occurred"], report.scores["planned"]
    print("\n".join(report.lines()))
    assert occurred.f1 >= FLOOR["qa_occurred_f1"]
    assert occurred.precision >= FLOOR["qa_occurred_precision"]
    assert planned.f1 >= FLOOR["qa_planned_f1"]


def test_second_set_stays_above_the_floor():
    report = _run(QA2)
    occurred, planned = report.scores["occurred"], report.scores["planned"]
    print("\n".join(report.lines()))
    assert occurred.f1 >= FLOOR["qa2_occurred_f1"]
    assert occurred.precision >= FLOOR["qa2_occurred_precision"]
    assert planned.f1 >= FLOOR["qa2_planned_f1"]


@pytest.mark.parametrize("folder, key", [(QA3, "qa3"), (QA4, "qa4")])
def test_blind_sets_stay_above_the_floor(folder, key):
    report = _run(folder)
    occurred, planned = report.scores["occurred"], report.scores["planned"]
    print("\n".join(report.lines()))
    assert occurred.f1 >= FLOOR[f"{key}_occurred_f1"]
    assert planned.f1 >= FLOOR[f"{key}_planned_f1"]


def test_pages_without_an_engagement_give_none():
    report = _run()
    quiet = [p.stem for p in QA.glob("noeng-*.txt")]
    assert quiet
    spurious = {e.doc_id for e in report.errors if e.kind == "spurious"}
    assert not spurious & set(quiet)
