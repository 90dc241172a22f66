"""The error classes found on the third extra entity development set
(eval/real-id/dev-extra-entities-3), on sentences written for the tests. A stand-in model (`Tagger`)
tags the spans a statistical model is known to get wrong, so that each test checks the settling rule
and not the packaged CRF."""

from __future__ import annotations

from linimasa.link.entities import name_tokens
from tests.entities.test_settle import Tagger, found

# -- a person's name whose words a scraper glued together --------------------------------------------


def test_a_glued_full_name_after_a_title_is_the_person_as_written() -> None:
    text = "Gubernur itu bertemu MenteriAgusSetiawan kemarin. Agus lalu kembali ke kantornya."
    got = found(text, model=Tagger(Agus="PER"))
    assert ("AgusSetiawan", "PER") in got
    assert ("MenteriAgusSetiawan", "PER") not in got


def test_a_lower_case_word_glued_after_the_name_is_left_out() -> None:
    text = "Presiden PrancisEmmanuelMacronmengatakan hal itu. Macron tiba pagi tadi."
    got = found(text, model=Tagger({"PrancisEmmanuelMacronmengatakan": "PER", "Macron": "PER"}))
    assert ("EmmanuelMacron", "PER") in got
    assert not any(t.endswith("mengatakan") for t, _ in got)


def test_camel_case_brands_and_places_are_not_people() -> None:
    text = "Warga naik TransJakarta ke kantor lalu membuka YouTube dan membayar dengan GoPay di JakartaSelatan."
    got = found(text, model=Tagger())
    assert not any(ty == "PER" for _, ty in got)


def test_glued_name_words_link_as_the_words_they_are() -> None:
    assert name_tokens("PrabowoSubianto") == name_tokens("Prabowo Subianto")
    assert name_tokens("TNI") == ["tni"]


# -- a language is not a place -------------------------------------------------------------------------


def test_a_place_name_after_a_language_word_is_the_language_only_there() -> None:
    text = "Novel itu diterjemahkan ke bahasa Jepang lalu dijual di Jepang. Pemandu berbahasa Prancis ikut."
    got = found(text, model=Tagger())
    assert got.count(("Jepang", "GPE")) == 1
    assert ("Prancis", "GPE") not in got


# -- several words glued after a name ------------------------------------------------------------------


def test_several_frequent_words_glued_after_a_name_are_cut_off() -> None:
    text = "Kepala dinas itu, Budi Santosomengakuikebakarandi kawasan padat sulit dicegah."
    got = found(text, model=Tagger())
    assert ("Budi Santoso", "PER") in got
    assert not any(t.startswith("Budi Santosom") for t, _ in got)


def test_a_name_whose_ending_is_no_run_of_words_is_kept_whole() -> None:
    text = "Kepala dinas itu, Budi Permatasari, hadir."
    assert ("Budi Permatasari", "PER") in found(text, model=Tagger(Budi_Permatasari="PER"))
