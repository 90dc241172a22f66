"""HTML pages: main-content extraction with trafilatura, then linimasa's cleaning on the result.

trafilatura finds the article's text blocks (dropping menus, footers, comments, scripts); the text it
returns, headed by the page's title, is the article's `raw`, which the clean stage then labels with
linimasa's own rules ("Baca juga", dateline prefixes, glued SEO tags...). The page's own metadata
(`<title>`/`og:title`, `og:site_name`, `article:published_time`, JSON-LD, `<meta name="author">`,
the canonical URL) is given metadata (see `linimasa.ingest.given`). A page with no article text (an
index page, a 404 page, a broken file) becomes an article with an `errors` entry saying so.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from linimasa.ingest.given import apply_given
from linimasa.model import Article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(
    r"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)",
    re.I | re.S,
)
_ERROR_PAGE = re.compile(
    r"\b(?:404|403|500|not found|page not found|halaman tidak ditemukan|tidak ditemukan|access denied|forbidden)\b",
    re.I,
)
MIN_ARTICLE_WORDS = 15
"""Fewer words of text than this (after the title) and the page is no article: an index, an error page."""
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _word_count(text: str) -> int:
    """Words, counting Chinese and Japanese (written without spaces) as one word in two characters."""
    return len(text.split()) + sum(len(m) // 2 for m in _CJK_RUN.findall(text))


_HTML_TAGS = re.compile(r"<(?:p|div|br|a|span|h[1-6]|script|article)[\s>/]", re.I)


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page (a doctype or <html>/<head>/<body> opening it, or dense
    markup), rather than article text that happens to mention a tag."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 5


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode a page: a BOM, else UTF-8 when the bytes are valid UTF-8 (pages saved as UTF-8 keep
    the <meta charset> they were served with), else the charset the server sent, else the page's
    <meta charset>, else cp1252. Returns (text, encoding)."""
    from linimasa.ingest import decode

    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data)
    try:  # bytes that are valid UTF-8 are UTF-8, whatever a stale <meta charset> claims
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    for enc in (_codec(charset), _codec(m.group(1).decode("ascii", "replace")) if m else None):
        if enc:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return data.decode(enc, errors="replace"), enc
    return decode(data)


def _extract(html: str, url: str | None) -> Any:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings are ours to report
    return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)


def html_article(data: bytes, source: str, url: str | None = None, charset: str | None = None,
                 given: dict[str, Any] | None = None, article_id: str | None = None) -> Article:
    """An article from the bytes of an HTML page; `given` (a feed's or a CSV's metadata) wins over
    the page's own. Never raises for a bad page: the article carries an `errors` entry instead."""
    from linimasa.ingest import article_id as sha1_id
    from linimasa.ingest import normalise_newlines

    html, encoding = decode_html(data, charset)
    art = Article(id=article_id or sha1_id(data), source=source, encoding=encoding)
    art.given["format"] = "html"
    if not html.strip():
        art.errors.append("ingest: empty HTML page")
        return apply_given(art, given or {})
    try:
        doc = _extract(html, url)
    except Exception as e:  # trafilatura/lxml on a broken page: this page fails, the batch goes on
        art.errors.append(f"ingest: the HTML page cannot be parsed ({type(e).__name__}: {e})")
        return apply_given(art, given or {})
    text = normalise_newlines(getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        art.errors.append("ingest: no article text found in the HTML page (an index or error page, or not an article)")
        return apply_given(art, {"url": url, **(given or {})})
    title = " ".join((doc.title or "").split())
    first = text.split("\n", 1)[0].strip()
    # the title heads the text, as a scraper would have saved it, so that the cleaner labels it title
    art.raw = text + "\n" if (not title or first == title) else f"{title}\n\n{text}\n"
    words = _word_count(text) - (_word_count(first) if first == title else 0)
    if words < MIN_ARTICLE_WORDS:
        what = "an error page" if _ERROR_PAGE.search(f"{title} {text[:200]}") else "an index or empty page?"
        art.errors.append(f"ingest: not an article: the page holds {words} words of text ({what})")
    page = {
        "url": doc.url or url,
        "title": title,
        "outlet": doc.sitename,
        "authors": doc.author,
        "published": doc.date,
    }
    return apply_given(art, {**page, **{k: v for k, v in (given or {}).items() if v}})
