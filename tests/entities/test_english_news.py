"""The error classes found on the second English entity development set (eval/real-id/
dev-extra-entities-en2, English news outside the fundus pages), on sentences written for the tests. A
stand-in model (`Tagger`) tags the spans a statistical model is known to get wrong, so that each test
checks the rule and not the packaged CRF."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found


def test_a_middle_initial_keeps_a_person_whole() -> None:
    text = "Marla T. Quenby, 41, of Tessford, was cited for speeding."
    got = found(text, "en", Tagger({"Marla T": "PER", "Quenby": "PER"}))
    assert ("Marla T. Quenby", "PER") in got
    assert ("Quenby", "PER") not in got


def test_an_organisations_acronym_in_brackets_is_the_organisation() -> None:
    text = "Okabe Dento K.K. (ODK) makes platters. This week ODK announced a new drive."
    got = found(text, "en", Tagger({"Okabe Dento K.K.": "PER"}))
    assert ("Okabe Dento K.K.", "ORG") in got
    assert ("ODK", "ORG") in got
    assert ("ODK", "PER") not in got


def test_a_national_government_is_its_country() -> None:
    text = "The UK Government has informed the Governor. The Morvale Provincial Government said nothing."
    got = found(text, "en", Tagger())
    assert ("UK", "GPE") in got
    assert ("UK Government", "ORG") not in got
    assert ("Morvale Provincial Government", "ORG") in got


def test_a_caribbean_title_is_not_part_of_the_name() -> None:
    text = "The Honourable Deputy Premier Dorran Whitby will remain Acting Premier, said Congresswoman Ila Brandt."
    got = found(text, "en", Tagger({"Premier Dorran Whitby": "PER", "Honourable": "ORG",
                                    "Congresswoman Ila Brandt": "PER"}))
    assert ("Dorran Whitby", "PER") in got
    assert ("Ila Brandt", "PER") in got
    assert not any(t.startswith(("Premier", "Honourable", "Congresswoman")) for t, _ in got)


def test_a_name_only_written_after_the_is_no_person() -> None:
    text = "The Verlaine has fought to buy the painting. A campaign for the Verlaine ends in May."
    got = found(text, "en", Tagger(Verlaine="PER"))
    assert ("Verlaine", "ORG") in got
    assert ("Verlaine", "PER") not in got
    text = "Dana Orlick spoke for the Orlick campaign. Orlick said she would win."
    got = found(text, "en", Tagger({"Dana Orlick": "PER", "Orlick": "PER"}))
    assert ("Orlick", "PER") in got


def test_a_name_after_island_of_is_an_island_in_every_mention() -> None:
    text = "The rocky island of Quessa lies west. Goats ruled Quessa for a century."
    got = found(text, "en", Tagger(Quessa="ORG"))
    assert got.count(("Quessa", "LOC")) == 2


def test_an_office_named_by_its_holder_is_one_organisation() -> None:
    text = "The Brant County Sheriff's Office is investigating, and the Orlen District Attorney’s Office agreed."
    got = found(text, "en", Tagger({"Brant County Sheriff": "ORG"}))
    assert ("Brant County Sheriff's Office", "ORG") in got
    assert ("Orlen District Attorney’s Office", "ORG") in got
    assert ("Brant County Sheriff", "ORG") not in got


def test_a_road_named_by_a_number_is_a_place() -> None:
    text = ("A car was southbound on 1800E Road near 250N Road, then on Township Road 1325E and Ohio Route 7. "
            "Another crashed at Northwest 102nd Avenue.")
    got = found(text, "en", Tagger(Ohio="GPE", Township_Road="LOC"))
    assert {("1800E Road", "LOC"), ("250N Road", "LOC"), ("Township Road 1325E", "LOC"), ("Ohio Route 7", "LOC"),
            ("Northwest 102nd Avenue", "LOC")} <= set(got)
    assert ("Ohio", "GPE") not in got


def test_a_name_ending_in_a_venue_word_is_one_place() -> None:
    text = ("She was taken to Dunmore Memorial Hospital. The painting went to the Halvert Art Museum, and "
            "crowds filled Corran’s Lakeside Stadium.")
    got = found(text, "en", Tagger(Dunmore="GPE"))
    places = {("Dunmore Memorial Hospital", "LOC"), ("Halvert Art Museum", "LOC"), ("Lakeside Stadium", "LOC")}
    assert places <= set(got)
    assert ("Dunmore", "GPE") not in got


def test_a_known_city_before_area_is_a_place() -> None:
    got = found("A Houston-area salon banned men.", "en", Tagger())
    assert ("Houston", "GPE") in got


def test_a_home_town_after_an_age_is_a_place() -> None:
    text = ("Doral K. Penning, 38, Ambrey, was arrested for theft. A car driven by Lise Harrow, 52, of Tolland, "
            "was southbound.")
    got = found(text, "en", Tagger(Tolland="PER", Doral_K="PER", Penning="LOC"))
    assert {("Ambrey", "GPE"), ("Tolland", "GPE"), ("Doral K. Penning", "PER")} <= set(got)
    assert ("Tolland", "PER") not in got


def test_a_place_run_on_into_a_title_is_the_place() -> None:
    text = "The plan was backed by Vellmark Republican chair Oda Fenn and US Congresswoman Ines Marlow."
    got = found(text, "en", Tagger({"Vellmark Republican": "LOC", "US Congresswoman": "GPE", "Oda Fenn": "PER",
                                    "Ines Marlow": "PER"}))
    assert {("Vellmark", "LOC"), ("US", "GPE")} <= set(got)
    assert not any(t.endswith(("Republican", "Congresswoman")) for t, _ in got)


def test_a_place_named_in_french_by_its_kind_is_one_place() -> None:
    text = "Donors restored the Château de Morlanne and lent works to the Musée d’Arvel near the Gare du Sud."
    got = found(text, "en", Tagger(Morlanne="PER", Arvel="ORG"))
    assert {("Château de Morlanne", "LOC"), ("Musée d’Arvel", "LOC"), ("Gare du Sud", "LOC")} <= set(got)
    assert ("Morlanne", "PER") not in got


def test_a_given_name_that_is_a_place_after_a_title_is_the_persons() -> None:
    text = "The bill was backed by Rep. Alexandria Vorhees-Kane. Later she flew to Alexandria."
    got = found(text, "en", Tagger({"Vorhees-Kane": "PER"}))
    assert ("Alexandria Vorhees-Kane", "PER") in got
    assert ("Alexandria", "GPE") in got  # the city, named alone
    assert ("Vorhees-Kane", "PER") not in got


def test_a_capitalised_article_before_a_country_is_no_part_of_it() -> None:
    got = found("Divers in The Netherlands met officials from The Hague.", "en", Tagger())
    assert ("Netherlands", "GPE") in got
    assert ("The Hague", "GPE") in got
    assert ("The Netherlands", "GPE") not in got
