"""Seams after short function words, after given names and before them (`linimasa.text.seams`, the
lists glue_openers.txt, glue_name_tails.txt and camel_names.txt), on sentences written for the tests."""

from __future__ import annotations

import time

import pytest

from linimasa.text.seams import glue_seams, open_seams


def opened(text: str) -> str:
    return open_seams(text, glue_seams(text, "id")).text


@pytest.mark.parametrize(("glued", "open_"), [
    # "di" / "ke" glued in front of a capitalised name or an acronym
    ("Harga emas diPegadaian naik lagi.", "Harga emas di Pegadaian naik lagi."),
    ("Rombongan itu berangkat keMedan pagi tadi.", "Rombongan itu berangkat ke Medan pagi tadi."),
    ("Berkas itu diserahkan diKPK kemarin.", "Berkas itu diserahkan di KPK kemarin."),
    # a function word that ends no name, glued after a given name
    ("Kata Pak Yusufbakal ada rapat besok.", "Kata Pak Yusuf bakal ada rapat besok."),
    ("Warga melihat Agusdengan sepeda baru.", "Warga melihat Agus dengan sepeda baru."),
    # a given name glued after a word, inside a title or after a lower-case word
    ("Menteri PertanianAgus Salim hadir.", "Menteri Pertanian Agus Salim hadir."),
    ("Aktris sekaligus presenterJessica Putri tampil.", "Aktris sekaligus presenter Jessica Putri tampil."),
    # a word derived with an affix ends where a capital follows, even after a title
    ("Menteri PerdaganganZulkarnain Hasan hadir.", "Menteri Perdagangan Zulkarnain Hasan hadir."),
    ("Kantor KementerianKeuangan tutup.", "Kantor Kementerian Keuangan tutup."),
    # a legal form ends a company's name: a function word glued after it is cut off
    ("Saham PT Sinar Jaya Tbkatau SJAY naik.", "Saham PT Sinar Jaya Tbk atau SJAY naik."),
])
def test_a_glued_function_word_or_name_is_opened(glued: str, open_: str) -> None:
    assert opened(glued) == open_


@pytest.mark.parametrize("text", [
    "Lagu baru Wulandari dan Sundari diputar.",  # names that end in "dari" stay whole
    "Suryadi dan Mulyadi tiba di Kediri.",  # names that end in "di"
    "Ia menonton YouTube, main PlayStation dan memakai iPhone serta LinkedIn.",  # camel-case brands
    "Jalan itu dilalui bus TransJakarta setiap hari.",
    "Ia membuka BukaLapak dan BeritaSatu.",  # names built of roots, not of derived words
    "Bulan Ramadan tahun ini panjang.",  # a word that is a given name and a listed tail: "Rama|dan"
    "Ia berkata di depan kantor.",  # lower-case "di" before a lower-case word: nothing to open
])
def test_no_seam_in_a_name_a_brand_or_a_word(text: str) -> None:
    assert opened(text) == text


def test_offsets_of_an_opened_function_word_map_back() -> None:
    text = "Emas diPegadaian. Pak Yusufbakal pulang."
    view = open_seams(text, glue_seams(text, "id"))
    start = text.index("Pegadaian")
    s, e = view.start_in_view(start), view.end_in_view(start + len("Pegadaian"))
    assert view.text[s:e] == "Pegadaian"
    assert view.in_source(s) == start
    assert text[view.in_source(view.text.index("bakal")) :].startswith("bakal")


@pytest.mark.parametrize("piece", [
    "diPegadaian", "keMedan", "Yusufbakal", "PertanianAgus", "presenterJessica", "diKPKyang",
    "AgusdanAri", "dan" * 7,
])
def test_long_glued_runs_stay_linear(piece: str) -> None:
    # a hostile text: one run of thousands of glued words, and the same words spaced; the time per
    # character must not grow with the length (a quadratic scan takes 16x for 4x the text)
    def seconds(n: int) -> float:
        text = (piece * n) + " " + " ".join([piece] * n)
        t0 = time.perf_counter()
        glue_seams(text, "id")
        return time.perf_counter() - t0

    seconds(50)  # warm the word lists
    small, large = seconds(500), seconds(2000)
    assert large < 8 * small + 0.05
