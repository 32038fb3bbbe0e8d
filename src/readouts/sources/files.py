"""One file on disk (or one text in memory) to a Document."""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

from ..errors import BinaryDocument, DocumentTooLarge, EmptyDocument, InputError, MissingFile
from ..records import Document
from .decode import decode_bytes, looks_like_html

DEFAULT_MAX_BYTES = 50_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_document(path: str | os.PathLike, *, doc_id: str | None = None, url: str | None = None,
                  published: dt.date | str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document.

    ``doc_id`` defaults to the path as given. The bytes are decoded (UTF-8 with or
    without BOM, UTF-16/32 by BOM, an HTML meta charset, else a legacy encoding
    such as cp1252) and HTML is recognised by its content, never by the file name.
    ``published`` is a date or an ISO date string. A gzipped file is read
    decompressed.

    Raises (all ``readouts.errors.InputError`` with a ``code``): MissingFile
    ("missing-file"), EmptyDocument ("empty", also whitespace only), BinaryDocument
    ("binary"), DocumentTooLarge ("too-large", over ``max_bytes``) and InputError
    ("unreadable": a directory, no permission, an I/O error). Each message is one
    sentence that names the file.
    """
    name = str(path)
    doc_id = name if doc_id is None else doc_id
    p = Path(path)
    try:
        st = p.stat()
        size = st.st_size
        if stat.S_ISDIR(st.st_mode):  # p.is_dir(), without a second stat
            raise InputError(f"{name}: is a directory, not a document.", code="unreadable")
        if size > max_bytes:
            raise DocumentTooLarge(f"{name}: the file has {size:,} bytes, more than the limit of {max_bytes:,}.")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise MissingFile(f"{name}: the file does not exist.") from None
    except PermissionError:
        raise InputError(f"{name}: the file cannot be read (permission denied).", code="unreadable") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a document.", code="unreadable") from None
    except OSError as exc:
        raise InputError(f"{name}: the file cannot be read ({exc.strerror or exc}).", code="unreadable") from None
    if len(data) > max_bytes:  # the file grew while we read it
        raise DocumentTooLarge(f"{name}: the file is larger than the limit of {max_bytes:,} bytes.")
    return document_from_bytes(data, doc_id=doc_id, name=name, url=url, published=published, path=name,
                               max_bytes=max_bytes)


def _gunzip(data: bytes, *, name: str, max_bytes: int) -> bytes:
    import zlib

    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        raise BinaryDocument(f"{name}: the file is a damaged gzip archive.") from None
    if len(out) > max_bytes:
        raise DocumentTooLarge(f"{name}: the file decompresses to more than the limit of {max_bytes:,} bytes.")
    return out


def document_from_bytes(data: bytes, *, doc_id: str, name: str | None = None, url: str | None = None,
                        published: dt.date | str | None = None, fetched: dt.datetime | None = None,
                        path: str | None = None, charset: str | None = None,
                        max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode bytes that came from anywhere (a file, a WARC record) into a Document.

    Gzipped bytes are decompressed first (up to ``max_bytes``).
    """
    name = name or doc_id
    if data[:2] == b"\x1f\x8b":  # a gzipped page (wget, crawlers): read what it holds
        data = _gunzip(data, name=name, max_bytes=max_bytes)
    if not data or data.isspace():  # ``not data.strip()`` without copying the page
        raise EmptyDocument(f"{name}: the document is empty.")
    text = decode_bytes(data, name=name, charset=charset)
    return document_from_text(text, doc_id=doc_id, name=name, url=url, published=published,
                              fetched=fetched, path=path, decoded=True)


def document_from_text(text: str, *, doc_id: str, name: str | None = None, url: str | None = None,
                       published: dt.date | str | None = None, fetched: dt.datetime | None = None,
                       path: str | None = None, decoded: bool = False) -> Document:
    """A Document from text already decoded (a manifest's ``text``, an API caller's string).

    ``decoded``: the text comes from decoding bytes, which never yields lone surrogates
    (only JSON escapes can), so the scan for them is skipped."""
    name = name or doc_id
    if not text or text.isspace():  # ``not text.strip()`` without copying the page
        raise EmptyDocument(f"{name}: the document is empty.")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not decoded and _SURROGATE.search(text):  # lone surrogates (from JSON escapes) cannot be written out as UTF-8
        text = _SURROGATE.sub("\ufffd", text)
    return Document(id=doc_id, content=text, url=url or None, published=parse_published(published, name=name),
                    fetched=fetched, path=path, is_html=looks_like_html(text))


def parse_published(value: dt.date | str | None, *, name: str) -> dt.date | None:
    """A publication date given by the caller: a date, a datetime, an ISO string, or None.

    Raises ValueError for anything else (a caller's mistake, not a bad document).
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise ValueError(f"{name}: the publication date {value!r} is not an ISO date (YYYY-MM-DD).")
