"""The project's Prometheus series, next to Faust's own sensors in one registry per app.

A fresh :class:`CollectorRegistry` (not prometheus_client's process-global one) keeps two apps in one
process, e.g. in tests, from colliding on metric names. Counts here are this worker's: Prometheus sums
them across workers (``sum by (error) (rate(newsstream_articles_dead_lettered_total[5m]))``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram

#: Seconds; enrichment of one article is milliseconds to a few seconds (the time budget is 5 s by default).
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
STEP_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class ProjectMetrics:
    """Counters and histograms the agents feed through :class:`streams.web.telemetry.Telemetry`."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.received = Counter("newsstream_articles_received", "Raw messages taken from the raw topic.", registry=r)
        self.enriched = Counter("newsstream_articles_enriched", "Enriched records published.", registry=r)
        self.dead_lettered = Counter(
            "newsstream_articles_dead_lettered", "Dead letters published, by error code.", ["error"], registry=r
        )
        self.languages = Counter(
            "newsstream_articles_by_language", "Enriched records by detected language.", ["language"], registry=r
        )
        self.unreadable = Counter(
            "newsstream_unreadable_batches", "Record batches the consumer could not unpack (each dead-lettered "
            "as one message), by topic.", ["topic"], registry=r,
        )
        self.latency = Histogram(
            "newsstream_enrichment_latency_seconds",
            "Time in the enrich agent per article: decode, source profile, enrichment, publish.",
            buckets=LATENCY_BUCKETS, registry=r,
        )
        self.steps = Histogram(
            "newsstream_enrichment_step_seconds", "Time per step of the functional core.", ["step"],
            buckets=STEP_BUCKETS, registry=r,
        )
        # labelled children by label value: ``labels()`` validates and locks on every call (profiled at
        # about 1% of a loaded worker's time, four calls per article)
        self._children: dict[tuple[str, str], Any] = {}

    def observe_received(self, count: int = 1) -> None:
        self.received.inc(count)

    def observe_enriched(self, language: str, seconds: float | None, steps: Mapping[str, float] | None) -> None:
        self.enriched.inc()
        self._child(self.languages, "language", language).inc()
        self._observe_time(seconds, steps)

    def observe_dead(self, error: str, seconds: float | None, steps: Mapping[str, float] | None) -> None:
        self._child(self.dead_lettered, "error", error).inc()
        self._observe_time(seconds, steps)

    def _observe_time(self, seconds: float | None, steps: Mapping[str, float] | None) -> None:
        if seconds is not None:
            self.latency.observe(seconds)
        for step, value in (steps or {}).items():
            self._child(self.steps, "step", step).observe(value)

    def _child(self, metric: Any, label: str, value: str) -> Any:
        key = (label, value)  # each label name belongs to one metric here
        child = self._children.get(key)
        if child is None:
            child = self._children[key] = metric.labels(**{label: value})
        return child
