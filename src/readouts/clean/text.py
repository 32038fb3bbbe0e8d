"""The line-level cleaner of plain-text scrapes.

A scrape is the text of a page with its furniture left in: navigation,
paywall meters, donation and newsletter pitches, cookie banners, teasers,
share buttons, captions printed twice. Each line is a candidate block; the
rules (data files, see ``rules.py``) drop furniture and label what is kept as
``title``, ``dateline``, ``caption`` or ``paragraph``.

Precision over recall: a line is dropped only when a rule says it is furniture,
so a sentence that reports news is never lost. Lines of any length come through
(one 200 KB line without a sentence break is one paragraph): the patterns run
only on lines short enough to be furniture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Article, Block, Document
from .rules import BoilerplateRules, boilerplate_rules

# Furniture is short: longer lines are never tested against these rules.
MAX_DROP_LINE = 300
MAX_PITCH_PARAGRAPH = 1500
SHORT_PITCH = 200
MAX_CAPTION = 400
MAX_DATELINE = 100
# A tail marker ("Comments", "Related articles") ends the article only past
# this share of the text: near the top it is a menu item.
TAIL_FROM = 0.3
# The title is looked for among the first kept lines.
TITLE_ZONE = 6

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_BULLET = re.compile(r"^(?:[•·▪●◦‣*]|-(?=\s))\s*")
_BULLET_MARKS = frozenset("•·▪●◦‣*-")
_QUOTE = re.compile(r"[\"“”«»„]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|al|bin|el))"
                     r"{0,6}(?:(?:\s*[,|/]\s*|\s+[–-]\s+)[A-Z][\w .'’-]{0,40})?$")
_ALL_CAPS_PLACE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}$")
_LABEL_SEPARATOR = re.compile(r"\s[|/>»›]\s|:\s")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’]*")


@dataclass
class _Line:
    text: str
    kind: str  # paragraph | caption | dateline | title


def normalise_line(line: str) -> str:
    """A line as the cleaner sees it: whitespace collapsed, list bullets, soft
    hyphens and zero-width spaces gone (they split names: "Gov\u00adern\u00adment")."""
    if "\u00ad" in line or "\u200b" in line or "\u2060" in line or "\ufeff" in line:  # _INVISIBLE
        line = _INVISIBLE.sub("", line)
    # ``_SPACE.sub(" ", line).strip()``: str.split and re's \s know the same whitespace
    # (tests/test_fast_paths.py), and splitting is done in C in one pass
    line = " ".join(line.split())
    # _BULLET matches only from one of its marks at the start of the line
    return _BULLET.sub("", line) if line and line[0] in _BULLET_MARKS else line


def clean_text(doc: Document) -> Article:
    """Clean a plain-text scrape into an Article (never raises on odd text)."""
    rules = boilerplate_rules()
    content = doc.content.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    kept, dropped = clean_lines(unwrap_lines(content.split("\n")), rules)
    return build_article(doc, kept, dropped)


# Hard-wrapped text (e-mail, wire feeds, saved text views) breaks lines at a
# fixed width in the middle of sentences.
WRAP_MIN, WRAP_MAX = 55, 100


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs, when the text is hard-wrapped.

    A text is taken as wrapped when most of its lines that run on into a next
    line are of a similar width (55-100 characters) and do not end a sentence;
    then a line is joined to the next unless it ends a sentence. Otherwise, lines are only
    joined where one clearly continues the other (the next starts in lower case
    and the line ends without a stop). Lines of scrapes, one paragraph each, stay
    as they are.
    """
    stripped = [x.strip() for x in lines]
    running = [i for i in range(len(stripped) - 1) if stripped[i] and stripped[i + 1]]
    wrapped = [i for i in running if WRAP_MIN <= len(stripped[i]) <= WRAP_MAX
               and not _SENTENCE_END.search(stripped[i])]
    hard_wrapped = len(wrapped) >= 4 and len(wrapped) >= 0.6 * len(running)
    out: list[str] = []
    joining = False
    for i, line in enumerate(stripped):
        if not line:
            out.append("")
            joining = False
            continue
        if joining and out:
            prev = out[-1]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[:1].islower():
                out[-1] = prev[:-1] + line  # a word hyphenated at the line end
            else:
                out[-1] = prev + " " + line
        else:
            out.append(line)
        nxt = stripped[i + 1] if i + 1 < len(stripped) else ""
        if hard_wrapped:
            # a line that ends a sentence is not joined: a paragraph split at a sentence
            # end costs nothing, furniture glued to news would
            joining = bool(nxt) and not _SENTENCE_END.search(line)
        else:
            joining = bool(nxt) and nxt[:1].islower() and not _SENTENCE_END.search(line) \
                and len(line) >= 20 and not line.endswith(":")
    return out


def clean_lines(raw_lines: list[str], rules: BoilerplateRules, *, title: str | None = None,
                trace: list | None = None, normalised: bool = False) -> tuple[list[_Line], int]:
    """The kept lines with their kinds, and how many non-blank lines were dropped.

    ``title``: the page title when the caller knows it (HTML metadata); otherwise
    the title is guessed from the first lines. ``trace``: a list that receives
    ``(line, verdict)`` for every non-blank line, for ``explain``. ``normalised``: each
    line is already ``normalise_line``'s output (or such outputs joined by " | "), so
    normalising it again can only take off one more list bullet.
    """
    total = sum(len(x) + 1 for x in raw_lines) or 1
    position = 0
    kept: list[_Line] = []
    seen: set[str] = set()
    dropped = 0
    if title:
        kept.append(_Line(title, "title"))
        seen.add(title.casefold())

    def keep(line: _Line) -> None:
        kept.append(line)
        if trace is not None:
            trace.append((line.text, line))

    def drop(line: str, why: str) -> None:
        nonlocal dropped
        dropped += 1
        if trace is not None:
            trace.append((line, "drop:" + why))

    for index, raw in enumerate(raw_lines):
        offset = position
        position += len(raw) + 1
        if normalised:
            line = _BULLET.sub("", raw) if raw and raw[0] in _BULLET_MARKS else raw
        else:
            line = normalise_line(raw)
        if not line:
            continue
        if not _has_letters(line, 2):
            if len(line) <= MAX_DATELINE and has_date(line, rules) and line.casefold() not in seen:
                seen.add(line.casefold())
                keep(_Line(line, "dateline"))  # "2020-08-19 19:18"
            else:
                drop(line, "no-words")  # rules, dots, stray symbols
            continue
        n = len(line)
        if n <= 30 and " " not in line and line == line.lower() and not _SENTENCE_END.search(line):
            drop(line, "fragment")  # a lone lowercase token: a widget label ("more-in"), a cut-off word
            continue
        if n <= MAX_DROP_LINE and offset >= TAIL_FROM * total and rules.tail.fullmatch(line.rstrip(" :")):
            drop(line, "tail")
            for rest in raw_lines[index + 1:]:
                if rest.strip():
                    drop(normalise_line(rest), "after-tail")
            break
        key = line.casefold()
        if key in seen:
            drop(line, "repeated")
            # An image's alt text and its caption: a line printed twice in a row is a caption.
            if kept and kept[-1].text.casefold() == key and kept[-1].kind == "paragraph":
                kept[-1].kind = "caption"
            continue
        if kept and kept[-1].kind in ("paragraph", "caption") and _extends(kept[-1].text, line):
            # alt text and caption again, one with a credit added: keep the longer, as a caption
            drop(kept[-1].text if len(line) > len(kept[-1].text) else line, "repeated")
            if len(line) > len(kept[-1].text):
                kept[-1].text = line
                seen.add(key)
            kept[-1].kind = "caption"
            continue
        if n <= MAX_DROP_LINE and rules.drop_line.match(line):
            drop(line, rules.drop_reason(line) if trace is not None else "furniture")
            continue
        low = line.lower()
        if n <= MAX_PITCH_PARAGRAPH and is_pitch(line, rules, low):
            drop(line, "pitch")
            continue
        seen.add(key)
        if n <= MAX_DATELINE and is_dateline(line, rules):
            keep(_Line(line, "dateline"))
            continue
        if n <= 70 and _BYLINE.match(line) and not _SENTENCE_END.search(line):
            drop(line, "byline")  # "By Jane Doe, Staff writer": not news
            continue
        if n <= MAX_CAPTION and (rules.caption.search(line, low) or (
                "," in line and line.endswith((".", ")")) and rules.dated_caption_end.search(line))):
            keep(_Line(line, "caption"))
            continue
        keep(_Line(line, "paragraph"))
    if not title:
        mark_title(kept)
    out = [x for x in kept if x.kind != "kicker"]
    dropped += len(kept) - len(out)
    if trace is not None:
        trace[:] = [(text, "drop:kicker" if getattr(v, "kind", None) == "kicker" else getattr(v, "kind", v))
                    for text, v in trace]
    return out, dropped


def explain(text: str) -> list[tuple[str, str]]:
    """Each non-blank line of a scrape with the cleaner's verdict: a block kind
    (title, dateline, caption, paragraph) or ``drop:<reason>``. For debugging rules."""
    trace: list[tuple[str, str]] = []
    content = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    clean_lines(unwrap_lines(content.split("\n")), boilerplate_rules(), trace=trace)
    return trace


def _has_letters(line: str, count: int) -> bool:
    found = 0
    for c in line:
        if c.isalpha():
            found += 1
            if found >= count:
                return True
    return False


def is_pitch(paragraph: str, rules: BoilerplateRules, low: str | None = None) -> bool:
    """A donation, subscription or newsletter pitch (see pitch_phrases.txt)."""
    low = paragraph.lower() if low is None else low
    strong = rules.pitch_strong.count(paragraph, low)
    if not strong:
        return False
    if strong >= 2 or rules.pitch_weak.search(paragraph, low):
        return True
    return len(paragraph) <= SHORT_PITCH and not _QUOTE.search(paragraph)


# Every alternative of the rules' date pattern has a digit it cannot match without (a
# day, a year or an hour): a line with no digit at all skips that pattern.
_DIGIT = re.compile(r"\d")


def has_date(line: str, rules: BoilerplateRules) -> bool:
    """``bool(rules.date.search(line))``, the pattern tried only on lines with a digit."""
    return _DIGIT.search(line) is not None and rules.date.search(line) is not None


def is_dateline(line: str, rules: BoilerplateRules) -> bool:
    """A line that is only a date, a timestamp or a place in capitals
    ("August 15, 2017", "Posted at 1:23 PM, Apr 29, 2022", "ANKARA")."""
    if _ALL_CAPS_PLACE.match(line) and len(line.split()) <= 4:
        return True
    if not has_date(line, rules):
        return False
    rest = rules.date.sub(" ", line)
    words = [w.strip(".'’").lower() for w in _TOKEN.findall(rest)]
    words = [w for w in words if w and w not in rules.dateline_words]
    return len(words) <= 2


def _extends(previous: str, line: str) -> bool:
    """One line is the other with something added at the end (a credit, a date)."""
    short, long = (previous, line) if len(previous) <= len(line) else (line, previous)
    return len(short) >= 40 and len(long) - len(short) <= 120 and long.casefold().startswith(short.casefold())


def _headline_like(line: _Line) -> bool:
    if line.kind != "paragraph":
        return False
    words = line.text.split()
    if not 2 <= len(words) <= 25 or len(line.text) > 220:
        return False
    return not line.text.endswith((".", ",", ";", ":")) or line.text.endswith("..")


def _body_paragraph(line: _Line) -> bool:
    return line.kind == "paragraph" and len(line.text.split()) >= 8 and bool(_SENTENCE_END.search(line.text))


def mark_title(kept: list[_Line]) -> None:
    """The title is the first headline-like line (5 words or more, else 2 or
    more) among the first kept lines, before the body starts."""
    zone = []
    for line in kept[:TITLE_ZONE]:
        if _body_paragraph(line):
            break
        zone.append(line)
    candidates = [x for x in zone if _headline_like(x)]
    pick = next((x for x in candidates if len(x.text.split()) >= 5), None) or next(iter(candidates), None)
    if pick is not None:
        pick.kind = "title"
        # Section labels above the title ("World", "World | Diplomacy", "EDITION: US")
        # are not news. Other short lines there may be a headline: they stay.
        for line in kept[: kept.index(pick)]:
            words = line.text.split()
            if line.kind == "paragraph" and not _SENTENCE_END.search(line.text) and (
                    len(words) == 1 or (len(words) <= 4 and _LABEL_SEPARATOR.search(line.text))):
                line.kind = "kicker"


def build_article(doc: Document, kept: list[_Line], dropped: int, *, page_date=None,
                  title: str | None = None, language: str | None = None) -> Article:
    """Join kept lines into an Article: blocks separated by blank lines, offsets into its text."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for line in kept:
        if parts:
            pos += 2
        blocks.append(Block(pos, pos + len(line.text), line.kind))
        parts.append(line.text)
        pos += len(line.text)
        if title is None and line.kind == "title":
            title = line.text
    return Article(doc_id=doc.id, text="\n\n".join(parts), blocks=tuple(blocks), title=title, url=doc.url,
                   published=doc.published, page_date=page_date, language=language, dropped_lines=dropped)
