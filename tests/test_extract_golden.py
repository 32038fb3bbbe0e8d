"""Whole pages of our own writing, through ``readouts extract``, against their expected events.

Each ``tests/golden/extract/<page>.txt`` has ``<page>.json`` (what a crawler knows:
url, published) and ``<page>.expected.jsonl`` (the events, one per line, in order).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.cli import cli

GOLDEN = Path(__file__).parent / "golden" / "extract"
KEYS = ("type", "status", "date", "participants", "duration_minutes", "location", "host", "sources", "topics")
PAGES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("page", PAGES)
def test_page_gives_its_expected_events(page):
    meta = json.loads((GOLDEN / f"{page}.json").read_text())
    args = ["extract", str(GOLDEN / f"{page}.txt"), "--format", "jsonl"]
    if meta.get("published"):
        args += ["--published", meta["published"]]
    if meta.get("url"):
        args += ["--url", meta["url"]]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    got = [{k: e[k] for k in KEYS} for e in map(json.loads, result.stdout.splitlines())]
    expected = [json.loads(line) for line in (GOLDEN / f"{page}.expected.jsonl").read_text().splitlines() if line]
    assert got == expected


def test_every_event_quotes_its_page():
    text = (GOLDEN / "visit-news.txt").read_text()
    result = CliRunner().invoke(cli, ["extract", str(GOLDEN / "visit-news.txt"), "--format", "jsonl",
                                      "--published", "2024-03-02"])
    for event in map(json.loads, result.stdout.splitlines()):
        assert event["evidence"] in text
        assert event["doc_published"] == "2024-03-02" and event["doc_published_basis"] == "given"


def test_the_same_page_under_another_name_gives_the_same_events(tmp_path):
    """Ids and file names carry no evidence."""
    src = GOLDEN / "planned-visit.txt"
    renamed = tmp_path / "2019-01-01-trump-putin-helsinki.txt"
    renamed.write_bytes(src.read_bytes())
    runs = []
    for path in (src, renamed):
        out = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl", "--published", "2023-05-09"]).stdout
        runs.append([{k: v for k, v in json.loads(line).items() if k != "doc_id"} for line in out.splitlines()])
    assert runs[0] == runs[1] and runs[0]
