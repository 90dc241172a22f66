"""The rule prefilter (`linimasa.timex.prefilter`) skips a rule only where its regular expression finds
nothing, and tries a rule only at its start keys: the same candidate spans with it as without it."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linimasa
from linimasa.timex import tagger
from linimasa.timex.lexicon import lexicon
from linimasa.timex.prefilter import FOLDED, UNFOLDED, Lowered, finditer, may_match, required, start_keys


def _spans(text: str, lang: str) -> list[tuple[str, int, int]]:
    return [(m.rule.name, m.start, m.end) for m in tagger.find(text, lexicon(lang))]


def _unfiltered(text: str, lang: str) -> list[tuple[str, int, int]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tagger, "may_match_pattern", lambda pattern, flags, low: True)
        mp.setattr(tagger, "finditer", lambda regex, text, low: regex.finditer(text))
        return _spans(text, lang)


def _each_rule_same(text: str, lang: str) -> None:
    """Every rule's matches (spans and groups) tried at its start keys are those of its own scan."""
    low = Lowered(text)
    for rule in lexicon(lang).rules:
        want = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer(rule.regex, text, low)] == want, rule.name


def test_start_keys_are_how_every_match_begins() -> None:
    flags = re.IGNORECASE
    assert start_keys(r"(?<!\w)(?:(?:hari\s+)?(?:Juni|juli)\s+\d{4})", flags) == {"har", "jun", "jul"}
    assert start_keys(r"(?<!\w)(?:(?:tgl\.?\s+)?\d{1,2}(?:-|\s)[A-Z])", flags) == {"tgl", "#"}
    assert start_keys(r"(?<!\w)(?:a(?:\s+few|n|)\s+days)", flags) == {"a", "an"}
    assert start_keys(r"(?<!\w)(?:(?:19|20)\d\d)", flags) == {"###"}
    assert start_keys(r"(?<!\w)(?:\w+\s+tahun)", flags) is None  # a class of letters: scanned as before
    assert start_keys(r"(?<!\w)(?:(?:pukul)?)", flags) is None  # may match nothing
    assert start_keys(r"(?:pukul\s+\d)", flags) is None  # not held to word starts
    assert start_keys(r"(?<!\w)(?: pukul)", flags) is None  # white space: no word start is filed under it


def test_every_rule_has_start_keys_but_a_few() -> None:
    for lang in ("id", "en"):
        rules = lexicon(lang).rules
        # (a rule for words glued to the word before them, `glued_before`, cannot begin at a word start)
        at_word_starts = [r for r in rules if r.regex.pattern.startswith("(?<!\\w)")]
        keyed = [r for r in at_word_starts if start_keys(r.regex.pattern, r.regex.flags) is not None]
        assert len(keyed) >= len(at_word_starts) - 2, lang
        assert len(rules) - len(at_word_starts) <= 2, lang  # glued-word rules stay few


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
    # characters that case-insensitive matching equates with i, s or k: read as those letters
    assert may_match(re.compile(r"kini", re.IGNORECASE), Lowered("\u212aİNİ"))
    assert re.search(r"kini", "\u212aİNİ", re.IGNORECASE)
    assert may_match(re.compile(r"pagi si", re.IGNORECASE), Lowered("PAGİ ſı"))
    # and one of them does not turn the test off for the rest of a text
    assert not may_match(regex, Lowered("Rapat di İstanbul dimulai pagi ini."))


def test_folded_is_every_character_beyond_ascii_matching_an_ascii_letter() -> None:
    """`FOLDED` holds exactly the characters beyond ASCII that `re.IGNORECASE` takes for an ASCII letter
    (the Kelvin sign, which `str.lower` lowers right, among them), each as that letter, and every text
    lowers to its own length."""
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    found = {}
    for cp in range(128, sys.maxunicode + 1):
        c = chr(cp)
        if ascii_letter.fullmatch(c):
            found[cp] = next(a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, c, re.IGNORECASE))
    assert found == FOLDED
    assert all(UNFOLDED.fullmatch(chr(cp)) for cp in FOLDED)
    text = "".join(map(chr, range(0x2FF))) + "".join(map(chr, FOLDED))
    assert len(Lowered(text).low or "") == len(text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sample_articles_give_the_same_spans_filtered_or_not(lang: str) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(linimasa.SAMPLE_DIR.glob("*.txt"))]
    texts += ["Senin (3/6/2024) pukul 10.00 WIB, tiga hari kemudian; abad ke-21; musim hujan 2023",
              "On Monday, June 3, 2024 at 10 a.m. EST, three days later; the 21st century; summer 2023",
              "SABTU (1/6) JAM 7 MALAM \u212aemarin İni", "dua puluh puluh puluh tahun lalu"]
    for text in texts:
        assert _spans(text, lang) == _unfiltered(text, lang)
        _each_rule_same(text, lang)


WORDS = ["Senin", "Juni", "juni", "2024", "3/6", "(", ")", "pukul", "10.00", "WIB", "tahun", "lalu", "depan",
         "hari", "kemarin", "dua", "puluh", "bulan", "pekan", "abad", "ke-21", "musim", "hujan", "Idulfitri",
         "June", "Monday", "ago", "years", "last", "week", "a.m.", "İ", "\u212a", "ſ", ",", ".", "-", "sejak",
         "Tahun", "THN", "2025-06-01", "tgl", "tanggal", "besok", "pagi", "malam", "setiap", "per"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from(["id", "en"]))
def test_random_temporal_texts_give_the_same_spans_filtered_or_not(words: list[str], lang: str) -> None:
    text = " ".join(words)
    assert _spans(text, lang) == _unfiltered(text, lang)


CHARS = [*"aAjJmMsStT0123456789 \n-–/.,:()'’İıſ\u212aé٣", "januari ", "Juni ", "2025", "12:30 ", "pukul ", "tahun ",
         "the ", "ke-", "s/d ", "a few "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(CHARS), max_size=40), st.sampled_from(["id", "en"]))
def test_random_characters_give_each_rule_the_same_matches(chars: list[str], lang: str) -> None:
    _each_rule_same("".join(chars), lang)
