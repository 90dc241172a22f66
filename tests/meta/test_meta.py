"""Meta stage: title, outlet, editor, authors, wires and language (examples written for the tests)."""

from __future__ import annotations

from linimasa.clean import clean_article
from linimasa.ingest import ingest_text
from linimasa.meta import extract_meta
from linimasa.model import Article
from linimasa.pipeline import Pipeline
from linimasa.text.language import detect_language

BODY_ID = ("Pemerintah Kota Bandung menutup sementara dua ruas jalan di kawasan Dago selama perbaikan saluran air. "
           "Kepala Dinas Perhubungan mengatakan penutupan berlangsung sekitar dua pekan.")
BODY_EN = ("The city government closed two roads in the Dago area while workers repair a broken drain. "
           "The head of the transport agency said the closure would last about two weeks.")


def meta(raw: str) -> Article:
    return extract_meta(clean_article(ingest_text(raw)))


def test_title_editor_authors_and_source_wire() -> None:
    art = meta(f"Dua Jalan di Dago Ditutup\n\n{BODY_ID}\n\nPenulis: Adi Nugroho dan Sari Dewi\nEditor: Rina Kusuma\n"
               "Sumber: Xinhua")
    assert art.title == "Dua Jalan di Dago Ditutup"
    assert art.authors == ["Adi Nugroho", "Sari Dewi"]
    assert art.editor == "Rina Kusuma"
    assert art.wire_sources == ["Xinhua"]
    assert art.published is None


def test_no_title_when_the_page_starts_with_text() -> None:
    assert meta(f"{BODY_ID}\n{BODY_ID} Lagi pula jalan itu ramai.").title is None


def test_outlet_from_dateline_and_from_self_references() -> None:
    assert meta(f"Liputan6.com, Jakarta - {BODY_ID}").outlet == "Liputan6.com"
    art = meta(f"Seperti dilansir PikiranRakyat-Bekasi.com dari Reuters, jalan itu ramai sejak pagi.\n{BODY_ID}")
    assert art.outlet == "PR Bekasi"
    assert art.wire_sources == ["Reuters"]
    art = meta(f"{BODY_ID}\nMau berita terbaru lainnya dari Kabar Priangan? Yuk ikuti kami di Google News.")
    assert art.outlet == "Kabar Priangan"
    art = meta(f"{BODY_ID}\nArtikel ini telah tayang di detikJabar.")
    assert art.outlet == "Detik.com"


def test_outlet_printed_before_the_date() -> None:
    art = meta(f"Jalan di Dago Ditutup\nKompas.com - 04/06/2025, 10:15 WIB\n{BODY_ID}")
    assert art.outlet == "Kompas.com"
    assert meta(f"Jalan di Dago Ditutup\nSelasa, 3 Juni 2025 10:15 WIB\n{BODY_ID}").outlet is None


def test_outlet_from_the_shape_of_its_date_line() -> None:
    # Tempo prints "13 Mei 2025 | 19.34 WIB" (full month, a bar, a dotted clock) and often no dateline.
    art = meta(f"Jalan di Dago Ditutup\n4 Juni 2025 | 10.15 WIB\n{BODY_ID}")
    assert art.outlet == "Tempo"
    assert meta(f"Jalan di Dago Ditutup\n4 Juni 2025, 10:15 WIB\n{BODY_ID}").outlet is None


def test_english_outlet_named_in_the_page_chrome() -> None:
    page = (f"Roads closed in Dago\nNews\nSport\n{BODY_EN}\n{BODY_EN}\nAdvertise on The Gateway Pundit\n"
            "© 2026 The Gateway Pundit\n")
    assert meta(page).outlet == "The Gateway Pundit"
    page = f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nSubscribe to Daily Star and Daily Star On Sunday newspapers\n"
    assert meta(page).outlet == "Daily Star"
    # a common word is not an outlet: "Metro" of a police unit, "the nation" in a caption
    page = f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nPolda Metro Jaya\nA message to the nation\n"
    assert meta(page).outlet is None


def test_byline_split_over_two_lines_and_glued_roles() -> None:
    art = meta(f"Roads closed in Dago\nBy\nMira ClarkeSenior Reporter\n{BODY_EN}\n{BODY_EN}\n")
    assert art.authors == ["Mira Clarke"]
    art = meta(f"Roads closed in Dago\nAuthor of the article:\nBy Tom Reyes\n{BODY_EN}\n{BODY_EN}\n")
    assert art.authors == ["Tom Reyes"]
    art = meta(f"Roads closed in Dago\nby Jane Okafor\n{BODY_EN}\n{BODY_EN}\n")
    assert art.authors == ["Jane Okafor"]
    art = meta(f"Roads closed in Dago\nBy Ana Silva For Example.com\n{BODY_EN}\n{BODY_EN}\n")
    assert art.authors == ["Ana Silva"]
    # a wire's name or a "Sponsored" label glued to the name by the page's markup
    art = meta(f"Roads closed in Dago\nBy Ruth OkonkwoThe Associated Press\n{BODY_EN}\n{BODY_EN}\n")
    assert art.authors == ["Ruth Okonkwo"]
    art = meta(f"Roads closed in Dago\nPeter LindqvistSponsored\nTue, 3 June 2025 9:15AM\n{BODY_EN}\n{BODY_EN}\n")
    assert art.authors == ["Peter Lindqvist"]


def test_outlet_named_by_the_page_chrome_on_a_line_of_its_own() -> None:
    page = f"Harbour Gazette homepage\nRoads closed in Dago\n{BODY_EN}\n{BODY_EN}\n"
    assert meta(page).outlet == "Harbour Gazette"
    page = f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nFollow Harbour Gazette online:\nFacebook\n"
    assert meta(page).outlet == "Harbour Gazette"
    page = f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nRecommended on Harbour Gazette\n"
    assert meta(page).outlet == "Harbour Gazette"
    assert meta(f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nFollow us online:\n").outlet is None


def test_a_copyright_broken_over_lines_names_the_site() -> None:
    page = (f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nFinancial Post\nStay Connected\n©\n2025\n"
            "National Post, a division of\nPostmedia Network Inc.\nAll rights reserved.\n")
    assert meta(page).outlet == "National Post"


def test_a_copyright_without_a_holder_takes_the_logo_above_it() -> None:
    page = (f"Roads closed in Dago\n{BODY_EN} The mayor told The Harbour Gazette on Monday.\n{BODY_EN}\n"
            "The Harbour Gazette\n© All rights reserved.\n")
    assert meta(page).outlet == "The Harbour Gazette"


def test_a_wire_dateline_on_another_sites_page_keeps_the_site_as_outlet() -> None:
    body = BODY_EN.replace("The city", "DENVER (AP) — The city", 1)
    page = f"Global News Home\nRoads closed in Dago\n{body}\n{BODY_EN}\nMore from Global News\n"
    assert meta(page).outlet == "Global News"
    assert meta(f"Roads closed in Dago\n{body}\n{BODY_EN}\n").outlet == "Associated Press"


def test_a_list_heading_under_the_headline_is_no_byline() -> None:
    art = meta(f"Roads closed in Dago\nTop Searches\nFlood warnings\n{BODY_EN}\n{BODY_EN}\n")
    assert art.authors == []


def test_outlet_named_before_a_slash_and_a_date_line() -> None:
    art = meta(f"Roads closed in Dago\nTIMESOFINDIA.COM / Jun 4, 2025, 10:15 IST\n{BODY_EN}\n{BODY_EN}\n")
    assert art.outlet == "Times of India"


def test_an_agency_or_a_team_is_not_an_author() -> None:
    assert meta(f"Roads closed in Dago\nBy Associated Press\n{BODY_EN}\n{BODY_EN}\n").authors == []
    assert meta(f"Roads closed in Dago\nBy Euronews with Agencies\n{BODY_EN}\n{BODY_EN}\n").authors == []
    art = meta(f"Jalan di Dago Ditutup\nTim detikcom - detikTravel\n{BODY_ID}\n{BODY_ID}")
    assert art.authors == [] and art.outlet == "Detik.com"
    art = meta(f"Jalan di Dago Ditutup\nRina Kartika - detikHealth\n{BODY_ID}\n{BODY_ID}")
    assert art.authors == ["Rina Kartika"]


def test_only_the_first_byline_but_every_credit_line() -> None:
    page = (f"Roads closed in Dago\nBy Lena Hart\n{BODY_EN}\n{BODY_EN}\nReporting by Lena Hart, additional reporting "
            f"by Omar Sy; Editing by Kim Lee\nRead next\nBridge reopens\nBy Paul Grant\n")
    assert meta(page).authors == ["Lena Hart", "Omar Sy"]


def test_quoting_another_outlet_does_not_make_it_the_outlet() -> None:
    art = meta(f"{BODY_ID} Hal itu dilansir Kompas.com pada Senin.\n{BODY_ID}")
    assert art.outlet is None


def test_wires_from_body_and_sign_off_but_not_from_photo_credits() -> None:
    art = meta(f"{BODY_ID}\nPetugas berjaga di lokasi. (Foto: AP Photo/Dita Alangkara)\n"
               f"Kantor berita Tass melaporkan hal serupa. Bentrokan berlanjut. ada/rzn (AFP, dpa)")
    assert art.wire_sources == ["Tass", "AFP", "dpa"]
    assert "Associated Press" not in art.wire_sources


def test_initials_are_not_the_associated_press() -> None:
    text = "Polisi menangkap dua kurir berinisial AP (25) dan RS (31) di Pekanbaru pada Senin malam."
    assert meta(f"{text}\n{BODY_ID}").wire_sources == []
    assert meta(f"{BODY_ID} Hal itu dikatakan kepada AP pada Senin.").wire_sources == ["Associated Press"]


def test_antara_the_word_is_not_antara_the_agency() -> None:
    assert meta(f"Jarak antara dua kota itu sekitar 30 kilometer. {BODY_ID}").wire_sources == []
    assert meta(f"Jakarta (ANTARA) - {BODY_ID}").wire_sources == ["Antara"]


def test_language_detection_is_offline_and_deterministic() -> None:
    assert detect_language(BODY_ID) == "id"
    assert detect_language(BODY_EN) == "en"
    assert detect_language("") == "und"
    assert meta(f"Roads Closed in Bandung\n\n{BODY_EN}").language == "en"


def test_stages_are_registered_in_the_pipeline() -> None:
    pipe = Pipeline(article_stages=["clean", "meta"], corpus_stages=[])
    art = pipe.process_article(ingest_text(f"Judul Singkat Berita Hari Ini\n\nSURABAYA - {BODY_ID}"))
    assert not art.errors
    assert (art.title, art.dateline, art.language) == ("Judul Singkat Berita Hari Ini", "Surabaya", "id")


def test_english_wire_story_layout() -> None:
    raw = ("Home\nWorld\nBusiness\nMarkets\n\nPort strike halts container traffic in Surabaya\n\n"
           "By Jane Doe and Budi Santoso\nJune 3, 2025 10:15 AM GMT+7\n\n"
           "SURABAYA, June 3 (Reuters) - Dock workers at Indonesia's second-busiest port walked off the job "
           "on Tuesday, halting container traffic.\n"
           "The union said the strike would last three days unless wages were raised.\n"
           "Advertisement · Scroll to continue\n"
           "(Reporting by Jane Doe; Editing by John Roe)\n")
    art = meta(raw)
    assert art.title == "Port strike halts container traffic in Surabaya"
    assert (art.dateline, art.outlet, art.wire_sources) == ("Surabaya", "Reuters", ["Reuters"])
    assert art.authors == ["Jane Doe", "Budi Santoso"]
    assert art.editor == "John Roe"
    assert art.language == "en"
    assert art.text.startswith("Dock workers")
    assert "Advertisement" not in art.text and "Reporting by" not in art.text


def test_clean_option_min_body_chars() -> None:
    pipe = Pipeline(article_stages=["clean"], corpus_stages=[], config={"article": {"clean": {"min_body_chars": 60}}})
    art = pipe.process_article(ingest_text(f"{BODY_ID}\nIni kalimat pendek saja.\n{BODY_EN}"))
    assert [ln.label for ln in art.lines] == ["body", "boilerplate", "body"]


def test_unlabelled_byline_beside_the_headline_or_a_role_line() -> None:
    """A name alone on its line under the headline, above the date line, or above a line that is only
    a role ("Journalist") is the author; a photo credit or a newsroom is not a person."""
    head = "Harbour Bridge Repairs Run Over Budget Again"
    under_title = meta(f"Home\nNews\n\n{head}\nMaria Lindqvist\n\n{BODY_EN}\n")
    assert under_title.authors == ["Maria Lindqvist"]
    above_role = meta(f"{head}\nMarch 4, 2025 at 10:02 am\nShare via Email\nPeter Okafor\nJournalist\n\n{BODY_EN}\n")
    assert above_role.authors == ["Peter Okafor"]
    trailing_role = meta(f"{head}\nNews\nAnna Berg Senior Political Correspondent\n09:12, 04 Mar 2025\n\n{BODY_EN}\n")
    assert trailing_role.authors == ["Anna Berg"]
    assert meta(f"{head}\nGetty Images\n\n{BODY_EN}\n").authors == []
    assert meta(f"{head}\nBy City Desk Staff\nMarch 4, 2025\n\n{BODY_EN}\n").authors == []


def test_dashed_credit_line_after_the_text_and_relative_date_lines() -> None:
    """"– additional reporting by B" under the text credits B; "Published: 5 hours ago" is a date line,
    never the title; a copyright holder the page names again on its own line is the outlet."""
    raw = ("Menu\nSearch\nHarbour Bridge Repairs Run Over Budget Again\nCity, News |\nPublished: 5 hours ago\n|\n"
           f"Last Updated: 5 hours ago\n|\nWritten by Sam Carter\n{BODY_EN}\n{BODY_EN}\n"
           "– additional reporting by Lena Ortiz\nThe Harbour Herald\n"
           "© 2024 The Harbour Herald. All rights reserved.\n")
    art = meta(raw)
    assert art.title == "Harbour Bridge Repairs Run Over Budget Again"
    assert art.authors == ["Sam Carter", "Lena Ortiz"]
    assert art.outlet == "The Harbour Herald"


def test_headline_standfirst_and_byline_under_a_label_line() -> None:
    """A headline, its standfirst, "Author of the article:" with the name on the next line, then the date:
    the headline is the title (not the standfirst), the name the author (not "of the article"), and a
    share widget that names the site names the outlet (not a menu's "New York Times Crossword")."""
    page = ("Share this Story : The Lakeside Herald\nNews\nLife\nRoads\n"
            "Roads closed in Dago for two weeks\n"
            "The closure, the city says, is needed to repair a drain that broke in the spring rains\n"
            f"Author of the article:\nTom Reyes\nPublished Jun 04, 2026\n{BODY_EN}\n{BODY_EN}\n"
            "Daily puzzles, including the New York Times Crossword\nNew York Times Crossword\n")
    art = meta(page)
    assert art.title == "Roads closed in Dago for two weeks"
    assert art.authors == ["Tom Reyes"]
    assert art.outlet == "The Lakeside Herald"


def test_headline_above_a_standfirst_paragraph_and_its_byline() -> None:
    """The last headline before a standfirst that reads as a paragraph is the title when the byline
    follows the standfirst, not a promotion line above the menus that looks like a headline."""
    page = ("Skip to Content\nTurn your photos into a keepsake to treasure forever with our new print service. "
            "Start now >>\nSections\nSearch\nMy Account\nManage My Subscriptions\nNews\nSport\n"
            "Dago roads closed in June. Now, drivers face detours\n"
            "Shortly before the rainy season, the city closed two roads in the Dago area to repair a drain.\n"
            f"Author of the article:\nBy Tom Reyes\nPublished May 25, 2026\n{BODY_EN}\n{BODY_EN}\n")
    art = meta(page)
    assert art.title == "Dago roads closed in June. Now, drivers face detours"
    assert art.authors == ["Tom Reyes"]


def test_headline_over_standfirst_section_word_and_unlabelled_byline() -> None:
    """Headline, standfirst, a section word and an unlabelled byline with its role stand between the
    headline and its date line: the headline is the title; a menu line above a repeated line is not."""
    page = ("News\nSport\nCrime\nRoads closed in Dago for two weeks after a drain collapsed\n"
            "Drivers said the detours added an hour to their trips through the city\nNews\n"
            "Jane Okafor Deputy Content Director\n08:39, 06 Jan 2026Updated 08:41, 06 Jan 2026\n"
            f"{BODY_EN}\n{BODY_EN}\n")
    assert meta(page).title == "Roads closed in Dago for two weeks after a drain collapsed"
    menu = "WeatherExtreme Weather Climate Capital Weather Gang Environment Climate Lab"
    page = (f"Democracy Dies in Darkness\nSign in\n{menu}\n{menu}\nRoads closed in Dago for two weeks\n"
            "Drivers face detours across the city on Friday and Saturday\nBy Tom Reyes\n"
            f"April 26, 2024 at 11:24 a.m. EDT\n{BODY_EN}\n{BODY_EN}\n")
    assert meta(page).title == "Roads closed in Dago for two weeks"


def test_breadcrumb_is_no_title() -> None:
    """A breadcrumb trail above the headline is navigation, even when a byline follows both."""
    page = ("Home » News » Indonesia\nTwo roads closed in Dago while workers repair a drain\nBy Tom Reyes\n"
            f"25 May 2026\n{BODY_EN}\n{BODY_EN}\n")
    assert meta(page).title == "Two roads closed in Dago while workers repair a drain"


def test_menu_entry_that_names_nothing_in_the_text_is_no_title() -> None:
    """On a whole page a programme name in the menu ("Rivers, My Love?") can look like the headline;
    the headline that shares words with the text is taken instead."""
    menu = "\n".join(["News", "Video", "Programmes", "Rivers, My Love?", "Europe Decoded", "Smart Regions",
                      "Sport", "Culture"])
    page = (f"{menu}\nCity closes two roads in Dago to repair a broken drain\nPolice officer\n"
            f"{BODY_EN}\n{BODY_EN}\n")
    assert meta(page).title == "City closes two roads in Dago to repair a broken drain"


def test_a_sentence_about_an_author_is_no_byline() -> None:
    """"Author Jane Doe, from Leeds, said ..." is text about a writer; the name above the text with the
    page's next field glued after a bar ("|Published") is the byline."""
    page = ("News\nSport\nCity closes two roads in Dago to repair a broken drain\nMaria Santos|Published\n"
            f"3 months ago\n{BODY_EN}\nAuthor Jane Doe, from Leeds, said she had driven the road for years "
            f"and never seen it closed.\n{BODY_EN}\n")
    art = meta(page)
    assert art.authors == ["Maria Santos"]
    assert any(ln.label == "body" and ln.text.startswith("Author Jane Doe") for ln in art.lines)


def test_a_filter_menu_is_no_byline() -> None:
    """"By Type" under a menu entry is a shop's filter, not a byline that makes the entry a headline."""
    page = ("Home Deals\nMattress coupons\nDrain repair coupons\nBrowse\nBy Type\nNews\nReviews\n"
            f"City closes two roads in Dago to repair a broken drain\nBy Tom Reyes\n25 May 2026\n"
            f"{BODY_EN}\n{BODY_EN}\n")
    art = meta(page)
    assert art.title == "City closes two roads in Dago to repair a broken drain"
    assert art.authors == ["Tom Reyes"]
    assert [ln.text for ln in art.lines if ln.kind == "author"] == ["By Tom Reyes"]


def test_bylines_of_teasers_under_a_block_heading_and_kickers_are_no_authors() -> None:
    """A teaser under "Most Popular" can read as text; its byline is the other story's. A kicker under
    the headline ("ROAD WORKS:") is no name."""
    page = (f"City closes two roads in Dago to repair a broken drain\nROAD WORKS:\n{BODY_EN}\n{BODY_EN}\n"
            "Most Popular\nBridge reopens after repairs\n2024-10-14\n"
            "The bridge reopened to traffic on Monday after two months of repairs.\nBy Ben Adams\n"
            "Port traffic rises\n2024-10-12\nShipping through the port rose by a tenth last month, "
            "the port authority said.\n")
    assert meta(page).authors == []


def test_outlet_from_the_title_suffix() -> None:
    """A title that ends with the site's own name gives the outlet, and the headline loses it; a
    suffix that only looks like a name ("Berita Terkini", a price) stays part of the headline."""
    art = meta(f"Dua Jalan di Dago Ditutup - Kompas.com\n\n{BODY_ID}\n{BODY_ID}\n")
    assert (art.title, art.outlet) == ("Dua Jalan di Dago Ditutup", "Kompas.com")
    art = meta(f"Dua Jalan di Dago Ditutup - Berita Terkini\n\n{BODY_ID}\n{BODY_ID}\n")
    assert (art.title, art.outlet) == ("Dua Jalan di Dago Ditutup - Berita Terkini", None)


def test_outlet_from_sources_speaking_to_it() -> None:
    """With no other evidence on the page, the known outlet its sources spoke to is the outlet; a wire
    service ("told Reuters") or a generic word ("kepada media") is not."""
    said = "The works will take two weeks, the city's engineer told TechCrunch in an interview."
    assert meta(f"{BODY_EN}\n{said}\n{BODY_EN}\n").outlet == "TechCrunch"
    said = "The works will take two weeks, the city's engineer told Reuters on Monday."
    assert meta(f"{BODY_EN}\n{said}\n{BODY_EN}\n").outlet is None
    said = "Penutupan berlangsung dua pekan, kata Budi kepada Kompas.com, Senin."
    assert meta(f"{BODY_ID}\n{said}\n{BODY_ID}\n").outlet == "Kompas.com"
    said = "Penutupan berlangsung dua pekan, kata Budi kepada media, Senin."
    assert meta(f"{BODY_ID}\n{said}\n{BODY_ID}\n").outlet is None


def test_outlet_from_footer_ownership_and_logo_over_a_group_copyright() -> None:
    """A footer that names the site and its owner, or the site's logo text right above a copyright line
    that names the group, when the page names the site again."""
    art = meta(f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nAbout Us\nDago Daily Herald - Property of Fenwick LLC\n")
    assert art.outlet == "Dago Daily Herald"
    page = (f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nYour DagoLocal\nis the voice of your community.\n"
            "Our network\nNorth Star\nValley Echo\nDagoLocal\n"
            "© 2025 Example Media and affiliated companies. All rights reserved.\n")
    assert meta(page).outlet == "DagoLocal"
    page = (f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\nOur network\nNorth Star\nValley Echo\nDagoLocal\n"
            "© 2025 Example Media and affiliated companies. All rights reserved.\n")
    assert meta(page).outlet is None


def test_account_buttons_are_no_authors() -> None:
    """"Sign In", "Subscribe Now", "Masuk" under the headline or under a bare "By" are the page's
    buttons; a name after such a button is still the byline."""
    for button in ("Sign In", "Log In", "Subscribe Now", "My Account"):
        assert meta(f"City closes two roads in Dago to repair a broken drain\n{button}\n25 May 2026\n"
                    f"{BODY_EN}\n{BODY_EN}\n").authors == []
        assert meta(f"City closes two roads in Dago to repair a broken drain\nBy\n{button}\n"
                    f"{BODY_EN}\n{BODY_EN}\n").authors == []
    assert meta(f"Dua Jalan di Dago Ditutup\nOleh\nMasuk\n{BODY_ID}\n{BODY_ID}\n").authors == []
    assert meta(f"City closes two roads in Dago to repair a broken drain\nSign In\nJane Okafor\n25 May 2026\n"
                f"{BODY_EN}\n{BODY_EN}\n").authors == ["Jane Okafor"]


def test_names_under_a_bare_by_are_no_title() -> None:
    """The names under a "By" alone on its line are the byline, however headline-shaped; with no byline
    or date under any headline, the headline that shares the most words with the text is the title."""
    page = ("The Dago Courier\nPrivacy Settings and Personal Data\nPolitics\n"
            "City closes two roads in Dago to repair a broken drain\n1 of 3 |\nBy\n"
            f"JANE OKAFOR, TOM REYES and ANA SILVA-MORENO\nShare\n{BODY_EN}\n{BODY_EN}\n"
            "Okafor and Silva-Moreno reported from Bandung; Reyes reported from Jakarta.\n")
    art = meta(page)
    assert art.title == "City closes two roads in Dago to repair a broken drain"
    assert art.authors == ["JANE OKAFOR", "TOM REYES", "ANA SILVA-MORENO"]


def test_a_header_date_a_short_menu_away_from_the_headline_does_not_date_the_page() -> None:
    """Today's date in a top bar, only a short menu above the headline, is the page header's: the date
    line under the headline dates the article (English and Indonesian)."""
    stages = Pipeline(article_stages=["clean", "meta", "timex"], corpus_stages=[])
    raw = (f"Wednesday, 3 December 2025\nNews\nSport\nCity closes two roads in Dago to repair a broken drain\n"
           f"By Tom Reyes\nPublished 1 December 2025\n{BODY_EN}\n{BODY_EN}\n")
    a = stages.process_article(ingest_text(raw))
    assert a.published is not None and a.published.value == "2025-12-01"
    raw = (f"Rabu, 3 Desember 2025\nNews\nSport\nDua Jalan di Dago Ditutup\nPenulis: Adi Nugroho\n"
           f"Senin, 1 Desember 2025 10:00 WIB\n{BODY_ID}\n{BODY_ID}\n")
    a = stages.process_article(ingest_text(raw))
    assert a.published is not None and a.published.value.startswith("2025-12-01")


def test_a_byline_above_the_date_is_no_title() -> None:
    """A first line that starts with a byline word ("Penulis Adi Nugroho", no colon) right above the
    date line is the byline, not the headline."""
    assert meta(f"Penulis Adi Nugroho Saputra\nSenin, 20 Januari 2026\n{BODY_ID}\n{BODY_ID}\n").title is None


def test_outlet_from_a_bare_copyright_footer() -> None:
    """"© 2025 The Dago Times" alone on its line names the outlet; a photo agency's does not."""
    assert meta(f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\n© 2025 The Dago Times\n").outlet == "The Dago Times"
    assert meta(f"Roads closed in Dago\n{BODY_EN}\n{BODY_EN}\n© 2025 Getty Images\n").outlet is None


def test_a_date_labelled_as_today_is_the_page_headers() -> None:
    """"Today: Wednesday, 3 December 2025" right above the headline is the page's date, not the
    article's; a sentence that starts with "Today" stays text."""
    stages = Pipeline(article_stages=["clean", "meta", "timex"], corpus_stages=[])
    raw = (f"Today: Wednesday, 3 December 2025\nCity closes two roads in Dago to repair a broken drain\n"
           f"Tom Reyes\n1 December 2025, 10:00\n{BODY_EN}\n{BODY_EN}\n")
    a = stages.process_article(ingest_text(raw))
    assert a.published is not None and a.published.value.startswith("2025-12-01")
    raw = (f"Dua Jalan di Dago Ditutup\nHari ini: Rabu, 3 Desember 2025\n{BODY_ID}\n{BODY_ID}\n")
    assert meta(raw).text.startswith("Pemerintah Kota Bandung")
    said = "Today is 3 December, and the roads are still closed."
    assert said in meta(f"Roads closed in Dago\n{BODY_EN}\n{said}\n{BODY_EN}\n").text


def test_writer_under_the_agency_and_the_date_of_a_bare_by() -> None:
    """"By" / agency / date line / name: the name under the date is the writer (the agency is none)."""
    page = f"Roads closed in Dago\nBy\nReuters\nMar 3, 2021, 9:10am EST\nLena Park\n{BODY_EN}\n{BODY_EN}\n"
    assert meta(page).authors == ["Lena Park"]
    # without the date line the line under the agency is not read as a writer
    page = f"Roads closed in Dago\nBy\nReuters\nLena Park\n{BODY_EN}\n{BODY_EN}\n"
    assert meta(page).authors == []


def test_a_paragraph_opening_with_di_is_no_role_under_a_banner() -> None:
    # a banner line in capitals between paragraphs, then a paragraph that opens "Di <Place>, ...": the
    # banner is no byline (the paragraph is text, not a role line under a name)
    art = meta(
        "Tim Tamu Tak Masalah dengan Cuaca Panas\n"
        "Rabu, 18 Jun 2025 22:00 WIB\n"
        "Turnamen antarklub itu sedang digelar di Amerika Serikat pada musim panas tahun ini.\n"
        "Sebanyak 32 klub berpartisipasi, salah satunya klub dari Spanyol yang baru berganti pelatih.\n"
        "SCROLL TO CONTINUE WITH CONTENT\n"
        "Di Miami, suhu tertinggi mencapai 31 derajat celcius dengan kelembaban sekitar 75 persen.\n"
    )
    assert art.authors == []
