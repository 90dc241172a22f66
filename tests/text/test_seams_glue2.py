"""(glue2) Seams after the last word of a name of several words (`linimasa.text.seams`): a two-letter
last word of a name the gazetteer knows ("Kim Jong Un|untuk"), and a function word after a name that
opens with a listed given name ("Teddy Indra Wijaya|dan"); sentences written for the tests."""

from __future__ import annotations

import pytest

from linimasa.text.seams import glue_seams, open_seams


def opened(text: str) -> str:
    return open_seams(text, glue_seams(text, "id")).text


@pytest.mark.parametrize(("glued", "open_"), [
    # a two-letter last word of a name the gazetteer knows whole, glued to the word after it
    ("Ia bertemu pemimpin Korea UtaraKim Jong Ununtuk ketiga kalinya.",
     "Ia bertemu pemimpin Korea Utara Kim Jong Un untuk ketiga kalinya."),
    ("Sebelumnya Kim Jong Unjuga menyapa warga.", "Sebelumnya Kim Jong Un juga menyapa warga."),
    # a function word glued after the last word of a name that opens with a given name
    ("Rapat dihadiri Teddy Indra Wijayadan Menteri Keuangan.",
     "Rapat dihadiri Teddy Indra Wijaya dan Menteri Keuangan."),
    ("Hakim Wahyu Widya Sasmitadan panitera ditangkap.", "Hakim Wahyu Widya Sasmita dan panitera ditangkap."),
    ("Pemain muda Andi Kurniawanyang baru bergabung tampil.",
     "Pemain muda Andi Kurniawan yang baru bergabung tampil."),
])
def test_tail_after_a_name_of_several_words(glued: str, open_: str) -> None:
    assert opened(glued) == open_


@pytest.mark.parametrize("text", [
    # two letters before a listed word, with no known name around them: a word or a name as written
    "Tim Ununtuk tampil di final.",
    "Penyanyi Jong Ununtuk tampil di final.",
    # names that end in the letters of a function word stay whole after a given name
    "Warga menyambut Ahmad Sudan di Solo.",
    "Pelatih Budi Ramadan memimpin latihan.",
    # a name of one word before the tail is no evidence ("Wijaya" alone could be "Wijayadan")
    "Rapat dihadiri Wijayadan sekretarisnya.",
])
def test_names_that_stay_whole(text: str) -> None:
    assert opened(text) == text
