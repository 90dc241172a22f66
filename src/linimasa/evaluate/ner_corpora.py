"""Readers for the four annotated Indonesian NER corpora in ``../shared/data`` and their tag mapping.

The corpora use different tag sets (PPL/PLC/IND, PERSON/PLACE/ORGANISATION, PER/ORG/LOC,
PERSON/ORGANIZATION/LOCATION) and two file layouts. Training and evaluation must see one tag set, so
both read them through here: every tag is mapped to PER/ORG/LOC/EVT and the types linimasa does not
model (TIME, QUANTITY, FNB) become ``O``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Corpus tag → linimasa model type; a tag absent here is dropped (becomes O).
TYPE_MAP: dict[str, str] = {
    "PER": "PER",
    "PERSON": "PER",
    "PPL": "PER",
    "ORG": "ORG",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
    "IND": "ORG",
    "LOC": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
    "LOCATION": "LOC",
    "EVT": "EVT",
}


@dataclass(frozen=True)
class CorpusSpec:
    """Where one corpus lives and what it annotates (scores count only the types a corpus annotates)."""

    name: str
    folder: str
    splits: dict[str, str]
    types: tuple[str, ...]
    lower_cased: bool = False


CORPORA: dict[str, CorpusSpec] = {
    spec.name: spec
    for spec in (
        CorpusSpec(
            "idner-news-2k",
            "ner-idner-news-2k",
            {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
            ("PER", "ORG", "LOC"),
        ),
        CorpusSpec(
            "nergrit",
            "ner-nergrit",
            {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"},
            ("PER", "ORG", "LOC"),
        ),
        CorpusSpec(
            "nerp",
            "ner-nerp",
            {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"},
            ("PER", "ORG", "LOC", "EVT"),
            lower_cased=True,
        ),
        CorpusSpec(
            "nerugm",
            "ner-indolem-nerugm",
            {"train": "train.01.tsv", "dev": "dev.01.tsv", "test": "test.01.tsv"},
            ("PER", "ORG", "LOC"),
        ),
    )
}


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]


def map_tag(tag: str) -> str:
    """Map one corpus BIO tag to the linimasa tag set (``B-PLACE`` → ``B-LOC``, ``B-TIME`` → ``O``)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    mapped = TYPE_MAP.get(label.upper())
    if mapped is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{mapped}"


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an I- that does not continue a span of its type into B- (what conlleval does implicitly)."""
    fixed: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def read_conll(path: Path) -> Iterator[Sentence]:
    """Read a token-per-line file (token first, tag last, tab- or space-separated, any line ending)."""
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8-sig", newline=None) as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            fields = line.split("\t") if "\t" in line else line.split(" ")
            fields = [f for f in fields if f != ""]
            if not fields:
                if tokens:
                    yield Sentence(tokens, repair_bio([map_tag(t) for t in tags]))
                tokens, tags = [], []
                continue
            if len(fields) < 2:
                continue
            tokens.append(fields[0])
            tags.append(fields[-1])
    if tokens:
        yield Sentence(tokens, repair_bio([map_tag(t) for t in tags]))


def load_split(data_dir: Path, corpus: str, split: str) -> list[Sentence]:
    spec = CORPORA[corpus]
    return list(read_conll(data_dir / spec.folder / spec.splits[split]))
