"""Plain-text boilerplate removal: template lines go, paragraphs stay, short texts survive."""

from __future__ import annotations

from streams.enrich.boilerplate import clean_text, line_fingerprint, line_fingerprints
from streams.enrich.types import SourceProfile

PARAGRAPH_EN = (
    "The central bank raised its key rate by half a point on Tuesday, citing persistent inflation "
    "in services and a labour market that has barely cooled since the spring."
)
PARAGRAPH_EN_2 = (
    "Economists had expected a smaller move, and markets in Frankfurt and Paris fell sharply after "
    "the announcement before recovering some of their losses in the afternoon."
)


def test_nav_and_share_lines_removed_paragraphs_kept() -> None:
    lines = ["Home", "World", "Business", PARAGRAPH_EN, PARAGRAPH_EN_2, "Share this article", "Subscribe"]
    text = "\n".join(lines)
    result = clean_text(text)
    assert result.text == PARAGRAPH_EN + "\n" + PARAGRAPH_EN_2
    assert result.removed == ("Home", "World", "Business", "Share this article", "Subscribe")


def test_short_text_is_never_emptied() -> None:
    assert clean_text("Subscribe").text == "Subscribe"
    assert clean_text("Share\nRead more").text == "Share\nRead more"


def test_fingerprint_ignores_case_spaces_and_digits() -> None:
    assert line_fingerprint("© 2019  All Rights Reserved") == line_fingerprint("© 2024 all rights reserved")
    assert line_fingerprint("Home") != line_fingerprint("World")
    assert line_fingerprints("Home\n\n   \nHome\n123") == {line_fingerprint("Home")}


def test_recurring_source_lines_removed_after_a_few_articles() -> None:
    template_head = ["Daily Planet", "Latest Weather Opinion Jobs", "Follow the Planet today"]
    template_tail = ["Planet Media Group, 1 Main Street", "Tip us off: call the newsroom"]
    counts: dict[str, int] = {}
    result = None
    for n in range(8):
        articles = n + 1
        body = "\n".join(
            [
                *template_head,
                f"Story number {n} starts with a plain sentence about item {n}.",
                PARAGRAPH_EN,
                *template_tail,
            ]
        )
        for key in line_fingerprints(body):
            counts[key] = counts.get(key, 0) + 1
        result = clean_text(body, profile=SourceProfile(articles=articles, line_counts=dict(counts)))
    assert result is not None
    assert "Daily Planet" in result.removed
    assert "Tip us off: call the newsroom" in result.removed
    assert PARAGRAPH_EN in result.text
    assert "Story number 7" in result.text
