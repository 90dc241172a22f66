"""Lower case as `re.IGNORECASE` sees it: what a stage lowers a text to before it looks for where a
case-insensitive pattern can match with `str.find` (the timex prefilter, the entity word lists).

`str.lower` and IGNORECASE agree on every character but four: "İ", "ı", "ſ" and the Kelvin sign, which
IGNORECASE takes for i, i, s and k, and `str.lower` leaves alone or turns into something else ("İ"
into two characters). One definition here, for every stage that relies on the two agreeing."""

from __future__ import annotations

import re

UNFOLDED = re.compile("[\u0130\u0131\u017f\u212a]")
"""Characters that case-insensitive matching takes for i, s or k, and that `str.lower` leaves alone or
turns into something else."""

FOLDED = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
"""`UNFOLDED`'s characters as the letter case-insensitive matching takes each for (`str.translate`), so
that a text with one of them is lowered to what the rules can match, one character for one. Why not
leave such a text unfiltered: one "İstanbul" anywhere then made every rule scan the whole text, and a
long text almost always has one (`bench/hostile.py`: the timex stage 2.33 ms/KB on a 2 MB text with
one "İ", 0.82 on texts of 10 KB; 0.75 and 0.81 now)."""


def lower_as_ignorecase(text: str) -> str:
    """`text` in lower case, `UNFOLDED`'s characters as the letters IGNORECASE takes them for."""
    return (text.translate(FOLDED) if UNFOLDED.search(text) else text).lower()
