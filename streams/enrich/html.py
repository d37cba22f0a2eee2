"""Article text from raw HTML: trafilatura for the main content, then this project's line rules.

trafilatura is the strongest single open-source extractor on news pages, but it leaves template
lines it cannot tell from content (share prompts, "Advertisement", picture credits, related-link
lists inside the article container, the headline repeated as the first line) and it sometimes
returns almost nothing on unusual layouts. So: trafilatura without comments (reader comments are
not the article), in its fast mode with the full cascade as a retry; then the repeated title and
runs of whole-link lines (known from the tree) and the plain-text classifier in its "already
extracted" mode; and a whole-page fallback cleaned by the full classifier when trafilatura finds
too little.
"""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from .boilerplate import clean_lines, clean_text
from .types import EMPTY_PROFILE, CleanText, SourceProfile

__all__ = ["clean_html"]

# Comments off (reader comments are not the article); tables on (scores and results are part of
# sports and finance news); precision focus: trafilatura's stricter pruning of link-dense and side
# blocks. Chosen on the "tune" half of the dev pages (bench/boilerplate.py): trafilatura alone, no
# comments, F1 0.962 balanced -> 0.971 precision; recall falls only 0.001.
EXTRACT_OPTIONS: dict[str, bool] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
}
# trafilatura's fast mode skips its readability/jusText comparison, which costs about a third of its
# time and only matters when the main pass finds next to nothing; so: fast first, the full cascade
# only when the fast result is shorter than a short news item (about 80 words).
RETRY_BELOW_CHARS = 500
# Below this, trafilatura missed the article altogether (odd markup): clean the whole page's text.
MIN_EXTRACTED_CHARS = 250

TITLE_SEARCH_LINES = 3  # the headline, if repeated, comes before or right after a kicker/dateline
_TITLE_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]+$")
_HEADLINE_WORDS = re.compile(r"\w+\W+\w+\W+\w+")  # at least three words
_ENDS_SENTENCE = re.compile(r"[.!?。！？]$")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_SPACES = re.compile(r"\s+")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def clean_html(html: str, *, url: str | None = None, profile: SourceProfile = EMPTY_PROFILE) -> CleanText:
    """Main text of an HTML page with boilerplate removed; empty for an empty or unparsable page."""
    if not html or not html.strip():
        return CleanText(text="")
    tree = load_html(html)
    if tree is None:
        # not markup at all (a feed that put plain text in its html field): clean it as text
        return clean_text(html, profile=profile) if "<" not in html else CleanText(text="")
    extracted = _extract(tree, url, fast=True)
    if len(extracted) < RETRY_BELOW_CHARS:
        extracted = max(extracted, _extract(tree, url, fast=False), key=len)
    if len(extracted) >= MIN_EXTRACTED_CHARS:
        return _clean_extracted(extracted, tree, profile)
    whole_page = trafilatura.html2txt(tree) or ""
    if len(whole_page) > len(extracted):
        fallback = clean_text(_lines_of(whole_page), profile=profile)
        if len(fallback.text) > len(extracted):
            return fallback
    return _clean_extracted(extracted, tree, profile)


def _clean_extracted(extracted: str, tree: HtmlElement, profile: SourceProfile) -> CleanText:
    lines = extracted.splitlines()
    known = _title_lines(lines, tree) | _linked_headline_runs(lines, tree)
    return clean_lines(lines, profile=profile, extracted=True, known=known)


def _title_lines(lines: list[str], tree: HtmlElement) -> set[int]:
    """The headline repeated at the top of the body: the record carries the title in its own field.

    Only among the first few lines, and only an exact match (case and spacing aside) with the page's
    <h1>, og:title / twitter:title or the <title> before its " - Site name" suffix.
    """
    head = [i for i, line in enumerate(lines[:TITLE_SEARCH_LINES]) if line.strip()]
    if not head:
        return set()
    titles = {_norm(el.text_content()) for el in tree.iter("h1", "title")}
    for meta in tree.iter("meta"):
        if meta.get("property") == "og:title" or meta.get("name") == "twitter:title":
            titles.add(_norm(meta.get("content") or ""))
    titles |= {_TITLE_SUFFIX.split(title)[0] for title in titles}
    titles.discard("")
    return {i for i in head if _norm(lines[i]) in titles}


def _linked_headline_runs(lines: list[str], tree: HtmlElement) -> set[int]:
    """Two or more consecutive lines that are each the whole text of a link: a list of other stories.

    trafilatura keeps such lists when they sit inside the article container ("More on this"
    without a heading). Links are only looked up when there are candidate runs, which is rare.
    """
    candidates = {i for i, line in enumerate(lines) if _HEADLINE_WORDS.search(line) and not _ENDS_SENTENCE.search(line)}
    paired = [i for i in sorted(candidates) if i - 1 in candidates or i + 1 in candidates]
    if not paired:
        return set()
    anchors = {_norm(a.text_content()) for a in tree.iter("a")}
    whole_links = {i for i in paired if _norm(_BULLET.sub("", lines[i])) in anchors}
    return {i for i in whole_links if i - 1 in whole_links or i + 1 in whole_links}


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _extract(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    """trafilatura on a copy of the tree (it copies inputs itself), as plain text lines."""
    try:
        text = trafilatura.extract(tree, url=url, output_format="txt", fast=fast, **EXTRACT_OPTIONS)
    except (ValueError, TypeError):
        return ""
    return text or ""


def _lines_of(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
