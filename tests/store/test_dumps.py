"""The store's JSON documents: `_dumps` (json's `default` hook, one level of fields at a time) writes
the same text as serialising `to_dict` of the object, for every kind of document the store keeps."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linimasa.model import Conflict, EntityRecord, Event, Role, Story, TimelineEntry, to_dict
from linimasa.store.sqlite import _dumps, _json_fields


def _before(obj: object) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@pytest.mark.parametrize("kind", [Story, Event, EntityRecord, Conflict, TimelineEntry])
def test_dumps_writes_what_to_dict_then_json_wrote(kind: type) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_type(kind))
    def same(obj: object) -> None:
        assert _dumps(obj) == _before(obj)

    same()


def test_entity_document_keeps_its_fields_and_drops_its_articles() -> None:
    rec = EntityRecord(id="ent-1", key="per:budi santoso", name="Budi Santoso", type="PER",
                       aliases=["Budi", "Pak Budi"], roles=[Role("Menteri", "a1")], articles=["a1", "a2"],
                       keys=["tok:budi"], forms={"Budi": 2}, types={"PER": 2}, n_mentions=2)
    doc = _json_fields(rec)
    doc["articles"] = []
    expected = to_dict(rec)
    expected["articles"] = []
    assert _dumps(doc) == _before(expected)
    assert rec.articles == ["a1", "a2"]  # the record itself is left as it was


def test_what_json_cannot_write_still_fails() -> None:
    with pytest.raises(TypeError):
        _dumps(Story(id="s", label="", articles={"a1"}))  # type: ignore[arg-type]
