"""Which language an article is written in.

langdetect's model is the engine (its profiles and character normalisation, see ``language_model``),
scored exactly instead of by random sampling, so the answer is deterministic and independent of call
order (no random generator is involved, seeded or not), with a smoothing suited to its pruned profiles.
Around it, what a stream knows beyond the n-grams:

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

TITLE_CHARS = 300
"""A title longer than this is cut: it bounds the work and keeps packed sums far from overflow."""

BODY_CHARS = 360
"""Characters of body text read at most: about three sentences. One sentence alone is right 98.5 % of
the time; 3 KB texts of lingua sentences are all right from 240 characters on; the work (and time)
grows linearly with this budget, 450 costing a quarter more than 360 for no measured gain."""

BODY_WINDOWS = 3
"""The body budget is spread over this many windows (start, middle, end) so that a leading quote,
a dateline or a foreign-language block at one end does not decide alone."""

MIN_LETTERS = 2
"""Fewer letters than this (in an alphabetic script) carry no usable evidence."""

IDEOGRAPHIC_SCRIPTS = frozenset({"Han", "Hangul", "Kana"})
"""Scripts where one character is already a word, so one letter is enough to guess."""

ALPHA = 0.0
"""langdetect's own smoothing, ``ALPHA / 10000`` added to every probability; replaced here by
``CUTOFF_SHARE`` (langdetect's default 0.5 gives 98.1 % on sentences, 83.2 % on word pairs)."""

CUTOFF_SHARE = 0.08
"""An n-gram missing from a profile is given this share of the profile's smallest kept probability
(see ``language_model``): 98.5 % / 85.0 % on the tune half; 0.06-0.1 are equally good."""

ORDER_WEIGHTS = (0.5, 1.0, 2.0)
"""Weights of 1-, 2- and 3-gram evidence (langdetect: all 1): longer n-grams are more specific to a
language; +0.4 point on word pairs, (0.3, 1, 2) is as good."""

LATIN_WEIGHT = 0.5
"""Latin letters weigh half in deciding the script: text in other scripts carries Latin brand names,
URLs, acronyms and English navigation, while Latin-script text seldom carries long foreign-script
passages. langdetect itself drops Latin from a text with twice as many other letters."""

TEMPERATURE = 7.0
"""Divides the naive-Bayes log-likelihoods, which treat overlapping n-grams as independent and are
therefore far too confident. 7 minimises the log-loss of the true language on the tune half of word
pairs and single words (sentences prefer 8-12, all within 0.01 nat); confidence is then calibrated
within 2-3 points (expected calibration error)."""

PRIOR_STRENGTH = 5.0
"""Pseudo-count of the uniform part of the source prior: after 5 articles the source's habit weighs
half, after 45 nine tenths."""

PRIOR_MAX_WEIGHT = 0.9
"""However regular a source, a tenth of the prior stays uniform, so a clear text in another language
still wins."""

CANDIDATES_KEPT = 3
"""Runner-ups reported with the guess."""


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
    likelihood = _merge_iso(model, indices, scores)
    if not any(scores[i] for i in indices) and max(likelihood.values()) <= 0.5:
        return UNDETERMINED  # no known n-gram, and the script alone does not make one language likely
    posterior = _apply_prior(likelihood, prior)
    ranked = sorted(posterior.items(), key=lambda item: (-item[1], item[0]))
    code, confidence = ranked[0]
    return LanguageGuess(code, confidence, tuple(ranked[:CANDIDATES_KEPT]))


def forget_cached_words() -> None:
    """Start again from an empty word cache, as a new worker would (for tests and cold benchmarks)."""
    _model().forget_words()


@cache
def _model() -> LanguageModel:
    return LanguageModel(ALPHA, ORDER_WEIGHTS, CUTOFF_SHARE)


def _sample(title: str, text: str) -> str:
    """The title plus at most ``BODY_CHARS`` of the body, cut at spaces into evenly spread windows."""
    title = title[:TITLE_CHARS]
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
    the languages with the best coverage (Kana + Han text: only Japanese covers both). Latin letters
    count for less (``LATIN_WEIGHT``).
    """
    coverage: dict[str, float] = {}
    for script, letters in covered.items():
        weight = LATIN_WEIGHT if script == "Latin" else 1.0
        for code in by_script[script]:
            coverage[code] = coverage.get(code, 0.0) + weight * letters
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
