"""The one exception a store raises for a database it cannot or must not use.

A wrong `--db` (not SQLite, someone else's database, a newer schema, a read-only place, a full disk)
is a user's mistake or the machine's state, not a bug: the CLI turns a `StoreError` into one line on
stderr and exit status 2 instead of a traceback. It subclasses `RuntimeError` so that callers which
caught the store's older `RuntimeError` (newer schema) keep working.
"""

from __future__ import annotations


class StoreError(RuntimeError):
    """A database that cannot be opened, created or written, with a message naming the problem."""


__all__ = ["StoreError"]
