"""The publication date of a document: given, from the URL, from the page, or inferred.

Order of trust (``Publication.basis``):

1. ``given``: the caller knows it (a manifest, a feed); confidence 1.0.
2. ``url``: a full date in the URL path: ``/2024/01/19/``, ``/2024-01-19-slug``,
   ``/20240119/``, ``-19-january-2024``; confidence 0.9.
3. ``page``: ``page_date`` from the HTML metadata (htmldate/trafilatura, passed in by
   the caller; 0.85), else a dateline or byline in the first lines of the text
   ("WASHINGTON, Jan 19 (Reuters) -", "Updated: 19 January 2024 14:02",
   "Published on ...", a full date standing on its own line); 0.8.
4. ``inferred``: from internal evidence (see :mod:`readouts.when.infer`).
5. ``unknown``.
"""
from __future__ import annotations

import datetime as dt
import re

from ..records import Publication
from . import days
from . import lexicon as lx
from .expressions import find_time_expressions
from .infer import collect_evidence, infer_publication_date, score

# Plausible publication years: anything else in a URL is an id, not a date.
MIN_YEAR, MAX_YEAR = 1990, 2100

_URL_PATTERNS = (
    # /2024/01/19/ and /2024/01/19 at the end
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|[^\d])"),
    # 2024-01-19 / 2024_01_19 inside a path segment
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-_])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?!\d)"),
    # 20240119 as a whole token (bounded by non-digits)
    re.compile(r"(?<![\dA-Za-z])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
)
_URL_SLUG_DMY = re.compile(r"(?<![\dA-Za-z])(?P<d>[0-3]?\d)-(?P<mn>[a-z]{3,9})-(?P<y>(?:19|20)\d\d)(?!\d)")
_URL_SLUG_MDY = re.compile(r"(?<![A-Za-z])(?P<mn>[a-z]{3,9})-(?P<d>[0-3]?\d)-(?P<y>(?:19|20)\d\d)(?!\d)")
_URL_YEAR_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)(?:/|$)")


def _plausible(d: dt.date | None) -> bool:
    return d is not None and MIN_YEAR <= d.year <= MAX_YEAR


def url_date(url: str | None) -> tuple[dt.date, str] | None:
    """A full publication date written in a URL's path, with the part that gave it."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I)
    path = path.split("#", 1)[0]
    for rx in _URL_PATTERNS:
        for m in rx.finditer(path):
            d = days.safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if _plausible(d):
                return d, m.group(0).strip("/")
    low = path.lower()
    for rx in (_URL_SLUG_DMY, _URL_SLUG_MDY):
        for m in rx.finditer(low):
            mon = lx.MONTHS.get(m.group("mn"))
            if mon is None:
                continue
            d = days.safe_date(int(m.group("y")), mon, int(m.group("d")))
            if _plausible(d):
                return d, m.group(0)
    return None


def url_year_month(url: str | None) -> tuple[int, int] | None:
    """A year and month in the URL path without a day (``/2022/09/slug``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I)
    m = _URL_YEAR_MONTH.search(path)
    if m:
        y, mo = int(m.group("y")), int(m.group("m"))
        if MIN_YEAR <= y <= MAX_YEAR and 1 <= mo <= 12:
            return y, mo
    return None


# How far into the text a dateline or byline may stand.
HEADER_CHARS = 1500
_CUE_RX = re.compile("|".join(re.escape(c) for c in lx.PAGE_DATE_CUES) + r"|^\s*(?:•\s*)?By\b|^\s*[A-Z][A-Za-z .'’-]{1,40},\s*$", re.I)
# "(Reuters) -", "(TDI):" right after a dateline's date
_AGENCY_AFTER = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*[-–—:]")
_CAPTION_RX = lx.CAPTION_RX
# Days of inference cost by which a later header date must beat the first to replace it.
HEADER_DISAGREEMENT = 60
_UPDATED_RX = re.compile(r"(?i)(last\s+)?(updated|modified)")


def page_datelines(text: str) -> list[tuple[dt.date, str, bool]]:
    """Every date the page header states as its own, in order: (date, line, is_update).

    Candidates: a dateline or byline date, "Published/Posted/Updated ...", a full date
    alone on a short line (not a caption, not a sentence), within HEADER_CHARS.
    """
    head = text[:HEADER_CHARS]
    out = []
    for e in find_time_expressions(head):
        if e.kind != "date" or e.year is None or e.month is None or e.day is None:
            continue
        d = days.safe_date(e.year, e.month, e.day)
        if not _plausible(d):
            continue
        line_start = head.rfind("\n", 0, e.start) + 1
        line_end = head.find("\n", e.end)
        line_end = len(head) if line_end < 0 else line_end
        line = head[line_start:line_end].strip()
        before = head[line_start:e.start]
        if _CAPTION_RX.search(line):
            continue  # a photo caption dates the photo, not the page
        cue = bool(_CUE_RX.search(before[-40:])) or bool(_AGENCY_AFTER.match(head, e.end))
        short = len(line) <= 100 and not line.endswith(".")
        at_start = len(before.strip()) <= 3 and bool(_AGENCY_AFTER.match(head, e.end) or len(line) <= 400)
        if cue or short or at_start:
            out.append((d, line, bool(_UPDATED_RX.search(before))))
    return out


def page_dateline(text: str, today: dt.date | None = None) -> tuple[dt.date, str] | None:
    """The publication date the page header states.

    The first candidate wins, an "Updated" date giving way to a later-listed plain one
    (pages are updated after they appear). When the header offers several different
    dates (a site-wide date bar above the article's own), the one the body's time
    references agree with best wins.
    """
    cands = page_datelines(text)
    if not cands:
        return None
    ordered = [c for c in cands if not c[2]] + [c for c in cands if c[2]]
    if len({c[0] for c in ordered}) > 1:
        body = text
        for _, line, _ in ordered:  # the header's own dates are the candidates, not evidence
            body = body.replace(line, " " * len(line))
        ev = collect_evidence(body, today or dt.date.today())
        if ev.partial or ev.full_past or ev.lead is not None:
            scored = []
            for rank, (d, line, _) in enumerate(ordered):
                s = score(ev, d)
                scored.append(((s[0] + s[1]) if s else 10 ** 6, rank, d, line))
            floor = min(t[0] for t in scored)
            # only a clear disagreement overrides the header order
            best = min((t for t in scored if t[0] <= floor + HEADER_DISAGREEMENT), key=lambda t: t[1])
            return best[2], best[3]
    return ordered[0][0], ordered[0][1]


def publication_date(text: str, *, given: dt.date | None = None, url: str | None = None,
                     page_date: dt.date | None = None, today: dt.date | None = None,
                     not_before: dt.date | None = None, not_after: dt.date | None = None) -> Publication:
    """The publication date of a document and how it was known (never raises).

    ``given`` (the caller knows it) wins, then a date in ``url``, then ``page_date``
    (HTML metadata) or a dateline/byline in ``text``, then inference from the text's
    own time references. ``today`` bounds inference (nothing is published in the
    future; defaults to the current date); ``not_before``/``not_after`` bound it from
    outside evidence, such as the terms of office of the people the text names.
    """
    try:
        if isinstance(given, dt.datetime):
            given = given.date()
        if isinstance(given, dt.date):
            return Publication(date=given, basis="given", confidence=1.0, evidence="given by the caller")
        u = url_date(url)
        if u:
            return Publication(date=u[0], basis="url", confidence=0.9, evidence=u[1])
        if isinstance(page_date, dt.datetime):
            page_date = page_date.date()
        if isinstance(page_date, dt.date) and _plausible(page_date):
            return Publication(date=page_date, basis="page", confidence=0.85, evidence="page metadata")
        text = text if isinstance(text, str) else ""
        p = page_dateline(text, today)
        if p:
            return Publication(date=p[0], basis="page", confidence=0.8, evidence=p[1])
        nb = not_before if isinstance(not_before, dt.date) else None
        na = not_after if isinstance(not_after, dt.date) else None
        return infer_publication_date(text, url_month=url_year_month(url), today=today, not_before=nb, not_after=na)
    except Exception as exc:  # the contract: never raise
        return Publication(date=None, basis="unknown", confidence=0.0,
                           evidence=f"could not read a date: {type(exc).__name__}")
