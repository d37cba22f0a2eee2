"""Stock exchanges named in the article's own language and case (streams/enrich/companies/exchanges.py).

Sentences written for these tests; the places are real, the sentences are not from any development set.
"""

from __future__ import annotations

import pytest

from streams.enrich.companies import tag_companies


def _names(text: str, language: str | None = None) -> set[str]:
    return {t.name for t in tag_companies("", text, language=language)}


@pytest.mark.parametrize(
    ("text", "language", "exchange"),
    [
        ("Акции выросли на Московской бирже во вторник.", "ru", "Московской бирже"),
        ("Акції зросли на Українській біржі.", "uk", "Українській біржі"),
        ("Компанията е листвана на Българската фондова борса.", "bg", "Българската фондова борса"),
        ("Osake nousi Helsingin pörssissä.", "fi", "Helsingin pörssissä"),
        ("Akcie se obchodují na Burze cenných papírů Praha.", "cs", "Burze cenných papírů Praha"),
        ("A részvény a Budapesti Értéktőzsdén emelkedett.", "hu", "Budapesti Értéktőzsdén"),
        ("Acțiunile Bursei de Valori București au crescut.", "ro", "Bursei de Valori București"),
        ("Saham naik di Bursa Efek Indonesia pada Senin.", "id", "Bursa Efek Indonesia"),
        ("Cổ phiếu tăng trên Sở Giao dịch Chứng khoán TP.HCM hôm nay.", "vi", "Sở Giao dịch Chứng khoán TP.HCM"),
        ("Aktien steg an Stockholmsbörsen.", "sv", "Stockholmsbörsen"),
        ("Το Χρηματιστήριο Αθηνών έκλεισε με άνοδο.", "el", "Χρηματιστήριο Αθηνών"),
        ("Il titolo è quotato alla Borsa di Milano.", "it", "Borsa di Milano"),
        ("Notowania na Giełdzie Papierów Wartościowych w Warszawie spadły.", "pl",
         "Giełdzie Papierów Wartościowych w Warszawie"),
        ("Ina izvijestila je putem Zagrebačke burze da.", "hr", "Zagrebačke burze"),
    ],
)
def test_an_exchange_is_named_by_a_place_beside_the_languages_word_for_one(text, language, exchange):
    tags = tag_companies("", text, language=language)
    assert exchange in {t.name for t in tags}
    assert all(text[m.start : m.end] == m.surface for t in tags for m in t.mentions)


def test_a_catalogued_exchange_keeps_its_id_and_a_name_after_the_common_noun_is_the_exchange():
    assert _names("Shares rose on the Korea Exchange.") == {"Korea Exchange"}
    assert _names("Hisseler Borsa İstanbul'da yükseldi.", "tr") == {"Borsa İstanbul"}  # suffix after apostrophe
    assert _names("Акції розміщено на біржі Nasdaq у Нью-Йорку.", "uk") == {"Nasdaq"}
    assert _names("Акции торгуются На Мосбирже.", "ru") == {"Moscow Exchange"}
    # a genitive takes no name after it: the newspaper Børsen's panel, not a "Børsens Quorvanepanel"
    assert _names("Børsens Quorvanepanel smagte 33 vine.", "da") == {"Børsen"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Börse schloss im Plus.", "de"),  # the market, with no place
        ("La Borsa ha chiuso in calo.", "it"),
        ("Foreign Exchange Reserves Rise.", "en"),  # English needs a place before "Exchange"
        ("Costs were reimbursed in exchange for shares.", "en"),
        ("Bursa Büyükşehir Belediyesi açıkladı.", "tr"),  # the Turkish city's council
        ("Compré una bolsa de Quorvane.", "es"),  # a bag
        ("В борсовия фолклор има истории.", "bg"),  # an adjective of the exchange word
        ("1929 Krach na burze v USA, začátek krize.", "cs"),  # "a crash on the exchange in the USA"
        ("BORSA DE TREBALL: ofertes de feina", "ca"),  # a job board's heading
    ],
)
def test_generic_uses_of_an_exchange_word_name_no_company(text, language):
    assert _names(text, language) == set()
