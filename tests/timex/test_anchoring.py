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


def test_a_date_and_a_clock_on_separate_lines_are_two_expressions() -> None:
    """A date heading over a time-table line: two expressions, the clock on the day above it."""
    text = "Berikut jadwalnya.\nSabtu, 14 Juni 2025\nPukul 07.30 WIB: Pembukaan\nPukul 13.00 WIB: Lomba"
    found = [(f.timex.text, f.timex.value) for f in tag(text, "id", dt.date(2025, 6, 12))]
    assert found[0] == ("Sabtu, 14 Juni 2025", "2025-06-14")
    assert ("Pukul 07.30 WIB", "2025-06-14T07:30") in found
    # on one line they are one expression, as before
    one = [(f.timex.text, f.timex.value) for f in tag("Sabtu, 14 Juni 2025 pukul 07.30 WIB", "id")]
    assert one == [("Sabtu, 14 Juni 2025 pukul 07.30 WIB", "2025-06-14T07:30")]
