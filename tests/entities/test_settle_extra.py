"""The error classes found on the extra entity development set (eval/real-id/dev-extra-entities), on
sentences written for the tests. A stand-in model (`Tagger`) tags the spans a statistical model is
known to get wrong, so that each test checks the settling rule and not the packaged CRF."""

from __future__ import annotations

from linimasa import resources
from tests.entities.test_settle import Tagger, found

# -- sports clubs are organisations ---------------------------------------------------------------


def test_a_club_on_the_list_is_an_organisation_in_a_sport_article() -> None:
    text = "Pelatih River Plate memuji gelandang mudanya usai laga kontra Al Nassr di liga Saudi."
    got = found(text, model=Tagger(River_Plate="LOC", Al_Nassr="LOC"))
    assert ("River Plate", "ORG") in got
    assert ("Al Nassr", "ORG") in got


def test_a_club_name_outside_sport_stays_what_it_is() -> None:
    # no sport word: "Liverpool" is the city (and no list entry turns a place into a club here)
    got = found("Hujan deras merendam ratusan rumah di Liverpool pada Selasa.", model=Tagger(Liverpool="GPE"))
    assert ("Liverpool", "GPE") in got


def test_a_club_form_after_a_city_makes_the_club() -> None:
    got = found("Chelsea menang 3-1 atas Seattle FC dalam laga uji coba.", model=Tagger(Chelsea="ORG"))
    assert ("Seattle FC", "ORG") in got
    assert ("Seattle", "GPE") not in got


def test_the_bare_city_of_a_named_club_is_the_club() -> None:
    text = ("Real Madrid resmi memboyong bek muda itu. Madrid membayar 40 juta euro, kata pelatih klub. "
            "Sang pemain tiba di Madrid pada Senin.")
    got = found(text, model=Tagger(Real_Madrid="ORG"))
    madrid = [ty for t, ty in got if t == "Madrid"]
    assert madrid == ["ORG", "GPE"]  # "Madrid membayar": the club; "di Madrid": the city


def test_the_club_list_is_derived_and_licensed() -> None:
    clubs = resources.load_words("shared", "clubs.txt")
    assert {"River Plate", "Real Madrid", "PSM Makassar"} <= clubs
    head = resources.path("shared", "clubs.txt").read_text(encoding="utf-8").splitlines()[:6]
    assert any("scripts/build_clubs.py" in line for line in head)
    assert any("Licence" in line for line in head)


# -- places ---------------------------------------------------------------------------------------


def test_a_known_place_that_starts_a_longer_name_is_not_a_mention_of_its_own() -> None:
    got = found("Badai menerjang Texas Selatan dan Georgia Utara pekan ini.")
    assert ("Texas Selatan", "LOC") in got
    assert ("Texas", "GPE") not in got


def test_a_team_named_after_its_city_is_one_organisation() -> None:
    text = "The Denver Broncos beat the Raiders; the coach praised his squad after the match."
    got = found(text, "en", Tagger(Broncos="LOC"))
    assert ("Denver Broncos", "ORG") in got


def test_us_states_are_one_name() -> None:
    got = found("Voters in New Hampshire and North Dakota went to the polls.", "en")
    assert ("New Hampshire", "GPE") in got and ("North Dakota", "GPE") in got
    assert ("Hampshire", "GPE") not in got


def test_an_island_named_alone_is_not_a_city() -> None:
    got = found("Floods hit Mindanao and Mindoro after a week of rain.", "en",
                Tagger(Mindanao="LOC", Mindoro="GPE"))
    assert ("Mindanao", "LOC") in got and ("Mindoro", "LOC") in got


def test_as_is_no_country_in_english() -> None:
    got = found("TREATED AS EVIDENCE, the files were sealed.", "en")
    assert all(t != "AS" for t, _ in got)


# -- organisations and people ---------------------------------------------------------------------


def test_a_ministry_run_on_into_a_person_is_split() -> None:
    got = found("Diplomat Kementerian Luar Negeri Sekar Wulandari mengatakan kerja sama itu berjalan baik.")
    assert ("Kementerian Luar Negeri", "ORG") in got
    assert ("Sekar Wulandari", "PER") in got


def test_a_role_in_front_of_an_organisation_or_a_person_is_cut() -> None:
    got = found("CFO Tokomaju, kata dia, menolak berkomentar.", model=Tagger(CFO_Tokomaju="ORG"))
    assert ("Tokomaju", "ORG") in got
    got = found("said the firm's Editor-in-Chief Laura Whitcombe.", "en",
                Tagger(**{"Editor-in-Chief Laura Whitcombe": "ORG"}))
    assert ("Laura Whitcombe", "PER") in got


def test_an_office_is_not_a_person() -> None:
    text = "kata Kepala Seksi Pelayanan Dinas Kependudukan, Ahmad Sobri."
    got = found(text, model=Tagger(Seksi_Pelayanan_Dinas_Kependudukan="PER", Ahmad_Sobri="PER"))
    assert all(ty != "PER" or t == "Ahmad Sobri" for t, ty in got)


def test_a_legal_form_after_a_company_is_part_of_its_name() -> None:
    got = found("PT Kereta Api Indonesia (Persero) menambah perjalanan selama libur sekolah.")
    assert ("PT Kereta Api Indonesia (Persero)", "ORG") in got
    assert ("Persero", "ORG") not in got


def test_an_abbreviated_title_inside_a_name_does_not_cut_it() -> None:
    text = "Korban dibawa ke Rumah Sakit Dr. Soetomo untuk dirawat."
    got = found(text, model=Tagger(**{"Rumah Sakit Dr": "LOC", "Soetomo": "PER"}))
    assert ("Rumah Sakit Dr. Soetomo", "LOC") in got


def test_party_nouns_are_parties_and_adjectives_are_no_mention() -> None:
    text = "The Republican senator said Democrats and the GOP would meet. A Democratic aide agreed."
    got = found(text, "en", Tagger(Republican="PER", Democratic="GPE"))
    assert ("Democrats", "ORG") in got and ("GOP", "ORG") in got
    assert all(t not in ("Republican", "Democratic") for t, _ in got)


def test_a_league_is_an_event_without_its_season() -> None:
    got = found("Persik Kediri bersiap menghadapi Liga 2 2025-2026, kata pengurus PT Liga Indonesia Baru.")
    assert ("Liga 2", "EVT") in got
    assert ("PT Liga Indonesia Baru", "ORG") in got


def test_generic_indonesian_words_are_not_entities() -> None:
    got = found("Lulusan SMK itu meraih Rp 5 juta setelah RUPS perusahaan.",
                model=Tagger(SMK="ORG", Rp="GPE", RUPS="ORG"))
    assert got == []


def test_a_country_after_a_ministry_is_part_of_it_not_a_person() -> None:
    got = found("Kementerian Luar Negeri Afrika Selatan membantah laporan itu.")
    assert ("Kementerian Luar Negeri Afrika Selatan", "ORG") in got
    assert all(ty != "PER" for _, ty in got)


def test_an_office_ending_in_a_role_word_is_not_an_organisation() -> None:
    got = found("House Majority Whip Dana Corwell of Tulsa said the vote would wait.", "en",
                Tagger(**{"House Majority Whip": "ORG", "Dana Corwell": "PER"}))
    assert ("House Majority Whip", "ORG") not in got
    assert ("Dana Corwell", "PER") in got
    # a function word inside makes it the name of an organisation
    got = found("The Office of the Chief Whip issued a statement.", "en",
                Tagger(**{"Office of the Chief Whip": "ORG"}))
    assert ("Office of the Chief Whip", "ORG") in got


def test_a_government_with_no_place_named_is_not_an_entity() -> None:
    text = "The Federal Government said the Regional Government of Tasmania and Ontario Provincial Government agreed."
    got = found(text, "en", Tagger(**{"Federal Government": "ORG", "Ontario Provincial Government": "ORG"}))
    assert ("Federal Government", "ORG") not in got
    assert ("Ontario Provincial Government", "ORG") in got


def test_a_series_with_its_season_is_a_work_not_an_organisation() -> None:
    text = ("Episode kedua Warung Pojok Season 2: Pulang Dari Paris tayang malam ini. "
            "Penonton menyukai komedi khas Warung Pojok, kata Rina Hartati di Jakarta.")
    got = found(text, model=Tagger(**{"Warung Pojok Season 2": "ORG", "Pulang Dari Paris": "ORG",
                                      "Warung Pojok": "ORG", "Paris": "GPE", "Rina Hartati": "PER"}))
    assert not any(ty == "ORG" for _, ty in got)
    assert ("Paris", "GPE") not in got  # a place inside a work's title is the title's
    assert ("Rina Hartati", "PER") in got


def test_an_unlisted_town_after_in_is_a_gpe_in_english() -> None:
    text = "She was born in Boca Raton and trained at Flushing Meadows before moving to Death Valley."
    got = found(text, "en", Tagger(Boca_Raton="LOC", Flushing_Meadows="LOC", Death_Valley="LOC"))
    assert ("Boca Raton", "GPE") in got
    assert ("Flushing Meadows", "LOC") in got  # a park
    assert ("Death Valley", "LOC") in got  # a natural place


def test_a_policy_rate_is_an_indicator_not_its_bank() -> None:
    text = "Bank Indonesia (BI) menaikkan BI Rate menjadi 6 persen, kata Gubernur BI Sari Wulandari."
    got = found(text, model=Tagger(BI="ORG", Rate="ORG", Sari_Wulandari="PER"))
    assert ("Rate", "ORG") not in got
    assert [t for t, ty in got if ty == "ORG" and t == "BI"] == ["BI", "BI"]  # "(BI)", "Gubernur BI"


def test_a_class_of_programme_members_is_not_an_organisation() -> None:
    text = "Dinas Sosial mendata Penerima Bantuan Pangan Daerah (PBPD) di Kabupaten Sleman."
    got = found(text, model=Tagger(Penerima_Bantuan_Pangan_Daerah="ORG", PBPD="ORG", Dinas_Sosial="ORG"))
    assert not any(t in ("Penerima Bantuan Pangan Daerah", "PBPD") for t, _ in got)
    assert ("Dinas Sosial", "ORG") in got


def test_regalia_are_objects_not_organisations() -> None:
    got = found("The Queen wore the Diamond Diadem Crown at the Palace of Westminster.", "en",
                Tagger(Diamond_Diadem_Crown="ORG"))
    assert ("Diamond Diadem Crown", "ORG") not in got


def test_a_club_prefix_before_its_city_is_the_club_in_a_sport_article() -> None:
    text = "AS Roma menang 2-0 atas Cagliari, kata pelatih klub itu. Gol dicetak striker muda."
    got = found(text, model=Tagger(Cagliari="ORG"))
    assert ("AS Roma", "ORG") in got
    assert ("AS", "GPE") not in got
    got = found("Presiden AS tiba di Roma pada Senin untuk bertemu Paus.")
    assert ("AS", "GPE") in got and ("Roma", "GPE") in got  # no sport: the country and the city
