"""Choose the articles of the second extra development set `dev-extra-2` (timexes and metadata only).

    python eval/real-id/select_extra2.py     # writes corpus/dev-extra-2/ and manifest-dev-extra-2.jsonl

Why: the date rules were developed on dev and then on `dev-extra` (value F1 0.96 and 0.90) while test
stays at 0.82, so both are now too familiar to say how the rules do on unseen news. `dev-extra-2` is a
fresh held-out development set, measured once before any rule is changed on it. The articles come from
the same sources read the same way (`select.py` `csv_candidates`, `html_to_text`), are in no manifest of
eval/real-id (dev, test, dev-extra, dev-extra-entities; checked by URL), and are short (at most 1,400
characters of body, kompas 2,000: its feed has few short ones; republika's pages are all over 8,000 with
the article repeated, so none) so that more outlets and topics fit into one annotation session.
Per outlet, the first candidates in the order of a hash salted differently from select.py's and
select_extra.py's, one per topic before a second of any topic. `html-id-news-sample` holds only the
three pages already in dev/test, so the English side is four more `html-fundus-parser-tests` pages
(the US, Australia, the UK, South Africa) not used by any set.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SEED = "real-id-dev-extra-2-20261201"
PER_OUTLET = {"detik.com": 4, "kompas.com": 3, "liputan6.com": 6, "okezone.com": 4, "tempo.co": 4, "republika.co.id": 0}
MAX_BODY = {"kompas.com": 2000}
DEFAULT_MAX = 1400
ENGLISH = [
    ("us/WashingtonPost_2024_04_26.html.gz", "disaster"),
    ("au/NineNews_2026_07_04.html.gz", "politics"),
    ("uk/DailyStar_2026_04_20.html.gz", "crime"),
    ("za/DurbanLocal_2025_11_09.html.gz", "entertainment"),
]
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "dev-extra-entities/manifest.jsonl")



def main() -> int:
    return xs.draw_dates_set("dev-extra-2", SEED, PER_OUTLET, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS)


if __name__ == "__main__":
    raise SystemExit(main())
