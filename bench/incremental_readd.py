"""Re-measure (a) of bench/incremental.py on stores it kept, alternating the sizes, when the one-shot
figures ran under uneven load (each size of (a) is measured once there, minutes apart).

    .venv/bin/python bench/incremental_readd.py KEEP_DIR [--small 500] [--repeat 3] [--json FILE]

KEEP_DIR is a `bench/incremental.py --keep` folder: its inputs are reused, the small store is rebuilt
from `inputs/grow_to_<small>` (cheap), the large one is `stores/store.db` (the largest size). Each
round adds `inputs/add_<n>` to a fresh copy of each store, small then large, so both see the same
load; the figure is the median per size and their ratio. Same CLI and CPU accounting as the bench.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import incremental as inc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("keep", type=Path)
    ap.add_argument("--small", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    keep = args.keep.resolve()
    adds = sorted((keep / "inputs").glob("add_[0-9]*"))
    if not adds:
        ap.error(f"{keep}: no inputs/add_<n> folder")
    add_dir = adds[0]
    n_add = len(list(add_dir.glob("*.txt")))
    work = keep / "readd"
    work.mkdir(exist_ok=True)
    small = work / f"store_{args.small}.db"
    inc.drop_store(small)
    inc.run_cli(f"build_0_to_{args.small}", [keep / "inputs" / f"grow_to_{args.small}"], args.small, small, None,
                work / "build.log")
    large = keep / "stores" / "store.db"
    large_n = inc.stored_articles(large)
    cpu: dict[str, list[float]] = {"small": [], "large": []}
    for i in range(args.repeat):
        for name, src, size in (("small", small, args.small), ("large", large, large_n)):
            copy = work / f"copy_{name}.db"
            inc.drop_store(copy)
            inc.copy_store(src, copy)
            r = inc.run_cli(f"add_{n_add}_to_{size} #{i + 1}", [add_dir], n_add, copy, None, work / f"{name}.log")
            cpu[name].append(r.cpu_s)
            inc.drop_store(copy)
    out = {"small": args.small, "large": large_n, "add": n_add, "cpu_s": cpu,
           "median_small": statistics.median(cpu["small"]), "median_large": statistics.median(cpu["large"])}
    out["ratio"] = out["median_large"] / out["median_small"]
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
