"""Near-duplicate stories: copies of one report get one story id, the earliest copy is their original.

A wire report is republished by many outlets with their own headline, furniture and a paragraph trimmed
or moved. Copies are found on the article's clean text (boilerplate already removed):

- **Shingles**: word 3-grams of the case-folded text (CJK text, written without spaces, by character), a set.
- **Sketch**: a MinHash signature of the shingles (rensa, seeded, so every worker computes the same one),
  kept as :data:`PERMUTATIONS` 16-bit values (1 in 65,536 chance that two unrelated values agree adds no
  measurable error to a Jaccard estimate), plus the number of shingles.
- **Candidates** come from LSH bands (:data:`BANDS` bands of :data:`ROWS` values): two texts share a band
  with probability 1 - (1 - J^ROWS)^BANDS, 0.87 at J = 0.5, 0.9999 at J = 0.8, 3e-7 at J = 0.02. A
  trimmed copy (a wire story cut from the bottom to half its length) has a Jaccard of about 0.4 with its
  original and is found half the time that way, so a second, smaller sketch of the text's lead (its first
  :data:`LEAD_WORDS` words) adds :data:`LEAD_BANDS` bands: copies share their lead far more often than
  their whole text, and the decision still compares the whole texts.
- **Decision** on each candidate from the two signatures: the Jaccard estimate, and the containment of the
  smaller text in the larger derived from it and the two sizes (a trimmed copy has a low Jaccard but is
  almost wholly contained). Same story when Jaccard >= :data:`JACCARD_MIN` or containment >=
  :data:`CONTAINMENT_MIN` (the smaller text long enough to mean something); thresholds chosen on the
  tune half of bench/stories.py.

:class:`StoryIndex` holds the decisions: plain Python over a mutable mapping (the worker gives it a Faust
table), one write per article, entries expire after the retention window, and the same article seen twice
(a redelivery) gets the answer it got the first time, so story ids never change once given.
"""

from __future__ import annotations

import base64
import operator
import re
import struct
from collections import Counter, OrderedDict
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

import rensa

from .script import CJK_CHARS as _CJK

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SEED = 20261201
SHINGLE_WORDS = 3
LEAD_WORDS = 60
LEAD_PERMUTATIONS = 64
LEAD_BANDS = 16
JACCARD_MIN = 0.5
CONTAINMENT_MIN = 0.8
MIN_SHINGLES = 12  # a text shorter than this has too little of its own to match on
#: A band lists at most this many articles (the earliest): a wire story republished a thousand times would
#: otherwise make every new copy gather and check a thousand candidates.
MAX_PER_BAND = 16
#: Candidates of one story checked at most; the first that matches decides for its story.
CHECKS_PER_STORY = 3
DEFAULT_RETENTION_S = 72 * 3600
DEFAULT_MAX_ARTICLES = 200_000  # about 1 GB of memory at ~5 KB per article (entry and band index)

_TOKEN = re.compile(r"\w+")
_MASK = 0xFFFF


@dataclass(frozen=True, slots=True)
class Sketch:
    """What is kept of a text to compare it with others: its signature, its number of shingles, and the
    signature of its lead (for candidates only)."""

    signature: tuple[int, ...]
    size: int
    lead: tuple[int, ...]

    def bands(self) -> list[int]:
        """One key per band. Python hashes tuples of ints the same in every process (only str and bytes
        hashes are salted), so every worker computes the same keys."""
        sig, lead, lead_rows = self.signature, self.lead, LEAD_PERMUTATIONS // LEAD_BANDS
        keys = [hash((b, *sig[b * ROWS:(b + 1) * ROWS])) for b in range(BANDS)]
        keys += [hash((BANDS + b, *lead[b * lead_rows:(b + 1) * lead_rows])) for b in range(LEAD_BANDS)]
        return keys

    def encode(self) -> str:
        packed = struct.pack(_PACKING, self.size, *self.signature, *self.lead)
        return base64.b64encode(packed).decode("ascii")

    @classmethod
    def decode(cls, text: str) -> Sketch:
        size, *values = struct.unpack(_PACKING, base64.b64decode(text))
        return cls(tuple(values[:PERMUTATIONS]), size, tuple(values[PERMUTATIONS:]))


_PACKING = f">I{PERMUTATIONS + LEAD_PERMUTATIONS}H"


def tokens(text: str) -> list[str]:
    """Words of the case-folded text; a run of CJK characters counts as one token per character."""
    words = _TOKEN.findall(text.casefold())
    if not _CJK.search(text):
        return words
    out: list[str] = []
    for word in words:
        if _CJK.search(word):
            out.extend(word)
        else:
            out.append(word)
    return out


def _grams(words: list[str]) -> set[str]:
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def shingles(text: str) -> set[str]:
    return _grams(tokens(text))


def _signature(grams: set[str], permutations: int) -> tuple[int, ...]:
    minhash = rensa.RMinHash(num_perm=permutations, seed=SEED)
    minhash.update(list(grams))
    return tuple(v & _MASK for v in minhash.digest())


def sketch(text: str) -> Sketch:
    words = tokens(text)
    grams = _grams(words)
    lead = _grams(words[:LEAD_WORDS])
    return Sketch(_signature(grams, PERMUTATIONS), len(grams), _signature(lead, LEAD_PERMUTATIONS))


def jaccard(a: Sketch, b: Sketch) -> float:
    if len(a.signature) != len(b.signature):
        raise ValueError("signatures of different lengths")
    return sum(map(operator.eq, a.signature, b.signature)) / PERMUTATIONS


def similarity(
    a: Sketch, b: Sketch, *, jaccard_min: float = JACCARD_MIN, containment_min: float = CONTAINMENT_MIN
) -> float | None:
    """How alike two texts are when they are copies of one story (None when they are not).

    The containment of the smaller shingle set in the larger is estimated from the Jaccard estimate and
    the two sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
    """
    j = jaccard(a, b)
    smaller = min(a.size, b.size)
    if smaller < MIN_SHINGLES or j == 0:
        return None
    containment = min(1.0, j * (a.size + b.size) / (1 + j) / smaller)
    if j >= jaccard_min or containment >= containment_min:
        return round(max(j, containment), 4)
    return None


@dataclass(frozen=True, slots=True)
class Story:
    """The ``story`` of an enriched record."""

    id: str
    duplicate_of: str | None
    similarity: float | None

    def asdict(self) -> dict[str, Any]:
        return {"id": self.id, "duplicate_of": self.duplicate_of, "similarity": self.similarity}


class StoryIndex:
    """Story decisions over ``entries`` (article id -> entry), with the band index kept in memory.

    ``entries`` is the only state that must survive a restart: the band index is derived from it and
    rebuilt on first use. An entry: ``{"sketch", "story", "duplicate_of", "similarity", "at"}`` (``at`` in
    seconds, the time the article was decided). One write per new article; entries older than the
    retention window, or the oldest beyond ``max_articles``, are deleted as newer articles arrive (one
    delete each).
    """

    def __init__(
        self, entries: MutableMapping[str, Any], *, retention_s: float = DEFAULT_RETENTION_S,
        max_articles: int = DEFAULT_MAX_ARTICLES, jaccard_min: float = JACCARD_MIN,
        containment_min: float = CONTAINMENT_MIN,
    ) -> None:
        self.entries = entries
        self.retention_s = retention_s
        self.max_articles = max_articles
        self.thresholds = {"jaccard_min": jaccard_min, "containment_min": containment_min}
        # band key -> the article id with that band, or a list of them when several share it: most bands are
        # one article's own, and a list per band would double the index's memory
        self._bands: dict[int, str | list[str]] | None = None
        self._order: OrderedDict[str, float] = OrderedDict()  # article id -> at, oldest first
        self._story_of: dict[str, str] = {}  # article id -> story id

    def assign(self, article_id: str, text: str, now: float) -> Story:
        """The story of one article: an earlier copy's, or a new one named after this article."""
        known = self.entries.get(article_id)
        if known:
            return Story(known["story"], known.get("duplicate_of"), known.get("similarity"))
        self._ensure_index()
        self.expire(now)
        mine = sketch(text)
        bands = mine.bands()  # once: for the candidates and for the index
        best: tuple[float, float, str] | None = None  # (score, -at, article id)
        checked: Counter[str] = Counter()  # story id -> candidates checked
        matched: set[str] = set()
        for other_id in self._candidates(bands):
            story_id = self._story_of[other_id]
            if story_id in matched or checked[story_id] >= CHECKS_PER_STORY:
                continue
            checked[story_id] += 1
            score = similarity(mine, Sketch.decode(self.entries[other_id]["sketch"]), **self.thresholds)
            if score is not None:
                matched.add(story_id)
                key = (score, -self._order[other_id], other_id)
                if best is None or key > best:
                    best = key
        if best is None:
            story = Story(f"story-{article_id}", None, None)
        else:
            match = self.entries[best[2]]
            story = Story(match["story"], match.get("duplicate_of") or best[2], best[0])
        self.entries[article_id] = {"sketch": mine.encode(), "story": story.id, "duplicate_of": story.duplicate_of,
                                    "similarity": story.similarity, "at": now}
        self._add(article_id, bands, now, story.id)
        return story

    def expire(self, now: float) -> int:
        """Forget articles decided longer ago than the retention window, and the oldest beyond
        ``max_articles`` (memory is about 5 KB per article kept); how many went."""
        self._ensure_index()
        gone = 0
        while self._order:
            article_id, at = next(iter(self._order.items()))
            if at >= now - self.retention_s and len(self._order) < self.max_articles:
                break
            self._remove(article_id, self.entries.pop(article_id, None))
            gone += 1
        return gone

    def forget(self) -> None:
        """After the partition is revoked: rebuild from the entries next time."""
        self._bands = None
        self._order.clear()
        self._story_of.clear()

    def __len__(self) -> int:
        self._ensure_index()
        return len(self._order)

    def _candidates(self, bands: list[int]) -> list[str]:
        """Articles sharing one of ``bands``, those sharing the most bands first, then the earliest."""
        assert self._bands is not None
        hits: dict[str, int] = {}  # a plain dict: Counter.update per band was a third of this method's time
        index = self._bands
        for band in bands:
            found = index.get(band)
            if found is None:
                continue
            if isinstance(found, str):
                hits[found] = hits.get(found, 0) + 1
            else:
                for other in found:
                    hits[other] = hits.get(other, 0) + 1
        return sorted(hits, key=lambda other: (-hits[other], self._order[other]))

    def _ensure_index(self) -> None:
        if self._bands is not None:
            return
        self._bands = {}
        for article_id, entry in sorted(self.entries.items(), key=lambda item: item[1]["at"]):
            self._add(article_id, Sketch.decode(entry["sketch"]).bands(), entry["at"], entry["story"])

    def _add(self, article_id: str, bands_of_article: list[int], at: float, story_id: str) -> None:
        """Index an article's bands; its sketch stays in the entry only (decoded again for a candidate),
        since a sketch held as Python ints would cost several KB per article of the window."""
        assert self._bands is not None
        self._order[article_id] = at
        self._story_of[article_id] = story_id
        bands = self._bands
        for band in bands_of_article:
            found = bands.get(band)
            if found is None:
                bands[band] = article_id
            elif isinstance(found, str):
                bands[band] = [found, article_id]
            elif len(found) < MAX_PER_BAND:
                found.append(article_id)

    def _remove(self, article_id: str, entry: Mapping[str, Any] | None) -> None:
        assert self._bands is not None
        del self._order[article_id]
        self._story_of.pop(article_id, None)
        if entry is None:
            return
        bands = self._bands
        for band in Sketch.decode(entry["sketch"]).bands():
            found = bands.get(band)
            if found == article_id:
                del bands[band]
            elif isinstance(found, list) and article_id in found:
                found.remove(article_id)
                if len(found) == 1:
                    bands[band] = found[0]
