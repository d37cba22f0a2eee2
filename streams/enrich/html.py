"""Article text from raw HTML: the page's own article container or trafilatura, then this project's line rules.

Most news pages mark their article (schema.org articleBody, <article>, <main>, a CMS content
class); for those, one walk over that container (``html_container``) gives the paragraphs at a
fraction of trafilatura's cost. Otherwise, or when the container yields less than a short news item,
trafilatura, the strongest single open-source extractor on news pages: without comments (reader
comments are not the article), in its fast mode with the full cascade as a retry. Both leave
template lines they cannot tell from content (share prompts, "Advertisement", picture credits,
related-link lists, the headline repeated as the first line), so then come the repeated title and
runs of whole-link lines (known from the tree) and the plain-text classifier in its "already
extracted" mode; and a whole-page fallback cleaned by the full classifier when nothing finds enough.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import replace

import trafilatura
from lxml import etree
from lxml.html import HtmlComment, HtmlElement
from lxml.html import fromstring as html_fromstring
from trafilatura.settings import MANUALLY_CLEANED, MANUALLY_STRIPPED, Extractor
from trafilatura.utils import DOCTYPE_TAG, INVALID_XML_CHARS

from .boilerplate import clean_lines, clean_text
from .html_container import article_container, container_lines
from .types import EMPTY_PROFILE, CleanText, SourceProfile

__all__ = ["clean_html"]

# Comments off (reader comments are not the article); tables on (scores and results are part of
# sports and finance news); precision focus: trafilatura's stricter pruning of link-dense and side
# blocks. Chosen on the "tune" half of the dev pages (bench/boilerplate.py): trafilatura alone, no
# comments, F1 0.962 balanced -> 0.971 precision; recall falls only 0.001.
# Built once: trafilatura's keyword path rebuilds its settings on every call (~0.4 ms). The url
# only feeds metadata and link targets, both off here, so one shared Extractor serves every page.
_FAST = Extractor(output_format="txt", fast=True, precision=True, comments=False, tables=True)
_FULL = Extractor(output_format="txt", fast=False, precision=True, comments=False, tables=True)
# trafilatura's fast mode skips its readability/jusText comparison, which costs about a third of its
# time and only matters when the main pass finds next to nothing; so: fast first, the full cascade
# only when the fast result is shorter than a short news item (about 80 words).
RETRY_BELOW_CHARS = 500
# Below this, trafilatura missed the article altogether (odd markup): clean the whole page's text.
MIN_EXTRACTED_CHARS = 250
# trafilatura's cost grows with the number of elements its XPath passes visit (several per pass,
# about ten passes), and it deletes these subtrees and unwraps these tags anyway, in its cleaning
# step after the first passes. Doing both up front in C (lxml strip_*) makes every pass shorter.
# Forms (kept when they hold most of the text) and figures (kept when they hold a table) are left
# to it; <script type="application/ld+json"> is kept for its forum-page check.
_DELETED_TAGS = tuple(tag for tag in MANUALLY_CLEANED if tag not in {"form", "figure", "head", "script"})
_UNWRAPPED_TAGS = tuple(MANUALLY_STRIPPED)
_DROPPED_SCRIPT = "x-dropped-script"
# libxml2 would turn these into U+FFFD; trafilatura removes them before parsing (a membership test
# is ~4x faster than its regex on pages that, as nearly all do, have none).
_INVALID_CHARS = "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF]))

TITLE_SEARCH_LINES = 3  # the headline, if repeated, comes before or right after a kicker/dateline
_TITLE_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]+$")
_HEADLINE_WORDS = re.compile(r"\w+\W+\w+\W+\w+")  # at least three words
_ENDS_SENTENCE = re.compile(r"[.!?。！？]$")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_SPACES = re.compile(r"\s+")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
_local = threading.local()  # lxml parsers must not be shared between threads


def clean_html(html: str, *, url: str | None = None, profile: SourceProfile = EMPTY_PROFILE) -> CleanText:
    """Main text of an HTML page with boilerplate removed; empty for an empty or unparsable page.

    ``url`` is accepted for the orchestrator's sake; nothing extracted here depends on it.
    """
    if not html or not html.strip():
        return CleanText(text="")
    tree = _parse(html)
    if tree is None:
        # not markup at all (a feed that put plain text in its html field): clean it as text
        return clean_text(html, profile=profile) if "<" not in html else CleanText(text="")
    titles, headline = _page_titles(tree)  # before pruning: <title> and <meta> go with the page furniture
    _prune(tree)
    container = article_container(tree)
    if container is not None:
        lines = container_lines(container)
        if sum(map(len, lines)) >= RETRY_BELOW_CHARS:
            return _clean_extracted(lines, tree, titles, headline, profile)
    etree.strip_tags(tree, *_UNWRAPPED_TAGS)  # for trafilatura only (see _DELETED_TAGS)
    extracted = _extract(tree, fast=True)
    if len(extracted) < RETRY_BELOW_CHARS:
        extracted = max(extracted, _extract(tree, fast=False), key=len)
    if len(extracted) >= MIN_EXTRACTED_CHARS:
        return _clean_extracted(extracted.splitlines(), tree, titles, headline, profile)
    whole_page = trafilatura.html2txt(tree) or ""
    if len(whole_page) > len(extracted):
        fallback = clean_text(_lines_of(whole_page), profile=profile)
        if len(fallback.text) > len(extracted):
            return replace(fallback, title=headline)
    return _clean_extracted(extracted.splitlines(), tree, titles, headline, profile)


def _parser() -> etree.HTMLParser:
    """trafilatura's parser settings, with lxml.html's element classes looked up in C.

    lxml.html's default lookup calls back into Python for every element object created, and
    trafilatura creates hundreds of thousands of them per page.
    """
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(
            collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
        )
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement, comment=HtmlComment))
        _local.parser = parser
    return parser


def _parse(html: str) -> HtmlElement | None:
    """trafilatura's ``load_html`` for a decoded page (same repairs, same rejection of non-HTML)."""
    beginning = html[:50].lower()
    if any(char in html for char in _INVALID_CHARS):
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:  # libxml2 trips on some doctype lines
        first_line, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", first_line, count=1) + "\n" + rest
    try:
        # as UTF-8 bytes (the parser is told so, whatever the page declares): libxml2 reads UTF-8
        # natively, while a str reaches it as UCS-4 to convert; about 15% faster, same tree
        tree = html_fromstring(html.encode("utf-8", "replace"), parser=_parser())
    except (etree.ParserError, ValueError):
        return None
    if tree is None or ("html" not in beginning and len(tree) < 2):
        return None
    return tree


def _prune(tree: HtmlElement) -> None:
    """Delete what trafilatura would delete anyway, before its passes walk it (see _DELETED_TAGS)."""
    for script in tree.iter("script"):
        if script.get("type") != "application/ld+json":
            script.tag = _DROPPED_SCRIPT
    etree.strip_elements(tree, _DROPPED_SCRIPT, *_DELETED_TAGS, with_tail=False)


def _page_titles(tree: HtmlElement) -> tuple[set[str], str | None]:
    """The page's headline forms (<h1>, <title> and og:/twitter: titles, also without a " - Site" suffix,
    normalised for comparison), and the headline to show: og:/twitter: title, else <h1>, else <title>."""
    titles: set[str] = set()
    found: dict[str, str] = {}
    for element in tree.iter("h1", "title", "meta"):
        if element.tag != "meta":
            text = _SPACES.sub(" ", element.text_content()).strip()
            found.setdefault(element.tag, _TITLE_SUFFIX.split(text)[0] if element.tag == "title" else text)
            text = element.text_content()
        elif element.get("property") == "og:title" or element.get("name") == "twitter:title":
            text = element.get("content") or ""
            found.setdefault("meta", _SPACES.sub(" ", text).strip())
        else:
            continue
        titles.add(_norm(text))
    titles |= {_TITLE_SUFFIX.split(title)[0] for title in titles}
    titles.discard("")
    headline = next((found[k] for k in ("meta", "h1", "title") if found.get(k)), None)
    return titles, headline


def _clean_extracted(
    lines: list[str], tree: HtmlElement, titles: set[str], headline: str | None, profile: SourceProfile
) -> CleanText:
    known = _title_lines(lines, titles) | _linked_headline_runs(lines, tree)
    return replace(clean_lines(lines, profile=profile, extracted=True, known=known), title=headline)


def _title_lines(lines: list[str], titles: set[str]) -> set[int]:
    """The headline repeated at the top of the body: the record carries the title in its own field.

    Only among the first few lines, and only an exact match (case and spacing aside) with the page's
    <h1>, og:title / twitter:title or the <title> before its " - Site name" suffix.
    """
    return {i for i, line in enumerate(lines[:TITLE_SEARCH_LINES]) if line.strip() and _norm(line) in titles}


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


def _extract(tree: HtmlElement, *, fast: bool) -> str:
    """trafilatura on a copy of the tree (it copies inputs itself), as plain text lines."""
    try:
        text = trafilatura.extract(tree, options=_FAST if fast else _FULL)
    except (ValueError, TypeError):
        return ""
    return text or ""


def _lines_of(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
