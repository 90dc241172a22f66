"""Sentences of the project's own hand-annotated real news (``eval/real-id``) as NER training data.

The four public corpora each annotate names their own way, and none of them the way the project's gold
(``eval/real-id/GUIDELINE.md``) does: titles outside PER, administrative words inside the place name,
products not entities, events named. Training on the development sets of that gold as a fifth corpus,
with its own convention copy of the features, teaches the model the convention the entities stage is
scored by, and running text is then tagged with it.

The texts are split and tokenised by the text layer the runtime uses (`linimasa.entities.ner_text`),
only inside the gold's ``body`` ranges (nothing outside is annotated, so it would teach false Os);
GPE becomes LOC (the model's type; the entities stage turns LOC back into GPE by gazetteer). Where a
mention starts or ends inside a token between two letters or digits (text glued by a scraper:
``presenterJessica Iskandarsedang``) the token is cut there, as the clean stage's `unglue` opens such
seams at run time; a sentence whose mention still does not fall on token boundaries (``Mexico’s``,
``US-Philippine``, a name across a line break) is left out rather than taught with a wrong span.

Leak removal: the texts of the test split are read (never their annotations: the articles of
``corpus/test/`` are read as files, ``test.jsonl`` is not opened) only so that every training sentence
that also occurs in them is dropped, and so are those of any set named as held out (a fold experiment).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from pathlib import Path

from linimasa.entities.ner_text import sentence_spans
from linimasa.evaluate.ner_corpora import Sentence

CONVENTION = "real-id"
"""The convention (feature copy) name of the project's own annotation."""

SETS = ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3", "dev-extra-entities-4",
        "dev-extra-entities-5", "dev-extra-entities-6", "dev-extra-entities-7", "dev-extra-entities-8",
        "dev-extra-entities-9", "dev-extra-entities-10", "dev-extra-entities-en", "dev-extra-entities-en2")
"""The development sets with entity annotation; ``test`` is never a training set."""

TYPES = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "EVT": "EVT"}


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:  # offsets are Python indexes into the file as is
        return f.read()


def text_sentences(text: str, start: int = 0, end: int | None = None) -> list[list[tuple[int, int]]]:
    """Token offsets (into ``text``) of each sentence of ``text[start:end]``, as the runtime splits them."""
    end = len(text) if end is None else end
    return [[(a + start, b + start) for a, b in spans] for spans in sentence_spans(text[start:end]) if spans]


def set_texts(gold_dir: Path, name: str) -> list[str]:
    """The article texts of one set. For ``test`` the corpus files, so that its annotations stay unread."""
    if name == "test":
        return [_read(p) for p in sorted((gold_dir / "corpus" / "test").glob("*.txt"))]
    with open(gold_dir / f"{name}.jsonl", encoding="utf-8") as f:
        return [_read(gold_dir / json.loads(line)["file"]) for line in f]


def held_out_texts_keys(gold_dir: Path, names: Iterable[str], key) -> set[str]:
    """``key`` of every sentence of the texts of the held-out sets ``names`` (always include ``test``)."""
    keys: set[str] = set()
    for name in names:
        for text in set_texts(gold_dir, name):
            keys.update(key([text[a:b] for a, b in spans]) for spans in text_sentences(text))
    return keys


def real_sentences(gold_dir: Path, name: str) -> tuple[list[Sentence], int]:
    """BIO-tagged sentences inside the body ranges of one development set, and how many sentences were
    left out because a mention does not fall on token boundaries."""
    if name == "test":
        raise ValueError("the test split of eval/real-id is never training data")
    sentences: list[Sentence] = []
    misaligned = 0
    with open(gold_dir / f"{name}.jsonl", encoding="utf-8") as f:
        for line in f:
            gold = json.loads(line)
            if "entities" not in (gold.get("layers") or ["entities"]):
                continue
            text = _read(gold_dir / gold["file"])
            mentions = sorted(
                (m["start"], m["end"], TYPES[e["type"]])
                for e in gold["entities"]
                if e["type"] in TYPES
                for m in e["mentions"]
            )
            cuts = {offset for start, end, _ in mentions for offset in (start, end)}
            for body_start, body_end in gold["body"]:
                for sentence in text_sentences(text, body_start, body_end):
                    spans = [part for span in sentence for part in _cut(text, span, cuts)]
                    tagged = _tag(spans, mentions)
                    if tagged is None:
                        misaligned += 1
                    else:
                        sentences.append(Sentence([text[a:b] for a, b in spans], tagged))
    return sentences, misaligned


def _cut(text: str, span: tuple[int, int], cuts: set[int]) -> list[tuple[int, int]]:
    """``span`` cut at every offset of ``cuts`` inside it that lies between two letters or digits."""
    start, end = span
    inside = [c for c in range(start + 1, end) if c in cuts and text[c - 1].isalnum() and text[c].isalnum()]
    bounds = [start, *inside, end]
    return list(itertools.pairwise(bounds))


def _tag(spans: list[tuple[int, int]], mentions: list[tuple[int, int, str]]) -> list[str] | None:
    """BIO tags of one sentence's tokens, None when a mention that touches it is not whole tokens in it."""
    first, last = spans[0][0], spans[-1][1]
    starts = {a: i for i, (a, _) in enumerate(spans)}
    ends = {b: i for i, (_, b) in enumerate(spans)}
    tags = ["O"] * len(spans)
    for start, end, label in mentions:
        if end <= first or start >= last:
            continue
        i, j = starts.get(start), ends.get(end)
        if i is None or j is None or j < i or any(t != "O" for t in tags[i : j + 1]):
            return None
        tags[i] = "B-" + label
        tags[i + 1 : j + 1] = ["I-" + label] * (j - i)
    return tags


__all__ = ["CONVENTION", "SETS", "held_out_texts_keys", "real_sentences", "set_texts", "text_sentences"]
