#!/usr/bin/env python
"""Throughput of the Spark path (readouts.spark) next to process_many, on the same pages.

    .venv/bin/python scripts/bench_spark.py [--shared ../shared] [--master local[2]] [--partitions 8] [--repeat 3]

Needs pyspark and Java. Reads the HTML pages of ../shared/corpus/web-pages and prints
documents per second for
  1. process_many(workers=1) and process_many(workers=N) over the files (reading included);
  2. extract_dataframe over spark.read.format("binaryFile") of the same folder, in
     --master (default local[2]), repartitioned to --partitions, counted; the first run
     (Python workers start, import readouts and load the gazetteer) is shown apart from
     the best of the rest, and starting the session is timed on its own;
then checks that both paths found the same events and the same failures.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2, help="processes for the process_many pool figure")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()

    folder = Path(args.shared) / "corpus" / "web-pages"
    files = sorted(str(p) for p in folder.glob("*.html"))
    if not files:
        sys.exit(f"no pages in {folder}")
    n = len(files)
    figures: dict = {"docs": n, "master": args.master, "partitions": args.partitions, "cpus": os.cpu_count()}

    from readouts.pipeline import Resources, process_many
    from readouts.sources import iter_documents

    Resources.default()  # the gazetteer, as a Spark worker loads it before its first page

    def run_local(workers):
        events, errors = [], []
        for result in process_many(iter_documents(files), workers=workers):
            if result.error is not None:
                errors.append((result.doc_id, result.error.code))
            events.extend(e.to_json() for e in result.events)
        return events, errors

    for workers in (1, args.workers):
        best, out = None, None
        for _ in range(args.repeat):
            t = time.perf_counter()
            out = run_local(workers)
            took = time.perf_counter() - t
            best = took if best is None else min(best, took)
        figures[f"process_many_{workers}"] = {"seconds": round(best, 2), "docs_per_s": round(n / best, 1),
                                              "events": len(out[0]), "errors": len(out[1])}
        print(f"process_many(workers={workers}): {n} docs in {best:.2f}s = {n / best:.1f} docs/s "
              f"({len(out[0])} events, {len(out[1])} failed)", flush=True)
        if workers == 1:
            reference = out

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    from readouts.spark import extract_dataframe

    t = time.perf_counter()
    spark = (SparkSession.builder.master(args.master).appName("readouts-bench")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    figures["spark_session_seconds"] = round(time.perf_counter() - t, 2)
    print(f"Spark session ({args.master}): {figures['spark_session_seconds']:.2f}s", flush=True)

    def run_spark():
        pages = spark.read.format("binaryFile").option("pathGlobFilter", "*.html").load(str(folder))
        events = extract_dataframe(pages.repartition(args.partitions), id_col="path")
        rows = [r.asDict(recursive=True) for r in events.collect()]
        for r in rows:  # binaryFile names files by URI; process_many by the path
            r["doc_id"] = r["doc_id"].removeprefix("file:") if r["doc_id"] else r["doc_id"]
        found = [{k: v for k, v in r.items() if k not in ("error", "error_message")} for r in rows if r["error"] is None]
        failed = [(r["doc_id"], r["error"]) for r in rows if r["error"] is not None]
        return found, failed

    times = []
    out = None
    for _ in range(args.repeat + 1):
        t = time.perf_counter()
        out = run_spark()
        times.append(time.perf_counter() - t)
    first, best = times[0], min(times[1:])
    figures["spark"] = {"first_seconds": round(first, 2), "seconds": round(best, 2),
                        "docs_per_s": round(n / best, 1), "events": len(out[0]), "errors": len(out[1])}
    print(f"Spark extract_dataframe ({args.master}, {args.partitions} partitions): {n} docs, first run "
          f"{first:.2f}s, best of {args.repeat} after it {best:.2f}s = {n / best:.1f} docs/s "
          f"({len(out[0])} events, {len(out[1])} failed)")
    local = figures["process_many_1"]

    def canonical(events, errors):
        return sorted(json.dumps(e, sort_keys=True) for e in events), sorted(errors)

    same = canonical(*reference) == canonical(*out)
    figures["same_as_process_many"] = same
    print(f"same events and failures as process_many: {same}; Spark / process_many(1) throughput: "
          f"{best and local['seconds'] / best:.2f}x")
    spark.stop()
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
