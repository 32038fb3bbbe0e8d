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
from .rules import load_rules, rules_version, url_country

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
    r"|\bthe (?:leaders|presidents|prime ministers|interlocutors|parties)\b(?! of)"
    r"|\bthe two\b(?= (?:discussed|spoke|talked|agreed|also|held|met|exchanged|address|reviewed|leaders))"
    r"|\btheir (?:talks|call|conversation|meeting|discussion)\b"
    r"|^They\b(?= (?:also |then |both )?(?:agreed|discussed|spoke|talked|met|held|exchanged|reaffirmed|will|would|plan|hope))",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b|(?:,|\band) (?:he|she) (?:met|spoke|held|visited|called|received|hosted|welcomed|talked)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we)\b(?: (?:also|have|had|just|will|would|already))? (?:spoke|met|had|talked|called|visited|received|hosted|welcomed|meet|speak|talk|call|visit)\b")
# "we met", "we'll continue the dialogue", "we had talks": we as the subject of a contact.
_WE = re.compile(
    r"\b[Ww]e(?:’ll|'ll|’re|'re|’ve|'ve)?(?:\s+\w+){0,2}?\s+(?:met|meet|spoke|speak|talked|talk|discussed|discuss|"
    r"continue|continued|held|hold|had|having|meeting|talking|speaking|agreed|exchanged|saw|see|negotiated)\b"
)
_SPEAKER_LINE = re.compile(r"^\s*(?P<name>[A-Z][\w.'’ -]{2,80}?)\s*:\s")

# "...for the first time since Dec. 23", "their first call since March": the words
# right before a "since" expression that make it an earlier contact of the same people.
_BACK_REF_LEAD = re.compile(
    r"\bfirst (?:time|call|conversation|phone call|telephone conversation|talks?|meeting|contact|"
    r"face-to-face meeting|in-person meeting|direct contact)(?: \w+){0,3}\s*$",
    re.IGNORECASE,
)
# "when the two leaders last spoke", "asked whether ... would meet": a question, not a report.
# A contact asked about, wished for or supposed, rather than reported.
_QUESTION = re.compile(
    r"\b(?:asked|wondered|questioned|unclear|not (?:known|clear|say|disclose))\b[^.]{0,80}?\b(?:when|whether|if|how often|why)\b"
    r"|\bwhether or not\b|^\W*(?:On|About|As to) whether\b"
    r"|\b(?:high |strong )?hopes? that\b|\bhop(?:e|es|ed|ing) to\b|\bwish(?:es|ed)? (?:that|to)\b"
    r"|\bif (?:he|she|they|it) (?:were|had|knew)\b",
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
    titled: bool = False  # the text gives an office with the name ("Crown Prince Mishal")


@dataclass
class _State:
    subject: _Ref | None = None  # the first person of the story (its protagonist)
    speaker: _Ref | None = None  # the current speaker of a transcript
    last: list[int] = field(default_factory=list)  # indexes of the mentions of the last reporting sentence
    recent: list[str] = field(default_factory=list)  # person ids seen, most recent last
    text: str = ""  # the article's text, for the day a narrative has set
    expressions: list | None = None  # its time expressions, found once
    pos: int = 0  # where the sentence being read starts
    index: int = 0  # the sentence being read
    home: str | None = None  # the country the page's address points to
    refs_by_pid: dict[str, _Ref] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # mentions of each person so far
    speakers: dict = field(default_factory=dict)  # pid -> (speaker, first turn) of a transcript


# ---------------------------------------------------------------- the stage


def extract_mentions(article: Article, publication: Publication, gazetteer) -> list[Mention]:
    """Every engagement mention of the article, in text order."""
    from .when import find_time_expressions, resolve_time  # noqa: F401 (import cost paid once)

    rules = compiled()
    version = f"{rules_version()}+{getattr(gazetteer, 'version', '?')}"
    base = publication.date
    sents = sentences(article)
    state = _State(home=url_country(article.url))
    mentions: list[Mention] = []
    state.text = article.text
    for cand in sents:
        state.index = cand.index
        state.pos = cand.start
        refs = _people(cand.text, base, gazetteer, state)
        speaker = _speaker(cand.text, gazetteer, base, state)
        if speaker is not None:
            state.speaker = speaker
            state.speakers.setdefault(speaker.pid, (speaker, cand))
        if not is_candidate(cand.text):
            _enrich(cand.text, refs, state, mentions)
            _remember(refs, state)
            continue
        new = _mentions_in(cand, refs, base, publication, gazetteer, state, rules, mentions, version)
        if new:
            # Follow-up sentences add detail to the contacts reported, not to back-references.
            state.last = [len(mentions) + i for i, m in enumerate(new) if not m.flags or "back-reference" not in m.flags]
            mentions.extend(new)
        else:
            _enrich(cand.text, refs, state, mentions)
            earlier_ones = _dated_back_references(cand, refs, state, mentions, base, publication)
            if earlier_ones:
                mentions.extend(earlier_ones)
        _remember(refs, state)
    mentions += _exchange(state, sents, base, publication, gazetteer, version)
    return [replace(m, doc_id=article.doc_id) for m in mentions]


def _exchange(state: _State, sents, base, publication: Publication, gazetteer, version: str) -> list[Mention]:
    """Remarks of office-holders of two countries in one transcript ("PRESIDENT X: ...",
    "PRIME MINISTER Y: ...") are themselves an in-person contact: they were together."""
    speakers = [sp for sp, _ in state.speakers.values()]
    if len({sp.country for sp in speakers if sp.country}) < 2:
        return []
    first_turn = min((turn for _, turn in state.speakers.values()), key=lambda c: c.start)
    # Where they spoke: a place line before the first turn ("London, United Kingdom").
    host = place = None
    for c in sents:
        if c.start >= first_turn.start:
            break
        code = place_code(c.text, gazetteer)
        if code is not None and len(c.text) < 80:
            place, host = c.text.strip(), code
    countries = {sp.country for sp in speakers}
    date = ResolvedDate(base.isoformat(), "day", "inferred" if publication.basis == "inferred" else "relative",
                        reason="undated; the day of the remarks") if base else ResolvedDate(None)
    participants = _as_participants(speakers, gazetteer, date)
    visit = host in countries
    return [Mention(
        doc_id="", type="visit" if visit else "meeting", status="occurred", participants=participants, date=date,
        evidence=first_turn.text, span=(first_turn.start, first_turn.end), location=place,
        host=gazetteer.country_name(host) if visit else None, level=_level(participants, gazetteer, date),
        flags=("transcript",), rules=version,
    )]


# How far back (in paragraphs) the day a story moved to still dates an undated contact.
NARRATIVE_PARAGRAPHS = 3


def _enrich(text: str, refs, state: _State, mentions: list[Mention]) -> None:
    """A sentence that continues the last mention ("per a White House readout") adds detail to it."""
    if not state.last or not mentions:
        return
    last = mentions[state.last[0]]
    last_ids = {p.person_id for p in last.participants}
    if refs and not {r.pid for r in refs} <= last_ids:
        return
    if not (refs or _GROUP_REF.search(text) or _refers_back(text, last.type) or _ANAPHORIC.match(text)):
        return
    sources, topics, duration = _sources(text), _topics(text), _duration(text)
    for i in state.last:
        m = mentions[i]
        mentions[i] = replace(m, duration_minutes=m.duration_minutes or duration,
                              sources=_union(m.sources, sources), topics=_union(m.topics, topics))


# "a follow-up of sorts on the December 7 videoconference talks ... and the December 30
# telephone conversation": earlier contacts of the same pair, each with its own day.
_DATED_NOUN = re.compile(
    r"\b(?:[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+(?P<when>[^,;.]{3,30}?)\s+(?:[a-z][\w-]*\s+)?"
    r"(?P<noun>videoconference talks|video conference|videoconference|video call|phone call|telephone conversation|"
    r"telephone call|phone conversation|call|conversation|talks|meeting|summit|visit)\b"
)


def _dated_back_references(cand: Candidate, refs, state: _State, mentions: list[Mention], base,
                           publication: Publication) -> list[Mention]:
    from .when import find_time_expressions, resolve_time

    if not state.last or not mentions:
        return []
    last = mentions[state.last[0]]
    if refs and not {r.pid for r in refs} <= {p.person_id for p in last.participants}:
        return []
    out = []
    for m in _DATED_NOUN.finditer(cand.text):
        exprs = find_time_expressions(m.group("when"))
        if len(exprs) != 1 or exprs[0].kind not in ("date", "month") or len(exprs[0].text) < len(m.group("when")) - 1:
            continue  # the words between "the" and the noun must be the date itself
        res = resolve_time(exprs[0], base, tense="past")
        if not res.value or (base is not None and res.value >= base.isoformat()[:len(res.value)]):
            continue
        noun = m.group(0)[m.end("when") - m.start():].lower()  # the noun with its modifier
        kind = "call" if re.search(r"video|phone|telephone|call|conversation", noun) else \
            "visit" if noun == "visit" else "meeting"
        if kind == "call" and last.type != "call" and noun == "conversation":
            kind = last.type
        out.append(replace(last, type=kind, status="occurred", date=_basis(res, publication), evidence=cand.text,
                           span=(cand.start, cand.end), duration_minutes=None, location=None,
                           host=None, sources=(), topics=(), flags=("back-reference",)))
    return out


def _remember(refs: list[_Ref], state: _State) -> None:
    for ref in refs:
        state.counts[ref.pid] = state.counts.get(ref.pid, 0) + 1
        # The story's subject is the person it names most (the first, on a tie).
        if state.subject is None or (ref.pid != state.subject.pid
                                     and state.counts[ref.pid] > state.counts.get(state.subject.pid, 0)):
            state.subject = ref
        state.refs_by_pid[ref.pid] = ref
        if ref.pid in state.recent:
            state.recent.remove(ref.pid)
        state.recent.append(ref.pid)


def _part_of_longer_name(text: str, hit) -> bool:
    """Is a one-word name hit really part of something else ("May 7", "Kirby" in "John Kirby")?

    The people layer already reads titles and full names; this guards the
    surname-only hits it lets through.
    """
    if " " in hit.text.strip() or hit.title:
        return False
    if _is_time_word(hit.text):
        return True  # "May" the month, not Theresa May, unless a title says so
    after = re.match(r"[ \t]+([A-Z](?:[\w'’-]+|\.))", text[hit.end:hit.end + 40])
    if after and after.group(1).lower() not in _TITLE_WORDS and not _is_time_word(after.group(1)):
        return True
    before = re.search(r"(?<=[a-z,;:] )([A-Z][\w'’-]+)[ \t]+$", text[max(0, hit.start - 40):hit.start])
    return bool(before and before.group(1).lower() not in _TITLE_WORDS and not _is_time_word(before.group(1))
                and not before.group(1).endswith(("'s", "’s")) and not _nationality(before.group(1)))


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


# What may stand between a title and its name: "of the Republic of Bulgaria ".
_TITLE_OF = re.compile(r"\s*(?:,\s*)?(?:(?:of|the|for|and|[A-Z][\w'’.-]*)\s+){0,7}")


def _is_time_word(word: str) -> bool:
    return word.lower().rstrip(".") in _TIME_WORDS


def _nationality(word: str) -> bool:
    from .people import load_gazetteer

    try:
        return load_gazetteer().country_code(word) is not None
    except Exception:
        return False


def _people(text: str, on: dt.date | None, gazetteer, state: _State) -> list[_Ref]:
    """The office-holders named or titled in a sentence, resolved on a date, in text order."""
    from .people import ResolveContext

    refs: list[_Ref] = []
    seen: set[str] = set()
    # "the Prime Minister" is the home country's: the story subject's, else the page's.
    homes = [c for c in dict.fromkeys((state.subject.country if state.subject is not None else None, state.home)) if c]
    contexts = [ResolveContext(country=c, recent=tuple(state.recent[-8:])) for c in homes] or [ResolveContext()]
    context = contexts[0]
    hits = gazetteer.scan(text)
    for k, hit in enumerate(hits):
        if hit.kind == "name" and _part_of_longer_name(text, hit):
            continue
        if hit.kind == "title" and hit.country is None and k + 1 < len(hits) and hits[k + 1].kind == "name" \
                and _TITLE_OF.fullmatch(text[hit.end:hits[k + 1].start]):
            continue  # "Prime Minister of the Republic of Bulgaria Kiril Petkov": the title of the name
        if hit.kind == "name" and not hit.person_ids:
            ref = _untracked(hit, on, gazetteer, context)
            if ref is None:
                continue
        else:
            ref = None
            for ctx in contexts if hit.kind == "title" and hit.country is None else [context]:
                ref = _resolved_ref(hit, on, gazetteer, ctx, state)
                if ref is not None:
                    break
            if ref is None:
                continue
        # Every occurrence is kept: who a clause is about depends on where a name stands.
        refs.append(ref)
        seen.add(ref.pid)
    if "s of " in text:
        for ref in _plural_titles(text, on, gazetteer):
            if ref.pid not in seen:
                seen.add(ref.pid)
                refs.append(ref)
    return refs


# "the Presidents of Ukraine, the Republic of Lithuania and the Republic of Poland":
# one office, several countries, several people.
_PLURAL_TITLE = re.compile(
    r"\b(?P<title>Presidents|Prime Ministers|Foreign Ministers|Ministers of Foreign Affairs|Chancellors|Kings|Emirs)"
    r" of (?P<list>(?:the )?[A-Z][\w'’.-]*(?: (?:of |the )?[A-Z][\w'’.-]*)*(?:, (?:the )?[A-Z][\w'’.-]*(?: (?:of |the )?"
    r"[A-Z][\w'’.-]*)*)*,? and (?:the )?[A-Z][\w'’.-]*(?: (?:of |the )?[A-Z][\w'’.-]*)*)"
)
_PLURAL_ROLES = {
    "presidents": "head_of_state", "prime ministers": "head_of_government", "foreign ministers": "foreign_minister",
    "ministers of foreign affairs": "foreign_minister", "chancellors": "head_of_government",
    "kings": "head_of_state", "emirs": "head_of_state",
}


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


def _plural_titles(text: str, on, gazetteer) -> list[_Ref]:
    out = []
    for m in _PLURAL_TITLE.finditer(text):
        role = _PLURAL_ROLES[m.group("title").lower()]
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list")):
            code = _country_of_name(part, gazetteer)
            if code is None:
                continue
            holders = gazetteer.holders(role, code, on) if on is not None else []
            if len(holders) == 1:
                p = holders[0]
                out.append(_Ref(p.id, p.name, code, m.group(), m.start(), role))
    return out


def _resolved_ref(hit, on, gazetteer, context, state: _State) -> _Ref | None:
    res = gazetteer.resolve_hit(hit, on=on, context=context)
    if res.status == "resolved" and res.person is not None:
        office = res.office
        country = office.country if office is not None else (hit.country or res.person.country)
        return _Ref(res.person.id, res.person.name, country, hit.text, hit.start,
                    office.role if office else hit.role, titled=bool(hit.role or hit.kind == "title"))
    if hit.kind == "name" and len(hit.person_ids) == 1:
        # A name the data knows, not in office on the date (a former leader, an older story).
        try:
            person = gazetteer.person(hit.person_ids[0])
        except KeyError:
            return None
        return _Ref(person.id, person.name, person.country, hit.text, hit.start)
    if res.status == "ambiguous" and hit.kind == "name":
        # Prefer someone already in the story.
        ids = [c.person.id for c in res.candidates if c.person is not None]
        known = [pid for pid in reversed(state.recent) if pid in ids]
        if known:
            return replace(state.refs_by_pid[known[0]], surface=hit.text, start=hit.start)
    return None


_NAME_SHAPE = re.compile(r"(?:[A-Z][\w'’.-]+|bin|al|de|da|von|der|van|el)(?: (?:[A-Z][\w'’.-]+|bin|al|de|da|von|der|van|el)){1,4}")


def _untracked(hit, on, gazetteer, context) -> _Ref | None:
    """A named official the data lacks, after a title that gives the country ("Chilean
    Foreign Minister Teodoro Ribera"): the office-holder if the name is theirs, else a
    local person of that country."""
    if not hit.country or not hit.role:
        return None
    from .people import NameHit

    res = gazetteer.resolve_hit(NameHit(hit.start, hit.end, hit.text, "title", (), hit.country, hit.role),
                                on=on, context=context)
    if res.status == "resolved" and res.person is not None:
        if _same_name(res.person.name, hit.text):
            office = res.office
            return _Ref(res.person.id, res.person.name, hit.country, hit.text, hit.start,
                        office.role if office else hit.role)
    name = hit.text.strip()
    if not _NAME_SHAPE.fullmatch(name) or gazetteer.country_code(name.split()[0]) or len(name) > 60:
        return None
    if len(name.split()[-1].rstrip(".")) < 2:
        return None  # "Antony J." is the start of a name the scan cut short
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(name).lower()).strip("-")
    return _Ref(f"local:{slug}", name, hit.country, hit.text, hit.start, hit.role)


def _same_name(canonical: str, written: str) -> bool:
    """Does a written name spell the office-holder's ("Barham Saleh" for Barham Salih)?"""
    from difflib import SequenceMatcher

    have = [w for w in re.split(r"[\s-]+", _ascii(written).lower()) if len(w) > 2]
    for part in re.split(r"[\s-]+", _ascii(canonical).lower())[-2:]:
        if len(part) > 2 and any(w == part or SequenceMatcher(None, w, part).ratio() >= 0.8 for w in have):
            return True
    return False


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _speaker(text: str, gazetteer, on, state: _State) -> _Ref | None:
    """The speaker of a transcript turn ("President of Russia Vladimir Putin: ...")."""
    m = _SPEAKER_LINE.match(text)
    if not m:
        return None
    refs = _people(m.group("name"), on, gazetteer, state)
    return refs[-1] if refs else None


def _triggers(text: str, rules: _Compiled) -> list[tuple[int, int, str, str]]:
    """Contact words of a sentence as (start, end, medium, word), exclusions removed."""
    excluded = [m.span() for m in rules.exclude.finditer(text)]
    found = []
    for medium_name, pattern in rules.triggers.items():
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in excluded):
                continue
            found.append((m.start(), m.end(), medium_name, m.group()))
    found.sort()
    return found


# Where one sentence reports two contacts: "X will meet A in Doha on Tuesday before
# seeing B in Abu Dhabi on Wednesday"; "X visited A last year, while the latter came to ...".
_CLAUSE_BREAK = re.compile(
    r",?\s+(?:before|after)\s+(?=\w+ing\b)|;\s+|,\s+while\s+|,\s+whereas\s+|,\s+where\s+(?=(?:he|she|they)\s+also\b)"
    r"|,\s+(?P<relative>who|whom)\s+"
    r"|,\s+(?:adding|saying|noting|stressing)(?:\s+that)?\s+"
)
_LATTER = re.compile(r"\bthe latter\b", re.I)
_ANAPHORIC = re.compile(
    r"\s*(?:The|Their|This|That|During the|In the|At the)\s+(?:\w+\s+){0,2}?(?:talks|call|phone call|conversation|meeting|discussions?|summit)\b"
)
_FORMER = re.compile(r"\bthe former\b(?! (?:president|prime|minister|leader|chancellor|king|head))", re.I)
_SPLIT_MEETINGS = re.compile(r"\b(?:bilateral|separately|individually|one-on-one|series of|a number of|respectively)\b", re.I)
_WITH_BEFORE = re.compile(
    r"\b(?:with|to|met|meets|meet|received|receives|hosted|hosts|welcomed|welcomes|called|calls|phoned|visited|visits)\b[^.;]{0,70}$",
    re.I,
)


def _clauses(text: str) -> list[tuple[int, int, str | None]]:
    """Clause spans (start, end, link): how a clause hangs on the one before it.

    link is "relative" for "..., who visited X" (the person before it is its subject),
    "sequel" for "... before heading to Y" (it shares the previous clause's time and
    status), else None.
    """
    spans, cursor, link = [], 0, None
    for m in _CLAUSE_BREAK.finditer(text):
        spans.append((cursor, m.start(), link))
        cursor = m.end()
        link = "relative" if m.group("relative") else "sequel" if re.search(r"before|after", m.group()) else None
    spans.append((cursor, len(text), link))
    return [(a, b, k) for a, b, k in spans if b > a]


def _mentions_in(cand: Candidate, refs, base, publication, gazetteer, state: _State, rules: _Compiled,
                 earlier: list[Mention], version: str) -> list[Mention]:
    """The contacts one sentence reports, dated."""
    found = _sentence_mentions(cand, refs, base, publication, gazetteer, state, rules, earlier, version)
    return _dated_by_story(found, state, base, publication)


def _sentence_mentions(cand: Candidate, refs, base, publication, gazetteer, state: _State, rules: _Compiled,
                       earlier: list[Mention], version: str) -> list[Mention]:
    text = cand.text
    triggers = _triggers(text, rules)
    if not triggers:
        return []

    # Implicit participants: the two leaders of the last mention, the speaker of a
    # transcript ("I spoke with..."), the story's subject ("He met...").
    implicit: list[_Ref] = []
    group = _GROUP_REF.search(text)
    if group and state.last and earlier:
        # "The two leaders" are the pair the story is about: its lead contact's, when that
        # was a pair; else the last contact's.
        lead = next((m for m in earlier if len(m.participants) == 2 and "back-reference" not in m.flags), None)
        pair = lead if lead is not None else earlier[state.last[0]]
        implicit += [replace(r, start=group.start()) for r in _participants_of(pair, state)]
    # In a transcript, "I" is the speaker and "we" the speaker with the one spoken to.
    first_person = _FIRST_PERSON.search(text) or (_WE.search(text) if state.speaker is not None else None)
    if state.speaker is not None and first_person:
        implicit.insert(0, replace(state.speaker, start=first_person.start()))
        if first_person.group().lower().startswith("we") and earlier:
            lead = next((m for m in earlier if state.speaker.pid in {p.person_id for p in m.participants}), None)
            if lead is not None:  # "we met in Moscow": the speaker and the one spoken to
                implicit += [replace(r, start=first_person.start()) for r in _participants_of(lead, state)
                             if r.pid != state.speaker.pid]
    pronoun = _PRONOUN_SUBJECT.search(text)
    if pronoun and state.subject is not None:
        implicit.insert(0, replace(state.subject, start=pronoun.start()))

    refs = _without_possessors(text, list(refs))
    refs = _outside_reporting_frame(text, refs, triggers)
    refs = _outside_quotes(text, refs, triggers)
    precedent = _precedent(cand, refs, base, publication, gazetteer, rules, version)
    if precedent:
        earlier_visitor = precedent[0].participants[0].person_id
        refs = [r for r in refs if r.pid != earlier_visitor]
    out: list[Mention] = list(precedent)
    consumed: list[tuple[int, int]] = []
    for own in _PRONOUN_VISIT.finditer(text):
        owner = max((r for r in refs if r.start < own.start()), key=lambda r: r.start, default=None)
        if owner is not None:
            out += _solo_visit_to(cand, owner, own.group("place"), _within(triggers, own), base, publication, gazetteer,
                                  rules, version)
            consumed.append((own.start(), _with_time(text, own.end())))
    for own in _OWN_VISIT.finditer(text):
        # "ahead of Xi's visit": Xi is the visitor, not at the dinner; "Trump's planned visit
        # to China in April" is Trump's visit.
        visitors = [r for r in refs if own.start() - 4 <= r.start < own.end("who")]  # "the President's visit"
        refs = [r for r in refs if r not in visitors]
        if visitors and own.group("place"):
            out += _solo_visit_to(cand, visitors[-1], own.group("place"), _within(triggers, own), base, publication, gazetteer,
                                  rules, version)
            consumed.append((own.start(), _with_time(text, own.end())))
    if consumed:
        # The rest of the sentence is read without the visits it has already given.
        for a, b in consumed:
            text = text[:a] + " " * (b - a) + text[b:]
        triggers = _triggers(text, rules)
    if not triggers:
        return out
    nominal = _NOMINAL_VISIT.search(text)
    if nominal and not any(nominal.start("who" if nominal.group("who") else "who2") <= r.start
                           < nominal.end("who" if nominal.group("who") else "who2") + 1 for r in refs):
        nominal = None
    elif nominal:
        who = "who" if nominal.group("who") else "who2"
        visitor_only = [r for r in refs if nominal.start(who) <= r.start < nominal.end(who) + 1]
        others = [r for r in refs if r not in visitor_only]
        if others and not (_PLACE.search(nominal.group()) and place_code(nominal.group("place") or nominal.group("place2") or "", gazetteer)):
            refs = others  # a visit by someone else, to a place we cannot pin: not their contact
    if nominal:
        who = "who" if nominal.group("who") else "who2"
        place = nominal.group("place") or nominal.group("place2")
        visitor = next((r for r in refs if nominal.start(who) <= r.start < nominal.end(who) + 1), None)
        if visitor is not None:
            solo = _solo_visit_to(cand, visitor, place, _within(triggers, nominal), base, publication, gazetteer,
                                  rules, version)
            if solo:
                out += solo
                refs = [r for r in refs if r.pid != visitor.pid]
                triggers = [t for t in triggers if not (nominal.start() <= t[0] < nominal.end())]
                if not triggers:
                    return out
    previous_people: list[_Ref] = []
    previous: Mention | None = None
    for cs, ce, link in _clauses(text):
        relative = link == "relative"
        clause_triggers = [t for t in triggers if cs <= t[0] < ce]
        if not clause_triggers:
            continue
        people = _dedupe([p for p in implicit if cs <= p.start < ce] + [p for p in refs if cs <= p.start < ce])
        antecedent = max((r for r in refs if r.start < cs), key=lambda r: r.start, default=None)
        if relative and antecedent is not None:
            people = _dedupe([replace(antecedent, start=cs)] + people)
        elif previous_people and cs > 0:
            latter = _LATTER.search(text, cs, ce)
            former = _FORMER.search(text, cs, ce)
            if latter:
                people = _dedupe([replace(previous_people[-1], start=latter.start())] + people)
            elif former:
                people = _dedupe([replace(previous_people[0], start=former.start())] + people)
            elif previous_people[0].pid not in {p.pid for p in people}:
                # A clause without a subject of its own continues the last one's.
                people = _dedupe([replace(previous_people[0], start=cs)] + people)
        people = _with_story_subject(text, people, state)
        people = _engaged(text, people, clause_triggers)
        found = _clause_mentions(cand, text, cs, ce, clause_triggers, people, base, publication, gazetteer,
                                 state, rules, earlier, version)
        if link == "sequel" and previous is not None and previous.status == "planned":
            # "...arrives in France on Sunday before heading to Serbia": the sequel is planned
            # too, in the month of the contact it follows.
            month = previous.date.value[:7] if previous.date.value and len(previous.date.value) >= 7 else None
            after = ResolvedDate(month, "month" if month else None, "inferred" if month else "unknown",
                                 reason="after a planned contact")
            found = [replace(m, status="planned", date=m.date if not (m.date.reason or "").startswith("undated")
                             else after) for m in found]
        out += found
        if found:
            previous = found[0]
        previous_people = people or previous_people
    return out


_PLACE_WORDS = r"(?:the )?[A-Z][\w'’.-]*(?:[ -](?:of |the |and )?[A-Z][\w'’.-]*){0,3}"
# "the first Japanese leader to visit Korea ... since Yoshihiko Noda in October 2011":
# the one named after "since" made that visit then.
_PRECEDENT = re.compile(
    r"\bfirst\b[^.;]{0,80}?\bto (?:visit|travel to|set foot in|make (?:a|an) (?:\w+ )?visit to) "
    r"(?P<place>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})[^.;]{0,80}?\bsince\s+"
)


def _precedent(cand: Candidate, refs: list[_Ref], base, publication, gazetteer, rules, version) -> list[Mention]:
    from .when import find_time_expressions, resolve_time

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
def _with_time(text: str, end: int) -> int:
    """The end of a phrase together with a time expression right after it ("... in March")."""
    from .when import find_time_expressions

    for expr in find_time_expressions(text[end:end + 60]):
        if expr.start <= 2:
            return end + expr.end
        break
    return end


def _within(triggers, match: re.Match) -> list:
    """The contact words inside a matched phrase: its own status and date come from them."""
    return [t for t in triggers if match.start() <= t[0] < match.end()]


_PRONOUN_VISIT = re.compile(
    r"\b(?:his|her)\s+(?:\w+\s+)?(?:visit|trip)\s+to\s+(?P<place>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})"
)
_NOMINAL_VISIT = re.compile(
    r"\b(?:the|a|his|her|last|recent|first|second|latest)\s+(?:\w+\s+)?(?:visit|trip)\s+"
    r"(?:to (?P<place>" + _PLACE_WORDS + r")\s+by\s+(?P<who>(?:[A-Z][\w'’.-]*\s*){1,5})"
    r"|(?:of|by)\s+(?P<who2>(?:[A-Z][\w'’.-]*\s*){1,5}?)\s*to\s+(?P<place2>" + _PLACE_WORDS + r"))"
)


# "X explained to Y that ...", "X told Y that ...": Y hears about the contacts that
# follow; X is their subject.
_REPORTING = re.compile(
    r"\b(?:explained|told|informed|briefed|assured|reminded|updated)\b(?:\s+to)?[^.;:]{0,80}?\bthat\b"
    r"|\bbrief(?:ed|s|ing)?\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:about|on)\b", re.I
)


_POSSESSIVE = re.compile(r"[’']s\s+(?P<noun>[\w-]+(?:\s+[\w-]+){0,2})")
_CONTACT_NOUNS = frozenset("call phone telephone meeting talks visit trip tour conversation summit counterpart".split())


def _without_possessors(text: str, refs: list[_Ref]) -> list[_Ref]:
    """ "Trump's national security adviser": Trump describes someone else; he takes no part."""
    out = []
    for r in refs:
        end = r.start + len(r.surface)
        m = _POSSESSIVE.match(text, end)
        if m and not _CONTACT_NOUNS.intersection(m.group("noun").lower().split()):
            continue
        out.append(r)
    return out


_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")


def _outside_quotes(text: str, refs: list[_Ref], triggers) -> list[_Ref]:
    """A contact reported outside quotation marks does not involve the people quoted about."""
    quotes = [m.span() for m in _QUOTE.finditer(text)]
    if not quotes or not triggers:
        return refs
    def inside(pos):
        return any(a <= pos < b for a, b in quotes)
    if all(inside(t[0]) for t in triggers):
        return refs
    return [r for r in refs if not inside(r.start)]


def _outside_reporting_frame(text: str, refs: list[_Ref], triggers) -> list[_Ref]:
    m = _REPORTING.search(text)
    if not m or not any(t[0] >= m.end() for t in triggers):
        return refs
    frame = [r for r in refs if r.start < m.start()]
    listeners = [r for r in refs if m.start() <= r.start < m.end()]
    if not frame or not listeners:
        return refs
    listener_ids = {r.pid for r in listeners}
    return [r for r in refs if r.pid not in listener_ids or r.start >= m.end()]


def _dated_by_story(mentions: list[Mention], state: _State, base, publication: Publication) -> list[Mention]:
    """Undated contacts take the day the story last named, when it named one."""
    if not any((m.date.reason or "").startswith("undated") for m in mentions):
        return mentions
    day = _day_in_force(state, base, publication)
    if day is None:
        return mentions
    return [replace(m, date=day, status=_after_publication(m.status, day, base))
            if (m.date.reason or "").startswith("undated") else m for m in mentions]


def _dedupe(people: list[_Ref]) -> list[_Ref]:
    seen, out = set(), []
    for p in people:
        if p.pid not in seen:
            seen.add(p.pid)
            out.append(p)
    return out


_WITH_LIST = re.compile(r"\b(?:with|from)\s+(?:[\w'’.-]+\s+){0,8}$", re.I)


def _with_story_subject(text: str, people: list[_Ref], state: _State) -> list[_Ref]:
    """ "...telephonic conversations with A and B", no one named before "with": the story's
    subject is the other side of each contact."""
    subject = state.subject
    if subject is None or not people or not subject.country:
        return people
    if subject.pid in {p.pid for p in people}:
        return people
    first = min(people, key=lambda p: p.start)
    before = text[:first.start]
    if re.search(r"\b(?:I|we|he|she|they)\b", before):
        return people
    if _WITH_LIST.search(before) or (len({p.country for p in people}) == 1 and subject.country not in
                                     {p.country for p in people} and _WITH_BEFORE.search(before)):
        return [replace(subject, start=0)] + people
    return people


# Words after which the people named are what was discussed, not who took part.
_TOPIC_START = re.compile(
    r"\b(?:about|regarding|concerning|discuss(?:ed|es|ing)?|including|on the (?:issue|question|situation|case|visit)|"
    r"congratulated\s+\w+\s+on)\b",
    re.I,
)


def _engaged(text: str, people: list[_Ref], triggers) -> list[_Ref]:
    """Drop the people a sentence only talks about ("...discussed President X's visit")."""
    if len(people) <= 2:
        return people
    first_trigger_end = triggers[0][1]
    topic = _TOPIC_START.search(text, first_trigger_end)
    if topic is None:
        return people
    kept = [p for p in people if p.start < topic.start() or _WITH_LIST.search(text[topic.start():p.start])]
    return kept if len({p.country for p in kept if p.country}) >= 2 else people


def _clause_mentions(cand: Candidate, text: str, cs: int, ce: int, triggers, people: list[_Ref], base,
                     publication, gazetteer, state: _State, rules: _Compiled, earlier: list[Mention],
                     version: str) -> list[Mention]:
    clause = text[cs:ce]
    kind = _medium(text, triggers, people, state, earlier)
    duration = _duration(clause)
    sources = _sources(text)
    topics = _topics(clause)

    if len({p.country for p in people if p.country}) < 2:
        # Not a contact between governments on its own. It may still add detail to
        # the last mention ("The call lasted about 40 minutes, according to Axios."),
        # or report a one-sided visit ("Pompeo will visit Ecuador").
        if not people:
            return []  # at most a detail of the last contact: the caller adds it
        sub = Candidate(cand.start + cs, cand.start + ce, clause, cand.block_kind, cand.index)
        shifted = [replace(p, start=p.start - cs) for p in people]
        found = _solo_visit(sub, shifted, [(a - cs, b - cs, m, w) for a, b, m, w in triggers], base,
                            publication, gazetteer, rules, version, duration)
        return [replace(m, evidence=cand.text, span=(cand.start, cand.end)) for m in found]

    if rules.cancelled.search(clause) or _QUESTION.search(text) or text.rstrip(" \"'”’)").endswith("?"):
        return []  # cancelled, or asked about rather than reported
    triggers = [t for t in triggers if not _receives_nobody(text, t, people)]
    if not triggers:
        return []  # "the presents we have received": received, but no one
    if _ANAPHORIC.match(clause) and not earlier:
        return []  # "The talks came hours after...": a teaser of a contact reported further on
    if state.last and earlier and (_ANAPHORIC.match(clause) or _all_definite(text, triggers)) and \
            {p.pid for p in people} <= {p.person_id for p in earlier[state.last[0]].participants}:
        # "The talks came hours after...", "...put forward during the conversation": the contact
        # just reported (the caller adds the detail).
        return []
    status = _status(clause, [(a - cs, b - cs, m, w) for a, b, m, w in triggers], rules)
    date = _date(clause, base, publication, status, [(a - cs, b - cs, m, w) for a, b, m, w in triggers])
    status = _after_publication(status, date, base)
    if (date.reason or "").startswith("undated") and (cs, ce) != (0, len(text)):
        date = _date(text, base, publication, status, triggers)  # the date may stand in another clause

    people, flags = _holding_office(people, date, gazetteer)
    people = _named_sides(clause, people, gazetteer)
    if len({p.country for p in people if p.country}) < 2:
        return []
    out: list[Mention] = []
    for group in _per_trigger(people, triggers, text) or _sides(people, kind, clause):
        place, host = _place(clause, group, gazetteer, kind, state.speaker)
        mtype = kind
        if kind == "in-person":
            mtype = "visit" if host else "meeting"
        participants = _as_participants(group, gazetteer, date)
        mention = Mention(
            doc_id="",
            type=mtype,
            status=status,
            participants=participants,
            date=date,
            evidence=cand.text,
            span=(cand.start, cand.end),
            duration_minutes=duration,
            location=place,
            host=gazetteer.country_name(host) if host else None,
            sources=sources,
            topics=topics,
            level=_level(participants, gazetteer, date),
            flags=tuple(sorted({flags[p.pid] for p in group if p.pid in flags})),
            rules=version,
        )
        out.append(mention)
        back = _back_reference(clause, base, publication, mention)
        if back is not None:
            out.append(back)
    return out


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


_DEFINITE_NOUN = re.compile(r"(?i)^(?:call|phone call|conversation|talks|meeting|discussions?|summit|visit|telephone conversation)$")


def _all_definite(text: str, triggers) -> bool:
    """Is every contact word a noun that points back ("the conversation", "their talks")?"""
    nouns = [t for t in triggers if not re.match(r"(?i)speak|talk", t[3])]  # "Speaking about ..." is no contact word
    return bool(nouns) and all(_DEFINITE_NOUN.match(t[3]) and
               re.search(r"(?i)\b(?:the|this|that|their|his|her|today'?s|today’s)\s+(?:[\w-]+\s+){0,2}$",
                         text[max(0, t[0] - 40):t[0]])
               for t in nouns)


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


def _holding_office(people: list[_Ref], date: ResolvedDate, gazetteer) -> tuple[list[_Ref], dict[str, str]]:
    """Keep the people who held an office on the date of the contact.

    A contact while a participant held no office (a senator, a candidate, a
    president-elect, a leader between terms) is not an engagement between
    governments. People the data knows no office of at all are kept, flagged; so
    are people the text gives an office the data lacks on that date. Returns the
    people kept and the flag of each flagged one.
    """
    if not date.value:
        return people, {}
    kept, flags = [], {}
    for p in people:
        try:
            person = gazetteer.person(p.pid)
        except KeyError:
            kept.append(p)  # a named official the data lacks: their office is the title's
            continue
        if not person.offices:
            kept.append(p)
            flags[p.pid] = "office-unknown"
        elif gazetteer.offices_on(p.pid, date.value):
            kept.append(p)
        elif p.titled and p.role is not None:
            # The text gives the office the data lacks on that date ("Kuwaiti Crown Prince Mishal").
            kept.append(p)
            flags[p.pid] = "office-from-text"
    return kept, flags


def _per_trigger(people: list[_Ref], triggers, text: str) -> list[list[_Ref]]:
    """ "...at the Japan-ROK Summit Meeting with A, and at the Japan-China Summit Meeting with
    B": one contact per contact word that has counterparts of its own after "with"."""
    if len(triggers) < 2 or len(people) < 3:
        return []
    bounds = [t[0] for t in triggers] + [len(text)]
    segments = []
    for i, t in enumerate(triggers):
        objects = [p for p in people if t[1] <= p.start < bounds[i + 1]
                   and re.search(r"\bwith\b", text[t[1]:p.start])]
        if objects:
            segments.append(objects)
    if len(segments) < 2:
        return []
    taken = {p.pid for seg in segments for p in seg}
    hubs = [p for p in people if p.pid not in taken]
    if not hubs:
        return []
    hub = min(hubs, key=lambda p: p.start)
    return [[hub] + seg for seg in segments if any(p.country != hub.country for p in seg)]


def _sides(people: list[_Ref], kind: str, clause: str) -> list[list[_Ref]]:
    """The engagements among the people of a clause.

    A call is between two sides: one subject calling a list of counterparts from
    several countries made several calls. So is a visit (to one country at a time).
    A meeting with several counterparts is one multilateral meeting, unless the text
    says the meetings were bilateral or separate.
    """
    hub = min(people, key=lambda p: p.start)
    others = [p for p in people if p.pid != hub.pid and p.country != hub.country]
    countries = {p.country for p in others}
    split = len(countries) > 1 and (kind == "call" or _SPLIT_MEETINGS.search(clause) or _is_visit_like(clause))
    if not split:
        return [people]
    groups = []
    for country in dict.fromkeys(p.country for p in others):
        groups.append([hub] + [p for p in others if p.country == country])
    return groups


def _is_visit_like(clause: str) -> bool:
    return re.search(r"\bvisit(?:s|ed|ing)?\b", clause, re.I) is not None and not _SUMMIT.search(clause)


def _participants_of(mention: Mention, state: _State) -> list[_Ref]:
    return [state.refs_by_pid.get(p.person_id) or _Ref(p.person_id, p.name, p.country, p.surface, 0)
            for p in mention.participants]


def _refers_back(text: str, mtype: str) -> bool:
    """Does a sentence without people continue the last mention ("The call lasted...")?"""
    nouns = r"call|conversation|talks?|meeting|visit|discussion|readout|phone call"
    return re.search(rf"\b(?:the|their|this|that) (?:{nouns})\b", text, re.I) is not None


_WEAK_CALL = re.compile(r"(?i)^(?:spoke|speaks?|talk(?:ed)?|call(?:s|ed|ing)?)$")
_IN_PERSON_CUE = re.compile(r"\b(?:in person|face[- ]to[- ]face|sidelines|on the margins|in (?:the )?(?:Kremlin|White House|Elysee|Élysée))\b", re.I)


def _medium(text: str, triggers, people=(), state=None, earlier=()) -> str:
    """call or in-person: the medium of the contact word nearest the people."""
    if re.search(r"(?i)\b(?:tele)?phon|\bvideo ?(?:call|conferenc|link)|\bvirtual(?:ly)? (?:call|meeting|talks)|\bcalls?\b", text) \
            and not _IN_PERSON_CUE.search(text):
        strong = [t for t in triggers if t[2] == "call"]
        if strong:
            return "call"
    if people:
        anchor = sorted(p.start for p in people)
        def distance(t):
            return min(abs(t[0] - a) for a in anchor)
        nearest = min(triggers, key=distance)
    else:
        nearest = triggers[0]
    if nearest[2] == "call" and _WEAK_CALL.match(nearest[3]) and re.match(r"\s+about\b", text[nearest[1]:]):
        nearest = (nearest[0], nearest[1], "neutral", nearest[3])  # "spoke about": what, not how
    if nearest[2] == "call":
        if _WEAK_CALL.match(nearest[3]) and (_IN_PERSON_CUE.search(text) or any(t[2] != "call" for t in triggers
                                                                              if abs(t[0] - nearest[0]) < 40)):
            return "in-person"
        return "call"
    if nearest[2] == "neutral" and any(t[2] not in ("neutral", "call") for t in triggers):
        return "in-person"  # "paid a working visit to Iraq, where he discussed with..."
    if nearest[2] == "neutral":
        if re.search(r"(?i)\b(?:a|an)\s+(?:\w+\s+)?$", text[max(0, nearest[0] - 20):nearest[0]]):
            return "in-person" if _IN_PERSON_CUE.search(text) else "call"  # "had a conversation with"
        if earlier and state is not None and state.last:
            return "call" if earlier[state.last[0]].type == "call" else "in-person"
        return "call" if not _IN_PERSON_CUE.search(text) else "in-person"
    return "in-person"


def _status(text: str, triggers, rules: _Compiled) -> str:
    """planned when a future marker governs a contact word, else occurred.

    A marker counts before the contact word ("will meet", "is due to visit", "to
    visit") or right after it in the same clause ("talks are scheduled for Monday"),
    not after a coordination ("are in talks and are expected to address the nation").
    A past-tense contact verb outweighs a distant marker.
    """
    for start, end, _, word in triggers:
        before = list(rules.planned.finditer(text, max(0, start - 60), end))
        if not before:
            # A future marker governs the rest of its clause ("will address Parliament on
            # Wednesday before a summit with Starmer"), unless a past-tense verb intervenes.
            far = list(rules.planned.finditer(text, 0, start))
            if far and not _PAST_VERB.search(text, far[-1].end(), start) and "," not in text[far[-1].end():start]:
                before = far[-1:]
        after = rules.planned.search(text, end, end + 45)
        if after and re.search(r"\band\b|,", text[end:after.start()]):
            after = None
        if not before and after is None:
            continue
        if _PAST_VERB.fullmatch(word) and not after and start - before[-1].end() > 40:
            continue
        return "planned"
    return "occurred"


# "TORONTO (UrduPoint News / Sputnik - 07th July, 2020) ...": the date of a wire dateline.
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Za-z .]{0,30})?\s*\([^()]{0,60}$")
_REPORT_VERBS = r"(?:said|says|announced|told reporters|reported|stated|confirmed|tweeted|wrote|added)"
_REPORT_DATE = re.compile(_REPORT_VERBS + r"\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_REPORT_DATE_AFTER = re.compile(r"\s+" + _REPORT_VERBS + r"\b", re.I)
_PRESENT = re.compile(r"(?i)^(?:arrives|meets|visits|travels|heads|hosts|flies|holds|receives|welcomes|speaks|calls|talks|begins|starts)$")


def _date(text: str, base, publication: Publication, status: str, triggers) -> ResolvedDate:
    from .when import find_time_expressions, resolve_time

    tense = "future" if status == "planned" else "past"
    present = status == "occurred" and any(_PRESENT.match(t[3]) for t in triggers)
    best = None
    report_day = None
    trig = triggers[0][0]
    for expr in find_time_expressions(text):
        if expr.kind == "since" or getattr(expr, "role", None) == "dateline" or _DATELINE.match(text[:expr.start]):
            continue  # "since X" dates an earlier contact or a period; a dateline dates the page
        if _REPORT_DATE.search(text[max(0, expr.start - 12):expr.start]) or _REPORT_DATE_AFTER.match(text, expr.end):
            # "said on May 2", "on Tuesday announced": the day of the report, which dates a
            # contact reported as done only when nothing else does.
            if status == "occurred" and report_day is None:
                report_day = resolve_time(expr, base, tense="past")
            continue
        res = resolve_time(expr, base, tense=tense)
        if present and base is not None:
            # "Xi arrives in France on Sunday": the present tense of a schedule; the nearer
            # of the two readings is meant.
            ahead = resolve_time(expr, base, tense="future")
            if ahead.value and res.value and _days_from(ahead.value, base) < _days_from(res.value, base):
                res = ahead
        if res.value is None:
            continue
        distance = abs(expr.start - trig)
        if best is None or distance < best[0]:
            best = (distance, res)
    if best is not None:
        return _basis(best[1], publication)
    if report_day is not None and report_day.value:
        return replace(_basis(report_day, publication), reason="the day it was reported")
    if status == "occurred" and base is not None:
        # News reports the newest thing: an undated contact is the publication day's.
        return ResolvedDate(base.isoformat(), "day", "inferred" if publication.basis == "inferred" else "relative",
                            reason="undated; taken as the publication date")
    return ResolvedDate(None, None, "unknown", reason="no time expression")


def _day_in_force(state: _State, base, publication: Publication) -> ResolvedDate | None:
    """The day the story last named, for a contact reported without a date of its own."""
    from .when import date_in_force, find_time_expressions

    if state.expressions is None:
        state.expressions = find_time_expressions(state.text)
    found = date_in_force(state.text, state.pos, base, expressions=state.expressions)
    if found is None or found.paragraphs_back > NARRATIVE_PARAGRAPHS:
        return None
    if base is not None and found.date.value and found.date.value > base.isoformat():
        return None
    return replace(_basis(found.date, publication), reason="the day the story last named")


def _days_from(value: str, base) -> int:
    try:
        return abs((dt.date.fromisoformat(value) - base).days)
    except ValueError:
        return 10**6


def _after_publication(status: str, date: ResolvedDate, base) -> str:
    """The date outweighs the grammar: a contact dated after the publication had not
    happened yet (planned); one dated wholly before it had ("his meeting with Xi last
    month" in a sentence about a dinner that will be held)."""
    if base is None or not date.value or (date.reason or "").startswith("undated"):
        return status
    day = base.isoformat()
    if status == "occurred" and date.granularity == "day" and date.value > day:
        return "planned"
    if status == "planned" and date.basis in ("explicit", "relative", "inferred") and not day.startswith(date.value) \
            and date.value < day[:len(date.value)]:
        return "occurred"
    return status


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


def _place(text: str, people, gazetteer, kind: str, speaker=None) -> tuple[str | None, str | None]:
    """The place of an in-person contact and, for a visit, the host country (ISO3)."""
    if kind != "in-person":
        return None, None
    countries = {p.country for p in people if p.country}
    place = host = None
    for m in _PLACE.finditer(text):
        name = re.sub(r"^the ", "", m.group("place"))
        code = place_code(name, gazetteer)
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


def _solo_visit(cand: Candidate, people, triggers, base, publication, gazetteer, rules, version, duration):
    """A visit whose host officials go unnamed: the visitor alone, and where they went."""
    if len(people) != 1 or not any(t[2] == "visit" for t in triggers):
        return []
    if rules.cancelled.search(cand.text) or _SUMMIT.search(cand.text):
        return []  # travelling to a summit is not a visit to its host
    m = re.search(
        r"\b(?:visit(?:s|ed|ing)?|trip to|travel(?:s|led|ed|ling|ing)?(?: on)? to|arriv(?:e|es|ed|ing)(?: in)?|tour of|fly to|"
        r"flew to|visit (?:of|by) [^,.;]{3,80}? to|heading to|head to|heads to|jetted into|landed in|en route to)\s+"
        r"(?P<place>" + _PLACE_WORDS + r")",
        cand.text,
    )
    if not m:
        return []
    out = []
    for place in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("place")):  # "heading to Serbia and Hungary"
        out += _solo_visit_to(cand, people[0], place, triggers, base, publication, gazetteer, rules, version, duration)
    return out


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


def _as_participants(people, gazetteer, date: ResolvedDate) -> tuple[Participant, ...]:
    return tuple(Participant(p.surface, p.name, p.pid, p.country, p.role) for p in people)


def _level(participants, gazetteer, date: ResolvedDate) -> str | None:
    levels = []
    for p in participants:
        try:
            levels.append(gazetteer.level(p.person_id, date.value))
        except KeyError:
            levels.append("official")  # a local person: no office the data knows
    return "leader" if levels and all(lv == "leader" for lv in levels) else "official"


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))
