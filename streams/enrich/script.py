"""Unicode writing systems of a text, counted letter by letter.

Language identification uses the script to narrow the candidate languages before any statistics: a
Hangul text is Korean whatever its n-grams say, a Cyrillic one is one of the Cyrillic languages. The
ranges follow the Unicode block charts for the letters of each script (digits, punctuation and symbols
of a block are not letters and are left out where the chart separates them cleanly).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

#: Kana, CJK ideographs and Hangul syllables: the scripts written without spaces between words, so that
#: word-based rules (boundaries, shingles, sentence shapes) read them character by character.
CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _mark_ranges() -> str:
    runs: list[list[int]] = []
    for cp in range(0x0300, 0x10000):
        if unicodedata.category(chr(cp))[0] == "M":
            if runs and runs[-1][1] == cp - 1:
                runs[-1][1] = cp
            else:
                runs.append([cp, cp])
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in runs)


#: Combining marks (Unicode categories Mn, Mc, Me), as a character-class body. Python's ``\w`` leaves them
#: out, yet in Devanagari, Bengali, Tamil, Thai and the other Brahmic scripts they are the vowels inside
#: every word («कंपनी» is क ं प न ी): a word pattern must take them, or it cuts those words into letters.
COMBINING_MARKS = _mark_ranges()
WORD_CHAR = f"[\\w{COMBINING_MARKS}]"
"""One character of a word in any script: ``\\w`` plus the combining marks."""

SCRIPT_RANGES: Mapping[str, str] = MappingProxyType(
    {
        "Latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
        "Greek": "\u0370-\u0373\u0376-\u0377\u037b-\u037d\u0386\u0388-\u03ff\u1f00-\u1fbc",
        "Cyrillic": "\u0400-\u0481\u048a-\u052f",
        "Armenian": "\u0531-\u0556\u0561-\u0587",
        "Hebrew": "\u05d0-\u05ea\u05f0-\u05f2\ufb1d-\ufb4f",
        "Arabic": "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u0750-\u077f\ufb50-\ufdfb\ufe70-\ufefc",
        "Devanagari": "\u0900-\u0963\u0971-\u097f",
        "Bengali": "\u0980-\u09e3\u09f0-\u09f1",
        "Gurmukhi": "\u0a00-\u0a63\u0a70-\u0a75",
        "Gujarati": "\u0a80-\u0ae3",
        "Oriya": "\u0b00-\u0b63",
        "Tamil": "\u0b80-\u0be5",
        "Telugu": "\u0c00-\u0c63",
        "Kannada": "\u0c80-\u0ce3",
        "Malayalam": "\u0d00-\u0d63",
        "Sinhala": "\u0d80-\u0ddf",
        "Thai": "\u0e01-\u0e4e",
        "Lao": "\u0e81-\u0ecd",
        "Georgian": "\u10a0-\u10ff",
        "Hangul": "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3",
        "Kana": "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d",
        "Han": "\u3005\u3007\u3100-\u312f\u31a0-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff",
    }
)
"""Letter ranges per script, as regular-expression character-class bodies.

Bopomofo is counted as Han: it only ever annotates Chinese.
"""

_SCRIPT_RUNS = {name: re.compile(f"[{body}]+") for name, body in SCRIPT_RANGES.items()}
_NON_LETTERS = re.compile("[^" + "".join(SCRIPT_RANGES.values()) + "]+")


def script_of(char: str) -> str | None:
    """The script of one character, or None for digits, punctuation, symbols and unlisted scripts."""
    for name, pattern in _SCRIPT_RUNS.items():
        if pattern.fullmatch(char):
            return name
    return None


def script_counts(text: str) -> dict[str, int]:
    """How many letters of each script ``text`` holds; scripts with no letter are absent.

    Each script's letters are deleted in turn by one regular-expression substitution (in C, a run at a
    time) and counted by the length lost; the usual single-script text stops after the first.
    """
    remaining = _NON_LETTERS.sub("", text)
    counts: dict[str, int] = {}
    for name, pattern in _SCRIPT_RUNS.items():
        if not remaining:
            break
        rest = pattern.sub("", remaining)
        if len(rest) < len(remaining):
            counts[name] = len(remaining) - len(rest)
            remaining = rest
    return counts
