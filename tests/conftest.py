"""Shared fixtures: the schema validator and the location of ../shared (skips what needs it when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "schema" / "export-v1.schema.json"


@pytest.fixture(scope="session")
def validate_export():
    """Validate a linimasa/1 document against the shared JSON Schema (the export contract)."""
    import jsonschema

    if not SCHEMA.exists():
        pytest.skip("../shared/schema not available")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)

    def check(doc: dict) -> None:
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])

    return check


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared not available")
    return SHARED
