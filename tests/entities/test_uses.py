"""Indonesian readings of a name by the words around it (linimasa.entities.uses), on sentences written
for the tests (not from any gold set). A stand-in model (`Tagger`) tags what the statistical model is
known to get wrong, so that each test checks the rule and not the packaged CRF."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found


def test_a_name_cut_after_a_lower_case_letter_is_a_product() -> None:
    text = ("Pengguna di Medan kini bisa memasang iOS 19 di ponselnya. Pembaruan iOS 19 itu dirilis "
            "perusahaan, kata Budi Santoso.")
    got = found(text, model=Tagger(OS_19="ORG", Medan="GPE", Budi_Santoso="PER"))
    names = {t for t, _ in got}
    assert "OS 19" not in names
    assert {"Medan", "Budi Santoso"} <= names


def test_a_name_glued_after_a_word_and_one_letter_is_a_product_but_not_after_di() -> None:
    text = "Perusahaan itu memperkenalkaneKTP 5 kepada warga. Ia melapor diKPK pada Senin."
    got = found(text, model=Tagger(KTP_5="ORG", KPK="ORG"), open_glue=False)
    names = {t for t, _ in got}
    assert "KTP 5" not in names
    assert "KPK" in names


def test_a_batak_family_name_after_a_given_name_ends_the_person() -> None:
    text = "Kapolsek AKP Hotman Simanjuntak mengatakan pelaku ditangkap di Medan."
    got = found(text, model=Tagger(Hotman="PER", Simanjuntak="GPE", Medan="GPE"))
    assert ("Hotman Simanjuntak", "PER") in got
    assert ("Simanjuntak", "GPE") not in got


def test_the_word_after_menko_is_a_portfolio() -> None:
    text = "Menko PMK Pratikno meninjau lokasi banjir di Demak bersama bupati."
    got = found(text, model=Tagger(PMK="PER", Pratikno="PER", Demak="GPE"))
    names = {t for t, _ in got}
    assert "PMK" not in names
    assert "Pratikno" in names


def test_a_country_after_a_noun_of_people_is_a_nationality() -> None:
    text = ("Sebanyak 30 turis Jepang terjebak di Bali. Pesawat dari Jepang tiba kemarin, sementara "
            "drama Korea tetap populer di Indonesia.")
    got = found(text)
    assert got.count(("Jepang", "GPE")) == 1  # "dari Jepang" only
    assert ("Korea", "GPE") not in got
    assert ("Indonesia", "GPE") in got


def test_initials_with_an_age_or_a_suspects_word_are_a_person_everywhere() -> None:
    text = ("Polisi menangkap RT (31) di Bogor karena menipu korban JS (40). Pelaku RT mengaku kenal "
            "dengan korban JS sejak lama.")
    got = found(text, model=Tagger(JS="ORG", Bogor="GPE"))
    assert got.count(("RT", "PER")) == 2
    assert got.count(("JS", "PER")) == 2
    assert ("JS", "ORG") not in got
