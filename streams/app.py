"""The Faust application: the one place where the shell is wired together.

``newsstream`` is this app's Faust command line: ``newsstream worker`` (all of Faust's worker options) plus
the project's ``publish``, ``tail`` and ``enrich`` commands.
"""

from __future__ import annotations

import logging

import faust

from . import offset_reset
from .kafka_clients import faust_credentials
from .settings import Settings, settings

#: Raw messages may be large HTML pages; dead letters carry them whole (base64 when not UTF-8).
TOPIC_MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def create_app(cfg: Settings) -> faust.App:
    return faust.App(
        cfg.app_id,
        broker=cfg.broker_url,
        broker_credentials=faust_credentials(cfg.security),
        autodiscover=False,
        store="memory://",
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
        "NEWSSTREAM_PROCESSING_GUARANTEE=exactly_once is experimental: under kill -9 faust-streaming 0.15.3 "
        "still duplicates and has lost an article in testing (docs/reliability.md); at_least_once is supported"
    )


def _topic(name: str) -> faust.TopicT:
    """A topic of raw bytes (the project serialises with orjson itself).

    ``internal=True`` makes the worker create it at start-up, with the configured partition count, when it
    is missing; an existing topic is left as it is.
    """
    return app.topic(
        name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
        partitions=cfg.partitions, internal=True, config={"max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES)},
    )


raw_topic = _topic(cfg.topic_raw)
by_source_topic = _topic(cfg.topic_by_source)
offset_reset.install([cfg.topic_raw, cfg.topic_by_source])
enriched_topic = _topic(cfg.topic_enriched)
dead_letter_topic = _topic(cfg.topic_dead_letter)


def main() -> None:
    """Console script ``newsstream``: Faust's command line for this app."""
    app.main()


# Registered last: they use the app and topics above.
from . import agents  # noqa: E402,F401
from .cli import enrich_cmd, publish_cmd, tail_cmd  # noqa: E402,F401
from .web import pages  # noqa: E402,F401
