"""Tokens and sentences for the NER model, with character offsets into the original text.

The recogniser works on sentences because the model was trained on sentences: a whole article as one
sequence would be slow (the CRF is linear in length but Python feature building is not free) and
would let labels leak across sentence boundaries. Offsets are kept throughout so a mention can be
cut out of the caller's text exactly.
"""

from __future__ import annotations

import re
from importlib import resources

# Order matters: longer, more specific shapes first so "U.S." or "Rp1.500" are not torn apart.
_TOKEN = re.compile(
    r"""
    https?://[^\s<>"']+            # URLs
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+   # e-mail addresses
  | \w+(?:\.[a-z]{2,})+(?![\w.])   # domain names: kompas.com, detik.co.id
  | (?:[^\W\d_]\.){2,}             # dotted initialisms: U.S., S.H.
  | \d+(?:[.,:/]\d+)+              # numbers with separators: 1.500,25  20:30  17/8
  | \w+(?:[-'’]\w+)*               # words, keeping reduplication (anak-anak) and PDI-P, O'Neil
  | \S                             # any other single visible character
    """,
    re.VERBOSE,
)


def _read_abbreviations() -> frozenset[str]:
    text = (resources.files("linimasa.entities") / "model" / "abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# Abbreviations after which a full stop does not end a sentence ("dr.", "Jl.", "Mr.").
_ABBREVIATIONS = _read_abbreviations()
_CLOSERS = frozenset("\"'”’)]")

# A sentence longer than this is cut: odd input (lists, tables, text without punctuation) must not
# produce one huge sequence.
MAX_SENTENCE_TOKENS = 150


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character offsets ``(start, end)`` of every token of ``text``."""
    if not text:
        return []
    return [m.span() for m in _TOKEN.finditer(text)]


def _ends_sentence(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    start, end = spans[i]
    token = text[start:end]
    if token in ("!", "?"):
        return True
    if token != ".":
        # A dotted initialism ("U.S.") at the end of a sentence is not worth the ambiguity.
        return False
    if i == 0:
        return False
    prev_start, prev_end = spans[i - 1]
    previous = text[prev_start:prev_end]
    if prev_end == start:
        if previous.lower() in _ABBREVIATIONS:
            return False
        if len(previous) == 1 and previous.isalpha():
            return False  # an initial: "B. J. Habibie"
    return True


def sentence_spans(text: str) -> list[list[tuple[int, int]]]:
    """Group the tokens of ``text`` into sentences (lists of token offsets).

    A sentence ends at a line break, at ``!``/``?``, or at a full stop that is not part of an
    abbreviation or an initial; closing quotes and brackets right after the stop stay with it.
    """
    spans = tokenize(text)
    sentences: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pending_end = False
    for i, span in enumerate(spans):
        if current:
            gap = text[current[-1][1] : span[0]]
            token = text[span[0] : span[1]]
            closer_continues = pending_end and token in _CLOSERS and gap == ""
            if "\n" in gap or (pending_end and not closer_continues) or len(current) >= MAX_SENTENCE_TOKENS:
                sentences.append(current)
                current = []
                pending_end = False
        current.append(span)
        if _ends_sentence(text, spans, i):
            pending_end = True
    if current:
        sentences.append(current)
    return sentences


__all__ = ["MAX_SENTENCE_TOKENS", "sentence_spans", "tokenize"]
