"""`train/ner.py`'s English silver sentences under several conventions (`--silver-conventions`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "train"))
import ner as train_ner  # the training script, not a package module

from linimasa.entities.ner_features import read_clusters, sentence_features
from linimasa.text.gazetteer import LabelledNames

CLUSTERS = read_clusters("minister\t1\t10\t100\nmet\t2\t20\t200\n")
GAZETTEER = LabelledNames({("tokyo",): "LOC"})
TOKENS = ["The", "minister", "met", "Sanae", "Takaichi", "in", "Tokyo", "."]


def test_one_silver_convention_gives_the_features_of_that_corpus() -> None:
    """The default (idner-news-2k only) trains exactly what the model was trained with before."""
    assert train_ner.silver_features(TOKENS, CLUSTERS, ["idner-news-2k"], GAZETTEER) == sentence_features(
        TOKENS, CLUSTERS, "idner-news-2k", GAZETTEER
    )


def test_two_silver_conventions_add_a_private_copy_each_and_the_shared_features_once() -> None:
    shared = sentence_features(TOKENS, CLUSTERS, None, GAZETTEER)
    both = train_ner.silver_features(TOKENS, CLUSTERS, ["idner-news-2k", "real-id"], GAZETTEER)
    assert len(both) == len(TOKENS)
    for own, features in zip(shared, both, strict=True):
        assert features[: len(own)] == own
        assert sorted(features[len(own) :]) == sorted(
            [*("idner-news-2k|" + f for f in own), *("real-id|" + f for f in own)]
        )
    assert "real-id|gz=B-LOC" in both[TOKENS.index("Tokyo")]
    assert train_ner.silver_features(TOKENS, CLUSTERS, [], GAZETTEER) == shared


def test_a_silver_convention_the_model_does_not_learn_is_refused(tmp_path: Path) -> None:
    clusters = tmp_path / "clusters.tsv"
    clusters.write_text("met\t2\t20\t200\n", encoding="utf-8")
    args = ["--data", str(tmp_path), "--clusters", str(clusters), "--out", str(tmp_path / "m.crfsuite")]
    with pytest.raises(SystemExit) as refused:
        train_ner.main([*args, "--english-silver", "--conventions", "--silver-conventions", "real-id"])
    assert refused.value.code == 2  # real-id is only trained with --real-id
    assert not (tmp_path / "m.crfsuite").exists()


def test_real_id_repeat_is_the_repeat_of_the_real_news_corpus() -> None:
    assert train_ner.corpus_repeats([], 1, True) == {}
    assert train_ner.corpus_repeats([], 3, True) == {"real-id": 3}
    assert train_ner.corpus_repeats(["nergrit=2"], 2, True) == {"nergrit": 2, "real-id": 2}
    assert train_ner.corpus_repeats(["real-id=2"], 2, True) == {"real-id": 2}


@pytest.mark.parametrize(
    ("items", "real_id_repeat", "with_real_id"),
    [
        (["real-id=2"], 3, True),  # two different weights for one corpus
        ([], 2, False),  # nothing to repeat without --real-id
        (["real-id=2"], 1, False),
        ([], 0, True),
        (["conll=2"], 1, True),
        (["nergrit"], 1, True),
        (["nergrit=0"], 1, True),
    ],
)
def test_contradictory_or_unknown_repeats_are_refused(
    items: list[str], real_id_repeat: int, with_real_id: bool
) -> None:
    with pytest.raises(ValueError):
        train_ner.corpus_repeats(items, real_id_repeat, with_real_id)
