"""Words a scraper glued together where a link or a tag stood ("menyebutMastantuonosetara dengan",
"Real Madridsudah", "sahamPTBumi Resources", "BRMSberada"): put the space back, so that the names
in them can be found.

A split is made only where the dictionary confirms a word on the other side of the seam (PySastrawi's
Indonesian roots, or a function word the language lists in `clean.yaml`), so brand names written in
camel case (TransJakarta, YouTube, GoPay) stay whole: "Trans" and "You" are no Indonesian words.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from linimasa import resources
from linimasa.text.morph import is_word, root_words

# lower-case word, then a capitalised one: "menyebutMastantuono"
_LOWER_UPPER = re.compile(r"([a-z](?<![\w][a-z])[a-z]{2,})([A-Z][a-z]+)")
# a capitalised word with a function word glued on: "Madridsudah", "Contessadari"
_CAPITALISED = re.compile(r"[A-Z](?<![\w][A-Z])[a-z]{6,}(?![\w])")
# an acronym glued to a capitalised word ("PTBumi") or to a lower-case one ("BRMSberada")
# (each of these four opens with its first letter and looks back from after it: `re` then skips to
# each letter of that class at C speed, where a pattern that opens with a look-behind is tried at
# every position of the text; "not after a word character" is the same test either way)
_ACRONYM_NAME = re.compile(r"([A-Z](?<![\w][A-Z])[A-Z]+?)([A-Z][a-z]{2,})(?![\w])")
_ACRONYM_WORD = re.compile(r"([A-Z](?<![\w][A-Z])[A-Z]+)([a-z]{3,})(?![\w])")
# a month name glued to the word before a date: "Associated PressApril 28, 2023"
_MONTH_DATE = re.compile(
    r"(?<=[a-z])(?=(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember)\s+\d)")
# a clock time glued to the year of an English date: "April 25, 20232:26 PM" (Reuters' date line), or
# the next word of the date line: "March 23, 2020timer5 min. read" (an icon's name, "Updated")
_YEAR_TIME = re.compile(
    r"((?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2},\s*(?:19|20)\d\d)(\d{1,2}:\d\d|[A-Za-z])")
# a comma with no space before a capitalised word: "Argentina,Franco" (the comma first and the
# letter before it looked back at from there: `re` then skips to each comma at C speed, where a
# pattern that opens with a look-behind is tried at every position of the text)
_COMMA = re.compile(r",(?<=[a-z],)(?=[A-Z][a-z])")
# What a text must hold for a pattern above to match anywhere in it, as patterns that open with
# literal text or a class of capitals, which `re` finds by skipping ahead at C speed (the patterns
# above open with a look-behind and are tried at every position): a month name before a day (for
# `_MONTH_DATE`), a capital after three small letters and before one (`_LOWER_UPPER`), two capitals
# before two small letters (`_ACRONYM_WORD`, `_ACRONYM_NAME`). A text without it is left as it is.
_MONTH_DAY = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember)\s+\d")
_CAPITAL_AFTER_SMALL = re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])[a-z]")
_CAPITALS_BEFORE_SMALL = re.compile(r"[A-Z][A-Z][a-z][a-z]")


def _glue_section(lang: str) -> dict[str, Any]:
    """The language's `glue` lists (`clean.yaml`)."""
    return (resources.load_or_empty(lang, "clean") or {}).get("glue") or {}


@functools.cache
def _glue_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    glue = _glue_section(lang)
    return (frozenset(str(w) for w in glue.get("tails") or []), frozenset(str(w) for w in glue.get("keep") or []))


@functools.cache
def _tail_lengths(lang: str) -> tuple[int, ...]:
    """The lengths of the language's glued-on function words, longest first."""
    return tuple(sorted({len(t) for t in _glue_words(lang)[0] if t}, reverse=True))


@functools.cache
def _frequent_words(lang: str) -> tuple[frozenset[str], tuple[int, ...]]:
    """The language's frequent words of news (`common_words.txt`) and their lengths, longest first:
    a function word found at the end of a glued name may be the end of a longer word."""
    try:
        words = resources.load_words(lang, "common_words.txt")
    except FileNotFoundError:
        return frozenset(), ()
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


@functools.cache
def _verb_tails(lang: str) -> tuple[frozenset[str], tuple[int, ...]]:
    """The frequent words of six letters or more that open with one of the language's verb prefixes
    (`glue.verb_prefixes`: "mengaku", "ditangkap", "tersebut"), and their lengths, longest first: a
    scraper glues them to the name a link ended in ("Santosomengaku") as often as a function word
    (in the June 2025 scrape about 650 times, against about 800 function words)."""
    prefixes = tuple(str(p) for p in _glue_section(lang).get("verb_prefixes") or [])
    if not prefixes:
        return frozenset(), ()
    words = frozenset(w for w in _frequent_words(lang)[0] if len(w) >= 6 and w.startswith(prefixes))
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def open_month_seams(text: str) -> str:
    """"PressApril 28, 2023" -> "Press April 28, 2023": in any language, a month name before a day;
    and "April 25, 20232:26 PM" -> "April 25, 2023 2:26 PM", a clock time glued to the year, and "March 23,
    2020timer5 min. read" -> "March 23, 2020 timer5 min. read", a word glued to it."""
    return _YEAR_TIME.sub(r"\1 \2", _month_date(text))


def _month_date(text: str) -> str:
    """A space between a word and a month name glued to it before a day ("PressApril 28")."""
    return _MONTH_DATE.sub(" ", text) if _MONTH_DAY.search(text) else text


def unglue(text: str, lang: str = "id") -> str:
    """The text with glued seams opened (Indonesian: the only language with a dictionary here)."""
    text = _month_date(text)  # any language: month names are unmistakable before a day
    if not root_words(lang) or not any(c.isupper() for c in text):
        return text
    tails, keep = _glue_words(lang)
    lengths = _tail_lengths(lang)

    def lower_upper(m: re.Match[str]) -> str:
        left = m.group(1)
        return f"{left} {m.group(2)}" if left not in keep and is_word(left, lang) else m.group(0)

    def name_tail(m: re.Match[str]) -> str:
        whole = m.group(0)
        # the tail first: most capitalised words end in none, and then the dictionary (a stemmer
        # call for a name, the costliest word to stem) has nothing to decide. The longest tail the
        # word ends in (leaving three letters): one set lookup per tail length, not a test per tail.
        tail = next((whole[-n:] for n in lengths if len(whole) - n >= 3 and whole[-n:] in tails), None)
        if tail is None:
            # or a frequent verb: "Trumpmenyerukan", "Shihabditangkap"
            verbs, verb_lengths = _verb_tails(lang)
            # (a head of four letters: "Permendagri", a regulation's name, is no "Per" and "mendagri")
            verb = next((whole[-n:] for n in verb_lengths if len(whole) - n >= 4 and whole[-n:] in verbs), None)
            if verb is None or is_word(whole.casefold(), lang):
                return whole
            return f"{whole[:-len(verb)]} {verb}"
        if is_word(whole.casefold(), lang):
            return whole
        # the function word may end a longer frequent word: "Anungmenyatakan" is "Anung menyatakan",
        # not "Anungmenyat akan"
        frequent, frequent_lengths = _frequent_words(lang)
        tail = next((whole[-n:] for n in frequent_lengths
                     if len(tail) < n <= len(whole) - 3 and whole[-n:] in frequent), tail)
        return f"{whole[:-len(tail)]} {tail}"

    def acronym_word(m: re.Match[str]) -> str:
        caps, rest = m.group(1), m.group(2)
        if len(caps) > 2 and is_word(caps[-1].lower() + rest, lang):
            return f"{caps[:-1]} {caps[-1]}{rest}"  # "PTBumi": PT + Bumi
        return f"{caps} {rest}" if is_word(rest, lang) else m.group(0)

    text = _COMMA.sub(", ", text)
    if _CAPITAL_AFTER_SMALL.search(text):
        text = _LOWER_UPPER.sub(lower_upper, text)
    text = _CAPITALISED.sub(name_tail, text)
    if _CAPITALS_BEFORE_SMALL.search(text):
        text = _ACRONYM_WORD.sub(acronym_word, text)
    return _ACRONYM_NAME.sub(r"\1 \2", text) if _CAPITALS_BEFORE_SMALL.search(text) else text
