"""``newsstream enrich``: the stream's enrichment offline, as a Unix filter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson

from streams import records

NEWSSTREAM = str(Path(sys.executable).with_name("newsstream"))
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl"


def test_enrich_reads_stdin_writes_one_line_per_valid_input_in_order() -> None:
    lines = [
        b'{"id": "one", "title": "Gazprom", "body": "Gazprom raised its gas exports to Asia this year."}',
        b"not json",
        b"",
        b'{"id": "two", "body": 5}',
        b'{"id": "three", "body": "Toyota Motor Corp reported higher profit on Thursday."}',
    ]
    result = subprocess.run(
        [NEWSSTREAM, "enrich", "-"], input=b"\n".join(lines) + b"\n", capture_output=True, timeout=120
    )
    out = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["one", "three"]
    for record in out:
        records.validate_enriched(record)
    err = result.stderr.decode()
    assert "<stdin>:2: not_json:" in err
    assert "<stdin>:4: invalid_field: field 'body' must be a string" in err
    assert result.returncode == 1


def test_enrich_file_all_valid_exits_zero() -> None:
    result = subprocess.run([NEWSSTREAM, "enrich", str(SAMPLES)], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    out = [orjson.loads(line) for line in result.stdout.splitlines()]
    expected = [orjson.loads(line)["id"] for line in SAMPLES.read_bytes().splitlines() if line.strip()]
    assert [r["id"] for r in out] == expected


def test_enrich_stops_quietly_when_its_reader_goes_away() -> None:
    lines = b"".join(
        b'{"id": "a%d", "body": "Toyota said on Monday that its profit rose again."}\n' % i for i in range(300)
    )
    with subprocess.Popen([NEWSSTREAM, "enrich", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        process.stdin.write(lines)
        process.stdin.close()
        process.stdout.read(10)
        process.stdout.close()  # like `newsstream enrich - | head -c 10`
        err = process.stderr.read()
        process.wait(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipeError" not in err
    assert process.returncode == 141
