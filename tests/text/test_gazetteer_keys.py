"""The gazetteer's lookup key (`normalise`) and acronym test keep their definitions whatever shortcut
computes them."""

from __future__ import annotations

import random
import re
import string
import unicodedata

from linimasa.text.gazetteer import FILES, _read, is_acronym, normalise


def reference_key(name: str) -> str:
    """The definition: NFKD, accents dropped, casefolded, ’ as ', hyphens and dots as spaces, spacing
    collapsed."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "'").replace("-", " ").replace(".", " ")
    return re.sub(r"\s+", " ", s).strip()


def test_ascii_shortcut_gives_the_defined_key() -> None:
    rng = random.Random(3)
    alphabet = string.printable + "\x00\x1c\x1d\x1e\x1f"
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    samples += ["U.S.", "Bank-Dunia", "  Jawa \t Barat ", "St. Petersburg", "AS", "", " . - "]
    for name in samples:
        assert normalise(name) == reference_key(name), repr(name)


def test_every_packaged_name_gets_the_defined_key() -> None:
    names = [n for file in FILES for entry in _read(file) for n in entry.names]
    assert len(names) > 1000
    assert any(not n.isascii() for n in names)  # both paths are exercised
    for name in [*names, "Moskwa", "Zürich", "Côte d’Ivoire", "İstanbul", "ǅemal"]:
        assert normalise(name) == reference_key(name), name


def reference_acronym(name: str) -> bool:
    """The definition: one word whose letters (one to six) are all capitals."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and " " not in name.strip() and len(letters) <= 6


def test_acronym_test_keeps_its_definition() -> None:
    rng = random.Random(5)
    alphabet = "ABCdefÉéΣσ1. -\t"
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(20_000)]
    samples += [n for file in FILES for entry in _read(file) for n in entry.names]
    samples += ["AS", "PBB", "U.S.", "NIIS ", " A B", "ABCDEFG", "中国", "Ab"]
    for name in samples:
        assert is_acronym(name) == reference_acronym(name), repr(name)
