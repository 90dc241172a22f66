"""The settling rules' word index and layer answer exactly what a scan of the text answers: `_Index.find`
tries windows only up to its phrases' most tokens, and `_Layer` finds overlaps in its build order from
the latest end it holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.entities.settle import _TOKEN, MAX_PHRASE_WORDS, _Index, _Layer
from linimasa.model import Mention
from linimasa.text.spans import overlaps

WORDS = ["Badan", "Anu", "BA", "Kota", "ke-2", "Jakarta", "al-Azhar", "dan", "Bank", "Dunia", "A"]
GLUE = [" ", " ", ", ", " (", ") ", "-", ". ", "\n"]


def _text(draw: st.DrawFn) -> str:
    n = draw(st.integers(0, 40))
    return "".join(draw(st.sampled_from(WORDS)) + draw(st.sampled_from(GLUE)) for _ in range(n))


@st.composite
def texts_and_phrases(draw: st.DrawFn) -> tuple[str, frozenset[str]]:
    text = _text(draw)
    phrases = set()
    for _ in range(draw(st.integers(0, 6))):
        k = draw(st.integers(1, 4))
        phrases.add(" ".join(draw(st.sampled_from(WORDS)) for _ in range(k)))
    return text, frozenset(phrases)


def _scan(text: str, phrases: frozenset[str]) -> list[tuple[int, int, str]]:
    spans = [m.span() for m in _TOKEN.finditer(text)]
    return [(spans[i][0], spans[j][1], text[spans[i][0] : spans[j][1]])
            for i in range(len(spans)) for j in range(i, min(i + MAX_PHRASE_WORDS, len(spans)))
            if text[spans[i][0] : spans[j][1]] in phrases]


@settings(max_examples=300, deadline=None)
@given(texts_and_phrases())
def test_index_find_matches_every_window(case: tuple[str, frozenset[str]]) -> None:
    text, phrases = case
    index = _Index(text)
    assert index.find(phrases) == _scan(text, phrases)
    assert index.find(set(phrases)) == _scan(text, phrases)  # a plain set: its shape found per call
    assert index.find(phrases, frozenset({"Bank Dunia"})) == _scan(text, phrases | {"Bank Dunia"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), max_size=30))
def test_layer_keeps_what_a_scan_keeps(spans: list[tuple[int, int]]) -> None:
    mentions = [Mention(s, s + n, "x" * n, "ORG") for s, n in spans]
    layer = _Layer(mentions)
    held: list[Mention] = []
    extra: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        (extra if any(overlaps(h.start, h.end, m.start, m.end) for h in held) else held).append(m)
    assert [id(m) for m in layer.mentions()] == [id(m) for m in held + extra]
