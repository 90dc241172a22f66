"""Full-text search: FTS5 indexes kept current by every write path, the forgiving query syntax, filters,
snippets as plain text with marked spans, and read-only stores."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

import linimasa
from linimasa.model import Event, EventMention
from linimasa.pipeline import Pipeline
from linimasa.store import SearchError, SearchQuery, SQLiteStore, StoreError
from linimasa.store.search import fts_query, split_marks
from linimasa.store.sqlite import MIGRATIONS, SCHEMA_VERSION

NO_MODEL = Pipeline(config={"article": {"entities": {"model": False}}})
TEXTS = [
    "Banjir melanda Garut pada Senin (3/6/2024). Warga mengungsi ke masjid, kata Bupati Garut.",
    "Negara-negara ASEAN bertemu di Jakarta pada Selasa (4/6/2024), kata juru bicara Kementerian Luar Negeri.",
    "Russian Foreign Minister Sergei Lavrov arrived in Jakarta on Friday, October 4, 2024, officials said. "
    "The U.S. embassy did not comment.",
]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("search") / "sample.db"
    linimasa.process([str(linimasa.SAMPLE_DIR)], store=str(db))
    return db


@pytest.fixture()
def small_db(tmp_path):
    db = tmp_path / "small.db"
    linimasa.process(TEXTS, pipeline=NO_MODEL, store=str(db))
    return db


def test_the_search_migration_is_the_last_one():
    assert MIGRATIONS[-1][1].__name__ == "migrate_search"
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_words_prefixes_phrases_and_ranking(sample_db):
    with SQLiteStore(sample_db) as store:
        lavrov = store.search(SearchQuery("Lavrov"))
        assert lavrov.total == 4 and len(lavrov.hits) == 4
        assert all(h.kind == "article" for h in lavrov.hits)
        scores = [h.score for h in lavrov.hits]
        assert scores == sorted(scores)  # bm25: lower is better
        hit = lavrov.hits[0]
        assert hit.marks and all(hit.snippet[s:e].lower() == "lavrov" for s, e in hit.marks)
        assert store.search(SearchQuery("lavr*")).total == 4
        assert store.search(SearchQuery("LAVROV")).total == 4  # case folded
        assert store.search(SearchQuery('"Sergey Lavrov"')).total >= 1
        assert store.search(SearchQuery("Lavrov Muttaqi")).total < 4  # words AND together
        assert store.search(SearchQuery("Lavrov OR Muttaqi")).total >= 4


def test_events_are_searched_with_their_sentences(sample_db):
    with SQLiteStore(sample_db) as store:
        page = store.search(SearchQuery("Lavrov", kind="events"))
        assert page.total >= 1
        for h in page.hits:
            assert h.kind == "event" and h.id.startswith("ev_") and h.type and h.articles
        hits = store.search(SearchQuery("bertemu", kind="events", type="CONSULT")).hits
        assert hits and {h.type for h in hits} == {"CONSULT"}


def test_filters(sample_db):
    with SQLiteStore(sample_db) as store:
        story = next(store.iter_stories())
        assert store.search(SearchQuery("Taliban", story=story.id)).total == 5
        assert store.search(SearchQuery("Taliban", story="st_nothing")).total == 0
        assert store.search(SearchQuery("Taliban", language="en")).total == 0
        assert store.search(SearchQuery("Taliban", outlet="warta ekonomi")).total == 1
        assert store.search(SearchQuery("Taliban", date_from="2021-10", date_to="2021-10")).total == 3
        assert store.search(SearchQuery("Taliban", date_to="2021-09")).total == 1
        ent = next(e for e in store.iter_entities() if e.name == "Sergey Lavrov")
        by_entity = store.search(SearchQuery("Taliban", entity=ent.id))
        assert 1 <= by_entity.total <= 4
        assert store.search(SearchQuery("Taliban", type="CONSULT")).total >= 1
        events = store.search(SearchQuery("Taliban", kind="events", entity=ent.id, date_from="2021"))
        assert events.total >= 1
        assert store.search(SearchQuery("Taliban", kind="events", story=story.id)).total >= 1


def test_paging_by_cursor(sample_db):
    with SQLiteStore(sample_db) as store:
        seen, cursor = [], None
        while True:
            page = store.search(SearchQuery("Taliban", limit=2, cursor=cursor))
            seen += [h.id for h in page.hits]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize("text", ['"unclosed', "Taliban AND", "foo)", "NOT", "*", "", "   ", "x" * 600])
def test_bad_queries_say_what_is_wrong(sample_db, text):
    with SQLiteStore(sample_db) as store, pytest.raises(SearchError) as err:
        store.search(SearchQuery(text))
    assert str(err.value)


@pytest.mark.parametrize(("field", "value"), [("date_from", "yesterday"), ("date_to", "2021-1"),
                                              ("cursor", "abc"), ("kind", "people"), ("syntax", "regex")])
def test_bad_filters_say_what_is_wrong(sample_db, field, value):
    with SQLiteStore(sample_db) as store, pytest.raises(SearchError):
        store.search(SearchQuery("Taliban", **{field: value}))


def test_fts5_syntax_passes_through(sample_db):
    with SQLiteStore(sample_db) as store:
        assert store.search(SearchQuery("NEAR(Sergey Lavrov, 2)", syntax="fts5")).total >= 1
        assert store.search(SearchQuery("title: Taliban", syntax="fts5")).total >= 1
        with pytest.raises(SearchError):
            store.search(SearchQuery("nosuchcolumn: Taliban", syntax="fts5"))


def test_simple_syntax_quotes_what_fts5_would_reject():
    assert fts_query("U.S.") == '"U.S."'
    assert fts_query("Lavrov's visit") == '"Lavrov\'s" visit'
    assert fts_query("negara-negara") == '"negara-negara"'
    assert fts_query("lavr* AND (Taliban OR Rusia)") == "lavr* AND ( Taliban OR Rusia )"
    assert fts_query("near and") == "near and"  # lower-case operators are words; NEAR alone too
    assert fts_query("NEAR") == '"NEAR"'


def test_marks_become_spans_and_stray_marks_vanish():
    assert split_marks("a \x02hit\x03 b") == ("a hit b", [(2, 5)])
    assert split_marks("\x03a\x02") == ("a", [])


def test_index_follows_new_articles_and_corpus_rewrites(small_db):
    with SQLiteStore(small_db) as store:
        assert store.search(SearchQuery("Garut")).total == 1
        assert store.search(SearchQuery("negara")).total == 1  # "Negara-negara" holds the word
        assert store.search(SearchQuery("U.S.")).total == 1
        assert store.search(SearchQuery("Surabaya")).total == 0
    linimasa.process(["Gempa mengguncang Surabaya pada Rabu (5/6/2024), kata BMKG."], pipeline=NO_MODEL,
                     store=str(small_db))
    with SQLiteStore(small_db) as store:
        assert store.search(SearchQuery("Surabaya")).total == 1
        store.save_corpus(store.load_corpus())  # deletes and re-inserts every article under a new seq
        assert store.search(SearchQuery("Surabaya")).total == 1
        assert store.search(SearchQuery("Garut")).total == 1
        with store.write():
            store.db.execute("DELETE FROM articles WHERE text LIKE '%Garut%'")
        assert store.search(SearchQuery("Garut")).total == 0
        store.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_event_index_follows_upserts_and_deletes(small_db):
    with SQLiteStore(small_db) as store:
        aid = store.search(SearchQuery("Garut")).hits[0].id
        mention = EventMention(article=aid, start=0, end=10, text="Banjir besar melanda Garut", type="ASSAULT")
        store.save_events([Event("ev_test", "ASSAULT", summary="Banjir Garut", mentions=[mention])], {})
        assert [h.id for h in store.search(SearchQuery("besar", kind="events")).hits] == ["ev_test"]
        mention.text = "Longsor menimbun Garut"
        store.save_events([Event("ev_test", "ASSAULT", summary="Longsor Garut", mentions=[mention])], {})
        assert store.search(SearchQuery("besar", kind="events")).total == 0
        assert store.search(SearchQuery("longsor", kind="events")).total == 1
        with store.write():
            store.db.execute("DELETE FROM events WHERE id = 'ev_test'")
        assert store.search(SearchQuery("longsor", kind="events")).total == 0
        assert store.db.execute("SELECT count(*) FROM events_fts_ids WHERE event_id = 'ev_test'").fetchone() == (0,)


def test_vacuum_keeps_the_index_pointing_at_the_right_rows(small_db):
    with SQLiteStore(small_db) as store:
        with store.write():
            store.db.execute("DELETE FROM articles WHERE text LIKE '%Garut%'")
        store.db.execute("VACUUM")
        hits = store.search(SearchQuery("Lavrov")).hits
        assert len(hits) == 1 and "Lavrov" in (store.get_article(hits[0].id) or linimasa.Article("", "")).text


def test_an_older_database_gets_its_index_on_first_use(small_db, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(small_db, old)
    con = sqlite3.connect(old)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f"DROP TRIGGER {name}")
    for stmt in ("DROP TABLE articles_fts", "DROP TABLE events_fts", "DROP TABLE events_fts_ids",
                 "DROP INDEX events_place"):
        con.execute(stmt)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    con.commit()
    con.close()
    with SQLiteStore(old) as store:
        assert store.search(SearchQuery("Garut")).total == 1


def test_read_only_store_reads_and_refuses_writes(small_db):
    with SQLiteStore(small_db, read_only=True) as store:
        assert store.search(SearchQuery("Garut")).total == 1
        assert store.count_articles() == 3
        with pytest.raises(StoreError, match="read-only"):
            store.put_articles([linimasa.Article("x", "x")])
        with pytest.raises(sqlite3.OperationalError):
            store.db.execute("DELETE FROM articles")


def test_read_only_store_needs_a_current_database(tmp_path, small_db):
    with pytest.raises(StoreError, match="no database"):
        SQLiteStore(tmp_path / "missing.db", read_only=True)
    old = tmp_path / "old.db"
    shutil.copy(small_db, old)
    con = sqlite3.connect(old)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="upgrade"):
        SQLiteStore(old, read_only=True)


def test_reading_view_queries(sample_db):
    with SQLiteStore(sample_db) as store:
        counts = store.counts()
        assert counts["articles"] == 5 and counts["stories"] == 1
        stories, total = store.story_summaries()
        assert total == 1 and stories[0].n_articles == 5 and stories[0].first <= stories[0].last
        lavrov = next(e for e in store.iter_entities() if e.name == "Sergey Lavrov")
        ents, n = store.entity_summaries(name="sergey")
        assert lavrov.id in {e.id for e in ents} and n >= 1
        assert store.entity_summaries(name="%")[1] == 0  # LIKE wildcards are literal
        assert store.entity_events(lavrov.id)
        co = store.co_entities(lavrov.id)
        assert co and all(e.id != lavrov.id for e, _ in co)
        assert {c.id for c in store.entity_articles(lavrov.id)} <= {a.id for a in store.iter_articles()}
        conflicts, total = store.list_conflicts()
        assert total == len(conflicts) >= 2
        assert {c["kind"] for c in conflicts} >= {"weekday_mismatch", "date"}
        assert store.list_conflicts(kind="date")[1] == 1
        assert store.list_conflicts(story=stories[0].id)[1] == total


def test_the_search_migration_can_run_again(small_db):
    from linimasa.store.sqlite_search import migrate_search

    with SQLiteStore(small_db) as store:
        before = store.search(SearchQuery("Garut")).total
        with store.write():
            migrate_search(store.db)
        assert store.search(SearchQuery("Garut")).total == before == 1
        assert store.db.execute("SELECT count(*) FROM events_fts").fetchone() == store.db.execute(
            "SELECT count(*) FROM events").fetchone()
