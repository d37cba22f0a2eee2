"""What one worker has seen, kept in bounded memory for the operator's console.

Plain Python (no Faust, no Kafka, no clock of its own: time comes in through ``clock``), so that the
figures the web view shows can be tested exactly. Everything here is this worker's view; cluster-wide
counters live in :mod:`streams.web.cluster`.

Memory is bounded whatever the stream does: counts per time bucket are kept for a fixed window, latencies
in a fixed-size reservoir of the most recent samples, lists of latest articles in fixed-length deques, and
per-company article lists for a capped number of companies (least recently mentioned dropped first).
"""

from __future__ import annotations

import math
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: Steps the functional core reports timings for (see ``streams.enrich.enrich(timings=...)``).
STEPS = ("boilerplate", "language", "companies")

#: Longest reason kept for a dead letter on the page (the full one is on the dead-letter topic).
REASON_CHARS = 300


@dataclass(frozen=True)
class Limits:
    """How much history the recorder keeps; the defaults suit a console that refreshes every few seconds."""

    bucket_s: int = 10  # width of one throughput bucket
    chart_buckets: int = 180  # 30 minutes of 10 s buckets
    company_window_s: int = 3600  # "top companies in the last hour"
    latency_samples: int = 2048  # most recent latencies kept for percentiles
    latest: int = 20  # latest enriched articles / dead letters
    per_company: int = 20  # latest articles kept per company
    companies: int = 5000  # companies with a latest-articles list
    stories: int = 2000  # stories with an article list ("largest stories of the last hour")
    per_story: int = 50  # articles listed per story
    story_window_s: int = 3600


def percentile(values: Iterable[float], fraction: float) -> float | None:
    """Nearest-rank percentile (None without samples): an observed value, never an interpolation."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = math.ceil(round(fraction * len(ordered), 9))  # rounded first: 0.99 * 100 is 99.00000000000001
    return ordered[min(max(rank, 1), len(ordered)) - 1]


def article_summary(record: Mapping[str, Any]) -> dict[str, Any]:
    """The few fields of an enriched record a person scans for; the record itself is on the topic."""
    language = record.get("language") or {}
    return {
        "id": str(record.get("id") or ""),
        "title": str(record.get("title") or "")[:500],
        "source": record.get("source"),
        "url": record.get("url"),
        "language": language.get("code") if isinstance(language, Mapping) else None,
        "companies": [
            {"id": str(c.get("id")), "name": str(c.get("name") or c.get("id")), "known": bool(c.get("known", True))}
            for c in record.get("companies") or []
            if isinstance(c, Mapping) and c.get("id")
        ],
        "processed_at": record.get("processed_at"),
    }


def dead_letter_summary(letter: Mapping[str, Any]) -> dict[str, Any]:
    """Why a message was dead-lettered and where to find the original."""
    return {
        "error": str(letter.get("error") or "unknown"),
        "reason": str(letter.get("reason") or "")[:REASON_CHARS],
        "article_id": letter.get("article_id"),
        "key": letter.get("key"),
        "topic": letter.get("topic"),
        "partition": letter.get("partition"),
        "offset": letter.get("offset"),
        "failed_at": letter.get("failed_at"),
    }


class StatsRecorder:
    """Counts, rates, latencies and latest items for one worker, as the agents report outcomes."""

    def __init__(self, *, limits: Limits | None = None, clock: Callable[[], float] = time.time) -> None:
        self.limits = limits or Limits()
        self.clock = clock
        self.started_at = clock()
        self.received_total = 0
        self.enriched_total = 0
        self.dead_total = 0
        self.dead_by_error: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self._buckets: dict[int, list[int]] = {}  # bucket index -> [in, enriched, dead]
        self._company_minutes: dict[int, Counter[str]] = {}  # minute index -> company id -> articles
        self._company_names: dict[str, str] = {}
        self._latencies: deque[float] = deque(maxlen=self.limits.latency_samples)
        self._steps: dict[str, deque[float]] = {s: deque(maxlen=self.limits.latency_samples) for s in STEPS}
        self._latest: deque[dict[str, Any]] = deque(maxlen=self.limits.latest)
        self._latest_dead: deque[dict[str, Any]] = deque(maxlen=self.limits.latest)
        self._by_company: OrderedDict[str, deque[dict[str, Any]]] = OrderedDict()
        self._unreadable: deque[dict[str, Any]] = deque(maxlen=self.limits.latest)
        self._stories: OrderedDict[str, dict[str, Any]] = OrderedDict()  # story id -> summary, least recent first

    # -- recording (one call per outcome) -------------------------------------------------------------------

    def received(self, count: int = 1) -> None:
        """Raw messages taken from the raw topic."""
        self.received_total += count
        self._bucket()[0] += count

    def enriched(
        self, record: Mapping[str, Any], *, seconds: float | None = None, steps: Mapping[str, float] | None = None
    ) -> dict[str, Any]:
        """One enriched record published; returns the summary kept for the page."""
        self.enriched_total += 1
        self._bucket()[1] += 1
        summary = article_summary(record)
        self.languages[summary["language"] or "und"] += 1
        self._observe(seconds, steps)
        self._latest.appendleft(summary)
        minute = self._company_counter()
        for company in summary["companies"]:
            minute[company["id"]] += 1
            self._company_names[company["id"]] = company["name"]
            articles = self._by_company.get(company["id"])
            if articles is None:
                articles = self._by_company[company["id"]] = deque(maxlen=self.limits.per_company)
            self._by_company.move_to_end(company["id"])
            articles.appendleft(summary)
        while len(self._by_company) > self.limits.companies:
            self._by_company.popitem(last=False)
        return summary

    def dead_lettered(
        self, letter: Mapping[str, Any], *, seconds: float | None = None, steps: Mapping[str, float] | None = None
    ) -> dict[str, Any]:
        """One dead letter published (by either agent); returns the summary kept for the page."""
        self.dead_total += 1
        self._bucket()[2] += 1
        summary = dead_letter_summary(letter)
        self.dead_by_error[summary["error"]] += 1
        self._observe(seconds, steps)
        self._latest_dead.appendleft(summary)
        return summary

    def unreadable(self, topic: str, partition: int, first_offset: int, last_offset: int, reason: str) -> None:
        """A record batch the consumer could not unpack (it was dead-lettered as one message)."""
        self._unreadable.appendleft({"topic": topic, "partition": partition, "first_offset": first_offset,
                                     "last_offset": last_offset, "reason": reason, "at": self.clock()})

    def story(self, record: Mapping[str, Any]) -> None:
        """An enriched record left the story decision (on the worker that owns the stories partition)."""
        story = record.get("story")
        if not story:
            return
        now = self.clock()
        entry = self._stories.get(story["id"])
        if entry is None:
            entry = self._stories[story["id"]] = {"id": story["id"], "title": record.get("title") or "",
                                                  "first_seen": now, "copies": 0, "sources": [], "articles": []}
        self._stories.move_to_end(story["id"])
        entry["copies"] += 1
        entry["last_seen"] = now
        source = record.get("source")
        if source and source not in entry["sources"]:
            entry["sources"].append(source)
        if len(entry["articles"]) < self.limits.per_story:
            entry["articles"].append({**article_summary(record), "duplicate_of": story.get("duplicate_of"),
                                      "similarity": story.get("similarity")})
        while len(self._stories) > self.limits.stories:
            self._stories.popitem(last=False)

    # -- reading ----------------------------------------------------------------------------------------------

    def largest_stories(self, limit: int = 10, *, now: float | None = None) -> list[dict[str, Any]]:
        """Stories seen in the story window with the most copies (one copy = one article)."""
        now = self.clock() if now is None else now
        recent = [s for s in self._stories.values() if s["last_seen"] >= now - self.limits.story_window_s]
        recent.sort(key=lambda s: (-s["copies"], -s["last_seen"]))
        return [{"id": s["id"], "title": s["title"], "copies": s["copies"], "sources": list(s["sources"]),
                 "first_seen": s["first_seen"]} for s in recent[:limit]]

    def story_articles(self, story_id: str) -> dict[str, Any] | None:
        """A story's articles as this worker decided them (None if it did not see the story)."""
        entry = self._stories.get(story_id)
        if entry is None:
            return None
        return {"id": entry["id"], "title": entry["title"], "copies": entry["copies"],
                "sources": list(entry["sources"]), "articles": list(entry["articles"])}

    def unreadable_since(self, seconds: float) -> list[dict[str, Any]]:
        """The unreadable batches of the last ``seconds``, newest first."""
        since = self.clock() - seconds
        return [batch for batch in self._unreadable if batch["at"] >= since]

    def snapshot(self) -> dict[str, Any]:
        """Every figure of this worker, JSON-ready (the ``worker`` part of ``/news/stats``)."""
        now = self.clock()
        self._prune(now)
        last_minute = self._window_counts(now, 60)
        return {
            "uptime_s": round(now - self.started_at, 1),
            "totals": {"in": self.received_total, "enriched": self.enriched_total, "dead": self.dead_total},
            "per_minute": {"in": last_minute[0], "enriched": last_minute[1], "dead": last_minute[2]},
            "latency_ms": self._latency_ms(self._latencies),
            "steps_ms": {step: self._latency_ms(samples) for step, samples in self._steps.items()},
            "languages": dict(self.languages.most_common()),
            "dead_by_error": dict(self.dead_by_error.most_common()),
            "top_companies": self.top_companies(now=now),
            "throughput": self.throughput(now=now),
            "latest": list(self._latest),
            "latest_dead": list(self._latest_dead),
            "unreadable_batches": list(self._unreadable),
            "largest_stories": self.largest_stories(now=now),
        }

    def top_companies(self, limit: int = 10, *, now: float | None = None) -> list[dict[str, Any]]:
        """Companies by number of articles that mention them within the company window."""
        now = self.clock() if now is None else now
        oldest = self._minute(now) - self.limits.company_window_s // 60 + 1
        totals: Counter[str] = Counter()
        for minute, counts in self._company_minutes.items():
            if minute >= oldest:
                totals.update(counts)
        return [
            {"id": cid, "name": self._company_names.get(cid, cid), "articles": n}
            for cid, n in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:limit]
        ]

    def throughput(self, *, now: float | None = None) -> list[dict[str, Any]]:
        """Counts per bucket over the chart window, oldest first, empty buckets included."""
        now = self.clock() if now is None else now
        size = self.limits.bucket_s
        current = int(now // size)
        series = []
        for index in range(current - self.limits.chart_buckets + 1, current + 1):
            counts = self._buckets.get(index, (0, 0, 0))
            series.append({"t": index * size, "in": counts[0], "enriched": counts[1], "dead": counts[2]})
        return series

    def company_articles(self, company_id: str) -> dict[str, Any] | None:
        """The latest articles this worker enriched that mention ``company_id`` (None if it saw none)."""
        articles = self._by_company.get(company_id)
        if articles is None:
            return None
        return {"id": company_id, "name": self._company_names.get(company_id, company_id), "articles": list(articles)}

    # -- internals --------------------------------------------------------------------------------------------

    def _observe(self, seconds: float | None, steps: Mapping[str, float] | None) -> None:
        if seconds is not None:
            self._latencies.append(seconds)
        for step, value in (steps or {}).items():
            if step in self._steps:
                self._steps[step].append(value)

    @staticmethod
    def _latency_ms(samples: Iterable[float]) -> dict[str, Any]:
        values = list(samples)
        p50, p99 = percentile(values, 0.50), percentile(values, 0.99)
        return {
            "samples": len(values),
            "p50": None if p50 is None else round(p50 * 1000, 3),
            "p99": None if p99 is None else round(p99 * 1000, 3),
        }

    def _bucket(self) -> list[int]:
        now = self.clock()
        index = int(now // self.limits.bucket_s)
        bucket = self._buckets.get(index)
        if bucket is None:
            self._prune(now)
            bucket = self._buckets[index] = [0, 0, 0]
        return bucket

    def _minute(self, now: float) -> int:
        return int(now // 60)

    def _company_counter(self) -> Counter[str]:
        minute = self._minute(self.clock())
        counts = self._company_minutes.get(minute)
        if counts is None:
            counts = self._company_minutes[minute] = Counter()
        return counts

    def _window_counts(self, now: float, seconds: int) -> tuple[int, int, int]:
        """Counts over the last ``seconds``, to bucket precision (the current, partial bucket included)."""
        current = int(now // self.limits.bucket_s)
        first = current - max(1, seconds // self.limits.bucket_s) + 1
        totals = [0, 0, 0]
        for index, counts in self._buckets.items():
            if first <= index <= current:
                for i in range(3):
                    totals[i] += counts[i]
        return totals[0], totals[1], totals[2]

    def _prune(self, now: float) -> None:
        oldest_bucket = int(now // self.limits.bucket_s) - self.limits.chart_buckets
        for index in [i for i in self._buckets if i <= oldest_bucket]:
            del self._buckets[index]
        oldest_minute = self._minute(now) - self.limits.company_window_s // 60
        for minute in [m for m in self._company_minutes if m <= oldest_minute]:
            del self._company_minutes[minute]
        if len(self._company_names) > len(self._by_company):
            wanted = set(self._by_company).union(*self._company_minutes.values())
            self._company_names = {cid: name for cid, name in self._company_names.items() if cid in wanted}
