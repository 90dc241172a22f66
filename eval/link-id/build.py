"""Build the duplicate/story gold set of linimasa (eval/link-id) from real scraped Indonesian news.

Deterministic (stdlib only, fixed seed, inputs read in sorted order). Two steps:

    # 1. candidates: which real articles to label (probes on title words + seeded singletons)
    /work/main/.venv/bin/python eval/link-id/build.py candidates
    # ... a person reads candidates.tsv and writes stories.tsv + story-labels.tsv BY HAND ...
    # 2. build: corpus/{dev,test}/*.txt, planted near-duplicates, real republications, gold.json
    /work/main/.venv/bin/python eval/link-id/build.py build

Input: `scrapping_news_2025-06-{18,19,20}.csv` of shared/data/news-id-raw-scrape-2025
(sumber,url,judul,author,tanggal_publikasi,isi_berita; UTF-8 with BOM). `--data` or
$LINIMASA_DATA/news-id-raw-scrape-2025 or ../shared/data/news-id-raw-scrape-2025 from the repo root.

An article's id is `MMDD-RRRR`: the scrape file's month/day and the 1-based record number in that
CSV (header not counted) of the first row (files in sorted order) that holds its URL. Its text file
is the title line, the outlet's date string and `isi_berita` exactly as scraped (noise kept), the
way bench/clean.py and bench/incremental.py write raw articles and `linimasa run` reads them.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED = 20250618
WINDOW = ("2025-06-01", "2025-06-30")

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8,
          "aug": 8, "agt": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12}
_DMY_WORD = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})")
_DMY_NUM = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_published(value: str, fallback: str) -> str:
    """ISO day of the outlet's date string ("Diperbarui 18 Jun 2025, 14:05 WIB", "Kompas.com-
    18/06/2025, 21:35 WIB", ...); the scrape file's day when it has none."""
    value = value.replace("\xa0", " ")
    m = _DMY_WORD.search(value)
    if m and m[2][:3].lower() in MONTHS:
        return f"{int(m[3]):04d}-{MONTHS[m[2][:3].lower()]:02d}-{int(m[1]):02d}"
    m = _DMY_NUM.search(value)
    if m:
        return f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    return fallback


def norm(s: str) -> str:
    return " ".join(s.split())


# ---------------------------------------------------------------------------------------------
# input


@dataclass
class Row:
    """One CSV record."""

    id: str  # MMDD-RRRR of this record
    file: str
    record: int
    outlet: str
    url: str
    title: str
    author: str
    date: str  # the outlet's date string, as scraped
    body: str
    published: str  # ISO day

    @property
    def display_title(self) -> str:
        # republika rows have no title: the URL slug stands in for it (candidates list only)
        return self.title.strip() or self.url.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


def raw_text(title: str, date: str, body: str) -> str:
    """The raw article as a scraper saves it (as bench/clean.py and bench/incremental.py build it)."""
    head = [h.strip() for h in (title, date) if h.strip()]
    return "\n".join([*head, body]).rstrip("\n") + "\n"


@dataclass
class Data:
    rows: list[Row]
    first: dict[str, Row] = field(default_factory=dict)  # url -> first row
    by_url: dict[str, list[Row]] = field(default_factory=dict)


def data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("LINIMASA_DATA")
    if env:
        return Path(env) / "news-id-raw-scrape-2025"
    return ROOT.parent / "shared" / "data" / "news-id-raw-scrape-2025"


def load(path: Path) -> Data:
    csv.field_size_limit(sys.maxsize)
    rows: list[Row] = []
    files = sorted(path.glob("scrapping_news_2025-*.csv"))
    if not files:
        sys.exit(f"build.py: no scrapping_news_2025-*.csv under {path} (use --data)")
    for f in files:
        day = f.stem.rsplit("_", 1)[-1]  # 2025-06-18
        with f.open(encoding="utf-8-sig", newline="") as fh:
            for i, rec in enumerate(csv.DictReader(fh), start=1):
                rows.append(Row(
                    id=f"{day[5:7]}{day[8:10]}-{i:04d}", file=f.name, record=i,
                    outlet=rec["sumber"].strip(), url=rec["url"].strip(), title=rec["judul"] or "",
                    author=rec["author"] or "", date=rec["tanggal_publikasi"] or "",
                    body=rec["isi_berita"] or "",
                    published=parse_published(rec["tanggal_publikasi"] or "", day),
                ))
    d = Data(rows)
    for r in rows:
        d.by_url.setdefault(r.url, []).append(r)
        d.first.setdefault(r.url, r)
    return d


def articles(d: Data) -> list[Row]:
    """The first copy of every URL, in file/record order."""
    return list(d.first.values())


def in_window(r: Row) -> bool:
    return WINDOW[0] <= r.published <= WINDOW[1] and len(norm(r.body)) >= 400


# ---------------------------------------------------------------------------------------------
# step 1: candidates
#
# Probes find articles whose titles share a rare word or a named subject, so that stories recur in
# the set: big multi-outlet stories of 16-20 June 2025, and next to each, articles that share its
# words but may be other stories (other volcanoes, other fires, other court cases, other matches of
# the same tournament, two central banks' rate decisions, ...). A probe only RETRIEVES candidates;
# which story an article belongs to is decided by hand (stories.tsv). `cap` bounds a probe's share
# (seeded sample when more match). Order matters only for the `probe` column (first match wins).

PROBES: list[tuple[str, str, int]] = [
    # Prabowo's state visit to Russia (18-20 June) and what shares its words (the nuclear-plant
    # technology that ESDM says China and Russia offer is another story)
    ("pltn", r"\bPLTN\b|[Rr]eaktor [Nn]uklir", 5),
    ("russia", r"\bRusia\b|Putin|SPIEF|Petersburg|Eurasia|Konstantin|Constantine", 34),
    # the Israel-Iran war (from 13 June), Gaza next to it
    ("iran-israel", r"\bIran\b|\bIsrael\b|Khamenei|Teheran|Netanyahu|Fordow|Hormuz", 22),
    ("gaza", r"\bGaza\b|Palestina", 10),
    # eruptions: Lewotobi Laki-laki (flights cancelled) vs Raung, Semeru, Marapi the same week
    ("lewotobi", r"Lewotobi", 22),
    ("volcano-other", r"\bRaung\b|\bSemeru\b|\bMarapi\b", 10),
    # hajj 2025: the Saudia bomb-threat flight, pilgrims with Covid, quota case, ...
    ("saudia", r"Saudia|Saudi Airlines|Teror Bom|Ancaman Bom|Diteror Bom", 12),
    ("haji", r"\b[Hh]aji\b|[Jj][ae]maah", 14),
    ("spmb", r"\bSPMB\b", 8),
    # court cases
    ("tannur", r"Tannur|Lisa Rachmat|Zarof", 10),
    ("hasto", r"\bHasto\b", 10),
    ("marcella-cpo", r"Marcella|\bCPO\b", 10),
    ("nadiem", r"Nadiem|Chromebook", 7),
    ("hibah", r"Khofifah|[Dd]ana [Hh]ibah|Hibah Pramuka", 8),
    ("csr-bi", r"CSR BI|[Dd]ana CSR|Filianingsih|\bSatori\b", 5),
    ("sritex", r"Sritex", 4),
    ("farel", r"Farel Prayoga", 5),
    ("taeil", r"\bTaeil\b", 3),
    ("nikita", r"Nikita Mirzani|Reza Gladys", 4),
    ("agnez", r"Agnez", 4),
    # fires, quakes, floods, accidents
    ("fire", r"[Kk]ebakaran|[Tt]erbakar", 12),
    ("quake", r"\b[Gg]empa\b", 7),
    ("flood", r"[Bb]anjir|[Kk]ebanjiran", 6),
    ("air-crash", r"Helikopter|Air India", 12),
    ("krl", r"\bKRL\b", 6),
    ("lalamove", r"Lalamove|Koboi", 4),
    # people and institutions
    ("ghazali", r"Al Ghazali|Alyssa Daguise|Al-Ghazali", 14),
    ("yolla", r"Yolla", 6),
    ("yovie", r"Yovie", 5),
    ("pln", r"\bPLN\b.*([Dd]ireksi|[Kk]omisaris)|([Dd]ireksi|[Kk]omisaris).*\bPLN\b", 5),
    ("denada", r"Denada", 6),
    ("hengki", r"Hengki Kawilarang", 4),
    ("psi", r"\bPSI\b|Bro Ron|Caketum", 7),
    ("kusnadi", r"Kusnadi", 3),
    # policy and economy
    ("mbg", r"\bMBG\b", 7),
    ("dayasaing", r"[Dd]aya [Ss]aing", 6),
    ("rates", r"[Ss]uku [Bb]unga", 7),
    ("cdia", r"\bCDIA\b", 4),
    ("pbi", r"\bPBI\b|Bantuan Iuran", 3),
    ("hut-jakarta", r"HUT [Kk]e-?498|HUT Jakarta", 6),
    ("bsu", r"\bBSU\b", 5),
    ("pemutihan", r"[Pp]emutihan", 5),
    ("trump", r"\bTrump\b", 10),
    ("danantara", r"Danantara", 6),
    ("raja-ampat", r"Raja Ampat|Citlim", 6),
    ("press-release",
     r"Pelita Air|Fortune Southeast|Anugerah Jurnalistik|Layanan Prioritas|Nasabah Prioritas|[Cc]ukai", 12),
    # sport
    ("cwc", r"Antarklub|Piala Dunia Klub|Inter Miami|Al Hilal|Botafogo|Monterrey", 16),
    ("transfer", r"Nico Williams|Kerkez|Wirtz|Son Heung-min|Quansah|Mudryk", 9),
    ("fifa-erick", r"\bFIFA\b", 5),
    ("avc", r"\bAVC\b", 5),
    # working visits of different officials (same words, different stories)
    ("visit", r"\b[Kk]unker\b|[Kk]unjungan [Kk]erja|\b[Tt]injau\b|\b[Ss]ambangi\b", 8),
    # fact-check items and the round-ups that reprint them; "Top 3"/"Terpopuler" round-ups
    ("roundup", r"^Cek Fakta|Kumpulan Hoaks|Deretan Hoaks|Ragam Hoaks|^Top 3|^TOP 3|^Terpopuler", 8),
    # one article republished under a new URL and title (found by body overlap)
    ("republished", r"Fenomena So[l]?s?tis|Jokowi Akan Maju Jadi Ketum PSI|Keringanan Bayar Tagihan"
     r"|Garuda M(estinya|engakui)|Harusnya Garuda", 8),
    # second pass (appended so that the samples above stay as they were labelled): the other side
    # of some pairs above (BI's rate decision next to the Fed's; the match Messi scored in; copies
    # of one press release; the other outlet's report of a story already retrieved)
    ("bi-rate", r"\bBI\b.{0,40}[Ss]uku [Bb]unga|BI[- ]Rate", 4),
    ("intermiami", r"Inter Miami|\bMessi\b", 6),
    ("botafogo", r"Botafogo", 3),
    ("more",
     r"Petani Tembakau|Anugerah Jurnalistik|Pelita Air|Maruarar|Calya|LCGC|Tak Bayar Tol|David Tobing|PBI JKN", 12),
]
SINGLETONS = 60  # seeded sample of in-window articles that no probe retrieved


def distinct_copies(d: Data, r: Row) -> list[Row]:
    """Other rows of r's URL whose raw text differs from r's and from each other (first of each)."""
    seen = {raw_text(r.title, r.date, r.body)}
    out = []
    for o in d.by_url[r.url]:
        t = raw_text(o.title, o.date, o.body)
        if t not in seen:
            seen.add(t)
            out.append(o)
    return out


def eval_manifests() -> list[str]:
    """Every JSON-line file under eval/ (the real-id and events-id manifests and gold), as paths
    relative to eval/."""
    return sorted(str(p.relative_to(ROOT / "eval")) for p in (ROOT / "eval").rglob("*.jsonl"))


def excluded(d: Data, candidate_files: tuple[str, ...], manifests: Iterable[str]) -> tuple[set[str], set[str]]:
    """Ids and URLs that another gold set uses: the articles of the link-id candidate files
    `candidate_files` and every URL a line of the eval/ `manifests` names. A later split's draw
    passes the manifests there were when it was drawn, so that it still draws what was labelled."""
    ids = {ln.split("\t", 1)[0] for name in candidate_files
           for ln in (HERE / name).read_text(encoding="utf-8").splitlines()[1:]}
    by_id = {r.id: r for r in d.rows}
    urls = {by_id[i].url for i in ids if i in by_id}
    for name in sorted(manifests):
        for ln in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines():
            m = re.search(r'"url":\s*"([^"]+)"', ln)
            if m:
                urls.add(m[1])
    return ids, urls


def lead(body: str, n: int = 420) -> str:
    s = " ⏎ ".join(ln.strip() for ln in body.splitlines() if ln.strip())
    return s[:n]


def candidates(d: Data) -> list[tuple[str, Row]]:
    rng = random.Random(SEED)
    pool = [r for r in articles(d) if in_window(r)]
    taken: dict[str, str] = {}
    for name, pattern, cap in PROBES:
        rx = re.compile(pattern)
        hits = [r for r in pool if r.id not in taken and rx.search(r.display_title)]
        if len(hits) > cap:
            hits = sorted(rng.sample(hits, cap), key=lambda r: r.id)
        for r in hits:
            taken[r.id] = name
    rest = [r for r in pool if r.id not in taken]
    for r in sorted(rng.sample(rest, SINGLETONS), key=lambda r: r.id):
        taken[r.id] = "singleton"
    # every in-window article that the scraper saved more than once with a different text (a widget
    # line more or less, a changed date string or title): its copies are real republications
    for r in pool:
        if r.id not in taken and len(distinct_copies(d, r)) > 0:
            taken[r.id] = "republished-url"
    by_id = {r.id: r for r in pool}
    return [(taken[i], by_id[i]) for i in sorted(taken, key=lambda i: (list(taken).index(i)))]


def write_candidates(d: Data, out: Path) -> None:
    cands = candidates(d)
    with out.open("w", encoding="utf-8") as f:
        f.write("id\tprobe\toutlet\tpublished\ttitle\tlead\n")
        for probe, r in cands:
            f.write("\t".join([r.id, probe, r.outlet, r.published, norm(r.display_title),
                               lead(r.body).replace("\t", " ")]) + "\n")
    print(f"{len(cands)} candidates -> {out}", file=sys.stderr)
    print(Counter(p for p, _ in cands).most_common(), file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# step 2: build
#
# Hand-made inputs (tracked beside this script): stories.tsv (file, story, reason), story-labels.tsv
# (story, label, note, group), duplicates.tsv (file, duplicate_of, reason: cross-URL copies among
# the selected articles). Everything else below is mechanical and seeded.

PLANTED_PER_TRANSFORM = 10  # in all: half in dev, half in test
TRANSFORMS = ("boilerplate", "trim", "reorder", "title", "aggregator", "rerun", "combo")
DEV_SHARE = 0.5

NOISE_LINE = re.compile(
    r"^(advertisement|baca juga:?|scroll to continue with content|\[gambas:.*\]|(simak|lihat|tonton) juga"
    r".*|saksikan live.*|baca (berita )?selengkapnya.*|artikel ini telah (naik|tayang).*|ikuti whatsapp"
    r" channel.*|\([a-z .]{2,40}\)|-{3,}|\*{3})$", re.IGNORECASE)
DATELINE = re.compile(
    r"^(Liputan6\.com, [A-Z][a-z]+(?: [A-Z][a-z]+)?\s*-?\s*|[A-Z][A-Z .]{2,30},? ?KOMPAS\.com\s*[-–—]\s*"
    r"|KOMPAS\.com\s*[-–—]\s*|TEMPO\.CO,\s*[A-Za-z]+\s*[-–—]+\s*|REPUBLIKA\.CO\.ID,\s*[A-Z ]+\s*-+\s*"
    r"|INFO NASIONAL\s*[-–—]\s*|[A-Z][A-Z .]{2,30}\s*[-–—]+\s*)")
SMALL_WORDS = {"di", "ke", "dari", "dan", "yang", "untuk", "dengan", "pada", "dalam", "atau", "oleh",
               "soal", "usai", "hingga", "sebagai", "bagi", "akan", "ini", "itu", "jadi", "karena"}
NO_END = {"antara", "tentang", "terhadap", "bahwa", "para", "sang", "secara", "saat", "telah", "sudah",
          "masih", "juga", "adalah", "merupakan", "kembali", "tidak", "tak", "se", "pun", "serta"}
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MON_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
MON_LONG = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
            "Oktober", "November", "Desember"]
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")

# How each outlet dresses an article: dateline before the first paragraph, lines it inserts between
# paragraphs, lines it ends with, and its date string (strftime-like fields filled by fmt_date).
DRESS: dict[str, dict] = {
    "kompas.com": {"dateline": "JAKARTA, KOMPAS.com - ", "mid": ["Baca juga: {t1}", "Baca juga: {t2}"],
                   "foot": ["Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran"
                            " andalanmu akses berita Kompas.com WhatsApp Channel."],
                   "date": "Kompas.com- {dd}/{mm}/{yyyy}, {HH}:{MM} WIB"},
    "detik.com": {"dateline": "", "mid": ["SCROLL TO CONTINUE WITH CONTENT"],
                  "foot": ["Simak juga Video '{t1}':", "[Gambas:Video 20detik]", "(rdp/idn)"],
                  "date": "{wd}, {d} {mon} {yyyy} {HH}:{MM} WIB"},
    "liputan6.com": {"dateline": "Liputan6.com, Jakarta - ", "mid": ["Baca Juga", "Advertisement"], "foot": [],
                     "date": "Diperbarui {dd} {mon} {yyyy}, {HH}:{MM} WIB"},
    "okezone.com": {"dateline": "JAKARTA - ", "mid": ["Baca Juga: {t1}"], "foot": ["(rds)"],
                    "date": ", Jurnalis-{wd}, {d} {month} {yyyy} |{HH}:{MM} WIB"},
    "tempo.co": {"dateline": "TEMPO.CO, Jakarta - ", "mid": [], "foot": ["Pilihan Editor: {t1}"],
                 "date": "{d} {month} {yyyy} | {HH}.{MM} WIB"},
    "republika.co.id": {"dateline": "REPUBLIKA.CO.ID, JAKARTA -- ", "mid": [],
                        "foot": ["Ikuti Whatsapp Channel Republika"],
                        "date": "{wd}   {d} {mon} {yyyy}  {HH}:{MM} WIB"},
}
AGGREGATOR = {"outlet": "kabarkini.id", "date": "Dipublikasikan {dd}/{mm}/{yyyy} {HH}:{MM}"}


def read_tsv(path: Path) -> list[list[str]]:
    out = []
    for ln in path.read_text(encoding="utf-8").splitlines():
        if ln.strip() and not ln.startswith("#"):
            out.append(ln.split("\t"))
    return out


def when(r: Row) -> tuple[str, int, int]:
    """(ISO day, hour, minute) of a row's date string (12:00 when it has no time)."""
    m = _TIME.search(r.date.split("2025", 1)[-1]) if "2025" in r.date else None
    return r.published, (int(m[1]) if m else 12), (int(m[2]) if m else 0)


def fmt_date(template: str, iso: str, hh: int, mm: int) -> str:
    import datetime as dt

    day = dt.date.fromisoformat(iso)
    return template.format(wd=WEEKDAYS[day.weekday()], d=day.day, dd=f"{day.day:02d}", mm=f"{day.month:02d}",
                           yyyy=day.year, mon=MON_SHORT[day.month - 1], month=MON_LONG[day.month - 1],
                           HH=f"{hh:02d}", MM=f"{mm:02d}")


def shift(iso: str, hh: int, mm: int, minutes: int) -> tuple[str, int, int]:
    import datetime as dt

    t = dt.datetime.fromisoformat(iso) + dt.timedelta(hours=hh, minutes=mm + minutes)
    return t.date().isoformat(), t.hour, t.minute


def is_content(line: str) -> bool:
    s = line.strip()
    return bool(s) and not NOISE_LINE.match(s) and len(s.split()) >= 8


def strip_dress(lines: list[str]) -> list[str]:
    """The article's own paragraphs: noise lines dropped, the dateline cut off the first one."""
    out = [ln.strip() for ln in lines if ln.strip() and not NOISE_LINE.match(ln.strip())]
    if out:
        out[0] = DATELINE.sub("", out[0], count=1).lstrip(" -–—")
    return out


def lead_title(lines: list[str]) -> str:
    """A headline rewritten from the lead: its first clause, headline-cased (a changed title)."""
    first = next((ln for ln in strip_dress(lines) if len(ln.split()) >= 8), lines[0])
    sent = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    words = sent.rstrip(".").split()
    cut = next((i + 1 for i, w in enumerate(words) if i >= 5 and w.endswith(",")), min(len(words), 12))
    words = [w.rstrip(",") for w in words[: min(cut, 12)] if not re.fullmatch(r"\([^)]*\)", w)]
    while len(words) > 4 and words[-1].lower() in SMALL_WORDS | NO_END:
        words.pop()  # a headline does not end on "yang", "antara", "soal" ...
    return " ".join(w if (w.lower() in SMALL_WORDS and i) or not w[:1].islower() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def dress(paras: list[str], outlet: str, rng: random.Random, others: list[str]) -> list[str]:
    """Paragraphs re-dressed in another outlet's boilerplate."""
    d = DRESS[outlet]
    t1, t2 = rng.sample(others, 2)
    out = list(paras)
    out[0] = d["dateline"] + out[0]
    for k, line in enumerate(d["mid"]):
        pos = min(len(out), 2 + 3 * k)
        out.insert(pos, line.format(t1=t1, t2=t2))
    return out + [f.format(t1=t1, t2=t2) for f in d["foot"]]


def trim(lines: list[str], rng: random.Random, share: tuple[float, float] = (0.2, 0.4)) -> list[str]:
    """The last 20-40% of the content paragraphs cut (at least one; boilerplate lines kept)."""
    idx = [i for i, ln in enumerate(lines) if is_content(ln)]
    k = max(1, round(len(idx) * rng.uniform(*share)))
    drop = set(idx[-k:])
    return [ln for i, ln in enumerate(lines) if i not in drop]


def reorder(lines: list[str], rng: random.Random) -> list[str]:
    """Content paragraphs after the lead reordered: two of them swapped and the last moved up."""
    idx = [i for i, ln in enumerate(lines) if is_content(ln)][1:]
    out = list(lines)
    if len(idx) >= 4:
        a, b = sorted(rng.sample(idx[:-1], 2))
        out[a], out[b] = out[b], out[a]
        last = idx[-1]
        moved = out.pop(last)
        out.insert(idx[0], moved)
    elif len(idx) >= 2:
        out[idx[0]], out[idx[-1]] = out[idx[-1]], out[idx[0]]
    return out


@dataclass
class Doc:
    file: str
    title: str
    date: str
    body: str
    story: str
    duplicate_of: str | None
    kind: str  # real | republication | planted
    row: Row
    outlet: str
    published: str
    note: str = ""
    transform: str | None = None

    def text(self) -> str:
        return raw_text(self.title, self.date, self.body)


def plant(orig: Doc, transform: str, rng: random.Random, others: list[str]) -> Doc:
    r = orig.row
    lines = r.body.split("\n")
    iso, hh, mm = when(r)
    title, date, outlet = r.title or lead_title(lines), r.date, r.outlet
    other_outlets = sorted(o for o in DRESS if o != r.outlet)
    src = r.outlet.split(".")[0].capitalize() + "." + r.outlet.split(".", 1)[1]
    if transform == "boilerplate":
        # another outlet's dateline, inserts and footer, and its credit line for the source
        outlet = rng.choice(other_outlets)
        paras = strip_dress(lines)
        paras[0] = f"{paras[0]} Demikian dikutip dari {src}."
        body = dress(paras, outlet, rng, others)
        date = fmt_date(DRESS[outlet]["date"], *shift(iso, hh, mm, rng.randint(30, 180)))
    elif transform == "trim":
        body = trim(lines, rng)
    elif transform == "reorder":
        body = reorder(lines, rng)
    elif transform == "title":
        title, body = lead_title(lines), list(lines)
    elif transform == "aggregator":
        outlet = AGGREGATOR["outlet"]
        paras = strip_dress(lines)
        paras = trim(paras, rng, (0.0, 0.25)) if len(paras) > 4 else paras
        body = [f"Sumber: {src}", *paras, "",
                f'Artikel ini telah tayang di {src} dengan judul "{r.title or lead_title(lines)}". '
                f"Baca selengkapnya di: {r.url}", "Bagikan:", "Komentar"]
        date = fmt_date(AGGREGATOR["date"], *shift(iso, hh, mm, rng.randint(20, 240)))
    elif transform == "rerun":
        title = lead_title(lines)
        day = shift(iso, 0, 0, 24 * 60)[0]
        template = DRESS.get(r.outlet, DRESS["detik.com"])["date"]
        date = fmt_date(template, day, rng.randint(5, 9), rng.choice([0, 15, 30, 45]))
        body = [ln for ln in lines if not NOISE_LINE.match(ln.strip()) or ln.strip().lower() == "advertisement"]
        # re-run the next day: "hari ini" has become "kemarin", the widgets changed
        body = "\n".join(body).replace("hari ini", "kemarin", 1).split("\n")
        t1 = rng.choice(others)
        if r.outlet == "detik.com":
            body += [f"Simak juga Video '{t1}':", "[Gambas:Video 20detik]"]
        else:
            body += [f"Baca juga: {t1}"]
    elif transform == "combo":
        outlet = rng.choice(other_outlets)
        title = lead_title(lines)
        body = dress(reorder(trim(strip_dress(lines), rng, (0.15, 0.3)), rng), outlet, rng, others)
        date = fmt_date(DRESS[outlet]["date"], *shift(iso, hh, mm, rng.randint(60, 300)))
    else:
        raise ValueError(transform)
    stem = orig.file[:-4]
    return Doc(file=f"{stem}~{transform}.txt", title=title, date=date, body="\n".join(body), story=orig.story,
               duplicate_of=orig.file, kind="planted", row=r, outlet=outlet, published=orig.published,
               note=f"planted copy of {orig.file}: {transform}", transform=transform)


def split_groups(sizes: dict[str, int]) -> dict[str, str]:
    """Groups to dev/test, balanced by article count: largest groups first (ties by SHA-1 of the
    name), each to the split that holds fewer articles so far (dev on a tie)."""
    order = sorted(sizes, key=lambda g: (-sizes[g], hashlib.sha1(f"{SEED}:{g}".encode()).hexdigest()))
    count = {"dev": 0, "test": 0}
    out = {}
    for g in order:
        s = "dev" if count["dev"] <= count["test"] else "test"
        out[g] = s
        count[s] += sizes[g]
    return out


def build(d: Data) -> None:
    by_id = {r.id: r for r in d.rows}
    labels = {s: (label, note, group) for s, label, note, group in read_tsv(HERE / "story-labels.tsv")}
    docs: dict[str, Doc] = {}
    for file, story, reason in read_tsv(HERE / "stories.tsv"):
        if story not in labels:
            sys.exit(f"build.py: {file}: story {story} has no line in story-labels.tsv")
        r = by_id[file[:-4]]
        docs[file] = Doc(file, r.title, r.date, r.body, story, None, "real", r, r.outlet, r.published, reason)
    for file, orig, reason in read_tsv(HERE / "duplicates.tsv"):
        if docs[file].story != docs[orig].story:
            sys.exit(f"build.py: duplicate {file} of {orig} is labelled with another story")
        docs[file].duplicate_of, docs[file].note = orig, reason
    # the scraper's other saves of a selected URL whose text differs: real republications
    for file in list(docs):
        doc = docs[file]
        if doc.kind != "real":
            continue
        for o in distinct_copies(d, doc.row):
            f = f"{o.id}.txt"
            what = [w for w, same in (("title", o.title == doc.row.title), ("date string", o.date == doc.row.date),
                                      ("body", o.body == doc.row.body)) if not same]
            docs[f] = Doc(f, o.title, o.date, o.body, doc.story, doc.duplicate_of or file, "republication", o,
                          o.outlet, o.published, f"same URL saved again by the scraper ({o.file}); differs in "
                          + ", ".join(what))
    # split by group of confusable stories, before anyone tunes anything (sizes: real articles and
    # the scraper's copies; the planted copies are then made in equal numbers on each side)
    sizes: Counter[str] = Counter(labels[doc.story][2] for doc in docs.values())
    split_of = split_groups(sizes)
    # planted near-duplicates: per split, PLANTED_PER_TRANSFORM // 2 copies of each transform, each of
    # a different real original with at least five content paragraphs
    rng = random.Random(SEED)
    titles = sorted({doc.row.title for doc in docs.values() if doc.row.title})
    for sp in ("dev", "test"):
        eligible = sorted(f for f, doc in docs.items() if doc.kind == "real" and doc.duplicate_of is None
                          and split_of[labels[doc.story][2]] == sp
                          and sum(is_content(ln) for ln in doc.row.body.split("\n")) >= 5)
        chosen = rng.sample(eligible, PLANTED_PER_TRANSFORM // 2 * len(TRANSFORMS))
        for k, f in enumerate(chosen):
            others = [t for t in titles if t != docs[f].row.title]
            p = plant(docs[f], TRANSFORMS[k % len(TRANSFORMS)], rng, others)
            docs[p.file] = p
    # checks: no two files with the same bytes (linimasa would ingest them as one article)
    seen: dict[str, str] = {}
    for f, doc in sorted(docs.items()):
        h = hashlib.sha1(doc.text().encode("utf-8")).hexdigest()
        if h in seen:
            sys.exit(f"build.py: {f} has the same bytes as {seen[h]}")
        seen[h] = f
    out = HERE / "corpus"
    if out.exists():
        for old in out.glob("*/*.txt"):
            old.unlink()
    gold: dict = {"about": "linimasa duplicate/story gold set; see README.md and GUIDELINE.md",
                  "articles": {}, "stories": {}}
    for f, doc in sorted(docs.items()):
        sp = split_of[labels[doc.story][2]]
        path = out / sp / f
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc.text(), encoding="utf-8")
        gold["articles"][f] = {
            "split": sp, "story": doc.story, "duplicate_of": doc.duplicate_of, "kind": doc.kind,
            "transform": doc.transform, "source_row": {"file": doc.row.file, "record": doc.row.record},
            "url": doc.row.url, "outlet": doc.outlet, "published": doc.published, "title": doc.title,
            "note": doc.note,
        }
    members: dict[str, list[str]] = defaultdict(list)
    for f, doc in docs.items():
        members[doc.story].append(f)
    for s, (label, note, group) in sorted(labels.items()):
        if s in members:
            gold["stories"][s] = {"label": label, "note": note, "group": group, "split": split_of[group],
                                  "size": len(members[s])}
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    report(gold)


def report(gold: dict) -> None:
    arts = gold["articles"]
    for sp in ("dev", "test", None):
        a = {f: v for f, v in arts.items() if sp is None or v["split"] == sp}
        st = Counter(v["story"] for v in a.values())
        dups = sum(v["duplicate_of"] is not None for v in a.values())
        print(f"== {sp or 'all'}: {len(a)} files ({Counter(v['kind'] for v in a.values())}); {len(st)} stories "
              f"by size {sorted(Counter(st.values()).items())}; duplicates {dups}")
    print("planted by transform:", sorted(Counter(v["transform"] for v in arts.values() if v["transform"]).items()))
    print("real articles labelled:", sum(v["kind"] == "real" for v in arts.values()))


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["candidates", "build"])
    ap.add_argument("--data", help="folder of the scrapping_news_2025-*.csv files")
    args = ap.parse_args(argv)
    d = load(data_dir(args.data))
    if args.step == "candidates":
        write_candidates(d, HERE / "candidates.tsv")
    else:
        build(d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
