"""The error classes found on the English entity development set (eval/real-id/dev-extra-entities-en),
on sentences written for the tests. A stand-in model (`Tagger`) tags the spans a statistical model is
known to get wrong, so that each test checks the rule and not the packaged CRF."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found


def test_a_civic_or_academic_title_is_not_part_of_the_name() -> None:
    text = ("Party Chair Nadia Kellerman said so. Later Prof Oswin Tarrant told reporters, and a spokesman, "
            "Inspector Hal Brickell, agreed.")
    got = found(text, "en", Tagger(Chair_Nadia_Kellerman="PER", Prof_Oswin_Tarrant="PER",
                                   Inspector_Hal_Brickell="PER"))
    assert {("Nadia Kellerman", "PER"), ("Oswin Tarrant", "PER"), ("Hal Brickell", "PER")} <= set(got)
    assert not any(t.startswith(("Chair", "Prof", "Inspector")) for t, _ in got)


def test_a_street_or_road_named_with_its_kind_is_a_place() -> None:
    text = "Crews closed Quillon Road and Marbury Avenue near the Tessel Creek culvert on Friday."
    got = found(text, "en", Tagger(Quillon_Road="PER", Marbury="GPE", Avenue="PER"))
    assert {("Quillon Road", "LOC"), ("Marbury Avenue", "LOC"), ("Tessel Creek", "LOC")} <= set(got)


def test_a_county_is_a_unit_with_a_government() -> None:
    text = "Harlan County must submit a permit. The suspect is held in the Harlan County Jail."
    got = found(text, "en", Tagger())
    assert ("Harlan County", "GPE") in got
    assert ("Harlan County Jail", "LOC") in got
    assert ("Harlan County", "PER") not in got


def test_an_english_organisation_keeps_the_words_before_its_head() -> None:
    text = ("The Quorvan Institute of Soil Science and Agronomy said the Tenmark Department of the Environment "
            "had approved it.")
    got = found(text, "en", Tagger())
    assert ("Quorvan Institute of Soil Science and Agronomy", "ORG") in got
    assert ("Tenmark Department of the Environment", "ORG") in got


def test_and_before_a_second_organisation_ends_the_first() -> None:
    text = "Permits were given by the Varnel Army Corps of Engineers and Maryland Department of Water on Monday."
    got = found(text, "en", Tagger())
    assert ("Varnel Army Corps of Engineers", "ORG") in got
    assert ("Maryland Department of Water", "ORG") in got
    assert not any(t.endswith("Maryl") or t == "Maryl" for t, _ in got)


def test_first_level_units_of_english_news_are_places() -> None:
    text = ("Fires burned across New South Wales, while floods hit Kerala and Gauteng. "
            "Officials in Nova Scotia said the Caribbean was spared.")
    got = found(text, "en", Tagger(Nova_Scotia="PER", Gauteng="ORG", Wales="GPE"))
    assert {("New South Wales", "GPE"), ("Kerala", "GPE"), ("Gauteng", "GPE"), ("Nova Scotia", "GPE"),
            ("Caribbean", "LOC")} <= set(got)


def test_christmas_in_english_is_the_holiday() -> None:
    got = found("Sklar plans to release the special on Christmas.", "en", Tagger())
    assert ("Christmas", "GPE") not in got


def test_a_town_named_by_its_local_body_is_a_place_wherever_the_article_names_it() -> None:
    text = ("Officers are leaving the Brenford Police Department. Crime rose in Brenford last year. "
            "Brenford’s rate was the highest. The City of Brenford keeps the figures.")
    got = found(text, "en", Tagger(City="ORG"))
    assert ("Brenford Police Department", "ORG") in got
    assert got.count(("Brenford", "GPE")) == 2
    assert ("City of Brenford", "GPE") in got
    assert ("City", "ORG") not in got


def test_a_town_before_its_mayor_or_premier_is_a_place() -> None:
    text = "Talloway Mayor Orin Vesk said so, and Victoria Premier Daniel Andrews agreed."
    got = found(text, "en", Tagger(Victoria_Premier="ORG", Daniel_Andrews="PER"))
    assert ("Talloway", "GPE") in got
    assert ("Victoria", "GPE") in got
    assert ("Victoria Premier", "ORG") not in got


def test_a_national_or_generic_police_names_no_town() -> None:
    got = found("Forensic police found the victim. The Metropolitan Police said nothing.", "en", Tagger())
    assert ("Forensic", "GPE") not in got and ("Metropolitan", "GPE") not in got


def test_a_suffix_after_a_name_in_english_is_no_glued_word() -> None:
    text = "Europe reopened its borders. European neighbours were wary, and two New Yorkers were arrested in New York."
    got = found(text, "en", Tagger())
    assert got.count(("Europe", "LOC")) == 1
    assert got.count(("New York", "GPE")) == 1


def test_a_city_named_with_city_is_a_town_outside_sport() -> None:
    got = found("Floods hit Tarrow City again, residents of Tarrow City said.", "en", Tagger(Tarrow_City="ORG"))
    assert ("Tarrow City", "GPE") in got
    sport = found("Tarrow City beat the visitors 2-0; the coach praised the squad after the match.", "en",
                  Tagger(Tarrow_City="ORG"))
    assert ("Tarrow City", "ORG") in sport


def test_an_acronym_with_an_english_possessive_is_found() -> None:
    got = found("Critics doubt the UK's figures and the FBI’s account of the raid.", "en", Tagger())
    assert ("UK", "GPE") in got
    assert ("FBI", "ORG") in got


def test_an_abbreviated_street_keeps_its_dot_and_a_trust_is_an_organisation() -> None:
    text = "Buildings at 8085 Quill St. and 8109 Quill St. were assessed by the Dorrin Historic Trust."
    got = found(text, "en", Tagger(Dorrin="GPE", Historic_Trust="PER"))
    assert got.count(("Quill St.", "LOC")) == 2
    assert ("Dorrin Historic Trust", "ORG") in got


def test_one_capitalised_word_after_in_is_a_town() -> None:
    text = ("Quent Harlow, who was arrested in Brackwell the day after, was held. The models were sold in nearby "
            "Tessford. He was at Lord Alli's house, as outlined in Article 19, and moved in March.")
    got = found(text, "en", Tagger(Quent_Harlow="PER"))
    assert {("Brackwell", "GPE"), ("Tessford", "GPE")} <= set(got)
    assert not {("Lord", "GPE"), ("Article", "GPE"), ("March", "GPE")} & set(got)


def test_an_indefinite_article_and_a_lone_county_are_no_names() -> None:
    text = "A Harwick Police spokesman said so, and County Executive Mara Quell agreed."
    got = found(text, "en", Tagger(A_Harwick_Police="ORG", County="ORG", Mara_Quell="PER"))
    assert ("Harwick Police", "ORG") in got
    assert ("A Harwick Police", "ORG") not in got and ("County", "ORG") not in got


def test_a_large_us_city_is_known() -> None:
    got = found("Fans gathered in Philadelphia and Cleveland, and flew on to St. Louis.", "en", Tagger())
    assert {("Philadelphia", "GPE"), ("Cleveland", "GPE"), ("St. Louis", "GPE")} <= set(got)


def test_a_name_with_an_age_is_a_person_and_so_is_its_surname_later() -> None:
    text = "Police arrested Orvil Dane Jackson, 30, on Friday. Jackson, who was held overnight, was charged."
    got = found(text, "en", Tagger(Jackson="GPE"))
    assert ("Orvil Dane Jackson", "PER") in got
    assert ("Jackson", "PER") in got and ("Jackson", "GPE") not in got


def test_a_given_name_after_an_abbreviated_title_is_part_of_the_name() -> None:
    got = found("She was sworn in by Texas Lt. Gov. Dan Quarrie on Monday.", "en", Tagger(Quarrie="PER"))
    assert ("Dan Quarrie", "PER") in got


def test_a_place_named_with_a_possessive_stays_one_place() -> None:
    text = "The hotel near St. Orran's Square reopened, and visitors toured Vell Parrin’s Fossil Park again."
    got = found(text, "en", Tagger({"St. Orran's Square": "LOC", "Vell Parrin’s Fossil Park": "ORG"}))
    assert ("St. Orran's Square", "LOC") in got
    assert ("Fossil Park", "LOC") in got


def test_a_known_place_in_a_hyphenated_compound_is_found() -> None:
    got = found("The Melbourne-based researcher joined a San Francisco-headquartered firm.", "en", Tagger())
    assert {("Melbourne", "GPE"), ("San Francisco", "GPE")} <= set(got)


def test_brexit_is_no_entity() -> None:
    got = found("Four years earlier Brexit came as a blow to him.", "en", Tagger(Brexit="PER"))
    assert ("Brexit", "PER") not in got


def test_a_politicians_home_after_the_party_letter_is_a_place_and_a_us_route_is_not_the_country() -> None:
    text = "The seat of Senator Orla Venn (D-Brackwell) went to Ned Pask, R-Wis., and the road meets U.S. 29."
    got = found(text, "en", Tagger(Orla_Venn="PER", Ned_Pask="PER"))
    assert {("Brackwell", "GPE"), ("Wis.", "GPE")} <= set(got)
    assert ("U.S.", "GPE") not in got


def test_a_known_town_and_a_plural_in_a_sport_article_is_the_team() -> None:
    got = found("The NFL’s Denver Mustangs hosted a game on Sunday.", "en", Tagger(Mustangs="PER"))
    assert ("Denver Mustangs", "ORG") in got
    other = found("Residents of Denver Springs voted on Sunday.", "en", Tagger())
    assert ("Denver Springs", "ORG") not in other


def test_a_mountain_named_with_its_kind_is_a_place() -> None:
    got = found("Crews fought the vast Harrow Mountain fire west of the town.", "en", Tagger())
    assert ("Harrow Mountain", "LOC") in got


def test_a_name_listed_with_a_town_is_a_town() -> None:
    got = found("Of the ten largest cities, only Denver and Brackwell had a higher rate.", "en", Tagger())
    assert ("Brackwell", "GPE") in got
