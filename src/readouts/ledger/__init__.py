"""The ledger: a store of documents, mentions and merged events, and the questions it answers.

::

    from readouts.ledger import Ledger
    ledger = Ledger("sqlite:///ledger.db")          # or None: READOUTS_DB, else the user data dir
    summary = ledger.ingest(documents)              # Documents (and DocumentErrors) from readouts.sources
    ledger.last("Joe Biden", "Benjamin Netanyahu", as_of="2024-02-01")
    ledger.timeline("Joe Biden", since="2024-01-01")
    ledger.tempo("Narendra Modi", "Donald Trump", by="quarter")
    ledger.counterparts("Emmanuel Macron")
    ledger.gaps("Joe Biden", "Xi Jinping")
    ledger.export("jsonl", sys.stdout)

Names go through the people layer (see ``names.resolve_person``); a name that
fits several people raises ``readouts.errors.AmbiguousName`` listing them.
"""
from __future__ import annotations

import os
from collections.abc import Iterable

import sqlalchemy as sa

from ..errors import StoreError
from ..records import Document, DocumentError
from . import queries, schema
from .export import export as _export
from .ingest import IngestSummary, Ingestor, Process, Progress
from .names import PersonRef, resolve_person
from .store import create_engine, display_url, resolve_url

__all__ = ["Ledger", "IngestSummary", "PersonRef", "resolve_url"]


class Ledger:
    """One ledger database (SQLite file or PostgreSQL), migrated to the current schema on open."""

    def __init__(self, db: str | os.PathLike | None = None, *, engine: sa.Engine | None = None):
        self.engine = engine if engine is not None else create_engine(db)
        try:
            self.schema_version = schema.migrate(self.engine)
        except sa.exc.DBAPIError as exc:
            self.engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise StoreError(f"cannot open the ledger {display_url(self.engine)}: {reason}") from exc

    @property
    def url(self) -> str:
        return display_url(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def ingest(self, items: Iterable[Document | DocumentError], *, process: Process | None = None, resources=None,
               rules_version: str | None = None, gazetteer_version: str | None = None,
               batch_size: int = 32, progress: Progress | None = None, jobs: int = 1) -> IngestSummary:
        """Store documents: extract (``process``, default ``readouts.pipeline.process``), write, merge.

        Idempotent (see ``ledger.ingest``); per-document failures are recorded
        with their reason code and the run goes on. ``jobs > 1`` extracts in a
        process pool (``process`` must then be picklable); writing stays in
        this process, in input order.
        """
        return Ingestor(self.engine, process=process, resources=resources, rules_version=rules_version,
                        gazetteer_version=gazetteer_version, batch_size=batch_size, progress=progress,
                        jobs=jobs).run(items)

    # ------------------------------------------------------------------ asking

    def person(self, name: str, *, on=None) -> PersonRef:
        """Who a name in a question is (an id, a canonical name, or what the people layer resolves)."""
        with self.engine.connect() as conn:
            return resolve_person(conn, name, on=queries.parse_day(on, "--as-of"))

    def _read(self) -> sa.Connection:
        # Questions only read: autocommit spares PostgreSQL a BEGIN/ROLLBACK round trip each.
        return self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def _people(self, conn, *names, on=None) -> list[PersonRef]:
        # Ids as asked (what programs pass) in one look-up; other names one by one.
        p = schema.people.c
        known = {row.person_id: PersonRef(row.person_id, row.name, row.country) for row in conn.execute(
            sa.select(p.person_id, p.name, p.country).where(p.person_id.in_(sorted(set(names)))))}
        return [known.get(n) or resolve_person(conn, n, on=on) for n in names]

    def _ids(self, conn, *names, on=None) -> list[str]:
        return [ref.id for ref in self._people(conn, *names, on=on)]

    def last(self, a: str, b: str, *, as_of=None) -> dict:
        """When A and B last engaged (on or before ``as_of``, default today), the previous time, and the gap."""
        as_of = queries.parse_day(as_of, "--as-of")
        with self._read() as conn:
            ra, rb = self._people(conn, a, b, on=as_of)
            return queries.last_contact(conn, ra.id, rb.id, as_of=as_of, names={ra.id: ra.name, rb.id: rb.name})

    def timeline(self, a: str, b: str | None = None, *, since=None, until=None, type: str | None = None,
                 level: str | None = None, status: str | None = "occurred", limit: int | None = None) -> list[dict]:
        since, until = queries.parse_day(since, "--since"), queries.parse_day(until, "--until")
        with self._read() as conn:
            ida = self._ids(conn, a, on=until)[0]
            idb = self._ids(conn, b, on=until)[0] if b else None
            return queries.timeline(conn, ida, idb, since=since, until=until, type=type, level=level,
                                    status=status, limit=limit)

    def tempo(self, a: str, b: str, *, by: str = "month", since=None, until=None) -> list[dict]:
        since, until = queries.parse_day(since, "--since"), queries.parse_day(until, "--until")
        with self._read() as conn:
            ida, idb = self._ids(conn, a, b, on=until)
            return queries.tempo(conn, ida, idb, by=by, since=since, until=until)

    def counterparts(self, a: str, *, as_of=None, since=None, limit: int | None = None) -> list[dict]:
        as_of, since = queries.parse_day(as_of, "--as-of"), queries.parse_day(since, "--since")
        with self._read() as conn:
            ida = self._ids(conn, a, on=as_of)[0]
            return queries.counterparts(conn, ida, as_of=as_of, since=since, limit=limit)

    def gaps(self, a: str, b: str, *, as_of=None, top: int = 10) -> list[dict]:
        as_of = queries.parse_day(as_of, "--as-of")
        with self._read() as conn:
            ida, idb = self._ids(conn, a, b, on=as_of)
            return queries.gaps(conn, ida, idb, as_of=as_of, top=top)

    def export(self, format: str, out, *, status: str | None = None) -> int:
        """Write every event as jsonl, csv (to a stream or path) or parquet (to a path)."""
        with self.engine.connect() as conn:
            return _export(conn, format, out, status=status)

    def counts(self) -> dict[str, int]:
        """Rows per table: a quick look at what the ledger holds."""
        with self.engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                    for t in schema.metadata.sorted_tables}
