"""Fixtures of the ledger tests: both engines, and a stand-in pipeline.

``db_url`` runs a test once on SQLite (a file in tmp_path) and once on a
throwaway PostgreSQL server (see tests/pg.py). Without PostgreSQL installed the
second run is skipped with a message saying how to run it, except under CI
(CI=true), where that is a failure.

``fake_process`` is a pipeline stand-in so the store is tested without the
extraction rules: each line of a document's content is one mention, written as
``TYPE STATUS ID:Name|ID:Name DATE [key=value...]`` (keys: duration, sources,
topics, report, location, host). Lines with the same ``report=N`` are one of the
document's own events; a document without any gives mentions only.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from readouts.records import (  # noqa: E402
    Article, Block, Document, DocumentError, DocumentResult, Event, Mention, Participant, Publication, ResolvedDate,
)

import pg  # noqa: E402

FAKE_RULES = "fake.v1"


def _granularity(value: str | None) -> str | None:
    return {10: "day", 7: "month", 4: "year"}.get(len(value)) if value else None


def fake_process(doc: Document, *, resources=None, rules: str = FAKE_RULES) -> DocumentResult:
    """Mentions from the line format of the module docstring; ``FAIL`` content fails with code no-text."""
    delay = float(os.environ.get("READOUTS_FAKE_DELAY", "0") or 0)
    if delay:
        import time

        time.sleep(delay)
    publication = Publication(doc.published, "given" if doc.published else "unknown")
    if doc.content.strip() == "FAIL":
        return DocumentResult(doc.id, None, publication, (), (), DocumentError(doc.id, "no-text", "no text found"))
    article = Article(doc.id, doc.content, (Block(0, len(doc.content), "paragraph"),), url=doc.url,
                      published=doc.published)
    mentions: list[Mention] = []
    reports: dict[int, list[Mention]] = {}
    offset = 0
    for line in doc.content.splitlines(keepends=True):
        text = line.rstrip("\n")
        start, offset = offset, offset + len(line)
        parts = text.split()
        if len(parts) < 4 or parts[0] not in ("call", "meeting", "visit"):
            continue
        kind, status, people, date = parts[:4]
        opts = dict(p.split("=", 1) for p in parts[4:] if "=" in p)
        participants = tuple(
            Participant(surface=name.replace("_", " "), name=name.replace("_", " "), person_id=pid)
            for pid, name in (p.rsplit(":", 1) for p in people.split("|"))
        )
        date = None if date == "-" else date
        mention = Mention(
            doc_id=doc.id, type=kind, status=status, participants=participants,
            date=ResolvedDate(date, _granularity(date), "explicit" if date else "unknown"),
            evidence=text, span=(start, start + len(text)),
            duration_minutes=int(opts["duration"]) if "duration" in opts else None,
            location=opts.get("location"), host=opts.get("host"),
            sources=tuple(x.replace("_", " ") for x in opts["sources"].split(",")) if "sources" in opts else (),
            topics=tuple(opts["topics"].split(",")) if "topics" in opts else (),
            level="leader", rules=rules,
        )
        mentions.append(mention)
        if "report" in opts:
            reports.setdefault(int(opts["report"]), []).append(mention)
    events = tuple(_event(ms) for _, ms in sorted(reports.items()))
    return DocumentResult(doc.id, article, publication, tuple(mentions), events)


def _event(ms: list[Mention]) -> Event:
    """The document's own event of the mentions sharing a ``report=`` number (dated by the first dated one)."""
    people = sorted({p.person_id: p for m in ms for p in m.participants}.values(), key=lambda p: p.name)
    dated = next((m for m in ms if m.date.value), ms[0])
    return Event(
        ms[0].doc_id, ms[0].type, ms[0].status, tuple(p.name for p in people), tuple(p.person_id for p in people),
        "leader", dated.date.value, dated.date.basis,
        duration_minutes=next((m.duration_minutes for m in ms if m.duration_minutes), None),
        location=next((m.location for m in ms if m.location), None), host=next((m.host for m in ms if m.host), None),
        sources=tuple(dict.fromkeys(x for m in ms for x in m.sources)),
        topics=tuple(dict.fromkeys(x for m in ms for x in m.topics)),
        evidence=" ".join(m.evidence for m in ms), span=(ms[0].span[0], ms[-1].span[1]), mentions=tuple(ms),
    )


def doc(doc_id: str, *lines: str, url: str | None = None, published: str | None = None) -> Document:
    return Document(doc_id, "\n".join(lines) + "\n", url=url,
                    published=dt.date.fromisoformat(published) if published else None)


@pytest.fixture(scope="session")
def pg_server():
    bin_dir = pg.find_bin()
    if bin_dir is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but no PostgreSQL server binaries were found. {pg.HOW_TO_RUN}")
        pytest.skip(pg.HOW_TO_RUN)
    server = pg.Server(bin_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A fresh, empty ledger URL on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("pg_server").fresh_database()


@pytest.fixture
def ledger(db_url):
    from readouts.ledger import Ledger

    with Ledger(db_url) as opened:
        yield opened
