"""The evaluation gate: dev-corpus scores may not fall below the recorded floors."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from readouts.cli import cli

from corpus import DEV_GOLD, needs_corpus

FLOOR = json.loads((Path(__file__).parent / "corpus_floor.json").read_text())


@needs_corpus
def test_dev_corpus_stays_above_the_floor():
    result = CliRunner().invoke(cli, ["eval", str(DEV_GOLD), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    occurred = figures["occurred"]
    print(f"dev corpus: {figures}")
    assert occurred["f1"] >= FLOOR["occurred_f1"]
    assert occurred["precision"] >= FLOOR["occurred_precision"]
    assert (occurred["date_accuracy"] or 0) >= FLOOR["date_accuracy"]
    assert figures["planned"]["f1"] >= FLOOR["planned_f1"]
