"""Benchmark: the CPU seconds of chosen functions within one `linimasa run`, without a profiler.

    .venv/bin/python bench/function_cpu.py [--articles 500] MODULE:FUNCTION [MODULE:CLASS.METHOD ...]

e.g. ``linimasa.entities.ner:Recogniser.tag linimasa.timex.dating:neighbours``.

Why not cProfile: its default timer is the wall clock (on a shared machine, other processes' time is
counted too), and its cost per call (a few microseconds) is charged to whatever calls many small
functions, which the tuned stages do millions of times: a profile of a 12 CPU-second run takes 25 to
45 seconds and puts dict.get and len on top. Here only the functions named are wrapped (a
`time.process_time` pair per call: pick functions called thousands of times, not millions), wherever
a module has bound them by name, and the run is `linimasa run FOLDER --workers 1 -q` in this process
on bench/throughput.py's raw articles. A function called inside another named one counts in both.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from throughput import raw_articles, write_inputs


def _timed(fn: Callable[..., Any], name: str, spent: Counter[str], calls: Counter[str]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started
            calls[name] += 1

    return wrapper


def _wrap(target: str, spent: Counter[str], calls: Counter[str]) -> int:
    """Wrap ``module:function`` (every module's binding of it) or ``module:Class.method``; how many
    bindings were replaced."""
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    if "." in attr:
        cls_name, method = attr.split(".", 1)
        cls = getattr(module, cls_name)
        setattr(cls, method, _timed(getattr(cls, method), target, spent, calls))
        return 1
    original = getattr(module, attr)
    wrapped = _timed(original, target, spent, calls)
    bound = 0
    for other in list(sys.modules.values()):
        names = getattr(other, "__dict__", None)
        if not names or getattr(other, "__name__", "") == "__main__":
            continue
        for key, value in list(names.items()):
            if value is original:
                names[key] = wrapped
                bound += 1
    return bound


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("targets", nargs="+", help="module:function or module:Class.method")
    args = ap.parse_args()
    import linimasa.cli as cli
    from linimasa.pipeline import registered

    registered()  # every stage module imported, so that their bindings can be replaced
    spent: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    for target in args.targets:
        if not _wrap(target, spent, calls):
            print(f"{target}: not bound in any module", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="linimasa-function-cpu-") as tmp_s:
        tmp = Path(tmp_s)
        write_inputs(raw_articles(args.articles), tmp / "in")
        started = time.process_time()
        cli.main(["run", str(tmp / "in"), "--db", str(tmp / "run.db"), "--workers", "1", "-q"])
        total = time.process_time() - started
    print(f"the run: {total:.2f} CPU-s")
    for target in args.targets:
        print(f"  {target:64} {spent[target]:7.2f} CPU-s {calls[target]:8d} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
