"""The statistical named-entity recogniser: a CRF trained by the project on four Indonesian NER corpora
and its own hand-annotated real news (running text is tagged with that convention).

The model file and its word clusters ship inside the package (``entities/model/``), so tagging never
touches the network; ``models/README.md`` says how they were trained and how well they score. Types
out of the model are PER, ORG, LOC and EVT: whether a LOC is a GPE (a place with a government) is a
gazetteer question that the entities stage answers, not this model.

    from linimasa.entities.ner import load_recogniser
    for mention in load_recogniser().tag("Presiden Prabowo Subianto tiba di Tokyo, Jepang."):
        print(mention.type, mention.text)
"""

from __future__ import annotations

import gzip
import json
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from linimasa.entities import crf, ner_features
from linimasa.entities.crf import marginals, read_crfsuite, viterbi
from linimasa.entities.ner_features import Clusters, GroupedFeatures, Warmth, read_clusters
from linimasa.entities.ner_text import sentence_spans, tokenize
from linimasa.model import EntityType, Mention, Span
from linimasa.resources import cached, keep_for_process
from linimasa.text import gazetteer as gazetteer_module
from linimasa.text.gazetteer import LabelledNames, read_labelled_names

MODEL_FILE = "ner.crfsuite"
CLUSTERS_FILE = "clusters.tsv"
SETTINGS_FILE = "ner.json"

TAGGED_SENTENCES = 4096
"""How many recently tagged sentences a recogniser keeps the tags of (see `_tag_sentences`)."""

WARM_AFTER = 2000
"""After how many distinct tokens `load_recogniser`'s recogniser reads the first sights of its
clusters file's words (about 0.3 CPU-s of a 500-article run's tagging; reading them costs about
0.06 CPU-s, more than a run of a few articles would save)."""

BATCH_SENTENCES = 256
"""How many sentences `Recogniser._decode` tags together (numpy arrays of batch x longest x labels)."""

_TYPES: dict[str, EntityType] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "EVT": "EVT"}

Tagged = tuple[tuple[str, ...], tuple[float | None, ...], tuple[tuple[int, int, str], ...]]
"""A sentence's BIO tags, the marginal of each tag inside a span (None elsewhere), and the spans
(`bio_spans` of the tags, found once: `tag` reads them again)."""


class Recogniser:
    """Tags tokens with BIO labels and text with `Mention`s, sentence by sentence.

    The model is crfsuite's file, but tagging does not go through crfsuite: its weights are read
    once and summed per group of features (`linimasa.entities.crf`), which gives crfsuite's tags
    and marginals several times faster. The feature tables and the tag cache are mutable, so calls
    are serialised with a lock: the stage may be used from several threads of a batch run.
    """

    takes_sentences = True
    """`tag` accepts the article's sentences (the entities stage passes `Article.sentences`)."""
    tags_whole_text = True
    """`tag` reads every sentence: a name it did not tag is one it read and did not take for that
    name, which the entities stage weighs for a name nothing else vouches for (`lone_min_score`)."""

    def __init__(
        self,
        model: bytes,
        clusters: Clusters,
        settings: Mapping[str, object] | None = None,
        gazetteer: LabelledNames | None = None,
    ) -> None:
        weights = read_crfsuite(model)
        self._labels = weights.labels
        self._transition = weights.transition
        self._clusters = clusters
        self._groups = GroupedFeatures(clusters, weights.attributes, weights.state)
        self._gazetteer = gazetteer
        self._lock = threading.Lock()
        self._tagged: OrderedDict[tuple[str, ...], Tagged] = OrderedDict()
        self.labels: frozenset[str] = frozenset(weights.labels)
        settings = settings or {}
        conventions = settings.get("conventions") or []
        # Annotation conventions the model learnt per corpus (see ner_features.sentence_features);
        # running text is tagged with the default one, evaluation may ask for a corpus's own.
        self.conventions: frozenset[str] = frozenset(str(c) for c in conventions)
        default = settings.get("default_convention")
        self.default_convention: str | None = str(default) if default else None
        caseless = settings.get("caseless_convention")
        # Text without any capital letter follows the convention of the lower-cased corpus (NERP): the
        # cased corpora's conventions never saw such text and run names into the following words.
        self.caseless_convention: str | None = str(caseless) if caseless else self.default_convention

    def __getstate__(self) -> dict[str, object]:
        """For `load_recogniser`'s cache: everything but the lock and the recently tagged sentences."""
        state = dict(self.__dict__)
        del state["_lock"]
        state["_tagged"] = OrderedDict()
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _convention(self, tokens: Sequence[str], convention: str | None = None) -> str | None:
        if convention is not None and convention in self.conventions:
            return convention
        if not any(ch.isupper() for token in tokens for ch in token):
            return self.caseless_convention
        return self.default_convention

    def _decode(self, sentences: Sequence[tuple[Sequence[str], str | None]], confidence: bool) -> list[Tagged]:
        """BIO tags of each (tokens, convention), all sentences in one numpy pass; with
        ``confidence``, for the tokens inside a span (the only ones a mention's score reads) the
        marginal probability of their tag, None for the others. The caller holds the lock."""
        groups = self._groups
        groups.start()
        lengths = [len(tokens) for tokens, _ in sentences]
        ids = groups.encode(sentences, self._gazetteer)
        # a token's groups summed in column order, as `.sum(axis=1)` of the rows would: over the first
        # axis of the rows taken column by column, several times faster than fancy indexing and a
        # middle-axis sum
        scores_per_token = groups.vectors().take(ids.T, axis=0).sum(axis=0)
        emissions = np.zeros((len(sentences), max(lengths), scores_per_token.shape[1]))
        size = np.asarray(lengths, dtype=np.intp)
        emissions[np.repeat(np.arange(len(sentences)), size),
                  np.arange(len(ids)) - np.repeat(np.cumsum(size) - size, size)] = scores_per_token
        paths = viterbi(emissions, lengths, self._transition)
        label_of = self._labels.__getitem__
        tags = [tuple(map(label_of, path)) for path in paths]
        scores: list[list[float | None]] = [[None] * n for n in lengths]
        spans: list[list[tuple[int, int, str]]] = [[] for _ in tags]
        if confidence:
            spans = [bio_spans(t) for t in tags]
            need = [s for s, found in enumerate(spans) if found]
            if need:
                width = max(lengths[s] for s in need)
                probability = marginals(emissions[need, :width], [lengths[s] for s in need], self._transition)
                for row, s in enumerate(need):
                    path, out, p = paths[s], scores[s], probability[row]
                    for first, last, _label in spans[s]:
                        for i in range(first, last + 1):
                            out[i] = float(p[i, path[i]])
        return [(t, tuple(c), tuple(found)) for t, c, found in zip(tags, scores, spans, strict=True)]

    def _tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[Tagged]:
        """`_decode` with confidence for running text, each sentence with its own convention.

        Kept for the sentences tagged last: news repeats whole sentences (a wire story in several
        outlets, "Baca juga" lines, an outlet's closing lines), and a sentence's tags are a function
        of its tokens alone."""
        keys = [tuple(tokens) for tokens in sentences]
        with self._lock:
            done: dict[tuple[str, ...], Tagged] = {}
            for key in keys:
                hit = self._tagged.get(key)
                if hit is not None:
                    self._tagged.move_to_end(key)
                    done[key] = hit
            # shortest first, in batches: a batch advances as far as its longest sentence, and
            # its arrays stay small however long the article
            todo = sorted((key for key in dict.fromkeys(keys) if key not in done), key=len)
            for at in range(0, len(todo), BATCH_SENTENCES):
                batch = todo[at : at + BATCH_SENTENCES]
                fresh = self._decode([(key, self._convention(key)) for key in batch], confidence=True)
                for key, tagged in zip(batch, fresh, strict=True):
                    done[key] = self._tagged[key] = tagged
                while len(self._tagged) > TAGGED_SENTENCES:
                    self._tagged.popitem(last=False)
        return [done[key] for key in keys]

    def tag_tokens(self, tokens: list[str], convention: str | None = None) -> list[str]:
        """BIO tags (``B-PER``, ``I-ORG``, ``O``…) for one pre-tokenised sentence.

        ``convention`` names a training corpus whose annotation conventions to follow (evaluation
        on that corpus's test split); by default the model follows its default (news) convention, or
        for text without capitals the lower-cased corpus's convention.
        """
        cleaned = [t for t in tokens if t and not t.isspace()]
        if len(cleaned) != len(tokens):
            # Empty tokens carry no features; tag the rest and give the empty ones O.
            tags_iter = iter(self.tag_tokens(cleaned, convention) if cleaned else [])
            return [next(tags_iter) if t and not t.isspace() else "O" for t in tokens]
        if not tokens:
            return []
        with self._lock:
            return list(self._decode([(tokens, self._convention(tokens, convention))], confidence=False)[0][0])

    def tag(self, text: str, sentences: list[Span] | None = None) -> list[Mention]:
        """Every PER/ORG/LOC/EVT mention in ``text`` with character offsets into ``text``.

        ``sentences`` are the text's sentences when the caller has them (`Article.sentences`).

        The score of a mention is the mean marginal probability of its tags, a usable confidence for
        later stages that merge model and gazetteer mentions.
        """
        if not text or text.isspace():
            return []
        mentions: list[Mention] = []
        groups = [spans for spans in sentence_spans(text, sentences) if spans]
        tagged = self._tag_sentences([[text[a:b] for a, b in spans] for spans in groups]) if groups else []
        for spans, (_tags, confidence, found) in zip(groups, tagged, strict=True):
            for first, last, label in found:
                entity_type = _TYPES.get(label)
                if entity_type is None:
                    continue
                start, end = spans[first][0], spans[last][1]
                # every tag inside a span has its marginal (`_decode`)
                score = sum(confidence[first : last + 1]) / (last - first + 1)  # type: ignore[arg-type]
                mentions.append(
                    Mention(
                        start=start,
                        end=end,
                        text=text[start:end],
                        type=entity_type,
                        source="model",
                        score=round(score, 4),
                    )
                )
        return mentions


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first token, last token, type)`` of each span in a BIO sequence; a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for i, tag in enumerate(tags):
        continues = tag.startswith("I-") and start >= 0 and tag[2:] == label
        if continues:
            continue
        if start >= 0:
            spans.append((start, i - 1, label))
            start = -1
        if tag.startswith(("B-", "I-")):
            start, label = i, tag[2:]
    if start >= 0:
        spans.append((start, len(tags) - 1, label))
    return spans


@lru_cache(maxsize=1)
def load_recogniser() -> Recogniser:
    """The packaged model, loaded once per process.

    Reading crfsuite's file, the clusters and the 190k-name gazetteer and indexing them took about
    0.4 CPU-s of every run's start; the recogniser built from them is kept in the user's cache
    (`linimasa.resources.cached`, keyed by the model files and the modules that define its tables)
    and read back from there in about half that time. Once a run has seen `WARM_AFTER` distinct
    tokens, the first sights of the clusters file's words are read from there too
    (`GroupedFeatures.warmth`, `defer`)."""
    model_dir = Path(str(resources.files("linimasa.entities") / "model"))
    settings = json.loads((model_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    gazetteer_file = settings.get("gazetteer")
    sources = [model_dir / SETTINGS_FILE, model_dir / MODEL_FILE, model_dir / CLUSTERS_FILE]
    if gazetteer_file:
        sources.append(model_dir / gazetteer_file)
    modules = (__file__, crf.__file__, ner_features.__file__, gazetteer_module.__file__)
    sources.extend(Path(m) for m in modules if m)

    def build() -> Recogniser:
        gazetteer_tsv = (
            gzip.decompress((model_dir / gazetteer_file).read_bytes()).decode("utf-8") if gazetteer_file else None
        )
        recogniser = open_recogniser(
            (model_dir / MODEL_FILE).read_bytes(),
            (model_dir / CLUSTERS_FILE).read_text(encoding="utf-8"),
            settings,
            gazetteer_tsv,
        )
        # the attribute names' index, which every first sentence needs, and the default convention's
        # private attributes, which every new word of running text looks up
        recogniser._groups.prepare([recogniser.default_convention] if recogniser.default_convention else [])
        if recogniser._gazetteer is not None:
            # the name list's answers for news' frequent words (the clusters file's), kept in the
            # cached copy: each is a word's first sight in every run otherwise
            recogniser._gazetteer.remember(recogniser._clusters)
        return recogniser

    recogniser = keep_for_process(cached("ner", sources, build))
    convention = recogniser.default_convention
    if convention is not None:
        groups = recogniser._groups

        def warmth() -> Warmth:
            return cached("ner-warm", sources, lambda: groups.warmth(recogniser._clusters, convention))

        groups.defer(warmth, WARM_AFTER)
    return recogniser


def open_recogniser(
    model: bytes, clusters_tsv: str, settings: Mapping[str, object] | None = None, gazetteer_tsv: str | None = None
) -> Recogniser:
    """A recogniser from a model and resources not (yet) in the package: training evaluates with this."""
    gazetteer = read_labelled_names(gazetteer_tsv) if gazetteer_tsv is not None else None
    return Recogniser(model, read_clusters(clusters_tsv), settings, gazetteer)


__all__ = ["Recogniser", "bio_spans", "load_recogniser", "open_recogniser", "tokenize"]
