"""The worker count a batch uses when the caller names none: one per usable CPU (at most four), and one
for a batch too small for a second worker to finish sooner (`bench/workers.py` measures where)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linimasa import batch
from linimasa.ingest import ingest_bytes
from linimasa.model import Article


@pytest.fixture
def two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two CPUs, both free (a load average of 0.2)."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.2, 0.3, 0.3), raising=False)


def _articles(n: int) -> list[Article]:
    return [ingest_bytes(f"Judul {i}\nIsi berita nomor {i}.".encode(), f"a{i}.txt") for i in range(n)]


def test_a_small_batch_gets_one_worker_a_large_one_one_per_cpu(two_cpus: None) -> None:
    assert batch.default_workers(1) == 1
    assert batch.default_workers(batch.PARALLEL_MIN_BATCH - 1) == 1
    assert batch.default_workers(batch.PARALLEL_MIN_BATCH) == 2
    assert batch.default_workers(100_000) == 2
    assert batch.default_workers() == 2  # size unknown: the CPUs decide


def test_cpus_other_jobs_keep_busy_get_no_worker(two_cpus: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "getloadavg", lambda: (1.05, 0.9, 0.5), raising=False)
    assert batch.default_workers(1000) == 2  # one's own last run (load about 1): both CPUs still pay
    monkeypatch.setattr(os, "getloadavg", lambda: (2.0, 1.5, 1.0), raising=False)
    assert batch.default_workers(1000) == 1  # a whole CPU's worth of load on each: one
    monkeypatch.setattr(os, "getloadavg", lambda: (6.5, 6.0, 5.0), raising=False)
    assert batch.default_workers(1000) == 1  # a machine loaded beyond its CPUs: one, never none
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(16)), raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (14.6, 6.0, 5.0), raising=False)
    assert batch.default_workers(1000) == 3  # 16 CPUs, 14.6 busy: ceil(2.4) = 3
    monkeypatch.setattr(os, "getloadavg", lambda: (1.0, 1.0, 1.0), raising=False)
    assert batch.default_workers(1000) == batch.MAX_DEFAULT_WORKERS


def test_the_size_is_read_ahead_and_no_article_is_lost_or_reordered(two_cpus: None) -> None:
    small = _articles(batch.PARALLEL_MIN_BATCH - 1)
    got, workers = batch._sized(iter(small), None)
    assert workers == 1 and [a.source for a in got] == [a.source for a in small]

    large = _articles(batch.PARALLEL_MIN_BATCH + 5)
    source = iter(large)
    got, workers = batch._sized(source, None)
    assert workers == 2
    assert next(source).source == large[batch.PARALLEL_MIN_BATCH].source  # read ahead no further than needed
    assert [a.source for a in got] == [a.source for a in large[: batch.PARALLEL_MIN_BATCH]] + [
        a.source for a in large[batch.PARALLEL_MIN_BATCH + 1 :]
    ]


def test_a_worker_count_the_caller_names_is_kept_and_nothing_is_read_ahead(two_cpus: None) -> None:
    items = _articles(3)
    source = iter(items)
    got, workers = batch._sized(source, 2)
    assert workers == 2 and got is source and next(source).source == items[0].source


def test_a_small_batch_run_with_the_default_starts_no_worker_pool(
    two_cpus: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linimasa.ingest import iter_sources
    from linimasa.store.sqlite import SQLiteStore

    chosen: list[int] = []
    real_init = batch._Workers.__init__

    def spy(self: batch._Workers, pipeline: object, workers: int | None, budget: object = None) -> None:
        real_init(self, pipeline, workers, budget)  # type: ignore[arg-type]
        chosen.append(self.n)

    monkeypatch.setattr(batch._Workers, "__init__", spy)
    folder = tmp_path / "in"
    folder.mkdir()
    n = batch.PARALLEL_MIN_ARTICLES + 4  # enough for a pool by the chunk rule, too few for the batch rule
    assert n < batch.PARALLEL_MIN_BATCH
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(f"Judul {i}\nIsi berita nomor {i} tentang banjir di Bandung.\n")
    with SQLiteStore(str(tmp_path / "t.db")) as store:
        report = batch.run_batch(iter_sources([str(folder)]), store)
    assert chosen == [1] and len(report.new) == n
