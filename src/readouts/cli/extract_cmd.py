"""``readouts extract`` and ``readouts eval``."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from . import cli

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING = 0, 1, 2

# Set by ``readouts.cli.main`` (the console command), where the process ends with the
# command: ``extract`` then leaves with os._exit once its output is flushed, skipping the
# interpreter's teardown (freeing the gazetteer's index, the caches and the parsed pages
# object by object: a tenth of a second or more, for nothing). Left False when the
# command is invoked in-process (tests, ``cli.main(standalone_mode=False)``).
HARD_EXIT = False


def _exit(code: int):
    """``sys.exit(code)``, or the console command's quick exit (see HARD_EXIT)."""
    if HARD_EXIT:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # a closed pipe: the ordinary exit reports it as it always has
            pass
        else:
            os._exit(code)
    sys.exit(code)


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)")


def _documents(files, manifest, url, published):
    from ..errors import InputError
    from ..records import DocumentError
    from ..sources import iter_documents, read_document, read_manifest

    if manifest:
        yield from read_manifest(manifest)
    for f in files:
        if Path(f).is_dir() or f.endswith((".warc", ".warc.gz")):
            yield from iter_documents([f])  # a folder or an archive: its documents, each named
            continue
        try:
            yield read_document(f, doc_id=f, url=url, published=published)
        except InputError as exc:
            yield DocumentError(f, exc.code, str(exc))


def _resources_loaded_first(docs):
    """The documents, with the pipeline's resources (the gazetteer) loaded just before the
    first Document, where ``process_many`` would load them, but with the garbage collector
    paused: the load makes some 100,000 objects, and the collector walked them all over and
    over while they were made (a third of the load's time). They live as long as the process:
    ``gc.freeze`` then keeps later collections from walking them again."""
    import gc

    from ..records import Document

    docs = iter(docs)
    for doc in docs:
        if isinstance(doc, Document):
            from ..pipeline import Resources

            enabled = gc.isenabled()
            gc.disable()
            try:
                Resources.default()  # loaded once per process (load_gazetteer caches it)
            finally:
                if enabled:
                    gc.enable()
            gc.freeze()
            yield doc
            break
        yield doc
    yield from docs


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=str))
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False), help="A JSON-lines manifest (id, file or text, url, published).")
@click.option("--published", callback=_iso_date, metavar="DATE", help="Publication date of the FILES (YYYY-MM-DD).")
@click.option("--url", metavar="URL", help="The address the FILES came from.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="A table for people, one JSON event per line for programs.")
@click.option("--workers", type=int, default=1, show_default=True, help="Processes to use.")
@click.option("--quiet", "-q", is_flag=True, help="No document notes on stderr.")
def extract(files, manifest, published, url, fmt, workers, quiet):
    """Extract the engagements (calls, meetings, visits) reported by FILES.

    Each FILE is a saved web page or a plain-text scrape; a folder stands for
    its files and a .warc/.warc.gz archive for its pages. Without --published,
    the publication date comes from the URL, the page, or the text itself.
    Errors go to stderr, one line per document; the batch goes on.

    \b
    Exit codes: 0 every document processed (finding no event is a success),
                1 some documents failed, 2 bad arguments or nothing processed.
    """
    from ..pipeline import process_many

    if not files and not manifest:
        raise click.UsageError("give FILE arguments or --manifest")
    ok = failed = 0
    rows = []
    docs = _documents(files, manifest, url, published)
    if workers <= 1:  # a pool loads the resources in its workers
        docs = _resources_loaded_first(docs)
    results = process_many(docs, workers=workers)
    for result in _with_progress(results, len(files) or None, quiet):
        if result.error is not None:
            failed += 1
            error = result.error
            # Messages from the sources already start with the file they are about.
            message = error.message if error.message.startswith(error.doc_id) else f"{error.doc_id}: {error.message}"
            click.echo(f"readouts: {message} [{error.code}]", err=True)
            continue
        ok += 1
        if fmt == "jsonl":
            for event in result.events:
                sys.stdout.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            rows.extend(result.events)
        if not quiet and fmt == "table" and result.publication.basis in ("inferred", "unknown"):
            when = (f"{result.publication.date} (inferred from the text)" if result.publication.date
                    else "unknown: relative dates left unresolved")
            click.echo(f"readouts: {result.doc_id}: publication date {when}", err=True)
    if fmt == "table":
        _table(rows)
    if failed and not ok:
        _exit(EXIT_NOTHING)
    _exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _with_progress(results, total, quiet):
    """Results as they come, with a progress line on stderr when a person is watching."""
    if quiet or not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True, console=__import__("rich.console").console.Console(stderr=True)) as bar:
        task = bar.add_task("extract", total=total)
        for result in results:
            bar.advance(task)
            yield result


def _table(events) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("document", "date", "type", "status", "participants", "minutes", "where", "sources"):
        table.add_column(col, no_wrap=col in ("date", "type", "status", "minutes"))
    for e in events:
        table.add_row(
            Path(e.doc_id).name, e.date or "?", e.type, e.status, ", ".join(e.participants),
            str(e.duration_minutes or ""), e.location or e.host or "", ", ".join(e.sources),
        )
    Console().print(table)
    Console(stderr=True).print(f"{len(events)} events")


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="Score these event lines instead of running the extractor.")
@click.option("--show-errors", is_flag=True, help="List each missed and each spurious event with its evidence.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--workers", type=int, default=1, show_default=True, help="Processes to use.")
def eval_(gold, predictions, show_errors, as_json, workers):
    """Score the extractor on a gold corpus (GOLD.jsonl, as in shared/corpus).

    The extractor sees only what a crawler knows of each document: its id,
    file, url and published date. The figures are those of the reference
    scorer: occurred and planned precision, recall and F1, date accuracy and
    type accuracy.
    """
    from ..evaluate import crawler_view, read_jsonl, score
    from ..pipeline import process_many
    from ..sources import read_manifest

    gold_docs = read_jsonl(gold)
    if predictions:
        preds = read_jsonl(predictions)
    else:
        import tempfile

        root = Path(gold).resolve().parent
        preds = []
        with tempfile.TemporaryDirectory() as tmp:
            # Only the crawler's view of each document reaches the extractor.
            manifest = Path(tmp) / "manifest.jsonl"
            manifest.write_text("".join(json.dumps(crawler_view(d, root)) + "\n" for d in gold_docs), "utf-8")
            results = list(process_many(read_manifest(manifest), workers=workers))
        for result in results:
            if result.error is not None:
                click.echo(f"readouts: {result.error}", err=True)
            preds.extend(e.to_json() for e in result.events)
    report = score(gold_docs, preds)
    if as_json:
        click.echo(json.dumps(report.to_json()))
    else:
        for line in report.lines():
            click.echo(line)
    if show_errors:
        for item in report.errors:
            e = item.event
            click.echo(f"{item.kind:8s} {item.doc_id}: {e.get('type')} {e.get('status')} {e.get('date')} "
                       f"{' + '.join(e.get('participants') or [])}")
            if e.get("evidence"):
                click.echo(f"         > {e['evidence'][:300]}")
