"""The timex resources are data: every language's file compiles, and a new language is a new folder."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from linimasa import resources
from linimasa.timex import lexicon as lexicon_module
from linimasa.timex.lexicon import PLACEHOLDERS, available_languages, lexicon
from linimasa.timex.tagger import NORMALISERS, tag


def test_indonesian_and_english_resources_compile() -> None:
    assert {"id", "en"} <= set(available_languages())
    for lang in ("id", "en"):
        lex = lexicon(lang)
        names = [r.name for r in lex.rules]
        assert len(names) == len(set(names)), "rule names must be unique"
        assert all(r.kind in NORMALISERS for r in lex.rules)
        assert lex.months and lex.weekdays and lex.numbers and lex.units


def test_indonesian_lists_cover_abbreviations_misspellings_and_number_words() -> None:
    lex = lexicon("id")
    assert lex.months["okt"] == 10 and lex.months["agu"] == 8 and lex.months["sept"] == 9
    assert lex.months["nopember"] == 11 and lex.months["pebruari"] == 2
    assert lex.weekdays["jum'at"] == 5
    assert lex.number("dua") == 2 and lex.number("belasan") == "X" and lex.number("puluhan") == "X"
    assert lex.number("1.000") == 1000 and lex.number("2,5") == 2.5


def test_placeholders_in_rules_are_all_known() -> None:
    for lang in ("id", "en"):
        data = resources.load(lang, "timex")
        for rule in data["rules"]:
            for ph in re.findall(r"\{([A-Z]+)\}", rule["pattern"]):
                assert ph in PLACEHOLDERS, (lang, rule["name"], ph)


@pytest.fixture
def resource_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "resources"
    shutil.copytree(resources.ROOT, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    monkeypatch.setattr(resources, "ROOT", root)
    resources.load.cache_clear()
    lexicon_module.lexicon.cache_clear()
    yield root
    resources.load.cache_clear()
    lexicon_module.lexicon.cache_clear()


def test_a_third_language_is_a_new_folder(resource_root: Path) -> None:
    """Malay shares most of Indonesian's rules but not all its words: a new folder, no new code."""
    data = yaml.safe_load((resource_root / "id" / "timex.yaml").read_text(encoding="utf-8"))
    data["months"].update({"januari": 1, "ogos": 8, "disember": 12, "mac": 3})
    data["weekdays"].update({"isnin": 1, "khamis": 4, "jumaat": 5, "ahad": 7})
    data["relative"].update({"lepas": -1, "hadapan": 1})
    (resource_root / "ms").mkdir()
    (resource_root / "ms" / "timex.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert "ms" in available_languages()
    found = {f.timex.text: f.timex.value for f in tag(
        "Mesyuarat itu diadakan pada Khamis (8/8/2024) dan laporan siap bulan hadapan.", "ms", dt.date(2024, 8, 9))}
    assert found == {"Khamis (8/8/2024)": "2024-08-08", "bulan hadapan": "2024-09"}
    assert tag("Banjir melanda pada 3 Ogos 2023.", "ms")[0].timex.value == "2023-08-03"
