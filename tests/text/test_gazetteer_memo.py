"""`normalise`, `is_acronym` and `Gazetteer.lookup` remember their answers per name; the answers are
those of the plain functions, and a lookup sees a change of the name lists."""

from __future__ import annotations

from linimasa.text import gazetteer as gz
from linimasa.text.gazetteer import Entry, Gazetteer


def test_remembered_answers_are_the_plain_ones() -> None:
    names = ["Amerika Serikat", "AS", "U.S.", "São  Paulo", "Bank-Dunia", " PBB ", "Moskwa", "ab", "A.B.C"]
    for _ in range(2):  # the second round reads the memo
        for n in names:
            assert gz.normalise(n) == gz._normalise(n)
            assert gz.is_acronym(n) == gz._is_acronym(n)


def test_lookup_follows_the_name_lists() -> None:
    g = Gazetteer([Entry("country:US", "GPE", ["Amerika Serikat", "AS"])])
    assert g.lookup("amerika serikat") is g.entries["country:US"]
    assert g.lookup("AS") is g.entries["country:US"]
    assert g.lookup("Moskwa") is None
    moscow = Entry("city:moscow", "GPE", ["Moskwa"])
    g.by_key[gz.normalise("Moskwa")] = moscow  # a name added: not the remembered "unknown"
    assert g.lookup("Moskwa") is moscow
    g.by_key = {}  # the lists replaced
    assert g.lookup("amerika serikat") is None
