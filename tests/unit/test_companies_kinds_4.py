"""Kinds of company miss fixed in the tenth session of issue 8, on sentences written for these tests.

No sentence is taken from a development set; unknown companies are invented names ("Quorvane", "Belmatic").
"""

from __future__ import annotations

from streams.enrich.companies import tag_companies


def _names(text: str, language: str | None = None) -> set[str]:
    return {t.name for t in tag_companies("", text, language=language)}


def test_an_institution_noun_inside_a_longer_name_is_a_brand_word():
    assert "Belmatic Office Tracker" in _names("The film made $2 million, according to Belmatic Office Tracker.")
    assert "Quorvane State Ratings" in _names("Turnout rose, according to Quorvane State Ratings.")


def test_an_institution_noun_that_heads_or_leads_a_name_is_no_company():
    assert _names("The claim was rejected, according to the Quorvane Patent Office.") == set()
    assert _names("The figures were confirmed, according to Office of Belmatic Affairs.") == set()
    # academic nouns take a place anywhere in the name
    assert _names("The study was led, according to Quorvane College Belmatic.") == set()
