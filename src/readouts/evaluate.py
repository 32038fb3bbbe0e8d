"""Scoring predicted events against a gold corpus.

The rules are those of the project's reference scorer (``shared/tools/score.py``),
written anew here so that ``readouts eval`` reports the same figures:

* matching is per document and one-to-one, greedy in gold order: the first
  unused prediction that agrees wins;
* a prediction agrees with a gold event when the *medium* agrees (a call, or
  in person: meeting and visit are one medium), the participant sets agree
  person by person under a lenient name comparison, and the date agrees at the
  gold's granularity (a gold "2024-01" accepts "2024-01-19"; a gold null
  accepts anything);
* any predicted status other than "planned" counts as "occurred";
* date accuracy is matches over matches-ignoring-date; type accuracy is the
  share of matches whose exact type (meeting vs visit) agrees.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Iterable, Mapping, Sequence

# Tokens that carry no identity in a name comparison.
_FILLER = frozenset({"jr", "sr", "al", "bin", "ibn", "de", "von", "the"})
_NON_LETTERS = re.compile(r"[^a-z ]+")


def name_tokens(name: str | None) -> list[str]:
    """Lower-case ASCII tokens of a name, accents and filler particles dropped."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = _NON_LETTERS.sub(" ", ascii_only.replace("-", " ")).split()
    return [w for w in words if w not in _FILLER]


def _similar(a: str, b: str) -> bool:
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.8


def names_agree(gold: str, predicted: str) -> bool:
    """Lenient identity of two written names.

    One token set containing the other agrees ("Joe Biden" and "Joseph R. Biden Jr.");
    so does the same first initial with a near-identical surname ("Zelensky" and
    "Zelenskyy"). A lone surname never stands for a full gold name.
    """
    g, p = name_tokens(gold), name_tokens(predicted)
    if not g or not p:
        return False
    if len(p) < 2 and len(g) >= 2:
        return False
    gs, ps = set(g), set(p)
    if g == p or gs <= ps or ps <= gs:
        return True
    surname_close = any(_similar(g[-1], t) for t in p[1:]) or any(_similar(p[-1], t) for t in g[1:])
    return surname_close and g[0][0] == p[0][0]


def people_agree(gold: Sequence[str], predicted: Sequence[str]) -> bool:
    if len(gold) != len(predicted):
        return False
    taken: set[int] = set()
    for person in gold:
        for i, other in enumerate(predicted):
            if i not in taken and names_agree(person, other):
                taken.add(i)
                break
        else:
            return False
    return True


def dates_agree(gold: str | None, predicted: str | None) -> bool:
    if gold is None:
        return True
    if not predicted:
        return False
    predicted = str(predicted)
    return len(predicted) >= len(gold) and predicted.startswith(gold)


def medium(event_type: str | None) -> str | None:
    return "in-person" if event_type in ("meeting", "visit") else event_type


def status_of(event: Mapping) -> str:
    return "planned" if event.get("status") == "planned" else "occurred"


@dataclass
class Alignment:
    """The one-to-one pairing of gold and predicted events of one document."""

    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, predicted index)

    @property
    def count(self) -> int:
        return len(self.pairs)


def align(gold: Sequence[Mapping], predicted: Sequence[Mapping], *, check_date: bool = True) -> Alignment:
    result = Alignment()
    taken: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi in taken or medium(p.get("type")) != medium(g["type"]):
                continue
            if not people_agree(g["participants"], p.get("participants") or []):
                continue
            if check_date and not dates_agree(g.get("date"), p.get("date")):
                continue
            taken.add(pi)
            result.pairs.append((gi, pi))
            break
    return result


@dataclass
class StatusScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    matched_ignoring_date: int = 0
    same_type: int = 0

    @property
    def precision(self) -> float:
        if self.predicted:
            return self.matched / self.predicted
        return 0.0 if self.gold else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float | None:
        return round(self.matched / self.matched_ignoring_date, 3) if self.matched_ignoring_date else None

    @property
    def type_accuracy(self) -> float | None:
        return round(self.same_type / self.matched, 3) if self.matched else None

    def to_json(self) -> dict:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "matched_ignoring_date": self.matched_ignoring_date,
            "date_accuracy": self.date_accuracy,
            "type_accuracy": self.type_accuracy,
        }


@dataclass
class ErrorItem:
    doc_id: str
    kind: str  # missed | spurious
    event: Mapping


@dataclass
class Report:
    scores: dict[str, StatusScore]
    errors: list[ErrorItem]

    def to_json(self) -> dict:
        return {status: score.to_json() for status, score in self.scores.items()}

    def lines(self) -> list[str]:
        out = []
        for status, s in self.scores.items():
            out.append(
                f"{status:9s} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
                f"gold={s.gold} pred={s.predicted} matched={s.matched} "
                f"date_acc={s.date_accuracy} type_acc={s.type_accuracy}"
            )
        out.append(f"f1_occurred={round(self.scores['occurred'].f1, 3)}")
        return out


def score(gold_docs: Iterable[Mapping], predictions: Iterable[Mapping]) -> Report:
    """Score predicted event dicts (with ``doc_id``) against gold document records."""
    by_doc: dict[str, list[Mapping]] = defaultdict(list)
    for event in predictions:
        by_doc[event.get("doc_id")].append(event)
    scores = {"occurred": StatusScore(), "planned": StatusScore()}
    errors: list[ErrorItem] = []
    for doc in gold_docs:
        for status, s in scores.items():
            gold = [e for e in doc["events"] if e["status"] == status]
            pred = [e for e in by_doc.get(doc["id"], []) if status_of(e) == status]
            strict = align(gold, pred)
            s.matched += strict.count
            s.same_type += sum(pred[pi].get("type") == gold[gi]["type"] for gi, pi in strict.pairs)
            s.matched_ignoring_date += align(gold, pred, check_date=False).count
            s.gold += len(gold)
            s.predicted += len(pred)
            hit_gold = {gi for gi, _ in strict.pairs}
            hit_pred = {pi for _, pi in strict.pairs}
            errors += [ErrorItem(doc["id"], "missed", g) for gi, g in enumerate(gold) if gi not in hit_gold]
            errors += [ErrorItem(doc["id"], "spurious", p) for pi, p in enumerate(pred) if pi not in hit_pred]
    return Report(scores, errors)


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def crawler_view(gold_doc: Mapping, root: Path) -> dict:
    """The part of a gold record that a crawler would know: id, file, url, published."""
    file = gold_doc.get("file")
    return {
        "id": gold_doc["id"],
        "file": str((root / file).resolve()) if file else None,
        "url": gold_doc.get("url"),
        "published": gold_doc.get("published"),
    }
