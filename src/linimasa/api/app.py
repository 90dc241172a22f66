"""The REST API (FastAPI) and, mounted beside it, the web page (`linimasa.web`).

Every list is paged by `limit` and an opaque `cursor` (the `next_cursor` of the page before; absent
on the last page). Bad parameters answer 400 with `{"error": "...", "status": 400}` naming the
parameter, unknown ids 404, writes to a read-only server 403, a body over the limit 413; a 500 means
a bug. Requests are served from a thread pool; each thread opens its own connection to the database.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

import linimasa
from linimasa.api import views
from linimasa.api.ingest import IngestError, sources_from_body
from linimasa.store import SearchError, SearchQuery, Store, StoreError, open_store
from linimasa.store.base import Query as ArticleQuery
from linimasa.store.search import check_date_prefix, offset_of
from linimasa.store.sqlite_check import sqlite_path

log = logging.getLogger("linimasa.api")

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CONFLICT_KINDS = ("date", "weekday_mismatch", "number", "other")
DEFAULT_MAX_BODY = 5 * 1024 * 1024
MAX_LIMIT = 200

Limit = Query(20, ge=1, le=MAX_LIMIT, description=f"items per page (1 to {MAX_LIMIT})")
Cursor = Query(None, max_length=200, description="the next_cursor of the previous page")
DateFrom = Query(None, alias="from", max_length=20, description="first date: 2021, 2021-10 or 2021-10-20")
DateTo = Query(None, alias="to", max_length=20, description="last date, inclusive at its precision")
Sources = Query(5, ge=0, le=1000, description="source sentences shown per event (n_sources counts them all)")


class Stores:
    """One store per serving thread (an SQLite connection belongs to the thread that opened it)."""

    def __init__(self, db: str, read_only: bool) -> None:
        self.db, self.read_only = db, read_only
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, read_only=self.read_only)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for s in self._opened:
                with contextlib.suppress(Exception):  # another thread's connection: the process exit closes it
                    s.close()
            self._opened.clear()


def writable(db: str) -> bool:
    """Whether the server may write: the database file and its folder (WAL journal files) are writable."""
    path = sqlite_path(db)
    if path is None:
        return True
    p = Path(path)
    return os.access(p, os.W_OK) and os.access(p.resolve().parent, os.W_OK | os.X_OK)


class JSON(JSONResponse):
    """JSON as the API sends it, encoded straight from plain dicts (no model validation on the way)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _error(status: int, message: str) -> JSONResponse:
    return JSON({"error": message, "status": status}, status_code=status)


def _bad(message: str) -> HTTPException:
    return HTTPException(400, message)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _offset(cursor: str | None) -> int:
    try:
        return offset_of(cursor)
    except SearchError as e:
        raise _bad(str(e)) from None


def _next(offset: int, limit: int, total: int) -> str | None:
    return str(offset + limit) if offset + limit < total else None


def _type(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value.upper() not in PLOVER_TYPES:
        raise _bad(f"type must be a PLOVER type ({', '.join(PLOVER_TYPES)}), not {value!r}")
    return value.upper()


def _dates(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    try:
        return check_date_prefix("from", date_from), check_date_prefix("to", date_to)
    except SearchError as e:
        raise _bad(str(e)) from None


def create_app(db: str, read_only: bool | None = None, max_body: int = DEFAULT_MAX_BODY,
               allow_private_urls: bool = False, web: bool = True) -> FastAPI:
    """The application serving `db`. `read_only` None: read-only when the file cannot be written.
    A writable database is opened once here, which upgrades an older schema (adding the search index)."""
    if sqlite_path(db) not in (None, ":memory:") and not Path(sqlite_path(db) or "").exists():
        raise StoreError(f"no database at {db} (run `linimasa run ... --db {db}` first)")
    if read_only is None:
        read_only = not writable(db)
    open_store(db, read_only=read_only).close()  # fail now, with one line, not on the first request
    stores = Stores(db, read_only)
    ingest_lock = threading.Lock()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="linimasa",
        version=linimasa.__version__,
        description="Articles, entities, PLOVER events, stories, timelines and conflicts of a linimasa database, "
        "as linimasa/1 JSON, with full-text search.",
        openapi_url="/api/openapi.json",
        default_response_class=JSON,
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.stores = stores
    app.state.read_only = read_only
    app.state.db = db

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if not is_api(request) and web:
            from linimasa.web import error_page

            return error_page(request, exc.status_code, str(exc.detail))
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        message = _validation_message(exc)
        if not is_api(request) and web:
            from linimasa.web import error_page

            return error_page(request, 400, message)
        return _error(400, message)

    @app.exception_handler(SearchError)
    async def search_error(request: Request, exc: SearchError) -> Any:
        if not is_api(request) and web:
            from linimasa.web import error_page

            return error_page(request, 400, str(exc))
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Any:
        log.exception("error serving %s", request.url.path)
        return _error(500, "internal error (a bug in linimasa: the server log has the details)")

    # -- the API ------------------------------------------------------------------------------------
    @app.get("/api", summary="what this server serves")
    def info() -> Response:
        return JSON({"name": "linimasa", "version": linimasa.__version__, "schema": "linimasa/1",
                "read_only": read_only, "counts": stores.get().counts()})

    @app.get("/api/articles", summary="articles, filtered, in storage order")
    def articles(
        date_from: str | None = DateFrom, date_to: str | None = DateTo,
        outlet: str | None = Query(None, max_length=200), language: str | None = Query(None, max_length=20),
        entity: str | None = Query(None, max_length=100), story: str | None = Query(None, max_length=100),
        limit: int = Limit, cursor: str | None = Cursor,
    ) -> Response:
        date_from, date_to = _dates(date_from, date_to)
        if cursor is not None and not cursor.isdigit():
            raise _bad("cursor: not a cursor this API returned (use next_cursor as given)")
        page = stores.get().query_articles(ArticleQuery(
            published_from=date_from, published_to=date_to, outlet=outlet, language=language, entity=entity,
            story=story, limit=limit, cursor=cursor))
        return JSON({"items": [views.article_json(a, full=False) for a in page.items],
                     "next_cursor": page.next_cursor})

    @app.get("/api/articles/{article_id}", summary="one article with its timexes, mentions, events, conflicts")
    def article(article_id: str) -> Response:
        store = stores.get()
        a = store.get_article(article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id!r}")
        d = views.article_json(a)
        d["events"] = [e.id for e in store.events_of_articles([a.id])]
        return JSON(d)

    @app.get("/api/entities", summary="entities, most mentioned first")
    def entities(
        q: str | None = Query(None, max_length=200, description="the start of a name or alias"),
        type: Literal["PER", "ORG", "GPE", "LOC", "EVT", "OTHER"] | None = None,
        limit: int = Limit, cursor: str | None = Cursor,
    ) -> Response:
        offset = _offset(cursor)
        items, total = stores.get().entity_summaries(name=q, type=type, limit=limit, offset=offset)
        return JSON({"items": [views.entity_summary_json(e) for e in items], "total": total,
                "next_cursor": _next(offset, limit, total)})

    @app.get("/api/entities/{entity_id}", summary="one entity: aliases, roles, mentions, events, co-occurring")
    def entity(entity_id: str, mentions: int = Query(200, ge=0, le=10_000, description="mentions to include"),
               ) -> Response:
        store = stores.get()
        e = store.entity(entity_id)
        if e is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        from linimasa.model import to_dict

        d = to_dict(e)
        d["n_mentions"] = len(e.mentions)
        d["mentions"] = d["mentions"][:mentions]
        d["events"] = views.events_json(store, store.entity_events(e.id, limit=200))
        d["co_entities"] = [{**views.entity_summary_json(x), "shared_articles": n} for x, n in store.co_entities(e.id)]
        d["articles"] = [views.card_json(c) for c in store.entity_articles(e.id, limit=50)]
        return JSON(d)

    @app.get("/api/events", summary="events in date order")
    def events(
        type: str | None = Query(None, max_length=20, description="a PLOVER type"),
        entity: str | None = Query(None, max_length=100, description="an entity id (actor or place)"),
        actor: str | None = Query(None, max_length=200, description="an entity's name or alias"),
        story: str | None = Query(None, max_length=100),
        date_from: str | None = DateFrom, date_to: str | None = DateTo,
        limit: int = Limit, cursor: str | None = Cursor,
    ) -> Response:
        store = stores.get()
        offset = _offset(cursor)
        date_from, date_to = _dates(date_from, date_to)
        if actor and not entity:
            entity = _entity_by_name(store, actor)
            if entity is None:
                return JSON({"items": [], "total": 0, "next_cursor": None})
        items, total = store.events_page(type=_type(type), entity=entity, story=story, date_from=date_from,
                                         date_to=date_to, limit=limit, offset=offset)
        return JSON({"items": views.events_json(store, items), "total": total,
                     "next_cursor": _next(offset, limit, total)})

    @app.get("/api/stories", summary="stories, most recent (or largest) first")
    def stories(
        sort: Literal["recent", "size"] = "recent",
        entity: str | None = Query(None, max_length=100, description="only stories naming this entity"),
        limit: int = Limit, cursor: str | None = Cursor,
    ) -> Response:
        offset = _offset(cursor)
        items, total = stores.get().story_summaries(limit=limit, offset=offset, sort=sort, entity=entity)
        return JSON({"items": [views.story_summary_json(s) for s in items], "total": total,
                "next_cursor": _next(offset, limit, total)})

    @app.get("/api/stories/{story_id}", summary="one story: articles, events, entities, outlets")
    def story(story_id: str) -> Response:
        store = stores.get()
        found = store.stories([story_id])
        if not found:
            raise HTTPException(404, f"no story {story_id!r}")
        return JSON(views.story_json(store, found[0]))

    def _timeline(story_id: str | None, date_from: str | None, date_to: str | None, background: bool,
                  limit: int, cursor: str | None, sources: int) -> dict[str, Any]:
        store = stores.get()
        offset = _offset(cursor)
        date_from, date_to = _dates(date_from, date_to)
        if story_id is not None and not store.stories([story_id]):
            raise HTTPException(404, f"no story {story_id!r}")
        data = views.timeline_json(views.story_timeline(store, story_id, date_from, date_to, background,
                                                        offset=offset, limit=limit, sources=sources))
        data["next_cursor"] = _next(offset, limit, data["total"])
        return data

    @app.get("/api/stories/{story_id}/timeline", summary="a story's timeline with events, sources, conflicts")
    def story_timeline(
        story_id: str, date_from: str | None = DateFrom, date_to: str | None = DateTo,
        background: bool = Query(True, description="include background events (history)"),
        limit: int = Query(100, ge=1, le=1000), cursor: str | None = Cursor, sources: int = Sources,
    ) -> Response:
        return JSON(_timeline(story_id, date_from, date_to, background, limit, cursor, sources))

    @app.get("/api/timeline", summary="the whole database's timeline")
    def timeline(
        date_from: str | None = DateFrom, date_to: str | None = DateTo,
        background: bool = Query(True, description="include background events (history)"),
        limit: int = Query(100, ge=1, le=1000), cursor: str | None = Cursor, sources: int = Sources,
    ) -> Response:
        return JSON(_timeline(None, date_from, date_to, background, limit, cursor, sources))

    @app.get("/api/conflicts", summary="where sources disagree: dates, weekdays, numbers, modes")
    def conflicts(
        kind: Literal["date", "weekday_mismatch", "number", "other"] | None = None,
        story: str | None = Query(None, max_length=100),
        limit: int = Limit, cursor: str | None = Cursor,
    ) -> Response:
        offset = _offset(cursor)
        items, total = stores.get().list_conflicts(kind=kind, story=story, limit=limit, offset=offset)
        return JSON({"items": items, "total": total, "next_cursor": _next(offset, limit, total)})

    @app.get("/api/search", summary="full-text search over articles or events")
    def search(
        q: str = Query(..., min_length=1, max_length=500, description="words; lavr* prefix; \"a phrase\"; OR, NOT"),
        kind: Literal["articles", "events"] = "articles",
        entity: str | None = Query(None, max_length=100), type: str | None = Query(None, max_length=20),
        story: str | None = Query(None, max_length=100), outlet: str | None = Query(None, max_length=200),
        language: str | None = Query(None, max_length=20),
        date_from: str | None = DateFrom, date_to: str | None = DateTo,
        syntax: Literal["simple", "fts5"] = "simple",
        limit: int = Limit, cursor: str | None = Cursor,
    ) -> Response:
        page = stores.get().search(SearchQuery(
            q, kind=kind, entity=entity, type=_type(type), story=story, outlet=outlet, language=language,
            date_from=date_from, date_to=date_to, syntax=syntax, limit=limit, cursor=cursor))
        return JSON({"items": [views.hit_json(h) for h in page.hits], "total": page.total,
                "next_cursor": page.next_cursor})

    @app.post("/api/ingest", summary="process and store articles sent as text, HTML or URLs", openapi_extra={
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "texts": {"type": "array", "items": {"type": "string"}},
                "html": {"type": "array", "items": {"type": "string"}},
                "urls": {"type": "array", "items": {"type": "string", "format": "uri"}}}}},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "text/uri-list": {"schema": {"type": "string"}}}}})
    async def ingest(request: Request) -> Any:
        if read_only:
            raise HTTPException(403, "this server is read-only (started with --read-only, or the database file"
                                     " is not writable): nothing can be ingested")
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            raise HTTPException(413, f"the body is larger than {max_body} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_body:
                raise HTTPException(413, f"the body is larger than {max_body} bytes")
        ctype = request.headers.get("content-type", "text/plain")
        try:
            return JSON(await run_in_threadpool(_ingest, bytes(body), ctype))
        except IngestError as e:
            raise HTTPException(400, str(e)) from None

    def _ingest(body: bytes, ctype: str) -> dict[str, Any]:
        from linimasa.batch import run_batch
        from linimasa.ingest import article_id

        sources = sources_from_body(body, ctype, max_body, allow_private_urls)
        warnings: list[str] = []
        with ingest_lock:
            store = stores.get()
            report = run_batch(sources, store=store, workers=1, warn=warnings.append)
            ids = list(dict.fromkeys(article_id(s.data or b"") for s in sources))
            found = {a.id: a for a in store.get_articles(ids)}
        new = set(report.new_ids)
        return {
            "articles": [views.article_json(found[i]) for i in ids if i in found],
            "new": [i for i in ids if i in new],
            "unchanged": [i for i in ids if i in found and i not in new],
            "skipped": [{"source": s, "reason": r} for s, r in report.skipped],
            "warnings": warnings,
        }

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"], include_in_schema=False)
    def api_not_found(rest: str) -> Any:
        raise HTTPException(404, f"no endpoint /api/{rest} (see /api/openapi.json)")

    if web:
        from linimasa.web import register

        register(app, stores)
    else:
        @app.get("/", include_in_schema=False)
        def root() -> HTMLResponse:
            return HTMLResponse('<a href="/api/docs">linimasa API</a>')

    return app


def _entity_by_name(store: Store, name: str) -> str | None:
    found, _ = store.entity_summaries(name=name, limit=50)
    key = name.casefold()
    exact = [e for e in found if key in {e.name.casefold(), *(a.casefold() for a in e.aliases)}]
    return exact[0].id if exact else None


__all__ = ["DEFAULT_MAX_BODY", "Stores", "create_app", "writable"]
