"""(storyent) The headline is evidence of the names the article writes apart (`linimasa.text.seams`):
a body that glues a frequent word to a name its headline writes alone ("Bagas Ferdiansahenggan")
names that person; the headline opens no seam of a case change. Sentences written for the tests."""

from __future__ import annotations

from linimasa.text.seams import glue_seams, open_seams


def opened(text: str, title: str = "") -> str:
    return open_seams(text, glue_seams(text, "id", title=title)).text


def test_a_name_the_headline_writes_alone_is_cut_from_its_glued_word() -> None:
    body = "Pemain Bagas Ferdiansahenggan berkomentar soal pasangan. Bagas mengaku siap."
    # the body alone writes "Ferdiansah" nowhere apart: no evidence, the run stays whole
    assert opened(body) == body
    title = "Bagas Ferdiansah Bicara soal Pasangan Barunya"
    assert opened(body, title) == "Pemain Bagas Ferdiansah enggan berkomentar soal pasangan. Bagas mengaku siap."
    assert opened("Pelari Rendra Wicaksonojelang lomba berlatih.", "Rendra Wicaksono Siap Tampil") == (
        "Pelari Rendra Wicaksono jelang lomba berlatih.")


def test_the_headline_opens_no_case_change() -> None:
    body = "Warga berkumpul di Monumen KaliBerang sejak pagi."
    assert opened(body, "Kali Berang Meluap, Warga Mengungsi") == opened(body)

