"""The timex case table: real-usage sentences with an anchor date and the timex they must yield.

Columns: lang, dct (the anchor), sentence, text, type, value, mod, flags. `text` "-" means the
sentence holds no timex at all; "!X" means no timex may overlap X (a phone number, a score, a price).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from linimasa.timex.tagger import tag

HERE = Path(__file__).parent
TABLES = ("cases_written.tsv", "cases_calendar.tsv")


def load_cases() -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for name in TABLES:
        with (HERE / name).open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row and not row[0].startswith("#"):
                    assert len(row) == 8, f"{name}: {row}"
                    rows.append(tuple(row))
    return rows


CASES = load_cases()


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 300
    assert {c[0] for c in CASES} == {"id", "en"}
    assert sum(c[3].startswith("!") or c[3] == "-" for c in CASES) >= 30


@pytest.mark.parametrize(("lang", "dct", "sentence", "text", "ttype", "value", "mod", "flags"), CASES)
def test_case(lang: str, dct: str, sentence: str, text: str, ttype: str, value: str, mod: str, flags: str) -> None:
    found = [f.timex for f in tag(sentence, lang, dt.date.fromisoformat(dct))]
    if text == "-":
        assert not found, [(t.text, t.value) for t in found]
        return
    if text.startswith("!"):
        avoid = sentence.index(text[1:])
        end = avoid + len(text) - 1
        overlapping = [(t.text, t.value) for t in found if t.start < end and avoid < t.end]
        assert not overlapping
        return
    got = [t for t in found if t.text == text]
    assert got, f"{text!r} not found; found {[(t.text, t.value) for t in found]}"
    t = got[0]
    assert (t.type, t.value) == (ttype, value)
    assert t.mod == (None if mod == "-" else mod)
    want_flags = set() if flags == "-" else set(flags.split(","))
    assert want_flags <= set(t.flags)
    assert sentence[t.start : t.end] == t.text
