"""Throughput of ingest + clean (+ meta) on the raw-scraped Indonesian news of
`shared/data/news-id-raw-scrape-2025`, next to a floor measured in the same run.

    .venv/bin/python bench/clean.py [--data DIR] [--limit N] [--no-meta] [--repeat R]

Each CSV row becomes one raw article as a scraper would save it: the title line, the outlet's date
string, then the text (`isi_berita`). The floor decodes the same bytes and splits them into lines
(what any line-based cleaner must at least do); the pipeline figure runs `ingest_bytes`, the clean
stage and (unless --no-meta) the meta stage. Both read the same in-memory inputs, so disk speed is
out of the comparison. Also prints how the lines were labelled, as a sanity check.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from linimasa.clean import clean_article
from linimasa.ingest import ingest_bytes
from linimasa.meta import extract_meta

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-id-raw-scrape-2025"


def load_inputs(data_dir: Path, limit: int | None) -> list[bytes]:
    csv.field_size_limit(sys.maxsize)
    inputs: list[bytes] = []
    for path in sorted(data_dir.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                head = [row.get("judul") or "", row.get("tanggal_publikasi") or ""]
                raw = "\n".join([*(h.strip() for h in head if h.strip()), row.get("isi_berita") or ""])
                inputs.append(raw.encode("utf-8"))
                if limit and len(inputs) >= limit:
                    return inputs
    return inputs


def floor(inputs: list[bytes]) -> int:
    lines = 0
    for data in inputs:
        lines += len(data.decode("utf-8").splitlines())
    return lines


def pipeline(inputs: list[bytes], meta: bool) -> Counter[str]:
    labels: Counter[str] = Counter()
    for i, data in enumerate(inputs):
        article = clean_article(ingest_bytes(data, f"row-{i}"))
        if meta:
            article = extract_meta(article)
        labels.update(ln.label for ln in article.lines)
    return labels


def timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-meta", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="best of R runs for each figure")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"bench: no data folder {args.data}", file=sys.stderr)
        return 2
    inputs = load_inputs(args.data, args.limit)
    n = len(inputs)
    pipeline(inputs[:20], not args.no_meta)  # load resources and the language model outside the timing
    floor_s = min(timed(floor, inputs)[0] for _ in range(args.repeat))
    runs = [timed(pipeline, inputs, not args.no_meta) for _ in range(args.repeat)]
    clean_s, labels = min(runs, key=lambda r: r[0])
    what = "ingest+clean" + ("" if args.no_meta else "+meta")
    print(f"articles                  {n}")
    print(f"floor (decode+splitlines) {n / floor_s:12.0f} articles/s  ({floor_s:.3f} s)")
    print(f"{what:25} {n / clean_s:12.0f} articles/s  ({clean_s:.3f} s)")
    print(f"ratio floor/{what}   {clean_s / floor_s:.0f}x slower than the floor")
    total = sum(labels.values())
    print("line labels               " + ", ".join(f"{k} {v / total:.1%}" for k, v in labels.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
