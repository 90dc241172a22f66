"""Build `dev3`, a third hand-labelled development split of eval/link-id, from articles that no
other gold set of linimasa uses (not dev/test, not dev2, not any eval/*/ manifest).

Why: dev and dev2 have both been tuned on; a fresh split whose stories no rule has seen gives a
held-out "before" figure for the duplicate and story stages (issue 10).

Deterministic (stdlib only, fixed seed, inputs read in sorted order); it reuses build.py's reader,
raw-text writer, planted transforms and checks. Three steps:

    # 1. candidates: articles to label (probes on title words + seeded singletons), none of which is
    #    in candidates.tsv (dev/test), candidates-dev2.tsv (dev2) or any eval/*/ manifest
    /work/main/.venv/bin/python eval/link-id/build_dev3.py candidates
    # ... a person reads candidates-dev3.tsv and writes stories-dev3.tsv + story-labels-dev3.tsv BY HAND
    # 2. pairs: every pair of labelled articles whose bodies share >= 1/4 of the shorter one's 5-word
    #    shingles, printed for reading side by side (a person writes duplicates-dev3.tsv)
    /work/main/.venv/bin/python eval/link-id/build_dev3.py pairs
    # 3. build: corpus/dev3/*.txt, planted near-duplicates, real republications, gold-dev3.json
    /work/main/.venv/bin/python eval/link-id/build_dev3.py build
"""


from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import build as B

HERE = B.HERE
SEED = 20250620  # not build.py's nor build_dev2.py's: a fresh sample
SPLIT = "dev3"
SINGLETONS = 45

# Probes for stories that the dev/test and dev2 probes did not target, many of them from the first
# half of June 2025 (driving licences, ETLE, the Iduladha toll discount, BYD's Komdigi warning,
# intercity buses, the Bromo nail traps, daily crypto reports) or from press releases printed by
# several outlets, each next to articles that share its words but may be other stories (several
# Pertamina releases, Huawei's two launches, pungli at tourist sites vs the Saber Pungli task force,
# several BYD and Xpeng items, several badminton and Liga 1 transfer items, the Premier League
# fixtures vs other football, ...). A probe only RETRIEVES candidates; labels are decided by hand.
PROBES: list[tuple[str, str, int]] = [
    ("huawei", r"Huawei|HUAWEI|FreeBuds", 10),
    ("pnm", r"Mekaar|\bPNM\b", 4),
    ("debt-collector", r"[Dd]ebt [Cc]ollector|Air Gun", 4),
    ("anggun", r"Anggun C|Reacher|^Totalitas! Anggun", 4),
    ("hokben", r"HokBen", 3),
    ("pertamina", r"Pertamina|Pertagas|Seruni|Desa Energi", 12),
    ("klio", r"Klio Mathew", 3),
    ("kimberly", r"Kimberly Ryder|Edward Akbar", 5),
    ("garuda-iphone", r"iPhone Penumpang|Hilang HP|Hilangnya iPhone", 5),
    ("pungli", r"[Pp]ungli|[Pp]ungutan [Ll]iar|Dipalak|Digetok", 10),
    ("football-id", r"Nathan Tjoe|Bhayangkara FC|Persib|Persebaya|Persija|Rachmat Irianto|Bojan|PSIM", 9),
    ("plts", r"\bPLTS\b", 3),
    ("marbot", r"Marbot|Kas Masjid", 3),
    ("van-gogh", r"Van Gogh", 3),
    ("sctv-awards", r"SCTV Music Awards", 7),
    ("chicken", r"[Aa]yam [Hh]idup|HPP Ayam|Harga Ayam|Jual Ayam", 5),
    ("idzes", r"Jay Idzes|Termahal ASEAN|Pemain Termahal|Harga Pasaran", 6),
    ("badminton", r"Eng Hian|Ginting|Gregoria|Dejan Ferdinansyah|Herry IP|Ganda Putra", 7),
    ("bei-hours", r"\bBEI\b|Jam Perdagangan", 5),
    ("nita-vior", r"Nita Vior", 4),
    ("congestion", r"[Tt]ermacet|Macet", 4),
    ("yamal", r"Yamal", 5),
    ("vidi", r"Vidi Aldiano|Nuansa Bening", 5),
    ("ev-brands", r"TVS|Xpeng|VinFast|GAC|AION", 8),
    ("ieu-cepa", r"IEU-CEPA|RI-Eropa|Indonesia-Eropa|Uni Eropa", 4),
    ("husein", r"Husein|Kertajati", 5),
    ("poland", r"Polandia", 4),
    ("muslim-travel", r"[Rr]amah [Mm]uslim|[Ww]isata [Mm]uslim|GMTI", 3),
    ("merapi", r"Merapi", 5),
    ("epl-fixtures", r"Liga Inggris 2025/2026|Liga Inggris Musim 2025", 8),
    ("byd", r"\bBYD\b|Denza", 12),
    ("qjmotor", r"QJMotor|Aerox", 4),
    ("subaru", r"Subaru", 3),
    ("car-sales", r"Penjualan (Mobil|Daihatsu|Suzuki|Honda|Kendaraan)|Daihatsu Jual|Mobil Astra"
     r"|Penjualan Suzuki|Penjualan Honda", 7),
    ("sim", r"\bSIM\b", 8),
    ("etle", r"ETLE|[Tt]ilang", 6),
    ("official-cars", r"[Kk]endaraan [Dd]inas|[Mm]obil [Dd]inas|Operasional Pejabat", 4),
    ("toll-discount", r"[Dd]iskon (Tarif )?(Jalan )?Tol|Tol.{0,30}Diskon", 4),
    ("bus", r"\bAKAP\b|[Oo]perator [Bb]us|Bus Baru", 4),
    ("bromo", r"Bromo", 4),
    ("crypto-daily", r"Harga Kripto Hari Ini", 3),
    ("stablecoin", r"[Ss]tablecoin", 6),
    ("defense", r"Jet Tempur|A400M|Pindad|Mobil Taktis", 4),
]


def excluded(d: B.Data) -> tuple[set[str], set[str]]:
    """Ids and URLs that another gold set uses: candidates.tsv (dev/test of eval/link-id),
    candidates-dev2.tsv (dev2) and every URL named by a JSON line under eval/ (eval/real-id and
    eval/events-id manifests and gold)."""
    ids = {ln.split("\t", 1)[0] for name in ("candidates.tsv", "candidates-dev2.tsv")
           for ln in (HERE / name).read_text(encoding="utf-8").splitlines()[1:]}
    by_id = {r.id: r for r in d.rows}
    urls = {by_id[i].url for i in ids if i in by_id}
    for path in sorted((B.ROOT / "eval").rglob("*.jsonl")):
        for ln in path.read_text(encoding="utf-8").splitlines():
            m = re.search(r'"url":\s*"([^"]+)"', ln)
            if m:
                urls.add(m[1])
    return ids, urls


def candidates(d: B.Data) -> list[tuple[str, B.Row]]:
    rng = random.Random(SEED)
    ids, urls = excluded(d)
    pool = [r for r in B.articles(d) if B.in_window(r) and r.id not in ids and r.url not in urls]
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
    # as build.py: every article of the pool that the scraper saved again with a different text (in
    # this pool there is none left: build.py took them all for dev/test)
    for r in pool:
        if r.id not in taken and B.distinct_copies(d, r):
            taken[r.id] = "republished-url"
    by_id = {r.id: r for r in pool}
    return [(p, by_id[i]) for i, p in taken.items()]


def write_candidates(d: B.Data, out: Path) -> None:
    cands = candidates(d)
    with out.open("w", encoding="utf-8") as f:
        f.write("id\tprobe\toutlet\tpublished\ttitle\tlead\n")
        for probe, r in cands:
            f.write("\t".join([r.id, probe, r.outlet, r.published, B.norm(r.display_title),
                               B.lead(r.body).replace("\t", " ")]) + "\n")
    print(f"{len(cands)} candidates -> {out}", file=sys.stderr)
    print(Counter(p for p, _ in cands).most_common(), file=sys.stderr)


def shingles(body: str, n: int = 5) -> set[tuple[str, ...]]:
    ws = re.findall(r"\w+", body.lower())
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def pairs(d: B.Data) -> None:
    """Print the labelled pairs whose bodies share >= 1/4 of the shorter one's 5-word shingles (to be
    read side by side; the program decides nothing)."""
    by_id = {r.id: r for r in d.rows}
    rows = [(f, story, by_id[f[:-4]]) for f, story, _ in B.read_tsv(HERE / "stories-dev3.tsv")]
    sh = {f: shingles(r.body) for f, _, r in rows}
    for i, (f, s, r) in enumerate(rows):
        for g, t, q in rows[i + 1:]:
            small = min(len(sh[f]), len(sh[g])) or 1
            share = len(sh[f] & sh[g]) / small
            if share >= 0.25:
                print(f"{share:.2f}\t{f}\t{s}\t{B.norm(r.display_title)}\t{g}\t{t}\t{B.norm(q.display_title)}")


def build(d: B.Data) -> None:
    by_id = {r.id: r for r in d.rows}
    labels = {s: (label, note, group) for s, label, note, group in B.read_tsv(HERE / "story-labels-dev3.tsv")}
    docs: dict[str, B.Doc] = {}
    for file, story, reason in B.read_tsv(HERE / "stories-dev3.tsv"):
        if story not in labels:
            sys.exit(f"build_dev3.py: {file}: story {story} has no line in story-labels-dev3.tsv")
        r = by_id[file[:-4]]
        docs[file] = B.Doc(file, r.title, r.date, r.body, story, None, "real", r, r.outlet, r.published, reason)
    dup_path = HERE / "duplicates-dev3.tsv"
    for file, orig, reason in (B.read_tsv(dup_path) if dup_path.is_file() else []):
        if docs[file].story != docs[orig].story:
            sys.exit(f"build_dev3.py: duplicate {file} of {orig} is labelled with another story")
        docs[file].duplicate_of, docs[file].note = orig, reason
    for file in list(docs):
        doc = docs[file]
        if doc.kind != "real":
            continue
        for o in B.distinct_copies(d, doc.row):
            f = f"{o.id}.txt"
            what = [w for w, same in (("title", o.title == doc.row.title), ("date string", o.date == doc.row.date),
                                      ("body", o.body == doc.row.body)) if not same]
            docs[f] = B.Doc(f, o.title, o.date, o.body, doc.story, doc.duplicate_of or file, "republication", o,
                            o.outlet, o.published, f"same URL saved again by the scraper ({o.file}); differs in "
                            + ", ".join(what))
    # planted near-duplicates, as build.py plants them for one split: five of each transform
    rng = random.Random(SEED)
    titles = sorted({doc.row.title for doc in docs.values() if doc.row.title})
    eligible = sorted(f for f, doc in docs.items() if doc.kind == "real" and doc.duplicate_of is None
                      and sum(B.is_content(ln) for ln in doc.row.body.split("\n")) >= 5)
    chosen = rng.sample(eligible, B.PLANTED_PER_TRANSFORM // 2 * len(B.TRANSFORMS))
    for k, f in enumerate(chosen):
        others = [t for t in titles if t != docs[f].row.title]
        p = B.plant(docs[f], B.TRANSFORMS[k % len(B.TRANSFORMS)], rng, others)
        docs[p.file] = p
    seen: dict[str, str] = {}
    for f, doc in sorted(docs.items()):
        h = hashlib.sha1(doc.text().encode("utf-8")).hexdigest()
        if h in seen:
            sys.exit(f"build_dev3.py: {f} has the same bytes as {seen[h]}")
        seen[h] = f
    out = HERE / "corpus" / SPLIT
    if out.exists():
        for old in out.glob("*.txt"):
            old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    gold: dict = {"about": "linimasa duplicate/story gold set, split dev3; see README.md and GUIDELINE.md",
                  "articles": {}, "stories": {}}
    for f, doc in sorted(docs.items()):
        (out / f).write_text(doc.text(), encoding="utf-8")
        gold["articles"][f] = {
            "split": SPLIT, "story": doc.story, "duplicate_of": doc.duplicate_of, "kind": doc.kind,
            "transform": doc.transform, "source_row": {"file": doc.row.file, "record": doc.row.record},
            "url": doc.row.url, "outlet": doc.outlet, "published": doc.published, "title": doc.title,
            "note": doc.note,
        }
    members: dict[str, list[str]] = defaultdict(list)
    for f, doc in docs.items():
        members[doc.story].append(f)
    for s, (label, note, group) in sorted(labels.items()):
        if s in members:
            gold["stories"][s] = {"label": label, "note": note, "group": group, "split": SPLIT,
                                  "size": len(members[s])}
    (HERE / "gold-dev3.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    report(gold)


def report(gold: dict) -> None:
    arts = gold["articles"]
    real = {f: v for f, v in arts.items() if v["kind"] == "real"}
    st = Counter(v["story"] for v in arts.values())
    st_real = Counter(v["story"] for v in real.values())
    outlets: dict[str, set[str]] = defaultdict(set)
    for v in real.values():
        outlets[v["story"]].add(v["outlet"])
    print(f"files {len(arts)} {dict(Counter(v['kind'] for v in arts.values()))}; "
          f"duplicates {sum(v['duplicate_of'] is not None for v in arts.values())} "
          f"(real cross-URL {sum(v['duplicate_of'] is not None for v in real.values())})")
    print(f"stories {len(st)}; with 2+ real articles {sum(n >= 2 for n in st_real.values())}; "
          f"with 2+ outlets {sum(len(o) >= 2 for o in outlets.values())}; "
          f"groups {len({s['group'] for s in gold['stories'].values()})}")
    print("stories by number of real articles:", sorted(Counter(st_real.values()).items()))
    print("largest:", st_real.most_common(6))
    print("real by outlet:", Counter(v["outlet"] for v in real.values()).most_common())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["candidates", "pairs", "build"])
    ap.add_argument("--data", help="folder of the scrapping_news_2025-*.csv files")
    args = ap.parse_args(argv)
    d = B.load(B.data_dir(args.data))
    if args.step == "candidates":
        write_candidates(d, HERE / "candidates-dev3.tsv")
    elif args.step == "pairs":
        pairs(d)
    else:
        build(d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
