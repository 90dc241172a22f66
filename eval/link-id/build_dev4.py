"""Build `dev4`, a fourth hand-labelled development split of eval/link-id, from articles that no
other gold set of linimasa uses (not dev/test, not dev2, not dev3, not any eval/*/ manifest).

Why: dev, dev2 and dev3 have all been tuned on (the pool gives 0.910 / 0.958 while the held-out
test gives a story recall of 0.896); a fresh split whose stories no rule has seen gives a held-out
figure of the current story rules and shows errors the tuned splits no longer show (issue 10).

Deterministic (stdlib only, fixed seed, inputs read in sorted order); it reuses build.py's reader,
raw-text writer, planted transforms and checks. Three steps:

    # 1. candidates: articles to label (probes on title words + seeded singletons), none of which is
    #    in candidates.tsv (dev/test), candidates-dev2.tsv (dev2), candidates-dev3.tsv (dev3)
    #    or any eval/*/ manifest
    /work/main/.venv/bin/python eval/link-id/build_dev4.py candidates
    # ... a person reads candidates-dev4.tsv and writes stories-dev4.tsv + story-labels-dev4.tsv BY HAND
    # 2. pairs: every pair of labelled articles whose bodies share >= 1/4 of the shorter one's 5-word
    #    shingles, printed for reading side by side (a person writes duplicates-dev4.tsv)
    /work/main/.venv/bin/python eval/link-id/build_dev4.py pairs
    # 3. build: corpus/dev4/*.txt, planted near-duplicates, real republications, gold-dev4.json
    /work/main/.venv/bin/python eval/link-id/build_dev4.py build
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
SEED = 20250621  # not build.py's, build_dev2.py's nor build_dev3.py's: a fresh sample
SPLIT = "dev4"
SINGLETONS = 30

# Probes for stories that no dev/test, dev2 or dev3 probe targeted (the Tesso Nilo park clearing and
# Riau's police, Danantara's rules for BUMN directors vs the deputy ministers on BUMN boards, the
# Pekanbaru waste dump, the Depok toll-gate runner, the Lombok Timur regent and the tourist boat,
# overtourism protests in Europe, the KPK hajj-quota inquiry, BPOM's herbal warnings, Manchester
# United's transfer items, the Mugello MotoGP weekend, ...), each next to articles that share its
# words but may be other stories (Riau police news, other BUMN items, other Banyuwangi tourism
# items, bitcoin market items, disability items, electric vehicles vs electricity). A probe only
# RETRIEVES candidates; labels are decided by hand.
PROBES: list[tuple[str, str, int]] = [
    ("riau", r"TNTN|Tesso Nilo|Kapolda Riau|Polda Riau|Siak", 8),
    ("bumn", r"BUMN|Komisaris", 10),
    ("limbah", r"[Ll]imbah", 4),
    ("toll-runner", r"Terobos|Pintu Tol|Tol Depok", 4),
    ("lombok-timur", r"Lombok Timur|Teluk Ekas", 3),
    ("overtourism", r"[Oo]vertourism|Diserbu Turis|Louvre|Venesia|Bezos", 6),
    ("hajj-quota", r"Kuota Haji", 3),
    ("police-basketball", r"Basket Polisi", 3),
    ("bpom", r"BPOM|\bBKO\b|Obat Herbal", 4),
    ("man-utd", r"Manchester United", 10),
    ("mugello", r"MotoGP Italia|Mugello", 6),
    ("sherly", r"Sherly Tjoanda", 3),
    ("bung-karno", r"Bung Karno", 3),
    ("imipas", r"Imipas|Lapas", 3),
    ("bitcoin", r"Bitcoin|Kripto", 6),
    ("banyuwangi", r"Banyuwangi", 6),
    ("disability", r"Disabilitas|Difabel", 6),
    ("electric", r"[Ll]istrik", 6),
    ("sukabumi", r"Sukabumi", 4),
]

# A second batch, added after the first 120 candidates were labelled (commit f06a2be) because only
# 15 of their stories had two or more articles: three topics with many same-week stories that share
# words (eruptions of three volcanoes, Club World Cup matches, the AFF U-23 Cup). Drawn with its own
# random generator after the singletons, so that the first batch stays exactly as it was labelled.
EXTRA_PROBES: list[tuple[str, str, int]] = [
    ("volcano", r"Lewotobi|Semeru|Raung", 9),
    ("cwc", r"Antarklub", 12),
    ("aff-u23", r"AFF U-23", 6),
]


EXCLUDE = ("candidates.tsv", "candidates-dev2.tsv", "candidates-dev3.tsv")


# JSON-line manifests under eval/ written after dev4 .. dev8 were drawn (events-id's dev2, stop 36):
# those splits' draws do not read them, so that `candidates` still writes the files that were labelled.
LATER_MANIFESTS = ("events-id/candidates-dev2.jsonl", "events-id/dev2.jsonl")
# Manifests written after dev9 was drawn (events-id's dev3 .. dev6, stop 37): no link-id draw reads them.
AFTER_DEV9 = tuple(f"events-id/{prefix}dev{n}.jsonl" for n in (3, 4, 5, 6) for prefix in ("candidates-", ""))


def excluded(d: B.Data, names: tuple[str, ...] = EXCLUDE, later: bool = False) -> tuple[set[str], set[str]]:
    """Ids and URLs that another gold set uses: the candidate files `names` (by default
    candidates.tsv of dev/test, candidates-dev2.tsv and candidates-dev3.tsv) and every eval/
    manifest drawn before the split (`LATER_MANIFESTS` only with `later`, `AFTER_DEV9` never)."""
    skip = AFTER_DEV9 if later else (*LATER_MANIFESTS, *AFTER_DEV9)
    return B.excluded(d, names, [m for m in B.eval_manifests() if m not in skip])


def _probe(pool: list[B.Row], taken: dict[str, str], probes: list[tuple[str, str, int]],
           rng: random.Random) -> None:
    """Give each probe the pool's articles not yet taken whose title it matches (a seeded sample of
    `cap` when more match), in the probes' order, so an earlier probe keeps what it matched."""
    for name, pattern, cap in probes:
        rx = re.compile(pattern)
        hits = [r for r in pool if r.id not in taken and rx.search(r.display_title)]
        if len(hits) > cap:
            hits = sorted(rng.sample(hits, cap), key=lambda r: r.id)
        for r in hits:
            taken[r.id] = name


def draw(d: B.Data, seed: int, probes: list[tuple[str, str, int]], singletons: int,
         extra_probes: list[tuple[str, str, int]], exclude: tuple[str, ...],
         later: bool = False) -> list[tuple[str, B.Row]]:
    """The candidates of a fresh development split (dev4, and build_dev5.py's dev5): the first
    record of each in-window URL that no file of `exclude` and no eval/ manifest uses, retrieved by
    `probes`, then `singletons` seeded articles no probe took, then `extra_probes` with a generator
    of their own (seed + 1, so that adding them leaves the first batch as it was), then every
    article of the pool that the scraper saved again with a different text (as build.py)."""
    rng = random.Random(seed)
    ids, urls = excluded(d, exclude, later)
    pool = [r for r in B.articles(d) if B.in_window(r) and r.id not in ids and r.url not in urls]
    taken: dict[str, str] = {}
    _probe(pool, taken, probes, rng)
    rest = [r for r in pool if r.id not in taken]
    for r in sorted(rng.sample(rest, singletons), key=lambda r: r.id):
        taken[r.id] = "singleton"
    _probe(pool, taken, extra_probes, random.Random(seed + 1))
    # in dev4's and dev5's pools there is none left: build.py took them all for dev/test
    for r in pool:
        if r.id not in taken and B.distinct_copies(d, r):
            taken[r.id] = "republished-url"
    by_id = {r.id: r for r in pool}
    return [(p, by_id[i]) for i, p in taken.items()]


def candidates(d: B.Data) -> list[tuple[str, B.Row]]:
    return draw(d, SEED, PROBES, SINGLETONS, EXTRA_PROBES, EXCLUDE)


def write_candidates(cands: list[tuple[str, B.Row]], out: Path) -> None:
    """Write the candidates to label (id, probe, outlet, published, title, lead), unlabelled."""
    with out.open("w", encoding="utf-8") as f:
        f.write("id\tprobe\toutlet\tpublished\ttitle\tlead\n")
        for probe, r in cands:
            f.write("\t".join([r.id, probe, r.outlet, r.published, B.norm(r.display_title),
                               B.lead(r.body).replace("\t", " ")]) + "\n")
    print(f"{len(cands)} candidates -> {out}", file=sys.stderr)
    print(Counter(p for p, _ in cands).most_common(), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    return B2.steps(argv, __doc__, SPLIT, SEED, lambda d: write_candidates(candidates(d), HERE / "candidates-dev4.tsv"))


if __name__ == "__main__":
    sys.exit(main())
