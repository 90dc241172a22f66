"""`linimasa search` and `linimasa serve`: thin layers over the store and the application."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from linimasa import cli


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_text_and_json(sample_db, capsys):
    code, out, err = run(capsys, "search", "Lavrov", "--db", str(sample_db))
    assert code == 0 and "5 articles match" in err
    assert out.count("[") == 5 and "Warta Ekonomi" in out
    code, out, _ = run(capsys, "search", "Lavrov", "--db", str(sample_db), "--format", "json", "--limit", "2")
    doc = json.loads(out)
    assert doc["total"] == 5 and len(doc["hits"]) == 2 and doc["next_cursor"] == "2"
    code, out, _ = run(capsys, "search", "Lavrov", "--db", str(sample_db), "--format", "json", "--cursor", "4")
    assert len(json.loads(out)["hits"]) == 1


def test_search_filters_and_events(sample_db, capsys):
    code, out, _ = run(capsys, "search", "bertemu", "--kind", "events", "--type", "consult", "--db", str(sample_db),
                       "--format", "json")
    hits = json.loads(out)["hits"]
    assert code == 0 and hits and {h["type"] for h in hits} == {"CONSULT"}
    code, out, _ = run(capsys, "search", "Taliban", "--entity", "sergei lavrov", "--from", "2021", "--to", "2021",
                       "--db", str(sample_db), "--format", "json")
    assert code == 0 and 1 <= json.loads(out)["total"] <= 3


@pytest.mark.parametrize("argv", [["search", '"open'], ["search", "x", "--from", "soon"],
                                  ["search", "x", "--entity", "Nobody Atall"], ["search", "x", "--cursor", "z"]])
def test_search_errors_are_one_line(sample_db, capsys, argv):
    code, out, err = run(capsys, *argv, "--db", str(sample_db))
    assert code == 2 and out == "" and err.startswith("linimasa: error:") and err.count("\n") == 1


def test_search_needs_a_database(tmp_path, capsys):
    code, _, err = run(capsys, "search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no database" in err


def test_serve_refuses_a_missing_database(tmp_path, capsys):
    code, _, err = run(capsys, "serve", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no database" in err


@pytest.mark.parametrize("argv", [("search", "--help"), ("serve", "--help")])
def test_help_imports_nothing_heavy(argv):
    code = (f"import json, sys\nfrom linimasa import cli\ntry:\n    cli.main({list(argv)!r})\nexcept SystemExit:\n"
            "    pass\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    loaded = json.loads(r.stderr.strip().splitlines()[-1])
    heavy = [m for m in loaded if m.split(".")[0] in ("fastapi", "uvicorn", "starlette", "jinja2", "pydantic")
             or m.startswith(("linimasa.store", "linimasa.api", "linimasa.web", "linimasa.pipeline"))]
    assert heavy == []
    assert "example" in r.stdout
