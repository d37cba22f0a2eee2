"""Stage 6, assembly: :class:`CompanyTag` records with their mentions, in a stable order.

Tags come ordered by their first mention (title before text); mentions by position, each with the exact
surface ``record[field][start:end]``. A company first seen as an unknown name and then in the catalog
(or the other way round) keeps the catalog identity.
"""

from __future__ import annotations

from ..types import CompanyTag, Mention
from .link import Linked

_FIELD_ORDER = {"title": 0, "text": 1}


def assemble(fields: dict[str, str], linked: list[Linked]) -> list[CompanyTag]:
    first: dict[str, tuple[tuple[int, int, int], Linked]] = {}
    mentions: dict[str, set[Mention]] = {}
    for item in linked:
        m = Mention(item.field, item.start, item.end, fields[item.field][item.start : item.end])  # type: ignore[arg-type]
        mentions.setdefault(item.id, set()).add(m)
        key = (_FIELD_ORDER[item.field], item.start, 0 if item.known else 1)
        if item.id not in first or key < first[item.id][0]:
            first[item.id] = (key, item)
    out = []
    for _, item in sorted(first.values(), key=lambda kv: (kv[0], kv[1].id)):
        ms = tuple(sorted(mentions[item.id], key=lambda x: (_FIELD_ORDER[x.field], x.start, x.end)))
        out.append(CompanyTag(item.id, item.name, ms, item.known, item.wikidata, item.country))
    return out
