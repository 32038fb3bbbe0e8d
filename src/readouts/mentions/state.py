"""What the stage remembers while it reads one article: people found, the story so far."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Mention


@dataclass


class _Ref:
    """A person found in the text, resolved on the base date."""

    pid: str
    name: str
    country: str | None
    surface: str
    start: int  # offset in the sentence
    role: str | None = None
    titled: bool = False  # the text gives an office with the name ("Crown Prince Mishal")
    former: bool = False  # "former President X", "President-elect X": not in office as written
    term: tuple | None = None  # (start, end) of the office the words before the name describe


@dataclass


class _State:
    subject: _Ref | None = None  # the first person of the story (its protagonist)
    speaker: _Ref | None = None  # the current speaker of a transcript
    last: list[int] = field(default_factory=list)  # indexes of the mentions of the last reporting sentence
    recent: list[str] = field(default_factory=list)  # person ids seen, most recent last
    text: str = ""  # the article's text, for the day a narrative has set
    expressions: list | None = None  # its time expressions, found once
    pos: int = 0  # where the sentence being read starts
    index: int = 0  # the sentence being read
    home: str | None = None  # the country the page's address points to
    place_home: str | None = None  # the country of the first place the page names
    refs_by_pid: dict[str, _Ref] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # mentions of each person so far
    speakers: dict = field(default_factory=dict)  # pid -> (speaker, first turn) of a transcript
    version: str = ""  # the rules and gazetteer versions stamped on every mention
    announced: list = field(default_factory=list)  # the people a "Remarks by A and B" heading names


def _remember(refs: list[_Ref], state: _State) -> None:
    for ref in refs:
        state.counts[ref.pid] = state.counts.get(ref.pid, 0) + 1
        # The story's subject is the person it names most (the first, on a tie).
        if state.subject is None or (ref.pid != state.subject.pid
                                     and state.counts[ref.pid] > state.counts.get(state.subject.pid, 0)):
            state.subject = ref
        state.refs_by_pid[ref.pid] = ref
        if ref.pid in state.recent:
            state.recent.remove(ref.pid)
        state.recent.append(ref.pid)


def _dedupe(people: list[_Ref]) -> list[_Ref]:
    seen, out = set(), []
    for p in people:
        if p.pid not in seen:
            seen.add(p.pid)
            out.append(p)
    return out


def _participants_of(mention: Mention, state: _State) -> list[_Ref]:
    return [state.refs_by_pid.get(p.person_id) or _Ref(p.person_id, p.name, p.country, p.surface, 0)
            for p in mention.participants]
