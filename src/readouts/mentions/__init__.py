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

Modules, one job each: ``sentence`` (contact words, clauses, sides), ``people``
(who takes part), ``dating`` (when, and whether it happened yet), ``places``
(where, and the host of a visit), ``visits`` (visits a phrase gives on its own),
``details`` (duration, sources, topics), ``state`` (what the stage remembers
while reading), ``lexicon`` (the compiled rules).
"""
from __future__ import annotations

import datetime as dt
import re

from dataclasses import replace

from ..find import is_candidate, sentences
from ..records import Article, Mention, Publication, ResolvedDate
from ..rules import rules_version, url_country
from .dating import _basis, _dated_back_references
from .details import _duration, _refers_back, _sources, _topics, _union
from .lexicon import _ANAPHORIC, _GROUP_REF, compiled
from .people import _as_participants, _level, _people, _speaker
from .places import place_code
from .sentence import _mentions_in
from .state import _State, _dedupe, _remember


def extract_mentions(article: Article, publication: Publication, gazetteer) -> list[Mention]:
    """Every engagement mention of the article, in text order."""
    rules = compiled()
    version = f"{rules_version()}+{getattr(gazetteer, 'version', '?')}"
    base = publication.date
    if not is_candidate(article.text):
        return []  # no contact word on the whole page: no sentence of it has one
    sents = sentences(article)
    # The cheap filter: only a page with a contact word next to a known office-holder or
    # title is read in full (every sentence scanned for people, for the story's context).
    candidate_hits = {c.index: gazetteer.scan(c.text) for c in sents if is_candidate(c.text)}
    if not any(candidate_hits.values()):
        return []
    state = _State(home=url_country(article.url), version=version)
    mentions: list[Mention] = []
    state.text = article.text
    state.place_home = _first_place_country(sents, gazetteer)
    for cand in sents:
        state.index = cand.index
        state.pos = cand.start
        refs = _people(cand.text, base, gazetteer, state, hits=candidate_hits.get(cand.index))
        speaker = _speaker(cand.text, gazetteer, base, state)
        if speaker is not None:
            state.speaker = speaker
            state.speakers.setdefault(speaker.pid, (speaker, cand))
        elif cand.index < 4 and _AUTHORED.match(cand.text) and refs:
            # "Statement by President von der Leyen ...", "Remarks by President Biden and
            # President Marcos ...": who speaks in the text below ("I", "we").
            state.announced = _dedupe(refs)
            state.speaker = state.speaker or refs[0]
        if cand.index not in candidate_hits:
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
    mentions = _chronology(mentions, base)
    mentions = _before_the_return(mentions, sents, base, publication, gazetteer)
    mentions = _companions_met_there(mentions)
    return [replace(m, doc_id=article.doc_id) for m in mentions]


def _companions_met_there(mentions: list[Mention]) -> list[Mention]:
    """ "Merz travelled to Kyiv together with Macron, Starmer and Tusk. There, the four
    leaders met Zelenskyy": the travellers together are no contact of their own when the
    story tells whom they met there that day."""
    def people(m):
        return {p.person_id for p in m.participants}

    return [m for m in mentions if "companions" not in m.flags or not any(
        o is not m and "companions" not in o.flags and o.type != "call" and o.date.value == m.date.value
        and people(m) < people(o) for o in mentions)]


# "Feb. 25 -- ...", "March 31-April 1 -- ...": a line of a chronology, dated at its head.
_DATED_LINE = re.compile(r"\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*[-–]\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2})?|"
                         r"\d{1,2}\s+[A-Z][a-z]{2,8})\s*(?:--|—|–|-|:)\s")


def _chronology(mentions: list[Mention], base: dt.date | None = None) -> list[Mention]:
    """A chronology's dated lines ascend. When one line's year is known from elsewhere (the
    office a title names), the lines after it take the first such day after the line
    before, and the lines before it the last such day before the line after."""
    lines = [i for i, m in enumerate(mentions) if _DATED_LINE.match(m.evidence) and m.date.value
             and m.date.granularity == "day" and m.date.text and not re.search(r"\b[12]\d{3}\b", m.date.text)]
    if len(lines) < 3:
        return mentions
    pinned = next((k for k, i in enumerate(lines) if mentions[i].date.reason == "the year of the office the text names"),
                  None)
    if pinned is None:
        return mentions
    out = list(mentions)

    def moved(i, year):
        d = dt.date.fromisoformat(out[i].date.value)
        try:
            return d.replace(year=year)
        except ValueError:
            return None

    def set_day(i, day):
        out[i] = replace(out[i], date=replace(out[i].date, value=day.isoformat(), basis="inferred",
                                              reason="its place in the chronology"))

    for k in range(pinned + 1, len(lines)):
        prev = dt.date.fromisoformat(out[lines[k - 1]].date.value)
        options = [d for d in (moved(lines[k], prev.year), moved(lines[k], prev.year + 1)) if d and d >= prev]
        if options:
            set_day(lines[k], min(options))
    for k in range(pinned - 1, -1, -1):
        nxt = dt.date.fromisoformat(out[lines[k + 1]].date.value)
        options = [d for d in (moved(lines[k], nxt.year), moved(lines[k], nxt.year - 1)) if d and d <= nxt]
        if options:
            set_day(lines[k], max(options))
    return _plans_of_the_past(out, lines, base)


def _plans_of_the_past(mentions: list[Mention], lines: list[int], base: dt.date | None) -> list[Mention]:
    """ "March 8 -- ... the U.S. president has agreed to meet Kim in May": a plan of that day,
    for the May after it. Past when the chronology was written, it says nothing of what then
    happened: not an engagement of the ledger."""
    from ..when import resolve_time

    line_day = {mentions[i].span: dt.date.fromisoformat(mentions[i].date.value) for i in lines}
    out = []
    for m in mentions:
        day = line_day.get(m.span)
        if day is not None and m.status == "planned" and m.date.text and not re.search(r"\b[12]\d{3}\b", m.date.text):
            then = resolve_time(m.date.text, day, tense="future")
            if then.value and base is not None and base.isoformat()[:len(then.value)] > then.value:
                continue  # planned for a time before the publication
        out.append(m)
    return out


# "In the evening of February 19, after returning from Germany, ...": the trip ended then.
_RETURN = re.compile(r"\b(?:(?:after|upon|on|since) (?:returning|(?:his|her|their) return|coming back)|returned|"
                     r"(?:was|were|is|are) back) (?:home )?from (?P<place>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})")


def _before_the_return(mentions: list[Mention], sents, base, publication: Publication, gazetteer) -> list[Mention]:
    """A trip that the story says ended on a day ("after returning from Germany" on February
    19) holds the contacts told before it without a day of their own: the meetings in
    Munich were on that day at the latest, not on the publication day after it."""
    from ..when import find_time_expressions, resolve_time

    if base is None or not mentions:
        return mentions
    for cand in sents:
        back = _RETURN.search(cand.text)
        if back is None:
            continue
        country = place_code(back.group("place"), gazetteer)
        exprs = [e for e in find_time_expressions(cand.text) if e.kind in ("date", "weekday", "relative")]
        if country is None or not exprs:
            continue
        nearest = min(exprs, key=lambda e: abs(e.start - back.start()))
        day = resolve_time(nearest, base, tense="past")
        if day.granularity != "day" or not day.value or day.value >= base.isoformat():
            continue
        # The trip is what the story is about: its lead names a place of that country.
        told = [c for c in sents[:4] if c.start < cand.start and any(
            gazetteer.place_country(w) == country for w in re.findall(r"[A-Z][\w'’.-]+", c.text))]
        if not told:
            continue
        dated = replace(_basis(day, publication), reason="before the return from the trip")
        # Contacts told before it, in person, dated later only by the story's default (the
        # publication day, or a "today" said there), not by a day of their own.
        mentions = [replace(m, date=dated) if m.span[1] <= cand.start and m.type != "call" and m.status == "occurred"
                    and m.date.basis != "explicit" and (m.date.value or "") > day.value
                    and (m.location is None or place_code(m.location, gazetteer) == country)
                    else m for m in mentions]
        break
    return mentions


_AUTHORED = re.compile(r"\s*(?:\[Title\]\s*)?(?:Joint )?(?:Statement|Remarks|Message|Op-ed|Address|Speech|Interview|Press statement|"
                       r"Press [Cc]onference|News [Cc]onference|Opening [Ss]tatement) (?:by|of|from)\b", re.I)


def _first_place_country(sents, gazetteer) -> str | None:
    """The home of the page by its first lines: a dateline or an address ("LONDON —",
    "From: Prime Minister's Office, 10 Downing Street", "Moscow, Russia"), or an
    organisation in its masthead ("NATO News")."""
    for c in sents[:6]:
        m = re.match(r"\s*(?P<place>[A-Z0-9][A-Za-z0-9 .'’-]{2,40}?)\s*(?:,|—|–|--|\(|$)", c.text[:80])
        if m and (len(c.text) < 60 or m.group("place").isupper()):
            place = m.group("place")
            code = place_code(place.title() if place.isupper() else place, gazetteer)
            if code is not None:
                return code
        if len(c.text) < 90:
            # A short line: an address or a masthead. Venues and capitals only (a
            # nationality word says nothing of where the page comes from).
            for phrase in re.findall(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}", c.text):
                code = gazetteer.place_country(phrase)
                if code is None:
                    # "NATO", or the organisation a masthead opens with ("NATO News")
                    org = next((o for o in _ORGANISATIONS if phrase == o or phrase.startswith(o + " ")), None)
                    code = gazetteer.country_code(org) if org else None
                if code is not None:
                    return code
    return None


_ORGANISATIONS = frozenset({"NATO", "UN", "United Nations", "European Commission", "European Council", "EU"})


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
