"""English datelines and bylines (sentences written for these tests): the place is the city, a US
state or a country after it is the dateline's region (never the outlet), and an agency byline that
names a place gives the dateline."""

from __future__ import annotations

from linimasa.clean import clean_article
from linimasa.ingest import ingest_text
from linimasa.meta import extract_meta
from linimasa.text.dateline import byline_place, parse_dateline
from linimasa.timex.stage import process


def test_city_and_region_with_agency() -> None:
    found = parse_dateline("SPRINGFIELD, Ill. (AP) — Lawmakers approved the state budget late on Friday.")
    assert found is not None
    assert (found.place, found.region, found.outlet, found.agency) == ("Springfield", "Ill.", "Associated Press", "AP")


def test_city_and_state_or_country_without_agency_is_not_an_outlet() -> None:
    cases = {
        "PORTLAND, Ore. — Firefighters contained the blaze by Sunday evening.": ("Portland", "Ore."),
        "CEBU, Philippines — Ferry services resumed on Tuesday after the storm.": ("Cebu", "Philippines"),
        "BOULDER, Colorado — The university reopened its library.": ("Boulder", "Colorado"),
    }
    for line, (place, region) in cases.items():
        found = parse_dateline(line)
        assert found is not None, line
        assert (found.place, found.region, found.outlet) == (place, region, None), line


def test_outlet_and_place_still_read_as_before() -> None:
    found = parse_dateline("JAKARTA, KOMPAS.com - Hujan deras turun.")
    assert found is not None and (found.outlet, found.place, found.region) == ("Kompas.com", "Jakarta", None)


def test_agency_byline_names_the_place() -> None:
    cases = {
        "AFP, NAIROBI": ("Nairobi", "AFP"),
        "Reuters, BANGKOK": ("Bangkok", "Reuters"),
        "Associated Press in Lisbon": ("Lisbon", "Associated Press"),
        "Reuters in Buenos Aires": ("Buenos Aires", "Reuters"),
    }
    for line, (place, agency) in cases.items():
        found = byline_place(line)
        assert found is not None, line
        assert (found.place, found.agency, found.outlet) == (place, agency, None), line


def test_lines_that_are_not_agency_bylines() -> None:
    for line in ("Living in Lisbon", "By Maria Costa, LISBON", "Sport in Brief", "Weather, NAIROBI and beyond"):
        assert byline_place(line) is None, line


def test_byline_place_becomes_the_dateline_and_the_page_keeps_its_outlet() -> None:
    raw = ("Home\nWorld\nBusiness\nSport\n"
           "Floods cut off villages in northern Kenya\n"
           "AFP, NAIROBI\n"
           "Heavy rain has cut off dozens of villages in northern Kenya, officials said on Sunday, as rivers "
           "burst their banks for the second time this month.\n"
           "Aid agencies said roads to the region would stay closed for at least a week.\n")
    art = extract_meta(clean_article(ingest_text(raw)))
    assert art.dateline == "Nairobi"
    assert next(ln for ln in art.lines if ln.n == 6).kind == "dateline"
    assert art.text.startswith("Heavy rain has cut off")
    assert "AFP" in art.wire_sources


def test_dateline_below_many_teasers_is_found() -> None:
    teasers = "\n".join(f"Teaser headline number {n} about another story of the day" for n in range(12))
    raw = (f"{teasers}\nCity council approves new bus lanes\nBy Jane Doe\n"
           "DENVER, Colo. — The city council approved three new bus lanes on Monday, saying they would cut "
           "travel times on the busiest routes.\nWork is due to start in the spring.\n")
    art = clean_article(ingest_text(raw))
    assert art.dateline == "Denver"
    assert art.outlet is None  # "Colo." is the state, not the outlet



def test_reading_time_date_line_with_a_clock_glued_to_the_year_dates_the_article() -> None:
    raw = ("Ferry runs aground off the coast of the island\n"
           "3 minute readMarch 8, 20243:41 PM GMT+1Last Updated 5 min ago\n"
           "The ferry ran aground on Friday morning near the harbour, officials said in a statement.\n"
           "Nobody was hurt, the coast guard said.\n")
    art = clean_article(ingest_text(raw))
    date_line = art.lines[1]
    assert (date_line.label, date_line.kind) == ("metadata", "date")
    art.language = "en"
    dated = process(art)
    assert dated.published is not None and dated.published.value[:10] == "2024-03-08"
    meta = [t for t in dated.timexes if t.line == 2]
    assert all(date_line.text[t.start:t.end] == t.text for t in meta)
    # the date and the clock glued to it are one TIME (a date directly followed by a clock time)
    assert any(t.text == "March 8, 20243:41 PM GMT" and t.value == "2024-03-08T15:41" for t in meta)
    assert dated.published.value == "2024-03-08T15:41"
    friday = next(t for t in dated.timexes if t.text.startswith("Friday"))
    assert friday.value.startswith("2024-03-08")


def test_a_place_in_capitals_before_a_colon_is_a_dateline_but_a_label_is_not() -> None:
    found = parse_dateline("NEW DELHI: Talks between the unions and the ministry ended without a deal on Monday.")
    assert found is not None and (found.place, found.outlet) == ("New Delhi", None)
    assert parse_dateline("UPDATE: Talks between the unions and the ministry ended without a deal.") is None
    assert parse_dateline("WATCH: The minister leaves the talks.") is None


def test_a_menu_line_shaped_like_an_agency_byline_names_no_place() -> None:
    assert byline_place("News in Education Digital Access") is None
    found = byline_place("Associated Press in Valencia")
    assert found is not None and found.place == "Valencia"


def test_an_agency_dateline_with_an_underscore_for_its_dash() -> None:
    """AP's wire copy of the 1990s set an underscore where the dash stands ("NAIROBI, Kenya (AP) _"),
    on a line of its own or before the text; an underscore without the agency is no dateline."""
    for line in ("NAIROBI, Kenya (AP) _", "NAIROBI, Kenya (AP) _ Suspected bombs exploded on Friday."):
        found = parse_dateline(line)
        assert found is not None, line
        assert (found.place, found.region, found.outlet) == ("Nairobi", "Kenya", "Associated Press"), line
    assert parse_dateline("NAIROBI, Kenya _ Suspected bombs exploded on Friday.") is None
