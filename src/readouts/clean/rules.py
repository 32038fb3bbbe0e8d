"""The boilerplate rules of the plain-text cleaner, loaded once from data files.

The files live in ``readouts/data/boilerplate/`` (see its README.md): lists of
regular expressions grouped under ``[section]`` headers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

RULES_VERSION = "readouts.boilerplate.v1"


def read_sections(filename: str) -> dict[str, list[str]]:
    """The ``[section]`` lists of one data file, comments and blank lines left out."""
    text = resources.files("readouts").joinpath("data", "boilerplate", filename).read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
            continue
        if current is None:
            raise ValueError(f"{filename}: the pattern {line!r} comes before any [section].")
        current.append(line)
    return sections


def _any(patterns: list[str], *, flags: int = re.I) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


try:  # the parser of the re module, to find the words a pattern cannot match without
    import re._parser as _sre_parse
    from re._constants import BRANCH as _BRANCH, IN as _IN, LITERAL as _LITERAL
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parse
    from sre_constants import BRANCH as _BRANCH, IN as _IN, LITERAL as _LITERAL


_RARE_MARKS = set("/|()[]{}<>»›©@#")


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None
    when no such set of strings of 3 characters or more is found.

    Python's re tries each pattern at each position of a line; testing these plain
    substrings first (``in``, in C) skips almost every line for almost every pattern.
    """
    try:
        items = list(_sre_parse.parse(pattern, re.I))
    except Exception:
        return None
    candidates: list[tuple[str, ...]] = []
    run = ""
    for op, arg in items:
        if op is _LITERAL:
            run += chr(arg)
            continue
        if run:
            candidates.append((run,))
            run = ""
        if op is _BRANCH:
            alternatives = []
            for alternative in arg[1]:
                best, current = "", ""
                for aop, aarg in alternative:
                    if aop is _LITERAL:
                        current += chr(aarg)
                    else:
                        best, current = max(best, current, key=len), ""
                best = max(best, current, key=len)
                alternatives.append(best)
            if all(alternatives):
                candidates.append(tuple(alternatives))
        elif op is _IN and all(member_op is _LITERAL for member_op, _ in arg):
            candidates.append(tuple(chr(c) for _, c in arg))  # a class of single characters: [/|(]
    if run:
        candidates.append((run,))
    # Rare punctuation ("/", "|", "(") screens as well as a word does.
    candidates = [c for c in candidates
                  if min(len(x.strip()) for x in c) >= 3 or all(x in _RARE_MARKS for x in c)]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))
    return tuple(sorted({x.lower() for x in best}))


@dataclass(frozen=True)
class ScreenedPatterns:
    """Regexes searched in a line, each behind a plain-substring screen, and all
    behind one screen of every substring (a line that has none skips them all)."""

    patterns: tuple[tuple[tuple[str, ...] | None, re.Pattern], ...]
    screen: re.Pattern | None  # None: some pattern has no required substring
    # The screen's substrings (those that contain none of the others) when they are few and
    # each is a word or a rare mark: testing each with ``in`` is then about twice as fast as
    # the regex, which tries every one of them at every position of the line.
    words: tuple[str, ...] | None = None

    @classmethod
    def compile(cls, patterns: list[str]) -> "ScreenedPatterns":
        compiled = tuple((required_literals(p), re.compile(p, re.I)) for p in patterns)
        screen = words = None
        if compiled and all(lits for lits, _ in compiled):
            found = sorted({x for lits, _ in compiled for x in lits}, key=len, reverse=True)
            screen = re.compile("|".join(re.escape(x) for x in found))
            # a word that contains another of them adds nothing to the screen
            minimal = [x for x in found if not any(y != x and y in x for y in found)]
            if len(minimal) <= 32 and all(len(x) >= 3 or x in _RARE_MARKS for x in minimal):
                words = tuple(minimal)
        return cls(compiled, screen, words)

    def _screened_out(self, low: str) -> bool:
        """``not self.screen.search(low)``: no required substring in the line."""
        if self.words is not None:
            for x in self.words:
                if x in low:
                    return False
            return True
        return self.screen is not None and not self.screen.search(low)

    def count(self, line: str, low: str | None = None) -> int:
        """How many of the patterns match ``line`` (``low``: the line lower-cased)."""
        low = line.lower() if low is None else low
        if self._screened_out(low):
            return 0
        return sum(1 for lits, rx in self.patterns
                   if (lits is None or any(x in low for x in lits)) and rx.search(line))

    def search(self, line: str, low: str | None = None) -> bool:
        low = line.lower() if low is None else low
        if self._screened_out(low):
            return False
        return any((lits is None or any(x in low for x in lits)) and rx.search(line)
                   for lits, rx in self.patterns)


@dataclass(frozen=True)
class BoilerplateRules:
    drop_patterns: tuple[tuple[str, tuple[str, ...]], ...]  # the sections of drop_lines.txt
    drop_line: re.Pattern  # match at the start of a line
    pitch_strong: ScreenedPatterns
    pitch_weak: ScreenedPatterns
    caption: ScreenedPatterns
    tail: re.Pattern  # fullmatch
    date: re.Pattern  # search: a calendar date or a timestamp
    dated_caption_end: re.Pattern  # search: ", Oct. 18, 2023." at the end of a line
    dateline_words: frozenset[str]

    @cached_property
    def drop_sections(self) -> tuple[tuple[str, re.Pattern], ...]:
        """One regex per section of drop_lines.txt (compiled when first asked: only
        ``explain`` needs them)."""
        return tuple((name, _any(list(patterns))) for name, patterns in self.drop_patterns)

    def drop_reason(self, line: str) -> str | None:
        """The section of drop_lines.txt that matches a line, for explaining a drop."""
        for name, pattern in self.drop_sections:
            if pattern.match(line):
                return name
        return None


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    """Compile the data files (once per process)."""
    drop = read_sections("drop_lines.txt")
    pitch = read_sections("pitch_phrases.txt")
    captions = read_sections("captions.txt")
    tail = read_sections("tail_markers.txt")
    dates = read_sections("dates.txt")

    months = sorted(dates["months"], key=len, reverse=True)
    month = r"(?:%s)\.?" % "|".join(re.escape(m) for m in months)
    day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:1[89]|20)\d\d"
    date = (
        rf"\b(?:{month}\s+{day},?\s*{year}"  # Oct. 18, 2023 / Nov 15,2018
        rf"|{day}\s+{month},?\s+{year}"  # 18 October 2023
        rf"|{year}-[01]\d-[0-3]\d(?:T[\d:.]+Z?)?"  # 2022-02-04T14:00:00Z
        rf"|[0-3]?\d[/.][01]?\d[/.]{year}"  # 24/10/2025, 16.10.2019
        rf"|{month}\s+{day}(?=\s|,|$)"  # June 30
        rf"|{day}\s+{month}(?=\s|,|$)"  # 30 June
        rf"|[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?"  # 1:42 pm
        rf")"
    )
    full_date = rf"(?:{month}\s+{day},?\s*{year}|{day}\s+{month},?\s+{year})"
    words = set()
    for section in ("months", "weekdays", "filler"):
        words.update(w.lower() for w in dates.get(section, ()))
    return BoilerplateRules(
        drop_patterns=tuple((name, tuple(p)) for name, p in drop.items()),
        drop_line=_any([p for ps in drop.values() for p in ps]),
        pitch_strong=ScreenedPatterns.compile(pitch.get("strong", [])),
        pitch_weak=ScreenedPatterns.compile(pitch.get("weak", [])),
        caption=ScreenedPatterns.compile([p for ps in captions.values() for p in ps]),
        tail=_any([p for ps in tail.values() for p in ps]),
        date=re.compile(date, re.I),
        dated_caption_end=re.compile(rf",\s+{full_date}\.\s*(?:\([^()]{{1,60}}\)\.?)?\s*$", re.I),
        dateline_words=frozenset(words),
    )
