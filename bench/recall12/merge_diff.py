"""Which gold entities of a development pool lose (or gain) merged pairs when some entity rules are
turned on (issue 11, ent12b): runs the pool with the rules off, then on, in one process, and prints
per gold entity the pairs of its matched mentions that share a system entity, before and after.

    python bench/recall12/merge_diff.py SET MODULE:FUNCTION [MODULE:FUNCTION ...]

A FUNCTION is made to answer False while off (FUNCTION=id: to return its mentions unchanged).
Never on held-out sets.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from linimasa.evaluate import real

HELD_OUT = {"test", "dev-extra-entities-11"}


def run(gold, paths, files):
    with tempfile.TemporaryDirectory() as tmp:
        docs = real.docs_from_export(real.run_current(paths, Path(tmp)), files)
    per: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for g in gold:
        d = docs.get(g.file)
        if d is None:
            continue
        mp = real.map_items(g, d, g.mentions, d.mentions)
        by_span = {(m["start"], m["end"]): m for m in mp.system}
        for x in mp.gold:
            m = by_span.get(x["sys_span"]) if x["sys_span"] else None
            if m is not None:
                per[(g.file, x["entity"])].append((m["entity"], x["text"]))
    return per


def both(items):
    return sum(n * (n - 1) // 2 for n in Counter(s for s, _ in items).values())


def main() -> None:
    name = sys.argv[1]
    if name in HELD_OUT:
        raise SystemExit("held-out set")
    gold_dir = real.default_gold_dir()
    gold = real.load_set(gold_dir, name)
    paths = [gold_dir / g.file for g in gold]
    files = {str(p): g.file for p, g in zip(paths, gold, strict=True)}
    keep = []
    for spec in sys.argv[2:]:
        mod_name, attr = spec.split(":")
        mod = importlib.import_module(mod_name)
        if attr.endswith("=id"):
            attr = attr[:-3]
            off = lambda text, mentions, *a, **k: mentions  # noqa: E731
        else:
            off = lambda *a, **k: False  # noqa: E731
        keep.append((mod, attr, getattr(mod, attr)))
        setattr(mod, attr, off)
    before = run(gold, paths, files)
    for mod, attr, f in keep:
        setattr(mod, attr, f)
    after = run(gold, paths, files)
    total = Counter()
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key, []), after.get(key, [])
        pb, pa = both(b), both(a)
        total["before"] += pb
        total["after"] += pa
        if pb != pa:
            forms_b = sorted(Counter(f"{t}@{s[:8]}" for s, t in b).items())
            forms_a = sorted(Counter(f"{t}@{s[:8]}" for s, t in a).items())
            print(f"{key[0].split('/')[-1][:32]}\t{key[1]}\t{pb} -> {pa}\t{forms_b}\t=>\t{forms_a}")
    print(dict(total))


if __name__ == "__main__":
    main()
