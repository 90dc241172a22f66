from __future__ import annotations

import codecs
import hashlib
import sys

import pytest

from linimasa.ingest import InputTooLarge, NotAnArticle, Source, ingest_bytes, ingest_text, iter_sources, sniff_binary

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


def test_iter_sources_walks_folders_recursively_for_every_file_but_hidden_ones(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("satu")
    (tmp_path / "y.txt").write_text("dua")
    (tmp_path / "z.html").write_text("<p>tiga</p>")
    (tmp_path / ".DS_Store").write_text("x")
    names = [s.name for s in iter_sources([tmp_path])]
    assert names == [str(tmp_path / "a" / "x.txt"), str(tmp_path / "y.txt"), str(tmp_path / "z.html")]
    assert [s.name for s in iter_sources([tmp_path], pattern="*.txt")] == names[:2]


def test_missing_path_is_yielded_so_that_reading_it_fails_loudly(tmp_path):
    (src,) = iter_sources([tmp_path / "hilang.txt"])
    with pytest.raises(OSError):
        src.read()


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "besar.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(ValueError, match="MiB limit"):
        Source(name=str(big), path=big).read()


def test_one_bad_byte_in_utf8_is_replaced_where_it_stands():
    data = "Café “kopi” enak.".encode() + b"\xff" + " Harga naik é.".encode()
    art = ingest_bytes(data, "x.txt")
    assert art.encoding == "utf-8"
    assert art.raw == "Café “kopi” enak.\ufffd Harga naik é."  # not "CafÃ©"
    assert art.errors == ["ingest: 1 invalid byte (not UTF-8) replaced with U+FFFD"]


def test_utf8_cut_short_at_the_end_is_utf8_not_cp1252():
    art = ingest_bytes("Harga naik…".encode()[:-1], "x.txt")
    assert art.encoding == "utf-8" and art.raw == "Harga naik\ufffd"


def test_cp1252_only_when_the_bytes_are_cp1252():
    art = ingest_bytes("Kafé “Bersama” – 5€ déjà".encode("cp1252"), "x.txt")
    assert art.encoding == "cp1252" and art.raw == "Kafé “Bersama” – 5€ déjà"
    mostly_utf8 = ("é" * 20).encode() + b" caf\xe9"
    assert ingest_bytes(mostly_utf8, "y.txt").encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec):
    art = ingest_bytes("Berita hari ini: Jakarta – “banjir” lagi.".encode(codec), "x.txt")
    assert art.encoding == codec and art.raw == "Berita hari ini: Jakarta – “banjir” lagi." and not art.errors


def test_utf32_with_bom():
    art = ingest_bytes("Berita é".encode("utf-32"), "x.txt")
    assert art.encoding == "utf-32" and art.raw == "Berita é"


def test_control_characters_are_removed_with_a_note():
    art = ingest_bytes(b"Berita\x00 satu\x01 dua\x0ctiga", "x.txt")
    assert art.raw == "Berita satu dua\ntiga"
    assert art.errors == ["ingest: 2 control characters (NUL, ...) removed"]


def test_a_lone_surrogate_in_a_string_is_replaced_and_reported():
    art = ingest_text("ab\ud800cd")
    assert "\ud800" not in art.raw and art.raw.startswith("ab") and art.raw.endswith("cd")
    assert art.errors and "replaced" in art.errors[0]


def test_one_size_limit_for_files_stdin_and_data(monkeypatch):
    import io

    big = b"a" * 101
    with pytest.raises(InputTooLarge, match="101 bytes: over the 100 bytes limit"):
        Source(name="<bytes 0>", data=big).read(max_bytes=100)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(big)))
    with pytest.raises(InputTooLarge, match=r"^over the 100 bytes limit"):
        Source(name="-").read(max_bytes=100)
    assert Source(name="<bytes 0>", data=big[:100]).read(max_bytes=100) == big[:100]
