"""The ledger's tables, one schema for SQLite and PostgreSQL, and its versioned migrations.

Tables::

    schema_version   one row per applied migration
    runs             one row per ``ingest`` run (versions used, counts)
    errors           per-document failures of a run, with a reason code
    documents        what was ingested: content hash, url, publisher, publication date
                     and basis, and the cleaned text the evidence spans point into
    people           canonical names of the person ids seen in mentions
    mentions         one mention of an engagement in a document (evidence, span, rules
                     and gazetteer version), as the extractor found it
    reports          a document's own account of one engagement: its mentions merged
                     by the pipeline (the document's events); ``mentions.report`` says
                     which report a mention belongs to
    events           one row per real engagement, merged across documents' reports
    event_reports    provenance: which reports (so which documents, quotes and mentions)
                     make an event
    event_people     who took part in an event (the index behind ``timeline``)
    contacts         one row per (person, counterpart, event): the index behind
                     ``last``, ``gaps``, ``tempo`` and ``counterparts``

Dates are stored as ISO text: ``date`` at its granularity ("2024-01-19", "2024-01",
"2024"), ``date_start``/``date_end`` as the first and last day it may be, so
range filters and ordering work the same on both engines.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

from ..errors import StoreError

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.String(32), nullable=False),
)

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("run_id", sa.Integer, primary_key=True),
    sa.Column("started_at", sa.String(32), nullable=False),
    sa.Column("finished_at", sa.String(32)),
    sa.Column("rules", sa.Text),
    sa.Column("gazetteer", sa.Text),
    sa.Column("documents_seen", sa.Integer, nullable=False, default=0),
    sa.Column("documents_written", sa.Integer, nullable=False, default=0),
    sa.Column("documents_failed", sa.Integer, nullable=False, default=0),
)

errors = sa.Table(
    "errors",
    metadata,
    sa.Column("error_id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.run_id"), nullable=False),
    sa.Column("doc_id", sa.Text, nullable=False),
    sa.Column("code", sa.String(64), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("url", sa.Text, index=True),
    sa.Column("publisher", sa.Text),
    sa.Column("given_published", sa.String(10)),
    sa.Column("published", sa.String(10)),
    sa.Column("published_basis", sa.String(16), nullable=False, default="unknown"),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("rules", sa.Text, nullable=False, default=""),
    sa.Column("gazetteer", sa.Text, nullable=False, default=""),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.run_id")),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)

people = sa.Table(
    "people",
    metadata,
    sa.Column("person_id", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("country", sa.Text),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("mention_id", sa.Integer, primary_key=True),
    sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),  # position among the document's mentions
    sa.Column("report", sa.Integer),  # ordinal of the document's report it belongs to (null: none)
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("person_ids", sa.Text, nullable=False),  # JSON list, sorted
    sa.Column("participants", sa.Text, nullable=False),  # JSON list of participant objects
    sa.Column("date", sa.String(10)),
    sa.Column("date_granularity", sa.String(8)),
    sa.Column("date_basis", sa.String(16), nullable=False, default="unknown"),
    sa.Column("date_text", sa.Text),
    sa.Column("duration_minutes", sa.Integer),
    sa.Column("location", sa.Text),
    sa.Column("host", sa.Text),
    sa.Column("sources", sa.Text, nullable=False, default="[]"),
    sa.Column("topics", sa.Text, nullable=False, default="[]"),
    sa.Column("level", sa.String(16)),
    sa.Column("flags", sa.Text, nullable=False, default="[]"),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
    sa.Column("rules", sa.Text, nullable=False, default=""),
    sa.Column("gazetteer", sa.Text, nullable=False, default=""),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("report_id", sa.Integer, primary_key=True),
    sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),  # position among the document's reports
    sa.Column("group_key", sa.String(40), nullable=False, index=True),  # see merge.group_key
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("person_ids", sa.Text, nullable=False),  # JSON list, in participants order
    sa.Column("participants", sa.Text, nullable=False),  # JSON list of canonical names, sorted
    sa.Column("level", sa.String(16)),
    sa.Column("date", sa.String(10)),
    sa.Column("date_basis", sa.String(16), nullable=False, default="unknown"),
    sa.Column("duration_minutes", sa.Integer),
    sa.Column("location", sa.Text),
    sa.Column("host", sa.Text),
    sa.Column("sources", sa.Text, nullable=False, default="[]"),
    sa.Column("topics", sa.Text, nullable=False, default="[]"),
    sa.Column("flags", sa.Text, nullable=False, default="[]"),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
    sa.UniqueConstraint("doc_id", "ordinal", name="uq_reports_doc_ordinal"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(24), primary_key=True),
    sa.Column("group_key", sa.String(40), nullable=False, index=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("participants", sa.Text, nullable=False),  # JSON list of canonical names, in person_ids order
    sa.Column("person_ids", sa.Text, nullable=False),  # JSON list, sorted
    sa.Column("level", sa.String(16)),
    sa.Column("date", sa.String(10)),
    sa.Column("date_granularity", sa.String(8)),
    sa.Column("date_basis", sa.String(16), nullable=False, default="unknown"),
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("duration_minutes", sa.Integer),
    sa.Column("location", sa.Text),
    sa.Column("host", sa.Text),
    sa.Column("sources", sa.Text, nullable=False, default="[]"),
    sa.Column("topics", sa.Text, nullable=False, default="[]"),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),
    sa.Column("reports", sa.Integer, nullable=False),
)

event_reports = sa.Table(
    "event_reports",
    metadata,
    sa.Column("event_id", sa.String(24), sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "report_id", sa.Integer, sa.ForeignKey("reports.report_id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

event_people = sa.Table(
    "event_people",
    metadata,
    sa.Column("person_id", sa.Text, primary_key=True),
    sa.Column("event_id", sa.String(24), sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("date_start", sa.String(10)),
    sa.Index("ix_event_people_timeline", "person_id", "status", "date_start"),
    sa.Index("ix_event_people_event", "event_id"),
)

contacts = sa.Table(
    "contacts",
    metadata,
    sa.Column("person_id", sa.Text, primary_key=True),
    sa.Column("counterpart_id", sa.Text, primary_key=True),
    sa.Column("event_id", sa.String(24), sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("date_start", sa.String(10)),
    sa.Index("ix_contacts_pair", "person_id", "counterpart_id", "status", "date_start"),
    sa.Index("ix_contacts_event", "event_id"),
)


def _create_v1(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=[t for t in metadata.sorted_tables if t.name != "schema_version"])


# (version, description, apply). Append new steps; never edit an applied one.
MIGRATIONS: tuple[tuple[int, str, Callable[[sa.Connection], None]], ...] = (
    (1, "documents, mentions, reports, events, provenance, people, runs and errors", _create_v1),
)
LATEST = MIGRATIONS[-1][0]


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0


def migrate(engine: sa.Engine) -> int:
    """Bring the ledger's schema to the latest version; returns that version.

    Each migration runs in its own transaction, so a crash leaves the ledger at
    the last complete version.
    """
    with engine.begin() as conn:
        schema_version.create(conn, checkfirst=True)
    with engine.connect() as conn:
        version = current_version(conn)
    if version > LATEST:
        raise StoreError(
            f"the ledger is at schema version {version}, newer than this readouts knows ({LATEST}): upgrade readouts"
        )
    for number, description, apply in MIGRATIONS:
        if number <= version:
            continue
        with engine.begin() as conn:
            apply(conn)
            conn.execute(schema_version.insert().values(version=number, description=description, applied_at=now()))
    return LATEST
