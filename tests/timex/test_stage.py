"""The article stage: publication date, anchoring, weekday conflicts, metadata-line timexes."""

from __future__ import annotations

from linimasa.model import Article, Line, Timex
from linimasa.pipeline import Pipeline
from linimasa.timex.stage import process, timexes_in_text


def article(text: str, lines: list[Line] | None = None, language: str = "id") -> Article:
    return Article(id="a1", source="a1.txt", text=text, lines=lines or [], language=language)


def by_text(a: Article, text: str) -> Timex:
    return next(t for t in a.timexes if t.text == text)


def test_metadata_line_dates_the_article_and_yields_a_line_timex() -> None:
    lines = [
        Line(1, "Banjir Rendam Ratusan Rumah di Bekasi", "title", "title"),
        Line(2, "Diperbarui 17 Jun 2025, 09:12 WIB", "metadata", "date line"),
        Line(3, "Banjir merendam ratusan rumah sejak kemarin.", "body", "", None),
    ]
    a = process(article("Banjir merendam ratusan rumah sejak kemarin.", lines))
    assert a.published is not None
    assert (a.published.value, a.published.precision, a.published.how) == ("2025-06-17T09:12", "minute", "metadata")
    meta = next(t for t in a.timexes if t.line == 2)
    assert "metadata_line" in meta.flags
    assert lines[1].text[meta.start : meta.end] == meta.text == "17 Jun 2025, 09:12 WIB"
    assert by_text(a, "kemarin").value == "2025-06-16"
    assert by_text(a, "kemarin").anchor == "dct"
    for t in timexes_in_text(a):
        assert a.text[t.start : t.end] == t.text


def test_dateline_sentence_gives_the_date() -> None:
    a = process(article(
        "Menteri Perdagangan meninjau harga minyak goreng di Pasar Kramat Jati, Jakarta, Senin (2/10/2023). "
        "Pekan lalu harga minyak goreng sempat naik."
    ))
    assert a.published is not None
    assert (a.published.value, a.published.how) == ("2023-10-02", "dateline")
    assert by_text(a, "Pekan lalu").value == "2023-W39"


def test_report_date_later_in_the_body_with_the_weekday_deciding_the_order() -> None:
    a = process(article(
        "Pemerintah akan menaikkan tarif listrik pada 1 Juli. Seperti dilansir Antara, Jumat (6/9/2024), "
        "kebijakan itu masih dibahas."
    ))
    assert a.published is not None
    # 6 September 2024 was a Friday; 9 June 2024 a Sunday
    assert (a.published.value, a.published.how) == ("2024-09-06", "text")
    assert by_text(a, "1 Juli").value == "2025-07-01"  # "akan": the next 1 July


def test_order_from_weekday_when_only_the_swapped_reading_fits() -> None:
    a = process(article("Seperti dilansir Reuters, Jumat (6/9/2024), kedua negara sepakat berunding."))
    t = by_text(a, "Jumat (6/9/2024)")
    assert (t.value, t.flags) == ("2024-09-06", [])  # 6 September 2024 was a Friday: as written
    a = process(article("Seperti dilansir Reuters, Minggu (6/9/2024), kedua negara sepakat berunding."))
    t = by_text(a, "Minggu (6/9/2024)")
    assert t.value == "2024-06-09"  # 9 June 2024 was a Sunday, 6 September a Friday
    assert t.flags == ["order_from_weekday"]
    assert not a.conflicts


def test_weekday_mismatch_keeps_the_written_value_and_records_a_conflict() -> None:
    a = process(article("Rapat paripurna digelar di Senayan, Kamis (12/9/2023). Ketua DPR membuka rapat."))
    t = by_text(a, "Kamis (12/9/2023)")  # 12 September 2023 was a Tuesday, 9 December 2023 a Saturday
    assert t.value == "2023-09-12"
    assert "weekday_mismatch" in t.flags
    assert [(c.kind, c.values[0].article, c.values[0].text) for c in a.conflicts] == [
        ("weekday_mismatch", "a1", "Kamis (12/9/2023)")
    ]
    again = process(a)
    assert len(again.conflicts) == 1  # re-running the stage does not pile up conflicts


def test_article_without_a_full_date_stays_undated_and_unanchored() -> None:
    a = process(article("Pekan lalu, warga memprotes rencana penggusuran pada Rabu (4/6)."))
    assert a.published is None
    assert by_text(a, "Pekan lalu").value == "XXXX-WXX"
    assert by_text(a, "Pekan lalu").anchor is None
    assert by_text(a, "Rabu (4/6)").value == "XXXX-06-04"


def test_language_is_detected_when_the_article_does_not_say() -> None:
    a = process(article("The central bank said on Tuesday, May 7, 2024, that it would hold rates.", language="und"))
    assert by_text(a, "Tuesday, May 7, 2024").value == "2024-05-07"
    assert a.published is not None and a.published.value == "2024-05-07"


def test_odd_input_does_not_crash() -> None:
    for text in ["", "   ", "((((", "99/99/9999 32 Februari 2021 pukul 25.99 WIB", "Rabu (31/2)", "x" * 5000,
                 "tahun 0000", "abad ke-0", "0 hari", "Senin (0/0)", "\u200b\u00a0Selasa\u00a0(3/1)"]:
        a = process(article(text))
        for t in a.timexes:
            assert text[t.start : t.end] == t.text


def test_pipeline_runs_the_registered_stages() -> None:
    p = Pipeline(article_stages=["timex"], corpus_stages=["dating"],
                 provided=["article.text", "article.lines", "article.language"])
    assert p.names == {"article": ["timex"], "corpus": ["dating"]}
    a = p.process_article(article("Gempa terjadi pada Minggu (15/6/2025) dini hari."))
    assert not a.errors
    assert a.published is not None and a.published.value == "2025-06-15"


def test_short_metadata_line_with_a_full_date_counts_whatever_its_reason() -> None:
    lines = [
        Line(1, "Editor: Budi Santoso", "metadata", "editor"),
        Line(2, "Kompas.com - 17/06/2025, 21:10 WIB", "metadata", "byline"),
    ]
    a = process(article("Warga memadati alun-alun sejak sore.", lines))
    assert a.published is not None and a.published.value == "2025-06-17T21:10"
    assert [t.line for t in a.timexes if t.line] == [2]


def test_body_language_wins_over_a_wrong_article_language() -> None:
    text = ("Rusia akan mengundang perwakilan kelompok itu ke konferensi internasional di Moskow. Seperti dilansir "
            "kantor berita itu, Jumat (8/10/2021), utusan Rusia menjawab ya ketika wartawan menanyakan apakah "
            "partainya telah mengundang perwakilan yang kini berkuasa.")
    a = process(article(text, language="en"))
    assert a.published is not None and a.published.value == "2021-10-08"


def test_a_date_counted_from_or_a_range_start_does_not_date_the_article() -> None:
    # "sejak Kamis, 12 Juni 2025" is when the detention began, not when the story was written
    a = process(article(
        "Kepala dinas itu resmi ditahan jaksa. Ia ditahan 20 hari ke depan terhitung sejak Kamis, 12 Juni 2025."
    ))
    assert a.published is None
    # the bare "17" of a range takes its month and year from the end but is no publication date
    a = process(article("Festival budaya digelar 17-19 Juni 2025 di alun-alun kota. Ribuan warga datang."))
    assert a.published is None or a.published.value != "2025-06-17"


def test_a_page_without_a_date_is_dated_by_its_newest_photo_caption() -> None:
    body = "The mayor said the new bridge will open on Tuesday, two weeks later than planned."
    lines = [
        Line(1, "City bridge to open after delays", "title", "title"),
        Line(2, "Workers paint the bridge, Thursday, March 7, 2024, in Springfield. (AP Photo/Jane Roe)",
             "boilerplate", ""),
        Line(3, "The mayor speaks to reporters, Monday, March 11, 2024. (AP Photo/Jane Roe)", "boilerplate", ""),
        Line(4, "Copyright 2024 The Associated Press. Friday, May 3, 2024", "boilerplate", ""),
        Line(5, body, "body", "", None),
    ]
    a = process(article(body, lines, language="en"))
    assert a.published is not None
    assert (a.published.value, a.published.how) == ("2024-03-11", "text")  # the newest captioned photo
    assert by_text(a, "Tuesday").value == "2024-03-12"


def test_a_weekday_reported_past_the_newest_caption_moves_the_date_to_that_day() -> None:
    # the newest photo is Monday's, but the text already reports what was said on Tuesday
    body = ("The union on Tuesday said the strike would go on. Its members walked out on Friday "
            "and the talks will resume on Thursday.")
    lines = [
        Line(1, "Port strike enters second week", "title", "title"),
        Line(2, "Dock workers march in Oakland, Monday, June 3, 2024. (AP Photo/Jane Roe)", "boilerplate", ""),
        Line(3, body, "body", "", None),
    ]
    a = process(article(body, lines, language="en"))
    assert a.published is not None
    assert (a.published.value, a.published.how) == ("2024-06-04", "text")
    assert by_text(a, "Tuesday").value == "2024-06-04"
    assert by_text(a, "Friday").value == "2024-05-31"
    # a Tuesday only in the future ("will meet on Tuesday") says nothing of when the story ran
    body = "The union will meet the port owners on Tuesday, its leader said."
    a = process(article(body, [*lines[:2], Line(3, body, "body", "", None)], language="en"))
    assert a.published is not None and a.published.value == "2024-06-03"


def test_the_date_line_against_the_text_wins_over_the_top_bar_date_above_the_menus() -> None:
    # the top bar prints the day the page was served; the story's own date sits under its byline
    body = "The council voted on the new budget after a long debate. The mayor said the vote was close."
    lines = [
        Line(1, "Council passes city budget", "title", "title"),
        Line(2, "March 14, 2024", "metadata", "date"),
        Line(3, "Home", "boilerplate", ""),
        Line(4, "News", "boilerplate", ""),
        Line(5, "Council passes city budget", "boilerplate", ""),
        Line(6, "by Jane Roe", "metadata", "author"),
        Line(7, "March 12, 2024", "metadata", "date"),
        Line(8, body, "body", "", None),
    ]
    a = process(article(body, lines, language="en"))
    assert a.published is not None and a.published.value == "2024-03-12"
    # with no date line against the text the first one under the headline stands
    a = process(article(body, lines[:6] + lines[7:], language="en"))
    assert a.published is not None and a.published.value == "2024-03-14"


def test_a_date_of_the_text_wins_over_the_captions() -> None:
    body = "ROME (AP) — Pope Francis met the president on Wednesday, May 1, 2024, in Rome."
    lines = [
        Line(1, "The pope and the president, Friday, March 8, 2024. (AP Photo/Jane Roe)", "boilerplate", ""),
        Line(2, body, "body", "", None),
    ]
    a = process(article(body, lines, language="en"))
    assert a.published is not None and a.published.value == "2024-05-01"


def test_a_numeric_date_line_is_read_in_the_order_the_page_supports() -> None:
    # an English page of a European outlet: "06/01/2026" is 6 January, as the caption's date shows
    body = "On Saturday, the operation ended. The bank said in a note published Monday that prices would rise."
    lines = [
        Line(1, "Oil dream meets reality", "title", "title"),
        Line(2, "06/01/2026 - 13:55 GMT+1", "metadata", "date"),
        Line(3, "The minister speaks in Caracas, January 3rd, 2026. (AP Photo)", "boilerplate", ""),
        Line(4, body, "body", "", None),
    ]
    a = process(article(body, lines, language="en"))
    assert a.published is not None and a.published.value.startswith("2026-01-06")
    assert by_text(a, "Saturday").value == "2026-01-03"
    # without a written-out date on the page the language's order stands
    a = process(article(body, lines[:2] + lines[3:], language="en"))
    assert a.published is not None and a.published.value.startswith("2026-06-01")


def _page(raw: str) -> Article:
    from linimasa.ingest import ingest_text

    return Pipeline(article_stages=["clean", "meta", "timex"], corpus_stages=[]).process_article(ingest_text(raw))


BODY_EN = ("The city council said on Monday that the repairs to the harbour bridge would cost more than planned. "
           "Work is due to finish next week, the council said in a statement.")


def test_the_date_line_beside_the_headline_wins_over_the_page_headers_date() -> None:
    """A header may print today's date above its menus; the article's own date line is the one by
    its headline."""
    menu = "\n".join(["Home", "News", "Business", "Sport", "Culture", "Travel", "Subscribe"])
    raw = (f"{menu}\nThursday, May 8, 2025\n{menu}\n{menu}\n"
           f"Harbour bridge repairs run over budget\nBy Sam Carter\nMarch 4, 2025\n{BODY_EN}\n{BODY_EN}\n")
    a = _page(raw)
    assert a.published is not None and a.published.value == "2025-03-04"
    assert by_text(a, "Monday").value == "2025-03-03"


def test_a_page_with_only_a_relative_date_is_dated_by_its_own_entry_in_a_list() -> None:
    raw = ("Harbour bridge repairs run over budget\nPublished: 5 hours ago\nWritten by Sam Carter\n"
           f"{BODY_EN}\n{BODY_EN}\nLatest News\nHarbour bridge repairs run over budget\n12 February, 2024\n"
           "Mayor opens new library\n11 February, 2024\n")
    a = _page(raw)
    assert a.published is not None and a.published.value == "2024-02-12"
    assert by_text(a, "Monday").value == "2024-02-12"


def test_a_word_glued_to_the_year_of_the_date_line_does_not_hide_the_date() -> None:
    """"Mon., June 9, 2025timer4 min. read": an icon's name glued to the year by the page's markup."""
    raw = (f"Harbour bridge repairs run over budget\nBy Sam Carter\nMon., June 9, 2025timer4 min. read\n"
           f"{BODY_EN}\n{BODY_EN}\n")
    a = _page(raw)
    assert a.published is not None and a.published.value == "2025-06-09"
    assert by_text(a, "Monday").value == "2025-06-09"
