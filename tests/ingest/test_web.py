"""URLs and feeds against a local HTTP server the tests start (no network)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from linimasa.cli import main
from linimasa.ingest import NotAnArticle, Source, iter_sources
from linimasa.ingest.web import USER_AGENT, Fetcher, FetchError
from tests.ingest.test_formats import PAGE, PLAIN_PAGE, _process

LATIN = (
    "<html><head><title>Kafe di Bandung</title></head><body><article><h1>Kafe di Bandung</h1>"
    "<p>Sebuah kafé baru di Bandung menyajikan kopi dari petani lokal dengan harga terjangkau bagi"
    " mahasiswa dan pekerja muda yang ramai datang setiap sore.</p>"
    "<p>Pemiliknya berkata “kami ingin petani mendapat harga yang adil” kepada wartawan pada Selasa.</p>"
    "</article></body></html>"
)


def _rss(base: str) -> str:
    items = [
        ("Prabowo Bertemu Lavrov", f"{base}/berita/1", "Tue, 17 Jun 2025 02:30:00 GMT", "Budi Santoso"),
        ("Banjir di Semarang", f"{base}/berita/2", "Mon, 03 Feb 2025 04:05:06 GMT", "Ani"),
        ("Hilang", f"{base}/hilang", "Mon, 03 Feb 2025 04:05:06 GMT", ""),
    ]
    body = "".join(
        f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate><author>{a}</author></item>"
        for t, u, d, a in items
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Warta Contoh</title>'
            f"<link>{base}/</link>{body}</channel></rss>")


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter] = Counter()
    agents: ClassVar[list[str]] = []

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        type(self).hits[path] += 1
        type(self).agents.append(self.headers.get("User-Agent", ""))
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/berita/1":
            self._send(200, PAGE.encode())
        elif path == "/berita/2":
            self._send(200, PLAIN_PAGE.encode())
        elif path == "/latin":
            self._send(200, LATIN.encode("cp1252"), "text/html; charset=windows-1252")
        elif path == "/lama":
            self._send(301, b"", Location="/berita/1")
        elif path == "/hilang":
            self._send(404, b"<html><body>404 Not Found</body></html>")
        elif path == "/lambat":
            time.sleep(1.5)
            self._send(200, PAGE.encode())
        elif path == "/flaky":
            if type(self).hits[path] == 1:
                self._send(503, b"busy")
            else:
                self._send(200, PLAIN_PAGE.encode())
        elif path == "/private/rahasia":
            self._send(200, PAGE.encode())
        elif path == "/feed.xml":
            self._send(200, _rss(base).encode(), "application/rss+xml")
        elif path == "/gambar.png":
            self._send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        else:
            self._send(404, b"not found")


@pytest.fixture
def server():
    _Handler.hits = Counter()
    _Handler.agents = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _fetcher(tmp_path, **kw):
    return Fetcher(cache_dir=tmp_path / "cache", timeout=0.5, retries=1, backoff=0.01, min_interval=0, **kw)


def _articles(url, fetcher):
    return list(Source(name=url, kind="url", fetcher=fetcher).articles())


def test_page_is_fetched_once_then_read_from_the_cache(server, tmp_path):
    f = _fetcher(tmp_path)
    (a,) = _articles(f"{server}/berita/1", f)
    assert a.title == "Prabowo Bertemu Lavrov di Istana" and a.source == f"{server}/berita/1"
    assert a.given["published"] == "2025-06-17" and "Sergey Lavrov" in a.raw
    (b,) = _articles(f"{server}/berita/1", _fetcher(tmp_path))
    assert b.id == a.id
    assert _Handler.hits["/berita/1"] == 1 and _Handler.hits["/robots.txt"] == 1
    assert all(ua == USER_AGENT for ua in _Handler.agents) and "linimasa" in USER_AGENT
    _articles(f"{server}/berita/1", _fetcher(tmp_path, refetch=True))
    assert _Handler.hits["/berita/1"] == 2


def test_redirect_is_followed_and_the_final_url_recorded(server, tmp_path):
    (a,) = _articles(f"{server}/lama", _fetcher(tmp_path))
    assert a.source == f"{server}/lama" and a.given["url"].endswith("/read/2025/06/17/1/prabowo-lavrov")
    assert _Handler.hits["/berita/1"] == 1


def test_charset_from_the_headers(server, tmp_path):
    (a,) = _articles(f"{server}/latin", _fetcher(tmp_path))
    assert "kafé" in a.raw and "“kami" in a.raw and a.encoding == "cp1252"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/hilang", "answered 404"),
        ("/lambat", "no answer within 0.5 s"),
        ("/private/rahasia", "robots.txt"),
        ("/gambar.png", "not an article"),
    ],
)
def test_failures_are_skipped_with_a_reason(server, tmp_path, path, message):
    with pytest.raises(NotAnArticle, match=message):
        _articles(f"{server}{path}", _fetcher(tmp_path))
    if path == "/private/rahasia":
        assert _Handler.hits[path] == 0


def test_retry_with_backoff(server, tmp_path):
    (a,) = _articles(f"{server}/flaky", _fetcher(tmp_path))
    assert _Handler.hits["/flaky"] == 2 and "Genuk" in a.raw


def test_per_host_rate_limit(server, tmp_path):
    f = Fetcher(cache_dir=None, min_interval=0.3, respect_robots=False)
    start = time.monotonic()
    f.fetch(f"{server}/berita/1")
    f.fetch(f"{server}/berita/2")
    f.fetch(f"{server}/latin")
    assert time.monotonic() - start >= 0.6


def test_only_http_urls():
    with pytest.raises(FetchError, match="only http"):
        Fetcher().fetch("file:///etc/passwd")


def test_feed_entries_are_fetched_with_the_feeds_metadata(server, tmp_path):
    f = _fetcher(tmp_path)
    items = _articles(f"{server}/feed.xml", f)
    arts = [x for x in items if not isinstance(x, Exception)]
    errors = [x for x in items if isinstance(x, Exception)]
    assert [a.source for a in arts] == [f"{server}/berita/1", f"{server}/berita/2"]
    one, two = arts
    assert one.given["outlet"] == "Warta Contoh" or one.outlet == "Kompas.com"
    assert (two.title, two.outlet, two.authors) == ("Banjir di Semarang", "Warta Contoh", ["Ani"])
    assert two.given["published"] == "2025-02-03T04:05:06"
    (two,) = _process([two])
    assert (two.published.value, two.published.how) == ("2025-02-03T04:05", "metadata")
    assert len(errors) == 1 and "404" in str(errors[0])
    # re-reading the feed fetches the feed again, but not the entries already fetched
    _articles(f"{server}/feed.xml", _fetcher(tmp_path))
    assert _Handler.hits["/feed.xml"] == 2 and _Handler.hits["/berita/1"] == 1


def test_cli_urls_and_feeds(server, tmp_path, capsys):
    db = str(tmp_path / "x.db")
    links = tmp_path / "links.txt"
    links.write_text(f"# daftar\n{server}/berita/2\n{server}/latin\n")
    rc = main(["run", f"{server}/berita/1", "--urls", str(links), "--db", db, "--cache", str(tmp_path / "c"),
               "--delay", "0"])
    assert rc == 0
    assert "3 new" in capsys.readouterr().out
    rc = main(["run", f"{server}/feed.xml", "--db", db, "--cache", str(tmp_path / "c"), "-q",
               "--delay", "0"])
    err = capsys.readouterr().err
    assert rc == 1 and "hilang" in err  # the feed's 404 entry is named; the others were stored already
    assert _Handler.hits["/berita/1"] == 1
    assert [s.kind for s in iter_sources([f"{server}/x"])] == ["url"]


def test_a_feed_file_in_a_folder(server, tmp_path):
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "warta.xml").write_text(_rss(server))
    f = _fetcher(tmp_path)
    items = [x for s in iter_sources([folder], fetcher=f) for x in s.articles()]
    assert [a.source for a in items if not isinstance(a, Exception)] == [f"{server}/berita/1", f"{server}/berita/2"]
