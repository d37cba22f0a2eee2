"""Shared fixtures: a real local Kafka broker for the tests marked ``kafka``.

The session starts its own single-node broker (devtools/kafka/kafka.sh) on free 127.0.0.1 ports with a
throw-away data directory and stops it at the end, unless NEWSSTREAM_TEST_BOOTSTRAP names a broker to use.
A broker that cannot be started is an error, never a skip.
"""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
KAFKA_SCRIPT = REPO / "devtools" / "kafka" / "kafka.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    given = os.environ.get("NEWSSTREAM_TEST_BOOTSTRAP")
    if given:
        yield given
        return
    env = {
        **os.environ,
        "KAFKA_PORT": str(free_port()),
        "KAFKA_CONTROLLER_PORT": str(free_port()),
        "KAFKA_DATA_DIR": str(tmp_path_factory.mktemp("kafka")),
        "KAFKA_HEAP_OPTS": "-Xms256m -Xmx768m",
    }
    started = subprocess.run([str(KAFKA_SCRIPT), "start"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        pytest.fail(f"could not start the local Kafka broker:\n{started.stderr}", pytrace=False)
    try:
        yield f"127.0.0.1:{env['KAFKA_PORT']}"
    finally:
        subprocess.run([str(KAFKA_SCRIPT), "stop"], env=env, capture_output=True, text=True)


@pytest.fixture
def start_worker(stream: Any, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[..., Any]]:
    """Start ``newsstream worker`` processes of ``stream`` (a fixture of the test's folder; ``on=`` another
    deployment); all are stopped after the test, and their logs shown when it failed."""
    from tests.integration.kafka_helpers import WorkerProcess  # it imports this module

    workers: list[WorkerProcess] = []

    def start(name: str = "worker", *, on: Any = None, **env: str) -> WorkerProcess:
        worker = WorkerProcess(on or stream, tmp_path, name=f"{name}{len(workers)}", **env).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        # whole logs outlive pytest's rotation of its temporary folders: artifacts/failed-logs/<test>/
        keep = Path(__file__).resolve().parents[1] / "artifacts" / "failed-logs" / request.node.name
        keep.mkdir(parents=True, exist_ok=True)
        for worker in workers:
            print(f"----- {worker.log_path.name} (last 80 lines; all of it in {keep}) -----")
            print("\n".join(worker.log().splitlines()[-80:]))
            (keep / worker.log_path.name).write_text(worker.log(), encoding="utf-8")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    report = yield
    setattr(item, "rep_" + report.when, report)
    return report
