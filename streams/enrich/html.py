"""Article text from raw HTML: trafilatura for the main content, then this project's line rules.

trafilatura is the strongest single open-source extractor on news pages, but it leaves template
lines it cannot tell from content (share prompts, "Advertisement", picture credits, related-link
lists at the end of the article body) and it sometimes returns almost nothing on unusual layouts.
So: trafilatura without comments (reader comments are not the article), then the plain-text
classifier in its "already extracted" mode, and a whole-page fallback cleaned by the full
classifier when trafilatura finds too little.
"""

from __future__ import annotations

import logging

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from .boilerplate import clean_lines, clean_text
from .types import EMPTY_PROFILE, CleanText, SourceProfile

__all__ = ["clean_html"]

# Below this many characters trafilatura probably missed the article (teaser pages, odd markup).
MIN_EXTRACTED_CHARS = 250

# Comments off (not the article); tables on (scores, results are part of sports and finance news);
# precision focus: trafilatura's stricter pruning of link-dense and side blocks scored best when
# tuned on half of the dev pages (F1 0.955 balanced -> 0.96+ precision, see bench/boilerplate.py).
EXTRACT_OPTIONS: dict[str, bool] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
}

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def clean_html(html: str, *, url: str | None = None, profile: SourceProfile = EMPTY_PROFILE) -> CleanText:
    """Main text of an HTML page with boilerplate removed; empty for an empty or unparsable page."""
    if not html or not html.strip():
        return CleanText(text="")
    tree = load_html(html)
    if tree is None:
        return CleanText(text="")
    extracted = _extract(tree, url)
    if len(extracted) >= MIN_EXTRACTED_CHARS:
        return clean_lines(extracted.splitlines(), profile=profile, extracted=True)
    whole_page = trafilatura.html2txt(tree) or ""
    if len(whole_page) > len(extracted):
        fallback = clean_text(_lines_of(whole_page), profile=profile)
        if len(fallback.text) > len(extracted):
            return fallback
    return clean_lines(extracted.splitlines(), profile=profile, extracted=True)


def _extract(tree: HtmlElement, url: str | None) -> str:
    try:
        text = trafilatura.extract(
            tree,
            url=url,
            output_format="txt",
            **EXTRACT_OPTIONS,
        )
    except (ValueError, TypeError):
        return ""
    return text or ""


def _lines_of(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
