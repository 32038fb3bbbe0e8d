"""Benchmark: ingest throughput (documents per second) on the shared corpora, both engines.

    .venv/bin/python scripts/bench_ingest.py                        # SQLite, and PostgreSQL if installed
    .venv/bin/python scripts/bench_ingest.py --pg-url postgresql://postgres@127.0.0.1:5432/bench

For each corpus (the dev corpus as a manifest of id, file, url, published; and
the folder of web pages) and each engine, into a fresh ledger it prints:

* ``first``: a full ingest (read, extract, store, merge);
* ``again``: the same sources again (nothing changes: hashing and look-ups only);
* ``jobs=N``: a full ingest with extraction in N processes (``--jobs``, default: the CPU count);
* ``store``: the store alone: the extraction results computed beforehand, so
  the figure is what the ledger costs on top of the pipeline.

Without ``--pg-url`` a throwaway PostgreSQL server is started as the test
suite does (tests/pg.py), when the binaries are installed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JOBS = os.cpu_count() or 1
SHARED = ROOT.parent / "shared"


def dev_manifest(folder: Path) -> Path:
    gold = SHARED / "corpus" / "dev" / "gold.jsonl"
    path = folder / "dev.jsonl"
    with open(gold, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for line in src:
            r = json.loads(line)
            out.write(json.dumps({"id": r["id"], "file": str(gold.parent / r["file"]), "url": r.get("url"),
                                  "published": r.get("published")}) + "\n")
    return path


def measure(fresh_url, sources: list[str], label: str, engine_name: str) -> None:
    from readouts.ledger import Ledger
    from readouts.pipeline import Resources, process
    from readouts.sources import iter_documents

    from readouts.ledger.ingest import current_versions

    resources = Resources.default()
    ledger = Ledger(fresh_url())
    t = time.perf_counter()
    first = ledger.ingest(iter_documents(sources), resources=resources)
    first_s = time.perf_counter() - t
    t = time.perf_counter()
    again = ledger.ingest(iter_documents(sources), resources=resources)
    again_s = time.perf_counter() - t
    ledger.close()

    docs = list(iter_documents(sources))
    results = {}
    for d in docs:
        if not hasattr(d, "content"):
            continue
        results[d.id] = process(d, resources=resources)

    def cached(d, **_):
        return results[d.id]

    fresh = Ledger(fresh_url())
    rules, gazetteer = current_versions()
    t = time.perf_counter()
    stored = fresh.ingest(docs, process=cached, rules_version=rules or "bench", gazetteer_version=gazetteer or "bench")
    store_s = time.perf_counter() - t
    counts = fresh.counts()
    fresh.close()
    pooled = Ledger(fresh_url())
    t = time.perf_counter()
    pooled.ingest(iter_documents(sources), jobs=JOBS)
    pooled_s = time.perf_counter() - t
    pooled.close()
    n = first.seen
    print(f"{label:10s} {engine_name:10s} {n:4d} docs  first {n / first_s:7.1f} docs/s  "
          f"jobs={JOBS} {n / pooled_s:7.1f} docs/s  again {again.seen / again_s:8.1f} docs/s  "
          f"store {stored.seen / store_s:7.1f} docs/s  "
          f"({first.failed} failed, {counts['mentions']} mentions, {counts['events']} events)")


class _GivenServer:
    def __init__(self, url: str):
        self.url, self.n = url, 0

    def fresh_database(self) -> str:
        import psycopg

        self.n += 1
        base, _, name = self.url.rpartition("/")
        new = f"{name}_bench_{int(time.time())}_{self.n}"
        with psycopg.connect(self.url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{new}"')
        return f"{base}/{new}"

    def stop(self) -> None:
        pass


def postgres_server(pg_url: str | None):
    """A server to create fresh databases on: the given one, or a throwaway one."""
    if pg_url:
        return _GivenServer(pg_url)
    sys.path.insert(0, str(ROOT / "tests"))
    import pg

    bin_dir = pg.find_bin()
    if bin_dir is None:
        print(f"PostgreSQL skipped: {pg.HOW_TO_RUN}", file=sys.stderr)
        return None
    server = pg.Server(bin_dir)
    server.start()
    return server


def main(argv=None) -> None:
    global JOBS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-url", help="a PostgreSQL server to use (databases <url>_N are created there)")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--jobs", type=int, default=JOBS, help="processes for the pooled run")
    args = parser.parse_args(argv)
    JOBS = args.jobs
    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    corpora = [("dev", [str(dev_manifest(folder))]), ("web-pages", [str(SHARED / "corpus" / "web-pages")])]
    server = None
    if not args.sqlite_only:
        server = postgres_server(args.pg_url)
    files = iter(range(1_000_000))
    for label, sources in corpora:
        measure(lambda: str(folder / f"{label}-{next(files)}.db"), sources, label, "sqlite")
        if server is not None:
            measure(server.fresh_database, sources, label, "postgresql")
    if server is not None:
        server.stop()


if __name__ == "__main__":
    main()
