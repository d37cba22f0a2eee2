"""Secrets stay out of logs and web pages, and no web page changes state.

A worker is started with a SASL password in its environment (PLAINTEXT, so that it runs against the test
broker), and another with SASL_PLAINTEXT/SCRAM-SHA-512 that fails its handshake against the same broker:
neither's log nor any page contains the password. Every route of Faust's built-in pages and the project's
pages is then tried with POST, PUT, PATCH and DELETE: none succeeds, and the table is unchanged.
"""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request

import pytest

from streams.tables import TABLE_NAME as PROFILES_TABLE
from tests.faults import corpus
from tests.faults.control import create_raw_topic
from tests.faults.ledger import Reader, report
from tests.integration.kafka_helpers import produce, run

pytestmark = [pytest.mark.faults, pytest.mark.kafka]

PASSWORD = "s3cret-Sasl-Pa55word-do-not-log"
TABLE = f"/table/{PROFILES_TABLE}/"
ROUTES = ["/", "/router/", f"/router/{PROFILES_TABLE}/", "/table/", TABLE,
          "/stats/", "/assignment/", "/graph/", "/metrics", "/health", "/news/", "/news/stats"]


def fetch(url: str, method: str = "GET") -> tuple[int, bytes]:
    request = urllib.request.Request(url, method=method, data=b"{}" if method != "GET" else None)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_no_secret_in_logs_or_pages_and_no_page_changes_state(stream, start_worker) -> None:
    worker = start_worker(KAFKA_SASL_PASSWORD=PASSWORD, KAFKA_SASL_USERNAME="newsstream")
    messages = corpus.articles(40, prefix="sec", bad_every=0)

    async def fill() -> None:
        await create_raw_topic(stream)
        await worker.ready()
        await produce(stream.bootstrap, stream.raw, [(m.key, m.value) for m in messages])
        await Reader(stream.bootstrap, stream.enriched, stream.dead_letter).run_until(
            {m.key for m in messages}, timeout=300, settle=2)

    run(fill())
    exposed, refused = {}, {}
    table_before = fetch(worker.url + TABLE)
    for _ in range(10):  # learned profiles are written when the worker commits (every few seconds)
        time.sleep(3.5)
        table_before, previous = fetch(worker.url + TABLE), table_before
        if table_before == previous:
            break
    for route in ROUTES:
        status, body = fetch(worker.url + route)
        exposed[route] = status
        assert PASSWORD.encode() not in body, route
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            status, _ = fetch(worker.url + route, method)
            refused[f"{method} {route}"] = status
            assert not 200 <= status < 400, f"{method} {route} answered {status}"
    assert fetch(worker.url + TABLE) == table_before
    assert PASSWORD not in worker.log()

    scram = start_worker("scram", KAFKA_SECURITY_PROTOCOL="SASL_PLAINTEXT", KAFKA_SASL_MECHANISM="SCRAM-SHA-512",
                         KAFKA_SASL_USERNAME="newsstream", KAFKA_SASL_PASSWORD=PASSWORD)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and scram.alive():
        asyncio.run(asyncio.sleep(0.5))
    scram.kill()
    assert PASSWORD not in scram.log()
    assert "SASL" in scram.log() or "sasl" in scram.log().lower() or "Connection" in scram.log(), scram.log()[-2000:]
    report({"fault": "security: web routes and logs", "get_status": exposed,
            "write_methods_refused": sorted(set(refused.values()))})
