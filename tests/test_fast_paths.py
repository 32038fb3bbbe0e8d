"""The cheaper ways of doing things give what the plain ways give (docs/performance.md).

Each speed-up that replaces a call to a library or a simple formulation is checked
here against that plain formulation, on pages of our own writing and, when the
shared corpus is beside the checkout, on its 431 web pages.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from lxml import etree

from corpus import WEB_PAGES

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"


def _synthetic(n: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "scripts" / "bench_extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_pages(n)


def _pages(limit_web: int | None = None) -> list[tuple[str, str]]:
    from readouts.sources import read_document

    pages = [(p.name, read_document(p).content) for p in sorted(GOLDEN.glob("*.html"))]
    pages += [(p.name, read_document(p).content) for p in sorted((ROOT / "examples" / "pages").glob("*.html"))]
    pages += [(f"synthetic-{i}", html) for i, html in enumerate(_synthetic(30))]
    pages.append(("fragment", "<div><p>Only a fragment of a page, with no head and no body at all.</p></div>"))
    pages.append(("empty-body", "<html><head><title>Nothing here</title></head><body></body></html>"))
    if WEB_PAGES.exists():
        web = sorted(WEB_PAGES.glob("*.html"))[:limit_web]
        pages += [(p.name, read_document(p).content) for p in web]
    return pages


def test_extract_body_is_bare_extractions_body():
    """trafilatura's body without its copy of the tree and its text rendering is the body
    bare_extraction gives (on the installed release)."""
    import trafilatura
    from trafilatura.utils import load_html

    from readouts.clean.html import extract_body, shrink_html

    checked = 0
    for name, html in _pages(limit_web=60):
        html = shrink_html(html)
        ours_tree, their_tree = load_html(html), load_html(html)
        if ours_tree is None:
            continue
        body, language = extract_body(ours_tree, "https://example.org/2024/01/19/story")
        result = trafilatura.bare_extraction(their_tree, url="https://example.org/2024/01/19/story",
                                             include_comments=False, fast=True)
        if result is None:
            assert body is None, name
            continue
        assert language == result.language, name
        expected = etree.tostring(result.body, encoding="unicode") if result.body is not None else None
        got = etree.tostring(body, encoding="unicode") if body is not None else None
        assert got == expected, name
        checked += 1
    assert checked >= 30
