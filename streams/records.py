"""The three record shapes on the wire: raw article in, enriched article or dead letter out.

Decoding is strict and every failure is a :class:`BadInput` with a machine-readable code and a reason a
person can act on, so that the agent can route it to the dead-letter topic with the original bytes.
Serialisation is orjson; the JSON Schemas in ``schemas/`` are the contract and are compiled once.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import orjson

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMA_VERSION = "1"
RAW_SCHEMA = "raw-article.v1.json"
ENRICHED_SCHEMA = "enriched-article.v1.json"
DEAD_LETTER_SCHEMA = "dead-letter.v1.json"
MENTION_SCHEMA = "mention.v1.json"

#: Fields whose type the raw schema fixes; checked here first for a precise reason.
_STRING_FIELDS = ("id", "url", "source", "title", "published_at", "body", "html")


class BadInput(ValueError):
    """A raw message that cannot become an enriched record."""

    def __init__(self, code: str, reason: str, *, article_id: str | None = None) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason
        self.article_id = article_id


def now_rfc3339() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def dumps(record: Mapping[str, Any]) -> bytes:
    return orjson.dumps(record)


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)


@cache
def schema(name: str) -> dict[str, Any]:
    return orjson.loads((SCHEMA_DIR / name).read_bytes())


@cache
def validator(name: str) -> Callable[[Any], Any]:
    """A compiled validator for one schema file (fastjsonschema; the schemas avoid 2020-12-only keywords)."""
    return fastjsonschema.compile(schema(name), formats={"date-time": _is_rfc3339})


def _is_rfc3339(value: str) -> bool:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return "T" in value.upper() and parsed.tzinfo is not None


def derive_id(article: Mapping[str, Any]) -> str:
    """A stable id for an article that came without one: from its url, else from its content."""
    basis = article.get("url") or "\x1f".join(
        str(article.get(k) or "") for k in ("source", "title", "body", "html")
    )
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def decode_raw(data: bytes | None, *, max_bytes: int) -> dict[str, Any]:
    """Bytes from ``news.raw`` to a validated article dict (with an ``id``), or :class:`BadInput`."""
    if data is None:
        raise BadInput("missing_content", "the message has no value (a tombstone)")
    if len(data) > max_bytes:
        raise BadInput("too_large", f"message is {len(data)} bytes, over the limit of {max_bytes} bytes")
    try:
        obj = orjson.loads(data)  # from the bytes: a str of non-ASCII text costs orjson a UTF-8 copy first
    except orjson.JSONDecodeError as exc:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise BadInput("not_utf8", f"message is not valid UTF-8 (byte {bad.start}: {bad.reason})") from None
        raise BadInput("not_json", f"message is not JSON: {exc}") from None
    return validate_raw(obj)


def validate_raw(obj: Any) -> dict[str, Any]:
    """Check a decoded article against the raw schema and fill in its id."""
    if not isinstance(obj, dict):
        raise BadInput("not_object", f"expected a JSON object, got {_json_type(obj)}")
    article_id = obj.get("id") if isinstance(obj.get("id"), str) else None
    for name in _STRING_FIELDS:
        if name in obj and obj[name] is not None and not isinstance(obj[name], str):
            raise BadInput(
                "invalid_field", f"field {name!r} must be a string, got {_json_type(obj[name])}",
                article_id=article_id,
            )
    if obj.get("body") is None and obj.get("html") is None:
        raise BadInput("missing_content", "the article has neither 'body' nor 'html'", article_id=article_id)
    article = {k: v for k, v in obj.items() if v is not None or k not in _STRING_FIELDS}
    if not (article.get("body") or "").strip() and not (article.get("html") or "").strip():
        raise BadInput("empty_text", "'body' and 'html' are empty or whitespace only", article_id=article_id)
    if "id" not in article:
        article["id"] = derive_id(article)
    try:
        validator(RAW_SCHEMA)(article)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise BadInput("invalid_field", _schema_reason(exc), article_id=article.get("id")) from None
    return article


def validate_enriched(record: Mapping[str, Any]) -> None:
    validator(ENRICHED_SCHEMA)(record)


def dead_letter(
    data: bytes | None,
    error: BadInput,
    *,
    topic: str,
    partition: int,
    offset: int,
    key: bytes | None = None,
    last_offset: int | None = None,
    force_base64: bool = False,
) -> dict[str, Any]:
    """The dead-letter record for one raw message: original bytes kept as received.

    ``last_offset`` is given when the letter stands for several records (an unreadable batch: ``offset`` to
    ``last_offset``), and ``force_base64`` when the bytes are binary even if they happen to decode.
    """
    if force_base64:
        original, encoding = base64.b64encode(data or b"").decode("ascii"), "base64"
    else:
        original, encoding = _text_or_base64(data or b"")
    record = {
        "schema_version": SCHEMA_VERSION,
        "error": error.code,
        "reason": error.reason,
        "original": original,
        "original_encoding": encoding,
        "key": None if key is None else _key_text(key),
        "article_id": error.article_id,
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "failed_at": now_rfc3339(),
    }
    if last_offset is not None:
        record["last_offset"] = last_offset
    return record


def source_key(article: Mapping[str, Any]) -> bytes:
    """The key a source's articles share (news.by-source, and ``newsstream publish`` on news.raw): the source,
    else the article id. Publisher and worker must agree on it for an article to skip the by-source hop."""
    return (article.get("source") or article["id"]).encode("utf-8")


def mentions(record: Mapping[str, Any]) -> list[tuple[bytes, dict[str, Any]]]:
    """One small record per company an enriched article mentions, keyed by the company id (news.mentions)."""
    story = record.get("story") or {}
    out = []
    for company in record["companies"]:
        surfaces = list(dict.fromkeys(m["surface"] for m in company["mentions"]))
        out.append((company["id"].encode("utf-8"), {
            "schema_version": SCHEMA_VERSION,
            "company": {"id": company["id"], "name": company["name"], "known": company["known"]},
            "article_id": record["id"], "story_id": story.get("id"), "title": record.get("title"),
            "url": record.get("url"), "source": record.get("source"), "language": record["language"]["code"],
            "surfaces": surfaces, "published_at": record.get("published_at"), "processed_at": record["processed_at"],
        }))
    return out


def original_bytes(dead: Mapping[str, Any]) -> bytes:
    """The raw message value a dead letter carries, byte for byte."""
    if dead["original_encoding"] == "base64":
        return base64.b64decode(dead["original"])
    return dead["original"].encode("utf-8")


def _text_or_base64(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return base64.b64encode(data).decode("ascii"), "base64"


def _key_text(key: bytes) -> str:
    text, encoding = _text_or_base64(key)
    return text if encoding == "utf-8" else "base64:" + text


def _json_type(value: Any) -> str:
    match value:
        case None:
            return "null"
        case bool():
            return "a boolean"
        case int() | float():
            return "a number"
        case str():
            return "a string"
        case list():
            return "an array"
        case dict():
            return "an object"
    return type(value).__name__


def _schema_reason(exc: fastjsonschema.JsonSchemaValueException) -> str:
    return exc.message.replace("data.", "", 1)
