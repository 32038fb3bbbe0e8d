"""Inferring a publication date from a text's own time references.

Each time expression of the text becomes a constraint on the publication date p:

* a full past date (body or photo caption) happened on or before p; a full future
  date ("will visit on Feb. 24, 2020") is on or after p;
* a partial date ("Dec. 23", no year) is the latest such day on or before p in a past
  report, the first on or after p in an announcement, the nearest one when the clause
  does not say; writers leave the year out only for days near the present, so the
  farther the farthest partial date would be, the worse p is (cost, in days);
* a bare month-day in a past report is not the day of publication itself (news says
  "today" or the weekday for that): p on that day is penalised; with the weekday
  written ("On Wednesday, November 9") it may be the same day;
* a weekday written with a partial date ("Tuesday, November 8", "Tuesday (November
  19)") must fall on that weekday, which ties the year to the weekday cycle;
* "tomorrow (14 July 2018)", "yesterday, Jan. 18", "today, November 20": p is that
  date moved by the relative offset;
* the lead (the first time expression of the text, captions and back-references
  left aside), when it is a past weekday, "yesterday" or "today", is the news: it falls
  on or after every other dated reference of the body;
* a dateline without a year ("WASHINGTON, Jan 19 (Reuters) -") is p's month and day;
* a year and month in the URL (``/2022/09/``) contain p; p is not after ``today``;
* with no full date in the text, a recurring summit it names by place or number ("the
  Summit of the Americas in Los Angeles", "COP28") is one: past, it ended on or before
  p; to come, it starts on or after p (:mod:`readouts.when.summits`).

The year comes from full dates (else the URL, else weekdays written with dates, else
year mentions). Candidates are searched from the latest full past date onwards; the
lowest cost wins, and candidates within TOLERANCE days of it count as equal, the
earliest of them winning (news reports recent events). With no year evidence at all
the date is unknown.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..records import Publication
from . import days
from . import lexicon as lx
from .expressions import TimeExpression, find_time_expressions
from .tense import tense_of

_CAPTION_RX = lx.CAPTION_RX
_DATELINE_RX = re.compile(r"^\s*[A-Z][A-Za-z .'’-]{1,40},\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*[-–—:]")
_APPOSITION = re.compile(r"^\s*[(,–-]?\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")

# Costs and penalties are in days. The cost of a candidate is the distance to its
# farthest partial date; a penalty of 400 outweighs any placement within a year.
SAME_DAY_PENALTY = 10
LEAD_PENALTY = 400
OFFSET_PENALTY = 400
TOLERANCE = 7
MAX_REFS = 80
SEARCH_DAYS = 3 * 366
FIRST_WINDOW_DAYS = 400
GOOD_ENOUGH = 366
_YEAR_OFFSETS = {"year-1": -1, "year0": 0, "year+1": 1}
_DAY_OFFSETS = {"day-2": -2, "day-1": -1, "day0": 0, "day+1": 1, "day+2": 2}


@dataclass(slots=True)
class Partial:
    month: int
    day: int
    weekday: int | None
    tense: str | None  # past | future | None (the clause does not say)
    text: str
    year_offset: int | None = None  # "October 13 last year": the year is p's year - 1


@dataclass(slots=True)
class Evidence:
    """The constraints a text offers on its own publication date."""

    full_past: list[tuple[dt.date, str, bool]] = field(default_factory=list)  # date, text, in a caption
    full_future: list[tuple[dt.date, str]] = field(default_factory=list)
    partial: list[Partial] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    lead: TimeExpression | None = None
    dateline: tuple[int, int, str] | None = None
    # p == date + offset: (offset days, full date or None, month, day, text)
    offsets: list[tuple[int, dt.date | None, int, int, str]] = field(default_factory=list)
    summits: set[str] = field(default_factory=set)  # texts of the full dates that are summits


def _is_caption(text: str, e: TimeExpression) -> bool:
    ls = text.rfind("\n", 0, e.start) + 1
    le = text.find("\n", e.end)
    line = text[ls:(len(text) if le < 0 else le)]
    return bool(_CAPTION_RX.search(line))


def _is_dateline(text: str, e: TimeExpression) -> bool:
    """"WASHINGTON, Jan 19 (Reuters) -": a place in capitals, the date, an agency, a dash."""
    ls = text.rfind("\n", 0, e.start) + 1
    before = text[ls:e.start]
    after = text[e.end:e.end + 60]
    return (bool(_DATELINE_RX.match(before)) and before.strip()[:-1].isupper()
            and bool(_DATELINE_AFTER.match(after)))


def collect_evidence(text: str, today: dt.date) -> Evidence:
    """Every constraint the time expressions of ``text`` put on its publication date."""
    ev = Evidence()
    found = find_time_expressions(text)[: MAX_REFS * 4]
    tenses: list[str | None] = []
    prev_end = 0
    for i, e in enumerate(found):
        t = tense_of(text, e, prev_end)
        if t is None and i > 0 and not _SENTENCE_BREAK.search(text, found[i - 1].end, e.start):
            # "tomorrow (14 July 2018)", "were held on Oct. 18 and again on Dec. 2": the
            # sentence goes on in the tense it had
            t = tenses[-1]
        tenses.append(t)
        prev_end = e.end
    lead_open = True
    skip = set()
    for i, e in enumerate(found):
        if i in skip:
            continue
        tense = "past" if e.kind == "since" else tenses[i]
        kind = e.ref_kind if e.kind == "since" else e.kind
        caption = _is_caption(text, e)
        nxt = found[i + 1] if i + 1 < len(found) else None
        apposed = nxt is not None and bool(_APPOSITION.match(text[e.end:nxt.start]))
        # "this Wednesday morning (November 20, 2024)", "Tuesday (November 19)"
        if (kind == "weekday" and apposed and nxt.kind == "date" and nxt.month and nxt.day and nxt.year
                and tense in ("past", "future")):
            # "will pay a visit on Monday (5 June 2023)": a weekday said of a full date is
            # within the week of it: the coming one before it, the last one after it
            d = days.safe_date(nxt.year, nxt.month, nxt.day)
            if d is not None and d.weekday() == e.weekday:
                if tense == "future":
                    ev.full_past.append((d - dt.timedelta(days=6), f"{e.text} {nxt.text}", False))
                else:
                    ev.full_future.append((d + dt.timedelta(days=6), f"{e.text} {nxt.text}"))
        if (kind == "weekday" and apposed and nxt.kind == "date" and nxt.month and nxt.day
                and nxt.weekday is None):
            nxt = TimeExpression(nxt.start, nxt.end, nxt.text, nxt.kind, year=nxt.year, month=nxt.month,
                                 day=nxt.day, weekday=e.weekday, prep=nxt.prep)
            found[i + 1] = nxt
            if lead_open and not caption:
                lead_open = False
            continue
        # "tomorrow (14 July 2018)", "yesterday, Jan. 18": p is fixed by the pair
        if (kind == "relative" and e.relative in _DAY_OFFSETS and apposed and nxt.kind == "date"
                and nxt.month and nxt.day):
            full = days.safe_date(nxt.year, nxt.month, nxt.day) if nxt.year else None
            ev.offsets.append((-_DAY_OFFSETS[e.relative], full, nxt.month, nxt.day, f"{e.text} {nxt.text}"))
        if lead_open and not caption and e.kind != "since":
            lead_open = False
            if tense != "future" and (kind == "weekday" or (kind == "relative" and e.relative in ("day-1", "day0"))):
                if not (apposed and nxt.kind == "date"):
                    ev.lead = e
        if kind in ("date", "range") and e.month is not None and e.day is not None:
            if e.year is not None:
                d = days.safe_date(e.year, e.month, e.day)
                if d is None or not 1900 <= d.year <= today.year + 1:
                    continue
                if tense == "future":
                    ev.full_future.append((d, e.text))
                else:
                    ev.full_past.append((d, e.text, caption))
                continue
            if days.safe_date(2000, e.month, e.day) is None:
                continue
            if ev.dateline is None and e.start < 400 and _is_dateline(text, e):
                ev.dateline = (e.month, e.day, e.text)
                continue
            if len(ev.partial) < MAX_REFS:
                off = _YEAR_OFFSETS.get(e.relative or "")
                ev.partial.append(Partial(e.month, e.day, e.weekday, tense, e.text, off))
        elif kind in ("year", "month") and e.year and tense != "future" and 1900 <= e.year <= today.year:
            ev.years.append(e.year)
    return ev


def score(ev: Evidence, p: dt.date) -> tuple[int, int] | None:
    """(cost, penalty) of publication date ``p`` under the evidence; None when impossible."""
    if ev.dateline is not None and (p.month, p.day) != ev.dateline[:2]:
        return None
    cost = 0
    penalty = 0
    newest = max((d for d, _, cap in ev.full_past if not cap), default=None)
    # full dates are hard bounds while searching (the search starts after them); they
    # still weigh when candidates come from elsewhere (a page header)
    penalty += OFFSET_PENALTY * sum(1 for d, _, _ in ev.full_past if d > p)
    penalty += OFFSET_PENALTY * sum(1 for d, _ in ev.full_future if d < p)
    captioned = max((d for d, _, cap in ev.full_past if cap), default=None)
    if captioned is not None and newest is None:
        # A photo of the news dates it: with no other full date, the page is near its caption's.
        cost = max(cost, (p - captioned).days)
    for r in ev.partial:
        d = _occurrence(p, r)
        if d is None:
            return None
        if r.year_offset is None:  # "last year" dates are as old as they say: no cost
            cost = max(cost, abs((p - d).days))
        if d <= p and r.tense != "future":
            if newest is None or d > newest:
                newest = d
            if r.weekday is None and d == p and r.tense == "past":
                penalty += SAME_DAY_PENALTY
    for off, full, month, day, _ in ev.offsets:
        if full is not None:
            if p != full + dt.timedelta(days=off):
                penalty += OFFSET_PENALTY
        else:
            q = p - dt.timedelta(days=off)
            if (q.month, q.day) != (month, day):
                penalty += OFFSET_PENALTY
    if ev.lead is not None and newest is not None:
        lead_day = _lead_day(ev.lead, p)
        if lead_day is not None and lead_day < newest:
            penalty += LEAD_PENALTY
    return cost, penalty


def _occurrence(p: dt.date, r: Partial) -> dt.date | None:
    """The day a partial date means for publication date ``p`` (fast path without weekday)."""
    if r.year_offset is not None:
        return days.safe_date(p.year + r.year_offset, r.month, r.day)
    if r.weekday is None and not (r.month == 2 and r.day == 29):
        if r.tense == "past":
            return dt.date(p.year if (r.month, r.day) <= (p.month, p.day) else p.year - 1, r.month, r.day)
        if r.tense == "future":
            return dt.date(p.year if (r.month, r.day) >= (p.month, p.day) else p.year + 1, r.month, r.day)
    return days.occurrence(p, r.month, r.day, r.tense, r.weekday)


def _lead_day(e: TimeExpression, p: dt.date) -> dt.date | None:
    """The day of the lead (a past weekday, "yesterday" or "today") for publication date ``p``."""
    if e.kind == "weekday" and e.weekday is not None:
        if e.modifier == "last":
            return days.weekday_on_or_before(p - days.ONE_DAY, e.weekday)
        return days.weekday_on_or_before(p, e.weekday)
    if e.relative == "day-1":
        return p - days.ONE_DAY
    if e.relative == "day0":
        return p
    return None


def _search(ev: Evidence, start: dt.date, end: dt.date):
    scored = []
    p = start
    while p <= end:
        s = score(ev, p)
        if s is not None:
            scored.append((s[0] + s[1], p, s[0], s[1]))
        p += days.ONE_DAY
    if not scored:
        return None
    floor = min(t[0] for t in scored)
    return next(t for t in scored if t[0] <= floor + TOLERANCE)


def infer_publication_date(text: str, *, url_month: tuple[int, int] | None = None,
                           today: dt.date | None = None, not_before: dt.date | None = None,
                           not_after: dt.date | None = None) -> Publication:
    """The publication date a text's own time references imply (see the module docstring).

    ``not_before``/``not_after`` bound it from outside evidence (for instance the terms
    of the office-holders the text names, from the people layer); with no year in the
    text, ``not_before`` is where the search starts.
    """
    today = today or dt.date.today()
    if not_after is not None:
        today = min(today, not_after)
    if not text:
        return Publication(date=None, basis="unknown", confidence=0.0, evidence="no text")
    ev = collect_evidence(text, today)
    if not ev.full_past:
        _summit_evidence(text, ev, today)
    notes = []
    conf = 0.3
    lo = max((d for d, _, _ in ev.full_past), default=None)
    full_offsets = [(off, d) for off, d, *_ in ev.offsets if d is not None]
    if full_offsets:
        off, d = full_offsets[0]
        start = end = d + dt.timedelta(days=off)
        conf = 0.6
        notes.append(f"'{ev.offsets[0][4]}'")
    elif lo is not None:
        start = lo
        anchor = max(ev.full_past)
        notes.append(f"on or after '{anchor[1]}'")
        # a summit the text names sets no day of its own: a weaker anchor than a date
        conf = 0.35 if anchor[1] in ev.summits else 0.5
    elif url_month is not None:
        start = dt.date(url_month[0], url_month[1], 1)
        notes.append(f"URL month {url_month[0]}-{url_month[1]:02d}")
        conf = 0.5
    else:
        start = _year_from_weekdays(ev, today)
        if start is not None:
            notes.append("year from a weekday written with a date (weekdays repeat: a guess)")
            conf = 0.3
        elif ev.years:
            start = dt.date(max(ev.years), 1, 1)
            notes.append(f"no date has a year; {max(ev.years)} is mentioned")
            conf = 0.2
        elif not_before is not None and (ev.partial or ev.lead is not None or ev.dateline is not None):
            start = not_before
            notes.append(f"no year in the text; not before {not_before.isoformat()} (outside evidence)")
            conf = 0.2
        else:
            return Publication(date=None, basis="unknown", confidence=0.0,
                               evidence="no year in the text, the URL or the page")
    if not_before is not None and start < not_before:
        start = not_before
    if not full_offsets:
        end = min(today, start + dt.timedelta(days=SEARCH_DAYS))
    for d, _ in ev.full_future:
        if d >= start:
            end = min(end, d)
    if url_month is not None:
        y, m = url_month
        start = max(start, dt.date(y, m, 1))
        end = min(end, dt.date(y, m, days.last_day_of_month(y, m)))
    if end < start:
        return Publication(date=None, basis="unknown", confidence=0.0,
                           evidence="the text's dates contradict each other")
    # The costs repeat year by year except where weekdays tie a date to its year: search
    # the first year and a bit, and go on only when nothing there fits well.
    best = _search(ev, start, min(end, start + dt.timedelta(days=FIRST_WINDOW_DAYS)))
    if (best is None or best[0] > GOOD_ENOUGH) and end > start + dt.timedelta(days=FIRST_WINDOW_DAYS):
        best = _search(ev, start, end)
    if best is None:
        return Publication(date=None, basis="unknown", confidence=0.0, evidence="no date satisfies the text")
    _, p, cost, penalty = best
    if ev.partial:
        if cost <= 45:
            conf += 0.15
        notes.append(f"{len(ev.partial)} date(s) without a year, the farthest {cost} days away")
    if ev.dateline is not None:
        conf += 0.2
        notes.append(f"dateline '{ev.dateline[2]}'")
    if ev.lead is not None and penalty < LEAD_PENALTY:
        conf += 0.1
        notes.append(f"the lead '{ev.lead.text}' is the newest event")
    if penalty >= LEAD_PENALTY:
        conf -= 0.2
        notes.append("some references conflict")
    if not ev.partial and ev.dateline is None and ev.lead is None and not full_offsets:
        conf = min(conf, 0.25)
        notes.append("no day-level evidence: the earliest date after the latest reference")
    return Publication(date=p, basis="inferred", confidence=round(max(0.05, min(conf, 0.85)), 2),
                       evidence="; ".join(notes))


def _year_from_weekdays(ev: Evidence, today: dt.date) -> dt.date | None:
    """With no year anywhere: the latest day before ``today`` on which a weekday-and-date
    reference falls on its weekday, not before any year the text mentions."""
    best = None
    floor = dt.date(max(ev.years), 1, 1) if ev.years else None
    for r in ev.partial:
        if r.weekday is None:
            continue
        d = days.occurrence(today, r.month, r.day, "past", r.weekday)
        if d is not None and (floor is None or d >= floor) and (best is None or d > best):
            best = d
    return best


def _summit_evidence(text: str, ev: Evidence, today: dt.date) -> None:
    """A summit the text names without a year but by place or number ("during the Summit
    of the Americas in Los Angeles", "COP28") is a dated event: a past one ended on or
    before p, one to come starts on or after it."""
    from .summits import edition, find_summits

    for ref in find_summits(text)[:MAX_REFS]:
        s = edition(ref)
        if s is None or s.start > today:
            continue
        tense = tense_of(text, ref)
        label = f"{ref.text} ({s.name})"
        if tense == "past":
            ev.full_past.append((s.end, label, False))
        elif tense == "future":
            ev.full_future.append((s.start, label))
        ev.summits.add(label)
