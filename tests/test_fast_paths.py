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


from hypothesis import given, settings, strategies as st  # noqa: E402

_SENTENCE_TEXT = st.lists(st.sampled_from(list("abcXYZ.. !?\"')\n") + ["U.S.", "Dec.", "Mr.", " J.", "é"]),
                          max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SENTENCE_TEXT, st.integers(0, 10), st.integers(0, 80))
def test_word_before_period_is_the_regex(text, start, end):
    import re

    from readouts.find import _word_before_period

    start, end = min(start, len(text)), min(end, len(text))
    if end < start:
        start, end = end, start
    m = re.search(r"([A-Za-z.]+)\.$", text[start:end])
    assert _word_before_period(text, start, end) == (m.group(1) if m else None)


def test_meta_tags_are_the_pattern_s_matches():
    from readouts.clean.html import _meta_date_pattern, _meta_tags

    pages = [html[:300_000] for _, html in _pages(limit_web=None)]
    pages += ['<META NAME="date" content="2024-01-19"><Meta property=article:published_time content="2023-05-06">',
              '<meta<meta name="pubdate" content="2020-01-02"> İİ <meta name="date" content="2021-02-03">',
              "<meta name='date' content='x' <meta name=date content=2024-01-01>"]
    for head in pages:
        expected = [(m.start(), m.end()) for m in _meta_date_pattern().finditer(head)]
        assert [(m.start(), m.end()) for m in _meta_tags(head)] == expected


def test_figure_captions_without_any_figcaption():
    from trafilatura.utils import load_html

    from readouts.clean.html import _figure_captions

    tree = load_html("<html><body><article><figure><p>An image with no caption at all here.</p></figure>"
                     "</article></body></html>")
    assert _figure_captions(tree) == []
    tree = load_html("<html><body><main><figure><figcaption>The minister arrives in the capital on Monday."
                     "</figcaption></figure></main></body></html>")
    assert _figure_captions(tree) == ["The minister arrives in the capital on Monday."]


def test_gazetteer_from_the_cache_is_the_one_built(tmp_path, monkeypatch):
    import gzip
    import hashlib
    import json

    from readouts.people import gazetteer as G

    monkeypatch.setenv("READOUTS_CACHE_DIR", str(tmp_path))
    G._load.cache_clear()
    try:
        first = G.load_gazetteer()  # builds the index and writes the cache
        assert list(tmp_path.glob("gazetteer-*.pickle"))
        G._load.cache_clear()
        cached = G.load_gazetteer()
    finally:
        G._load.cache_clear()
    blob = G.DATA_FILE.read_bytes()
    built = G.Gazetteer(json.loads(gzip.decompress(blob)), hashlib.sha256(blob).hexdigest()[:12], None)
    for gz in (first, cached):
        assert gz is not built
        state, fresh = dict(gz.__dict__), dict(built.__dict__)
        ours, theirs = state.pop("_prefixes"), fresh.pop("_prefixes")
        assert state == fresh
        for name in ("_countries", "_places", "_roles", "_bodies", "_body_head_table"):
            assert ours[id(getattr(gz, name))] == theirs[id(getattr(built, name))]
    text = "Israeli Prime Minister Benjamin Netanyahu spoke with President Biden and Japan's foreign minister."
    assert cached.scan(text) == built.scan(text)
    assert cached.resolve("the Israeli prime minister", on="2021-08-01") == built.resolve(
        "the Israeli prime minister", on="2021-08-01")


def test_gazetteer_cache_can_be_turned_off(tmp_path, monkeypatch):
    from readouts.people import gazetteer as G

    monkeypatch.setenv("READOUTS_CACHE_DIR", "")
    assert G._cache_file("0" * 64) is None
