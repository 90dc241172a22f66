"""Choose the articles of `dev-extra-14e`, the fifth part of the fourteenth dates set (timexes and metadata only).

    python eval/real-id/select_extra14e.py   # writes corpus/dev-extra-14e/ and manifest-dev-extra-14e.jsonl

Why: okezone's date-rich articles (-14, -14b) scored nearly without error; the held-out test set was drawn
without any date-cue test, so this part takes okezone articles as dev-extra-14c does (at least 3 date cues,
`select_extra14c.py`, not 6), closer to what an ordinary article holds. The same exclusions (-14 to -14d now
among them), its own salt; okezone 10, body at most 1,600 characters.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_extra14 as s14  # dev-extra-14's exclusions and body lengths
import select_extra14c as s14c  # dev-extra-14c's cue count

SPLIT = "dev-extra-14e"
SEED = "real-id-dev-extra-14e-20261202"
PER_OUTLET = {"detik.com": 0, "kompas.com": 0, "liputan6.com": 0, "okezone.com": 10, "tempo.co": 0,
              "republika.co.id": 0}


def main() -> int:
    s14.draw(SPLIT, SEED, PER_OUTLET, s14c.enough_cues)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
