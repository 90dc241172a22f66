"""HTML pages, tables (CSV/TSV/JSONL), WARC archives and mixed folders, through ingest and the CLI."""

from __future__ import annotations

import gzip
import hashlib
import json

import pytest

from linimasa.cli import main
from linimasa.ingest import NotAnArticle, Source, iter_sources
from linimasa.ingest.given import split_authors
from linimasa.ingest.html import html_article, looks_like_html
from linimasa.ingest.table import TableError, map_columns, parse_column_map
from linimasa.pipeline import Pipeline
from linimasa.timex.given import parse_date

BODY = (
    "<p>JAKARTA, KOMPAS.com - Presiden Prabowo Subianto bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov"
    " di Istana Merdeka pada Rabu (18/6/2025) untuk membahas kerja sama kedua negara.</p>\n"
    "<p>Baca juga: Harga Cabai Naik Lagi di Pasar Induk</p>\n"
    "<p>Pertemuan itu berlangsung selama dua jam dan membahas berbagai isu strategis kawasan Asia Tenggara"
    " serta hubungan bilateral kedua negara yang sudah terjalin lama.</p>\n"
    "<p>Lavrov mengatakan Rusia siap meningkatkan perdagangan dengan Indonesia dalam lima tahun ke depan.</p>\n"
)
PAGE = f"""<!DOCTYPE html>
<html lang="id"><head><!-- Google Tag Manager --><script>window.dataLayer=[];</script>
<meta charset="utf-8">
<title>Prabowo Bertemu Lavrov di Istana - Kompas.com</title>
<meta property="og:title" content="Prabowo Bertemu Lavrov di Istana">
<meta property="og:site_name" content="Kompas.com">
<meta property="article:published_time" content="2025-06-17T09:30:00+07:00">
<meta name="author" content="Budi Santoso">
<link rel="canonical" href="https://nasional.kompas.com/read/2025/06/17/1/prabowo-lavrov">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/nasional">Nasional</a></li>
<li><a href="/x">Terpopuler</a></li></ul></nav>
<article><h1>Prabowo Bertemu Lavrov di Istana</h1>
{BODY}</article>
<aside><h3>Terpopuler</h3><ul><li><a href="/1">Berita satu yang populer sekali</a></li></ul></aside>
<footer>Copyright 2025 Kompas.com. All rights reserved.</footer>
</body></html>
"""


def _process(articles):
    pipe = Pipeline(corpus_stages=[])
    return [pipe.process_article(a) for a in articles]


# --- HTML ---------------------------------------------------------------------------------------


def test_html_page_gives_clean_text_and_its_metadata_wins():
    (art,) = _process(Source(name="halaman.html", data=PAGE.encode()).articles())
    assert art.id == hashlib.sha1(PAGE.encode()).hexdigest()
    assert art.title == "Prabowo Bertemu Lavrov di Istana"
    assert art.outlet == "Kompas.com"
    assert art.authors == ["Budi Santoso"]
    # the page's date wins over the dateline's Rabu (18/6/2025), and says where it came from
    assert (art.published.value, art.published.how) == ("2025-06-17", "metadata")
    assert art.given["format"] == "html" and art.given["url"].startswith("https://nasional.kompas.com/")
    assert art.language == "id"
    assert "Sergey Lavrov" in art.text and "Lavrov mengatakan" in art.text
    for junk in ("Google Tag Manager", "dataLayer", "Terpopuler", "Copyright", "Baca juga", "Home"):
        assert junk not in art.text, junk
    assert not art.errors


def test_html_is_sniffed_whatever_the_name_and_gzip_is_opened(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "noext").write_text(PAGE)
    arts = [a for s in iter_sources([tmp_path]) for a in s.articles()]
    assert len(arts) == 3
    assert {a.title for a in arts} == {"Prabowo Bertemu Lavrov di Istana"}
    assert looks_like_html(PAGE) and not looks_like_html("Jakarta - Harga <b>cabai</b> naik.")


def test_html_charset_from_meta_is_used():
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "dua jam", "dua jam – café")
    (art,) = Source(name="a.html", data=page.encode("cp1252")).articles()
    assert art.encoding == "cp1252" and "café" in art.raw


@pytest.mark.parametrize(
    "page",
    [
        b"",
        b"<html><body></body></html>",
        b"<html><head><title>404 Not Found</title></head><body><h1>404</h1></body></html>",
        b"<html><body><div><p>Berita terpoton\xff\xfe",
        b"<!DOCTYPE html><html><body>" + b"<div>" * 5000 + b"x",
    ],
)
def test_empty_broken_or_non_article_pages_get_an_error_never_a_crash(page):
    (art,) = _process(Source(name="rusak.html", data=page).articles())
    assert art.errors


def test_binary_named_html_is_skipped():
    with pytest.raises(NotAnArticle, match="not an HTML page"):
        list(Source(name="x.html", data=b"\x89PNG\r\n\x1a\n" + b"\x00" * 40).articles())


def test_huge_html_is_refused_with_a_message(tmp_path):
    big = tmp_path / "besar.html"
    big.write_bytes(b"<html><body>" + b"<p>kata</p>" * (11 * 1024 * 1024 // 11) + b"</body></html>")
    with pytest.raises(ValueError, match="over the 10 MiB limit"):
        list(Source(name=str(big), path=big).articles())


def test_html_article_given_metadata_beats_the_page():
    (art,) = _process([html_article(PAGE.encode(), "x", given={"title": "Judul dari feed", "published": "2025-06-01"})])
    assert art.title == "Judul dari feed" and art.published.value == "2025-06-01"


# --- given metadata -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2025-06-18T14:05:00+07:00", "2025-06-18T14:05"),
        ("2025-06-18", "2025-06-18"),
        ("Diperbarui 18 Jun 2025, 14:05 WIB", "2025-06-18T14:05"),
        ("Rabu, 18 Juni 2025", "2025-06-18"),
        ("June 18, 2025", "2025-06-18"),
        ("kemarin", None),
        ("2025-13-45", None),
    ],
)
def test_given_dates(text, value):
    p = parse_date(text)
    assert (p.value if p else None) == value
    if p:
        assert p.how == "metadata" and p.text == text


def test_split_authors():
    assert split_authors("Budi Santoso; Ani") == ["Budi Santoso", "Ani"]
    assert split_authors("Budi Santoso dan Ani Lestari") == ["Budi Santoso", "Ani Lestari"]
    assert split_authors(["A B", {"name": "C D"}]) == ["A B", "C D"]


# --- tables -------------------------------------------------------------------------------------

TEXT1 = ("Liputan6.com, Jakarta - Presiden Prabowo Subianto meresmikan bendungan baru di Jawa Tengah pada"
         " Senin (16/6/2025).\nBendungan itu mengairi ribuan hektare sawah petani di tiga kabupaten.")
TEXT2 = ("Liputan6.com, Surabaya - Harga cabai rawit di Pasar Keputran naik dua kali lipat.\n"
         "Pedagang mengeluhkan pasokan yang berkurang sejak pekan lalu.")


def _csv_rows(delim=","):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim)
    w.writerow(["\ufeffsumber", "url", "judul", "author", "tanggal_publikasi", "isi_berita"])
    w.writerow(["liputan6.com", "https://www.liputan6.com/news/read/1/bendungan", "Prabowo Resmikan Bendungan",
                "Sulung Lahitani", "Diperbarui 18 Jun 2025, 14:05 WIB", TEXT1])
    w.writerow(["liputan6.com", "https://www.liputan6.com/bisnis/read/2/cabai", "Harga Cabai Naik",
                "Natasha Amani", "Diperbarui 13 Jun 2025, 08:14 WIB", TEXT2])
    w.writerow(["liputan6.com", "https://www.liputan6.com/x/3", "Kosong", "", "", ""])
    return buf.getvalue()


def test_csv_rows_are_articles_with_given_metadata():
    arts = _process(Source(name="scrape.csv", data=_csv_rows().encode("utf-8")).articles())
    assert len(arts) == 3
    a, b, empty = arts
    assert a.source == "https://www.liputan6.com/news/read/1/bendungan"
    assert a.id == hashlib.sha1(f"{TEXT1}\n{a.source}".encode()).hexdigest()
    assert (a.title, a.outlet, a.authors) == ("Prabowo Resmikan Bendungan", "liputan6.com", ["Sulung Lahitani"])
    assert (a.published.value, a.published.precision, a.published.how) == ("2025-06-18T14:05", "minute", "metadata")
    assert a.given["row"] == "scrape.csv:2" and a.given["url"] == a.source
    assert "bendungan baru" in a.text and "ribuan hektare" in a.text
    assert b.title == "Harga Cabai Naik" and b.published.value == "2025-06-13T08:14"
    assert empty.errors and "no text" in empty.errors[0]


def test_tsv_and_jsonl_and_column_map(tmp_path):
    (tmp_path / "a.tsv").write_text(_csv_rows("\t"))
    rows = [{"isi": TEXT1, "link": "https://x.id/1", "headline": "Satu", "tanggal": "2025-06-18"},
            {"isi": TEXT2, "link": "https://x.id/2"}]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n{bukan json\n[1]\n")
    tsv = list(Source(name="a.tsv", path=tmp_path / "a.tsv").articles())
    assert [a.title for a in tsv][:2] == ["Prabowo Resmikan Bendungan", "Harga Cabai Naik"]
    jl = _process(Source(name="b.jsonl", path=tmp_path / "b.jsonl").articles())
    assert [a.given.get("title") for a in jl[:2]] == ["Satu", None]
    assert jl[0].published.value == "2025-06-18" and jl[0].source == "https://x.id/1"
    assert "not valid JSON" in jl[2].errors[0] and "not a JSON object" in jl[3].errors[0]
    # an explicit map: the body is in a column no common name covers
    (tmp_path / "c.csv").write_text("naskah,waktu_terbit\n\"" + TEXT2 + "\",13/06/2025\n")
    with pytest.raises(NotAnArticle, match="no text column"):
        list(Source(name="c.csv", path=tmp_path / "c.csv").articles())
    cols = parse_column_map("text=naskah,date=waktu_terbit")
    (c,) = _process(Source(name="c.csv", path=tmp_path / "c.csv", columns=cols).articles())
    assert "Pasar Keputran" in c.raw and c.published.value == "2025-06-13"


def test_column_map_errors():
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        parse_column_map("isi")
    with pytest.raises(TableError, match="no column 'x'"):
        map_columns(["a"], (("text", "x"),))
    assert map_columns(["Isi Berita", "Judul"]) == {"text": "Isi Berita", "title": "Judul"}


# --- CLI: folders of any mix ---------------------------------------------------------------------


def test_cli_folder_mix_skips_what_it_cannot_read(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(PAGE)
    (pages / "b.csv").write_text(_csv_rows())
    (pages / "c.txt").write_text("Jakarta - Harga cabai naik lagi pekan ini di pasar tradisional.\n")
    (pages / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    (pages / "catatan.md").write_text("bukan berita")
    db = tmp_path / "x.db"
    rc = main(["run", str(pages), "--db", str(db), "-q", "--workers", "1"])
    err = capsys.readouterr().err
    assert rc == 1  # the skipped files and the empty row count as failures
    assert "catatan.md" in err and "foto.png" in err
    import sqlite3

    n = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n == 5  # the page, three rows, the text


def test_cli_map_option_and_nothing_to_ingest(tmp_path, capsys):
    (tmp_path / "c.csv").write_text("naskah,waktu\n\"" + TEXT2 + "\",13/06/2025\n")
    db = str(tmp_path / "x.db")
    assert main(["run", str(tmp_path / "c.csv"), "--db", db, "-q", "--map", "text=naskah,date=waktu"]) == 0
    assert main(["run", str(tmp_path / "c.csv"), "--db", db, "-q", "--map", "bogus"]) == 2
    empty = tmp_path / "kosong"
    empty.mkdir()
    capsys.readouterr()
    assert main(["run", str(empty), "--db", db, "-q"]) == 1
    assert "nothing to ingest" in capsys.readouterr().err


# --- WARC ---------------------------------------------------------------------------------------

PLAIN_PAGE = (
    "<html><head><title>Banjir di Semarang</title></head><body><article><h1>Banjir di Semarang</h1>"
    "<p>Banjir merendam ratusan rumah warga di Kecamatan Genuk, Semarang, setelah hujan deras sepanjang malam."
    " Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak ke posko pengungsian terdekat.</p>"
    "<p>Warga berharap pemerintah kota segera memperbaiki saluran air yang tersumbat sampah di kawasan itu.</p>"
    "</article></body></html>"
)


def _warc(path, gz=True):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)

        def response(uri, body, ctype="text/html; charset=utf-8", status="200 OK", date="2025-06-19T01:02:03Z"):
            hdrs = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=hdrs,
                                                warc_headers_dict={"WARC-Date": date}))

        w.write_record(w.create_warc_record("https://kompas.com/a/1", "request", payload=io.BytesIO(b"GET /")))
        response("https://kompas.com/a/1", PAGE.encode())
        response("https://kompas.com/logo.png", b"\x89PNG\r\n\x1a\n", ctype="image/png")
        response("https://kompas.com/hilang", b"<html><body>404</body></html>", status="404 Not Found")
        response("https://semarang.example/banjir", PLAIN_PAGE.encode(), date="2025-02-03T04:05:06Z")


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_are_articles(tmp_path, gz):
    path = tmp_path / ("arsip.warc.gz" if gz else "arsip.warc")
    _warc(path, gz)
    arts = _process(Source(name=str(path), path=path).articles())
    assert [a.source for a in arts] == ["https://kompas.com/a/1", "https://semarang.example/banjir"]
    page, plain = arts
    assert page.id == hashlib.sha1(PAGE.encode()).hexdigest()
    assert page.published.value == "2025-06-17" and page.given["fetched"] == "2025-06-19T01:02:03"
    # no date in the page nor in its text: the WARC date is the fallback
    assert (plain.published.value, plain.published.how) == ("2025-02-03T04:05", "metadata")
    assert plain.published.text.startswith("fetched") and "Genuk" in plain.text


def test_broken_warc_is_skipped_with_its_name(tmp_path):
    bad = tmp_path / "rusak.warc"
    bad.write_bytes(b"this is not a warc file\r\n\r\n")
    with pytest.raises(NotAnArticle, match=r"rusak\.warc"):
        list(Source(name=str(bad), path=bad).articles())


def test_cli_reads_a_warc(tmp_path, capsys):
    _warc(tmp_path / "arsip.warc.gz")
    db = str(tmp_path / "x.db")
    assert main(["run", str(tmp_path / "arsip.warc.gz"), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "2 new" in out and "Banjir di Semarang" in out


def test_extracted_text_keeps_short_lines_the_page_put_in_its_article():
    page = PAGE.replace("<h1>Prabowo Bertemu Lavrov di Istana</h1>",
                        "<h1>Prabowo Bertemu Lavrov di Istana</h1><p>Kunjungan kerja dua hari</p>")
    (art,) = _process(Source(name="a.html", data=page.encode()).articles())
    assert "Kunjungan kerja dua hari" in art.text and "Baca juga" not in art.text


def test_cjk_page_is_an_article():
    para = "イスラエルとハマスの停戦交渉を仲介しているカタールの外務省報道官は十四日、合意に近づいていると語った。"
    page = f"<html><head><title>停戦</title></head><body><article><h1>停戦</h1><p>{para}</p><p>{para[::-1]}。</p>" \
           "</article></body></html>"
    (art,) = _process(Source(name="jp.html", data=page.encode()).articles())
    assert not art.errors and para in art.text
