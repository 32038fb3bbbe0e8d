"""The public surface of ``readouts``: pinned, and working through the front door."""
from __future__ import annotations

import pickle

import pytest

import readouts

PUBLIC = {"__version__", "extract", "process", "resolve", "Ledger", "Article", "Document", "DocumentResult",
          "Event", "Mention", "Person", "Publication", "ReadoutsError"}

PAGE = """Prime Minister Narendra Modi spoke by phone with Japanese Prime Minister Fumio Kishida on Tuesday.

The call lasted about 30 minutes, according to the Ministry of External Affairs."""


def test_the_public_names_are_pinned():
    assert set(readouts.__all__) == PUBLIC
    for name in PUBLIC:
        assert getattr(readouts, name) is not None


def test_extract_is_the_function_not_a_module():
    assert callable(readouts.extract)
    events = readouts.extract(PAGE, published="2023-03-22")
    assert [(e.type, e.status, e.date, e.participants, e.duration_minutes) for e in events] == [
        ("call", "occurred", "2023-03-21", ("Fumio Kishida", "Narendra Modi"), 30)]
    assert events[0].sources == ("Ministry of External Affairs",)
    assert events[0].doc_published == "2023-03-22" and events[0].doc_published_basis == "given"


def test_events_are_frozen_and_picklable():
    event = readouts.extract(PAGE, published="2023-03-22")[0]
    with pytest.raises(AttributeError):
        event.date = "2020-01-01"
    assert pickle.loads(pickle.dumps(event)) == event


def test_resolve_takes_days_months_and_years():
    assert readouts.resolve("the Israeli prime minister", on="2021-08-01").person.name == "Naftali Bennett"
    assert readouts.resolve("the Israeli prime minister", on="2021-08").person.name == "Naftali Bennett"


def test_bad_input_is_a_typed_error():
    with pytest.raises(readouts.ReadoutsError):
        readouts.extract("   ")


def test_a_page_with_no_year_is_dated_by_the_terms_of_office_it_names():
    # Friday, December 10 fell on a Friday in 2021 (Scholz's first weeks in office) and
    # not again while both men held these offices until 2027.
    page = ("Scholz meets Macron in Paris\n\nGerman Chancellor Olaf Scholz met French President Emmanuel "
            "Macron in Paris on Friday, December 10, for their first talks since Scholz took office.")
    (event,) = readouts.extract(page)
    assert (event.type, event.date, event.host) == ("visit", "2021-12-10", "France")
    assert (event.doc_published, event.doc_published_basis) == ("2021-12-10", "inferred")
