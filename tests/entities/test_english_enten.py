"""English rules for unseen news pages (helper enten): sentences written for the tests, with the
packaged model or a stand-in (`Tagger`) that tags the spans a statistical model is known to get wrong."""

from __future__ import annotations

from linimasa.entities.english import _ent12d_compass_places, _enten_dotted_tails
from linimasa.text.gazetteer import load_gazetteer
from tests.entities.test_audit_ent12d import at, spans


def test_a_compass_adjective_read_as_a_place_joins_the_place_after_it() -> None:
    text = "Fires burned in Southern Oregon while Eastern Tennessee stayed dry."
    ms = [at(text, "Southern", "GPE", source="rule"),
          at(text, "Oregon", "GPE", source="gazetteer", key="us-state:oregon"),
          at(text, "Eastern", "GPE"), at(text, "Tennessee", "GPE", source="gazetteer", key="us-state:tennessee")]
    out = _ent12d_compass_places(text, ms, load_gazetteer())
    assert spans(text, out) == [("Southern Oregon", "LOC"), ("Eastern Tennessee", "LOC")]


def test_a_compass_adjective_read_as_a_person_stays_apart() -> None:
    text = "Ada Western Oregon"
    ms = [at(text, "Ada Western", "PER"), at(text, "Oregon", "GPE", source="gazetteer", key="us-state:oregon")]
    out = _ent12d_compass_places(text, ms, load_gazetteer())
    assert spans(text, out) == [("Ada Western", "PER"), ("Oregon", "GPE")]


def test_an_abbreviated_name_tail_keeps_its_full_stop() -> None:
    text = "Tomas Brell Jr. thanked Halvard Bros. and Kessin Corp, then Brell Jr. left. Pinto Sr"
    ms = [at(text, "Tomas Brell Jr", "PER"), at(text, "Halvard Bros", "ORG"), at(text, "Kessin Corp", "ORG"),
          at(text, "Brell Jr", "PER", 1), at(text, "Pinto Sr", "PER")]
    out = _enten_dotted_tails(text, ms)
    assert spans(text, out) == [("Tomas Brell Jr.", "PER"), ("Halvard Bros.", "ORG"), ("Kessin Corp", "ORG"),
                                ("Brell Jr.", "PER"), ("Pinto Sr", "PER")]
