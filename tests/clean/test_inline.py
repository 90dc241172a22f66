"""Inline clean-up: datelines, glued SEO tags and sign-off tails (examples written for the tests)."""

from __future__ import annotations

from linimasa.clean import clean_article
from linimasa.clean.inline import clean_inline
from linimasa.clean.rules import load_rules
from linimasa.ingest import ingest_text
from linimasa.text.dateline import parse_dateline

RULES = load_rules()


def test_seo_tag_glued_to_the_end_of_a_paragraph_is_removed() -> None:
    sentence = "Menteri Keuangan menyebut defisit anggaran masih terkendali hingga akhir tahun."
    assert clean_inline(f"{sentence} Berita ekonomi Indonesia", RULES) == sentence
    text = "Timnas menang dua gol tanpa balas di Stadion Gelora Bung Karno. Sepak Bola Nasional"
    assert clean_inline(text, RULES).endswith("Bung Karno.")


def test_a_real_last_sentence_is_not_taken_for_a_tag() -> None:
    text = 'Dia berkata "kami siap bertanding." Lalu dia pergi ke ruang ganti'
    assert clean_inline(text, RULES) == text


def test_sign_off_tails() -> None:
    assert clean_inline("Pertandingan akan digelar pekan depan.***", RULES) == "Pertandingan akan digelar pekan depan."
    assert clean_inline("Ia menolak berkomentar. (rdp/imk)", RULES) == "Ia menolak berkomentar."
    sentence = "Bentrokan berlanjut hingga malam."
    assert clean_inline(f"{sentence} ada/rzn (AFP, dpa)", RULES) == sentence


def test_a_slash_inside_a_sentence_is_not_a_tail() -> None:
    text = "Kecepatan maksimum dibatasi 80 km/jam"
    assert clean_inline(text, RULES) == text


def test_dateline_layouts() -> None:
    cases = {
        "Liputan6.com, Jakarta - Harga minyak naik.": ("Liputan6.com", "Jakarta"),
        "Liputan6.com, SurabayaPolisi menangkap dua orang.": ("Liputan6.com", "Surabaya"),
        "JAKARTA, KOMPAS.com - Hujan deras turun.": ("Kompas.com", "Jakarta"),
        "TEMPO.CO, Jakarta - Komisi III menggelar rapat.": ("Tempo", "Jakarta"),
        "TEMPO.CO,Jakarta-Pengacara itu membantah.": ("Tempo", "Jakarta"),
        "JAKARTA- Pemerintah menaikkan tarif.": (None, "Jakarta"),
        "CALIFORNIA– Paris Saint-Germain kalah.": (None, "California"),
        "KOMPAS.com-Trent Alexander-Arnold resmi debut.": ("Kompas.com", None),
        "REPUBLIKA.CO.ID, MEDAN -- Banjir surut.": ("Republika", "Medan"),
        "Jakarta (ANTARA) - Presiden meresmikan bendungan.": ("Antara", "Jakarta"),
        "MOSCOW (Reuters) - The ministry said on Monday.": ("Reuters", "Moscow"),  # an agency reporting itself
        "BeritaNusa – Makassar – Gubernur membuka festival.": ("BeritaNusa", "Makassar"),
        "SURABAYA - Warga memadati alun-alun.": (None, "Surabaya"),
        "PR BEKASI – Pemerintah daerah membuka lowongan.": ("PR Bekasi", None),
        "PORTAL JEMBER - Harga bawang merah turun.": ("PORTAL JEMBER", None),
        "SINDOnews.com, Jakarta - Rupiah menguat.": ("Sindonews", "Jakarta"),
    }
    for line, (outlet, place) in cases.items():
        found = parse_dateline(line)
        assert found is not None, line
        assert (found.outlet, found.place) == (outlet, place), line


def test_one_capitalised_word_before_a_spaced_dash_only_in_a_paragraph() -> None:
    found = parse_dateline("Jakarta - Presiden meresmikan jalan tol baru.", loose=True)
    assert found is not None and (found.outlet, found.place) == (None, "Jakarta")
    assert parse_dateline("Jokowi - Prabowo Bertemu di Istana") is None


def test_no_dateline_in_ordinary_sentences() -> None:
    for line in ("Presiden Joko Widodo mengatakan bahwa ekonomi tumbuh.",
                 "Sementara itu, Jakarta - kota besar - macet.",
                 "Rabu, 18 Juni 2025 - 10:00",
                 "Rayan Cherki, Rayan Ait-Nouri, dan Tijjani Reijnders direkrut musim ini.",
                 "Paris Saint-Germain kalah dari Botafogo."):
        assert parse_dateline(line) is None, line


def test_dateline_is_removed_from_text_and_recorded() -> None:
    art = clean_article(ingest_text("Banjir Rendam Ratusan Rumah\n\nSEMARANG – Banjir merendam ratusan rumah warga di "
                                    "pesisir utara kota sejak Minggu malam.\nWarga mengungsi ke balai desa."))
    assert art.dateline == "Semarang"
    assert art.text.startswith("Banjir merendam")


def test_place_alone_on_a_line_before_the_text() -> None:
    art = clean_article(ingest_text("Moskow -\nDelegasi tiba di ibu kota pada Kamis pagi untuk membahas kerja sama."))
    assert (art.lines[0].label, art.dateline) == ("metadata", "Moskow")


def test_dateline_on_a_line_of_its_own_is_metadata() -> None:
    art = clean_article(ingest_text("Kabar Pagi, Surabaya -\n\nWarga memadati alun-alun kota untuk menyaksikan pawai "
                                    "budaya yang digelar setiap tahun."))
    assert (art.lines[0].label, art.lines[0].reason) == ("metadata", "standalone dateline")
    assert not art.lines[0].reason.startswith("date")  # "date..." reasons mark the article's date for timex
    assert art.lines[0].kind == "dateline"
    assert (art.outlet, art.dateline) == ("Kabar Pagi", "Surabaya")


def test_a_space_typed_inside_the_outlet_domain_of_a_dateline() -> None:
    line = "BANDUNG, KOMPAS. com - Harga beras di pasar tradisional naik lagi."
    found = parse_dateline(line)
    assert found is not None
    assert (found.outlet, found.place) == ("Kompas.com", "Bandung")
    assert line[found.end :] == "Harga beras di pasar tradisional naik lagi."
    assert parse_dateline("Pembeli memesan lewat situs toko. com - katanya murah.") is None


def test_a_space_typed_for_the_dot_of_the_outlet_domain_of_a_dateline() -> None:
    """"KLATEN, KOMPAS com-": the site's dot left out; the prefix still names the outlet and the place."""
    line = "SEMARANG, KOMPAS com- Harga cabai rawit di Pasar Johar turun lagi."
    found = parse_dateline(line)
    assert found is not None
    assert (found.outlet, found.place) == ("Kompas.com", "Semarang")
    assert line[found.end :] == "Harga cabai rawit di Pasar Johar turun lagi."
    assert parse_dateline("Warga Membeli Tiket di Situs Resmi com- katanya murah.") is None
