"""Near-duplicates: copies with other boilerplate, a new title, a paragraph cut or reordered paragraphs
are found incrementally; a follow-up that adds material is not a copy; different stories are not."""

from __future__ import annotations

import linimasa
from linimasa.link.duplicates import band_hashes, relate, signature

P = [
    "Banjir merendam ratusan rumah warga di Kecamatan Dayeuhkolot, Kabupaten Bandung, sejak Senin malam "
    "setelah hujan deras mengguyur kawasan itu selama lima jam tanpa henti.",
    "Badan Penanggulangan Bencana Daerah mencatat ketinggian air mencapai satu meter di beberapa titik dan "
    "sebanyak 412 kepala keluarga terdampak oleh luapan Sungai Citarum.",
    "Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak ke masjid serta balai desa terdekat, "
    "sementara dapur umum didirikan di halaman kantor kecamatan.",
    "Kepala BPBD mengimbau warga di bantaran sungai tetap waspada karena hujan diperkirakan turun lagi "
    "hingga akhir pekan ini menurut prakiraan cuaca terbaru.",
]
ORIGINAL = "Banjir Rendam Dayeuhkolot\n\nBandung, Selasa (17/6/2025) - " + "\n\n".join(P) + "\n"
COPY = ("Ratusan Rumah di Dayeuhkolot Terendam\n\nBaca juga: Harga cabai naik\n\n" + "\n\n".join([P[1], P[0], P[3]])
        + "\n\nIkuti kami di media sosial.\n")
FOLLOW_UP = ORIGINAL + "\n\n" + "\n\n".join([
    "Pada Rabu pagi air mulai surut, namun lumpur setebal sepuluh sentimeter menutupi jalan dan lantai rumah "
    "sehingga warga bergotong royong membersihkan permukiman mereka sejak subuh.",
    "Pemerintah kabupaten menyalurkan bantuan beras, selimut, dan obat-obatan kepada 412 kepala keluarga itu "
    "serta menurunkan mobil tangki air bersih ke tiga desa.",
    "Bupati Bandung berjanji mempercepat normalisasi Sungai Citarum tahun depan agar banjir serupa tidak "
    "terulang setiap musim hujan di wilayah selatan kabupaten.",
    "Warga berharap tanggul yang jebol di dekat jembatan segera diperbaiki sebelum puncak musim hujan tiba "
    "pada bulan November mendatang menurut perkiraan petugas.",
    "Sementara itu, sekolah di tiga desa kembali dibuka pada Kamis setelah ruang kelas dibersihkan oleh "
    "guru dan relawan dari berbagai komunitas setempat.",
])
OTHER = ("Banjir Rendam Kota Medan\n\nMedan, Selasa (17/6/2025) - Banjir merendam ratusan rumah warga di "
         "Kecamatan Medan Maimun, Kota Medan, setelah Sungai Deli meluap akibat hujan deras sejak sore. "
         "Warga mengungsi ke rumah kerabat dan petugas pemadam kebakaran membantu menyedot air dari "
         "permukiman yang paling parah terdampak di tepi sungai itu.\n")


def test_relate_tells_copies_from_follow_ups():
    assert relate(100, 110, 0.85) == "duplicate"
    assert relate(200, 100, 0.45) == "follow_up"
    assert relate(100, 100, 0.05) is None


def test_signatures_and_bands_are_stable():
    n1, s1 = signature(ORIGINAL)
    n2, s2 = signature(ORIGINAL)
    assert n1 == n2 and (s1 == s2).all() and band_hashes(s1) == band_hashes(s2)


def test_copy_points_at_the_original_follow_up_and_other_story_do_not():
    c = linimasa.process([ORIGINAL, COPY, FOLLOW_UP, OTHER])
    by_src = {a.source: a for a in c.articles}
    orig, copy, follow, other = (by_src[f"<text {i}>"] for i in range(4))
    assert copy.duplicate_of == orig.id
    assert orig.duplicate_of is None and other.duplicate_of is None
    assert follow.duplicate_of is None and follow.follow_up_of == orig.id


def test_copy_found_against_the_store(tmp_path):
    db = str(tmp_path / "d.db")
    first = linimasa.process([ORIGINAL], store=db).articles[0]
    c = linimasa.process([COPY], store=db)
    copy = next(a for a in c.articles if a.id != first.id)
    assert copy.duplicate_of == first.id
