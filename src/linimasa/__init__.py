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

import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linimasa.batch import BatchReport, run_batch
    from linimasa.ingest import Source
    from linimasa.model import Article, Corpus
    from linimasa.pipeline import Pipeline, default_pipeline
    from linimasa.store import Store

__version__ = "0.1.0"

# The public names are imported on first use (PEP 562), not with the package: `linimasa --version`,
# `--help` and any module that only needs `linimasa.resources` then skip the pipeline, the stages
# and the store, whose imports cost more than the interpreter's start.
_LAZY: dict[str, str] = {
    "Article": "linimasa.model",
    "BatchReport": "linimasa.batch",
    "Corpus": "linimasa.model",
    "Pipeline": "linimasa.pipeline",
    "Store": "linimasa.store",
    "default_pipeline": "linimasa.pipeline",
    "run_batch": "linimasa.batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'linimasa' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value

SAMPLE_DIR = Path(__file__).parent / "sample"
"""The bundled sample: five scraped articles about Russia and the Taliban (2021, 2024)."""


def _sources(inputs: Iterable[str | bytes | os.PathLike[str]]) -> list[Source]:
    from linimasa.ingest import Source, iter_sources

    out: list[Source] = []
    for i, item in enumerate(inputs):
        if isinstance(item, bytes):
            out.append(Source(name=f"<bytes {i}>", data=item))
        elif isinstance(item, os.PathLike) or (
            isinstance(item, str) and "\n" not in item
            and (Path(item).exists() or (item.startswith(("http://", "https://")) and " " not in item))
        ):
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
    scratch in-memory store and only they come back. A database path that cannot take the articles
    (see `linimasa.store.sqlite_check`) raises `linimasa.store.StoreError` before any processing.
    """
    from linimasa.batch import run_batch
    from linimasa.store import open_store
    from linimasa.store.sqlite import SCHEMA_VERSION
    from linimasa.store.sqlite_check import check_sqlite_target, sqlite_errors, sqlite_path

    if isinstance(inputs, str | bytes | os.PathLike):
        inputs = [inputs]
    from linimasa.store import Store

    owned = not isinstance(store, Store)
    if isinstance(store, str) and (path := sqlite_path(store)) is not None:
        check_sqlite_target(path, SCHEMA_VERSION, write=True)
    st = store if isinstance(store, Store) else open_store(store or ":memory:")
    try:
        with sqlite_errors(store if isinstance(store, str) else "the store"):
            run_batch(_sources(inputs), store=st, pipeline=pipeline, workers=workers)
            return st.load_corpus()
    finally:
        if owned:
            st.close()


def open(db: str = "linimasa.db") -> Store:
    """Open a stored corpus (SQLite path or backend URL); use as a context manager."""
    from linimasa.store import open_store

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
