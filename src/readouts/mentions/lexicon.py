"""The compiled engagement rules and the patterns several parts of the stage share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..rules import load_rules


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(words) + ")"


@dataclass(frozen=True)


class _Compiled:
    triggers: dict[str, re.Pattern]
    exclude: re.Pattern
    planned: re.Pattern
    cancelled: re.Pattern
    postponed: re.Pattern


@cache


def compiled() -> _Compiled:
    r = load_rules()
    flags = re.IGNORECASE
    return _Compiled(
        triggers={m: re.compile(r"\b" + _alternation(ws), flags) for m, ws in r["triggers"].items()},
        exclude=re.compile(r"\b" + _alternation(r["exclude"]["phrases"]), flags),
        planned=re.compile(r"\b" + _alternation(r["status"]["planned"]), flags),
        cancelled=re.compile(r"\b" + _alternation(r["status"]["cancelled"]), flags),
        postponed=re.compile(r"\b" + _alternation(r["status"]["postponed"]), flags),
    )

_GROUP_REF = re.compile(
    r"\b(?:the two|both) (?:leaders|presidents|prime ministers|ministers|sides|men|heads of state|counterparts|officials)\b"
    r"|\bthe (?:leaders|presidents|prime ministers|interlocutors|parties)\b(?! of)"
    r"|\bthe two\b(?= (?:last )?(?:discussed|spoke|speak|talked|talk|agreed|also|held|hold|met|meet|exchanged|address|"
    r"reviewed|leaders))"
    r"|\btheir (?:talks|call|conversation|meeting|discussion)\b"
    r"|^They\b(?= (?:also |then |both |last )?(?:agreed|discussed|spoke|talked|met|held|exchanged|reaffirmed|will|would|"
    r"plan|hope|look(?:ed)? forward|are looking forward))",
    re.IGNORECASE,
)
# "when the two leaders last spoke", "asked whether ... would meet": a question, not a report.
# A contact asked about, wished for or supposed, rather than reported.
_QUESTION = re.compile(
    r"\b(?:asked|wondered|questioned|unclear|not (?:known|clear|say|disclose))\b[^.]{0,80}?\b(?:when|whether|if|how often|why)\b"
    r"|\bwhether or not\b|^\W*(?:On|About|As to) whether\b"
    r"|\b(?:high |strong )?hopes? that\b|\bhop(?:e|es|ed|ing) to\b|\bwish(?:es|ed)? (?:that|to)\b"
    r"|\bif (?:he|she|they|it) (?:were|had|knew)\b"
    r"|\b(?:once|twice|three times) a (?:month|week|year)\b|\bevery (?:month|week|year)\b|\bregularly\b",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(
    r"\b(?:met|spoke|held|visited|called|received|hosted|welcomed|talked|arrived|discussed|had|was|were|travelled|traveled|greeted|exchanged)\b",
    re.I,
)
_ANAPHORIC = re.compile(
    r"\s*(?:The|Their|This|That|During the|In the|At the)\s+(?!(?:previous|last|earlier|prior|first|next)\b)"
    r"(?:\w+\s+){0,2}?(?:talks|call|phone call|conversation|meeting|discussions?|summit)\b"
)
