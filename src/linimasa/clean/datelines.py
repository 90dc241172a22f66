"""Date lines: a short line that is a page's date and little else ("Diperbarui 18 Jun 2025, 14:05 WIB").

Its own module because both the line rules (`linimasa.clean.lines`) and the layout rules
(`linimasa.clean.layout`, which tell a date stamp from a heading that names a date) read it.
"""

from __future__ import annotations

import re

from linimasa.clean.rules import CleanRules
from linimasa.clean.shape import DIGIT, last_char

_DATE_TOKEN = re.compile(r"[\w.:/'-]+|[|,–—-]")
_CLOCK_TOKEN = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ap]\.?m\.?)?")


def is_date_line(s: str, rules: CleanRules) -> bool:
    """A short line that is a date and little else: "Diperbarui 18 Jun 2025, 14:05 WIB",
    "Kompas.com - 04/02/2025, 06:30 WIB"; not "Pada 25 Agustus 2021 pasukan ... ."."""
    return date_line_words(s, rules) is not None


def date_line_words(s: str, rules: CleanRules) -> int | None:
    """How many words of a date line (see `is_date_line`) are neither its date nor date-line words
    ("Daftar harga BBM 1 Juni 2025": 3, a heading that names a date; "Diperbarui 18 Jun 2025": 0);
    None when the line is no date line."""
    if len(s) > 100 or not DIGIT.search(s):
        return None
    m = rules.date_core.search(s)
    if not m:
        return None
    leftover = 0
    # every date of the line is its own ("Published: 10:30 BST, 1 August 2024 | Updated: 11:02 BST, 1
    # August 2024"), and so is a clock time
    rest = rules.date_core.sub(" ", s)
    for tok in _DATE_TOKEN.findall(rest):
        folded = tok.casefold().strip(".,")
        if not folded or folded in rules.date_words or _CLOCK_TOKEN.fullmatch(folded):
            continue
        if folded in rules.date_not_words:
            return None
        leftover += 1
    # a full stop ends a sentence, unless it is the date's own ("February 28 2024, 9:54 a.m.")
    if leftover <= 4 and (last_char(s) != "." or m.end() >= len(s.rstrip())):
        return leftover
    return None
