"""Recall by shape (`linimasa.entities.shapes`, helper entrec), on sentences written for these tests
(not from any gold set)."""

from __future__ import annotations

import re

import pytest

from linimasa.entities import default_recogniser, recognise
from linimasa.entities.shapes import (
    anniversaries,
    balinese_names,
    commissions,
    named_heads,
    outlet_self_names,
    police_unit_chains,
    streets,
    syllable_short_forms,
    youth_teams,
)
from linimasa.model import Mention
from linimasa.text.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def at(text: str, surface: str, type_: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, type_, source="model")  # type: ignore[arg-type]


def spans(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in sorted(mentions, key=lambda m: m.start)]


def test_an_outlet_naming_itself_is_an_organisation_even_glued() -> None:
    text = ("Harga cabai naik, kata pedagang kepadadetikcomsaat ditemui, seperti dilansirdetikJabar. "
            "Menurut pengamatanKompas.comdi pasar, stok aman, dikutip dariCNNIndonesia.com.")
    ms = [at(text, "CNNIndonesia", "ORG")]
    out = spans(outlet_self_names(text, ms, "id"))
    assert out == [("detikcom", "ORG"), ("detikJabar", "ORG"), ("Kompas.com", "ORG"), ("CNNIndonesia.com", "ORG")]


def test_a_word_with_detik_in_it_is_no_outlet() -> None:
    text = "Dalam hitungan detik, api membesar. Dua puluh detikSetelah itu warga keluar."
    assert outlet_self_names(text, [], "id") == []


def test_a_police_unit_joins_its_command_and_the_title_stays_out() -> None:
    text = ("Kasi Humas Polres Garut Iptu Joko Susilo mengatakan pelaku ditangkap. "
            "Kasat Reskrim Polresta Malang AKP Dedi Irawan menyebut barang bukti disita.")
    ms = [at(text, "Polres Garut", "ORG"), at(text, "Joko Susilo", "PER"), at(text, "Polresta Malang", "ORG")]
    out = spans(police_unit_chains(text, ms, "id"))
    assert ("Humas Polres Garut", "ORG") in out and ("Reskrim Polresta Malang", "ORG") in out
    assert ("Polres Garut", "ORG") not in out and not any(t.startswith("Kas") for t, _ in out)


def test_a_unit_without_a_police_command_is_left_alone() -> None:
    text = "Kepala Humas Universitas Andalas Budi Hartono menjelaskan jadwal wisuda."
    ms = [at(text, "Universitas Andalas", "ORG")]
    assert spans(police_unit_chains(text, ms, "id")) == [("Universitas Andalas", "ORG")]


def test_an_anniversary_with_its_ordinal_is_an_event_over_the_names_in_it() -> None:
    text = ("Menjelang HUT ke-81 Republik Indonesia, warga memasang bendera. Peringatan Hari Bhayangkara ke-80 "
            "Tahun 2026 digelar di Bandung. Pemkot menyiapkan HUT Kota Bogor ke-544 pada Juni.")
    ms = [at(text, "Republik Indonesia", "GPE"), at(text, "Bandung", "GPE"), at(text, "Kota Bogor", "GPE")]
    out = spans(anniversaries(text, ms, "id"))
    assert out == [("HUT ke-81 Republik Indonesia", "EVT"), ("Hari Bhayangkara ke-80 Tahun 2026", "EVT"),
                   ("Bandung", "GPE"), ("HUT Kota Bogor ke-544", "EVT")]


def test_a_day_without_name_or_ordinal_is_no_anniversary() -> None:
    text = "Pada Hari Senin, toko tutup. Hari ke-3 operasi pencarian dimulai pagi."
    assert anniversaries(text, [], "id") == []


def test_a_street_with_its_name_is_a_place_up_to_its_city(gaz) -> None:
    text = ("Kecelakaan terjadi di Jalan Letjen Suprapto Medan, lalu di Jalan Kenanga IV Nomor 12. "
            "Kemacetan mengular di Jalan Raya Bogor dan Jl. Gatot Subroto. Warga ikut Jalan Sehat.")
    ms = [at(text, "Suprapto", "PER")]
    out = spans(streets(text, ms, "id", gaz))
    assert out == [("Jalan Letjen Suprapto", "LOC"), ("Jalan Kenanga IV", "LOC"), ("Jalan Raya Bogor", "LOC"),
                   ("Jl. Gatot Subroto", "LOC")]


def test_shapes_in_the_whole_recogniser() -> None:
    text = ("Kadiv Humas Polri Irjen Sandi Nugroho mengatakan upacara HUT Bhayangkara ke-80 digelar di Jalan "
            "Merdeka Barat, seperti dilansir detikNews.")
    got = {(m.text, m.type) for m in recognise(text, "id")}
    assert {("Humas Polri", "ORG"), ("HUT Bhayangkara ke-80", "EVT"), ("Jalan Merdeka Barat", "LOC"),
            ("detikNews", "ORG")} <= got


def test_a_syllable_short_form_in_brackets_names_the_organisation_in_its_later_uses() -> None:
    text = ("Dana itu disalurkan lewat Himpunan Bank Milik Negara (Himbara). Menurut Himbara, dana cair "
            "pekan depan. Saham PT Bukit Asam Tbk (Ptba) naik, dan emas buatan PT Aneka Tambang Tbk (Antam) "
            "laris. Antam menambah produksi, sementara harga emas Antam turun.")
    ms = [at(text, "Himpunan Bank Milik Negara", "ORG"), at(text, "PT Aneka Tambang Tbk", "ORG")]
    out = syllable_short_forms(text, ms, "id")
    got = spans(out)
    assert got.count(("Himbara", "ORG")) == 2 and got.count(("Antam", "ORG")) == 2  # not "emas Antam"
    keys = {m.key for m in out if m.text in ("Himbara", "Himpunan Bank Milik Negara")}
    assert len(keys) == 1 and None not in keys


def test_a_bracketed_word_that_does_not_spell_the_name_is_left_alone() -> None:
    text = "Laporan itu dibuat Polres Rokan Hilir (Rohil) dan Perusahaan Listrik Negara (Persero) pekan lalu."
    ms = [at(text, "Polres Rokan Hilir", "ORG"), at(text, "Perusahaan Listrik Negara", "ORG")]
    assert spans(syllable_short_forms(text, ms, "id")) == [("Polres Rokan Hilir", "ORG"),
                                                            ("Perusahaan Listrik Negara", "ORG")]


def test_a_police_unit_and_command_nothing_found_is_one_organisation_up_to_the_rank() -> None:
    text = ("Pelaku ditangkap, kata Kasat Reskrim Polres Metro Bekasi Kota AKBP Dimas Pratama kepada wartawan. "
            "Kadiv Humas Polri Yudi Santosa menjelaskan hal itu.")
    ms = [at(text, "Metro", "GPE"), at(text, "Dimas Pratama", "PER"), at(text, "Yudi Santosa", "PER")]
    got = spans(police_unit_chains(text, ms, "id"))
    assert got == [("Reskrim Polres Metro Bekasi Kota", "ORG"), ("Dimas Pratama", "PER"), ("Humas Polri", "ORG"),
                   ("Yudi Santosa", "PER")]


def test_a_cabinet_is_an_organisation_unless_it_is_named_after_a_person(gaz) -> None:
    text = "Ia pernah menjabat di Kabinet Indonesia Maju, lalu di Kabinet Merah Putih. Kabinet Jokowi bubar."
    ms = [at(text, "Indonesia", "GPE"), at(text, "Jokowi", "PER")]
    got = spans(named_heads(text, ms, "id", gaz))
    assert got == [("Kabinet Indonesia Maju", "ORG"), ("Kabinet Merah Putih", "ORG"), ("Jokowi", "PER")]


def test_a_maker_after_a_product_word_does_not_take_the_company_out_of_the_article() -> None:
    text = ("JAKARTA - Xiaomi dilaporkan telah mengirimkan 20 juta ponsel sepanjang 2024. Xiaomi juga menjual "
            "8 juta tablet di India. Sebagian besar lini produk Xiaomi kini memakai cip baru.")
    got = [m.text for m in recognise(text, "id", default_recogniser()) if m.type == "ORG"]
    assert got.count("Xiaomi") >= 2


def test_a_numbered_commission_is_an_organisation_with_its_parliament_glued_or_not() -> None:
    text = ("Wakil Ketua Komisi I, Rina Wati, hadir. KetuaKomisi III DPRRI Joko Susilo menolak, sementara "
            "Ketua Komisi B DPRD DKI Jakarta Andi Saputra setuju. Komisi berapa pun tak penting.")
    ms = [at(text, "Rina Wati", "PER"), at(text, "Joko Susilo", "PER"), at(text, "Andi Saputra", "PER"),
          at(text, "DKI Jakarta", "GPE")]
    out = commissions(text, ms, "id")
    got = [(m.text, m.type) for m in out if m.type == "ORG"]
    assert got == [("Komisi I", "ORG"), ("Komisi III DPRRI", "ORG"), ("Komisi B DPRD DKI Jakarta", "ORG")]
    glued = next(m for m in out if m.text == "Komisi III DPRRI")
    assert glued.key == "name:komisi iii dpr ri"


def test_a_street_ends_at_the_line_and_at_a_full_stop_after_its_numeral(gaz) -> None:
    text = "Mobil menabrak tembok di Jalan Melati II.\nTak lama, warga datang ke Jalan Anggrek IV\nBesok pagi."
    assert spans(streets(text, [], "id", gaz)) == [("Jalan Melati II", "LOC"), ("Jalan Anggrek IV", "LOC")]


def test_a_country_with_an_age_group_is_its_youth_team(gaz) -> None:
    text = ("Jerman U-21 menang atas Spanyol U-21, sementara Timnas Jerman U-21 lolos. Kelompok Bintang U-23 "
            "bukan negara.")
    ms = [at(text, "Jerman", "GPE"), at(text, "Spanyol", "GPE")]
    out = youth_teams(text, ms, "id", gaz)
    assert spans(out) == [("Jerman U-21", "ORG"), ("Spanyol U-21", "ORG"), ("Timnas Jerman U-21", "ORG")]
    keys = {m.key for m in out if "Jerman" in m.text}
    assert len(keys) == 1


def test_a_balinese_name_is_a_person_and_ends_the_organisation_run_into_it() -> None:
    text = ("Kepala Kantor Imigrasi Denpasar I Made Surya Dharma menjelaskan aturan baru. Warga berkumpul di "
            "Jalan I Gusti Ngurah Rai pada Senin.")
    ms = [at(text, "Kantor Imigrasi Denpasar I Made Surya", "ORG"), at(text, "Dharma", "PER"),
          at(text, "Jalan I Gusti Ngurah Rai", "LOC")]
    assert spans(balinese_names(text, ms, "id")) == [("Kantor Imigrasi Denpasar", "ORG"),
                                                     ("I Made Surya Dharma", "PER"),
                                                     ("Jalan I Gusti Ngurah Rai", "LOC")]


def test_a_street_named_after_a_person_keeps_the_initials_and_drops_the_sentence_stop(gaz) -> None:
    text = "Ia tinggal di Jalan Ir. H. Juanda. Kantornya di Jalan Dr. Wahidin dan Jalan Pangeran Antasari."
    assert spans(streets(text, [], "id", gaz)) == [("Jalan Ir. H. Juanda", "LOC"), ("Jalan Dr. Wahidin", "LOC"),
                                                   ("Jalan Pangeran Antasari", "LOC")]


def test_a_company_after_pt_runs_to_the_person_or_its_glued_legal_form(gaz) -> None:
    text = ("Direktur PT Sinar Tambang Abadi Budi Hartono berbicara. Saham PT Kereta Biru Tbkatau KBRU naik, "
            "kata analis PT MGID kepada wartawan.")
    ms = [at(text, "Budi Hartono", "PER")]
    got = [t for t, ty in spans(named_heads(text, ms, "id", gaz)) if ty == "ORG"]
    assert got == ["PT Sinar Tambang Abadi", "PT Kereta Biru Tbk", "PT MGID"]


@pytest.mark.parametrize(("key", "pattern_key", "sentence"), [
    ("commission_cue", "commission_pattern", "Rapat Komisi III DPR RI digelar pagi ini."),
    ("commission_cue", "commission_pattern", "Ketua Komisi B DPRD Kota Malang hadir."),
    ("youth_team_cue", "youth_team_pattern", "Timnas Jepang U-20 menang atas Belanda U21 kemarin."),
])
def test_a_data_pattern_s_every_match_holds_its_cue(key: str, pattern_key: str, sentence: str) -> None:
    """The steps run a data pattern only where its cue is found: each match must hold the cue."""
    from linimasa.entities.shapes import _cue, _data

    pattern = re.compile(str(_data("id")[pattern_key]))
    cue = _cue("id", key)
    hits = list(pattern.finditer(sentence))
    assert hits and cue is not None
    assert all(cue.search(hit.group()) for hit in hits)
