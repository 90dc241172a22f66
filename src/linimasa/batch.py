"""Running a batch: read inputs, run the article stages (in parallel), store, run the corpus stages.

This is where I/O meets the pure stages. Every input ends in exactly one of: a new article, an
article the store already had (same bytes), an article with errors, or a skipped input with a
warning; the summary counts each, and the CLI's exit status says whether anything failed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from linimasa.ingest import NotAnArticle, Source, ingest_bytes
from linimasa.model import Article, Corpus
from linimasa.pipeline import Pipeline, default_pipeline
from linimasa.store.base import Store

log = logging.getLogger(__name__)

PARALLEL_MIN_ARTICLES = 16
"""Below this many new articles, starting worker processes costs more than it saves."""


@dataclass
class BatchReport:
    """What happened to each input of a batch."""

    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    with_errors: list[tuple[str, list[str]]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.with_errors) + len(self.skipped)


_worker_pipeline: Pipeline | None = None


def _init_worker(config: dict[str, Any], article_stages: list[str] | None) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(article_stages=article_stages, corpus_stages=[], config=config)


def _work(article: Article) -> Article:
    assert _worker_pipeline is not None
    return _worker_pipeline.process_article(article)


def _read(sources: Iterable[Source], report: BatchReport, warn: Callable[[str], None]) -> list[Article]:
    articles: list[Article] = []
    seen: set[str] = set()
    for src in sources:
        try:
            data = src.read()
            art = ingest_bytes(data, src.name)
        except NotAnArticle as e:
            report.skipped.append((src.name, str(e)))
            warn(str(e))
            continue
        except (OSError, ValueError) as e:
            msg = f"{src.name}: cannot read: {getattr(e, 'strerror', None) or e}"
            report.skipped.append((src.name, msg))
            warn(msg)
            continue
        if art.id in seen:
            report.unchanged.append(src.name)
            continue
        seen.add(art.id)
        articles.append(art)
    return articles


def run_batch(
    sources: Iterable[Source],
    store: Store | None = None,
    pipeline: Pipeline | None = None,
    workers: int | None = None,
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
) -> tuple[Corpus, BatchReport]:
    """Process `sources` into `store` (or into memory when no store) and return the whole corpus."""
    pipeline = pipeline or default_pipeline()
    warn = warn or (lambda m: log.warning("%s", m))
    report = BatchReport()
    todo = []
    for art in _read(sources, report, warn):
        if store is not None and store.has_article(art.id):
            report.unchanged.append(art.source)
        else:
            todo.append(art)

    done = _process_articles(todo, pipeline, workers, progress)
    for art in done:
        if store is not None:
            store.put_article(art)
        report.new.append(art.source)
        if art.errors:
            report.with_errors.append((art.source, art.errors))

    if store is None:
        corpus = Corpus(articles=done)
    elif not done:
        return store.load_corpus(), report  # nothing new: the stored corpus results still hold
    else:
        corpus = store.load_corpus()
    corpus = pipeline.process_corpus(corpus, {a.id for a in done})
    if store is not None:
        store.save_corpus(corpus)
    return corpus, report


def _process_articles(
    articles: list[Article], pipeline: Pipeline, workers: int | None, progress: bool
) -> list[Article]:
    from tqdm import tqdm

    bar = tqdm(total=len(articles), desc="articles", unit="art", disable=not progress, file=sys.stderr)
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    parallel = n_workers > 1 and len(articles) >= PARALLEL_MIN_ARTICLES and not pipeline.replace
    out: list[Article] = []
    try:
        if parallel:
            ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
            with ctx.Pool(n_workers, _init_worker, (dict(pipeline.config), pipeline.names["article"])) as pool:
                for art in pool.imap(_work, articles, chunksize=8):
                    out.append(art)
                    bar.update()
        else:
            for art in articles:
                out.append(pipeline.process_article(art))
                bar.update()
    finally:
        bar.close()
    return out
