"""The cleaner's patterns and word lists, compiled once from the `clean.yaml` of every language.

All languages are merged because a scraped page mixes them: an Indonesian article carries English
widgets ("Leave a Reply", "Advertisement") and an English one may carry Indonesian share prompts.
The rules are data (resources/<lang>/clean.yaml); this module only compiles them.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from linimasa import resources
from linimasa.model import LINE_KINDS, LineKind

DASHES = "-–—‒―"
TERMINAL = ".!?…"
CLOSING_QUOTES = "\"'”’»)"


@dataclass(frozen=True)
class CleanRules:
    """Compiled cleaning rules. `boilerplate` and `metadata` are (reason, pattern) pairs tried in order."""

    related_label: re.Pattern[str]
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]
    captions: tuple[re.Pattern[str], ...]
    """Compiled one by one: a literal-led pattern alone is searched fast, an alternation of them is not."""
    caption_max_chars: int
    caption_triggers: tuple[str, ...]
    metadata: tuple[tuple[str, re.Pattern[str]], ...]
    block_headings: frozenset[str]
    byline_words: frozenset[str]
    date_core: re.Pattern[str]
    date_words: frozenset[str]
    date_not_words: frozenset[str]
    seo_words: frozenset[str]
    seo_connectors: frozenset[str]
    tails: tuple[re.Pattern[str], ...]
    glued_widgets: re.Pattern[str] | None
    schedule_line: re.Pattern[str]
    """A time-table line: a clock time (after an opener such as "Pukul"), then a colon or dash and
    what happens then ("Pukul 16.00 WIB: Free Practice 1", "09:30 - Opening")."""


def _languages_with(name: str) -> list[str]:
    return [lang for lang in resources.languages() if resources.path(lang, f"{name}.yaml").is_file()]


def _merged(name: str) -> list[dict[str, Any]]:
    return [resources.load(lang, name) for lang in _languages_with(name)]


def _alternation(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _words(docs: list[dict[str, Any]], *keys: str) -> list[str]:
    out: list[str] = []
    for doc in docs:
        node: Any = doc
        for k in keys:
            node = (node or {}).get(k) if isinstance(node, dict) else None
        out.extend(str(w).casefold() for w in node or [])
    return out


def _reason_patterns(docs: list[dict[str, Any]], key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    grouped: dict[str, list[str]] = {}
    for doc in docs:
        for reason, patterns in (doc.get(key) or {}).items():
            grouped.setdefault(reason, []).extend(patterns or [])
    return tuple((reason, re.compile(_alternation(ps), re.IGNORECASE)) for reason, ps in grouped.items() if ps)


def kind_of(reason: str) -> LineKind | None:
    """The `Line.kind` of a pattern rule: its name in clean.yaml when that is a kind ("editor",
    "source", "navigation"), else None (the reason alone says what the rule was)."""
    return typing.cast(LineKind, reason) if reason in LINE_KINDS else None


def _check_metadata_kinds(metadata: tuple[tuple[str, re.Pattern[str]], ...]) -> None:
    """Every metadata rule of clean.yaml must name a line kind: later stages find bylines, sources
    and dates by kind, so a metadata rule without one would label lines nobody reads."""
    unknown = sorted(reason for reason, _ in metadata if reason not in LINE_KINDS)
    if unknown:
        raise ValueError(f"clean.yaml: metadata rules {unknown} are not line kinds {LINE_KINDS}")


def _date_core(months: list[str], weekdays: list[str]) -> re.Pattern[str]:
    """A date as news sites print it: "21 Oktober 2021", "18 Jun 2025", "June 18, 2025", "18/06/2025",
    optionally with a weekday before and a time (and time zone) after."""
    month = _alternation(re.escape(m) for m in sorted(set(months), key=len, reverse=True))
    weekday = _alternation(re.escape(w) for w in sorted(set(weekdays), key=len, reverse=True))
    day_month_year = rf"\d{{1,2}}\s+(?:{month})\.?\s+\d{{4}}"
    month_day_year = rf"(?:{month})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    numeric = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    time = r"(?:[\s,|/-]*(?:pukul|jam|at)?\s*\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:\s*(?:[ap]\.?m\.?))?)?"
    return re.compile(
        rf"(?:(?:{weekday})\s*[,/]?\s*)?(?:{day_month_year}|{month_day_year}|{numeric}){time}",
        re.IGNORECASE,
    )


def _schedule_line(openers: list[str]) -> re.Pattern[str]:
    """Anchored, each part optional at most once: matched in time linear in the line."""
    opener = _alternation(re.escape(w) for w in openers) if openers else "(?!)"
    clock = r"\d{1,2}[.:]\d{2}"
    return re.compile(
        rf"^(?:(?:{opener})\.?\s+)?{clock}(?:\s*[{re.escape(DASHES)}]\s*{clock})?"
        rf"(?:\s*(?:[ap]\.?m\.?|(?-i:[A-Z]{{2,4}})))?\s*[:{re.escape(DASHES)}]\s*\S",
        re.IGNORECASE,
    )


def _compiled_or_none(patterns: list[str], flags: int) -> re.Pattern[str] | None:
    return re.compile(_alternation(patterns), flags) if patterns else None


@functools.cache
def load_rules() -> CleanRules:
    docs = _merged("clean")
    timex = _merged("timex")  # month and weekday names live with the time tagger, in one place
    labels = sorted(set(_words(docs, "related_labels")), key=len, reverse=True)
    # A label counts when followed by a colon/dash, by the end of the line, by a quoted title, or by
    # a capitalised title, glued or not ("Baca JugaRI-Singapura ...", "Read more Flooding Closes ..."):
    # "Watch out for...", "More than anything, ...", "Moreover, ..." are no labels. A label with one or
    # two words after it and nothing else ("Read More Stories", "More trending stories", "Related
    # Coverage") is a bare label all the same (group `more`). The dashes are
    # escaped in the class: a bare "-" between ":" and "–" made a range over every ASCII letter, so
    # any word after a label ("More than", "Lihat juga bagaimana") passed for a separator.
    label_alternation = _alternation(re.escape(w).replace(r"\ ", r"\s+") for w in labels)
    sep = f"[:{re.escape(DASHES)}»›>]"
    related = re.compile(
        f"(?:{label_alternation})"
        + rf"(?:\s*{sep}+\s*|\s*$|\s+(?P<more>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*{sep}?\s*$"
        + r"|\s*(?=(?-i:[A-Z0-9\"“]))|\s+(?=[\"“'‘]))(?P<rest>.*)$",
        re.IGNORECASE,
    )
    captions = [p for doc in docs for p in doc.get("captions") or []]
    metadata = _reason_patterns(docs, "metadata")
    _check_metadata_kinds(metadata)
    return CleanRules(
        related_label=related,
        boilerplate=_reason_patterns(docs, "boilerplate"),
        captions=tuple(re.compile(p, re.IGNORECASE) for p in captions),
        caption_triggers=tuple(sorted(set(_words(docs, "caption_triggers")))),
        caption_max_chars=max((int(doc.get("caption_max_chars", 0)) for doc in docs), default=0) or 260,
        metadata=metadata,
        block_headings=frozenset(_words(docs, "block_headings")),
        byline_words=frozenset(_words(docs, "byline_words")),
        date_core=_date_core(
            _words(timex, "months") + _words(docs, "date", "extra_months"),
            _words(timex, "weekdays") + _words(docs, "date", "extra_weekdays"),
        ),
        date_words=frozenset(_words(docs, "date", "words")),
        date_not_words=frozenset(_words(docs, "date", "not_words")),
        seo_words=frozenset(_words(docs, "inline", "seo_words")),
        seo_connectors=frozenset(_words(docs, "inline", "seo_connectors")),
        glued_widgets=_compiled_or_none(
            [p for doc in docs for p in (doc.get("inline") or {}).get("glued_widgets") or []], 0
        ),
        schedule_line=_schedule_line(sorted(set(_words(docs, "clock_openers")))),
        tails=tuple(
            re.compile(p, re.IGNORECASE) for doc in docs for p in (doc.get("inline") or {}).get("tails") or []
        ),
    )
