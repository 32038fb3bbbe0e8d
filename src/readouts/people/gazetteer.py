"""The gazetteer at run time: scanning sentences for names and titles, and resolving
them to office-holders on a date.

Everything is precomputed at load: alias keys (folded token tuples) map to person
ids, title phrases to (role, country). ``scan`` tokenises a sentence once and looks
up token n-grams in dicts; ``resolve`` scans its input and picks the person by the
offices held on the date, the document's country and the people already mentioned.
"""
from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError
from ..records import Office, Person
from .normalize import _TOKEN, Tokens, fold, name_key, phrase_key, strip_accents
from .titles import (
    BODIES,
    BODY_HEADS,
    BODY_ROLE_OVERRIDES,
    EXTRA_BODY_HEADS,
    HONORIFICS,
    LEADER_ROLES,
    ROLE_LABELS,
    ROLE_PHRASES,
    ROYAL_HONORIFICS,
    TITLE_PLACES,
)

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json.gz"

# Alias kinds, strongest first.
FULL, SURNAME, WEAK, ROYAL, SURNAME_FIRST, SHORT_ALIAS = 0, 1, 2, 3, 4, 5
_SENTENCE_PUNCT = frozenset(['.', '!', '?', ':', ';', '"', '“', '”', '(', '—', '–', '-', "'", '‘', '|', '•'])


@dataclass(frozen=True, slots=True)
class NameHit:
    """One person or title mention in a sentence: ``text[start:end]``.

    ``kind`` is "name" (a person's name, surname or alias) or "title" (an office
    phrase with no name). For names, ``person_ids`` lists every person the alias
    can denote (the resolver picks by date; empty for a capitalised name right after
    a title that the gazetteer does not know). ``country`` and ``role`` describe the
    title: of a title hit, or of the title directly before a name ("Israeli Prime
    Minister Benjamin Netanyahu" is one name hit with role head_of_government and
    country ISR); ``title`` is that title as written.
    """

    start: int
    end: int
    text: str
    kind: str
    person_ids: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What the document tells about who is meant.

    ``country``: the document's home country (a readout of Japan's MOFA: "JPN"), used
    for titles without a country and to break ties. ``recent``: person ids already
    mentioned in the document, most recent last.
    """

    country: str | None = None
    recent: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer for one name or title on one date.

    ``status`` is "resolved" (``person`` set; ``office`` is the office held on the
    date, or None with ``reason`` "no office on date"), "ambiguous" (``candidates``
    lists the possible people) or "unknown".
    """

    status: str
    person: Person | None = None
    office: Office | None = None
    level: str | None = None
    candidates: tuple["Resolution", ...] = ()
    reason: str | None = None

    def to_json(self) -> dict:
        """The DESIGN.md shape: status, name, id, country, office, level, candidates."""
        p, o = self.person, self.office
        return {
            "status": self.status,
            "name": p.name if p else None,
            "id": p.id if p else None,
            "country": (o.country if o else p.country) if p else None,
            "office": ROLE_LABELS.get(o.role, o.role.replace("_", " ")) if o else None,
            "title": o.title if o else None,
            "level": self.level,
            "candidates": [c.to_json() for c in self.candidates],
            "reason": self.reason,
        }


@functools.lru_cache(maxsize=8192)
def _day_range_str(s: str) -> tuple[dt.date, dt.date]:
    return _parse_day_range(s)


def _day_range(on) -> tuple[dt.date, dt.date] | None:
    if isinstance(on, str):
        return _day_range_str(on)
    return _parse_day_range(on)


def _parse_day_range(on) -> tuple[dt.date, dt.date] | None:
    """A date, datetime or ISO string ("2024-01-19", "2024-01", "2024") -> (first, last) day."""
    if on is None:
        return None
    if isinstance(on, dt.datetime):
        d = on.date()
        return d, d
    if isinstance(on, dt.date):
        return on, on
    s = str(on).strip()
    try:
        if len(s) == 4:
            y = int(s)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if len(s) == 7:
            y, m = int(s[:4]), int(s[5:7])
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        d = dt.date.fromisoformat(s[:10])
        return d, d
    except ValueError as exc:
        raise ValueError(f"not an ISO date: {on!r}") from exc


def _overlaps(o: Office, rng: tuple[dt.date, dt.date] | None) -> bool:
    if rng is None:
        return True
    lo, hi = rng
    if o.start is not None and hi < o.start:
        return False
    if o.end is not None and lo > o.end:
        return False
    return True


class Gazetteer:
    """People, offices, countries and places, with fast scanning and resolution."""

    def __init__(self, data: dict, version: str, path: str | None = None):
        self.version = version
        self._path = path
        self.report = data.get("report", {})
        self._leader_roles: dict[str, str] = data.get("leader_roles", {})
        self._people: dict[str, Person] = {}
        self._name_source: dict[str, str] = {}
        names: dict[tuple, dict[str, int]] = {}
        common = frozenset(data.get("common_words", ()))
        self._common = common

        def add(key: tuple, pid: str, kind: int) -> None:
            if not key:
                return
            if kind in (SURNAME, SURNAME_FIRST) and len(key) == 1 and key[0] in common:
                kind = WEAK
            slot = names.setdefault(key, {})
            if kind < slot.get(pid, 99):
                slot[pid] = kind

        for rec in data["people"]:
            offices = tuple(
                Office(role=o[0], country=o[1], title=o[2],
                       start=dt.date.fromisoformat(o[3]) if o[3] else None,
                       end=dt.date.fromisoformat(o[4]) if o[4] else None, source=o[5])
                for o in rec["offices"]
            )
            pid = rec["id"]
            person = Person(id=pid, name=rec["name"], country=rec["country"],
                            aliases=tuple(rec["aliases"]), offices=offices)
            self._people[pid] = person
            self._name_source[pid] = rec.get("name_source", "")
        whole = {pid: name_key(p.name) for pid, p in self._people.items()}
        for key, pid, kind in data["names"]:
            k = tuple(key.split(" "))
            if kind == FULL and len(k) == 1 and whole.get(pid) != k:
                kind = SHORT_ALIAS  # "Lula", "Bibi", "Jean": not when a capitalised word follows
            add(k, pid, kind)
        # Do not let a name key shadow a title or country word ("President", "Israel").
        self._countries: dict[tuple, str] = {}
        self._country_names: dict[str, str] = {}
        for iso, name, aliases in data["countries"]:
            self._country_names[iso] = name
            for n in [name, *aliases, iso if len(iso) == 3 else None]:
                if n:
                    self._countries[phrase_key(n)] = iso
        # Possessive and bare forms of the name also act as modifiers ("Japan's").
        self._places: dict[tuple, str] = {phrase_key(p): iso for p, iso in data["places"]}
        for p, iso in TITLE_PLACES.items():
            self._places.setdefault(phrase_key(p), iso)
        self._roles: dict[tuple, tuple[str, str | None]] = {phrase_key(k): v for k, v in ROLE_PHRASES.items()}
        self._bodies: dict[tuple, tuple[str, str]] = {phrase_key(k): v for k, v in BODIES.items()}
        self._body_heads: frozenset = frozenset(phrase_key(h) for h in BODY_HEADS | EXTRA_BODY_HEADS)
        self._body_overrides = {(phrase_key(b), phrase_key(h)): v for (b, h), v in BODY_ROLE_OVERRIDES.items()}
        self._honorifics = frozenset(fold(h) for h in HONORIFICS)
        self._royal_hon = frozenset(fold(h) for h in ROYAL_HONORIFICS)
        blocked = set(self._countries) | set(self._roles) | set(self._bodies)
        for key in list(names):
            if key in blocked or (len(key) == 1 and (key[0] in self._honorifics or key[0] in {"the", "of"})):
                del names[key]
        self._names: dict[tuple, tuple[tuple[str, int], ...]] = {
            k: tuple(sorted(v.items())) for k, v in names.items()
        }
        self._name_first: dict[str, int] = {}
        for k in self._names:
            if len(k) > self._name_first.get(k[0], 0):
                self._name_first[k[0]] = len(k)
        self._phrase_max = max(len(k) for k in [*self._countries, *self._places, *self._roles, *self._bodies])
        self._body_head_table = {k: k for k in self._body_heads}
        # Every prefix of every phrase, so a lookup stops at the first token that cannot extend one.
        self._prefixes: dict[int, frozenset] = {}
        for table in (self._countries, self._places, self._roles, self._bodies, self._body_head_table):
            self._prefixes[id(table)] = frozenset(k[:i] for k in table for i in range(1, len(k) + 1))
        self._title_first = frozenset(
            k[0] for table in (self._countries, self._places, self._roles, self._bodies, self._body_head_table)
            for k in table
        ) | self._honorifics | {"the"}
        self._holders_index: dict[tuple[str, str], list[tuple[Office, Person]]] = {}
        for person in self._people.values():
            for o in person.offices:
                self._holders_index.setdefault((o.role, o.country), []).append((o, person))

    def __reduce__(self):
        # Workers (process pools, Spark) reload the packaged file instead of
        # receiving the whole index by pickle: loading takes about 0.1 s.
        return (load_gazetteer, (self._path,))

    # ------------------------------------------------------------------ lookups
    def person(self, pid: str) -> Person:
        """The person with id ``pid`` (QID or local:<slug>); KeyError if unknown."""
        return self._people[pid]

    def people(self) -> list[Person]:
        """Every person of the gazetteer."""
        return list(self._people.values())

    def name_source(self, pid: str) -> str:
        """Where the canonical name of ``pid`` comes from: curated | english-label | visits |
        raw-label | raw-label-portuguese (see docs/data.md)."""
        return self._name_source.get(pid, "")

    def __len__(self) -> int:
        return len(self._people)

    def offices_on(self, pid: str, on) -> tuple[Office, ...]:
        """The offices ``pid`` held on ``on`` (any overlap with a month or year)."""
        rng = _day_range(on)
        return tuple(o for o in self.person(pid).offices if _overlaps(o, rng))

    def level(self, pid: str, on) -> str:
        """'leader' if ``pid`` was head of state or government on ``on``, else 'official'."""
        return "leader" if any(o.role in LEADER_ROLES for o in self.offices_on(pid, on)) else "official"

    def holders(self, role: str, country: str | None, on) -> list[Person]:
        """Who held ``role`` in ``country`` on ``on``, the latest to take office first."""
        return [p for _, p in self._holders(role, country, _day_range(on))]

    def _holders(self, role, country, rng) -> list[tuple[Office, Person]]:
        rows = self._holders_index.get((role, country), [])
        hit = [(o, p) for o, p in rows if _overlaps(o, rng)]
        hit.sort(key=lambda op: (op[0].start or dt.date.min), reverse=True)
        seen, out = set(), []
        for o, p in hit:
            if p.id not in seen:
                seen.add(p.id)
                out.append((o, p))
        return out

    def surname_of(self, word: str) -> tuple[str, ...]:
        """The ids of the people ``word`` alone may name by their family name ("Moon", "Kim"),
        whether or not it is also a common word."""
        key = (word.lower(),) if word.isascii() and word.isalpha() else phrase_key(word)
        entry = self._names.get(key) or ()
        return tuple(pid for pid, kind in entry if kind in (SURNAME, WEAK, SURNAME_FIRST))

    def country_code(self, text: str) -> str | None:
        """ISO3 (or body code) of a country name or adjective: "Israeli" -> "ISR", "U.S." -> "USA"."""
        key = phrase_key(text)
        if key and key[-1] == "'s":
            key = key[:-1]
        if key and key[0] == "the":
            key = key[1:]
        return self._countries.get(key)

    def country_name(self, iso3: str) -> str:
        """English short name of an ISO3 code ("ARE" -> "United Arab Emirates"); KeyError if unknown."""
        return self._country_names[iso3]

    def place_country(self, text: str) -> str | None:
        """ISO3 of a capital, city or venue ("Sochi" -> "RUS", "Mar-a-Lago" -> "USA")."""
        key = phrase_key(text)
        if key and key[0] == "the" and key not in self._places:
            key = key[1:]
        iso = self._places.get(key)
        if iso is None:
            iso = self._countries.get(key)
        return iso

    # ------------------------------------------------------------------ scanning
    def scan(self, text: str) -> list[NameHit]:
        """Every person and title mention in ``text``: longest match, non-overlapping, in order."""
        if not self._may_name(text):
            return []  # most sentences of a stream name nobody: no tokens built for them
        return self._scan_tokens(Tokens(text), False)

    def _screen_keys(self) -> tuple[frozenset, frozenset, frozenset]:
        """The token keys a mention can start with (a capitalised one), those that can
        follow a "the" that starts one, and the second keys of names that begin with "the"."""
        keys = self.__dict__.get("_screen")
        if keys is None:
            tables = (self._countries, self._places, self._roles, self._bodies, self._body_head_table)
            starts = (self._title_first | {k for k, v in self._name_first.items() if v}) - {"the"}
            after_the = frozenset(k[0] for table in tables for k in table)
            the_names = frozenset(k[1] for k in self._names if len(k) > 1 and k[0] == "the")
            keys = self.__dict__["_screen"] = (frozenset(starts), after_the, the_names)
        return keys

    def _may_name(self, text: str) -> bool:
        """False only when ``_scan_tokens(Tokens(text))`` is sure to find nothing.

        A hit starts at a token the scan tries: a capitalised word or abbreviation whose key
        starts a title or a name, or "the". A title after "the" goes on with a key that
        starts a country, place, role, body or head of body; a name that begins with "the"
        has its second key among ``the_names``. This reads the same tokens as ``Tokens``
        (the same pattern, the same keys), without building them. As a superset, a word
        right after a hyphen counts as capitalised ("Jong-un" takes the capital of "Jong"),
        and a "the" followed by a hyphen still looks at the word after it.
        """
        starts, after_the, the_names = self._screen_keys()
        the = False
        hyphen = False
        for abbr, word, poss, punct in _TOKEN.findall(text):
            if word:
                key = fold(word)
                if key in starts and (hyphen or word[:1].isupper()):
                    return True
            elif abbr:
                key = strip_accents(abbr).replace(".", "")
                if key in starts and (hyphen or abbr[:1].isupper()):
                    return True
            elif poss:
                key = "'s"
            else:
                key = punct
            if (the and key in after_the) or key in the_names:
                return True
            hyphen = punct in ("-", "‐", "‑")
            the = key == "the" or (the and hyphen)
        return False

    def _scan_tokens(self, t: Tokens, standalone: bool) -> list[NameHit]:
        keys, caps, kinds = t.keys, t.caps, t.kinds
        n = len(keys)
        hits: list[NameHit] = []
        i = 0
        while i < n:
            if kinds[i] == "." or not (caps[i] or keys[i] == "the"):
                i += 1
                continue
            title = self._match_title(t, i)
            if title is not None:
                tend, country, role, honorific, explicit = title
                name = self._match_name(t, tend, True, self._royal_after(t, i, tend), standalone)
                # A name after a bare title keeps the title's role but not its default country
                # ("Foreign Secretary Luis Videgaray" is Mexico's, not Britain's).
                name_country = country if explicit else None
                if name is not None:
                    nend, ids = name
                    hits.append(self._hit(t, tend, nend, "name", ids, name_country, role,
                                          t.text[t.starts[i]:t.ends[tend - 1]]))
                    i = nend
                    continue
                unknown_end = self._unknown_name(t, tend)
                if unknown_end is not None:
                    # A longer form of a known name: "Prime Minister Kjell Stefan Löfven",
                    # "Foreign Minister Retno Lestari Priansari Marsudi": the run ends in one.
                    ids: tuple = ()
                    for k in range(tend + 1, unknown_end):
                        inner = self._match_name(t, k, True, False, standalone)
                        if inner is not None and inner[0] == unknown_end:
                            ids = inner[1]
                            if unknown_end - k == 1:
                                # A surname alone: only people whose given name is in the run
                                # ("Retno Lestari Priansari Marsudi"; not Juan Carlos Holguín
                                # for "Maria Angela Holguin").
                                run = set(t.keys[tend:unknown_end])
                                ids = tuple(p for p in ids if name_key(self._people[p].name)[:1]
                                            and name_key(self._people[p].name)[0] in run)
                            break
                    hits.append(self._hit(t, tend, unknown_end, "name", ids, name_country, role,
                                          t.text[t.starts[i]:t.ends[tend - 1]]))
                    i = unknown_end
                    continue
                if not honorific:
                    hits.append(self._hit(t, i, tend, "title", (), country, role, None))
                i = tend
                continue
            name = self._match_name(t, i, False, False, standalone)
            if name is not None:
                nend, ids = name
                hits.append(self._hit(t, i, nend, "name", ids, None, None, None))
                i = nend
                continue
            i += 1
        return hits

    def _hit(self, t: Tokens, i: int, j: int, kind, ids, country, role, title) -> NameHit:
        # A name followed by "Jr."/"Sr." takes it into the span.
        if kind == "name" and j < len(t.keys) and t.keys[j] in ("jr", "sr"):
            j += 1
        s, e = t.starts[i], t.ends[j - 1]
        return NameHit(s, e, t.text[s:e], kind, tuple(ids), country, role, title)

    def _royal_after(self, t: Tokens, i: int, tend: int) -> bool:
        return any(t.keys[k] in self._royal_hon for k in range(i, tend))

    def _match_name(self, t: Tokens, i: int, after_title: bool, royal: bool, standalone: bool = False):
        """Longest alias starting at token i: (end, ids) or None. Initials are skipped."""
        keys, caps, kinds = t.keys, t.caps, t.kinds
        n = len(keys)
        if i >= n or kinds[i] not in ("w", "a") or not caps[i]:
            return None
        maxlen = self._name_first.get(keys[i])
        if not maxlen:
            return None
        # Collect up to maxlen word tokens, skipping initials ("Joseph R. Biden").
        seq: list[str] = []
        ends: list[int] = []
        j = i
        while j < n and len(seq) < maxlen:
            kind = kinds[j]
            if kind == "i" and seq:
                j += 1
                continue
            if kind not in ("w", "a"):
                break
            # Every word of a name is capitalised, except particles ("bin", "von der", "da").
            if not caps[j] and keys[j] not in _LOWER_PARTICLES:
                break
            seq.append(keys[j])
            ends.append(j + 1)
            j += 1
        for length in range(len(seq), 0, -1):
            entry = self._names.get(tuple(seq[:length]))
            if entry is None:
                continue
            end = ends[length - 1]
            if keys[end - 1] in _LOWER_PARTICLES and not caps[end - 1]:
                continue
            if end < n and t.joined[end]:
                continue  # "Pierre" of "Pierre-Louis" is not a name on its own
            ids = self._admit(t, i, end, entry, after_title or standalone, royal)
            if ids:
                return end, ids
        return None

    def _admit(self, t: Tokens, i: int, end: int, entry, after_title: bool, royal: bool) -> tuple[str, ...]:
        """The person ids of an alias match that the context lets through."""
        ids = []
        at_start = i == 0 or t.kinds[i - 1] == "." and t.keys[i - 1] in _SENTENCE_PUNCT
        followed_by_cap = end < len(t.keys) and t.caps[end] and t.kinds[end] == "w"
        # A surname or short alias right before a capitalised word that starts no known
        # name or title is most likely someone else's given name ("Francis Fukuyama"),
        # except in Title Case headlines.
        before_unknown = (followed_by_cap and t.keys[end] not in self._name_first
                          and t.keys[end] not in self._title_first and t.keys[end] not in _CALENDAR
                          and not _title_case(t))
        all_caps = t.text[t.starts[i]:t.ends[end - 1]].isupper() and end - i == 1
        for pid, kind in entry:
            if kind == ROYAL and not royal:
                continue
            if kind == SURNAME_FIRST and followed_by_cap:
                continue  # "Han Duck-soo" is not Han Zheng: the family name comes first
            if kind in (SURNAME, WEAK, SHORT_ALIAS) and before_unknown and (not after_title or end - i == 1):
                # "Francis Fukuyama" is not Pope Francis; and after a title, "President Petro
                # Porochenko" is a misspelt or unknown full name, not Gustavo Petro.
                continue
            if kind == WEAK and not after_title:
                if at_start or followed_by_cap or all_caps:
                    continue
            if kind in (SURNAME, WEAK, SURNAME_FIRST) and all_caps and len(t.raw[i]) <= 3 and not after_title:
                continue  # "AN", "MA" in headlines and acronyms
            ids.append(pid)
        return tuple(ids)

    def _unknown_name(self, t: Tokens, i: int) -> int | None:
        """End of a run of capitalised words right after a title (a name the data lacks)."""
        n = len(t.keys)
        if i >= n or t.keys[i] in self._title_first:
            return None  # "Mr. Secretary-General", "Mr. President": a title, not a name
        j = i
        while j < n and t.kinds[j] in ("w", "i") and (t.caps[j] or (j > i and t.keys[j] in _LOWER_PARTICLES)):
            if (t.keys[j],) in self._roles or (t.keys[j],) in self._countries:
                break
            j += 1
            if j - i >= 4:
                break
        while j > i and t.keys[j - 1] in _LOWER_PARTICLES:
            j -= 1
        return j if j > i else None

    def _longest(self, table: dict, t: Tokens, i: int, maxlen: int | None = None):
        """Longest phrase of ``table`` starting at token i: (end, value) or None."""
        keys, kinds = t.keys, t.kinds
        n = len(keys)
        maxlen = maxlen or self._phrase_max
        prefixes = self._prefixes[id(table)]
        seq: tuple = ()
        j = i
        best = None
        while j < n and len(seq) < maxlen and kinds[j] != ".":
            seq = seq + (keys[j],)
            if seq not in prefixes:
                break
            j += 1
            v = table.get(seq)
            if v is not None:
                best = (j, v)
        return best

    def _match_title(self, t: Tokens, i: int):
        """A title phrase at token i: (end, country, role, honorific_only, country_explicit) or None."""
        keys, caps = t.keys, t.caps
        if keys[i] not in self._title_first:
            return None
        n = len(keys)
        j = i
        has_the = False
        if keys[j] == "the":
            has_the = True
            j += 1
            if j >= n:
                return None
        # Honorifics ("Mr.", "Sheikh", "His Majesty"), possibly before a role ("His Majesty King").
        if keys[j] in self._honorifics and caps[j] and not has_the:
            k = j
            while k < n and keys[k] in self._honorifics and caps[k]:
                k += 1
            sub = self._match_title(t, k) if k < n and keys[k] != "the" else None
            if sub is not None and sub[0] > k:
                return sub
            if k - j == 2 and keys[j] in ("his", "her") and keys[j + 1] == "majesty":
                # "His Majesty" alone, as "the King": the monarch of the page's country
                return k, None, "head_of_state", False, False
            return k, None, None, True, False
        # BODY HEAD: "UN Secretary-General", "the U.N. chief", "European Commission President".
        body = self._longest(self._bodies, t, j)
        if body is not None and caps[j]:
            bend, (org, role) = body
            head = self._longest(self._body_head_table, t, bend, 3)
            if head is not None:
                hend, hkey = head
                org, role = self._body_overrides.get((tuple(keys[j:bend]), hkey), (org, role))
                return hend, org, role, False, True
        # COUNTRY ['s] ROLE: "Israeli Prime Minister", "Japan's prime minister".
        mod = self._longest(self._countries, t, j) if caps[j] else None
        if mod is None and caps[j]:
            mod = self._longest(self._places, t, j)
        if mod is not None:
            mend, iso = mod
            k = mend
            if k < n and keys[k] == "'s":
                k += 1
            role = self._longest(self._roles, t, k)
            if role is not None:
                rend, (rname, _default) = role
                while rend < n and keys[rend] in ("elect", "designate") and t.joined[rend]:
                    rend += 1
                if (keys[mod[0] - 1],) == ("european",) and rname == "head_of_state":
                    return None
                return rend, iso, rname, False, True
            # "European Council President" etc. via a country-like modifier.
            head = self._longest(self._body_head_table, t, k, 3)
            if head is not None:
                ov = self._body_overrides.get((tuple(keys[j:mend]), head[1]))
                if ov is not None:
                    return head[0], ov[0], ov[1], False, True
            return None
        # ROLE [of [the] COUNTRY|PLACE|BODY]: "the Emir of Qatar", "Crown Prince of Abu Dhabi".
        role = self._longest(self._roles, t, j)
        if role is None:
            # HEAD of [the] BODY: "the head of the IMF", "Secretary-General of the United Nations".
            head = self._longest(self._body_head_table, t, j, 3)
            if head is not None and head[0] < n and keys[head[0]] == "of":
                k = head[0] + 1
                if k < n and keys[k] == "the":
                    k += 1
                b = self._longest(self._bodies, t, k)
                if b is not None:
                    return b[0], b[1][0], b[1][1], False, True
            return None
        rend, (rname, default) = role
        if not (has_the or caps[j]):
            return None
        while rend < n and keys[rend] in ("elect", "designate") and t.joined[rend]:
            rend += 1  # "President-elect", "Foreign Secretary-designate": not yet in office
        if rend < n and keys[rend] == "of":
            k = rend + 1
            if k < n and keys[k] == "the":
                k += 1
            if k < n:
                b = self._longest(self._bodies, t, k)
                if b is not None:
                    org, brole = b[1]
                    role_here = brole if rname in ("head_of_state", "secretary_general") else rname
                    return b[0], org, role_here, False, True
                c = self._longest(self._countries, t, k) or self._longest(self._places, t, k)
                if c is None:
                    # "Prime Minister of the Republic of Bulgaria", "King of the Hashemite
                    # Kingdom of Jordan": a state-form phrase before the country's name.
                    m = k
                    while m < n and keys[m] in _STATE_FORM_WORDS:
                        m += 1
                    if m > k and m < n and keys[m] == "of":
                        c = self._longest(self._countries, t, m + 1)
                if c is not None:
                    return c[0], c[1], rname, False, True
        return rend, default, rname, False, False  # a default country ("Secretary of State")

    # ------------------------------------------------------------------ resolving
    def resolve(self, text: str, on=None, context: ResolveContext | None = None) -> Resolution:
        """Resolve a name or title ("Netanyahu", "the Israeli prime minister", "Q43723")."""
        return self._resolve_cached(text, on if on is None or isinstance(on, str) else on.isoformat(), context)

    @functools.lru_cache(maxsize=65536)
    def _resolve_cached(self, text: str, on, context) -> Resolution:
        return self._resolve(text, on, context)

    def _resolve(self, text: str, on, context: ResolveContext | None) -> Resolution:
        rng = _day_range(on)
        text = text.strip()
        if text in self._people:
            return self._resolved(self._people[text], rng, None, None)
        hits = self._scan_tokens(Tokens(text), True)
        if not hits:
            return Resolution("unknown", reason="no known name or title")
        # Prefer a name hit; among names, the longest.
        names = [h for h in hits if h.kind == "name" and h.person_ids]
        if names:
            h = max(names, key=lambda h: h.end - h.start)
            return self.resolve_hit(h, on=rng, context=context)
        titles = [h for h in hits if h.kind == "title"]
        if titles:
            return self.resolve_hit(titles[0], on=rng, context=context)
        return Resolution("unknown", reason="name not in the gazetteer")

    def resolve_hit(self, hit: NameHit, on=None, context: ResolveContext | None = None) -> Resolution:
        """Resolve one scan hit on a date (the extraction calls this for each hit)."""
        rng = on if isinstance(on, tuple) or on is None else _day_range(on)
        ctx = context or ResolveContext()
        if hit.kind == "title":
            president = hit.role == "head_of_state" and "pres" in hit.text.lower()
            country = hit.country or ctx.country
            if hit.role == "secretary_general" and country not in ("UN", "NATO"):
                country = "UN"  # "the Secretary-General" alone: the UN's, unless the document is NATO's
            return self._resolve_title(hit.role, country, rng, ctx, president)
        if not hit.person_ids:
            return Resolution("unknown", reason="name not in the gazetteer")
        people = [self._people[p] for p in hit.person_ids]
        loose = hit.role == "head_of_state" and (hit.title or "").lower().split()[-1:] in (["president"], ["pres."])
        if hit.country and len(hit.text.split()) == 1 and not any(
                o.country == hit.country for p in people for o in p.offices):
            # "Iranian Foreign Minister Mohammad": nobody of that name ever held office there;
            # the person is one the gazetteer lacks, not one of the namesakes elsewhere.
            return Resolution("unknown", reason=f"no {hit.text} known in an office of {hit.country}")
        word = (hit.title or "").lower().replace("-", " ").split()[-1:] if hit.title else []
        return self._pick(people, rng, ctx, hit.role, hit.country, loose, word[0] if word else None)

    def _resolve_title(self, role, country, rng, ctx, president: bool = False) -> Resolution:
        if role is None:
            return Resolution("unknown", reason="no office in the phrase")
        if country is None:
            return Resolution("unknown", reason="title without a country and no document country")
        if role == "leader":
            # "The Israeli leader": the head of government or of state; one person when
            # one holds both (or only one is known), else the recent mentions decide.
            usual = self._leader_roles.get(country)
            rows = self._holders(usual, country, rng) if usual else []
            if not rows and usual is None:
                # No REIGN record: the head of state when that office is a presidency or a
                # ruling monarchy ("the Emirati leader", "the French leader").
                rows = [(o, p) for o, p in self._holders("head_of_state", country, rng)
                        if _RULING_TITLE.search(o.title or "")]
            if not rows:
                rows = self._holders("head_of_state", country, rng) + self._holders("head_of_government", country, rng)
            seen: set[str] = set()
            rows = [(o, p) for o, p in rows if not (p.id in seen or seen.add(p.id))]
        else:
            rows = self._holders(role, country, rng)
        if not rows and role == "supreme_leader":
            # Wikidata records the supreme leaders of Iran and North Korea as heads of state.
            rows = [(o, p) for o, p in self._holders("head_of_state", country, rng)
                    if "supreme leader" in (o.title or "").lower()]
        if president:
            # "The Iranian president" is the head of government where the president is
            # not the head of state: pick the holder whose office is called president.
            both = rows + self._holders("head_of_government", country, rng)
            titled = [(o, p) for o, p in both if "president" in (o.title or "").lower()]
            if titled:
                seen: set[str] = set()
                rows = [(o, p) for o, p in titled if not (p.id in seen or seen.add(p.id))]
        if not rows:
            return Resolution("unknown", reason=f"no {ROLE_LABELS.get(role, role)} of {country} known on that date")
        if len(rows) == 1:
            o, p = rows[0]
            return self._resolved(p, rng, o, None)
        # A handover inside the period (or on the day): the recent list breaks the tie.
        pick = self._by_recent([p for _, p in rows], ctx)
        if pick is not None:
            o = next(o for o, p in rows if p.id == pick.id)
            return self._resolved(pick, rng, o, None)
        if rng is not None and rng[0] == rng[1]:
            incoming = [(o, p) for o, p in rows if o.start == rng[0]]
            if len(incoming) == 1:
                return self._resolved(incoming[0][1], rng, incoming[0][0], "took office that day")
        cands = tuple(self._resolved(p, rng, o, None) for o, p in rows)
        return Resolution("ambiguous", candidates=cands, reason="several holders in that period")

    def _by_recent(self, people: list[Person], ctx: ResolveContext) -> Person | None:
        if not ctx.recent:
            return None
        ids = {p.id: p for p in people}
        for pid in reversed(ctx.recent):
            if pid in ids:
                return ids[pid]
        return None

    def _pick(self, people: list[Person], rng, ctx: ResolveContext, role, country, loose=False,
              title_word: str | None = None) -> Resolution:
        def fits(o: Office) -> bool:
            # "President X" may be the head of a body or a government; "King X" is a head of state.
            if role == "leader":
                return o.role in LEADER_ROLES and (country is None or o.country == country)
            if role is not None and o.role != role and not (loose and o.role in _PRESIDENT_ROLES):
                return False
            if country is not None and o.country != country:
                return False
            return True

        in_office = []
        for p in people:
            os = [o for o in p.offices if _overlaps(o, rng)]
            if os:
                in_office.append((p, os))
        if (role or country) and in_office:
            fitting = [(p, [o for o in os if fits(o)]) for p, os in in_office]
            fitting = [(p, os) for p, os in fitting if os]
            if fitting:
                in_office = fitting
        if len(in_office) == 1:
            p, os = in_office[0]
            return self._resolved(p, rng, self._main_office(os, role), None, os)
        if len(in_office) > 1 and title_word and title_word not in _HONORIFIC_WORDS:
            # "President Bush": the George W. Bush whose office is called president, not the
            # Cayman premier; "President Kim" in Seoul: Kim Dae-jung, not Kim Jong Il.
            titled = [(p, os) for p, os in in_office if any(title_word in (o.title or "").lower() for o in os)]
            if titled:
                in_office = titled
            if len(in_office) == 1:
                p, os = in_office[0]
                return self._resolved(p, rng, self._main_office(os, role), None, os)
        if len(in_office) > 1:
            cands = [p for p, _ in in_office]
            pick = self._by_recent(cands, ctx)
            if pick is None and ctx.country:
                local = [p for p, os in in_office if any(o.country == ctx.country for o in os)]
                if len(local) == 1:
                    pick = local[0]
            if pick is not None:
                os = next(os for p, os in in_office if p.id == pick.id)
                return self._resolved(pick, rng, self._main_office(os, role), None)
            return Resolution("ambiguous", candidates=tuple(
                self._resolved(p, rng, self._main_office(os, role), None) for p, os in in_office),
                reason="several people with this name held office then")
        # Nobody in office on the date.
        if len(people) == 1:
            return self._resolved(people[0], rng, None, "no office on date" if rng else None)
        pick = self._by_recent(people, ctx)
        if pick is not None:
            return self._resolved(pick, rng, None, "no office on date")
        if rng is None:
            return Resolution("ambiguous", candidates=tuple(self._resolved(p, None, None, None) for p in people),
                              reason="several people with this name; give a date")
        return Resolution("ambiguous", candidates=tuple(self._resolved(p, rng, None, "no office on date") for p in people),
                          reason="several people with this name, none in office on that date")

    @staticmethod
    def _main_office(offices: list[Office], role=None) -> Office:
        if role is not None:
            for o in offices:
                if o.role == role:
                    return o
        if len(offices) == 1:
            return offices[0]
        return min(offices, key=lambda o: (_OFFICE_ORDER.get(o.role, 9), -(o.start or dt.date.min).toordinal()))

    def _resolved(self, p: Person, rng, office: Office | None, reason, held=None) -> Resolution:
        level = None
        if rng is not None:
            if held is None:
                held = [o for o in p.offices if _overlaps(o, rng)]
            if held:
                if office is None:
                    office = self._main_office(held)
                level = "leader" if any(o.role in LEADER_ROLES for o in held) else "official"
            elif office is None and reason is None:
                reason = "no office on date"
        elif office is not None:
            level = "leader" if office.role in LEADER_ROLES else "official"
        return Resolution("resolved", person=p, office=office, level=level, reason=reason)


_HONORIFIC_WORDS = frozenset("mr. mrs. ms. dr. mr mrs ms dr sir dame sheikh shaikh lord lady his her".split())
_STATE_FORM_WORDS = frozenset(
    "republic kingdom state states federal federation islamic people's peoples democratic socialist united "
    "sultanate emirate principality grand duchy commonwealth hashemite arab bolivarian plurinational".split()
)
_RULING_TITLE = re.compile(r"^(President|King|Emir|Sultan|Supreme Leader|Chairman)\b")

_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _title_case(t: Tokens) -> bool:
    """Most words capitalised: a headline in Title Case (or all caps)."""
    words = [c for c, k in zip(t.caps, t.kinds) if k == "w"]
    return len(words) >= 3 and sum(words) >= 0.7 * len(words)


_OFFICE_ORDER = {"head_of_state": 0, "head_of_government": 1, "crown_prince": 2, "vice_president": 3,
                 "secretary_general": 4, "commission_president": 4, "council_president": 4,
                 "foreign_minister": 5, "national_security_adviser": 6}
_PRESIDENT_ROLES = frozenset({"head_of_government", "president", "vice_president", "commission_president",
                              "council_president", "supreme_leader", "secretary_general"})
_LOWER_PARTICLES = frozenset("bin ibn bint al el von van der den de da dos das do del della di la le du ter ten zu af y e".split())


def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The packaged gazetteer (cached per process). ``path`` loads another data file."""
    return _load(str(path) if path else None)


@functools.cache
def _load(path: str | None) -> Gazetteer:
    p = Path(path) if path else DATA_FILE
    try:
        blob = p.read_bytes()
    except FileNotFoundError as exc:
        raise GazetteerError(f"gazetteer data file missing: {p}; run `readouts gazetteer build`") from exc
    digest = hashlib.sha256(blob).hexdigest()
    cache = _cache_file(digest) if path is None else None
    if cache is not None:
        gz = _from_cache(cache, path)
        if gz is not None:
            return gz
    gz = Gazetteer(json.loads(gzip.decompress(blob)), digest[:12], path)
    if cache is not None:
        _to_cache(gz, cache)
    return gz


# The packaged gazetteer's index, once built, is kept in the user's cache folder
# (READOUTS_CACHE_DIR, else the platform's), under a name that digests the data file,
# the code that builds the index and the Python version: a process then unpickles it
# instead of rebuilding it (about half the cost). Set READOUTS_CACHE_DIR to an empty
# string to turn this off. A cache that cannot be read or written is ignored.
_INDEX_CODE = ("gazetteer.py", "normalize.py", "titles.py")


def _cache_file(data_digest: str) -> Path | None:
    import os
    import sys

    folder = os.environ.get("READOUTS_CACHE_DIR")
    if folder == "":
        return None
    try:
        if folder is None:
            import platformdirs

            folder = platformdirs.user_cache_dir("readouts", appauthor=False)
        key = hashlib.sha256(data_digest.encode())
        here = Path(__file__).resolve().parent
        for name in (*_INDEX_CODE, "../records.py"):
            key.update((here / name).read_bytes())
        key.update(sys.version.encode())
    except Exception:
        return None
    return Path(folder) / f"gazetteer-{key.hexdigest()[:16]}.pickle"


def _from_cache(cache: Path, path: str | None) -> Gazetteer | None:
    import pickle

    try:
        state, prefixes = pickle.loads(cache.read_bytes())
    except Exception:  # missing, half-written by another process, or from another layout
        return None
    gz = Gazetteer.__new__(Gazetteer)
    gz.__dict__.update(state)
    gz._path = path
    # the prefix sets are keyed by the identity of the tables they index
    tables = (gz._countries, gz._places, gz._roles, gz._bodies, gz._body_head_table)
    gz._prefixes = {id(table): frozen for table, frozen in zip(tables, prefixes)}
    return gz


def _to_cache(gz: Gazetteer, cache: Path) -> None:
    import os
    import pickle
    import tempfile

    state = dict(gz.__dict__)
    tables = (gz._countries, gz._places, gz._roles, gz._bodies, gz._body_head_table)
    by_table = state.pop("_prefixes")
    prefixes = [by_table[id(table)] for table in tables]
    tmp = None
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=cache.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((state, prefixes), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except Exception:  # a read-only or full disk: the next process builds the index again
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


load_gazetteer.cache_clear = _load.cache_clear  # type: ignore[attr-defined]


def resolve(text: str, on=None, context: ResolveContext | None = None) -> Resolution:
    """Resolve a name or title on a date with the packaged gazetteer."""
    return load_gazetteer().resolve(text, on=on, context=context)
