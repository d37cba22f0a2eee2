from __future__ import annotations

import pytest

from tests.integration.kafka_helpers import StreamEnv


@pytest.fixture
def stream(kafka_bootstrap: str) -> StreamEnv:
    """A fresh deployment (app id, topics) on the session's broker."""
    return StreamEnv(kafka_bootstrap)
