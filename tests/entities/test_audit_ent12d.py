"""Rules from the audit of unseen English news pages of issue 11 (helper ent12d,
`bench/results/audit/ent12d-en-before.tsv`), on sentences written for these tests (not from any page
or gold set)."""

from __future__ import annotations

from linimasa.entities.english import (
    _ent12d_abbreviated_states,
    _ent12d_middle_initials,
    _ent12d_of_orgs,
    _ent12d_org_titles,
    _ent12d_run_ons,
    _ent12d_towns,
)
from linimasa.model import Mention
from linimasa.text.gazetteer import load_gazetteer


def at(text: str, surface: str, type_: str, nth: int = 0, source: str = "model", key: str | None = None) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, type_, source=source, key=key)  # type: ignore[arg-type]


def spans(text: str, ms: list[Mention]) -> list[tuple[str, str]]:
    assert all(text[m.start : m.end] == m.text for m in ms)
    return [(m.text, m.type) for m in ms]


def test_a_clause_word_alone_is_no_mention_and_a_run_on_ends_at_the_full_stop() -> None:
    text = "Most rockets fly from the U.S. There are few sites. The sites are in Peru. The Hague is calm."
    ms = [at(text, "U.S. The", "GPE"), at(text, "The", "GPE", 2), at(text, "Peru", "GPE"),
          at(text, "The Hague", "GPE")]
    out = _ent12d_run_ons(text, ms, load_gazetteer())
    assert spans(text, out) == [("U.S.", "GPE"), ("Peru", "GPE"), ("The Hague", "GPE")]


def test_a_full_stop_inside_a_name_before_a_name_word_is_kept() -> None:
    text = "She met Dr. Mona Lund at St. Olaf College."
    ms = [at(text, "Mona Lund", "PER"), at(text, "St. Olaf College", "ORG")]
    assert spans(text, _ent12d_run_ons(text, ms, load_gazetteer())) == [("Mona Lund", "PER"),
                                                                      ("St. Olaf College", "ORG")]


def test_an_organisation_named_with_of_on_or_for_after_its_head_is_one_name() -> None:
    text = ("The Office of the Governor said so. The State Committee on Water Rights met. "
            "Members of the Brotherhood of Ferry Pilots Local 12 voted.")
    ms = [at(text, "State Committee", "ORG"), at(text, "Water", "PER")]
    out = _ent12d_of_orgs(text, ms)
    assert spans(text, out) == [("Office of the Governor", "ORG"), ("State Committee on Water Rights", "ORG"),
                                ("Brotherhood of Ferry Pilots Local 12", "ORG")]


def test_the_of_rule_stops_at_a_title_and_leaves_a_qualifier_and_a_whole_name() -> None:
    text = ("The Office of Governor Lena Park replied. The Marsh Space Center for the Orion program grew. "
            "The Office of Roads and Bridges agreed.")
    ms = [at(text, "Lena Park", "PER"), at(text, "Marsh Space Center", "ORG"),
          at(text, "Office of Roads and Bridges", "ORG")]
    out = _ent12d_of_orgs(text, ms)
    assert spans(text, out) == [("Office of Governor", "ORG"), ("Lena Park", "PER"), ("Marsh Space Center", "ORG"),
                                ("Office of Roads and Bridges", "ORG")]


def test_a_title_after_an_organisation_and_a_party_word_are_cut() -> None:
    text = "Harbour Workers Union Chairman Ola Berg, Democratic objections, Senate Republican leader Tom Ek."
    ms = [at(text, "Harbour Workers Union Chairman", "ORG"), at(text, "Ola Berg", "PER"),
          at(text, "Democratic", "PER"), at(text, "Senate Republican", "PER"), at(text, "Tom Ek", "PER")]
    out = _ent12d_org_titles(ms)
    assert spans(text, out) == [("Harbour Workers Union", "ORG"), ("Ola Berg", "PER"), ("Senate", "ORG"),
                                ("Tom Ek", "PER")]


def test_a_title_after_a_lower_case_word_belongs_to_the_organisation() -> None:
    text = "The Office of the Governor spoke."
    ms = [at(text, "Office of the Governor", "ORG")]
    assert spans(text, _ent12d_org_titles(ms)) == [("Office of the Governor", "ORG")]


def test_a_middle_initial_joins_two_halves_of_a_name() -> None:
    text = "Rep. Nora K. Lindqvist and Ada Berg. K. Lund said so."
    ms = [at(text, "Nora", "PER"), at(text, "Lindqvist", "PER"), at(text, "Ada Berg", "PER"), at(text, "Lund", "PER")]
    assert spans(text, _ent12d_middle_initials(text, ms)) == [("Nora K. Lindqvist", "PER"), ("Ada Berg", "PER"),
                                                              ("Lund", "PER")]


def test_a_state_abbreviation_after_a_town_or_a_party_letter_is_the_state() -> None:
    text = "FRESNO, Calif. Sen. Ola Berg, R-Ky. said hi. Nothing at all, Man. Go."
    ms = [at(text, "FRESNO", "GPE", source="gazetteer"), at(text, "Calif", "PER"), at(text, "Ola Berg", "PER"),
          at(text, "Ky", "ORG"), at(text, "Man", "ORG")]
    out = _ent12d_abbreviated_states(text, ms, load_gazetteer())
    assert spans(text, out) == [("FRESNO", "GPE"), ("Calif.", "GPE"), ("Ola Berg", "PER"), ("Ky.", "GPE"),
                                ("Man", "ORG")]


def test_a_place_before_a_state_or_a_unit_word_is_a_town() -> None:
    text = "She lives in Oak Bluffs, Iowa. Lockdown in North Varpa district began. Oak Bluffs voted."
    ms = [at(text, "Oak Bluffs", "LOC"), at(text, "Iowa", "GPE", source="gazetteer", key="us-state:iowa"),
          at(text, "North Varpa", "ORG"),
          at(text, "Oak Bluffs", "LOC", 1)]
    out = _ent12d_towns(text, ms)
    assert [m.type for m in out] == ["GPE", "GPE", "GPE", "GPE"]


def test_a_place_before_a_comma_and_a_person_a_country_or_a_city_stays() -> None:
    text = "The Red Sea, Tom Ek said, is warm. The island of Varo, Spain, and Old Quay, London, are calm."
    ms = [at(text, "Red Sea", "LOC"), at(text, "Tom Ek", "PER"), at(text, "Varo", "LOC"),
          at(text, "Spain", "GPE", source="gazetteer", key="country:ES"), at(text, "Old Quay", "LOC"),
          at(text, "London", "GPE", source="gazetteer", key="city:london")]
    assert [m.type for m in _ent12d_towns(text, ms)] == ["LOC", "PER", "LOC", "GPE", "LOC", "GPE"]


def test_the_of_rule_takes_and_words_no_mention_holds_and_leaves_a_name_read_over_its_connector() -> None:
    text = ("The Centre for Water Safety and Control warned. The Department of Roads and Mira Lund met. "
            "University of Avalon Opens With Local Schools")
    ms = [at(text, "Centre", "ORG"), at(text, "Mira Lund", "PER"), at(text, "University of Avalon", "ORG")]
    out = _ent12d_of_orgs(text, ms)
    assert spans(text, out) == [("Centre for Water Safety and Control", "ORG"), ("Department of Roads", "ORG"),
                                ("Mira Lund", "PER"), ("University of Avalon", "ORG")]


def test_a_lower_case_clause_word_is_no_mention() -> None:
    text = "Pests such as aphids come. Lima is far."
    ms = [at(text, "as", "GPE"), at(text, "Lima", "GPE")]
    assert spans(text, _ent12d_run_ons(text, ms, load_gazetteer())) == [("Lima", "GPE")]


def test_a_compass_word_before_a_place_is_part_of_its_name() -> None:
    from linimasa.entities.english import _ent12d_compass_places

    text = "He flew to West Harbor Springs, then to South London. North Star shone. A non-Southwest Lima cafe."
    ms = [at(text, "Harbor Springs", "GPE"), at(text, "London", "GPE", source="gazetteer", key="city:london"),
          at(text, "Star", "PER"), at(text, "Lima", "GPE", source="gazetteer", key="city:lima")]
    out = _ent12d_compass_places(text, ms, load_gazetteer())
    assert spans(text, out) == [("West Harbor Springs", "GPE"), ("South London", "LOC"), ("Star", "PER"),
                                ("Lima", "GPE")]


def test_an_appositive_gives_a_name_read_as_a_person_its_kind() -> None:
    from linimasa.entities.english import _ent12d_appositives

    text = ("Talvo, the company behind the mill, grew. Ruska, a small fishing village 20 km away, cheered. "
            "Talvo hired Ada Berg, the company spokesman. Ruska voted. Ada Berg, a former teacher, spoke.")
    ms = [at(text, "Talvo", "PER"), at(text, "Ruska", "PER"), at(text, "Talvo", "PER", 1),
          at(text, "Ada Berg", "PER"), at(text, "Ruska", "PER", 1), at(text, "Ada Berg", "PER", 1)]
    out = _ent12d_appositives(text, ms)
    assert [m.type for m in out] == ["ORG", "GPE", "ORG", "PER", "GPE", "PER"]


def test_a_contracted_verb_is_cut_from_a_name() -> None:
    from linimasa.entities.english import _ent12d_contractions

    text = "If Ada Berg hadn’t left, Lund won't stay. Oslo's mayor came."
    ms = [at(text, "Ada Berg hadn’t", "PER"), at(text, "Lund won't", "PER"), at(text, "Oslo", "GPE")]
    assert spans(text, _ent12d_contractions(ms)) == [("Ada Berg", "PER"), ("Lund", "PER"), ("Oslo", "GPE")]


def test_a_name_after_a_person_only_honorific_is_a_person() -> None:
    from linimasa.entities.english import _ent12d_honorifics

    text = "Gifts from Lord Varrow angered Mr. Tosk. Varrow denied it. The Varrow Trust paid."
    ms = [at(text, "Varrow", "ORG"), at(text, "Tosk", "GPE"), at(text, "Varrow", "ORG", 1),
          at(text, "Varrow Trust", "ORG")]
    out = _ent12d_honorifics(text, ms)
    assert [m.type for m in out] == ["PER", "PER", "PER", "ORG"]


def test_a_name_goes_on_over_lower_case_particles() -> None:
    from linimasa.entities.english import _ent12d_particles

    text = "Ines van der Berk met Omar bin Saleh and Lars de GeaLars on Monday."
    ms = [at(text, "Ines", "PER"), at(text, "Berk", "PER"), at(text, "Omar", "PER"), at(text, "Lars", "PER")]
    out = _ent12d_particles(text, ms)
    # (a name glued to the next word by a scraper ends where the next capital starts)
    assert spans(text, out) == [("Ines van der Berk", "PER"), ("Omar bin Saleh", "PER"), ("Lars de Gea", "PER")]


def test_a_mention_ending_inside_a_word_is_the_known_whole_or_none() -> None:
    from linimasa.entities.english import _ent12d_mid_word

    text = "The European Union met in Spain; Dockerfiles, SEATAC and TwitterBoris Johnson spoke."
    e = text.index("Europe")
    u = text.index("Union")
    sp = text.index("Spa")
    ms = [Mention(e, e + 6, "Europe", "ORG"), Mention(u, u + 5, "Union", "ORG"), Mention(sp, sp + 3, "Spa", "GPE"),
          at(text, "Docker", "ORG"), at(text, "TAC", "GPE"), at(text, "Boris Johnson", "PER")]
    out = _ent12d_mid_word(text, ms, load_gazetteer())
    assert spans(text, out) == [("European Union", "ORG"), ("Spain", "GPE"), ("Boris Johnson", "PER")]


def test_a_name_after_the_town_of_is_a_town_wherever_written() -> None:
    from linimasa.entities.english import _ent12d_towns_of

    text = "Rebels held the town of Kefrana. Kefrana fell on Monday; the Kefrana road closed."
    out = _ent12d_towns_of(text, [])
    assert [(m.text, m.type, m.start) for m in out] == [
        ("Kefrana", "GPE", text.index("Kefrana")), ("Kefrana", "GPE", text.index("Kefrana.") + 9),
        ("Kefrana", "GPE", text.rindex("Kefrana"))]


def test_a_heading_in_capitals_keeps_only_what_the_article_names() -> None:
    from linimasa.entities.english import _ent12d_caps_headings

    text = "HOPES FOR OSKARSSON TALKS\nOskarsson met Lund.\nYEAR OF BIRTH FIELD\nBUREAU OF FERRIES SAYS"
    ms = [at(text, "OSKARSSON TALKS", "ORG"), at(text, "Oskarsson", "PER"), at(text, "Lund", "PER"),
          at(text, "YEAR OF BIRTH", "LOC"), at(text, "BUREAU OF FERRIES", "ORG")]
    out = _ent12d_caps_headings(text, ms, load_gazetteer())
    assert spans(text, out) == [("OSKARSSON", "PER"), ("Oskarsson", "PER"), ("Lund", "PER"),
                                ("BUREAU OF FERRIES", "ORG")]


def test_a_given_name_before_a_surname_the_article_names_a_person_is_one_person() -> None:
    from linimasa.entities.english import _ent12d_given_names

    text = ("Ivo Marek, a ferry pilot, left. Marek said no. Later Marek met Princess Marek. "
            "Hello Marek! The Oskar Marek Trust paid. See lemon tarts; Lemon Marek is odd.")
    ms = [at(text, "Marek", "PER", 1), at(text, "Marek", "PER", 2), at(text, "Marek", "PER", 3)]
    out = _ent12d_given_names(text, ms, load_gazetteer())
    assert spans(text, out) == [("Ivo Marek", "PER"), ("Marek", "PER"), ("Marek", "PER"), ("Marek", "PER")]


def test_a_photo_credit_is_cut_from_the_name() -> None:
    from linimasa.entities.english import _ent12d_credits

    text = "(Courtesy of Ada Lind) and (Photo by Ola Berg)"
    ms = [at(text, "Courtesy of Ada Lind", "ORG"), at(text, "Photo by Ola Berg", "PER")]
    assert spans(text, _ent12d_credits(ms)) == [("Ada Lind", "PER"), ("Ola Berg", "PER")]


def test_an_organisation_after_a_lone_capitalised_word_and_and_is_named_with_it() -> None:
    from linimasa.entities.english import _ent12d_and_orgs

    text = "Water and Land Survey Office staff left. Lund and Berg Shipping Group grew. Ada Lund and Harbour Union met."
    ms = [at(text, "Land Survey Office", "ORG"), at(text, "Lund", "PER"), at(text, "Berg Shipping Group", "ORG"),
          at(text, "Ada Lund", "PER", 0), at(text, "Harbour Union", "ORG")]
    out = _ent12d_and_orgs(text, sorted(ms, key=lambda m: m.start), load_gazetteer())
    assert spans(text, out) == [("Water and Land Survey Office", "ORG"), ("Lund", "PER"),
                                ("Berg Shipping Group", "ORG"), ("Ada Lund", "PER"), ("Harbour Union", "ORG")]


def test_a_town_read_as_a_town_before_a_state_makes_its_other_mentions_towns() -> None:
    text = "She lives in Oak Bluffs, Iowa. The Oak Bluffs area is calm."
    ms = [at(text, "Oak Bluffs", "GPE"), at(text, "Iowa", "GPE", source="gazetteer", key="us-state:iowa"),
          at(text, "Oak Bluffs", "LOC", 1)]
    assert [m.type for m in _ent12d_towns(text, ms)] == ["GPE", "GPE", "GPE"]


def test_site_furniture_is_no_mention_and_a_tag_bar_keeps_its_place() -> None:
    from linimasa.entities.english import _ent12d_site_furniture

    text = "Read our Privacy Policy. Tags: Floods in Kenya | Rain | Ada Lund, Terms of Service | Contact Us"
    ms = [at(text, "Privacy Policy", "PER"), at(text, "Kenya | Rain", "ORG"), at(text, "Ada Lund", "PER"),
          at(text, "Terms of Service | Contact Us", "ORG")]
    out = _ent12d_site_furniture(ms, load_gazetteer())
    assert spans(text, out) == [("Kenya", "GPE"), ("Ada Lund", "PER")]


def test_a_publication_read_as_a_person_or_a_place_is_an_organisation() -> None:
    from linimasa.entities.english import _ent12d_publications

    text = "The Harbor Daily Herald and Lake Weekly reported; Oslo Standard too; reporter Ada Press wrote."
    ms = [at(text, "Harbor Daily Herald", "PER"), at(text, "Lake Weekly", "LOC"), at(text, "Oslo Standard", "GPE"),
          at(text, "Ada Press", "PER")]
    assert [m.type for m in _ent12d_publications(ms)] == ["ORG", "ORG", "ORG", "PER"]


def test_a_person_before_administration_stays_a_person() -> None:
    from linimasa.entities.english import _ent12d_office_of

    text = "Ada Lund won. The Lund administration and the Lund Group met."
    ms = [at(text, "Ada Lund", "PER"), at(text, "Lund", "ORG", 1), at(text, "Lund Group", "ORG")]
    assert [m.type for m in _ent12d_office_of(text, ms)] == ["PER", "PER", "ORG"]


def test_a_capitalised_dateline_town_is_the_place() -> None:
    from linimasa.entities.english import _ent12d_caps_datelines

    text = "LONDON — Ada Lund said.\nNEWSROOM — nothing.\nSo LONDON, said."
    ms = [at(text, "LONDON", "ORG"), at(text, "NEWSROOM", "ORG"), at(text, "LONDON", "ORG", 1)]
    assert [m.type for m in _ent12d_caps_datelines(text, ms, load_gazetteer())] == ["GPE", "ORG", "ORG"]


def test_a_person_read_after_the_province_of_is_the_place() -> None:
    from linimasa.entities.english import _ent12d_towns_of

    text = "Crowds met in the province of Vara Lenn. Vara Lenn is calm."
    ms = [at(text, "Vara Lenn", "PER"), at(text, "Vara Lenn", "PER", 1)]
    assert [m.type for m in _ent12d_towns_of(text, ms)] == ["GPE", "GPE"]


def test_a_mention_without_a_capital_letter_is_none() -> None:
    from linimasa.entities.english import _ent12d_lower_case

    text = "It contains links to viruses, says ada@mail.com; see etsy.com and Oslo, or ديسمبر."
    ms = [at(text, "contains links to viruses", "ORG"), at(text, "ada@mail.com", "ORG"), at(text, "etsy.com", "ORG"),
          at(text, "Oslo", "GPE"), at(text, "ديسمبر", "ORG")]
    assert [m.text for m in _ent12d_lower_case(ms)] == ["etsy.com", "Oslo", "ديسمبر"]
    sure = Mention(0, 7, "flyoslo", "ORG", source="model", score=0.93)
    unsure = Mention(0, 7, "version", "ORG", source="model", score=0.63)
    assert [m.text for m in _ent12d_lower_case([sure, unsure])] == ["flyoslo"]


def test_an_organisation_cue_makes_a_lone_name_an_organisation_wherever_written() -> None:
    from linimasa.entities.english import _ent12d_cued_orgs

    text = ("Dozens of Quillmark employees left. Ada Lund, director for Quillmark, said so. Quillmark Press "
            "grew. A spokesperson for Sen. Ola Berg and most Americans employees disagreed.")
    ms = [at(text, "Ada Lund", "PER"), at(text, "Ola Berg", "PER")]
    out = _ent12d_cued_orgs(text, ms, load_gazetteer())
    assert [(m.text, m.type, m.start) for m in out if m.type == "ORG"] == [
        ("Quillmark", "ORG", text.index("Quillmark")), ("Quillmark", "ORG", text.index("Quillmark,"))]


def test_a_headline_verb_is_cut_from_a_name() -> None:
    from linimasa.entities.english import _ent12d_headline_verbs

    text = "Ola Berg Arrives In Oslo; Plans to Arrest Ada Lund; Says"
    ms = [at(text, "Ola Berg Arrives", "PER"), at(text, "Arrest Ada Lund", "PER"), at(text, "Says", "PER")]
    assert spans(text, _ent12d_headline_verbs(ms)) == [("Ola Berg", "PER"), ("Ada Lund", "PER")]


def test_a_title_case_title_with_a_capitalised_preposition_is_none() -> None:
    from linimasa.entities.english import _ent12d_title_case

    text = "Doormat For Forgetful People; Centre for Water Safety; Lund With"
    ms = [at(text, "Doormat For Forgetful People", "ORG"), at(text, "Centre for Water Safety", "ORG"),
          at(text, "Lund With", "PER")]
    assert [m.text for m in _ent12d_title_case(ms)] == ["Centre for Water Safety", "Lund With"]


def test_an_appositive_after_an_unread_name_gives_it_its_kind_everywhere() -> None:
    from linimasa.entities.english import _ent12d_appositives

    text = "They live in Varbeck, a suburb of Oslo. Varbeck voted. However, the company grew."
    ms = [at(text, "Oslo", "GPE", source="gazetteer")]
    out = _ent12d_appositives(text, ms)
    assert [(m.text, m.type) for m in out] == [("Varbeck", "GPE"), ("Oslo", "GPE"), ("Varbeck", "GPE")]


def test_an_unread_name_before_a_state_is_a_town_everywhere() -> None:
    text = "She moved from Varbeck, Iowa, last year. Varbeck is small. From Ada Lund, Iowa."
    ms = [at(text, "Iowa", "GPE", source="gazetteer", key="us-state:iowa"), at(text, "Ada Lund", "PER"),
          at(text, "Iowa", "GPE", 1, source="gazetteer", key="us-state:iowa")]
    out = _ent12d_towns(text, ms)
    assert [(m.text, m.type) for m in out] == [("Varbeck", "GPE"), ("Iowa", "GPE"), ("Varbeck", "GPE"),
                                               ("Ada Lund", "PER"), ("Iowa", "GPE")]


def test_a_name_then_or_and_its_initials_defines_an_acronym() -> None:
    from linimasa.entities.english import _ent12d_or_acronyms

    text = "Its maker, Polar Rocket Works, or PRW, grew. PRW hired. Ada Lund, or AL, spoke; Oslo, or NYC, too."
    ms = [at(text, "Polar Rocket Works", "ORG"), at(text, "Ada Lund", "PER"), at(text, "Oslo", "GPE")]
    out = _ent12d_or_acronyms(text, ms)
    assert [(m.text, m.type) for m in out] == [("Polar Rocket Works", "ORG"), ("PRW", "ORG"), ("PRW", "ORG"),
                                               ("Ada Lund", "PER"), ("Oslo", "GPE")]
