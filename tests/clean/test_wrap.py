"""Hard-wrapped wire copy (texts written for these tests, tests/clean/data/wire_hard_wrapped_*.txt):
paragraphs broken at a fixed width are rejoined and kept as body; menus and link lists around them
are not glued into text."""

from __future__ import annotations

from pathlib import Path

from linimasa.clean import clean_article
from linimasa.clean.wrap import join_wrapped, wrap_width
from linimasa.ingest import ingest_bytes
from linimasa.meta import extract_meta
from linimasa.model import Article

DATA = Path(__file__).parent / "data"


def page(name: str) -> Article:
    path = DATA / name
    return extract_meta(clean_article(ingest_bytes(path.read_bytes(), str(path))))


def labelled(art: Article, label: str) -> list[int]:
    return [ln.n for ln in art.lines if ln.label == label]


def test_english_wire_copy_wrapped_mid_sentence_is_body() -> None:
    art = page("wire_hard_wrapped_en.txt")
    assert labelled(art, "body") == [11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 24]
    assert art.title == "Harbour ferry runs aground off Port Louis, no injuries reported"
    assert art.dateline == "Port Louis"
    paragraphs = art.text.split("\n\n")
    assert paragraphs[0] == ("A passenger ferry carrying 212 people ran aground on a sandbank outside the harbour "
                             "of Port Louis on Friday morning, the coast guard said, adding that nobody on board "
                             "had been hurt.")
    assert paragraphs[2].startswith("Harbour master Priya Ramdin told reporters")
    assert len(paragraphs) == 4
    # the menu, the "Read Next" links and the video player's "Continue watching / after the ad" stay out
    assert "Continue watching" not in art.text and "Markets" not in art.text and "Sign In" not in art.text


def test_indonesian_wire_copy_wrapped_mid_sentence_is_body() -> None:
    art = page("wire_hard_wrapped_id.txt")
    assert labelled(art, "body") == list(range(9, 19))
    assert (art.dateline, art.outlet) == ("Sintang", "Antara")
    assert art.text.split("\n\n")[1] == (
        "Kepala pelaksana Badan Penanggulangan Bencana Daerah setempat mengatakan ketinggian air di "
        "permukiman warga mencapai satu meter pada Selasa pagi dan diperkirakan masih naik dalam dua hari "
        "ke depan.")
    assert "Terpopuler" not in art.text and "Pasar murah" not in art.text


def test_short_lines_continued_in_lower_case_are_not_a_wrapped_page() -> None:
    menu = ["Home", "Continue watching", "after the ad", "Sign up", "Settings", "more options", "Log in"]
    assert wrap_width(menu) is None
    assert join_wrapped(menu).groups == [[i] for i in range(len(menu))]


def test_link_titles_with_glued_labels_are_not_joined() -> None:
    """Teaser titles of about the same length, each followed by a byline glued to its label."""
    lines = [
        "Minister opens the new coastal highway between the two port cities",
        "byAnna Rivera",
        "Central bank keeps its policy rate unchanged for the third month",
        "byStaff Reporter",
        "Farmers expect a larger rice harvest after the early rainy season",
        "square SPORT",
    ]
    assert wrap_width(lines) is None


def test_paragraphs_that_are_not_wrapped_stay_one_line_each() -> None:
    lines = [
        "The council approved the budget on Monday after a debate that lasted more than six hours and "
        "ended with a narrow vote.",
        "the opposition said it would challenge the decision in court, according to a statement.",
        "Officials did not comment.",
    ]
    assert join_wrapped(lines).texts == lines


def test_blank_lines_between_wrapped_paragraphs_keep_them_apart() -> None:
    lines = [
        "The port authority said on Thursday that container traffic rose by nine",
        "percent in the first quarter, helped by new shipping routes to the east.",
        "",
        "Officials expect the growth to continue through the year as two more",
        "berths open in the summer and dredging of the main channel is completed.",
    ]
    assert wrap_width(lines) is not None
    assert join_wrapped(lines).groups == [[0, 1], [2], [3, 4]]
