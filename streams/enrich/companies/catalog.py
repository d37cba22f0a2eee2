"""The bundled company catalog, read once per process.

The catalog is built offline by ``scripts/build_catalog.py`` and committed as one gzip JSON document
(``data/companies.json.gz``): ``meta``, ``companies`` (``[id, name, country, wikidata, tickers]`` rows) and
``keys`` (``{key: [[company index, alias, flags], ...]}``: the automaton keys, already normalised). Decisions that
need big word lists (which aliases are common words and so need evidence) and key normalisation are done at
build time, so that loading is one JSON parse; per-company objects are only made for companies that are
actually found (or when a caller asks for all of them).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import orjson

from .keys import NAMELIKE_FLAG, STEM_FLAG, WEAK_FLAG, latin_key
from .textnorm import cyrillic_stem, is_cyrillic

CATALOG_PATH = Path(__file__).with_name("data") / "companies.json.gz"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One company: ``aliases`` are the names to match (canonical name first); ``weak`` is the subset that
    are also common words and are accepted only with evidence; ``tickers`` serve as such evidence."""

    id: str
    name: str
    aliases: tuple[str, ...]
    weak: frozenset[str]
    country: str | None = None
    wikidata: str | None = None
    tickers: tuple[str, ...] = ()


class Catalog:
    """Company rows in build order (earlier rows won alias conflicts at build time), the header, and the
    automaton payloads by key ``{key: [[row index, alias, flags], ...]}``."""

    def __init__(self, rows: list[list], keys: dict[str, list[list]], meta: dict) -> None:
        self.rows = rows
        self.keys = keys
        self.meta = meta
        self._cache: dict[int, CatalogEntry] = {}

    def __len__(self) -> int:
        return len(self.rows)

    @cached_property
    def products(self) -> frozenset[str]:
        """Product and app names as written ("Alexa", "Model Y"): never companies, but after a maker's name
        they make it a brand label ("Amazon Alexa")."""
        return frozenset(self.meta.get("products", ()))

    @cached_property
    def latin_keys(self) -> dict[str, int]:
        """Row index by the Latin key (:func:`.keys.latin_key`) of each strong Latin alias of six letters or
        more: a name the text writes in another script («Стелантис») finds its company. Built on first use
        (a quarter of a second), by a Cyrillic article's first unknown name."""
        index: dict[str, int] = {}
        for bucket in self.keys.values():
            for row, alias, flags in bucket:
                if flags & (WEAK_FLAG | STEM_FLAG | NAMELIKE_FLAG) or len(alias) < 6 or not alias.isascii():
                    continue
                index.setdefault(latin_key(alias), row)
        return index

    @cached_property
    def places(self) -> PlaceNames:
        """Countries, regions and cities as written ("Oxford", "Россия", "大阪") and, in Cyrillic, in any case
        form («Москвы», «Киеву»): a capitalised name found by context alone is not a company when it is one of
        these ("Microsoft, Oxford and Cambridge", «крупнейший девелопер Москвы»)."""
        return PlaceNames(self.meta.get("places", ()))

    def entry(self, index: int) -> CatalogEntry:
        """The company of one row; aliases are gathered from the keys on first use."""
        found = self._cache.get(index)
        if found is None:
            aliases, weak = self._aliases().get(index, ([], set()))
            cid, name, country, wikidata, tickers = self.rows[index]
            found = CatalogEntry(cid, name, tuple(aliases), frozenset(weak), country, wikidata, tuple(tickers))
            self._cache[index] = found
        return found

    @cached_property
    def entries(self) -> tuple[CatalogEntry, ...]:
        return tuple(self.entry(i) for i in range(len(self.rows)))

    def by_id(self) -> dict[str, CatalogEntry]:
        return {e.id: e for e in self.entries}

    @lru_cache(maxsize=1)  # noqa: B019 - one catalog per process
    def _aliases(self) -> dict[int, tuple[list[str], set[str]]]:
        out: dict[int, tuple[list[str], set[str]]] = {}
        for index, alias, flags in (p for bucket in self.keys.values() for p in bucket):
            if flags & STEM_FLAG:
                continue
            aliases, weak = out.setdefault(index, ([], set()))
            if alias not in aliases:
                aliases.append(alias)
            if flags & WEAK_FLAG:
                weak.add(alias)
        return out


def read_catalog(path: Path) -> Catalog:
    """Parse a catalog file; separate from :func:`load_catalog` so tests and the build can read any file."""
    with gzip.open(path, "rb") as fh:
        doc = orjson.loads(fh.read())
    return Catalog(doc["companies"], doc["keys"], doc.get("meta", {}))


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The bundled catalog, parsed on first use and shared by every caller of the process."""
    return read_catalog(CATALOG_PATH)


class PlaceNames:
    """Place names, matched as written or, for Cyrillic names, by the stem of any case form."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = frozenset(names)
        stems = set(filter(None, map(cyrillic_stem, filter(is_cyrillic, self._names))))
        # Ukrainian "і" ("ї") of a closed last syllable is "е" or "о" ("є") when an ending opens it: Львів /
        # Львова, Київ / Києва
        for stem in list(stems):
            for vowel, opened in (("і", "ео"), ("ї", "є")):
                i = stem.rfind(vowel)
                if i != -1:
                    stems.update(stem[:i] + o + stem[i + 1 :] for o in opened)
        self._stems = frozenset(stems)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name in self._names:
            return True
        return is_cyrillic(name) and cyrillic_stem(name) in self._stems

    def __len__(self) -> int:
        return len(self._names)
