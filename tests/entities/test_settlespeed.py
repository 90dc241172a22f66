"""settlespeed (issue 12): the entities stage's faster settling paths give what the plain ones gave,
on sentences written here and on generated texts (the old code is kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.entities import recall, uses
from linimasa.entities.settle import (
    _CAMEL,
    _Index,
    _name_starts,
    _sport_article,
    _word_hits,
    _words_pattern,
    _written_cut,
)

# texts made of a few words, cases, glue and the characters IGNORECASE treats specially
_PIECES = ["Jalan", "jalan", "JALAN", "Hari Jadi", "hari jadi", "HUT", "hut", "hutan", "Bapenda", "Dishub",
           "Festival", "festival", "Kota", "Bola", "bola", "gol", "laga", "Liga", "Sudirman", "Budi",
           "Budimenyampaikan", "BudiSantoso", "Santoso", "menyampaikan", "dan", "di", "İstanbul", "ſ", "K",
           "ı", "Persib", "Persibdi", "x-ray", "(", ")", ",", ".", "2025", "-", "’s", "Alun-alun"]
_text = st.lists(st.sampled_from(_PIECES), max_size=30).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "", "\n", " "]), min_size=len(words), max_size=len(words)).map(
        lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True))))


@settings(max_examples=300, deadline=None)
@given(_text)
def test_word_hits_are_finditer(text: str) -> None:
    for words, after in ((frozenset({"jalan", "hari jadi", "hut", "alun-alun"}), r"(?= [A-Z])"),
                         (frozenset({"bapenda", "dishub", "festival"}), r"(?![\w-])"),
                         (frozenset({"istanbul", "hut"}), r"(?![\w-])")):
        pattern = _words_pattern(words, r"(?<![\w-])", after, re.IGNORECASE)
        assert pattern is not None
        expected = [(m.span(), m.group()) for m in pattern.finditer(text)]
        assert [(m.span(), m.group()) for m in _word_hits(pattern, words, text)] == expected


def test_word_hits_in_a_sentence() -> None:
    words = frozenset({"jalan", "hut"})
    pattern = _words_pattern(words, r"(?<![\w-])", r"(?![\w-])", re.IGNORECASE)
    assert pattern is not None
    text = "Di JALAN itu, hutan dan HUT kota; İstanbul tidak."  # "İ" takes the plain scan
    assert [m.group() for m in _word_hits(pattern, words, text)] == ["JALAN", "HUT"]
    assert [m.group() for m in _word_hits(pattern, words, "jalanan, Jalan-jalan, Jalan Sudirman")] == ["Jalan"]


def _old_starts(text: str, by_prefix: dict[str, list[str]], index: _Index) -> list[int]:
    starts = [a for a, _ in index.spans] + [m.start() for m in _CAMEL.finditer(text)]
    return [p for p in starts if text[p : p + 4] in by_prefix]


@settings(max_examples=300, deadline=None)
@given(_text, st.lists(st.sampled_from(["Budi Santoso", "Santoso", "Persib", "Jalan", "-ray", "(HUT", "Kota",
                                        "Bud"]), max_size=4))
def test_name_starts_are_the_token_starts_and_case_changes(text: str, names: list[str]) -> None:
    by_prefix: dict[str, list[str]] = {}
    for name in names:
        by_prefix.setdefault(name[:4], []).append(name)
    index = _Index(text)
    assert _name_starts(text, by_prefix, index) == _old_starts(text, by_prefix, index)


def _old_sport(index: _Index, cues: frozenset[str]) -> bool:
    found = 0
    for c in cues:
        if index.has(c) or index.has(c[:1].upper() + c[1:]):
            found += 1
    return found >= 2


@settings(max_examples=300, deadline=None)
@given(_text)
def test_sport_article_counts_the_cues_as_before(text: str) -> None:
    for cues in (frozenset({"bola", "gol", "liga"}), frozenset({"bola", "Bola"}), frozenset({"hari jadi", "gol"}),
                 frozenset({"x-ray", "laga", "persib"})):
        assert _sport_article(_Index(text), cues) == _old_sport(_Index(text), cues)


def test_sport_article_a_cue_and_its_capital_form_are_two_cues() -> None:
    # "Bola" is written: both the cue "bola" (capitalised) and the cue "Bola" are found
    assert _sport_article(_Index("Kabar Bola hari ini."), frozenset({"bola", "Bola"}))
    assert not _sport_article(_Index("Kabar bola hari ini."), frozenset({"bola", "gol"}))


def _old_cut(name: str, at: int, tok: str, least: int, index: _Index, common: frozenset[str]) -> list[int]:
    return [c for c in range(len(tok) - 2, least - 1, -1)
            if (index.has(tok[c:]) or tok[c:] in common or " " in name[: at + c])
            and index.has(name[: at + c])][:1]


@settings(max_examples=300, deadline=None)
@given(_text, st.sampled_from(["Budimenyampaikan", "Budi Santosodan", "Sudirmandi", "Kota Bolagol",
                               "Hari Jadifestival", "Persibdi"]))
def test_written_cut_is_the_first_cut_of_both_lookups(text: str, name: str) -> None:
    index = _Index(text)
    common = frozenset({"dan", "di"})
    for w in re.finditer(r"\S+", name):
        tok = w.group()
        if tok[:1].isupper() and tok[1:].isalpha() and tok[1:].islower():
            least = max(3, len(tok) - 40)
            assert _written_cut(name, w.start(), tok, least, index, common) == \
                _old_cut(name, w.start(), tok, least, index, common)


def test_written_cut_in_a_sentence() -> None:
    index = _Index("Budi Santoso hadir. Santoso menyampaikan bahwa Budi dan Santoso setuju.")
    assert _written_cut("Budi Santosomenyampaikan", 5, "Santosomenyampaikan", 3, index, frozenset()) == [7]
    assert _written_cut("Budi Santosoxyz", 5, "Santosoxyz", 3, index, frozenset()) == [7]  # two words: enough
    assert _written_cut("Santosoxyz", 0, "Santosoxyz", 3, index, frozenset()) == []


@settings(max_examples=300, deadline=None)
@given(_text)
def test_sport_cue_written_alone_is_the_pattern_search(text: str) -> None:
    folded = text.casefold()
    for cue in ("gol", "liga", "bola", "hari jadi", "x-ray"):
        pattern = re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)")
        assert recall._written_alone(folded, cue, pattern) == (pattern.search(folded) is not None)


def test_agency_cue_endings() -> None:
    from linimasa.model import Mention

    cues = frozenset({"kantor berita", "kantor berita resmi"})
    text = "Menurut kantor berita resmi Xinhua, dan kantor Antara."
    xinhua = Mention(28, 34, "Xinhua", "PER")
    antara = Mention(47, 53, "Antara", "PER")
    assert uses._agency(text, xinhua, cues).type == "ORG"
    assert uses._agency(text, antara, cues) is antara


@settings(max_examples=300, deadline=None)
@given(_text)
def test_camel_runs_are_the_pattern_matches(text: str) -> None:
    from linimasa.entities.settle import _CAMEL_RUN, _camel_runs

    assert [(m.span(), m.group()) for m in _camel_runs(text)] == \
        [(m.span(), m.group()) for m in _CAMEL_RUN.finditer(text)]


def test_camel_runs_in_a_sentence() -> None:
    from linimasa.entities.settle import _camel_runs

    text = "PresidenPrabowoSubianto dan RusiaVladimirPutinsempat, bukan iPhone-nya atau McDonald."
    assert [m.group() for m in _camel_runs(text)] == ["PresidenPrabowoSubianto", "RusiaVladimirPutinsempat",
                                                      "iPhone", "McDonald"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abdinKtaS", min_size=0, max_size=12), st.integers(min_value=0, max_value=8))
def test_common_tail_is_some_offset_with_a_common_tail(tok: str, above: int) -> None:
    from linimasa.entities.settle import _common_tail

    common = frozenset({"di", "dan", "tak", "a", "Kata"})
    old = any(tok[c:] in common for c in range(len(tok) - 2, above, -1))
    assert _common_tail(tok, above, common) == old
    assert _common_tail(tok, above, set(common)) == old  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(_text, st.lists(st.sampled_from(["Budi Santoso", "Santoso", "Persib", "Jalan", "-ray", "(HUT", "Kota"]),
                       max_size=4))
def test_name_starts_of_many_names_are_the_listing(text: str, names: list[str]) -> None:
    # a long article's many names take the token listing, not a str.find pass per name (linear in
    # the text, where the passes grew with its square): the same starts either way
    from linimasa.entities.settle import _FIND_KEYS_MAX

    by_prefix: dict[str, list[str]] = {}
    for name in names + [f"Zq{i:02d}x" for i in range(_FIND_KEYS_MAX + 1)]:
        by_prefix.setdefault(name[:4], []).append(name)
    assert len(by_prefix) > _FIND_KEYS_MAX
    index = _Index(text)
    assert _name_starts(text, by_prefix, index) == _old_starts(text, by_prefix, index)
