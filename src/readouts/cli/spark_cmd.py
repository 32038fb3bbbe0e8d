"""``readouts spark-extract``: the extraction of ``readouts extract`` on Spark (see readouts.spark)."""
from __future__ import annotations

import sys

import click

from . import cli
from .extract_cmd import EXIT_NOTHING, EXIT_OK, EXIT_SOME_FAILED


@cli.command("spark-extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, help="Folder to write the events to (Spark part files).")
@click.option("--input-format", type=click.Choice(["parquet", "json", "files"]), default="parquet",
              show_default=True,
              help="parquet or json: tables with id, content (or text/html), url, published; "
                   "files: folders of pages, each file one document named by its URI.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True,
              help="jsonl: one event JSON per line (nulls kept); parquet: the same columns.")
@click.option("--master", metavar="URL", help="Spark master (default: what spark-submit or the environment says, "
                                               "else local[*]).")
@click.option("--partitions", type=int, help="Repartition the input into this many partitions first.")
@click.option("--quiet", "-q", is_flag=True, help="No failed documents on stderr.")
def spark_extract(inputs, output, input_format, fmt, master, partitions, quiet):
    """Extract the engagements of INPUTS on Spark and write them to --output.

    The events are those `readouts extract` gives for the same pages. Documents
    that fail are named on stderr with a reason, and the others are written.

    \b
    Exit codes: 0 every document processed, 1 some documents failed,
                2 bad arguments or nothing processed.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise click.UsageError("spark-extract needs pyspark: pip install 'readouts[spark]'") from None
    from pyspark import StorageLevel

    from ..spark import ERROR_FIELDS, extract_dataframe

    import os

    # Local-mode workers run this interpreter (the one that has readouts) unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    had_session = SparkSession.getActiveSession() is not None
    builder = SparkSession.builder.appName("readouts spark-extract")
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    try:
        if input_format == "files":
            pages, id_col = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(list(inputs)), "path"
        else:
            pages, id_col = getattr(spark.read, input_format)(*inputs), "id"
        if partitions:
            pages = pages.repartition(partitions)
        try:
            rows = extract_dataframe(pages, id_col=id_col).persist(StorageLevel.MEMORY_AND_DISK)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        events = rows.where("error IS NULL").drop(*ERROR_FIELDS)
        if fmt == "jsonl":
            events.write.mode("error").option("ignoreNullFields", "false").json(output)
        else:
            events.write.mode("error").parquet(output)
        failures = rows.where("error IS NOT NULL").select("doc_id", "error", "error_message").collect()
        total = pages.count()
        rows.unpersist()
    finally:
        if not had_session:
            spark.stop()
    if not quiet:
        for f in failures:
            message = f.error_message if f.doc_id and f.error_message.startswith(f.doc_id) else f"{f.doc_id}: {f.error_message}"
            click.echo(f"readouts: {message} [{f.error}]", err=True)
    if total == 0 or len(failures) >= total:
        sys.exit(EXIT_NOTHING)
    sys.exit(EXIT_SOME_FAILED if failures else EXIT_OK)
