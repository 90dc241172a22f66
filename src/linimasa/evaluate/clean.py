"""`linimasa eval clean`: the clean and meta stages on public pages they were not written from.

    linimasa eval clean [--data ../shared/data] [--show N]

1. html-fundus-parser-tests (+ html-id-news-sample's MediaIndonesia page): real article pages of
   English-language and Indonesian publishers with the expected body and title. Each page is turned
   into the text a scraper saves (block elements become lines, scripts and styles dropped, the
   <head> left out) and cleaned; the clean text is scored against the gold body as bag-of-words
   precision / recall / F1, and the title as an exact (case- and space-insensitive) match.
2. news-id-raw-scrape-2025: 5,000+ raw Indonesian articles without line labels, scored on what is
   known anyway: the title line we prepend must come out as the title, the outlet's date line as a
   `metadata` line with a "date" reason, and the widgets the scraper kept ("Advertisement",
   "SCROLL TO CONTINUE WITH CONTENT", bare "Baca Juga", "[Gambas:...]") must not leak into the text.

Nothing here is used by the pipeline; it only reads the shared data sets.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path

from linimasa.clean import clean_article
from linimasa.ingest import ingest_bytes
from linimasa.meta import extract_meta
from linimasa.model import Article

ENGLISH_COUNTRIES = frozenset({"us", "uk", "ca", "au", "za", "ind", "ls", "na", "tz", "my"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_SKIP = frozenset({"head", "script", "style", "noscript", "svg", "template", "iframe", "button", "select", "option"})
_TOKEN = re.compile(r"\w+", re.UNICODE)
LEAKS = ("Advertisement", "SCROLL TO CONTINUE WITH CONTENT", "[Gambas:")


class _TextOfPage(HTMLParser):
    """What a plain scraper keeps of a page: the text of the <body>, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._current.append(data)


def page_text(html: str) -> str:
    parser = _TextOfPage()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n".join(parser.lines)


def _norm(s: str | None) -> str:
    return " ".join((s or "").casefold().split())


def _bag(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def _prf(got: Counter[str], want: Counter[str]) -> tuple[float, float, float]:
    overlap = sum((got & want).values())
    p = overlap / sum(got.values()) if got else 0.0
    r = overlap / sum(want.values()) if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _process(raw: str, source: str) -> Article:
    return extract_meta(clean_article(ingest_bytes(raw.encode("utf-8"), source)))


def _read_gz(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


def _fundus_pages(data: Path) -> Iterator[tuple[str, str, str, str | None]]:
    """(name, html, gold body, gold title) of the English-language and Indonesian fundus pages."""
    root = data / "html-fundus-parser-tests"
    index = root / "index.jsonl"
    if index.is_file():
        for line in index.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["country"] not in ENGLISH_COUNTRIES | {"id"}:
                continue
            gold = json.loads((root / row["gold"]).read_text(encoding="utf-8")).get(row["version"]) or {}
            body = gold.get("body") or {}
            parts = list(body.get("summary") or [])
            for section in body.get("sections") or []:
                parts += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
            yield row["html"], _read_gz(root / row["html"]), "\n".join(parts), gold.get("title")
    sample = data / "html-id-news-sample" / "gold.jsonl"
    if sample.is_file():
        for line in sample.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("body_paragraphs"):
                html = _read_gz(sample.parent / row["file"])
                yield row["file"], html, "\n".join(row["body_paragraphs"]), row.get("title")


def eval_pages(data: Path, show: int) -> dict[str, float]:
    scores: list[tuple[float, float, float]] = []
    titles = pages = 0
    worst: list[tuple[float, str]] = []
    for name, html, gold_body, gold_title in _fundus_pages(data):
        art = _process(page_text(html), name)
        p, r, f = _prf(_bag(art.text), _bag(gold_body))
        scores.append((p, r, f))
        worst.append((f, f"{name}: P {p:.2f} R {r:.2f} title {art.title!r}"))
        if gold_title:
            pages += 1
            titles += _norm(art.title) == _norm(gold_title)
    n = len(scores) or 1
    out = {
        "pages": float(len(scores)),
        "body_token_precision": sum(s[0] for s in scores) / n,
        "body_token_recall": sum(s[1] for s in scores) / n,
        "body_token_f1": sum(s[2] for s in scores) / n,
        "title_exact": titles / pages if pages else 0.0,
    }
    for _, line in sorted(worst)[:show]:
        print(f"  worst: {line}")
    return out


def _raw_rows(data: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    for path in sorted((data / "news-id-raw-scrape-2025").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            yield from csv.DictReader(f)


def eval_raw_scrape(data: Path) -> dict[str, float]:
    n = titled = dated = with_date = 0
    leaked: Counter[str] = Counter()
    for row in _raw_rows(data):
        title, date = (row.get("judul") or "").strip(), (row.get("tanggal_publikasi") or "").strip()
        head = [x for x in (title, date) if x]
        art = _process("\n".join([*head, row.get("isi_berita") or ""]), row.get("url") or "row")
        n += 1
        titled += bool(title) and art.title == title
        if date:
            with_date += 1
            line = art.lines[len(head) - 1]
            dated += line.label == "metadata" and line.kind == "date"
        leaked.update(w for w in LEAKS if w in art.text)
        leaked["bare 'Baca Juga' line"] += any(p.strip() == "Baca Juga" for p in art.text.split("\n\n"))
    out = {
        "articles": float(n),
        "title_line_recovered": titled / n if n else 0.0,
        "date_line_labelled": dated / with_date if with_date else 0.0,
    }
    for what in [*LEAKS, "bare 'Baca Juga' line"]:
        out[f"articles_leaking {what}"] = leaked[what] / n if n else 0.0
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="linimasa eval clean",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  linimasa eval clean\n  linimasa eval clean --data ../shared/data --skip-raw --show 10",
    )
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--show", type=int, default=5, help="print the N worst pages")
    ap.add_argument("--skip-raw", action="store_true", help="leave out the 5,000-article raw scrape")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"eval clean: no data folder {args.data}", file=sys.stderr)
        return 2
    results = eval_pages(args.data, args.show)
    if not args.skip_raw:
        results |= eval_raw_scrape(args.data)
    for k, v in results.items():
        print(f"{k:45} {v:.3f}" if v <= 1 else f"{k:45} {v:.0f}")
    return 0
