"""Stage 1, candidates from the catalog: find catalog names in one article with a single Aho-Corasick automaton.

Keys are normalised aliases (see :mod:`.textnorm`) between spaces, and the text is normalised and padded
the same way, so a key matches whole words only; Cyrillic keys are open at the end, where a Russian case
ending («Газпрома», «Сбербанке», «Лады») may follow, and well-known Latin names also have an "-s" key
("Volkswagens"). The surface of a mention is the whole word as written, ending included, but never a
possessive apostrophe ("Toyota’s" → "Toyota") and never a legal form the catalog does not need ("Toyota
Motor Corp." → "Toyota Motor"; "Apple Inc" stays whole, as it is the evidence for the common word "Apple").
Longest match wins among overlapping hits. Upper-case letters of an alias must be upper-case in the text
(so "IBM" does not match "ibm" and "Apple" does not match "apple"); weak aliases (common words) are weighed
later (:mod:`.confirm`). The same pass also reports the cue words (:mod:`.cues`) that :mod:`.candidates`
reads around ("Inc", "CEO", "shares", ", a", "told", "le motoriste").
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import ahocorasick

from .catalog import Catalog, CatalogEntry, load_catalog
from .cues import ANCHOR_KEYS, NAME_SUFFIX_SEPARATORS, NAME_SUFFIXES
from .keys import ANCHOR, CASE_ENDINGS, CJK, CYRILLIC, NAMELIKE, STEM, WEAK
from .textnorm import CJK_CHARS, has_cjk, normalise

_APOSTROPHES = "'’"


@dataclass(slots=True)
class Hit:
    """A candidate mention before evidence is weighed."""

    entry: int
    field: str
    start: int
    end: int
    weak: bool
    possessive_end: int | None
    cyrillic: bool = False
    namelike: bool = False
    accepted: bool = False
    rejected: bool = False  # part of a longer name: not even a confirmed company takes it


class CompanyMatcher:
    """Automaton over every alias of a catalog; build once, call :meth:`scan` per article field."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        buckets = catalog.keys
        # CJK keys (no leading space) live in their own automaton: at the root of a shared one their
        # thousands of first characters would slow every step on Latin and Cyrillic text threefold.
        self._automaton = ahocorasick.Automaton()
        self._cjk = ahocorasick.Automaton()
        for key, bucket in buckets.items():
            (self._automaton if key.startswith(" ") else self._cjk).add_word(key, bucket)
        # Cue words for unknown companies ride along in the same pass (see ``cues.ANCHOR_KEYS``).
        for key, kind in ANCHOR_KEYS.items():
            anchor = (-1, kind, ANCHOR | len(key.strip()) << 8)
            self._automaton.add_word(key, [anchor, *buckets.get(key, ())])
        self._automaton.make_automaton()
        if len(self._cjk):
            self._cjk.make_automaton()

    def entry(self, index: int) -> CatalogEntry:
        return self.catalog.entry(index)

    def hits(self, field: str, text: str) -> list[Hit]:
        """All boundary- and case-valid candidate hits in one field, overlaps resolved longest-first."""
        return self.scan(field, text)[0]

    def scan(
        self, field: str, text: str, language: str | None = None
    ) -> tuple[list[Hit], list[tuple[str, int, int]]]:
        """Company hits (as :meth:`hits`) and the unknown-company anchors ``(kind, start, end)`` of one field,
        from one pass of the automaton; in a language that puts case endings on names (``NAME_SUFFIXES``),
        also the catalog names written with one ("Wärtsilän", "MOL-nál")."""
        if not text:
            return [], []
        padded = " " + normalise(text) + " "
        n = len(text)
        found: list[Hit] = []
        anchors: list[tuple[str, int, int]] = []
        latin = padded
        matches = self._automaton.iter(padded)
        if has_cjk(text):
            # Japanese and Chinese write Latin names against their own characters ("Amazonが"): for the
            # Latin keys those characters count as spaces (same length, so offsets do not move)
            latin = CJK_CHARS.sub(" ", padded)
            matches = self._automaton.iter(latin)
            if len(self._cjk):
                matches = chain(matches, self._cjk.iter(padded))
        for end_idx, payload in matches:
            for entry, alias, flags in payload:
                if flags & ANCHOR:  # anchor keys end with a space, like Latin company keys
                    anchors.append((alias, end_idx - 1 - (flags >> 8), end_idx - 1))
                    continue
                hit = _check(alias, flags, text, padded if flags & CJK else latin, n, end_idx)
                if hit is not None:
                    found.append(Hit(entry, field, hit[0], hit[1], bool(flags & WEAK), hit[2],
                                     bool(flags & CYRILLIC), bool(flags & NAMELIKE)))
                    break
        suffixes = NAME_SUFFIXES.get(language or "")
        if suffixes:
            found += self._inflected(field, text, suffixes, language or "", {h.entry for h in found})
        return _longest_first(found), anchors

    def _inflected(
        self, field: str, text: str, suffixes: tuple[str, ...], language: str, named: set[int]
    ) -> list[Hit]:
        """Catalog names with a case ending on their last word: the word without the ending (and a
        separator: "MOL-nál", "IBM:n"), alone or after the capitalised word before it ("Gedeon Richternél"),
        is looked up as a whole key. Hungarian lengthens a final vowel before an ending ("Nokiánál"), Polish
        and Czech change a final -a ("Tesli", "Škody").

        A short ending makes many words look like a name plus ending ("Venus", "Lennart", "Tatry",
        "Nikoli"), so an inflected form counts only when a separator marks the ending, when the article
        also names the company uninflected (``named``), or when the language's endings are long and
        distinctive enough: any ending in Finnish and Hungarian, two letters or more elsewhere, without a
        changed stem. Names that are common words or people's names in the catalog (weak, name-like) are
        never taken this way. Only capitalised words with an ending are tried, each with a few dictionary
        lookups, so the cost is linear in the text."""
        out: list[Hit] = []
        previous: tuple[int, str] | None = None
        for m in _CAPITALISED_WORD.finditer(text):
            word = m.group()
            if not word[0].isupper():
                continue
            low = word.lower()
            for suffix in suffixes:
                if not low.endswith(suffix) or len(low) - len(suffix) < 2:
                    continue
                base = word[: len(word) - len(suffix)]
                separated = base[-1:] in NAME_SUFFIX_SEPARATORS
                if separated:
                    base = base[:-1]
                bases = [(base, False)]
                if language == "hu" and base[-1:] in "áé":
                    bases.append((base[:-1] + {"á": "a", "é": "e"}[base[-1]], True))
                if language in _SLAVIC_A_STEMS:
                    bases.append((base + "a", True))
                for name, changed in bases:
                    hit = self._lookup(field, text, m, name, previous)
                    if hit is None:
                        continue
                    lone = language in ("fi", "hu") or (len(suffix) >= 2 and not changed)
                    if separated or hit.entry in named or lone:
                        out.append(hit)
                    break
                else:
                    continue
                break
            previous = (m.start(), word)
        return out

    def _lookup(
        self, field: str, text: str, m: re.Match[str], base: str, previous: tuple[int, str] | None
    ) -> Hit | None:
        candidates = [(m.start(), base)]
        if previous is not None and text[previous[0] + len(previous[1]) : m.start()] == " ":
            candidates.insert(0, (previous[0], previous[1] + " " + base))  # the longer name first
        for start, name in candidates:
            for entry, alias, flags in self.catalog.keys.get(" " + normalise(name) + " ", ()):
                if flags & (CJK | ANCHOR | WEAK | NAMELIKE) or not _same_case(alias, name):
                    continue
                return Hit(entry, field, start, m.end(), False, None)
        return None


def _check(
    alias: str, flags: int, text: str, padded: str, n: int, end_idx: int
) -> tuple[int, int, int | None] | None:
    """Boundary, inflection and case checks of one automaton hit; ``(start, end, possessive)`` or None.

    Padded index i is text index i - 1, so a key ending at padded ``end_idx`` ends the text slice at
    ``end_idx`` (exclusive), or one earlier for Latin keys, whose last character is the closing space."""
    stem = flags & STEM
    if flags & CJK:
        end = end_idx
        start = end - len(alias)
        return (start, end, None) if start >= 0 else None
    if not flags & CYRILLIC:
        end = end_idx - 1
    else:
        end = end_idx
        if padded[end + 1] != " ":
            j = end
            while j < n and padded[j + 1] != " ":
                j += 1
            if padded[end + 1 : j + 1] not in CASE_ENDINGS:
                return None
            end = j
        elif stem:
            return None
    start = end_idx - (len(alias) - 1 if stem else len(alias)) - (0 if flags & CYRILLIC else 1)
    if start < 0:
        return None
    surface = text[start:end]
    previous = " "
    for a, s in zip(alias, surface, strict=False):
        # a capital inside a word, after a small letter, may be written small ("GE Healthcare" for "GE
        # HealthCare", "Mastercard" for "MasterCard"); a word's first capital and acronyms may not
        if a.isupper() and not s.isupper() and not (previous.islower() and s == a.lower()):
            return None
        previous = a
        # punctuation inside a name must be the same ("J&J" is not "J.J"), but a hyphen may be a space
        if not a.isalnum() and a != s and not (a in "- " and s in "- ") and not (a in "'’" and s in "'’"):
            return None
    possessive = end if end < n and text[end] in _APOSTROPHES else None
    return start, end, possessive


# A capitalised Latin word with what may follow it in one token: a hyphen or colon and an ending ("MOL-nál").
_CAPITALISED_WORD = re.compile(r"(?<![\w&.'’:-])[^\W\d_a-zß-ÿ][\w&]*(?:[-:'’][^\W\d_]+)?")
_SLAVIC_A_STEMS = frozenset(("pl", "cs", "sk", "hr", "sl"))


def _same_case(alias: str, written: str) -> bool:
    """Capitals of the alias are capitals in the text ("MOL" is not "Mol"); a capital inside a word after a
    small letter may be written small, as :func:`_check` allows."""
    if len(alias) != len(written):
        return False
    previous = " "
    for a, w in zip(alias, written, strict=True):
        if a.isupper() and not w.isupper() and not (previous.islower() and w == a.lower()):
            return False
        previous = a
    return True


def _longest_first(found: list[Hit]) -> list[Hit]:
    """Longest match wins among overlapping hits (ties: the earlier one). Near-linear: hits are taken longest
    first and each is checked against a byte map of the characters already taken, so the cost is the sum of
    the hits' lengths rather than the square of their number."""
    if len(found) < 2:
        return found
    found.sort(key=lambda h: (h.start - h.end, h.start))
    taken = bytearray(max(h.end for h in found) + 1)
    kept: list[Hit] = []
    for h in found:
        if taken.find(1, h.start, h.end) == -1:
            taken[h.start : h.end] = b"\x01" * (h.end - h.start)
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    return kept


@lru_cache(maxsize=1)
def default_matcher() -> CompanyMatcher:
    """The matcher over the bundled catalog, built on first use and kept for the process.

    The cyclic garbage collector is paused while the catalog's many small lists are made: they hold no
    cycles, and collections triggered by their allocation would only re-walk the process's heap."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return CompanyMatcher(load_catalog())
    finally:
        if enabled:
            gc.enable()
