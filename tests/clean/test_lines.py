"""Line labelling: each rule on scraped snippets written for these tests (none from the sample)."""

from __future__ import annotations

from linimasa.clean import clean_article
from linimasa.ingest import ingest_text
from linimasa.model import Article

P1 = "Pemerintah Kota Bandung menutup sementara dua ruas jalan di kawasan Dago selama perbaikan saluran air."
P2 = "Kepala Dinas Perhubungan mengatakan penutupan berlangsung sekitar dua pekan dan pengendara diminta memutar."
P4 = "Petugas gabungan dari kepolisian dan dinas perhubungan berjaga di setiap ujung jalan selama masa penutupan."
P3 = "Warga yang tinggal di sekitar lokasi tetap dapat melintas dengan menunjukkan kartu identitas kepada petugas."


def clean(raw: str) -> Article:
    return clean_article(ingest_text(raw))


def labels(raw: str) -> list[str]:
    return [ln.label for ln in clean(raw).lines]


def by_text(art: Article, text: str) -> tuple[str, str]:
    ln = next(ln for ln in art.lines if ln.text.strip() == text)
    return ln.label, ln.reason


def test_every_line_is_labelled_and_blank_lines_are_blank() -> None:
    art = clean(f"{P1}\n\n{P2}\n")
    assert [ln.n for ln in art.lines] == [1, 2, 3]
    assert [ln.label for ln in art.lines] == ["body", "blank", "body"]
    assert art.text == f"{P1}\n\n{P2}"


def test_related_links_in_several_spellings() -> None:
    for line in ("Baca Juga: Harga Cabai Rawit Turun Jelang Akhir Pekan",
                 "Baca juga:Jadwal KRL Berubah Mulai Senin Depan",
                 "Lihat juga Video: Banjir Rob Rendam Pesisir Semarang",
                 "Read More: Flooding Closes Schools Across Jakarta",
                 'Tonton juga "Petugas Damkar Evakuasi Ular Sanca dari Plafon Rumah" di sini:'):
        art = clean(f"{P1}\n{line}\n{P2}")
        assert by_text(art, line) == ("boilerplate", "related link"), line
        assert line not in art.text


def test_bare_related_label_takes_the_link_titles_under_it_but_not_the_next_paragraph() -> None:
    raw = f"{P1}\nBaca Juga\nPolisi Tangkap Pencuri Motor di Parkiran Pasar Baru\n{P2}\n{P3}"
    art = clean(raw)
    assert by_text(art, "Baca Juga") == ("boilerplate", "related-links label")
    assert by_text(art, "Polisi Tangkap Pencuri Motor di Parkiran Pasar Baru")[0] == "boilerplate"
    assert by_text(art, P2)[0] == "body"


def test_widgets_and_prompts() -> None:
    for line in ("Advertisement", "SCROLL TO CONTINUE WITH CONTENT", "[Gambas:Video 20detik]",
                 "Bagikan Artikel:", "Yuk ikuti kanal WhatsApp kami untuk berita terbaru",
                 "Komentar", "Leave a Reply", "Your email address will not be published.",
                 "Artikel ini telah tayang di detikJateng.",
                 "Lanjutkan membaca artikel di bawah",
                 "Follow Berita Harian Kota di Google News",
                 "Dapatkan berita terkini langsung di ponselmu dengan bergabung ke saluran kami.",
                 "Simak breaking news dan berita pilihan kami langsung di ponselmu."):
        art = clean(f"{P1}\n{line}\n{P2}")
        assert by_text(art, line)[0] == "boilerplate", line


def test_block_heading_takes_everything_under_it() -> None:
    raw = (f"{P1}\n{P2}\nBerita Terkait\n- Harga Emas Antam Naik Lagi Hari Ini\n"
           "- Tiga Tips Menabung untuk Pekerja Muda\nTags\nekonomi\nemas")
    got = labels(raw)
    assert got[:2] == ["body", "body"]
    assert set(got[2:]) == {"boilerplate"}


def test_block_ends_at_the_next_real_paragraph() -> None:
    raw = f"{P1}\nTerkini\nDua Kapal Nelayan Tenggelam di Selat Sunda\n{P2}"
    assert labels(raw) == ["body", "boilerplate", "boilerplate", "body"]


def test_menu_at_the_top_and_title_after_it() -> None:
    raw = ("Beranda\nNasional\nEkonomi\nOlahraga\n\n"
           "Dua Ruas Jalan di Dago Ditutup Selama Dua Pekan\n\n"
           f"{P1}\n{P2}")
    art = clean(raw)
    assert [ln.label for ln in art.lines[:4]] == ["boilerplate"] * 4
    assert art.lines[5].label == "title"
    assert art.lines[7].label == "body"


def test_title_above_a_date_line_even_with_an_exclamation_mark() -> None:
    raw = f"Harga Beras Turun di Tiga Pasar Induk, Pedagang Lega Sekali!\nSelasa, 3 Juni 2025 10:15 WIB\n{P1}"
    art = clean(raw)
    assert [ln.label for ln in art.lines] == ["title", "metadata", "body"]
    assert art.lines[1].reason.startswith("date")
    assert art.lines[1].kind == "date"


def test_title_with_a_full_stop_right_above_the_date() -> None:
    art = clean(f"Harga Beras Stabil Menjelang Ramadan.\n10 Maret 2018 | 10.28 WIB\n{P1}")
    assert [ln.label for ln in art.lines] == ["title", "metadata", "body"]


def test_date_lines_are_metadata_with_a_date_reason() -> None:
    for line in ("- 3 Maret 2024, 09:12 WIB", "Diperbarui 18 Jun 2025, 14:05 WIB", "Senin, 12 Mei 2025 10:00",
                 "Kompas.com - 04/02/2025, 06:30 WIB", "Published June 3, 2025 at 10:15 am"):
        art = clean(f"Judul Berita Contoh untuk Tanggal\n{line}\n{P1}")
        label, reason = by_text(art, line)
        assert label == "metadata" and reason.startswith("date"), line


def test_a_sentence_with_a_date_is_not_a_date_line() -> None:
    line = "Pada 25 Agustus 2021 pasukan terakhir meninggalkan bandara."
    assert by_text(clean(f"{P1}\n{line}\n{P2}"), line)[0] == "body"


def test_editor_author_and_source_lines_are_metadata() -> None:
    raw = f"{P1}\n{P2}\nEditor: Rina Kusuma\nPenulis: Adi Nugroho\nSumber: Antara"
    art = clean(raw)
    assert [ln.label for ln in art.lines] == ["body", "body", "metadata", "metadata", "metadata"]
    assert [ln.reason for ln in art.lines[2:]] == ["editor", "author", "source"]
    assert [ln.kind for ln in art.lines] == [None, None, "editor", "author", "source"]


def test_photo_caption_and_credit() -> None:
    for line in ("Petugas memeriksa saluran air di Jalan Dago. Kredit Foto: Antara/Raisan",
                 "Ilustrasi jalan ditutup. (Foto: Dok. Istimewa)",
                 "ANTARA FOTO/Novrian Arbi"):
        art = clean(f"{P1}\n{line}\n{P2}")
        assert by_text(art, line) == ("boilerplate", "photo caption"), line


def test_question_headline_versus_a_lede_that_ends_with_a_question() -> None:
    lede = "Dua ruas jalan di Dago ditutup mulai hari ini. Kenapa penutupan harus selama dua pekan?"
    art = clean(f"Kenapa Jalan di Dago Ditutup Dua Pekan?\nSelasa, 3 Juni 2025 10:15 WIB\n{lede}\n{P2}")
    assert [ln.label for ln in art.lines] == ["title", "metadata", "body", "body"]


def test_title_case_question_is_a_headline_not_a_paragraph() -> None:
    art = clean(f"Apa Kata Menkeu? Defisit Anggaran Melebar, Ini Penyebab Utamanya?\n\n{P1}\n{P2}")
    assert [ln.label for ln in art.lines] == ["title", "blank", "body", "body"]


def test_title_repeated_as_caption_is_boilerplate() -> None:
    title = "Dua Ruas Jalan di Dago Ditutup Selama Dua Pekan"
    art = clean(f"{title}\n{title} Foto: Humas Pemkot\n{P1}\n{P2}")
    assert [ln.label for ln in art.lines] == ["title", "boilerplate", "body", "body"]


def test_lede_repeated_as_caption_before_the_text() -> None:
    lede = "Pemkot Bandung menutup dua ruas jalan di Dago demi memperbaiki saluran air yang rusak parah."
    art = clean(f"{lede}\n{lede} /Antara\n\nBANDUNG – {P1}\n{P2}")
    assert [ln.label for ln in art.lines[:2]] == ["metadata", "boilerplate"]
    assert art.lines[1].reason.startswith("repeated")
    assert art.text.startswith(P1)


def test_caption_that_reuses_a_paragraph_after_a_credit() -> None:
    art = clean(f"{P1}\n{P2}\nHumas Pemkot Bandung{P1}\n{P3}")
    assert [ln.label for ln in art.lines] == ["body", "body", "boilerplate", "body"]
    assert art.lines[2].reason == "caption repeating a paragraph"


def test_summary_above_the_dateline_is_header_material() -> None:
    summary = "Pemkot Bandung menutup dua ruas jalan di Dago demi memperbaiki saluran air yang rusak."
    art = clean(f"Dua Jalan di Dago Ditutup\n- 3 Juni 2025, 10:15 WIB\n{summary}\n\nBANDUNG – {P1}\n{P2}")
    assert [ln.label for ln in art.lines] == ["title", "metadata", "metadata", "blank", "body", "body"]
    assert art.lines[2].reason == "summary above the dateline"


def test_duplicated_paragraph_is_dropped() -> None:
    art = clean(f"{P1}\n{P1}\n{P2}")
    assert [ln.label for ln in art.lines] == ["body", "boilerplate", "body"]
    assert art.text.count(P1) == 1


def test_a_copy_of_the_paragraphs_below_glued_into_one_line_is_dropped() -> None:
    art = clean(f"{P1}{P2}{P3}\n{P1}\n{P2}{P3}\n{P2}\n{P3}")
    assert [ln.label for ln in art.lines] == ["boilerplate", "body", "boilerplate", "body", "body"]
    assert art.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_widget_glued_into_a_paragraph_is_removed() -> None:
    art = clean(f"{P1}Ikuti Whatsapp Channel Republika\n{P2}")
    assert art.text == f"{P1}\n\n{P2}"


def test_heading_mid_article_counts_as_text() -> None:
    art = clean(f"{P1}\nJalur Alternatif bagi Pengendara\n{P2}")
    assert art.lines[1].label == "heading"
    assert "Jalur Alternatif bagi Pengendara" in art.text


def test_quote_with_its_speaker_is_not_a_heading() -> None:
    art = clean(f'{P1}\n"Ditutup karena banjir," ujarnya\n{P2}')
    assert art.lines[1].label == "body"


def test_menu_in_the_middle_of_a_page_but_not_a_data_table() -> None:
    art = clean(f"{P1}\nNasional\nEkonomi\nOlahraga\nHiburan\n{P2}")
    assert [ln.label for ln in art.lines] == ["body"] + ["boilerplate"] * 4 + ["body"]
    art = clean(f"{P1}\nImsak 04:28\nSubuh 04:38\nZuhur 11:55\n{P2}")
    assert [ln.label for ln in art.lines] == ["body"] + ["heading"] * 3 + ["body"]


def test_small_blocks_of_paragraphs_far_from_the_article_are_page_furniture() -> None:
    cookie = "We use cookies to improve your experience on our website and to show you relevant ads."
    menu = "\n".join(["Home", "News", "Business", "Sport", "Culture", "Travel", "Weather"])
    footer_menu = "\n".join(["About us", "Contact", "Careers", "Privacy", "Terms", "Advertise", "Sitemap"])
    footer = "Get the best of our journalism delivered to your inbox every morning, free of charge."
    article = f"Roads Closed in Bandung for Drain Repairs\n{P1}\n{P2}\n{P3}\n{P4}"
    raw = f"{cookie}\n{menu}\n{article}\n{footer_menu}\n{footer}"
    art = clean(raw)
    assert [ln.n for ln in art.lines if ln.label == "body"] == [10, 11, 12, 13]
    assert art.lines[0].reason == art.lines[-1].reason == "paragraph away from the main text"
    assert art.lines[8].label == "title"


def test_unpunctuated_lines_after_the_text_are_boilerplate_but_a_list_is_kept() -> None:
    art = clean(f"{P1}\n{P2}\nKabar Kota Lainnya\nBerita Jawa Barat")
    assert [ln.label for ln in art.lines] == ["body", "body", "boilerplate", "boilerplate"]
    art = clean(f"{P1}\nBerikut ruas jalan yang ditutup:\n1. Jalan Dago Atas\n2. Jalan Tamansari")
    assert [ln.label for ln in art.lines] == ["body", "body", "body", "body"]


def test_list_items_mid_article_are_text_not_headings() -> None:
    raw = (f"{P1}\nBantuan yang dikirim meliputi:\n• Beras: 2 ton\n• Selimut: 500 lembar\n"
           f"• Tenda keluarga: 40 unit\n{P2}")
    art = clean(raw)
    assert [ln.label for ln in art.lines] == ["body"] * 6
    assert [ln.reason for ln in art.lines[2:5]] == ["list item"] * 3


def test_long_line_after_the_text_is_prose_but_a_read_more_prompt_is_not() -> None:
    quote = '"Kami tidak mau warga menunggu terlalu lama hanya karena urusan administrasi yang bisa dipercepat'
    art = clean(f"{P1}\n{P2}\n{quote}\nBenarkah jalan itu ditutup selamanya? Simak dalam artikel berikut ini")
    assert [ln.label for ln in art.lines] == ["body", "body", "body", "boilerplate"]


def test_reporter_sign_off_line_is_metadata() -> None:
    art = clean(f"{P1}\n{P2}\n(rdp/imk)")
    assert art.lines[2].label == "metadata"


def test_a_very_short_article_keeps_its_sentences() -> None:
    art = clean("Gempa Guncang Garut\nGempa terasa di Garut.\nTidak ada korban.")
    assert [ln.label for ln in art.lines] == ["title", "body", "body"]


def test_odd_input_does_not_crash() -> None:
    for raw in ("", "\n\n\n", "-", "Advertisement", "x" * 5000, "Baca Juga\n\n\n", "Terkini"):
        art = clean(raw)
        assert len(art.lines) >= 1
        assert all(ln.label in ("body", "title", "heading", "metadata", "boilerplate", "blank") for ln in art.lines)


def test_every_caption_pattern_has_a_trigger() -> None:
    """The trigger pre-check must never hide a caption pattern from the lines it is written for."""
    import re

    from linimasa.clean.rules import _merged, load_rules

    rules = load_rules()
    for doc in _merged("clean"):
        for pattern in doc.get("captions") or []:
            literal = re.sub(r"\\[sbwdSWD]|[\\^$()?:*+.\[\]{}|]", "", pattern).casefold()
            assert any(t in literal for t in rules.caption_triggers), pattern


def test_every_metadata_rule_of_clean_yaml_is_a_line_kind() -> None:
    """Later stages find bylines, sources and dates by `Line.kind`; a rule that is no kind is refused."""
    from linimasa.clean.rules import load_rules
    from linimasa.model import LINE_KINDS

    assert all(reason in LINE_KINDS for reason, _ in load_rules().metadata)


def test_date_line_that_ends_with_a_clock_in_a_m_p_m() -> None:
    """The full stop of "a.m." is the date's own, not a sentence's: the line is a date line."""
    en = ("The city council voted on Tuesday to close the old bridge to heavy trucks after engineers "
          "found cracks in two of its supports during a routine inspection.")
    for line in ("March 4 2025, 10:15 a.m.", "March 4, 2025, 6:40 p.m."):
        art = clean(f"Council Closes Old Bridge to Trucks\nJane Doe\n{line}\n{en}")
        assert by_text(art, line)[0] == "metadata", line
    # a sentence that ends after the date is still a sentence
    art = clean(f"{en}\nThe vote was held on March 4, 2025 at the town hall.\n{en}")
    assert by_text(art, "The vote was held on March 4, 2025 at the town hall.")[0] != "metadata"


def test_date_line_with_two_dates_and_their_clock_times() -> None:
    """"Published: 10:30 BST, 1 August 2024 | Updated: 11:02 BST, 1 August 2024": every date and clock
    time of the line is its own, so it is a date line; a sentence around a date is not."""
    en = ("The city council voted on Tuesday to close the old bridge to heavy trucks after engineers "
          "found cracks in two of its supports during a routine inspection.")
    line = "Published: 10:30 BST, 1 August 2024 | Updated: 11:02 BST, 1 August 2024"
    art = clean(f"Council Closes Old Bridge to Trucks\nBy Jane Doe\n{line}\n{en}")
    assert by_text(art, line)[0] == "metadata"
    art = clean(f"{en}\nThe council met at 10:30 on 1 August 2024 to vote on the bridge\n{en}")
    assert by_text(art, "The council met at 10:30 on 1 August 2024 to vote on the bridge")[0] != "metadata"


def _whole_page(middle: str, after: list[str]) -> str:
    """A whole page's text: a menu, the article (a headline, four paragraphs, `middle`, then `after`),
    a footer menu and a footer notice."""
    menu = "\n".join(["Home", "News", "Business", "Sport", "Culture", "Travel", "Weather"])
    footer_menu = "\n".join(["About us", "Contact", "Careers", "Privacy", "Terms", "Advertise", "Sitemap"])
    footer = "Get the best of our journalism delivered to your inbox every morning, free of charge."
    head = "\n".join(["Roads Closed in Bandung for Drain Repairs", P1, P2, P3, P4, *MORE])
    return "\n".join([menu, head, middle, *after, footer_menu, footer])


MORE = [
    "The drains under Dago Street were built decades ago and have overflowed in every heavy rain for years.",
    "Shop owners along the road said they had lost customers since the closure began, but most welcomed the repairs.",
    "The city has set aside funds for the works and plans to repair two more streets in the north of the city next.",
    "Engineers said the new drains would carry twice as much water as the old ones and should end the floods.",
    "Traffic on the detour through Tamansari was heavy on the first morning, and officers directed cars.",
    "Buses on the route were sent along Jalan Ir. H. Juanda, adding ten minutes to most journeys into the centre.",
    "Schools near the works asked parents to drop their children off earlier so as to avoid the morning queues.",
    "The contractor said work would go on at night as well, with lights and noise barriers set up along the road.",
    "Residents were told to keep their gutters clear and report any blocked drain to the local office at once.",
]


def test_a_link_list_inside_the_article_ends_only_itself() -> None:
    later = ["The closure will be reviewed next week after engineers inspect the new drains on Dago Street.",
             "Residents who need to reach the area at night can ask the officers at either end of the road."]
    middle = "\n".join(["Article content", "Read More", "Flooding Closes Schools Across Jakarta Again",
                        "City Hall Promises New Pumps Before the Rainy Season", "Advertisement 2", "Advertisement",
                        "Story continues below",
                        "This advertisement has not loaded yet, but your article continues below.",
                        "Article content", "Share this"])
    art = clean(_whole_page(middle, later))
    for line in later:
        assert by_text(art, line)[0] == "body", line
        assert line in art.text
    assert "Flooding Closes Schools" not in art.text
    assert by_text(art, "Read More") == ("boilerplate", "related-links label")


def test_ads_between_header_teasers_and_the_article_still_separate_them() -> None:
    teasers = ["Why is the city's flood count always lower than what the agency says it is, and does it matter?",
               "The market holds its first night of the season today. Here is everything you need to know."]
    ads = ["Advertisement", "Advertisement", "Story continues below", "Advertisement 2", "Sponsored content",
           "Advertisement"]
    article = ["Roads Closed in Bandung for Drain Repairs", P1, P2, P3, P4, *MORE]
    art = clean("\n".join([*teasers, *ads, *article]))
    for line in teasers:
        assert by_text(art, line) == ("boilerplate", "paragraph away from the main text"), line


def test_a_single_notice_under_a_link_list_after_the_article_is_still_furniture() -> None:
    notice = "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply."
    middle = "\n".join(["Related articles", "Flooding Closes Schools Across Jakarta Again",
                        "City Hall Promises New Pumps Before the Rainy Season", "Advertisement",
                        "Sign up", "Privacy Policy", "Newsletter", "Share this"])
    art = clean(_whole_page(middle, [notice]))
    assert by_text(art, notice) == ("boilerplate", "paragraph away from the main text")


def test_a_label_word_opening_a_sentence_is_no_label() -> None:
    for line in ("More than 3,000 court documents have been released on the case.",
                 "Moreover, the council said the works would finish early.",
                 "Related costs rose by a fifth.",
                 "Lihat juga bagaimana warga memutar lewat Jalan Tamansari."):
        art = clean(f"{P1}\n{line}\n{P2}")
        assert by_text(art, line)[0] == "body", line
    for line in ("Read More Stories", "More trending stories", "RELATED COVERAGE", "More News"):
        art = clean(f"{P1}\n{line}\nFlooding Closes Schools Across Jakarta Again\n{P2}")
        assert by_text(art, line) == ("boilerplate", "related-links label"), line
        assert "Flooding Closes" not in art.text
