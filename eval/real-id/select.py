"""Choose and write the articles of the real-news gold set (eval/real-id). Deterministic, stdlib only.

    python eval/real-id/select.py [--data /work/shared/data] [--out eval/real-id]

Three sources (see README.md for provenance and licences):

1. `news-id-raw-scrape-2025/*.csv` (liputan6, detik, okezone, tempo, kompas, republika; June 2025):
   the first record of every URL whose body is 600-2600 characters long (tempo 150-2600: its feed
   holds the lead only; republika 600-16,000: its feed holds the whole page), not a photo/video/
   live/schedule page. A topic is read from the title (disaster and crime words first) and else from the
   URL section; each outlet fills a fixed quota per topic, candidates taken in the order of a salted
   SHA-1 of the URL, no two with the same title start. A file is the article as bench/incremental.py
   `raw_text` builds it: title line, the outlet's date string, `isi_berita` as scraped.
2. `html-id-news-sample` (detik, kompas, mediaindonesia pages): all three.
3. English news pages from `html-fundus-parser-tests` (a fixed list, chosen for topic spread and a
   body under ~4,000 characters).
   An HTML page becomes the visible text of the page (`html_to_text`: script/style/etc. dropped, one
   line per block element, whitespace collapsed), menus, footers and all other noise kept.

The split is by article and fixed before any annotation: within each outlet the articles are taken
in salted-hash order and alternate dev, test, dev, ... (so each outlet is split about evenly).
Output: corpus/{dev,test}/<id>.txt and manifest.jsonl (one line per article: file, split, source,
url, outlet, topic, language).
"""

from __future__ import annotations

import os
import sys

# This file is called select.py: keep its own folder off the import path so that the standard
# library's `select` module (imported by subprocess et al.) is not shadowed.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import csv  # noqa: E402
import glob  # noqa: E402
import gzip  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
from html.parser import HTMLParser  # noqa: E402
from pathlib import Path  # noqa: E402

SEED = "real-id-20250618"
# body length (characters of `isi_berita`) per outlet: tempo's feed holds only the lead paragraphs,
# republika's holds the whole page (menus and all) around a short article
BODY_LENGTH = {"tempo.co": (150, 2600), "republika.co.id": (600, 16000)}
DEFAULT_LENGTH = (600, 2600)

# outlet -> topic -> how many articles
QUOTAS: dict[str, dict[str, int]] = {
    "liputan6.com": {
        "politics": 2,
        "economy": 2,
        "crime": 2,
        "disaster": 1,
        "sport": 2,
        "entertainment": 2,
        "automotive": 1,
        "technology": 2,
    },
    "detik.com": {
        "politics": 2,
        "economy": 2,
        "crime": 2,
        "disaster": 2,
        "sport": 2,
        "entertainment": 2,
        "automotive": 2,
    },
    "okezone.com": {
        "politics": 2,
        "economy": 2,
        "crime": 1,
        "disaster": 1,
        "sport": 2,
        "entertainment": 2,
        "technology": 2,
    },
    "tempo.co": {"politics": 3, "economy": 3, "crime": 3, "sport": 1, "technology": 1, "entertainment": 1},
    "kompas.com": {
        "politics": 2,
        "economy": 2,
        "crime": 2,
        "disaster": 1,
        "sport": 1,
        "automotive": 2,
        "technology": 2,
    },
    "republika.co.id": {"politics": 2, "economy": 2, "crime": 1, "disaster": 2},
}
TOPIC_ORDER = ("politics", "economy", "crime", "disaster", "sport", "entertainment", "automotive", "technology")

DISASTER = re.compile(
    r"\b(banjir|gempa|longsor|erupsi|gunung|kebakaran|terbakar|tsunami|puting beliung|angin kencang|"
    r"tenggelam|kecelakaan|bencana|bmkg|cuaca ekstrem|karhutla|rob|kapal tenggelam|tabrakan|jatuh)\b",
    re.I,
)
CRIME = re.compile(
    r"\b(ditangkap|tangkap|pembunuhan|dibunuh|bunuh|korupsi|tersangka|terdakwa|sidang|vonis|divonis|kpk|"
    r"kejaksaan|kejagung|penipuan|narkoba|pencurian|mencuri|begal|ditahan|dakwaan|jaksa|hakim|"
    r"penganiayaan|pemerkosaan|judi|polisi|polda|polres|pelaku|dituntut|penggelapan|suap)\b",
    re.I,
)
SKIP_TITLE = re.compile(
    r"^(foto|video|infografis|top \d|link|jadwal|live|klasemen|kuis|tts|cek fakta|\[cek fakta\])\b|"
    r"\b(live streaming|siaran langsung|link nonton|zodiak|ramalan|doa|niat|bacaan)\b",
    re.I,
)

# (regex on the URL, topic): sections whose topic the title never overrides ...
SECTION_FIRST: list[tuple[str, str]] = [
    (r"//(sport|bola|sports)\.|/bola/", "sport"),
    (r"//oto\.|//otomotif\.|/otomotif/", "automotive"),
    (r"//(inet|tekno|techno)\.|/tekno/", "technology"),
    (r"//(hot|celebrity|seleb|ameera)\.|/showbiz/|/hot/", "entertainment"),
]
# ... and those that come after the disaster and crime words of the title
SECTION_TOPICS: list[tuple[str, str]] = [
    (r"//(finance|money|economy|bisnis|ekonomi)\.|/bisnis/|/saham/", "economy"),
    (r"//hukum\.", "crime"),
    (r"//(news|nasional)\.|/news/|/global/|//dunia\.", "politics"),
]

# English pages from html-fundus-parser-tests: (html path, topic)
ENGLISH = [
    ("us/APNews_2023_04_28.html.gz", "economy"),
    ("us/Reuters_2023_05_16.html.gz", "disaster"),
    ("uk/TheIndependent_2024_11_22.html.gz", "crime"),
    ("uk/TheGuardian_2024_02_24.html.gz", "disaster"),
    ("uk/EuronewsEN_2024_04_30.html.gz", "crime"),
    ("au/WestAustralian_2024_11_26.html.gz", "politics"),
    ("my/MalayMail_2024_11_22.html.gz", "politics"),
    ("uk/EveningStandard_2024_05_02.html.gz", "sport"),
    ("uk/iNews_2025_01_28.html.gz", "crime"),
    ("us/RollingStone_2024_04_25.html.gz", "entertainment"),
    ("tw/TaipeiTimes_2024_10_15.html.gz", "politics"),
    ("za/TimesLive_2025_05_22.html.gz", "economy"),
    ("za/TheCitizen_2025_11_28.html.gz", "disaster"),
    ("us/CNBC_2023_04_28.html.gz", "economy"),
    ("uk/TechRadar_2026_05_21.html.gz", "technology"),
    ("us/TheGatewayPundit_2023_04_28.html.gz", "crime"),
    ("uk/TheSun_2024_04_22.html.gz", "sport"),
    ("us/FreeBeacon_2023_04_28.html.gz", "politics"),
]
ID_HTML_TOPICS = {
    "health.detik.com-Stroke.html.gz": "health",
    "money.kompas.com-Menhub.html.gz": "economy",
    "MediaIndonesia_2026_01_20.html.gz": "education",
}


def salted(key: str) -> str:
    return hashlib.sha1(f"{SEED}|{key}".encode()).hexdigest()


# ---------------------------------------------------------------------------------------------
# raw CSV rows


def raw_text(title: str, date: str, body: str) -> str:
    """The raw article as a scraper would save it (bench/incremental.py `raw_text`)."""
    head = [title, date]
    return "\n".join([*(h.strip() for h in head if h.strip()), body])


def topic_of(url: str, title: str) -> str:
    """The article's coarse topic; "other" where neither the URL nor the title says."""
    if not title:  # republika's feed has no titles: read the URL's slug instead
        title = url.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    for pattern, topic in SECTION_FIRST:
        if re.search(pattern, url):
            return topic
    if DISASTER.search(title):
        return "disaster"
    if CRIME.search(title):
        return "crime"
    for pattern, topic in SECTION_TOPICS:
        if re.search(pattern, url):
            return topic
    return "other"


def csv_candidates(data: Path) -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    out: list[dict] = []
    for path in sorted(glob.glob(str(data / "news-id-raw-scrape-2025" / "*.csv"))):
        day = Path(path).stem.rsplit("_", 1)[-1]
        with open(path, encoding="utf-8-sig", newline="") as f:
            for i, rec in enumerate(csv.DictReader(f), start=1):
                url = rec["url"]
                if url in seen:
                    continue
                seen.add(url)
                body, title = rec["isi_berita"] or "", (rec["judul"] or "").strip()
                lo, hi = BODY_LENGTH.get(rec["sumber"], DEFAULT_LENGTH)
                if not (lo <= len(body) <= hi) or SKIP_TITLE.search(title):
                    continue
                if not title and rec["sumber"] != "republika.co.id":  # only republika's feed lacks titles
                    continue
                topic = topic_of(url, title)
                out.append(
                    {
                        "outlet": rec["sumber"],
                        "url": url,
                        "title": title,
                        "topic": topic,
                        "row": f"{Path(path).name}#{i}",
                        "day": day,
                        "text": raw_text(title, rec["tanggal_publikasi"] or "", body),
                    }
                )
    return out


def choose_csv(cands: list[dict]) -> list[dict]:
    chosen: list[dict] = []
    for outlet, quota in QUOTAS.items():
        pool = sorted((c for c in cands if c["outlet"] == outlet), key=lambda c: salted(c["url"]))
        titles: set[str] = set()
        need = dict(quota)
        for topic in TOPIC_ORDER:
            for c in pool:
                if need.get(topic, 0) <= 0:
                    break
                key = " ".join((c["title"] or c["url"]).lower().split()[:5])
                if c["topic"] == topic and key not in titles and c not in chosen:
                    titles.add(key)
                    chosen.append(c)
                    need[topic] -= 1
        # a topic the outlet lacks is filled from its other articles, in hash order
        short = sum(v for v in need.values() if v > 0)
        for c in pool:
            if short <= 0:
                break
            key = " ".join((c["title"] or c["url"]).lower().split()[:5])
            if c not in chosen and key not in titles:
                titles.add(key)
                chosen.append(c)
                short -= 1
    return chosen


# ---------------------------------------------------------------------------------------------
# HTML pages

BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "time",
    "button",
    "label",
    "option",
    "select",
    "title",
}
SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "math"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of a page, one line per block element; nothing is judged to be noise."""
    p = _Visible()
    p.feed(html)
    p.close()
    lines = []
    for ln in "".join(p.parts).split("\n"):
        ln = " ".join(ln.replace("\u00a0", " ").replace("\u200b", "").split())
        if ln:
            lines.append(ln)
    return "\n".join(lines) + "\n"


def read_gz(path: Path) -> str:
    with gzip.open(path) as f:
        raw = f.read()
    for enc in ("utf-8", "cp1252", "latin-1"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise AssertionError


def html_articles(data: Path) -> list[dict]:
    out: list[dict] = []
    for line in (data / "html-id-news-sample" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        name = g["file"]
        host = re.match(r"https?://([^/]+)/", g["url"]).group(1)
        outlet = "mediaindonesia.com" if "mediaindonesia" in host else host.split(".", 1)[1]
        out.append(
            {
                "outlet": outlet,
                "url": g["url"],
                "topic": ID_HTML_TOPICS[name],
                "language": "id",
                "source": f"html-id-news-sample/{name}",
                "id": "idhtml-" + re.sub(r"[^a-z0-9]+", "-", name.lower().replace(".html.gz", "")),
                "text": html_to_text(read_gz(data / "html-id-news-sample" / name)),
            }
        )
    rows = (data / "html-fundus-parser-tests" / "index.jsonl").read_text(encoding="utf-8").splitlines()
    index = {r["html"]: r for r in map(json.loads, rows)}
    for rel, topic in ENGLISH:
        row = index[rel]
        out.append(
            {
                "outlet": row["publisher"],
                "url": row["url"],
                "topic": topic,
                "language": "en",
                "source": f"html-fundus-parser-tests/{rel}",
                "id": "en-" + re.sub(r"[^a-z0-9]+", "-", Path(rel).name.lower().replace(".html.gz", "")),
                "text": html_to_text(read_gz(data / "html-fundus-parser-tests" / rel)),
            }
        )
    return out


# ---------------------------------------------------------------------------------------------


def split(articles: list[dict]) -> None:
    """Within each outlet (all English pages count as one group), alternate dev/test in hash order."""
    groups: dict[str, list[dict]] = {}
    for a in articles:
        groups.setdefault("en" if a["language"] == "en" else a["outlet"], []).append(a)
    start = 0
    for name in sorted(groups):
        for i, a in enumerate(sorted(groups[name], key=lambda a: salted(a["url"]))):
            a["split"] = "dev" if (i + start) % 2 == 0 else "test"
        start += len(groups[name])  # alternate the first split between groups of odd size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--out", default=_HERE)
    args = ap.parse_args(argv)
    data, out = Path(args.data), Path(args.out)

    articles: list[dict] = []
    for c in choose_csv(csv_candidates(data)):
        short = c["outlet"].split(".")[0]
        c.update(
            language="id",
            source=f"news-id-raw-scrape-2025/{c['row']}",
            id=f"{short}-{c['day'][-2:]}{salted(c['url'])[:6]}",
        )
        articles.append(c)
    articles.extend(html_articles(data))
    split(articles)

    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for sp in ("dev", "test"):
        (out / "corpus" / sp).mkdir(parents=True, exist_ok=True)
    manifest = []
    for a in sorted(articles, key=lambda a: (a["split"], a["id"])):
        rel = f"corpus/{a['split']}/{a['id']}.txt"
        with open(out / rel, "w", encoding="utf-8", newline="") as f:
            f.write(a["text"])
        manifest.append(
            {
                "file": rel,
                "split": a["split"],
                "source": a["source"],
                "url": a["url"],
                "outlet": a["outlet"],
                "topic": a["topic"],
                "language": a["language"],
            }
        )
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    n = {sp: sum(m["split"] == sp for m in manifest) for sp in ("dev", "test")}
    print(f"{len(manifest)} articles: dev {n['dev']}, test {n['test']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
