"""Company tagging: catalog companies via one automaton, plus unknown ones from legal forms and context.

``tag_companies`` is what the orchestrator calls. The catalog and the automaton are built lazily on the
first call and kept for the process. Tags come ordered by their first mention (title before text).
"""

from __future__ import annotations

from ..types import CompanyTag, Mention
from .matcher import CompanyMatcher, Hit, decide, default_matcher
from .unknown import UnknownMention, find_unknown, list_neighbours, repeat_mentions

__all__ = ["tag_companies"]

_FIELD_ORDER = {"title": 0, "text": 1}


def tag_companies(title: str, text: str, *, language: str | None = None) -> list[CompanyTag]:
    """Companies mentioned in an article, each with every mention (exact offsets into ``title``/``text``).

    ``language`` is accepted for the orchestrator's interface; the rules are script-aware rather than
    language-specific, so a wrong language guess cannot hide a company.
    """
    fields = {"title": title or "", "text": text or ""}
    matcher = default_matcher()
    scanned = {f: matcher.scan(f, t) for f, t in fields.items()}
    hits = decide(matcher, fields, {f: found for f, (found, _) in scanned.items()})
    unknown = [u for f, t in fields.items() for u in find_unknown(f, t, scanned[f][1])]
    raw = [h for found, _ in scanned.values() for h in found]
    hits, unknown = _arbitrate(fields, hits, unknown, matcher, raw)
    tags: dict[str, tuple[tuple[int, int, int], CompanyTag]] = {}
    mentions: dict[str, list[Mention]] = {}
    for h in hits:
        entry = matcher.entry(h.entry)
        m = Mention(h.field, h.start, h.end, fields[h.field][h.start : h.end])  # type: ignore[arg-type]
        mentions.setdefault(entry.id, []).append(m)
        if entry.id not in tags:
            tag = CompanyTag(entry.id, entry.name, (), True, entry.wikidata, entry.country)
            tags[entry.id] = ((_FIELD_ORDER[h.field], h.start, 0), tag)
    for u in unknown:
        m = Mention(u.field, u.start, u.end, fields[u.field][u.start : u.end])  # type: ignore[arg-type]
        mentions.setdefault(u.id, []).append(m)
        key = (_FIELD_ORDER[u.field], u.start, 1)
        if u.id not in tags or key < tags[u.id][0]:
            tags[u.id] = (key, CompanyTag(u.id, u.name, (), known=False))
    out = []
    for _, tag in sorted(tags.values(), key=lambda kv: (kv[0], kv[1].id)):
        ms = tuple(sorted(set(mentions[tag.id]), key=lambda x: (_FIELD_ORDER[x.field], x.start, x.end)))
        out.append(CompanyTag(tag.id, tag.name, ms, tag.known, tag.wikidata, tag.country))
    return out


def _arbitrate(
    fields: dict[str, str],
    hits: list[Hit],
    candidates: list[UnknownMention],
    matcher: CompanyMatcher,
    raw: list[Hit],
) -> tuple[list[Hit], list[UnknownMention]]:
    """Settle overlaps between catalog hits and unknown candidates.

    A candidate marked by a legal form wins over catalog hits lying strictly inside its name (the catalog
    name is then only part of a longer company name); it loses when one catalog hit covers its whole name
    ("Apple Inc.", ПАО «Газпром»). Context candidates lose to any overlapping catalog name. Then names
    listed together with companies are added, and every kept name (and its bracketed abbreviation) is
    found where it recurs."""
    kept: list[UnknownMention] = []
    dropped: set[int] = set()
    raw_spans = [(h.field, h.start, h.end) for h in raw]
    for u in sorted(candidates, key=lambda c: (not c.legal, c.field, c.start)):
        inside = [i for i, h in enumerate(hits) if h.field == u.field and h.start < u.end and u.start < h.end]
        name_end = u.start + len(u.name)
        if u.legal:
            if any(hits[i].start <= u.start and hits[i].end >= name_end for i in inside):
                continue
            if any(hits[i].start < u.start or hits[i].end > u.end for i in inside):
                continue
            if _is_catalog_name(matcher, u.field, u.name):
                continue
            dropped.update(inside)
        elif inside or _is_catalog_name(matcher, u.field, u.name) or _overlaps_any(u, raw_spans):
            # a catalog name inside, even a common word left without evidence ("Google Stadia")
            continue
        if any(k.field == u.field and k.start < u.end and u.start < k.end for k in kept):
            continue
        kept.append(u)
    hits = [h for i, h in enumerate(hits) if i not in dropped]
    spans = [(h.field, h.start, h.end) for h in hits] + [(k.field, k.start, k.end) for k in kept]
    for r in list_neighbours(fields, spans):
        if not _overlaps_any(r, spans + raw_spans) and not _is_catalog_name(matcher, r.field, r.name):
            kept.append(r)
            spans.append((r.field, r.start, r.end))
    for r in repeat_mentions(fields, kept):
        if not _overlaps_any(r, spans):
            kept.append(r)
            spans.append((r.field, r.start, r.end))
    return hits, kept


def _overlaps_any(u: UnknownMention, spans: list[tuple[str, int, int]]) -> bool:
    return any(f == u.field and s < u.end and u.start < e for f, s, e in spans)


def _is_catalog_name(matcher: CompanyMatcher, field: str, name: str) -> bool:
    return any(h.start == 0 and h.end == len(name) for h in matcher.hits(field, name))
