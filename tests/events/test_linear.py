"""The events stage stays linear in the article's length, counted, not timed.

A pass over the article's (or a long sentence's) mentions, words or quote marks for every sentence,
token or trigger shows as a count of executed lines that grows with the square of the text: four
times the text, sixteen times the lines. The counts are deterministic, so the bound can be tight
where a timing test would need a margin for a busy machine. `bench/hostile.py` times the same
texts from 10 KB to 2 MB.
"""

from __future__ import annotations

import random
import sys
from types import FrameType
from typing import Any

import pytest

from linimasa.evaluate.hostile import HOSTILE, ordinary
from linimasa.events import extract, load_lexicon
from linimasa.events.extract import QUOTES, quotations
from linimasa.ingest import ingest_text
from linimasa.model import Article
from linimasa.pipeline import Pipeline

SMALL, LARGE = 4_000, 16_000


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(corpus_stages=[])


def _lines(article: Article) -> int:
    """Lines of `linimasa.events.extract` executed while extracting the article's events."""
    count = 0
    here = extract.__file__

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == here else None

    lex = load_lexicon(article.language if article.language in ("id", "en") else "id")
    sys.settrace(calls)
    try:
        extract.extract_events(article, lex)
    finally:
        sys.settrace(None)
    return count


def _obligations(n: int) -> str:
    """One sentence of obligations a speaker voices, no comma in it: each "harus" reads back for what
    frames it (a condition, the verb of saying, its subject)."""
    return ("Budi Santoso mengatakan " + "warga harus ditindak dan " * (n // 26) + "selesai.")[:n]


TEXTS = {
    "ordinary text": ordinary,
    "obligations in one sentence": _obligations,
    **{name: HOSTILE[name] for name in HOSTILE if "one sentence" in name},
}


class _Unused:
    """Stands for the QUOTES pattern while events are extracted: its backtracking (quadratic after an
    open quote, which a count of lines does not see) must stay the reference, never run."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"QUOTES.{name} used in extraction: use `quotations`")


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_four_times_the_text_is_about_four_times_the_work(pipe, name, monkeypatch):
    """Before the per-sentence indexes a text without sentence ends cost 8x the lines for 4x the
    text (every token checked against every name of the sentence); the bound is 5x."""
    small, large = (pipe.process_article(ingest_text(TEXTS[name](n))) for n in (SMALL, LARGE))
    assert large.mentions and large.event_mentions is not None
    monkeypatch.setattr(extract, "QUOTES", _Unused())
    ratio = _lines(large) / max(_lines(small), 1)
    assert ratio <= 5, f"{name}: {ratio:.1f}x the lines for 4x the text"


def test_quotations_are_what_the_pattern_finds():
    """`quotations` reads the QUOTES pattern out in one pass (the pattern backtracks quadratically
    after an unclosed quote): the same spans on random texts of quote marks, words and gaps."""
    rng = random.Random(12)
    pieces = ['"', "“", "”", "a", "kata", " ", ".", ",", "\n", "é", "1", "_", "-"]
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        start, end = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        want = [(m.start() + start, m.end() + start) for m in QUOTES.finditer(text[start:end])]
        assert quotations(text, start, end) == want, (text, start, end)
        found += bool(want)
    assert found > 100  # the random texts do hold quotations


def test_quotations_after_an_open_quote():
    """An open quote before a long stretch, then a closed quotation: the gaps between the words may
    hold quote marks, so the open quote starts a quotation that ends at the closing mark, as the
    pattern has it."""
    text = "“" + "kata demi kata " * 200 + "“Ini kutipan empat kata” lalu “dua kata” dan"
    want = [(m.start(), m.end()) for m in QUOTES.finditer(text)]
    assert want == [(0, text.index(" lalu"))]
    assert quotations(text) == want


def test_paragraph_start_is_rfind():
    """The paragraph an event is dated from starts where `str.rfind` finds the blank line before it."""
    rng = random.Random(3)
    for _ in range(2_000):
        text = "".join(rng.choice(["\n", "\n\n", "a", " "]) for _ in range(rng.randint(0, 30)))
        dates = extract._Dates(Article(id="x", source="x", text=text))
        for pos in range(len(text) + 1):
            assert dates.paragraph_start(pos) == max(text.rfind("\n\n", 0, pos), 0)
