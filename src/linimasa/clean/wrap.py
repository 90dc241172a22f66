"""Hard-wrapped text: paragraphs broken into lines at a fixed width, rejoined before classification.

Wire copy saved from a terminal, an e-mail or some print views breaks every paragraph at about the same
column, mid-sentence. Line by line such a paragraph looks like a menu (short pieces without end
punctuation) or a headline, and the layout rules drop it. The page's wrap width is measured from its
own lines (lines ending mid-sentence whose next line goes on in lower case, of similar length), and
chains of lines that continue each other are joined into one logical line. A chain is only joined when
one of its lines reaches the wrap width, so a menu or a list of short items is never glued together.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from linimasa.clean.shape import last_char

WRAP_MIN_EVIDENCE = 2
"""Full lines ending mid-sentence at about the same width, each continued by another full line that
opens in lower case, that make a page hard-wrapped (a short wire story has two or three)."""

WIDTH_BAND = 0.75
"""A wrapped line is at least this share of the wrap width long (the next word did not fit)."""

MIN_WIDTH, MAX_WIDTH = 40, 120
"""Wrap widths seen in practice (terminal and e-mail copy: 60-80 columns); outside them lines of
similar length are a coincidence."""

MIN_EVIDENCE_SHARE = 0.5
"""Share of the continued lines that must fall in one width band: broken-around-a-link lines have
any length, wrapped ones cluster."""


@dataclass(frozen=True)
class Wrapped:
    """The logical lines of a page and, for each, the raw line indices it was joined from."""

    texts: list[str]
    groups: list[list[int]]


def _ends_sentence(s: str) -> bool:
    return last_char(s) in ".!?"


def _first_word(s: str) -> str:
    parts = s.split(None, 1)
    return parts[0] if parts else ""


def _goes_on(nxt: str) -> bool:
    """Whether a line opens with a plain lower-case word, as the rest of a sentence does ("said",
    "and"); a glued label ("byJohn", "square NEWS") is page furniture."""
    word = _first_word(nxt).rstrip(",.;:!?\"'’”)")
    return word.isalpha() and word.islower()


def wrap_width(lines: list[str]) -> int | None:
    """The width the page's text was wrapped at, or None when it was not hard-wrapped."""
    lengths = sorted(
        len(s) for s, nxt in itertools.pairwise(lines)
        if MIN_WIDTH * WIDTH_BAND <= len(s) <= MAX_WIDTH and _goes_on(nxt) and not _ends_sentence(s)
        and WIDTH_BAND * len(s) <= len(nxt) <= len(s) / WIDTH_BAND  # mid-paragraph: both lines full
    )
    if len(lengths) < WRAP_MIN_EVIDENCE:
        return None
    best = (0, 0)  # (lines in the band, top of the band)
    for i, low in enumerate(lengths):
        stop = bisect.bisect_right(lengths, low / WIDTH_BAND)  # lengths[i:stop] lie in [low, low / band]
        if stop - i > best[0]:
            best = (stop - i, lengths[stop - 1])
    count, width = best
    if count < WRAP_MIN_EVIDENCE or count < MIN_EVIDENCE_SHARE * len(lengths) or width < MIN_WIDTH:
        return None
    return width


def _continues(s: str, nxt: str, width: int) -> bool:
    """Whether raw line `s` goes on in `nxt`: it stops mid-sentence and either the next line goes on in
    lower case, or `s` is full and the next word would not have fit, or `s` is a dateline place
    ("KATHMANDU,") or a clause ending in a comma."""
    if not s or not nxt or _ends_sentence(s) or len(s) > width + 2:
        return False
    if _goes_on(nxt):
        return True
    full = len(s) >= WIDTH_BAND * width
    if full and len(s) + 1 + len(_first_word(nxt)) > width:
        # the next line must read as more of the text, not as a separate short item
        return len(nxt) >= WIDTH_BAND * width / 2 or _ends_sentence(nxt)
    return last_char(s) == ","


def join_wrapped(lines: list[str]) -> Wrapped:
    """Join the hard-wrapped paragraphs of `lines` (stripped raw lines); a page that is not
    hard-wrapped comes back one logical line per raw line."""
    identity = Wrapped(list(lines), [[i] for i in range(len(lines))])
    width = wrap_width(lines)
    if width is None:
        return identity
    texts: list[str] = []
    groups: list[list[int]] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and _continues(lines[j], lines[j + 1], width):
            j += 1
        chain = list(range(i, j + 1))
        full = sum(len(lines[k]) >= WIDTH_BAND * width for k in chain)
        if len(chain) > 1 and full >= 1:
            texts.append(" ".join(lines[k] for k in chain))
            groups.append(chain)
        else:
            chain = [i]
            texts.append(lines[i])
            groups.append(chain)
        i = chain[-1] + 1
    return Wrapped(texts, groups)
