"""DisjointSpans and StaticSpans answer exactly what a scan of every span answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.text.spans import DisjointSpans, StaticSpans, overlaps

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=40)
queries = st.lists(st.tuples(st.integers(0, 70), st.integers(0, 10)), min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(spans, queries)
def test_disjoint_spans_match_a_scan(candidates: list[tuple[int, int]], asked: list[tuple[int, int]]) -> None:
    held: DisjointSpans[int] = DisjointSpans()
    kept: list[tuple[int, int, int]] = []
    for i, (s, n) in enumerate(candidates):
        e = s + n
        scan = any(overlaps(a, b, s, e) for a, b, _ in kept)
        assert held.overlaps(s, e) == scan
        if not scan:
            held.add(s, e, i)
            kept.append((s, e, i))
    for s, n in asked:
        e = s + n
        want = [i for a, b, i in sorted(kept) if overlaps(a, b, s, e)]
        assert held.overlapping(s, e) == want
        assert held.overlaps(s, e) == bool(want)


@settings(max_examples=200, deadline=None)
@given(spans, queries)
def test_static_spans_match_a_scan(given_spans: list[tuple[int, int]], asked: list[tuple[int, int]]) -> None:
    fixed = [(s, s + n) for s, n in given_spans]
    index = StaticSpans(fixed)
    for s, n in asked:
        assert index.overlaps(s, s + n) == any(overlaps(a, b, s, s + n) for a, b in fixed)


@settings(max_examples=200, deadline=None)
@given(spans, queries)
def test_disjoint_spans_added_in_text_order_match_a_scan(candidates: list[tuple[int, int]],
                                                         asked: list[tuple[int, int]]) -> None:
    """Spans offered in text order (as most choosers offer them) take `add`'s append path: the same
    answers, and the same order, as a scan."""
    held: DisjointSpans[int] = DisjointSpans()
    kept: list[tuple[int, int, int]] = []
    for i, (s, n) in enumerate(sorted(candidates)):
        e = s + n
        if not any(overlaps(a, b, s, e) for a, b, _ in kept):
            held.add(s, e, i)
            kept.append((s, e, i))
    for s, n in asked:
        e = s + n
        assert held.overlapping(s, e) == [i for a, b, i in sorted(kept) if overlaps(a, b, s, e)]
