"""A second, independent client (librdkafka, through confluent-kafka) on both sides of a real worker.

Publishers in the wild compress with every codec, send keyless records and headers, and some are
transactional; consumers read the output topics with their own client and the JSON Schemas. The test
broker is shaped like a managed cluster: no auto-created topics, a 1 MB message limit (tests/conftest.py).
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest
from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource

from streams.records import DEAD_LETTER_SCHEMA, ENRICHED_SCHEMA, SCHEMA_DIR, original_bytes
from streams.source_routing import keyed_partition
from streams.tables import TABLE_NAME

pytestmark = pytest.mark.kafka

CODECS = ("gzip", "snappy", "lz4", "zstd")
VALIDATORS = {
    name: jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / name).read_text()))
    for name in (ENRICHED_SCHEMA, DEAD_LETTER_SCHEMA)
}


def article(article_id: str, source: str = "interop-wire") -> bytes:
    return orjson.dumps({
        "id": article_id, "url": f"https://news.example.com/{article_id}", "source": source,
        "title": f"Toyota and Gazprom sign deal {article_id}",
        "body": "Home | Business\nToyota Motor Corp has agreed to buy liquefied natural gas from Gazprom, "
                "the companies said on Tuesday.\nShare this article",
    })


def traceparent() -> bytes:
    return f"00-{uuid.uuid4().hex}-{uuid.uuid4().hex[:16]}-01".encode()


def producer(bootstrap: str, **config: Any) -> Producer:
    return Producer({"bootstrap.servers": bootstrap, "acks": "all", "enable.idempotence": True,
                     "linger.ms": 20, **config})


def deliver(p: Producer) -> None:
    remaining = p.flush(30)
    assert remaining == 0, f"{remaining} messages not delivered"


def consume(bootstrap: str, topics: list[str], *, until: int, timeout: float = 120.0,
            settle: float = 0.0) -> dict[str, list[Any]]:
    """Records of ``topics`` from the beginning, read by librdkafka, until ``until`` arrived (then ``settle`` s)."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "interop-" + uuid.uuid4().hex[:8],
                         "auto.offset.reset": "earliest", "enable.auto.commit": False,
                         "isolation.level": "read_committed"})
    consumer.subscribe(topics)
    out: dict[str, list[Any]] = {t: [] for t in topics}
    deadline = time.monotonic() + timeout
    settle_until = None
    try:
        while time.monotonic() < deadline:
            if settle_until is None and sum(map(len, out.values())) >= until:
                settle_until = time.monotonic() + settle
            if settle_until is not None and time.monotonic() >= settle_until:
                break
            message = consumer.poll(0.5)
            if message is None:
                continue
            assert message.error() is None, message.error()
            out[message.topic()].append(message)
    finally:
        consumer.close()
    return out


def valid(message: Any, schema: str) -> dict[str, Any]:
    record = orjson.loads(message.value())
    errors = sorted(VALIDATORS[schema].iter_errors(record), key=str)
    assert not errors, f"{schema}: {errors[0].message}"
    return record


def test_every_codec_keyed_and_keyless_with_headers_round_trips(stream, start_worker) -> None:
    worker = start_worker()
    asyncio.run(worker.ready())
    admin = AdminClient({"bootstrap.servers": stream.bootstrap})
    topics = admin.list_topics(timeout=10).topics
    for name in (stream.raw, stream.enriched, stream.dead_letter):  # made by the worker before any record
        assert name in topics and len(topics[name].partitions) == stream.partitions, name
    [described] = admin.describe_configs([ConfigResource(ConfigResource.Type.TOPIC, stream.dead_letter)]).values()
    assert int(described.result()["max.message.bytes"].value) > 1_048_588  # a 1.6 MB page's dead letter fits

    sent: dict[str, bytes] = {}  # article id (or bad key) -> its traceparent
    for codec in CODECS:
        p = producer(stream.bootstrap, **{"compression.type": codec})
        for i in range(4):
            article_id = f"{codec}-{i}"
            sent[article_id] = tp = traceparent()
            key = article_id.encode() if i % 2 == 0 else None  # keyless: the id comes from the payload
            p.produce(stream.raw, value=article(article_id), key=key,
                      headers=[("traceparent", tp), ("tracestate", b"vendor=1"), ("content-type", b"application/json")])
        sent[f"bad-{codec}"] = tp = traceparent()
        p.produce(stream.raw, value=b"{not json", key=f"bad-{codec}".encode(), headers=[("traceparent", tp)])
        deliver(p)

    out = consume(stream.bootstrap, [stream.enriched, stream.dead_letter], until=len(sent))
    enriched = {}
    for message in out[stream.enriched]:
        record = valid(message, ENRICHED_SCHEMA)
        enriched[record["id"]] = (record, dict(message.headers() or []))
    assert set(enriched) == {k for k in sent if not k.startswith("bad-")}
    for article_id, (record, headers) in enriched.items():
        assert headers["traceparent"] == sent[article_id], article_id
        assert headers["tracestate"] == b"vendor=1" and headers["content-type"] == b"application/json"
        assert headers["origin-topic"] == stream.raw.encode()
        assert {c["id"] for c in record["companies"]} >= {"toyota"}
    dead = {}
    for message in out[stream.dead_letter]:
        record = valid(message, DEAD_LETTER_SCHEMA)
        dead[record["key"]] = (record, dict(message.headers() or []))
    assert set(dead) == {k for k in sent if k.startswith("bad-")}
    for key, (record, headers) in dead.items():
        assert record["error"] == "not_json" and original_bytes(record) == b"{not json"
        assert headers["traceparent"] == sent[key]


def test_only_committed_transactions_are_enriched(stream, start_worker) -> None:
    worker = start_worker()
    asyncio.run(worker.ready())
    p = producer(stream.bootstrap, **{"transactional.id": "interop-" + uuid.uuid4().hex[:8]})
    p.init_transactions(30)
    for outcome, ids in (("commit", ["tx-ok-1", "tx-ok-2"]), ("abort", ["tx-aborted-1", "tx-aborted-2"]),
                         ("commit", ["tx-ok-3"])):
        p.begin_transaction()
        for article_id in ids:  # one partition, one source: the order is kept all the way through
            p.produce(stream.raw, value=article(article_id), key=article_id.encode(), partition=0)
        p.flush(30)
        (p.commit_transaction if outcome == "commit" else p.abort_transaction)(30)

    out = consume(stream.bootstrap, [stream.enriched, stream.dead_letter], until=3, settle=5.0)
    ids = [valid(m, ENRICHED_SCHEMA)["id"] for m in out[stream.enriched]]
    assert sorted(ids) == ["tx-ok-1", "tx-ok-2", "tx-ok-3"]
    assert out[stream.dead_letter] == []
    # raw[0]: tx-ok-1 0, tx-ok-2 1, marker 2, aborted 3-4, marker 5, tx-ok-3 6, marker 7. The group commits
    # across the markers and the aborted records (read twice before they count as read), up to tx-ok-3
    assert committed_offset(stream, stream.raw, 0, at_least=7) == 7


def committed_offset(stream: Any, topic: str, partition: int, *, at_least: int, timeout: float = 30.0) -> int:
    """The worker group's committed offset of one partition, once it reaches ``at_least`` (or the timeout)."""
    consumer = Consumer({"bootstrap.servers": stream.bootstrap, "group.id": stream.name})
    deadline, committed = time.monotonic() + timeout, -1
    try:
        while committed < at_least and time.monotonic() < deadline:
            committed = consumer.committed([TopicPartition(topic, partition)], timeout=10)[0].offset
            time.sleep(0.5)
    finally:
        consumer.close()
    return committed


def test_a_batch_the_worker_cannot_read_is_dead_lettered_and_every_other_partition_goes_on(
    stream, start_worker, tmp_path: Path
) -> None:
    hidden = tmp_path / "no-codecs"
    hidden.mkdir()
    (hidden / "cramjam.py").write_text('raise ImportError("cramjam hidden by the test")\n')
    worker = start_worker(PYTHONPATH=str(hidden), NEWSSTREAM_COMPRESSION="gzip")
    asyncio.run(worker.ready())

    lz4 = producer(stream.bootstrap, **{"compression.type": "lz4", "linger.ms": 200})
    for i in range(3):  # one lz4 batch on partition 0
        lz4.produce(stream.raw, value=article(f"lz4-{i}"), key=f"lz4-{i}".encode(), partition=0)
    deliver(lz4)
    plain = producer(stream.bootstrap, **{"compression.type": "gzip"})
    readable = [f"after-{i}" for i in range(6)]
    for i, article_id in enumerate(readable):  # partition 1 throughout, and partition 0 after the bad batch
        plain.produce(stream.raw, value=article(article_id), key=article_id.encode(), partition=i % 2)
    deliver(plain)

    out = consume(stream.bootstrap, [stream.enriched, stream.dead_letter], until=len(readable) + 1)
    assert sorted(valid(m, ENRICHED_SCHEMA)["id"] for m in out[stream.enriched]) == sorted(readable)
    [letter] = [valid(m, DEAD_LETTER_SCHEMA) for m in out[stream.dead_letter]]
    assert letter["error"] == "unreadable_batch" and letter["topic"] == stream.raw and letter["partition"] == 0
    assert (letter["offset"], letter["last_offset"]) == (0, 2)
    assert "lz4" in letter["reason"] and len(original_bytes(letter)) > 61  # the batch as stored
    assert worker.alive()

    with pytest.raises(urllib.error.HTTPError) as health:
        urllib.request.urlopen(f"{worker.url}/health", timeout=10)
    assert health.value.code == 503
    problems = json.loads(health.value.read())["problems"]
    assert any(f"{stream.raw}[0] at offsets 0-2" in p for p in problems), problems
    metrics = urllib.request.urlopen(f"{worker.url}/metrics", timeout=10).read().decode()
    assert f'newsstream_unreadable_batches_total{{topic="{stream.raw}"}} 1.0' in metrics

    # the group moves past the batch and what followed it
    assert committed_offset(stream, stream.raw, 0, at_least=6) == 6


def test_under_exactly_once_every_article_reaches_a_read_committed_consumer(stream, start_worker) -> None:
    # Each hop re-keys into another partition (raw[p] -> by-source[source], by-source -> the one stories
    # partition): with Faust's own routing those sends joined transactions of the destination partition that
    # never committed, so a read_committed consumer saw nothing (streams/transactions.py)
    worker = start_worker(NEWSSTREAM_PROCESSING_GUARANTEE="exactly_once")
    asyncio.run(worker.ready())
    p = producer(stream.bootstrap)
    ids = [f"eos-{i}" for i in range(8)]
    for i, article_id in enumerate(ids):
        p.produce(stream.raw, value=article(article_id, source=f"wire-{i % 3}"), key=article_id.encode(),
                  partition=i % stream.partitions)
    p.produce(stream.raw, value=b"{not json", key=b"eos-bad", partition=1)
    deliver(p)

    out = consume(stream.bootstrap, [stream.enriched, stream.dead_letter], until=len(ids) + 1, timeout=90)
    assert sorted(valid(m, ENRICHED_SCHEMA)["id"] for m in out[stream.enriched]) == sorted(ids)
    assert [valid(m, DEAD_LETTER_SCHEMA)["error"] for m in out[stream.dead_letter]] == ["not_json"]


def test_articles_keyed_by_source_are_enriched_without_the_by_source_hop(stream, start_worker) -> None:
    # A Java client (and librdkafka with murmur2_random) puts a record keyed by its source on the partition the
    # worker's by-source copy would go to: the worker enriches it where it was read (streams/source_routing.py)
    worker = start_worker()
    asyncio.run(worker.ready())
    p = producer(stream.bootstrap, partitioner="murmur2_random")
    sources = [f"keyed-{n}" for n in range(4)]
    ids = [f"ks-{i}" for i in range(12)]
    for i, article_id in enumerate(ids):
        source = sources[i % len(sources)]
        p.produce(stream.raw, value=article(article_id, source=source), key=source.encode())
    deliver(p)

    out = consume(stream.bootstrap, [stream.enriched], until=len(ids), timeout=90)
    assert sorted(valid(m, ENRICHED_SCHEMA)["id"] for m in out[stream.enriched]) == sorted(ids)
    watcher = Consumer({"bootstrap.servers": stream.bootstrap, "group.id": "interop-" + uuid.uuid4().hex[:8]})
    try:
        by_source = f"{stream.name}.by-source"
        marks = [watcher.get_watermark_offsets(TopicPartition(by_source, n), timeout=10)[1]
                 for n in range(stream.partitions)]
    finally:
        watcher.close()
    assert marks == [0] * stream.partitions, f"articles took the by-source hop: {marks}"

    # each source's counts are learned on its own partition of the profiles' changelog, as through the hop
    changelog = f"{stream.name}-{TABLE_NAME}-changelog"
    deadline, learned = time.monotonic() + 60, {}
    while time.monotonic() < deadline and learned != dict.fromkeys(sources, 3):
        for m in consume(stream.bootstrap, [changelog], until=len(sources), timeout=10, settle=1.0)[changelog]:
            source = orjson.loads(m.key())
            assert m.partition() == keyed_partition(source.encode(), stream.partitions), source
            learned[source] = orjson.loads(m.value())["articles"]
    assert learned == dict.fromkeys(sources, 3)
