"""Candidate sentences: the cheap filter in front of extraction.

Most sentences of a news stream report no engagement. This stage splits an
article into sentences and keeps those that contain a contact word; extraction
then looks for office-holders in that short list only. Splitting is rule-based
and linear: abbreviations that end in a period ("U.S.", "Dec.", "Mr.",
initials) do not end a sentence, and a text with no sentence breaks at all is
cut into bounded pieces so no stage ever sees an unbounded string.
"""
from __future__ import annotations

import re
from functools import cache

from .records import Article, Candidate
from .rules import load_rules

# Longest "sentence" handed on: pages with no punctuation are cut here.
MAX_SENTENCE = 1500

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st mt ft jr sr sen
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc ltd co corp dept
    u.s u.k u.n e.u u.s.a h.e h.m h.r.h pres amb rev fr hon est approx""".split()
)

# A sentence ends at . ! ? (with closing quotes or brackets) followed by space and
# an upper-case letter, a digit or an opening quote; or at a line break.
_BOUNDARY = re.compile(r"""(?<=[.!?])(["'”’)\]]*)\s+(?=[A-Z0-9"“‘'(\[])|\n+""")
# The same boundaries with the mark taken into the match (a match starts one character
# earlier, at the mark): a pattern that starts with a character class is tried only where
# one of its characters stands, where the look-behind was tried at every position.
_BOUNDARY_AT_MARK = re.compile(r"""[.!?](["'”’)\]]*)\s+(?=[A-Z0-9"“‘'(\[])|\n+""")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    if start > 0 and text[start - 1] in ".!?":
        return _split_sentences_plain(text, start, end)  # the look-behind sees the mark before start
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY_AT_MARK.finditer(text, start, end):
        closers = m.group(1)
        at = m.start() if closers is None else m.start() + 1  # where _BOUNDARY's match starts
        if "\n" not in m.group():
            # A period after an abbreviation or an initial is not a boundary.
            token = _word_before_period(text, cursor, at)
            if token is not None:
                token = token.lower()
                if token in _ABBREVIATIONS or len(token) == 1:
                    continue
        _add(text, cursor, at + len(closers or ""), spans)
        cursor = m.end()
    _add(text, cursor, end, spans)
    return spans


def _split_sentences_plain(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``split_sentences`` with the look-behind pattern (tests/test_fast_paths.py checks
    that both give the same spans)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if "\n" not in m.group():
            # A period after an abbreviation or an initial is not a boundary.
            token = _word_before_period(text, cursor, m.start())
            if token is not None:
                token = token.lower()
                if token in _ABBREVIATIONS or len(token) == 1:
                    continue
        _add(text, cursor, m.start() + len(m.group(1) or ""), spans)
        cursor = m.end()
    _add(text, cursor, end, spans)
    return spans


_LETTERS_AND_PERIODS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _word_before_period(text: str, start: int, end: int) -> str | None:
    """``re.search(r"([A-Za-z.]+)\\.$", text[start:end]).group(1)`` (or None), read
    backwards from the end instead of tried at every position of the sentence."""
    if end > start and text[end - 1] == "\n":  # "$" also matches before a final newline
        end -= 1
    last = end - 1
    if last <= start or text[last] != ".":
        return None
    i = last
    while i > start and text[i - 1] in _LETTERS_AND_PERIODS:
        i -= 1
    return text[i:last] if i < last else None


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


@cache
def _contact_words() -> list[str]:
    return [w.lower() for w in load_rules()["prefilter"]["contact"]]


@cache
def _contact_pattern() -> re.Pattern:
    # Matched on the lower-cased sentence: several times faster than IGNORECASE here,
    # and this runs on every sentence of the stream.
    return re.compile(r"\b(?:" + "|".join(_contact_words()) + ")")


@cache
def _contact_screen() -> re.Pattern:
    """``_contact_pattern()`` with its words grouped by their first letter
    (``\\b(?:s(?:poke|peak|...)|t(?:alk|...)|...)``): it matches where the plain pattern
    does, and tries a dozen branches at each word start instead of fifty."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for word in _contact_words():
        if _factorable(word):
            groups.setdefault(word[0], []).append(word[1:])
        else:
            others.append(word)
    parts = [re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items()]
    return re.compile(r"\b(?:" + "|".join(parts + others) + ")")


def _factorable(word: str) -> bool:
    """A pattern that starts with a plain letter, not quantified, and has no alternation
    outside brackets: then ``word[1:]`` is the rest of every string it matches."""
    if not ("a" <= word[:1] <= "z") or word[1:2] in ("?", "*", "+", "{"):
        return False
    depth = 0
    escaped = in_class = False
    for c in word:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
    return True


def sentences(article: Article) -> list[Candidate]:
    """Every sentence of the article, with the kind of block it stands in."""
    out: list[Candidate] = []
    for block in article.blocks:
        for s, e in split_sentences(article.text, block.start, block.end):
            out.append(Candidate(s, e, article.text[s:e], block.kind, len(out)))
    return out


# The last text asked about and the answer: the pipeline asks about a whole page's text
# twice in a row (before the page-date search, then before extraction).
_last_asked: tuple[str, bool] = ("", False)


def is_candidate(sentence: str) -> bool:
    """The cheap test: does the sentence contain a contact word at all?"""
    global _last_asked
    last, answer = _last_asked
    if sentence is last:
        return answer
    answer = _contact_screen().search(sentence.lower()) is not None
    if len(sentence) > 2000:  # only pages are asked twice; sentences are short
        _last_asked = (sentence, answer)
    return answer


def candidates(article: Article) -> list[Candidate]:
    """The sentences of the article that deserve extraction."""
    return [c for c in sentences(article) if is_candidate(c.text)]
