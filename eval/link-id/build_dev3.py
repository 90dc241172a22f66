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

import random
import re
import sys
from collections import Counter
from pathlib import Path

import build as B
import build_dev2 as B2

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


# The JSON-line manifests under eval/ when this split was drawn (commit aa90f48d): dev2's and those
# added after it; later ones are not read, so that `candidates` still writes the file that was labelled.
MANIFESTS_AT_DRAW = (*B2.MANIFESTS_AT_DRAW,
                     "real-id/dev-extra-7.jsonl",
                     "real-id/dev-extra-8.jsonl",
                     "real-id/dev-extra-entities-10.jsonl",
                     "real-id/dev-extra-entities-10/manifest.jsonl",
                     "real-id/dev-extra-entities-8.jsonl",
                     "real-id/dev-extra-entities-8/manifest.jsonl",
                     "real-id/dev-extra-entities-9.jsonl",
                     "real-id/dev-extra-entities-9/manifest.jsonl",
                     "real-id/dev-extra-entities-en.jsonl",
                     "real-id/dev-extra-entities-en/manifest.jsonl",
                     "real-id/dev-extra-entities-en2.jsonl",
                     "real-id/dev-extra-entities-en2/manifest.jsonl",
                     "real-id/manifest-dev-extra-7.jsonl",
                     "real-id/manifest-dev-extra-8.jsonl",
                     )


def excluded(d: B.Data) -> tuple[set[str], set[str]]:
    """Ids and URLs that another gold set uses: candidates.tsv (dev/test of eval/link-id),
    candidates-dev2.tsv (dev2) and the eval/ manifests there were at the draw (`MANIFESTS_AT_DRAW`)."""
    return B.excluded(d, ("candidates.tsv", "candidates-dev2.tsv"), MANIFESTS_AT_DRAW)


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


def main(argv: list[str] | None = None) -> int:
    return B2.steps(argv, __doc__, SPLIT, SEED, lambda d: write_candidates(d, HERE / "candidates-dev3.tsv"))


if __name__ == "__main__":
    sys.exit(main())
