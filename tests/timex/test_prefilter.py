"""The rule prefilter (`linimasa.timex.prefilter`) skips a rule only where its regular expression finds
nothing: the same candidate spans with it as without it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linimasa
from linimasa.timex import tagger
from linimasa.timex.lexicon import lexicon
from linimasa.timex.prefilter import Lowered, may_match, required


def _spans(text: str, lang: str) -> list[tuple[str, int, int]]:
    return [(m.rule.name, m.start, m.end) for m in tagger.find(text, lexicon(lang))]


def _unfiltered(text: str, lang: str) -> list[tuple[str, int, int]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tagger, "may_match", lambda regex, low: True)
        return _spans(text, lang)


def test_required_text_is_what_every_match_contains() -> None:
    got = required(r"(?<!\w)(?:bulan\s+(?:januari|juni)(?:\s+lalu)?)", re.IGNORECASE)
    assert set(got) == {frozenset({"bulan"}), frozenset({"januari", "juni"})}
    assert required(r"(?:abad\s+)?tahun\s+\d+", re.IGNORECASE) == (frozenset({"tahun"}),)
    assert required(r"\d+\s*(?:hari|\w+)", 0) == ()  # one way through needs no literal: nothing required
    assert required(r"(?P<x>tgl)(?P=x)", 0) == (frozenset({"tgl"}),)


def test_a_rule_is_skipped_only_when_its_words_are_missing() -> None:
    regex = re.compile(r"(?<!\w)(?:pukul|jam)\s+\d", re.IGNORECASE)
    assert may_match(regex, Lowered("Rapat dimulai PUKUL 9 pagi."))
    assert not may_match(regex, Lowered("Rapat dimulai pagi ini."))
    # characters that case-insensitive matching equates with i, s or k: never filtered
    assert may_match(re.compile(r"kini", re.IGNORECASE), Lowered("\u212aİNİ"))
    assert re.search(r"kini", "\u212aİNİ", re.IGNORECASE)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sample_articles_give_the_same_spans_filtered_or_not(lang: str) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(linimasa.SAMPLE_DIR.glob("*.txt"))]
    texts += ["Senin (3/6/2024) pukul 10.00 WIB, tiga hari kemudian; abad ke-21; musim hujan 2023",
              "On Monday, June 3, 2024 at 10 a.m. EST, three days later; the 21st century; summer 2023",
              "SABTU (1/6) JAM 7 MALAM \u212aemarin İni", "dua puluh puluh puluh tahun lalu"]
    for text in texts:
        assert _spans(text, lang) == _unfiltered(text, lang)


WORDS = ["Senin", "Juni", "juni", "2024", "3/6", "(", ")", "pukul", "10.00", "WIB", "tahun", "lalu", "depan",
         "hari", "kemarin", "dua", "puluh", "bulan", "pekan", "abad", "ke-21", "musim", "hujan", "Idulfitri",
         "June", "Monday", "ago", "years", "last", "week", "a.m.", "İ", "\u212a", "ſ", ",", ".", "-", "sejak",
         "Tahun", "THN", "2025-06-01", "tgl", "tanggal", "besok", "pagi", "malam", "setiap", "per"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from(["id", "en"]))
def test_random_temporal_texts_give_the_same_spans_filtered_or_not(words: list[str], lang: str) -> None:
    text = " ".join(words)
    assert _spans(text, lang) == _unfiltered(text, lang)
