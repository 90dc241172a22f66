"""English news rules (dev-extra-12 follow-up): each case is a sentence written for the rule."""

from __future__ import annotations

import datetime as dt

from linimasa.timex.tagger import tag


def _found(text: str, dct: dt.date, lang: str = "en") -> list[tuple[str, str]]:
    return [(f.timex.text, f.timex.value) for f in tag(text, lang, dct)]


def test_an_untensed_month_in_a_year_end_column_is_the_one_gone() -> None:
    """No tense word: the month before publication unless the coming one is much nearer."""
    dct = dt.date(2021, 12, 20)
    assert ("May", "2021-05") in _found("Remember the concert in May with the orchestra on the lawn.", dct)
    # a month just ahead stays the coming one
    assert ("February", "2022-02") in _found("The fair in February with its rides and music.", dct)
    # a future word still decides
    assert ("April", "2022-04") in _found("The orchestra will play again in April.", dct)


def test_a_range_into_the_next_month_is_two_dates() -> None:
    """A month after the hyphen ends a range; it is no hyphenated compound word."""
    dct = dt.date(2021, 3, 2)
    assert _found("The festival runs on June 28-July 4 in the old town.", dct) == [
        ("June 28", "2021-06-28"), ("July 4", "2021-07-04")]
    assert _found("Trials are held in September-October 2022, the board said.", dct)[:2] == [
        ("September", "2022-09"), ("October 2022", "2022-10")]


def test_a_range_start_takes_the_year_named_at_its_end() -> None:
    found = _found("The fair will now take place on May 30-June 6 next year.", dt.date(2021, 3, 2))
    assert ("May 30", "2022-05-30") in found and ("June 6 next year", "2022-06-06") in found


def test_days_of_a_coming_event_named_by_its_year_are_of_that_year() -> None:
    dct = dt.date(2021, 3, 2)
    found = _found("The 2023 Island Games are to be held in Guernsey on July 8-14.", dct)
    assert ("July 8", "2023-07-08") in found
    # a past year's name says nothing of when a later thing happened
    assert ("March 1", "2021-03-01") in _found("The 2019 audit was released on March 1.", dct)


def test_a_week_ago_saturday_is_the_saturday_before_the_last_one() -> None:
    dct = dt.date(2022, 11, 16)  # a Wednesday
    assert _found("The choir sang a week ago Saturday at the hall.", dct) == [("a week ago Saturday", "2022-11-05")]
    assert _found("The talks began two weeks ago Monday.", dct) == [("two weeks ago Monday", "2022-10-31")]
    # without the weekday it is still the week
    assert _found("The choir sang a week ago.", dct) == [("a week ago", "2022-W45")]


def test_the_thing_of_today_is_these_days() -> None:
    dct = dt.date(2022, 11, 16)
    assert _found("Radio was the \u201cpodcast\u201d of today for our parents.", dct) == [("today", "PRESENT_REF")]
    assert _found("The teenagers of today grew up with phones.", dct) == [("today", "PRESENT_REF")]
    # "as of today", "the rest of today": the day
    assert _found("The rule applies as of today, the agency said.", dct) == [("today", "2022-11-16")]
    assert _found("The rest of today will be wet.", dct) == [("today", "2022-11-16")]


def test_a_page_dated_only_to_a_year_anchors_its_year_level_expressions() -> None:
    """Published known only to the year: "this year", "last summer", a day or month named without a
    year take their year from it; what needs the day ("Tuesday", "today") stays unknown."""
    from linimasa.model import Article, Published
    from linimasa.timex.stage import annotate

    text = ("This year the harbour festival opens on June 3. Last summer it drew big crowds. "
            "The mayor spoke on Tuesday about the plans for today.")
    a = Article(id="y1", source="y1.txt", text=text, lines=[], language="en")
    a.published = Published("2019", "year", "corpus", "2019")
    values = {t.text: t.value for t in (f.timex for f in annotate(a, "en", None, source="corpus"))}
    assert values["This year"] == "2019"
    assert values["June 3"] == "2019-06-03"
    assert values["Last summer"] == "2018-SU"
    assert values["Tuesday"] == "XXXX-XX-XX"


def test_a_neighbour_years_after_every_year_the_article_writes_does_not_date_it() -> None:
    from linimasa.model import Article, Published
    from linimasa.timex.dating import estimate

    undated = Article(id="u", source="u.txt", text="The 2019 storm season was busy. Crews met on Monday.",
                      lines=[], language="en")
    other = Article(id="d", source="d.txt", text="Crews met on Monday.", lines=[], language="en")
    other.published = Published("2024-03-06", "day", "metadata", "6 March 2024")
    result = estimate(undated, [(0.5, other)], 7)
    assert result is not None and result[0].value == "2019" and result[0].precision == "year"
    # a neighbour of the article's time still dates it
    other.published = Published("2019-10-09", "day", "metadata", "9 October 2019")
    result = estimate(undated, [(0.5, other)], 7)
    assert result is not None and result[0].value == "2019-10-07"


def test_a_part_of_day_in_a_month_told_of_another_year_has_no_known_day() -> None:
    dct = dt.date(2021, 3, 2)
    text = ("The minister arrived on Monday. Recalling a trip to Lisbon in May 2009, he says: "
            "\u201cWe walked by the river late in the afternoon.\u201d")
    found = _found(text, dct)
    assert ("May 2009", "2009-05") in found
    assert ("the afternoon", "XXXX-XX-XXTAF") in found
    # after a day told near publication it is still that day's
    near = _found("The minister arrived on Monday. He spoke in the afternoon.", dct)
    assert ("the afternoon", "2021-03-01TAF") in near


def test_today_of_the_writer_saying_so_is_the_day() -> None:
    dct = dt.date(2022, 11, 16)
    assert _found("I can still hear the band as I write this column today.", dct) == [("today", "2022-11-16")]
    # a generic "today" without the writer's own writing stays these days
    assert _found("Students write essays today much like the old times.", dct) == [("today", "PRESENT_REF")]


def test_a_clock_before_a_date_with_its_year_is_a_full_date() -> None:
    """"Published 9:15 a.m. ET June 4, 2021": the clock joins the date, whose year is written."""
    found = tag("Published 9:15 a.m. ET June 4, 2021", "en")
    assert [(f.timex.value, f.explicit_year) for f in found] == [("2021-06-04T09:15", True)]
    # a clock joined to a date with no year still has none written
    found = tag("The vote closed at 9:15 a.m. ET June 4.", "en", dt.date(2021, 6, 5))
    assert [f.explicit_year for f in found] == [False]


def _page(lines: list[tuple[str, str, str | None]]):
    from linimasa.model import Article, Line

    text = "\n".join(t for t, label, _ in lines if label == "body")
    return Article(id="p", source="p.txt", text=text, language="en",
                   lines=[Line(k + 1, t, label, kind=kind) for k, (t, label, kind) in enumerate(lines)])  # type: ignore[arg-type]


def test_dates_listed_under_a_related_heading_below_the_text_are_not_the_pages() -> None:
    from linimasa.timex.stage import process

    story = [
        ("Home", "boilerplate", "navigation"),
        ("Harbour bridge reopens after repairs", "title", None),
        ("The harbour bridge reopened to traffic after two years of repairs, the city said.", "body", None),
        ("Drivers crossed it again in the morning rush, and the ferries kept their timetable.", "body", None),
        ("Related", "boilerplate", "related_label"),
        ("Ferry fares to rise next spring", "boilerplate", None),
        ("12 May 2024", "metadata", "date"),
        ("Council backs new cycle lanes", "boilerplate", None),
        ("3 May 2024", "metadata", "date"),
    ]
    assert process(_page(story)).published is None  # the page prints no date of its own
    # its own date line beside its headline is read, whatever the list below it gives
    own = [*story[:2], ("Published 14 June 2024", "metadata", "date"), *story[2:]]
    p = process(_page(own)).published
    assert p is not None and p.value == "2024-06-14"
    # a list heading above the text (a menu of sections) leaves the date lines under it alone
    top = [("Related", "boilerplate", "related_label"), ("12 May 2024", "metadata", "date"), *story[1:4]]
    p = process(_page(top)).published
    assert p is not None and p.value == "2024-05-12"


def test_an_iso_date_is_year_month_day_whatever_the_language_order() -> None:
    """English reads "8/7/1998" month first, but an ISO date ("1998-08-07", a plain-text article's
    date line) is year-month-day in every language: 7 August, not 8 July."""
    dct = dt.date(1998, 8, 7)
    assert _found("1998-08-07", dct) == [("1998-08-07", "1998-08-07")]
    assert _found("Posted 1998-08-07 10:00 by the desk.", dct) == [("1998-08-07 10:00", "1998-08-07T10:00")]
    assert _found("The vote on 8/7/1998 was close.", dct) == [("8/7/1998", "1998-08-07")]
    assert _found("1998-08-07", dct, "id") == [("1998-08-07", "1998-08-07")]
    assert _found("Rapat 8/7/1998 berakhir.", dct, "id") == [("8/7/1998", "1998-07-08")]
