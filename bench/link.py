"""Benchmark: the corpus linking (duplicates, entities, events, stories, timeline) is incremental.

    .venv/bin/python bench/link.py [--base 10000] [--add 1000] [--workers N] [--quick] [--json FILE]

(a) CPU time (whole `linimasa run` process tree) to add `--add` articles to a store that already
    holds `--base`, beside the CPU time to process the same `--base + --add` articles from scratch
    into an empty store, in one run. The issue's aim: the first well under a tenth of the second.
(b) MinHash throughput: articles/s of linimasa's signature (shingling + datasketch MinHash + LSH
    band hashes) beside datasketch alone on the same shingles (MinHash.update_batch), in one run.

Inputs are those of bench/incremental.py: the distinct raw articles of news-id-raw-scrape-2025
(about 3,500), made up to the size asked by splicing paragraphs of articles from the same day.
`--quick` uses 1,000 + 100. No timing is asserted anywhere: machines differ; ratios carry.
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
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    base, add = (1_000, 100) if args.quick else (args.base, args.add)
    data = Path(args.data)
    data = data / "news-id-raw-scrape-2025" if (data / "news-id-raw-scrape-2025").exists() else data
    pool, n_real = inc.build_pool(data, base + add, seed=20250618)
    out: dict[str, object] = {"base": base, "add": add, "real_articles": min(n_real, base + add)}
    out["minhash"] = minhash_throughput(pool[:1000])
    print(f"minhash: {out['minhash']}", flush=True)
    with tempfile.TemporaryDirectory(prefix="linimasa-link-") as tmp:
        work = Path(tmp)
        base_dir = inc.write_folder(work / "base", pool[:base], 0)
        add_dir = inc.write_folder(work / "add", pool[base:], base)
        logs = work / "logs"
        logs.mkdir()
        grown = work / "grown.db"
        build = inc.run_cli(f"build {base}", [base_dir], base, grown, args.workers, logs / "build.log")
        incr = inc.run_cli(f"add {add} to {base}", [add_dir], add, grown, args.workers, logs / "add.log")
        scratch = inc.run_cli(f"{base + add} from scratch", [base_dir, add_dir], base + add, work / "scratch.db",
                              args.workers, logs / "scratch.log")
    out["build_cpu_s"] = round(build.cpu_s, 1)
    out["add_cpu_s"] = round(incr.cpu_s, 1)
    out["scratch_cpu_s"] = round(scratch.cpu_s, 1)
    out["add_vs_scratch"] = round(incr.cpu_s / scratch.cpu_s, 3)
    out["stored"] = {"grown": incr.stored_after, "scratch": scratch.stored_after}
    print(json.dumps(out, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
