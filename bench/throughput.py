"""Throughput of the functional core: one process, one core, the whole ``enrich()`` per article.

Articles are the aeb pages: once as plain text (the labelled lines joined, boilerplate included, as a feed
would deliver them) and once as raw HTML. Figures: mean and p99 ms per article and articles per second.
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

from streams.enrich import enrich, warm_up

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


def _time(articles: list[dict[str, Any]], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for article in articles:
            start = time.perf_counter()
            enrich(article)
            times.append((time.perf_counter() - start) * 1000)
    return times


def run(rounds: int = 3) -> list[dict[str, Any]]:
    warm_up()
    text_articles, html_articles = _articles()
    rows = []
    for label, articles, r in (("plain text", text_articles, rounds), ("html", html_articles, 1)):
        times = sorted(_time(articles, r))
        mean = statistics.fmean(times)
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        size = statistics.fmean(len(a.get("body") or a.get("html")) for a in articles) / 1024
        rows.append({"metric": f"enrich() {label}, mean ms/article ({size:.0f} KB avg)", "value": round(mean, 3),
                     "peer": None, "peer_value": None, "target": None})
        rows.append({"metric": f"enrich() {label}, p99 ms/article", "value": round(p99, 3),
                     "peer": None, "peer_value": None, "target": None})
        rows.append({"metric": f"enrich() {label}, articles/s on one core", "value": round(1000 / mean),
                     "peer": None, "peer_value": None, "target": None})
    return rows


def main() -> None:
    for row in run():
        print(f"{row['metric']:<60} {row['value']}")


if __name__ == "__main__":
    main()
