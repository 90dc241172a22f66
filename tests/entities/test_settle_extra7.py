"""Error classes found by reading the output on unannotated news (not the gold sets), on sentences
written for the tests. A stand-in model (`Tagger`) tags what a statistical model is known to get
wrong, so that each test checks the settling rule and not the packaged CRF."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found

# -- an acronym the article spells out in lower case abbreviates a common noun ------------------


def test_an_acronym_defined_by_lower_case_words_is_no_entity() -> None:
    text = ("Lapak pedagang kaki lima (PKL) memenuhi trotoar di Bekasi. Petugas menertibkan PKL itu, "
            "sementara KPK menyidik kasus tindak pidana pencucian uang (TPPU) dan memanggil saksi TPPU.")
    got = found(text, model=Tagger(PKL="ORG", TPPU="ORG", KPK="ORG"))
    names = {t for t, _ in got}
    assert not names & {"PKL", "TPPU"}
    assert "KPK" in names and "Bekasi" in names


def test_words_after_the_acronym_and_skipped_function_words_spell_it_too() -> None:
    text = ("Penularan PMS (penyakit menular seksual) meningkat. Laporan dikirim ke unit kerja pada "
            "perangkat daerah (UKPD) masing-masing, kata Dinas Kesehatan Jakarta.")
    got = found(text, model=Tagger(PMS="ORG", UKPD="ORG"))
    names = {t for t, _ in got}
    assert not names & {"PMS", "UKPD"}


def test_an_organisation_written_in_lower_case_keeps_its_acronym() -> None:
    # an organisation word in the words ("komisi") keeps the acronym, capitalised or not
    text = "Penyidik komisi pemberantasan korupsi (KPK) memeriksa saksi di Jakarta."
    got = found(text, model=Tagger(KPK="ORG"))
    assert ("KPK", "ORG") in got


def test_capitalised_words_that_spell_an_acronym_are_left_to_the_other_rules() -> None:
    text = "Badan Pengawas Obat dan Makanan (BPOM) menarik produk itu dari pasar di Surabaya."
    got = found(text, model=Tagger(BPOM="ORG"))
    assert ("BPOM", "ORG") in got


# -- shows, conferences, opens and masters are events ------------------------------------------


def test_a_name_ending_in_a_held_events_word_is_an_event() -> None:
    text = ("Mobil itu dipesan di Tokyo Motor Show (TMS) tahun lalu. Ia juara di Thailand Masters dan "
            "Taipei Open 2025, lalu pulang ke Jakarta. Tim itu tampil di TMS lagi.")
    got = found(text, model=Tagger(Tokyo_Motor_Show="ORG", Thailand_Masters="ORG", Taipei="GPE"))
    assert ("Tokyo Motor Show", "EVT") in got
    assert got.count(("TMS", "EVT")) == 2  # the acronym it defines is the same event
    assert ("Thailand Masters", "EVT") in got
    assert ("Taipei Open 2025", "EVT") in got  # two events across "dan", each with its own word
    assert ("Jakarta", "GPE") in got


def test_a_room_named_after_an_event_word_is_no_event() -> None:
    got = found("Rapat digelar di Gedung Expo, Jakarta.", model=Tagger())
    assert not [t for t, ty in got if ty == "EVT"]


# -- a capitalised name of a thing (a credit scheme, a virus, a technique) is no organisation -----


def test_a_capitalised_name_of_a_thing_and_its_acronym_are_no_entities() -> None:
    text = ("Peternak di Boyolali mengajukan Kredit Usaha Rakyat (KUR) ke bank. Penyaluran KUR naik. "
            "Dinas Kesehatan mencatat kasus Human Immunodeficiency Virus (HIV) naik; HIV menyerang remaja.")
    got = found(text, model=Tagger(KUR="ORG", Human_Immunodeficiency_Virus="ORG", HIV="ORG"))
    names = {t for t, _ in got}
    assert not names & {"KUR", "Kredit Usaha Rakyat", "Human Immunodeficiency Virus", "HIV"}
    assert "Boyolali" in names


def test_a_product_edition_or_mode_is_no_organisation() -> None:
    text = "Yamaha memamerkan F1ZR Limited Edition dan fitur HYROX Race Mode di Jakarta."
    got = found(text, model=Tagger(F1ZR_Limited_Edition="ORG", HYROX_Race_Mode="ORG", Yamaha="ORG"))
    names = {t for t, _ in got}
    assert not names & {"F1ZR Limited Edition", "HYROX Race Mode"}
    assert "Yamaha" in names


# -- a given name written in capitals at an article's start still opens a person's name ---------


def test_a_capitalised_given_name_opening_a_person_keeps_the_person() -> None:
    text = "REZA Arya Pratama gagal debut, tetapi LRT Jabodebek tetap melayani penumpang."
    got = found(text, model=Tagger(REZA_Arya_Pratama="PER", LRT_Jabodebek="PER"))
    assert ("REZA Arya Pratama", "PER") in got
    assert ("LRT Jabodebek", "ORG") in got  # an acronym that is no given name still makes an organisation


def test_an_acronym_a_role_defines_is_no_entity() -> None:
    text = "Hal itu diungkapkan Chief Operating Officer (COO) Danantara Dony Oskaria. COO itu optimistis."
    got = found(text, model=Tagger(COO="PER", Danantara="ORG"))
    assert "COO" not in {t for t, _ in got}
    assert ("Danantara", "ORG") in got


# -- a firm's last word makes a company; a work after "berjudul" is no entity ---------------------


def test_a_place_ending_in_a_firms_word_is_a_company() -> None:
    text = "Penjamin emisi adalah Henan Putihrai Sekuritas dan Lola Cars ikut dalam tim itu di Jakarta."
    got = found(text, model=Tagger(Henan_Putihrai_Sekuritas="LOC", Lola_Cars="LOC"))
    assert ("Henan Putihrai Sekuritas", "ORG") in got
    assert ("Lola Cars", "ORG") in got


def test_a_title_after_berjudul_is_a_work() -> None:
    text = "Ia membintangi film horor berjudul Kampung Jabang Mayit yang syuting di Bandung."
    got = found(text, model=Tagger(Kampung_Jabang_Mayit="LOC"))
    assert "Kampung Jabang Mayit" not in {t for t, _ in got}


def test_a_circuit_or_a_velodrome_is_a_place() -> None:
    text = "Balapan digelar di Jakarta International E-Prix Circuit, Ancol, Jakarta Utara."
    got = found(text, model=Tagger({"Jakarta International E-Prix Circuit": "ORG"}))
    assert ("Jakarta International E-Prix Circuit", "LOC") in got


# -- a frequent word capitalised in a heading is no organisation ---------------------------------


def test_a_common_word_the_article_also_writes_in_lower_case_is_no_organisation() -> None:
    text = ("Webinar itu membahas HIV pada Remaja. Menurut Tempo, jumlah remaja yang tertular naik "
            "dan data tempo hari belum lengkap.")
    got = found(text, model=Tagger(Remaja="ORG", Tempo="ORG"))
    names = {t for t, _ in got}
    assert "Remaja" not in names
    assert "Tempo" in names  # an outlet, though "tempo" is a word too


def test_a_model_of_a_product_line_is_no_organisation() -> None:
    text = "Laptop Advan Soulmate Plus memakai prosesor Intel Core Ultra; Intel berkantor di Santa Clara."
    got = found(text, model=Tagger(Advan_Soulmate_Plus="ORG", Intel_Core_Ultra="ORG"))
    names = {t for t, _ in got}
    assert not names & {"Advan Soulmate Plus", "Intel Core Ultra"}


def test_god_and_the_honorifics_after_holy_names_are_no_entities() -> None:
    text = "Berkat dari Allah SWT. Rasulullah SAW menganjurkan puasa, kata ustaz itu di Bandung."
    got = found(text, model=Tagger(Allah_SWT="ORG", SAW="PER"))
    names = {t for t, _ in got}
    assert not names & {"Allah SWT", "SAW"}
    assert "Bandung" in names


# -- "Deputi" is a position: the organisation after it is the mention ------------------------------


def test_a_deputys_title_is_no_part_of_the_organisation() -> None:
    text = ("Hal itu disampaikan Deputi Komunikasi BPJS Ketenagakerjaan di Jakarta. \"Sudah selesai,\" "
            "ujar Deputi bidang Koordinasi itu.")
    got = found(text, model=Tagger(BPJS_Ketenagakerjaan="ORG"))
    assert ("BPJS Ketenagakerjaan", "ORG") in got
    assert not [t for t, _ in got if t.startswith("Deputi")]


# -- a slash pair is two of a kind --------------------------------------------------------------


def test_a_name_across_a_slash_from_a_person_is_a_person() -> None:
    text = "Pelatih itu pernah membawa Greysia Polii/Apriyani Rahayu juara. Perang di Gaza/Palestina berlanjut."
    got = found(text, model=Tagger(Greysia_Polii="PER", Apriyani_Rahayu="ORG", Gaza="GPE", Palestina="GPE"))
    assert ("Apriyani Rahayu", "PER") in got
    assert ("Palestina", "GPE") in got


def test_holidays_and_bare_years_are_no_events() -> None:
    text = "Arus mudik menjelang Lebaran padat. Pekan Raya Jakarta (PRJ) 2025 dibuka di Kemayoran."
    got = found(text, model=Tagger(Lebaran="EVT"))
    names = {t for t, ty in got if ty == "EVT"}
    assert "Lebaran" not in names
    assert "2025" not in names


def test_a_one_word_event_before_an_event_is_its_stage() -> None:
    text = "Indonesia lolos ke babak keempat Kualifikasi Piala Dunia 2026 zona Asia."
    got = found(text, model=Tagger(Kualifikasi="EVT"))
    assert ("Kualifikasi", "EVT") not in got
    assert ("Piala Dunia 2026", "EVT") in got


def test_credentials_after_a_name_are_no_organisations() -> None:
    text = "Dr. Hans Tandra, Sp.PD-KEMD, Ph.D, FINASIM, FACE, FACP menyatakan bahwa KPK, BPK dan BRI setuju."
    got = found(text, model=Tagger(FINASIM="ORG", FACE="ORG", FACP="ORG", KPK="ORG", BPK="ORG", BRI="ORG"))
    names = {t for t, _ in got}
    assert not names & {"FINASIM", "FACE", "FACP"}
    assert {"KPK", "BPK", "BRI"} <= names  # a list of acronyms with no degree before it stays


def test_a_token_that_is_a_word_is_not_cut_as_glue() -> None:
    got = found("Saham PT Bank Mandiri Tbk naik tajam hari ini.", model=Tagger())
    assert ("PT Bank Mandiri Tbk", "ORG") in got


def test_a_team_named_by_its_task_is_no_organisation() -> None:
    text = "Warga menghubungi Tim Pemadam Kebakaran, lalu Tim Nasional Indonesia berlatih di Jakarta."
    got = found(text, model=Tagger(Tim_Pemadam_Kebakaran="ORG", Tim_Nasional_Indonesia="ORG"))
    names = {t for t, _ in got}
    assert "Tim Pemadam Kebakaran" not in names
    assert "Tim Nasional Indonesia" in names
