"""Rules from the fourth precision audit of unseen Indonesian news (issue 11, helper ent12a,
`bench/results/audit/ent12a-a31-before.tsv`), on sentences written for these tests (not from any
article or gold set)."""

from __future__ import annotations

from linimasa.entities.precision import _ent12a_city_halls, _ent12a_lone_titles, _ent12a_vehicles
from linimasa.model import Mention
from linimasa.resources import load_words


def at(text: str, surface: str, type_: str, nth: int = 0, source: str = "model") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, type_, source=source)  # type: ignore[arg-type]


def test_a_name_after_a_train_number_is_the_train() -> None:
    # a list of late trains whose line ends the scraper glued: "menitKA 7 ..."
    text = "Daftar kereta terlambat: KA 12 Bukit Kencana terlambat 40 menitKA 7 Sinar Pagi terlambat 25 menit."
    ms = [at(text, "Bukit Kencana", "PER"), at(text, "Sinar Pagi", "LOC")]
    assert _ent12a_vehicles(text, ms, "id") == []


def test_a_vessel_prefix_without_number_drops_the_name_too() -> None:
    text = "Kapal KMP Laut Biru tenggelam di dekat Pulau Sapudi."
    ms = [at(text, "Laut Biru", "LOC"), at(text, "Pulau Sapudi", "LOC")]
    assert [m.text for m in _ent12a_vehicles(text, ms, "id")] == ["Pulau Sapudi"]


def test_a_capital_before_the_prefix_is_another_word() -> None:
    # "SKA" is no train prefix; a name after a number alone stays
    text = "Pemain SKA Rudi Hartono dan pelatih 23 Dimas Prakoso hadir."
    ms = [at(text, "Rudi Hartono", "PER"), at(text, "Dimas Prakoso", "PER")]
    assert [m.text for m in _ent12a_vehicles(text, ms, "id")] == ["Rudi Hartono", "Dimas Prakoso"]


def test_a_title_alone_names_no_one() -> None:
    text = "Uskup memberkati gereja itu, lalu Pastor menyapa umat bersama Budi Sartono."
    ms = [at(text, "Uskup", "ORG"), at(text, "Pastor", "PER"), at(text, "Budi Sartono", "PER")]
    assert [m.text for m in _ent12a_lone_titles(ms, "id")] == ["Budi Sartono"]


def test_initials_are_no_title() -> None:
    # "MR" is a suspect's initials, not the English "Mr"
    text = "Polisi menangkap dua pelaku berinisial MR (24) dan AS (30)."
    ms = [at(text, "MR", "PER"), at(text, "AS", "PER")]
    assert [m.text for m in _ent12a_lone_titles(ms, "id")] == ["MR", "AS"]


def test_a_head_word_alone_is_no_person() -> None:
    # "Paroki" left over from the role "Pastor Paroki"; "Perseroan", the company the release is about
    text = "Pastor Paroki memimpin misa. Perseroan membagikan dividen, kata Hari Wibowo."
    ms = [at(text, "Paroki", "PER"), at(text, "Perseroan", "PER"), at(text, "Hari Wibowo", "PER")]
    assert [m.text for m in _ent12a_lone_titles(ms, "id")] == ["Hari Wibowo"]


def test_a_city_hall_is_a_building() -> None:
    text = "Wali kota berbicara di Balai Kota Semarang, lalu ke Kantor Pajak Semarang."
    ms = [at(text, "Balai Kota Semarang", "ORG"), at(text, "Kantor Pajak Semarang", "ORG")]
    assert [(m.text, m.type) for m in _ent12a_city_halls(ms, "id")] == [
        ("Balai Kota Semarang", "LOC"), ("Kantor Pajak Semarang", "ORG")]


def test_a_facility_word_without_a_name_after_it_changes_nothing() -> None:
    text = "Pengelola Taman dan Plaza milik swasta itu merugi."
    ms = [at(text, "Taman", "ORG")]
    assert [(m.text, m.type) for m in _ent12a_city_halls(ms, "id")] == [("Taman", "ORG")]


def test_titles_of_chefs_and_priests_are_cut_off() -> None:
    from linimasa.entities import default_recogniser, recognise

    text = "Acara masak dipandu Chef Rendra Wijaya, lalu Romo Antonius Suryo memimpin doa bersama Bik Sumi."
    got = {m.text for m in recognise(text, "id", default_recogniser()) if m.type == "PER"}
    assert got == {"Rendra Wijaya", "Antonius Suryo", "Sumi"}


def test_classes_named_by_acronym_are_no_entities() -> None:
    from linimasa.entities import default_recogniser, recognise

    text = ("Perbandingan gaji TKI di Malaysia naik, dan setiap sekolah wajib membentuk Unit Layanan "
            "Disabilitas (ULD) sesuai SOP.")
    assert [m.text for m in recognise(text, "id", default_recogniser())] == ["Malaysia"]
    assert {"TKI", "TTD", "SOP", "ULD", "PSE"} <= load_words("id", "not_entities.txt")
    text = "Truk dengan Over Dimension dan Over Loading dilarang, dan petugas wajib memakai APD, kata Budi Santoso."
    assert [m.text for m in recognise(text, "id", default_recogniser())] == ["Budi Santoso"]


def test_songs_calendars_and_a_capitalised_culture_word_make_a_people_adjective() -> None:
    from linimasa.entities.precision import _ent11u_adjectives

    text = ("Ia gemar lagu-lagu Sunda dan pop Melayu. Menurut kalender Jawa hari ini Kliwon. Pesta itu kental "
            "dengan nuansa Budaya Betawi, lalu tim tradisional Eropa datang ke Jawa Barat.")
    ms = [at(text, "Sunda", "LOC"), at(text, "Melayu", "GPE"), at(text, "Jawa", "LOC"), at(text, "Betawi", "PER"),
          at(text, "Eropa", "LOC"), at(text, "Jawa Barat", "GPE")]
    assert [m.text for m in _ent11u_adjectives(text, ms, "id")] == ["Eropa", "Jawa Barat"]


def test_airport_codes_in_a_route_list_are_no_entities() -> None:
    from linimasa.entities.precision import _ent12a_airport_codes

    text = ("Penerbangan batal: XY1201 Sorong (SOQ) - Manokwari (MKW)XY1202 Manokwari (MKW) - Sorong (SOQ). "
            "Acara di Jakarta International Expo (JIE) - Kemayoran dan Badan Pusat Statistik (BPS).")
    ms = [at(text, "Sorong", "GPE"), at(text, "SOQ", "ORG"), at(text, "MKW", "ORG"), at(text, "MKW", "ORG", 1),
          at(text, "SOQ", "ORG", 1), at(text, "JIE", "LOC"), at(text, "BPS", "ORG")]
    assert [m.text for m in _ent12a_airport_codes(text, ms)] == ["Sorong", "JIE", "BPS"]


def test_a_colour_after_a_capitalised_warna_is_no_entity() -> None:
    from linimasa.entities.precision import _colours

    text = "Warna baru yang ditawarkan adalah Deep Ocean Blue. Rina Susanti menyukainya."
    ms = [at(text, "Deep Ocean Blue", "PER"), at(text, "Rina Susanti", "PER")]
    assert [m.text for m in _colours(text, ms, "id")] == ["Rina Susanti"]


def test_a_name_after_sinetron_or_talkshow_is_a_work() -> None:
    from linimasa.entities.settle import _lists, _product_context

    lists = _lists("id")
    cues, after = lists["product_cues"], lists["product_cues_after"]
    assert _product_context("pemeran utama sinetron ", " itu", cues, after)
    assert _product_context("dalam talkshow ", " bersama", cues, after)
    assert not _product_context("kata pemeran ", " itu", cues, after)


def test_a_person_then_a_place_glued_on_is_one_name() -> None:
    from linimasa.entities.precision import _ent12a_person_then_place
    from linimasa.text.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    text = ("Penyanyi Rara Ayu Medan tampil, kata Direktur Lumina Indonesia. Bupati Bogor Rudy Susmanto hadir, "
            "sedangkan Sinta Dewi, Jakarta, absen.")
    ms = [at(text, "Rara Ayu", "PER"), at(text, "Medan", "GPE"), at(text, "Lumina", "PER"),
          at(text, "Indonesia", "GPE"), at(text, "Bogor", "GPE"), at(text, "Rudy Susmanto", "PER"),
          at(text, "Sinta Dewi", "PER"), at(text, "Jakarta", "GPE")]
    out = [(m.text, m.type) for m in _ent12a_person_then_place(text, ms, gaz)]
    assert out == [("Rara Ayu Medan", "PER"), ("Lumina Indonesia", "ORG"), ("Bogor", "GPE"),
                   ("Rudy Susmanto", "PER"), ("Sinta Dewi", "PER"), ("Jakarta", "GPE")]


def test_a_schedule_heading_is_cut_off_the_place_or_club() -> None:
    from linimasa.entities.precision import _ent12a_headings
    from linimasa.text.gazetteer import load_gazetteer

    text = "Jadwal Imsakiyah Malang (Jawa Timur) dan sekitarnya. Jadwal Persikota Raya pekan ini. Jadwalnya padat."
    ms = [at(text, "Jadwal Imsakiyah Malang", "ORG"), at(text, "Jadwal Persikota Raya", "ORG")]
    out = [(m.text, m.type, text[m.start : m.end]) for m in _ent12a_headings(ms, "id", load_gazetteer())]
    assert out == [("Malang", "GPE", "Malang"), ("Persikota Raya", "ORG", "Persikota Raya")]


def test_a_person_named_like_an_organisations_first_word_is_its_short_name() -> None:
    from linimasa.entities.precision import company_people

    text = ("Sirius Digital Holdings membeli saham itu. Sirius menyebut nilainya besar. Bank Jaya Abadi naik, "
            "kata Bank. Situs Lumbung.id ditutup; Lumbung membantah. Budi Group rugi, ujar Budi.")
    ms = [at(text, "Sirius Digital Holdings", "ORG"), at(text, "Sirius", "PER", 1),
          at(text, "Bank Jaya Abadi", "ORG"), at(text, "Bank", "PER", 1), at(text, "Lumbung.id", "ORG"),
          at(text, "Lumbung", "PER", 1), at(text, "Budi Group", "ORG"), at(text, "Budi", "PER", 1)]
    out = [(m.text, m.type) for m in company_people(text, ms, "id")]
    assert out == [("Sirius Digital Holdings", "ORG"), ("Sirius", "ORG"), ("Bank Jaya Abadi", "ORG"),
                   ("Bank", "PER"), ("Lumbung.id", "ORG"), ("Lumbung", "ORG"), ("Budi Group", "ORG"),
                   ("Budi", "PER")]


def test_an_acronym_or_other_name_written_after_an_organisation_is_its_short_name() -> None:
    from linimasa.entities.precision import company_people

    text = ("PT Sumber Tirta Lestari (STL) menambah sumur, kata Direktur STL. PT Kota Mandiri (Perseroda) atau "
            "Kotama menggelar acara; Kotama mengundang Rina (RN).")
    ms = [at(text, "PT Sumber Tirta Lestari", "ORG"), at(text, "STL", "PER", 1),
          at(text, "PT Kota Mandiri", "ORG"), at(text, "Kotama", "PER", 1), at(text, "Rina", "PER")]
    out = [(m.text, m.type) for m in company_people(text, ms, "id")]
    assert out == [("PT Sumber Tirta Lestari", "ORG"), ("STL", "ORG"), ("PT Kota Mandiri", "ORG"),
                   ("Kotama", "ORG"), ("Rina", "PER")]


def test_a_firm_ending_in_ratings_or_investments_is_an_organisation() -> None:
    from linimasa.entities.settle import _lists, _typed_by_head

    lists = _lists("id")
    text = "Moody Ratings dan Harmoni Investments membeli saham, kata Sinta Dewi."
    ms = [at(text, "Moody Ratings", "PER"), at(text, "Harmoni Investments", "PER"), at(text, "Sinta Dewi", "PER")]
    assert [(m.text, _typed_by_head(m, lists).type) for m in ms] == [
        ("Moody Ratings", "ORG"), ("Harmoni Investments", "ORG"), ("Sinta Dewi", "PER")]
