"""Editor and authors, read from the lines the cleaner labelled `metadata` (editor, author, credits)."""

from __future__ import annotations

import re

from linimasa.meta.resources import MetaRules
from linimasa.model import Line

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
    text = line.text.replace("\xa0", " ").strip().strip("()")
    return [part.strip(" ()") for part in _PARTS.split(text) if part.strip(" ()")]


def _names(lines: list[Line], rules: MetaRules, label: re.Pattern[str] | None, reason: str) -> list[str]:
    found: list[str] = []
    if label is None:
        return found
    for ln in lines:
        if ln.label != "metadata" or ln.kind not in _PEOPLE_KINDS:
            continue
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
                if name.casefold() in _MENU_WORDS:
                    continue
                if name and name not in found:
                    found.append(name)
    return found


# "By Type", "By Brand": a shop's filter menu, not a byline.
_MENU_WORDS = frozenset({"type", "brand", "category", "price", "date", "topic", "region", "author", "name",
                         "size", "color", "colour", "rating", "popularity", "relevance", "newest", "oldest"})


def find_editor(lines: list[Line], rules: MetaRules) -> str | None:
    names = _names(lines, rules, rules.editor_label, "editor")
    return ", ".join(names) if names else None


def find_authors(lines: list[Line], rules: MetaRules) -> list[str]:
    return _names(lines, rules, rules.author_label, "author")
