"""Benchmark: the entities stage alone on ordinary text from 10 KB to 2 MB, read whole or in windows.

    .venv/bin/python bench/entity_window.py [--sizes 10,100,1000,2000] [--windows 0,100000] [--reps 4]

The texts are `bench/hostile.py`'s ordinary text (real bodies of news-id-raw-scrape-2025, every size
reading the same pool once), taken through the stages before "entities" once, outside the timing. Then
each size is read by the entities stage under each bound of `--windows` (`linimasa.entities.WINDOW`;
0: no bound, every text read whole, the stage before windows), the bounds and the sizes going round
`--reps` times, so that a spell of load on a shared machine falls on all of them alike; the figure is
each pair's fastest round (load adds time, never removes it), in CPU ms per KB.

Why beside hostile.py: that one times every stage of three median passes, and on a loaded machine
its passes differ by 10-20%, more than the difference windows make; here both bounds run in one
process, one after the other on the same prepared articles, and only the stage they change is timed.
"""

from __future__ import annotations

import argparse
import sys
import time

from hostile import real_bodies, windows

import linimasa.entities as entities
from linimasa.entities import ner
from linimasa.ingest import ingest_bytes
from linimasa.model import Article
from linimasa.pipeline import Pipeline, article_collections


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000,2000", help="KB sizes of ordinary text")
    ap.add_argument("--windows", default="0,100000", help="bounds to compare (characters; 0: none)")
    ap.add_argument("--reps", type=int, default=4, help="rounds over every size and bound; the fastest counts")
    args = ap.parse_args()
    ner.TAGGED_SENTENCES = 0  # as hostile.py: no repeat may reuse the tags of a sentence seen before
    sizes = [int(x) for x in args.sizes.split(",")]
    bounds = [int(x) for x in args.windows.split(",")]
    stages = Pipeline(corpus_stages=[])._article
    at = [b.spec.name for b in stages].index("entities")
    bodies = real_bodies(chars=max(sizes) * 1024)

    def prepared(text: str) -> Article:
        art = ingest_bytes(text.encode("utf-8"), "<bench>")
        for b in stages[:at]:
            art = b.fn(art)
        return art

    stages[at].fn(prepared("\n\n".join(bodies)))  # models, word lists and per-word caches, outside the timing
    texts = {s: [prepared(t) for t in windows(s * 1024, bodies)] for s in sizes}
    figures: dict[tuple[int, int], list[float]] = {}
    for _ in range(args.reps):
        for s in sizes:
            for w in bounds:
                entities.WINDOW = w or sys.maxsize
                spent = 0.0
                for art in texts[s]:
                    with article_collections():
                        start = time.process_time()
                        stages[at].fn(art)
                        spent += time.process_time() - start
                figures.setdefault((w, s), []).append(round(1000 * spent / (s * len(texts[s])), 2))
    for w in bounds:
        best = [min(figures[(w, s)]) for s in sizes]
        print(f"window {w or 'none':>7}: entities ms/KB at " + " / ".join(f"{s} KB" for s in sizes) + ": "
              + " / ".join(f"{b:.2f}" for b in best) + f"   largest/smallest {best[-1] / best[0]:.2f}"
              + "   rounds " + "  ".join(str(figures[(w, s)]) for s in sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
