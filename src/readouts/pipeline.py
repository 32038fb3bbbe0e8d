"""The flow of one document: clean -> date -> find/extract -> resolve -> merge.

``process`` is a pure function of a Document and read-only resources, so the
same code runs in a loop, a process pool (``process_many``) or a Spark
``mapPartitions``. It never raises for a bad document: the reason is returned
in ``DocumentResult.error`` with a reason code, and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
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
        article = clean(doc, page_date_search=False)
    except InputError as exc:
        return _failed(doc.id, exc.code, str(exc))
    try:
        if doc.is_html and article.page_date is None and not doc.published and _may_report(article):
            # htmldate's search is the costly half of the page date: only for pages that may
            # report an engagement (most pages of a general stream never do).
            from .clean.html import find_page_date

            article = replace(article, page_date=find_page_date(doc))
        publication = publication_date(article.text, given=doc.published, url=doc.url, page_date=article.page_date)
        if (publication.date is None or publication.basis == "inferred") and _may_report(article):
            # the terms of office the page names bound its date: worth a scan only where an
            # engagement may be reported
            publication = _dated_by_offices(article, publication, gz)
        mentions = extract_mentions(article, publication, gz)
        events = document_events(mentions, publication, country_name=gz.country_name)
    except Exception as exc:  # a bug must not sink the batch: report it for this document
        return _failed(doc.id, "internal", f"{type(exc).__name__}: {exc}", article)
    return DocumentResult(doc.id, article, publication, tuple(mentions), tuple(events))


def _may_report(article) -> bool:
    """Whether the article passes the cheap filter: a contact word anywhere in its text
    (some sentence of it then has one)."""
    from .find import is_candidate

    return is_candidate(article.text)


# How sure an inference bounded by terms of office must be to be used: below this,
# such bounds dated more pages wrong than right on the development corpus.
OFFICE_BOUND_CONFIDENCE = 0.4


def _dated_by_offices(article, publication: Publication, gazetteer) -> Publication:
    """A page with no date, or one inferred from its text: the terms of office of the
    people it names with a title ("Russian President Vladimir Putin") bound when it can
    have been written. An inferred date outside those bounds ("since 2007" taken for the
    year of a page naming President Zelenskyy) is inferred again within them."""
    from .when import publication_date

    bounds = _office_bounds(article, gazetteer)
    if bounds is None:
        return publication
    lo, hi = bounds
    if publication.date is not None:
        if lo <= publication.date and (hi is None or publication.date <= hi):
            return publication
        again = publication_date(article.text, not_before=lo, not_after=hi)
        return again if again.date is not None else publication
    bounded = publication_date(article.text, not_before=lo, not_after=hi)
    if bounded.date is None or bounded.confidence < OFFICE_BOUND_CONFIDENCE:
        return publication
    return bounded


def _office_bounds(article, gazetteer) -> tuple[dt.date, dt.date | None] | None:
    """The latest start and earliest end of the single terms of the office-holders the
    page names with their title, or None when it names none."""
    from .find import sentences

    starts, ends = [], []
    for sentence in sentences(article):
        for hit in gazetteer.scan(sentence.text):
            if hit.kind != "name" or not hit.title or not hit.person_ids or not hit.role:
                continue
            before = sentence.text[max(0, hit.start - 30):hit.start].lower()
            if "former" in before or "ex-" in before or "then" in before:
                continue
            try:
                person = gazetteer.person(hit.person_ids[0])
            except KeyError:
                continue
            terms = [o for o in person.offices if o.role == hit.role and (hit.country is None or o.country == hit.country)]
            if len(terms) == 1 and terms[0].start is not None:
                starts.append(terms[0].start)
                if terms[0].end is not None:
                    ends.append(terms[0].end)
    if not starts:
        return None
    return max(starts), (min(ends) if ends else None)


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
