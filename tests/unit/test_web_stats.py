"""The console's figures: the per-worker recorder, the cluster counters and the HTML built from them."""

from __future__ import annotations

import re

from streams.web import render
from streams.web.counters import PartitionCounters, aggregate
from streams.web.stats import Limits, StatsRecorder, percentile
from streams.web.worker import partition_lag


class FakeClock:
    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def enriched_record(article_id: str, language: str = "en", companies: tuple[str, ...] = (), title: str = "") -> dict:
    return {
        "id": article_id, "title": title or f"Title {article_id}", "source": "wire",
        "language": {"code": language, "confidence": 0.99, "candidates": []},
        "companies": [{"id": c, "name": c.title(), "known": True, "mentions": []} for c in companies],
        "processed_at": "2026-11-26T07:30:01.123456Z",
    }


def dead_letter(error: str, reason: str = "why") -> dict:
    return {"error": error, "reason": reason, "article_id": "a-1", "key": "a-1", "topic": "news.raw",
            "partition": 2, "offset": 41, "failed_at": "2026-11-26T07:31:00Z", "original": "x" * 10_000}


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([3.0], 0.99) == 3.0
    assert percentile([], 0.5) is None


def test_totals_per_minute_and_languages() -> None:
    clock = FakeClock()
    stats = StatsRecorder(clock=clock)
    for i in range(5):
        stats.received()
        stats.enriched(enriched_record(f"a{i}", "ru" if i % 2 else "en"), seconds=0.01 * (i + 1))
    stats.received()
    stats.dead_lettered(dead_letter("not_json"))
    clock.now += 120  # two minutes later: totals stay, the last minute is empty
    stats.received()
    snap = stats.snapshot()
    assert snap["totals"] == {"in": 7, "enriched": 5, "dead": 1}
    assert snap["per_minute"] == {"in": 1, "enriched": 0, "dead": 0}
    assert snap["languages"] == {"en": 3, "ru": 2}
    assert snap["dead_by_error"] == {"not_json": 1}
    assert snap["latency_ms"] == {"samples": 5, "p50": 30.0, "p99": 50.0}


def test_step_timings_kept_per_step() -> None:
    stats = StatsRecorder(clock=FakeClock())
    stats.enriched(enriched_record("a"), seconds=0.2, steps={"language": 0.002, "companies": 0.004, "other": 1.0})
    steps = stats.snapshot()["steps_ms"]
    assert steps["language"] == {"samples": 1, "p50": 2.0, "p99": 2.0}
    assert steps["companies"]["p50"] == 4.0
    assert steps["boilerplate"]["samples"] == 0 and "other" not in steps


def test_throughput_series_covers_the_window_with_empty_buckets() -> None:
    clock = FakeClock(10_000.0)
    stats = StatsRecorder(clock=clock, limits=Limits(bucket_s=10, chart_buckets=6))
    stats.received()
    clock.now += 25
    stats.received()
    stats.enriched(enriched_record("a"))
    series = stats.throughput()
    assert len(series) == 6
    assert [b["in"] for b in series] == [0, 0, 0, 1, 0, 1]
    assert series[-1]["enriched"] == 1 and series[-1]["t"] == 10_020
    clock.now += 600  # everything ages out of the window and is pruned
    assert sum(b["in"] for b in stats.snapshot()["throughput"]) == 0
    assert not stats._buckets


def test_top_companies_only_count_the_last_hour() -> None:
    clock = FakeClock(3600 * 100)
    stats = StatsRecorder(clock=clock)
    stats.enriched(enriched_record("old", companies=("gazprom",)))
    clock.now += 1800
    stats.enriched(enriched_record("a", companies=("toyota", "gazprom")))
    stats.enriched(enriched_record("b", companies=("toyota",)))
    assert [(c["id"], c["articles"]) for c in stats.top_companies()] == [("gazprom", 2), ("toyota", 2)]
    clock.now += 1900  # the first article is now more than an hour old
    assert [(c["id"], c["articles"]) for c in stats.snapshot()["top_companies"]] == [("toyota", 2), ("gazprom", 1)]


def test_latest_lists_are_bounded_and_newest_first() -> None:
    stats = StatsRecorder(clock=FakeClock(), limits=Limits(latest=3, per_company=2, companies=2))
    for i in range(5):
        stats.enriched(enriched_record(f"a{i}", companies=(f"c{i % 3}",)))
        stats.dead_lettered(dead_letter("timeout", reason="r" * 1000))
    snap = stats.snapshot()
    assert [a["id"] for a in snap["latest"]] == ["a4", "a3", "a2"]
    assert len(snap["latest_dead"]) == 3
    assert len(snap["latest_dead"][0]["reason"]) == 300 and "original" not in snap["latest_dead"][0]
    assert stats.company_articles("c2") is None  # least recently mentioned company dropped (cap of 2)
    assert [a["id"] for a in stats.company_articles("c1")["articles"]] == ["a4"]
    assert stats.company_articles("c0")["name"] == "C0"


def test_per_company_lists_keep_the_latest_articles() -> None:
    stats = StatsRecorder(clock=FakeClock(), limits=Limits(per_company=2))
    for i in range(4):
        stats.enriched(enriched_record(f"a{i}", companies=("toyota",)))
    assert [a["id"] for a in stats.company_articles("toyota")["articles"]] == ["a3", "a2"]


def test_partition_counters_have_one_writer_per_key_and_sum_up() -> None:
    table: dict = {}
    a = PartitionCounters(table, "host-a")
    b = PartitionCounters(table, "host-b")
    a.received(0)
    a.received(0)
    a.outcome("intake", 0, {"error": "not_json"}, dead=True)
    a.outcome("enrich", 0, {"language": "en"}, dead=False)
    b.received(1)
    b.outcome("enrich", 1, {"language": "ru"}, dead=False)
    b.outcome("enrich", 1, {"error": "timeout"}, dead=True)
    cluster = aggregate(table.items())
    assert cluster["totals"] == {"in": 3, "enriched": 2, "dead": 2}
    assert cluster["languages"] == {"en": 1, "ru": 1}
    assert cluster["dead_by_error"] == {"not_json": 1, "timeout": 1}
    assert cluster["partitions"]["enrich/1"]["writer"] == "host-b"


def test_partition_counters_ignore_stale_echoes_until_ownership_changes() -> None:
    table: dict = {}
    owner = PartitionCounters(table, "host-a")
    for _ in range(3):
        owner.received(0)
    table["intake/0"] = {"in": 1}  # an older copy of its own write coming back through the changelog
    owner.received(0)
    assert table["intake/0"]["in"] == 4
    successor = PartitionCounters(table, "host-b")  # after a rebalance, the new owner seeds from the table
    successor.received(0)
    assert table["intake/0"]["in"] == 5 and table["intake/0"]["writer"] == "host-b"
    table["intake/0"] = "damaged"
    successor.forget_ownership()
    successor.received(0)
    assert table["intake/0"]["in"] == 6  # its own last count survives a damaged entry


def test_partition_counters_survive_a_rebalance_that_gives_the_key_back() -> None:
    table: dict = {}
    owner = PartitionCounters(table, "host-a")
    for _ in range(10):
        owner.received(0)
    table["intake/0"] = {"in": 7}  # the table's copy still lags behind the owner's own writes
    owner.forget_ownership()  # every rebalance revokes everything, then assigns
    owner.received(0)
    assert table["intake/0"]["in"] == 11
    table["intake/0"] = {"in": 20, "dead": 2, "dead_by_error": {"timeout": 2}}  # another owner counted since
    owner.forget_ownership()
    owner.outcome("intake", 0, {"error": "timeout"}, dead=True)
    assert table["intake/0"]["in"] == 20 and table["intake/0"]["dead_by_error"] == {"timeout": 3}


HOSTILE = '<img src=x onerror="alert(1)"></td><script>alert(2)</script>'


def stats_document(recorder: StatsRecorder) -> dict:
    worker = recorder.snapshot()
    worker["lag"] = {"total": 3, "partitions": [
        {"topic": "news.raw", "partition": 0, "end_offset": 10, "position": 7, "lag": 3}]}
    return {"app_id": "newsstream", "worker": "host/1:6066", "generated_at": "2026-11-26T07:31:00Z",
            "healthy": True, "problems": [], "this_worker": worker,
            "cluster": aggregate([("enrich/0", {"in": 0, "enriched": 9, "dead": 1, "languages": {"en": 9}})])}


def test_console_page_shows_the_figures_and_escapes_hostile_input() -> None:
    recorder = StatsRecorder(clock=FakeClock())
    recorder.received()
    recorder.enriched(enriched_record(HOSTILE, companies=(HOSTILE, "toyota"), title=HOSTILE), seconds=0.05)
    recorder.dead_lettered(dead_letter("not_json", reason=HOSTILE))
    page = render.console_page(stats_document(recorder), nonce="n0nce")
    assert "<script>alert" not in page and "<img" not in page
    assert page.count("<script") == 1 and "<script nonce=\"n0nce\">" in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert 'href="/news/companies/toyota"' in page
    assert "/news/companies/%3Cimg%20src%3Dx" in page  # ids are URL-quoted in links
    assert "<svg class=\"chart\"" in page and "http://" not in page.replace("http://www.w3.org", "")
    text = re.sub(r"<[^>]+>", " ", page)
    assert "Toyota" in text and "not_json" in text and "news.raw" in text


def test_company_page_lists_its_articles() -> None:
    recorder = StatsRecorder(clock=FakeClock())
    recorder.enriched(enriched_record("a1", companies=("gazprom",), title="Gazprom ships LNG"))
    company = recorder.company_articles("gazprom")
    page = render.company_page(company, {"worker": "w", "healthy": False, "problems": ["broker down"]}, nonce="x")
    assert "Gazprom ships LNG" in page and "unhealthy: broker down" in page


def test_titles_link_only_to_http_urls() -> None:
    recorder = StatsRecorder(clock=FakeClock())
    for i, url in enumerate(["https://news.example.com/a?x=1&y=2", "javascript:alert(1)", "JaVaScRiPt:x",
                             "data:text/html,<b>", "https://evil.example/\" onmouseover=\"x"]):
        recorder.enriched({**enriched_record(f"u{i}", title=f"T{i}"), "url": url})
    page = render.console_page(stats_document(recorder), nonce="n")
    assert 'href="https://news.example.com/a?x=1&amp;y=2"' in page
    assert "javascript:" not in page.lower() and "data:text" not in page
    assert 'onmouseover="' not in page


def test_partition_lag_from_offsets() -> None:
    assert partition_lag("t", 0, end=10, read=6, committed=5).lag == 3  # read offset 6: next is 7
    assert partition_lag("t", 0, end=10, read=None, committed=10).lag == 0  # committed = next offset
    assert partition_lag("t", 0, end=10, read=None, committed=None).lag == 10
    unknown = partition_lag("t", 1, end=None, read=3, committed=None)
    assert unknown.lag is None and unknown.position == 4
