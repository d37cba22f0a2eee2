"""Story ids and the watch-list survive kill -9: two workers, each killed and restarted in turn, then a new
copy of an old story gets the old story's id and an article naming a watched company is tagged."""

from __future__ import annotations

import asyncio

import pytest

from tests.integration.kafka_helpers import collect, produce, run
from tests.integration.test_stories_watchlist import WIRE, ZORVIK, article, companies_cli

pytestmark = [pytest.mark.faults, pytest.mark.kafka]


async def restart(worker) -> None:
    worker.kill()
    worker.start()
    await worker.ready()


def test_story_ids_and_the_watchlist_survive_kill_9_and_restart(stream, start_worker) -> None:
    first, second = start_worker("a"), start_worker("b")

    async def both() -> None:
        await asyncio.gather(first.ready(), second.ready())

    run(both())
    run(produce(stream.bootstrap, stream.raw, [article("wire-1", "wire", WIRE, "Airline orders planes"),
                                               article("copy-a", "outlet-a", WIRE[:3], "Carrier buys planes")]))
    before = {v["id"]: v for _, v in run(collect(stream.bootstrap, [stream.enriched], until=2))[stream.enriched]}
    story = before["wire-1"]["story"]["id"]
    assert before["copy-a"]["story"]["id"] == story
    added = companies_cli(stream, "add", "zorvik", "--name", "Zorvik Robotics", "--alias", "Zorvik")
    assert added.returncode == 0, added.stderr.decode()

    for worker in (first, second):  # whichever owns the stories partition is killed once
        run(restart(worker))

    run(produce(stream.bootstrap, stream.raw, [article("copy-late", "outlet-c", WIRE[1:], "Late copy"),
                                               article("z-after", "robots", [ZORVIK], "Robots")]))
    out = run(collect(stream.bootstrap, [stream.enriched], ids={"copy-late", "z-after"}, timeout=240))
    got = {}
    for _, value in out[stream.enriched]:
        got[value["id"]] = value  # a redelivered record overwrites: the last copy of each key counts
    assert got["copy-late"]["story"]["id"] == story, got["copy-late"]["story"]
    assert got["copy-late"]["story"]["duplicate_of"] in {"wire-1", "copy-a"}
    assert got["wire-1"]["story"]["id"] == story and got["copy-a"]["story"]["id"] == story  # ids never change
    assert "zorvik" in {c["id"] for c in got["z-after"]["companies"]}
