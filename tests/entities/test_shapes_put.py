"""`shapes._put` finds the mentions a span overlaps by bisection: the same lists, in the same order, as
the scan of every mention it replaced (hypothesis, over random spans and chains of puts)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.entities.shapes import _covering, _put, _Putting, _starting
from linimasa.model import Mention


def _scan_put(mentions: list[Mention], new: Mention) -> list[Mention]:
    hits = [m for m in mentions if m.start < new.end and new.start < m.end]
    if any(m.start < new.start or m.end > new.end for m in hits):
        return mentions
    if any((m.start, m.end) == (new.start, new.end) for m in hits):
        return mentions
    return [m for m in mentions if m not in hits] + [new]


spans = st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=25), st.lists(spans, max_size=25))
def test_put_answers_as_the_scan(start: list[tuple[int, int]], puts: list[tuple[int, int]]) -> None:
    first = [Mention(a, b, f"m{i}", "ORG", source="model") for i, (a, b) in enumerate(start)]
    fast, slow = first, first
    for i, (a, b) in enumerate(puts):
        new = Mention(a, b, f"n{i}", "ORG", source="rule")
        fast_next, slow_next = _put(fast, new), _scan_put(slow, new)
        assert [id(m) for m in fast_next] == [id(m) for m in slow_next]
        assert (fast_next is fast) == (slow_next is slow)  # callers test `out is mentions`
        fast, slow = fast_next, slow_next


def test_a_list_grown_in_place_is_indexed_again() -> None:
    ms = [Mention(0, 5, "Alpha", "ORG")]
    out = _put(ms, Mention(10, 15, "Betaa", "ORG"))
    out.append(Mention(20, 25, "Gamma", "ORG"))
    assert [m.text for m in _put(out, Mention(20, 25, "Gamma", "ORG"))] == ["Alpha", "Betaa", "Gamma"]
    assert [m.text for m in _put(out, Mention(19, 26, "xGammax", "ORG"))] == ["Alpha", "Betaa", "xGammax"]


queries = st.tuples(st.integers(-2, 75), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=25), st.lists(spans, max_size=10), st.lists(queries, max_size=10))
def test_starting_and_covering_answer_as_the_scans(
    start: list[tuple[int, int]], puts: list[tuple[int, int]], asks: list[tuple[int, int]]
) -> None:
    """`_starting` and `_covering` (the bisections that replaced the steps' scans of every mention per
    match) give the same mentions as those scans, on a plain list and on the lists `_put` returns."""
    out: list[Mention] = [Mention(a, b, f"m{i}", "PER" if i % 2 else "ORG") for i, (a, b) in enumerate(start)]
    for i, (a, b) in enumerate([(-1, -1), *puts]):
        if i:
            out = _put(out, Mention(a, b, f"n{i}", "ORG", source="rule"))
        for lo, hi in asks:
            scan = [m for m in out if lo < m.start < hi]
            assert sorted(map(id, _starting(out, lo, hi))) == sorted(map(id, scan))
            held = [m for m in out if m.start <= lo and hi <= m.end]
            assert sorted(map(id, _covering(out, lo, hi))) == sorted(map(id, held))


def test_a_list_changed_in_place_at_the_same_length_is_indexed_again() -> None:
    ms = [Mention(0, 5, "Alpha", "ORG"), Mention(10, 15, "Betaa", "ORG")]
    assert _put(ms, Mention(30, 35, "Delta", "ORG")) is not ms  # indexed, and the put succeeded
    assert _put(ms, Mention(11, 14, "etaa", "ORG")) is ms  # inside Betaa: no change, the index kept
    ms[1] = Mention(20, 25, "Gamma", "ORG")  # replaced in place: same length, other span
    assert [m.text for m in _put(ms, Mention(10, 15, "Betaa", "ORG"))] == ["Alpha", "Gamma", "Betaa"]


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=25), st.lists(spans, max_size=25), st.lists(queries, max_size=6),
       st.booleans())
def test_putting_in_place_answers_as_chained_puts(
    start: list[tuple[int, int]], puts: list[tuple[int, int]], asks: list[tuple[int, int]], indexed: bool
) -> None:
    """`_Putting` (one step's puts made in place) gives the list chained `_put`s give, the same
    mentions in the same order, the caller's list itself where no put went in, the caller's list left
    as it was, and the same `_starting`/`_covering` answers between puts."""
    first: list[Mention] = [Mention(a, b, f"m{i}", "PER" if i % 2 else "ORG") for i, (a, b) in enumerate(start)]
    if indexed and first:  # the list a previous step returned (already indexed)
        first = _put(first, Mention(200, 201, "z", "ORG"))
    given = list(first)
    chained, putting = first, _Putting(first)
    for i, (a, b) in enumerate(puts):
        new = Mention(a, b, f"n{i}", "ORG", source="rule")
        before = chained
        chained = _put(chained, new)
        assert putting.put(new) == (chained is not before)
        for lo, hi in asks:
            assert list(map(id, putting.starting(lo, hi))) == list(map(id, _starting(chained, lo, hi)))
            assert list(map(id, putting.covering(lo, hi))) == list(map(id, _covering(chained, lo, hi)))
    out = putting.result()
    assert [id(m) for m in out] == [id(m) for m in chained]
    assert (out is first) == (chained is first)
    assert [id(m) for m in first] == [id(m) for m in given]
    assert [id(m) for m in _starting(out, -5, 300)] == [id(m) for m in _starting(chained, -5, 300)]
