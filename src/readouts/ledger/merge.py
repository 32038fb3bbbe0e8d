"""Merging documents' reports into one event per real engagement.

A *report* is one document's account of one engagement: the pipeline has
already merged that document's mentions of it (``DocumentResult.events``).
Reports are grouped by *who* (the sorted person ids), *how* (a call, or in
person: meeting and visit are one medium, since outlets call the same visit a
meeting) and *whether it happened* (occurred and planned never merge). Within a
group, dates decide, at their granularity:

* reports of the same day are one event; two different days are two events;
* a month ("2024-01") or year ("2024") joins an event on a day inside it (the
  best-attested one when there are several), else the reports of that month or
  year form an event of their own;
* undated reports of a group form one undated event.

Two reports of one document never merge: the document itself says they are
two engagements (two calls on one day stay two). Its i-th report of a day goes
to that day's i-th event.

The events of a group are a function of the *set* of its reports, never of the
order they arrived in, so the ledger recomputes only the groups a new document
touches (incremental), any ingest order gives the same events, and re-merging
changes nothing.
"""
from __future__ import annotations

import calendar
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MEDIUM = {"call": "remote", "meeting": "in-person", "visit": "in-person"}
GRANULARITY_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
BASIS_RANK = {"explicit": 0, "relative": 1, "inferred": 2, "unknown": 3}

# Weights of the confidence an event earns from each independent kind of evidence:
# every distinct outlet that printed it, every distinct source an outlet credits,
# and official readouts (a government says so itself), which count most.
OUTLET_WEIGHT = 0.5
ATTRIBUTED_SOURCE_WEIGHT = 0.2
OFFICIAL_WEIGHT = 0.7
# Words that mark a source or publisher as a government's own channel.
OFFICIAL_MARKERS = (
    "white house", "state department", "department of state", "ministry", "foreign office",
    "prime minister's office", "president's office", "presidential office", "kremlin", "elysee",
    "élysée", "downing street", "chancellery", "government", "embassy", "readout", "mfa",
)
# Hosts of governments' own sites (a publisher is its URL's host without "www.").
OFFICIAL_HOST_SUFFIXES = (
    ".gov", ".mil", ".gov.uk", ".gouv.fr", ".gov.il", ".gov.in", ".mid.ru", ".kremlin.ru", ".gc.ca", ".europa.eu",
    ".go.jp", ".go.kr", ".gov.au", ".gov.cn", ".gov.sg", ".gov.za", ".gob.mx", ".gov.br", ".gov.ua", ".gov.tr",
    ".bundesregierung.de", ".auswaertiges-amt.de", ".un.org", ".nato.int",
)


@dataclass(frozen=True, slots=True)
class Report:
    """A document's account of one engagement, as stored, with what merging needs from its document."""

    doc_id: str
    ordinal: int
    type: str
    status: str
    person_ids: tuple[str, ...]
    names: tuple[str, ...]  # canonical names, same order as person_ids
    date: str | None
    date_basis: str = "unknown"
    duration_minutes: int | None = None
    location: str | None = None
    host: str | None = None
    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    level: str | None = None
    publisher: str | None = None
    doc_url: str | None = None
    report_id: int | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.doc_id, self.ordinal)


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """An engagement as merged from its reports (one row of ``events``)."""

    event_id: str
    group_key: str
    type: str
    status: str
    person_ids: tuple[str, ...]  # sorted by canonical name, like ``participants``
    participants: tuple[str, ...]
    level: str | None
    date: str | None
    granularity: str | None
    date_basis: str
    date_start: str | None
    date_end: str | None
    duration_minutes: int | None
    location: str | None
    host: str | None
    sources: tuple[str, ...]
    topics: tuple[str, ...]
    confidence: float
    documents: int
    reports: tuple[Report, ...]


def group_key(status: str, type: str, person_ids: Iterable[str]) -> str:
    """The key of the group a report is merged within."""
    ids = sorted(set(person_ids))
    raw = json.dumps([status, MEDIUM.get(type, type), ids], separators=(",", ":"))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def granularity_of(value: str | None) -> str | None:
    if not value:
        return None
    return {10: "day", 7: "month", 4: "year"}.get(len(value))


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """First and last ISO day a date at its granularity may be."""
    kind = granularity_of(value)
    if kind == "day":
        return value, value
    if kind == "month":
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    if kind == "year":
        return f"{value}-01-01", f"{value}-12-31"
    return None, None


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two dates at their granularity can be the same day ("2024-01" ~ "2024-01-19")."""
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


class _Cluster:
    __slots__ = ("date", "slot", "members")

    def __init__(self, date: str | None, slot: int):
        self.date = date
        self.slot = slot
        self.members: list[Report] = []

    def documents(self) -> set[str]:
        return {m.doc_id for m in self.members}

    def blocks(self, report: Report) -> bool:
        """Two reports of one document are two engagements."""
        return any(m.doc_id == report.doc_id for m in self.members)


def _cluster_by_value(reports: Sequence[Report], date: str | None) -> list[_Cluster]:
    """Reports sharing one date: each document's i-th report goes to the i-th event."""
    clusters: dict[int, _Cluster] = {}
    seen: Counter = Counter()
    for m in sorted(reports, key=lambda m: m.sort_key):
        slot = seen[m.doc_id]
        seen[m.doc_id] += 1
        clusters.setdefault(slot, _Cluster(date, slot)).members.append(m)
    return [clusters[k] for k in sorted(clusters)]


def _attach(reports: Sequence[Report], finer: list[_Cluster], date: str) -> list[_Cluster]:
    """Attach coarse-dated reports to the best compatible finer event; the rest form their own."""
    candidates = [c for c in finer if compatible(c.date, date)]
    # Best attested first; ties go to the latest date, then the first slot.
    candidates.sort(key=lambda c: (-len(c.documents()), _neg(c.date), c.slot))
    leftover: list[Report] = []
    additions: list[tuple[_Cluster, Report]] = []
    for m in sorted(reports, key=lambda m: m.sort_key):
        target = next((c for c in candidates if not c.blocks(m)), None)
        if target is None:
            leftover.append(m)
        else:
            additions.append((target, m))
    # Add after choosing, so one coarse report never changes where another goes; two coarse
    # reports of one document that chose the same event are split again below.
    taken: set[tuple[int, str]] = set()
    for target, m in additions:
        if (id(target), m.doc_id) in taken:
            leftover.append(m)
            continue
        taken.add((id(target), m.doc_id))
        target.members.append(m)
    return _cluster_by_value(leftover, date) if leftover else []


def _neg(date: str | None) -> tuple:
    return tuple(-ord(ch) for ch in (date or ""))


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Split the reports of one group into engagements (see the module docstring)."""
    by_rank: dict[int, dict[str | None, list[Report]]] = {}
    for m in reports:
        value = m.date if granularity_of(m.date) else None
        by_rank.setdefault(GRANULARITY_RANK[granularity_of(value)], {}).setdefault(value, []).append(m)
    clusters: list[_Cluster] = []
    for value, group in sorted(by_rank.get(3, {}).items()):
        clusters.extend(_cluster_by_value(group, value))
    for rank in (2, 1):
        new: list[_Cluster] = []
        for value, group in sorted(by_rank.get(rank, {}).items()):
            new.extend(_attach(group, clusters, value))
        clusters.extend(new)
    if None in by_rank.get(0, {}):
        clusters.extend(_cluster_by_value(by_rank[0][None], None))
    return [sorted(c.members, key=lambda m: m.sort_key) for c in clusters]


def _mode(values: Iterable, *, tie=min):
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return tie(v for v, n in counts.items() if n == best)


def is_official(name: str | None) -> bool:
    if not name:
        return False
    low = name.lower()
    if any(marker in low for marker in OFFICIAL_MARKERS):
        return True
    host = "." + low.split("/")[0]
    return any(host.endswith(suffix) for suffix in OFFICIAL_HOST_SUFFIXES)


def confidence(members: Sequence[Report]) -> float:
    """Grows with independent outlets, the sources they credit, and official readouts."""
    outlets = {m.publisher or f"doc:{m.doc_id}" for m in members}
    attributed = {s.lower() for m in members for s in m.sources} - {o.lower() for o in outlets}
    official = any(is_official(m.publisher) for m in members) or any(is_official(s) for s in attributed)
    doubt = (1 - OUTLET_WEIGHT) ** len(outlets) * (1 - ATTRIBUTED_SOURCE_WEIGHT) ** len(attributed)
    if official:
        doubt *= 1 - OFFICIAL_WEIGHT
    return round(1 - doubt, 4)


def build_event(key: str, members: Sequence[Report], date: str | None, slot: int) -> MergedEvent:
    first = members[0]
    names: dict[str, str] = {}
    for pid in first.person_ids:
        names[pid] = _mode(
            (dict(zip(m.person_ids, m.names)).get(pid) for m in members), tie=min
        ) or pid
    order = sorted(first.person_ids, key=lambda pid: (names[pid], pid))
    medium = MEDIUM.get(first.type, first.type)
    if medium == "remote":
        kind = "call"
    else:
        # Outlets often call a visit's talks a meeting: a tie is a visit.
        kind = _mode((m.type for m in members), tie=max)
    precise = [m for m in members if m.date == date] or list(members)
    basis = min((m.date_basis for m in precise), key=lambda b: BASIS_RANK.get(b, 9))
    start, end = date_bounds(date)
    raw_id = json.dumps([key, date or "", slot], separators=(",", ":"))
    return MergedEvent(
        event_id=hashlib.sha1(raw_id.encode("utf-8")).hexdigest()[:16],
        group_key=key,
        type=kind,
        status=first.status,
        person_ids=tuple(order),
        participants=tuple(names[pid] for pid in order),
        level=_mode((m.level for m in members)),
        date=date,
        granularity=granularity_of(date),
        date_basis=basis if date else "unknown",
        date_start=start,
        date_end=end,
        duration_minutes=_mode((m.duration_minutes for m in members)),
        location=_mode((m.location for m in members)),
        host=_mode((m.host for m in members)),
        sources=tuple(sorted({s for m in members for s in m.sources})),
        topics=tuple(sorted({t for m in members for t in m.topics})),
        confidence=confidence(members),
        documents=len({m.doc_id for m in members}),
        reports=tuple(members),
    )


def merge_group(key: str, reports: Iterable[Report]) -> list[MergedEvent]:
    """The events of one group, from all of its reports."""
    result: list[MergedEvent] = []
    seen: Counter = Counter()
    for members in cluster(reports):
        date = max((m.date for m in members if granularity_of(m.date)), key=lambda d: (len(d), d), default=None)
        # A day's i-th event: equal dates get distinct, stable ids by position.
        slot = seen[date]
        seen[date] += 1
        result.append(build_event(key, members, date, slot))
    return result


def merge(reports: Iterable[Report]) -> list[MergedEvent]:
    """Events from any reports: grouped, then clustered; sorted by date then id."""
    groups: dict[str, list[Report]] = {}
    for m in reports:
        groups.setdefault(group_key(m.status, m.type, m.person_ids), []).append(m)
    events = [e for key, group in groups.items() for e in merge_group(key, group)]
    return sorted(events, key=lambda e: (e.date_start or "", e.event_id))
