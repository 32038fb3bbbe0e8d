"""Check the gazetteer against the US Secretary of State's travel records (file 16).

    .venv/bin/python scripts/check_people_travels.py [--show N]

Each trip's remarks name the officials met ("Met with Foreign Minister Guido
Westerwelle, Chancellor Angela Merkel ..."), with the trip's dates and host country.
Every titled name the scanner finds is resolved on the trip's first day with the
host country as document context; the script counts how often the person resolved
holds an office of the title's role that day. Disagreements point at missing or
wrong terms (or at officials the gazetteer does not cover).
"""
from __future__ import annotations

import collections
import datetime as dt
import sys
import xml.etree.ElementTree as ET

from readouts.people import ResolveContext, load_gazetteer
from readouts.people.build import default_raw_dir

ROLES = {"head_of_state", "head_of_government", "foreign_minister"}


def check(gz=None) -> tuple[collections.Counter, dict, list[str]]:
    """Counts over all titled names of the travel remarks since 1995, per role, and the disagreements."""
    gz = gz or load_gazetteer()
    folder = default_raw_dir() / "HistoryAtState__travels"
    counts: collections.Counter = collections.Counter()
    by_role: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    bad = []
    for path in sorted(folder.glob("*.xml")):
        for trip in ET.parse(path).getroot().iter("trip"):
            try:
                day = dt.date.fromisoformat((trip.findtext("start-date") or "").strip())
            except ValueError:
                continue
            if day.year < 1995:
                continue
            host = gz.country_code((trip.findtext("country") or "").strip())
            remarks = " ".join((trip.findtext("remarks") or "").split())
            for hit in gz.scan(remarks):
                if hit.kind != "name" or hit.role not in ROLES or not hit.title:
                    continue
                ctx = ResolveContext(country=host)
                r = gz.resolve_hit(hit, on=day, context=ctx)
                counts["titled names"] += 1
                if not hit.person_ids:
                    counts["name not in the gazetteer"] += 1
                    by_role[hit.role]["unknown name"] += 1
                    continue
                if r.status != "resolved":
                    counts[r.status] += 1
                    by_role[hit.role][r.status] += 1
                    continue
                held = {o.role for o in gz.offices_on(r.person.id, day)}
                fits = hit.role in held or (hit.role == "head_of_state" and "head_of_government" in held)
                counts["office agrees" if fits else "office disagrees"] += 1
                by_role[hit.role]["agrees" if fits else "disagrees"] += 1
                if not fits:
                    bad.append(f"{day} {host} {hit.title} {hit.text!r} -> {r.person.name} {sorted(held) or 'no office'}")
    return counts, by_role, bad


def main() -> None:
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    counts, by_role, bad = check()
    print(f"titled names in the remarks since 1995: {counts['titled names']}")
    for k in ("office agrees", "office disagrees", "ambiguous", "unknown", "name not in the gazetteer"):
        print(f"  {k}: {counts[k]}")
    for role, c in sorted(by_role.items()):
        print(f"  {role}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    for line in bad[:show]:
        print("  ", line)


if __name__ == "__main__":
    main()
