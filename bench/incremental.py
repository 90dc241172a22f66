"""Does the cost of a batch depend on the batch, or on the store? Black-box, through the CLI only.

    .venv/bin/python bench/incremental.py [--sizes 500,3000,10000] [--add 50] [--add-b 100]
        [--workers N] [--quick] [--keep DIR] [--json FILE] [--rss-scratch]

Everything here goes through `linimasa run INPUTS --db DB -q [--workers N]` in a subprocess, so
the same script measures today's core and a reshaped one. The figures, each with its target:

(a) CPU time (user+sys of the whole `linimasa run` process tree, worker processes included, from
    `getrusage(RUSAGE_CHILDREN)` deltas) to add the same `--add` new articles to stores holding
    each of `--sizes` articles; target: largest/smallest <= 1.5.
(b) CPU time to add `--add-b` articles to the middle-sized store, against processing the same
    middle-size + add-b articles from scratch into an empty store; target <= 0.1.
(c) Peak RSS of the process tree (parent + workers, sampled every ~50 ms with psutil; RSS of forked
    workers double-counts shared pages, which is fine for a ratio) of the run that ends with the
    largest store against the run that builds the smallest store from empty; target <= 1.5. By
    default the large run is the build step that grows the store to the largest size (it reads the
    whole store in today's core); `--rss-scratch` adds a true from-empty run of the largest size.
(d) Wall time of `linimasa run` on one article into a fresh database, beside `linimasa --version`
    (median of 5): the fixed cost of one invocation.

Inputs: the distinct raw articles of `shared/data/news-id-raw-scrape-2025` (a CSV row becomes
title line, date string, `isi_berita`, as in bench/clean.py; rows deduplicated by content), then,
to reach 10,000+ distinct articles, synthetic ones made deterministically (seeded RNG) by splicing
the title of one article with runs of paragraphs from 2-3 other articles scraped the same day:
real vocabulary, real entities, shared across articles as in a real news day. All are shuffled
together with the same seed and written as .txt files into one folder per step.

The stores are built incrementally (smallest from empty, then grown to each next size) and every
measured "add" runs on a copy of the store, so each size costs one build step; copies are taken
after the process has exited (main file, -wal and -shm), so they are consistent. Nothing is timed
twice: the script is meant to run once per core version (today's core may take 20+ minutes at full
size; try `--quick` first).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news-id-raw-scrape-2025"
SEED = 20250618
QUICK_SIZES = (100, 300, 600)
TARGETS = {"a_add_ratio": 1.5, "b_incremental_ratio": 0.1, "c_rss_ratio": 1.5}


# -- inputs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One scraped article, kept in parts: the splicer needs titles and paragraphs separately."""

    day: str  # the CSV's scrape date: articles of one day share their news (and their entities)
    title: str
    date: str
    body: str


def raw_text(title: str, date: str, body: str) -> str:
    """The raw article as a scraper would save it, exactly as bench/clean.py `load_inputs` builds it."""
    head = [title, date]
    return "\n".join([*(h.strip() for h in head if h.strip()), body])


def load_rows(data_dir: Path) -> list[Row]:
    """Distinct articles of the CSVs: a row whose text (whitespace-normalised) was seen is dropped."""
    csv.field_size_limit(sys.maxsize)
    rows: list[Row] = []
    seen: set[str] = set()
    for path in sorted(data_dir.glob("*.csv")):
        day = path.stem.rsplit("_", 1)[-1]
        with path.open(encoding="utf-8-sig", newline="") as f:
            for rec in csv.DictReader(f):
                body = rec.get("isi_berita") or ""
                key = " ".join(body.split())
                if not key or key in seen:
                    continue
                seen.add(key)
                rows.append(Row(day, rec.get("judul") or "", rec.get("tanggal_publikasi") or "", body))
    return rows


def _paragraphs(body: str) -> list[str]:
    """Lines long enough to be paragraphs: spliced articles keep prose, not menus and captions."""
    return [ln.strip() for ln in body.splitlines() if len(ln.strip()) >= 80]


def synthesize(rows: list[Row], n: int, rng: random.Random, taken: set[str]) -> list[str]:
    """`n` new distinct articles: a title and date line of one article of a day over runs of 2-4
    paragraphs from each of 2-3 other articles of the same day. `taken` (sha1s) grows as we go."""
    by_day: dict[str, list[tuple[Row, list[str]]]] = defaultdict(list)
    for r in rows:
        paras = _paragraphs(r.body)
        if len(paras) >= 2:
            by_day[r.day].append((r, paras))
    days = sorted(d for d, group in by_day.items() if len(group) >= 4)
    if not days:
        raise SystemExit("bench: too few articles to splice new ones from")
    weights = [len(by_day[d]) for d in days]
    out: list[str] = []
    while len(out) < n:
        group = by_day[rng.choices(days, weights)[0]]
        picks = rng.sample(range(len(group)), 1 + rng.choice((2, 3)))
        head = group[picks[0]][0]
        body: list[str] = []
        for i in picks[1:]:
            paras = group[i][1]
            k = min(len(paras), rng.randint(2, 4))
            start = rng.randrange(len(paras) - k + 1)
            body.extend(paras[start : start + k])
        text = raw_text(head.title, head.date, "\n".join(body))
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        if digest not in taken:
            taken.add(digest)
            out.append(text)
    return out


def build_pool(data_dir: Path, total: int, seed: int) -> tuple[list[str], int]:
    """`total` distinct article texts (real ones first, spliced ones to make up the number),
    shuffled together; also returns how many real articles the CSVs gave."""
    rng = random.Random(seed)
    rows = load_rows(data_dir)
    real: list[str] = []
    taken: set[str] = set()
    for r in rows:
        text = raw_text(r.title, r.date, r.body)
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        if digest not in taken:
            taken.add(digest)
            real.append(text)
    pool = real[:total] + synthesize(rows, max(0, total - len(real)), rng, taken)
    rng.shuffle(pool)
    return pool, len(real)


def write_folder(folder: Path, texts: list[str], offset: int) -> Path:
    """One .txt per article; names carry a global index so every input has a distinct path."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"{offset + i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


# -- running the CLI --------------------------------------------------------------------------


@dataclass
class Run:
    """One `linimasa run` invocation and what it cost."""

    label: str
    inputs: int
    cpu_s: float
    user_s: float
    sys_s: float
    wall_s: float
    peak_rss_mb: float
    rc: int
    stored_after: int | None
    stderr_tail: str = ""


def linimasa_cmd() -> list[str]:
    """The CLI of the interpreter running this script (the venv's), else whatever is on PATH."""
    beside = Path(sys.executable).parent / "linimasa"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("linimasa")
    if not found:
        raise SystemExit("bench: no `linimasa` command (run `make install` first)")
    return [found]


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        with contextlib.suppress(psutil.Error):  # a worker that just exited
            total += p.memory_info().rss
    return total


def stored_articles(db: Path) -> int | None:
    """Article count, read-only; None when the store is not an SQLite file with an `articles` table."""
    if not db.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return None


def run_cli(label: str, inputs: list[Path], n_inputs: int, db: Path, workers: int | None, log: Path,
            extra: tuple[str, ...] = ()) -> Run:
    """Run `linimasa run` once, measuring CPU (whole tree), wall time and peak tree RSS. `extra`:
    more arguments (bench/link.py passes `-v` for the corpus stages' own CPU line in `log`)."""
    cmd = [*linimasa_cmd(), *extra, "run", *map(str, inputs), "--db", str(db), "-q"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            try:
                ps = psutil.Process(proc.pid)
            except psutil.Error:
                return
            while not done.is_set():
                peak = max(peak, _tree_rss(ps))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        rc = proc.wait()
        done.set()
        sampler.join()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user = after.ru_utime - before.ru_utime
    sys_ = after.ru_stime - before.ru_stime
    try:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
    except FileNotFoundError:  # the folder was cleaned up under us: the figures stand, the log is lost
        tail = ""
    run = Run(label, n_inputs, user + sys_, user, sys_, wall, peak / 2**20, rc, stored_articles(db), tail)
    status = "" if rc in (0, 1) else f"  EXIT {rc}: {tail.strip().splitlines()[-1:] }"
    print(
        f"  {label:<28} {n_inputs:>6} in  cpu {run.cpu_s:8.1f}s  wall {wall:8.1f}s  "
        f"rss {run.peak_rss_mb:7.0f} MB  stored {run.stored_after}{status}",
        flush=True,
    )
    return run


def copy_store(src: Path, dst: Path) -> None:
    """Copy a store whose writer has exited: the main file and its WAL side files, if any."""
    for suffix in ("", "-wal", "-shm"):
        s = Path(str(src) + suffix)
        if s.exists():
            shutil.copy2(s, Path(str(dst) + suffix))


def drop_store(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def wall_median(cmd: list[str], cwd: Path, n: int = 5) -> tuple[float, list[float]]:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


# -- the measurements -------------------------------------------------------------------------


@dataclass
class Results:
    """Everything the JSON file holds: settings, every run, the derived figures and their targets."""

    sizes: list[int]
    add: int
    add_b: int
    workers: int | None
    real_articles: int
    pool: int
    runs: list[Run] = field(default_factory=list)
    figures: dict[str, float | None] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=lambda: dict(TARGETS))
    notes: list[str] = field(default_factory=list)


def measure(args: argparse.Namespace, work: Path) -> Results:
    sizes: list[int] = args.sizes
    small, mid, large = sizes[0], sizes[len(sizes) // 2], sizes[-1]
    total = large + args.add + args.add_b
    t0 = time.perf_counter()
    pool, n_real = build_pool(args.data, total, args.seed)
    print(f"inputs: {n_real} distinct real articles, {max(0, total - n_real)} spliced; {total} used "
          f"({time.perf_counter() - t0:.1f}s)", flush=True)
    res = Results(sizes, args.add, args.add_b, args.workers, n_real, total)

    inp = work / "inputs"
    steps: list[Path] = []
    prev = 0
    for s in sizes:
        steps.append(write_folder(inp / f"grow_to_{s}", pool[prev:s], prev))
        prev = s
    add_dir = write_folder(inp / f"add_{args.add}", pool[large : large + args.add], large)
    add_b_dir = write_folder(inp / f"add_b_{args.add_b}", pool[large + args.add : total], large + args.add)
    stores, logs = work / "stores", work / "logs"
    stores.mkdir(exist_ok=True)
    logs.mkdir(exist_ok=True)

    def run(label: str, inputs: list[Path], n: int, db: Path) -> Run:
        logs.mkdir(parents=True, exist_ok=True)
        r = run_cli(label, inputs, n, db, args.workers, logs / f"{label}.log")
        res.runs.append(r)
        if args.json:  # a long bench killed half-way still leaves the runs it measured
            save(res, args.json, complete=False)
        return r

    # (d) fixed cost of one invocation, first: it is cheap and independent of the rest.
    one = write_folder(inp / "one", pool[:1], 0) / "000000.txt"
    d_dir = work / "d"
    d_dir.mkdir(exist_ok=True)
    version_s, version_all = wall_median([*linimasa_cmd(), "--version"], d_dir)
    one_runs = []
    for i in range(5):
        db = d_dir / f"one_{i}.db"
        t = time.perf_counter()
        done = subprocess.run([*linimasa_cmd(), "run", str(one), "--db", str(db), "-q"], cwd=d_dir,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        one_runs.append(time.perf_counter() - t)
        if stored_articles(db) != 1:
            res.notes.append(f"(d) run {i} on one article: exit status {done.returncode}, nothing stored")
    res.figures["d_version_wall_s"] = version_s
    res.figures["d_one_article_wall_s"] = statistics.median(one_runs)
    print(f"  (d) --version median {version_s:.2f}s {[round(x, 2) for x in version_all]}; "
          f"run on one article median {statistics.median(one_runs):.2f}s {[round(x, 2) for x in one_runs]}",
          flush=True)

    # Build the stores step by step; after each, add the same articles to a copy.
    add_cpu: dict[int, float] = {}
    add_rss: dict[int, float] = {}
    build: dict[int, Run] = {}
    db = stores / "store.db"
    b_incr: Run | None = None
    prev = 0
    for s, folder in zip(sizes, steps, strict=True):
        build[s] = run(f"build_{prev}_to_{s}", [folder], s - prev, db)
        prev = s
        copy = stores / f"add_to_{s}.db"
        copy_store(db, copy)
        r = run(f"add_{args.add}_to_{s}", [add_dir], args.add, copy)
        add_cpu[s], add_rss[s] = r.cpu_s, r.peak_rss_mb
        if not args.keep_all:
            drop_store(copy)
        if s == mid:
            copy_b = stores / f"add_b_to_{s}.db"
            copy_store(db, copy_b)
            b_incr = run(f"add_{args.add_b}_to_{s}", [add_b_dir], args.add_b, copy_b)
            if not args.keep_all:
                drop_store(copy_b)

    # (b) the same mid + add_b articles from scratch.
    mid_steps = [f for s, f in zip(sizes, steps, strict=True) if s <= mid]
    scratch = run(f"scratch_{mid + args.add_b}", [*mid_steps, add_b_dir], mid + args.add_b, stores / "scratch_b.db")
    if not args.keep_all:
        drop_store(stores / "scratch_b.db")

    rss_large = build[large]
    if args.rss_scratch:
        large_steps = list(steps)
        rss_large = run(f"scratch_{large}", large_steps, large, stores / "scratch_large.db")
        if not args.keep_all:
            drop_store(stores / "scratch_large.db")
    else:
        res.notes.append(f"(c) large run = the build step {sizes[-2] if len(sizes) > 1 else 0} -> {large} "
                         "(use --rss-scratch for a from-empty run)")

    f = res.figures
    for s in sizes:
        f[f"a_add_{args.add}_to_{s}_cpu_s"] = add_cpu[s]
        f[f"a_add_{args.add}_to_{s}_rss_mb"] = add_rss[s]
    f["a_add_ratio"] = add_cpu[large] / add_cpu[small] if add_cpu[small] else None
    assert b_incr is not None
    f["b_incremental_cpu_s"] = b_incr.cpu_s
    f["b_scratch_cpu_s"] = scratch.cpu_s
    f["b_incremental_ratio"] = b_incr.cpu_s / scratch.cpu_s if scratch.cpu_s else None
    f["c_small_rss_mb"] = build[small].peak_rss_mb
    f["c_large_rss_mb"] = rss_large.peak_rss_mb
    f["c_rss_ratio"] = rss_large.peak_rss_mb / build[small].peak_rss_mb if build[small].peak_rss_mb else None
    expected = {f"build_{0 if i == 0 else sizes[i - 1]}_to_{s}": s for i, s in enumerate(sizes)}
    for r in res.runs:
        want = expected.get(r.label)
        if want is not None and r.stored_after is not None and r.stored_after != want:
            res.notes.append(f"{r.label}: store holds {r.stored_after} articles, expected {want}")
        if r.rc not in (0, 1):
            res.notes.append(f"{r.label}: exit status {r.rc}")
    return res


def save(res: Results, path: Path, complete: bool) -> None:
    doc = asdict(res)
    doc["complete"] = complete
    doc["cpu_count"] = os.cpu_count()
    doc["load_avg"] = os.getloadavg()
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def report(res: Results) -> str:
    f = res.figures
    lines = [
        f"linimasa incremental bench: sizes {res.sizes}, add {res.add}, add-b {res.add_b}, workers {res.workers}",
        f"{'figure':<44}{'value':>12}{'target':>10}  ok",
    ]

    def row(name: str, value: float | None, unit: str, target: float | None = None) -> None:
        v = "n/a" if value is None else f"{value:.3f}{unit}" if unit == "" else f"{value:.1f}{unit}"
        ok = "" if target is None or value is None else ("yes" if value <= target else "NO")
        t = "" if target is None else f"<= {target}"
        lines.append(f"{name:<44}{v:>12}{t:>10}  {ok}")

    for s in res.sizes:
        row(f"(a) cpu, add {res.add} to {s}", f.get(f"a_add_{res.add}_to_{s}_cpu_s"), " s")
    row(f"(a) ratio {res.sizes[-1]}/{res.sizes[0]}", f.get("a_add_ratio"), "", TARGETS["a_add_ratio"])
    mid = res.sizes[len(res.sizes) // 2]
    row(f"(b) cpu, add {res.add_b} to {mid}", f.get("b_incremental_cpu_s"), " s")
    row(f"(b) cpu, {mid + res.add_b} from scratch", f.get("b_scratch_cpu_s"), " s")
    row("(b) ratio incremental/scratch", f.get("b_incremental_ratio"), "", TARGETS["b_incremental_ratio"])
    row(f"(c) peak tree RSS, {res.sizes[0]} from empty", f.get("c_small_rss_mb"), " MB")
    row(f"(c) peak tree RSS, run to {res.sizes[-1]}", f.get("c_large_rss_mb"), " MB")
    row("(c) ratio", f.get("c_rss_ratio"), "", TARGETS["c_rss_ratio"])
    row("(d) wall, run on 1 article (median of 5)", f.get("d_one_article_wall_s"), " s")
    row("(d) wall, --version (median of 5)", f.get("d_version_wall_s"), " s")
    lines += [f"note: {n}" for n in res.notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", default="500,3000,10000", help="store sizes, ascending (default 500,3000,10000)")
    ap.add_argument("--add", type=int, default=50, help="articles added to each store for (a)")
    ap.add_argument("--add-b", type=int, default=100, help="articles added to the middle store for (b)")
    ap.add_argument("--workers", type=int, default=None, help="passed to `linimasa run --workers`")
    ap.add_argument("--quick", action="store_true", help=f"smoke run: sizes {','.join(map(str, QUICK_SIZES))}")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it (inputs, stores, logs)")
    ap.add_argument("--keep-all", action="store_true", help="also keep every store copy (large on disk)")
    ap.add_argument("--rss-scratch", action="store_true", help="(c): also run the largest size from an empty store")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    args = ap.parse_args(argv)
    sizes = list(QUICK_SIZES) if args.quick else [int(x) for x in args.sizes.split(",")]
    if len(sizes) < 2 or sorted(set(sizes)) != sizes or sizes[0] <= 0:
        ap.error("--sizes: at least two distinct ascending positive sizes")
    args.sizes = sizes
    # Absolute paths: the (d) runs start `linimasa` in a folder of their own, so a relative --keep
    # would hand them input paths that do not exist there.
    args.data = args.data.resolve()
    args.keep = args.keep.resolve() if args.keep else None
    args.json = args.json.resolve() if args.json else None
    if not args.data.is_dir():
        print(f"bench: no data folder {args.data}", file=sys.stderr)
        return 2

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work = args.keep
        res = measure(args, work)
    else:
        with tempfile.TemporaryDirectory(prefix="linimasa-incr-") as tmp:
            res = measure(args, Path(tmp))
    print()
    print(report(res))
    if args.json:
        save(res, args.json, complete=True)
        print(f"results: {args.json}")
    if args.keep:
        print(f"kept: {args.keep} (inputs, stores, logs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
