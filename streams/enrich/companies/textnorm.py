"""Length-preserving normalisation shared by the automaton keys and the searched text.

Every character maps to exactly one character, so an offset in the normalised text is the same offset in
the original: that is what keeps ``record[field][start:end] == surface`` exact without any offset tables.
Letters and digits are lower-cased (ё as е), combining marks kept; everything else becomes a space, so word
boundaries are spaces and punctuation inside names ("Mercedes-Benz", "Amazon.com") matches any separator.
"""

from __future__ import annotations

import re

from ..script import CJK_CHARS as _CJK
from ..script import COMBINING_MARKS

# spaces are already spaces: fewer substitutions; combining marks are the vowels of Brahmic and Thai words
_NON_WORD = re.compile(rf"[^\w {COMBINING_MARKS}]|_", re.UNICODE)
CJK_CHARS = _CJK
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def normalise(text: str) -> str:
    """Lower-case letters, ё→е, every non-letter/digit to a space; the result has ``len(text)``."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (e.g. "İ") lower-case to two code points
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return _NON_WORD.sub(" ", lowered).replace("ё", "е")


def has_cjk(text: str) -> bool:
    """CJK names are matched without word boundaries: those scripts do not put spaces between words."""
    return _CJK.search(text) is not None


def is_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


# Case endings of Russian and Ukrainian nouns and adjectives, longest first.
_CASE_ENDING = re.compile(
    r"(?:ами|ями|ого|его|ему|ому|ими|ыми|ой|ей|ою|ею|ом|ем|ам|ям|ах|ях|ов|ев|ів|ий|ый|ая|яя|ое|а|я|у|ю|е|и|ы|і|ї|є|ь|й)$"
)
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ'’-]+", re.IGNORECASE)


def cyrillic_stem(name: str) -> str | None:
    """A Cyrillic name, lower-cased, with each word's case ending cut («Москвы» → «москв», «Квирантом» →
    «квирант»), when every word is Cyrillic and keeps three letters or more; else None. Russian and Ukrainian
    decline names, so the forms of one name share it."""
    words = name.split()
    if not words or not all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        return None
    stems = [_CASE_ENDING.sub("", w.lower()) for w in words]
    return " ".join(stems) if all(len(s) >= 3 for s in stems) else None
