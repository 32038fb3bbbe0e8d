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


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
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
def _contact_pattern() -> re.Pattern:
    # Matched on the lower-cased sentence: several times faster than IGNORECASE here,
    # and this runs on every sentence of the stream.
    words = [w.lower() for w in load_rules()["prefilter"]["contact"]]
    return re.compile(r"\b(?:" + "|".join(words) + ")")


def sentences(article: Article) -> list[Candidate]:
    """Every sentence of the article, with the kind of block it stands in."""
    out: list[Candidate] = []
    for block in article.blocks:
        for s, e in split_sentences(article.text, block.start, block.end):
            out.append(Candidate(s, e, article.text[s:e], block.kind, len(out)))
    return out


def is_candidate(sentence: str) -> bool:
    """The cheap test: does the sentence contain a contact word at all?"""
    return _contact_pattern().search(sentence.lower()) is not None


def candidates(article: Article) -> list[Candidate]:
    """The sentences of the article that deserve extraction."""
    return [c for c in sentences(article) if is_candidate(c.text)]
