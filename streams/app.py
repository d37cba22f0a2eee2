"""The Faust application: its settings, topics, tables and the hooks fitted to aiokafka and Faust.

Everything that uses the app (agents, commands, web pages) imports it from here; ``streams.main`` brings
them together for the command line, so this module imports none of them (no import circle).
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import faust
from aiokafka import codec

from . import isolation, offset_gaps, offset_reset, revoke_commit, stale_acks, transactions, unreadable
from .kafka_clients import ensure_topics, faust_credentials
from .settings import TOPIC_CONFIG, TOPIC_MAX_MESSAGE_BYTES, Settings, settings
from .source_routing import SourceRouting
from .tables import source_profiles, story_index
from .watchlist_feed import WatchListFeed

log = logging.getLogger(__name__)

#: Producer batching: wait up to this long for more records to a partition, up to this many bytes a batch
#: (below the 1 MB a broker accepts by default on the topics Faust creates, such as table changelogs).
PRODUCER_LINGER_S = 0.005
PRODUCER_BATCH_BYTES = 256 * 1024
PRODUCER_BUFFER_MESSAGES = 2000

#: How long a starting worker keeps trying to reach the broker to create its topics.
TOPIC_SETUP_TIMEOUT_S = 120.0


class NewsApp(faust.App):
    """The Faust app, creating every topic it writes before anything is produced.

    Faust declares only the topics a worker consumes and its table changelogs; the output topics would be
    auto-created by the broker on the first send, with the broker's partition count and message size
    limit, and never where ``auto.create.topics.enable=false`` (the producer then waits for up to its
    20-minute request timeout). ``on_start`` runs before the app's producer, consumer and agents start.
    """

    def __init__(self, *args: Any, settings: Settings, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.settings = settings

    async def on_first_start(self) -> None:
        Path(self.settings.data_dir).mkdir(parents=True, exist_ok=True)  # Faust makes only the last level
        await super().on_first_start()

    async def on_start(self) -> None:
        await super().on_start()
        check_codec(self.settings.compression)
        check_store(self.settings.store)
        await create_topics(self.settings)
        # A commit writes one learned profile per source counted since the last one: with many sources that
        # is hundreds of records at once, and above Faust's 100 the conductor holds every incoming message
        # until they drain ("producer buffer full").
        self.producer.buffer.max_messages = PRODUCER_BUFFER_MESSAGES


class Worker(faust.Worker):
    """Faust's worker without its terminal spinner.

    Faust shows the spinner at log level warn and above (its default), and to spin it on every log record
    it sets the root logger to DEBUG: every debug call of aiokafka and Faust then builds a LogRecord that
    no handler prints. Profiled under load, that was 14% of a worker's time.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spinner = None


def check_codec(compression: str) -> None:
    """Fail at start-up, not at the first send, when the output codec's library is missing."""
    if compression != "none" and not getattr(codec, f"has_{compression}")():
        raise RuntimeError(
            f"NEWSSTREAM_COMPRESSION={compression} needs its codec library (cramjam, installed with newsstream); "
            "it is missing from this environment"
        )


def check_store(store: str) -> None:
    """Fail at start-up, not at the first table read, when the RocksDB binding is missing."""
    if store == "rocksdb":
        try:
            import rocksdict  # noqa: F401
        except ImportError as exc:
            raise RuntimeError(
                "NEWSSTREAM_STORE=rocksdb needs rocksdict (installed with newsstream); it is missing from this "
                "environment: install it or set NEWSSTREAM_STORE=memory"
            ) from exc


async def create_topics(config: Settings) -> None:
    specs = config.topics()
    deadline = time.monotonic() + TOPIC_SETUP_TIMEOUT_S
    while True:
        try:
            created = await ensure_topics(config, specs)
        except Exception as exc:
            if time.monotonic() > deadline:
                names = [spec.name for spec in specs]
                raise RuntimeError(f"could not create the topics {names} on {config.broker}: {exc}") from exc
            log.warning("creating topics on %s: %s: %s; retrying", config.broker, type(exc).__name__, exc)
            await asyncio.sleep(2.0)
            continue
        if created:
            log.info("created topics %s", ", ".join(created))
        return


def create_app(cfg: Settings) -> faust.App:
    return NewsApp(
        cfg.app_id,
        settings=cfg,
        broker=cfg.broker_url,
        broker_credentials=faust_credentials(cfg.security),
        autodiscover=False,
        store=cfg.store_url,
        datadir=cfg.worker_data_dir,
        topic_partitions=cfg.partitions,
        topic_replication_factor=cfg.replicas,
        consumer_auto_offset_reset="earliest",
        # Topics the worker creates at start-up (by-source, changelogs) can be missing from the consumer's
        # first metadata; with aiokafka's 5-minute default their partitions then stay unassigned (and the
        # enrich agent idle) for up to 5 minutes after a first deployment. 10 s bounds that stall.
        consumer_metadata_max_age_ms=10_000,
        consumer_max_fetch_size=TOPIC_MAX_MESSAGE_BYTES,
        producer_max_request_size=TOPIC_MAX_MESSAGE_BYTES,
        producer_acks=-1,
        producer_compression_type=cfg.compression_type,
        # Faust's linger of 0 sends a produce request per record; a few ms batch the outputs of a burst
        # (and compress them together) at a latency cost far below the end-to-end budget.
        producer_linger=PRODUCER_LINGER_S,
        producer_max_batch_size=PRODUCER_BATCH_BYTES,
        Worker=Worker,
        processing_guarantee=cfg.processing_guarantee,
        web_bind=cfg.web_bind,
        web_port=cfg.web_port,
        web_host=cfg.web_bind,
        table_cleanup_interval=60.0,
    )


cfg = settings()
app = create_app(cfg)
if cfg.processing_guarantee == "exactly_once":
    logging.getLogger(__name__).warning(
        "NEWSSTREAM_PROCESSING_GUARANTEE=exactly_once is experimental: in testing, a worker restarted after "
        "kill -9 once stalled with articles its read_committed consumers never saw (docs/reliability.md); "
        "at_least_once is supported"
    )


def _topic(name: str, partitions: int | None = None) -> faust.TopicT:
    """A topic of raw bytes (the project serialises with orjson itself); created in ``NewsApp.on_start``."""
    return app.topic(
        name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
        partitions=partitions or cfg.partitions, internal=True, config=TOPIC_CONFIG,
    )


raw_topic = _topic(cfg.topic_raw)
by_source_topic = _topic(cfg.topic_by_source)
stories_topic = _topic(cfg.topic_stories, partitions=1)
SOURCE_TOPICS = (cfg.topic_raw, cfg.topic_by_source, cfg.topic_stories)
offset_reset.install(SOURCE_TOPICS)
unreadable.install(SOURCE_TOPICS)
isolation.install()
transactions.install()
stale_acks.install(SOURCE_TOPICS)
offset_gaps.install(SOURCE_TOPICS)
revoke_commit.install()
enriched_topic = _topic(cfg.topic_enriched)
dead_letter_topic = _topic(cfg.topic_dead_letter)
mentions_topic = _topic(cfg.topic_mentions)
profiles = source_profiles(app, cfg.partitions)
stories = story_index(app, cfg.story_retention_s, cfg.story_max_articles)
watchlist = WatchListFeed()
routing = SourceRouting(cfg.topic_by_source, enabled=cfg.processing_guarantee != "exactly_once")


async def _route_by_assignment(sender: Any, assigned: Any, **kwargs: Any) -> None:
    by_source = app.consumer.topic_partitions(cfg.topic_by_source)
    # Faust assigns raw partition p with by-source p (and the profiles' changelog p) only when the topics
    # have the same partition count; otherwise every article takes the hop.
    same = by_source is not None and by_source == app.consumer.topic_partitions(cfg.topic_raw)
    routing.assigned(assigned, by_source if same else None)


async def _route_through_the_hop(sender: Any, revoked: Any, **kwargs: Any) -> None:
    routing.revoked()


app.on_partitions_assigned.connect(_route_by_assignment, weak=False)
app.on_partitions_revoked.connect(_route_through_the_hop, weak=False)


@app.task
async def follow_watchlist() -> None:
    """Every worker keeps its copy of the watch-list current (streams/watchlist_feed.py)."""
    await watchlist.follow(cfg)

