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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

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
MANIFESTS = ("manifest.jsonl",)


def main() -> int:
    return xs.draw_dates_set("dev-extra", SEED, PER_OUTLET, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS)


if __name__ == "__main__":
    raise SystemExit(main())
