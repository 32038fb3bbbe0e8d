"""Sentence splitting and the cheap prefilter."""
from __future__ import annotations

from readouts.find import MAX_SENTENCE, candidates, is_candidate, split_sentences
from readouts.records import Article, Block


def _sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = ("U.S. President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke on Friday for the "
            "first time since Dec. 23. The call lasted about 40 minutes. Mr. Joseph R. Biden Jr. said so. "
            'He said "OK." Then 5 more.')
    assert _sentences(text) == [
        "U.S. President Joe Biden and Israeli Prime Minister Benjamin Netanyahu spoke on Friday for the first "
        "time since Dec. 23.",
        "The call lasted about 40 minutes.",
        "Mr. Joseph R. Biden Jr. said so.",
        'He said "OK."',
        "Then 5 more.",
    ]


def test_lines_are_sentences_and_spans_index_the_text():
    text = "A headline without a stop\nA first line. A second one.\n\n  A third after a gap.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["A headline without a stop", "A first line.", "A second one.",
                                            "A third after a gap."]


def test_a_text_with_no_breaks_is_cut_into_bounded_pieces():
    text = "word " * 100_000
    pieces = split_sentences(text)
    assert len(pieces) > 300
    assert max(e - s for s, e in pieces) <= MAX_SENTENCE
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "")


def test_the_prefilter_keeps_contact_words_only():
    assert is_candidate("The two leaders spoke by phone.")
    assert is_candidate("Modi hosted Albanese in New Delhi.")
    assert not is_candidate("The central bank raised interest rates by a quarter point.")


def test_candidates_of_an_article():
    text = "Markets fell on Monday.\n\nThe presidents met in Geneva."
    article = Article("d", text, (Block(0, 23, "paragraph"), Block(25, len(text), "paragraph")))
    assert [c.text for c in candidates(article)] == ["The presidents met in Geneva."]
