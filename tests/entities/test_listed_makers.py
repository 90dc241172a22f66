"""(storyent) A listed maker written alone is the company (`linimasa.entities.recall.listed_makers`);
sentences written for these tests."""

from __future__ import annotations

from linimasa.entities.recall import listed_makers
from linimasa.model import Mention


def at(text: str, surface: str, type_: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, type_, source="model")  # type: ignore[arg-type]


def orgs(text: str, mentions: list[Mention], language: str = "id") -> list[int]:
    return sorted(m.start for m in listed_makers(text, mentions, language) if m.type == "ORG" and m.source == "rule")


def test_a_maker_written_alone_is_the_company() -> None:
    text = "VinFast menambah diler di Bandung. Kehadiran Xpeng di pasar juga terasa, kata pengamat."
    assert orgs(text, []) == [0, text.index("Xpeng")]


def test_a_maker_inside_a_model_a_product_use_or_a_longer_name_is_not() -> None:
    text = ("Pengemudi mencoba VinFast VF3 di jalan tol. Ia membeli mobil VinFast bekas. "
            "Pabrik Honda Prospect Motor di Karawang sibuk. Bus itu memakai sasis Hino.")
    assert orgs(text, []) == []
    person = "Gelandang Keisuke Honda mencetak gol. Honda lalu merayakannya."
    assert orgs(person, [at(person, "Keisuke Honda", "PER")]) == []  # the person's short name


def test_two_letters_a_found_mention_and_english_are_left_alone() -> None:
    suspect = "Polisi menangkap MG di rumahnya."
    assert orgs(suspect, []) == []  # a suspect's initials, not the maker MG
    found = "Daihatsu mencatat penjualan naik."
    assert orgs(found, [at(found, "Daihatsu", "ORG")]) == []  # found already: nothing added
    assert orgs("Police followed the silver Audi downtown.", [], "en") == []
