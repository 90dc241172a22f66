"""Choose the articles of the extra entity development set (eval/real-id/dev-extra-entities).

    python eval/real-id/dev-extra-entities/select.py [--data /work/shared/data]

Deterministic, stdlib only. It reuses the candidate rules of `../select.py` (same raw files, same
body-length bounds, same topic reading) with a different salt, leaves out every URL that is already in
`../manifest.jsonl` (dev or test), prefers short bodies (600-1,500 characters: the set is annotated by
hand) and fills a quota per outlet and topic; plus a fixed list of English pages of
`html-fundus-parser-tests` that the gold set does not use. Writes `corpus/<id>.txt` and
`manifest.jsonl` (split `dev-extra-entities`) beside this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities"
SEED = "real-id-extra-entities-20261201"
MAX_BODY: dict[str, int] = {}
DEFAULT_MAX = 1500
QUOTAS = {
    "liputan6.com": {"sport": 1, "economy": 1, "crime": 1, "entertainment": 1},
    "detik.com": {"sport": 2, "automotive": 1, "politics": 1, "economy": 1},
    "okezone.com": {"sport": 1, "economy": 1, "politics": 1, "entertainment": 1},
    "kompas.com": {"sport": 1, "crime": 1, "politics": 1, "economy": 1, "automotive": 1},
    "tempo.co": {"politics": 1, "economy": 1, "crime": 1},
}
ENGLISH = [
    ("us/APNews_2024_09_03.html.gz", "politics"),
    ("us/Reuters_2024_03_07.html.gz", "crime"),
    ("uk/BBC_2024_08_01.html.gz", "economy"),
    ("uk/Metro_2024_11_29.html.gz", "politics"),
]
MANIFESTS = ("manifest.jsonl",)


def main(argv: list[str] | None = None) -> int:
    return xs.draw_entity_set(
        argv, __doc__.split("\n\n")[0], SPLIT, SEED, QUOTAS, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS, "x",
        titled_only=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
