"""Language identification benchmark: accuracy and speed beside plain seeded langdetect.

Data: lingua's test sets (``lingua/{sentences,word-pairs,single-words}/<code>.txt``, 500 lines a
language) restricted to the 51 languages langdetect knows that lingua has (its ``no`` is lingua's
``nb``; zh-cn and zh-tw are ``zh``). The parameters of ``streams.enrich.language`` were chosen looking at
the first 250 lines of each file only ("tune"); lines 251-500 ("held-out") are reported beside them and
are the headline. Headline accuracy is WITHOUT a source prior; the prior rows simulate a source whose
20 earlier articles were all in the item's language (matched) or all in another one (wrong: English,
or German for English items), to show both what the prior adds and what it can cost.

The calibration error is the expected calibration error of our confidence (10 bins): 0 when, among
answers given with confidence c, a share c is right. "3 KB texts" run held-out sentences of one
language together: long input, where both detectors should be (and are) nearly always right.

Speed: ms per item on the same items, and ms per 3 KB article on the article bodies of the
article-extraction benchmark (``aeb/ground-truth.json``, the 62 bodies of 3000+ characters cut to 3072),
once with the word cache warming over the articles as in a stream, once emptied before each article.

The peer is ``langdetect.detect`` with ``DetectorFactory.seed = 0``; an exception (no features) counts
as a wrong answer, as our ``und`` does. Times are CPU time of this process (``time.process_time``),
i.e. per core: the development machine is shared, and wall-clock time there mostly measures the
other jobs. Even so, a busy machine slows both detectors alike; compare them in the same run.

Run: ``.venv/bin/python -m bench.language`` from the repository root (about 5 minutes, mostly the peer);
``--quick`` reads 50 lines of each half per language.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import langdetect
from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY

from bench.table import print_rows
from streams.enrich.language import detect_language, forget_cached_words

DATA = Path(os.environ.get("NEWSSTREAM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
LINGUA = DATA / "lingua"
KINDS = ("sentences", "word-pairs", "single-words")
TARGETS = {"sentences": 0.985, "word-pairs": 0.85, "single-words": None}
MS_PER_ARTICLE_TARGET = 0.5
ARTICLE_CHARS = 3072
PRIOR_ARTICLES = 20
PEER = "langdetect 1.0.9 seed 0"

Item = tuple[str, str]  # (expected lingua code, text)


def _data_code(code: str) -> str:
    """Our (and langdetect's) code as lingua names its file."""
    return {"no": "nb", "zh-cn": "zh", "zh-tw": "zh"}.get(code, code)


def load(kind: str, half: str, per_half: int = 250) -> list[Item]:
    """Items of one lingua set; ``half`` is "tune" (lines 1-250) or "held-out" (251-500)."""
    supported = {_data_code(path.name) for path in Path(PROFILES_DIRECTORY).iterdir()}
    items: list[Item] = []
    for path in sorted((LINGUA / kind).glob("*.txt")):
        code = path.stem
        if code not in supported:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        chosen = lines[:250][:per_half] if half == "tune" else lines[250:][:per_half]
        items.extend((code, line) for line in chosen if line.strip())
    return items


def _ours(text: str, prior: dict[str, int] | None = None) -> str:
    return _data_code(detect_language("", text, prior=prior).code)


def _peer(text: str) -> str:
    try:
        return _data_code(langdetect.detect(text))
    except langdetect.LangDetectException:
        return "und"


def _accuracy(items: Sequence[Item], guess: Callable[[str], str]) -> tuple[float, float]:
    """(accuracy, ms per item)."""
    started = time.process_time()
    correct = sum(guess(text) == expected for expected, text in items)
    elapsed = time.process_time() - started
    return correct / len(items), 1000.0 * elapsed / len(items)


def _calibration_error(items: Sequence[Item], bins: int = 10) -> float:
    """Expected calibration error of our confidence: |confidence - accuracy| over 10 bins, weighted."""
    totals = [[0, 0.0, 0] for _ in range(bins)]
    for expected, text in items:
        guess = detect_language("", text)
        cell = totals[min(int(guess.confidence * bins), bins - 1)]
        cell[0] += 1
        cell[1] += guess.confidence
        cell[2] += _data_code(guess.code) == expected
    return sum(abs(confidence - correct) for _, confidence, correct in totals) / len(items)


def _pseudo_articles(items: Sequence[Item]) -> list[Item]:
    """Sentences of one language run together into 3 KB texts: long input, one language."""
    articles: list[Item] = []
    current: dict[str, str] = {}
    for code, text in items:
        joined = f"{current.get(code, '')}{text} "
        if len(joined) >= ARTICLE_CHARS:
            articles.append((code, joined[:ARTICLE_CHARS]))
            joined = ""
        current[code] = joined
    return articles


def _prior_accuracy(items: Sequence[Item], wrong: bool) -> float:
    correct = 0
    for expected, text in items:
        source_language = ("de" if expected == "en" else "en") if wrong else expected
        prior = {"no" if source_language == "nb" else source_language: PRIOR_ARTICLES}
        correct += _ours(text, prior) == expected
    return correct / len(items)


def _articles() -> list[str]:
    truth = json.loads((DATA / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = sorted(entry["articleBody"] for entry in truth.values())
    return [body[:ARTICLE_CHARS] for body in bodies if len(body) >= 3000]


def _ms_per_article(articles: Sequence[str], guess: Callable[[str], Any], cold: bool, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        forget_cached_words()
        started = time.process_time()
        for article in articles:
            if cold:
                forget_cached_words()
            guess(article)
        best = min(best, time.process_time() - started)
    return 1000.0 * best / len(articles)


def _row(metric: str, value: float, peer_value: float | None, target: float | None) -> dict[str, Any]:
    return {
        "metric": metric,
        "value": round(value, 4),
        "peer": PEER if peer_value is not None else None,
        "peer_value": None if peer_value is None else round(peer_value, 4),
        "target": target,
    }


def run(per_half: int = 250) -> list[dict[str, Any]]:
    DetectorFactory.seed = 0
    detect_language("warm up: load the profiles", "")
    _peer("warm up: load the profiles")
    rows: list[dict[str, Any]] = []
    for kind in KINDS:
        target = TARGETS[kind]
        halves = {half: load(kind, half, per_half) for half in ("held-out", "tune")}
        for half, items in halves.items():
            forget_cached_words()
            ours, ours_ms = _accuracy(items, _ours)
            peer, peer_ms = _accuracy(items, _peer)
            headline = half == "held-out"
            rows.append(_row(f"{kind}: accuracy, {half}, no prior", ours, peer, target if headline else None))
            rows.append(_row(f"{kind}: ms per item, {half}", ours_ms, peer_ms, None))
        if kind != "single-words":
            held = halves["held-out"]
            rows.append(
                _row(f"{kind}: accuracy, held-out, matched source prior", _prior_accuracy(held, False), None, None)
            )
            rows.append(
                _row(f"{kind}: accuracy, held-out, wrong source prior", _prior_accuracy(held, True), None, None)
            )
        rows.append(
            _row(
                f"{kind}: calibration error of confidence, held-out", _calibration_error(halves["held-out"]), None, None
            )
        )
    pseudo = _pseudo_articles(load("sentences", "held-out", per_half))
    ours, ours_ms = _accuracy(pseudo, _ours)
    peer, peer_ms = _accuracy(pseudo, _peer)
    rows.append(_row(f"3 KB texts of held-out sentences ({len(pseudo)}): accuracy", ours, peer, None))
    rows.append(_row("3 KB texts of held-out sentences: ms per text", ours_ms, peer_ms, None))
    articles = _articles()
    repeat = 3 if per_half >= 250 else 1
    peer_ms = _ms_per_article(articles, _peer, cold=False, repeat=1)
    for cold in (False, True):
        ours_ms = _ms_per_article(articles, lambda text: detect_language("", text), cold, repeat)
        label = "word cache emptied before each" if cold else "word cache warming over them"
        rows.append(
            _row(f"ms per 3 KB article ({len(articles)} aeb bodies, {label})", ours_ms, peer_ms, MS_PER_ARTICLE_TARGET)
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    print_rows(run(per_half=50 if "--quick" in args else 250))

if __name__ == "__main__":
    main()
