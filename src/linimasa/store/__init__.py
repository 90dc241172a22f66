"""Storage: one interface, several backends.

`open_store("linimasa.db")` or `open_store("sqlite:///path.db")` gives the SQLite store; other
backends (PostgreSQL) register a factory for their URL scheme with `register_backend`, or through
the `linimasa.stores` entry-point group, so that the CLI and the API never grow a flag per backend.
"""

from __future__ import annotations

from collections.abc import Callable

from linimasa.store.base import Page, Query, Store
from linimasa.store.errors import StoreError
from linimasa.store.search import SearchError, SearchHit, SearchPage, SearchQuery
from linimasa.store.sqlite import SQLiteStore

_BACKENDS: dict[str, Callable[..., Store]] = {"sqlite": SQLiteStore.from_url}


def register_backend(scheme: str, factory: Callable[..., Store]) -> None:
    """Make `open_store("<scheme>://...")` use `factory(url)` (and `factory(url, read_only=True)` for
    a read-only store)."""
    _BACKENDS[scheme] = factory


def open_store(url: str, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store a URL or a plain file path names; with
    `read_only`, open an existing store without creating, migrating or writing anything."""
    scheme = url.split("://", 1)[0] if "://" in url else "sqlite"
    if scheme not in _BACKENDS:
        from importlib.metadata import entry_points  # only for a backend not registered: slow to import

        for ep in entry_points(group="linimasa.stores"):
            if ep.name == scheme:
                _BACKENDS[scheme] = ep.load()
    try:
        factory = _BACKENDS[scheme]
    except KeyError:
        raise ValueError(f"no storage backend for {scheme!r}; known: {sorted(_BACKENDS)}") from None
    return factory(url, read_only=True) if read_only else factory(url)


__all__ = [
    "Page",
    "Query",
    "SQLiteStore",
    "SearchError",
    "SearchHit",
    "SearchPage",
    "SearchQuery",
    "Store",
    "StoreError",
    "open_store",
    "register_backend",
]
