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


def test_russian_surnames_in_a_list_with_one_company_are_people():
    # invented surnames in the instrumental case, beside a known company and an invented one
    assert _names("Он встретился с Газпромом, Квирановым и Белтасиным.", "ru") == {"Gazprom"}
    assert "Квирант" in _names("Соглашение подписали Газпром, Квирант и Белматик.", "ru")
    assert "Квирантский" in _names("Соглашение подписали Газпром, Квирантский и Белматик.", "ru")


def test_a_list_item_that_qualifies_a_plural_noun_names_a_kind_of_firm():
    assert _names("He worked for Amazon, Netflix and Quorvane studios before.") == {"Amazon", "Netflix"}
    assert "Quorvane" in _names("On Monday Toyota, Honda and Quorvane said they would cut prices.")
    assert "Quorvane" in _names("Shares of Toyota, Honda and Quorvane fell; Toyota, Honda and Quorvane shares "
                                "fell again on Tuesday.")
    assert "Quorvane" in _names("The merger of Renault, Nissan and Quorvane creates a giant.")


def test_two_companies_in_a_list_outweigh_a_town_of_the_same_name():
    assert "Draper" in _names("The team includes Draper, Toyota, and Honda, the agency said.")


def test_the_catalog_knows_places_in_several_scripts():
    places = load_catalog().places
    assert all(name in places for name in ("Oxford", "Japan", "Deutschland", "Москва", "大阪"))
    # a catalog company named like a town stays a company: only names found by context are checked
    assert "Toyota" in places
    assert "Toyota" in _names("Toyota cut its forecast on Friday.")


def test_alternatives_and_a_company_s_product_do_not_make_a_list_of_companies():
    # "or" offers alternatives (technologies here); "Apple's AirPlay 2" is a product of the one company
    assert _names("You can use Wi-Fi, Bluetooth, or Apple's AirPlay 2 to stream music.") == {"Apple"}
    assert _names("You can use Wi-Fi, Bluetooth and Apple's AirPlay 2 to stream music.") == {"Apple"}


def test_a_ukrainian_company_in_another_case_inside_quotes():
    # «Укрзалізниця» (Ukrainian Railways, from the name-suggestion index's operators) in the genitive
    tags = tag_companies("", "Вантажі перевозитимуть вагонами «Укрзалізниці» до Перемишля.", language="uk")
    assert [(t.name, [m.surface for m in t.mentions]) for t in tags] == [("Ukrainian Railways", ["Укрзалізниці"])]


def test_operators_that_are_businesses_join_the_catalog_without_their_one_common_looking_word(tmp_path, monkeypatch):
    import io
    import json
    import tarfile

    from tests.unit.test_companies_kinds_2 import _build_module

    b = _build_module()
    nsi = {"nsi": {
        "operators/power/substation": {"items": [
            {"tags": {"operator": "Quorvane Energia", "operator:wikidata": "Q1"}},
            {"tags": {"operator": "Energia", "operator:wikidata": "Q2"}},  # one Latin word: left out
            {"tags": {"operator": "Energia Nord", "operator:wikidata": "Q2"}},  # its longer name stays
            {"tags": {"operator": "Белматик", "operator:wikidata": "Q3"}},  # another script: kept
            {"tags": {"operator": "Tarnwick Council", "operator:wikidata": "Q4"}},  # a public body
        ]},
        "operators/amenity/school": {"items": [{"tags": {"operator": "Pellanor Academy", "operator:wikidata": "Q5"}}]},
    }}
    wikidata = {"wikidata": {
        "Q1": {"label": "Quorvane Energia", "description": "Italian energy company"},
        "Q2": {"label": "Energia", "description": "energy company"},
        "Q3": {"label": "Belmatik", "description": "Ukrainian railway company"},
        "Q4": {"label": "Tarnwick Council", "description": "utility company of the county council"},
        "Q5": {"label": "Pellanor Academy", "description": "school district"},
    }}
    with tarfile.open(tmp_path / f"name-suggestion-index-{b.NPM_PINS['name-suggestion-index']}.tgz", "w:gz") as tar:
        for name, doc in (("package/dist/json/nsi.json", nsi), ("package/dist/wikidata/wikidata.json", wikidata)):
            data = json.dumps(doc).encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    monkeypatch.setattr(b, "CACHE", tmp_path)
    raws, _ = b.read_nsi()
    assert {r.wikidata: r.aliases for r in raws} == {"Q1": ["Quorvane Energia"], "Q2": ["Energia Nord"],
                                                      "Q3": ["Белматик"]}
