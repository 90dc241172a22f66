"""Choose the articles of the third extra development set `dev-extra-3` (timexes and metadata only).

    python eval/real-id/select_extra3.py     # writes corpus/dev-extra-3/ and manifest-dev-extra-3.jsonl

Why: dev-extra-2 was a held-out set (value F1 0.798 on the rules that existed before it) until the
rules were tuned on it (0.877). `dev-extra-3` is the next fresh held-out set, measured once on the
unchanged rules before any rule is changed on it. Same sources read the same way (`select.py`
`csv_candidates`, `html_to_text`), in no manifest of eval/real-id (dev, test, dev-extra, dev-extra-2,
dev-extra-entities; checked by URL), short (at most 1,100 characters of body, kompas 1,800; republika's
pages are all long repeats, so none) so that 22 Indonesian articles fit one annotation session. Per
outlet, the first candidates in the order of a hash salted differently from every earlier set, one per
topic before a second of any topic; plus three `html-fundus-parser-tests` English pages (the UK twice,
the US) used by no set.
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

SEED = "real-id-dev-extra-3-20261201"
PER_OUTLET = {"detik.com": 5, "kompas.com": 4, "liputan6.com": 5, "okezone.com": 4, "tempo.co": 4, "republika.co.id": 0}
MAX_BODY = {"kompas.com": 1800}
DEFAULT_MAX = 1100
ENGLISH = [
    ("uk/DailyMail_2024_04_27.html.gz", "crime"),
    ("us/TechCrunch_2024_04_28.html.gz", "technology"),
    ("uk/TheMirror_2026_01_06.html.gz", "other"),
]
MANIFESTS = (
    "manifest.jsonl",
    "manifest-dev-extra.jsonl",
    "manifest-dev-extra-2.jsonl",
    "dev-extra-entities/manifest.jsonl",
)


def salted(key: str) -> str:
    return hashlib.sha1(f"{SEED}|{key}".encode()).hexdigest()


def main() -> int:
    data = Path("/work/shared/data")
    known = {
        json.loads(x)["url"] for m in MANIFESTS for x in (HERE / m).read_text(encoding="utf-8").splitlines()
    }
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
                if len(picked) >= PER_OUTLET[outlet]:
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
    out = HERE / "corpus" / "dev-extra-3"
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for a in sorted(chosen, key=lambda a: a["id"]):
        rel = f"corpus/dev-extra-3/{a['id']}.txt"
        with open(HERE / rel, "w", encoding="utf-8", newline="") as f:
            f.write(a["text"])
        manifest.append(
            {
                "file": rel,
                "split": "dev-extra-3",
                "source": a["source"],
                "url": a["url"],
                "outlet": a["outlet"],
                "topic": a["topic"],
                "language": a["language"],
            }
        )
    with open(HERE / "manifest-dev-extra-3.jsonl", "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    print(f"dev-extra-3: {len(manifest)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
