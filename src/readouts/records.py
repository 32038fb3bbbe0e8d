"""The typed records that flow between the stages.

Every record is a frozen, slotted dataclass: hashable where its fields are,
picklable (so stages run in a process pool or inside Spark), and never mutated
after construction. Stages build new records instead of editing old ones.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

EVENT_TYPES = ("call", "meeting", "visit")
STATUSES = ("occurred", "planned")
DATE_BASES = ("explicit", "relative", "inferred", "unknown")
PUBLISHED_BASES = ("given", "url", "page", "inferred", "unknown")
LEVELS = ("leader", "official")


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as a crawler knows it: content plus what came with it.

    ``content`` is decoded text (HTML or plain). ``id`` is a label only: no stage
    reads evidence from it.
    """

    id: str
    content: str
    url: str | None = None
    published: dt.date | None = None
    fetched: dt.datetime | None = None
    path: str | None = None
    is_html: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """A run of the cleaned text: ``text[start:end]`` of its Article."""

    start: int
    end: int
    kind: str  # title | dateline | paragraph | caption


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned document: boilerplate gone, blocks joined by blank lines.

    Evidence spans of mentions and events are offsets into ``text``.
    """

    doc_id: str
    text: str
    blocks: tuple[Block, ...]
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None  # as given by the caller
    page_date: dt.date | None = None  # from HTML metadata, when the page has one
    language: str | None = None
    dropped_lines: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that passed the cheap prefilter and deserves extraction."""

    start: int
    end: int
    text: str
    block_kind: str = "paragraph"
    index: int = 0  # position among the article's sentences


@dataclass(frozen=True, slots=True)
class Publication:
    """The publication date of a document as used, and how it was known."""

    date: dt.date | None
    basis: str = "unknown"  # given | url | page | inferred | unknown
    confidence: float = 0.0
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A time expression resolved against a base date.

    ``value`` is ISO at its granularity ("2024-01-19", "2024-01", "2024") or None.
    """

    value: str | None
    granularity: str | None = None  # day | month | year
    basis: str = "unknown"  # explicit | relative | inferred | unknown
    reason: str | None = None
    text: str | None = None  # the expression as written
    end: str | None = None  # last day of a range, when the text gave one


@dataclass(frozen=True, slots=True)
class Office:
    """An office held by a person between two dates (either may be unknown)."""

    role: str  # head_of_state | head_of_government | foreign_minister | ... (see people/)
    country: str  # ISO 3166 alpha-3, or an organisation code such as "UN", "NATO", "EU"
    title: str  # "President of the United States"
    start: dt.date | None = None
    end: dt.date | None = None
    source: str | None = None

    def held_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        if self.start is not None and day < self.start:
            return False
        if self.end is not None and day > self.end:
            return False
        return True


@dataclass(frozen=True, slots=True)
class Person:
    """An office-holder of the gazetteer (or a local person the data lacks)."""

    id: str  # Wikidata QID, or "local:<slug>"
    name: str  # canonical English name
    country: str | None = None  # ISO alpha-3 (or organisation code)
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()


@dataclass(frozen=True, slots=True)
class Participant:
    """A participant of a mention: as written, and who that is."""

    surface: str
    name: str  # canonical name (the surface itself when unresolved)
    person_id: str  # QID or local:<slug>
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of one engagement in one document."""

    doc_id: str
    type: str  # call | meeting | visit
    status: str  # occurred | planned
    participants: tuple[Participant, ...]
    date: ResolvedDate
    evidence: str
    span: tuple[int, int]
    duration_minutes: int | None = None
    location: str | None = None
    host: str | None = None
    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    level: str | None = None
    flags: tuple[str, ...] = ()  # e.g. "no-office-on-date"
    rules: str = ""  # version of the rules that produced it


@dataclass(frozen=True, slots=True)
class Event:
    """An engagement: the output record (one JSON line of ``--format jsonl``)."""

    doc_id: str
    type: str
    status: str
    participants: tuple[str, ...]  # canonical names, sorted
    person_ids: tuple[str, ...]  # same order
    level: str | None
    date: str | None
    date_basis: str
    duration_minutes: int | None = None
    location: str | None = None
    host: str | None = None
    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    evidence: str = ""
    span: tuple[int, int] | None = None
    doc_published: str | None = None
    doc_published_basis: str = "unknown"
    flags: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), compare=False, repr=False)

    def to_json(self) -> dict:
        """The event as the DESIGN.md contract spells it."""
        return {
            "doc_id": self.doc_id,
            "type": self.type,
            "status": self.status,
            "participants": list(self.participants),
            "person_ids": list(self.person_ids),
            "level": self.level,
            "date": self.date,
            "date_basis": self.date_basis,
            "duration_minutes": self.duration_minutes,
            "location": self.location,
            "host": self.host,
            "sources": list(self.sources),
            "topics": list(self.topics),
            "evidence": self.evidence,
            "span": list(self.span) if self.span else None,
            "doc_published": self.doc_published,
            "doc_published_basis": self.doc_published_basis,
            "flags": list(self.flags),
        }


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything the pipeline learnt about one document."""

    doc_id: str
    article: Article | None
    publication: Publication
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    error: "DocumentError | None" = None


@dataclass(frozen=True, slots=True)
class DocumentError:
    """Why a document could not be processed: a reason code and one sentence."""

    doc_id: str
    code: str  # see errors.REASONS
    message: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.message} [{self.code}]"
