"""The one sentence splitter (linimasa.text.sentences) and the "sentences" article stage."""

from __future__ import annotations

import pytest

from linimasa.model import Article
from linimasa.pipeline import Pipeline
from linimasa.text import split_article
from linimasa.text.sentences import article_sentences, sentence_bounds, split_sentences


def texts(text: str, lang: str = "id") -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Budi tinggal di Jl. Sudirman No. 5, Jakarta. Ia membayar Rp1,5 juta.",
         ["Dr. Budi tinggal di Jl. Sudirman No. 5, Jakarta.", "Ia membayar Rp1,5 juta."]),
        ("Presiden B. J. Habibie tiba di Jakarta, Rabu (12/10). Ia disambut warga.",
         ["Presiden B. J. Habibie tiba di Jakarta, Rabu (12/10).", "Ia disambut warga."]),
        ('Ia berkata, "Kami siap." Lalu ia pergi.', ['Ia berkata, "Kami siap."', "Lalu ia pergi."]),
        ('He said: "We will go." Then the U.S. Army left.', ['He said: "We will go."', "Then the U.S. Army left."]),
        ("Mr. Smith arrived at 10:30. Was he late? No!", ["Mr. Smith arrived at 10:30.", "Was he late?", "No!"]),
        ("Harga naik 1.500 rupiah\nParagraf kedua", ["Harga naik 1.500 rupiah", "Paragraf kedua"]),
    ],
)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "  Satu kalimat.  Dua kalimat!\n\nTiga."
    for s in split_sentences(text, "id"):
        assert text[s.start : s.end] == s.text
    assert split_sentences("", "id") == [] and split_sentences("   ", "en") == []


def test_bounds_of_a_position() -> None:
    text = "Rusia hadir. Pertemuan digelar Rabu (20/10). Taliban datang."
    start, end = sentence_bounds(text, text.index("Rabu"))
    assert text[start:end] == "Pertemuan digelar Rabu (20/10)."
    assert sentence_bounds(text, 0) == (0, len("Rusia hadir."))
    assert sentence_bounds("", 0) == (0, 0)


def test_the_stage_fills_sentences_once_and_stages_read_them() -> None:
    a = split_article(Article(id="a", source="a", text="Satu. Dua.", language="id"))
    assert [s.text for s in a.sentences] == ["Satu.", "Dua."]
    assert article_sentences(a) is a.sentences
    a.text = "Teks yang lain sama sekali. Ya."  # stale sentences are not used
    assert [s.text for s in article_sentences(a)] == ["Teks yang lain sama sekali.", "Ya."]


def test_the_stage_runs_right_after_meta() -> None:
    names = Pipeline().names["article"]
    assert names.index("sentences") == names.index("meta") + 1
