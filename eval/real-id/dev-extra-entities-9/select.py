"""Choose the articles of the ninth extra entity set (eval/real-id/dev-extra-entities-9), held out.

    python eval/real-id/dev-extra-entities-9/select.py [--data /work/shared/data]

Why: once sets 8 and `-en` had had their held-out runs they joined the development pool
(`--set dev+extras1-8`), so no entity set could any longer say how main's rules generalise. This set is
the next fresh sample, annotated and committed before linimasa is run on it, so that its first score is
an honest estimate. Deterministic, stdlib only, the construction of `../dev-extra-entities-8/select.py`:
`../select.py`'s candidates (same raw files, same topic reading) with its own salt; every URL of every
earlier manifest of eval/real-id (dev, test, the seven dates sets, entity sets 1-8 and `-en`) and every
URL of eval/link-id is left out; short bodies (at most 1,100 characters; detik's at most 1,500, whose
shorter pages left are sport only; kompas's at most 2,000); a quota per outlet over the topics each outlet
still has short pages in. Plus six English pages drawn (same salt) from `html-trafilatura-eval`, a data
set no earlier set drew from (`html-dates-htmldate-mediacloud`, which set 8 and `-en` drew from, has
one eligible page left), news URLs only, from sites no earlier set used
(`extra_sets.trafilatura_english`). Writes `corpus/<id>.txt` and `manifest.jsonl` (split
`dev-extra-entities-9`) beside this file; ids start with `s` (set 8 used `u`, `-en` used `t`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-9"
SEED = "real-id-extra-entities-9-20261202"
MAX_BODY = {"kompas.com": 2000, "detik.com": 1500}  # few short kompas and detik pages are left
DEFAULT_MAX = 1100
QUOTAS = {  # short pages left: kompas "other" only, republika none (its feed repeats each article);
    # the topics spread over the outlets that still have short pages in them
    "detik.com": {"politics": 1, "crime": 1, "automotive": 1},
    "kompas.com": {"other": 1},
    "liputan6.com": {"disaster": 1, "technology": 1, "entertainment": 1, "economy": 1},
    "okezone.com": {"sport": 1, "entertainment": 1, "economy": 1},
    "tempo.co": {"politics": 1, "economy": 1, "crime": 1},
}
ENGLISH_COUNT = 6
ENGLISH_MAX_CHARS = 9000  # visible text of the whole page, furniture included: keeps the hand work bounded
NOT_NEWS = ("schneems.com", "wikimediafoundation.org", "rutgers.edu", "pamelaandersonfoundation.org")
"""Sites whose news-looking URLs are a person's blog or an organisation's own announcements, by URL alone."""
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "manifest-dev-extra-2.jsonl",
             "manifest-dev-extra-3.jsonl", "manifest-dev-extra-4.jsonl", "manifest-dev-extra-5.jsonl",
             "manifest-dev-extra-6.jsonl", "manifest-dev-extra-7.jsonl",
             "dev-extra-entities/manifest.jsonl", "dev-extra-entities-2/manifest.jsonl",
             "dev-extra-entities-3/manifest.jsonl", "dev-extra-entities-4/manifest.jsonl",
             "dev-extra-entities-5/manifest.jsonl", "dev-extra-entities-6/manifest.jsonl",
             "dev-extra-entities-7/manifest.jsonl", "dev-extra-entities-8/manifest.jsonl",
             "dev-extra-entities-en/manifest.jsonl")


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
    chosen = xs.by_quota(cands, SEED, QUOTAS, "s")
    chosen += xs.trafilatura_english(sel, data, SEED, ENGLISH_COUNT, banned, NOT_NEWS, ENGLISH_MAX_CHARS, "s")
    xs.write_set(chosen, SPLIT, f"{SPLIT}/corpus", f"{SPLIT}/manifest.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
