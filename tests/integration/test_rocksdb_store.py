"""The RocksDB table store (``NEWSSTREAM_STORE=rocksdb``, the worker's default) on the real broker: learned
source profiles and story decisions are written to the worker's own data directory, under the partition
recovery reads them from, and a worker restarted on the same port goes on from them."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
import rocksdict

from streams.tables import STORIES_TABLE, TABLE_NAME
from tests.integration.kafka_helpers import collect, produce, run
from tests.integration.test_stories_watchlist import WIRE, article

pytestmark = pytest.mark.kafka

#: Table keys are stored as Faust serialises them (JSON).
DESK_KEY = orjson.dumps("desk")
#: Faust's key in each partition's database for the last changelog offset the database holds.
OFFSET_KEY = b"__faust\0offset__"

DESK = [  # one source's articles: different news under the same site furniture (article() adds it)
    [f"The council approved budget line {n} on Tuesday after a long debate about the harbour, the mayor said.",
     f"Work on item {n} is due to start in the spring and should take about eight months to finish."]
    for n in range(6)
]


def tables_dir(worker) -> Path:
    data_dirs = list(Path(worker.env["NEWSSTREAM_DATA_DIR"]).glob(f"{worker.stream.name}-{worker.web_port}"))
    assert len(data_dirs) == 1, f"no data directory of this worker's port: {data_dirs}"
    return data_dirs[0] / "v1" / "tables"


def read_table(directory: Path, table: str) -> dict[int, dict[bytes, bytes]]:
    """Every partition database of ``table`` the worker wrote, read after it stopped."""
    out: dict[int, dict[bytes, bytes]] = {}
    for path in sorted(directory.glob(f"{table}-*.db")):
        db = rocksdict.Rdict(str(path), options=rocksdict.Options(raw_mode=True))
        try:
            out[int(path.stem.rsplit("-", 1)[1])] = dict(db.items())
        finally:
            db.close()
    return out


def enriched(stream, ids: set[str]) -> dict[str, dict]:
    out = run(collect(stream.bootstrap, [stream.enriched], ids=ids, timeout=180))
    return {value["id"]: value for _, value in out[stream.enriched]}


def test_tables_are_on_disk_and_a_restarted_worker_goes_on_from_them(stream, start_worker) -> None:
    worker = start_worker(NEWSSTREAM_STORE="rocksdb")
    run(worker.ready())
    messages = [article(f"desk-{n}", "desk", paragraphs, f"Budget line {n}") for n, paragraphs in enumerate(DESK)]
    messages.append(article("wire-1", "wire", WIRE, "Airline orders twelve turboprops"))
    run(produce(stream.bootstrap, stream.raw, messages))
    before = enriched(stream, {orjson.loads(v)['id'] for _, v in messages})
    worker.stop()  # a clean stop commits, and writes the profiles counted since the last commit

    directory = tables_dir(worker)
    profiles = read_table(directory, TABLE_NAME)
    holding = {p: rows[DESK_KEY] for p, rows in profiles.items() if DESK_KEY in rows}
    assert len(holding) == 1, f"the desk profile is in {sorted(holding)} of {sorted(profiles)}"
    (partition, value), = holding.items()
    assert orjson.loads(value)["articles"] == len(DESK)
    assert OFFSET_KEY in profiles[partition], "the database does not say which changelog offset it holds"
    stories = read_table(directory, STORIES_TABLE)
    assert set(stories) == {0} and {orjson.dumps("desk-0"), orjson.dumps("wire-1")} <= set(stories[0])

    worker.start()  # same port: the same data directory
    run(worker.ready())
    copy = article("copy-1", "outlet", WIRE[:3], "Regional carrier buys new planes")
    run(produce(stream.bootstrap, stream.raw, [article("desk-6", "desk", DESK[0][::-1], "Budget"), copy]))
    after = enriched(stream, {"desk-6", "copy-1"})
    assert after["copy-1"]["story"]["id"] == before["wire-1"]["story"]["id"]
    assert after["copy-1"]["story"]["duplicate_of"] == "wire-1"
    worker.stop()
    profiles = read_table(directory, TABLE_NAME)
    assert orjson.loads(profiles[partition][DESK_KEY])["articles"] == len(DESK) + 1
    assert "writing the source profiles failed" not in worker.log()
    assert "cluster counters not written" not in worker.log()


def test_two_workers_of_one_host_share_a_data_directory_without_sharing_tables(stream, start_worker, tmp_path) -> None:
    """The default layout: one NEWSSTREAM_DATA_DIR, a directory per worker under it (by web port), so that no
    worker waits for another's RocksDB lock; every article comes out once the group has both."""
    shared = str(tmp_path / "data")
    first = start_worker(NEWSSTREAM_STORE="rocksdb", NEWSSTREAM_DATA_DIR=shared)
    second = start_worker(NEWSSTREAM_STORE="rocksdb", NEWSSTREAM_DATA_DIR=shared)
    run(first.ready())
    run(second.ready())
    messages = [article(f"s{n}-{i}", f"source-{n}", DESK[i % len(DESK)], "Budget") for n in range(8) for i in range(3)]
    run(produce(stream.bootstrap, stream.raw, messages))
    got = enriched(stream, {orjson.loads(v)["id"] for _, v in messages})
    assert len(got) == len(messages)
    dirs = sorted(p.name for p in Path(shared).iterdir())
    assert dirs == sorted(f"{stream.name}-{w.web_port}" for w in (first, second))
    for worker in (first, second):
        assert "is locked" not in worker.log()
