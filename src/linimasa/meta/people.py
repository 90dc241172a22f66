"""Editor and authors, read from the lines the cleaner labelled `metadata` (editor / author)."""

from __future__ import annotations

import re

from linimasa.meta.resources import MetaRules
from linimasa.model import Line

_NOT_A_NAME = re.compile(r"\d|@|https?:|www\.", re.IGNORECASE)
_TRAILER = re.compile(r"\s*(?:\||\(|—|–|-\s).*$")


def split_names(text: str, rules: MetaRules) -> list[str]:
    """Names in "A, B dan C" (without what trails them: "| Foto: ...", "(ant)")."""
    text = _TRAILER.sub("", text.strip())
    names = []
    for part in rules.name_separator.split(text):
        name = " ".join(part.split()).strip(" .,:;")
        if name and len(name.split()) <= 6 and not _NOT_A_NAME.search(name) and name[0].isalpha():
            names.append(name)
    return names


def _names_after(label: re.Pattern[str] | None, line: Line, rules: MetaRules) -> list[str]:
    if label is None:
        return []
    m = label.match(line.text.replace("\xa0", " ").strip())
    return split_names(m["names"], rules) if m else []


def find_editor(lines: list[Line], rules: MetaRules) -> str | None:
    for ln in lines:
        if ln.label == "metadata" and ln.reason == "editor":
            names = _names_after(rules.editor_label, ln, rules)
            if names:
                return ", ".join(names)
    return None


def find_authors(lines: list[Line], rules: MetaRules) -> list[str]:
    authors: list[str] = []
    for ln in lines:
        if ln.label == "metadata" and ln.reason == "author":
            for name in _names_after(rules.author_label, ln, rules):
                if name not in authors:
                    authors.append(name)
    return authors
