"""Choose the articles of the sixth extra development set `dev-extra-6` (timexes and metadata only).

    python eval/real-id/select_extra6.py     # writes corpus/dev-extra-6/ and manifest-dev-extra-6.jsonl

Why: dev-extra-5 was a held-out set (value F1 0.923 on the rules that existed before it) until the
rules were tuned on it, so it no longer says how the rules do on unseen news. `dev-extra-6` is the
next fresh held-out set, measured once on the unchanged rules before any rule is changed on it.
Same sources read the same way (`select.py` `csv_candidates`, `html_to_text`), in no manifest of
eval/real-id (dev, test, the five earlier dates sets and the seven entity sets; checked by URL),
short (at most 1,000 characters of body; kompas 2,200 as in dev-extra-5; detik 1,200, relaxed from
1,000 because only 4 detik articles that short are left, too few to spread over topics; republika's
pages are all long repeats, so none) so that 18 Indonesian articles fit one annotation session. Per
outlet, the first candidates in the order of a hash salted differently from every earlier set, one
per topic before a second of any topic; plus three `html-fundus-parser-tests` English pages that no
set has used, from outlets no set had used (Canada.com 2026, Occupy Democrats 2023, The Nation 2024).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SEED = "real-id-dev-extra-6-20261201"
PER_OUTLET = {"detik.com": 4, "kompas.com": 3, "liputan6.com": 4, "okezone.com": 4, "tempo.co": 3, "republika.co.id": 0}
MAX_BODY = {"kompas.com": 2200, "detik.com": 1200}
DEFAULT_MAX = 1000
ENGLISH = [
    ("ca/CanadaCom_2026_06_06.html.gz", "other"),
    ("us/OccupyDemocrats_2023_06_20.html.gz", "politics"),
    ("us/TheNation_2024_01_11.html.gz", "politics"),
]
MANIFESTS = (
    "manifest.jsonl",
    "manifest-dev-extra.jsonl",
    "manifest-dev-extra-2.jsonl",
    "manifest-dev-extra-3.jsonl",
    "manifest-dev-extra-4.jsonl",
    "manifest-dev-extra-5.jsonl",
    "dev-extra-entities/manifest.jsonl",
    "dev-extra-entities-2/manifest.jsonl",
    "dev-extra-entities-3/manifest.jsonl",
    "dev-extra-entities-4/manifest.jsonl",
    "dev-extra-entities-5/manifest.jsonl",
    "dev-extra-entities-6/manifest.jsonl",
    "dev-extra-entities-7/manifest.jsonl",
)


def main() -> int:
    return xs.draw_dates_set("dev-extra-6", SEED, PER_OUTLET, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS)


if __name__ == "__main__":
    raise SystemExit(main())
