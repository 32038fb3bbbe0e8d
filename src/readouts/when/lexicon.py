"""The word lists of the time reasoning, loaded once from ``readouts/data/time/lexicon.json``.

Everything language-specific (month and weekday names, relative phrases, cue words)
lives in that data file; this module only turns it into lookup tables and regex
alternations.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def load() -> dict:
    """The parsed lexicon (cached: read from the package data once per process)."""
    with resources.files("readouts").joinpath("data/time/lexicon.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _cased(names):
    """Title case and UPPER case forms: month and weekday names are proper nouns.

    Lower-case forms are left out on purpose ("may", "march", "sun" are ordinary words).
    """
    out = set()
    for n in names:
        out.add(n[0].upper() + n[1:])
        out.add(n.upper())
    return out


def _alternation(words) -> str:
    # Longest first, so "September" wins over "Sept" and "Sep".
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_LEX = load()

#: month name or abbreviation (any case form) -> 1..12
MONTHS: dict[str, int] = {}
#: weekday name or abbreviation -> 0 (Monday) .. 6 (Sunday)
WEEKDAYS: dict[str, int] = {}
_month_full = []
_month_abbr = []
for num, names in _LEX["months"].items():
    for i, name in enumerate(names):
        for form in _cased([name]):
            MONTHS[form.lower()] = int(num)
            (_month_full if i == 0 else _month_abbr).append(form)
_wd_full = []
_wd_abbr = []
for num, names in _LEX["weekdays"].items():
    for i, name in enumerate(names):
        for form in _cased([name]):
            WEEKDAYS[form.lower()] = int(num)
            (_wd_full if i == 0 else _wd_abbr).append(form)

ORDINAL_WORDS: dict[str, int] = dict(_LEX["ordinal_words"])
NUMBER_WORDS: dict[str, int] = dict(_LEX["number_words"])
RELATIVE: dict[str, str] = dict(_LEX["relative"])
WEEKDAY_MODIFIERS: dict[str, str] = dict(_LEX["weekday_modifiers"])
MONTH_QUALIFIERS: dict[str, str] = dict(_LEX["month_qualifiers"])
PREPOSITIONS: tuple[str, ...] = tuple(_LEX["prepositions"])
DAY_PARTS: tuple[str, ...] = tuple(_LEX["day_parts"])
FUTURE_CUES: tuple[str, ...] = tuple(_LEX["future_cues"])
PAST_CUES: tuple[str, ...] = tuple(_LEX["past_cues"])
CAPTION_CUES: tuple[str, ...] = tuple(_LEX["caption_cues"])
#: A photo caption: a credit word anywhere on the line, or a line ending in a
#: parenthesised credit ("... Munich, February 14, 2026. (Reuters)"); a dateline's
#: "(Reuters) -" goes on after the parenthesis and is no caption.
CAPTION_RX = re.compile("|".join(re.escape(c) for c in CAPTION_CUES) + r"|\.\s*\([A-Z][^()\n]{0,30}\)\s*$")
PAGE_DATE_CUES: tuple[str, ...] = tuple(_LEX["page_date_cues"])

# Regex pieces. Abbreviations may carry a full stop ("Dec.", "Sept.").
MONTH_RE = "(?:" + _alternation(_month_full) + "|(?:" + _alternation(_month_abbr) + r")\.?)(?![A-Za-z])"
WEEKDAY_FULL_RE = "(?:" + _alternation(_wd_full) + r")(?![A-Za-z])"
WEEKDAY_ANY_RE = "(?:" + _alternation(_wd_full) + "|(?:" + _alternation(_wd_abbr) + r")\.?)(?![A-Za-z])"
ORDINAL_WORD_RE = "(?i:" + _alternation(ORDINAL_WORDS) + r")(?![A-Za-z])"
NUMBER_WORD_RE = "(?i:" + _alternation(NUMBER_WORDS) + r")"
RELATIVE_RE = "(?i:" + _alternation(RELATIVE) + r")(?![A-Za-z])"
WEEKDAY_MODIFIER_RE = "(?i:" + _alternation(WEEKDAY_MODIFIERS) + ")"
MONTH_QUALIFIER_RE = "(?i:" + _alternation(MONTH_QUALIFIERS) + ")"
PREPOSITION_RE = "(?i:" + _alternation(PREPOSITIONS) + ")"
DAY_PART_RE = "(?i:" + _alternation(DAY_PARTS) + ")"
