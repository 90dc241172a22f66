"""Benchmark: the whole `linimasa run` of this checkout beside REF's, runs interleaved.

    .venv/bin/python bench/pipeline_ab.py --ref REF [--articles 500] [--pairs 4]

On a shared machine the CPU time of the same run moves by 10-20% from one minute to the next, more
than most speed changes save, and `bench/throughput.py` runs each version once. Here both versions
run `linimasa run FOLDER --workers 1 -q` into a fresh database ``--pairs`` times each, alternating
(the order swapped every pair), so a change of load falls on both alike; each pair gives the ratio of
the two runs' CPU seconds (user + system of the child process: startup, every stage, the store).

REF's `src` comes from `git archive` and runs from this virtualenv with `PYTHONPATH` pointing at it
(both versions' modules compiled first, so neither pays for compiling). No timing is asserted: the
median ratio is what carries (below 1: this checkout is faster).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from throughput import ROOT, raw_articles, timed, write_inputs


def _extract(ref: str, where: Path) -> Path:
    """REF's `src` folder under ``where``, its modules compiled."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], check=True,
                             capture_output=True).stdout
    (where / "ref.tar").write_bytes(archive)
    with tarfile.open(where / "ref.tar") as tar:
        tar.extractall(where / "ref", filter="data")
    src = where / "ref" / "src"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src / "linimasa")], check=True)
    return src


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", required=True, help="git ref to compare with")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--pairs", type=int, default=4)
    args = ap.parse_args()
    texts = raw_articles(args.articles)
    with tempfile.TemporaryDirectory(prefix="linimasa-pipeline-ab-") as tmp_s:
        tmp = Path(tmp_s)
        folder = tmp / "in"
        write_inputs(texts, folder)
        ref_src = _extract(args.ref, tmp)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "linimasa")], check=True)
        envs = {"this": {**os.environ, "PYTHONPATH": str(ROOT / "src")},
                "ref": {**os.environ, "PYTHONPATH": str(ref_src)}}
        spent: dict[str, list[float]] = {"this": [], "ref": []}
        for k in range(args.pairs):
            for side in (("ref", "this") if k % 2 == 0 else ("this", "ref")):
                db = tmp / f"{side}-{k}.db"
                cpu, _wall = timed([sys.executable, "-m", "linimasa.cli", "run", str(folder), "--db", str(db),
                                    "--workers", "1", "-q"], cwd=tmp, env=envs[side])
                spent[side].append(cpu)
                for p in tmp.glob(f"{side}-{k}.db*"):
                    p.unlink()
            print(f"pair {k}: {args.ref} {spent['ref'][-1]:.2f} CPU-s, this checkout {spent['this'][-1]:.2f} CPU-s, "
                  f"ratio {spent['this'][-1] / spent['ref'][-1]:.3f}", flush=True)
    ratios = [t / r for t, r in zip(spent["this"], spent["ref"], strict=True)]
    print(f"{len(texts)} articles, {args.pairs} pairs: this / {args.ref} median {statistics.median(ratios):.3f}, "
          f"ratio of the sums {sum(spent['this']) / sum(spent['ref']):.3f}, of the best runs "
          f"{min(spent['this']) / min(spent['ref']):.3f}; this checkout "
          f"{len(texts) / min(spent['this']):.1f} articles per CPU-second at best")
    return 0


if __name__ == "__main__":
    sys.exit(main())
