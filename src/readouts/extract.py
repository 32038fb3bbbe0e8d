"""Candidate sentences -> Mentions: the engagement rules (``readouts.rules.v1``).

One pass over the sentences of an article, in order. Each candidate sentence
is read for office-holders (the people layer's scan), contact triggers by
medium (call, in person), status markers, time expressions, durations, places,
attributions and topics. A little document state carries what news prose
leaves implicit: the speaker of a transcript ("I spoke with..."), the subject
of the story ("He met..."), the participants of the last mention ("the two
leaders", "The call lasted...").

The rules state things true of how news is written; they are not tuned to
particular pages. Word lists live in ``data/rules/engagement.toml``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache

from .find import is_candidate, sentences
from .records import Article, Candidate, Mention, Participant, Publication, ResolvedDate
from .rules import load_rules, rules_version

# ---------------------------------------------------------------- compiled rules


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(words) + ")"


@dataclass(frozen=True)
class _Compiled:
    triggers: dict[str, re.Pattern]
    exclude: re.Pattern
    non_engagement: re.Pattern
    planned: re.Pattern
    cancelled: re.Pattern


@cache
def compiled() -> _Compiled:
    r = load_rules()
    flags = re.IGNORECASE
    return _Compiled(
        triggers={m: re.compile(r"\b" + _alternation(ws), flags) for m, ws in r["triggers"].items()},
        exclude=re.compile(r"\b" + _alternation(r["exclude"]["phrases"]), flags),
        non_engagement=re.compile(r"\b" + _alternation(r["exclude"]["non_engagement"]), flags),
        planned=re.compile(r"\b" + _alternation(r["status"]["planned"]), flags),
        cancelled=re.compile(r"\b" + _alternation(r["status"]["cancelled"]), flags),
    )


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

_GROUP_REF = re.compile(
    r"\b(?:the two|both) (?:leaders|presidents|prime ministers|ministers|sides|men|heads of state|counterparts|officials)\b"
    r"|\bthe two\b(?= (?:discussed|spoke|talked|agreed|also|held|met|exchanged|address|reviewed|leaders))"
    r"|\btheir (?:talks|call|conversation|meeting|discussion)\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b|(?:,|\band) (?:he|she) (?:met|spoke|held|visited|called|received|hosted|welcomed|talked)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we)\b(?: (?:also|have|had|just|will|would|already))? (?:spoke|met|had|talked|called|visited|received|hosted|welcomed|meet|speak|talk|call|visit)\b")
_SPEAKER_LINE = re.compile(r"^\s*(?P<name>[A-Z][\w.'’ -]{2,80}?)\s*:\s")

# "...for the first time since Dec. 23", "their first call since March": the words
# right before a "since" expression that make it an earlier contact of the same people.
_BACK_REF_LEAD = re.compile(
    r"\bfirst (?:time|call|conversation|phone call|telephone conversation|talks?|meeting|contact|"
    r"face-to-face meeting|in-person meeting|direct contact)(?: \w+){0,3}\s*$",
    re.IGNORECASE,
)
# "when the two leaders last spoke", "asked whether ... would meet": a question, not a report.
_QUESTION = re.compile(
    r"\b(?:asked|wondered|questioned|unclear|not (?:known|clear|say|disclose))\b[^.]{0,80}?\b(?:when|whether|if|how often|why)\b",
    re.IGNORECASE,
)
# Words around a name that show it is part of a longer name the data lacks
# ("John Kirby", "Hunter Biden") unless they are titles.
_TITLE_WORDS = frozenset(
    """president prime minister chancellor king queen emir sheikh sheik crown prince princess premier
    secretary mr mrs ms dr sir lady general gen. h.e. excellency his her vice deputy foreign defence defense
    sultan amir shah pope chairman chairwoman leader governor senator ambassador envoy counterpart
    state mbs the a of and with to by from for at in on u.s. us uk u.k. u.n. un eu nato""".split()
)

_SUMMIT = re.compile(
    r"\b(?:summit|sidelines|on the margins|conference|forum|G7|G-7|G20|G-20|NATO|ASEAN|General Assembly|Dialogues?|Davos|BRICS|APEC|CHOGM|COP\d*)\b",
)
_RECEIVER_VERB = re.compile(r"\b(?:welcom(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|host(?:s|ed|ing)?|greet(?:s|ed)?)\b", re.I)
_PLACE = re.compile(
    r"\b(?P<prep>in|at|to|from|inside|near|visit(?:ed|s|ing)?|arriv(?:ed|es|ing|e) in|toured?)\s+"
    r"(?P<place>(?:the )?[A-Z][\w'’.-]*(?:[ -](?:of |de |la |al-|el-|the |and )?[A-Z][\w'’.-]*){0,4})"
)
_PAST_VERB = re.compile(
    r"\b(?:met|spoke|held|visited|called|received|hosted|welcomed|talked|arrived|discussed|had|was|were|travelled|traveled|greeted|exchanged)\b",
    re.I,
)

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


# ---------------------------------------------------------------- document state


@dataclass
class _Ref:
    """A person found in the text, resolved on the base date."""

    pid: str
    name: str
    country: str | None
    surface: str
    start: int  # offset in the sentence
    role: str | None = None


@dataclass
class _State:
    subject: _Ref | None = None  # the first person of the story (its protagonist)
    speaker: _Ref | None = None  # the current speaker of a transcript
    last: list[int] = field(default_factory=list)  # indexes of the mentions of the last reporting sentence
    recent: list[str] = field(default_factory=list)  # person ids seen, most recent last
    refs_by_pid: dict[str, _Ref] = field(default_factory=dict)


# ---------------------------------------------------------------- the stage


def extract_mentions(article: Article, publication: Publication, gazetteer) -> list[Mention]:
    """Every engagement mention of the article, in text order."""
    from .when import find_time_expressions, resolve_time  # noqa: F401 (import cost paid once)

    rules = compiled()
    version = f"{rules_version()}+{getattr(gazetteer, 'version', '?')}"
    base = publication.date
    sents = sentences(article)
    state = _State()
    mentions: list[Mention] = []
    for cand in sents:
        refs = _people(cand.text, base, gazetteer, state)
        speaker = _speaker(cand.text, gazetteer, base, state)
        if speaker is not None:
            state.speaker = speaker
        if not is_candidate(cand.text):
            _enrich(cand.text, refs, state, mentions)
            _remember(refs, state)
            continue
        new = _mentions_in(cand, refs, base, publication, gazetteer, state, rules, mentions, version)
        if new:
            # Follow-up sentences add detail to the contacts reported, not to back-references.
            state.last = [len(mentions) + i for i, m in enumerate(new) if not m.flags or "back-reference" not in m.flags]
            mentions.extend(new)
        _remember(refs, state)
    return [replace(m, doc_id=article.doc_id) for m in mentions]


def _enrich(text: str, refs, state: _State, mentions: list[Mention]) -> None:
    """A sentence that continues the last mention ("per a White House readout") adds detail to it."""
    if not state.last or not mentions:
        return
    last = mentions[state.last[0]]
    last_ids = {p.person_id for p in last.participants}
    if refs and not {r.pid for r in refs} <= last_ids:
        return
    if not (refs or _GROUP_REF.search(text) or _refers_back(text, last.type)):
        return
    sources, topics, duration = _sources(text), _topics(text), _duration(text)
    for i in state.last:
        m = mentions[i]
        mentions[i] = replace(m, duration_minutes=m.duration_minutes or duration,
                              sources=_union(m.sources, sources), topics=_union(m.topics, topics))


def _remember(refs: list[_Ref], state: _State) -> None:
    for ref in refs:
        if state.subject is None:
            state.subject = ref
        state.refs_by_pid[ref.pid] = ref
        if ref.pid in state.recent:
            state.recent.remove(ref.pid)
        state.recent.append(ref.pid)


def _part_of_longer_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] glued to a capitalised word that is no title ("John Kirby")?"""
    after = re.match(r"[ \t]+([A-Z][\w'’-]+)", text[end:end + 40])
    if after and after.group(1).lower() not in _TITLE_WORDS and not _is_time_word(after.group(1)):
        return True
    before = re.search(r"([A-Z][\w'’-]+)[ \t]+$", text[max(0, start - 40):start])
    if before and before.group(1).lower().rstrip(".") not in _TITLE_WORDS and before.start() + max(0, start - 40) > 0:
        word = before.group(1)
        if not _is_time_word(word) and not word.endswith(("'s", "’s")) and not _nationality(word):
            return True
    return False


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _is_time_word(word: str) -> bool:
    return word.lower().rstrip(".") in _TIME_WORDS


def _nationality(word: str) -> bool:
    from .people import load_gazetteer

    try:
        return load_gazetteer().country_code(word) is not None
    except Exception:
        return False


def _people(text: str, on: dt.date | None, gazetteer, state: _State) -> list[_Ref]:
    """The office-holders named or titled in a sentence, resolved on a date, deduplicated."""
    from .people import ResolveContext

    refs: list[_Ref] = []
    seen: set[str] = set()
    home = state.subject.country if state.subject is not None else None
    context = ResolveContext(country=home, recent=tuple(state.recent[-8:]))
    for hit in gazetteer.scan(text):
        if hit.kind == "name" and _part_of_longer_name(text, hit.start, hit.end):
            continue
        res = gazetteer.resolve(hit.text, on=on, context=context)
        if res.status != "resolved" and hit.kind == "name" and len(hit.person_ids) == 1:
            # A name the data knows but not in office on the date (a former leader).
            try:
                person = gazetteer.person(hit.person_ids[0])
            except KeyError:
                continue
            ref = _Ref(person.id, person.name, person.country, hit.text, hit.start)
        elif res.status == "resolved" and res.person is not None:
            office = res.office
            country = office.country if office is not None else res.person.country
            ref = _Ref(res.person.id, res.person.name, country, hit.text, hit.start,
                       office.role if office is not None else None)
        elif res.status == "ambiguous" and hit.kind == "name":
            # Prefer someone already in the story.
            ids = [c.person.id for c in res.candidates if c.person is not None]
            known = [pid for pid in reversed(state.recent) if pid in ids]
            if not known:
                continue
            ref = state.refs_by_pid[known[0]]
            ref = replace(ref, surface=hit.text, start=hit.start)
        else:
            continue
        if ref.pid not in seen:
            seen.add(ref.pid)
            refs.append(ref)
    return refs


def _speaker(text: str, gazetteer, on, state: _State) -> _Ref | None:
    """The speaker of a transcript turn ("President of Russia Vladimir Putin: ...")."""
    m = _SPEAKER_LINE.match(text)
    if not m:
        return None
    refs = _people(m.group("name"), on, gazetteer, state)
    return refs[-1] if refs else None


def _mentions_in(cand: Candidate, refs, base, publication, gazetteer, state: _State, rules: _Compiled,
                 earlier: list[Mention], version: str) -> list[Mention]:
    text = cand.text
    excluded = [m.span() for m in rules.exclude.finditer(text)]
    triggers = []
    for medium_name, pattern in rules.triggers.items():
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in excluded):
                continue
            triggers.append((m.start(), m.end(), medium_name, m.group()))
    if not triggers:
        return []
    triggers.sort()

    people = list(refs)
    # Implicit participants: the two leaders of the last mention, the speaker, the story's subject.
    group = _GROUP_REF.search(text)
    if group and state.last and earlier:
        for ref in _participants_of(earlier[state.last[0]], state):
            if all(ref.pid != p.pid for p in people):
                people.append(replace(ref, start=group.start()))
    if state.speaker is not None and _FIRST_PERSON.search(text):
        if all(state.speaker.pid != p.pid for p in people):
            people.insert(0, replace(state.speaker, start=0))
    if _PRONOUN_SUBJECT.search(text) and state.subject is not None:
        if all(state.subject.pid != p.pid for p in people):
            people.insert(0, replace(state.subject, start=0))

    kind = _medium(text, triggers)
    duration = _duration(text)
    sources = _sources(text)
    topics = _topics(text)

    if len({p.country for p in people if p.country}) < 2:
        # Not a contact between governments on its own. It may still add detail to
        # the last mention ("The call lasted about 40 minutes, according to Axios."),
        # or report a one-sided visit ("Pompeo will visit Ecuador").
        if not people and state.last and earlier and _refers_back(text, earlier[state.last[0]].type):
            for i in state.last:
                m = earlier[i]
                earlier[i] = replace(
                    m,
                    duration_minutes=m.duration_minutes or duration,
                    sources=_union(m.sources, sources),
                    topics=_union(m.topics, topics),
                )
            return []
        return _solo_visit(cand, people, triggers, base, publication, gazetteer, rules, version, duration)

    if rules.cancelled.search(text) or _QUESTION.search(text):
        return []
    status = _status(text, triggers, rules)
    if status is None:
        return []
    date = _date(text, base, publication, status, triggers)
    place, host = _place(text, people, gazetteer, kind)
    if kind == "in-person":
        kind = "visit" if host else "meeting"
    participants = _as_participants(people, gazetteer, date)
    mention = Mention(
        doc_id="",
        type=kind,
        status=status,
        participants=participants,
        date=date,
        evidence=text,
        span=(cand.start, cand.end),
        duration_minutes=duration,
        location=place,
        host=gazetteer.country_name(host) if host else None,
        sources=sources,
        topics=topics,
        level=_level(participants, gazetteer, date),
        rules=version,
    )
    out = [mention]
    back = _back_reference(text, base, publication, mention)
    if back is not None:
        out.append(back)
    return out


def _participants_of(mention: Mention, state: _State) -> list[_Ref]:
    return [state.refs_by_pid.get(p.person_id) or _Ref(p.person_id, p.name, p.country, p.surface, 0)
            for p in mention.participants]


def _refers_back(text: str, mtype: str) -> bool:
    """Does a sentence without people continue the last mention ("The call lasted...")?"""
    nouns = r"call|conversation|talks?|meeting|visit|discussion|readout|phone call"
    return re.search(rf"\b(?:the|their|this|that) (?:{nouns})\b", text, re.I) is not None


def _medium(text: str, triggers) -> str:
    """call or in-person, from the triggers of the sentence."""
    call_words = [t for t in triggers if t[2] == "call"]
    person_words = [t for t in triggers if t[2] != "call"]
    strong_call = [t for t in call_words if not re.match(r"(?i)spoke|speaks?|call", t[3]) or
                   re.search(r"(?i)phone|telephon|video", text)]
    if strong_call:
        return "call"
    if call_words and not person_words:
        return "call"
    if person_words:
        return "in-person"
    return "call"


def _status(text: str, triggers, rules: _Compiled) -> str | None:
    first = triggers[0][0]
    window = text[max(0, first - 60): triggers[-1][1] + 25]
    planned = rules.planned.search(window)
    if planned:
        # A past-tense contact verb right at the trigger outweighs a distant future marker.
        near_past = any(_PAST_VERB.fullmatch(t[3]) for t in triggers)
        if near_past and abs(planned.start() + max(0, first - 60) - first) > 40:
            return "occurred"
        return "planned"
    return "occurred"


def _date(text: str, base, publication: Publication, status: str, triggers) -> ResolvedDate:
    from .when import find_time_expressions, resolve_time

    tense = "future" if status == "planned" else "past"
    best = None
    trig = triggers[0][0]
    for expr in find_time_expressions(text):
        if expr.kind == "since":
            continue  # "since X" dates an earlier contact or a period, not this one
        res = resolve_time(expr, base, tense=tense)
        if res.value is None:
            continue
        distance = abs(expr.start - trig)
        if best is None or distance < best[0]:
            best = (distance, res)
    if best is not None:
        return _basis(best[1], publication)
    if status == "occurred" and base is not None:
        # News reports the newest thing: an undated contact is the publication day's.
        return ResolvedDate(base.isoformat(), "day", "inferred" if publication.basis == "inferred" else "relative",
                            reason="undated; taken as the publication date")
    return ResolvedDate(None, None, "unknown", reason="no time expression")


def _basis(res: ResolvedDate, publication: Publication) -> ResolvedDate:
    if publication.basis == "inferred" and res.basis == "relative":
        return replace(res, basis="inferred")
    if publication.basis == "inferred" and res.basis == "explicit" and res.value and res.text \
            and not re.search(r"\b[12]\d{3}\b", res.text):
        return replace(res, basis="inferred")  # the year came from an inferred publication date
    return res


def _back_reference(text: str, base, publication: Publication, mention: Mention) -> Mention | None:
    """ "...for the first time since Dec. 23": an earlier contact between the same people."""
    from .when import find_time_expressions, resolve_time

    for expr in find_time_expressions(text):
        if expr.kind != "since" or not _BACK_REF_LEAD.search(text[max(0, expr.start - 60):expr.start]):
            continue
        res = resolve_time(expr, base, tense="past")
        if res.value is None:
            return None
        return replace(mention, date=_basis(res, publication), duration_minutes=None, topics=(),
                       sources=(), status="occurred", flags=("back-reference",))
    return None


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
    out = []
    for part in _TOPIC_SPLIT.split(m.group("topic")):
        part = part.strip(" \"'“”‘’").rstrip(",")
        part = re.sub(r"^(?:the|a|an|their|its|his|her)\s+", "", part, flags=re.I)
        if 2 < len(part) <= 60 and len(part.split()) <= 7:
            out.append(part[0].lower() + part[1:] if not part[:2].isupper() else part)
        if len(out) == 5:
            break
    return tuple(out)


def _place(text: str, people, gazetteer, kind: str) -> tuple[str | None, str | None]:
    """The place of an in-person contact and, for a visit, the host country (ISO3)."""
    if kind != "in-person":
        return None, None
    countries = {p.country for p in people if p.country}
    place = host = None
    for m in _PLACE.finditer(text):
        name = m.group("place")
        name = re.sub(r"^the ", "", name)
        code = gazetteer.place_country(name) or gazetteer.country_code(name)
        if code is None:
            if place is None and m.group("prep") == "at":
                place = name
            continue
        if place is None or (code in countries and host is None):
            place = name
        if code in countries and host is None:
            host = code
    summit = _SUMMIT.search(text)
    if summit and host is not None:
        # Talks at a summit or conference are a meeting, even in a participant's country.
        host = None
    if host is None and not summit:
        recv = _RECEIVER_VERB.search(text)
        if recv:
            # "X welcomed/received/hosted Y": X's country hosts, if X comes before the verb.
            hosts = [p for p in people if p.start < recv.start()]
            if hosts and hosts[-1].country and len(countries) >= 2:
                host = hosts[-1].country
    return place, host


def _solo_visit(cand: Candidate, people, triggers, base, publication, gazetteer, rules, version, duration):
    """A visit whose host officials go unnamed: the visitor alone, and where they went."""
    if len(people) != 1 or not any(t[2] == "visit" for t in triggers):
        return []
    if rules.cancelled.search(cand.text):
        return []
    visitor = people[0]
    m = re.search(
        r"\b(?:visit(?:s|ed|ing)?|trip to|travel(?:s|led|ed|ling|ing)? to|arriv(?:e|es|ed|ing) in|tour of|fly to|flew to)\s+"
        r"(?P<place>(?:the )?[A-Z][\w'’.-]*(?:[ -](?:of |the |and )?[A-Z][\w'’.-]*){0,3})",
        cand.text,
    )
    if not m:
        return []
    name = re.sub(r"^the ", "", m.group("place"))
    code = gazetteer.place_country(name) or gazetteer.country_code(name)
    if code is None or code == visitor.country:
        return []
    status = _status(cand.text, triggers, rules)
    date = _date(cand.text, base, publication, status, triggers)
    participants = _as_participants([visitor], gazetteer, date)
    return [Mention(
        doc_id="", type="visit", status=status, participants=participants, date=date,
        evidence=cand.text, span=(cand.start, cand.end), duration_minutes=duration,
        location=None if gazetteer.country_code(name) else name, host=gazetteer.country_name(code),
        sources=_sources(cand.text), topics=_topics(cand.text),
        level=_level(participants, gazetteer, date), rules=version,
    )]


def _as_participants(people, gazetteer, date: ResolvedDate) -> tuple[Participant, ...]:
    return tuple(Participant(p.surface, p.name, p.pid, p.country, p.role) for p in people)


def _level(participants, gazetteer, date: ResolvedDate) -> str | None:
    day = _day_of(date)
    try:
        levels = [gazetteer.level(p.person_id, day) for p in participants]
    except Exception:
        return None
    return "leader" if levels and all(lv == "leader" for lv in levels) else "official"


def _day_of(date: ResolvedDate) -> dt.date | None:
    if not date.value:
        return None
    parts = [int(x) for x in date.value.split("-")]
    while len(parts) < 3:
        parts.append(1 if len(parts) == 2 else 6)
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))
