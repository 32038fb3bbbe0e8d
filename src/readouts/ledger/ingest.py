"""Ingesting documents into the ledger: idempotent, batched, and safe to kill.

Each document is identified by its id, or failing that its URL, and
fingerprinted by the SHA-256 of its content:

* the same content again (under any id) changes nothing and is not re-extracted;
* changed content under a known id or URL replaces that document's mentions;
* a document whose mentions were made by other rules or another gazetteer than
  the current ones is re-extracted, and only those are.

Documents are written in batches, each batch one transaction that also
re-merges the event groups it touched: a run killed at any point leaves the
ledger as it was after its last complete batch, and running it again finishes
the job without duplicating anything.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import sqlalchemy as sa

from ..records import Document, DocumentError, DocumentResult, Event, Mention
from . import schema as s
from .merge import Report, group_key, merge_group

DEFAULT_BATCH = 32
BATCH_SECONDS = 2.0  # also commit a partial batch after this long, so slow pipelines lose little on a crash

Process = Callable[..., DocumentResult]
Progress = Callable[[str, str], None]  # (outcome, doc_id); outcome: new|changed|stale|unchanged|duplicate|failed


@dataclass
class IngestSummary:
    """What one ``ingest`` run did."""

    run_id: int
    seen: int = 0
    new: int = 0
    changed: int = 0
    reextracted: int = 0  # same content, older rules or gazetteer
    unchanged: int = 0
    duplicate: int = 0  # same content as another stored document
    failed: int = 0
    mentions: int = 0
    events_touched: int = 0
    failures: list[DocumentError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def written(self) -> int:
        return self.new + self.changed + self.reextracted

    @property
    def processed(self) -> int:
        return self.seen - self.failed


def content_hash(doc: Document) -> str:
    return hashlib.sha256(doc.content.encode("utf-8", "surrogatepass")).hexdigest()


def publisher_of(url: str | None) -> str | None:
    """The outlet a URL belongs to (its host without ``www.``), for counting independent sources."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def current_versions() -> tuple[str, str]:
    """(rules version, gazetteer version) of what a fresh extraction would use now.

    Either is "" when its layer is not installed; the mention's own ``rules`` is
    then what counts.
    """
    rules = ""
    gazetteer = ""
    try:
        from ..rules import rules_version

        rules = rules_version()
    except Exception:  # noqa: BLE001  (a missing or broken rules layer just means "unknown")
        pass
    try:
        from ..people import load_gazetteer

        gazetteer = str(load_gazetteer().version)
    except Exception:  # noqa: BLE001
        pass
    return rules, gazetteer


def default_process() -> Process:
    from ..pipeline import process

    return process


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _dumps(value) -> str:
    return json.dumps(list(value), ensure_ascii=False, separators=(",", ":"))


@dataclass
class _Pending:
    doc: Document
    digest: str
    outcome: str  # new | changed | stale
    result: DocumentResult
    replaces: list[str]  # doc ids of stored documents it replaces


class Ingestor:
    """Writes documents into one ledger engine (use ``Ledger.ingest``)."""

    def __init__(
        self,
        engine: sa.Engine,
        *,
        process: Process | None = None,
        resources=None,
        rules_version: str | None = None,
        gazetteer_version: str | None = None,
        batch_size: int = DEFAULT_BATCH,
        progress: Progress | None = None,
        jobs: int = 1,
    ):
        self.engine = engine
        self._reader: sa.Connection | None = None
        self.jobs = max(1, jobs)
        # Documents in flight at once: enough to keep every worker busy.
        self.window = 0 if self.jobs <= 1 else 4 * self.jobs
        self._process = process
        self.resources = resources
        if rules_version is None or gazetteer_version is None:
            found_rules, found_gazetteer = current_versions()
            rules_version = found_rules if rules_version is None else rules_version
            gazetteer_version = found_gazetteer if gazetteer_version is None else gazetteer_version
        self.rules_version = rules_version
        self.gazetteer_version = gazetteer_version
        self.batch_size = max(1, batch_size)
        self.progress = progress or (lambda outcome, doc_id: None)

    @property
    def process(self) -> Process:
        if self._process is None:
            self._process = default_process()
            if self.resources is None:
                # Load the gazetteer once for the run, not once per document.
                from ..pipeline import Resources

                self.resources = Resources.default()
        return self._process

    # ------------------------------------------------------------------ the run

    def run(self, items: Iterable[Document | DocumentError]) -> IngestSummary:
        started = time.perf_counter()
        with self.engine.begin() as conn:
            run_id = conn.execute(
                s.runs.insert().values(
                    started_at=s.now(), rules=self.rules_version, gazetteer=self.gazetteer_version,
                    documents_seen=0, documents_written=0, documents_failed=0,
                )
            ).inserted_primary_key[0]
        summary = IngestSummary(run_id=run_id)
        pool = self._pool()
        if self.engine.url.database not in (None, "", ":memory:"):
            # One reading connection for the run's look-ups (autocommit: it never holds a snapshot).
            self._reader = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            self._run(items, summary, pool)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            if self._reader is not None:
                self._reader.close()
                self._reader = None
        summary.seconds = time.perf_counter() - started
        with self.engine.begin() as conn:
            conn.execute(
                s.runs.update().where(s.runs.c.run_id == run_id).values(
                    finished_at=s.now(), documents_seen=summary.seen,
                    documents_written=summary.written, documents_failed=summary.failed,
                )
            )
        return summary

    def _pool(self):
        if self.jobs <= 1:
            return None
        from concurrent.futures import ProcessPoolExecutor

        process = self.process  # resolves the default pipeline and its resources once, here
        return ProcessPoolExecutor(self.jobs, initializer=_init_worker, initargs=(process, self.resources))

    def _run(self, items, summary: IngestSummary, pool) -> None:
        batch: list[_Pending] = []
        failures: list[DocumentError] = []
        # Documents classified but not yet written: their hashes (later copies are duplicates)
        # and their ids and urls (a later version of one must wait until it is written).
        inflight_hashes: set[str] = set()
        inflight_keys: set[str] = set()
        window: deque = deque()
        last_flush = time.monotonic()

        def keys(doc: Document) -> set[str]:
            return {f"id:{doc.id}"} | ({f"url:{doc.url}"} if doc.url else set())

        def release(doc: Document, digest: str) -> None:
            inflight_hashes.discard(digest)
            inflight_keys.difference_update(keys(doc))

        def flush() -> None:
            nonlocal batch, failures, last_flush
            if batch or failures:
                self._write(batch, failures, summary)
            for item in batch:
                release(item.doc, item.digest)
            batch, failures = [], []
            last_flush = time.monotonic()

        def complete(entry) -> None:
            doc, digest, outcome, replaces, pending = entry
            try:
                result = pending.result() if pool is not None else pending()
            except Exception as exc:  # noqa: BLE001  (one bad document must not stop the batch)
                result, error = None, DocumentError(doc.id, getattr(exc, "code", "internal"),
                                                    f"{type(exc).__name__}: {exc}")
            else:
                error = result.error
            if error is not None:
                release(doc, digest)
                self._fail(error, failures, summary)
            elif outcome == "recheck" and self._same_versions(replaces[0], result):
                release(doc, digest)
                summary.unchanged += 1
                self.progress("unchanged", doc.id)
            else:
                batch.append(_Pending(doc, digest, "stale" if outcome == "recheck" else outcome, result, replaces))
            if len(batch) >= self.batch_size or time.monotonic() - last_flush > BATCH_SECONDS:
                flush()

        for item in items:
            summary.seen += 1
            if isinstance(item, DocumentError):
                self._fail(item, failures, summary)
                continue
            doc = item
            digest = content_hash(doc)
            if digest in inflight_hashes:
                summary.duplicate += 1
                self.progress("duplicate", doc.id)
                continue
            if keys(doc) & inflight_keys:
                while window:
                    complete(window.popleft())
                flush()
            outcome, replaces = self._classify(doc, digest)
            if outcome in ("unchanged", "duplicate"):
                setattr(summary, outcome, getattr(summary, outcome) + 1)
                self.progress(outcome, doc.id)
                continue
            inflight_hashes.add(digest)
            inflight_keys.update(keys(doc))
            if pool is not None:
                pending = pool.submit(_process_in_worker, doc)
            else:
                pending = functools.partial(self.process, doc, resources=self.resources)
            window.append((doc, digest, outcome, replaces, pending))
            while window and (len(window) > self.window or (pool is not None and window[0][4].done())):
                complete(window.popleft())
        while window:
            complete(window.popleft())
        flush()

    def _fail(self, error: DocumentError, failures: list[DocumentError], summary: IngestSummary) -> None:
        summary.failed += 1
        summary.failures.append(error)
        failures.append(error)
        self.progress("failed", error.doc_id)

    # ------------------------------------------------------------ classifying

    @contextlib.contextmanager
    def _reading(self):
        if self._reader is not None:
            yield self._reader
        else:
            with self.engine.connect() as conn:
                yield conn

    def _classify(self, doc: Document, digest: str) -> tuple[str, list[str]]:
        d = s.documents.c
        with self._reading() as conn:
            cond = d.doc_id == doc.id
            if doc.url:
                cond = sa.or_(cond, d.url == doc.url)
            known = conn.execute(
                sa.select(d.doc_id, d.content_hash, d.url, d.given_published, d.rules, d.gazetteer).where(cond)
            ).all()
            if not known:
                other = conn.execute(sa.select(d.doc_id).where(d.content_hash == digest).limit(1)).first()
                return ("duplicate", []) if other else ("new", [])
        replaces = [row.doc_id for row in known]
        same = [
            row for row in known
            if row.content_hash == digest and row.given_published == _iso(doc.published) and row.url == doc.url
        ]
        if not same:
            return "changed", replaces
        row = same[0]
        if self.rules_version and self.gazetteer_version:
            current = (self.rules_version, self.gazetteer_version)
            return ("unchanged", replaces) if (row.rules, row.gazetteer) == current else ("stale", replaces)
        return "recheck", [row.doc_id] + [r for r in replaces if r != row.doc_id]

    def _same_versions(self, doc_id: str, result: DocumentResult) -> bool:
        """Whether a fresh extraction's mentions were made by the same rules as the stored ones."""
        with self._reading() as conn:
            stored = set(conn.execute(
                sa.select(s.mentions.c.rules).where(s.mentions.c.doc_id == doc_id).distinct()).scalars())
            if not stored:
                stored_doc = conn.execute(
                    sa.select(s.documents.c.rules).where(s.documents.c.doc_id == doc_id)).scalar()
                return not result.mentions and stored_doc == self._rules_of(result)
        return stored == {m.rules or self.rules_version or "" for m in result.mentions}

    def _rules_of(self, result: DocumentResult) -> str:
        found = sorted({m.rules for m in result.mentions if m.rules})
        if found:
            return ",".join(found)
        return self.rules_version or ""

    # ---------------------------------------------------------------- writing

    def _write(self, batch: list[_Pending], failures: list[DocumentError], summary: IngestSummary) -> None:
        """One transaction: the batch's errors, its documents replacing their old versions, and the re-merge."""
        with self.engine.begin() as conn:
            lock_for_writing(conn)
            if failures:
                conn.execute(s.errors.insert(), [
                    {"run_id": summary.run_id, "doc_id": e.doc_id, "code": e.code, "message": e.message,
                     "at": s.now()} for e in failures])
            if batch:
                touched = self._replace_documents(conn, batch, summary.run_id)
                if touched:
                    summary.events_touched += remerge(conn, touched)
        for item in batch:
            setattr(summary, _COUNTER[item.outcome], getattr(summary, _COUNTER[item.outcome]) + 1)
            summary.mentions += len(item.result.mentions)
            self.progress(item.outcome, item.doc.id)

    def _replace_documents(self, conn: sa.Connection, batch: list[_Pending], run_id: int) -> set[str]:
        """Delete the stored versions of the batch's documents, insert the new ones; returns the groups touched."""
        r = s.reports.c
        doc_ids = sorted({d for item in batch for d in item.replaces} | {item.doc.id for item in batch})
        touched: set[str] = set()
        for start in range(0, len(doc_ids), 500):
            chunk = doc_ids[start:start + 500]
            touched |= set(conn.execute(sa.select(r.group_key).where(r.doc_id.in_(chunk)).distinct()).scalars())
            # Children first: SQLite only cascades with foreign keys on, and be explicit on both engines.
            old = sa.select(r.report_id).where(r.doc_id.in_(chunk))
            conn.execute(s.event_reports.delete().where(s.event_reports.c.report_id.in_(old)))
            conn.execute(s.reports.delete().where(r.doc_id.in_(chunk)))
            conn.execute(s.mentions.delete().where(s.mentions.c.doc_id.in_(chunk)))
            conn.execute(s.documents.delete().where(s.documents.c.doc_id.in_(chunk)))

        document_rows, mention_rows, report_rows, all_mentions = [], [], [], []
        for item in batch:
            doc, result = item.doc, item.result
            article, publication = result.article, result.publication
            url = doc.url or (article.url if article else None)
            document_rows.append({
                "doc_id": doc.id, "content_hash": item.digest, "url": doc.url, "publisher": publisher_of(url),
                "given_published": _iso(doc.published), "published": _iso(publication.date),
                "published_basis": publication.basis, "title": article.title if article else None,
                "text": article.text if article else None, "rules": self.rules_version or self._rules_of(result),
                "gazetteer": self.gazetteer_version or "", "run_id": run_id, "ingested_at": s.now(),
            })
            reports, membership = document_reports(result)
            mention_rows.extend(self._mention_row(doc.id, i, mention, membership.get(i))
                                for i, mention in enumerate(result.mentions))
            report_rows.extend(_report_row(doc.id, i, event) for i, event in enumerate(reports))
            all_mentions.extend(result.mentions)
        conn.execute(s.documents.insert(), document_rows)
        if mention_rows:
            conn.execute(s.mentions.insert(), mention_rows)
            upsert_people(conn, all_mentions)
        if report_rows:
            conn.execute(s.reports.insert(), report_rows)
            touched |= {row["group_key"] for row in report_rows}
        return touched

    def _mention_row(self, doc_id: str, ordinal: int, mention: Mention, report: int | None) -> dict:
        by_id = {p.person_id: p for p in mention.participants}
        ordered = sorted(by_id)
        date = mention.date.value if mention.date else None
        return {
            "doc_id": doc_id, "ordinal": ordinal, "report": report,
            "type": mention.type, "status": mention.status,
            "person_ids": _dumps(ordered),
            "participants": json.dumps(
                [{"id": p.person_id, "name": p.name, "surface": p.surface, "country": p.country, "role": p.role}
                 for p in (by_id[i] for i in ordered)], ensure_ascii=False, separators=(",", ":")),
            "date": date, "date_granularity": mention.date.granularity if mention.date else None,
            "date_basis": mention.date.basis if mention.date else "unknown",
            "date_text": mention.date.text if mention.date else None,
            "duration_minutes": mention.duration_minutes, "location": mention.location, "host": mention.host,
            "sources": _dumps(mention.sources), "topics": _dumps(mention.topics), "level": mention.level,
            "flags": _dumps(mention.flags), "evidence": mention.evidence,
            "span_start": mention.span[0] if mention.span else None,
            "span_end": mention.span[1] if mention.span else None,
            "rules": mention.rules or self.rules_version or "", "gazetteer": self.gazetteer_version or "",
        }


def document_reports(result: DocumentResult) -> tuple[list[Event], dict[int, int]]:
    """The document's reports (its own events) and, per mention index, the report it is part of.

    The pipeline's ``events`` are the reports. A pipeline that gives mentions but
    no events gets one report per group and date of its mentions.
    """
    events = list(result.events)
    if not events and result.mentions:
        events = _reports_from_mentions(result.mentions)
    index = {id(m): i for i, m in enumerate(result.mentions)}
    try:
        equal = {m: i for i, m in enumerate(result.mentions)}
    except TypeError:  # a mention with an unhashable field: identity alone must do
        equal = {}
    membership: dict[int, int] = {}
    for number, event in enumerate(events):
        for m in event.mentions:
            i = index.get(id(m), equal.get(m))
            if i is not None:
                membership.setdefault(i, number)
    return events, membership


def _reports_from_mentions(mentions) -> list[Event]:
    groups: dict[tuple, list[Mention]] = {}
    for m in mentions:
        key = (group_key(m.status, m.type, [p.person_id for p in m.participants]), m.date.value if m.date else None)
        groups.setdefault(key, []).append(m)
    events = []
    for members in groups.values():
        first = members[0]
        people = sorted({p.person_id: p for m in members for p in m.participants}.values(), key=lambda p: p.name)
        events.append(Event(
            doc_id=first.doc_id, type=first.type, status=first.status,
            participants=tuple(p.name for p in people), person_ids=tuple(p.person_id for p in people),
            level=first.level, date=first.date.value if first.date else None,
            date_basis=first.date.basis if first.date else "unknown",
            duration_minutes=next((m.duration_minutes for m in members if m.duration_minutes), None),
            location=next((m.location for m in members if m.location), None),
            host=next((m.host for m in members if m.host), None),
            sources=tuple(dict.fromkeys(x for m in members for x in m.sources)),
            topics=tuple(dict.fromkeys(x for m in members for x in m.topics)),
            evidence=first.evidence, span=first.span, mentions=tuple(members),
        ))
    return events


def _report_row(doc_id: str, ordinal: int, event: Event) -> dict:
    return {
        "doc_id": doc_id, "ordinal": ordinal, "group_key": group_key(event.status, event.type, event.person_ids),
        "type": event.type, "status": event.status, "person_ids": _dumps(event.person_ids),
        "participants": _dumps(event.participants), "level": event.level, "date": event.date,
        "date_basis": event.date_basis, "duration_minutes": event.duration_minutes, "location": event.location,
        "host": event.host, "sources": _dumps(event.sources), "topics": _dumps(event.topics),
        "flags": _dumps(event.flags), "evidence": event.evidence,
        "span_start": event.span[0] if event.span else None, "span_end": event.span[1] if event.span else None,
    }


_COUNTER = {"new": "new", "changed": "changed", "stale": "reextracted"}

_worker_process: Process | None = None
_worker_resources = None


def _init_worker(process: Process, resources) -> None:
    global _worker_process, _worker_resources
    _worker_process, _worker_resources = process, resources


def _process_in_worker(doc: Document) -> DocumentResult:
    return _worker_process(doc, resources=_worker_resources)


WRITE_LOCK = 0x7265_6164  # an arbitrary key of this application's PostgreSQL advisory lock ("read")


def lock_for_writing(conn: sa.Connection) -> None:
    """Serialise writers: two ingests re-merging one event group at once would collide.

    SQLite allows one writer at a time by itself; on PostgreSQL a transaction-level
    advisory lock does the same for the ledger's writers only (readers never wait).
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def upsert_people(conn: sa.Connection, mentions: Iterable[Mention]) -> None:
    found = {}
    for mention in mentions:
        for p in mention.participants:
            found[p.person_id] = (p.name, p.country)
    if not found:
        return
    p = s.people.c
    known = {
        row.person_id: (row.name, row.country)
        for row in conn.execute(sa.select(p.person_id, p.name, p.country).where(p.person_id.in_(sorted(found))))
    }
    new = [{"person_id": k, "name": v[0], "country": v[1]} for k, v in sorted(found.items()) if k not in known]
    if new:
        conn.execute(s.people.insert(), new)
    for pid, value in sorted(found.items()):
        if pid in known and known[pid] != value and value[0]:
            conn.execute(s.people.update().where(p.person_id == pid).values(name=value[0], country=value[1]))


# ------------------------------------------------------------------- merging


def stored_reports(conn: sa.Connection, keys: Iterable[str]) -> Iterator[tuple[str, Report]]:
    """(group key, report) for every stored report of the given groups."""
    r, d = s.reports.c, s.documents.c
    keys = sorted(set(keys))
    for start in range(0, len(keys), 500):
        query = (
            sa.select(r.report_id, r.group_key, r.doc_id, r.ordinal, r.type, r.status, r.person_ids,
                      r.participants, r.date, r.date_basis, r.duration_minutes, r.location, r.host, r.sources,
                      r.topics, r.level, d.publisher, d.url)
            .join(s.documents, d.doc_id == r.doc_id)
            .where(r.group_key.in_(keys[start:start + 500]))
        )
        for row in conn.execute(query):
            yield row.group_key, Report(
                doc_id=row.doc_id, ordinal=row.ordinal, type=row.type, status=row.status,
                person_ids=tuple(json.loads(row.person_ids)), names=tuple(json.loads(row.participants)),
                date=row.date, date_basis=row.date_basis, duration_minutes=row.duration_minutes,
                location=row.location, host=row.host, sources=tuple(json.loads(row.sources)),
                topics=tuple(json.loads(row.topics)), level=row.level, publisher=row.publisher, doc_url=row.url,
                report_id=row.report_id,
            )


def remerge(conn: sa.Connection, keys: Iterable[str]) -> int:
    """Recompute the events of the given groups from their stored reports; returns how many there are now."""
    keys = sorted(set(keys))
    e = s.events.c
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        old = sa.select(e.event_id).where(e.group_key.in_(chunk))
        for table in (s.event_reports, s.event_people, s.contacts):
            conn.execute(table.delete().where(table.c.event_id.in_(old)))
        conn.execute(s.events.delete().where(e.group_key.in_(chunk)))
    groups: dict[str, list[Report]] = {}
    for key, report in stored_reports(conn, keys):
        groups.setdefault(key, []).append(report)
    merged = [event for key in sorted(groups) for event in merge_group(key, groups[key])]
    write_events(conn, merged)
    return len(merged)


def write_events(conn: sa.Connection, merged) -> None:
    event_rows, link_rows, people_rows, contact_rows = [], [], [], []
    for ev in merged:
        event_rows.append({
            "event_id": ev.event_id, "group_key": ev.group_key, "type": ev.type, "status": ev.status,
            "participants": _dumps(ev.participants), "person_ids": _dumps(ev.person_ids), "level": ev.level,
            "date": ev.date, "date_granularity": ev.granularity, "date_basis": ev.date_basis,
            "date_start": ev.date_start, "date_end": ev.date_end, "duration_minutes": ev.duration_minutes,
            "location": ev.location, "host": ev.host, "sources": _dumps(ev.sources), "topics": _dumps(ev.topics),
            "confidence": ev.confidence, "documents": ev.documents, "reports": len(ev.reports),
        })
        link_rows.extend({"event_id": ev.event_id, "report_id": r.report_id} for r in ev.reports)
        for pid in ev.person_ids:
            people_rows.append({"person_id": pid, "event_id": ev.event_id, "status": ev.status, "type": ev.type,
                                "date_start": ev.date_start})
            contact_rows.extend(
                {"person_id": pid, "counterpart_id": other, "event_id": ev.event_id, "status": ev.status,
                 "date_start": ev.date_start}
                for other in ev.person_ids if other != pid
            )
    for table, rows in ((s.events, event_rows), (s.event_reports, link_rows),
                        (s.event_people, people_rows), (s.contacts, contact_rows)):
        if rows:
            conn.execute(table.insert(), rows)
