"""The read side: articles by date, outlet, language, entity and text, paged by cursor; per-article
results as tables SQL can query."""

from __future__ import annotations

import sqlite3

import linimasa
from linimasa.pipeline import Pipeline
from linimasa.store.base import Query
from linimasa.store.sqlite import SQLiteStore

NO_MODEL = Pipeline(config={"article": {"entities": {"model": False}}})
TEXTS = [
    f"Banjir melanda Garut pada Senin ({d}/6/2024). Warga mengungsi ke masjid, kata Bupati Garut." for d in (3, 10, 17)
] + ["Russian Foreign Minister Sergei Lavrov arrived in Jakarta on Friday, October 4, 2024, officials said."]


def test_filters_and_cursor_paging(tmp_path):
    db = tmp_path / "q.db"
    linimasa.process(TEXTS, pipeline=NO_MODEL, store=str(db))
    with SQLiteStore(db) as store:
        june = store.query_articles(Query(published_from="2024-06-01", published_to="2024-06"))
        days = sorted(a.published.value for a in june.items if a.published)
        assert days == ["2024-06-03", "2024-06-10", "2024-06-17"]
        assert [a.language for a in store.query_articles(Query(language="en")).items] == ["en"]
        pages, cursor = [], None
        while True:
            page = store.query_articles(Query(limit=3, cursor=cursor))
            pages.append([a.id for a in page.items])
            cursor = page.next_cursor
            if cursor is None:
                break
        assert [len(p) for p in pages] == [3, 1]
        assert len({i for p in pages for i in p}) == 4
        lavrov = next(e for e in store.load_corpus().entities if e.name == "Sergei Lavrov")
        by_entity = store.query_articles(Query(entity=lavrov.id)).items
        assert [a.language for a in by_entity] == ["en"]
        assert len(store.query_articles(Query(text="MENGUNGSI")).items) == 3
        assert store.query_articles(Query(outlet="nowhere.example")).items == []


def test_per_article_results_are_tables(tmp_path):
    db = tmp_path / "t.db"
    linimasa.process(TEXTS, pipeline=NO_MODEL, store=str(db))
    con = sqlite3.connect(db)
    (n,) = con.execute("SELECT count(*) FROM timexes WHERE value LIKE '2024-06-%'").fetchone()
    assert n >= 3
    rows = con.execute(
        "SELECT e.name, count(*) FROM entity_mentions em JOIN entities e ON e.id = em.entity_id"
        " GROUP BY e.id HAVING e.name = 'Garut'"
    ).fetchall()
    assert rows and rows[0][1] >= 3
    labels = {lab for (lab,) in con.execute("SELECT DISTINCT label FROM lines")}
    assert "body" in labels
