"""Running a batch: read inputs lazily, run the article stages in chunks, commit each chunk, then let
the corpus stages relate the new articles to the store.

This is where I/O meets the pure stages. Memory holds one chunk at a time, whatever the size of the
batch. Every chunk is committed as it completes and every stored article stays queued for the corpus
stages until they have run on it, so a `kill -9` at any point loses at most the chunk in flight: a
re-run skips what is stored (same bytes, same id), processes the rest and finishes the queued corpus
work. Every input ends in exactly one of: a new article, an article the store already had, an article
with errors, or a skipped input with a warning; the summary counts each, and the CLI's exit status
says whether anything failed.
"""

from __future__ import annotations

import itertools
import logging
import math
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from linimasa.ingest import NotAnArticle, Source, ingest_bytes
from linimasa.model import Article
from linimasa.pipeline import DEFAULT_TIME_BUDGET, CollectorThreshold, Pipeline, TimeBudget, default_pipeline
from linimasa.store.base import Store

log = logging.getLogger(__name__)

PARALLEL_MIN_ARTICLES = 16
"""Below this many new articles in a chunk, starting worker processes costs more than it saves."""
CHUNK_SIZE = 100
"""Articles processed and committed together: what a kill can lose, and what memory holds."""
KILL_HOOK = "LINIMASA_TEST_KILL_AT"
"""Tests set it to "article:N" (after the N-th article is processed, before its chunk is committed)
or "corpus:N" (inside the N-th corpus transaction, after the stages ran, before it commits): the
process then kills itself with SIGKILL, which no handler can soften."""
GC_YOUNG_THRESHOLD = 100_000
"""While a batch runs, the cyclic garbage collector looks at the youngest objects after this many new
ones instead of Python's 700 (`gc.set_threshold`). A batch makes millions of short-lived objects
(tokens, features, mentions, rows) beside the millions the models and word lists keep alive; at 700 it
collected about 900 times in 500 articles, 5% of the run's CPU, nearly all of it on objects that
were about to be freed anyway. At 10,000 it still spent about 0.26 CPU-s of the 500-article run in 81
young and 7 middle collections (the middle ones walk the batch's growing caches again); at 100,000,
about 0.14 s in 31 young ones and 3 middle ones, with the same peak memory (360 MB). Reference counting
frees everything without a cycle as before; only cycles wait a little longer. Outputs do not depend
on it."""

_BATCH_YOUNG = CollectorThreshold(0, lambda now: GC_YOUNG_THRESHOLD if 0 < now < GC_YOUNG_THRESHOLD else now)


def _fewer_collections() -> AbstractContextManager[None]:
    """`GC_YOUNG_THRESHOLD` for the batch (and for the worker processes it forks); the threshold the
    process had is back when the last batch running in it ends (the API may run several in threads)."""
    return _BATCH_YOUNG.held()


@dataclass
class BatchReport:
    """What happened to each input of a batch."""

    new: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    with_errors: list[tuple[str, list[str]]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    corpus_done: int = 0
    corpus_cpu_s: dict[str, float] = field(default_factory=dict)
    """CPU seconds of this process in the corpus stages, by stage, and under "total" the whole of
    their transactions (reading the queue and the articles, every stage, the commit)."""

    @property
    def failed(self) -> int:
        return len(self.with_errors) + len(self.skipped)


def _kill_point(kind: str, n: int) -> None:
    spec = os.environ.get(KILL_HOOK, "")
    if spec and spec == f"{kind}:{n}":
        os.kill(os.getpid(), signal.SIGKILL)


MAX_DEFAULT_WORKERS = 4
PARALLEL_MIN_BATCH = 100
"""A batch of fewer input articles than this runs in one process when the caller names no worker
count: measured with `bench/workers.py` (bench/results/workers.json), below it two workers finished
later than one in every run. The count is known by reading that many inputs ahead (their bytes only)."""


def default_workers(batch_size: int | None = None) -> int:
    """Worker processes when the caller names none: one per CPU this process may run on (its CPU
    affinity, which a container or `taskset` narrows, not the machine's count) that other jobs leave
    at least partly free, at most `MAX_DEFAULT_WORKERS`; and one for a batch of fewer than
    `PARALLEL_MIN_BATCH` articles (`batch_size`, None when not known).

    Why these lines (`bench/workers.py`, 2-CPU machine): with the machine otherwise idle (one-minute
    load about 1, most of it the benchmark's own previous runs) two workers finished 100, 300 and 1,000
    articles in 0.82-0.87 of one worker's time, and 20 articles in 1.05 (a worker's start and the
    pickling of its articles do not pay back); with the machine loaded by other jobs (load 5 to 9) two
    workers were slower than one at every size. So a CPU counts as free unless a whole CPU's worth of
    load sits on it: `ceil(cpus + 1 - load)`, which keeps a user's own last run (load about 1) from
    halving the next one, and gives one worker once the load reaches the CPU count."""
    if batch_size is not None and batch_size < PARALLEL_MIN_BATCH:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # macOS and Windows have no affinity call
        cpus = os.cpu_count() or 1
    try:
        free = math.ceil(cpus + 1 - os.getloadavg()[0])
    except (AttributeError, OSError):  # Windows has no load average
        free = cpus
    return max(1, min(cpus, free, MAX_DEFAULT_WORKERS))


def _sized(articles: Iterator[Article], workers: int | None) -> tuple[Iterator[Article], int]:
    """The articles again, and the worker count to use: the caller's, else `default_workers` of the
    batch's size, read ahead up to `PARALLEL_MIN_BATCH` articles (a batch at least that large counts
    as large; the rest is read as the chunks go)."""
    if workers is not None:
        return articles, workers
    ahead = list(itertools.islice(articles, PARALLEL_MIN_BATCH))
    known = len(ahead) if len(ahead) < PARALLEL_MIN_BATCH else None
    return itertools.chain(ahead, articles), default_workers(known)


WARM_UP_TEXTS = (
    "Presiden Joko Widodo tiba di Jakarta pada Senin (3/6/2024) pagi untuk bertemu menteri.",
    "President Joko Widodo arrived in Jakarta on Monday, June 3, 2024, to meet ministers.",
)
"""What the parent runs through the article stages before forking workers (see `_Workers._warm_up`)."""

_worker_pipeline: Pipeline | None = None
_worker_budget: TimeBudget | None = None


def _init_worker(config: dict[str, Any], article_stages: list[str] | None, budget: TimeBudget | None = None) -> None:
    global _worker_pipeline, _worker_budget
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    _worker_pipeline = Pipeline(article_stages=article_stages, corpus_stages=[], config=config)
    _worker_budget = budget
    if budget is not None and sys.platform == "darwin":  # spawned, not forked: nothing is loaded yet
        for text in WARM_UP_TEXTS:
            _worker_pipeline.process_article(ingest_bytes(text.encode("utf-8"), "<warm-up>"))


def _work(article: Article) -> Article:
    assert _worker_pipeline is not None
    return _worker_pipeline.process_article(article, _worker_budget)


def _read(sources: Iterable[Source], report: BatchReport, warn: Callable[[str], None]) -> Iterator[Article]:
    for src in sources:
        try:
            for item in src.articles():
                if isinstance(item, Exception):  # one entry of a feed that could not be read
                    report.skipped.append((src.name, str(item)))
                    warn(str(item))
                else:
                    yield item
        except NotAnArticle as e:
            report.skipped.append((src.name, str(e)))
            warn(str(e))
            continue
        except (OSError, ValueError) as e:
            msg = f"{src.name}: cannot read: {getattr(e, 'strerror', None) or e}"
            report.skipped.append((src.name, msg))
            warn(msg)


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Workers:
    """A worker pool started on the first chunk that is worth it, reused for the rest of the batch."""

    def __init__(self, pipeline: Pipeline, workers: int | None, budget: TimeBudget | None = None) -> None:
        self.pipeline = pipeline
        self.budget = budget
        self.n = workers if workers is not None else default_workers()
        self.warmed = False
        self.pool: Any = None

    def map(self, articles: list[Article]) -> Iterator[Article]:
        if self.n > 1 and len(articles) >= PARALLEL_MIN_ARTICLES and not self.pipeline.replaced:
            if self.pool is None:
                import multiprocessing  # here, not at the top: a small run never starts a pool (~50 ms)

                method = "spawn" if sys.platform == "darwin" else "fork"
                if method == "fork":
                    self._warm_up()
                ctx = multiprocessing.get_context(method)
                init = (dict(self.pipeline.config), self.pipeline.names["article"], self.budget)
                self.pool = ctx.Pool(self.n, _init_worker, init)
            yield from self.pool.imap(_work, articles, chunksize=4)
        else:
            if self.budget is not None and not self.warmed and not self.pipeline.replaced:
                # the models load here, not inside the first article's time budget; the first text
                # only: the other languages' word lists load with their first article (~0.1 s, well
                # inside its budget), and not at all in a batch without one
                self._warm_up(WARM_UP_TEXTS[:1])
            for a in articles:
                yield self.pipeline.process_article(a, self.budget)

    def _warm_up(self, texts: tuple[str, ...] = WARM_UP_TEXTS) -> None:
        """Run small articles through the stages here, before forking: the models, gazetteers and
        word lists the stages load on first use are then loaded once and shared by every worker
        (copy-on-write) instead of once per worker."""
        for text in texts:
            self.pipeline.process_article(ingest_bytes(text.encode("utf-8"), "<warm-up>"))
        self.warmed = True

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()


class _NoBar:
    def update(self, n: int = 1) -> None: ...

    def close(self) -> None: ...


def _progress_bar(progress: bool) -> Any:
    """tqdm on a terminal; nothing (not even its import) otherwise."""
    if not progress:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(desc="articles", unit="art", file=sys.stderr)


def run_batch(
    sources: Iterable[Source],
    store: Store,
    pipeline: Pipeline | None = None,
    workers: int | None = None,
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
    chunk_size: int = CHUNK_SIZE,
    time_budget: TimeBudget | None = DEFAULT_TIME_BUDGET,
) -> BatchReport:
    """Process `sources` into `store`, a chunk at a time, then finish the store's queued corpus work.

    Every article gets `time_budget` (CPU time in the article stages; see `linimasa.pipeline.TimeBudget`):
    one that overruns it is stored with a "budget: ..." error entry and the batch goes on. `None`
    turns the budget off."""
    with _fewer_collections():
        return _run_batch(sources, store, pipeline, workers, progress, warn, chunk_size, time_budget)


def _run_batch(
    sources: Iterable[Source],
    store: Store,
    pipeline: Pipeline | None,
    workers: int | None,
    progress: bool,
    warn: Callable[[str], None] | None,
    chunk_size: int,
    time_budget: TimeBudget | None,
) -> BatchReport:
    pipeline = pipeline or default_pipeline()
    warn = warn or (lambda m: log.warning("%s", m))
    report = BatchReport()
    bar = _progress_bar(progress)
    articles, workers = _sized(_read(sources, report, warn), workers)
    pool = _Workers(pipeline, workers, time_budget)
    processed = 0
    try:
        for chunk in _chunks(articles, chunk_size):
            missing = store.missing(a.id for a in chunk)
            todo: dict[str, Article] = {}
            for a in chunk:
                if a.id in missing and a.id not in todo:
                    todo[a.id] = a
                else:
                    report.unchanged.append(a.source)
            done: list[Article] = []
            for art in pool.map(list(todo.values())):
                done.append(art)
                processed += 1
                bar.update()
                _kill_point("article", processed)
            stored = set(store.put_articles(done))
            for art in done:
                if art.id not in stored:
                    report.unchanged.append(art.source)  # another process stored the same bytes meanwhile
                    continue
                report.new.append(art.source)
                report.new_ids.append(art.id)
                if art.errors:
                    report.with_errors.append((art.source, art.errors))
    finally:
        pool.close()
        bar.close()
    report.corpus_done = finish_corpus_work(store, pipeline, chunk_size, report.corpus_cpu_s)
    if report.corpus_done:
        cpu = report.corpus_cpu_s
        log.info("corpus stages: %d articles, %.2f CPU-s (%s)", report.corpus_done, cpu["total"],
                 ", ".join(f"{k} {v:.2f}" for k, v in cpu.items() if k != "total"))
    return report


def finish_corpus_work(store: Store, pipeline: Pipeline, chunk_size: int = CHUNK_SIZE,
                       cpu_s: dict[str, float] | None = None) -> int:
    """Run the corpus stages over every queued article, a chunk per write transaction (the same
    size as the batch's chunks: what a kill can lose, and what memory holds). `cpu_s`, when given,
    adds up this process's CPU time by stage and, under "total", that of the whole transactions.

    The queue is read inside the transaction, so two processes never relate the same article twice
    and neither works from a snapshot the other has since changed; a kill rolls the chunk back and it
    stays queued for the next run."""
    if not pipeline.names["corpus"]:
        return 0
    total = 0
    n = 0
    timings: dict[str, float] = {} if cpu_s is None else cpu_s
    while True:
        started = time.process_time()
        with store.write():
            ids = store.pending_ids(chunk_size)
            if not ids:
                return total
            n += 1
            pipeline.run_corpus_stages(store.get_articles(ids), store, timings)
            store.mark_done(ids)
            _kill_point("corpus", n)
        timings["total"] = timings.get("total", 0.0) + time.process_time() - started
        total += len(ids)
