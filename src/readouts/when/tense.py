"""Which way a time expression points: the tense of the clause it stands in."""
from __future__ import annotations

import re

from . import lexicon as lx
from .expressions import TimeExpression

_FUTURE_RX = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(c) for c in sorted(lx.FUTURE_CUES, key=len, reverse=True))
                        + r")(?![A-Za-z])", re.I)


def tense_of(text: str, e: TimeExpression, prev_end: int = 0) -> str:
    """"future" when the clause before ``e`` announces something to come ("will meet",
    "is due to", "scheduled"), else "past". Looks back at most 80 characters, not past
    the previous time expression (``prev_end``) or the sentence start."""
    lo = max(prev_end, e.start - 80, 0)
    window = text[lo:e.start]
    cut = max(window.rfind(". "), window.rfind("\n"))
    if cut >= 0:
        window = window[cut + 1:]
    return "future" if _FUTURE_RX.search(window) else "past"
