"""What a line looks like, independent of any word list: paragraph, headline, heading, list item.

These shape tests are what let the cleaner handle an outlet it has never seen: prose ends with a
full stop and runs long, headlines and link titles do not, menus are runs of one or two words.
"""

from __future__ import annotations

import re

from linimasa.clean.rules import CLOSING_QUOTES

WORDS = re.compile(r"\S+")
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
"""Chinese and Japanese write words without spaces: a run of their characters counts one word in two."""
_FULL_WIDTH_END = {"。": ".", "．": ".", "！": "!", "？": "?"}
DIGIT = re.compile(r"\d")
BULLET = re.compile(r"^(?:[-–—•·*►▪]|â\x80¢|â€¢)\s*")  # the last two: "•" decoded as cp1252 and back
NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s")
_QUOTE_MARKS = re.compile(r"[\"“”]|,'")
_LETTER_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+[\"“]?[A-Z]")

PARAGRAPH_MIN_WORDS = 6
"""A full sentence this long is running text; shorter ones ("Tidak ada korban.") need context."""

TITLE_CASE_SHARE = 0.75
"""Share of capitalised longer words above which a line is written like a headline."""

LONG_LINE_CHARS = 160
"""A line this long is prose whatever its last character (a paragraph cut short, a glued tag)."""


def word_count(s: str) -> int:
    n = len(WORDS.findall(s))
    if s.isascii():
        return n
    return n + sum(len(m) // 2 - 1 for m in CJK_RUN.findall(s) if len(m) >= 4)


def last_char(s: str) -> str:
    """The last character that is not a closing quote or bracket."""
    s = s.rstrip().rstrip(CLOSING_QUOTES).rstrip()
    return s[-1:] if s else ""


def ends_with_ellipsis(s: str) -> bool:
    s = s.rstrip().rstrip(CLOSING_QUOTES)
    return s.endswith(("...", "…"))


def is_list_item(s: str) -> bool:
    return bool(NUMBERED.match(s) or BULLET.match(s))


def is_paragraph(s: str) -> bool:
    """A line that reads as running text: a full sentence of some length, or long enough that it can
    only be prose. Headlines (no full stop, or "...", or a short question) are not paragraphs."""
    if len(s) >= LONG_LINE_CHARS:
        return True
    last = last_char(s)
    last = _FULL_WIDTH_END.get(last, last)
    words = word_count(s)
    if last in "!?" and is_title_case(s):  # "Harga Emas Naik Lagi, Kapan Turun?" is a headline
        return False
    if last in ".!" and not ends_with_ellipsis(s):
        return words >= PARAGRAPH_MIN_WORDS
    if last == "?":  # a headline asks one short question; a paragraph says something first
        return words >= 16 or (words >= 8 and _SENTENCE_BREAK.search(s) is not None)
    return False


def is_title_case(s: str) -> bool:
    """Most longer words capitalised, as Indonesian and English headlines are written; prose
    capitalises names only."""
    long_words = [w for w in _LETTER_WORDS.findall(s) if len(w) >= 4]
    if len(long_words) < 3:
        return False
    return sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)


def is_headline_like(s: str) -> bool:
    """A line shaped like a title or a link to another article."""
    words = word_count(s)
    if not 2 <= words <= 30 or len(s) > 250 or is_paragraph(s):
        return False
    return last_char(s) not in ",;:"


def is_heading_like(s: str) -> bool:
    """A short line without end punctuation that is not a quote with its speaker ('"Kami siap," ujarnya')."""
    return last_char(s) not in ".!?,;:" and word_count(s) <= 15 and len(s) <= 120 and not _QUOTE_MARKS.search(s)


def is_menu_item(s: str) -> bool:
    """One to four words, no punctuation at the end: "Beranda", "Kabar Finansial", "About Us"."""
    return word_count(s) <= 4 and len(s) <= 40 and last_char(s) not in ".!?,;:"


def opens_text(rest: str) -> bool:
    """What may follow a dateline prefix: nothing (a dateline line of its own) or running text, which
    a headline with a comma and a dash in it ("Perkuat Pariwisata, Kemenpar Gelar Festival - ...") is not."""
    if not rest or is_paragraph(rest) or len(rest) >= 120:
        return True
    return last_char(rest) in ".!" and word_count(rest) >= 3
