"""Which way a time expression points: the tense of the clause it stands in."""
from __future__ import annotations

import re

from . import lexicon as lx
from .expressions import TimeExpression


def _words_rx(words) -> re.Pattern:
    alts = "|".join(re.escape(c) for c in sorted(set(words), key=len, reverse=True))
    return re.compile(r"(?<![A-Za-z])(?:" + alts + r")(?![A-Za-z])", re.I)


_FUTURE_RX = _words_rx(lx.FUTURE_CUES)
# Past: the listed irregular verbs and cue words, or a lower-case regular past form.
_PAST_RX = re.compile(_words_rx(lx.PAST_CUES).pattern + r"|\b[a-z]{3,}ed\b")
_CLAUSE_END = re.compile(r"[.;!?]\s|\n|—")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")

LOOK_BACK = 120
LOOK_AHEAD = 100


def tense_of(text: str, e: TimeExpression, prev_end: int = 0) -> str | None:
    """"future" when the clause around ``e`` announces something to come ("will meet",
    "is due to", "On Monday, he is expected to ..."), "past" when it reports ("met on",
    "announced on", "spoke Friday"), None when it does not say.

    Looks back at most LOOK_BACK characters (not past the previous time expression,
    ``prev_end``, nor the start of the clause); when that is silent, ahead to the end
    of the sentence (at most LOOK_AHEAD characters).
    """
    lo = max(prev_end, e.start - LOOK_BACK, 0)
    back = text[lo:e.start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(back)]
    if cuts:
        back = back[cuts[-1]:]
    if _FUTURE_RX.search(back):
        return "future"
    if _PAST_RX.search(back):
        return "past"
    # Silent so far ("On Monday, Rubio is expected to ...", "During the briefing on
    # Jan. 18, the spokesman was asked ..."): read on to the end of the sentence.
    ahead = text[e.end:e.end + LOOK_AHEAD]
    m = _SENTENCE_END.search(ahead)
    if m:
        ahead = ahead[:m.start()]
    if _FUTURE_RX.search(ahead):
        return "future"
    if _PAST_RX.search(ahead):
        return "past"
    return None
