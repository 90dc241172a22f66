"""settlespeed2 (issue 12): the entities stage's faster settling paths give what the plain ones gave,
on generated texts (the old code is kept here as the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.entities.settle import _TOKEN, MAX_PHRASE_WORDS, _common_tail, _Index

_PIECES = ["Rapat", "Umum", "RUPS", "rups", "Pemegang", "Saham", "Bank", "Dunia", "Hari", "Raya", "hari",
           "x-ray", "(", ")", ",", ".", "2025", "-", "’s", "Alun-alun", "alun", "Jakarta", "Kota"]
_text = st.lists(st.sampled_from(_PIECES), max_size=30).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "", "\n", " "]), min_size=len(words), max_size=len(words)).map(
        lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True))))
_phrases = st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10).map(" ".join), max_size=12)


def _find_before(index: _Index, *collections: frozenset[str] | set[str]) -> list[tuple[int, int, str]]:
    """`_Index.find` as it was before settlespeed2: every candidate ran to the longest phrase of all."""
    collections = tuple(c for c in collections if c)
    if not collections:
        return []
    at = index._positions()
    opening: set[int] = set()
    longest = 0
    for phrases in collections:
        firsts = {m.group() for p in phrases if (m := _TOKEN.match(p))}
        longest = max(longest, min(max((len(_TOKEN.findall(p)) for p in phrases), default=0), MAX_PHRASE_WORDS))
        for word in index.words & firsts:
            opening.update(at[word])
    out = []
    for i in sorted(opening):
        a = index.spans[i][0]
        for j in range(i, min(i + longest, len(index.spans))):
            candidate = index.text[a : index.spans[j][1]]
            if any(candidate in phrases for phrases in collections):
                out.append((a, index.spans[j][1], candidate))
    return out


@settings(max_examples=400, deadline=None)
@given(_text, _phrases, _phrases)
def test_find_stops_at_the_longest_phrase_of_its_first_word(text: str, one: list[str], two: list[str]) -> None:
    index = _Index(text)
    fixed, other = frozenset(one), set(two)
    assert index.find(fixed) == _find_before(index, fixed)
    assert index.find(other) == _find_before(index, other)
    assert index.find(fixed, other) == _find_before(index, fixed, other)
    assert index.find(other, fixed) == _find_before(index, other, fixed)


def _common_tail_before(tok: str, above: int, common: frozenset[str]) -> bool:
    """`_common_tail` as it was before settlespeed2: every length of the words tried."""
    size = len(tok)
    return any(above < size - n <= size - 2 and tok[size - n :] in common for n in {len(w) for w in common})


_COMMON = frozenset({"di", "dan", "tak", "yang", "ke", "x", "", "atau", "pun", "an"})


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="adikntxyugpAIDK", max_size=14), st.integers(min_value=0, max_value=16))
def test_common_tail_is_the_old_one(tok: str, above: int) -> None:
    assert _common_tail(tok, above, _COMMON) == _common_tail_before(tok, above, _COMMON)
    assert _common_tail(tok, above, set(_COMMON)) == _common_tail_before(tok, above, _COMMON)  # type: ignore[arg-type]


_GLUED = ["Juventusberlangsung", "Prabowo", "Subiantohari", "PLKselaku", "Antarklub", "Antar", "Klub", "Chinadi",
          "Kristiyantomenghadirkan", "Kristiyanto", "Pernikahan", "Ricardivonis", "Ricardi", "dekati", "Jakarta",
          "KabupatenBekasi", "RIPrabowo", "Zaradan", "Ari", "Motordi", "Paris", "Kim", "Jong", "Ununtuk", "dan",
          "di", "2025sebagai", "Suryadi", "Rahmaputri", "Rahma", "kabarnya", "Kabarnya", "Yusufbakal"]
_glued_text = st.lists(st.sampled_from(_GLUED), max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(_glued_text, min_size=1, max_size=4))
def test_glue_seams_are_the_same_with_the_parts_remembered_across_articles(texts: list[str]) -> None:
    """`_NO_PARTS` holds only what no article can change: each text's seams are those found with
    nothing remembered, after any other texts."""
    from linimasa.text import seams

    cold = []
    for text in texts:
        seams._NO_PARTS.clear()
        cold.append(seams.glue_seams(text, "id"))
    for text in [*texts, *reversed(texts)]:
        assert seams.glue_seams(text, "id") == cold[texts.index(text)]


def test_common_noun_acronyms_need_a_bracket() -> None:
    from linimasa.entities.settle import _common_noun_acronyms, _lists

    lists = _lists("id")
    assert _common_noun_acronyms("Pedagang kaki lima PKL berjualan di trotoar Jalan Merdeka.", lists) == set()
    assert _common_noun_acronyms("Para pedagang kaki lima (PKL) berjualan di trotoar.", lists) == {"PKL"}


def _product_by_words_before(name: str, type_: str, lists: dict[str, frozenset[str]]) -> bool:
    """`_product_by_words` as it was before settlespeed2 (the code tests asked of every name)."""
    from linimasa.entities.settle import _CODE, _ORDINAL, _headed_org, _model_of_maker, normalise

    toks = name.split()
    if len(toks) > 1 and toks[-1].casefold() in lists["product_tails"]:
        return True
    if toks and _model_of_maker(toks):
        return True
    headed = bool(toks) and toks[0].casefold() in lists["heads"]
    if normalise(name) in lists["products"] or (
        any(_CODE.match(t.strip(".,")) and not _ORDINAL.match(t) for t in toks) and type_ != "ORG" and not headed
    ):
        return True
    if any(_CODE.match(t.strip(".,")) for t in toks[1:]) and type_ == "ORG" and not _headed_org(toks):
        return True
    return bool(toks and _CODE.match(toks[0]) and toks[0][:2].isalpha() and toks[0][:2].isupper() and len(toks) == 1)


_NAME_PIECES = ["Airbus", "A350", "RM900", "975T", "ke-498", "Ke-5", "Gedung", "G1", "Komisi", "2", "Honda", "Monkey",
                "PT", "Bank", "Yaris", "Cross", "HR-V2", "iPhone", "15", "٣", "Revolution", "Max", "Liga", "1", "A350.",
                "Tbk", "Kantor"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=4).map(" ".join),
       st.sampled_from(["PER", "ORG", "GPE", "LOC", "EVT"]))
def test_product_by_words_is_the_old_one(name: str, type_: str) -> None:
    from linimasa.entities.settle import _lists, _product_by_words

    for lang in ("id", "en"):
        lists = _lists(lang)
        assert _product_by_words(name, type_, lists) == _product_by_words_before(name, type_, lists)
