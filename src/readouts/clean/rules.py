"""The boilerplate rules of the plain-text cleaner, loaded once from data files.

The files live in ``readouts/data/boilerplate/`` (see its README.md): lists of
regular expressions grouped under ``[section]`` headers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
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


@dataclass(frozen=True)
class BoilerplateRules:
    drop_sections: tuple[tuple[str, re.Pattern], ...]
    drop_line: re.Pattern  # match at the start of a line
    pitch_strong: tuple[re.Pattern, ...]
    pitch_weak: tuple[re.Pattern, ...]
    caption: re.Pattern  # search
    tail: re.Pattern  # fullmatch
    date: re.Pattern  # search: a calendar date or a timestamp
    dated_caption_end: re.Pattern  # search: ", Oct. 18, 2023." at the end of a line
    dateline_words: frozenset[str]

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
        drop_sections=tuple((name, _any(p)) for name, p in drop.items()),
        drop_line=_any([p for ps in drop.values() for p in ps]),
        pitch_strong=tuple(re.compile(p, re.I) for p in pitch.get("strong", ())),
        pitch_weak=tuple(re.compile(p, re.I) for p in pitch.get("weak", ())),
        caption=_any([p for ps in captions.values() for p in ps]),
        tail=_any([p for ps in tail.values() for p in ps]),
        date=re.compile(date, re.I),
        dated_caption_end=re.compile(rf",\s+{full_date}\.\s*(?:\([^()]{{1,60}}\)\.?)?\s*$", re.I),
        dateline_words=frozenset(words),
    )
