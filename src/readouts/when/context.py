"""The date in force at a point of a text: for sentences that carry no date of their own.

A narrative sets a day once ("Ban departed New York on Monday, 26 September, for
Cartagena") and the sentences after it happen on that day until another day is set
("At midday ... He then held a meeting with President Santos"). :func:`date_in_force`
finds that day for a position; whether to use it (rather than the publication date)
is the caller's choice, and :class:`DateInForce` says how far back it was set.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..records import ResolvedDate
from . import lexicon as lx
from .expressions import TimeExpression, find_time_expressions
from .resolve import resolve_time
from .tense import tense_of

_CAPTION_RX = lx.CAPTION_RX
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class DateInForce:
    """The day set before a position: the expression, its resolution, and the distance."""

    expression: TimeExpression
    date: ResolvedDate
    chars_back: int  # from the end of the expression to the position
    paragraphs_back: int  # 0: the same paragraph


# "a response to the nuclear test that North Korea announced on January 6": the day of
# what a relative clause tells of, not a day the narrative moves to.
_RELATIVE_DAY = re.compile(r"\b(?:that|which)\s+(?:[\w’'.-]+\s+){0,5}?(?:[a-z]{3,}ed|took place|began|"
                           r"was|were|made|held|took|gave|sent|won|broke|struck|hit)\s+(?:[\w’'-]+\s+){0,6}?"
                           r"(?:on|in|at)?\s*$")
_STAMP = re.compile(r"(?i)\b(?:issued|published|updated|modified|posted|first published|last updated)(?: on)?\s*:?\s*$")


def date_in_force(text: str, pos: int, base: dt.date | None, *, max_chars: int = 3000,
                  expressions: list[TimeExpression] | None = None) -> DateInForce | None:
    """The last day-level date set before ``pos`` (at most ``max_chars`` back), or None.

    Skipped: back-references ("since X"), datelines and page dates, photo captions,
    announcements (future tense), and expressions that do not resolve to a day.
    ``expressions`` may pass ``find_time_expressions(text)`` when the caller has it.
    """
    if not text or pos <= 0:
        return None
    found = expressions if expressions is not None else find_time_expressions(text[:pos])
    lo = max(0, pos - max_chars)
    prev_end = 0
    candidates = []
    for e in found:
        if e.end > pos:
            break
        t = tense_of(text, e, prev_end)
        prev_end = e.end
        if e.start < lo or e.kind in ("since", "month", "year") or e.role == "dateline":
            continue
        if _STAMP.search(text, max(0, text.rfind("\n", 0, e.start) + 1), e.start):
            continue  # "Issued on: 27/03/2024", "Last Updated: June 15": the page's date, not the story's
        if t == "future":
            continue
        sentence_start = max(text.rfind(". ", 0, e.start), text.rfind("\n", 0, e.start), e.start - 120)
        if _RELATIVE_DAY.search(text, max(0, sentence_start), e.start):
            continue
        candidates.append((e, t))
    for i in range(len(candidates) - 1, -1, -1):
        e, t = candidates[i]
        if _in_caption(text, e):
            continue
        # A day told in the past tense is the last such day; one in the present of a schedule
        # ("leaves the country on Thursday November 21") the nearer reading.
        r = resolve_time(e, base, tense="past" if t == "past" or e.kind == "weekday" else None)
        if r.value is None or r.granularity != "day":
            continue
        if base is not None and r.value > base.isoformat():
            continue  # a day still to come ("faces an election on July 4") is not the story's day
        if e.kind == "weekday":
            r = _same_weekday_as_set(text, candidates[:i], e, r, base)
        paragraphs = len(_PARAGRAPH.findall(text, e.end, pos))
        return DateInForce(e, r, pos - e.end, paragraphs)
    return None


def _in_caption(text: str, e: TimeExpression) -> bool:
    line_start = text.rfind("\n", 0, e.start) + 1
    line_end = text.find("\n", e.end)
    return bool(_CAPTION_RX.search(text[line_start:(len(text) if line_end < 0 else line_end)]))


def _same_weekday_as_set(text, earlier, e, r, base) -> ResolvedDate:
    """ "departed on Monday, 26 September ... arrived on Monday morning": a weekday that
    repeats the weekday of a day set just before (same paragraph, within a week) is that day."""
    for prev, _ in reversed(earlier):
        if _PARAGRAPH.search(text, prev.end, e.start) or _in_caption(text, prev):
            break
        if prev.kind != "date":
            continue
        pr = resolve_time(prev, base, tense="past")
        if pr.value is None or pr.granularity != "day":
            continue
        d = dt.date.fromisoformat(pr.value)
        if d.weekday() == e.weekday and abs((dt.date.fromisoformat(r.value) - d).days) <= 7:
            return ResolvedDate(pr.value, "day", pr.basis, text=e.text,
                                reason=f"the weekday of '{prev.text}' set before it")
        break
    return r
