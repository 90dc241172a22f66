"""Choose the articles of the tenth extra entity set (eval/real-id/dev-extra-entities-10), a development set.

    python eval/real-id/dev-extra-entities-10/select.py [--data /work/shared/data]

Why: the rules developed on `dev+extras1-8` score about 0.70-0.84 F1 on held-out Indonesian news, with
ORG, EVT and LOC weakest; a fresh Indonesian sample shows the error classes the earlier sets have not
shown. Annotated and committed before linimasa is run on it, so its first score is an honest estimate;
after that it is development data (pool `dev+extras1-8,10`), while set 9 stays held out. Deterministic,
stdlib only, the construction of `../dev-extra-entities-9/select.py`: `../select.py`'s candidates (same
raw files, same topic reading) with its own salt; every URL of every earlier manifest of eval/real-id
(dev, test, the eight dates sets, entity sets 1-9 and `-en`) and every URL of eval/link-id is left out;
short bodies (at most 1,100 characters; detik's at most 1,500; kompas's at most 3,000, as few short
kompas pages are left); a quota per outlet over the topics each outlet still has short pages in.
Indonesian only (no English pages). Writes `corpus/<id>.txt` and `manifest.jsonl` (split
`dev-extra-entities-10`) beside this file; ids start with `r` (set 9 used `s`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-10"
SEED = "real-id-extra-entities-10-20261202"
MAX_BODY = {"kompas.com": 3000, "detik.com": 1500}  # few short kompas and detik pages are left
DEFAULT_MAX = 1100
QUOTAS = {  # the topics spread over the outlets that still have short pages in them (republika none)
    "detik.com": {"politics": 1, "crime": 1, "automotive": 1, "entertainment": 1},
    "kompas.com": {"politics": 1},
    "liputan6.com": {"disaster": 1, "crime": 1, "economy": 1, "politics": 1, "sport": 1, "technology": 1},
    "okezone.com": {"sport": 1, "entertainment": 1, "politics": 1, "economy": 1, "technology": 1},
    "tempo.co": {"crime": 1, "economy": 1, "politics": 1, "other": 1},
}
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "manifest-dev-extra-2.jsonl",
             "manifest-dev-extra-3.jsonl", "manifest-dev-extra-4.jsonl", "manifest-dev-extra-5.jsonl",
             "manifest-dev-extra-6.jsonl", "manifest-dev-extra-7.jsonl", "manifest-dev-extra-8.jsonl",
             "dev-extra-entities/manifest.jsonl", "dev-extra-entities-2/manifest.jsonl",
             "dev-extra-entities-3/manifest.jsonl", "dev-extra-entities-4/manifest.jsonl",
             "dev-extra-entities-5/manifest.jsonl", "dev-extra-entities-6/manifest.jsonl",
             "dev-extra-entities-7/manifest.jsonl", "dev-extra-entities-8/manifest.jsonl",
             "dev-extra-entities-9/manifest.jsonl", "dev-extra-entities-en/manifest.jsonl")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(xs.DATA))
    data = Path(ap.parse_args(argv).data)
    sel = xs.load_select()
    used = xs.used_urls(MANIFESTS)
    banned = used | xs.link_id_urls()
    cands = [
        c
        for c in sel.csv_candidates(data)
        if c["url"] not in banned
        and len(c["text"]) - len(c["title"]) < MAX_BODY.get(c["outlet"], DEFAULT_MAX) + 60
    ]
    chosen = xs.by_quota(cands, SEED, QUOTAS, "r")
    xs.write_set(chosen, SPLIT, f"{SPLIT}/corpus", f"{SPLIT}/manifest.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
