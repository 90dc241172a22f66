"""Metadata an input carries itself (an HTML page's meta tags, a CSV's columns, a feed entry, a WARC
header), put on the article so that it wins over what the stages would infer from the text.

Every given value is kept in `Article.given` as it was read; `title`, `outlet`, `authors` and
`published` are also set on the article, and the clean and meta stages leave a field alone when
`given` has it. A date becomes `Published(how="metadata")`, which the timex stage keeps; a date that
cannot be read stays in `given["published"]` only, and the timex stage dates the article from its
text as usual.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from linimasa.model import Article, Published

_ISO = re.compile(
    r"^\s*(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d(?:[.,]\d+)?)?)?\s*(?:Z|UTC|GMT|[+-]\d\d:?\d\d)?\s*$"
)
_FULL = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d)?")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,\s*(?=[A-Z])|\s+(?:dan|and|&)\s+)\s*")


def parse_date(text: str | None, languages: Iterable[str] = ("id", "en")) -> Published | None:
    """A publication date written in metadata: ISO 8601 ("2025-06-18T14:05:00+07:00", time zone left
    as written), or anything linimasa's timex tagger reads as a full day ("Diperbarui 18 Jun 2025,
    14:05 WIB", "June 18, 2025"). None when it holds no full date."""
    if not text or not text.strip():
        return None
    text = " ".join(text.split())
    m = _ISO.match(text)
    if m:
        y, mo, d, hh, mm = m.groups()
        try:
            dt.date(int(y), int(mo), int(d))
        except ValueError:
            return None
        if hh is not None and (int(hh) < 24 and int(mm) < 60):
            return Published(f"{y}-{mo}-{d}T{hh}:{mm}", "minute", "metadata", text)
        return Published(f"{y}-{mo}-{d}", "day", "metadata", text)
    from linimasa.timex.tagger import tag

    for lang in languages:
        try:
            found = tag(text, lang)
        except Exception:  # a language without rules, or a tagger failure: the date stays unread
            continue
        for f in found:
            m2 = _FULL.match(f.timex.value)
            if f.explicit_year and f.timex.type in ("DATE", "TIME") and m2 and f.timex.mod is None:
                value = m2.group(0)
                return Published(value, "minute" if "T" in value else "day", "metadata", text)
    return None


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
    if isinstance(g.get("published"), str):
        article.published = parse_date(g["published"])
    return article
