"""Kinds of boilerplate miss read on the tune half of the second multilingual set (bench/data/boilerplate/
fresh.jsonl), each fixed as a kind; the pages here are written for these tests, not taken from the set."""

from __future__ import annotations

from streams.enrich.boilerplate import classify_lines

ARTICLE = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Markthalle bis 2028 zu einem Kulturzentrum umzubauen.",
    "Die Kosten werden auf rund 14 Millionen Euro geschätzt, davon trägt das Land etwa die Hälfte.",
    "Gegen den Plan hatten zuvor mehrere Händler protestiert, die um ihre Stände fürchten.",
]


def _removed(lines: list[str]) -> list[str]:
    return [line for line, keep in zip(lines, classify_lines(lines), strict=True) if not keep]


def test_bylines_in_more_languages_and_two_credits_on_one_line():
    for byline in ("Af Mads Quorvane", "Penulis: Dimas Quorvane | Editor: Rina Belmatic", "Аутор: Јелена Квирант",
                   "Írta: Belmatic Anna", "記者林佳蓉／高雄報導"):
        lines = ["Home", "News", "Sport", "Die Markthalle wird zum Kulturzentrum umgebaut", byline, *ARTICLE]
        assert _removed(lines) == ["Home", "News", "Sport", byline], byline


def test_the_headline_above_a_double_credit_line_stays():
    lines = ["Home", "News", "Sport", "Home > Daerah > Jawa Tengah",
             "Semarang Uji Coba Bus Listrik di Koridor Trans Semarang Mulai April",
             "Rabu, 4 Maret 2026 14:32 WIB", "Penulis: Dimas Quorvane | Editor: Rina Belmatic", *ARTICLE]
    assert "Semarang Uji Coba Bus Listrik di Koridor Trans Semarang Mulai April" not in _removed(lines)


def test_a_reading_time_goes_wherever_it_is():
    for reading in ("Læsetid: 3 min.", "Lesezeit 4 Minuten", "2 min read"):
        lines = ["Die Markthalle wird zum Kulturzentrum umgebaut", ARTICLE[0], reading, *ARTICLE[1:]]
        assert _removed(lines) == [reading], reading


def test_inline_read_also_after_a_question_mark_and_in_serbian():
    for link in ("Olvasta már? Megújul a pécsi vásártér: parkoló és piaccsarnok épül",
                 "Прочитајте још: Шта ће бити са старом железничком станицом?"):
        lines = ["Die Markthalle wird zum Kulturzentrum umgebaut", ARTICLE[0], ARTICLE[1], link, ARTICLE[2]]
        assert _removed(lines) == [link], link


def test_captions_ending_with_a_credit_with_initials_or_in_full_width_brackets():
    for caption in ("Поглед на Мали град са обале Дунава. Фото: Подунавски гласник / Н. Илић",
                    "輕軌列車行經美術館園區。（圖／高雄市捷運工程局提供）"):
        lines = ["Die Markthalle wird zum Kulturzentrum umgebaut", ARTICLE[0], caption, *ARTICLE[1:]]
        assert _removed(lines) == [caption], caption


def test_an_ad_slots_scroll_prompt_goes():
    lines = ["Die Markthalle wird zum Kulturzentrum umgebaut", ARTICLE[0], "ADVERTISEMENT",
             "SCROLL TO CONTINUE WITH CONTENT", *ARTICLE[1:]]
    assert _removed(lines) == ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"]
