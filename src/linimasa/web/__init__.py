"""The web page: server-rendered Jinja2 templates (autoescaped) with a little JavaScript, readable
without it. Stories with their timelines, entities, articles with their annotations, and search.

Every page is built from the store's read side (`linimasa.api.views` shares the data with the API).
Every piece of article text reaches the page through Jinja2's autoescaping or `markupsafe.escape`
(`linimasa.web.annotate`); the pages load no inline script or style, and say so in a
Content-Security-Policy header, so even a slip in escaping could not run a script.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from linimasa.api import views
from linimasa.model import date_range
from linimasa.store import SearchQuery, Store
from linimasa.store.base import Query as ArticleQuery
from linimasa.store.search import check_date_prefix, offset_of
from linimasa.timeline.report import same_sentences
from linimasa.web.annotate import Ann, annotate, marked
from linimasa.web.timeaxis import WIDTH, layout

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
       " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
ENTITY_TYPES = {"PER": "person", "ORG": "organisation", "GPE": "country, city", "LOC": "place", "EVT": "event",
                "OTHER": "other"}
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CONFLICT_NAMES = {"date": "date conflict", "weekday_mismatch": "weekday conflict", "number": "number conflict",
                  "other": "conflict"}

TIMELINE_PAGE = 120
"""Timeline entries on one story page (the time axis above them shows every entry)."""
SOURCES_SHOWN = 12
"""Source sentences read per event on a story page (two shown, the rest folded; more in the articles)."""

_env: Environment | None = None


def pretty_date(value: str | None, precision: str | None = None) -> str:
    """A date at its precision, as a reader says it: "Wed 20 Oct 2021", "Aug 2021", "week 27, 2021",
    "the 1980s", "2021"."""
    if not value:
        return "undated"
    rng = date_range(value)
    if rng is None:
        return value
    a, b = rng
    if value[3] == "X" or precision == "decade":
        return f"the {value[:3]}0s"
    if "-W" in value:
        return f"week {int(value[6:8])}, {value[:4]}"
    if a == b:
        text = a.strftime("%a %d %b %Y").replace(" 0", " ")
        return text + (f", {value[11:16]}" if "T" in value else "")
    if a.month == 1 and b.month == 12 and a.day == 1 and b.day == 31:
        return str(a.year)
    return a.strftime("%b %Y")


def env() -> Environment:
    global _env
    if _env is None:
        e = Environment(loader=PackageLoader("linimasa.web", "templates"),
                        autoescape=select_autoescape(default=True, default_for_string=True))
        e.filters["date"] = pretty_date
        e.filters["filename"] = views.source_name
        e.globals["ENTITY_TYPES"] = ENTITY_TYPES
        e.globals["CONFLICT_NAMES"] = CONFLICT_NAMES
        e.globals["PLOVER_TYPES"] = PLOVER_TYPES
        e.globals["marked"] = marked
        e.globals["WIDTH"] = WIDTH
        _env = e
    return _env


def quotes_of(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An event's source sentences, each once (`same_sentences`): `marked` from the first source that
    quotes it, `cites` every source, each a link to its article."""
    return [{"marked": group[0]["marked"], "cites": group} for group in same_sentences(sources)]


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    app = request.app
    html = env().get_template(template).render(
        request=request, read_only=app.state.read_only, db_name=Path(str(app.state.db)).name,
        q=context.pop("q", ""), **context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {400: "That request cannot be answered", 404: "Not found", 403: "Not allowed"}
    return page(request, "error.html", status=status, status_code=status,
                title=titles.get(status, "Something went wrong"), message=message)


def _qs(request: Request, **changes: Any) -> str:
    params = dict(request.query_params)
    params.update({k: v for k, v in changes.items() if v is not None})
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


def _offset(cursor: str | None) -> int:
    return offset_of(cursor)  # a SearchError: a 400 page


def _sentence(m: Any) -> Any:
    """An event mention's sentence with its trigger marked."""
    s, e = m.trigger_start - m.start, m.trigger_end - m.start
    anns = [Ann(s, e, "trg", title=m.type)] if 0 <= s < e <= len(m.text) else []
    return annotate(m.text, anns)


def register(app: FastAPI, stores: Any) -> None:
    """Add the pages and their static files to the application."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def store() -> Store:
        return stores.get()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, sort: str = Query("recent", pattern="^(recent|size)$"),
             cursor: str | None = Query(None, max_length=20)) -> Response:
        st = store()
        offset = _offset(cursor)
        stories, total = st.story_summaries(limit=25, offset=offset, sort=sort)
        people, _ = st.entity_summaries(type="PER", limit=10)
        places, _ = st.entity_summaries(type="GPE", limit=8)
        orgs, _ = st.entity_summaries(type="ORG", limit=8)
        nxt = str(offset + 25) if offset + 25 < total else None
        disputes, n_disputes = st.list_conflicts(limit=6)
        cards = st.article_cards({v["article"] for c in disputes for v in c.get("values", [])})
        return page(request, "home.html", counts=st.counts(), stories=stories, total=total, sort=sort,
                    next_url=_qs(request, cursor=nxt) if nxt else None, people=people, places=places, orgs=orgs,
                    conflicts=n_disputes, disputes=disputes, cards=cards)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: str = Query("", max_length=500),
               kind: str = Query("articles", pattern="^(articles|events)$"),
               language: str | None = Query(None, max_length=20), outlet: str | None = Query(None, max_length=200),
               type: str | None = Query(None, max_length=20), story: str | None = Query(None, max_length=100),
               entity: str | None = Query(None, max_length=100),
               date_from: str | None = Query(None, alias="from", max_length=20),
               date_to: str | None = Query(None, alias="to", max_length=20),
               cursor: str | None = Query(None, max_length=20)) -> Response:
        st = store()
        type = type.upper() if type else None
        if type and type not in PLOVER_TYPES:
            raise HTTPException(400, f"type must be a PLOVER type, not {type!r}")
        outlets = [o for o, _ in st.outlets(limit=300)]
        ctx: dict[str, Any] = {"kind": kind, "filters": {"language": language, "outlet": outlet, "type": type,
                                                         "story": story, "entity": entity, "from": date_from,
                                                         "to": date_to}, "outlets": outlets}
        if entity:
            found = st.entity(entity)
            ctx["entity_name"] = found.name if found else entity
        if not q.strip():
            return page(request, "search.html", page=None, other=None, **ctx)
        common = {"entity": entity, "type": type, "story": story, "outlet": outlet or None,
                  "language": language or None, "date_from": date_from or None, "date_to": date_to or None}
        result = st.search(SearchQuery(q, kind=kind, limit=20, cursor=cursor, **common))
        other_kind = "events" if kind == "articles" else "articles"
        other = st.search(SearchQuery(q, kind=other_kind, limit=1, **common)).total
        cards = st.article_cards({a for h in result.hits for a in h.articles[:3]})
        return page(request, "search.html", q=q, page=result, other=other, other_kind=other_kind, cards=cards,
                    next_url=_qs(request, cursor=result.next_cursor) if result.next_cursor else None,
                    kind_url=_qs(request, kind=other_kind, cursor=None), **ctx)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories(request: Request, sort: str = Query("recent", pattern="^(recent|size)$"),
                entity: str | None = Query(None, max_length=100),
                cursor: str | None = Query(None, max_length=20)) -> Response:
        st = store()
        offset = _offset(cursor)
        items, total = st.story_summaries(limit=50, offset=offset, sort=sort, entity=entity)
        nxt = str(offset + 50) if offset + 50 < total else None
        ent = st.entity(entity) if entity else None
        return page(request, "stories.html", stories=items, total=total, sort=sort, entity=ent,
                    next_url=_qs(request, cursor=nxt) if nxt else None)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story(request: Request, story_id: str, cursor: str | None = Query(None, max_length=20)) -> Response:
        st = store()
        offset = _offset(cursor)
        found = st.stories([story_id])
        if not found:
            raise HTTPException(404, f"There is no story {story_id!r} in this database.")
        s = found[0]
        data = views.story_timeline(st, story_id, offset=offset, limit=TIMELINE_PAGE, sources=SOURCES_SHOWN)
        for i, t in enumerate(data["entries"]):
            t["index"] = offset + i
            for e in t["events"]:
                e["type_name"] = e["type"].lower()
                for src in e["sources"]:
                    at = src["text"].find(src["trigger"]) if src["trigger"] else -1
                    src["marked"] = annotate(src["text"], [Ann(at, at + len(src["trigger"]), "trg", title=e["type"])]
                                             if at >= 0 else [])
                e["quotes"] = quotes_of(e["sources"])
                e["shown"] = sum(len(q["cites"]) for q in e["quotes"][:2])  # sources the two first quotes cite
        info = st.entity_info(s.entities)
        top = sorted(s.entities.items(), key=lambda kv: -kv[1])
        entities = [{"id": i, "name": info[i][0], "type": info[i][1], "n": info[i][2]} for i, _ in top if i in info]
        cards = sorted(st.article_cards(s.articles).values(), key=lambda c: (c.published or "~", c.id))
        n_conflicts = sum(t["n_conflicts"] for t in data["axis"]) + len(data["other_conflicts"])
        total = data["total"]
        nxt = offset + TIMELINE_PAGE if offset + TIMELINE_PAGE < total else None
        prev = max(0, offset - TIMELINE_PAGE) if offset else None
        return page(request, "story.html", story=s, entries=data["entries"], other_conflicts=data["other_conflicts"],
                    axis=layout(data["axis"]), entities=entities[:24], cards=cards[:60], n_cards=len(cards),
                    n_conflicts=n_conflicts, n_background=sum(1 for t in data["axis"] if t["background"]),
                    total=total, offset=offset, page_size=TIMELINE_PAGE,
                    next_url=_qs(request, cursor=str(nxt)) if nxt is not None else None,
                    prev_url=_qs(request, cursor=str(prev) if prev else None) if prev is not None else None)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities(request: Request, q: str | None = Query(None, max_length=200),
                 type: str | None = Query(None, pattern="^(PER|ORG|GPE|LOC|EVT|OTHER)?$"),
                 cursor: str | None = Query(None, max_length=20)) -> Response:
        st = store()
        offset = _offset(cursor)
        items, total = st.entity_summaries(name=q or None, type=type or None, limit=60, offset=offset)
        nxt = str(offset + 60) if offset + 60 < total else None
        return page(request, "entities.html", entities=items, total=total, name=q or "", type=type or "",
                    next_url=_qs(request, cursor=nxt) if nxt else None)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(request: Request, entity_id: str) -> Response:
        st = store()
        e = st.entity(entity_id)
        if e is None:
            raise HTTPException(404, f"There is no entity {entity_id!r} in this database.")
        if e.id != entity_id:  # merged into another since the link was made
            return RedirectResponse(f"/entities/{e.id}", status_code=301)
        events = st.entity_events(e.id, limit=300)
        names = st.entity_info({i for ev in events for i in [*(a.entity for a in ev.actors), ev.place] if i})
        arts = st.entity_articles(e.id, limit=100)
        cards = st.article_cards({m.article for ev in events for m in ev.mentions} | {r.article for r in e.roles})
        roles: dict[str, list[str]] = {}
        for r in e.roles:
            roles.setdefault(r.text, []).append(r.article)
        stories, n_stories = st.story_summaries(limit=10, entity=e.id)
        return page(request, "entity.html", e=e, events=events, names=names, articles=arts, cards=cards,
                    roles=roles, co=st.co_entities(e.id, limit=24), sentence=_sentence, stories=stories,
                    n_stories=n_stories, n_articles=len({m.article for m in e.mentions}))

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(request: Request, outlet: str | None = Query(None, max_length=200),
                 language: str | None = Query(None, max_length=20), story: str | None = Query(None, max_length=100),
                 entity: str | None = Query(None, max_length=100),
                 date_from: str | None = Query(None, alias="from", max_length=20),
                 date_to: str | None = Query(None, alias="to", max_length=20),
                 cursor: str | None = Query(None, pattern="^[0-9]*$", max_length=20)) -> Response:
        st = store()
        check_date_prefix("from", date_from)
        check_date_prefix("to", date_to)
        result = st.query_articles(ArticleQuery(published_from=date_from or None, published_to=date_to or None,
                                                outlet=outlet or None, language=language or None,
                                                story=story or None, entity=entity or None, limit=50,
                                                cursor=cursor or None))
        cards = st.article_cards(a.id for a in result.items)
        return page(request, "articles.html", cards=[cards[a.id] for a in result.items if a.id in cards],
                    next_url=_qs(request, cursor=result.next_cursor) if result.next_cursor else None)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str, hl: str | None = Query(None, max_length=200)) -> Response:
        st = store()
        a = st.get_article(article_id)
        if a is None:
            raise HTTPException(404, f"There is no article {article_id!r} in this database.")
        info = st.entity_info({m.entity for m in a.mentions if m.entity})
        anns: list[Ann] = []
        for m in a.mentions:
            name = info.get(m.entity or "", (m.text, m.type, 0))
            title = f"{ENTITY_TYPES.get(m.type, m.type)}: {name[0]}" + (
                f" ({name[2]} article{'s' if name[2] != 1 else ''})" if name[2] else "")
            anns.append(Ann(m.start, m.end, f"ent ent-{m.type}", href=f"/entities/{m.entity}" if m.entity else None,
                            title=title, data={"type": m.type}, rank=0))
        for t in a.timexes:
            if t.line is None:
                anns.append(Ann(t.start, t.end, "tx", title=f"{t.type} {t.value}" + (f" ({t.mod})" if t.mod else "")
                                + (f"; {', '.join(t.flags)}" if t.flags else ""), data={"value": t.value}, rank=1))
        for em in a.event_mentions:
            if em.trigger_end > em.trigger_start:
                anns.append(Ann(em.trigger_start, em.trigger_end, f"trg mode-{em.mode}",
                                title=f"{em.type} event ({em.mode})", data={"type": em.type}, rank=2))
        events = st.events_of_articles([a.id])
        events.sort(key=lambda ev: min((m.start for m in ev.mentions if m.article == a.id), default=0))
        story = st.stories([a.story])[0] if a.story and st.stories([a.story]) else None
        by_type: dict[str, list[tuple[str, str | None, int]]] = {}
        counts: dict[tuple[str, str | None], int] = {}
        for m in a.mentions:
            key = (info.get(m.entity or "", (m.text,))[0], m.entity)
            if key not in counts:
                by_type.setdefault(m.type, []).append((key[0], m.entity, 0))
            counts[key] = counts.get(key, 0) + 1
        order = list(ENTITY_TYPES)
        by_type = {typ: sorted(((n, i, counts[(n, i)]) for n, i, _ in items), key=lambda x: (-x[2], x[0]))
                   for typ, items in sorted(by_type.items(), key=lambda kv: order.index(kv[0])
                                            if kv[0] in order else len(order))}
        related = st.article_cards([x for x in (a.duplicate_of, a.follow_up_of) if x])
        lines = []
        for ln in a.lines:
            before, kept, after = "", ln.text, ""
            if ln.kept is not None and ln.kept != ln.text and ln.kept and ln.kept in ln.text:
                i = ln.text.index(ln.kept)
                before, kept, after = ln.text[:i], ln.kept, ln.text[i + len(ln.kept):]
            lines.append({"n": ln.n, "label": ln.label, "reason": ln.reason, "kind": ln.kind, "before": before,
                          "kept": kept, "after": after, "removed": ln.label not in ("body", "heading", "title")})
        return page(request, "article.html", a=a, text=annotate(a.text, anns), events=events, story=story,
                    by_type=by_type, related=related, lines=lines, sentence=_sentence,
                    published=pretty_date(a.published.value, a.published.precision) if a.published else None,
                    n_removed=sum(1 for ln in lines if ln["removed"] and ln["label"] != "blank"))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")


def today() -> str:
    return datetime.date.today().isoformat()


__all__ = ["error_page", "pretty_date", "register"]
