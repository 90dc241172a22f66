from __future__ import annotations

import pytest

import linimasa
from linimasa.model import Article
from linimasa.pipeline import Pipeline, PipelineError, article_stage, registered


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


# -- declared contracts: a pipeline that cannot work is refused when it is built ---------------


def test_unknown_option_is_refused_with_the_stage_options():
    with pytest.raises(PipelineError, match=r"'clean' has no option 'min_body_char'.*min_body_chars"):
        Pipeline(config={"article": {"clean": {"min_body_char": 20}}})


def test_mistyped_stage_in_config_is_refused():
    with pytest.raises(PipelineError, match="unknown article stage 'clen'"):
        Pipeline(config={"article": {"clen": {}}})
    with pytest.raises(PipelineError, match="unknown config section 'articles'"):
        Pipeline(config={"articles": {"clean": {}}})


def test_requirement_no_earlier_stage_assigns_is_refused_and_says_who_assigns_it():
    with pytest.raises(PipelineError, match=r"'timex' requires article\.text.*assigned by article stage 'clean'"):
        Pipeline(article_stages=["timex"], corpus_stages=[])
    with pytest.raises(PipelineError, match=r"corpus stage 'entities' requires article\.mentions"):
        Pipeline(article_stages=["clean", "meta"], corpus_stages=["entities"])
    # what the caller's articles already carry counts as assigned
    Pipeline(article_stages=["timex"], corpus_stages=[], provided=["article.text", "article.lines", "article.language"])


def test_stage_order_matters_for_requirements():
    with pytest.raises(PipelineError, match=r"'meta' requires article\.lines"):
        Pipeline(article_stages=["meta", "clean"], corpus_stages=[])


def test_replacing_timex_drops_the_dating_that_reuses_its_rules():
    def no_dates(article: Article) -> Article:
        article.timexes, article.published = [], None
        return article

    p = Pipeline(replace={"timex": no_dates})
    assert "dating" not in p.names["corpus"]
    corpus = linimasa.process(["Gempa terjadi pada Minggu (15/6/2025) dini hari di Garut, kata BMKG."], pipeline=p)
    assert corpus.articles[0].timexes == [] and corpus.articles[0].published is None
    with pytest.raises(PipelineError, match="'dating' needs the built-in article stage 'timex'"):
        Pipeline(replace={"timex": no_dates}, corpus_stages=["dating", "entities"])


def test_describe_lists_every_stage_with_its_contract_and_options():
    rows = Pipeline(config={"article": {"clean": {"min_body_chars": 5}}}).describe()
    names = [(r["kind"], r["name"]) for r in rows]
    assert names.index(("article", "clean")) < names.index(("article", "timex"))
    clean = next(r for r in rows if r["name"] == "clean")
    assert clean["options"] == {"min_body_chars": 5}
    assert "article.text" in clean["assigns"]
    assert all(r["requires"] or r["name"] == "clean" for r in rows if r["kind"] == "article")


def test_events_are_merged_within_stories_so_the_stories_stage_comes_first():
    assert Pipeline().names["corpus"].index("stories") < Pipeline().names["corpus"].index("events")
    with pytest.raises(PipelineError, match=r"corpus stage 'events' requires article\.story.*'stories'"):
        Pipeline(corpus_stages=["dating", "duplicates", "entities", "events"])
