"""Choose the articles of the ninth extra development set `dev-extra-9` (timexes and metadata only).

    python eval/real-id/select_extra9.py     # writes corpus/dev-extra-9/ and manifest-dev-extra-9.jsonl

dev-extra-9 is drawn exactly as dev-extra-8 (below: that set's reasons, kept as written), with its own
salt and every set made since left out too: dev-extra-8, entity sets 9, 10 and `-en2` (their URLs, the
title lines of their raw-scrape files, and, for the English pages, their sites). Same quotas, body
lengths, cue lists and thresholds as dev-extra-8. One change, forced: `html-dates-htmldate-mediacloud` has
no page left that passes dev-extra-8's tests (of its 200 pages, 57 are used, undated or of a used site,
107 not `lang="en"`, 22 not English by function words, 3 without a paragraph, 10 too long, 1 not date
rich), so the English pages are filled up from `html-trafilatura-eval` (`extra_sets.trafilatura_english`:
news URLs only; no dates set drew from it, and its sites used by entity sets 9 and `-en2` are left out),
with the same length and English date-cue tests, plus `NOT_NEWS_TRAF` (entity set 9's list of sites that
are not news).

dev-extra-8's reasons:

Why: once dev-extra-7's held-out figure was recorded, the date rules are developed on dev and all seven
dates sets pooled (`--set dev+dates7`), so none of them says any longer how the rules do on unseen news.
`dev-extra-8` is the next fresh held-out set, annotated and committed before linimasa is run on it and
kept out of every pool. Same sources read the same way (`select.py` `csv_candidates`, `html_to_text`);
left out: every URL of every earlier manifest of eval/real-id (dev, test, the seven dates sets, the nine
entity sets) and of eval/link-id, and every raw-scrape article whose title is the title line of an earlier
set's file (the same story under a second URL). As for dev-extra-7 a candidate must be rich in dates, now
by a wider count of date cues (`CUE_ID`: weekdays, months, `pukul`, parts of the day, deictic days,
`lalu`, `saat itu` / `dulu` / `nanti` / `ke depan`, a number before a time unit, d/m dates, years) in the
text after the title and date lines, at least `MIN_CUES` times: a test on the article's own words, never on
anything linimasa outputs, so that stories told in the past, parts of the day, durations and vague
references come in as they occur. Short bodies so that an article fits one annotation session (at most
1,200 characters; detik 1,600, set from a first count with a narrower cue list that left only 9 of its
date-rich bodies under 1,200 (the final list leaves 20); kompas 2,200 as in dev-extra-5 to -7); per
outlet, the first candidates in the order of a hash salted differently from every earlier set, one per
topic before a second of any topic; republika none (long repeated pages);
`html-id-news-sample`'s three pages are all in dev/test already. Plus three English news pages of
`html-dates-htmldate-mediacloud` (no dates set drew from it), from sites no earlier set used, at most
`ENGLISH_MAX_CHARS` of visible text, with at least `MIN_CUES_EN` English date cues (`CUE_EN`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-9"
SEED = "real-id-dev-extra-9-20261202"
PER_OUTLET = {"detik.com": 4, "kompas.com": 2, "liputan6.com": 5, "okezone.com": 4, "tempo.co": 2, "republika.co.id": 0}
MAX_BODY = {"kompas.com": 2200, "detik.com": 1600}
DEFAULT_MAX = 1200
ENGLISH_COUNT = 3
ENGLISH_MAX_CHARS = 11000  # visible text of the whole page, furniture included: keeps the hand work bounded
NOT_NEWS = ("youtube.com", "twitter.com", "google.com", "jstor.org", "d-addicts.com", "hypixel.net",
            "blogspot.com", "ttblogs.com", "optimussearch.com.ph", "96fm.ie", "dln.com", "wikipedia.org")
"""Sites of the mediacloud data set whose pages are not news articles (entity set 8's list, by URL alone)."""
NOT_NEWS_TRAF = ("schneems.com", "wikimediafoundation.org", "rutgers.edu", "pamelaandersonfoundation.org")
"""Sites of `html-trafilatura-eval` whose pages are not news articles (entity set 9's list)."""
MANIFESTS = (
    "manifest.jsonl",
    "manifest-dev-extra.jsonl",
    "manifest-dev-extra-2.jsonl",
    "manifest-dev-extra-3.jsonl",
    "manifest-dev-extra-4.jsonl",
    "manifest-dev-extra-5.jsonl",
    "manifest-dev-extra-6.jsonl",
    "manifest-dev-extra-7.jsonl",
    "manifest-dev-extra-8.jsonl",
    "dev-extra-entities/manifest.jsonl",
    "dev-extra-entities-2/manifest.jsonl",
    "dev-extra-entities-3/manifest.jsonl",
    "dev-extra-entities-4/manifest.jsonl",
    "dev-extra-entities-5/manifest.jsonl",
    "dev-extra-entities-6/manifest.jsonl",
    "dev-extra-entities-7/manifest.jsonl",
    "dev-extra-entities-8/manifest.jsonl",
    "dev-extra-entities-9/manifest.jsonl",
    "dev-extra-entities-10/manifest.jsonl",
    "dev-extra-entities-en/manifest.jsonl",
    "dev-extra-entities-en2/manifest.jsonl",
)
_NUM = r"(?:\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|belasan|puluhan|beberapa|se)"
CUE_ID = re.compile(
    r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus"
    r"|September|Oktober|November|Desember|pukul|pagi|siang|sore|petang|malam|dini hari|subuh|kemarin|besok"
    r"|lusa|hari ini|saat itu|kala itu|waktu itu|dulu|nanti|ke depan|lalu"
    rf"|{_NUM} ?(?:detik|menit|jam|hari|pekan|minggu|bulan|tahun)|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
MIN_CUES = 6
CUE_EN = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|yesterday|today|tomorrow|tonight|morning|afternoon|evening"
    r"|night|ago|now|then|recently|last (?:week|month|year)|next (?:week|month|year)"
    r"|\d+ (?:days?|weeks?|months?|years?|hours?|minutes?)|(?:19|20)\d\d)\b"
)
MIN_CUES_EN = 15


def date_rich(cand: dict) -> bool:
    """At least MIN_CUES date cues in the text after the title and date lines."""
    body = "\n".join(cand["text"].split("\n")[2:])
    return len(CUE_ID.findall(body)) >= MIN_CUES


def date_rich_en(text: str) -> bool:
    """At least MIN_CUES_EN English date cues in the page's visible text."""
    return len(CUE_EN.findall(text)) >= MIN_CUES_EN




def main() -> int:
    sel = xs.load_select()
    used = xs.used_urls(MANIFESTS)
    banned = used | xs.link_id_urls()
    titles = xs.earlier_titles(MANIFESTS)
    cands = [
        c
        for c in sel.csv_candidates(xs.DATA)
        if c["url"] not in banned and c["title"] not in titles and date_rich(c)
    ]
    chosen = xs.by_topic_rounds(cands, SEED, sel.QUOTAS, PER_OUTLET, MAX_BODY, DEFAULT_MAX)
    english = xs.mediacloud_english(
        sel, xs.DATA, SEED, ENGLISH_COUNT, banned, NOT_NEWS, ENGLISH_MAX_CHARS, "", date_rich_en
    )
    english += xs.trafilatura_english(
        sel, xs.DATA, SEED, ENGLISH_COUNT - len(english), banned | {e["url"] for e in english}, NOT_NEWS_TRAF,
        ENGLISH_MAX_CHARS, "", date_rich_en,
    )
    chosen += english
    xs.write_set(chosen, SPLIT, f"corpus/{SPLIT}", f"manifest-{SPLIT}.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
