"""The timexes two `linimasa run` exports of the same articles disagree on, or one export's timexes to read.

Why: a timex rule tuned on the dev gold sets must be checked on news no gold set holds (issue 11); the
entity diff of `precision_audit.py` does not show timexes. Run main's code and a branch's on the same
drawn CSV (`precision_audit.py draw`), then

    python bench/timex_diff.py diff BASE.json BRANCH.json          # removed / added / changed timexes
    python bench/timex_diff.py dump EXPORT.json --grep 'malam'     # every timex (or those matching)

Each line carries the article's publication date (the anchor of relative expressions) and the text
around the timex, so a person can judge each change by hand. Stdlib only; deterministic order.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

Key = tuple[str, int, int, int]


def load(export: Path) -> tuple[dict[Key, dict], dict[str, dict]]:
    """The export's timexes by (article, start, end), and its articles by id."""
    data = json.loads(export.read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in data["articles"]}
    # a metadata line's timex (title, standfirst) has offsets into its line, not the body: keyed apart
    timexes = {(t["article"], t.get("line") or 0, t["start"], t["end"]): t for t in data["timexes"]}
    return timexes, articles


def _label(t: dict) -> str:
    mod = f" {t['mod']}" if t.get("mod") else ""
    return f"{t['type']} {t['value']}{mod}"


def _context(article: dict, start: int, end: int, width: int = 110) -> str:
    text = article["text"]
    around = text[max(0, start - width) : start] + "[[" + text[start:end] + "]]" + text[end : end + 60]
    return " ".join(around.split())


def _published(article: dict) -> str:
    pub = article.get("published") or {}
    return str(pub.get("value") or "-")


def _line(sign: str, t: dict, article: dict, label: str) -> str:
    where = f"(metadata line {t['line']})" if t.get("line") else _context(article, t["start"], t["end"])
    return f"{sign} {t['article'][:8]} pub={_published(article)} {t['text']!r} {label}\n      {where}"


def diff(before: Path, after: Path, show: int) -> None:
    """Removed (-), added (+) and changed (~: same span, other type/value/mod) timexes."""
    old, articles = load(before)
    new, _ = load(after)
    removed = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    changed = sorted(k for k in set(old) & set(new) if _label(old[k]) != _label(new[k]))
    print(f"timexes {len(old)} -> {len(new)}: removed {len(removed)}, added {len(added)}, changed {len(changed)}")
    rows = [(k, "-", _label(old[k]), old[k]) for k in removed]
    rows += [(k, "+", _label(new[k]), new[k]) for k in added]
    rows += [(k, "~", f"{_label(old[k])} -> {_label(new[k])}", new[k]) for k in changed]
    for _key, sign, label, t in sorted(rows, key=lambda r: (r[0], r[1]))[:show]:
        print(_line(sign, t, articles[t["article"]], label))


def dump(export: Path, grep: str | None, show: int) -> None:
    """Every timex of an export (or those whose text matches `grep`), in article order."""
    timexes, articles = load(export)
    pattern = re.compile(grep, re.IGNORECASE) if grep else None
    keys = [k for k in sorted(timexes) if pattern is None or pattern.search(timexes[k]["text"])]
    print(f"{len(keys)} of {len(timexes)} timexes")
    for k in keys[:show]:
        t = timexes[k]
        print(_line(" ", t, articles[t["article"]], _label(t)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("diff")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--show", type=int, default=500)
    p = sub.add_parser("dump")
    p.add_argument("export", type=Path)
    p.add_argument("--grep")
    p.add_argument("--show", type=int, default=100000)
    args = parser.parse_args()
    if args.cmd == "diff":
        diff(args.before, args.after, args.show)
    else:
        dump(args.export, args.grep, args.show)


if __name__ == "__main__":
    main()
