"""Article text straight from the container a page marks as its article, without trafilatura.

Most news pages say where the article is: schema.org ``itemprop="articleBody"``, an ``<article>``
element, ``<main>``, or a content class of the common CMSs ("article-body", "entry-content").
Inside that container the page furniture is limited (share bars, picture captions, "related"
boxes, print-only headers, datelines, ad slots), and it is named in class/id attributes in
the same few ways everywhere. So one walk over the container, skipping such subtrees and
link lists, gives the article's paragraphs in a fraction of trafilatura's time (its ten or so
XPath passes over every element dominate its cost). The lines then go through the same
line rules as trafilatura's output; a container that yields too little is handed back to
trafilatura by the caller.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["MIN_CONTAINER_CHARS", "article_container", "container_lines"]

# A container must hold at least a short article's worth of text to be trusted on its own.
MIN_CONTAINER_CHARS = 500
# Most specific first: schema.org's article body, then the HTML5 elements, then the content classes
# that WordPress, Drupal, Blogger and most news CMSs use (the same vocabulary trafilatura starts from).
_CONTAINER_PATHS = (
    etree.XPath('//*[@itemprop="articleBody"]'),
    etree.XPath("//article"),
    etree.XPath('//main | //*[@role="main"]'),
)
_CONTENT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:article|entry|post|story)[-_]?(?:body|content|text|fulltext)(?:$|[\s_-])|articleBody|post-body"
    r"|^\s*(?:entry|post|article)\s*$",
    re.IGNORECASE,
)
_CONTENT_CLASS_PATH = etree.XPath(
    "//*[self::div or self::section][contains(@class, 'ody') or contains(@class, 'ontent') or contains(@class, 'ext')"
    " or contains(@id, 'ody') or contains(@id, 'ontent') or contains(@id, 'ext')"
    " or @class='entry' or @class='post' or @class='article']"
)

# Subtrees that are furniture wherever they sit: figures (captions and credits), headers (kicker,
# headline, byline, date), forms and widgets, and the headline itself (the record has a title field).
_SKIPPED_TAGS = frozenset(
    {"figure", "header", "form", "button", "select", "script", "style", "noscript", "time", "h1", "template"}
)
# class/id words of page furniture, matched as word parts ("share-bar", "relatedLinks", "ad-slot").
_FURNITURE = re.compile(
    r"share|social|related|newsletter|promo|sponsor|outbrain|taboola|recommend|popular|read-?more"
    r"|subscri|signup|comment(?!ary)|footer|sidebar|menu|breadcrumb|toolbar|modal|cookie|byline|author"
    r"|caption|credit|meta|embed|hidden|noscript|nocontent|timestamp|dateline|explore"
    r"|teaser|message|consent|more-on|-stories|overlay|rating|noprint|paid-?content|criteo|dfp|syndication|viral"
    r"|(?:^|[\s_-])next-|(?:^|\s)hide-|-hide-|\shide(?:$|\s)"
    r"|(?<![\w-])widget|(?:^|[\s_-])(?:nav|ad|ads|advert\w*|print|date|head|header)(?:$|[\s_-])|(?:^|[\s_-])tags?(?:$|\s)",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "center",
        "address",
        "details",
        "summary",
        "figcaption",
    }
)
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_LIST_LIKE = frozenset({"ul", "ol", "div", "section", "table", "dl"})
MAX_LINK_SHARE = 0.6  # a block whose text is mostly link text is a list of other pages ...
MAX_PARAGRAPH_LINK_SHARE = 0.9  # ... and a paragraph that is one link, a promo ("Get our app here")
MAX_FURNITURE_SHARE = 0.85  # a subtree named like furniture but holding nearly all the text is kept
NAME_CACHE_SIZE = 8192  # distinct class/id strings remembered


def article_container(tree: HtmlElement) -> HtmlElement | None:
    """The element the page marks as its article, if it holds a real article's worth of text.

    Among several candidates of one kind (teasers are <article>s too) the one with the most text.
    """
    for path in _CONTAINER_PATHS:
        found = _largest(path(tree))
        if found is not None:
            return found
    candidates = [
        el for el in _CONTENT_CLASS_PATH(tree) if _CONTENT_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}")
    ]
    return _largest(candidates)


def _largest(candidates: list[HtmlElement]) -> HtmlElement | None:
    # a reader's comment is an <article> too (schema.org Comment): furniture-named candidates are out;
    # WordPress's taxonomy classes on the post ("tag-news") are not furniture names
    candidates = [el for el in candidates if not _is_furniture(el)]
    if not candidates:
        return None
    size, best = max((len(el.text_content()), i) for i, el in enumerate(candidates))
    return candidates[best] if size >= MIN_CONTAINER_CHARS else None


def container_lines(container: HtmlElement) -> list[str]:
    """The container's text, one line per block (paragraph, heading, list item, cell), furniture left out."""
    lines: list[str] = []
    pending: list[str] = []
    # a "furniture" name on a subtree holding nearly all the text is a wrapper's ("content-with-sidebar")
    most_text = MAX_FURNITURE_SHARE * len(container.text_content())

    headings: set[int] = set()  # indices of lines that are headings

    def flush(heading: bool = False) -> None:
        if not pending:
            return
        text = " ".join("".join(pending).split())
        pending.clear()
        if text and text != "-":
            if heading:
                headings.add(len(lines))
            lines.append(text)

    def walk(element: HtmlElement) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED_TAGS:
            return
        if element is not container and _is_furniture(element) and len(element.text_content()) < most_text:
            return
        block = tag in _BLOCK_TAGS
        if block:
            if tag in _LIST_LIKE and len(element) and _mostly_links(element, MAX_LINK_SHARE):
                return
            if tag == "p" and len(element) and _mostly_links(element, MAX_PARAGRAPH_LINK_SHARE):
                return
            flush()
            if tag == "li":
                pending.append("- ")
        elif tag == "br":
            flush()
        if element.text:
            pending.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pending.append(child.tail)
        if block:
            flush(heading=tag in _HEADING_TAGS)

    walk(container)
    flush()
    # headings with nothing after them introduce what was left out ("Related", "More from us")
    while lines and len(lines) - 1 in headings:
        lines.pop()
    return lines


def _is_furniture(element: HtmlElement) -> bool:
    attrib = element.attrib
    if not attrib:
        return False
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    names = f"{attrib.get('class', '')} {attrib.get('id', '')}"
    return _is_furniture_name(names) if names != " " else False


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _is_furniture_name(names: str) -> bool:
    """Cached: a site's class names come back on every page, and the pattern is long."""
    if _FURNITURE.search(names) is None:
        return False
    # a pure content name wins ("l-sidebar-fixed l-article-body-segment": a layout with a sidebar
    # beside the body), a mixed one does not ("article-body-tags")
    return not any(_CONTENT_CLASS.search(name) and not _FURNITURE.search(name) for name in names.split())


def _mostly_links(element: HtmlElement, max_share: float) -> bool:
    text_chars = len(element.text_content().strip())
    if text_chars == 0:
        return True
    link_chars = sum(len(link.text_content()) for link in element.iter("a"))
    return link_chars > max_share * text_chars
