"""Smoke tests of the people layer's public API (the full table is test_people_resolve.py)."""
from readouts.people import load_gazetteer, resolve


def test_scan_title_then_name_gives_one_name_hit():
    hits = load_gazetteer().scan("Israeli Prime Minister Benjamin Netanyahu spoke with President Biden.")
    assert [(h.kind, h.text, h.country, h.role) for h in hits] == [
        ("name", "Benjamin Netanyahu", "ISR", "head_of_government"),
        ("name", "Biden", None, "head_of_state"),
    ]


def test_resolve_title_by_date():
    r = resolve("the Israeli prime minister", on="2021-08-01")
    assert (r.status, r.person.name, r.level) == ("resolved", "Naftali Bennett", "leader")
