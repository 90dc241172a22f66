"""Dateline prefixes at the start of an article's first paragraph.

Indonesian outlets open the text with who and where, in a handful of layouts:

    JurnalPatroliNews – Jakarta – Menteri ...      outlet – place –
    Warta Ekonomi, Moskow -                         outlet, place -      (sometimes a line of its own)
    JAKARTA, KOMPAS.com - ...                       place, outlet -
    Liputan6.com, JakartaKita semua ...             outlet, place glued to the first word
    Jakarta (ANTARA) - ... / MOSCOW (Reuters) -     place (agency) -
    JAKARTA, June 18 (Reuters) -                    place, date (agency) -
    Denpasar, Bali (ANTARA) -                       place, province (agency) -
    PUTRAJAYA, Nov 22 —                             place, date -
    PR TASIKMALAYA – ... / JAKARTA- ...             outlet or place alone
    Jakarta - ...                                   place alone (in a paragraph only: see `loose`)
    AUBURN, Wash. — / MANILA, Philippines —         place, region (a state or country, not an outlet)

English bylines name the place too, on a line of their own: "AFP, MANILA", "Associated Press in
Valencia" (`byline_place`).

The prefix is recognised by its shape (one or two capitalised segments of at most four words, closed
by a dash) and each segment is named outlet or place with the outlet table, so a new outlet with a
conventional dateline needs no code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from linimasa import resources
from linimasa.text.outlets import outlet_table

_WORD = r"[A-Z][\w.&'’]*(?:-[\w.&'’]+)*?"  # lazy: the dash after "KOMPAS.com" is a separator
_SEG = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_DASH = r"(?P<{name}>\s*(?:[-–—]{{1,2}}))"
_START = r"(?=[\"“‘'(\[A-Z0-9]|$)"

_TWO_DASHES = re.compile(
    rf"(?P<s1>{_SEG}){_DASH.format(name='d1')}\s*(?P<s2>{_SEG}){_DASH.format(name='d2')}\s*{_START}"
)
_MONTH_DAY = r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # "JAKARTA, June 18 (Reuters) -"
_PAREN = re.compile(
    rf"(?P<s1>{_SEG})(?:\s*,\s*(?P<region>{_SEG}))?{_MONTH_DAY}\s*\((?P<paren>[^()\d]{{2,30}})\)"
    rf"(?P<d1>\s*(?:[-–—]{{1,2}}|_))\s*{_START}"
)  # "Denpasar, Bali (ANTARA) -": the city, its province, the agency; "NAIROBI, Kenya (AP) _": the
# underscore that stood for a dash in AP's wire copy of the 1990s
_DATED = re.compile(
    rf"(?P<s1>{_SEG})\s*,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{{1,2}}"
    rf"{_DASH.format(name='d1')}\s*{_START}"
)  # "PUTRAJAYA, Nov 22 — ": the place and the day, no agency
_COMMA = re.compile(rf"(?P<s1>{_SEG})\s*,\s*(?P<s2>{_SEG}){_DASH.format(name='d1')}\s*{_START}")
_GLUED = re.compile(r"(?P<s1>[\w-]+(?:\.[\w-]+)+)\s*,\s*(?P<s2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=[A-Z\"“‘'])")
_ONE = re.compile(rf"(?P<s1>{_SEG}){_DASH.format(name='d1')}\s*{_START}")


@dataclass(frozen=True)
class Dateline:
    """A recognised dateline prefix: `end` is where the paragraph proper starts in the line."""

    prefix: str
    outlet: str | None
    place: str | None
    agency: str | None
    end: int
    region: str | None = None
    """The state, province or country named after the city ("Wis.", "Bali", "Philippines")."""


@functools.cache
def dateline_regions() -> frozenset[str]:
    """Case-folded names of the regions a dateline may name after its city: US states and Canadian
    provinces (resources/shared/dateline_regions.txt) and countries (the gazetteer's country names)."""
    names = {w.casefold() for w in resources.load_words("shared", "dateline_regions.txt")}
    for row in resources.load_tsv("shared", "gazetteer/countries.tsv"):
        for column in row[2:4]:
            names.update(n.strip().casefold() for n in column.split("|") if n.strip())
    return frozenset(names)


@functools.cache
def dateline_places() -> frozenset[str]:
    """Case-folded names of the cities and countries of the gazetteer: a capitalised word before a colon
    is a dateline only when it names one ("NEW DELHI: The ..."), not a label ("UPDATE:", "WATCH:")."""
    names: set[str] = set()
    for name in ("gazetteer/cities.tsv", "gazetteer/countries.tsv"):
        for row in resources.load_tsv("shared", name):
            for column in row[2:4]:
                names.update(n.strip().casefold() for n in column.split("|") if n.strip())
    return frozenset(names)


_COLON = re.compile(r"(?P<s1>[A-Z][A-Z.'’]+(?:[ \t]+[A-Z][A-Z.'’]+){0,3}):[ \t]+(?=[\"“‘'A-Z])")
"""An Indian paper's dateline: the place in capitals and a colon ("NEW DELHI: The ongoing ...")."""


def is_region(seg: str) -> bool:
    return seg.strip().casefold() in dateline_regions()


def _word_hyphen(line: str, m: re.Match[str], names: tuple[str, ...] = ("d1", "d2")) -> bool:
    """Whether a separator the match took for a dateline dash is a hyphen inside a name
    ("Trent Alexander-Arnold", "Paris Saint-Germain"): a bare "-" with a letter on both sides."""
    for name in names:
        if name in m.re.groupindex and m[name] == "-":
            end = m.end(name)
            if end < len(line) and line[end].isalnum():
                return True
    return False


def _place(seg: str) -> str:
    seg = seg.strip()
    return seg.title() if seg.isupper() else seg


def _shout(seg: str) -> bool:
    letters = [c for c in seg if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_TITLE_WORD = re.compile(r"[A-Z][a-z]+")
_SPACED_DASH = re.compile(r"\s+[-–—]{1,2}\s+")


_SPACED_DOMAIN = re.compile(r"(?<=[A-Za-z])\.[ ](?=(?:com|co\.id)\b)|(?<=[A-Z]{2})[ ](?=com\b)")
"""A space typed inside a site's name ("JAKARTA, KOMPAS. com - ..."), or typed for its dot ("KLATEN, KOMPAS
com- ..."): the name read as the site writes it ("KOMPAS.com")."""


def parse_dateline(line: str, loose: bool = False) -> Dateline | None:
    """The dateline prefix that opens `line`, or None; a space typed inside the outlet's domain near the
    start ("JAKARTA, KOMPAS. com -", "KLATEN, KOMPAS com-") is read as the domain's dot (`end` still
    counts the characters as written)."""
    m = _SPACED_DOMAIN.search(line, 0, 60)
    if m is None:
        return _parse_dateline(line, loose)
    found = _parse_dateline(line[: m.start()] + "." + line[m.end() :], loose)
    if found is None or found.end <= m.start():
        return found
    shift = len(m[0]) - 1  # the characters written beyond the one dot read
    return replace(found, prefix=line[: found.end + shift].strip(), end=found.end + shift)


def _parse_dateline(line: str, loose: bool = False) -> Dateline | None:
    """The dateline prefix that opens `line`, or None. A line that is nothing but a dateline gives
    `end == len(line)`. `loose` also takes one capitalised word before a spaced dash as the place
    ("Jakarta - Presiden ..."), which is safe only on a line known to be a paragraph (a headline
    like "Jokowi - Prabowo Bertemu" is not one)."""
    outlets = outlet_table()
    m = _PAREN.match(line)
    if m:
        paren = m["paren"].strip()
        region = m["region"].strip() if m["region"] else None
        return Dateline(m.group(0).strip(), outlets.name_of(paren), _place(m["s1"]), paren, m.end(), region)
    m = _DATED.match(line)
    if m and _shout(m["s1"]):
        return Dateline(m.group(0).strip(), None, _place(m["s1"]), None, m.end())
    m = _GLUED.match(line)
    if m and outlets.name_of(m["s1"]):
        return Dateline(m.group(0).strip(), outlets.name_of(m["s1"]), _place(m["s2"]), None, m.end())
    m = _TWO_DASHES.match(line)
    if m and _word_hyphen(line, m, ("d2",)):
        m = None  # "KOMPAS.com-Trent Alexander-Arnold ...": the second dash is a name's hyphen
    m = m or _COMMA.match(line)
    if m and _word_hyphen(line, m) and not (outlets.name_of(m["s1"]) or outlets.name_of(m["s2"])):
        m = None  # "Rayan Cherki, Rayan Ait-Nouri, ..." is a list of names, not "Outlet, Place -"
    if m:
        s1, s2 = m["s1"], m["s2"]
        o1, o2 = outlets.name_of(s1), outlets.name_of(s2)
        if not o1 and not o2 and is_region(s2) and not is_region(s1):
            # "AUBURN, Wash. —", "MANILA, Philippines —": a city and its state or country
            return Dateline(m.group(0).strip(), None, _place(s1), None, m.end(), s2.strip())
        if o1 and not o2:
            outlet, place = o1, _place(s2)
        elif o2 and not o1:
            outlet, place = o2, _place(s1)
        elif _shout(s1) and not _shout(s2):
            outlet, place = s2, _place(s1)
        else:  # the usual order is "Outlet, Place"
            outlet, place = o1 or s1, _place(s2)
        return Dateline(m.group(0).strip(), outlet, place, None, m.end())
    m = _COLON.match(line)
    if m and m["s1"].casefold() in dateline_places():
        return Dateline(m.group(0).strip(), None, _place(m["s1"]), None, m.end())
    m = _ONE.match(line)
    if m:
        s1 = m["s1"]
        outlet = outlets.name_of(s1)
        if outlet:
            return Dateline(m.group(0).strip(), outlet, None, None, m.end())
        if _word_hyphen(line, m) and not _shout(s1.split()[-1]):
            return None
        if _shout(s1) and len(s1) >= 3:
            return Dateline(m.group(0).strip(), None, _place(s1), None, m.end())
        alone = not line[m.end() :].strip()
        if loose and _TITLE_WORD.fullmatch(s1) and (alone or _SPACED_DASH.match(line, len(s1))):
            return Dateline(m.group(0).strip(), None, s1, None, m.end())
    return None


_BYLINE_COMMA = re.compile(r"(?P<agency>[A-Z][\w.&'’ -]{1,40}?)\s*,\s*(?P<place>[A-Z][A-Z.'’ -]{2,30})")
_BYLINE_IN = re.compile(r"(?P<agency>[A-Z][\w.&'’ -]{1,40}?)\s+in\s+(?P<place>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2})")


def byline_place(line: str) -> Dateline | None:
    """The place an English byline names beside an agency or outlet ("AFP, MANILA", "Associated Press
    in Valencia", "Reuters in Jakarta"); the whole line is the byline. The agency is the wire the story
    credits, not necessarily the outlet that published the page, so `outlet` stays None."""
    s = line.strip()
    outlets = outlet_table()
    for pattern, shouted in ((_BYLINE_COMMA, True), (_BYLINE_IN, False)):
        m = pattern.fullmatch(s)
        if not m:
            continue
        # a listed agency or outlet, not one of the table's generic shapes ("News in Education": a menu)
        agency = outlets.name_of(m["agency"].strip(), generic=False)
        place = m["place"].strip()
        if agency and (not shouted or _shout(place)) and not outlets.name_of(place):
            return Dateline(s, None, _place(place), agency, len(line))
    return None
