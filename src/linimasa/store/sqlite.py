"""The SQLite store: the default, a single file anyone can open with `sqlite3` or datasette.

The schema is the API: an article's searchable fields are columns, and what the stages found in it
is one table each (`lines`, `timexes`, `mentions`, `event_mentions`, `article_conflicts`), so SQL (or
datasette) can ask "every timex of June 2025" or "every mention of this entity" directly. Corpus
results live in their own tables (`entities`, `entity_mentions`, `entity_keys`, `entity_redirects`,
`article_keys`, `terms`, `article_terms`, `article_term_counts`, and events/stories/timeline for the
later stages), so an article row is written once, when it is ingested. What a corpus stage asks of
every new article is kept current as it changes, not counted again from a table that grows with the
store: each entity's article count (`entity_articles`, by triggers), each timeline row and each
date's sums. Migrations are named; the schema version lives in `PRAGMA user_version`.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from linimasa.model import (
    Article,
    Conflict,
    Corpus,
    DateValue,
    Entity,
    EntityRecord,
    Event,
    EventMention,
    Line,
    Mention,
    MentionRef,
    Published,
    Role,
    Span,
    Story,
    Timeline,
    TimelineDay,
    TimelineEntry,
    TimelineRow,
    Timex,
    date_sort_key,
    from_dict,
    to_dict,
)
from linimasa.store.base import Page, Query, Store
from linimasa.store.errors import StoreError
from linimasa.store.sqlite_check import APPLICATION_ID, check_sqlite_target
from linimasa.store.sqlite_search import SQLiteSearch, migrate_search

UNDATED_WINDOW = 500
"""How many of the most recent undated articles a new dated article may help date."""
BUSY_TIMEOUT_S = 600
"""How long a writer waits for another process's write transaction before giving up."""
PAGE_CACHE_KIB = 32 * 1024
"""SQLite's page cache per connection (its default is 2 MiB). A corpus chunk on a 10,000-article
store touches some 17,000 pages (a new article's words land on a leaf of the word index each): with
the default cache, pages were read again from the file many times over and dirty ones spilled to the
WAL more than once per transaction (9 GB read and 2.9 GB written to add 1,000 articles)."""

_V1 = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, language TEXT, title TEXT, outlet TEXT, dateline TEXT,
    published_value TEXT, published_precision TEXT, published_how TEXT, editor TEXT, text TEXT NOT NULL,
    duplicate_of TEXT, story TEXT, n_errors INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published_value);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE entity_mentions (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
CREATE TABLE events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, date_value TEXT, date_precision TEXT,
    mode TEXT NOT NULL, summary TEXT, doc TEXT NOT NULL
);
CREATE INDEX events_date ON events(date_value);
CREATE TABLE conflicts (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, about TEXT, doc TEXT NOT NULL);
CREATE TABLE stories (id TEXT PRIMARY KEY, label TEXT, doc TEXT NOT NULL);
CREATE TABLE timeline (seq INTEGER PRIMARY KEY, date_value TEXT NOT NULL, doc TEXT NOT NULL);
"""

_V2_TABLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    encoding TEXT NOT NULL DEFAULT 'utf-8',
    language TEXT,
    title TEXT,
    outlet TEXT,
    dateline TEXT,
    published_value TEXT,
    published_precision TEXT,
    published_how TEXT,
    published_text TEXT,
    editor TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    wire_sources TEXT NOT NULL DEFAULT '[]',
    duplicate_of TEXT,
    story TEXT,
    errors TEXT NOT NULL DEFAULT '[]',
    n_errors INTEGER NOT NULL DEFAULT 0,
    raw TEXT NOT NULL,
    text TEXT NOT NULL,
    extra TEXT NOT NULL DEFAULT '{}',
    seq INTEGER NOT NULL,
    corpus_done INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX articles_seq ON articles(seq);
CREATE INDEX articles_published ON articles(published_value);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_pending ON articles(corpus_done, seq);
CREATE INDEX articles_undated ON articles(seq)
    WHERE published_value IS NULL OR published_how IN ('corpus', 'unknown');
CREATE TABLE lines (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL, reason TEXT NOT NULL, kept TEXT,
    extra TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (article_id, n)
);
CREATE TABLE timexes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT, flags TEXT NOT NULL DEFAULT '[]', anchor TEXT,
    line INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX timexes_value ON timexes(value);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, source TEXT NOT NULL, score REAL, key TEXT, role TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_text ON mentions(text);
CREATE TABLE event_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE article_conflicts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, kind TEXT NOT NULL, about TEXT, doc TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, key TEXT NOT NULL,
    n_mentions INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL
);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE entity_mentions (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (article_id, start, "end")
);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, article_id);
CREATE TABLE entity_keys (
    key TEXT NOT NULL, entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
CREATE TABLE entity_redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
CREATE TABLE article_keys (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, key TEXT NOT NULL,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE article_terms (
    term TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (term, seq)
) WITHOUT ROWID;
CREATE INDEX article_terms_article ON article_terms(article_id);
CREATE TABLE events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, date_value TEXT, date_precision TEXT,
    mode TEXT NOT NULL, summary TEXT, doc TEXT NOT NULL
);
CREATE INDEX events_date ON events(date_value);
CREATE TABLE conflicts (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, about TEXT, doc TEXT NOT NULL);
CREATE TABLE stories (id TEXT PRIMARY KEY, label TEXT, doc TEXT NOT NULL);
CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, article_id)
);
CREATE TABLE timeline (seq INTEGER PRIMARY KEY, date_value TEXT NOT NULL, doc TEXT NOT NULL);
"""

_CORPUS_TABLES = (
    "entity_mentions", "entity_keys", "entity_redirects", "entities", "article_keys", "article_term_counts",
    "article_terms", "terms", "event_keys", "events", "conflicts", "story_keys", "story_articles", "stories",
    "timeline", "minhash_bands", "article_minhash", "timeline_days", "timeline_events", "timeline_event_roots",
    "timeline_event_articles", "timeline_outlets", "timeline_orphans", "entity_articles",
)


_JSON_FIELDS: dict[type, tuple[str, ...]] = {}


def _json_fields(obj: object) -> dict[str, Any]:
    """`json.dumps`' `default`: a model object (a dataclass instance) as a dict of its fields, one
    level deep. The encoder walks what they hold itself, in C, and calls this again for a model object
    inside: the JSON text `to_dict` then `json.dumps` gives, without first copying every list and
    dict of a story's hundreds of weights or an entity's aliases and roles in Python."""
    tp = type(obj)
    names = _JSON_FIELDS.get(tp)
    if names is None:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            raise TypeError(f"Object of type {tp.__name__} is not JSON serializable")
        names = _JSON_FIELDS[tp] = tuple(f.name for f in dataclasses.fields(obj))
    return {name: getattr(obj, name) for name in names}


def _dumps(obj: object) -> str:
    return json.dumps(obj, default=_json_fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    """Articles were one JSON document each: spread them over the new tables and queue them all for
    the corpus stages, which rebuild the corpus results incrementally on the next run."""
    old = [json.loads(d) for (d,) in db.execute("SELECT doc FROM articles ORDER BY rowid")]
    for table in ("timeline", "stories", "conflicts", "events", "entity_mentions", "entities", "articles"):
        db.execute(f"DROP TABLE {table}")
    for stmt in _V2_TABLES.split(";"):
        if stmt.strip():
            db.execute(stmt)
    for seq, d in enumerate(old, 1):
        article = from_dict(Article, d)
        for m in article.mentions:
            m.entity = None
        _insert_article(db, article, seq)


# Each step takes a database from version i to i+1 (a script, or a function for data moves).
_V3 = """
CREATE TABLE event_keys (
    type TEXT NOT NULL, actor TEXT NOT NULL, event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (type, actor, event_id)
) WITHOUT ROWID;
CREATE INDEX event_keys_event ON event_keys(event_id);
CREATE INDEX conflicts_about ON conflicts(about);
"""

_V4 = """
CREATE TABLE article_minhash (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    n_shingles INTEGER NOT NULL, signature BLOB NOT NULL
);
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL, hash INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_article ON minhash_bands(article_id);
CREATE TABLE story_keys (
    key TEXT NOT NULL, story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_story ON story_keys(story_id);
ALTER TABLE timeline ADD COLUMN story TEXT;
CREATE INDEX timeline_story_date ON timeline(story, date_value);
"""

_V5_TERM_COUNTS = """
CREATE TABLE article_term_counts (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, terms TEXT NOT NULL
)
"""

_V6_MENTION_SEQ = """
ALTER TABLE entity_mentions ADD COLUMN seq INTEGER;
UPDATE entity_mentions SET seq = (SELECT seq FROM articles WHERE id = entity_mentions.article_id);
DROP INDEX entity_mentions_entity;
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, seq, article_id);
CREATE INDEX entity_redirects_new ON entity_redirects(new_id)
"""


_V8_CORPUS_KEYS = """
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX IF NOT EXISTS event_keys_actor ON event_keys(actor);
CREATE TABLE IF NOT EXISTS timeline_days (
    date_value TEXT PRIMARY KEY, events INTEGER NOT NULL, background INTEGER NOT NULL,
    conflicts INTEGER NOT NULL, sources INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timeline_events (
    event_id TEXT PRIMARY KEY, date_value TEXT NOT NULL, date_precision TEXT NOT NULL,
    sources INTEGER NOT NULL, background INTEGER NOT NULL, conflicted INTEGER NOT NULL, summary TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS timeline_events_order ON timeline_events(date_value, sources DESC, background, event_id);
CREATE TABLE IF NOT EXISTS timeline_event_roots (
    event_id TEXT NOT NULL, root TEXT NOT NULL, date_value TEXT NOT NULL, PRIMARY KEY (event_id, root)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS timeline_event_roots_date ON timeline_event_roots(date_value, root);
CREATE TABLE IF NOT EXISTS timeline_event_articles (
    event_id TEXT NOT NULL, article TEXT NOT NULL, date_value TEXT NOT NULL, PRIMARY KEY (event_id, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS timeline_event_articles_date ON timeline_event_articles(date_value, article);
CREATE TABLE IF NOT EXISTS timeline_outlets (
    date_value TEXT NOT NULL, outlet TEXT NOT NULL, roots INTEGER NOT NULL, PRIMARY KEY (date_value, outlet)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timeline_orphans (
    date_value TEXT NOT NULL, root TEXT NOT NULL, PRIMARY KEY (date_value, root)
) WITHOUT ROWID
"""


_ENTITY_ARTICLES_TRIGGERS = (
    # A mention counts its (entity, article) pair once: only the first mention of an entity in an
    # article adds one, only the last one gone takes it away (the `entity_mentions_entity` index
    # answers each check). Every writer of `entity_mentions` (linking, merges, splits, an article's
    # cascade) keeps the counts current without knowing of them.
    """CREATE TRIGGER IF NOT EXISTS entity_articles_insert AFTER INSERT ON entity_mentions
    WHEN new.seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entity_mentions WHERE entity_id = new.entity_id
        AND seq = new.seq AND rowid != new.rowid)
    BEGIN
        INSERT INTO entity_articles (entity_id, n) VALUES (new.entity_id, 1)
            ON CONFLICT(entity_id) DO UPDATE SET n = n + 1;
    END""",
    """CREATE TRIGGER IF NOT EXISTS entity_articles_delete AFTER DELETE ON entity_mentions
    WHEN old.seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entity_mentions WHERE entity_id = old.entity_id
        AND seq = old.seq)
    BEGIN
        UPDATE entity_articles SET n = n - 1 WHERE entity_id = old.entity_id;
    END""",
    """CREATE TRIGGER IF NOT EXISTS entity_articles_update AFTER UPDATE OF entity_id, seq ON entity_mentions
    WHEN old.entity_id IS NOT new.entity_id OR old.seq IS NOT new.seq
    BEGIN
        UPDATE entity_articles SET n = n - 1 WHERE entity_id = old.entity_id AND old.seq IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM entity_mentions WHERE entity_id = old.entity_id AND seq = old.seq);
        INSERT INTO entity_articles (entity_id, n) SELECT new.entity_id, 1 WHERE new.seq IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM entity_mentions WHERE entity_id = new.entity_id AND seq = new.seq
                AND rowid != new.rowid)
            ON CONFLICT(entity_id) DO UPDATE SET n = n + 1;
    END""",
)
_ENTITY_ARTICLES_COUNT = ("INSERT INTO entity_articles (entity_id, n) SELECT entity_id, COUNT(DISTINCT seq)"
                          " FROM entity_mentions WHERE seq IS NOT NULL GROUP BY entity_id")


_ARTICLES_META_INDEX = "CREATE INDEX IF NOT EXISTS articles_meta ON articles(id, outlet, duplicate_of, source)"
"""`article_meta` answered from the index alone: an article's row holds its raw bytes and text, and
the timeline reads the outlets of hundreds of sources for a much-reported story's day."""


def _packed(ids: Iterable[str]) -> str:
    """A timeline row's roots or articles in one column (`timeline_events`): sorted, tab-separated."""
    return "\t".join(sorted(set(ids)))


def _unpacked(packed: str) -> tuple[str, ...]:
    return tuple(packed.split("\t")) if packed else ()


def _migrate_9(db: sqlite3.Connection) -> None:
    """How many articles name each entity, kept by triggers as mentions come and go: story linking
    asks it of every entity of every new article, and counting a common entity's mentions each time
    grew with the store. An index that holds what `article_meta` reads (`_ARTICLES_META_INDEX`).
    Each timeline row's roots and articles also in its `timeline_events` row: a story's entry of a
    date is made from all its events' rows there, one row each instead of one per source."""
    have = {row[1] for row in db.execute("PRAGMA table_info(timeline_events)")}
    for column in ("roots", "articles"):  # a database that ran it already (its version set back) has them
        if column not in have:
            db.execute(f"ALTER TABLE timeline_events ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    for column, table in (("root", "timeline_event_roots"), ("article", "timeline_event_articles")):
        parts: dict[str, list[str]] = {}
        for eid, x in db.execute(f"SELECT event_id, {column} FROM {table}"):
            parts.setdefault(eid, []).append(x)
        db.executemany(f"UPDATE timeline_events SET {column}s = ? WHERE event_id = ?",
                       [(_packed(xs), eid) for eid, xs in parts.items()])
    db.execute(_ARTICLES_META_INDEX)
    db.execute("CREATE TABLE IF NOT EXISTS entity_articles (entity_id TEXT PRIMARY KEY, n INTEGER NOT NULL)"
               " WITHOUT ROWID")
    db.execute("DELETE FROM entity_articles")
    db.execute(_ENTITY_ARTICLES_COUNT)
    for trigger in _ENTITY_ARTICLES_TRIGGERS:
        db.execute(trigger)


def _term_counts_doc(terms: Mapping[str, int]) -> str:
    """An article's term counts as stored in `article_term_counts`: keys in code-point order (the
    order SQLite's BINARY collation gives `article_terms` rows), so reads see the same dict order."""
    return json.dumps(terms, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _migrate_4_to_5(db: sqlite3.Connection) -> None:
    """Dating reads whole term vectors of up to thousands of neighbour candidates: one row per article
    instead of one row per (term, article) makes that read one lookup per article."""
    db.execute(_V5_TERM_COUNTS)
    rows = db.execute("SELECT article_id, term, n FROM article_terms ORDER BY article_id, term")
    current: str | None = None
    counts: dict[str, int] = {}
    for aid, term, n in itertools.chain(rows, [(None, None, None)]):
        if aid != current:
            if current is not None:
                db.execute("INSERT INTO article_term_counts (article_id, terms) VALUES (?, ?)",
                           (current, _term_counts_doc(counts)))
            current, counts = aid, {}
        counts[term] = n


MIGRATIONS: list[tuple[str, str | Callable[[sqlite3.Connection], None]]] = [
    ("create the article and corpus tables", _V1),
    ("normalise per-article results into tables; corpus results keyed for incremental stages", _migrate_1_to_2),
    ("key events by type and actor for incremental merging", _V3),
    ("MinHash signatures and LSH bands for near-duplicates; story keys; a timeline per story", _V4),
    ("an article's term counts in one row (the vectors dating compares)", _migrate_4_to_5),
    ("entity mentions carry their article's seq (a person's most recent articles are one index range);"
     " redirects indexed by target (a merge rewrites those that point at the merged entity)", _V6_MENTION_SEQ),
    ("copies indexed by original, event keys by actor; each event's share of the timeline entry of its date"
     " (an entry is updated by the events a batch changes, not rebuilt from all the events of its date)",
     _V8_CORPUS_KEYS),
    ("the count of articles that name each entity, kept by triggers (not counted from its mentions each time);"
     " articles' outlets and originals read from an index",
     _migrate_9),
    # keep this one last: a later migration goes before it (its triggers read the tables as they end up)
    ("full-text search (FTS5) over articles and events, kept current by triggers; events by place",
     migrate_search),
]
SCHEMA_VERSION = len(MIGRATIONS)
SEARCH_SINCE = 7
"""The first schema version that ended with the search migration. It has stayed last since (a later
migration goes in before it), so a database at version v >= SEARCH_SINCE ran the first v - 1
migrations and the search one: the migrations put in before search since then have not run there."""


def _first_missing(version: int) -> int:
    """The index of the first migration a database at `version` has not run (see `SEARCH_SINCE`); the
    search migration, which a database from SEARCH_SINCE on has run already, runs again (its indexes
    are rebuilt, nothing else changes)."""
    return version - 1 if SEARCH_SINCE <= version < SCHEMA_VERSION else version

_ARTICLE_COLUMNS = (
    "id, source, encoding, language, title, outlet, dateline, published_value, published_precision, "
    "published_how, published_text, editor, authors, wire_sources, duplicate_of, story, errors, n_errors, "
    "raw, text, extra, seq"
)
# Article fields with a table or column of their own; the rest (e.g. sentences) go to `extra`.
_STORED_FIELDS = frozenset(
    {"id", "source", "encoding", "language", "title", "outlet", "dateline", "published", "editor", "authors",
     "wire_sources", "duplicate_of", "story", "errors", "raw", "text", "lines", "timexes", "mentions",
     "event_mentions", "conflicts"}
)
_LINE_FIELDS = frozenset({"n", "text", "label", "reason", "kept"})
_ARTICLE_EXTRA = tuple(f.name for f in dataclasses.fields(Article) if f.name not in _STORED_FIELDS | {"sentences"})
"""The article fields kept in the `extra` JSON besides its sentences: serialised by name, not by
serialising the whole article (its lines, mentions and timexes, which have columns of their own) and
dropping most of it."""
_LINE_EXTRA = tuple(f.name for f in dataclasses.fields(Line) if f.name not in _LINE_FIELDS)


def _insert_article(db: sqlite3.Connection, a: Article, seq: int) -> bool:
    p = a.published
    extra = {k: to_dict(getattr(a, k)) for k in _ARTICLE_EXTRA}
    # sentences are offsets into `text`: storing their text again would double the stored text
    extra["sentences"] = [[s.start, s.end] for s in a.sentences]
    cur = db.execute(
        f"INSERT OR IGNORE INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 22)})",
        (
            a.id, a.source, a.encoding, a.language, a.title, a.outlet, a.dateline,
            p.value if p else None, p.precision if p else None, p.how if p else None, p.text if p else None,
            a.editor, json.dumps(a.authors, ensure_ascii=False), json.dumps(a.wire_sources, ensure_ascii=False),
            a.duplicate_of, a.story, json.dumps(a.errors, ensure_ascii=False), len(a.errors),
            a.raw, a.text, json.dumps(extra, ensure_ascii=False, sort_keys=True), seq,
        ),
    )
    if cur.rowcount == 0:
        return False  # another writer stored these bytes first
    db.executemany(
        "INSERT INTO lines (article_id, n, text, label, reason, kept, extra) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (a.id, ln.n, ln.text, ln.label, ln.reason, ln.kept,
             json.dumps({k: to_dict(getattr(ln, k)) for k in _LINE_EXTRA}, ensure_ascii=False))
            for ln in a.lines
        ],
    )
    _insert_dates(db, a)
    db.executemany(
        'INSERT INTO mentions (article_id, idx, start, "end", text, type, source, score, key, role)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(a.id, i, m.start, m.end, m.text, m.type, m.source, m.score, m.key, m.role) for i, m in enumerate(a.mentions)],
    )
    db.executemany(
        'INSERT INTO event_mentions (article_id, idx, type, start, "end", text, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(a.id, i, e.type, e.start, e.end, e.text, _dumps(e)) for i, e in enumerate(a.event_mentions)],
    )
    return True


def _insert_dates(db: sqlite3.Connection, a: Article) -> None:
    db.executemany(
        'INSERT INTO timexes (article_id, idx, start, "end", text, type, value, mod, flags, anchor, line)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (a.id, i, t.start, t.end, t.text, t.type, t.value, t.mod, json.dumps(t.flags), t.anchor, t.line)
            for i, t in enumerate(a.timexes)
        ],
    )
    db.executemany(
        "INSERT INTO article_conflicts (article_id, idx, kind, about, doc) VALUES (?, ?, ?, ?, ?)",
        [(a.id, i, c.kind, c.about, _dumps(c)) for i, c in enumerate(a.conflicts)],
    )


def _connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that cannot write (`mode=ro`): the file must be a linimasa database at this
    version, since a read-only one cannot be migrated. A database in WAL mode whose folder is
    read-only too (no -shm file can be made) is opened `immutable`: nobody can be writing to it."""
    if path == ":memory:":
        raise StoreError("an in-memory database cannot be opened read-only")
    check_sqlite_target(path, SCHEMA_VERSION, write=False, create=False)
    uri = Path(path).resolve().as_uri()
    db = None
    for options in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(uri + options, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
            (version,) = db.execute("PRAGMA user_version").fetchone()
            break
        except sqlite3.OperationalError:
            if db is not None:
                db.close()
            db = None
    if db is None:
        raise StoreError(f"cannot open {path} read-only")
    if version != SCHEMA_VERSION:
        db.close()
        raise StoreError(f"{path} has schema version {version}; this linimasa reads version {SCHEMA_VERSION}:"
                         " open it once with write access to upgrade it")
    db.execute("PRAGMA query_only = ON")
    return db


def _chunks(items: Sequence[Any], n: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


_STORY_DOCS: OrderedDict[str, Story] = OrderedDict()
_STORY_DOCS_LIMIT = 1024
_story_docs_lock = threading.Lock()


def _story_of_doc(doc: str) -> Story:
    """A stored story decoded, through a cache keyed by the stored JSON itself (so never stale): the
    stories stage reads the same candidate stories for every article of a chunk. Each call returns
    its own copy, which the caller may change."""
    with _story_docs_lock:
        story = _STORY_DOCS.get(doc)
        if story is not None:
            _STORY_DOCS.move_to_end(doc)
    if story is None:
        story = from_dict(Story, json.loads(doc))
        with _story_docs_lock:
            _STORY_DOCS[doc] = story
            while len(_STORY_DOCS) > _STORY_DOCS_LIMIT:
                _STORY_DOCS.popitem(last=False)
    return Story(**{f.name: _copied(getattr(story, f.name)) for f in dataclasses.fields(Story)})


def _copied(value: Any) -> Any:
    return value.copy() if isinstance(value, list | dict | set) else value


class SQLiteStore(SQLiteSearch, Store):
    schema_version = SCHEMA_VERSION

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._depth = 0
        if read_only:
            self.db = _connect_read_only(self.path)
            return
        check_sqlite_target(self.path, SCHEMA_VERSION, write=False)  # a clear StoreError, nothing created
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        if self.path != ":memory:":
            self._use_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    def _use_wal(self) -> None:
        """Switching a new file to WAL needs it alone for a moment, and SQLite answers "locked" at
        once, without waiting, while another process is creating the same file: wait here instead."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @classmethod
    def from_url(cls, url: str, read_only: bool = False) -> SQLiteStore:
        return cls(url.removeprefix("sqlite:///").removeprefix("sqlite://") or ":memory:", read_only=read_only)

    def migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this linimasa ({SCHEMA_VERSION})"
            )
        if version == SCHEMA_VERSION:
            return
        with self.write():
            (version,) = self.db.execute("PRAGMA user_version").fetchone()  # another process may have migrated
            for v in range(_first_missing(version), SCHEMA_VERSION):
                _name, step = MIGRATIONS[v]
                if isinstance(step, str):
                    for stmt in step.split(";"):
                        if stmt.strip():
                            self.db.execute(stmt)
                else:
                    step(self.db)
                self.db.execute(f"PRAGMA user_version = {v + 1}")
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # how sqlite_check knows a linimasa db

    @contextmanager
    def write(self) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the write lock before anything is read, so what a corpus stage reads
        cannot be overwritten by another process before it writes (no stale snapshot)."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; nothing can be stored in it")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            if self.db.in_transaction:  # SQLite has already rolled back after e.g. SQLITE_FULL
                self.db.execute("ROLLBACK")
            raise
        self._depth = 0
        self.db.execute("COMMIT")

    # -- articles ---------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def missing(self, article_ids: Iterable[str]) -> set[str]:
        ids = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        for part in _chunks(ids):
            q = f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(part))})"
            found.update(i for (i,) in self.db.execute(q, tuple(part)))
        return set(ids) - found

    def put_articles(self, articles: list[Article]) -> list[str]:
        new: list[str] = []
        with self.write():
            (seq,) = self.db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
            for a in articles:
                seq += 1
                if _insert_article(self.db, a, seq):
                    new.append(a.id)
        return new

    def update_article_dates(self, article: Article) -> None:
        p = article.published
        with self.write():
            self.db.execute(
                "UPDATE articles SET published_value = ?, published_precision = ?, published_how = ?,"
                " published_text = ? WHERE id = ?",
                (p.value if p else None, p.precision if p else None, p.how if p else None,
                 p.text if p else None, article.id),
            )
            self.db.execute("DELETE FROM timexes WHERE article_id = ?", (article.id,))
            self.db.execute("DELETE FROM article_conflicts WHERE article_id = ?", (article.id,))
            _insert_dates(self.db, article)

    def get_article(self, article_id: str) -> Article | None:
        found = self.get_articles([article_id])
        return found[0] if found else None

    def get_articles(self, article_ids: Iterable[str]) -> list[Article]:
        """Articles in the order asked for; ids the store does not hold are left out."""
        ids = list(dict.fromkeys(article_ids))
        by_id: dict[str, Article] = {}
        for part in _chunks(ids):
            by_id.update(self._load(f"WHERE a.id IN ({', '.join('?' * len(part))})", tuple(part)))
        return [by_id[i] for i in ids if i in by_id]

    def article_dates(self, article_ids: Iterable[str]) -> list[Article]:
        """Id, source, publication date and timexes only: all that dating reads of a neighbour, whose
        lines, mentions and event mentions (`get_articles`) were most of what it read of the store."""
        ids = list(dict.fromkeys(article_ids))
        by_id: dict[str, Article] = {}
        for part in _chunks(ids):
            marks = ", ".join("?" * len(part))
            for aid, source, pv, pp, ph, pt in self.db.execute(
                "SELECT id, source, published_value, published_precision, published_how, published_text"
                f" FROM articles WHERE id IN ({marks})", tuple(part),
            ):
                published = Published(pv, pp, ph, pt) if pv is not None else None
                by_id[aid] = Article(id=aid, source=source, published=published)
            for aid, s, e, text, type_, value, mod, flags, anchor, line in self.db.execute(
                f'SELECT article_id, start, "end", text, type, value, mod, flags, anchor, line FROM timexes'
                f" WHERE article_id IN ({marks}) ORDER BY article_id, idx", tuple(part),
            ):
                by_id[aid].timexes.append(Timex(s, e, text, type_, value, mod, json.loads(flags), anchor, line))
        return [by_id[i] for i in ids if i in by_id]

    def _load(self, where: str, params: tuple[Any, ...], order: str = "") -> dict[str, Article]:
        rows = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a {where} {order}", params).fetchall()
        if not rows:
            return {}
        out: dict[str, Article] = {}
        for r in rows:
            (aid, source, encoding, language, title, outlet, dateline, pv, pp, ph, pt, editor, authors, wires,
             dup, story, errors, _n, raw, text, extra, _seq) = r
            fields = json.loads(extra)
            spans = fields.pop("sentences", [])
            a = from_dict(Article, {**fields, "id": aid, "source": source})
            a.sentences = [Span(s, e, text[s:e]) for s, e in spans]
            a.encoding, a.language, a.title, a.outlet, a.dateline = encoding, language, title, outlet, dateline
            a.published = Published(pv, pp, ph, pt) if pv is not None else None
            a.editor, a.authors, a.wire_sources = editor, json.loads(authors), json.loads(wires)
            a.duplicate_of, a.story, a.errors, a.raw, a.text = dup, story, json.loads(errors), raw, text
            out[aid] = a
        ids = tuple(out)
        marks = ", ".join("?" * len(ids))
        for aid, n, text, label, reason, kept, extra in self.db.execute(
            f"SELECT article_id, n, text, label, reason, kept, extra FROM lines WHERE article_id IN ({marks})"
            " ORDER BY article_id, n", ids,
        ):
            out[aid].lines.append(from_dict(Line, {**json.loads(extra), "n": n, "text": text, "label": label,
                                                   "reason": reason, "kept": kept}))
        for aid, s, e, text, type_, value, mod, flags, anchor, line in self.db.execute(
            f'SELECT article_id, start, "end", text, type, value, mod, flags, anchor, line FROM timexes'
            f" WHERE article_id IN ({marks}) ORDER BY article_id, idx", ids,
        ):
            out[aid].timexes.append(Timex(s, e, text, type_, value, mod, json.loads(flags), anchor, line))
        links = {
            (aid, s, e): ent for aid, s, e, ent in self.db.execute(
                f'SELECT article_id, start, "end", entity_id FROM entity_mentions WHERE article_id IN ({marks})', ids
            )
        }
        for aid, s, e, text, type_, source, score, key, role in self.db.execute(
            f'SELECT article_id, start, "end", text, type, source, score, key, role FROM mentions'
            f" WHERE article_id IN ({marks}) ORDER BY article_id, idx", ids,
        ):
            out[aid].mentions.append(Mention(s, e, text, type_, links.get((aid, s, e)), source, score, key, role))
        for aid, doc in self.db.execute(
            f"SELECT article_id, doc FROM event_mentions WHERE article_id IN ({marks}) ORDER BY article_id, idx", ids
        ):
            out[aid].event_mentions.append(from_dict(EventMention, json.loads(doc)))
        for aid, doc in self.db.execute(
            f"SELECT article_id, doc FROM article_conflicts WHERE article_id IN ({marks}) ORDER BY article_id, idx",
            ids,
        ):
            out[aid].conflicts.append(from_dict(Conflict, json.loads(doc)))
        return out

    def iter_articles(self) -> Iterator[Article]:
        """Every article, by source then id, read a page at a time so memory stays flat."""
        last: tuple[str, str] | None = None
        while True:
            if last is None:
                page = self._load("", (), "ORDER BY a.source, a.id LIMIT 200")
            else:
                page = self._load("WHERE (a.source, a.id) > (?, ?)", last, "ORDER BY a.source, a.id LIMIT 200")
            if not page:
                return
            yield from page.values()
            a = list(page.values())[-1]
            last = (a.source, a.id)

    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- corpus work queue ------------------------------------------------------------------
    def pending_ids(self, limit: int) -> list[str]:
        return [i for (i,) in self.db.execute(
            "SELECT id FROM articles WHERE corpus_done = 0 ORDER BY seq LIMIT ?", (limit,)
        )]

    def mark_done(self, article_ids: Iterable[str]) -> None:
        with self.write():
            self.db.executemany("UPDATE articles SET corpus_done = 1 WHERE id = ?", [(i,) for i in article_ids])

    # -- entity linking ---------------------------------------------------------------------
    def entities_by_keys(self, keys: Iterable[str], articles_per_entity: int = 50) -> list[EntityRecord]:
        keys = sorted(set(keys))
        ids: set[str] = set()
        for part in _chunks(keys):
            ids.update(i for (i,) in self.db.execute(
                f"SELECT entity_id FROM entity_keys WHERE key IN ({', '.join('?' * len(part))})", tuple(part)
            ))
        docs: dict[str, str] = {}
        for part in _chunks(sorted(ids)):
            docs.update(self.db.execute(
                f"SELECT id, doc FROM entities WHERE id IN ({', '.join('?' * len(part))})", tuple(part)
            ))
        records = []
        for eid in sorted(docs):
            rec = from_dict(EntityRecord, json.loads(docs[eid]))
            if rec.type != "PER" and not rec.key.startswith("per:") and not any(
                    k.startswith("edition:") for k in rec.keys):
                # only people, and events with editions, are judged by the articles they appear in
                records.append(rec)
                continue
            # Newest first along the (entity_id, seq) index, stopping at the limit: a much-mentioned
            # person costs what a rare one does.
            rec.articles = [a for (_seq, a) in self.db.execute(
                "SELECT DISTINCT seq, article_id FROM entity_mentions WHERE entity_id = ? ORDER BY seq DESC LIMIT ?",
                (eid, articles_per_entity),
            )]
            records.append(rec)
        return records

    def save_entities(self, records: Iterable[EntityRecord]) -> None:
        with self.write():
            for rec in records:
                doc = _json_fields(rec)
                doc["articles"] = []  # recomputed from entity_mentions when read
                self.db.execute(
                    "INSERT INTO entities (id, name, type, key, n_mentions, doc) VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,"
                    " key = excluded.key, n_mentions = excluded.n_mentions, doc = excluded.doc",
                    (rec.id, rec.name, rec.type, rec.key, rec.n_mentions,
                     _dumps(doc)),
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)", [(k, rec.id) for k in rec.keys]
                )

    def link_mentions(self, rows: Iterable[tuple[str, str, int, int, str]]) -> None:
        with self.write():
            self.db.executemany(
                'INSERT INTO entity_mentions (entity_id, article_id, start, "end", text, seq)'
                " VALUES (?, ?, ?, ?, ?, (SELECT seq FROM articles WHERE id = ?))"
                ' ON CONFLICT(article_id, start, "end") DO UPDATE SET entity_id = excluded.entity_id',
                [(*row, row[1]) for row in rows],
            )

    def redirect_entities(self, merged: Mapping[str, str]) -> None:
        with self.write():
            for old, new in merged.items():
                self.db.execute("UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
                self.db.execute(
                    "INSERT OR IGNORE INTO entity_keys (key, entity_id) SELECT key, ? FROM entity_keys"
                    " WHERE entity_id = ?", (new, old),
                )
                self.db.execute("DELETE FROM entities WHERE id = ?", (old,))
                self.db.execute("UPDATE OR IGNORE event_keys SET actor = ? WHERE actor = ?", (new, old))
                self.db.execute("DELETE FROM event_keys WHERE actor = ?", (old,))
                self.db.execute("UPDATE entity_redirects SET new_id = ? WHERE new_id = ?", (new, old))
                self.db.execute(
                    "INSERT INTO entity_redirects (old_id, new_id) VALUES (?, ?)"
                    " ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id", (old, new),
                )

    # -- events -------------------------------------------------------------------------------
    def events_by_keys(self, keys: Iterable[tuple[str, str]]) -> list[Event]:
        ids: set[str] = set()
        actors: dict[str, set[str]] = {}
        for type_, actor in keys:
            actors.setdefault(type_, set()).add(actor)
        for type_, of_type in actors.items():  # a story's timeline asks for every article of the story
            for part in _chunks(sorted(of_type)):
                ids.update(i for (i,) in self.db.execute(
                    f"SELECT event_id FROM event_keys WHERE type = ? AND actor IN ({', '.join('?' * len(part))})",
                    (type_, *part)))
        out = []
        for part in _chunks(sorted(ids)):
            out += [from_dict(Event, json.loads(d)) for (d,) in self.db.execute(
                f"SELECT doc FROM events WHERE id IN ({', '.join('?' * len(part))}) ORDER BY id", tuple(part))]
        return out

    def save_events(self, events: Iterable[Event], keys: Mapping[str, Iterable[tuple[str, str]]]) -> None:
        with self.write():
            for ev in events:
                self.db.execute(
                    "INSERT INTO events (id, type, date_value, date_precision, mode, summary, doc)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET type = excluded.type,"
                    " date_value = excluded.date_value, date_precision = excluded.date_precision,"
                    " mode = excluded.mode, summary = excluded.summary, doc = excluded.doc",
                    (ev.id, ev.type, ev.date.value if ev.date else None, ev.date.precision if ev.date else None,
                     ev.mode, ev.summary, _dumps(ev)),
                )
                rows = [(t, a, ev.id) for t, a in keys.get(ev.id, ())]
                rows += [("@article", m.article, ev.id) for m in ev.mentions]  # events_of_articles
                self.db.executemany("INSERT OR IGNORE INTO event_keys (type, actor, event_id) VALUES (?, ?, ?)",
                                    rows)

    def query_events(self, type: str | None = None, actor: str | None = None, date_from: str | None = None,
                     date_to: str | None = None, limit: int | None = None) -> list[Event]:
        where, params = ["1"], []
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if date_from:
            where.append("e.date_value >= ?")
            params.append(date_from)
        if date_to:
            where.append("e.date_value <= ?")
            params.append(date_to + "~")  # "2021-10" ends after every 2021-10-… value
        if actor:
            ids = [i for (i,) in self.db.execute(
                "SELECT id FROM entities WHERE name = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM"
                " json_each(json_extract(doc, '$.aliases')) WHERE value = ? COLLATE NOCASE)", (actor, actor))]
            ids += [o for (o,) in self.db.execute(
                f"SELECT old_id FROM entity_redirects WHERE new_id IN ({', '.join('?' * len(ids))})", ids)]
            where.append(f"e.id IN (SELECT event_id FROM event_keys WHERE actor IN ({', '.join('?' * len(ids))}))")
            params += ids
        sql = (f"SELECT e.doc FROM events e WHERE {' AND '.join(where)}"
               " ORDER BY e.date_value IS NULL, e.date_value, e.id")
        if limit:
            sql += f" LIMIT {int(limit)}"
        redirects = dict(self.db.execute("SELECT old_id, new_id FROM entity_redirects"))
        out = []
        for (doc,) in self.db.execute(sql, params):
            ev = from_dict(Event, json.loads(doc))
            for a in ev.actors:
                a.entity = redirects.get(a.entity, a.entity)
            out.append(ev)
        return out

    def entity_info(self, entity_ids: Iterable[str], max_df: int | None = None) -> dict[str, tuple[str, str, int]]:
        out: dict[str, tuple[str, str, int]] = {}
        asked = sorted({i for i in entity_ids if i})
        redirects: dict[str, str] = {}
        for part in _chunks(asked):  # `_resolve` of each, a chunk per query
            redirects.update(self.db.execute(
                f"SELECT old_id, new_id FROM entity_redirects WHERE old_id IN ({', '.join('?' * len(part))})",
                tuple(part)))
        wanted = {i: redirects.get(i, i) for i in asked}
        for part in _chunks(sorted(set(wanted.values()))):
            # The articles an entity is named in, as `entity_articles` keeps them (see its triggers);
            # with `max_df`, at most that.
            count = "coalesce((SELECT n FROM entity_articles c WHERE c.entity_id = e.id), 0)"
            if max_df is not None:
                count = f"min({count}, {int(max_df)})"
            rows = {r[0]: r[1:] for r in self.db.execute(
                f"SELECT e.id, e.name, e.type, {count} FROM entities e WHERE e.id IN ({', '.join('?' * len(part))})",
                tuple(part))}
            for old, new in wanted.items():
                if new in rows:
                    out[old] = rows[new]
        return out

    # -- stories ------------------------------------------------------------------------------
    def stories_by_keys(self, keys: Iterable[str]) -> list[Story]:
        ids: set[str] = set()
        for part in _chunks(sorted(set(keys))):
            ids.update(i for (i,) in self.db.execute(
                f"SELECT story_id FROM story_keys WHERE key IN ({', '.join('?' * len(part))})", tuple(part)))
        return self.stories(ids)

    def story_candidates(self, keys: Mapping[str, float], limit: int) -> list[str]:
        items = sorted(keys.items())
        if not items or limit <= 0:
            return []
        # Summed inside SQLite along the key index: no story document is read to rank them.
        values = ", ".join("(?, ?)" for _ in items)
        return [i for (i,) in self.db.execute(
            f"WITH q(key, w) AS (VALUES {values}) SELECT k.story_id FROM q JOIN story_keys k ON k.key = q.key"
            " GROUP BY k.story_id ORDER BY SUM(q.w) DESC, k.story_id LIMIT ?",
            (*(x for kv in items for x in kv), limit))]

    def stories(self, story_ids: Iterable[str]) -> list[Story]:
        out: list[Story] = []
        for part in _chunks(sorted(set(story_ids))):
            out += [_story_of_doc(d) for (d,) in self.db.execute(
                f"SELECT doc FROM stories WHERE id IN ({', '.join('?' * len(part))}) ORDER BY id", tuple(part))]
        return out

    def save_stories(self, stories: Iterable[Story], keys: Mapping[str, Iterable[str]]) -> None:
        with self.write():
            for st in stories:
                self.db.execute("INSERT INTO stories (id, label, doc) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE"
                                " SET label = excluded.label, doc = excluded.doc", (st.id, st.label, _dumps(st)))
                self.db.executemany("INSERT OR IGNORE INTO story_keys (key, story_id) VALUES (?, ?)",
                                    [(k, st.id) for k in keys.get(st.id, ())])
                self.db.executemany(
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id) SELECT ?, id FROM articles"
                    " WHERE id = ?", [(st.id, a) for a in st.articles])
                # Only the articles whose story changes: an article row is large (its text), and a long
                # story's earlier articles are already its own.
                self.db.executemany("UPDATE articles SET story = ? WHERE id = ? AND story IS NOT ?",
                                    [(st.id, a, st.id) for a in st.articles])

    def add_story_events(self, events: Mapping[str, Iterable[str]]) -> None:
        # appended inside SQLite (`json_insert` at the array's end): the story's document, its
        # entities and words, is never decoded here, and an id already listed is left as it is
        rows = [(e, sid) for sid, ids in events.items() for e in dict.fromkeys(ids)]
        with self.write():
            self.db.executemany(
                "UPDATE stories SET doc = json_insert(doc, '$.events[#]', ?1) WHERE id = ?2"
                " AND NOT EXISTS (SELECT 1 FROM json_each(stories.doc, '$.events') WHERE value = ?1)", rows)

    def delete_stories(self, story_ids: Iterable[str]) -> None:
        with self.write():
            self.db.executemany("DELETE FROM timeline WHERE story = ?", [(i,) for i in story_ids])
            self.db.executemany("DELETE FROM stories WHERE id = ?", [(i,) for i in story_ids])

    def story_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in _chunks(sorted(set(article_ids))):
            out.update((a, s) for a, s in self.db.execute(
                f"SELECT id, story FROM articles WHERE story IS NOT NULL AND id IN ({', '.join('?' * len(part))})",
                tuple(part)))
        return out

    def events_of_articles(self, article_ids: Iterable[str]) -> list[Event]:
        return self.events_by_keys(("@article", a) for a in article_ids)

    def event_ids_of_articles(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for part in _chunks(sorted(set(article_ids))):
            for aid, eid in self.db.execute(
                f"SELECT actor, event_id FROM event_keys WHERE type = '@article' AND actor IN"
                f" ({', '.join('?' * len(part))}) ORDER BY actor, event_id", tuple(part)):
                out.setdefault(aid, []).append(eid)
        return out

    # -- timeline -----------------------------------------------------------------------------
    def replace_timeline(self, story: str | None, entries: Iterable[TimelineEntry],
                         dates: Iterable[str] | None = None) -> None:
        with self.write():
            if dates is None:
                self.db.execute("DELETE FROM timeline WHERE story IS ?", (story,))
            else:
                self.db.executemany("DELETE FROM timeline WHERE story IS ? AND date_value = ?",
                                    [(story, d) for d in set(dates)])
            self.db.executemany("INSERT INTO timeline (date_value, story, doc) VALUES (?, ?, ?)",
                                [(t.date.value, story, _dumps(t)) for t in entries])

    def fold_timeline(self, into: str, others: Iterable[str]) -> None:
        with self.write():
            self.db.executemany("UPDATE timeline SET story = ?, doc = json_set(doc, '$.story', ?) WHERE story = ?",
                                [(into, into, o) for o in others if o != into])

    def timeline_doubled_dates(self, story_ids: Iterable[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for part in _chunks(sorted(set(story_ids))):
            for story, value in self.db.execute(
                f"SELECT story, date_value FROM timeline WHERE story IN ({', '.join('?' * len(part))})"
                " GROUP BY story, date_value HAVING COUNT(*) > 1", tuple(part)):
                out.setdefault(story, set()).add(value)
        return out

    def stories_with_timeline(self, story_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(sorted(set(story_ids))):
            out.update(i for (i,) in self.db.execute(
                f"SELECT DISTINCT story FROM timeline WHERE story IN ({', '.join('?' * len(part))})", tuple(part)))
        return out

    def timeline_days_kept(self, dates: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(sorted(set(dates))):
            marks = ", ".join("?" * len(part))
            out.update(d for (d,) in self.db.execute(
                f"SELECT date_value FROM timeline_days WHERE date_value IN ({marks})", tuple(part)))
        return out

    def timeline_rows(self, event_ids: Iterable[str]) -> dict[str, TimelineRow]:
        out: dict[str, TimelineRow] = {}
        for part in _chunks(sorted(set(event_ids))):
            marks = ", ".join("?" * len(part))
            for eid, value, precision, background, conflicted, summary, roots, articles in self.db.execute(
                "SELECT event_id, date_value, date_precision, background, conflicted, summary, roots, articles"
                f" FROM timeline_events WHERE event_id IN ({marks})", tuple(part)):
                out[eid] = TimelineRow(eid, DateValue(value, precision), summary, bool(background), bool(conflicted),
                                       _unpacked(roots), _unpacked(articles))
        return out

    def update_timeline_rows(self, kept: Iterable[str], removed: Iterable[str], added: Iterable[TimelineRow]) -> None:
        added = list(added)
        with self.write():
            old = self.timeline_rows({*removed, *(r.event for r in added)})
            # The (date, article) pairs whose standing may change. A date counts each source (root)
            # once, however many of its events it reports; a source that also reports an event of
            # the date lists its outlet (`timeline_outlets` counts them), one that does not is kept
            # apart (`timeline_orphans`): whether it lists its outlet depends on the dates an entry
            # is rebuilt with (`timeline_day`).
            pairs = sorted({(r.date.value, x) for r in [*old.values(), *added] for x in (*r.roots, *r.articles)})
            before = {p: self._standing(*p) for p in pairs}
            sums: dict[str, list[int]] = {}  # date -> [events, background, conflicts, sources]
            for r, sign in [*((r, -1) for r in old.values()), *((r, 1) for r in added)]:
                d = sums.setdefault(r.date.value, [0, 0, 0, 0])
                d[0] += sign
                d[1] += sign * r.background
                d[2] += sign * r.conflicted
            gone = [(eid,) for eid in old]
            for table in ("timeline_events", "timeline_event_roots", "timeline_event_articles"):
                self.db.executemany(f"DELETE FROM {table} WHERE event_id = ?", gone)
            self.db.executemany(
                "INSERT INTO timeline_events (event_id, date_value, date_precision, sources, background, conflicted,"
                " summary, roots, articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(r.event, r.date.value, r.date.precision, len(r.roots), int(r.background), int(r.conflicted),
                  r.summary, _packed(r.roots), _packed(r.articles)) for r in added])
            self.db.executemany("INSERT INTO timeline_event_roots (event_id, root, date_value) VALUES (?, ?, ?)",
                                [(r.event, x, r.date.value) for r in added for x in r.roots])
            self.db.executemany("INSERT INTO timeline_event_articles (event_id, article, date_value) VALUES (?, ?, ?)",
                                [(r.event, x, r.date.value) for r in added for x in r.articles])
            after = {p: self._standing(*p) for p in pairs}
            changed = [p for p in pairs if before[p] != after[p]]
            outlet = {a: o for a, (o, _, _) in self.article_meta(x for _, x in changed).items()}
            listed: dict[tuple[str, str], int] = {}
            for p in changed:
                (root_before, reports_before), (root_after, reports_after) = before[p], after[p]
                sums.setdefault(p[0], [0, 0, 0, 0])[3] += int(root_after) - int(root_before)
                shift = int(root_after and reports_after) - int(root_before and reports_before)
                if shift and outlet.get(p[1]):
                    key = (p[0], outlet[p[1]])
                    listed[key] = listed.get(key, 0) + shift
                was, now = root_before and not reports_before, root_after and not reports_after
                if was and not now:
                    self.db.execute("DELETE FROM timeline_orphans WHERE date_value = ? AND root = ?", p)
                elif now and not was:
                    self.db.execute("INSERT INTO timeline_orphans (date_value, root) VALUES (?, ?)", p)
            self.db.executemany(
                "INSERT INTO timeline_outlets (date_value, outlet, roots) VALUES (?, ?, ?) ON CONFLICT(date_value,"
                " outlet) DO UPDATE SET roots = roots + excluded.roots", [(*k, n) for k, n in listed.items() if n])
            self.db.executemany("DELETE FROM timeline_outlets WHERE date_value = ? AND outlet = ? AND roots = 0",
                                list(listed))
            self.db.executemany("INSERT OR IGNORE INTO timeline_days (date_value, events, background, conflicts,"
                                " sources) VALUES (?, 0, 0, 0, 0)", [(d,) for d in set(kept)])
            for value, (events, background, conflicts, sources) in sums.items():
                if not self.db.execute(
                    "UPDATE timeline_days SET events = events + ?, background = background + ?,"
                    " conflicts = conflicts + ?, sources = sources + ? WHERE date_value = ?",
                    (events, background, conflicts, sources, value)).rowcount:
                    raise StoreError(f"timeline rows for {value}, whose other rows were never stored")

    def _standing(self, value: str, article: str) -> tuple[bool, bool]:
        """Whether an article is a source (root) of an event on a date, and whether it reports one."""
        return (self.db.execute("SELECT 1 FROM timeline_event_roots WHERE date_value = ? AND root = ? LIMIT 1",
                                (value, article)).fetchone() is not None,
                self.db.execute("SELECT 1 FROM timeline_event_articles WHERE date_value = ? AND article = ? LIMIT 1",
                                (value, article)).fetchone() is not None)

    def timeline_day(self, dates: Iterable[str], first: int) -> dict[str, TimelineDay]:
        out: dict[str, TimelineDay] = {}
        among = sorted(set(dates))
        order = "ORDER BY sources DESC, background, event_id"  # the order of the index timeline_events_order
        for value in among:
            sums = self.db.execute("SELECT events, background, conflicts, sources FROM timeline_days"
                                   " WHERE date_value = ?", (value,)).fetchone()
            if not sums or not sums[0]:
                continue
            top = self.db.execute(f"SELECT date_precision, summary FROM timeline_events WHERE date_value = ? {order}"
                                  " LIMIT ?", (value, max(first, 1))).fetchall()
            outlets = {o for (o,) in self.db.execute("SELECT outlet FROM timeline_outlets WHERE date_value = ?",
                                                     (value,))}
            # A source that reports no event of this date lists its outlet when it reports one of the
            # dates rebuilt with it (rare: a copy's original that dates the event otherwise).
            orphans = [r for (r,) in self.db.execute("SELECT root FROM timeline_orphans WHERE date_value = ?",
                                                     (value,)) if any(self._standing(d, r)[1] for d in among)]
            outlets.update(o for o, _, _ in self.article_meta(orphans).values() if o)
            out[value] = TimelineDay(
                date=DateValue(value, top[0][0]),
                events=[i for (i,) in self.db.execute(
                    f"SELECT event_id FROM timeline_events WHERE date_value = ? {order}", (value,))],
                summaries=[summary for _, summary in top[:first]],
                outlets=sorted(outlets), sources=sums[3], background=sums[1], conflicts=sums[2])
        return out

    def timeline_event_ids(self, story: str, dates: Iterable[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for part in _chunks(sorted(set(dates))):
            for value, eid in self.db.execute(
                "SELECT t.date_value, j.value FROM timeline t, json_each(t.doc, '$.events') j WHERE t.story = ?"
                f" AND t.date_value IN ({', '.join('?' * len(part))})", (story, *part)):
                out.setdefault(value, set()).add(eid)
        return out

    def timeline(self, story: str | None = None, date_from: str | None = None,
                 date_to: str | None = None) -> list[TimelineEntry]:
        sql, params = "SELECT doc FROM timeline WHERE story IS ?", [story]
        if date_from:
            sql += " AND date_value >= ?"
            params.append(date_from)
        if date_to:
            sql += " AND date_value <= ?"
            params.append(date_to + "~")
        entries = [from_dict(TimelineEntry, json.loads(d)) for (d,) in self.db.execute(sql + " ORDER BY seq", params)]
        return sorted(entries, key=lambda t: date_sort_key(t.date.value))

    def events(self, event_ids: Iterable[str]) -> list[Event]:
        out: list[Event] = []
        for part in _chunks(sorted(set(event_ids))):
            out += [from_dict(Event, json.loads(d)) for (d,) in self.db.execute(
                f"SELECT doc FROM events WHERE id IN ({', '.join('?' * len(part))}) ORDER BY id", tuple(part))]
        return out

    def iter_stories(self) -> Iterator[Story]:
        for (d,) in self.db.execute("SELECT doc FROM stories ORDER BY id"):
            yield from_dict(Story, json.loads(d))

    def events_on(self, dates: Iterable[str]) -> list[Event]:
        out: list[Event] = []
        for part in _chunks(sorted(set(dates))):
            out += [from_dict(Event, json.loads(d)) for (d,) in self.db.execute(
                f"SELECT doc FROM events WHERE date_value IN ({', '.join('?' * len(part))}) ORDER BY id",
                tuple(part))]
        return out

    def events_on_brief(self, dates: Iterable[str]) -> list[Event]:
        return self._brief_events("date_value", dates)

    def events_brief(self, event_ids: Iterable[str]) -> list[Event]:
        return self._brief_events("id", event_ids)

    def _brief_events(self, column: str, values: Iterable[str]) -> list[Event]:
        out: list[Event] = []
        for part in _chunks(sorted(set(values))):
            # Each mention's article and date are picked out of the document by SQLite's JSON
            # functions: no sentence of a much-reported day's events is decoded in Python.
            for eid, type_, value, precision, mode, summary, background, mentions in self.db.execute(
                "SELECT id, type, date_value, date_precision, mode, summary, json_extract(doc, '$.background'),"
                " (SELECT json_group_array(json_array(json_extract(m.value, '$.article'),"
                " json_extract(m.value, '$.date.value'), json_extract(m.value, '$.date.precision')))"
                " FROM json_each(doc, '$.mentions') m)"
                f" FROM events WHERE {column} IN ({', '.join('?' * len(part))}) ORDER BY id", tuple(part)):
                out.append(Event(
                    id=eid, type=type_, date=DateValue(value, precision or "day") if value else None, mode=mode,
                    summary=summary or "", background=bool(background),
                    mentions=[EventMention(article=a, start=0, end=0, text="", type=type_,
                                           date=DateValue(v, p or "day") if v else None)
                              for a, v, p in json.loads(mentions)],
                ))
        return out

    def article_meta(self, article_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None, str]]:
        out: dict[str, tuple[str | None, str | None, str]] = {}
        for part in _chunks(sorted(set(article_ids))):
            for aid, outlet, dup, source in self.db.execute(
                "SELECT id, outlet, duplicate_of, source FROM articles INDEXED BY articles_meta"
                f" WHERE id IN ({', '.join('?' * len(part))})",
                tuple(part)):
                out[aid] = (outlet, dup, source)
        return out

    def conflicts_about(self, ids: Iterable[str]) -> list[Conflict]:
        out: list[Conflict] = []
        for part in _chunks(sorted(set(ids))):
            out += [from_dict(Conflict, json.loads(d)) for (d,) in self.db.execute(
                f"SELECT doc FROM conflicts WHERE about IN ({', '.join('?' * len(part))}) ORDER BY seq", tuple(part))]
        return out

    # -- near-duplicates ----------------------------------------------------------------------
    def put_minhash(self, article_id: str, n_shingles: int, signature: bytes, bands: Iterable[int]) -> None:
        with self.write():
            self.db.execute("INSERT OR REPLACE INTO article_minhash (article_id, n_shingles, signature)"
                            " VALUES (?, ?, ?)", (article_id, n_shingles, signature))
            self.db.executemany("INSERT OR IGNORE INTO minhash_bands (band, hash, article_id) VALUES (?, ?, ?)",
                                [(i, h, article_id) for i, h in enumerate(bands)])

    def minhash_candidates(self, bands: Sequence[int]) -> list[tuple[str, int, bytes]]:
        ids: set[str] = set()
        for i, h in enumerate(bands):
            ids.update(a for (a,) in self.db.execute(
                "SELECT article_id FROM minhash_bands WHERE band = ? AND hash = ?", (i, h)))
        out: list[tuple[str, int, bytes]] = []
        for part in _chunks(sorted(ids)):
            out += list(self.db.execute(
                f"SELECT article_id, n_shingles, signature FROM article_minhash WHERE article_id IN"
                f" ({', '.join('?' * len(part))})", tuple(part)))
        return out

    def article_order(self, article_ids: Iterable[str]) -> dict[str, tuple[str, int, str | None]]:
        """(published value or "", seq, duplicate_of) per article: what "earliest copy" is judged by."""
        out: dict[str, tuple[str, int, str | None]] = {}
        for part in _chunks(sorted(set(article_ids))):
            for aid, pub, how, seq, dup in self.db.execute(
                f"SELECT id, published_value, published_how, seq, duplicate_of FROM articles WHERE id IN"
                f" ({', '.join('?' * len(part))})", tuple(part)):
                out[aid] = ("" if how in (None, "corpus", "unknown") else pub or "", seq, dup)
        return out

    def set_duplicates(self, rows: Iterable[tuple[str, str | None, str | None]]) -> None:
        with self.write():
            for aid, dup, follow in rows:
                self.db.execute(
                    "UPDATE articles SET duplicate_of = ?, extra = json_set(extra, '$.follow_up_of', ?) WHERE id = ?",
                    (dup, follow, aid))

    def duplicates_of(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for part in _chunks(sorted(set(article_ids))):
            for aid, root in self.db.execute(
                f"SELECT id, duplicate_of FROM articles WHERE duplicate_of IN ({', '.join('?' * len(part))})",
                tuple(part)):
                out.setdefault(root, []).append(aid)
        return out

    def replace_conflicts(self, about: Iterable[str], conflicts: Iterable[Conflict]) -> None:
        with self.write():
            self.db.executemany("DELETE FROM conflicts WHERE about = ?", [(a,) for a in set(about)])
            self.db.executemany("INSERT INTO conflicts (kind, about, doc) VALUES (?, ?, ?)",
                                [(c.kind, c.about, _dumps(c)) for c in conflicts])

    def put_article_keys(self, article_id: str, keys: Iterable[str]) -> None:
        with self.write():
            self.db.executemany(
                "INSERT OR IGNORE INTO article_keys (article_id, key) VALUES (?, ?)", [(article_id, k) for k in keys]
            )

    def article_keys(self, article_ids: Iterable[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for part in _chunks(sorted(set(article_ids))):
            for aid, key in self.db.execute(
                f"SELECT article_id, key FROM article_keys WHERE article_id IN ({', '.join('?' * len(part))})",
                tuple(part),
            ):
                out.setdefault(aid, set()).add(key)
        return out

    # -- content terms ----------------------------------------------------------------------
    def put_article_terms(self, article_id: str, terms: Mapping[str, int]) -> None:
        self.put_articles_terms({article_id: terms})

    def put_articles_terms(self, terms_by_article: Mapping[str, Mapping[str, int]]) -> None:
        """A chunk's terms in one go: each article's counts as the document `article_term_counts`
        keeps, and the (term, seq) rows and the document frequencies made from those documents by
        SQLite (`json_each`) in the table's key order, so each insert lands next to the one before in
        the B-tree, each word's document frequency is raised once by the number of the chunk's
        articles holding it, and no Python tuple is built or bound per row (the rows, tens of
        thousands a chunk, were most of the stage's writing)."""
        with self.write():
            ids = list(terms_by_article)
            seqs: dict[str, int] = {}
            have: set[str] = set()
            for part in _chunks(ids):
                marks = ", ".join("?" * len(part))
                seqs.update(self.db.execute(f"SELECT id, seq FROM articles WHERE id IN ({marks})", tuple(part)))
                have.update(a for (a,) in self.db.execute(
                    f"SELECT article_id FROM article_term_counts WHERE article_id IN ({marks})", tuple(part)))
            docs: list[tuple[str, str]] = []
            for aid in dict.fromkeys(ids):
                if aid in seqs and aid not in have:
                    docs.append((aid, _term_counts_doc({"": 0, **terms_by_article[aid]})))
            if not docs:
                return
            # {id: counts, ...}: the documents just made, not encoded again
            chunk = "{" + ",".join(f"{json.dumps(aid)}:{doc}" for aid, doc in docs) + "}"
            self.db.execute(
                "INSERT INTO article_terms (term, article_id, seq, n) SELECT t.key, a.id, a.seq, t.value"
                " FROM json_each(?) d JOIN articles a ON a.id = d.key, json_each(d.value) t ORDER BY 1, 3", (chunk,))
            self.db.executemany("INSERT INTO article_term_counts (article_id, terms) VALUES (?, ?)", docs)
            self.db.execute(
                "INSERT INTO terms (term, df) SELECT t.key, count(*) FROM json_each(?) d, json_each(d.value) t"
                " WHERE true GROUP BY t.key ORDER BY 1"
                " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df", (chunk,))

    def term_stats(self, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
        """The article count is the document frequency of the empty term every article carries."""
        df: dict[str, int] = {}
        for part in _chunks(sorted({"", *terms})):
            df.update(self.db.execute(
                f"SELECT term, df FROM terms WHERE term IN ({', '.join('?' * len(part))})", tuple(part)
            ))
        return df.pop("", 0), df

    def term_postings(self, terms: Iterable[str], limit_per_term: int, which: str = "any") -> set[str]:
        wanted = sorted(set(terms) - {""})
        if which == "undated":
            # Undated articles are few: start from them (the most recent, through a partial index),
            # never from a common word's postings, which grow with the store.
            undated = [i for (i,) in self.db.execute(
                "SELECT id FROM articles WHERE published_value IS NULL OR published_how IN ('corpus', 'unknown')"
                " ORDER BY seq DESC LIMIT ?", (UNDATED_WINDOW,),
            )]
            words = set(wanted)
            return {aid for aid, terms in self.article_terms(undated).items() if words.intersection(terms)}
        dated = " AND a.published_how NOT IN ('corpus', 'unknown') AND length(a.published_value) >= 10"
        join = " JOIN articles a ON a.id = t.article_id" if which == "dated" else ""
        out = set()
        for term in wanted:
            out.update(a for (a,) in self.db.execute(
                f"SELECT t.article_id FROM article_terms t{join} WHERE t.term = ?{dated if join else ''}"
                " ORDER BY t.seq DESC LIMIT ?",
                (term, limit_per_term),
            ))
        return out

    def term_postings_by_term(
        self, terms: Iterable[str], limit_per_term: int, which: str = "any"
    ) -> dict[str, set[str]]:
        """Each word's postings as `term_postings([word])` reads them, the words' limited queries
        joined by UNION ALL into one statement per 100 words (each still walks its word's postings
        from the most recent down to its own limit): the statements, not the rows, were the cost."""
        wanted = sorted(set(terms))
        out: dict[str, set[str]] = {t: set() for t in wanted}
        if which == "undated":
            out.update((t, self.term_postings([t], limit_per_term, which)) for t in wanted)
            return out
        dated = " AND a.published_how NOT IN ('corpus', 'unknown') AND length(a.published_value) >= 10"
        join = " JOIN articles a ON a.id = t.article_id" if which == "dated" else ""
        one = (f"SELECT * FROM (SELECT t.term, t.article_id FROM article_terms t{join}"
               f" WHERE t.term = ?{dated if join else ''} ORDER BY t.seq DESC LIMIT ?)")
        for part in _chunks([t for t in wanted if t], 100):
            params = [x for t in part for x in (t, limit_per_term)]
            for term, aid in self.db.execute(" UNION ALL ".join([one] * len(part)), params):
                out[term].add(aid)
        return out

    def article_terms(self, article_ids: Iterable[str]) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for part in _chunks(sorted(set(article_ids))):
            for aid, doc in self.db.execute(
                f"SELECT article_id, terms FROM article_term_counts WHERE article_id IN ({', '.join('?' * len(part))})",
                tuple(part),
            ):
                out[aid] = json.loads(doc)
        return out

    # -- reads ------------------------------------------------------------------------------
    def query_articles(self, query: Query) -> Page:
        """Articles in storage order (`seq`), filtered; the cursor is the last `seq` of the page."""
        where, params = ["1 = 1"], []
        if query.published_from:
            where.append("a.published_value >= ?")
            params.append(query.published_from)
        if query.published_to:
            where.append("substr(a.published_value, 1, ?) <= ?")
            params += [len(query.published_to), query.published_to]
        for column, value in (("outlet", query.outlet), ("language", query.language), ("story", query.story)):
            if value is not None:
                where.append(f"a.{column} = ?")
                params.append(value)
        if query.entity is not None:
            where.append("a.id IN (SELECT article_id FROM entity_mentions WHERE entity_id = ?)")
            params.append(self._resolve(query.entity))
        if query.text:
            where.append("instr(lower(a.text), lower(?)) > 0")
            params.append(query.text)
        if query.cursor:
            where.append("a.seq > ?")
            params.append(int(query.cursor))
        limit = max(1, int(query.limit))
        seqs = [s for (s,) in self.db.execute(
            f"SELECT a.seq FROM articles a WHERE {' AND '.join(where)} ORDER BY a.seq LIMIT ?", (*params, limit + 1)
        )]
        page = seqs[:limit]
        if not page:
            return Page()
        loaded = self._load(f"WHERE a.seq IN ({', '.join('?' * len(page))})", tuple(page), "ORDER BY a.seq")
        return Page(list(loaded.values()), str(page[-1]) if len(seqs) > limit else None)

    def _resolve(self, entity_id: str) -> str:
        row = self.db.execute("SELECT new_id FROM entity_redirects WHERE old_id = ?", (entity_id,)).fetchone()
        return row[0] if row else entity_id

    def entity(self, entity_id: str) -> Entity | None:
        row = self.db.execute("SELECT doc FROM entities WHERE id = ?", (self._resolve(entity_id),)).fetchone()
        return self._entity(json.loads(row[0])) if row else None

    def _entity(self, doc: dict[str, Any]) -> Entity:
        if "forms" not in doc:  # written by save_corpus: a plain Entity
            return from_dict(Entity, doc)
        rec = from_dict(EntityRecord, doc)
        mentions = [MentionRef(a, s, e, t) for a, s, e, t in self.db.execute(
            'SELECT article_id, start, "end", text FROM entity_mentions WHERE entity_id = ?'
            ' ORDER BY article_id, start', (rec.id,),
        )]
        return Entity(rec.id, rec.name, rec.type, list(rec.aliases), list(rec.roles), mentions)

    def iter_entities(self) -> Iterator[Entity]:
        last = ""
        while True:
            rows = self.db.execute(
                "SELECT id, doc FROM entities WHERE id > ? ORDER BY id LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                return
            for _id, doc in rows:
                d = json.loads(doc)
                if not d.get("blocked"):
                    yield self._entity(d)
            last = rows[-1][0]

    # -- user corrections ---------------------------------------------------------------------
    def entity_ids_named(self, name: str) -> list[str]:
        """Entities whose name or one of whose aliases is `name` (case-insensitive), most mentioned first."""
        return [i for (i,) in self.db.execute(
            "SELECT id FROM entities WHERE name = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM"
            " json_each(json_extract(doc, '$.aliases')) WHERE value = ? COLLATE NOCASE)"
            " ORDER BY COALESCE(n_mentions, 0) DESC, id", (name, name))]

    def _record(self, entity_id: str) -> EntityRecord | None:
        row = self.db.execute("SELECT doc FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return from_dict(EntityRecord, json.loads(row[0])) if row else None

    def merge_entities(self, keep: str, others: Iterable[str]) -> None:
        with self.write():
            rec = self._record(keep)
            for other in others:
                o = self._record(other)
                if rec is None or o is None:
                    continue
                for form in [o.name, *o.aliases]:
                    if form != rec.name and form not in rec.aliases:
                        rec.aliases.append(form)
                for form, n in o.forms.items():
                    rec.forms[form] = rec.forms.get(form, 0) + n
                rec.n_mentions += o.n_mentions
                self.redirect_entities({other: keep})
            if rec is not None:
                self.save_entities([rec])

    def rename_entity(self, entity_id: str, name: str) -> None:
        with self.write():
            rec = self._record(entity_id)
            if rec is None or rec.name == name:
                return
            if rec.name not in rec.aliases:
                rec.aliases.append(rec.name)
            rec.aliases = [a for a in rec.aliases if a != name]
            rec.name = name
            self.save_entities([rec])

    def block_entity(self, entity_id: str) -> None:
        with self.write():
            rec = self._record(entity_id)
            if rec is not None and not rec.blocked:
                rec.blocked = True
                self.save_entities([rec])

    def split_entity(self, entity_id: str, form: str, new_id: str, type_: str | None = None) -> int:
        with self.write():
            rec = self._record(entity_id)
            if rec is None:
                return 0
            moved = self.db.execute(
                "UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ? AND text = ? COLLATE NOCASE",
                (new_id, entity_id, form)).rowcount if self._record(new_id) else 0
            if not self._record(new_id):
                count = self.db.execute("SELECT COUNT(*) FROM entity_mentions WHERE entity_id = ? AND text = ?"
                                        " COLLATE NOCASE", (entity_id, form)).fetchone()[0]
                if not count:
                    return 0
                self.save_entities([EntityRecord(new_id, f"split:{form.casefold()}", form, type_ or rec.type,  # type: ignore[arg-type]
                                                 forms={form: count}, n_mentions=count)])
                moved = self.db.execute(
                    "UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ? AND text = ? COLLATE NOCASE",
                    (new_id, entity_id, form)).rowcount
            rec.aliases = [a for a in rec.aliases if a.casefold() != form.casefold()]
            rec.forms = {f: n for f, n in rec.forms.items() if f.casefold() != form.casefold()}
            rec.n_mentions = max(0, rec.n_mentions - moved)
            self.save_entities([rec])
            return moved

    def load_results(self) -> Corpus:
        def docs(sql: str) -> list[dict[str, Any]]:
            return [json.loads(d) for (d,) in self.db.execute(sql)]

        redirects = dict(self.db.execute("SELECT old_id, new_id FROM entity_redirects"))
        events = [from_dict(Event, d) for d in docs("SELECT doc FROM events ORDER BY id")]
        for ev in events:  # actors merged into another entity since the event was saved
            for actor in ev.actors:
                actor.entity = redirects.get(actor.entity, actor.entity)
            if ev.place:
                ev.place = redirects.get(ev.place, ev.place)
        return Corpus(
            events=events,
            conflicts=[from_dict(Conflict, d) for d in docs("SELECT doc FROM conflicts ORDER BY seq")],
            stories=[from_dict(Story, d) for d in docs("SELECT doc FROM stories ORDER BY id")],
            timeline=Timeline(sorted(
                (from_dict(TimelineEntry, d) for d in docs("SELECT doc FROM timeline WHERE story IS NULL")),
                key=lambda t: date_sort_key(t.date.value))),
        )

    def load_corpus(self) -> Corpus:
        corpus = self.load_results()
        corpus.articles = list(self.iter_articles())
        corpus.entities = sorted(self.iter_entities(), key=lambda e: (e.type, e.name.casefold(), e.id))
        return corpus

    def save_corpus(self, corpus: Corpus, done: Iterable[str] | None = None) -> None:
        done_ids = {a.id for a in corpus.articles} if done is None else set(done)
        with self.write():
            for table in _CORPUS_TABLES:
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                            (json.dumps([a.id for a in corpus.articles]),))
            for seq, a in enumerate(corpus.articles, 1 + self._max_seq()):
                _insert_article(self.db, a, seq)
            self.db.executemany("UPDATE articles SET corpus_done = 1 WHERE id = ?", [(i,) for i in done_ids])
            for e in corpus.entities:
                self.db.execute(
                    "INSERT INTO entities (id, name, type, key, n_mentions, doc) VALUES (?, ?, ?, ?, ?, ?)",
                    (e.id, e.name, e.type, e.id, len(e.mentions), _dumps(e)),
                )
                self.db.executemany(
                    'INSERT OR REPLACE INTO entity_mentions (entity_id, article_id, start, "end", text, seq)'
                    " VALUES (?, ?, ?, ?, ?, (SELECT seq FROM articles WHERE id = ?))",
                    [(e.id, m.article, m.start, m.end, m.text, m.article) for m in e.mentions],
                )
            # counted again whole: a mention INSERT OR REPLACE replaced fired no delete trigger
            self.db.execute("DELETE FROM entity_articles")
            self.db.execute(_ENTITY_ARTICLES_COUNT)
            for ev in corpus.events:
                self.db.execute(
                    "INSERT INTO events (id, type, date_value, date_precision, mode, summary, doc)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (ev.id, ev.type, ev.date.value if ev.date else None,
                     ev.date.precision if ev.date else None, ev.mode, ev.summary, _dumps(ev)),
                )
            self.db.executemany(
                "INSERT INTO conflicts (kind, about, doc) VALUES (?, ?, ?)",
                [(c.kind, c.about, _dumps(c)) for c in corpus.conflicts],
            )
            for s in corpus.stories:
                self.db.execute("INSERT INTO stories (id, label, doc) VALUES (?, ?, ?)", (s.id, s.label, _dumps(s)))
                self.db.executemany(
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id) SELECT ?, id FROM articles"
                    " WHERE id = ?", [(s.id, a) for a in s.articles],
                )
            self.db.executemany(
                "INSERT INTO timeline (date_value, doc) VALUES (?, ?)",
                [(t.date.value, _dumps(t)) for t in corpus.timeline.entries],
            )

    def _max_seq(self) -> int:
        return self.db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]

    def close(self) -> None:
        self.db.close()


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Role", "SQLiteStore"]
