"""What one line of a page is on its own: a sentence, a short line for context to decide, or furniture.

The first step of ``boilerplate``: length (in words; a CJK character counts half a word), terminal
punctuation, share of letters, menu separators, capitalised rows, and template wording from
``boilerplate_patterns`` and ``boilerplate_lexicon`` (trusted only on short lines, because the same
words inside a real sentence are content). It also works out the shape facts the position rules
ask about (a table row, a byline's shape, a menu entry, a plain label), once per distinct line:
:func:`parse_text` is cached, because a source's template lines come back with every article.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from . import boilerplate_lexicon as lexicon
from . import boilerplate_patterns as bp
from .script import CJK_CHARS as _CJK

# Length in "word units": a CJK character counts half a word (a Chinese word is ~1.5-2 characters).
SENTENCE_UNITS = 8  # with terminal punctuation: a sentence
LONG_UNITS = 16  # without terminal punctuation: still a paragraph if it is not a list of names
PATTERN_MAX_UNITS = 10  # template wording only decides on lines this short
CTA_SENTENCE_MAX_UNITS = 25  # a call to action phrased as a sentence is still short ...
CTA_PARAGRAPH_MAX_UNITS = 15  # ... and when it has sentence punctuation, shorter than most paragraphs
DATELINE_MAX_UNITS = 8  # "Updated: Tuesday, November 19, 2019 at 5:47 PM EST" is about this long
COPYRIGHT_MAX_UNITS = 30  # a rights notice is a line, not a paragraph that mentions copyright
COOKIE_MAX_UNITS = 120  # consent banners are long sentences (a settings panel explains each category), but not articles
MENU_MIN_WORDS = 8  # a row of capitalised words this long is not a paragraph ...
MENU_ROW_WORDS = 12  # ... and this long not a Title Case heading either: a menu run together
MENU_ENTRY_UNITS = 4  # the longest line counted as a menu entry
META_MAX_UNITS = 5  # a byline, a credit, a reading time
META_PREPOSITION_CHARS = 4  # "By", "Von", "Door", "Av", "di": the word before a byline's name
PARSE_CACHE_SIZE = 32768  # distinct lines remembered (a few MB): menus and footers repeat per source
CLOSING_MARKS = "'\"”’»」』)] "
TAIL_CHARS = 8  # terminal punctuation plus closing quotes fits in this many characters
_TERMINAL = re.compile(r"[.!?…。！？:;：；]['\"”’»」』)\]]*$")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PLAIN = re.compile(r"[^\W\d_]+(?:[\s'’-]+[^\W\d_]+)*\s*[:：]?")

# "3 min read", "Время чтения: 2 мин", "Lesezeit: 2 Min.", "2 minuti di lettura", "阅读时间 3 分钟"
_READING_TIME = re.compile(
    r"\d+\s*(?:min(?:s|ute|utes|uten|uti|utos|uto|utter|uut)?\b|мин\w*|хв\w*|dk\b|dakika|perc|分钟|分|분)",
    re.IGNORECASE,
)
_CLOCK_TIME = re.compile(r"(?<![\d.:])\d{1,2}[:.]\d{2}(?![\d.:])")
_META_LABEL = re.compile(r"^[^\W\d_]{2,12}(?:\.\s*|\s*[:：]\s*)")
_NON_NAME_PUNCT = re.compile(r"[,;:!?()\[\]|/]")
_CLAUSE_PUNCT = re.compile(r"[,;:，、；：]")
DIGIT = re.compile(r"\d")
_NON_LETTER = re.compile(r"[\W\d_]+")
_COOKIE = re.compile(
    r"cookie|куки|файл(?:ы|ов) cookie",
    re.IGNORECASE,
)

# what a consent banner says around the word "cookie" (a recipe's cookies have none of it)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:web ?site|site|we use|consent|privacy|policy|settings|accept|agree|einverstanden|akzeptieren"
    r"|datenschutz|utilis\w*|acept\w*|utiliz\w*|consentimento|privacidad|confidentialité)\b"
    r"|использ|соглас|конфиденциальн|사용|使用|利用|隐私|プライバシー",
    re.IGNORECASE,
)


class Kind(Enum):
    BLANK = "blank"
    GOOD = "good"  # sentence- or paragraph-like
    SHORT = "short"  # short line without sentence structure: decided by context
    BAD = "bad"  # template wording, credits, link lists: furniture wherever it sits


class Line(NamedTuple):
    """One line and what is known about it. A tuple: built for every distinct line, then cached and shared."""

    text: str
    kind: Kind
    units: float
    related_heading: bool
    stop: bool = False  # a line that ends an article: a rights notice, a tags row, the comments heading
    navigation: bool = False  # "Previous article" / "Next": the one line after it is another story's title
    # shape facts the position rules ask about, worked out once per distinct line (see parse_text)
    row: bool = False  # a row of a table, a score, a price
    meta: bool = False  # shaped like a byline, a credit or a reading time
    menu_item: bool = False  # a capitalised one-to-four-word entry
    plain: bool = False  # letters and spaces only, at most a closing colon: how a label looks
    pitch: bool = False  # words of a newsletter or subscription box (read after the article only)
    comment_header: bool = False  # a reader's comment header: a name, the date and the minute it was posted
    comments_heading: bool = False  # "Comments", "12 comments", "Leave a reply" in the page's language
    posting_time: bool = False  # only a date with its year and a time of day ("August 22, 2018 at 5:57 am")


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def parse_text(text: str, extracted: bool) -> Line:
    """What a line is on its own. Cached: a source's template lines come back with every article."""
    cjk = len(_CJK.findall(text)) if _CJK.search(text) else 0
    words = len(WORD.findall(text)) if cjk == 0 else len(WORD.findall(_CJK.sub(" ", text)))
    units = words + cjk / 2
    # pattern checks only ever fire on short lines: skip the normalisation for paragraphs
    norm = bp.normalise_for_patterns(text) if units <= CTA_SENTENCE_MAX_UNITS else ""
    # a "Related"/"More from" heading opens a block of links; "Related: <headline>" is its own link
    label = lexicon.category_of(norm) if units <= PATTERN_MAX_UNITS else None
    navigation = label in lexicon.NAVIGATION
    related = label in lexicon.LISTING or (units <= PATTERN_MAX_UNITS and bp.is_related_heading(norm))
    inline_link = units <= CTA_SENTENCE_MAX_UNITS and (bp.is_related_link(text) or lexicon.inline_navigation(text))
    tags = units <= CTA_SENTENCE_MAX_UNITS and lexicon.inline_tags(text)
    kind = _shape(text, units)
    if label or related or inline_link or tags or _is_template(text, norm, units, kind, extracted):
        kind = Kind.BAD
    comment_header = kind is Kind.BAD and _is_comment_header(text, units)
    stop = kind is Kind.BAD and (
        tags or label in lexicon.CLOSING or bp.is_end_marker(text, norm, units) or comment_header
    )
    short = kind is Kind.SHORT
    return Line(
        text,
        kind,
        units,
        related,
        stop,
        navigation,
        row=kind is not Kind.GOOD and is_row(text),
        meta=short and units <= 2 * META_MAX_UNITS and _is_meta(text, units),
        menu_item=short and _is_menu_item(text, units),
        plain=short and _PLAIN.fullmatch(text) is not None,
        pitch=units <= bp.PITCH_MAX_UNITS and bp.is_pitch(text),
        comment_header=comment_header,
        comments_heading=label == "comments",
        posting_time=kind is Kind.BAD and _is_posting_time(text, units),
    )


def ends_sentence(text: str) -> bool:
    """Terminal punctuation, possibly followed by closing quotes or brackets (only the tail is looked at)."""
    return _TERMINAL.search(text[-TAIL_CHARS:]) is not None


_TRUNCATED = re.compile(r"(?:\.{3}|…)['\"”’»」』)\]]*\s*$")


def is_truncated(text: str) -> bool:
    """Cut off with an ellipsis: how a teaser's headline or summary ends when the site shortens it.

    A paragraph may trail off too, so this is only read where position already points at a list of
    links (the span and the related / tail blocks), never on its own.
    """
    return _TRUNCATED.search(text[-TAIL_CHARS:]) is not None


def _shape(text: str, units: float) -> Kind:
    letters = len(_NON_LETTER.sub("", text))
    if letters == 0:
        return Kind.SHORT
    visible = len(text) - text.count(" ")
    terminal = ends_sentence(text)
    if units >= SENTENCE_UNITS and terminal and letters >= 0.5 * visible:
        return Kind.GOOD
    if units >= LONG_UNITS and letters >= 0.6 * visible and not (is_menu(text) or _is_capitalised_row(text)):
        return Kind.GOOD
    return Kind.SHORT


def is_menu(text: str) -> bool:
    """A line of menu items: separators between short items ("Home | World | Sport")."""
    if text.startswith("|") and text.endswith("|"):
        return False  # a table row as extractors render tables
    parts = [p for p in bp.SEPARATORS.split(text) if p.strip()]
    return len(parts) >= 3 and sum(len(p.split()) for p in parts) / len(parts) <= 4


def _is_capitalised_row(text: str, min_words: int = MENU_MIN_WORDS) -> bool:
    """A long row of capitalised words: a menu run together, or a Title Case heading.

    Never a paragraph, so such a line is left to position (furniture before and after the article, a
    heading inside it). Lines with commas or colons (a list in a sentence) and all-caps lines are not
    counted.
    """
    if text.isupper() or _CLAUSE_PUNCT.search(text):
        return False
    words = WORD.findall(text)
    if len(words) < min_words:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) >= 0.8 and not ends_sentence(text)


def _is_template(text: str, norm: str, units: float, kind: Kind, extracted: bool) -> bool:
    """Template wording, credits, bylines, menus.

    A bare link or e-mail line is not enough on its own: in an article it is a source or a contact;
    in a footer, its position removes it anyway.
    """
    if units <= PATTERN_MAX_UNITS and bp.is_cta(norm):
        return True
    cta_limit = CTA_SENTENCE_MAX_UNITS if kind is not Kind.GOOD else CTA_PARAGRAPH_MAX_UNITS
    if units <= cta_limit and bp.opens_with_cta(norm):
        return True
    if units <= COPYRIGHT_MAX_UNITS and bp.is_copyright(text):
        return True
    if units <= COOKIE_MAX_UNITS and _COOKIE.search(text) and _COOKIE_CONTEXT.search(text):
        return True
    if units <= bp.CAPTION_MAX_UNITS and bp.is_caption(text):
        return True
    if kind is Kind.GOOD:
        return False
    if units <= 20 and bp.is_credit(text):
        return True
    if units <= 3 and (bp.is_count_label(text) or bp.is_position_counter(text)):
        return True
    if units <= 4 and (found := _READING_TIME.search(text)) and len(WORD.findall(text[: found.start()])) <= 2 and (
        len(WORD.findall(text[found.end() :])) <= 1
    ):
        return True  # a reading time anywhere: "Læsetid: 3 min.", "2 min read", "Lesezeit 4 Minuten"
    if units <= 8 and bp.is_byline(text):
        return True
    if units <= DATELINE_MAX_UNITS and bp.is_dateline(text):
        return True
    if units <= DATELINE_MAX_UNITS + bp.SIGNED_NAME_WORDS and bp.is_signed_timestamp(text):
        return True
    return units > 0 and (is_menu(text) or (not extracted and _is_capitalised_row(text, MENU_ROW_WORDS)))


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _is_posting_time(text: str, units: float) -> bool:
    return (
        units <= DATELINE_MAX_UNITS and _CLOCK_TIME.search(text) is not None and _YEAR.search(text) is not None
        and bp.is_dateline(text)
    )


def _is_comment_header(text: str, units: float) -> bool:
    """A name with a date and a time of day: how a reader's comment is headed, so the article is over.

    (A byline carries its date, rarely the minute it was posted; a live blog's entries carry a time, not
    a name before a full date.)
    """
    return units <= DATELINE_MAX_UNITS + bp.SIGNED_NAME_WORDS and bool(_CLOCK_TIME.search(text)) and (
        bp.is_signed_timestamp(text)
    )


def _is_meta(text: str, units: float) -> bool:
    """A byline, a credit or a reading time, by shape: "By Helen Marsh", "Av Elin Johansson",
    "Fot. PAP", "Lesezeit: 2 Min.", "Snimka: Arhiv" (a one-word label, a colon, a name).

    Only trusted between the headline and the article, where nothing else is this short.
    """
    if units > META_MAX_UNITS and not (" | " in text and units <= 2 * META_MAX_UNITS):
        return False
    if " | " in text:
        # two credits on one line: "Penulis: Dimas Prasetyo | Editor: Rina Kusuma"
        parts = [part.strip() for part in text.split(" | ")]
        return all(part and _is_meta(part, len(WORD.findall(part))) for part in parts)
    if _READING_TIME.search(text) or _CLOCK_TIME.search(text):
        return True  # "3 min read"; "Updated: 5 March 2026, 10:40" (a time of day: a timestamp, not a dateline)
    label = _META_LABEL.match(text)
    if label:
        return is_name(text[label.end() :])
    words = text.split()
    short_preposition = len(words[0]) <= META_PREPOSITION_CHARS and len(WORD.findall(words[0])) == 1
    return len(words) >= 2 and short_preposition and is_name(" ".join(words[1:]))


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def is_name(text: str, *, bare: bool = False) -> bool:
    """Capitalised words (particles like "de", "do", "van" allowed), or a script without case; no digits.

    ``bare``: the whole line, so no punctuation either ("BAAR, SWITZERLAND" is a dateline).
    """
    words = WORD.findall(text)
    if not words or DIGIT.search(text) or len(words) > 4 or (bare and _NON_NAME_PUNCT.search(text)):
        return False
    cased = [w for w in words if w.lower() != w.upper()]
    return all(w[0].isupper() or len(w) <= 3 for w in cased) and (not cased or cased[0][0].isupper())


def is_row(text: str) -> bool:
    """A row of a table, a score or a price list: a quarter of its characters are digits."""
    return len(DIGIT.findall(text)) * 4 >= len(text) > 0


def _is_menu_item(text: str, units: float) -> bool:
    """A menu entry: a few words, every word capitalised (short function words aside), no digits."""
    if units > MENU_ENTRY_UNITS or DIGIT.search(text):
        return False
    words = WORD.findall(text)
    if not words or ends_sentence(text):
        return False
    return all(w[0].isupper() or len(w) <= 3 for w in words) and words[0][0].isupper()
