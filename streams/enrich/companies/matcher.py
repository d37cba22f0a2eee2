"""Find catalog companies in one article with a single Aho-Corasick automaton.

Keys are normalised aliases (see :mod:`.textnorm`) between spaces, and the text is normalised and padded
the same way, so a key matches whole words only; Cyrillic keys are open at the end, where a Russian case
ending («Газпрома», «Сбербанке», «Лады») may follow, and well-known Latin names also have an "-s" key
("Volkswagens"). The surface of a mention is the whole word as written, ending included, but never a
possessive apostrophe ("Toyota’s" → "Toyota") and never a legal form the catalog does not need ("Toyota
Motor Corp." → "Toyota Motor"; "Apple Inc" stays whole, as it is the evidence for the common word "Apple").
Longest match wins among overlapping hits. Upper-case letters of an alias must be upper-case in the text
(so "IBM" does not match "ibm" and "Apple" does not match "apple"), and weak aliases (common words) need
evidence (see :mod:`.evidence`). The same pass also reports the cue words that :mod:`.unknown` reads
around ("Inc", "CEO", "shares", ", a").
"""

from __future__ import annotations

import gc
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import ahocorasick

from .catalog import Catalog, CatalogEntry, load_catalog
from .evidence import (
    Sentences,
    brand_label,
    capital_is_evidence,
    cited_source,
    dateline_place,
    defined_abbreviation,
    followed_by_subject_word,
    given_name_before,
    introduced,
    local_evidence,
    part_of_longer_name,
    ticker_in,
)
from .keys import ANCHOR, CJK, CYRILLIC, NAMELIKE, RU_ENDINGS, STEM, WEAK
from .textnorm import has_cjk, normalise
from .unknown import ANCHOR_KEYS

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
        # Cue words for unknown companies ride along in the same pass (see ``unknown.ANCHOR_KEYS``).
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

    def scan(self, field: str, text: str) -> tuple[list[Hit], list[tuple[str, int, int]]]:
        """Company hits (as :meth:`hits`) and the unknown-company anchors ``(kind, start, end)`` of one field,
        from one pass of the automaton."""
        if not text:
            return [], []
        padded = " " + normalise(text) + " "
        n = len(text)
        found: list[Hit] = []
        anchors: list[tuple[str, int, int]] = []
        matches = self._automaton.iter(padded)
        if len(self._cjk) and has_cjk(text):
            matches = chain(matches, self._cjk.iter(padded))
        for end_idx, payload in matches:
            for entry, alias, flags in payload:
                if flags & ANCHOR:  # anchor keys end with a space, like Latin company keys
                    anchors.append((alias, end_idx - 1 - (flags >> 8), end_idx - 1))
                    continue
                hit = _check(alias, flags, text, padded, n, end_idx)
                if hit is not None:
                    found.append(Hit(entry, field, hit[0], hit[1], bool(flags & WEAK), hit[2],
                                     bool(flags & CYRILLIC), bool(flags & NAMELIKE)))
                    break
        return _longest_first(found), anchors


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
            if padded[end + 1 : j + 1] not in RU_ENDINGS:
                return None
            end = j
        elif stem:
            return None
    start = end_idx - (len(alias) - 1 if stem else len(alias)) - (0 if flags & CYRILLIC else 1)
    if start < 0:
        return None
    surface = text[start:end]
    for a, s in zip(alias, surface, strict=False):
        if a.isupper() and not s.isupper():
            return None
        # punctuation inside a name must be the same ("J&J" is not "J.J"), but a hyphen may be a space
        if not a.isalnum() and a != s and not (a in "- " and s in "- ") and not (a in "'’" and s in "'’"):
            return None
    possessive = end if end < n and text[end] in _APOSTROPHES else None
    return start, end, possessive


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


def decide(
    matcher: CompanyMatcher, fields: dict[str, str], found: dict[str, list[Hit]] | None = None
) -> list[Hit]:
    """Keep strong hits, and weak hits with evidence; two passes so that a company confirmed anywhere in
    the article confirms its weak mentions elsewhere (except a bare sentence-initial word followed by a
    comma, e.g. "Next, ..."). A sentence-initial weak word is capitalised for its position alone, so there
    a business word in the sentence is not enough ("Next year the company ..."). Mid-sentence, outside
    title-case lines, the capital of a common word is itself evidence ("stepped into gaming, like Apple"),
    unless a place noun follows ("the Amazon rainforest") or the name is name-like (a first name, a place).
    A weak name followed by another capitalised word is a brand label ("Apple Watch") when a model code
    or product word follows or the company is confirmed elsewhere; otherwise part of another name.

    Near-linear: the hits of a sentence are found by bisection over hits sorted by position."""
    by_field: dict[str, list[Hit]] = {}
    for field, text in fields.items():
        by_field[field] = sorted(found[field] if found is not None else matcher.hits(field, text),
                                 key=lambda h: h.start)
    all_hits = [h for hs in by_field.values() for h in hs]
    defined: set[int] = set()
    for h in all_hits:
        h.accepted = not h.weak
        text = fields[h.field]
        if defined_abbreviation(text, h.start, h.end):
            defined.add(h.entry)
        if given_name_before(text, h.start, h.end) or (
            dateline_place(text, h.start, h.end) and text[h.start : h.end] not in matcher.entry(h.entry).aliases
        ):
            h.accepted, h.rejected = False, True  # "Henry Ford", "HAYWARD, Calif.": a person, a place
    for h in all_hits:
        if h.entry in defined:  # the article spelt the acronym out as something else
            h.accepted, h.rejected = False, True
    if all(h.accepted for h in all_hits):
        return all_hits
    sentences = {f: Sentences(t) for f, t in fields.items()}
    starts = {f: [h.start for h in hs] for f, hs in by_field.items()}
    whole = "\n".join(fields.values())

    def in_sentence(h: Hit) -> list[Hit]:
        start, end = sentences[h.field].span(h.start)
        s = starts[h.field]
        return by_field[h.field][bisect_left(s, start) : bisect_left(s, end)]

    ticker_cache: dict[int, bool] = {}
    initial: list[Hit] = []
    labels: list[Hit] = []
    for h in all_hits:
        if h.accepted:
            continue
        if h.rejected:
            continue
        text = fields[h.field]
        sent = sentences[h.field]
        if local_evidence(text, h.start, h.end, h.possessive_end) or cited_source(text, h.start, h.end):
            h.accepted = True
            continue
        entry = matcher.entry(h.entry)
        if introduced(text, h.start):  # "le motoriste Safran", "the retailer Argos"
            h.accepted = True
            continue
        surface = text[h.start : h.end]
        if surface.isupper() and not any(a.isupper() for a in entry.weak if normalise(a) == normalise(surface)):
            continue  # "AUSTIN, Texas", "ROMA —": a dateline or banner in capitals, not the brand "Austin"
        longer = part_of_longer_name(text, h.start, h.end, h.possessive_end)
        if longer == "label":
            if brand_label(text, h.end):
                h.accepted = True
            else:
                labels.append(h)
            continue
        if longer:
            h.rejected = True
            continue
        if followed_by_subject_word(text, h.end):
            h.accepted = True
            continue
        if entry.tickers:
            if h.entry not in ticker_cache:
                ticker_cache[h.entry] = ticker_in(whole, entry.tickers)
            if ticker_cache[h.entry]:
                h.accepted = True
                continue
        if sent.is_sentence_start(h.start):
            initial.append(h)
            continue
        # Russian capitalises no common noun mid-sentence: there a capital alone is evidence.
        # A name-like word (a first name, a town, a one-word shop brand) is not confirmed by its capital or by
        # business words or other companies nearby: "AUSTIN, Texas (Reuters) - Tesla ..."
        h.accepted = not h.namelike and (
            h.cyrillic
            or sent.has_cue(h.start)
            or any(not o.weak for o in in_sentence(h))
            or capital_is_evidence(text, h.start, h.end)
        )
    for h in initial:
        h.accepted = any(o.entry != h.entry and o.accepted for o in in_sentence(h))
    confirmed = {h.entry for h in all_hits if h.accepted}
    for h in all_hits:
        if h.accepted or h.rejected or h.entry not in confirmed:
            continue
        text = fields[h.field]
        if sentences[h.field].is_sentence_start(h.start) and text[h.end : h.end + 1] == ",":
            continue
        h.accepted = True
    return [h for h in all_hits if h.accepted]


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
