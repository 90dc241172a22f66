"""Structured files: CSV, TSV and JSONL, one article per row, read as a stream.

Columns are mapped to article fields by their common names (English and Indonesian), or by an
explicit map (`--map text=isi_berita,date=tanggal_publikasi`), which wins. The given columns are
metadata: they win over what the stages infer and are recorded in `Article.given`. A row's id is the
sha1 of its text and URL, so the same row in two exports is one article.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from linimasa.ingest.given import apply_given
from linimasa.model import Article

FIELDS = ("text", "url", "title", "author", "date", "outlet")
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "isi", "isi_berita", "body", "article", "konten", "berita", "full_text",
             "fulltext", "article_text", "maintext", "main_text", "teks"),
    "url": ("url", "link", "href", "permalink", "article_url", "source_url", "tautan"),
    "title": ("title", "judul", "headline", "judul_berita"),
    "author": ("author", "authors", "penulis", "byline", "reporter", "wartawan", "creator"),
    "date": ("date", "tanggal", "published", "published_at", "publish_date", "pubdate", "date_published",
             "tanggal_publikasi", "tanggal_terbit", "datetime", "waktu", "publication_date", "published_date"),
    "outlet": ("outlet", "source", "sumber", "media", "publisher", "site", "sitename", "site_name", "portal",
               "domain"),
}
"""Field -> column names it is found under (compared lower-cased, with spaces and dashes as '_')."""


class TableError(ValueError):
    """The file cannot be read as a table of articles (no text column, not CSV...)."""


def parse_column_map(spec: str | None) -> tuple[tuple[str, str], ...]:
    """"text=isi_berita,date=tanggal_publikasi" -> (("text", "isi_berita"), ("date", "tanggal_publikasi"))."""
    if not spec:
        return ()
    out: list[tuple[str, str]] = []
    for part in spec.split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if field == "authors":
            field = "author"
        if not sep or not column or field not in FIELDS:
            raise ValueError(f"--map {part.strip()!r}: write FIELD=COLUMN, FIELD one of {', '.join(FIELDS)}")
        out.append((field, column))
    return tuple(out)


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").lower())


def map_columns(columns: Sequence[str], explicit: Sequence[tuple[str, str]] = ()) -> dict[str, str]:
    """Field -> column of this file."""
    by_norm = {_norm(c): c for c in columns}
    out: dict[str, str] = {}
    for field, column in explicit:
        found = column if column in columns else by_norm.get(_norm(column))
        if found is None:
            raise TableError(f"--map {field}={column}: no column {column!r} (columns: {', '.join(columns)})")
        out[field] = found
    for field, names in COLUMN_NAMES.items():
        if field in out:
            continue
        for name in names:
            if name in by_norm and by_norm[name] not in out.values():
                out[field] = by_norm[name]
                break
    if "text" not in out:
        raise TableError(f"no text column (columns: {', '.join(columns) or 'none'}); "
                         "name it with --map text=COLUMN")
    return out


def _open_text(path: Path | None, data: bytes | None) -> IO[str]:
    if data is not None:
        raw: IO[bytes] = io.BytesIO(data)
    elif path is None:
        raw = sys.stdin.buffer
    else:
        raw = path.open("rb")
    if (path is not None and path.suffix.lower() == ".gz") or (data is not None and data[:2] == b"\x1f\x8b"):
        raw = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")


def row_id(text: str, url: str) -> str:
    return hashlib.sha1(f"{text}\n{url}".encode()).hexdigest()


def row_article(row: Mapping[str, Any], cols: Mapping[str, str], name: str, n: int) -> Article:
    def get(field: str) -> Any:
        col = cols.get(field)
        value = row.get(col) if col else None
        return value.strip() if isinstance(value, str) else value

    text = get("text")
    text = "" if text is None else str(text)
    url = str(get("url") or "")
    title = get("title")
    from linimasa.ingest import normalise_newlines

    body = normalise_newlines(text).strip()
    raw = f"{' '.join(str(title).split())}\n\n{body}\n" if title and body else (body + "\n" if body else "")
    art = Article(id=row_id(text, url), source=url or f"{name}:{n}", raw=raw)
    art.given["row"] = f"{name}:{n}"
    apply_given(art, {"format": "table", "url": url, "title": title, "outlet": get("outlet"),
                      "authors": get("author"), "published": None if get("date") is None else str(get("date"))})
    if not body:
        art.errors.append(f"ingest: {name}:{n}: the row has no text")
    return art


def iter_table(path: Path | None, data: bytes | None, name: str, kind: str,
               columns: Sequence[tuple[str, str]] = ()) -> Iterator[Article]:
    """The articles of a CSV ("csv"), TSV ("tsv") or JSONL ("jsonl") file, one per row, streamed.
    Raises `TableError` when the file has no text column; a bad row gives an article with errors."""
    with _open_text(path, data) as f:
        if kind == "jsonl":
            yield from _iter_jsonl(f, name, columns)
            return
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        reader = csv.DictReader(f, delimiter="\t" if kind == "tsv" else ",")
        try:
            fieldnames = list(reader.fieldnames or [])
        except csv.Error as e:
            raise TableError(f"not a readable {kind.upper()} file ({e})") from None
        cols = map_columns(fieldnames, columns)
        while True:
            start = reader.line_num + 1  # the line the row starts on (a quoted text spans several)
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                raise TableError(f"line {reader.line_num}: {e}") from None
            yield row_article(row, cols, name, start)


def _iter_jsonl(f: IO[str], name: str, columns: Sequence[tuple[str, str]]) -> Iterator[Article]:
    cols: dict[str, str] | None = None
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as e:
            art = Article(id=hashlib.sha1(line.encode()).hexdigest(), source=f"{name}:{n}", raw="")
            art.errors.append(f"ingest: {name}:{n}: not valid JSON ({e})")
            yield art
            continue
        if not isinstance(row, dict):
            art = Article(id=hashlib.sha1(line.encode()).hexdigest(), source=f"{name}:{n}", raw="")
            art.errors.append(f"ingest: {name}:{n}: not a JSON object")
            yield art
            continue
        if cols is None:
            cols = map_columns(list(row), columns)
        yield row_article(row, cols, name, n)
