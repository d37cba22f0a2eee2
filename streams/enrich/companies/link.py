"""Stage 5, linking: one identity per company, whatever script or spelling names it.

Catalog hits take their company's id (the catalog already groups "Gazprom", «Газпром» and 俄罗斯天然气
under one id). Unknown names take ``unknown:<latin key>`` (:func:`.keys.latin_key`), so that «Ромашка» and
"Romashka", or «Зорвик Роботикс» and "Zorvik Robotics", are one company, in one article or across articles.
An unknown name whose Latin key is that of a catalog company's name found in the same article joins it; one
written in Cyrillic joins the catalog company whose Latin name it transliterates, found or not.
Russian and Ukrainian decline names: the forms of one unknown name in one article («Квирант», «Квиранта»,
«Квирантом») are one company, under the form that reads as its nominative.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from .candidates import UnknownMention
from .keys import latin_key
from .scan import CompanyMatcher, Hit
from .textnorm import cyrillic_stem, is_cyrillic


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
    unknown = _one_form_per_name(unknown)
    out: list[Linked] = []
    by_key: dict[str, Linked] = {}
    for h in hits:
        e = matcher.entry(h.entry)
        linked = Linked(h.field, h.start, h.end, e.id, e.name, True, e.wikidata, e.country)
        out.append(linked)
        by_key.setdefault(latin_key(e.name), linked)
    for u in unknown:
        key = latin_key(u.name)
        same = by_key.get(key)
        if same is None and u.same_as is None and is_cyrillic(u.name):
            # a name written in Cyrillic that a catalog company has in Latin («Стелантис», "Stellantis"): the
            # context already made it a company, the transliteration says which
            row = matcher.catalog.latin_keys.get(key)
            if row is None and (stem := cyrillic_stem(u.name)) is not None:
                row = matcher.catalog.latin_keys.get(latin_key(stem))  # «Стелантиса», a case form
            if row is not None:
                e = matcher.entry(row)
                same = by_key[key] = Linked(u.field, u.start, u.end, e.id, e.name, True, e.wikidata, e.country)
        if same is not None:
            out.append(Linked(u.field, u.start, u.end, same.id, same.name, True, same.wikidata, same.country))
        else:
            out.append(Linked(u.field, u.start, u.end, u.id, u.name, False))
    return out


def _one_form_per_name(unknown: list[UnknownMention]) -> list[UnknownMention]:
    """Give every declined form of an unknown Cyrillic name the name of its nominative-looking form: the bare
    stem if the article writes it (masculine «Квирант»), else a form ending in -а/-я (feminine «Ромашка»),
    else the most frequent form."""
    forms: dict[str, Counter[str]] = {}
    for u in unknown:
        if u.same_as is None and (stem := cyrillic_stem(u.name)) is not None:
            forms.setdefault(stem, Counter())[u.name] += 1
    canonical: dict[str, str] = {}
    for stem, seen in forms.items():
        if len(seen) < 2:
            continue
        names = list(seen)
        bare = [n for n in names if n.lower() == stem]
        feminine = [n for n in names if n[-1:].lower() in "ая" and n[:-1].lower() == stem]
        best = (bare or feminine or [max(names, key=lambda n: seen[n])])[0]
        canonical.update((n, best) for n in names)
    if not canonical:
        return unknown
    return [replace(u, name=canonical[u.name]) if u.name in canonical else u for u in unknown]
