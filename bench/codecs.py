"""Output compression: how much each Kafka codec saves on enriched records, and at what CPU cost.

The records are the enriched form of the 119 AEB article bodies (../shared/data/aeb), concatenated into
16 KB producer batches (aiokafka's default batch size); ratio = raw bytes / compressed bytes, speed in MB
of input per CPU second. The default, ``NEWSSTREAM_COMPRESSION=zstd``, is chosen from these figures.

Run: ``.venv/bin/python -m bench.codecs``
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import cramjam

from bench.table import print_rows
from streams import pipeline
from streams.pipeline import Origin

SHARED = Path(os.environ.get("NEWSSTREAM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
BATCH_BYTES = 16384
CODECS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": lambda b: gzip.compress(b, 6),
    "snappy": lambda b: bytes(cramjam.snappy.compress_raw(b)),
    "lz4": lambda b: bytes(cramjam.lz4.compress_block(b)),
    "zstd": lambda b: bytes(cramjam.zstd.compress(b, 3)),
}


def batches() -> list[bytes]:
    truth = json.loads((SHARED / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    out, current = [], b""
    for i, (page_id, page) in enumerate(sorted(truth.items())):
        raw = json.dumps({"id": page_id, "url": page["url"], "source": f"s{i % 7}", "body": page["articleBody"]})
        current += pipeline.process(raw.encode(), Origin("bench"), max_bytes=1 << 22).value
        if len(current) >= BATCH_BYTES:
            out.append(current)
            current = b""
    return out


def run() -> list[dict]:
    data = batches()
    total = sum(map(len, data))
    rows = []
    for name, compress in CODECS.items():
        started = time.process_time()
        size = sum(len(compress(b)) for b in data)
        seconds = time.process_time() - started
        rows.append({"metric": f"{name}: ratio", "value": round(total / size, 2)})
        rows.append({"metric": f"{name}: MB/s per CPU second", "value": round(total / seconds / 1e6)})
    return rows


if __name__ == "__main__":
    print_rows(run())
