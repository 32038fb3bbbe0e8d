"""Questions to the ledger, through the Python API and the CLI, on both engines."""
from __future__ import annotations

import csv
import io
import json
import os

import pytest
from click.testing import CliRunner

from conftest import FAKE_RULES, doc, fake_process
from readouts.cli import cli
from readouts.errors import AmbiguousName, QueryError

JB, BN, EM, NM = "Q6279:Joe_Biden", "Q43723:Benjamin_Netanyahu", "Q3052772:Emmanuel_Macron", "Q1058:Narendra_Modi"
JBBN, JBEM = f"{JB}|{BN}", f"{JB}|{EM}"
SARA = "local:sara-netanyahu:Sara_Netanyahu"

DOCS = [
    doc("jns", f"call occurred {JBBN} 2024-01-19 duration=40 sources=Axios,White_House topics=hostages report=0",
        f"call occurred {JBBN} 2023-12-23 report=1", f"visit occurred {JBBN} 2023-10-18 location=Tel_Aviv report=2",
        url=None, published="2024-01-19"),
    doc("wire", f"call occurred {JBBN} 2024-01 sources=Reuters topics=aid", url="https://wire.example/jan",
        published="2024-01-20"),
    doc("elysee", f"call occurred {JBEM} 2024-01-05", f"meeting occurred {JBEM} 2023-06-10",
        f"meeting occurred {JB}|{NM} 2023-06-22", f"meeting planned {JBEM} 2024-06", url="https://elysee.example/x",
        published="2024-01-06"),
    doc("sara", f"meeting occurred {SARA}|{EM} 2022-05-01", published="2022-05-02"),
]


@pytest.fixture
def filled(ledger):
    ledger.ingest(DOCS, process=fake_process, rules_version=FAKE_RULES, gazetteer_version="g")
    return ledger


def test_last_contact_previous_and_gap(filled):
    answer = filled.last("Joe Biden", "Benjamin Netanyahu", as_of="2024-02-01")
    assert answer["pair"] == ["Benjamin Netanyahu", "Joe Biden"]
    last = answer["last"]
    assert (last["type"], last["date"], last["duration_minutes"]) == ("call", "2024-01-19", 40)
    assert last["sources"] == ["Axios", "Reuters", "White House"]
    assert [(q["doc_id"], q["url"]) for q in last["quotes"]] == [("jns", None), ("wire", "https://wire.example/jan")]
    assert last["quotes"][0]["text"].startswith("call occurred")
    assert answer["previous"]["date"] == "2023-12-23" and answer["previous"]["type"] == "call"
    assert (answer["gap_days"], answer["as_of"], answer["days_since"]) == (27, "2024-02-01", 13)


def test_last_as_of_an_earlier_day(filled):
    answer = filled.last("Q6279", "Q43723", as_of="2024-01-01")
    assert answer["last"]["date"] == "2023-12-23"
    assert answer["previous"]["type"] == "visit"
    assert answer["gap_days"] == 66


def test_no_contact_is_an_empty_answer(filled):
    answer = filled.last("Narendra Modi", "Benjamin Netanyahu", as_of="2024-02-01")
    assert (answer["last"], answer["previous"], answer["gap_days"], answer["days_since"]) == (None, None, None, None)


def test_names_fall_back_to_the_ledger_and_ask_back_when_ambiguous(filled, monkeypatch):
    import readouts.ledger.names as names

    monkeypatch.setattr(names, "_from_people_layer", lambda name, on: None)
    assert filled.person("netanyahu sara").id == "local:sara-netanyahu"
    assert filled.person("Biden").id == "Q6279"
    with pytest.raises(AmbiguousName) as info:
        filled.person("Netanyahu")
    assert [c.id for c in info.value.candidates] == ["Q43723", "local:sara-netanyahu"]
    assert str(info.value) == ("'Netanyahu' fits several people: Benjamin Netanyahu (Q43723); "
                               "Sara Netanyahu (local:sara-netanyahu). Ask with a full name or an id.")
    with pytest.raises(QueryError, match="no one called 'Nobody Atall' is known"):
        filled.person("Nobody Atall")


def test_timeline_of_one_person_and_of_a_pair(filled):
    everything = filled.timeline("Joe Biden")
    assert [(e["date"], e["type"]) for e in everything] == [
        ("2023-06-10", "meeting"), ("2023-06-22", "meeting"), ("2023-10-18", "visit"), ("2023-12-23", "call"),
        ("2024-01-05", "call"), ("2024-01-19", "call")]
    pair = filled.timeline("Joe Biden", "Benjamin Netanyahu", since="2023-11-01")
    assert [e["date"] for e in pair] == ["2023-12-23", "2024-01-19"]
    calls = filled.timeline("Joe Biden", type="call", until="2024-01-10")
    assert [e["date"] for e in calls] == ["2023-12-23", "2024-01-05"]
    assert [e["date"] for e in filled.timeline("Joe Biden", status="planned")] == ["2024-06"]
    assert filled.timeline("Joe Biden", level="official") == []
    first = pair[1]
    assert first["participants"] == ["Benjamin Netanyahu", "Joe Biden"]
    assert first["person_ids"] == ["Q43723", "Q6279"]
    assert first["documents"] == 2


def test_tempo_by_month_quarter_year(filled):
    assert filled.tempo("Joe Biden", "Benjamin Netanyahu", by="month") == [
        {"period": "2023-10", "events": 1, "call": 0, "meeting": 0, "visit": 1},
        {"period": "2023-12", "events": 1, "call": 1, "meeting": 0, "visit": 0},
        {"period": "2024-01", "events": 1, "call": 1, "meeting": 0, "visit": 0},
    ]
    assert [(r["period"], r["events"]) for r in filled.tempo("Q6279", "Q43723", by="quarter")] == [
        ("2023-Q4", 2), ("2024-Q1", 1)]
    assert [(r["period"], r["events"]) for r in filled.tempo("Q6279", "Q43723", by="year")] == [
        ("2023", 2), ("2024", 1)]
    with pytest.raises(QueryError, match="--by must be one of month, quarter, year"):
        filled.tempo("Q6279", "Q43723", by="week")


def test_counterparts_ranked_with_last_contact(filled):
    assert filled.counterparts("Joe Biden") == [
        {"id": "Q43723", "name": "Benjamin Netanyahu", "events": 3, "last_date": "2024-01-19"},
        {"id": "Q3052772", "name": "Emmanuel Macron", "events": 2, "last_date": "2024-01-05"},
        {"id": "Q1058", "name": "Narendra Modi", "events": 1, "last_date": "2023-06-22"},
    ]
    assert [r["id"] for r in filled.counterparts("Q6279", since="2024-01-01")] == ["Q43723", "Q3052772"]


def test_gaps_longest_first_with_the_current_silence(filled):
    gaps = filled.gaps("Joe Biden", "Benjamin Netanyahu", as_of="2024-03-01")
    assert [(g["from"], g["to"], g["days"]) for g in gaps] == [
        ("2023-10-18", "2023-12-23", 66), ("2024-01-19", None, 42), ("2023-12-23", "2024-01-19", 27)]


def test_export_formats(filled, tmp_path):
    out = io.StringIO()
    assert filled.export("jsonl", out) == 8
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["date"] for r in records][:3] == ["2022-05-01", "2023-06-10", "2023-06-22"]
    jan = next(r for r in records if r["date"] == "2024-01-19")
    assert (jan["doc_id"], jan["doc_ids"], jan["span"]) == ("jns", ["jns", "wire"], [0, len(DOCS[0].content.splitlines()[0])])
    assert jan["doc_published"] == "2024-01-19"
    text = io.StringIO()
    filled.export("csv", text)
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    assert len(rows) == 8 and rows[0]["participants"] == "Emmanuel Macron; Sara Netanyahu"
    import pyarrow.parquet as pq

    filled.export("parquet", str(tmp_path / "events.parquet"))
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == 8 and table.column("duration_minutes").to_pylist().count(40) == 1


# ---------------------------------------------------------------- the CLI


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_cli_last_json_shape(filled):
    result = run("last", "Joe Biden", "Benjamin Netanyahu", "--db", filled_url(filled), "--json",
                 "--as-of", "2024-02-01")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert set(answer) >= {"pair", "last", "previous", "gap_days", "as_of", "days_since"}
    assert set(answer["last"]) >= {"event_id", "type", "date", "duration_minutes", "sources", "quotes"}
    assert set(answer["last"]["quotes"][0]) >= {"text", "doc_id", "url"}
    assert set(answer["previous"]) >= {"event_id", "type", "date"}
    assert answer["gap_days"] == 27


def test_cli_last_table_and_environment_variable(filled):
    result = run("last", "Q6279", "Q43723", "--as-of", "2024-02-01", env={"READOUTS_DB": filled_url(filled)})
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Benjamin Netanyahu \u2013 Joe Biden"
    assert lines[1] == "  last:     call on 2024-01-19, 40 min, 13 days before 2024-02-01"
    assert lines[-1] == "  previous: call on 2023-12-23 (27 days earlier)"


def test_cli_ambiguous_name_exits_2_listing_candidates(filled, monkeypatch):
    import readouts.ledger.names as names

    monkeypatch.setattr(names, "_from_people_layer", lambda name, on: None)
    result = CliRunner().invoke(cli, ["last", "Netanyahu", "Macron", "--db", filled_url(filled), "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["candidates"] == [
        {"id": "Q43723", "name": "Benjamin Netanyahu", "country": None},
        {"id": "local:sara-netanyahu", "name": "Sara Netanyahu", "country": None}]
    assert result.stderr.splitlines() == [
        "Error: 'Netanyahu' fits several people; which one? Ask again with a full name or an id:",
        "  Benjamin Netanyahu  (Q43723)",
        "  Sara Netanyahu  (local:sara-netanyahu)",
    ]


def test_cli_bad_date_exits_2(filled):
    result = CliRunner().invoke(cli, ["last", "Q6279", "Q43723", "--db", filled_url(filled), "--as-of", "soon"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --as-of must be an ISO date (YYYY-MM-DD), not 'soon'\n"


def test_cli_timeline_tempo_counterparts_gaps_export(filled):
    url = filled_url(filled)
    timeline = json.loads(run("timeline", "Q6279", "Q43723", "--db", url, "--json", "--type", "call").output)
    assert [e["date"] for e in timeline] == ["2023-12-23", "2024-01-19"]
    tempo = json.loads(run("tempo", "Q6279", "Q43723", "--by", "year", "--db", url, "--json").output)
    assert [(r["period"], r["events"]) for r in tempo] == [("2023", 2), ("2024", 1)]
    counterparts = json.loads(run("counterparts", "Q6279", "--db", url, "--json").output)
    assert [r["id"] for r in counterparts] == ["Q43723", "Q3052772", "Q1058"]
    gaps = json.loads(run("gaps", "Q6279", "Q43723", "--db", url, "--json", "--as-of", "2024-03-01",
                          "--top", "1").output)
    assert [(g["from"], g["days"]) for g in gaps] == [("2023-10-18", 66)]
    exported = run("export", "--db", url, "--format", "jsonl")
    assert len(exported.stdout.splitlines()) == 8
    table = run("timeline", "Q6279", "--db", url)
    assert table.exit_code == 0 and "2024-01-19" in table.output


def filled_url(ledger) -> str:
    return ledger.engine.url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")


def test_cli_ingest_exit_codes_and_summary(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(f"call occurred {JBBN} 2024-01-19\n")
    db = str(tmp_path / "cli.db")
    missing = str(tmp_path / "missing.txt")
    # The real pipeline may not find anything in the line format: what matters here is the plumbing.
    ok = CliRunner().invoke(cli, ["ingest", str(good), "--db", db, "--quiet", "--json"])
    assert ok.exit_code in (0, 1), ok.output
    some = CliRunner().invoke(cli, ["ingest", str(good), missing, "--db", db, "--quiet"])
    assert some.exit_code == (1 if ok.exit_code == 0 else 2)
    assert f"failed: {missing}:" in some.stderr and "[missing-file]" in some.stderr
    none = CliRunner().invoke(cli, ["ingest", missing, "--db", db, "--quiet"])
    assert none.exit_code == 2
    summary = none.stderr.splitlines()[-1]
    assert summary.startswith("1 documents in ") and "1 failed" in summary


def test_cli_ingest_needs_a_source():
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == 2


# ------------------------------------------------- the acceptance check (issue 8)


@pytest.mark.corpus
def test_dev_corpus_answers_when_biden_and_netanyahu_last_spoke(tmp_path):
    from corpus import SEED
    from test_ingest import _pipeline_or_skip, dev_manifest

    _pipeline_or_skip()
    manifest = dev_manifest(tmp_path)
    db = str(tmp_path / "fresh.db")
    ingest = CliRunner().invoke(cli, ["ingest", str(manifest), "--db", db, "--quiet"])
    assert ingest.exit_code in (0, 1), ingest.output
    result = CliRunner().invoke(cli, ["last", "Joe Biden", "Benjamin Netanyahu", "--db", db, "--json"],
                                env={"READOUTS_DB": os.devnull})
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["pair"] == ["Benjamin Netanyahu", "Joe Biden"]
    last = answer["last"]
    assert (last["type"], last["date"], last["duration_minutes"]) == ("call", "2024-01-19", 40)
    assert answer["previous"]["date"] == "2023-12-23"
    assert answer["gap_days"] == 27
    seed_quotes = [q for q in last["quotes"] if q["doc_id"] == "seed-jns-biden-netanyahu-call"]
    assert seed_quotes, last["quotes"]
    seed_text = " ".join(SEED.read_text(encoding="utf-8").split())
    assert " ".join(seed_quotes[0]["text"].split()) in seed_text


def test_titles_in_questions_go_through_the_people_layer(filled):
    pytest.importorskip("readouts.people")
    answer = filled.last("Joe Biden", "the Israeli prime minister", as_of="2024-02-01")
    assert answer["pair"] == ["Benjamin Netanyahu", "Joe Biden"]
    assert answer["last"]["date"] == "2024-01-19"


def test_cli_export_to_files(filled, tmp_path):
    url = filled_url(filled)
    csv_path, parquet_path = tmp_path / "events.csv", tmp_path / "events.parquet"
    assert run("export", "--db", url, "--format", "csv", "-o", str(csv_path)).exit_code == 0
    assert csv_path.read_text().splitlines()[0].startswith("event_id,doc_id,type,status,participants")
    done = run("export", "--db", url, "--format", "parquet", "-o", str(parquet_path), "--status", "planned")
    assert done.stderr == "1 events exported\n"
    missing = CliRunner().invoke(cli, ["export", "--db", url, "--format", "parquet"])
    assert missing.exit_code == 2 and "parquet export needs --output PATH" in missing.output
