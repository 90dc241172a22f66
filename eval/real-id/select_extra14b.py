"""Choose the articles of `dev-extra-14b`, the second part of the fourteenth dates set (timexes and metadata only).

    python eval/real-id/select_extra14b.py   # writes corpus/dev-extra-14b/ and manifest-dev-extra-14b.jsonl

Why: dev-extra-14's first score (value F1 0.893) was recorded and rules were developed on it until its few
errors left were all in one generic health article (0.962); new error classes need more unseen text.
dev-extra-14b is drawn after that, exactly as dev-extra-14 (`select_extra14.py`: the same outlets, cue list,
threshold, exclusions, every manifest of eval/real-id (dev-extra-14's now among them) and eval/link-id left
out, the precision audits' articles allowed) with its own salt. Quotas, from what is left: okezone 12 (of
78 date-rich candidates), republika 1 (four left, each 10,000-14,000 characters of repeated text; the
shortest fits 10,000), kompas none (its one date-rich article left is a fourth `other` page), tempo none
(no date-rich lead left).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_extra9 as s9  # dev-extra-9's cue lists and thresholds
import select_extra14 as s14  # dev-extra-14's exclusions and body lengths

SPLIT = "dev-extra-14b"
SEED = "real-id-dev-extra-14b-20261202"
PER_OUTLET = {"detik.com": 0, "kompas.com": 0, "liputan6.com": 0, "okezone.com": 12, "tempo.co": 0,
              "republika.co.id": 1}


def main() -> int:
    s14.draw(SPLIT, SEED, PER_OUTLET, s9.date_rich)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
