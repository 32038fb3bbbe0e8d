"""The ``readouts`` command: a thin translator of arguments, output and exit codes.

Each group of commands lives in its own module and registers itself on ``cli``.
"""
from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="readouts")
def cli() -> None:
    """Turn news pages, readouts and briefings into a ledger of diplomatic
    engagements (calls, meetings, visits), and ask it questions.

    \b
    Examples:
      readouts extract page.html --format jsonl
      readouts ingest pages/ --db ledger.db
      readouts last "Joe Biden" "Benjamin Netanyahu"
    """


def _register() -> None:
    from . import extract_cmd, people_cmd, ledger_cmd, spark_cmd  # noqa: F401  (each adds its commands)


_register()


def main() -> None:
    from . import extract_cmd

    extract_cmd.HARD_EXIT = True  # the console command: the process ends with the command
    cli(prog_name="readouts")
