"""The broker stopped and restarted mid-stream: the worker and ``newsstream publish`` ride it out.

This test starts its OWN broker (stopping the session's broker would break the other tests) on free ports
with a throw-away data directory, publishes through the real ``newsstream publish`` command fed slowly on
stdin, stops the broker while both the publisher and the worker are busy, and starts it again.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import KAFKA_SCRIPT, free_port
from tests.faults import corpus
from tests.faults.conftest import FAST_FAILOVER
from tests.faults.ledger import Ledger, report
from tests.faults.scenario import learned_counts, run_through, state_excess
from tests.faults.test_worker_faults import check
from tests.integration.kafka_helpers import NEWSSTREAM, StreamEnv, run

pytestmark = [pytest.mark.faults, pytest.mark.kafka]

ARTICLES = 2000
PUBLISH_RATE = 150  # lines a second on the publisher's stdin, so that the outage falls inside the publishing
OUTAGE_S = 10.0


class Broker:
    """A single-node broker of this test only, that can be stopped and started again on the same data."""

    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        self.env = {
            **os.environ, "KAFKA_PORT": str(self.port), "KAFKA_CONTROLLER_PORT": str(free_port()),
            "KAFKA_DATA_DIR": str(data_dir), "KAFKA_HEAP_OPTS": "-Xms256m -Xmx512m",
        }

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _run(self, command: str) -> None:
        done = subprocess.run([str(KAFKA_SCRIPT), command], env=self.env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"kafka.sh {command} failed:\n{done.stderr}")

    def start(self) -> None:
        self._run("start")

    def stop(self) -> None:
        self._run("stop")


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[Broker]:
    broker = Broker(tmp_path / "kafka")
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()


def feed(process: subprocess.Popen, lines: list[bytes], rate: float) -> None:
    """Write ``lines`` to the publisher's stdin at ``rate`` lines a second, then close it."""
    assert process.stdin is not None
    started = time.monotonic()
    for n, line in enumerate(lines):
        delay = started + n / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        process.stdin.write(line + b"\n")
        process.stdin.flush()
    process.stdin.close()


def test_broker_stopped_and_restarted_mid_stream(own_broker: Broker, tmp_path: Path, start_worker) -> None:
    stream = StreamEnv(own_broker.bootstrap, partitions=4, extra=dict(FAST_FAILOVER))
    messages = corpus.articles(ARTICLES, prefix="br", bad_every=0)  # publish rejects bad lines itself
    worker = start_worker(on=stream)
    timeline: dict[str, float] = {}
    publisher: dict[str, object] = {}

    async def publish() -> None:
        await worker.ready()
        log = (tmp_path / "publish.log").open("wb")
        process = subprocess.Popen(
            [NEWSSTREAM, "publish", "-q", "-"], env=stream.env(), stdin=subprocess.PIPE, stdout=log,
            stderr=subprocess.STDOUT,
        )
        writer = threading.Thread(target=feed, args=(process, [m.value for m in messages], PUBLISH_RATE))
        writer.start()
        publisher.update(process=process, writer=writer, log=tmp_path / "publish.log")

    async def fault(ledger: Ledger) -> None:
        while len(ledger.keys) < ARTICLES * 0.25:
            await asyncio.sleep(0.1)
        timeline["stop"] = time.monotonic()
        await asyncio.to_thread(own_broker.stop)
        timeline["stopped"] = time.monotonic()
        await asyncio.sleep(OUTAGE_S)
        await asyncio.to_thread(own_broker.start)
        timeline["started"] = time.monotonic()
        at_restart = len(ledger.keys)
        process = publisher["process"]
        rc = await asyncio.to_thread(process.wait, 300)  # type: ignore[attr-defined]
        publisher["rc"] = rc
        while len(ledger.keys) <= at_restart:
            await asyncio.sleep(0.2)
        timeline["first_output_after"] = time.monotonic()

    ledger = run(run_through(stream, messages, fault, publish=publish, timeout=600))
    publish_log = Path(publisher["log"]).read_text(errors="replace")  # type: ignore[arg-type]
    assert publisher["rc"] == 0, publish_log
    assert f"sent {ARTICLES}, rejected 0, failed 0" in publish_log, publish_log
    recovery = timeline["first_output_after"] - timeline["started"]
    row = check(
        ledger, messages, "broker stopped + restarted mid-stream (publish + worker)",
        broker_down_s=round(timeline["started"] - timeline["stop"], 1), worker_resumed_after_s=round(recovery, 1),
    )
    excess = state_excess(run(learned_counts(stream, corpus.by_source(messages))), corpus.by_source(messages))
    row["state_excess"] = sum(excess.values())
    report(row)
    assert min(excess.values()) >= 0, excess
    assert worker.alive(), worker.log()[-3000:]
