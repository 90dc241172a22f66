"""Whole pages in layouts of outlets the rules were not written from (texts written for these tests,
in tests/clean/data/): the cleaner and meta stage must get them right from patterns plus layout."""

from __future__ import annotations

from pathlib import Path

from linimasa.clean import clean_article
from linimasa.ingest import ingest_bytes
from linimasa.meta import extract_meta
from linimasa.model import Article

DATA = Path(__file__).parent / "data"


def page(name: str) -> Article:
    path = DATA / name
    return extract_meta(clean_article(ingest_bytes(path.read_bytes(), str(path))))


def body_lines(art: Article) -> list[int]:
    return [ln.n for ln in art.lines if ln.label in ("body", "heading")]


def test_portal_with_menu_byline_related_links_and_popular_block() -> None:
    art = page("portal_with_menu_and_byline.txt")
    assert body_lines(art) == [14, 16, 20, 22]
    assert art.title == "Harga Cabai di Pasar Kramat Jati Tembus Rp 80 Ribu per Kilogram"
    assert (art.outlet, art.dateline) == ("Tribunnews", "Jakarta")
    assert (art.authors, art.editor) == (["Reza Deni"], "Wahyu Aji")
    assert next(ln for ln in art.lines if ln.n == 10).reason.startswith("date")
    assert art.text.startswith("Harga cabai rawit merah")


def test_agency_style_with_byline_and_copyright_footer() -> None:
    art = page("agency_style.txt")
    assert body_lines(art) == [1, 2, 3]
    assert art.title is None
    assert (art.outlet, art.dateline, art.wire_sources) == ("Antara", "Jakarta", ["Antara"])
    assert (art.authors, art.editor) == (["Lintang Budiyanti Prameswari"], "Budisantoso Budiman")


def test_dateline_on_its_own_line_and_reporter_initials() -> None:
    art = page("dateline_on_its_own_line.txt")
    assert body_lines(art) == [2, 3, 4]
    assert (art.outlet, art.dateline) == ("CNN Indonesia", "Jakarta")
    assert [ln.label for ln in art.lines[-2:]] == ["metadata", "boilerplate"]
