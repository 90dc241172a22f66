"""Choose the articles of the second extra entity development set (eval/real-id/dev-extra-entities-2).

    python eval/real-id/dev-extra-entities-2/select.py [--data /work/shared/data]

Why: the entity rules were developed on dev and on `dev-extra-entities`, and both became familiar;
the held-out test split still scored far lower. This set is a fresh sample the rules have never been
read against, annotated before any rule is changed, so that its first score is an honest estimate of
how the rules generalise. Deterministic, stdlib only, the same construction as
`../dev-extra-entities/select.py`: `../select.py`'s candidate rules (same raw files, same body-length
bounds, same topic reading) with its own salt; every URL already in a manifest of eval/real-id (dev,
test, dev-extra, dev-extra-entities) is left out; short bodies (at most 1,500 characters, kompas's
at most 2,000); a quota per outlet and topic spread over all eight topics; plus a fixed
list of English pages of `html-fundus-parser-tests` that no other set uses. Writes `corpus/<id>.txt`
and `manifest.jsonl` (split `dev-extra-entities-2`) beside this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-2"
SEED = "real-id-extra-entities-2-20261201"
MAX_BODY = {"kompas.com": 2000}  # few short kompas pages are left: its bodies carry "Baca juga" lines
DEFAULT_MAX = 1500
QUOTAS = {  # republika's feed has no page left that is short enough (each repeats its article)
    "detik.com": {"disaster": 1, "entertainment": 1, "sport": 1, "crime": 1, "economy": 1},
    "kompas.com": {"disaster": 1, "economy": 1, "sport": 1, "automotive": 1},
    "liputan6.com": {"technology": 1, "politics": 1, "automotive": 1, "sport": 1, "disaster": 1},
    "okezone.com": {"technology": 1, "crime": 1, "sport": 1, "politics": 1},
    "tempo.co": {"entertainment": 1, "politics": 1, "crime": 1},
}
ENGLISH = [
    ("jp/TheJapanNews_2024_10_13.html.gz", "politics"),
    ("uk/iNews_2023_08_30.html.gz", "sport"),
    ("ca/TheGlobeAndMail_2024_08_28.html.gz", "economy"),
]
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "dev-extra-entities/manifest.jsonl")



def main(argv: list[str] | None = None) -> int:
    return xs.draw_entity_set(
        argv, __doc__.split("\n\n")[0], SPLIT, SEED, QUOTAS, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS, "y",
    )


if __name__ == "__main__":
    raise SystemExit(main())
