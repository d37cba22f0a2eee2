"""The companies a desk follows today, on top of the bundled catalog: added ones are tagged, removed ids not.

A desk adds a client, a supplier or a firm founded this morning by name and aliases, in whatever scripts
it is written in, and expects the next article to be tagged; it removes a catalog company it does not
want (a name that keeps matching the wrong thing). The catalog tagger is left as it is: the watch-list is
applied to its output (:meth:`WatchList.apply`), which keeps the catalog immutable and lets every worker
swap in a new watch-list between two articles.

Matching an added alias: whole words (a letter or digit on either side is no match), the alias's own
capitals required (a user writes "Acme" for the firm, not the word "acme"; an all-lower-case alias matches
any case), typographic and straight apostrophes alike, and, for aliases in Cyrillic, Greek or Latin scripts
of inflected languages, the usual case endings after the alias («Ромашка» → «Ромашки», «Ромашкой»; "Orlen"
→ "Orlenu"). A watch-list mention wins over a catalog or unknown-company mention it overlaps: the desk
said what the name means.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from .types import CompanyTag, Mention

MIN_ALIAS_CHARS = 2
#: Endings of nouns in the inflected languages the stream sees (Slavic, Baltic, Finnic, Hungarian), longest
#: first; a name ending in -а/-я/-a also drops that vowel before them («Ромашка» → «Ромашк|ой»).
_ENDINGS = sorted({
    "а", "у", "ом", "ой", "ою", "е", "ы", "и", "ам", "ами", "ах", "ов", "ей", "ю", "я", "ем", "ём", "ям", "ями",
    "ях", "і", "ї", "ові", "еві", "a", "u", "em", "om", "ie", "y", "i", "ów", "ach", "ami", "owi", "iem",
    "e", "ą", "ę", "ovi", "ou", "ě", "ā", "ai", "ui", "ių", "os", "as", "us", "ja", "jal", "nak",
    "nek", "ban", "ben", "ot", "et", "lle", "ssa", "ssä", "sta", "stä", "lla", "llä",
})
_ENDINGS.sort(key=len, reverse=True)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_STEM_VOWELS = ("а", "я", "a", "o", "о")


def _fold(text: str) -> str:
    """Case- and apostrophe-folded text of the same length (one code point per code point)."""
    folded = []
    for ch in text.translate(_APOSTROPHES):
        low = ch.casefold()
        if len(low) != 1:
            low = ch.lower() if len(ch.lower()) == 1 else ch
        folded.append(low)
    return "".join(folded)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) == "Mn"


def _inflects(alias: str) -> bool:
    return any(
        "CYRILLIC" in unicodedata.name(ch, "") or "LATIN" in unicodedata.name(ch, "") for ch in alias if ch.isalpha()
    )


@dataclass(frozen=True, slots=True)
class WatchedCompany:
    """One company the desk follows: an id of its own choosing, a name and the aliases to tag."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass
class WatchList:
    """Companies added on top of the catalog, and catalog ids removed from it."""

    added: dict[str, WatchedCompany] = field(default_factory=dict)
    removed: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._automaton: Any = None
        if self.added:
            automaton = ahocorasick.Automaton()
            keys: dict[str, list[tuple[str, str, bool]]] = {}  # key -> (company id, alias, is a stem)
            for company in self.added.values():
                for alias in (a.strip() for a in company.surfaces):
                    if len(alias) < MIN_ALIAS_CHARS:
                        continue
                    keys.setdefault(_fold(alias), []).append((company.id, alias, False))
                    if _inflects(alias) and _fold(alias).endswith(_STEM_VOWELS) and len(alias) > 3:
                        keys.setdefault(_fold(alias)[:-1], []).append((company.id, alias[:-1], True))
            for key, owners in keys.items():
                automaton.add_word(key, (key, owners))
            automaton.make_automaton()
            self._automaton = automaton

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> WatchList:
        """From the latest record per company id, as the companies topic holds them."""
        added, removed = {}, set()
        for record in records:
            if record.get("removed"):
                removed.add(record["id"])
                added.pop(record["id"], None)
            else:
                removed.discard(record["id"])
                added[record["id"]] = WatchedCompany(
                    id=record["id"], name=record["name"], aliases=tuple(record.get("aliases") or ()),
                    country=record.get("country"), wikidata=record.get("wikidata"),
                )
        return cls(added, frozenset(removed))

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)

    def apply(self, fields: Mapping[str, str], tags: list[CompanyTag]) -> list[CompanyTag]:
        """The catalog tagger's ``tags`` with removed ids dropped and watched companies added."""
        if not self:
            return tags
        found = self._find(fields)
        taken = {(m.field, i) for mentions in found.values() for m in mentions for i in range(m.start, m.end)}
        out = []
        for tag in tags:
            if tag.id in self.removed or tag.id in self.added:
                continue
            mentions = tuple(m for m in tag.mentions if not any((m.field, i) in taken for i in range(m.start, m.end)))
            if mentions:
                out.append(tag if len(mentions) == len(tag.mentions) else _with_mentions(tag, mentions))
        for company_id, mentions in found.items():
            company = self.added[company_id]
            out.append(CompanyTag(id=company.id, name=company.name, mentions=tuple(mentions), known=True,
                                  wikidata=company.wikidata, country=company.country))
        return out

    def _find(self, fields: Mapping[str, str]) -> dict[str, list[Mention]]:
        found: dict[str, list[Mention]] = {}
        if self._automaton is None:
            return found
        for name, text in fields.items():
            if not text:
                continue
            folded = _fold(text)
            spans: list[tuple[int, int, str]] = []
            for end_index, (key, owners) in self._automaton.iter(folded):
                start, end = end_index + 1 - len(key), end_index + 1
                for company_id, alias, stem in owners:
                    stop = _match_end(text, start, end, alias, stem=stem)
                    if stop is not None:
                        spans.append((start, stop, company_id))
                        break
            for start, stop, company_id in _longest_first(spans):
                found.setdefault(company_id, []).append(Mention(name, start, stop, text[start:stop]))
        return found


def _match_end(text: str, start: int, end: int, alias: str, *, stem: bool = False) -> int | None:
    """Where a match of ``alias`` at ``text[start:end]`` ends (an inflection included), or None.

    A ``stem`` (an alias without its final vowel, «Ромашк») only matches with an ending after it.
    """
    if start > 0 and _is_word_char(text[start - 1]):
        return None
    if alias != alias.lower() and not _same_capitals(text[start:end], alias):
        return None
    if not stem and (end == len(text) or not _is_word_char(text[end])):
        return end
    if _inflects(alias):
        for ending in _ENDINGS:
            stop = end + len(ending)
            if text[end:stop].lower() == ending and (stop == len(text) or not _is_word_char(text[stop])):
                return stop
    return None


def _same_capitals(found: str, alias: str) -> bool:
    return all(f == a or not a.isupper() for f, a in zip(found.translate(_APOSTROPHES),
                                                           alias.translate(_APOSTROPHES), strict=False))


def _longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans, longer first, then earlier (sorting makes this linear after the sort)."""
    kept: list[tuple[int, int, str]] = []
    for start, stop, company_id in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and start < kept[-1][1]:
            if stop - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, stop, company_id)
            continue
        kept.append((start, stop, company_id))
    return kept


def _with_mentions(tag: CompanyTag, mentions: tuple[Mention, ...]) -> CompanyTag:
    return CompanyTag(id=tag.id, name=tag.name, mentions=mentions, known=tag.known, wikidata=tag.wikidata,
                      country=tag.country)


EMPTY_WATCHLIST = WatchList()
