"""The recogniser's own CRF scorer gives crfsuite's tags and marginals, and its grouped features hold
exactly the attributes training gave crfsuite.

The sentences are written for these tests (not taken from the sample articles or the corpora).
"""

from __future__ import annotations

import itertools
from collections import Counter
from importlib import resources

import numpy as np
import pycrfsuite
import pytest

from linimasa.entities.crf import ModelFormatError, marginals, read_crfsuite, viterbi
from linimasa.entities.ner import MODEL_FILE, bio_spans, load_recogniser
from linimasa.entities.ner_features import GROUPS_PER_TOKEN, sentence_features
from linimasa.entities.ner_text import sentence_spans

TEXT = (
    "Menteri Luar Negeri Sugiono bertemu Sekretaris Jenderal PBB Antonio Guterres di New York, Amerika Serikat. "
    "warga kota bandung memadati alun-alun untuk menyambut gubernur jawa barat dedi mulyadi. "
    "PT Kereta Api Indonesia (KAI) menambah 12 perjalanan ke Yogyakarta pada 24-26 Desember 2025. "
    "Australian Prime Minister Anthony Albanese met President Prabowo Subianto in Canberra on Monday. "
    "Timnas Indonesia kalah 1-2 dari Jepang di Stadion Gelora Bung Karno, Jakarta. "
    "Ketua KPU Mochammad Afifuddin, S.H., M.H. tiba. "
    "Banjir. "
    "JAKARTA, KOMPAS.com - Polda Metro Jaya menangkap dua tersangka di Jalan Sudirman, Jakarta Pusat."
)


@pytest.fixture(scope="module")
def recogniser():
    return load_recogniser()


@pytest.fixture(scope="module")
def crfsuite_tagger():
    tagger = pycrfsuite.Tagger()
    model = (resources.files("linimasa.entities") / "model" / MODEL_FILE).read_bytes()
    tagger.open_inmemory(model)
    yield tagger, model
    tagger.close()


def _sentences() -> list[list[str]]:
    return [[TEXT[a:b] for a, b in spans] for spans in sentence_spans(TEXT) if spans]


def test_tags_and_marginals_are_crfsuites(recogniser, crfsuite_tagger) -> None:
    tagger, _model = crfsuite_tagger
    sentences = _sentences()
    assert len(sentences) >= 6
    # a long run of one word too: one sentence much longer than the others in the batch
    sentences.append(["Jakarta", "dan", "Bandung"] * 40)
    recogniser._tagged.clear()
    tagged = recogniser._tag_sentences(sentences)
    spans_seen = 0
    for tokens, (tags, confidence, spans) in zip(sentences, tagged, strict=True):
        tagger.set(sentence_features(tokens, recogniser._clusters, recogniser._convention(tokens),
                                     recogniser._gazetteer))
        assert list(tags) == tagger.tag(), tokens
        assert list(spans) == bio_spans(tags)
        for i, c in enumerate(confidence):
            if c is not None:
                spans_seen += 1
                assert c == pytest.approx(tagger.marginal(tags[i], i), abs=1e-9)
            else:
                assert tags[i] == "O"
    assert spans_seen > 10


@pytest.mark.parametrize("convention", ["idner-news-2k", "nergrit", "nerp", "nerugm", None])
def test_tag_tokens_with_a_corpus_convention_is_crfsuites(recogniser, crfsuite_tagger, convention) -> None:
    tagger, _model = crfsuite_tagger
    for tokens in _sentences():
        tagger.set(sentence_features(tokens, recogniser._clusters, recogniser._convention(tokens, convention),
                                     recogniser._gazetteer))
        assert recogniser.tag_tokens(tokens, convention) == tagger.tag(), tokens


def test_groups_hold_the_attributes_of_sentence_features(recogniser, crfsuite_tagger) -> None:
    """Expanding each token's groups back to attribute ids gives the model's ids of exactly the
    strings `sentence_features` gives that token (the ones the model knows), with multiplicity."""
    _tagger, model = crfsuite_tagger
    weights = read_crfsuite(model)
    groups = recogniser._groups
    sentences = _sentences()
    # and the convention running text is tagged with (its private attributes looked up by shared name)
    for convention in ("idner-news-2k", "nerp", None, recogniser.default_convention):
        batch = [(tokens, convention) for tokens in sentences]
        groups.start()
        ids = groups.encode(batch, recogniser._gazetteer)
        assert ids.shape == (sum(len(t) for t in sentences), GROUPS_PER_TOKEN)
        row = 0
        for tokens in sentences:
            features = sentence_features(tokens, recogniser._clusters, convention, recogniser._gazetteer)
            for names in features:
                expected = Counter(weights.attributes[n] for n in names if n in weights.attributes)
                got = Counter(a for g in ids[row] for a in groups.members[g])
                assert got == expected, (tokens, names)
                row += 1


def test_emissions_are_the_sum_of_the_attribute_weights(recogniser, crfsuite_tagger) -> None:
    _tagger, model = crfsuite_tagger
    weights = read_crfsuite(model)
    tokens = _sentences()[0]
    convention = recogniser._convention(tokens)
    groups = recogniser._groups
    groups.start()
    ids = groups.encode([(tokens, convention)], recogniser._gazetteer)
    emissions = groups.vectors()[ids].sum(axis=1)
    features = sentence_features(tokens, recogniser._clusters, convention, recogniser._gazetteer)
    expected = np.array([weights.state[[weights.attributes.get(n, weights.unknown) for n in names]].sum(axis=0)
                         for names in features])
    assert np.allclose(emissions, expected, rtol=0, atol=1e-9)


def _brute_force(emissions: np.ndarray, transition: np.ndarray) -> tuple[list[int], np.ndarray]:
    n, labels = emissions.shape
    best, best_score = None, -np.inf
    probability = np.zeros((n, labels))
    for path in itertools.product(range(labels), repeat=n):
        score = emissions[np.arange(n), path].sum() + sum(transition[a, b] for a, b in itertools.pairwise(path))
        if score > best_score:
            best, best_score = list(path), score
        probability[np.arange(n), path] += np.exp(score)
    return best or [], probability / probability[0].sum()


def test_batched_viterbi_and_marginals_against_brute_force() -> None:
    rng = np.random.default_rng(7)
    labels = 3
    transition = rng.normal(size=(labels, labels))
    lengths = [1, 4, 2, 5, 3]
    emissions = np.zeros((len(lengths), max(lengths), labels))
    for s, n in enumerate(lengths):
        emissions[s, :n] = rng.normal(scale=2.0, size=(n, labels))
        emissions[s, n:] = rng.normal(scale=50.0, size=(max(lengths) - n, labels))  # padding: must not matter
    paths = viterbi(emissions, lengths, transition)
    probability = marginals(emissions, lengths, transition)
    for s, n in enumerate(lengths):
        path, expected = _brute_force(emissions[s, :n], transition)
        assert paths[s] == path
        assert np.allclose(probability[s, :n], expected, rtol=0, atol=1e-12)
        assert np.allclose(probability[s, :n].sum(axis=1), 1.0)


def test_viterbi_breaks_ties_towards_the_lower_label_as_crfsuite() -> None:
    transition = np.zeros((3, 3))
    emissions = np.zeros((1, 3, 3))
    assert viterbi(emissions, [3], transition) == [[0, 0, 0]]
    emissions[0, 2] = [0.0, 1.0, 1.0]
    assert viterbi(emissions, [3], transition) == [[0, 0, 1]]


def test_read_crfsuite_refuses_other_bytes() -> None:
    with pytest.raises(ModelFormatError):
        read_crfsuite(b"")
    with pytest.raises(ModelFormatError):
        read_crfsuite(b"not a model at all, just some bytes of text here")


def test_model_labels_and_sizes(crfsuite_tagger) -> None:
    tagger, model = crfsuite_tagger
    weights = read_crfsuite(model)
    assert list(weights.labels) == tagger.labels()
    assert weights.state.shape == (len(weights.attributes) + 1, len(weights.labels))
    assert not weights.state[weights.unknown].any()
    assert weights.transition.shape == (len(weights.labels), len(weights.labels))


def test_batches_of_a_few_sentences_tag_as_one(recogniser, monkeypatch: pytest.MonkeyPatch) -> None:
    import linimasa.entities.ner as ner

    sentences = _sentences()
    recogniser._tagged.clear()
    whole = recogniser._tag_sentences(sentences)
    recogniser._tagged.clear()
    monkeypatch.setattr(ner, "BATCH_SENTENCES", 2)
    assert recogniser._tag_sentences(sentences) == whole
    recogniser._tagged.clear()
