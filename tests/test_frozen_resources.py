"""Resources loaded once per process (word lists, the gazetteer, the NER model) leave the cyclic
garbage collector's view once loaded, so that collections during a long article do not walk them
again; what they return is the same object, unchanged."""

from __future__ import annotations

import gc

from linimasa import resources
from linimasa.text.gazetteer import load_gazetteer


def _tracked(obj: object) -> bool:
    """Whether the collector still scans `obj` (frozen objects are not in `gc.get_objects()`)."""
    return any(o is obj for o in gc.get_objects())


def test_keep_for_process_freezes_what_is_alive():
    value = {"words": [["a"], ["b"]]}
    assert _tracked(value)
    assert resources.keep_for_process(value) is value
    assert not _tracked(value)
    assert gc.get_freeze_count() > 0
    assert value == {"words": [["a"], ["b"]]}


def test_loaders_return_frozen_resources():
    gazetteer = load_gazetteer()
    clean = resources.load("id", "clean")
    assert not _tracked(gazetteer)
    assert not _tracked(clean)
    assert load_gazetteer() is gazetteer  # still cached once per process


def test_default_recogniser_is_frozen():
    from linimasa.entities import default_recogniser

    rec = default_recogniser()
    if rec is not None:
        assert not _tracked(rec)
