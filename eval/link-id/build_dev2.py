"""Build `dev2`, a second hand-labelled development split of eval/link-id, from articles that no
other gold set of linimasa uses.

Why: the stories stage was tuned on the 326 dev files until dev rose while test fell; a second,
fresh development split shows whether a rule generalises before anyone looks at test.

Deterministic (stdlib only, fixed seed, inputs read in sorted order); it reuses build.py's reader,
raw-text writer, planted transforms and checks. Three steps:

    # 1. candidates: articles to label (probes on title words + seeded singletons), none of which is
    #    in candidates.tsv (dev/test) or in any eval/*/ manifest (eval/real-id, eval/events-id)
    /work/main/.venv/bin/python eval/link-id/build_dev2.py candidates
    # ... a person reads candidates-dev2.tsv and writes stories-dev2.tsv + story-labels-dev2.tsv BY HAND
    # 2. pairs: every pair of labelled articles whose bodies share >= 1/4 of the shorter one's 5-word
    #    shingles, printed for reading side by side (a person writes duplicates-dev2.tsv)
    /work/main/.venv/bin/python eval/link-id/build_dev2.py pairs
    # 3. build: corpus/dev2/*.txt, planted near-duplicates, real republications, gold-dev2.json
    /work/main/.venv/bin/python eval/link-id/build_dev2.py build
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import build as B

HERE = B.HERE
SEED = 20250619  # not build.py's: a fresh sample
SPLIT = "dev2"
SINGLETONS = 65

# Probes for stories of 15-20 June 2025 that the dev/test probes did not target, each next to
# articles that share its words but may be other stories (confusable pairs: two fires of KKB, two
# train-ticket discounts, dividends of different issuers, daily gold-price reports, several
# mutilation cases, ...). A probe only RETRIEVES candidates; labels are decided by hand.
PROBES: list[tuple[str, str, int]] = [
    ("gusti-irwan", r"Gusti Irwan|Gustiwiw", 8),
    ("formula-e", r"E-Prix|Formula E\b", 12),
    ("filamen", r"[Bb]enang [Ff]ilamen|[Aa]nti ?[Dd]umping|\bBMAD\b", 8),
    ("sekolah-rakyat", r"Sekolah Rakyat", 6),
    ("jakarta-fair", r"Jakarta Fair|\bPRJ\b", 10),
    ("harita", r"Harita", 6),
    ("dividend", r"[Dd]ividen", 8),
    ("mbah-tupon", r"Mbah Tupon", 5),
    ("kemnaker", r"\bTKA\b|Kemnaker|Kemenaker|Menaker", 7),
    ("bali-shooting", r"WN Australia|Warga Australia|[Pp]enembakan", 6),
    ("tangsel", r"Tangsel", 5),
    ("drowning", r"Labuan Bajo|Pink Beach|[Tt]enggelam", 5),
    ("ferrari", r"Ferrari", 4),
    ("bear", r"Beruang", 3),
    ("abortion", r"[Aa]borsi", 3),
    ("mutilation", r"[Mm]utilasi", 4),
    ("kkb", r"\bKKB\b|\bOPM\b|Murib", 6),
    ("melanie", r"Melanie Subono|Mariah Carey", 6),
    ("marthin", r"Daniel Marthin|Shohibul Fikri", 5),
    ("timnas-putri", r"Timnas Putri|AFF U-19|AFF Putri", 6),
    ("jaecoo", r"Jaecoo", 7),
    ("chery", r"Chery", 5),
    ("honda", r"Honda (CRF|Step)", 4),
    ("train-ticket", r"[Tt]iket [Kk]ereta|\bKAI\b|Whoosh", 7),
    ("krl", r"\bKRL\b", 4),
    ("odol", r"ODOL|[Ss]opir [Tt]ruk", 8),
    ("wfa", r"\bWFA\b", 6),
    ("rupiah-hut80", r"[Uu]ang [Rr]upiah|Rupiah Edisi|HUT (ke-80 RI|RI ke-80)", 4),
    ("bansos", r"[Bb]ansos", 5),
    ("parking", r"[Tt]arif [Pp]arkir", 3),
    ("muharram", r"Muharram|Tahun Baru Islam", 5),
    ("cwc-other", r"Boca|Dortmund|Sundowns|Monterrey|Inter Milan", 8),
    ("motogp", r"MotoGP Italia|Mugello", 6),
    ("gold-price", r"Harga Emas", 5),
    ("giant-sea-wall", r"Giant Sea Wall|Tanggul Laut", 4),
]


# The JSON-line manifests under eval/ when this split was drawn (commit b87b5432): later ones are not
# read, so that `candidates` still writes the file that was labelled.
MANIFESTS_AT_DRAW = (
    "events-id/candidates-dev.jsonl",
    "events-id/candidates-test.jsonl",
    "events-id/dev.jsonl",
    "events-id/test.jsonl",
    "real-id/dev-extra-2.jsonl",
    "real-id/dev-extra-3.jsonl",
    "real-id/dev-extra-4.jsonl",
    "real-id/dev-extra-5.jsonl",
    "real-id/dev-extra-6.jsonl",
    "real-id/dev-extra-entities-2.jsonl",
    "real-id/dev-extra-entities-2/manifest.jsonl",
    "real-id/dev-extra-entities-3.jsonl",
    "real-id/dev-extra-entities-3/manifest.jsonl",
    "real-id/dev-extra-entities-4.jsonl",
    "real-id/dev-extra-entities-4/manifest.jsonl",
    "real-id/dev-extra-entities-5.jsonl",
    "real-id/dev-extra-entities-5/manifest.jsonl",
    "real-id/dev-extra-entities-6.jsonl",
    "real-id/dev-extra-entities-6/manifest.jsonl",
    "real-id/dev-extra-entities-7.jsonl",
    "real-id/dev-extra-entities-7/manifest.jsonl",
    "real-id/dev-extra-entities.jsonl",
    "real-id/dev-extra-entities/manifest.jsonl",
    "real-id/dev-extra.jsonl",
    "real-id/dev.jsonl",
    "real-id/manifest-dev-extra-2.jsonl",
    "real-id/manifest-dev-extra-3.jsonl",
    "real-id/manifest-dev-extra-4.jsonl",
    "real-id/manifest-dev-extra-5.jsonl",
    "real-id/manifest-dev-extra-6.jsonl",
    "real-id/manifest-dev-extra.jsonl",
    "real-id/manifest.jsonl",
    "real-id/test.jsonl",
)


def excluded(d: B.Data) -> tuple[set[str], set[str]]:
    """Ids and URLs that another gold set uses: candidates.tsv (dev/test of eval/link-id) and the
    eval/ manifests there were at the draw (`MANIFESTS_AT_DRAW`)."""
    return B.excluded(d, ("candidates.tsv",), MANIFESTS_AT_DRAW)


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


def pairs(d: B.Data, split: str = SPLIT) -> None:
    """Pairs of a split's labelled files that share many shingles (build_dev3.py reuses it)."""
    """Print the labelled pairs whose bodies share >= 1/4 of the shorter one's 5-word shingles (to be
    read side by side; the program decides nothing)."""
    by_id = {r.id: r for r in d.rows}
    rows = [(f, story, by_id[f[:-4]]) for f, story, _ in B.read_tsv(HERE / f"stories-{split}.tsv")]
    sh = {f: shingles(r.body) for f, _, r in rows}
    for i, (f, s, r) in enumerate(rows):
        for g, t, q in rows[i + 1:]:
            small = min(len(sh[f]), len(sh[g])) or 1
            share = len(sh[f] & sh[g]) / small
            if share >= 0.25:
                print(f"{share:.2f}\t{f}\t{s}\t{B.norm(r.display_title)}\t{g}\t{t}\t{B.norm(q.display_title)}")


def build(d: B.Data, split: str = SPLIT, seed: int = SEED) -> None:
    """Write a development split's corpus and gold from its hand labels (`stories-SPLIT.tsv`,
    `story-labels-SPLIT.tsv`, `duplicates-SPLIT.tsv`); build_dev3.py builds dev3 with it."""
    by_id = {r.id: r for r in d.rows}
    labels = {s: (label, note, group) for s, label, note, group in B.read_tsv(HERE / f"story-labels-{split}.tsv")}
    docs: dict[str, B.Doc] = {}
    for file, story, reason in B.read_tsv(HERE / f"stories-{split}.tsv"):
        if story not in labels:
            sys.exit(f"build_{split}.py: {file}: story {story} has no line in story-labels-{split}.tsv")
        r = by_id[file[:-4]]
        docs[file] = B.Doc(file, r.title, r.date, r.body, story, None, "real", r, r.outlet, r.published, reason)
    dup_path = HERE / f"duplicates-{split}.tsv"
    for file, orig, reason in (B.read_tsv(dup_path) if dup_path.is_file() else []):
        if docs[file].story != docs[orig].story:
            sys.exit(f"build_{split}.py: duplicate {file} of {orig} is labelled with another story")
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
    rng = random.Random(seed)
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
            sys.exit(f"build_{split}.py: {f} has the same bytes as {seen[h]}")
        seen[h] = f
    out = HERE / "corpus" / split
    if out.exists():
        for old in out.glob("*.txt"):
            old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    gold: dict = {"about": f"linimasa duplicate/story gold set, split {split}; see README.md and GUIDELINE.md",
                  "articles": {}, "stories": {}}
    for f, doc in sorted(docs.items()):
        (out / f).write_text(doc.text(), encoding="utf-8")
        gold["articles"][f] = {
            "split": split, "story": doc.story, "duplicate_of": doc.duplicate_of, "kind": doc.kind,
            "transform": doc.transform, "source_row": {"file": doc.row.file, "record": doc.row.record},
            "url": doc.row.url, "outlet": doc.outlet, "published": doc.published, "title": doc.title,
            "note": doc.note,
        }
    members: dict[str, list[str]] = defaultdict(list)
    for f, doc in docs.items():
        members[doc.story].append(f)
    for s, (label, note, group) in sorted(labels.items()):
        if s in members:
            gold["stories"][s] = {"label": label, "note": note, "group": group, "split": split,
                                  "size": len(members[s])}
    (HERE / f"gold-{split}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
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


def steps(argv: list[str] | None, doc: str | None, split: str, seed: int,
          candidates: Callable[[B.Data], None]) -> int:
    """The three steps every later split's builder offers (`candidates`, `pairs`, `build`), read from
    `argv`: only the candidate draw differs between splits, so each passes its own."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["candidates", "pairs", "build"])
    ap.add_argument("--data", help="folder of the scrapping_news_2025-*.csv files")
    args = ap.parse_args(argv)
    d = B.load(B.data_dir(args.data))
    if args.step == "candidates":
        candidates(d)
    elif args.step == "pairs":
        pairs(d, split)
    else:
        build(d, split, seed)
    return 0


def main(argv: list[str] | None = None) -> int:
    return steps(argv, __doc__, SPLIT, SEED, lambda d: write_candidates(d, HERE / "candidates-dev2.tsv"))


if __name__ == "__main__":
    sys.exit(main())
