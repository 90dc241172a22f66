"""The word-list alternation the stages build patterns from."""

from __future__ import annotations

import re

from linimasa.text.patterns import alternation


def test_the_longest_word_wins_and_a_space_matches_any_run_of_spaces():
    pattern = re.compile(rf"(?:{alternation(['dua', 'dua puluh', 'a.b'])})")
    assert pattern.match("dua  puluh orang").group(0) == "dua  puluh"
    assert pattern.fullmatch("a.b") and not pattern.fullmatch("axb")
