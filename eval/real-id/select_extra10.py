"""Choose the articles of the tenth extra development set `dev-extra-10` (timexes and metadata only).

    python eval/real-id/select_extra10.py    # writes corpus/dev-extra-10/ and manifest-dev-extra-10.jsonl

dev-extra-10 is drawn as dev-extra-9 (`select_extra9.py`: the same sources, cue lists, thresholds and
English-page tests; its reasons and dev-extra-8's are in that script's docstring), with its own salt and
more left out: besides every earlier manifest of eval/real-id (now also dev-extra-9 and entity set 11,
by URL and by the title line of their raw-scrape files) and eval/link-id, every URL listed in
`exclude-dev-extra-10.urls`: the articles of the precision audits (`bench/precision_audit.py draw`,
seeds 24, 25, 27, 28 and 29, and `draw-en`, seeds 11 and 12; linimasa's output was read on them) and the
draw of entity set 12, made at the same time (`/work/ann12-draw-urls.csv`). The file is a list, not a
recomputation, because `draw` depends on the gold files present when it ran (`gold_urls`); it holds the
union of the draws recreated at every commit from bench/precision_audit.py's first (9b176b9) to main's
421a3c2, so it covers whichever tree the audits were made on. Its suffix keeps it out of `gold_urls`'s
scan (it is a list of excluded URLs, not a gold set).

Changes of quota, forced: after those exclusions 214 raw-scrape candidates are left, 99 of them date rich
(detik 44, liputan6 40, okezone 15, kompas 0, tempo 0: the audits drew ~2,300 of the ~2,860 candidates),
and within dev-extra-9's body lengths only detik 14, liputan6 16 and okezone 2. So the 17 Indonesian
articles are detik 6, liputan6 7, okezone 4, and okezone's body length is raised to detik's 1,600
characters (which leaves it 10). English pages: as for
dev-extra-9, mediacloud first, then `html-trafilatura-eval` news URLs, with the audits' English pages and
their sites left out, give none (every trafilatura news page that passes the tests is one of the audits'
pages), so the three come from `html-fundus-parser-tests`' pages that no set holds (`fundus_english`: the
same tests as `extra_sets.trafilatura_english` but its news-URL test, as the data set holds news pages
of news publishers only; sites of every earlier set left out; `NOT_NEWS_FUNDUS` its publishers whose
page is not news). dev/test and dev-extra to -7 drew their English pages from it as fixed lists; no set
since (none of -8, -9 or entity sets 8-12) did.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above
import select_extra9 as s9  # dev-extra-9's cue lists, thresholds and site lists

SPLIT = "dev-extra-10"
SEED = "real-id-dev-extra-10-20261202"
PER_OUTLET = {"detik.com": 6, "kompas.com": 0, "liputan6.com": 7, "okezone.com": 4, "tempo.co": 0, "republika.co.id": 0}
MAX_BODY = {"kompas.com": 2200, "detik.com": 1600, "okezone.com": 1600}
MANIFESTS = (*s9.MANIFESTS, "manifest-dev-extra-9.jsonl", "dev-extra-entities-11/manifest.jsonl")
NOT_NEWS_FUNDUS = ("worldtruth.tv",)
"""Publishers of `html-fundus-parser-tests` whose page is not a news article (WorldTruth's is a health
feature whose date cues are its archive menu's month names)."""
EXCLUDE = xs.GOLD / "exclude-dev-extra-10.urls"


def excluded_urls() -> set[str]:
    """The URLs of `exclude-dev-extra-10.urls` (one a line; `#` lines are comments)."""
    lines = EXCLUDE.read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}




def fundus_english(sel: ModuleType, seed: str, count: int, used: set[str]) -> list[dict]:
    """English news pages of `html-fundus-parser-tests` that no set holds: English by function words
    (at least 15% of the words of the visible text, `select.py` `html_to_text`), a paragraph of at least
    200 characters, at most `ENGLISH_MAX_CHARS` of visible text, at least `MIN_CUES_EN` English date
    cues, from a site no earlier set used and not in `NOT_NEWS_FUNDUS`; in salted order, one per site."""
    root = xs.DATA / "html-fundus-parser-tests"
    rows = [json.loads(line) for line in (root / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    used_sites = {xs.site(u) for u in used} | set(NOT_NEWS_FUNDUS)
    out: list[dict] = []
    for row in sorted(rows, key=lambda r: xs.salted(seed, r["url"])):
        if len(out) >= count:
            break
        if row["url"] in used or xs.site(row["url"]) in used_sites:
            continue
        text = sel.html_to_text(sel.read_gz(root / row["html"]))
        words = re.findall(r"[a-z]+", text.lower())
        if not words or sum(w in xs.STOPWORDS_EN for w in words) < 0.15 * len(words):
            continue
        if len(text) > s9.ENGLISH_MAX_CHARS or not any(len(ln) >= 200 for ln in text.splitlines()):
            continue
        if not s9.date_rich_en(text):
            continue
        used_sites.add(xs.site(row["url"]))
        name = Path(row["html"]).name.removesuffix(".html.gz")
        publisher, date = name.split("_", 1)
        out.append(
            {
                "outlet": row["publisher"],
                "url": row["url"],
                "topic": "other",
                "language": "en",
                "source": f"html-fundus-parser-tests/{row['html']}",
                "id": f"en-{publisher.lower()}-{date.replace('_', '-')}",
                "text": text,
            }
        )
    return out


def main() -> int:
    sel = xs.load_select()
    banned = xs.used_urls(MANIFESTS) | xs.link_id_urls() | excluded_urls()
    titles = xs.earlier_titles(MANIFESTS)
    cands = [
        c
        for c in sel.csv_candidates(xs.DATA)
        if c["url"] not in banned and c["title"] not in titles and s9.date_rich(c)
    ]
    chosen = xs.by_topic_rounds(cands, SEED, sel.QUOTAS, PER_OUTLET, MAX_BODY, s9.DEFAULT_MAX)
    english = xs.mediacloud_english(
        sel, xs.DATA, SEED, s9.ENGLISH_COUNT, banned, s9.NOT_NEWS, s9.ENGLISH_MAX_CHARS, "", s9.date_rich_en
    )
    english += xs.trafilatura_english(
        sel, xs.DATA, SEED, s9.ENGLISH_COUNT - len(english), banned | {e["url"] for e in english},
        s9.NOT_NEWS_TRAF, s9.ENGLISH_MAX_CHARS, "", s9.date_rich_en,
    )
    english += fundus_english(sel, SEED, s9.ENGLISH_COUNT - len(english), banned | {e["url"] for e in english})
    chosen += english
    xs.write_set(chosen, SPLIT, f"corpus/{SPLIT}", f"manifest-{SPLIT}.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
