"""Choose the articles of the third extra entity development set (eval/real-id/dev-extra-entities-3).

    python eval/real-id/dev-extra-entities-3/select.py [--data /work/shared/data]

Why: the entity rules were developed on dev and both earlier extra entity sets, which all became
familiar; the held-out test split still scored far lower. This set is a fresh sample the rules have
never been read against, annotated before any rule is changed, so that its first score is an honest
estimate of how the rules generalise. Deterministic, stdlib only, the same construction as
`../dev-extra-entities-2/select.py`: `../select.py`'s candidate rules (same raw files, same topic
reading) with its own salt; every URL already in a manifest of eval/real-id (dev, test, dev-extra,
dev-extra-2, dev-extra-entities, dev-extra-entities-2) is left out; short bodies (at most 1,100
characters, kompas's at most 2,000: the set is annotated by hand); a quota per outlet and topic spread
over all eight topics; plus a fixed list of English pages of `html-fundus-parser-tests` that no other
set uses. Writes `corpus/<id>.txt` and `manifest.jsonl` (split `dev-extra-entities-3`) beside this file.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent
SPLIT = "dev-extra-entities-3"
SEED = "real-id-extra-entities-3-20261201b"
MAX_BODY = {"kompas.com": 2000}  # few short kompas pages are left: its bodies carry "Baca juga" lines
DEFAULT_MAX = 1100
QUOTAS = {  # republika's feed has no page short enough (each repeats its article)
    "detik.com": {"politics": 1, "automotive": 1, "technology": 1, "economy": 1},
    "kompas.com": {"crime": 1, "politics": 1, "entertainment": 1},
    "liputan6.com": {"economy": 1, "crime": 1, "entertainment": 1, "politics": 1},
    "okezone.com": {"disaster": 1, "economy": 1, "automotive": 1},
    "tempo.co": {"sport": 1, "economy": 1, "disaster": 1},
}
ENGLISH = [
    ("ca/CBCNews_2024_08_08.html.gz", "politics"),
    ("au/NineNews_2024_05_02.html.gz", "crime"),
    ("ca/NationalPost_2024_08_28.html.gz", "economy"),
]
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "dev-extra-entities/manifest.jsonl",
             "manifest-dev-extra-2.jsonl", "dev-extra-entities-2/manifest.jsonl")


def _load_select():
    spec = importlib.util.spec_from_file_location("real_id_select", GOLD / "select.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["real_id_select"] = mod
    spec.loader.exec_module(mod)
    return mod


def salted(key: str) -> str:
    return hashlib.sha1(f"{SEED}|{key}".encode()).hexdigest()


def used_urls() -> set[str]:
    """Every URL that another set of eval/real-id already holds (dev, test and both extra sets)."""
    out: set[str] = set()
    for rel in MANIFESTS:
        for line in (GOLD / rel).read_text(encoding="utf-8").splitlines():
            out.add(json.loads(line)["url"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="/work/shared/data")
    args = ap.parse_args(argv)
    data = Path(args.data)
    sel = _load_select()
    used = used_urls()
    cands = [
        c
        for c in sel.csv_candidates(data)
        if c["url"] not in used
        and len(c["text"]) - len(c["title"]) < MAX_BODY.get(c["outlet"], DEFAULT_MAX) + 60
    ]
    chosen: list[dict] = []

    def take(c: dict, outlet: str) -> None:
        c.update(language="id", source=f"news-id-raw-scrape-2025/{c['row']}")
        c["id"] = f"z{outlet.split('.')[0]}-{c['day'][-2:]}{salted(c['url'])[:6]}"
        chosen.append(c)

    for outlet, quota in QUOTAS.items():
        pool = sorted((c for c in cands if c["outlet"] == outlet), key=lambda c: salted(c["url"]))
        titles: set[str] = set()
        for topic, n in quota.items():
            for c in pool:
                if n <= 0:
                    break
                key = " ".join((c["title"] or c["url"]).lower().split()[:5])
                if c["topic"] == topic and key not in titles and c not in chosen:
                    titles.add(key)
                    take(c, outlet)
                    n -= 1
        short = sum(quota.values()) - sum(c["outlet"] == outlet for c in chosen)
        for c in pool:  # an outlet short of a topic fills up from its other articles, in hash order
            key = " ".join((c["title"] or c["url"]).lower().split()[:5])
            if short > 0 and key not in titles and c not in chosen:
                titles.add(key)
                take(c, outlet)
                short -= 1
    rows = (data / "html-fundus-parser-tests" / "index.jsonl").read_text(encoding="utf-8").splitlines()
    index = {r["html"]: r for r in map(json.loads, rows)}
    for rel, topic in ENGLISH:
        row = index[rel]
        assert row["url"] not in used
        chosen.append(
            {
                "outlet": row["publisher"],
                "url": row["url"],
                "topic": topic,
                "language": "en",
                "source": f"html-fundus-parser-tests/{rel}",
                "id": "zen-" + re.sub(r"[^a-z0-9]+", "-", Path(rel).name.lower().replace(".html.gz", "")),
                "text": sel.html_to_text(sel.read_gz(data / "html-fundus-parser-tests" / rel)),
            }
        )
    (HERE / "corpus").mkdir(exist_ok=True)
    with open(HERE / "manifest.jsonl", "w", encoding="utf-8") as f:
        for a in sorted(chosen, key=lambda a: a["id"]):
            rel = f"{SPLIT}/corpus/{a['id']}.txt"
            with open(GOLD / rel, "w", encoding="utf-8", newline="") as g:
                g.write(a["text"])
            m = {k: a[k] for k in ("source", "url", "outlet", "topic", "language")}
            f.write(json.dumps({"file": rel, "split": SPLIT, **m}, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
