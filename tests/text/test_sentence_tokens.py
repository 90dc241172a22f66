"""`sentence_tokens` reads each sentence's tokens from the whole text's: the same offsets as
tokenising the sentence alone, on texts where a sentence ends before a dot or a letter."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.text import sentences as S
from linimasa.text.tokens import tokenize_span


def _fresh(text: str) -> tuple[tuple[int, int], ...]:
    """The text's sentences, split now (so that the whole text's tokens are kept, as in a run)."""
    S._OFFSETS.items.clear()
    S._OFFSETS.chars = 0
    return S.sentence_offsets(text)


def _alone(text: str, bounds: tuple[tuple[int, int], ...]) -> list[list[tuple[int, int]]]:
    return [tokenize_span(text, a, b) for a, b in bounds]


def test_sentence_tokens_match_tokenising_each_sentence() -> None:
    for text in ["Ia membuka situs berita.com.Lalu ia pergi.", "Kunjungi contoh.co.id\nLalu pulang!",
                 "Harga naik 2.5.Kemudian turun? Ya.", "Kata A.B.C. dan U.S. Army.", "surel a@b.com.Lalu",
                 "Buka https://a.b/c.Lalu tutup.", "...", "Halo!Apa?Ya.", ""]:
        bounds = _fresh(text)
        assert S.sentence_tokens(text, bounds) == _alone(text, bounds)


def test_sentence_tokens_without_the_whole_text_kept() -> None:
    text = "Satu kalimat. Dua kalimat."
    bounds = ((0, 13), (14, 26))
    S._TOKENS.items.clear()
    S._TOKENS.chars = 0
    assert S.sentence_tokens(text, bounds) == _alone(text, bounds)
    # bounds that are not the splitter's: each sentence tokenised alone
    _fresh(text)
    odd = ((2, 9), (0, 26), (5, 5))
    assert S.sentence_tokens(text, odd) == _alone(text, odd)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "1", ".", ",", " ", "\n", "!", "?", "com", "co", "id", "@", "-", "'",
                                 "U", "S", "”", "http://", "/", "é"]), max_size=40))
def test_sentence_tokens_on_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    bounds = _fresh(text)
    assert S.sentence_tokens(text, bounds) == _alone(text, bounds)
