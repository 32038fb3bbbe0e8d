"""``readouts ingest``, ``last``, ``timeline``, ``tempo``, ``counterparts``, ``gaps``, ``export``.

Thin: arguments in, ``readouts.ledger.Ledger`` does the work, tables or
``--json`` out. Errors become one sentence on stderr and exit code 2 (bad
arguments, an ambiguous name, a ledger that cannot be opened); ``ingest``
exits 1 when some documents failed (each named on stderr with its reason).
"""
from __future__ import annotations

import contextlib
import functools
import json
import sys

import click

from ..errors import AmbiguousName, ReadoutsError
from . import cli

DB_HELP = ("Ledger database: sqlite:///path.db, postgresql://user@host:port/db or a file path "
           "(default: $READOUTS_DB, else ledger.db in the user data directory).")
EVENT_TYPES = click.Choice(["call", "meeting", "visit"])
LEVELS = click.Choice(["leader", "official"])


def _db_option(f):
    return click.option("--db", "db", metavar="URL", default=None, help=DB_HELP)(f)


def _json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for programs instead of a table.")(f)


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _handles_errors(f):
    """Turn the library's typed errors into one sentence on stderr and exit code 2."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except AmbiguousName as exc:
            if kwargs.get("as_json"):
                _echo_json({"status": "ambiguous", "message": str(exc),
                            "candidates": [c.to_json() if hasattr(c, "to_json") else c for c in exc.candidates]})
            # The sentence without its inline list: the candidates follow one a line.
            head = str(exc).split(": ", 1)[0] if exc.candidates else str(exc)
            click.echo(f"Error: {head}; which one? Ask again with a full name or an id:", err=True)
            for c in exc.candidates:
                click.echo(f"  {getattr(c, 'name', c)}  ({getattr(c, 'id', '')})", err=True)
            sys.exit(2)
        except ReadoutsError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)

    return wrapper


def _open(db):
    from ..ledger import Ledger

    return Ledger(db)


# ---------------------------------------------------------------------- ingest


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@_db_option
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1),
              help="Documents written per transaction.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1),
              help="Extraction processes (try the number of CPU cores).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@_json_option
@_handles_errors
def ingest(sources, db, batch_size, jobs, quiet, as_json):
    """Extract engagements from files, folders and .jsonl manifests into the ledger.

    Idempotent: a document already stored with the same content and rules is
    skipped; a changed one replaces its old mentions. Exit code 0 when every
    document was processed, 1 when some failed, 2 when none could be.
    """
    from ..sources import iter_documents

    ledger = _open(db)
    counts = {"written": 0, "unchanged": 0, "failed": 0}
    with _progress(quiet) as advance:
        def progress(outcome: str, doc_id: str) -> None:
            key = "failed" if outcome == "failed" else ("unchanged" if outcome in ("unchanged", "duplicate")
                                                          else "written")
            counts[key] += 1
            advance(doc_id, counts)

        summary = ledger.ingest(iter_documents(sources), batch_size=batch_size, progress=progress, jobs=jobs)
    for error in summary.failures:
        click.echo(f"failed: {error}", err=True)
    click.echo(
        f"{summary.seen} documents in {summary.seconds:.1f}s: {summary.new} new, {summary.changed} changed, "
        f"{summary.reextracted} re-extracted, {summary.unchanged} unchanged, {summary.duplicate} duplicate, "
        f"{summary.failed} failed; {summary.mentions} mentions written, {summary.events_touched} events updated "
        f"({ledger.url})",
        err=True,
    )
    if as_json:
        _echo_json({"run_id": summary.run_id, "seen": summary.seen, "new": summary.new, "changed": summary.changed,
                    "reextracted": summary.reextracted, "unchanged": summary.unchanged,
                    "duplicate": summary.duplicate, "failed": summary.failed, "mentions": summary.mentions,
                    "events_updated": summary.events_touched, "seconds": round(summary.seconds, 3),
                    "failures": [{"doc_id": e.doc_id, "code": e.code, "message": e.message}
                                 for e in summary.failures]})
    ledger.close()
    if summary.seen == 0 or summary.failed == summary.seen:
        sys.exit(2)
    if summary.failed:
        sys.exit(1)


@contextlib.contextmanager
def _progress(quiet: bool):
    """A rich progress bar on stderr (or nothing), yielding ``advance(doc_id, counts)``."""
    if quiet:
        yield lambda doc_id, counts: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    bar = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(),
                   TextColumn("{task.completed} docs"), TextColumn("{task.fields[detail]}"),
                   TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal)
    with bar:
        task = bar.add_task("ingest", total=None, detail="")

        def advance(doc_id, counts):
            bar.update(task, advance=1, detail=f"{counts['written']} written, {counts['unchanged']} unchanged, "
                                               f"{counts['failed']} failed")

        yield advance


# --------------------------------------------------------------------- asking


def _show_quotes(quotes, limit: int = 3) -> None:
    for quote in quotes[:limit]:
        where = quote["url"] or quote["doc_id"]
        click.echo(f"    \u201c{quote['text']}\u201d  ({where})")
    if len(quotes) > limit:
        click.echo(f"    ... and {len(quotes) - limit} more")


@cli.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@_db_option
@_json_option
@click.option("--as-of", "as_of", metavar="DATE", help="Answer as of this day (default today).")
@_handles_errors
def last(a, b, db, as_json, as_of):
    """When A and B last engaged, the contact before, and the gap between them."""
    answer = _open(db).last(a, b, as_of=as_of)
    if as_json:
        _echo_json(answer)
        return
    pair = " \u2013 ".join(answer["pair"])
    if answer["last"] is None:
        click.echo(f"{pair}: no contact on record up to {answer['as_of']}")
        return
    last_ = answer["last"]
    duration = f", {last_['duration_minutes']} min" if last_["duration_minutes"] else ""
    click.echo(f"{pair}")
    click.echo(f"  last:     {last_['type']} on {last_['date']}{duration}, "
               f"{answer['days_since']} days before {answer['as_of']}")
    if last_["sources"]:
        click.echo(f"  sources:  {', '.join(last_['sources'])}")
    _show_quotes(last_["quotes"])
    if answer["previous"]:
        previous = answer["previous"]
        click.echo(f"  previous: {previous['type']} on {previous['date']} ({answer['gap_days']} days earlier)")


def _table(title: str, columns, rows) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(file=sys.stdout, width=160).print(table)


@cli.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="[B]", required=False)
@_db_option
@_json_option
@click.option("--since", metavar="DATE", help="From this day on.")
@click.option("--until", metavar="DATE", help="Up to this day.")
@click.option("--type", "type_", type=EVENT_TYPES, help="Only calls, meetings or visits.")
@click.option("--level", type=LEVELS, help="Only leader-level or official-level engagements.")
@click.option("--planned", is_flag=True, help="Planned engagements instead of those that happened.")
@_handles_errors
def timeline(a, b, db, as_json, since, until, type_, level, planned):
    """A's engagements (with B, when given), oldest first."""
    events = _open(db).timeline(a, b, since=since, until=until, type=type_, level=level,
                                status="planned" if planned else "occurred")
    if as_json:
        _echo_json(events)
        return
    _table(f"timeline: {a}" + (f" and {b}" if b else ""), ["date", "type", "participants", "minutes", "sources"],
           [(e["date"], e["type"], ", ".join(e["participants"]), e["duration_minutes"], ", ".join(e["sources"]))
            for e in events])


@cli.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@_db_option
@_json_option
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="month", show_default=True)
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
@_handles_errors
def tempo(a, b, db, as_json, by, since, until):
    """How often A and B engaged, per month, quarter or year."""
    rows = _open(db).tempo(a, b, by=by, since=since, until=until)
    if as_json:
        _echo_json(rows)
        return
    _table(f"tempo: {a} and {b}", [by, "events", "calls", "meetings", "visits"],
           [(r["period"], r["events"], r["call"], r["meeting"], r["visit"]) for r in rows])


@cli.command()
@click.argument("a", metavar="A")
@_db_option
@_json_option
@click.option("--as-of", "as_of", metavar="DATE")
@click.option("--since", metavar="DATE")
@click.option("--limit", type=click.IntRange(1), default=None)
@_handles_errors
def counterparts(a, db, as_json, as_of, since, limit):
    """Everyone A engaged with, most engagements first, with the last contact each."""
    rows = _open(db).counterparts(a, as_of=as_of, since=since, limit=limit)
    if as_json:
        _echo_json(rows)
        return
    _table(f"counterparts: {a}", ["name", "id", "events", "last contact"],
           [(r["name"], r["id"], r["events"], r["last_date"]) for r in rows])


@cli.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@_db_option
@_json_option
@click.option("--as-of", "as_of", metavar="DATE", help="The current silence runs up to this day (default today).")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True)
@_handles_errors
def gaps(a, b, db, as_json, as_of, top):
    """The longest silences between A and B."""
    rows = _open(db).gaps(a, b, as_of=as_of, top=top)
    if as_json:
        _echo_json(rows)
        return
    _table(f"gaps: {a} and {b}", ["days", "from", "to"],
           [(r["days"], r["from"], r["to"] or "(still silent)") for r in rows])


@cli.command()
@_db_option
@click.option("--format", "format_", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True)
@click.option("--output", "-o", metavar="PATH", help="Write to this file (required for parquet; default stdout).")
@click.option("--status", type=click.Choice(["occurred", "planned"]), help="Only these events.")
@_handles_errors
def export(db, format_, output, status):
    """Every event of the ledger, one record each, with its sources and evidence."""
    ledger = _open(db)
    if output is None:
        if format_ == "parquet":
            raise click.UsageError("parquet export needs --output PATH")
        n = ledger.export(format_, sys.stdout, status=status)
    else:
        n = ledger.export(format_, output, status=status)
    click.echo(f"{n} events exported", err=True)
