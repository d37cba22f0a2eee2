"""An ack commits an offset only for a message an agent took in the current consumer generation
(streams/stale_acks.py): what faust-streaming acks while it skips messages around a rebalance must not."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from faust.transport import consumer as faust_consumer

from streams import stale_acks

TOPIC = "t.raw"


class Recorder:
    """Stands in for faust's own ack: records which messages reached its acked-offsets bookkeeping."""

    def __init__(self) -> None:
        self.seen: list[object] = []

    def __call__(self, consumer: object, message: object) -> bool:
        self.seen.append(message)
        return True


class Message:
    """What the ack reads of a message (hashable and weak-referenceable, as faust's messages are)."""

    def __init__(self, generation_id: int, topic: str = TOPIC) -> None:
        self.generation_id, self.topic, self.acked = generation_id, topic, False


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(faust_consumer.Consumer, "ack", recorder)
    stale_acks.install([TOPIC])
    return recorder


def consumer(generation: int) -> SimpleNamespace:
    return SimpleNamespace(
        app=SimpleNamespace(consumer_generation_id=generation), _unacked_messages=set(), _waiting_for_ack=None
    )


def test_a_message_an_agent_took_in_this_generation_is_acked_as_faust_does(patched: Recorder) -> None:
    message = Message(4)
    stale_acks.handling(message)
    assert faust_consumer.Consumer.ack(consumer(4), message) is True
    assert patched.seen == [message]


def test_a_message_of_an_older_generation_is_done_but_its_offset_not_counted(patched: Recorder) -> None:
    stale = Message(3)
    stale_acks.handling(stale)  # an agent was still working on it when the rebalance came
    owner = consumer(4)
    owner._unacked_messages.add(stale)
    assert faust_consumer.Consumer.ack(owner, stale) is False
    assert patched.seen == []  # never reaches the acked-offsets bookkeeping
    assert stale.acked and not owner._unacked_messages  # so a rebalance waiting for in-flight messages ends


def test_a_message_skipped_without_an_agent_taking_it_is_not_counted(patched: Recorder) -> None:
    skipped = Message(4)  # taken from the queue while flow control was suspended: no agent saw it
    assert faust_consumer.Consumer.ack(consumer(4), skipped) is False
    assert patched.seen == [] and skipped.acked


def test_other_topics_keep_faust_behaviour(patched: Recorder) -> None:
    changelog = Message(3, topic="t-profiles-changelog")
    assert faust_consumer.Consumer.ack(consumer(4), changelog) is True
    assert patched.seen == [changelog]


def test_install_twice_wraps_once(patched: Recorder) -> None:
    stale_acks.install([TOPIC])
    assert faust_consumer.Consumer.ack.__wrapped__ is patched
