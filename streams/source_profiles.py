"""What the stream learns per ``source``, kept in a Faust table so every worker shares it.

The table lives on the partitions of the by-source topic (articles are re-keyed by source before
enrichment), so all the counts of one source are owned by one worker at a time and recovered from the
table's changelog after a restart. Keys are ``"<source>\\x1f<line fingerprint>"`` -> number of the source's
articles containing that line, and ``"<source>\\x1f#meta"`` -> ``{"articles": n, "languages": {code: n}}``.
One key per line keeps each changelog message tiny; only short lines (boilerplate candidates, as chosen by
``boilerplate.line_fingerprints``) are counted.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

from .enrich import EMPTY_PROFILE, SourceProfile

SEP = "\x1f"
META = "#meta"


def read_profile(table: MutableMapping[str, Any], source: str | None, fingerprints: Iterable[str]) -> SourceProfile:
    """The profile of ``source`` restricted to the lines of the article at hand."""
    if not source:
        return EMPTY_PROFILE
    meta = table.get(source + SEP + META) or {}
    counts = {}
    for fp in fingerprints:
        n = table.get(source + SEP + fp)
        if n:
            counts[fp] = n
    return SourceProfile(
        articles=int(meta.get("articles", 0)), line_counts=counts, languages=dict(meta.get("languages", {}))
    )


def record_article(
    table: MutableMapping[str, Any], source: str | None, fingerprints: Iterable[str], language: str | None
) -> None:
    """Count one more article of ``source``: its lines and its language."""
    if not source:
        return
    for fp in fingerprints:
        key = source + SEP + fp
        table[key] = (table.get(key) or 0) + 1
    meta_key = source + SEP + META
    meta = dict(table.get(meta_key) or {})
    languages = dict(meta.get("languages", {}))
    if language and language != "und":
        languages[language] = languages.get(language, 0) + 1
    meta["articles"] = int(meta.get("articles", 0)) + 1
    meta["languages"] = languages
    table[meta_key] = meta
