"""HTML pages to Articles, through trafilatura.

The page is parsed once; htmldate reads the page date from the same tree in its
fast mode (meta tags, structured data, URL: about a millisecond a page), and
trafilatura extracts the main text (``fast=True``, comments left out). Its
paragraphs, headings, list items and quotes become ``paragraph`` blocks, image
captions it keeps become ``caption`` blocks, and the page title comes first as
the ``title`` block.

Huge pages: markup over ``PRESTRIP_CHARS`` first loses its scripts, styles,
inline SVG and comments (cheap regular expressions, linear in the size), and
what is still over ``MAX_HTML_CHARS`` is cut at a tag boundary before parsing, so
a 20 MB page costs about as much as a 3 MB one. Article text sits in the first
megabytes of any real page.
"""
from __future__ import annotations

import datetime as dt
import re

from ..errors import InputError
from ..records import Article, Document
from .text import _Line, build_article, normalise_line

PRESTRIP_CHARS = 1_000_000
MAX_HTML_CHARS = 3_000_000

_NOISE = re.compile(r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BLOCK_TAGS = {"p", "head", "quote", "item", "cell", "code"}


def shrink_html(html: str) -> str:
    """Markup small enough for trafilatura (see the module docstring)."""
    if len(html) > PRESTRIP_CHARS:
        html = _NOISE.sub(" ", html)
    if len(html) > MAX_HTML_CHARS:
        cut = html.rfind("<", 0, MAX_HTML_CHARS)
        html = html[: cut if cut > MAX_HTML_CHARS // 2 else MAX_HTML_CHARS]
    return html


def clean_html(doc: Document) -> Article:
    """Extract the article of an HTML page; InputError(code="no-text") when there is none."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(shrink_html(doc.content))
    if tree is None:
        raise InputError(f"{doc.id}: the page cannot be parsed as HTML.", code="no-text")
    page_date = _page_date(tree, doc.url)
    title = _title(tree)
    result = trafilatura.bare_extraction(tree, url=doc.url, include_comments=False, fast=True,
                                         include_images=True)
    kept: list[_Line] = []
    if title:
        kept.append(_Line(title, "title"))
    seen = {title.casefold()} if title else set()
    body = getattr(result, "body", None) if result is not None else None
    if body is not None:
        for element in body.iter():
            for line in _element_lines(element):
                key = line.text.casefold()
                if key in seen:
                    continue
                seen.add(key)
                kept.append(line)
    if not any(x.kind != "title" for x in kept):
        raise InputError(f"{doc.id}: no article text was found in the page.", code="no-text")
    language = getattr(result, "language", None) if result is not None else None
    return build_article(doc, kept, 0, page_date=page_date, title=title, language=language)


def _element_lines(element) -> list[_Line]:
    tag = element.tag
    if tag == "graphic":
        text = normalise_line(element.get("title") or element.get("alt") or "")
        return [_Line(text, "caption")] if len(text.split()) >= 2 else []
    if tag not in _BLOCK_TAGS:
        return []
    if tag == "cell" or (tag == "item" and element.find("item") is not None):
        return []
    # the whole text of the block (inline children such as <hi> and <ref> included),
    # but not of nested blocks, which come as their own elements
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _BLOCK_TAGS and child.tag != "list":
            parts.append(child.text_content() if hasattr(child, "text_content") else "".join(child.itertext()))
        elif child.tag == "lb":
            parts.append(" ")
        parts.append(child.tail or "")
    text = normalise_line(" ".join(parts))
    if not text:
        return []
    return [_Line(text, "paragraph")]


def _title(tree) -> str | None:
    try:
        from trafilatura.metadata import extract_title
        title = extract_title(tree)
    except Exception:  # an internal helper of trafilatura: fall back to the plain tags
        title = None
    if not title:
        nodes = tree.xpath("//h1") or tree.xpath("//title")
        title = nodes[0].text_content() if nodes else None
    title = normalise_line(title or "")
    return title or None


def _page_date(tree, url: str | None) -> dt.date | None:
    try:
        from htmldate import find_date
        found = find_date(tree, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found[:10])
    except ValueError:
        return None
