"""Fuzzing what ``newsstream publish`` and ``newsstream enrich`` read: any file content yields one item or
one reported error per line (or per document), never an exception."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.cli.enrich_cmd import enrich_lines
from streams.cli.sources import read_items
from tests.hostile import raw_messages

LIMIT = 64 * 1024
FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))


def _lines(messages: list[bytes]) -> bytes:
    return b"\n".join(m.replace(b"\n", b" ").replace(b"\r", b" ") for m in messages) + b"\n"


@FUZZ
@given(st.lists(raw_messages, max_size=6), st.sampled_from([".jsonl", ".txt", ".html", ".json", ".ndjson"]))
def test_publish_reads_any_file_into_articles_or_reported_errors(tmp_path_factory, messages, suffix) -> None:
    folder = Path(tmp_path_factory.mktemp("in"))
    content = _lines(messages)
    (folder / f"input{suffix}").write_bytes(content)
    items = list(read_items([str(folder)], max_bytes=LIMIT))
    expected = len([m for m in content.split(b"\n") if m.strip()]) if suffix in {".jsonl", ".ndjson"} else 1
    assert len(items) == expected
    for item in items:
        assert (item.article is None) != (item.error is None)
        if item.error is not None:
            assert item.error.code and item.error.reason and item.where


@FUZZ
@given(st.lists(raw_messages, max_size=6))
def test_enrich_command_reports_every_bad_line_and_enriches_the_rest(messages) -> None:
    content = _lines(messages)
    out, err = io.BytesIO(), io.StringIO()
    enriched, rejected = enrich_lines(iter(content.splitlines(keepends=True)), "fuzz", out, err, max_bytes=LIMIT)
    assert enriched + rejected == len([m for m in content.split(b"\n") if m.strip()])
    assert len(out.getvalue().splitlines()) == enriched
    assert len(err.getvalue().splitlines()) == rejected
