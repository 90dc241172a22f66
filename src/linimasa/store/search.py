"""Full-text search and the reading views' queries: the types every backend returns, and the one
query language readers type.

A reader's query is FTS5's syntax made forgiving (`fts_query`): words match whole tokens (case and
diacritics folded), `word*` is a prefix, `"a phrase"` a phrase, `AND` / `OR` / `NOT` and parentheses
combine them, and any word FTS5 would reject as syntax ("U.S.", "Lavrov's", "negara-negara") is
searched as the phrase of its tokens. `syntax="fts5"` passes the query through untouched (NEAR,
column filters, `^`). Either way a query the engine cannot parse raises `SearchError` with a message
a person can act on, never a database error.

Snippets and highlighted titles come back as plain text plus `(start, end)` character spans of the
hits, so every renderer escapes the text itself (HTML, JSON, a terminal) and no markup ever travels
inside article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SEARCH_KINDS = ("articles", "events")
MAX_QUERY_CHARS = 500
MAX_OFFSET = 10_000
"""Search pages by offset (results are ranked, not stored in an order); deeper than this, narrow the query."""

MARK_START, MARK_END = "\x02", "\x03"
"""What the engine puts around each hit in a snippet; `split_marks` turns them into spans."""

_DATE_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2})?)?)?)?$")
_TOKEN = re.compile(r'"(?:[^"]|"")*"\*?|"[^"]*$|[^\s"]+')
_BAREWORD = re.compile(r"\w+", re.UNICODE)
OPERATORS = frozenset({"AND", "OR", "NOT"})


class SearchError(ValueError):
    """A query or filter the search cannot run; the message says what to change."""


@dataclass(frozen=True)
class SearchQuery:
    """A full-text query with filters; every filter narrows, None means any.

    `date_from` / `date_to` are ISO prefixes ("2021", "2021-10", "2021-10-20"): `date_to="2021-10"`
    takes all of October. For articles the date is the publication date, for events their own.
    `type` is a PLOVER event type: events of that type, or articles that report one.
    """

    text: str
    kind: str = "articles"
    entity: str | None = None
    type: str | None = None
    story: str | None = None
    outlet: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    syntax: str = "simple"
    limit: int = 20
    cursor: str | None = None


@dataclass
class SearchHit:
    """One article or event that matched, with its best snippet and the hits marked as spans."""

    kind: str
    id: str
    title: str
    snippet: str
    score: float
    title_marks: list[tuple[int, int]] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)
    date: str | None = None
    precision: str | None = None
    outlet: str | None = None
    language: str | None = None
    story: str | None = None
    type: str | None = None
    source: str | None = None
    articles: list[str] = field(default_factory=list)


@dataclass
class SearchPage:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    next_cursor: str | None = None


@dataclass
class StorySummary:
    """What a list of stories shows, read without loading every story's members."""

    id: str
    label: str
    first: str | None
    last: str | None
    n_articles: int
    n_events: int
    outlets: list[str]
    languages: dict[str, int]


@dataclass
class EntitySummary:
    id: str
    name: str
    type: str
    aliases: list[str]
    n_articles: int
    n_mentions: int


@dataclass
class ArticleCard:
    """An article as a list shows it: no text, no per-article results."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    language: str
    published: str | None
    precision: str | None
    story: str | None
    duplicate_of: str | None


def fts_query(text: str, syntax: str = "simple") -> str:
    """The FTS5 MATCH expression for what a reader typed (see the module docstring)."""
    if syntax not in ("simple", "fts5"):
        raise SearchError(f"syntax must be 'simple' or 'fts5', not {syntax!r}")
    text = (text or "").strip()
    if not text:
        raise SearchError("the query is empty: type a word to search for")
    if len(text) > MAX_QUERY_CHARS:
        raise SearchError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    if MARK_START in text or MARK_END in text or "\x00" in text:
        raise SearchError("the query holds control characters")
    if syntax == "fts5":
        return text
    out: list[str] = []
    depth = 0
    for tok in _TOKEN.findall(text):
        if tok.startswith('"'):
            if len(tok) < 2 or not tok.rstrip("*").endswith('"') or tok.rstrip("*") == '"':
                raise SearchError('a quotation mark is not closed: write "a phrase" with both quotes')
            out.append(tok)
            continue
        # parentheses group only at the edges of a word: "alert(1)" is a word, "(a OR b)" a group
        core = tok.lstrip("(")
        opens = len(tok) - len(core)
        stripped = core.rstrip(")")
        closes = len(core) - len(stripped)
        inner = min(closes, stripped.count("(") - stripped.count(")"))  # "alert(1)" keeps its own ")"
        if inner > 0:
            stripped, closes = stripped + ")" * inner, closes - inner
        out += ["("] * opens
        depth += opens
        if stripped in OPERATORS:
            out.append(stripped)
        elif stripped:
            prefix = stripped.endswith("*")
            word = stripped.rstrip("*")
            if not word:
                raise SearchError("'*' must follow a word: write lavr* for words starting with lavr")
            star = "*" if prefix else ""
            if _BAREWORD.fullmatch(word) and word not in OPERATORS | {"NEAR"}:
                out.append(word + star)
            else:  # punctuation inside: search the phrase of its tokens ("U.S." -> "u s")
                out.append('"' + word.replace('"', '""') + '"' + star)
        out += [")"] * closes
        depth -= closes
        if depth < 0:
            raise SearchError("a closing parenthesis has no opening one")
    if depth:
        raise SearchError("a parenthesis is not closed")
    return " ".join(out)


def split_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Text with MARK_START/MARK_END around hits -> (plain text, [(start, end)]); stray marks dropped."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start: int | None = None
    for ch in marked:
        if ch == MARK_START:
            start = pos
        elif ch == MARK_END:
            if start is not None and pos > start:
                spans.append((start, pos))
            start = None
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), spans


def check_date_prefix(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE_PREFIX.match(value):
        raise SearchError(f"{name} must be a date such as 2021, 2021-10 or 2021-10-20, not {value!r}")
    return value


def offset_of(cursor: str | None) -> int:
    """The offset an opaque search cursor stands for."""
    if cursor in (None, ""):
        return 0
    assert cursor is not None
    if not cursor.isdigit() or int(cursor) > MAX_OFFSET:
        raise SearchError("cursor: not a cursor this search returned (use next_cursor as given)")
    return int(cursor)


__all__ = [
    "MARK_END",
    "MARK_START",
    "SEARCH_KINDS",
    "ArticleCard",
    "EntitySummary",
    "SearchError",
    "SearchHit",
    "SearchPage",
    "SearchQuery",
    "StorySummary",
    "check_date_prefix",
    "fts_query",
    "offset_of",
    "split_marks",
]
