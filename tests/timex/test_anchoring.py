"""Anaphoric expressions that restate a day the story told (rather than count from it once more)."""

from __future__ import annotations

import datetime as dt

from linimasa.timex.tagger import tag


def test_the_same_day_before_an_event_told_twice_is_one_day() -> None:
    text = ("The delegation flew out on 24 January. The aide said the day before the president departed, he "
            "was handed a sealed envelope. It was the first time he got an envelope the day before the departure.")
    found = [(f.timex.text, f.timex.value) for f in tag(text, "en", dt.date(2024, 2, 20))]
    assert found == [("24 January", "2024-01-24"), ("the day before", "2024-01-23"), ("the day before", "2024-01-23")]


def test_the_day_before_a_day_told_still_counts_back() -> None:
    text = "The talks ended on 24 January. The day before, the envoys met in secret."
    found = [(f.timex.text, f.timex.value) for f in tag(text, "en", dt.date(2024, 2, 20))]
    assert ("The day before", "2024-01-23") in found
