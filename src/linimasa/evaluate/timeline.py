"""`linimasa eval timeline`: story timelines of real Indonesian news against hand-annotated gold.

The sample's scorer (`../shared/eval/score.py`) measures the timeline on five articles of one story;
eval/timeline-id holds more stories of real June 2025 news, each annotated the same way (the
`linimasa-gold/1` events of `eval/timeline-id/GUIDELINE.md`). Each story is processed alone into a
fresh store, as a user would process the articles of one story, and scored with the sample
scorer's rules, so the figures read as the sample's do:

- event recall: a gold event (not background) is found when a system event mentioned in one of its
  files has its type, shares an actor name (the gold entity's name or aliases) and has a date inside
  one of the gold's dates and no coarser; event date recall asks the date only;
- event precision lower bound: the share of the system's events with a mention in the story's files
  that match a gold event (an event the gold does not list counts as wrong: a lower bound);
- timeline date precision / recall: the days of the system's timeline against the days of the gold's
  events that are not background;
- one story: whether all the story's articles land in one system story (copies with their original).

Beside them, in the same run, the **publication-day baseline**: the same system events, each dated
by the publication day of the first article that tells it, as a tool without a time stage would.
It shows what resolving each event's own date is worth.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from linimasa.evaluate import emit, eval_folder
from linimasa.model import date_range

SETS = ("dev", "test")


def default_gold() -> Path:
    return eval_folder("timeline-id")


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip().casefold()


def date_fits(system: str | None, gold: str) -> bool:
    """The system's date lies inside the gold date and is no coarser than it (TimeML values: a day, a
    week, a month, a year, a decade)."""
    s, g = date_range(system or ""), date_range(gold)
    return bool(s and g and g[0] <= s[0] and s[1] <= g[1])


def _day(value: str | None) -> str | None:
    v = (value or "")[:10]
    return v if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) else None


def entity_names(entity: Mapping[str, Any]) -> set[str]:
    return {norm(entity.get("name"))} | {norm(a) for a in entity.get("aliases", [])}


def score_story(gold: Mapping[str, Any], export: Mapping[str, Any]) -> dict[str, Any]:
    """One story's counts (events found and dated, system events matched, timeline days) from the
    gold and the story's export; `score.py`'s rules (module docstring)."""
    ents = {e["id"]: e for e in export.get("entities", [])}
    gold_names = {g["name"]: {norm(x) for x in [g["name"], *g.get("aliases", [])]} for g in gold["entities"]}
    id_of = {Path(a.get("source", "")).name: a.get("id") for a in export.get("articles", [])}
    mine = set(id_of.values())
    system = [e for e in export.get("events", []) if {m.get("article") for m in e.get("mentions", [])} & mine]
    # each system event's articles and actor names, worked out once for all the gold events
    docs_of = [{m.get("article") for m in se.get("mentions", [])} for se in system]
    names_of = [set().union(*(entity_names(ents[a["entity"]]) for a in se.get("actors", []) if a.get("entity") in ents))
                for se in system]
    matched: set[int] = set()
    found = dated = 0
    misses = []
    for ge in gold["events"]:
        dates = ge.get("accept_dates") or [ge["date"]]
        want_actors = set().union(*(gold_names.get(a, {norm(a)}) for a in ge["actors"]))
        want_docs = {id_of.get(d) for d in ge["docs"]} - {None}
        ok = ok_date = False
        for i, se in enumerate(system):
            if not docs_of[i] & want_docs:
                continue
            if not any(date_fits((se.get("date") or {}).get("value"), d) for d in dates):
                continue
            ok_date = True
            if se.get("type") == ge["type"] and names_of[i] & want_actors:
                ok = True
                matched.add(i)
        if ge.get("background"):
            continue
        found += ok
        dated += ok_date
        if not ok:
            misses.append(f"{ge['id']} {ge['date']} {ge['type']} {ge['actors']}")
    want = {ge["date"] for ge in gold["events"] if not ge.get("background") and _day(ge["date"]) == ge["date"]}
    got = {d for t in export.get("timeline", []) if (d := _day((t.get("date") or {}).get("value")))}
    # the baseline: each system event on the publication day of its first article
    published = {a.get("id"): _day((a.get("published") or {}).get("value")) for a in export.get("articles", [])}
    baseline = set()
    for se in system:
        days = sorted(filter(None, (published.get(m.get("article")) for m in se.get("mentions", []))))
        if days:
            baseline.add(days[0])
    stories = {a.get("story") for a in export.get("articles", []) if not a.get("duplicate_of")}
    return {"gold_events": sum(not ge.get("background") for ge in gold["events"]), "found": found, "dated": dated,
            "system_events": len(system), "system_matched": len(matched), "misses": misses,
            "timeline_want": sorted(want), "timeline_got": sorted(got), "timeline_right": sorted(want & got),
            "baseline_got": sorted(baseline), "baseline_right": sorted(want & baseline),
            "one_story": len(stories) == 1 and None not in stories, "stories": len(stories)}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    return round(2 * p * r / (p + r), 3) if p is not None and r is not None and p + r else None


def figures(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Pooled over stories: each count summed, then the ratios (micro average)."""
    rows = list(rows)
    total = lambda k: sum(r[k] for r in rows)  # noqa: E731
    size = lambda k: sum(len(r[k]) for r in rows)  # noqa: E731
    p, r = _ratio(size("timeline_right"), size("timeline_got")), _ratio(size("timeline_right"), size("timeline_want"))
    bp, br = _ratio(size("baseline_right"), size("baseline_got")), _ratio(size("baseline_right"), size("timeline_want"))
    return {"stories": len(rows), "gold_events": total("gold_events"),
            "event_recall": _ratio(total("found"), total("gold_events")),
            "event_date_recall": _ratio(total("dated"), total("gold_events")),
            "event_precision_lower_bound": _ratio(total("system_matched"), total("system_events")),
            "timeline_date_precision": p, "timeline_date_recall": r, "timeline_date_f1": _f1(p, r),
            "baseline_timeline_date_precision": bp, "baseline_timeline_date_recall": br,
            "baseline_timeline_date_f1": _f1(bp, br),
            "one_story": sum(bool(x["one_story"]) for x in rows)}


def load_set(gold_dir: Path, split: str) -> dict[str, dict[str, Any]]:
    stories = json.loads((gold_dir / "stories.json").read_text(encoding="utf-8"))
    out = {}
    for name, meta in sorted(stories.items()):
        if meta["split"] != split:
            continue
        path = gold_dir / "gold" / f"{name}.json"
        if not path.is_file():
            raise SystemExit(f"linimasa eval timeline: no gold for story {name} ({path})")
        out[name] = json.loads(path.read_text(encoding="utf-8"))
    return out


def run_story(folder: Path) -> dict[str, Any]:
    """The export of one story's files processed alone into a fresh store."""
    import linimasa
    from linimasa.export import export_corpus

    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"linimasa eval timeline: no articles under {folder} (run eval/timeline-id/select.py)")
    with tempfile.TemporaryDirectory(prefix="linimasa-eval-timeline-") as tmp:
        corpus = linimasa.process(files, store=str(Path(tmp) / "eval.db"))
    return export_corpus(corpus)


def evaluate(gold_dir: Path, split: str) -> dict[str, Any]:
    rows = {}
    for name, gold in load_set(gold_dir, split).items():
        rows[name] = score_story(gold, run_story(gold_dir / "corpus" / split / name))
    return {"set": split, "gold": str(gold_dir), "figures": figures(rows.values()), "stories": rows}


def print_result(r: Mapping[str, Any], out: Any = None) -> None:
    """The pooled figures, and for a development set each story's (the held-out test stories are
    not read one by one)."""
    out = out or sys.stdout
    f = r["figures"]
    print(f"linimasa eval timeline: {r['gold']}, set {r['set']}: {f['stories']} stories, "
          f"{f['gold_events']} gold events", file=out)
    print("", file=out)
    print(f"{'':26}{'linimasa':>10}{'pub-day':>10}", file=out)
    for key in ("precision", "recall", "f1"):
        print(f"  timeline date {key:<12}{_fmt(f['timeline_date_' + key]):>10}"
              f"{_fmt(f['baseline_timeline_date_' + key]):>10}", file=out)
    for key in ("event_recall", "event_date_recall", "event_precision_lower_bound"):
        print(f"  {key.replace('_', ' '):<24}{_fmt(f[key]):>10}", file=out)
    print(f"  {'all articles in one story':<24}{f['one_story']:>7} of {f['stories']}", file=out)
    if r["set"] == "test":
        return
    print("", file=out)
    for name, row in r["stories"].items():
        p = _ratio(len(row["timeline_right"]), len(row["timeline_got"]))
        rr = _ratio(len(row["timeline_right"]), len(row["timeline_want"]))
        print(f"  {name:<30} events {row['found']}/{row['gold_events']} found, {row['system_matched']}/"
              f"{row['system_events']} right; timeline days P {_fmt(p)} R {_fmt(rr)}; "
              f"{'one story' if row['one_story'] else str(row['stories']) + ' stories'}", file=out)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="linimasa eval timeline",
        description="Score story timelines (events, their dates, the timeline's days, one story per story) on\n"
        "hand-annotated real Indonesian news (eval/timeline-id), beside a publication-day baseline.",
        epilog="examples:\n  linimasa eval timeline --set dev\n  linimasa eval timeline --set test --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--set", choices=SETS, default="test", dest="split",
                    help="which split (default: test; rules are developed on dev only)")
    ap.add_argument("--gold", type=Path, default=None, help="the gold set folder (default: eval/timeline-id)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(list(argv))
    result = evaluate(args.gold or default_gold(), args.split)
    if args.split == "test":  # figures only, in JSON too
        result = {k: v for k, v in result.items() if k != "stories"}
    emit(result, args.json, print_result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
