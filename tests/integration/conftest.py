from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.integration.kafka_helpers import StreamEnv, WorkerProcess


@pytest.fixture
def stream(kafka_bootstrap: str) -> StreamEnv:
    """A fresh deployment (app id, topics) on the session's broker."""
    return StreamEnv(kafka_bootstrap)


@pytest.fixture
def start_worker(
    stream: StreamEnv, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[..., WorkerProcess]]:
    """Start ``newsstream worker`` processes; all are stopped after the test, their logs shown on failure."""
    workers: list[WorkerProcess] = []

    def start(name: str = "worker", **env: str) -> WorkerProcess:
        worker = WorkerProcess(stream, tmp_path, name=f"{name}{len(workers)}", **env).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        for worker in workers:
            print(f"----- {worker.log_path.name} (last 80 lines) -----")
            print("\n".join(worker.log().splitlines()[-80:]))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    report = yield
    setattr(item, "rep_" + report.when, report)
    return report
