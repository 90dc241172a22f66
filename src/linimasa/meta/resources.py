"""The meta stage's word lists and patterns (meta.yaml of every language, merged), compiled once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from linimasa import resources


@dataclass(frozen=True)
class Wire:
    """A wire service; `keys` are strings of which one must occur in a text for its patterns to be
    tried: a cheap substring pre-check (regex alternations with lookarounds are slow in `re`)."""

    name: str
    pattern: re.Pattern[str]
    keys: tuple[str, ...]


def _keys(patterns: list[str]) -> tuple[str, ...]:
    """The words of the patterns, case kept: the patterns are case-sensitive, so a match contains
    its literal words as written (words from optional parts only make the pre-check looser)."""
    words = {w for p in patterns for w in re.findall(r"[^\W\d_]{2,}", re.sub(r"\\.|\[[^\]]*\]|\(\?<?[!=]", " ", p))}
    return tuple(sorted(words))


@dataclass(frozen=True)
class MetaRules:
    editor_label: re.Pattern[str] | None
    author_label: re.Pattern[str] | None
    name_separator: re.Pattern[str]
    # a line that is only a byline label ("By", "Author of the article:"): the names are on the next line
    label_lines: re.Pattern[str] | None
    # a whole line that is a byline in an outlet's shape ("Vidya Pinandhita - detikHealth")
    byline_lines: tuple[re.Pattern[str], ...]
    # what trails a name in a byline ("Sophie FosterTravel News Reporter", "Dylan Jones5 hours ago")
    name_trailer: re.Pattern[str] | None
    # a line that credits everyone who worked on the story ("Reporting by A, writing by B"): all count
    credit_lines: re.Pattern[str] | None
    # a byline name that is no person ("Tim detikcom", "Staff writer")
    not_a_person: re.Pattern[str] | None
    self_references: tuple[re.Pattern[str], ...]
    wires: tuple[Wire, ...]
    # what a shop's filter menu sorts by ("By Type", "By Brand"): no byline name
    menu_words: frozenset[str] = frozenset()
    # a quote given to the outlet itself ("told TechCrunch", "kata X kepada Kompas.com"): known names only
    interview_references: tuple[re.Pattern[str], ...] = ()
    # a footer that names the site and its owner ("Mexico News Daily - Property of Tavana LLC")
    ownership_lines: tuple[re.Pattern[str], ...] = ()


def _all(name: str) -> list[dict[str, Any]]:
    langs = [lang for lang in resources.languages() if resources.path(lang, f"{name}.yaml").is_file()]
    return [resources.load(lang, name) for lang in langs]


def _label_pattern(labels: list[str]) -> re.Pattern[str] | None:
    if not labels:
        return None
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(labels), key=len, reverse=True))
    return re.compile(rf"^(?:{alternation})\s*:?\s*(?P<names>\S.*)$", re.IGNORECASE)


@functools.cache
def meta_rules() -> MetaRules:
    docs = _all("meta")
    editors = [str(w) for d in docs for w in (d.get("people") or {}).get("editor_labels") or []]
    authors = [str(w) for d in docs for w in (d.get("people") or {}).get("author_labels") or []]
    seps = {str(w) for d in docs for w in (d.get("people") or {}).get("name_separators") or []} or {","}
    label_lines = [str(p) for d in docs for p in (d.get("people") or {}).get("label_lines") or []]
    byline_lines = [str(p) for d in docs for p in (d.get("people") or {}).get("byline_lines") or []]
    roles = [str(w) for d in docs for w in (d.get("people") or {}).get("role_words") or []]
    credits = [str(p) for d in docs for p in (d.get("people") or {}).get("credit_lines") or []]
    not_person = [str(p) for d in docs for p in (d.get("people") or {}).get("not_a_person") or []]
    trailers = [str(p) for d in docs for p in (d.get("people") or {}).get("name_trailers") or []]
    if roles:  # a role or a date glued to the name or after it ("Sophie FosterTravel News Reporter")
        alt = "|".join(roles)
        trailers.append(rf"(?-i:(?:(?<=[a-z])(?=(?:{alt})\b)|(?<=[a-z])(?=\d)|\s+(?=(?:{alt})\b)).*$)")
    refs = [p for d in docs for p in (d.get("outlet") or {}).get("self_references") or []]
    menu = {str(w).casefold() for d in docs for w in (d.get("people") or {}).get("menu_words") or []}
    interviews = [p for d in docs for p in (d.get("outlet") or {}).get("interview_references") or []]
    owners = [p for d in docs for p in (d.get("outlet") or {}).get("ownership_lines") or []]
    wires = resources.load("shared", "wires").get("wires") or []
    return MetaRules(
        editor_label=_label_pattern(editors),
        author_label=_label_pattern(authors),
        name_separator=re.compile("|".join(re.escape(s) for s in sorted(seps, key=len, reverse=True)), re.IGNORECASE),
        label_lines=re.compile("|".join(f"(?:{p})" for p in label_lines), re.IGNORECASE) if label_lines else None,
        byline_lines=tuple(re.compile(p, re.IGNORECASE) for p in byline_lines),
        name_trailer=re.compile("|".join(f"(?:{p})" for p in trailers), re.IGNORECASE) if trailers else None,
        credit_lines=re.compile("|".join(f"(?:{p})" for p in credits), re.IGNORECASE) if credits else None,
        not_a_person=re.compile("|".join(f"(?:{p})" for p in not_person), re.IGNORECASE) if not_person else None,
        self_references=tuple(re.compile(p, re.IGNORECASE) for p in refs),
        menu_words=frozenset(menu),
        interview_references=tuple(re.compile(p, re.IGNORECASE) for p in interviews),
        ownership_lines=tuple(re.compile(p, re.IGNORECASE) for p in owners),
        wires=tuple(
            Wire(
                w["name"],
                re.compile("|".join(f"(?:{p})" for p in w["patterns"])),
                tuple(w.get("keys") or _keys(w["patterns"])),
            )
            for w in wires
        ),
    )
