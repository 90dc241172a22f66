"""English rules for unseen news pages (helper enten): sentences written for the tests, with the
packaged model or a stand-in (`Tagger`) that tags the spans a statistical model is known to get wrong."""

from __future__ import annotations

from linimasa.entities.english import _ent12d_compass_places, _enten_dotted_tails
from linimasa.text.gazetteer import load_gazetteer
from tests.entities.test_audit_ent12d import at, spans


def test_a_compass_adjective_read_as_a_place_joins_the_place_after_it() -> None:
    text = "Fires burned in Southern Oregon while Eastern Tennessee stayed dry."
    ms = [at(text, "Southern", "GPE", source="rule"),
          at(text, "Oregon", "GPE", source="gazetteer", key="us-state:oregon"),
          at(text, "Eastern", "GPE"), at(text, "Tennessee", "GPE", source="gazetteer", key="us-state:tennessee")]
    out = _ent12d_compass_places(text, ms, load_gazetteer())
    assert spans(text, out) == [("Southern Oregon", "LOC"), ("Eastern Tennessee", "LOC")]


def test_a_compass_adjective_read_as_a_person_stays_apart() -> None:
    text = "Ada Western Oregon"
    ms = [at(text, "Ada Western", "PER"), at(text, "Oregon", "GPE", source="gazetteer", key="us-state:oregon")]
    out = _ent12d_compass_places(text, ms, load_gazetteer())
    assert spans(text, out) == [("Ada Western", "PER"), ("Oregon", "GPE")]


def test_an_abbreviated_name_tail_keeps_its_full_stop() -> None:
    text = "Tomas Brell Jr. thanked Halvard Bros. and Kessin Corp, then Brell Jr. left. Pinto Sr"
    ms = [at(text, "Tomas Brell Jr", "PER"), at(text, "Halvard Bros", "ORG"), at(text, "Kessin Corp", "ORG"),
          at(text, "Brell Jr", "PER", 1), at(text, "Pinto Sr", "PER")]
    out = _enten_dotted_tails(text, ms)
    assert spans(text, out) == [("Tomas Brell Jr.", "PER"), ("Halvard Bros.", "ORG"), ("Kessin Corp", "ORG"),
                                ("Brell Jr.", "PER"), ("Pinto Sr", "PER")]


def test_a_plural_nickname_after_the_is_a_team_in_a_sports_article() -> None:
    from linimasa.entities.english import _enten_teams

    text = ("The Wolverhawks won the game 3-1 as the Wolverhawks' coach smiled. Wolverhawks fans sang. "
            "The Americans and the Americans' coach left; the Heights and the Heights stayed.")
    ms = [at(text, "Wolverhawks", "PER", 2), at(text, "Americans", "GPE")]
    out = _enten_teams(text, ms, load_gazetteer())
    assert spans(text, out) == [("Wolverhawks", "ORG")] * 3 + [("Americans", "GPE")]


def test_a_plural_nickname_is_no_team_outside_sport_or_in_lower_case() -> None:
    from linimasa.entities.english import _enten_teams

    plain = "The Wolverhawks met the Wolverhawks at noon."
    assert _enten_teams(plain, [], load_gazetteer()) == []
    lower = "The Greys won the game; the Greys and the greys of autumn."
    assert _enten_teams(lower, [], load_gazetteer()) == []


def test_a_plural_place_after_the_is_a_place() -> None:
    from linimasa.entities.english import _enten_plural_places

    text = "Cases rose across the Americas and in the Alps. Americas Bank opened."
    out = _enten_plural_places(text, [at(text, "Americas Bank", "ORG")])
    assert spans(text, out) == [("Americas", "LOC"), ("Alps", "LOC"), ("Americas Bank", "ORG")]


def test_a_name_before_a_party_designation_is_a_legislator() -> None:
    from linimasa.entities.english import _enten_party_designations

    text = "Rep. Ada Kell (R-N.C.) spoke, as did Tom Varo (D-Calif.). Ada Kell left."
    ms = [at(text, "Ada Kell", "ORG"), at(text, "Tom Varo", "PER"), at(text, "Calif.", "GPE", source="rule"),
          at(text, "Ada Kell", "ORG", 1)]
    out = _enten_party_designations(text, ms, load_gazetteer())
    assert spans(text, out) == [("Ada Kell", "PER"), ("N.C.", "GPE"), ("Tom Varo", "PER"), ("Calif.", "GPE"),
                                ("Ada Kell", "PER")]


def test_a_place_before_a_party_name_is_the_party_branch() -> None:
    from linimasa.entities.english import _enten_local_parties

    text = "The Marlow County GOP met. Ohio Republican Party chiefs and Ohio Republicans disagreed."
    ms = [at(text, "Marlow County", "GPE", source="rule"),
          at(text, "GOP", "ORG", source="gazetteer", key="party:us-republican"),
          at(text, "Ohio", "GPE", source="gazetteer", key="us-state:ohio"),
          at(text, "Republican Party", "ORG", source="gazetteer", key="party:us-republican"),
          at(text, "Ohio", "GPE", 1, source="gazetteer", key="us-state:ohio"),
          at(text, "Republicans", "ORG", source="gazetteer", key="party:us-republican")]
    out = _enten_local_parties(text, ms)
    assert spans(text, out) == [("Marlow County GOP", "ORG"), ("Ohio Republican Party", "ORG"), ("Ohio", "GPE"),
                                ("Republicans", "ORG")]
    assert out[0].key == "party:us-republican@marlow county"  # one key per branch, however it is named
    assert out[1].key == "party:us-republican@us-state:ohio"


def test_a_run_on_mention_over_a_title_is_a_body_and_a_person() -> None:
    from linimasa.entities.english import _enten_inner_titles

    text = ("Marlow County District Attorney Ada Kell spoke. Federal Reserve Chair Tom Varo agreed. "
            "State Sen. Ina Roe left. Justice League Coach of the Year won.")
    ms = [at(text, "Marlow County District Attorney Ada Kell", "LOC"),
          at(text, "Federal Reserve Chair Tom Varo", "ORG"),
          at(text, "State Sen. Ina Roe", "PER"), at(text, "Justice League Coach of the Year", "EVT")]
    out = _enten_inner_titles(ms, load_gazetteer())
    assert spans(text, out) == [("Marlow County", "GPE"), ("Ada Kell", "PER"), ("Federal Reserve", "ORG"),
                                ("Tom Varo", "PER"), ("Ina Roe", "PER"), ("Justice League Coach of the Year", "EVT")]


def test_a_demonym_and_a_people_noun_are_no_entity() -> None:
    from linimasa.entities.english import _enten_peoples

    text = "Lands of Indigenous Peoples and Aboriginal Women grew; Peoples Bank and Dutch Workers Union did not."
    ms = [at(text, "Indigenous Peoples", "PER"), at(text, "Aboriginal Women", "ORG"), at(text, "Peoples Bank", "ORG"),
          at(text, "Dutch Workers Union", "ORG")]
    assert spans(text, _enten_peoples(ms)) == [("Peoples Bank", "ORG"), ("Dutch Workers Union", "ORG")]


def test_indigenous_alone_is_no_person() -> None:
    from tests.entities.test_settle import Tagger, found

    got = found("Forests on lands held by Indigenous groups stayed intact.", "en", Tagger(Indigenous="PER"))
    assert ("Indigenous", "PER") not in got


def test_an_unread_publication_name_is_an_organisation() -> None:
    from linimasa.entities.english import _enten_unread_publications

    text = ("Speaking with Varnaby Herald on Monday, she said the Varnaby Herald erred. "
            "Local News: the local paper. She read Kolm Times.")
    ms = [at(text, "Varnaby", "PER", 1), at(text, "Kolm Times", "PER")]
    out = _enten_unread_publications(text, ms)
    assert spans(text, out) == [("Varnaby Herald", "ORG"), ("Varnaby Herald", "ORG"), ("Kolm Times", "PER")]


def test_a_title_after_a_given_name_is_a_surname() -> None:
    from tests.entities.test_settle import Tagger, found

    text = "The host Marla King asked the senator. Later, King said the Swedish King was away."
    got = found(text, "en", Tagger({"Marla King": "PER", "Swedish King": "PER"}))
    assert ("Marla King", "PER") in got
    assert ("Swedish King", "PER") not in got


def test_a_sentence_adverb_alone_is_no_name() -> None:
    from tests.entities.test_settle import Tagger, found

    text = "Already, teachers in Marbury have walked out. Moreover, Ada Kell resigned."
    got = found(text, "en", Tagger({"Already": "PER", "Moreover": "ORG", "Ada Kell": "PER"}))
    assert ("Ada Kell", "PER") in got
    assert not {t for t, _ in got} & {"Already", "Moreover"}


def test_a_region_of_a_country_is_an_area() -> None:
    from linimasa.entities.english import _enten_regions

    text = "Storms hit the Midwest and West Coast hubs; a heat wave baked the West. West Coast Bank grew."
    ms = [at(text, "Midwest", "GPE"), at(text, "West.", "GPE"), at(text, "West Coast Bank", "ORG")]
    out = _enten_regions(text, ms)
    assert spans(text, out) == [("Midwest", "LOC"), ("West Coast", "LOC"), ("West", "LOC"),
                                ("West Coast Bank", "ORG")]


def test_two_known_places_joined_by_and_are_two_places() -> None:
    from linimasa.entities.english import _enten_place_pairs

    text = "Sales in Africa and Europe grew, as did Trinidad and Tobago. Marks and Spencer rose."
    ms = [at(text, "Africa and Europe", "ORG"), at(text, "Trinidad and Tobago", "GPE", source="gazetteer",
                                                   key="country:TT"), at(text, "Marks and Spencer", "ORG")]
    out = _enten_place_pairs(ms, load_gazetteer())
    assert spans(text, out) == [("Africa", "LOC"), ("Europe", "LOC"), ("Trinidad and Tobago", "GPE"),
                                ("Marks and Spencer", "ORG")]


def test_a_known_place_before_a_surname_is_a_given_name() -> None:
    from linimasa.entities.english import _enten_place_given_names

    text = "The painter Florence Quilby spoke. Fans in Florence Quilby met. Quilby left."
    ms = [at(text, "Florence", "GPE", source="gazetteer", key="city:florence"), at(text, "Quilby", "PER"),
          at(text, "Florence", "GPE", 1, source="gazetteer", key="city:florence"), at(text, "Quilby", "PER", 1),
          at(text, "Quilby", "PER", 2)]
    out = _enten_place_given_names(text, ms)
    assert spans(text, out) == [("Florence Quilby", "PER"), ("Florence", "GPE"), ("Quilby", "PER"),
                                ("Quilby", "PER")]


def test_the_other_side_of_a_game_and_a_team_member_word() -> None:
    from linimasa.entities.english import _enten_teams

    text = ("In the season opener the Wolverhawks beat the Wolverhawks' rivals, as the Wolverhawks and Stormjays "
            "met. It was former Wolverhawk Ada Kell who scored, a Wolverhawk said.")
    ms = [at(text, "Wolverhawk Ada Kell", "PER"), at(text, "Wolverhawk", "PER", 4)]
    out = _enten_teams(text, ms, load_gazetteer())
    assert spans(text, out) == [("Wolverhawks", "ORG")] * 3 + [("Stormjays", "ORG"), ("Ada Kell", "PER")]


def test_a_name_glued_to_a_point_and_a_digit_is_a_code() -> None:
    from linimasa.entities.english import _enten_versions

    text = "Cases of Omicron XR.4 rose in Kessin. Kessin 2.0 is a plan."
    ms = [at(text, "Omicron XR", "LOC"), at(text, "Kessin", "GPE"), at(text, "Kessin", "GPE", 1)]
    assert spans(text, _enten_versions(text, ms)) == [("Kessin", "GPE"), ("Kessin", "GPE")]


def test_an_unread_run_ending_in_an_organisation_word_is_an_organisation() -> None:
    from linimasa.entities.english import _enten_unread_orgs

    text = ("Rangers from Heron and Otter International and Marsh Survey Foundation counted birds, said "
            "Norway's Coastal Mapping Agency. The Foundation said so.")
    ms = [at(text, "Heron", "PER")]
    out = _enten_unread_orgs(text, ms)
    assert spans(text, out) == [("Heron and Otter International", "ORG"), ("Marsh Survey Foundation", "ORG"),
                                ("Coastal Mapping Agency", "ORG")]


def test_an_organisation_run_that_runs_on_with_of_is_left_alone() -> None:
    from linimasa.entities.english import _enten_unread_orgs

    text = "Members of the Senate Review Committee on the Budget Process met the Harbor Trust."
    assert spans(text, _enten_unread_orgs(text, [])) == [("Harbor Trust", "ORG")]


def test_a_state_abbreviation_after_a_town_and_a_comma() -> None:
    from linimasa.entities.english import _enten_abbreviated_states

    text = "Flights to Ashby Falls, Nev., and to Kessin, Ore. resumed."
    ms = [at(text, "Ashby Falls", "ORG"), at(text, "Kessin", "GPE"), at(text, "Ore", "PER")]
    out = _enten_abbreviated_states(text, ms, load_gazetteer())
    got = spans(text, out)
    assert got[:4] == [("Ashby Falls", "GPE"), ("Nev.", "GPE"), ("Kessin", "GPE"), ("Ore.", "GPE")]
    assert [m.key for m in out if m.text == "Nev."] == ["us-state:nevada"]


def test_a_name_in_a_state_after_in_is_a_town() -> None:
    from linimasa.entities.english import _enten_towns_in_states

    text = "Agents seized a boat in Bravela, Puerto Rico. Bravela police thanked Ada Kell, Ohio's envoy."
    ms = [at(text, "Bravela", "PER"), at(text, "Puerto Rico", "GPE", source="gazetteer", key="country:PR"),
          at(text, "Bravela", "PER", 1), at(text, "Ada Kell", "PER"),
          at(text, "Ohio", "GPE", source="gazetteer", key="us-state:ohio")]
    out = _enten_towns_in_states(text, ms)
    assert spans(text, out) == [("Bravela", "GPE"), ("Puerto Rico", "GPE"), ("Bravela", "GPE"), ("Ada Kell", "PER"),
                                ("Ohio", "GPE")]


def test_a_broadcaster_read_as_a_person_is_an_organisation() -> None:
    from linimasa.entities.english import _ent12d_publications

    text = "Ada Kell told Marlo Sports and Kessin TV on Monday."
    ms = [at(text, "Ada Kell", "PER"), at(text, "Marlo Sports", "PER"), at(text, "Kessin TV", "GPE")]
    assert spans(text, _ent12d_publications(ms)) == [("Ada Kell", "PER"), ("Marlo Sports", "ORG"),
                                                     ("Kessin TV", "ORG")]


def test_an_unread_company_or_department_run_is_an_organisation() -> None:
    from linimasa.entities.english import _enten_unread_orgs

    text = "Workers of Talvo Mining and Haulage Company met staff of the Harbor Parks Department."
    ms = [at(text, "Haulage Company", "ORG")]
    assert spans(text, _enten_unread_orgs(text, ms)) == [("Talvo Mining and Haulage Company", "ORG"),
                                                          ("Harbor Parks Department", "ORG")]


def test_la_with_points_is_los_angeles() -> None:
    assert load_gazetteer().lookup("L.A.").id == "city:los-angeles"


def test_an_unread_run_with_a_short_acronym_is_an_organisation() -> None:
    from linimasa.entities.english import _enten_unread_orgs

    text = "Riders of NV Transit and Kessin Airways waited."
    assert spans(text, _enten_unread_orgs(text, [])) == [("NV Transit", "ORG"), ("Kessin Airways", "ORG")]


def test_an_organisation_runs_on_over_an_ampersand() -> None:
    from linimasa.entities.english import _enten_ampersands

    text = "Kessin Gas & Electric raised rates; the Talvo Hall and Ada Kell & partners did not."
    ms = [at(text, "Kessin Gas", "ORG"), at(text, "Electric", "PER"), at(text, "Talvo Hall", "ORG"),
          at(text, "Ada Kell", "PER")]
    assert spans(text, _enten_ampersands(text, ms)) == [("Kessin Gas & Electric", "ORG"), ("Talvo Hall", "ORG"),
                                                         ("Ada Kell", "PER")]


def test_a_portfolio_word_is_no_part_of_the_minister_s_name() -> None:
    from linimasa.entities.english import _enten_portfolios

    text = "Minister of Tourism Ada Kell spoke, then Minister for Sport Varo and Minister of Health."
    ms = [at(text, "Tourism Ada Kell", "PER"), at(text, "Sport Varo", "PER"), at(text, "Health", "PER")]
    assert spans(text, _enten_portfolios(text, ms)) == [("Ada Kell", "PER"), ("Varo", "PER")]


def test_upper_or_lower_before_a_street_is_no_part_of_its_name() -> None:
    from linimasa.entities.english import _enten_street_ends

    text = "Shops on Lower Harbor Street and Upper Kessin flooded."
    ms = [at(text, "Lower Harbor Street", "LOC"), at(text, "Upper Kessin", "GPE")]
    assert spans(text, _enten_street_ends(ms)) == [("Harbor Street", "LOC"), ("Upper Kessin", "GPE")]


def test_a_name_after_a_person_title_is_a_person() -> None:
    from linimasa.entities.english import _enten_titled_names

    text = "Secretary-General Marla Quent spoke; Mayor Tova Hall Foundation and President Kessin Harbor Times did not."
    ms = [at(text, "Marla Quent", "ORG"), at(text, "Tova Hall Foundation", "ORG"),
          at(text, "Kessin Harbor Times", "ORG")]
    assert spans(text, _enten_titled_names(text, ms, load_gazetteer())) == [
        ("Marla Quent", "PER"), ("Tova Hall Foundation", "ORG"), ("Kessin Harbor Times", "ORG")]
