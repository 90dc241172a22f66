"""The error classes found on the English pages of eval/real-id dev-extra-entities-9 (held out, then a
development set), on sentences written for the tests. A stand-in model (`Tagger`) tags the spans a
statistical model is known to get wrong, so that each test checks the rule and not the packaged CRF."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found


def test_a_housing_project_is_a_place() -> None:
    text = "Tenants of the Halloway Houses voted on Tuesday, and the Brindle Park Apartments will vote next."
    got = found(text, "en", Tagger({"Halloway Houses": "PER", "Brindle Park": "PER"}))
    assert {("Halloway Houses", "LOC"), ("Brindle Park Apartments", "LOC")} <= set(got)
    assert ("Halloway Houses", "PER") not in got


def test_an_airport_code_in_brackets_is_a_place() -> None:
    text = ("The carrier will fly from Denver (DEN) to Tulsa (TUL) and Pocatello (PIH). "
            "Flights leave DEN at noon. Analysts at the Kivu Defence Forces (KDF) disagreed.")
    got = found(text, "en", Tagger({"Denver": "GPE", "Tulsa": "GPE", "Pocatello": "PER",
                                    "Kivu Defence Forces": "ORG"}))
    assert {("DEN", "LOC"), ("TUL", "LOC"), ("PIH", "LOC"), ("Pocatello", "GPE")} <= set(got)
    assert [m for m in got if m == ("DEN", "LOC")] == [("DEN", "LOC")] * 2
    assert ("KDF", "LOC") not in got


def test_an_airport_named_by_two_towns_is_one_place() -> None:
    text = "Passengers waited at Fargo/Moorhead International Airport (FMH) for hours."
    got = found(text, "en", Tagger({"Fargo": "GPE", "Moorhead International Airport": "ORG"}))
    assert ("Fargo/Moorhead International Airport", "LOC") in got
    assert ("FMH", "LOC") in got
    assert ("Fargo", "GPE") not in got


def test_a_town_named_after_a_known_place_is_one_town() -> None:
    text = "Voters in Boston Heights chose a new mayor. Boston Heights Mayor Ada Kell conceded."
    got = found(text, "en", Tagger({"Heights": "PER", "Ada Kell": "PER"}))
    assert [m for m in got if m == ("Boston Heights", "GPE")] == [("Boston Heights", "GPE")] * 2
    assert ("Heights", "PER") not in got
    assert ("Boston", "GPE") not in got
