"""The stream's own speed on a real broker, beside a Faust passthrough agent measured in the same run.

Every phase starts the consumer(s), waits until each is ready and the group has settled, then loads keyed
articles into the input topic and times the output by its records' own timestamps (first to last output
record), so start-up, topic creation and group joins do not count:
- ``passthrough``: bench/passthrough.py, bytes in -> the same bytes out, Faust's defaults (the peer);
- ``worker``: ``newsstream worker`` (intake -> enrich -> enriched), plain-text articles keyed by source as
  ``newsstream publish`` keys them (so none takes the by-source hop, streams/source_routing.py);
- ``id-keyed``: the same articles keyed by article id: most go intake -> by-source -> enrich;
- ``html``: the same on raw HTML pages, beside the core's offline rate on the same pages (keyed by source,
  and by id in the ``id-keyed`` phase);
- ``two workers``: two ``newsstream worker`` processes of one deployment;
- ``memory``: one worker with its tables in memory (``NEWSSTREAM_STORE=memory``) instead of RocksDB;
- ``latency``: a steady feed at half the one-worker rate; raw record timestamp -> enriched record timestamp;
- ``rss`` (``--rss``): a worker's resident memory every 10k articles over 100k articles from 1,000 sources.

Articles: the AEB plain-text pages (../shared/data/aeb, navigation lines included) cut to about 3 KB at a line
break, from 7 sources, each with its own id. The machine is shared: compare the ratios of one run.

Run: ``make bench-stream`` (starts the local broker), or ``.venv/bin/python -m bench.stream [--articles N] [--rss]``
with a broker at $KAFKA_BOOTSTRAP.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from bench.table import print_rows

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSSTREAM_SHARED_DATA", REPO.parent / "shared" / "data"))
BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "127.0.0.1:9092")
PARTITIONS = 4
ARTICLE_CHARS = 3000
NEWSSTREAM = str(Path(sys.executable).with_name("newsstream"))
TOPIC_CONFIG = {"max.message.bytes": str(64 * 1024 * 1024)}


def plain_articles(count: int, sources: int = 7, key: str = "id") -> Iterator[tuple[bytes, bytes]]:
    docs = [json.loads(line) for line in (SHARED / "aeb" / "plaintext-lines.jsonl").open(encoding="utf-8")]
    bodies = []
    for doc in docs:
        body, size = [], 0
        for item in doc["lines"]:
            if size + len(item["text"]) > ARTICLE_CHARS and size:
                break
            body.append(item["text"])
            size += len(item["text"]) + 1
        bodies.append("\n".join(body))
    for i in range(count):
        article_id = f"a{i}"
        source = f"source-{i % sources}"
        value = {"id": article_id, "source": source, "url": f"https://{source}.example/{i}",
                 "body": bodies[i % len(bodies)]}
        yield (source if key == "source" else article_id).encode(), orjson.dumps(value)


def html_articles(count: int, key: str = "id") -> Iterator[tuple[bytes, bytes]]:
    paths = sorted((SHARED / "aeb" / "html").glob("*.html.gz"))
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in paths]
    for i in range(count):
        article_id = f"h{i}"
        source = f"site-{i % len(pages)}"
        value = {"id": article_id, "source": source, "html": pages[i % len(pages)]}
        yield (source if key == "source" else article_id).encode(), orjson.dumps(value)


async def create(topics: list[str]) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(t, PARTITIONS, 1, topic_configs=TOPIC_CONFIG) for t in topics])
    finally:
        await admin.close()


async def preload(topic: str, messages: Iterator[tuple[bytes, bytes]]) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, linger_ms=20, max_batch_size=1 << 20,
                                max_request_size=64 * 1024 * 1024, acks="all")
    await producer.start()
    count = 0
    try:
        for key, value in messages:
            await producer.send(topic, value, key=key)
            count += 1
        await producer.flush()
    finally:
        await producer.stop()
    return count


async def end_offsets(topics: list[str]) -> int:
    consumer = AIOKafkaConsumer(bootstrap_servers=BOOTSTRAP)
    await consumer.start()
    try:
        tps = [TopicPartition(t, p) for t in topics for p in range(PARTITIONS)]
        return sum((await consumer.end_offsets(tps)).values())
    finally:
        await consumer.stop()


async def timestamps(topics: list[str], *, by_id: bool = False) -> dict[bytes, int]:
    """Key (or, ``by_id``, the article id in the value) -> timestamp (ms) of every record of ``topics``."""
    consumer = AIOKafkaConsumer(*topics, bootstrap_servers=BOOTSTRAP, auto_offset_reset="earliest",
                                enable_auto_commit=False, max_partition_fetch_bytes=64 * 1024 * 1024,
                                fetch_max_bytes=64 * 1024 * 1024)
    await consumer.start()
    out: dict[bytes, int] = {}
    try:
        total = await end_offsets(topics)
        seen = 0
        while seen < total:
            for records in (await consumer.getmany(timeout_ms=1000)).values():
                for r in records:
                    out[orjson.loads(r.value)["id"].encode() if by_id else r.key] = r.timestamp
                    seen += 1
    finally:
        await consumer.stop()
    return out


READY = "[^Worker]: Ready"
SETTLE_S = 10.0  # after every process is ready: the rebalances of a group's first minute are over


@dataclass
class Process:
    popen: subprocess.Popen
    log: Path

    async def ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while READY not in self.log.read_text(errors="replace"):
            if self.popen.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.log.name} did not get ready:\n{self.log.read_text()[-2000:]}")
            await asyncio.sleep(0.3)

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.popen.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def cpu_s(self) -> float:
        fields = Path(f"/proc/{self.popen.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def deployment(name: str) -> dict[str, str]:
    return {"KAFKA_BOOTSTRAP": BOOTSTRAP, "NEWSSTREAM_APP_ID": name, "NEWSSTREAM_TOPIC_RAW": f"{name}.raw",
            "NEWSSTREAM_TOPIC_ENRICHED": f"{name}.enriched", "NEWSSTREAM_TOPIC_DEAD_LETTER": f"{name}.dead-letter",
            "NEWSSTREAM_TOPIC_BY_SOURCE": f"{name}.by-source", "NEWSSTREAM_TOPIC_STORIES": f"{name}.stories",
            "NEWSSTREAM_TOPIC_MENTIONS": f"{name}.mentions", "NEWSSTREAM_TOPIC_COMPANIES": f"{name}.companies",
            "NEWSSTREAM_PARTITIONS": str(PARTITIONS)}


def start_worker(env: dict[str, str], log: Path) -> Process:
    port = free_port()
    argv = [NEWSSTREAM, "worker", "-l", "info", "--web-port", str(port), "--web-bind", "127.0.0.1"]
    data_dir = str(log.with_suffix(".data"))  # the worker's tables (RocksDB by default), beside its log
    popen = subprocess.Popen(argv, env={**os.environ, **env, "NEWSSTREAM_WEB_PORT": str(port),
                                        "NEWSSTREAM_DATA_DIR": data_dir}, cwd=REPO,
                             stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
    return Process(popen, log)


def start_passthrough(env: dict[str, str], log: Path) -> Process:
    argv = [sys.executable, "-m", "bench.passthrough", "worker", "-l", "info", "--without-web"]
    env = {**env, "PASSTHROUGH_DATA_DIR": str(log.with_suffix(".data"))}
    popen = subprocess.Popen(argv, env={**os.environ, **env}, cwd=REPO, stdout=log.open("ab"),
                             stderr=subprocess.STDOUT, start_new_session=True)
    return Process(popen, log)


async def settled(procs: list[Process]) -> None:
    await asyncio.gather(*(p.ready() for p in procs))
    await asyncio.sleep(SETTLE_S)


async def wait_for(topics: list[str], count: int, processes: list[Process], timeout: float,
                   on_progress: Any = None) -> None:
    deadline = time.monotonic() + timeout
    while (done := await end_offsets(topics)) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{done} of {count} records on {topics} after {timeout:.0f} s")
        for p in processes:
            if p.popen.poll() is not None:
                raise RuntimeError(f"a process exited with {p.popen.returncode}")
        if on_progress:
            on_progress(done)
        await asyncio.sleep(0.5)


def rate(stamps: dict[bytes, int]) -> float:
    values = sorted(stamps.values())
    span = (values[-1] - values[0]) / 1000
    return (len(values) - 1) / span if span > 0 else float("inf")


async def measure_passthrough(n: int, logs: Path) -> float:
    name = "bp" + uuid.uuid4().hex[:8]
    await create([f"{name}.in", f"{name}.out"])
    proc = start_passthrough({"KAFKA_BOOTSTRAP": BOOTSTRAP, "PASSTHROUGH_APP": name, "PASSTHROUGH_IN": f"{name}.in",
                              "PASSTHROUGH_OUT": f"{name}.out"}, logs / f"{name}.log")
    try:
        await settled([proc])
        await preload(f"{name}.in", plain_articles(n))
        await wait_for([f"{name}.out"], n, [proc], timeout=600)
    finally:
        proc.stop()
    return rate(await timestamps([f"{name}.out"]))


async def measure_workers(n: int, logs: Path, *, workers: int = 1, html: bool = False,
                          store: str | None = None, key: str = "source") -> dict[str, float]:
    """Articles keyed by ``key`` ("source" or "id") through ``workers`` workers of one deployment."""
    name = "bw" + uuid.uuid4().hex[:8]
    env = deployment(name) | ({"NEWSSTREAM_STORE": store} if store else {})
    outputs = [env["NEWSSTREAM_TOPIC_ENRICHED"], env["NEWSSTREAM_TOPIC_DEAD_LETTER"]]
    procs = [start_worker(env, logs / f"{name}-{i}.log") for i in range(workers)]
    try:
        await settled(procs)
        cpu_before = sum(p.cpu_s() for p in procs)
        articles = html_articles(n, key=key) if html else plain_articles(n, key=key)
        await preload(env["NEWSSTREAM_TOPIC_RAW"], articles)
        await wait_for(outputs, n, procs, timeout=1800)
        cpu = sum(p.cpu_s() for p in procs) - cpu_before
    finally:
        for p in procs:
            p.stop()
    return {"rate": rate(await timestamps(outputs)), "cpu_ms": 1000 * cpu / n}


async def measure_latency(articles_per_s: float, seconds: float, logs: Path) -> dict[str, float]:
    name = "bl" + uuid.uuid4().hex[:8]
    env = deployment(name)
    await create([env["NEWSSTREAM_TOPIC_RAW"]])
    proc = start_worker(env, logs / f"{name}.log")
    n = int(articles_per_s * seconds)
    try:
        await settled([proc])
        await preload(env["NEWSSTREAM_TOPIC_RAW"], plain_articles(1))  # warm: the first article's path
        await wait_for([env["NEWSSTREAM_TOPIC_ENRICHED"]], 1, [proc], timeout=180)
        producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all")
        await producer.start()
        started = time.monotonic()
        try:
            for i, (key, value) in enumerate(plain_articles(n + 1, key="source")):
                if i == 0:
                    continue
                delay = started + i / articles_per_s - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                await producer.send(env["NEWSSTREAM_TOPIC_RAW"], value, key=key)
            await producer.flush()
        finally:
            await producer.stop()
        await wait_for([env["NEWSSTREAM_TOPIC_ENRICHED"]], n + 1, [proc], timeout=600)
    finally:
        proc.stop()
    sent = await timestamps([env["NEWSSTREAM_TOPIC_RAW"]], by_id=True)
    done = await timestamps([env["NEWSSTREAM_TOPIC_ENRICHED"]])
    latencies = sorted(done[k] - sent[k] for k in done if k in sent and k != b"a0")
    return {"p50": statistics.median(latencies), "p99": latencies[int(0.99 * (len(latencies) - 1))]}


async def measure_rss(n: int, logs: Path) -> list[tuple[int, float]]:
    name = "br" + uuid.uuid4().hex[:8]
    env = deployment(name)
    await create([env["NEWSSTREAM_TOPIC_RAW"]])
    await preload(env["NEWSSTREAM_TOPIC_RAW"], plain_articles(n, sources=1000, key="source"))
    proc = start_worker(env, logs / f"{name}.log")
    samples: list[tuple[int, float]] = []

    def sample(done: int) -> None:
        if done >= (len(samples) + 1) * 10_000:
            samples.append((done, proc.rss_mb()))

    try:
        await wait_for([env["NEWSSTREAM_TOPIC_ENRICHED"], env["NEWSSTREAM_TOPIC_DEAD_LETTER"]], n, [proc],
                       timeout=3600, on_progress=sample)
        samples.append((n, proc.rss_mb()))
    finally:
        proc.stop()
    return samples


def core_html_rate(n: int) -> float:
    from streams import pipeline
    from streams.enrich import warm_up
    from streams.pipeline import Origin

    warm_up()
    messages = list(html_articles(n))
    started = time.process_time()
    for _, value in messages:
        pipeline.process(value, Origin("bench"), max_bytes=64 * 1024 * 1024)
    return n / (time.process_time() - started)


async def main(args: argparse.Namespace) -> None:
    logs = REPO / "artifacts" / "bench-stream"
    logs.mkdir(parents=True, exist_ok=True)
    n = args.articles
    rows: list[dict[str, Any]] = []

    def add(row: dict[str, Any]) -> None:
        rows.append(row)
        print(f"[{row['metric']}: {row['value']}]", file=sys.stderr, flush=True)

    passthrough = await measure_passthrough(n, logs)
    one = await measure_workers(n, logs)
    add({"metric": "worker, plain text: articles/s", "value": round(one["rate"]),
         "peer": "Faust passthrough agent, msg/s", "peer_value": round(passthrough)})
    add({"metric": "worker / passthrough", "value": round(one["rate"] / passthrough, 3), "target": ">= 0.5"})
    add({"metric": "worker CPU ms per article", "value": round(one["cpu_ms"], 2)})
    if "html" in args.phases:
        html_n = max(200, n // 10)
        html = await measure_workers(html_n, logs, html=True)
        core = core_html_rate(min(html_n, 119))
        add({"metric": "worker, HTML pages/s", "value": round(html["rate"], 1),
             "peer": "core offline, pages/s (CPU)", "peer_value": round(core, 1)})
        add({"metric": "worker HTML / core", "value": round(html["rate"] / core, 3), "target": ">= 0.8"})
    def beside_one(variant: str, run: dict[str, float], peer: str) -> None:
        """A variant of the one-worker plain-text phase: its rate and CPU beside the default's."""
        add({"metric": f"worker, {variant}: articles/s", "value": round(run["rate"]), "peer": peer,
             "peer_value": round(one["rate"])})
        add({"metric": f"worker CPU ms per article, {variant}", "value": round(run["cpu_ms"], 2), "peer": peer,
             "peer_value": round(one["cpu_ms"], 2)})

    if "id-keyed" in args.phases:
        beside_one("keyed by article id", await measure_workers(n, logs, key="id"), "keyed by source")
        if "html" in args.phases:
            html_by_id = await measure_workers(html_n, logs, html=True, key="id")
            add({"metric": "worker, HTML keyed by article id: pages/s", "value": round(html_by_id["rate"], 1),
                 "peer": "keyed by source", "peer_value": round(html["rate"], 1)})
    if "two" in args.phases:
        two = await measure_workers(n, logs, workers=2)
        add({"metric": "two workers: articles/s", "value": round(two["rate"]), "peer": "one worker",
             "peer_value": round(one["rate"])})
        add({"metric": "two workers / one", "value": round(two["rate"] / one["rate"], 2), "target": ">= 1.5"})
    if "memory" in args.phases:
        beside_one("memory store", await measure_workers(n, logs, store="memory"), "RocksDB store (the default)")
    if "latency" in args.phases:
        latency = await measure_latency(one["rate"] / 2, args.latency_seconds, logs)
        add({"metric": f"latency p50 ms at {one['rate'] / 2:.0f}/s", "value": latency["p50"]})
        add({"metric": f"latency p99 ms at {one['rate'] / 2:.0f}/s", "value": latency["p99"], "target": "<= 250"})
    if args.rss:
        samples = await measure_rss(args.rss_articles, logs)
        for done, mb in samples:
            add({"metric": f"RSS MB after {done} articles (1000 sources)", "value": round(mb)})
        by_count = dict(samples)
        half = min(by_count, key=lambda k: abs(k - args.rss_articles // 2))
        growth = by_count[args.rss_articles] / by_count[half] - 1
        add({"metric": "RSS growth, half-way -> end", "value": round(growth, 3), "target": "<= 0.10"})
    print_rows(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--latency-seconds", type=float, default=20.0)
    parser.add_argument("--rss", action="store_true", help="also the 100k-article memory run (several minutes)")
    parser.add_argument("--rss-articles", type=int, default=100_000)
    parser.add_argument("--phases", default="html,id-keyed,two,memory,latency", help="of html,id-keyed,two,memory,"
                        "latency (the "
                        "worker, on the default RocksDB store, and its passthrough peer always run)")
    asyncio.run(main(parser.parse_args()))
