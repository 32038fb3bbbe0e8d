"""The page that started it all: three dated events from a page with no date."""
from __future__ import annotations

import json

from click.testing import CliRunner

from readouts.cli import cli

from corpus import SEED, needs_corpus


@needs_corpus
def test_seed_page_gives_exactly_three_events():
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    summary = sorted((e["type"], e["date"], tuple(e["participants"])) for e in events)
    pair = ("Benjamin Netanyahu", "Joe Biden")
    assert summary == [("call", "2023-12-23", pair), ("call", "2024-01-19", pair), ("visit", "2023-10-18", pair)]
    by_date = {e["date"]: e for e in events}
    call = by_date["2024-01-19"]
    assert call["duration_minutes"] == 40
    assert {"Axios", "White House"} <= set(call["sources"])
    assert call["status"] == "occurred"
    assert call["doc_published"] == "2024-01-19"
    assert call["doc_published_basis"] == "inferred"
    visit = by_date["2023-10-18"]
    assert visit["host"] == "Israel"
    assert visit["location"] == "Ben-Gurion Airport"
    assert all("Kirby" not in " ".join(e["participants"]) and "Miller" not in " ".join(e["participants"])
               for e in events)
    for e in events:
        assert e["person_ids"] == ["Q43723", "Q6279"]  # Netanyahu, Biden: Wikidata ids in name order
        assert result.stdout.count(e["evidence"]) >= 1
