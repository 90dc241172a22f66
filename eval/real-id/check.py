"""Check the gold files of eval/real-id: run before every commit.

    python eval/real-id/check.py            # check
    python eval/real-id/check.py --stats [SPLIT ...]   # counts per split (markdown, for README.md;
                                                       # default dev and test)

Checks every `<split>.jsonl` present: each mention/timex text equals file[start:end] and lies in the
article's body; no two mentions (or two timexes) of one article overlap; types and values are valid;
entity ids are unique within an article and, across articles, one id always has one type and one
canonical name; every article is in manifest.jsonl under the same split; dev and test share no file;
meta has its keys and an ISO `published`.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# entity-only development sets (README.md)
EXTRA_SETS = ("dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3", "dev-extra-entities-4",
              "dev-extra-entities-5", "dev-extra-entities-6", "dev-extra-entities-7",
              "dev-extra-entities-8", "dev-extra-entities-en", "dev-extra-entities-9",
              "dev-extra-entities-10", "dev-extra-entities-en2", "dev-extra-entities-11",
              "dev-extra-entities-12")
ENT_TYPES = {"PER", "ORG", "GPE", "LOC", "EVT"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
VALUE = {
    "DATE": re.compile(
        r"((BC)?\d{4}(-\d\d(-\d\d)?|-W\d\d(-WE)?|-Q[1-4]|-H[12]|-SP|-SU|-FA|-WI)?|XXXX-\d\d|\d{3}X|\d\dX?|\d\d|PAST_REF|PRESENT_REF|FUTURE_REF)$"
    ),  # BC: a year before Christ (TimeML's `BC0500`); XXXX-08: any year's August (dev-extra-12b)
    "TIME": re.compile(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)(T\d\d:\d\d|T(MO|MI|AF|EV|NI))$|PRESENT_REF$"),
    "DURATION": re.compile(r"P(T?(\d+|X)(\.\d+)?(DE|CE|ML|[YMWDHS]))+$"),  # ML: millennia (TIMEX2's unit)
    "SET": re.compile(r"(P(T?\d*[YMWDH])|XXXX-WXX-\d|XXXX-XX-XX(T\w+)?)$"),
}
PUBLISHED = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d)?$")


def stats(splits: tuple[str, ...] = ("dev", "test")) -> None:
    """Counts per split, as README.md gives them (markdown): dev and test, or the splits named after
    `--stats` (an extra set's counts for its README section)."""
    import collections

    paths = [*sorted(HERE.glob("manifest*.jsonl")), *(HERE / x / "manifest.jsonl" for x in EXTRA_SETS)]
    man = [json.loads(x) for p in paths if p.exists() for x in p.read_text(encoding="utf-8").splitlines()]
    print("| | " + " | ".join(splits) + " |\n|" + "---|" * (len(splits) + 1))

    def row(label: str, f) -> None:
        print(f"| {label} | " + " | ".join(str(f(sp)) for sp in splits) + " |")

    def fmt(c: collections.Counter) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    row("articles", lambda sp: sum(m["split"] == sp for m in man))
    row("outlets", lambda sp: len({m["outlet"] for m in man if m["split"] == sp}))
    row("languages", lambda sp: fmt(collections.Counter(m["language"] for m in man if m["split"] == sp)))
    row("topics", lambda sp: fmt(collections.Counter(m["topic"] for m in man if m["split"] == sp)))
    row("sources", lambda sp: fmt(collections.Counter(m["source"].split("/")[0] for m in man if m["split"] == sp)))
    gold = {}
    for sp in splits:
        path = HERE / f"{sp}.jsonl"
        gold[sp] = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    row("annotated articles", lambda sp: len(gold[sp]))
    row("entity mentions", lambda sp: sum(len(e["mentions"]) for d in gold[sp] for e in d["entities"]))
    row(
        "  by type",
        lambda sp: fmt(collections.Counter(e["type"] for d in gold[sp] for e in d["entities"] for _ in e["mentions"])),
    )
    row("entities (distinct ids)", lambda sp: len({e["id"] for d in gold[sp] for e in d["entities"]}))
    row(
        "entities named in 2+ articles",
        lambda sp: sum(
            1 for n in collections.Counter(e["id"] for d in gold[sp] for e in d["entities"]).values() if n > 1
        ),
    )
    row("timexes", lambda sp: sum(len(d["timexes"]) for d in gold[sp]))
    row("  by type", lambda sp: fmt(collections.Counter(t["type"] for d in gold[sp] for t in d["timexes"])))
    row("articles crediting an author", lambda sp: sum(1 for d in gold[sp] if d["meta"]["authors"]))
    row("articles with a dateline", lambda sp: sum(1 for d in gold[sp] if d["meta"]["dateline"]))


def main() -> int:
    errors: list[str] = []
    manifest_rows = [
        json.loads(x) for p in sorted(HERE.glob("manifest*.jsonl")) for x in p.read_text(encoding="utf-8").splitlines()
    ]
    for extra in EXTRA_SETS:
        path = HERE / extra / "manifest.jsonl"
        if path.exists():
            manifest_rows += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    man = {m["file"]: m for m in manifest_rows}
    seen: dict[str, str] = {}
    ids: dict[str, tuple[str, str, str]] = {}
    counts = {}
    dates_sets = ("dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5", "dev-extra-6",
                  "dev-extra-7", "dev-extra-8", "dev-extra-9", "dev-extra-10",
                  "dev-extra-11", "dev-extra-11b", "dev-extra-11c", "dev-extra-11d",
                  "dev-extra-11e", "dev-extra-11f", "dev-extra-11g", "dev-extra-11h",
                  "dev-extra-12", "dev-extra-12b", "dev-extra-13", "dev-extra-13b", "dev-extra-13c",
                  "dev-extra-13d", "dev-extra-13e", "dev-extra-13f")
    dates_sets = (*dates_sets, "dev-extra-14", "dev-extra-14b", "dev-extra-14c", "dev-extra-14d",
                               "dev-extra-14e")
    for split in ("dev", "test", *dates_sets, *EXTRA_SETS):
        path = HERE / f"{split}.jsonl"
        if not path.exists():
            continue
        n = 0
        for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            d = json.loads(line)
            n += 1
            where = f"{split}.jsonl:{ln} {d.get('file')}"
            f = d["file"]
            if f in seen:
                errors.append(f"{where}: also in {seen[f]}")
            seen[f] = split
            if man.get(f, {}).get("split") != split or d["split"] != split:
                errors.append(f"{where}: split differs from manifest.jsonl")
            with open(HERE / f, encoding="utf-8", newline="") as fh:
                text = fh.read()
            body = d["body"]
            inb = lambda s, e, body=body: any(bs <= s and e <= be for bs, be in body)  # noqa: E731
            meta = d["meta"]
            if split in EXTRA_SETS:  # annotated for entities only: no metadata, no timexes
                if d["timexes"]:
                    errors.append(f"{where}: an entity-only set holds timexes")
                meta = dict(meta, outlet=d.get("outlet") or "-", published="2000-01-01")
            for k in ("title", "outlet", "dateline", "published", "authors"):
                if k not in meta:
                    errors.append(f"{where}: meta lacks {k}")
            if not meta.get("outlet"):
                errors.append(f"{where}: no outlet")
            if not PUBLISHED.match(meta.get("published") or ""):
                errors.append(f"{where}: published {meta.get('published')!r} is not ISO")
            if d["language"] not in ("id", "en"):
                errors.append(f"{where}: language {d['language']!r}")
            spans = []
            for t in d["timexes"]:
                if text[t["start"] : t["end"]] != t["text"]:
                    errors.append(f"{where}: timex {t['text']!r} != file[{t['start']}:{t['end']}]")
                if not inb(t["start"], t["end"]):
                    errors.append(f"{where}: timex {t['text']!r} outside the body")
                if t["type"] not in TIMEX_TYPES:
                    errors.append(f"{where}: timex type {t['type']!r}")
                elif not VALUE[t["type"]].match(t["value"]):
                    errors.append(f"{where}: timex {t['text']!r} {t['type']} value {t['value']!r}")
                spans.append((t["start"], t["end"], t["text"]))
            spans.sort()
            for a, b in itertools.pairwise(spans):
                if b[0] < a[1]:
                    errors.append(f"{where}: timexes {a[2]!r} and {b[2]!r} overlap")
            local: set[str] = set()
            mspans = []
            for e in d["entities"]:
                if e["id"] in local:
                    errors.append(f"{where}: entity id {e['id']} twice")
                local.add(e["id"])
                if e["type"] not in ENT_TYPES:
                    errors.append(f"{where}: entity {e['id']} type {e['type']!r}")
                prev = ids.setdefault(e["id"], (e["type"], e["name"], where))
                if prev[:2] != (e["type"], e["name"]):
                    errors.append(
                        f"{where}: id {e['id']} is {e['type']} {e['name']!r} here, {prev[0]} {prev[1]!r} in {prev[2]}"
                    )
                if not e["mentions"]:
                    errors.append(f"{where}: entity {e['id']} has no mention")
                for m in e["mentions"]:
                    if text[m["start"] : m["end"]] != m["text"]:
                        errors.append(f"{where}: mention {m['text']!r} != file[{m['start']}:{m['end']}]")
                    if not inb(m["start"], m["end"]):
                        errors.append(f"{where}: mention {m['text']!r} outside the body")
                    if m["text"] != m["text"].strip() or not m["text"]:
                        errors.append(f"{where}: mention {m['text']!r} has outer blanks")
                    mspans.append((m["start"], m["end"], m["text"]))
            mspans.sort()
            for a, b in itertools.pairwise(mspans):
                if b[0] < a[1]:
                    errors.append(f"{where}: mentions {a[2]!r} and {b[2]!r} overlap")
        counts[split] = n
    for e in errors:
        print("error:", e)
    print(f"checked {counts}; {len(ids)} distinct entity ids; {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    if "--stats" in sys.argv:
        stats(tuple(sys.argv[sys.argv.index("--stats") + 1 :]) or ("dev", "test"))
        sys.exit(0)
    sys.exit(main())
