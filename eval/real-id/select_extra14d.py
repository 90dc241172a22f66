"""Choose the articles of `dev-extra-14d`, the fourth part of the fourteenth dates set (timexes and metadata only).

    python eval/real-id/select_extra14d.py   # writes corpus/dev-extra-14d/ and manifest-dev-extra-14d.jsonl

Why: the first scores of -14b (0.978) and -14c (0.961) show okezone well covered; the outlets with articles
left that no set has read are tempo (leads) and republika. Drawn as dev-extra-14c (`select_extra14c.py`: at
least 3 date cues, the same exclusions, -14c now among them) with its own salt. Quotas: tempo 12 (of the 15
leads with 3 cues or more left), kompas 2 (of the 3 left with 3 cues or more), republika 2 (the two
date-rich fields left, up to 16,000 characters).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_extra14 as s14  # dev-extra-14's exclusions and body lengths
import select_extra14c as s14c  # dev-extra-14c's cue count

SPLIT = "dev-extra-14d"
SEED = "real-id-dev-extra-14d-20261202"
PER_OUTLET = {"detik.com": 0, "kompas.com": 2, "liputan6.com": 0, "okezone.com": 0, "tempo.co": 12,
              "republika.co.id": 2}
MAX_BODY = {**s14.MAX_BODY, "republika.co.id": 16000}


def main() -> int:
    s14.draw(SPLIT, SEED, PER_OUTLET, s14c.enough_cues, MAX_BODY)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
