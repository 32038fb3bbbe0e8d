"""Merging mentions across documents into one event per engagement."""
from __future__ import annotations

import random

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FAKE_RULES, doc, fake_process
from readouts.ledger import schema
from readouts.ledger.merge import Report, compatible, confidence, date_bounds, merge

A, B, C = ("Q1", "Ann"), ("Q2", "Bob"), ("Q3", "Cy")


def m(doc_id, date, *, type="call", status="occurred", people=(A, B), ordinal=0, **kw):
    return Report(doc_id=doc_id, ordinal=ordinal, type=type, status=status,
                  person_ids=tuple(p[0] for p in people), names=tuple(p[1] for p in people), date=date, **kw)


def summary(events):
    return [(e.type, e.status, e.date, sorted((x.doc_id, x.ordinal) for x in e.reports)) for e in events]


def test_ten_outlets_one_call_is_one_call():
    events = merge([m(f"d{i}", "2024-01-19", publisher=f"outlet{i}.example") for i in range(10)])
    assert len(events) == 1
    assert events[0].documents == 10


def test_month_joins_a_day_inside_it_and_the_day_wins():
    events = merge([m("a", "2024-01"), m("b", "2024-01-19", duration_minutes=40)])
    assert summary(events) == [("call", "occurred", "2024-01-19", [("a", 0), ("b", 0)])]
    assert events[0].duration_minutes == 40
    assert (events[0].date_start, events[0].date_end) == ("2024-01-19", "2024-01-19")


def test_two_different_days_are_two_events():
    assert [e.date for e in merge([m("a", "2024-01-19"), m("b", "2024-01-20")])] == ["2024-01-19", "2024-01-20"]


def test_month_alone_stays_a_month_and_year_joins_it():
    events = merge([m("a", "2024-01"), m("b", "2024-01"), m("c", "2024")])
    assert summary(events) == [("call", "occurred", "2024-01", [("a", 0), ("b", 0), ("c", 0)])]
    assert (events[0].date_start, events[0].date_end) == ("2024-01-01", "2024-01-31")


def test_call_and_in_person_are_different_media_but_meeting_and_visit_merge():
    events = merge([m("a", "2024-03-01", type="call"), m("b", "2024-03-01", type="meeting"),
                    m("c", "2024-03-01", type="visit")])
    assert sorted((e.type, e.documents) for e in events) == [("call", 1), ("visit", 2)]


def test_planned_stays_apart_from_occurred():
    events = merge([m("a", "2024-03-01", status="planned"), m("b", "2024-03-01")])
    assert sorted(e.status for e in events) == ["occurred", "planned"]


def test_participants_by_identity_not_by_name():
    same = merge([m("a", "2024-03-01", people=(A, B)), m("b", "2024-03-01", people=(("Q2", "Robert"), A))])
    assert len(same) == 1
    other = merge([m("a", "2024-03-01", people=(A, B)), m("b", "2024-03-01", people=(A, C))])
    assert len(other) == 2


def test_two_calls_on_one_day_stay_two_when_a_text_says_so():
    # Document "a" itself reports two calls that day; "b" reports one.
    reports = [m("a", "2024-01-19", ordinal=0), m("a", "2024-01-19", ordinal=1), m("b", "2024-01-19", ordinal=0)]
    events = merge(reports)
    assert sorted(summary(events)) == [("call", "occurred", "2024-01-19", [("a", 0), ("b", 0)]),
                                       ("call", "occurred", "2024-01-19", [("a", 1)])]
    assert len({e.event_id for e in events}) == 2


def test_two_month_reports_of_one_document_never_share_an_event():
    events = merge([m("a", "2024-01", ordinal=0), m("a", "2024-01", ordinal=1), m("b", "2024-01-19")])
    assert sorted(summary(events)) == [("call", "occurred", "2024-01", [("a", 1)]),
                                       ("call", "occurred", "2024-01-19", [("a", 0), ("b", 0)])]


def test_a_document_repeating_one_call_without_own_events_is_one_event(ledger):
    # A pipeline that gives mentions but no events: mentions of one group and date are one report.
    repeated = doc("r", f"call occurred {PAIR} 2024-01-19 sources=Axios", f"call occurred {PAIR} 2024-01-19 duration=40")
    ledger.ingest([repeated], process=fake_process, rules_version=FAKE_RULES, gazetteer_version="g")
    counts = ledger.counts()
    assert (counts["mentions"], counts["reports"], counts["events"]) == (2, 1, 1)
    with ledger.engine.connect() as conn:
        row = conn.execute(sa.select(schema.events)).one()
    assert (row.duration_minutes, row.sources) == (40, '["Axios"]')


def test_the_event_carries_every_source_topic_and_the_best_basis():
    events = merge([
        m("a", "2024-01-19", sources=("Axios",), topics=("hostages",), date_basis="inferred"),
        m("b", "2024-01-19", sources=("White House",), topics=("aid", "hostages"), date_basis="explicit"),
        m("c", "2024-01", topics=("gaza",), date_basis="explicit"),
    ])
    (event,) = events
    assert event.sources == ("Axios", "White House")
    assert event.topics == ("aid", "gaza", "hostages")
    assert event.date_basis == "explicit"
    assert event.participants == ("Ann", "Bob")


def test_confidence_grows_with_independent_sources_and_official_readouts():
    one = confidence([m("a", "2024-01-19", publisher="x.example")])
    same_outlet = confidence([m("a", "2024-01-19", publisher="x.example"), m("b", "2024-01-19", publisher="x.example")])
    two = confidence([m("a", "2024-01-19", publisher="x.example"), m("b", "2024-01-19", publisher="y.example")])
    official = confidence([m("a", "2024-01-19", publisher="whitehouse.gov")])
    credited = confidence([m("a", "2024-01-19", publisher="x.example", sources=("White House",))])
    assert one == 0.5
    assert same_outlet == one
    assert two == 0.75
    assert official > two
    assert credited > one


def test_date_helpers():
    assert compatible("2024-01", "2024-01-19") and compatible("2024", "2024-01")
    assert not compatible("2024-01-19", "2024-01-20") and not compatible(None, "2024")
    assert date_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_bounds("2023") == ("2023-01-01", "2023-12-31")


# ------------------------------------------------------------ properties

dates = st.sampled_from(["2024-01-19", "2024-01-20", "2024-01", "2024-02", "2024", "2023-12-23", None])
people = st.sampled_from([(A, B), (B, A), (A, C), (A, B, C)])
mention_specs = st.lists(
    st.tuples(st.integers(0, 5), dates, st.sampled_from(["call", "meeting", "visit"]),
              st.sampled_from(["occurred", "planned"]), people, st.sampled_from([None, 30, 40])),
    max_size=25,
)


def _mentions(specs):
    out = []
    for i, (d, date, kind, status, who, minutes) in enumerate(specs):
        out.append(m(f"d{d}", date, type=kind, status=status, people=who, ordinal=i,
                     duration_minutes=minutes, publisher=f"p{d % 3}", sources=(f"S{i % 4}",)))
    return out


def canonical(events):
    return sorted((e.event_id, e.type, e.status, e.date, e.duration_minutes, e.sources, e.confidence,
                   tuple(sorted((x.doc_id, x.ordinal) for x in e.reports))) for e in events)


@given(mention_specs, st.randoms())
@settings(max_examples=300, deadline=None)
def test_merge_is_order_independent(specs, rnd):
    mentions = _mentions(specs)
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert canonical(merge(mentions)) == canonical(merge(shuffled))


@given(mention_specs)
@settings(max_examples=200, deadline=None)
def test_merge_is_idempotent_and_keeps_every_report(specs):
    reports = _mentions(specs)
    events = merge(reports)
    again = merge([x for e in events for x in e.reports])
    assert canonical(again) == canonical(events)
    assert sorted((x.doc_id, x.ordinal) for e in events for x in e.reports) == sorted(
        (x.doc_id, x.ordinal) for x in reports)
    for e in events:  # one document's reports never share an event
        assert len({x.doc_id for x in e.reports}) == len(e.reports)


# --------------------------------------------------- incremental, in the store

PAIR = "Q1:Ann|Q2:Bob"
DOCS = [
    doc("a", f"call occurred {PAIR} 2024-01-19 duration=40 sources=Axios report=0",
        f"call occurred {PAIR} 2023-12-23 report=1", url="https://a.example/1"),
    doc("b", f"call occurred {PAIR} 2024-01 sources=White_House topics=hostages", url="https://b.example/2"),
    doc("c", f"call occurred {PAIR} 2024-01-19 report=0", f"call occurred {PAIR} 2024-01-19 report=1",
        url="https://c.example/3"),
    doc("d", f"visit occurred {PAIR} 2023-10-18 location=Tel_Aviv", f"meeting planned {PAIR} 2024-06"),
    doc("e", f"meeting occurred {PAIR}|Q3:Cy 2024-02-02 topics=trade"),
]


def stored_events(ledger):
    e = schema.events.c
    with ledger.engine.connect() as conn:
        rows = conn.execute(sa.select(e.event_id, e.type, e.status, e.date, e.duration_minutes, e.sources,
                                      e.topics, e.confidence, e.documents, e.reports).order_by(e.event_id)).all()
        links = conn.execute(
            sa.select(schema.event_reports.c.event_id, schema.reports.c.doc_id, schema.reports.c.ordinal)
            .join(schema.reports, schema.reports.c.report_id == schema.event_reports.c.report_id)
        ).all()
        contacts = conn.execute(sa.select(schema.contacts)).all()
    return sorted(map(tuple, rows)), sorted(map(tuple, links)), sorted(map(tuple, contacts))


def _reset(ledger):
    with ledger.engine.begin() as conn:
        for table in reversed(schema.metadata.sorted_tables):
            if table.name != "schema_version":
                conn.execute(table.delete())


def test_incremental_merge_in_any_order_gives_the_same_events(ledger):
    results = set()
    orders = [list(range(len(DOCS))), list(reversed(range(len(DOCS))))]
    rnd = random.Random(7)
    for _ in range(3):
        order = list(range(len(DOCS)))
        rnd.shuffle(order)
        orders.append(order)
    for order in orders:
        _reset(ledger)
        for i in order:  # one document per run: each run updates only the events it touches
            ledger.ingest([DOCS[i]], process=fake_process, rules_version=FAKE_RULES, gazetteer_version="g")
        results.add(repr(stored_events(ledger)))
        # Ingesting everything again changes nothing.
        ledger.ingest(DOCS, process=fake_process, rules_version=FAKE_RULES, gazetteer_version="g")
        results.add(repr(stored_events(ledger)))
    assert len(results) == 1
    events, links, _ = stored_events(ledger)
    assert [(r[1], r[2], r[3]) for r in sorted(events, key=lambda r: (r[3], r[1], r[0]))] == [
        ("visit", "occurred", "2023-10-18"), ("call", "occurred", "2023-12-23"),
        ("call", "occurred", "2024-01-19"), ("call", "occurred", "2024-01-19"),
        ("meeting", "occurred", "2024-02-02"), ("meeting", "planned", "2024-06"),
    ]


@pytest.mark.parametrize("seed", [1, 2])
def test_documents_in_one_batch_or_many_give_the_same_events(ledger, seed):
    order = list(range(len(DOCS)))
    random.Random(seed).shuffle(order)
    ledger.ingest([DOCS[i] for i in order], process=fake_process, rules_version=FAKE_RULES,
                  gazetteer_version="g", batch_size=100)
    together = stored_events(ledger)
    _reset(ledger)
    ledger.ingest([DOCS[i] for i in order], process=fake_process, rules_version=FAKE_RULES,
                  gazetteer_version="g", batch_size=1)
    assert stored_events(ledger) == together


@given(st.permutations(range(len(DOCS))))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_store_merge_is_order_independent_property(ledger, order):
    _reset(ledger)
    for i in order:
        ledger.ingest([DOCS[i]], process=fake_process, rules_version=FAKE_RULES, gazetteer_version="g")
    first = stored_events(ledger)
    _reset(ledger)
    ledger.ingest(DOCS, process=fake_process, rules_version=FAKE_RULES, gazetteer_version="g")
    assert stored_events(ledger) == first


@pytest.mark.parametrize("publisher, official", [
    ("whitehouse.gov", True), ("gov.uk", True), ("kremlin.ru", True), ("mofa.go.jp", True),
    ("state.gov", True), ("news.un.org", True), ("axios.com", False), ("governing.com", False), ("nytimes.com", False),
])
def test_official_publishers(publisher, official):
    from readouts.ledger.merge import is_official

    assert is_official(publisher) is official
