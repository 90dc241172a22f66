"""Regular expressions built from word lists: the stages turn their language resources' lists
(count qualifiers, purpose words, numbers written in words) into patterns the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, the longest first (so "dua puluh" wins over "dua"), a space in
    one matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
