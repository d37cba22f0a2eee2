"""Language identification: scripts, short texts, the source prior, bounded work, determinism.

The sentences are written for these tests (no third-party text).
"""

from __future__ import annotations

import pytest

from streams.enrich import language, language_model
from streams.enrich.language import detect_language, forget_cached_words
from streams.enrich.script import script_counts

RUSSIAN = "Правительство объявило о новых мерах поддержки малого бизнеса в следующем году."
UKRAINIAN = "Уряд оголосив про нові заходи підтримки малого бізнесу в наступному році."
BULGARIAN = "Правителството обяви нови мерки за подкрепа на малкия бизнес през следващата година."
CHINESE = "中国经济在第三季度保持稳定增长。"
JAPANESE = "東京株式市場で日経平均株価が大幅に上昇した。"
KOREAN = "삼성전자가 새로운 스마트폰을 발표했다."
GERMAN = "Die Regierung hat am Mittwoch neue Maßnahmen für kleine Unternehmen beschlossen."
ENGLISH_PARAGRAPH = (
    "The central bank left interest rates unchanged on Thursday, saying that inflation was easing "
    "more slowly than it had expected and that the labour market remained tight. "
)

TEXTS = [RUSSIAN, UKRAINIAN, BULGARIAN, CHINESE, JAPANESE, KOREAN, GERMAN, ENGLISH_PARAGRAPH, "the weather"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(RUSSIAN, "ru"), (UKRAINIAN, "uk"), (BULGARIAN, "bg"), (GERMAN, "de"), (ENGLISH_PARAGRAPH, "en")],
)
def test_sentences_in_the_same_script_are_told_apart(text: str, expected: str) -> None:
    guess = detect_language("", text)
    assert guess.code == expected
    assert guess.confidence > 0.9


def test_chinese_is_zh_whichever_langdetect_variant_wins() -> None:
    assert detect_language(CHINESE, "").code == "zh"


def test_kana_decides_japanese_and_hangul_korean() -> None:
    assert detect_language("", JAPANESE).code == "ja"
    assert detect_language(KOREAN, "").code == "ko"
    assert detect_language("", JAPANESE).candidates == (("ja", 1.0),)


def test_greek_script_alone_decides_even_in_capitals() -> None:
    assert detect_language("ΑΓΟΡΑ ΣΗΜΕΡΑ", "").code == "el"


def test_short_english_pair() -> None:
    assert detect_language("the weather", "").code == "en"


NO_EVIDENCE = ["", "   \n\t", "2024-11-26 12:00", "!!! ... ??? -- ()", "😀🎉👍", "€ 12,50 · 3 %", "a"]


@pytest.mark.parametrize("text", NO_EVIDENCE)
def test_no_letters_or_too_few_is_undetermined(text: str) -> None:
    guess = detect_language("", text)
    assert guess.code == "und"
    assert guess.confidence == 0.0
    assert guess.candidates == ()


def test_unsupported_script_is_undetermined_rather_than_a_wrong_guess() -> None:
    assert detect_language("", "საქართველოს მთავრობამ ახალი ზომები მიიღო").code == "und"


def test_title_and_body_are_read_together() -> None:
    assert detect_language("Regierung", "beschließt neue Maßnahmen für Unternehmen").code == "de"


def test_prior_tips_a_short_ambiguous_text_towards_the_source_language() -> None:
    plain = detect_language("water parks", "")
    assert plain.code != "en"
    assert detect_language("water parks", "", prior={"en": 50}).code == "en"


def test_prior_does_not_override_a_clear_sentence_in_another_language() -> None:
    guess = detect_language("", GERMAN, prior={"en": 10_000})
    assert guess.code == "de"


def test_empty_or_irrelevant_prior_changes_nothing() -> None:
    plain = detect_language("", GERMAN)
    assert detect_language("", GERMAN, prior={}) == plain
    assert detect_language("", GERMAN, prior={"ko": 0}) == plain


def test_results_do_not_depend_on_call_order_or_cache_state() -> None:
    forget_cached_words()
    forward = [detect_language("", text) for text in TEXTS]
    forget_cached_words()
    backward = [detect_language("", text) for text in reversed(TEXTS)]
    assert forward == list(reversed(backward))
    assert forward == [detect_language("", text) for text in TEXTS]


def test_long_text_is_bounded_and_agrees_with_its_beginning() -> None:
    megabyte = ENGLISH_PARAGRAPH * (1_000_000 // len(ENGLISH_PARAGRAPH))
    assert len(megabyte) > 990_000
    long_guess = detect_language("Rates on hold", megabyte)
    assert long_guess.code == "en"
    assert long_guess.code == detect_language("Rates on hold", ENGLISH_PARAGRAPH * 3).code


def test_a_foreign_block_at_one_end_of_a_long_article_does_not_decide() -> None:
    article = "Quote: " + RUSSIAN + " " + ENGLISH_PARAGRAPH * 20
    assert detect_language("", article).code == "en"


@pytest.mark.parametrize("text", TEXTS)
def test_candidates_sorted_with_probabilities_in_range(text: str) -> None:
    guess = detect_language("", text)
    probabilities = [p for _, p in guess.candidates]
    assert probabilities == sorted(probabilities, reverse=True)
    assert guess.candidates[0] == (guess.code, guess.confidence)
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert sum(probabilities) <= 1.0 + 1e-9
    assert len({code for code, _ in guess.candidates}) == len(guess.candidates)


def test_script_counts_letters_only() -> None:
    assert script_counts("Hello, Мир 123 東京です!") == {"Latin": 5, "Cyrillic": 3, "Kana": 2, "Han": 2}


def test_script_languages_come_from_the_profiles() -> None:
    by_script = language_model.script_languages()
    assert by_script["Hangul"] == {"ko"}
    assert by_script["Kana"] == {"ja"}
    assert by_script["Cyrillic"] == {"bg", "mk", "ru", "uk"}
    assert {"ja", "zh-cn", "zh-tw"} == by_script["Han"]
    assert "en" in by_script["Latin"] and "ru" not in by_script["Latin"]


def test_model_scores_do_not_overflow_on_any_length() -> None:
    model = language._model()
    words = language_model.normalize(ENGLISH_PARAGRAPH)
    once = model.scores(words)
    many = model.scores(words * 300)  # more n-grams than one packed sum holds
    assert many == pytest.approx([300 * score for score in once], rel=1e-9)
    unspaced = language_model.normalize(JAPANESE * 1000)  # one "word" longer than a packed sum holds
    assert len(unspaced) == 1
    scores = model.scores(unspaced)
    assert model.languages[scores.index(max(scores))] == "ja"


def test_model_normalises_like_langdetect() -> None:
    words = language_model.normalize("NASA said: l'été 2024, see https://example.com or a@b.org")
    assert "NASA" not in words
    assert "2024" not in " ".join(words)
    assert not any("example" in word or "org" in word for word in words)
    assert words == ["said", "l", "été", "see", "or"]
    assert language_model.normalize("ПРАВИТЕЛЬСТВО ОБЪЯВИЛО") == ["правительство", "объявило"]
