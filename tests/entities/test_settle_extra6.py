"""The error classes found on the sixth extra entity development set
(eval/real-id/dev-extra-entities-6), on sentences written for the tests. A stand-in model (`Tagger`)
tags the spans a statistical model is known to get wrong, so that each test checks the rule and not the
packaged CRF."""

from __future__ import annotations

from linimasa.model import Mention
from tests.entities.test_settle import Tagger, found

# -- English institutions: a legislature, a union, an association after a title ---------------------------


def test_a_title_before_an_institution_names_no_person() -> None:
    text = ("Jane Doe, general counsel of the Ohio State Nurses Association, spoke first. Later a policy "
            "adviser to the US Congress agreed.")
    got = found(text, "en", Tagger({"Ohio State Nurses Association": "ORG", "US Congress": "LOC"}))
    assert ("Ohio State Nurses Association", "ORG") in got
    assert ("US Congress", "ORG") in got
    assert not {t for t, ty in got if ty == "PER"} & {"Nurses Association", "Congress", "State Nurses Association"}


def test_an_english_union_of_a_state_is_one_name() -> None:
    text = "The National Farmers Union of Ohio has filed a complaint against the rule."
    got = found(text, "en", Tagger({"The National Farmers Union of Ohio": "ORG"}))
    assert ("National Farmers Union of Ohio", "ORG") in got
    assert not {t for t, _ in got} & {"Union of Ohio", "National Farmers", "Ohio"}


# -- a person's full name again, where the model missed it -------------------------------------------------


class _FirstOnly(Tagger):
    """A model that tags one surface at one offset only (and misses it everywhere else)."""

    def __init__(self, surface: str, at: int) -> None:
        super().__init__()
        self.surface, self.at = surface, at

    def tag(self, text: str) -> list[Mention]:
        return [Mention(self.at, self.at + len(self.surface), self.surface, "PER", source="model")]


def test_a_full_name_the_model_missed_later_is_one_mention_not_two() -> None:
    text = "Princess Anne and Sophie Wessex arrived. Sophie Wessex's dog waited at the gate."
    got = found(text, "en", _FirstOnly("Sophie Wessex", text.index("Sophie Wessex")))
    assert got.count(("Sophie Wessex", "PER")) == 2
    assert ("Sophie", "PER") not in got and ("Wessex", "PER") not in got


# -- names glued by a scraper to the word after them ---------------------------------------------------------


def test_a_frequent_word_glued_after_a_name_whose_last_word_is_written_alone_is_cut() -> None:
    text = ("Bek Feyenoord, Rafael Gonzagajadi incaran klub itu. Pelatih menilai Rafa Gonzaga cocok dengan "
            "gaya bermainnya.")
    got = found(text, model=Tagger({"Rafael Gonzagajadi": "PER", "Rafa Gonzaga": "PER"}))
    assert ("Rafael Gonzaga", "PER") in got
    assert ("Rafael Gonzagajadi", "PER") not in got


def test_a_name_ending_like_a_given_name_is_not_cut() -> None:
    text = "Penyanyi Anisa Rahmaputri tampil lagi. Rahma dan kawan-kawan menonton dari depan panggung."
    got = found(text, model=Tagger({"Anisa Rahmaputri": "PER", "Rahma": "PER"}))
    assert ("Anisa Rahmaputri", "PER") in got


class _WholeWords(Tagger):
    """A model that tags the given surfaces only where they stand as whole words (never inside a token
    glued by the scraper)."""

    def tag(self, text: str) -> list[Mention]:
        return [m for m in super().tag(text)
                if not text[m.end : m.end + 1].isalpha() and not text[max(0, m.start - 1) : m.start].isalpha()]


def test_a_glued_occurrence_of_a_two_word_name_takes_in_the_name_found_inside_it() -> None:
    text = "Kiper Brice Samba tampil baik. Pelatih tetap memuji kiperBrice Sambasendiri. Samba senang sendiri."
    got = found(text, model=_WholeWords({"Brice Samba": "PER"}))
    assert got == [("Brice Samba", "PER"), ("Brice Samba", "PER"), ("Samba", "PER")]


# -- laws, regulations, agreements and programmes are no entities -----------------------------------------


def test_a_regulation_and_its_acronym_are_no_entities() -> None:
    text = ("Kebijakan itu akan dituangkan dalam Peraturan Pemerintah (PP) tahun ini. PP itu diteken di "
            "Jakarta bersama sebuah Perpres.")
    got = found(text, model=Tagger({"PP": "ORG", "Perpres": "ORG", "Jakarta": "GPE"}))
    assert got == [("Jakarta", "GPE")]


def test_an_agreement_and_a_programme_named_by_the_model_are_no_entities() -> None:
    text = ("UEFA dan Qatar meneken Stadium Hosting Agreement (SHA). Isi SHA belum dibuka. Penerima Program "
            "Indonesia Pintar dan penerima BLT di Bogor ikut hadir.")
    got = found(text, model=Tagger({"UEFA": "ORG", "Stadium Hosting Agreement": "ORG", "SHA": "ORG",
                                    "Program Indonesia Pintar": "ORG", "BLT": "ORG", "Bogor": "GPE"}))
    names = {t for t, _ in got}
    assert "UEFA" in names and "Bogor" in names
    assert not names & {"Stadium Hosting Agreement", "SHA", "Program Indonesia Pintar", "Indonesia Pintar", "BLT"}


def test_an_english_bill_is_no_person_and_an_acronym_charity_stays() -> None:
    text = "Labour will bring a Renters Rights Bill. Donors gave to Yayasan ACT in Bandung."
    got = found(text, "en", Tagger({"Renters Rights Bill": "PER", "Yayasan ACT": "ORG"}))
    assert ("Yayasan ACT", "ORG") in got
    assert not {t for t, _ in got} & {"Renters Rights Bill", "Rights Bill"}


def test_a_mention_glued_from_a_place_into_the_next_name_ends_at_the_place() -> None:
    text = "Sidang di Pengadilan Negeri SemarangBudi Santoso menunda putusan. Warga BaratDaya Lestari menonton."
    got = found(text, model=Tagger({"Pengadilan Negeri SemarangBudi Santoso": "ORG",
                                    "BaratDaya Lestari": "ORG"}), open_glue=False)
    assert ("Pengadilan Negeri Semarang", "ORG") in got
    assert ("Budi Santoso", "PER") in got
    assert ("BaratDaya Lestari", "ORG") in got


# -- a named area of a city is no unit -------------------------------------------------------------------


def test_a_named_area_of_a_city_is_a_place_without_a_government() -> None:
    text = "Investors in Silicon Valley and on Wall Street cheered, while Soho shops stayed shut in London."
    got = found(text, "en", Tagger({"Silicon Valley": "LOC", "Wall Street": "LOC", "Soho": "LOC", "London": "LOC"}))
    assert ("Silicon Valley", "LOC") in got and ("Wall Street", "LOC") in got and ("Soho", "LOC") in got
    assert ("London", "GPE") in got


def test_a_family_named_as_a_group_is_no_person_and_lends_no_first_name() -> None:
    text = ("The Grimaldi Family issued a statement. Observers said the Grimaldi Family stayed silent. Grimaldi "
            "fans waited outside.")
    got = found(text, "en", Tagger({"Grimaldi Family": "PER"}))
    assert got.count(("Grimaldi Family", "ORG")) == 2
    assert not [t for t, ty in got if ty == "PER"]


# -- a director's portfolio is no person -----------------------------------------------------------------


def test_a_directors_portfolio_after_the_title_is_no_person() -> None:
    text = ("Rapat itu mengangkat Dewi Lestari sebagai Direktur Distribusi. Agus Salim menjadi Direktur "
            "Manajemen Pembangkitan, sedangkan Direktur Ritel dijabat Budi Santoso.")
    got = found(text, model=Tagger({"Dewi Lestari": "PER", "Agus Salim": "PER", "Budi Santoso": "PER"}))
    people = {t for t, ty in got if ty == "PER"}
    assert people == {"Dewi Lestari", "Agus Salim", "Budi Santoso"}


def test_a_frequent_word_after_a_title_is_no_person_but_a_given_name_is() -> None:
    text = "Ia bicara dengan Ketua Pejuang di sana. Ia juga bicara dengan Ketua Indah di sana."
    got = found(text, model=Tagger())
    assert got == [("Indah", "PER")]


def test_a_listed_club_glued_to_the_next_word_is_the_club_in_a_sport_article() -> None:
    text = ("Manchester Cityditahan imbang pada laga pekan ini. Pelatih klub itu kecewa dengan hasil laga dan "
            "gol yang dianulir. Di Manchester hujan turun.")
    got = found(text, model=_WholeWords({"Manchester": "GPE"}), open_glue=False)
    assert ("Manchester City", "ORG") in got
    assert got[-1] == ("Manchester", "GPE")


def test_a_legislature_named_by_its_one_word_is_an_organisation() -> None:
    text = ("The bill passed the Senate on Friday and the Legislature adjourned. Senate leaders met later at "
            "the State Opening of Parliament, and the Ohio Senate voted too.")
    got = found(text, "en", Tagger({"Ohio Senate": "ORG"}))
    assert ("Senate", "ORG") in got and ("Legislature", "ORG") in got
    assert ("Parliament", "ORG") not in got and ("Ohio Senate", "ORG") in got


def test_two_countries_joined_by_a_hyphen_that_the_model_read_as_one_name_are_two() -> None:
    text = "Pos itu berada di perbatasan Kamboja-Vietnam dan dijaga ketat."
    got = found(text, model=Tagger({"Kamboja-Vietnam": "ORG"}))
    assert got == [("Kamboja", "GPE"), ("Vietnam", "GPE")]


def test_an_institution_word_read_as_a_person_is_an_organisation() -> None:
    text = "The Lords reforms were delayed. Critics said the Government ignored them."
    got = found(text, "en", Tagger({"Lords": "PER", "Government": "ORG"}))
    assert got == [("Lords", "ORG")]


def test_a_corporate_role_of_an_organisation_leaves_the_organisation_and_the_person() -> None:
    text = ("Penerbangan dialihkan, ungkap Corporate Communications Strategic of Garuda Air, Budi Santoso "
            "lewat rilis, Senin.")
    got = found(text, model=Tagger({"Communications Strategic of Garuda Air": "ORG", "Budi Santoso": "PER"}))
    assert ("Garuda Air", "ORG") in got and ("Budi Santoso", "PER") in got
    assert not [t for t, ty in got if ty == "PER" and t != "Budi Santoso"]


def test_a_publication_named_with_the_keeps_it() -> None:
    text = "He told The Times: the talks had failed."
    got = found(text, "en", Tagger({"The Times": "ORG"}))
    assert got == [("The Times", "ORG")]


def test_a_function_word_glued_after_a_known_place_is_cut_off() -> None:
    text = "Skuad Timnas Vietnamtak terkalahkan. Barang dari Chinadi Jakarta laku keras."
    got = found(text, model=Tagger({"Timnas Vietnamtak": "ORG", "Chinadi Jakarta": "ORG"}), open_glue=False)
    assert ("Timnas Vietnam", "ORG") in got
    assert ("China", "GPE") in got and ("Jakarta", "GPE") in got


def test_a_kind_of_ceremony_is_no_event() -> None:
    text = "Usai akad, keluarga menggelar Siraman di Solo dan Ngunduh Mantu di Klaten."
    got = found(text, model=Tagger({"Siraman": "EVT", "Ngunduh Mantu": "EVT", "Solo": "GPE", "Klaten": "GPE"}))
    assert {t for t, _ in got} == {"Solo", "Klaten"}


def test_an_acronym_defines_the_whole_name_before_it_where_the_model_found_only_its_end() -> None:
    text = ("Donors met the UN Relief and Recovery Agency for Sudan (UNRRAS) on Monday. UNRRAS said aid was "
            "blocked.")
    got = found(text, "en", Tagger({"Recovery Agency for Sudan": "ORG"}))
    assert ("UN Relief and Recovery Agency for Sudan", "ORG") in got
    assert got.count(("UNRRAS", "ORG")) == 2
    assert ("Recovery Agency for Sudan", "ORG") not in got


def test_a_venue_named_after_its_city_is_a_place_and_its_acronym_follows() -> None:
    text = "Pameran digelar di Surabaya Convention Center (SCC), lalu pindah ke SCC lagi pekan depan."
    got = found(text, model=Tagger({"Surabaya Convention Center": "ORG", "SCC": "ORG"}))
    assert ("Surabaya Convention Center", "LOC") in got
    assert got.count(("SCC", "LOC")) == 2


def test_regional_village_and_district_units_are_places_with_a_government() -> None:
    text = "Banjir melanda Nagari Koto Tinggi dan Korong Pasa Dama, sementara Distrik Mae Sai aman."
    got = found(text, model=Tagger({"Nagari Koto Tinggi": "LOC", "Korong Pasa Dama": "LOC",
                                    "Distrik Mae Sai": "LOC"}))
    assert got == [("Nagari Koto Tinggi", "GPE"), ("Korong Pasa Dama", "GPE"), ("Distrik Mae Sai", "GPE")]


def test_a_title_then_the_names_an_office_not_a_person() -> None:
    """"Leader of the Opposition": a person's name takes no article, so the word after "the" is no
    person the title names (it was read as the person "Opposition")."""
    text = "The Office of the Leader of the Opposition said on Monday that the bill would be opposed."
    got = found(text, "en", Tagger({}))
    assert not [t for t, ty in got if ty == "PER"]
    text = "Secretary of State Marco Rubio flew to Manila on Tuesday."
    assert ("Marco Rubio", "PER") in found(text, "en", Tagger({}))
