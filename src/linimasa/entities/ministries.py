"""One key for a country's ministry in any language and word order.

"Kementerian Luar Negeri Rusia", "Kemlu Rusia", "Russian Foreign Ministry", "Russia's Foreign
Ministry" and "Ministry of Foreign Affairs of Russia" all name one organisation; the portfolio
names come from `resources/shared/ministries.yaml` and the country from the gazetteer (country
names and English demonyms), so the key is `ministry:foreign:country:RU`.
"""

from __future__ import annotations

import functools
import re

from linimasa import resources
from linimasa.text.gazetteer import Gazetteer

SHORT_FORMS_FILE = "ministry_short_forms.tsv"


@functools.cache
def short_forms() -> dict[str, str]:
    """ "Kemlu" and friends: short forms of a ministry (lower case) -> portfolio, from the
    `ministry_short_forms.tsv` of every language that has one (today Indonesian)."""
    out: dict[str, str] = {}
    for lang in resources.languages():
        if resources.path(lang, SHORT_FORMS_FILE).is_file():
            rows = resources.load_tsv(lang, SHORT_FORMS_FILE)
            out.update({row[0].casefold(): row[1] for row in rows if len(row) >= 2})
    return out


@functools.cache
def _portfolios() -> dict[str, str]:
    """Portfolio name (any language, lower case) -> portfolio id."""
    out: dict[str, str] = {}
    for portfolio, names in (resources.load_or_empty("shared", "ministries") or {}).items():
        for values in (names or {}).values():
            for name in values or []:
                out[str(name).casefold()] = str(portfolio)
    return out


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    p = _alternatives(list(_portfolios()))
    short = _alternatives(list(short_forms()))
    return (
        re.compile(rf"(?:kantor )?kementerian (?P<portfolio>{p}) (?P<country>.+)", re.IGNORECASE),
        re.compile(rf"(?P<short>{short}) (?P<country>.+)", re.IGNORECASE),
        re.compile(rf"(?:the )?(?P<country>.+?)(?:['’]s)? (?P<portfolio>{p}) ministry", re.IGNORECASE),
        re.compile(rf"(?:the )?ministry (?:of|for) (?P<portfolio>{p})(?: of (?:the )?(?P<country>.+))?", re.IGNORECASE),
    )


def ministry_key(name: str, gazetteer: Gazetteer) -> str | None:
    """`ministry:<portfolio>:<country id>` for a ministry name with a known country, else None."""
    name = re.sub(r"\s+", " ", name).strip()
    for pattern in _patterns():
        m = pattern.fullmatch(name)
        if not m:
            continue
        groups = m.groupdict()
        portfolio = short_forms().get((groups.get("short") or "").casefold()) or _portfolios().get(
            (groups.get("portfolio") or "").casefold()
        )
        country_text = (groups.get("country") or "").strip()
        if not portfolio or not country_text:
            continue
        entry = gazetteer.lookup(country_text)
        country = entry.id if entry is not None and entry.type == "GPE" else gazetteer.demonyms.get(country_text)
        if country:
            return f"ministry:{portfolio}:{country}"
    return None


def portfolios() -> frozenset[str]:
    """Every portfolio name of every language (lower case): "luar negeri", "foreign affairs"."""
    return frozenset(_portfolios())
