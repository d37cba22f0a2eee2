"""langdetect's language profiles, compiled once into tables that score a text exactly and fast.

langdetect estimates ``P(language | text)`` by naive Bayes over character 1-, 2- and 3-grams; its
``Detector`` samples n-grams at random (7 trials, up to 1000 draws each) and stops when one language
passes 0.99999. That costs about a millisecond a text and ties the answer to a random generator. Here
the same model (its profiles, its character normalisation) is summed exactly over every n-gram instead,
in log space, so the answer is deterministic and exact:

    score(lang) = sum over n-grams g known to any profile of  w_|g| * log(P(g | lang) + floor(lang, |g|))

The smoothing ``floor`` is where this departs from langdetect (which adds ``alpha / 10000`` for every
language): its profiles were pruned at different depths, so an n-gram missing from a profile means
"rarer than that profile's cutoff", and the floor is a share of each profile's own cutoff. The weights
``w`` let longer n-grams, which are more specific to a language, count for more.

Only ~2 of the 55 languages have an n-gram on average, so the tables are sparse, and a word's scores
are cached because news text repeats its words (Zipf): most words of an article were seen before.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from array import array
from collections.abc import Callable, Iterable
from functools import cache
from operator import itemgetter
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

MAX_CACHED_WORDS = 30_000
"""Bound on the word-score cache (about 300 bytes a word, so ~10 MB); it is emptied when full, which
costs only speed: a news vocabulary's most frequent 30k words cover the vast majority of its tokens."""

LANE_BITS = 32
"""Bits per language in the packed scores (see :class:`LanguageModel`); ``scores`` sums at most as many
n-grams at once as fit, so a lane never overflows into the next whatever the length of the text."""

FRACTION_BITS = 12
"""Fixed-point resolution of one n-gram's score: 1/4096 nat. Rounding errors are below 0.1 nat on a
whole article, against differences of tens of nats between languages (and a temperature of 7)."""

_LANE_BYTES = LANE_BITS // 8
_LANE_TYPECODE = "I"
_LANES_NATIVE = sys.byteorder == "little" and array(_LANE_TYPECODE).itemsize == _LANE_BYTES

MAX_CACHED_WORD_LENGTH = 24
"""Longer "words" are mostly runs of unspaced CJK text that never repeat: scored, not cached."""

_ASCII_NON_LETTERS = re.compile(r"[^A-Za-z]+")
_CAPITALISED_WORD = re.compile(r"(?<!\S)\S*?[A-Z\u00c0-\u00de\u0391-\u03ab\u0400-\u042f]{2}\S*")
r"""A word with two capitals in a row. Tried only at word starts and lazily, so linear in the length
even for a long unspaced run (a greedy ``\S*`` would backtrack quadratically)."""


class LanguageModel:
    """langdetect's profiles as log-likelihood tables for one choice of smoothing and n-gram weights.

    ``languages`` are langdetect's codes in a fixed (sorted) order. The scores of one n-gram for all 55
    languages are packed into one Python integer, a fixed-point lane of ``LANE_BITS`` per language, plus
    three lanes counting the n-grams of each length (every lane holds a non-negative amount, so lanes
    never borrow): adding two n-grams is then one big-integer addition in C instead of 55 float
    additions in the interpreter, and sums are exact, so they do not depend on the order of the words.
    Each language lane holds ``log(1 + p / floor)``; ``unpack`` adds back ``count * log(floor)``.
    """

    def __init__(
        self,
        alpha: float = Detector.ALPHA_DEFAULT,
        order_weights: tuple[float, float, float] = (1.0, 1.0, 1.0),
        cutoff_share: float = 0.0,
    ) -> None:
        if alpha <= 0.0 and cutoff_share <= 0.0:
            raise ValueError("smoothing needs alpha > 0 or cutoff_share > 0")
        languages, profiles = _profiles()
        _normalisation_table()  # built now, not on the first non-ASCII text
        self.languages: tuple[str, ...] = languages
        self.iso_codes: tuple[str, ...] = tuple(ISO_CODE.get(code, code) for code in languages)
        self.order_weights = order_weights
        unit = 1 << FRACTION_BITS
        count_lane = len(languages) * LANE_BITS
        packed = {
            gram: unit << (count_lane + (len(gram) - 1) * LANE_BITS)
            for profile in profiles
            for gram in profile
            if order_weights[len(gram) - 1]
        }
        self._floor_logs: list[tuple[float, ...]] = []
        largest = unit
        log1p = math.log1p
        for index, profile in enumerate(profiles):
            floors = tuple(alpha / Detector.BASE_FREQ + cutoff_share * cutoff for cutoff in _cutoffs(profile))
            self._floor_logs.append(tuple(map(math.log, floors)))
            shift = index * LANE_BITS
            for gram, p in profile.items():
                order = len(gram) - 1
                weight = order_weights[order]
                if weight:
                    value = round(weight * unit * log1p(p / floors[order]))
                    largest = max(largest, value)
                    packed[gram] += value << shift
        self._packed = packed
        self._word_scores: dict[str, int] = {}
        self._grams_per_sum = ((1 << LANE_BITS) - 1) // largest

    def scores(self, words: Iterable[str]) -> list[float]:
        """Log-likelihood of ``words`` (normalised, see :func:`normalize`) per language, in nats.

        Up to a term shared by all languages: n-grams no profile holds are skipped, as langdetect does.
        """
        words = list(words)
        grams = 3 * sum(map(len, words)) + len(words)  # at most this many n-grams: see _gram_slicer
        if grams <= self._grams_per_sum:
            return self.unpack(sum(map(self.word_scores, words)))
        return self._scores_in_parts(words)

    def _scores_in_parts(self, words: list[str]) -> list[float]:
        """``scores`` for more n-grams than a packed sum holds: summed in parts, the parts in floats.

        A word too long for one part (unspaced text) is cut; only the n-grams across a cut are lost.
        """
        longest = (self._grams_per_sum - 1) // 3
        pieces = [word[i : i + longest] for word in words for i in range(0, len(word), longest)]
        totals = [0.0] * len(self.languages)
        packed = budget = 0
        for piece in pieces:
            cost = 3 * len(piece) + 1
            if budget + cost > self._grams_per_sum:
                totals = [a + b for a, b in zip(totals, self.unpack(packed), strict=True)]
                packed = budget = 0
            packed += self.word_scores(piece)
            budget += cost
        return [a + b for a, b in zip(totals, self.unpack(packed), strict=True)]

    def unpack(self, packed: int) -> list[float]:
        """The per-language log-likelihoods of a packed sum."""
        lanes = _split_lanes(packed, len(self.languages) + NGram.N_GRAM)
        unit = 1.0 / (1 << FRACTION_BITS)
        ones, twos, threes = (
            lanes[len(self.languages) + order] * unit * weight for order, weight in enumerate(self.order_weights)
        )
        return [
            lane * unit + ones * floor1 + twos * floor2 + threes * floor3
            for lane, (floor1, floor2, floor3) in zip(lanes, self._floor_logs, strict=False)
        ]

    def word_scores(self, word: str) -> int:
        """One word's packed scores, with the spaces around it that langdetect's n-grams see."""
        cached = self._word_scores.get(word)
        if cached is not None:
            return cached
        grams = _gram_slicer(len(word))(f" {word} ")
        result = sum(filter(None, map(self._packed.get, grams)))
        if len(word) <= MAX_CACHED_WORD_LENGTH:
            if len(self._word_scores) >= MAX_CACHED_WORDS:
                self._word_scores.clear()
            self._word_scores[word] = result
        return result

    def forget_words(self) -> None:
        """Empty the word cache; scores are exact sums, so this changes speed, never a result."""
        self._word_scores.clear()


def normalize(text: str) -> list[str]:
    """langdetect's character normalisation, then the words it would form n-grams from.

    Decomposed input (macOS, some CMSs) is composed first: the profiles were counted on composed text.

    Words with two capitals in a row (acronyms, tickers, shouted names) are dropped, as langdetect's
    ``NGram.capitalword`` drops their n-grams: they are seldom evidence of a language. A text that is
    all capitals (a shouted headline) is lower-cased instead, so that it still has words.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "://" in text:
        text = Detector.URL_RE.sub(" ", text)
    if "@" in text:
        text = Detector.MAIL_RE.sub(" ", text)
    if text.isascii():
        text = _ASCII_NON_LETTERS.sub(" ", text)
    else:
        text = NGram.normalize_vi(text).translate(_normalisation_table())
    words = _CAPITALISED_WORD.sub(" ", text).split()
    if not words:
        words = text.lower().split()
    return words


def _split_lanes(packed: int, count: int) -> list[int]:
    """The ``count`` unsigned lanes of a packed sum, lowest first, cut in C through its bytes."""
    raw = packed.to_bytes(count * _LANE_BYTES, "little")
    if _LANES_NATIVE:
        return memoryview(raw).cast(_LANE_TYPECODE).tolist()
    return [int.from_bytes(raw[i : i + _LANE_BYTES], "little") for i in range(0, len(raw), _LANE_BYTES)]


@cache
def _gram_slicer(length: int) -> Callable[[str], tuple[str, ...]]:
    """Cut a padded word of ``length`` letters into its 1-, 2- and 3-grams in one C call.

    The 1-grams are the letters (a lone space is no n-gram), 2- and 3-grams may start or end with the
    padding space: ``" ab "`` gives a, b, " a", ab, "b ", " ab", "ab ".
    """
    padded = length + 2
    spans = [(i, i + 1) for i in range(1, padded - 1)]
    spans += [(i, i + size) for size in (2, 3) for i in range(padded - size + 1)]
    getter = itemgetter(*(slice(start, end) for start, end in spans))
    if len(spans) == 1:
        return lambda text: (getter(text),)
    return getter


@cache
def script_languages(min_share: float = 0.2) -> dict[str, frozenset[str]]:
    """For each script, the langdetect languages whose profile spends ``min_share`` of its letters in it
    (the 2-6 % of Latin in the non-Latin profiles is Wikipedia markup and names, not the language).

    Derived from the profiles' 1-grams, so the mapping covers exactly what the model knows: Hangul gives
    {ko}, Kana {ja}, Han {ja, zh-cn, zh-tw}, Cyrillic {bg, mk, ru, uk}, and Latin the ~40 Latin languages.
    """
    languages, profiles = _profiles()
    result: dict[str, set[str]] = {script: set() for script in SCRIPT_RANGES}
    for code, profile in zip(languages, profiles, strict=True):
        by_script: dict[str, float] = {}
        for gram, p in profile.items():
            if len(gram) == 1 and (script := script_of(gram)) is not None:
                by_script[script] = by_script.get(script, 0.0) + p
        letters = sum(by_script.values()) or 1.0
        for script, mass in by_script.items():
            if mass / letters >= min_share:
                result[script].add(code)
    return {script: frozenset(codes) for script, codes in result.items() if codes}


@cache
def _profiles() -> tuple[tuple[str, ...], tuple[dict[str, float], ...]]:
    """langdetect's profiles, read once: per language, ``P(gram | language)`` for the n-grams it kept.

    Read straight from its JSON files with the formula of ``DetectorFactory.add_profile`` (count over
    the language's number of n-grams of that length); langdetect's own loader also builds a 55-wide
    list per n-gram, which triples the start-up time for nothing used here. Languages are sorted so
    that indices do not depend on the order the file system lists them.
    """
    directory = Path(PROFILES_DIRECTORY)
    loaded = sorted(
        (orjson.loads(path.read_bytes()) for path in directory.iterdir() if not path.name.startswith(".")),
        key=lambda profile: profile["name"],
    )
    profiles = []
    for profile in loaded:
        totals = profile["n_words"]
        profiles.append(
            {
                gram: count / totals[len(gram) - 1]
                for gram, count in profile["freq"].items()
                if 1 <= len(gram) <= NGram.N_GRAM
            }
        )
    return tuple(profile["name"] for profile in loaded), tuple(profiles)


def _cutoffs(profile: dict[str, float]) -> list[float]:
    """The smallest probability a profile kept, per n-gram length.

    langdetect's profiles were pruned at different depths (Catalan, Slovene, Romanian ... kept ten
    times rarer n-grams than most): an n-gram missing from a profile means "rarer than this cutoff",
    which is a different amount of evidence from one language to the next.
    """
    cutoffs = [1.0] * NGram.N_GRAM
    for gram, p in profile.items():
        order = len(gram) - 1
        if p < cutoffs[order]:
            cutoffs[order] = p
    return cutoffs


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
