"""The corpus type vote: the gazetteer's type of a one-word name yields to the articles' own evidence."""

from __future__ import annotations

from linimasa.link.entities import link
from linimasa.model import Article, EntityRecord, Mention


def article(aid: str, text: str, *mentions: tuple[str, str, str, str | None]) -> Article:
    """An article whose mentions (surface, type, source, key) are placed at their first occurrence."""
    a = Article(id=aid, source=aid, text=text, language="en")
    for surface, type_, source, key in mentions:
        start = text.index(surface)
        a.mentions.append(Mention(start, start + len(surface), surface, type_, source=source, key=key))  # type: ignore[arg-type]
    return a


def type_of(records: list[EntityRecord], name: str) -> str:
    (r,) = [r for r in records if r.name == name]
    return r.type


def test_region_word_typed_by_a_rule_is_not_the_town() -> None:
    a = article("v1", "Voters across the West turned out early on Tuesday.", ("West", "LOC", "rule", None))
    b = article("v2", "Farmers in the West fear a dry summer.", ("West", "LOC", "model", None))
    assert type_of(link([a, b]).records, "West") == "LOC"


def test_town_keyed_or_typed_by_the_gazetteer_keeps_its_type() -> None:
    a = article("v3", "Voters across the West turned out early.", ("West", "LOC", "rule", None))
    b = article("v4", "The mayor of West said the bridge would reopen.", ("West", "GPE", "gazetteer", "city:west"))
    assert type_of(link([a, b]).records, "West") == "GPE"


def test_model_guess_alone_does_not_override_the_gazetteer() -> None:
    a = article("v5", "Jakarta announced new bus routes on Monday.", ("Jakarta", "ORG", "model", None))
    assert type_of(link([a]).records, "Jakarta") == "GPE"


def test_longer_gazetteer_names_keep_the_gazetteer_type() -> None:
    a = article("v6", "Ships sailed to the Falkland Islands in May.", ("Falkland Islands", "LOC", "rule", None))
    assert type_of(link([a]).records, "Falkland Islands") == "GPE"


def test_decision_survives_a_later_batch() -> None:
    first = link([article("v7", "Turnout rose across the West this year.", ("West", "LOC", "rule", None))])
    stored = first.records

    def fetch(keys: set[str]) -> tuple[list[EntityRecord], dict[str, set[str]]]:
        return [r for r in stored if keys & set(r.keys)], {}

    later = article("v8", "Storms hit the West again.", ("West", "LOC", "model", None))
    assert type_of(link([later], fetch).records, "West") == "LOC"


def test_office_named_by_its_street_stays_the_street() -> None:
    a = article(
        "v9", "Protesters gathered outside Downing Street on Friday.", ("Downing Street", "LOC", "rule", None)
    )
    assert type_of(link([a]).records, "Downing Street") == "LOC"


def test_office_typed_as_an_organisation_keeps_the_gazetteer_type() -> None:
    a = article("v10", "Protesters gathered outside Downing Street.", ("Downing Street", "LOC", "rule", None))
    b = article("v11", "Downing Street said the talks would go on.", ("Downing Street", "ORG", "model", None))
    assert type_of(link([a, b]).records, "Downing Street") == "ORG"
