"""A police unit with its office is one organisation, and the head of a unit is a role (`uses._police_units`,
the unit heads' titles of id/entities.yaml), on sentences written for these tests."""

from __future__ import annotations

from linimasa.entities import recognise


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in recognise(text, "id")]


def test_a_unit_head_is_a_role_and_the_unit_its_office_one_organisation() -> None:
    # the place named before does not turn "Kasi Humas Polres" into a speaker's name
    text = "Warga Sleman resah. Pelaku ditangkap, kata Kasi Humas Polres Sleman AKP Rudi Hartono kepada wartawan."
    found = _found(text)
    assert ("Humas Polres Sleman", "ORG") in found
    assert ("Rudi Hartono", "PER") in found
    assert not any(t == "Kasi Humas Polres" for t, _ in found)


def test_a_lower_case_word_before_an_office_is_no_unit() -> None:
    # "lantas" is also the word "then"
    found = _found("Ia lantas Polresta Magelang datangi, ujar Rudi.")
    assert not any(t.startswith("lantas") for t, _ in found)


def test_a_units_word_alone_is_no_person() -> None:
    found = _found("Dijelaskan Kasat Resnarkoba, AKP Rudi Hartono, bahwa pengedar ditangkap di Sleman.")
    assert not any(t == "Resnarkoba" for t, _ in found)
    assert ("Rudi Hartono", "PER") in found


def test_a_name_between_a_police_head_and_a_rank_is_the_seat() -> None:
    from linimasa.entities.uses import _lists, _police_seat_place
    from linimasa.model import Mention

    lists = _lists()
    heads, ranks = lists["police_heads"], lists["police_ranks"]
    text = "Kapolsek Sukasari, Iptu Rudi Hartono, dan Kapolres Budi Santoso hadir; Kapolda Lampung AKP-nya tidak."
    seat = Mention(9, 17, "Sukasari", "PER", source="model")
    person = Mention(text.index("Budi"), text.index("Budi") + 12, "Budi Santoso", "PER", source="model")
    assert _police_seat_place(text, seat, heads, ranks).type == "GPE"
    assert _police_seat_place(text, person, heads, ranks).type == "PER"
