"""Kinds of company miss fixed in the tenth session of issue 8, on sentences written for these tests.

No sentence is taken from a development set; unknown companies are invented names ("Quorvane", "Belmatic").
"""

from __future__ import annotations

from streams.enrich.companies import tag_companies
from streams.enrich.companies.catalog import load_catalog


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


def test_the_subject_of_a_definition_by_a_firm_noun_is_a_company():
    assert "Quorvane" in _names("Quorvane is a Stockholm-based software company that sells to banks.")
    assert "Belmatic" in _names("Belmatic is a small manufacturer of ski boots.")
    assert "Quorvane" in _names("He said Quorvane was a company in crisis.")
    assert "Quorvane Systems" in _names("Quorvane Systems ist ein globaler Plattform-Anbieter mit Sitz in Köln.", "de")
    assert "eZ Quorvane" in _names("eZ Quorvane ist ein Anbieter von Software.", "de")  # a coined name
    assert "Quorvane" in _names("Quorvane est une société de conseil basée à Lyon.", "fr")
    assert "Quorvane" in _names("Quorvane es una empresa de logística con sede en Bilbao.", "es")
    assert "Quorvane" in _names("Quorvane è una società di consulenza con sede a Torino.", "it")
    assert "Quorvane" in _names("A Quorvane é uma empresa de Braga.", "pt")
    assert "Quorvane" in _names("Quorvane is een bedrijf uit Utrecht.", "nl")


def test_a_definition_makes_no_company_of_people_clubs_or_a_noun_used_as_a_modifier():
    assert _names("Jane Roe is a firm believer in open markets.") == set()
    assert _names("Jane Roe is a company director at a bank.") == set()
    assert _names("Mia Pellanor is a manufacturer of note. Pellanor said so.") == set()
    assert _names("Belmatic Quorvane is a filmmaker from Oslo.") == set()
    assert _names("Quorvane is a militant group.") == set()
    assert _names("The Fed was a lender of last resort.") == set()
    assert _names("Quorvane è una società di calcio fondata nel 1897.", "it") == set()


def test_one_of_a_plural_of_firms_defines_a_company_too():
    assert "Quorvane" in _names("Quorvane is one of Europe's largest carmakers.")
    assert "Quorvane" in _names("Quorvane is one of the fastest-growing companies in Asia.")
    assert "Quorvane" in _names("Quorvane ist eines der größten Unternehmen im Land.", "de")
    assert "Quorvane" in _names("Quorvane è una delle maggiori aziende italiane.", "it")  # adjective after
    assert "Quorvane" in _names("Quorvane es una de las mayores empresas de España.", "es")
    assert _names("Quorvane is one of the company founders.") == set()


def test_the_declined_forms_of_one_unknown_cyrillic_name_are_one_company():
    tags = tag_companies("", "Компания Квирант открыла завод. Производитель Квиранта отчитался о выручке. "
                             "Ритейлер «Квирантом» доволен.", language="ru")
    assert [(t.id, t.name, [m.surface for m in t.mentions]) for t in tags] == [
        ("unknown:kvirant", "Квирант", ["Квирант", "Квиранта", "Квирантом"])]
    tags = tag_companies("", "ООО «Белматика» подписало договор. Компанія «Белматики» звітувала.", language="uk")
    assert [(t.name, len(t.mentions)) for t in tags] == [("Белматика", 2)]


def test_a_russian_or_ukrainian_definition_names_a_company():
    assert _names("«Квирант» — крупнейший российский производитель удобрений.", "ru") == {"Квирант"}
    assert _names("Квирант является крупнейшей компанией региона.", "ru") == {"Квирант"}
    assert _names("«Белматик» — одна из крупнейших сетей.", "ru") == {"Белматик"}
    assert _names("Квірант — один з найбільших забудовників.", "uk") == {"Квірант"}
    assert _names("Zorvik Robotics — российский разработчик роботов.", "ru") == {"Zorvik Robotics"}


def test_a_russian_definition_of_a_person_place_or_party_is_no_company():
    assert _names("Иван Петров — основатель крупной компании.", "ru") == set()
    assert _names("Китай — крупнейший производитель стали.", "ru") == set()
    assert _names("Квирантск — крупнейший производитель нефти.", "ru") == set()  # unquoted: a region, too
    assert _names("«Единая Квирантия» — крупнейшая партия.", "ru") == set()
    assert _names("Сегодня Квирант — ведущий разработчик игр.", "ru") == set()  # where does the name start?


def test_shares_that_moved_name_a_company_in_cyrillic_text():
    assert _names("Акции Квиранта выросли на 5%.", "ru") == {"Квиранта"}
    assert _names("Акції «Квіранту» впали на 3%.", "uk") == {"Квіранту"}
    assert _names("Акции Квирантова прошли в 100 городах.", "ru") == set()  # campaigns, not shares
    assert _names("Акции протеста прошли в Квирантске.", "ru") == set()


def test_a_cyrillic_place_in_any_case_form_is_no_company():
    assert _names("Это крупнейший девелопер Москвы.", "ru") == set()
    assert _names("Один з найбільших забудовників Києва.", "uk") == set()  # Київ: і/ї opens to е/є
    assert _names("Это крупнейший девелопер Квирант.", "ru") == {"Квирант"}
    places = load_catalog().places
    assert "Москвы" in places and "Киеву" in places and "Києва" in places
    assert not any(name in places for name in ("Газпрома", "Яндекса", "Ленты", "Магнита", "Аэрофлота"))


def _surfaces(text: str, language: str) -> dict[str, list[str]]:
    return {t.name: [m.surface for m in t.mentions] for t in tag_companies("", text, language=language)}


def test_a_catalog_name_with_a_case_ending_is_found_whole():
    assert _surfaces("Wärtsilän osake nousi 3 prosenttia.", "fi") == {"Wärtsilä": ["Wärtsilän"]}
    assert _surfaces("Nokialle tuli uusi toimitusjohtaja.", "fi") == {"Nokia": ["Nokialle"]}
    assert _surfaces("IBM:n tulos parani.", "fi") == {"IBM": ["IBM:n"]}
    assert _surfaces("A Gedeon Richternél nőtt a forgalom.", "hu") == {"Gedeon Richter": ["Gedeon Richternél"]}
    assert _surfaces("Umowę podpisał z Samsungiem i Orlenem.", "pl") == {
        "Samsung": ["Samsungiem"], "Orlen": ["Orlenem"]}
    assert _surfaces("Potwierdziła to przedstawicielka TVN-u.", "pl") == {"TVN": ["TVN-u"]}  # after a hyphen


def test_a_short_ending_counts_only_with_a_hyphen_or_the_uninflected_name_in_the_article():
    # a Polish genitive with a changed stem ("Toyoty") is found when the article also writes "Toyota"
    assert _surfaces("Toyota sprzedała więcej. Silnik Toyoty jest znany.", "pl") == {"Toyota": ["Toyota", "Toyoty"]}
    assert _surfaces("Silnik Toyoty jest znany.", "pl") == {}
    # words that look like a name plus a short ending: a planet, a given name
    assert _surfaces("Venus och Jupiter syntes i natt.", "sv") == {}
    assert _surfaces("Lennart Meri sa det.", "et") == {}


def test_legal_forms_of_more_countries_mark_unknown_companies():
    assert _surfaces("A Quorvane Zrt. bejelentette, hogy új gyárat nyit.", "hu") == {"Quorvane": ["Quorvane Zrt."]}
    assert _surfaces("PT Quorvane Indonesia (Persero) Tbk mencatat laba.", "id") == {
        "Quorvane Indonesia": ["PT Quorvane Indonesia (Persero) Tbk"]}
    assert _surfaces("Fjordlys AS har inngått avtale.", "no") == {"Fjordlys": ["Fjordlys AS"]}
    assert _surfaces("Quorvane d.d. objavila je rezultate.", "hr") == {"Quorvane": ["Quorvane d.d."]}
    assert _surfaces("Квирант АД отчете печалба.", "bg") == {"Квирант": ["Квирант АД"]}
    assert _surfaces("„Белматик Текстил“ ЕООД отчете печалба.", "bg") == {"Белматик Текстил": ["Белматик Текстил"]}
    assert _surfaces("Банат Квирант д.о.о. је објавила резултате.", "sr") == {"Банат Квирант": ["Банат Квирант д.о.о."]}
    assert _surfaces("Quorvane JSC said profit rose.", "en") == {"Quorvane": ["Quorvane JSC"]}
    # the English "as" is no Norwegian "AS"
    assert _surfaces("Such a day, as Quorvane said.", "en") == {}


def test_vietnamese_descriptors_legal_forms_and_proper_nouns_of_lower_case_syllables():
    assert _names("Công ty TNHH Quorvane công bố lợi nhuận.", "vi") == {"Quorvane"}
    assert _names("Công ty Belmatic công bố lợi nhuận.", "vi") == {"Belmatic"}
    assert _names("Tập đoàn Quorvane rót thêm vốn cho hãng xe điện Belmatic để mở rộng.", "vi") == {
        "Quorvane", "Belmatic"}
    # "Nhà nước" (the state), "Ngoại thương" (foreign trade): one capitalised syllable of a longer noun
    assert _names("Ngân hàng Nhà nước cho biết đang theo dõi.", "vi") == set()
    assert _names("Ngân hàng TMCP Ngoại thương cho vay.", "vi") == set()


def test_a_role_before_a_serbian_descriptor_makes_the_name_after_it_a_person():
    assert _names("Производња ће почети, рекао је генерални директор компаније Милан Јовановић.", "sr") == set()
    assert _names("Уговор је потписала компанија Квирант.", "sr") == {"Квирант"}


def test_cjk_bylines_places_and_kinds_of_things_are_no_companies():
    # a reporter in a Chinese dateline's brackets; the agency in them stays a company
    assert "记者王磊" not in _names("新华社杭州7月15日电（记者王磊）公司今年上半年累计销售汽车。", "zh")
    assert "路透" in {m.surface for t in tag_companies("", "北京7月15日电（路透）公司发布公告。", language="zh")
                      for m in t.mentions}
    # a US state after the country's one-character name; an electric car; a foreign company stays
    assert _names("米カンザス州の新工場で電気自動車向け電池の量産を始めた。", "ja") == set()
    assert "ベルマティック" in _names("米ベルマティックは新製品を発表した。", "ja")


def test_a_camel_case_brand_is_strong_and_its_other_spelling_keeps_its_own_strength():
    from streams.enrich.companies.keys import NAMELIKE, WEAK, group_keys
    from tests.unit.test_companies_kinds_2 import _build_module

    b = _build_module()
    assert b.classify("QuorBank", "nsi", set(), set()) == "strong"  # a capital inside, after a small letter
    assert b.classify("Quorbank", "nsi", set(), set()) == "namelike"
    assert b.classify("McQuorvane", "nsi", set(), set()) == "namelike"  # a surname's shape
    # one company, two spellings of one key with different strength: both kept, the stricter spelling first
    keys = group_keys([("q", ["QuorBank", "Quorbank"], {"Quorbank"}, False)], {(0, "Quorbank")})
    assert keys[" quorbank "] == [[0, "QuorBank", 0], [0, "Quorbank", WEAK | NAMELIKE]]
    # an acronym beside a word is one entry, with the fewest capitals: "ROMA" in a dateline is the city
    keys = group_keys([("r", ["QUORMA", "Quorma"], {"Quorma"}, False)], {(0, "Quorma")})
    assert keys[" quorma "] == [[0, "Quorma", WEAK | NAMELIKE]]
    # no evidence in the sentence: the shape alone is enough (the brands link to their owners)
    assert _names("KeyBank and DoubleTree were named.") == {"KeyCorp", "Hilton Worldwide"}


def test_datelines_without_a_dash_or_with_a_date_name_their_agency():
    assert _names("STOCKHOLM (TT) Konkursförvaltaren för bolaget har skrivit under ett avtal.", "sv") == {"TT"}
    assert "Квирантпрес" in _names("ВРШАЦ, 12. јун (Квирантпрес) – Фармацеутска компанија је објавила план.", "sr")
    assert _names("The plan (Quorvane) was approved.") == set()


def test_german_nouns_after_a_reporting_verb_are_no_outlets():
    assert "Gewinn" not in _names("Der Quorvane-Konzern meldete Gewinn.", "de")
    assert _names("Die Zahlen sind hoch, laut Statistik.", "de") == set()
    assert "Quorvane Kurier" in _names("Das berichtete der Quorvane Kurier.", "de")


def test_nationality_adjectives_of_more_languages_introduce_a_company_in_a_business_sentence():
    assert "Quorvane" in _names("Fabriken säljs till amerikanska Quorvane för 2 miljarder kronor.", "sv")
    assert "Quorvane" in _names("Турбіни для проєкту постачатиме данська Quorvane, перші прибудуть восени.", "uk")
    assert _names("Guldet vann norske Quorvanesen i går.", "no") == set()  # a player, no business word


def test_serbian_descriptors_firm_group_and_a_whole_quoted_name():
    assert "Квирант" in _names("Хемофарм, која је у саставу немачке групе Квирант, уложиће 30 милиона евра.", "sr")
    assert "Квирант Високоградња" in _names("Изградњу ће водити београдска фирма „Квирант Високоградња“.", "sr")
    assert "Квирант сејлбоутс" in _names("Израђује их компанија „Квирант сејлбоутс“.", "sr")
    assert _names("Артист разом з групою «Квирант» виступив у Києві.", "uk") == set()  # a band


def test_sources_cited_in_chinese_korean_and_vietnamese_and_rivals_listed_before_a_group_noun():
    assert _names("据证券快报报道，深圳市某公司近日完成融资。", "zh") == {"证券快报"}
    assert _names("据王磊报道，会议召开。", "zh") == set()  # a reporter: no outlet's ending
    assert "한빛경제" in _names("한빛경제 보도에 따르면 공장이 곧 가동된다.", "ko")
    assert "Quorvanews" in _names("Vingroup rót thêm vốn, theo Quorvanews.", "vi")
    assert {"顺丰", "京东"} <= {m.surface for t in tag_companies("", "美团此举也与顺丰、京东等竞争对手形成呼应。",
                                                                  language="zh") for m in t.mentions}


def test_shares_of_a_name_that_moved_in_more_languages():
    assert _names("Acțiunile Quorvane au urcat joi cu 3,2%, după rezultate.", "ro") == {"Quorvane"}
    assert _names("Akcje Quorvane spadły o 2% we wtorek.", "pl") == {"Quorvane"}
    assert _names("Saham Quorvane naik 4% pada Senin.", "id") == {"Quorvane"}
    assert _names("Acțiunile Guvernului au fost criticate.", "ro") == set()  # the government's actions


def test_an_indonesian_pt_before_a_name_is_a_legal_form_but_not_pacific_time():
    assert _surfaces("PT Quorvane Kopi Nusantara membuka pabrik baru di Semarang.", "id") == {
        "Quorvane Kopi Nusantara": ["PT Quorvane Kopi Nusantara"]}
    assert _surfaces("The call is at 9 a.m. PT Monday, Quorvane Kopi said.", "en") == {}


def test_a_cyrillic_name_found_by_context_joins_the_catalog_company_it_transliterates():
    tags = tag_companies("", "Уговор је потписала компанија Стелантис.", language="sr")
    assert [(t.id, t.known, [m.surface for m in t.mentions]) for t in tags] == [("stellantis", True, ["Стелантис"])]
    tags = tag_companies("", "Ритейлер «Квирант» открыл магазины.", language="ru")
    assert [(t.id, t.known) for t in tags] == [("unknown:kvirant", False)]  # no catalog company reads so
