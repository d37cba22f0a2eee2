"""Plain data the enrichment steps exchange.

Kept free of Kafka and Faust so that the core can be called on one article, in a test or offline,
exactly as the stream calls it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Field = Literal["title", "text"]


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The detected language of an article.

    ``code`` is ISO 639-1 (or ``"und"`` when the text is too short or has no letters, with confidence 0);
    ``candidates`` keeps the runner-ups so that consumers can apply their own thresholds.
    """

    code: str
    confidence: float
    candidates: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class CleanText:
    """Body text with boilerplate taken out; ``removed`` lists what was taken, in order.

    ``title`` is the page's own headline for HTML input (og:title, <h1> or <title>), so that an article
    published as a bare page still gets a title; None for plain text.
    """

    text: str
    removed: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a company name: ``record[field][start:end] == surface``."""

    field: Field
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class CompanyTag:
    """A company mentioned in an article, with every mention.

    ``known`` is False for candidates found from legal-form suffixes or context that are not in the
    catalog; their ``id`` is then derived from the normalised name.
    """

    id: str
    name: str
    mentions: tuple[Mention, ...]
    known: bool = True
    wikidata: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """What the stream has learned about one ``source`` so far, handed to the core as plain data.

    ``line_counts`` maps a line fingerprint (see ``boilerplate.line_fingerprint``) to the number of this
    source's articles that contained it; ``articles`` is how many articles of the source were seen;
    ``languages`` counts the languages detected in its articles (a prior for short texts).
    """

    articles: int = 0
    line_counts: Mapping[str, int] = field(default_factory=dict)
    languages: Mapping[str, int] = field(default_factory=dict)


EMPTY_PROFILE = SourceProfile()
