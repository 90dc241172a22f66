"""Benchmark: does a new article's corpus work grow with the store? Per stage, in one run.

    .venv/bin/python bench/corpus_scaling.py [--sizes 1000,3000,6000] [--add 200] [--repeat 1]
        [--workers N] [--keep DIR] [--stores DIR] [--json FILE]

The same `--add` articles are added (`linimasa -v run`, through the CLI) to a copy of a store that
holds each of `--sizes` articles, and the corpus stages' CPU time per added article is read, per
stage (dating, duplicates, entities, events, stories, timeline), from the line `linimasa -v run`
logs after them (as bench/link.py reads it). A stage whose work for a new article depends on the
article and the few stored items it shares a key with costs the same at every size: the figure to
read is `growth`, largest / smallest store, per stage and in all (1.0 is flat; the noise of a
loaded machine is about +-10% on 200 articles, more on the smaller stages).

Inputs are bench/link.py's (bench/incremental.py's `build_pool`, the same seed): the distinct raw
articles of news-id-raw-scrape-2025, made up to the largest size + `--add` by splicing paragraphs
of articles of the same day. The store is built once, grown from one size to the next, and each
add runs on a copy of it, so the build costs the largest size once. `--repeat N` adds the same
articles N times (each on a fresh copy) and keeps each stage's least CPU time (the least disturbed
by other work). `--keep DIR` keeps the grown stores (`store-<size>.db`) and the add folder;
`--stores DIR` reuses such kept stores instead of building them (the stores must then have been
built from these sizes and this seed; a store of an older schema is migrated when opened, so the
same stores serve a before/after comparison). No timing is asserted: machines differ, ratios carry.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import incremental as inc  # the same inputs and the same way of running the CLI
import link  # the corpus stages' CPU line

STAGES = ("dating", "duplicates", "entities", "events", "stories", "timeline")


def _least(runs: list[dict[str, object]]) -> dict[str, object]:
    """Each stage's least CPU time over repeated adds of the same articles, as ms per article."""
    n = int(runs[0]["articles"])  # type: ignore[call-overload]
    stages = {s: min(float(r["stages"].get(s, 0.0)) for r in runs) for s in STAGES}  # type: ignore[union-attr]
    total = min(float(r["cpu_s"]) for r in runs)  # type: ignore[arg-type]
    return {"articles": n, "ms_per_article": round(1000 * total / n, 2),
            "stages_ms_per_article": {s: round(1000 * v / n, 2) for s, v in stages.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,3000,6000")
    ap.add_argument("--add", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    ap.add_argument("--keep", help="keep the grown stores and the add folder here")
    ap.add_argument("--stores", help="reuse the stores a run with --keep left here")
    ap.add_argument("--label", default="", help="a note saved with the figures (the code measured)")
    ap.add_argument("--json", help="also write the figures to this file (after each size)")
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    data = Path(args.data)
    data = data / "news-id-raw-scrape-2025" if (data / "news-id-raw-scrape-2025").exists() else data
    top = sizes[-1]
    pool, n_real = inc.build_pool(data, top + args.add, seed=20250618)
    out: dict[str, object] = {"label": args.label, "sizes": sizes, "add": args.add, "repeat": args.repeat,
                              "real_articles": min(n_real, top + args.add), "by_size": {}}
    by_size: dict[str, object] = out["by_size"]  # type: ignore[assignment]

    def save() -> None:
        if args.json:
            Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="linimasa-scaling-") as tmp:
        work = Path(tmp)
        keep = Path(args.keep) if args.keep else None
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
        add_dir = inc.write_folder((keep or work) / "add", pool[top:], top)
        logs = work / "logs"
        logs.mkdir()
        grown = work / "grown.db"
        have = 0
        for size in sizes:
            if args.stores:
                inc.copy_store(Path(args.stores) / f"store-{size}.db", grown)
            else:
                step = inc.write_folder(work / f"base-{size}", pool[have:size], have)
                inc.run_cli(f"grow to {size}", [step], size - have, grown, args.workers,
                            logs / f"grow-{size}.log")
                shutil.rmtree(step)
                if keep:
                    inc.copy_store(grown, keep / f"store-{size}.db")
            have = size
            runs = []
            for r in range(args.repeat):
                copy = work / "add.db"
                inc.drop_store(copy)
                inc.copy_store(grown, copy)
                log = logs / f"add-{size}-{r}.log"
                inc.run_cli(f"add {args.add} to {size}", [add_dir], args.add, copy, args.workers, log, ("-v",))
                got = link.corpus_cpu(log)
                if got is None:
                    raise SystemExit(f"no corpus stages line in {log}: {log.read_text()[-2000:]}")
                runs.append(got)
            by_size[str(size)] = _least(runs)
            print(f"{size:>6}: {by_size[str(size)]}", flush=True)
            save()
    first, last = by_size[str(sizes[0])], by_size[str(top)]
    out["growth"] = {  # largest store / smallest, per added article
        "all": _div(last["ms_per_article"], first["ms_per_article"]),  # type: ignore[index]
        **{s: _div(last["stages_ms_per_article"][s], first["stages_ms_per_article"][s])  # type: ignore[index]
           for s in STAGES},
    }
    print(json.dumps(out, indent=1))
    save()
    return 0


def _div(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


if __name__ == "__main__":
    sys.exit(main())
