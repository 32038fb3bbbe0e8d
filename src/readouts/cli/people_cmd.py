"""``readouts resolve`` and ``readouts gazetteer build``."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from . import cli


@cli.command()
@click.argument("name")
@click.option("--on", "on", metavar="DATE", default=None,
              help="The date (YYYY-MM-DD, YYYY-MM or YYYY) on which the office is held "
                   "(default: today; 'any' for any time).")
@click.option("--country", metavar="ISO3", default=None,
              help="The document's home country, for titles without one (\"the prime minister\").")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (see DESIGN.md).")
def resolve(name: str, on: str | None, country: str | None, as_json: bool) -> None:
    """Say who NAME OR TITLE was on a date.

    \b
    Examples:
      readouts resolve "the Israeli prime minister" --on 2021-08-01
      readouts resolve Netanyahu --on 2024-01-19 --json
      readouts resolve "the prime minister" --country JPN --on 2020-01-01

    Exit status: 0 when resolved, 1 when ambiguous or unknown (the answer is still
    printed), 2 for bad arguments.
    """
    from ..people import ResolveContext, load_gazetteer

    gz = load_gazetteer()
    ctx = ResolveContext(country=country.upper()) if country else None
    if on is None:
        on = dt.date.today().isoformat()
    elif on.lower() == "any":
        on = None
    try:
        res = gz.resolve(name, on=on, context=ctx)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--on") from exc
    if as_json:
        click.echo(json.dumps(res.to_json(), ensure_ascii=False))
    else:
        _print_table(res, name, on)
    sys.exit(0 if res.status == "resolved" else 1)


def _print_table(res, name: str, on: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{name!r}" + (f" on {on}" if on else ""), show_lines=False)
    for col in ("status", "name", "id", "country", "office", "level", "note"):
        table.add_column(col)
    rows = [res] if res.status != "ambiguous" else list(res.candidates)
    for r in rows:
        j = r.to_json()
        table.add_row(res.status, j["name"] or "-", j["id"] or "-", j["country"] or "-",
                      j["title"] or j["office"] or "-", j["level"] or "-", r.reason or res.reason or "")
    Console(width=160).print(table)


@cli.group()
def gazetteer() -> None:
    """Build and check the packaged people data (developers)."""


@gazetteer.command("build")
@click.option("--raw", "raw", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The raw leaders folder (default: ../shared/data/leaders/raw beside the checkout).")
@click.option("--check", is_flag=True,
              help="Do not write: exit 1 if the packaged file differs from a fresh build.")
def gazetteer_build(raw: Path | None, check: bool) -> None:
    """Build src/readouts/data/gazetteer.json.gz from the raw files and curated CSVs.

    Prints what was kept, fixed and dropped, with counts. The output is
    byte-identical for identical inputs.
    """
    from ..people.build import OUTPUT, BuildError, build

    try:
        blob, report = build(raw, output=None)
    except BuildError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for line in report.lines():
        click.echo(line, err=True)
    if check:
        current = OUTPUT.read_bytes() if OUTPUT.exists() else b""
        if current != blob:
            click.echo(f"{OUTPUT} is out of date: run `readouts gazetteer build`", err=True)
            sys.exit(1)
        click.echo(f"{OUTPUT} is up to date")
        return
    OUTPUT.write_bytes(blob)
    click.echo(f"wrote {OUTPUT} ({len(blob)} bytes)")
