"""The sentence splitter and the tokeniser, held to the simpler definitions they were sped up from:
`_split_offsets` (which visits only line breaks, stops and the closers after them) gives the sentences
of `_split_offsets_by_token` (one pass over every token), and `TOKEN` (whose e-mail and domain branches
take their leading run possessively) gives the tokens of the pattern without possessive runs."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.text import sentences as S
from linimasa.text.tokens import TOKEN

_BACKTRACKING_TOKEN = re.compile(
    r"""
    https?://[^\s<>"']+
  | [\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+
  | \w+(?:\.[a-z]{2,}){1,10}(?![\w.])
  | (?:[^\W\d_]\.){2,}
  | \d+(?:[.,:/]\d+)+
  | \w+(?:[-'’]\w+)*
  | \S
    """,
    re.VERBOSE,
)

_PIECES = ["a", "B", "1", ".", ",", " ", "\n", "!", "?", "com", "co", "id", "@", "-", "'", "’", "U", "S", "”", '"',
           ")", "]", "(", "http://", "/", "é", "Dr", "dr", "Jl", "No", "+", "_", "\t", "\xa0", "...", "ab.cd"]


def test_splitter_on_news_sentences() -> None:
    for text in ['Ia berkata, "Kami siap." Lalu ia pergi.', "Dr. Budi tinggal di Jl. Sudirman No. 5. Ia pergi.",
                 "Presiden B. J. Habibie tiba.\n\nParagraf kedua!", 'Benarkah?" tanyanya.) Ya.', "", "  ", ".",
                 "Tanya?!\n", "Kunjungi kompas.com. Lalu baca."]:
        assert S._split_offsets(text) == S._split_offsets_by_token(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_splitter_on_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert S._split_offsets(text) == S._split_offsets_by_token(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_token_on_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert [m.span() for m in TOKEN.finditer(text)] == [m.span() for m in _BACKTRACKING_TOKEN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_token_and_splitter_on_any_characters(text: str) -> None:
    assert [m.span() for m in TOKEN.finditer(text)] == [m.span() for m in _BACKTRACKING_TOKEN.finditer(text)]
    assert S._split_offsets(text) == S._split_offsets_by_token(text)
