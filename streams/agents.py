"""The stream: raw article in, enriched record or dead letter out.

Two short agents, both at concurrency 1 (faust-streaming can commit past in-flight messages with more;
scale by partitions and workers instead):

``intake``   news.raw -> decode and validate; bad input -> news.dead-letter; good -> news.by-source, re-keyed
             by source (the original bytes, with where they came from in the headers), so that one worker
             owns all of a source's learned state.
``enrich``   news.by-source -> the functional core with the source's profile -> news.enriched (keyed by article
             id, so a redelivery overwrites) or news.dead-letter.
"""

from __future__ import annotations

import logging
from time import perf_counter
from typing import Any

from . import pipeline, source_profiles
from .app import app, by_source_topic, cfg, dead_letter_topic, enriched_topic, raw_topic
from .enrich import warm_up
from .pipeline import Origin, Outcome
from .web.telemetry import telemetry

source_table = app.Table(
    "source-profiles", default=None, key_type=str, value_type=None, partitions=cfg.partitions,
    help="Per-source line counts and language counts learned from the stream.",
)

logger = logging.getLogger(__name__)

_H_TOPIC, _H_PARTITION, _H_OFFSET, _H_KEY = "origin-topic", "origin-partition", "origin-offset", "origin-key"


async def publish(outcome: Outcome) -> None:
    topic = dead_letter_topic if outcome.dead else enriched_topic
    await topic.send(key=outcome.key, value=outcome.value)


@app.agent(raw_topic, concurrency=1)
async def intake(stream: Any) -> None:
    async for event in stream.events():
        message = event.message
        telemetry.received(message.partition)
        origin = Origin(message.topic, message.partition, message.offset, message.key)
        article = pipeline.decode(message.value, origin, max_bytes=cfg.max_message_bytes)
        if isinstance(article, Outcome):
            await publish(article)
            telemetry.outcome(article, partition=message.partition, stage="intake")
            continue
        headers = {_H_TOPIC: origin.topic.encode(), _H_PARTITION: str(origin.partition).encode(),
                   _H_OFFSET: str(origin.offset).encode()}
        if origin.key is not None:
            headers[_H_KEY] = origin.key
        source_key = article.get("source") or article["id"]
        await by_source_topic.send(key=source_key.encode("utf-8"), value=message.value, headers=headers)


@app.agent(by_source_topic, concurrency=1)
async def enrich(stream: Any) -> None:
    try:
        warm_up()
    except Exception:  # the articles will say what is wrong, one dead letter each
        logger.exception("warming the enrichment core up failed")
    async for event in stream.events():
        started, timings = perf_counter(), {}
        message = event.message
        origin = _origin_from_headers(message.headers) or Origin(message.topic, message.partition, message.offset)
        article = pipeline.decode(message.value, origin, max_bytes=cfg.max_message_bytes)
        if isinstance(article, Outcome):  # only if the limit was lowered between the two agents
            await publish(article)
            telemetry.outcome(article, partition=message.partition, seconds=perf_counter() - started)
            continue
        outcome = source_profiles.enrich_learning(
            source_table, article, message.value, origin, time_budget_s=cfg.article_time_budget_s, timings=timings
        )
        await publish(outcome)
        telemetry.outcome(outcome, partition=message.partition, seconds=perf_counter() - started, steps=timings)


def _origin_from_headers(headers: Any) -> Origin | None:
    items = dict(headers.items() if hasattr(headers, "items") else headers or [])
    try:
        return Origin(
            topic=items[_H_TOPIC].decode(),
            partition=int(items[_H_PARTITION]),
            offset=int(items[_H_OFFSET]),
            key=items.get(_H_KEY),
        )
    except (KeyError, ValueError, AttributeError):
        return None
