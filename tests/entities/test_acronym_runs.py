"""`rules._written_runs` (an acronym's uses as the runs of word characters and hyphens that are one of
them) finds the same matches as the alternation of every acronym it replaced (hypothesis, over texts
of acronym-like words, hyphens, digits, accented letters and punctuation)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.entities.rules import _written_runs

PIECES = ["KPK", "KPK-RI", "BI", "B", "I", "Bé", "KP", "ÉK", "-", " ", " ", ".", "(", ")", "x", "1", "_", "é", "\n"]
ACRONYMS = ["KPK", "KPK-RI", "BI", "KP", "RI", "K1", "B_I", "A.B", "ÉK"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.lists(st.sampled_from(ACRONYMS), max_size=6))
def test_runs_answer_as_the_alternation(pieces: list[str], acronyms: list[str]) -> None:
    text = "".join(pieces)
    wanted = list(dict.fromkeys(acronyms))
    fast = [(m.start(), m.end(), m.group()) for m in _written_runs(text, wanted)]
    if not wanted:
        assert fast == []
        return
    scan = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, wanted)) + r")(?![\w-])")
    assert fast == [(m.start(), m.end(), m.group()) for m in scan.finditer(text)]


def test_a_use_is_a_whole_word() -> None:
    text = "KPK memeriksa pejabat KPK-RI dan KPKN; (KPK) lagi."
    assert [m.span() for m in _written_runs(text, ["KPK"])] == [(0, 3), (40, 43)]
