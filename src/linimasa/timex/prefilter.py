"""Which tagging rules cannot match a text at all, told from the words every match of a rule contains.

Tagging runs each of a language's fifty-odd rules over the whole text, and a rule's regular expression
costs about as much where it fails as where it matches: it is tried at every word. Most rules need a
word that a given article does not contain ("abad", "kuartal", "musim", a weekday in brackets), and a
substring test over the lower-cased text is far cheaper than the rule. `required` reads a compiled
pattern's parse tree for the literal text any match must contain, as clauses (at least one string of
each clause occurs in every match); `may_match` tests them against a `Lowered` text. A rule skipped
this way is one whose regular expression finds nothing in the text, so the candidates are the same.

Sound by construction: only what a match cannot do without is required (a repetition that may run
zero times, a lookaround, a back reference and any class of characters require nothing), and a text
with a character that Python's case-insensitive matching equates with an ASCII letter but that
`str.lower` does not turn into it (İ, ı, ſ, the Kelvin sign) is lowered with that character as the
letter (`FOLDED`, `linimasa.text.case`).

A rule that may match is then tried only where its matches can begin (`start_keys`, `Starts`,
`finditer`, below): the same matches as its own scan of the whole text, for about half the stage's
cost (`bench/timex_scan.py`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping
from re import _constants as C  # the parse tree's node kinds (internal, in every Python 3.11+)
from re import _parser as P
from typing import Any

# FOLDED and UNFOLDED: what the lowered text folds (`Lowered`), defined with the entities stage's use of it
from linimasa.text.case import FOLDED as FOLDED
from linimasa.text.case import UNFOLDED as UNFOLDED
from linimasa.text.case import lower_as_ignorecase

Clauses = tuple[frozenset[str], ...]

MAX_LEADS = 256
"""Alternatives a clause may hold; a wider alternation requires nothing (the test would cost more)."""



def _leads(items: Any) -> set[str] | None:
    """The literal text a match of the node sequence `items` starts with, one string per way it can
    start ("" where it can start with something not literal); None when there are too many."""
    out = {""}
    for op, av in items:
        if op is C.LITERAL and av < 128:
            out = {s + chr(av).lower() for s in out}
            continue
        if op is C.SUBPATTERN:
            inner = _leads(av[3])
        elif op is C.BRANCH:
            inner = set()
            for alt in av[1]:
                got = _leads(alt)
                if got is None:
                    return None
                inner |= got
        else:
            return out
        if inner is None:
            return None
        out = {s + t for s in out for t in inner}
        if len(out) > MAX_LEADS:
            return None
        if "" in inner or not _complete(op, av):
            return out  # what follows may not be literal: the leads end here
    return out


def _complete(op: Any, av: Any) -> bool:
    """Whether every way through a group or alternation is literal to its end (so that the literal
    text after it joins its leads)."""
    items = [av[3]] if op is C.SUBPATTERN else av[1]
    return all(all(o is C.LITERAL and a < 128 for o, a in seq) for seq in items)


def _clauses(items: Any) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    i = 0
    items = list(items)
    while i < len(items):
        op, av = items[i]
        if op in (C.LITERAL, C.SUBPATTERN, C.BRANCH):
            # a run of literals and the groups or alternations it opens: their leads
            j = i
            while j < len(items) and items[j][0] is C.LITERAL and items[j][1] < 128:
                j += 1
            if j > i and (j == len(items) or items[j][0] not in (C.SUBPATTERN, C.BRANCH)):
                out.append(frozenset(["".join(chr(a).lower() for _, a in items[i:j])]))
                i = j
                continue
            leads = _leads(items[i:j + 1])
            if leads and "" not in leads:
                out.append(frozenset(leads))
            if j < len(items) and items[j][0] is C.SUBPATTERN:
                out.extend(_clauses(items[j][1][3]))
            i = j + 1
            continue
        if op is C.ATOMIC_GROUP:
            out.extend(_clauses(av))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            out.extend(_clauses(av[2]))
        i += 1
    return out


Analysis = tuple[Clauses, frozenset[str] | None]

_SEEDED: dict[tuple[str, int], Analysis] = {}
"""`_analysed` answers read back from the cache by `seed`, by (pattern, flags)."""


def seed(analysis: Mapping[tuple[str, int], Analysis]) -> None:
    """Have `_analysed` answer for these (pattern, flags) with what an earlier process found (a
    language's rules, read back from the user's cache by `linimasa.timex.lexicon`) instead of parsing
    each pattern again: about 40 ms of a run's start for the Indonesian rules. A pattern not seeded is
    only analysed as before."""
    _SEEDED.update(analysis)


def _analysed(pattern: str, flags: int) -> Analysis:
    """`_analyse`, or its answer `seed` read back."""
    got = _SEEDED.get((pattern, flags))
    return got if got is not None else _analyse(pattern, flags)


def analyse(pattern: str, flags: int) -> Analysis:
    """What `required` and `start_keys` read from a pattern (for `seed`'s cache)."""
    return _analyse(pattern, flags)


@functools.lru_cache(maxsize=1024)
def _analyse(pattern: str, flags: int) -> Analysis:
    """(`required`, `start_keys`) of a pattern, from one parse of it: parsing a rule's pattern (a long
    alternation of month names, numbers in words) is most of what either costs, and every rule of a
    language is asked both on its first article."""
    try:
        tree = P.parse(pattern, flags)
    except Exception:  # a parser this code does not know: require nothing, filter nothing, scan
        return (), None
    return _required(tree), _start_keys(tree)


def required(pattern: str, flags: int) -> Clauses:
    """The clauses every match of `pattern` satisfies (none when nothing literal is required)."""
    return _analysed(pattern, flags)[0]


def _required(tree: Any) -> Clauses:
    try:
        found = [c for c in _clauses(tree) if c]
    except Exception:
        return ()
    return tuple(sorted(set(found), key=len))  # each once, the narrowest (cheapest to test) first


class Lowered:
    """A text as the clauses are tested against it, with each clause's answer kept: the rules of a
    language share most of their clauses (a month name, a weekday, a unit)."""

    def __init__(self, text: str) -> None:
        # (None, never set here now: a text the test could get wrong, so nothing is filtered)
        self.low: str | None = lower_as_ignorecase(text)
        self.known: dict[frozenset[str], bool] = {}
        self.starts: Starts | None = None  # filed on the first rule that needs it

    def has(self, clause: frozenset[str]) -> bool:
        got = self.known.get(clause)
        if got is None:
            low = self.low
            assert low is not None
            got = self.known[clause] = any(s in low for s in clause)
        return got


def may_match(regex: re.Pattern[str], text: Lowered) -> bool:
    """False only when `regex` cannot match the text."""
    return may_match_pattern(regex.pattern, regex.flags, text)


def may_match_pattern(pattern: str, flags: int, text: Lowered) -> bool:
    """`may_match` of the pattern ``pattern`` compiled with ``flags``, without compiling it."""
    if text.low is None:
        return True
    return all(text.has(c) for c in _analysed(pattern, flags)[0])  # `required`, one call less


# ------------------------------------------------------------------------------------------------
# Where a rule can start
#
# Every rule begins with "not after a letter or digit" (`(?<!\w)`), so Python's `re` tries the rule at
# every position of the text, and that scan, not the matches, is most of tagging's cost. A rule's parse
# tree tells how its matches can begin: the first `KEY_LEN` characters, lower-cased, with every decimal
# digit as "#" ("jan" for "januari", "#" then anything for "\d{1,2}"). `Starts` files the word starts of a
# text by those keys once, and `finditer` tries a rule only where one of its keys begins, in order,
# each try where the last match ended or later: the matches `Pattern.finditer` reports, found with a
# few anchored tries instead of a scan. A rule whose beginning the tree does not tell (a class of
# letters, any character, a match that may be empty) is scanned as before.

KEY_LEN = 3
"""Characters a start key holds: 3 cost a tenth less than 2 and 4 on the dev raw articles (a third
letter tells "mar" from "mas", a fourth adds more keys than it saves)."""

MAX_KEYS = 512
"""Keys a rule may have; a rule with more is scanned as before."""

_LOOKBEHIND = repr(P.parse(r"(?<!\w)", re.IGNORECASE)[0])  # parse nodes compare by identity
_SMALL_CLASS = 64  # characters a class at the start may hold (a range of digits, "[’']")


class _Unknown(Exception):
    """A node whose first characters the key scheme cannot tell."""


def _norm(c: str) -> str:
    return "#" if c.isdecimal() else c.lower()


def _literal(code: int) -> str:
    c = chr(code)
    if code >= 128 and c.lower() != c.upper():
        raise _Unknown  # a non-ASCII letter: case-insensitive matching may equate it with others
    return _norm(c)


def _class(items: Any) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(_literal(av))
        elif op is C.RANGE and av[1] - av[0] < _SMALL_CLASS:
            out.update(_literal(code) for code in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.add("#")
        else:
            raise _Unknown  # a negated class, a class of letters or spaces: too many keys
    return out


def _cut(strings: set[str]) -> set[str]:
    return {s[:KEY_LEN] for s in strings}


def _seq(items: Any) -> tuple[set[str], set[str]]:
    """(whole, cut) for a node sequence: `whole` holds the strings a match of it can be in full (up to
    `KEY_LEN` characters), `cut` the beginnings after which something unknown follows."""
    whole, cut = {""}, set()
    for op, av in items:
        if not whole:
            break
        w, c = _node(op, av)
        cut |= _cut({a + b for a in whole for b in c})
        joined = {a + b for a in whole for b in w}
        cut |= {s[:KEY_LEN] for s in joined if len(s) >= KEY_LEN}
        whole = {s for s in joined if len(s) < KEY_LEN}
        if len(whole) + len(cut) > MAX_KEYS:
            raise _Unknown
    return whole, cut


def _node(op: Any, av: Any) -> tuple[set[str], set[str]]:
    try:
        if op is C.LITERAL:
            return {_literal(av)}, set()
        if op is C.IN:
            return _class(av), set()
    except _Unknown:
        return set(), {""}  # after a first key character, any character: the key ends there
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return {""}, set()  # takes no text; leaving the test out only adds candidates
    if op is C.SUBPATTERN:
        return _seq(av[3])
    if op is C.ATOMIC_GROUP:
        return _seq(av)
    if op is C.BRANCH:
        whole: set[str] = set()
        cut: set[str] = set()
        for alt in av[1]:
            w, c = _seq(alt)
            whole |= w
            cut |= c
        return whole, cut
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        w, c = _seq(sub)
        if hi == 1:
            return (w | {""}) if lo == 0 else w, c
        # more than one repetition: what one repetition is in full may go on with another
        return ({""} if lo == 0 else set()) | ({""} & w), c | (w - {""})
    return set(), {""}


def start_keys(pattern: str, flags: int) -> frozenset[str] | None:
    """The keys (see `Starts`) one of which begins every match of `pattern`; None when they cannot be
    told. Only for a pattern that starts with `(?<!\\w)`: the keys are looked up at word starts."""
    return _analysed(pattern, flags)[1]


def _start_keys(parsed: Any) -> frozenset[str] | None:
    tree = list(parsed)
    if not tree or repr(tree[0]) != _LOOKBEHIND:
        return None
    try:
        whole, cut = _seq(tree[1:])
    except (_Unknown, RecursionError):
        return None
    keys = whole | cut
    if "" in keys or not keys or any(k[0].isspace() for k in keys):
        return None  # a match may be empty, or may begin with something unknown (or white space, not filed)
    return frozenset(keys)


WORD_START = re.compile(r"(?<!\w)\S")  # `start_keys` gives no key that begins with white space
DIGIT = re.compile(r"\d")


class Starts:
    """The positions of a text not after a word character, filed by their key: the first `KEY_LEN`
    characters, lower-cased, every decimal digit as "#" (fewer at the end of the text)."""

    def __init__(self, text: str, low: str) -> None:
        keyed = DIGIT.sub("#", low)
        by_key: dict[str, list[int]] = {}
        get = by_key.get
        for m in WORD_START.finditer(text):  # the text's own characters: `str.lower` keeps the length, not `\w`
            p = m.start()
            k = keyed[p : p + KEY_LEN]
            got = get(k)
            if got is None:
                by_key[k] = [p]
            else:
                got.append(p)
        self.by_key = by_key
        self.sorted_keys: list[str] | None = None
        self.merged: dict[str, list[int]] = {}  # a shorter key: its positions and those of the keys it begins
        self.found: dict[frozenset[str], list[int]] = {}  # rules share their keys (a weekday, a month)

    def _under(self, key: str) -> list[int]:
        """The positions of a shorter `key` and of every key that begins with it."""
        got = self.merged.get(key)
        if got is None:
            if self.sorted_keys is None:
                self.sorted_keys = sorted(self.by_key)  # the keys that begin with one are side by side
            keys = self.sorted_keys
            got = []
            for i in range(bisect.bisect_left(keys, key), len(keys)):
                if not keys[i].startswith(key):
                    break
                got.extend(self.by_key[keys[i]])
            self.merged[key] = got
        return got

    def positions(self, keys: frozenset[str]) -> list[int]:
        """Where a match that begins with one of `keys` can begin, in text order."""
        got = self.found.get(keys)
        if got is None:
            ps: list[int] = []
            for k in keys:
                ps.extend(self.by_key.get(k, ()) if len(k) == KEY_LEN else self._under(k))
            got = self.found[keys] = sorted(set(ps))
        return got


def finditer(regex: re.Pattern[str], text: str, low: Lowered) -> Any:
    """The matches of `regex.finditer(text)`, tried only where the text has one of its start keys."""
    keys = _analysed(regex.pattern, regex.flags)[1] if low.low is not None and len(low.low) == len(text) else None
    if keys is None:
        yield from regex.finditer(text)
        return
    if low.starts is None:
        low.starts = Starts(text, low.low)  # type: ignore[arg-type]
    end = 0
    match = regex.match
    for p in low.starts.positions(keys):
        if p < end:
            continue
        m = match(text, p)
        if m is not None:
            yield m
            end = m.end()
