"""Choose the articles of the eighth extra entity development set (eval/real-id/dev-extra-entities-8).

    python eval/real-id/dev-extra-entities-8/select.py [--data /work/shared/data]

Why: once set 7's held-out figure was recorded it joined the development pool (`--set dev+extras1-7`),
so no entity set could any longer say how main's rules generalise. This set is the next fresh sample,
annotated and committed before linimasa is run on it, so that its first score is an honest estimate.
Deterministic, stdlib only, the construction of `../dev-extra-entities-7/select.py`: `../select.py`'s
candidates (same raw files, same topic reading) with its own salt; every URL of every earlier manifest
of eval/real-id (dev, test, the six dates sets, entity sets 1-7) and every URL of eval/link-id is left
out; short bodies (at most 1,100 characters, kompas's at most 2,000); a quota per outlet over the
topics each outlet still has short pages in; plus four English pages drawn (same salt) from
`html-dates-htmldate-mediacloud`, a data set no earlier set drew from, from sites no earlier set used
(`extra_sets.mediacloud_english`). Writes `corpus/<id>.txt` and `manifest.jsonl` (split
`dev-extra-entities-8`) beside this file; ids start with `u` (set 7 used `v`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-8"
SEED = "real-id-extra-entities-8-20261202"
MAX_BODY = {"kompas.com": 2000}  # few short kompas pages are left: its bodies carry "Baca juga" lines
DEFAULT_MAX = 1100
QUOTAS = {  # short pages left: detik sport only, kompas "other" only, republika none (its feed repeats
    # each article); the other outlets cover the remaining topics
    "detik.com": {"sport": 2},
    "kompas.com": {"other": 2},
    "liputan6.com": {"automotive": 1, "disaster": 1, "entertainment": 1, "technology": 1, "politics": 1,
                     "crime": 1},
    "okezone.com": {"economy": 1, "crime": 1, "sport": 1},
    "tempo.co": {"politics": 1, "economy": 1, "crime": 1},
}
ENGLISH_COUNT = 4
ENGLISH_MAX_CHARS = 9000  # visible text of the whole page, furniture included: keeps the hand work bounded
NOT_NEWS = ("youtube.com", "twitter.com", "google.com", "jstor.org", "d-addicts.com", "hypixel.net",
            "blogspot.com", "ttblogs.com", "optimussearch.com.ph", "96fm.ie", "dln.com", "wikipedia.org")
"""Sites of the data set whose pages are not news articles (video, social, search, journal, wiki and
forum pages, spam), by URL alone."""
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "manifest-dev-extra-2.jsonl",
             "manifest-dev-extra-3.jsonl", "manifest-dev-extra-4.jsonl", "manifest-dev-extra-5.jsonl",
             "manifest-dev-extra-6.jsonl",
             "dev-extra-entities/manifest.jsonl", "dev-extra-entities-2/manifest.jsonl",
             "dev-extra-entities-3/manifest.jsonl", "dev-extra-entities-4/manifest.jsonl",
             "dev-extra-entities-5/manifest.jsonl", "dev-extra-entities-6/manifest.jsonl",
             "dev-extra-entities-7/manifest.jsonl")


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
    chosen = xs.by_quota(cands, SEED, QUOTAS, "u")
    chosen += xs.mediacloud_english(sel, data, SEED, ENGLISH_COUNT, used, NOT_NEWS, ENGLISH_MAX_CHARS, "u")
    xs.write_set(chosen, SPLIT, f"{SPLIT}/corpus", f"{SPLIT}/manifest.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
