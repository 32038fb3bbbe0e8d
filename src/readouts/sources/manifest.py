"""Manifests: JSON lines naming the documents of a batch.

Each line is an object with ``id`` and either ``file`` (absolute, or relative to
the manifest's folder) or ``text``, and optionally ``url`` and ``published`` (an
ISO date). Other keys are ignored, so the lines of a gold corpus
(``corpus/*/gold.jsonl``) are valid manifest lines. Blank lines are skipped.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, ManifestError
from ..records import Document, DocumentError
from .files import DEFAULT_MAX_BYTES, document_from_text, parse_published, read_document


def read_manifest(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | DocumentError]:
    """Yield one Document per manifest line, or a DocumentError for a line that is
    malformed ("bad-manifest-line") or whose document cannot be read (its InputError
    code, e.g. "missing-file"); iteration goes on after either.

    A DocumentError's ``doc_id`` is the line's ``id`` when it has one, else
    ``MANIFEST:LINE``. A manifest that cannot be opened raises InputError.
    """
    name = str(path)
    folder = Path(path).parent
    try:
        fh = open(path, encoding="utf-8-sig", errors="replace")
    except FileNotFoundError:
        raise InputError(f"{name}: the manifest does not exist.", code="missing-file") from None
    except OSError as exc:
        raise InputError(f"{name}: the manifest cannot be read ({exc.strerror or exc}).", code="unreadable") from None
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{name}:{lineno}"
            try:
                entry = _parse_line(line, where)
            except ManifestError as exc:
                yield DocumentError(getattr(exc, "doc_id", None) or where, exc.code, str(exc))
                continue
            yield _document(entry, folder, where, max_bytes)


def _parse_line(line: str, where: str) -> dict:
    try:
        entry = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{where}: the line is not valid JSON ({exc.msg}).") from None
    if not isinstance(entry, dict):
        raise ManifestError(f"{where}: the line is not a JSON object.")
    doc_id = entry.get("id")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or str(doc_id).strip() == "":
        raise ManifestError(f"{where}: the line has no \"id\".")
    doc_id = str(doc_id)

    def fail(message: str):
        err = ManifestError(f"{where}: {message}")
        err.doc_id = doc_id
        raise err

    file, text = entry.get("file"), entry.get("text")
    if file is None and text is None:
        fail(f"the line for {doc_id!r} has neither \"file\" nor \"text\".")
    if file is not None and not isinstance(file, str):
        fail(f"the \"file\" of {doc_id!r} is not a string.")
    if text is not None and not isinstance(text, str):
        fail(f"the \"text\" of {doc_id!r} is not a string.")
    url = entry.get("url")
    if url is not None and not isinstance(url, str):
        fail(f"the \"url\" of {doc_id!r} is not a string.")
    try:
        published = parse_published(entry.get("published"), name=doc_id)
    except ValueError:
        fail(f"the \"published\" of {doc_id!r} is not an ISO date (YYYY-MM-DD): {entry.get('published')!r}.")
    return {"id": doc_id, "file": file, "text": text, "url": url, "published": published}


def _document(entry: dict, folder: Path, where: str, max_bytes: int) -> Document | DocumentError:
    doc_id = entry["id"]
    try:
        if entry["file"] is not None:
            file = Path(entry["file"])
            if not file.is_absolute():
                file = folder / file
            return read_document(file, doc_id=doc_id, url=entry["url"], published=entry["published"],
                                 max_bytes=max_bytes)
        return document_from_text(entry["text"], doc_id=doc_id, name=f"{doc_id} ({where})", url=entry["url"],
                                  published=entry["published"])
    except InputError as exc:
        return DocumentError(doc_id, exc.code, str(exc))
