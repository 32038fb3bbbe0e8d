"""Recurring summits as dates (readouts.when.summits), sentences of our own writing."""
from __future__ import annotations

import datetime as dt

import pytest

import readouts
from readouts.when import publication_date
from readouts.when.summits import edition, find_summits, summit_date, summits

D = dt.date


def _edition(text, base=None, tense="past"):
    refs = find_summits(text)
    assert len(refs) == 1, refs
    s = edition(refs[0], base, tense)
    return None if s is None else (s.series, s.start.isoformat(), s.places[0])


def test_the_table_is_well_formed():
    table = summits()
    assert len(table) > 150
    assert all(s.start <= s.end and (s.end - s.start).days <= 14 for s in table)
    assert all(len(s.country) == 3 and s.country.isupper() and s.places for s in table)
    assert [s.start for s in table] == sorted(s.start for s in table)
    keys = [(s.series, s.start) for s in table]
    assert len(keys) == len(set(keys))
    cops = [s.number for s in table if s.series == "COP"]
    assert len(cops) == len(set(cops)) and None not in cops


@pytest.mark.parametrize("text, base, tense, expected", [
    # a place the series met at once names the edition, with or without a base date
    ("They met at the G7 summit in Hiroshima.", None, "past", ("G7", "2023-05-19", "Hiroshima")),
    ("on the sidelines of the Bali G20 summit", None, "past", ("G20", "2022-11-15", "Bali")),
    ("at the Group of 20 summit in the Indian capital of New Delhi", None, "past", None),
    ("at the G20 summit in the Brazilian city of Rio de Janeiro", None, "past", ("G20", "2024-11-18", "Rio de Janeiro")),
    ("on the margins of COP28", None, "past", ("COP", "2023-11-30", "Dubai")),
    ("at the COP 26 climate summit", None, "past", ("COP", "2021-10-31", "Glasgow")),
    ("in Los Angeles during the Summit of the Americas", None, "past", ("AMERICAS", "2022-06-06", "Los Angeles")),
    # a year written out
    ("at the 2019 NATO summit", None, "past", ("NATO", "2019-12-03", "London")),
    # a place met at twice: the edition nearest the base date in the tense's direction
    ("at the NATO summit in Brussels", D(2019, 1, 10), "past", ("NATO", "2018-07-11", "Brussels")),
    ("at the NATO summit in Brussels", None, "past", None),
    # no place, no year: the nearest edition, in the tense's direction
    ("at this year's G20 summit", D(2023, 3, 1), "future", ("G20", "2023-09-09", "New Delhi")),
    ("at the G20 summit", D(2023, 3, 1), "past", ("G20", "2022-11-15", "Bali")),
    ("at the G20 summit", D(2023, 3, 1), "future", ("G20", "2023-09-09", "New Delhi")),
    ("at the G20 summit", None, "past", None),
    # the Munich Security Conference meets every February in Munich
    ("at the Munich Security Conference", D(2024, 3, 1), "past", ("MSC", "2024-02-16", "Munich")),
])
def test_the_edition_a_reference_means(text, base, tense, expected):
    assert _edition(text, base, tense) == expected


def test_ministers_meetings_of_a_series_are_not_its_summit():
    assert find_summits("at the G7 foreign ministers meeting in Capri") == []
    assert find_summits("the G20 summit of finance ministers") == []


def test_garbage_gives_nothing():
    assert find_summits("") == []
    assert find_summits("x" * 100_000) == []
    assert find_summits("COP99 was a typo") == []


def test_a_summit_is_dated_to_its_month_a_one_day_meeting_to_its_day():
    nato = next(s for s in summits() if s.series == "NATO" and s.start == D(2021, 6, 14))
    assert summit_date(nato).value == "2021-06-14" and summit_date(nato).granularity == "day"
    cop28 = next(s for s in summits() if s.series == "COP" and s.number == 28)
    # 30 November to 12 December: December holds most of its days
    assert (summit_date(cop28).value, summit_date(cop28).granularity) == ("2023-12", "month")


@pytest.mark.parametrize("text, published, expected", [
    # a contact at a past summit, told later: the summit's month
    ("U.S. President Joe Biden and Japanese Prime Minister Fumio Kishida last met at the G7 summit in Hiroshima.",
     "2023-11-16", [("meeting", "occurred", "2023-05", ("Fumio Kishida", "Joe Biden"))]),
    # one to come
    ("French President Emmanuel Macron will meet Chinese President Xi Jinping at the G20 summit in Rio de Janeiro.",
     "2024-10-01", [("meeting", "planned", "2024-11", ("Emmanuel Macron", "Xi Jinping"))]),
    # no publication date at all: the place still names the edition
    ("U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on the sidelines of the G20 "
     "summit in Bali.", None, [("meeting", "occurred", "2022-11", ("Antony Blinken", "Wang Yi"))]),
    # the summit is under way as the story is written: the story's day
    ("Indian Prime Minister Narendra Modi met Canadian Prime Minister Justin Trudeau on the sidelines of the G20 "
     "summit in New Delhi.", "2023-09-10", [("meeting", "occurred", "2023-09-10", ("Justin Trudeau", "Narendra Modi"))]),
    # a contact after talks at the summit is not at the summit
    ("German Chancellor Olaf Scholz spoke by phone with Indian Prime Minister Narendra Modi on Monday, following "
     "their talks at the G7 summit in Hiroshima.", "2023-06-07",
     [("call", "occurred", "2023-06-05", ("Narendra Modi", "Olaf Scholz"))]),
])
def test_contacts_at_a_summit_take_its_date(text, published, expected):
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(text, published=published)]
    assert got == expected


def test_a_named_summit_dates_a_page_with_no_other_date():
    text = ("The two ministers spoke by phone yesterday, following their conversations in Los Angeles during the "
            "Summit of the Americas.")
    pub = publication_date(text, today=D(2026, 12, 1))
    # after the summit ended (10 June 2022), the earliest day the text allows
    assert (pub.date, pub.basis) == (D(2022, 6, 11), "inferred")
    assert pub.confidence < 0.5 and "Summit of the Americas in Los Angeles" in pub.evidence
    # a full date in the text is better evidence: the summit adds nothing then
    dated = publication_date("On 3 March 2023 the two ministers met, after the G20 summit in Bali.",
                             today=D(2026, 12, 1))
    assert dated.date == D(2023, 3, 3)
