"""Hostile raw messages for the fuzz tests: hypothesis strategies and a fixed corpus of the nastiest cases.

Shared by the fast unit fuzzing of ``pipeline.process`` and the fault tests that send the corpus through
a real worker. Nothing here is tuned to the project's data: the shapes come from what a news feed can
plausibly emit by mistake or by malice.
"""

from __future__ import annotations

import base64
import bz2
import gzip
import zlib

import orjson
from hypothesis import strategies as st

from streams import records
from streams.pipeline import Outcome

#: Characters that break naive text handling: controls, bidi overrides, zero-width, BOM, surrogate-range
#: neighbours, combining marks, emoji with joiners, and several scripts.
NASTY_CHARS = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029"
    "\u202a\u202b\u202d\u202e\u2066\u2067\u2069\u200e\u200f"
    "\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff\ufffd"
    "\u0301\u0336\u20dd"
    "😀👩‍👩‍👧‍👦🏳️‍🌈🇯🇵"
    "שלום مرحبا Привет 你好 こんにちは 안녕 नमस्ते Γειά ሰላም"
    "<>&\"'\\/{}[]"
)

nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(NASTY_CHARS), st.characters(blacklist_categories=["Cs"])), max_size=300
)
json_scalars = st.one_of(  # orjson's integers are 64-bit
    st.none(), st.booleans(), st.integers(-(2**63), 2**64 - 1), st.floats(allow_nan=False), nasty_text
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(nasty_text, inner, max_size=4)),
    max_leaves=30,
)
FIELDS = ("id", "url", "source", "title", "published_at", "body", "html")

articles = st.fixed_dictionaries(
    {},
    optional={name: st.one_of(nasty_text, json_values) for name in FIELDS}
    | {"extra": json_values, "published_at": st.one_of(nasty_text, st.just("2026-11-26T07:30:00Z"))},
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Small HTML with pathological nesting, unclosed tags, scripts, entities and nasty text."""
    depth = draw(st.integers(0, 400))
    tag = draw(st.sampled_from(["div", "b", "table", "ul", "p", "span", "a", "font", "svg", "iframe"]))
    inner = draw(nasty_text)
    closing = draw(st.booleans())
    extra = draw(st.sampled_from(["", "<script>while(1){}</script>", "&#0;&#xD800;&bogus;&amp", "<!--", "<![CDATA[x"]))
    return f"<html><body>{('<' + tag + '>') * depth}{inner}{extra}{('</' + tag + '>') * depth if closing else ''}"


raw_messages = st.one_of(
    st.binary(max_size=2000),
    json_values.map(orjson.dumps),
    articles.map(orjson.dumps),
    st.builds(lambda a, h: orjson.dumps({**a, "html": h}), articles, html_pages()),
    st.builds(lambda a, t: orjson.dumps({**a, "body": t}), articles, nasty_text),
    nasty_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def nested_json(depth: int) -> bytes:
    return b'{"body":' + b"[" * depth + b"]" * depth + b"}"


def corpus(max_bytes: int) -> list[tuple[str, bytes]]:
    """The nastiest cases by name: each must end enriched or dead-lettered with a reason, quickly enough."""
    ten_mb = "A word. " * (10 * 1024 * 1024 // 8)
    bomb = gzip.compress(b"{" + b" " * (50 * 1024 * 1024) + b"}")
    return [
        ("empty", b""),
        ("null", b"null"),
        ("nul-bytes", b"\x00" * 1000),
        ("random-bytes", bytes(range(256)) * 40),
        ("utf16", '{"body": "text"}'.encode("utf-16")),
        ("lone-surrogate-escape", b'{"id": "s", "body": "\\ud800 text"}'),
        ("deep-json-100k", nested_json(100_000)),
        ("deep-object-10k", b'{"a":' * 10_000 + b"1" + b"}" * 10_000),
        ("wrong-types", orjson.dumps({"id": 5, "body": ["x"], "title": {"a": 1}})),
        ("bool-body", orjson.dumps({"id": "b", "body": True})),
        ("huge-number", b'{"id": "n", "body": "x", "extra": 1' + b"0" * 5000 + b"}"),
        ("control-chars", orjson.dumps({"id": "c", "body": "".join(chr(c) for c in range(32)) * 50})),
        ("rtl-zero-width", orjson.dumps({"id": "r", "title": "\u202eevil\u202c", "body": "\u200b\u200d\ufeff" * 300
                                         + " שלום עולם. مرحبا بالعالم. Toyota \u202e stock rose."})),
        ("emoji-only", orjson.dumps({"id": "e", "body": "😀👩‍👩‍👧‍👦🏳️‍🌈" * 500})),
        ("mixed-scripts", orjson.dumps({"id": "m", "body": "Gazprom Газпром 蓋茲普羅姆 ガスプロム جازبروم " * 200})),
        ("huge-word", orjson.dumps({"id": "w", "body": "x" * 1_500_000})),
        ("huge-lines", orjson.dumps({"id": "l", "body": "Line of text here.\n" * 70_000})),
        ("html-nested-div-200k", orjson.dumps({"id": "hd", "html": "<div>" * 200_000 + "text"})),
        ("html-nested-table", orjson.dumps({"id": "ht", "html": "<table><tr><td>" * 30_000 + "x"})),
        ("html-many-paragraphs", orjson.dumps(
            {"id": "hp", "html": "<html><body>" + "<p>Some words of the article here.</p>" * 45_000})),
        ("html-many-links", orjson.dumps({"id": "hl", "html": "<html><body>" + "".join(
            f'<a href="/a{i}">Headline number {i} here</a><br>' for i in range(25_000))})),
        ("html-entities", orjson.dumps({"id": "he", "html": "<p>" + "&#x10FFFF;&#0;&#xD800;&nbsp;" * 20_000})),
        ("html-script-only", orjson.dumps({"id": "hs", "html": "<script>" + "var a=1;" * 100_000 + "</script>"})),
        ("ten-mb-body", orjson.dumps({"id": "big", "body": ten_mb})),
        ("gzip-bomb", bomb),
        ("bz2-bomb", bz2.compress(b"0" * 20 * 1024 * 1024)),
        ("zlib-in-json", orjson.dumps({"id": "z", "body": base64.b64encode(zlib.compress(b"a" * 10**6)).decode()})),
        ("over-limit", b'{"id": "o", "body": "' + b"y" * (max_bytes + 1) + b'"}'),
    ]


def check_outcome(outcome: Outcome, data: bytes | None) -> None:
    """What every outcome must satisfy, whatever the input."""
    if outcome.dead:
        records.validator(records.DEAD_LETTER_SCHEMA)(outcome.record)
        assert outcome.record["error"] and outcome.record["reason"]
        assert records.original_bytes(outcome.record) == (data or b"")
    else:
        records.validate_enriched(outcome.record)
        assert outcome.key == outcome.record["id"].encode("utf-8", "surrogatepass")
        assert outcome.record["text"].strip()
    records.loads(outcome.value)  # serialisable and parses back
