"""A company as the subject of what companies do (candidates._name_as_subject).

Sentences written for these tests; the company names are invented.
"""

from __future__ import annotations

import pytest

from streams.enrich.companies import tag_companies


def _names(text: str) -> set[str]:
    return {t.name for t in tag_companies("", text, language="en")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kofrana reported a 12% rise in revenue, and Kofrana plans to expand in Poland.", "Kofrana"),
        ("Analysts expect Vantelo posted a net loss of $40 million in the quarter.", "Vantelo"),
        ("Orders went to Quintrel, which makes industrial sensors, last year.", "Quintrel"),
        ("Shares rose after Brimstoke said its plant in Ohio would reopen.", "Brimstoke"),
    ],
)
def test_a_companys_predicate_makes_its_subject_a_company(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said its budget was too small.",  # a sentence's first word, nowhere else capitalised
        "The EU said its rules would change.",  # an acronym: public bodies are written so
        "Maria Kowalski posted a video of the flood.",  # no financial noun after "posted"
        "A report by Anna Berg was clear, and Berg said its findings were final.",  # a person here
        "Pressure, which makes prices rise, grew.",  # a sentence's first word, nowhere else capitalised
    ],
)
def test_people_bodies_and_common_words_are_not(text):
    assert _names(text) == set()


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Kofrana zvýšila tržby o 8 procent, uvedla Kofrana ve zprávě.", "cs", "Kofrana"),
        ("Brimstoke registró un beneficio récord, y Brimstoke abrirá más tiendas.", "es", "Brimstoke"),
        ("Northvane redovisade en förlust på 1 miljard kronor, och Northvane söker kapital.", "sv", "Northvane"),
        ("Kemvola kasvatti liikevaihtoaan, kertoi Kemvola.", "fi", "Kemvola"),
    ],
)
def test_a_result_reported_in_other_languages_makes_its_subject_a_company(text, language, name):
    assert name in {t.name for t in tag_companies("", text, language=language)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Marie a publié un livre utile, et Marie est contente.", "fr"),  # no result's noun after the verb
        ("Juan ganó el partido, y Juan celebró.", "es"),
    ],
)
def test_a_person_who_publishes_or_wins_is_not(text, language):
    assert {t.name for t in tag_companies("", text, language=language)} == set()
