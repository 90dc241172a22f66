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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

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



def main() -> int:
    return xs.draw_dates_set("dev-extra-3", SEED, PER_OUTLET, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS)


if __name__ == "__main__":
    raise SystemExit(main())
