"""Seams a scraper glued shut (`linimasa.text.seams`), on sentences written for the tests: where a
space belongs, where it does not (brands, names that end in a word), and offsets mapped both ways."""

from __future__ import annotations

import pytest

from linimasa.entities import recognise
from linimasa.model import Mention, Span
from linimasa.text.gazetteer import load_gazetteer
from linimasa.text.seams import glue_seams, open_seams


def opened(text: str) -> str:
    return open_seams(text, glue_seams(text, "id")).text


@pytest.mark.parametrize(("glued", "open_"), [
    # a verb or a function word glued after a name, without other evidence
    ("Laga Barcelona vs Sevillaberlangsung di Camp Nou.", "Laga Barcelona vs Sevilla berlangsung di Camp Nou."),
    ("Tuntutan terhadap Gatot Suwarnobisa disebut ringan.", "Tuntutan terhadap Gatot Suwarno bisa disebut ringan."),
    # a word glued in front of a name: a common word, a lower-case word, an acronym the gazetteer knows
    ("PenyanyiRossamenangis di panggung.", "Penyanyi Rossa menangis di panggung."),
    ("Menurut keterangan dariBNPB, hujan reda.", "Menurut keterangan dari BNPB, hujan reda."),
    # a function word between two glued names
    ("Pesta Rina WijayadanAndi Saputra meriah.", "Pesta Rina Wijaya dan Andi Saputra meriah."),
    # a tail that ends names too ("hari"), cut where the article writes the name alone
    ("Presiden Hartonohari ini tiba. Hartono lalu pulang.", "Presiden Hartono hari ini tiba. Hartono lalu pulang."),
    # a function word before a name the gazetteer knows
    ("Barang dari Vietnamdi Jakarta laku.", "Barang dari Vietnam di Jakarta laku."),
    # a three-letter last word of a name after its first, then a long listed word
    ("Turis bernama Kim Jaetewas di pantai.", "Turis bernama Kim Jae tewas di pantai."),
    # a word after a number
    ("Pekan Raya 2025sebagai ajang tahunan.", "Pekan Raya 2025 sebagai ajang tahunan."),
])
def test_a_glued_seam_is_opened(glued: str, open_: str) -> None:
    assert opened(glued) == open_


@pytest.mark.parametrize("text", [
    "Naik TransJakarta, buka KapanLagi, main TikTok, pakai BlackBerry.",  # brands in camel case
    "Permatasari dan Suryadi hadir bersama Wijaya.",  # names that end in a word
    "Pernikahan itu digelar di Penangkapan.",  # words of the dictionary
    "Ikuti @infoBMKG dan #BanjirJakarta.",  # handles and hashtags are written so
    "Penyanyi Anisa Rahmaputri tampil. Rahma menonton.",  # a name ending in a given name
    "Satresnarkoba Polres itu menangkap dua orang.",  # an abbreviation built of nouns
    "Sidang di Monumen KaliBekasi dibuka.",  # a common word inside a name
    "Kata warga Amitewas hanyut.",  # a three-letter head after no name stays whole
])
def test_no_seam_where_a_word_or_a_name_stands_as_written(text: str) -> None:
    assert opened(text) == text


def test_offsets_map_both_ways() -> None:
    text = "PenyanyiRossamenangis. Laga Sevillaberlangsung."
    seams = glue_seams(text, "id")
    view = open_seams(text, seams)
    assert view.text.replace(" ", "") == text.replace(" ", "")
    for start, end in [(8, 13), (28, 35), (0, len(text))]:
        s, e = view.start_in_view(start), view.end_in_view(end)
        assert view.text[s:e].replace(" ", "") == text[start:end].replace(" ", "")
        assert (view.in_source(s), view.in_source(e)) == (start, end)
    assert view.span_in_view(Span(0, 21, text[:21])).text == "Penyanyi Rossa menangis"


def test_no_seams_without_the_language_lists() -> None:
    assert glue_seams("The PresidentObama spokeyesterday.", "en") == []


class _Tagger:
    """A model that tags the given surfaces where it reads them (in the opened text)."""

    def __init__(self, spans: dict[str, str]) -> None:
        self.spans = spans

    def tag(self, text: str) -> list[Mention]:
        out = []
        for surface, type_ in self.spans.items():
            i = text.find(surface)
            while i >= 0:
                out.append(Mention(i, i + len(surface), surface, type_, source="model"))  # type: ignore[arg-type]
                i = text.find(surface, i + 1)
        return out


def test_mentions_found_in_the_opened_text_point_into_the_text_as_written() -> None:
    text = "Laga Barcelona vs Sevillaberlangsung panas. PenyanyiRossamenangis."
    got = recognise(text, "id", _Tagger({"Sevilla": "ORG", "Rossa": "PER", "Barcelona": "ORG"}))
    assert {(m.text, m.type) for m in got} >= {("Sevilla", "ORG"), ("Rossa", "PER")}
    assert all(text[m.start : m.end] == m.text for m in got)


def test_a_mention_across_an_opened_seam_keeps_the_glued_characters() -> None:
    text = "Gubernur bertemu PresidenBudiHartono kemarin. Budi lalu pulang."
    got = recognise(text, "id", _Tagger({"Budi Hartono": "PER", "Budi": "PER"}))
    assert ("BudiHartono", "PER") in {(m.text, m.type) for m in got}
    assert all(text[m.start : m.end] == m.text for m in got)


def test_a_short_head_takes_no_long_frequent_word_before_a_known_name() -> None:
    # "Korlantas Polri" is the traffic corps, not "Kor" + "lantas" ("then") before Polri; a short
    # function word still is a seam after a short name ("Alidi Jakarta")
    text = "Irjen Agus memastikan Korlantas Polri akan terus bekerja."
    assert glue_seams(text, "id", load_gazetteer()) == []


def test_a_capital_and_one_lower_case_letter_after_an_acronym_is_no_word() -> None:
    text = "Pada saat Apindo, API dan APSyFI memaparkan pandangan, Presiden RIPrabowo hadir."
    seams = glue_seams(text, "id", load_gazetteer())
    assert text.index("APSyFI") + 2 not in seams
    assert text.index("RIPrabowo") + 2 in seams


def test_a_listed_name_in_camel_case_is_one_word() -> None:
    # (ent11u) "Moto" is a word of the dictionary, but "MotoGP" is on the competitions list
    text = "Pebalap itu pindah ke MotoGP musim depan. Yamaha bertahan di MotoGP."
    assert opened(text) == text
    got = [(m.text, m.type) for m in recognise(text, "id")]
    assert ("MotoGP", "EVT") in got
