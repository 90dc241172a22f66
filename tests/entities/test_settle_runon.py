"""Two names run together across a missing separator (issue 11: "Brentford Thomas Frank", "TOBA Juli
Oktarina"), on sentences written for the tests. A stand-in model (`Tagger`) tags the run-on span, so
that each test checks the settling rule and not the packaged CRF."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found


def test_a_club_then_a_person_are_two_names() -> None:
    text = "Klub itu menunjuk mantan pelatih Fulham Marco Silva sebagai pengganti."
    got = found(text, model=Tagger({"Fulham Marco Silva": "ORG"}))
    assert ("Fulham", "ORG") in got and ("Marco Silva", "PER") in got
    assert ("Fulham Marco Silva", "ORG") not in got


def test_an_acronym_then_a_person_are_two_names() -> None:
    text = "Direktur BRMS Andi Saputra melaporkan laba naik. Andi menyebut BRMS tumbuh."
    got = found(text, model=Tagger({"BRMS Andi Saputra": "ORG"}))
    assert ("BRMS", "ORG") in got and ("Andi Saputra", "PER") in got


def test_a_team_named_after_its_country_then_a_person() -> None:
    text = "Gol itu menembus gawang kiper Timnas Belanda Marco Verbeek di babak kedua."
    got = found(text, model=Tagger({"Timnas Belanda Marco Verbeek": "ORG"}))
    assert ("Timnas Belanda", "ORG") in got and ("Marco Verbeek", "PER") in got


def test_a_glued_acronym_is_no_part_of_a_persons_name() -> None:
    text = "Wakil Ketua Komisi IIDPRRI Budi Santoso meminta polisi bertindak."
    got = found(text, model=Tagger({"IIDPRRI Budi Santoso": "PER"}))
    assert ("Budi Santoso", "PER") in got
    assert not any("IIDPRRI" in t for t, ty in got if ty == "PER")


def test_an_organisation_named_by_its_head_or_without_a_person_stays_whole() -> None:
    text = "Saham PT Blue Bird Tbk naik. Anak usaha Pertamina Patra Niaga menambah pasokan."
    got = found(text, model=Tagger({"PT Blue Bird Tbk": "ORG", "Pertamina Patra Niaga": "ORG"}))
    assert ("PT Blue Bird Tbk", "ORG") in got
    assert not [t for t, ty in got if ty == "PER"]  # "Patra Niaga" opens with no given name
