"""Take navigation, promo, share, subscribe and related-link lines out of a plain-text article body.

Feeds hand us text that a naive HTML-to-text step produced: the article's paragraphs sit between
menus, share bars, cookie notices and "Related" lists. We decide line by line, with features that
do not depend on the site or (mostly) on the language:

* what the line looks like: length, terminal punctuation, share of letters, menu separators,
  capitalised rows, date and time stamps;
* template wording in many languages (``boilerplate_patterns``, and ``boilerplate_lexicon`` for the
  labels of all 55 languages the stream detects), trusted only on short lines (``boilerplate_lines``);
* where it sits: furniture gathers in runs of short lines before and after the stretch of the page
  that reads as running text, and after a "Related" / "Previous article" label
  (``boilerplate_span``, ``boilerplate_layout``);
* what this source repeats: a line found in a large share of the source's previous articles is
  part of its template (``SourceProfile.line_counts``, keyed by :func:`line_fingerprint`); for a new
  source, from its third article on.

A sentence-like line (long, ending in punctuation) is only taken out on strong evidence, and the
result is never empty: when everything looks like furniture, the text is returned unchanged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Sequence
from functools import lru_cache

from .boilerplate_layout import apply_position_rules
from .boilerplate_lines import PARSE_CACHE_SIZE, Kind, Line, parse_text
from .types import EMPTY_PROFILE, CleanText, SourceProfile

# the line cache, for callers that time lines seen for the first time (bench/throughput.py)
_parse_text = parse_text
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
FINGERPRINT_MAX_LINES = 400
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # left by editors on otherwise empty lines
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def line_fingerprint(line: str) -> str:
    """A stable key for one line: case, whitespace and digits do not matter ("© 2019" == "© 2024").

    Hashed (blake2b, 64 bits) so that the stream's per-source table stays small and never holds text.
    Cached: in the stream every line is fingerprinted twice (the core looks up what the source's profile
    knows of it, the shell counts it afterwards), and a source's template lines come back in every article;
    profiled under load, fingerprinting uncached was a fifth of a worker's time.
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
    rules of shape, labels and learned lines apply, but not the head, tail and menu rules (the
    extractor has already chosen where the article starts and ends, and removed the menus).
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


def _classify(lines: Sequence[str], profile: SourceProfile, extracted: bool) -> tuple[list[Line], list[bool]]:
    parsed = [parse_text(text, extracted) if text else _BLANK for text in map(_bare, lines)]
    if profile.articles and profile.line_counts:
        for i, line in enumerate(parsed):
            if line.kind is not Kind.BAD and line.kind is not Kind.BLANK and _is_learned(line.text, line.kind, profile):
                parsed[i] = line._replace(kind=Kind.BAD, meta=False, menu_item=False)
    keep = [line.kind is not Kind.BAD for line in parsed]
    apply_position_rules(parsed, keep, extracted=extracted)
    for i, line in enumerate(parsed):
        if line.kind is Kind.BLANK:
            keep[i] = True
    return parsed, keep


_BLANK = Line("", Kind.BLANK, 0.0, False)


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
