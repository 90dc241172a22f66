"""Nicknames introduced right after a full name (storyalias, issue 10): the one-word nickname is the
same person across the article and in other articles, so stories read one actor, not two. Mentions are
placed by hand, so that each test reads the linking alone; every sentence is written for these tests."""

from __future__ import annotations

from linimasa.link.entities import _nickname_pattern, link_entities
from linimasa.model import Article, Corpus, Entity, Mention


def _article(i: int, text: str, names: list[str]) -> Article:
    """An article whose PER mentions are the given names, each at its next occurrence."""
    a = Article(id=f"a{i}", source=f"s{i}", text=text, language="id")
    at = 0
    for name in names:
        start = text.index(name, at)
        a.mentions.append(Mention(start, start + len(name), name, "PER", source="model"))
        at = start + len(name)
    return a


def _link(*articles: Article) -> Corpus:
    return link_entities(Corpus(articles=list(articles)))


def _entity_of(c: Corpus, article: str, surface: str) -> Entity:
    (e,) = {e.id: e for e in c.entities for m in e.mentions if m.article == article and m.text == surface}.values()
    return e


def test_the_cues_that_introduce_a_nickname() -> None:
    p = _nickname_pattern()
    for after, nick in ((" atau yang akrab disapa Bento, hadir", "Bento"), (", biasa dipanggil Kiki.", "Kiki"),
                        (" alias Gondrong ditangkap", "Gondrong"), (" (Ucok) datang", "Ucok"),
                        (" atau Bento menjawab", "Bento"), (", known as Bobby, said", "Bobby")):
        m = p.match(after)
        assert m is not None and nick in m.groups(), after
    assert p.match(" atau Budi Santoso datang") is None  # another full name: "A or B"
    assert p.match(" menjawab") is None


def test_a_nickname_is_the_full_name_in_its_article() -> None:
    c = _link(_article(0, "Menteri Herlambang Situmorang atau yang akrab disapa Bento meninjau pasar. "
                          "Bento berjanji harga turun.", ["Herlambang Situmorang", "Bento", "Bento"]))
    assert _entity_of(c, "a0", "Bento") is _entity_of(c, "a0", "Herlambang Situmorang")
    assert "Bento" in _entity_of(c, "a0", "Bento").aliases


def test_a_nickname_alone_in_another_article_finds_the_person() -> None:
    c = _link(
        _article(0, "Menteri Herlambang Situmorang alias Bento meninjau pasar bersama Rudi Hartawan dan "
                    "Dewi Lestari.", ["Herlambang Situmorang", "Bento", "Rudi Hartawan", "Dewi Lestari"]),
        _article(1, "Bento kembali ke pasar. Rudi Hartawan dan Dewi Lestari ikut mendampingi.",
                 ["Bento", "Rudi Hartawan", "Dewi Lestari"]),
    )
    assert _entity_of(c, "a1", "Bento") is _entity_of(c, "a0", "Herlambang Situmorang")


def test_a_bare_or_between_two_names_joins_nothing() -> None:
    # "Andi atau Bento": either of two people, and "Bento" is never written alone again
    c = _link(_article(0, "Kursi itu akan diisi Andi Pratama atau Bento pekan depan.", ["Andi Pratama", "Bento"]))
    assert _entity_of(c, "a0", "Bento") is not _entity_of(c, "a0", "Andi Pratama")


def test_a_nickname_after_a_bare_or_joins_when_written_alone_again() -> None:
    c = _link(_article(0, "Herlambang Situmorang atau Bento tiba pukul 10.00. Bento lalu berpidato.",
                       ["Herlambang Situmorang", "Bento", "Bento"]))
    assert _entity_of(c, "a0", "Bento") is _entity_of(c, "a0", "Herlambang Situmorang")


def test_a_nickname_finds_the_person_through_the_store(tmp_path) -> None:
    import linimasa

    db = str(tmp_path / "n.db")
    linimasa.process(texts=["Menteri Perdagangan Herlambang Situmorang atau yang akrab disapa Bento meninjau Pasar "
                            "Senen di Jakarta Pusat bersama Gubernur Rudi Hartawan. Bento memastikan harga beras "
                            "turun pekan depan."], store=db)
    c = linimasa.process(texts=["Bento kembali meninjau Pasar Senen di Jakarta Pusat bersama Gubernur Rudi Hartawan. "
                                "Menurut Bento, harga beras sudah turun."], store=db)
    (e,) = [e for e in c.entities if e.name == "Herlambang Situmorang"]
    assert len({m.article for m in e.mentions}) == 2
