"""English news rules (dev-extra-12 follow-up): each case is a sentence written for the rule."""

from __future__ import annotations

import datetime as dt

from linimasa.timex.tagger import tag


def _found(text: str, dct: dt.date, lang: str = "en") -> list[tuple[str, str]]:
    return [(f.timex.text, f.timex.value) for f in tag(text, lang, dct)]


def test_an_untensed_month_in_a_year_end_column_is_the_one_gone() -> None:
    """No tense word: the month before publication unless the coming one is much nearer."""
    dct = dt.date(2021, 12, 20)
    assert ("May", "2021-05") in _found("Remember the concert in May with the orchestra on the lawn.", dct)
    # a month just ahead stays the coming one
    assert ("February", "2022-02") in _found("The fair in February with its rides and music.", dct)
    # a future word still decides
    assert ("April", "2022-04") in _found("The orchestra will play again in April.", dct)
