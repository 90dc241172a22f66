"""Choose the articles of the fifth extra development set `dev-extra-5` (timexes and metadata only).

    python eval/real-id/select_extra5.py     # writes corpus/dev-extra-5/ and manifest-dev-extra-5.jsonl

Why: dev-extra-4 was a held-out set (value F1 0.802 on the rules that existed before it) until the
rules were tuned on it (0.932), so it no longer says how the rules do on unseen news. `dev-extra-5` is
the next fresh held-out set, measured once on the unchanged rules before any rule is changed on it.
Same sources read the same way (`select.py` `csv_candidates`, `html_to_text`), in no manifest of
eval/real-id (dev, test, the four earlier dates sets and the six entity sets, the two not yet
annotated included; checked by URL), short (at most 1,000 characters of body, kompas 2,200: its feed
has few short ones; republika's pages are all long repeats, so none) so that 18 Indonesian articles
fit one annotation session. Per outlet, the first candidates in the order of a hash salted
differently from every earlier set, one per topic before a second of any topic; plus three
`html-fundus-parser-tests` English pages from outlets no set had used (The Intercept, Ottawa
Citizen, The Province).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SEED = "real-id-dev-extra-5-20261201"
PER_OUTLET = {"detik.com": 4, "kompas.com": 3, "liputan6.com": 4, "okezone.com": 4, "tempo.co": 3, "republika.co.id": 0}
MAX_BODY = {"kompas.com": 2200}
DEFAULT_MAX = 1000
ENGLISH = [
    ("us/TheIntercept_2024_02_28.html.gz", "politics"),
    ("ca/OttawaCitizen_2026_05_26.html.gz", "politics"),
    ("ca/TheProvince_2026_06_06.html.gz", "entertainment"),
]
MANIFESTS = (
    "manifest.jsonl",
    "manifest-dev-extra.jsonl",
    "manifest-dev-extra-2.jsonl",
    "manifest-dev-extra-3.jsonl",
    "manifest-dev-extra-4.jsonl",
    "dev-extra-entities/manifest.jsonl",
    "dev-extra-entities-2/manifest.jsonl",
    "dev-extra-entities-3/manifest.jsonl",
    "dev-extra-entities-4/manifest.jsonl",
    "dev-extra-entities-5/manifest.jsonl",
    "dev-extra-entities-6/manifest.jsonl",
)


def main() -> int:
    return xs.draw_dates_set("dev-extra-5", SEED, PER_OUTLET, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS)


if __name__ == "__main__":
    raise SystemExit(main())
