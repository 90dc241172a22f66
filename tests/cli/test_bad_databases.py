"""A wrong `--db` as a user meets it: one line naming the problem, exit status 2, no traceback, and
nothing created or changed. Each case goes through the real CLI (a subprocess), except the full disk,
which needs a size limit on the store's own connection and so runs `cli.main` in this process."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from linimasa import cli
from linimasa.store import SQLiteStore, StoreError
from linimasa.store.sqlite import MIGRATIONS, SCHEMA_VERSION
from linimasa.store.sqlite_check import APPLICATION_ID, check_sqlite_target
from tests.cli.test_cli import ARTICLE, linimasa_cli


@pytest.fixture
def article(tmp_path: Path) -> Path:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    return f


def assert_clear_error(r: subprocess.CompletedProcess[str], *words: str) -> None:
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("linimasa: error: "), r.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_a_file_that_is_not_sqlite_is_left_alone(tmp_path, article):
    db = tmp_path / "notes.txt"
    db.write_text("my notes, not a database\n")
    before = digest(db)
    assert_clear_error(linimasa_cli("run", str(article), "--db", str(db)), "notes.txt", "not an SQLite database")
    assert digest(db) == before
    assert_clear_error(linimasa_cli("export", "--db", str(db)), "not an SQLite database")


def test_someone_elses_sqlite_gets_no_tables(tmp_path, article):
    db = tmp_path / "theirs.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers (name) VALUES ('Budi')")
    con.commit()
    con.close()
    before = digest(db)
    assert_clear_error(linimasa_cli("run", str(article), "--db", str(db)), "theirs.db", "not linimasa's", "customers")
    assert_clear_error(linimasa_cli("export", "--db", str(db)), "not linimasa's")
    assert digest(db) == before
    tables = [n for (n,) in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["customers"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "theirs.db"]  # no -wal, no -shm


def test_another_applications_id_is_refused_even_without_tables(tmp_path, article):
    db = tmp_path / "app.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA application_id = 1234")
    con.close()
    assert_clear_error(linimasa_cli("run", str(article), "--db", str(db)), "another application")


def test_newer_schema_is_refused_untouched(tmp_path, article):
    db = tmp_path / "future.db"
    assert linimasa_cli("run", str(article), "--db", str(db), "-q").returncode == 0
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.close()
    before = digest(db)
    assert_clear_error(linimasa_cli("run", str(article), "--db", str(db)), "schema version", "newer")
    assert_clear_error(linimasa_cli("export", "--db", str(db)), "newer")
    assert digest(db) == before


def test_missing_folder_creates_no_file(tmp_path, article):
    db = tmp_path / "typo" / "news.db"
    assert_clear_error(linimasa_cli("run", str(article), "--db", str(db)), "does not exist")
    assert not db.parent.exists()
    assert_clear_error(linimasa_cli("run", str(article), "--db", str(tmp_path)), "is a folder")


def test_unknown_backend_is_one_line(article):
    assert_clear_error(linimasa_cli("run", str(article), "--db", "nosuch://host/db"), "no storage backend")


def _chattr(flag: str, *paths: Path) -> bool:
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    return subprocess.run([chattr, flag, *map(str, paths)], capture_output=True).returncode == 0


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[object]:
    """Make paths read-only in a way that stops root too (tests often run as root, which chmod does
    not stop): the immutable attribute. Skips where chattr or the file system does not support it."""
    made: list[Path] = []

    def make(*paths: Path) -> None:
        if os.geteuid() != 0:
            for p in paths:
                p.chmod(0o555 if p.is_dir() else 0o444)
        elif not _chattr("+i", *paths):
            pytest.skip("root ignores chmod and chattr +i is not available on this file system")
        made.extend(paths)

    yield make
    if made:
        if os.geteuid() == 0:
            _chattr("-i", *made)
        for p in made:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_read_only_folder_gets_no_new_database(tmp_path, article, immutable):
    folder = tmp_path / "ro"
    folder.mkdir()
    immutable(folder)
    assert_clear_error(linimasa_cli("run", str(article), "--db", str(folder / "x.db")), "read-only")
    assert list(folder.iterdir()) == []


def test_read_only_database_can_be_exported_not_written(tmp_path, article, immutable):
    db = tmp_path / "ro.db"
    assert linimasa_cli("run", str(article), "--db", str(db), "-q").returncode == 0
    immutable(db)
    before = digest(db)
    assert_clear_error(linimasa_cli("run", str(article), "--db", str(db)), "ro.db", "read-only")
    exported = linimasa_cli("export", "--db", str(db))
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["articles"]) == 1
    assert digest(db) == before


def test_a_full_disk_is_one_line(tmp_path, monkeypatch, capsys):
    """A real SQLITE_FULL from SQLite: the store's connection may not grow the file at all, and the
    article (its text stored three times: raw, lines, clean text) needs several new pages."""
    article = tmp_path / "long.txt"
    paragraph = ARTICLE.split("\n\n", 1)[1]
    article.write_text(ARTICLE + "".join(paragraph.replace("Bekasi", f"Bekasi {i}") for i in range(30)))
    migrate = SQLiteStore.migrate

    def migrate_then_cap(self: SQLiteStore) -> None:
        migrate(self)
        (pages,) = self.db.execute("PRAGMA page_count").fetchone()
        self.db.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(SQLiteStore, "migrate", migrate_then_cap)
    code = cli.main(["run", str(article), "--db", str(tmp_path / "full.db"), "-q", "--workers", "1"])
    err = capsys.readouterr().err
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("linimasa: error: ") and "disk is full" in lines[0], err
    assert "Traceback" not in err


def test_out_dash_writes_only_json_to_stdout(tmp_path, article, validate_export):
    r = linimasa_cli("run", str(article), "--db", str(tmp_path / "s.db"), "--out", "-")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)  # nothing but the export
    validate_export(doc)
    assert "1 new" in r.stderr
    exported = linimasa_cli("export", "--db", str(tmp_path / "s.db"), "--out", "-")
    assert json.loads(exported.stdout) == doc and exported.stderr == ""


def test_new_databases_carry_linimasa_application_id(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as store:
        (app_id,) = store.db.execute("PRAGMA application_id").fetchone()
    assert app_id == APPLICATION_ID


def test_a_database_from_before_the_application_id_is_still_linimasas(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)  # as linimasa's schema 1 left it: no application id yet
    con.executescript(MIGRATIONS[0][1] + "; PRAGMA user_version = 1;")
    con.close()
    check_sqlite_target(str(db), SCHEMA_VERSION)  # no error
    with SQLiteStore(db) as store:
        assert store.count_articles() == 0


def test_an_empty_file_becomes_a_database_for_run_but_is_not_one_to_export(tmp_path):
    db = tmp_path / "empty.db"
    db.touch()
    with pytest.raises(StoreError, match="empty"):
        check_sqlite_target(str(db), SCHEMA_VERSION, write=False, create=False)
    check_sqlite_target(str(db), SCHEMA_VERSION)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database or disk is full", "disk is full"),
        ("disk I/O error", "disk I/O error"),
        ("attempt to write a readonly database", "read-only"),
        ("file is not a database", "not an SQLite database"),
        ("database is locked", "locked"),
    ],
)
def test_sqlite_errors_from_the_machine_become_one_line(message, expected):
    from linimasa.store.sqlite_check import sqlite_errors

    with pytest.raises(StoreError, match=expected) as caught, sqlite_errors("news.db"):
        raise sqlite3.OperationalError(message)
    assert "news.db" in str(caught.value) and "\n" not in str(caught.value)


def test_sqlite_errors_that_are_bugs_keep_their_traceback():
    from linimasa.store.sqlite_check import sqlite_errors

    with pytest.raises(sqlite3.IntegrityError), sqlite_errors("news.db"):
        raise sqlite3.IntegrityError("UNIQUE constraint failed: articles.id")


def test_the_api_refuses_the_same_databases(tmp_path):
    import linimasa

    theirs = tmp_path / "theirs.db"
    sqlite3.connect(theirs).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not linimasa's"):
        linimasa.process(["Teks berita."], store=str(theirs))
    with pytest.raises(StoreError, match="does not exist"):
        linimasa.process(["Teks berita."], store=str(tmp_path / "typo" / "x.db"))
