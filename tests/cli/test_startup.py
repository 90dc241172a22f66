"""Start-up stays lazy: answering --version or --help loads no stage, model, word list or store.

Timing is measured by bench/startup.py, never asserted here; what is asserted is which modules a
command imports, which is what keeps it fast on any machine."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from linimasa import cli
from linimasa.export import FORMATS

HEAVY = (
    "linimasa.pipeline",
    "linimasa.batch",
    "linimasa.store",
    "linimasa.model",
    "linimasa.clean",
    "linimasa.meta",
    "linimasa.timex",
    "linimasa.entities",
    "linimasa.link",
    "yaml",
    "langid",
    "pycrfsuite",
    "tqdm",
    "numpy",
)


def _modules_after(*argv: str) -> list[str]:
    code = (
        "import json, sys\n"
        "from linimasa import cli\n"
        "try:\n"
        f"    cli.main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return json.loads(r.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [("--version",), ("--help",), ("run", "--help"), ("export", "--help")])
def test_version_and_help_import_nothing_heavy(argv):
    loaded = _modules_after(*argv)
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY or any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert heavy == [], heavy


def test_export_formats_in_help_match_the_exporter():
    assert set(cli.EXPORT_FORMATS) == set(FORMATS)


def test_public_names_still_import_from_the_package():
    import linimasa
    from linimasa import Article, Pipeline, default_pipeline

    assert linimasa.Corpus.__name__ == "Corpus" and Article.__name__ == "Article"
    assert callable(default_pipeline) and Pipeline.__name__ == "Pipeline"
    with pytest.raises(AttributeError):
        linimasa.no_such_name  # noqa: B018


def test_a_one_article_run_loads_what_it_needs_only(tmp_path):
    """One article never starts a worker pool, so multiprocessing stays unloaded; and the language
    model comes from the packaged cut, so py3langid's own LZMA model file is never opened."""
    from importlib import resources

    sample = sorted(p for p in (resources.files("linimasa") / "sample").iterdir() if p.name.endswith(".txt"))[0]
    code = (
        "import json, sys\n"
        "import py3langid.langid as langid\n"
        "opened = []\n"
        "real = langid._load_model_file\n"
        "langid._load_model_file = lambda path: opened.append(str(path)) or real(path)\n"
        "from linimasa import cli\n"
        f"cli.main(['run', {str(sample)!r}, '--db', {str(tmp_path / 'one.db')!r}, '-q', '--workers', '1'])\n"
        "print(json.dumps({'modules': sorted(sys.modules), 'opened': opened}), file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    seen = json.loads(r.stderr.strip().splitlines()[-1])
    assert "multiprocessing" not in seen["modules"]
    assert "linimasa.entities.ner" in seen["modules"]  # the run did reach the stages
    assert seen["opened"] == []
