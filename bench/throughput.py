"""Throughput of the functional core: one process, one core, the whole ``enrich()`` per article.

Articles are the aeb pages: once as plain text (the labelled lines joined, boilerplate included, as a feed
would deliver them) and once as raw HTML. Figures: mean and p99 ms per article and articles per second, on a
cold pass (the core's per-line, class-name and word caches emptied first, as in a new worker meeting new
sources) and on a warm pass over the same articles (a source's template lines coming back).
The stream adds Kafka I/O and JSON (de)serialisation on top; the worker's own figures are on its web view.

Run: ``.venv/bin/python -m bench.throughput`` from the repository root.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from bench.table import print_rows
from streams.enrich import boilerplate, enrich, html_container, language, warm_up

SHARED = Path(os.environ.get("NEWSSTREAM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
AEB = SHARED / "aeb"


def _articles() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    text_articles = []
    with (AEB / "plaintext-lines.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            body = "\n".join(item["text"] for item in doc["lines"])
            text_articles.append({"id": doc["id"], "url": doc["url"], "source": "bench", "body": body})
    html_articles = [
        {"id": path.name.split(".")[0], "html": gzip.decompress(path.read_bytes()).decode("utf-8", "replace")}
        for path in sorted((AEB / "html").glob("*.html.gz"))
    ]
    return text_articles, html_articles


def _clear_caches() -> None:
    boilerplate._parse_text.cache_clear()
    boilerplate.line_fingerprint.cache_clear()
    html_container._is_furniture_name.cache_clear()
    language.forget_cached_words()


def _time(articles: list[dict[str, Any]]) -> list[float]:
    times = []
    for article in articles:
        start = time.perf_counter()
        enrich(article)
        times.append((time.perf_counter() - start) * 1000)
    return times


def run() -> list[dict[str, Any]]:
    warm_up()
    text_articles, html_articles = _articles()
    rows = []
    for label, articles in (("plain text", text_articles), ("html", html_articles)):
        _clear_caches()
        cold = _time(articles)
        warm = _time(articles)
        rows += _rows(f"{label}, cold", articles, cold) + _rows(f"{label}, warm", articles, warm)
    return rows


def _rows(label: str, articles: list[dict[str, Any]], times: list[float]) -> list[dict[str, Any]]:
    times = sorted(times)
    mean = statistics.fmean(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    size = statistics.fmean(len(a.get("body") or a.get("html")) for a in articles) / 1024
    figures = [(f"mean ms/article ({size:.0f} KB avg)", round(mean, 3)), ("p99 ms/article", round(p99, 3)),
               ("articles/s on one core", round(1000 / mean))]
    return [{"metric": f"enrich() {label}, {name}", "value": value, "peer": None, "peer_value": None, "target": None}
            for name, value in figures]


def main() -> None:
    print_rows(run())

if __name__ == "__main__":
    main()
