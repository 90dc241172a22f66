"""A time-table right after the last paragraph (dates, then lines that open with a clock time) is the
article's own text; a list of latest headlines with their times, under a heading, is not.
Texts written for these tests."""

from __future__ import annotations

from linimasa.clean import clean_article
from linimasa.ingest import ingest_text

SCHEDULE = """Festival Layang-layang Pantai Selatan Digelar Akhir Pekan Ini
Kamis, 12 Jun 2025 09:15 WIB
Panitia Festival Layang-layang Pantai Selatan memastikan seluruh persiapan acara sudah rampung pekan ini.
Ketua panitia, Dewi Anggraini, mengatakan peserta datang dari dua belas kabupaten di Jawa dan Bali.
"Kami berharap cuaca cerah sepanjang akhir pekan," kata Dewi kepada wartawan di lokasi acara.
Berikut jadwal lengkap festival tersebut.
Sabtu, 14 Juni 2025
Pukul 07.30 WIB: Pembukaan dan parade peserta
Pukul 13.00 WIB: Lomba layang-layang hias
Minggu, 15 Juni 2025
Pukul 08.00 WIB: Lomba layang-layang aduan
Pukul 16.00 WIB: Penutupan
"""

LATEST = """Festival Layang-layang Pantai Selatan Digelar Akhir Pekan Ini
Kamis, 12 Jun 2025 09:15 WIB
Panitia Festival Layang-layang Pantai Selatan memastikan seluruh persiapan acara sudah rampung pekan ini.
Ketua panitia, Dewi Anggraini, mengatakan peserta datang dari dua belas kabupaten di Jawa dan Bali.
Berita Terkini
10.05 WIB: Harga Cabai Turun di Pasar Induk
09.40 WIB: Jalan Tol Macet Panjang
"""


def test_timetable_after_the_text_is_kept_with_its_dates() -> None:
    art = clean_article(ingest_text(SCHEDULE))
    assert art.text.endswith("Pukul 16.00 WIB: Penutupan")
    for line in ("Sabtu, 14 Juni 2025", "Pukul 07.30 WIB: Pembukaan dan parade peserta", "Minggu, 15 Juni 2025"):
        assert line in art.text
    # the article's own date line above the text stays metadata
    assert next(ln for ln in art.lines if ln.n == 2).label == "metadata"


def test_timed_headlines_under_a_heading_stay_out() -> None:
    art = clean_article(ingest_text(LATEST))
    assert "Harga Cabai" not in art.text
    assert "Jalan Tol" not in art.text


HEADED_LIST = """Harga Tiket Kapal Cepat Naik Mulai Pekan Depan
Kamis, 12 Jun 2025 09:15 WIB
Operator kapal cepat di Pelabuhan Tanjung Emas menaikkan harga tiket untuk semua rute mulai pekan depan.
Kenaikan itu disebut mengikuti harga bahan bakar yang naik sejak awal bulan, berikut daftar lengkapnya.
Daftar harga tiket kapal 16 Juni 2025
Karimunjawa
Kendal
Diperbarui 12 Juni 2025, 10:00 WIB
"""


def test_a_heading_that_names_a_date_after_the_text_is_kept() -> None:
    art = clean_article(ingest_text(HEADED_LIST))
    assert art.text.endswith("Daftar harga tiket kapal 16 Juni 2025")
    # the page's own date stamp at the bottom stays metadata
    stamp = next(ln for ln in art.lines if ln.text.startswith("Diperbarui"))
    assert (stamp.label, stamp.kind) == ("metadata", "date")


ROUTES = """Cara ke Lokasi Pesta Rakyat dengan Transportasi Umum
Kamis, 12 Jun 2025 09:15 WIB
Panitia Pesta Rakyat mengimbau warga datang ke lokasi acara dengan transportasi umum pada akhir pekan ini.
Berikut pilihan transportasi umum yang bisa digunakan warga menuju lokasi acara.
- Bus Kota
*Jam operasional diperpanjang sampai pukul 23.00 WIB selama acara
- Kereta Ringan
Halte Taman Kota:
*Jam operasional diperpanjang sampai pukul 23.00 WIB selama acara
Panitia juga menyiapkan kantong parkir di tiga lokasi di sekitar taman kota, kata ketua panitia.
"""


def test_the_same_note_under_two_list_entries_is_kept_twice() -> None:
    art = clean_article(ingest_text(ROUTES))
    assert art.text.count("*Jam operasional diperpanjang") == 2


def test_a_copy_right_under_its_line_is_still_a_duplicate() -> None:
    text = ROUTES.replace("- Kereta Ringan\nHalte Taman Kota:\n", "")
    art = clean_article(ingest_text(text))
    assert art.text.count("*Jam operasional diperpanjang") == 1


MID_SCHEDULE = """Lomba Perahu Naga Kembali Digelar di Danau Kota
Kamis, 12 Jun 2025 09:15 WIB
Lomba perahu naga kembali digelar di danau kota setelah dua tahun absen, berikut jadwal lengkapnya.
Sabtu, 14 Juni 2025
Pukul 07.30 WIB: Babak penyisihan
Minggu, 15 Juni 2025
Pukul 09.00 WIB: Babak final
Penonton yang ingin datang langsung bisa membeli tiket di loket yang disiapkan panitia di tepi danau.
"""


def test_timetable_between_paragraphs_keeps_its_dates() -> None:
    art = clean_article(ingest_text(MID_SCHEDULE))
    for line in ("Sabtu, 14 Juni 2025", "Minggu, 15 Juni 2025", "Pukul 09.00 WIB: Babak final"):
        assert line in art.text
    assert next(ln for ln in art.lines if ln.n == 2).label == "metadata"


LABELLED_ITEM = """Pendaftaran Lomba Perahu Naga Dibuka Hari Ini
Senin, 16 Jun 2025 10:20 WIB
Panitia Lomba Perahu Naga Danau Toba membuka pendaftaran untuk tim dari seluruh provinsi mulai hari ini.
Ketua panitia menyebut kuota peserta tahun ini dinaikkan menjadi empat puluh tim.
Ketentuan pendaftaran sebagai berikut.
- Periode: 16 Juni - 30 Juni 2025
- Biaya: Rp 500 ribu per tim
Panitia juga menyiapkan hadiah utama berupa uang tunai dan piala bergilir bagi tim juara lomba tahun ini.
"""


def test_a_labelled_list_item_with_dates_between_paragraphs_is_text() -> None:
    art = clean_article(ingest_text(LABELLED_ITEM))
    assert "- Periode: 16 Juni - 30 Juni 2025" in art.text
    assert next(ln for ln in art.lines if ln.n == 2).label == "metadata"
