"""User corrections: merge, rename, block and split entities in a store, through the CLI, without
processing any article again; re-applied after later runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from linimasa.link.corrections import CorrectionsError, parse

TEXT_A = ("Jakarta, Senin (16/6/2025) - Pelatih Timnas Patrick Kluivert memanggil Lionel Messi ke Jakarta. "
          "Kluivert juga bertemu Bluebird Adrianto Djokosoetono. Perusahaan Bluebird menyediakan taksi.\n")
TEXT_B = "Jakarta, Selasa (17/6/2025) - Leo Messi tiba di Jakarta bersama Patrick Kluivert.\n"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "linimasa.cli", *args], capture_output=True, text=True, cwd=cwd)


def names(db: Path, cwd: Path) -> dict[str, dict]:
    out = json.loads(cli("export", "--db", str(db), cwd=cwd).stdout)
    return {e["name"]: e for e in out["entities"]}


def test_corrections_apply_to_the_store_and_hold(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    db = tmp_path / "n.db"
    assert cli("run", "a.txt", "b.txt", "--db", str(db), "-q", cwd=tmp_path).returncode == 0
    before = names(db, tmp_path)
    assert "Lionel Messi" in before and "Leo Messi" in before  # two entities before the correction
    fix = tmp_path / "fixes.tsv"
    fix.write_text("# corrections\nmerge\tLionel Messi\tLeo Messi\nrename\tPatrick Kluivert\tPatrick Stephan Kluivert\n"
                   "block\tJakarta\nsplit\tBluebird Adrianto Djokosoetono\tBluebird\tORG\n", encoding="utf-8")
    r = cli("correct", str(fix), "--db", str(db), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    after = names(db, tmp_path)
    assert "Leo Messi" not in after and "Leo Messi" in after["Lionel Messi"]["aliases"]
    moved = {m["article"] for m in before["Leo Messi"]["mentions"]}
    assert {m["article"] for m in after["Lionel Messi"]["mentions"]} >= moved
    assert "Patrick Stephan Kluivert" in after and "Patrick Kluivert" in after["Patrick Stephan Kluivert"]["aliases"]
    assert "Jakarta" not in after
    if any(m["text"] == "Bluebird" for m in before.get("Bluebird Adrianto Djokosoetono", {}).get("mentions", [])):
        assert after["Bluebird"]["type"] == "ORG"
    # a later run re-applies the default corrections file beside it
    (tmp_path / "linimasa-corrections.tsv").write_text(fix.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(TEXT_B.replace("Selasa (17/6/2025)", "Rabu (18/6/2025)") + "Leo Messi senang.\n",
                                    encoding="utf-8")
    assert cli("run", "c.txt", "--db", str(db), "-q", cwd=tmp_path).returncode == 0
    assert "Jakarta" not in names(db, tmp_path)


def test_a_bad_corrections_file_is_refused_with_its_line() -> None:
    with pytest.raises(CorrectionsError, match=":2: unknown action"):
        parse("merge\tA\tB\nfold\tA\tB\n", "fixes.tsv")
    with pytest.raises(CorrectionsError, match="needs 2 names"):
        parse("merge\tA\n")
