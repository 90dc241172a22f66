"""Benchmark: articles per CPU-second end to end, beside an earlier version measured in the same run.

    .venv/bin/python bench/throughput.py [--articles 500] [--previous REF] [--json OUT]

Writes N real raw articles from ../shared/data/news-id-raw-scrape-2025 (title line, then the body, as
`linimasa run` sees a scraped file) into a temporary folder and runs `linimasa run FOLDER --workers 1
-q` into a fresh database, twice: with this checkout, and with REF (default: 8ca2bd8, the code before
issue 12) installed from this repository's git history into a temporary virtualenv. The figure is
articles per CPU-second of the whole run (user + system time of the process: startup, ingest, every
stage, the store), the steadier figure on a shared machine; wall time is printed beside it. Then the
stage shares of this checkout, measured in-process on the same articles. No timing is asserted:
machines differ; the ratio between the two versions is what carries.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("LINIMASA_DATA", ROOT.parent / "shared" / "data"))
BEFORE_ISSUE_12 = "8ca2bd8"


def raw_articles(n: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    out: list[str] = []
    for path in sorted((DATA / "news-id-raw-scrape-2025").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                text = f"{row.get('judul') or ''}\n{row.get('isi_berita') or ''}"
                if len(text) > 200:
                    out.append(text)
                if len(out) >= n:
                    return out
    return out


def write_inputs(texts: list[str], folder: Path) -> None:
    """One .txt file per article, the input folder `linimasa run` reads."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:04d}.txt").write_text(text, encoding="utf-8")


def timed(cmd: list[str], **kw: Any) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def install_previous(ref: str, where: Path) -> Path:
    """A virtualenv with `ref` of this repository installed (not editable) into it; its python."""
    venv.EnvBuilder(with_pip=True).create(where / "venv")
    python = where / "venv" / "bin" / "python"
    src = where / "src"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(src), ref], check=True,
                   capture_output=True)
    try:
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(src)], check=True)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(src)], capture_output=True)
    return python


def stage_shares(texts: list[str]) -> dict[str, float]:
    from linimasa.ingest import ingest_bytes
    from linimasa.pipeline import Pipeline

    pipe = Pipeline()
    spent: dict[str, float] = {b.spec.name: 0.0 for b in pipe._article}
    for text in texts[:3]:
        pipe.process_article(ingest_bytes(text.encode(), "warm-up"))
    for i, text in enumerate(texts):
        t = time.process_time()
        a = ingest_bytes(text.encode(), f"a{i}")
        spent["ingest"] = spent.get("ingest", 0.0) + time.process_time() - t
        for b in pipe._article:
            t = time.process_time()
            a = b.fn(a)
            spent[b.spec.name] += time.process_time() - t
    total = sum(spent.values())
    return {k: round(v / total, 3) for k, v in spent.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--previous", default=BEFORE_ISSUE_12, help=f"git ref to compare with (default: {BEFORE_ISSUE_12})")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    texts = raw_articles(args.articles)
    if not texts:
        print(f"no articles under {DATA}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="linimasa-throughput-") as tmp_s:
        tmp = Path(tmp_s)
        folder = tmp / "in"
        write_inputs(texts, folder)
        print(f"installing {args.previous} into a temporary virtualenv ...", file=sys.stderr)
        previous = install_previous(args.previous, tmp / "previous")
        # pip compiled the previous version's modules when it installed them; compile this checkout's too, so
        # neither run pays for compiling its sources (PYTHONDONTWRITEBYTECODE would otherwise make this
        # checkout recompile them in every run, about 0.3 CPU-s).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "linimasa")], check=True)
        runs: dict[str, dict[str, float]] = {}
        for label, python in (("this checkout", Path(sys.executable)), (args.previous, previous)):
            cpu, wall = timed([str(python), "-m", "linimasa.cli", "run", str(folder), "--db", str(tmp / f"{label}.db"),
                               "--workers", "1", "-q"], cwd=tmp)
            runs[label] = {"cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                           "articles_per_cpu_s": round(len(texts) / cpu, 1)}
            print(f"{label:16} {len(texts)} articles: {cpu:7.2f} CPU-s  {wall:7.2f} s wall  "
                  f"{len(texts) / cpu:6.1f} articles per CPU-second", flush=True)
    ratio = round(runs["this checkout"]["articles_per_cpu_s"] / runs[args.previous]["articles_per_cpu_s"], 2)
    shares = stage_shares(texts)
    print(f"this checkout / {args.previous}: {ratio}x (aim: >= 2x and >= 50 articles per CPU-second)")
    print("stage shares of the per-article CPU time (this checkout): "
          + ", ".join(f"{k} {v:.0%}" for k, v in shares.items()))
    if args.json:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.previous],
                                capture_output=True, text=True).stdout.strip()
        doc = {"articles": len(texts), "previous": f"{args.previous} ({commit})", "runs": runs, "ratio": ratio,
               "stage_shares_of_article_stages": shares}
        Path(args.json).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
