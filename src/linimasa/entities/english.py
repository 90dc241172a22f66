"""Settling rules for English articles found on unseen English news (issue 11, eval/real-id
dev-extra-entities-en2): what a name's surroundings in English say about its kind.

Kept apart from `settle.py` (which runs them last for English articles, `settle_english`) so that
English-only reasoning stays in one place. Every rule is one pass over the article's mentions (names
grouped in a dict, occurrences found with one regular-expression scan of the text): no scan over all
mentions per mention.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from linimasa.model import Mention
from linimasa.text.gazetteer import Gazetteer

_ISLAND_OF = re.compile(r"\b[Ii]slands? of ((?:[A-Z][\w’'-]*)(?: [A-Z][\w’'-]*)*)")
_THE_BEFORE = ("the ", "The ")


def _retyped(m: Mention, type_: str) -> Mention:
    out = dataclasses.replace(m, type=type_)  # type: ignore[arg-type]
    out.role = None
    return out


def _article_only_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "person" whose every mention in the article follows "the" ("the Louvre has fought ...") is no
    person: in the English gold sets not one person is only ever named after "the" (the names that
    always are: organisations 107, places 67, events 4; measured on eval/real-id). It is read as an
    organisation, the commonest of those; one also named without "the" ("the Trump campaign",
    "Trump said") stays a person."""
    always: dict[str, bool] = defaultdict(lambda: True)
    for m in mentions:
        if m.type == "PER" and m.source != "gazetteer":
            before = text[max(0, m.start - 4) : m.start]
            always[m.text] = always[m.text] and before in _THE_BEFORE
    names = {name for name, yes in always.items() if yes}
    if not names:
        return mentions
    return [_retyped(m, "ORG") if m.type == "PER" and m.text in names else m for m in mentions]


def _islands_named(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A name written after "island of" ("the rocky island of Redonda") is an island (LOC) in every
    mention of the article, whatever the model read elsewhere (one sense per name), unless the
    gazetteer knows it as something else ("the island of Bali" is a province)."""
    names = {hit.group(1) for hit in _ISLAND_OF.finditer(text)}
    names = {n for n in names if gazetteer.lookup(n) is None}
    if not names:
        return mentions
    return [_retyped(m, "LOC") if m.text in names and m.type in ("PER", "ORG", "GPE") and m.source != "gazetteer"
            else m for m in mentions]


def settle_english(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The English rules above, in order, on an English article's settled mentions."""
    out = _article_only_names(text, mentions)
    return _islands_named(text, out, gazetteer)
