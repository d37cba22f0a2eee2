"""The stream: raw article in, enriched record or dead letter out.

Three short agents, all at concurrency 1 (faust-streaming can commit past in-flight messages with more;
scale by partitions and workers instead):

``intake``   news.raw -> decode and validate; bad input -> news.dead-letter; good -> news.by-source, re-keyed
             by source (the original bytes, with where they came from in the headers), so that one worker
             owns all of a source's learned state. An article already on its source's partition of this
             worker is enriched here instead, as ``enrich`` would (streams/source_routing.py).
``enrich``   news.by-source -> the functional core with the source's profile and the live watch-list ->
             news.stories (keyed by article id) or news.dead-letter.
``stories``  news.stories (one partition: every article meets every earlier one) -> the story decision ->
             news.enriched (keyed by article id, so a redelivery overwrites) and one record per company
             mentioned on news.mentions (keyed by company id).

Everything produced for a raw message carries the publisher's headers (trace context included) and where
the message was read (``headers``). A record batch the consumer could not unpack arrives as one stand-in
message (``unreadable``) and leaves as one dead letter; the partition goes on.
"""

from __future__ import annotations

import logging
import time
from time import perf_counter
from typing import Any

from . import pipeline, records, stale_acks
from .app import (
    app,
    by_source_topic,
    cfg,
    dead_letter_topic,
    enriched_topic,
    mentions_topic,
    profiles,
    raw_topic,
    routing,
    stories,
    stories_topic,
    watchlist,
)
from .enrich import warm_up
from .headers import Headers, read_origin, with_origin
from .pipeline import Origin, Outcome
from .unreadable import unreadable
from .web.telemetry import telemetry

logger = logging.getLogger(__name__)


async def publish(outcome: Outcome, headers: Headers) -> None:
    """A dead letter to its topic; an enriched record on to the story decision."""
    topic = dead_letter_topic if outcome.dead else stories_topic
    await topic.send(key=outcome.key, value=outcome.value, headers=headers)


def unreadable_batch(message: Any) -> Outcome | None:
    """The dead letter for a stand-in of a batch the consumer could not unpack, or None for a real message."""
    batch = unreadable(message.headers)
    if batch is None:
        return None
    logger.error(
        "unreadable record batch on %s[%d] at offsets %d-%d (%d bytes): %s; dead-lettered as one message, the "
        "partition goes on", message.topic, message.partition, batch.first_offset, batch.last_offset,
        len(message.value or b""), batch.reason,
    )
    telemetry.unreadable(message.topic, message.partition, batch.first_offset, batch.last_offset, batch.reason)
    origin = Origin(message.topic, message.partition, batch.first_offset)
    return pipeline.unreadable_batch(message.value, origin, batch.reason, last_offset=batch.last_offset)


async def ready_to_enrich() -> None:
    """Warm the core up (a second call costs two small articles) and wait for the watch-list."""
    try:
        warm_up()
    except Exception:  # the articles will say what is wrong, one dead letter each
        logger.exception("warming the enrichment core up failed")
    await watchlist.ready()


async def enrich_and_publish(
    article: dict[str, Any], data: bytes, origin: Origin, headers: Headers, partition: int, started: float,
) -> None:
    """The core with the source's profile (on by-source ``partition``) and the watch-list; then publish."""
    timings: dict[str, float] = {}
    outcome = pipeline.enrich_learning(
        article, data, origin, profiles, partition=partition,
        time_budget_s=cfg.article_time_budget_s, timings=timings, watchlist=watchlist.current,
    )
    await publish(outcome, headers)
    telemetry.outcome(outcome, partition=partition, seconds=perf_counter() - started, steps=timings)


@app.agent(raw_topic, concurrency=1)
async def intake(stream: Any) -> None:
    await ready_to_enrich()
    async for event in stream.events():
        started = perf_counter()
        message = event.message
        stale_acks.handling(message)  # its ack may now commit its offset
        telemetry.received(message.partition)
        origin = Origin(message.topic, message.partition, message.offset, message.key)
        headers = with_origin(message.headers, origin)
        article = unreadable_batch(message) or pipeline.decode(message.value, origin, max_bytes=cfg.max_message_bytes)
        if isinstance(article, Outcome):
            await publish(article, headers)
            telemetry.outcome(article, partition=message.partition, stage="intake")
            continue
        source_key = records.source_key(article)
        if routing.enrich_here(source_key, message.partition):
            await enrich_and_publish(article, message.value, origin, headers, message.partition, started)
        else:
            await by_source_topic.send(key=source_key, value=message.value, headers=headers)


@app.agent(by_source_topic, concurrency=1)
async def enrich(stream: Any) -> None:
    await ready_to_enrich()
    async for event in stream.events():
        started = perf_counter()
        message = event.message
        stale_acks.handling(message)  # its ack may now commit its offset
        origin = read_origin(message.headers) or Origin(message.topic, message.partition, message.offset)
        headers = with_origin(message.headers, origin)
        # A decode failure here means the limit was lowered between the two agents.
        article = unreadable_batch(message) or pipeline.decode(message.value, origin, max_bytes=cfg.max_message_bytes)
        if isinstance(article, Outcome):
            await publish(article, headers)
            telemetry.outcome(article, partition=message.partition, seconds=perf_counter() - started)
            continue
        await enrich_and_publish(article, message.value, origin, headers, message.partition, started)


@app.agent(stories_topic, concurrency=1)
async def decide_stories(stream: Any) -> None:
    async for event in stream.events():
        message = event.message
        stale_acks.handling(message)  # its ack may now commit its offset
        dead = unreadable_batch(message)  # only if the stories topic itself was damaged: its bytes are kept
        if dead is not None:
            await publish(dead, with_origin(message.headers, Origin(message.topic, message.partition, message.offset)))
            continue
        record = records.loads(message.value)
        try:
            record = pipeline.with_story(record, stories, time.time())
        except Exception:  # a story is extra: the article still goes out, without one
            logger.exception("story decision failed for %s; published without a story", record.get("id"))
        headers = list(message.headers or ())
        await enriched_topic.send(key=message.key, value=records.dumps(record), headers=headers)
        for key, mention in records.mentions(record):
            await mentions_topic.send(key=key, value=records.dumps(mention), headers=headers)
        telemetry.story(record)
