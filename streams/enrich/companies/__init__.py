"""Company tagging: one-way stages, each reading only what the stages before it produced.

1. :mod:`.scan` — catalog candidates and cue words, from one Aho-Corasick pass per field;
2. :mod:`.confirm` — evidence and decision: which catalog hits are companies here (:mod:`.evidence`);
3. :mod:`.candidates` — unknown names, read around the cue words (legal forms, roles, descriptors, sources);
   :mod:`.caseless` — names in scripts without capitals, closed by a company word and a legal form;
   :mod:`.exchanges` — stock exchanges named by a place and the language's word for one, in any case;
4. :mod:`.arbitrate` — overlaps between the two, in near-linear time;
5. :mod:`.link` — one id per company across scripts and spellings;
6. :mod:`.assemble` — :class:`~streams.enrich.types.CompanyTag` records.
Vocabulary lives in :mod:`.cues`; keys shared with the catalog build in :mod:`.keys`. The catalog and the
automaton are built lazily on the first call and kept for the process.
"""

from __future__ import annotations

from ..types import CompanyTag
from .arbitrate import arbitrate
from .assemble import assemble
from .candidates import find_cjk, find_cyrillic, find_greek, find_indonesian, find_portuguese, find_unknown
from .caseless import find_caseless
from .confirm import decide
from .exchanges import find_exchanges
from .link import link
from .scan import CompanyMatcher, default_matcher
from .textnorm import has_cjk, is_cyrillic

__all__ = ["tag_companies"]


def tag_companies(title: str, text: str, *, language: str | None = None) -> list[CompanyTag]:
    """Companies mentioned in an article, each with every mention (exact offsets into ``title``/``text``).

    ``language`` (ISO 639-1, as detected) switches off the given-name rule in languages that capitalise
    every noun ("die Tochter Skoda") and switches on the Portuguese article rule ("A Petrobras assinou"); every
    other rule is script-aware rather than language-specific, so a wrong language guess cannot hide a company.
    """
    fields = {"title": title or "", "text": text or ""}
    matcher = default_matcher()
    scanned = {f: matcher.scan(f, t, language) for f, t in fields.items()}
    raw = [h for found, _ in scanned.values() for h in found]
    hits = decide(matcher, fields, {f: found for f, (found, _) in scanned.items()}, language)
    unknown = [u for f, t in fields.items() for u in find_unknown(f, t, scanned[f][1])]
    unknown += [u for f, t in fields.items() if has_cjk(t) for u in find_cjk(f, t)]
    unknown += [u for f, t in fields.items() if is_cyrillic(t) for u in find_cyrillic(f, t)]
    unknown += [u for f, t in fields.items() for u in find_exchanges(f, t, scanned[f][1], matcher.catalog.places)]
    unknown += [u for f, t in fields.items() for u in find_caseless(f, t, language)]
    if language == "pt":
        unknown += [u for f, t in fields.items() for u in find_portuguese(f, t)]
    if language == "el":
        unknown += [u for f, t in fields.items() for u in find_greek(f, t)]
    if language in ("id", "ms"):
        unknown += [u for f, t in fields.items() for u in find_indonesian(f, t)]
    hits, unknown = arbitrate(fields, hits, unknown, raw, lambda f, name: _is_catalog_name(matcher, f, name),
                              matcher.catalog.places)
    return assemble(fields, link(matcher, hits, unknown))


def _is_catalog_name(matcher: CompanyMatcher, field: str, name: str) -> bool:
    return any(h.start == 0 and h.end == len(name) for h in matcher.hits(field, name))
