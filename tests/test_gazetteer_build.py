"""The packaged gazetteer is rebuilt byte-identically from its sources, and the
build reports malformed raw rows with counts."""
from __future__ import annotations

import gzip
import json

import pytest

from readouts.people.build import OUTPUT, build, default_raw_dir, name_forms, serialise

RAW = default_raw_dir()
needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason=f"raw leaders data not found at {RAW} (../shared absent)")


@pytest.fixture(scope="module")
def built():
    return build(RAW, output=None)


@needs_raw
def test_rebuild_is_byte_identical(built):
    blob, _ = built
    again, _ = build(RAW, output=None)
    assert blob == again


@needs_raw
def test_packaged_file_is_up_to_date(built):
    blob, _ = built
    assert OUTPUT.read_bytes() == blob, "src/readouts/data/gazetteer.json.gz is stale: run `readouts gazetteer build`"


@needs_raw
def test_malformed_rows_are_counted(built):
    _, report = built
    c = report.counts
    # SOURCE.md: 1,068 rows without a start, 17 malformed starts, 133 duplicate keys, 45 bare-QID labels.
    assert c["leaders: no start date (dropped)"] >= 1000
    assert c["leaders: malformed start date (dropped)"] >= 17
    assert c["leaders: duplicate term (iso3, role, qid, start) dropped"] >= 130
    assert c["leaders: label is a bare QID (name taken from other files)"] >= 1
    assert c["leaders: row excluded by curated exclude.csv"] >= 1
    assert "20254-04-01T00:00:00Z" in " ".join(report.examples["leaders: malformed start date (dropped)"]) or \
        c["leaders: malformed start date (dropped)"] > 5


@needs_raw
def test_report_travels_with_the_data(built):
    blob, report = built
    data = json.loads(gzip.decompress(blob))
    assert data["report"]["counts"] == dict(sorted(report.counts.items()))


def test_serialise_is_deterministic():
    a = serialise({"b": [1, 2], "a": "é"})
    b = serialise({"a": "é", "b": [1, 2]})
    assert a == b
    assert a[4:8] == b"\x00\x00\x00\x00"  # gzip mtime 0


@pytest.mark.parametrize("name,country,full,surnames,royal", [
    ("Benjamin Netanyahu", "ISR", {"Netanyahu Benjamin"}, {"Netanyahu"}, set()),
    ("Recep Tayyip Erdoğan", "TUR", {"Tayyip Erdoğan", "Recep Erdoğan"}, {"Erdoğan"}, set()),
    ("Ursula von der Leyen", "DEU", {"von der Leyen", "Ursula Leyen"}, {"von der Leyen", "Leyen"}, set()),
    ("Kim Jong Un", "PRK", set(), {"Kim"}, set()),
    ("Abdullah II of Jordan", "JOR", {"Abdullah II"}, set(), {"Abdullah"}),
    ("Mohammed bin Salman", "SAU", {"Mohammed bin Salman"}, set(), {"Mohammed"}),
    ("George W. Bush", "USA", {"George Bush", "Bush George"}, {"Bush"}, set()),
    ("Andrés Manuel López Obrador", "MEX", {"López Obrador", "Manuel López Obrador", "Andrés Obrador"},
     {"Obrador", "López"}, set()),
])
def test_name_forms(name, country, full, surnames, royal):
    assert name_forms(name, country) == (full, surnames, royal)


@needs_raw
def test_rebuild_in_another_process_with_another_hash_seed_is_identical(built):
    import hashlib
    import os
    import subprocess
    import sys

    blob, _ = built
    code = ("import hashlib; from readouts.people.build import build; "
            "print(hashlib.sha256(build(output=None)[0]).hexdigest())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout.strip()
    assert out == hashlib.sha256(blob).hexdigest()
