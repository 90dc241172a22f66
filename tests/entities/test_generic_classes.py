"""Classes and kinds that are no entities: a search-and-rescue team, special-needs schools as a class,
software after its two-word kind, a named concept; on sentences written for these tests."""

from __future__ import annotations

from linimasa.entities import recognise


def _texts(text: str) -> list[str]:
    return [m.text for m in recognise(text, "id")]


def test_a_rescue_team_and_a_class_of_schools_are_no_organisations() -> None:
    found = _texts("Tim SAR gabungan menemukan korban di Sungai Progo. Siswa SMA, SMK, dan SLB di Bantul libur.")
    assert "Tim SAR" not in found
    assert "SLB" not in found
    assert "Sungai Progo" in found


def test_software_after_its_two_word_kind_and_a_named_concept_are_products() -> None:
    from linimasa.entities.settle import _lists, _product_context

    lists = _lists("id")
    cues, after = lists["product_cues"], lists["product_cues_after"]
    assert _product_context("Vendor itu memasang sistem operasi ", " pada ponsel", cues, after)
    assert _product_context("ponsel dengan perangkat lunak", " buatan Zentra", cues, after)
    assert _product_context("Desa itu menerapkan konsep ", " sejak 2020", cues, after)
    # the words in capitals open a name ("Sistem Operasi Nasional" is no cue), and one word alone is none
    assert not _product_context("kata Ketua Sistem Operasi ", " di Bandung", cues, after)
    assert not _product_context("ruang operasi ", " di Bandung", cues, after)
