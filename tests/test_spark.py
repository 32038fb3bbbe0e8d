"""The Spark path (readouts.spark): the same events as process_many, error rows for bad documents.

The pages are of our own writing. The Spark tests run PySpark in local mode
(``local[2]``, one session for the module) and are skipped when pyspark or Java
is missing, except under CI (CI=true), where a missing Java is a failure. The
tests of ``extract_partition`` alone need neither.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys

import pytest

from readouts.pipeline import process_many
from readouts.sources import read_manifest
from readouts.spark import FIELDS, document_from_row, extract_partition

CALL_PAGE = """<html><head><title>Leaders discuss grain corridor in phone call</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Leaders discuss grain corridor in phone call</h1>
<p>German Chancellor Olaf Scholz and French President Emmanuel Macron spoke by telephone on Tuesday for about
45 minutes, a government spokesman in Berlin said.</p>
<p>The two leaders discussed grain exports across the Black Sea and the next meeting of European Union finance
ministers, the spokesman added.</p>
<p>It was their second call this month.</p></article>
<footer>Subscribe to our newsletter for the morning briefing.</footer></body></html>"""

VISIT_SCRAPE = """Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in New Delhi on Monday, March 20, 2023.

The two discussed trade and security in the Indo-Pacific region, according to a statement from the Japanese foreign ministry."""

FESTIVAL_PAGE = """<html><body><article><h1>River festival draws record crowds</h1>
<p>More than twenty thousand visitors came to the riverside on Saturday for the annual lantern festival,
organisers said.</p><p>Food stalls ran out of dumplings by nine in the evening.</p></article></body></html>"""

HOLLOW_PAGE = "<html><head><title></title></head><body><div><script>var a = 1;</script></div></body></html>"

PAGES = [
    {"id": "call", "text": CALL_PAGE, "url": "https://news.example.org/2023/03/15/scholz-macron-call",
     "published": "2023-03-15"},
    {"id": "visit", "text": VISIT_SCRAPE, "url": None, "published": None},
    {"id": "festival", "text": FESTIVAL_PAGE, "url": "https://news.example.org/2023/06/03/festival", "published": None},
    {"id": "hollow", "text": HOLLOW_PAGE, "url": None, "published": None},
    {"id": "blank", "text": "  \n ", "url": None, "published": None},
]


def _canonical(rows) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """What process_many gives for PAGES read as a manifest: (event JSON, {doc_id: error code})."""
    manifest = tmp_path_factory.mktemp("spark") / "pages.jsonl"
    manifest.write_text("".join(json.dumps(p) + "\n" for p in PAGES), encoding="utf-8")
    events, errors = [], {}
    for result in process_many(read_manifest(manifest)):
        if result.error is not None:
            errors[result.doc_id] = result.error.code
        events.extend(e.to_json() for e in result.events)
    return events, errors


def _split(rows):
    rows = [dict(r) for r in rows]
    events = [{k: v for k, v in r.items() if k not in ("error", "error_message")} for r in rows if r["error"] is None]
    errors = {r["doc_id"]: r["error"] for r in rows if r["error"] is not None}
    return events, errors, rows


# --- extract_partition alone (no Spark) ------------------------------------------------------------------------


def test_reference_is_what_the_pages_say(reference):
    """The pages say what they were written to say (the rules' details are other tests' business)."""
    events, errors = reference
    assert {e["doc_id"] for e in events} == {"call", "visit"}
    call = next(e for e in events if e["doc_id"] == "call" and e["type"] == "call")
    assert (call["status"], call["participants"], call["date"], call["date_basis"], call["duration_minutes"]) == (
        "occurred", ["Emmanuel Macron", "Olaf Scholz"], "2023-03-14", "relative", 45)
    visit = next(e for e in events if e["doc_id"] == "visit")
    assert (visit["type"], visit["participants"], visit["date"], visit["location"], visit["host"]) == (
        "visit", ["Fumio Kishida", "Narendra Modi"], "2023-03-20", "New Delhi", "India")
    assert errors == {"hollow": "no-text", "blank": "empty"}


def test_partition_gives_the_events_of_process_many(reference):
    events, errors, rows = _split(extract_partition(iter(PAGES)))
    assert _canonical(events) == _canonical(reference[0])
    assert errors == reference[1]
    assert all(tuple(r) == FIELDS for r in rows)
    blank = next(r for r in rows if r["doc_id"] == "blank")
    assert blank["error_message"] and all(blank[k] is None for k in FIELDS if k not in ("doc_id", "error",
                                                                                          "error_message"))


def test_partition_never_raises_for_a_bad_row(monkeypatch):
    rows = [
        {"text": CALL_PAGE, "url": "https://news.example.org/x"},        # no id
        {"id": "number", "text": 42},                                     # content of the wrong type
        {"id": "late", "text": VISIT_SCRAPE, "published": "next week"},  # not a date
        {"id": "nothing"},                                                # no content at all
        {"id": "png", "content": b"\x89PNG\r\n\x1a\n" + bytes(range(64))},
        ("not", "a", "row"),
        {"id": "big", "html": "<p>" + "word " * 100 + "</p>"},
    ]
    out = list(extract_partition(rows, max_bytes=200))
    assert [(r["doc_id"], r["error"]) for r in out] == [
        ("https://news.example.org/x", "bad-row"), ("number", "bad-row"), ("late", "bad-row"),
        ("nothing", "empty"), ("png", "binary"), (None, "bad-row"), ("big", "too-large")]

    import readouts.pipeline

    def broken(doc, resources=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(readouts.pipeline, "process", broken)
    out = list(extract_partition([PAGES[0], PAGES[1]], resources=object()))
    assert [(r["doc_id"], r["error"], r["error_message"]) for r in out] == [
        ("call", "internal", "RuntimeError: boom"), ("visit", "internal", "RuntimeError: boom")]


def test_rows_become_the_documents_the_readers_make():
    doc = document_from_row({"id": 7, "content": CALL_PAGE.encode("cp1252"), "published": dt.datetime(2023, 3, 15, 9),
                             "url": "https://news.example.org/a"})
    assert (doc.id, doc.published, doc.url, doc.is_html) == ("7", dt.date(2023, 3, 15), "https://news.example.org/a", True)
    assert doc.content == CALL_PAGE


def test_importing_readouts_does_not_import_pyspark():
    code = "import sys, readouts, readouts.spark, readouts.cli; print('pyspark' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- on Spark (local[2]) ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but Java is missing: PySpark needs a JRE (apt-get install default-jre-headless)")
        pytest.skip("PySpark needs Java: install a JRE (e.g. apt-get install default-jre-headless)")
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYSPARK_PYTHON", sys.executable)
        mp.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        mp.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        session = (SparkSession.builder.master("local[2]").appName("readouts-tests")
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   # a quick JVM start matters more here than its speed on jobs of five pages
                   .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                   .config("spark.sql.shuffle.partitions", "2")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .getOrCreate())
        session.sparkContext.setLogLevel("ERROR")
        try:
            yield session
        finally:
            session.stop()


def _pages_frame(spark):
    return spark.createDataFrame(PAGES, "id string, text string, url string, published string").repartition(2)


def test_dataframe_gives_the_events_of_process_many(spark, reference):
    from readouts.spark import event_schema, extract_dataframe

    out = extract_dataframe(_pages_frame(spark))
    assert out.schema == event_schema() and tuple(out.columns) == FIELDS
    events, errors, rows = _split(r.asDict(recursive=True) for r in out.collect())
    assert _canonical(events) == _canonical(reference[0])
    assert errors == reference[1]
    assert len(rows) == len(reference[0]) + 2
    assert out.where("error IS NULL").count() == len(reference[0])


def test_map_partitions_over_rows(spark, reference):
    rows = _pages_frame(spark).rdd.mapPartitions(extract_partition).collect()
    events, errors, _ = _split(rows)
    assert _canonical(events) == _canonical(reference[0])
    assert errors == reference[1]


def test_binary_pages_and_date_columns(spark, reference):
    """Bytes as spark.read.format("binaryFile") gives them, an id column of another name, a DateType date."""
    from readouts.spark import extract_dataframe

    frame = spark.createDataFrame(
        [("a/call.html", CALL_PAGE.encode("utf-8"), "https://news.example.org/2023/03/15/scholz-macron-call",
          dt.date(2023, 3, 15)),
         ("a/visit.txt", VISIT_SCRAPE.encode("utf-16"), None, None),
         ("a/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, None, None)],
        "path string, content binary, url string, published date")
    rows = [r.asDict(recursive=True) for r in extract_dataframe(frame, id_col="path").collect()]
    events, errors, _ = _split(rows)
    renamed = {"call": "a/call.html", "visit": "a/visit.txt"}
    assert _canonical(events) == _canonical({**e, "doc_id": renamed[e["doc_id"]]} for e in reference[0])
    assert errors == {"a/logo.png": "binary"}


def test_dataframe_without_a_page_column(spark):
    from readouts.spark import extract_dataframe

    with pytest.raises(ValueError, match="content, text, html"):
        extract_dataframe(spark.createDataFrame([("x", "y")], "id string, body string"))


def test_spark_extract_command(spark, reference, tmp_path):
    from click.testing import CliRunner

    from readouts.cli import cli

    pages = tmp_path / "pages.jsonl"
    pages.write_text("".join(json.dumps(p) + "\n" for p in PAGES), encoding="utf-8")
    out = tmp_path / "events"
    result = CliRunner().invoke(cli, ["spark-extract", str(pages), "--input-format", "json", "--output", str(out)])
    assert result.exit_code == 1, result.output  # two of the five documents fail
    assert sorted(line.rsplit("[", 1)[1] for line in result.stderr.splitlines()) == ["empty]", "no-text]"]
    lines = [json.loads(line) for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    assert _canonical(lines) == _canonical(reference[0])
    assert all(list(line) == list(reference[0][0]) for line in lines)  # the contract's fields, in its order
    assert spark.range(1).count() == 1  # the module's session is still there
