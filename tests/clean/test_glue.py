"""Seams a scraper glued shut are opened only where the dictionary confirms a word."""

from linimasa.text.glue import unglue


def test_glued_words_are_split():
    assert unglue("Real Madridsudah mendatangkan Argentina,Franco Mastantuono.") == (
        "Real Madrid sudah mendatangkan Argentina, Franco Mastantuono.")
    assert unglue("yang menyebutMastantuonosetara dengan") == "yang menyebut Mastantuono setara dengan"
    assert unglue("saham PTBumi, harga BRMSberada di level") == "saham PT Bumi, harga BRMS berada di level"
    assert unglue("Emilia Contessadari keluarga") == "Emilia Contessa dari keluarga"


def test_camel_case_names_and_words_stay_whole():
    text = "TransJakarta, YouTube, GoPay, detikNews, Ramadan, Pandangan, Kementerian, iPhone, KPKNL"
    assert unglue(text) == text
