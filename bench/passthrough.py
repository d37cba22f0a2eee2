"""The peer of bench/stream.py: a Faust agent that moves bytes from one topic to another, Faust's defaults.

Run by the bench as ``python -m bench.passthrough worker -l warn --without-web`` with
``PASSTHROUGH_APP``, ``PASSTHROUGH_IN``, ``PASSTHROUGH_OUT``, ``PASSTHROUGH_DATA_DIR`` and ``KAFKA_BOOTSTRAP``
in the environment.
"""

from __future__ import annotations

import os
from typing import Any

import faust

app = faust.App(
    os.environ.get("PASSTHROUGH_APP", "bench-passthrough"),
    broker="kafka://" + os.environ.get("KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
    store="memory://",
    datadir=os.environ.get("PASSTHROUGH_DATA_DIR", "{conf.name}-data"),  # the bench puts it beside the log
    consumer_auto_offset_reset="earliest",
    autodiscover=False,
)
source = app.topic(os.environ.get("PASSTHROUGH_IN", "bench.in"), key_type=bytes, value_type=bytes,
                   key_serializer="raw", value_serializer="raw")
sink = app.topic(os.environ.get("PASSTHROUGH_OUT", "bench.out"), key_type=bytes, value_type=bytes,
                 key_serializer="raw", value_serializer="raw")


@app.agent(source)
async def passthrough(stream: Any) -> None:
    async for event in stream.events():
        await sink.send(key=event.message.key, value=event.message.value)


if __name__ == "__main__":
    app.main()
