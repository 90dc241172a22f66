"""`linimasa.process` takes paths, texts and bytes without guessing wrong, and raises only on usage errors."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import linimasa
from linimasa import looks_like_path

ONE_PARAGRAPH = "Presiden Joko Widodo tiba di Jakarta pada Senin (3/6/2024) untuk bertemu menteri. " * 4


def test_a_one_line_article_longer_than_a_file_name_is_text():
    """Once `OSError: File name too long`: a one-paragraph article was first tried as a path."""
    (art,) = linimasa.process([ONE_PARAGRAPH]).articles
    assert len(ONE_PARAGRAPH.encode()) > 255
    assert art.source == "<text 0>" and not art.errors
    (art,) = linimasa.process(["a" * 300]).articles
    assert art.source == "<text 0>"


def test_a_lone_surrogate_does_not_raise():
    (art,) = linimasa.process(["Teks dengan \ud800 di tengah."]).articles
    assert "\ud800" not in art.raw and any("replaced" in e for e in art.errors)


def test_paths_as_path_objects_and_as_strings(tmp_path):
    folder = tmp_path / "berita"
    folder.mkdir()
    (folder / "a.txt").write_text("Berita A dari folder.")
    f = tmp_path / "b.txt"
    f.write_text("Berita B dari berkas.")
    corpus = linimasa.process([folder, str(f), "Berita C sebagai teks."])
    assert sorted(a.source for a in corpus.articles) == sorted([str(folder / "a.txt"), str(f), "<text 2>"])


def test_explicit_texts_and_paths(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text("Berita dari berkas.")
    corpus = linimasa.process(texts=[str(f), "scraped/"], paths=[f])
    by_source = {a.source: a for a in corpus.articles}
    assert set(by_source) == {"<text 1>", "<text 2>", str(f)}  # texts= never reads a file
    assert by_source["<text 1>"].raw == str(f)
    assert linimasa.process(texts="satu teks saja").articles[0].raw == "satu teks saja"


def test_a_misspelled_folder_is_a_missing_path_not_an_article(tmp_path, caplog):
    missing = str(tmp_path / "scrapd") + "/"
    with caplog.at_level(logging.WARNING):
        corpus = linimasa.process([missing, "Berita yang benar."])
    assert [a.source for a in corpus.articles] == ["<text 1>"]
    assert "No such file or directory" in caplog.text and "scrapd" in caplog.text


@pytest.mark.parametrize(
    ("text", "path_like"),
    [
        ("scraped/", True), ("my folder/", True), ("scrapd/2024", True), ("C:\\news\\x.txt", True),
        ("berita.txt", True), ("./x", True),
        ("Teks artikel langsung ...", False), ("a" * 300, False), ("Kamis (18/6/2025) Presiden tiba.", False),
        ("Baca di kompas.com/berita.html hari ini", False), ("satu\nbaris/dua/", False), ("", False),
    ],
)
def test_what_looks_like_a_path(text, path_like):
    assert looks_like_path(text) is path_like


def test_bytes_and_usage_errors():
    (art,) = linimasa.process([b"Berita dalam bytes."]).articles
    assert art.source == "<bytes 0>"
    with pytest.raises(TypeError, match="cannot read a int"):
        linimasa.process([1])
    with pytest.raises(TypeError, match="texts= takes str or bytes"):
        linimasa.process(texts=[Path("x")])
    with pytest.raises(TypeError, match=r"paths= takes str or os\.PathLike"):
        linimasa.process(paths=[b"x"])


def test_api_input_over_the_size_limit_is_skipped(monkeypatch, caplog):
    monkeypatch.setattr("linimasa.ingest.MAX_BYTES", 1000)
    monkeypatch.setattr("linimasa.ingest.Source.read.__defaults__", (1000,))
    with caplog.at_level(logging.WARNING):
        corpus = linimasa.process(["x" * 2000, "Berita pendek."])
    assert [a.source for a in corpus.articles] == ["<text 1>"]
    assert "over the 1000 bytes limit" in caplog.text
