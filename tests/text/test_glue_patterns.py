"""The glue patterns open with their first letter and look back from after it (so `re` skips to
candidate letters at C speed): the same matches as "not after a word character" written first."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.text import glue

# the patterns as they were written before, with the look-behind first
_BEFORE = {
    "_LOWER_UPPER": re.compile(r"(?<![\w])([a-z]{3,})([A-Z][a-z]+)"),
    "_CAPITALISED": re.compile(r"(?<![\w])[A-Z][a-z]{6,}(?![\w])"),
    "_ACRONYM_NAME": re.compile(r"(?<![\w])([A-Z]{2,}?)([A-Z][a-z]{2,})(?![\w])"),
    "_ACRONYM_WORD": re.compile(r"(?<![\w])([A-Z]{2,})([a-z]{3,})(?![\w])"),
}


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_glue_patterns_match_where_they_did() -> None:
    for text in ["sahamPTBumi Resources", "BRMSberada di", "Madridsudah menang", "xPTBumi", "éABCdef",
                 "_ABCdef", "1Madridsudah", "menyebutMastantuono setara", "ÄabcDef", "PTAbc PTAbcdef"]:
        for name, before in _BEFORE.items():
            assert _matches(getattr(glue, name), text) == _matches(before, text), (name, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "bc", "def", "A", "BC", "Xyz", "Abcdefg", " ", "_", "1", "é", "É", "-"]),
                max_size=20))
def test_glue_patterns_on_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    for name, before in _BEFORE.items():
        assert _matches(getattr(glue, name), text) == _matches(before, text), (name, text)
