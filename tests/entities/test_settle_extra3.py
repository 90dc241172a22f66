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


# -- indicators, generic terms and a meeting before a company's ticker ----------------------------------


def test_the_stock_index_and_an_ipo_are_not_organisations() -> None:
    text = "Indeks Harga Saham Gabungan (IHSG) menguat. Perusahaan itu menyiapkan IPO tahun depan."
    got = found(text, model=Tagger(Harga_Saham_Gabungan="ORG", IPO="ORG"))
    assert not {t for t, _ in got} & {"Harga Saham Gabungan", "Indeks Harga Saham Gabungan", "IPO", "IHSG"}


def test_a_meeting_word_before_a_ticker_is_left_out_but_a_hospital_name_is_kept() -> None:
    got = found("Perseroan menggelar RUPS ABCD pekan ini di Surabaya.", model=Tagger(RUPS_ABCD="ORG"))
    assert ("ABCD", "ORG") in got
    got = found("Pasien dirujuk ke RS Harapan Kita kemarin.", model=Tagger(RS_Harapan_Kita="LOC"))
    assert ("RS Harapan Kita", "LOC") in got


# -- a capitalised particle before a person's name ------------------------------------------------------


def test_a_capitalised_particle_before_a_person_is_part_of_the_name() -> None:
    got = found("Penyanyi itu menghadiri pesta ulang tahun Al Farisi di Bandung.", model=Tagger(Farisi="PER"))
    assert ("Al Farisi", "PER") in got
    got = found("Kota Bandung dan Farisi tidak berhubungan.", model=Tagger(Farisi="PER"))
    assert ("Farisi", "PER") in got


def test_holidays_and_a_tournament_group_are_not_entities() -> None:
    got = found("Warga libur pada Labor Day, sementara tim itu lolos dari Grup B di Jakarta.",
                model=Tagger(Labor="GPE", Grup_B="LOC"))
    assert not {t for t, _ in got} & {"Labor", "Labor Day", "Grup B"}
    assert ("Jakarta", "GPE") in got
