"""Durability of `linimasa run`, black-box through the real CLI: kill -9 anywhere, re-run, lose nothing;
two concurrent runs on one database lose nothing.

Why black-box: the core's batch path is being reshaped (streamed chunks, incremental corpus stages);
these tests pin what a user relies on, whatever the internals. They compare the `linimasa export`
of a crashed-and-resumed (or concurrently written) store with the export of one uninterrupted run
over the same inputs:

- articles: every field of the export's `articles[]` and each article's `timexes[]`, by article id
  (`source` compared by file name only: the same bytes may arrive under another folder);
- entities, equal up to merge order: the partition of mentions (one frozenset of
  (article, start, end) per entity) with each part's name and type; entity ids and alias order are
  not compared;
- every article stored once, and (where the store is SQLite with article documents) every article
  mention linked to an entity.

Contract assumed of the CLI (the core author implements what is not there yet):

- `linimasa run PATH... --db DB --workers N [--chunk-size C]` and `linimasa export --db DB --out F`;
  `--chunk-size` is used when `linimasa run --help` lists it (4 here, so a batch spans chunks).
- Kill hook, for tests only: when the environment variable `LINIMASA_TEST_KILL_AT` is set, the `run`
  process sends itself SIGKILL at that point (no cleanup, no flush, as a real kill -9):
    * `article:N` -- once the N-th new article of this run has been through the article stages,
      before it is committed (N is 1-based and counts new articles only, in processing order);
    * `corpus:K` -- in the corpus phase, immediately before the K-th write transaction of corpus
      results (dating, entity linking...) is committed; `corpus:1` = every article stored, no corpus
      work committed yet.
  A value that never triggers (N above the batch size) lets the run finish normally. Worker
  processes may survive their parent for a moment: the tests run each `linimasa run` in its own
  session and SIGKILL its whole process group afterwards.
- The hook counts as offered when the installed package's source mentions `LINIMASA_TEST_KILL_AT`;
  then a run that does not die by SIGKILL at the requested point fails the test. Without it (today's
  core) the tests fall back to killing from outside: after a delay (early), or as soon as the
  read-only `articles` count of the SQLite store reaches a threshold (mid-batch: 1 article; corpus
  phase: all of them). Those points are approximate but any kill point must leave a store that a
  re-run completes, so the fallback cannot make a correct core fail.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "durability"
SAMPLE = ROOT / "src" / "linimasa" / "sample"
KILL_ENV = "LINIMASA_TEST_KILL_AT"
CHUNK = 4
TIMEOUT = 180  # seconds for any one CLI call: a hang is a failure, not a stuck test session

MentionKey = tuple[str, int, int]


# -- the CLI ---------------------------------------------------------------------------------


def linimasa() -> str:
    """The CLI beside the interpreter running the tests (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "linimasa"
    found = str(beside) if beside.exists() else shutil.which("linimasa")
    if not found:
        pytest.skip("no `linimasa` command installed")
    return found


@cache
def run_help() -> str:
    return subprocess.run([linimasa(), "run", "--help"], capture_output=True, text=True, check=True).stdout


@cache
def hook_offered() -> bool:
    """Whether the installed core honours LINIMASA_TEST_KILL_AT (see the module docstring)."""
    import linimasa as pkg

    root = Path(pkg.__file__).parent
    return any(KILL_ENV in p.read_text(encoding="utf-8", errors="replace") for p in root.rglob("*.py"))


def run_args(inputs: list[Path], db: Path) -> list[str]:
    args = [linimasa(), "run", *map(str, inputs), "--db", str(db), "--workers", "1", "-q"]
    if "--chunk-size" in run_help():
        args += ["--chunk-size", str(CHUNK)]
    return args


def start(inputs: list[Path], db: Path, kill_at: str | None = None) -> subprocess.Popen[str]:
    """`linimasa run` in its own session, so that its workers can be killed with it."""
    env = {k: v for k, v in os.environ.items() if k != KILL_ENV}
    if kill_at:
        env[KILL_ENV] = kill_at
    return subprocess.Popen(
        run_args(inputs, db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )


def kill_group(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the run and whatever is left of its process group (orphaned workers)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=TIMEOUT)


def finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        _, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        pytest.fail(f"linimasa run did not finish in {TIMEOUT}s")
    kill_group(proc)  # reap stragglers of the group, if any
    return proc.returncode, err


def run_to_end(inputs: list[Path], db: Path) -> None:
    rc, err = finish(start(inputs, db))
    assert rc == 0, f"linimasa run exited {rc}: {err[-2000:]}"


def stored_count(db: Path) -> int:
    """Articles in the store, read-only; 0 while the file or its table does not exist yet."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def unlinked_mentions(db: Path) -> int | None:
    """Article mentions without an entity, read from the SQLite article documents; None when the
    store does not look like that (another backend or layout): the export checks still apply."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            docs = [json.loads(d) for (d,) in con.execute("SELECT doc FROM articles")]
        finally:
            con.close()
    except (sqlite3.Error, ValueError):
        return None
    return sum(1 for d in docs for m in d.get("mentions", []) if not m.get("entity"))


def export(db: Path) -> dict[str, Any]:
    out = db.with_suffix(".export.json")
    subprocess.run(
        [linimasa(), "export", "--db", str(db), "--out", str(out)],
        check=True, capture_output=True, timeout=TIMEOUT,
    )
    return json.loads(out.read_text(encoding="utf-8"))


# -- comparing stores ------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What must survive a crash or a race, in a form independent of merge order and ids."""

    article_ids: list[str]  # as exported, duplicates kept: "stored once" is checked on this
    articles: dict[str, dict[str, Any]]  # id -> export fields (+ its timexes), source by file name
    entities: dict[frozenset[MentionKey], tuple[str, str]]  # mention partition -> (name, type)

    @classmethod
    def of(cls, doc: dict[str, Any]) -> Snapshot:
        timexes: dict[str, list[dict[str, Any]]] = {}
        for t in doc["timexes"]:
            timexes.setdefault(t["article"], []).append(t)
        articles = {}
        # Stories are grouped online, as articles arrive: two runs racing may group differently
        # (like any online clustering). What must hold is that nothing is half-written: every
        # article is in exactly the story that lists it.
        listed = {x: s["id"] for s in doc["stories"] for x in s["articles"]}
        for a in doc["articles"]:
            fields = dict(a, source=Path(a["source"]).name)
            fields["story"] = a.get("story") is not None and listed.get(a["id"]) == a.get("story")
            fields["timexes"] = sorted(timexes.get(a["id"], []), key=lambda t: json.dumps(t, sort_keys=True))
            articles[a["id"]] = fields
        entities = {
            frozenset((m["article"], m["start"], m["end"]) for m in e["mentions"]): (e["name"], e["type"])
            for e in doc["entities"]
        }
        return cls([a["id"] for a in doc["articles"]], articles, entities)


def differences(got: Snapshot, want: Snapshot) -> list[str]:
    """What differs, up to merge order, each in one line: a crash usually breaks several things at
    once (articles left undated, no entities), and the report should show all of them."""
    out = []
    dupes = sorted({i[:12] for i in got.article_ids if got.article_ids.count(i) > 1})
    if dupes:
        out.append(f"articles stored more than once: {dupes}")
    missing = sorted(want.articles[i]["source"] for i in set(want.articles) - set(got.articles))
    extra = sorted(got.articles[i]["source"] for i in set(got.articles) - set(want.articles))
    if missing or extra:
        out.append(f"articles missing: {missing}; unexpected: {extra}")
    for aid, fields in sorted(want.articles.items()):
        if aid in got.articles:
            theirs = got.articles[aid]
            diff = sorted(k for k in fields.keys() | theirs.keys() if fields.get(k) != theirs.get(k))
            if diff:
                out.append(f"article {fields['source']} [{aid[:12]}] differs in {diff}")
    want_mentions: set[MentionKey] = set().union(*want.entities)
    got_mentions: set[MentionKey] = set().union(*got.entities)
    if lost := want_mentions - got_mentions:
        out.append(f"{len(lost)} of {len(want_mentions)} mentions belong to no entity, e.g. {sorted(lost)[:3]}")
    if added := got_mentions - want_mentions:
        out.append(f"{len(added)} mentions not in the reference, e.g. {sorted(added)[:3]}")
    wrong = [(want.entities[p], got.entities.get(p)) for p in want.entities if got.entities.get(p) != want.entities[p]]
    if wrong:
        out.append(
            f"{len(wrong)} of {len(want.entities)} entities missing, merged differently or renamed "
            f"(want, got): {wrong[:4]}"
        )
    return out


def assert_same(got: Snapshot, want: Snapshot) -> None:
    problems = differences(got, want)
    assert not problems, "store differs from one uninterrupted run:\n  " + "\n  ".join(problems)


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """15 small articles: the bundled sample and ten short Indonesian reports sharing people and
    places (Presiden Joko Widodo / Jokowi / Widodo, Sri Mulyani, Jakarta...), one of them undated
    and dated by the corpus from its twin, so both corpus stages have cross-article work to do."""
    folder = tmp_path_factory.mktemp("inputs")
    for src in sorted([*SAMPLE.glob("*.txt"), *ARTICLES.glob("*.txt")]):
        shutil.copy(src, folder / src.name)
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="module")
def reference(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """One uninterrupted run over all the inputs: what every other store must end up equal to."""
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    run_to_end(inputs, db)
    snap = Snapshot.of(export(db))
    assert len(snap.articles) == len(inputs)
    assert unlinked_mentions(db) in (0, None)
    # The fixture is only useful if linking has cross-article work to lose.
    assert any(len({m[0] for m in part}) >= 3 for part in snap.entities), "no entity spans 3 articles"
    return snap


# -- kill -9 and re-run ----------------------------------------------------------------------


@dataclass(frozen=True)
class KillPoint:
    """Where to kill: the hook's value, and today's fallback (wait this long, or until the store
    holds at least this many articles; a negative count means all of them)."""

    hook: str
    delay_s: float | None = None
    min_stored: int | None = None
    may_not_trigger: bool = False  # the core may have no such point (one corpus transaction only)


KILL_POINTS = {
    "early": KillPoint("article:1", delay_s=1.0),
    "mid-batch": KillPoint("article:8", min_stored=1),
    "corpus-start": KillPoint("corpus:1", min_stored=-1),
    "corpus-second-commit": KillPoint("corpus:2", may_not_trigger=True),  # only the hook can aim here
}


def kill_at(point: KillPoint, inputs: list[Path], db: Path) -> str:
    """Run and SIGKILL at `point`; says how the run ended ("hook", "killed", or "finished")."""
    if hook_offered():
        proc = start(inputs, db, kill_at=point.hook)
        rc, err = finish(proc)
        if rc == -signal.SIGKILL:
            return "hook"
        assert rc in (0, 1), f"linimasa run exited {rc}: {err[-2000:]}"
        return "finished"
    if point.delay_s is None and point.min_stored is None:
        pytest.skip(f"only the {KILL_ENV} hook can kill at {point.hook}; this core does not offer it")
    proc = start(inputs, db)
    want = len(inputs) if (point.min_stored or 0) < 0 else point.min_stored
    t0 = time.monotonic()
    while proc.poll() is None:
        if time.monotonic() - t0 > TIMEOUT:
            break
        if point.delay_s is not None and time.monotonic() - t0 >= point.delay_s:
            break
        if want is not None and stored_count(db) >= want:
            break
        time.sleep(0.005)
    if proc.poll() is not None:
        finish(proc)
        return "finished"
    kill_group(proc)
    finish(proc)  # collect stderr, close the pipe
    return "killed"


@pytest.mark.parametrize("where", list(KILL_POINTS))
def test_kill_and_rerun_loses_nothing(where: str, inputs: list[Path], reference: Snapshot, tmp_path: Path) -> None:
    """A kill -9 at any point, then a re-run with the same inputs, ends where one clean run ends:
    same articles, same per-article results, corpus work (dating, linking) completed."""
    db = tmp_path / "killed.db"
    point = KILL_POINTS[where]
    how = kill_at(point, inputs, db)
    if hook_offered() and how != "hook":
        if point.may_not_trigger:
            pytest.skip(f"{KILL_ENV}={point.hook} never triggered: this core has no such point")
        pytest.fail(f"{KILL_ENV}={point.hook} did not kill the run")
    stored_at_kill = stored_count(db)
    run_to_end(inputs, db)
    assert_same(Snapshot.of(export(db)), reference)
    assert unlinked_mentions(db) in (0, None), "article mentions without an entity after the re-run"
    if how == "finished":  # today's fallback came too late: the scenario proved nothing
        pytest.skip(f"the run ended before the {where} kill landed (stored {stored_at_kill})")


def test_kill_loses_at_most_the_chunk_in_flight(inputs: list[Path], tmp_path: Path) -> None:
    """With one worker and chunks of CHUNK articles, a kill while the 2nd article of the 3rd chunk
    is in flight leaves the first two chunks stored (committed as they complete)."""
    if not hook_offered() or "--chunk-size" not in run_help():
        pytest.skip(f"needs the {KILL_ENV} hook and `linimasa run --chunk-size`")
    db = tmp_path / "chunks.db"
    n = 2 * CHUNK + 2
    assert kill_at(KillPoint(f"article:{n}"), inputs, db) == "hook"
    assert stored_count(db) >= 2 * CHUNK, f"killed at article {n}: only {stored_count(db)} articles stored"


# -- two runs at once ------------------------------------------------------------------------


@pytest.mark.parametrize("store", ["new-store", "existing-store-1", "existing-store-2"])
def test_two_concurrent_runs_lose_nothing(
    store: str, inputs: list[Path], reference: Snapshot, tmp_path: Path
) -> None:
    """Two `linimasa run` processes on one database, with overlapping inputs whose union is every
    input, end equal to one run over the union. Three attempts, as a race may show one time in
    three: once on a database neither has created yet (both create the schema), twice on one that
    exists but is empty (created by a run over an empty folder), so that the races of storing and
    linking are reached even while schema creation races too."""
    half = len(inputs) // 2
    a, b = inputs[: half + 2], inputs[half - 2 :]
    db = tmp_path / "shared.db"
    if store != "new-store":
        empty = tmp_path / "empty"
        empty.mkdir()
        rc, err = finish(start([empty], db))  # creates the store, then says there was nothing to ingest
        assert rc == 1 and "nothing to ingest" in err and db.exists(), err[-2000:]
    procs = [start(a, db), start(b, db)]
    results = [finish(p) for p in procs]
    for (rc, err), name in zip(results, "AB", strict=True):
        assert rc == 0, f"run {name} exited {rc}: {err[-2000:]}"
    assert_same(Snapshot.of(export(db)), reference)
    assert unlinked_mentions(db) in (0, None), "article mentions without an entity"


def test_default_workers_follow_the_cpus_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not the machine's CPU count: a container or `taskset` that allows one CPU gets one worker
    (a second would only add its start and the pickling of its articles)."""
    from linimasa import batch

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0), raising=False)
    assert batch.default_workers() == 1
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert batch.default_workers() == batch.MAX_DEFAULT_WORKERS
