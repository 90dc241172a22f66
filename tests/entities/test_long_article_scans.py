"""Issue 12 (time per KB flat up to 2 MB): steps that read every mention or the whole text once per
thing they looked for now read them once, and answer exactly what the scans answered. Each is checked
against the scan it replaced on generated inputs: `shapes._uses` (every short form's uses in one scan),
`precision._name_ends` (a name's beginnings and ends up to a space) and `recall.lineup_substitutes`
(each substitute read against the mentions near it)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.entities import precision, recall, shapes
from linimasa.model import Mention

FORMS = ["Antam", "Antams", "Himbara", "Bulog", "Inalum", "Pelni"]
PIECES = [*FORMS, "-", " ", "  ", "(", ")", "x", "_", "9", "é", ".", "\n", "emas ", "PT "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.lists(st.sampled_from(FORMS), max_size=4, unique=True))
def test_uses_in_one_scan_are_each_forms_own_scan(pieces: list[str], forms: list[str]) -> None:
    text = "".join(pieces)
    by_form = {f: [u.span() for u in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text)] for f in forms}
    assert shapes._uses(text, forms) == by_form


def test_uses_of_forms_one_inside_another() -> None:
    text = "Antam dan Antams, Antam-Antams (Antam)"
    assert shapes._uses(text, ["Antam", "Antams"]) == {"Antam": [(0, 5), (32, 37)], "Antams": [(10, 16)]}


NAMES = ["Persib", "Bandung", "Persib Bandung", "Honda", "Toyota Honda", "Budi  Honda", "Honda ", " Honda", "A B C"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAMES), max_size=6), st.sampled_from([*NAMES, "B", "A B", "B C", ""]))
def test_name_ends_answer_the_scan(people: list[str], asked: str) -> None:
    scan = any(p.startswith(asked + " ") or p.endswith(" " + asked) for p in people)
    assert (asked in precision._name_ends(people)) == scan


def _substitutes_by_scan(text: str, mentions: list[Mention]) -> list[Mention]:
    """`lineup_substitutes` before the bisection: every mention read per substitute."""
    out = list(mentions)
    for hit in recall._SUBSTITUTE.finditer(text):
        s, e = hit.span(1)
        if any(m.start < e and s < m.end and not (s <= m.start and m.end <= e) for m in out):
            continue
        if any(m.start == s and m.end == e and m.type == "PER" for m in out):
            continue
        out = [m for m in out if not (s <= m.start and m.end <= e)]
        out.append(Mention(s, e, hit.group(1), "PER", source="rule"))
    return sorted(out, key=lambda m: (m.start, m.end))


LINEUP = ["(Cuiabano 68')", "(Santiago Rodriguez 68')", "(Ana Bo 90+2’)", "Santiago", "Rodriguez", " ", ", ", "Bo"]


@st.composite
def lineups(draw: st.DrawFn) -> tuple[str, list[Mention]]:
    text = "".join(draw(st.lists(st.sampled_from(LINEUP), max_size=12)))
    n = len(text)
    mentions = []
    for _ in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 30)))
        mentions.append(Mention(a, b, text[a:b], draw(st.sampled_from(["PER", "LOC", "ORG"])), source="model"))
    return text, mentions


@settings(max_examples=400, deadline=None)
@given(lineups())
def test_lineup_substitutes_by_bisection_are_the_scans(case: tuple[str, list[Mention]]) -> None:
    text, mentions = case
    got = recall.lineup_substitutes(text, list(mentions))
    want = _substitutes_by_scan(text, list(mentions))
    assert [(m.start, m.end, m.text, m.type, m.source, id(m) if m in mentions else None) for m in got] == \
        [(m.start, m.end, m.text, m.type, m.source, id(m) if m in mentions else None) for m in want]


def test_a_substitute_replaces_what_was_found_inside_it() -> None:
    text = "Gol dicetak (Santiago Rodriguez 68')."
    city = Mention(13, 21, "Santiago", "LOC", source="model")
    got = recall.lineup_substitutes(text, [city])
    assert [(m.text, m.type) for m in got] == [("Santiago Rodriguez", "PER")]
