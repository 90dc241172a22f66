"""English rules found on TimeBank/AQUAINT as development data (issue 11): each case is a sentence
written for the rule, not taken from any gold set."""

from __future__ import annotations

import datetime as dt

from linimasa.timex.tagger import tag


def _found(text: str, dct: dt.date, lang: str = "en") -> list[tuple[str, str]]:
    return [(f.timex.text, f.timex.value) for f in tag(text, lang, dct)]


DCT = dt.date(2024, 10, 30)


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before() -> None:
    """A report's "a year earlier" / "a year ago" compares with the same quarter of the year before."""
    got = _found("The brewer posted third-quarter profit of $12 million, up from $9 million a year earlier.", DCT)
    assert ("a year earlier", "2023-Q3") in got
    got = _found("The bank earned $40 million in the second quarter, against $31 million a year ago.", DCT)
    assert ("a year ago", "2023-Q2") in got
    # with no quarter told it stays the year
    assert ("a year ago", "2023") in _found("The mayor took office a year ago.", DCT)


def test_year_ago_and_year_earlier_periods() -> None:
    text = ("The retailer lost $3 million in the third quarter. In the year-ago quarter it earned $2 million, "
            "and year-earlier sales were higher. The comparable year-earlier period had no charges.")
    got = _found(text, DCT)
    assert ("the year-ago quarter", "2023-Q3") in got
    assert ("year-earlier", "2023-Q3") in got
    assert ("The comparable year-earlier period", "2023-Q3") in got
    # the comparison period does not become the period told: a later "a year earlier" is still 2023's
    assert ("a year earlier", "2023-Q3") in _found(
        "Profit rose in the third quarter. In the year-ago quarter it fell. Sales grew 5% from a year earlier.", DCT)


def test_a_quarter_written_after_its_year_or_a_possessive_year() -> None:
    text = ("The miner cut output in the 2023 second quarter. Next year's first quarter will be better than "
            "last year's third quarter.")
    got = _found(text, DCT)
    assert ("the 2023 second quarter", "2023-Q2") in got
    assert ("Next year's first quarter", "2025-Q1") in got
    assert ("last year's third quarter", "2023-Q3") in got
    got = _found("Profit rose in the third quarter, beating the 2023 period.", DCT)
    assert ("the 2023 period", "2023-Q3") in got


def test_the_quarter_is_the_quarter_told() -> None:
    got = _found("The airline reported a second-quarter loss. Fuel costs rose 8% in the quarter.", DCT)
    assert ("the quarter", "2024-Q2") in got
    got = _found("Third-quarter sales climbed; in the latest period costs fell.", DCT)
    assert ("the latest period", "2024-Q3") in got
    # no quarter told: not a timex ("the quarter" of a city, a coin)
    assert _found("Tourists crowded the quarter near the old harbour.", DCT) == []
    got = _found("Profit fell from the corresponding period last year, after a strong first quarter.", DCT)
    assert got[0][0] == "the corresponding period last year"


def test_a_dividend_date_is_a_coming_one() -> None:
    """"payable", "of record" before a day: paid after the report, whatever the verb ("reduced")."""
    got = _found("The reduced dividend is payable Feb. 3 to holders of record Dec. 28.", dt.date(2024, 11, 5))
    assert got == [("Feb. 3", "2025-02-03"), ("Dec. 28", "2024-12-28")]
    # without the cue a past verb keeps the day gone
    assert ("Feb. 3", "2024-02-03") in _found("The board reduced the dividend on Feb. 3.", dt.date(2024, 11, 5))


def test_a_year_said_in_words() -> None:
    """Broadcast transcripts write years in words: the year, with a month or season said before it."""
    dct = dt.date(1998, 2, 1)
    got = _found("She moved here in nineteen ninety-three and married in June nineteen ninety-five.", dct)
    assert got == [("nineteen ninety-three", "1993"), ("June nineteen ninety-five", "1995-06")]
    got = _found("The dam failed in the spring of nineteen eighty-one; it must be rebuilt by the year two thousand.",
                 dct)
    assert got == [("the spring of nineteen eighty-one", "1981-SP"), ("the year two thousand", "2000")]
    # a count in words is no year
    assert _found("Nineteen fifty people signed the letter.", dct) == []


def test_irregular_past_verbs_tell_the_past() -> None:
    """"today became", "sold ... on Monday": irregular past forms put the sentence in the past."""
    dct = dt.date(2024, 3, 13)  # a Wednesday
    assert ("today", "2024-03-13") in _found("The three states today became full members of the alliance.", dct)
    # (a Thursday's untensed Friday would be the next day)
    assert ("Friday", "2024-03-08") in _found("The fund sold its stake Friday, the filing shows.", dt.date(2024, 3, 14))


def test_a_weekday_in_brackets_is_the_same_moment_in_another_zone() -> None:
    """"Tuesday (early Wednesday AEST)": the day next to the one told, not a week before it."""
    got = _found("The court wrote its ruling on Tuesday (early Wednesday AEST), citing the debate.",
                 dt.date(2026, 6, 30))
    assert got == [("Tuesday", "2026-06-30"), ("early Wednesday", "2026-07-01")]
    got = _found("The All Blacks lost on Saturday (Sunday NZT) in Cardiff.", dt.date(2026, 7, 6))
    assert got == [("Saturday", "2026-07-04"), ("Sunday", "2026-07-05")]


def test_centuries_past_the_fifth() -> None:
    dct = dt.date(2024, 3, 13)
    assert _found("The chapel was built in the 11th century.", dct) == [("the 11th century", "10")]
    assert _found("A twelfth century manuscript was found.", dct) == [("twelfth century", "11")]
    # no quarter past the fourth
    assert _found("It was the team's sixth quarter without a loss.", dct) == []


def test_a_company_year_named_by_its_last_day_and_year_end() -> None:
    dct = dt.date(2024, 10, 30)
    got = [(f.timex.text, f.timex.type, f.timex.value) for f in tag(
        "For the fiscal year ended June 30, the miner earned $2 billion.", "en", dct)]
    assert got[0] == ("the fiscal year", "DURATION", "P1Y")
    assert ("year-end", "2024") in _found("The purchase should close by year-end, the bank said.", dct)
    assert ("year's end", "2024") in _found("New rules will be in place by year's end.", dct)
    # a year-end thing is no time
    assert _found("The year-end bonus was cut.", dct) == []


def test_the_quarter_after_a_month_and_the_quarter_ended() -> None:
    """A month told after the quarter does not end it; "the quarter ended <month>" names its own."""
    text = ("The chipmaker posted a third-quarter loss. It cut prices a month ago. "
            "Inventories fell during the quarter.")
    assert ("the quarter", "2024-Q3") in _found(text, DCT)
    got = _found("In the quarter ended June 30, the retailer had 5 million shares outstanding.", DCT)
    assert got[0] == ("the quarter", "2024-Q2")


def test_small_english_forms() -> None:
    dct = dt.date(2024, 3, 13)
    got = [(f.timex.text, f.timex.type, f.timex.value) for f in tag(
        "Shares fell for six trading days. The fair opens each July. Police came in the mid afternoon.", "en", dct)]
    assert ("six trading days", "DURATION", "P6D") in got
    assert ("each July", "SET", "XXXX-07") in got
    assert ("the mid afternoon", "TIME", "2024-03-13TAF") in got
    assert ("1975", "1975") in _found("Post-1975 Vietnam rebuilt its roads.", dct)
    # programmes named by a time are no time
    assert _found("The senator told CBS's 60 Minutes and ABC's This Week about the plan.", dct) == []


def test_a_length_of_quarters_is_counted_in_months() -> None:
    dct = dt.date(2026, 6, 6)
    got = [(f.timex.text, f.timex.type, f.timex.value) for f in tag(
        "The rebound follows two quarters of contraction; the charge is spread over the next three quarters. "
        "Dividends are paid every quarter.", "en", dct)]
    assert ("two quarters", "DURATION", "P6M") in got
    assert ("the next three quarters", "DURATION", "P9M") in got
    assert ("every quarter", "SET", "P1Q") in got
    # fractions are no length
    assert _found("Three-quarters of renters and three quarters of the owners agreed.", dct) == []


def test_the_first_name_jan_is_no_month() -> None:
    dct = dt.date(1999, 3, 13)
    assert _found("The treaty was signed by Geremek and Jan Kavan of the Czech Republic.", dct) == []
    assert ("Jan", "1999-01") in _found("Sales rose in Jan and fell in February.", dct)


def test_a_day_of_the_last_weeks_is_not_of_a_past_year_told_before() -> None:
    """A past year told in an earlier sentence does not take a day of the weeks just before publication."""
    dct = dt.date(1990, 8, 15)
    text = ("He had rejected the treaty after the August 1988 cease-fire. "
            "Iran had condemned the invasion of Kuwait on Aug. 2 but criticised the force.")
    assert ("Aug. 2", "1990-08-02") in _found(text, dct)
    # a day months before publication still takes the story's year
    text = "He had rejected the treaty after the August 1988 cease-fire. Talks had failed on March 3."
    assert ("March 3", "1988-03-03") in _found(text, dct)


def test_last_before_a_month_and_day_is_the_days_tense() -> None:
    got = _found("The doctor was shot to death last Oct. 23 at his home.", dt.date(1999, 4, 19))
    assert got == [("Oct. 23", "1998-10-23")]
    assert ("last March", "1999-03") in _found("Sales fell last March.", dt.date(1999, 4, 19))


def test_the_week_of_a_day() -> None:
    got = _found("The case may be heard the week of March 6, lawyers said.", dt.date(2000, 2, 24))
    assert got == [("the week of March 6", "2000-W10")]


def test_a_past_quarter_not_yet_begun_is_last_years() -> None:
    dct = dt.date(1998, 1, 26)
    assert _found("The carrier reported a drop in profits for the fourth quarter.", dct) == [
        ("the fourth quarter", "1997-Q4")]
    assert _found("Profit will rise in the fourth quarter.", dct) == [("the fourth quarter", "1998-Q4")]


def test_that_year_is_the_year_told() -> None:
    dct = dt.date(2000, 1, 28)
    got = _found("She fled to Florida in June 1998 and returned to Cuba later that year.", dct)
    assert ("later that year", "1998") in got
    got = _found("Watch imports totaled $37 million in 1988, a small share of imports that year.", dct)
    assert ("that year", "1988") in got


def test_a_season_after_into_or_throughout() -> None:
    dct = dt.date(1989, 10, 26)
    assert ("the summer", "1989-SU") in _found("Shortages lasted well into the summer.", dct)
    # "the summer season" names a season of events, not the calendar's
    assert _found("Advisories will be issued throughout the summer season.", dct) == []


def test_a_year_ago_compares_a_quarter_only_beside_a_figure() -> None:
    text = "The bank earned $40 million in the second quarter. Its chief, who joined a year ago, is leaving."
    assert ("a year ago", "2023") in _found(text, DCT)
    text = "The bank reported a second-quarter profit. For the quarter a year ago, it lost money."
    assert ("a year ago", "2023-Q2") in _found(text, DCT)


def test_a_compared_period_is_not_the_time_told() -> None:
    text = ("In this year's third quarter, net was $10 million, compared with $9 million a year earlier.")
    assert ("a year earlier", "2023-Q3") in _found(text, DCT)
    # the year-ago period does not become the year a later "a year earlier" counts from
    text = ("The year-ago results were restated. For the nine months, the airline earned $18 million, "
            "compared with a loss of $9 million a year earlier.")
    assert ("a year earlier", "2023") in _found(text, DCT)


def test_slated_and_supposed_look_ahead_and_a_month_after_for() -> None:
    dct = dt.date(1998, 8, 26)
    got = _found("They had talked about the slated visit of the minister in September.", dct)
    assert ("September", "1998-09") in got
    got = _found("The job figures for January extended a surge in hiring.", dt.date(1998, 2, 6))
    assert ("January", "1998-01") in got
