"""Benchmark: the corpus linking (duplicates, entities, events, stories, timeline) is incremental.

    .venv/bin/python bench/link.py [--base 10000] [--add 1000] [--workers N] [--quick]
        [--scratch run|bound] [--json FILE]

(a) CPU time (whole `linimasa run` process tree) to add `--add` articles to a store that already
    holds `--base`, beside the CPU time to process the same `--base + --add` articles from scratch
    into an empty store, in one run. The issue's aim: the first well under a tenth of the second.
    `--scratch bound` skips the from-scratch run (at full size the longest step: about as long as
    the build) and divides by the build of `--base` from empty instead, which costs less than the
    `--base + --add` from scratch: the ratio it gives is an upper bound of the true one, and is
    labelled so. Each step's figures are written to `--json` as soon as it ends, so a run stopped
    half-way keeps what it measured.
(b) MinHash throughput: articles/s of linimasa's signature (shingling + datasketch MinHash + LSH
    band hashes) beside datasketch alone on the same shingles (MinHash.update_batch), in one run.

Inputs are those of bench/incremental.py: the distinct raw articles of news-id-raw-scrape-2025
(about 3,500), made up to the size asked by splicing paragraphs of articles from the same day.
`--quick` uses 1,000 + 100. No timing is asserted anywhere: machines differ; ratios carry.
At full size on 2 cores the three steps take about twice the build of 10,000 (15-30 minutes,
depending on load); `--base 3000 --add 300` keeps the proportions in about a third of the time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import incremental as inc  # the same inputs and the same way of running the CLI


def minhash_throughput(texts: list[str]) -> dict[str, float]:
    from datasketch import MinHash

    from linimasa.link.duplicates import NUM_PERM, SEED, band_hashes, shingles, signature

    t = time.process_time()
    for text in texts:
        band_hashes(signature(text)[1])
    ours = time.process_time() - t
    prepared = [list(shingles(x)) for x in texts]
    t = time.process_time()
    for sh in prepared:
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        if sh:
            m.update_batch(sh)
    alone = time.process_time() - t
    return {"articles": len(texts), "linimasa_articles_per_s": round(len(texts) / ours, 1),
            "datasketch_alone_articles_per_s": round(len(texts) / alone, 1),
            "ratio": round(alone / ours, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=int, default=10_000)
    ap.add_argument("--add", type=int, default=1_000)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--quick", action="store_true", help="1,000 + 100 articles")
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    ap.add_argument("--scratch", choices=("run", "bound"), default="run",
                    help="run the from-scratch step (default), or bound the ratio by the build instead")
    ap.add_argument("--json", help="also write the figures to this file (after each step)")
    args = ap.parse_args(argv)
    base, add = (1_000, 100) if args.quick else (args.base, args.add)
    data = Path(args.data)
    data = data / "news-id-raw-scrape-2025" if (data / "news-id-raw-scrape-2025").exists() else data
    pool, n_real = inc.build_pool(data, base + add, seed=20250618)
    out: dict[str, object] = {"base": base, "add": add, "real_articles": min(n_real, base + add)}
    out["minhash"] = minhash_throughput(pool[:1000])
    print(f"minhash: {out['minhash']}", flush=True)
    out["scratch_mode"] = args.scratch

    def save() -> None:
        if args.json:
            Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="linimasa-link-") as tmp:
        work = Path(tmp)
        base_dir = inc.write_folder(work / "base", pool[:base], 0)
        add_dir = inc.write_folder(work / "add", pool[base:], base)
        logs = work / "logs"
        logs.mkdir()
        grown = work / "grown.db"
        build = inc.run_cli(f"build {base}", [base_dir], base, grown, args.workers, logs / "build.log")
        out["build_cpu_s"] = round(build.cpu_s, 1)
        save()
        incr = inc.run_cli(f"add {add} to {base}", [add_dir], add, grown, args.workers, logs / "add.log")
        out["add_cpu_s"] = round(incr.cpu_s, 1)
        out["add_vs_build"] = round(incr.cpu_s / build.cpu_s, 3)
        out["stored"] = {"grown": incr.stored_after}
        save()
        if args.scratch == "run":
            scratch = inc.run_cli(f"{base + add} from scratch", [base_dir, add_dir], base + add,
                                  work / "scratch.db", args.workers, logs / "scratch.log")
            out["scratch_cpu_s"] = round(scratch.cpu_s, 1)
            out["add_vs_scratch"] = round(incr.cpu_s / scratch.cpu_s, 3)
            out["stored"] = {"grown": incr.stored_after, "scratch": scratch.stored_after}
        else:
            out["note"] = (f"no from-scratch run: add_vs_build (add / build of {base} from empty) is an upper "
                           f"bound of add / {base + add} from scratch")
    print(json.dumps(out, indent=1))
    save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
