"""Take navigation, promo, share, subscribe and related-link lines out of a plain-text article body.

Feeds hand us text that a naive HTML-to-text step produced: the article's paragraphs sit between
menus, share bars, cookie notices and "Related" lists. We decide line by line, with features that
do not depend on the site or (mostly) on the language:

* what the line looks like: length, terminal punctuation, share of letters, menu separators,
  capitalised rows, date and time stamps;
* template wording in many languages (``boilerplate_patterns``), trusted only on short lines;
* where it sits: furniture gathers in runs of short lines before and after the article's main
  cluster of sentences, and after a "Related"/"More from" heading;
* what this source repeats: a line found in a large share of the source's previous articles is
  part of its template (``SourceProfile.line_counts``, keyed by :func:`line_fingerprint`).

A sentence-like line (long, ending in punctuation) is only taken out on strong evidence, and the
result is never empty: when everything looks like furniture, the text is returned unchanged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache
from itertools import pairwise

from . import boilerplate_lexicon as lexicon
from . import boilerplate_patterns as bp
from .types import EMPTY_PROFILE, CleanText, SourceProfile

__all__ = ["classify_lines", "clean_lines", "clean_text", "line_fingerprint", "line_fingerprints"]

# Per-source learning. A site's menu and footer are on (nearly) every page, but sections carry
# different menus, so a share well below 100% still means template; from 5 articles on, 30% of them
# with at least 3 sightings is the weakest evidence we act on, and only for lines that are not sentences.
# A sentence-like line may recur because a story was republished or updated a few times, so it needs
# both more history and a majority share (a standard disclaimer under every article qualifies).
MIN_ARTICLES = 5
MIN_SHARE = 0.3
MIN_COUNT = 3
MIN_ARTICLES_SENTENCE = 20
MIN_SHARE_SENTENCE = 0.6
# A new source's first articles: the same short line in two different articles is already
# strong evidence of a template (articles differ in their words; menus, credits and footers do not).
# Two sightings, not one: the rule must hold whether or not the counts already include the article
# being cleaned (the stream counts it after cleaning; a caller may count it before).
MIN_COUNT_EARLY = 2
MIN_SHARE_EARLY = 0.5

# Length in "word units": a CJK character counts half a word (a Chinese word is ~1.5-2 characters).
SENTENCE_UNITS = 8  # with terminal punctuation: a sentence
LONG_UNITS = 16  # without terminal punctuation: still a paragraph if it is not a list of names
PATTERN_MAX_UNITS = 10  # template wording only decides on lines this short
CTA_SENTENCE_MAX_UNITS = 25  # a call to action phrased as a sentence is still short ...
CTA_PARAGRAPH_MAX_UNITS = 15  # ... and when it has sentence punctuation, shorter than most paragraphs
DATELINE_MAX_UNITS = 8  # "Updated: Tuesday, November 19, 2019 at 5:47 PM EST" is about this long
COPYRIGHT_MAX_UNITS = 30  # a rights notice is a line, not a paragraph that mentions copyright
COOKIE_MAX_UNITS = 120  # consent banners are long sentences (a settings panel explains each category), but not articles
MENU_ITEM_UNITS = 3  # a line this short before the article is a menu item, not a heading ...
MENU_HEAD_MIN_LINES = 3  # ... when at least this many lines precede the article
MENU_MIN_WORDS = 8  # a row of capitalised words this long is not a paragraph ...
MENU_ROW_WORDS = 12  # ... and this long not a Title Case heading either: a menu run together
MENU_ENTRY_UNITS = 4  # the longest line counted as a menu entry
MENU_RUN_LINES = 6  # this many menu entries in a row make a menu
HEADLINE_MIN_UNITS = 3  # a linked headline has at least this many words
RELATED_MAX_LINES = 12  # a related-links list rarely runs longer; beyond it we stop trusting the heading
RUN_MIN_TEMPLATE = 2  # template lines between two sentences that mark a widget ...
RUN_TEMPLATE_SHARE = 0.25  # ... when they make up this share of the lines between the sentences
SPAN_SENTENCE_OFFSET = 3.0
HEADLINE_BLOCK_LINES = 2  # a headline and its standfirst
META_MAX_UNITS = 5  # a byline, a credit, a reading time
DATELINE_UNITS = 4  # "LONDON, March 4 (Globe Wire) -" and shorter
SHORT_SENTENCE_UNITS = 4  # "The bank meets again in June."
LABEL_MAX_UNITS = 5  # a label of furniture: "More on this topic", "Share this article"
BARE_NAME_UNITS = 3  # a byline without its "By"
HEADLINE_ABOVE_MIN_UNITS = 5  # a headline above a standfirst is at least this long
META_PREPOSITION_CHARS = 4  # "By", "Von", "Door", "Av", "di": the word before a byline's name
SPAN_SHORT_COST = 1.0
SPAN_TEMPLATE_COST = 4.0
SPAN_ROW_COST = 0.25
TEASER_CELL_LINES = 3  # a teaser's cell: headline, byline, date around its summary
TEASER_MIN_SENTENCES = 3  # a grid of teasers has at least this many summaries ...
TEASER_SINGLE_SHARE = 0.6  # ... and this share of them stand alone between short lines
SPAN_STOP_COST = 4.0
SPAN_UNPUNCTUATED_UNITS = 40
SPAN_MIN_EXTRA = 20.0
SPAN_EXTRA_SHARE = 0.25
FINGERPRINT_MAX_LINES = 400
PARSE_CACHE_SIZE = 32768  # distinct lines remembered (a few MB): menus and footers repeat per source

_CLOSING_MARKS = "'\"”’»」』)] "
NAVIGATION_LOOKAHEAD = 3  # blank lines allowed between a navigation label and its title
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # left by editors on otherwise empty lines
TAIL_CHARS = 8  # terminal punctuation plus closing quotes fits in this many characters
_TERMINAL = re.compile(r"[.!?…。！？:;：；]['\"”’»」』)\]]*$")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PLAIN = re.compile(r"[^\W\d_]+(?:[\s'’-]+[^\W\d_]+)*\s*[:：]?")
_ADDRESS = re.compile(r"@|www\.|https?://|\.(?:com|org|net)\b")
# "3 min read", "Время чтения: 2 мин", "Lesezeit: 2 Min.", "2 minuti di lettura", "阅读时间 3 分钟"
_READING_TIME = re.compile(
    r"\d+\s*(?:min(?:s|ute|utes|uten|uti|utos|uto|utter|uut)?\b|мин\w*|хв\w*|dk\b|dakika|perc|分钟|分|분)",
    re.IGNORECASE,
)
_META_LABEL = re.compile(r"^[^\W\d_]{2,12}(?:\.\s*|\s*[:：]\s*)")
_NON_NAME_PUNCT = re.compile(r"[,;:!?()\[\]|/]")
_CLAUSE_PUNCT = re.compile(r"[,;:，、；：]")
_DIGIT = re.compile(r"\d")
_NON_LETTER = re.compile(r"[\W\d_]+")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
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


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    kind: Kind
    units: float
    related_heading: bool
    stop: bool = False  # a line that ends an article: rights notice, tags, comments, related heading
    navigation: bool = False  # "Previous article" / "Next": the one line after it is another story's title
    # shape facts the position rules ask about, worked out once per distinct line (see _parse_text)
    row: bool = False  # a row of a table, a score, a price
    meta: bool = False  # shaped like a byline, a credit or a reading time
    menu_item: bool = False  # a capitalised one-to-four-word entry
    plain: bool = False  # letters and spaces only, at most a closing colon: how a label looks


def line_fingerprint(line: str) -> str:
    """A stable key for one line: case, whitespace and digits do not matter ("© 2019" == "© 2024").

    Hashed (blake2b, 64 bits) so that the stream's per-source table stays small and never holds text.
    """
    text = unicodedata.normalize("NFKC", line).casefold()
    text = _DIGITS.sub("0", text)
    text = _SPACES.sub(" ", text).strip()
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def line_fingerprints(text: str) -> set[str]:
    """Fingerprints of the lines worth counting for a source: non-blank lines with letters.

    A set, because the profile counts articles that contain a line, not occurrences.
    """
    keys: set[str] = set()
    for raw in text.splitlines()[:FINGERPRINT_MAX_LINES]:
        line = _bare(raw)
        if line and any(ch.isalpha() for ch in line):
            keys.add(line_fingerprint(line))
    return keys


def clean_text(text: str, *, profile: SourceProfile = EMPTY_PROFILE) -> CleanText:
    """Remove boilerplate lines from a plain-text body; never returns an empty text for a non-empty one."""
    return clean_lines(text.splitlines(), profile=profile, extracted=False)


def clean_lines(
    lines: Sequence[str],
    *,
    profile: SourceProfile = EMPTY_PROFILE,
    extracted: bool = False,
    known: Collection[int] = (),
) -> CleanText:
    """Clean a body given as lines.

    ``extracted`` says that a main-content extractor already chose these lines (HTML path): the same
    rules of shape, position and evidence apply, except that runs of short capitalised lines are not
    taken for a menu (the extractor removed the menus; what is left is a list of the article's).
    ``known`` are indices of lines the caller has its own evidence against (the HTML path knows
    which lines are the page title or whole links).
    """
    parsed, keep = _classify(lines, profile, extracted)
    for i in known:
        keep[i] = not parsed[i].text
    kept: list[str] = []
    removed: list[str] = []
    last_blank = True  # no blank line at the top
    for raw, line, is_kept in zip(lines, parsed, keep, strict=True):
        if not is_kept:
            removed.append(line.text)
        elif line.text or not last_blank:
            kept.append(raw.rstrip())
            last_blank = not line.text
    while kept and not _bare(kept[-1]):
        kept.pop()
    if not kept:
        original = "\n".join(line.rstrip() for line in lines).strip()
        return CleanText(text=original, removed=())
    return CleanText(text="\n".join(kept), removed=tuple(removed))


def _bare(raw: str) -> str:
    """The line without surrounding whitespace or zero-width characters."""
    text = raw.strip()
    if text and (text[0] in _ZERO_WIDTH or text[-1] in _ZERO_WIDTH):
        return text.strip(_ZERO_WIDTH).strip()
    return text


def classify_lines(
    lines: Sequence[str], *, profile: SourceProfile = EMPTY_PROFILE, extracted: bool = False
) -> list[bool]:
    """True for each line to keep. Blank lines are kept (the caller collapses them)."""
    return _classify(lines, profile, extracted)[1]


def _classify(lines: Sequence[str], profile: SourceProfile, extracted: bool) -> tuple[list[_Line], list[bool]]:
    parsed = [_parse(raw, profile, extracted) for raw in lines]
    keep = [line.kind is not Kind.BAD for line in parsed]
    _drop_related_blocks(parsed, keep)
    _drop_outside_main_cluster(parsed, keep)
    _drop_template_runs(parsed, keep)
    if not extracted:  # an extractor has taken the menus out; a run of short capitalised lines left is a list
        _drop_menu_runs(parsed, keep)
    for i, line in enumerate(parsed):
        if line.kind is Kind.BLANK:
            keep[i] = True
    return parsed, keep


def _parse(raw: str, profile: SourceProfile, extracted: bool) -> _Line:
    text = _bare(raw)
    if not text:
        return _Line(text, Kind.BLANK, 0.0, False)
    line = _parse_text(text, extracted)
    if line.kind is not Kind.BAD and _is_learned(text, line.kind, profile):
        return replace(line, kind=Kind.BAD, meta=False, menu_item=False)
    return line


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parse_text(text: str, extracted: bool) -> _Line:
    """What a line is on its own. Cached: a source's template lines come back with every article."""
    cjk = len(_CJK.findall(text)) if _CJK.search(text) else 0
    words = len(_WORD.findall(text)) if cjk == 0 else len(_WORD.findall(_CJK.sub(" ", text)))
    units = words + cjk / 2
    # pattern checks only ever fire on short lines: skip the normalisation for paragraphs
    norm = bp.normalise_for_patterns(text) if units <= CTA_SENTENCE_MAX_UNITS else ""
    # a "Related"/"More from" heading opens a block of links; "Related: <headline>" is its own link
    label = lexicon.category_of(norm) if units <= PATTERN_MAX_UNITS else None
    navigation = label in lexicon.NAVIGATION
    related = label in lexicon.LISTING or (units <= PATTERN_MAX_UNITS and bp.is_related_heading(norm))
    inline_link = units <= CTA_SENTENCE_MAX_UNITS and (bp.is_related_link(text) or lexicon.inline_navigation(text))
    kind = _shape(text, units)
    if label or related or inline_link or _is_template(text, norm, units, kind, extracted):
        kind = Kind.BAD
    stop = kind is Kind.BAD and (related or label in lexicon.CLOSING or bp.is_end_marker(text, norm, units))
    short = kind is Kind.SHORT
    return _Line(
        text,
        kind,
        units,
        related,
        stop,
        navigation,
        row=kind is not Kind.GOOD and _is_row(text),
        meta=short and _is_meta(text, units),
        menu_item=short and _is_menu_item(text, units),
        plain=short and _PLAIN.fullmatch(text) is not None,
    )


def _ends_sentence(text: str) -> bool:
    """Terminal punctuation, possibly followed by closing quotes or brackets (only the tail is looked at)."""
    return _TERMINAL.search(text[-TAIL_CHARS:]) is not None


def _shape(text: str, units: float) -> Kind:
    letters = len(_NON_LETTER.sub("", text))
    if letters == 0:
        return Kind.SHORT
    visible = len(text) - text.count(" ")
    terminal = _ends_sentence(text)
    if units >= SENTENCE_UNITS and terminal and letters >= 0.5 * visible:
        return Kind.GOOD
    if units >= LONG_UNITS and letters >= 0.6 * visible and not (_is_menu(text) or _is_capitalised_row(text)):
        return Kind.GOOD
    return Kind.SHORT


def _is_menu(text: str) -> bool:
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
    words = _WORD.findall(text)
    if len(words) < min_words:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) >= 0.8 and not _ends_sentence(text)


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
    if kind is Kind.GOOD:
        return False
    if units <= 20 and bp.is_credit(text):
        return True
    if units <= 3 and bp.is_count_label(text):
        return True
    if units <= 8 and bp.is_byline(text):
        return True
    if units <= DATELINE_MAX_UNITS and bp.is_dateline(text):
        return True
    return units > 0 and (_is_menu(text) or (not extracted and _is_capitalised_row(text, MENU_ROW_WORDS)))


def _is_learned(text: str, kind: Kind, profile: SourceProfile) -> bool:
    if not profile.articles or not profile.line_counts:
        return False
    count = profile.line_counts.get(line_fingerprint(text), 0)
    if kind is Kind.GOOD:
        return profile.articles >= MIN_ARTICLES_SENTENCE and count >= MIN_SHARE_SENTENCE * profile.articles
    if profile.articles < MIN_ARTICLES:
        # a new source: a short line found again (in half of its articles so far, or more) is its template
        return count >= MIN_COUNT_EARLY and count >= MIN_SHARE_EARLY * profile.articles
    return count >= MIN_COUNT and count >= MIN_SHARE * profile.articles


def _drop_related_blocks(parsed: list[_Line], keep: list[bool]) -> None:
    """After a "Related"/"More from" heading, drop the headline-like lines that follow it.

    The block ends at a sentence, at a line too short to be a headline (a price, a label: the
    heading introduced something else, e.g. a product box) or after ``RELATED_MAX_LINES`` lines.
    """
    i = 0
    while i < len(parsed):
        if parsed[i].navigation:
            _drop_navigation_title(parsed, keep, i)
            i += 1
            continue
        if not parsed[i].related_heading:
            i += 1
            continue
        j = i + 1
        block: list[int] = []
        while j < len(parsed) and len(block) < RELATED_MAX_LINES:
            line = parsed[j]
            if line.kind is Kind.BLANK:
                j += 1
                continue
            if not _is_title(line) or (line.kind is Kind.SHORT and line.units < HEADLINE_MIN_UNITS):
                break
            block.append(j)
            j += 1
        if len(block) < RELATED_MAX_LINES:
            for k in block:
                keep[k] = False
        i = j


def _is_title(line: _Line) -> bool:
    """Shaped like a headline: not a sentence that ends in a full stop (a question is still a title)."""
    if line.kind is Kind.SHORT:
        return True
    if line.kind is not Kind.GOOD or line.units > CTA_SENTENCE_MAX_UNITS:
        return False
    return not _ends_sentence(line.text) or line.text.rstrip(_CLOSING_MARKS).endswith(("?", "!", "？", "！"))


def _drop_navigation_title(parsed: list[_Line], keep: list[bool], label: int) -> None:
    """ "Previous article" / "Next" followed by a title-shaped line: the link to another story goes."""
    for j in range(label + 1, min(len(parsed), label + NAVIGATION_LOOKAHEAD + 1)):
        line = parsed[j]
        if line.kind is Kind.BLANK:
            continue
        if line.kind is not Kind.BAD and _is_title(line):
            keep[j] = False
        return


def _drop_outside_main_cluster(parsed: list[_Line], keep: list[bool]) -> None:
    """Short lines before and after the article's span of sentences are furniture.

    The article is the stretch of lines with the highest score (see :func:`_article_spans`), together
    with other stretches that score nearly as well (an article cut in two by a "More on this" box).
    """
    spans = _article_spans(parsed, keep)
    if not spans:
        return
    start, end = spans[0][0], spans[-1][1]
    _drop_head(parsed, keep, start)
    _drop_tail(parsed, keep, end)


def _drop_head(parsed: list[_Line], keep: list[bool], start: int) -> None:
    """Before the article: menus, reader tools, bylines and credits go; its headline and dateline stay.

    Short lines go when a template line (a byline, a credit, a tool label) follows them, or when there
    are enough of them to be a menu; a sentence goes when a template line follows it. Kept whatever
    they look like: the line right before the first paragraph (a dateline, "[Seoul=...]", a kicker)
    and the headline block, the last one or two title-shaped lines before the byline and credits.
    """
    meta = {i for i in range(start) if parsed[i].meta}
    # a bare name right above a credit or a date is the byline ("Mehmet Kaya" / "Fotoğraf: DHA")
    lines = [i for i in range(start) if parsed[i].kind is not Kind.BLANK]
    for above, below in pairwise(lines):
        bare = parsed[above].kind is Kind.SHORT and parsed[above].units <= BARE_NAME_UNITS
        if bare and (below in meta or parsed[below].kind is Kind.BAD) and _is_name(parsed[above].text, bare=True):
            meta.add(above)
    for i in meta:
        keep[i] = False
    protected = _headline_block(parsed, start, meta)
    head_end = max((i for i in range(start) if parsed[i].kind is Kind.BAD or i in meta), default=-1)
    # very short lines before the article are menu entries when there are several of them; lines with
    # digits (scores, dates) are not menu entries
    head_lines = sum(parsed[i].kind is not Kind.BLANK for i in range(start))
    menu_like = head_lines >= MENU_HEAD_MIN_LINES
    for i in range(start):
        if i in protected:
            continue
        line = parsed[i]
        menu_entry = menu_like and line.units <= MENU_ITEM_UNITS and not _DIGIT.search(line.text)
        if (line.kind is Kind.SHORT and (i < head_end or menu_entry)) or (line.kind is Kind.GOOD and i < head_end):
            keep[i] = False


def _headline_block(parsed: list[_Line], start: int, meta: set[int]) -> set[int]:
    """Indices of the dateline right before the article and of the headline (and standfirst) above it."""
    before = [i for i in range(start - 1, -1, -1) if parsed[i].kind is not Kind.BLANK]
    protected: set[int] = set()
    if before and parsed[before[0]].kind is Kind.SHORT and before[0] not in meta and _is_dateline(parsed[before[0]]):
        protected.add(before[0])
        before = before[1:]
    headline: list[int] = []
    for i in before:
        line = parsed[i]
        furniture = line.kind is Kind.BAD or i in meta
        if furniture and not headline:
            continue  # bylines, credits and dates between the headline and the article
        if len(headline) >= HEADLINE_BLOCK_LINES or furniture or not _is_headline(line):
            break
        if headline and line.units < HEADLINE_ABOVE_MIN_UNITS:
            break  # above a headline, a line this short is a reader tool ("Get a summary"), not a headline
        headline.append(i)
    return protected | set(headline)


def _is_meta(text: str, units: float) -> bool:
    """A byline, a credit or a reading time, by shape: "By Helen Marsh", "Av Elin Johansson",
    "Fot. PAP", "Lesezeit: 2 Min.", "Snimka: Arhiv" (a one-word label, a colon, a name).

    Only trusted between the headline and the article, where nothing else is this short.
    """
    if units > META_MAX_UNITS:
        return False
    if _READING_TIME.search(text):
        return True
    label = _META_LABEL.match(text)
    if label:
        return _is_name(text[label.end() :])
    words = text.split()
    short_preposition = len(words[0]) <= META_PREPOSITION_CHARS and len(_WORD.findall(words[0])) == 1
    return len(words) >= 2 and short_preposition and _is_name(" ".join(words[1:]))


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _is_name(text: str, *, bare: bool = False) -> bool:
    """Capitalised words (particles like "de", "do", "van" allowed), or a script without case; no digits.

    ``bare``: the whole line, so no punctuation either ("BAAR, SWITZERLAND" is a dateline).
    """
    words = _WORD.findall(text)
    if not words or _DIGIT.search(text) or len(words) > 4 or (bare and _NON_NAME_PUNCT.search(text)):
        return False
    cased = [w for w in words if w.lower() != w.upper()]
    return all(w[0].isupper() or len(w) <= 3 for w in cased) and (not cased or cased[0][0].isupper())


def _is_dateline(line: _Line) -> bool:
    """ "BERGEN, May 2 -", "[Seoul=...]", "【網走】", "Carcassonne, 4 mars": a place, a date, brackets or a dash."""
    text = line.text
    if line.units > DATELINE_UNITS:
        return False
    return line.units <= 2 or _DIGIT.search(text) is not None or text[:1] in "[【(（" or text.endswith(("-", "–", "—"))


def _is_headline(line: _Line) -> bool:
    """A title or a standfirst: a few words at least, not a menu row, not a bracketed credit."""
    if line.units < HEADLINE_MIN_UNITS or line.units > CTA_SENTENCE_MAX_UNITS + 10:
        return False
    return not (_is_menu(line.text) or line.text[:1] in "([{<" or line.row)


def _drop_tail(parsed: list[_Line], keep: list[bool], end: int) -> None:
    """After the article: short lines from the first template line or plain label on, lone sentences.

    Lines that sign an article off ("(Reporting by ...)", "— Reuters", a contact, a credit) carry
    marks a template label does not (brackets, digits, an address, a dash); the first plain short
    line followed by a title or another label ("More on this topic" + a headline, "Share" + "X")
    starts the page's furniture, and so does a template line. A table the article ends with, or a
    label followed by an address or prices ("Tickets" + "www..."), is the article's own.
    """
    end = _continuation(parsed, end)
    after = [i for i in range(end + 1, len(parsed)) if parsed[i].kind is not Kind.BLANK]
    template = [i for i in after if parsed[i].kind is Kind.BAD]
    labels = [
        i
        for n, i in enumerate(after)
        if parsed[i].kind is Kind.SHORT
        and parsed[i].units <= LABEL_MAX_UNITS
        and parsed[i].plain
        and (n + 1 == len(after) or _is_linked_title(parsed[after[n + 1]]))
    ]
    tail_start = min([*template[:1], *labels[:1], len(parsed)])
    for i in range(tail_start, len(parsed)):
        if parsed[i].kind is Kind.SHORT:
            keep[i] = False
    # a sentence outside the article, with template lines between it and the article: a teaser's
    # summary, a reader's comment, an "about the author" box
    for i in range(min([*template[:1], len(parsed)]) + 1, len(parsed)):
        if parsed[i].kind is Kind.GOOD:
            keep[i] = False


def _continuation(parsed: list[_Line], end: int) -> int:
    """The article's real end: a short last sentence after one ad label or "Read also: ..." line is its own."""
    lines = [i for i in range(end + 1, len(parsed)) if parsed[i].kind is not Kind.BLANK]
    n = 0
    while n + 1 < len(lines):
        label, line = parsed[lines[n]], parsed[lines[n + 1]]
        if label.kind is not Kind.BAD or label.stop or not _is_sentence(line):
            break
        end = lines[n + 1]
        n += 2
    return end


def _is_sentence(line: _Line) -> bool:
    """A sentence however short: a few words ending in a full stop (not a question: titles are questions)."""
    text = line.text.rstrip(_CLOSING_MARKS)
    return line.kind is not Kind.BAD and line.units >= SHORT_SENTENCE_UNITS and text.endswith((".", "。", "!", "！"))


def _is_linked_title(line: _Line) -> bool:
    """What follows a label of furniture: another label, a template line, a headline (not a price or an address)."""
    if line.kind is Kind.BAD:
        return True
    return _is_title(line) and not line.row and _ADDRESS.search(line.text) is None


def _line_score(line: _Line, kept: bool) -> float:
    """How much a line says "article here": a sentence its length beyond a few words, anything else a cost."""
    if line.kind is Kind.GOOD and kept:
        if _ends_sentence(line.text) or line.units >= SPAN_UNPUNCTUATED_UNITS:
            return line.units - SPAN_SENTENCE_OFFSET
        return -SPAN_SHORT_COST  # a headline or a teaser cut off mid-sentence: not evidence of the article
    if not kept:
        return -(SPAN_STOP_COST if line.stop else SPAN_TEMPLATE_COST)
    if line.row:
        return -SPAN_ROW_COST  # a row of a results table or a score: part of the story it sits in
    return -SPAN_SHORT_COST


def _is_row(text: str) -> bool:
    """A row of a table, a score or a price list: a quarter of its characters are digits."""
    return len(_DIGIT.findall(text)) * 4 >= len(text) > 0


def _teaser_cells(parsed: list[_Line]) -> list[int]:
    """Sentences standing alone with a template line (a date, a byline) just above and just below:
    the summary of a teaser, whose cell repeats the headline, the byline and the date."""
    lines = [i for i, line in enumerate(parsed) if line.kind is not Kind.BLANK]
    kinds = [parsed[i].kind for i in lines]
    cells = []
    for n, kind in enumerate(kinds):
        if kind is not Kind.GOOD:
            continue
        above = kinds[max(0, n - TEASER_CELL_LINES) : n]
        below = kinds[n + 1 : n + 1 + TEASER_CELL_LINES]
        if Kind.BAD in above and Kind.BAD in below and Kind.GOOD not in above and Kind.GOOD not in below:
            cells.append(lines[n])
    return cells


def _teaser_grid(parsed: list[_Line], start: int, end: int) -> bool:
    """Sentences standing one by one between short and template lines: headlines with their summaries.

    An article's paragraphs follow each other; under subheadings, a few at a time.
    """
    lines = [line for line in parsed[start : end + 1] if line.kind is not Kind.BLANK]
    good = [i for i, line in enumerate(lines) if line.kind is Kind.GOOD]
    if len(good) < TEASER_MIN_SENTENCES:
        return False
    single = sum(
        (i == 0 or lines[i - 1].kind is not Kind.GOOD) and (i + 1 == len(lines) or lines[i + 1].kind is not Kind.GOOD)
        for i in good
    )
    # each cell has its byline, date or label: template lines among the short ones (a product box between
    # paragraphs has none)
    template = sum(line.kind is Kind.BAD for line in lines)
    return single >= TEASER_SINGLE_SHARE * len(good) and template * 4 >= len(lines) - len(good)


def _best_span(scores: list[float], lo: int, hi: int) -> tuple[int, int, float] | None:
    """The contiguous stretch of ``scores[lo:hi]`` with the highest sum (Kadane), if it is positive."""
    best: tuple[int, int, float] | None = None
    run, run_start = 0.0, lo
    for i in range(lo, hi):
        if run <= 0:
            run, run_start = 0.0, i
        run += scores[i]
        if scores[i] > 0 and (best is None or run > best[2]):
            best = (run_start, i, run)
    return best


def _article_spans(parsed: list[_Line], keep: list[bool]) -> list[tuple[int, int]]:
    """The stretches of the text that are the article, in order.

    A sentence scores its length beyond a few words and every non-sentence line costs a little (a
    template line more), so a list or a subheading between paragraphs is bridged while a menu with a
    question-shaped headline in it is not. The best stretch is the article; stretches beside it that
    score at least a share of it are more of the article (cut by a box of links).
    """
    scores = [0.0 if line.kind is Kind.BLANK else _line_score(line, keep[i]) for i, line in enumerate(parsed)]
    for i in _teaser_cells(parsed):
        scores[i] = -SPAN_SHORT_COST
    main = _best_span(scores, 0, len(scores))
    if main is None:
        return []
    strong = max(SPAN_MIN_EXTRA, SPAN_EXTRA_SHARE * main[2])
    spans = [main]
    pending = [(0, main[0]), (main[1] + 1, len(scores))]
    while pending:
        lo, hi = pending.pop()
        found = _best_span(scores, lo, hi)
        if found is None:
            continue
        if found[2] >= strong and not _teaser_grid(parsed, found[0], found[1]):
            spans.append(found)
            pending += [(lo, found[0]), (found[1] + 1, hi)]
    return sorted((s, e) for s, e, _ in spans)


def _drop_template_runs(parsed: list[_Line], keep: list[bool]) -> None:
    """Between two sentences, short lines sandwiched between template lines belong to a widget.

    A list inside an article (ingredients, results) has no "Share"/"Photo:"/byline lines in it; a
    share bar, a caption block or a "Most popular" box has several. When a run between sentences
    holds at least two template lines making up a quarter of it, the short lines from its first to
    its last template line go; lines outside that span (a heading right before the next paragraph,
    the end of a list right after the previous one) stay.
    """
    goods = [i for i, line in enumerate(parsed) if line.kind is Kind.GOOD]
    for left, right in pairwise(goods):
        run = [i for i in range(left + 1, right) if parsed[i].kind is not Kind.BLANK]
        template = [i for i in run if parsed[i].kind is Kind.BAD]
        if len(template) >= RUN_MIN_TEMPLATE and len(template) >= RUN_TEMPLATE_SHARE * len(run):
            for i in range(template[0], template[-1] + 1):
                keep[i] = False


def _is_menu_item(text: str, units: float) -> bool:
    """A menu entry: a few words, every word capitalised (short function words aside), no digits."""
    if units > MENU_ENTRY_UNITS or _DIGIT.search(text):
        return False
    words = _WORD.findall(text)
    if not words or _ends_sentence(text):
        return False
    return all(w[0].isupper() or len(w) <= 3 for w in words) and words[0][0].isupper()


def _drop_menu_runs(parsed: list[_Line], keep: list[bool]) -> None:
    """A long run of capitalised one-to-four-word lines is a menu, wherever it sits.

    Lists inside articles are shorter, or carry digits, lower-case items or punctuation.
    """
    run: list[int] = []
    for i in [*range(len(parsed)), len(parsed)]:
        line = parsed[i] if i < len(parsed) else None
        if line is not None and (line.kind is Kind.BLANK or line.menu_item or line.kind is Kind.BAD):
            run.append(i)
            continue
        items = [j for j in run if parsed[j].kind is not Kind.BLANK]
        if len(items) >= MENU_RUN_LINES:
            for j in items:
                keep[j] = False
        run = []


def _clusters(parsed: list[_Line], keep: list[bool]) -> list[tuple[int, int, float]]:
    """(first, last, characters) of runs of kept sentences not separated by template lines."""
    clusters: list[tuple[int, int, float]] = []
    start = last = -1
    weight = 0.0
    bad_since = 0
    lines_since = 0
    for i, line in enumerate(parsed):
        if line.kind is Kind.GOOD and keep[i]:
            separated = start >= 0 and (bad_since >= 3 and bad_since * 2 >= lines_since)
            if start < 0 or separated:
                if start >= 0:
                    clusters.append((start, last, weight))
                start, weight = i, 0.0
            last = i
            weight += len(line.text)
            bad_since = lines_since = 0
        elif line.kind is not Kind.BLANK:
            lines_since += 1
            if not keep[i]:
                bad_since += 1
    if start >= 0:
        clusters.append((start, last, weight))
    return clusters
