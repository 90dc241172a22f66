"""An article's stages run with full garbage collections postponed (`article_collections`), and the
process gets its own collector thresholds back afterwards: when a stage raises, when the time budget
stops the article, and when a batch changes the young threshold meanwhile."""

from __future__ import annotations

import gc
import time

import pytest

from linimasa import batch
from linimasa.ingest import ingest_text
from linimasa.model import Article
from linimasa.pipeline import ARTICLE_OLDEST_THRESHOLD, Pipeline, TimeBudget, article_collections


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _pipeline(first) -> tuple[Pipeline, list[tuple[int, int, int]]]:
    seen: list[tuple[int, int, int]] = []

    def look(article: Article) -> Article:
        seen.append(gc.get_threshold())
        return first(article)

    return Pipeline(article_stages=["look"], corpus_stages=[], replace={"look": look}), seen


def test_full_collections_wait_while_the_stages_run_and_the_threshold_comes_back(thresholds):
    p, seen = _pipeline(lambda a: a)
    p.process_article(ingest_text("Teks biasa."))
    assert seen == [(700, 10, ARTICLE_OLDEST_THRESHOLD)]
    assert gc.get_threshold() == (700, 10, 10)


def test_the_threshold_comes_back_when_a_stage_raises(thresholds):
    def broken(article: Article) -> Article:
        raise RuntimeError("rusak")

    p, seen = _pipeline(broken)
    art = p.process_article(ingest_text("Teks biasa."))
    assert art.errors == ["look: RuntimeError: rusak"] and seen
    assert gc.get_threshold() == (700, 10, 10)


def test_the_threshold_comes_back_when_the_budget_stops_the_article(thresholds):
    def spin(article: Article) -> Article:
        end = time.process_time() + 30
        while time.process_time() < end:
            pass
        return article

    p, seen = _pipeline(spin)
    art = p.process_article(ingest_text("Teks biasa."), TimeBudget(seconds=0.05, per_kb=0))
    assert art.errors and art.errors[0].startswith("budget: stopped in stage look") and seen
    assert gc.get_threshold() == (700, 10, 10)


def test_a_base_exception_in_the_block_also_restores(thresholds):
    with pytest.raises(KeyboardInterrupt), article_collections():
        raise KeyboardInterrupt
    assert gc.get_threshold() == (700, 10, 10)


def test_articles_and_batches_each_restore_only_their_own_threshold(thresholds):
    # interleaved as threads of the API may interleave them: the last to end leaves Python's values
    outer = article_collections()
    outer.__enter__()
    with batch._fewer_collections():
        inner = article_collections()
        inner.__enter__()
        outer.__exit__(None, None, None)
        assert gc.get_threshold() == (batch.GC_YOUNG_THRESHOLD, 10, ARTICLE_OLDEST_THRESHOLD)
        inner.__exit__(None, None, None)
        assert gc.get_threshold() == (batch.GC_YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)
    outer = article_collections()
    outer.__enter__()
    with batch._fewer_collections():
        pass
    assert gc.get_threshold() == (700, 10, ARTICLE_OLDEST_THRESHOLD)
    outer.__exit__(None, None, None)
    assert gc.get_threshold() == (700, 10, 10)
