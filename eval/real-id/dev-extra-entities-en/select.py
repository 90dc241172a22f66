"""Choose the pages of the English entity development set (eval/real-id/dev-extra-entities-en).

    python eval/real-id/dev-extra-entities-en/select.py [--data /work/shared/data]

Why: set 8's held-out figure showed English pages far weaker than Indonesian ones (its four US news
pages of 2020), while every earlier set held only two to four English pages, nearly all from one data
set (`html-fundus-parser-tests`): too few to develop English entity rules on. This set is 20 English
news pages, annotated and committed before linimasa is run on them, for English rule work (a
development set, pooled with nothing). Deterministic, stdlib only: `extra_sets.mediacloud_english`
(English by `<html lang>` and function words, a known publication date, a paragraph of at least 200
characters, at most 9,000 characters of visible text, one page per site, sites that are no news
articles left out) with its own salt, leaving out every URL of every earlier manifest of eval/real-id
(dev, test, the seven dates sets, entity sets 1-8: set 8's pages and sites by its manifest) and of
eval/link-id, and every site those manifests used. Writes `corpus/<id>.txt` and `manifest.jsonl`
(split `dev-extra-entities-en`) beside this file; ids start with `t` (set 8 used `u`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-en"
SEED = "real-id-extra-entities-en-20261202"
COUNT = 20
MAX_CHARS = 9000  # visible text of the whole page, furniture included: keeps the hand work bounded
NOT_NEWS = ("youtube.com", "twitter.com", "google.com", "jstor.org", "d-addicts.com", "hypixel.net",
            "blogspot.com", "ttblogs.com", "optimussearch.com.ph", "96fm.ie", "dln.com", "wikipedia.org")
"""Sites of the data set whose pages are not news articles (set 8's list, by URL alone)."""
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "manifest-dev-extra-2.jsonl",
             "manifest-dev-extra-3.jsonl", "manifest-dev-extra-4.jsonl", "manifest-dev-extra-5.jsonl",
             "manifest-dev-extra-6.jsonl", "manifest-dev-extra-7.jsonl",
             "dev-extra-entities/manifest.jsonl", "dev-extra-entities-2/manifest.jsonl",
             "dev-extra-entities-3/manifest.jsonl", "dev-extra-entities-4/manifest.jsonl",
             "dev-extra-entities-5/manifest.jsonl", "dev-extra-entities-6/manifest.jsonl",
             "dev-extra-entities-7/manifest.jsonl", "dev-extra-entities-8/manifest.jsonl")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(xs.DATA))
    data = Path(ap.parse_args(argv).data)
    sel = xs.load_select()
    used = xs.used_urls(MANIFESTS) | xs.link_id_urls()
    chosen = xs.mediacloud_english(sel, data, SEED, COUNT, used, NOT_NEWS, MAX_CHARS, "t")
    xs.write_set(chosen, SPLIT, f"{SPLIT}/corpus", f"{SPLIT}/manifest.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
