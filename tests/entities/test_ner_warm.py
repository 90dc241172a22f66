"""Tagging does not depend on what the recogniser remembers: a recogniser warmed with words
(`GroupedFeatures.warm`, now or deferred), one restarted past its limit, one read back from a pickle
and a fresh one give the same tags and scores, and warmed groups hold the attributes of
`sentence_features`; and the batched Viterbi gives the same paths as a plain one, ties
included.

The sentences are written for these tests (not taken from the sample articles or the corpora).
"""

from __future__ import annotations

import gzip
import json
import pickle
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.entities.crf import read_crfsuite, viterbi
from linimasa.entities.ner import CLUSTERS_FILE, MODEL_FILE, SETTINGS_FILE, Recogniser, open_recogniser, tokenize
from linimasa.entities.ner_features import Warmth, sentence_features

TEXTS = [
    "Wali Kota Surabaya Eri Cahyadi meresmikan jembatan baru di Kecamatan Rungkut pada Senin pagi.",
    "Bank Indonesia menahan suku bunga acuan di level 6 persen, kata Gubernur BI Perry Warjiyo di Jakarta.",
    "ribuan pendukung persib bandung memadati stadion si jalak harupat untuk menyaksikan laga final.",
    "Presiden Joko Widodo dan Perdana Menteri Jepang Fumio Kishida membahas kerja sama energi di Tokyo.",
    "PENGUMUMAN: Pendaftaran CPNS 2025 dibuka hingga 30 Juni, menurut BKN.",
    "Hujan deras. Kali Ciliwung meluap dan merendam 40 rumah warga di Kampung Melayu, Jatinegara.",
]


def _fresh() -> Recogniser:
    model_dir = Path(str(resources.files("linimasa.entities") / "model"))
    settings_ = json.loads((model_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    gazetteer = settings_.get("gazetteer")
    return open_recogniser(
        (model_dir / MODEL_FILE).read_bytes(),
        (model_dir / CLUSTERS_FILE).read_text(encoding="utf-8"),
        settings_,
        gzip.decompress((model_dir / gazetteer).read_bytes()).decode("utf-8") if gazetteer else None,
    )


def _tags(recogniser: Recogniser) -> list[list[tuple[int, int, str, str, float | None]]]:
    out = []
    for _ in range(2):  # twice: the second time every token is known
        for text in TEXTS:
            recogniser._tagged.clear()
            out.append([(m.start, m.end, m.text, m.type, m.score) for m in recogniser.tag(text)])
    return out


@pytest.fixture(scope="module")
def expected() -> list[list[tuple[int, int, str, str, float | None]]]:
    return _tags(_fresh())


def test_warmed_restarted_and_pickled_recognisers_tag_as_a_fresh_one(expected) -> None:
    assert any(expected)
    warmed = _fresh()
    # words of the texts and others, lower-case and capitalised, some with digits
    words = ["surabaya", "Jakarta", "bank", "indonesia", "persen", "2025", "30", "tokyo", "jembatan", "baru"]
    warmed._groups.warm(words, warmed.default_convention)
    assert _tags(warmed) == expected
    again = pickle.loads(pickle.dumps(warmed))
    assert _tags(again) == expected
    assert _tags(pickle.loads(pickle.dumps(again))) == expected
    # a limit of a few tokens: the tables start again (back to the warmed ones) before each batch
    again._groups._limit = 5
    assert _tags(again) == expected
    plain = _fresh()
    plain._groups._limit = 5
    assert _tags(plain) == expected


def test_a_deferred_warmth_is_installed_between_batches(expected) -> None:
    source = _fresh()
    made = source._groups.warmth(["kota", "bandung", "stadion", "menteri"], source.default_convention)
    deferred = _fresh()
    calls = []

    def warmth() -> Warmth:
        calls.append(1)
        return made

    deferred._groups.defer(warmth, after=20)
    assert _tags(deferred) == expected
    assert calls == [1]  # read once, after the first sentences
    assert deferred._groups._warm[0] == len(made.members)


def test_warmed_groups_hold_the_attributes_of_sentence_features() -> None:
    recogniser = _fresh()
    convention = recogniser.default_convention
    groups = recogniser._groups
    sentences = [[text[a:b] for a, b in tokenize(text)] for text in TEXTS]
    groups.warm({word.lower() for tokens in sentences for word in tokens}, convention)
    weights = read_crfsuite((Path(str(resources.files("linimasa.entities") / "model")) / MODEL_FILE).read_bytes())
    groups.start()
    ids = groups.encode([(tokens, convention) for tokens in sentences], recogniser._gazetteer)
    row = 0
    for tokens in sentences:
        for names in sentence_features(tokens, recogniser._clusters, convention, recogniser._gazetteer):
            expected = Counter(weights.attributes[n] for n in names if n in weights.attributes)
            assert Counter(a for g in ids[row] for a in groups.members[g]) == expected, (tokens, names)
            row += 1


def _plain_viterbi(emissions: np.ndarray, transition: np.ndarray) -> list[int]:
    """One sentence, position by position: the first best predecessor, the first best last label."""
    n = len(emissions)
    delta = emissions[0].copy()
    back = []
    for t in range(1, n):
        scores = delta[:, None] + transition  # (from, to)
        back.append(scores.argmax(axis=0))
        delta = scores.max(axis=0) + emissions[t]
    path = [int(delta.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


@settings(max_examples=60, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 7), min_size=1, max_size=6),
    labels=st.integers(1, 5),
    seed=st.integers(0, 2**32 - 1),
    ties=st.booleans(),
)
def test_batched_viterbi_is_the_plain_one(lengths: list[int], labels: int, seed: int, ties: bool) -> None:
    rng = np.random.default_rng(seed)
    # small integers make many equal scores: the tie-breaking must be the plain one's too
    def draw(*shape: int) -> np.ndarray:
        return rng.integers(-2, 3, size=shape).astype(float) if ties else rng.normal(size=shape)

    transition = draw(labels, labels)
    emissions = draw(len(lengths), max(lengths), labels)
    paths = viterbi(emissions, lengths, transition)
    assert paths == [_plain_viterbi(emissions[s, :n], transition) for s, n in enumerate(lengths)]
