"""Small helpers for tests that talk to the real broker: worker processes, producing, collecting outputs."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from tests.conftest import REPO, free_port

NEWSSTREAM = str(Path(sys.executable).with_name("newsstream"))


@dataclass
class StreamEnv:
    """One isolated deployment on the shared test broker: its own app id, topics and web port."""

    bootstrap: str
    name: str = field(default_factory=lambda: "t" + uuid.uuid4().hex[:10])
    partitions: int = 2
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def raw(self) -> str:
        return f"{self.name}.raw"

    @property
    def enriched(self) -> str:
        return f"{self.name}.enriched"

    @property
    def dead_letter(self) -> str:
        return f"{self.name}.dead-letter"

    @property
    def mentions(self) -> str:
        return f"{self.name}.mentions"

    @property
    def companies(self) -> str:
        return f"{self.name}.companies"

    def env(self, **overrides: str) -> dict[str, str]:
        return {
            **os.environ,
            "KAFKA_BOOTSTRAP": self.bootstrap,
            "NEWSSTREAM_APP_ID": self.name,
            "NEWSSTREAM_TOPIC_RAW": self.raw,
            "NEWSSTREAM_TOPIC_ENRICHED": self.enriched,
            "NEWSSTREAM_TOPIC_DEAD_LETTER": self.dead_letter,
            "NEWSSTREAM_TOPIC_BY_SOURCE": f"{self.name}.by-source",
            "NEWSSTREAM_TOPIC_STORIES": f"{self.name}.stories",
            "NEWSSTREAM_TOPIC_MENTIONS": self.mentions,
            "NEWSSTREAM_TOPIC_COMPANIES": self.companies,
            "NEWSSTREAM_PARTITIONS": str(self.partitions),
            "NEWSSTREAM_STORE": "memory",  # the tests' default; a test of the RocksDB store overrides it
            **self.extra,
            **overrides,
        }


#: What a Faust worker logs once it has started (once per start: the log file is appended across restarts).
READY = "[^Worker]: Ready"


class WorkerProcess:
    """``newsstream worker`` in a subprocess, logging to a file the test can show on failure."""

    def __init__(self, stream: StreamEnv, log_dir: Path, *, name: str = "worker", **env: str) -> None:
        self.stream = stream
        self.web_port = free_port()
        self.log_path = log_dir / f"{stream.name}-{name}.log"
        # its tables (when on disk) in the test's directory, one per worker as in a deployment
        env = {"NEWSSTREAM_DATA_DIR": str(log_dir / f"{stream.name}-{name}-data"), **env}
        self.env = stream.env(NEWSSTREAM_WEB_PORT=str(self.web_port), **env)
        self.process: subprocess.Popen[bytes] | None = None
        self._readies_before = 0

    def start(self) -> WorkerProcess:
        self._readies_before = self.readies() if self.log_path.exists() else 0
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [NEWSSTREAM, "worker", "-l", "info", "--web-port", str(self.web_port), "--web-bind", "127.0.0.1"],
            env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True,
        )
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            self.process.wait(timeout=60)

    def stop(self, timeout: float = 30) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def readies(self) -> int:
        return self.log().count(READY)

    async def ready(self, timeout: float = 120.0) -> None:
        """Wait until this run of the worker logged that it is ready."""
        deadline = time.monotonic() + timeout
        while self.readies() <= self._readies_before:
            if not self.alive():
                raise RuntimeError(f"{self.log_path.name} exited:\n{self.log()[-3000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.log_path.name} not ready after {timeout}s:\n{self.log()[-3000:]}")
            await asyncio.sleep(0.2)


async def produce(bootstrap: str, topic: str, messages: Iterable[tuple[bytes | None, bytes | None]]) -> int:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, enable_idempotence=True, acks="all", max_request_size=64 * 1024 * 1024
    )
    await producer.start()
    count = 0
    try:
        futures = []
        for key, value in messages:
            futures.append(await producer.send(topic, value, key=key))
            count += 1
        await producer.flush()
        for f in futures:
            await f
    finally:
        await producer.stop()
    return count


async def collect(
    bootstrap: str, topics: list[str], *, until: int | None = None, ids: set[str] | None = None,
    timeout: float = 120.0,
) -> dict[str, list[tuple[bytes | None, dict]]]:
    """Read ``topics`` from the beginning until ``until`` records in total arrived, or until a record with each
    of ``ids`` as its ``id`` did (or the timeout).

    After a kill -9 a worker redelivers what it had not committed, so a count of records says nothing about
    which articles came out: tests that restart workers wait for ``ids``.
    """
    if (until is None) == (ids is None):
        raise ValueError("collect needs exactly one of until= and ids=")
    consumer = AIOKafkaConsumer(
        *topics, bootstrap_servers=bootstrap, group_id=None, auto_offset_reset="earliest",
        enable_auto_commit=False, max_partition_fetch_bytes=64 * 1024 * 1024, fetch_max_bytes=64 * 1024 * 1024,
        metadata_max_age_ms=1000,
    )
    await consumer.start()
    out: dict[str, list[tuple[bytes | None, dict]]] = {t: [] for t in topics}
    deadline = time.monotonic() + timeout
    seen: set[str] = set()

    def done() -> bool:
        return ids <= seen if ids is not None else sum(map(len, out.values())) >= until

    try:
        while not done() and time.monotonic() < deadline:
            batches = await consumer.getmany(timeout_ms=500)
            for tp, messages in batches.items():
                values = [(m.key, orjson.loads(m.value)) for m in messages]
                out[tp.topic].extend(values)
                seen.update(v.get("id") for _, v in values if isinstance(v, dict))
    finally:
        await consumer.stop()
    return out


def run(coro):
    return asyncio.run(coro)
