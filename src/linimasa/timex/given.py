"""Dates an input gave as metadata (`Article.given`: an HTML page's meta tags, a CSV's date column,
a feed entry's date, a WARC record's date), read into a `Published` with `how="metadata"`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from linimasa.model import Article, Published
from linimasa.timex.tagger import tag

_ISO = re.compile(
    r"^\s*(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d(?:[.,]\d+)?)?)?\s*(?:Z|UTC|GMT|[+-]\d\d:?\d\d)?\s*$"
)
_FULL = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d)?")


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


def given_published(article: Article) -> Published | None:
    """The publication date the input gave, when it can be read."""
    value = article.given.get("published")
    return parse_date(str(value)) if value else None


def fetched_published(article: Article) -> Published | None:
    """When the page was fetched (a WARC record's date): the date of last resort."""
    fetched = article.given.get("fetched")
    found = parse_date(str(fetched)) if fetched else None
    if found:
        found.text = f"fetched {fetched}"
    return found
