"""Web archives (WARC, also gzipped): each HTML response record is a Document.

Needs the optional ``warcio`` package (``pip install 'readouts[warc]'``), imported
only when a WARC file is read.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from ..errors import InputError
from ..records import Document, DocumentError
from .files import DEFAULT_MAX_BYTES, document_from_bytes

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | DocumentError]:
    """Yield a Document for each ``response`` record whose payload is HTML (or text),
    lazily, in archive order. ``doc_id`` and ``url`` are the record's target URI
    (the record id when it has none); ``fetched`` is the WARC-Date. Records that
    are not responses, or not text, are skipped; one that cannot be decoded
    yields a DocumentError and the archive goes on.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise InputError(f"{path}: reading WARC files needs warcio: pip install 'readouts[warc]'.",
                         code="unreadable") from None
    name = str(path)
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: the file does not exist.", code="missing-file") from None
    except OSError as exc:
        raise InputError(f"{name}: the file cannot be read ({exc.strerror or exc}).", code="unreadable") from None
    with fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            doc_id = uri or record.rec_headers.get_header("WARC-Record-ID") or f"{name}#{record.offset}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
            mime = ctype.split(";")[0].strip().lower()
            if mime and mime not in _TEXT_TYPES:
                continue
            charset = None
            for part in ctype.split(";")[1:]:
                key, _, value = part.partition("=")
                if key.strip().lower() == "charset":
                    charset = value.strip().strip('"\'') or None
            try:
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield DocumentError(doc_id, "too-large",
                                        f"{doc_id}: the record is larger than the limit of {max_bytes:,} bytes.")
                    continue
                doc = document_from_bytes(data, doc_id=doc_id, name=doc_id, url=uri, charset=charset,
                                          fetched=_warc_date(record.rec_headers.get_header("WARC-Date")))
            except InputError as exc:
                yield DocumentError(doc_id, exc.code, str(exc))
                continue
            except Exception as exc:  # a corrupt record must not end the archive
                yield DocumentError(doc_id, "unreadable", f"{doc_id}: the record cannot be read ({exc}).")
                continue
            yield doc


def _warc_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
