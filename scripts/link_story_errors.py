"""Which gold stories of a development split of eval/link-id linimasa splits or merges, and what the
pieces share: the reading list for story-grouping work (`linimasa eval link` gives only the figures).

    .venv/bin/python scripts/link_story_errors.py --set dev+dev2+dev3 [--seed 2] [--top 20]

Per split gold story (recall): its system clusters, each article's file, outlet, date and headline,
and the entities each two clusters share; per merged system cluster (precision): the gold stories it
holds. Each is ranked by what it costs B-cubed (its share of the pooled files). `--seed` feeds the
files in a shuffled order within each day, as `linimasa eval link --orders` does. Development splits
only: the held-out test split is refused (its labels are never read article by article).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import linimasa
from linimasa.evaluate.link import default_gold, load_gold, parts_of, shuffled_within_days, split_gold

Row = dict[str, Any]


def run_split(gold_dir: Path, part: str, arts: Mapping[str, Mapping[str, Any]], seed: int | None
              ) -> tuple[dict[str, Row], dict[str, str]]:
    """Process one split into a fresh store: per file its story, duplicate, outlet, date, headline and
    entity ids; and each entity's name."""
    paths = sorted(gold_dir / "corpus" / part / f for f in arts)
    if seed is not None:
        paths = shuffled_within_days(paths, arts, seed)
    with tempfile.TemporaryDirectory(prefix="link-story-errors-") as tmp:
        corpus = linimasa.process([str(p) for p in paths], store=str(Path(tmp) / "x.db"))
    file_of = {a.id: Path(a.source).name for a in corpus.articles}
    rows = {file_of[a.id]: {"story": a.story, "dup": file_of.get(a.duplicate_of or ""), "outlet": a.outlet,
                            "day": a.published.value[:10] if a.published else "", "title": a.title or "",
                            "entities": {m.entity for m in a.mentions if m.entity}} for a in corpus.articles}
    return rows, {e.id: f"{e.name}/{e.type}" for e in corpus.entities}


def effective(rows: Mapping[str, Row]) -> dict[str, str]:
    """Each file's system story, a copy's that of its original (as `linimasa eval link` scores it)."""
    out = {}
    for f in rows:
        root, hops = f, 0
        while rows[root]["dup"] and hops < 20:
            root, hops = rows[root]["dup"], hops + 1
        out[f] = rows[root]["story"]
    return out


def report(rows: Mapping[str, Row], names: Mapping[str, str], gold: Mapping[str, Mapping[str, Any]],
           n_files: int, part: str) -> list[tuple[float, str]]:
    """The split gold stories and merged system clusters of one split, each with its B-cubed cost."""
    system = effective(rows)
    out = []
    for by, other, kind in ((lambda f: gold[f]["story"], lambda f: system[f], "split"),
                            (lambda f: system[f], lambda f: gold[f]["story"], "merged")):
        groups: dict[str, list[str]] = defaultdict(list)
        for f in gold:
            groups[by(f)].append(f)
        for key, files in groups.items():
            pieces: dict[str, list[str]] = defaultdict(list)
            for f in files:
                pieces[other(f)].append(f)
            if len(pieces) < 2:
                continue
            cost = sum(1 - len(pieces[other(f)]) / len(files) for f in files) / n_files
            lines = [f"=== {part} {kind} {key}  cost {cost:.4f}"]
            for piece, members in pieces.items():
                lines.append(f"  -- {piece} ({len(members)})")
                lines += [f"     {f} [{rows[f]['outlet']}, {rows[f]['day']}] {'COPY ' if rows[f]['dup'] else ''}"
                          f"{rows[f]['title']}" for f in sorted(members)]
            if kind == "split":
                ents = {p: set().union(*(rows[f]["entities"] for f in m)) for p, m in pieces.items()}
                ids = list(ents)
                for i, a in enumerate(ids):
                    for j in range(i + 1, len(ids)):
                        shared = sorted(names.get(e, e) for e in ents[a] & ents[ids[j]])
                        lines.append(f"  shared {i}-{j}: {'; '.join(shared) or '-'}")
            out.append((cost, "\n".join(lines)))
    return out


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default="dev", help="dev, dev2 .. dev8 or several joined by + (default dev)")
    ap.add_argument("--gold", type=Path, default=None, help="the gold set folder (default eval/link-id)")
    ap.add_argument("--seed", type=int, default=None, help="shuffle the files within each day with this seed")
    ap.add_argument("--top", type=int, default=0, help="print only the N costliest (default all)")
    args = ap.parse_args(argv)
    parts = parts_of(args.set)
    if any(not p.startswith("dev") for p in parts):
        ap.error("development splits only (dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8): the test split is held out")
    gold_dir = args.gold or default_gold()
    gold = load_gold(gold_dir)
    per_part = {p: split_gold(gold, p) for p in parts}
    n_files = sum(len(a) for a in per_part.values())
    found = []
    for part, arts in per_part.items():
        rows, names = run_split(gold_dir, part, arts, args.seed)
        found += report(rows, names, arts, n_files, part)
    found.sort(key=lambda x: -x[0])
    for _, text in found[:args.top or None]:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
