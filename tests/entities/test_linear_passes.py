"""Indexes that replaced scans of a whole article (issue 12: time linear in the text's length) answer
exactly what the scans answered: `_Index.has` by the token after the first, `_Bracketed` by the
innermost brackets' contents, `seams._written` by the spaced capitals of a long text, `people_by_age`'s
overlap checks by span indexes, `_Index.find` with first words made once, and `_local_places` by a
name's first code."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from linimasa.entities import _Bracketed, recall, settle
from linimasa.entities.recall import _AGED_GATE, _AGED_RUN, _count_lists, _stop_words, people_by_age
from linimasa.entities.settle import _TOKEN, _first_words, _Index
from linimasa.model import Mention
from linimasa.text import seams

WORDS = ["Presiden", "Joko", "Widodo", "Jo", "ke-2", "Bank", "Dunia", "A", "al-Azhar", "dan", "BA", "Anu"]
GLUE = [" ", " ", "  ", ", ", " (", ") ", "-", ". ", "\n", ""]


@st.composite
def texts(draw: st.DrawFn, words: list[str] = WORDS, glue: list[str] = GLUE, most: int = 40) -> str:
    n = draw(st.integers(0, most))
    return "".join(draw(st.sampled_from(words)) + draw(st.sampled_from(glue)) for _ in range(n))


def _has_by_scan(index: _Index, phrase: str) -> bool:
    """`_Index.has` before the index by the next token: every place of the first token read."""
    if phrase in index.words:
        return True
    first = None if _TOKEN.fullmatch(phrase) else _TOKEN.match(phrase)
    if first is None or first.start() != 0:
        return False
    for k in index._positions().get(first.group(), ()):
        a = index.spans[k][0]
        e = a + len(phrase)
        if index.text.startswith(phrase, a) and not _TOKEN.match(index.text[e : e + 1]):
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(text=texts(), phrases=st.lists(texts(most=4), max_size=8))
@example(text="Presiden Joko Widodo dan Presiden Jo", phrases=["Presiden Jo", "Presiden Joko", "Presiden  Joko"])
@example(text="Bank Dunia-Anu Bank Dunia", phrases=["Bank Dunia", "Bank Dunia-", "Bank Dunia-Anu", "Dunia."])
def test_has_is_the_scan_of_every_place_of_the_first_word(text: str, phrases: list[str]) -> None:
    index = _Index(text)
    for phrase in phrases + [p.strip() for p in phrases]:
        assert index.has(phrase) == _has_by_scan(_Index(text), phrase), phrase
        assert index.has(phrase) == _has_by_scan(_Index(text), phrase)  # remembered: the same again


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab() .", max_size=80), names=st.lists(st.text(alphabet="ab() ", max_size=5), max_size=8))
@example(text="(a (b) a)", names=["b", "a (b) a", "a (b", "", "a"])
@example(text="() (a))", names=["", "a", "a)"])
def test_bracketed_is_a_search_for_the_name_in_brackets(text: str, names: list[str]) -> None:
    bracketed = _Bracketed(text)
    for name in names:
        assert (name in bracketed) == (f"({name})" in text)


@pytest.fixture
def long_text_from():
    """Set `seams._LONG_TEXT` for one call and put it back afterwards (hypothesis reuses the fixture)."""
    saved = seams._LONG_TEXT

    def setter(value: int) -> None:
        seams._LONG_TEXT = value

    yield setter
    seams._LONG_TEXT = saved


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts(words=["Antar", "Klub", "Sepak", "Bola", "antar", "klubnya", "KLUB", "Kl"],
                  glue=[" ", "", "\n", "  "]),
       cuts=st.lists(st.tuples(st.sampled_from(["Antar", "r", "", "Sepak", "ak", "x"]),
                               st.sampled_from(["klub", "bola", "Klubnya", "kl", "klu", "ábc"])), max_size=6))
@example(text="Antar Klub", cuts=[("Antar", "klub"), ("r", "klu"), ("", "klub")])
def test_written_apart_in_a_long_text_is_a_search(long_text_from, text: str, cuts: list[tuple[str, str]]) -> None:
    long_text_from(0)  # every text is long: the index answers
    art = seams._Article(text, "id", None, None)  # type: ignore[arg-type]
    for head, tail in cuts:
        assert seams._written(art, head, tail.capitalize()) == (f"{head} {tail.capitalize()}" in text)


def _people_by_age_by_scan(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """`people_by_age` before the span indexes: every mention read for every aged name."""
    stop = _stop_words(language)
    lists = _count_lists(text)
    out = list(mentions)
    retyped: set[str] = set()
    for m in out:
        if m.type != "PER" and recall._AGE_AFTER.match(text, m.end) and len(m.text.split()) <= 4 \
                and m.text.split()[0].casefold() not in stop and not any(s <= m.start < e for s, e in lists):
            retyped.add(m.text)
    firsts = {t.split()[0] for t in retyped if " " in t}
    out = [Mention(m.start, m.end, m.text, "PER", source=m.source, score=m.score, role=m.role)
           if m.type != "PER" and (m.text in retyped or m.text in firsts) else m for m in out]
    for hit in _AGED_RUN.finditer(text) if _AGED_GATE.search(text) is not None else ():
        s, e = hit.span(1)
        name = hit.group(1)
        if name.split()[0].casefold() in stop or any(m.start < e and s < m.end for m in out) \
                or any(a <= s < b for a, b in lists):
            continue
        out.append(Mention(s, e, name, "PER", source="rule"))
    return sorted(out, key=lambda m: (m.start, m.end))


@settings(max_examples=200, deadline=None)
@given(text=texts(words=["Santer", "Jones", "AS", "Budi", "kata", "(64)", "(15)", "(92)", "Iowa"],
                  glue=[" ", " ", ", ", "\n"]),
       picks=st.lists(st.tuples(st.integers(0, 200), st.integers(1, 12), st.sampled_from(["PER", "ORG", "GPE"])),
                      max_size=8))
@example(text="Santer Jones (64), kata Budi (15) dan AS (15)", picks=[(0, 6, "ORG")])
def test_people_by_age_is_the_scan(text: str, picks: list[tuple[int, int, str]]) -> None:
    mentions = [Mention(s, min(s + n, len(text)), text[s : min(s + n, len(text))], kind, source="model")
                for s, n, kind in picks if s < len(text) and text[s : min(s + n, len(text))].strip()
                and not text[s].isspace()]
    assert people_by_age(text, mentions, "id") == _people_by_age_by_scan(text, mentions, "id")


@settings(max_examples=200, deadline=None)
@given(text=texts(most=8), names=st.sets(texts(most=3), max_size=6))
def test_find_with_first_words_made_once(text: str, names: set[str]) -> None:
    """`_joined_people` makes the names' first words once for every mention's index."""
    index = _Index(text)
    assert index.find(names, first_words=_first_words(names)) == _Index(text).find(names)


def test_local_places_take_the_first_code_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """A village name two of the article's regencies list goes to the first code in sorted order, as
    the scan of the codes found it."""
    monkeypatch.setattr(settle, "_local_place_names",
                        lambda lang: {"3310": frozenset({"Bayat", "Parung Panjang"}), "3201": frozenset({"Bayat"})})
    mentions = [Mention(0, 6, "Klaten", "GPE", key="id-kab:3310"), Mention(10, 16, "Bogor", "GPE", key="id-kab:3201"),
                Mention(20, 25, "Bayat", "LOC", source="model"),
                Mention(30, 44, "Parung Panjang", "ORG", source="model"),
                Mention(50, 55, "Bayan", "LOC", source="model")]
    out = settle._local_places(mentions, "id")
    assert [(m.text, m.type, m.key) for m in out[2:]] == [
        ("Bayat", "GPE", "id-local:3201:Bayat"), ("Parung Panjang", "GPE", "id-local:3310:Parung Panjang"),
        ("Bayan", "LOC", None)]


@settings(max_examples=300, deadline=None)
@given(size=st.integers(0, 60), places=st.sets(st.integers(1, 59), max_size=12))
def test_in_source_is_the_search_by_hand(size: int, places: set[int]) -> None:
    """`Opened.in_source` by the C bisection over the inserted spaces' places: the binary search it
    replaced, written out."""
    cuts = sorted(s for s in places if s < size)
    view = seams.open_seams("x" * size, cuts)
    for offset in range(len(view.text) + 1):
        lo, hi = 0, len(cuts)
        while lo < hi:
            mid = (lo + hi) // 2
            if cuts[mid] + mid < offset:
                lo = mid + 1
            else:
                hi = mid
        assert view.in_source(offset) == offset - lo
