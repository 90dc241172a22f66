"""Every model mention that `_add_model` cuts because it overlaps a gazetteer or rule mention (the
`_remainder` branch), judged against the gold of a development pool (issue 11, ent12b).

    python bench/recall12/conflicts.py SET

Prints per event: the model's span and type, the mentions it overlapped (span/type/source), and
whether the gold holds the model's span (G=type) and each overlapped span. Never on held-out sets.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import linimasa.entities as ent
from linimasa.evaluate import real

HELD_OUT = {"test", "dev-extra-entities-11"}
EVENTS: dict[str, list] = {}
STATE: dict = {"text": None, "opened": None}


def main() -> None:
    name = sys.argv[1]
    if name in HELD_OUT:
        raise SystemExit("held-out set")
    keep_rem, keep_rec, keep_open = ent._remainder, ent.recognise, ent.open_seams

    def rem(text, m, hits):
        EVENTS.setdefault(STATE["text"], []).append(
            (STATE["opened"], m.start, m.end, m.type, m.text,
             [(c.start, c.end, c.type, c.source, c.text) for c in hits]))
        return keep_rem(text, m, hits)

    def open_seams(text, seams):
        o = keep_open(text, seams)
        STATE["opened"] = o
        return o

    def rec(text, *a, **k):
        STATE["text"], STATE["opened"] = text, None
        return keep_rec(text, *a, **k)

    ent._remainder, ent.recognise, ent.open_seams = rem, rec, open_seams
    gold_dir = real.default_gold_dir()
    gold = real.load_set(gold_dir, name)
    paths = [gold_dir / g.file for g in gold]
    files = {str(p): g.file for p, g in zip(paths, gold, strict=True)}
    with tempfile.TemporaryDirectory() as tmp:
        docs = real.docs_from_export(real.run_current(paths, Path(tmp)), files)
    for g in gold:
        d = docs.get(g.file)
        if d is None:
            continue
        mp = real.map_items(g, d, g.mentions, d.mentions)
        gs = {x["sys_span"]: x["type"] for x in mp.gold if x["sys_span"]}
        for opened, s, e, t, txt, hits in EVENTS.get(d.text, []):
            def src(a, b, o=opened):
                return (o.in_source(a), o.in_source(b)) if o is not None else (a, b)
            hs = " | ".join(f"{h[4]}/{h[2]}/{h[3][:3]}={gs.get(src(h[0], h[1]), '-')}" for h in hits)
            print(f"{g.file.split('/')[-1][:30]}\t{txt!r}/{t}\tG={gs.get(src(s, e), '-')}\t{hs}")


if __name__ == "__main__":
    main()
