"""What `POST /api/ingest` accepts: article text, an HTML page, or URLs to fetch, turned into the
`Source`s a batch reads.

HTML becomes text the way a scraper would have saved it: the page title first, then one line per
block (paragraph, heading, list item...), with scripts, styles and other non-text elements dropped;
the cleaning stage then labels the menus and boilerplate as it does for any scraped page. URLs are
fetched with a timeout and a size limit, http and https only, and by default never from loopback,
private or link-local addresses (nor redirected there), so a server reachable by others cannot be
used to read the machine's own network.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from typing import Any

from linimasa.ingest import Source

MAX_ITEMS = 100
"""Articles in one request: a bigger batch belongs to `linimasa run`."""
FETCH_TIMEOUT_S = 15

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "math",
                   "nav", "footer", "aside", "form", "button", "select"})
_BLOCK = frozenset({
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section", "header",
    "footer", "nav", "aside", "blockquote", "figcaption", "figure", "tr", "table", "pre", "main", "dd", "dt",
    "hr", "form", "address", "details", "summary", "caption",
})


class IngestError(ValueError):
    """The request cannot be ingested as sent; the message says why (a 400)."""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.in_title = False
        self.h1: str | None = None
        self.in_h1 = False

    def _flush(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "h1" and self.h1 is None and not self.skip:
            self._flush()
            self.in_h1 = True
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1 = " ".join("".join(self.current).split())
            self.current = []
            return
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """The headline (the first <h1>, else the <title>), a blank line, then the page's text blocks, one
    per line; navigation, footers, forms and scripts are left out."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    title = parser.h1 or " ".join("".join(parser.title).split())
    lines = [ln for ln in parser.lines if ln != title]
    return (f"{title}\n\n" if title else "") + "\n".join(lines) + "\n"


def _check_host(url: str, allow_private: bool) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(f"{url}: only http:// and https:// URLs can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as e:
        raise IngestError(f"{url}: cannot resolve {parts.hostname} ({e})") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not ip.is_global or ip.is_multicast:
            raise IngestError(f"{url}: {parts.hostname} is a loopback, private or reserved address"
                              " (serve with --allow-private-urls to fetch from it)")


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        _check_host(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, max_bytes: int, allow_private: bool = False) -> bytes:
    """The article text behind a URL (HTML turned into text lines)."""
    _check_host(url, allow_private)
    opener = urllib.request.build_opener(_Redirects(allow_private))
    req = urllib.request.Request(url, headers={"User-Agent": "linimasa", "Accept": "text/html, text/plain"})
    try:
        with opener.open(req, timeout=FETCH_TIMEOUT_S) as resp:
            data = resp.read(max_bytes + 1)
            ctype = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as e:
        raise IngestError(f"{url}: the server answered {e.code} {e.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise IngestError(f"{url}: cannot fetch it ({getattr(e, 'reason', e)})") from None
    if len(data) > max_bytes:
        raise IngestError(f"{url}: larger than {max_bytes} bytes")
    if ctype in ("text/html", "application/xhtml+xml"):
        try:
            text = data.decode(charset, errors="replace")
        except LookupError:
            text = data.decode("utf-8", errors="replace")
        return html_to_text(text).encode("utf-8")
    if ctype == "text/plain":
        return data
    raise IngestError(f"{url}: {ctype} is not an article (text/html or text/plain)")


def sources_from_body(body: bytes, content_type: str, max_bytes: int, allow_private: bool = False) -> list[Source]:
    """The sources a request body names. JSON: {"texts": [...], "html": [...], "urls": [...]};
    text/plain: one article; text/html: one page; text/uri-list: URLs, one per line."""
    import json

    ctype = content_type.split(";")[0].strip().lower() or "text/plain"
    texts: list[Any]
    pages: list[Any]
    urls: list[Any]
    if ctype == "application/json":
        try:
            doc = json.loads(body)
        except (ValueError, UnicodeDecodeError) as e:
            raise IngestError(f"the body is not valid JSON ({e})") from None
        if not isinstance(doc, dict) or not set(doc) <= {"texts", "html", "urls"}:
            raise IngestError('the JSON body must be an object with "texts", "html" and/or "urls": lists of strings')
        texts, pages, urls = doc.get("texts", []), doc.get("html", []), doc.get("urls", [])
        for name, items in (("texts", texts), ("html", pages), ("urls", urls)):
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                raise IngestError(f'"{name}" must be a list of strings')
    elif ctype == "text/plain":
        texts, pages, urls = [body.decode("utf-8", errors="replace")], [], []
    elif ctype == "text/html":
        texts, pages, urls = [], [body.decode("utf-8", errors="replace")], []
    elif ctype == "text/uri-list":
        lines = body.decode("utf-8", errors="replace").splitlines()
        texts, pages, urls = [], [], [u.strip() for u in lines if u.strip() and not u.startswith("#")]
    else:
        raise IngestError(f"cannot ingest {ctype}: send application/json, text/plain, text/html or text/uri-list")
    n = len(texts) + len(pages) + len(urls)
    if n == 0:
        raise IngestError("nothing to ingest: the body names no article")
    if n > MAX_ITEMS:
        raise IngestError(f"{n} articles in one request; at most {MAX_ITEMS} (use `linimasa run` for more)")
    out: list[Source] = []
    for i, t in enumerate(texts):
        if not t.strip():
            raise IngestError(f"texts[{i}] is empty")
        out.append(Source(name=f"api:text:{i}", data=t.encode("utf-8")))
    for i, h in enumerate(pages):
        out.append(Source(name=f"api:html:{i}", data=html_to_text(h).encode("utf-8")))
    for u in urls:
        out.append(Source(name=u, data=fetch(u, max_bytes, allow_private)))
    return out


__all__ = ["MAX_ITEMS", "IngestError", "fetch", "html_to_text", "sources_from_body"]
