"""The NER gazetteer's fast index gives the marks a plain tuple-and-prefix lookup gives.

The index (joined strings, a sorted list, a set of first words, a fast TSV parse) exists only to load
the 190k packaged names quickly; these tests hold it to the simple definition, because the CRF was
trained on features computed with that definition."""

from __future__ import annotations

import gzip
import random
from importlib import resources

from linimasa.entities.ner_features import Gazetteer, read_gazetteer


def reference_bio(names: dict[tuple[str, ...], str], words: list[str]) -> list[str | None]:
    """The definition: at each word, the longest listed name starting there, else nothing."""
    marks: list[str | None] = [None] * len(words)
    i = 0
    while i < len(words):
        best = max((j for j in range(i + 1, len(words) + 1) if tuple(words[i:j]) in names), default=0)
        if best:
            label = names[tuple(words[i:best])]
            marks[i] = "B-" + label
            for j in range(i + 1, best):
                marks[j] = "I-" + label
            i = best
        else:
            i += 1
    return marks


def test_longest_match_with_a_dead_end_prefix() -> None:
    names = {("bank", "dunia"): "ORG", ("bank", "dunia", "asia", "timur"): "ORG", ("asia",): "LOC"}
    gazetteer = Gazetteer(names)
    words = ["bank", "dunia", "asia", "tenggara", "bank", "asia"]
    assert gazetteer.bio(words) == reference_bio(names, words)
    assert gazetteer.bio(words) == ["B-ORG", "I-ORG", "B-LOC", None, None, "B-LOC"]
    assert gazetteer.bio(words) == gazetteer.bio(words)  # the remembered answers change nothing


def test_fast_and_line_by_line_parses_agree() -> None:
    text = "# header\nbank dunia\tORG\njawa barat\tLOC\nbank\tORG\n"
    odd = "# header\nbank dunia\tORG\n\n# comment\njawa barat\tLOC\nbank\tORG\nno label\t\n"
    assert read_gazetteer(text).names == read_gazetteer(odd).names == {
        ("bank", "dunia"): "ORG", ("jawa", "barat"): "LOC", ("bank",): "ORG"}


def test_packaged_gazetteer_matches_the_definition() -> None:
    model = resources.files("linimasa.entities") / "model"
    gazetteer = read_gazetteer(gzip.decompress((model / "gazetteer.tsv.gz").read_bytes()).decode("utf-8"))
    names = gazetteer.names
    assert len(names) > 100_000
    rng = random.Random(7)
    listed = sorted(names)
    for _ in range(300):
        words: list[str] = []
        for _ in range(rng.randint(1, 5)):
            words.extend(rng.choice(listed)[: rng.randint(1, 6)])
            words.append(rng.choice(["dan", "di", "yang", "the", "of"]))
        assert gazetteer.bio(words) == reference_bio(names, words), words
