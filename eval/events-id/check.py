"""Validate the Indonesian PLOVER event gold set (eval/events-id) and print its counts.

    /work/main/.venv/bin/python eval/events-id/check.py            # check every split (dev, test, dev2 .. dev6)
    /work/main/.venv/bin/python eval/events-id/check.py --markdown # counts as Markdown for the README

Checks: JSON schema of every record and event; types among the 16, modes among the 4; trigger,
source, target, place and date_text occur verbatim in the sentence; date is null or YYYY[-MM[-DD]];
ids unique across the files; every record matches its candidate (same id, url, sentence); the splits'
articles (URLs) disjoint. A missing file is reported and skipped. Exit status 1 on any error.
Stdlib only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODES = ("asserted", "negated", "planned", "hypothetical")
RECORD_KEYS = {
    "id": str, "split": str, "file": str, "row": int, "url": str, "outlet": str, "published": str,
    "topic": str, "sentence": str, "context": str, "events": list,
}
OPTIONAL_KEYS = {"site": str, "title": str, "sent_index": int, "note": str}
EVENT_KEYS = ("type", "mode", "trigger", "source", "target", "place", "date_text", "date", "background")
SURFACE = ("trigger", "source", "target", "place", "date_text")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load(path: str) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise SystemExit(f"{path}:{n}: bad JSON: {e}") from e
    return out


def check_record(r: dict, split: str, errors: list[str]) -> None:
    rid = r.get("id", "?")
    for k, t in RECORD_KEYS.items():
        if k not in r:
            errors.append(f"{rid}: missing field {k}")
        elif not isinstance(r[k], t) or (t is int and isinstance(r[k], bool)):
            errors.append(f"{rid}: field {k} is not {t.__name__}")
    for k in r:
        if k not in RECORD_KEYS and k not in OPTIONAL_KEYS:
            errors.append(f"{rid}: unknown field {k}")
    if r.get("split") != split:
        errors.append(f"{rid}: split {r.get('split')!r} in the {split} file")
    if not str(rid).startswith(f"evid-{split}-"):
        errors.append(f"{rid}: id does not start with evid-{split}-")
    if not ISO_DAY.match(str(r.get("published", ""))):
        errors.append(f"{rid}: published {r.get('published')!r} is not YYYY-MM-DD")
    sent = r.get("sentence") or ""
    if not sent.strip():
        errors.append(f"{rid}: empty sentence")
    for i, e in enumerate(r.get("events") or []):
        where = f"{rid} event {i}"
        if not isinstance(e, dict):
            errors.append(f"{where}: not an object")
            continue
        if set(e) != set(EVENT_KEYS):
            errors.append(f"{where}: keys {sorted(e)} != {sorted(EVENT_KEYS)}")
        if e.get("type") not in TYPES:
            errors.append(f"{where}: type {e.get('type')!r} not among the 16")
        if e.get("mode") not in MODES:
            errors.append(f"{where}: mode {e.get('mode')!r} not among {MODES}")
        if not isinstance(e.get("trigger"), str) or not e.get("trigger"):
            errors.append(f"{where}: trigger must be a non-empty string")
        for k in SURFACE:
            v = e.get(k)
            if v is None:
                continue
            if not isinstance(v, str) or not v.strip():
                errors.append(f"{where}: {k} must be a non-empty string or null")
            elif v not in sent:
                errors.append(f"{where}: {k} {v!r} not verbatim in the sentence")
            elif v != v.strip():
                errors.append(f"{where}: {k} {v!r} has outer spaces")
        d = e.get("date")
        if d is not None and (not isinstance(d, str) or not DATE_RE.match(d)):
            errors.append(f"{where}: date {d!r} is not YYYY[-MM[-DD]] or null")
        if d is not None and e.get("date_text") is None:
            errors.append(f"{where}: date without date_text")
        if not isinstance(e.get("background"), bool):
            errors.append(f"{where}: background must be true/false")


def stats(recs: list[dict]) -> dict:
    evs = [e for r in recs for e in r["events"]]
    return {
        "sentences": len(recs),
        "articles": len({r["url"] for r in recs}),
        "outlets": Counter(r["outlet"] for r in {r["url"]: r for r in recs}.values()),
        "topics": Counter(r["topic"] for r in {r["url"]: r for r in recs}.values()),
        "events": len(evs),
        "types": Counter(e["type"] for e in evs),
        "modes": Counter(e["mode"] for e in evs),
        "no_event": sum(1 for r in recs if not r["events"]),
        "multi_event": sum(1 for r in recs if len(r["events"]) > 1),
        "background": sum(1 for e in evs if e["background"]),
        "with_source": sum(1 for e in evs if e["source"]),
        "with_target": sum(1 for e in evs if e["target"]),
        "with_place": sum(1 for e in evs if e["place"]),
        "with_date": sum(1 for e in evs if e["date"]),
    }


def print_plain(split: str, s: dict) -> None:
    print(f"== {split}: {s['sentences']} sentences, {s['articles']} articles, "
          f"{len(s['outlets'])} outlets, {len(s['topics'])} topics, {s['events']} events")
    print(f"   no event: {s['no_event']} ({s['no_event'] / max(1, s['sentences']):.1%}); "
          f"several events: {s['multi_event']}; background: {s['background']}")
    print(f"   with source {s['with_source']}, target {s['with_target']}, place {s['with_place']}, "
          f"date {s['with_date']}")
    print("   outlets:", dict(sorted(s["outlets"].items())))
    print("   topics:", dict(sorted(s["topics"].items())))
    print("   types:", {t: s["types"][t] for t in TYPES if s["types"][t]})
    print("   modes:", {m: s["modes"][m] for m in MODES if s["modes"][m]})


def print_candidates(cp: dict[str, dict]) -> None:
    if not cp:
        return
    splits = list(cp)
    print("| candidates | " + " | ".join(splits) + " | all |")
    print("|---|" + "---|" * (len(splits) + 1))
    for k in ("sentences", "articles"):
        print(f"| {k} | " + " | ".join(str(cp[s][k]) for s in splits) + f" | {sum(cp[s][k] for s in splits)} |")
    allo = set().union(*(cp[s]["outlets"] for s in splits))
    allt = set().union(*(cp[s]["topics"] for s in splits))
    print("| outlets | " + " | ".join(str(len(cp[s]["outlets"])) for s in splits) + f" | {len(allo)} |")
    print("| topics | " + " | ".join(str(len(cp[s]["topics"])) for s in splits) + f" | {len(allt)} |")
    print()


def print_markdown(per: dict[str, dict]) -> None:
    if not per:
        return
    splits = list(per)
    print("| | " + " | ".join(splits) + " |")
    print("|---|" + "---|" * len(splits))
    rows = [("sentences", "sentences"), ("articles", "articles"), ("events", "events")]
    for label, k in rows:
        print(f"| {label} | " + " | ".join(str(per[s][k]) for s in splits) + " |")
    print("| outlets | " + " | ".join(str(len(per[s]["outlets"])) for s in splits) + " |")
    print("| topics | " + " | ".join(str(len(per[s]["topics"])) for s in splits) + " |")
    print("| sentences with no event | " + " | ".join(
        f"{per[s]['no_event']} ({per[s]['no_event'] / max(1, per[s]['sentences']):.0%})" for s in splits) + " |")
    print("| sentences with 2+ events | " + " | ".join(str(per[s]["multi_event"]) for s in splits) + " |")
    print("| background events | " + " | ".join(str(per[s]["background"]) for s in splits) + " |")
    for k in ("with_source", "with_target", "with_place", "with_date"):
        print(f"| events {k.replace('_', ' ')} | " + " | ".join(str(per[s][k]) for s in splits) + " |")
    print()
    print("| type | " + " | ".join(splits) + " |")
    print("|---|" + "---|" * len(splits))
    for t in TYPES:
        print(f"| {t} | " + " | ".join(str(per[s]["types"][t]) for s in splits) + " |")
    print()
    print("| mode | " + " | ".join(splits) + " |")
    print("|---|" + "---|" * len(splits))
    for m in MODES:
        print(f"| {m} | " + " | ".join(str(per[s]["modes"][m]) for s in splits) + " |")
    print()
    print("| outlet (articles) | " + " | ".join(splits) + " |")
    print("|---|" + "---|" * len(splits))
    for o in sorted(set().union(*(per[s]["outlets"] for s in splits))):
        print(f"| {o} | " + " | ".join(str(per[s]["outlets"][o]) for s in splits) + " |")
    print()
    print("| topic (articles) | " + " | ".join(splits) + " |")
    print("|---|" + "---|" * len(splits))
    for t in sorted(set().union(*(per[s]["topics"] for s in splits))):
        print(f"| {t} | " + " | ".join(str(per[s]["topics"][t]) for s in splits) + " |")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=HERE)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    errors: list[str] = []
    per: dict[str, dict] = {}
    cand_per: dict[str, dict] = {}
    urls: dict[str, set[str]] = {}
    ids: Counter[str] = Counter()
    for split in ("dev", "test", "dev2", "dev3", "dev4", "dev5", "dev6"):
        cand_path = os.path.join(args.dir, f"candidates-{split}.jsonl")
        cands = {c["id"]: c for c in load(cand_path)} if os.path.exists(cand_path) else {}
        if cands:
            urls[split] = {c["url"] for c in cands.values()}
        if cands:
            cand_per[split] = {
                "sentences": len(cands), "articles": len(urls[split]),
                "outlets": Counter(c["outlet"] for c in {c["url"]: c for c in cands.values()}.values()),
                "topics": Counter(c["topic"] for c in {c["url"]: c for c in cands.values()}.values()),
            }
        path = os.path.join(args.dir, f"{split}.jsonl")
        if not os.path.exists(path):
            print(f"-- {split}.jsonl: not there (yet); {len(cands)} candidates")
            continue
        recs = load(path)
        for r in recs:
            check_record(r, split, errors)
            ids[r.get("id")] += 1
            c = cands.get(r.get("id"))
            if cands and c is None:
                errors.append(f"{r.get('id')}: not among the candidates")
            elif c is not None:
                for k in ("url", "sentence", "file", "row", "outlet", "published", "topic", "context"):
                    if r.get(k) != c.get(k):
                        errors.append(f"{r.get('id')}: {k} differs from the candidate")
        missing = sorted(set(cands) - {r.get("id") for r in recs})
        if missing:
            print(f"-- {split}: {len(missing)} candidates not yet annotated (first: {missing[0]})")
        urls[split] = urls.get(split, set()) | {r.get("url") for r in recs}
        good = [r for r in recs if isinstance(r.get("events"), list)]
        per[split] = stats(good)
    for i, n in ids.items():
        if n > 1:
            errors.append(f"{i}: id used {n} times")
    for i, a in enumerate(sorted(urls)):
        for b in sorted(urls)[i + 1:]:
            if urls[a] & urls[b]:
                errors.append(f"{len(urls[a] & urls[b])} articles are in both {a} and {b}")
    if args.markdown:
        print_candidates(cand_per)
        print_markdown(per)
    else:
        for split, s in per.items():
            print_plain(split, s)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print(f"{len(errors)} errors", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
