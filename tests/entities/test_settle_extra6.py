"""The error classes found on the sixth extra entity development set
(eval/real-id/dev-extra-entities-6), on sentences written for the tests. A stand-in model (`Tagger`)
tags the spans a statistical model is known to get wrong, so that each test checks the rule and not the
packaged CRF."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found

# -- English institutions: a legislature, a union, an association after a title ---------------------------


def test_a_title_before_an_institution_names_no_person() -> None:
    text = ("Jane Doe, general counsel of the Ohio State Nurses Association, spoke first. Later a policy "
            "adviser to the US Congress agreed.")
    got = found(text, "en", Tagger({"Ohio State Nurses Association": "ORG", "US Congress": "LOC"}))
    assert ("Ohio State Nurses Association", "ORG") in got
    assert ("US Congress", "ORG") in got
    assert not {t for t, ty in got if ty == "PER"} & {"Nurses Association", "Congress", "State Nurses Association"}


def test_an_english_union_of_a_state_is_one_name() -> None:
    text = "The National Farmers Union of Ohio has filed a complaint against the rule."
    got = found(text, "en", Tagger({"The National Farmers Union of Ohio": "ORG"}))
    assert ("National Farmers Union of Ohio", "ORG") in got
    assert not {t for t, _ in got} & {"Union of Ohio", "National Farmers", "Ohio"}
