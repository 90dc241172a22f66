"""Ingest: inputs in, `Article`s out.

A `Source` is one input: a text file, an HTML page (`linimasa.ingest.html`), a CSV/TSV/JSONL table
(`linimasa.ingest.table`, one article per row), a WARC archive (`linimasa.ingest.warc`, one article
per HTML response), or a URL or feed to fetch (`linimasa.ingest.web`); `Source.articles()` yields
its articles. What a file is comes from its name (`.html`, `.htm`, `.csv`, `.tsv`, `.jsonl`, `.warc`,
each optionally `.gz`), else from its content (a page is sniffed as HTML); in a folder, a file that
is none of these is skipped with a warning naming it.

The article id is the sha1 of the raw bytes, so the same file ingested twice (under any name) is
one article. Decoding tries what scraped files actually come in and records which was used:

- a byte-order mark says UTF-8, UTF-16 or UTF-32;
- UTF-16 without one is recognised by its NUL bytes on every other position (Latin text);
- otherwise the text is UTF-8. Bytes that are not valid UTF-8 are replaced where they stand, one
  U+FFFD per bad sequence, and counted in an `errors` entry, so that one stray byte no longer turns
  the whole article into cp1252 mojibake ("CafÃ©");
- unless the bytes really are cp1252 (Windows-1252): no valid multi-byte UTF-8 anywhere, or far
  fewer than the bytes that fit no UTF-8 sequence, and every byte defined in cp1252.

NUL and the other C0 control characters but tab and line breaks (and DEL) are removed from the
text with a note; a vertical tab or form feed becomes a line break. Inputs that are not text at all
(an image renamed .txt) are refused with `NotAnArticle`; text that is merely damaged becomes an
article with an `errors` entry, so that nothing is silently lost. One size limit (`MAX_BYTES`) holds
for files, stdin and bytes or texts given to the Python API.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linimasa.model import Article

MAX_BYTES = 10 * 1024 * 1024
"""Larger inputs are not read (files, stdin, API input alike): no news article is 10 MB of text, and
reading one would stall a batch."""

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
        """The raw bytes; raises OSError if the file vanished or cannot be read, `InputTooLarge`
        (a ValueError) if there are more than `max_bytes`, whatever the input: file, stdin or data."""
        if self.data is not None:
            if len(self.data) > max_bytes:
                raise InputTooLarge(len(self.data), max_bytes)
            return _gunzip(self.data, self.name, max_bytes)
        if self.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputTooLarge(None, max_bytes)
            return _gunzip(data, self.name, max_bytes)
        size = self.path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(size, max_bytes)
        with self.path.open("rb") as f:
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:  # the file grew since it was measured
            raise InputTooLarge(len(data), max_bytes)
        return _gunzip(data, self.name, max_bytes)

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


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB".replace(".0 MiB", " MiB") if n >= 2**20 else f"{n} bytes"


class InputTooLarge(ValueError):
    """An input over the size limit; the batch skips it with this message after the input's name."""

    def __init__(self, size: int | None, limit: int) -> None:
        what = f"{_size(size)}: " if size is not None else ""
        super().__init__(f"{what}over the {_size(limit)} limit for one article (linimasa.ingest.MAX_BYTES); not read")
        self.size = size


@dataclass
class Decoded:
    """Text decoded from bytes, the encoding used, and what was wrong with the bytes (for `errors`)."""

    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r\x0b\x0c")
"""What text is made of: more than a tenth of anything else (NUL and the other control bytes), and
more than four, is binary."""
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that surrogateescape could not decode
_LEAD = re.compile(rb"[\xc2-\xf4][\x80-\xbf]*\Z")  # a UTF-8 sequence cut short
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_PAGE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def _bad_bytes_note(n: int, codec: str = "utf-8") -> str:
    return f"ingest: {n} invalid byte{'s' if n != 1 else ''} (not {codec.upper()}) replaced with U+FFFD"


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like UTF-16 Latin text written without a BOM:
    NULs on most odd (LE) or most even (BE) positions and almost none on the others."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    z_even, z_odd = even.count(0), odd.count(0)
    pairs = len(head) // 2
    if z_odd >= 0.3 * pairs and z_even <= 0.02 * pairs:
        return "utf-16-le"
    if z_even >= 0.3 * pairs and z_odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode scraped bytes (see the module's docstring for how). Never raises."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec = "utf-8" if name == "utf-8-sig" else name
            text, bad = _decode_counting(data[len(bom) :] if name == "utf-8-sig" else data, codec)
            return Decoded(text, name, [_bad_bytes_note(bad, codec)] if bad else [])
    utf16 = _utf16_without_bom(data)  # first: ASCII in UTF-16 is also valid UTF-8, NULs and all
    if utf16:
        text, bad = _decode_counting(data, utf16)
        return Decoded(text, utf16, [_bad_bytes_note(bad, utf16)] if bad else [])
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")
    good = sum(1 for c in escaped if c > "\x7f" and not "\udc80" <= c <= "\udcff")  # valid multi-byte
    cut_short = single = 0  # bad sequences that are UTF-8 cut short / single bytes of another encoding
    for m in _ESCAPED.finditer(escaped):
        raw = m.group().encode("utf-8", errors="surrogateescape")
        if _LEAD.match(raw) and len(raw) > 1:
            cut_short += 1
        else:
            single += len(raw)
    if single > good + cut_short and not _CP1252_UNDEFINED.intersection(data):
        return Decoded(data.decode("cp1252"), "cp1252", ["ingest: not valid UTF-8; decoded as cp1252"])
    text, bad = _decode_counting(data, "utf-8")
    return Decoded(text, "utf-8", [_bad_bytes_note(bad)])


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with U+FFFD for every bad sequence; the number of bytes replaced."""
    escaped = data.decode(codec, errors="surrogateescape") if codec == "utf-8" else None
    if escaped is None:
        text = data.decode(codec, errors="replace")
        return text, text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    bad = sum(len(m.group()) for m in _ESCAPED.finditer(escaped))
    return (data.decode("utf-8", errors="replace") if bad else escaped), bad


def decode(data: bytes) -> tuple[str, str]:
    """Decode scraped bytes; returns (text, encoding name). Never raises (see `decode_bytes`)."""
    d = decode_bytes(data)
    return d.text, d.encoding


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def remove_controls(text: str) -> tuple[str, int]:
    """The text without NUL and the other C0 control characters no article means, and how many were
    removed. Tab and line breaks stay; a vertical tab or form feed (a page break) becomes a line
    break. C1 characters (U+0080-U+009F) stay: in scraped text they are the trace of UTF-8 read as
    Latin-1 upstream ("â\x80¢" for "•"), which a later repair can still undo."""
    out, n = _CONTROL.subn("", text)
    return out.translate(_PAGE_BREAKS), n


def sniff_binary(data: bytes) -> str | None:
    """What binary thing the bytes are, or None if they look like text."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return what
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data):
        return None  # UTF-16 text is full of NULs; its BOM (or their places) says so
    head = data[:4096]
    if len(head.translate(None, _TEXT_BYTES)) > max(4, len(head) // 10):
        return "binary data (control bytes)"
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
    decoded = decode_bytes(data)
    text, removed = remove_controls(normalise_newlines(decoded.text))
    art = Article(id=article_id(data), source=source, raw=text, encoding=decoded.encoding)
    art.errors.extend(decoded.notes)
    if removed:
        art.errors.append(f"ingest: {removed} control character{'s' if removed != 1 else ''} (NUL, ...) removed")
    if not art.raw.strip():
        art.errors.append("ingest: empty input (no text)")
    return art


def text_bytes(text: str) -> bytes:
    """A Python string as the bytes an article is made of: UTF-8, with a lone surrogate (which no
    encoding can write) kept as the bytes that ingest then reports and replaces."""
    return text.encode("utf-8", errors="surrogatepass")


def ingest_text(text: str, source: str = "<text>") -> Article:
    """Ingest a Python string (the id is the sha1 of its UTF-8 bytes)."""
    return ingest_bytes(text_bytes(text), source)


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
