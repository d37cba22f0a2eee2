"""Where the article is in a page's lines: the stretch that scores best as running text.

Furniture gathers before and after the article, but an article also holds short lines (subheadings,
lists, table rows) and pages hold sentences that are not the article (teaser summaries, comments).
So every line gets a score, a sentence its length beyond a few words and every other line a small
cost (a template line more), and the article is the contiguous stretch with the highest sum
(Kadane): a list between paragraphs is bridged, a menu with a question-shaped headline in it is not.
Stretches beside it that score at least a quarter of it are more of the article (cut in two by a
"More on this" box) unless they are a grid of teasers.
"""

from __future__ import annotations

from .boilerplate_lines import Kind, Line, ends_sentence, is_truncated

# Line scores (chosen on the tune halves of the aeb plain text and the multilingual set).
SPAN_SENTENCE_OFFSET = 3.0  # a sentence scores its length in words minus this ...
SPAN_SHORT_COST = 1.0  # ... a short line costs this ...
SPAN_TEMPLATE_COST = 4.0  # ... a template line this ...
SPAN_STOP_COST = 30.0  # ... a line that closes an article (rights, tags, comments) this: little comes after it
SPAN_ROW_COST = 0.25  # ... and a table row little: results tables are stories too
WALL = 1e9  # the cost of a line no article runs across (a header of a comment thread)
SPAN_UNPUNCTUATED_UNITS = 40  # an unpunctuated line scores as a sentence only when this long (else a teaser)
SPAN_MIN_EXTRA = 20.0  # a stretch beside the article joins it when it scores at least this ...
SPAN_EXTRA_SHARE = 0.25  # ... and this share of the article's score
TEASER_CELL_LINES = 3  # a teaser's cell: headline, byline, date around its summary
TEASER_MIN_SENTENCES = 3  # a grid of teasers has at least this many summaries ...
TEASER_SINGLE_SHARE = 0.6  # ... and this share of them stand alone between short lines


def _line_score(line: Line, kept: bool) -> float:
    """How much a line says "article here": a sentence its length beyond a few words, anything else a cost."""
    if line.kind is Kind.GOOD and kept:
        if line.pitch:
            return -SPAN_TEMPLATE_COST  # a sign-up box's sentence: bridged inside an article, never its end
        if (ends_sentence(line.text) and not is_truncated(line.text)) or line.units >= SPAN_UNPUNCTUATED_UNITS:
            return line.units - SPAN_SENTENCE_OFFSET
        return -SPAN_SHORT_COST  # a headline, or a teaser cut off mid-sentence ("..."): not evidence of the article
    if not kept:
        return -(SPAN_STOP_COST if line.stop else SPAN_TEMPLATE_COST)
    if line.row:
        return -SPAN_ROW_COST  # a row of a results table or a score: part of the story it sits in
    return -SPAN_SHORT_COST


def _comment_thread(parsed: list[Line]) -> list[int]:
    """The headers of readers' comments (a name, the date and the minute it was posted) when the page has a
    thread of them: two headers or more, or one under a comments heading ("1 comment"). The article never
    runs across one, and what follows the first one after it (comments, an author box, a blog's "about me")
    is never more of it. One signed time stamp alone is a cost, not a wall: a live blog or an update inside
    an article is signed so too, and the comments heading alone is no wall either ("12 comments" also stands
    in share bars inside articles)."""
    headers = [i for i, line in enumerate(parsed) if line.comment_header]
    if len(headers) != 1:
        return headers
    lines = [i for i, line in enumerate(parsed) if line.kind is not Kind.BLANK]
    at = {i: n for n, i in enumerate(lines)}
    return [i for i in headers if any(parsed[j].comments_heading for j in lines[max(0, at[i] - 3) : at[i]])]


def _teaser_cells(parsed: list[Line]) -> list[int]:
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
        framed = Kind.BAD in above and Kind.BAD in below and Kind.GOOD not in above and Kind.GOOD not in below
        if framed and not _opens_paragraphs(kinds, n):
            cells.append(lines[n])
    return cells


def _opens_paragraphs(kinds: list[Kind], n: int) -> bool:
    """The sentence at ``n`` is followed, past template lines only, by two sentences in a row: an article's
    first paragraph above a share bar or an ad slot, not a teaser's summary (a grid's next cell has its own
    headline and byline, and one summary)."""
    m = n + 1
    while m < len(kinds) and kinds[m] is Kind.BAD:
        m += 1
    return m + 1 < len(kinds) and kinds[m] is Kind.GOOD and kinds[m + 1] is Kind.GOOD


def _teaser_grid(parsed: list[Line], start: int, end: int) -> bool:
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


def article_spans(parsed: list[Line], keep: list[bool]) -> list[tuple[int, int]]:
    """The stretches of the text that are the article, in order.

    A sentence scores its length beyond a few words and every non-sentence line costs a little (a
    template line more), so a list or a subheading between paragraphs is bridged while a menu with a
    question-shaped headline in it is not. The best stretch is the article; stretches beside it that
    score at least a share of it are more of the article (cut by a box of links).
    """
    scores = [0.0 if line.kind is Kind.BLANK else _line_score(line, keep[i]) for i, line in enumerate(parsed)]
    for i in _teaser_cells(parsed):
        scores[i] = -SPAN_SHORT_COST
    walls = _comment_thread(parsed)
    walled = scores
    if walls:
        walled = list(scores)
        for i in walls:
            walled[i] = -WALL
    main = _best_span(walled, 0, len(scores))
    if main is None:
        return []
    strong = max(SPAN_MIN_EXTRA, SPAN_EXTRA_SHARE * main[2])
    spans = [main]
    closed = next((i for i in walls if i > main[1]), len(scores))
    pending = [(0, main[0]), (main[1] + 1, closed)]
    while pending:
        lo, hi = pending.pop()
        found = _best_span(scores, lo, hi)
        if found is None:
            continue
        if found[2] >= strong and not _teaser_grid(parsed, found[0], found[1]):
            spans.append(found)
            pending += [(lo, found[0]), (found[1] + 1, hi)]
    return sorted((s, e) for s, e, _ in spans)
