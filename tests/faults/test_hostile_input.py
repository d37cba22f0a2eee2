"""Hostile and broken input: many fuzzed examples through ``pipeline.process``, and the nastiest cases
(10 MB bodies, compression bombs, pathological HTML, deep JSON) through a real worker, the real
``newsstream publish`` and ``newsstream enrich``: each ends enriched or dead-lettered with a reason, the
worker never stops, its memory stays bounded and no single article stalls the stream."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from pathlib import Path

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from hypothesis import HealthCheck, given, settings

from streams import pipeline, records
from streams.enrich import warm_up
from streams.pipeline import Origin
from tests.faults import corpus
from tests.faults.ledger import Reader, report
from tests.hostile import check_outcome, raw_messages
from tests.hostile import corpus as nasty_corpus
from tests.integration.kafka_helpers import NEWSSTREAM, produce, run

pytestmark = [pytest.mark.faults]

LIMIT = 12 * 1024 * 1024  # lets the 10 MB bodies into the core; the default limit (2 MB) dead-letters them
BUDGET_S = 2.0
NORMAL = 600


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw_messages)
def test_fuzzed_raw_messages_many_examples(data: bytes) -> None:
    outcome = pipeline.process(data, Origin("news.raw", 0, 1, b"k"), max_bytes=64 * 1024, time_budget_s=BUDGET_S)
    check_outcome(outcome, data)


def test_nastiest_cases_through_pipeline_process() -> None:
    warm_up()  # as the worker does before its first article: loading models is not an article's cost
    rows = {}
    for name, data in nasty_corpus(LIMIT):
        started = time.monotonic()
        outcome = pipeline.process(data, Origin("news.raw", 0, 1, name.encode()), max_bytes=LIMIT,
                                   time_budget_s=BUDGET_S)
        check_outcome(outcome, data)
        rows[name] = (outcome.error or "enriched", round(time.monotonic() - started, 2))
    timeouts = sorted(name for name, (code, _) in rows.items() if code == "timeout")
    worst = max(rows, key=lambda name: rows[name][1])
    report({"fault": "hostile corpus through pipeline.process", "cases": len(rows), "budget_s": BUDGET_S,
            "enriched": sum(code == "enriched" for code, _ in rows.values()), "timeouts": timeouts,
            "slowest": f"{worst} {rows[worst][1]} s ({rows[worst][0]})"})


async def _create_topic(bootstrap: str, name: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, 4, 1, topic_configs={"max.message.bytes": str(64 * 1024 * 1024)})])
    finally:
        await admin.close()


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _key(name: str, data: bytes) -> bytes:
    """The article's own id when it has one (an enriched record is keyed by id), else a name of the case."""
    try:
        article = orjson.loads(data)
    except orjson.JSONDecodeError:
        article = None
    if isinstance(article, dict) and isinstance(article.get("id"), str) and article["id"]:
        return article["id"].encode()
    return f"nasty-{name}".encode()


@pytest.mark.kafka
def test_nastiest_cases_through_a_real_worker(stream, start_worker) -> None:
    """The nasty corpus interleaved with normal articles: all come out, the normal ones after the nasty ones too."""
    worker = start_worker(NEWSSTREAM_MAX_MESSAGE_BYTES=str(LIMIT), NEWSSTREAM_ARTICLE_TIME_BUDGET=str(BUDGET_S))
    nasty = [(_key(name, data), data) for name, data in nasty_corpus(LIMIT)]
    normal = [(m.key, m.value) for m in corpus.articles(NORMAL, prefix="after", bad_every=0)]
    messages = nasty[: len(nasty) // 2] + normal[: NORMAL // 2] + nasty[len(nasty) // 2 :] + normal[NORMAL // 2 :]
    sent = {k for k, _ in messages}

    async def scenario():
        await _create_topic(stream.bootstrap, stream.raw)
        await worker.ready()
        reader = Reader(stream.bootstrap, stream.enriched, stream.dead_letter)
        reading = asyncio.create_task(reader.run_until(sent, timeout=600, settle=3))
        await produce(stream.bootstrap, stream.raw, messages)
        return await reading

    ledger = run(scenario())
    codes = dict(ledger.dead_codes)
    row = ledger.summary("hostile corpus through a worker", sent, dead_letter_codes=codes,
                         peak_rss_mb=round(_peak_rss_mb(worker.process.pid), 0))
    report(row)
    assert not ledger.malformed, ledger.malformed[:3]
    assert row["lost"] == 0, sorted(ledger.lost(sent))
    assert set(ledger.enriched) >= {k for k, _ in normal}, "normal articles after the nasty ones were enriched"
    assert worker.alive() and "Traceback" not in worker.log(), worker.log()[-3000:]
    assert row["peak_rss_mb"] < 2048


def test_nastiest_cases_through_publish_and_enrich_commands(tmp_path: Path, kafka_bootstrap: str) -> None:
    lines = [data.replace(b"\n", b" ").replace(b"\r", b" ") for _, data in nasty_corpus(LIMIT)]
    lines = [line for line in lines if line.strip()]
    path = tmp_path / "nasty.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    env = {"NEWSSTREAM_MAX_MESSAGE_BYTES": str(LIMIT), "KAFKA_BOOTSTRAP": kafka_bootstrap,
           "NEWSSTREAM_TOPIC_RAW": "hostile-" + str(time.time_ns())}
    full_env = {**os.environ, **env}
    enrich = subprocess.run([NEWSSTREAM, "enrich", str(path)], env=full_env, capture_output=True, timeout=600)
    out_lines = [orjson.loads(line) for line in enrich.stdout.splitlines()]
    for record in out_lines:
        records.validate_enriched(record)
    err_lines = enrich.stderr.decode(errors="replace").splitlines()
    reported = [line for line in err_lines if line.startswith(f"{path}:")]
    assert enrich.returncode == 1 and b"Traceback" not in enrich.stderr, enrich.stderr[-2000:]
    assert len(out_lines) + len(reported) == len(lines)

    publish = subprocess.run([NEWSSTREAM, "publish", "-q", str(path)], env=full_env, capture_output=True, timeout=600)
    stderr = publish.stderr.decode(errors="replace")
    assert publish.returncode == 1 and "Traceback" not in stderr, stderr[-2000:]
    assert "failed 0" in stderr, stderr[-2000:]
    summary = stderr.strip().splitlines()[-1]
    report({"fault": "hostile corpus through publish and enrich", "lines": len(lines),
            "enrich_enriched": len(out_lines), "enrich_rejected": len(reported), "publish": summary})
