"""Draw the 40 unseen raw-scrape articles read for issue 11's entity-recall round (helper ent11t).

    python bench/recall11/draw.py    # writes bench/recall11/articles/<nn>-<outlet>.txt and draw.jsonl

Random (seed 26), deduplicated by URL, excluding every URL and title of every eval/real-id manifest (all
sets, held-out ones included) and every eval/link-id gold file (all splits). The raw-scrape file text is
built as eval/real-id's `csv_candidates` builds it (title line, date line, body). A spread of outlets:
a fixed count per outlet, chosen at random within it.
"""

from __future__ import annotations

import glob
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval" / "real-id"))
import extra_sets as xs  # noqa: E402

PER_OUTLET = {"detik.com": 8, "kompas.com": 7, "liputan6.com": 7, "okezone.com": 7, "tempo.co": 5,
              "republika.co.id": 6}


def used() -> tuple[set[str], set[str]]:
    """URLs and titles of every gold set (eval/real-id manifests, eval/link-id gold)."""
    urls: set[str] = set()
    titles: set[str] = set()
    for p in glob.glob(str(ROOT / "eval/real-id/**/manifest*.jsonl"), recursive=True):
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            urls.add(json.loads(line)["url"])
    for p in glob.glob(str(ROOT / "eval/real-id/corpus/**/*.txt"), recursive=True):
        titles.add(Path(p).read_text(encoding="utf-8").split("\n", 1)[0].strip())
    for p in glob.glob(str(ROOT / "eval/link-id/gold*.json")):
        for art in json.loads(Path(p).read_text(encoding="utf-8"))["articles"].values():
            urls.add(art.get("url") or "")
            titles.add((art.get("title") or "").strip())
    return urls, titles - {""}


def main() -> None:
    sel = xs.load_select()
    cands = sel.csv_candidates(xs.DATA)
    urls, titles = used()
    pool = [c for c in cands if c["url"] not in urls and c["title"] not in titles]
    rng = random.Random(26)
    out_dir = ROOT / "bench/recall11/articles"
    out_dir.mkdir(parents=True, exist_ok=True)
    chosen = []
    for outlet, n in PER_OUTLET.items():
        mine = sorted((c for c in pool if c["outlet"] == outlet), key=lambda c: c["url"])
        chosen += rng.sample(mine, n)
    rng.shuffle(chosen)
    with open(ROOT / "bench/recall11/draw.jsonl", "w", encoding="utf-8") as f:
        for i, c in enumerate(chosen, 1):
            name = f"{i:02d}-{c['outlet'].split('.')[0]}.txt"
            (out_dir / name).write_text(c["text"], encoding="utf-8")
            f.write(json.dumps({"file": name, "url": c["url"], "row": c["row"], "topic": c["topic"]}) + "\n")
    print(len(pool), "candidates;", len(chosen), "drawn")


if __name__ == "__main__":
    main()
