"""Running the pipeline on Spark, for crawls one machine cannot read in time.

    from readouts.spark import extract_dataframe
    events = extract_dataframe(pages)      # pages: id, content (or text / html), url, published
    events.where("error IS NULL").write.parquet("events/")

or, with an RDD of rows (Spark Rows or plain dicts)::

    from readouts.spark import extract_partition
    rows = pages.rdd.mapPartitions(extract_partition)

Nothing here extracts anything itself: each row becomes a ``Document`` through the
same constructors the file and manifest readers use, and goes through
``readouts.pipeline.process``, so a page gives on Spark exactly the events it gives
in ``readouts extract`` or ``process_many``. The read-only resources (the
gazetteer, the rules) are loaded once per partition (once per Python worker, in
fact: they are cached per process and Spark reuses its workers).

Output rows are the event JSON of the DESIGN.md contract (``Event.to_json()``),
one per event, with two more keys, ``error`` and ``error_message``, that are null
on event rows. A document that cannot be processed gives one error row instead:
its ``doc_id``, the reason code (``readouts.errors.REASONS``: "empty", "binary",
"too-large", "no-text", "internal", "bad-row", ...) and one sentence, every event
field null. A document that reports no engagement gives no row. One bad document
never fails the task.

pyspark is imported only by the functions that need it (``event_schema``,
``extract_dataframe``): ``extract_partition`` is plain Python and runs anywhere.
Executors need readouts installed (``pip install readouts`` on each node, or a
packed virtual environment shipped with ``spark.archives``).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping

from .errors import InputError
from .records import Document, DocumentError

#: The event JSON fields, in the order of ``Event.to_json()``, then the two error fields.
EVENT_FIELDS = (
    "doc_id", "type", "status", "participants", "person_ids", "level", "date", "date_basis",
    "duration_minutes", "location", "host", "sources", "topics", "evidence", "span",
    "doc_published", "doc_published_basis", "flags",
)
ERROR_FIELDS = ("error", "error_message")
FIELDS = EVENT_FIELDS + ERROR_FIELDS

#: Where a row's page may be, in order of preference (the first that is not null wins).
CONTENT_COLUMNS = ("content", "text", "html")

_ARRAYS = {"participants", "person_ids", "sources", "topics", "flags"}


def event_schema():
    """The Spark schema (a ``StructType``) of the rows ``extract_partition`` yields."""
    from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

    fields = []
    for name in FIELDS:
        if name in _ARRAYS:
            kind = ArrayType(StringType(), containsNull=False)
        elif name == "span":
            kind = ArrayType(IntegerType(), containsNull=False)
        elif name == "duration_minutes":
            kind = IntegerType()
        else:
            kind = StringType()
        fields.append(StructField(name, kind, nullable=True))
    return StructType(fields)


def document_from_row(row, *, max_bytes: int | None = None) -> Document | DocumentError:
    """One input row (a Spark ``Row``, a dict, anything with ``asDict()``) to a Document,
    or a DocumentError saying why it cannot be one.

    Keys: ``id`` (required; any scalar, kept as a string), the page in ``content``,
    ``text`` or ``html`` (text, or bytes that are decoded as the file reader decodes
    a file, with ``charset`` when the row has one), and optional ``url`` and
    ``published`` (a date, a datetime or an ISO string). Other keys are ignored.
    """
    from .sources.files import DEFAULT_MAX_BYTES, document_from_bytes, document_from_text, parse_published

    max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    try:
        fields = _as_mapping(row)
    except TypeError as exc:
        return DocumentError(None, "bad-row", str(exc))
    raw_id, url = fields.get("id"), fields.get("url")
    if url is not None and not isinstance(url, str):
        url = None
    if raw_id is None or isinstance(raw_id, (bytes, bytearray, list, dict)) or str(raw_id).strip() == "":
        return DocumentError(url, "bad-row", f"a row{f' for {url}' if url else ''} has no \"id\".")
    doc_id = str(raw_id)
    content = next((fields[k] for k in CONTENT_COLUMNS if fields.get(k) is not None), None)
    try:
        published = parse_published(fields.get("published"), name=doc_id)
    except ValueError:
        return DocumentError(doc_id, "bad-row", f"{doc_id}: the \"published\" value {fields.get('published')!r} "
                                                "is not an ISO date (YYYY-MM-DD).")
    try:
        if content is None:
            return DocumentError(doc_id, "empty", f"{doc_id}: the row has no content (no \"content\", \"text\" "
                                                  "or \"html\" value).")
        if isinstance(content, (bytes, bytearray, memoryview)):
            data = bytes(content)
            if len(data) > max_bytes:
                return DocumentError(doc_id, "too-large", f"{doc_id}: the document has {len(data):,} bytes, "
                                                          f"more than the limit of {max_bytes:,}.")
            return document_from_bytes(data, doc_id=doc_id, url=url, published=published,
                                       charset=fields.get("charset"), max_bytes=max_bytes)
        if isinstance(content, str):
            if len(content) > max_bytes:
                return DocumentError(doc_id, "too-large", f"{doc_id}: the document has {len(content):,} "
                                                          f"characters, more than the limit of {max_bytes:,}.")
            return document_from_text(content, doc_id=doc_id, url=url, published=published)
        return DocumentError(doc_id, "bad-row", f"{doc_id}: the content is a {type(content).__name__}, "
                                                "not text or bytes.")
    except InputError as exc:
        return DocumentError(doc_id, exc.code, str(exc))


def extract_partition(rows: Iterable, *, max_bytes: int | None = None, resources=None) -> Iterator[dict]:
    """The event rows of a partition of input rows: use with ``rdd.mapPartitions``.

    Yields one plain dict per event (``Event.to_json()`` plus ``error`` and
    ``error_message``, both None) and one error dict per document that could not be
    processed (``doc_id``, ``error``, ``error_message``; the rest None). Never raises
    for a document. ``resources`` defaults to ``Resources.default()``, loaded on the
    first document of the partition. Options go through ``functools.partial``.
    """
    from .pipeline import Resources, process

    for row in rows:
        doc = document_from_row(row, max_bytes=max_bytes)
        if isinstance(doc, DocumentError):
            yield error_row(doc)
            continue
        try:
            resources = resources or Resources.default()
            result = process(doc, resources=resources)
        except Exception as exc:  # process reports bad documents itself; this is a last guard
            yield error_row(DocumentError(doc.id, "internal", f"{type(exc).__name__}: {exc}"))
            continue
        if result.error is not None:
            yield error_row(result.error)
            continue
        for event in result.events:
            yield {**event.to_json(), "error": None, "error_message": None}


def error_row(error: DocumentError) -> dict:
    """The output row of a document that could not be processed."""
    row = dict.fromkeys(FIELDS)
    row.update(doc_id=error.doc_id, error=error.code, error_message=error.message)
    return row


def _as_tuples(rows: Iterable, **options) -> Iterator[tuple]:
    for row in extract_partition(rows, **options):
        yield tuple(row[name] for name in FIELDS)


def extract_dataframe(df, *, id_col: str = "id", content_col: str | None = None, url_col: str = "url",
                      published_col: str = "published", charset_col: str = "charset",
                      max_bytes: int | None = None):
    """A DataFrame of events (``event_schema()``) from a DataFrame of pages.

    ``df`` has an id column (``id_col``; e.g. ``id_col="path"`` for
    ``spark.read.format("binaryFile")``), a page column (``content_col``, by default
    the first of content, text, html that ``df`` has; string or binary), and
    optionally url, published (date, timestamp or ISO string) and charset columns.
    Error rows are kept (``error`` is not null on them): ``.where("error IS NULL")``
    leaves the events. Rows come out in input order, partition by partition.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    columns = set(df.columns)
    if content_col is None:
        content_col = next((c for c in CONTENT_COLUMNS if c in columns), None)
        if content_col is None:
            raise ValueError(f"the DataFrame has none of the columns {', '.join(CONTENT_COLUMNS)} "
                             f"(its columns: {', '.join(df.columns)}); name one with content_col=")
    for name, col in (("id_col", id_col), ("content_col", content_col)):
        if col not in columns:
            raise ValueError(f"{name}={col!r} is not a column of the DataFrame (its columns: {', '.join(df.columns)})")

    def optional(col: str, alias: str):
        return F.col(col).alias(alias) if col in columns else F.lit(None).cast(StringType()).alias(alias)

    pages = df.select(F.col(id_col).alias("id"), F.col(content_col).alias("content"), optional(url_col, "url"),
                      optional(published_col, "published"), optional(charset_col, "charset"))
    rows = pages.rdd.mapPartitions(functools.partial(_as_tuples, max_bytes=max_bytes))
    return df.sparkSession.createDataFrame(rows, event_schema())


def _as_mapping(row) -> Mapping:
    if isinstance(row, Mapping):
        return row
    as_dict = getattr(row, "asDict", None)
    if callable(as_dict):
        return as_dict()
    raise TypeError(f"an input row is a {type(row).__name__}, not a Row or a mapping.")
