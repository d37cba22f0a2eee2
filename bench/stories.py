"""Near-duplicate stories: pair precision and recall on republished copies of real articles, and the cost.

The set is built from the 119 AEB article bodies (../shared/data/aeb, MIT) with a seeded generator, as a
monitoring desk sees a wire report come back: each article is republished 1-5 times, each copy with
another headline, its outlet's furniture lines (menu, share row, related titles: removed again by the
core's boilerplate step, as in the stream), and one paragraph dropped or two paragraphs swapped; a third
of the copies are trimmed to their first half (a short version). Look-alikes are different stories that
open the same way: an article's headline and first paragraph, then other text (real sentences of the
lingua set, ../shared/data/lingua, Apache-2.0, in paragraphs of three).
Every document goes through ``enrich()`` and its clean text through :class:`StoryIndex` in a shuffled
stream order. Pairs are scored within each half (split by the original's id, as bench/boilerplate.py):
a pair is positive when both documents are copies of one original.

The peer, in the same run: the same MinHash/LSH with a Jaccard threshold of 0.8 alone (datasketch's usual
setting), which is what a containment-blind deduplicator does.

Run: ``.venv/bin/python -m bench.stories`` (``--sweep`` also prints pair figures over a grid of thresholds,
on the tune half, which is how the thresholds were chosen).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from bench.table import print_rows
from streams.enrich import enrich, stories, warm_up

SHARED = Path(os.environ.get("NEWSSTREAM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
SEED = 11
FURNITURE = [
    ["Home | World | Business | Tech", "Share this article", "Facebook", "Twitter", "Copy link"],
    ["Menu", "Sections", "Subscribe now", "Sign in", "Advertisement"],
    ["Latest news", "Most read", "Newsletter: get the morning briefing", "Share", "Comments"],
]
RELATED = ["Related stories", "More from our newsroom", "Read next"]


def held_out(article_id: str) -> bool:
    return int(article_id[:8], 16) % 2 == 1


def paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n") if p.strip()]


def build(rng: random.Random) -> list[dict[str, Any]]:
    truth = json.loads((SHARED / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    sentences = (SHARED / "lingua" / "sentences" / "en.txt").read_text(encoding="utf-8").splitlines()
    ids = sorted(truth)
    docs = []
    for n, article_id in enumerate(ids):
        body = paragraphs(truth[article_id]["articleBody"])
        if len(body) < 2:
            continue
        docs.append({"id": f"{article_id[:12]}-0", "story": article_id, "half": held_out(article_id),
                     "title": f"Original {n}", "body": "\n".join(body), "source": "wire"})
        for c in range(1, rng.randint(1, 5) + 1):
            copy = list(body)
            if len(copy) > 3 and rng.random() < 0.5:
                copy.pop(rng.randrange(1, len(copy)))
            elif len(copy) > 2:
                i = rng.randrange(0, len(copy) - 1)
                copy[i], copy[i + 1] = copy[i + 1], copy[i]
            if rng.random() < 0.33 and len(copy) >= 4:
                copy = copy[: len(copy) // 2]
            furniture = rng.choice(FURNITURE)
            related = [rng.choice(RELATED), f"Other story number {rng.randint(1, 999)} of the day"]
            text = "\n".join([*furniture[:2], *copy, *furniture[2:], *related])
            docs.append({"id": f"{article_id[:12]}-{c}", "story": article_id, "half": held_out(article_id),
                         "title": f"Outlet {c} headline {n}", "body": text, "source": f"outlet-{c}"})
        picked = rng.sample(sentences, 3 * min(40, max(2, len(body) - 1)))
        lookalike = [body[0], *(" ".join(picked[i:i + 3]) for i in range(0, len(picked), 3))]
        docs.append({"id": f"{article_id[:12]}-L", "story": article_id + "-lookalike", "half": held_out(article_id),
                     "title": f"Original {n}", "body": "\n".join(lookalike), "source": "rival"})
    rng.shuffle(docs)
    for doc in docs:
        article = {"id": doc["id"], "title": doc["title"], "body": doc["body"], "source": doc["source"]}
        doc["text"] = enrich(article)["text"]
    return docs


class CountingDict(dict):
    writes = 0

    def __setitem__(self, key: Any, value: Any) -> None:
        self.writes += 1
        super().__setitem__(key, value)


def run_stream(docs: list[dict[str, Any]], **thresholds: float) -> tuple[dict[str, str], float, float]:
    entries = CountingDict()
    index = stories.StoryIndex(entries, **thresholds)
    assigned, cpu = {}, 0.0
    for t, doc in enumerate(docs):
        started = time.process_time()
        assigned[doc["id"]] = index.assign(doc["id"], doc["text"], now=float(t)).id
        cpu += time.process_time() - started
    return assigned, 1000 * cpu / len(docs), entries.writes / len(docs)


def pair_scores(docs: list[dict[str, Any]], assigned: dict[str, str], half: bool) -> tuple[float, float]:
    members = [d for d in docs if d["half"] == half]
    tp = fp = fn = 0
    for a, b in itertools.combinations(members, 2):
        same_true = a["story"] == b["story"]
        same_pred = assigned[a["id"]] == assigned[b["id"]]
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def run(sweep: bool = False) -> list[dict[str, Any]]:
    warm_up()
    docs = build(random.Random(SEED))
    assigned, ms, writes = run_stream(docs)
    peer, _, _ = run_stream(docs, jaccard_min=0.8, containment_min=2.0)
    rows = []
    for half, name in ((False, "tune"), (True, "held-out")):
        p, r = pair_scores(docs, assigned, half)
        pp, pr = pair_scores(docs, peer, half)
        rows.append({"metric": f"{name}: pair precision", "value": round(p, 4), "peer": "Jaccard >= 0.8 only",
                     "peer_value": round(pp, 4), "target": ">= 0.98"})
        rows.append({"metric": f"{name}: pair recall", "value": round(r, 4), "peer": "Jaccard >= 0.8 only",
                     "peer_value": round(pr, 4), "target": ">= 0.95"})
    sizes = Counter(Counter(d["story"] for d in docs).values())
    lookalikes = sum(1 for d in docs if d["story"].endswith("-lookalike"))
    rows.append({"metric": "documents / stories / look-alikes",
                 "value": f"{len(docs)} / {len({d['story'] for d in docs})} / {lookalikes}"})
    rows.append({"metric": "story sizes (size: count)", "value": dict(sorted(sizes.items()))})
    rows.append({"metric": "ms CPU per article (sketch + candidates + decision)", "value": round(ms, 3),
                 "target": "<= 0.5"})
    rows.append({"metric": "state writes per article", "value": round(writes, 2), "target": "O(1)"})
    if sweep:
        grid = defaultdict(dict)
        for j in (0.4, 0.5, 0.6, 0.7, 0.8):
            for c in (0.6, 0.7, 0.8, 0.9, 2.0):
                got, _, _ = run_stream(docs, jaccard_min=j, containment_min=c)
                grid[j][c] = pair_scores(docs, got, False)
        for j, row in grid.items():
            for c, (p, r) in row.items():
                rows.append({"metric": f"tune sweep J>={j} C>={c}: P / R", "value": f"{p:.4f} / {r:.4f}"})
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true")
    print_rows(run(parser.parse_args().sweep))
