"""Gazetteer lookup: known names of countries, cities, regions, organisations and groups.

The names live in `resources/shared/gazetteer/*.tsv` (built by `scripts/build_gazetteers.py` from open
datasets, plus the hand-made `manual.tsv`). Each entry has a canonical id ("country:RU") that every
name of the thing resolves to, in any language: that id is what lets the link stage merge "Moskow",
"Moskwa" and "Moscow", or "AS" and "United States", without string similarity.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from linimasa import resources
from linimasa.text.tokens import NAME_TOKEN

GAZETTEER_DIR = "gazetteer"
# Order matters twice: a name shared by two entries goes to the earlier file (a country beats a
# regency or a city of the same name, an Indonesian city the same city in the time-zone list), and
# `manual.tsv` comes last so that it extends entries (its entries still claim their names first).
FILES: tuple[str, ...] = ("countries.tsv", "organisations.tsv", "wilayah.tsv", "cities.tsv", "manual.tsv")
MAX_NAME_TOKENS = 9



@dataclass
class Entry:
    """One real-world thing the gazetteer knows."""

    id: str
    type: str
    preferred: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return self.preferred + self.variants


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    entry: Entry


_POSSESSIVE = re.compile(r"['’]s\.?$")
_SPACE_OR_DOT = re.compile(r"[\s.]")


_MEMO_LIMIT = 50_000
_MEMO_LONGEST = 200  # longer strings are not remembered: the memos stay small whatever the text
_NORMALISED: dict[str, str] = {}
_ACRONYMS: dict[str, bool] = {}
_V = TypeVar("_V")


def _remember(memo: dict[str, _V], compute: Callable[[str], _V], name: str) -> _V:
    """`compute(name)`, kept in `memo` unless the name is long (`_MEMO_LONGEST`); a full memo is
    emptied first (`_MEMO_LIMIT`), so it stays bounded whatever the texts. The callers look the memo
    up themselves: a hit, nearly every call, costs no call of this."""
    value = compute(name)
    if len(name) <= _MEMO_LONGEST:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[name] = value
    return value


def normalise(name: str) -> str:
    """Lookup key of a name: case, accents, hyphens, dots and spacing do not matter.

    Remembered per name (bounded): an article asks for the key of each of its mentions in several
    rules, and one that writes the same names thousands of times ("Badan Anu (BA)" × n) would
    otherwise pay for each of them every time."""
    key = _NORMALISED.get(name)
    return key if key is not None else _remember(_NORMALISED, _normalise, name)


def _normalise(name: str) -> str:
    if name.isascii():
        # Most names and surfaces: no accents to strip, and `lower` is `casefold` on ASCII. The same
        # key for a third of the time (the gazetteer normalises every name it loads).
        return " ".join(name.lower().replace("-", " ").replace(".", " ").split())
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "'").replace("-", " ").replace(".", " ")
    return re.sub(r"\s+", " ", s).strip()


def is_acronym(name: str) -> bool:
    """An all-capitals short name ("AS", "PBB", "NIIS"): matched only in exactly that case.
    Remembered per name (bounded), as `normalise` is."""
    known = _ACRONYMS.get(name)
    return known if known is not None else _remember(_ACRONYMS, _is_acronym, name)


def _is_acronym(name: str) -> bool:
    if " " in name.strip():
        return False  # most names have several words: ruled out before looking at each letter
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


class Gazetteer:
    """Names -> entries, and a longest-match scanner over text."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            if e.id in self.entries:
                known = self.entries[e.id]
                known.type = e.type or known.type
                known.preferred = _unique(e.preferred + known.preferred)
                known.variants = _unique(known.variants + e.variants)
            else:
                self.entries[e.id] = e
        self.demonyms = {}
        self.by_key: dict[str, Entry] = {}
        self.acronyms: dict[str, Entry] = {}
        # Manual entries claim their names first: they are the curated answer for ambiguous names.
        manual_first = sorted(self.entries.values(), key=lambda e: e.id not in _MANUAL_IDS)
        for e in manual_first:
            for name in e.names:
                if is_acronym(name):
                    self.acronyms.setdefault(name.replace(".", ""), e)
                else:
                    self.by_key.setdefault(normalise(name), e)
        # First words of all names: most tokens start no name, and this rules them out at once.
        self.first_words = {k.split()[0] for k in self.by_key if k}
        self._starts: dict[str, bool] = {}  # token -> whether it may start a name (see `scan`)
        self._resolved: dict[str, tuple[Entry | None, int] | None] = {}  # surface -> `_resolve`
        self._keys: tuple[dict[str, Entry], int, list[str]] | None = None  # see `_sorted_keys`
        self._looked: tuple[tuple[int, int, int, int], dict[str, Entry | None]] | None = None  # see `lookup`

    demonyms: dict[str, str]

    def lookup(self, name: str) -> Entry | None:
        """The entry a name (as written) refers to, honouring acronym case.

        Remembered per name (bounded, and forgotten when the name lists change size or are
        replaced): the settling rules look each mention up several times, and an article may write
        the same name thousands of times."""
        stamp = (id(self.by_key), len(self.by_key), id(self.acronyms), len(self.acronyms))
        memo = self._looked
        if memo is None or memo[0] != stamp or len(memo[1]) >= _MEMO_LIMIT:
            memo = self._looked = (stamp, {})
        known = memo[1]
        if name in known:
            return known[name]
        stripped = name.strip()
        if is_acronym(stripped):
            entry = self.acronyms.get(stripped.replace(".", ""))
        else:
            entry = self.by_key.get(normalise(stripped))
        if len(name) <= _MEMO_LONGEST:
            known[name] = entry
        return entry

    def scan(self, text: str, not_name_words: frozenset[str] = frozenset(),
             tokens: Sequence[tuple[Any, ...]] | None = None) -> Iterator[Match]:
        """Longest non-overlapping gazetteer names in `text`, left to right.

        A name must start with a capital letter or a digit (or be a lower-case particle such as
        "al-" before a capital), so that common words that happen to be place names do not match.
        A one-word person name ("Prabowo") does not match inside a longer capitalised name ("Edhy
        Prabowo"); capitalised words in `not_name_words` (titles: "Presiden") do not count as names.
        ``tokens`` are the `NAME_TOKEN` matches of ``text`` when the caller has found them already,
        each a tuple that starts with the match's start and end.
        """
        if tokens is None:
            tokens = [(m.start(), m.end()) for m in NAME_TOKEN.finditer(text)]
        # what a surface resolves to, and whether a token may start a name, remembered between calls:
        # runs of the same words ("A A A …", a name repeated) and the next articles ask about the
        # same surfaces again and again; bounded
        memo = self._resolved
        starts = self._starts
        i = 0
        while i < len(tokens):
            found = None
            first = text[tokens[i][0] : tokens[i][1]]
            may = starts.get(first)
            if may is None:
                if len(starts) >= 50_000:
                    starts.clear()
                may = starts[first] = self._may_start_name(first)
            if not may:
                i += 1
                continue
            for j in range(self._last_window(text, tokens, i), i, -1):
                start, end = tokens[i][0], tokens[j - 1][1]
                surface = text[start:end]
                if "\n" in surface:
                    continue
                if surface in memo:
                    resolved = memo[surface]
                else:
                    if len(memo) >= 50_000:
                        memo.clear()
                    resolved = memo[surface] = self._resolve(surface)
                if resolved is None:
                    continue
                entry, kept = resolved
                if entry is not None and entry.type == "PER" and j == i + 1 and _inside_longer_name(
                    text, tokens, i, not_name_words
                ):
                    entry = None  # "Edhy Prabowo" is not the Prabowo the gazetteer knows
                if entry is not None:
                    found = Match(start, start + kept, surface[:kept], entry)
                    break
            if found:
                yield found
                while i < len(tokens) and tokens[i][0] < found.end:
                    i += 1
            else:
                i += 1

    def _last_window(self, text: str, tokens: Sequence[tuple[Any, ...]], i: int) -> int:
        """The end (in tokens) of the longest window from token i that `scan` need resolve; the
        longer ones cannot name anything. A window that holds a line break is never a name, nor is
        any longer one. And once a window of plain (ASCII) text with a space in it normalises to
        something no name starts with, no longer window can be a name: its normalised form starts
        with that one's, and with the space inside it is no acronym. (That window itself still
        may be, once an English possessive or a full stop is cut off.) Most windows end here, at
        the second or third token, instead of nine resolved one by one."""
        top = min(len(tokens), i + MAX_NAME_TOKENS)
        start = tokens[i][0]
        keys = self._sorted_keys()
        for j in range(i + 2, top):
            surface = text[start : tokens[j - 1][1]]
            if "\n" in surface:
                return j - 1
            if not surface.isascii():
                return top
            if " " in surface:
                key = normalise(surface)
                at = bisect_left(keys, key)
                if not (at < len(keys) and keys[at].startswith(key)):
                    return j
        return top

    def _sorted_keys(self) -> list[str]:
        """`by_key`'s keys in order (made again when `by_key` has changed size or been replaced)."""
        made = self._keys
        if made is None or made[0] is not self.by_key or made[1] != len(self.by_key):
            made = self._keys = (self.by_key, len(self.by_key), sorted(self.by_key))
        return made[2]

    def _resolve(self, surface: str) -> tuple[Entry | None, int] | None:
        """The entry a window of tokens names and how many of its characters the name keeps; None
        when nothing is left once an English possessive is cut off."""
        entry = None
        possessive = _POSSESSIVE.search(surface)
        if possessive:  # "Moscow's concerns": the name without the English possessive
            surface = surface[: possessive.start()]
            if not surface:
                return None
        if surface.endswith(".") and len(_SPACE_OR_DOT.split(surface[:-1])[-1]) >= 3:
            # A sentence-final full stop is not part of the name ("... ke Afghanistan.",
            # "... di St. Petersburg."), but "U.S." keeps its dots.
            entry = self._match(surface[:-1])
            if entry is not None:
                surface = surface[:-1]
        if entry is None:
            entry = self._match(surface)
        return entry, len(surface)

    def _may_start_name(self, token: str) -> bool:
        if not _capitalised(token):
            return False
        bare = _POSSESSIVE.sub("", token)
        if is_acronym(token.rstrip(".")) or is_acronym(token) or (bare != token and is_acronym(bare)):
            return True  # "UK's", "FBI's": an acronym with an English possessive
        words = normalise(bare).split()
        return bool(words) and words[0] in self.first_words

    def _match(self, surface: str) -> Entry | None:
        if not _capitalised(surface):
            return None
        if is_acronym(surface):
            return self.acronyms.get(surface.replace(".", ""))
        return self.by_key.get(normalise(surface))


def _inside_longer_name(text: str, tokens: Sequence[tuple[Any, ...]], i: int, not_name_words: frozenset[str]) -> bool:
    """Whether token i has a capitalised neighbour on the same line that is not a title, i.e. is
    one part of a longer name that the gazetteer does not know."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(tokens):
            a, b = sorted((tokens[k], tokens[i]))
            between = text[a[1] : b[0]]
            word = text[tokens[k][0] : tokens[k][1]]
            if between == " " and word[:1].isupper() and word.casefold().rstrip(".") not in not_name_words:
                return True
    return False


def _capitalised(surface: str) -> bool:
    first = surface[0]
    if first.isupper() or first.isdigit():
        return True
    # "al-Qaeda", "el-Sisi": a lower-case Arabic article glued to a capitalised name.
    return bool(re.match(r"(al|el|ad|as|ar|an)[-‐]\w", surface)) and surface[3:4].isupper()


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        if n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


_MANUAL_IDS: set[str] = set()


def _read(name: str) -> list[Entry]:
    out = []
    for row in resources.load_tsv("shared", f"{GAZETTEER_DIR}/{name}"):
        if len(row) < 3:
            continue
        ident, typ, preferred = row[0], row[1], row[2]
        variants = row[3] if len(row) > 3 else ""
        out.append(Entry(ident, typ, [n for n in preferred.split("|") if n], [n for n in variants.split("|") if n]))
    return out


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer (cached: stages call this per article)."""
    entries: list[Entry] = []
    for name in FILES:
        rows = _read(name)
        if name == "manual.tsv":
            _MANUAL_IDS.update(e.id for e in rows)
        entries += rows
    gazetteer = Gazetteer(entries)
    gazetteer.demonyms = {row[0]: row[1] for row in resources.load_tsv("shared", f"{GAZETTEER_DIR}/demonyms.tsv")}
    return resources.keep_for_process(gazetteer)


class LabelledNames:
    """Longest-match lookup of known names (lower-cased words → PER/ORG/LOC): the NER model's
    name-list feature.

    It is a different view of names than `Gazetteer` (no canonical ids, a label per token sequence,
    built by train/ner_gazetteer.py from DBpedia and the gazetteer), kept beside it here so that the
    project has one place for name lists.

    Membership in a name list is evidence, not a decision: the CRF weighs it against context, so a
    noisy list (DBpedia's automatic one) still helps where a name was never seen in training.

    Names are kept as space-joined strings, plus the same strings sorted: whether a longer name can
    still match is a binary search for a name that starts with the words so far (its answer
    remembered). The packaged list has ~190k names, and building a tuple and every proper prefix of
    each (as this class once did) cost half a second of every run's start, for the same matches.
    """

    def __init__(self, names: Mapping[tuple[str, ...], str]) -> None:
        self._index({" ".join(key): label for key, label in names.items()})

    @classmethod
    def _from_joined(cls, names: dict[str, str]) -> LabelledNames:
        """An index over names already space-joined (what the TSV holds): no tuples built at all."""
        labelled = cls({})
        labelled._index(names)
        return labelled

    def _index(self, names: dict[str, str]) -> None:
        self._sorted = sorted(names)
        # the label of each name in `_sorted`, one string object per label: the index is read back
        # from the user's cache every run, and a dict of the 190k names (each label its own copy)
        # cost 85 ms of that, where this list of three shared strings costs next to nothing
        one = {label: label for label in set(names.values())}
        self._labels = [one[names[name]] for name in self._sorted]
        # where the names that start with each two characters lie in `_sorted`: a search of a key
        # of two characters or more looks there only (a few hundred names, not 190k), and a key no
        # name shares its first two characters with needs none. The searches of new words were most
        # of `bio`'s cost in a run, each comparison a read of a string scattered in memory.
        spans: dict[str, tuple[int, int]] = {}
        for at, head in enumerate(name[:2] for name in self._sorted):
            first = spans.setdefault(head, (at, at + 1))[0]
            spans[head] = (first, at + 1)
        self._spans = spans
        # Per key (words joined so far) its label and whether a longer name starts with it, found by
        # two binary searches and remembered: news repeats its words, and a lookup in this dict
        # costs a tenth of the searches (it grows with the vocabulary seen, not the list). Filled
        # as text is tagged rather than up front, where it would cost a fifth of a second.
        self._known: dict[str, tuple[str | None, bool]] = {}

    def remember(self, words: Iterable[str]) -> None:
        """Answer each of ``words`` now (`_answer`), so that a copy of this index kept in a cache
        holds the answers: a run's first sight of a word costs two binary searches among names
        scattered in memory, and news' frequent words (the NER clusters file's) are most of a
        run's first sights. The answers are the ones `bio` would find: no mark changes."""
        known, answer = self._known, self._answer
        for word in words:
            if word not in known:
                answer(word)

    def __getstate__(self) -> dict[str, object]:
        """The remembered answers as the words with no name (most: read back as one
        `dict.fromkeys` of `_NO_NAME`, the object `bio` tests for) and the others."""
        state = dict(self.__dict__)
        known: dict[str, tuple[str | None, bool]] = state.pop("_known")
        state["_no_name"] = [key for key, value in known.items() if value == _NO_NAME]
        state["_some_name"] = {key: value for key, value in known.items() if value != _NO_NAME}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        state = dict(state)
        no_name = state.pop("_no_name")
        some_name = state.pop("_some_name")
        self.__dict__.update(state)
        self._known = dict.fromkeys(no_name, _NO_NAME)  # type: ignore[call-overload]
        self._known.update(some_name)  # type: ignore[call-overload]

    @property
    def _names(self) -> dict[str, str]:
        """The names, space-joined, with their labels (built on demand: only inspection needs it)."""
        return dict(zip(self._sorted, self._labels, strict=True))

    def _answer(self, key: str) -> tuple[str | None, bool]:
        """``key``'s label (None when it is no listed name) and whether a longer listed name starts
        with it, remembered; `_NO_NAME` itself for neither, which most words are."""
        ordered = self._sorted
        # the names that start with ``key`` lie among those that share its first two characters
        low, size = self._spans.get(key[:2], _NOWHERE) if len(key) >= 2 else (0, len(ordered))
        at = bisect_left(ordered, key, low, size)
        label = None
        if at < size and ordered[at] == key:
            label = self._labels[at]
            at += 1
        # `at` is now the first name after ``key``: the first at or after ``key + " "`` unless names
        # that are ``key`` and a character below the space come between (rare: search for it then)
        if at < size and ordered[at] < key + " ":
            at = bisect_left(ordered, key + " ", at, size)
        more = at < size and ordered[at].startswith(key + " ")
        answer = (label, True) if more else (label, False) if label is not None else _NO_NAME
        self._known[key] = answer
        return answer

    @property
    def names(self) -> dict[tuple[str, ...], str]:
        """The names as word tuples (built on demand: only inspection needs them)."""
        return {tuple(k.split(" ")): v for k, v in self._names.items()}

    def bio(self, words: Sequence[str]) -> list[str | None]:
        """Per token: ``B-LABEL``/``I-LABEL`` of the longest listed name covering it, else None."""
        if " " in "".join(words):
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
        known, answer = self._known, self._answer
        n = len(words)
        i = 0
        while i < n:
            key = words[i]
            # one lookup answers most words: no name is the word alone, none starts with it
            first = known.get(key)
            if first is None:
                first = answer(key)
            if first is _NO_NAME:
                i += 1
                continue
            label, more = first
            best_end, best_label = (i + 1, label) if label is not None else (0, "")
            end = i + 1
            while more and end < n:  # a longer name starts with these words: try the next one
                key = key + " " + words[end]
                end += 1
                step = known.get(key)
                if step is None:
                    step = answer(key)
                label, more = step
                if label is not None:
                    best_end, best_label = end, label
            if best_end:
                marks[i] = "B-" + best_label
                for j in range(i + 1, best_end):
                    marks[j] = "I-" + best_label
                i = best_end
            else:
                i += 1
        return marks


_NOWHERE = (0, 0)
"""`LabelledNames._answer`'s range to search for a key whose first two characters start no name."""

_NO_NAME: tuple[str | None, bool] = (None, False)
"""`LabelledNames.bio`'s answer for most words (no name is the word alone, none starts with it),
one object, so that the test is one identity check."""


def read_labelled_names(text: str) -> LabelledNames:
    """Parse the ``name<TAB>label`` TSV written by train/ner_gazetteer.py (names lower-cased, space-joined)."""
    names = _read_plain_tsv(text)
    if names is not None:
        return LabelledNames._from_joined(names)
    names = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, label = line.rpartition("\t")
        if name and label:
            names[name] = label
    return LabelledNames._from_joined(names)


def _read_plain_tsv(text: str) -> dict[str, str] | None:
    """The same mapping as the line-by-line parse, built by C-level splits for a file that is only
    leading ``#`` lines then one ``name<TAB>label`` per line (what the trainer writes): a quarter of
    the time for the packaged 190k names. None when the text has any other shape."""
    while text.startswith("#"):
        text = text.partition("\n")[2]
    body = text.removesuffix("\n")
    if not body or any(bad in body for bad in _ODD_LINES):
        return None  # blank or comment lines inside, empty fields, or other line breaks splitlines() sees
    if body.startswith("\t") or body.endswith("\t") or body.count("\t") != body.count("\n") + 1:
        return None  # not one tab per line on average
    if _TWO_TABS.search(body):
        # Some line has two tabs, so (the counts being equal) another has none: pairing the fields
        # in order would shift every name after it onto the wrong label.
        return None
    fields = iter(body.replace("\t", "\n").split("\n"))
    return dict(zip(fields, fields, strict=True))


# What makes the fast parse give up: blank or comment lines after the header, empty fields, and
# every line break `str.splitlines` knows besides "\n".
_TWO_TABS = re.compile(r"\t[^\t\n]*\t")
_ODD_LINES = ("\r", "\n\n", "\n#", "\t\n", "\n\t", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
