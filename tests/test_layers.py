"""No stage package imports another stage package.

What stages share lives in the text layer (`linimasa.text`), the resources (`linimasa.resources`),
the model and the pipeline. A stage that imports another one cannot be replaced or run alone, and
changes in one silently change the other; evaluations (`linimasa.evaluate`) may import any stage.
The check reads the source with `ast`, so it also sees imports inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import linimasa

PACKAGE = Path(linimasa.__file__).parent
STAGE_PACKAGES = ("ingest", "clean", "meta", "timex", "entities", "link", "events", "timeline", "stories")
SHARED = ("model", "pipeline", "text", "resources")


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every absolute import of a linimasa module in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "linimasa":  # "from linimasa import resources"
                found.extend((node.lineno, f"linimasa.{alias.name}") for alias in node.names)
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            raise AssertionError(f"{path}:{node.lineno}: relative import; write the absolute module")
    return [(line, m) for line, m in found if m == "linimasa" or m.startswith("linimasa.")]


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGE_PACKAGES else None


def _stage_files() -> list[tuple[str, Path]]:
    out = []
    for stage in STAGE_PACKAGES:
        root = PACKAGE / stage
        if root.is_dir():
            out.extend((stage, p) for p in sorted(root.rglob("*.py")))
    return out


@pytest.mark.parametrize(("stage", "path"), _stage_files(), ids=lambda x: str(x) if isinstance(x, str) else x.name)
def test_a_stage_imports_no_other_stage(stage: str, path: Path) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE)}:{line} imports {module}"
        for line, module in _imported_modules(path)
        if (other := _stage_of(module)) is not None and other != stage
    ]
    assert not wrong, "stage packages share code through linimasa.text / linimasa.resources:\n" + "\n".join(wrong)


def test_the_shared_layers_import_no_stage() -> None:
    """The text layer, resources, model and pipeline sit below every stage."""
    for name in SHARED:
        target = PACKAGE / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target.with_suffix(".py")]
        for path in files:
            for line, module in _imported_modules(path):  # (the pipeline loads stages by name, not by import)
                assert _stage_of(module) is None, f"{path.relative_to(PACKAGE)}:{line} imports {module}"


def test_the_check_sees_a_cross_stage_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from linimasa.meta.outlet import find_outlet\n", encoding="utf-8")
    assert _stage_of(_imported_modules(bad)[0][1]) == "meta"
