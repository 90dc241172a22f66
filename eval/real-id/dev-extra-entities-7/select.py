"""Choose the articles of the seventh extra entity development set (eval/real-id/dev-extra-entities-7).

    python eval/real-id/dev-extra-entities-7/select.py [--data /work/shared/data]

Why: after set 5's held-out figure was recorded, the entity rules are developed on dev and all six
earlier extra entity sets (`--set dev+extras1-6`), so none of them can any longer say how the rules
generalise. This set is the next fresh sample, annotated and committed before linimasa is run on it,
so that its first score is an honest estimate for main's rules. Deterministic, stdlib only, the same
construction as `../dev-extra-entities-6/select.py`: `../select.py`'s candidate rules (same raw files,
same topic reading) with its own salt; every URL already in a manifest of eval/real-id (dev, test, the
five dates sets and the six earlier entity sets) is left out; short bodies (at most 1,100 characters,
kompas's at most 2,000); the same quota per outlet as set 6, spread over the topics each outlet still
has short pages in; plus a fixed list of English pages of
`html-fundus-parser-tests` from outlets no other set uses. Writes `corpus/<id>.txt` and `manifest.jsonl`
(split `dev-extra-entities-7`) beside this file; ids start with `v` (sets 4-6 used `w`).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-7"
SEED = "real-id-extra-entities-7-20261201"
MAX_BODY = {"kompas.com": 2000}  # few short kompas pages are left: its bodies carry "Baca juga" lines
DEFAULT_MAX = 1100
QUOTAS = {  # republika's feed has no page short enough (each repeats its article); detik and kompas have
    # few short pages left (detik: sport and one economy; kompas: one economy, the rest "other")
    "detik.com": {"economy": 1, "sport": 3},
    "kompas.com": {"economy": 1, "other": 2},
    "liputan6.com": {"automotive": 1, "disaster": 1, "politics": 1, "entertainment": 1},
    "okezone.com": {"disaster": 1, "technology": 1, "crime": 1},
    "tempo.co": {"politics": 1, "economy": 1, "technology": 1},
}
ENGLISH = [  # outlets no earlier set drew from
    ("ind/TimesOfIndia_2024_09_02.html.gz", "crime"),
    ("uk/TheTelegraph_2024_09_17.html.gz", "politics"),
    ("ls/LesothoTimes_2025_11_24.html.gz", "economy"),
]
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "manifest-dev-extra-2.jsonl",
             "manifest-dev-extra-3.jsonl", "manifest-dev-extra-4.jsonl", "manifest-dev-extra-5.jsonl",
             "dev-extra-entities/manifest.jsonl", "dev-extra-entities-2/manifest.jsonl",
             "dev-extra-entities-3/manifest.jsonl", "dev-extra-entities-4/manifest.jsonl",
             "dev-extra-entities-5/manifest.jsonl", "dev-extra-entities-6/manifest.jsonl")


def main(argv: list[str] | None = None) -> int:
    return xs.draw_entity_set(
        argv, __doc__.split("\n\n")[0], SPLIT, SEED, QUOTAS, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS, "v",
    )


if __name__ == "__main__":
    raise SystemExit(main())
