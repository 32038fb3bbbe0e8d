"""When: the date of a contact, its status (occurred or planned), and earlier contacts referred back to."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..records import Candidate, Mention, Publication, ResolvedDate
from .lexicon import _Compiled, _PAST_VERB
from .state import _State

# "...for the first time since Dec. 23", "their first call since March": the words
# right before a "since" expression that make it an earlier contact of the same people.
_BACK_REF_LEAD = re.compile(
    r"\bfirst (?:[a-z-]+ ){0,2}?(?:time|call|conversation|phone call|telephone conversation|talks?|meeting|contact|"
    r"face-to-face meeting|in-person meeting|direct contact)(?: \w+){0,3}\s*$",
    re.IGNORECASE,
)


# How far back (in paragraphs, captions included) the day a story moved to still dates an
# undated contact: a lead's "on Friday" governs a story of the day's meetings.
NARRATIVE_PARAGRAPHS = 8


# "a follow-up of sorts on the December 7 videoconference talks ... and the December 30
# telephone conversation": earlier contacts of the same pair, each with its own day.
_DATED_NOUN = re.compile(
    r"\b(?:[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+(?P<when>[^,;.]{3,30}?)\s+(?:[a-z][\w-]*\s+)?"
    r"(?P<noun>videoconference talks|video conference|videoconference|video call|phone call|telephone conversation|"
    r"telephone call|phone conversation|call|conversation|talks|meeting|summit|visit)\b"
)


def _dated_back_references(cand: Candidate, refs, state: _State, mentions: list[Mention], base,
                           publication: Publication) -> list[Mention]:
    from ..when import find_time_expressions, resolve_time

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


def _with_time(text: str, end: int) -> int:
    """The end of a phrase together with a time expression right after it ("... in March")."""
    from ..when import find_time_expressions

    for expr in find_time_expressions(text[end:end + 60]):
        if expr.start <= 2:
            return end + expr.end
        break
    return end


# "We're going to discuss ...", "we are meeting today": the speaker's present, the day
# the words were said, not a day the story told of before.
_SPEAKERS_NOW = re.compile(r"(?i)\b(?:we|i)(?:\s+are|\s+am|['’]re|['’]m)\s+(?:now\s+)?(?:going to|meeting|holding|having)\b")


def _dated_by_story(mentions: list[Mention], state: _State, base, publication: Publication) -> list[Mention]:
    """Undated contacts take the day the story last named, when it named one."""
    if not any((m.date.reason or "").startswith("undated") for m in mentions):
        return mentions
    if _SPEAKERS_NOW.search(mentions[0].evidence):
        return mentions
    day = _day_in_force(state, base, publication)
    if day is None:
        return mentions
    return [replace(m, date=day, status=_after_publication(m.status, day, base))
            if (m.date.reason or "").startswith("undated") else m for m in mentions]


# "among the first foreign ministers to meet Rubio", "the last leader to visit": a
# distinction in the past, not a plan.
_DISTINCTION = re.compile(r"(?i)\b(?:first|last|only|latest)\b(?:\s+[\w-]+){0,4}\s*$")


# Contacts something to come builds on, follows up or recalls: done already.
_BUILT_ON = re.compile(r"(?i)\b(?:build(?:ing)? on|follow(?:ing)? up on|recall(?:ing)?|reflect(?:ing)? on|"
                       r"since|after)\s+(?:[\w’'-]+\s+){0,5}?(?:(?:including|and)\s+)?(?:their|our|his|her|the)\s+"
                       r"(?:[\w-]+\s+){0,2}$")


_PROGRESSIVE = re.compile(r"(?i)\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing$")
_SOON = re.compile(r"(?i)[^.;]*?\b(?:tonight|this (?:evening|afternoon)|tomorrow|later (?:today|this \w+)|"
                   r"next (?:week|month))\b")
_FINITE = re.compile(r"(?i)\b(?:will|would|is to|are to|is set to|is expected to|was|were|is|are|has|have|had|took|ended|began|lasted)\b")


def _status(text: str, triggers, rules: _Compiled) -> str:
    """planned when a future marker governs a contact word, else occurred.

    A marker counts before the contact word ("will meet", "is due to visit", "to
    visit") or right after it in the same clause ("talks are scheduled for Monday"),
    not after a coordination ("are in talks and are expected to address the nation").
    A past-tense contact verb outweighs a distant marker.
    """
    for start, end, _, word in triggers:
        if _BUILT_ON.search(text, max(0, start - 80), start):
            continue  # "will build on their recent conversations, including their meeting in June"
        if _PROGRESSIVE.search(text, max(0, start - 12), end) and _SOON.match(text, end, end + 80):
            return "planned"  # the present of a schedule: "is travelling to Washington this evening"
        before = [m for m in rules.planned.finditer(text, max(0, start - 60), end)
                  if not _DISTINCTION.search(text[max(0, m.start() - 60):m.start()])]
        if not before:
            # A future marker governs the rest of its clause ("will address Parliament on
            # Wednesday before a summit with Starmer"), unless a past-tense verb intervenes.
            far = list(rules.planned.finditer(text, 0, start))
            if far and not _PAST_VERB.search(text, far[-1].end(), start) and "," not in text[far[-1].end():start]:
                before = far[-1:]
        after = rules.planned.search(text, end, end + 45)
        if after and re.search(r"\band\b|,", text[end:after.start()]):
            after = None
        if after is None and re.search(r"(?i)\b(?:the|a|an|their|this)\s+(?:[\w-]+\s+)?$", text[max(0, start - 25):start]):
            # A contact named as the subject ("the meeting between Putin and the Turkish head
            # of state, Recep Tayyip Erdogan, will take place at noon"): its verb decides.
            verb = _FINITE.search(text, end, end + 140)
            if verb and verb.group().lower() in ("will", "would", "is to", "are to", "is set to", "is expected to") \
                    and not re.search(r",\s+(?:where|who|which|when|while|and|but|as)\b", text[end:verb.start()]):
                after = verb
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


_RELATIVE_PAST = re.compile(r"\b(?:that|which|whom)\s+(?:[\w’'.-]+\s+){0,3}?(?:[a-z]+ly\s+)?"
                            r"(?:raised|made|presented|proposed|signed|announced|sent|gave|put forward|offered|"
                            r"reached|mentioned|outlined|submitted|received|took)\s+(?:[\w’'-]+\s+){0,3}$")


_UNDER_WAY_NOW = re.compile(r"\b(?:is|are)\s+(?:now\s+|currently\s+|still\s+)?(?:in\s+|holding\s+|having\s+)?$")


_SPAN_SINCE_FIRST = re.compile(r"(?i)\bfirst\b")


def _date(text: str, base, publication: Publication, status: str, triggers) -> ResolvedDate:
    from ..when import find_time_expressions, resolve_time

    tense = "future" if status == "planned" else "past"
    present = status == "occurred" and any(_PRESENT.match(t[3]) for t in triggers)
    best = None
    report_day = None
    own_day = False  # the sentence gives the contact a day of its own (resolved or not)
    trig = triggers[0][0]
    for expr in find_time_expressions(text):
        if expr.kind == "since" or getattr(expr, "role", None) == "dateline" or _DATELINE.match(text[:expr.start]):
            continue  # "since X" dates an earlier contact or a period; a dateline dates the page
        since = re.search(r"\bsince\b", text[trig:expr.start])
        if since and "," in text[trig + since.end():expr.start]:
            since = None  # "have spoken several times since May, most recently on Sunday"
        if since or _SPAN_SINCE_FIRST.search(text[:expr.start]) \
                and re.match(r"(?i)in (?:\w+ ){0,3}(?:years?|months?|weeks?|decades?)\b", expr.text):
            # "their first conversation since Trump returned ... in January"; "the first talks
            # between the two in five years": the length of a silence, not the contact's day.
            continue
        if _REPORT_DATE.search(text[max(0, expr.start - 12):expr.start]) or _REPORT_DATE_AFTER.match(text, expr.end):
            # "said on May 2", "on Tuesday announced": the day of the report, which dates a
            # contact reported as done only when nothing else does.
            if status == "occurred" and report_day is None:
                report_day = resolve_time(expr, base, tense="past")
            continue
        if re.match(r"[’']s\s", text[expr.end:expr.end + 3]) and any(
                t[0] != trig and expr.end + 2 <= t[0] <= expr.end + 4 for t in triggers):
            continue  # "the host of this year's summit": the day of another occasion than the contact
        if _RELATIVE_PAST.search(text, trig, expr.start):
            # "to discuss the issues that you raised yesterday": the day of the relative
            # clause's own deed, not of the contact.
            continue
        if any(a <= expr.start < b and not a <= trig < b for a, b in _asides(text)):
            continue  # an aside about a person dates what they are, not the contact
        if expr.relative == "anchor0":
            # "later that day", "earlier in the day": the day the story is telling, which the
            # undated path finds (the day in force), not the publication day.
            continue
        # "on the previous day", "the next day": against the publication day
        own_day = True
        res = resolve_time(expr, base, tense=tense, anchor=base)
        if present and base is not None:
            # "Xi arrives in France on Sunday": the present tense of a schedule; the nearer
            # of the two readings is meant.
            ahead = resolve_time(expr, base, tense="future")
            if ahead.value and res.value and _days_from(ahead.value, base) < _days_from(res.value, base):
                res = ahead
        if res.value is None:
            continue
        if tense == "future" and _recent_past_occasion(expr, res, base):
            continue
        distance = abs(expr.start - trig)
        if best is None or distance < best[0]:
            best = (distance, res)
    if best is not None:
        return _basis(best[1], publication)
    at_summit = None if own_day else _at_summit(text, trig, base, status, publication)
    if at_summit is not None:
        return _basis(at_summit, publication)
    if report_day is not None and report_day.value:
        return replace(_basis(report_day, publication), reason="the day it was reported")
    if status == "occurred" and base is not None and any(_UNDER_WAY_NOW.search(text[max(0, t[0] - 30):t[0]])
                                                          for t in triggers):
        # "X is in talks with Y", "are meeting": under way as the story is written, whatever
        # day the story told before.
        return ResolvedDate(base.isoformat(), "day", "inferred" if publication.basis == "inferred" else "relative",
                            reason="under way as the story was written")
    if status == "occurred" and base is not None:
        # News reports the newest thing: an undated contact is the publication day's.
        return ResolvedDate(base.isoformat(), "day", "inferred" if publication.basis == "inferred" else "relative",
                            reason="undated; taken as the publication date")
    return ResolvedDate(None, None, "unknown", reason="no time expression")


# "on the sidelines of", "at", "during", "will travel to Rio for": a contact held at the
# summit that follows ("ahead of", "after" or "since" the summit are other days).
_AT_SUMMIT = re.compile(r"(?i)(?:\bat|\bduring|\bsidelines of|\bmargins of|\bfringes of|\bfor|\battend\w*|"
                        r"\bjoin\w*|\bin)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$")
SUMMIT_NOW_DAYS = 3


_OTHER_OCCASION = re.compile(r"(?i)\b(?:following|after|since|before|ahead of|prior to)\b")


def _at_summit(text: str, trig: int, base, status: str, publication: Publication) -> ResolvedDate | None:
    """A contact "at the G7 summit in Hiroshima" with no date of its own has that
    edition's date, unless the summit is under way as the story is written (then the
    story's own day is the better reading)."""
    from ..when.summits import edition, find_summits, summit_date

    tense = "future" if status == "planned" else "past"
    for ref in find_summits(text):
        if not _AT_SUMMIT.search(text[max(0, ref.start - 40):ref.start]):
            continue
        if trig < ref.start and _OTHER_OCCASION.search(text, trig, ref.start):
            continue  # "spoke ... following their talks at the summit": the summit was before
        s = edition(ref, base, tense)
        if s is None:
            continue
        if base is not None:
            near = s.start - dt.timedelta(days=SUMMIT_NOW_DAYS) <= base <= s.end + dt.timedelta(days=SUMMIT_NOW_DAYS)
            if near and publication.basis != "inferred":
                return None  # an inferred day is no better than the summit's own days
            if not near and (tense == "past") != (s.end < base):
                continue
        return summit_date(s, ref)
    return None


def _day_in_force(state: _State, base, publication: Publication) -> ResolvedDate | None:
    """The day the story last named, for a contact reported without a date of its own."""
    from ..when import date_in_force, find_time_expressions

    if state.expressions is None:
        state.expressions = find_time_expressions(state.text)
    found = date_in_force(state.text, state.pos, base, expressions=state.expressions)
    if found is None or found.paragraphs_back > NARRATIVE_PARAGRAPHS:
        return None
    if base is not None and found.date.value and found.date.value > base.isoformat():
        return None
    return replace(_basis(found.date, publication), reason="the day the story last named")


# ", who chairs the Group of 20 this year,": a present-tense aside about a person says
# what they are, not when the contact was (", who had been detained the day before,"
# tells of an event, and ", which we were having a month ago," of the contact itself).
# A clause cut at ", who" (sentence.py) starts with the aside's verb.
_ASIDE = re.compile(r"(?:^\s*|,\s+who\s+)(?:is|are|has|have|(?!was\b|has\b)[a-z]+s)\b[^,;.]*,")


def _asides(text: str) -> list[tuple[int, int]]:
    """The spans of present-tense asides about a person (", who chairs ... ,")."""
    return [m.span() for m in _ASIDE.finditer(text)] if ", who " in text or text[:1].islower() else []


def _recent_past_occasion(expr, res: ResolvedDate, base) -> bool:
    """A day without a year that, read forward, falls most of a year after publication but,
    read back, days before it ("At a dinner on May 2, the President said the visit will
    ..."): it dates the occasion of the words, not the contact they announce."""
    from ..when import resolve_time

    if base is None or expr.year is not None or expr.relative or expr.kind not in ("date", "range") \
            or len(res.value) < 10:
        return False
    back = resolve_time(expr, base, tense="past")
    return bool(back.value) and len(back.value) == 10 and _days_from(res.value, base) > 300 \
        and _days_from(back.value, base) <= 60


def _days_from(value: str, base) -> int:
    try:
        return abs((dt.date.fromisoformat(value) - base).days)
    except ValueError:
        return 10**6


def _postponed(text: str, status: str, date: ResolvedDate, base, rules, publication: Publication):
    """A contact put off is still planned: to the new date the text gives ("postponed to
    June"), else to none. Returns the status and date to use."""
    m = rules.postponed.search(text)
    if not m:
        return status, date
    from ..when import find_time_expressions, resolve_time

    for expr in find_time_expressions(text[m.end():m.end() + 60]):
        if re.match(r"\s*(?:to|until|till|for)\b", text[m.end():m.end() + expr.start + 1]):
            res = resolve_time(expr, base, tense="future")
            if res.value:
                return "planned", _basis(res, publication)
        break
    return "planned", ResolvedDate(None, None, "unknown", reason="put off without a new date")


def _in_described_terms(date: ResolvedDate, people, base, publication: Publication) -> ResolvedDate:
    """A date whose year the text does not give, moved into the term of an office the
    text names ("CIA Director Mike Pompeo visits Pyongyang" on "March 31": the March of
    his CIA term, not the last one before publication)."""
    terms = [p.term for p in people if p.term is not None]
    if not terms or not date.value or date.granularity != "day" or not date.text \
            or re.search(r"\b[12]\d{3}\b", date.text) or (date.reason or "").startswith("undated"):
        return date  # only a day the text wrote without its year
    day = dt.date.fromisoformat(date.value)

    def inside(d):
        return all(start <= d and (end is None or d <= end) for start, end in terms)

    if inside(day):
        return date
    for shift in (-1, -2, -3, 1):
        try:
            moved = day.replace(year=day.year + shift)
        except ValueError:
            continue
        if inside(moved) and (base is None or moved <= base):
            return replace(date, value=moved.isoformat(), basis="inferred",
                           reason="the year of the office the text names")
    return date


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
    from ..when import find_time_expressions, resolve_time

    for expr in find_time_expressions(text):
        if expr.kind != "since" or not _BACK_REF_LEAD.search(text[max(0, expr.start - 60):expr.start]):
            continue
        res = resolve_time(expr, base, tense="past")
        if res.value is None:
            return None
        return replace(mention, date=_basis(res, publication), duration_minutes=None, topics=(),
                       sources=(), status="occurred", flags=("back-reference",))
    return None
