"""The REST API against the real application and database: every endpoint, its linimasa/1 shapes,
paging, filters, bad parameters (a 4xx with a message, never a 500), ingest and its limits."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.api.sample import IMG, SCRIPT
from tests.conftest import SCHEMA


@pytest.fixture(scope="module")
def item_schemas():
    """The linimasa/1 item schemas, one per top-level array of the export."""
    import jsonschema

    if not SCHEMA.exists():
        pytest.skip("../shared/schema not available")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    def check(kind: str, item: dict) -> None:
        errors = list(jsonschema.Draft202012Validator(schema["properties"][kind]["items"]).iter_errors(item))
        assert not errors, f"{kind}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check


def ok(response):
    assert response.status_code == 200, response.text
    return response.json()


def pages(api, url: str, key: str = "items"):
    """Every item of a paged endpoint, following next_cursor."""
    items, cursor = [], None
    for _ in range(100):
        sep = "&" if "?" in url else "?"
        doc = ok(api.get(url + (f"{sep}cursor={cursor}" if cursor else "")))
        items += doc[key]
        cursor = doc["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("paging never ends")


def the_story(api) -> str:
    stories = ok(api.get("/api/stories?sort=size"))["items"]
    return stories[0]["id"]


def lavrov(api) -> str:
    found = ok(api.get("/api/entities?q=Sergey&type=PER"))["items"]
    return next(e["id"] for e in found if e["name"] == "Sergey Lavrov")


# -- every endpoint ------------------------------------------------------------------------------

def test_info(api):
    doc = ok(api.get("/api"))
    assert doc["schema"] == "linimasa/1" and doc["read_only"] is True
    assert doc["counts"]["articles"] == 6


def test_articles_pages_and_shapes(api, item_schemas):
    items = pages(api, "/api/articles?limit=2")
    assert len(items) == len({a["id"] for a in items}) == 6
    for a in items:
        item_schemas("articles", a)
    one = ok(api.get(f"/api/articles/{items[0]['id']}"))
    item_schemas("articles", one)
    assert one["timexes"] and one["mentions"] and "event_mentions" in one and one["lines"]
    for t in one["timexes"]:
        item_schemas("timexes", t)
    assert all(one["text"][m["start"]:m["end"]] == m["text"] for m in one["mentions"])


def test_article_filters(api):
    story = the_story(api)
    assert len(pages(api, f"/api/articles?story={story}")) == 5
    assert len(pages(api, "/api/articles?from=2021-10&to=2021-10")) == 3
    assert [a["outlet"] for a in pages(api, "/api/articles?outlet=Warta%20Ekonomi")] == ["Warta Ekonomi"]
    assert pages(api, "/api/articles?language=en") == []
    by_lavrov = pages(api, f"/api/articles?entity={lavrov(api)}")
    assert 4 <= len(by_lavrov) <= 5


def test_entities(api, item_schemas):
    everyone = pages(api, "/api/entities?limit=7")
    assert len(everyone) == len({e["id"] for e in everyone}) == ok(api.get("/api/entities"))["total"]
    counts = [e["n_mentions"] for e in everyone]
    assert counts == sorted(counts, reverse=True)
    people = pages(api, "/api/entities?type=PER")
    assert people and {e["type"] for e in people} == {"PER"}
    one = ok(api.get(f"/api/entities/{lavrov(api)}"))
    item_schemas("entities", one)
    assert "Sergei Lavrov" in one["aliases"] and one["roles"]
    assert one["events"] and one["co_entities"] and one["articles"]
    for e in one["events"]:
        item_schemas("events", e)
    assert ok(api.get(f"/api/entities/{lavrov(api)}?mentions=1"))["mentions"].__len__() == 1


def test_events(api, item_schemas):
    events = pages(api, "/api/events?limit=10")
    assert len(events) == ok(api.get("/api/events"))["total"] > 10
    for e in events:
        item_schemas("events", e)
    dated = [e["date"]["value"] for e in events if e["date"]]
    assert dated == sorted(dated)
    consult = pages(api, "/api/events?type=consult")
    assert consult and {e["type"] for e in consult} == {"CONSULT"}
    by_name = pages(api, "/api/events?actor=Lavrov")
    by_id = pages(api, f"/api/events?entity={lavrov(api)}")
    assert by_name and [e["id"] for e in by_name] == [e["id"] for e in by_id]
    assert all(any(a["name"] == "Sergey Lavrov" for a in e["actors"]) or e["place"] for e in by_id)
    october = pages(api, "/api/events?from=2021-10&to=2021-10")
    assert october and all(e["date"]["value"].startswith("2021-10") for e in october)
    assert pages(api, "/api/events?actor=Nobody%20Atall") == []
    assert len(pages(api, f"/api/events?story={the_story(api)}")) >= 30


def test_stories(api, item_schemas):
    stories = pages(api, "/api/stories?limit=1")
    assert len(stories) == 2
    biggest = ok(api.get("/api/stories?sort=size"))["items"][0]
    assert biggest["n_articles"] == 5 and len(biggest["outlets"]) == 3
    one = ok(api.get(f"/api/stories/{biggest['id']}"))
    item_schemas("stories", one)
    assert one["entity_names"]
    assert len(pages(api, f"/api/stories?entity={lavrov(api)}")) == 2


def test_story_timeline_in_date_order_with_conflicts(api, item_schemas):
    from linimasa.model import date_sort_key

    story = the_story(api)
    doc = ok(api.get(f"/api/stories/{story}/timeline"))
    entries = doc["entries"]
    for t in entries:
        item_schemas("timeline", t)
    values = [t["date"]["value"] for t in entries]
    assert values == sorted(values, key=date_sort_key)
    kinds = {c["kind"]: t["date"]["value"] for t in entries for c in t["conflict_details"]}
    assert kinds.get("weekday_mismatch") == "2021-10-20"  # "Rabu (12/10)": placed on the meeting it dates
    assert kinds.get("date", "").startswith("2021-08")
    date_conflict = next(c for t in entries for c in t["conflict_details"] if c["kind"] == "date")
    assert {v["value"] for v in date_conflict["values"]} >= {"2021-08", "2021-08-25"}
    assert all(v["text"] and (v["outlet"] or v["source"]) for v in date_conflict["values"])
    assert sum(t["conflicts"] for t in entries) == 2
    paged = pages(api, f"/api/stories/{story}/timeline?limit=3", key="entries")
    assert [t["date"]["value"] for t in paged] == values
    few = ok(api.get(f"/api/stories/{story}/timeline?sources=1"))["entries"]
    events = [e for t in few for e in t["event_details"]]
    assert all(len(e["sources"]) <= 1 <= e["n_sources"] for e in events) and any(e["n_sources"] > 1 for e in events)
    no_bg = ok(api.get(f"/api/stories/{story}/timeline?background=false"))["entries"]
    assert len(no_bg) < len(entries) and not any(t["background"] for t in no_bg)


def test_whole_timeline(api):
    doc = ok(api.get("/api/timeline?from=2021&to=2021"))
    assert doc["story"] is None and doc["entries"]
    assert all(t["date"]["value"].startswith("2021") for t in doc["entries"])


def test_conflicts(api, item_schemas):
    items = pages(api, "/api/conflicts?limit=1")
    assert {c["kind"] for c in items} == {"date", "weekday_mismatch"}
    for c in items:
        item_schemas("conflicts", c)
    assert ok(api.get("/api/conflicts?kind=date"))["total"] == 1
    assert ok(api.get(f"/api/conflicts?story={the_story(api)}"))["total"] == 2


def test_search(api):
    doc = ok(api.get("/api/search?q=Lavrov"))
    assert doc["total"] == 5  # four sample articles and the hostile one
    hit = doc["items"][0]
    assert hit["kind"] == "article" and hit["marks"]
    s, e = hit["marks"][0]
    assert hit["snippet"][s:e].lower() == "lavrov"
    assert len(pages(api, "/api/search?q=Lavrov&limit=2")) == 5
    events = ok(api.get("/api/search?q=Lavrov&kind=events"))
    assert events["total"] >= 1 and all(h["kind"] == "event" for h in events["items"])
    story = the_story(api)
    assert ok(api.get(f"/api/search?q=Lavrov&story={story}"))["total"] == 4
    assert ok(api.get("/api/search?q=Lavrov&from=2024"))["total"] == 2
    assert ok(api.get("/api/search?q=Lavrov&outlet=Warta%20Ekonomi"))["total"] == 1
    assert ok(api.get("/api/search?q=Lavrov&language=en"))["total"] == 0
    assert ok(api.get("/api/search?q=Lavrov&type=CONSULT"))["total"] >= 1
    assert ok(api.get(f"/api/search?q=Taliban&entity={lavrov(api)}"))["total"] >= 1
    assert ok(api.get("/api/search?q=NEAR(Sergey%20Lavrov)&syntax=fts5"))["total"] >= 1


def test_hostile_text_comes_back_as_data(api):
    hit = ok(api.get("/api/search?q=Jakarta%20Retno"))["items"][0]
    article = ok(api.get(f"/api/articles/{hit['id']}"))
    assert SCRIPT in article["title"] and IMG in article["title"]
    assert SCRIPT in article["text"]


def test_openapi_document(api):
    doc = ok(api.get("/api/openapi.json"))
    paths = set(doc["paths"])
    assert paths >= {"/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
                     "/api/events", "/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/timeline",
                     "/api/timeline", "/api/conflicts", "/api/search", "/api/ingest"}
    assert "text/uri-list" in doc["paths"]["/api/ingest"]["post"]["requestBody"]["content"]


# -- bad requests: a 4xx with a message, never a 500 --------------------------------------------

BAD = [
    ("/api/articles?limit=0", 400), ("/api/articles?limit=1000", 400), ("/api/articles?limit=ten", 400),
    ("/api/articles?cursor=abc", 400), ("/api/articles?from=yesterday", 400), ("/api/articles?to=2021-1", 400),
    ("/api/entities?type=PERSON", 400), ("/api/entities?cursor=-1", 400), ("/api/entities?cursor=99999999", 400),
    ("/api/events?type=HUG", 400), ("/api/events?from=2021/10", 400), ("/api/stories?sort=alpha", 400),
    ("/api/stories/st_nothing", 404), ("/api/stories/st_nothing/timeline", 404), ("/api/timeline?limit=0", 400),
    ("/api/conflicts?kind=feud", 400), ("/api/search", 400), ("/api/search?q=", 400),
    ("/api/search?q=%22unclosed", 400), ("/api/search?q=Taliban%20AND", 400), ("/api/search?q=foo)", 400),
    ("/api/search?q=*", 400), ("/api/search?q=x&kind=people", 400), ("/api/search?q=x&syntax=regex", 400),
    ("/api/search?q=nosuch:x&syntax=fts5", 400), ("/api/search?q=x&type=HUG", 400),
    ("/api/search?q=" + "x" * 501, 400), ("/api/search?q=x&cursor=next", 400),
    ("/api/articles/nothing", 404), ("/api/entities/ent-nothing", 404), ("/api/nothing", 404),
    ("/api/search?q=%00", 400),
]


@pytest.mark.parametrize(("url", "status"), BAD, ids=[u for u, _ in BAD])
def test_bad_parameters_say_what_is_wrong(api, url, status):
    r = api.get(url)
    assert r.status_code == status, r.text
    doc = r.json()
    assert doc["status"] == status and isinstance(doc["error"], str) and len(doc["error"]) > 5


def test_read_only_refuses_ingest(api):
    r = api.post("/api/ingest", content="Teks artikel.", headers={"content-type": "text/plain"})
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_unwritable_database_is_served_read_only(sample_db, monkeypatch):
    from linimasa.api import app as app_module

    monkeypatch.setattr(app_module, "writable", lambda db: False)
    assert app_module.create_app(str(sample_db)).state.read_only is True


# -- ingest --------------------------------------------------------------------------------------

NEW_TEXT = ("Banjir melanda Garut pada Senin (3/6/2024). Ribuan warga mengungsi ke masjid dan sekolah, "
            "kata Bupati Garut Rudy Gunawan kepada wartawan.\n")


def test_ingest_text_is_processed_stored_and_searchable(writable_api, item_schemas):
    with writable_api() as api:
        assert ok(api.get("/api/search?q=Garut"))["total"] == 0
        doc = ok(api.post("/api/ingest", content=NEW_TEXT.encode(), headers={"content-type": "text/plain"}))
        assert len(doc["new"]) == 1 and doc["unchanged"] == []
        a = doc["articles"][0]
        item_schemas("articles", a)
        assert a["published"]["value"] == "2024-06-03" and a["mentions"]
        assert ok(api.get("/api/search?q=Garut"))["total"] == 1
        assert ok(api.get(f"/api/articles/{a['id']}"))["id"] == a["id"]
        again = ok(api.post("/api/ingest", content=NEW_TEXT.encode(), headers={"content-type": "text/plain"}))
        assert again["new"] == [] and again["unchanged"] == [a["id"]]


def test_ingest_json_and_html(writable_api):
    html = ("<html><head><title>Gempa di Cianjur</title><script>var x = 1;</script><style>p{}</style></head>"
            "<body><nav><a href=/>Beranda</a></nav><h1>Gempa di Cianjur</h1>"
            "<p>Gempa mengguncang Cianjur pada Senin (21/11/2022), kata BMKG.</p>"
            "<p>Ratusan rumah rusak dan warga mengungsi ke tenda darurat.</p></body></html>")
    with writable_api() as api:
        doc = ok(api.post("/api/ingest", json={"texts": [NEW_TEXT], "html": [html]}))
        assert len(doc["new"]) == 2
        page = next(a for a in doc["articles"] if "Cianjur" in a["text"])
        assert page["title"] == "Gempa di Cianjur" and "var x" not in page["text"]
        doc = ok(api.post("/api/ingest", content=html.encode(), headers={"content-type": "text/html"}))
        assert doc["unchanged"] == [page["id"]]


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):
        body = {"/a": b"<html><title>Sidang di Jakarta</title><body><p>Sidang kasus korupsi digelar di Jakarta pada"
                      b" Selasa (4/6/2024), kata jaksa.</p></body></html>",
                "/redirect": b""}.get(self.path)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:1/elsewhere")
            self.end_headers()
            return
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def page_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_ingest_urls(writable_api, page_server):
    with writable_api() as api:  # loopback is refused by default
        r = api.post("/api/ingest", json={"urls": [page_server + "/a"]})
        assert r.status_code == 400 and "private" in r.json()["error"]
    with writable_api(allow_private_urls=True) as api:
        doc = ok(api.post("/api/ingest", content=f"{page_server}/a\n".encode(),
                          headers={"content-type": "text/uri-list"}))
        assert doc["articles"][0]["source"] == page_server + "/a"
        assert "korupsi" in doc["articles"][0]["text"]
        r = api.post("/api/ingest", json={"urls": [page_server + "/missing"]})
        assert r.status_code == 400 and "404" in r.json()["error"]
        r = api.post("/api/ingest", json={"urls": ["file:///etc/passwd"]})
        assert r.status_code == 400 and "http" in r.json()["error"]


BAD_INGEST = [
    (b"", "text/plain"), (b"{", "application/json"), (b'{"texts": "one"}', "application/json"),
    (b'{"texts": [1]}', "application/json"), (b'{"other": []}', "application/json"), (b"[]", "application/json"),
    (b'{"texts": []}', "application/json"), (b'{"texts": ["  "]}', "application/json"),
    (json.dumps({"texts": ["x"] * 101}).encode(), "application/json"), (b"\x89PNG", "image/png"),
]


@pytest.mark.parametrize(("body", "ctype"), BAD_INGEST)
def test_bad_ingest_bodies(writable_api, body, ctype):
    with writable_api() as api:
        r = api.post("/api/ingest", content=body, headers={"content-type": ctype})
        assert r.status_code == 400, r.text
        assert r.json()["error"]


def test_ingest_body_limit(writable_api):
    with writable_api(max_body=1000) as api:
        r = api.post("/api/ingest", content=b"x" * 1001, headers={"content-type": "text/plain"})
        assert r.status_code == 413 and "1000 bytes" in r.json()["error"]

        def chunks():  # no Content-Length: the limit is counted as the body streams in
            for _ in range(20):
                yield b"y" * 100

        r = api.post("/api/ingest", content=chunks(), headers={"content-type": "text/plain"})
        assert r.status_code == 413
        assert ok(api.get("/api"))["counts"]["articles"] == 6  # nothing stored
