"""The bundled company catalog, read once per process.

The catalog is built offline by ``scripts/build_catalog.py`` and committed as gzip JSON lines
(``data/companies.jsonl.gz``): a header line, then one company a line. Decisions that need big word lists
(which aliases are common words and so need evidence) are taken at build time and stored as the ``weak``
list, so that loading needs nothing but the file.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import orjson

CATALOG_PATH = Path(__file__).with_name("data") / "companies.jsonl.gz"


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


@dataclass(frozen=True, slots=True)
class Catalog:
    """All entries in build order (earlier entries won alias conflicts at build time) plus the header."""

    entries: tuple[CatalogEntry, ...]
    meta: dict

    def by_id(self) -> dict[str, CatalogEntry]:
        return {e.id: e for e in self.entries}


def read_catalog(path: Path) -> Catalog:
    """Parse a catalog file; separate from :func:`load_catalog` so tests and the build can read any file."""
    with gzip.open(path, "rb") as fh:
        lines = fh.read().splitlines()
    meta = orjson.loads(lines[0]) if lines else {}
    entries = []
    for line in lines[1:]:
        if not line:
            continue
        row = orjson.loads(line)
        entries.append(
            CatalogEntry(
                id=row["id"],
                name=row["name"],
                aliases=tuple(row.get("aliases") or (row["name"],)),
                weak=frozenset(row.get("weak") or ()),
                country=row.get("country"),
                wikidata=row.get("wikidata"),
                tickers=tuple(row.get("tickers") or ()),
            )
        )
    return Catalog(entries=tuple(entries), meta=meta)


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The bundled catalog, parsed on first use and shared by every caller of the process."""
    return read_catalog(CATALOG_PATH)
