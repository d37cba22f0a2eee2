"""The agents' routing, without a broker (Faust's test_context): bad input and failing enrichment become
dead letters and the agent keeps going."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
from aiokafka import TopicPartition
from aiokafka.partitioner import DefaultPartitioner

from streams import agents, pipeline, records
from streams import app as app_module
from streams.pipeline import Outcome
from streams.source_profiles import SourceProfiles
from streams.source_routing import SourceRouting, keyed_partition
from streams.watchlist_feed import WatchListFeed


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list]]:
    app = app_module.app  # its store is memory:// already: no broker, no disk
    app.finalize()
    app.flow_control.resume()
    out: dict[str, list] = {"published": [], "by_source": [], "headers": []}

    async def publish(outcome: Outcome, headers: list) -> None:
        out["published"].append(outcome)
        out["headers"].append(headers)

    async def send_by_source(**kwargs: object) -> None:
        out["by_source"].append(kwargs)

    monkeypatch.setattr(agents, "publish", publish)
    monkeypatch.setattr(app_module.by_source_topic, "send", send_by_source)
    monkeypatch.setattr(agents, "profiles", SourceProfiles({}, write_through=True))
    feed = WatchListFeed()
    feed.caught_up = True  # an empty companies topic, read
    monkeypatch.setattr(agents, "watchlist", feed)
    yield out


async def test_intake_forwards_valid_articles_by_source_and_dead_letters_bad_ones(sent) -> None:
    good = orjson.dumps({"id": "a1", "source": "wire", "body": "Text of the article."})
    async with agents.intake.test_context() as agent:
        await agent.put(b"not json", key=b"k1")
        await agent.put(good, key=b"a1")
    [dead] = sent["published"]
    assert dead.dead and dead.record["error"] == "not_json" and dead.key == b"k1"
    [forwarded] = sent["by_source"]
    assert forwarded["key"] == b"wire" and forwarded["value"] == good
    assert dict(forwarded["headers"])["origin-key"] == b"a1"


TRACE = [("traceparent", b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), ("tracestate", b"v=1"),
         ("content-type", b"application/json"), ("x-dup", b"1"), ("x-dup", b"2"), ("x-null", None)]


async def test_publisher_headers_travel_with_the_article_and_its_dead_letter(sent) -> None:
    good = orjson.dumps({"id": "h1", "source": "wire", "body": "Toyota said its profit rose."})
    spoofed = [*TRACE, ("origin-topic", b"elsewhere")]  # the stream's own names are not a publisher's to set
    async with agents.intake.test_context() as agent:
        await agent.put(b"not json", key=b"k1", headers=spoofed)
        await agent.put(good, key=b"h1", headers=spoofed)
    [forwarded] = sent["by_source"]
    assert forwarded["headers"][: len(TRACE)] == TRACE
    assert dict(forwarded["headers"])["origin-topic"] != b"elsewhere"
    [dead_headers] = sent["headers"]
    assert dead_headers[: len(TRACE)] == TRACE and ("origin-topic", b"elsewhere") not in dead_headers
    async with agents.enrich.test_context() as agent:
        await agent.put(good, key=b"wire", headers=forwarded["headers"])
    enriched, headers = sent["published"][-1], sent["headers"][-1]
    assert not enriched.dead
    assert headers == forwarded["headers"]  # the publisher's, then the raw message's origin


async def test_an_unreadable_batch_is_one_dead_letter_with_its_bytes_and_range(sent) -> None:
    from streams import unreadable

    batch_bytes = bytes(range(256)) * 3
    marker = [(unreadable.REASON_HEADER, b"UnsupportedCodecError: Libraries for lz4 compression codec not found"),
              (unreadable.OFFSETS_HEADER, b"40-49")]
    fine = orjson.dumps({"id": "after", "source": "wire", "body": "Toyota said its profit rose."})
    async with agents.intake.test_context() as agent:
        await agent.put(batch_bytes, headers=marker)
        await agent.put(fine, key=b"after")
    [dead] = sent["published"]
    letter = dead.record
    assert letter["error"] == "unreadable_batch" and (letter["offset"], letter["last_offset"]) == (40, 49)
    assert "lz4" in letter["reason"] and "40-49" in letter["reason"]
    assert letter["original_encoding"] == "base64" and records.original_bytes(letter) == batch_bytes
    records.validator(records.DEAD_LETTER_SCHEMA)(letter)
    assert [f["key"] for f in sent["by_source"]] == [b"wire"]  # the partition went on
    [batch] = agents.telemetry.recorder.unreadable_since(60)
    assert (batch["first_offset"], batch["last_offset"]) == (40, 49)


async def test_enrichment_that_raises_is_dead_lettered_and_the_agent_goes_on(sent, monkeypatch) -> None:
    real_enrich = pipeline.enrich

    def flaky_enrich(article, profile, **kwargs):
        if article["id"] == "boom":
            raise RuntimeError("core bug")
        return real_enrich(article, profile, **kwargs)

    monkeypatch.setattr(pipeline, "enrich", flaky_enrich)
    headers = {"origin-topic": b"news.raw", "origin-partition": b"3", "origin-offset": b"17", "origin-key": b"boom"}
    boom = orjson.dumps({"id": "boom", "source": "wire", "body": "This one breaks the core."})
    fine = orjson.dumps({"id": "fine", "source": "wire", "body": "Toyota said its profit rose."})
    async with agents.enrich.test_context() as agent:
        await agent.put(boom, key=b"wire", headers=headers)
        await agent.put(fine, key=b"wire")
    first, second = sent["published"]
    assert first.dead and first.record["error"] == "enrichment_failed"
    assert "RuntimeError: core bug" in first.record["reason"]
    assert (first.record["topic"], first.record["partition"], first.record["offset"]) == ("news.raw", 3, 17)
    assert first.key == b"boom" and first.record["original"] == boom.decode()
    assert not second.dead and second.key == b"fine" and second.record["language"]["code"] == "en"


async def test_enrich_agent_learns_per_source(sent) -> None:
    async with agents.enrich.test_context() as agent:
        for i in range(3):
            body = f"Story number {i} about markets.\nShare this"
            await agent.put(orjson.dumps({"id": f"s{i}", "source": "wire", "body": body}), key=b"wire")
    table = agents.profiles.table
    assert table["wire"]["articles"] == 3
    assert table["wire"]["languages"].get("en", 0) >= 1


def source_on(partition: int, partitions: int) -> str:
    """A source name whose key the default partitioner sends to ``partition``."""
    return next(f"site-{n}" for n in range(1000) if keyed_partition(f"site-{n}".encode(), partitions) == partition)


async def test_intake_enriches_an_article_already_on_its_sources_partition_of_this_worker(sent, monkeypatch) -> None:
    routing = SourceRouting(app_module.cfg.topic_by_source)
    owned = [TopicPartition(app_module.cfg.topic_by_source, 0), TopicPartition(app_module.cfg.topic_raw, 0)]
    routing.assigned(owned, partitions=4)
    monkeypatch.setattr(agents, "routing", routing)
    here, elsewhere = source_on(0, routing.partitions), source_on(1, routing.partitions)
    async with agents.intake.test_context() as agent:  # its events are read from partition 0
        for n, source in enumerate([here, elsewhere, here]):
            await agent.put(orjson.dumps({"id": f"r{n}", "source": source, "body": "Toyota said its profit rose."}),
                            key=f"r{n}".encode(), partition=0)
    assert [f["key"] for f in sent["by_source"]] == [elsewhere.encode()]
    enriched = [o for o in sent["published"] if not o.dead]
    assert [o.key for o in enriched] == [b"r0", b"r2"]
    assert enriched[0].record["companies"][0]["id"] == "toyota"
    assert dict(sent["headers"][0])["origin-key"] == b"r0"  # where it was read, as the hop would have said
    assert agents.profiles.table[here]["articles"] == 2  # learned on the source's own partition

    routing.revoked()  # a rebalance: until the new assignment, every article takes the hop
    async with agents.intake.test_context() as agent:
        await agent.put(orjson.dumps({"id": "r3", "source": here, "body": "Text."}), key=b"r3", partition=0)
    assert [f["key"] for f in sent["by_source"]] == [elsewhere.encode(), here.encode()]


def test_keyed_partition_is_the_default_partitioners() -> None:
    default = DefaultPartitioner()
    for n in range(200):
        key = f"source-{n}".encode()
        assert keyed_partition(key, 4) == default(key, [0, 1, 2, 3], [0, 1, 2, 3])
    owned = [TopicPartition("t.by-source", n) for n in range(4)]
    routing = SourceRouting("t.by-source")
    routing.assigned(owned, partitions=4)
    assert routing.enrich_here(b"x", keyed_partition(b"x", 4))
    routing.assigned(owned, partitions=None)  # the metadata did not say: take the hop
    assert not routing.enrich_here(b"x", keyed_partition(b"x", 4))
    disabled = SourceRouting("t.by-source", enabled=False)  # exactly_once
    disabled.assigned(owned, partitions=4)
    assert not disabled.enrich_here(b"x", keyed_partition(b"x", 4))
