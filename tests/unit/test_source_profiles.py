"""The per-source table as the stream uses it: articles of one source in order, template lines learned."""

from __future__ import annotations

import orjson

from streams import source_profiles
from streams.pipeline import Origin

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


def run_source(articles: list[dict]) -> tuple[dict, list[dict]]:
    table: dict = {}
    records = []
    for n, a in enumerate(articles):
        outcome = source_profiles.enrich_learning(table, a, orjson.dumps(a), Origin("news.raw", 0, n))
        assert not outcome.dead
        records.append(outcome.record)
    return table, records


def test_template_lines_of_a_source_are_learned_and_removed() -> None:
    table, records = run_source([article(i) for i in range(8)])
    first, last = records[0], records[-1]
    assert "Our journalism is funded by readers" in first["text"]  # nothing known yet about the source
    for line in TEMPLATE_TOP + TEMPLATE_BOTTOM:
        assert line not in last["text"], line
        assert line in last["boilerplate"]["removed"]
    assert STORIES[7] in last["text"]
    meta = table["daily\x1f#meta"]
    assert meta["articles"] == 8 and meta["languages"] == {"en": 8}
    profile = source_profiles.read_profile(table, "daily")
    assert profile.articles == 8 and len(profile.line_counts) == meta["lines"] == len(list(profile.line_counts))


def test_html_articles_learn_from_their_extracted_lines() -> None:
    _, records = run_source([article(i, html=True) for i in range(8)])
    assert "Our journalism is funded by readers" not in records[-1]["text"]
    assert STORIES[7] in records[-1]["text"]


def test_articles_without_source_learn_nothing() -> None:
    a = {"id": "x", "body": "Example Daily\nThe council approved the budget on Monday after a long debate."}
    table: dict = {}
    source_profiles.enrich_learning(table, a, orjson.dumps(a), Origin("news.raw"))
    assert table == {}
