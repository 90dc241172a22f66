"""The shared token patterns (linimasa.text.tokens)."""

from __future__ import annotations

from linimasa.text.tokens import NAME_TOKEN, WORD, tokenize


def test_tokens_keep_numbers_domains_and_initialisms_whole() -> None:
    text = "Rp1,5 juta di kompas.com, U.S. dan anak-anak (12/10)."
    assert [text[a:b] for a, b in tokenize(text)] == [
        "Rp1", ",", "5", "juta", "di", "kompas.com", ",", "U.S.", "dan", "anak-anak", "(", "12/10", ")", ".",
    ]


def test_name_tokens_and_words() -> None:
    assert NAME_TOKEN.findall("St. Petersburg dan al-Assad") == ["St.", "Petersburg", "dan", "al-Assad"]
    assert WORD.findall("O'Neil, 2024 anak-anak") == ["O'Neil", "anak-anak"]
