"""Overlap queries on sets of character spans in time logarithmic in the size of the set.

Stages that choose non-overlapping mentions or timexes ask, for every candidate, "does it overlap
what is chosen so far?". Asked of a list, that costs the length of the list each time: quadratic in
the number of mentions, which a long article (or a hostile one: a run of capitals, a date repeated a
thousand times) turns into minutes. These structures answer the same question exactly, with the same
half-open definition of overlap (`a.start < b.end and b.start < a.end`).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class DisjointSpans(Generic[T]):
    """A set of pairwise non-overlapping spans, each with an item, kept sorted by (start, end).

    Pairwise non-overlapping spans sorted by start are sorted by end too, so the spans overlapping
    a query are one contiguous run just before the first span that starts at or after the query's
    end. Adding a span that overlaps one already held raises `ValueError`: the caller checks first,
    as every chooser of non-overlapping spans does."""

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []
        self._items: list[T] = []

    @classmethod
    def from_sorted(cls, keys: list[tuple[int, int]], items: list[T]) -> DisjointSpans[T]:
        """The set of ``keys`` (pairwise non-overlapping spans, sorted) with their ``items``, taken as
        they are (not checked, not copied): what adding them one by one in that order would hold."""
        out: DisjointSpans[T] = cls()
        out._keys, out._items = keys, items
        return out

    def __len__(self) -> int:
        return len(self._items)

    def _run(self, start: int, end: int) -> range:
        hi = bisect.bisect_left(self._keys, (end, -1))  # spans starting before `end` come first
        # (end, -1) sorts before (end, x) for every x >= 0: spans that start at `end` are after hi
        lo = hi
        while lo > 0 and self._keys[lo - 1][1] > start:
            lo -= 1
        return range(lo, hi)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items whose spans overlap [start, end), in order of their start.

        Every span of the run overlaps the query: it starts before `end` (it sorts before
        `(end, -1)`) and ends after `start` (the walk back stops at the first that does not), so
        the run needs no second test."""
        run = self._run(start, end)
        return self._items[run.start:run.stop]

    def overlaps(self, start: int, end: int) -> bool:
        # the run is not empty exactly when the last span starting before `end` ends after `start`
        hi = bisect.bisect_left(self._keys, (end, -1))
        return hi > 0 and self._keys[hi - 1][1] > start

    def add(self, start: int, end: int, item: T) -> None:
        keys = self._keys
        if not keys or (keys[-1][1] <= start and keys[-1] <= (start, end)):
            # after every span held (they end in order, the last the latest): it overlaps none and goes
            # last. Spans added in text order, as most callers add them, take only this path.
            keys.append((start, end))
            self._items.append(item)
            return
        if self.overlaps(start, end):
            raise ValueError(f"span {start}-{end} overlaps a span already held")
        k = bisect.bisect_right(self._keys, (start, end))
        self._keys.insert(k, (start, end))
        self._items.insert(k, item)

    def remove(self, start: int, end: int, item: T) -> None:
        """Remove `item`, held under the span [start, end) (compared by identity)."""
        k = bisect.bisect_left(self._keys, (start, end))
        while k < len(self._keys) and self._keys[k] == (start, end):
            if self._items[k] is item:
                del self._keys[k]
                del self._items[k]
                return
            k += 1
        raise KeyError(f"no such item at {start}-{end}")


class StaticSpans:
    """Any spans (they may overlap one another), fixed once built: does a query overlap any of them?"""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []  # the largest end among the first k+1 spans
        top = None
        for _, e in ordered:
            top = e if top is None or e > top else top
            self._max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span [s, e) has s < end and start < e."""
        k = bisect.bisect_left(self._starts, end)  # spans 0..k-1 start before `end`
        return k > 0 and self._max_end[k - 1] > start





_SPAN = re.Match.span
_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)


class WordIndex:
    """The matches of a word pattern in a text, found once, so that "the words of `text[a:b]`" costs a
    binary search instead of a scan.

    `between(a, b)` is exactly what `pattern.finditer(text, a, b)` gives, for a pattern without
    lookaround whose matches cannot start inside another match's characters (the letter-run patterns
    of `linimasa.text.tokens`): whole words strictly inside, plus the pieces of a word cut by `a` or
    `b`, rescanned."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        # offsets and words, not the match objects: a long text has a few hundred thousand of them
        # (each match is dropped as soon as its span is read); built by C-level maps, not a loop of
        # Python statements per word
        spans = list(map(_SPAN, pattern.finditer(text)))
        self.starts: list[int] = list(map(_FIRST, spans))
        self.ends: list[int] = list(map(_SECOND, spans))
        self.words: list[str] = list(map(text.__getitem__, map(slice, self.starts, self.ends)))

    def between(self, a: int, b: int) -> tuple[list[re.Match[str]], range, list[re.Match[str]]]:
        """(pieces cut at `a`, indices of the whole words inside [a, b), pieces cut at `b`)."""
        if b <= a:
            return [], range(0), []
        lo = bisect.bisect_left(self.starts, a)  # first word starting at or after a
        hi = bisect.bisect_right(self.ends, b)  # words ending at or before b
        head: list[re.Match[str]] = []
        tail: list[re.Match[str]] = []
        cut_a = lo > 0 and self.ends[lo - 1] > a  # a word starts before a and runs past it
        cut_b = hi < len(self.starts) and self.starts[hi] < b  # a word starts before b and runs past it
        if cut_a and cut_b and lo - 1 == hi:  # one word holds all of [a, b)
            return list(self.pattern.finditer(self.text, a, b)), range(0), []
        if cut_a:
            head = list(self.pattern.finditer(self.text, a, min(self.ends[lo - 1], b)))
        if cut_b:
            tail = list(self.pattern.finditer(self.text, max(self.starts[hi], a), b))
        return head, range(lo, max(lo, hi)), tail
__all__ = ["DisjointSpans", "StaticSpans", "WordIndex", "overlaps"]
