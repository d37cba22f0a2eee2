"""A record batch the consumer cannot unpack becomes one stand-in record; the batches around it are read."""

from __future__ import annotations

from unittest import mock

import pytest
from aiokafka import codec
from aiokafka.consumer import fetcher
from aiokafka.errors import UnsupportedCodecError
from aiokafka.record.default_records import DefaultRecordBatchBuilder
from aiokafka.structs import TopicPartition

from streams import unreadable

GUARDED = "guarded.raw"
NONE, LZ4 = 0, 3


def batch(compression: int, base_offset: int, count: int) -> bytes:
    builder = DefaultRecordBatchBuilder(
        magic=2, compression_type=compression, is_transactional=0, producer_id=-1, producer_epoch=-1,
        base_sequence=-1, batch_size=1 << 20,
    )
    for i in range(count):
        builder.append(i, timestamp=1_700_000_000_000 + i, key=b"k%d" % i, value=b'{"body": "x"}',
                       headers=[("traceparent", b"00-ab-cd-01")])
    data = bytearray(builder.build())
    data[0:8] = base_offset.to_bytes(8, "big")  # as the broker assigns it
    return bytes(data)


def read(topic: str, data: bytes) -> list:
    unreadable.install([GUARDED])
    records = fetcher.MemoryRecords(data)
    return list(fetcher.PartitionRecords(TopicPartition(topic, 3), records, [], 0, None, None, True, 0))


def test_a_batch_whose_codec_is_missing_stands_in_as_one_record_and_the_next_batches_are_read() -> None:
    lz4 = batch(LZ4, 3, 4)
    data = batch(NONE, 0, 3) + lz4 + batch(NONE, 7, 2)
    with mock.patch.object(codec, "has_lz4", lambda: False):
        got = read(GUARDED, data)
    assert [r.offset for r in got] == [0, 1, 2, 6, 7, 8]
    stand_in = got[3]
    marker = unreadable.unreadable(stand_in.headers)
    assert marker is not None and (marker.first_offset, marker.last_offset) == (3, 6)
    assert "lz4" in marker.reason and marker.reason.count("UnsupportedCodecError") == 1
    assert stand_in.value == lz4  # the batch exactly as stored: nothing is lost
    assert all(unreadable.unreadable(r.headers) is None for i, r in enumerate(got) if i != 3)
    assert got[4].headers == (("traceparent", b"00-ab-cd-01"),)


def test_every_codec_is_readable_with_the_installed_libraries() -> None:
    for compression in (1, 2, 3, 4):  # gzip, snappy, lz4, zstd
        got = read(GUARDED, batch(compression, 10, 5))
        assert [r.offset for r in got] == [10, 11, 12, 13, 14], compression
        assert all(unreadable.unreadable(r.headers) is None for r in got)


def test_a_corrupt_batch_stands_in_too() -> None:
    bad = bytearray(batch(NONE, 0, 2))
    bad[-1] ^= 0xFF  # a flipped bit in the last record: the CRC no longer matches
    got = read(GUARDED, bytes(bad) + batch(NONE, 2, 1))
    assert [r.offset for r in got] == [1, 2]
    assert "CRC" in unreadable.unreadable(got[0].headers).reason


def test_other_topics_keep_aiokafkas_behaviour() -> None:
    """A table changelog the worker cannot read must not be applied as if it were a record of the table."""
    with mock.patch.object(codec, "has_lz4", lambda: False), pytest.raises(UnsupportedCodecError):
        read("app-source-profiles-changelog", batch(LZ4, 0, 2))
