"""Connection settings every Kafka client of the project shares (worker, publish, tail, tests).

Security comes from the environment (see ``settings.KafkaSecurity``); the password is handed to the
client libraries and never logged or shown.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from typing import Any

from .settings import KafkaSecurity, Settings, TopicSpec


def ssl_context(security: KafkaSecurity) -> ssl.SSLContext | None:
    if not security.uses_ssl:
        return None
    context = ssl.create_default_context(cafile=security.ssl_cafile)
    if security.ssl_certfile:
        context.load_cert_chain(security.ssl_certfile, security.ssl_keyfile)
    return context


def faust_credentials(security: KafkaSecurity) -> Any:
    """The ``broker_credentials`` value for ``faust.App``, or None for plaintext."""
    import faust

    context = ssl_context(security)
    if security.uses_sasl:
        return faust.SASLCredentials(
            username=security.sasl_username,
            password=security.sasl_password,
            ssl_context=context,
            mechanism=security.sasl_mechanism or "PLAIN",
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


def aiokafka_options(cfg: Settings) -> dict[str, Any]:
    """Keyword arguments for aiokafka's producer and consumer."""
    sec = cfg.security
    options: dict[str, Any] = {
        "bootstrap_servers": cfg.bootstrap_servers,
        "security_protocol": sec.protocol,
    }
    context = ssl_context(sec)
    if context is not None:
        options["ssl_context"] = context
    if sec.uses_sasl:
        options["sasl_mechanism"] = sec.sasl_mechanism or "PLAIN"
        options["sasl_plain_username"] = sec.sasl_username
        options["sasl_plain_password"] = sec.sasl_password
    return options


async def ensure_topics(cfg: Settings, specs: Iterable[TopicSpec]) -> list[str]:
    """Create those of ``specs`` that are missing, with their partitions and configuration; the created.

    Nothing here relies on the broker's auto-creation: clusters usually disable it, and where it is on it
    creates a topic with the broker's partition count and message size limit, not the project's. A topic
    that exists is left as it is.
    """
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError

    admin = AIOKafkaAdminClient(**aiokafka_options(cfg))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        created = []
        for spec in specs:  # one request each: one that already exists must not hide the others' errors
            if spec.name in existing:
                continue
            try:
                await admin.create_topics(
                    [NewTopic(spec.name, num_partitions=spec.partitions, replication_factor=cfg.replicas,
                              topic_configs=spec.config)]
                )
            except TopicAlreadyExistsError:  # another worker or publisher was first
                continue
            created.append(spec.name)
        return created
    finally:
        await admin.close()
