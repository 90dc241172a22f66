"""Benchmark and check: the corpus stages of two code versions on the same prepared store, in one run.

    .venv/bin/python bench/corpus_same_input.py STORE [STORE ...] --baseline SRC [--json FILE]

Each STORE holds articles whose article stages have run and whose corpus stages have not (queued),
e.g. a store kept by `bench/corpus_scaling.py --keep` to which the add folder was given with the
corpus stages left out (`--prepare ADD_FOLDER` does that here, with the baseline's code, so either
version can open it). For each store, a copy goes through `finish_corpus_work` with this checkout's
code and another with the code under `SRC` (a checkout's `src/`, e.g. from `git archive`), each in a
subprocess, one right after the other: the corpus stages' CPU per article, per stage, side by side
(a loaded machine moves both alike), and whether the results are the same (timeline entries,
stories, articles' copies and stories, events, conflicts, entities, their mentions).

A store made by an older linimasa is migrated when this checkout opens it; the timeline stage then
reads each date it touches whole, once (it keeps no rows for it yet). `--prebuild` first builds the
kept timeline rows for every date from the stored events, as a store grown by this code has them,
so that the figures are those of a store this code made. No timing is asserted: ratios carry.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

RUN = r"""
import hashlib, json, sys, time
from linimasa.batch import finish_corpus_work
from linimasa.pipeline import default_pipeline
from linimasa.store.sqlite import SQLiteStore
path, prebuild = sys.argv[1], sys.argv[2] == "1"
with SQLiteStore(path) as st:
    if prebuild:
        from linimasa.timeline import timeline_rows
        dates = [d for (d,) in st.db.execute("SELECT DISTINCT date_value FROM events WHERE date_value IS NOT NULL")]
        st.update_timeline_rows(dates, [], timeline_rows(st.events_on_brief(dates), st).values())
    cpu = {}
    n = finish_corpus_work(st, default_pipeline(), cpu_s=cpu)
    db = st.db
    def digest(rows):
        return hashlib.sha1(json.dumps(sorted(rows), ensure_ascii=False).encode()).hexdigest()
    out = {"articles": n, "ms_per_article": {k: round(1000 * v / max(n, 1), 2) for k, v in sorted(cpu.items())},
           "results": {
        "timeline": digest([[s or "", d, doc] for s, d, doc in db.execute(
            "SELECT story, date_value, doc FROM timeline")]),
        "stories": digest([d for (d,) in db.execute("SELECT doc FROM stories")]),
        "articles": digest([list(r) for r in db.execute(
            "SELECT id, duplicate_of, story, published_value, json_extract(extra, '$.follow_up_of') FROM articles")]),
        "events": digest([d for (d,) in db.execute("SELECT doc FROM events")]),
        "conflicts": digest([d for (d,) in db.execute("SELECT doc FROM conflicts")]),
        "entities": digest([d for (d,) in db.execute("SELECT doc FROM entities")]),
        "mentions": digest([list(r) for r in db.execute("SELECT entity_id, article_id, start FROM entity_mentions")]),
    }}
print(json.dumps(out))
"""

PREPARE = r"""
import sys
from linimasa.batch import run_batch
from linimasa.ingest import iter_sources
from linimasa.pipeline import Pipeline
from linimasa.store.sqlite import SQLiteStore
with SQLiteStore(sys.argv[1]) as st:
    run_batch(iter_sources([sys.argv[2]]), st, Pipeline(corpus_stages=[]), workers=1)
"""


def _copy(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
        if Path(str(src) + suffix).exists():
            shutil.copy2(str(src) + suffix, str(dst) + suffix)


def _python(code: str, args: list[str], src: str | None) -> str:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stores", nargs="+")
    ap.add_argument("--baseline", required=True, help="the src/ folder of the code to compare with")
    ap.add_argument("--prepare", help="first give these articles to a copy of each store, corpus stages left out")
    ap.add_argument("--prebuild", action="store_true", help="build this code's kept timeline rows first")
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args(argv)
    out: dict[str, object] = {"baseline": args.baseline, "prebuild": args.prebuild, "stores": {}}
    with tempfile.TemporaryDirectory(prefix="linimasa-same-") as tmp:
        work = Path(tmp)
        for store in args.stores:
            prepared = Path(store)
            if args.prepare:
                prepared = work / "prepared.db"
                _copy(Path(store), prepared)
                _python(PREPARE, [str(prepared), args.prepare], args.baseline)
            got = {}
            for name, src in (("baseline", args.baseline), ("this", None)):
                copy = work / f"{name}.db"
                _copy(prepared, copy)
                got[name] = json.loads(_python(RUN, [str(copy), "1" if name == "this" and args.prebuild else "0"],
                                               src))
            base, this = got["baseline"], got["this"]
            row = {"articles": this["articles"], "baseline_ms_per_article": base["ms_per_article"],
                   "this_ms_per_article": this["ms_per_article"],
                   "same_results": {k: base["results"][k] == this["results"][k] for k in this["results"]}}
            out["stores"][store] = row  # type: ignore[index]
            print(json.dumps({store: row}), flush=True)
            if args.json:
                Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
