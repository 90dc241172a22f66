from __future__ import annotations

import pytest

import linimasa
from linimasa.model import Article
from linimasa.pipeline import Pipeline, article_stage, registered


def test_a_stage_can_be_swapped_for_any_callable():
    def shout(article: Article) -> Article:
        article.title = "DIGANTI"
        return article

    p = Pipeline(article_stages=["mark"], corpus_stages=[], replace={"mark": shout})
    corpus = linimasa.process(["Satu.\nDua."], pipeline=p)
    assert corpus.articles[0].title == "DIGANTI"
    assert p.names == {"article": ["mark"], "corpus": []}


def test_a_failing_stage_becomes_an_article_error_and_later_stages_still_run():
    def broken(article: Article) -> Article:
        raise RuntimeError("kaboom")

    def after(article: Article) -> Article:
        article.language = "id"
        return article

    p = Pipeline(article_stages=["broken", "after"], corpus_stages=[], replace={"broken": broken, "after": after})
    (art,) = linimasa.process(["Teks."], pipeline=p).articles
    assert art.errors == ["broken: RuntimeError: kaboom"]
    assert art.language == "id"


def test_registered_stages_can_be_configured_by_name():
    seen = {}

    @article_stage("test-configurable")
    def make(greeting: str = "halo"):
        def stage(article: Article) -> Article:
            seen["greeting"] = greeting
            return article

        return stage

    p = Pipeline(article_stages=["test-configurable"], corpus_stages=[],
                 config={"article": {"test-configurable": {"greeting": "selamat pagi"}}})
    linimasa.process(["Teks."], pipeline=p)
    assert seen == {"greeting": "selamat pagi"}
    assert "test-configurable" in registered()["article"]


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown article stage 'nope'"):
        Pipeline(article_stages=["nope"])


def test_process_reads_paths_and_texts_and_can_store(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Berita dari berkas.")
    corpus = linimasa.process([f, "Berita dari teks.\nBaris kedua."], store=str(tmp_path / "x.db"))
    assert sorted(a.source for a in corpus.articles) == sorted([str(f), "<text 1>"])
    with linimasa.open(str(tmp_path / "x.db")) as store:
        assert len(store.load_corpus().articles) == 2
