"""Choose the articles of the fifth extra entity development set (eval/real-id/dev-extra-entities-5).

    python eval/real-id/dev-extra-entities-5/select.py [--data /work/shared/data]

Why: the entity rules were developed on dev and the three earlier extra entity sets, which all became
familiar (dev+extras3 F1 0.83 against test 0.70). This set is a fresh sample the rules have never been
read against, annotated before linimasa is run on it, so that its first score is an honest estimate of
how the rules generalise. Deterministic, stdlib only, the same construction as
`../dev-extra-entities-3/select.py`: `../select.py`'s candidate rules (same raw files, same topic
reading) with its own salt; every URL already in a manifest of eval/real-id (dev, test, the four dates
sets and the earlier entity sets) is left out; short bodies (at most 1,100 characters, kompas's at
most 2,000: the set is annotated by hand); a quota per outlet and topic spread over all eight topics;
plus a fixed list of English pages of `html-fundus-parser-tests` that no other set uses. Writes
`corpus/<id>.txt` and `manifest.jsonl` (split `dev-extra-entities-5`) beside this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-5"
SEED = "real-id-extra-entities-5-20261201d"
MAX_BODY = {"kompas.com": 2000}  # few short kompas pages are left: its bodies carry "Baca juga" lines
DEFAULT_MAX = 1100
QUOTAS = {  # republika's feed has no page short enough (each repeats its article)
    "detik.com": {"politics": 1, "economy": 1, "entertainment": 1, "automotive": 1},
    "kompas.com": {"crime": 1, "sport": 1, "disaster": 1},
    "liputan6.com": {"economy": 1, "crime": 1, "technology": 1, "entertainment": 1},
    "okezone.com": {"sport": 1, "politics": 1, "economy": 1},
    "tempo.co": {"politics": 1, "disaster": 1, "technology": 1},
}
ENGLISH = [
    ("us/FoxNews_2023_04_28.html.gz", "politics"),
    ("uk/BBC_2026_04_25.html.gz", "politics"),
    ("us/LATimes_2023_06_26.html.gz", "crime"),
]
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "manifest-dev-extra-2.jsonl",
             "manifest-dev-extra-3.jsonl", "dev-extra-entities/manifest.jsonl",
             "dev-extra-entities-2/manifest.jsonl", "dev-extra-entities-3/manifest.jsonl", "manifest-dev-extra-4.jsonl",
             "dev-extra-entities-4/manifest.jsonl")


def main(argv: list[str] | None = None) -> int:
    return xs.draw_entity_set(
        argv, __doc__.split("\n\n")[0], SPLIT, SEED, QUOTAS, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS, "w",
    )


if __name__ == "__main__":
    raise SystemExit(main())
