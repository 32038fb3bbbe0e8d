#!/usr/bin/env python
"""Throughput of readouts next to trafilatura's own extraction, in the same run.

    .venv/bin/python scripts/bench_extract.py [--shared ../shared] [--synthetic 2000] [--repeat 3]

Prints documents per second on
  1. the dev corpus (plain-text scrapes, ../shared/corpus/dev),
  2. the 431 real web pages (../shared/corpus/web-pages),
  3. a synthetic stream of pages of our own writing (9 in 10 report no engagement),
for: trafilatura alone (extract(..., include_comments=False, fast=True)), readouts'
cleaning alone, and the whole readouts pipeline (readouts.pipeline.process) when
it is installed; then where the time of cleaning goes (parse, page date, title,
trafilatura, furniture rules) and what the rest of the pipeline costs; and last
the whole-process comparison: ``readouts extract --manifest web.jsonl --format
jsonl`` against a process that only runs trafilatura on the same pages
(interpreter start and imports included in both). Yardstick: readouts at most
2x trafilatura, goal 1.25x.

The in-process figures are the best of --repeat runs (the least disturbed by the
machine); the whole-process figures are medians of --repeat interleaved rounds (in each,
trafilatura alone then readouts, the order turning from round to round), the ratio the
median of the per-round ratios: on a shared machine a best-of pairs the luckiest run of
one command with the luckiest of the other, which can fall minutes apart.

    .venv/bin/python scripts/bench_extract.py --rounds 7 [--against TREE]

runs the whole-process comparison alone, in 7 rounds, with ``--against`` also timing
``readouts extract`` run from another source tree (``PYTHONPATH=TREE/src``: a checkout of
an older commit) in the same rounds, and checking that both print the same events.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def best_of(repeat, fn):
    times = []
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


# --- the synthetic stream ---------------------------------------------------------

_PLACES = ["Vesta", "Kelso", "Mira", "Port Aldis", "Sorn", "Tavel", "Ostrava Nova", "Lindholm"]
_COUNTRIES = ["Norland", "Sudmark", "Arvonia", "Kelsa", "Talvia", "Calvia", "Ostria", "Maren"]
_TOPICS = {
    "sport": ["The home side scored twice in the second half to win the cup final in {place}.",
              "The coach said the team had trained hard all season and deserved the title.",
              "Tickets for the next match in {place} sold out within an hour, the club said.",
              "The striker, who joined from a rival club in the summer, has now scored nine goals."],
    "weather": ["Heavy rain is expected across the north of {country} through the weekend.",
                "Forecasters warned of flooding along the river near {place} on Saturday.",
                "Temperatures will fall to near freezing overnight, the weather service said.",
                "Farmers said the dry spring had already cut the wheat harvest by a fifth."],
    "economy": ["The central bank of {country} held its main interest rate at 4 percent on Thursday.",
                "Inflation slowed for a third month in a row, official figures showed.",
                "Shares in the largest carmaker rose after it reported higher profits.",
                "The finance ministry said the budget deficit would narrow next year."],
    "culture": ["A new museum of modern art opened in {place} with works by local painters.",
                "The film festival in {place} will show more than two hundred films this year.",
                "The novelist, whose first book sold a million copies, is writing a sequel.",
                "Visitors queued for hours to see the restored cathedral organ."],
}
# Office-holders of 2023 (facts), so that the engagement articles are found.
_LEADERS = ["French President Emmanuel Macron", "German Chancellor Olaf Scholz",
            "Italian Prime Minister Giorgia Meloni", "British Prime Minister Rishi Sunak",
            "Japanese Prime Minister Fumio Kishida", "Canadian Prime Minister Justin Trudeau",
            "Australian Prime Minister Anthony Albanese"]
_ENGAGEMENT = [
    "{a} spoke by telephone with {b} on Tuesday to discuss support for Ukraine, {a_short}'s office said.",
    "{a} met {b} in {place} on Monday for talks on trade and energy, officials said.",
    "{a} and {b} held a 40-minute phone call on Wednesday, according to a statement.",
]
_DEBRIS = ("<header><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a>"
           "<a href='/login'>Log in</a></nav></header><div class='cookies'>We use cookies on this site."
           "</div>")
_FOOTER = ("<aside><h2>Related stories</h2><ul><li><a href='/1'>Markets close higher</a></li>"
           "<li><a href='/2'>Storm hits the coast</a></li></ul></aside>"
           "<footer><p>Sign up for our newsletter.</p><p>© 2025 The Daily Example</p></footer>")


def synthetic_pages(n: int, seed: int = 7) -> list[str]:
    """HTML pages of our own writing; every tenth reports an engagement."""
    rng = random.Random(seed)
    pages = []
    for i in range(n):
        country, other = rng.sample(_COUNTRIES, 2)
        place = rng.choice(_PLACES)
        topic = rng.choice(sorted(_TOPICS))
        sentences = [s.format(country=country, other=other, place=place) for s in _TOPICS[topic]]
        paragraphs = [" ".join(rng.sample(sentences, 2)) for _ in range(rng.randint(6, 14))]
        if i % 10 == 0:
            a, b = rng.sample(_LEADERS, 2)
            paragraphs.insert(1, rng.choice(_ENGAGEMENT).format(a=a, b=b, a_short=a.split()[-1], place=place))
        title = f"{topic.title()} news from {place}: report {i}"
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        pages.append(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
                     f"<meta property='article:published_time' content='2023-0{1 + i % 9}-1{i % 9}'>"
                     f"</head><body>{_DEBRIS}<main><article><h1>{title}</h1>{body}</article></main>{_FOOTER}"
                     f"</body></html>")
    return pages


# --- one stream ---------------------------------------------------------------------

def bench_stream(name, docs, repeat, process, resources):
    import trafilatura

    from readouts.clean import clean

    def run_trafilatura():
        return sum(1 for d in docs if trafilatura.extract(d.content, include_comments=False, fast=True))

    def run_clean():
        n = 0
        for d in docs:
            try:
                clean(d)
                n += 1
            except Exception:
                pass
        return n

    def run_pipeline():
        events = 0
        for d in docs:
            events += len(process(d, resources=resources).events)
        return events

    t_traf, n_traf = best_of(repeat, run_trafilatura)
    t_clean, n_clean = best_of(repeat, run_clean)
    row = {"stream": name, "docs": len(docs), "trafilatura_dps": len(docs) / t_traf, "trafilatura_texts": n_traf,
           "clean_dps": len(docs) / t_clean, "clean_ok": n_clean}
    if process is not None:
        t_pipe, events = best_of(repeat, run_pipeline)
        row.update(pipeline_dps=len(docs) / t_pipe, events=events, pipeline_s=t_pipe, clean_s=t_clean,
                   trafilatura_s=t_traf)
    return row


def clean_breakdown(docs, repeat):
    """Seconds per stage of cleaning HTML, summed over the pages."""
    from readouts.clean import html as H
    from readouts.clean.rules import boilerplate_rules
    from readouts.clean.text import clean_lines

    stages = dict.fromkeys(["shrink", "parse", "page date", "title+captions", "trafilatura", "rules+blocks"], 0.0)
    for _ in range(1):  # one pass: the per-stage split, not a best-of
        for d in docs:
            if not d.is_html:
                continue
            t0 = time.perf_counter()
            html = H.shrink_html(d.content)
            t1 = time.perf_counter()
            tree = H.parse_html(html)  # trafilatura's load_html, from the UTF-8 bytes
            t2 = time.perf_counter()
            if tree is None:
                continue
            H._page_date(tree, d.url)
            t3 = time.perf_counter()
            title = H._title(tree)
            H._figure_captions(tree)
            t4 = time.perf_counter()
            body, _ = H.extract_body(tree, d.url)  # trafilatura's extraction, as clean_html runs it
            t5 = time.perf_counter()
            lines = []
            if body is not None:
                H._walk(body, lines)
            clean_lines(lines, boilerplate_rules(), title=title)
            t6 = time.perf_counter()
            for key, a, b in (("shrink", t0, t1), ("parse", t1, t2), ("page date", t2, t3),
                              ("title+captions", t3, t4), ("trafilatura", t4, t5), ("rules+blocks", t5, t6)):
                stages[key] += b - a
    return stages


# --- whole processes ------------------------------------------------------------------

_TRAFILATURA_ONLY = r"""
import json, sys, trafilatura
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    entry = json.loads(line)
    data = open(entry["file"], "rb").read()
    text = trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False, fast=True)
    if text:
        sys.stdout.write(json.dumps({"id": entry["id"], "chars": len(text)}) + "\n")
        n += 1
"""


def whole_process(manifest: Path, repeat: int):
    """The whole-process comparison in ``repeat`` interleaved rounds (see whole_rounds):
    medians of the wall times and of the per-round ratios, and the best times."""
    report = whole_rounds(manifest, repeat)
    out = {"rounds": repeat, "trafilatura_s": report["trafilatura"]["median_wall_s"],
           "trafilatura_best_s": min(report["trafilatura"]["wall_s"]), "trafilatura_rc": report["trafilatura_rc"],
           "trafilatura_texts": report["trafilatura_lines"], "load_average": report["load_average"]}
    if "readouts" in report:
        row = report["readouts"]
        out.update(readouts_s=row["median_wall_s"], readouts_best_s=min(row["wall_s"]), ratio=row["median_wall_ratio"],
                   ratios=row["wall_ratios"], readouts_rc=report["readouts_rc"], events=report["readouts_lines"])
    return out


def _cpu_run(cmd, env=None):
    """Wall and CPU seconds (user + system) of one child process, and its output lines."""
    before = os.times()
    t = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, proc.returncode, proc.stdout


def whole_rounds(manifest: Path, rounds: int, against: Path | None = None):
    """Interleaved rounds of the whole-process comparison: in each round trafilatura alone,
    then ``readouts extract`` (and, with ``against``, the same command run from another
    source tree), the order rotated from round to round so that a slow spell of the
    machine does not always fall on the same command. Per-round ratios (wall and CPU
    time), and their medians: steadier than best-of figures on a shared machine."""
    import statistics

    readouts_bin = Path(sys.executable).with_name("readouts")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(_TRAFILATURA_ONLY)
        script = fh.name
    commands = {"trafilatura": ([sys.executable, script, str(manifest)], None)}
    if readouts_bin.exists():
        commands["readouts"] = ([str(readouts_bin), "extract", "--manifest", str(manifest), "--format", "jsonl"], None)
    if against is not None and "readouts" in commands:
        env = dict(os.environ, PYTHONPATH=str(Path(against).resolve() / "src"))
        commands["against"] = (commands["readouts"][0], env)
    names = list(commands)
    times = {name: [] for name in names}
    outputs = {}
    try:
        for r in range(rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            for name in order:
                cmd, env = commands[name]
                wall, cpu, rc, out = _cpu_run(cmd, env)
                times[name].append((wall, cpu))
                outputs.setdefault(name, set()).add((rc, out))
    finally:
        os.unlink(script)
    report = {"rounds": rounds, "load_average": os.getloadavg()}
    for name in names:
        last_rc, last_out = max(outputs[name])  # the same in every round unless something failed
        report[f"{name}_rc"], report[f"{name}_lines"] = last_rc, last_out.count(b"\n")
        walls = [w for w, _ in times[name]]
        cpus = [c for _, c in times[name]]
        report[name] = {"wall_s": walls, "cpu_s": cpus, "median_wall_s": statistics.median(walls),
                        "median_cpu_s": statistics.median(cpus)}
        if name != "trafilatura":
            base = times["trafilatura"]
            report[name]["wall_ratios"] = [w / b[0] for (w, _), b in zip(times[name], base)]
            report[name]["cpu_ratios"] = [c / b[1] for (_, c), b in zip(times[name], base)]
            report[name]["median_wall_ratio"] = statistics.median(report[name]["wall_ratios"])
            report[name]["median_cpu_ratio"] = statistics.median(report[name]["cpu_ratios"])
    if against is not None:
        report["same_output"] = outputs["readouts"] == outputs["against"] and len(outputs["readouts"]) == 1
    return report


def instructions(manifest: Path, against: Path | None = None):
    """Instructions each whole process executes (valgrind's cachegrind, no cache model):
    a count that the load of a shared machine does not move, for the same work. About
    20 times slower than running the commands; valgrind must be installed."""
    import re
    import shutil

    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind")
    readouts_bin = Path(sys.executable).with_name("readouts")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(_TRAFILATURA_ONLY)
        script = fh.name
    runs = {"trafilatura": ([sys.executable, script, str(manifest)], None),
            "readouts": ([str(readouts_bin), "extract", "--manifest", str(manifest), "--format", "jsonl"], None)}
    if against is not None:
        runs["against"] = (runs["readouts"][0], dict(os.environ, PYTHONPATH=str(Path(against).resolve() / "src")))
    counts = {}
    try:
        for name, (cmd, env) in runs.items():
            proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                                   *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
            found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
            counts[name] = int(found.group(1).replace(",", "")) if found else None
    finally:
        os.unlink(script)
    report = {"instructions": counts}
    for name in ("readouts", "against"):
        if counts.get(name) and counts.get("trafilatura"):
            report[f"{name}_ratio"] = counts[name] / counts["trafilatura"]
    return report


def print_rounds(report) -> None:
    print(f"whole process over the web pages, {report['rounds']} interleaved rounds "
          f"(load average after: {', '.join(f'{x:.2f}' for x in report['load_average'])}):")
    for name, row in report.items():
        if not isinstance(row, dict) or "wall_s" not in row:
            continue
        line = (f"  {name:12s} wall median {row['median_wall_s']:6.2f} s, cpu median {row['median_cpu_s']:6.2f} s")
        if "wall_ratios" in row:
            line += (f"; ratio to trafilatura: wall median {row['median_wall_ratio']:.3f}x "
                     f"({min(row['wall_ratios']):.2f} to {max(row['wall_ratios']):.2f}), "
                     f"cpu median {row['median_cpu_ratio']:.3f}x "
                     f"({min(row['cpu_ratios']):.2f} to {max(row['cpu_ratios']):.2f})")
        print(line)
    if "same_output" in report:
        print(f"  same output as the other tree: {report['same_output']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--synthetic", type=int, default=2000, help="pages in the synthetic stream")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--rounds", type=int, default=0,
                    help="only the whole-process comparison, in this many interleaved rounds (medians)")
    ap.add_argument("--against", type=Path, metavar="TREE",
                    help="with --rounds or --instructions: also run `readouts extract` from the source tree "
                         "TREE (PYTHONPATH=TREE/src), e.g. a checkout of an older commit (--rounds compares outputs)")
    ap.add_argument("--instructions", action="store_true",
                    help="only count the instructions of the two whole processes under valgrind (slow)")
    args = ap.parse_args(argv)

    if args.rounds or args.instructions:
        web_files = sorted(p for p in (args.shared / "corpus" / "web-pages").glob("*.html"))
        with tempfile.TemporaryDirectory() as tmp:
            manifest = Path(tmp) / "web.jsonl"
            manifest.write_text("".join(json.dumps({"id": p.name, "file": str(p)}) + "\n" for p in web_files),
                                "utf-8")
            if args.instructions:
                report = instructions(manifest, args.against)
            else:
                report = whole_rounds(manifest, args.rounds, args.against)
        if args.json:
            print(json.dumps(report, indent=1))
        elif args.instructions:
            for name, count in report["instructions"].items():
                ratio = report.get(f"{name}_ratio")
                print(f"  {name:12s} {count:,} instructions" + (f"  ({ratio:.3f}x trafilatura)" if ratio else ""))
        else:
            print_rounds(report)
        return 0

    from readouts.records import Document
    from readouts.sources import iter_documents, read_manifest

    try:
        from readouts.pipeline import Resources, process
        resources = Resources.default()
    except ImportError:
        process = resources = None

    corpus = args.shared / "corpus"
    dev = [d for d in read_manifest(corpus / "dev" / "gold.jsonl") if isinstance(d, Document)]
    web_files = sorted(p for p in (corpus / "web-pages").glob("*.html"))
    web = [d for d in iter_documents(web_files) if isinstance(d, Document)]
    synthetic = [Document(f"synthetic-{i}", html, is_html=True) for i, html in enumerate(synthetic_pages(args.synthetic))]

    if process is not None:  # warm the lazy loads (gazetteer, rules) outside the timings
        process(dev[0], resources=resources)

    rows = [bench_stream("dev corpus (text)", dev, args.repeat, process, resources),
            bench_stream("web pages (HTML)", web, args.repeat, process, resources),
            bench_stream(f"synthetic ({args.synthetic} HTML, 1 in 10 engagement)", synthetic, args.repeat,
                         process, resources)]
    stages = clean_breakdown(web, args.repeat)

    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "web.jsonl"
        manifest.write_text("".join(json.dumps({"id": p.name, "file": str(p)}) + "\n" for p in web_files), "utf-8")
        whole = whole_process(manifest, args.repeat)

    report = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "streams": rows,
              "clean_stages_s": stages, "whole_process": whole}
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    import trafilatura

    print(f"python {report['python']}, trafilatura {trafilatura.__version__}, {report['cpus']} CPUs, "
          f"best of {args.repeat}\n")
    print(f"{'stream':48s} {'docs':>5s} {'trafilatura':>12s} {'clean':>9s} {'pipeline':>9s} {'events':>7s}  (docs/s)")
    for r in rows:
        pipe = f"{r['pipeline_dps']:9.1f}" if "pipeline_dps" in r else f"{'-':>9s}"
        events = f"{r['events']:7d}" if "events" in r else f"{'-':>7s}"
        print(f"{r['stream']:48s} {r['docs']:5d} {r['trafilatura_dps']:12.1f} {r['clean_dps']:9.1f} {pipe} {events}")
    print("\nwhere the time goes (seconds, summed over the web pages, one pass):")
    total = sum(stages.values())
    for key, value in stages.items():
        print(f"  clean: {key:16s} {value:7.2f}  {100 * value / total:5.1f}%")
    web_row = rows[1]
    if "pipeline_s" in web_row:
        rest = web_row["pipeline_s"] - web_row["clean_s"]
        print(f"  cleaning, all of it   {web_row['clean_s']:7.2f}   (trafilatura alone: {web_row['trafilatura_s']:.2f})")
        print(f"  the rest of the pipeline {rest:7.2f}   (date, find, extract, resolve, merge)")
    print(f"\nwhole process over the web pages (interpreter start and imports included), median of "
          f"{whole['rounds']} interleaved rounds:")
    print(f"  trafilatura only        {whole['trafilatura_s']:7.2f} s  (best {whole['trafilatura_best_s']:.2f} s; "
          f"{whole['trafilatura_texts']} texts)")
    if "readouts_s" in whole:
        print(f"  readouts extract        {whole['readouts_s']:7.2f} s  (best {whole['readouts_best_s']:.2f} s; "
              f"{whole['events']} events, exit {whole['readouts_rc']})")
        verdict = "goal met" if whole["ratio"] <= 1.25 else ("within yardstick" if whole["ratio"] <= 2 else "TOO SLOW")
        print(f"  ratio                   {whole['ratio']:7.2f} x  ({verdict}: yardstick 2x, goal 1.25x; rounds "
              f"{', '.join(f'{x:.2f}' for x in whole['ratios'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
