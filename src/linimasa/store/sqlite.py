"""The SQLite store: the default, a single file anyone can open with `sqlite3` or datasette.

Articles keep their searchable fields as columns and the rest (lines, timexes, mentions...) as a
JSON document, so the schema does not churn each time a stage adds a field; corpus results get a
table each. The schema version lives in `PRAGMA user_version`, and `MIGRATIONS[i]` takes a database
from version i to i+1.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from linimasa.model import (
    Article,
    Conflict,
    Corpus,
    Entity,
    Event,
    Story,
    Timeline,
    TimelineEntry,
    from_dict,
    to_dict,
)
from linimasa.store.base import Store
from linimasa.store.errors import StoreError
from linimasa.store.sqlite_check import APPLICATION_ID, check_sqlite_target

MIGRATIONS: list[str] = [
    # 0 -> 1
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        language TEXT,
        title TEXT,
        outlet TEXT,
        dateline TEXT,
        published_value TEXT,
        published_precision TEXT,
        published_how TEXT,
        editor TEXT,
        text TEXT NOT NULL,
        duplicate_of TEXT,
        story TEXT,
        n_errors INTEGER NOT NULL DEFAULT 0,
        doc TEXT NOT NULL
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
    + f"PRAGMA application_id = {APPLICATION_ID};  -- how sqlite_check tells a linimasa database\n",
]
SCHEMA_VERSION = len(MIGRATIONS)

_CORPUS_TABLES = ("entity_mentions", "entities", "events", "conflicts", "stories", "timeline")


def _dumps(obj: object) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class SQLiteStore(Store):
    schema_version = SCHEMA_VERSION

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        check_sqlite_target(self.path, SCHEMA_VERSION, write=False)  # a clear StoreError, nothing created
        self.db = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
        self.db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    @classmethod
    def from_url(cls, url: str) -> SQLiteStore:
        return cls(url.removeprefix("sqlite:///").removeprefix("sqlite://") or ":memory:")

    def migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this linimasa ({SCHEMA_VERSION})"
            )
        for v in range(version, SCHEMA_VERSION):
            # executescript commits whatever is open first, so the transaction lives inside the script.
            try:
                self.db.executescript(f"BEGIN;\n{MIGRATIONS[v]}\nPRAGMA user_version = {v + 1};\nCOMMIT;")
            except sqlite3.Error:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    def _tx(self) -> sqlite3.Connection:
        self.db.execute("BEGIN")
        return _Tx(self.db)  # type: ignore[return-value]

    # -- articles ---------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def put_article(self, article: Article) -> None:
        with self._tx():
            self._write_article(article)

    def _write_article(self, a: Article) -> None:
        p = a.published
        self.db.execute(
            """INSERT INTO articles (id, source, language, title, outlet, dateline, published_value,
                   published_precision, published_how, editor, text, duplicate_of, story, n_errors, doc)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET
                   language=excluded.language, title=excluded.title, outlet=excluded.outlet,
                   dateline=excluded.dateline, published_value=excluded.published_value,
                   published_precision=excluded.published_precision, published_how=excluded.published_how,
                   editor=excluded.editor, text=excluded.text, duplicate_of=excluded.duplicate_of,
                   story=excluded.story, n_errors=excluded.n_errors, doc=excluded.doc""",
            (
                a.id, a.source, a.language, a.title, a.outlet, a.dateline,
                p.value if p else None, p.precision if p else None, p.how if p else None,
                a.editor, a.text, a.duplicate_of, a.story, len(a.errors), _dumps(a),
            ),
        )

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT doc FROM articles WHERE id = ?", (article_id,)).fetchone()
        return from_dict(Article, json.loads(row[0])) if row else None

    def iter_articles(self) -> Iterator[Article]:
        for (doc,) in self.db.execute("SELECT doc FROM articles ORDER BY source, id"):
            yield from_dict(Article, json.loads(doc))

    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- corpus -----------------------------------------------------------------------------
    def load_corpus(self) -> Corpus:
        def docs(sql: str) -> list[dict]:
            return [json.loads(d) for (d,) in self.db.execute(sql)]

        return Corpus(
            articles=list(self.iter_articles()),
            entities=[from_dict(Entity, d) for d in docs("SELECT doc FROM entities ORDER BY id")],
            events=[from_dict(Event, d) for d in docs("SELECT doc FROM events ORDER BY id")],
            conflicts=[from_dict(Conflict, d) for d in docs("SELECT doc FROM conflicts ORDER BY seq")],
            stories=[from_dict(Story, d) for d in docs("SELECT doc FROM stories ORDER BY id")],
            timeline=Timeline([from_dict(TimelineEntry, d) for d in docs("SELECT doc FROM timeline ORDER BY seq")]),
        )

    def save_corpus(self, corpus: Corpus) -> None:
        with self._tx():
            for table in _CORPUS_TABLES:
                self.db.execute(f"DELETE FROM {table}")
            for a in corpus.articles:
                self._write_article(a)
            for e in corpus.entities:
                self.db.execute(
                    "INSERT INTO entities (id, name, type, doc) VALUES (?, ?, ?, ?)",
                    (e.id, e.name, e.type, _dumps(e)),
                )
                self.db.executemany(
                    'INSERT INTO entity_mentions (entity_id, article_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                    [(e.id, m.article, m.start, m.end, m.text) for m in e.mentions],
                )
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
            self.db.executemany(
                "INSERT INTO stories (id, label, doc) VALUES (?, ?, ?)",
                [(s.id, s.label, _dumps(s)) for s in corpus.stories],
            )
            self.db.executemany(
                "INSERT INTO timeline (date_value, doc) VALUES (?, ?)",
                [(t.date.value, _dumps(t)) for t in corpus.timeline.entries],
            )

    def close(self) -> None:
        self.db.close()


class _Tx:
    """Commit on success, roll back on any exception: an article is written whole or not at all."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
