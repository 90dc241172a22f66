"""Near-duplicates: the same story republished (other boilerplate, a new title, a paragraph cut,
paragraphs reordered), found with MinHash over word shingles and LSH bands kept in the store.

A new article's band hashes fetch only the stored articles that share a band (`minhash_candidates`),
never the whole store. Two texts are copies when the new one says little that the old one does not
(at least 60% of its shingles are in the old one) and keeps at least 30% of the old one (a
syndicated press release cut to its lead); an article that repeats much of an earlier one but adds
more new material is its follow-up, not a copy. A copy also keeps its original's opening (one of
its first paragraphs): a trim cuts the end, a teaser keeps the lead, a reorder moves paragraphs
behind the lead. A new article that shares only the tail of an older one (the background paragraphs
an outlet appends to every report of a developing story, under a new lead and new quotes) is a
follow-up, and a short article found inside a longer one (a fact check reprinted in a round-up) is
not its copy. That check reads the stored text of the few candidates MinHash calls copies. A copy
points (`duplicate_of`) at the earliest copy of the group: by publication date, then by arrival.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash

from linimasa.model import Article, date_range
from linimasa.pipeline import corpus_stage

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: a pair with Jaccard 0.5 shares a band with probability 0.87
ROWS = NUM_PERM // BANDS
SEED = 7
WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Word n-grams of the lower-cased text; short texts use trigrams so they still have a few."""
    words = WORD.findall(text.casefold())
    if len(words) < 40:
        size = 3
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> tuple[int, np.ndarray]:
    """(number of shingles, MinHash values) of a text."""
    sh = shingles(text)
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    if sh:
        m.update_batch(list(sh))
    return len(sh), LeanMinHash(m).hashvalues


def band_hashes(values: np.ndarray) -> list[int]:
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def relate(n_new: int, n_old: int, j: float, *, copy_min: float = 0.6, keep_min: float = 0.3,
           follow_min: float = 0.5) -> str | None:
    """What a new text is to an old one, from their Jaccard estimate and sizes: "duplicate" (it adds
    little and keeps at least half), "follow_up" (it repeats much of the old and adds more), or None."""
    if not n_new or not n_old or j <= 0:
        return None
    inter = j * (n_new + n_old) / (1 + j)
    new_in_old, old_in_new = inter / n_new, inter / n_old
    if new_in_old >= copy_min and old_in_new >= keep_min:
        return "duplicate"
    if old_in_new >= follow_min:
        return "follow_up"
    return None


OPENING_PARAGRAPHS = 3  # an original's first content paragraphs, one of which a copy keeps
PARAGRAPH_MIN_WORDS = 8  # shorter lines are datelines, widgets and credits, not content
KEPT_SHARE = 0.5  # a paragraph is kept when this share of its word 4-grams is in the copy


def _grams(text: str, size: int = 4) -> set[str]:
    words = WORD.findall(text.casefold())
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def keeps_opening(copy: str, original: str) -> bool:
    """Whether `copy` keeps one of the first content paragraphs of `original` (most of its word
    4-grams; a rewritten first sentence or a dateline in front of it still counts)."""
    opening = [p for p in original.split("\n") if len(WORD.findall(p)) >= PARAGRAPH_MIN_WORDS][:OPENING_PARAGRAPHS]
    if not opening:
        return True
    kept = _grams(copy)
    return any(len((g := _grams(p)) & kept) >= KEPT_SHARE * len(g) for p in opening)


def find_duplicates(articles: list[Article], store: Any, copy_min: float = 0.6, keep_min: float = 0.3,
                    follow_min: float = 0.5) -> list[tuple[str, str | None, str | None]]:
    """Relate each new article to the stored ones (and to the earlier new ones, which are stored by
    now) and return the (article, duplicate_of, follow_up_of) rows to write."""
    rows: list[tuple[str, str | None, str | None]] = []
    for a in articles:
        n, values = signature(a.text)
        bands = band_hashes(values)
        related: list[tuple[bool, float, str, str]] = []
        for other, n_other, sig in store.minhash_candidates(bands):
            if other == a.id:
                continue
            j = jaccard(values, np.frombuffer(sig, dtype=values.dtype))
            kind = relate(n, n_other, j, copy_min=copy_min, keep_min=keep_min, follow_min=follow_min)
            if kind == "duplicate" and not keeps_opening(a.text, _text(store, other)):
                # only the old one's tail is here: a follow-up when it repeats enough of it
                kind = relate(n, n_other, j, copy_min=math.inf, keep_min=keep_min, follow_min=follow_min)
            if kind:
                related.append((kind == "duplicate", j, kind, other))
        best = max(related, default=None)
        store.put_minhash(a.id, n, values.tobytes(), bands)
        if best is None:
            continue
        _, _, kind, other = best
        if kind == "follow_up":
            a.follow_up_of = other
            rows.append((a.id, a.duplicate_of, other))
            continue
        rows += _join_group(a, other, store)
    return rows


def _text(store: Any, article_id: str) -> str:
    found = store.get_articles([article_id])
    return found[0].text if found else ""


def _join_group(a: Article, other: str, store: Any) -> list[tuple[str, str | None, str | None]]:
    """Point the new copy, or the whole group when the new one is the earliest, at the earliest copy."""
    order = store.article_order([a.id, other])
    root = order.get(other, ("", 0, None))[2] or other
    order.update(store.article_order([root]))

    def key(aid: str, published: str) -> tuple[str, int]:
        # The last day a date can mean: a precise date beats a week that contains it.
        rng = date_range(published[:10]) if published else None
        return (rng[1].isoformat() if rng else "~", order.get(aid, ("", 1 << 62, None))[1])

    own = a.published.value if a.published and a.published.how not in ("corpus", "unknown") else ""
    new_key = key(a.id, own)
    root_key = key(root, order[root][0]) if root in order else ("~", 0)
    if new_key < root_key:
        members = [root, *store.duplicates_of([root]).get(root, [])]
        a.duplicate_of = None
        return [(m, a.id, None) for m in members if m != a.id] + [(a.id, None, None)]
    a.duplicate_of = root
    return [(a.id, root, None)]


@corpus_stage("duplicates", requires=["article.text", "article.published"], assigns=["article.duplicate_of"])
def make_duplicates(copy_min: float = 0.6, keep_min: float = 0.3,
                    follow_min: float = 0.5) -> Callable[[list[Article], Any], None]:
    """Options: `copy_min` (share of the new text's shingles found in the old one for a copy),
    `keep_min` (share of the old text a copy keeps), `follow_min` (share of the old text a
    follow-up repeats)."""

    def stage(articles: list[Article], store: Any) -> None:
        rows = find_duplicates(articles, store, copy_min, keep_min, follow_min)
        if rows:
            store.set_duplicates(rows)

    return stage
