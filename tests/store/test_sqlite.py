from __future__ import annotations

import sqlite3

import pytest

from linimasa.model import (
    Article,
    Corpus,
    DateValue,
    Entity,
    Line,
    MentionRef,
    Published,
    Story,
    Timeline,
    TimelineEntry,
    Timex,
)
from linimasa.store import SQLiteStore, open_store, register_backend
from linimasa.store.sqlite import SCHEMA_VERSION


def _article(i: int = 1) -> Article:
    return Article(
        id=f"{i:040x}",
        source=f"berita-{i}.txt",
        raw="Judul\n\nIsi berita.",
        lines=[Line(1, "Judul", "title", "first short line"), Line(2, "", "blank"), Line(3, "Isi berita.", "body")],
        text="Isi berita.",
        title="Judul",
        published=Published("2024-05-01", "day", "metadata", "1 Mei 2024"),
        timexes=[Timex(0, 3, "Isi", "DATE", "2024-05-01", flags=["order_from_weekday"])],
    )


def test_new_database_is_at_current_schema_version(tmp_path):
    with SQLiteStore(tmp_path / "a.db") as store:
        (v,) = store.db.execute("PRAGMA user_version").fetchone()
    assert v == SCHEMA_VERSION >= 1


def test_article_round_trips_through_the_store(tmp_path):
    art = _article()
    with open_store(str(tmp_path / "a.db")) as store:
        store.put_article(art)
        assert store.has_article(art.id)
        assert store.get_article(art.id) == art
        assert list(store.iter_articles()) == [art]


def test_searchable_columns_are_real_columns(tmp_path):
    with open_store(str(tmp_path / "a.db")) as store:
        store.put_article(_article())
    row = sqlite3.connect(tmp_path / "a.db").execute(
        "SELECT title, published_value, published_how FROM articles"
    ).fetchone()
    assert row == ("Judul", "2024-05-01", "metadata")


def test_corpus_results_replace_the_previous_ones(tmp_path):
    art = _article()
    corpus = Corpus(
        articles=[art],
        entities=[Entity("e1", "Jakarta", "GPE", mentions=[MentionRef(art.id, 0, 3, "Isi")])],
        stories=[Story("s1", "Cerita", [art.id])],
        timeline=Timeline([TimelineEntry(DateValue("2024-05-01", "day"), [], "ringkas")]),
    )
    with open_store(str(tmp_path / "a.db")) as store:
        store.put_article(art)
        store.save_corpus(corpus)
        store.save_corpus(corpus)
        loaded = store.load_corpus()
        n_mentions = store.db.execute("SELECT count(*) FROM entity_mentions").fetchone()[0]
    assert loaded == corpus
    assert n_mentions == 1


def test_a_failed_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    store = SQLiteStore(tmp_path / "a.db")
    store.put_article(_article(1))
    corpus = Corpus(articles=[_article(1)], entities=[Entity("e1", "X", "PER")])
    store.save_corpus(corpus)

    bad = Corpus(articles=[_article(1)], entities=[Entity("e2", "Y", "PER"), Entity("e2", "dup id", "PER")])
    with pytest.raises(sqlite3.IntegrityError):
        store.save_corpus(bad)
    assert [e.id for e in store.load_corpus().entities] == ["e1"]
    store.close()


def test_newer_schema_is_refused(tmp_path):
    db = sqlite3.connect(tmp_path / "a.db")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(RuntimeError, match="newer"):
        SQLiteStore(tmp_path / "a.db")


def test_backends_are_chosen_by_url_scheme(tmp_path):
    seen = []

    def factory(url: str) -> SQLiteStore:
        seen.append(url)
        return SQLiteStore(":memory:")

    register_backend("memtest", factory)
    open_store("memtest://anything").close()
    assert seen == ["memtest://anything"]
    with pytest.raises(ValueError, match="no storage backend"):
        open_store("nosuch://x")


def test_stories_read_twice_are_equal_and_independent(tmp_path):
    """Stored stories are decoded once per stored document: every read still gets its own copy, so a
    caller that changes one (the stories stage adds articles to it) changes no later read."""
    with SQLiteStore(tmp_path / "s.db") as store:
        story = Story(id="st_1", label="Banjir Garut", articles=["a1", "a2"], entities={"ent-1": 1.5},
                      terms={"banjir": 0.7}, outlets=["Kompas"], languages={"id": 2}, first="2023-03-15")
        store.save_stories([story], {"st_1": ["e:ent-1"]})
        first = store.stories(["st_1"])[0]
        assert first == story
        first.articles.append("a3")
        first.entities["ent-2"] = 1.0
        first.languages["en"] = 1
        again = store.stories_by_keys(["e:ent-1"])[0]
        assert again == story
        assert again is not first


def test_story_candidates_are_the_stories_sharing_most_key_weight_and_no_more():
    from linimasa.model import Story

    with SQLiteStore(":memory:") as store:
        stories = [Story(id=f"st_{i}", label=str(i)) for i in range(6)]
        keys = {s.id: ["e:common"] for s in stories}  # a key every story holds
        keys["st_3"] += ["e:rare", "t:banjir"]
        keys["st_4"] += ["t:banjir"]
        store.save_stories(stories, keys)
        ranked = store.story_candidates({"e:common": 0.1, "e:rare": 0.5, "t:banjir": 0.3}, limit=3)
        assert ranked[:2] == ["st_3", "st_4"] and len(ranked) == 3
        assert store.story_candidates({"e:common": 1.0}, limit=10) == [s.id for s in stories]
        assert store.story_candidates({"e:nowhere": 1.0}, limit=10) == []
        assert store.story_candidates({}, limit=10) == []


def test_a_database_that_ran_search_last_runs_the_migrations_put_in_before_it(tmp_path):
    """The search migration stays last: a database made when it was migration SEARCH_SINCE ran it
    then, and the ones put in before it since must still run there (and search again, harmlessly)."""
    from linimasa.store.sqlite import MIGRATIONS, SEARCH_SINCE, migrate_search
    from linimasa.store.sqlite_check import APPLICATION_ID

    path = tmp_path / "v7.db"
    db = sqlite3.connect(path)
    for _name, step in MIGRATIONS[: SEARCH_SINCE - 1]:
        if isinstance(step, str):
            for stmt in step.split(";"):
                if stmt.strip():
                    db.execute(stmt)
        else:
            step(db)
    migrate_search(db)
    db.execute(f"PRAGMA user_version = {SEARCH_SINCE}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.commit()
    db.close()
    with SQLiteStore(path) as store:
        (v,) = store.db.execute("PRAGMA user_version").fetchone()
        assert v == SCHEMA_VERSION
        assert store.timeline_days_kept(["2024-01-01"]) == set()  # the table is there
        names = {n for (n,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"articles_duplicate_of", "event_keys_actor"} <= names



def test_a_chunks_terms_are_written_at_once_with_the_document_frequencies_they_add(tmp_path):
    """`put_articles_terms` writes each article's (term, article, seq, count) rows and count vector
    (with the empty term every article carries) and raises each word's document frequency by the
    number of new articles holding it; it skips an article the store does not hold or whose terms it
    has, as `put_article_terms` does."""
    with SQLiteStore(tmp_path / "a.db") as store:
        store.put_articles([_article(i) for i in (1, 2, 3)])
        a1, a2, a3 = (_article(i).id for i in (1, 2, 3))
        store.put_articles_terms({a1: {"banjir": 2, "jakarta": 1}})
        store.put_articles_terms({a2: {"banjir": 1, "warga": 3, 'ka"ta\\': 2}, a3: {"banjir": 4, "ñame": 1},
                                  a1: {"lain": 1}, "missing": {"banjir": 5}})
        want = {a1: {"": 0, "banjir": 2, "jakarta": 1}, a2: {"": 0, "banjir": 1, 'ka"ta\\': 2, "warga": 3},
                a3: {"": 0, "banjir": 4, "ñame": 1}}
        assert dict(store.db.execute("SELECT term, df FROM terms")) == {
            "": 3, "banjir": 3, "jakarta": 1, "warga": 1, "ñame": 1, 'ka"ta\\': 1}
        seqs = dict(store.db.execute("SELECT id, seq FROM articles"))
        assert sorted(store.db.execute("SELECT term, article_id, seq, n FROM article_terms")) == sorted(
            (t, a, seqs[a], n) for a, counts in want.items() for t, n in counts.items())
        assert [a for (a,) in store.db.execute("SELECT article_id FROM article_term_counts ORDER BY rowid")] == [
            a1, a2, a3]
        assert store.article_terms([a1, a2, a3, "missing"]) == want
        assert store.term_stats(["banjir", "lain"]) == (3, {"banjir": 3})


def test_article_dates_are_the_articles_id_source_date_and_timexes(tmp_path):
    """`article_dates` (what dating reads of a neighbour) gives each article's id, source, date and
    timexes as `get_articles` does, in the order asked for, leaving out ids the store does not hold."""
    with SQLiteStore(tmp_path / "a.db") as store:
        articles = [_article(i) for i in (1, 2, 3)]
        articles[1].published = None
        articles[2].timexes.append(Timex(4, 10, "berita", "DATE", "XXXX-05-02", anchor="corpus"))
        store.put_articles(articles)
        ids = [articles[2].id, "missing", articles[0].id, articles[1].id]
        full = store.get_articles(ids)
        got = store.article_dates(ids)
        assert [(a.id, a.source, a.published, a.timexes) for a in got] == [
            (a.id, a.source, a.published, a.timexes) for a in full]
        assert len(got) == 3 and got[0].timexes[1].value == "XXXX-05-02"


def test_many_words_postings_read_at_once_are_each_words_postings_read_alone(tmp_path):
    """`term_postings_by_term` joins the words' queries into one statement per 100 words: each word
    must still get exactly what `term_postings([word])` gives it (its own limit, the dated filter)."""
    with SQLiteStore(tmp_path / "a.db") as store:
        articles = [_article(i) for i in range(1, 13)]
        for a in articles[::3]:
            a.published = None  # undated
        for a in articles[1::4]:
            a.published = Published("2024-05", "month", "metadata", "Mei 2024")  # not to the day
        store.put_articles(articles)
        # 250 words (more than one statement's worth), each held by a different run of articles
        store.put_articles_terms({a.id: {f"kata{k}": 1 + k % 3 for k in range(250) if (k + i) % 4 != 0}
                                  for i, a in enumerate(articles)})
        words = [f"kata{k}" for k in range(250)] + ["", "tidakada"]
        for which in ("any", "dated", "undated"):
            got = store.term_postings_by_term(words, 2, which)
            assert got == {w: store.term_postings([w], 2, which) for w in words}
            assert any(got.values())
