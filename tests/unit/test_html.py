"""HTML extraction: the article's paragraphs come out, page furniture and the repeated title do not."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from streams.enrich import html as html_module
from streams.enrich.html import clean_html
from streams.enrich.html_container import article_container, container_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "boilerplate"
TRUTH = json.loads((FIXTURES / "aeb-ground-truth.json").read_text(encoding="utf-8"))

PARAGRAPHS = [
    "The city council voted on Monday to close the old harbour bridge to cars from next spring, "
    "ending a debate that has divided residents for almost a decade.",
    "Supporters say the bridge, built in 1911, can no longer carry heavy traffic safely, while shop "
    "owners on the east bank fear that fewer customers will make the trip.",
    "The council will spend the savings on a new ferry line and on widening the cycle lanes that "
    "lead to the bridge, according to the plan adopted by a narrow majority.",
]


def _page(extra_article_html: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Harbour bridge to close - Example News</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<article><h1>Harbour bridge to close</h1>{body}{extra_article_html}"
        "<p>Share this article</p></article>"
        "<footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>"
    )


def _shingle_f1(truth: str, text: str) -> float:
    """The article-extraction-benchmark's per-page score: word 4-gram shingles as multisets."""

    def shingles(value: str) -> Counter[tuple[str, ...]]:
        tokens = re.findall(r"\w+", value)
        return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))

    gold, got = shingles(truth), shingles(text)
    tp = sum((gold & got).values())
    precision, recall = tp / max(1, sum(got.values())), tp / max(1, sum(gold.values()))
    return 2 * precision * recall / (precision + recall) if tp else 0.0


def _fixture(page: str) -> str:
    with gzip.open(FIXTURES / f"aeb-{page}.html.gz", "rt", encoding="utf-8") as fh:
        return fh.read()


def test_article_paragraphs_extracted_without_furniture_or_title() -> None:
    result = clean_html(_page(), url="https://example.com/news/bridge")
    assert result.text == "\n".join(PARAGRAPHS)
    assert result.removed == ("Harbour bridge to close", "Share this article")


def test_related_links_inside_the_article_are_removed() -> None:
    related = (
        "<ul><li><a href='/a'>Ferry operators bid for the new harbour line</a></li>"
        "<li><a href='/b'>Cyclists welcome wider lanes on the east bank</a></li></ul>"
    )
    result = clean_html(_page(related))
    assert result.text == "\n".join(PARAGRAPHS)


def test_a_list_that_is_not_made_of_links_is_kept() -> None:
    facts = "<ul><li>Built in 1911 by the harbour board</li><li>Carries nine thousand cars a day</li></ul>"
    result = clean_html(_page(facts))
    assert "- Built in 1911 by the harbour board" in result.text
    assert "- Carries nine thousand cars a day" in result.text


@pytest.mark.parametrize("page", sorted(TRUTH))
def test_benchmark_pages_match_the_marked_article(page: str) -> None:
    result = clean_html(_fixture(page), url=TRUTH[page]["url"])
    assert _shingle_f1(TRUTH[page]["articleBody"], result.text) >= 0.85
    assert clean_html(_fixture(page), url=TRUTH[page]["url"]) == result


def test_share_prompt_and_related_link_removed_from_benchmark_pages() -> None:
    rt = clean_html(_fixture("4a44ab"))
    assert "Like this story? Share it with a friend!" in rt.removed
    space = clean_html(_fixture("686bb1"))
    assert "Related: Possible Water Plumes on Europa: The Discovery in Images" in space.removed
    # a list of links inside the article container: left out by the extractor itself
    assert "Keck Observatory: Twin Telescopes on Mauna Kea" not in space.text
    assert "Europa" in space.text


def test_empty_or_unparsable_html_gives_empty_text() -> None:
    assert clean_html("").text == ""
    assert clean_html("   ").text == ""
    assert clean_html("<html></html>").text == ""


def test_page_without_article_container_falls_back_to_page_text() -> None:
    sentence = (
        "Residents of the valley were told on Friday that the water supply would be restored by the end of the "
        "week, after engineers found the cause of the leak."
    )
    html = f"<html><body><div>Home</div><div>News</div><div>{sentence}</div><div>Contact us</div></body></html>"
    assert sentence in clean_html(html).text


def test_plain_text_in_the_html_field_is_cleaned_as_text() -> None:
    sentence = "The minister said on Tuesday that the plan would be published before the end of the month."
    result = clean_html(f"Home\n{sentence}")
    assert result.text == sentence
    assert result.removed == ("Home",)


def _long_story(prefix: str) -> str:
    return "".join(f"<p>{prefix} {p}</p>" for p in PARAGRAPHS)


def test_an_empty_article_container_does_not_hide_the_story() -> None:
    html = (
        "<html><head><title>Harbour bridge</title></head><body><article></article>"
        f"<div class='story'>{_long_story('')}</div></body></html>"
    )
    text = clean_html(html).text
    assert all(p in text for p in PARAGRAPHS)


def test_an_article_container_with_a_teaser_only_falls_back_to_the_whole_page() -> None:
    teaser = "<article><h2>Also today</h2><p>Ferry line opens.</p></article>"
    html = f"<html><body>{teaser}<div class='main-text'>{_long_story('')}</div></body></html>"
    text = clean_html(html).text
    assert all(p in text for p in PARAGRAPHS)


def test_the_largest_of_several_article_containers_is_chosen() -> None:
    teasers = "".join(f"<article><p>Teaser number {n} about something else.</p></article>" for n in range(3))
    html = f"<html><body><aside>{teasers}</aside><article>{_long_story('')}</article>{teasers}</body></html>"
    text = clean_html(html).text
    assert all(p in text for p in PARAGRAPHS)
    assert "Teaser number" not in text


def test_scripts_styles_and_inline_data_do_not_leak_into_the_text() -> None:
    noise = (
        "<script>var tracking = {'page': 'bridge'};</script><style>p { color: red }</style>"
        "<noscript>Please enable JavaScript to view this page</noscript>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge"}</script>'
        "<svg><text>chart label</text></svg>"
    )
    text = clean_html(_page(noise)).text
    assert text == "\n".join(PARAGRAPHS)


def test_broken_markup_and_control_characters_still_give_the_story() -> None:
    html = (
        "<!DOCTYPE html>\n<html><body><div><article><p>"
        + "<p>".join(PARAGRAPHS).replace("bridge,", "bridge\x0b,")
        + "<div><span>unclosed"
    )
    text = clean_html(html).text
    assert PARAGRAPHS[0] in text
    assert "\x0b" not in text and "\ufffd" not in text


def test_a_page_declaring_its_encoding_in_an_xml_prolog_is_parsed() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + _page()
    assert clean_html(html).text == "\n".join(PARAGRAPHS)


def test_furniture_inside_the_article_container_is_left_out() -> None:
    furniture = (
        "<div class='share-bar'><p>Share on Facebook</p><p>Share on X</p></div>"
        "<figure><img src='a.jpg'><figcaption>The bridge at dusk. Photo: City archive</figcaption></figure>"
        "<p style='display: none'>Hidden printer note about this page and its layout.</p>"
        "<div class='related-stories'><p>Ferry operators bid for the new harbour line today</p></div>"
        "<p><a href='/app'><strong>GET OUR NEWS APP BY CLICKING HERE</strong></a></p>"
        "<ul><li><a href='/a'>Ferry operators bid for the new line</a></li>"
        "<li><a href='/b'>Cyclists welcome wider lanes on the east bank</a></li></ul>"
    )
    story = _long_story("") + furniture + _long_story("Also:")
    html = f"<html><body><article><h1>Harbour bridge</h1>{story}</article></body></html>"
    expected = [f" {p}".strip() for p in PARAGRAPHS] + [f"Also: {p}" for p in PARAGRAPHS]
    lines = container_lines(lxml.html.fromstring(html).find(".//article"))
    assert lines == expected
    assert clean_html(html).text == "\n".join(expected)


def test_line_breaks_and_list_items_inside_the_container_become_lines() -> None:
    items = "<ul><li>Built in 1911 by the harbour board</li><li>Carries nine thousand cars a day</li></ul>"
    html = (
        "<html><body><div class='entry-content'>"
        f"<p>{PARAGRAPHS[0]}<br>{PARAGRAPHS[1]}</p>{items}<p>{PARAGRAPHS[2]}</p></div></body></html>"
    )
    lines = container_lines(lxml.html.fromstring(html).find(".//div"))
    assert lines == [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "- Built in 1911 by the harbour board",
        "- Carries nine thousand cars a day",
        PARAGRAPHS[2],
    ]


def test_trafilatura_runs_only_when_the_container_yields_too_little(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    real_extract = html_module._extract

    def spy(tree: object, *, fast: bool) -> str:
        calls.append(fast)
        return real_extract(tree, fast=fast)

    monkeypatch.setattr(html_module, "_extract", spy)
    long_page = _page(_long_story("Also:"))  # an article's worth of text in the container
    assert clean_html(long_page).text.startswith("\n".join(PARAGRAPHS))
    assert calls == []
    promo = "".join(f"<p>Share this story with friend number {n} on every network.</p>" for n in range(9))
    html = f"<html><body><article><div class='social-share'>{promo}</div></article>{_long_story('')}</body></html>"
    assert clean_html(html).text
    assert calls[0] is True


def test_article_container_is_found_by_markup_or_content_class_and_needs_enough_text() -> None:
    story = _long_story("") + _long_story("Also:")  # a container needs an article's worth of text
    for markup in (
        f"<div itemprop='articleBody'>{story}</div>",
        f"<article>{story}</article>",
        f"<main>{story}</main>",
        f"<div class='post-body entry-content'>{story}</div>",
    ):
        found = article_container(lxml.html.fromstring(f"<html><body><div>Menu</div>{markup}</body></html>"))
        assert found is not None and "harbour bridge" in found.text_content()
    assert article_container(lxml.html.fromstring(f"<html><body><div>{story}</div></body></html>")) is None
    teaser = "<html><body><article><p>Ferry line opens.</p></article></body></html>"
    assert article_container(lxml.html.fromstring(teaser)) is None


def test_furniture_names_on_the_container_or_its_main_wrapper_do_not_drop_the_story() -> None:
    story = _long_story("") + _long_story("Also:")
    wordpress = f"<html><body><article class='post type-post tag-news category-world'>{story}</article></body></html>"
    assert len(container_lines(article_container(lxml.html.fromstring(wordpress)))) == 2 * len(PARAGRAPHS)
    sidebar = "<div class='sidebar'><p>Most read: the ferry timetable for the winter season</p></div>"
    wrapped = f"<html><body><article><div class='content-with-sidebar'>{story}{sidebar}</div></article></body></html>"
    lines = container_lines(article_container(lxml.html.fromstring(wrapped)))
    assert len(lines) == 2 * len(PARAGRAPHS) and not any("ferry timetable" in line for line in lines)


def test_a_readers_comment_is_not_taken_for_the_article() -> None:
    remark = "<p>I have crossed that bridge every day for years.</p>" * 12
    comment = f"<article class='comment-body'>{remark}</article>"
    story = _long_story("") + _long_story("Also:")
    page = f"<html><body><div class='entry-content'>{story}</div>{comment}</body></html>"
    found = article_container(lxml.html.fromstring(page))
    assert found is not None and found.get("class") == "entry-content"


def test_a_heading_with_nothing_after_it_is_left_out() -> None:
    links = "<ul><li><a href='/a'>Ferry operators bid</a></li><li><a href='/b'>Cyclists welcome lanes</a></li></ul>"
    html = f"<html><body><article>{_long_story('')}<h2>More on this story</h2>{links}</article></body></html>"
    assert container_lines(lxml.html.fromstring(html).find(".//article")) == PARAGRAPHS


def test_a_decoded_page_is_read_as_decoded_whatever_charset_it_declares() -> None:
    sentence = "Городской совет в понедельник проголосовал за закрытие старого моста для машин."
    html = f"<html><head><meta charset='windows-1251'></head><body><article><p>{sentence}</p>"
    html += "".join(f"<p>{sentence} Часть {n}.</p>" for n in range(8)) + "</article></body></html>"
    assert clean_html(html).text.splitlines()[0] == sentence


def test_page_headline_becomes_the_title_of_an_html_article_without_one() -> None:
    from streams.enrich import enrich

    paragraph = "<p>" + "The council approved the budget after a long debate on Monday evening. " * 8 + "</p>"
    page = (
        "<html><head><title>Budget approved - Example Daily</title></head>"
        f"<body><article><h1>Budget approved after long debate</h1>{paragraph}</article></body></html>"
    )
    assert clean_html(page).title == "Budget approved after long debate"
    record = enrich({"id": "p1", "html": page})
    assert record["title"] == "Budget approved after long debate"
    assert enrich({"id": "p2", "title": "Own title", "html": page})["title"] == "Own title"
    og = page.replace("<head>", '<head><meta property="og:title" content="Budget  approved: the vote">')
    assert clean_html(og).title == "Budget approved: the vote"
    bare = page.replace("<h1>Budget approved after long debate</h1>", "")
    assert clean_html(bare).title == "Budget approved"


def test_previous_next_block_inside_the_article_container_goes_as_in_plain_text() -> None:
    block = "<p>Previous article</p><p>Will the Harbour Ferry Survive the Winter?</p>"
    result = clean_html(_page(block))
    assert result.text.splitlines() == PARAGRAPHS
    assert "Previous article" in result.removed
    assert "Will the Harbour Ferry Survive the Winter?" in result.removed
