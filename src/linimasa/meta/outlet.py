"""The outlet that published an article, from the evidence the page carries about itself.

In order of trust: the dateline prefix (set by the clean stage), a self-reference ("dilansir
PikiranRakyat-Tasikmalaya.com dari ...", "Mau Berita Terbaru Lainnya dari Warta Ekonomi?", "Artikel
ini telah tayang di Kompas.com"), a name printed before the date ("Kompas.com - 18/06/2025"), and
last a "Sumber:" line that names an outlet rather than a wire.
Names are normalised with the outlet table ("PikiranRakyat-Tasikmalaya.com" -> "PR Tasikmalaya").
"""

from __future__ import annotations

import re

from linimasa.meta.resources import MetaRules
from linimasa.model import Line
from linimasa.text.outlets import outlet_table

_SOURCE_LINE = re.compile(r"^[^:]{2,20}:\s*(?P<value>.+)$")


def _normalise(candidate: str) -> str | None:
    candidate = candidate.strip(" .,:;?!-–—")
    if not candidate or not candidate[0].isalpha():
        return None
    return outlet_table().name_of(candidate) or candidate


def outlet_from_self_reference(lines: list[Line], rules: MetaRules) -> str | None:
    for ln in lines:
        if ln.label == "blank":
            continue
        for pattern in rules.self_references:
            m = pattern.search(ln.text)
            if m:
                name = _normalise(m["outlet"])
                if name:
                    return name
    return None


def outlet_from_source_line(lines: list[Line], wires: set[str]) -> str | None:
    table = outlet_table()
    for ln in lines:
        if ln.label == "metadata" and ln.kind == "source":
            m = _SOURCE_LINE.match(ln.text.strip())
            if not m:
                continue
            value = m["value"].strip()
            name = table.name_of(value)
            if name and name not in wires:
                return name
    return None


_BEFORE_DIGITS = re.compile(r"^\D{3,40}?(?=\s*[-–—|,]?\s*\d)")


def outlet_from_date_line(lines: list[Line]) -> str | None:
    """Some sites print their name before the date ("Kompas.com - 18/06/2025, 21:02 WIB"), or before a
    separator and a date whose month is a word ("TIMESOFINDIA.COM / Dec 6, 2020, 15:48 IST")."""
    table = outlet_table()
    for ln in lines:
        if ln.label == "metadata" and ln.kind == "date":
            m = _BEFORE_DIGITS.match(ln.text.strip())
            if not m:
                continue
            name = table.name_of(m.group(0)) or table.name_of(_FIELD_SEPARATOR.split(m.group(0), 1)[0])
            if name:
                return name
    return None


_FIELD_SEPARATOR = re.compile(r"\s+[/|–—-]\s+")


def outlet_from_signature(lines: list[Line]) -> str | None:
    """A line only one outlet's pages print ("SCROLL TO CONTINUE WITH CONTENT" on detik, "(Reuters) -")."""
    table = outlet_table()
    return next((name for ln in lines if (name := table.signature_of(ln.text))), None)


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?P<name>[^\W\d][^.,©]{1,50}?)"
    r"(?:,\s*(?:a\s+)?(?:division|subsidiary|unit|part)\s+of\s+[^.,©]{1,60}?)?"  # "National Post, a division of ..."
    r"(?:,?\s*(?:LLC|Ltd|Inc|Limited)\.?)?\s*[.,]?\s*All rights reserved", re.IGNORECASE)
_COPYRIGHT_SIGN_ALONE = re.compile(r"^(?:©|\(c\)|copyright)$", re.IGNORECASE)
COPYRIGHT_LINES = 5
"""How many lines a footer's copyright may be broken over ("©" / "2020" / "National Post, a division of" /
"Postmedia Network Inc." / "All rights reserved.")."""
_YEAR_RESERVED = re.compile(r"^\s*\d{4}\s+(?P<name>[^\W\d][^.,]{1,50}?)\.\s*All rights reserved", re.IGNORECASE)


def outlet_from_copyright(lines: list[Line]) -> str | None:
    """The holder of the page's copyright ("© 2024, Malay Mail, All Rights Reserved."), when the
    outlet table knows it."""
    table = outlet_table()
    for k in range(len(lines) - 1, -1, -1):
        text = lines[k].text
        if _COPYRIGHT_SIGN_ALONE.match(text.strip()):  # a copyright broken over lines: read as one
            text = " ".join(ln.text.strip() for ln in lines[k : k + COPYRIGHT_LINES])
        m = _COPYRIGHT.search(text) or _YEAR_RESERVED.search(text)
        if m:
            name = table.aliases.get(" ".join(m["name"].split()).strip(" ,.").casefold())
            if name:
                return name
    return None


CHROME_WORDS = 12


def outlet_from_page(lines: list[Line], wires: set[str]) -> str | None:
    """The outlet the page's own chrome (menus, banners, footers: lines that are not body) names
    most often ("Become a TechRadar Insider", "Euronews Debates"). Wires credited in the body are
    left out: a photo credit is not the publisher."""
    table = outlet_table()
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.label in ("body", "blank", "title") or len(ln.text.split()) > CHROME_WORDS:
            continue  # a long line is text (a copy of a paragraph quoting another outlet), not chrome
        for name in table.names_in(ln.text):
            if name not in wires:
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|co|tv|news|co\.uk|com\.au)", re.IGNORECASE)


def known_outlet(segment: str) -> str | None:
    """The outlet a string names when the outlet table lists it (an alias or an outlet's own pattern)
    or it is a site's domain ("durbanlocal.co.za" is not, "mexiconewsdaily.com" is); not the table's
    generic shapes, which take "media" or "Berita Terkini" for an outlet."""
    table = outlet_table()
    seg = " ".join(segment.split()).strip(" ,.:;-–—")
    if not seg:
        return None
    known = table.name_of(seg, generic=False)
    if known is None and _DOMAIN.fullmatch(seg):
        return table.name_of(seg)
    return known


_TITLE_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+[|–—-]\s+(?P<outlet>[^|–—]{2,40})$")
TITLE_SUFFIX_WORDS = 4


def split_title_suffix(title: str) -> tuple[str, str | None]:
    """A title that ends with the site's name ("Harga Cabai Naik - Kompas.com", "Storms hit Gauteng |
    The Citizen"), split into the headline and the outlet; the suffix must be a name the outlet table
    knows (a headline may end in " - Rp 80 Ribu")."""
    m = _TITLE_SUFFIX.match(title.strip())
    if not m or len(m["outlet"].split()) > TITLE_SUFFIX_WORDS:
        return title, None
    name = known_outlet(m["outlet"])
    return (m["title"].strip(), name) if name else (title, None)


def outlet_from_interviews(lines: list[Line], rules: MetaRules, wires: set[str]) -> str | None:
    """The known outlet the text's sources spoke to most often ("Saikat Ray explained to TechCrunch",
    "kata Budi kepada Kompas.com"): a story's own reporters are the ones its sources talk to. Wire
    services are left out (a quote "told Reuters" is often taken over from the agency)."""
    wires = wires | {w.name for w in rules.wires}
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.label != "body":
            continue
        for pattern in rules.interview_references:
            for m in pattern.finditer(ln.text):
                words = m["outlet"].split()
                name = next((n for k in range(len(words), 0, -1) if (n := known_outlet(" ".join(words[:k])))), None)
                if name and name not in wires:
                    counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def outlet_from_ownership(lines: list[Line], rules: MetaRules) -> str | None:
    """A footer naming the site and its owner ("Mexico News Daily - Property of Tavana LLC"), the last
    such line of the page."""
    for ln in reversed(lines):
        if ln.label == "body":
            continue
        for pattern in rules.ownership_lines:
            m = pattern.search(ln.text.strip())
            if m:
                return _normalise(m["outlet"])
    return None


def find_outlet(lines: list[Line], rules: MetaRules, wires: list[str]) -> str | None:
    return (
        outlet_from_self_reference(lines, rules)
        or outlet_from_date_line(lines)
        or outlet_from_signature(lines)
        or outlet_from_copyright(lines)
        or outlet_from_page(lines, set(wires))
        or outlet_from_source_line(lines, set(wires))
        or outlet_from_ownership(lines, rules)
        or outlet_from_bare_copyright(lines)
        or outlet_from_named_copyright(lines)
        or outlet_from_nameless_copyright(lines)
        or outlet_from_interviews(lines, rules, set(wires))
    )


_BARE_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)(?P<name>[^\W\d][^©|]{1,50}?)\s*\.?$",
    re.IGNORECASE)


def outlet_from_bare_copyright(lines: list[Line]) -> str | None:
    """A footer line that is only a copyright ("© 2025 The Dago Times"), when its holder has an
    outlet's name or shape (a photo agency's "© 2025 Getty Images" has neither)."""
    for ln in reversed(lines):
        if ln.label == "body":
            continue
        m = _BARE_COPYRIGHT.match(ln.text.strip())
        if m:
            return outlet_table().name_of(m["name"])
    return None


_NAMELESS_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?[.,]?\s*all rights reserved\.?$", re.IGNORECASE)


def outlet_from_nameless_copyright(lines: list[Line]) -> str | None:
    """A footer copyright that names no holder ("© All rights reserved."): the site's name is the logo
    text right above it ("The Namibian"), when the page prints that name again (`_logo_above`)."""
    for k in range(len(lines) - 1, -1, -1):
        if lines[k].label != "body" and _NAMELESS_COPYRIGHT.match(lines[k].text.strip()):
            return _logo_above(lines, k)
    return None


def outlet_from_named_copyright(lines: list[Line]) -> str | None:
    """A copyright holder the outlet table does not know ("© 2024 The Namibian. All rights
    reserved."), taken only when the page names it again on a line of its own (its logo's alt text,
    a footer): a small outlet's name, not a photo agency's credit. The last resort of `find_outlet`."""
    for ln in reversed(lines):
        m = _COPYRIGHT.search(ln.text) or _YEAR_RESERVED.search(ln.text)
        if not m:
            continue
        name = " ".join(m["name"].split()).strip(" ,.")
        words = name.split()
        if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return name if any(ln2 is not ln and ln2.text.strip() == name for ln2 in lines) else None
        return _logo_above(lines, lines.index(ln))  # a group's copyright: the site's own name stands above it
    return None


LOGO_WORDS = 3


def _logo_above(lines: list[Line], at: int) -> str | None:
    """The line right above a copyright line that names a group, not the site ("DurbanLocal" over
    "© 2025 Independent Online and affiliated companies"): the footer logo's text, taken when it is a
    short capitalised name without digits that the page prints again ("Your DurbanLocal")."""
    above = next((ln for ln in reversed(lines[:at]) if ln.text.strip()), None)
    if above is None:
        return None
    name = above.text.strip()
    words = name.split()
    if not 1 <= len(words) <= LOGO_WORDS or not all(w[:1].isupper() for w in words) or any(c.isdigit() for c in name):
        return None
    again = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return name if any(ln is not above and again.search(ln.text) for ln in lines) else None
