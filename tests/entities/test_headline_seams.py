"""(storyent) The entity stage reads the headline as evidence of the names its body glues a word to
(`linimasa.text.seams`); sentences written for the test."""

from __future__ import annotations

from linimasa.entities import default_recogniser, recognise


def test_recognise_reads_the_headline_as_evidence() -> None:
    body = "Pemain Bagas Ferdiansahenggan berkomentar soal pasangan. Bagas mengaku siap."
    title = "Bagas Ferdiansah Bicara soal Pasangan Barunya"
    names = {m.text for m in recognise(body, "id", default_recogniser(), title=title)}
    assert "Bagas Ferdiansah" in names
    assert not any(n.endswith("enggan") for n in names)
