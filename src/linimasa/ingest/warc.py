"""Web archives (WARC, plain or gzipped), read as a stream with warcio.

Every `response` record whose HTTP status is 2xx and whose body is HTML is one article: its target
URI is the article's `source`, and the record's WARC-Date is the date the timex stage falls back to
when neither the page's metadata nor its text dates it. Records are read one at a time, so a
multi-GB archive never sits in memory; a body over the per-article size limit is refused.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from linimasa.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcError(ValueError):
    """The file is not a readable WARC."""


def iter_warc(path: Path | None, data: bytes | None, name: str, max_bytes: int) -> Iterator[Article]:
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from linimasa.ingest.html import html_article, looks_like_html

    f: IO[bytes] = io.BytesIO(data) if data is not None else (path.open("rb") if path else sys.stdin.buffer)
    try:
        if f.seekable():
            head = f.read(64 * 1024)
            f.seek(0)
            if head.startswith(b"\x1f\x8b"):
                import zlib

                try:
                    head = zlib.decompressobj(wbits=31).decompress(head, 16)
                except zlib.error:
                    head = b""
            if not head.lstrip().startswith(b"WARC/"):
                raise WarcError("not a WARC file (it does not start with a WARC/1.x record)")
        try:
            for record in ArchiveIterator(f):
                if record.rec_type != "response":
                    continue
                rid = record.rec_headers.get_header("WARC-Record-ID")
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{name}#{rid}"
                http = record.http_headers
                status = http.get_statuscode() if http else "200"
                if not str(status).startswith("2"):
                    continue
                ctype = (http.get_header("Content-Type") or "") if http else ""
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    art = Article(id=_record_id(record, uri), source=uri)
                    art.errors.append(f"ingest: the page is over the {max_bytes / 1e6:.0f} MB limit for one article; "
                                      "not read")
                    yield art
                    continue
                mime = ctype.split(";")[0].strip().lower()
                if mime not in _HTML_TYPES and not (not mime and looks_like_html(body[:4096].decode("latin-1"))):
                    continue
                charset = None
                if "charset=" in ctype.lower():
                    charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip()
                given = {"fetched": (record.rec_headers.get_header("WARC-Date") or "")[:19]}
                yield html_article(body, uri, url=uri, charset=charset, given=given)
        except ArchiveLoadFailed as e:
            raise WarcError(f"not a readable WARC file ({e})") from None
    finally:
        if path is not None:
            f.close()


def _record_id(record: object, uri: str) -> str:
    import hashlib

    rid = record.rec_headers.get_header("WARC-Record-ID") or uri  # type: ignore[attr-defined]
    return hashlib.sha1(rid.encode()).hexdigest()
