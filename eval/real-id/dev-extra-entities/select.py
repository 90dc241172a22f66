"""Choose the articles of the extra entity development set (eval/real-id/dev-extra-entities).

    python eval/real-id/dev-extra-entities/select.py [--data /work/shared/data]

Deterministic, stdlib only. It reuses the candidate rules of `../select.py` (same raw files, same
body-length bounds, same topic reading) with a different salt, leaves out every URL that is already in
`../manifest.jsonl` (dev or test), prefers short bodies (600-1,500 characters: the set is annotated by
hand) and fills a quota per outlet and topic; plus a fixed list of English pages of
`html-fundus-parser-tests` that the gold set does not use. Writes `corpus/<id>.txt` and
`manifest.jsonl` (split `dev-extra-entities`) beside this file.
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
SPLIT = "dev-extra-entities"
SEED = "real-id-extra-entities-20261201"
MAX_BODY = 1500
QUOTAS = {
    "liputan6.com": {"sport": 1, "economy": 1, "crime": 1, "entertainment": 1},
    "detik.com": {"sport": 2, "automotive": 1, "politics": 1, "economy": 1},
    "okezone.com": {"sport": 1, "economy": 1, "politics": 1, "entertainment": 1},
    "kompas.com": {"sport": 1, "crime": 1, "politics": 1, "economy": 1, "automotive": 1},
    "tempo.co": {"politics": 1, "economy": 1, "crime": 1},
}
ENGLISH = [
    ("us/APNews_2024_09_03.html.gz", "politics"),
    ("us/Reuters_2024_03_07.html.gz", "crime"),
    ("uk/BBC_2024_08_01.html.gz", "economy"),
    ("uk/Metro_2024_11_29.html.gz", "politics"),
]


def _load_select():
    spec = importlib.util.spec_from_file_location("real_id_select", GOLD / "select.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["real_id_select"] = mod
    spec.loader.exec_module(mod)
    return mod


def salted(key: str) -> str:
    return hashlib.sha1(f"{SEED}|{key}".encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="/work/shared/data")
    args = ap.parse_args(argv)
    data = Path(args.data)
    sel = _load_select()
    used = {json.loads(x)["url"] for x in (GOLD / "manifest.jsonl").read_text(encoding="utf-8").splitlines()}
    cands = [
        c
        for c in sel.csv_candidates(data)
        if c["url"] not in used and c["title"] and len(c["text"]) - len(c["title"]) < MAX_BODY + 60
    ]
    chosen: list[dict] = []
    for outlet, quota in QUOTAS.items():
        pool = sorted((c for c in cands if c["outlet"] == outlet), key=lambda c: salted(c["url"]))
        titles: set[str] = set()
        for topic, n in quota.items():
            for c in pool:
                if n <= 0:
                    break
                key = " ".join(c["title"].lower().split()[:5])
                if c["topic"] == topic and key not in titles:
                    titles.add(key)
                    c.update(language="id", source=f"news-id-raw-scrape-2025/{c['row']}")
                    c["id"] = f"x{outlet.split('.')[0]}-{c['day'][-2:]}{salted(c['url'])[:6]}"
                    chosen.append(c)
                    n -= 1
        short = sum(quota.values()) - sum(c["outlet"] == outlet for c in chosen)
        for c in pool:  # an outlet short of a topic fills up from its other articles, in hash order
            key = " ".join(c["title"].lower().split()[:5])
            if short > 0 and key not in titles:
                titles.add(key)
                c.update(language="id", source=f"news-id-raw-scrape-2025/{c['row']}")
                c["id"] = f"x{outlet.split('.')[0]}-{c['day'][-2:]}{salted(c['url'])[:6]}"
                chosen.append(c)
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
                "id": "xen-" + re.sub(r"[^a-z0-9]+", "-", Path(rel).name.lower().replace(".html.gz", "")),
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
