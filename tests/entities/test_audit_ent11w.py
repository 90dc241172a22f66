"""Rules from the third precision audit of unseen Indonesian news (issue 11, helper ent11w,
`bench/results/audit/ent11w-a29-before.tsv`), on sentences written for these tests (not from any
article or gold set)."""

from __future__ import annotations

from linimasa.entities.precision import company_people
from linimasa.model import Mention
from linimasa.text.seams import glue_seams


def at(text: str, surface: str, type_: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, type_, source="model")  # type: ignore[arg-type]


def _cuts(text: str) -> list[str]:
    return [text[i - 6 : i] + "|" + text[i : i + 4] for i in glue_seams(text, "id")]


def test_a_compound_written_apart_elsewhere_is_not_cut() -> None:
    # "Antar" written alone makes "Antar|klub" a name with a word glued on, unless the article also
    # writes the compound apart as two capitalised words
    glued = "Tim Antar melaju. Final Piala Dunia Antarklub berlangsung di Medan."
    assert " Antar|klub" in _cuts(glued)
    apart = "Tim Antar melaju. Piala Dunia Antar Klub ditunda. Final Piala Dunia Antarklub berlangsung."
    assert not any("Antar|" in c for c in _cuts(apart))


def test_a_lower_case_word_written_apart_is_no_evidence() -> None:
    # "Prabowo mengatakan" written apart does not make "Prabowomengatakan" one word
    text = "Prabowo mengatakan itu. Lalu Prabowomengatakan lagi di Jakarta."
    assert any(c.endswith("|meng") for c in _cuts(text))


def test_a_name_after_a_legal_form_is_a_company_with_its_other_mentions() -> None:
    text = ("PT Sinar Pangan Lestari (Persero) melantik direksi baru. Budi Santoso menjadi Komisaris "
            "Sinar Pangan Lestari sejak Senin.")
    ms = [at(text, "Sinar Pangan Lestari", "PER"), at(text, "Budi Santoso", "PER"),
          at(text, "Sinar Pangan Lestari", "PER", 1)]
    out = [(m.text, m.type) for m in company_people(text, ms, "id")]
    assert out == [("PT Sinar Pangan Lestari (Persero)", "ORG"), ("Budi Santoso", "PER"),
                   ("Sinar Pangan Lestari", "ORG")]


def test_a_tbk_after_a_name_makes_it_a_company() -> None:
    text = "Saham Karya Bumi Tbk naik, kata Rina Wulandari."
    ms = [at(text, "Karya Bumi", "PER"), at(text, "Rina Wulandari", "PER")]
    out = [(m.text, m.type) for m in company_people(text, ms, "id")]
    assert out == [("Karya Bumi Tbk", "ORG"), ("Rina Wulandari", "PER")]


def test_a_person_beside_a_word_that_only_ends_like_a_legal_form_stays_a_person() -> None:
    # "SEPT" ends in "PT" but is no legal form; a person after a plain word stays a person
    text = "Jadwal SEPT Andi Wijaya hadir bersama Dewi Lestari di Jakarta."
    ms = [at(text, "Andi Wijaya", "PER"), at(text, "Dewi Lestari", "PER")]
    assert [(m.text, m.type) for m in company_people(text, ms, "id")] == [
        ("Andi Wijaya", "PER"), ("Dewi Lestari", "PER")]
