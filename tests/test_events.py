"""Merging the mentions of one document into its events."""
from __future__ import annotations

import datetime as dt

from readouts.events import dates_compatible, document_events
from readouts.records import Mention, Participant, Publication, ResolvedDate

PUB = Publication(dt.date(2023, 7, 18), "given", 1.0)
ERDOGAN = Participant("Erdogan", "Recep Tayyip Erdoğan", "Q39723", "TUR")
MBS = Participant("Crown Prince Mohammed", "Mohammed bin Salman", "Q6892571", "SAU")
TAMIM = Participant("Tamim", "Tamim bin Hamad Al Thani", "Q1855372", "QAT")
NAMES = {"TUR": "Türkiye", "SAU": "Saudi Arabia", "QAT": "Qatar"}


def day(value, reason=None):
    return ResolvedDate(value, "day" if value and len(value) == 10 else "month", "explicit", reason=reason)


def mention(kind, people, date, start, host=None, status="occurred"):
    return Mention("d", kind, status, tuple(people), date, f"sentence {start}", (start, start + 10), host=host)


def test_granularities_agree():
    assert dates_compatible("2024-01", "2024-01-19") and dates_compatible(None, "2024")
    assert not dates_compatible("2024-01-19", "2024-01-20")


def test_a_one_sided_visit_joins_the_contact_with_its_host():
    solo = mention("visit", [ERDOGAN], day("2023-07-17"), 0, host="Saudi Arabia")
    talks = mention("meeting", [ERDOGAN, MBS], day("2023-07-18", "undated; taken as the publication date"), 50)
    (event,) = document_events([solo, talks], PUB, NAMES.get)
    assert (event.type, event.date, event.host, event.participants) == (
        "visit", "2023-07-17", "Saudi Arabia", ("Mohammed bin Salman", "Recep Tayyip Erdoğan"))
    assert len(event.mentions) == 2


def test_visits_to_two_countries_stay_two():
    a = mention("visit", [ERDOGAN], day(None, "undated"), 0, host="Qatar", status="planned")
    b = mention("visit", [ERDOGAN], day(None, "undated"), 50, host="Saudi Arabia", status="planned")
    assert [e.host for e in document_events([a, b], PUB, NAMES.get)] == ["Qatar", "Saudi Arabia"]


def test_two_days_of_one_visit_are_one_visit_and_a_different_call_is_not():
    arrival = mention("visit", [ERDOGAN, TAMIM], day("2023-07-17"), 0, host="Qatar")
    talks = mention("visit", [ERDOGAN, TAMIM], day("2023-07-18"), 40, host="Qatar")
    call = mention("call", [ERDOGAN, TAMIM], day("2023-06-01"), 80)
    events = document_events([arrival, talks, call], PUB, NAMES.get)
    assert [(e.type, e.date) for e in events] == [("visit", "2023-07-17"), ("call", "2023-06-01")]


def test_an_undated_report_is_the_recent_contact_not_an_old_one():
    old = mention("call", [ERDOGAN, TAMIM], day("2023-03-01"), 0)
    undated = mention("call", [ERDOGAN, TAMIM], day("2023-07-18", "undated; taken as the publication date"), 50)
    assert [e.date for e in document_events([old, undated], PUB, NAMES.get)] == ["2023-03-01", "2023-07-18"]


def test_planned_and_occurred_never_merge():
    done = mention("meeting", [ERDOGAN, TAMIM], day("2023-07-18"), 0)
    plan = mention("meeting", [ERDOGAN, TAMIM], day("2023-07-18"), 40, status="planned")
    assert [e.status for e in document_events([done, plan], PUB, NAMES.get)] == ["occurred", "planned"]
