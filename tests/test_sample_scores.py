"""The bundled sample, scored by the shared gold scorer, against the thresholds the issues set.

This guards the whole pipeline end to end; the same figures are also measured on unseen news, so
the sample is a floor, not a target.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

import linimasa
from linimasa.export import export_corpus

THRESHOLDS = {
    "body_line_f1": 0.97,
    "inline_boilerplate_removed": 1.0,
    "title_accuracy": 1.0,
    "outlet_accuracy": 1.0,
    "dateline_accuracy": 1.0,
    "published_accuracy": 1.0,
    "timex_accuracy": 1.0,
    "entity_recall": 0.95,
    "entity_type_accuracy": 0.9,
    "entity_alias_merge": 0.9,
}


@pytest.fixture(scope="module")
def scores(shared_dir):
    spec = importlib.util.spec_from_file_location("linimasa_gold_score", shared_dir / "eval" / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = score
    spec.loader.exec_module(score)
    export = export_corpus(linimasa.process([shared_dir / "seeds"]))
    gold = score.load(str(shared_dir / "gold" / "seeds.json"))
    return score.score(export, gold, str(shared_dir / "seeds"))


@pytest.mark.parametrize(("figure", "floor"), sorted(THRESHOLDS.items()))
def test_sample_meets_the_issue_thresholds(scores, figure, floor):
    assert scores[figure] >= floor, {k: v for k, v in scores.items() if not isinstance(v, float)}


def test_no_two_real_entities_are_merged_into_one(scores):
    assert scores["entity_overmerged"] == []


def test_the_weekday_mismatch_is_reported_as_a_conflict(scores):
    assert "C2" not in scores["conflict_misses"]
