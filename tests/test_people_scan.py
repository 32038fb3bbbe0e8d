"""Scanning sentences for names and titles: spans, kinds and the rules that keep
common words and institutions out."""
from __future__ import annotations

import pytest

from readouts.people import load_gazetteer


def hits(text):
    return [(h.kind, h.text, h.country, h.role) for h in load_gazetteer().scan(text)]


def names(text):
    gz = load_gazetteer()
    return [(h.text, sorted(gz.person(p).name for p in h.person_ids)) for h in gz.scan(text) if h.kind == "name"]


def test_title_then_name_is_one_name_hit_carrying_the_title():
    gz = load_gazetteer()
    text = "Israeli Prime Minister Benjamin Netanyahu spoke with President Biden."
    (a, b) = gz.scan(text)
    assert (a.kind, a.text, a.country, a.role, a.title) == (
        "name", "Benjamin Netanyahu", "ISR", "head_of_government", "Israeli Prime Minister")
    assert text[a.start:a.end] == a.text
    assert (b.text, b.role, b.title) == ("Biden", "head_of_state", "President")


@pytest.mark.parametrize("text,expected", [
    ("the Israeli prime minister", ("title", "the Israeli prime minister", "ISR", "head_of_government")),
    ("Japan's prime minister", ("title", "Japan's prime minister", "JPN", "head_of_government")),
    ("the prime minister of Japan", ("title", "the prime minister of Japan", "JPN", "head_of_government")),
    ("the Emir of Qatar", ("title", "the Emir of Qatar", "QAT", "head_of_state")),
    ("Qatari Emir", ("title", "Qatari Emir", "QAT", "head_of_state")),
    ("Crown Prince of Abu Dhabi", ("title", "Crown Prince of Abu Dhabi", "ARE", "crown_prince")),
    ("U.S. Secretary of State", ("title", "U.S. Secretary of State", "USA", "foreign_minister")),
    ("Secretary of State", ("title", "Secretary of State", "USA", "foreign_minister")),
    ("the Chinese foreign minister", ("title", "the Chinese foreign minister", "CHN", "foreign_minister")),
    ("UN Secretary-General", ("title", "UN Secretary-General", "UN", "secretary_general")),
    ("the U.N. chief", ("title", "the U.N. chief", "UN", "secretary_general")),
    ("NATO Secretary General", ("title", "NATO Secretary General", "NATO", "secretary_general")),
    ("the European Commission President", ("title", "the European Commission President", "EU", "commission_president")),
    ("the prime minister", ("title", "the prime minister", None, "head_of_government")),
    ("Türkiye's foreign minister", ("title", "Türkiye's foreign minister", "TUR", "foreign_minister")),
])
def test_title_phrases(text, expected):
    assert hits(f"He met {text} on Monday.") == [expected]


@pytest.mark.parametrize("text,span,who", [
    ("Joe Biden", "Joe Biden", "Joe Biden"),
    ("Joseph R. Biden Jr.", "Joseph R. Biden Jr.", "Joe Biden"),
    ("Benjamin Netanyahu", "Benjamin Netanyahu", "Benjamin Netanyahu"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Erdoğan", "Erdoğan", "Recep Tayyip Erdoğan"),
    ("Zelenskiy", "Zelenskiy", "Volodymyr Zelenskyy"),
    ("Mohammed bin Salman", "Mohammed bin Salman", "Mohammed bin Salman"),
    ("MBS", "MBS", "Mohammed bin Salman"),
    ("Lula", "Lula", "Luiz Inácio Lula da Silva"),
    ("AMLO", "AMLO", "Andrés Manuel López Obrador"),
    ("Kim Jong-un", "Kim Jong-un", "Kim Jong Un"),
    ("Kim Jong Un", "Kim Jong Un", "Kim Jong Un"),
    ("Xi", "Xi", "Xi Jinping"),
    ("Mr. Netanyahu", "Netanyahu", "Benjamin Netanyahu"),
    ("PM Modi", "Modi", "Narendra Modi"),
    ("Chancellor Scholz", "Scholz", "Olaf Scholz"),
    ("Sheikh Tamim", "Tamim", "Tamim bin Hamad Al Thani"),
])
def test_names(text, span, who):
    found = names(f"On Monday {text} said so.")
    assert len(found) == 1 and found[0][0] == span and who in found[0][1]


def test_bare_surname_lists_every_person_with_it():
    (text, people), = names("Officials said Abe would travel.")
    assert text == "Abe" and {"Shinzo Abe", "Akie Abe"} <= set(people)


def test_the_kremlin_is_not_a_person():
    assert hits("The Kremlin said the talks were useful.") == []


def test_lowercase_words_never_hit():
    assert names("they may eat rice or go to the park with a brown dog") == []


def test_common_word_surnames_need_context():
    assert names("May was a good month.") == []
    assert names("Rice University is in Texas.") == []
    assert [t for t, _ in names("He met May on Tuesday.")] == ["May"]
    assert [t for t, _ in names("Theresa May met Mrs. May.")] == ["Theresa May", "May"]


def test_unknown_name_after_a_title_is_a_name_hit_without_ids():
    gz = load_gazetteer()
    (h,) = gz.scan("President Zorblax Quux arrived.")
    assert (h.kind, h.text, h.person_ids, h.role) == ("name", "Zorblax Quux", (), "head_of_state")


def test_hits_are_in_order_and_do_not_overlap():
    gz = load_gazetteer()
    text = ("Chinese Foreign Minister Wang Yi met his Russian counterpart Sergey Lavrov, "
            "and the U.N. chief spoke to Saudi Crown Prince Mohammed bin Salman.")
    hs = gz.scan(text)
    assert [h.text for h in hs] == ["Wang Yi", "Sergey Lavrov", "the U.N. chief", "Mohammed bin Salman"]
    assert all(a.end <= b.start for a, b in zip(hs, hs[1:]))
    assert all(text[h.start:h.end] == h.text for h in hs)


def test_korean_surname_does_not_take_another_persons_full_name():
    assert names("Prime Minister Han Duck-soo said so.") == [("Han Duck-soo", [])]


def test_a_surname_before_an_unknown_capitalised_word_is_someone_else():
    assert names("Francis Fukuyama wrote a book.") == []
    assert [t for t, _ in names("Officials said Netanyahu Tuesday rejected it.")] == ["Netanyahu"]
    assert [t for t, _ in names("Lula Meets Biden In Brasilia")] == ["Lula", "Biden"]


def test_place_names_are_not_surnames():
    assert names("He flew to San Francisco on Monday.") == []


@pytest.mark.parametrize("text,span,who", [
    ("the Ukrainian Minister for European Integration, Stefanishyna Olha.", "Stefanishyna Olha", "Olha Stefanishyna"),
    ("Prime Minister Kjell Stefan Löfven of Sweden", "Kjell Stefan Löfven", "Stefan Löfven"),
    ("Foreign Minister Retno Lestari Priansari Marsudi of Indonesia", "Retno Lestari Priansari Marsudi",
     "Retno Marsudi"),
])
def test_longer_and_reversed_forms_of_known_names(text, span, who):
    assert names(text) == [(span, [who])]


def test_bare_secretary_general_is_the_uns_unless_the_document_is_natos():
    from readouts.people import ResolveContext

    gz = load_gazetteer()
    (h,) = gz.scan("The Secretary-General met the president.")[:1]
    assert (h.kind, h.role) == ("title", "secretary_general")
    assert gz.resolve_hit(h, on="2016-06-23").person.name == "Ban Ki-moon"
    assert gz.resolve_hit(h, on="2018-09-13", context=ResolveContext(country="NATO")).person.name == "Jens Stoltenberg"
