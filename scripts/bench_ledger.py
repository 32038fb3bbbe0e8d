"""Benchmark: query times on a synthetic ledger of many events.

    .venv/bin/python scripts/bench_ledger.py                       # 1,000,000 events, 2,000 people, SQLite
    .venv/bin/python scripts/bench_ledger.py --events 100000 --db postgresql://postgres@127.0.0.1:5432/bench

Loads events straight into the tables (the merge is measured by bench_ingest.py),
each with one document, mention and report so ``last`` fetches its quotes as usual,
then prints the median (and 95th percentile) time of ``Ledger.last``,
``Ledger.timeline`` and ``Ledger.counterparts`` over random people and pairs.
Contact counts are skewed (a few people engage much more than most), as in news.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from readouts.ledger import Ledger, schema
from readouts.ledger.merge import date_bounds, group_key

CHUNK = 20_000


def _dump(v) -> str:
    return json.dumps(v, separators=(",", ":"))


def bulk_insert(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    """Rows straight through the driver (COPY on PostgreSQL): loading is not what is measured."""
    columns = list(rows[0])
    values = [tuple(r[c] for c in columns) for r in rows]
    raw = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        with raw.cursor() as cursor:
            with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
    else:
        cursor = raw.cursor()
        cursor.executemany(
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values)
        cursor.close()


def load(ledger: Ledger, n_events: int, n_people: int, seed: int) -> None:
    rnd = random.Random(seed)
    people = [f"Q{100000 + i}" for i in range(n_people)]
    names = {pid: f"Person {i:04d}" for i, pid in enumerate(people)}
    weights = [1 / (rank + 1) ** 0.7 for rank in range(n_people)]
    start = dt.date(1990, 1, 1).toordinal()
    span = dt.date(2026, 11, 1).toordinal() - start
    with ledger.engine.begin() as conn:
        conn.execute(schema.people.insert(), [{"person_id": p, "name": names[p], "country": None} for p in people])
        run_id = conn.execute(schema.runs.insert().values(started_at=schema.now(), documents_seen=0,
                                                           documents_written=0, documents_failed=0)
                              ).inserted_primary_key[0]
    t0 = time.perf_counter()
    for first in range(0, n_events, CHUNK):
        docs, mentions, reports, events, links, event_people, contacts = [], [], [], [], [], [], []
        for i in range(first, min(n_events, first + CHUNK)):
            a, b = rnd.choices(people, weights, k=2)
            while b == a:
                b = rnd.choice(people)
            kind = rnd.choice(("call", "call", "meeting", "visit"))
            status = "planned" if rnd.random() < 0.05 else "occurred"
            day = dt.date.fromordinal(start + rnd.randrange(span)).isoformat()
            ids = sorted([a, b], key=lambda p: names[p])
            key = group_key(status, kind, ids)
            event_id = f"{i:016x}"
            doc_id = f"synthetic-{i}"
            row_id = i + 1
            evidence = f"{names[a]} and {names[b]} spoke."
            docs.append({"doc_id": doc_id, "content_hash": f"{i:064x}", "url": f"https://news{i % 97}.example/{i}",
                         "publisher": f"news{i % 97}.example", "given_published": day, "published": day,
                         "published_basis": "given", "title": None, "text": f"{names[a]} and {names[b]} spoke.",
                         "rules": "synthetic", "gazetteer": "synthetic", "run_id": run_id,
                         "ingested_at": schema.now()})
            participants = [{"id": p, "name": names[p], "surface": names[p], "country": None, "role": None}
                            for p in sorted(ids)]
            mentions.append({"mention_id": row_id, "doc_id": doc_id, "ordinal": 0, "report": 0,
                             "type": kind, "status": status, "person_ids": _dump(sorted(ids)),
                             "participants": _dump(participants), "date": day, "date_granularity": "day",
                             "date_basis": "explicit", "date_text": None, "duration_minutes": None,
                             "location": None, "host": None, "sources": "[]", "topics": "[]", "level": "leader",
                             "flags": "[]", "evidence": evidence, "span_start": 0,
                             "span_end": 30, "rules": "synthetic", "gazetteer": "synthetic"})
            reports.append({"report_id": row_id, "doc_id": doc_id, "ordinal": 0, "group_key": key, "type": kind,
                            "status": status, "person_ids": _dump(ids), "participants": _dump([names[p] for p in ids]),
                            "level": "leader", "date": day, "date_basis": "explicit", "duration_minutes": None,
                            "location": None, "host": None, "sources": "[]", "topics": "[]", "flags": "[]",
                            "evidence": evidence, "span_start": 0, "span_end": 30})
            lo, hi = date_bounds(day)
            events.append({"event_id": event_id, "group_key": key, "type": kind, "status": status,
                           "participants": _dump([names[p] for p in ids]), "person_ids": _dump(ids),
                           "level": "leader", "date": day, "date_granularity": "day", "date_basis": "explicit",
                           "date_start": lo, "date_end": hi, "duration_minutes": None, "location": None,
                           "host": None, "sources": "[]", "topics": "[]", "confidence": 0.5, "documents": 1,
                           "reports": 1})
            links.append({"event_id": event_id, "report_id": row_id})
            for p, other in ((a, b), (b, a)):
                event_people.append({"person_id": p, "event_id": event_id, "status": status, "type": kind,
                                     "date_start": lo})
                contacts.append({"person_id": p, "counterpart_id": other, "event_id": event_id, "status": status,
                                 "date_start": lo})
        with ledger.engine.begin() as conn:
            for table, rows in ((schema.documents, docs), (schema.mentions, mentions), (schema.reports, reports),
                                (schema.events, events), (schema.event_reports, links),
                                (schema.event_people, event_people), (schema.contacts, contacts)):
                bulk_insert(conn, table, rows)
        done = min(n_events, first + CHUNK)
        print(f"\rloaded {done:,} events ({done / (time.perf_counter() - t0):,.0f}/s)", end="", file=sys.stderr)
    print(file=sys.stderr)
    if ledger.engine.dialect.name == "postgresql":
        with ledger.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with ledger.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


def timed(fn, cases) -> tuple[float, float]:
    times = []
    for case in cases:
        t = time.perf_counter()
        fn(*case)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--db", help="ledger URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", action="store_true",
                        help="on a throwaway PostgreSQL server started as the tests do (tests/pg.py)")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="bench-ledger-")
    server = None
    if args.postgres and not args.db:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        import pg

        bin_dir = pg.find_bin()
        if bin_dir is None:
            sys.exit(pg.HOW_TO_RUN)
        server = pg.Server(bin_dir)
        server.start()
        args.db = server.fresh_database()
    try:
        run(args, folder)
    finally:
        if server is not None:
            server.stop()


def run(args, folder: str) -> None:
    ledger = Ledger(args.db or str(Path(folder) / "bench.db"))
    if ledger.counts()["events"] == 0:
        t = time.perf_counter()
        load(ledger, args.events, args.people, args.seed)
        print(f"load: {args.events:,} events among {args.people:,} people in {time.perf_counter() - t:.1f}s")
    with ledger.engine.connect() as conn:
        pairs = conn.execute(sa.select(schema.contacts.c.person_id, schema.contacts.c.counterpart_id)
                             .where(schema.contacts.c.status == "occurred").limit(50_000)).all()
        people = conn.execute(sa.select(schema.people.c.person_id)).scalars().all()
    rnd = random.Random(args.seed + 1)
    pair_cases = [tuple(p) for p in rnd.sample(pairs, min(args.queries, len(pairs)))]
    person_cases = [(p,) for p in rnd.choices(people, k=args.queries)]
    print(f"engine: {ledger.engine.dialect.name}; {args.queries} queries each; times in ms (median / p95)")
    for name, fn, cases in (
        ("last", lambda a, b: ledger.last(a, b, as_of="2026-11-01"), pair_cases),
        ("last (pair never met)", lambda a, b: ledger.last(a, b, as_of="2026-11-01"),
         [(a, people[-1 - i % 5]) for i, (a, _) in enumerate(pair_cases)]),
        ("timeline A", lambda a: ledger.timeline(a), person_cases),
        ("timeline A, one year", lambda a: ledger.timeline(a, since="2020-01-01", until="2020-12-31"),
         person_cases),
        ("timeline A B", lambda a, b: ledger.timeline(a, b), pair_cases),
        ("counterparts A", lambda a: ledger.counterparts(a), person_cases),
        ("gaps A B", lambda a, b: ledger.gaps(a, b, as_of="2026-11-01"), pair_cases),
    ):
        fn(*cases[0])  # warm the connection pool and caches
        median, p95 = timed(fn, cases)
        print(f"  {name:24s} {median:8.2f} {p95:8.2f}")


if __name__ == "__main__":
    main()
