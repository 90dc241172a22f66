"""The REST API: `create_app(db)` is the FastAPI application `linimasa serve` runs (the web page of
`linimasa.web` is mounted beside it). Importing this package imports FastAPI; the CLI does so only
inside `serve`."""

from __future__ import annotations

from linimasa.api.app import DEFAULT_MAX_BODY, create_app, writable

__all__ = ["DEFAULT_MAX_BODY", "create_app", "writable"]
