"""A country with an age group after it is its team (`precision.age_group_teams`), and a place before its
region is no person (`precision.places_before_regions`), on sentences written
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


def test_a_person_before_a_comma_and_a_region_after_a_locative_is_a_place() -> None:
    from linimasa.entities.precision import places_before_regions
    from linimasa.text.gazetteer import load_gazetteer

    text = "Ia tinggal di Sukamaju Hilir, Jawa Barat, kata Rudi Hartono, Bandung."
    ms = [Mention(14, 28, "Sukamaju Hilir", "PER", source="model"), at(text, "Jawa Barat", "GPE", "id-prov:32"),
          Mention(text.index("Rudi"), text.index("Rudi") + 12, "Rudi Hartono", "PER", source="model"),
          at(text, "Bandung", "GPE", "city:bandung")]
    out = [(m.text, m.type) for m in places_before_regions(text, ms, load_gazetteer())]
    assert out == [("Sukamaju Hilir", "GPE"), ("Jawa Barat", "GPE"), ("Rudi Hartono", "PER"), ("Bandung", "GPE")]


def test_a_name_after_its_kind_and_a_naming_word_is_of_that_kind() -> None:
    from linimasa.entities.precision import named_kinds

    text = ("Jalan itu menuju kota bernama Larantuka Baru, melewati titik yang disebut Simpang Rudi, "
            "kata pria bernama Sungai Emas. They met a woman named Harbor Reed in a village called Tom Hill.")
    ms = [Mention(text.index("Larantuka"), text.index("Larantuka") + 14, "Larantuka Baru", "PER"),
          Mention(text.index("Simpang"), text.index("Simpang") + 12, "Simpang Rudi", "PER"),
          Mention(text.index("Sungai"), text.index("Sungai") + 11, "Sungai Emas", "LOC"),
          Mention(text.index("Harbor"), text.index("Harbor") + 11, "Harbor Reed", "LOC"),
          Mention(text.index("Tom Hill"), text.index("Tom Hill") + 8, "Tom Hill", "PER")]
    out = [(m.text, m.type) for m in named_kinds(text, ms[:3], "id") + named_kinds(text, ms[3:], "en")]
    assert out == [("Larantuka Baru", "GPE"), ("Simpang Rudi", "LOC"), ("Sungai Emas", "PER"),
                   ("Harbor Reed", "PER"), ("Tom Hill", "GPE")]


def test_a_city_after_a_team_word_in_a_sport_article_is_the_club() -> None:
    from linimasa.entities.precision import club_cities

    text = "Pelatih Bologna memuji pemain Genoa City dan suporter di Bologna, melawan Torino pekan depan."
    ms = [at(text, "Bologna", "GPE", "city:bologna"), at(text, "Genoa", "GPE", "city:genoa"),
          at(text, "Bologna", "GPE", "city:bologna", 1), at(text, "Torino", "GPE", "city:turin")]
    out = [(m.text, m.type) for m in club_cities(text, ms, "id", sport=True)]
    assert out == [("Bologna", "ORG"), ("Genoa", "GPE"), ("Bologna", "GPE"), ("Torino", "ORG")]
    assert [m.type for m in club_cities(text, ms, "id", sport=False)] == ["GPE"] * 4
