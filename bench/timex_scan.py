"""Benchmark: the timex stage's CPU per article with rules tried only at their start keys
(`linimasa.timex.prefilter.finditer`) beside the same stage scanning every rule over the whole text
(`Pattern.finditer`), alternately in one run, on the raw articles `bench/throughput.py` reads.

    .venv/bin/python bench/timex_scan.py [--articles 300] [--rounds 5]   (results: bench/results/timex-scan.txt)

The articles go through the stages before timex once; each round then times the timex stage alone
over all of them, both ways, and checks that the two give the same timexes. The tagger keeps the
spans of the texts it tagged last (`tagger._FOUND`); each timing starts with that cache empty, as
the stage meets a new article.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "src"))

from throughput import raw_articles  # noqa: E402

from linimasa.ingest import ingest_bytes  # noqa: E402
from linimasa.pipeline import Pipeline  # noqa: E402
from linimasa.text.cache import TextCache  # noqa: E402
from linimasa.timex import tagger  # noqa: E402


def scan_all(regex: Any, text: str, low: Any) -> Any:
    """The previous way: the rule's own scan of the whole text."""
    del low
    return regex.finditer(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    pipe = Pipeline()
    blocks = {b.spec.name: b for b in pipe._article}
    names = list(blocks)
    timex = blocks["timex"]
    before = names[: names.index("timex")]
    articles = []
    for i, text in enumerate(raw_articles(args.articles)):
        a = ingest_bytes(text.encode(), f"a{i}")
        for name in before:
            a = blocks[name].fn(a)
        articles.append(a)
    keyed = tagger.finditer
    spent = {"start keys": 0.0, "whole scan": 0.0}
    outputs: dict[str, list[Any]] = {}
    for _ in range(args.rounds):
        for label, fn in (("whole scan", scan_all), ("start keys", keyed)):
            tagger.finditer = fn  # type: ignore[assignment]
            tagger._FOUND = TextCache(tagger._FOUND.max_chars)
            t = time.process_time()
            got = [timex.fn(a) for a in articles]
            spent[label] += time.process_time() - t
            outputs[label] = [(g.timexes, g.published) for g in got]
    tagger.finditer = keyed  # type: ignore[assignment]
    same = outputs["start keys"] == outputs["whole scan"]
    n = len(articles) * args.rounds
    for label, s in spent.items():
        print(f"{label}: {1000 * s / n:.2f} ms/article (timex stage CPU, {len(articles)} articles x {args.rounds})")
    print(f"ratio start keys / whole scan: {spent['start keys'] / spent['whole scan']:.2f}; same output: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
