"""Where a contact took place, and for a visit the host country."""
from __future__ import annotations

import re

from .state import _Ref

# Multilateral settings: talks there are a meeting, even in a participant's country.
# "a bilateral summit", "summit with X", "Summit Meeting" (one leader's talks with another) are not.
_SUMMIT = re.compile(
    r"(?<!bilateral )\b(?:summit|Summit)\b(?! (?:with|meeting|Meeting|talks?|telephone)\b)"
    r"|\b(?:sidelines|on the margins|conference|forum|G7|G-7|G20|G-20|General Assembly|Dialogues?|Davos|BRICS|APEC|CHOGM|COP\d*)\b",
)
_RECEIVER_VERB = re.compile(r"\b(?:welcom(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|host(?:s|ed|ing)?|greet(?:s|ed)?)\b", re.I)
_PLACE = re.compile(
    r"\b(?P<prep>in|at|on|to|from|inside|near|visit(?:ed|s|ing)?|arriv(?:ed|es|ing|e) in|toured?)\s+"
    r"(?P<place>(?:the )?[A-Z][\w'’.-]*(?:[ -](?:of |de |la |al-|el-|the |and )?[A-Z][\w'’.-]*){0,4})"
)


_STATE_FORM = re.compile(
    r"^(?:the )?(?:(?:Federal |Democratic |Islamic |People'?s |Socialist |United |Arab )*"
    r"(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Grand Duchy|Sultanate|Emirate)) of (?:the )?",
    re.I,
)


def _country_of_name(name: str, gazetteer) -> str | None:
    """ "the Republic of Lithuania" -> LTU: the name as written, else without its state form."""
    name = name.strip()
    code = gazetteer.country_code(re.sub(r"^the ", "", name))
    if code is None and _STATE_FORM.match(name):
        code = gazetteer.country_code(_STATE_FORM.sub("", name))
    return code


_PLACE_WORDS = r"(?:the )?[A-Z][\w'’.-]*(?:[ -](?:of |the |and )?[A-Z][\w'’.-]*){0,3}"


# "the U.S.-North Korea summit", "Japan-ROK Summit Meeting", "Russia-Ukraine talks": the
# contact names the countries of its sides.
_COUNTRY_PAIR = re.compile(
    r"(?P<pair>(?:[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})(?:\s?[-–]\s?(?:[A-Z][\w.]*(?: [A-Z][\w.()]*){0,4})){1,3})"
    r"\s+(?:bilateral\s+)?(?:[Ss]ummit|[Tt]alks|[Mm]eeting|[Tt]elephone|[Pp]hone|[Cc]all)"
)


def _named_sides(clause: str, people: list[_Ref], gazetteer) -> list[_Ref]:
    pairs = list(_COUNTRY_PAIR.finditer(clause))
    if len(pairs) != 1:
        return people  # none, or several contacts named in one clause: each has its own sides
    m = pairs[0]
    codes = set()
    for part in re.split(r"\s?[-–]\s?", m.group("pair")):
        part = re.sub(r"\s*\(.*?\)", "", part)
        part = re.sub(r"(?:\s+(?:Summit|Meeting|Talks|Telephone|Phone|Call|Bilateral))+$", "", part, flags=re.I)
        code = gazetteer.country_code(part.strip())
        if code is None:
            return people  # not a pair of countries ("Mar-a-Lago", "co-chaired")
        codes.add(code)
    if len(codes) < 2:
        return people
    return [p for p in people if p.country in codes]


def place_code(name: str, gazetteer) -> str | None:
    """The country of a place phrase: "State House Nairobi" -> KEN, "Al Salam Palace, Jeddah" -> SAU."""
    words = name.replace(",", " ").split()
    for k in range(len(words)):
        part = " ".join(words[k:])
        code = gazetteer.place_country(part) or gazetteer.country_code(part)
        if code is not None:
            return code
    return None


_PASSIVE_RECEIVER = re.compile(r"\b(?:was|were|is|are|being|been)\s+(?:warmly\s+|officially\s+)?(?:welcomed|received|hosted|greeted)\s+by\b", re.I)


_VISITING = re.compile(r"\b(?:the )?visiting\s+(?=[A-Z])")


_AT_SUMMIT = re.compile(r"(?i)\b(?:at|during|on|in|for|attend(?:s|ed|ing)?|to|host of)\s+(?:the\s+|a\s+|this\s+)?(?:[\w.’'-]+\s+){0,5}$")


def _setting_summit(text: str):
    """A summit or conference that is where the contact took place ("on the sidelines of the
    G20", "at the ASEAN summit"), not one it prepares ("groundwork for the first summit")."""
    for m in _SUMMIT.finditer(text):
        if re.match(r"(?i)sidelines|on the margins", m.group()) or _AT_SUMMIT.search(text[max(0, m.start() - 60):m.start()]) \
                or re.match(r"\s+(?:host|venue|city)\b", text[m.end():]):
            if not re.search(r"(?i)\b(?:groundwork|preparations?|prepare|ahead of|run-up)\b", text[max(0, m.start() - 60):m.start()]):
                return m
    return None


_TOPIC_ON = re.compile(r"(?i)\b(?:views|talks|discussions?|cooperation|positions?|focus(?:ed)?|agreements?|"
                       r"consultations|remarks|briefed \w+|statement|comments?|exchange)\s+$")
_CLOCK_BEFORE = re.compile(r"(?i)(?:\d\s?[ap]\.?m\.?|\d:\d\d|\btime)\s+$")
_TITLE_AFTER = re.compile(r"\s+(?:leader|president|prime minister|premier|king|queen|emir|chancellor|"
                          r"foreign minister|minister|counterpart|side|government|delegation|officials?)\b", re.I)


def _place(text: str, people, gazetteer, kind: str, speaker=None) -> tuple[str | None, str | None]:
    """The place of an in-person contact and, for a visit, the host country (ISO3)."""
    if kind != "in-person":
        return None, None
    countries = {p.country for p in people if p.country}
    place = host = None
    for m in _PLACE.finditer(text):
        if _TITLE_AFTER.match(text, m.end()):
            continue  # "a letter from the North Korean leader": a person, not a place
        if _CLOCK_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            continue  # "at noon local time (2:00 p.m. in Lisbon)": a time zone, not the venue
        name = re.sub(r"^the ", "", m.group("place"))
        parts = re.split(r"\s?[-–]\s?", re.sub(r"(?:\s+(?:Summit|Meeting|Talks|Dialogue|Consultations?))+$", "", name))
        if len(parts) > 1 and all(_country_of_name(x, gazetteer) for x in parts):
            continue  # "at the Japan-China-Republic of Korea Summit": the sides, not the place
        if name.endswith(".") and not re.search(r"\b(?:[A-Z]\.)+$", name):
            name = name[:-1]  # the sentence's full stop ("in Panmunjom."), not an abbreviation ("U.S.")
        if m.group("prep") == "on" and _TOPIC_ON.search(text, max(0, m.start() - 30), m.start()) \
                and gazetteer.country_code(name):
            continue  # "exchanged views on North Korea": what they discussed ("talks on Jeju Island": where)
        code = place_code(name, gazetteer)
        if code is None:
            if place is None and m.group("prep") == "at":
                place = name
            continue
        if place is None or (code in countries and host is None):
            place = name
        if code in countries and host is None:
            host = code
    visiting = _VISITING.search(text)
    if host is None and visiting and len(countries) == 2:
        # "met with visiting Australian Prime Minister Albanese": the other side hosts.
        guest = next((p for p in people if p.start >= visiting.end() - 1), None)
        if guest is not None and guest.country:
            host = next(iter(countries - {guest.country}), None)
    summit = _setting_summit(text)
    if summit and host is not None:
        # Talks at a summit or conference are a meeting, even in a participant's country.
        host = None
    if host is None and not summit and len(countries) >= 2:
        passive = _PASSIVE_RECEIVER.search(text)
        recv = _RECEIVER_VERB.search(text)
        if passive:
            # "X was received by Y": Y's country hosts.
            hosts = [p for p in people if p.start > passive.start()]
            if hosts and hosts[0].country:
                host = hosts[0].country
        elif recv:
            # "X welcomed/received/hosted Y": X's country hosts, if X comes before the verb;
            # "I'd like to welcome you": the one speaking.
            hosts = [p for p in people if p.start < recv.start()]
            speaking = re.search(r"\b(?:I|we)\b[^.]{0,25}$", text[:recv.start()])
            if speaking and speaker is not None:
                hosts = [speaker]
            if hosts and hosts[-1].country:
                host = hosts[-1].country
    return place, host
