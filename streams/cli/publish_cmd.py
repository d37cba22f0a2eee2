"""``newsstream publish PATH…``: put articles on ``news.raw``, keyed by source (by article id without one).

Keyed by source, with aiokafka's murmur2 partitioner, an article lands on the partition its by-source copy
would go to, and the worker enriches it there without the copy (streams/source_routing.py); a source's
articles also keep their order.

The producer is idempotent with ``acks=all``, so a retried send after a broker hiccup is neither lost nor
duplicated. Lines that are not valid articles are reported as ``file:line: code: reason`` and not sent;
the exit status is 0 only when every article was sent and acknowledged.
"""

from __future__ import annotations

import asyncio
import sys
from typing import ClassVar

from aiokafka import AIOKafkaProducer
from faust.cli import argument, option
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from .. import records
from ..kafka_clients import aiokafka_options, ensure_topics
from ..settings import TOPIC_CONFIG, TOPIC_MAX_MESSAGE_BYTES, TopicSpec, settings
from .base import ToolCommand
from .sources import count_items, read_items

#: Sends awaiting their acknowledgement at once; bounds memory on large inputs.
MAX_IN_FLIGHT = 1000


class Publish(ToolCommand):
    """Publish articles from JSON-lines files (or - for stdin) and directories of .txt/.html/.json files."""

    options: ClassVar = [
        argument("paths", nargs=-1, required=True),
        option("--topic", default=None, help="Topic to publish to (default: $NEWSSTREAM_TOPIC_RAW or news.raw)."),
        option("--source", default=None, help="Set 'source' on articles that have none."),
        option("--quiet", "-q", "no_progress", is_flag=True, default=False, help="No progress bar."),
    ]

    async def main(
        self, paths: tuple[str, ...], topic: str | None = None, source: str | None = None,
        no_progress: bool = False,
    ) -> int:
        cfg = settings()
        topic = topic or cfg.topic_raw
        err = Console(stderr=True)
        producer = AIOKafkaProducer(
            **aiokafka_options(cfg),
            enable_idempotence=True,
            acks="all",
            linger_ms=5,
            compression_type=cfg.compression_type,
            max_request_size=TOPIC_MAX_MESSAGE_BYTES,
            request_timeout_ms=30_000,
            retry_backoff_ms=200,
        )
        try:
            await ensure_topics(cfg, [TopicSpec(topic, cfg.partitions, TOPIC_CONFIG)])
            await producer.start()
        except Exception as exc:
            print(f"cannot connect to Kafka at {cfg.broker}: {exc}", file=sys.stderr)
            await producer.stop()
            return 2
        sent = rejected = failed = 0
        pending: set[asyncio.Future] = set()
        progress = Progress(
            SpinnerColumn(), TextColumn("publishing to {task.fields[topic]}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, disable=no_progress or not err.is_terminal, transient=False,
        )

        def on_done(future: asyncio.Future) -> None:
            nonlocal sent, failed
            if future.cancelled() or future.exception() is not None:
                failed += 1
                reason = "cancelled" if future.cancelled() else future.exception()
                print(f"send failed: {reason}", file=sys.stderr)
            else:
                sent += 1
            progress.advance(task)

        with progress:
            task = progress.add_task("publish", total=count_items(list(paths)), topic=topic)
            for item in read_items(list(paths), source=source, max_bytes=cfg.max_message_bytes):
                if item.error is not None:
                    rejected += 1
                    print(f"{item.where}: {item.error.code}: {item.error.reason}", file=sys.stderr)
                    progress.advance(task)
                    continue
                article = item.article
                assert article is not None
                future = await producer.send(topic, records.dumps(article), key=records.source_key(article))
                future.add_done_callback(on_done)
                pending.add(future)
                future.add_done_callback(pending.discard)
                if len(pending) >= MAX_IN_FLIGHT:
                    await asyncio.wait(set(pending), return_when=asyncio.FIRST_COMPLETED)
            await producer.flush()
            if pending:
                await asyncio.wait(set(pending))
        await producer.stop()
        summary = f"sent {sent}, rejected {rejected}, failed {failed} (topic {topic})"
        print(summary, file=sys.stderr)
        return 0 if rejected == 0 and failed == 0 else 1
