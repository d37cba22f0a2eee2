"""Company tagging: catalog companies via one automaton, plus unknown ones from legal forms and context.

``tag_companies`` is what the orchestrator calls. The catalog and the automaton are built lazily on the
first call and kept for the process. Tags come ordered by their first mention (title before text).
"""

from __future__ import annotations

from ..types import CompanyTag, Mention
from .matcher import CompanyMatcher, Hit, decide, default_matcher
from .unknown import UnknownMention, find_unknown

__all__ = ["tag_companies"]

_FIELD_ORDER = {"title": 0, "text": 1}


def tag_companies(title: str, text: str, *, language: str | None = None) -> list[CompanyTag]:
    """Companies mentioned in an article, each with every mention (exact offsets into ``title``/``text``).

    ``language`` is accepted for the orchestrator's interface; the rules are script-aware rather than
    language-specific, so a wrong language guess cannot hide a company.
    """
    fields = {"title": title or "", "text": text or ""}
    matcher = default_matcher()
    hits = decide(matcher, fields)
    tags: dict[str, tuple[tuple[int, int, int], CompanyTag]] = {}
    mentions: dict[str, list[Mention]] = {}
    for h in hits:
        entry = matcher.entries[h.entry]
        m = Mention(h.field, h.start, h.end, fields[h.field][h.start : h.end])  # type: ignore[arg-type]
        mentions.setdefault(entry.id, []).append(m)
        if entry.id not in tags:
            tag = CompanyTag(entry.id, entry.name, (), True, entry.wikidata, entry.country)
            tags[entry.id] = ((_FIELD_ORDER[h.field], h.start, 0), tag)
    known_spans = {(h.field, h.start, h.end) for h in hits}
    for u in _unknown(fields, known_spans, matcher):
        m = Mention(u.field, u.start, u.end, fields[u.field][u.start : u.end])  # type: ignore[arg-type]
        mentions.setdefault(u.id, []).append(m)
        if u.id not in tags:
            tags[u.id] = ((_FIELD_ORDER[u.field], u.start, 1), CompanyTag(u.id, u.name, (), known=False))
    out = []
    for _, tag in sorted(tags.values(), key=lambda kv: (kv[0], kv[1].id)):
        ms = tuple(sorted(set(mentions[tag.id]), key=lambda x: (_FIELD_ORDER[x.field], x.start, x.end)))
        out.append(CompanyTag(tag.id, tag.name, ms, tag.known, tag.wikidata, tag.country))
    return out


def _unknown(
    fields: dict[str, str], known_spans: set[tuple[str, int, int]], matcher: CompanyMatcher
) -> list[UnknownMention]:
    """Unknown candidates that overlap no known mention and whose name is not itself a catalog alias."""
    out = []
    by_field: dict[str, list[tuple[int, int]]] = {}
    for f, s, e in known_spans:
        by_field.setdefault(f, []).append((s, e))
    for field, text in fields.items():
        spans = by_field.get(field, [])
        for u in find_unknown(field, text):
            if any(u.start < e and s < u.end for s, e in spans):
                continue
            if _covers(matcher.hits(field, u.name), u.name):
                continue
            spans.append((u.start, u.end))
            out.append(u)
    return out


def _covers(hits: list[Hit], name: str) -> bool:
    return any(h.start == 0 and h.end == len(name) for h in hits)
