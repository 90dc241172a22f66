"""Recall steps of `linimasa.entities.recall` (issue 11, helper ent11t), on sentences written for these
tests (not from any gold set): the classes of `bench/results/entity-recall11-before.md`."""

from __future__ import annotations

import pytest

from linimasa.entities.recall import complete_short_names, known_orgs_everywhere, settle_recall
from linimasa.model import Mention
from linimasa.text.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def at(text: str, surface: str, type_: str, nth: int = 0, source: str = "model") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, type_, source=source)  # type: ignore[arg-type]


def spans(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in sorted(mentions, key=lambda m: m.start)]


def test_person_inside_an_organisations_run_is_cut_out_by_the_later_first_name(gaz) -> None:
    text = ("Hal itu diungkap VP Marketing Cahaya Motor Indonesia Gilang Purnawan di Bandung. "
            "Gilang menambahkan, stok aman. Cahaya Motor Indonesia menjual 300 unit.")
    ms = [at(text, "VP Marketing Cahaya Motor Indonesia Gilang Purnawan", "ORG"), at(text, "Bandung", "GPE"),
          at(text, "Gilang", "PER", 1), at(text, "Cahaya Motor Indonesia", "ORG", 1)]
    out = spans(settle_recall(text, ms, "id", gaz))
    assert ("Gilang Purnawan", "PER") in out
    assert ("Cahaya Motor Indonesia", "ORG") in out and out.count(("Cahaya Motor Indonesia", "ORG")) == 2
    assert not any("VP" in t for t, _ in out)


def test_initials_inside_a_name_join_it(gaz) -> None:
    text = "Direktur Utama Bank Sejahtera Nando RT Simbolon mengatakan bunga naik. \"Berat,\" ujar Nando."
    ms = [at(text, "Bank Sejahtera", "ORG"), at(text, "Nando", "PER"), at(text, "RT Simbolon", "LOC"),
          at(text, "Nando", "PER", 1)]
    out = spans(complete_short_names(text, ms, "id", gaz))
    assert out == [("Bank Sejahtera", "ORG"), ("Nando RT Simbolon", "PER"), ("Nando", "PER")]


def test_two_different_runs_after_a_first_name_change_nothing(gaz) -> None:
    text = "Tamu pertama Hari Arifin tiba. Hari Wibowo datang pagi. Menurut Hari, acara meriah."
    ms = [at(text, "Hari", "PER", 2)]
    assert spans(complete_short_names(text, ms, "id", gaz)) == spans(ms)


def test_a_surname_starts_no_name(gaz) -> None:
    text = "Budi Santoso hadir. Santoso mengatakan bahwa grup Santoso Fan Club sudah besar."
    ms = [at(text, "Budi Santoso", "PER"), at(text, "Santoso", "PER", 1), at(text, "Santoso Fan Club", "ORG")]
    assert spans(complete_short_names(text, ms, "id", gaz)) == spans(ms)


def test_a_name_run_stops_at_a_weekday_and_a_word_written_lower_case_elsewhere(gaz) -> None:
    text = "Menurut Rendra Art Center Senin lalu, karya seni art modern laris. Rendra senang."
    ms = [at(text, "Rendra", "PER", 1)]
    out = spans(complete_short_names(text, ms, "id", gaz))
    assert out == [("Rendra", "PER")]


def test_organisation_swallowed_by_a_place_and_a_person_is_restored(gaz) -> None:
    text = ("Manajemen Garuda Muda United memecat pelatihnya. Direktur Utama Garuda Muda United Reza "
            "Maulana belum menjawab.")
    ms = [at(text, "Garuda Muda United", "ORG"), at(text, "Garuda Muda", "LOC", 1),
          at(text, "United Reza Maulana", "PER")]
    out = spans(known_orgs_everywhere(text, ms, "id", gaz))
    assert out == [("Garuda Muda United", "ORG"), ("Garuda Muda United", "ORG"), ("Reza Maulana", "PER")]


def test_a_place_inside_a_known_company_name_gives_way(gaz) -> None:
    text = "Kami sudah bicara sama Sinar Kencana Indonesia kemarin. Sinar Kencana Indonesia lalu memperbaikinya."
    ms = [at(text, "Indonesia", "GPE"), at(text, "Sinar Kencana Indonesia", "ORG", 1)]
    out = spans(known_orgs_everywhere(text, ms, "id", gaz))
    assert out == [("Sinar Kencana Indonesia", "ORG"), ("Sinar Kencana Indonesia", "ORG")]


def test_a_role_taken_into_a_known_organisation_is_cut_off(gaz) -> None:
    text = "Pelatih Garuda Muda United sudah pergi. Garuda Muda United mencari pengganti."
    ms = [at(text, "Pelatih Garuda Muda United", "ORG"), at(text, "Garuda Muda United", "ORG", 1)]
    out = spans(known_orgs_everywhere(text, ms, "id", gaz))
    assert out == [("Garuda Muda United", "ORG"), ("Garuda Muda United", "ORG")]


def test_bare_repeats_need_two_found_mentions_and_no_model_after(gaz) -> None:
    text = "Merapi Motor untung. Merapi Motor rugi? Kata warga, Merapi Motor X5 laris, dan Merapi Motor tetap."
    once = [at(text, "Merapi Motor", "ORG")]
    assert spans(known_orgs_everywhere(text, once, "id", gaz)) == spans(once)
    twice = [at(text, "Merapi Motor", "ORG"), at(text, "Merapi Motor", "ORG", 1)]
    out = known_orgs_everywhere(text, twice, "id", gaz)
    starts = sorted(m.start for m in out)
    assert len(out) == 3 and text.index("Merapi Motor X5") not in starts  # the model "X5" is not the firm


def test_an_acronym_in_brackets_is_left_to_the_acronym_rule(gaz) -> None:
    text = "Pekan Raya Kota (PRK) dibuka. PRK ramai dan PRK buka malam."
    ms = [at(text, "PRK", "ORG", 1), at(text, "PRK", "ORG", 2)]
    out = known_orgs_everywhere(text, ms, "id", gaz)
    assert all(text[m.start - 1] != "(" for m in out)


def test_a_company_acronym_spells_the_name_after_its_legal_form() -> None:
    from linimasa.entities import recognise

    text = ("Pabrik baru PT Nusa Kencana Logam (NKL) dibuka di Cilegon. Menurut manajemen, NKL akan "
            "menambah 200 pekerja tahun depan.")
    found = [(m.text, m.type) for m in recognise(text, "id", None)]
    assert found.count(("NKL", "ORG")) == 2


def test_an_acronym_after_a_legal_form_stays_one_mention_with_it() -> None:
    from linimasa.entities.rules import _after_legal_head, _company_initials_fit

    assert _company_initials_fit("PT Nusa Kencana Logam", "NKL")
    assert _company_initials_fit("PT Bank Nusa Kencana (Persero) Tbk", "BNK")
    assert not _company_initials_fit("PT Nusa Kencana Logam", "KTP")
    assert not _company_initials_fit("Nusa Kencana Logam", "NKL")  # no legal form: `_initials_fit`'s case
    text = "kata manajer PT NKL kemarin"
    assert _after_legal_head(text, text.index("NKL")) and not _after_legal_head("kata NKL", 5)


def test_a_name_before_an_age_is_a_person() -> None:
    from linimasa.entities.recall import people_by_age

    text = "Bengkel milik Rusdi Kamaril (58) ramai. \"Debu banyak,\" ujar Rusdi. Anaknya, RK (12), membantu."
    ms = [at(text, "Rusdi Kamaril", "ORG"), at(text, "Rusdi", "ORG", 1)]
    out = spans(people_by_age(text, ms, "id"))
    assert out == [("Rusdi Kamaril", "PER"), ("Rusdi", "PER"), ("RK", "PER")]
    counted = "Timnya lolos ke Liga Dua (2) musim ini."  # a small number is not an age
    assert people_by_age(counted, [], "id") == []


def test_a_lineup_substitute_in_brackets_is_a_player() -> None:
    from linimasa.entities.recall import lineup_substitutes

    text = "Susunan pemain: Budiman; Arkan Wijaya (Toledo 70'), Yusuf (Santiago Herrera 81')."
    ms = [at(text, "Budiman", "PER"), at(text, "Arkan Wijaya", "PER"), at(text, "Yusuf", "PER"),
          at(text, "Santiago", "GPE")]
    out = spans(lineup_substitutes(text, ms))
    assert ("Toledo", "PER") in out and ("Santiago Herrera", "PER") in out and ("Santiago", "GPE") not in out


def test_a_competitions_group_is_not_part_of_its_name() -> None:
    from linimasa.entities.recall import without_group_opener

    text = "Laga pamungkas Grup C Kejuaraan Voli Asia 2026 dan Grup DLiga Futsal Nusantara 2026 digelar."
    ms = [at(text, "Grup C Kejuaraan Voli Asia 2026", "EVT"), at(text, "Grup DLiga Futsal Nusantara 2026", "EVT")]
    out = spans(without_group_opener(text, ms))
    assert out == [("Kejuaraan Voli Asia 2026", "EVT"), ("Liga Futsal Nusantara 2026", "EVT")]


def test_a_brands_short_name_is_the_company_where_written_alone(gaz) -> None:
    from linimasa.entities.recall import brand_short_names

    text = ("Penjualan Zentra naik. Kami sudah bicara dengan Zentra Indonesia soal itu. Model Zentra X7 "
            "laris, kata Zentra, dan ZentraIndonesia menambah dealer.")
    ms = [at(text, "Zentra Indonesia", "ORG")]
    out = brand_short_names(text, ms, "id", gaz)
    zentra = sorted(m.start for m in out if m.text == "Zentra")
    assert zentra == [text.index("Zentra"), text.index("kata Zentra") + 5]  # not "Zentra X7", not glued
    city = "Armada Kalisari Bandung beroperasi. Warga naik Kalisari saja."
    ms = [at(city, "Kalisari Bandung", "ORG")]
    assert brand_short_names(city, ms, "id", gaz) == ms  # a city after it is not a brand's national arm


def test_a_sentence_opening_preposition_is_not_part_of_the_name() -> None:
    from linimasa.entities.recall import without_opener_word

    text = "\"Melalui Festival Kopi Priangan 2026, petani dikenal.\" Menurut warga, Bank Sentosa aman."
    ms = [at(text, "Melalui Festival Kopi Priangan 2026", "EVT"), at(text, "Bank Sentosa", "ORG")]
    out = spans(without_opener_word(text, ms, "id"))
    assert out == [("Festival Kopi Priangan 2026", "EVT"), ("Bank Sentosa", "ORG")]
    kept = [at(text, "Menurut warga", "ORG")]  # no capitalised name after the opener: left as it is
    assert spans(without_opener_word(text, kept, "id")) == [("Menurut warga", "ORG")]


def test_an_outlet_glued_to_the_next_word_ends_at_its_domain() -> None:
    from linimasa.entities.recall import without_glued_domain_tail

    text = "Saat Warta9.commenemui Rosa di pasar, Rosa tersenyum. Kata Warta9.com, pasar ramai."
    ms = [at(text, "Warta9.commenemui Rosa", "ORG"), at(text, "Rosa", "PER", 1), at(text, "Warta9.com", "ORG", 1)]
    out = spans(without_glued_domain_tail(text, ms))
    assert out == [("Warta9.com", "ORG"), ("Rosa", "PER"), ("Rosa", "PER"), ("Warta9.com", "ORG")]


def test_a_club_nickname_is_the_club_in_a_sport_article() -> None:
    from linimasa.entities.recall import club_nicknames

    sport = "Pelatih itu senang. The Gunners menang 2-0 di laga tandang."
    assert spans(club_nicknames(sport, [], "id")) == [("The Gunners", "ORG")]
    other = "Konser The Gunners digelar di Bandung tadi malam."  # no sport cue: left alone
    assert club_nicknames(other, [], "id") == []


def test_a_conjunction_opening_a_quote_is_not_part_of_the_name_a_nobles_title_is() -> None:
    """"Jadi Vidi bukan menghapus": the speaker's "so" opens the sentence, the person is Vidi; the Sasak
    title "Lalu" is the first word of a name ("Lalu Hadrian Irfani") and stays."""
    from linimasa.entities.recall import without_opener_word

    text = "\"Jadi Rendra bukan menghapus lagu itu,\" kata Yakup. Lalu Hadrian Irfani hadir."
    ms = [at(text, "Jadi Rendra", "PER"), at(text, "Lalu Hadrian Irfani", "PER")]
    assert spans(without_opener_word(text, ms, "id")) == [("Rendra", "PER"), ("Lalu Hadrian Irfani", "PER")]
