"""Benchmark: the corpus linking (duplicates, entities, events, stories, timeline) is incremental.

    .venv/bin/python bench/link.py [--base 10000] [--add 1000] [--workers N] [--quick]
        [--scratch run|bound] [--repeats 3] [--json FILE]

(a) CPU time (whole `linimasa run` process tree) to add `--add` articles to a store that already
    holds `--base`, beside the CPU time to process the same `--base + --add` articles from scratch
    into an empty store, in one run. The issue's aim: the first well under a tenth of the second.
    The add is made `--repeats` times, each on its own copy of the grown store, and the median run
    is the figure (all are listed): a short step is the one a busy machine throws off most.
    `--scratch bound` skips the from-scratch run (at full size the longest step: about as long as
    the build) and divides by the build of `--base` from empty instead, which costs less than the
    `--base + --add` from scratch: the ratio it gives is an upper bound of the true one, and is
    labelled so. Each step's figures are written to `--json` as soon as it ends, so a run stopped
    half-way keeps what it measured.
    The corpus stages alone (dating, duplicates, entities, events, stories, timeline: the part that
    relates new articles to the store) are reported for each step too (`corpus_stages`: CPU in all,
    per stage, per article), from the line `linimasa -v run` logs after them: the add's corpus
    stages cost no more than its own articles' share when their ms per article is the build's.
    The floor: any pipeline whose work is linear in the articles gives add / from scratch =
    add / (base + add) (1,000 / 11,000 = 0.091), never less: read the ratios against it (`floor`).
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
import re
import sqlite3
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


CORPUS_LINE = re.compile(r"corpus stages: (\d+) articles, ([\d.]+) CPU-s \((.*)\)")


def corpus_cpu(log: Path) -> dict[str, object] | None:
    """The corpus stages' CPU as the run logged it (`linimasa -v run`): total, per stage, per article."""
    found = CORPUS_LINE.findall(log.read_text(encoding="utf-8", errors="replace")) if log.exists() else []
    if not found:
        return None
    n, total, parts = found[-1]
    stages = {name: float(v) for name, v in (p.rsplit(" ", 1) for p in parts.split(", ") if p)}
    return {"articles": int(n), "cpu_s": float(total), "ms_per_article": round(1000 * float(total) / int(n), 1),
            "stages": stages}


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
    ap.add_argument("--repeats", type=int, default=3,
                    help="add to this many copies of the grown store; the median run is the figure (default 3)")
    args = ap.parse_args(argv)
    if args.repeats < 1:
        ap.error("--repeats must be at least 1")
    base, add = (1_000, 100) if args.quick else (args.base, args.add)
    data = Path(args.data)
    data = data / "news-id-raw-scrape-2025" if (data / "news-id-raw-scrape-2025").exists() else data
    pool, n_real = inc.build_pool(data, base + add, seed=20250618)
    out: dict[str, object] = {"base": base, "add": add, "real_articles": min(n_real, base + add)}
    out["minhash"] = minhash_throughput(pool[:1000])
    print(f"minhash: {out['minhash']}", flush=True)
    out["scratch_mode"] = args.scratch
    out["floor"] = round(add / (base + add), 3)
    out["floor_note"] = (f"a pipeline whose work is linear in the articles gives add / from-scratch = "
                         f"{add:,} / {base + add:,} = {add / (base + add):.3f}")
    verbose = ("-v",)  # the corpus stages' CPU line

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
        build = inc.run_cli(f"build {base}", [base_dir], base, grown, args.workers, logs / "build.log", verbose)
        out["build_cpu_s"] = round(build.cpu_s, 1)
        corpus: dict[str, object] = {"build": corpus_cpu(logs / "build.log")}
        out["corpus_stages"] = corpus
        save()
        # The add is one short step beside a long one: on a shared machine one run of it can be off by
        # a tenth. It is repeated on copies of the grown store (each add starts from the same
        # 10,000) and the median run is the figure; every run is listed.
        adds = []
        for k in range(args.repeats):
            db = work / f"add{k}.db"
            _copy_store(grown, db)
            run = inc.run_cli(f"add {add} to {base} (#{k + 1})", [add_dir], add, db, args.workers,
                              logs / f"add{k}.log", verbose)
            adds.append((run.cpu_s, k, run, corpus_cpu(logs / f"add{k}.log")))
            if k + 1 < args.repeats:
                db.unlink()
        _, _, incr, add_corpus = sorted(adds, key=lambda x: x[:2])[len(adds) // 2]
        out["add_runs_cpu_s"] = [round(a[0], 1) for a in adds]
        out["add_cpu_s"] = round(incr.cpu_s, 1)
        out["add_vs_build"] = round(incr.cpu_s / build.cpu_s, 3)
        out["stored"] = {"grown": incr.stored_after}
        corpus["add_runs_cpu_s"] = [a[3]["cpu_s"] if a[3] else None for a in adds]
        corpus["add"] = add_corpus
        corpus["add_vs_build"] = _ratio(corpus["add"], corpus["build"])
        save()
        if args.scratch == "run":
            scratch = inc.run_cli(f"{base + add} from scratch", [base_dir, add_dir], base + add,
                                  work / "scratch.db", args.workers, logs / "scratch.log", verbose)
            out["scratch_cpu_s"] = round(scratch.cpu_s, 1)
            out["add_vs_scratch"] = round(incr.cpu_s / scratch.cpu_s, 3)
            out["stored"] = {"grown": incr.stored_after, "scratch": scratch.stored_after}
            corpus["scratch"] = corpus_cpu(logs / "scratch.log")
            corpus["add_vs_scratch"] = _ratio(corpus["add"], corpus["scratch"])
        else:
            out["note"] = (f"no from-scratch run: add_vs_build (add / build of {base} from empty) is an upper "
                           f"bound of add / {base + add} from scratch")
    print(json.dumps(out, indent=1))
    save()
    return 0


def _copy_store(src: Path, dst: Path) -> None:
    """A consistent copy of an SQLite store (its write-ahead log folded in), through SQLite's backup."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def _ratio(a: object, b: object) -> float | None:
    if isinstance(a, dict) and isinstance(b, dict) and b["cpu_s"]:
        return round(a["cpu_s"] / b["cpu_s"], 3)
    return None


if __name__ == "__main__":
    sys.exit(main())
