"""Mentions of one document -> its Events.

A page reports one engagement several times (headline, lead, a caption, a
later "the call lasted..."). Mentions merge when they share the medium (a call,
or in person), the status, the participants by identity, and dates that agree
at their granularity. Two further rules of news writing:

* an undated mention (dated by default to the publication day) is the same
  engagement as a dated one of the same people and medium in the document;
* a visit whose hosts went unnamed ("Erdogan visited Saudi Arabia on July 17")
  and a contact of the visitor with the host country's officials ("He met the
  Crown Prince") are one visit.
"""
from __future__ import annotations

from .records import Event, Mention, Publication, ResolvedDate

_PRECISION = {"day": 3, "month": 2, "year": 1, None: 0}


def _medium(kind: str) -> str:
    return "call" if kind == "call" else "in-person"


def _undated(m: Mention) -> bool:
    return m.date.value is None or (m.date.reason or "").startswith("undated")


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Do two ISO dates at any granularity agree ("2024-01" and "2024-01-19" do)?"""
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _more_precise(a: ResolvedDate, b: ResolvedDate) -> ResolvedDate:
    if a.value is None:
        return b
    if b.value is None:
        return a
    if _undated_date(a) and not _undated_date(b):
        return b
    if _undated_date(b) and not _undated_date(a):
        return a
    return b if _PRECISION.get(b.granularity, 0) > _PRECISION.get(a.granularity, 0) else a


def _undated_date(d: ResolvedDate) -> bool:
    return (d.reason or "").startswith("undated")


class _Group:
    def __init__(self, first: Mention):
        self.mentions = [first]
        self.type = first.type
        self.status = first.status
        self.pids = frozenset(p.person_id for p in first.participants)
        self.participants = {p.person_id: p for p in first.participants}
        self.date = first.date
        self.host = first.host

    @property
    def medium(self) -> str:
        return _medium(self.type)

    def accepts(self, m: Mention, *, loose_date: bool, published=None) -> bool:
        if _medium(m.type) != self.medium or m.status != self.status:
            return False
        if frozenset(p.person_id for p in m.participants) != self.pids:
            return False
        if self.host and m.host and self.host != m.host:
            return False  # visits to two countries are two visits
        if loose_date and (_undated(m) or _undated_date(self.date)):
            # An undated report is the recent engagement, not one long past.
            return _recent(self.date.value if _undated(m) else m.date.value, published)
        return dates_compatible(self.date.value, m.date.value)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.date = _more_precise(self.date, m.date)
        if m.type == "visit":
            self.type = "visit"
        self.host = self.host or m.host
        for p in m.participants:
            self.participants.setdefault(p.person_id, p)
        self.pids = frozenset(self.participants)


# How many days before the publication an engagement still counts as the one an
# undated report of the same people refers to.
RECENT_DAYS = 3
# A visit spans days (arrival, talks, departure): reports of the same visitor and
# hosts this close together are one visit.
VISIT_DAYS = 3


def _days_apart(a: str | None, b: str | None) -> int:
    import datetime as dt

    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except (TypeError, ValueError):
        return 10**6


def _recent(value: str | None, published) -> bool:
    if value is None or published is None:
        return value is None
    if len(value) < 10:
        return published.isoformat().startswith(value)
    import datetime as dt

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return 0 <= (published - day).days <= RECENT_DAYS


def _absorb_solo_visits(groups: list[_Group], country_name, published) -> list[_Group]:
    """Join a visitor-only visit with the visitor's contact with the host country's officials."""

    def joins(solo: _Group, other: _Group, visitor: str) -> bool:
        if other is solo or len(other.pids) < 2 or visitor not in other.pids:
            return False
        if other.medium != "in-person" or other.status != solo.status:
            return False
        if not any(p.person_id != visitor and p.country and country_name(p.country) == solo.host
                   for p in other.participants.values()):
            return False
        if _undated_date(other.date):
            return _recent(solo.date.value, published)
        return dates_compatible(solo.date.value, other.date.value) or _days_apart(solo.date.value, other.date.value) <= VISIT_DAYS

    out = []
    for g in groups:
        if len(g.pids) == 1 and g.type == "visit" and g.host:
            visitor = next(iter(g.pids))
            partner = next((h for h in groups if joins(g, h, visitor)), None)
            if partner is not None:
                partner.mentions.extend(g.mentions)
                partner.date = _more_precise(partner.date, g.date)
                partner.type = "visit"
                partner.host = partner.host or g.host
                continue
        out.append(g)
    return out


def document_events(mentions: list[Mention] | tuple[Mention, ...], publication: Publication,
                    country_name=lambda code: code) -> list[Event]:
    """Merge the mentions of one document into its events, in order of first mention.

    ``country_name`` maps a participant's country code to the name used in ``host``.
    """
    groups: list[_Group] = []
    # Dated mentions first, so undated ones find the engagement they belong to.
    order = sorted(range(len(mentions)), key=lambda i: (_undated(mentions[i]), i))
    for i in order:
        m = mentions[i]
        target = next((g for g in groups if g.accepts(m, loose_date=False)), None)
        if target is None and m.type == "visit":
            # One visit over several days: arrival, talks, a dinner.
            target = next((g for g in groups if g.type == "visit" and g.host == m.host and g.status == m.status
                           and frozenset(p.person_id for p in m.participants) == g.pids
                           and _days_apart(g.date.value, m.date.value) <= VISIT_DAYS), None)
        if target is None and _undated(m):
            target = next((g for g in groups if g.accepts(m, loose_date=True, published=publication.date)), None)
        if target is None:
            groups.append(_Group(m))
        else:
            target.add(m)
    groups = _absorb_solo_visits(groups, country_name, publication.date)
    groups.sort(key=lambda g: min(m.span[0] for m in g.mentions))
    return [_event(g, publication) for g in groups]


def _event(g: _Group, publication: Publication) -> Event:
    first = min(g.mentions, key=lambda m: m.span[0])
    lead = next((m for m in sorted(g.mentions, key=lambda m: m.span[0]) if not _undated(m)), first)
    people = sorted(g.participants.values(), key=lambda p: p.name)
    sources: dict[str, None] = {}
    topics: dict[str, None] = {}
    flags: dict[str, None] = {}
    duration = location = None
    for m in sorted(g.mentions, key=lambda m: m.span[0]):
        sources.update(dict.fromkeys(m.sources))
        topics.update(dict.fromkeys(m.topics))
        flags.update(dict.fromkeys(m.flags))
        duration = duration or m.duration_minutes
        location = location or m.location
    levels = [m.level for m in g.mentions if m.level]
    level = "official" if "official" in levels else (levels[0] if levels else None)
    return Event(
        doc_id=first.doc_id,
        type=g.type,
        status=g.status,
        participants=tuple(p.name for p in people),
        person_ids=tuple(p.person_id for p in people),
        level=level,
        date=g.date.value,
        date_basis=g.date.basis if g.date.value else "unknown",
        duration_minutes=duration,
        location=location,
        host=g.host if g.type == "visit" else None,
        sources=tuple(sources),
        topics=tuple(topics)[:8],
        evidence=lead.evidence,
        span=lead.span,
        doc_published=publication.date.isoformat() if publication.date else None,
        doc_published_basis=publication.basis,
        flags=tuple(flags),
        mentions=tuple(g.mentions),
    )
