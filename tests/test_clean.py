"""Cleaning of plain-text scrapes and HTML pages (golden files of our own writing)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from readouts.clean import clean
from readouts.records import Document
from readouts.sources import document_from_text, read_document

GOLDEN = Path(__file__).parent / "golden"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "corpus" / "dev" / "docs" / "seed-jns-biden-netanyahu-call.txt"


def blocks(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def golden_cases():
    # each page has an .expected.json written by hand-checking the cleaner's output
    return sorted(p.name.removesuffix(".expected.json") for p in GOLDEN.glob("clean-*.expected.json"))


@pytest.mark.parametrize("name", golden_cases())
def test_golden_page(name):
    source = next(p for p in GOLDEN.glob(name + ".*") if not p.name.endswith(".expected.json"))
    article = clean(read_document(source, doc_id=name))
    expected = json.loads((GOLDEN / f"{name}.expected.json").read_text("utf-8"))
    assert [list(b) for b in blocks(article)] == expected["blocks"]
    assert article.title == expected["title"]
    assert (article.page_date.isoformat() if article.page_date else None) == expected["page_date"]


def test_offsets_index_the_text():
    article = clean(document_from_text("Headline of the day here\n\nFirst paragraph. It goes on.\n\nSecond.",
                                       doc_id="x"))
    assert article.text == "Headline of the day here\n\nFirst paragraph. It goes on.\n\nSecond."
    assert blocks(article) == [("title", "Headline of the day here"),
                               ("paragraph", "First paragraph. It goes on."), ("paragraph", "Second.")]


@pytest.mark.corpus
@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repository")
def test_seed_page():
    article = clean(read_document(SEED))
    kinds = blocks(article)
    text = article.text
    for debris in ("You have read", "Register to receive", "Just before you scroll", "donating today",
                   "Can we count on your support", "loyal JNS Reader", "Never miss a thing",
                   "breaking news updates", "Please register"):
        assert debris not in text
    captions = [t for k, t in kinds if k == "caption"]
    assert len(captions) == 1 and captions[0].startswith("Prime Minister Benjamin Netanyahu welcomes")
    assert text.count("welcomes President Joe Biden at Ben-Gurion Airport") == 1
    assert article.title == "Biden, Netanyahu talk for first time since Dec. 23"
    # every news paragraph of the page is kept, whole
    raw = SEED.read_text("utf-8")
    news = [line for line in raw.splitlines() if line.startswith(("U.S. President", "The two address", "Biden “",
                                                                  "Biden also", "“The president", "John Kirby",
                                                                  "“There has", "During the", "“I would"))]
    assert len(news) == 9
    paragraphs = [t for k, t in kinds if k == "paragraph"]
    for line in news:
        assert " ".join(line.split()) in paragraphs


# --- the rules, one line at a time ---------------------------------------------

NEWS_LINES = [
    # sentences that report news but use words that pitches and menus use too
    "“Thank you for your support,” Zelensky told Biden during the call.",
    "Qatar pledged a donation of $5 million to the relief fund after the meeting.",
    "Turkey is expected to sign up to the pact when the leaders meet on Monday.",
    "The president said he would subscribe to the joint declaration.",
    "Share prices rose after the two leaders spoke by phone.",
    "Comments by the foreign minister angered Beijing.",
    "Read more into the statement than it says, the spokesman warned.",
    "Home Secretary Priti Patel met her French counterpart in London.",
    "Our mission is to bring the hostages home, the envoy said after talks in Doha.",
    "Next week the chancellor will travel to Paris to meet the French president.",
    "By Sunday, the two leaders had spoken three times.",
    "Russia demanded full access to the plant during the talks.",
    "We will be in touch with Moscow about the prisoners, the minister said after the call.",
    "Related talks between the two delegations continued in Geneva on Wednesday.",
    "Top Stories of the week included the summit in Vilnius.",
    "Contacts between the two leaders have been rare since the war began.",
    "The government urged citizens to download the contact-tracing app for iOS and Android.",
]

DEBRIS_LINES = [
    "Skip to main content",
    "Advertisement",
    "You have read 4 articles this month.",
    "You've reached your free article limit. Subscribe to keep reading.",
    "Please register to continue reading.",
    "Sign up for our daily newsletter",
    "We use cookies to give you the best experience on our website.",
    "Read more: Leaders gather for summit",
    "Share on Facebook",
    "Facebook | Twitter | WhatsApp | Email",
    "Home > News > World",
    "Download our app for the latest news",
    "Already a subscriber? Sign in",
    "Support independent journalism today. Every contribution, big or small, helps us.",
]


@pytest.mark.parametrize("line", NEWS_LINES)
def test_news_line_is_kept(line):
    article = clean(document_from_text(f"Some headline about world leaders\n\n{line}\n", doc_id="x"))
    assert line in article.text


@pytest.mark.parametrize("line", DEBRIS_LINES)
def test_debris_line_is_dropped(line):
    body = "The two foreign ministers met in Geneva on Tuesday, officials said."
    article = clean(document_from_text(f"{body}\n\n{line}\n\n{body.replace('Tuesday', 'Friday')}\n", doc_id="x"))
    assert line not in article.text
    assert body in article.text


def test_rules_are_data_and_compile():
    from readouts.clean.rules import boilerplate_rules, read_sections

    for name in ("drop_lines.txt", "pitch_phrases.txt", "captions.txt", "tail_markers.txt", "dates.txt"):
        sections = read_sections(name)
        assert sections and all(sections.values()), name
    rules = boilerplate_rules()
    assert rules is boilerplate_rules()  # loaded once
    assert rules.drop_reason("You have read 3 articles this month.") == "paywall"


def test_caption_kinds():
    text = ("Leaders meet at the summit in Vesta today\n\n"
            "The president (left) greets the prime minister at the airport.\n\n"
            "Alt text of the picture of the two leaders together\n"
            "Alt text of the picture of the two leaders together\n\n"
            "The two leaders met for an hour on Tuesday, officials said.\n")
    article = clean(document_from_text(text, doc_id="x"))
    assert blocks(article) == [
        ("title", "Leaders meet at the summit in Vesta today"),
        ("caption", "The president (left) greets the prime minister at the airport."),
        ("caption", "Alt text of the picture of the two leaders together"),
        ("paragraph", "The two leaders met for an hour on Tuesday, officials said."),
    ]


def test_tail_marker_near_the_top_is_only_a_menu_item():
    body = "\n\n".join(f"Paragraph {i} of the story about the talks, which went on." for i in range(6))
    article = clean(document_from_text(f"Comments\n\n{body}\n\nComments\n\nFirst comment from a reader.", doc_id="x"))
    assert "Paragraph 5 of the story" in article.text
    assert "First comment" not in article.text


def test_explain_gives_a_verdict_per_line():
    from readouts.clean.text import explain

    verdicts = explain("Skip to main content\nThe ministers met on Monday in Rome to discuss trade.\n")
    assert verdicts == [("Skip to main content", "drop:navigation"),
                        ("The ministers met on Monday in Rome to discuss trade.", "paragraph")]


def test_html_without_text_is_no_text():
    from readouts.errors import InputError

    doc = Document("empty-page", "<html><head><title>x</title></head><body><div></div></body></html>", is_html=True)
    with pytest.raises(InputError) as err:
        clean(doc)
    assert err.value.code == "no-text"
    assert str(err.value).startswith("empty-page: ")


def test_substring_screens_never_hide_a_match():
    """The screens only skip work: with or without them, the same patterns match."""
    from readouts.clean.rules import boilerplate_rules

    lines = NEWS_LINES + DEBRIS_LINES + [
        line for path in sorted(GOLDEN.glob("clean-*.txt")) for line in path.read_text("utf-8").splitlines()]
    lines += ["Foreign Minister Lena Duarte (left) arrives. (Reuters)", "Photo: K. Moro / AFP",
              "Our journalism relies on readers like you; make a donation today.", "| AP Photo"]
    rules = boilerplate_rules()
    for screened in (rules.pitch_strong, rules.pitch_weak, rules.caption):
        for line in lines:
            plain = sum(1 for _, rx in screened.patterns if rx.search(line))
            assert screened.count(line) == plain, line
            assert screened.search(line) == bool(plain), line


def test_a_line_that_continues_in_lower_case_is_joined():
    text = ("Leaders meet in Vesta on trade\n\nThe prime minister spoke with the visiting\n"
            "president on Monday, officials said.\nA second paragraph starts here.\n")
    article = clean(document_from_text(text, doc_id="x"))
    assert [t for k, t in blocks(article)] == [
        "Leaders meet in Vesta on trade",
        "The prime minister spoke with the visiting president on Monday, officials said.",
        "A second paragraph starts here."]


@pytest.mark.parametrize("head, day", [
    ('<meta property="article:published_time" content="2024-01-19T23:30:00-05:00">', "2024-01-19"),
    ("<meta name='pubdate' content='2023-12-23'>", "2023-12-23"),
    ('<meta itemprop="datePublished" content="2022-02-12">', "2022-02-12"),
    ('<script type="application/ld+json">{"dateModified": "2021-01-02", "datePublished": "2020-06-30T08:00Z"}'
     '</script>', "2020-06-30"),
    ('<meta property="article:modified_time" content="2024-01-19">', None),
])
def test_page_date_from_meta(head, day):
    from readouts.clean.html import meta_date

    found = meta_date(f"<html><head>{head}</head><body></body></html>")
    assert (found.isoformat() if found else None) == day


@pytest.mark.parametrize("line", ["Zum Inhalt springen", "Weiterlesen", "Lesen Sie auch: Kanzler trifft Präsidenten",
                                  "Lire aussi : le président reçoit son homologue", "Leer más", "Partager",
                                  "Newsletter abonnieren", "Wir verwenden Cookies, um unsere Website zu verbessern."])
def test_furniture_in_other_languages(line):
    body = "Der Bundeskanzler traf am Dienstag den französischen Präsidenten in Paris."
    article = clean(document_from_text(f"{body}\n\n{line}\n\n{body.replace('Dienstag', 'Freitag')}\n", doc_id="x"))
    assert line not in article.text


from hypothesis import given, settings, strategies as st  # noqa: E402

_LINES = st.sampled_from(NEWS_LINES + DEBRIS_LINES + ["", " ", "Photo: AFP", "March 4, 2025", "ANKARA",
                                                      "Comments", "x", "—", "By Jane Doe"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=80)), max_size=30))
def test_any_text_gives_consistent_blocks(lines):
    text = "\n".join(lines)
    if not text.strip():
        return
    from readouts.errors import InputError

    try:
        article = clean(document_from_text(text, doc_id="x"))
    except InputError as err:  # everything was furniture
        assert err.code == "no-text"
        return
    assert article.text == "\n\n".join(article.text[b.start:b.end] for b in article.blocks)
    assert all(b.kind in ("title", "dateline", "paragraph", "caption") for b in article.blocks)
    assert sum(b.kind == "title" for b in article.blocks) <= 1
    for block in article.blocks:
        assert article.text[block.start:block.end].strip() == article.text[block.start:block.end] != ""


def test_figure_captions_of_a_page_without_article_element():
    html = ("<html><head><title>Leaders meet in Vesta</title></head><body><div class='story'>"
            "<figure><img src='a.jpg'><figcaption>The two prime ministers shake hands in Vesta, "
            "Jan. 9, 2025. (Reuters)</figcaption></figure>"
            "<p>The prime ministers of Norland and Sudmark met in Vesta on Thursday for talks on the grain "
            "corridor, their offices said in a joint statement after the meeting.</p>"
            "<p>They agreed to meet again in the spring, the statement said, and to speak by phone before then.</p>"
            "</div></body></html>")
    article = clean(Document("p", html, is_html=True))
    assert blocks(article)[:2] == [
        ("title", "Leaders meet in Vesta"),
        ("caption", "The two prime ministers shake hands in Vesta, Jan. 9, 2025. (Reuters)")]


def test_teasers_of_other_stories_are_dropped():
    body = "The two foreign ministers met in Geneva on Tuesday, officials said."
    teaser = "Wire News – The only president since independence to hold a degree in history was.... more"
    kept_line = "Talks will resume next month... more or less as planned, the spokesman said."
    article = clean(document_from_text(f"{body}\n\n{teaser}\n\n{kept_line}\n", doc_id="x"))
    assert teaser not in article.text and kept_line in article.text


def test_soft_hyphens_and_zero_width_spaces_are_removed():
    article = clean(document_from_text("The Gov\u00adern\u00adment of Nor\u200bland met the envoy on Monday.",
                                       doc_id="x"))
    assert article.text == "The Government of Norland met the envoy on Monday."


@pytest.mark.parametrize("line", [
    "If you're on the Example News app, click here to watch live",
    "For the latest stories and breaking news updates download the Example apps for iOS and Android.",
])
def test_app_pitches_are_dropped(line):
    body = "The two foreign ministers met in Geneva on Tuesday, officials said."
    article = clean(document_from_text(f"{body}\n\n{line}\n", doc_id="x"))
    assert line not in article.text
