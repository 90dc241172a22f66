"""The web page's tests: in-process pages through the test client, and a real `linimasa serve` driven
by Playwright in Debian's chromium (skipped, saying why, only where no chromium can be found)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from tests.api.sample import build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # newer Starlette suggests httpx2; httpx is what the project tests with
    from starlette.testclient import TestClient

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("web") / "sample.db")


@pytest.fixture(scope="module")
def site(sample_db):
    from linimasa.api import create_app

    with TestClient(create_app(str(sample_db), read_only=True)) as client:
        yield client


def chromium_path() -> str | None:
    found = os.environ.get("LINIMASA_CHROMIUM")
    if found and Path(found).exists():
        return found
    for name in CHROMIUM_NAMES:
        if path := shutil.which(name):
            return path
    return None


@pytest.fixture(scope="session")
def server(sample_db, tmp_path_factory):
    """`linimasa serve` on a free loopback port, over a copy of the sample database."""
    db = tmp_path_factory.mktemp("served") / "served.db"
    shutil.copy(sample_db, db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path_factory.mktemp("log") / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "linimasa.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/api", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"linimasa serve did not start: {Path(log.name).read_text()}") from None
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no chromium found (apt-get install chromium; `make test` installs it): browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A page that records every dialog (none may open) and every console error."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []

    def on_dialog(dialog):
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
