"""Find catalog companies in one article with a single Aho-Corasick automaton.

Keys are normalised aliases (see :mod:`.textnorm`) prefixed by a space, and the text is normalised and
padded the same way, so a key can only start at a word boundary; the right boundary is checked after the
hit, where a Russian case ending («Газпрома», «Сбербанке», «Лады») or a German/English "-s" may extend the
word. The surface of a mention is the whole word as written, ending included, but never a possessive
apostrophe ("Toyota’s" → "Toyota"). Longest match wins among overlapping hits. Upper-case letters of an
alias must be upper-case in the text (so "IBM" does not match "ibm" and "Apple" does not match "apple"),
and weak aliases (common words) need evidence (see :mod:`.evidence`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .catalog import Catalog, CatalogEntry, load_catalog
from .evidence import Sentences, local_evidence, ticker_in
from .textnorm import has_cjk, is_cyrillic, normalise

RU_ENDINGS = frozenset(
    ("а", "я", "у", "ю", "ом", "ем", "ём", "е", "и", "ы", "ой", "ей", "ою", "ею", "ов", "ев", "ам", "ям",
     "ами", "ями", "ах", "ях", "ью")
)
_STEM_FINALS = "аяьй"
_APOSTROPHES = "'’"


@dataclass(frozen=True, slots=True)
class _Key:
    entry: int
    alias: str
    weak: bool
    stem: bool  # key is the alias minus its final letter: a case ending must follow
    cjk: bool
    cyrillic: bool


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
    accepted: bool = False


class CompanyMatcher:
    """Automaton over every alias of a catalog; build once, call :meth:`find` per article."""

    def __init__(self, catalog: Catalog) -> None:
        self.entries: tuple[CatalogEntry, ...] = catalog.entries
        self._automaton = ahocorasick.Automaton()
        seen: dict[str, list[_Key]] = {}
        for idx, entry in enumerate(self.entries):
            for alias in entry.aliases:
                self._add(seen, idx, alias, alias in entry.weak)
        for key, payload in seen.items():
            self._automaton.add_word(key, tuple(payload))
        self._automaton.make_automaton()

    def _add(self, seen: dict[str, list[_Key]], idx: int, alias: str, weak: bool) -> None:
        alias = _trim(alias)
        norm = normalise(alias)
        if not norm:
            return
        cjk = has_cjk(alias)
        cyr = is_cyrillic(alias)
        keys = [(norm if cjk else " " + norm, False)]
        if cyr and not alias.isupper() and alias[-1] in _STEM_FINALS and len(norm) > 3:
            keys.append((" " + norm[:-1], True))
        for key, stem in keys:
            bucket = seen.setdefault(key, [])
            if any(k.entry == idx for k in bucket):
                continue
            bucket.append(_Key(idx, alias, weak, stem, cjk, cyr))

    def hits(self, field: str, text: str) -> list[Hit]:
        """All boundary- and case-valid candidate hits in one field, overlaps resolved longest-first."""
        if not text:
            return []
        padded = " " + normalise(text) + " "
        n = len(text)
        found: list[Hit] = []
        for end_idx, payload in self._automaton.iter(padded):
            for key in payload:
                hit = self._check(key, text, padded, n, end_idx)
                if hit is not None:
                    found.append(Hit(key.entry, field, hit[0], hit[1], key.weak, hit[2], key.cyrillic))
                    break
        return _longest_first(found)

    @staticmethod
    def _check(key: _Key, text: str, padded: str, n: int, end_idx: int) -> tuple[int, int, int | None] | None:
        alias = key.alias
        alias_len = len(alias) - 1 if key.stem else len(alias)
        # padded index i corresponds to text index i - 1
        end = end_idx  # exclusive end in text coordinates
        start = end - alias_len
        if start < 0:
            return None
        if key.cjk:
            return start, end, None
        nxt = padded[end + 1] if end + 1 < len(padded) else " "
        if nxt != " ":
            j = end
            while j < n and padded[j + 1] != " ":
                j += 1
            suffix = padded[end + 1 : j + 1]
            if key.cyrillic:
                inflected = suffix in RU_ENDINGS
            else:
                inflected = suffix == "s" and not alias.isupper() and alias[-1] not in "sS"
            if not inflected:
                return None
            end = j
        elif key.stem:
            return None
        surface = text[start:end]
        for a, s in zip(alias, surface, strict=False):
            if a.isupper() and not s.isupper():
                return None
        possessive = None
        if end < n and text[end] in _APOSTROPHES:
            possessive = end
        return start, end, possessive


def _trim(alias: str) -> str:
    """Drop leading/trailing punctuation ("Apple Inc." → "Apple Inc"): keys must start and end on a letter."""
    start, end = 0, len(alias)
    while start < end and not alias[start].isalnum():
        start += 1
    while end > start and not alias[end - 1].isalnum():
        end -= 1
    return alias[start:end]


def _longest_first(found: list[Hit]) -> list[Hit]:
    if len(found) < 2:
        return found
    found.sort(key=lambda h: (h.start - h.end, h.start))
    taken: list[Hit] = []
    for h in found:
        if all(h.end <= t.start or h.start >= t.end for t in taken):
            taken.append(h)
    taken.sort(key=lambda h: h.start)
    return taken


def decide(matcher: CompanyMatcher, fields: dict[str, str]) -> list[Hit]:
    """Keep strong hits, and weak hits with evidence; two passes so that a company confirmed anywhere in
    the article confirms its weak mentions elsewhere (except a bare sentence-initial word followed by a
    comma, e.g. "Next, ..."). A sentence-initial weak word is capitalised for its position alone, so there
    a business word in the sentence is not enough ("Next year the company ...")."""
    all_hits: list[Hit] = []
    sentences = {f: Sentences(t) for f, t in fields.items()}
    whole = "\n".join(fields.values())
    per_field: dict[str, list[Hit]] = {}
    for field, text in fields.items():
        per_field[field] = matcher.hits(field, text)
        all_hits.extend(per_field[field])
    strong_sentences: set[tuple[str, int]] = set()
    for h in all_hits:
        if not h.weak:
            h.accepted = True
            strong_sentences.add((h.field, sentences[h.field].index(h.start)))
    ticker_cache: dict[int, bool] = {}
    initial: list[Hit] = []
    for h in all_hits:
        if h.accepted:
            continue
        text = fields[h.field]
        sent = sentences[h.field]
        if local_evidence(text, h.start, h.end, h.possessive_end):
            h.accepted = True
            continue
        entry = matcher.entries[h.entry]
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
        h.accepted = (
            h.cyrillic or (h.field, sent.index(h.start)) in strong_sentences or sent.has_cue(h.start)
        )
    accepted_in: dict[tuple[str, int], set[int]] = {}
    for h in all_hits:
        if h.accepted:
            accepted_in.setdefault((h.field, sentences[h.field].index(h.start)), set()).add(h.entry)
    for h in initial:
        others = accepted_in.get((h.field, sentences[h.field].index(h.start)), set()) - {h.entry}
        h.accepted = bool(others)
    confirmed = {h.entry for h in all_hits if h.accepted}
    for h in all_hits:
        if h.accepted or h.entry not in confirmed:
            continue
        text = fields[h.field]
        if sentences[h.field].is_sentence_start(h.start) and text[h.end : h.end + 1] == ",":
            continue
        h.accepted = True
    return [h for h in all_hits if h.accepted]


@lru_cache(maxsize=1)
def default_matcher() -> CompanyMatcher:
    """The matcher over the bundled catalog, built on first use and kept for the process."""
    return CompanyMatcher(load_catalog())
