"""How fast does `linimasa serve` answer? Requests/s and p50/p99 latency of `/api/search` and of a story
timeline on a database of 10,000+ articles, beside datasette serving the same file's FTS index, in one run.

    .venv/bin/python bench/api.py [--db STORE.db | --size 10000] [--duration 10] [--concurrency 4]
        [--rounds 2] [--keep DIR] [--json bench/results/api.json]

The database: a copy of `--db` (a linimasa store, e.g. one `bench/incremental.py --keep DIR` left in
DIR/stores/), or `--size` articles built here from `../shared/data/news-id-raw-scrape-2025` with
bench/incremental.py's `build_pool` / `write_folder` and `linimasa run`. Opening it once writable
adds the search index when the store predates it; that time is reported too.

The servers, each one process on loopback, started by this script:
- `linimasa serve --read-only`: GET /api/search?q=Q&limit=20 (ranked by BM25, snippet with the hits
  marked, the total count), the same with a language and date filter, and
  GET /api/stories/ID/timeline?limit=100 for the ten largest stories;
- `datasette`, the same file, its table search over the same FTS5 index (fts_table/fts_pk given in
  metadata): GET /db/articles.json?_search=Q&_size=20 with the columns our hits carry (unranked: a
  filter on the table, plus its row count), and the equivalent of our search as a datasette SQL query
  (BM25 order and snippet, no count).

The load generator is bounded: `--concurrency` client threads, each with one keep-alive connection,
send requests back to back (a closed loop: at most that many in flight) for `--duration` seconds per
target per round, cycling through the same queries for every target; rounds alternate the order of
targets. Latency is per request, measured by the client; requests/s is completed requests over
wall time. Client and servers share the machine: compare the rows with one another, not across
machines.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news-id-raw-scrape-2025"
SEED = 20250618
OUR_SQL = (
    "select a.id, a.title, a.outlet, a.published_value, snippet(articles_fts, 1, '[', ']', '…', 24) as snippet,"
    " bm25(articles_fts, 4.0, 1.0) as score from articles_fts f join articles a on a.seq = f.rowid"
    " where articles_fts match :q order by score limit 20"
)


@dataclass
class Target:
    name: str
    port: int
    paths: list[str]


@dataclass
class Result:
    name: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float | int | str]:
        lat = sorted(self.latencies_ms)
        return {
            "target": self.name,
            "requests": self.requests,
            "errors": self.errors,
            "rps": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(statistics.median(lat), 2) if lat else 0.0,
            "p99_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 2) if lat else 0.0,
        }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, path: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"bench: the server on port {port} exited ({proc.returncode})")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"bench: the server on port {port} did not answer {path}")


def get_json(port: int, path: str) -> object:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit(f"bench: {path} answered {r.status}: {body[:300]!r}")
    return json.loads(body)


def load(target: Target, seconds: float, concurrency: int) -> Result:
    """Closed-loop load: `concurrency` threads, each sending the next request when the last returns."""
    res = Result(target.name)
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    counter = [0]

    def worker(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", target.port, timeout=60)
        mine: list[float] = []
        errors = 0
        while time.monotonic() < stop:
            with lock:
                i = counter[0]
                counter[0] += 1
            path = target.paths[i % len(target.paths)]
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                ok = r.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", target.port, timeout=60)
            mine.append((time.perf_counter() - t0) * 1000)
            errors += not ok
        conn.close()
        with lock:
            res.latencies_ms += mine
            res.requests += len(mine)
            res.errors += errors

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    res.seconds = time.perf_counter() - t0
    return res


def build_store(work: Path, size: int, data: Path, seed: int) -> Path:
    from incremental import build_pool, linimasa_cmd, write_folder

    pool, real = build_pool(data, size, seed)
    inputs = write_folder(work / "inputs", pool, 0)
    db = work / "bench.db"
    print(f"bench: building a store of {size} articles ({real} real, the rest spliced) with linimasa run ...",
          flush=True)
    t0 = time.perf_counter()
    subprocess.run([*linimasa_cmd(), "run", str(inputs), "--db", str(db), "-q"], check=True)
    print(f"bench: built in {time.perf_counter() - t0:.0f} s", flush=True)
    return db


def pick_queries(db: Path, n: int) -> list[str]:
    """Plain words and names a reader would type: the most-named people, places and organisations, and
    content words of middling frequency (same strings for every target)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = [n for (n,) in con.execute(
        "SELECT name FROM entities WHERE type IN ('PER', 'ORG', 'GPE') AND length(name) > 3"
        " AND name NOT GLOB '*[^A-Za-z ]*' ORDER BY n_mentions DESC LIMIT ?", (n,))]
    (total,) = con.execute("SELECT df FROM terms WHERE term = ''").fetchone() or (0,)
    words = [t for (t,) in con.execute(
        "SELECT term FROM terms WHERE term != '' AND df BETWEEN ? AND ? AND term NOT GLOB '*[^a-z]*'"
        " AND length(term) > 4 ORDER BY df DESC LIMIT ?", (max(2, total // 200), max(3, total // 20), n))]
    con.close()
    out = []
    for a, b in zip(names, words, strict=False):
        out += [a, b]
    return out[:n] or ["jakarta"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="a linimasa store to copy and serve (else one is built)")
    ap.add_argument("--size", type=int, default=10_000, help="articles to build when no --db (default 10000)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-articles", type=int, default=10_000, help="refuse a smaller store (default 10000)")
    ap.add_argument("--duration", type=float, default=10.0, help="seconds per target per round (default 10)")
    ap.add_argument("--concurrency", type=int, default=4, help="client threads, requests in flight (default 4)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--queries", type=int, default=16, help="distinct search queries (default 16)")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="linimasa-bench-api-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.db:
        db = work / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(args.db) + suffix)
            if src.exists():
                shutil.copy(src, str(db) + suffix)
    else:
        db = build_store(work, args.size, args.data, SEED)

    from linimasa.store.sqlite import SQLiteStore

    t0 = time.perf_counter()
    with SQLiteStore(db) as store:  # upgrades an older store: the search index is built here
        n_articles = store.count_articles()
        n_stories = store.counts()["stories"]
        stories, _ = store.story_summaries(limit=10, sort="size")
    index_s = time.perf_counter() - t0
    if n_articles < args.min_articles:
        raise SystemExit(f"bench: {n_articles} articles; at least {args.min_articles} wanted")
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"bench: {n_articles} articles, {n_stories} stories in {db} ({db.stat().st_size / 2**20:.0f} MiB);"
          f" opening it (search index built if missing) took {index_s:.1f} s", flush=True)

    queries = pick_queries(db, args.queries)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:  # the filtered search: the later half of the dates
        (year,) = con.execute("SELECT substr(published_value, 1, 4) FROM articles WHERE published_value IS NOT NULL"
                              " ORDER BY published_value LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)").fetchone()
    print(f"bench: queries: {', '.join(queries)}", flush=True)
    meta = work / "datasette.json"
    meta.write_text(json.dumps({"databases": {"bench": {"tables": {"articles": {
        "fts_table": "articles_fts", "fts_pk": "seq"}}}}}), encoding="utf-8")

    ours, theirs = free_port(), free_port()
    bin_dir = Path(sys.executable).parent
    logs = [(work / "serve.log").open("w"), (work / "datasette.log").open("w")]
    procs = [
        subprocess.Popen([str(bin_dir / "linimasa"), "serve", "--db", str(db), "--port", str(ours), "--read-only"],
                         stdout=logs[0], stderr=subprocess.STDOUT),
        subprocess.Popen([str(bin_dir / "datasette"), "serve", str(db), "--port", str(theirs), "-m", str(meta),
                          "--setting", "sql_time_limit_ms", "10000", "--setting", "facet_time_limit_ms", "10",
                          "--setting", "suggest_facets", "off"], stdout=logs[1], stderr=subprocess.STDOUT),
    ]
    try:
        wait_ready(ours, "/api", procs[0])
        wait_ready(theirs, "/bench.json", procs[1])

        def q(s: str) -> str:
            return urllib.parse.quote(s)

        cols = "".join(f"&_col={c}" for c in ("id", "title", "outlet", "published_value"))
        targets = [
            Target("linimasa /api/search", ours, [f"/api/search?q={q(s)}&limit=20" for s in queries]),
            Target("datasette table search (_search)", theirs,
                   [f"/bench/articles.json?_search={q(s)}&_size=20&_shape=objects{cols}" for s in queries]),
            Target("datasette SQL, ranked with snippet", theirs,
                   [f"/bench.json?sql={q(OUR_SQL)}&q={q(s)}&_shape=array" for s in queries]),
            Target("linimasa /api/search, filtered", ours,
                   [f"/api/search?q={q(s)}&limit=20&language=id&from={year}" for s in queries]),
            Target("linimasa /api/stories/ID/timeline", ours,
                   [f"/api/stories/{s.id}/timeline?limit=100" for s in stories]),
        ]
        checks = []
        for s in queries:  # one index, two servers: the same number of matches
            a = get_json(ours, f"/api/search?q={q(s)}&limit=20")
            b = get_json(theirs, f"/bench/articles.json?_search={q(s)}&_size=1")
            ta, tb = a["total"], b.get("filtered_table_rows_count")  # type: ignore[index,union-attr]
            checks.append({"query": s, "linimasa": ta, "datasette": tb})
            if ta != tb:
                print(f"bench: warning: {s!r} matches {ta} articles here, {tb} in datasette", flush=True)
        for t in targets:  # warm both servers' caches and thread pools
            load(t, 1.0, args.concurrency)
        results = {t.name: Result(t.name) for t in targets}
        for r in range(args.rounds):
            for t in (targets if r % 2 == 0 else targets[::-1]):
                got = load(t, args.duration, args.concurrency)
                acc = results[t.name]
                acc.requests += got.requests
                acc.errors += got.errors
                acc.seconds += got.seconds
                acc.latencies_ms += got.latencies_ms
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
        for f in logs:
            f.close()

    rows = [results[t.name].summary() for t in targets]
    print(f"\n{'target':<38} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for row in rows:
        print(f"{row['target']:<38} {row['requests']:>9} {row['rps']:>8} {row['p50_ms']:>8} {row['p99_ms']:>8}"
              f" {row['errors']:>7}")
    matches = [c["linimasa"] for c in checks]
    print(f"\nqueries match {min(matches)}..{max(matches)} articles (median {statistics.median(matches):.0f});"
          f" the timeline target cycles through the {len(stories)} largest stories"
          f" ({stories[0].n_articles if stories else 0} articles in the largest)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "articles": n_articles, "stories": n_stories, "db_mib": round(db.stat().st_size / 2**20),
            "open_and_index_s": round(index_s, 1), "concurrency": args.concurrency,
            "duration_s": args.duration, "rounds": args.rounds, "queries": queries, "match_checks": checks,
            "largest_stories": [asdict(s) | {"outlets": len(s.outlets)} for s in stories],
            "results": rows, "cpu_count": os.cpu_count(),
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
