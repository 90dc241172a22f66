"""SQLite full-text search (FTS5) and the reading views' queries, mixed into `SQLiteStore`.

Two FTS5 indexes, kept current by triggers, so every write path (a batch, `save_corpus`, a later
stage's update) changes them in its own transaction and nothing can forget to:

- `articles_fts(title, text)`: an external-content index over `articles`, keyed by `articles.seq`
  (rowids of a table without an INTEGER PRIMARY KEY may change on VACUUM; `seq` does not);
- `events_fts(summary, text)`: an event's summary and the sentences it comes from; its rowid is the
  event's number in `events_fts_ids`, for the same reason.

The tokenizer is `unicode61 remove_diacritics 2`: case and diacritics folded, words split at
punctuation, so "negara-negara" holds "negara" and "Moskow"/"moskow" are one word, in Indonesian and
English alike (a stemmer would be language-specific: Porter mangles Indonesian). Prefix indexes of
two and three characters make `lavr*` cheap. Ranking is BM25 with the title (or summary) weighted
above the body.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from linimasa.model import Event, from_dict
from linimasa.store.search import (
    MARK_END,
    MARK_START,
    SEARCH_KINDS,
    ArticleCard,
    EntitySummary,
    SearchError,
    SearchHit,
    SearchPage,
    SearchQuery,
    StorySummary,
    check_date_prefix,
    fts_query,
    offset_of,
    split_marks,
)

TOKENIZE = "unicode61 remove_diacritics 2"
PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_EVENT_TEXT = "(SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each({row}.doc, '$.mentions'))"
_EVENT_N = "(SELECT n FROM events_fts_ids WHERE event_id = {row}.id)"
_MARKS = f"char({ord(MARK_START)}), char({ord(MARK_END)})"

SEARCH_MIGRATION: list[str] = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq', tokenize='{TOKENIZE}', prefix='2 3')""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF seq, title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
    "CREATE TABLE IF NOT EXISTS events_fts_ids (n INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(summary, text, tokenize='{TOKENIZE}', prefix='2 3')",
    f"""CREATE TRIGGER IF NOT EXISTS events_fts_insert AFTER INSERT ON events BEGIN
        INSERT OR IGNORE INTO events_fts_ids(event_id) VALUES (new.id);
        INSERT INTO events_fts(rowid, summary, text)
            VALUES ({_EVENT_N.format(row="new")}, new.summary, {_EVENT_TEXT.format(row="new")});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS events_fts_update AFTER UPDATE OF id, summary, doc ON events BEGIN
        DELETE FROM events_fts WHERE rowid = {_EVENT_N.format(row="old")};
        DELETE FROM events_fts_ids WHERE event_id = old.id;
        INSERT OR IGNORE INTO events_fts_ids(event_id) VALUES (new.id);
        INSERT INTO events_fts(rowid, summary, text)
            VALUES ({_EVENT_N.format(row="new")}, new.summary, {_EVENT_TEXT.format(row="new")});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS events_fts_delete AFTER DELETE ON events BEGIN
        DELETE FROM events_fts WHERE rowid = {_EVENT_N.format(row="old")};
        DELETE FROM events_fts_ids WHERE event_id = old.id;
    END""",
    "DELETE FROM events_fts",
    "INSERT OR IGNORE INTO events_fts_ids(event_id) SELECT id FROM events ORDER BY rowid",
    f"""INSERT INTO events_fts(rowid, summary, text) SELECT m.n, e.summary, {_EVENT_TEXT.format(row="e")}
        FROM events e JOIN events_fts_ids m ON m.event_id = e.id""",
    # an entity's page lists the events that happened in it
    "CREATE INDEX IF NOT EXISTS events_place ON events(json_extract(doc, '$.place'))",
]


def migrate_search(db: sqlite3.Connection) -> None:
    """Add the search indexes (the migration runner splits plain scripts at ';', which triggers hold).
    Running it again rebuilds the indexes and changes nothing else, so a database that has them is
    safe whatever number this migration ends up with among the others."""
    for stmt in SEARCH_MIGRATION:
        db.execute(stmt)


def _marks(text: str | None) -> tuple[str, list[tuple[int, int]]]:
    return split_marks(text or "")


def _ph(items: Iterable[Any]) -> str:
    return ", ".join("?" * len(list(items)))


class SQLiteSearch:
    """Search and reading-view queries over the tables of `SQLiteStore` (which supplies `db`)."""

    db: sqlite3.Connection

    def _resolve(self, entity_id: str) -> str:  # pragma: no cover - SQLiteStore's
        raise NotImplementedError

    def _entity_ids(self, entity_id: str) -> list[str]:
        """An entity's id and the ids merged into it (what older rows may still carry)."""
        new = self._resolve(entity_id)
        olds = [o for (o,) in self.db.execute("SELECT old_id FROM entity_redirects WHERE new_id = ?", (new,))]
        return [new, *olds]

    # -- search -------------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchPage:
        if query.kind not in SEARCH_KINDS:
            raise SearchError(f"kind must be one of {', '.join(SEARCH_KINDS)}, not {query.kind!r}")
        match = fts_query(query.text, query.syntax)
        date_from = check_date_prefix("from", query.date_from)
        date_to = check_date_prefix("to", query.date_to)
        limit = max(1, min(int(query.limit), 200))
        offset = offset_of(query.cursor)
        where: list[str] = []
        params: list[Any] = [match]
        if query.kind == "articles":
            sql_from = "articles_fts f CROSS JOIN articles a ON a.seq = f.rowid"  # the index drives
            fts, date_col = "articles_fts", "a.published_value"
            if query.entity:
                ids = self._entity_ids(query.entity)
                where.append(f"a.id IN (SELECT article_id FROM entity_mentions WHERE entity_id IN ({_ph(ids)}))")
                params += ids
            if query.type:
                where.append("EXISTS (SELECT 1 FROM event_mentions m WHERE m.article_id = a.id AND m.type = ?)")
                params.append(query.type.upper())
            if query.story:
                where.append("a.story = ?")
                params.append(query.story)
            if query.outlet:
                where.append("a.outlet = ? COLLATE NOCASE")
                params.append(query.outlet)
            if query.language:
                where.append("a.language = ?")
                params.append(query.language)
            select = (f"a.id, snippet(articles_fts, 1, {_MARKS}, '…', 24),"
                      f" highlight(articles_fts, 0, {_MARKS}), bm25(articles_fts, 4.0, 1.0),"
                      " a.published_value, a.published_precision, a.outlet, a.language, a.story, a.source")
        else:
            sql_from = ("events_fts f CROSS JOIN events_fts_ids x ON x.n = f.rowid"
                        " CROSS JOIN events e ON e.id = x.event_id")
            fts, date_col = "events_fts", "e.date_value"
            if query.entity:
                ids = self._entity_ids(query.entity)
                where.append(f"(e.id IN (SELECT event_id FROM event_keys WHERE type IN ({_ph(PLOVER)})"
                             f" AND actor IN ({_ph(ids)})) OR json_extract(e.doc, '$.place') IN ({_ph(ids)}))")
                params += [*PLOVER, *ids, *ids]
            if query.type:
                where.append("e.type = ?")
                params.append(query.type.upper())
            articles_of: list[tuple[str, str]] = []
            if query.story:
                articles_of.append(("story = ?", query.story))
            if query.outlet:
                articles_of.append(("outlet = ? COLLATE NOCASE", query.outlet))
            if query.language:
                articles_of.append(("language = ?", query.language))
            if articles_of:
                cond = " AND ".join(c for c, _ in articles_of)
                where.append("e.id IN (SELECT event_id FROM event_keys WHERE type = '@article' AND actor IN"
                             f" (SELECT id FROM articles WHERE {cond}))")
                params += [v for _, v in articles_of]
            select = (f"e.id, snippet(events_fts, 1, {_MARKS}, '…', 24),"
                      f" highlight(events_fts, 0, {_MARKS}), bm25(events_fts, 4.0, 1.0),"
                      " e.date_value, e.date_precision, e.type, e.doc")
        if date_from:
            where.append(f"{date_col} >= ?")
            params.append(date_from)
        if date_to:
            where.append(f"{date_col} <= ?")
            params.append(date_to + "~")  # "2021-10" ends after every 2021-10-… value
        cond = " AND ".join([f"{fts} MATCH ?", *where])
        try:
            counted = sql_from if where else fts  # unfiltered: count the index alone, no join per match
            (total,) = self.db.execute(f"SELECT count(*) FROM {counted} WHERE {cond}", params).fetchone()
            # rank first, then make snippets for the page alone (in one query SQLite builds them for
            # every match before it sorts)
            rank = f"bm25({fts}, 4.0, 1.0)"
            page = (f"SELECT f.rowid FROM {sql_from} WHERE {cond} ORDER BY {rank}, f.rowid LIMIT ? OFFSET ?")
            rows = self.db.execute(
                f"SELECT {select} FROM {sql_from} WHERE {fts} MATCH ? AND f.rowid IN ({page})"
                f" ORDER BY 4, f.rowid", (match, *params, limit, offset)).fetchall()
        except sqlite3.OperationalError as e:
            msg = str(e)
            if msg.startswith("fts5:") or "no such column" in msg or "unknown special query" in msg:
                raise SearchError(f"cannot read the query {query.text!r}: {msg.removeprefix('fts5: ')}") from None
            raise
        hits = []
        for r in rows:
            snippet, marks = _marks(r[1])
            if query.kind == "articles":
                aid, _, _, score, pub, prec, outlet, lang, story, source = r
                title, title_marks = _marks(r[2])
                hits.append(SearchHit("article", aid, title, snippet, score, title_marks, marks, pub, prec,
                                      outlet, lang, story, None, source))
            else:
                eid, _, _, score, date, prec, type_, doc = r
                title, title_marks = _marks(r[2])
                d = json.loads(doc)
                arts = list(dict.fromkeys(m["article"] for m in d.get("mentions", [])))
                hits.append(SearchHit("event", eid, title, snippet, score, title_marks, marks, date, prec,
                                      None, d.get("language"), None, type_, None, arts))
        nxt = str(offset + limit) if offset + limit < total and offset + limit <= 10_000 else None
        return SearchPage(hits, total, nxt)

    # -- reading views ------------------------------------------------------------------------
    def event_docs(self, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = sorted(set(event_ids))
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            out.update((k, json.loads(d)) for k, d in self.db.execute(
                f"SELECT id, doc FROM events WHERE id IN ({_ph(part)})", part))
        return out

    def article_events(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        ids = sorted(set(article_ids))
        out: dict[str, list[str]] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for a, e in self.db.execute(
                    f"SELECT actor, event_id FROM event_keys WHERE type = '@article' AND actor IN ({_ph(part)})", part):
                out.setdefault(a, []).append(e)
        return out

    def article_cards(self, article_ids: Iterable[str]) -> dict[str, ArticleCard]:
        out: dict[str, ArticleCard] = {}
        ids = sorted(set(article_ids))
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for r in self.db.execute(
                "SELECT id, source, title, outlet, language, published_value, published_precision, story,"
                f" duplicate_of FROM articles WHERE id IN ({_ph(part)})", part):
                out[r[0]] = ArticleCard(*r)
        return out

    def entity_articles(self, entity_id: str, limit: int = 50) -> list[ArticleCard]:
        """The articles naming an entity, most recent first."""
        ids = self._entity_ids(entity_id)
        rows = self.db.execute(
            "SELECT a.id, a.source, a.title, a.outlet, a.language, a.published_value, a.published_precision,"
            " a.story, a.duplicate_of FROM articles a WHERE a.id IN (SELECT article_id FROM entity_mentions"
            f" WHERE entity_id IN ({_ph(ids)})) ORDER BY a.published_value DESC, a.seq DESC LIMIT ?",
            (*ids, int(limit))).fetchall()
        return [ArticleCard(*r) for r in rows]

    def story_summaries(self, limit: int = 50, offset: int = 0, sort: str = "recent",
                        entity: str | None = None) -> tuple[list[StorySummary], int]:
        """Stories (most recent last date first, or largest first), and how many there are."""
        order = {"recent": "last IS NULL, last DESC, n DESC, id",
                 "size": "n DESC, last IS NULL, last DESC, id"}.get(sort)
        if order is None:
            raise SearchError("sort must be 'recent' or 'size'")
        where, params = "", []
        if entity:
            ids = self._entity_ids(entity)
            where = (" WHERE id IN (SELECT DISTINCT a.story FROM entity_mentions m JOIN articles a ON a.id ="
                     f" m.article_id WHERE m.entity_id IN ({_ph(ids)}) AND a.story IS NOT NULL)")
            params = ids
        (total,) = self.db.execute(f"SELECT count(*) FROM stories{where}", params).fetchone()
        rows = self.db.execute(
            "SELECT id, label, first, last, n, m, outlets, languages FROM (SELECT id, label,"
            " json_extract(doc, '$.first') AS first, json_extract(doc, '$.last') AS last,"
            " json_array_length(doc, '$.articles') AS n, json_array_length(doc, '$.events') AS m,"
            f" json_extract(doc, '$.outlets') AS outlets, json_extract(doc, '$.languages') AS languages"
            f" FROM stories{where}) ORDER BY {order} LIMIT ? OFFSET ?", (*params, int(limit), int(offset))).fetchall()
        return [StorySummary(i, lab or "", f, la, n or 0, m or 0, json.loads(o or "[]"), json.loads(g or "{}"))
                for i, lab, f, la, n, m, o, g in rows], total

    def entity_summaries(self, name: str | None = None, type: str | None = None, limit: int = 50,
                         offset: int = 0) -> tuple[list[EntitySummary], int]:
        """Entities, most-mentioned first; `name` matches the start of the name or of an alias."""
        where, params = ["1"], []
        if name:
            like = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append("(name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(doc, '$.aliases')"
                         " WHERE value LIKE ? ESCAPE '\\'))")
            params += [like, like]
        if type:
            where.append("type = ?")
            params.append(type.upper())
        cond = " AND ".join(where)
        (total,) = self.db.execute(f"SELECT count(*) FROM entities WHERE {cond}", params).fetchone()
        rows = self.db.execute(
            f"SELECT id, name, type, json_extract(doc, '$.aliases'), n_mentions FROM entities WHERE {cond}"
            " ORDER BY n_mentions DESC, name, id LIMIT ? OFFSET ?", (*params, int(limit), int(offset))).fetchall()
        counts = dict(self.db.execute(
            f"SELECT entity_id, count(DISTINCT article_id) FROM entity_mentions WHERE entity_id IN ({_ph(rows)})"
            " GROUP BY entity_id", [r[0] for r in rows])) if rows else {}
        return [EntitySummary(i, n, t, json.loads(al or "[]"), counts.get(i, 0), nm or 0)
                for i, n, t, al, nm in rows], total

    def events_page(self, type: str | None = None, entity: str | None = None, story: str | None = None,
                    date_from: str | None = None, date_to: str | None = None, limit: int = 50,
                    offset: int = 0) -> tuple[list[Event], int]:
        """A page of events in date order (undated last), filtered, and how many match in all."""
        where, params = ["1"], []
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if entity:
            ids = self._entity_ids(entity)
            where.append(f"(e.id IN (SELECT event_id FROM event_keys WHERE type IN ({_ph(PLOVER)})"
                         f" AND actor IN ({_ph(ids)})) OR json_extract(e.doc, '$.place') IN ({_ph(ids)}))")
            params += [*PLOVER, *ids, *ids]
        if story:
            where.append("e.id IN (SELECT event_id FROM event_keys WHERE type = '@article' AND actor IN"
                         " (SELECT id FROM articles WHERE story = ?))")
            params.append(story)
        if check_date_prefix("from", date_from):
            where.append("e.date_value >= ?")
            params.append(date_from)
        if check_date_prefix("to", date_to):
            where.append("e.date_value <= ?")
            params.append(f"{date_to}~")
        cond = " AND ".join(where)
        (total,) = self.db.execute(f"SELECT count(*) FROM events e WHERE {cond}", params).fetchone()
        rows = self.db.execute(
            f"SELECT doc FROM events e WHERE {cond} ORDER BY e.date_value IS NULL, e.date_value, e.id LIMIT ? OFFSET ?",
            (*params, int(limit), int(offset))).fetchall()
        out = [from_dict(Event, json.loads(d)) for (d,) in rows]
        seen = sorted({i for ev in out for i in [ev.place, *(a.entity for a in ev.actors)] if i})
        redirects = dict(self.db.execute(
            f"SELECT old_id, new_id FROM entity_redirects WHERE old_id IN ({_ph(seen)})", seen)) if seen else {}
        for ev in out:
            for a in ev.actors:
                a.entity = redirects.get(a.entity, a.entity)
            if ev.place:
                ev.place = redirects.get(ev.place, ev.place)
        return out, total

    def entity_events(self, entity_id: str, limit: int = 200) -> list[Event]:
        """Events an entity takes part in (as an actor) or that happen in it, in date order."""
        ids = self._entity_ids(entity_id)
        rows = self.db.execute(
            "SELECT doc FROM events WHERE id IN (SELECT event_id FROM event_keys WHERE type IN"
            f" ({_ph(PLOVER)}) AND actor IN ({_ph(ids)})) OR json_extract(doc, '$.place') IN ({_ph(ids)})"
            " ORDER BY date_value IS NULL, date_value, id LIMIT ?", (*PLOVER, *ids, *ids, int(limit))).fetchall()
        return [from_dict(Event, json.loads(d)) for (d,) in rows]

    def co_entities(self, entity_id: str, limit: int = 20) -> list[tuple[EntitySummary, int]]:
        """The entities named in the same articles, with the number of articles they share."""
        ids = self._entity_ids(entity_id)
        rows = self.db.execute(
            "SELECT o.entity_id, count(DISTINCT o.article_id) AS shared FROM entity_mentions o WHERE o.article_id IN"
            f" (SELECT article_id FROM entity_mentions WHERE entity_id IN ({_ph(ids)}))"
            f" AND o.entity_id NOT IN ({_ph(ids)}) GROUP BY o.entity_id ORDER BY shared DESC, o.entity_id LIMIT ?",
            (*ids, *ids, int(limit))).fetchall()
        if not rows:
            return []
        info = {r[0]: r for r in self.db.execute(
            f"SELECT id, name, type, json_extract(doc, '$.aliases'), n_mentions FROM entities WHERE id IN"
            f" ({_ph(rows)})", [r[0] for r in rows])}
        out = []
        for eid, shared in rows:
            if eid in info:
                i, n, t, al, nm = info[eid]
                out.append((EntitySummary(i, n, t, json.loads(al or "[]"), shared, nm or 0), shared))
        return out

    def article_conflicts(self, article_ids: Iterable[str]) -> list[tuple[str, dict[str, Any]]]:
        """(article id, conflict as stored) of the per-article conflicts (weekdays) of these articles."""
        ids = sorted(set(article_ids))
        out: list[tuple[str, dict[str, Any]]] = []
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            out += [(a, json.loads(d)) for a, d in self.db.execute(
                f"SELECT article_id, doc FROM article_conflicts WHERE article_id IN ({_ph(part)})"
                " ORDER BY article_id, idx", part)]
        return out

    def list_conflicts(self, kind: str | None = None, story: str | None = None, limit: int = 50,
                       offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Every conflict, per-article ones (weekdays) and corpus ones (dates, numbers, modes), as stored."""
        where_a, where_c, pa, pc = ["1"], ["1"], [], []
        if kind:
            where_a.append("kind = ?")
            where_c.append("kind = ?")
            pa.append(kind)
            pc.append(kind)
        if story:
            where_a.append("article_id IN (SELECT id FROM articles WHERE story = ?)")
            pa.append(story)
            where_c.append("(about IN (SELECT event_id FROM event_keys WHERE type = '@article' AND actor IN"
                           " (SELECT id FROM articles WHERE story = ?)))")
            pc.append(story)
        union = (f"SELECT 0 AS g, rowid AS k, doc FROM article_conflicts WHERE {' AND '.join(where_a)} UNION ALL"
                 f" SELECT 1, seq, doc FROM conflicts WHERE {' AND '.join(where_c)}")
        (total,) = self.db.execute(f"SELECT count(*) FROM ({union})", (*pa, *pc)).fetchone()
        rows = self.db.execute(f"SELECT doc FROM ({union}) ORDER BY g, k LIMIT ? OFFSET ?",
                               (*pa, *pc, int(limit), int(offset))).fetchall()
        return [json.loads(d) for (d,) in rows], total

    def outlets(self, limit: int = 300) -> list[tuple[str, int]]:
        return [(o, n) for o, n in self.db.execute(
            "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC,"
            " outlet LIMIT ?", (int(limit),))]

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "entities", "events", "stories", "conflicts")}

    def search_ready(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").fetchone() is not None


__all__ = ["SEARCH_MIGRATION", "SQLiteSearch", "migrate_search"]
