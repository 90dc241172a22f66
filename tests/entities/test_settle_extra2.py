"""The error classes found on the second extra entity development set
(eval/real-id/dev-extra-entities-2), on sentences written for the tests. A stand-in model (`Tagger`)
tags the spans a statistical model is known to get wrong, so that each test checks the settling rule
and not the packaged CRF."""

from __future__ import annotations

from linimasa import resources
from linimasa.entities import recognise
from tests.entities.test_settle import Tagger, found

# -- competitions and clubs the model misses or splits ----------------------------------------------


def test_a_listed_competition_is_one_event_over_the_pieces_the_model_found() -> None:
    text = "Petenis itu melaju ke babak kedua US Open setelah menang dua set di Flushing Meadows."
    got = found(text, model=Tagger(US="GPE"))
    assert ("US Open", "EVT") in got
    assert ("US", "GPE") not in got


def test_a_league_the_model_split_is_the_league() -> None:
    text = "Klub promosi itu akan bermain di Serie B musim depan, kasta kedua sepak bola Italia."
    got = found(text, model=Tagger(Serie="GPE"))
    assert ("Serie B", "EVT") in got


def test_a_longer_event_keeps_its_span() -> None:
    got = found("Tim itu tampil di Piala Dunia Antarklub 2025 di Amerika Serikat.", model=Tagger())
    assert ("Piala Dunia Antarklub 2025", "EVT") in got
    assert ("Piala Dunia", "EVT") not in got


def test_a_league_read_as_a_place_is_an_event() -> None:
    got = found("Dia hanya tujuh kali menjadi starter di Premier League musim ini.",
                model=Tagger(Premier_League="LOC"))
    assert ("Premier League", "EVT") in got


def test_a_listed_club_the_model_missed_is_found_in_a_sport_article() -> None:
    text = "Pelatih Udinese ingin segera merekrut bek baru untuk musim depan, kata klub itu."
    got = found(text, model=Tagger())
    assert ("Udinese", "ORG") in got


def test_a_listed_club_is_not_found_outside_sport_or_inside_a_longer_name() -> None:
    got = found("Festival film digelar di Torino pada akhir pekan.", model=Tagger())
    assert ("Torino", "ORG") not in got
    sport = "Pelatih klub itu menonton laga di Stadion Grande Torino bersama keluarga."
    assert ("Torino", "ORG") not in found(sport, model=Tagger())


def test_the_competition_list_is_written_by_hand() -> None:
    names = resources.load_words("shared", "competitions.txt")
    assert {"Premier League", "Serie A", "US Open", "Piala Presiden"} <= names
    head = resources.path("shared", "competitions.txt").read_text(encoding="utf-8").splitlines()[:7]
    assert any("by hand" in line for line in head)


# -- a name glued to the word after it ----------------------------------------------------------


def test_a_frequent_word_glued_after_a_name_is_cut_off() -> None:
    text = "Sekretaris partai,Budi Santosamenghadirkan dua saksi di pengadilan pada Jumat."
    got = found(text, model=Tagger(Budi_Santosamenghadirkan="PER"))
    assert ("Budi Santosa", "PER") in got


def test_a_name_that_ends_in_a_word_is_not_cut() -> None:
    # "sari" and "kencana" are words too, but not a verb or a function word glued on
    text = "Warga Jalan Suryakencana bertemu Indah Permatasari di balai desa."
    got = found(text, model=Tagger(Jalan_Suryakencana="LOC", Indah_Permatasari="PER"))
    assert ("Indah Permatasari", "PER") in got
    assert ("Jalan Suryakencana", "LOC") in got


def test_the_common_word_list_is_derived_and_licensed() -> None:
    words = resources.load_words("id", "common_words.txt")
    assert {"menghadirkan", "melaporkan", "sebagai"} <= words
    head = resources.path("id", "common_words.txt").read_text(encoding="utf-8").splitlines()[:6]
    assert any("scripts/build_common_words.py" in line for line in head)
    assert any("MIT" in line for line in head)


# -- English company names ------------------------------------------------------------------------


def test_a_legal_form_makes_a_company_with_its_full_stop() -> None:
    text = "Other earnings include Acme Widgets Corp. and Northwind Traders Inc. later this week."
    got = found(text, model=Tagger(Acme_Widgets_Corp="LOC", Northwind_Traders_Inc="ORG"), language="en")
    assert ("Acme Widgets Corp.", "ORG") in got
    assert ("Northwind Traders Inc.", "ORG") in got


def test_an_organisation_of_a_country_is_one_name() -> None:
    text = "The Civil Aviation Authority of Nepal said the plane landed safely in Kathmandu."
    got = found(text, model=Tagger(Civil_Aviation_Authority="ORG"), language="en")
    assert ("Civil Aviation Authority of Nepal", "ORG") in got
    assert ("Nepal", "GPE") not in got
    # its acronym is the same organisation
    text = "The Civil Aviation Authority of Nepal (CAAN) said the plane landed. CAAN said more checks follow."
    got_keys = {m.text: m.key for m in recognise(text, "en", Tagger(Civil_Aviation_Authority="ORG", CAAN="ORG"))}
    assert got_keys["CAAN"] is not None and got_keys["CAAN"] == got_keys["Civil Aviation Authority of Nepal"]
    # a place after "of" that is not the end of an organisation's name stays a place
    other = found("Thousands of Nepal's workers left.", model=Tagger(), language="en")
    assert ("Nepal", "GPE") in other


# -- buildings by their head word -------------------------------------------------------------------


def test_a_name_headed_by_a_building_word_is_a_place() -> None:
    text = "Warga mengungsi ke aula Mushola Al Ikhlas, lalu dipindahkan ke Hotel Cempaka."
    got = found(text, model=Tagger(Mushola_Al_Ikhlas="PER", Hotel_Cempaka="ORG"))
    assert ("Mushola Al Ikhlas", "LOC") in got
    assert ("Hotel Cempaka", "LOC") in got


# -- a club and an organisation by their first word -------------------------------------------------


def test_a_club_form_or_united_ends_an_organisation() -> None:
    text = "Persipura akan menghadapi Arwana FC lalu Semesta United pada laga pembuka."
    got = found(text, model=Tagger(Arwana_FC="LOC", Semesta_United="PER"))
    assert ("Arwana FC", "ORG") in got
    assert ("Semesta United", "ORG") in got


def test_the_first_word_of_a_named_organisation_is_that_organisation() -> None:
    text = ("Mitra Kencana Indonesia mencatat laba naik. Menurut analis, Mitra diuntungkan kenaikan harga, "
            "sementara Pemerintah Provinsi Gauteng Raya tetap diam; Gauteng juga mencatat hujan.")
    got = found(text, model=Tagger(Mitra_Kencana_Indonesia="ORG", Mitra="PER", Gauteng="GPE",
                                   Pemerintah_Provinsi_Gauteng_Raya="ORG"))
    assert ("Mitra", "ORG") in got
    assert ("Gauteng", "GPE") in got


# -- a maker's model ------------------------------------------------------------------------------


def test_a_makers_model_is_a_product_and_the_company_stays() -> None:
    got = found("Harga Yamaha Fazzio naik bulan ini, sementara HondaScoopy tetap laris di Surabaya.",
                model=Tagger(Yamaha_Fazzio="ORG", HondaScoopy="ORG"))
    names = {t for t, _ in got}
    assert "Yamaha Fazzio" not in names and "HondaScoopy" not in names
    company = found("Menurut Suzuki Indomobil Sales, permintaan naik.", model=Tagger(Suzuki_Indomobil_Sales="ORG"))
    assert ("Suzuki Indomobil Sales", "ORG") in company


# -- a person nobody found ----------------------------------------------------------------------------


def test_a_given_name_and_a_surname_nobody_found_is_a_person() -> None:
    text = "Bek itu, Daniel Wirasatya, kini diminati dua klub. Wirasatya belum memberi jawaban."
    got = found(text, model=Tagger())
    assert ("Daniel Wirasatya", "PER") in got


def test_a_given_name_before_a_place_or_an_organisation_word_is_no_person() -> None:
    got = found("Mereka menginap di kawasan Anna Selatan dekat Daniel Hotel.", model=Tagger())
    assert all(ty != "PER" for _, ty in got)


# -- a "place" that acts like an organisation -----------------------------------------------------------


def test_a_one_word_place_that_reports_earnings_is_an_organisation() -> None:
    text = "Analysts expect Zentrix to beat forecasts. Zentrix chief executive Mara Lin will speak on Friday."
    got = found(text, model=Tagger(Zentrix="LOC", Mara_Lin="PER"), language="en")
    assert [ty for t, ty in got if t == "Zentrix"] == ["ORG", "ORG"]


def test_a_known_place_that_reports_stays_a_place() -> None:
    got = found("Jakarta melaporkan 30 kasus baru pada Senin.", model=Tagger(Jakarta="LOC"))
    assert ("Jakarta", "GPE") in got


# -- an acronym that is not a person's initials ---------------------------------------------------------


def test_a_person_with_a_ticker_in_brackets_is_a_company() -> None:
    text = "Berikut susunan komisaris Sinar Abadi Pangan (SAPF) yang baru. Laba SAPF naik tahun lalu."
    got = found(text, model=Tagger(Sinar_Abadi_Pangan="PER", SAPF="PER"))
    assert ("Sinar Abadi Pangan", "ORG") in got
    assert all(ty == "ORG" for t, ty in got if t == "SAPF")


def test_a_person_with_initials_in_brackets_stays_a_person() -> None:
    got = found("Penyidik telah memeriksa Ibrahim Santoso (IS) pekan lalu.", model=Tagger(Ibrahim_Santoso="PER"))
    assert ("Ibrahim Santoso", "PER") in got


def test_a_league_with_a_season_written_with_a_slash_is_the_league() -> None:
    got = found("Pelatih terbaik Liga 1 2023/24 itu kembali menukangi tim.", model=Tagger())
    assert ("Liga 1", "EVT") in got
    assert all(not t.startswith("Liga 1 2023") for t, _ in got)


def test_a_linking_word_opening_the_sentence_is_not_part_of_a_name() -> None:
    text = "Although Tanaka has not changed his mind, he said more talks were needed."
    got = found(text, model=Tagger(Although_Tanaka="PER"), language="en")
    assert ("Tanaka", "PER") in got
    kept = found("The Hague said the court would rule in May.", model=Tagger(), language="en")
    assert ("The Hague", "GPE") in kept or ("The Hague", "LOC") in kept


def test_a_person_after_a_companys_legal_form_is_the_company() -> None:
    text = "Penyidik memeriksa direktur PT Sri Mulya Abadi pada Rabu malam."
    got = found(text, model=Tagger(Mulya_Abadi="PER"))
    assert ("PT Sri Mulya Abadi", "ORG") in got
    assert all(ty != "PER" for _, ty in got)


def test_words_before_a_generic_english_organisation_name_are_part_of_it() -> None:
    text = "Earnings up: Northern Bank of Ontario beat estimates, and Highland Imperial Bank of Trade followed."
    got = found(text, model=Tagger(Bank_of_Ontario="ORG", Highland_Imperial="ORG", Bank_of_Trade="ORG"),
                language="en")
    assert ("Northern Bank of Ontario", "ORG") in got
    assert ("Highland Imperial Bank of Trade", "ORG") in got
    # a title or a nationality in front is not part of the name
    other = found("Former Governor Lee met the Philippine Bureau of Fisheries chief.",
                  model=Tagger(Bureau_of_Fisheries="ORG"), language="en")
    assert ("Bureau of Fisheries", "ORG") in other


def test_jakartas_city_abbreviations_and_the_fed_are_known() -> None:
    got = found("Kebakaran terjadi di Jaksel dan Jakbar, sementara The Fed menahan suku bunga.", model=Tagger())
    assert ("Jaksel", "GPE") in got and ("Jakbar", "GPE") in got
    assert ("The Fed", "ORG") in got


def test_two_places_joined_by_a_hyphen_are_two_mentions() -> None:
    got = found("Pesawat rute Jeddah-Jakarta mendarat darurat di Medan.", model=Tagger())
    assert ("Jeddah", "GPE") in got and ("Jakarta", "GPE") in got


def test_a_common_word_in_front_of_a_name_is_cut_off() -> None:
    text = "Ia duduk di samping Rina Kartika saat akad. TransJakarta Cares tetap jalan."
    got = found(text, model=Tagger(samping_Rina_Kartika="LOC", TransJakarta_Cares="ORG"))
    assert "samping Rina Kartika" not in {t for t, _ in got}
    assert any(t == "Rina Kartika" for t, _ in got)
    assert ("TransJakarta Cares", "ORG") in got  # a CamelCase name stays whole


def test_an_english_given_name_before_a_surname_the_model_found_is_part_of_it() -> None:
    text = "The No 26 seed Dan Walters won, and on Tuesday Walters said he was happy."
    got = found(text, model=Tagger(Walters="PER"), language="en")
    assert ("Dan Walters", "PER") in got
    assert ("Tuesday Walters", "PER") not in got


def test_an_english_league_with_its_season_is_the_league_not_its_last_word() -> None:
    text = "Dalam dua laga sisanya di Premier League 2025/2026 pada bulan Agustus, tim itu sempat menang."
    got = found(text, model=Tagger({"Premier League 2025/2026": "EVT"}))
    assert ("Premier League", "EVT") in got
    assert not any(name.startswith("League") for name, _ in got)
    # with no model the rules alone do not make "League 2025" an organisation
    assert not any(name.startswith("League") for name, _ in found(text))


def test_a_person_after_an_organisations_bracketed_acronym_is_not_inside_its_name() -> None:
    text = "Ketua Dewan Ekonomi Nasional (DEN) Luhut Binsar Pandjaitan menyambut delegasi itu di Jakarta."
    got = found(text, model=Tagger({"DEN": "ORG", "Luhut Binsar Pandjaitan": "PER"}))
    assert ("Luhut Binsar Pandjaitan", "PER") in got
    assert ("Dewan Ekonomi Nasional", "ORG") in got
    assert not any("Luhut" in name for name, type_ in got if type_ == "ORG")


def test_a_name_going_on_after_its_bracket_stays_one_span() -> None:
    got = found("Pemerintah Provinsi (Pemprov) DKI Jakarta menolak usulan itu.", model=Tagger())
    assert ("Pemerintah Provinsi (Pemprov) DKI Jakarta", "ORG") in got
