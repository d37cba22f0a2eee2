"""The operator's console over HTTP against a worker on the real broker, and as a person sees it in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path

import orjson
import pytest

from tests.conftest import KAFKA_SCRIPT, REPO, free_port
from tests.integration.kafka_helpers import StreamEnv, WorkerProcess, collect, produce, run

pytestmark = pytest.mark.kafka

SAMPLES = REPO / "samples"
ARTIFACTS = REPO / "artifacts"
HOSTILE_TITLE = '<img src=x onerror="alert(1)"></td><script>document.title="pwned"</script> Toyota & Gazprom'
BAD = [(b"bad-json", b"not json {"), (b"bad-type", b'{"id": "bad-type", "body": 12}')]


def get(url: str, *, accept: str | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_healthy(worker: WorkerProcess, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    last: tuple[int, bytes] = (0, b"")
    while time.monotonic() < deadline:
        assert worker.alive(), worker.log()[-3000:]
        try:
            status, _, body = get(worker.url + "/health")
            last = (status, body)
            if status == 200:
                return orjson.loads(body)
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"/health never answered 200: {last}\n{worker.log()[-3000:]}")


def wait_for(predicate, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}; last value: {value!r}")


def sample_articles() -> list[dict]:
    return [orjson.loads(line) for line in (SAMPLES / "articles.jsonl").read_bytes().splitlines() if line]


def feed(stream: StreamEnv) -> tuple[list[dict], int]:
    """Publish the samples, one hostile article and two bad messages; wait until all are out."""
    articles = sample_articles()
    hostile = {"id": "hostile-1", "source": "evil-wire", "title": HOSTILE_TITLE,
               "body": "Toyota and Gazprom signed a deal on Thursday, the companies said in Tokyo."}
    valid = [(a["id"].encode(), orjson.dumps(a)) for a in [*articles, hostile]]
    sent = run(produce(stream.bootstrap, stream.raw, valid + BAD))
    out = run(collect(stream.bootstrap, [stream.enriched, stream.dead_letter], until=sent, timeout=120))
    assert sum(map(len, out.values())) == sent
    return [*articles, hostile], sent


def stats(worker: WorkerProcess) -> dict:
    status, headers, body = get(worker.url + "/news/stats")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    return orjson.loads(body)


def test_console_endpoints_over_http(stream, start_worker) -> None:
    worker = start_worker()
    health = wait_healthy(worker)
    assert health["status"] == "ok" and health["problems"] == [] and health["worker"].endswith(f":{worker.web_port}")
    articles, sent = feed(stream)

    # The recorder is updated right after each publish: once every output is on the topics, the figures add up.
    doc = wait_for(lambda: (d := stats(worker))["this_worker"]["totals"]["enriched"] == len(articles) and d,
                   "the enriched count")
    mine = doc["this_worker"]
    assert mine["totals"] == {"in": sent, "enriched": len(articles), "dead": len(BAD)}
    assert mine["dead_by_error"] == {"not_json": 1, "invalid_field": 1}
    assert {"en", "ru", "de", "fr", "es", "zh"} <= set(mine["languages"])
    assert mine["per_minute"]["in"] == sent  # all of it within the last minute
    assert mine["latency_ms"]["samples"] == len(articles) and mine["latency_ms"]["p50"] > 0
    assert all(mine["steps_ms"][s]["samples"] == len(articles) for s in ("boilerplate", "language", "companies"))
    top = {c["id"]: c["articles"] for c in mine["top_companies"]}
    assert top["toyota"] >= 3 and "gazprom" in top
    assert {a["id"] for a in mine["latest"]} >= {"sample-en-001", "sample-ru-001", "hostile-1"}
    assert {d["error"] for d in mine["latest_dead"]} == {"not_json", "invalid_field"}
    assert all(d["reason"] for d in mine["latest_dead"])
    assert sum(b["in"] for b in mine["throughput"]) == sent
    lag_topics = {p["topic"] for p in mine["lag"]["partitions"]}
    assert lag_topics == {stream.raw, f"{stream.name}.by-source", f"{stream.name}.stories"}
    wait_for(lambda: stats(worker)["this_worker"]["lag"]["total"] == 0, "the consumer lag to reach 0")
    assert doc["healthy"] and doc["worker"] == health["worker"]

    # Cluster-wide counters through the GlobalTable: with one worker they equal this worker's.
    # The table is read back from its changelog: wait until every count has come round, then compare.
    expected = {"in": sent, "enriched": len(articles), "dead": len(BAD)}
    cluster = wait_for(lambda: (c := stats(worker)["cluster"]) and c["totals"] == expected and c,
                       "the cluster counters")
    assert cluster["totals"] == expected
    assert cluster["dead_by_error"] == {"invalid_field": 1, "not_json": 1}

    # One company: JSON on request, HTML otherwise, 404 for a company this worker never saw.
    status, _, body = get(worker.url + "/news/companies/toyota?format=json")
    toyota = orjson.loads(body)
    assert status == 200 and {"sample-en-001", "sample-ru-001", "hostile-1"} <= {a["id"] for a in toyota["articles"]}
    status, _, body = get(worker.url + "/news/companies/gazprom", accept="application/json")
    assert status == 200 and orjson.loads(body)["id"] == "gazprom"
    status, headers, body = get(worker.url + "/news/companies/toyota")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Toyota signs LNG supply deal with Gazprom" in page
    assert get(worker.url + "/news/companies/no-such-company")[0] == 404

    # The console page: figures server-rendered, hostile titles escaped, no external assets.
    status, headers, body = get(worker.url + "/news/")
    page = body.decode()
    assert status == 200 and "script-src 'nonce-" in headers["Content-Security-Policy"]
    assert "<img src=x" not in page and 'document.title="pwned"' not in page
    # shown as text twice: among the latest articles and as the title of its story (largest stories)
    assert unescape(re.sub(r"<[^>]+>", " ", page)).count(HOSTILE_TITLE) == 2
    assert not re.search(r"""\bsrc=["']?(https?:)?//""", page) and "<link" not in page  # no external assets
    assert 'href="https://news.example.com/business/toyota-gazprom-lng"' in page  # titles link to the article

    # Prometheus: Faust's sensors and the project's series in one exposition.
    status, headers, body = get(worker.url + "/metrics")
    metrics = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert re.search(r"^faust_messages_received_total \d", metrics, re.M)
    assert re.search(rf"^newsstream_articles_enriched_total {len(articles)}\.0$", metrics, re.M)
    assert re.search(rf"^newsstream_articles_received_total {sent}\.0$", metrics, re.M)
    assert 'newsstream_articles_dead_lettered_total{error="not_json"} 1.0' in metrics
    assert 'newsstream_articles_by_language_total{language="ru"} 1.0' in metrics
    assert re.search(rf"^newsstream_enrichment_latency_seconds_count {len(articles)}\.0$", metrics, re.M)
    for step in ("boilerplate", "language", "companies"):
        assert f'newsstream_enrichment_step_seconds_count{{step="{step}"}} {len(articles)}.0' in metrics

    # Faust's own pages still answer; nothing accepts a state change.
    assert get(worker.url + "/")[0] == 200
    assert get(worker.url + "/router/")[0] == 200
    assert get(worker.url + "/table/")[0] == 200
    for path in ("/news/", "/news/stats", "/health", "/news/companies/toyota"):
        assert get(worker.url + path, method="POST")[0] == 405
        assert get(worker.url + path, method="DELETE")[0] == 405


def second_worker_joins(stream: StreamEnv, start_worker, **env: str):
    """One worker handles the feed, a second joins; returns both once each has its own partitions of the
    source topics, with the feed's articles and message count."""
    first = start_worker(**env)
    wait_healthy(first)
    articles, sent = feed(stream)
    second = start_worker(**env)
    wait_healthy(second)
    wait_for(lambda: all(stats(w)["this_worker"]["lag"]["partitions"] for w in (first, second)), "both assigned",
             timeout=120)
    wait_healthy(first)
    return first, second, articles, sent


def wire_updates(prefix: str, count: int) -> list[tuple[bytes, bytes]]:
    return [(f"{prefix}-{i}".encode(), orjson.dumps({"id": f"{prefix}-{i}", "source": f"wire-{i % 5}",
                                                     "title": f"Gazprom and Toyota update {i}",
                                                     "body": f"Gazprom and Toyota gave update number {i} in Tokyo."}))
            for i in range(count)]


def copies_by_key(out: dict[str, list[tuple[bytes | None, dict]]]) -> tuple[int, list[bytes | None]]:
    """How many records came out, and the keys that came out more than once."""
    copies = Counter(key for records in out.values() for key, _ in records)
    return sum(copies.values()), [key for key, n in copies.items() if n > 1]


def test_counts_are_right_across_two_workers(stream, start_worker) -> None:
    first, second, articles, sent_before = second_worker_joins(stream, start_worker)
    more = wire_updates("more", 20)
    sent_after = run(produce(stream.bootstrap, stream.raw, more))
    out = run(collect(stream.bootstrap, [stream.enriched, stream.dead_letter], until=sent_before + sent_after))
    count, twice = copies_by_key(out)
    assert count == sent_before + sent_after, f"out more than once: {twice}"
    expected = {"in": sent_before + sent_after, "enriched": len(articles) + len(more), "dead": len(BAD)}

    seen: list = []

    def settled():
        docs = [stats(w) for w in (first, second)]
        seen[:] = [d["cluster"] and d["cluster"]["totals"] for d in docs]
        return all(d["cluster"] and d["cluster"]["totals"] == expected for d in docs) and docs

    try:
        docs = wait_for(settled, "both workers to show the cluster totals", timeout=60)
    except AssertionError as timeout:
        raise AssertionError(f"{timeout}; expected {expected}, cluster totals seen {seen}") from None
    mine = [d["this_worker"]["totals"] for d in docs]
    assert {k: mine[0][k] + mine[1][k] for k in expected} == expected  # each message counted by one worker
    assert mine[1]["in"] > 0, "the second worker consumed nothing"
    owned = [{(p["topic"], p["partition"]) for p in d["this_worker"]["lag"]["partitions"]} for d in docs]
    assert not owned[0] & owned[1]
    writers = {v["writer"] for v in docs[0]["cluster"]["partitions"].values()}
    assert {docs[0]["worker"], docs[1]["worker"]} <= writers


@pytest.fixture
def private_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Callable[[], None]]]:
    """A broker of this test's own, so that it can be stopped under a running worker."""
    env = {**os.environ, "KAFKA_PORT": str(free_port()), "KAFKA_CONTROLLER_PORT": str(free_port()),
           "KAFKA_DATA_DIR": str(tmp_path_factory.mktemp("kafka-private")), "KAFKA_HEAP_OPTS": "-Xms128m -Xmx512m"}
    started = subprocess.run([str(KAFKA_SCRIPT), "start"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        pytest.fail(f"could not start a private Kafka broker:\n{started.stderr}", pytrace=False)

    def stop() -> None:
        subprocess.run([str(KAFKA_SCRIPT), "stop"], env=env, capture_output=True, text=True)

    try:
        yield f"127.0.0.1:{env['KAFKA_PORT']}", stop
    finally:
        stop()


def test_a_worker_joining_handles_nothing_twice(stream, start_worker) -> None:
    """What the first worker handled since its last periodic commit is committed as it gives partitions up
    (streams/revoke_commit.py). The periodic commit is put out of reach, so only that commit can save it:
    without it every article of a partition came out three times."""
    _, second, _, sent_before = second_worker_joins(stream, start_worker, BROKER_COMMIT_INTERVAL="600")
    sent = sent_before + run(produce(stream.bootstrap, stream.raw, wire_updates("join", 10)))
    # every record that will come has come once the worker is quiet: read for 15 s beyond the expected count
    out = run(collect(stream.bootstrap, [stream.enriched, stream.dead_letter], until=sent + 1, timeout=15))
    count, twice = copies_by_key(out)
    assert twice == [] and count == sent
    assert stats(second)["this_worker"]["totals"]["in"] > 0, "the second worker consumed nothing"


def test_health_is_503_with_the_reason_when_the_broker_goes_away(private_broker, tmp_path: Path) -> None:
    bootstrap, stop_broker = private_broker
    worker = WorkerProcess(StreamEnv(bootstrap), tmp_path).start()
    try:
        wait_healthy(worker)
        stop_broker()

        def unhealthy():
            status, headers, body = get(worker.url + "/health")
            return status == 503 and (headers, orjson.loads(body))

        headers, report = wait_for(unhealthy, "/health to answer 503", timeout=90)
        assert headers["Content-Type"].startswith("application/json")
        assert report["status"] == "unavailable"
        assert any("broker" in problem for problem in report["problems"]), report
        assert stats(worker)["healthy"] is False
    finally:
        worker.stop()


@pytest.mark.browser
def test_console_as_a_person_sees_it(stream, start_worker) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("chromium is not installed: run `make chromium` (apt-get install chromium)", pytrace=False)
    worker = start_worker()
    wait_healthy(worker)
    articles, _ = feed(stream)
    wait_for(lambda: stats(worker)["this_worker"]["totals"]["enriched"] == len(articles), "the enriched count")

    with tempfile.TemporaryDirectory() as profile:
        flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}"]
        # 8 s of virtual time: the page has refreshed itself once (every 5 s) when the DOM is dumped.
        dom = subprocess.run([*flags, "--virtual-time-budget=8000", "--dump-dom", worker.url + "/news/"],
                             capture_output=True, text=True, timeout=120)
        assert dom.returncode == 0, dom.stderr[-2000:]
        ARTIFACTS.mkdir(exist_ok=True)
        screenshot = ARTIFACTS / f"web-console-{stream.name}.png"
        shot = subprocess.run([*flags, f"--screenshot={screenshot}", "--window-size=1280,1600", "--hide-scrollbars",
                               worker.url + "/news/"], capture_output=True, text=True, timeout=120)
        assert shot.returncode == 0 and screenshot.stat().st_size > 10_000, shot.stderr[-2000:]
    print(f"screenshot of /news/: {screenshot}")

    visible = unescape(re.sub(r"\s+", " ", re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", dom.stdout, flags=re.S)))
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom.stdout, re.S).group(1)
    for article in articles:
        assert article.get("title", article["id"]) in visible, article["id"]
    for company in ("Toyota", "Gazprom", "Volkswagen", "Renault"):
        assert company in visible
    assert re.search(rf"Enriched {len(articles)} ", visible), visible[:400]
    assert "healthy" in visible and "not_json" in visible and "invalid_field" in visible
    assert re.search(r'<span id="status"[^>]*>updated ', dom.stdout), "the page did not refresh itself"
