"""Inferring a publication date from a text's own time references.

Each time expression of the text becomes a constraint on the publication date p:

* a full past date (body or photo caption) happened on or before p; a full future
  date ("will visit on Feb. 24, 2020") is on or after p;
* a partial past date ("Dec. 23", no year) is the latest such day on or before p, and
  writers leave the year out only for recent days: the older the oldest one would be,
  the worse p is (cost = days between p and its farthest partial date);
* a bare month-day in a past report is not the day of publication itself (news says
  "today" or the weekday for that), so p == that day is penalised; with the weekday
  written ("On Wednesday, November 9") it may be the same day;
* a weekday written with a partial date ("Tuesday, November 8") fixes the year, as far
  as the weekday cycle allows;
* the lead's relative day (the first past weekday, "yesterday" or "today" of the body)
  is the news, so it is the newest event: it falls on or after every dated reference;
* a dateline without a year ("WASHINGTON, Jan 19 (Reuters) -") is p's month and day;
* a year and month in the URL (``/2022/09/``) contain p; p is not after ``today``.

The year comes from full dates (or the URL, or year mentions); p is searched from the
latest full past date onwards, and the lowest cost wins, ties going to the earliest
date (news reports recent events). Without any year evidence, a weekday written with a
partial date picks the latest fitting year before ``today``, with low confidence;
with nothing at all the date is unknown.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..records import Publication
from . import days
from . import lexicon as lx
from .expressions import TimeExpression, find_time_expressions
from .tense import tense_of

_CAPTION_RX = re.compile("|".join(re.escape(c) for c in lx.CAPTION_CUES))
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_DATELINE_RX = re.compile(r"^\s*[A-Z][A-Za-z .'’-]{1,40},\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*[-–—:]")

# Penalties, in days of cost (the cost of a candidate is days between it and its
# farthest partial date, so a penalty of 400 outweighs any placement within a year).
SAME_DAY_PENALTY = 10
# Candidates whose cost is within this many days of the best are equally good: the earliest wins.
TOLERANCE = 7
LEAD_PENALTY = 400
MAX_REFS = 80
SEARCH_DAYS = 3 * 366


@dataclass(slots=True)
class _Ref:
    e: TimeExpression
    tense: str
    caption: bool
    line: str


def _line_of(text: str, start: int, end: int) -> tuple[str, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return text[ls:(len(text) if le < 0 else le)], ls


def _refs(text: str) -> list[_Ref]:
    out = []
    prev = 0
    for e in find_time_expressions(text):
        line, _ = _line_of(text, e.start, e.end)
        out.append(_Ref(e, tense_of(text, e, prev), bool(_CAPTION_RX.search(line)), line))
        prev = e.end
        if len(out) >= MAX_REFS * 4:
            break
    return out


def infer_publication_date(text: str, *, url_month: tuple[int, int] | None = None,
                           today: dt.date | None = None) -> Publication:
    """The publication date a text's own time references imply (see the module docstring)."""
    today = today or dt.date.today()
    if not text:
        return Publication(date=None, basis="unknown", confidence=0.0, evidence="no text")
    refs = _refs(text)
    full_past: list[tuple[dt.date, _Ref]] = []
    full_future: list[dt.date] = []
    partial: list[tuple[int, int, int | None, str, bool, _Ref]] = []  # month, day, weekday, tense, bare
    years: list[int] = []
    lead: _Ref | None = None
    dateline: tuple[int, int, str] | None = None
    for r in refs:
        e = r.e
        kind = e.ref_kind if e.kind == "since" else e.kind
        tense = "past" if e.kind == "since" else r.tense
        if kind in ("date", "range") and e.month is not None and e.day is not None:
            if e.year is not None:
                d = days.safe_date(e.year, e.month, e.day)
                if d is None or not 1900 <= d.year <= today.year + 1:
                    continue
                (full_past.append((d, r)) if tense == "past" else full_future.append(d))
                continue
            if days.safe_date(2000, e.month, e.day) is None:
                continue
            if dateline is None and e.start < 400 and _is_dateline(text, e):
                dateline = (e.month, e.day, e.text)
                continue
            if len(partial) < MAX_REFS:
                partial.append((e.month, e.day, e.weekday, tense, e.weekday is None, r))
        elif kind == "year" and e.year and tense == "past" and 1900 <= e.year <= today.year:
            years.append(e.year)
        elif kind == "month" and e.year and tense == "past" and 1900 <= e.year <= today.year:
            years.append(e.year)
        if (lead is None and not r.caption and tense == "past" and e.kind != "since"
                and (kind == "weekday" or (kind == "relative" and e.relative in ("day-1", "day0")))):
            lead = r

    lo = max((d for d, _ in full_past), default=None)
    evidence = []
    if lo is not None:
        anchor = max(full_past, key=lambda t: t[0])
        evidence.append(f"latest full date '{anchor[1].e.text}'")
        start = lo
    elif url_month is not None:
        start = dt.date(url_month[0], url_month[1], 1)
        evidence.append(f"URL month {url_month[0]}-{url_month[1]:02d}")
    elif years:
        start = dt.date(max(years), 1, 1)
        evidence.append(f"year mentioned {max(years)}")
    else:
        start = _year_from_weekdays(partial, today)
        if start is None:
            return Publication(date=None, basis="unknown", confidence=0.0,
                               evidence="no year in the text, the URL or the page")
        evidence.append("year from a weekday written with a date")
    end = min(today, start + dt.timedelta(days=SEARCH_DAYS))
    for d in full_future:
        if d >= start:
            end = min(end, d)
    if url_month is not None:
        y, m = url_month
        start = max(start, dt.date(y, m, 1))
        end = min(end, dt.date(y, m, days.last_day_of_month(y, m)))
    if end < start:
        return Publication(date=None, basis="unknown", confidence=0.0,
                           evidence="the text's dates contradict each other")

    scored = []
    p = start
    while p <= end:
        if dateline is not None and (p.month, p.day) != dateline[:2]:
            p += days.ONE_DAY
            continue
        cost = 0
        newest = lo
        for month, day, wd, tense, bare, _r in partial:
            d = days.occurrence(p, month, day, "future" if tense == "future" else "past", wd)
            if d is None:
                cost = 10 ** 6
                break
            gap = abs((p - d).days)
            cost = max(cost, gap)
            if tense == "past":
                if newest is None or d > newest:
                    newest = d
        if cost < 10 ** 6:
            penalty = 0
            for month, day, wd, tense, bare, _r in partial:
                if bare and tense == "past" and (p.month, p.day) == (month, day):
                    penalty += SAME_DAY_PENALTY
            if lead is not None and newest is not None:
                from .resolve import resolve_time  # late import: resolve imports nothing of ours

                rd = resolve_time(lead.e, p, tense="past")
                if rd.value and rd.granularity == "day" and dt.date.fromisoformat(rd.value) < newest:
                    penalty += LEAD_PENALTY
            scored.append((cost + penalty, p, cost, penalty))
        p += days.ONE_DAY
    best = None
    if scored:
        floor = min(t[0] for t in scored)
        best = next(t for t in scored if t[0] <= floor + TOLERANCE)
    if best is None:
        return Publication(date=None, basis="unknown", confidence=0.0, evidence="no date satisfies the text")
    score, p, cost, penalty = best
    conf = 0.3
    if lo is not None or url_month is not None:
        conf += 0.2
    if partial and cost <= 45:
        conf += 0.15
        evidence.append(f"{len(partial)} partial date(s) within {cost} days")
    if dateline is not None:
        conf += 0.2
        evidence.append(f"dateline '{dateline[2]}'")
    if lead is not None and penalty < LEAD_PENALTY:
        conf += 0.1
        evidence.append(f"lead '{lead.e.text}' is the newest event")
    if not partial and dateline is None and lead is None:
        conf = min(conf, 0.25)
        evidence.append("no day-level evidence: earliest date after the latest reference")
    return Publication(date=p, basis="inferred", confidence=round(min(conf, 0.85), 2), evidence="; ".join(evidence))


def _is_dateline(text: str, e: TimeExpression) -> bool:
    """"WASHINGTON, Jan 19 (Reuters) -": a place in capitals, the date, an agency, a dash."""
    ls = text.rfind("\n", 0, e.start) + 1
    before = text[ls:e.start]
    after = text[e.end:e.end + 60]
    return bool(_DATELINE_RX.match(before)) and before.strip()[:-1].isupper() and bool(_DATELINE_AFTER.match(after))


def _year_from_weekdays(partial, today: dt.date) -> dt.date | None:
    """With no year anywhere: the latest year before ``today`` in which the weekday-and-date
    references fall on their weekdays (a guess; weekdays repeat every few years)."""
    best = None
    for month, day, wd, tense, bare, _r in partial:
        if wd is None:
            continue
        d = days.occurrence(today, month, day, "past", wd)
        if d is not None and (best is None or d > best):
            best = d
    return best
