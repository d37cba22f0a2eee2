"""Configuration in one place: environment variables with defaults, read once into a frozen object.

Topic names, partitions, broker and web bind/port are defined here and nowhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def _env_int(name: str, default: int) -> int:
    raw = _env(name, str(default))
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc


def _env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = _env(name, default).lower()
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


#: Raw messages may be large HTML pages; dead letters carry them whole (base64 when not UTF-8). Set on every
#: topic the project creates, since brokers default to about 1 MB per record batch.
TOPIC_MAX_MESSAGE_BYTES = 64 * 1024 * 1024
TOPIC_CONFIG = {"max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES)}

#: The companies topic is a compacted log of the watch-list: the latest record per company id is the state.
COMPANIES_TOPIC_CONFIG = {**TOPIC_CONFIG, "cleanup.policy": "compact"}


@dataclass(frozen=True)
class TopicSpec:
    """A topic the project creates: name, partition count, topic configuration."""

    name: str
    partitions: int
    config: dict[str, str]


#: Output compression codecs Kafka knows; every consumer of the output topics must be able to read the chosen one.
COMPRESSION_CODECS = ("none", "gzip", "snappy", "lz4", "zstd")

#: Where the worker keeps its tables. ``rocksdb``: on disk under the data directory (tables may outgrow
#: memory; a restarted worker reads only the changelog written since its last run). ``memory``: a dict,
#: rebuilt from the whole changelog at every start (the tests, short-lived workers).
TABLE_STORES = ("rocksdb", "memory")


@dataclass(frozen=True)
class KafkaSecurity:
    """Client security settings shared by the worker, `publish` and `tail` (never logged)."""

    protocol: str = "PLAINTEXT"  # PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL
    sasl_mechanism: str | None = None  # PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512
    sasl_username: str | None = None
    sasl_password: str | None = field(default=None, repr=False)
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None

    @property
    def uses_ssl(self) -> bool:
        return self.protocol in {"SSL", "SASL_SSL"}

    @property
    def uses_sasl(self) -> bool:
        return self.protocol in {"SASL_PLAINTEXT", "SASL_SSL"}


@dataclass(frozen=True)
class Settings:
    """Everything the shell needs to know about its surroundings."""

    app_id: str = "newsstream"
    broker: str = "127.0.0.1:9092"
    topic_raw: str = "news.raw"
    topic_enriched: str = "news.enriched"
    topic_dead_letter: str = "news.dead-letter"
    topic_by_source: str = "news.by-source"
    topic_stories: str = "news.stories"
    topic_mentions: str = "news.mentions"
    topic_companies: str = "news.companies"
    story_retention_s: float = 72 * 3600.0
    story_max_articles: int = 200_000
    partitions: int = 4
    replicas: int = 1
    web_bind: str = "127.0.0.1"
    web_port: int = 6066
    max_message_bytes: int = 2 * 1024 * 1024
    article_time_budget_s: float = 5.0
    processing_guarantee: str = "at_least_once"
    compression: str = "zstd"
    unreadable_alert_s: float = 900.0
    store: str = "rocksdb"
    data_dir: str = ".newsstream-data"
    security: KafkaSecurity = field(default_factory=KafkaSecurity)

    def topics(self) -> list[TopicSpec]:
        """Every topic the worker writes or reads, as it creates them. The stories topic has one partition:
        the story decision must see every article (news volumes, a few per second, fit one partition), and
        the companies topic one, so that its order is the order of the watch-list's changes."""
        spec = lambda name, partitions=self.partitions, config=TOPIC_CONFIG: TopicSpec(name, partitions, config)  # noqa: E731
        return [spec(self.topic_raw), spec(self.topic_by_source), spec(self.topic_stories, 1),
                spec(self.topic_enriched), spec(self.topic_dead_letter), spec(self.topic_mentions),
                spec(self.topic_companies, 1, COMPANIES_TOPIC_CONFIG)]

    @property
    def store_url(self) -> str:
        """The tables' store in Faust's URL form."""
        return f"{self.store}://"

    @property
    def worker_data_dir(self) -> str:
        """Faust's ``datadir``, one per worker: ``<data dir>/<app id>-<web port>``.

        A RocksDB table directory is locked by the process that opens it, so two workers of one host must not
        share it; they already differ in web port (``--web-port`` included: Faust formats ``{conf.…}`` when it
        reads the setting), and a worker restarted on the same port finds its own tables again.
        """
        escaped = self.data_dir.replace("{", "{{").replace("}", "}}")
        return escaped + "/{conf.name}-{conf.web_port}"

    @property
    def compression_type(self) -> str | None:
        """The producers' ``compression_type`` (None: uncompressed)."""
        return None if self.compression == "none" else self.compression

    @property
    def broker_url(self) -> str:
        """The broker list in Faust's ``kafka://host:port;host:port`` form."""
        hosts = [h.strip().removeprefix("kafka://") for h in self.broker.split(",") if h.strip()]
        return "kafka://" + ";".join(hosts)

    @property
    def bootstrap_servers(self) -> list[str]:
        """The broker list as aiokafka takes it."""
        return [h.strip().removeprefix("kafka://") for h in self.broker.replace(";", ",").split(",") if h.strip()]


def load_settings() -> Settings:
    """Read the environment (every variable is documented in the README)."""
    return Settings(
        app_id=_env("NEWSSTREAM_APP_ID", Settings.app_id),
        broker=_env("KAFKA_BOOTSTRAP", Settings.broker),
        topic_raw=_env("NEWSSTREAM_TOPIC_RAW", Settings.topic_raw),
        topic_enriched=_env("NEWSSTREAM_TOPIC_ENRICHED", Settings.topic_enriched),
        topic_dead_letter=_env("NEWSSTREAM_TOPIC_DEAD_LETTER", Settings.topic_dead_letter),
        topic_by_source=_env("NEWSSTREAM_TOPIC_BY_SOURCE", Settings.topic_by_source),
        topic_stories=_env("NEWSSTREAM_TOPIC_STORIES", Settings.topic_stories),
        topic_mentions=_env("NEWSSTREAM_TOPIC_MENTIONS", Settings.topic_mentions),
        topic_companies=_env("NEWSSTREAM_TOPIC_COMPANIES", Settings.topic_companies),
        story_retention_s=3600.0 * float(_env("NEWSSTREAM_STORY_RETENTION_H", "72")),
        story_max_articles=_env_int("NEWSSTREAM_STORY_MAX_ARTICLES", Settings.story_max_articles),
        partitions=_env_int("NEWSSTREAM_PARTITIONS", Settings.partitions),
        replicas=_env_int("NEWSSTREAM_REPLICAS", Settings.replicas),
        web_bind=_env("NEWSSTREAM_WEB_BIND", Settings.web_bind),
        web_port=_env_int("NEWSSTREAM_WEB_PORT", Settings.web_port),
        max_message_bytes=_env_int("NEWSSTREAM_MAX_MESSAGE_BYTES", Settings.max_message_bytes),
        article_time_budget_s=float(_env("NEWSSTREAM_ARTICLE_TIME_BUDGET", str(Settings.article_time_budget_s))),
        processing_guarantee=_env("NEWSSTREAM_PROCESSING_GUARANTEE", Settings.processing_guarantee),
        compression=_env_choice("NEWSSTREAM_COMPRESSION", Settings.compression, COMPRESSION_CODECS),
        unreadable_alert_s=float(_env("NEWSSTREAM_UNREADABLE_ALERT_S", str(Settings.unreadable_alert_s))),
        store=_env_choice("NEWSSTREAM_STORE", Settings.store, TABLE_STORES),
        data_dir=_env("NEWSSTREAM_DATA_DIR", Settings.data_dir),
        security=KafkaSecurity(
            protocol=_env("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").upper(),
            sasl_mechanism=os.environ.get("KAFKA_SASL_MECHANISM") or None,
            sasl_username=os.environ.get("KAFKA_SASL_USERNAME") or None,
            sasl_password=os.environ.get("KAFKA_SASL_PASSWORD") or None,
            ssl_cafile=os.environ.get("KAFKA_SSL_CAFILE") or None,
            ssl_certfile=os.environ.get("KAFKA_SSL_CERTFILE") or None,
            ssl_keyfile=os.environ.get("KAFKA_SSL_KEYFILE") or None,
        ),
    )


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process-wide settings, read from the environment on first use."""
    return load_settings()
