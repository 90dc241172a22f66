"""The CLI as a user meets it: a real subprocess, a real SQLite file, real exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

import linimasa

ARTICLE = (
    "Banjir Rendam Ribuan Rumah di Bekasi\n\n"
    "BEKASI – Banjir merendam ribuan rumah di Bekasi, Jawa Barat, sejak Senin pagi.\n\n"
    "Warga mengungsi ke masjid dan sekolah terdekat sambil menunggu air surut.\n"
)


def linimasa_cli(*args: str, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "linimasa.cli", *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def dump(db) -> list[str]:
    return list(sqlite3.connect(db).iterdump())


def test_version_and_help_with_examples():
    out = linimasa_cli("--version")
    assert out.returncode == 0 and linimasa.__version__ in out.stdout
    for cmd in ("run", "export", "eval"):
        h = linimasa_cli(cmd, "--help")
        assert h.returncode == 0 and "example" in h.stdout


def test_run_on_sample_then_export(tmp_path, validate_export):
    db, out = tmp_path / "s.db", tmp_path / "s.json"
    r = linimasa_cli("run", "--db", str(db), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "5 new" in r.stdout
    doc = json.loads(out.read_text())
    validate_export(doc)
    exported = linimasa_cli("export", "--db", str(db))
    assert exported.returncode == 0
    assert json.loads(exported.stdout) == doc


def test_rerun_on_same_input_changes_nothing(tmp_path):
    db = tmp_path / "s.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "copy-of-a.txt").write_text(ARTICLE)
    first = linimasa_cli("run", str(folder), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "1 new, 1 already stored" in first.stdout
    before = dump(db)
    again = linimasa_cli("run", str(folder), "--db", str(db))
    assert "0 new, 2 already stored" in again.stdout
    assert dump(db) == before


def test_stdin_is_one_article(tmp_path):
    r = linimasa_cli("run", "-", "--db", str(tmp_path / "s.db"), stdin=ARTICLE.encode())
    assert r.returncode == 0, r.stderr
    assert "1 new" in r.stdout


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, validate_export):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "latin.txt").write_bytes("Caf\xe9 Bekasi ramai pengunjung.".encode("cp1252"))
    with (folder / "huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    out = tmp_path / "o.json"
    r = linimasa_cli("run", str(folder), str(tmp_path / "vanished.txt"), "--db", str(tmp_path / "s.db"),
                     "--out", str(out))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    for name in ("empty.txt", "image.txt", "huge.txt", "vanished.txt", "latin.txt"):
        assert name in r.stderr, name
    assert "3 new" in r.stdout and "3 skipped" in r.stdout
    doc = json.loads(out.read_text())
    validate_export(doc)
    by_name = {a["source"].rsplit("/", 1)[-1]: a for a in doc["articles"]}
    assert set(by_name) == {"good.txt", "empty.txt", "latin.txt"}
    assert by_name["empty.txt"]["errors"] and by_name["latin.txt"]["errors"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unreadable_file_is_named(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read anything")
    f = tmp_path / "locked.txt"
    f.write_text(ARTICLE)
    f.chmod(0)
    r = linimasa_cli("run", str(f), "--db", str(tmp_path / "s.db"))
    assert r.returncode == 1 and "locked.txt" in r.stderr


def test_export_of_missing_database_is_a_clear_error(tmp_path):
    r = linimasa_cli("export", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 2 and "no database" in r.stderr and "Traceback" not in r.stderr


def test_parallel_batch_gives_the_same_articles_as_serial(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(20):
        (folder / f"a{i:02}.txt").write_text(ARTICLE.replace("ribuan", f"{i} ribu"))
    serial = linimasa.process([folder], workers=1)
    parallel = linimasa.process([folder], workers=2)
    assert serial.articles == parallel.articles


@pytest.mark.parametrize("what", ["clean", "timex", "ner"])
def test_every_evaluation_has_help_with_an_example(what):
    h = linimasa_cli("eval", what, "--help")
    assert h.returncode == 0 and "example" in h.stdout


def test_stages_prints_the_checked_pipeline():
    out = linimasa_cli("stages")
    assert out.returncode == 0, out.stderr
    assert "article stage clean" in out.stdout and "corpus stage entities" in out.stdout
    assert out.stdout.index("stage clean") < out.stdout.index("stage timex") < out.stdout.index("corpus stage dating")
    rows = json.loads(linimasa_cli("stages", "--json").stdout)
    timex = next(r for r in rows if r["name"] == "timex")
    assert "article.text" in timex["requires"] and "article.timexes" in timex["assigns"]
    assert {r["kind"] for r in rows} == {"article", "corpus"}


def test_run_in_chunks_stores_every_article_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(7):
        (folder / f"{i}.txt").write_text(ARTICLE.replace("ribuan", f"{i + 2} ribu"), encoding="utf-8")
    db = tmp_path / "c.db"
    out = linimasa_cli("run", str(folder), "--db", str(db), "--chunk-size", "3", "--workers", "1", "-q")
    assert out.returncode == 0, out.stderr
    again = linimasa_cli("run", str(folder), "--db", str(db), "--chunk-size", "3", "-q")
    assert again.returncode == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (7, 7)
    assert con.execute("SELECT count(*) FROM articles WHERE corpus_done = 0").fetchone() == (0,)
    (unlinked,) = con.execute(
        'SELECT count(*) FROM mentions m LEFT JOIN entity_mentions e ON e.article_id = m.article_id'
        ' AND e.start = m.start AND e."end" = m."end" WHERE e.entity_id IS NULL'
    ).fetchone()
    assert unlinked == 0


def test_cli_plover_types_match_the_events_package():
    from linimasa.cli import PLOVER_TYPES
    from linimasa.events import PLOVER_TYPES as STAGE_TYPES

    assert PLOVER_TYPES == STAGE_TYPES


def _cli_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "linimasa.cli", *args], input=stdin, capture_output=True,
                          timeout=300)


def test_hostile_and_odd_inputs_through_the_cli(tmp_path, validate_export):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "number.txt").write_text("Ada dua puluh " + "puluh " * 40 + "orang di Bekasi.")
    (folder / "capitals.txt").write_text("Berita\n(" + "A " * 4000)
    (folder / "utf16.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (folder / "mostly.txt").write_bytes(ARTICLE.encode() + b"\xff tamat.")
    (folder / "nul.txt").write_bytes(ARTICLE.encode().replace(b"Warga", b"Wa\x00rga"))
    out = tmp_path / "o.json"
    r = linimasa_cli("run", str(folder), "--db", str(tmp_path / "s.db"), "--out", str(out), "-q")
    assert "Traceback" not in r.stderr
    doc = json.loads(out.read_text())
    validate_export(doc)
    by_name = {a["source"].rsplit("/", 1)[-1]: a for a in doc["articles"]}
    assert set(by_name) == {"number.txt", "capitals.txt", "utf16.txt", "mostly.txt", "nul.txt"}
    assert by_name["utf16.txt"]["encoding"] == "utf-16-le" and not by_name["utf16.txt"]["errors"]
    assert by_name["mostly.txt"]["encoding"] == "utf-8"
    assert by_name["mostly.txt"]["errors"] == ["ingest: 1 invalid byte (not UTF-8) replaced with U+FFFD"]
    assert by_name["nul.txt"]["errors"] == ["ingest: 1 control character (NUL, ...) removed"]
    assert r.returncode == 1  # two articles carry notes about their bytes


def test_a_one_line_article_from_stdin(tmp_path):
    line = "Presiden Joko Widodo tiba di Jakarta pada Senin (3/6/2024) untuk bertemu para menteri. " * 5
    r = linimasa_cli("run", "-", "--db", str(tmp_path / "s.db"), stdin=line.encode())
    assert r.returncode == 0, r.stderr
    assert "1 new" in r.stdout


def test_stdin_over_the_size_limit_is_refused_not_cut(tmp_path):
    r = _cli_bytes("run", "-", "--db", str(tmp_path / "s.db"), stdin=b"a " * (5 * 1024 * 1024 + 1))
    assert r.returncode == 1
    assert b"over the 10 MiB limit for one article" in r.stderr
    assert b"0 new" in r.stdout


def test_a_misspelled_folder_is_named_and_nothing_is_stored(tmp_path):
    r = linimasa_cli("run", str(tmp_path / "scrapd") + "/", "--db", str(tmp_path / "s.db"))
    assert r.returncode == 1 and "scrapd" in r.stderr and "0 new" in r.stdout


def test_time_budget_option(tmp_path):
    r = linimasa_cli("run", "--db", str(tmp_path / "a.db"), "--time-budget", "0.000001,0", "-q")
    assert r.returncode == 1 and "budget: stopped in stage" in r.stderr
    r = linimasa_cli("run", "--db", str(tmp_path / "b.db"), "--time-budget", "0", "-q")
    assert r.returncode == 0, r.stderr
    r = linimasa_cli("run", "--db", str(tmp_path / "c.db"), "--time-budget", "soon")
    assert r.returncode == 2 and "SECONDS,PER_KB" in r.stderr
