"""Migration 9. The count of articles that name each entity is kept by triggers as mentions come and
go: it must be what counting the mentions gives, after one batch or several, and after merges and
splits. Each timeline row's roots and articles are kept in its `timeline_events` row too: a store
migrated from version 8 reads the same rows and counts as one made at version 9."""

from __future__ import annotations

import json

import linimasa
from linimasa.pipeline import Pipeline
from linimasa.store.sqlite import SCHEMA_VERSION, SQLiteStore

TEXTS = [
    "Presiden Joko Widodo meresmikan bendungan di Garut, Jawa Barat, Senin (3/6/2024). Widodo didampingi "
    "Gubernur Jawa Barat Ridwan Kamil.",
    "Di Garut, Widodo kembali meninjau bendungan itu bersama Ridwan Kamil, Selasa (4/6/2024).",
    "Menteri Luar Negeri Rusia Sergey Lavrov bertemu delegasi Taliban di Moskow, Jumat (4/10/2024).",
    "Russian Foreign Minister Sergei Lavrov met a Taliban delegation in Moscow on Friday, October 4, 2024.",
    "Lavrov mengatakan Moskow akan terus berdialog dengan Taliban, Sabtu (5/10/2024). Lavrov tiba pagi.",
    "Aktor Rudi Lavrov bermain di Surabaya, Minggu (6/10/2024), dalam pertunjukan teater.",
]
NO_MODEL = Pipeline(config={"article": {"entities": {"model": False}}})


def _kept(store: SQLiteStore) -> dict[str, int]:
    return {e: n for e, n in store.db.execute("SELECT entity_id, n FROM entity_articles") if n}


def _counted(store: SQLiteStore) -> dict[str, int]:
    return dict(store.db.execute("SELECT entity_id, COUNT(DISTINCT seq) FROM entity_mentions"
                                 " WHERE seq IS NOT NULL GROUP BY entity_id"))


def _by_name(store: SQLiteStore) -> dict[str, int]:
    ids = [i for (i,) in store.db.execute("SELECT id FROM entities")]
    return {name: n for name, _type, n in store.entity_info(ids).values()}


def test_counts_after_two_batches_are_those_of_one_batch_and_of_counting(tmp_path):
    linimasa.process(TEXTS, pipeline=NO_MODEL, store=str(tmp_path / "one.db"))
    linimasa.process(TEXTS[:3], pipeline=NO_MODEL, store=str(tmp_path / "two.db"))
    linimasa.process(TEXTS[3:], pipeline=NO_MODEL, store=str(tmp_path / "two.db"))
    with SQLiteStore(tmp_path / "one.db") as one, SQLiteStore(tmp_path / "two.db") as two:
        assert _kept(one) == _counted(one) and _kept(two) == _counted(two)
        assert _by_name(two) == _by_name(one)
        assert max(_kept(two).values()) >= 3  # an entity named in several articles (Lavrov, Taliban)
        capped = two.entity_info(list(_kept(two)), max_df=2)
        assert max(n for _, _, n in capped.values()) == 2


def test_counts_follow_merges_splits_and_deleted_articles(tmp_path):
    db = str(tmp_path / "x.db")
    linimasa.process(TEXTS, pipeline=NO_MODEL, store=db)
    with SQLiteStore(db) as store:
        ids = {name: i for i, name in store.db.execute("SELECT id, name FROM entities")}
        store.merge_entities(ids["Garut"], [ids["Moskow"]])
        assert _kept(store) == _counted(store)
        assert store.entity_info([ids["Moskow"]])[ids["Moskow"]][2] == _counted(store)[ids["Garut"]]
        moved = store.split_entity(ids["Garut"], "Moskow", "split_moskow", "LOC")
        assert moved and _kept(store) == _counted(store)
        with store.write():
            store.db.execute("DELETE FROM articles WHERE id = (SELECT id FROM articles ORDER BY seq LIMIT 1)")
        assert _kept(store) == _counted(store)


def test_a_version_8_store_is_migrated_to_the_same_rows_and_counts(tmp_path):
    db = str(tmp_path / "v8.db")
    linimasa.process(TEXTS, pipeline=NO_MODEL, store=db)
    with SQLiteStore(db) as store:
        events = [i for (i,) in store.db.execute("SELECT event_id FROM timeline_events")]
        rows = store.timeline_rows(events)
        counts = _kept(store)
        assert any(len(r.roots) > 1 for r in rows.values()) and counts
        store.db.executescript(  # back to version 8: none of migration 9's tables, columns, index, triggers
            "DROP TRIGGER entity_articles_insert; DROP TRIGGER entity_articles_delete;"
            " DROP TRIGGER entity_articles_update; DROP TABLE entity_articles; DROP INDEX articles_meta;"
            " ALTER TABLE timeline_events DROP COLUMN roots; ALTER TABLE timeline_events DROP COLUMN articles;"
            " PRAGMA user_version = 8;"
        )
    with SQLiteStore(db) as store:
        (v,) = store.db.execute("PRAGMA user_version").fetchone()
        assert v == SCHEMA_VERSION
        assert store.timeline_rows(events) == rows
        assert _kept(store) == counts == _counted(store)


def _timeline_tables(store: SQLiteStore) -> tuple[list, list]:
    """The timeline entries (story ids as the story's first article, ids differ by batch) and the kept
    rows with their packed sources, in an order that does not depend on the order of writing."""
    first = dict(store.db.execute("SELECT story_id, min(article_id) FROM story_articles GROUP BY story_id"))
    entries = sorted((first.get(s or "", ""), d, json.loads(doc)["events"], json.loads(doc)["sources"],
                      json.loads(doc)["outlets"], json.loads(doc)["summary"])
                     for s, d, doc in store.db.execute("SELECT story, date_value, doc FROM timeline"))
    rows = sorted(store.db.execute("SELECT event_id, date_value, sources, background, conflicted, summary, roots,"
                                   " articles FROM timeline_events"))
    return entries, rows


def test_the_timeline_tables_after_two_batches_are_those_of_one_batch(tmp_path):
    linimasa.process(TEXTS, pipeline=NO_MODEL, store=str(tmp_path / "one.db"))
    linimasa.process(TEXTS[:4], pipeline=NO_MODEL, store=str(tmp_path / "two.db"))
    linimasa.process(TEXTS[4:], pipeline=NO_MODEL, store=str(tmp_path / "two.db"))
    with SQLiteStore(tmp_path / "one.db") as one, SQLiteStore(tmp_path / "two.db") as two:
        entries, rows = _timeline_tables(one)
        assert (entries, rows) == _timeline_tables(two)
        assert any(e[0] for e in entries) and any(not e[0] for e in entries)  # story and whole-database entries
        assert all(r[6] for r in rows) and any("\t" in r[7] for r in rows)  # packed, some with several articles
