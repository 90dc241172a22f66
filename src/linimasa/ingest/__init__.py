"""Ingest: inputs in, `Article`s out.

A `Source` is one input: a text file, an HTML page (`linimasa.ingest.html`), a CSV/TSV/JSONL table
(`linimasa.ingest.table`, one article per row), a WARC archive (`linimasa.ingest.warc`, one article
per HTML response), or a URL or feed to fetch (`linimasa.ingest.web`); `Source.articles()` yields
its articles. What a file is comes from its name (`.html`, `.htm`, `.csv`, `.tsv`, `.jsonl`, `.warc`,
each optionally `.gz`), else from its content (a page is sniffed as HTML); in a folder, a file that
is none of these is skipped with a warning naming it.

The article id is the sha1 of the raw bytes, so the same file ingested twice (under any name) is
one article. Decoding tries what scraped files actually come in (UTF-8, UTF-8 or UTF-16 with a BOM)
and falls back to cp1252, recording which was used. Inputs that are not text at all (an image
renamed .txt) are refused with `NotAnArticle`; text that is merely damaged becomes an article with an
`errors` entry, so that nothing is silently lost.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linimasa.model import Article

MAX_BYTES = 10 * 1024 * 1024
"""Larger inputs are not read: no news article is 10 MB of text, and reading one would stall a batch."""

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


class NotAnArticle(ValueError):
    """The input is not text (an image, an archive...): it is skipped, with a warning that names it."""


KINDS = ("text", "html", "csv", "tsv", "jsonl", "warc", "url", "feed")
_SUFFIX_KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".rss": "feed", ".atom": "feed",
}


def kind_of_name(name: str) -> str | None:
    """What a file is by its name ("page.html.gz" -> "html"); None when the name does not say."""
    p = Path(name.lower())
    suffix = p.suffix
    if suffix == ".gz":
        suffix = Path(p.stem).suffix
    return _SUFFIX_KINDS.get(suffix)


@dataclass(frozen=True)
class Source:
    """Something to ingest: a file path, or '-' for stdin, or a name plus in-memory bytes.

    `kind` says what it is (one of `KINDS`); None: decided from the name, else the content (a file
    named on the command line is text unless it is HTML; in a folder, it is skipped unless it is
    HTML). `columns` maps fields to a table's columns (`--map`); `in_folder` says it was found by
    walking a folder; `fetcher` (a `linimasa.ingest.web.Fetcher`) fetches URLs and feeds."""

    name: str
    data: bytes | None = None
    path: Path | None = None
    kind: str | None = None
    columns: tuple[tuple[str, str], ...] = ()
    in_folder: bool = False
    fetcher: Any = None

    def read(self, max_bytes: int = MAX_BYTES) -> bytes:
        """The raw bytes; raises OSError if the file vanished or cannot be read, ValueError if too big."""
        if self.data is not None:
            return _gunzip(self.data, self.name, max_bytes)
        if self.path is None:
            return _gunzip(sys.stdin.buffer.read(max_bytes + 1), self.name, max_bytes)
        size = self.path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(size, max_bytes)
        with self.path.open("rb") as f:
            return _gunzip(f.read(max_bytes + 1), self.name, max_bytes)

    def articles(self) -> Iterator[Article | Exception]:
        """The articles this source holds. Raises `NotAnArticle` (skipped, with a warning) for what is
        not an input linimasa reads, OSError/ValueError for what cannot be read; a feed entry that
        cannot be fetched is yielded as a `NotAnArticle` and the rest of the feed goes on."""
        kind = self.kind or kind_of_name(self.name)
        if kind in ("csv", "tsv", "jsonl"):
            from linimasa.ingest.table import TableError, iter_table

            try:
                yield from iter_table(self.path, self.data, self.name, kind, self.columns)
            except TableError as e:
                raise NotAnArticle(f"{self.name}: {e}; skipped") from None
            return
        if kind == "warc":
            from linimasa.ingest.warc import WarcError, iter_warc

            try:
                yield from iter_warc(self.path, self.data, self.name, MAX_BYTES)
            except WarcError as e:
                raise NotAnArticle(f"{self.name}: {e}; skipped") from None
            return
        if kind in ("url", "feed"):
            from linimasa.ingest.web import iter_web

            yield from iter_web(self, kind)
            return
        data = self.read()
        if kind is None and _is_feed(data):
            from linimasa.ingest.web import iter_web

            yield from iter_web(Source(self.name, data=data, kind="feed", fetcher=self.fetcher), "feed")
            return
        if kind == "html" or (kind in (None, "text") and _is_html(data)):
            what = sniff_binary(data)
            if what:
                raise NotAnArticle(f"{self.name}: not an HTML page ({what}); skipped")
            from linimasa.ingest.html import html_article

            yield html_article(data, self.name)
            return
        if kind is None and self.in_folder:
            raise NotAnArticle(
                f"{self.name}: not a text file, an HTML page, a table (.csv, .tsv, .jsonl) or a web archive"
                " (.warc); skipped"
            )
        yield ingest_bytes(data, self.name)


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    if not (data.startswith(b"\x1f\x8b") and name.lower().endswith(".gz")):
        return data
    import zlib

    d = zlib.decompressobj(wbits=31)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as e:
        raise ValueError(f"not a readable gzip file ({e})") from None
    if len(out) > max_bytes:
        raise InputTooLarge(len(out), max_bytes)
    return out


def _is_feed(data: bytes) -> bool:
    """An RSS or Atom document (a `.xml` file, or one with no telling name)."""
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed")) and (b"<rss" in head or b"<feed" in head)


def _is_html(data: bytes) -> bool:
    from linimasa.ingest.html import looks_like_html

    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return looks_like_html(decode(head)[0])
    return looks_like_html(head.decode("latin-1"))


class InputTooLarge(ValueError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size / 1e6:.1f} MB is over the {limit / 1e6:.0f} MB limit for one article; not read")
        self.size = size


def decode(data: bytes) -> tuple[str, str]:
    """Decode scraped bytes; returns (text, encoding name). Never raises."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is lost.
        return data.decode("latin-1"), "latin-1"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_binary(data: bytes) -> str | None:
    """What binary thing the bytes are, or None if they look like text."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return what
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text is full of NULs; its BOM says so
    head = data[:4096]
    if head and head.count(0) > len(head) // 100:
        return "binary data (NUL bytes)"
    return None


def article_id(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def ingest_bytes(data: bytes, source: str) -> Article:
    """Turn raw bytes into an `Article` with `raw` text ready for cleaning.

    Raises `NotAnArticle` for binary input; empty or damaged text gives an article with `errors`.
    """
    what = sniff_binary(data)
    if what:
        raise NotAnArticle(f"{source}: not a text article ({what}); skipped")
    text, encoding = decode(data)
    art = Article(id=article_id(data), source=source, raw=normalise_newlines(text), encoding=encoding)
    if encoding in ("cp1252", "latin-1"):
        art.errors.append(f"ingest: not valid UTF-8; decoded as {encoding}")
    elif "\ufffd" in text:
        art.errors.append("ingest: invalid bytes replaced with U+FFFD")
    if not art.raw.strip():
        art.errors.append("ingest: empty input (no text)")
    return art


def ingest_text(text: str, source: str = "<text>") -> Article:
    """Ingest a Python string (the id is the sha1 of its UTF-8 bytes)."""
    return ingest_bytes(text.encode("utf-8"), source)


def iter_sources(
    paths: Iterable[str | os.PathLike[str]],
    pattern: str | None = None,
    columns: tuple[tuple[str, str], ...] = (),
    fetcher: Any = None,
) -> Iterator[Source]:
    """What to ingest: folders are walked recursively (every file but hidden ones, or only those
    matching `pattern`), '-' is stdin, http(s) URLs are fetched, files are taken as given. A path
    that does not exist is still yielded, so that reading it fails and is reported rather than
    silently dropped."""
    for p in paths:
        text = str(p)
        if text == "-":
            yield Source(name="-", path=None, columns=columns)
            continue
        if text.startswith(("http://", "https://")):
            yield Source(name=text, kind="url", fetcher=fetcher)
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob(pattern or "*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    yield Source(name=str(f), path=f, columns=columns, in_folder=True, fetcher=fetcher)
        else:
            yield Source(name=str(path), path=path, columns=columns, fetcher=fetcher)
