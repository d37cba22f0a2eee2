"""The functional core: one raw article in, one enriched record out.

No Kafka, no Faust: the stream agent, the offline ``newsstream enrich`` command, the benchmarks and the
tests all call :func:`enrich` the same way. What the stream has learned (per-source boilerplate lines and
language habits) comes in as a plain :class:`SourceProfile`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from time import perf_counter
from typing import Any

from .boilerplate import clean_text
from .companies import tag_companies
from .html import clean_html
from .language import detect_language
from .types import EMPTY_PROFILE, CleanText, CompanyTag, LanguageGuess, Mention, SourceProfile
from .watchlist import EMPTY_WATCHLIST, WatchList

SCHEMA_VERSION = "1"

__all__ = [
    "EMPTY_PROFILE",
    "SCHEMA_VERSION",
    "CleanText",
    "CompanyTag",
    "LanguageGuess",
    "Mention",
    "SourceProfile",
    "WatchList",
    "enrich",
    "warm_up",
]


def enrich(
    article: Mapping[str, Any],
    profile: SourceProfile = EMPTY_PROFILE,
    *,
    now: datetime | None = None,
    timings: dict[str, float] | None = None,
    watchlist: WatchList = EMPTY_WATCHLIST,
) -> dict[str, Any]:
    """Enrich one validated raw article (see ``streams.records.validate_raw``).

    The returned dict carries the raw fields except ``html``, plus ``text``, ``language``,
    ``companies``, ``boilerplate``, ``processed_at`` and ``schema_version``. When ``timings`` is given it
    receives the seconds spent in each step (``boilerplate``, ``language``, ``companies``), so that the shell
    can export per-step latencies without the core knowing about metrics. ``watchlist`` holds the
    companies the users added to the catalog and the catalog ids they removed (live, from the stream).
    """
    title = article.get("title") or ""
    html = article.get("html")
    body = article.get("body")
    started = perf_counter()
    if body:
        cleaned = clean_text(body, profile=profile)
    else:
        cleaned = clean_html(html or "", url=article.get("url"), profile=profile)
    cleaned_at = perf_counter()
    title = title or cleaned.title or ""
    language = detect_language(title, cleaned.text, prior=profile.languages)
    detected_at = perf_counter()
    companies = tag_companies(title, cleaned.text, language=language.code)
    companies = watchlist.apply({"title": title, "text": cleaned.text}, list(companies))
    if timings is not None:
        timings["boilerplate"] = cleaned_at - started
        timings["language"] = detected_at - cleaned_at
        timings["companies"] = perf_counter() - detected_at

    record = {k: v for k, v in article.items() if k != "html"}
    if title and not article.get("title"):
        record["title"] = title
    record["text"] = cleaned.text
    record["language"] = _language_json(language)
    record["companies"] = [_company_json(c) for c in companies]
    record["boilerplate"] = {"removed": list(cleaned.removed)}
    record["processed_at"] = (now or datetime.now(UTC)).isoformat().replace("+00:00", "Z")
    record["schema_version"] = SCHEMA_VERSION
    return record


def warm_up() -> None:
    """Load the language profiles, the company catalog and the extractors before the first real article.

    They load lazily, once per process; doing it up front keeps that one-off cost out of the first
    article's time budget and latency.
    """
    enrich({"id": "warm-up", "title": "Toyota", "body": "Toyota and Gazprom signed a deal."})
    enrich({"id": "warm-up", "html": "<html><body><article><p>Warm-up page.</p></article></body></html>"})


def _language_json(guess: LanguageGuess) -> dict[str, Any]:
    return {
        "code": guess.code,
        "confidence": round(guess.confidence, 4),
        "candidates": [{"code": c, "confidence": round(p, 4)} for c, p in guess.candidates],
    }


def _company_json(tag: CompanyTag) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": tag.id,
        "name": tag.name,
        "known": tag.known,
        "mentions": [
            {"field": m.field, "start": m.start, "end": m.end, "surface": m.surface} for m in tag.mentions
        ],
    }
    if tag.wikidata:
        out["wikidata"] = tag.wikidata
    if tag.country:
        out["country"] = tag.country
    return out
