"""Check the format of eval/timeline-id's gold files (not whether a label is right).

    python3 eval/timeline-id/check.py [gold/STORY.json ...]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?|\d{3}X")
ENTITY_TYPES = {"PER", "ORG", "GPE", "LOC", "EVT"}


def problems(path: Path, stories: dict[str, dict]) -> list[str]:
    out: list[str] = []
    gold = json.loads(path.read_text(encoding="utf-8"))
    story = gold.get("story")
    if story not in stories:
        return [f"{path.name}: unknown story {story!r}"]
    meta = stories[story]
    if gold.get("split") != meta["split"]:
        out.append(f"{path.name}: split {gold.get('split')!r}, stories.json says {meta['split']!r}")
    files = set(meta["files"])
    docs = {d.get("file") for d in gold.get("documents", [])}
    if docs != files:
        out.append(f"{path.name}: documents {sorted(docs ^ files)} differ from the folder")
    for d in gold.get("documents", []):
        pub = d.get("published") or {}
        if not all(DATE.fullmatch(str(pub.get(k, ""))) for k in ("earliest", "latest")):
            out.append(f"{path.name}: {d.get('file')}: published {pub}")
    names = set()
    for e in gold.get("entities", []):
        if e.get("type") not in ENTITY_TYPES or not e.get("name"):
            out.append(f"{path.name}: entity {e}")
        names.add(e.get("name"))
        if not set(e.get("docs", [])) <= files:
            out.append(f"{path.name}: entity {e.get('name')}: unknown docs")
    ids = set()
    for ev in gold.get("events", []):
        where = f"{path.name}: {ev.get('id')}"
        if ev.get("id") in ids:
            out.append(f"{where}: id repeated")
        ids.add(ev.get("id"))
        if ev.get("type") not in TYPES:
            out.append(f"{where}: type {ev.get('type')!r}")
        if not DATE.fullmatch(str(ev.get("date", ""))):
            out.append(f"{where}: date {ev.get('date')!r}")
        for d in ev.get("accept_dates", []):
            if not DATE.fullmatch(str(d)):
                out.append(f"{where}: accept date {d!r}")
        if not ev.get("actors") or not set(ev["actors"]) <= names:
            out.append(f"{where}: actors {ev.get('actors')} not all in entities")
        if not ev.get("docs") or not set(ev["docs"]) <= files:
            out.append(f"{where}: docs {ev.get('docs')}")
        if not ev.get("evidence"):
            out.append(f"{where}: no evidence")
    for c in gold.get("conflicts", []):
        if c.get("about") not in ids:
            out.append(f"{path.name}: conflict {c.get('id')} about unknown event")
    return out


def main(argv: list[str]) -> int:
    stories = json.loads((HERE / "stories.json").read_text(encoding="utf-8"))
    paths = [Path(a) for a in argv] or sorted((HERE / "gold").glob("*.json"))
    bad = [p for path in paths for p in problems(path, stories)]
    for p in bad:
        print(p)
    missing = sorted(set(stories) - {p.stem for p in (HERE / "gold").glob("*.json")}) if not argv else []
    if missing:
        print("no gold yet:", ", ".join(missing))
    print(f"{len(paths)} gold files, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
