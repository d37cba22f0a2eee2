"""A worker killed, restarted, or joined by others mid-stream: every article ends enriched or dead-lettered.

Each test publishes thousands of small articles (a share of them bad input), applies a fault while the
outputs are read, and checks: nothing lost, duplicates only as same-key redeliveries (counted and reported),
every output parses and validates against its schema, and the per-source table state recovered from its
changelog (learned counts never fall below the articles processed).
"""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.faults import corpus
from tests.faults.ledger import Ledger, report
from tests.faults.scenario import learned_counts, run_through, state_excess, throughput
from tests.integration.kafka_helpers import produce, run

pytestmark = [pytest.mark.faults, pytest.mark.kafka]

ARTICLES = 2000


def check(ledger: Ledger, messages: list[corpus.Message], name: str, **extra: object) -> dict:
    sent = {m.key for m in messages}
    row = ledger.summary(name, sent, **extra)
    print("FAULTS checking", row)
    assert not ledger.malformed, ledger.malformed[:5]
    assert row["lost"] == 0, sorted(ledger.lost(sent))[:20]
    assert row["unexpected"] == 0
    bad = {m.key for m in messages if m.bad}
    assert set(ledger.dead) == bad, "exactly the bad input is dead-lettered"
    assert not set(ledger.enriched) & set(ledger.dead), "no key is both enriched and dead-lettered"
    return row


def check_state(stream, messages: list[corpus.Message], row: dict, *, exact: bool = False) -> dict[str, int]:
    excess = state_excess(run(learned_counts(stream, corpus.by_source(messages))), corpus.by_source(messages))
    row["state_excess"] = sum(excess.values())
    print("FAULTS state", row["fault"], excess)
    assert min(excess.values()) >= 0, f"learned counts fell below the articles processed: {excess}"
    report(row)
    if exact:
        assert set(excess.values()) == {0}, excess
    return excess


@pytest.mark.parametrize("store", ["memory", "rocksdb"])
def test_kill_9_mid_stream_then_restart(stream, start_worker, store: str) -> None:
    """On RocksDB the restarted worker reopens its own tables (same port, same data directory), which may
    hold writes its changelog never got: learned counts may then run ahead, never behind."""
    messages = corpus.articles(ARTICLES, prefix="k9")
    worker = start_worker(NEWSSTREAM_STORE=store)
    kills = []

    async def fault(ledger: Ledger) -> None:
        await worker.ready()
        while len(ledger.keys) < ARTICLES * 0.4:
            await asyncio.sleep(0.1)
        kills.append(len(ledger.keys))
        worker.kill()
        worker.start()
        await worker.ready()

    ledger = run(run_through(stream, messages, fault))
    suffix = "" if store == "memory" else f" ({store} store)"
    row = check(ledger, messages, f"kill -9 worker at 40%, restart{suffix}", killed_at=kills[0])
    check_state(stream, messages, row)
    assert worker.alive()


def test_restarted_ten_times_during_one_stream(stream, start_worker) -> None:
    messages = corpus.articles(ARTICLES, prefix="r10")
    worker = start_worker()
    restarts = 10

    async def fault(ledger: Ledger) -> None:
        await worker.ready()
        for n in range(restarts):
            target = ARTICLES * (n + 1) / (restarts + 2)
            while len(ledger.keys) < target:
                await asyncio.sleep(0.1)
            worker.kill()
            worker.start()
            await worker.ready()

    ledger = run(run_through(stream, messages, fault))
    row = check(ledger, messages, f"kill -9 + restart x{restarts} in one stream")
    check_state(stream, messages, row)


def _scale_out(stream, start_worker, *, name: str, later_share: float) -> dict[str, float]:
    """Two workers, one killed at 30%, a third started at 50%; the last ``later_share`` of the articles is
    published only once the third is ready (0: everything is published up front). Returns the rates."""
    count = 3000
    messages = corpus.articles(count, prefix="sc")
    first_part, later = messages[: int(count * (1 - later_share))], messages[int(count * (1 - later_share)) :]
    first, second = start_worker("a"), start_worker("b")
    marks: dict[str, float] = {}

    async def fault(ledger: Ledger) -> None:
        await asyncio.gather(first.ready(), second.ready())
        marks["start"] = time.monotonic()
        while len(ledger.keys) < count * 0.3:
            await asyncio.sleep(0.1)
        marks["kill"] = time.monotonic()
        second.kill()
        while len(ledger.keys) < count * 0.5:
            await asyncio.sleep(0.1)
        marks["join"] = time.monotonic()
        third = start_worker("c")
        await third.ready()
        marks["joined"] = time.monotonic()
        if later:
            await produce(stream.bootstrap, stream.raw, [(m.key, m.value) for m in later])
        while len(ledger.keys) < count:
            await asyncio.sleep(0.1)
        marks["end"] = time.monotonic()
        assert first.alive() and third.alive()
        assert "Setting newly assigned partitions" in third.log()

    async def publish_first_part() -> None:
        await produce(stream.bootstrap, stream.raw, [(m.key, m.value) for m in first_part])

    ledger = run(run_through(stream, messages, fault, publish=publish_first_part))
    rates = {
        "two_workers_per_s": round(throughput(ledger, marks["start"], marks["kill"]), 1),
        "one_worker_per_s": round(throughput(ledger, marks["kill"], marks["join"]), 1),
        "after_third_joined_per_s": round(throughput(ledger, marks["joined"], marks["end"]), 1),
    }
    row = check(ledger, messages, name, **rates)
    check_state(stream, messages, row)
    return rates


def test_two_workers_one_killed_then_a_third_joins(stream, start_worker) -> None:
    # Everything is published up front: the group of one may finish the backlog before the third worker is
    # ready (a worker moves ~600 articles/s here), so its rate after joining is reported, not asserted; the
    # test asserts that nothing is lost or malformed through both rebalances and that the third got work.
    _scale_out(stream, start_worker, name="2 workers, one kill -9, a third joins", later_share=0.0)


def test_articles_published_while_a_third_worker_joins_all_come_out(stream, start_worker) -> None:
    # Before streams/offset_gaps.py, 1 run in 4-8 lost 2-212 articles here: the first ones published after the
    # rebalance, which faust-streaming fetched or queued but never handed to the agent, then committed past
    rates = _scale_out(stream, start_worker, name="a third worker joins, 40% published after", later_share=0.4)
    assert rates["after_third_joined_per_s"] > 0
