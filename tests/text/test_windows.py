"""`linimasa.text.windows`: a long text cut into windows at paragraph breaks."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.text.windows import text_windows


def test_a_text_no_longer_than_the_window_is_one_window_whole() -> None:
    text = "  Satu paragraf.\n\nDua paragraf.  "
    assert text_windows(text, len(text)) == [(0, len(text))]
    assert text_windows("", 10) == [(0, 0)]


def test_windows_end_at_paragraph_breaks() -> None:
    paragraphs = [f"Paragraf ke-{i} berisi beberapa kata.\nBaris keduanya." for i in range(30)]
    text = "\n\n".join(paragraphs)
    windows = text_windows(text, 400)
    assert len(windows) > 1
    assert "\n\n".join(text[a:b] for a, b in windows) == text  # whole paragraphs, none cut
    assert all(b - a <= 400 for a, b in windows)


def test_a_line_break_then_a_sentence_end_then_a_space_when_there_is_no_paragraph_break() -> None:
    lines = "\n".join(f"Baris ke-{i} dari teks panjang." for i in range(40))
    assert all(lines[b] == "\n" for _, b in text_windows(lines, 300)[:-1])
    sentences = " ".join(f"Kalimat ke-{i} dari teks panjang." for i in range(40))
    assert all(sentences[b - 1] == "." for _, b in text_windows(sentences, 300)[:-1])
    words = " ".join(f"kata{i}" for i in range(200))
    assert all(words[b] == " " for _, b in text_windows(words, 300)[:-1])
    assert text_windows("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]  # nothing to cut at


def test_the_window_must_hold_something() -> None:
    with pytest.raises(ValueError):
        text_windows("abc", 1)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n")), max_size=400), st.integers(2, 60))
def test_windows_are_ordered_disjoint_bounded_and_miss_only_whitespace(text: str, window: int) -> None:
    windows = text_windows(text, window)
    assert all(0 <= a < b <= len(text) or (a, b) == (0, 0) == (0, len(text)) for a, b in windows)
    assert all(b - a <= window for a, b in windows)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(windows))
    inside = set().union(*(range(a, b) for a, b in windows))
    assert all(c.isspace() for i, c in enumerate(text) if i not in inside)
    if len(text) > window:  # a window neither starts nor ends with whitespace
        assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in windows)
