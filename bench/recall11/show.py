"""Run linimasa on the drawn articles and write each clean text with its entity mentions bracketed.

    PYTHONPATH=<checkout>/src python bench/recall11/show.py OUT_DIR

Writes OUT_DIR/<nn>-<outlet>.txt (text with `[mention|TYPE]`) and OUT_DIR/mentions.json (per file:
[start, end, text, type]) so that two checkouts' outputs can be diffed mention by mention.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import linimasa
from linimasa.export import export_corpus

HERE = Path(__file__).resolve().parent
TYPES = {"PER", "ORG", "GPE", "LOC", "EVT"}


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted((HERE / "articles").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        exp = export_corpus(linimasa.process([str(p) for p in paths], store=str(Path(tmp) / "x.db")))
    texts, by_id = {}, {}
    for a in exp["articles"]:
        name = Path(a["source"]).name
        by_id[a["id"]] = name
        texts[name] = a.get("text") or ""
    ments: dict[str, list] = {n: [] for n in texts}
    for e in exp["entities"]:
        if e.get("type") not in TYPES:
            continue
        for m in e["mentions"]:
            ments[by_id[m["article"]]].append([m["start"], m["end"], m["text"], e["type"], e["id"]])
    for name, text in texts.items():
        ms = sorted(ments[name])
        buf, pos = [], 0
        for s, e, _t, ty, _id in ms:
            if s < pos:
                continue
            buf.append(text[pos:s] + "[" + text[s:e] + "|" + ty + "]")
            pos = e
        buf.append(text[pos:])
        (out / name).write_text("".join(buf), encoding="utf-8")
    (out / "mentions.json").write_text(json.dumps(ments, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
