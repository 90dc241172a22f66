"""speed12n: the entities stage's faster paths give what the plain ones gave (sentences written here)."""

from __future__ import annotations

import re

import pytest

from linimasa.entities.recall import _occurrences, club_nicknames


def _by_pattern(text: str, name: str, glued_ok: bool = False) -> list[int]:
    """What `_occurrences` found with a pattern per name before speed12n."""
    before = r"(?<![A-Za-z0-9])" if not glued_ok else r"(?<![A-Z0-9])"
    after = r"(?![a-z0-9])" if name[-1:].islower() else r"(?![A-Za-z0-9])"
    return [m.start() for m in re.finditer(before + re.escape(name) + after, text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Budi Santoso datang. Kata Budi, BudiSantoso dan ABudi tidak.", "Budi"),
    ("ExpertBudi bertemu Budi2 dan Budi-Santoso (Budi).", "Budi"),
    ("UnitedImran menang; United1 kalah; United.", "United"),
    ("Sari Sari Sari", "Sari Sari"),  # after a match the search goes on from its end
    ("a.b a.b.c (a.b)", "a.b"),  # a name with a pattern character in it
    ("", "Budi"),
    ("Budi", ""),
])
def test_occurrences_finds_what_the_pattern_found(text: str, name: str) -> None:
    for glued_ok in (False, True):
        assert _occurrences(text, name, glued_ok) == _by_pattern(text, name, glued_ok)


def test_occurrences_after_a_small_letter_only_when_glue_is_allowed() -> None:
    text = "Pemain ExpertVishal dan Vishal"
    assert _occurrences(text, "Vishal") == [24]
    assert _occurrences(text, "Vishal", glued_ok=True) == [13, 24]


def test_a_sport_cue_inside_a_longer_word_makes_no_sport_article() -> None:
    # "gol" and "laga" are cues, written here only inside "golongan" and "berlaga"
    text = "The Gunners adalah nama grup musik dari golongan muda yang berlaga di festival."
    assert club_nicknames(text, [], "id") == []
    sport = text + " Mereka menonton laga itu."
    assert [(m.text, m.type) for m in club_nicknames(sport, [], "id")] == [("The Gunners", "ORG")]
