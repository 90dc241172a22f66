"""speed12n: the entities stage's faster paths give what the plain ones gave (sentences written here)."""

from __future__ import annotations

import re

import pytest

from linimasa.entities.recall import _occurrences, club_nicknames


def _by_pattern(text: str, name: str, glued_ok: bool = False) -> list[int]:
    """What `_occurrences` found with a pattern per name before speed12n."""
    before = r"(?<![A-Za-z0-9])" if not glued_ok else r"(?<![A-Z0-9])"
    after = r"(?![a-z0-9])" if name[-1:].islower() else r"(?![A-Za-z0-9])"
    return [m.start() for m in re.finditer(before + re.escape(name) + after, text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Budi Santoso datang. Kata Budi, BudiSantoso dan ABudi tidak.", "Budi"),
    ("ExpertBudi bertemu Budi2 dan Budi-Santoso (Budi).", "Budi"),
    ("UnitedImran menang; United1 kalah; United.", "United"),
    ("Sari Sari Sari", "Sari Sari"),  # after a match the search goes on from its end
    ("a.b a.b.c (a.b)", "a.b"),  # a name with a pattern character in it
    ("", "Budi"),
    ("Budi", ""),
])
def test_occurrences_finds_what_the_pattern_found(text: str, name: str) -> None:
    for glued_ok in (False, True):
        assert _occurrences(text, name, glued_ok) == _by_pattern(text, name, glued_ok)


def test_occurrences_after_a_small_letter_only_when_glue_is_allowed() -> None:
    text = "Pemain ExpertVishal dan Vishal"
    assert _occurrences(text, "Vishal") == [24]
    assert _occurrences(text, "Vishal", glued_ok=True) == [13, 24]


def test_a_sport_cue_inside_a_longer_word_makes_no_sport_article() -> None:
    # "gol" and "laga" are cues, written here only inside "golongan" and "berlaga"
    text = "The Gunners adalah nama grup musik dari golongan muda yang berlaga di festival."
    assert club_nicknames(text, [], "id") == []
    sport = text + " Mereka menonton laga itu."
    assert [(m.text, m.type) for m in club_nicknames(sport, [], "id")] == [("The Gunners", "ORG")]


# Each whole-text pattern beside the cheaper one scanned first: where the gate finds nothing, the
# pattern must find nothing either (every match of the pattern holds a match of the gate).
_GATED_TEXTS = [
    "Santer Jones (64), pemilik bengkel, dan AS (15) ditangkap. Iowa (92)\nOhio (121)\nTexas (7)\n",
    "Baterai kendaraan listrik (BEV) dan pinjaman online (Pinjol) dibahas Komisi ( DPR ) kemarin.",
    "Pameran bertema \"Langit Biru\" dan buku Laskar Pelangi, game Mobile Legends, gim Free Fire.",
    "Laga Persib vs Persija, Arema versus Bali United, Madura kontra PSM di rute Jeddah-Jakarta.",
    "Tanpa tanda kurung, tanpa angka, tanpa judul: kalimat biasa saja tentang cuaca di Bogor.",
    "HP (25) dan NH (4) terlihat; Abdul Rahman (7) juga. Kota-Kota kecil, Serang-Cilegon.",
]


def test_each_gate_finds_something_wherever_its_pattern_does() -> None:
    from linimasa.entities import precision, recall, rules, settle, uses

    pairs = [(recall._AGED_RUN, recall._AGED_GATE), (recall._COUNTED_LINE, recall._COUNTED_GATE),
             (uses._AGED_INITIALS, uses._AGED_INITIALS_GATE),
             (precision._LOWER_THEN_ACRONYM, precision._LOWER_THEN_ACRONYM_GATE),
             (precision._TITLE_CUE, precision._TITLE_CUE_GATE),
             (rules.ACRONYM_IN_PARENS, rules._ACRONYM_IN_PARENS_GATE),
             (settle._VERSUS, settle._VERSUS_GATE), (settle._PAIR, settle._PAIR_GATE)]
    for pattern, gate in pairs:
        hits = 0
        for text in _GATED_TEXTS:
            for line in [text, *text.split(". "), *text.split(", ")]:
                if pattern.search(line) is not None:
                    hits += 1
                    assert gate.search(line) is not None, (pattern.pattern, line)
        assert hits, pattern.pattern  # each pattern is exercised by some sentence above


def test_gated_rules_still_find_what_they_look_for() -> None:
    from linimasa.entities.precision import _titles, common_noun_acronyms
    from linimasa.entities.recall import people_by_age

    text = "Santer Jones (64), pemilik bengkel itu, menyerahkan diri."
    assert [(m.text, m.type) for m in people_by_age(text, [], "id")] == [("Santer Jones", "PER")]
    assert people_by_age("Santer Jones, pemilik bengkel itu, menyerahkan diri.", [], "id") == []
    from linimasa.text.gazetteer import load_gazetteer
    found = common_noun_acronyms("Mobil listrik baterai (BEV) makin laris.", load_gazetteer(), frozenset())
    assert found == {"BEV"}
    text = 'Pameran bertema "Langit Biru" dibuka.'
    assert [text[s:e] for s, e in _titles(text)] == ["Langit Biru"]
    assert _titles("Pameran dibuka.") == []


# The patterns whose look-behind speed12n moved after the first capital, as they were written before.
_BEFORE = {
    ("settle", "_CAPITALISED_WORD"): r"(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])",
    ("settle", "_WORDS_AFTER_ACRONYM"): r"(?<![\w-])([A-Z][A-Za-z]{1,7}) ?\(([^()]{3,100})\)",
    ("settle", "_PERSON_RUN"): r"(?<![\w.'’-])([A-Z][a-z]+)((?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})(?![\w'’-])",
    ("settle", "_PLACE_BASED"):
        r"(?<![\w'’.-])([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})-(?:based|born|headquartered|bound|area)\b",
    ("precision", "_NAME_THEN_ACRONYM"): r"(?<![\w-])[A-Z][\w&.'’-]* ?\(([A-Z][A-Za-z]{0,9})\)",
    ("precision", "_ACRONYM_THEN_NAME"): r"(?<![\w-])([A-Z][A-Za-z]{0,9}) ?\([A-Z][\w-]* [A-Z]",
    ("english", "_THREE_CAPITALS"): r"(?<![\w-])[A-Z]{3}(?![\w-])",
}

_MOVED_TEXTS = [
    "Badan Pusat Statistik (BPS) mencatat; BPS (Badan Pusat Statistik) juga. x-Ray, O'Brien, ’Ali.",
    "Jakarta-based Gojek and Tokyo-born Ken Sato met Joko Widodo-Iriana at PBB. USA-IDN, abcDEF GHI.",
    "Ahmad Dhani Prasetyo\nBudi Santoso.Citra Dewi 'Eka Putra' -Fajar Nugroho_Gita Lestari-Hadi Wijaya",
    "ABC (Alpha Beta Corp) dan KPK (Komisi Pemberantasan Korupsi) di Gedung Merah Putih.A.B.C DEF",
    "Ketua Umum PSSI Erick Thohir (ET) bertemu Menteri Keuangan Sri Mulyani Indrawati di Jakarta.",
]


def test_moved_look_behinds_find_the_same_matches() -> None:
    import importlib

    for (module, name), before in _BEFORE.items():
        now = getattr(importlib.import_module(f"linimasa.entities.{module}"), name)
        old = re.compile(before)
        for text in _MOVED_TEXTS:
            for start in range(len(text)):  # every suffix: each match at the text's start too
                piece = text[start:]
                assert [(m.span(), m.groups()) for m in now.finditer(piece)] == \
                       [(m.span(), m.groups()) for m in old.finditer(piece)], (name, piece)


def test_word_list_patterns_find_what_the_plain_alternation_found() -> None:
    from linimasa.entities.settle import _words_pattern

    words = frozenset({"ajang", "gelaran", "SMAN", "SMA Negeri", "(x", "a-b"})
    texts = ["Di ajang Indonesia Outing Expo, gelaran E-Rallytage; xajang Foo, -ajang Bar, SMAN 1 Bogor",
             "SMA Negeri 3 Garut (x Baz a-b Qux) ajang\nNext ajang", "ajang Awal"]
    for before, after, flags in [(r"(?<![\w-])", r"(?=[ ])", 0),
                                 (r"(?<![\w-])", r" \d{1,3}\b((?: [A-Z][\w-]*){0,3})", 0),
                                 (r"(?<![\w-])", r"(?![\w-])", re.IGNORECASE)]:
        now = _words_pattern(words, before, after, flags)
        assert now is not None
        plain = re.compile(before + "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                           + ")" + after, flags)
        for text in texts:
            for start in range(len(text)):
                piece = text[start:]
                assert [(m.span(), m.groups()) for m in now.finditer(piece)] == \
                       [(m.span(), m.groups()) for m in plain.finditer(piece)], piece


def test_joined_lists_are_the_union_in_order_and_remembered() -> None:
    from linimasa.entities.settle import _joined

    a, b, c = frozenset({"kota", "desa"}), frozenset({"jalan"}), frozenset({"desa", "gunung"})
    joined = _joined(a, b, c)
    assert joined == a | b | c and list(joined) == list(a | b | c)
    assert _joined(a, b, c) is joined  # the same lists: joined once
    assert _joined({"x"}, a) == {"x", "kota", "desa"}  # a caller's own set: joined as it is
