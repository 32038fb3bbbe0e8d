"""Coverage figures of the people data, before (raw files only) and after (this build).

    .venv/bin/python scripts/people_coverage.py [--todo]

Prints markdown tables for docs/data.md: English names, foreign-minister terms,
international bodies, and (with --todo) the people of the focus countries whose
name is still a raw (possibly Portuguese) label.
"""
from __future__ import annotations

import collections
import csv
import sys

from readouts.people import load_gazetteer
from readouts.people.build import QID, Builder, default_raw_dir, looks_portuguese

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
EU = ("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK "
      "SVN ESP SWE").split()
CORPUS = "ISR PSE JOR QAT ARE IRQ IRN EGY ETH ERI SRB UKR KEN AGO BWA COL CHL SGP MNG BRN VAT PRK".split()
FOCUS = sorted(set(G20) | set(EU) | set(CORPUS))
BODIES = [("UN", "secretary_general"), ("NATO", "secretary_general"), ("EU", "commission_president"),
          ("EU", "council_president"), ("EU", "high_representative"), ("WBG", "president"),
          ("IMF", "managing_director"), ("WTO", "director_general")]


def population(raw) -> dict[str, str]:
    """SOURCE.md's population: file-1 QIDs with a term ending in 1990 or later, or open
    with a start in 1940 or later -> their iso3."""
    out = {}
    for r in csv.DictReader(open(raw / "cfmessias__geografia" / "leaders_history.csv", encoding="utf-8")):
        q, start, end = r["person_qid"], r["start"][:10], r["end"][:10]
        if not QID.match(q):
            continue
        if (end and end >= "1990") or (not end and start and start[:1].isdigit() and start >= "1940"):
            out.setdefault(q, r["iso3"])
    return out


def main() -> None:
    raw = default_raw_dir()
    gz = load_gazetteer()
    b = Builder(raw)
    b.load_countries()
    b.read_leaders()
    b.read_labels()
    pop = population(raw)
    before_votes = set(b.labels)
    # "Before": an English label keyed by QID in files 3-7 only.
    early = set()
    world = raw / "every-politician-scrapers__world"
    for path, col in [(raw / "every-politician-scrapers__world-leaders-2021" / "git-data-update-2024-10" / "wikidata.csv", "officeholder"),
                      (world / "wikidata.csv", "person"), (world / "scraped.csv", "person"),
                      (world / "holders21.csv", "personID")]:
        for r in csv.DictReader(open(path, encoding="utf-8")):
            early.add(r[col])
    sources = collections.Counter()
    focus_sources = collections.Counter()
    todo = []
    for q, iso in pop.items():
        try:
            p = gz.person(q)
        except KeyError:
            sources["not kept (no usable term or name)"] += 1
            continue
        src = gz.name_source(q)
        sources[src] += 1
        if iso in FOCUS and any(o.end is None or o.end.year >= 1990 for o in p.offices):
            focus_sources[src] += 1
            if src in ("raw-label-portuguese",) or (src == "raw-label" and looks_portuguese(p.name)):
                todo.append(f"{q} {p.name} ({iso})")
    n = len(pop)
    print("### English names (SOURCE.md population: %d QIDs of file 1 in office from 1990)\n" % n)
    print("| | people | share |\n|---|---:|---:|")
    print(f"| before: English label keyed by QID in files 3-7 | {len(set(pop) & early)} | {len(set(pop) & early) / n:.1%} |")
    print(f"| before: English label keyed by QID in files 3-7 and 10-13 | {len(set(pop) & before_votes)} | "
          f"{len(set(pop) & before_votes) / n:.1%} |")
    english = sources["curated"] + sources["english-label"] + sources["visits"]
    print(f"| after: curated, agreed English label or visits name | {english} | {english / n:.1%} |")
    print(f"| after: raw label judged English-script (not Portuguese-looking) | {sources['raw-label']} | "
          f"{sources['raw-label'] / n:.1%} |")
    print(f"| after: raw label that still looks Portuguese | {sources['raw-label-portuguese']} | "
          f"{sources['raw-label-portuguese'] / n:.1%} |")
    print(f"| not kept (no dated term since 1990 or no name) | {sources['not kept (no usable term or name)']} | |")
    fn = sum(focus_sources.values())
    print(f"\nFocus countries (G20, EU, P5, dev corpus: {len(FOCUS)}): {fn} people; "
          + ", ".join(f"{k or 'none'} {v}" for k, v in sorted(focus_sources.items())))

    print("\n### Foreign-minister terms since 2000 (G20 and P5)\n")
    print("| country | before: terms in the raw files | after: terms | of which with an end date |")
    print("|---|---:|---:|---:|")
    fm = collections.defaultdict(list)
    for p in gz.people():
        for o in p.offices:
            if o.role in ("foreign_minister", "high_representative") and (o.end is None or o.end.year >= 2000):
                fm[o.country].append(o)
    raw_fm = collections.Counter()
    for path in [world / "wikidata.csv", world / "foreign-2022-08-08" / "wikidata.csv"]:
        for r in csv.DictReader(open(path, encoding="utf-8")):
            iso = b.country_by_name.get(r["countryLabel"].strip().lower())
            if iso and r["person"]:
                raw_fm[iso] += 1
    tot_b = tot_a = tot_e = 0
    for c in G20 + ["EU"]:
        if c == "USA":  # the Office of the Historian's term table
            before = sum(1 for o in fm.get(c, []) if o.source == "state.gov:pocom")
        else:
            before = min(raw_fm.get(c, 0), 2)
        terms = fm.get(c, [])
        ended = sum(1 for o in terms if o.end)
        tot_b, tot_a, tot_e = tot_b + before, tot_a + len(terms), tot_e + ended
        print(f"| {c} | {before} | {len(terms)} | {ended} |")
    print(f"| total | {tot_b} | {tot_a} | {tot_e} |")
    print("\n(before: the US term table, and for the others at most the two 2022 snapshots, without end dates)")

    print("\n### International bodies (terms since 1990)\n")
    print("| office | before | after |\n|---|---:|---:|")
    for org, role in BODIES:
        n_after = len(gz.holders(role, org, None))
        n_before = {("UN", "secretary_general"): 3, ("WTO", "director_general"): 5}.get((org, role), 0)
        print(f"| {org} {role.replace('_', ' ')} | {n_before} | {n_after} |")
    if "--todo" in sys.argv:
        print("\n### Left to do: focus-country names that are still raw labels looking Portuguese\n")
        for line in sorted(todo):
            print(f"- {line}")
        if not todo:
            print("(none)")
        print(f"\nThe {focus_sources['raw-label']} focus-country names taken from file 1's label are in Latin "
              "script and do not look Portuguese, but no English source confirms them.")


if __name__ == "__main__":
    main()
