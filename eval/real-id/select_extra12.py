"""Choose the articles of the twelfth extra development set `dev-extra-12` (timexes and metadata only).

    python eval/real-id/select_extra12.py    # writes corpus/dev-extra-12/ and manifest-dev-extra-12.jsonl
                                             # (and dev-extra-12b's, see SPLIT_B)

Why: the dates pools (`dev+dates11`) are nearly saturated (value F1 0.96) and held mostly Indonesian text;
dev-extra-11 added Indonesian text of another era, this set adds ENGLISH news pages, of which the dates
sets hold only a few per set. Sources: the three English HTML data sets read by `select.py`
`html_to_text`: `html-dates-htmldate-mediacloud`, `html-trafilatura-eval` (news URLs only,
`extra_sets.NEWS_PATH`) and `html-fundus-parser-tests`. Left out: every URL of every manifest under
eval/real-id (found by glob, so every dates and entity set), of eval/link-id and of
`exclude-dev-extra-10.urls` (the precision audits' pages, on which linimasa's output was read), and the
sites that are not news (`select_extra9.NOT_NEWS`, `NOT_NEWS_TRAF`, `select_extra10.NOT_NEWS_FUNDUS`).
A site used by an earlier set is allowed (the pages are new; after those exclusions too few pages of new
sites are left), one page per site within this set. Tests on the page's own text only (never on any
linimasa output): `<html lang>` English (mediacloud, trafilatura), English by function words (15%), a
paragraph of at least 200 characters, at most `MAX_CHARS` characters of visible text (menus included;
keeps the hand work bounded), at least `MIN_CUES_EN` English date cues (`select_extra9.CUE_EN`; fewer than
that set's 15, which leaves almost nothing). In the salted order of the URL: the first `COUNT` are
`dev-extra-12`, the next `COUNT_B` `dev-extra-12b` (drawn after -12 had been scored and its rules
changed, annotated before linimasa was run on them). Stdlib only, deterministic.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above
import select_extra9 as s9  # English date cues, not-news site lists
import select_extra10 as s10  # the precision audits' URLs, fundus not-news list

SPLIT = "dev-extra-12"
SEED = "real-id-dev-extra-12-20261202"
COUNT = 6
SPLIT_B = "dev-extra-12b"
COUNT_B = 6
MAX_CHARS = 12000
MIN_CUES_EN = 8


def english(text: str) -> bool:
    """English by function words, with a paragraph, short enough and rich enough in date cues."""
    words = re.findall(r"[a-z]+", text.lower())
    return (
        bool(words)
        and sum(w in xs.STOPWORDS_EN for w in words) >= 0.15 * len(words)
        and len(text) <= MAX_CHARS
        and any(len(ln) >= 200 for ln in text.splitlines())
        and len(s9.CUE_EN.findall(text)) >= MIN_CUES_EN
    )


def lang_en(html: str) -> bool:
    """The page's `<html lang>` says English."""
    lang = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html, re.I)
    return bool(lang and lang.group(1).lower().startswith("en"))


def candidates(sel: ModuleType, used: set[str]) -> list[dict]:
    """Every page of the three sources that passes the tests above, not in `used`."""
    out: list[dict] = []
    skip = set(s9.NOT_NEWS) | set(s9.NOT_NEWS_TRAF) | set(s10.NOT_NEWS_FUNDUS)
    root = xs.DATA / "html-dates-htmldate-mediacloud"
    gold = json.loads((root / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    for url, row in gold.items():
        if url in used or xs.site(url) in skip or row.get("date") in (None, "", "nan"):
            continue
        html = sel.read_gz(root / "html" / f"{row['file']}.gz")
        if lang_en(html) and english(text := sel.html_to_text(html)):
            out.append({"url": url, "source": f"html-dates-htmldate-mediacloud/html/{row['file']}.gz",
                        "outlet": xs.site(url), "date": row["date"][:10], "text": text})
    root = xs.DATA / "html-trafilatura-eval"
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    for url, row in gold.items():
        if url in used or xs.site(url) in skip or not row.get("date"):
            continue
        if not xs.NEWS_PATH.match(url) or "blog" in url.lower():
            continue
        html = sel.read_gz(root / "html" / f"{row['file']}.gz")
        if lang_en(html) and english(text := sel.html_to_text(html)):
            out.append({"url": url, "source": f"html-trafilatura-eval/html/{row['file']}.gz",
                        "outlet": xs.site(url), "date": row["date"][:10], "text": text})
    root = xs.DATA / "html-fundus-parser-tests"
    for row in map(json.loads, (root / "index.jsonl").read_text(encoding="utf-8").splitlines()):
        url = row["url"]
        if url in used or xs.site(url) in skip:
            continue
        if english(text := sel.html_to_text(sel.read_gz(root / row["html"]))):
            date = Path(row["html"]).name.removesuffix(".html.gz").split("_", 1)[1].replace("_", "-")
            out.append({"url": url, "source": f"html-fundus-parser-tests/{row['html']}",
                        "outlet": row["publisher"], "date": date, "text": text})
    return out


def main() -> int:
    sel = xs.load_select()
    earlier = [p.relative_to(xs.GOLD).as_posix() for p in xs.GOLD.glob("**/manifest*.jsonl")]
    own = (f"manifest-{SPLIT}.jsonl", f"manifest-{SPLIT_B}.jsonl")
    used = xs.used_urls(m for m in earlier if m not in own) | xs.link_id_urls() | s10.excluded_urls()
    picked: list[dict] = []
    sites: set[str] = set()
    for c in sorted(candidates(sel, used), key=lambda c: xs.salted(SEED, c["url"])):
        if xs.site(c["url"]) in sites:
            continue
        sites.add(xs.site(c["url"]))
        name = re.sub(r"[^a-z0-9]+", "-", xs.site(c["url"]).split(".")[0].lower())
        c.update(topic="other", language="en", id=f"en-{name}-{c['date']}")
        picked.append(c)
    xs.write_set(picked[:COUNT], SPLIT, f"corpus/{SPLIT}", f"manifest-{SPLIT}.jsonl")
    xs.write_set(picked[COUNT : COUNT + COUNT_B], SPLIT_B, f"corpus/{SPLIT_B}", f"manifest-{SPLIT_B}.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
