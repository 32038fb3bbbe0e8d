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
    return sorted(p.stem for p in GOLDEN.glob("clean-*.txt")) + sorted(p.stem for p in GOLDEN.glob("clean-*.html"))


@pytest.mark.parametrize("name", golden_cases())
def test_golden_page(name):
    source = next(GOLDEN.glob(name + ".*"))
    article = clean(read_document(source, doc_id=name))
    expected = json.loads((GOLDEN / f"{name}.expected.json").read_text("utf-8"))
    assert [list(b) for b in blocks(article)] == expected["blocks"]
    assert article.title == expected["title"]


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
