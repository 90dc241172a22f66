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


def test_a_frequent_verb_glued_to_a_name_is_split():
    # a link ended in the name, and the next word (a verb, not a function word) was glued to it
    assert unglue("Presiden Donald Trumpmenyerukan penyerahan tanpa syarat.") == (
        "Presiden Donald Trump menyerukan penyerahan tanpa syarat.")
    assert unglue("Habib Rizieq Shihabditangkap polisi.") == "Habib Rizieq Shihab ditangkap polisi."
    # a name or a word that only ends like one stays whole
    text = "Permendagri, Polsubsektor, Simanjuntak, Kemendikbudristek, Ditreskrimsus, Pemberton"
    assert unglue(text) == text
