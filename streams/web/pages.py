"""The operator's console on Faust's web server: ``/news/``, ``/news/stats``, ``/news/companies/{id}``,
``/health`` and ``/metrics``.

Every view answers GET (and HEAD) only: nothing here lets a visitor change the worker's state. Faust's own
pages (``/router/``, ``/table/``, and its statistics when enabled) are left as they are.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from faust import web
from faust.sensors.prometheus import setup_prometheus_sensors

from ..app import SOURCE_TOPICS, app, cfg, watchlist
from . import render
from .cluster import ClusterCounters, counters_table
from .telemetry import telemetry, worker_identity
from .worker import BrokerProbe, consumer_lag, consuming_problem

# Faust's sensors and the project's series in the registry telemetry already feeds (one per app/process);
# the prefix is fixed so that dashboards do not depend on the app id.
setup_prometheus_sensors(app, pattern="/metrics", registry=telemetry.metrics.registry, name_prefix="faust")
telemetry.cluster = ClusterCounters(app, counters_table(app))
broker_probe = BrokerProbe()


def _headers(nonce: str | None = None) -> dict[str, str]:
    policy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; connect-src 'self'; " \
             "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    if nonce:
        policy += f"; script-src 'nonce-{nonce}'"
    return {"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


async def health_problems() -> list[str]:
    """Why this worker is not healthy (empty when it is consuming and the broker answers)."""
    problems = []
    consuming = consuming_problem(app, SOURCE_TOPICS)
    if consuming:
        problems.append(consuming)
    broker = await broker_probe.check(app)
    if broker:
        problems.append(broker)
    for batch in telemetry.recorder.unreadable_since(cfg.unreadable_alert_s):
        problems.append(
            f"unreadable record batch on {batch['topic']}[{batch['partition']}] at offsets {batch['first_offset']}-"
            f"{batch['last_offset']} ({batch['reason']}), dead-lettered"[:300]
        )
    return problems


async def stats_document() -> dict[str, Any]:
    """The ``/news/stats`` document (fields described in the README's "Web view" section)."""
    problems = await health_problems()
    worker = telemetry.recorder.snapshot()
    try:
        partitions = [p.asdict() for p in await consumer_lag(app, SOURCE_TOPICS)]
    except Exception:  # no consumer yet (starting) or mid-rebalance
        partitions = []
    worker["lag"] = {"total": sum(p["lag"] or 0 for p in partitions), "partitions": partitions}
    return {
        "app_id": cfg.app_id,
        "worker": worker_identity(app.conf.web_port),
        "generated_at": _now(),
        "healthy": not problems,
        "problems": problems,
        "this_worker": worker,
        "cluster": telemetry.cluster.snapshot() if telemetry.cluster is not None else None,
        "watchlist": list(watchlist.recent),
    }


async def _header_stats() -> dict[str, Any]:
    """What a detail page's header shows: who answered, when, and whether the worker is healthy."""
    problems = await health_problems()
    return {"app_id": cfg.app_id, "worker": worker_identity(app.conf.web_port), "generated_at": _now(),
            "healthy": not problems, "problems": problems}


async def _detail(
    view: web.View, request: web.Request, found: dict[str, Any] | None, empty: dict[str, Any],
    render_page: Callable[..., str],
) -> web.Response:
    """A detail page (a company's or a story's articles): 404 with ``empty`` when this worker has not seen
    it; JSON when asked for, else HTML."""
    item, status = found or empty, 200 if found else 404
    if wants_json(request):
        return view.json({**item, "worker": worker_identity(app.conf.web_port)}, status=status, headers=_headers())
    nonce = secrets.token_urlsafe(16)
    return view.html(render_page(item, await _header_stats(), nonce=nonce), status=status, headers=_headers(nonce))


def wants_json(request: web.Request) -> bool:
    if request.query.get("format") == "json":
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


@app.page("/news/")
class Console(web.View):
    """The console a person reads at a glance; refreshes itself."""

    async def get(self, request: web.Request) -> web.Response:
        nonce = secrets.token_urlsafe(16)
        return self.html(render.console_page(await stats_document(), nonce=nonce), headers=_headers(nonce))


@app.page("/news")
class ConsoleNoSlash(Console):
    """``/news`` serves the same page as ``/news/``."""


@app.page("/news/stats")
class Stats(web.View):
    """The console's figures as JSON."""

    async def get(self, request: web.Request) -> web.Response:
        return self.json(await stats_document(), headers=_headers())


@app.page("/news/companies/{company_id}")
class Company(web.View):
    """The latest articles that mention one company (HTML, or JSON with ``?format=json`` / Accept)."""

    async def get(self, request: web.Request, company_id: str) -> web.Response:
        found = telemetry.recorder.company_articles(company_id)
        empty = {"id": company_id, "name": company_id, "articles": []}
        return await _detail(self, request, found, empty, render.company_page)


@app.page("/news/stories/{story_id}")
class StoryView(web.View):
    """One story's articles as this worker decided them (HTML, or JSON with ``?format=json`` / Accept)."""

    async def get(self, request: web.Request, story_id: str) -> web.Response:
        found = telemetry.recorder.story_articles(story_id)
        empty = {"id": story_id, "title": story_id, "copies": 0, "sources": [], "articles": []}
        return await _detail(self, request, found, empty, render.story_page)


@app.page("/health")
class Health(web.View):
    """200 when the worker is consuming and the broker answers; 503 with the reasons otherwise."""

    async def get(self, request: web.Request) -> web.Response:
        problems = await health_problems()
        body = {"status": "unavailable" if problems else "ok", "problems": problems,
                "worker": worker_identity(app.conf.web_port), "checked_at": _now()}
        return self.json(body, status=503 if problems else 200, headers=_headers())
