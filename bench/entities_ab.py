"""Benchmark: the entities stage of this checkout beside REF's, in one process, interleaved.

    .venv/bin/python bench/entities_ab.py --ref REF [--articles 500] [--rounds 6] [--chunk 20]

On a shared machine the CPU time of the same code moves by 10-20% between runs, more than most
speed changes save. So both versions run in one process on the same articles, alternating every
``--chunk`` articles (the order swapped each chunk), and each round reports the ratio of their CPU
seconds: a change of load falls on both alike.

The articles are bench/throughput.py's raw ones, taken through this checkout's stages before
entities once. REF's `src` comes from `git archive`; each version's `linimasa` modules are swapped
into `sys.modules` before it runs (the stage's functions keep their own modules' globals). Each
round starts with the NER model's sentence cache empty, as one pass of a fresh run has it. Every
round hashes every article's mentions (all fields, the model's scores included) of both versions:
"same output" says whether they were equal throughout. No timing is asserted.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from throughput import ROOT, raw_articles

Modules = dict[str, ModuleType]


def _ours(name: str) -> bool:
    return name == "linimasa" or name.startswith("linimasa.")


def _use(modules: Modules) -> None:
    """Make ``modules`` the `linimasa` package that imports see."""
    for name in [n for n in sys.modules if _ours(n)]:
        del sys.modules[name]
    sys.modules.update(modules)


def _load(src: Path) -> tuple[Callable[[Any], Any], Modules]:
    """The entities stage of the `linimasa` under ``src`` (default options) and its modules."""
    _use({})
    sys.path.insert(0, str(src))
    try:
        import linimasa.entities as entities

        stage = entities.make_entities()
    finally:
        sys.path.remove(str(src))
    return stage, {n: m for n, m in sys.modules.items() if _ours(n)}


def _digest(articles: list[Any]) -> str:
    h = hashlib.sha256()
    for a in articles:
        h.update(repr([(m.start, m.end, m.text, m.type, m.entity, m.source, m.score, m.key, m.role)
                       for m in a.mentions]).encode())
    return h.hexdigest()[:12]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", required=True, help="git ref whose entities stage to compare with")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--chunk", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="linimasa-entities-ab-") as tmp_s:
        tmp = Path(tmp_s)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref, "src"], check=True,
                                 capture_output=True).stdout
        (tmp / "ref.tar").write_bytes(archive)
        with tarfile.open(tmp / "ref.tar") as tar:
            tar.extractall(tmp / "ref", filter="data")
        sides = {"ref": _load(tmp / "ref" / "src"), "this": _load(ROOT / "src")}
        _use(sides["this"][1])
        from linimasa.ingest import ingest_bytes
        from linimasa.pipeline import Pipeline

        pipe = Pipeline()
        before = pipe._article[: [b.spec.name for b in pipe._article].index("entities")]
        prepared = []
        for i, text in enumerate(raw_articles(args.articles)):
            a = ingest_bytes(text.encode(), f"a{i}")
            for b in before:
                a = b.fn(a)
            prepared.append(a)

        def run(side: str, items: list[Any]) -> float:
            stage, modules = sides[side]
            _use(modules)
            t = time.process_time()
            for a in items:
                stage(a)
            return time.process_time() - t

        for side in sides:  # the model's load and first tables, outside the rounds
            run(side, [copy.deepcopy(a) for a in prepared])
        totals: dict[str, list[float]] = {side: [] for side in sides}
        digests: dict[str, set[str]] = {side: set() for side in sides}
        for r in range(args.rounds):
            work = {side: [copy.deepcopy(a) for a in prepared] for side in sides}
            for _stage, modules in sides.values():
                recogniser = modules["linimasa.entities"]._MODEL_STATE.get("rec")
                if recogniser is not None:
                    recogniser._tagged.clear()
            spent = dict.fromkeys(sides, 0.0)
            for k, at in enumerate(range(0, len(prepared), args.chunk)):
                for side in (("ref", "this") if (k + r) % 2 == 0 else ("this", "ref")):
                    spent[side] += run(side, work[side][at : at + args.chunk])
            for side in sides:
                totals[side].append(spent[side])
                digests[side].add(_digest(work[side]))
            print(f"round {r}: {args.ref} {spent['ref']:.3f} CPU-s, this checkout {spent['this']:.3f} CPU-s, "
                  f"ratio {spent['this'] / spent['ref']:.3f}", flush=True)
    ratios = [t / b for t, b in zip(totals["this"], totals["ref"], strict=True)]
    print(f"{len(prepared)} articles, {args.rounds} rounds: this / {args.ref} per round "
          + ", ".join(f"{x:.3f}" for x in ratios)
          + f"; median {statistics.median(ratios):.3f}, ratio of the best rounds "
          f"{min(totals['this']) / min(totals['ref']):.3f}")
    same = digests["ref"] == digests["this"] and len(digests["this"]) == 1
    print("same output:", "yes" if same else f"NO ({sorted(digests['ref'])} vs {sorted(digests['this'])})")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
