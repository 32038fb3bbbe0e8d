"""Names in questions -> person ids: through the people layer, else the ledger's own people.

"Bibi", "the Israeli prime minister" (with a date) and "Q43723" all name a
person. The people layer (``readouts.people.resolve``) answers first; when it
is not installed or does not know the name, the canonical names and ids stored
in the ledger are matched (exactly, then by a unique word match). A name that
fits several people raises ``AmbiguousName`` with the candidates, so the
caller can ask back.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import sqlalchemy as sa

from ..errors import AmbiguousName, QueryError
from . import schema as s


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Who a name in a question is."""

    id: str
    name: str
    country: str | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "country": self.country}


def _get(obj, key, default=None):
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _from_people_layer(name: str, on: dt.date | None) -> PersonRef | None:
    try:
        from ..people import resolve
    except ImportError:
        return None
    try:
        answer = resolve(name, on=on)
    except AmbiguousName:
        raise
    except Exception:  # noqa: BLE001  (an unknown name or a broken layer: fall back to the ledger)
        return None
    if answer is None:
        return None
    status = _get(answer, "status", "resolved")
    if status == "ambiguous":
        candidates = [_ref(c) for c in (_get(answer, "candidates") or ())]
        raise AmbiguousName(_ambiguity(name, candidates), candidates)
    if status != "resolved":
        return None
    ref = _ref(answer)
    return ref if ref.id else None


def _ref(answer) -> PersonRef:
    """A PersonRef from a Resolution (``.person``), a Person, or a dict of the DESIGN.md shape."""
    person = _get(answer, "person") or answer
    person_id = _get(person, "id") or _get(person, "person_id") or ""
    return PersonRef(str(person_id), str(_get(person, "name") or person_id), _get(person, "country"))


def _ambiguity(name: str, candidates) -> str:
    listed = "; ".join(f"{c.name} ({c.id})" for c in candidates)
    return f"{name!r} fits several people: {listed}. Ask with a full name or an id."


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def from_ledger(conn: sa.Connection, name: str) -> PersonRef | None:
    p = s.people.c
    row = conn.execute(sa.select(p.person_id, p.name, p.country).where(p.person_id == name)).first()
    if row:
        return PersonRef(row.person_id, row.name, row.country)
    rows = conn.execute(
        sa.select(p.person_id, p.name, p.country).where(sa.func.lower(p.name) == name.strip().lower())
    ).all()
    if len(rows) == 1:
        return PersonRef(rows[0].person_id, rows[0].name, rows[0].country)
    if not rows:
        wanted = _words(name)
        if not wanted:
            return None
        # A unique person whose name has every word asked ("Netanyahu", "Joe Biden").
        pattern = f"%{max(wanted, key=len)}%"
        rows = [
            r for r in conn.execute(
                sa.select(p.person_id, p.name, p.country).where(sa.func.lower(p.name).like(pattern))
            )
            if all(w in _words(r.name) for w in wanted)
        ]
        if not rows:
            return None
        if len(rows) == 1:
            return PersonRef(rows[0].person_id, rows[0].name, rows[0].country)
    candidates = [PersonRef(r.person_id, r.name, r.country) for r in sorted(rows, key=lambda r: (r.name, r.person_id))]
    raise AmbiguousName(_ambiguity(name, candidates), candidates)


def resolve_person(conn: sa.Connection, name: str, *, on: dt.date | None = None) -> PersonRef:
    """The person a name in a question stands for; raises AmbiguousName or QueryError."""
    if not name or not name.strip():
        raise QueryError("a person's name or id is needed")
    stored = conn.execute(
        sa.select(s.people.c.person_id, s.people.c.name, s.people.c.country).where(s.people.c.person_id == name)
    ).first()
    if stored:
        return PersonRef(stored.person_id, stored.name, stored.country)
    found = _from_people_layer(name, on)
    if found is not None:
        return found
    found = from_ledger(conn, name)
    if found is not None:
        return found
    raise QueryError(f"no one called {name!r} is known to the people data or the ledger")
