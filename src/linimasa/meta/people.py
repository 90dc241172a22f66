"""Editor and authors, read from the lines the cleaner labelled `metadata` (editor, author, credits)."""

from __future__ import annotations

import re

from linimasa.meta.resources import MetaRules
from linimasa.model import Line
from linimasa.text.outlets import outlet_table

_NOT_A_NAME = re.compile(r"\d|@|https?:|www\.", re.IGNORECASE)
_TRAILER = re.compile(r"\s*(?:\(|—|–|-\s).*$")


def split_names(text: str, rules: MetaRules) -> list[str]:
    """Names in "A, B dan C" (without what trails them: "| Foto: ...", "(ant)")."""
    text = _TRAILER.sub("", text.strip())
    names = []
    for part in rules.name_separator.split(text):
        name = " ".join(part.split()).strip(" .,:;")
        if name and len(name.split()) <= 6 and not _NOT_A_NAME.search(name) and name[0].isalpha():
            names.append(name)
    return names


_PARTS = re.compile(r"\s*[|;]\s*|\s{3,}")
_PEOPLE_KINDS = frozenset({"editor", "author", "credits"})


def _segments(line: Line) -> list[str]:
    """A byline can hold several labelled parts: "Penulis: A | Editor: B", "(Reporting by A; Editing by B)"."""
    text = line.text.replace("\xa0", " ").strip().strip("()").lstrip("–—- ")  # "– additional reporting by A"
    return [part.strip(" ()") for part in _PARTS.split(text) if part.strip(" ()")]


def _names(
    lines: list[Line], rules: MetaRules, label: re.Pattern[str] | None, reason: str, first_byline: bool = False
) -> list[str]:
    """`first_byline`: of the byline lines ("By A") only the first counts (the others on a page are
    its related stories'); credit lines ("Reporting by A; additional reporting by B") all count."""
    found: list[str] = []
    if label is None:
        return found
    seen_byline = False
    for ln in lines:
        if ln.label != "metadata" or ln.kind not in _PEOPLE_KINDS:
            continue
        if rules.label_lines is not None and rules.label_lines.fullmatch(ln.text.strip()):
            continue  # a label alone ("Author of the article:"): its names are on the next line (`_byline`)
        credit = ln.kind == "credits" or bool(rules.credit_lines and rules.credit_lines.match(ln.text.strip()))
        if first_byline and not credit and seen_byline:
            continue
        before = len(found)
        for part in _segments(ln):
            m = label.match(part)
            for name in split_names(m["names"], rules) if m else []:
                # "Reporting by A, additional reporting by B, Editing by C": each name keeps its own
                # label; a name labelled for the other role is not this one's.
                other = rules.editor_label if label is rules.author_label else rules.author_label
                own = label.match(name)
                if own:
                    name = " ".join(own["names"].split()).strip(" .,:;")
                elif other is not None and other.match(name):
                    continue
                if name.casefold() in rules.menu_words:  # "By Type": a shop's filter menu
                    continue
                if name and name not in found:
                    found.append(name)
        if not credit and len(found) > before:
            seen_byline = True
    return found




def find_editor(lines: list[Line], rules: MetaRules) -> str | None:
    names = _names(lines, rules, rules.editor_label, "editor")
    return ", ".join(names) if names else None


def find_authors(lines: list[Line], rules: MetaRules) -> list[str]:
    """The persons credited as writers: labelled author lines first, else the page's own byline (a
    bare "By" line with the names under it, an outlet's byline shape). An agency or an outlet named
    as the author ("By Associated Press", "Tim detikcom") is not a person (`[]`)."""
    # bylines under the text (past a sign-off right after it) are the related stories', and so are
    # those under a block heading after the text has begun ("Most Popular", "You might also like"):
    # a teaser there can read as text and keep the text from seeming to end
    last_body = max((k for k, ln in enumerate(lines) if ln.label == "body"), default=len(lines) - 1)
    end = last_body + 1 + SIGN_OFF_LINES
    first_body = next((k for k, ln in enumerate(lines) if ln.label == "body"), None)
    if first_body is not None:
        end = min(end, next((k for k in range(first_body, len(lines)) if lines[k].kind == "block_heading"), end))
    own = lines[:end] + [ln for ln in lines[end:] if ln.label == "metadata" and ln.kind == "credits"]
    found = (
        _names(own, rules, rules.author_label, "author", first_byline=True)
        or _byline(own, rules)
        or _header_name(lines, rules)
    )
    out: list[str] = []
    for raw in found:
        name = _clean_name(raw, rules)  # "By MND Staff": the whole byline names a newsroom, not a person
        if name and not _is_outlet(name, rules) and not _is_outlet(raw, rules) and name not in out:
            out.append(name)
    return out


SIGN_OFF_LINES = 3
"""How many lines after the last line of text may still credit it ("Reporting by ...; Editing by ...")."""

def _clean_name(name: str, rules: MetaRules) -> str:
    """A name without what a page glued or appended to it ("Sarah LazareTwitter", "Dolores Chang For
    Dailymail.Com", "Jen MillsPublished Jul 17")."""
    if rules.name_trailer is not None:
        name = rules.name_trailer.sub("", " " + name)  # a name that is only a role ("News Reporter") goes
    return name.strip(" .,:;|·")


BYLINE_WORDS = 8
"""The most words a line holding only the byline's names may have ("A, B and C")."""


def _byline(lines: list[Line], rules: MetaRules) -> list[str]:
    """The first byline: a label alone on its line ("By", "Author of the article:") with the names on
    the next line, or a whole line in an outlet's byline shape."""
    for k, ln in enumerate(lines):
        text = ln.text.strip()
        if not text or ln.label == "body":
            continue
        names_text = None
        under: list[str] = []
        if rules.label_lines is not None and rules.label_lines.fullmatch(text):
            rest = [x.text.strip() for x in lines[k + 1 : k + 6] if x.text.strip()]
            nxt = rest[0] if rest and any(x.text.strip() for x in lines[k + 1 : k + 3]) else ""
            if nxt and len(nxt.split()) <= BYLINE_WORDS:
                names_text = nxt
                under = rest[1:3]
        else:
            m = next((m for p in rules.byline_lines if (m := p.fullmatch(text))), None)
            names_text = m["names"] if m else None
        if names_text:
            if rules.name_trailer is not None:
                names_text = rules.name_trailer.sub("", names_text)  # "Xiaoying You0," before the digit check
            names = [
                n for n in split_names(re.split(r"\s+[|·•]\s*", names_text)[0], rules)
                if n.casefold() not in rules.menu_words
            ]
            if names and all(_is_outlet(n, rules) for n in names):
                names += _writer_under_agency(under, rules)
            if names:
                return names
    return []


def _writer_under_agency(under: list[str], rules: MetaRules) -> list[str]:
    """The writer a page sets under the agency of a "By" byline and its date line ("By" / "Associated
    Press" / "Jun 24, 2020, 3:53pm CDT" / "Matthew Daly"): only a date line (a digit in it) followed by
    a line that is only a person's name counts."""
    if len(under) < 2 or not re.search(r"\d", under[0]) or len(under[0].split()) > BYLINE_WORDS:
        return []
    return [n for n in _name_shaped(under[1], rules) if not _is_outlet(n, rules)]


def _is_outlet(name: str, rules: MetaRules) -> bool:
    table = outlet_table()
    folded = name.casefold()
    key = folded.removeprefix("the ").strip()
    return (
        bool(rules.not_a_person and rules.not_a_person.fullmatch(name))  # "Tim detikcom", "Staff writer"
        or folded in table.aliases
        or key in table.aliases
        or any(w.name.casefold() in (folded, key) or w.pattern.fullmatch(name) for w in rules.wires)
    )


_NAME_WORD = re.compile(r"(?-i:[A-Z])[^\W\d_]*(?:['’-][^\W\d_]+)*\.?")
_CONNECTORS = frozenset({"and", "&", "dan"})
HEADER_NAME_WORDS = 4
"""The most words of one name in an unlabelled header byline ("Steffan Rhys", "Adam Vidler and AP")."""


def _name_shaped(text: str, rules: MetaRules) -> list[str]:
    """The names of a line that holds only names (each 2-4 capitalised words, joined by "and"), after
    the role that may trail them ("Steffan Rhys Deputy Content Hub Director"); [] for anything else,
    such as a kicker that labels the story ("CHINESE AGGRESSION:")."""
    if text.rstrip().endswith(":"):
        return []
    words = _clean_name(text, rules).split()
    names: list[list[str]] = [[]]
    for w in words:
        if w.casefold() in _CONNECTORS:
            names.append([])
        elif _NAME_WORD.fullmatch(w):
            names[-1].append(w)
        else:
            return []
    if not names[0] or not 2 <= len(names[0]) <= HEADER_NAME_WORDS or any(len(n) > HEADER_NAME_WORDS for n in names):
        return []
    return [" ".join(n) for n in names if n]


def _header_name(lines: list[Line], rules: MetaRules) -> list[str]:
    """A byline with no label, between the headline and the text: a line that is only a name, right
    under the headline or right above the date line or a line that is only a role ("Kyle Wiggers"
    under the title; "Tania Broughton" / "Journalist"; "Naufal Zuhdi" / "20/1/2026 18:30"). Names
    that are an outlet or a wire ("Adam Vidler and AP") are dropped by the caller."""
    title_at = next((k for k, ln in enumerate(lines) if ln.label == "title"), None)
    if title_at is None:
        return []
    header = [k for k in range(title_at, min(len(lines), title_at + 1 + HEADER_LINES)) if lines[k].text.strip()]
    for pos, k in enumerate(header[1:], start=1):
        if lines[k].label == "body":
            continue  # a standfirst may sit between the headline and the byline (it is text, not a name)
        prev, nxt = header[pos - 1], header[pos + 1] if pos + 1 < len(header) else None
        names = _name_shaped(lines[k].text.strip(), rules)
        if not names or (rules.not_a_person is not None and all(rules.not_a_person.fullmatch(n) for n in names)):
            continue  # a button under the headline ("Sign In") stands where a byline may follow
        after = lines[nxt].text.strip() if nxt is not None else ""
        beside_date = len(after) <= HEADER_DATE_CHARS and _YEAR_OR_CLOCK.search(after) is not None
        # (a role line is short and no text: a paragraph opening "Di Miami, ..." is cut whole by the
        # trailer of "Nama di Kompas" and would read as an empty role)
        beside_role = (bool(after) and lines[nxt].label != "body" and len(after.split()) <= BYLINE_WORDS
                       and not _clean_name(after, rules))
        if prev == title_at or beside_date or beside_role:
            return names
    return []


HEADER_LINES = 8
"""How many lines under the headline the unlabelled byline is looked for in."""
HEADER_DATE_CHARS = 60
_YEAR_OR_CLOCK = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\d)\d{1,2}[:.]\d\d(?!\d)")
