"""Build word clusters for the NER model from unannotated Indonesian news text.

The annotated corpora are small (~280k tokens); most names and context words in fresh news were never
seen in them. Clusters of words that occur in similar contexts in a larger unannotated corpus let
the CRF generalise from "Surabaya" to "Balikpapan" or from "kata" to "ujar". Method: left/right
neighbour counts → PPMI → truncated SVD → k-means at three granularities (coarse to fine), which
plays the role of cutting a Brown-cluster tree at several depths.

Input text: the article bodies and titles of ``news-id-raw-scrape-2025`` plus the *training* splits
of the NER corpora (tokens only; no sentence that is in any dev/test split). Output: a TSV ``word<TAB>c1<TAB>c2<TAB>c3``
(lower-cased words, digits folded to 0) — a word list with cluster numbers, no running text.

    python train/ner_clusters.py --data ../shared/data --out src/linimasa/entities/model/clusters.tsv
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds
from sklearn.cluster import MiniBatchKMeans

from linimasa.entities.ner_features import normalise_word
from linimasa.entities.ner_text import sentence_spans
from linimasa.evaluate.ner_corpora import CORPORA, read_conll

GRANULARITIES = (64, 256, 1024)


def news_sentences(data_dir: Path) -> Iterator[list[str]]:
    csv.field_size_limit(sys.maxsize)
    seen_urls: set[str] = set()
    for path in sorted((data_dir / "news-id-raw-scrape-2025").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                url = row.get("url") or ""
                if url in seen_urls:
                    continue  # the daily snapshots overlap
                seen_urls.add(url)
                for field in ("judul", "isi_berita"):
                    text = row.get(field) or ""
                    for sentence in sentence_spans(text):
                        yield [text[a:b] for a, b in sentence]


def corpus_sentences(data_dir: Path) -> Iterator[list[str]]:
    """Train-split tokens, less any sentence that is also in some corpus's dev or test split."""
    held_out = {
        _key(s.tokens)
        for spec in CORPORA.values()
        for split in ("dev", "test")
        for s in read_conll(data_dir / spec.folder / spec.splits[split])
    }
    for spec in CORPORA.values():
        for sentence in read_conll(data_dir / spec.folder / spec.splits["train"]):
            if _key(sentence.tokens) not in held_out:
                yield sentence.tokens


def _key(tokens: list[str]) -> str:
    return "".join(ch for ch in "".join(tokens).lower() if ch.isalnum())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("src/linimasa/entities/model/clusters.tsv"))
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--contexts", type=int, default=5000, help="how many frequent words serve as contexts")
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    started = time.time()
    sentences = [[normalise_word(t) for t in s] for s in news_sentences(args.data)]
    sentences += [[normalise_word(t) for t in s] for s in corpus_sentences(args.data)]
    counts = Counter(w for s in sentences for w in s)
    vocab = [w for w, c in counts.most_common() if c >= args.min_count]
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = min(args.contexts, len(vocab))
    print(f"{len(sentences)} sentences, {sum(counts.values())} tokens, vocab {len(vocab)}", file=sys.stderr)

    rows: list[int] = []
    cols: list[int] = []
    for s in sentences:
        ids = [index.get(w, -1) for w in s]
        for pos, wid in enumerate(ids):
            if wid < 0:
                continue
            # Left and right neighbours are separate contexts: word order carries the NER signal.
            for offset, base in ((-1, 0), (1, n_ctx), (-2, 2 * n_ctx), (2, 3 * n_ctx)):
                j = pos + offset
                if 0 <= j < len(ids) and 0 <= ids[j] < n_ctx:
                    rows.append(wid)
                    cols.append(base + ids[j])
    data = np.ones(len(rows), dtype=np.float64)
    cooc = sparse.csr_matrix((data, (rows, cols)), shape=(len(vocab), 4 * n_ctx))
    cooc.sum_duplicates()

    total = cooc.sum()
    word_p = np.asarray(cooc.sum(axis=1)).ravel() / total
    ctx_counts = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75  # context-distribution smoothing
    ctx_p = ctx_counts / ctx_counts.sum()
    coo = cooc.tocoo()
    pmi = np.log((coo.data / total) / (word_p[coo.row] * ctx_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=cooc.shape)

    u, s, _ = svds(ppmi, k=args.dim, random_state=args.seed)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9

    assignments = []
    for k in GRANULARITIES:
        km = MiniBatchKMeans(n_clusters=k, random_state=args.seed, batch_size=4096, n_init=3)
        assignments.append(km.fit_predict(vectors))
        print(f"k={k} done at {time.time() - started:.0f}s", file=sys.stderr)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# word clusters for the linimasa NER model; built by train/ner_clusters.py (see models/README.md)\n")
        for i, word in enumerate(vocab):
            out.write(word + "\t" + "\t".join(str(int(a[i])) for a in assignments) + "\n")
    print(f"wrote {len(vocab)} words to {args.out} in {time.time() - started:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
