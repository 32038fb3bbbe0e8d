"""Build the packaged gazetteer from ``../shared/data/leaders/raw`` and the curated CSVs.

Run by developers (``readouts gazetteer build``), never at import time. The output,
``src/readouts/data/gazetteer.json.gz``, is deterministic: sorted keys, sorted
records, gzip with mtime 0, so a rebuild from the same inputs is byte-identical.

Sources, joined on Wikidata ids (see SOURCE.md in the raw folder):

* heads of state and government with exact terms: ``cfmessias__geografia`` (files 1, 2);
* English labels keyed by QID: the every-politician snapshots (files 3, 5, 6, 7, 10-13);
  the 2026 snapshot (file 4) is low trust and only confirms labels others give;
* US Secretaries of State with exact terms: ``HistoryAtState__pocom`` (file 14);
* foreign ministers in office in Aug/Dec 2022 (files 5, 6, 13) for countries the
  curated rows do not cover;
* UN Secretaries-General and WTO Directors-General: ``holders21.csv`` (file 7);
* which office a country's effective leader holds: REIGN (file 8), by name and date;
* spelling variants: Phoenix (file 9, by name and country) and the State Department
  visits (file 15, by name, date and country);
* curated rows in ``src/readouts/data/people/*.csv`` (one source note per row).

A curated QID must appear in some raw file (the build refuses a guessed one);
people the files lack get ``local:<slug>`` ids.

Rule for English names: a curated name wins; otherwise the label the most source
versions agree on (Wikidata labels break ties over Wikipedia titles); otherwise the
raw label of file 1 unless it looks Portuguese (then an English-script name of
the same person from the State Department visits file, matched by name, date and
country); a bare QID is never a name.
"""
from __future__ import annotations

import collections
import csv
import datetime as dt
import gzip
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import name_key, slug, strip_accents

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"
CURATED = PACKAGE_DATA / "people"
OUTPUT = PACKAGE_DATA / "gazetteer.json.gz"
FORMAT = 1

QID = re.compile(r"^Q[1-9][0-9]*$")
SCOPE_START = dt.date(1990, 1, 1)  # terms ending before this are out of scope
OPEN_TERM_MIN_START = dt.date(1940, 1, 1)  # an open-ended term older than this is stale


def default_raw_dir() -> Path:
    """``../shared/data/leaders/raw`` beside the repository checkout."""
    repo = Path(__file__).resolve().parents[3]
    return repo.parent / "shared" / "data" / "leaders" / "raw"


class BuildError(Exception):
    """The curated data is inconsistent (a row the build cannot accept)."""


@dataclass
class Report:
    """What the build kept, fixed and dropped, with counts."""

    counts: collections.Counter = field(default_factory=collections.Counter)
    examples: dict = field(default_factory=lambda: collections.defaultdict(list))

    def add(self, what: str, example: str | None = None, n: int = 1) -> None:
        self.counts[what] += n
        if example is not None and len(self.examples[what]) < 5:
            self.examples[what].append(example)

    def to_json(self) -> dict:
        return {
            "counts": dict(sorted(self.counts.items())),
            "examples": {k: v for k, v in sorted(self.examples.items())},
        }

    def lines(self) -> list[str]:
        out = []
        for k, v in sorted(self.counts.items()):
            ex = self.examples.get(k)
            out.append(f"{k}: {v}" + (f"  (e.g. {'; '.join(ex[:3])})" if ex else ""))
        return out


# --------------------------------------------------------------------------- helpers


def _read_csv(path: Path, encoding: str = "utf-8") -> list[dict]:
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def _iso_day(value: str | None) -> dt.date | None:
    """Parse '2021-01-20', '2021-01-20T00:00:00Z'; None for empty. Raises ValueError if malformed."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T00:00:00Z)?", value)
    if not m:
        raise ValueError(value)
    y, mo, d = (int(x) for x in m.groups())
    if mo == 0 or d == 0:
        raise ValueError(value)
    return dt.date(y, mo, d)


def _curated_day(value: str, end: bool = False) -> dt.date | None:
    """A curated date: a day, or a month ("2018-03") when only the month is sure.

    A month start is its first day and a month end its last day, so the term covers
    every day it may have included; such rows say so in their note.
    """
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, m = int(value[:4]), int(value[5:])
        if not end:
            return dt.date(y, m, 1)
        return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date.fromisoformat(value)


_PT_WORDS = re.compile(
    r"\b(Papa|Rei|Rainha|Príncipe|Princesa|Herdeiro|Xeque|Maomé|Sultão|Emir do|Duque|Grão-Duque|"
    r"Imperador|político|Eleição|Arábia|Jordânia|Espanha|Bélgica|Países|Reino|Suécia|Dinamarca|"
    r"Noruega|Japão|Marrocos|Tailândia|Camboja|Mónaco|Mônaco|Luxemburgo|Catar|Omã|Barém|Kuwait|"
    r"Suazilândia|Lesoto|Butão|Nepal|Tonga)\b"
)
_PT_OF = re.compile(r"\s(da|do|dos|das)\s[A-ZÁÉÍÓÚÂÊÔ]")


def looks_portuguese(label: str) -> bool:
    """A raw label that is probably a Portuguese rendering, not the English label."""
    return bool(_PT_WORDS.search(label) or _PT_OF.search(label)) or label.startswith("Leão ")


def _clean_label(label: str) -> str:
    label = re.sub(r"\s*\([^)]*\)\s*$", "", label.strip())  # "João Lourenço (politician)"
    return " ".join(label.split())


# --------------------------------------------------------------------------- aliases

_PARTICLES = frozenset("von van der den de da dos das do del della di la le du ter ten zu af".split())
_ARABIC = frozenset("bin ibn bint ben al el sheikh sharif ould abu".split())
_NAME_PARTICLES = frozenset(
    "al el bin ibn bint ben abu abd abdul ould ag wa de da do dos das del la le van von der den di y e".split()
)
_SUFFIX = re.compile(r",?\s+(Jr\.?|Sr\.?|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
_REGNAL = re.compile(r"^(?P<given>.+?)\s+(?P<num>[IVX]+)(?:\s+of\s+(?P<realm>.+))?$")
_SURNAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "KHM", "MNG"})
_HISPANIC = frozenset(
    "ARG BOL CHL COL CRI CUB DOM ECU ESP GTM HND MEX NIC PAN PER PRY SLV URY VEN PRT BRA AGO MOZ "
    "CPV GNB STP GNQ PHL".split()
)


def name_forms(name: str, country: str | None) -> tuple[set[str], set[str], set[str]]:
    """Aliases generated from a canonical name.

    Returns (full, surnames, royal): ``full`` are multi-token forms that always
    identify the name ("Tayyip Erdoğan", "López Obrador", "Abdullah II"); ``surnames``
    single family-name forms that may denote several people ("Biden", "Kim",
    "von der Leyen"); ``royal`` given names that denote the person only after a
    royal honorific ("King Abdullah", "Sheikh Tamim").
    """
    full: set[str] = set()
    surnames: set[str] = set()
    royal: set[str] = set()
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    m = _REGNAL.match(base)
    if m and (m.group("realm") or len(m.group("given").split()) <= 2):
        given = m.group("given")
        full.add(f"{given} {m.group('num')}")
        royal.add(given)
        return full, surnames, royal
    if " of " in base:  # "Charles of Wales"-style royal names without a number
        given = base.split(" of ", 1)[0]
        royal.add(given)
        return full, surnames, royal
    stripped = _SUFFIX.sub("", base)
    if stripped != base:
        full.add(stripped)
    words = [w for w in stripped.replace(",", " ").split() if not re.fullmatch(r"[A-Z]\.", w)]
    if len(words) >= 2 and len(words) != len(stripped.split()):
        full.add(" ".join(words))  # "George W. Bush" -> "George Bush"
    if not words:
        return full, surnames, royal
    low = [w.lower() for w in words]
    if any(w in _ARABIC for w in low[1:]) or low[0] in ("sheikh", "prince", "king", "emir"):
        core = words[1:] if low[0] in ("sheikh", "prince", "king", "emir") else words
        if core:
            royal.add(core[0])
            lc = [w.lower() for w in core]
            if "bin" in lc or "ibn" in lc or "bint" in lc:
                i = next(k for k, w in enumerate(lc) if w in ("bin", "ibn", "bint"))
                if i + 1 < len(core):
                    full.add(" ".join(core[: i + 2]))  # "Mohammed bin Salman"
            if core != words and len(core) >= 2:
                full.add(" ".join(core))  # a lone given name ("Prince Faisal") is royal only
            # "Al Thani", "Al Nahyan" are family names shared by the whole dynasty: no surname.
        return full, surnames, royal
    if len(words) == 1:
        return full, surnames, royal
    if country in _SURNAME_FIRST or (country == "SGP" and len(words) == 3):
        surnames.add(words[0])
        return full, surnames, royal
    # Particles: "Ursula von der Leyen" -> "von der Leyen"; "Herman Van Rompuy" -> "Van Rompuy".
    for i in range(1, len(words) - 1):
        if low[i] in _PARTICLES:
            surnames.add(" ".join(words[i:]))
            if i >= 2:
                full.add(" ".join(words[i - 1 :]))  # "Lula da Silva", "Fernández de Kirchner"
            break
    surnames.add(words[-1])
    if "-" in words[-1] and not words[-1].split("-")[-1][:1].islower():
        surnames.add(words[-1].split("-")[-1])  # "Dlamini-Zuma" is also "Zuma"
    if len(words) == 2 and "-" not in words[1]:
        full.add(f"{words[1]} {words[0]}")  # "Stefanishyna Olha": family name first in official lists
    if len(words) >= 3:
        full.add(" ".join(words[1:]))  # "Tayyip Erdoğan", "López Obrador", "Jae-in" forms
        full.add(f"{words[0]} {words[-1]}")
        if country in _HISPANIC:
            full.add(" ".join(words[-2:]))
            if len(words) >= 4 and low[-2] not in _PARTICLES:
                surnames.add(words[-2])  # "López" of "Andrés Manuel López Obrador"
    return full, surnames, royal


# --------------------------------------------------------------------------- the build


@dataclass
class PersonDraft:
    id: str
    raw_label: str | None = None
    name: str | None = None
    name_source: str | None = None
    country: str | None = None
    aliases: set = field(default_factory=set)
    spellings: set = field(default_factory=set)  # Phoenix/visits variants: full forms only
    offices: list = field(default_factory=list)  # [role, country, title, start, end, source]


class Builder:
    def __init__(self, raw: Path, curated: Path = CURATED):
        self.raw = Path(raw)
        self.curated = Path(curated)
        self.report = Report()
        self.people: dict[str, PersonDraft] = {}
        self.raw_qids: set[str] = set()
        self.labels: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.country_names: dict[str, str] = {}
        self.country_by_name: dict[str, str] = {}

    # -- inputs ---------------------------------------------------------------
    def _p(self, *parts: str) -> Path:
        return self.raw.joinpath(*parts)

    def load_countries(self) -> list[list]:
        rows = _read_csv(self.curated / "countries.csv")
        out = []
        for r in rows:
            aliases = [a for a in r["aliases"].split("|") if a]
            self.country_names[r["iso3"]] = r["name"]
            for n in [r["name"], *aliases]:
                self.country_by_name[strip_accents(n)] = r["iso3"]
            out.append([r["iso3"], r["name"], sorted(aliases)])
        # English country labels used by the raw files.
        for extra, iso in {
            "united states of america": "USA", "people's republic of china": "CHN",
            "kingdom of denmark": "DNK", "kingdom of the netherlands": "NLD",
            "state of palestine": "PSE", "russian federation": "RUS", "republic of the congo": "COG",
            "the gambia": "GMB", "east timor": "TLS", "federated states of micronesia": "FSM",
            "vatican city": "VAT", "holy see": "VAT", "european union": "EU",
            "kingdom of the netherlands": "NLD", "ivory coast": "CIV", "eswatini": "SWZ",
            "north macedonia": "MKD", "south korea": "KOR", "north korea": "PRK",
        }.items():
            self.country_by_name.setdefault(extra, iso)
        return sorted(out)

    def person(self, pid: str) -> PersonDraft:
        p = self.people.get(pid)
        if p is None:
            p = self.people[pid] = PersonDraft(pid)
        return p

    def read_leaders(self) -> None:
        """Files 1 and 2: heads of state and government with exact terms."""
        seen: set[tuple] = set()
        excluded = {r["person_id"]: r["note"] for r in _read_csv(self.curated / "exclude.csv")}
        for fname in ("leaders_history.csv", "leaders_current.csv"):
            for r in _read_csv(self._p("cfmessias__geografia", fname)):
                qid = r["person_qid"].strip()
                label = r["person"].strip()
                where = f"{fname}: {r['iso3']} {r['role']} {label}"
                if not QID.match(qid):
                    self.report.add("leaders: row without a QID (dropped)", where)
                    continue
                self.raw_qids.add(qid)
                if qid in excluded:
                    self.report.add("leaders: row excluded by curated exclude.csv", where)
                    continue
                try:
                    start = _iso_day(r["start"])
                except ValueError:
                    self.report.add("leaders: malformed start date (dropped)", f"{where} {r['start']!r}")
                    continue
                try:
                    end = _iso_day(r["end"])
                except ValueError:
                    self.report.add("leaders: malformed end date (kept open-ended)", f"{where} {r['end']!r}")
                    end = None
                if start is None:
                    self.report.add("leaders: no start date (dropped)", where)
                    continue
                if end is not None and end < start:
                    self.report.add("leaders: term ends before it starts (dropped)", where)
                    continue
                key = (r["iso3"], r["role"], qid, start)
                if key in seen:
                    if fname == "leaders_history.csv":
                        self.report.add("leaders: duplicate term (iso3, role, qid, start) dropped", where)
                    continue
                seen.add(key)
                if end is not None and end < SCOPE_START:
                    self.report.add("leaders: term ended before 1990 (out of scope)")
                    continue
                if end is None and start < OPEN_TERM_MIN_START:
                    self.report.add("leaders: open-ended term starting before 1940 (stale, dropped)", where)
                    continue
                if QID.match(label):
                    self.report.add("leaders: label is a bare QID (name taken from other files)", where)
                    label = None
                p = self.person(qid)
                if label and not p.raw_label:
                    p.raw_label = label
                if p.country is None or r["role"] == "head_of_state" and p.country != r["iso3"]:
                    p.country = p.country or r["iso3"]
                p.offices.append([r["role"], r["iso3"], None, start, end, "wikidata:cfmessias"])
        self.report.add("leaders: terms kept", n=sum(len(p.offices) for p in self.people.values()))

    def read_labels(self) -> None:
        """English labels keyed by QID from every file that has them (votes per version)."""
        ep = "every-politician-scrapers__world-leaders-2021"
        trusted_versions = ["git-data-update-2024-10", "data-update-2024-03", "main-2021-08-31"]
        position_labels: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        low_trust: dict[str, set] = collections.defaultdict(set)
        for v in trusted_versions + ["index-2026"]:
            for kind in ("wikidata", "wikipedia"):
                path = self._p(ep, v, f"{kind}.csv")
                if not path.exists():
                    continue
                for r in _read_csv(path):
                    qid = r.get("officeholder", "").strip()
                    label = _clean_label(r.get("officeholderLabel") or r.get("officeholderlabel") or "")
                    if not QID.match(qid) or not label or QID.match(label):
                        continue
                    self.raw_qids.add(qid)
                    if v == "index-2026":
                        low_trust[qid].add(label)
                        continue
                    self.labels[qid][(label, kind)] += 1
                    plabel = r.get("positionLabel") or r.get("positionlabel") or ""
                    if plabel and kind == "wikidata":
                        position_labels[qid][plabel] += 1
        # The 2026 snapshot only confirms: a label counts if some trusted version gives it too.
        for qid, labels in low_trust.items():
            for label in labels:
                if (label, "wikidata") in self.labels[qid] or (label, "wikipedia") in self.labels[qid]:
                    self.labels[qid][(label, "wikidata")] += 1
                else:
                    self.report.add("labels: 2026 snapshot label not confirmed elsewhere (ignored)",
                                    f"{qid} {label}")
        world = "every-politician-scrapers__world"
        for path, qcol, ncol, kind in [
            (self._p(world, "wikidata.csv"), "person", "name", "wikidata"),
            (self._p(world, "scraped.csv"), "person", "name", "wikipedia"),
            (self._p(world, "foreign-2022-08-08", "wikidata.csv"), "person", "personLabel", "wikidata"),
            (self._p(world, "foreign-2022-08-08", "scraped.csv"), "person", "personLabel", "wikipedia"),
            (self._p(world, "holders21.csv"), "personID", "person", "wikidata"),
            (self._p(world, "missing-successors.csv"), "item", "itemLabel", "wikidata"),
            (self._p(world, "missing-successors.csv"), "predecessor", "predecessorLabel", "wikidata"),
            (self._p(world, "bio.csv"), "id", "name", "wikidata"),
            (self._p(world, "bio.csv"), "id", "enwiki", "wikipedia"),
        ]:
            for r in _read_csv(path):
                qid = (r.get(qcol) or "").strip()
                label = _clean_label(r.get(ncol) or "")
                if not QID.match(qid):
                    continue
                self.raw_qids.add(qid)
                if label and not QID.match(label):
                    self.labels[qid][(label, kind)] += 1
        self.position_labels = position_labels

    def english_label(self, qid: str) -> tuple[str | None, list[str]]:
        """The agreed English label of a QID and the other labels seen (as aliases)."""
        votes = self.labels.get(qid)
        if not votes:
            return None, []
        by_label: collections.Counter = collections.Counter()
        wikidata: collections.Counter = collections.Counter()
        for (label, kind), n in votes.items():
            by_label[label] += n
            if kind == "wikidata":
                wikidata[label] += n
        # Most versions agreeing; ties to Wikidata labels; then no honorific; then shortest.
        ranked = sorted(
            by_label,
            key=lambda lb: (-by_label[lb], -wikidata[lb], lb.startswith(("Sheikh ", "Prince ")), len(lb), lb),
        )
        return ranked[0], ranked[1:]

    def read_visits(self) -> dict[str, list[tuple]]:
        """English names of visiting leaders (file 15): country -> [(start, name)]."""
        out: dict[str, list[tuple]] = collections.defaultdict(list)
        folder = self._p("HistoryAtState__visits")
        for path in sorted(folder.glob("*.xml")):
            for v in ET.parse(path).getroot().iter("visit"):
                who = (v.findtext("visitor") or "").strip()
                frm = v.find("from")
                country = self.country_by_name.get(strip_accents((frm.text or "").strip())) if frm is not None else None
                try:
                    day = _iso_day(v.findtext("start-date"))
                except ValueError:
                    continue
                if not who or not country or day is None:
                    continue
                for part in re.split(r"\s+and\s+|;\s*", who):
                    out[country].append((day, part.strip()))
        return out

    def visit_name(self, p: PersonDraft, visits: dict) -> str | None:
        """An English-script name of ``p`` from the visits file: same country, in office
        on the visit day, sharing the surname and a given name (or the regnal number)."""
        if not p.raw_label or p.country not in visits:
            return None
        target = [t for t in name_key(p.raw_label) if t not in ("da", "do", "de", "dos")]
        if not target:
            return None
        best = collections.Counter()
        for day, who in visits[p.country]:
            if not any((o[3] is None or o[3] <= day) and (o[4] is None or day <= o[4]) for o in p.offices):
                continue
            name = _strip_title(who)
            key = name_key(name)
            shared = set(key) & set(target)
            if len(shared) >= 2 or (len(shared) == 1 and len(target) == 1):
                best[name] += 1
        if not best:
            return None
        return sorted(best, key=lambda n: (-best[n], len(n), n))[0]

    def read_phoenix(self) -> dict[tuple, list[tuple[set, list[str]]]]:
        """Phoenix actor dictionaries (file 9): headword key -> [(country codes, aliases)]."""
        out: dict[tuple, list[tuple[set, list[str]]]] = collections.defaultdict(list)
        folder = self._p("openeventdata__petrarch2")
        for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
            path = folder / fname
            if not path.exists():
                continue
            head = None
            aliases: list[str] = []
            codes: set[str] = set()

            def flush():
                if head:
                    out[name_key(head)].append((set(codes), list(aliases)))

            for raw_bytes in path.read_bytes().splitlines():
                # Mixed encoding: UTF-8 where it decodes, Latin-1 otherwise (SOURCE.md).
                try:
                    raw_line = raw_bytes.decode("utf-8")
                except UnicodeDecodeError:
                    raw_line = raw_bytes.decode("latin-1")
                line = raw_line.split("#", 1)[0].rstrip()
                if not line.strip():
                    continue
                if line.startswith("+"):
                    aliases.append(line[1:].strip().strip("_").replace("_", " "))
                elif line.lstrip().startswith("["):
                    code = line.strip().lstrip("[").split()[0] if line.strip().lstrip("[") else ""
                    codes.add(code[:3])
                elif not line.startswith((" ", "\t")):
                    flush()
                    head = line.strip().strip("_").replace("_", " ")
                    aliases, codes = [], set()
            flush()
        return out

    def add_phoenix_aliases(self, phoenix: dict) -> None:
        """Spelling variants from Phoenix for people whose name and country match an entry."""
        from .titles import ROLE_PHRASES

        title_words = {w for phrase in ROLE_PHRASES for w in phrase.split()} | {
            "minister", "president", "secretary", "general", "chairman", "leader", "premier", "prime",
            "foreign", "defense", "defence", "chief", "head", "former", "deputy", "vice", "king", "prince",
            "sheikh", "crown", "gen", "general", "mr", "dr", "ambassador", "envoy", "spokesman", "sultan",
            "emir", "amir", "queen", "his", "majesty", "highness", "president-elect", "opposition",
            "kanzler", "bundeskanzler", "presient", "presidente", "chancellor", "ministro", "roi", "re",
            "mayor", "governor", "senator", "candidate", "acting", "interim",
        }
        for pid, p in self.people.items():
            if not p.name or not p.offices:
                continue
            keys = {name_key(p.name)} | {name_key(a) for a in p.aliases | p.spellings}
            countries = {p.country} | {o[1] for o in p.offices}
            for key in keys:
                for codes, aliases in phoenix.get(key, ()):
                    if not codes & countries and not (codes & {"IGO", "UNO"} and countries & {"UN", "NATO", "EU"}):
                        continue
                    self.report.add("phoenix: entries matched to a person (name and country)")
                    own = set(key)
                    for a in aliases:
                        words = a.lower().replace("-", " ").split()
                        if len(words) < 2 or title_words & set(words) or not own & set(name_key(a)):
                            continue
                        if any(self.country_by_name.get(w) for w in words):
                            continue
                        alias = " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in a.split())
                        if name_key(alias) not in keys:
                            p.spellings.add(alias)
                            self.report.add("phoenix: aliases added")

    def add_visit_aliases(self, visits: dict) -> None:
        """English spellings from the State Department visits file (name, date, country)."""
        for pid, p in self.people.items():
            if not p.name or p.country not in visits:
                continue
            target = set(name_key(p.name))
            known = {name_key(p.name)} | {name_key(a) for a in p.aliases | p.spellings}
            for day, who in visits[p.country]:
                if not any((o[3] is None or o[3] <= day) and (o[4] is None or day <= o[4]) for o in p.offices):
                    continue
                name = _strip_title(who)
                key = name_key(name)
                if not key or key in known or len(key) < 2:
                    continue
                # Two shared words beyond particles, one of them the given name.
                shared = (set(key) & target) - _NAME_PARTICLES
                own = name_key(p.name)
                if len(shared) < 2 or key[0] != own[0] or own[-1] not in key:
                    continue
                p.spellings.add(name)
                known.add(key)
                self.report.add("visits: aliases added (name, date and country match)")

    def leader_roles(self) -> dict[str, str]:
        """Which office the effective leader of each country holds, from REIGN (file 8).

        REIGN lists one effective leader per country (surnames, COW codes). Each spell
        since 1990 is matched by name to a head of state or government of the gazetteer
        in office at the spell's middle; the matches map COW codes to ISO3 and say, per
        country, whether the leader is usually the head of state or of government.
        Used for "the Chinese leader" (head of state) vs "the Israeli leader" (head of
        government). Countries without a clear majority are left out.
        """
        path = self._p("OEFDataScience__REIGN", "leaderlist_3_21.csv")
        if not path.exists():
            return {}
        by_token: dict[str, list[PersonDraft]] = collections.defaultdict(list)
        for p in self.people.values():
            if p.name and any(o[0] in ("head_of_state", "head_of_government") for o in p.offices):
                for tok in set(name_key(p.name)) | {t for a in p.aliases for t in name_key(a)}:
                    by_token[tok].append(p)
        state_votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        role_votes: list[tuple[str, str, set]] = []
        with open(path, encoding="cp1252", errors="replace", newline="") as fh:
            for r in csv.DictReader(fh):
                try:
                    start = dt.date(int(r["syear"]), int(r["smonth"] or 1), 1)
                    end = dt.date(int(r["eyear"]), int(r["emonth"] or 12), 1) if r["eyear"] else dt.date(2021, 3, 1)
                except ValueError:
                    self.report.add("reign: malformed dates (skipped)")
                    continue
                if end < SCOPE_START:
                    continue
                key = [t for t in name_key(r["leader"]) if len(t) > 1]
                if not key:
                    continue
                cands = [p for p in by_token.get(key[-1], []) if set(key) <= set(name_key(p.name)) | {
                    t for a in p.aliases for t in name_key(a)}]
                # One vote per year of the spell (1 July), by the office held that day.
                for year in range(max(start.year, 1990), min(end.year, 2021) + 1):
                    day = dt.date(year, 7, 1)
                    if not start <= day <= end:
                        continue
                    for p in cands:
                        held = [o for o in p.offices if o[0] in ("head_of_state", "head_of_government")
                                and o[3] and o[3] <= day and (o[4] is None or day <= o[4])]
                        if held:
                            state_votes[r["stateabb"]][held[0][1]] += 1
                            if year >= 2000:
                                role_votes.append((r["stateabb"], held[0][1], {o[0] for o in held}, 1))
        iso_of = {abb: c.most_common(1)[0][0] for abb, c in state_votes.items()}
        votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for abb, iso, roles, days in role_votes:  # one vote per year since 2000
            if iso_of.get(abb) == iso:
                for role in roles:
                    votes[iso][role] += days / len(roles)
        out = {}
        for iso, c in votes.items():
            (role, n), total = c.most_common(1)[0], sum(c.values())
            if n >= 2 / 3 * total and n > total - n:
                out[iso] = role
        self.report.add("reign: countries whose effective leader's office is known", n=len(out))
        return dict(sorted(out.items()))

    def read_pocom(self) -> None:
        """US Secretaries of State with exact terms (file 14), joined via us_secretaries.csv."""
        mapping = {r["pocom_id"]: r for r in _read_csv(self.curated / "us_secretaries.csv")}
        root = ET.parse(self._p("HistoryAtState__pocom", "secretary.xml")).getroot()
        for pr in root.iter("principal"):
            pid = (pr.findtext("person-id") or "").strip()
            start = _iso_day((pr.findtext("started/date") or "").strip() or None)
            end = _iso_day((pr.findtext("ended/date") or "").strip() or None)
            if start is None or (end is not None and end < SCOPE_START):
                continue
            row = mapping.get(pid)
            if row is None:
                self.report.add("pocom: secretary since 1989 without a curated id (skipped)", pid)
                continue
            p = self.person(row["person_id"])
            p.country = p.country or "USA"
            if not p.name:
                p.name, p.name_source = row["name"], "curated"
            p.offices.append(["foreign_minister", "USA", "Secretary of State of the United States",
                              start, end, "state.gov:pocom"])
            self.report.add("pocom: secretary of state terms")

    def read_fm_snapshots(self, curated_fm_countries: set[str]) -> None:
        """Foreign ministers in office in Aug and Dec 2022 (files 5, 6, 13), as open terms."""
        world = "every-politician-scrapers__world"
        snaps = [
            ("2022-12", self._p(world, "wikidata.csv"), "name", "positionLabel"),
            ("2022-08", self._p(world, "foreign-2022-08-08", "wikidata.csv"), "personLabel", "positionLabel"),
        ]
        latest: dict[str, tuple] = {}
        for tag, path, ncol, pcol in snaps:
            for r in _read_csv(path):
                qid = r["person"].strip()
                country = self.country_by_name.get(strip_accents(r["countryLabel"].strip()))
                if not QID.match(qid) or not country:
                    if r["person"].strip() == "":
                        self.report.add("fm snapshots: row without a person (dropped)", r["countryLabel"])
                    continue
                try:
                    start = _iso_day(r["start"])
                except ValueError:
                    start = None
                if country in curated_fm_countries:
                    self.report.add("fm snapshots: row superseded by curated foreign-minister rows")
                    continue
                if tag == "2022-12":
                    latest[country] = (qid, start)
                elif country in latest and latest[country][0] != qid:
                    # Replaced between the snapshots: the term ended when the successor began.
                    succ_start = latest[country][1]
                    if start and succ_start and succ_start < start:
                        self.report.add("fm snapshots: successor starts before the August holder (dropped)",
                                        f"{country} {qid}")
                        continue
                    self._fm(qid, country, r[pcol], start, succ_start, "wikidata:fm-2022-08")
                    continue
                elif country in latest:
                    continue
                if tag == "2022-12":
                    self._fm(qid, country, r[pcol], start, None, "wikidata:fm-2022-12")

    def _fm(self, qid, country, title, start, end, source) -> None:
        if start is None:
            self.report.add("fm snapshots: no start date (dropped)", qid)
            return
        p = self.person(qid)
        p.country = p.country or country
        cname = self.country_names.get(country, country)
        title = title if title and cname.split()[0] in title else f"Foreign Minister of {cname}"
        p.offices.append(["foreign_minister", country, title, start, end, source])
        self.report.add("fm snapshots: foreign-minister terms (end unknown unless replaced by Dec 2022)")

    def read_holders21(self) -> None:
        """UN Secretaries-General, Deputy SGs and WTO Directors-General (file 7)."""
        roles = {
            "Secretary-General of the United Nations": ("secretary_general", "UN"),
            "Deputy Secretary-General of the United Nations": ("deputy_secretary_general", "UN"),
            "Director-General of the World Trade Organization": ("director_general", "WTO"),
        }
        for r in _read_csv(self._p("every-politician-scrapers__world", "holders21.csv")):
            if r["position"] not in roles or not QID.match(r["personID"].strip()):
                continue
            role, org = roles[r["position"]]
            start, end = _iso_day(r["start"]), _iso_day(r["end"])
            if end is not None and end < SCOPE_START:
                continue
            p = self.person(r["personID"].strip())
            p.country = p.country or org
            p.offices.append([role, org, r["position"], start, end, "wikidata:holders21"])
            self.report.add("holders21: international-body terms")

    def read_curated(self) -> tuple[set[str], dict[str, dict]]:
        """Curated people and offices (src/readouts/data/people/*.csv)."""
        people = _read_csv(self.curated / "people.csv")
        by_id: dict[str, dict] = {}
        for r in people:
            pid = r["id"].strip()
            if not (QID.match(pid) or pid.startswith("local:")):
                raise BuildError(f"people.csv: bad id {pid!r}")
            if QID.match(pid) and pid not in self.raw_qids:
                raise BuildError(f"people.csv: {pid} ({r['name']}) is not in any raw file; use local:<slug>")
            if pid.startswith("local:") and pid != "local:" + slug(r["name"]):
                raise BuildError(f"people.csv: {pid} should be local:{slug(r['name'])}")
            if not r["note"].strip():
                raise BuildError(f"people.csv: {pid} has no source note")
            by_id[pid] = r
            p = self.person(pid)
            p.name, p.name_source = r["name"].strip(), "curated"
            if r["country"].strip():
                p.country = r["country"].strip()
            p.aliases.update(a.strip() for a in r["aliases"].split("|") if a.strip())
            self.report.add("curated: people rows")
        fm_countries: set[str] = set()
        for r in _read_csv(self.curated / "offices.csv"):
            pid = r["id"].strip()
            if pid not in by_id and pid not in self.people and pid not in self.raw_qids:
                raise BuildError(f"offices.csv: {pid} is neither in people.csv nor in the raw files")
            if not r["note"].strip():
                raise BuildError(f"offices.csv: {pid} {r['role']} has no source note")
            start, end = _curated_day(r["start"]), _curated_day(r["end"], end=True)
            if start and end and end < start:
                raise BuildError(f"offices.csv: {pid} {r['role']} ends before it starts")
            p = self.person(pid)
            p.country = p.country or r["country"]
            p.offices.append([r["role"], r["country"], r["title"], start, end, "curated"])
            if r["role"] == "foreign_minister":
                fm_countries.add(r["country"])
            self.report.add("curated: office rows")
        return fm_countries, by_id

    # -- assembly -------------------------------------------------------------
    def build(self) -> dict:
        countries = self.load_countries()
        self.read_leaders()
        self.read_labels()
        fm_countries, _ = self.read_curated()
        self.read_pocom()
        # The State Department's own term table supersedes the snapshots for the US.
        self.read_fm_snapshots(fm_countries | {"USA", "EU"})
        self.read_holders21()
        self._repair_leader_terms()
        visits = self.read_visits()
        titles = self._office_titles()
        todo = []
        for pid, p in self.people.items():
            label, others = self.english_label(pid) if QID.match(pid) else (None, [])
            if p.name is None and label:
                p.name, p.name_source = label, "english-label"
            if p.name is None and p.raw_label and not looks_portuguese(p.raw_label):
                p.name, p.name_source = p.raw_label, "raw-label"
            if p.name is None and p.raw_label:
                vn = self.visit_name(p, visits)
                if vn:
                    p.name, p.name_source = vn, "visits"
            if p.name is None and p.raw_label:
                p.name, p.name_source = p.raw_label, "raw-label-portuguese"
                todo.append(f"{pid} {p.raw_label} ({p.country})")
            if p.name is None:
                self.report.add("people: no name in any file (dropped)", pid)
                continue
            for o in others:
                p.aliases.add(o)
            if p.raw_label and p.raw_label != p.name and not looks_portuguese(p.raw_label):
                p.aliases.add(p.raw_label)
            for o in p.offices:
                if o[2] is None:
                    o[2] = titles.get((o[1], o[0])) or self._generic_title(o[0], o[1])
            for o in p.offices:
                # One office that Wikidata records as both head of state and of government
                # (the presidents of the US and South Korea) has one title.
                if o[0] == "head_of_government" and o[5].startswith("wikidata:cf"):
                    twin = [h for h in p.offices if h[0] == "head_of_state" and h[1] == o[1] and h[3] == o[3]]
                    if twin:
                        o[2] = twin[0][2]
            self.report.add(f"people: name from {p.name_source}")
        self.add_phoenix_aliases(self.read_phoenix())
        self.add_visit_aliases(visits)
        leader_roles = self.leader_roles()
        people = []
        for pid in sorted(self.people):
            p = self.people[pid]
            if p.name is None or not p.offices and not pid.startswith("local:") and p.name_source != "curated":
                continue
            # A curated row with the same role, country and start replaces the raw term
            # (it closes an open term the raw files could not know had ended).
            curated_terms = [o for o in p.offices if o[5] == "curated"]
            kept = []
            for o in p.offices:
                if o[5] != "curated" and any(
                    c[0] == o[0] and c[1] == o[1] and c[3] is not None and o[3] is not None
                    and o[3] <= (c[4] or dt.date.max) and c[3] <= (o[4] or dt.date.max)
                    for c in curated_terms
                ):
                    self.report.add("curated: raw term replaced by a curated row", f"{pid} {o[0]} {o[1]} {o[3]}")
                    continue
                kept.append(o)
            kept = _merge_adjacent(kept, self.report, pid)
            offices = sorted(
                {(o[0], o[1], o[2], _s(o[3]), _s(o[4]), o[5]) for o in kept},
                key=lambda o: (o[3] or "", o[0], o[1], o[4] or "", o[2], o[5]),
            )
            full, surnames, royal = set(), set(), set()
            for n in [p.name, *sorted(p.aliases)]:
                f, s, r = name_forms(n, p.country)
                full |= f
                surnames |= s
                royal |= r
            # Spelling variants from Phoenix and the visits file are matched as written;
            # surnames come only from the canonical name, labels and curated aliases.
            aliases = sorted({a for a in p.aliases | p.spellings | full if a != p.name})
            people.append({
                "id": pid, "name": p.name, "country": p.country, "aliases": aliases,
                "surnames": sorted(surnames), "royal": sorted(royal),
                "surname_first": p.country in _SURNAME_FIRST or None,
                "offices": [list(o) for o in offices], "name_source": p.name_source,
            })
        # The alias index, precomputed so that loading needs no tokenising:
        # [folded key, person id, kind] with kind 0 full name/alias, 1 surname,
        # 3 royal given name (after King/Sheikh...), 4 surname written first.
        index: dict[tuple[str, str], int] = {}
        for rec in people:
            def put(text: str, kind: int) -> None:
                key = " ".join(name_key(text))
                if key and kind < index.get((key, rec["id"]), 99):
                    index[(key, rec["id"])] = kind
            put(rec["name"], 0)
            for a in rec["aliases"]:
                put(a, 0)
            for a in rec["surnames"]:
                put(a, 4 if rec["surname_first"] else 1)
            for a in rec["royal"]:
                put(a, 3)
        names = sorted([k, pid, kind] for (k, pid), kind in index.items())
        places = [[r["place"], r["iso3"]] for r in _read_csv(self.curated / "places.csv")]
        common = sorted({w.strip() for w in (self.curated / "common_words.txt").read_text(encoding="utf-8").split()
                         if w.strip() and not w.startswith("#")})
        self.report.add("people: total", n=len(people))
        return {
            "format": FORMAT,
            "people": people,
            "countries": countries,
            "places": sorted(places),
            "names": names,
            "leader_roles": leader_roles,
            "common_words": common,
            "report": self.report.to_json(),
            "todo_portuguese_names": sorted(todo),
        }

    def _repair_leader_terms(self) -> None:
        """Fix two raw-data flaws of heads of state and government, with counts.

        * A start on 1 January that falls inside the predecessor's term, when the
          predecessor left later that year, is a year-only date: the term starts when
          the predecessor's ended (Zedillo "1994-01-01" after Salinas to 1994-11-30).
        * An open-ended term followed by a successor's term is not current: it ends
          when the successor's starts.
        """
        plural = {("head_of_state", c) for c in ("SMR", "BIH", "AND", "CHE", "MYS")} | {
            ("head_of_government", c) for c in ("CHE", "SMR")}
        by_office: dict[tuple, list] = collections.defaultdict(list)
        for p in self.people.values():
            for o in p.offices:
                if o[5].startswith("wikidata:cf") and (o[0], o[1]) not in plural:
                    by_office[(o[0], o[1])].append((o, p.id))
        # Governors-general: Wikidata lists them as heads of state of the Commonwealth
        # realms beside the monarch; they are the monarch's representatives.
        monarchs = {pid for o, pid in by_office.get(("head_of_state", "GBR"), [])}
        for (role, country), terms in by_office.items():
            if role != "head_of_state" or country == "GBR":
                continue
            crown = [o for o, pid in terms if pid in monarchs]
            if not crown:
                continue
            for o, pid in terms:
                if pid in monarchs:
                    continue
                if any(c[3] <= o[3] <= (c[4] or dt.date.max) for c in crown):
                    o[0] = "governor_general"
                    o[2] = f"Governor-General of {self.country_names.get(country, country)}"
                    self.report.add("leaders: governor-general listed as head of state (role corrected)",
                                    f"{pid} {country}")
        for key, terms in by_office.items():
            terms[:] = [t for t in terms if t[0][0] == key[0]]
            terms.sort(key=lambda t: (t[0][3], t[0][4] or dt.date.max))
            for i, (o, pid) in enumerate(terms):
                if o[3].month == 1 and o[3].day == 1 and i > 0:
                    prev, ppid = terms[i - 1]
                    if ppid != pid and prev[4] and prev[3] < o[3] < prev[4] and prev[4].year == o[3].year \
                            and (o[4] is None or o[4] > prev[4]):
                        self.report.add("leaders: year-only start moved to the predecessor's end",
                                        f"{pid} {key[0]} {key[1]} {o[3]} -> {prev[4]}")
                        o[3] = prev[4]
            terms.sort(key=lambda t: (t[0][3], t[0][4] or dt.date.max))
            for i, (o, pid) in enumerate(terms):
                if o[4] is not None:
                    continue
                later = [t for t in terms[i + 1:] if t[1] != pid and t[0][3] > o[3]]
                if later:
                    o[4] = later[0][0][3]
                    self.report.add("leaders: open-ended term closed at the successor's start",
                                    f"{pid} {key[0]} {key[1]} -> {o[4]}")

    def _office_titles(self) -> dict[tuple[str, str], str]:
        """(iso3, role) -> the English office title most holders' records give."""
        votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
        for qid, labels in self.position_labels.items():
            p = self.people.get(qid)
            if not p:
                continue
            for country in {o[1] for o in p.offices}:
                terms = [o for o in p.offices if o[1] == country and o[5].startswith("wikidata:cf")]
                roles = {o[0] for o in terms}
                if len(roles) == 2:
                    # Both roles count only when held together (the US president); a person
                    # who held each in turn (Putin) says nothing about which label is which.
                    starts = {r: {o[3] for o in terms if o[0] == r} for r in roles}
                    if starts["head_of_state"] != starts["head_of_government"]:
                        continue
                cname = self.country_names.get(country, "")
                for plabel, n in labels.items():
                    if cname and cname.split()[-1] not in plabel and country not in ("USA", "GBR"):
                        continue
                    if len(roles) == 1:
                        votes[(country, next(iter(roles)))][plabel] += n
                    elif roles == {"head_of_state", "head_of_government"}:
                        for role in roles:
                            votes[(country, role)][plabel] += n
        titles = {k: sorted(c, key=lambda t: (-c[t], t))[0] for k, c in votes.items()}
        for r in _read_csv(self.curated / "office_titles.csv"):
            titles[(r["iso3"], r["role"])] = r["title"]
        return titles

    def _generic_title(self, role: str, country: str) -> str:
        from .titles import ROLE_LABELS

        label = ROLE_LABELS.get(role, role.replace("_", " "))
        return f"{label[0].upper()}{label[1:]} of {self.country_names.get(country, country)}"


def _merge_adjacent(offices: list, report: Report, pid: str) -> list:
    """Join consecutive terms of one office ("second cabinet" rows) into one term."""
    by_office: dict[tuple, list] = collections.defaultdict(list)
    for o in offices:
        by_office[(o[0], o[1], o[5])].append(o)
    out = []
    for key, terms in by_office.items():
        terms = sorted(terms, key=lambda o: (o[3] or dt.date.min, o[4] or dt.date.max))
        cur = list(terms[0])
        for o in terms[1:]:
            if cur[4] is not None and o[3] is not None and o[3] <= cur[4] + dt.timedelta(days=1):
                cur[4] = None if o[4] is None else max(cur[4], o[4])
                report.add("leaders: consecutive terms of one office merged", f"{pid} {key[0]} {key[1]}")
            elif cur[4] is None and o[3] is not None and cur[3] is not None and o[3] >= cur[3]:
                # An open end followed by a later term of the same office: the end was
                # missing, and the later term's end closes the whole span.
                report.add("leaders: open-ended term followed by a later term (merged)", f"{pid} {key[0]} {key[1]}")
                cur[4] = o[4]
            else:
                out.append(cur)
                cur = list(o)
        out.append(cur)
    return out


def _s(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


_VISIT_TITLES = re.compile(
    r"^(?:(?:Interim|Acting|Transitional|Former|Deputy|First|Vice|Crown|Grand|Prime|Supreme|Executive|"
    r"Federal|State|Chief|Co-|His|Her|Royal|Majesty|Highness|Excellency|Sheikh|Shaikh|Emir|Amir|"
    r"King|Queen|Sultan|Prince|Princess|President|Minister|Chancellor|Premier|Chairman|Chair|"
    r"Secretary|General|Lieutenant|Colonel|Captain|Governor|Pope|Emperor|Empress|Taoiseach|Leader|"
    r"of|the|Council|Government|National|Presidential|Sovereign|Military|Head|Counselor|Lord|Dr\.|Mr\.|Mrs\.)\s+)+"
)


def _strip_title(who: str) -> str:
    return _VISIT_TITLES.sub("", who.strip()).strip(" ,")


def serialise(data: dict) -> bytes:
    """Deterministic bytes: sorted keys, compact JSON, gzip with mtime 0."""
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(payload)
    return buf.getvalue()


def build(raw: Path | None = None, output: Path | None = OUTPUT, curated: Path = CURATED) -> tuple[bytes, Report]:
    """Build the gazetteer; write it to ``output`` unless None. Returns (bytes, report)."""
    raw = Path(raw) if raw else default_raw_dir()
    if not raw.is_dir():
        raise BuildError(f"raw data folder not found: {raw}")
    b = Builder(raw, curated)
    data = b.build()
    blob = serialise(data)
    if output is not None:
        Path(output).write_bytes(blob)
    return blob, b.report
