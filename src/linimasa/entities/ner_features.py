"""Token features for the CRF NER model; shared by training (train/ner.py) and tagging.

Training and tagging must compute exactly the same features, so both import this module. The
features are the classic strong CRF set for NER: the word and its neighbours (lower-cased, so the
lower-cased NERP corpus and cased text share them), affixes, word shape, and distributional word
clusters learnt from unannotated news. Case features are emitted only when the sentence carries
case at all: an all-lower-case sentence (NERP, or a user's lower-cased query) then looks like
"case unknown" instead of "every word is lower-case, so nothing is a name".
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

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


def own_features(token: str, word: str, cluster: tuple[str, ...] | None) -> tuple[str, ...]:
    """The features of a token that depend on it alone and on no case (``word`` is its
    `normalise_word`, ``cluster`` its clusters or None)."""
    w = word
    own = ["b", "w=" + w, "p2=" + w[:2], "p3=" + w[:3], "s2=" + w[-2:], "s3=" + w[-3:], "s4=" + w[-4:],
           "len=" + str(min(len(token), 8))]
    if not token[0].isalnum():
        own.append("punct")
    if any(ch.isdigit() for ch in token):
        own.append("digit")
    if "-" in token:
        own.append("hyphen")
    if cluster is not None:
        own.extend([f"c{k}={c}" for k, c in enumerate(cluster)])
    else:
        own.append("oov")
    return tuple(own)


class _Token:
    """What the features of one token that do not depend on its neighbours are made of, built once
    per distinct token (`FeatureCache`): its own features, and the strings its neighbours use."""

    __slots__ = ("context", "own", "shape", "shape_feat", "title", "upper", "word")

    def __init__(self, token: str, clusters: Clusters) -> None:
        w = normalise_word(token)
        self.word = w
        c = clusters.get(w)
        self.own = own_features(token, w, c)
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
# the parts of `GroupedFeatures._token`'s tuple, and a bigram's key, as C-level callables for `map`
_FIRST, _SECOND, _THIRD, _FOURTH = (operator.itemgetter(k) for k in range(4))
_PAIR_OF = "{}|{}".format


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


GROUPS_PER_TOKEN = 17
"""Columns of `GroupedFeatures.encode`: own, case; the neighbours' words at -2, -1, 1, 2, their
clusters at the same offsets and their shapes at -1, 1; three gazetteer marks; two bigrams."""

_TOKEN_GROUPS = 13
"""Columns of a token's own row (`GroupedFeatures._token_groups`)."""

_BIGRAMS = ("bg-=", "bg+=")
_FLAGS = ("punct", "digit", "hyphen")
_NEIGHBOUR_WORDS = ("-2w=", "-1w=", "1w=", "2w=")


class _Tables:
    """What `GroupedFeatures._token_groups` remembers under one convention: the groups by shape
    (and whether the word is all capitals), by clusters, by normalised word, and the attribute ids
    of the parts of `own_features` that many words share (by first three letters, last four
    letters, length and flags)."""

    __slots__ = ("by_clusters", "by_word", "cluster_ids", "far", "flagged", "get", "near", "oov", "prefixes",
                 "private", "shaped", "suffixes", "worded")

    def __init__(self, get: Callable[[str], int | None], private: Callable[[str], int | None] | None) -> None:
        self.get = get
        self.private = private
        self.shaped: dict[tuple[str, bool], tuple[int, int, int, int]] = {}
        self.far: dict[str, tuple[int, int]] = {}
        self.near: dict[tuple[str, ...], tuple[int, int]] = {}
        self.cluster_ids: dict[tuple[int, str], list[int]] = {}  # by column and cluster
        self.oov = self.ids(["oov"])
        self.worded: dict[str, tuple[int, ...]] = {}
        self.prefixes: dict[str, list[int]] = {}
        self.suffixes: dict[str, list[int]] = {}
        self.flagged: dict[tuple[int, bool, bool, bool], list[int]] = {}
        # per clusters: their attribute ids as the word's own, and their groups as a neighbour (far, near)
        self.by_clusters: dict[tuple[str, ...], tuple[list[int], tuple[int, int], tuple[int, int]]] = {}
        # per normalised word and flags (`_token_groups`): what every case of the word shares
        self.by_word: dict[tuple[str, tuple[int, bool, bool, bool]], tuple[int, ...]] = {}

    def copy(self) -> _Tables:
        """Tables holding what these hold, each table a copy (the values are never changed)."""
        other = _Tables.__new__(_Tables)
        for name in self.__slots__:
            value = getattr(self, name)
            setattr(other, name, value.copy() if isinstance(value, dict) else value)
        return other

    def one(self, name: str) -> list[int]:
        """`ids` of one name: its shared attribute id and its private one, those the model has."""
        ids = []
        if (a := self.get(name)) is not None:
            ids.append(a)
        if self.private is not None and (a := self.private(name)) is not None:
            ids.append(a)
        return ids

    def ids(self, names: list[str]) -> list[int]:
        """The model's attribute ids of ``names``, then of their copies private to the convention
        (`GroupedFeatures._lookup`); a new list."""
        ids = [a for a in map(self.get, names) if a is not None]
        if self.private is not None:
            ids.extend(a for a in map(self.private, names) if a is not None)
        return ids
_OFFSETS = (-2, -1, 1, 2)


@dataclass(frozen=True)
class Warmth:
    """What `GroupedFeatures.warmth` makes: the groups (their attribute ids and vectors) and the
    tables of one convention, without the model's lookups, so that it pickles apart from the
    model (`linimasa.entities.ner.load_recogniser` keeps it in the user's cache)."""

    convention: str | None
    members: list[tuple[int, ...]]
    vectors: np.ndarray
    tables: _Tables


_KEPT = frozenset({"clusters", "_attributes", "_state", "_limit", "_known_pairs", "_neighbours", "_named",
                   "_private_ids", "_warm"})
"""What `GroupedFeatures.__getstate__` keeps besides the warmed groups."""


class GroupedFeatures:
    """`sentence_features` as sums of a model's weights, by groups of attributes that recur together.

    A token's attributes in `sentence_features` are made of parts that each depend on one word (or
    one word pair, or one gazetteer mark) and the sentence's convention: the word's own features,
    its case features (when the sentence has case), what each neighbour contributes at its offset,
    the gazetteer marks, the two bigrams; each part with its convention copy. Each part is a
    *group*: a row of `vectors`, the sum of the weights of the model's attributes in it, computed
    once per distinct part instead of once per token. `encode` gives sentences as
    `GROUPS_PER_TOKEN` group ids per token; a token's scores are the sum of those rows.

    The attributes are exactly those of `sentence_features` (attributes the model does not know add
    nothing, as in crfsuite); `tests/entities/test_crf.py` checks it by expanding the groups back.
    Bounded: past `limit` distinct tokens it starts again (`start`).
    """

    def __init__(self, clusters: Clusters, attributes: Mapping[str, int], state: np.ndarray,
                 limit: int = 30_000) -> None:
        self.clusters = clusters
        self._attributes = attributes
        self._state = state
        self._limit = limit
        # per convention: the word pairs that have a bigram attribute under it (most pairs have
        # none), and the words that have a neighbour attribute
        self._known_pairs: dict[str | None, frozenset[str]] = {}
        self._neighbours: dict[str | None, frozenset[str]] = {}
        self._named: tuple[dict[str | None, set[str]], dict[str | None, set[str]]] | None = None
        self._private: dict[str, Callable[[str], int | None]] = {}
        # per prepared convention: its private attributes by shared name (`prepare`)
        self._private_ids: dict[str, dict[str, int]] = {}
        self.members: list[tuple[int, ...]] = [()]
        """The attribute ids of each group (group 0 is empty: it adds nothing)."""
        self._vectors = np.zeros((1024, self._state.shape[1]))
        # what `warm` made: how many groups, and the tables under each convention it warmed
        self._warm: tuple[int, dict[str | None, _Tables]] = (1, {})
        self._warmer: Callable[[], Warmth] | None = None  # `defer`
        self._warm_after = 0
        self._reset()

    def _reset(self) -> None:
        """Back to what `warm` made (or to nothing): the warmed groups keep their ids and
        vectors, the tables their copies of the warmed ones; the rest is forgotten."""
        count, warmed = self._warm
        self._keyed: dict[str | None, dict[str, tuple[tuple[int, ...], str]]] = {}
        self._pairs: dict[str | None, dict[str, tuple[int, int]]] = {}
        self._fixed: dict[tuple[str | None, str], int] = {}
        self._tables: dict[str | None, _Tables] = {c: tables.copy() for c, tables in warmed.items()}
        del self.members[count:]
        self._ids: dict[tuple[int, ...], int] = dict(zip(self.members, itertools.count()))
        self._pending: list[tuple[int, ...]] = []
        vectors = np.zeros((max(1024, 2 * count), self._state.shape[1]))
        vectors[:count] = self._vectors[:count]
        self._vectors = vectors
        self._ready = count
        # each distinct token's `_token_groups` by token number, as numpy rows (`_rows`)
        self._token_table = np.zeros((1024, _TOKEN_GROUPS), dtype=np.intp)
        self._token_count = 0
        self._new_tokens: list[tuple[int, ...]] = []

    def start(self) -> None:
        """Past the limit the tables start again here, never inside `encode` (that would change the
        ids already given out for the batch); so does a deferred `install` (`defer`)."""
        known = sum(map(len, self._keyed.values()))
        if self._warmer is not None and known >= self._warm_after:
            warmth, self._warmer = self._warmer, None
            self.install(warmth())
        elif known > self._limit:
            self._reset()

    def _private_to(self, convention: str) -> Callable[[str], int | None]:
        """The id of the model's attribute private to ``convention`` of a shared name (its copy
        ``convention|name``), or None. One function per convention, made once: for a prepared
        convention a lookup of the name itself (`prepare`), else of the name with the prefix."""
        private = self._private.get(convention)
        if private is None:
            ids = self._private_ids.get(convention)
            if ids is not None:
                private = self._private[convention] = ids.get
            else:
                prefix = convention + "|"
                get = self._attributes.get
                private = self._private[convention] = lambda name: get(prefix + name)
        return private

    def prepare(self, conventions: Sequence[str] = ()) -> None:
        """Build now what the first sentence would build (the index of attribute names), so that a
        cached copy of a recogniser holds it already; and for ``conventions`` (the one running text
        is tagged with) their private attributes by shared name: every attribute name looked up
        for a new word is then looked up once more as it is (its hash already known), not joined to
        the convention's prefix first and hashed again."""
        self._names_by_kind()
        for convention in conventions:
            prefix = convention + "|"
            self._private_ids[convention] = {
                name[len(prefix):]: a for name, a in self._attributes.items() if name.startswith(prefix)}
            self._private.pop(convention, None)

    def warmth(self, words: Iterable[str], convention: str | None) -> Warmth:
        """What the first sight of each of ``words`` under ``convention`` makes (`_token_groups`:
        its groups and the parts they are made of), made apart from these tables (`install` puts it
        in).

        Why: a token seen for the first time in a process costs several times what a known one
        does (a dozen lookups of attribute names, new groups), and in a run of a few hundred
        articles most distinct tokens are seen once or twice, so first sights were about a third of
        the tagging. The packaged recogniser warms the words of its clusters file (news' most
        frequent words, which most first sights are) under the convention running text is tagged
        with. The groups are the ones those tokens would get anyway: no score changes."""
        scratch = GroupedFeatures(self.clusters, self._attributes, self._state, self._limit)
        scratch._named, scratch._private_ids = self._named, self._private_ids
        if convention is not None and convention not in scratch._private_ids:
            scratch._private_ids = {**self._private_ids}
            scratch.prepare([convention])
        for word in words:
            scratch._token_groups(word, convention)
        scratch.vectors()
        tables = scratch._tables[convention].copy()
        # kept: the groups by normalised word and flags (each flags tuple one object, pickled once)
        # and the parts new words share; not the parts by clusters or by word, which only these
        # words had; nor the model's lookups, which `install` binds
        flags: dict[tuple[int, bool, bool, bool], tuple[int, bool, bool, bool]] = {}
        tables.by_word = {(w, flags.setdefault(f, f)): groups for (w, f), groups in tables.by_word.items()}
        tables.by_clusters = {}
        tables.worded = {}
        tables.get = tables.private = None  # type: ignore[assignment]
        return Warmth(convention, scratch.members, scratch._vectors[: scratch._ready].copy(), tables)

    def install(self, warmth: Warmth) -> None:
        """Start again (`_reset`) from ``warmth``, which `start` keeps through its restarts and
        pickling keeps; what was made before is forgotten, as at a restart."""
        convention = warmth.convention
        if convention is not None and convention not in self._private_ids:
            self.prepare([convention])  # the tables pickle with the recogniser: no closure in them
        tables = warmth.tables.copy()
        tables.get = self._attributes.get
        tables.private = self._private_to(convention) if convention is not None else None
        self.members = list(warmth.members)
        self._vectors = warmth.vectors
        self._warm = (len(warmth.members), {convention: tables})
        self._reset()

    def warm(self, words: Iterable[str], convention: str | None) -> None:
        """`install` the `warmth` of ``words``."""
        self.install(self.warmth(words, convention))

    def defer(self, warmth: Callable[[], Warmth], after: int) -> None:
        """`install` what ``warmth()`` gives at the first `start` after ``after`` distinct tokens:
        a run of a few articles does not read it (its cost is that of a few thousand first
        sights), a longer one does once it has seen that many."""
        self._warmer = warmth
        self._warm_after = after

    def __getstate__(self) -> dict[str, object]:
        """What `warm` made and the model's tables; the rest is made again as tokens come
        (`_reset` on loading), as after a restart. The group ids by attribute ids are left out too:
        building them from `members` is faster than reading them back."""
        count = self._warm[0]
        self.vectors()
        state = {name: value for name, value in self.__dict__.items() if name in _KEPT}
        state["members"] = self.members[:count]
        state["_vectors"] = self._vectors[:count]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._private = {}
        self._warmer, self._warm_after = None, 0
        self._reset()

    def _names_by_kind(self) -> tuple[dict[str | None, set[str]], dict[str | None, set[str]]]:
        """The bigram pairs and the neighbour words the model has attributes for, shared (under
        None) and private to each convention (under its name): found in one pass over the
        attribute names, the first time a convention asks (`_pairs_known`, `_neighbour_words`)."""
        if self._named is None:
            pairs: dict[str | None, set[str]] = {None: set()}
            words: dict[str | None, set[str]] = {None: set()}
            for name in self._attributes:
                if name.startswith(_BIGRAMS):
                    pairs[None].add(name[4:])
                elif name.startswith(_NEIGHBOUR_WORDS):
                    words[None].add(name.partition("=")[2])
                head, bar, rest = name.partition("|")
                if bar:  # perhaps ``convention|name``: private to the convention ``head``
                    if rest.startswith(_BIGRAMS):
                        pairs.setdefault(head, set()).add(rest[4:])
                    elif rest.startswith(_NEIGHBOUR_WORDS):
                        words.setdefault(head, set()).add(rest.partition("=")[2])
            self._named = pairs, words
        return self._named

    def _pairs_known(self, convention: str | None) -> frozenset[str]:
        known = self._known_pairs.get(convention)
        if known is None:
            pairs = self._names_by_kind()[0]
            known = self._known_pairs[convention] = frozenset(pairs[None] | pairs.get(convention, set()))
        return known

    def _lookup(self, names: Sequence[str], convention: str | None) -> list[int]:
        """The model's attribute ids of ``names`` and of their copies private to ``convention``."""
        ids = [a for a in map(self._attributes.get, names) if a is not None]
        if convention is not None:
            ids.extend(a for a in map(self._private_to(convention), names) if a is not None)
        return ids

    def _make(self, ids: list[int]) -> int:
        """The id of the group of attribute ids ``ids``, made on first sight."""
        key = tuple(sorted(ids))
        gid = self._ids.get(key)
        if gid is None:
            gid = self._ids[key] = len(self.members)
            self.members.append(key)
            self._pending.append(key)
        return gid

    def _group(self, names: Sequence[str], convention: str | None) -> int:
        return self._make(self._lookup(names, convention))

    def _fixed_group(self, name: str, convention: str | None) -> int:
        """The group of one attribute that depends on no word (an edge, a gazetteer mark)."""
        gid = self._fixed.get((convention, name))
        if gid is None:
            gid = self._fixed[(convention, name)] = self._group([name], convention)
        return gid

    def _token_groups(self, token: str, convention: str | None) -> tuple[tuple[int, ...], str, str]:
        """A token's groups (with its normalised word and its lower case), as `_Token` and
        `sentence_features` make its features: own, case when
        first / not first; as a neighbour at -2, -1, 1, 2 its word, its clusters, and at -1, 1 its
        shape (the case of the sentence decides whether that counts); and its normalised word.
        Only the own group and the neighbour-word groups are the word's alone: the case, cluster
        and shape groups are shared by every word with the same shape or clusters.

        This runs once per distinct token, which in a fresh process is most tokens of the first
        few hundred articles. So the own group's attributes are gathered from parts that many words
        share, each part's attribute ids looked up once (`_Tables`): the first three letters (``p2``,
        ``p3``), the last four (``s2`` to ``s4``), the length and character flags (``b``, ``len``,
        ``punct``, ``digit``, ``hyphen``), the clusters (``c0`` on, or ``oov``); only ``w=``
        is the word's own. A plain word's normalised form and shape skip their character loops. All
        but the case and shape groups depend on the normalised word and its flags alone, and are
        made once for every case of the word (`_word_groups`: "Jakarta", "JAKARTA")."""
        tables = self._tables.get(convention)
        if tables is None:
            tables = self._tables[convention] = _Tables(self._attributes.get, self._private_to(convention)
                                                        if convention is not None else None)
        lower = token.lower()
        plain = lower.isalpha()  # no digit to fold: `normalise_word` is the lower-cased token
        w = lower if plain else _DIGITS.sub("0", lower)
        if plain and token.isascii():  # every character is a capital or a small letter
            if token.islower():
                shape, upper = "x", False
            elif token.isupper():
                shape, upper = "X", len(token) > 1
            else:
                shape, upper = ("Xx" if token[0].isupper() and token[1:].islower() else word_shape(token)), False
        else:
            shape, upper = word_shape(token), token.isupper() and len(token) > 1
        group = self._group
        # `title` (the first character a capital) is the shape's first class
        shaped = tables.shaped.get((shape, upper))
        if shaped is None:
            title = shape[0] == "X"
            tail = ["upper"] if upper else []
            shaped = tables.shaped[(shape, upper)] = (
                group(["sh=" + shape, *(["title0"] if title else []), *tail], convention),
                group(["sh=" + shape, *(["title"] if title else []), *tail], convention),
                group([f"-1sh={shape}"], convention),
                group([f"1sh={shape}"], convention),
            )
        size = min(len(token), 8)
        flags = (size, False, False, False) if plain else (
            size, not token[0].isalnum(), any(ch.isdigit() for ch in token), "-" in token)
        # the rest depends on the normalised word and the flags alone: the same for "Jakarta" and
        # "JAKARTA", for "2025" and "1998"
        shared = tables.by_word.get((w, flags))
        if shared is None:
            shared = tables.by_word[(w, flags)] = self._word_groups(tables, w, flags, convention)
        return (shared[0], shaped[0], shaped[1], *shared[1:], shaped[2], shaped[3]), w, lower

    def _word_groups(self, tables: _Tables, w: str, flags: tuple[int, bool, bool, bool],
                     convention: str | None) -> tuple[int, ...]:
        """`_token_groups` of a normalised word with its flags, less the case groups: own; neighbour
        words at -2, -1, 1, 2; clusters at -2, -1, 1, 2."""
        group = self._group
        c = self.clusters.get(w)
        if c is None:
            far = near = (0, 0)
            clusters = tables.oov
        else:
            known = tables.by_clusters.get(c)
            if known is None:
                # what the word's clusters add as a neighbour: at -2 and 2 the middle one (256 of
                # them), at -1 and 1 the middle and the finest (a few thousand pairs)
                far = tables.far.get(c[1])
                if far is None:
                    far = tables.far[c[1]] = (group([f"-2c1={c[1]}"], convention),
                                              group([f"2c1={c[1]}"], convention))
                near = tables.near.get(c[1:])
                if near is None:
                    near = tables.near[c[1:]] = (group([f"-1c1={c[1]}", f"-1c2={c[2]}"], convention),
                                                 group([f"1c1={c[1]}", f"1c2={c[2]}"], convention))
                clusters = []
                for k, cluster in enumerate(c):
                    ids = tables.cluster_ids.get((k, cluster))
                    if ids is None:
                        ids = tables.cluster_ids[(k, cluster)] = tables.ids([f"c{k}={cluster}"])
                    clusters += ids
                known = tables.by_clusters[c] = (clusters, far, near)
            clusters, far, near = known
        words = tables.worded.get(w)
        if words is None:  # the same for every case of the word ("Jakarta", "JAKARTA")
            words = (0, 0, 0, 0)  # most words have no neighbour attribute of their own
            if w in self._neighbour_words(convention):
                one, make = tables.one, self._make
                words = ((make(ids) if (ids := one("-2w=" + w)) else 0), (make(ids) if (ids := one("-1w=" + w)) else 0),
                         (make(ids) if (ids := one("1w=" + w)) else 0), (make(ids) if (ids := one("2w=" + w)) else 0))
            tables.worded[w] = words
        head = w[:3]
        prefix = tables.prefixes.get(head)
        if prefix is None:
            prefix = tables.prefixes[head] = tables.ids(["p2=" + head[:2], "p3=" + head])
        end = w[-4:]
        suffix = tables.suffixes.get(end)
        if suffix is None:
            suffix = tables.suffixes[end] = tables.ids(["s2=" + end[-2:], "s3=" + end[-3:], "s4=" + end])
        flagged = tables.flagged.get(flags)
        if flagged is None:
            size = flags[0]
            flagged = tables.flagged[flags] = tables.ids(
                ["b", f"len={size}", *(name for name, on in zip(_FLAGS, flags[1:], strict=True) if on)])
        own = tables.one("w=" + w)
        own += prefix
        own += suffix
        own += flagged
        own += clusters
        return (self._make(own), *words, far[0], near[0], near[1], far[1])

    def _neighbour_words(self, convention: str | None) -> frozenset[str]:
        """The words that have a neighbour attribute (``-2w=``, ``-1w=``, ``1w=``, ``2w=``) in the
        model, shared or private to ``convention``: found once, they spare every other word the
        lookups of its four."""
        known = self._neighbours.get(convention)
        if known is None:
            words = self._names_by_kind()[1]
            known = self._neighbours[convention] = frozenset(words[None] | words.get(convention, set()))
        return known

    def encode(self, sentences: Sequence[tuple[Sequence[str], str | None]],
               gazetteer: LabelledNames | None = None) -> np.ndarray:
        """``(tokens, GROUPS_PER_TOKEN)`` group ids for the tokens of all ``sentences`` (each a
        token list and a convention), one after the other; each token's groups hold the same
        attributes as ``sentence_features(tokens, clusters, convention, gazetteer)`` gives it.

        Python touches each token once (a cached tuple: its groups, normalised word, whether it
        has a capital, its lower case for the gazetteer); the word pairs and gazetteer marks are
        looked up per sentence; where a token's neighbours and sentence edges come in is worked
        out with numpy for the batch."""
        rows: list[int] = []  # token numbers
        lengths: list[int] = []
        cased: list[bool] = []
        edges: list[tuple[int, ...]] = []
        marks: dict[int, tuple[int, int, int]] = {}
        pair_ids: dict[int, tuple[int, int]] = {}
        fixed = self._fixed_group
        edge_groups: dict[str | None, tuple[int, ...]] = {}  # per convention: the sentence edges' groups
        for tokens, convention in sentences:
            keyed = self._keyed.get(convention)
            if keyed is None:
                keyed = self._keyed[convention] = {}
                self._pairs[convention] = {}
            pairs = self._pairs[convention]
            known = self._pairs_known(convention)
            base = len(rows)
            infos = list(map(keyed.get, tokens))
            if None in infos:
                for j, t in enumerate(tokens):
                    if infos[j] is None:
                        info = keyed.get(t)  # a token twice in the sentence is made once
                        infos[j] = info if info is not None else keyed.setdefault(t, self._token(t, convention))
            rows.extend(map(_FIRST, infos))
            words = list(map(_SECOND, infos))
            # most word pairs have no bigram attribute: the few that do are picked out at C speed
            joined = list(map(_PAIR_OF, words, itertools.islice(words, 1, None)))
            if not known.isdisjoint(joined):
                for j, pair in itertools.compress(enumerate(joined, base + 1), map(known.__contains__, joined)):
                    p = pairs.get(pair)
                    if p is None:
                        p = pairs[pair] = (self._group(["bg-=" + pair], convention),
                                           self._group(["bg+=" + pair], convention))
                    pair_ids[j] = p
            n = len(tokens)
            lengths.append(n)
            cased.append(any(map(_THIRD, infos)))
            edge = edge_groups.get(convention)
            if edge is None:
                edge = edge_groups[convention] = tuple(fixed(_EDGES[offset], convention) for offset in (-2, -1, 1, 2))
            edges.append(edge)
            if gazetteer is not None and n:
                for j, mark in enumerate(gazetteer.bio(list(map(_FOURTH, infos))), base):
                    if mark is not None:
                        marks[j] = (fixed("gz=" + mark, convention), fixed("-1gz=" + mark, convention),
                                    fixed("1gz=" + mark, convention))
        return _columns(self._rows(rows), lengths, cased, edges, marks, pair_ids)

    def _token(self, token: str, convention: str | None) -> tuple[int, str, bool, str]:
        """What `encode` keeps of a token: the number of its `_token_groups` row, its normalised
        word, whether it has a capital letter (the sentence's case, `_has_case`), and its lower
        case (the gazetteer's word)."""
        groups, word, lower = self._token_groups(token, convention)
        self._new_tokens.append(groups)
        number = self._token_count
        self._token_count += 1
        # on ASCII, lower-casing changes exactly the capitals
        capital = lower != token if token.isascii() else any(ch.isupper() for ch in token)
        return number, word, capital, lower

    def _rows(self, numbers: list[int]) -> np.ndarray:
        """The `_token_groups` rows of the tokens numbered ``numbers`` (the new ones stored first)."""
        if self._new_tokens:
            need = self._token_count
            start = need - len(self._new_tokens)
            if need > len(self._token_table):
                grown = np.zeros((max(need, 2 * len(self._token_table)), _TOKEN_GROUPS), dtype=np.intp)
                grown[:start] = self._token_table[:start]
                self._token_table = grown
            self._token_table[start:need] = self._new_tokens
            self._new_tokens = []
        return self._token_table.take(np.asarray(numbers, dtype=np.intp), axis=0)

    def vectors(self) -> np.ndarray:
        """One row of label scores per group id given out so far (the new ones computed here, all
        at once)."""
        if self._pending:
            need = self._ready + len(self._pending)
            if need > len(self._vectors):
                grown = np.zeros((max(need, 2 * len(self._vectors)), self._vectors.shape[1]))
                grown[: self._ready] = self._vectors[: self._ready]
                self._vectors = grown
            flat = [a for key in self._pending for a in key]
            starts = np.cumsum([0] + [len(key) for key in self._pending[:-1]])
            self._vectors[self._ready : need] = np.add.reduceat(self._state[flat], starts, axis=0)
            self._ready = need
            self._pending = []
        return self._vectors[: self._ready]


def _columns(own: np.ndarray, lengths: list[int], cased: list[bool], edges: list[tuple[int, ...]],
             marks: dict[int, tuple[int, int, int]], pair_ids: dict[int, tuple[int, int]]) -> np.ndarray:
    """The `GroupedFeatures.encode` columns from each token's own groups (``own``: a row of
    `_token_groups` per token), with numpy: the sentence edges, the neighbours' groups at each
    offset, the gazetteer marks and bigrams of the token and its neighbours, as `sentence_features`
    lays them out."""
    total = len(own)
    out = np.zeros((total, GROUPS_PER_TOKEN), dtype=np.intp)
    if not total:
        return out
    size = np.asarray(lengths, dtype=np.intp)
    first = np.repeat(np.cumsum(size) - size, size)
    pos = np.arange(total) - first
    left = np.repeat(size, size) - 1 - pos  # tokens after this one in its sentence
    has_case = np.repeat(np.asarray(cased, dtype=bool), size)
    edge = np.repeat(np.asarray(edges, dtype=np.intp).reshape(-1, 4), size, axis=0)
    out[:, 0] = own[:, 0]
    out[:, 1] = np.where(has_case, np.where(pos == 0, own[:, 1], own[:, 2]), 0)
    # the rows two before the first token and two after the last: the neighbours at each offset
    # are then views of it (what falls outside a sentence is replaced below)
    padded = np.zeros((total + 4, _TOKEN_GROUPS), dtype=np.intp)
    padded[2:-2] = own
    # a token's groups as a neighbour: words at -2, -1, 1, 2 (columns 3 to 6 of `_token_groups`),
    # clusters (7 to 10), shapes at -1, 1 (11, 12; only in a sentence with case)
    for column, (shift, enough) in enumerate(((-2, pos >= 2), (-1, pos >= 1), (1, left >= 1), (2, left >= 2))):
        neighbour = padded[2 + shift : 2 + shift + total]
        out[:, 2 + column] = np.where(enough, neighbour[:, 3 + column], edge[:, column])
        out[:, 6 + column] = np.where(enough, neighbour[:, 7 + column], 0)
        if shift in (-1, 1):
            out[:, 10 if shift == -1 else 11] = np.where(enough & has_case, neighbour[:, 11 if shift == -1 else 12], 0)
    if marks:
        at = np.fromiter(marks, dtype=np.intp, count=len(marks))
        ids = np.array(list(marks.values()), dtype=np.intp)
        out[at, 12] = ids[:, 0]
        after = at + 1 < total
        out[at[after] + 1, 13] = np.where(pos[at[after] + 1] >= 1, ids[after, 1], 0)
        before = at >= 1
        out[at[before] - 1, 14] = np.where(left[at[before] - 1] >= 1, ids[before, 2], 0)
    if pair_ids:
        at = np.fromiter(pair_ids, dtype=np.intp, count=len(pair_ids))
        ids = np.array(list(pair_ids.values()), dtype=np.intp)
        out[at, 15] = ids[:, 0]  # the pair (i - 1, i) is token i's "bg-"
        out[at - 1, 16] = ids[:, 1]  # and token i - 1's "bg+"
    return out


def read_clusters(text: str) -> dict[str, tuple[str, ...]]:
    """Parse the clusters TSV written by train/ner_clusters.py (three k-means columns) and
    train/ner_brown.py (Brown path prefixes after them). Every column is a word's own feature
    (``c0=`` …); only the k-means ones (1 and 2) are also its features as a neighbour. A model
    trained before a column existed has no attribute for it, so extra columns leave it as it was."""
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, *ids = line.split("\t")
        if len(ids) >= 3:
            table[word] = tuple(ids)
    return table
