"""Choose the articles of the twelfth extra entity set (eval/real-id/dev-extra-entities-12), held out.

    python eval/real-id/dev-extra-entities-12/select.py [--data /work/shared/data]

Why: set 11 was scored once and may now be developed on, so a fresh sample is needed to say how
main's rules generalise. This set is annotated and committed before linimasa is run on it, so that
its first score is an honest estimate. Deterministic, stdlib only, the construction of
`../dev-extra-entities-11/select.py` with its own salt: `../select.py`'s candidates; every URL of every
earlier manifest of eval/real-id (found by `manifest*.jsonl` under this folder's parent: dev, test, the
dates sets, entity sets 1-11, `-en`, `-en2`) and of eval/link-id is left out, and so is every article of
the precision audits of issue 11 (`audit-drawn.urls`, frozen beside this file: the seed 24, 25, 27, 28
and 29 draws of `bench/precision_audit.py draw` and the seed 11 and 12 draws of `draw-en`, recreated as
bench/results/audit/README.md writes them; see eval/real-id/README.md for the gold state each was
recreated on). The audits took 2,000 of the ~2,300 unseen raw articles, so the bounds on a body's
length are looser than set 11's (liputan6 and tempo at most 1,100 characters, okezone 1,500, detik
1,600, kompas 3,000) and the quotas follow the topics each outlet still has. Plus six English pages of
`html-trafilatura-eval` (same salt): `extra_sets.trafilatura_english` finds none left (set 11 took the
last news URLs of unused sites, and the audits' `draw-en` most other pages), so they are drawn as
`../dev-extra-entities-en2/select.py` drew its pages: a page of a news outlet by name (`NEWS_SITES`:
that set's list plus four newspapers), English by function words, a paragraph of at least 200
characters, at most 11,000 characters of visible text, in no earlier manifest, eval/link-id or audit
draw, one page per site (a site an earlier set used may give another of its pages: few are left).
Writes `corpus/<id>.txt` and `manifest.jsonl` (split `dev-extra-entities-12`) beside this file;
ids start with `p` (set 11 used `q`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

HERE = Path(__file__).resolve().parent

SPLIT = "dev-extra-entities-12"
SEED = "real-id-extra-entities-12-20261202"
MAX_BODY = {"kompas.com": 3000, "detik.com": 1600, "okezone.com": 1500}
DEFAULT_MAX = 1100
QUOTAS = {  # the topics the outlets still have short unseen pages in (republika none)
    "detik.com": {"automotive": 1, "crime": 1, "politics": 1},
    "kompas.com": {"automotive": 1, "other": 1},
    "liputan6.com": {"politics": 1, "disaster": 1, "technology": 1, "entertainment": 1},
    "okezone.com": {"sport": 1, "economy": 1, "technology": 1},
    "tempo.co": {"crime": 2},
}
ENGLISH_COUNT = 6
ENGLISH_MAX_CHARS = 11000  # visible text of the whole page, furniture included: keeps the hand work bounded
NEWS_SITES = frozenset((
    "abc13.com", "abc7news.com", "bostonherald.com", "breakingbelizenews.com", "cbsnews.com",
    "gothamist.com", "haitiantimes.com", "heartlandnewsfeed.com", "jamaica-gleaner.com", "gleaner.com",
    "jamaicaobserver.com", "japantimes.co.jp", "kaieteurnewsonline.com", "kbs.co.kr", "nationalgeographic.co.uk",
    "nationnews.com", "nowgrenada.com", "observer.com", "pcmag.com", "phillyvoice.com", "phys.org",
    "scmp.com", "searchlight.vc", "stluciatimes.com", "thelocal.se", "thestkittsnevisobserver.com",
    "threatpost.com", "viconsortium.com", "vice.com", "wsvn.com", "citylimits.org", "pagesix.com",
    "roughdraftatlanta.com", "salon.com", "thepointsguy.com", "twincities.com", "politico.com",
    "pcgamer.com", "knowtechie.com", "vancouversun.com",
    "mercurynews.com", "laweekly.com", "villagevoice.com", "dw.com",
))
"""News outlets among the data set's English sites, by name (`dev-extra-entities-en2`'s list and four
newspapers and broadcasters more); blogs, recipe, shop, documentation and advocacy pages are not on it."""


def page_site(key: str) -> str:
    """A page's site: the registered domain of its URL, or for the data set's `hard::<file>` keys
    (pages kept without their URL) the domain the file name starts with."""
    if key.startswith("hard::"):
        name = key[6:].removesuffix(".html")
        name = re.split(r"-|\.(?=\d)", name, maxsplit=1)[0]  # 'mercurynews.com.2023.01.16.letters-1119'
        return xs.site("https://" + name)
    return xs.site(key)


def english_pages(sel: object, data: Path, banned: set[str]) -> list[dict]:
    """The six English pages (see the module's docstring), in salted order."""
    root = data / "html-trafilatura-eval"
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    sites: set[str] = set()
    chosen: list[dict] = []
    for key in sorted(gold, key=lambda k: xs.salted(SEED, k)):
        site = page_site(key)
        if len(chosen) >= ENGLISH_COUNT:
            break
        if key in banned or site in sites or site not in NEWS_SITES:
            continue
        path = root / "html" / f"{gold[key]['file']}.gz"
        if not path.exists():
            continue
        html = sel.read_gz(path)  # type: ignore[attr-defined]
        lang = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html, re.I)
        if lang and not lang.group(1).lower().startswith("en"):
            continue
        text = sel.html_to_text(html)  # type: ignore[attr-defined]
        words = re.findall(r"[a-z]+", text.lower())
        if not words or sum(w in xs.STOPWORDS_EN for w in words) < 0.15 * len(words):
            continue
        if len(text) > ENGLISH_MAX_CHARS or not any(len(ln) >= 200 for ln in text.splitlines()):
            continue
        sites.add(site)
        chosen.append(
            {
                "outlet": site,
                "url": key,
                "topic": "other",
                "language": "en",
                "source": f"html-trafilatura-eval/html/{gold[key]['file']}.gz",
                "id": f"pen-{site.split('.')[0]}-{gold[key].get('date') or 'undated'}",
                "text": text,
            }
        )
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(xs.DATA))
    data = Path(ap.parse_args(argv).data)
    sel = xs.load_select()
    manifests = sorted(
        str(p.relative_to(xs.GOLD)) for p in xs.GOLD.rglob("manifest*.jsonl") if SPLIT not in str(p)
    )
    audits = set((HERE / "audit-drawn.urls").read_text(encoding="utf-8").split())
    banned = xs.used_urls(manifests) | xs.link_id_urls() | audits
    cands = [
        c
        for c in sel.csv_candidates(data)
        if c["url"] not in banned
        and len(c["text"]) - len(c["title"]) < MAX_BODY.get(c["outlet"], DEFAULT_MAX) + 60
    ]
    chosen = xs.by_quota(cands, SEED, QUOTAS, "p")
    chosen += english_pages(sel, data, banned)
    xs.write_set(chosen, SPLIT, f"{SPLIT}/corpus", f"{SPLIT}/manifest.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
