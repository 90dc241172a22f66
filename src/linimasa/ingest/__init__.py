"""Ingest: bytes in, `Article` out.

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


@dataclass(frozen=True)
class Source:
    """Something to ingest: a file path, or '-' for stdin, or a name plus in-memory bytes."""

    name: str
    data: bytes | None = None
    path: Path | None = None

    def read(self, max_bytes: int = MAX_BYTES) -> bytes:
        """The raw bytes; raises OSError if the file vanished or cannot be read, ValueError if too big."""
        if self.data is not None:
            return self.data
        if self.path is None:
            return sys.stdin.buffer.read(max_bytes + 1)
        size = self.path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(size, max_bytes)
        with self.path.open("rb") as f:
            return f.read(max_bytes + 1)


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


def iter_sources(paths: Iterable[str | os.PathLike[str]], pattern: str = "*.txt") -> Iterator[Source]:
    """Files to ingest: folders are walked recursively for `pattern`, '-' is stdin, files are taken as
    given (whatever their extension). A path that does not exist is still yielded, so that reading it
    fails and is reported rather than silently dropped."""
    for p in paths:
        if str(p) == "-":
            yield Source(name="-", path=None)
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob(pattern)):
                if f.is_file():
                    yield Source(name=str(f), path=f)
        else:
            yield Source(name=str(path), path=path)
