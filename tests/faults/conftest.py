"""Fixtures for the fault tests: deployments with several partitions and fast failover (``start_worker`` and
the other shared fixtures are in tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.integration.kafka_helpers import StreamEnv

#: Faust reads these from the environment (they override the app's settings). A killed worker's partitions
#: move once its session expires: Faust's default is 60 s, 10 s keeps a run of ten restarts within CI time.
FAST_FAILOVER = {"BROKER_SESSION_TIMEOUT": "10", "BROKER_HEARTBEAT_INTERVAL": "1"}
#: Faust logs a partition that fetches nothing, a stream that stopped, or a commit that stopped advancing,
#: naming the partition, after this long (default 5 min: longer than a fault test waits for a stall).
FAST_FAILOVER["STREAM_PROCESSING_TIMEOUT"] = "30"


@pytest.fixture
def stream(kafka_bootstrap: str) -> StreamEnv:
    """A fresh deployment with four partitions, so that two or three workers have something to share."""
    return StreamEnv(kafka_bootstrap, partitions=4, extra=dict(FAST_FAILOVER))
