"""The one rule for a company's name read as a person's (`precision.company_people`: a legal form
beside it, or an organisation's short name), on sentences written for these tests."""

from __future__ import annotations

from linimasa.entities.precision import company_people
from linimasa.model import Mention


def at(text: str, surface: str, type_: str, nth: int = 0, source: str = "model") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, type_, source=source)  # type: ignore[arg-type]


def test_an_english_legal_form_joins_the_span_with_its_full_stop() -> None:
    text = "Shares of Marlow Grain Inc. rose. Marlow Grain said so, and Ruth Ames co-founded it."
    ms = [at(text, "Marlow Grain", "PER"), at(text, "Marlow Grain", "PER", 1), at(text, "Ruth Ames", "PER")]
    out = [(m.text, m.type) for m in company_people(text, ms, "en")]
    assert out == [("Marlow Grain Inc.", "ORG"), ("Marlow Grain", "ORG"), ("Ruth Ames", "PER")]


def test_a_lower_case_co_is_no_legal_form() -> None:
    text = "Ruth Ames co founded the farm with Tom Pike Co."
    ms = [at(text, "Ruth Ames", "PER"), at(text, "Tom Pike", "PER")]
    out = [(m.text, m.type) for m in company_people(text, ms, "en")]
    assert out == [("Ruth Ames", "PER"), ("Tom Pike Co.", "ORG")]


def test_an_indonesian_head_and_tail_in_one_span_and_a_short_name() -> None:
    text = ("PT Tirta Alam Jaya Tbk membuka pabrik. Direktur Tirta Alam Jaya hadir. PT Karya Kota (Perseroda) "
            "atau Karkota ikut; Karkota menyumbang.")
    ms = [at(text, "Tirta Alam Jaya", "PER"), at(text, "Tirta Alam Jaya", "PER", 1),
          at(text, "PT Karya Kota", "ORG"), at(text, "Karkota", "PER", 1)]
    out = [(m.text, m.type) for m in company_people(text, ms, "id")]
    assert out == [("PT Tirta Alam Jaya Tbk", "ORG"), ("Tirta Alam Jaya", "ORG"), ("PT Karya Kota", "ORG"),
                   ("Karkota", "ORG")]


def test_a_person_the_gazetteer_knows_keeps_its_type() -> None:
    text = "Saham Budi Hartono Tbk naik."
    ms = [at(text, "Budi Hartono", "PER", source="gazetteer")]
    assert [(m.text, m.type) for m in company_people(text, ms, "id")] == [("Budi Hartono", "PER")]
