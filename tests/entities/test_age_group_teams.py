"""A country with an age group after it is its team (`precision.age_group_teams`), on sentences written
for these tests."""

from __future__ import annotations

from linimasa.entities.precision import age_group_teams
from linimasa.model import Mention


def at(text: str, surface: str, type_: str, key: str | None = None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, type_, source="gazetteer", key=key)  # type: ignore[arg-type]


def test_a_country_with_an_age_group_is_its_team_one_entity_with_the_full_name() -> None:
    text = "Pelatih Timnas Jepang U-23 senang Jepang U-23 menang di Jepang, dan Korea U20 kalah."
    ms = [Mention(text.index("Timnas"), text.index("Timnas") + 19, "Timnas Jepang U-23", "ORG"),
          at(text, "Jepang", "GPE", "country:JP", 1), at(text, "Jepang", "GPE", "country:JP", 2),
          at(text, "Korea", "GPE", "country:KR")]
    out = age_group_teams(text, ms)
    assert [(m.text, m.type) for m in out] == [("Timnas Jepang U-23", "ORG"), ("Jepang U-23", "ORG"),
                                              ("Jepang", "GPE"), ("Korea U20", "ORG")]
    assert out[1].key is not None  # one entity with "Timnas Jepang U-23"
    assert out[3].key is None


def test_a_city_with_a_code_after_it_stays_a_place() -> None:
    text = "Bus jurusan Bandung U-21 berangkat."
    ms = [at(text, "Bandung", "GPE", "city:bandung")]
    assert [(m.text, m.type) for m in age_group_teams(text, ms)] == [("Bandung", "GPE")]
