"""Pick the candidate sentences of the Indonesian PLOVER event gold set (eval/events-id).

Deterministic: stdlib + linimasa (this checkout's `src/`, for the sentence splitter and the dateline
parser), fixed seed, inputs read in sorted order. Regenerate with

    /work/main/.venv/bin/python eval/events-id/select.py \
        --data /work/shared/data/news-id-raw-scrape-2025 --out eval/events-id

It reads the raw scraped articles (`scrapping_news_2025-06-*.csv`: sumber,url,judul,author,
tanggal_publikasi,isi_berita; UTF-8 with BOM), keeps the first copy of every URL, drops the scraper
noise lines, splits the rest into sentences, infers a coarse topic from the URL and title, picks
articles per topic quota (round-robin over outlets, no two near-identical titles), picks 2-3 sentences
per article (sentences with event cue words first, and always one sentence without a cue, so that
the set also holds ordinary sentences) and splits the articles 55/45 into dev/test by a hash of the
URL. Output: candidates-dev.jsonl and candidates-test.jsonl (unannotated: "events": null).
"""

from __future__ import annotations

import os
import sys

# This file is called select.py: keep its own folder off the import path so that the standard
# library's `select` module is not shadowed, and import linimasa from this checkout.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(_HERE)), "src"))

import argparse  # noqa: E402
import csv  # noqa: E402
import glob  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import urllib.parse  # noqa: E402
from collections import defaultdict  # noqa: E402

from linimasa.text.dateline import parse_dateline  # noqa: E402
from linimasa.text.sentences import split_sentences  # noqa: E402

SEED = 20250618
DEV_SHARE = 55  # percent of articles (by URL hash) that go to dev

# ---------------------------------------------------------------------------------------------
# noise

NOISE_EXACT = {
    "advertisement", "baca juga", "baca juga:", "scroll to continue with content", "***", "--------",
}
NOISE_PREFIX = (
    "baca juga", "simak juga", "lihat juga", "tonton juga", "saksikan", "[gambas", "ikuti whatsapp",
    "disclaimer", "artikel ini telah", "artikel ini sudah", "penulis:", "editor:", "sumber:",
    "halo, pembaca", "berikuttop", "cek fakta liputan6.com", "video:", "foto:", "(foto",
)
MIN_LINE_WORDS = 7


def is_noise_line(line: str) -> bool:
    low = line.strip().lower()
    if not low or low in NOISE_EXACT:
        return True
    if low.startswith(NOISE_PREFIX):
        return True
    if len(low.split()) < MIN_LINE_WORDS:
        return True  # captions, headings, prayer times, list items, "(kha)"
    return "http" in low or "www." in low


def usable_sentence(s: str) -> bool:
    words = s.split()
    if not 8 <= len(words) <= 60 or len(s) > 420:
        return False
    if "http" in s or "@" in s or "www." in s:
        return False
    letters = [c for c in s if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return False
    if not re.search(r"[.!?\"”’)]$", s):
        return False  # a line cut short (list item, caption, heading)
    low = s.lower()
    return not (low.startswith(NOISE_PREFIX) or "baca juga" in low or "advertisement" in low)


def article_sentences(body: str) -> list[str]:
    """The usable-looking sentences of an article body, in order (noise lines dropped, the opening
    dateline prefix cut off, duplicate sentences kept once)."""
    out: list[str] = []
    seen: set[str] = set()
    first = True
    for raw in body.split("\n"):
        line = raw.strip()
        if is_noise_line(line):
            continue
        if first:
            d = parse_dateline(line)
            if d is not None:
                line = line[d.end :].strip()
            first = False
        for span in split_sentences(line, "id"):
            s = span.text.strip()
            if s and s not in seen:
                seen.add(s)
                out.append(s)
    return out


# ---------------------------------------------------------------------------------------------
# dates

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}
_DMY_WORD = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})")
_DMY_NUM = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_published(value: str, fallback: str) -> str:
    value = value.replace("\xa0", " ")
    m = _DMY_WORD.search(value)
    if m and m[2][:3].lower() in MONTHS:
        return f"{int(m[3]):04d}-{MONTHS[m[2][:3].lower()]:02d}-{int(m[1]):02d}"
    m = _DMY_NUM.search(value)
    if m:
        return f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    return fallback


# ---------------------------------------------------------------------------------------------
# topics

KW_DISASTER = re.compile(
    r"\b(banjir|gempa|longsor|erupsi|meletus|letusan|gunung|tsunami|kebakaran|terbakar|bnpb|bpbd|"
    r"bencana|puting beliung|angin kencang|abu vulkanik|lewotobi|semeru|merapi|kecelakaan|tenggelam)\b"
)
KW_CRIME = re.compile(
    r"\b(polisi|polres|polda|polri|ditangkap|tangkap|tersangka|terdakwa|korupsi|kpk|kejagung|kejari|"
    r"kejati|jaksa|sidang|vonis|divonis|hakim|pengadilan|penjara|pembunuhan|dibunuh|penganiayaan|"
    r"pencurian|begal|narkoba|sabu|penipuan|pidana|diperiksa|dilaporkan|gugatan|digugat|ditahan|saksi|"
    r"suap|gratifikasi|penyiksaan|dirampas|kdrt|mutilasi|pencabulan|pelaku|kejaksaan|tahanan)\b"
)
KW_INTL = re.compile(
    r"\b(iran|israel|gaza|palestina|hamas|amerika|as|trump|rusia|putin|ukraina|china|tiongkok|"
    r"korea|jepang|india|pakistan|eropa|nato|pbb|suriah|lebanon|yaman|houthi|teheran|tel aviv|"
    r"inggris|prancis|jerman|malaysia|singapura|thailand|filipina|vietnam|australia|timur tengah)\b"
)
KW_POLITICS = re.compile(
    r"\b(presiden|prabowo|gibran|menteri|dpr|mpr|dprd|partai|pilkada|pemilu|gubernur|bupati|"
    r"wali kota|walkot|pemerintah|kabinet|istana|tni|ruu|undang-undang|kebijakan|pemprov|pemkab|"
    r"pemkot|dedi mulyadi|kementerian|mendagri|menkeu|jokowi)\b"
)

SECTION_TOPIC = {
    # host prefix or first path segment -> topic
    "finance": "economy", "bisnis": "economy", "money": "economy", "economy": "economy", "ekonomi": "economy",
    "saham": "economy", "crypto": "economy", "esgnow": "economy",
    "sport": "sport", "sports": "sport", "bola": "sport",
    "global": "international", "dunia": "international", "internasional": "international",
    "bbc-world": "international", "dw": "international", "abc-australia": "international",
    "hukum": "crime_law",
    "hot": "entertainment", "celeb": "entertainment", "showbiz": "entertainment", "celebrity": "entertainment",
    "seleb": "entertainment", "on-off": "entertainment",
    "tekno": "technology", "techno": "technology",
    "health": "health", "lifestyle": "lifestyle", "gaya": "lifestyle", "citizen6": "lifestyle", "ameera": "lifestyle",
    "oto": "automotive", "otomotif": "automotive",
    "travel": "travel",
    "islami": "religion", "muslim": "religion", "khazanah": "religion",
    "cek-fakta": "fact_check", "cekfakta": "fact_check",
    "disabilitas": "society", "edukasi": "society", "opini": "opinion", "kolom": "opinion",
    "suara-pembaca": "opinion", "newsletter": "newsletter", "properti": "economy", "sains": "technology",
}
GENERAL_NEWS = {"news", "nasional", "berita", "megapolitan", "metro", "regional", "rejabar", "detikcom",
                "melindungi-tuah-marwah", "republika", "www", "read"}


def infer_topic(url: str, title: str) -> str:
    """A coarse topic from the outlet section (host prefix or first path segment) and title words.

    Sport/economy/entertainment/... sections decide alone; in the general news sections (and the
    international ones) the title decides: disaster words, then crime/law words, then foreign names,
    then government words; a general section with none of them is "society"."""
    u = urllib.parse.urlparse(url)
    host = u.netloc.split(".")[0]
    seg = u.path.strip("/").split("/")[0]
    if not title.strip():  # republika rows carry no title: use the URL slug
        title = u.path.rstrip("/").split("/")[-1].replace("-", " ")
    title_l = " " + title.lower().replace("bahasa inggris", "bahasa") + " "
    section = None
    for key in (seg, host):
        if key in SECTION_TOPIC:
            section = SECTION_TOPIC[key]
            break
    if section == "crime_law":
        return "crime_law"
    if section not in (None, "international", "opinion", "newsletter", "society", "fact_check"):
        return section
    if section == "fact_check":
        return "fact_check"
    if KW_DISASTER.search(title_l):
        return "disaster"
    if KW_CRIME.search(title_l):
        return "crime_law"
    if section == "international" or KW_INTL.search(title_l):
        return "international"
    if KW_POLITICS.search(title_l):
        return "politics"
    if host in ("megapolitan", "metro") or seg == "regional":
        return "regional"
    return section or "society"


# ---------------------------------------------------------------------------------------------
# event cue words (only used to pick sentences, never to label them)

EVENT_CUES = re.compile(
    r"\b("
    r"bertemu|pertemuan|berkunjung|kunjungan|bertandang|menerima kunjungan|berdialog|berdiskusi|berunding|"
    r"perundingan|negosiasi|bernegosiasi|membahas|menggelar rapat|audiensi|"
    r"sepakat|bersepakat|menyepakati|kesepakatan|menandatangani|nota kesepahaman|mou|berjanji|"
    r"kerja sama|bekerja sama|kerjasama|bermitra|kolaborasi|berkolaborasi|"
    r"mendukung|dukungan|mengapresiasi|memuji|menyambut baik|merestui|mengakui|"
    r"menolak|penolakan|membantah|menampik|"
    r"meminta|mendesak|menuntut|tuntutan|menyerukan|seruan|mengimbau|memerintahkan|menginstruksikan|"
    r"mengecam|kecaman|mengkritik|kritik|menuding|menuduh|menyalahkan|menggugat|gugatan|melaporkan|mempolisikan|"
    r"mengancam|ancaman|memperingatkan|peringatan keras|ultimatum|"
    r"menyerang|serangan|diserang|menembak|ditembak|penembakan|membom|pengeboman|rudal|drone|"
    r"membunuh|dibunuh|pembunuhan|menewaskan|menganiaya|dianiaya|penganiayaan|mengeroyok|dikeroyok|"
    r"menculik|diculik|bentrok|bentrokan|perang|"
    r"menangkap|ditangkap|penangkapan|menahan|ditahan|penahanan|menggeledah|penggeledahan|menyita|disita|"
    r"tersangka|divonis|vonis|dihukum|menjatuhkan|dituntut|mendeportasi|dideportasi|memblokir|diblokir|"
    r"melarang|larangan|dilarang|membekukan|mencabut|menyegel|disegel|"
    r"sanksi|embargo|memutus|memutuskan hubungan|mengusir|diusir|boikot|"
    r"demo|demonstrasi|unjuk rasa|berunjuk rasa|aksi|mogok|memprotes|protes|"
    r"bantuan|menyalurkan|menyerahkan|membantu|donasi|hibah|mengevakuasi|evakuasi|"
    r"mundur|mengundurkan diri|menarik|membebaskan|dibebaskan|gencatan senjata|"
    r"latihan|patroli|mengerahkan|dikerahkan|pasukan|siaga|"
    r"amnesti|abolisi|grasi|meminta maaf|minta maaf"
    r")\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# quotas

TOPIC_QUOTA = {
    "politics": 30, "crime_law": 28, "international": 28, "disaster": 14, "economy": 22, "sport": 14,
    "regional": 7, "society": 5, "entertainment": 7, "technology": 5, "health": 4, "automotive": 4,
    "travel": 4, "religion": 4, "fact_check": 4, "lifestyle": 3, "opinion": 2, "newsletter": 2,
}
HARD_NEWS = {"politics", "crime_law", "international", "disaster"}
OUTLET_MIN = {"republika.co.id": 5, "kompas.com": 16, "tempo.co": 22, "okezone.com": 22}


def title_key(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) > 2}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def load_articles(data_dir: str) -> list[dict]:
    arts: list[dict] = []
    seen: set[str] = set()
    for path in sorted(glob.glob(os.path.join(data_dir, "scrapping_news_2025-*.csv"))):
        fname = os.path.basename(path)
        file_date = re.search(r"(\d{4}-\d{2}-\d{2})", fname)[1]
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row_no, r in enumerate(csv.DictReader(fh), start=1):
                url = r["url"].strip()
                if not url or url in seen:
                    continue
                seen.add(url)
                sents = article_sentences(r["isi_berita"])
                arts.append({
                    "file": fname, "row": row_no, "url": url, "outlet": r["sumber"].strip(),
                    "site": urllib.parse.urlparse(url).netloc,
                    "title": " ".join(r["judul"].split()),  # empty for republika
                    "published": parse_published(r["tanggal_publikasi"], file_date),
                    "topic": infer_topic(url, r["judul"]),
                    "sentences": sents,
                    "usable": [i for i, s in enumerate(sents) if usable_sentence(s)],
                })
    return arts


def pick_articles(arts: list[dict], rng: random.Random, topic_quota: dict[str, int] | None = None,
                  outlet_min: dict[str, int] | None = None,
                  taken_titles: tuple[str, ...] | list[str] = ()) -> list[dict]:
    """Articles per topic quota, round-robin over outlets. `taken_titles` (titles of an earlier
    selection) keep out another outlet's report of a story already chosen there."""
    topic_quota = TOPIC_QUOTA if topic_quota is None else topic_quota
    outlet_min = OUTLET_MIN if outlet_min is None else outlet_min
    pool = [a for a in arts if len(a["usable"]) >= 3 and a["published"] >= "2025-05-01"]
    for a in pool:
        a["n_cue"] = sum(1 for i in a["usable"] if EVENT_CUES.search(a["sentences"][i]))
    by_topic: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for a in pool:
        by_topic[a["topic"]][a["outlet"]].append(a)
    chosen: list[dict] = []
    keys: list[set[str]] = [title_key(t) for t in taken_titles]
    per_outlet: dict[str, int] = defaultdict(int)

    def take(a: dict) -> bool:
        k = title_key(a["title"])
        if any(jaccard(k, k2) >= 0.4 for k2 in keys) or a in chosen:
            return False
        chosen.append(a)
        keys.append(k)
        per_outlet[a["outlet"]] += 1
        return True

    # queues: per topic and outlet, shuffled; hard-news articles with event cues first
    queues: dict[str, dict[str, list[dict]]] = {}
    for topic in sorted(by_topic):
        queues[topic] = {}
        for outlet in sorted(by_topic[topic]):
            lst = sorted(by_topic[topic][outlet], key=lambda a: a["url"])
            rng.shuffle(lst)
            if topic in HARD_NEWS:
                lst.sort(key=lambda a: a["n_cue"] == 0)  # stable: keeps the shuffle inside each group
            queues[topic][outlet] = lst

    # 1. small outlets first get their minimum, spread over topics (hard news first)
    for outlet in sorted(outlet_min):
        topics = sorted(queues, key=lambda t: (t not in HARD_NEWS, t))
        progress = True
        while per_outlet[outlet] < outlet_min[outlet] and progress:
            progress = False
            for t in topics:
                q = queues[t].get(outlet, [])
                while q and per_outlet[outlet] < outlet_min[outlet]:
                    if take(q.pop(0)):
                        progress = True
                        break
    # 2. topic quotas, round-robin over outlets
    per_topic: dict[str, int] = defaultdict(int)
    for a in chosen:
        per_topic[a["topic"]] += 1
    for topic in sorted(topic_quota):
        outlets = sorted(queues.get(topic, {}))
        progress = True
        while per_topic[topic] < topic_quota[topic] and progress:
            progress = False
            for o in outlets:
                q = queues[topic][o]
                while q:
                    if take(q.pop(0)):
                        per_topic[topic] += 1
                        progress = True
                        break
                if per_topic[topic] >= topic_quota[topic]:
                    break
    return chosen


def pick_sentences(a: dict, rng: random.Random) -> list[int]:
    """2-3 sentence indexes: up to k-1 sentences with event cues (most cues first), then one without."""
    k = 3 if a["topic"] in HARD_NEWS else 2
    cue = [i for i in a["usable"] if EVENT_CUES.search(a["sentences"][i])]
    plain = [i for i in a["usable"] if i not in cue]
    rng.shuffle(cue)
    rng.shuffle(plain)
    cue.sort(key=lambda i: -len(EVENT_CUES.findall(a["sentences"][i])))
    picked = cue[: k - 1] if plain else cue[:k]
    picked += plain[: k - len(picked)]
    if len(picked) < k:
        picked += [i for i in cue if i not in picked][: k - len(picked)]
    return sorted(picked)


def split_of(url: str) -> str:
    h = int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16)
    return "dev" if h % 100 < DEV_SHARE else "test"


# The splits in the order they were drawn: a fresh split skips the candidates of those drawn before
# it only, so that regenerating an earlier one still writes the file that was annotated.
DRAW_ORDER = ("dev", "test", "dev2", "dev3", "dev4", "dev5", "dev6")


def _drawn_before(split: str, fresh: str) -> bool:
    if split == fresh:
        return False
    if fresh not in DRAW_ORDER or split not in DRAW_ORDER:
        return True
    return DRAW_ORDER.index(split) < DRAW_ORDER.index(fresh)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/work/shared/data/news-id-raw-scrape-2025")
    ap.add_argument("--out", default=_HERE)
    ap.add_argument("--fresh", metavar="SPLIT",
                    help="draw a further development split (e.g. dev2) from articles no earlier "
                         "candidates-*.jsonl in --out holds, nor another outlet's report of one of "
                         "their stories (title overlap); all of it goes to SPLIT")
    ap.add_argument("--skip-link-test", action="store_true",
                    help="also skip the articles of eval/link-id's held-out test split, so that reading "
                         "the fresh split while developing rules shows none of them (dev3 on)")
    ap.add_argument("--seed", type=int, default=SEED, help="the shuffle's seed (a fresh split needs its own)")
    ap.add_argument("--share", type=float, default=1.0,
                    help="scale the topic quotas and outlet minimums (a fresh split is smaller)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    arts = load_articles(args.data)
    taken: list[dict] = []
    if args.fresh:
        for path in sorted(glob.glob(os.path.join(args.out, "candidates-*.jsonl"))):
            if _drawn_before(os.path.basename(path)[len("candidates-"):-len(".jsonl")], args.fresh):
                with open(path, encoding="utf-8") as fh:
                    taken += [json.loads(line) for line in fh if line.strip()]
        used = {r["url"] for r in taken}
        if args.skip_link_test:
            with open(os.path.join(_HERE, "..", "link-id", "gold.json"), encoding="utf-8") as fh:
                gold = json.load(fh)["articles"]
            used |= {a["url"] for a in gold.values() if a.get("split") == "test" and a.get("url")}
        arts = [a for a in arts if a["url"] not in used]
    quota = {t: max(1, round(n * args.share)) for t, n in TOPIC_QUOTA.items()}
    mins = {o: max(1, round(n * args.share)) for o, n in OUTLET_MIN.items()}
    chosen = pick_articles(arts, rng, quota, mins, sorted({r["title"] for r in taken}))
    chosen.sort(key=lambda a: (a["file"], a["row"]))
    records: dict[str, list[dict]] = {args.fresh: []} if args.fresh else {"dev": [], "test": []}
    for a in chosen:
        split = args.fresh or split_of(a["url"])
        for i in pick_sentences(a, rng):
            records[split].append({
                "id": None, "split": split, "file": a["file"], "row": a["row"], "url": a["url"],
                "outlet": a["outlet"], "site": a["site"], "published": a["published"], "topic": a["topic"],
                "title": a["title"], "sent_index": i, "sentence": a["sentences"][i],
                "context": a["sentences"][i - 1] if i > 0 else "", "events": None,
            })
    for split, recs in records.items():
        for n, r in enumerate(recs, start=1):
            r["id"] = f"evid-{split}-{n:04d}"
        with open(os.path.join(args.out, f"candidates-{split}.jsonl"), "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for split, recs in records.items():
        n_art = len({r["url"] for r in recs})
        outlets = sorted({r["outlet"] for r in recs})
        print(f"{split}: {len(recs)} sentences, {n_art} articles, {len(outlets)} outlets {outlets}")
    topics: dict[str, int] = defaultdict(int)
    for a in chosen:
        topics[a["topic"]] += 1
    print("articles per topic:", dict(sorted(topics.items())))
    outl: dict[str, int] = defaultdict(int)
    for a in chosen:
        outl[a["outlet"]] += 1
    print("articles per outlet:", dict(sorted(outl.items())))


if __name__ == "__main__":
    main()
