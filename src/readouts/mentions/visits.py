"""Visits a phrase gives on its own: "his visit to Japan", "the first leader to visit X since Y", one-sided trips."""
from __future__ import annotations

import re

from ..records import Candidate, Mention, ResolvedDate
from .dating import _after_publication, _basis, _date, _postponed, _status
from .details import _sources, _topics
from .people import _as_participants, _holding_office, _level
from .places import _PLACE_WORDS, _SUMMIT, place_code
from .state import _Ref
# "the first Japanese leader to visit Korea ... since Yoshihiko Noda in October 2011":
# the one named after "since" made that visit then.
_PRECEDENT = re.compile(
    r"\bfirst\b[^.;]{0,80}?\bto (?:visit|travel to|set foot in|make (?:a|an) (?:\w+ )?visit to) "
    r"(?P<place>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})[^.;]{0,80}?\bsince\s+"
)


def _precedent(cand: Candidate, refs: list[_Ref], base, publication, gazetteer, rules, version) -> list[Mention]:
    from ..when import find_time_expressions, resolve_time

    m = _PRECEDENT.search(cand.text)
    if not m:
        return []
    who = next((r for r in refs if m.end() <= r.start <= m.end() + 40), None)
    if who is None:
        return []
    after = cand.text[who.start:who.start + 120]
    for expr in find_time_expressions(after):
        res = resolve_time(expr, base, tense="past")
        if res.value is None:
            continue
        code = place_code(re.sub(r"^the ", "", m.group("place")), gazetteer)
        if code is None or code == who.country:
            return []
        date = _basis(res, publication)
        visitor = _holding_office([who], date, gazetteer)[0]
        if not visitor:
            return []
        participants = _as_participants(visitor, gazetteer, date)
        return [Mention(
            doc_id="", type="visit", status="occurred", participants=participants, date=date,
            evidence=cand.text, span=(cand.start, cand.end), host=gazetteer.country_name(code),
            level=_level(participants, gazetteer, date), flags=("precedent",), rules=version,
        )]
    return []


_OWN_VISIT = re.compile(
    r"(?P<who>(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*)[’']s\s+(?:\w+\s+){0,2}(?:[Vv]isit|[Tt]rip|[Tt]our)\b"
    r"(?:\s+to\s+(?P<place>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}))?"
)


_UNDER_WAY = re.compile(r"(?i)\b(?:is|are)\s+(?:\w+\s+)?(?:en route|on (?:his|her|their) way|travell?ing|heading|flying)\s+to\b")


def _within(triggers, match: re.Match) -> list:
    """The contact words inside a matched phrase: its own status and date come from them."""
    return [t for t in triggers if match.start() <= t[0] < match.end()]


_PRONOUN_VISIT = re.compile(
    r"\b(?:his|her)\s+(?:\w+\s+)?(?:visit|trip)s?\s+to\s+(?P<place>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})"
)
_NOMINAL_VISIT = re.compile(
    r"\b(?:the|a|his|her|last|recent|first|second|latest)\s+(?:\w+\s+)?(?:[Vv]isit|[Tt]rip)\s+"
    r"(?:to (?P<place>" + _PLACE_WORDS + r")\s+by\s+(?P<who>(?:[A-Z][\w'’.-]*\s*){1,5})"
    r"|(?:of|by)\s+(?P<who2>(?:[A-Z][\w'’.-]*\s*){1,5}?)\s*to\s+(?P<place2>" + _PLACE_WORDS + r"))"
)


_RECEIVER = re.compile(r"(?i)^(?:welcom|receiv|host|greet)")
_RECEIVED_WHOM = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:you|him|her|them|us|the (?:delegation|guests?|visitors?|leaders?|president|prime minister|king|emir|minister))\b",
    re.I,
)


def _receives_nobody(text: str, trigger, people: list[_Ref]) -> bool:
    """A welcome or a reception with no one received ("the presents, which we have received")."""
    start, end, medium, word = trigger
    if medium != "visit" or not _RECEIVER.match(word):
        return False
    if any(end <= p.start <= end + 60 for p in people) or any(p.start < start for p in people
                                                             if re.search(r"\b(?:was|were|is|are|been|being)\s*$", text[:start])):
        return False
    if re.search(r"\b(?:by|from)\b", text[end:end + 30]) and any(p.start > end for p in people):
        return False
    return not _RECEIVED_WHOM.match(text[end:end + 60])


def _solo_visit(cand: Candidate, people, triggers, base, publication, gazetteer, rules, version, duration):
    """A visit whose host officials go unnamed: the visitor alone, and where they went."""
    if len(people) != 1 or not any(t[2] == "visit" for t in triggers):
        return []
    if rules.cancelled.search(cand.text) or _SUMMIT.search(cand.text):
        return []  # travelling to a summit is not a visit to its host
    m = _DESTINATIONS.search(cand.text)
    if not m:
        return []
    # "will visit Buenos Aires, Argentina; Ecuador, Mexico City, San Salvador": one visit
    # per country named.
    out, seen = [], set()
    for place in re.split(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+", m.group("places")):
        code = place_code(re.sub(r"^the ", "", place.strip()), gazetteer)
        if code is None or code in seen:
            continue
        seen.add(code)
        out += _solo_visit_to(cand, people[0], place, triggers, base, publication, gazetteer, rules, version, duration)
    return out


_DESTINATIONS = re.compile(
    r"\b(?:visits? to|visit(?:s|ed|ing)?|trips? to|travel(?:s|led|ed|ling|ing)?(?: on)? to|arriv(?:e|es|ed|ing)(?: in)?|tour of|fly to|"
    r"flew to|visit (?:of|by) [^,.;]{3,80}? to|heading to|head to|heads to|jetted into|landed in|en route to)\s+"
    r"(?P<places>" + _PLACE_WORDS + r"(?:\s*[,;]\s*(?:and\s+)?" + _PLACE_WORDS + r"|\s+and\s+" + _PLACE_WORDS + r")*)"
)


def _solo_visit_to(cand: Candidate, visitor: _Ref, place: str, triggers, base, publication, gazetteer, rules,
                   version, duration=None) -> list[Mention]:
    if rules.cancelled.search(cand.text):
        return []  # "decided to postpone his visit to Mongolia"
    name = re.sub(r"^the ", "", place).strip()
    code = place_code(name, gazetteer)
    if code is None or code == visitor.country:
        return []
    status = _status(cand.text, triggers, rules) if triggers else "occurred"
    date = _date(cand.text, base, publication, status, triggers) if triggers else \
        ResolvedDate(None, None, "unknown", reason="no contact word")
    status = _after_publication(status, date, base)
    status, date = _postponed(cand.text, status, date, base, rules, publication)
    if status == "planned" and date.value is None and base is not None and _UNDER_WAY.search(cand.text):
        # "is en route to the United States at this very moment": the trip is under way.
        date = ResolvedDate(base.isoformat(), "day", "relative", reason="a trip under way")
    if not _holding_office([visitor], date, gazetteer)[0]:
        return []
    participants = _as_participants([visitor], gazetteer, date)
    return [Mention(
        doc_id="", type="visit", status=status, participants=participants, date=date,
        evidence=cand.text, span=(cand.start, cand.end), duration_minutes=duration,
        location=None if gazetteer.country_code(name) else name, host=gazetteer.country_name(code),
        sources=_sources(cand.text), topics=_topics(cand.text),
        level=_level(participants, gazetteer, date), rules=version,
    )]
