"""The pages without a browser: each renders, escapes every piece of article text, sends a strict
Content-Security-Policy, and answers bad parameters with a 4xx page; the helpers that lay out the
time axis and the annotated text."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import pytest

from linimasa.web import pretty_date
from linimasa.web.annotate import Ann, annotate, marked
from linimasa.web.timeaxis import layout
from tests.api.sample import SCRIPT

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def html(site, url: str, status: int = 200) -> str:
    r = site.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    tags = Tags()
    tags.feed(r.text)
    assert not tags.bad, (url, tags.bad)  # no tag or handler made of article text
    return r.text


class Tags(HTMLParser):
    """What a browser would parse: no <img>, no script but the page's own, no on* attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        own_script = tag == "script" and dict(attrs).get("src") == "/static/app.js"
        if tag in ("img", "iframe", "object", "embed") or (tag == "script" and not own_script):
            self.bad.append(tag)
        self.bad += [f"{tag}[{k}]" for k, _ in attrs if k.startswith("on")]


def hostile_id(site) -> str:
    return site.get("/api/search?q=Retno").json()["items"][0]["id"]


def test_every_page_renders_and_escapes(site):
    hostile = hostile_id(site)
    story = site.get(f"/api/articles/{hostile}").json()["story"]
    entities = [e["id"] for e in site.get("/api/entities?limit=200").json()["items"]]
    urls = ["/", "/?sort=size", "/stories", "/stories?sort=size", "/entities", "/entities?type=PER&q=ser",
            "/articles", "/articles?language=id&from=2021", "/search", "/search?q=Lavrov",
            "/search?q=Lavrov&kind=events", "/search?q=Lavrov&type=CONSULT&from=2021&to=2021-12",
            f"/search?q={SCRIPT}", f"/articles/{hostile}", f"/stories/{story}",
            *(f"/entities/{e}" for e in entities)]
    for url in urls:
        html(site, url)
    page = html(site, f"/articles/{hostile}")
    assert ESCAPED_SCRIPT in page and "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert page.count(ESCAPED_SCRIPT) >= 3  # title, text, raw lines


def test_entity_names_made_of_markup_are_escaped(site):
    found = [e for e in site.get("/api/entities?limit=200").json()["items"] if "alert" in e["name"]]
    assert found  # the hostile text is named as an organisation by the recogniser: still text
    for e in found:
        page = html(site, f"/entities/{e['id']}")
        assert re.search(r"<h1>[^<]*alert[^<]*</h1>", page)


def test_story_page_marks_both_conflicts(site):
    story = site.get("/api/stories?sort=size").json()["items"][0]["id"]
    page = html(site, f"/stories/{story}")
    assert "weekday conflict" in page and "date conflict" in page
    assert page.count('class="conflict conflict-') == 2
    assert '<mark class="match">Rabu (12/10)</mark>' in page
    assert "Hide background (1)" in page and '<details class="bg-fold">' in page


def test_errors_are_pages_with_a_message(site):
    assert "no story" in html(site, "/stories/st_nothing", 404).lower()
    assert "no article" in html(site, "/articles/nothing", 404).lower()
    html(site, "/entities/ent-nothing", 404)
    html(site, "/nowhere", 404)
    assert "quotation mark" in html(site, "/search?q=%22unclosed", 400)
    html(site, "/search?q=x&type=HUG", 400)
    html(site, "/search?q=x&from=yesterday", 400)
    html(site, "/search?q=x&kind=people", 400)
    html(site, "/?cursor=abc", 400)
    html(site, "/articles?cursor=abc", 400)
    html(site, "/entities?type=PERSON", 400)


def test_static_files(site):
    assert site.get("/static/style.css").status_code == 200
    assert "classList" in site.get("/static/app.js").text
    assert site.get("/favicon.ico").headers["content-type"].startswith("image/svg")


# -- helpers --------------------------------------------------------------------------------------

def test_annotations_nest_escape_and_never_split_a_name():
    text = 'Sergey Lavrov <b>"tiba"</b> pada Jumat'
    out = annotate(text, [
        Ann(0, 13, "ent ent-PER", href="/entities/e1", title='PER: "Sergey" <Lavrov>'),
        Ann(7, 20, "tx", title="cut at the name's end"),  # crosses the name: cut, the name stays whole
        Ann(0, 6, "ent ent-PER", href="/entities/e2"),  # a link inside a link becomes a span
        Ann(33, 38, "tx", data={"value": "2024-10-04"}),
        Ann(5, 99, "trg"),  # beyond the text: ignored
    ])
    assert str(out).startswith(
        '<a href="/entities/e1" class="ent ent-PER" title="PER: &#34;Sergey&#34; &lt;Lavrov&gt;">')
    assert "&lt;b&gt;&#34;tiba&#34;&lt;/b&gt;" in out and "<b>" not in out
    assert '<span class="ent ent-PER">Sergey</span>' in out
    assert '<span class="tx" data-value="2024-10-04">Jumat</span>' in out
    assert re.sub(r"<[^>]+>", "", str(out)).replace("&lt;", "<").replace("&gt;", ">").replace(
        "&#34;", '"') == text
    assert str(marked("<i>x</i> y", [(9, 10)])) == "&lt;i&gt;x&lt;/i&gt; <mark class=\"match\">y</mark>"


@pytest.mark.parametrize(("value", "precision", "shown"), [
    ("2021-10-20", "day", "Wed 20 Oct 2021"), ("2021-10-21T07:53", "minute", "Thu 21 Oct 2021, 07:53"),
    ("2021-08", "month", "Aug 2021"), ("2021-W27", "week", "week 27, 2021"), ("198X", "decade", "the 1980s"),
    ("1989", "year", "1989"), (None, None, "undated"), ("PRESENT_REF", None, "PRESENT_REF"),
])
def test_dates_at_their_precision(value, precision, shown):
    assert pretty_date(value, precision) == shown


def entry(value: str, background: bool = False, conflicts: int = 0) -> dict:
    return {"date": {"value": value}, "background": background, "n_conflicts": conflicts, "label": value,
            "summary": "s"}


def test_time_axis_cuts_long_quiet_stretches_and_sets_history_apart():
    axis = layout([entry("1989", background=True), entry("2021-07-07"), entry("2021-07-08", conflicts=1),
                   entry("2021-08"), entry("2021-10-20"), entry("2024-10-04")])
    assert axis is not None and axis.early and len(axis.spans) == 2 and len(axis.breaks) == 1
    by_index = {m.index: m for m in axis.marks}
    assert by_index[0].x < axis.spans[0][0]  # 1989: in the "earlier" band
    assert by_index[1].x < by_index[2].x < by_index[3].x < by_index[4].x < by_index[5].x
    assert by_index[3].kind == "range" and by_index[1].kind == "point" and by_index[2].conflict
    assert axis.spans[1][0] <= by_index[5].x <= axis.spans[1][1]
    assert [t.label for t in axis.ticks][:1] and all(0 < t.x < 1000 for t in axis.ticks)
    assert layout([entry("PRESENT_REF")]) is None
    one = layout([entry("2021-10-20")])
    assert one is not None and len(one.spans) == 1 and not one.early
    assert datetime.date(2021, 10, 20).year == 2021


def test_a_long_timeline_pages_under_one_axis(site, monkeypatch):
    import linimasa.web

    monkeypatch.setattr(linimasa.web, "TIMELINE_PAGE", 4)
    story = site.get("/api/stories?sort=size").json()["items"][0]["id"]
    first = html(site, f"/stories/{story}")
    assert first.count('<li class="tl-entry') == 4 and "later →" in first
    marks = re.findall(r'<a href="([^"]*)#t-(\d+)" class="axis-mark', first)
    assert len(marks) > 4 and all((q == "") == (int(i) < 4) for q, i in marks)  # other pages' marks link there
    second = html(site, f"/stories/{story}?cursor=4")
    assert 'id="t-4"' in second and "← earlier" in second


def test_a_sentence_two_articles_wrote_is_quoted_once_citing_both(tmp_path):
    """A copy tells its original's sentences again: the story page quotes each once, citing (and
    linking) every article that wrote it."""
    from starlette.testclient import TestClient

    import linimasa
    from linimasa.api import create_app

    body = ("Jakarta, Senin (16/6/2025) - Polisi menangkap dua pelaku perampokan toko emas di Kota Contoh pada "
            "Senin (16/6/2025). Kapolres Contoh mengatakan kedua pelaku kini ditahan di Polres Contoh.\n\n"
            "Kedua pelaku ditangkap setelah polisi memeriksa rekaman kamera pengawas di sekitar toko emas itu.\n")
    texts = ["Polisi Tangkap Perampok Toko Emas\n\n" + body,
             "Dua Perampok Toko Emas Ditangkap\n\nBaca juga: Harga Emas Hari Ini\n\n" + body]
    db = tmp_path / "copies.db"
    corpus = linimasa.process(texts, store=str(db))
    story = corpus.articles[0].story
    assert story and corpus.articles[1].story == story
    with TestClient(create_app(str(db), read_only=True)) as client:
        page = html(client, f"/stories/{story}")
    quoted = re.findall(r'<blockquote class="quote">(.*?)</blockquote>', page, re.S)
    arrests = [q for q in quoted if "menangkap" in q]
    assert len(arrests) == 1
    assert len(re.findall(r'href="/articles/', arrests[0])) == 2
