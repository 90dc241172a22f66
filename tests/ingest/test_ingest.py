from __future__ import annotations

import codecs
import hashlib

import pytest

from linimasa.ingest import NotAnArticle, Source, ingest_bytes, iter_sources, sniff_binary

TEXT = "Jakarta – Harga cabai naik lagi pekan ini.\r\nPedagang mengeluh.\rPembeli sepi.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        ("Kafé “Bersama” – 5€".encode("cp1252"), "cp1252"),
    ],
)
def test_decoding_is_detected_and_recorded(data: bytes, encoding: str):
    art = ingest_bytes(data, "x.txt")
    assert art.encoding == encoding
    assert "\r" not in art.raw


def test_newlines_normalised_and_text_kept():
    art = ingest_bytes(TEXT.encode(), "x.txt")
    lines = art.raw.split("\n")[:3]
    assert lines == ["Jakarta – Harga cabai naik lagi pekan ini.", "Pedagang mengeluh.", "Pembeli sepi."]


def test_id_is_sha1_of_raw_bytes_not_of_name():
    a = ingest_bytes(b"Berita satu.", "a.txt")
    b = ingest_bytes(b"Berita satu.", "b/c.txt")
    assert a.id == b.id == hashlib.sha1(b"Berita satu.").hexdigest()
    assert len(a.id) == 40 and a.source == "a.txt"


def test_cp1252_fallback_is_reported_as_an_error():
    art = ingest_bytes("Caf\xe9 d\xe9j\xe0 vu".encode("cp1252"), "x.txt")
    assert art.raw == "Café déjà vu"
    assert any("cp1252" in e for e in art.errors)


def test_bytes_undefined_in_cp1252_are_not_cp1252_but_replaced():
    art = ingest_bytes(b"abc \x81\x8d def \xff", "x.txt")
    assert art.encoding == "utf-8" and art.raw == "abc \ufffd\ufffd def \ufffd"
    assert art.errors == ["ingest: 3 invalid bytes (not UTF-8) replaced with U+FFFD"]


def test_empty_input_gives_an_article_with_an_error():
    art = ingest_bytes(b"  \n\n", "kosong.txt")
    assert art.errors and "empty" in art.errors[0]


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.7\n", b"PK\x03\x04rest", b"\x00\x01\x02\x00" * 100],
)
def test_binary_input_is_not_an_article(data: bytes):
    with pytest.raises(NotAnArticle, match="not a text article"):
        ingest_bytes(data, "gambar.txt")
    assert sniff_binary(data)


def test_utf16_text_is_not_mistaken_for_binary():
    assert sniff_binary("Berita".encode("utf-16")) is None


def test_iter_sources_walks_folders_recursively_for_txt(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("satu")
    (tmp_path / "y.txt").write_text("dua")
    (tmp_path / "z.html").write_text("<p>tiga</p>")
    names = [s.name for s in iter_sources([tmp_path])]
    assert names == [str(tmp_path / "a" / "x.txt"), str(tmp_path / "y.txt")]


def test_missing_path_is_yielded_so_that_reading_it_fails_loudly(tmp_path):
    (src,) = iter_sources([tmp_path / "hilang.txt"])
    with pytest.raises(OSError):
        src.read()


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "besar.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(ValueError, match="MB limit"):
        Source(name=str(big), path=big).read()
