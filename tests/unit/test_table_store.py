"""The table store setting: RocksDB by default, one data directory per worker, a clear error for a typo."""

from __future__ import annotations

import asyncio
from pathlib import Path

import faust
import pytest

from streams.app import create_app
from streams.settings import load_settings


def settings_from(monkeypatch: pytest.MonkeyPatch, **env: str):
    for name in ("NEWSSTREAM_STORE", "NEWSSTREAM_DATA_DIR", "NEWSSTREAM_WEB_PORT", "NEWSSTREAM_APP_ID"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return load_settings()


def test_rocksdb_by_default_in_a_directory_per_app_and_web_port(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = settings_from(monkeypatch)
    app = create_app(cfg)
    assert str(app.conf.store) == "rocksdb:"
    assert app.conf.datadir == Path(".newsstream-data/newsstream-6066")
    with pytest.warns(faust.exceptions.AlreadyConfiguredWarning):
        app.conf.web_port = 6067  # what ``newsstream worker --web-port 6067`` sets: a host's second worker
    assert app.conf.datadir == Path(".newsstream-data/newsstream-6067")


def test_memory_store_and_a_data_dir_with_braces(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = settings_from(monkeypatch, NEWSSTREAM_STORE="MEMORY", NEWSSTREAM_DATA_DIR="/var/lib/{news}",
                        NEWSSTREAM_APP_ID="desk", NEWSSTREAM_WEB_PORT="7000")
    app = create_app(cfg)
    assert str(app.conf.store) == "memory:"
    assert app.conf.datadir == Path("/var/lib/{news}/desk-7000")


def test_an_unknown_store_is_refused_with_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="NEWSSTREAM_STORE must be one of rocksdb, memory"):
        settings_from(monkeypatch, NEWSSTREAM_STORE="redis")


def test_the_tables_written_at_commit_time_file_writes_by_key_on_rocksdb(monkeypatch: pytest.MonkeyPatch,
                                                                         tmp_path: Path) -> None:
    """Outside any event, Faust's own RocksDB store asserts; these tables' store writes to the key's partition."""
    from streams.tables import ProfilesTable, source_profiles

    cfg = settings_from(monkeypatch, NEWSSTREAM_DATA_DIR=str(tmp_path))

    async def flush_outside_an_event() -> None:  # in a loop, as in the worker: the changelog send needs one
        app = faust.App("store-test", store=cfg.store_url, datadir=cfg.worker_data_dir, autodiscover=False)
        profiles = source_profiles(app, partitions=4)
        table = next(t for t in app.tables.values() if isinstance(t, ProfilesTable))
        record = {"body": "Home | World\nA sentence of the article.", "language": {"code": "en"}}
        profiles.count("desk", record, partition=3)
        profiles.flush()  # no event here, as at commit time
        assert table.data._dbs.keys() == {3}
        assert table.data["desk"]["articles"] == 1

    asyncio.run(flush_outside_an_event())
