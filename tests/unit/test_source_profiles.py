"""The per-source profiles as the stream uses them: articles of one source in order, template lines learned,
one table write per source when flushed, a bounded value."""

from __future__ import annotations

import orjson

from streams import pipeline, source_profiles
from streams.pipeline import Origin
from streams.source_profiles import SourceProfiles

TEMPLATE_TOP = ["Example Daily", "World | Business | Sport | Culture", "Morning briefing"]
TEMPLATE_BOTTOM = ["Our journalism is funded by readers", "Example Daily Media Group Ltd 2026"]
STORIES = [
    "The city council approved a new budget for public transport on Monday after a long debate.",
    "Farmers in the region reported an early harvest thanks to an unusually warm autumn this year.",
    "A new museum of modern design opened its doors to visitors in the old harbour district.",
    "Scientists at the local university published a study on the migration of birds over the sea.",
    "The national football team won its qualifying match after a late goal in the second half.",
    "Heavy rain caused flooding in several villages, and emergency services evacuated residents.",
    "The central bank kept interest rates unchanged, citing stable inflation over the summer.",
    "A small bakery celebrated its hundredth anniversary with free bread for the whole street.",
]


def article(i: int, html: bool = False) -> dict:
    lines = [*TEMPLATE_TOP, STORIES[i], f"Second paragraph of story {i}, with more detail on what happened.",
             *TEMPLATE_BOTTOM]
    if html:
        paragraphs = "".join(f"<p>{line}</p>" for line in lines)
        return {"id": f"h{i}", "source": "daily", "html": f"<html><body><article>{paragraphs}</article></body></html>"}
    return {"id": f"a{i}", "source": "daily", "body": "\n".join(lines)}


def run_source(articles: list[dict], profiles: SourceProfiles | None = None) -> tuple[dict, list[dict]]:
    profiles = profiles or SourceProfiles({}, write_through=True)
    records = []
    for n, a in enumerate(articles):
        outcome = pipeline.enrich_learning(a, orjson.dumps(a), Origin("news.raw", 0, n), profiles)
        assert not outcome.dead
        records.append(outcome.record)
    return profiles.table, records


def test_template_lines_of_a_source_are_learned_and_removed() -> None:
    table, records = run_source([article(i) for i in range(8)])
    first, last = records[0], records[-1]
    assert "Our journalism is funded by readers" in first["text"]  # nothing known yet about the source
    for line in TEMPLATE_TOP + TEMPLATE_BOTTOM:
        assert line not in last["text"], line
        assert line in last["boilerplate"]["removed"]
    assert STORIES[7] in last["text"]
    value = table["daily"]
    assert value["articles"] == 8 and value["languages"] == {"en": 8}
    profile = SourceProfiles(table).profile("daily")  # as a worker reads it after a restart
    assert profile.articles == 8 and len(profile.line_counts) == len(value["lines"]) == len(list(profile.line_counts))
    assert all(profile.line_counts[source_profiles.article_fingerprints({"body": line}).pop()] == 8
               for line in TEMPLATE_BOTTOM)


def test_html_articles_learn_from_their_extracted_lines() -> None:
    _, records = run_source([article(i, html=True) for i in range(8)])
    assert "Our journalism is funded by readers" not in records[-1]["text"]
    assert STORIES[7] in records[-1]["text"]


def test_articles_without_source_learn_nothing() -> None:
    a = {"id": "x", "body": "Example Daily\nThe council approved the budget on Monday after a long debate."}
    profiles = SourceProfiles({}, write_through=True)
    pipeline.enrich_learning(a, orjson.dumps(a), Origin("news.raw"), profiles)
    assert profiles.table == {} and profiles.flush() == 0


class CountingTable(dict):
    """A dict that counts its writes, as a Faust table would send changelog records."""

    writes = 0

    def __setitem__(self, key, value) -> None:
        self.writes += 1
        super().__setitem__(key, value)


def test_writes_are_one_per_source_per_flush_whatever_the_articles_hold() -> None:
    table = CountingTable()
    profiles = SourceProfiles(table)
    long = {"id": "long", "source": "daily",
            "body": "\n".join([*TEMPLATE_TOP, *(f"Short line {i}" for i in range(300)), STORIES[0]])}
    run_source([article(i) for i in range(6)] + [long], profiles)
    other = {"id": "o1", "source": "weekly", "body": STORIES[1]}
    run_source([other], profiles)
    assert table.writes == 0  # counted in memory only, until the worker is about to commit
    assert profiles.flush() == 2 and table.writes == 2 and set(table) == {"daily", "weekly"}
    assert profiles.flush() == 0 and table.writes == 2  # nothing new, nothing written
    assert table["daily"]["articles"] == 7


def test_a_new_owner_continues_from_the_table() -> None:
    table: dict = {}
    first = SourceProfiles(table)
    run_source([article(i) for i in range(4)], first)
    first.flush()
    first.forget()  # partitions revoked
    second = SourceProfiles(table)  # another worker, or the same one after a rebalance
    run_source([article(i) for i in range(4, 6)], second)
    second.flush()
    assert table["daily"]["articles"] == 6
    assert second.partition_of("daily") == 0 and second.partition_of("unknown") is None


def test_rare_lines_are_pruned_and_template_lines_kept() -> None:
    profiles = SourceProfiles({})
    for n in range(1000):
        caption = "Photo: " + "".join("abcdefghij"[int(d)] for d in str(n))  # unique (digits would fold together)
        body = "\n".join([*TEMPLATE_TOP, caption, STORIES[n % len(STORIES)], *TEMPLATE_BOTTOM])
        record = {"body": body, "language": {"code": "en"}}
        profiles.count("daily", record)
    profiles.flush()
    template = TEMPLATE_TOP + TEMPLATE_BOTTOM
    written = profiles.table["daily"]["lines"]
    assert len(written) == len(template) + len(STORIES)  # lines seen once (the captions) are never written
    counts = profiles.profile("daily").line_counts  # in memory: the template and the recent captions only
    assert len(counts) <= len(template) + source_profiles.PRUNE_MIN_AGE + source_profiles.PRUNE_EVERY
    for line in template:
        assert counts[source_profiles.article_fingerprints({"body": line}).pop()] == 1000, line


def test_memory_holds_the_sources_met_last_and_the_others_come_back_from_the_table() -> None:
    table = CountingTable()
    profiles = SourceProfiles(table, max_sources=2)
    for source in ("daily", "weekly", "monthly"):
        run_source([{**article(i), "id": f"{source}{i}", "source": source} for i in range(3)], profiles)
    profiles.profile("daily")  # met again: now the most recent
    assert profiles.flush() == 3 and table.writes == 3  # every counted source written before any is dropped
    assert profiles.partition_of("weekly") is None  # the least recently met went
    assert profiles.partition_of("daily") == 0 and profiles.partition_of("monthly") == 0
    run_source([{**article(5), "id": "weekly5", "source": "weekly"}], profiles)  # read back from the table
    profiles.flush()
    assert table["weekly"]["articles"] == 4 and table["daily"]["articles"] == 3
    assert profiles.profile("weekly").line_counts.get(source_profiles._line_key(TEMPLATE_TOP[0])) == 4
