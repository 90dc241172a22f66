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
`str.lower` does not turn into it (İ, ı, ſ, the Kelvin sign) is never filtered.
"""

from __future__ import annotations

import functools
import re
from re import _constants as C  # the parse tree's node kinds (internal, in every Python 3.11+)
from re import _parser as P
from typing import Any

Clauses = tuple[frozenset[str], ...]

MAX_LEADS = 256
"""Alternatives a clause may hold; a wider alternation requires nothing (the test would cost more)."""

UNFOLDED = re.compile("[\u0130\u0131\u017f\u212a]")
"""Characters that case-insensitive matching takes for i, s or k, and that `str.lower` leaves alone or
turns into something else."""


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


@functools.lru_cache(maxsize=1024)
def required(pattern: str, flags: int) -> Clauses:
    """The clauses every match of `pattern` satisfies (none when nothing literal is required)."""
    try:
        tree = P.parse(pattern, flags)
    except Exception:  # a parser this code does not know: require nothing, filter nothing
        return ()
    try:
        found = [c for c in _clauses(tree) if c]
    except Exception:
        return ()
    return tuple(sorted(set(found), key=len))  # each once, the narrowest (cheapest to test) first


class Lowered:
    """A text as the clauses are tested against it, with each clause's answer kept: the rules of a
    language share most of their clauses (a month name, a weekday, a unit)."""

    def __init__(self, text: str) -> None:
        # None: a character the test could get wrong, so nothing is filtered
        self.low = None if UNFOLDED.search(text) else text.lower()
        self.known: dict[frozenset[str], bool] = {}

    def has(self, clause: frozenset[str]) -> bool:
        got = self.known.get(clause)
        if got is None:
            low = self.low
            assert low is not None
            got = self.known[clause] = any(s in low for s in clause)
        return got


def may_match(regex: re.Pattern[str], text: Lowered) -> bool:
    """False only when `regex` cannot match the text."""
    if text.low is None:
        return True
    return all(text.has(c) for c in required(regex.pattern, regex.flags))
