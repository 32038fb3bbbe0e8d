"""The flow of one document: clean -> date -> find/extract -> resolve -> merge.

``process`` is a pure function of a Document and read-only resources, so the
same code runs in a loop, a process pool (``process_many``) or a Spark
``mapPartitions``. It never raises for a bad document: the reason is returned
in ``DocumentResult.error`` with a reason code, and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Iterator

from .errors import InputError
from .records import Document, DocumentError, DocumentResult, Event, Publication


@dataclass(frozen=True)
class Resources:
    """The read-only resources of the stages (picklable: the gazetteer reloads lazily)."""

    gazetteer: object

    @classmethod
    def default(cls) -> "Resources":
        from .people import load_gazetteer

        return cls(load_gazetteer())


def process(doc: Document, *, resources: Resources | None = None) -> DocumentResult:
    """Everything readouts learns from one document."""
    from .clean import clean
    from .events import document_events
    from .mentions import extract_mentions
    from .when import publication_date

    resources = resources or Resources.default()
    gz = resources.gazetteer
    try:
        article = clean(doc)
    except InputError as exc:
        return _failed(doc.id, exc.code, str(exc))
    try:
        publication = publication_date(article.text, given=doc.published, url=doc.url, page_date=article.page_date)
        mentions = extract_mentions(article, publication, gz)
        events = document_events(mentions, publication, country_name=gz.country_name)
    except Exception as exc:  # a bug must not sink the batch: report it for this document
        return _failed(doc.id, "internal", f"{type(exc).__name__}: {exc}", article)
    return DocumentResult(doc.id, article, publication, tuple(mentions), tuple(events))


def _failed(doc_id: str, code: str, message: str, article=None) -> DocumentResult:
    return DocumentResult(doc_id, article, Publication(None), (), (), DocumentError(doc_id, code, message))


def process_many(docs: Iterable[Document | DocumentError], *, workers: int = 1) -> Iterator[DocumentResult]:
    """Results in input order; ``workers > 1`` uses a process pool."""
    if workers <= 1:
        resources = None
        for doc in docs:
            if isinstance(doc, DocumentError):
                yield DocumentResult(doc.doc_id, None, Publication(None), (), (), doc)
                continue
            resources = resources or Resources.default()
            yield process(doc, resources=resources)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        pending = []
        for doc in docs:
            if isinstance(doc, DocumentError):
                pending.append(doc)
            else:
                pending.append(pool.submit(process, doc))
        for item in pending:
            if isinstance(item, DocumentError):
                yield DocumentResult(item.doc_id, None, Publication(None), (), (), item)
            else:
                yield item.result()


def extract(text_or_html: str, *, url: str | None = None, published: str | dt.date | None = None,
            doc_id: str = "document") -> list[Event]:
    """The events of one text or HTML page (the library's front door).

    >>> events = extract(open("page.html").read(), url="https://example.org/2024/01/19/x")
    """
    from .sources import looks_like_html

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = Document(doc_id, text_or_html, url=url, published=published, is_html=looks_like_html(text_or_html))
    result = process(doc)
    if result.error is not None:
        raise InputError(str(result.error), code=result.error.code)
    return list(result.events)
