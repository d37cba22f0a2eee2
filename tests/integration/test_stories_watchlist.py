"""Two workers on the real broker: copies through different sources and partitions share one story, and a
watch-list addition tags the next articles on every worker within seconds, without a restart."""

from __future__ import annotations

import asyncio
import subprocess
import time
import urllib.error
import urllib.request

import orjson
import pytest

from streams import records
from tests.integration.kafka_helpers import NEWSSTREAM, StreamEnv, collect, produce, run

pytestmark = pytest.mark.kafka

FAST_FAILOVER = {"BROKER_SESSION_TIMEOUT": "10", "BROKER_HEARTBEAT_INTERVAL": "1"}
WIRE = [
    "FRANKFURT (Reuters) - A regional airline said on Tuesday it would buy twelve new turboprop aircraft to "
    "replace its ageing fleet, in an order worth about 300 million euros at list prices.",
    "The order is the largest in the company's forty-year history, its chief executive told reporters.",
    "Deliveries are due to start next spring, and the first routes to get the new planes link the islands "
    "to the mainland hubs.",
    "Unions welcomed the decision but warned that pilots' working hours must not rise with the schedule.",
    "Analysts said the carrier could finance the purchase from its cash reserves without new capital.",
]
ZORVIK = ("Zorvik Robotics, a Kazan-based maker of warehouse robots, raised new funding on Monday. "
          "Zorvik said it would double its staff.")


def article(article_id: str, source: str, paragraphs: list[str], title: str) -> tuple[bytes, bytes]:
    body = "\n".join(["Home | World | Business", "Share this article", *paragraphs, "Read more from our desk"])
    return article_id.encode(), orjson.dumps({"id": article_id, "source": source, "title": title, "body": body})


def companies_cli(stream: StreamEnv, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSSTREAM, "companies", *args], env=stream.env(), capture_output=True, timeout=60)


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


async def both_ready(*workers) -> None:
    await asyncio.gather(*(w.ready() for w in workers))


def http_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, orjson.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, orjson.loads(error.read() or b"{}")


def enriched_by_id(stream: StreamEnv, count: int) -> dict[str, dict]:
    out = run(collect(stream.bootstrap, [stream.enriched], until=count, timeout=180))
    return {value["id"]: value for _, value in out[stream.enriched]}


def test_copies_share_a_story_and_the_watchlist_reaches_every_worker(stream, start_worker) -> None:
    first, second = start_worker(**FAST_FAILOVER), start_worker(**FAST_FAILOVER)
    run(both_ready(first, second))
    messages = [
        article("wire-1", "wire", WIRE, "Airline orders twelve turboprops"),
        article("copy-a", "outlet-a", WIRE[:3], "Regional carrier buys new planes"),  # trimmed
        article("copy-b", "outlet-b", [WIRE[0], *WIRE[2:]], "Twelve new aircraft for island routes"),  # edited
        article("other-1", "outlet-a", ["The city council voted to close the old harbour bridge to cars from "
                                        "next month while repairs are made, the mayor said on Tuesday.",
                                        "Cyclists and pedestrians will still be able to cross the bridge."],
                "Harbour bridge to close"),
    ]
    run(produce(stream.bootstrap, stream.raw, messages))
    got = enriched_by_id(stream, len(messages))
    story = {i: r["story"] for i, r in got.items()}
    assert story["copy-a"]["id"] == story["copy-b"]["id"] == story["wire-1"]["id"], story
    assert story["other-1"]["id"] not in {story["wire-1"]["id"]}
    originals = [i for i in ("wire-1", "copy-a", "copy-b") if story[i]["duplicate_of"] is None]
    assert len(originals) == 1  # the first copy decided, whichever partition it came through
    assert all(story[i]["duplicate_of"] == originals[0] for i in ("wire-1", "copy-a", "copy-b") if i != originals[0])
    for record in got.values():
        records.validate_enriched(record)
    story_id = story["wire-1"]["id"]
    pages = {w.url: http_json(f"{w.url}/news/stories/{story_id}?format=json") for w in (first, second)}
    found = [body for status, body in pages.values() if status == 200]
    assert len(found) == 1, pages  # the worker that owns the stories partition decided it; the other says 404
    assert {a["id"] for a in found[0]["articles"]} == {"wire-1", "copy-a", "copy-b"} and found[0]["copies"] == 3
    assert sorted(found[0]["sources"]) == ["outlet-a", "outlet-b", "wire"]

    added = companies_cli(stream, "add", "zorvik", "--name", "Zorvik Robotics", "--alias", "Zorvik",
                          "--alias", "Зорвик", "--country", "RU")
    assert added.returncode == 0, added.stderr.decode()
    added_at = time.monotonic()
    # Articles on many sources until both workers have tagged one (each worker's own page says so).
    sent, n = 0, 0
    while time.monotonic() - added_at < 10:
        batch = [article(f"z-{n}-{i}", f"source-{i}", [ZORVIK], "Robots") for i in range(8)]
        run(produce(stream.bootstrap, stream.raw, batch))
        sent, n = sent + len(batch), n + 1
        if all(http_status(f"{w.url}/news/companies/zorvik?format=json") == 200 for w in (first, second)):
            break
        time.sleep(1)
    seen = {w.url: http_status(f"{w.url}/news/companies/zorvik?format=json") for w in (first, second)}
    assert set(seen.values()) == {200}, f"not every worker tagged the addition within 10 s: {seen}"
    tagged = run(collect(stream.bootstrap, [stream.mentions], until=1, timeout=60))[stream.mentions]
    assert tagged and all(key == b"zorvik" or key for key, _ in tagged)

    removed = companies_cli(stream, "remove", "zorvik")
    assert removed.returncode == 0, removed.stderr.decode()
    listed = companies_cli(stream, "list", "--added")
    assert listed.returncode == 0 and b"zorvik" not in listed.stdout
    everything = companies_cli(stream, "list")  # the bundled catalog with the changes
    assert everything.returncode == 0, everything.stderr.decode()
    rows = {line.split("\t")[0]: line.split("\t")[2] for line in everything.stdout.decode().splitlines()}
    assert rows["toyota"] == "catalog" and rows["zorvik"] == "removed"
    bad = companies_cli(stream, "add", "acme", "--name", "Acme", "--alias", "A")
    assert bad.returncode == 1 and b"shorter than 2" in bad.stderr
