"""Where each missed gold mention of a development pool was lost, step by step (issue 11, ent12b).

    python bench/recall12/trace.py SET [--out FILE]     # e.g. dev+extras1-8,10 or en+en2

Runs the pool once with every module-level function of the entity settling modules wrapped: a call
that takes a list of mentions (or one mention) and returns a list (or one mention) records which
(span, type) it had on the way in and not on the way out. For each gold mention the system misses
(exact span and type), it prints: the class (missed entirely / wrong span / wrong type), whether the
model tagged that span (with which type), and the innermost functions that removed or retyped it.
Never run it on a held-out set (test, dev-extra-entities-11).
"""

from __future__ import annotations

import functools
import inspect
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import linimasa.entities as ent
from linimasa.evaluate import real
from linimasa.model import Mention

HELD_OUT = {"test", "dev-extra-entities-11"}
MODULES = ["linimasa.entities", "linimasa.entities.settle", "linimasa.entities.precision",
           "linimasa.entities.recall", "linimasa.entities.english", "linimasa.entities.uses"]
SKIP = {"recognise", "_recognise", "make_entities", "default_recogniser", "named_once", "_runs", "_select",
        "_fields", "_overlaps", "_copy"}

STATE: dict = {"ctx": None, "depth": 0}
CTXS: dict[str, dict] = {}


def _keys(x):
    if isinstance(x, Mention):
        return {(x.start, x.end, x.type)}
    if isinstance(x, list) and x and all(isinstance(m, Mention) for m in x[:3]):
        return {(m.start, m.end, m.type) for m in x if isinstance(m, Mention)}
    if isinstance(x, list) and not x:
        return set()
    return None


def wrap(name, f):
    @functools.wraps(f)
    def inner(*args, **kw):
        ctx = STATE["ctx"]
        if ctx is None:
            return f(*args, **kw)
        ins = None
        for a in list(args) + list(kw.values()):
            k = _keys(a)
            if k is not None and (k or isinstance(a, list)):
                ins = k
                break
        STATE["depth"] += 1
        try:
            out = f(*args, **kw)
        finally:
            STATE["depth"] -= 1
        res = out[0] if isinstance(out, tuple) and out else out
        outs = set() if out is None and ins is not None and len(ins) == 1 else _keys(res)
        if ins is not None and outs is not None:
            gone = ins - outs
            for k in gone:
                ctx["removed"][k].append((STATE["depth"], name))
            for k in outs - ins:
                ctx["added"][k].append((STATE["depth"], name))
            ctx["ever"].update(ins | outs)
        return out
    return inner


def install():
    import importlib
    for mn in MODULES:
        mod = importlib.import_module(mn)
        for name, obj in list(vars(mod).items()):
            if name in SKIP or not inspect.isfunction(obj) or obj.__module__ not in MODULES:
                continue
            setattr(mod, name, wrap(f"{obj.__module__.split('.')[-1]}.{name}", obj))
    keep_rec = ent.recognise
    keep_open = ent.open_seams
    keep_add = ent._add_model

    def open_seams(text, seams):
        o = keep_open(text, seams)
        if STATE["ctx"] is not None:
            STATE["ctx"]["opened"] = o
        return o

    def add_model(text, chosen, model, *a, **k):
        STATE["ctx"]["model"] = {(m.start, m.end): m.type for m in model}
        STATE["ctx"]["chosen0"] = {(m.start, m.end): (m.type, m.source) for m in chosen}
        return keep_add(text, chosen, model, *a, **k)

    def recognise(text, *a, **k):
        ctx = {"removed": defaultdict(list), "added": defaultdict(list), "ever": set(), "opened": None,
               "model": {}, "chosen0": {}}
        STATE["ctx"] = ctx
        try:
            return keep_rec(text, *a, **k)
        finally:
            STATE["ctx"] = None
            CTXS[text] = ctx

    ent.recognise = recognise
    ent.open_seams = open_seams
    ent._add_model = add_model


def to_source(ctx, s, e):
    o = ctx["opened"]
    if o is None:
        return s, e
    return o.in_source(s), o.in_source(e)


def main() -> None:
    name = sys.argv[1]
    if name in HELD_OUT:
        raise SystemExit("held-out set: not scored here")
    install()
    gold_dir = real.default_gold_dir()
    gold = real.load_set(gold_dir, name)
    paths = [gold_dir / g.file for g in gold]
    files = {str(p): g.file for p, g in zip(paths, gold, strict=True)}
    with tempfile.TemporaryDirectory() as tmp:
        docs = real.docs_from_export(real.run_current(paths, Path(tmp)), files)
    count: Counter = Counter()
    for g in gold:
        d = docs.get(g.file)
        if d is None:
            continue
        ctx = CTXS.get(d.text)
        mp = real.map_items(g, d, g.mentions, d.mentions)
        sys_spans = {(m["start"], m["end"]): m["type"] for m in mp.system}
        for x in mp.gold:
            sp = x["sys_span"]
            t = x["type"]
            if sp and sys_spans.get(sp) == t:
                continue
            if sp is None:
                cls = "unlocated"
            elif sp in sys_spans:
                cls = f"type:{sys_spans[sp]}"
            elif any(s < sp[1] and sp[0] < e for (s, e) in sys_spans):
                over = [d.text[s:e] + "/" + ty for (s, e), ty in sys_spans.items() if s < sp[1] and sp[0] < e]
                cls = "span:" + "|".join(over)
            else:
                cls = "none"
            why = []
            model = "-"
            if ctx is not None and sp is not None:
                mk = {to_source(ctx, s, e): ty for (s, e), ty in ctx["model"].items()}
                model = mk.get(sp, "-")
                if model == "-" and any(s < sp[1] and sp[0] < e for (s, e) in mk):
                    model = "~" + ",".join(d.text[s:e] + "/" + ty for (s, e), ty in mk.items()
                                           if s < sp[1] and sp[0] < e)
                rem = {}
                for (s, e, ty), evs in ctx["removed"].items():
                    if to_source(ctx, s, e) == sp and ty == t:
                        rem = evs
                if rem:
                    deepest = max(dp for dp, _ in rem)
                    why = sorted({n for dp, n in rem if dp == deepest})
                ever = any(to_source(ctx, s, e) == sp and ty == t for (s, e, ty) in ctx["ever"])
            else:
                ever = False
            kind = cls.split(":")[0]
            count[(t, kind, "had" if ever else "never")] += 1
            print(f"{g.file.split('/')[-1][:38]}\t{t}\t{x['text']!r}\t{cls}\tmodel={model}\t"
                  f"{'had' if ever else 'never'}\t{','.join(why)}")
    print()
    for k, v in sorted(count.items()):
        print(k, v)


if __name__ == "__main__":
    main()
