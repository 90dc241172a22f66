"""The NER name list's fast index gives the marks a plain tuple-and-prefix lookup gives.

The index (joined strings, a sorted list, remembered searches, a fast TSV parse) exists only to load
the 190k packaged names quickly; these tests hold it to the simple definition, because the CRF was
trained on features computed with that definition."""

from __future__ import annotations

import gzip
import random
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.text.gazetteer import LabelledNames, read_labelled_names


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
    labelled = LabelledNames(names)
    words = ["bank", "dunia", "asia", "tenggara", "bank", "asia"]
    assert labelled.bio(words) == reference_bio(names, words)
    assert labelled.bio(words) == ["B-ORG", "I-ORG", "B-LOC", None, None, "B-LOC"]
    assert labelled.bio(words) == labelled.bio(words)  # the remembered answers change nothing


def test_a_word_with_a_space_matches_no_name() -> None:
    """Names are split at spaces, so a token holding one can never be (part of) a listed name, even
    though its joined form spells one."""
    names = {("bank", "dunia"): "ORG", ("bank",): "ORG"}
    labelled = LabelledNames(names)
    words = ["bank dunia", "bank", "dunia", "bank dunia", "bank"]
    assert labelled.bio(words) == reference_bio(names, words) == [None, "B-ORG", "I-ORG", None, "B-ORG"]


def test_fast_and_line_by_line_parses_agree() -> None:
    text = "# header\nbank dunia\tORG\njawa barat\tLOC\nbank\tORG\n"
    odd = "# header\nbank dunia\tORG\n\n# comment\njawa barat\tLOC\nbank\tORG\nno label\t\n"
    assert read_labelled_names(text).names == read_labelled_names(odd).names == {
        ("bank", "dunia"): "ORG", ("jawa", "barat"): "LOC", ("bank",): "ORG"}


def test_a_line_with_two_tabs_is_parsed_as_the_line_by_line_parse_does() -> None:
    """Tab counts that balance (a line with two tabs, another with none) must not shift the pairing."""
    text = "bank\tdunia\tORG\njawa barat\nbali\tLOC\n"
    assert read_labelled_names(text).names == {("bank\tdunia",): "ORG", ("bali",): "LOC"}


def test_packaged_names_match_the_definition() -> None:
    model = resources.files("linimasa.entities") / "model"
    labelled = read_labelled_names(gzip.decompress((model / "gazetteer.tsv.gz").read_bytes()).decode("utf-8"))
    names = labelled.names
    assert len(names) > 100_000
    rng = random.Random(7)
    listed = sorted(names)
    for _ in range(300):
        words: list[str] = []
        for _ in range(rng.randint(1, 5)):
            words.extend(rng.choice(listed)[: rng.randint(1, 6)])
            words.append(rng.choice(["dan", "di", "yang", "the", "of"]))
        assert labelled.bio(words) == reference_bio(names, words), words


def test_labels_are_shared_strings() -> None:
    """The index keeps one string per label (what makes it quick to read back from the cache)."""
    labelled = LabelledNames({("bank", "dunia"): "ORG", ("bali",): "".join(["L", "OC"]), ("jawa",): "LOC"})
    assert len({id(label) for label in labelled._labels}) == 2
    assert labelled.names == {("bank", "dunia"): "ORG", ("bali",): "LOC", ("jawa",): "LOC"}


_WORDS = st.sampled_from(["a", "ab", "b", "a\tb", "a\x01", "", "c", "a!", "ab c"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.lists(_WORDS, min_size=1, max_size=4).map(tuple), st.sampled_from(["PER", "ORG", "LOC"]),
                       max_size=12),
       st.lists(st.lists(_WORDS, max_size=8), min_size=1, max_size=4))
def test_generated_names_match_the_definition(names: dict[tuple[str, ...], str], sentences: list[list[str]]) -> None:
    """Names and words with characters that sort below the space (tabs, control characters), empty
    words and words holding a space: the one-search answer (label and whether a longer name starts
    there) must give the definition's marks, also when remembered from an earlier sentence."""
    names = {key: label for key, label in names.items() if not any(" " in w for w in key)}
    labelled = LabelledNames(names)
    for words in sentences + sentences:
        assert labelled.bio(words) == reference_bio(names, words), (names, words)


def test_remembered_answers_survive_pickling_and_change_no_mark() -> None:
    """`remember` answers words ahead (the cached recogniser holds them); read back, a word with no
    name is `_NO_NAME` itself again (what `bio` tests for), and the marks are the definition's."""
    import pickle

    from linimasa.text import gazetteer

    names = {("bank", "dunia"): "ORG", ("bank",): "ORG", ("jawa", "barat"): "LOC"}
    labelled = LabelledNames(names)
    labelled.remember(["bank", "jawa", "dan", "di", "bank dunia"])
    copy = pickle.loads(pickle.dumps(labelled))
    assert copy._known == labelled._known
    assert copy._known["dan"] is gazetteer._NO_NAME
    words = ["bank", "dunia", "dan", "jawa", "barat", "di", "bank", "jawa"]
    assert copy.bio(words) == labelled.bio(words) == reference_bio(names, words)
    assert LabelledNames(names).bio(words) == reference_bio(names, words)
