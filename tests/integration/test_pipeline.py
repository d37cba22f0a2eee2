"""The whole path on a real broker: raw article in, enriched record or dead letter out, nothing lost."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
import pytest
from jsonschema import Draft202012Validator

from streams import records
from tests.integration.kafka_helpers import collect, produce, run

pytestmark = pytest.mark.kafka

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(records.schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def sample_articles() -> list[dict]:
    return [orjson.loads(line) for line in (SAMPLES / "articles.jsonl").read_bytes().splitlines() if line]


BAD_INPUT: list[tuple[str, bytes]] = [
    ("not_json", b"this is not json {"),
    ("not_object", b'["an", "array"]'),
    ("missing_content", b'{"id": "bad-missing", "title": "Only a title"}'),
    ("invalid_field", b'{"id": "bad-type", "body": {"nested": true}}'),
    ("invalid_field", b'{"id": "bad-date", "body": "Text.", "published_at": "26/11/2026"}'),
    ("empty_text", b'{"id": "bad-empty", "body": "   \\n  "}'),
    ("not_utf8", "{\"id\": \"bad-latin1\", \"body\": \"caf\u00e9\"}".encode("latin-1")),
    ("not_utf8", gzip.compress(b'{"body": "compressed"}')),
    ("too_large", orjson.dumps({"id": "bad-large", "body": "word " * 30_000})),
]


def test_every_raw_message_ends_enriched_or_dead_lettered(stream, start_worker) -> None:
    worker = start_worker(NEWSSTREAM_MAX_MESSAGE_BYTES="100000")
    articles = sample_articles()
    valid = [(a["id"].encode(), orjson.dumps(a)) for a in articles]
    # A raw HTML article without id: the id is derived from its url.
    html_article = {"url": "https://example.com/asia-desks", "source": "example-media",
                    "html": (SAMPLES / "media-asia-desks.html").read_text()}
    valid.append((None, orjson.dumps(html_article)))
    bad = [(f"bad-{i}".encode(), data) for i, (_, data) in enumerate(BAD_INPUT)]
    sent = run(produce(stream.bootstrap, stream.raw, valid + bad))

    out = run(collect(stream.bootstrap, [stream.enriched, stream.dead_letter], until=sent, timeout=120))
    enriched, dead = out[stream.enriched], out[stream.dead_letter]
    assert len(enriched) + len(dead) == sent, worker.log()[-3000:]
    assert len(enriched) == len(valid)
    assert sorted(code for code, _ in BAD_INPUT) == sorted(d["error"] for _, d in dead)

    enriched_schema = validator(records.ENRICHED_SCHEMA)
    ids = {a["id"] for a in articles} | {records.derive_id(html_article)}
    for key, record in enriched:
        enriched_schema.validate(record)
        assert key == record["id"].encode()
        assert "html" not in record and record["text"].strip()
        for company in record["companies"]:
            for m in company["mentions"]:
                assert record[m["field"]][m["start"]:m["end"]] == m["surface"]
    assert {r["id"] for _, r in enriched} == ids

    dead_schema = validator(records.DEAD_LETTER_SCHEMA)
    sent_by_key = dict(bad)
    for key, letter in dead:
        dead_schema.validate(letter)
        assert letter["reason"] and letter["topic"] == stream.raw
        assert records.original_bytes(letter) == sent_by_key[key], letter["error"]
    assert worker.alive()


def test_languages_and_companies_of_the_samples(stream, start_worker) -> None:
    start_worker()
    articles = sample_articles()
    run(produce(stream.bootstrap, stream.raw, [(a["id"].encode(), orjson.dumps(a)) for a in articles]))
    out = run(collect(stream.bootstrap, [stream.enriched], until=len(articles)))
    by_id = {r["id"]: r for _, r in out[stream.enriched]}
    expected_language = {"sample-en-001": "en", "sample-ru-001": "ru", "sample-de-001": "de",
                         "sample-fr-001": "fr", "sample-es-001": "es", "sample-zh-001": "zh"}
    for article_id, code in expected_language.items():
        assert by_id[article_id]["language"]["code"] == code
    for article_id in ("sample-en-001", "sample-ru-001"):
        names = {c["name"].lower() for c in by_id[article_id]["companies"]}
        assert any("gazprom" in n for n in names) and any("toyota" in n for n in names), names
    assert "Share this article" in by_id["sample-en-001"]["boilerplate"]["removed"]
    assert "Share this article" not in by_id["sample-en-001"]["text"]
