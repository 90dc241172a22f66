"""Choose the articles of the eleventh extra entity set (eval/real-id/dev-extra-entities-11), held out.

    python eval/real-id/dev-extra-entities-11/select.py [--data /work/shared/data]

Why: set 9 was scored and then developed on (English error classes), and set 10 is development data from
its first score on (`--set dev+extras1-8,10`), so no entity set can any longer say how main's rules
generalise. This set is the next fresh sample, annotated and committed before linimasa is run on it, so
that its first score is an honest estimate. Deterministic, stdlib only, the construction of
`../dev-extra-entities-9/select.py`: `../select.py`'s candidates (same raw files, same topic reading) with
its own salt; every URL of every earlier manifest of eval/real-id (dev, test, the eight dates sets, entity
sets 1-10, `-en` and `-en2`) and every URL of eval/link-id is left out; short bodies (at most 1,100
characters; detik's at most 1,500; kompas's at most 3,000, as few short kompas pages are left); a quota
per outlet over the topics each outlet still has short pages in. Plus six English pages drawn (same salt)
from `html-trafilatura-eval` by `extra_sets.trafilatura_english` (news URLs only, from sites no earlier
set used); only three such pages of at most 9,000 characters are left after sets 9 and `-en2`, so the
bound on a page's visible text is 9,500. Writes `corpus/<id>.txt` and `manifest.jsonl` (split
`dev-extra-entities-11`) beside this file; ids start with `q` (sets 10 and `-en2` used `r`, set 9 `s`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-11"
SEED = "real-id-extra-entities-11-20261202"
MAX_BODY = {"kompas.com": 3000, "detik.com": 1500}  # few short kompas and detik pages are left
DEFAULT_MAX = 1100
QUOTAS = {  # the topics spread over the outlets that still have short pages in them (republika none)
    "detik.com": {"disaster": 1, "automotive": 1, "crime": 1},
    "kompas.com": {"sport": 1, "politics": 1},
    "liputan6.com": {"economy": 1, "technology": 1, "entertainment": 1, "disaster": 1},
    "okezone.com": {"sport": 1, "entertainment": 1, "economy": 1},
    "tempo.co": {"politics": 1, "crime": 1},
}
ENGLISH_COUNT = 6
ENGLISH_MAX_CHARS = 9500  # visible text of the whole page, furniture included: keeps the hand work bounded
NOT_NEWS = ("schneems.com", "wikimediafoundation.org", "rutgers.edu", "pamelaandersonfoundation.org")
"""Sites whose news-looking URLs are a person's blog or an organisation's own announcements, by URL alone."""
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "manifest-dev-extra-2.jsonl",
             "manifest-dev-extra-3.jsonl", "manifest-dev-extra-4.jsonl", "manifest-dev-extra-5.jsonl",
             "manifest-dev-extra-6.jsonl", "manifest-dev-extra-7.jsonl", "manifest-dev-extra-8.jsonl",
             "dev-extra-entities/manifest.jsonl", "dev-extra-entities-2/manifest.jsonl",
             "dev-extra-entities-3/manifest.jsonl", "dev-extra-entities-4/manifest.jsonl",
             "dev-extra-entities-5/manifest.jsonl", "dev-extra-entities-6/manifest.jsonl",
             "dev-extra-entities-7/manifest.jsonl", "dev-extra-entities-8/manifest.jsonl",
             "dev-extra-entities-9/manifest.jsonl", "dev-extra-entities-10/manifest.jsonl",
             "dev-extra-entities-en/manifest.jsonl", "dev-extra-entities-en2/manifest.jsonl")


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
    chosen = xs.by_quota(cands, SEED, QUOTAS, "q")
    chosen += xs.trafilatura_english(sel, data, SEED, ENGLISH_COUNT, banned, NOT_NEWS, ENGLISH_MAX_CHARS, "q")
    xs.write_set(chosen, SPLIT, f"{SPLIT}/corpus", f"{SPLIT}/manifest.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
