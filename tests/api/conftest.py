"""An application over a copy of the sample database (plus a hostile article), driven in-process by
Starlette's test client (httpx)."""

from __future__ import annotations

import shutil
import warnings

import pytest

from tests.api.sample import build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # newer Starlette suggests httpx2; httpx is what the project tests with
    from starlette.testclient import TestClient


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("api") / "sample.db")


@pytest.fixture(scope="module")
def api(sample_db):
    """A read-only application: the reads never change the database."""
    from linimasa.api import create_app

    with TestClient(create_app(str(sample_db), read_only=True)) as client:
        yield client


@pytest.fixture()
def writable_api(sample_db, tmp_path):
    from linimasa.api import create_app

    db = tmp_path / "w.db"
    shutil.copy(sample_db, db)

    def make(**options):
        return TestClient(create_app(str(db), read_only=False, **options))

    return make
