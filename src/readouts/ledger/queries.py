"""The questions the ledger answers: last contact, timeline, tempo, counterparts, gaps.

Every function takes a connection and person ids (``people.resolve_person`` turns
names in questions into ids) and returns plain JSON-ready data in the shapes
DESIGN.md gives. Only occurred engagements count as contacts; planned ones
appear in ``timeline`` when asked for.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import sqlalchemy as sa

from ..errors import QueryError
from . import schema as s

PERIODS = ("month", "quarter", "year")
QUOTE_LIMIT = 20


def parse_day(value, what: str = "date") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise QueryError(f"{what} must be an ISO date (YYYY-MM-DD), not {value!r}") from exc


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def names_of(conn: sa.Connection, ids) -> dict[str, str]:
    p = s.people.c
    ids = sorted(set(ids))
    return dict(conn.execute(sa.select(p.person_id, p.name).where(p.person_id.in_(ids))).all()) if ids else {}


def event_fields(row) -> dict:
    """The stored fields of an event row, JSON columns decoded (queries and export share them)."""
    return {
        "status": row.status,
        "participants": json.loads(row.participants),
        "person_ids": json.loads(row.person_ids),
        "level": row.level,
        "date_basis": row.date_basis,
        "duration_minutes": row.duration_minutes,
        "location": row.location,
        "host": row.host,
        "sources": json.loads(row.sources),
        "topics": json.loads(row.topics),
        "confidence": row.confidence,
        "documents": row.documents,
    }


def _event(row, *, full: bool = False) -> dict:
    out = {"event_id": row.event_id, "type": row.type, "date": row.date}
    if full:
        out.update(event_fields(row))
    return out


def quotes(conn: sa.Connection, event_id: str, limit: int = QUOTE_LIMIT) -> list[dict]:
    """The evidence of an event, one quote per document's report: earliest publication first."""
    r, d, er = s.reports.c, s.documents.c, s.event_reports.c
    rows = conn.execute(
        sa.select(r.evidence, r.doc_id, d.url, d.published, r.span_start, r.span_end)
        .join(s.event_reports, er.report_id == r.report_id)
        .join(s.documents, d.doc_id == r.doc_id)
        .where(er.event_id == event_id)
        .order_by(d.published.is_(None), d.published, r.doc_id, r.ordinal)
        .limit(limit)
    ).all()
    return [{"text": r.evidence, "doc_id": r.doc_id, "url": r.url,
             "span": [r.span_start, r.span_end] if r.span_start is not None else None} for r in rows]


def _pair_events(conn: sa.Connection, a: str, b: str, *, as_of: dt.date | None = None, limit: int | None = None,
                 newest_first: bool = True):
    c, e = s.contacts.c, s.events.c
    query = (
        sa.select(s.events)
        .join(s.contacts, c.event_id == e.event_id)
        .where(c.person_id == a, c.counterpart_id == b, c.status == "occurred", c.date_start.is_not(None))
    )
    if as_of is not None:
        query = query.where(c.date_start <= as_of.isoformat())
    if newest_first:
        query = query.order_by(c.date_start.desc(), c.event_id.desc())
    else:
        query = query.order_by(c.date_start, c.event_id)
    if limit is not None:
        query = query.limit(limit)
    return conn.execute(query).all()


def last_contact(conn: sa.Connection, a: str, b: str, *, as_of: dt.date | None = None,
                 names: dict[str, str] | None = None) -> dict:
    """The last occurred engagement of A and B (on or before ``as_of``), the one before it, and the gap.

    ``names`` (id -> canonical name) spares a look-up when the caller knows them.
    """
    as_of = as_of or dt.date.today()
    rows = _pair_events(conn, a, b, as_of=as_of, limit=2)
    names = names if names is not None else names_of(conn, [a, b])
    pair = sorted([names.get(a, a), names.get(b, b)])
    answer = {"pair": pair, "person_ids": [a, b] if names.get(a, a) <= names.get(b, b) else [b, a],
              "last": None, "previous": None, "gap_days": None, "as_of": as_of.isoformat(), "days_since": None}
    if not rows:
        return answer
    last = rows[0]
    answer["last"] = {
        **_event(last), "status": last.status, "date_granularity": last.date_granularity,
        "duration_minutes": last.duration_minutes, "location": last.location,
        "sources": json.loads(last.sources), "topics": json.loads(last.topics),
        "confidence": last.confidence, "quotes": quotes(conn, last.event_id),
    }
    answer["days_since"] = (as_of - _day(last.date_start)).days
    if len(rows) > 1:
        previous = rows[1]
        answer["previous"] = {**_event(previous), "duration_minutes": previous.duration_minutes}
        answer["gap_days"] = (_day(last.date_start) - _day(previous.date_start)).days
    return answer


def timeline(conn: sa.Connection, a: str, b: str | None = None, *, since: dt.date | None = None,
             until: dt.date | None = None, type: str | None = None, level: str | None = None,
             status: str | None = "occurred", limit: int | None = None) -> list[dict]:
    """A's engagements (with B when given), oldest first; undated ones are left out."""
    e = s.events.c
    if b is not None:
        link = s.contacts.c
        query = sa.select(s.events).join(s.contacts, link.event_id == e.event_id).where(
            link.person_id == a, link.counterpart_id == b)
    else:
        link = s.event_people.c
        query = sa.select(s.events).join(s.event_people, link.event_id == e.event_id).where(link.person_id == a)
    query = query.where(link.date_start.is_not(None))
    if status:
        query = query.where(link.status == status)
    if since:
        query = query.where(link.date_start >= since.isoformat())
    if until:
        query = query.where(link.date_start <= until.isoformat())
    if type:
        query = query.where(e.type == type)
    if level:
        query = query.where(e.level == level)
    query = query.order_by(link.date_start, e.event_id)
    if limit:
        query = query.limit(limit)
    return [_event(row, full=True) for row in conn.execute(query)]


def _period(day: str, by: str) -> str:
    if by == "month":
        return day[:7]
    if by == "year":
        return day[:4]
    return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"


def tempo(conn: sa.Connection, a: str, b: str, *, by: str = "month", since: dt.date | None = None,
          until: dt.date | None = None) -> list[dict]:
    """How many engagements A and B had per month, quarter or year (periods with none left out)."""
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    counts: dict[str, Counter] = {}
    for row in _pair_events(conn, a, b, as_of=until, newest_first=False):
        if since and row.date_start < since.isoformat():
            continue
        # A month-level date counts in its month but has no quarter/day precision beyond that.
        counts.setdefault(_period(row.date_start, by), Counter())[row.type] += 1
    return [{"period": period, "events": sum(c.values()), "call": c["call"], "meeting": c["meeting"],
             "visit": c["visit"]} for period, c in sorted(counts.items())]


def counterparts(conn: sa.Connection, a: str, *, as_of: dt.date | None = None, since: dt.date | None = None,
                 limit: int | None = None) -> list[dict]:
    """Everyone A engaged with, most engagements first, with the last contact each."""
    c = s.contacts.c
    query = (
        sa.select(c.counterpart_id, sa.func.count().label("events"), sa.func.max(c.date_start).label("last"))
        .where(c.person_id == a, c.status == "occurred", c.date_start.is_not(None))
        .group_by(c.counterpart_id)
        .order_by(sa.desc("events"), sa.desc("last"), c.counterpart_id)
    )
    if as_of:
        query = query.where(c.date_start <= as_of.isoformat())
    if since:
        query = query.where(c.date_start >= since.isoformat())
    if limit:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    names = names_of(conn, [r.counterpart_id for r in rows])
    return [{"id": r.counterpart_id, "name": names.get(r.counterpart_id, r.counterpart_id),
             "events": r.events, "last_date": r.last} for r in rows]


def gaps(conn: sa.Connection, a: str, b: str, *, as_of: dt.date | None = None, top: int = 10,
         include_current: bool = True) -> list[dict]:
    """The longest silences between A and B, longest first (ties: the earlier first).

    With ``include_current``, the silence since the last contact up to ``as_of``
    is one of them (``to`` is then null and ``ongoing`` true).
    """
    as_of = as_of or dt.date.today()
    rows = _pair_events(conn, a, b, as_of=as_of, newest_first=False)
    silences = []
    for before, after in zip(rows, rows[1:]):
        days = (_day(after.date_start) - _day(before.date_start)).days
        silences.append({"from": before.date, "to": after.date, "days": days, "after_event": before.event_id,
                         "before_event": after.event_id, "ongoing": False})
    if include_current and rows:
        days = (as_of - _day(rows[-1].date_start)).days
        silences.append({"from": rows[-1].date, "to": None, "days": days, "after_event": rows[-1].event_id,
                         "before_event": None, "ongoing": True})
    silences.sort(key=lambda g: (-g["days"], g["from"]))
    return silences[:top]
