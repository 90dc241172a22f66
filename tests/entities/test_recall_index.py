"""The recall steps' span index (`recall._Indexed`, which made their per-occurrence checks linear in a
long article) answers as a scan of the list would, in the list's order, through any sequence of
appends and removes, and `_place` keeps it in step with the list."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from linimasa.entities.recall import _Indexed, _place
from linimasa.model import Mention

spans = st.tuples(st.integers(0, 400), st.integers(1, 90), st.sampled_from(["PER", "ORG", "GPE"]))


def _mention(start: int, size: int, kind: str) -> Mention:
    return Mention(start, start + size, "x" * size, kind, source="rule")


@settings(max_examples=150, deadline=None)
@given(first=st.lists(spans, max_size=40), ops=st.lists(st.tuples(st.booleans(), spans), max_size=40),
       queries=st.lists(st.tuples(st.integers(0, 500), st.integers(0, 60)), min_size=1, max_size=20))
def test_overlapping_is_the_scan_in_list_order(first, ops, queries):
    plain = [_mention(*s) for s in first]
    indexed = _Indexed(plain)
    for add, s in ops:
        m = _mention(*s)
        if add:
            plain.append(m)
            indexed.append(m)
        elif plain:
            victim = plain[len(plain) // 2]
            plain.remove(victim)
            indexed.remove(victim)
    assert list(indexed) == plain
    for start, size in queries:
        end = start + size
        assert indexed.overlapping(start, end) == [m for m in plain if m.start < end and start < m.end]


def test_place_edits_the_index_too():
    """`_place` removes what the new mention covers; the index forgets it as the list does."""
    text = "Kata PT Maju Jaya Abadi lalu Budi Santoso berkata."
    out = _Indexed([Mention(5, 12, "PT Maju", "ORG", source="model"), Mention(28, 32, "Budi", "PER")])
    assert _place(text, out, Mention(5, 23, "PT Maju Jaya Abadi", "ORG", source="rule"), ())
    assert [m.text for m in out.overlapping(0, len(text))] == ["Budi", "PT Maju Jaya Abadi"]
    assert out.overlapping(5, 12) == [list(out)[-1]]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet="ABab1 .", max_size=200), name=st.text(alphabet="ABab1 .", min_size=1, max_size=5),
       glued_ok=st.booleans())
@example(text="A.A.A and A.A", name="A.A", glued_ok=False)  # a match inside one taken: find goes on after it
@example(text="xAb Ab bAbA", name="Ab", glued_ok=True)
def test_occurrences_in_a_long_text_are_finds(monkeypatch_long, text, name, glued_ok):
    """The long-text path (capitals indexed by their first two characters) returns what `str.find`
    returns, overlaps, glue and all."""
    from linimasa.entities import recall

    monkeypatch_long(10**9)
    expected = recall._occurrences(text, name, glued_ok)
    monkeypatch_long(0)
    assert recall._occurrences(text, name, glued_ok) == expected


@pytest.fixture
def monkeypatch_long():
    """Set `recall._LONG_TEXT` for one call and put it back afterwards (hypothesis reuses the fixture)."""
    from linimasa.entities import recall

    saved = recall._LONG_TEXT

    def setter(value: int) -> None:
        recall._LONG_TEXT = value

    yield setter
    recall._LONG_TEXT = saved
