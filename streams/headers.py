"""The Kafka headers the stream carries from a raw record to everything it produces for it.

A publisher's headers (W3C trace context ``traceparent``/``tracestate``, ``content-type``, its own ids) go
onto the by-source record, the enriched record and the dead letter unchanged and in order, so that a
trace or a correlation id survives the stream. Beside them, the intake adds where the raw message was
read (``origin-*``): the enrich agent reads a different topic, and its dead letters must still point at
the raw message. Those names, and the unreadable-batch markers, belong to the stream: a publisher's
header of the same name is dropped rather than passed on as if the stream had written it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .pipeline import Origin
from .unreadable import OFFSETS_HEADER, REASON_HEADER

ORIGIN_TOPIC, ORIGIN_PARTITION = "origin-topic", "origin-partition"
ORIGIN_OFFSET, ORIGIN_KEY = "origin-offset", "origin-key"
_ORIGIN = (ORIGIN_TOPIC, ORIGIN_PARTITION, ORIGIN_OFFSET, ORIGIN_KEY)
RESERVED = frozenset((*_ORIGIN, REASON_HEADER, OFFSETS_HEADER))

Headers = list[tuple[str, bytes | None]]


def _items(headers: Any) -> Iterable[tuple[str, bytes | None]]:
    return headers.items() if hasattr(headers, "items") else headers or ()


def passed_on(headers: Any) -> Headers:
    """The publisher's headers, in order, without the stream's own."""
    return [(name, value) for name, value in _items(headers) if name not in RESERVED]


def with_origin(headers: Any, origin: Origin) -> Headers:
    """The publisher's headers followed by the origin of the raw message."""
    out = passed_on(headers)
    out += [(ORIGIN_TOPIC, origin.topic.encode()), (ORIGIN_PARTITION, str(origin.partition).encode()),
            (ORIGIN_OFFSET, str(origin.offset).encode())]
    if origin.key is not None:
        out.append((ORIGIN_KEY, origin.key))
    return out


def read_origin(headers: Any) -> Origin | None:
    """Where the raw message behind a by-source record was read, if the intake said so."""
    items = {name: value for name, value in _items(headers) if name in _ORIGIN}
    try:
        return Origin(
            topic=items[ORIGIN_TOPIC].decode(),
            partition=int(items[ORIGIN_PARTITION]),
            offset=int(items[ORIGIN_OFFSET]),
            key=items.get(ORIGIN_KEY),
        )
    except (KeyError, ValueError, AttributeError):
        return None
