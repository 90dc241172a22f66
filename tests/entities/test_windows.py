"""A text longer than `linimasa.entities.WINDOW` is read in windows: each window gives the mentions it
gives alone, at its offsets in the whole text, and the linking stage joins one entity's mentions of
all windows as it joins them within one article."""

from __future__ import annotations

import pytest

from linimasa.entities import WINDOW, default_recogniser, recognise
from linimasa.link.entities import link_entities
from linimasa.model import Article, Corpus, Mention
from linimasa.text.sentences import split_sentences
from linimasa.text.windows import text_windows

# short news texts written for this test, one paragraph break between them and none inside
TEXTS = [
    "Presiden Joko Widodo meresmikan Bendungan Sepaku Semoi di Kabupaten Penajam Paser Utara, Kalimantan Timur, "
    "pada Senin pagi. Dalam sambutannya, Jokowi mengatakan bendungan itu akan memasok air baku bagi Ibu Kota "
    "Nusantara.\nMenteri Pekerjaan Umum Basuki Hadimuljono menambahkan bahwa pembangunan tahap kedua dimulai "
    "tahun depan. Basuki menyebut anggarannya berasal dari APBN.",
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan potensi hujan lebat di Jawa Barat dan "
    "Banten selama sepekan. Kepala BMKG Dwikorita Karnawati meminta warga di Bogor dan Sukabumi waspada terhadap "
    "longsor.\nMenurut BMKG, suhu muka laut di Samudra Hindia masih hangat sehingga awan hujan mudah tumbuh di "
    "pesisir selatan Jawa.",
    "Tim nasional Indonesia mengalahkan Bahrain 2-1 dalam laga kualifikasi Piala Dunia di Stadion Utama Gelora "
    "Bung Karno, Jakarta. Pelatih Patrick Kluivert memuji semangat para pemain.\nKapten tim Jay Idzes "
    "mengatakan kemenangan itu untuk seluruh suporter. Kluivert kini menyiapkan tim untuk menghadapi Jepang "
    "di Osaka bulan depan.",
    "Di Balikpapan, Menteri Basuki meninjau jalan tol yang rusak akibat banjir bersama Gubernur Kalimantan "
    "Timur Rudy Mas'ud. Rudy meminta kontraktor memperbaiki jalan itu sebelum musim mudik.\nKepala BMKG "
    "Dwikorita Karnawati, yang ikut dalam kunjungan itu, mengatakan curah hujan di Kalimantan Timur akan "
    "tetap tinggi hingga akhir bulan.",
]
LONG = "\n\n".join(TEXTS)
# a window that holds one text but never two: each window of LONG is one of TEXTS
SMALL = max(len(t) for t in TEXTS) + 10


def _spans() -> list[tuple[int, int]]:
    out, at = [], 0
    for t in TEXTS:
        out.append((at, at + len(t)))
        at += len(t) + 2
    return out


def _fields(m: Mention, shift: int = 0) -> tuple[object, ...]:
    return (m.start - shift, m.end - shift, m.text, m.type, m.entity, m.source, m.score, m.key, m.role)


def test_the_window_reaches_past_every_real_article() -> None:
    assert WINDOW >= 64 * 1024  # the longest real text measured is 47,171 characters (see WINDOW)


def test_each_window_is_one_of_the_short_texts() -> None:
    assert all(min(len(t), SMALL - len(t)) < SMALL // 2 < len(t) for t in TEXTS)
    assert text_windows(LONG, SMALL) == _spans()


@pytest.mark.parametrize("model", [False, True])
def test_a_long_text_gives_each_short_texts_own_mentions_at_its_offsets(model: bool) -> None:
    rec = default_recogniser() if model else None
    if model and rec is None:
        pytest.skip("the statistical model is not installed")
    for sentences in (None, split_sentences(LONG)):
        got = recognise(LONG, "id", rec, sentences, window=SMALL)
        assert all(LONG[m.start : m.end] == m.text for m in got)  # offsets into the whole text
        assert [m.start for m in got] == sorted(m.start for m in got)
        for (a, b), text in zip(_spans(), TEXTS, strict=True):
            alone = [_fields(m) for m in recognise(text, "id", rec)]
            assert alone, text
            assert [_fields(m, a) for m in got if a <= m.start < b] == alone


def test_what_a_window_cannot_see_of_another() -> None:
    """The difference windows make: a short re-mention ("Kusuma") is found by reading the text for
    the full name's words, and a window does not read another window's text. The same text read
    whole (it fits the window) finds it, as before windows."""
    first = "Direktur utama perusahaan itu, Hendra Kusuma, menjelaskan rencana ekspansi ke Surabaya."
    second = "Sementara itu, saham perusahaan tersebut naik setelah Kusuma berbicara kepada wartawan di sana."
    text = f"{first}\n\n{second}"
    whole = [(m.text, m.type) for m in recognise(text, "id")]
    assert whole == [(m.text, m.type) for m in recognise(text, "id", window=len(text))]
    assert ("Kusuma", "PER") in whole
    assert [(m.text, m.type) for m in recognise(text, "id", window=len(first) + 5)] == [
        ("Hendra Kusuma", "PER"), ("Surabaya", "GPE")]


def test_one_entity_found_in_two_windows_is_one_entity() -> None:
    art = Article(id="a0", source="s0", text=LONG, language="id")
    art.mentions = recognise(LONG, "id", window=SMALL)
    corpus = link_entities(Corpus(articles=[art]))
    spans = _spans()

    def windows_of(name: str) -> set[int]:
        (entity,) = [e for e in corpus.entities if name == e.name or name in e.aliases]
        return {k for m in entity.mentions for k, (a, b) in enumerate(spans) if a <= m.start < b}

    assert windows_of("Dwikorita Karnawati") == {1, 3}  # the same name in two windows
    assert windows_of("BMKG") == {1, 3}  # keyed by the gazetteer in both
    assert windows_of("Kalimantan Timur") == {0, 3}
    assert windows_of("Basuki Hadimuljono") == {0, 3}  # "Menteri Basuki" of the last window: its short form
