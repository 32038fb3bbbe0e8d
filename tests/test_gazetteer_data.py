"""Data checks of the packaged gazetteer: overlapping terms in one office, terms
ending before they start, people whose only name is a bare QID."""
from __future__ import annotations

import datetime as dt

from readouts.people import load_gazetteer
from readouts.people.check import check
from readouts.records import Office, Person

G20_P5_EU = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
             "SAU", "ZAF", "TUR", "GBR", "USA", "EU", "UN", "NATO", "WBG", "IMF"}
# Known, real overlaps: acting heads while the holder was suspended, and a handover
# of powers on the change to a presidential system.
KNOWN = {
    "head_of_government KOR: Park Geun-hye (2013-02-25..2017-03-10) and Hwang Kyo-ahn (2016-12-09..2017-05-10)",
    "head_of_government TUR: Binali Yıldırım (2016-05-24..2018-07-09) and Recep Tayyip Erdoğan (2018-06-24..None)",
}


class _Fake:
    def __init__(self, people):
        self._p = people

    def people(self):
        return self._p


def _o(role, country, start, end):
    return Office(role, country, "t", dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None)


def test_check_finds_each_kind_of_problem():
    people = [
        Person("Q1", "Alice A", "XXX", offices=(_o("head_of_government", "XXX", "2000-01-01", "2005-01-01"),)),
        Person("Q2", "Bob B", "XXX", offices=(_o("head_of_government", "XXX", "2003-01-01", None),)),
        Person("Q3", "Q3", "XXX", offices=(_o("foreign_minister", "XXX", "2010-01-01", "2009-01-01"),)),
        Person("Q4", "Carol C", "XXX", offices=(_o("head_of_government", "XXX", "2005-01-03", "2006-01-01"),)),
    ]
    kinds = sorted(k for k, _ in check(_Fake(people)))
    assert kinds == ["bare-qid-name", "end-before-start", "overlap", "overlap"]


def test_no_bare_qid_names_and_no_inverted_terms():
    problems = check(load_gazetteer())
    assert [p for p in problems if p[0] in ("bare-qid-name", "end-before-start", "no-offices")] == []


def test_no_unexplained_overlaps_in_g20_p5_and_bodies():
    problems = check(load_gazetteer(), countries=G20_P5_EU)
    assert {d for k, d in problems if k == "overlap"} <= KNOWN


def test_names_are_trimmed_and_office_countries_of_core_states_are_named():
    gz = load_gazetteer()
    for p in gz.people():
        assert p.name and p.name.strip() == p.name and "  " not in p.name
        for o in p.offices:
            if o.country in G20_P5_EU:
                assert gz.country_name(o.country)


def test_offices_agree_with_the_state_department_travel_records():
    """Titled names in the Secretary of State's trip remarks ("Met with Foreign Minister
    Guido Westerwelle") resolve to people holding that office on the trip's day."""
    import sys
    from pathlib import Path

    import pytest

    from readouts.people.build import default_raw_dir

    if not (default_raw_dir() / "HistoryAtState__travels").is_dir():
        pytest.skip("raw travel records not found (../shared absent)")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from check_people_travels import check as travels_check

    counts, _, bad = travels_check(load_gazetteer())
    agree, disagree = counts["office agrees"], counts["office disagrees"]
    assert agree >= 1580
    assert agree / (agree + disagree) >= 0.93, bad[:20]
    assert counts["ambiguous"] <= 20
