"""Where documents come from: files, folders, manifests, web archives.

    from readouts.sources import read_document, iter_documents, read_manifest

Every source yields ``Document`` records; a document that cannot be read becomes a
``DocumentError`` (a reason code and one sentence naming it) so a batch goes on.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..records import Document, DocumentError
from .decode import decode_bytes, looks_like_html
from .files import DEFAULT_MAX_BYTES, document_from_bytes, document_from_text, read_document
from .manifest import read_manifest
from .warc import read_warc

__all__ = [
    "read_document",
    "read_manifest",
    "read_warc",
    "iter_documents",
    "document_from_bytes",
    "document_from_text",
    "decode_bytes",
    "looks_like_html",
]


def _is_manifest(path: Path) -> bool:
    return path.name.lower().endswith(".jsonl")


def _is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".warc") or name.endswith(".warc.gz")


def iter_documents(sources: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES
                   ) -> Iterator[Document | DocumentError]:
    """Yield the documents of each source in turn, lazily.

    A source is a file (its ``doc_id`` is the path as given), a directory (its
    files, recursively, in sorted order, hidden files skipped), a ``.jsonl``
    manifest, or a ``.warc``/``.warc.gz`` archive. Inside a directory, archives
    are expanded but ``.jsonl`` files are skipped: a manifest names its own
    documents, so pass it explicitly. The container kinds go by file name; whether
    a document is HTML never does. Failures are yielded as DocumentError.
    """
    for source in sources:
        path = Path(source)
        name = str(source)
        try:
            if path.is_dir():
                yield from _walk(path, max_bytes)
            elif _is_manifest(path) and path.exists():
                yield from read_manifest(path, max_bytes=max_bytes)
            elif _is_warc(path) and path.exists():
                yield from read_warc(path, max_bytes=max_bytes)
            else:
                yield read_document(name, max_bytes=max_bytes)
        except InputError as exc:
            yield DocumentError(name, exc.code, str(exc))


def _walk(folder: Path, max_bytes: int) -> Iterator[Document | DocumentError]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if file.startswith("."):
                continue
            path = Path(root) / file
            if _is_manifest(path):
                continue
            try:
                if _is_warc(path):
                    yield from read_warc(path, max_bytes=max_bytes)
                else:
                    yield read_document(str(path), max_bytes=max_bytes)
            except InputError as exc:
                yield DocumentError(str(path), exc.code, str(exc))
