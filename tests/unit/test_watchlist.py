"""The watch-list on top of the catalog: added companies tagged in every script their aliases are written in,
removed catalog ids not tagged, bad input refused whole with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.cli.companies_cmd import BadEntry, entry, parse_file
from streams.enrich import enrich
from streams.enrich.watchlist import WatchList
from streams.watchlist_feed import WatchListFeed

ADDED = {"id": "zvezdochka", "name": "Zvezdochka Logistics", "aliases": ["Zvezdochka", "Звёздочка"]}


def companies(record: dict) -> dict[str, list[str]]:
    return {c["id"]: [m["surface"] for m in c["mentions"]] for c in record["companies"]}


def test_an_added_company_is_tagged_in_both_scripts_with_inflections() -> None:
    watch = WatchList.from_records([ADDED])
    en = enrich({"id": "1", "title": "Zvezdochka expands", "body": "Zvezdochka’s new depot opened. The zvezdochka "
                 "flower is unrelated."}, watchlist=watch)
    assert companies(en)["zvezdochka"] == ["Zvezdochka", "Zvezdochka"]
    ru = enrich({"id": "2", "title": "Звёздочка расширяется", "body": "Склад «Звёздочки» открылся. Со Звёздочкой "
                 "работает Газпром. Звёздочковый узор тут ни при чём."}, watchlist=watch)
    found = companies(ru)
    assert found["zvezdochka"] == ["Звёздочка", "Звёздочки", "Звёздочкой"]
    assert "gazprom" in found  # the catalog still tags around it
    for c in ru["companies"]:
        for m in c["mentions"]:
            assert ru[m["field"]][m["start"]:m["end"]] == m["surface"]


def test_a_removed_catalog_company_is_not_tagged_and_adding_it_back_restores_it() -> None:
    body = "Toyota and Gazprom signed a supply deal on Tuesday."
    assert "toyota" in companies(enrich({"id": "1", "body": body}))
    removed = WatchList.from_records([{"id": "toyota", "removed": True}])
    assert "toyota" not in companies(enrich({"id": "1", "body": body}, watchlist=removed))
    back = WatchList.from_records([{"id": "toyota", "removed": True},
                                   {"id": "toyota", "name": "Toyota Motor", "aliases": ["Toyota"]}])
    assert companies(enrich({"id": "1", "body": body}, watchlist=back))["toyota"] == ["Toyota"]


def test_bad_entries_say_what_is_wrong() -> None:
    with pytest.raises(BadEntry, match="no name"):
        entry("acme", None)
    with pytest.raises(BadEntry, match="shorter than 2"):
        entry("acme", "Acme", ["A"])
    with pytest.raises(BadEntry, match="id"):
        entry("has space", "Acme")
    with pytest.raises(BadEntry, match="country"):
        entry("acme", "Acme", country="Germany")
    assert entry("acme", "Acme", [" Acme Corp "], "US", "Q1")["aliases"] == ["Acme Corp"]


def test_an_import_with_bad_lines_reports_each_with_its_number(tmp_path: Path) -> None:
    good = tmp_path / "ok.csv"
    good.write_text("id,name,aliases,country\nacme,Acme,Acme Corp|АКМЕ,US\nzeta,Zeta GmbH,,DE\n", encoding="utf-8")
    records, errors = parse_file(good)
    assert not errors and [r["id"] for r in records] == ["acme", "zeta"]
    assert records[0]["aliases"] == ["Acme Corp", "АКМЕ"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "acme", "name": "Acme"}\n{"id": "x"}\nnot json\n{"id": "y", "name": "Y", "aliases": ["Y"]}\n'
                   '{"id": "old", "removed": true}\n', encoding="utf-8")
    records, errors = parse_file(bad)
    assert [e.split(": ")[0] for e in errors] == [f"{bad}:2", f"{bad}:3", f"{bad}:4"]


def test_the_feed_keeps_the_latest_record_per_id() -> None:
    feed = WatchListFeed()
    feed.apply(b"acme", b'{"name": "Acme", "aliases": ["Acme Corp"]}')
    feed.apply(b"toyota", b'{"removed": true}')
    feed.apply(b"junk", b"not json")
    feed.apply(b"acme", b'{"name": "Acme Inc"}')
    feed.rebuild()
    assert feed.current.added["acme"].name == "Acme Inc" and feed.current.removed == {"toyota"}
    feed.apply(b"acme", None)  # a tombstone forgets the id
    feed.rebuild()
    assert not feed.current.added and [c["change"] for c in feed.recent] == ["added", "removed", "added"]
