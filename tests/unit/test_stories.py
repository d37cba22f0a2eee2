"""Story decisions: copies of one report share a story, look-alikes and unrelated articles do not, ids never
change, state is one write per article and expires."""

from __future__ import annotations

from streams.enrich import stories
from streams.enrich.stories import Sketch, StoryIndex

PARAGRAPHS = [
    "The regional airline said on Tuesday it would buy twelve new turboprop aircraft to replace its ageing fleet.",
    "The order, worth about 300 million euros at list prices, is the largest in the company's forty-year history.",
    "Deliveries are due to start next spring, and the first routes to get the new planes link the islands.",
    "Unions welcomed the decision but warned that pilots' working hours must not rise with the larger schedule.",
    "Analysts said the carrier could finance the purchase from its cash reserves without raising new capital.",
    "The airline carried 2.1 million passengers last year, a record, helped by a strong summer tourist season.",
]
OTHER = [
    "The city council voted to close the old harbour bridge to cars from next month while repairs are made.",
    "Cyclists and pedestrians will still be able to cross, and a ferry will run every twenty minutes at peak hours.",
    "The works are expected to last eight months and cost the city about 14 million euros, the mayor said.",
    "Shop owners near the bridge fear a drop in customers and have asked for lower rents during the closure.",
]


def text(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs)


def test_copies_trimmed_and_edited_share_the_first_ones_story() -> None:
    index = StoryIndex({})
    first = index.assign("wire-1", text(PARAGRAPHS), now=0)
    assert first.id == "story-wire-1" and first.duplicate_of is None and first.similarity is None
    edited = index.assign("outlet-a", text(PARAGRAPHS[:2] + PARAGRAPHS[3:]), now=1)  # one paragraph dropped
    trimmed = index.assign("outlet-b", text(PARAGRAPHS[:3]), now=2)  # cut to its first half
    swapped = index.assign("outlet-c", text([PARAGRAPHS[1], PARAGRAPHS[0], *PARAGRAPHS[2:]]), now=3)
    for copy in (edited, trimmed, swapped):
        assert copy.id == first.id and copy.duplicate_of == "wire-1"
        assert 0 < copy.similarity <= 1


def test_unrelated_and_look_alike_articles_get_their_own_story() -> None:
    index = StoryIndex({})
    index.assign("wire-1", text(PARAGRAPHS), now=0)
    other = index.assign("city-1", text(OTHER), now=1)
    assert other.id == "story-city-1" and other.duplicate_of is None
    rival = ["A rival carrier answered within hours with a plan to lease six larger jets for its longer routes.",
             "Its chief executive said leasing kept the balance sheet light while demand for holiday flights grew.",
             "The leases run for seven years and include an option to buy the aircraft at the end of the term."]
    lookalike = index.assign("rival-1", text([PARAGRAPHS[0], *rival]), now=2)  # the same opening, another story
    assert lookalike.id == "story-rival-1"


def test_a_redelivered_article_gets_the_answer_it_got_and_nothing_is_written_twice() -> None:
    class Counting(dict):
        writes = 0

        def __setitem__(self, key, value):
            self.writes += 1
            super().__setitem__(key, value)

    entries = Counting()
    index = StoryIndex(entries)
    index.assign("wire-1", text(PARAGRAPHS), now=0)
    copy = index.assign("copy-1", text(PARAGRAPHS[:4]), now=1)
    assert entries.writes == 2  # one write per article
    assert index.assign("copy-1", text(PARAGRAPHS[:4]), now=5) == copy
    assert entries.writes == 2


def test_a_new_owner_continues_from_the_entries() -> None:
    entries: dict = {}
    StoryIndex(entries).assign("wire-1", text(PARAGRAPHS), now=0)
    after_restart = StoryIndex(entries)  # the band index is rebuilt from the table
    assert after_restart.assign("copy-1", text(PARAGRAPHS[:4]), now=1).id == "story-wire-1"


def test_entries_expire_after_the_retention_window() -> None:
    entries: dict = {}
    index = StoryIndex(entries, retention_s=100)
    index.assign("wire-1", text(PARAGRAPHS), now=0)
    late = index.assign("copy-1", text(PARAGRAPHS[:4]), now=500)
    assert late.id == "story-copy-1" and "wire-1" not in entries and len(index) == 1


def test_the_oldest_go_beyond_the_article_cap() -> None:
    entries: dict = {}
    index = StoryIndex(entries, max_articles=2)
    for i, paragraph in enumerate(PARAGRAPHS):
        index.assign(f"a{i}", paragraph * 4, now=i)
    assert len(index) == 2 and set(entries) == {"a4", "a5"}


def test_sketches_survive_their_encoding_and_every_process_computes_the_same() -> None:
    sketch = stories.sketch(text(PARAGRAPHS))
    assert Sketch.decode(sketch.encode()) == sketch
    assert sketch.bands() == Sketch.decode(sketch.encode()).bands()
    assert len(sketch.bands()) == stories.BANDS + stories.LEAD_BANDS


def test_cjk_text_is_shingled_by_character() -> None:
    chinese = "比亚迪周二表示，公司将在匈牙利建设第二座电动汽车工厂，预计二〇二七年投产。"
    index = StoryIndex({})
    index.assign("zh-1", chinese * 3, now=0)
    assert index.assign("zh-2", chinese * 2, now=1).id == "story-zh-1"
    assert len(stories.shingles(chinese)) > 20


def test_a_story_with_hundreds_of_copies_costs_a_few_checks_per_new_copy(monkeypatch) -> None:
    index = StoryIndex({})
    for i in range(300):
        index.assign(f"copy-{i}", text(PARAGRAPHS), now=i)
    checks = []
    real = stories.similarity
    monkeypatch.setattr(stories, "similarity", lambda a, b, **kw: checks.append(1) or real(a, b, **kw))
    late = index.assign("copy-late", text(PARAGRAPHS[:4]), now=301)
    assert late.id == "story-copy-0" and late.duplicate_of == "copy-0"
    assert len(checks) <= stories.CHECKS_PER_STORY
