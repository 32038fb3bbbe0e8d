"""Recurring summits as dates: "the G20 summit in Bali" is 15-16 November 2022.

News names the great recurring meetings (G7, G20, NATO, APEC, BRICS, SCO, COP, the
Summit of the Americas, the UN General Assembly, ...) by series and place and leaves
the year out: "they last met at the G7 summit in Hiroshima", "on the margins of
COP28", "will see each other at the G20 in Rio". The editions are public facts, kept
in ``readouts/data/time/summits.tsv``; this module finds such references and says
which edition is meant:

* a number names it ("COP28", "COP 28");
* a place does ("in Hiroshima", "the Bali summit", "in India" with ``country_code``),
  when one edition of the series was held there, else the one nearest the base date
  in the direction of the tense;
* a year does ("the 2023 G20 summit", "this year's G7 summit" against the base date);
* with none of these, the edition nearest the base date in the tense's direction, at
  most MAX_GAP_DAYS away.

Without a base date only a number, a place held once, or a year written out can
name the edition. ``find_summits`` and ``edition`` never raise.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable

from ..records import ResolvedDate

MAX_GAP_DAYS = 400

_SERIES = {
    "G7": r"G-?7|G-?8|Group of (?:Seven|Eight|7|8)",
    "G20": r"G-?20|Group of (?:20|Twenty)",
    "NATO": r"NATO|North Atlantic Treaty Organi[sz]ation|Alliance['’]s",
    "APEC": r"APEC|Asia-Pacific Economic Cooperation",
    "BRICS": r"BRICS",
    "SCO": r"SCO|Shanghai Cooperation Organi[sz]ation",
    "CHOGM": r"Commonwealth",
    "EPC": r"European Political Community|EPC",
    "QUAD": r"Quad|Quadrilateral",
    "FOCAC": r"FOCAC|Forum on China-Africa Cooperation",
}
_LABELS = {"G7": "G7", "G20": "G20", "NATO": "NATO", "APEC": "APEC", "BRICS": "BRICS", "SCO": "SCO",
           "AMERICAS": "Summit of the Americas", "COP": "UN climate conference", "CHOGM": "Commonwealth",
           "MSC": "Munich Security Conference", "WEF": "World Economic Forum", "UNGA": "UN General Assembly",
           "EPC": "European Political Community", "QUAD": "Quad", "FOCAC": "FOCAC", "TICAD": "TICAD"}

_LEADERS = r"(?:\s+(?:leaders['’]?|heads of (?:state|government)(?: and government)?|Heads of Government|" \
           r"Leaders['’]?|economic leaders['’]?))?"
_YEAR_AFTER = r"(?:\s+(?P<y2>(?:19|20)\d\d))?"
_PATTERNS = [(key, re.compile(r"\b(?:" + alt + r")" + _LEADERS + _YEAR_AFTER
                              + r"\s+(?:[Ss]ummit|[Mm]eeting|[Ff]orum)(?!\s+(?:of|on)\s+(?:foreign|finance|defen[cs]e))"
                              + (r"|\bCommonwealth Heads of Government Meeting|\bCHOGM\b" if key == "CHOGM" else "")
                              + (r"|\bFOCAC\b|\bForum on China-Africa Cooperation\b" if key == "FOCAC" else "")
                              + (r"|\bEuropean Political Community\b" if key == "EPC" else "")))
             for key, alt in _SERIES.items()]
_PATTERNS += [
    ("AMERICAS", re.compile(r"\b(?:Summit of the Americas|Americas Summit)\b")),
    ("COP", re.compile(r"\bCOP\s?(?P<n>[1-3]\d)\b|\b(?:(?:UN|U\.N\.|United Nations)\s+)?[Cc]limate "
                       r"(?:[Ss]ummit|[Cc]onference|[Cc]hange [Cc]onference)\b")),
    ("MSC", re.compile(r"\bMunich Security Conference\b")),
    ("WEF", re.compile(r"\bWorld Economic Forum\b|\bDavos\b")),
    ("UNGA", re.compile(r"\b(?:UN|U\.N\.|United Nations)\s+General Assembly\b|\bUNGA\b")),
    ("TICAD", re.compile(r"\bTICAD\b|\bTokyo International Conference on African Development\b")),
]

_PLACE_AFTER = re.compile(r"(?:\s+(?:summit|meeting))?,?\s+(?:held\s+|hosted\s+)?(?:in|at)\s+(?:the\s+(?:[\w-]+\s+){0,2}"
                          r"(?:city|town|resort|island|region|state|province) of\s+)?"
                          r"(?P<place>[A-Z][\w’'.-]*(?:[ -](?:de |el-|of |)?[A-Z][\w’'.-]*){0,3})")
_BEFORE = re.compile(r"(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|last|next) year['’]s|"
                     r"(?P<place>[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*){0,2})(?:-hosted)?)\s+(?:annual\s+)?$")
_PLACE_BEFORE = re.compile(r"\bin\s+(?P<place>[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*){0,2})\s+(?:during|at|on the "
                           r"(?:sidelines|margins) of|for)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$")
_NOT_PLACES = frozenset({"The", "A", "An", "This", "That", "Last", "Next", "Annual", "First", "Second", "Third",
                         "Extraordinary", "Emergency", "Special", "Virtual", "Informal", "Upcoming", "Recent"})


@dataclass(frozen=True, slots=True)
class Summit:
    """One edition of a recurring summit."""

    series: str
    start: dt.date
    end: dt.date
    country: str
    places: tuple[str, ...]
    number: int | None = None

    @property
    def name(self) -> str:
        number = f" {self.number}" if self.number else ""
        return f"{_LABELS[self.series]}{number} in {self.places[0]}"


@dataclass(frozen=True, slots=True)
class SummitRef:
    """A reference to a recurring summit in a text (``start``/``end`` are offsets)."""

    start: int
    end: int
    text: str
    series: str
    number: int | None = None
    year: int | None = None
    year_offset: int | None = None  # "this year's" 0, "last year's" -1, "next year's" +1
    place: str | None = None


@functools.lru_cache(maxsize=1)
def summits() -> tuple[Summit, ...]:
    """Every edition of the packaged table, oldest first."""
    out = []
    raw = resources.files("readouts").joinpath("data/time/summits.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        number = int(cols[5]) if len(cols) > 5 and cols[5].strip() else None
        out.append(Summit(cols[0], dt.date.fromisoformat(cols[1]), dt.date.fromisoformat(cols[2]), cols[3],
                          tuple(p.strip() for p in cols[4].split("|")), number))
    return tuple(sorted(out, key=lambda s: s.start))


@functools.lru_cache(maxsize=1)
def _screen() -> re.Pattern:
    return re.compile(r"G-?[278]|Group of|NATO|Alliance|APEC|Asia-Pacific|BRICS|SCO|Shanghai|Commonwealth|CHOGM|"
                      r"European Political|EPC|Quad|FOCAC|China-Africa|Americas|COP|[Cc]limate|Munich|Davos|"
                      r"World Economic|General Assembly|UNGA|TICAD|African Development")


def find_summits(text: str) -> list[SummitRef]:
    """The references to recurring summits in ``text``, in order."""
    if not text or not _screen().search(text):
        return []
    found = []
    for key, rx in _PATTERNS:
        for m in rx.finditer(text):
            number = int(m.group("n")) if "n" in rx.groupindex and m.group("n") else None
            year = int(m.group("y2")) if "y2" in rx.groupindex and m.group("y2") else None
            offset = place = None
            before = _BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before:
                if before.group("year"):
                    year = int(before.group("year"))
                elif before.group("rel"):
                    offset = {"this": 0, "last": -1, "next": 1}[before.group("rel")]
                elif before.group("place") and before.group("place").split()[0] not in _NOT_PLACES:
                    place = before.group("place")
            after = _PLACE_AFTER.match(text, m.end(), m.end() + 80)
            if after and place is None:
                place = after.group("place").rstrip(".")
            if place is None:  # "their talks in Los Angeles during the Summit of the Americas"
                near = _PLACE_BEFORE.search(text, max(0, m.start() - 50), m.start())
                place = near.group("place") if near else None
            found.append(SummitRef(m.start(), m.end(), m.group(), key, number, year, offset, place))
    found.sort(key=lambda r: r.start)
    out = []
    for r in found:  # "the COP28 climate summit": one reference
        if out and (r.start < out[-1].end or (r.series == out[-1].series and r.start - out[-1].end <= 2)):
            o = out[-1]
            out[-1] = SummitRef(o.start, max(o.end, r.end), text[o.start:max(o.end, r.end)], o.series,
                                o.number or r.number, o.year or r.year,
                                o.year_offset if o.year_offset is not None else r.year_offset, o.place or r.place)
            continue
        out.append(r)
    return out


def _at_place(s: Summit, place: str, country_code: Callable[[str], str | None] | None) -> bool:
    p = place.lower()
    if any(p == q.lower() or p.startswith(q.lower() + " ") for q in s.places):
        return True
    return country_code is not None and country_code(place) == s.country


def edition(ref: SummitRef, base: dt.date | None = None, tense: str | None = None,
            country_code: Callable[[str], str | None] | None = None) -> Summit | None:
    """The edition ``ref`` means, or None when the text and ``base`` do not say."""
    try:
        return _edition(ref, base, tense, country_code)
    except Exception:  # noqa: BLE001 - a reference it cannot place is simply unplaced
        return None


def _edition(ref, base, tense, country_code):
    pool = [s for s in summits() if s.series == ref.series]
    if ref.number is not None:
        pool = [s for s in pool if s.number == ref.number]
        return pool[0] if len(pool) == 1 else None
    year = ref.year
    if year is None and ref.year_offset is not None:
        if base is None:
            return None
        year = base.year + ref.year_offset
    named = False
    if year is not None:
        pool = [s for s in pool if s.start.year == year or s.end.year == year]
        named = True
    if ref.place:
        placed = [s for s in pool if _at_place(s, ref.place, country_code)]
        if placed:
            pool, named = placed, True
        elif country_code is not None and country_code(ref.place) is not None:
            return None  # a place the table has no edition of: another meeting
    if len(pool) == 1 and named:
        return pool[0]
    if base is None or not pool:
        return None
    if tense == "past":
        cands = [s for s in pool if s.start <= base]
        best = cands[-1] if cands else None
    elif tense == "future":
        cands = [s for s in pool if s.end >= base]
        best = cands[0] if cands else None
    else:
        best = min(pool, key=lambda s: min(abs((s.start - base).days), abs((s.end - base).days)))
    if best is None:
        return None
    gap = 0 if best.start <= base <= best.end else min(abs((best.start - base).days), abs((best.end - base).days))
    return best if named or gap <= MAX_GAP_DAYS else None


def summit_date(s: Summit, ref: SummitRef | None = None) -> ResolvedDate:
    """The date of an edition at the granularity a contact there can have: the day of a
    one-day meeting, else the month (the one holding most of its days)."""
    if s.start == s.end:
        value, gran = s.start.isoformat(), "day"
    else:
        days = [s.start + dt.timedelta(days=i) for i in range((s.end - s.start).days + 1)]
        months: dict[str, int] = {}
        for d in days:
            months[d.strftime("%Y-%m")] = months.get(d.strftime("%Y-%m"), 0) + 1
        value, gran = max(months, key=lambda k: (months[k], -int(k.replace("-", "")))), "month"
    return ResolvedDate(value, gran, "explicit", reason=f"the {s.name}, {s.start.isoformat()} to {s.end.isoformat()}",
                        text=ref.text if ref else None, end=s.end.isoformat())
