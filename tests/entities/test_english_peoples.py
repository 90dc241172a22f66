"""A people is no person (`english._enten_peoples`, demonyms.txt), on sentences written for these tests."""

from __future__ import annotations

from linimasa.entities.english import _enten_peoples
from linimasa.model import Mention
from linimasa.text.gazetteer import load_gazetteer


def at(text: str, surface: str, type_: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, type_, source="model")  # type: ignore[arg-type]


def test_demonyms_then_a_group_noun_name_a_people() -> None:
    text = "Land Rights for Indigenous Peoples, says Mary People; Aboriginal Communities and Kenyan Peoples agree."
    ms = [at(text, "Indigenous Peoples", "PER"), at(text, "Mary People", "PER"),
          at(text, "Aboriginal Communities", "ORG"), at(text, "Kenyan Peoples", "PER")]
    assert [m.text for m in _enten_peoples(ms)] == ["Mary People"]


def test_a_generational_suffix_keeps_its_full_stop() -> None:
    from linimasa.entities.english import _enten_dotted_tails

    text = "Mayor Ray Dunn Jr. said so. Dunn Sr. agreed, and so did Jr. Ames and Ray Dunn Jr"
    ms = [at(text, "Ray Dunn Jr", "PER"), at(text, "Dunn Sr", "PER"), at(text, "Ames", "PER")]
    last = text.rindex("Ray Dunn Jr")
    ms.append(Mention(last, last + 11, "Ray Dunn Jr", "PER", source="model"))
    assert [m.text for m in _enten_dotted_tails(text, ms)] == ["Ray Dunn Jr.", "Dunn Sr.", "Ames", "Ray Dunn Jr"]


def test_a_compass_word_read_apart_joins_the_place_after_it() -> None:
    from linimasa.entities.english import _ent12d_compass_places

    text = "Storms hit Northern Nevada and Eastern Oregon; the North wind blew."
    ms = [at(text, "Northern", "GPE"), at(text, "Nevada", "GPE"), at(text, "Oregon", "GPE")]
    ms[1].key, ms[2].key = "state:NV", "state:OR"
    out = [(m.text, m.type) for m in _ent12d_compass_places(text, ms, load_gazetteer())]
    assert out == [("Northern Nevada", "LOC"), ("Eastern Oregon", "LOC")]


def test_a_region_by_its_direction_or_coast_is_a_place_without_government() -> None:
    from linimasa.entities.english import _enten_regions

    text = "Storms hit the Midwest and the West. Flights from West Coast hubs left; Kanye West sang."
    ms = [at(text, "Midwest", "GPE"), Mention(text.index("West."), text.index("West.") + 5, "West.", "GPE"),
          at(text, "West Coast", "ORG")]
    w = text.rindex("West")
    ms.append(Mention(w, w + 4, "West", "PER", source="model"))
    out = [(m.text, m.type) for m in _enten_regions(text, ms)]
    assert out == [("Midwest", "LOC"), ("West", "LOC"), ("West Coast", "LOC"), ("West", "PER")]


def test_an_ampersand_joins_the_parts_of_one_name() -> None:
    from linimasa.entities.precision import ampersand_names

    text = "Bay Water & Power cut supply. The Hall of Arts & Crafts. Fund for Birds & Bees Inc, and Kim & Lee sang."
    ms = [at(text, "Bay Water", "ORG"), at(text, "Power", "ORG"), at(text, "Hall of Arts", "ORG"),
          at(text, "Fund for Birds", "ORG"), at(text, "Kim", "PER")]
    out = [(m.text, m.type) for m in ampersand_names(text, ms)]
    assert out == [("Bay Water & Power", "ORG"), ("Hall of Arts & Crafts", "ORG"),
                   ("Fund for Birds & Bees Inc", "ORG"), ("Kim", "PER")]
