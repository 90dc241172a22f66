"""Benchmark: the events stage's cost beside the entities stage's and the whole article pipeline's.

    .venv/bin/python bench/events.py [--articles 300] [--json OUT]

Reads real raw articles from ../shared/data/news-id-raw-scrape-2025 (the first N rows of its CSV
files, as `linimasa run` would see their body text), runs every article stage of the default
pipeline on each with the stage's CPU time measured, and prints sentences/s of the entities and the
events stage, and the events stage's share of the per-article time of the whole pipeline. The issue's
aim: the events stage adds at most half again to the per-article time (share <= 0.33 of the total).
No timing is asserted anywhere: machines differ; the ratio is what carries between machines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from throughput import DATA, raw_articles  # the same raw articles as the throughput bench

from linimasa.model import Article
from linimasa.pipeline import Pipeline


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    texts = raw_articles(args.articles)
    if not texts:
        print(f"no articles under {DATA}", file=sys.stderr)
        return 2
    pipe = Pipeline()
    stages = pipe._article  # the built stages, in order
    spent = {b.spec.name: 0.0 for b in stages}
    sentences = 0
    for text in texts[:5]:  # warm-up: models and lexicons load once per process, outside the timing
        a = Article(id="w", source="w", raw=text)
        for b in stages:
            a = b.fn(a)
    for i, text in enumerate(texts):
        a = Article(id=hashlib.sha1(f"{i}{text}".encode()).hexdigest(), source=f"row{i}", raw=text)
        for b in stages:
            t = time.process_time()
            a = b.fn(a)
            spent[b.spec.name] += time.process_time() - t
        sentences += len(a.sentences)
    total = sum(spent.values())
    fig = {
        "articles": len(texts),
        "sentences": sentences,
        "cpu_s_per_stage": {k: round(v, 3) for k, v in spent.items()},
        "entities_sentences_per_s": round(sentences / spent["entities"], 1),
        "events_sentences_per_s": round(sentences / spent["events"], 1),
        "events_share_of_pipeline": round(spent["events"] / total, 3),
        "events_added_to_rest": round(spent["events"] / (total - spent["events"]), 3),
    }
    for k, v in fig.items():
        print(f"{k:28} {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(fig, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
