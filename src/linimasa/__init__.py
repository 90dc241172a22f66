"""linimasa: Indonesian-first news intelligence.

    import linimasa
    corpus = linimasa.process(["articles/"])          # paths, folders, or raw texts
    for a in corpus.articles:
        print(a.title, a.published)
    with linimasa.open("linimasa.db") as store:       # a stored corpus
        corpus = store.load_corpus()

The CLI (`linimasa run`, `linimasa export`) is a thin layer over these functions.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from linimasa.batch import BatchReport, run_batch
from linimasa.ingest import Source, iter_sources
from linimasa.model import Article, Corpus
from linimasa.pipeline import Pipeline, default_pipeline
from linimasa.store import Store, open_store

__version__ = "0.1.0"

SAMPLE_DIR = Path(__file__).parent / "sample"
"""The bundled sample: five scraped articles about Russia and the Taliban (2021, 2024)."""


def _sources(inputs: Iterable[str | bytes | os.PathLike[str]]) -> list[Source]:
    out: list[Source] = []
    for i, item in enumerate(inputs):
        if isinstance(item, bytes):
            out.append(Source(name=f"<bytes {i}>", data=item))
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and "\n" not in item and Path(item).exists()):
            out.extend(iter_sources([item]))
        else:
            out.append(Source(name=f"<text {i}>", data=item.encode("utf-8")))
    return out


def process(
    inputs: Iterable[str | bytes | os.PathLike[str]] | str,
    pipeline: Pipeline | None = None,
    store: Store | str | None = None,
    workers: int | None = 1,
) -> Corpus:
    """Run the pipeline on paths (files or folders), raw texts or bytes, and return the corpus.

    A `str` that names an existing file or folder is read from disk; any other `str` is article text.
    With `store` (a Store or a database path) the articles are kept, the corpus stages relate them to
    what it already holds, and the whole stored corpus is returned; without, they go through a
    scratch in-memory store and only they come back.
    """
    if isinstance(inputs, str | bytes | os.PathLike):
        inputs = [inputs]
    owned = not isinstance(store, Store)
    st = store if isinstance(store, Store) else open_store(store or ":memory:")
    try:
        run_batch(_sources(inputs), store=st, pipeline=pipeline, workers=workers)
        return st.load_corpus()
    finally:
        if owned:
            st.close()


def open(db: str = "linimasa.db") -> Store:
    """Open a stored corpus (SQLite path or backend URL); use as a context manager."""
    return open_store(db)


__all__ = [
    "SAMPLE_DIR",
    "Article",
    "BatchReport",
    "Corpus",
    "Pipeline",
    "Store",
    "__version__",
    "default_pipeline",
    "open",
    "process",
    "run_batch",
]
