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


# --- cheaper formulations of the cleaner and the decoder -----------------------------------

def _corpus_lines(limit_web: int | None = 80) -> list[str]:
    """Lines as the cleaner sees them: those of trafilatura's bodies, and odd ones."""
    from trafilatura.utils import load_html

    from readouts.clean.html import _walk, extract_body, shrink_html

    lines = ["", "   ", "\u00a0\u2003 x \t\n y \u3000", "• • two bullets", "- a dash", "\u200bzero\u00adwidth",
             "12:45", "18 October 2023", "Oct. 18, 2023", "Posted 1:23 PM, Apr 29, 2022", "ANKARA", "no digits here",
             "Photo: Reuters (left)", "Sign up for our newsletter today", "Subscribe now to support our journalism",
             "Readers like you make a donation today | your inbox", "Ｑ１２３", "٣ أكتوبر ٢٠٢٣", "²³ ¹"]
    for _, html in _pages(limit_web=limit_web):
        tree = load_html(shrink_html(html))
        if tree is None:
            continue
        body, _ = extract_body(tree, None)
        if body is not None:
            _walk(body, lines)
    return lines


def test_normalise_line_is_the_regex_formulation():
    import re
    import sys

    from readouts.clean.text import _BULLET, _INVISIBLE, normalise_line

    space = re.compile(r"\s+")
    # str.split and the re module agree on what whitespace is, code point by code point
    assert [c for c in range(sys.maxunicode + 1) if bool(space.match(chr(c))) != chr(c).isspace()] == []
    for line in _corpus_lines():
        plain = space.sub(" ", _INVISIBLE.sub("", line)).strip()
        assert normalise_line(line) == (_BULLET.sub("", plain) if plain else plain), line


def test_date_pattern_only_on_lines_with_a_digit():
    from readouts.clean.rules import boilerplate_rules, read_sections
    from readouts.clean.text import has_date, normalise_line

    rules = boilerplate_rules()
    dates = read_sections("dates.txt")
    words = [w for section in dates.values() for w in section]
    lines = [normalise_line(x) for x in _corpus_lines()] + words + [" ".join(words)]
    for line in lines:
        assert has_date(line, rules) == bool(rules.date.search(line)), line


def test_word_screens_are_the_regex_screens():
    from readouts.clean.rules import ScreenedPatterns, boilerplate_rules

    rules = boilerplate_rules()
    screened = [rules.pitch_strong, rules.pitch_weak, rules.caption]
    assert all(s.words is not None for s in screened[:2])
    many = ScreenedPatterns.compile([rf"\bword{i:02d}\b" for i in range(40)] + [r"\bthe (?:photo|image)\b"])
    assert many.words is None and many.screen is not None  # too many words: the regex stays
    screened.append(many)
    for line in _corpus_lines():
        low = line.lower()
        for s in screened:
            assert s._screened_out(low) == (not s.screen.search(low)), line


def test_control_bytes_are_counted_as_the_regex_counts():
    import os
    import random

    from readouts.sources.decode import _CONTROL, _NOT_CONTROL

    rng = random.Random(5)
    samples = [bytes(range(256)), b"", b"plain text\r\n\t\x0c", os.urandom(4096)]
    samples += [bytes(rng.choice(b"ab\x00\x1b\x1f\x7f\x0b\x0e\n") for _ in range(200)) for _ in range(50)]
    for data in samples:
        assert len(data.translate(None, _NOT_CONTROL)) == len(_CONTROL.findall(data))
