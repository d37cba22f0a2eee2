"""A message fetched before a rebalance must not move the committed offset after it (streams/stale_acks.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from faust.transport import consumer as faust_consumer

from streams import stale_acks


class Recorder:
    """Stands in for faust's own ack: records which messages reached it."""

    def __init__(self) -> None:
        self.seen: list[object] = []

    def __call__(self, consumer: object, message: object) -> bool:
        self.seen.append(message)
        return True


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(faust_consumer.Consumer, "ack", recorder)
    stale_acks.install()
    return recorder


class Message:
    """What faust's ack reads of a message (hashable, as faust's messages are)."""

    def __init__(self, generation_id: int) -> None:
        self.generation_id, self.acked = generation_id, False


def consumer(generation: int) -> SimpleNamespace:
    return SimpleNamespace(app=SimpleNamespace(consumer_generation_id=generation), _unacked_messages=set(),
                           _waiting_for_ack=None)


def test_a_message_of_the_current_generation_is_acked_as_faust_does(patched: Recorder) -> None:
    message = Message(4)
    assert faust_consumer.Consumer.ack(consumer(4), message) is True
    assert patched.seen == [message]


def test_a_message_of_an_older_generation_is_done_but_its_offset_not_counted(patched: Recorder) -> None:
    stale = Message(3)
    owner = consumer(4)
    owner._unacked_messages.add(stale)
    assert faust_consumer.Consumer.ack(owner, stale) is False
    assert patched.seen == []  # never reaches the acked-offsets bookkeeping
    assert stale.acked and not owner._unacked_messages  # so a rebalance waiting for in-flight messages ends


def test_install_twice_wraps_once(patched: Recorder) -> None:
    stale_acks.install()
    assert faust_consumer.Consumer.ack.__wrapped__ is patched
