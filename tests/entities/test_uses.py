"""Indonesian readings of a name by the words around it (linimasa.entities.uses), on sentences written
for the tests (not from any gold set). A stand-in model (`Tagger`) tags what the statistical model is
known to get wrong, so that each test checks the rule and not the packaged CRF."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found


def test_a_name_cut_after_a_lower_case_letter_is_a_product() -> None:
    text = ("Pengguna di Medan kini bisa memasang iOS 19 di ponselnya. Pembaruan iOS 19 itu dirilis "
            "perusahaan, kata Budi Santoso.")
    got = found(text, model=Tagger(OS_19="ORG", Medan="GPE", Budi_Santoso="PER"))
    names = {t for t, _ in got}
    assert "OS 19" not in names
    assert {"Medan", "Budi Santoso"} <= names


def test_a_name_glued_after_a_word_and_one_letter_is_a_product_but_not_after_di() -> None:
    text = "Perusahaan itu memperkenalkaneKTP 5 kepada warga. Ia melapor diKPK pada Senin."
    got = found(text, model=Tagger(KTP_5="ORG", KPK="ORG"), open_glue=False)
    names = {t for t, _ in got}
    assert "KTP 5" not in names
    assert "KPK" in names


def test_a_batak_family_name_after_a_given_name_ends_the_person() -> None:
    text = "Kanit Reskrim Bripka Rudi Samosir mengatakan pelaku ditangkap di Medan."
    got = found(text, model=Tagger(Rudi="PER", Samosir="GPE", Medan="GPE"))
    assert ("Rudi Samosir", "PER") in got
    assert ("Samosir", "GPE") not in got


def test_the_word_after_menko_is_a_portfolio() -> None:
    text = "Ia menyinggung nama Menko Polkam, Djamari Chaniago, dalam pertemuan di Bandung."
    got = found(text, model=Tagger(Polkam="PER", Djamari_Chaniago="PER"))
    names = {t for t, _ in got}
    assert "Polkam" not in names
    assert "Djamari Chaniago" in names


def test_initials_with_an_age_or_a_suspects_word_are_a_person_everywhere() -> None:
    text = ("Polisi menangkap RT (31) di Bogor karena menipu korban JS (40). Pelaku RT mengaku kenal "
            "dengan korban JS sejak lama.")
    got = found(text, model=Tagger(JS="ORG", Bogor="GPE"))
    assert got.count(("RT", "PER")) == 2
    assert got.count(("JS", "PER")) == 2
    assert ("JS", "ORG") not in got


def test_unknown_aged_initials_are_the_person_in_a_bare_mention() -> None:
    text = "Warga menangkap RQ (27) di pasar. Setelah diperiksa, RQ mengakui perbuatannya kepada polisi."
    got = found(text, model=Tagger())
    assert got.count(("RQ", "PER")) == 2


def test_a_police_unit_before_its_office_is_one_organisation_but_a_role_is_not() -> None:
    text = ("Kasus itu ditangani Satlantas Polres Garut sejak pekan lalu, kata Kapolres Garut AKBP Budi "
            "Hartono. Satlantas Polres Garut memeriksa dua saksi.")
    got = found(text, model=Tagger(Budi_Hartono="PER"))
    assert got.count(("Satlantas Polres Garut", "ORG")) == 2
    assert ("Satlantas", "ORG") not in got
    assert ("Kapolres Garut", "ORG") not in got


def test_kapolres_metro_names_the_place_of_the_police() -> None:
    text = "Kapolres Metro Jakarta Barat Kombes Budi Hartono mengatakan pelaku ditangkap kemarin."
    got = found(text, model=Tagger(Metro_Jakarta_Barat="ORG", Budi_Hartono="PER"))
    assert ("Jakarta Barat", "GPE") in got
    assert ("Metro Jakarta Barat", "ORG") not in got


def test_a_street_with_its_city_after_it_is_two_mentions_unless_the_road_is_named_so() -> None:
    text = ("Rumah itu berada di Jalan Sisingamangaraja Raya Medan. Toko lain di Jalan Gatot Subroto Medan "
            "juga tutup.")
    got = found(text, model=Tagger(Jalan_Gatot_Subroto_Medan="LOC", Jalan_Sisingamangaraja_Raya_Medan="LOC"))
    assert ("Jalan Gatot Subroto", "LOC") in got and ("Medan", "GPE") in got
    assert ("Jalan Sisingamangaraja Raya Medan", "LOC") in got


def test_a_name_after_kantor_berita_is_an_organisation() -> None:
    text = "Menurut kantor berita pemerintah Halkara, balon itu jatuh di dekat Kayseri."
    got = found(text, model=Tagger(Halkara="PER", Kayseri="GPE"))
    assert ("Halkara", "ORG") in got


def test_a_ticket_suite_is_a_product() -> None:
    text = "Harga tiket Royal Suite mencapai Rp 10 juta, kata panitia di Surabaya."
    got = found(text, model=Tagger(Royal_Suite="PER", Surabaya="GPE"))
    assert ("Royal Suite", "PER") not in got


def test_an_app_store_is_a_platform_and_its_company_no_mention_there() -> None:
    text = "Gim itu masuk daftar unggulan Google Play tahun lalu, sementara Google melapor ke regulator di Jakarta."
    got = found(text, model=Tagger(Google_Play="ORG", Google="ORG"))
    assert got.count(("Google", "ORG")) == 1  # the company in "Google melapor" only
    assert ("Google Play", "ORG") not in got


def test_a_known_party_with_a_count_in_brackets_is_no_person() -> None:
    text = "Kursi DPR dibagi antara PDIP (11), Golkar (10) dan PKB (8), kata pengamat di Jakarta."
    got = found(text)
    assert ("PKB", "PER") not in got and ("PDIP", "PER") not in got


def test_a_name_between_a_company_role_and_its_holder_is_the_organisation() -> None:
    text = "CEO Kriptoku, Andi Wibowo mengatakan pasar sedang lesu di Jakarta."
    got = found(text, model=Tagger(Kriptoku="PER", Andi_Wibowo="PER"))
    assert ("Kriptoku", "ORG") in got and ("Andi Wibowo", "PER") in got


def test_a_creed_of_the_police_is_no_organisation_but_a_body_named_after_it_is() -> None:
    """(resources/id/not_entities.txt, read by settle.py: a creed is listed, not a word around it.)"""
    text = ("Anggota Polres Sleman diminta menjunjung nilai-nilai Tribrata dalam bertugas. Semangat Tribrata "
            "dibahas pula oleh Yayasan Tribrata Mulia di Sleman.")
    got = found(text, model=Tagger(Tribrata="ORG", Yayasan_Tribrata_Mulia="ORG", Polres_Sleman="ORG"))
    assert ("Tribrata", "ORG") not in got
    assert ("Yayasan Tribrata Mulia", "ORG") in got


def test_a_place_name_before_a_family_name_is_a_persons_given_name() -> None:
    # (storyent) a city's name as a given name ("Roma Sinaga"): the person, and "Roma" alone is the
    # person's short name, except after a locative word ("di Roma": the city)
    text = ("Kepala Bagian Umum Roma Sinaga menjelaskan anggaran naik. \"Kami hemat,\" ujar Roma. "
            "Ia pernah belajar di Roma.")
    got = found(text, model=Tagger(Sinaga="PER"))
    assert ("Roma Sinaga", "PER") in got
    assert [t for t in got if t[0] == "Roma"] == [("Roma", "PER"), ("Roma", "GPE")]


def test_a_place_before_a_family_name_stays_a_place_after_a_place_word() -> None:
    text = "Banjir melanda Kabupaten Toba Samosir dan Kota Medan Siregar pekan lalu."
    got = found(text, model=Tagger())
    assert not any(t == "PER" for _, t in got)
