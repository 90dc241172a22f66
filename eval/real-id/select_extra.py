"""Choose the articles of the extra development set `dev-extra` (timexes and metadata only).

    python eval/real-id/select_extra.py     # writes corpus/dev-extra/ and manifest-dev-extra.jsonl

Why: dev (46 articles) became too familiar to show the remaining timex error kinds once the rules
were developed on it. `dev-extra` widens what rules are developed on without touching test. The
articles come from the same sources with the same reader (`select.py` `csv_candidates`, `html_to_text`),
are in neither split of manifest.jsonl (checked by URL), and are shorter (at most 1,600 characters of
body, republika at most 5,000) so that more outlets and topics fit into one annotation session. Per
outlet, the first candidates in the order of a hash salted differently from select.py's, one per
topic before a second of any topic.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import select as sel  # noqa: E402  (eval/real-id/select.py, not the standard library module)

SEED = "real-id-dev-extra-20261201"
PER_OUTLET = 7
MAX_BODY = {"republika.co.id": 5000}
DEFAULT_MAX = 1600
ENGLISH = [
    ("us/APNews_2024_09_03.html.gz", "politics"),
    ("uk/BBC_2024_08_01.html.gz", "politics"),
    ("us/VoiceOfAmerica_2024_04_28.html.gz", "politics"),
    ("uk/EuronewsEN_2026_01_06.html.gz", "economy"),
]


def salted(key: str) -> str:
    return hashlib.sha1(f"{SEED}|{key}".encode()).hexdigest()


def main() -> int:
    data = Path("/work/shared/data")
    known = {json.loads(x)["url"] for x in (HERE / "manifest.jsonl").read_text(encoding="utf-8").splitlines()}
    cands = [c for c in sel.csv_candidates(data) if c["url"] not in known]
    chosen: list[dict] = []
    for outlet in sel.QUOTAS:
        body_max = MAX_BODY.get(outlet, DEFAULT_MAX)
        pool = sorted(
            (c for c in cands if c["outlet"] == outlet and len(c["text"]) <= body_max + 200),
            key=lambda c: salted(c["url"]),
        )
        picked: list[dict] = []
        for round_ in range(3):
            for c in pool:
                if len(picked) >= PER_OUTLET:
                    break
                if c in picked:
                    continue
                if sum(p["topic"] == c["topic"] for p in picked) <= round_:
                    picked.append(c)
        for c in picked:
            c.update(
                language="id",
                source=f"news-id-raw-scrape-2025/{c['row']}",
                id=f"{outlet.split('.')[0]}-{c['day'][-2:]}{salted(c['url'])[:6]}",
            )
        chosen.extend(picked)
    rows = (data / "html-fundus-parser-tests" / "index.jsonl").read_text(encoding="utf-8").splitlines()
    index = {r["html"]: r for r in map(json.loads, rows)}
    for rel, topic in ENGLISH:
        row = index[rel]
        assert row["url"] not in known
        chosen.append(
            {
                "outlet": row["publisher"],
                "url": row["url"],
                "topic": topic,
                "language": "en",
                "source": f"html-fundus-parser-tests/{rel}",
                "id": "en-" + re.sub(r"[^a-z0-9]+", "-", Path(rel).name.lower().replace(".html.gz", "")),
                "text": sel.html_to_text(sel.read_gz(data / "html-fundus-parser-tests" / rel)),
            }
        )
    out = HERE / "corpus" / "dev-extra"
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for a in sorted(chosen, key=lambda a: a["id"]):
        rel = f"corpus/dev-extra/{a['id']}.txt"
        with open(HERE / rel, "w", encoding="utf-8", newline="") as f:
            f.write(a["text"])
        manifest.append(
            {
                "file": rel,
                "split": "dev-extra",
                "source": a["source"],
                "url": a["url"],
                "outlet": a["outlet"],
                "topic": a["topic"],
                "language": a["language"],
            }
        )
    with open(HERE / "manifest-dev-extra.jsonl", "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    print(f"dev-extra: {len(manifest)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
