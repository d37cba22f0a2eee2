"""Kinds of company miss fixed in the eighth session of issue 8, on sentences written for these tests.

No sentence is taken from a development set; unknown companies are invented names ("Quorvane", "Belmatic").
"""

from __future__ import annotations

from streams.enrich.companies import tag_companies
from streams.enrich.companies.catalog import load_catalog


def _names(text: str, language: str | None = None) -> set[str]:
    return {t.name for t in tag_companies("", text, language=language)}


def test_one_company_in_a_list_closed_by_a_conjunction_makes_the_others_companies():
    assert {"Toyota", "Quorvane", "Belmatic Systems"} <= _names(
        "On Monday Toyota, Quorvane and Belmatic Systems signed the supply deal.")
    assert {"Quorvane", "Belmatic"} <= _names("Umowę podpisały Orlen, Quorvane i Belmatic.", "pl")
    assert {"Quorvane", "Belmatic"} <= _names("Die Allianz aus Siemens, Quorvane und Belmatic baut das Netz.", "de")


def test_a_company_and_its_address_is_not_a_list():
    assert _names("Toyota, Hawthorne, California, opened a plant there last year.") == {"Toyota"}


def test_places_acronyms_and_people_are_not_taken_from_a_list_with_one_company():
    assert _names("Toyota, Europe and Japan will be the key markets, the report said.") == {"Toyota"}
    assert "QVMA" not in _names("On Monday Toyota, QVMA and Belmatic signed the supply deal.")
    assert "Jane Roe" not in _names("On Monday Toyota, Jane Roe and Quorvane signed the deal. Roe said it was a "
                                    "good day.")
    assert "Pellanor" not in _names("The board hired Mia Pellanor last year. Toyota, Pellanor and Quorvane signed "
                                    "the deal.")


def test_two_companies_in_a_list_outweigh_a_town_of_the_same_name():
    assert "Draper" in _names("The team includes Draper, Toyota, and Honda, the agency said.")


def test_the_catalog_knows_places_in_several_scripts():
    places = load_catalog().places
    assert {"Oxford", "Japan", "Deutschland", "Москва", "大阪"} <= places
    # a catalog company named like a town stays a company: only names found by context are checked
    assert "Toyota" in places
    assert "Toyota" in _names("Toyota cut its forecast on Friday.")


def test_alternatives_and_a_company_s_product_do_not_make_a_list_of_companies():
    # "or" offers alternatives (technologies here); "Apple's AirPlay 2" is a product of the one company
    assert _names("You can use Wi-Fi, Bluetooth, or Apple's AirPlay 2 to stream music.") == {"Apple"}
    assert _names("You can use Wi-Fi, Bluetooth and Apple's AirPlay 2 to stream music.") == {"Apple"}
