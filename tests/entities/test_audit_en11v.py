"""Rules from the precision audit of unseen English news pages (issue 11, helper ent11v,
`bench/results/audit/ent11v-en-before.tsv`), on sentences written for these tests (not from any page
or gold set)."""

from __future__ import annotations

from linimasa.entities import _trim_names
from linimasa.entities.recall import people_by_age
from linimasa.model import Mention


def at(text: str, surface: str, type_: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, type_, source="model")  # type: ignore[arg-type]


def test_a_tag_list_with_counts_is_no_list_of_ages() -> None:
    text = ("Voters in Ohio turned out early.\nTopics\nSenate Race (210)\nMaria Lopez (131)\n"
            "Ohio (88)\nBallot Measures (12)\n")
    ms = [at(text, "Ohio", "GPE"), at(text, "Maria Lopez", "PER"), at(text, "Ohio", "GPE", 1)]
    out = [(m.text, m.type) for m in people_by_age(text, ms, "en")]
    assert out.count(("Ohio", "GPE")) == 2 and ("Ohio", "PER") not in out
    assert not any(m.text in ("Senate Race", "Ballot Measures") for m in people_by_age(text, [], "en"))


def test_a_list_of_people_with_ages_still_reads_them_as_people() -> None:
    # no count past 120: victims listed with their ages
    text = "Korban:\nDarmo Wijoyo (45)\nSiti Rahayu (38)\nBagas (9)\n"
    ms = [at(text, "Darmo Wijoyo", "ORG")]
    out = [(m.text, m.type) for m in people_by_age(text, ms, "id")]
    assert ("Darmo Wijoyo", "PER") in out and ("Siti Rahayu", "PER") in out


def test_a_religious_adjective_alone_is_no_entity() -> None:
    text = "Her father is Muslim and her mother is Jewish, said Anna Berg."
    ms = [at(text, "Muslim", "PER"), at(text, "Jewish", "PER"), at(text, "Anna Berg", "PER")]
    assert [m.text for m in _trim_names(ms, "en", frozenset())] == ["Anna Berg"]


def test_a_title_case_headline_is_no_organisation() -> None:
    from linimasa.entities.english import _headlines

    text = ("Related: Glasgow To Open New Ferry Terminal. Ferries Are Back In Fashion. "
            "The Royal Society for the Protection of Birds welcomed it.")
    ms = [at(text, "Glasgow To Open New Ferry Terminal", "ORG"), at(text, "Ferries Are Back In Fashion", "ORG"),
          at(text, "Royal Society for the Protection of Birds", "ORG")]
    assert [m.text for m in _headlines(ms)] == ["Royal Society for the Protection of Birds"]
