"""`linimasa eval timex`: score the tagger on the English TempEval-3 test set (TE3-Platinum).

TempEval-3 (SemEval-2013 task 1) scores timex extraction as span F1, strict (same span) and
relaxed (overlapping spans), and normalisation as attribute F1 over the relaxed matches: a system
timex counts for "value F1" when it overlaps a gold timex and has the gold's value. HeidelTime's
published TE3-Platinum figures are printed beside ours. The data is read from ../shared/data (or
--data, or $LINIMASA_DATA); it is research data without a licence to ship, so it is never packaged.

    linimasa eval timex                      # TE3-Platinum, 20 documents
    linimasa eval timex --set train --misses # TimeBank + AQUAINT, and list the misses
    linimasa eval timex --set indotimex      # Indonesian: publication dates of 50 Kompas articles
    linimasa eval timex --set scrape-dating  # Indonesian: dating articles whose date line is hidden

IndoTimex (Kompas, Indonesian) annotates only each document's creation time, so on it the article
stage is scored on dating: how often the publication date it reads from the body is the DCT, or
the day before (Kompas datelines often carry the day of the event, published overnight).

scrape-dating takes the June 2025 Indonesian news scrape, keeps the outlets' date strings as date
metadata lines for nine articles in ten and hides them for every tenth, then runs the article stage
and the corpus stage "dating": a hidden article counts as right when the date it gets (from its
dateline, its text or the corpus) covers a day within two days before its hidden date, or the day itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linimasa.model import Article
from linimasa.timex.stage import process
from linimasa.timex.tagger import parse_day, tag

# HeidelTime on TE3-Platinum, as published in the TempEval-3 results (UzZaman et al., 2013).
HEIDELTIME_TE3 = {"value_f1": 77.61}
SETS = {
    "indotimex": ["timex-id-indotimex-kompas/development_input"],
    "platinum": ["timeml-tempeval3/te3-platinum"],
    "scrape-dating": ["news-id-raw-scrape-2025"],
    "train": ["timeml-tempeval3/TBAQ-cleaned/TimeBank", "timeml-tempeval3/TBAQ-cleaned/AQUAINT"],
}


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    dct: dt.date | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def read_tml(path: Path) -> Document:
    """The plain text of a TimeML document's TEXT element with its TIMEX3 spans as offsets into it."""
    raw = path.read_text(encoding="utf-8")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError:
        # IndoTimex has bare ampersands and angle brackets in its text: escape what is not markup.
        raw = re.sub(r"&(?!(?:amp|lt|gt|quot|apos|#\d+);)", "&amp;", raw)
        raw = re.sub(r"<(?![A-Za-z/?!])", "&lt;", raw)
        root = ET.fromstring(raw)
    dct_el = root.find("DCT/TIMEX3")
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", dct_el.get("value", "")) if dct_el is not None else None
    dct = dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None  # IndoTimex writes "2013-12-4"
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append(GoldTimex(start, pos, "".join(parts)[start:pos], el.get("type", ""), el.get("value", "")))

    if text_el is not None:
        walk(text_el)
    return Document(path.stem, dct, "".join(parts), timexes)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    value: int = 0
    type: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def f1(p_num: int, p_den: int, r_num: int, r_den: int) -> tuple[float, float, float]:
        p = p_num / p_den if p_den else 0.0
        r = r_num / r_den if r_den else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, (pn, rn) in {
            "strict": (self.strict, self.strict),
            "relaxed": (self.relaxed_sys, self.relaxed_gold),
            "value": (self.value, self.value),
            "type": (self.type, self.type),
        }.items():
            p, r, f = self.f1(pn, self.system, rn, self.gold)
            out[f"{name}_precision"], out[f"{name}_recall"], out[f"{name}_f1"] = 100 * p, 100 * r, 100 * f
        return out


def score_document(doc: Document, counts: Counts) -> None:
    found = [f.timex for f in tag(doc.text, "en", doc.dct)]
    counts.gold += len(doc.timexes)
    counts.system += len(found)
    used: set[int] = set()
    for s in found:
        overlapping = [i for i, g in enumerate(doc.timexes) if s.start < g.end and g.start < s.end]
        if not overlapping:
            counts.misses.append(f"{doc.name}: spurious {s.text!r} {s.value}")
            continue
        counts.relaxed_sys += 1
        g = doc.timexes[overlapping[0]]
        counts.strict += (s.start, s.end) == (g.start, g.end)
        counts.value += s.value == g.value
        counts.type += s.type == g.type
        if s.value != g.value:
            counts.misses.append(f"{doc.name}: {s.text!r} {s.value} want {g.text!r} {g.value}")
        used.update(overlapping)
    counts.relaxed_gold += len(used)
    for i, g in enumerate(doc.timexes):
        if i not in used:
            counts.misses.append(f"{doc.name}: missed {g.text!r} {g.value}")


def score_dating(files: list[Path], show_misses: bool, as_json: bool) -> int:
    """Publication dates read from the body of each IndoTimex document against its DCT."""
    found = exact = day_before = 0
    misses: list[str] = []
    t0 = time.perf_counter()
    n_timexes = 0
    for path in files:
        doc = read_tml(path)
        article = process(Article(id=doc.name, source=str(path), text=doc.text.strip(), language="id"))
        n_timexes += len(article.timexes)
        got = parse_day(article.published.value) if article.published else None
        found += got is not None
        exact += got == doc.dct
        day_before += got is not None and doc.dct is not None and got == doc.dct - dt.timedelta(days=1)
        if got != doc.dct:
            misses.append(f"{doc.name}: DCT {doc.dct} got {article.published}")
    n = len(files)
    result = {
        "set": "indotimex", "documents": n, "dated": round(100 * found / n, 2),
        "dct_exact": round(100 * exact / n, 2), "dct_or_day_before": round(100 * (exact + day_before) / n, 2),
        "timexes": n_timexes, "seconds": round(time.perf_counter() - t0, 2),
    }
    if as_json:
        print(json.dumps(result, indent=1))
    else:
        print(f"IndoTimex (Kompas): {n} documents, {n_timexes} timexes tagged")
        print(f"dated from the body           {result['dated']:6.2f}%")
        print(f"publication date = DCT        {result['dct_exact']:6.2f}%")
        print(f"= DCT or the day before       {result['dct_or_day_before']:6.2f}%")
    if show_misses:
        print("\n".join(misses))
    return 0


def _date_range(value: str) -> tuple[dt.date, dt.date] | None:
    if d := parse_day(value):
        return d, d
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return start, start + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        start = dt.date(int(m[1]), int(m[2]), 1)
        return start, dt.date(start.year + start.month // 12, start.month % 12 + 1, 1) - dt.timedelta(days=1)
    return None


def score_scrape_dating(folder: Path, as_json: bool) -> int:
    import csv

    from linimasa.model import Corpus, Line
    from linimasa.timex.dating import date_corpus

    csv.field_size_limit(1 << 30)
    path = sorted(folder.glob("*.csv"))[0]
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    seen: set[str] = set()
    articles, truth = [], {}
    t0 = time.perf_counter()
    for i, row in enumerate(r for r in rows if not (r["url"] in seen or seen.add(r["url"]))):  # type: ignore[func-returns-value]
        date_line = Line(1, row["tanggal_publikasi"], "metadata", "date")
        a = Article(id=row["url"], source=row["url"], text=row["isi_berita"], language="id", lines=[date_line])
        if i % 10 == 9:
            known = process(a).published
            if not known or not parse_day(known.value):
                continue
            truth[a.id] = parse_day(known.value)
            a.lines, a.published = [], None
        articles.append(process(a))
    corpus = date_corpus(Corpus(articles=articles), {a.id for a in articles})
    by_how: dict[str, list[int]] = {}
    for a in corpus.articles:
        if a.id not in truth:
            continue
        how = a.published.how if a.published else "none"
        rng = _date_range(a.published.value) if a.published else None
        want = truth[a.id]
        ok = bool(rng) and rng[0] <= want and rng[1] >= want - dt.timedelta(days=2)  # type: ignore[index]
        by_how.setdefault(how, [0, 0])
        by_how[how][0] += ok
        by_how[how][1] += 1
    n = sum(t for _, t in by_how.values())
    right = sum(r for r, _ in by_how.values())
    result = {
        "set": "scrape-dating", "articles": len(articles), "hidden": n,
        "right": round(100 * right / n, 2) if n else 0.0,
        "by_how": {k: {"right": r, "of": t} for k, (r, t) in sorted(by_how.items())},
        "seconds": round(time.perf_counter() - t0, 2),
    }
    if as_json:
        print(json.dumps(result, indent=1))
    else:
        print(f"news-id-raw-scrape-2025 ({path.name}): {len(articles)} articles, date line hidden in {n}")
        print(f"dated right (within the 2 days before the hidden date): {right}/{n} = {result['right']:.2f}%")
        for how, (r, t) in sorted(by_how.items()):
            print(f"  from {how:9} {r:4}/{t:<4}")
        print(f"{result['seconds']} s")
    return 0


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="linimasa eval timex",
        description="Score the timex tagger on TempEval-3 English (relaxed/strict span F1, value F1), or the\n"
        "article dating on Indonesian news (--set indotimex, --set scrape-dating).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  linimasa eval timex\n  linimasa eval timex --set train --misses\n"
        "  linimasa eval timex --set scrape-dating --data ../shared/data --json",
    )
    ap.add_argument("--data", default=os.environ.get("LINIMASA_DATA", "../shared/data"),
                    help="the shared data folder (default ../shared/data or $LINIMASA_DATA)")
    ap.add_argument("--set", choices=sorted(SETS), default="platinum", help="which part of TempEval-3")
    ap.add_argument("--misses", action="store_true", help="list spurious, missed and wrongly valued timexes")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(list(argv))
    if args.set == "scrape-dating":
        folder = Path(args.data) / SETS[args.set][0]
        if not any(folder.glob("*.csv")):
            print(f"linimasa eval timex: no news scrape under {folder}", file=sys.stderr)
            return 2
        return score_scrape_dating(folder, args.json)
    files = sorted(p for d in SETS[args.set] for p in (Path(args.data) / d).glob("*.tml"))
    if not files:
        print(f"linimasa eval timex: no .tml files under {args.data} for set {args.set}", file=sys.stderr)
        return 2
    if args.set == "indotimex":
        return score_dating(files, args.misses, args.json)
    counts = Counts()
    t0 = time.perf_counter()
    for path in files:
        score_document(read_tml(path), counts)
    elapsed = time.perf_counter() - t0
    figures = counts.figures()
    result = {
        "set": args.set, "documents": len(files), "gold_timexes": counts.gold, "system_timexes": counts.system,
        **{k: round(v, 2) for k, v in figures.items()},
        "heideltime_published": HEIDELTIME_TE3 if args.set == "platinum" else None,
        "seconds": round(elapsed, 2),
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"TempEval-3 {args.set}: {len(files)} documents, {counts.gold} gold timexes, {counts.system} found")
        print(f"{'':18}{'P':>8}{'R':>8}{'F1':>8}   HeidelTime F1")
        for name in ("strict", "relaxed", "type", "value"):
            ht = HEIDELTIME_TE3.get(f"{name}_f1") if args.set == "platinum" else None
            row = [figures[f"{name}_{x}"] for x in ("precision", "recall", "f1")]
            print(f"{name + ' span' if name in ('strict', 'relaxed') else name:18}"
                  + "".join(f"{v:8.2f}" for v in row) + (f"   {ht:.2f}" if ht else ""))
    if args.misses:
        print("\n".join(counts.misses))
    return 0
