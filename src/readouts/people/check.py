"""Consistency checks of the gazetteer data (run by the test suite and by developers).

    from readouts.people.check import check
    problems = check(load_gazetteer())

A problem is a (kind, detail) pair; kinds:

* ``overlap``: two people hold one single-holder office (role, country) on the same
  days, beyond a handover day. Offices held by several people at once (the San
  Marino Captains Regent, the Bosnian presidency, the Swiss Federal Council, the
  co-princes of Andorra) are exempt, as are ministers and deputies;
* ``end-before-start``: a term ending before it starts;
* ``bare-qid-name``: a person whose only name is a Wikidata id;
* ``no-offices``: a person with no office (allowed for local people such as spouses).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

SINGLE_HOLDER_ROLES = frozenset({
    "head_of_state", "head_of_government", "foreign_minister", "vice_president", "crown_prince",
    "national_security_adviser", "secretary_general", "commission_president", "council_president",
    "high_representative", "president", "managing_director",
})
# Offices that several people hold together, or that the raw data models that way.
PLURAL_OFFICES = frozenset({
    ("head_of_state", "SMR"), ("head_of_state", "BIH"), ("head_of_state", "AND"), ("head_of_state", "CHE"),
    ("head_of_government", "CHE"), ("head_of_government", "SMR"), ("head_of_state", "MYS"),
})
_QID = re.compile(r"^Q\d+$")
_HANDOVER = dt.timedelta(days=7)  # handovers recorded a few days apart are not overlaps


def check(gz, countries: set[str] | None = None) -> list[tuple[str, str]]:
    """Every problem found, optionally only for offices of ``countries``."""
    problems: list[tuple[str, str]] = []
    by_office: dict[tuple[str, str], list] = defaultdict(list)
    for p in gz.people():
        if _QID.match(p.name):
            problems.append(("bare-qid-name", p.id))
        if not p.offices and not p.id.startswith("local:"):
            problems.append(("no-offices", p.id))
        for o in p.offices:
            if o.start and o.end and o.end < o.start:
                problems.append(("end-before-start", f"{p.id} {o.role} {o.country} {o.start}..{o.end}"))
            if countries is None or o.country in countries:
                by_office[(o.role, o.country)].append((o, p))
    for key, terms in sorted(by_office.items()):
        if key[0] not in SINGLE_HOLDER_ROLES or key in PLURAL_OFFICES:
            continue
        terms.sort(key=lambda op: (op[0].start or dt.date.min))
        for i, (a, pa) in enumerate(terms):
            for b, pb in terms[i + 1:]:
                if pb.id == pa.id:
                    continue
                a_end = a.end or dt.date.max
                if b.start is None or b.start > a_end:
                    break
                b_end = b.end or dt.date.max
                overlap_end = min(a_end, b_end)
                if overlap_end - b.start >= _HANDOVER:
                    problems.append(("overlap", f"{key[0]} {key[1]}: {pa.name} ({a.start}..{a.end}) and "
                                                f"{pb.name} ({b.start}..{b.end})"))
    return problems


def main() -> None:
    from . import load_gazetteer

    for kind, detail in check(load_gazetteer()):
        print(f"{kind}\t{detail}")


if __name__ == "__main__":
    main()
