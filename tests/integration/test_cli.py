"""The user's commands against a running worker: publish files, tail the enriched topic with filters."""

from __future__ import annotations

import subprocess
from pathlib import Path

import orjson
import pytest

from streams import records as records_module
from tests.integration.kafka_helpers import NEWSSTREAM

pytestmark = pytest.mark.kafka

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def newsstream(stream, *args: str, input: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NEWSSTREAM, *args], env=stream.env(), input=input, capture_output=True, timeout=timeout
    )


def test_publish_then_tail_with_filters(stream, start_worker, tmp_path: Path) -> None:
    start_worker()
    published = newsstream(stream, "publish", str(SAMPLES), "--quiet")
    assert published.returncode == 0, published.stderr.decode()
    total = sum(1 for line in (SAMPLES / "articles.jsonl").read_bytes().splitlines() if line.strip()) + 1
    assert f"sent {total}, rejected 0, failed 0".encode() in published.stderr

    everything = newsstream(stream, "tail", "--from-beginning", "--json", "--limit", str(total))
    records = [orjson.loads(line) for line in everything.stdout.splitlines()]
    assert len(records) == total
    assert "media-asia-desks" in {r["id"] for r in records}

    russian = newsstream(stream, "tail", "--from-beginning", "--json", "--language", "ru", "--idle-timeout", "3")
    assert [orjson.loads(line)["id"] for line in russian.stdout.splitlines()] == ["sample-ru-001"]

    company = next(c["id"] for r in records if r["id"] == "sample-zh-001" for c in r["companies"])
    mentioning = newsstream(stream, "tail", "--from-beginning", "--json", "--company", company,
                            "--idle-timeout", "3")  # reads the mentions topic: one record per article and company
    mentions = [orjson.loads(line) for line in mentioning.stdout.splitlines()]
    ids = {m["article_id"] for m in mentions}
    assert "sample-zh-001" in ids and all(m["company"]["id"] == company for m in mentions)
    assert ids == {r["id"] for r in records if any(c["id"] == company for c in r["companies"])}
    for m in mentions:
        records_module.validator(records_module.MENTION_SCHEMA)(m)
    full = newsstream(stream, "tail", "--topic", stream.enriched, "--from-beginning", "--json", "--company", company,
                      "--idle-timeout", "3")  # the full records, filtered
    assert {orjson.loads(line)["id"] for line in full.stdout.splitlines()} == ids

    readable = newsstream(stream, "tail", "--from-beginning", "--limit", "2")
    assert readable.returncode == 0 and b"companies:" in readable.stdout


def test_publish_reports_bad_lines_with_file_and_line_and_sends_the_rest(stream, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        b'{"id": "ok-1", "body": "Fine."}\n{"id": "x", "body": 7}\n\nnot json\n{"id": "ok-2", "body": "Also fine."}\n'
    )
    result = newsstream(stream, "publish", str(feed), "--quiet")
    err = result.stderr.decode()
    assert result.returncode == 1
    assert f"{feed}:2: invalid_field:" in err and f"{feed}:4: not_json:" in err
    assert "sent 2, rejected 2, failed 0" in err
    tailed = newsstream(stream, "tail", "--topic", stream.raw, "--from-beginning", "--json", "--limit", "2")
    assert sorted(orjson.loads(line)["id"] for line in tailed.stdout.splitlines()) == ["ok-1", "ok-2"]


def test_publish_from_stdin_keys_by_article_id(stream) -> None:
    lines = b'{"id": "in-1", "body": "One."}\n{"url": "https://e.x/2", "body": "Two."}\n'
    result = newsstream(stream, "publish", "-", input=lines)
    assert result.returncode == 0, result.stderr.decode()
    assert b"sent 2" in result.stderr
