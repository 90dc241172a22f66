"""The error classes found on the fourth extra entity development set
(eval/real-id/dev-extra-entities-4), on sentences written for the tests. A stand-in model (`Tagger`)
tags the spans a statistical model is known to get wrong, so that each test checks the settling rule
and not the packaged CRF."""

from __future__ import annotations

from linimasa.entities.settle import _local_place_names
from linimasa.link.entities import link
from linimasa.model import Article, Mention
from tests.entities.test_settle import Tagger, found

# -- a title, a compass word or a people is no place ---------------------------------------------------


def test_a_title_a_compass_word_and_a_plural_demonym_are_no_places() -> None:
    text = ("Queen Margaret opened the session. The Queen's address was short. The North African envoys "
            "and Ugandans in Kampala listened.")
    got = found(text, "en", Tagger(Queen="GPE", North="GPE", Ugandans="GPE", Kampala="GPE"))
    assert ("Kampala", "GPE") in got
    assert not {t for t, ty in got if ty in ("GPE", "LOC")} & {"Queen", "North", "Ugandans"}


def test_a_town_on_the_gazetteer_named_like_a_compass_word_is_no_place_alone() -> None:
    text = "The South Korean delegation met officials in Seoul."
    got = found(text, "en", Tagger(South="GPE", Seoul="GPE"))
    assert ("Seoul", "GPE") in got
    assert ("South", "GPE") not in got


# -- stock indices, a car-free morning -----------------------------------------------------------------


def test_stock_indices_and_car_free_day_are_not_entities() -> None:
    text = ("Indeks Hang Seng melemah dan Straits Times Index menguat. Warga Bekasi menikmati CFD di "
            "Jalan Ahmad Yani.")
    got = found(text, model=Tagger({"Hang Seng": "PER", "Straits Times Index": "ORG", "CFD": "ORG"}))
    names = {t for t, _ in got}
    assert not names & {"Hang Seng", "Straits Times Index", "CFD"}


# -- glue and conjunctions across two names --------------------------------------------------------------


def test_a_short_word_glued_before_a_units_head_ends_the_name() -> None:
    text = "Abu vulkanik dari erupsiGunung Semerudi Kabupaten Lumajang mengganggu penerbangan."
    got = found(text, model=Tagger({"Gunung Semerudi Kabupaten Lumajang": "LOC"}))
    assert ("Gunung Semeru", "LOC") in got
    assert ("Kabupaten Lumajang", "GPE") in got


def test_two_names_across_dan_are_two_where_the_second_opens_a_name() -> None:
    text = ("Acara digelar Yayasan Harapan Bangsa dan PGRI Sleman di sekolah itu. Pawai lewat Jalan Kaliurang "
            "dan Gejayan. Badan Riset dan Inovasi Nasional ikut hadir.")
    got = found(text, model=Tagger({"Yayasan Harapan Bangsa dan PGRI Sleman": "ORG",
                                    "Jalan Kaliurang dan Gejayan": "LOC",
                                    "Badan Riset dan Inovasi Nasional": "ORG"}))
    assert ("Yayasan Harapan Bangsa", "ORG") in got and ("PGRI Sleman", "ORG") in got
    assert ("Jalan Kaliurang", "LOC") in got and ("Gejayan", "LOC") in got
    assert ("Badan Riset dan Inovasi Nasional", "ORG") in got


# -- places named by their kind first ----------------------------------------------------------------------


def test_a_place_named_by_its_kind_first_is_one_place() -> None:
    text = ("Lomba lari dimulai dari Balai Kota Malang, melewati Jalan Ijen Boulevard dan berakhir di Kebun Raya "
            "Purwodadi.")
    got = found(text, model=Tagger({"Balai": "GPE", "Kota Malang": "GPE", "Jalan Ijen": "LOC",
                                    "Kebun Raya": "LOC", "Purwodadi": "GPE"}))
    assert ("Balai Kota Malang", "LOC") in got
    assert ("Jalan Ijen Boulevard", "LOC") in got
    assert ("Kebun Raya Purwodadi", "LOC") in got


# -- districts and villages beside their regency -----------------------------------------------------------


def test_a_district_named_beside_its_regency_is_a_gpe() -> None:
    assert "Bayat" in _local_place_names("id")["33.10"]  # Kabupaten Klaten
    text = "Banjir merendam rumah warga di Bayat, Klaten. Camat meminta warga waspada."
    got = found(text, model=Tagger(Bayat="LOC"))
    assert ("Bayat", "GPE") in got


def test_a_district_written_with_a_space_the_list_does_not_have_is_still_a_gpe() -> None:
    assert "Karanganom" in _local_place_names("id")["33.10"]  # Kabupaten Klaten
    text = "Jalan desa di Karang Anom, Klaten, rusak parah. Warga meminta perbaikan."
    got = found(text, model=Tagger(Karang_Anom="LOC"))
    assert ("Karang Anom", "GPE") in got


def test_a_district_name_without_its_regency_is_left_as_the_model_said() -> None:
    text = "Toko kerajinan Bayat ramai dikunjungi wisatawan pada akhir pekan."
    got = found(text, model=Tagger(Bayat="ORG"))
    assert ("Bayat", "ORG") in got


# -- types from use ---------------------------------------------------------------------------------------


def test_initials_with_an_age_are_a_person_an_office_visited_is_a_place() -> None:
    text = ("Polisi menangkap dua tersangka berinisial RK (31) dan TW (27). Mereka dibawa ke Kantor BNN "
            "Sleman untuk diperiksa.")
    got = found(text, model=Tagger(RK="ORG", TW="ORG", **{"Kantor BNN Sleman": "ORG"}))
    assert ("RK", "PER") in got and ("TW", "PER") in got
    assert ("Kantor BNN Sleman", "LOC") in got


def test_an_english_institution_word_is_an_organisation() -> None:
    text = "The Treasury said the Commons would vote on Tuesday."
    got = found(text, "en", Tagger(Treasury="GPE", Commons="GPE"))
    assert ("Treasury", "ORG") in got and ("Commons", "ORG") in got


def test_a_ministers_short_title_introduces_a_person() -> None:
    text = "Wamenkes Budi Santoso meninjau rumah sakit. Wamenkes meminta antrean dipangkas."
    got = found(text, model=Tagger({"Wamenkes Budi Santoso": "PER", "Wamenkes": "PER"}))
    assert ("Budi Santoso", "PER") in got
    assert not any(t.startswith("Wamenkes") for t, _ in got)


def test_world_war_is_an_event() -> None:
    got = found("He served in World War II before moving to Leeds.", "en", Tagger())
    assert ("World War II", "EVT") in got


# -- linking: a club named after a city keeps its type ---------------------------------------------------


def test_a_club_named_after_a_foreign_city_is_not_keyed_to_the_city() -> None:
    text = "Pelatih Napoli memuji pemainnya. Napoli menang 2-0 di laga liga."
    art = Article(id="a1", source="test", text=text, language="id")
    art.mentions = [Mention(8, 14, "Napoli", "ORG", source="rule"), Mention(33, 39, "Napoli", "ORG", source="rule")]
    assert [r.type for r in link([art]).records] == ["ORG"]
    art.mentions = [Mention(8, 14, "Napoli", "GPE", source="model")]  # the city itself keeps its entry
    assert [r.gaz_id for r in link([art]).records] == ["city:naples"]


def test_a_one_word_name_before_a_country_is_its_national_arm() -> None:
    text = "Shopee Indonesia mencatat kenaikan transaksi. Menurut Shopee, pembeli bertambah."
    got = found(text, model=Tagger(Shopee="PER"))
    assert ("Shopee Indonesia", "ORG") in got
    assert ("Indonesia", "GPE") not in got


def test_a_regional_agency_by_its_short_name_is_an_organisation_with_its_seat() -> None:
    text = "Petugas Dishub Kota Bekasi mengatur lalu lintas. Menurut Dinkes, warga diminta waspada."
    got = found(text, model=Tagger())
    assert ("Dishub Kota Bekasi", "ORG") in got
    assert ("Dinkes", "ORG") in got


def test_a_nationality_before_a_persons_name_is_no_part_of_it() -> None:
    text = "Dutchman Pieter Vos beat Frenchman Luc Moreau in the second round."
    got = found(text, "en", Tagger({"Dutchman Pieter Vos": "PER", "Frenchman Luc Moreau": "PER"}))
    assert ("Pieter Vos", "PER") in got and ("Luc Moreau", "PER") in got


def test_the_gaza_strip_is_a_place_with_a_government() -> None:
    got = found("Bantuan kemanusiaan masuk ke Jalur Gaza melalui Rafah.", model=Tagger())
    assert ("Jalur Gaza", "GPE") in got
