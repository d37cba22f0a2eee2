"""Raw-message decoding: every kind of bad input gets its own code and a reason a person can act on."""

from __future__ import annotations

import base64

import orjson
import pytest
from jsonschema import Draft202012Validator

from streams import records
from streams.records import BadInput


def schema_validator(name: str) -> Draft202012Validator:
    schema = records.schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def decode(data: bytes, max_bytes: int = 10_000) -> dict:
    return records.decode_raw(data, max_bytes=max_bytes)


def test_valid_article_keeps_unknown_fields_and_gets_a_stable_id() -> None:
    raw = {"url": "https://x.example/a", "body": "Text.", "lang_hint": "en", "tags": ["a"]}
    article = decode(orjson.dumps(raw))
    assert article["lang_hint"] == "en" and article["tags"] == ["a"]
    assert article["id"] == decode(orjson.dumps(raw))["id"] == records.derive_id(raw)
    other = decode(orjson.dumps({**raw, "url": "https://x.example/b"}))
    assert other["id"] != article["id"]


def test_id_without_url_is_derived_from_content() -> None:
    a = decode(b'{"title": "T", "body": "One."}')
    b = decode(b'{"title": "T", "body": "Two."}')
    assert a["id"] != b["id"] and len(a["id"]) == 32


@pytest.mark.parametrize(
    ("data", "code", "reason_part"),
    [
        (b"\xff\xfe{}", "not_utf8", "UTF-8"),
        (b"hello", "not_json", "not JSON"),
        (b'["a"]', "not_object", "an array"),
        (b"42", "not_object", "a number"),
        (b'{"title": "no text"}', "missing_content", "neither 'body' nor 'html'"),
        (b'{"body": 12}', "invalid_field", "'body' must be a string, got a number"),
        (b'{"body": "x", "title": ["a"]}', "invalid_field", "'title' must be a string"),
        (b'{"body": "x", "published_at": "last tuesday"}', "invalid_field", "date-time"),
        (b'{"body": "  \\n\\t "}', "empty_text", "empty"),
        (b'{"html": ""}', "empty_text", "empty"),
        (b'{"body": "' + b"a" * 20_000 + b'"}', "too_large", "over the limit"),
    ],
)
def test_bad_input_has_a_code_and_a_reason(data: bytes, code: str, reason_part: str) -> None:
    with pytest.raises(BadInput) as caught:
        decode(data)
    assert caught.value.code == code
    assert reason_part in caught.value.reason


def test_bad_input_keeps_the_article_id_when_known() -> None:
    with pytest.raises(BadInput) as caught:
        decode(b'{"id": "a-1", "body": 3}')
    assert caught.value.article_id == "a-1"


def test_dead_letter_keeps_original_bytes_utf8_and_base64() -> None:
    validator = schema_validator(records.DEAD_LETTER_SCHEMA)
    for data in [b'{"body": 3}', b"\xff\x00binary", b""]:
        dead = records.dead_letter(
            data, BadInput("not_json", "r"), topic="news.raw", partition=1, offset=7, key=b"\xfe"
        )
        validator.validate(orjson.loads(records.dumps(dead)))
        assert records.original_bytes(dead) == data
        assert dead["key"] == "base64:" + base64.b64encode(b"\xfe").decode()


def test_schemas_are_valid_2020_12_and_examples_validate() -> None:
    raw = schema_validator(records.RAW_SCHEMA)
    for example in records.schema(records.RAW_SCHEMA)["examples"]:
        raw.validate(example)
    schema_validator(records.ENRICHED_SCHEMA)
