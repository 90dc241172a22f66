"""`shapes.balinese_names` finds the mentions a name meets by bisection over the step's index: the same
list, in the same order, as the scan of every mention per match it replaced (hypothesis, over generated
texts of Balinese names, titles, stop words and other words, and random mentions of every type)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.entities import shapes
from linimasa.entities.shapes import _balinese_pattern, _balinese_stops, _end_before, _put, _words, balinese_names
from linimasa.model import Mention


def _scan_balinese(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The step as it was before the bisection (a read of every mention per match)."""
    pattern = _balinese_pattern(language)
    if pattern is None or not shapes._written(text, _words(language, "balinese_given")):
        return mentions
    stops = _balinese_stops(language)
    out = mentions
    for hit in pattern.finditer(text):
        end = _end_before(hit, stops, 3)
        start = hit.start()
        if any(m.start < start and m.end >= end for m in out):
            continue
        cut = []
        for m in out:
            if m.type != "PER" and m.start < start < m.end:
                head = text[m.start : start].rstrip()
                if " " not in head and not head[:1].isupper():
                    break
                cut.append((m, Mention(m.start, m.start + len(head), head, m.type, source=m.source, key=None)))
        else:
            trimmed = [m for m in out if m not in [c for c, _ in cut]] + [r for _, r in cut]
            new = _put(trimmed, Mention(start, end, text[start:end], "PER", source="rule"))
            if any(m.start == start and m.end == end and m.type == "PER" for m in new):
                out = new
    return sorted(out, key=lambda m: (m.start, m.end)) if out is not mentions else out


WORDS = ["I", "Ni", "Nyoman", "Made", "Gusti", "Ngurah", "Oka", "Rai", "Wirawa", "Bapak", "Kepala", "Jalan",
         "dan", "di", "yang", "Kupang", "Cabang", "airnav", "Senin", "AKP", "kata"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
       st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40), st.sampled_from(["PER", "ORG", "LOC", "GPE"])),
                max_size=20),
       st.booleans())
def test_balinese_names_answers_as_the_scan(words: list[str], spans: list[tuple[int, int, str]],
                                            indexed: bool) -> None:
    text = " ".join(words) + "."
    mentions = [Mention(a, min(a + n, len(text)), text[a : a + n], t, source="model")  # type: ignore[arg-type]
                for a, n, t in spans if a < len(text)]
    if mentions and spans[0][1] % 3 == 0:
        mentions.append(mentions[0])  # the same object twice
        mentions.append(Mention(**vars(mentions[-1])))  # and an equal one
    if indexed:
        mentions = _put(mentions, Mention(len(text) + 5, len(text) + 6, "z", "ORG"))
    before = [id(m) for m in mentions]
    slow_in = [Mention(**vars(m)) for m in mentions]
    # the same objects where the input repeats one, so that identity and equality read alike
    twin = {id(m): c for m, c in zip(mentions, slow_in, strict=True)}
    slow_in = [twin[id(m)] for m in mentions]
    fast = balinese_names(text, mentions, "id")
    slow = _scan_balinese(text, slow_in, "id")
    assert [id(m) for m in mentions] == before
    assert (fast is mentions) == (slow is slow_in)
    assert [vars(m) for m in fast] == [vars(m) for m in slow]
    back = {id(c): m for m, c in zip(mentions, slow_in, strict=True)}
    assert [back.get(id(m), "new") for m in slow] == [m if id(m) in {id(x) for x in mentions} else "new"
                                                       for m in fast]


def test_a_name_cuts_an_organisation_run_into_it() -> None:
    text = "Kata Airnav Cabang Kupang I Nyoman Oka Wirawa di sana."
    org = Mention(5, 38, text[5:38], "ORG")
    out = balinese_names(text, [org], "id")
    assert [(m.text, m.type) for m in out] == [("Airnav Cabang Kupang", "ORG"), ("I Nyoman Oka Wirawa", "PER")]
