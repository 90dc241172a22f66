"""Choose the pages of the second English entity development set (eval/real-id/dev-extra-entities-en2).

    python eval/real-id/dev-extra-entities-en2/select.py [--data /work/shared/data]

Why: English news outside the fundus pages is linimasa's weakest entity area, and the one English entity
set (`dev-extra-entities-en`) has become familiar: its 20 pages shaped the English rules. This set is 20
more English news pages, annotated and committed before linimasa is run on them, so that its first score
says how those rules carry to unseen pages, and then a second English set to develop on. For variety it
draws from `html-trafilatura-eval` (trafilatura's extraction benchmark), not from
`html-dates-htmldate-mediacloud` (which set 8 and `-en` drew from, nearly used up) nor from
`html-fundus-parser-tests` (dev, test and the dates sets). `dev-extra-entities-9`, drawn at the same time,
takes six trafilatura pages: their URLs and sites (`SET9_URLS`, from its manifest; its annotation was
not read) are left out here, so the two sets share no page and no site.

Deterministic, stdlib only: pages whose `<html lang>` is English or absent and whose visible text
(`select.py` `html_to_text`) is English by function words (at least 15% of its words), with a paragraph of
at least 200 characters and at most 9,000 characters of visible text (the hand work stays bounded), from
a site on `NEWS_SITES` (news outlets, judged by the site name alone, before any page was read), from no
site any earlier manifest of eval/real-id or eval/link-id used; salted order, one page per site, 20
pages. Writes `corpus/<id>.txt` and `manifest.jsonl` (split `dev-extra-entities-en2`) beside this file;
ids start with `r` (set 9 uses `s`, `-en` `t`, set 8 `u`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-entities-en2"
SEED = "real-id-extra-entities-en2-20261202"
COUNT = 20
MAX_CHARS = 9000
NEWS_SITES = frozenset((
    "abc13.com", "abc7news.com", "bostonherald.com", "breakingbelizenews.com", "cbsnews.com",
    "gothamist.com", "haitiantimes.com", "heartlandnewsfeed.com", "jamaica-gleaner.com", "gleaner.com",
    "jamaicaobserver.com", "japantimes.co.jp", "kaieteurnewsonline.com", "kbs.co.kr", "nationalgeographic.co.uk",
    "nationnews.com", "nowgrenada.com", "observer.com", "pcmag.com", "phillyvoice.com", "phys.org",
    "scmp.com", "searchlight.vc", "stluciatimes.com", "thelocal.se", "thestkittsnevisobserver.com",
    "threatpost.com", "viconsortium.com", "vice.com", "wsvn.com", "citylimits.org", "pagesix.com",
    "roughdraftatlanta.com", "salon.com", "thepointsguy.com", "twincities.com", "politico.com",
    "pcgamer.com", "knowtechie.com", "vancouversun.com",
))
"""News outlets among the data set's English sites (by name: newspapers, broadcasters, news sites);
blogs, recipe, shop, documentation, advocacy and university pages are not on it."""
SET9_URLS = (
    "https://citylimits.org/2023/11/08/video-voting-on-nychas-future/",
    "https://pagesix.com/2020/02/24/former-wh-press-secretary-dee-dee-myers-exits-warner-bros-role/",
    "https://roughdraftatlanta.com/2023/11/08/brookhaven-village-closed-due-to-gas-leak/",
    "https://www.salon.com/2020/01/10/despite-everything-u-s-emissions-dipped-in-2019_partner/",
    "https://thepointsguy.com/news/alaska-airlines-oneworld-membership-new-date/",
    "https://www.twincities.com/2023/11/08/st-louis-park-elects-a-new-mayor-apparently-the-first-somali-american-to-lead-a-u-s-city/",
)
"""The trafilatura pages of `dev-extra-entities-9` (drawn the same day): left out with their sites."""
MANIFESTS = ("manifest.jsonl", "manifest-dev-extra.jsonl", "manifest-dev-extra-2.jsonl",
             "manifest-dev-extra-3.jsonl", "manifest-dev-extra-4.jsonl", "manifest-dev-extra-5.jsonl",
             "manifest-dev-extra-6.jsonl", "manifest-dev-extra-7.jsonl",
             "dev-extra-entities/manifest.jsonl", "dev-extra-entities-2/manifest.jsonl",
             "dev-extra-entities-3/manifest.jsonl", "dev-extra-entities-4/manifest.jsonl",
             "dev-extra-entities-5/manifest.jsonl", "dev-extra-entities-6/manifest.jsonl",
             "dev-extra-entities-7/manifest.jsonl", "dev-extra-entities-8/manifest.jsonl",
             "dev-extra-entities-en/manifest.jsonl")


def page_site(key: str) -> str:
    """A page's site: the registered domain of its URL, or for the data set's `hard::<file>` keys
    (pages kept without their URL) the domain the file name starts with."""
    if key.startswith("hard::"):
        return xs.site("https://" + key[6:].split("-", 1)[0].removesuffix(".html"))
    return xs.site(key)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(xs.DATA))
    data = Path(ap.parse_args(argv).data)
    sel = xs.load_select()
    used = xs.used_urls(MANIFESTS) | xs.link_id_urls() | set(SET9_URLS)
    used_sites = {page_site(u) for u in used}
    root = data / "html-trafilatura-eval"
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    chosen: list[dict] = []
    for key in sorted(gold, key=lambda k: xs.salted(SEED, k)):
        site = page_site(key)
        if len(chosen) >= COUNT:
            break
        if key in used or site in used_sites or site not in NEWS_SITES:
            continue
        path = root / "html" / f"{gold[key]['file']}.gz"
        if not path.exists():
            continue
        html = sel.read_gz(path)
        lang = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html, re.I)
        if lang and not lang.group(1).lower().startswith("en"):
            continue
        text = sel.html_to_text(html)
        words = re.findall(r"[a-z]+", text.lower())
        if not words or sum(w in xs.STOPWORDS_EN for w in words) < 0.15 * len(words):
            continue
        if len(text) > MAX_CHARS or not any(len(ln) >= 200 for ln in text.splitlines()):
            continue
        used_sites.add(site)
        chosen.append(
            {
                "outlet": site,
                "url": key,
                "topic": "other",
                "language": "en",
                "source": f"html-trafilatura-eval/html/{gold[key]['file']}.gz",
                "id": f"ren-{site.split('.')[0]}-{gold[key].get('date') or 'undated'}",
                "text": text,
            }
        )
    xs.write_set(chosen, SPLIT, f"{SPLIT}/corpus", f"{SPLIT}/manifest.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
