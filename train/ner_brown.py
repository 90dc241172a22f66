"""Add Brown-cluster columns to the NER model's word clusters (``clusters.tsv``).

`train/ner_clusters.py` clusters words by k-means over SVD-reduced neighbour counts: flat clusters at
three sizes. Brown clustering (Brown et al. 1992) instead merges words bottom-up so as to keep the
most mutual information between neighbouring classes, which gives each word a bit-string path in a
binary tree; prefixes of the path are clusters at every granularity at once. Turian et al. (2010) and
Ratinov & Roth (2009) found that path prefixes of lengths 4, 6, 10 and 20 as features gain NER
accuracy out of domain; here they are extra columns beside the k-means ones, so the model can weigh
both (the first three columns stay exactly as `train/ner_clusters.py` wrote them).

Input text: the same as `train/ner_clusters.py` (news-id-raw-scrape-2025 deduplicated by URL, plus the
NER corpora's train sentences that are in no dev or test split), normalised by `normalise_word`.
Only the words already in the clusters file are clustered (its vocabulary: count >= 3), every other
word is left out of the bigram counts as the Brown tool does with rare words.

Algorithm: Brown et al.'s greedy merging with a window of ``--classes`` active clusters (Liang's
``wcluster`` method): words enter by falling frequency, the pair whose merge loses the least mutual
information is merged whenever there are ``--classes`` + 1, and at the end the ``--classes`` clusters
are merged down to one, which gives the tree of the paths (words of one final cluster share a path).
The mutual-information kernels are those of the ``brown-clustering`` package (MIT, PyPI; numba),
which this script needs at build time only (`pip install brown-clustering`); the package's own Python
driver is quadratic in the vocabulary (a day here), so the bookkeeping around the kernels is done
below. Its add-0.5 smoothing of the bigram counts is replaced by add-1e-6: with 21k words the 0.5
pseudo-counts (0.5 x 21k^2 = 230M) outweigh the few million real bigrams, and the window filled with
one cluster of 13k rare words; with 1e-6 they add a few hundred counts.

The figures in models/README.md were built with ``--classes 256`` (a few minutes on one busy core).

    python train/ner_brown.py --data ../shared/data --clusters src/linimasa/entities/model/clusters.tsv

The output is a word list with numbers and bit strings, no running text.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_clusters import corpus_sentences, news_sentences  # sibling script, not a package module

from linimasa.entities.ner_features import normalise_word

PREFIXES = (4, 6, 10, 20)
ALPHA = 1e-6  # add-alpha smoothing of the bigram counts: small, see `brown_paths`


def brown_paths(sentences: list[list[str]], classes: int, depth: int) -> dict[str, str]:
    """Each word's Brown path, its first ``depth`` bits (root first).

    The clustering is the package's (`brown_clustering.helper`: its numba kernels keep the mutual
    information loss of every pair of the ``classes`` + 1 active clusters); words enter by falling
    frequency, and once there are ``classes`` + 1 the best pair is merged. Two things are done
    here instead of by the package's Python, which is quadratic in the vocabulary: a new word's
    bigram probabilities with every active cluster come from its own neighbour counts (a word→slot
    map), and the paths come from the merge tree at the end instead of prepending a bit to every
    member's code at every merge."""
    import numba
    import numpy as np
    from brown_clustering.helper import _combine_clusters, _update_heuristic

    # The kernels are small (a few hundred clusters): with threads they spend their time waiting
    # on one another, the more so on a busy machine; one thread ran 10x faster here.
    numba.set_num_threads(1)

    started = time.time()
    counts: Counter[str] = Counter()
    right: dict[str, Counter[str]] = {}
    left: dict[str, Counter[str]] = {}
    bigrams = 0
    for sentence in sentences:
        seq = ["<s>", *sentence, "</s>"]
        counts.update(seq)
        for a, b in itertools.pairwise(seq):
            right.setdefault(a, Counter())[b] += 1
            left.setdefault(b, Counter())[a] += 1
            bigrams += 1
    vocab = [w for w, _ in sorted(((w, c) for w, c in counts.items() if w not in ("<s>", "</s>")),
                                  key=lambda x: (-x[1], x[0]))]
    size = len(vocab) + 2
    total = ALPHA * size * size + bigrams  # as `BigramCorpus.n`
    slots = classes + 1
    p1 = np.zeros(slots)
    p2 = np.zeros((slots, slots))
    q2 = np.zeros((slots, slots))
    l2 = np.zeros((slots, slots))
    used = np.zeros(slots, dtype=bool)
    members = np.zeros(slots)  # words per active cluster
    slot_of: dict[str, int] = {}
    slot_words: list[list[str]] = [[] for _ in range(slots)]
    node = [-1] * slots  # the tree node each slot holds, once every word is in
    children: list[tuple[int, int] | None] = []  # per node: None for a leaf cluster, else (left, right)
    leaf_words: dict[int, list[str]] = {}

    def merge_best() -> tuple[int, int]:
        i, j = (int(x) for x in np.unravel_index(l2.argmax(), l2.shape))
        _combine_clusters(used, l2, p1, p2, q2, i, j)
        used[j] = False
        _update_heuristic(used, l2, p1, p2, q2, i)
        members[i] += members[j]
        members[j] = 0
        for w in slot_words[j]:
            slot_of[w] = i
        slot_words[i].extend(slot_words[j])
        slot_words[j] = []
        return i, j

    for count, word in enumerate(vocab):
        new = int(used.argmin())
        members[new] = 1
        slot_of[word] = new
        slot_words[new] = [word]
        p1[new] = (ALPHA * size + counts[word]) / total
        row = ALPHA * members.copy()
        for other, c in right.get(word, {}).items():
            if (slot := slot_of.get(other)) is not None:
                row[slot] += c
        col = ALPHA * members.copy()
        for other, c in left.get(word, {}).items():
            if (slot := slot_of.get(other)) is not None:
                col[slot] += c
        p2[new, :] = row / total
        p2[:, new] = col / total
        used[new] = True
        _update_heuristic(used, l2, p1, p2, q2, new)
        if used.sum() > classes:
            merge_best()
        if count % 1000 == 0:
            print(f"  {count} of {len(vocab)} words at {time.time() - started:.0f}s", file=sys.stderr)

    # The ``classes`` clusters left are the leaves (as in Liang's wcluster, the merges that made them
    # are not part of any path); merging them down to one builds the tree.
    for slot in np.flatnonzero(used):
        node[slot] = len(children)
        leaf_words[len(children)] = list(slot_words[slot])
        children.append(None)
    while used.sum() > 1:
        i, j = merge_best()
        children.append((node[i], node[j]))
        node[i], node[j] = len(children) - 1, -1

    root = node[int(used.argmax())]
    paths: dict[str, str] = {}
    stack = [(root, "")]
    while stack:
        at, path = stack.pop()
        pair = children[at]
        if pair is None:
            paths.update(dict.fromkeys(leaf_words[at], path))
        else:
            stack.append((pair[0], (path + "0")[:depth]))
            stack.append((pair[1], (path + "1")[:depth]))
    return paths


HEADER = ("# word clusters for the linimasa NER model; built by train/ner_clusters.py and train/ner_brown.py"
          " (see models/README.md)\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--clusters", type=Path, default=Path("src/linimasa/entities/model/clusters.tsv"),
                        help="the k-means clusters file: its first three columns are kept, the rest replaced")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: over --clusters)")
    parser.add_argument("--classes", type=int, default=256, help="Brown clusters (leaves of the tree)")
    parser.add_argument("--limit", type=int, default=0, help="cluster only this many sentences (a quick trial)")
    args = parser.parse_args(argv)

    started = time.time()
    rows: dict[str, list[str]] = {}
    for line in args.clusters.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *ids = line.split("\t")
            rows[word] = ids[:3]
    sentences = [[normalise_word(t) for t in s] for s in news_sentences(args.data)]
    sentences += [[normalise_word(t) for t in s] for s in corpus_sentences(args.data)]
    if args.limit:
        sentences = sentences[: args.limit]
    # words outside the k-means vocabulary are dropped before counting bigrams, as `BigramCorpus` does
    sentences = [[w for w in s if w in rows] for s in sentences]
    print(f"{len(sentences)} sentences at {time.time() - started:.0f}s", file=sys.stderr)
    codes = brown_paths(sentences, args.classes, max(PREFIXES))
    print(f"Brown clustering done at {time.time() - started:.0f}s", file=sys.stderr)

    out = args.out or args.clusters
    with out.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for word, ids in rows.items():
            code = codes.get(word)
            brown = [code[:n] for n in PREFIXES] if code else []
            handle.write("\t".join([word, *ids, *brown]) + "\n")
    print(f"wrote {len(rows)} words ({sum(w in codes for w in rows)} with a Brown path) to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
