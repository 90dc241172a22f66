"""URLs and RSS/Atom feeds: fetched politely, kept so that a re-run does not fetch again.

`Fetcher` wraps httpx: a timeout, retries with back-off on connection errors, timeouts, 429 and 5xx,
redirects followed, a user agent naming linimasa, robots.txt respected (per host, read once), and at
most one request per `min_interval` seconds to a host. The raw bytes, the headers and the final URL
of every page fetched are kept in a cache folder (`<sha1 of the URL>.body` and `.json`), so a re-run
reads them from there; `refetch=True` (`--refetch`) fetches again. A feed (RSS 2.0, Atom: parsed by
feedparser) is always fetched again, and each of its entries' links is fetched as a URL (from the
cache when already fetched, so re-reading a feed only fetches new entries); the feed's title, dates
and authors are the entries' given metadata.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linimasa.model import Article

if TYPE_CHECKING:
    import urllib.robotparser

    from linimasa.ingest import Source

USER_AGENT = "linimasa/0.1 (+https://github.com/linimasa; news-intelligence research crawler)"
ROBOTS_AGENT = "linimasa"
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "application/feed+json")


class FetchError(ValueError):
    """A URL that cannot be fetched (the message says why); the input is skipped with a warning."""


@dataclass
class Fetched:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    from_cache: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        ctype = self.headers.get("content-type", "")
        if "charset=" in ctype.lower():
            return ctype.lower().split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
        return None


@dataclass
class Fetcher:
    """Fetches URLs for a batch (see the module's doc). `client` replaces the httpx client (tests)."""

    cache_dir: str | Path | None = None
    refetch: bool = False
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 0.5
    min_interval: float = 1.0
    user_agent: str = USER_AGENT
    max_bytes: int = 10 * 1024 * 1024
    respect_robots: bool = True
    client: Any = None
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    """Every URL actually requested from the network, in order (what the cache saved is not here)."""

    def _client(self) -> Any:
        if self.client is None:
            import httpx

            self.client = httpx.Client(
                timeout=self.timeout, follow_redirects=True, max_redirects=5,
                headers={"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,"
                         "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
            )
        return self.client

    def _cache_paths(self, url: str) -> tuple[Path, Path] | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha1(url.encode("utf-8")).hexdigest()
        base = Path(self.cache_dir)
        return base / f"{key}.body", base / f"{key}.json"

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = self.min_interval - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last[host] = time.monotonic()

    def _get(self, url: str) -> tuple[Any, bytes]:
        """One GET with retries and the per-host rate limit; returns the httpx response and its body."""
        import httpx

        host = urllib.parse.urlsplit(url).netloc.lower()
        error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_turn(host)
            self.requests.append(url)
            try:
                with self._client().stream("GET", url) as resp:
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_bytes():
                        chunks.append(chunk)
                        size += len(chunk)
                        if size > self.max_bytes:
                            raise FetchError(f"{url}: larger than {self.max_bytes / 1e6:.0f} MB; not read")
                    content = b"".join(chunks)
            except httpx.TimeoutException:
                error = f"no answer within {self.timeout:g} s"
                continue
            except httpx.TooManyRedirects:
                raise FetchError(f"{url}: too many redirects") from None
            except (httpx.TransportError, httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
                error = f"{type(e).__name__}: {e}"
                continue
            if resp.status_code == 429 or resp.status_code >= 500:
                error = f"the server answered {resp.status_code} {resp.reason_phrase}"
                continue
            return resp, content
        tries = self.retries + 1
        raise FetchError(f"{url}: cannot fetch it ({error}, {tries} tr{'ies' if tries > 1 else 'y'})")

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets linimasa fetch `url` (no robots.txt: yes)."""
        if not self.respect_robots:
            return True
        parts = urllib.parse.urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            # here, not at the top: it imports urllib.request, http.client and email (~40 ms), which
            # a run over local files (every run builds a Fetcher) never needs
            from urllib.robotparser import RobotFileParser

            parser: RobotFileParser | None = RobotFileParser()
            try:
                resp, body = self._get(f"{root}/robots.txt")
            except FetchError:
                parser = None  # unreachable robots.txt: nothing forbids
            else:
                if resp.status_code in (401, 403):
                    parser.disallow_all = True  # type: ignore[union-attr]
                elif resp.status_code >= 400:
                    parser = None
                else:
                    parser.parse(body.decode("utf-8", errors="replace").splitlines())  # type: ignore[union-attr]
            self._robots[root] = parser
        parser = self._robots[root]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    def fetch(self, url: str, use_cache: bool = True) -> Fetched:
        """The page at `url`, from the cache when it is there (unless `refetch`). Raises FetchError."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"{url}: only http:// and https:// URLs can be fetched")
        paths = self._cache_paths(url)
        if paths and use_cache and not self.refetch and paths[0].exists() and paths[1].exists():
            meta = json.loads(paths[1].read_text(encoding="utf-8"))
            return Fetched(url, meta["final_url"], meta["status"], meta["headers"], paths[0].read_bytes(), True)
        if not self.allowed(url):
            raise FetchError(f"{url}: robots.txt of {parts.netloc} forbids fetching it")
        resp, content = self._get(url)
        if resp.status_code >= 400:
            raise FetchError(f"{url}: the server answered {resp.status_code} {resp.reason_phrase}")
        headers = {k.lower(): v for k, v in resp.headers.items()}
        got = Fetched(url, str(resp.url), resp.status_code, headers, content)
        if paths:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            paths[0].write_bytes(got.content)
            meta = {"url": url, "final_url": got.final_url, "status": got.status, "headers": headers,
                    "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
            paths[1].write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        return got

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None


def _is_feed(got: Fetched) -> bool:
    if got.content_type in _FEED_TYPES:
        return True
    head = got.content[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in got.content[:4096].lower() or b"<feed" in
                                          got.content[:4096].lower())


def page_article(got: Fetched, source: str, given: dict[str, Any] | None = None) -> Article:
    """The article of a fetched page (HTML, or plain text)."""
    from linimasa.ingest import NotAnArticle, ingest_bytes
    from linimasa.ingest.given import apply_given
    from linimasa.ingest.html import html_article, looks_like_html

    g = dict(given or {})
    if got.content_type in ("text/html", "application/xhtml+xml") or (
        got.content_type in ("", "application/octet-stream") and looks_like_html(got.content[:4096].decode("latin-1"))
    ):
        return html_article(got.content, source, url=got.final_url, charset=got.charset, given=g)
    if got.content_type == "text/plain":
        art = ingest_bytes(got.content, source)
        return apply_given(art, {"url": got.final_url, **g})
    raise NotAnArticle(f"{source}: {got.content_type or 'content of no type'} is not an article page; skipped")


def _struct_iso(t: Any) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%S", t) if t else None


def feed_entries(content: bytes) -> tuple[str | None, list[dict[str, Any]]]:
    """(feed title, entries as {"url", "title", "authors", "published"}) of an RSS/Atom document."""
    import feedparser

    doc = feedparser.parse(content)
    if doc.bozo and not doc.entries:
        raise FetchError(f"not a readable feed ({doc.get('bozo_exception')})")
    outlet = doc.feed.get("title")
    out: list[dict[str, Any]] = []
    for e in doc.entries:
        authors = [a.get("name") for a in e.get("authors", []) if a.get("name")] or e.get("author")
        out.append({
            "url": e.get("link"),
            "title": e.get("title"),
            "authors": authors,
            "published": _struct_iso(e.get("published_parsed") or e.get("updated_parsed")),
            "outlet": outlet,
        })
    return outlet, out


def iter_web(source: Source, kind: str) -> Iterator[Article | Exception]:
    """The articles of a URL (a page, or a feed's entries) or of a feed file; an entry that cannot be
    fetched is yielded as a `NotAnArticle` (the batch warns and goes on)."""
    from linimasa.ingest import NotAnArticle

    fetcher: Fetcher = source.fetcher or Fetcher()
    if kind == "feed" and not source.name.startswith(("http://", "https://")):
        content = source.read()
    else:
        try:
            # a feed is read afresh every time; a page comes from the cache when it is there
            got = fetcher.fetch(source.name, use_cache=kind != "feed")
        except FetchError as e:
            raise NotAnArticle(f"{e}; skipped") from None
        if not _is_feed(got):
            yield page_article(got, source.name)
            return
        if got.from_cache:  # a feed cached as a page: read it again
            try:
                got = fetcher.fetch(source.name, use_cache=False)
            except FetchError as e:
                raise NotAnArticle(f"{e}; skipped") from None
        content = got.content
    try:
        _, entries = feed_entries(content)
    except FetchError as e:
        raise NotAnArticle(f"{source.name}: {e}; skipped") from None
    for entry in entries:
        link = entry.pop("url")
        if not link:
            continue
        try:
            got = fetcher.fetch(link)
            yield page_article(got, link, given=entry)
        except (FetchError, NotAnArticle) as e:
            yield NotAnArticle(f"{e}; skipped" if isinstance(e, FetchError) else str(e))
