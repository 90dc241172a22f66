"""Hostile inputs: texts built to find super-linear time in the article stages, at any size.

Each generator takes a size in characters and returns a text of about that size. The first ones are
the cases of issue 12 (an exponential number-word pattern, a date repeated through one sentence, a
run of capitals, a month name repeated, a megabyte of ordinary text); the others are what a scan of
every stage's patterns and loops found next (runs of white space after a weekday, glued
abbreviations, dotted labels, many acronyms, many people). `tests/test_hostile.py` runs each through
the pipeline at two sizes and checks that time grows linearly; `bench/hostile.py` times each beside
ordinary text of the same size.

Ordinary text is the bundled sample's articles (or any texts the caller passes) concatenated.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "sample"


def _fill(unit: str, size: int, head: str = "Berita\n", tail: str = "") -> str:
    n = max(1, (size - len(head) - len(tail)) // max(1, len(unit)))
    return head + unit * n + tail


def sample_bodies() -> list[str]:
    """The bundled sample's articles without their first (title) line."""
    return [p.read_text(encoding="utf-8").split("\n", 1)[-1] for p in sorted(SAMPLE_DIR.glob("*.txt"))]


def ordinary(size: int, bodies: Sequence[str] | None = None) -> str:
    """Ordinary news text of about `size` characters: article bodies one after the other."""
    bodies = list(bodies or sample_bodies())
    parts, n, i = ["Judul Berita Hari Ini\n"], 0, 0
    while n < size:
        body = bodies[i % len(bodies)]
        parts.append(body + "\n\n")
        n += len(body) + 2
        i += 1
    return "".join(parts)[:size]


def _number_words_id(size: int) -> str:
    return _fill("dua puluh " + "puluh " * 20 + "orang. ", size, "Ada ")


def _number_words_en(size: int) -> str:
    return _fill("two hundred " + "hundred " * 20 + "people. ", size, "There were ")


def _number_run_id(size: int) -> str:
    return _fill("dua puluh ", size, "Ada ", " orang.")


def _mixed_junk(size: int) -> str:
    rng = random.Random(12)
    tokens = ["A", "(A", "Juni", "18/6/2025", "Presiden", "kata", "(ABC)", "dua", "puluh", "Senin", ",", ".",
              "Dr.", "Jakarta", "“", "”", "-", "bin", "al-", "pukul", "10.00", "WIB", "\n", "  ", "tahun", "lalu"]
    out: list[str] = ["Berita\n"]
    n = 0
    while n < size:
        t = rng.choice(tokens)
        out.append(t + rng.choice([" ", " ", "", "\t"]))
        n += len(t) + 1
    return "".join(out)[:size]


def _one_sentence(size: int, head: str = "Berita\n", drop: str = "") -> str:
    """Ordinary text with its sentence ends and line breaks (and the characters of `drop`) made
    spaces: one sentence as long as the text, which a stage reading sentence by sentence takes whole."""
    body = re.sub(r"[.!?\n" + re.escape(drop) + "]+", " ", ordinary(size))
    return (head + body)[:size]


HOSTILE: dict[str, Callable[[int], str]] = {
    "number words, id ('dua puluh puluh … orang')": _number_words_id,
    "number words, en ('two hundred hundred … people')": _number_words_en,
    "one run of number words ('dua puluh dua puluh …')": _number_run_id,
    "a date repeated ('18/6/2025 ' × n)": lambda size: _fill("18/6/2025 ", size),
    "a weekday and date repeated ('Senin (18/6) ' × n)": lambda size: _fill("Senin (18/6) ", size),
    "a run of capitals ('(A A A …')": lambda size: _fill("A ", size, "Berita\n("),
    "a month repeated ('Juni ' × n)": lambda size: _fill("Juni ", size),
    "a weekday then a run of spaces": lambda size: _fill(" ", size, "Berita\nPada hari Senin", "ada."),
    "a weekday then a run of tabs": lambda size: _fill("\t", size, "News\nOn Friday", "there."),
    "a glued abbreviation ('Dr.Dr.Dr.…')": lambda size: _fill("Dr.", size),
    "names glued to words ('PenyanyiDenadamencuri ' × n)": lambda size: _fill("PenyanyiDenadamencuri ", size),
    "one glued run ('JuventusberlangsungPenyanyiDenada…')":
        lambda size: _fill("JuventusberlangsungPenyanyiDenada", size),
    "one capitalised word ('Abcabc…berlangsung')": lambda size: _fill("abc", size, "Berita\nA", "berlangsung"),
    "dotted labels ('ab.ab.ab.…1')": lambda size: _fill("ab.", size, "Berita\n", "1"),
    "acronyms defined ('Badan Anu (BA) ' × n)": lambda size: _fill("Badan Anu (BA) ", size),
    "people and re-mentions": lambda size: _fill("Presiden Joko Widodo bertemu Sergey Lavrov, kata Lavrov. ", size),
    "titles repeated ('Menteri Luar Negeri ' × n)": lambda size: _fill("Menteri Luar Negeri ", size),
    "clock times repeated ('pukul 10.00 WIB ' × n)": lambda size: _fill("pukul 10.00 WIB ", size),
    "ordinary text on one line": lambda size: ordinary(size).replace("\n", " "),
    "ordinary text without sentence ends (one sentence)": lambda size: _one_sentence(size),
    "a quotation left open ('“' then one sentence without quote marks)":
        lambda size: _one_sentence(size, "Berita\n“", '"“”'),
    "mixed junk": _mixed_junk,
}
"""Name -> generator of a text of about the given size."""


__all__ = ["HOSTILE", "ordinary", "sample_bodies"]
