"""Rules from the second precision audit of unseen English pages (issue 11, helper ent11x,
`bench/results/audit/ent11x-en-before.tsv`), on sentences written for these tests (not from any page
or gold set)."""

from __future__ import annotations

from linimasa.entities.english import _ent11x_greetings, _ent11x_joiners
from linimasa.model import Mention


def at(text: str, surface: str, type_: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, type_, source="model")  # type: ignore[arg-type]


def test_a_greeting_is_cut_from_the_name_it_greets() -> None:
    text = "Marta replied: Hi Joanna, the dough keeps for two days. Hello Pieter Smit, thanks!"
    ms = [at(text, "Hi Joanna", "PER"), at(text, "Hello Pieter Smit", "PER"), at(text, "Marta", "PER")]
    out = _ent11x_greetings(ms)
    assert [(m.text, text[m.start : m.end]) for m in out] == [
        ("Joanna", "Joanna"), ("Pieter Smit", "Pieter Smit"), ("Marta", "Marta")
    ]


def test_a_greeting_word_is_kept_where_it_is_no_greeting_of_a_person() -> None:
    text = "The Hey Day Cafe opened. Dear Leader Films won."
    ms = [at(text, "Hey Day Cafe", "ORG"), at(text, "Dear", "PER")]
    assert [m.text for m in _ent11x_greetings(ms)] == ["Hey Day Cafe", "Dear"]


def test_a_joining_word_ends_a_name_and_alone_is_none() -> None:
    text = "4. Nina From The Blue Harbour. 5. Tom Reed From Night Shift. Ask Ola Berg."
    ms = [at(text, "Nina", "PER"), at(text, "From", "PER"), at(text, "Tom Reed From Night Shift", "ORG"),
          at(text, "Ola Berg", "PER")]
    out = _ent11x_joiners(text, ms)
    assert [(m.text, text[m.start : m.end]) for m in out] == [
        ("Nina", "Nina"), ("Tom Reed", "Tom Reed"), ("Ola Berg", "Ola Berg")
    ]
    assert [m.type for m in out] == ["PER", "PER", "PER"]


def test_a_lower_case_from_is_no_joiner() -> None:
    text = "A letter from Kiev reached Oslo."
    ms = [at(text, "Kiev", "GPE"), at(text, "Oslo", "GPE")]
    assert [m.text for m in _ent11x_joiners(text, ms)] == ["Kiev", "Oslo"]


def test_a_title_after_the_is_no_name() -> None:
    text = "Welcome to the Summer From Nowhere, our series. Meet Ada Lin From Radio Four."
    ms = [at(text, "Summer From Nowhere", "ORG"), at(text, "Ada Lin From Radio Four", "ORG")]
    assert [(m.text, m.type) for m in _ent11x_joiners(text, ms)] == [("Ada Lin", "PER")]


def test_a_company_form_after_a_name_makes_it_a_company() -> None:
    from linimasa.entities.precision import company_people

    text = "Ask Harbor Mint. Harbor Mint, Inc. makes coins. Anna Berg, 52, agreed with Ola Dahl Ltd."
    first = text.index("Harbor Mint")
    second = text.index("Harbor Mint", first + 1)
    ms = [Mention(first, first + 11, "Harbor Mint", "PER"), Mention(second, second + 11, "Harbor Mint", "PER"),
          at(text, "Anna Berg", "PER"), at(text, "Ola Dahl Ltd", "PER")]
    out = company_people(text, ms, "en")
    assert [m.type for m in out] == ["ORG", "ORG", "PER", "ORG"]
