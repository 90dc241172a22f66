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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linimasa.batch import BatchReport, run_batch
    from linimasa.ingest import Source
    from linimasa.model import Article, Corpus
    from linimasa.pipeline import Pipeline, TimeBudget, default_pipeline
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

class _DefaultBudget:
    """Stands for `linimasa.pipeline.DEFAULT_TIME_BUDGET` in `process`'s signature, so that importing
    the package does not import the pipeline."""

    def __repr__(self) -> str:
        return "DEFAULT_TIME_BUDGET"


_DEFAULT_BUDGET: Any = _DefaultBudget()

SAMPLE_DIR = Path(__file__).parent / "sample"
"""The bundled sample: five scraped articles about Russia and the Taliban (2021, 2024)."""


_PATH_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".json", ".csv")


def looks_like_path(text: str) -> bool:
    """Whether a string that names nothing on disk was meant as a path rather than as article text:
    one line that ends with a path separator ("scraped/", "my folder/"), or, without white space,
    holds a separator ("scrapd/2024", "C:\\news") or ends with a file extension ("berita.txt").
    An article is never that."""
    if not text or len(text) > 4096 or "\n" in text or text != text.strip():
        return False
    if text.endswith(("/", "\\")):
        return True
    if any(c.isspace() for c in text):
        return False
    return "/" in text or "\\" in text or text.lower().endswith(_PATH_SUFFIXES)


def _existing_path(text: str) -> bool:
    """Whether `text` names an existing file or folder; False (never an error) for a string that no
    file system would take as a name: too long, a NUL inside, a lone surrogate."""
    if not text or "\n" in text or "\x00" in text or len(text) > 4096:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # ENAMETOOLONG, an unencodable name
        return False


def _sources(
    inputs: Iterable[str | bytes | os.PathLike[str]] = (),
    texts: Iterable[str | bytes] = (),
    paths: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Source]:
    """The sources of `process`: read lazily, one at a time (a folder is walked as it is reached)."""
    from linimasa.ingest import Source, iter_sources, text_bytes

    n = -1  # the position of the input, named in a text's source ("<text 0>")
    for item in inputs:
        n += 1
        if isinstance(item, bytes | bytearray | memoryview):
            yield Source(name=f"<bytes {n}>", data=bytes(item))
        elif isinstance(item, os.PathLike):
            yield from iter_sources([item])
        elif isinstance(item, str):
            if _existing_path(item) or looks_like_path(item):
                # a path that does not exist is still yielded: reading it fails, and the batch skips
                # it with a warning that names it, rather than storing "scrapd/" as an article
                yield from iter_sources([item])
            else:
                yield Source(name=f"<text {n}>", data=text_bytes(item))
        else:
            raise TypeError(f"linimasa.process: cannot read a {type(item).__name__} ({item!r:.60}); "
                            "inputs are paths (str or os.PathLike), texts (str) or bytes")
    for item in paths:
        n += 1
        if not isinstance(item, str | os.PathLike):
            raise TypeError(f"linimasa.process: paths= takes str or os.PathLike, not {type(item).__name__}")
        yield from iter_sources([item])
    for item in texts:
        n += 1
        if isinstance(item, str):
            yield Source(name=f"<text {n}>", data=text_bytes(item))
        elif isinstance(item, bytes | bytearray | memoryview):
            yield Source(name=f"<bytes {n}>", data=bytes(item))
        else:
            raise TypeError(f"linimasa.process: texts= takes str or bytes, not {type(item).__name__}")


def _as_list(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str | bytes | bytearray | memoryview | os.PathLike):
        return [value]
    if not isinstance(value, Iterable):
        raise TypeError(f"linimasa.process: {name} must be a str, bytes, path or an iterable of them, "
                        f"not {type(value).__name__}")
    return list(value)


def process(
    inputs: Iterable[str | bytes | os.PathLike[str]] | str | bytes | os.PathLike[str] | None = None,
    pipeline: Pipeline | None = None,
    store: Store | str | None = None,
    workers: int | None = 1,
    *,
    texts: Iterable[str | bytes] | str | bytes | None = None,
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    time_budget: TimeBudget | None = _DEFAULT_BUDGET,
) -> Corpus:
    """Run the pipeline on paths (files or folders), raw texts or bytes, and return the corpus.

    What each input is:
    - `bytes` are one article's raw bytes (decoded as files are);
    - an `os.PathLike` (`pathlib.Path`) is a file or a folder (every *.txt below it, recursively);
    - a `str` that names an existing file or folder is read from disk; a `str` that looks like a path
      but names nothing (one line ending in "/" or ".txt", or "a/b" without spaces) is a path that is
      missing: it is skipped with a warning, never stored as article text; any other `str` is the
      text of one article.
    `texts=` takes strings (or bytes) that are always article text, `paths=` strings or paths that are
    always paths: the explicit forms, for callers who want no guessing. All three may be combined.

    With `store` (a Store or a database path) the articles are kept, the corpus stages relate them to
    what it already holds, and the whole stored corpus is returned; without, they go through a
    scratch in-memory store and only they come back. Each article gets `time_budget`
    (`linimasa.pipeline.TimeBudget`; `None` for none): one that overruns it comes back with a
    "budget: ..." error. Inputs that cannot be read (missing, not text, over the size limit
    `linimasa.ingest.MAX_BYTES`) are skipped with a logged warning; damaged text gives an article with
    `errors`. Nothing in the inputs makes this raise: only a usage error does (an input of another
    type raises `TypeError`; a database path that cannot take the articles, see
    `linimasa.store.sqlite_check`, raises `linimasa.store.StoreError` before any processing).
    """
    from linimasa.batch import run_batch
    from linimasa.store import open_store
    from linimasa.store.sqlite import SCHEMA_VERSION
    from linimasa.store.sqlite_check import check_sqlite_target, sqlite_errors, sqlite_path

    items, text_items, path_items = _as_list(inputs, "inputs"), _as_list(texts, "texts"), _as_list(paths, "paths")
    sources = list(_sources(items, text_items, path_items))  # type errors are usage errors: before any work
    from linimasa.store import Store

    owned = not isinstance(store, Store)
    if isinstance(store, str) and (path := sqlite_path(store)) is not None:
        check_sqlite_target(path, SCHEMA_VERSION, write=True)
    st = store if isinstance(store, Store) else open_store(store or ":memory:")
    try:
        with sqlite_errors(store if isinstance(store, str) else "the store"):
            if isinstance(time_budget, _DefaultBudget):
                from linimasa.pipeline import DEFAULT_TIME_BUDGET

                time_budget = DEFAULT_TIME_BUDGET
            run_batch(sources, store=st, pipeline=pipeline, workers=workers, time_budget=time_budget)
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
    "looks_like_path",
    "open",
    "process",
    "run_batch",
]
