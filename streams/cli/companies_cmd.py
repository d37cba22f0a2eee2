"""``newsstream companies``: the live watch-list on top of the bundled catalog.

    newsstream companies add ID --name NAME [--alias A ...] [--country CC] [--wikidata Q]
    newsstream companies remove ID
    newsstream companies list [--added]
    newsstream companies import FILE          (CSV with a header: id,name,aliases,country,wikidata, aliases
                                               separated by "|"; or JSON lines {"id", "name", "aliases": [...]}
                                               / {"id", "removed": true})

Changes go to the compacted companies topic (key = company id); every worker follows it and tags with the
change within a second or two, without a restart. Input is checked whole before anything is written: one
bad line of an import reports every bad line with its number and changes nothing.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import click
import orjson
from aiokafka import AIOKafkaProducer
from faust.cli import argument, option

from ..enrich.watchlist import MIN_ALIAS_CHARS
from ..kafka_clients import aiokafka_options, ensure_topics
from ..records import now_rfc3339
from ..settings import Settings, settings
from ..watchlist_feed import WatchListFeed
from .base import ToolCommand

_ID = re.compile(r"^[^\s/]{1,200}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


class BadEntry(ValueError):
    pass


def entry(company_id: Any, name: Any = None, aliases: Iterable[Any] = (), country: Any = None,
          wikidata: Any = None, *, removed: bool = False) -> dict[str, Any]:
    """A checked watch-list record, or :class:`BadEntry` saying what is wrong with it."""
    if not isinstance(company_id, str) or not _ID.match(company_id):
        raise BadEntry(f"the id must be 1-200 characters without spaces or '/', got {company_id!r}")
    if removed:
        return {"id": company_id, "removed": True, "changed_at": now_rfc3339()}
    if not isinstance(name, str) or not name.strip():
        raise BadEntry(f"company {company_id!r} has no name")
    clean_aliases = []
    for alias in aliases:
        if not isinstance(alias, str) or len(alias.strip()) < MIN_ALIAS_CHARS:
            raise BadEntry(f"company {company_id!r}: alias {alias!r} is shorter than {MIN_ALIAS_CHARS} characters")
        clean_aliases.append(alias.strip())
    if country is not None and (not isinstance(country, str) or not _COUNTRY.match(country)):
        raise BadEntry(f"company {company_id!r}: country must be an ISO 3166 code like 'DE', got {country!r}")
    if wikidata is not None and (not isinstance(wikidata, str) or not _WIKIDATA.match(wikidata)):
        raise BadEntry(f"company {company_id!r}: wikidata must look like 'Q95', got {wikidata!r}")
    record: dict[str, Any] = {"id": company_id, "name": name.strip(), "aliases": clean_aliases,
                              "changed_at": now_rfc3339()}
    if country:
        record["country"] = country
    if wikidata:
        record["wikidata"] = wikidata
    return record


def parse_file(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The records of an import file and the errors, each ``file:line: reason``."""
    text = path.read_text(encoding="utf-8-sig")
    records, errors = [], []
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = {"id", "name"} - set(reader.fieldnames or ())
        if missing:
            return [], [f"{path}:1: the header needs the columns id and name (missing: {', '.join(sorted(missing))})"]
        for row in reader:
            line = reader.line_num
            try:
                aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
                records.append(entry((row.get("id") or "").strip(), row.get("name"), aliases,
                                     (row.get("country") or "").strip() or None,
                                     (row.get("wikidata") or "").strip() or None))
            except BadEntry as exc:
                errors.append(f"{path}:{line}: {exc}")
        return records, errors
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
            if not isinstance(obj, dict):
                raise BadEntry("expected a JSON object")
            aliases = obj.get("aliases") or []
            if not isinstance(aliases, list):
                raise BadEntry("'aliases' must be a list of strings")
            records.append(entry(obj.get("id"), obj.get("name"), aliases, obj.get("country"), obj.get("wikidata"),
                                 removed=bool(obj.get("removed"))))
        except orjson.JSONDecodeError as exc:
            errors.append(f"{path}:{number}: not JSON: {exc}")
        except BadEntry as exc:
            errors.append(f"{path}:{number}: {exc}")
    return records, errors


async def write(cfg: Settings, records: list[dict[str, Any]]) -> None:
    await ensure_topics(cfg, [spec for spec in cfg.topics() if spec.name == cfg.topic_companies])
    producer = AIOKafkaProducer(**aiokafka_options(cfg), enable_idempotence=True, acks="all")
    await producer.start()
    try:
        for record in records:
            await producer.send(cfg.topic_companies, orjson.dumps(record), key=record["id"].encode("utf-8"))
        await producer.flush()
    finally:
        await producer.stop()


class Companies(ToolCommand):
    """The watch-list: add, remove, list or import companies on top of the bundled catalog."""

    options: ClassVar = [
        argument("action", type=click.Choice(["add", "remove", "list", "import"])),
        argument("target", required=False),
        option("--name", default=None, help="add: the company's name (tagged, and shown)."),
        option("--alias", "aliases", multiple=True, help="add: another name to tag, in any script (repeatable)."),
        option("--country", default=None, help="add: ISO 3166 country code."),
        option("--wikidata", default=None, help="add: Wikidata id (Q...)."),
        option("--added", is_flag=True, default=False, help="list: only the companies added to the catalog."),
    ]

    async def main(self, action: str, target: str | None = None, name: str | None = None,
                   aliases: tuple[str, ...] = (), country: str | None = None, wikidata: str | None = None,
                   added: bool = False) -> int:
        cfg = settings()
        err = sys.stderr
        try:
            if action in {"add", "remove"}:
                if not target:
                    print(f"companies {action}: give the company id", file=err)
                    return 2
                records = [entry(target, name, aliases, country, wikidata, removed=action == "remove")]
            elif action == "import":
                if not target or not Path(target).is_file():
                    print(f"companies import: {target!r} is not a file", file=err)
                    return 2
                records, errors = parse_file(Path(target))
                if errors:
                    for error in errors:
                        print(error, file=err)
                    print(f"nothing imported: {len(errors)} bad line(s)", file=err)
                    return 1
            else:
                return await self._list(cfg, added)
        except BadEntry as exc:
            print(f"companies {action}: {exc}", file=err)
            return 1
        try:
            await write(cfg, records)
        except Exception as exc:
            print(f"cannot write to {cfg.topic_companies} at {cfg.broker}: {exc}", file=err)
            return 2
        print(f"{action}: {len(records)} change(s) written to {cfg.topic_companies}", file=err)
        return 0

    async def _list(self, cfg: Settings, added_only: bool) -> int:
        watched = await WatchListFeed().read_to_end(cfg)
        out = sys.stdout
        for company in sorted(watched.added.values(), key=lambda c: c.id):
            aliases = ", ".join(company.aliases)
            out.write(f"{company.id}\t{company.name}\tadded\t{aliases}\n")
        if added_only:
            return 0
        from ..enrich.companies.catalog import load_catalog

        for item in sorted(load_catalog().entries, key=lambda e: e.id):
            if item.id not in watched.removed and item.id not in watched.added:
                out.write(f"{item.id}\t{item.name}\tcatalog\t\n")
        for company_id in sorted(watched.removed):
            out.write(f"{company_id}\t\tremoved\t\n")
        return 0
