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
from collections.abc import Mapping, Sequence

from linimasa.text.gazetteer import LabelledNames

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


class _Token:
    """What the features of one token that do not depend on its neighbours are made of, built once
    per distinct token (`FeatureCache`): its own features, and the strings its neighbours use."""

    __slots__ = ("context", "own", "shape", "shape_feat", "title", "upper", "word")

    def __init__(self, token: str, clusters: Clusters) -> None:
        w = normalise_word(token)
        self.word = w
        own = ["b", "w=" + w, "p2=" + w[:2], "p3=" + w[:3], "s2=" + w[-2:], "s3=" + w[-3:], "s4=" + w[-4:],
               "len=" + str(min(len(token), 8))]
        if not token[0].isalnum():
            own.append("punct")
        if any(ch.isdigit() for ch in token):
            own.append("digit")
        if "-" in token:
            own.append("hyphen")
        c = clusters.get(w)
        if c is not None:
            own.extend(("c0=" + c[0], "c1=" + c[1], "c2=" + c[2]))
        else:
            own.append("oov")
        self.own = tuple(own)
        self.shape = word_shape(token)
        self.shape_feat = "sh=" + self.shape
        self.title = token[0].isupper()
        self.upper = token.isupper() and len(token) > 1
        # what this token contributes as the neighbour at each offset: (word, cluster c1, cluster c2, shape)
        self.context: dict[int, tuple[str, str | None, str | None, str]] = {
            offset: (
                f"{offset}w=" + w,
                f"{offset}c1=" + c[1] if c is not None else None,
                f"{offset}c2=" + c[2] if c is not None and offset in (-1, 1) else None,
                f"{offset}sh=" + self.shape,
            )
            for offset in (-2, -1, 1, 2)
        }


class FeatureCache(dict):  # type: ignore[type-arg]
    """Per-token parts of `sentence_features`, kept between calls by a recogniser (news repeats its
    words). Bounded: past `limit` distinct tokens it starts again."""

    def __init__(self, clusters: Clusters, limit: int = 30_000) -> None:
        super().__init__()
        self.clusters = clusters
        self.limit = limit

    def token(self, token: str) -> _Token:
        info = self.get(token)
        if info is None:
            if len(self) >= self.limit:
                self.clear()
            info = self[token] = _Token(token, self.clusters)
        return info


_EDGES = {-2: "-2w=<s>", -1: "-1w=<s>", 1: "1w=</s>", 2: "2w=</s>"}


def sentence_features(
    tokens: Sequence[str],
    clusters: Clusters,
    convention: str | None = None,
    gazetteer: LabelledNames | None = None,
    cache: FeatureCache | None = None,
) -> list[list[str]]:
    """One list of ``name=value`` feature strings per token.

    With ``convention`` (a corpus name) every feature is also emitted in a copy private to that
    corpus (Daumé's "frustratingly easy" domain adaptation): the corpora disagree on what counts as
    a mention (is "Indonesia" the team an ORG? is "Stadion Gelora Bung Karno" a LOC?), and the
    private copies absorb those disagreements while the shared copies learn what they agree on.

    ``cache`` (a `FeatureCache` over the same ``clusters``) keeps what depends on one token alone
    between calls; the features, and their order, are the same with or without it.
    """
    if cache is None or cache.clusters is not clusters:
        cache = FeatureCache(clusters)
    cased = _has_case(tokens)
    infos = [cache.token(t) for t in tokens]
    words = [x.word for x in infos]
    listed = gazetteer.bio([t.lower() for t in tokens]) if gazetteer is not None else [None] * len(tokens)
    n = len(tokens)
    features: list[list[str]] = []
    for i, info in enumerate(infos):
        w = words[i]
        f = list(info.own)
        mark = listed[i]
        if mark is not None:
            f.append("gz=" + mark)
        if i > 0 and (before := listed[i - 1]) is not None:
            f.append("-1gz=" + before)
        if i + 1 < n and (after := listed[i + 1]) is not None:
            f.append("1gz=" + after)
        if cased:
            f.append(info.shape_feat)
            if info.title:
                f.append("title" if i > 0 else "title0")
            if info.upper:
                f.append("upper")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if j < 0 or j >= n:
                f.append(_EDGES[offset])
                continue
            word_f, c1_f, c2_f, shape_f = infos[j].context[offset]
            f.append(word_f)
            if c1_f is not None:
                f.append(c1_f)
                if c2_f is not None:
                    f.append(c2_f)
            if cased and offset in (-1, 1):
                f.append(shape_f)
        if i > 0:
            f.append("bg-=" + words[i - 1] + "|" + w)
        if i + 1 < n:
            f.append("bg+=" + w + "|" + words[i + 1])
        if convention is not None:
            prefix = convention + "|"
            f.extend([prefix + name for name in f])
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
