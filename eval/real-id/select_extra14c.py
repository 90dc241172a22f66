"""Choose the articles of `dev-extra-14c`, the third part of the fourteenth dates set (timexes and metadata only).

    python eval/real-id/select_extra14c.py   # writes corpus/dev-extra-14c/ and manifest-dev-extra-14c.jsonl

Why: after dev-extra-14 and -14b (okezone mostly) the rules left few errors there (-14b's first score was
value F1 0.978 on the rules developed on -14); kompas, tempo and republika, the outlets of this set's draw
that held few date-rich articles, are drawn again with a lower cue count: at least `MIN_CUES_C` (3) date
cues (`select_extra9.CUE_ID`, the same list) in the text after the title and date lines, since tempo's feed
holds only leads (no lead left reaches dev-extra-9's 6) and kompas has only ten candidates left. Otherwise as
dev-extra-14 (`select_extra14.py`: the same exclusions, -14 and -14b now among them, the precision audits'
articles allowed) with its own salt. Quotas: tempo 8 (of 23 leads with 3 cues or more), kompas 4 (of 7),
republika 1 (of its 3 date-rich fields left, at most 12,000 characters: the shortest).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_extra9 as s9  # dev-extra-9's cue list
import select_extra14 as s14  # dev-extra-14's exclusions and body lengths

SPLIT = "dev-extra-14c"
SEED = "real-id-dev-extra-14c-20261202"
PER_OUTLET = {"detik.com": 0, "kompas.com": 4, "liputan6.com": 0, "okezone.com": 0, "tempo.co": 8,
              "republika.co.id": 1}
MAX_BODY = {**s14.MAX_BODY, "republika.co.id": 12000}
MIN_CUES_C = 3


def enough_cues(cand: dict) -> bool:
    """At least MIN_CUES_C date cues in the text after the title and date lines."""
    body = "\n".join(cand["text"].split("\n")[2:])
    return len(s9.CUE_ID.findall(body)) >= MIN_CUES_C


def main() -> int:
    s14.draw(SPLIT, SEED, PER_OUTLET, enough_cues, MAX_BODY)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
