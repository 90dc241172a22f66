"""Build `dev5`, a fifth hand-labelled development split of eval/link-id, from articles that no
other gold set of linimasa uses (not dev/test, dev2, dev3, dev4, nor any eval/*/ manifest).

Why: dev4 has been read for its errors while the story rules changed (issue 10); a fresh split
whose stories no rule of that session has seen tells whether the changes generalise before the
held-out test split is measured once.

Deterministic (stdlib only, fixed seed, inputs read in sorted order). It does not copy dev4's
builder but calls it: build_dev4.draw (the exclusion, the probes, the seeded singletons, the
republications), build_dev4.write_candidates, and build_dev2's pairs and build (planted copies).
Three steps:

    # 1. candidates: articles to label (probes on title words + seeded singletons), none of which is
    #    in candidates.tsv, candidates-dev2.tsv, candidates-dev3.tsv, candidates-dev4.tsv or any
    #    eval/*/ manifest
    /work/main/.venv/bin/python eval/link-id/build_dev5.py candidates
    # ... a person reads candidates-dev5.tsv and writes stories-dev5.tsv + story-labels-dev5.tsv BY HAND
    # 2. pairs: every pair of labelled articles whose bodies share >= 1/4 of the shorter one's 5-word
    #    shingles, printed for reading side by side (a person writes duplicates-dev5.tsv)
    /work/main/.venv/bin/python eval/link-id/build_dev5.py pairs
    # 3. build: corpus/dev5/*.txt, planted near-duplicates, real republications, gold-dev5.json
    /work/main/.venv/bin/python eval/link-id/build_dev5.py build
"""


from __future__ import annotations

import sys

import build as B
import build_dev2 as B2
import build_dev4 as B4

HERE = B.HERE
SEED = 20250622  # not build.py's, nor dev2's, dev3's or dev4's: a fresh sample
SPLIT = "dev5"
SINGLETONS = 20
EXCLUDE = (*B4.EXCLUDE, "candidates-dev4.tsv")

# Probes for stories that no earlier probe targeted (Mbappe's illness at the Club World Cup, PLN's
# 2024 results, Kemenkes' malaria and HIV briefings, the POCO F7 launch, the Android 16 release,
# Toprak Razgatlioglu's move to MotoGP, Aaliyah Massaid's first child, KLH's findings at IMIP and
# the industrial-estate forum, the Gyokeres/Sesko/Rashford transfer items, the Komdigi online-
# gambling trial vs the PDIP cadre questioned over Budi Arie, the NBA Finals, sustainable-gastronomy
# day, the Koperasi Merah Putih, ASN meetings in hotels, ...), each next to articles that share its
# words but may be other stories (other Real Madrid items, other Xiaomi phones, other Android items,
# other MotoGP/Yamaha items, other nickel and industrial-estate items, other transfers, other
# Dedi Mulyadi items, other smuggling cases, other Komisi III items). A probe only RETRIEVES
# candidates; labels are decided by hand.
PROBES: list[tuple[str, str, int]] = [
    ("mbappe", r"Mbappe", 6),
    ("real-madrid", r"Real Madrid|\bTrent\b|Madrid", 8),
    ("pln", r"\bPLN\b|Tambah Daya", 5),
    ("malaria", r"[Mm]alaria|[Dd]engue", 6),
    ("hiv", r"\bHIV\b", 6),
    ("poco", r"POCO|Poco F7|Redmi|Xiaomi", 7),
    ("android", r"Android 16|Android", 6),
    ("motogp-2026", r"Toprak|MotoGP 2026|Jorge Martin", 5),
    ("yamaha", r"Yamaha", 3),
    ("aaliyah", r"Aaliyah|Thariq", 6),
    ("industrial-estate", r"Kawasan Industri|IMIP|[Nn]ikel", 8),
    ("transfer", r"Gyokeres|Sesko|Napoli|Rashford|Joan Garcia", 10),
    ("judol", r"[Jj]udol|Budi Arie|Zulkarnaen", 4),
    ("nba", r"\bNBA\b", 4),
    ("gastronomy", r"Gastronomi", 4),
    ("koperasi", r"Koperasi|Kopdes", 4),
    ("asn-hotel", r"Rapat di Hotel|Dedi Mulyadi", 5),
    ("kevin-diks", r"Kevin Diks", 3),
    ("visa", r"[Bb]ebas [Vv]isa|Ajukan Visa", 3),
    ("smuggling", r"Penyu|Penyelundupan|Selundup", 4),
    ("komisi-iii", r"KUHAP|Komisi III", 4),
    ("my-stupid-boss", r"My Stupid Boss", 5),
    ("covid", r"Covid|COVID", 3),
    ("lpg", r"\bLPG\b", 2),
    ("tbs", r"TBS Energi", 2),
    ("ormas", r"Ormas", 2),
    ("upi", r"\bUPI\b", 2),
    ("lcgc", r"\bLCGC\b", 2),
    ("purwakarta", r"Purwakarta|Pergeseran Tanah", 2),
]

# A second batch, added after the first 148 candidates were labelled (commit 346d1a1) because only
# two of their stories had four or more articles from two or more outlets: the Club World Cup
# matches of 18 June with many same-week items that share their words (Real Madrid-Al Hilal, City-
# Wydad), PBSI's warning to its national squad, WhatsApp's ads, the World Cup qualifiers' fourth
# round, BRI's priority banking. Drawn with its own generator after the singletons (as dev4's second
# batch), so that the first batch stays exactly as it was labelled.
EXTRA_PROBES: list[tuple[str, str, int]] = [
    ("al-hilal", r"Al Hilal|Trent|Real Madrid", 6),
    ("wydad", r"Wydad|Reijnders", 5),
    ("pbsi", r"PBSI|Pelatnas", 5),
    ("whatsapp", r"WhatsApp", 4),
    ("round-4", r"Ronde 4", 3),
    ("priority-banking", r"Prioritas", 2),
]


def main(argv: list[str] | None = None) -> int:
    def candidates(d: B.Data) -> None:
        B4.write_candidates(B4.draw(d, SEED, PROBES, SINGLETONS, EXTRA_PROBES, EXCLUDE), HERE / "candidates-dev5.tsv")

    return B2.steps(argv, __doc__, SPLIT, SEED, candidates)


if __name__ == "__main__":
    sys.exit(main())
