"""Benchmark: wall time of `linimasa run` with one worker and with two, by batch size.

    .venv/bin/python bench/workers.py [--sizes 20,100,500] [--repeat 2] [--json OUT]

Writes the first N real raw articles of ../shared/data/news-id-raw-scrape-2025 (as `bench/throughput.py`
does) to a folder for each size N, and runs `linimasa run FOLDER --db FRESH.db -q` on it with
`--workers 1` and `--workers 2`, alternating, `--repeat` times each; a last run per size names no
`--workers` (the default choice, `linimasa.batch.default_workers`: one below `PARALLEL_MIN_BATCH`
articles, and no more than the CPUs the load average leaves free). It reports the median wall time of
each configuration (what a user waits: more workers spend more CPU in all, to finish sooner), the
ratio two workers / one worker (below 1: two are faster), the CPU time beside it, and the load
average of the machine before and after each size: on a shared machine, a load above its CPU count
makes two workers slower, and it is what the default reads to choose fewer workers. No timing is
asserted: this measures where the default should lie.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import raw_articles, timed, write_inputs  # the same articles, written the same way


def _run(folder: Path, db: Path, workers: int | None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its workers) of one `linimasa run`."""
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    cmd = [sys.executable, "-m", "linimasa.cli", "run", str(folder), "--db", str(db), "-q"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    cpu, wall = timed(cmd, cwd=folder.parent)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="20,100,500", help="batch sizes, comma-separated")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each configuration (median reported)")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    texts = raw_articles(max(sizes))
    if len(texts) < max(sizes):
        print(f"only {len(texts)} articles found", file=sys.stderr)
        return 2
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    from linimasa.batch import PARALLEL_MIN_BATCH, default_workers

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="linimasa-workers-") as tmp_s:
        tmp = Path(tmp_s)
        for n in sizes:
            folder = tmp / f"in{n}"
            write_inputs(texts[:n], folder)
            load_before = os.getloadavg()
            walls: dict[int, list[float]] = {1: [], 2: []}
            cpus_used: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for w in (1, 2):
                    wall, cpu = _run(folder, tmp / "bench.db", w)
                    walls[w].append(wall)
                    cpus_used[w].append(cpu)
            chosen = default_workers(n)  # what the default run below picks, at this load
            default_wall, _ = _run(folder, tmp / "bench.db", None)
            load_after = os.getloadavg()
            one, two = statistics.median(walls[1]), statistics.median(walls[2])
            row = {
                "articles": n,
                "wall_s_1_worker": round(one, 2),
                "wall_s_2_workers": round(two, 2),
                "ratio_2_over_1": round(two / one, 2),
                "cpu_s_1_worker": round(statistics.median(cpus_used[1]), 2),
                "cpu_s_2_workers": round(statistics.median(cpus_used[2]), 2),
                "wall_s_default": round(default_wall, 2),
                "default_workers": chosen,
                "load_average_before": [round(x, 2) for x in load_before],
                "load_average_after": [round(x, 2) for x in load_after],
                "runs": {"1": [round(x, 2) for x in walls[1]], "2": [round(x, 2) for x in walls[2]]},
            }
            rows.append(row)
            print(f"{n:5} articles: 1 worker {one:6.2f} s, 2 workers {two:6.2f} s (ratio {two / one:.2f}); "
                  f"default ({row['default_workers']} worker(s)) {default_wall:6.2f} s; "
                  f"load average {load_before[0]:.2f} -> {load_after[0]:.2f}", flush=True)
    print(f"CPUs this process may use: {cpus}; one worker below {PARALLEL_MIN_BATCH} articles by default")
    if args.json:
        doc = {"cpus": cpus, "parallel_min_batch": PARALLEL_MIN_BATCH, "repeat": args.repeat, "sizes": rows}
        Path(args.json).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
