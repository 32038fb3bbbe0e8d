"""The cheaper ways of doing things give what the plain ways give (docs/performance.md).

Each speed-up that replaces a call to a library or a simple formulation is checked
here against that plain formulation, on pages of our own writing and, when the
shared corpus is beside the checkout, on its 431 web pages.
"""
from __future__ import annotations

import functools
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

@functools.cache
def _body_lines(limit_web: int | None = 80) -> tuple[str, ...]:
    """The lines of trafilatura's bodies of the pages, as clean_html hands them on."""
    from readouts.clean.html import _walk, extract_body, parse_html, shrink_html

    lines: list[str] = []
    for _, html in _pages(limit_web=limit_web):
        tree = parse_html(shrink_html(html))
        if tree is None:
            continue
        body, _ = extract_body(tree, None)
        if body is not None:
            _walk(body, lines)
    return tuple(lines)


def _corpus_lines(limit_web: int | None = 80) -> list[str]:
    """Lines as the cleaner sees them: those of trafilatura's bodies, and odd ones."""
    lines = ["", "   ", "\u00a0\u2003 x \t\n y \u3000", "• • two bullets", "- a dash", "\u200bzero\u00adwidth",
             "12:45", "18 October 2023", "Oct. 18, 2023", "Posted 1:23 PM, Apr 29, 2022", "ANKARA", "no digits here",
             "Photo: Reuters (left)", "Sign up for our newsletter today", "Subscribe now to support our journalism",
             "Readers like you make a donation today | your inbox", "Ｑ１２３", "٣ أكتوبر ٢٠٢٣", "²³ ¹"]
    return lines + list(_body_lines(limit_web))


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
    # the lines of trafilatura's body are normalised already (rows: cells joined by " | "):
    # normalising again only takes off a bullet, as clean_lines(normalised=True) does
    odd = ["• • two bullets", "- - dash", "•", "* * *", "a | b", "• x | • y"]
    for line in [normalise_line(x) for x in odd] + list(_body_lines()):
        assert normalise_line(line) == (_BULLET.sub("", line) if line else line), line


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


# --- the candidate filter and the people scan -----------------------------------------------

@functools.cache
def _texts_of_the_pages(limit_web: int | None = 80) -> list[str]:
    """Sentences (and whole texts) of the golden, QA and example pages and of web pages."""
    from readouts.clean import clean
    from readouts.errors import InputError
    from readouts.find import sentences
    from readouts.records import Document
    from readouts.sources import looks_like_html, read_document

    docs = []
    for folder in ("qa", "qa2", "qa3"):
        for page in sorted((GOLDEN / folder).glob("*.txt")):
            text = page.read_text("utf-8")
            docs.append(Document(page.stem, text, is_html=looks_like_html(text)))
    docs += [Document(name, html, is_html=True) for name, html in _pages(limit_web=limit_web)]
    docs += [read_document(p) for p in sorted(GOLDEN.glob("*.txt"))]
    texts = []
    for doc in docs:
        try:
            article = clean(doc, page_date_search=False)
        except InputError:
            continue
        texts.append(article.text)
        texts += [s.text for s in sentences(article)]
    return texts


def test_contact_screen_is_the_contact_pattern():
    from readouts.find import _contact_pattern, _contact_screen, _contact_words, _factorable, is_candidate

    assert sum(_factorable(w) for w in _contact_words()) >= 40  # the grouping does group
    assert not _factorable("a|b") and not _factorable("a?b") and not _factorable("(?:a|b)c")
    assert _factorable("a(?:b|c)d") and _factorable("a[|]b") and _factorable(r"a\|b")
    words = _contact_words()
    probes = [w.replace("\\b", "").replace("?", "") for w in words]
    texts = list(_texts_of_the_pages()) + probes + [f"x{p}" for p in probes] + [p.upper() for p in probes]
    texts += ["", "met", "Metall", "He met her.", "Handelsgespräche", "hand over", "hands-over", "tête-à-tête"]
    for text in texts:
        assert is_candidate(text) == (_contact_pattern().search(text.lower()) is not None), text
        assert is_candidate(text) == is_candidate(text)  # the second asking, answered from memory


def test_people_screen_never_hides_a_hit():
    from readouts.people import load_gazetteer
    from readouts.people.normalize import Tokens

    gz = load_gazetteer()
    texts = list(_texts_of_the_pages())
    for table in (gz._countries, gz._places, gz._roles, gz._bodies, gz._body_head_table):
        for key in list(table)[:400]:
            phrase = " ".join(key)
            texts += [phrase, "the " + phrase, f"The {phrase.title()} said", f"the-{phrase}", f"{phrase.title()} Smith"]
    for key in list(gz._names)[:3000]:
        name = " ".join(key)
        texts += [name.title(), "the " + name.title(), name.title().replace(" ", "-"), f"Mr. {name.title()}"]
    texts += ["Kim Jong-un met Moon Jae-in.", "the-President", "THE PRESIDENT", "The Hague", "the the Hague"]
    screened_out = 0
    for text in texts:
        full = gz._scan_tokens(Tokens(text), False)
        assert gz.scan(text) == full, text
        if not gz._may_name(text):
            assert full == [], text
            screened_out += 1
    assert screened_out > len(texts) // 10  # the screen does skip work


def test_wide_characters_counted_as_the_plain_sum():
    from readouts.sources.decode import decode_bytes

    for data in (b"caf\xe9 cr\xe8me br\xfbl\xe9e \xe2\x80\x99 \xc3\xa9\xc3\xa8", "naïve façade".encode("utf-8") + b"\xff",
                 b"plain ascii \xff only", "Grüße aus Köln".encode("cp1252")):
        lenient = data.decode("utf-8", errors="replace")
        bad = lenient.count("\ufffd")
        assert len(lenient) - len(lenient.encode("ascii", "ignore")) - bad == sum(1 for c in lenient if c > "\x7f") - bad
        decode_bytes(data, name="x")  # and the decoder takes them


def test_console_command_ends_as_the_command_does(tmp_path):
    """``readouts extract`` as a process (quick exit, gazetteer loaded with the collector
    paused) prints what the command prints in-process and exits with the same code."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from readouts.cli import cli

    page = GOLDEN / "qa" / "albanese-xi-lima.txt"
    cases = [["extract", str(page), "--format", "jsonl", "--published", "2024-11-17"],
             ["extract", str(page), str(tmp_path / "missing.txt"), "--format", "jsonl"],
             ["extract", str(tmp_path / "missing.txt")],
             ["extract", str(page), "--published", "2024-11-17"]]
    for args in cases:
        proc = subprocess.run([sys.executable, "-c", "from readouts.cli import main; main()", *args],
                              capture_output=True, text=True, timeout=120)
        result = CliRunner().invoke(cli, args)
        assert proc.returncode == result.exit_code, args
        if "jsonl" in args:
            assert proc.stdout == result.stdout, args
            assert proc.stdout.count("\n") >= (1 if len(args) == 5 else 0)
        else:
            assert proc.stdout.splitlines()[-1:] == result.stdout.splitlines()[-1:], args


_SPLIT_TEXT = st.lists(st.sampled_from(list("aZ9 .!?\n\"'”’)](“‘[\u00a0") + ["Mr.", "U.S.", " J.", "Dec.", ". The", "\n\n"]),
                       max_size=60).map("".join)


@settings(max_examples=600, deadline=None)
@given(_SPLIT_TEXT, st.integers(0, 12), st.integers(0, 100))
def test_split_sentences_at_the_mark_is_the_look_behind_split(text, start, end):
    from readouts.find import _split_sentences_plain, split_sentences

    start, end = min(start, len(text)), min(end, len(text))
    if end < start:
        start, end = end, start
    assert split_sentences(text, start, end) == _split_sentences_plain(text, start, end)
    assert split_sentences(text) == _split_sentences_plain(text, 0, len(text))


def test_split_sentences_of_the_pages_is_the_look_behind_split():
    from readouts.find import _split_sentences_plain, split_sentences

    for text in _texts_of_the_pages():
        assert split_sentences(text) == _split_sentences_plain(text, 0, len(text))
        assert split_sentences(text, 1, len(text) - 1) == _split_sentences_plain(text, 1, len(text) - 1)


def test_parse_html_is_load_html(caplog):
    """The tree from the markup's UTF-8 bytes is the tree load_html makes of the str, and a
    dubious page is refused and logged alike."""
    import copy
    import logging
    import sys

    from trafilatura.utils import INVALID_XML_CHARS, load_html

    from readouts.clean.html import _NOT_INVALID_XML, parse_html, shrink_html

    invalid = [c for c in range(sys.maxunicode + 1) if INVALID_XML_CHARS.match(chr(c))]
    assert invalid == [b for b in range(256) if b not in _NOT_INVALID_XML] + [0xFFFE, 0xFFFF]
    body = "<body><p>Die Minister trafen sich am Montag in Rom – «ça va», 東京, 😀.</p></body>"
    odd = [
        "", " ", "<p>only a paragraph</p>", "<div><p>one</p><p>two</p></div>", "plain text, no markup",
        f"<html><head><meta charset='iso-8859-1'></head>{body}</html>",
        f"<?xml version='1.0' encoding='iso-8859-1'?><html>{body}</html>",
        f"\u00a0\u2003<html>{body}</html>", f"\n\t <!DOCTYPE html><html>{body}</html>",
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html>{body}</html>',
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd">\n<html>{body}</html>',
        f"<html xmlns='http://www.w3.org/1999/xhtml' />\n{body}", f"<html>{body}\x00\x08\x1f\ufffe</html>",
        f"<html>{body}\ud800</html>", f"\ufeff<html>{body}</html>", f"<html>\r\n{body}\r\n</html>",
        "<html><body>" + "<div>" * 300 + "deep" + "</div>" * 300 + "</body></html>",
        "<html><body><FORM action='/s'><Label for=q>Search</LABEL><input id=q name=q value='x'>"
        "<select name=s><option>a</option></select><textarea>t</textarea></form><o:p>office</o:p>"
        "<svg:rect/><math><mi>x</mi></math></body></html>",
    ]
    pages = [html for _, html in _pages(limit_web=None)] + odd
    for html in pages:
        html = shrink_html(html)
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="trafilatura"):
            theirs = load_html(html)
        their_log = [(r.levelname, r.getMessage()) for r in caplog.records]
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="trafilatura"):
            ours = parse_html(html)
        assert [(r.levelname, r.getMessage()) for r in caplog.records] == their_log, html[:80]
        if theirs is None:
            assert ours is None, html[:80]
            continue
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode"), html[:80]
        # the same classes of elements (FormElement, InputElement, ...), in the tree and in a copy
        assert [type(e) for e in ours.iter()] == [type(e) for e in theirs.iter()], html[:80]
        assert [type(e) for e in copy.copy(ours).iter()] == [type(e) for e in copy.copy(theirs).iter()], html[:80]


def test_trafilatura_reads_parse_html_trees_as_load_html_trees():
    """trafilatura's body of a parse_html tree is that of the load_html tree (the parser's
    class lookup is the one difference left between them)."""
    from trafilatura.utils import load_html

    from readouts.clean.html import _title, extract_body, parse_html, shrink_html

    checked = 0
    for name, html in _pages(limit_web=120):
        html = shrink_html(html)
        ours, theirs = parse_html(html), load_html(html)
        if theirs is None:
            assert ours is None, name
            continue
        assert _title(ours) == _title(theirs), name
        body, _ = extract_body(ours, "https://example.org/2024/01/19/story")
        expected, _ = extract_body(theirs, "https://example.org/2024/01/19/story")
        got = etree.tostring(body, encoding="unicode") if body is not None else None
        assert got == (etree.tostring(expected, encoding="unicode") if expected is not None else None), name
        checked += 1
    assert checked >= 100
