"""Resolving one time expression against a base date (the publication date).

Conventions (news usage):

* Weekdays. Past tense ("met on Friday", and the default when the tense is not
  known): the most recent such day on or before the base date, the base day itself
  included (a Friday paper's "on Friday" is that day). Future tense ("will meet on
  Tuesday"): the next such day on or after the base date, the base day included
  (a Tuesday paper's "is due to meet on Tuesday" is later that day). "last Friday"
  is strictly before the base day, "next Tuesday" strictly after it, whatever the tense.
* Partial dates ("Dec. 23", "in March", "on the 18th") take the missing year (or
  month) from the base: past tense, the latest occurrence on or before the base;
  future tense, the first on or after it; unknown tense, the nearest one.
  A weekday written with a partial date ("Tuesday, November 8") picks the year in
  which that day is that weekday.
* Spans (last week, this week, over the weekend) resolve to the smallest granularity
  that contains the whole span: a week inside one month is that month, a week
  across two months is the year; across a year end the value is unknown.
* "since X" resolves X as a past reference.

``basis`` is "explicit" when the text writes the date itself, even partly (the
year or month may come from the base), "relative" when it is an offset from the base
(weekdays, yesterday, last month), "unknown" (with ``reason``) otherwise.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..records import ResolvedDate
from . import days
from .expressions import TimeExpression, parse_time_expression
from .tense import tense_of

#: A day written without its year in a past report is near the base: when the past
#: reading puts it more than HORIZON_FAR days back but the coming one is within
#: HORIZON_NEAR days, the coming one is meant ("announced an invasion on February 16"
#: in a Feb. 12 report; a past day that old would carry its year or "last year").
#: Future readings are not turned round: "the election on Nov. 5" in January is common.
HORIZON_FAR = 330
HORIZON_NEAR = 21

_YEAR_OFFSETS = {"year-1": -1, "year0": 0, "year+1": 1}

#: Longest string resolve_time will read as one expression.
MAX_EXPRESSION_CHARS = 1000
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _unknown(reason: str, text: str | None = None) -> ResolvedDate:
    return ResolvedDate(value=None, granularity=None, basis="unknown", reason=reason, text=text)


def _day(d: dt.date, basis: str, text: str, end: dt.date | None = None, reason: str | None = None) -> ResolvedDate:
    return ResolvedDate(value=d.isoformat(), granularity="day", basis=basis, text=text,
                        end=end.isoformat() if end is not None else None, reason=reason)


def _month(y: int, m: int, basis: str, text: str) -> ResolvedDate:
    if not 1 <= y <= 9999:
        return _unknown(f"year {y} out of range", text)
    return ResolvedDate(value=f"{y:04d}-{m:02d}", granularity="month", basis=basis, text=text)


def _year(y: int, basis: str, text: str) -> ResolvedDate:
    if not 1 <= y <= 9999:
        return _unknown(f"year {y} out of range", text)
    return ResolvedDate(value=f"{y:04d}", granularity="year", basis=basis, text=text)


def _span(a: dt.date, b: dt.date, text: str) -> ResolvedDate:
    """The smallest granularity containing the days a..b (relative spans)."""
    if a == b:
        return _day(a, "relative", text)
    if (a.year, a.month) == (b.year, b.month):
        return _month(a.year, a.month, "relative", text)
    if a.year == b.year:
        return _year(a.year, "relative", text)
    return _unknown("the span crosses a year end", text)


def _week(mon: dt.date, sun: dt.date, text: str) -> ResolvedDate:
    """ "Next week", "last week": the week's month; a week across a month end is the month
    of most of its working days (Monday to Friday), where official business happens."""
    if (mon.year, mon.month) == (sun.year, sun.month):
        return _span(mon, sun, text)
    fri = mon + dt.timedelta(days=4)
    workdays = [mon + dt.timedelta(days=i) for i in range(5)]
    first = sum(1 for d in workdays if d.month == mon.month)
    d = mon if first >= 3 else fri
    r = _month(d.year, d.month, "relative", text)
    return replace(r, reason="the month of most of the week's working days")


def _direction(tense: str | None, modifier: str | None) -> str | None:
    if modifier == "last":
        return "last"
    if modifier == "next":
        return "next"
    if tense in ("past", "future"):
        return tense
    return None


def _bad_day(e: TimeExpression, month: int | None, day: int | None) -> str | None:
    if month is not None and not 1 <= month <= 12:
        return f"no month {month}"
    if day is None or not 1 <= day <= 31:
        return f"no day {day}" + (f" in {_MONTH_NAMES[month - 1]}" if month and 1 <= month <= 12 else "")
    if month is not None and day > (29 if month == 2 else days.last_day_of_month(2001, month)):
        return f"no day {day} in {_MONTH_NAMES[month - 1]}"
    return None


def _resolve_date(e: TimeExpression, base: dt.date | None, direction: str | None) -> ResolvedDate:
    text = e.text
    if e.relative == "ambiguous-numeric":
        return _unknown("numeric date is ambiguous (day/month or month/day)", text)
    if e.month is None and e.year is None:  # "on the 18th": month (and year) from the base
        if e.day is None or not 1 <= e.day <= 31:
            return _unknown(f"no day {e.day}", text)
        if base is None:
            return _unknown("a day of the month needs a base date", text)
        back = fwd = None
        for k in range(0, 4):
            y, m = days.add_months(base.year, base.month, -k)
            d = days.safe_date(y, m, e.day)
            if back is None and d is not None and d <= base:
                back = d
            y, m = days.add_months(base.year, base.month, k)
            d = days.safe_date(y, m, e.day)
            if fwd is None and d is not None and d >= base:
                fwd = d
        d = days.pick(base, back, fwd, "future" if direction in ("future", "next") else
                       "past" if direction in ("past", "last") else None)
        return _day(d, "explicit", text) if d else _unknown("no such day near the base date", text)
    bad = _bad_day(e, e.month, e.day)
    if bad:
        return _unknown(bad, text)
    if e.year is not None:
        d = days.safe_date(e.year, e.month, e.day)
        if d is None:
            return _unknown(f"{e.year}-{e.month:02d}-{e.day:02d} does not exist", text)
        if e.weekday is not None and d.weekday() != e.weekday:
            return _day(d, "explicit", text, reason="the weekday written does not match the date")
        return _day(d, "explicit", text)
    if base is None:
        return _unknown("a date without its year needs a base date", text)
    if e.relative in _YEAR_OFFSETS:  # "October 13 last year"
        d = days.safe_date(base.year + _YEAR_OFFSETS[e.relative], e.month, e.day)
        if d is None:
            return _unknown(f"no {_MONTH_NAMES[e.month - 1]} {e.day} in that year", text)
        return _day(d, "relative", text)
    dirn = "past" if direction in ("past", "last") else "future" if direction in ("future", "next") else None
    d = _near_occurrence(base, e.month, e.day, dirn, e.weekday, e.kind != "since")
    if d is None:
        return _unknown("no year fits the date and its weekday", text)
    return _day(d, "explicit", text)


def _near_occurrence(base, month, day, dirn, weekday, may_flip):
    d = days.occurrence(base, month, day, dirn, weekday)
    if may_flip and dirn == "past" and weekday is None and d is not None and abs((d - base).days) > HORIZON_FAR:
        other = days.occurrence(base, month, day, "future")
        if other is not None and abs((other - base).days) <= HORIZON_NEAR:
            return other
    return d


def _resolve_range(e: TimeExpression, base: dt.date | None, direction: str | None) -> ResolvedDate:
    text = e.text
    bad = _bad_day(e, e.month, e.day) or _bad_day(e, e.end_month, e.end_day)
    if bad:
        return _unknown(bad, text)
    if e.year is not None:
        start = days.safe_date(e.year, e.month, e.day)
        if start is None:
            return _unknown("the first day does not exist", text)
    else:
        if base is None:
            return _unknown("a range without its year needs a base date", text)
        dirn = "past" if direction in ("past", "last") else "future" if direction in ("future", "next") else None
        start = _near_occurrence(base, e.month, e.day, dirn, e.weekday, e.kind != "since")
        if start is None:
            return _unknown("no year fits the range", text)
    end_year = start.year
    if (e.end_month, e.end_day) < (e.month, e.day):
        if e.end_month < e.month:  # "December 30 - January 2": the end is in the next year
            end_year += 1
        else:
            return _unknown("the range ends before it starts", text)
    end = days.safe_date(end_year, e.end_month, e.end_day)
    if end is None:
        return _unknown("the last day does not exist", text)
    if e.year is not None and e.end_year is not None and end.year != e.end_year and e.end_month >= e.month:
        return _unknown("the range ends before it starts", text)
    if (end - start).days > 366:
        return _unknown("the range is longer than a year", text)
    return _day(start, "explicit", text, end=end)


def _resolve_month(e: TimeExpression, base: dt.date | None, direction: str | None) -> ResolvedDate:
    text = e.text
    if e.month is None or not 1 <= e.month <= 12:
        return _unknown(f"no month {e.month}", text)
    if e.year is not None:
        return _month(e.year, e.month, "explicit", text)
    if base is None:
        return _unknown("a month without its year needs a base date", text)
    if e.relative in _YEAR_OFFSETS:  # "in June last year"
        return _month(base.year + _YEAR_OFFSETS[e.relative], e.month, "relative", text)
    if e.modifier == "last" or direction == "last":
        y = base.year if e.month < base.month else base.year - 1
        return _month(y, e.month, "relative", text)
    if e.modifier == "next" or direction == "next":
        y = base.year if e.month > base.month else base.year + 1
        return _month(y, e.month, "relative", text)
    if e.modifier == "this":
        return _month(base.year, e.month, "relative", text)
    d = days.occurrence(base, e.month, None, direction if direction in ("past", "future") else None)
    return _month(d.year, d.month, "explicit", text)


def _resolve_weekday(e: TimeExpression, base: dt.date | None, direction: str | None) -> ResolvedDate:
    text = e.text
    if e.weekday is None:
        return _unknown("no weekday", text)
    if base is None:
        return _unknown("a weekday needs a base date", text)
    if direction == "last":
        d = days.weekday_on_or_before(base - days.ONE_DAY, e.weekday)
    elif direction == "next":
        d = days.weekday_on_or_after(base + days.ONE_DAY, e.weekday)
    elif direction == "future":
        d = days.weekday_on_or_after(base, e.weekday)
    else:  # past, and the default: news reports what happened
        d = days.weekday_on_or_before(base, e.weekday)
    return _day(d, "relative", text)


def _week_bounds(base: dt.date, weeks: int) -> tuple[dt.date, dt.date]:
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def _resolve_relative(e: TimeExpression, base: dt.date | None, direction: str | None,
                      anchor: dt.date | None = None) -> ResolvedDate:
    text = e.text
    code = e.relative
    if code and code.startswith("anchor"):
        # "the next day", "the previous day", "two days later": counted from the event
        # the sentence follows, which only the caller knows
        if anchor is None:
            return _unknown("counts from another event's date: pass it as anchor", text)
        try:
            if code == "anchor-later":
                n = e.quantity or 0
                delta = {"day": dt.timedelta(days=n), "week": dt.timedelta(weeks=n)}.get(e.unit or "")
                if delta is None:
                    y, m = days.add_months(anchor.year, anchor.month, n * (12 if e.unit == "year" else 1))
                    return _month(y, m, "relative", text) if e.unit == "month" else _year(y, "relative", text)
                return _day(anchor + delta, "relative", text)
            return _day(anchor + dt.timedelta(days=int(code[6:])), "relative", text)
        except (OverflowError, ValueError):
            return _unknown("out of the calendar", text)
    if base is None:
        return _unknown("a relative expression needs a base date", text)
    if code == "in":  # "in two weeks": forward from the base
        n, unit = e.quantity, e.unit
        if n is None or n > 500:
            return _unknown("not a usable number of " + (unit or "units"), text)
        try:
            if unit == "day":
                return _day(base + dt.timedelta(days=n), "relative", text)
            if unit == "week":
                mid = base + dt.timedelta(weeks=n)
                return _span(mid - dt.timedelta(days=3), mid + dt.timedelta(days=3), text)
            if unit == "month":
                y, m = days.add_months(base.year, base.month, n)
                return _month(y, m, "relative", text)
            return _year(base.year + n, "relative", text)
        except (OverflowError, ValueError):
            return _unknown("out of the calendar", text)
    if code == "ago":
        n, unit = e.quantity, e.unit
        if n is None:
            return _unknown("not a number of " + (unit or "units"), text)
        if n > 500:
            return _unknown("too far back", text)
        try:
            if unit == "day":
                return _day(base - dt.timedelta(days=n), "relative", text)
            if unit == "week":
                mid = base - dt.timedelta(weeks=n)
                if n == 1:
                    return _span(mid - dt.timedelta(days=3), mid + dt.timedelta(days=3), text)
                return _month(mid.year, mid.month, "relative", text)
            if unit == "month":
                y, m = days.add_months(base.year, base.month, -n)
                return _month(y, m, "relative", text)
            if unit == "year":
                return _year(base.year - n, "relative", text)
        except (OverflowError, ValueError):
            return _unknown("out of the calendar", text)
        return _unknown(f"unknown unit {unit}", text)
    if code is None:
        return _unknown("no relative expression", text)
    try:
        if code.startswith("day"):
            return _day(base + dt.timedelta(days=int(code[3:])), "relative", text)
        if code.startswith("weekend"):
            shift = code[7:]
            if shift == "-1" or (not shift and direction not in ("future", "next")):
                # the weekend just past; on a Saturday or Sunday, this one
                sat = days.weekday_on_or_before(base, 5)
                if shift == "-1" and base.weekday() >= 5:
                    sat -= dt.timedelta(days=7)
            else:
                sat = days.weekday_on_or_after(base, 5) if base.weekday() < 5 else days.weekday_on_or_before(base, 5)
                if shift == "+1":
                    sat = days.weekday_on_or_after(base + days.ONE_DAY, 5)
            return _span(sat, sat + days.ONE_DAY, text)
        if code.startswith("week"):
            rest = code[4:]
            if rest == "-1":
                return _week(*_week_bounds(base, -1), text)
            if rest == "+1":
                return _week(*_week_bounds(base, 1), text)
            mon, sun = _week_bounds(base, 0)
            if rest == "0past":
                return _span(mon, base, text)
            if rest == "0future":
                return _span(base, sun, text)
            return _span(mon, sun, text)
        if code.startswith("month"):
            rest = code[5:]
            delta = -1 if rest == "-1" else 1 if rest == "+1" else 0
            y, m = days.add_months(base.year, base.month, delta)
            return _month(y, m, "relative", text)
        if code.startswith("year"):
            rest = code[4:]
            delta = -1 if rest == "-1" else 1 if rest == "+1" else 0
            return _year(base.year + delta, "relative", text)
    except (OverflowError, ValueError):
        return _unknown("out of the calendar", text)
    return _unknown(f"unknown relative expression {code}", text)


_RESOLVERS = {
    "date": _resolve_date,
    "range": _resolve_range,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "relative": _resolve_relative,
}


def resolve_time(expr: TimeExpression | str, base: dt.date | None, *, tense: str | None = None,
                 anchor: dt.date | None = None) -> ResolvedDate:
    """Resolve one time expression against ``base`` (normally the publication date).

    ``expr`` is a :class:`TimeExpression` from :func:`find_time_expressions` or a short
    string (its first time expression is used). ``tense`` is "past", "future" or None
    (unknown) and decides the direction of weekdays and partial dates (see the module
    docstring); for a string, None lets the string's own words decide ("will meet on
    Tuesday"). ``anchor`` is the date of the event a sentence follows, for "the next
    day", "the previous day", "two days later" (unknown without it). Never raises: anything it cannot resolve comes back with basis
    "unknown" and a ``reason``.
    """
    try:
        if isinstance(expr, str):
            if not expr.strip():
                return _unknown("empty expression", expr)
            if len(expr) > MAX_EXPRESSION_CHARS:
                return _unknown(f"too long to be one time expression ({len(expr)} characters)", None)
            e = parse_time_expression(expr)
            if e is None:
                return _unknown("no time expression recognised", expr)
            if tense is None:
                tense = tense_of(expr, e)  # "will meet on Tuesday": the string says it
        elif isinstance(expr, TimeExpression):
            e = expr
        else:
            return _unknown(f"not a time expression: {type(expr).__name__}")
        if base is not None and not isinstance(base, dt.date):
            return _unknown("the base is not a date", e.text)
        if isinstance(base, dt.datetime):
            base = base.date()
        kind = e.kind
        direction = _direction(tense, e.modifier)
        if kind == "since":
            kind = e.ref_kind or "date"
            if direction is None or direction in ("future", "next"):
                direction = "past"
        if kind == "year":
            if e.year is None:
                return _unknown("no year", e.text)
            return _year(e.year, "explicit", e.text)
        if isinstance(anchor, dt.datetime):
            anchor = anchor.date()
        if kind == "relative":
            return _resolve_relative(e, base, direction, anchor if isinstance(anchor, dt.date) else None)
        fn = _RESOLVERS.get(kind)
        if fn is None:
            return _unknown(f"unknown kind {kind}", e.text)
        return fn(e, base, direction)
    except (OverflowError, ValueError):  # a base at the calendar's ends (year 1, year 9999)
        return _unknown("outside the calendar's range", getattr(expr, "text", None) if not isinstance(expr, str) else expr[:200])
    except Exception as exc:  # the contract: never raise on any input
        return _unknown(f"could not resolve: {type(exc).__name__}", getattr(expr, "text", None))
