"""Benchmark: what one small run costs compared with starting the process at all.

    .venv/bin/python bench/startup.py [--repeat 5]

Runs, as a user would (a fresh subprocess each time): `python -c pass` (the interpreter alone),
`linimasa --version` (the CLI with nothing loaded) and `linimasa run ONE.txt --db FRESH.db -q` on one
bundled sample article into a new temporary database. Prints the median wall time of each and the
ratios run/--version and run/interpreter. The goal (issue: "a one-article run costs little more than
the process start") is a small run/--version ratio; models and word lists a run does not need must
not be loaded, and those it needs should load fast. No timing is asserted anywhere: machines differ.
For where the time goes, use `python -X importtime -m linimasa.cli ...` or cProfile.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = sorted((ROOT / "src" / "linimasa" / "sample").glob("*.txt"))[0]


def _cli() -> list[str]:
    """The installed `linimasa` script beside this interpreter if there is one (what users run), else
    `python -m linimasa.cli`."""
    script = Path(sys.executable).with_name("linimasa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "linimasa.cli"]


def _time(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run: CPU time is the steadier figure on a
    machine that other jobs share, wall time is what the user waits."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each command (median reported)")
    args = ap.parse_args(argv)
    cli = _cli()
    tmp = Path(tempfile.mkdtemp(prefix="linimasa-bench-"))
    try:
        interpreter, version, run = [], [], []
        for i in range(args.repeat):
            interpreter.append(_time([sys.executable, "-c", "pass"]))
            version.append(_time([*cli, "--version"]))
            run.append(_time([*cli, "run", str(SAMPLE), "--db", str(tmp / f"run{i}.db"), "-q", "--workers", "1"]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rows = (("python -c pass", interpreter), ("linimasa --version", version), ("linimasa run (1 article)", run))
    wall = {name: statistics.median(w for w, _ in v) for name, v in rows}
    cpu = {name: statistics.median(c for _, c in v) for name, v in rows}
    print(f"{args.repeat} runs each, medians; sample {SAMPLE.name}")
    print(f"  {'':<26}{'wall':>8}  {'cpu':>8}")
    for name, _ in rows:
        print(f"  {name:<26}{wall[name]:7.3f}s  {cpu[name]:7.3f}s")
    run_name = "linimasa run (1 article)"
    for label, base in (("run / --version", "linimasa --version"), ("run / interpreter", "python -c pass")):
        print(f"  {label:<26}{wall[run_name] / wall[base]:7.1f}x  {cpu[run_name] / cpu[base]:7.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
