"""``newsstream tail``: follow the enriched topic (or the dead letters) as a downstream consumer would.

It reads without a consumer group (nothing is committed, other consumers are not disturbed), from now or
``--from-beginning``, and prints a one-line summary per article or the record itself with ``--json``.
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any, ClassVar

import orjson
from aiokafka import AIOKafkaConsumer
from faust.cli import option
from rich.console import Console
from rich.markup import escape

from ..kafka_clients import aiokafka_options
from ..settings import TOPIC_MAX_MESSAGE_BYTES, settings
from .base import ToolCommand


def matches(record: dict[str, Any], language: str | None, company: str | None) -> bool:
    """Whether an enriched record (or a mention record of news.mentions) passes the filters."""
    code = record.get("language")
    if language and (code.get("code") if isinstance(code, dict) else code) != language:
        return False
    if not company:
        return True
    if "article_id" in record:  # a mention record
        return record.get("company", {}).get("id") == company
    return any(c.get("id") == company for c in record.get("companies", []))


def summary(record: dict[str, Any]) -> str:
    """One readable line of markup for a person watching the stream."""
    if "error" in record:
        return (f"[red]dead letter[/] [bold]{escape(record['error'])}[/]: {escape(record['reason'])} "
                f"[dim]({record['topic']}/{record['partition']}@{record['offset']})[/]")
    if "article_id" in record:  # a mention record
        company = record["company"]
        return (f"[cyan]{record.get('language', '?')}[/] [green]{escape(company['name'])}[/] in "
                f"[bold]{escape(record.get('title') or record['article_id'])}[/] [dim]{escape(record['article_id'])} "
                f"story {escape(record.get('story_id') or '-')}[/]\n    as: {escape(', '.join(record['surfaces']))}")
    lang = record.get("language", {})
    companies = ", ".join(
        f"{escape(c['name'])}" + ("" if c.get("known", True) else "?") for c in record.get("companies", [])
    )
    title = record.get("title") or record.get("text", "")[:80]
    line = f"[cyan]{lang.get('code', '?')}[/] [bold]{escape(title)}[/] [dim]{escape(record.get('id', ''))}[/]"
    if companies:
        line += f"\n    companies: [green]{companies}[/]"
    removed = len(record.get("boilerplate", {}).get("removed", []))
    return line + f"\n    {len(record.get('text', ''))} chars, {removed} boilerplate lines removed"


class Tail(ToolCommand):
    """Follow enriched articles (or --dead-letters) and print a summary per article, or --json."""

    options: ClassVar = [
        option("--from-beginning", is_flag=True, default=False, help="Start at the oldest record."),
        option("--json", "as_json", is_flag=True, default=False, help="Print each record as one JSON line."),
        option("--language", default=None, help="Only articles in this language (ISO 639-1)."),
        option("--company", default=None, help="Only mentions of this company id (read from the mentions topic)."),
        option("--limit", type=int, default=None, help="Stop after N records."),
        option("--dead-letters", is_flag=True, default=False, help="Follow the dead-letter topic instead."),
        option("--idle-timeout", type=float, default=None, help="Stop when nothing arrives for this many s."),
        option("--topic", default=None, help="Topic to follow (overrides the two above)."),
    ]

    async def main(
        self, from_beginning: bool = False, as_json: bool = False, language: str | None = None,
        company: str | None = None, limit: int | None = None, dead_letters: bool = False,
        idle_timeout: float | None = None, topic: str | None = None,
    ) -> int:
        cfg = settings()
        # --company follows the mentions topic (keyed by company id: one small record per article and company)
        # rather than decoding every enriched record; --topic news.enriched --company ID filters full records.
        by_company = company is not None and topic is None and not dead_letters
        topic = topic or (cfg.topic_dead_letter if dead_letters else cfg.topic_mentions if by_company
                          else cfg.topic_enriched)
        wanted_key = company.encode("utf-8") if by_company else None
        out = Console(highlight=False, soft_wrap=True)
        consumer = AIOKafkaConsumer(
            topic,
            **aiokafka_options(cfg),
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest" if from_beginning else "latest",
            max_partition_fetch_bytes=TOPIC_MAX_MESSAGE_BYTES,
            fetch_max_bytes=TOPIC_MAX_MESSAGE_BYTES,
            isolation_level="read_committed",
            # A topic the worker has not created yet is picked up within seconds, not aiokafka's 5 minutes.
            metadata_max_age_ms=5000,
        )
        try:
            await consumer.start()
        except Exception as exc:
            Console(stderr=True).print(f"[red]cannot connect to Kafka at {cfg.broker}: {exc}[/]")
            await consumer.stop()
            return 2
        shown = 0
        last = time.monotonic()
        try:
            while limit is None or shown < limit:
                batches = await consumer.getmany(timeout_ms=500)
                if not batches:
                    if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                        break
                    continue
                last = time.monotonic()
                for messages in batches.values():
                    for message in messages:
                        if wanted_key is not None and message.key != wanted_key:
                            continue
                        try:
                            record = orjson.loads(message.value)
                        except orjson.JSONDecodeError:
                            continue
                        if not matches(record, language, company):
                            continue
                        if as_json:
                            sys.stdout.buffer.write(message.value + b"\n")
                            sys.stdout.flush()
                        else:
                            out.print(summary(record))
                        shown += 1
                        if limit is not None and shown >= limit:
                            break
                    if limit is not None and shown >= limit:
                        break
        except asyncio.CancelledError:
            pass
        finally:
            await consumer.stop()
        return 0
