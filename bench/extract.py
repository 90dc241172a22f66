"""Main-text extraction and publication dates from HTML pages: linimasa beside trafilatura and
htmldate, on the same pages, in one run.

    .venv/bin/python bench/extract.py [--data DIR] [--limit N] [--sets fundus,trafilatura,id,dates] [--json OUT]

Text (per data set): linimasa's article text (`linimasa.ingest.html` = trafilatura's extraction, then
linimasa's clean stage) against trafilatura's `extract()` with its default settings.

- `html-fundus-parser-tests` and `html-id-news-sample` have the full body as gold: precision, recall
  and F1 of word 4-gram shingles (lower-cased word tokens, counted as a multiset), computed per page
  and averaged over pages, F1 from the averaged P and R, as the ScrapingHub article-extraction
  benchmark does. A page where an extractor returns nothing scores P = R = 0 for it.
- `html-trafilatura-eval` has no full body, only snippets that must ("with") and must not
  ("without") appear in the text: a snippet found is a true or a false positive, one missing a false
  negative or a true negative, summed over all pages (trafilatura's own scoring of this set).

Dates (`html-dates-htmldate-mediacloud`, plus the two dated pages of the Indonesian sample): the day of
linimasa's `published` (from the page's metadata, else its text) against htmldate's `find_date` with
its default settings; accuracy over all pages (no date = wrong).

Pages/s is per extractor, on one core, pages already in memory (decompressed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def shingle_pr(pred: str, gold: str) -> tuple[float, float]:
    p, g = shingles(pred), shingles(gold)
    if not g:
        return (1.0, 1.0) if not p else (0.0, 1.0)
    if not p:
        return 0.0, 0.0
    tp = sum((p & g).values())
    return tp / sum(p.values()), tp / sum(g.values())


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- data sets ------------------------------------------------------------------------------------


def _read_gz(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def load_fundus(root: Path, limit: int | None) -> list[dict[str, Any]]:
    base = root / "html-fundus-parser-tests"
    pages = []
    for line in (base / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold = json.loads((base / row["gold"]).read_text(encoding="utf-8"))[row["version"]]
        body = gold.get("body") or {}
        parts = list(body.get("summary") or [])
        for sec in body.get("sections") or []:
            parts += list(sec.get("headline") or []) + list(sec.get("paragraphs") or [])
        pages.append({"id": row["html"], "url": row.get("url"), "html": _read_gz(base / row["html"]),
                      "gold": "\n".join(parts)})
        if limit and len(pages) >= limit:
            break
    return pages


def load_id_sample(root: Path, limit: int | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    base = root / "html-id-news-sample"
    text, dates = [], []
    for line in (base / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        page = {"id": row["file"], "url": row.get("url"), "html": _read_gz(base / row["file"])}
        if row.get("body_paragraphs"):
            text.append({**page, "gold": "\n".join(row["body_paragraphs"])})
        date = row.get("published_date") or (row.get("publishing_date") or "")[:10] or None
        if date:
            dates.append({**page, "date": date[:10]})
    return text[:limit] if limit else text, dates


def load_trafilatura_eval(root: Path, limit: int | None) -> list[dict[str, Any]]:
    base = root / "html-trafilatura-eval"
    doc = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url, row in doc.items():
        path = base / "html" / f"{row['file']}.gz"
        if not path.exists():
            continue
        pages.append({"id": row["file"], "url": url, "html": _read_gz(path), "with": row.get("with") or [],
                      "without": row.get("without") or []})
        if limit and len(pages) >= limit:
            break
    return pages


def load_dates(root: Path, limit: int | None) -> list[dict[str, Any]]:
    base = root / "html-dates-htmldate-mediacloud"
    doc = json.loads((base / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    pages = []
    for url, row in doc.items():
        path = base / "html" / f"{row['file']}.gz"
        if not path.exists():
            continue
        pages.append({"id": row["file"], "url": url, "html": _read_gz(path), "date": row["date"]})
        if limit and len(pages) >= limit:
            break
    return pages


# --- extractors -----------------------------------------------------------------------------------


def linimasa_extractor() -> Callable[[dict[str, Any]], Any]:
    from linimasa.ingest.html import html_article
    from linimasa.pipeline import Pipeline

    pipe = Pipeline(article_stages=["clean", "meta", "sentences", "timex"], corpus_stages=[])

    def run(page: dict[str, Any]) -> Any:
        return pipe.process_article(html_article(page["html"], page["id"], url=page.get("url")))

    return run


def trafilatura_text(page: dict[str, Any]) -> str:
    import trafilatura

    return trafilatura.extract(page["html"], url=page.get("url")) or ""


def htmldate_date(page: dict[str, Any]) -> str | None:
    from htmldate import find_date

    try:
        return find_date(page["html"], url=page.get("url"))
    except Exception:
        return None


def _timed(fn: Callable[[dict[str, Any]], Any], pages: list[dict[str, Any]]) -> tuple[list[Any], float]:
    out = []
    start = time.perf_counter()
    for page in pages:
        try:
            out.append(fn(page))
        except Exception as e:  # an extractor crashing on a page scores nothing for it
            print(f"  {page['id']}: {type(e).__name__}: {e}", file=sys.stderr)
            out.append(None)
    elapsed = time.perf_counter() - start
    return out, len(pages) / elapsed if elapsed else 0.0


def score_shingles(texts: list[str], pages: list[dict[str, Any]]) -> dict[str, float]:
    prs = [shingle_pr(t or "", p["gold"]) for t, p in zip(texts, pages, strict=True)]
    p = sum(x for x, _ in prs) / len(prs)
    r = sum(y for _, y in prs) / len(prs)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4)}


def score_snippets(texts: list[str], pages: list[dict[str, Any]]) -> dict[str, float]:
    tp = fn = fp = tn = 0
    for text, page in zip(texts, pages, strict=True):
        text = " ".join((text or "").split())
        for s in page["with"]:
            if " ".join(s.split()) in text:
                tp += 1
            else:
                fn += 1
        for s in page["without"]:
            if " ".join(s.split()) in text:
                fp += 1
            else:
                tn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    acc = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4), "accuracy": round(acc, 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="at most N pages per data set")
    ap.add_argument("--sets", default="fundus,trafilatura,id,dates")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--show", type=int, default=0, help="print the N pages where linimasa trails most")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)
    wanted = set(args.sets.split(","))
    lini = linimasa_extractor()
    results: dict[str, Any] = {}

    def text_set(name: str, pages: list[dict[str, Any]], scorer: Callable[..., dict[str, float]]) -> None:
        arts, lini_rate = _timed(lini, pages)
        lini_texts = [a.text if a is not None else "" for a in arts]
        traf_texts, traf_rate = _timed(trafilatura_text, pages)
        row = {
            "pages": len(pages),
            "linimasa": {**scorer(lini_texts, pages), "pages_per_s": round(lini_rate, 1)},
            "trafilatura": {**scorer(traf_texts, pages), "pages_per_s": round(traf_rate, 1)},
        }
        results[name] = row
        print(f"{name} ({len(pages)} pages)")
        for who in ("linimasa", "trafilatura"):
            r = row[who]
            extra = f"  accuracy {r['accuracy']:.3f}" if "accuracy" in r else ""
            print(f"  {who:<12} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}{extra}"
                  f"  {r['pages_per_s']:.1f} pages/s")
        if args.show and scorer is score_shingles:
            gaps = []
            for a_text, t_text, page in zip(lini_texts, traf_texts, pages, strict=True):
                la, ta = f1(*shingle_pr(a_text, page["gold"])), f1(*shingle_pr(t_text, page["gold"]))
                gaps.append((la - ta, page["id"], la, ta))
            for gap, pid, la, ta in sorted(gaps)[: args.show]:
                print(f"    {gap:+.3f}  {pid}  linimasa {la:.3f}  trafilatura {ta:.3f}")

    if "fundus" in wanted:
        text_set("html-fundus-parser-tests", load_fundus(args.data, args.limit), score_shingles)
    if "trafilatura" in wanted:
        text_set("html-trafilatura-eval", load_trafilatura_eval(args.data, args.limit), score_snippets)
    id_text, id_dates = load_id_sample(args.data, args.limit)
    if "id" in wanted:
        text_set("html-id-news-sample", id_text, score_shingles)
    if "dates" in wanted:
        pages = load_dates(args.data, args.limit) + id_dates
        arts, lini_rate = _timed(lini, pages)
        lini_dates = [a.published.value[:10] if a is not None and a.published else None for a in arts]
        hd_dates, hd_rate = _timed(htmldate_date, pages)
        row = {"pages": len(pages)}
        for who, dates, rate in (("linimasa", lini_dates, lini_rate), ("htmldate", hd_dates, hd_rate)):
            ok = sum(d == p["date"] for d, p in zip(dates, pages, strict=True))
            row[who] = {"accuracy": round(ok / len(pages), 4), "found": sum(d is not None for d in dates),
                        "pages_per_s": round(rate, 1)}
        results["html-dates-htmldate-mediacloud+id"] = row
        print(f"publication dates ({len(pages)} pages: mediacloud + the dated Indonesian pages)")
        for who in ("linimasa", "htmldate"):
            r = row[who]
            print(f"  {who:<12} accuracy {r['accuracy']:.3f}  found {r['found']}  {r['pages_per_s']:.1f} pages/s")
        if args.show:
            for d_l, d_h, p in zip(lini_dates, hd_dates, pages, strict=True):
                if d_l != p["date"] and d_h == p["date"]:
                    print(f"    {p['id']}  gold {p['date']}  linimasa {d_l}  htmldate {d_h}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
