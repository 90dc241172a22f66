"""Near-duplicates: copies with other boilerplate, a new title, a paragraph cut or reordered paragraphs
are found incrementally; a follow-up that adds material is not a copy; different stories are not."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from datasketch.hashfunc import sha1_hash32
from hypothesis import given, settings
from hypothesis import strategies as st

import linimasa
from linimasa.link.duplicates import (
    NUM_PERM,
    SEED,
    LeanMinHash,
    MinHash,
    _permutations,
    _sha1_hash32,
    band_hashes,
    keeps_opening,
    relate,
    shingles,
    signature,
)

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


# A developing story told twice by one outlet: the second report has a new lead and new quotes over
# the background paragraphs the outlet appends to each report.
FIRE = [
    "Gudang mebel di Jalan Raya Bogor terbakar pada Kamis dini hari dan api baru padam setelah empat jam, "
    "menurut keterangan petugas pemadam kebakaran di lokasi kejadian.",
    "Kepala dinas pemadam kebakaran mengatakan dua puluh unit mobil dikerahkan karena angin kencang membuat "
    "api cepat merambat ke bangunan di sebelah gudang tersebut.",
    "Pemilik gudang menyebut kerugian ditaksir mencapai miliaran rupiah karena ratusan lemari dan kursi yang "
    "siap dikirim ke pembeli ikut hangus terbakar.",
    "Sebelumnya, warga sekitar melihat asap hitam membubung dari atap gudang sekitar pukul dua dini hari dan "
    "segera menghubungi petugas melalui layanan darurat.",
    "Gudang tersebut berdiri di atas lahan seluas dua ribu meter persegi dan mempekerjakan sekitar enam puluh "
    "orang warga dari kampung di sekitarnya.",
    "Petugas kepolisian memasang garis polisi di sekitar lokasi dan meminta warga tidak mendekat karena sisa "
    "bangunan dikhawatirkan runtuh sewaktu-waktu.",
    "Dinas pemadam kebakaran mengingatkan pemilik gudang agar memasang alat pemadam api ringan dan memeriksa "
    "instalasi listrik secara berkala untuk mencegah kejadian serupa.",
    "Lalu lintas di Jalan Raya Bogor sempat dialihkan selama pemadaman sehingga antrean kendaraan mengular "
    "hingga dua kilometer ke arah selatan pada pagi harinya.",
    "Sejumlah pedagang di depan gudang memilih menutup lapak mereka karena udara di sekitar lokasi masih "
    "dipenuhi asap dan bau kayu terbakar hingga siang hari.",
    "Pihak kelurahan mendirikan posko di balai warga untuk menampung pekerja gudang yang kehilangan tempat "
    "kerja dan mendata kebutuhan keluarga mereka.",
]
FIRE_FIRST = "Gudang Mebel Terbakar\n\nJakarta, Kamis (19/6/2025) - " + "\n\n".join(FIRE) + "\n"
FIRE_NEXT = "Polisi Periksa Penjaga Gudang\n\nJakarta, Jumat (20/6/2025) - " + "\n\n".join([
    "Polisi memeriksa tiga penjaga gudang mebel yang terbakar untuk mencari tahu asal api, setelah tim "
    "laboratorium forensik menemukan bekas korsleting pada panel listrik utama.",
    "Kapolsek setempat mengatakan pemeriksaan berlangsung sejak pagi dan belum ada yang ditetapkan sebagai "
    "tersangka karena polisi masih menunggu hasil uji laboratorium.",
    *FIRE[3:],
]) + "\n"
ROUNDUP_INTRO = [
    "Sepanjang pekan ini beredar sejumlah kabar bohong di media sosial yang menyesatkan pembaca, mulai dari "
    "bantuan tunai palsu sampai lowongan kerja fiktif di perusahaan negara.",
    "Berikut rangkuman hasil pemeriksaan fakta yang telah kami terbitkan selama sepekan terakhir agar pembaca "
    "tidak mudah percaya pada pesan berantai yang beredar.",
    "Pertama, kabar tentang pembagian sembako gratis melalui tautan pendaftaran ternyata mengarah ke situs "
    "pencuri data pribadi dan tidak terkait instansi mana pun.",
]
FACT_CHECK = [
    "Sebuah pesan berantai menyebut ada lowongan kerja di perusahaan listrik negara tanpa tes dengan gaji "
    "belasan juta rupiah bagi lulusan sekolah menengah atas.",
    "Hasil penelusuran menunjukkan perusahaan tersebut tidak pernah membuka lowongan itu dan tautan dalam "
    "pesan mengarah ke formulir yang meminta nomor rekening pelamar.",
    "Juru bicara perusahaan menegaskan seluruh rekrutmen diumumkan di situs resmi dan tidak pernah dipungut "
    "biaya apa pun dari pelamar yang mendaftar.",
]
ROUNDUP = "Kumpulan Hoaks Sepekan\n\nJakarta, Kamis (19/6/2025) - " + "\n\n".join(ROUNDUP_INTRO + FACT_CHECK) + "\n"
FACT_CHECK_ALONE = ("Cek Fakta: Lowongan Kerja Tanpa Tes\n\nJakarta, Jumat (20/6/2025) - " + "\n\n".join(FACT_CHECK)
                    + "\n")


def test_a_copy_keeps_the_original_opening():
    first = FIRE_FIRST.split("\n\n", 1)[1]
    trimmed = "\n\n".join(["Jakarta - " + FIRE[0], *FIRE[1:4]])
    assert keeps_opening(trimmed, first)
    assert keeps_opening("\n\n".join([FIRE[1], FIRE[0], FIRE[6], FIRE[2]]), first)  # reordered
    assert not keeps_opening(FIRE_NEXT, first)  # only the background tail
    assert keeps_opening("anything", "Pendek sekali.")  # nothing to keep: no opinion


def test_new_lead_over_old_background_is_a_follow_up_not_a_copy():
    # MinHash alone takes it for a copy: it adds little that the first report does not say
    n_new, s_new = signature(FIRE_NEXT)
    n_old, s_old = signature(FIRE_FIRST)
    assert relate(n_new, n_old, float((s_new == s_old).mean())) == "duplicate"
    c = linimasa.process([FIRE_FIRST, FIRE_NEXT])
    first, nxt = (next(a for a in c.articles if needle in a.text) for needle in ("api baru padam", "Polisi memeriksa"))
    assert nxt.duplicate_of is None and nxt.follow_up_of == first.id
    assert first.duplicate_of is None


def test_an_article_inside_an_earlier_round_up_is_not_its_copy():
    c = linimasa.process([ROUNDUP, FACT_CHECK_ALONE])
    assert all(a.duplicate_of is None for a in c.articles)


# Three copies of one report (the real case: outlets' versions that differ by their length). The
# longest (`LONG`) adds enough to be only a follow-up of the shortest (`SHORT`), while the middle one
# (`MID`) is a copy of both, so the group holds together only through MID. MID was published first,
# LONG the next day, SHORT the day after: every copy must point at MID whatever the arrival order and
# whichever copies arrive together in one chunk.
QUAKE = [
    "Gempa bermagnitudo 5,8 mengguncang Kabupaten Cianjur pada Senin pagi dan membuat ratusan warga berhamburan "
    "keluar rumah karena guncangan terasa cukup kuat selama beberapa detik.",
    "Badan Meteorologi, Klimatologi, dan Geofisika menyebut pusat gempa berada di darat pada kedalaman sepuluh "
    "kilometer dan tidak berpotensi menimbulkan tsunami di pantai selatan.",
    "Petugas badan penanggulangan bencana mencatat sedikitnya tiga puluh rumah rusak ringan dan dua sekolah "
    "mengalami retak pada dinding ruang kelas di dua kecamatan.",
    "Warga di Kecamatan Cugenang memilih bertahan di tenda darurat di halaman rumah karena khawatir terjadi "
    "gempa susulan yang lebih besar pada malam hari.",
    "Bupati Cianjur meminta camat dan kepala desa mendata kerusakan secepatnya agar bantuan perbaikan rumah "
    "dapat segera disalurkan kepada keluarga yang terdampak.",
    "Rumah sakit daerah menerima belasan pasien dengan luka ringan akibat tertimpa genteng dan pecahan kaca "
    "jendela ketika gempa terjadi pada pagi hari itu.",
    "Kepala stasiun geofisika mengimbau warga tidak mudah percaya kabar bohong tentang gempa besar yang akan "
    "datang karena gempa tidak dapat diprediksi waktunya.",
    "Hingga siang hari petugas mencatat empat kali gempa susulan dengan kekuatan lebih kecil yang tidak "
    "dirasakan oleh sebagian besar warga di pusat kota.",
    "Dinas pendidikan meliburkan sekolah yang ruang kelasnya retak selama tiga hari sampai tim teknis "
    "memastikan bangunan tersebut aman untuk dipakai kembali.",
    "Relawan dari berbagai organisasi kemasyarakatan mulai berdatangan membawa tenda, selimut, dan makanan "
    "siap saji untuk warga yang bertahan di luar rumah.",
    "Perusahaan listrik negara memastikan pasokan listrik di wilayah terdampak kembali normal setelah "
    "sempat padam selama satu jam akibat gangguan pada gardu induk.",
]
MID = "Gempa Guncang Cianjur\n\nCianjur, Senin (16/6/2025) - " + "\n\n".join(QUAKE[:8]) + "\n"
LONG = "Gempa Magnitudo 5,8 di Cianjur\n\nCianjur, Selasa (17/6/2025) - " + "\n\n".join(QUAKE) + "\n"
SHORT = "Cianjur Diguncang Gempa\n\nCianjur, Rabu (18/6/2025) - " + "\n\n".join(QUAKE[:6]) + "\n"


def test_the_three_copies_relate_only_through_the_middle_one():
    def rel(new: str, old: str) -> str | None:
        (n1, s1), (n2, s2) = signature(new), signature(old)
        return relate(n1, n2, float((s1 == s2).mean()))

    assert rel(LONG, SHORT) == "follow_up" and rel(LONG, MID) == "duplicate" and rel(MID, SHORT) == "duplicate"


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
@pytest.mark.parametrize("split", [(3,), (1, 1, 1), (1, 2), (2, 1)])
def test_copies_point_at_the_earliest_copy_whatever_the_arrival_order_and_chunks(tmp_path, order, split):
    texts = [(MID, SHORT, LONG)[i] for i in order]
    db = str(tmp_path / "d.db")
    start = 0
    for size in split:  # each call is one chunk of the corpus stages
        c = linimasa.process(texts=texts[start:start + size], store=db)
        start += size
    # told apart by the last paragraph each keeps
    long_, mid, short = (next(a for a in c.articles if last[:60] in a.text
                              and not any(later[:60] in a.text for later in QUAKE[i + 1:]))
                         for i, last in ((10, QUAKE[10]), (7, QUAKE[7]), (5, QUAKE[5])))
    assert mid.duplicate_of is None
    assert short.duplicate_of == mid.id and long_.duplicate_of == mid.id


def test_signature_reuses_permutations_yet_equals_a_fresh_datasketch_minhash() -> None:
    """The permutations are drawn once per process; the values must stay those of a MinHash drawn anew."""
    from datasketch import LeanMinHash, MinHash

    from linimasa.link.duplicates import NUM_PERM, SEED, shingles, signature

    for text in ("banjir melanda lima desa di kabupaten bandung sejak senin pagi hingga sore", "a b c d e f g h"):
        fresh = MinHash(num_perm=NUM_PERM, seed=SEED)
        fresh.update_batch(list(shingles(text)))
        assert signature(text)[1].tolist() == LeanMinHash(fresh).hashvalues.tolist()


def test_datasketch_minhash_is_loaded_without_its_lsh_indexes_and_stays_the_package_s_class() -> None:
    """The stage loads datasketch's MinHash modules without the package's `__init__` (which imports
    scipy for its LSH indexes); in a fresh process: no scipy after the import, and a later
    `import datasketch` (the whole package) hands out the very classes the stage uses."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import linimasa.link.duplicates as d\n"
        "print(int('scipy' in sys.modules), int('datasketch' in sys.modules))\n"
        "import datasketch\n"
        "print(int(datasketch.MinHash is d.MinHash), int(datasketch.LeanMinHash is d.LeanMinHash),"
        " int(hasattr(datasketch, 'MinHashLSH')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    assert out == ["0", "0", "1", "1", "1"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["banjir", "Jakarta", "warga", "mengungsi", "hujan", "deras", "sejak", "pagi",
                                 "BPBD", "rumah", "terendam", "ketinggian", "air", "meter", "é", "2025"]),
                max_size=120))
def test_signature_hashes_shingles_as_datasketch_does(words: list[str]) -> None:
    # the shingles hashed at once (`_sha1_hash32`) give the MinHash that datasketch's own sha1_hash32 gave
    text = " ".join(words)
    sh = shingles(text)
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme="affine32")
    if sh:
        m.update_batch(list(sh))
    n, values = signature(text)
    assert n == len(sh)
    assert values.dtype == LeanMinHash(m).hashvalues.dtype
    assert np.array_equal(values, LeanMinHash(m).hashvalues)
    assert _sha1_hash32(list(sh)) == [sha1_hash32(s) for s in sh]


# An outlet's daily schedule piece: the same template every day, only the day (and a few names) new.
SCHEDULE = [
    "Piala Dunia Antarklub 2025 pada hari ini, {day} akan memainkan empat laga yang bisa disaksikan lewat "
    "siaran langsung dan live streaming secara gratis di televisi dan aplikasi resmi.",
    "Digelar di Amerika Serikat hingga pertengahan Juli mendatang, edisi ini menandai perubahan besar dalam "
    "sejarah kompetisi karena FIFA memasukkan juara dari empat musim terakhir di level kontinental.",
    "Turnamen ini menjadi ajang unjuk gigi para juara klub terbaik dunia, termasuk juara bertahan yang datang "
    "dengan skuad lengkap untuk mempertahankan gelar di panggung yang lebih kompetitif.",
    "Penonton di Indonesia dapat menyaksikan seluruh pertandingan tanpa biaya tambahan karena pemegang hak "
    "siar membuka tayangan gratis selama turnamen berlangsung hingga laga final.",
    "Jadwal lengkap pertandingan hari ini dapat dilihat di bawah ini beserta jam tayangnya dalam waktu "
    "Indonesia bagian barat agar pembaca tidak ketinggalan laga favoritnya.",
]


def _schedule(day: str) -> str:
    return "Jadwal Piala Dunia Antarklub Hari Ini\n\n" + "\n\n".join(SCHEDULE).replace("{day}", day) + "\n"


def test_the_same_template_on_another_day_is_not_a_copy():
    # MinHash takes them for copies (one date apart), but their leads report different days
    wed, fri = _schedule("Rabu (18/6/2025)"), _schedule("Jumat (20/6/2025)")
    n_a, s_a = signature(fri)
    n_b, s_b = signature(wed)
    assert relate(n_a, n_b, float((s_a == s_b).mean())) == "duplicate"
    c = linimasa.process([wed, fri])
    assert all(a.duplicate_of is None for a in c.articles)
    # the same day, re-dressed, is still a copy
    c = linimasa.process([wed, "Sumber: Liputan6.com\n\n" + wed])
    assert sum(a.duplicate_of is not None for a in c.articles) == 1


FORECAST = [
    "Laju Indeks Harga Saham Gabungan (IHSG) berpeluang menguat pada perdagangan Rabu (18/6/2025). Tiga "
    "rekomendasi saham ini pun jadi pilihan di tengah prediksi IHSG berpotensi naik.",
    "Analis sekuritas menuturkan, IHSG masih dalam tren naik jangka pendek yang menandakan tren mulai "
    "terbentuk meskipun belum sepenuhnya kuat setelah koreksi dua hari terakhir.",
    "Secara teknikal, indeks memiliki resistance di 7.194 dan 7.237 serta support di 7.103 dan 7.055, kata "
    "dia dalam catatannya yang diterima wartawan pada pagi hari ini.",
    "Saham pilihan hari ini antara lain saham bank besar dengan target harga yang naik, saham tambang "
    "dengan volume beli yang tinggi dan saham konsumer yang mulai pulih.",
    "Investor disarankan tetap disiplin menerapkan batas kerugian karena pasar masih dibayangi sentimen "
    "suku bunga bank sentral dan pergerakan harga komoditas dunia.",
]
OPENING = [
    "Indeks Harga Saham Gabungan (IHSG) Bursa Efek Indonesia pada Rabu pagi dibuka menguat 6,04 poin atau "
    "0,08 persen ke posisi 7.161,89 di tengah aksi beli investor domestik.",
    "Sementara itu, kelompok 45 saham unggulan atau Indeks LQ45 turun 0,41 poin atau 0,05 persen ke posisi "
    "799,47 dibandingkan penutupan perdagangan kemarin sore.",
]


def test_a_later_report_that_adds_figures_over_a_reprinted_one_is_its_follow_up():
    # the opening report puts the morning's prices above the forecast it reprints: new facts, not a copy,
    # whichever of the two arrives first
    forecast = ("IHSG Diprediksi Menguat\n\nDiperbarui 18 Jun 2025, 08:30 WIB\n\n" + "\n\n".join(FORECAST) + "\n")
    opening = ("IHSG Dibuka Menguat\n\nDiperbarui 18 Jun 2025, 09:12 WIB\n\n"
               + "\n\n".join([*OPENING, *FORECAST]) + "\n")
    for texts in ([forecast, opening], [opening, forecast]):
        c = linimasa.process(texts)
        assert all(a.duplicate_of is None for a in c.articles)
        later = next(a for a in c.articles if "dibuka menguat 6,04" in a.text)
        assert later.follow_up_of == next(a.id for a in c.articles if a is not later)


def test_a_cut_copy_stored_before_its_original_is_still_its_copy():
    """A trimmed copy can arrive before the text it was cut from (a scrape's order is not the outlets').
    Published at the same minute, or later, it is a copy of that text; a shorter report published
    earlier is the longer one's forerunner, and the longer one its follow-up."""
    original = "Gempa Guncang Cianjur\n\nDiperbarui 16 Jun 2025, 10:15 WIB\n\n" + "\n\n".join(QUAKE) + "\n"

    def cut(when: str) -> str:
        return f"Cianjur Diguncang Gempa\n\nDiperbarui 16 Jun 2025, {when} WIB\n\n" + "\n\n".join(QUAKE[:5]) + "\n"

    for when in ("10:15", "11:40"):  # the copy keeps the original's time, or is put out after it
        c = linimasa.process([cut(when), original])
        short, long_ = c.articles
        assert long_.duplicate_of == short.id or short.duplicate_of == long_.id, when
    c = linimasa.process([cut("08:05"), original])  # the short report came first: the long one adds to it
    short, long_ = c.articles
    assert short.duplicate_of is None and long_.duplicate_of is None and long_.follow_up_of == short.id
