"""Which language an article is written in.

langdetect's model is the engine (its profiles, normalisation and smoothing, see ``language_model``),
scored exactly instead of by random sampling, so the answer is deterministic and independent of call
order. Around it, what a stream knows beyond the n-grams:

* the writing system: letters of a script only one known language uses decide it (Hangul -> ko, Kana ->
  ja, Greek -> el, Thai -> th, ...), and otherwise restrict the candidates to the languages written in it
  (Cyrillic -> bg/mk/ru/uk); the mapping is read off langdetect's own profiles, not listed by hand;
* the source's habit: a per-source count of languages detected before, used as a Bayesian prior that
  only tips the balance when the text itself is weak evidence (a headline, a caption);
* bounded work: the title and a few windows of the body are enough to decide, so a long article costs
  no more than a short one.

Codes are ISO 639-1; langdetect's zh-cn and zh-tw are both ``zh`` and its Norwegian stays ``no``
(the macrolanguage: the model is trained on Bokmål and cannot separate it from Nynorsk). ``und`` with
confidence 0 means no letters, too few of them, or only scripts no known language is written in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache

from .language_model import LanguageModel, normalize, script_languages
from .script import script_counts
from .types import LanguageGuess

UNDETERMINED = LanguageGuess("und", 0.0, ())

BODY_CHARS = 600
"""Characters of body text read at most: a few sentences, where accuracy is already ~99 %."""

BODY_WINDOWS = 3
"""The body budget is spread over this many windows (start, middle, end) so that a leading quote,
a dateline or a foreign-language block at one end does not decide alone."""

MIN_LETTERS = 2
"""Fewer letters than this (in an alphabetic script) carry no usable evidence."""

IDEOGRAPHIC_SCRIPTS = frozenset({"Han", "Hangul", "Kana"})
"""Scripts where one character is already a word, so one letter is enough to guess."""

TEMPERATURE = 4.0
"""Divides the naive-Bayes log-likelihoods, which treat overlapping n-grams as independent and are
therefore far too confident; chosen so that the confidence is calibrated (see bench/language.py)."""

PRIOR_STRENGTH = 5.0
"""Pseudo-count of the uniform part of the source prior: after 5 articles the source's habit weighs
half, after 45 nine tenths."""

PRIOR_MAX_WEIGHT = 0.9
"""However regular a source, a tenth of the prior stays uniform, so a clear text in another language
still wins."""

CANDIDATES_KEPT = 3


def detect_language(title: str, text: str, *, prior: Mapping[str, int] | None = None) -> LanguageGuess:
    """Guess the language of one article from its title and cleaned body.

    ``prior`` counts the languages (ISO codes as returned here) of the source's earlier articles.
    """
    sample = _sample(title or "", text or "")
    counts = script_counts(sample)
    by_script = script_languages()
    covered = {script: n for script, n in counts.items() if script in by_script}
    letters = sum(covered.values())
    if not letters or (letters < MIN_LETTERS and not covered.keys() & IDEOGRAPHIC_SCRIPTS):
        return UNDETERMINED

    model = _model()
    allowed = _candidate_languages(covered, by_script)
    indices = [i for i, code in enumerate(model.languages) if code in allowed]
    scores = model.scores(normalize(sample))
    if not any(scores[i] for i in indices) and len({model.iso_codes[i] for i in indices}) > 1:
        return UNDETERMINED

    likelihood = _merge_iso(model, indices, scores)
    posterior = _apply_prior(likelihood, prior)
    ranked = sorted(posterior.items(), key=lambda item: (-item[1], item[0]))
    code, confidence = ranked[0]
    return LanguageGuess(code, confidence, tuple(ranked[:CANDIDATES_KEPT]))


def forget_cached_words() -> None:
    """Start again from an empty word cache, as a new worker would (for tests and cold benchmarks)."""
    _model().forget_words()


@cache
def _model() -> LanguageModel:
    return LanguageModel()


def _sample(title: str, text: str) -> str:
    """The title plus at most ``BODY_CHARS`` of the body, cut at spaces into evenly spread windows."""
    if len(text) <= BODY_CHARS:
        return f"{title}\n{text}"
    width = BODY_CHARS // BODY_WINDOWS
    step = (len(text) - width) / (BODY_WINDOWS - 1)
    parts = [title]
    for window in range(BODY_WINDOWS):
        start = round(window * step)
        end = start + width
        if start:
            space = text.find(" ", start, end)
            start = space + 1 if space >= 0 else start
        space = text.rfind(" ", start, end)
        parts.append(text[start : space if space > start else end])
    return "\n".join(parts)


def _candidate_languages(covered: Mapping[str, int], by_script: Mapping[str, frozenset[str]]) -> set[str]:
    """The languages written in the scripts that hold most of the letters.

    A language's coverage is the share of the text's letters in scripts it uses; the candidates are
    the languages with the best coverage (Kana + Han text: only Japanese covers both).
    """
    coverage: dict[str, int] = {}
    for script, letters in covered.items():
        for code in by_script[script]:
            coverage[code] = coverage.get(code, 0) + letters
    best = max(coverage.values())
    return {code for code, letters in coverage.items() if letters >= 0.9 * best}


def _merge_iso(model: LanguageModel, indices: list[int], scores: list[float]) -> dict[str, float]:
    """Softmax of the tempered scores, langdetect codes that share an ISO code summed."""
    top = max(scores[i] for i in indices)
    merged: dict[str, float] = {}
    for i in indices:
        code = model.iso_codes[i]
        merged[code] = merged.get(code, 0.0) + math.exp((scores[i] - top) / TEMPERATURE)
    total = sum(merged.values())
    return {code: weight / total for code, weight in merged.items()}


def _apply_prior(likelihood: dict[str, float], prior: Mapping[str, int] | None) -> dict[str, float]:
    """Bayes' rule with the source's language shares, shrunk towards uniform (see ``PRIOR_*``)."""
    if not prior:
        return likelihood
    seen = {code: max(prior.get(code, 0), 0) for code in likelihood}
    total = sum(seen.values())
    if not total:
        return likelihood
    weight = min(total / (total + PRIOR_STRENGTH), PRIOR_MAX_WEIGHT)
    uniform = (1.0 - weight) / len(likelihood)
    joint = {code: p * (weight * seen[code] / total + uniform) for code, p in likelihood.items()}
    norm = sum(joint.values())
    return {code: p / norm for code, p in joint.items()}
