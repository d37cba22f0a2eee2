"""Position rules: what a short line is depends on where it sits relative to the article.

Given each line's shape (``boilerplate_lines``) and the article's span (``boilerplate_span``):

* a "Related" / "Read also" heading takes the headline-shaped lines after it (questions too), a
  "Previous article" / "Next" label the one title after it;
* before the article, menus, reader tools, bylines, credits and reading times go, while its headline,
  standfirst and dateline stay;
* after it, everything short from the first template line or plain label on, and sentences beyond a
  template line (teaser summaries, comments, author boxes);
* between sentences, short lines framed by template lines are a widget; a long run of capitalised
  one-to-four-word lines is a menu wherever it sits.

Lines an extractor chose (the HTML path) get the label rules (navigation, related, widgets) but not
the head, tail and menu rules: the extractor has already decided where the article starts and ends
(on the aeb pages, adding them moved HTML F1 by +0.0005 on the tune half and -0.014 on the held-out
half; see docs/benchmarks.md).
"""

from __future__ import annotations

import re
from itertools import pairwise

from .boilerplate_lines import (
    CLOSING_MARKS,
    CTA_SENTENCE_MAX_UNITS,
    DIGIT,
    Kind,
    Line,
    ends_sentence,
    is_menu,
    is_name,
    is_truncated,
)
from .boilerplate_span import article_spans

__all__ = ["apply_position_rules"]


def apply_position_rules(parsed: list[Line], keep: list[bool], *, extracted: bool) -> None:
    """Set ``keep`` to False for the lines that their place shows to be furniture."""
    _mark_split_comment_headers(parsed, keep)
    _drop_related_blocks(parsed, keep)
    if not extracted:
        # an extractor has already chosen where the article starts and ends, and taken the menus out
        # (a run of short capitalised lines left is a list of the article's)
        _drop_outside_main_cluster(parsed, keep)
        _drop_menu_runs(parsed, keep)
    _drop_template_runs(parsed, keep)


MENU_ITEM_UNITS = 3  # a line this short before the article is a menu item, not a heading ...
MENU_HEAD_MIN_LINES = 3  # ... when at least this many lines precede the article
MENU_RUN_LINES = 6  # this many menu entries in a row make a menu
HEADLINE_MIN_UNITS = 3  # a linked headline has at least this many words
RELATED_MAX_LINES = 12  # a related-links list rarely runs longer; beyond it we stop trusting the heading
RUN_MIN_TEMPLATE = 2  # template lines between two sentences that mark a widget ...
RUN_TEMPLATE_SHARE = 0.25  # ... when they make up this share of the lines between the sentences
HEADLINE_BLOCK_LINES = 2  # a headline and its standfirst
DATELINE_UNITS = 4  # "LONDON, March 4 (Globe Wire) -" and shorter
SHORT_SENTENCE_UNITS = 4  # "The bank meets again in June."
LABEL_MAX_UNITS = 5  # a label of furniture: "More on this topic", "Share this article"
BARE_NAME_UNITS = 3  # a byline without its "By"
HEADLINE_ABOVE_MIN_UNITS = 5  # a headline above a standfirst is at least this long
BYLINE_UNITS = 4  # a credit under the headline ("Staff writer") is at most this long ...
BYLINE_LOOKAHEAD = 2  # ... with the headline at most this many lines above it
NAVIGATION_LOOKAHEAD = 3  # blank lines allowed between a navigation label and its title
COMMENT_NAME_UNITS = 3  # a reader's name above the date of a comment
TABLE_MIN_ROWS = 5  # rows in a row that make a table after a widget ...
TABLE_HEADING_LINES = 2  # ... under at most this many heading lines
CONTINUATION_LABEL_LINES = 3  # an ad slot or a share bar before an article's last sentence, as its own lines
_RANK = re.compile(r"\d{1,2}[.)]?")
_ADDRESS = re.compile(r"@|www\.|https?://|\.(?:com|org|net)\b")


def _mark_split_comment_headers(parsed: list[Line], keep: list[bool]) -> None:
    """A name alone on a line, then a line with only a date, its year and the minute it was posted: a reader's
    comment headed in two lines ("Vatsala Shukla" / "August 22, 2018 at 5:57 am"). The article is over there,
    as at the one-line header ("Dana Whitfield March 3, 2021 - 4:12 pm", see ``boilerplate_lines``)."""
    previous = None
    for i, line in enumerate(parsed):
        if line.kind is Kind.BLANK:
            continue
        if previous is not None and line.posting_time and not line.stop:
            name = parsed[previous]
            if name.kind is Kind.SHORT and name.units <= COMMENT_NAME_UNITS and is_name(name.text, bare=True):
                parsed[i] = line._replace(stop=True, comment_header=True)
                parsed[previous] = name._replace(kind=Kind.BAD, meta=False, menu_item=False)
                keep[previous] = False
        previous = i


def _drop_related_blocks(parsed: list[Line], keep: list[bool]) -> None:
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
        ranks: list[int] = []  # "1", "2", ... of a "Most read" list
        while j < len(parsed) and len(block) < RELATED_MAX_LINES:
            line = parsed[j]
            if line.kind is Kind.BLANK:
                j += 1
                continue
            if line.kind is Kind.SHORT and _RANK.fullmatch(line.text):
                ranks.append(j)
                j += 1
                continue
            if not _is_title(line) or (line.kind is Kind.SHORT and line.units < HEADLINE_MIN_UNITS):
                break
            block.append(j)
            j += 1
        if block and len(block) < RELATED_MAX_LINES:
            for k in [*block, *(r for r in ranks if r < block[-1])]:
                keep[k] = False
        i = j


def _is_title(line: Line) -> bool:
    """Shaped like a headline: not a sentence that ends in a full stop (a question is still a title)."""
    if line.kind is Kind.SHORT:
        return True
    if line.kind is not Kind.GOOD or line.units > CTA_SENTENCE_MAX_UNITS:
        return False
    if not ends_sentence(line.text) or is_truncated(line.text):  # a teaser cut off with "..." is a title
        return True
    return line.text.rstrip(CLOSING_MARKS).endswith(("?", "!", "？", "！"))


def _drop_navigation_title(parsed: list[Line], keep: list[bool], label: int) -> None:
    """ "Previous article" / "Next" followed by a title-shaped line: the link to another story goes."""
    for j in range(label + 1, min(len(parsed), label + NAVIGATION_LOOKAHEAD + 1)):
        line = parsed[j]
        if line.kind is Kind.BLANK:
            continue
        if line.kind is not Kind.BAD and _is_title(line):
            keep[j] = False
        return


def _drop_outside_main_cluster(parsed: list[Line], keep: list[bool]) -> None:
    """Short lines before and after the article's span of sentences are furniture.

    The article is the stretch of lines with the highest score (see :func:`article_spans`), together
    with other stretches that score nearly as well (an article cut in two by a "More on this" box).
    """
    spans = article_spans(parsed, keep)
    if not spans:
        return
    start, end = spans[0][0], spans[-1][1]
    _drop_head(parsed, keep, start)
    _drop_tail(parsed, keep, end)


def _drop_head(parsed: list[Line], keep: list[bool], start: int) -> None:
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
        if bare and (below in meta or parsed[below].kind is Kind.BAD) and is_name(parsed[above].text, bare=True):
            meta.add(above)
    protected = _headline_block(parsed, start, meta)  # adds the credits it finds under the headline to meta
    for i in meta:
        keep[i] = False
    head_end = max((i for i in range(start) if parsed[i].kind is Kind.BAD or i in meta), default=-1)
    # very short lines before the article are menu entries when there are several of them; lines with
    # digits (scores, dates) are not menu entries
    head_lines = sum(parsed[i].kind is not Kind.BLANK for i in range(start))
    menu_like = head_lines >= MENU_HEAD_MIN_LINES
    for i in range(start):
        if i in protected:
            continue
        line = parsed[i]
        menu_entry = menu_like and line.units <= MENU_ITEM_UNITS and not DIGIT.search(line.text)
        if (line.kind is Kind.SHORT and (i < head_end or menu_entry)) or (line.kind is Kind.GOOD and i < head_end):
            keep[i] = False


def _headline_block(parsed: list[Line], start: int, meta: set[int]) -> set[int]:
    """Indices of the dateline right before the article and of the headline (and standfirst) above it."""
    before = [i for i in range(start - 1, -1, -1) if parsed[i].kind is not Kind.BLANK]
    protected: set[int] = set()
    if before and parsed[before[0]].kind is Kind.SHORT and before[0] not in meta and _is_dateline(parsed[before[0]]):
        protected.add(before[0])
        before = before[1:]
    headline: list[int] = []
    for n, i in enumerate(before):
        line = parsed[i]
        furniture = line.kind is Kind.BAD or i in meta
        above = before[n + 1 : n + 1 + BYLINE_LOOKAHEAD]
        if not headline and not furniture and _is_credit_line(line, parsed, above, meta):
            meta.add(i)  # "Staff writer", "Local Democracy Reporter": a short credit under a longer headline
            furniture = True
        if furniture and not headline:
            continue  # bylines, credits and dates between the headline and the article
        if len(headline) >= HEADLINE_BLOCK_LINES or furniture or not _is_headline(line):
            break
        if headline and line.units < HEADLINE_ABOVE_MIN_UNITS:
            break  # above a headline, a line this short is a reader tool ("Get a summary"), not a headline
        headline.append(i)
    return protected | set(headline)


def _is_credit_line(line: Line, parsed: list[Line], above: list[int], meta: set[int]) -> bool:
    """A short line (a few words, no sentence) with a full-length headline just above it: a credit."""
    if line.kind is not Kind.SHORT or line.units > BYLINE_UNITS or ends_sentence(line.text):
        return False
    for j in above:
        if parsed[j].kind is Kind.BAD or j in meta:
            continue
        return _is_headline(parsed[j]) and parsed[j].units >= HEADLINE_ABOVE_MIN_UNITS > line.units
    return False


def _is_dateline(line: Line) -> bool:
    """ "BERGEN, May 2 -", "[Seoul=...]", "【網走】", "Carcassonne, 4 mars": a place, a date, brackets or a dash."""
    text = line.text
    if line.units > DATELINE_UNITS:
        return False
    if line.units <= 1 or (line.units <= 2 and text.isupper()):  # "Pittsburgh", "NEW YORK"; not "Anna Berg"
        return True
    marks = DIGIT.search(text) is not None or "," in text or text[:1] in "[【(（"
    return marks or text.endswith(("-", "–", "—")) or any(dash in text for dash in (" - ", " – ", " — "))


def _is_headline(line: Line) -> bool:
    """A title or a standfirst: a few words at least, not a menu row, not a bracketed credit."""
    if line.units < HEADLINE_MIN_UNITS or line.units > CTA_SENTENCE_MAX_UNITS + 10:
        return False
    return not (is_menu(line.text) or line.text[:1] in "([{<" or line.row)


def _drop_tail(parsed: list[Line], keep: list[bool], end: int) -> None:
    """After the article: short lines from the first template line or plain label on, lone sentences.

    Lines that sign an article off ("(Reporting by ...)", "— Reuters", a contact, a credit) carry
    marks a template label does not (brackets, digits, an address, a dash); the first plain short
    line followed by a title or another label ("More on this topic" + a headline, "Share" + "X")
    starts the page's furniture, and so does a template line. A table the article ends with, or a
    label followed by an address or prices ("Tickets" + "www..."), is the article's own.
    """
    end = _continuation(parsed, _trim_linked_titles(parsed, end))
    after = [i for i in range(end + 1, len(parsed)) if parsed[i].kind is not Kind.BLANK]
    # after the article, a sentence of a sign-up box is the page's ("Get the top stories in your inbox")
    for i in after:
        if parsed[i].pitch and parsed[i].kind is not Kind.BAD:
            parsed[i] = parsed[i]._replace(kind=Kind.BAD)
            keep[i] = False
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
        if parsed[i].kind is Kind.SHORT or (parsed[i].kind is Kind.GOOD and i > tail_start and _is_title(parsed[i])):
            keep[i] = False  # a question-shaped title in a related block is still a title
    # a sentence outside the article, with template lines between it and the article: a teaser's
    # summary, a reader's comment, an "about the author" box
    for i in range(min([*template[:1], len(parsed)]) + 1, len(parsed)):
        if parsed[i].kind is Kind.GOOD:
            keep[i] = False
    # a table right after a share bar or an ad slot that cut the article short is the article's: results,
    # standings, prices (its rows come one after another, under at most a title and its column heads)
    for i in _table_after_widget(parsed, after):
        keep[i] = True


def _is_table_heading(line: Line) -> bool:
    return not line.row and (line.kind is Kind.SHORT or (line.kind is Kind.GOOD and line.text.rstrip().endswith(":")))


def _table_after_widget(parsed: list[Line], after: list[int]) -> list[int]:
    n = _past_widget(parsed, after, 0)
    if n is None:
        return []
    start = n
    while start < len(after) and start - n < TABLE_HEADING_LINES and _is_table_heading(parsed[after[start]]):
        start += 1  # the table's title ("Standings after 36 races:") and its column heads
    rows = start
    while rows < len(after) and parsed[after[rows]].row and parsed[after[rows]].kind is not Kind.BAD:
        rows += 1
    if rows - start < TABLE_MIN_ROWS:
        return []
    return after[n:rows]


def _trim_linked_titles(parsed: list[Line], end: int) -> int:
    """The article's end, without a label and the titles after it that the span took in.

    A question-shaped title scores like a sentence, so "More on this topic" + two headlines + "Will
    the tram be late again?" at the very end can be counted as the article's last lines: a short
    plain label (or a navigation / related label) followed only by headline-shaped lines up to the
    end is a block of links, not the article's ending.
    """
    titles = 0
    i = end
    while i > 0:
        line = parsed[i]
        if line.kind is Kind.BLANK:
            i -= 1
            continue
        label = (line.kind is Kind.SHORT and line.plain and line.units <= LABEL_MAX_UNITS) or (
            line.kind is Kind.BAD and (line.navigation or line.related_heading)
        )
        if label and titles:
            return max((j for j in range(i) if parsed[j].kind is not Kind.BLANK), default=end)
        headline = line.kind is Kind.SHORT and line.units >= HEADLINE_MIN_UNITS
        question = line.kind is Kind.GOOD and _is_title(line)
        if not (headline or question) or titles >= RELATED_MAX_LINES:
            return end
        titles += 1
        i -= 1
    return end


def _continuation(parsed: list[Line], end: int) -> int:
    """The article's real end: a short last sentence after an ad slot, a share bar or a "Read also: ..." line
    (at most :data:`CONTINUATION_LABEL_LINES` template lines, none closing the article) is its own."""
    lines = [i for i in range(end + 1, len(parsed)) if parsed[i].kind is not Kind.BLANK]
    n = 0
    while n < len(lines):
        k = _past_widget(parsed, lines, n)
        if k is None or k == len(lines) or not _is_sentence(parsed[lines[k]]):
            break
        end = lines[k]
        n = k + 1
    return end


def _past_widget(parsed: list[Line], lines: list[int], n: int) -> int | None:
    """Where ``lines`` go on past the widget at ``lines[n]``: one to :data:`CONTINUATION_LABEL_LINES` template
    lines (an ad slot, a share bar), none of them closing the article; None when there is no such widget."""
    k = n
    while k < len(lines) and k - n < CONTINUATION_LABEL_LINES and parsed[lines[k]].kind is Kind.BAD:
        if parsed[lines[k]].stop:
            return None
        k += 1
    return k if k > n else None


def _is_sentence(line: Line) -> bool:
    """A sentence however short: a few words ending in a full stop (not a question: titles are questions)."""
    text = line.text.rstrip(CLOSING_MARKS)
    return line.kind is not Kind.BAD and line.units >= SHORT_SENTENCE_UNITS and text.endswith((".", "。", "!", "！"))


def _is_linked_title(line: Line) -> bool:
    """What follows a label of furniture: another label, a template line, a headline (not a price or an address)."""
    if line.kind is Kind.BAD:
        return True
    return _is_title(line) and not line.row and _ADDRESS.search(line.text) is None


def _drop_template_runs(parsed: list[Line], keep: list[bool]) -> None:
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
                if not _is_sentence(parsed[i]):  # a short paragraph between two promos is still the article's
                    keep[i] = False


def _drop_menu_runs(parsed: list[Line], keep: list[bool]) -> None:
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
