"""Calendar arithmetic the resolver and the inference share (pure functions on dates)."""
from __future__ import annotations

import calendar
import datetime as dt

ONE_DAY = dt.timedelta(days=1)


def safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    """The date, or None when it does not exist (Feb 30, month 13, year 0)."""
    if year is None or month is None or day is None:
        return None
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_on_or_before(base: dt.date, weekday: int) -> dt.date:
    """The most recent ``weekday`` on or before ``base`` (``base`` itself when it is one)."""
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def weekday_on_or_after(base: dt.date, weekday: int) -> dt.date:
    """The next ``weekday`` on or after ``base`` (``base`` itself when it is one)."""
    return base + dt.timedelta(days=(weekday - base.weekday()) % 7)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def last_day_of_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def occurrence(base: dt.date, month: int, day: int | None, direction: str | None,
               weekday: int | None = None) -> dt.date | None:
    """The occurrence of month/day (a partial date without its year) meant relative to ``base``.

    direction "past": the latest occurrence on or before ``base``; "future": the first
    on or after it; None: the nearest one (a tie goes to the past). With ``day`` None
    the comparison is by month and the first of the month is returned. With
    ``weekday``, only years where the day falls on that weekday count (searched up to
    28 years each way, one full weekday cycle). None when nothing fits.
    """
    if day is None:
        b = dt.date(base.year, base.month, 1)
        past = dt.date(base.year if month <= base.month else base.year - 1, month, 1)
        fut = dt.date(base.year if month >= base.month else base.year + 1, month, 1)
        return pick(b, past, fut, direction)
    past = fut = None
    for k in range(0, 29):
        if past is None:
            d = safe_date(base.year - k, month, day)
            if d is not None and d <= base and (weekday is None or d.weekday() == weekday):
                past = d
        if fut is None:
            d = safe_date(base.year + k, month, day)
            if d is not None and d >= base and (weekday is None or d.weekday() == weekday):
                fut = d
        if past is not None and fut is not None:
            break
    return pick(base, past, fut, direction)


def pick(base: dt.date, past: dt.date | None, fut: dt.date | None, direction: str | None) -> dt.date | None:
    """``past`` or ``fut`` as ``direction`` says; for None the nearer to ``base`` (ties: past)."""
    if direction == "past":
        return past
    if direction == "future":
        return fut
    if past is None:
        return fut
    if fut is None:
        return past
    return past if (base - past) <= (fut - base) else fut
