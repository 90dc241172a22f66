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
    ("press-release", r"Pelita Air|Fortune Southeast|Anugerah Jurnalistik|Layanan Prioritas|Nasabah Prioritas|[Cc]ukai", 12),
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
    ("republished", r"Fenomena So[l]?s?tis|Jokowi Akan Maju Jadi Ketum PSI|Keringanan Bayar Tagihan|Garuda M(estinya|engakui)|Harusnya Garuda", 8),
    # second pass (appended so that the samples above stay as they were labelled): the other side
    # of some pairs above (BI's rate decision next to the Fed's; the match Messi scored in; copies
    # of one press release; the other outlet's report of a story already retrieved)
    ("bi-rate", r"\bBI\b.{0,40}[Ss]uku [Bb]unga|BI[- ]Rate", 4),
    ("intermiami", r"Inter Miami|\bMessi\b", 6),
    ("botafogo", r"Botafogo", 3),
    ("more", r"Petani Tembakau|Anugerah Jurnalistik|Pelita Air|Maruarar|Calya|LCGC|Tak Bayar Tol|David Tobing|PBI JKN", 12),
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
