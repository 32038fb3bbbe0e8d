"""Resolution of names and titles by date, through the public API and the CLI.

Each case: (query, date, document country, expected status, expected name,
expected office role). The cases are of our own making: heads of state and
government, ministers and heads of international bodies across 30+ countries
from 1995 to 2026, with title-only queries, surnames, ambiguous surnames,
accented and transliterated spellings, and people who changed office.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from readouts.cli import cli
from readouts.people import ResolveContext, load_gazetteer, resolve

R, A, U = "resolved", "ambiguous", "unknown"

CASES = [
    # Israel: titles follow the date; surname and nickname
    ("the Israeli prime minister", "2021-08-01", None, R, "Naftali Bennett", "head_of_government"),
    ("the Israeli prime minister", "2024-01-19", None, R, "Benjamin Netanyahu", "head_of_government"),
    ("Netanyahu", "1997-05-01", None, R, "Benjamin Netanyahu", "head_of_government"),
    ("Bibi", "2023-10-18", None, R, "Benjamin Netanyahu", "head_of_government"),
    ("the prime minister", "2021-08-01", "ISR", R, "Naftali Bennett", "head_of_government"),
    ("the prime minister", "2021-08-01", None, U, None, None),
    # United States: president, vice-president, secretaries of state, advisers
    ("President Biden", "2022-01-01", None, R, "Joe Biden", "head_of_state"),
    ("Biden", "2015-06-01", None, R, "Joe Biden", "vice_president"),
    ("Joseph R. Biden Jr.", "2021-07-09", None, R, "Joe Biden", "head_of_state"),
    ("the U.S. president", "2019-06-01", None, R, "Donald Trump", "head_of_state"),
    ("the American president", "2025-03-01", None, R, "Donald Trump", "head_of_state"),
    ("U.S. Secretary of State", "2016-07-14", None, R, "John Kerry", "foreign_minister"),
    ("Secretary of State", "2025-03-01", None, R, "Marco Rubio", "foreign_minister"),
    ("Rice", "2006-01-01", None, R, "Condoleezza Rice", "foreign_minister"),
    ("Rice", "2014-01-01", None, R, "Susan Rice", "national_security_adviser"),
    ("the U.S. national security adviser", "2018-09-01", None, R, "John Bolton", "national_security_adviser"),
    ("Kamala Harris", "2022-02-19", None, R, "Kamala Harris", "vice_president"),
    ("the U.S. vice president", "2026-02-01", None, R, "JD Vance", "vice_president"),
    # China
    ("the Chinese foreign minister", "2023-03-01", None, R, "Qin Gang", "foreign_minister"),
    ("the Chinese foreign minister", "2024-01-01", None, R, "Wang Yi", "foreign_minister"),
    ("Chinese President Xi Jinping", "2017-04-06", None, R, "Xi Jinping", "head_of_state"),
    ("Xi", "2010-01-01", None, R, "Xi Jinping", "vice_president"),
    ("the Chinese premier", "2018-05-09", None, R, "Li Keqiang", "head_of_government"),
    # Russia
    ("the Russian foreign minister", "2016-07-14", None, R, "Sergey Lavrov", "foreign_minister"),
    ("Sergei Lavrov", "2020-01-01", None, R, "Sergey Lavrov", "foreign_minister"),
    ("Putin", "2009-01-01", None, R, "Vladimir Putin", "head_of_government"),
    ("the Russian president", "2010-01-01", None, R, "Dmitry Medvedev", "head_of_state"),
    ("Yeltsin", "1996-01-01", None, R, "Boris Yeltsin", "head_of_state"),
    ("the Kremlin", "2020-01-01", None, U, None, None),
    # Japan: Shinzo vs Akie Abe, people who changed office
    ("Japan's prime minister", "2017-02-10", None, R, "Shinzo Abe", "head_of_government"),
    ("Abe", "2017-02-10", None, R, "Shinzo Abe", "head_of_government"),
    ("Shinzō Abe", "2019-01-01", None, R, "Shinzo Abe", "head_of_government"),
    ("Akie Abe", "2017-02-10", None, R, "Akie Abe", None),
    ("Abe", "2005-01-01", None, A, None, None),
    ("the Japanese prime minister", "2025-11-01", None, R, "Sanae Takaichi", "head_of_government"),
    ("Kishida", "2016-01-01", None, R, "Fumio Kishida", "foreign_minister"),
    ("Kishida", "2023-05-07", None, R, "Fumio Kishida", "head_of_government"),
    ("Koizumi", "2004-07-01", None, R, "Junichiro Koizumi", "head_of_government"),
    # Koreas: several Kims
    ("Kim Jong-un", "2018-04-27", None, R, "Kim Jong Un", "head_of_state"),
    ("Kim", "2018-04-27", None, A, None, None),
    ("Jim Yong Kim", "2015-01-01", None, R, "Jim Yong Kim", "president"),
    ("President Moon", "2019-06-30", None, R, "Moon Jae-in", "head_of_state"),
    ("the South Korean president", "2023-03-16", None, R, "Yoon Suk Yeol", "head_of_state"),
    ("Yoon Suk-yeol", "2023-05-07", None, R, "Yoon Suk Yeol", "head_of_state"),
    ("Roh Moo-hyun", "2004-07-01", None, R, "Roh Moo-hyun", "head_of_state"),
    ("Ban Ki-moon", "2005-01-01", None, R, "Ban Ki-moon", "foreign_minister"),
    # International bodies
    ("UN Secretary-General", "2016-09-26", None, R, "Ban Ki-moon", "secretary_general"),
    ("the U.N. chief", "2022-04-26", None, R, "António Guterres", "secretary_general"),
    ("UN Secretary-General", "2000-01-01", None, R, "Kofi Annan", "secretary_general"),
    ("NATO Secretary General", "2018-09-13", None, R, "Jens Stoltenberg", "secretary_general"),
    ("NATO chief", "2025-01-01", None, R, "Mark Rutte", "secretary_general"),
    ("Rutte", "2020-01-01", None, R, "Mark Rutte", "head_of_government"),
    ("the European Commission President", "2022-02-19", None, R, "Ursula von der Leyen", "commission_president"),
    ("President of the European Commission", "2010-01-01", None, R, "José Manuel Barroso", "commission_president"),
    ("European Council President", "2025-10-28", None, R, "António Costa", "council_president"),
    ("Costa", "2020-01-01", None, R, "António Costa", "head_of_government"),
    ("the EU foreign policy chief", "2021-01-01", None, R, "Josep Borrell", "high_representative"),
    ("World Bank President", "2022-02-19", None, R, "David Malpass", "president"),
    # Turkey: accents, office changes, Türkiye
    ("Recep Tayyip Erdogan", "2022-04-26", None, R, "Recep Tayyip Erdoğan", "head_of_state"),
    ("Erdoğan", "2010-01-01", None, R, "Recep Tayyip Erdoğan", "head_of_government"),
    ("the Turkish president", "2022-10-13", None, R, "Recep Tayyip Erdoğan", "head_of_state"),
    ("Türkiye's foreign minister", "2024-01-01", None, R, "Hakan Fidan", "foreign_minister"),
    # Ukraine: transliterations
    ("Zelenskiy", "2022-02-23", None, R, "Volodymyr Zelenskyy", "head_of_state"),
    ("Zelensky", "2022-06-16", None, R, "Volodymyr Zelenskyy", "head_of_state"),
    ("the Ukrainian foreign minister", "2023-01-01", None, R, "Dmytro Kuleba", "foreign_minister"),
    # Gulf and Jordan
    ("Mohammed bin Salman", "2022-07-15", None, R, "Mohammed bin Salman", "crown_prince"),
    ("MBS", "2023-07-17", None, R, "Mohammed bin Salman", "head_of_government"),
    ("the Saudi crown prince", "2018-10-01", None, R, "Mohammed bin Salman", "crown_prince"),
    ("King Salman", "2020-01-01", None, R, "Salman of Saudi Arabia", "head_of_state"),
    ("the Emir of Qatar", "2022-06-30", None, R, "Tamim bin Hamad Al Thani", "head_of_state"),
    ("Crown Prince of Abu Dhabi", "2018-02-18", None, R, "Mohamed bin Zayed Al Nahyan", "crown_prince"),
    ("Mohamed bin Zayed", "2023-01-01", None, R, "Mohamed bin Zayed Al Nahyan", "head_of_state"),
    ("King Abdullah", "2018-11-15", None, R, "Abdullah II of Jordan", "head_of_state"),
    # Americas
    ("Lula", "2023-06-01", None, R, "Luiz Inácio Lula da Silva", "head_of_state"),
    ("Lula", "2005-01-01", None, R, "Luiz Inácio Lula da Silva", "head_of_state"),
    ("AMLO", "2020-07-06", None, R, "Andrés Manuel López Obrador", "head_of_state"),
    ("the Mexican foreign minister", "2022-06-16", None, R, "Marcelo Ebrard", "foreign_minister"),
    ("the Canadian prime minister", "2020-07-06", None, R, "Justin Trudeau", "head_of_government"),
    # South Asia
    ("PM Modi", "2023-01-01", None, R, "Narendra Modi", "head_of_government"),
    ("India's external affairs minister", "2020-01-01", None, R, "S. Jaishankar", "foreign_minister"),
    ("Khan", "2020-01-01", None, R, "Imran Khan", "head_of_government"),
    ("Khan", "1992-01-01", None, R, "Ghulam Ishaq Khan", "head_of_state"),
    # Europe
    ("Chancellor Scholz", "2022-02-15", None, R, "Olaf Scholz", "head_of_government"),
    ("the German chancellor", "2010-01-01", None, R, "Angela Merkel", "head_of_government"),
    ("the German chancellor", "2025-06-01", None, R, "Friedrich Merz", "head_of_government"),
    ("the German foreign minister", "2022-06-01", None, R, "Annalena Baerbock", "foreign_minister"),
    ("the French prime minister", "2025-10-01", None, R, "Sébastien Lecornu", "head_of_government"),
    ("the British prime minister", "2018-02-18", None, R, "Theresa May", "head_of_government"),
    ("Mrs. May", "2017-06-01", None, R, "Theresa May", "head_of_government"),
    ("the UK foreign secretary", "2016-06-24", None, R, "Philip Hammond", "foreign_minister"),
    ("Boris Johnson", "2017-01-01", None, R, "Boris Johnson", "foreign_minister"),
    ("Boris Johnson", "2020-05-29", None, R, "Boris Johnson", "head_of_government"),
    ("the Spanish prime minister", "2008-01-01", None, R, "José Luis Rodríguez Zapatero", "head_of_government"),
    ("Walesa", "1994-01-01", None, R, "Lech Wałęsa", "head_of_state"),
    ("Vucic", "2020-06-01", None, R, "Aleksandar Vučić", "head_of_state"),
    ("Vučić", "2015-01-01", None, R, "Aleksandar Vučić", "head_of_government"),
    ("Nauseda", "2022-02-23", None, R, "Gitanas Nausėda", "head_of_state"),
    ("the Italian prime minister", "2022-06-16", None, R, "Mario Draghi", "head_of_government"),
    ("Fico", "2026-01-15", None, R, "Robert Fico", "head_of_government"),
    ("Orban", "2026-02-16", None, R, "Viktor Orbán", "head_of_government"),
    ("the Pope", "2025-06-01", None, R, "Pope Leo XIV", "head_of_state"),
    ("the Irish president", "2020-01-01", None, R, "Michael D. Higgins", "head_of_state"),
    ("the Irish president", "2026-01-01", None, R, "Catherine Connolly", "head_of_state"),
    ("the Bolivian president", "2026-03-01", None, R, "Rodrigo Paz", "head_of_state"),
    ("the French prime minister", "2003-01-01", None, R, "Jean-Pierre Raffarin", "head_of_government"),
    ("Juppé", "1996-01-01", None, R, "Alain Juppé", "head_of_government"),
    ("Juppé", "2011-06-01", None, R, "Alain Juppé", "foreign_minister"),
    # Africa and the Middle East
    ("Ramaphosa", "2018-02-18", None, R, "Cyril Ramaphosa", "head_of_state"),
    ("Abiy", "2018-07-14", None, R, "Abiy Ahmed", "head_of_government"),
    ("the Kenyan deputy president", "2022-11-09", None, R, "Rigathi Gachagua", "vice_president"),
    ("the Iranian president", "2022-06-30", None, R, "Ebrahim Raisi", "head_of_government"),
    ("the supreme leader of Iran", "2022-06-30", None, R, "Ali Khamenei", "head_of_state"),
    ("Sisi", "2016-01-01", None, R, "Abdel Fattah el-Sisi", "head_of_state"),
    ("the Egyptian president", "2013-01-01", None, R, "Mohamed Morsi", "head_of_state"),
    # "leader": the office the country's effective leader usually holds (from REIGN)
    ("the Chinese leader", "2020-01-01", None, R, "Xi Jinping", "head_of_state"),
    ("the Israeli leader", "2021-08-01", None, R, "Naftali Bennett", "head_of_government"),
    ("the Russian leader", "2010-01-01", None, R, "Dmitry Medvedev", "head_of_state"),
    ("North Korean leader Kim Jong Un", "2018-06-12", None, R, "Kim Jong Un", "head_of_state"),
    ("the UAE leader", "2023-07-18", None, R, "Mohamed bin Zayed Al Nahyan", "head_of_state"),
    ("the French leader", "2022-06-16", None, R, "Emmanuel Macron", "head_of_state"),
    ("Prime Minister of the Republic of Bulgaria", "2022-02-19", None, R, "Kiril Petkov", "head_of_government"),
    ("Saudi Crown Prince Mohammed", "2022-07-15", None, R, "Mohammed bin Salman", "crown_prince"),
    # Asia-Pacific
    ("Lawrence Wong", "2024-09-04", None, R, "Lawrence Wong", "head_of_government"),
    ("Wong", "2024-09-04", None, A, None, None),
    ("Wong", "2024-09-04", "SGP", R, "Lawrence Wong", "head_of_government"),
    ("the Australian prime minister", "2018-11-16", None, R, "Scott Morrison", "head_of_government"),
    ("Retno Marsudi", "2020-08-19", None, R, "Retno Marsudi", "foreign_minister"),
    ("Oyun-Erdene", "2024-08-13", None, R, "Luvsannamsrai Oyun-Erdene", "head_of_government"),
]


def _countries(cases):
    gz = load_gazetteer()
    out = set()
    for q, on, ctx, status, name, role in cases:
        r = gz.resolve(q, on=on, context=ResolveContext(country=ctx) if ctx else None)
        if r.office is not None:
            out.add(r.office.country)
    return out


def test_table_is_broad():
    assert len(CASES) >= 60
    years = {int(c[1][:4]) for c in CASES}
    assert min(years) <= 1995 and max(years) >= 2026
    assert len(_countries(CASES)) >= 30


@pytest.mark.parametrize("query,on,country,status,name,role", CASES, ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_resolve_api(query, on, country, status, name, role):
    ctx = ResolveContext(country=country) if country else None
    r = resolve(query, on=on, context=ctx)
    assert r.status == status, (r.reason, [c.person.name for c in r.candidates])
    if status == R:
        assert r.person.name == name
        assert (r.office.role if r.office else None) == role


@pytest.mark.parametrize("query,on,country,status,name,role", CASES[::3], ids=[f"{c[0]}@{c[1]}" for c in CASES[::3]])
def test_resolve_cli(query, on, country, status, name, role):
    args = ["resolve", query, "--on", on, "--json"] + (["--country", country] if country else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == (0 if status == R else 1), result.output
    out = json.loads(result.output)
    assert out["status"] == status
    assert out["name"] == name


def test_cli_table_output():
    result = CliRunner().invoke(cli, ["resolve", "Kim", "--on", "2018-04-27"])
    assert result.exit_code == 1
    assert "Kim Jong Un" in result.output and "ambiguous" in result.output


def test_cli_bad_date_is_exit_2():
    result = CliRunner().invoke(cli, ["resolve", "Netanyahu", "--on", "yesterday"])
    assert result.exit_code == 2


def test_json_shape_matches_design():
    out = resolve("the Israeli prime minister", on="2021-08-01").to_json()
    assert {k: out[k] for k in ("status", "name", "country", "office", "level", "candidates")} == {
        "status": "resolved", "name": "Naftali Bennett", "country": "ISR",
        "office": "head of government", "level": "leader", "candidates": [],
    }
    assert out["id"].startswith("Q")


def test_recent_mentions_break_ties():
    gz = load_gazetteer()
    kim = gz.resolve("Kim Jong Un", on="2018-04-27").person
    r = gz.resolve("Kim", on="2018-04-27", context=ResolveContext(recent=(kim.id,)))
    assert (r.status, r.person.name) == ("resolved", "Kim Jong Un")


def test_former_leader_is_resolved_but_flagged():
    r = resolve("Tony Blair", on="2015-01-01")
    assert (r.status, r.person.name, r.office, r.reason) == ("resolved", "Tony Blair", None, "no office on date")


def test_level():
    gz = load_gazetteer()
    mbs = gz.resolve("MBS").person
    assert gz.level(mbs.id, "2022-07-15") == "official"
    assert gz.level(mbs.id, "2023-07-17") == "leader"


def test_holders_and_offices_on():
    gz = load_gazetteer()
    assert [p.name for p in gz.holders("head_of_government", "ISR", "2021-08-01")] == ["Naftali Bennett"]
    lavrov = gz.resolve("Lavrov").person
    assert [o.role for o in gz.offices_on(lavrov.id, "2016-07-14")] == ["foreign_minister"]
    with pytest.raises(KeyError):
        gz.person("Q0")


@pytest.mark.parametrize("text,iso", [
    ("Israel", "ISR"), ("Israeli", "ISR"), ("U.S.", "USA"), ("United States", "USA"), ("American", "USA"),
    ("Britain", "GBR"), ("UK", "GBR"), ("Türkiye", "TUR"), ("Turkish", "TUR"), ("Emirati", "ARE"),
    ("Japan's", "JPN"), ("Nowhere", None),
])
def test_country_code(text, iso):
    assert load_gazetteer().country_code(text) == iso


@pytest.mark.parametrize("iso,name", [
    ("ISR", "Israel"), ("USA", "United States"), ("GBR", "United Kingdom"), ("ARE", "United Arab Emirates"),
])
def test_country_name(iso, name):
    assert load_gazetteer().country_name(iso) == name


@pytest.mark.parametrize("text,iso", [
    ("Kyiv", "UKR"), ("Sochi", "RUS"), ("Abu Dhabi", "ARE"), ("Jeddah", "SAU"), ("Mar-a-Lago", "USA"),
    ("Nairobi", "KEN"), ("Busan", "KOR"), ("Washington", "USA"), ("Atlantis", None),
])
def test_place_country(text, iso):
    assert load_gazetteer().place_country(text) == iso


def test_gazetteer_pickles_by_reloading():
    import pickle

    gz = load_gazetteer()
    blob = pickle.dumps(gz)
    assert len(blob) < 1000
    assert pickle.loads(blob) is gz  # same process: the cached instance


def test_version_is_a_short_content_hash():
    v = load_gazetteer().version
    assert len(v) == 12 and int(v, 16) >= 0


@pytest.mark.parametrize("name", [
    "Joe Biden", "Benjamin Netanyahu", "Recep Tayyip Erdoğan", "Volodymyr Zelenskyy", "Mohamed bin Zayed Al Nahyan",
    "Mohammed bin Salman", "Tamim bin Hamad Al Thani", "Abdullah II of Jordan", "Luiz Inácio Lula da Silva",
    "Andrés Manuel López Obrador", "Kim Jong Un", "Moon Jae-in", "Yoon Suk Yeol", "Aleksandar Vučić",
    "Gitanas Nausėda", "Sergey Lavrov", "Wang Yi", "António Guterres", "Ban Ki-moon", "Ursula von der Leyen",
    "António Costa",
])
def test_canonical_names_are_english_wikidata_labels(name):
    assert any(p.name == name for p in load_gazetteer().people())
    assert resolve(name).person.name == name


def test_no_portuguese_label_is_a_canonical_name_for_well_known_monarchs():
    names = {p.name for p in load_gazetteer().people()}
    assert not {"Abdullah II da Jordânia", "Carlos III do Reino Unido", "Isabel II do Reino Unido"} & names
    assert {"Charles III", "Elizabeth II", "Felipe VI of Spain"} <= names
