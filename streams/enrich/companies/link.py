"""Stage 5, linking: one identity per company, whatever script or spelling names it.

Catalog hits take their company's id (the catalog already groups "Gazprom", «Газпром» and 俄罗斯天然气
under one id). Unknown names take ``unknown:<latin key>`` (:func:`.keys.latin_key`), so that «Ромашка» and
"Romashka", or «Зорвик Роботикс» and "Zorvik Robotics", are one company, in one article or across articles.
An unknown name whose Latin key is that of a catalog company's name found in the same article joins it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .candidates import UnknownMention
from .keys import latin_key
from .scan import CompanyMatcher, Hit


@dataclass(frozen=True, slots=True)
class Linked:
    """One mention with the identity of its company."""

    field: str
    start: int
    end: int
    id: str
    name: str
    known: bool
    wikidata: str | None = None
    country: str | None = None


def link(matcher: CompanyMatcher, hits: list[Hit], unknown: list[UnknownMention]) -> list[Linked]:
    out: list[Linked] = []
    by_key: dict[str, Linked] = {}
    for h in hits:
        e = matcher.entry(h.entry)
        linked = Linked(h.field, h.start, h.end, e.id, e.name, True, e.wikidata, e.country)
        out.append(linked)
        by_key.setdefault(latin_key(e.name), linked)
    for u in unknown:
        same = by_key.get(latin_key(u.name))
        if same is not None:
            out.append(Linked(u.field, u.start, u.end, same.id, same.name, True, same.wikidata, same.country))
        else:
            out.append(Linked(u.field, u.start, u.end, u.id, u.name, False))
    return out
