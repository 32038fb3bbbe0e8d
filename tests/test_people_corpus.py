"""Issue 6: every engagement participant of the dev corpus resolves, by the name the
gold gives and on the event's date, to that person with an English name."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.cli import cli
from readouts.people import resolve

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev" / "gold.jsonl"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not GOLD.exists(), reason=f"dev corpus not found at {GOLD} (../shared absent)"),
]


def _participants():
    seen = {}
    if not GOLD.exists():
        return []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for event in doc["events"]:
            on = event.get("date") or doc.get("published") or doc.get("published_inferred")
            for name in event["participants"]:
                seen.setdefault((name, on), None)
    return sorted(seen, key=lambda k: (k[0], k[1] or ""))


PARTICIPANTS = _participants()


def test_corpus_has_participants():
    assert len({n for n, _ in PARTICIPANTS}) >= 80


@pytest.mark.parametrize("name,on", PARTICIPANTS, ids=[f"{n}@{d}" for n, d in PARTICIPANTS])
def test_participant_resolves_to_the_person(name, on):
    r = resolve(name, on=on)
    assert r.status == "resolved", (r.reason, [c.person.name for c in r.candidates])
    assert r.person.name == name
    assert r.person.name.isascii() or any(ch.isalpha() for ch in r.person.name)
    assert r.office is not None, f"{name} holds no office on {on} in the gazetteer"


def test_participants_through_the_cli():
    runner = CliRunner()
    for name, on in PARTICIPANTS[::10]:
        result = runner.invoke(cli, ["resolve", name, "--on", on, "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["name"] == name
