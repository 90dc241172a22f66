"""`linimasa.resources.cached`: what a process built from resource files is read back by the next one;
a changed source gives a new build, and a cache that cannot be written or read only costs the build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linimasa import resources
from linimasa.entities import ner


class _Builder:
    def __init__(self, source: Path) -> None:
        self.source = source
        self.calls = 0

    def __call__(self) -> dict[str, list[str]]:
        self.calls += 1
        return {"words": self.source.read_text(encoding="utf-8").split()}


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "words.txt"
    path.write_text("satu dua tiga\n", encoding="utf-8")
    return path


def test_second_load_reads_the_cache(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(cache))
    build = _Builder(source)
    first = resources.cached("words", [source], build)
    second = resources.cached("words", [source], build)
    assert first == second == {"words": ["satu", "dua", "tiga"]}
    assert build.calls == 1
    assert len(list(cache.glob("words-*.pickle"))) == 1


def test_changed_source_is_built_again(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(cache))
    build = _Builder(source)
    resources.cached("words", [source], build)
    source.write_text("empat lima\n", encoding="utf-8")
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later edit
    assert resources.cached("words", [source], build) == {"words": ["empat", "lima"]}
    assert build.calls == 2
    assert len(list(cache.glob("words-*.pickle"))) == 1  # the stale file is gone
    assert resources.cached("words", [source], build) == {"words": ["empat", "lima"]}
    assert build.calls == 2


def test_corrupt_cache_file_is_built_again(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(cache))
    build = _Builder(source)
    resources.cached("words", [source], build)
    (cached_file,) = cache.glob("words-*.pickle")
    cached_file.write_bytes(b"not a pickle")
    assert resources.cached("words", [source], build) == {"words": ["satu", "dua", "tiga"]}
    assert build.calls == 2


def test_unwritable_cache_is_skipped(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(blocker / "cache"))  # under a file: mkdir fails, even as root
    build = _Builder(source)
    assert resources.cached("words", [source], build) == {"words": ["satu", "dua", "tiga"]}
    assert resources.cached("words", [source], build) == {"words": ["satu", "dua", "tiga"]}
    assert build.calls == 2
    assert not list(tmp_path.glob("**/*.tmp"))


def test_empty_cache_dir_turns_caching_off(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINIMASA_CACHE_DIR", "")
    assert resources.cache_dir() is None
    build = _Builder(source)
    resources.cached("words", [source], build)
    resources.cached("words", [source], build)
    assert build.calls == 2


def test_missing_source_builds_without_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(cache))
    assert resources.cached("words", [tmp_path / "absent.txt"], lambda: 7) == 7
    assert not cache.exists()


def test_cached_recogniser_tags_as_the_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(tmp_path))
    built = ner.load_recogniser.__wrapped__()
    assert len(list(tmp_path.glob("ner-*.pickle"))) == 1
    read_back = ner.load_recogniser.__wrapped__()
    assert read_back is not built
    text = "Menteri Keuangan Sri Mulyani bertemu Gubernur Jawa Barat di Bandung pada Senin."
    mentions = read_back.tag(text)
    assert mentions  # names, with their scores (mean marginals), as the built model gives them
    assert mentions == built.tag(text)
    tokens = ["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."]
    assert read_back.tag_tokens(tokens) == built.tag_tokens(tokens)


def test_seeded_timex_prefilter_answers_as_its_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linimasa.timex import prefilter
    from linimasa.timex.lexicon import RULE_FLAGS, lexicon

    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(prefilter, "_SEEDED", {})
    built = lexicon.__wrapped__("id").rules  # builds the cache
    monkeypatch.setattr(prefilter, "_SEEDED", {})
    rules = lexicon.__wrapped__("id").rules  # reads it back
    assert len(list(tmp_path.glob("timex-id-*.pickle"))) == 1
    assert [r.pattern for r in rules] == [r.pattern for r in built]
    for rule in rules:
        key = (rule.pattern, RULE_FLAGS)
        assert prefilter._SEEDED[key] == prefilter.analyse(*key)
        assert "regex" not in vars(rule)  # not compiled yet
        assert (rule.regex.pattern, rule.regex.flags) == key  # the key `finditer` looks up
