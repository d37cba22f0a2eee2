"""A record batch the worker cannot read becomes one message that says so, instead of a crash loop.

aiokafka unpacks a fetched batch lazily, inside ``getmany``: a batch compressed with a codec whose library
is missing (``UnsupportedCodecError``), a batch whose CRC does not match, or a record that does not parse
raises out of the consumer, Faust's consumer thread crashes the worker, and the restarted worker fetches
the same batch and crashes again: the whole stream stops on one batch. Here every batch of the app's own
source topics (raw and by-source) is unpacked up front; when that fails, the batch is handed on as a
single :class:`UnreadableRecord` at the batch's last offset, carrying the batch's bytes as its value and
the reason and offset range in headers (:data:`REASON_HEADER`, :data:`OFFSETS_HEADER`). The agents turn it
into a dead letter (``unreadable_batch``, original = the batch bytes, base64), Faust commits past it like
past any record, and the partition and every other partition go on. Nothing is lost silently: the dead
letter names topic, partition and offset range and keeps the bytes, and the agent that meets it logs it,
counts it (``newsstream_unreadable_batches_total``) and reports it on ``/health`` for a while.

The fetcher runs in Faust's consumer thread, so nothing here reports anywhere: the stand-in record is the
only message, and it reaches the agents in order with the partition's other records.

Other topics (table changelogs, the output topics read by ``tail``) keep aiokafka's behaviour: a
changelog record that is not what the table wrote must not be applied as if it were.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from aiokafka.consumer import fetcher

REASON_HEADER = "newsstream-unreadable"
OFFSETS_HEADER = "newsstream-unreadable-offsets"
_LOG_OVERHEAD = struct.calcsize(">qi")  # base offset, then the batch's length: the header of every batch

@dataclass(frozen=True, slots=True)
class UnreadableRecord:
    """Stands in for a batch that could not be unpacked; shaped like the records aiokafka yields."""

    offset: int
    timestamp: int
    value: bytes
    headers: list[tuple[str, bytes]]
    timestamp_type: int = 0
    key: bytes | None = None
    checksum: None = None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """What the agents read back from an :class:`UnreadableRecord`'s headers."""

    reason: str
    first_offset: int
    last_offset: int


_guarded_topics: set[str] = set()


def install(source_topics: Iterable[str]) -> None:
    """Guard ``source_topics`` in every aiokafka consumer of this process (idempotent)."""
    _guarded_topics.update(source_topics)
    if not getattr(fetcher.PartitionRecords, "_newsstream_guarded", False):
        fetcher.PartitionRecords = _guarded_partition_records(fetcher.PartitionRecords)
    if not isinstance(fetcher.MemoryRecords, type) or not issubclass(fetcher.MemoryRecords, _RecordsWithBytes):
        fetcher.MemoryRecords = _records_with_bytes(fetcher.MemoryRecords)


def unreadable(headers: Any) -> Unreadable | None:
    """The unreadable batch a message stands for, or None for an ordinary message."""
    items = dict(headers.items() if hasattr(headers, "items") else headers or [])
    reason = items.get(REASON_HEADER)
    if reason is None:
        return None
    first, _, last = (items.get(OFFSETS_HEADER) or b"0-0").decode().partition("-")
    return Unreadable(reason.decode("utf-8", "replace"), int(first), int(last or first))


class _RecordsWithBytes:
    """aiokafka's MemoryRecords, knowing where each batch it hands out lies in the fetched bytes.

    The compiled batch classes do not expose their buffer, and a dead letter must keep the original bytes.
    For a source topic (``guarded``, set by the PartitionRecords below) each batch comes wrapped in a
    :class:`_GuardedBatch`; for any other topic it is aiokafka's own.
    """

    inner_type: Any = None

    def __init__(self, data: bytes) -> None:
        self._inner = self.inner_type(data)
        self._data = data
        self._pos = 0
        self.guarded = False

    def size_in_bytes(self) -> int:
        return self._inner.size_in_bytes()

    def has_next(self) -> bool:
        return self._inner.has_next()

    def next_batch(self) -> Any:
        batch = self._inner.next_batch()
        if batch is None:
            return None
        (length,) = struct.unpack_from(">i", self._data, self._pos + 8)
        span = (self._pos, self._pos + _LOG_OVERHEAD + length)
        self._pos = span[1]
        return _GuardedBatch(batch, self, span) if self.guarded else batch

    def batch_bytes(self, span: tuple[int, int]) -> bytes:
        return bytes(self._data[span[0]:span[1]])


def _records_with_bytes(memory_records: type) -> type:
    return type("MemoryRecords", (_RecordsWithBytes,), {"inner_type": memory_records})


def _guarded_partition_records(original: type) -> type:
    class PartitionRecords(original):  # type: ignore[misc,valid-type]
        _newsstream_guarded = True

        def __init__(self, tp: Any, records: Any, *args: Any, **kwargs: Any) -> None:
            if tp.topic in _guarded_topics and isinstance(records, _RecordsWithBytes):
                records.guarded = True
            super().__init__(tp, records, *args, **kwargs)

    PartitionRecords.__qualname__ = original.__qualname__
    return PartitionRecords


class _GuardedBatch:
    """A batch that unpacks itself whole on first iteration and stands in as one record if it cannot."""

    def __init__(self, batch: Any, records: _RecordsWithBytes, span: tuple[int, int]) -> None:
        self._batch, self._records, self._span = batch, records, span
        self._crc_ok: bool | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._batch, name)

    def validate_crc(self) -> bool:
        self._crc_ok = bool(self._batch.validate_crc())
        return True  # a mismatch is reported as an unreadable batch below, not raised

    def __next__(self) -> Any:  # control batches are read record by record by aiokafka itself
        return next(self._batch)

    def __iter__(self) -> Iterator[Any]:
        try:
            if self._crc_ok is False:
                raise ValueError("the record batch's CRC does not match its contents")
            records = list(self._batch)
        except Exception as exc:
            text, name = str(exc), type(exc).__name__
            yield self._stand_in(text if text.startswith(name) else f"{name}: {text}")
            return
        yield from records

    def _stand_in(self, reason: str) -> UnreadableRecord:
        first = int(getattr(self._batch, "base_offset", 0) or 0)
        last = max(first, int(self._batch.next_offset) - 1)
        timestamp = int(getattr(self._batch, "max_timestamp", None) or getattr(self._batch, "timestamp", 0) or 0)
        headers = [(REASON_HEADER, reason.encode("utf-8")), (OFFSETS_HEADER, f"{first}-{last}".encode())]
        value = self._records.batch_bytes(self._span)
        return UnreadableRecord(offset=last, timestamp=timestamp, value=value, headers=headers)
