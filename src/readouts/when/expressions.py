"""Finding and parsing time expressions in text (one compiled regex pass).

Kinds of :class:`TimeExpression` (field ``kind``):

``date``
    a day, fully or partly written: "Oct. 18, 2023", "Dec. 23", "23 December",
    "January 18th", "18th of January", "2024-01-18", "19/01/2024", "on the 18th",
    "Tuesday, November 8". Fields: ``year`` (None when not written), ``month``
    (None for "on the 18th"), ``day``, ``weekday`` (when written next to it).
``month``
    a month: "January 2024", "in March", "last March", "mid-January". Fields:
    ``year`` (or None), ``month``, ``modifier`` (last/next/this) or ``qualifier``
    (early/mid/late).
``year``
    "in 2023", "since 2019", "late 2022", "the summer of 2022": ``year``, ``qualifier``
    (early/mid/late or a season). A bare number is
    only taken for a year after a preposition or qualifier.
``weekday``
    "Friday", "on Friday", "last Friday", "next Tuesday", "Friday night": ``weekday``
    (0 = Monday), ``modifier`` (last/next/this or None), ``part`` (night, ...).
``relative``
    today, tonight, yesterday, tomorrow, last week, earlier this month, this year,
    over the weekend, "three days ago", "in two weeks", "the next day": ``relative`` (a
    code such as ``day-1``, ``week-1``, ``month0past``, ``weekend``, ``ago``, ``in``;
    codes starting ``anchor`` count from another event, not from the publication),
    ``quantity`` and ``unit`` for "N units ago" / "in N units" / "N units later".
``range``
    "March 3-5", "from 3 to 5 March", "February 24-25, 2020", "March 30 to April 2":
    ``year``/``month``/``day`` of the first day, ``end_year``/``end_month``/``end_day``.
``role`` is "dateline" for the date of a dateline, byline or date line ("WASHINGTON,
Jan 19 (Reuters) -", "Updated: 19 January 2024", a line holding only a date): it dates
the page, not an event.

``since``
    a back-reference, "since Dec. 23", "since 2019", "since last month": the
    referenced date's fields, and ``ref_kind``, the kind of the referenced expression.

Every expression also keeps ``prep``, the preposition written before it (on, in,
since, from, ...; lower case) or None. Values are parsed, not validated: "January 45"
is found (day=45) and :func:`readouts.when.resolve_time` says why it is unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx

KINDS = ("date", "month", "year", "weekday", "relative", "range", "since")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression found in a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    kind: str  # see KINDS and the module docstring
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday ... 6 = Sunday
    end_year: int | None = None  # ranges only
    end_month: int | None = None
    end_day: int | None = None
    relative: str | None = None  # relative kinds: a code from data/time/lexicon.json, or "ago"
    quantity: int | None = None  # "3 days ago"
    unit: str | None = None  # day | week | month | year
    modifier: str | None = None  # last | next | this (weekday, month)
    qualifier: str | None = None  # early | mid | late (month, year)
    part: str | None = None  # morning | afternoon | evening | night
    prep: str | None = None  # the preposition before the expression, lower case
    ref_kind: str | None = None  # since: kind of the referenced expression
    role: str | None = None  # "dateline": the date of a dateline, byline or date line, not of an event


# ---------------------------------------------------------------- the pattern

_M = lx.MONTH_RE
_WDF = lx.WEEKDAY_FULL_RE
_WDA = lx.WEEKDAY_ANY_RE
_Y = r"[12]\d{3}(?![\d])"
# A day number: digits with an optional ordinal suffix, never the start of a time
# ("14:02") or of a longer number.
_DN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_DAY = rf"(?:{_DN}|{lx.ORDINAL_WORD_RE})"
_DASH = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
_PART = rf"(?:\s+{lx.DAY_PART_RE})"
_WDPRE = rf"(?:{_WDA}{_PART}?,?\s+)"  # "Tuesday, " / "Tuesday night " before a date
# Nothing may follow a date that would make it part of a larger number ("January 1, 99999").
_NOTNUM = r"(?![,\s]*\d{4,})"
# "October 13 last year", "in June this year": the year said relative to the base
# "in June, I believe, of 2020": a speaker's hedge between a month and its year
_HEDGE = r"(?i:I\s+(?:believe|think)|if\s+I\s+(?:remember|recall)(?:\s+correctly)?)"
_RY = r",?\s+(?P<RY>(?i:last|this|next)\s+year)(?![A-Za-z])"

_PATTERN = rf"""
(?<![A-Za-z0-9:])
(?:(?P<prep>{lx.PREPOSITION_RE})\s+)?
(?:
  (?P<iso>(?P<iso_y>{_Y})(?P<iso_sep>[-/.])(?P<iso_m>[01]?\d)(?P=iso_sep)(?P<iso_d>[0-3]?\d)(?![\d-]|[/.]\d))
| (?P<num>(?P<num_a>[0-3]?\d)(?P<num_sep>[/.])(?P<num_b>[0-3]?\d)(?P=num_sep)(?P<num_y>{_Y})(?![\d/.]\d))
| (?P<nny>(?:(?<=[Oo]n\s)|(?<=\())(?P<nny_a>[0-3]?\d)/(?P<nny_b>[0-3]?\d)(?![\d/]))
| (?P<rmf>(?P<rmf_wd>{_WDPRE})?(?P<rmf_m>{_M})\s*(?P<rmf_d1>{_DAY}){_DASH}(?:(?P<rmf_m2>{_M})\s*)?(?P<rmf_d2>{_DAY})(?:,?\s*(?P<rmf_y>{_Y}))?{_NOTNUM})
| (?P<rdf>(?P<rdf_d1>{_DAY})(?:\s+(?P<rdf_m1>{_M}))?{_DASH}(?P<rdf_d2>{_DAY})\s+(?:of\s+)?(?P<rdf_m>{_M})(?:,?\s*(?P<rdf_y>{_Y}))?{_NOTNUM})
| (?P<mdy>(?P<mdy_wd>{_WDPRE})?(?:the\s+)?(?P<mdy_m>{_M})\s*(?P<mdy_d>{_DAY})(?:,?\s*(?P<mdy_y>{_Y})|{_RY.replace("RY", "mdy_ry")})?{_NOTNUM})
| (?P<dmy>(?P<dmy_wd>{_WDPRE})?(?:the\s+)?(?P<dmy_d>{_DAY})\.?(?:\s+of)?\s+(?P<dmy_m>{_M})(?:,?\s*(?P<dmy_y>{_Y})|{_RY.replace("RY", "dmy_ry")})?{_NOTNUM})
| (?P<my>(?:(?P<my_mod>{lx.WEEKDAY_MODIFIER_RE})\s+|(?P<my_q>{lx.MONTH_QUALIFIER_RE})[\s-]*)?(?P<my_m>{_M})(?:(?:,\s+{_HEDGE},)?,?\s+(?:of\s+)?(?P<my_y>{_Y})|{_RY.replace("RY", "my_ry")})?{_NOTNUM})
| (?P<yr>(?:(?P<yr_q>{lx.MONTH_QUALIFIER_RE})[\s-]*)?(?:(?:the\s+)?(?P<yr_season>(?i:spring|summer|autumn|fall|winter))\s+(?:of\s+)?)?(?P<yr_y>{_Y})(?![\d/:-]|[.,]\d))
| (?P<ago>(?P<ago_n>\d{{1,3}}|{lx.NUMBER_WORD_RE}|(?i:a\s+few|several))\s+(?P<ago_u>(?i:day|week|month|year))s?\s+(?i:or\s+so\s+)?(?i:ago|earlier))
| (?P<dur>(?P<dur_n>\d{{1,3}}|{lx.NUMBER_WORD_RE})\s+(?P<dur_u>(?i:day|week|month|year))s?(?:['’]s?)?(?:\s+(?i:time|later|from\s+now))?(?![A-Za-z]))
| (?P<rel>{lx.RELATIVE_RE})
| (?P<wd>(?:(?P<wd_mod>{lx.WEEKDAY_MODIFIER_RE})\s+)?(?P<wd_d>{_WDF})(?P<wd_part>{_PART})?)
| (?P<dom>the\s+(?P<dom_d>[0-3]?\d(?:st|nd|rd|th))(?![\d:])(?!\s+(?:of\s+)?(?:{_M}|(?i:century|centuries|anniversary|amendment|floor|time|round|day|session|edition|annual|congress|parliament|summit|meeting))))
)
"""

_RX = re.compile(_PATTERN, re.VERBOSE)

# Speed: rather than trying the whole pattern at every character, split the text into
# words with a cheap regex, look each up in a set of words an expression must contain
# (a number, a month, a weekday, an ordinal, the head word of a relative phrase), and
# try the pattern there, first from the run of words that may open an expression
# (prepositions, modifiers, "the end of", "a few", a weekday) just before it.
_WORD = re.compile(r"[A-Za-z]+|\d+")
_TRIGGER_WORDS = frozenset(
    {w.rstrip(".").lower() for w in lx.MONTHS} | set(lx.WEEKDAYS) | set(lx.ORDINAL_WORDS)
    | {w.split()[-1].lower() for w in lx.RELATIVE} | set(lx.DAY_PARTS)
    | {"day", "days", "week", "weeks", "month", "months", "year", "years"})
_ORDINAL_PARTS = frozenset(p for w in lx.ORDINAL_WORDS for p in w.split("-"))
_OPENER_WORDS = frozenset(
    {p for w in lx.PREPOSITIONS for p in w.split()} | {p for w in lx.WEEKDAY_MODIFIERS for p in w.split()}
    | {p.strip("-") for w in lx.MONTH_QUALIFIERS for p in w.split()} | set(lx.NUMBER_WORDS)
    | set(lx.WEEKDAYS) | set(lx.DAY_PARTS) | _ORDINAL_PARTS
    | {p for w in lx.RELATIVE for p in w.split()[:-1]} | {"the", "of", "few", "several", "spring", "summer", "autumn", "fall", "winter"})
BACKOFF_WORDS = 5


_RELATIVE_YEAR = {"last year": "year-1", "this year": "year0", "next year": "year+1"}


def _day_value(tok: str | None) -> int | None:
    if tok is None:
        return None
    t = tok.lower()
    if t in lx.ORDINAL_WORDS:
        return lx.ORDINAL_WORDS[t]
    digits = t.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


def _month_value(tok: str | None) -> int | None:
    if tok is None:
        return None
    return lx.MONTHS.get(tok.rstrip(".").lower())


def _weekday_value(tok: str | None) -> int | None:
    if tok is None:
        return None
    w = tok.strip().rstrip(",").split()[0].rstrip(".").lower()
    return lx.WEEKDAYS.get(w)


def _year_value(tok: str | None) -> int | None:
    return int(tok) if tok else None


def _norm(tok: str | None) -> str | None:
    return " ".join(tok.lower().split()) if tok else None


def _build(m: re.Match) -> TimeExpression | None:
    """The expression for one regex match, or None when the match is not a time expression."""
    g = m.group
    alt = m.lastgroup
    prep = _norm(g("prep"))
    f: dict = {}
    if alt == "iso":
        kind = "date"
        f = dict(year=int(g("iso_y")), month=int(g("iso_m")), day=int(g("iso_d")))
    elif alt == "num":
        a, b = int(g("num_a")), int(g("num_b"))
        # d/m/y where the first number cannot be a month, m/d/y where the second cannot;
        # both <= 12 and different is ambiguous: month=None marks it for the resolver.
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day, month = a, b
        elif g("num_sep") == ".":
            day, month = a, b  # dotted numeric dates are day-first wherever they are used
        else:
            day, month = a, None
            f["relative"] = "ambiguous-numeric"
        kind = "date"
        f.update(year=int(g("num_y")), month=month, day=day)
    elif alt == "nny":  # "on 12/23": only month/day where the day cannot be a month
        a, b = int(g("nny_a")), int(g("nny_b"))
        kind = "date"
        if b > 12 >= a >= 1:
            f = dict(month=a, day=b)
        elif a > 12 >= b >= 1:
            f = dict(month=b, day=a)
        else:
            f = dict(month=None, day=a, relative="ambiguous-numeric")
    elif alt == "rmf":
        kind = "range"
        m1 = _month_value(g("rmf_m"))
        m2 = _month_value(g("rmf_m2")) or m1
        y = _year_value(g("rmf_y"))
        f = dict(year=y, month=m1, day=_day_value(g("rmf_d1")), end_year=y, end_month=m2,
                 end_day=_day_value(g("rmf_d2")), weekday=_weekday_value(g("rmf_wd")))
    elif alt == "rdf":
        kind = "range"
        m2 = _month_value(g("rdf_m"))
        m1 = _month_value(g("rdf_m1")) or m2
        y = _year_value(g("rdf_y"))
        f = dict(year=y, month=m1, day=_day_value(g("rdf_d1")), end_year=y, end_month=m2,
                 end_day=_day_value(g("rdf_d2")))
    elif alt == "mdy":
        kind = "date"
        f = dict(year=_year_value(g("mdy_y")), month=_month_value(g("mdy_m")),
                 day=_day_value(g("mdy_d")), weekday=_weekday_value(g("mdy_wd")),
                 relative=_RELATIVE_YEAR.get(_norm(g("mdy_ry")) or ""))
    elif alt == "dmy":
        kind = "date"
        f = dict(year=_year_value(g("dmy_y")), month=_month_value(g("dmy_m")),
                 day=_day_value(g("dmy_d")), weekday=_weekday_value(g("dmy_wd")),
                 relative=_RELATIVE_YEAR.get(_norm(g("dmy_ry")) or ""))
    elif alt == "my":
        kind = "month"
        mod = lx.WEEKDAY_MODIFIERS.get(_norm(g("my_mod")) or "")
        q = lx.MONTH_QUALIFIERS.get(_norm(g("my_q")) or "")
        y = _year_value(g("my_y"))
        # A bare month name ("May", "March", "August") is too often a name or a word:
        # take it only with a year, a preposition, a modifier or a qualifier.
        ry = _RELATIVE_YEAR.get(_norm(g("my_ry")) or "")
        if y is None and not (prep or mod or q or ry):
            return None
        f = dict(year=y, month=_month_value(g("my_m")), modifier=mod, qualifier=q, relative=ry)
    elif alt == "yr":
        kind = "year"
        q = lx.MONTH_QUALIFIERS.get(_norm(g("yr_q")) or "")
        if not (q or g("yr_season") or prep in ("in", "since", "during", "until", "till", "by", "before", "after", "from", "through")):
            return None
        f = dict(year=int(g("yr_y")), qualifier=q)
    elif alt == "ago":
        kind = "relative"
        n = g("ago_n").lower()
        if n.isdigit():
            qty = int(n)
        elif n in lx.NUMBER_WORDS:
            qty = lx.NUMBER_WORDS[n]
        else:
            qty = None  # "a few", "several": not a number of days
        f = dict(relative="ago", quantity=qty, unit=g("ago_u").lower())
    elif alt == "dur":  # "in two weeks", "three days later": an offset forward
        n = g("dur_n").lower()
        qty = int(n) if n.isdigit() else lx.NUMBER_WORDS.get(n)
        tail = m.group(0).lower()
        if prep not in ("in", "within") and not tail.endswith(("later", "from now")):
            return None  # "for two days", "two days of talks": a duration, not a time
        rel = "anchor-later" if tail.endswith("later") and prep is None else "in"
        kind = "relative"
        f = dict(relative=rel, quantity=qty, unit=g("dur_u").lower())
    elif alt == "rel":
        kind = "relative"
        f = dict(relative=lx.RELATIVE[_norm(g("rel"))])
    elif alt == "wd":
        kind = "weekday"
        part = _norm(g("wd_part"))
        f = dict(weekday=_weekday_value(g("wd_d")), modifier=lx.WEEKDAY_MODIFIERS.get(_norm(g("wd_mod")) or ""),
                 part=part)
    elif alt == "dom":
        if prep != "on":
            return None
        kind = "date"
        f = dict(day=_day_value(g("dom_d")))
    else:  # pragma: no cover - every alternative is handled above
        return None
    if prep == "since":
        f["ref_kind"] = kind
        kind = "since"
    return TimeExpression(start=m.start(), end=m.end(), text=m.group(0), kind=kind, prep=prep, **f)


_PAGE_CUE_BEFORE = re.compile(r"(?i)(?:" + "|".join(re.escape(c) for c in lx.PAGE_DATE_CUES)
                              + r")\s*(?:on|at)?\s*:?\s*$|^\s*(?:•\s*)?By\b.{0,40}[-–—|]\s*$|^\s*[A-Z][A-Za-z .'’-]{1,40},\s*$")
_AFTER_DATELINE = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—:]|$)")
_DATE_LINE_REST = re.compile(
    r"^(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"  # ISO time
    r"[\s,|•\-–—]*(?:\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?[\s,|•\-–—]*$", re.I)


def _role(text: str, m: re.Match) -> str | None:
    """ "dateline" when the match dates the page: a dateline, a byline, a line of its own."""
    s, e = m.start(), m.end()
    ls = text.rfind("\n", 0, s) + 1
    before = text[ls:s]
    if len(before) > 60:
        return None
    le = text.find("\n", e)
    rest = text[e:(len(text) if le < 0 else le)]
    if not before.strip(" \t•|-–—") and _DATE_LINE_REST.match(rest):
        return "dateline"  # a line holding only the date (and maybe a time)
    if _PAGE_CUE_BEFORE.search(before) and (_AFTER_DATELINE.match(rest) or before.strip().endswith(":")
                                            or not before.strip().endswith(",")):
        return "dateline"
    return None


def find_time_expressions(text: str) -> list[TimeExpression]:
    """All time expressions of ``text``, in order and non-overlapping (one regex pass)."""
    if not text or not isinstance(text, str):
        return []
    out = []
    last_end = 0
    words = [(w.start(), w.group()) for w in _WORD.finditer(text)]
    for k, (ts, word) in enumerate(words):
        if ts < last_end or not (word.isdigit() or word.lower() in _TRIGGER_WORDS):
            continue
        if ts > 0 and text[ts - 1] == ":" and word.isdigit():
            continue  # "14:02"
        # the run of opener words right before the trigger, earliest first
        starts = [ts]
        j = k - 1
        while j >= 0 and k - j <= BACKOFF_WORDS and words[j][0] >= last_end and words[j][1].lower() in _OPENER_WORDS:
            starts.append(words[j][0])
            j -= 1
        starts.reverse()
        for s in starts:
            m = _RX.match(text, s)
            if m is None or m.end() <= ts:
                continue
            e = _build(m)
            if e is None:
                continue
            if e.kind == "month" and e.year is None and word.isupper() and len(word) > 1 \
                    and re.match(r"\s+[A-Z]\b", text[m.end():m.end() + 3]):
                continue  # "By JAN M. OLSEN": a name in capitals, not January
            if e.kind == "date" and e.day is not None and e.month is not None:
                role = _role(text, m)
                if role:
                    e = _with_role(e, role)
            out.append(e)
            last_end = m.end()
            break
    return out


def _with_role(e: TimeExpression, role: str) -> TimeExpression:
    from dataclasses import replace

    return replace(e, role=role)


@lru_cache(maxsize=4096)
def parse_time_expression(text: str) -> TimeExpression | None:
    """The first time expression of a short string, or None (cached: strings repeat)."""
    for e in find_time_expressions(text):
        return e
    return None
