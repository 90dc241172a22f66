"""Benchmark: CPU of `glue_seams` and `entities.rules.tokenise` beside a git ref's copies, same inputs.

    .venv/bin/python bench/glue_tokenise.py [--articles 500] [--ref main] [--rounds 3]

Runs the article stages over N raw articles (`throughput.raw_articles`) once, recording every text the
entity stage hands to `glue_seams` and to `tokenise`, then times this checkout's two functions and
REF's (the two modules read from git history and loaded beside the installed package) on exactly those
inputs, best of ROUNDS, and checks that both give the same results. No timing is asserted: the
ratio between the two versions in one run is what carries.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, raw_articles


def _module_at(ref: str, path: str, name: str, folder: Path) -> ModuleType:
    """The module at ``path`` as it stood at ``ref``, loaded under ``name`` (it imports the package)."""
    source = subprocess.run(["git", "show", f"{ref}:{path}"], cwd=ROOT, check=True, capture_output=True,
                            text=True).stdout
    file = folder / f"{name}.py"
    file.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _inputs(texts: list[str]) -> tuple[list[tuple[Any, ...]], list[str]]:
    """The arguments of every `glue_seams` and `tokenise` call the article stages make on ``texts``."""
    import linimasa.entities as entities
    from linimasa.ingest import ingest_bytes
    from linimasa.pipeline import Pipeline

    glued: list[tuple[Any, ...]] = []
    tokenised: list[str] = []
    real_glue, real_tokenise = entities.glue_seams, entities.tokenise

    def glue(*args: Any) -> list[int]:
        glued.append(args)
        return real_glue(*args)

    def tokenise(text: str) -> Any:
        tokenised.append(text)
        return real_tokenise(text)

    entities.glue_seams, entities.tokenise = glue, tokenise  # type: ignore[assignment]
    try:
        pipe = Pipeline()
        for i, text in enumerate(texts):
            pipe.process_article(ingest_bytes(text.encode(), f"a{i}"))
    finally:
        entities.glue_seams, entities.tokenise = real_glue, real_tokenise
    return glued, tokenised


def _best(fn: Any, calls: list[tuple[Any, ...]], rounds: int) -> tuple[float, list[Any]]:
    """The least CPU seconds of ``rounds`` passes over ``calls``, and the last pass's results. The
    collector is off while a pass runs: the other version's results, kept for the comparison, would
    otherwise make whichever runs second pay for scanning them."""
    best, out = float("inf"), []
    for _ in range(rounds):
        out = []
        gc.collect()
        gc.disable()
        try:
            t = time.process_time()
            out = [fn(*args) for args in calls]
            best = min(best, time.process_time() - t)
        finally:
            gc.enable()
    return best, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--ref", default="main")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    from linimasa.entities import rules
    from linimasa.text import seams

    glued, tokenised = _inputs(raw_articles(args.articles))
    with tempfile.TemporaryDirectory(prefix="linimasa-glue-") as tmp:
        old_seams = _module_at(args.ref, "src/linimasa/text/seams.py", "ref_seams", Path(tmp))
        old_rules = _module_at(args.ref, "src/linimasa/entities/rules.py", "ref_rules", Path(tmp))
    print(f"{len(glued)} glue_seams calls, {len(tokenised)} tokenise calls")
    same = True
    for name, new, old, calls in (("glue_seams", seams.glue_seams, old_seams.glue_seams, glued),
                                  ("tokenise", rules.tokenise, old_rules.tokenise,
                                   [(t,) for t in tokenised])):
        old_s, old_out = _best(old, calls, args.rounds)
        new_s, new_out = _best(new, calls, args.rounds)
        same_here = [[tuple(x) for x in o] if name == "tokenise" else o for o in old_out] == \
            [[tuple(x) for x in o] if name == "tokenise" else o for o in new_out]
        same = same and same_here
        print(f"{name:<11} {args.ref}: {old_s:.3f} s  this: {new_s:.3f} s  ratio {new_s / old_s:.2f}  "
              f"outputs {'identical' if same_here else 'DIFFER'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
