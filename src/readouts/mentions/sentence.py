"""One sentence: its contact words, clauses and sides, and the mentions they make."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..records import Candidate, Mention, ResolvedDate
from .dating import (
    _after_publication,
    _back_reference,
    _basis,
    _date,
    _dated_by_story,
    _in_described_terms,
    _postponed,
    _status,
    _with_time,
)
from .details import _duration, _sources, _topics
from .lexicon import _ANAPHORIC, _Compiled, _GROUP_REF, _PAST_VERB, _QUESTION
from .people import (
    _FIRST_PERSON,
    _PRONOUN_SUBJECT,
    _WE,
    _as_participants,
    _engaged,
    _holding_office,
    _level,
    _outside_quotes,
    _outside_reporting_frame,
    _with_story_subject,
    _without_possessors,
    _without_senders,
)
from .places import _PLACE, _SUMMIT, _country_of_name, _named_sides, _place, place_code
from .state import _Ref, _State, _dedupe, _participants_of
from .visits import (
    _NOMINAL_VISIT,
    _OWN_VISIT,
    _PRONOUN_VISIT,
    _UNDER_WAY,
    _precedent,
    _receives_nobody,
    _solo_visit,
    _solo_visit_to,
    _within,
)


_COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_GROUP_OF_N = re.compile(r"(?i)\bthe (?P<n>three|four|five|six|seven)(?: (?:leaders|heads of state|heads of government|ministers|presidents))?\b")


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
    r",?\s+(?:before|after)\s+(?=\w+ing\b)|;\s+|,\s+while\s+|,\s+whereas\s+|,\s+where\s+(?=(?:he|she|they)\s+)"
    r"|,\s+but\s+(?=their\s+(?:[\w-]+\s+){0,4}(?:meeting|talks|call|conversation|visit|summit)\b)"
    r"|,?\s+and,?\s+(?=together with (?:him|her|them)\b)"
    r"|,\s+(?P<relative>who|whom)\s+|,\s+after which\s+"
    r"|,\s+(?:adding|saying|noting|stressing)(?:\s+that)?\s+"
    r"|(?<=\S)\s+that\s+(?=the\s+(?:[A-Z.]+\s+)?(?:president|prime minister|leader)\b|(?:he|she|they)\s+(?:has|have|had|will|would)\b)"
    r"|,?\s+(?:just\s+)?(?:like|as)\s+(?=(?:[A-Z][\w.’'-]*\s+){1,3}did\b|(?:he|she|they)\s+did\b)"
)
_LATTER = re.compile(r"\bthe latter\b", re.I)
_FORMER = re.compile(r"\bthe former\b(?! (?:president|prime|minister|leader|chancellor|king|head))", re.I)
_SPLIT_MEETINGS = re.compile(r"\b(?:bilateral|separately|individually|one-on-one|series of|a number of|respectively)\b"
                             r"|\bby (?:[\w.’'-]+ ){1,6}and by\b", re.I)  # "received by Macron and by Tusk"


# "...has not spoken with Lavrov since they met in Geneva in January": whatever the
# sentence denies, the two met then.
_SINCE_THEY = re.compile(
    r"\bsince (?:they|the two(?: leaders| ministers| men)?|we|he|she) (?:last |first )?(?P<verb>met|spoke|talked|held talks|"
    r"visited|came to|travell?ed to|hosted|"
    r"had talks|were together)\b"
)


def _fits_group(mention: Mention, words: str) -> bool:
    """ "The Presidents": a pair of heads of state; "the prime ministers": of governments."""
    words = words.lower()
    if "leaders" in words:
        # "the two leaders": heads of state or government, not a minister of the story
        return all(p.role in ("head_of_state", "head_of_government") for p in mention.participants)
    role = "head_of_state" if "president" in words else "head_of_government" if "prime minister" in words else None
    return role is None or all(p.role == role for p in mention.participants)


def _since_they_met(cand: Candidate, refs, implicit, base, publication, gazetteer, state: _State,
                    earlier: list[Mention] = ()) -> list[Mention]:
    from ..when import find_time_expressions, resolve_time

    m = _SINCE_THEY.search(cand.text)
    if not m:
        return []
    people = _dedupe([r for r in list(refs) + list(implicit) if r.start < m.start()])
    if len(people) == 1 and earlier:
        # "In his call with President Park, their first conversation since she visited ...":
        # the pair of the last contact reported that has the one named
        pair = next((e for e in reversed(earlier) if len(e.participants) == 2
                     and people[0].pid in {p.person_id for p in e.participants}), None)
        if pair is not None:
            people = _dedupe(people + [replace(r, start=people[0].start) for r in _participants_of(pair, state)])
    for expr in find_time_expressions(cand.text[m.end():m.end() + 60]):
        res = resolve_time(expr, base, tense="past")
        if not res.value:
            return []
        people = _holding_office(people, res, gazetteer)[0]
        if len({p.country for p in people if p.country}) < 2:
            return []
        kind = "call" if m.group("verb") in ("spoke", "talked") else "meeting"
        if m.group("verb") not in ("met", "spoke", "talked", "held talks", "had talks", "were together", "hosted") \
                and len(people) != 2:
            return []  # "since she visited": a visit of the pair only
        place, host = _place(cand.text[m.end():], people, gazetteer, "in-person") if kind != "call" else (None, None)
        if host is None and m.group("verb") in ("visited", "came to", "travelled to", "traveled to"):
            # "since she visited the White House": the one named travelled to the other
            host = next((p.country for p in people if p.pid != people[0].pid and p.country), None)
        date = _basis(res, publication)
        participants = _as_participants(people, gazetteer, date)
        return [Mention(
            doc_id="", type="visit" if host else kind, status="occurred", participants=participants, date=date,
            evidence=cand.text, span=(cand.start, cand.end), location=place,
            host=gazetteer.country_name(host) if host else None, level=_level(participants, gazetteer, date),
            flags=("back-reference",), rules=state.version,
        )]
    return []


def _clauses(text: str) -> list[tuple[int, int, str | None]]:
    """Clause spans (start, end, link): how a clause hangs on the one before it.

    link is "relative" for "..., who visited X" (the person before it is its subject),
    "sequel" for "... before heading to Y" (it shares the previous clause's time and
    status), else None.
    """
    spans, cursor, link = [], 0, None
    breaks = list(_CLAUSE_BREAK.finditer(text))
    for k, m in enumerate(breaks):
        spans.append((cursor, m.start(), link))
        cursor = m.end()
        link = "relative" if m.group("relative") else "sequel" if re.search(r"before|after", m.group()) else None
        if link == "relative":
            # "Kuleba, who arrived on Thursday on a visit, also met Doval on Friday": the aside
            # ends at a comma before the main verb, which is the subject's again.
            stop = breaks[k + 1].start() if k + 1 < len(breaks) else len(text)
            close = _ASIDE_END.search(text, cursor, stop)
            if close:
                spans.append((cursor, close.start(), link))
                cursor, link = close.end(), "resumed"
    spans.append((cursor, len(text), link))
    return [(a, b, k) for a, b, k in spans if b > a]


_ASIDE_END = re.compile(r",\s+(?=(?:also |later |then |on \w+ )?(?:met|held|spoke|visited|hosted|received|"
                        r"welcomed|called|talked|had|travelled|traveled|arrived|signed|said)\b)")


def _mentions_in(cand: Candidate, refs, base, publication, gazetteer, state: _State, rules: _Compiled,
                 earlier: list[Mention], version: str) -> list[Mention]:
    """The contacts one sentence reports, dated."""
    if _TAG_LINE.match(cand.text):
        return []  # "Keywords: #Lee Jae-myung #Xi Jinping #summit": the page's index, not its story
    found = _sentence_mentions(cand, refs, base, publication, gazetteer, state, rules, earlier, version)
    solos = [m for m in found if m.type == "visit" and len(m.participants) == 1 and m.host]
    if len(solos) == 1:
        solo = solos[0]
        code = gazetteer.country_code(solo.host)
        if code and any(m.type != "call" and len(m.participants) > 1
                        and solo.participants[0].person_id in {p.person_id for p in m.participants}
                        and all(p.country != code for p in m.participants) for m in found):
            # "will travel to Geneva, where he will meet Lavrov": a meeting in a third
            # country, which the trip is for; the trip alone is no second engagement.
            found = [m for m in found if m is not solo]
    if found and any(m.status == "planned" and m.level != "leader" for m in found):
        words = {t[3].lower() for t in _triggers(cand.text, rules)}
        if words <= {"summit", "summits"}:
            # "The three ministers agreed to prepare the next summit": a summit is their
            # leaders' meeting, not theirs.
            found = [m for m in found if not (m.status == "planned" and m.level != "leader")]
    if len(found) > 1 and _DURING_OWN_VISIT.search(cand.text):
        # "receives Buhari at the Union Buildings during Mr Buhari's state visit to South
        # Africa in October 2019": the reception is on the visit's days
        trip = next((m for m in found if len(m.participants) == 1 and m.type == "visit" and _has_own_day(m)), None)
        if trip is not None:
            found = _undated_take(found, trip.date)
    when = _WHEN_CLAUSE.search(cand.text)
    if when and len(found) > 1:
        # "after Xi's state visit to South Korea on Nov. 1, when the two leaders held their
        # first talks": the when-clause happens on the day of the clause it hangs on.
        told = next((m for m in found if _has_own_day(m) and m.date.text
                     and 0 <= cand.text.find(m.date.text) < when.start()), None)
        if told is not None:
            found = _undated_take(found, told.date)
    shifted = _DAYS_APART.search(cand.text)
    if shifted and found:
        found = _days_apart(found, shifted, earlier)
    if found and _CO_TRAVEL.search(cand.text):
        found = [replace(m, flags=tuple(sorted(set(m.flags) | {"companions"}))) if m.type != "call" else m for m in found]
    if found and earlier and _THEIR.search(cand.text):
        found = _their_visits(found, earlier, gazetteer)
    if any(m.date.text and _ANCHORED_DAY.match(m.date.text) for m in found):
        found = _anchored_to_story(found, state, base, publication)
    sequel = _FOLLOWING_CONTACT.match(cand.text)
    lead = next((m for m in earlier if m.status == "occurred" and m.date.granularity == "day"), None)
    if sequel and lead is not None:
        # "Following this meeting, the two ministers attended ...": the day of the story's
        # contact, not whatever day the paragraphs since have named.
        found = _undated_take(found, lead.date)
    if _PLACE_SERIES.search(cand.text):
        # "We met in San Diego, Belfast, Hiroshima, Washington, here": a history of
        # meetings in a list of places, each on a day the sentence does not give; none of
        # them is the story's day.
        found = [m for m in found if not _undated(m)]
    return _dated_by_story(found, state, base, publication)


def _undated(m: Mention) -> bool:
    """Dated only by default (the publication day), not by words of its own."""
    return (m.date.reason or "").startswith("undated")


def _has_own_day(m: Mention) -> bool:
    """Dated by words of its sentence, not by default nor by the story's day."""
    return m.date.value is not None and not (m.date.reason or "").startswith(("undated", "the day the story"))


def _undated_take(found: list[Mention], date: ResolvedDate) -> list[Mention]:
    return [replace(m, date=date) if _undated(m) else m for m in found]


_DURING_OWN_VISIT = re.compile(r"\bduring\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[\w’'-]+['’]s\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\b")
_TAG_LINE = re.compile(r"\s*(?:(?:Keywords?|Tags?|Topics?|Related(?: topics)?|Filed under)\s*:|(?:#\S+\s*){2,}$)", re.I)
_CO_TRAVEL = re.compile(r"(?i)\b(?:travell?ed|flew|went|came|arrived|journeyed)\b[^.;]{0,60}?\btogether with\b")
_THEIR = re.compile(r"(?i)\btheir\s+(?:[\w-]+\s+){0,2}(?:meeting|talks|summit|encounter|contact)")


def _their_visits(found: list[Mention], earlier: list[Mention], gazetteer) -> list[Mention]:
    """ "This was their second meeting ..., after the Prime Minister's visit to Moscow in
    July": a visit of one of the pair to the other's country is a visit to the other."""
    out = []
    for m in found:
        if m.type == "visit" and len(m.participants) == 1 and m.host:
            visitor = m.participants[0]
            code = gazetteer.country_code(m.host)
            pair = next((e for e in earlier if len(e.participants) == 2 and "back-reference" not in e.flags
                         and visitor.person_id in {p.person_id for p in e.participants}), None)
            other = next((p for p in pair.participants if p.person_id != visitor.person_id), None) if pair else None
            if other is not None and code and other.country == code:
                m = replace(m, participants=tuple(sorted((visitor, other), key=lambda p: p.name)))
        out.append(m)
    return out


_ANCHORED_DAY = re.compile(r"(?i)(?:on\s+)?(?:the\s+)?(?:next|following|previous|preceding)\s+day|the\s+day\s+(?:before|after)\b"
                           r"|(?:a|one|two|three)\s+days?\s+(?:later|earlier)")


def _anchored_to_story(found: list[Mention], state: _State, base, publication) -> list[Mention]:
    """ "The next day, Modi met Kishida": the day after the day the story last named, not
    after the publication day."""
    from ..when import resolve_time
    from .dating import _day_in_force

    day = _day_in_force(state, base, publication)
    if day is None or not day.value or day.granularity != "day":
        return found
    anchor = dt.date.fromisoformat(day.value)
    out = []
    for m in found:
        if m.date.text and _ANCHORED_DAY.match(m.date.text):
            res = resolve_time(m.date.text, base, anchor=anchor)
            if res.value and res.granularity == "day":
                status = "planned" if base is not None and res.value > base.isoformat() else "occurred"
                m = replace(m, date=replace(res, basis=day.basis, reason=f"{m.date.text} the story's {day.value}"),
                            status=status)
        out.append(m)
    return out


_WHEN_CLAUSE = re.compile(r",\s+when\s+(?!asked\b)")
_DAYS_APART = re.compile(r"(?i)\b(?P<n>a|one|two|three|four|five|\d)\s+days?\s+(?P<rel>after|before)\s+")
_N_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _days_apart(found: list[Mention], m: re.Match, earlier: list[Mention]) -> list[Mention]:
    """ "The call came a day after Erdogan spoke with Zelenskiy": the contact after "after"
    is that many days before the one the sentence is about (a contact of its own, dated,
    else the story's)."""
    anchor = next((x for x in found if _has_own_day(x) and x.date.granularity == "day"), None)
    if anchor is None:
        anchor = next((x for x in earlier if x.status == "occurred" and x.date.granularity == "day"), None)
    if anchor is None:
        return found
    n = _N_DAYS.get(m.group("n").lower()) or int(m.group("n"))
    sign = -1 if m.group("rel").lower() == "after" else 1
    day = dt.date.fromisoformat(anchor.date.value) + dt.timedelta(days=sign * n)
    moved = ResolvedDate(day.isoformat(), "day", anchor.date.basis, reason=f"{m.group().strip()} the contact of "
                         f"{anchor.date.value}", text=m.group().strip())
    return [replace(x, date=moved) if x is not anchor and not _has_own_day(x) else x for x in found]


_FOLLOWING_CONTACT = re.compile(r"\W*(?:Following|After|Immediately after|Right after)\s+(?:this|the|that)\s+"
                                r"(?:meeting|talks|conversation|call|telephone talk|summit)\b", re.I)
_PLACE_SERIES = re.compile(r"\b(?:met|have met|['’]ve met|been meeting)\s+(?:in|at)\s+"
                           r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},\s+){2,}")


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
    crowd = _GROUP_OF_N.search(text)
    if crowd and earlier:
        # "the four leaders joined a video conference with Zelensky": the people of the last
        # contacts reported, as many as the text counts.
        n = _COUNT_WORDS[crowd.group("n").lower()]
        seen: dict[str, _Ref] = {}
        for m in reversed(earlier):
            for r in _participants_of(m, state):
                seen.setdefault(r.pid, r)
            if len(seen) >= n:
                break
        if len(seen) == n:
            implicit += [replace(r, start=crowd.start()) for r in seen.values()]
            group = None
    if group:
        named = _dedupe([r for r in refs if r.start < group.start()])
        if len(named) == 2 and len({r.country for r in named if r.country}) == 2:
            group = None  # "Modi was welcomed by Meloni ..., and the two leaders spoke": those two
    if group and state.last and earlier:
        # "The two leaders" are the pair the story is about: its lead contact's, when that
        # was a pair; else the last contact's.
        lead = next((m for m in earlier if len(m.participants) == 2 and "back-reference" not in m.flags
                     and _fits_group(m, group.group())), None)
        pair = lead if lead is not None else earlier[state.last[0]]
        implicit += [replace(r, start=group.start()) for r in _participants_of(pair, state)]
    elif group and not earlier:
        # No contact reported yet (the first was cancelled): the last two people named, of
        # two countries.
        pair = []
        for pid in reversed(state.recent):
            ref = state.refs_by_pid.get(pid)
            if ref is not None and ref.country and all(ref.country != p.country for p in pair):
                pair.append(ref)
            if len(pair) == 2:
                break
        if len(pair) == 2:
            implicit += [replace(r, start=group.start()) for r in pair]
    # In a transcript, "I" is the speaker and "we" the speaker with the one spoken to.
    first_person = _FIRST_PERSON.search(text) or (_WE.search(text) if state.speaker is not None else None)
    if state.speaker is not None and first_person:
        implicit.insert(0, replace(state.speaker, start=first_person.start()))
        if first_person.group().lower().startswith("we"):
            # "we met in Moscow": the speaker and the one spoken to: the other side of the
            # speaker's first contact, else the other speakers the transcript names.
            lead = next((m for m in earlier if state.speaker.pid in {p.person_id for p in m.participants}), None)
            others = (_participants_of(lead, state) if lead is not None else
                      [sp for sp, _ in state.speakers.values()] + list(state.announced))
            implicit += [replace(r, start=first_person.start()) for r in _dedupe(others)
                         if r.pid != state.speaker.pid and r.country != state.speaker.country]
    pronoun = _PRONOUN_SUBJECT.search(text)
    if pronoun and state.subject is not None:
        implicit.insert(0, replace(state.subject, start=pronoun.start()))

    earlier_contact = _since_they_met(cand, refs, implicit, base, publication, gazetteer, state, earlier)
    refs = _without_senders(text, _without_possessors(text, list(refs)))
    refs = _outside_reporting_frame(text, refs, triggers)
    refs = _outside_quotes(text, refs, triggers)
    precedent = _precedent(cand, refs, base, publication, gazetteer, rules, version)
    if precedent:
        earlier_visitor = precedent[0].participants[0].person_id
        refs = [r for r in refs if r.pid != earlier_visitor]
    out: list[Mention] = list(precedent) + earlier_contact
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
    spans = _clauses(text)
    for cs, ce, link in spans:
        relative = link == "relative"
        clause_triggers = [t for t in triggers if cs <= t[0] < ce]
        if not clause_triggers:
            # "The Prime Minister said this after holding a meeting with X": the subject of a
            # clause with no contact word is the one the next clause continues
            named = sorted(_dedupe([p for p in refs if cs <= p.start < ce] + [p for p in implicit if cs <= p.start < ce]),
                           key=lambda p: p.start)
            previous_people = named or previous_people
            continue
        # Named people where they stand first, then those the text implies; in text order.
        people = _dedupe([p for p in refs if cs <= p.start < ce] + [p for p in implicit if cs <= p.start < ce])
        people.sort(key=lambda p: p.start)
        antecedent = max((r for r in refs if r.start < cs), key=lambda r: r.start, default=None)
        if link == "resumed":
            aside = max((a for a, _, k in spans if k == "relative" and a < cs), default=cs)
            antecedent = max((r for r in refs if r.start < aside), key=lambda r: r.start, default=None)
            relative = True
        if relative and antecedent is not None:
            people = _dedupe([replace(antecedent, start=cs)] + people)
        elif previous_people and cs > 0:
            latter = _LATTER.search(text, cs, ce)
            former = _FORMER.search(text, cs, ce)
            if latter:
                people = _dedupe([replace(previous_people[-1], start=latter.start())] + people)
            elif former:
                people = _dedupe([replace(previous_people[0], start=former.start())] + people)
            elif re.match(r"\s*(?:they|their|the (?:two|three|four|leaders)|together with (?:him|her|them))\b",
                          text[cs:ce], re.I):
                # "..., where they were received by X": all of them.
                people = _dedupe([replace(p, start=cs) for p in previous_people] + people)
            elif previous_people[0].pid not in {p.pid for p in people} and \
                    not any(p.start < clause_triggers[0][0] for p in people):
                # A clause without a subject of its own continues the last one's.
                people = _dedupe([replace(previous_people[0], start=cs)] + people)
        people = _with_story_subject(text, people, state, cs)
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
        # A one-sided visit reads its destinations to the end of the sentence ("visit Buenos
        # Aires, Argentina; Ecuador, Mexico City"): a list is no clause break.
        sub = Candidate(cand.start + cs, cand.end, text[cs:], cand.block_kind, cand.index)
        shifted = [replace(p, start=p.start - cs) for p in people]
        found = _solo_visit(sub, shifted, [(a - cs, b - cs, m, w) for a, b, m, w in triggers], base,
                            publication, gazetteer, rules, version, duration)
        return [replace(m, evidence=cand.text, span=(cand.start, cand.end)) for m in found]

    asked = _QUESTION.search(text)
    if asked and asked.start() > max(t[1] for t in triggers):
        asked = None  # "building on the meeting held between A and B, she wished to ...": after it
    if rules.cancelled.search(clause) or asked or text.rstrip(" \"'”’)").endswith("?"):
        return []  # cancelled, or asked about or hoped for rather than reported
    triggers = [t for t in triggers if not _receives_nobody(text, t, people)]
    if not triggers:
        return []  # "the presents we have received": received, but no one
    if _ANAPHORIC.match(clause) and not earlier:
        return []  # "The talks came hours after...": a teaser of a contact reported further on
    if state.last and earlier and _PAIR_SUBJECT.match(clause) and _only_talk(triggers) \
            and {p.pid for p in people} <= {p.person_id for p in earlier[state.last[0]].participants} \
            and not _has_time(clause):
        # "They also discussed trade", "They spoke about a range of other issues, including
        # the discussions between the UK and US": what the contact just reported was about.
        return []
    if state.last and earlier and (_ANAPHORIC.match(clause) or _all_definite(text, triggers)) and \
            {p.pid for p in people} <= {p.person_id for p in earlier[state.last[0]].participants}:
        # "The talks came hours after...", "...put forward during the conversation": the contact
        # just reported (the caller adds the detail).
        return []
    # The status and date are those of the contact words of the medium found: in "spoke by
    # phone on Sunday and said Turkey was ready to host talks", "to host talks" is not the call.
    own = [t for t in triggers if (t[2] == "call") == (kind == "call") or t[2] == "neutral"] or triggers
    local = [(a - cs, b - cs, m, w) for a, b, m, w in own]
    status = _status(clause, local, rules)
    date = _date(clause, base, publication, status, local)
    status = _after_publication(status, date, base)
    status, date = _postponed(clause, status, date, base, rules, publication)
    # a plan takes the day of a clause before only when that clause plans too ("arrived on
    # Sunday for a visit, where he will meet ...": Sunday is the arrival's)
    undated_plan = (status == "planned" and date.value is None and date.reason == "no time expression"
                    and not _PAST_VERB.search(text, 0, cs))
    if ((date.reason or "").startswith("undated") or undated_plan) and cs > 0:
        # The date may stand in a clause before ("In the evening of February 19, after
        # returning from Germany, the President had a phone conversation...", "On Friday,
        # the Secretary will travel to Geneva, where he will meet ..."), not in one after it
        # ("... like President Yoon did in Japan from March 16-17").
        earlier_date = _date(text[:ce], base, publication, status, triggers)
        if not (earlier_date.reason or "").startswith("undated") and (earlier_date.value or not undated_plan):
            date = earlier_date
    if status == "planned" and date.value is None and _UNDER_WAY.search(clause):
        # "is en route to the United States at this very moment": the trip is under way.
        date = ResolvedDate(base.isoformat(), "day", "relative", reason="a trip under way") if base else date

    date = _in_described_terms(date, people, base, publication)
    people, flags = _holding_office(people, date, gazetteer)
    people = _named_sides(clause, people, gazetteer)
    if len({p.country for p in people if p.country}) < 2:
        return []
    out: list[Mention] = []
    for group in _per_trigger(people, triggers, text, gazetteer) or _sides(people, kind, clause):
        place, host = _place(clause, [replace(p, start=p.start - cs) for p in group], gazetteer, kind, state.speaker)
        if kind == "in-person" and host is None:
            host = _host_of_the_visit(text, group)
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


# "During his visit, the Secretary General also met ...": a contact on a visit the story told.
_DURING_VISIT = re.compile(r"(?i)\b(?:during|on|in the course of|as part of) (?:his|her|the) (?:[\w-]+ ){0,2}"
                           r"(?:visit|trip|stay)\b(?! to\b)")


def _host_of_the_visit(text: str, group: list[_Ref]) -> str | None:
    """The host of a contact during the subject's visit: the country of the one they met."""
    if not _DURING_VISIT.search(text) or _SUMMIT.search(text):
        return None
    visitor = min(group, key=lambda p: p.start)
    hosts = {p.country for p in group if p.pid != visitor.pid and p.country and p.country != visitor.country}
    return hosts.pop() if len(hosts) == 1 else None


_DEFINITE_NOUN = re.compile(r"(?i)^(?:call|phone call|conversation|talks|meeting|discussions?|summit|visit|telephone conversation)$")


# "The previous meeting", "their last call": another contact than the one just reported.
_EARLIER_ONE = re.compile(r"(?i)\b(?:previous|last|earlier|prior|first|next)\s+(?:[\w-]+\s+)?$")


_PAIR_SUBJECT = re.compile(r"\W*(?:They|The two(?: leaders| ministers| sides)?|The leaders|Both leaders)\b")


def _only_talk(triggers) -> bool:
    return all(t[2] == "neutral" or re.match(r"(?i)(?:spoke|talked|discuss)", t[3]) for t in triggers)


def _has_time(text: str) -> bool:
    from ..when import find_time_expressions

    return bool(find_time_expressions(text))


def _all_definite(text: str, triggers) -> bool:
    """Is every contact word a noun that points back ("the conversation", "their talks")?"""
    nouns = [t for t in triggers if not re.match(r"(?i)speak|talk(?!s\b)", t[3])]  # "Speaking about ..." is no contact word
    return bool(nouns) and all(_DEFINITE_NOUN.match(t[3]) and
               re.search(r"(?i)\b(?:the|this|that|their|his|her|today'?s|today’s)\s+(?:[\w-]+\s+){0,2}$",
                         text[max(0, t[0] - 40):t[0]])
               and not _EARLIER_ONE.search(text[max(0, t[0] - 40):t[0]])
               for t in nouns)


def _per_trigger(people: list[_Ref], triggers, text: str, gazetteer=None) -> list[list[_Ref]]:
    """ "...at the Japan-ROK Summit Meeting with A, and at the Japan-China Summit Meeting with
    B": one contact per contact word that has counterparts of its own after "with"."""
    if len(triggers) < 2 or len(people) < 3:
        return []
    bounds = [t[0] for t in triggers] + [len(text)]
    segments, named = [], []
    for i, t in enumerate(triggers):
        objects = [p for p in people if t[1] <= p.start < bounds[i + 1]
                   and (re.search(r"\bwith\b", text[t[1]:p.start])
                        or re.match(r"(?i)call", t[3]) and p.start - t[1] < 40)]  # "call on President Duda"
        if objects:
            segments.append(objects)
        elif gazetteer is not None:
            # "at the Japan-China-Republic of Korea (ROK) Summit Meeting": the countries it
            # names take part, by the people of theirs the sentence names.
            codes = _countries_named_before(text, t[0], gazetteer)
            if len(codes) >= 3:
                named.append(codes)
    if len(segments) < 2:
        return []
    taken = {p.pid for seg in segments for p in seg}
    hubs = [p for p in people if p.pid not in taken]
    if not hubs:
        return []
    hub = min(hubs, key=lambda p: p.start)
    out = []
    for codes in named:
        group = [hub] + [next(p for p in people if p.country == c) for c in codes
                         if c != hub.country and sum(p.country == c for p in people) == 1]
        if hub.country in codes and len(group) == len(codes):
            out.append(group)
    return out + [[hub] + seg for seg in segments if any(p.country != hub.country for p in seg)]


_NAMED_SIDES = re.compile(r"(?P<pair>[A-Z][\w.]*(?: (?:of )?[A-Z][\w.]*){0,3}(?:\s?[-–]\s?[A-Z][\w.]*(?: (?:of )?[A-Z][\w.]*){0,3}){2,4})"
                          r"(?:\s*\([A-Z]+\))?\s+$")


def _countries_named_before(text: str, start: int, gazetteer) -> list[str]:
    m = _NAMED_SIDES.search(text[max(0, start - 80):start])
    if not m:
        return []
    codes = []
    for part in re.split(r"\s?[-–]\s?", m.group("pair")):
        code = _country_of_name(part, gazetteer)
        if code is None:
            return []
        codes.append(code)
    return list(dict.fromkeys(codes))


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
    if _CONFERENCE.search(clause):
        return [people]  # a video conference several joined is one contact
    split = len(countries) > 1 and (kind == "call" or _SPLIT_MEETINGS.search(clause) or _is_visit_like(clause)
                                    # "meets Macron, Sunak, Zelenskyy on G7 sidelines": one by one
                                    or len(countries) > 2 and re.search(r"(?i)\bsidelines|on the margins", clause))
    if not split:
        return [people]
    groups = []
    for country in dict.fromkeys(p.country for p in others):
        groups.append([hub] + [p for p in others if p.country == country])
    return groups


_CONFERENCE = re.compile(r"(?i)\b(?:video ?conference|videoconference|conference call|virtual (?:summit|meeting)|joined (?:a|the) (?:call|video)"
                         r"|together with (?:him|her|them)|jointly)")


def _is_visit_like(clause: str) -> bool:
    return re.search(r"\bvisit(?:s|ed|ing)?\b", clause, re.I) is not None and not _SUMMIT.search(clause)


_WEAK_CALL = re.compile(r"(?i)^(?:spoke|speaks?|talk(?:ed)?|call(?:s|ed|ing)?)$")
_IN_PERSON_CUE = re.compile(r"\b(?:in person|face[- ]to[- ]face|sidelines|on the margins|in (?:the )?(?:Kremlin|White House|Elysee|Élysée))\b", re.I)


def _medium(text: str, triggers, people=(), state=None, earlier=()) -> str:
    """call or in-person: the medium of the contact word nearest the people."""
    phone = re.search(r"(?i)\b(?:tele)?phon|\bvideo ?(?:call|conferenc|link)|\bvirtual(?:ly)? (?:call|meeting|talks)|\bcalls?\b", text)
    if phone and any(t[2] == "meeting" and re.search(r",\s+and\s+", text[t[1]:phone.start()]) for t in triggers):
        phone = None  # "We saw each other in Bishkek ..., and we stay in touch by telephone"
    if phone and not _IN_PERSON_CUE.search(text):
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
        if _is_visit_like(text[:nearest[0]]):
            return "in-person"  # a visit in an earlier clause of the sentence sets how they talked
        if earlier and state is not None and state.last:
            return "call" if earlier[state.last[0]].type == "call" else "in-person"
        return "call" if not _IN_PERSON_CUE.search(text) else "in-person"
    return "in-person"
