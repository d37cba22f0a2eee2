"""Fixtures for the fault tests: isolated deployments on the session broker, workers that can be killed and
restarted, and their logs shown when a test fails."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.faults.control import Worker
from tests.integration.kafka_helpers import StreamEnv

#: Faust reads these from the environment (they override the app's settings). A killed worker's partitions
#: move once its session expires: Faust's default is 60 s, 10 s keeps a run of ten restarts within CI time.
FAST_FAILOVER = {"BROKER_SESSION_TIMEOUT": "10", "BROKER_HEARTBEAT_INTERVAL": "1"}


@pytest.fixture
def stream(kafka_bootstrap: str) -> StreamEnv:
    """A fresh deployment with four partitions, so that two or three workers have something to share."""
    return StreamEnv(kafka_bootstrap, partitions=4, extra=dict(FAST_FAILOVER))


@pytest.fixture
def start_worker(
    stream: StreamEnv, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Worker]]:
    """Start workers of ``stream``; all are stopped after the test and their logs shown on failure."""
    workers: list[Worker] = []

    def start(name: str = "worker", *, on: StreamEnv | None = None, **env: str) -> Worker:
        worker = Worker(on or stream, tmp_path, name=f"{name}{len(workers)}", **env).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        for worker in workers:
            print(f"----- {worker.log_path.name} (last 60 lines) -----")
            print("\n".join(worker.log().splitlines()[-60:]))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    report = yield
    setattr(item, "rep_" + report.when, report)
    return report
