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
not its copy. Nor are two texts whose leads report different days (an outlet's daily schedule piece
on the same template), nor the later of two that brings several figures the earlier lacks (the
morning's opening prices put above the forecast reprinted beneath them): a copy adds no facts. A
cut copy stored before the text it was cut from (a scrape's order is not the outlets') is that text's
copy when it was published at the same minute or after it; a shorter report published earlier is the
longer one's forerunner, which follows it up. These checks read the stored article of the few
candidates MinHash relates. A copy points
(`duplicate_of`) at the earliest copy of the group: by publication date, then by arrival.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import itertools
import math
import re
import sys
import types
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from linimasa import resources
from linimasa.model import Article, date_range
from linimasa.pipeline import corpus_stage


def _datasketch_minhash() -> tuple[Any, Any]:
    """datasketch's `MinHash` and `LeanMinHash`, imported from their own modules without running
    datasketch's package `__init__`: that one imports every index datasketch has, and through its LSH
    `scipy.integrate` (about 0.5 CPU-s in every process, a twentieth of a 500-article run), for
    classes this stage never uses. The two modules need only numpy and `datasketch.hashfunc`. The
    package's placeholder is removed again once they are loaded, so a later `import datasketch`
    (anyone's) runs the real `__init__`, which then finds these same modules, and the same classes,
    in `sys.modules`."""
    if "datasketch" in sys.modules:  # imported already, in full or by an earlier call
        from datasketch.lean_minhash import LeanMinHash
        from datasketch.minhash import MinHash

        return MinHash, LeanMinHash
    spec = importlib.util.find_spec("datasketch")
    if spec is None or spec.submodule_search_locations is None:
        raise ImportError("datasketch is not installed")
    package = types.ModuleType("datasketch")
    package.__path__ = list(spec.submodule_search_locations)
    package.__spec__ = spec
    sys.modules["datasketch"] = package
    try:
        minhash = importlib.import_module("datasketch.minhash")
        lean = importlib.import_module("datasketch.lean_minhash")
    finally:
        if sys.modules.get("datasketch") is package:
            del sys.modules["datasketch"]
    return minhash.MinHash, lean.LeanMinHash


MinHash, LeanMinHash = _datasketch_minhash()

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


@functools.cache
def _permutations() -> object:
    """datasketch's permutations for (NUM_PERM, SEED), drawn once per process: a MinHash built without
    them draws them again from the seed (about 0.5 ms an article), always to the same values."""
    return MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def _sha1_hash32(shingles: Iterable[bytes]) -> list[int]:
    """datasketch's `sha1_hash32` of each shingle (the first four bytes of its SHA-1, little-endian),
    read as one array: not a Python call and a `struct.unpack` per shingle, a few hundred an article."""
    sha1 = hashlib.sha1
    return np.frombuffer(b"".join([sha1(s).digest()[:4] for s in shingles]), dtype="<u4").tolist()


def signature(text: str) -> tuple[int, np.ndarray]:
    """(number of shingles, MinHash values) of a text. The shingles are hashed here as datasketch
    hashes them by default (`_sha1_hash32`), and the MinHash takes the hash values as they are."""
    sh = shingles(text)
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme="affine32", hashfunc=int)
    if sh:
        m.update_batch(_sha1_hash32(sh))
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


def _content_paragraphs(text: str) -> list[str]:
    """A text's paragraphs of `PARAGRAPH_MIN_WORDS` words or more: no dateline, widget or credit line."""
    return [p for p in text.split("\n") if len(WORD.findall(p)) >= PARAGRAPH_MIN_WORDS]


def keeps_opening(copy: str, original: str) -> bool:
    """Whether `copy` keeps one of the first content paragraphs of `original` (most of its word
    4-grams; a rewritten first sentence or a dateline in front of it still counts)."""
    opening = _content_paragraphs(original)[:OPENING_PARAGRAPHS]
    if not opening:
        return True
    kept = _grams(copy)
    return any(len((g := _grams(p)) & kept) >= KEPT_SHARE * len(g) for p in opening)


NEW_FIGURES = 4  # figures the later of two texts has and the earlier lacks: it reports something new
_FIGURE = re.compile(r"(?<![\w/.,])\d+(?:[.,]\d+)*(?![\w/])")
_YEAR = re.compile(r"(?:19|20)\d\d")
# "Rabu (18/6/2025)" in a sentence; not the dateline's "Cianjur, Rabu (18/6/2025) -", which dates the copy
_NUMERIC_DAY = re.compile(r"\((?:[^\W\d]+,?\s*)?(\d{1,2})/(\d{1,2})(?:/\d{2,4})?\)(?!\s*[-–—])")


def _figures(text: str) -> set[str]:
    """The numbers a text writes, years and web addresses aside (an aggregator's link is not news)."""
    return {f for f in _FIGURE.findall(re.sub(r"https?://\S+", " ", text)) if not _YEAR.fullmatch(f)}


def lead_days(text: str, lang: str) -> set[tuple[int, int]]:
    """The calendar days, as (month, day), the first content paragraph names: "Rabu (18/6/2025)",
    "18 Juni 2025"."""
    lead = next(iter(_content_paragraphs(text)), "")
    days = {(int(m), int(d)) for d, m in _NUMERIC_DAY.findall(lead)}
    months = resources.month_numbers(lang)
    words = WORD.findall(lead.casefold())
    for a, b in itertools.pairwise(words):
        if a.isdigit() and len(b) > 3 and b in months and 1 <= int(a) <= 31:  # not "Jan", also a name
            days.add((months[b], int(a)))
    return days


def reports_new(new: Article, old: Article) -> bool:
    """Whether two texts MinHash calls copies report different things: their leads name different
    days, or the later one (by publication time, else the new one) brings `NEW_FIGURES` figures the
    earlier one does not write."""
    lang = new.language if new.language != "und" else old.language
    mine, theirs = lead_days(new.text, lang), lead_days(old.text, lang)
    if mine and theirs and not mine & theirs:
        return True
    later, earlier = (old, new) if published_before(new, old) else (new, old)
    return len(_figures(later.text) - _figures(earlier.text)) >= NEW_FIGURES


def copied_from(copy: Article, original: Article) -> bool:
    """Whether `copy`, stored first, is a cut copy of `original`, which arrived after it: it keeps one
    of the original's opening paragraphs, reports nothing the original does not, and was published
    at the same minute or later (a trimmed copy keeps its original's time; a copy under a new time
    comes after it). An earlier-published short report that a later, longer one repeats and adds to is
    that one's forerunner, not its copy: the longer one is its follow-up, and so is every pair whose
    times of day are unknown."""
    when_c = copy.published.value if copy.published else ""
    when_o = original.published.value if original.published else ""
    return (len(when_c) > 10 and len(when_o) > 10 and when_c >= when_o
            and keeps_opening(copy.text, original.text) and not reports_new(copy, original))


def published_before(a: Article, b: Article) -> bool:
    """Whether `a` was published before `b` by their times of day (a scrape's arrival order is not
    the outlets' order: the morning forecast may arrive after the opening report that reprints it)."""
    when_a = a.published.value if a.published else ""
    when_b = b.published.value if b.published else ""
    return len(when_a) > 10 and len(when_b) > 10 and when_a < when_b


def find_duplicates(articles: list[Article], store: Any, copy_min: float = 0.6, keep_min: float = 0.3,
                    follow_min: float = 0.5) -> list[tuple[str, str | None, str | None]]:
    """Relate each new article to the stored ones (and to the earlier new ones, which are stored by
    now), write the (article, duplicate_of, follow_up_of) rows as it goes and return them.

    A new article that is a copy of several stored ones joins all their groups: copying is not
    transitive (a long version can be only a follow-up of a short one while a middle one is a copy of
    both), so the new copy may be what holds them together. Each article's rows are written before the
    next one is related, so a later article of the same chunk sees the groups as they are now."""
    rows: list[tuple[str, str | None, str | None]] = []
    in_chunk = {a.id: a for a in articles}
    for a in articles:
        n, values = signature(a.text)
        bands = band_hashes(values)
        copies: list[str] = []
        follow: tuple[float, str] | None = None
        followed_by: list[tuple[str, str | None]] = []  # stored articles published later that add to this one
        for other, n_other, sig in store.minhash_candidates(bands):
            if other == a.id:
                continue
            j = jaccard(values, np.frombuffer(sig, dtype=values.dtype))
            kind = relate(n, n_other, j, copy_min=copy_min, keep_min=keep_min, follow_min=follow_min)
            if kind == "duplicate" and (old := _stored(store, other)) is not None and (
                    not keeps_opening(a.text, old.text) or reports_new(a, old)):
                if published_before(a, old):  # the stored one is the later report, adding to this one
                    if old.follow_up_of is None:
                        followed_by.append((other, old.duplicate_of))
                    continue
                # only the old one's tail is here, or new facts: a follow-up when it repeats enough of it
                kind = relate(n, n_other, j, copy_min=math.inf, keep_min=keep_min, follow_min=follow_min)
            if kind == "follow_up" and relate(n_other, n, j, copy_min=copy_min, keep_min=keep_min,
                                              follow_min=follow_min) == "duplicate" and (
                    old := _stored(store, other)) is not None and copied_from(old, a):
                kind = "duplicate"  # the stored one is a cut copy of this one, published with it or after
            if kind == "duplicate":
                copies.append(other)
            elif kind == "follow_up" and (follow is None or (j, other) > follow):
                follow = (j, other)
        store.put_minhash(a.id, n, values.tobytes(), bands)
        new_rows = [(other, dup, a.id) for other, dup in followed_by]
        if copies:
            new_rows += _join_groups(a, copies, store)
        elif follow is not None:
            a.follow_up_of = follow[1]
            new_rows.append((a.id, a.duplicate_of, follow[1]))
        if not new_rows:
            continue
        store.set_duplicates(new_rows)
        for aid, dup, fol in new_rows:
            if aid in in_chunk:
                in_chunk[aid].duplicate_of = dup
                if fol is not None:
                    in_chunk[aid].follow_up_of = fol
        rows += new_rows
    return rows


def _stored(store: Any, article_id: str) -> Article | None:
    found = store.get_articles([article_id])
    return found[0] if found else None


def _join_groups(a: Article, copies: list[str], store: Any) -> list[tuple[str, str | None, str | None]]:
    """Merge the new copy and the groups of the stored copies it matches into one group and point
    every member at its earliest copy (by publication day, then arrival). A group's root is its
    earliest copy, so only the roots compete; when the new one is earliest the groups re-point to it."""
    order = store.article_order([a.id, *copies])
    roots = {order.get(c, ("", 0, None))[2] or c for c in copies} - {a.id}
    order.update(store.article_order(roots))

    def key(aid: str, published: str) -> tuple[str, int]:
        # The last day a date can mean: a precise date beats a week that contains it.
        rng = date_range(published[:10]) if published else None
        return (rng[1].isoformat() if rng else "~", order.get(aid, ("", 1 << 62, None))[1])

    own = a.published.value if a.published and a.published.how not in ("corpus", "unknown") else ""
    keys = {a.id: key(a.id, own), **{r: key(r, order[r][0]) if r in order else ("~", 0) for r in roots}}
    earliest = min(keys, key=lambda r: (keys[r], r))
    members = store.duplicates_of(keys)
    rows = [(m, earliest, None) for r in keys for m in (r, *members.get(r, [])) if m != earliest]
    # a root that stays root keeps its own row (a follow-up link it may have) as it is
    return [*rows, (a.id, None, None)] if earliest == a.id else rows


@corpus_stage("duplicates", requires=["article.text", "article.published"], assigns=["article.duplicate_of"])
def make_duplicates(copy_min: float = 0.6, keep_min: float = 0.3,
                    follow_min: float = 0.5) -> Callable[[list[Article], Any], None]:
    """Options: `copy_min` (share of the new text's shingles found in the old one for a copy),
    `keep_min` (share of the old text a copy keeps), `follow_min` (share of the old text a
    follow-up repeats)."""

    def stage(articles: list[Article], store: Any) -> None:
        find_duplicates(articles, store, copy_min, keep_min, follow_min)

    return stage
