"""Precision rules of `linimasa.entities.precision`, found by reading the output on unannotated news
(not the gold sets), on sentences written for the tests. A stand-in model (`Tagger`) tags what a
statistical model is known to get wrong, so that each test checks the rule and not the packaged CRF."""

from __future__ import annotations

from linimasa.entities.precision import _titled_name_then_person, common_noun_acronyms
from linimasa.entities.settle import _lists
from linimasa.model import Mention
from linimasa.text.gazetteer import load_gazetteer
from tests.entities.test_settle import Tagger, found

# -- an acronym in brackets after a lower-case word abbreviates a common noun -----------------------


def test_an_acronym_after_lower_case_words_that_do_not_spell_it_is_no_entity() -> None:
    text = ("Proyek itu menyediakan gas alam cair (LNG) bagi pembangkit di Nias. Produksi minyak mencapai "
            "158 ribu barel per hari (MBOPD), kata Pertamina. Pasokan LNG naik tahun ini.")
    got = found(text, model=Tagger(LNG="ORG", MBOPD="ORG", Pertamina="ORG", Nias="GPE"))
    names = {t for t, _ in got}
    assert not names & {"LNG", "MBOPD"}
    assert "Pertamina" in names and "Nias" in names


def test_an_acronym_the_article_also_defines_by_a_name_is_kept() -> None:
    text = ("Pameran Gaikindo Indonesia International Auto Show (GIIAS) dibuka di Tangerang. "
            "Pameran di Shanghai empat kali lipat pameran (GIIAS) kita, katanya.")
    got = found(text, model=Tagger(GIIAS="EVT"))
    assert ("GIIAS", "EVT") in got


def test_a_function_word_before_the_bracket_keeps_the_acronym() -> None:
    text = "Karena di dalam (SUGBK) akan dipasang tenda. Gas alam cair (LNG) dipasok dari Bontang."
    stop = frozenset({"di", "dalam"})
    assert common_noun_acronyms(text, load_gazetteer(), stop) == {"LNG"}


# -- an acronym inside the number of a case or a letter is part of the code ------------------------


def test_an_acronym_inside_a_case_or_letter_number_is_no_organisation() -> None:
    text = ("Gugatan didaftarkan dengan register perkara 215/PDT.G/2018/PN.JKT.PST. di Jakarta. "
            "Kemenko Perekonomian mengirim surat Nomor PI.02.03/105A/M.EKON/04/2025 kepada BPN.")
    got = found(text, model=Tagger(PN="ORG", EKON="ORG", BPN="ORG"))
    names = {t for t, _ in got}
    assert not names & {"PN", "EKON"}
    assert "BPN" in names


def test_a_slash_between_names_is_no_code() -> None:
    text = "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional (ATR/BPN) menerbitkan panduan."
    got = found(text, model=Tagger(BPN="ORG"))
    assert ("Badan Pertanahan Nasional", "ORG") in got


# -- the credentials after a person's name are not organisations ------------------------------------


def test_credentials_after_a_name_are_not_organisations() -> None:
    text = ("“Otot butuh protein,” kata Kathleen Garcia-Benson, RDN, CSSD, LD, NASM-CPT yang bekerja di Miami. "
            "Hal itu disampaikan Lisa Mastela, MPH, pendiri Bumpin Blends, di Jakarta.")
    got = found(text, model=Tagger({"Kathleen Garcia-Benson": "PER", "Lisa Mastela": "PER"}, CSSD="ORG",
                                   LD="ORG", MPH="ORG", Bumpin_Blends="ORG"))
    names = {t for t, _ in got}
    assert not names & {"CSSD", "LD", "NASM-CPT", "MPH"}
    assert {"Kathleen Garcia-Benson", "Lisa Mastela"} <= names


def test_organisations_listed_after_a_person_stay() -> None:
    text = "Rapat itu dihadiri Budi Santoso, KPK, dan Polri. Kerja sama dengan Budi Santoso, OJK akan memantau."
    got = found(text, model=Tagger({"Budi Santoso": "PER"}, KPK="ORG", OJK="ORG"))
    assert ("KPK", "ORG") in got and ("OJK", "ORG") in got


# -- English names of ratios, checks, features and programmes in Indonesian articles are things -------


def test_english_concept_names_and_their_acronyms_are_not_organisations() -> None:
    text = ("Bank itu menjaga Capital Adequacy Ratio (CAR) di atas 20 persen, kata OJK. Program Transit Oriented "
            "Development (TOD) dibangun di Jakarta. Nilai CAR naik.")
    got = found(text, model=Tagger({"Capital Adequacy Ratio": "ORG", "Transit Oriented Development": "ORG"},
                                   CAR="ORG", TOD="ORG", OJK="ORG"))
    names = {t for t, _ in got}
    assert not names & {"Capital Adequacy Ratio", "CAR", "Transit Oriented Development", "TOD"}
    assert "OJK" in names


def test_a_class_of_citizens_is_no_organisation() -> None:
    text = "Penerima bantuan adalah Warga Negara Indonesia (WNI) yang terdaftar di BPJS Ketenagakerjaan."
    got = found(text, model=Tagger({"Warga Negara Indonesia": "ORG", "BPJS Ketenagakerjaan": "ORG"}, WNI="ORG"))
    names = {t for t, _ in got}
    assert not names & {"Warga Negara Indonesia", "WNI"}
    assert "BPJS Ketenagakerjaan" in names


def test_an_english_article_keeps_an_agency_named_for_development() -> None:
    text = "The Department of Housing and Urban Development said on Monday it would review the rule."
    got = found(text, "en", model=Tagger({"Department of Housing and Urban Development": "ORG"}))
    assert ("Department of Housing and Urban Development", "ORG") in got


# -- Indonesian names of countries and nations the derived gazetteer lacks ----------------------------


def test_indonesian_country_names_are_countries_not_beaches() -> None:
    text = "Wilmar beroperasi di Uganda, Pantai Gading, Ghana, dan Belarusia, serta di Skotlandia."
    got = found(text, model=Tagger({"Pantai Gading": "LOC"}))
    assert ("Pantai Gading", "GPE") in got and ("Belarusia", "GPE") in got and ("Skotlandia", "GPE") in got


def test_a_city_government_by_its_sumatran_short_form_is_one_organisation() -> None:
    text = "Aset sekolah diserahkan dari Pemko Gunungsitoli ke Pemprov Sumut pada Sabtu."
    got = found(text, model=Tagger(Pemko="GPE", Gunungsitoli="GPE"))
    assert ("Pemko Gunungsitoli", "ORG") in got and ("Pemko", "GPE") not in got


# -- an organisation or a place after a title that ran on into the person -----------------------------


def test_a_titled_organisation_that_ran_on_into_the_person_is_cut() -> None:
    text = ("Klub menolak kabar itu. CEO Al Hilal Esteve Calzada menyebut keputusan sudah diambil. "
            "“Kami sepakat,” ujar Calzada kepada wartawan di Riyadh.")
    got = found(text, model=Tagger({"Al Hilal Esteve Calzada": "ORG", "Calzada": "PER"}))
    assert ("Al Hilal", "ORG") in got and ("Esteve Calzada", "PER") in got
    assert ("Al Hilal Esteve Calzada", "ORG") not in got


def test_words_of_the_language_after_a_titled_name_are_part_of_it() -> None:
    # the rule alone (other rules judge such a unit too): "Pemenuhan Gizi" is no person's name, though
    # both words stand elsewhere after other words
    text = ("BGN meminta Kepala Satuan Pelayanan Pemenuhan Gizi menyurvei dapur. Program gizi itu diawasi "
            "Badan Gizi Nasional dan Dinas Pemenuhan Hak Anak.")
    name = "Satuan Pelayanan Pemenuhan Gizi"
    m = Mention(text.index(name), text.index(name) + len(name), name, "ORG", source="rule")
    got = _titled_name_then_person(text, [m], "id", load_gazetteer(), _lists("id"))
    assert [(x.text, x.type) for x in got] == [(name, "ORG")]


def test_a_number_word_before_its_number_is_no_part_of_a_name() -> None:
    text = ("Aturan itu merujuk Peraturan Menteri Perhubungan No 77 Tahun 2011. Kandang berada di Dusun "
            "Wonokayun RT 09 RW 05, Desa Wonokarang, Sidoarjo.")
    got = found(text, model=Tagger({"Dusun Wonokayun RT": "GPE"}, No="PER"))
    assert ("No", "PER") not in got
    assert ("Dusun Wonokayun", "GPE") in got and ("Dusun Wonokayun RT", "GPE") not in got


# -- a maker's name before a model's code is part of the product --------------------------------------


def test_a_maker_before_a_model_code_is_no_company_but_the_maker_alone_is() -> None:
    text = ("Xpeng resmi berjualan di Indonesia. Xpeng G6 menawarkan jarak tempuh 435 km, dan HUAWEI nova 13 "
            "Pro hadir bulan ini. Ducati pada 2026 mengganti pembalap.")
    got = found(text, model=Tagger(Xpeng="ORG", HUAWEI="ORG", Ducati="ORG"))
    assert got.count(("Xpeng", "ORG")) == 1  # the company, not the maker inside "Xpeng G6"
    assert ("HUAWEI", "ORG") not in got
    assert ("Ducati", "ORG") in got


# -- a theme's or a work's title after the word that announces it ------------------------------------


def test_a_theme_or_a_book_title_is_no_entity_nor_the_names_inside_it() -> None:
    text = ("Malam puncak HUT Jakarta mengusung tema 'Bentang Harapan Kota: Menuju 5 Abad Jakarta'. Ia juga "
            "penulis buku The Small Change Diet. Jakarta bersolek. Pekan ini tema HPN diumumkan PWI.")
    got = found(text, model=Tagger({"Bentang Harapan Kota": "ORG", "The Small Change Diet": "ORG"}, HPN="EVT"))
    names = [t for t, _ in got]
    assert "Bentang Harapan Kota" not in names and "The Small Change Diet" not in names
    assert names.count("Jakarta") == 1  # "Jakarta bersolek", not the one in the quoted theme
    assert "HPN" in names  # one capitalised word after "tema": what the theme is of


def test_a_credential_before_a_dotted_degree_and_a_brand_list_after_a_person() -> None:
    text = ("Dokter spesialis paru Erlina Burhan, MSC, Sp.P (K) mengatakan vaksin aman. Di pameran itu "
            "hadir merek Jeep, Jetour, KIA, Maxus, Nissan, dan VinFast.")
    got = found(text, model=Tagger({"Erlina Burhan": "PER", "Jetour": "PER"}, MSC="ORG", KIA="ORG"))
    names = {t for t, _ in got}
    assert "MSC" not in names and "KIA" in names


# -- an event's name without the occasion or stage word in front of it --------------------------------


def test_an_event_loses_the_capitalised_occasion_word_before_its_name() -> None:
    text = ("Ajang Euro U-21 Championship 2025 digelar di Slovakia. Malam Puncak HUT Ke-498 Jakarta "
            "dimeriahkan konser. Pekan Raya Jakarta dibuka.")
    got = found(text, model=Tagger({"Ajang Euro U-21 Championship 2025": "EVT",
                                    "Malam Puncak HUT Ke-498 Jakarta": "EVT", "Pekan Raya Jakarta": "EVT"}))
    assert ("Euro U-21 Championship 2025", "EVT") in got
    assert ("HUT Ke-498 Jakarta", "EVT") in got
    assert ("Pekan Raya Jakarta", "EVT") in got


# -- a "person" made of frequent words only -----------------------------------------------------------


def test_a_person_of_frequent_words_only_is_a_unit_read_after_a_title() -> None:
    text = ("Ketua Gabungan Industri Kendaraan Bermotor Indonesia Yohannes Nangoi hadir. Wakil Direktur Lalu "
            "Lintas Polda Metro Jaya menindak. Penyanyi Bunga Citra Lestari tampil.")
    got = found(text, model=Tagger({"Gabungan Industri Kendaraan Bermotor": "PER", "Lalu Lintas": "PER",
                                    "Bunga Citra Lestari": "PER"}))
    names = {t for t, _ in got}
    assert not names & {"Gabungan Industri Kendaraan Bermotor", "Lalu Lintas"}
    assert "Bunga Citra Lestari" in names  # "Citra" is a given name


def test_a_listed_word_before_a_known_place_is_no_part_of_its_name() -> None:
    text = "Mobil listrik itu dipasarkan mulai Rp 384 jutaan OTR Jakarta. Pabriknya ada di Karawang."
    got = found(text, model=Tagger({"OTR Jakarta": "ORG"}))
    assert ("Jakarta", "GPE") in got and ("OTR Jakarta", "ORG") not in got


def test_an_operator_named_after_its_city_keeps_its_name() -> None:
    text = "Tarif Rp 1 berlaku untuk MRT Jakarta dan LRT Jakarta pada 22 Juni, sementara APBD Jawa Timur membiayai."
    got = found(text, model=Tagger({"LRT Jakarta": "ORG", "APBD Jawa Timur": "ORG"}))
    assert ("LRT Jakarta", "ORG") in got
    assert ("Jawa Timur", "GPE") in got and ("APBD Jawa Timur", "ORG") not in got


# -- two names glued shut by the scraper are two mentions -------------------------------------------


def test_two_clubs_glued_in_a_fixture_list_are_two_mentions() -> None:
    text = ("Jadwal pekan kedua liga: Chelsea v FulhamLeeds United v Everton. Pelatih Fulham memuji skuad "
            "mudanya, dan Leeds United menang di laga pertama musim ini.")
    got = found(text, model=Tagger({"Fulham Leeds United": "ORG", "Fulham": "ORG", "Leeds United": "ORG"}))
    assert ("Fulham", "ORG") in got and ("Leeds United", "ORG") in got
    assert not any("FulhamLeeds" in t for t, _ in got)


def test_a_head_word_glued_to_its_place_stays_one_mention() -> None:
    text = "Banjir melanda KabupatenTulungagung pada Senin. Warga Tulungagung mengungsi ke balai desa."
    got = found(text, model=Tagger({"Kabupaten Tulungagung": "GPE"}))
    assert ("KabupatenTulungagung", "GPE") in got


# -- a listed club read as a person is the club -------------------------------------------------------


def test_a_listed_club_read_as_a_person_is_the_club_in_a_sport_article() -> None:
    text = ("Pelatih Crystal Palace memuji para pemain. Laga Crystal Palace melawan Sunderland di stadion "
            "berakhir imbang pada pekan pertama liga.")
    got = found(text, model=Tagger(Crystal_Palace="PER", Sunderland="PER"))
    assert ("Crystal Palace", "ORG") in got and ("Sunderland", "ORG") in got
    assert not any(k == "PER" for _, k in got)


def test_a_club_name_outside_a_sport_article_stays_as_read() -> None:
    text = "Sunderland berbicara kepada wartawan tentang bisnis kopi keluarganya di Bandung."
    got = found(text, model=Tagger(Sunderland="PER"))
    assert ("Sunderland", "PER") in got


# -- English names of offers, features, treatments and measures are things -------------------------


def test_english_names_of_features_treatments_and_measures_are_no_organisations() -> None:
    text = ("Nasabah bank itu mendapat Safe Deposit Box gratis, sedangkan mobil barunya memakai Auto High Beam. "
            "Rumah sakit di Medan mulai memakai Robotic Assisted Surgery, dan beban Disability-Adjusted Life "
            "Years akibat dengue naik, kata Kementerian Kesehatan.")
    got = found(text, model=Tagger({"Safe Deposit Box": "ORG", "Auto High Beam": "ORG",
                                    "Robotic Assisted Surgery": "ORG", "Disability-Adjusted Life Years": "ORG",
                                    "Kementerian Kesehatan": "ORG"}))
    names = {t for t, _ in got}
    assert not names & {"Safe Deposit Box", "Auto High Beam", "Robotic Assisted Surgery",
                        "Disability-Adjusted Life Years"}
    assert "Kementerian Kesehatan" in names


# -- a car's model launched as new is a product ------------------------------------------------------


def test_a_model_launched_as_new_is_no_place_in_an_article_that_names_its_maker() -> None:
    text = ("Penjualan Toyota naik bulan lalu. New Rush menjadi penyumbang terbesar, disusul All New Avanza. "
            "Pameran berikutnya digelar di New Delhi, India.")
    got = found(text, model=Tagger({"New Rush": "LOC", "All New Avanza": "ORG", "New Delhi": "GPE"}))
    names = {t for t, _ in got}
    assert not names & {"New Rush", "All New Avanza"}
    assert ("New Delhi", "GPE") in got


def test_a_new_name_without_a_maker_in_the_article_is_left_to_the_recognisers() -> None:
    text = "Warga New Haven berkumpul di taman kota pada Minggu pagi."
    got = found(text, model=Tagger({"New Haven": "GPE"}))
    assert ("New Haven", "GPE") in got


# -- a listed maker read as a person is the company ---------------------------------------------------


def test_a_listed_maker_read_as_a_person_is_the_company() -> None:
    text = "Xpeng meluncurkan mobil listrik baru di Jakarta, kata juru bicara Xpeng kepada wartawan."
    got = found(text, model=Tagger(Xpeng="PER"))
    assert ("Xpeng", "ORG") in got and ("Xpeng", "PER") not in got


# -- the name between a head's title and the head's name is what is headed ---------------------------


def test_the_name_between_a_heads_title_and_the_head_is_the_institution_or_the_village() -> None:
    text = ("Hal itu disampaikan Direktur Eksekutif Dana Hijau Dunia, Peter Walsh, di Bali. Kabar itu "
            "dibenarkan Kepala Desa Neglasari, Sobirin, pada Selasa.")
    got = found(text, model=Tagger({"Dana Hijau Dunia": "PER", "Peter Walsh": "PER", "Neglasari": "PER",
                                    "Sobirin": "PER"}))
    assert ("Dana Hijau Dunia", "ORG") in got and ("Neglasari", "GPE") in got
    assert ("Peter Walsh", "PER") in got and ("Sobirin", "PER") in got


def test_a_person_after_a_title_and_before_another_person_stays_a_person() -> None:
    text = ("Farhan menanggapi perbedaan pandangan dengan Gubernur Dedi Mulyadi, Farhan menegaskan wilayah "
            "kerja berbeda. Dedi menolak berkomentar.")
    got = found(text, model=Tagger({"Dedi Mulyadi": "PER", "Farhan": "PER", "Dedi": "PER"}))
    assert ("Dedi Mulyadi", "PER") in got


# -- a given name written right before a person's mention is the first name ------------------------


def test_a_given_name_before_a_persons_mention_is_taken_in() -> None:
    text = "Klub itu resmi memperkenalkan pelatih baru. David Kurniawan Saputra akan memimpin latihan perdana."
    got = found(text, model=Tagger({"Kurniawan Saputra": "PER"}))
    assert ("David Kurniawan Saputra", "PER") in got
    assert ("Kurniawan Saputra", "PER") not in got


def test_a_clause_opening_word_that_is_also_a_given_name_is_not_taken_in() -> None:
    text = "Konser digelar di Jakarta akhir pekan ini, Ada Raka Pramudya hingga band lokal di panggung utama."
    got = found(text, model=Tagger({"Raka Pramudya": "PER"}))
    assert ("Raka Pramudya", "PER") in got
    assert not any(t.startswith("Ada ") for t, _ in got)


# -- a platform's name in front of an account's owner is no part of the owner's name ----------------


def test_a_platform_before_an_accounts_owner_is_cut_off() -> None:
    text = "Video itu diunggah akun Instagram Komunitas Pesepeda Bandung pada Senin malam."
    got = found(text, model=Tagger({"Instagram Komunitas Pesepeda Bandung": "ORG"}))
    assert ("Komunitas Pesepeda Bandung", "ORG") in got
    assert not any(t.startswith("Instagram") for t, _ in got)


# -- the club list names clubs as the news writes them -------------------------------------------------


def test_the_club_list_writes_accented_names_plainly_and_drops_an_indonesian_ps_prefix() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_clubs.py"
    spec = importlib.util.spec_from_file_location("build_clubs", path)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert "Bayern Munchen" in build.club_names("FC Bayern München")
    assert "Barito Putera" in build.club_names("PS Barito Putera")
    assert "Bandar Lampung" not in build.club_names("PS Bandar Lampung")  # a city the gazetteer knows
    assert "Malaga" not in build.club_names("Málaga CF")  # one word: the city as well


def test_a_club_written_without_its_accent_is_the_club() -> None:
    text = ("Pelatih Bayern Munchen memuji skuadnya. Pemain itu gagal total di Munchen. Klub Munchen pun "
            "mempertimbangkan menjualnya pada bursa transfer musim panas.")
    got = found(text, model=Tagger({"Bayern Munchen": "ORG", "Munchen": "GPE"}))
    assert ("Bayern Munchen", "ORG") in got and ("Munchen", "ORG") in got


# -- a colour's name in the list after "warna" is no entity --------------------------------------------


def test_colour_names_after_warna_are_no_entities() -> None:
    text = ("Mobil itu tersedia dalam pilihan warna Ocean Blue, Lunar Silver, dan Deep Black. Produsennya, "
            "Wuling, membuka diler baru di Surabaya.")
    got = found(text, model=Tagger({"Ocean Blue": "PER", "Lunar Silver": "ORG", "Deep Black": "PER",
                                    "Wuling": "ORG", "Surabaya": "GPE"}))
    names = {t for t, _ in got}
    assert not names & {"Ocean Blue", "Lunar Silver", "Deep Black"}
    assert {"Wuling", "Surabaya"} <= names


def test_a_name_ending_in_a_colour_word_elsewhere_stays() -> None:
    text = "Pebalap tim Red Bull menang di Austria, sedangkan Paolo Rossi finis kedua."
    got = found(text, model=Tagger({"Red Bull": "ORG", "Paolo Rossi": "PER"}))
    assert ("Red Bull", "ORG") in got


# -- (ent11u) kinship words, peoples' adjectives and styles ---------------------------------------------


def test_a_kinship_word_is_no_part_of_a_name_and_alone_names_nobody() -> None:
    text = ("Mbak Hagia datang bersama Mas Andi Wijaya ke pesta itu. \"Terima kasih, Mami,\" kata Hagia. "
            "Menurut Andi Wijaya, pestanya meriah.")
    got = found(text, model=Tagger({"Mbak Hagia": "PER", "Mas Andi Wijaya": "PER", "Mami": "PER",
                                    "Hagia": "PER", "Andi Wijaya": "PER"}))
    names = {t for t, _ in got}
    assert ("Hagia", "PER") in got and ("Andi Wijaya", "PER") in got
    assert not names & {"Mbak Hagia", "Mas Andi Wijaya", "Mami"}


def test_a_land_after_a_word_of_culture_is_an_adjective() -> None:
    text = ("Pengantin memakai riasan adat Jawa dan pakaian adat Melayu. Warga menikmati budaya Betawi di "
            "Situ Babakan. Masyarakat Banjar memasak bubur. Ia lalu pindah ke Jawa Barat, bukan ke Jawa.")
    got = found(text, model=Tagger({"Jawa": "LOC", "Melayu": "GPE", "Betawi": "PER", "Masyarakat Banjar": "ORG",
                                    "Situ Babakan": "LOC", "Jawa Barat": "GPE"}))
    assert ("Jawa Barat", "GPE") in got and ("Situ Babakan", "LOC") in got
    assert [t for t, _ in got].count("Jawa") == 1  # "ke Jawa": the island stays
    assert not {t for t, _ in got} & {"Melayu", "Betawi", "Masyarakat Banjar"}


def test_a_place_after_a_word_of_style_is_a_style() -> None:
    text = "Bangunan bergaya Belanda dan gedung ala Eropa berdiri di Semarang. Pelatih asal Belanda itu datang."
    got = found(text, model=Tagger({"Belanda": "GPE", "Eropa": "LOC", "Semarang": "GPE"}))
    assert got.count(("Belanda", "GPE")) == 1 and ("Eropa", "LOC") not in got
    assert ("Semarang", "GPE") in got


def test_a_sign_of_the_zodiac_in_a_horoscope_is_no_entity() -> None:
    text = ("Simak ramalan zodiak hari ini untuk Virgo, Pices dan Sagitarius. Hari ini Aries mendapat "
            "dukungan dari keluarga, kata astrolog Susan Miller.")
    got = found(text, model=Tagger({"Virgo": "PER", "Pices": "PER", "Sagitarius": "ORG", "Aries": "PER",
                                    "Susan Miller": "PER"}))
    assert [t for t, _ in got] == ["Susan Miller"]


def test_a_sign_name_outside_a_horoscope_stays() -> None:
    text = "Pasangan Leo/Daniel menang di sektor ganda putra. Leo mengaku puas."
    got = found(text, model=Tagger(Leo="PER", Daniel="PER"))
    assert ("Leo", "PER") in got


def test_an_acronym_spelt_like_a_kinship_word_is_not_one() -> None:
    text = "Maskapai MAS menambah rute ke Jakarta, kata juru bicara MAS."
    got = found(text, model=Tagger(MAS="ORG", Jakarta="GPE"))
    assert ("MAS", "ORG") in got


# -- a one-word "person" the article also writes in lower case is a common noun ----------------------


def test_a_one_word_person_written_in_lower_case_elsewhere_is_no_person() -> None:
    text = ("Anne menerima surat petisi dari 101 pengusaha tekstil tiga bulan lalu. Saat itu perwakilan "
            "pengusaha Tekstil dipertemukan dengan APSyFI, kata Anne Sutanto.")
    got = found(text, model=Tagger(Tekstil="PER", APSyFI="ORG", **{"Anne Sutanto": "PER"}))
    names = {t for t, _ in got}
    assert "Tekstil" not in names
    assert "APSyFI" in names and "Anne Sutanto" in names


def test_a_word_of_a_persons_longer_name_stays_a_person_though_written_in_lower_case() -> None:
    text = ("Pelatih Real Madrid Xabi Alonso belum memastikan kondisi Mbappe. Alonso juga belum mau "
            "memastikan apakah ia siap, tulis akun penggemar xabi alonso.")
    got = found(text, model=Tagger(Alonso="PER", Mbappe="PER", **{"Xabi Alonso": "PER", "Real Madrid": "ORG"}))
    assert ("Alonso", "PER") in got
