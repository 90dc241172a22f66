"""Brown-path columns after the k-means ones in ``clusters.tsv`` (`train/ner_brown.py`)."""

from __future__ import annotations

import numpy as np

from linimasa.entities.ner_features import GROUPS_PER_TOKEN, GroupedFeatures, read_clusters, sentence_features

TSV = "# header\nminister\t1\t10\t100\t0110\t011010\nmet\t2\t20\t200\t1011\t101100\nrare\t3\t30\n"
TOKENS = ["The", "minister", "met", "rare", "Takaichi", "."]


def test_every_column_is_an_own_feature_and_only_k_means_ones_are_neighbour_features() -> None:
    clusters = read_clusters(TSV)
    assert clusters["minister"] == ("1", "10", "100", "0110", "011010")
    assert "rare" not in clusters  # fewer than three columns: not a clusters row
    features = sentence_features(TOKENS, clusters)
    minister = features[1]
    assert {"c0=1", "c1=10", "c2=100", "c3=0110", "c4=011010"} <= set(minister)
    met = features[2]
    assert "-1c1=10" in met and "-1c2=100" in met
    assert not any(f.startswith(("-1c3", "-1c4", "1c3", "1c4")) for row in features for f in row)


def test_grouped_features_hold_the_brown_columns_too() -> None:
    """The grouped tagger path gives each token the weights of exactly `sentence_features`'s
    attributes, the Brown columns included (a model trained on them depends on it)."""
    clusters = read_clusters(TSV)
    features = sentence_features(TOKENS, clusters, "real-id")
    names = sorted({f for row in features for f in row})
    attributes = {name: i for i, name in enumerate(names)}
    rng = np.random.default_rng(1)
    state = rng.normal(size=(len(names), 3))
    grouped = GroupedFeatures(clusters, attributes, state)
    ids = grouped.encode([(TOKENS, "real-id")])
    assert ids.shape == (len(TOKENS), GROUPS_PER_TOKEN)
    vectors = grouped.vectors()
    for row, token_features in zip(ids, features, strict=True):
        expected = state[[attributes[f] for f in token_features]].sum(axis=0)
        assert np.allclose(vectors[row].sum(axis=0), expected)
