"""Benchmark: the linimasa timex tagger against dateparser on the timex case table, in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/timex.py [--repeat 3] [--data ../shared/data]

Every row of tests/timex/cases_*.tsv is an expression in a real-usage sentence with its anchor date.
linimasa tags the sentence; dateparser (the peer, languages=["id", "en"], the anchor as RELATIVE_BASE)
parses the expression's own text, which is the easier task. A row is right when the expected value
comes out at the expected granularity (a day, an ISO week, a month, a year, a minute); dateparser has
no way to say a duration, a set, a decade or PRESENT_REF, so those rows are also reported apart
("calendar rows"). Must-not-tag rows are right when nothing is found over the distractor (dateparser:
`search_dates` on the sentence). Throughput is expressions per second for both, same rows, same machine.

The case table was written alongside the tagger, so linimasa's share on it is a regression figure,
not a fair comparison. The second part is held out: every gold DATE/TIME timex of TempEval-3
Platinum whose value is a calendar date, normalised by both (dateparser parses the gold text with
the document date as RELATIVE_BASE; linimasa tags the document and is right when a timex over the
gold span has the gold value).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from linimasa.timex.tagger import tag  # noqa: E402

TABLES = sorted((ROOT / "tests" / "timex").glob("cases_*.tsv"))
CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?|-W(\d{2}))?$")


def load() -> list[dict[str, str]]:
    cols = ["lang", "dct", "sentence", "text", "type", "value", "mod", "flags"]
    rows = []
    for path in TABLES:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row and not row[0].startswith("#"):
                    rows.append(dict(zip(cols, row, strict=True)))
    return rows


def is_negative(row: dict[str, str]) -> bool:
    return row["text"] == "-" or row["text"].startswith("!")


def same_at_granularity(got: dt.datetime, want: str) -> bool:
    m = CALENDAR.match(want)
    if not m:
        return False
    year, month, day, hour, minute, week = m.groups()
    if week:
        iy, iw, _ = got.isocalendar()
        return (iy, iw) == (int(year), int(week))
    if got.year != int(year):
        return False
    if month and got.month != int(month):
        return False
    if day and got.day != int(day):
        return False
    return not (hour and (got.hour, got.minute) != (int(hour), int(minute)))


def linimasa_right(row: dict[str, str]) -> bool:
    found = [f.timex for f in tag(row["sentence"], row["lang"], dt.date.fromisoformat(row["dct"]))]
    if row["text"] == "-":
        return not found
    if row["text"].startswith("!"):
        a = row["sentence"].index(row["text"][1:])
        b = a + len(row["text"]) - 1
        return not any(t.start < b and a < t.end for t in found)
    return any(t.text == row["text"] and t.value == row["value"] for t in found)


def dateparser_right(row: dict[str, str], dateparser: Any, search_dates: Any) -> bool:
    base = dt.datetime.fromisoformat(row["dct"])
    settings = {"RELATIVE_BASE": base}
    if row["text"] == "-" or row["text"].startswith("!"):
        hits = search_dates(row["sentence"], languages=["id", "en"], settings=settings) or []
        if row["text"] == "-":
            return not hits
        target = row["text"][1:]
        return not any(target in s or s in target for s, _ in hits)
    got = dateparser.parse(row["text"], languages=["id", "en"], settings=settings)
    return got is not None and same_at_granularity(got, row["value"])


def platinum_rows(data: Path) -> list[tuple[str, dt.date, Any]]:
    from linimasa.evaluate.timex import read_tml

    out = []
    for path in sorted((data / "timeml-tempeval3" / "te3-platinum").glob("*.tml")):
        doc = read_tml(path)
        if doc.dct is None:
            continue
        out.extend(
            (doc.text, doc.dct, g) for g in doc.timexes if g.type in ("DATE", "TIME") and CALENDAR.match(g.value)
        )
    return out


def held_out(data: Path, dateparser: Any) -> None:
    rows = platinum_rows(data)
    if not rows:
        print(f"(no TempEval-3 Platinum under {data}: held-out part skipped)")
        return
    ours = peer = 0
    tagged: dict[str, list[Any]] = {}
    for text, dct, g in rows:
        if text not in tagged:
            tagged[text] = [f.timex for f in tag(text, "en", dct)]
        ours += any(t.start < g.end and g.start < t.end and t.value == g.value for t in tagged[text])
        base = dt.datetime.combine(dct, dt.time())
        got = dateparser.parse(g.text, languages=["en"], settings={"RELATIVE_BASE": base})
        peer += got is not None and same_at_granularity(got, g.value)
    n = len(rows)
    print(f"\nheld out: TempEval-3 Platinum, {n} gold DATE/TIME expressions with a calendar value")
    print(f"{'value right':28}{f'{ours}/{n} = {100 * ours / n:.1f}%':>22}{f'{peer}/{n} = {100 * peer / n:.1f}%':>22}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="timing passes (the best is reported)")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"), help="shared data (for the held-out part)")
    args = ap.parse_args()
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        print("bench/timex.py needs dateparser: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore")
    rows = load()
    positives = [r for r in rows if not is_negative(r)]
    calendar_rows = [r for r in positives if CALENDAR.match(r["value"])]
    negatives = [r for r in rows if is_negative(r)]

    ours = {id(r): linimasa_right(r) for r in rows}
    peer = {id(r): dateparser_right(r, dateparser, search_dates) for r in rows}

    def share(result: dict[int, bool], subset: list[dict[str, str]]) -> str:
        n = sum(result[id(r)] for r in subset)
        return f"{n}/{len(subset)} = {100 * n / len(subset):.1f}%"

    def best_time(fn: Any) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for r in positives:
                fn(r)
            best = min(best, time.perf_counter() - t0)
        return len(positives) / best

    ours_speed = best_time(lambda r: tag(r["sentence"], r["lang"], dt.date.fromisoformat(r["dct"])))
    peer_speed = best_time(
        lambda r: dateparser.parse(
            r["text"], languages=["id", "en"], settings={"RELATIVE_BASE": dt.datetime.fromisoformat(r["dct"])}
        )
    )
    print(f"timex case table: {len(rows)} rows ({len(positives)} expressions, {len(calendar_rows)} of them "
          f"calendar dates/times, {len(negatives)} must-not-tag)")
    print(f"{'':28}{'linimasa':>22}{'dateparser':>22}")
    for label, subset in (("all rows", rows), ("expressions", positives), ("calendar rows", calendar_rows),
                          ("must-not-tag rows", negatives)):
        print(f"{label:28}{share(ours, subset):>22}{share(peer, subset):>22}")
    for lang in ("id", "en"):
        subset = [r for r in positives if r["lang"] == lang]
        print(f"{'expressions, ' + lang:28}{share(ours, subset):>22}{share(peer, subset):>22}")
    print(f"{'expressions/s':28}{ours_speed:>22.0f}{peer_speed:>22.0f}")
    print("(linimasa tags whole sentences; dateparser parses only the expression's text)")
    held_out(Path(args.data), dateparser)
    return 0


if __name__ == "__main__":
    sys.exit(main())
