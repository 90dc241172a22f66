"""`linimasa eval link`: near-duplicates and stories on the Indonesian gold set `eval/link-id`,
beside two baselines computed in the same run on the same clean texts.

    linimasa eval link                 # the test split (held out)
    linimasa eval link --set dev       # the dev split (tune here), with the TF-IDF threshold sweep
    linimasa eval link --set dev --json
    linimasa eval link --set dev --orders 6   # also 6 arrival orders shuffled within each day
    linimasa eval link --set dev2      # the second development split (fresh articles, gold-dev2.json)
    linimasa eval link --set dev+dev2  # both development splits, each in its own store, pooled
    linimasa eval link --set dev3      # the third development split (held out until scored once, gold-dev3.json)
    linimasa eval link --set dev+dev2+dev3  # all three development splits, each in its own store, pooled
    linimasa eval link --set dev4      # the fourth development split (held out until scored once, gold-dev4.json)
    linimasa eval link --set dev+dev2+dev3+dev4  # all four development splits, each in its own store, pooled
    linimasa eval link --set dev5      # the fifth development split (held out until scored once, gold-dev5.json)
    linimasa eval link --set dev+dev2+dev3+dev4+dev5  # all five development splits, each in its own store, pooled
    linimasa eval link --set dev6      # the sixth development split, large developing stories (gold-dev6.json)
    linimasa eval link --set dev+dev2+dev3+dev4+dev5+dev6  # all six development splits, each in its own store, pooled
    linimasa eval link --set dev7      # the seventh development split, look-alike confusers (gold-dev7.json)
    linimasa eval link --set dev+dev2+dev3+dev4+dev5+dev6+dev7  # all seven development splits, pooled
    linimasa eval link --set dev8      # English 1998-2013, Indonesian 2013 news: months-long stories (gold-dev8.json)
    linimasa eval link --set dev9      # the ninth development split, the June pool's last one-offs (gold-dev9.json)

The gold set (see eval/link-id/README.md and GUIDELINE.md) holds real articles of the June 2025
scrape with hand-labelled stories, the scraper's own re-saves of one URL, hand-checked copies of one
text under several URLs, and planted near-duplicates (changed boilerplate, cut and reordered
paragraphs, changed title, an aggregator's copy, a next-day re-run, all of these at once). The
command runs `linimasa.process(files, store=<fresh temporary database>)` on the chosen split and
reads `articles[i].duplicate_of` and `articles[i].story` back.

Scores
- Duplicates. Gold duplicate groups are an original and all its copies. A system link a -> b is
  right when a and b are in one gold group (whichever of them the system took for the original);
  precision = right links / system links. Recall = sum over gold groups of min(|G| - 1, members
  linked into G) / sum of (|G| - 1): it equals "a copy is found when it points to its original or
  to any copy of it" and does not punish taking another member of the group for the original.
  The strict variant (the original must be the gold one) is in the JSON output.
- Stories: B-cubed precision, recall and F1 over all articles of the split. A duplicate counts in
  its original's story (the system's own original); an article without a story is a story alone.

Baselines (same run, same `articles[i].text`)
- exact-hash duplicates: SHA-1 of the whitespace-normalised clean text; each copy points to the
  earliest published article with its hash.
- TF-IDF cosine single-link stories: word unigrams (sublinear tf, smoothed idf, L2), articles joined
  when cosine >= TFIDF_THRESHOLD, clusters = connected components. The threshold was chosen on dev
  (best B-cubed F1 of the sweep `--set dev` prints) and is fixed for test.

Arrival orders (`--orders N [--seed S]`)
The stages are incremental, so what they find may depend on the order articles arrive in; the main
run feeds the files sorted by name (the scrape day, then the record). `--orders N` also runs N more
orders, each with the scrape days in order (a store receives one day's scrape after another) and
the files of each day shuffled (`random.Random(S + k)` for the k-th order), and reports each order's
scores with their mean and worst (the lowest of each figure over the orders): a change that helps
only one order is that order's luck. The baselines do not depend on order and run once.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from linimasa.evaluate import emit, eval_folder

TFIDF_THRESHOLD = 0.20
"""Chosen on dev: the best story B-cubed F1 of the sweep printed by `linimasa eval link --set dev`."""

SWEEP = [round(0.05 * k, 2) for k in range(2, 19)]
_STOP = (
    "yang dan di ke dari ini itu dengan untuk pada dalam tidak juga akan ada adalah atau oleh karena "
    "sebagai bahwa telah sudah saat bisa para kata lebih hingga serta namun tersebut dia ia kami kita "
    "mereka saya jadi agar kepada antara masih harus baru lalu sejak usai setelah sebelum bagi "
    "yakni yaitu pun tak belum menjadi secara juga the of and to in"
)
STOPWORDS = frozenset(_STOP.split())


# ---------------------------------------------------------------------------------------------
# gold


DEV_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9")
# each development split alone, the first ones pooled up to it, and the held-out test split
SETS = ["test", *DEV_SPLITS, *("+".join(DEV_SPLITS[:k]) for k in range(2, len(DEV_SPLITS) + 1))]


def default_gold() -> Path:
    return eval_folder("link-id")


def load_gold(folder: Path) -> dict[str, Any]:
    """`gold.json` (splits dev and test) with every `gold-<split>.json` beside it merged in (dev2,
    dev3, dev4, dev5, dev6, dev7, dev8, dev9: development splits built later from other articles, so that a
    rule tuned on dev can be checked on articles it was not tuned on)."""
    path = folder / "gold.json"
    if not path.is_file():
        raise SystemExit(f"linimasa eval link: no gold set at {path} (use --gold)")
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for extra in sorted(folder.glob("gold-*.json")):
        more = json.loads(extra.read_text(encoding="utf-8"))
        twice = sorted(set(more["articles"]) & set(gold["articles"]))
        if twice:
            raise SystemExit(f"linimasa eval link: {extra.name} repeats files of another split: {twice[:5]}")
        gold["articles"].update(more["articles"])
        for story, info in more.get("stories", {}).items():
            gold["stories"].setdefault(f"{info.get('split', extra.stem)}/{story}", info)
    return gold


def split_gold(gold: Mapping[str, Any], split: str) -> dict[str, dict[str, Any]]:
    return {f: a for f, a in gold["articles"].items() if a["split"] == split}


def parts_of(split: str) -> list[str]:
    """The splits a `--set` names: one ("dev"), or several joined by "+" ("dev+dev2"), scored
    together (each split in its own store, the figures pooled over all their files)."""
    return [p for p in split.split("+") if p]


# ---------------------------------------------------------------------------------------------
# scoring (plain dicts in, so tests can feed hand-made outputs)


def _groups(pointers: Mapping[str, str | None]) -> dict[str, str]:
    """Connected components of the links file -> duplicate_of (every file a key)."""
    parent = {f: f for f in pointers}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f, d in pointers.items():
        if d is not None and d in parent:
            parent[find(f)] = find(d)
    return {f: find(f) for f in pointers}


def duplicate_scores(gold: Mapping[str, str | None], system: Mapping[str, str | None]) -> dict[str, Any]:
    """Precision/recall of the system's duplicate links against the gold ones (both file -> file or
    None, over the same files). See the module docstring for the definitions."""
    group = _groups(gold)
    members: dict[str, list[str]] = defaultdict(list)
    for f, g in group.items():
        members[g].append(f)
    links = {f: d for f, d in system.items() if d is not None and d != f}
    right = sum(1 for f, d in links.items() if d in group and group[f] == group[d])
    found = needed = 0
    for g, ms in members.items():
        if len(ms) > 1:
            needed += len(ms) - 1
            found += min(len(ms) - 1, sum(1 for m in ms if links.get(m) in group and group[links[m]] == g))
    # strict: only the gold original counts as the target's group root; originals must not link
    strict_right = sum(1 for f, d in links.items() if gold.get(f) is not None and d in group and group[d] == group[f])
    strict_found = sum(1 for f, d in gold.items() if d is not None and links.get(f) in group
                       and group[links[f]] == group[f])
    return {
        "gold_duplicates": needed,
        "system_links": len(links),
        "precision": round(right / len(links), 4) if links else None,
        "recall": round(found / needed, 4) if needed else None,
        "precision_strict": round(strict_right / len(links), 4) if links else None,
        "recall_strict": round(strict_found / needed, 4) if needed else None,
    }


def duplicate_recall_by_kind(gold_articles: Mapping[str, Mapping[str, Any]],
                             system: Mapping[str, str | None]) -> dict[str, float]:
    """Share of gold copies of each kind (planted:<transform>, republication, real) the system links
    into their group, either way round (the copy points into the group, or a member points to it)."""
    group = _groups({f: a["duplicate_of"] for f, a in gold_articles.items()})
    linked_to: set[str] = {d for f, d in system.items() if d is not None and d != f}
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for f, a in gold_articles.items():
        if a["duplicate_of"] is None:
            continue
        kind = f"planted:{a['transform']}" if a["kind"] == "planted" else a["kind"]
        total[kind] += 1
        d = system.get(f)
        into = d is not None and d in group and group[d] == group[f]
        back = f in linked_to and any(system.get(m) == f for m in group if group[m] == group[f])
        hit[kind] += into or back
    return {k: round(hit[k] / total[k], 3) for k in sorted(total)}


def effective_stories(stories: Mapping[str, str | None], duplicate_of: Mapping[str, str | None]) -> dict[str, str]:
    """Each file's story cluster: its original's story when it is a duplicate (following the links
    to the root), else its own; a file without one is a cluster alone."""

    def root(f: str) -> str:
        seen = {f}
        while (d := duplicate_of.get(f)) is not None and d in stories and d not in seen:
            seen.add(d)
            f = d
        return f

    out = {}
    for f in stories:
        r = root(f)
        out[f] = stories.get(r) or stories.get(f) or f"\0alone:{r}"
    return out


def bcubed(gold: Mapping[str, str], system: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering (file -> cluster) against the gold one."""
    gold_members: dict[str, set[str]] = defaultdict(set)
    sys_members: dict[str, set[str]] = defaultdict(set)
    for f in gold:
        gold_members[gold[f]].add(f)
        sys_members[system[f]].add(f)
    p = r = 0.0
    for f in gold:
        both = len(gold_members[gold[f]] & sys_members[system[f]])
        p += both / len(sys_members[system[f]])
        r += both / len(gold_members[gold[f]])
    n = len(gold) or 1
    p, r = p / n, r / n
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


# ---------------------------------------------------------------------------------------------
# baselines


def exact_hash_duplicates(texts: Mapping[str, str], published: Mapping[str, str]) -> dict[str, str | None]:
    """Each article whose whitespace-normalised text another one has points to the earliest of them."""
    by_hash: dict[str, list[str]] = defaultdict(list)
    for f, t in texts.items():
        by_hash[hashlib.sha1(" ".join(t.split()).encode("utf-8")).hexdigest()].append(f)
    out: dict[str, str | None] = dict.fromkeys(texts)
    for fs in by_hash.values():
        fs.sort(key=lambda f: (published.get(f) or "9999", f))
        for f in fs[1:]:
            out[f] = fs[0]
    return out


def _vectors(texts: Mapping[str, str]) -> dict[str, dict[str, float]]:
    tokens = {f: [w for w in re.findall(r"[^\W\d_]{2,}", t.lower()) if w not in STOPWORDS] for f, t in texts.items()}
    df: Counter[str] = Counter()
    for ws in tokens.values():
        df.update(set(ws))
    n = len(texts)
    out = {}
    for f, ws in tokens.items():
        tf = Counter(ws)
        v = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out[f] = {w: x / norm for w, x in v.items()}
    return out


def cosine_pairs(texts: Mapping[str, str]) -> dict[tuple[str, str], float]:
    """Cosine of every pair of articles that share a word (TF-IDF over these texts)."""
    vec = _vectors(texts)
    index: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for f in sorted(vec):
        for w, x in vec[f].items():
            index[w].append((f, x))
    sims: dict[tuple[str, str], float] = defaultdict(float)
    for postings in index.values():
        for i, (a, x) in enumerate(postings):
            for b, y in postings[i + 1 :]:
                sims[(a, b)] += x * y
    return dict(sims)


def single_link(files: Iterable[str], sims: Mapping[tuple[str, str], float], threshold: float) -> dict[str, str]:
    links: dict[str, str | None] = dict.fromkeys(files)
    parent = {f: f for f in links}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), s in sims.items():
        if s >= threshold:
            parent[find(a)] = find(b)
    return {f: find(f) for f in links}


# ---------------------------------------------------------------------------------------------
# the run


def run_linimasa(paths: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """Process the files into a fresh store; per file: duplicate_of (a file), story, text, published."""
    import linimasa

    with tempfile.TemporaryDirectory(prefix="linimasa-eval-link-") as tmp:
        corpus = linimasa.process([str(p) for p in paths], store=str(Path(tmp) / "eval.db"))
    file_of = {a.id: Path(a.source).name for a in corpus.articles}
    out = {}
    for a in corpus.articles:
        out[Path(a.source).name] = {
            "duplicate_of": file_of.get(a.duplicate_of) if a.duplicate_of else None,
            "story": a.story,
            "text": a.text,
            "published": a.published.value if a.published else None,
        }
    return out


def arrival_day(name: str, article: Mapping[str, Any]) -> str:
    """The day a gold file reached the store: the scrape snapshot it was read from (`source_row`'s
    file; a planted copy has its original's), else the `MMDD` its name starts with."""
    row = article.get("source_row")
    if isinstance(row, Mapping) and row.get("file"):
        return str(row["file"])
    return name.split("-", 1)[0]


def shuffled_within_days(paths: Sequence[Path], arts: Mapping[str, Mapping[str, Any]], seed: int) -> list[Path]:
    """The files day by day (`arrival_day`), in a seeded random order within each day."""
    rnd = random.Random(seed)
    ranked = [(arrival_day(p.name, arts[p.name]), rnd.random(), p.name, p) for p in sorted(paths)]
    return [p for *_, p in sorted(ranked)]


def _run(paths: Sequence[Path], arts: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    out = run_linimasa(paths)
    lost = sorted(set(arts) - set(out))
    if lost:
        raise SystemExit(f"linimasa eval link: linimasa returned no article for {len(lost)} files: {lost[:5]}")
    return out


def _system(out: Mapping[str, Mapping[str, Any]], files: Sequence[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """A run's duplicate links and effective stories (file -> file or None, file -> cluster)."""
    sys_dup = {f: out[f]["duplicate_of"] for f in files}
    return sys_dup, effective_stories({f: out[f]["story"] for f in files}, sys_dup)


def order_summary(runs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Mean and worst (lowest) of each figure over the runs of several arrival orders; a figure that
    is None in a run (no links: no precision) is left out of that figure's mean and worst."""
    out: dict[str, Any] = {"mean": {}, "worst": {}}
    for part, keys in (("stories", ("precision", "recall", "f1")), ("duplicates", ("precision", "recall"))):
        for k in keys:
            xs = [r[part][k] for r in runs if r[part][k] is not None]
            out["mean"].setdefault(part, {})[k] = round(sum(xs) / len(xs), 4) if xs else None
            out["worst"].setdefault(part, {})[k] = min(xs) if xs else None
    return out


def _tagged(part: str, pooled: bool, pairs: Mapping[str, Any]) -> dict[str, Any]:
    """Keys (files) prefixed with their split when several splits are pooled, so that two splits'
    files, duplicate links and story names never meet."""
    return {f"{part}/{k}" if pooled else k: v for k, v in pairs.items()}


def _tag_value(part: str, pooled: bool, value: str | None) -> str | None:
    return f"{part}/{value}" if pooled and value is not None else value


def _tag_rows(part: str, pooled: bool, rows: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Gold or system rows of one split with their files and the files and stories they point to
    tagged (`_tagged`), so that the pooled splits' rows can be scored together."""
    return _tagged(part, pooled, {
        f: {**r, "duplicate_of": _tag_value(part, pooled, r["duplicate_of"]),
            "story": _tag_value(part, pooled, r["story"])} for f, r in rows.items()})


def evaluate(gold_dir: Path, split: str, sweep: bool = False, orders: int = 0, seed: int = 1) -> dict[str, Any]:
    """Score the split (files sorted by name) and, with `orders`, that many orders shuffled within
    each day (seeds `seed`, `seed + 1`, ...; see the module docstring). `split` may name several
    splits joined by "+": each is run in a store of its own and the figures pool all their files."""
    gold = load_gold(gold_dir)
    parts = parts_of(split)
    pooled = len(parts) > 1
    part_arts: dict[str, dict[str, dict[str, Any]]] = {}
    part_paths: dict[str, list[Path]] = {}
    for part in parts:
        arts_p = split_gold(gold, part)
        if not arts_p:
            raise SystemExit(f"linimasa eval link: no gold files of split {part!r} under {gold_dir}")
        folder = gold_dir / "corpus" / part
        paths = sorted(folder / f for f in arts_p)
        missing = [p.name for p in paths if not p.is_file()]
        if missing:
            raise SystemExit(f"linimasa eval link: {len(missing)} gold files missing under {folder}: {missing[:5]}")
        part_arts[part], part_paths[part] = arts_p, paths

    def pooled_run(order_seed: int | None) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for part in parts:
            paths = part_paths[part]
            if order_seed is not None:
                paths = shuffled_within_days(paths, part_arts[part], order_seed)
            out.update(_tag_rows(part, pooled, _run(paths, part_arts[part])))
        return out

    arts: dict[str, dict[str, Any]] = {}
    for part in parts:
        arts.update(_tag_rows(part, pooled, part_arts[part]))
    out = pooled_run(None)
    files = sorted(arts)
    gold_dup = {f: arts[f]["duplicate_of"] for f in files}
    gold_story = {f: arts[f]["story"] for f in files}
    texts = {f: out[f]["text"] for f in files}
    published = {f: out[f]["published"] or arts[f]["published"] for f in files}

    sys_dup, sys_story = _system(out, files)
    # the baselines see one split at a time too (idf per split; no link across splits)
    hash_dup: dict[str, str | None] = {}
    sims: dict[tuple[str, str], float] = {}
    for part in parts:
        mine = [f for f in files if not pooled or f.startswith(f"{part}/")]
        hash_dup.update(exact_hash_duplicates({f: texts[f] for f in mine}, {f: published[f] for f in mine}))
        sims.update(cosine_pairs({f: texts[f] for f in mine}))
    tfidf = single_link(files, sims, TFIDF_THRESHOLD)

    result: dict[str, Any] = {
        "set": split,
        "gold": {"files": len(files), "stories": len(set(gold_story.values())),
                 "duplicates": sum(d is not None for d in gold_dup.values()),
                 "kinds": dict(Counter(a["kind"] for a in arts.values()))},
        "linimasa": {
            "duplicates": duplicate_scores(gold_dup, sys_dup),
            "duplicate_recall_by_kind": duplicate_recall_by_kind(arts, sys_dup),
            "stories": bcubed(gold_story, sys_story),
            "system_stories": len({s for s in sys_story.values() if not s.startswith("\0")}),
        },
        "exact_hash": {
            "duplicates": duplicate_scores(gold_dup, hash_dup),
            "duplicate_recall_by_kind": duplicate_recall_by_kind(arts, hash_dup),
        },
        "tfidf_single_link": {"threshold": TFIDF_THRESHOLD, "stories": bcubed(gold_story, tfidf)},
    }
    if pooled:
        result["parts"] = {}
        for part in parts:
            mine = [f for f in files if f.startswith(f"{part}/")]
            result["parts"][part] = {
                "files": len(mine),
                "duplicates": {k: v for k, v in duplicate_scores({f: gold_dup[f] for f in mine},
                                                                {f: sys_dup[f] for f in mine}).items()
                               if k in ("precision", "recall")},
                "stories": bcubed({f: gold_story[f] for f in mine}, {f: sys_story[f] for f in mine}),
                "tfidf_stories": bcubed({f: gold_story[f] for f in mine}, {f: tfidf[f] for f in mine}),
            }
    if sweep:
        result["tfidf_sweep"] = {str(t): bcubed(gold_story, single_link(files, sims, t)) for t in SWEEP}
    if orders > 0:
        runs = []
        for k in range(orders):
            dup_k, story_k = _system(pooled_run(seed + k), files)
            runs.append({"seed": seed + k, "stories": bcubed(gold_story, story_k),
                         "duplicates": {k2: v for k2, v in duplicate_scores(gold_dup, dup_k).items()
                                        if k2 in ("precision", "recall")}})
        result["orders"] = {"n": orders, "seed": seed, "runs": runs, **order_summary(runs)}
    return result


ALONE_SIZES = (3, 12)  # the stories `alone` processes: this many real articles, fewest and most


def _timeline_test_stories(gold_dir: Path) -> set[tuple[str, str]]:
    """The (split, story) pairs eval/timeline-id holds out as its test stories: `alone` leaves them out,
    so that grouping rules read from these runs never see them."""
    path = gold_dir.parent / "timeline-id" / "stories.json"
    if not path.is_file():
        return set()
    stories = json.loads(path.read_text(encoding="utf-8"))
    return {(m["link_split"], name) for name, m in stories.items() if m.get("split") == "test"}


def alone(gold_dir: Path, split: str) -> dict[str, Any]:
    """The stories of a user who processes only the reports of one story, or of two, into a fresh store
    (the sample's case: five articles, one story). Each gold story of `ALONE_SIZES` real articles
    (no re-saves, no planted copies) is processed alone: is it one story? And each with the next
    such story of its split (by name), the two together: B-cubed over their articles; and each two
    stories the gold marks confusable (one `group`, two real articles or more each: two launches of
    one carmaker, a land-mafia case and the civil suit about its victim), the precision test. A store
    this small has no other articles to tell which words are common, unlike the splits' stores."""
    gold = load_gold(gold_dir)
    held = {(p, s) for p, s in _timeline_test_stories(gold_dir) if p in parts_of(split)}
    singles: list[dict[str, Any]] = []
    pairs: list[dict[str, Any]] = []
    confusable: list[dict[str, Any]] = []
    for part in parts_of(split):
        groups: dict[str, list[str]] = {}
        for f, a in sorted(split_gold(gold, part).items()):
            if a["kind"] == "real" and (part, a["story"]) not in held:
                groups.setdefault(a["story"], []).append(f)
        names = sorted(s for s, fs in groups.items() if ALONE_SIZES[0] <= len(fs) <= ALONE_SIZES[1])
        folder = gold_dir / "corpus" / part
        for name in names:
            out = _run([folder / f for f in groups[name]], {f: {} for f in groups[name]})
            sizes = sorted(Counter(out[f]["story"] for f in groups[name]).values(), reverse=True)
            singles.append({"split": part, "story": name, "articles": len(groups[name]), "pieces": sizes})
        for a, b in itertools.pairwise(names):
            pairs.append(_pair(folder, part, a, b, groups))
        # the hard case: stories the gold marks confusable (one `group`: two cases of one prosecutor,
        # two launches of one carmaker), each of two real articles or more
        kin: dict[str, list[str]] = {}
        for name, fs in sorted(groups.items()):
            if 2 <= len(fs) <= ALONE_SIZES[1]:
                group = (gold["stories"].get(f"{part}/{name}") or gold["stories"].get(name) or {}).get("group")
                kin.setdefault(group or name, []).append(name)
        for names_ in kin.values():
            for a, b in itertools.combinations(names_, 2):
                confusable.append(_pair(folder, part, a, b, groups))
    return {
        "sizes": list(ALONE_SIZES), "left_out": sorted(f"{p}/{s}" for p, s in held),
        "stories": len(singles), "one_story": sum(len(x["pieces"]) == 1 for x in singles),
        "articles": sum(x["articles"] for x in singles),
        "outside_largest_piece": sum(x["articles"] - x["pieces"][0] for x in singles),
        "pairs": len(pairs), "pairs_mixed": sum(p["mixed"] for p in pairs),
        "pairs_precision": _pooled(pairs, "precision"), "pairs_recall": _pooled(pairs, "recall"),
        "confusable": len(confusable), "confusable_mixed": sum(p["mixed"] for p in confusable),
        "confusable_precision": _pooled(confusable, "precision"), "confusable_recall": _pooled(confusable, "recall"),
        "runs": singles, "pair_runs": pairs, "confusable_runs": confusable,
    }


def _pair(folder: Path, part: str, a: str, b: str, groups: Mapping[str, list[str]]) -> dict[str, Any]:
    """Two gold stories' real articles processed together in a fresh store: B-cubed over them, and
    whether a system story holds articles of both."""
    files = {f: a for f in groups[a]} | {f: b for f in groups[b]}
    out = _run([folder / f for f in sorted(files)], {f: {} for f in files})
    system = {f: out[f]["story"] or f for f in files}
    mixed = any(len({files[f] for f in files if system[f] == s}) > 1 for s in set(system.values()))
    return {"split": part, "stories": [a, b], "articles": len(files), "mixed": mixed, **bcubed(files, system)}


def _pooled(runs: Sequence[Mapping[str, Any]], key: str) -> float | None:
    """A B-cubed figure over several runs, each weighed by its articles."""
    n = sum(r["articles"] for r in runs)
    return round(sum(r[key] * r["articles"] for r in runs) / n, 3) if n else None


def print_alone(r: Mapping[str, Any], out: Any = None, details: bool = True) -> None:
    """The figures; with `details`, which stories split and which pairs mixed (not for the held-out
    test split: its stories are never read one by one)."""
    out = out or sys.stdout
    lo, hi = r["sizes"]
    print(f"stories processed alone ({lo}-{hi} real articles each, a fresh store each):", file=out)
    print(f"  one story               {r['one_story']} of {r['stories']}", file=out)
    print(f"  articles outside their story's largest piece  {r['outside_largest_piece']} of {r['articles']}",
          file=out)
    print(f"two stories processed together ({r['pairs']} pairs): B-cubed P {_fmt(r['pairs_precision'])} "
          f"R {_fmt(r['pairs_recall'])}; pairs with a story that mixes the two {r['pairs_mixed']}", file=out)
    print(f"two confusable stories together (one gold group, {r['confusable']} pairs): B-cubed P "
          f"{_fmt(r['confusable_precision'])} R {_fmt(r['confusable_recall'])}; pairs with a story that mixes the "
          f"two {r['confusable_mixed']}", file=out)
    if r["left_out"]:
        print(f"  left out (eval/timeline-id's test stories): {', '.join(r['left_out'])}", file=out)
    if not details:
        return
    for x in r["runs"]:
        if len(x["pieces"]) > 1:
            print(f"  split: {x['split']}/{x['story']} {x['articles']} articles in pieces {x['pieces']}", file=out)
    for p in [*r["pair_runs"], *r["confusable_runs"]]:
        if p["mixed"]:
            print(f"  mixed: {p['split']}/{' + '.join(p['stories'])}", file=out)


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def print_result(r: Mapping[str, Any], out: Any = sys.stdout) -> None:
    g = r["gold"]
    print(f"linimasa eval link: eval/link-id, set {r['set']}: {g['files']} files, {g['stories']} gold stories, "
          f"{g['duplicates']} gold duplicates", file=out)
    lm, eh, tf = r["linimasa"], r["exact_hash"], r["tfidf_single_link"]
    print(f"\n{'duplicates':<22}{'linimasa':>10}{'exact-hash':>12}", file=out)
    for k in ("precision", "recall"):
        print(f"  {k:<20}{_fmt(lm['duplicates'][k]):>10}{_fmt(eh['duplicates'][k]):>12}", file=out)
    print(f"  {'links':<20}{lm['duplicates']['system_links']:>10}{eh['duplicates']['system_links']:>12}", file=out)
    print("  recall by kind:", file=out)
    for k in lm["duplicate_recall_by_kind"]:
        print(f"    {k:<18}{_fmt(lm['duplicate_recall_by_kind'][k]):>10}{_fmt(eh['duplicate_recall_by_kind'][k]):>12}",
              file=out)
    print(f"\n{'stories (B-cubed)':<22}{'linimasa':>10}{'tfidf-1link':>12}"
          f"   (cosine >= {tf['threshold']}, chosen on dev)", file=out)
    for k in ("precision", "recall", "f1"):
        print(f"  {k:<20}{_fmt(lm['stories'][k]):>10}{_fmt(tf['stories'][k]):>12}", file=out)
    print(f"  {'stories found':<20}{lm['system_stories']:>10}", file=out)
    for part, x in r.get("parts", {}).items():
        st, du, tf_p = x["stories"], x["duplicates"], x["tfidf_stories"]
        name = f"{part} ({x['files']} files)"
        print(f"  {name:<20} stories {_fmt(st['precision'])} / {_fmt(st['recall'])} / {_fmt(st['f1'])}"
              f"   duplicates {_fmt(du['precision'])} / {_fmt(du['recall'])}"
              f"   tfidf {_fmt(tf_p['precision'])} / {_fmt(tf_p['recall'])}", file=out)
    if "orders" in r:
        o = r["orders"]
        print(f"\narrival orders shuffled within each day: {o['n']} (seeds {o['seed']}..{o['seed'] + o['n'] - 1})",
              file=out)
        print(f"  {'seed':<8}{'stories P / R / F1':>24}{'duplicates P / R':>22}", file=out)
        rows = [(str(x["seed"]), x) for x in o["runs"]] + [("mean", o["mean"]), ("worst", o["worst"])]
        for name, x in rows:
            st, du = x["stories"], x["duplicates"]
            print(f"  {name:<8}{_fmt(st['precision']):>10} / {_fmt(st['recall'])} / {_fmt(st['f1'])}"
                  f"{_fmt(du['precision']):>12} / {_fmt(du['recall'])}", file=out)
    if "tfidf_sweep" in r:
        print(f"\nTF-IDF single-link sweep on {r['set']} (B-cubed P / R / F1):", file=out)
        best = max(r["tfidf_sweep"].items(), key=lambda kv: kv[1]["f1"])
        for t, s in r["tfidf_sweep"].items():
            mark = "  <- best" if t == best[0] else ""
            print(f"  {float(t):.2f}  {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}{mark}", file=out)


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="linimasa eval link",
        description="Score near-duplicate detection and story grouping on eval/link-id beside an exact-hash\n"
        "duplicate baseline and a TF-IDF single-link story baseline (same run, same clean texts).",
        epilog="examples:\n  linimasa eval link\n  linimasa eval link --set dev --json\n"
        "  linimasa eval link --set dev --orders 6\n  linimasa eval link --set dev+dev2 --orders 6\n"
        "  linimasa eval link --set dev+dev2 --alone",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--set", choices=SETS, default="test", metavar="SET",
                    dest="split", help="which split (default: test; tune on the dev splits only): dev, dev2 .. "
                    "dev9 (dev8: other years' news, English and Indonesian), or the development splits from dev "
                    "to one of them joined by + (dev+dev2, dev+dev2+dev3, .., dev+dev2+..+dev9), each in its own "
                    "store, scored together")
    ap.add_argument("--gold", type=Path, default=None, help="the gold set folder (default: eval/link-id)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--orders", type=int, default=0, metavar="N",
                    help="also score N arrival orders shuffled within each day: each, their mean and worst")
    ap.add_argument("--seed", type=int, default=1, help="the first order's seed (default 1; then 2, 3, ...)")
    ap.add_argument("--alone", action="store_true",
                    help="instead, process each story of 3-12 real articles alone, and each two together, "
                    "each in a fresh store (a user's store of one story)")
    args = ap.parse_args(list(argv))
    if args.orders < 0:
        ap.error("--orders must be 0 or more")
    if args.alone:
        details = "test" not in parts_of(args.split)
        found = alone(args.gold or default_gold(), args.split)
        if not details:  # the held-out split: figures only, in JSON too
            found = {k: v for k, v in found.items() if k not in ("runs", "pair_runs", "confusable_runs")}
        emit(found, args.json, lambda r: print_alone(r, details=details))
        return 0
    result = evaluate(args.gold or default_gold(), args.split, sweep="test" not in parts_of(args.split),
                      orders=args.orders, seed=args.seed)
    emit(result, args.json, print_result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
