"""Corpus stages against a real store: batch after batch gives what one batch gives, at the cost of
the new articles only, and merged entity ids keep answering."""

from __future__ import annotations

import json
import sqlite3

import linimasa
from linimasa.model import Article, EntityRecord
from linimasa.pipeline import Pipeline
from linimasa.store import open_store
from linimasa.store.base import Query
from linimasa.store.sqlite import SCHEMA_VERSION, SQLiteStore

TEXTS = [
    "Presiden Joko Widodo meresmikan bendungan di Garut, Jawa Barat, Senin (3/6/2024). Widodo didampingi "
    "Gubernur Jawa Barat Ridwan Kamil.",
    "Di Garut, Widodo kembali meninjau bendungan itu bersama Ridwan Kamil, Selasa (4/6/2024).",
    "Menteri Luar Negeri Rusia Sergey Lavrov bertemu delegasi Taliban di Moskow, Jumat (4/10/2024).",
    "Russian Foreign Minister Sergei Lavrov met a Taliban delegation in Moscow on Friday, October 4, 2024.",
    "Lavrov mengatakan Moskow akan terus berdialog dengan Taliban, Sabtu (5/10/2024).",
    "Aktor Rudi Lavrov bermain di Surabaya, Minggu (6/10/2024), dalam pertunjukan teater.",
]
NO_MODEL = Pipeline(config={"article": {"entities": {"model": False}}})


def _partition(corpus: linimasa.Corpus) -> set[tuple[str, frozenset[tuple[str, int, int]]]]:
    return {(e.name, frozenset((m.article, m.start, m.end) for m in e.mentions)) for e in corpus.entities}


def test_one_article_per_batch_ends_like_one_batch(tmp_path):
    whole = linimasa.process(TEXTS, pipeline=NO_MODEL, store=str(tmp_path / "whole.db"))
    for text in TEXTS:
        linimasa.process([text], pipeline=NO_MODEL, store=str(tmp_path / "inc.db"))
    with linimasa.open(str(tmp_path / "inc.db")) as store:
        inc = store.load_corpus()
    assert _partition(inc) == _partition(whole)
    assert all(m.entity for a in inc.articles for m in a.mentions)
    lavrov = next(e for e in inc.entities if e.name == "Sergey Lavrov")
    assert {"Sergei Lavrov", "Lavrov"} <= set(lavrov.aliases)


def test_a_batch_reads_only_what_shares_a_key_with_it(tmp_path):
    db = str(tmp_path / "x.db")
    linimasa.process(TEXTS[:4], pipeline=NO_MODEL, store=db)
    asked: list[set[str]] = []
    with open_store(db) as store:
        real = store.entities_by_keys

        def spy(keys, articles_per_entity=50):  # type: ignore[no-untyped-def]
            asked.append(set(keys))
            return real(keys, articles_per_entity)

        store.entities_by_keys = spy  # type: ignore[method-assign]
        (n_before,) = store.db.execute("SELECT count(*) FROM entities").fetchone()
        linimasa.process([TEXTS[4]], pipeline=NO_MODEL, store=store)
        got = real(asked[0])
    assert len(asked) == 1
    assert {r.name for r in got} <= {"Sergey Lavrov", "Moskow", "Taliban", "Rusia"}
    assert len(got) < n_before


def test_merging_two_stored_entities_keeps_the_old_id_answering(tmp_path):
    with SQLiteStore(tmp_path / "r.db") as store:
        store.put_articles([Article(id="a1", source="a1", text="Widodo"), Article(id="a2", source="a2", text="Jokowi")])
        recs = [
            EntityRecord("e-big", "k1", "Joko Widodo", "PER", forms={"Joko Widodo": 3}, keys=["k1"], n_mentions=3),
            EntityRecord("e-small", "k2", "Widodo", "PER", forms={"Widodo": 1}, keys=["k2"], n_mentions=1),
        ]
        store.save_entities(recs)
        store.link_mentions([("e-big", "a2", 0, 6, "Jokowi"), ("e-small", "a1", 0, 6, "Widodo")])
        store.redirect_entities({"e-small": "e-big"})
        merged = store.entity("e-small")
        assert merged is not None and merged.id == "e-big"
        assert {m.article for m in merged.mentions} == {"a1", "a2"}
        assert {r.id for r in store.entities_by_keys(["k2"])} == {"e-big"}
        assert store.query_articles(Query(entity="e-small")).items[0].id in {"a1", "a2"}


def test_queue_holds_articles_until_the_corpus_stages_ran(tmp_path):
    db = str(tmp_path / "q.db")
    only_articles = Pipeline(corpus_stages=[], config={"article": {"entities": {"model": False}}})
    linimasa.process(TEXTS[:2], pipeline=only_articles, store=db)
    with SQLiteStore(db) as store:
        assert len(store.pending_ids(10)) == 2
        assert store.db.execute("SELECT count(*) FROM entity_mentions").fetchone() == (0,)
    linimasa.process([], pipeline=NO_MODEL, store=db)  # nothing new: the queued work is finished
    with SQLiteStore(db) as store:
        assert store.pending_ids(10) == []
        (linked,) = store.db.execute("SELECT count(*) FROM entity_mentions").fetchone()
        (mentions,) = store.db.execute("SELECT count(*) FROM mentions").fetchone()
        assert linked == mentions > 0


def test_a_version_1_database_is_migrated_and_relinked(tmp_path):
    path = tmp_path / "v1.db"
    db = sqlite3.connect(path)
    from linimasa.store.sqlite import MIGRATIONS

    db.executescript(MIGRATIONS[0][1])  # type: ignore[arg-type]
    art = linimasa.process([TEXTS[2]], pipeline=NO_MODEL).articles[0]
    from linimasa.model import to_dict

    db.execute(
        "INSERT INTO articles (id, source, text, doc) VALUES (?, ?, ?, ?)",
        (art.id, art.source, art.text, json.dumps(to_dict(art))),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    corpus = linimasa.process([], pipeline=NO_MODEL, store=str(path))
    with SQLiteStore(path) as store:
        (v,) = store.db.execute("PRAGMA user_version").fetchone()
    assert v == SCHEMA_VERSION
    (got,) = corpus.articles
    assert got.text == art.text and got.timexes == art.timexes
    assert all(m.entity for m in got.mentions)
    assert any(e.name == "Sergey Lavrov" for e in corpus.entities)


def test_a_version_4_database_is_migrated_to_the_same_answers(tmp_path):
    path = tmp_path / "v4.db"
    linimasa.process(TEXTS, pipeline=NO_MODEL, store=str(path))
    with SQLiteStore(path) as store:
        ids = [i for (i,) in store.db.execute("SELECT id FROM articles")]
        keys = [k for (k,) in store.db.execute("SELECT key FROM entity_keys")]
        before = store.article_terms(ids)
        people = {r.id: r.articles for r in store.entities_by_keys(keys, 2)}
        store.db.executescript(  # back to version 4: no term counts, mentions without their article's seq
            "DROP TRIGGER entity_articles_insert; DROP TRIGGER entity_articles_delete;"
            " DROP TRIGGER entity_articles_update; DROP TABLE entity_articles;"
            " DROP TABLE article_term_counts; DROP INDEX entity_mentions_entity; DROP INDEX entity_redirects_new;"
            " ALTER TABLE entity_mentions DROP COLUMN seq;"
            " CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, article_id);"
            " PRAGMA user_version = 4;"
        )
    assert len(before) == len(TEXTS) and all(before.values())
    assert any(len(a) == 2 for a in people.values())
    with SQLiteStore(path) as store:
        after = store.article_terms(ids)
        assert {r.id: r.articles for r in store.entities_by_keys(keys, 2)} == people
        for eid, articles in people.items():  # what they were defined as: the articles of the newest mentions
            assert not articles or articles == [a for (a,) in store.db.execute(
                "SELECT article_id FROM entity_mentions m JOIN articles a ON a.id = m.article_id"
                " WHERE m.entity_id = ? GROUP BY article_id ORDER BY max(a.seq) DESC LIMIT 2", (eid,),
            )]
        (v,) = store.db.execute("PRAGMA user_version").fetchone()
        rows: dict[str, dict[str, int]] = {}
        for aid, term, n in store.db.execute("SELECT article_id, term, n FROM article_terms ORDER BY article_id, term"):
            rows.setdefault(aid, {})[term] = n
    assert v == SCHEMA_VERSION
    assert [list(d.items()) for d in after.values()] == [list(d.items()) for d in before.values()]
    assert [list(d.items()) for d in rows.values()] == [list(after[i].items()) for i in rows]
