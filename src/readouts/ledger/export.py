"""Exporting the ledger's events: JSON lines, CSV or Parquet.

One record per event, with the DESIGN.md event fields (``doc_id`` is the
earliest document that reports it, ``evidence``/``span`` its quote) plus
``event_id``, ``confidence``, ``documents`` and every ``doc_ids``.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO

import sqlalchemy as sa

from ..errors import MissingDriver, QueryError
from . import schema as s
from .queries import event_fields

FORMATS = ("jsonl", "csv", "parquet")
FIELDS = (
    "event_id", "doc_id", "type", "status", "participants", "person_ids", "level", "date", "date_basis",
    "duration_minutes", "location", "host", "sources", "topics", "evidence", "span", "doc_published",
    "doc_published_basis", "confidence", "documents", "doc_ids",
)
LIST_FIELDS = ("participants", "person_ids", "sources", "topics", "span", "doc_ids")


def iter_events(conn: sa.Connection, *, status: str | None = None, chunk: int = 1000) -> Iterator[dict]:
    """Every event, in date order (undated last), as an export record."""
    e = s.events.c
    query = sa.select(s.events).order_by(e.date_start.is_(None), e.date_start, e.event_id)
    if status:
        query = query.where(e.status == status)
    result = conn.execution_options(yield_per=chunk).execute(query)
    for rows in result.partitions(chunk):
        evidence = _evidence(conn, [row.event_id for row in rows])
        for row in rows:
            yield _record(row, evidence.get(row.event_id, []))


def _evidence(conn: sa.Connection, event_ids: list[str]) -> dict[str, list]:
    """Each event's reports with their documents, earliest publication first (one query per chunk)."""
    r, d, er = s.reports.c, s.documents.c, s.event_reports.c
    rows = conn.execute(
        sa.select(er.event_id, r.doc_id, r.evidence, r.span_start, r.span_end, d.published, d.published_basis)
        .join(s.reports, er.report_id == r.report_id)
        .join(s.documents, d.doc_id == r.doc_id)
        .where(er.event_id.in_(event_ids))
        .order_by(er.event_id, d.published.is_(None), d.published, r.doc_id, r.ordinal)
    ).all()
    out: dict[str, list] = {}
    for row in rows:
        out.setdefault(row.event_id, []).append(row)
    return out


def _record(row, evidence: list) -> dict:
    first = evidence[0] if evidence else None
    return {
        "event_id": row.event_id,
        "doc_id": first.doc_id if first else None,
        "type": row.type,
        "date": row.date,
        **event_fields(row),
        "evidence": first.evidence if first else "",
        "span": [first.span_start, first.span_end] if first and first.span_start is not None else None,
        "doc_published": first.published if first else None,
        "doc_published_basis": first.published_basis if first else "unknown",
        "doc_ids": sorted({r.doc_id for r in evidence}),
    }


def write_jsonl(records, out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        row = dict(record)
        for key in LIST_FIELDS:
            if row[key] is not None:
                row[key] = "; ".join(str(v) for v in row[key])
        writer.writerow(row)
        n += 1
    return n


def write_parquet(records, path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDriver("Parquet export needs pyarrow, which is not installed: pip install 'readouts[parquet]'") from exc
    rows = list(records)
    schema = pa.schema([
        ("event_id", pa.string()), ("doc_id", pa.string()), ("type", pa.string()), ("status", pa.string()),
        ("participants", pa.list_(pa.string())), ("person_ids", pa.list_(pa.string())), ("level", pa.string()),
        ("date", pa.string()), ("date_basis", pa.string()), ("duration_minutes", pa.int64()),
        ("location", pa.string()), ("host", pa.string()), ("sources", pa.list_(pa.string())),
        ("topics", pa.list_(pa.string())), ("evidence", pa.string()), ("span", pa.list_(pa.int64())),
        ("doc_published", pa.string()), ("doc_published_basis", pa.string()), ("confidence", pa.float64()),
        ("documents", pa.int64()), ("doc_ids", pa.list_(pa.string())),
    ])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)
    return len(rows)


def export(conn: sa.Connection, format: str, out: IO[str] | str, *, status: str | None = None) -> int:
    """Write every event to ``out`` (a text stream, or a path for parquet); returns how many."""
    if format not in FORMATS:
        raise QueryError(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    records = iter_events(conn, status=status)
    if format == "parquet":
        if not isinstance(out, str):
            raise QueryError("parquet export needs a file: --output PATH")
        return write_parquet(records, out)
    if isinstance(out, str):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return (write_jsonl if format == "jsonl" else write_csv)(records, handle)
    return (write_jsonl if format == "jsonl" else write_csv)(records, out)
