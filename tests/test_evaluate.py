"""``readouts eval`` gives the figures of the reference scorer on the same predictions."""
from __future__ import annotations

import json
import random
import subprocess
import sys

from click.testing import CliRunner

from readouts.cli import cli
from readouts.evaluate import dates_agree, names_agree, people_agree, read_jsonl, score

from corpus import DEV_GOLD, SCORER, needs_corpus


def test_names_agree_leniently():
    assert names_agree("Joe Biden", "Joseph R. Biden Jr.")  # same initial, same surname
    assert names_agree("Joe Biden", "Joe Biden")
    assert names_agree("Volodymyr Zelenskyy", "Volodymyr Zelensky")
    assert names_agree("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan")
    assert names_agree("Mohammed bin Salman", "Mohammed Salman")
    assert not names_agree("Joe Biden", "Biden")  # a bare surname never stands for a full name
    assert not names_agree("Joe Biden", "Hunter Biden")


def test_people_and_dates():
    assert people_agree(["A B", "C D"], ["C D", "A B"])
    assert not people_agree(["A B", "C D"], ["A B"])
    assert dates_agree("2024-01", "2024-01-19")
    assert not dates_agree("2024-01-19", "2024-01")
    assert dates_agree(None, None)
    assert not dates_agree("2024", None)


def _perturbed(gold_docs, seed):
    """Predictions made from gold with every kind of error the scorer must count."""
    rng = random.Random(seed)
    preds = []
    for doc in gold_docs:
        for e in doc["events"]:
            roll = rng.random()
            p = {"doc_id": doc["id"], "type": e["type"], "status": e["status"],
                 "participants": list(e["participants"]), "date": e["date"]}
            if roll < 0.15:
                continue  # missed
            if roll < 0.25 and p["date"]:
                p["date"] = p["date"][:4] + "-12-31"  # wrong date
            elif roll < 0.35:
                p["type"] = {"meeting": "visit", "visit": "meeting", "call": "meeting"}[p["type"]]
            elif roll < 0.42:
                p["participants"] = [n.split()[-1] for n in p["participants"]]
            elif roll < 0.5:
                p["status"] = "occurred" if p["status"] == "planned" else "planned"
            elif roll < 0.55:
                p.pop("status")
            preds.append(p)
            if rng.random() < 0.1:
                preds.append(dict(p, date="1999-01-01"))  # spurious duplicate
    return preds


@needs_corpus
def test_same_figures_as_the_reference_scorer(tmp_path):
    gold_docs = read_jsonl(DEV_GOLD)
    for seed in range(5):
        preds = _perturbed(gold_docs, seed)
        path = tmp_path / f"pred{seed}.jsonl"
        path.write_text("".join(json.dumps(p) + "\n" for p in preds))
        ref = subprocess.run([sys.executable, str(SCORER), str(DEV_GOLD), str(path), "--json"],
                             capture_output=True, text=True, check=True)
        assert score(gold_docs, preds).to_json() == json.loads(ref.stdout)
        text = subprocess.run([sys.executable, str(SCORER), str(DEV_GOLD), str(path)],
                              capture_output=True, text=True, check=True).stdout
        ours = CliRunner().invoke(cli, ["eval", str(DEV_GOLD), "--predictions", str(path)])
        assert ours.exit_code == 0, ours.output
        assert ours.output == text


@needs_corpus
def test_show_errors_lists_missed_and_spurious(tmp_path):
    gold_docs = read_jsonl(DEV_GOLD)
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps({"doc_id": gold_docs[0]["id"], "type": "call", "status": "occurred",
                                "participants": ["Nobody Atall", "Someone Else"], "date": "2000-01-01",
                                "evidence": "an invented line"}) + "\n")
    out = CliRunner().invoke(cli, ["eval", str(DEV_GOLD), "--predictions", str(path), "--show-errors"]).output
    assert "spurious " + gold_docs[0]["id"] + ": call occurred 2000-01-01 Nobody Atall + Someone Else" in out
    assert "> an invented line" in out
    assert out.count("missed ") == sum(len(d["events"]) for d in gold_docs)
