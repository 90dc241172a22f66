"""Metadata an input carries itself (an HTML page's meta tags, a CSV's columns, a feed entry, a WARC
header), put on the article so that it wins over what the stages would infer from the text.

Every given value is kept in `Article.given` as it was read; `title`, `outlet`, `authors` and
`authors` are also set on the article, and the clean and meta stages leave a field alone when
`given` has it. A given date (`given["published"]`, as written) is read by the timex stage, which
makes it `Published(how="metadata")`; a date it cannot read ("kemarin") stays in `given` only, and
the article is dated from its text as usual.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from linimasa.model import Article

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,\s*(?=[A-Z])|\s+(?:dan|and|&)\s+)\s*")


def split_authors(value: Any) -> list[str]:
    """Author names from a metadata value: a list, or a string "A; B", "A, B", "A dan B"."""
    if not value:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            item = item.get("name") or ""
        for name in _AUTHOR_SPLIT.split(str(item)):
            name = " ".join(name.split()).strip(" ,.")
            if name and name not in out:
                out.append(name)
    return out


def apply_given(article: Article, given: Mapping[str, Any]) -> Article:
    """Record `given` (empty values dropped) and set the article's fields it names."""
    for key, value in given.items():
        if value is None or value == "" or value == []:
            continue
        article.given[key] = value
    g = article.given
    if isinstance(g.get("title"), str):
        g["title"] = " ".join(g["title"].split())
        article.title = g["title"] or None
    if isinstance(g.get("outlet"), str):
        g["outlet"] = " ".join(g["outlet"].split())
        article.outlet = g["outlet"] or None
    if "authors" in g:
        g["authors"] = split_authors(g["authors"])
        article.authors = list(g["authors"])
        if not g["authors"]:
            del g["authors"]
    if g.get("published") is not None:
        g["published"] = " ".join(str(g["published"]).split())
    return article
