"""The token and word patterns every stage uses, in one place.

Stages tokenise for different purposes, and the patterns differ on purpose: the NER model needs
every character covered (`TOKEN`, what it was trained on), the gazetteer needs names with their
inner dots and hyphens (`NAME_TOKEN`), the tense and cue rules need letter-only words (`WORD`,
`LETTER_RUN`). What must not happen is each stage writing its own slightly different copy of one of
them, so they live here and nowhere else.
"""

from __future__ import annotations

import re

# Order matters: longer, more specific shapes first so "U.S." or "Rp1.500" are not torn apart.
# The e-mail's local part (at most 64 characters, as RFC 5321 has it) and the domain's labels are
# bounded: unbounded, each is tried from every token start of a long run such as "Dr.Dr.Dr…" or
# "ab.ab.ab…", which makes tokenising quadratic in the run's length.
TOKEN = re.compile(
    r"""
    https?://[^\s<>"']+            # URLs
  | [\w.+-]{1,64}+@[\w-]+(?:\.[\w-]+)+  # e-mail addresses
  | \w++(?:\.[a-z]{2,}){1,10}(?![\w.])  # domain names: kompas.com, detik.co.id
  | (?:[^\W\d_]\.){2,}             # dotted initialisms: U.S., S.H.
  | \d+(?:[.,:/]\d+)+              # numbers with separators: 1.500,25  20:30  17/8  Rp1,5
  | \w+(?:[-'’]\w+)*               # words, keeping reduplication (anak-anak) and PDI-P, O'Neil
  | \S                             # any other single visible character
    """,
    re.VERBOSE,
)
"""Tokens of running text for the NER model (and the sentence splitter, which must agree with it).

The e-mail and domain branches take their leading run possessively (`{1,64}+`, `\\w++`): what must come
next ("@", ".") is never a character of that run, so giving characters back cannot make them match,
and not trying spares two backtracking walks over every word of the text (a tenth of tokenising)."""

NAME_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?", re.UNICODE)
"""A word of a name as the gazetteer and the entity rules see it: "St.", "U.S.", "al-Assad"."""

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word of letters, keeping inner apostrophes and hyphens ("anak-anak", "O'Neil")."""

LETTER_RUN = re.compile(r"[^\W\d_]+")
"""A run of letters: what a word list lookup (cue words, function words) compares."""

LETTER = re.compile(r"[^\W\d_]")
"""One letter, in any script: enough of them tells that a text has something to read."""

WHITESPACE_WORD = re.compile(r"\S+")
"""A word as a layout test counts it: anything between spaces."""


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character offsets ``(start, end)`` of every `TOKEN` of ``text``."""
    if not text:
        return []
    return [m.span() for m in TOKEN.finditer(text)]


def tokenize_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The `TOKEN` offsets inside ``text[start:end]`` (offsets into ``text``): the tokens of one sentence."""
    return [m.span() for m in TOKEN.finditer(text, start, end)]


__all__ = ["LETTER", "LETTER_RUN", "NAME_TOKEN", "TOKEN", "WHITESPACE_WORD", "WORD", "tokenize", "tokenize_span"]
