"""Token features for the CRF NER model; shared by training (train/ner.py) and tagging.

Training and tagging must compute exactly the same features, so both import this module. The
features are the classic strong CRF set for NER: the word and its neighbours (lower-cased, so the
lower-cased NERP corpus and cased text share them), affixes, word shape, and distributional word
clusters learnt from unannotated news. Case features are emitted only when the sentence carries
case at all: an all-lower-case sentence (NERP, or a user's lower-cased query) then looks like
"case unknown" instead of "every word is lower-case, so nothing is a name".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

_DIGITS = re.compile(r"\d")

# Words that cluster badly or not at all keep only their identity features.
Clusters = Mapping[str, tuple[str, ...]]


def normalise_word(token: str) -> str:
    """Lower-case and fold digits, so "2025" and "1998" share statistics."""
    return _DIGITS.sub("0", token.lower())


def word_shape(token: str) -> str:
    """Collapsed character classes: "Jakarta" → "Xx", "PDI-P" → "X-X", "2025" → "d"."""
    shape: list[str] = []
    for ch in token:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not shape or shape[-1] != c:
            shape.append(c)
    return "".join(shape)[:6]


def _has_case(tokens: Sequence[str]) -> bool:
    return any(ch.isupper() for token in tokens for ch in token)


class Gazetteer:
    """Longest-match lookup of known names (lower-cased words → PER/ORG/LOC).

    Membership in a name list is evidence, not a decision: the CRF weighs it against context, so a
    noisy list (DBpedia's automatic one) still helps where a name was never seen in training.

    Names are kept as space-joined strings, plus the same strings sorted: whether a longer name can
    still match is a binary search for a name that starts with the words so far (its answer
    remembered). The packaged list
    has ~190k names, and building a tuple and every proper prefix of each (as this class once did)
    cost half a second of every run's start, for the same matches.
    """

    def __init__(self, names: Mapping[tuple[str, ...], str]) -> None:
        self._index({" ".join(key): label for key, label in names.items()})

    @classmethod
    def _from_joined(cls, names: dict[str, str]) -> Gazetteer:
        gazetteer = cls({})
        gazetteer._index(names)
        return gazetteer

    def _index(self, names: dict[str, str]) -> None:
        self._names = names
        self._sorted = sorted(names)
        # Answers of the binary search, remembered: news repeats its words, and a lookup in this
        # dict costs a tenth of the search (it grows with the vocabulary seen, not the list).
        # Filled as text is tagged rather than up front, where it would cost a fifth of a second.
        self._seen: dict[str, bool] = {}

    @property
    def names(self) -> dict[tuple[str, ...], str]:
        """The names as word tuples (built on demand: only inspection needs them)."""
        return {tuple(k.split(" ")): v for k, v in self._names.items()}

    def bio(self, words: Sequence[str]) -> list[str | None]:
        """Per token: ``B-LABEL``/``I-LABEL`` of the longest listed name covering it, else None."""
        if any(" " in w for w in words):
            # A word with a space in it matches no listed name (names are split at spaces); mark
            # the stretches between such words on their own so joined keys never straddle one.
            marks: list[str | None] = []
            run: list[str] = []
            for w in words:
                if " " in w:
                    marks.extend(self.bio(run))
                    marks.append(None)
                    run = []
                else:
                    run.append(w)
            marks.extend(self.bio(run))
            return marks
        marks = [None] * len(words)
        names, ordered, seen = self._names, self._sorted, self._seen
        n, size = len(words), len(ordered)
        i = 0
        while i < n:
            best_end, best_label = 0, ""
            end = i + 1
            key = words[i]
            while True:
                label = names.get(key)
                if label is not None:
                    best_end, best_label = end, label
                if end >= n:
                    break
                more = seen.get(key)
                if more is None:  # does a longer name start with these words?
                    at = bisect_left(ordered, key + " ")
                    more = seen[key] = at < size and ordered[at].startswith(key + " ")
                if not more:
                    break
                key = key + " " + words[end]
                end += 1
            if best_end:
                marks[i] = "B-" + best_label
                for j in range(i + 1, best_end):
                    marks[j] = "I-" + best_label
                i = best_end
            else:
                i += 1
        return marks


def read_gazetteer(text: str) -> Gazetteer:
    """Parse the ``name<TAB>label`` TSV written by train/ner_gazetteer.py (names lower-cased, space-joined)."""
    names = _read_plain_tsv(text)
    if names is not None:
        return Gazetteer._from_joined(names)
    names = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, label = line.rpartition("\t")
        if name and label:
            names[name] = label
    return Gazetteer._from_joined(names)


def _read_plain_tsv(text: str) -> dict[str, str] | None:
    """The same mapping as the line-by-line parse, built by C-level splits for a file that is only
    leading ``#`` lines then one ``name<TAB>label`` per line (what the trainer writes): a quarter of
    the time for the packaged 190k names. None when the text has any other shape."""
    while text.startswith("#"):
        text = text.partition("\n")[2]
    body = text.removesuffix("\n")
    if not body or any(bad in body for bad in ("\r", "\n\n", "\n#", "\t\n", "\n\t", "\v", "\f", "\x1c",
                                                  "\x1d", "\x1e", "\x85", "\u2028", "\u2029")):
        return None  # blank or comment lines inside, empty fields, or other line breaks splitlines() sees
    if body.startswith("\t") or body.endswith("\t") or body.count("\t") != body.count("\n") + 1:
        return None  # a line without exactly one tab
    fields = iter(body.replace("\t", "\n").split("\n"))
    return dict(zip(fields, fields, strict=True))


def sentence_features(
    tokens: Sequence[str], clusters: Clusters, convention: str | None = None, gazetteer: Gazetteer | None = None
) -> list[list[str]]:
    """One list of ``name=value`` feature strings per token.

    With ``convention`` (a corpus name) every feature is also emitted in a copy private to that
    corpus (Daumé's "frustratingly easy" domain adaptation): the corpora disagree on what counts as
    a mention (is "Indonesia" the team an ORG? is "Stadion Gelora Bung Karno" a LOC?), and the
    private copies absorb those disagreements while the shared copies learn what they agree on.
    """
    cased = _has_case(tokens)
    words = [normalise_word(t) for t in tokens]
    classes = [clusters.get(w) for w in words]
    listed = gazetteer.bio([t.lower() for t in tokens]) if gazetteer is not None else [None] * len(tokens)
    shapes = [word_shape(t) if cased else "" for t in tokens]
    n = len(tokens)
    features: list[list[str]] = []
    for i, token in enumerate(tokens):
        w = words[i]
        f = [
            "b",
            "w=" + w,
            "p2=" + w[:2],
            "p3=" + w[:3],
            "s2=" + w[-2:],
            "s3=" + w[-3:],
            "s4=" + w[-4:],
            "len=" + str(min(len(token), 8)),
        ]
        if not token[0].isalnum():
            f.append("punct")
        if any(ch.isdigit() for ch in token):
            f.append("digit")
        if "-" in token:
            f.append("hyphen")
        c = classes[i]
        if c is not None:
            f.extend(("c0=" + c[0], "c1=" + c[1], "c2=" + c[2]))
        else:
            f.append("oov")
        mark = listed[i]
        if mark is not None:
            f.append("gz=" + mark)
        if i > 0 and (before := listed[i - 1]) is not None:
            f.append("-1gz=" + before)
        if i + 1 < n and (after := listed[i + 1]) is not None:
            f.append("1gz=" + after)
        if cased:
            shape = shapes[i]
            f.append("sh=" + shape)
            if token[0].isupper():
                f.append("title" if i > 0 else "title0")
            if token.isupper() and len(token) > 1:
                f.append("upper")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            tag = str(offset)
            if j < 0:
                f.append(tag + "w=<s>")
                continue
            if j >= n:
                f.append(tag + "w=</s>")
                continue
            f.append(tag + "w=" + words[j])
            cj = classes[j]
            if cj is not None:
                f.append(tag + "c1=" + cj[1])
                if offset in (-1, 1):
                    f.append(tag + "c2=" + cj[2])
            if cased and offset in (-1, 1):
                f.append(tag + "sh=" + shapes[j])
        if i > 0:
            f.append("bg-=" + words[i - 1] + "|" + w)
        if i + 1 < n:
            f.append("bg+=" + w + "|" + words[i + 1])
        if convention is not None:
            f.extend([convention + "|" + name for name in f])
        features.append(f)
    return features


def read_clusters(text: str) -> dict[str, tuple[str, ...]]:
    """Parse the clusters TSV written by train/ner_clusters.py."""
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, *ids = line.split("\t")
        if len(ids) >= 3:
            table[word] = tuple(ids[:3])
    return table
