"""Two figures the README gives about events on a story corpus, counted on a store linimasa built.

    .venv/bin/python bench/events_story_checks.py [--corpus eval/link-id/corpus/dev] [--db STORE] [--json OUT]

With no `--db`, runs `linimasa run` on `--corpus` (326 real articles of June 2025 by default) into a
temporary store first. Then counts, from the store alone:
- the event mentions whose source is a first-person pronoun in a quote ("kami", "saya": the mention
  keeps the word as written) and how many of them the events stage gave a speaker, so that the event's
  summary names someone;
- the events, and those whose mentions were told in more than one story: event merging joins a
  mention of another story only on the exact day one of the event's mentions gives, so a window's
  meetings that share one country are not chained into one event.
No labels are read: these are counts of what the stages did, not scores.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

FIRST_PERSON = {"kami", "kita", "saya", "aku", "we", "i"}


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        story_of = dict(con.execute("SELECT id, story FROM articles"))
        first_person = with_speaker = events = in_stories = 0
        for (doc,) in con.execute("SELECT doc FROM events"):
            event = json.loads(doc)
            events += 1
            if len({story_of.get(m["article"]) for m in event["mentions"]}) > 1:
                in_stories += 1
            for m in event["mentions"]:
                if (m.get("source") or "").casefold() in FIRST_PERSON:
                    first_person += 1
                    with_speaker += any(role == "source" for _, role in m.get("actor_mentions") or [])
    finally:
        con.close()
    return {"first_person_mentions": first_person, "with_a_speaker": with_speaker,
            "events": events, "events_told_in_two_stories_or_more": in_stories}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[1] / "eval/link-id/corpus/dev"))
    ap.add_argument("--db", help="a store built already (else one is built from --corpus)")
    ap.add_argument("--json", help="also write the counts to this file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="linimasa-events-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "story.db"
        if not args.db:
            linimasa = Path(sys.executable).parent / "linimasa"
            subprocess.run([str(linimasa), "run", args.corpus, "--db", str(db), "-q"], check=True)
        out = counts(db)
    print(json.dumps(out, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
