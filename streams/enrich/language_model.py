"""langdetect's language profiles, compiled once into tables that score a text without sampling.

langdetect estimates ``P(language | text)`` by naive Bayes over character 1-, 2- and 3-grams, each
n-gram's probability smoothed by ``alpha / BASE_FREQ``; its ``Detector`` samples n-grams at random
(7 trials, up to 1000 draws each) and stops when one language passes 0.99999. That costs about a
millisecond a text and makes the answer depend on a random generator. Here the same model (its profiles,
its character normalisation, its smoothing) is summed exactly over every n-gram instead, in log space:

    score(lang) = sum over n-grams g of log(1 + P(g | lang) * BASE_FREQ / alpha)

which equals langdetect's log-likelihood up to a term shared by all languages. Only ~2 of the 55
languages have a non-zero probability for a typical n-gram, so the tables are sparse, and a word's
scores are cached because news text repeats its words (Zipf): most words of an article are seen before.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import orjson
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.utils import unicode_block
from langdetect.utils.ngram import NGram

from .script import SCRIPT_RANGES, script_of

ISO_CODE = {"zh-cn": "zh", "zh-tw": "zh"}
"""langdetect codes that are not ISO 639-1. Its ``no`` (trained on Bokmål Wikipedia) stays ``no``:
the model cannot tell Bokmål from Nynorsk, so the macrolanguage code is the honest answer."""

MAX_CACHED_WORDS = 50_000
"""Bound on the word-score cache (a few MB); it is emptied when full, which costs only speed."""

LANE_BITS = 48
"""Bits per language in the packed scores (see :class:`LanguageModel`): room for 2**48 / 2**FRACTION_BITS
= 65536 nats, hundreds of times what the capped sample of an article can sum to."""

FRACTION_BITS = 16
"""Fixed-point resolution of a bonus: 1/65536 nat, far below any difference that decides a language."""

MAX_CACHED_WORD_LENGTH = 24
"""Longer "words" are mostly runs of unspaced CJK text that never repeat: scored, not cached."""

_ASCII_NON_LETTERS = re.compile(r"[^A-Za-z]+")
_CAPITALISED_WORD = re.compile(r"\S*[A-Z\u00c0-\u00de\u0391-\u03ab\u0400-\u042f]{2}\S*")


class LanguageModel:
    """langdetect's profiles as log-probability bonuses for one smoothing ``alpha``.

    ``languages`` are langdetect's codes in a fixed (sorted) order. The bonuses of one n-gram for all
    55 languages are packed into one Python integer, a fixed-point lane of ``LANE_BITS`` per language
    (bonuses are never negative, so lanes never borrow): adding two n-grams' rows is then one big-integer
    addition in C instead of 55 float additions in the interpreter, and the sum is exact, so it does not
    depend on the order of the words.
    """

    def __init__(self, alpha: float = Detector.ALPHA_DEFAULT) -> None:
        probabilities, languages = _profiles()
        self.alpha = alpha
        self.languages: tuple[str, ...] = languages
        self.iso_codes: tuple[str, ...] = tuple(ISO_CODE.get(code, code) for code in languages)
        scale = Detector.BASE_FREQ / alpha
        self._packed = {
            gram: sum(round(math.log1p(p * scale) * (1 << FRACTION_BITS)) << (index * LANE_BITS) for index, p in row)
            for gram, row in probabilities.items()
        }
        self._word_scores: dict[str, int] = {}

    def scores(self, words: Iterable[str]) -> list[float]:
        """Summed bonuses of every n-gram of ``words`` (normalised words, see :func:`normalize`)."""
        return self.unpack(sum(map(self.word_scores, words)))

    def unpack(self, packed: int) -> list[float]:
        """The per-language scores of a packed sum, in nats."""
        mask = (1 << LANE_BITS) - 1
        unit = 1.0 / (1 << FRACTION_BITS)
        return [((packed >> (i * LANE_BITS)) & mask) * unit for i in range(len(self.languages))]

    def word_scores(self, word: str) -> int:
        """One word's packed bonuses, with the spaces around it that langdetect's n-grams see."""
        cached = self._word_scores.get(word)
        if cached is not None:
            return cached
        padded = f" {word} "
        grams = [
            *word,
            *[padded[i : i + 2] for i in range(len(padded) - 1)],
            *[padded[i : i + 3] for i in range(len(padded) - 2)],
        ]
        result = sum(filter(None, map(self._packed.get, grams)))
        if len(word) <= MAX_CACHED_WORD_LENGTH:
            if len(self._word_scores) >= MAX_CACHED_WORDS:
                self._word_scores.clear()
            self._word_scores[word] = result
        return result

    def forget_words(self) -> None:
        """Empty the word cache; scores are exact sums, so this changes speed, never a result."""
        self._word_scores.clear()

    def known(self, gram: str) -> bool:
        """Whether langdetect's profiles hold this n-gram at all."""
        return gram in self._packed


def normalize(text: str) -> list[str]:
    """langdetect's character normalisation, then the words it would form n-grams from.

    Words with two capitals in a row (acronyms, tickers, shouted names) are dropped, as langdetect's
    ``NGram.capitalword`` drops their n-grams: they are seldom evidence of a language. A text that is
    all capitals (a shouted headline) is lower-cased instead, so that it still has words.
    """
    text = Detector.URL_RE.sub(" ", text)
    text = Detector.MAIL_RE.sub(" ", text)
    if text.isascii():
        text = _ASCII_NON_LETTERS.sub(" ", text)
    else:
        text = NGram.normalize_vi(text).translate(_normalisation_table())
    words = _CAPITALISED_WORD.sub(" ", text).split()
    if not words:
        words = text.lower().split()
    return words


@cache
def script_languages(min_share: float = 0.2) -> dict[str, frozenset[str]]:
    """For each script, the langdetect languages whose profile spends ``min_share`` of its letters in it
    (the 2-6 % of Latin in the non-Latin profiles is Wikipedia markup and names, not the language).

    Derived from the profiles' 1-grams, so the mapping covers exactly what the model knows: Hangul gives
    {ko}, Kana {ja}, Han {ja, zh-cn, zh-tw}, Cyrillic {bg, mk, ru, uk}, and Latin the ~40 Latin languages.
    """
    probabilities, languages = _profiles()
    shares: dict[str, dict[str, float]] = {code: {} for code in languages}
    for gram, row in probabilities.items():
        if len(gram) != 1:
            continue
        script = script_of(gram)
        if script is None:
            continue
        for index, p in row:
            by_script = shares[languages[index]]
            by_script[script] = by_script.get(script, 0.0) + p
    result: dict[str, set[str]] = {script: set() for script in SCRIPT_RANGES}
    for code, by_script in shares.items():
        letters = sum(by_script.values()) or 1.0
        for script, mass in by_script.items():
            if mass / letters >= min_share:
                result[script].add(code)
    return {script: frozenset(codes) for script, codes in result.items() if codes}


@cache
def _profiles() -> tuple[dict[str, tuple[tuple[int, float], ...]], tuple[str, ...]]:
    """langdetect's profiles, read once: ``P(gram | language)`` for the languages that have it.

    Read straight from its JSON files with the formula of ``DetectorFactory.add_profile`` (count over
    the language's number of n-grams of that length); langdetect's own loader also builds a 55-wide
    list per n-gram, which triples the start-up time for nothing used here. Languages are sorted so
    that indices do not depend on the order the file system lists them.
    """
    directory = Path(PROFILES_DIRECTORY)
    profiles = sorted(
        (orjson.loads(path.read_bytes()) for path in directory.iterdir() if not path.name.startswith(".")),
        key=lambda profile: profile["name"],
    )
    languages = tuple(profile["name"] for profile in profiles)
    rows: dict[str, list[tuple[int, float]]] = {}
    for index, profile in enumerate(profiles):
        totals = profile["n_words"]
        for gram, count in profile["freq"].items():
            if 1 <= len(gram) <= NGram.N_GRAM:
                rows.setdefault(gram, []).append((index, count / totals[len(gram) - 1]))
    return {gram: tuple(row) for gram, row in rows.items()}, languages


@cache
def _normalisation_table() -> dict[int, str]:
    """``NGram.normalize`` as a ``str.translate`` table: every character it changes, and to what.

    ``NGram.normalize`` only changes characters of the blocks below; its CJK rule is its own
    ``CJK_MAP``, taken as is rather than asking character by character for 21k ideographs.
    """
    blocks = {
        unicode_block.UNICODE_BASIC_LATIN,
        unicode_block.UNICODE_LATIN_1_SUPPLEMENT,
        unicode_block.UNICODE_LATIN_EXTENDED_B,
        unicode_block.UNICODE_GENERAL_PUNCTUATION,
        unicode_block.UNICODE_ARABIC,
        unicode_block.UNICODE_LATIN_EXTENDED_ADDITIONAL,
        unicode_block.UNICODE_HIRAGANA,
        unicode_block.UNICODE_KATAKANA,
        unicode_block.UNICODE_BOPOMOFO,
        unicode_block.UNICODE_BOPOMOFO_EXTENDED,
        unicode_block.UNICODE_HANGUL_SYLLABLES,
    }
    table = {ord(char): normal for char, normal in NGram.CJK_MAP.items() if normal != char}
    for block, first, last in unicode_block._unicode_blocks:
        if block not in blocks:
            continue
        for codepoint in range(first, last + 1):
            char = chr(codepoint)
            normal = NGram.normalize(char)
            if normal != char:
                table[codepoint] = normal
    return table
