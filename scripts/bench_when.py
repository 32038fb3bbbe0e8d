"""Benchmark of readouts.when: microseconds per resolve, per find, per publication date.

    .venv/bin/python scripts/bench_when.py [--n 20000] [--corpus ../shared/corpus/dev]

With --corpus (a folder with gold.jsonl and docs/), also prints the publication-date
inference accuracy on documents whose gold has no published date (the annotator's
``published_inferred`` is read only to score), the page/URL date accuracy on the others,
and how often the date of a gold event is among the dates its evidence sentence resolves to.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from pathlib import Path

from readouts.when import date_in_force, find_time_expressions, publication_date, resolve_time

SENTENCES = [
    "U.S. President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke on Friday for the first time since Dec. 23.",
    "The prime minister will travel to Paris on Tuesday, the ministry said.",
    "The two leaders met in Brasilia on Wednesday, November 20, 2024.",
    "The summit will be held from 3 to 5 March in Geneva.",
    "Officials said yesterday that talks held last week had made progress.",
    "The foreign ministers last met earlier this month in Munich.",
    "He visited Kyiv in June 2022 and again over the weekend.",
    "During the press briefing on Jan. 18 the spokesman was asked about the call.",
    "The 18th of January 2024 was a Thursday.",
    "The talks, on 2024-01-18, ended without an agreement.",
]


def bench(n: int) -> None:
    rng = random.Random(7)
    exprs = [e for s in SENTENCES for e in find_time_expressions(s)]
    bases = [dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(0, 11000)) for _ in range(997)]
    tenses = [None, "past", "future"]
    # resolve: TimeExpression objects (what the pipeline passes)
    t = time.perf_counter()
    for i in range(n):
        resolve_time(exprs[i % len(exprs)], bases[i % len(bases)], tense=tenses[i % 3])
    per_expr = (time.perf_counter() - t) / n * 1e6
    # resolve: strings (parsed each time a new string comes; the parse is cached)
    strings = [e.text for e in exprs]
    t = time.perf_counter()
    for i in range(n):
        resolve_time(strings[i % len(strings)], bases[i % len(bases)])
    per_str = (time.perf_counter() - t) / n * 1e6
    # resolve: distinct strings every time (no cache)
    fresh = [f"on {['Jan.', 'March', 'Sept.', 'Dec.'][i % 4]} {1 + i % 28}, {1990 + i % 40} x{i}" for i in range(n)]
    t = time.perf_counter()
    for i in range(n):
        resolve_time(fresh[i], bases[i % len(bases)])
    per_fresh = (time.perf_counter() - t) / n * 1e6
    # find: one regex pass per sentence
    t = time.perf_counter()
    for i in range(n):
        find_time_expressions(SENTENCES[i % len(SENTENCES)])
    per_find = (time.perf_counter() - t) / n * 1e6
    print(f"resolve_time(TimeExpression): {per_expr:.2f} us per call (n={n})")
    print(f"resolve_time(str, cached parse): {per_str:.2f} us per call")
    print(f"resolve_time(str, new string each call): {per_fresh:.2f} us per call")
    print(f"find_time_expressions(sentence of ~100 chars): {per_find:.2f} us per call")
    big = " ".join(SENTENCES) * 1000
    t = time.perf_counter()
    k = len(find_time_expressions(big))
    print(f"find_time_expressions on {len(big) / 1e6:.2f} MB: {time.perf_counter() - t:.3f} s, {k} expressions")


def corpus(root: Path) -> None:
    gold = [json.loads(line) for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    today = dt.date.today()
    inf_ok = inf_n = inf_none = pub_ok = pub_n = 0
    ev_ok = ev_n = 0
    undated = force_ok = pub_day_ok = 0
    for g in gold:
        text = (root / g["file"]).read_text(encoding="utf-8", errors="replace")
        p = publication_date(text, url=g.get("url"), today=today)
        if g.get("published") is None:
            inf_n += 1
            inf_none += p.date is None
            inf_ok += p.date is not None and p.date.isoformat() == g.get("published_inferred")
        else:
            pub_n += 1
            pub_ok += p.date is not None and p.date.isoformat() == g["published"]
        base_s = g.get("published") or g.get("published_inferred")
        base = dt.date.fromisoformat(base_s) if base_s else None
        for e in g.get("events", []):
            if not e.get("date") or not e.get("evidence"):
                continue
            ev_n += 1
            tense = "future" if e.get("status") == "planned" else "past"
            vals = {resolve_time(x, base, tense=tense).value for x in find_time_expressions(e["evidence"])}
            if not vals - {None}:
                vals.add(base.isoformat() if base else None)  # no expression: the publication day
            ev_ok += any(v and v.startswith(e["date"]) for v in vals)
            # undated occurred events: the narrative's day in force vs the publication day
            pos = text.find(e["evidence"][:60])
            if e.get("status") == "occurred" and pos >= 0 and base and not any(
                    x.kind != "since" and resolve_time(x, base).value for x in find_time_expressions(e["evidence"])):
                undated += 1
                f = date_in_force(text, pos, base)
                pub_ok = base.isoformat().startswith(e["date"])
                pub_day_ok += pub_ok
                force_ok += f.date.value.startswith(e["date"]) if f else pub_ok
    print(f"publication date inferred, docs without a published date: {inf_ok}/{inf_n} right, "
          f"{inf_none} left unknown")
    print(f"publication date from URL or page, docs with one (not given): {pub_ok}/{pub_n}")
    print(f"gold event dates among the dates of their evidence sentence (base = gold publication): {ev_ok}/{ev_n}")
    print(f"undated occurred events: date_in_force right {force_ok}/{undated}, "
          f"the publication day right {pub_day_ok}/{undated}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--corpus", type=Path)
    a = ap.parse_args()
    bench(a.n)
    if a.corpus:
        corpus(a.corpus)


if __name__ == "__main__":
    main()
