"""What `entities/recall.py` changes on a development pool, mention by mention, judged against gold.

    python bench/recall11/pool_diff.py SET [MODULE:FUNCTION]   # e.g. dev+extras1-8,10 or en+en2

Runs the pool twice in one process (the step off, then on: by default `settle_recall`; with
MODULE:FUNCTION, that predicate made to answer False, e.g.
linimasa.entities.rules:_company_initials_fit, or FUNCTION=id for a step that
returns its mentions) and prints every system mention one run
has and the other lacks, marked `ok` where the gold has that span and type, with the counts. Never run
it on a held-out set (test, dev-extra-entities-11).
"""

from __future__ import annotations

import importlib
import sys
import tempfile
from collections import Counter
from pathlib import Path

import linimasa.entities as ent
from linimasa.evaluate import real

HELD_OUT = {"test", "dev-extra-entities-11"}


def run(gold: list, paths: list[Path], files: dict[str, str]) -> dict[str, set]:
    with tempfile.TemporaryDirectory() as tmp:
        docs = real.docs_from_export(real.run_current(paths, Path(tmp)), files)
    out = {}
    for g in gold:
        d = docs.get(g.file)
        mp = real.map_items(g, d, g.mentions, d.mentions if d else [])
        gold_spans = {(x["sys_span"], x["type"]) for x in mp.gold if x["sys_span"]}
        text = d.text if d else ""
        out[g.file] = {(m["start"], m["end"], m["text"], m["type"], ((m["start"], m["end"]), m["type"]) in gold_spans,
                        text[max(0, m["start"] - 40) : m["end"] + 30].replace("\n", " "))
                       for m in mp.system}
    return out


def main() -> None:
    name = sys.argv[1]
    if name in HELD_OUT:
        raise SystemExit("held-out set: not scored here")
    gold_dir = real.default_gold_dir()
    gold = real.load_set(gold_dir, name)
    paths = [gold_dir / g.file for g in gold]
    files = {str(p): g.file for p, g in zip(paths, gold, strict=True)}
    if len(sys.argv) > 2:
        mod_name, attr = sys.argv[2].split(":")
        mod = importlib.import_module(mod_name)
        if attr.endswith("=id"):  # a step that returns its mentions: made to return them unchanged
            attr = attr[:-3]
            off = lambda text, mentions, *a, **k: mentions  # noqa: E731
        else:
            off = lambda *a, **k: False  # noqa: E731
    else:
        mod, attr = ent, "settle_recall"
        off = lambda text, mentions, language, gazetteer: mentions  # noqa: E731
    keep = getattr(mod, attr)
    setattr(mod, attr, off)
    before = run(gold, paths, files)
    setattr(mod, attr, keep)
    after = run(gold, paths, files)
    count: Counter = Counter()
    for f in sorted(before):
        for m in sorted(before[f] - after[f]):
            print(f"{f}\t-\t{m[2]!r}\t{m[3]}\t{'ok' if m[4] else 'wrong'}\t{m[5]}")
            count["removed ok" if m[4] else "removed wrong"] += 1
        for m in sorted(after[f] - before[f]):
            print(f"{f}\t+\t{m[2]!r}\t{m[3]}\t{'ok' if m[4] else 'wrong'}\t{m[5]}")
            count["added ok" if m[4] else "added wrong"] += 1
    print(dict(count))


if __name__ == "__main__":
    main()
