"""Cleaning: a Document (HTML or a plain-text scrape) to an Article.

    from readouts.clean import clean
    article = clean(document)

HTML goes through trafilatura (``clean.html``), plain text through the project's
line-level cleaner (``clean.text``) whose rules are data files under
``readouts/data/boilerplate``. ``Article.text`` is the kept blocks joined by blank
lines; each ``Block`` gives its offsets into it and its kind (title, dateline,
paragraph, caption).
"""
from __future__ import annotations

from ..errors import InputError
from ..records import Article, Document
from .html import clean_html
from .rules import RULES_VERSION, boilerplate_rules
from .text import clean_text

__all__ = ["clean", "clean_html", "clean_text", "boilerplate_rules", "RULES_VERSION"]


def clean(doc: Document, *, page_date_search: bool = True) -> Article:
    """Clean one document. Pure: the same Document always gives the same Article.

    Raises InputError(code="no-text") when an HTML page has no article text, or a
    plain text has nothing left after cleaning. ``page_date_search=False`` skips
    htmldate's search for a page date the markup does not declare in a meta tag
    (``find_page_date`` runs it later, for the pages that need it).
    """
    article = clean_html(doc, page_date_search) if doc.is_html else clean_text(doc)
    if not article.text or article.text.isspace():  # ``not article.text.strip()``, without a copy
        raise InputError(f"{doc.id}: no article text was left after cleaning.", code="no-text")
    return article
