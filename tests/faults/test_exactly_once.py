"""Exactly-once as an opt-in (NEWSSTREAM_PROCESSING_GUARANTEE=exactly_once) under kill -9.

Outputs are read with isolation_level="read_committed", as a consumer relying on the guarantee must.
The test asserts no output lost and nothing half-written, and REPORTS what it sees instead of asserting
what the guarantee promises: with faust-streaming 0.15.3 a read_committed consumer still sees redelivered
articles after a kill -9, and the table's learned counts come out wrong both ways: some sources
over-count, and some end BELOW the articles processed (table updates lost, in the committed and the
uncommitted changelog alike), which never happens under at_least_once: output offsets and table
changelog writes are not committed atomically. This matches faust-streaming issues #517 ("Duplicate
messages despite exactly_once") and #177 ("Producer is sending messages outside a transaction");
docs/reliability.md says what a consumer can rely on.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.faults import corpus
from tests.faults.ledger import Ledger, report
from tests.faults.scenario import learned_counts, run_through, state_excess
from tests.faults.test_worker_faults import ARTICLES, check
from tests.integration.kafka_helpers import run

pytestmark = [pytest.mark.faults, pytest.mark.kafka]


@pytest.mark.xfail(
    strict=False,
    reason="exactly_once is experimental: after the fixes of 2026-12-02 (streams/transactions.py; before them "
    "nothing reached a read_committed consumer in this topology) 2 of 3 kill -9 runs lost nothing, and one "
    "stalled after the restart with 403 of 2000 articles never visible to a read_committed consumer "
    "(docs/reliability.md); at_least_once (the default, asserted lossless in test_worker_faults.py) is supported",
)
def test_exactly_once_under_kill_9(stream, start_worker) -> None:
    messages = corpus.articles(ARTICLES, prefix="eos")
    worker = start_worker(NEWSSTREAM_PROCESSING_GUARANTEE="exactly_once")

    async def fault(ledger: Ledger) -> None:
        await worker.ready()
        while len(ledger.keys) < ARTICLES * 0.4:
            await asyncio.sleep(0.1)
        worker.kill()
        worker.start()
        await worker.ready()

    ledger = run(run_through(stream, messages, fault, read_committed=True))
    name = "exactly_once, kill -9 at 40%, read_committed consumer"
    row = ledger.summary(name, {m.key for m in messages})
    excess = state_excess(
        run(learned_counts(stream, corpus.by_source(messages), read_committed=True)), corpus.by_source(messages)
    )
    row["state_excess"] = sum(n for n in excess.values() if n > 0)
    row["state_lost"] = -sum(n for n in excess.values() if n < 0)  # table updates missing after recovery
    report(row)  # before the assertions: a run that loses articles is reported too
    assert "Traceback" not in worker.log(), worker.log()[-3000:]
    check(ledger, messages, name)  # nothing lost, nothing half-written, exactly the bad input dead-lettered
