"""Check that a speed change changed no output: the export and the NER scores of this checkout beside
those of REF on the same raw articles.

    .venv/bin/python bench/same_output.py --ref REF [--articles 200]

Writes N raw articles of ../shared/data/news-id-raw-scrape-2025 (as `bench/throughput.py` does) to a
temporary folder, runs `linimasa run FOLDER --workers 1 --out EXPORT` with this checkout and with REF
(installed from this repository's git history into a temporary virtualenv), and compares the two
linimasa/1 exports section by section (articles, entities, timexes, events, conflicts, stories,
timeline), then the model mentions with their scores (mean marginals, which the export leaves out) of
the first 50 articles. Exit status 1 on any difference. Use it with REF = the commit before a change
that must not change results (caches, faster loops); across a change of rules it shows what changed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from throughput import install_previous, raw_articles, write_inputs

NER_SCORES = """
import json, sys
from pathlib import Path
from linimasa.entities.ner import load_recogniser
r = load_recogniser()
files = sorted(Path(sys.argv[1]).iterdir())[:50]
print(json.dumps([[(m.start, m.end, m.type, m.score) for m in r.tag(f.read_text(encoding="utf-8"))] for f in files]))
"""


def _export(python: Path, folder: Path, out: Path, db: Path) -> dict[str, Any]:
    subprocess.run([str(python), "-m", "linimasa.cli", "run", str(folder), "--db", str(db), "--workers", "1",
                    "-q", "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _scores(python: Path, folder: Path) -> Any:
    done = subprocess.run([str(python), "-c", NER_SCORES, str(folder)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", required=True, help="git ref to compare with")
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    texts = raw_articles(args.articles)
    if not texts:
        print("no raw articles found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="linimasa-same-") as tmp_s:
        tmp = Path(tmp_s)
        folder = tmp / "in"
        write_inputs(texts, folder)
        print(f"installing {args.ref} into a temporary virtualenv ...", file=sys.stderr)
        ref_python = install_previous(args.ref, tmp / "ref")
        mine = _export(Path(sys.executable), folder, tmp / "mine.json", tmp / "mine.db")
        theirs = _export(ref_python, folder, tmp / "ref.json", tmp / "ref.db")
        differ = 0
        for section in sorted(set(mine) | set(theirs)):
            a, b = mine.get(section), theirs.get(section)
            same = a == b
            differ += not same
            size = len(a) if isinstance(a, list) else ""
            print(f"{section:10} {size!s:>6}  {'same' if same else 'DIFFERENT'}")
            if not same and isinstance(a, list) and isinstance(b, list):
                first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
                print(f"           first difference at item {first} of {len(a)} / {len(b)}")
        same_scores = _scores(Path(sys.executable), folder) == _scores(ref_python, folder)
        differ += not same_scores
        print(f"{'ner scores':10} {min(50, len(texts)):>6}  {'same' if same_scores else 'DIFFERENT'}")
    print(f"{len(texts)} articles: " + ("no output changed" if not differ else f"{differ} part(s) changed"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
