"""Checks made before linimasa opens, creates or writes an SQLite file, so a wrong `--db` fails clearly.

`sqlite3.connect` happily creates a file at a mistyped path, turns an empty or unrelated file into a
database, and reports a read-only folder or a full disk as a bare `OperationalError` deep inside a
write. Every check here runs before anything is written and raises `StoreError` with one line that
names the file and the problem; nothing is created or changed when a check fails.

A linimasa database is recognised by `PRAGMA application_id` (`APPLICATION_ID`, set by the first
migration), or, for a database made before that id existed, by linimasa's `articles` table at a
schema version of at least 1. Any other SQLite database with tables in it belongs to someone else,
and linimasa refuses to add its tables to it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from linimasa.store.errors import StoreError

APPLICATION_ID = 0x4C4E4D53
"""`PRAGMA application_id` of a linimasa database: the bytes "LNMS" (see https://sqlite.org/fileformat.html)."""

SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite 3 database file."""

LEGACY_ARTICLE_COLUMNS = frozenset({"id", "source", "language", "title", "text", "doc"})
"""Columns of linimasa's `articles` table since schema 1: how a database without an application id is
recognised as one an older linimasa made."""


def sqlite_path(url: str) -> str | None:
    """The file an SQLite store URL or plain path names (as `SQLiteStore.from_url` reads it), or None
    for another backend's URL, so the CLI can check the file before the store touches it."""
    if "://" in url and not url.startswith("sqlite://"):
        return None
    return url.removeprefix("sqlite:///").removeprefix("sqlite://") or ":memory:"


def _folder(p: Path) -> Path:
    return p.parent if str(p.parent) else Path(".")


def check_sqlite_target(path: str, schema_version: int, *, write: bool = True, create: bool = True) -> None:
    """Raise `StoreError` unless `path` is a linimasa database (or a place to create one) we may use.

    `write`: the caller will store articles, so an existing database must be writable (with `write`
    False, a read-only database can still be opened for reading, e.g. by `export`). `create`: a
    missing file may be created (an empty file counts as missing: it holds nothing to lose).
    `schema_version` is the newest schema the code knows; a newer database is refused before SQLite
    touches it, since an older linimasa cannot know what the newer schema means.
    """
    if path == ":memory:" or path.startswith("file:"):
        return  # nothing on disk to check, or a URI the caller chose with its own options
    p = Path(path)
    folder = _folder(p)
    if p.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if not p.exists():
        if not create:
            raise StoreError(f"no database at {path}")
        if not folder.is_dir():
            raise StoreError(f"cannot create the database {path}: the folder {folder} does not exist")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"cannot create the database {path}: the folder {folder} is read-only")
        return
    if not p.is_file():
        raise StoreError(f"{path} is not a regular file, not a database")
    try:
        with p.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as e:
        raise StoreError(f"cannot read {path}: {e.strerror or e}") from None
    if not header:
        if not create:
            raise StoreError(f"{path} is empty, not a linimasa database")
        _check_writable(p, folder)  # SQLite will turn the empty file into a database
        return
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not an SQLite database; linimasa leaves it untouched")
    _check_owner(p, path, schema_version, create)
    if write:
        _check_writable(p, folder)


def _check_writable(p: Path, folder: Path) -> None:
    if not os.access(p, os.W_OK):
        raise StoreError(f"{p} is read-only; linimasa cannot store articles in it")
    if not os.access(folder, os.W_OK | os.X_OK):
        # WAL mode keeps its -wal and -shm files beside the database: the folder must be writable too.
        raise StoreError(f"cannot write {p}: its folder {folder} is read-only (SQLite keeps its journal there)")


def _check_owner(p: Path, path: str, schema_version: int, create: bool) -> None:
    """Read (never write) the database's identity and schema version through a read-only connection:
    reading the header bytes alone would miss what a write-ahead log not yet checkpointed holds."""
    try:
        db = sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True, timeout=600)
        try:
            (app_id,) = db.execute("PRAGMA application_id").fetchone()
            (version,) = db.execute("PRAGMA user_version").fetchone()
            tables = sorted(
                name
                for (name,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            )
            columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")} if "articles" in tables else set()
        finally:
            db.close()
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path} is not a readable SQLite database ({e})") from None
    if app_id != APPLICATION_ID:
        if app_id != 0:
            raise StoreError(
                f"{path} is another application's SQLite database (application_id {app_id:#x});"
                " linimasa does not add its tables to it"
            )
        legacy = version >= 1 and columns >= LEGACY_ARTICLE_COLUMNS
        if tables and not legacy:
            shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(
                f"{path} is an SQLite database but not linimasa's (it has tables {shown});"
                " linimasa does not add its tables to it"
            )
        if not legacy and not create:
            raise StoreError(f"{path} is an empty SQLite database, not a linimasa one")
    if version > schema_version:
        raise StoreError(
            f"{path} has schema version {version}, newer than this linimasa supports ({schema_version});"
            " use a newer linimasa"
        )


def describe_sqlite_error(path: str, error: sqlite3.Error) -> str | None:
    """One line for an SQLite error that comes from the file or the machine, not from a bug in linimasa
    (None for the others, which should keep their traceback)."""
    if type(error) not in (sqlite3.OperationalError, sqlite3.DatabaseError):
        return None  # IntegrityError, ProgrammingError...: a bug, not the user's file
    msg = str(error)
    low = msg.lower()
    if "database or disk is full" in low:
        return f"cannot write {path}: the disk is full (or the database reached its size limit)"
    if "disk i/o error" in low:
        return f"cannot write {path}: disk I/O error"
    if "readonly database" in low or "read-only" in low:
        return f"{path} is read-only; linimasa cannot store articles in it"
    if "file is not a database" in low:
        return f"{path} is not an SQLite database; linimasa leaves it untouched"
    if "unable to open database file" in low:
        return f"cannot open the database {path}: unable to open the file or its journal"
    if "database is locked" in low:
        return f"{path} is locked by another program; try again when it is done"
    return f"database {path}: {msg}"


@contextmanager
def sqlite_errors(path: str) -> Iterator[None]:
    """Turn the SQLite errors that a full disk, a failing disk or a read-only file raise mid-write
    into `StoreError`, so they end as one line instead of a traceback."""
    try:
        yield
    except sqlite3.Error as e:
        # The first failure is the one to report: when SQLite rolls back by itself (a full disk does),
        # the store's own ROLLBACK then fails with "no transaction is active", hiding the cause in
        # the exception's context.
        chain: list[BaseException] = []
        cause: BaseException | None = e
        while cause is not None and cause not in chain:
            chain.append(cause)
            cause = cause.__context__
        for err in reversed(chain):
            message = describe_sqlite_error(path, err) if isinstance(err, sqlite3.Error) else None
            if message is not None:
                raise StoreError(message) from e
        raise


__all__ = [
    "APPLICATION_ID",
    "SQLITE_HEADER",
    "check_sqlite_target",
    "describe_sqlite_error",
    "sqlite_errors",
    "sqlite_path",
]
