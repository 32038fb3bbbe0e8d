"""What a contact report adds: duration, attributed sources, topics."""
from __future__ import annotations

import re


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}
_DURATION = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty(?:-five)?|fifty|sixty|ninety)"
    r"(?P<half> and a half)?[- ](?P<unit>minutes?|mins?|hours?|hrs?)\b(?P<long>[- ]long)?",
    re.IGNORECASE,
)
_HOUR_AND_HALF = re.compile(r"\b(?:an|one) hour and a half\b|\bone and a half hours?\b|\b1\.5 hours?\b", re.I)
_HALF_HOUR = re.compile(r"\bhalf an hour\b|\bhalf-hour\b", re.I)

_SOURCE_PATTERNS = [
    re.compile(r"\baccording to (?:the |a |an )?(?P<src>[A-Z][\w.&'’-]*(?: (?:of |for |the )?[A-Z][\w.&'’-]*){0,5})"),
    re.compile(r"\bper (?:the |a |an )?(?P<src>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}) (?:readout|statement|release)"),
    re.compile(r"\b(?:the |a |an )(?P<src>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}) (?:readout|statement|press release|communiqu[eé])"),
    re.compile(r"\b(?:the )?(?P<src>Kremlin|White House|Élysée|Elysee|Downing Street|State Department|Pentagon|Foreign Ministry|Xinhua|Reuters|AP|AFP|Axios|Bloomberg|Yonhap|Kyodo|TASS|Tass|Anadolu|WAM|SPA|IRNA|KCNA|Saudi Press Agency)\b(?= (?:said|says|reported|reports|added|announced|stated|confirmed|noted))"),
]
_SOURCE_STOP = {"The", "A", "An", "He", "She", "It", "They", "This", "That", "We", "I", "In", "On", "At"}

_TOPIC = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|talked about|spoke about|focused on|exchanged views on|reviewed|touched (?:up)?on|"
    r"agreed on|on (?:ways to|the issue of|issues of))\s+(?P<topic>[^.;:!?]{3,200})",
    re.I,
)
_TOPIC_SPLIT = re.compile(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+")
# Where what was discussed ends: the attribution ("..., the readout said", "per a White House
# readout", "tweeted Ramaphosa"), a time or a new clause.
_TOPIC_END = re.compile(
    r",?\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:readout|statement|spokes\w+|office|ministry|presidency)\s+"
    r"(?:said|added|says|noted)|per\s+(?:the|a|an)\b|according to\b|(?:[A-Z][\w.]*\s+){1,3}(?:said|added|says|noted)\b"
    r"|(?:said|tweeted|added|wrote)\s+[A-Z]|which\b|who\b|during which\b|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\bin (?:a|an|their|the) (?:call|conversation|meeting|talks)\b)"
)
_NOT_TOPICS = frozenset("per leaders officials others sides counterparts parties president minister".split())
_TOPIC_LEAD = re.compile(r"^(?:including|such as|notably|in particular|namely|also|both|the|a|an|their|its|his|her)\s+", re.I)


def _refers_back(text: str, mtype: str) -> bool:
    """Does a sentence without people continue the last mention ("The call lasted...")?"""
    nouns = r"call|conversation|talks?|meeting|visit|discussion|readout|phone call"
    return re.search(rf"\b(?:the|their|this|that) (?:{nouns})\b", text, re.I) is not None


def _duration(text: str) -> int | None:
    if _HOUR_AND_HALF.search(text):
        return 90
    if _HALF_HOUR.search(text):
        return 30
    m = _DURATION.search(text)
    if not m:
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    if n is None:
        return None
    minutes = n * (60 if m.group("unit").lower().startswith("h") else 1)
    if m.group("half"):
        minutes += 30 if m.group("unit").lower().startswith("h") else 0
    return minutes if 0 < minutes <= 24 * 60 else None


def _sources(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for pattern in _SOURCE_PATTERNS:
        for m in pattern.finditer(text):
            src = m.group("src").strip(" .,'’")
            words = src.split()
            while words and words[0] in _SOURCE_STOP:
                words.pop(0)
            src = " ".join(words)
            if src and src not in found:
                found.append(src)
    return tuple(found)


def _topics(text: str) -> tuple[str, ...]:
    m = _TOPIC.search(text)
    if not m:
        return ()
    topic = m.group("topic")
    end = _TOPIC_END.search(topic)
    if end:
        topic = topic[:end.start()]
    out = []
    for part in _TOPIC_SPLIT.split(topic):
        part = part.strip(" \"'“”‘’()").rstrip(",")
        while _TOPIC_LEAD.match(part):
            part = _TOPIC_LEAD.sub("", part, count=1)
        words = part.split()
        if not words or len(part) < 3 or len(part) > 60 or len(words) > 7:
            continue
        if words[-1].lower() in ("of", "in", "on", "for", "to", "the", "a", "with", "between"):
            continue  # a phrase cut short
        if len(words) == 1 and part.islower() and part in _NOT_TOPICS:
            continue
        out.append(part)
        if len(out) == 5:
            break
    return tuple(out)


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))
