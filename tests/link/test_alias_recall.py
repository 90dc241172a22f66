"""Aliases the link stage joins to their full names (issue 11, merge recall), and the look-alikes it
keeps apart. Mentions are placed by hand, so that each test reads the linking alone."""

from __future__ import annotations

from linimasa.link.entities import _part_of, link_entities, org_core
from linimasa.model import Article, Corpus, Entity, Mention


def _article(i: int, text: str, names: list[tuple[str, str]], lang: str = "id") -> Article:
    """An article whose mentions are the given (surface, type) pairs, each at its next occurrence."""
    a = Article(id=f"a{i}", source=f"s{i}", text=text, language=lang)
    at = 0
    for name, type_ in names:
        start = text.index(name, at)
        a.mentions.append(Mention(start, start + len(name), name, type_, source="model"))  # type: ignore[arg-type]
        at = start + len(name)
    return a


def _link(*articles: Article) -> Corpus:
    return link_entities(Corpus(articles=list(articles)))


def _entity_of(c: Corpus, article: str, surface: str) -> Entity:
    (e,) = {e.id: e for e in c.entities for m in e.mentions if m.article == article and m.text == surface}.values()
    return e


def test_an_acronym_written_as_a_word_is_the_acronym() -> None:
    c = _link(
        _article(0, "Pasukan Nato tiba di perbatasan, kata juru bicara Nato.", [("Nato", "ORG"), ("Nato", "ORG")]),
        _article(1, "Para menteri NATO bertemu di Brussel.", [("NATO", "ORG")]),
    )
    assert _entity_of(c, "a0", "Nato") is _entity_of(c, "a1", "NATO")


def test_a_short_word_in_capitals_first_is_not_taken_for_an_acronym() -> None:
    # three letters or fewer: "Pan" beside "PAN" (a party) may be a plain word or a name
    c = _link(
        _article(0, "Warung Pan buka sampai malam di Depok.", [("Pan", "ORG")]),
        _article(1, "Fraksi PAN menolak usulan itu.", [("PAN", "ORG")]),
    )
    assert _entity_of(c, "a0", "Pan") is not _entity_of(c, "a1", "PAN")


def test_legal_form_words_do_not_make_another_company() -> None:
    assert org_core("pt transjakarta") == "transjakarta"
    assert org_core("pt blue bird tbk") == "blue bird"
    assert org_core("pt pln(persero)") == org_core("pt pln (persero)") == "pln"
    assert org_core("zotac ltd") == "zotac"
    assert org_core("pt") == "pt"  # nothing but the legal form: as it is
    c = _link(
        _article(0, "Direksi PT Kereta Cepat Maju Tbk mengumumkan laba. Kereta Cepat Maju membagi dividen.",
                 [("PT Kereta Cepat Maju Tbk", "ORG"), ("Kereta Cepat Maju", "ORG")]),
        _article(1, "Saham PT Kereta Cepat Maju naik tajam.", [("PT Kereta Cepat Maju", "ORG")]),
    )
    e = _entity_of(c, "a0", "Kereta Cepat Maju")
    assert e is _entity_of(c, "a0", "PT Kereta Cepat Maju Tbk") is _entity_of(c, "a1", "PT Kereta Cepat Maju")


def test_a_company_and_a_person_sharing_a_word_stay_apart() -> None:
    c = _link(_article(0, "Direktur Utama Bluebird Adrianto Djokosoetono mengatakan PT Bluebird Tbk untung.",
                       [("Bluebird Adrianto Djokosoetono", "PER"), ("PT Bluebird Tbk", "ORG")]))
    assert _entity_of(c, "a0", "Bluebird Adrianto Djokosoetono") is not _entity_of(c, "a0", "PT Bluebird Tbk")


def test_a_name_without_its_last_word_is_the_person() -> None:
    assert _part_of(["Budi", "Arie"], ["Budi", "Arie", "Setiadi"])
    assert not _part_of(["Budi", "Setiadi", "Arie"], ["Budi", "Arie", "Setiadi"])
    c = _link(_article(0, "Menteri Koperasi Wiryo Gatot Sasmito hadir di Solo. Wiryo Gatot lalu pulang ke Jakarta.",
                       [("Wiryo Gatot Sasmito", "PER"), ("Wiryo Gatot", "PER")]))
    assert _entity_of(c, "a0", "Wiryo Gatot") is _entity_of(c, "a0", "Wiryo Gatot Sasmito")


def test_a_father_is_not_his_son_junior() -> None:
    assert not _part_of(["Donald", "Trump"], ["Donald", "Trump", "Jr"])
    c = _link(_article(0, "Robert Hale Jr. spoke after Robert Hale left the stage.",
                       [("Robert Hale Jr.", "PER"), ("Robert Hale", "PER")], lang="en"))
    assert _entity_of(c, "a0", "Robert Hale") is not _entity_of(c, "a0", "Robert Hale Jr.")


def test_a_clubs_short_form_and_nickname_join_its_full_name_in_one_article() -> None:
    text = ("Manchester City menang 3-0. Man City kini memimpin klasemen, dan The Citizens "
            "hanya butuh satu kemenangan lagi. Pelatih City memuji pemainnya.")
    c = _link(_article(0, text, [("Manchester City", "ORG"), ("Man City", "ORG"), ("The Citizens", "ORG"),
                                 ("City", "ORG")]))
    e = _entity_of(c, "a0", "Manchester City")
    assert {m.text for m in e.mentions} == {"Manchester City", "Man City", "The Citizens", "City"}


def test_a_short_form_without_its_full_name_or_with_two_owners_stays_alone() -> None:
    c = _link(
        # no "Manchester United" in this article: "MU" may be anything
        _article(0, "Mahasiswa MU menggelar diskusi di kampus.", [("MU", "ORG")]),
        _article(1, "Manchester United dikalahkan Everton.", [("Manchester United", "ORG")]),
        # "City" beside two clubs whose names end in it: which one is not known
        _article(2, "Manchester City bermain imbang dengan Leicester City. City tampil buruk.",
                 [("Manchester City", "ORG"), ("Leicester City", "ORG"), ("City", "ORG")]),
    )
    assert _entity_of(c, "a0", "MU") is not _entity_of(c, "a1", "Manchester United")
    city = _entity_of(c, "a2", "City")
    assert city is not _entity_of(c, "a2", "Manchester City") and city is not _entity_of(c, "a2", "Leicester City")


def test_a_competitions_indonesian_name_joins_its_english_one_in_one_article() -> None:
    c = _link(_article(0, "Premier League musim ini ketat. Liga Inggris akan berakhir pada Mei.",
                       [("Premier League", "ORG"), ("Liga Inggris", "ORG")]))
    assert _entity_of(c, "a0", "Liga Inggris") is _entity_of(c, "a0", "Premier League")


def test_an_acronym_that_spells_the_end_of_a_name_is_what_the_gazetteer_knows() -> None:
    from linimasa.link.entities import _known_acronym_of_tail

    navy = Mention(0, 2, "AS", "GPE", key="name:angkatan laut amerika serikat")
    assert _known_acronym_of_tail(navy) == "country:US"
    # an acronym of the whole name the gazetteer does not know keeps the name's key
    own = Mention(0, 4, "BPKD", "ORG", key="name:badan pengelola keuangan daerah")
    assert _known_acronym_of_tail(own) == "name:badan pengelola keuangan daerah"
    text = "Kapal Angkatan Laut Amerika Serikat (AS) meninggalkan Bahrain. Pejabat Amerika Serikat menolak berkomentar."
    a = _article(0, text, [("Angkatan Laut Amerika Serikat", "ORG"), ("AS", "GPE"), ("Amerika Serikat", "GPE")])
    a.mentions[0].key = a.mentions[1].key = "name:angkatan laut amerika serikat"
    a.mentions[2].key = "country:US"
    c = _link(a)
    assert _entity_of(c, "a0", "AS") is _entity_of(c, "a0", "Amerika Serikat")
    assert _entity_of(c, "a0", "AS") is not _entity_of(c, "a0", "Angkatan Laut Amerika Serikat")


def test_a_name_without_its_year_is_the_one_edition_named() -> None:
    c = _link(
        _article(0, "Final Piala Presiden 2025 digelar di Bandung. Piala Presiden tahun ini diikuti delapan tim.",
                 [("Piala Presiden 2025", "EVT"), ("Piala Presiden", "EVT")]),
        # two editions named: the yearless one may be either, and stays alone
        _article(1, "Brasil juara Piala Dunia 1994, Piala Dunia 2026 digelar di tiga negara. Piala Dunia selalu ramai.",
                 [("Piala Dunia 1994", "EVT"), ("Piala Dunia 2026", "EVT"), ("Piala Dunia", "EVT")]),
    )
    assert _entity_of(c, "a0", "Piala Presiden") is _entity_of(c, "a0", "Piala Presiden 2025")
    bare = _entity_of(c, "a1", "Piala Dunia")
    assert bare is not _entity_of(c, "a1", "Piala Dunia 1994") and bare is not _entity_of(c, "a1", "Piala Dunia 2026")
    assert _entity_of(c, "a1", "Piala Dunia 1994") is not _entity_of(c, "a1", "Piala Dunia 2026")


def test_an_unbracketed_acronym_joins_the_one_name_whose_initials_it_is() -> None:
    from linimasa.link.entities import initials

    assert initials("liberal democratic party") == "ldp"
    assert initials("royal bank of canada") == "rbc"  # no letter for "of"
    assert initials("pt bank rakyat indonesia (persero) tbk") == "bri"  # nor for the legal form
    assert initials("prabowo") == ""
    c = _link(
        _article(0, "The Moderate Reform Party won 40 seats. The MRP will lead talks, and the MRP chief spoke.",
                 [("Moderate Reform Party", "ORG"), ("MRP", "ORG"), ("MRP", "ORG")], lang="en"),
        # two names with the initials: which one is meant is not known
        _article(1, "Partai Rakyat Merdeka dan Persatuan Relawan Muda bertemu. PRM menolak hadir.",
                 [("Partai Rakyat Merdeka", "ORG"), ("Persatuan Relawan Muda", "ORG"), ("PRM", "ORG")]),
    )
    assert _entity_of(c, "a0", "MRP") is _entity_of(c, "a0", "Moderate Reform Party")
    prm = _entity_of(c, "a1", "PRM")
    assert prm is not _entity_of(c, "a1", "Partai Rakyat Merdeka")
    assert prm is not _entity_of(c, "a1", "Persatuan Relawan Muda")


def test_a_body_named_after_a_place_is_keyed_by_the_place_however_written() -> None:
    from linimasa.link.entities import org_key_name

    assert org_key_name("pemerintah provinsi dki jakarta") == org_key_name("pemerintah provinsi jakarta")
    assert org_key_name("bpbd jabar") == org_key_name("bpbd jawa barat")
    # the unit word stays in the name: the city's and the regency's agencies are two
    assert org_key_name("bpbd kota bogor") != org_key_name("bpbd kabupaten bogor")
    assert org_key_name("bpbd kota bogor") != org_key_name("bpbd bogor")
    assert org_key_name("bluebird") == "bluebird"  # no place: as it is
    c = _link(
        _article(0, "Dinas Kebudayaan DKI Jakarta membuka festival.", [("Dinas Kebudayaan DKI Jakarta", "ORG")]),
        _article(1, "Kepala Dinas Kebudayaan Jakarta hadir di Monas.", [("Dinas Kebudayaan Jakarta", "ORG")]),
        _article(2, "Dinas Kebudayaan Kota Bogor dan Dinas Kebudayaan Kabupaten Bogor berbagi panggung.",
                 [("Dinas Kebudayaan Kota Bogor", "ORG"), ("Dinas Kebudayaan Kabupaten Bogor", "ORG")]),
    )
    assert _entity_of(c, "a0", "Dinas Kebudayaan DKI Jakarta") is _entity_of(c, "a1", "Dinas Kebudayaan Jakarta")
    city, regency = "Dinas Kebudayaan Kota Bogor", "Dinas Kebudayaan Kabupaten Bogor"
    assert _entity_of(c, "a2", city) is not _entity_of(c, "a2", regency)


def test_a_competitions_name_in_another_language_is_it_in_any_article() -> None:
    c = _link(
        _article(0, "Arsenal memimpin Liga Inggris pekan ini.", [("Arsenal", "ORG"), ("Liga Inggris", "ORG")]),
        _article(1, "Arsenal lead the Premier League this week.", [("Arsenal", "ORG"), ("Premier League", "EVT")],
                 lang="en"),
    )
    assert _entity_of(c, "a0", "Liga Inggris") is _entity_of(c, "a1", "Premier League")


def test_a_yearless_name_joins_the_one_edition_of_another_article_of_its_story() -> None:
    c = _link(
        _article(0, "Real Madrid dan Chelsea tampil di Piala Dunia Antarklub 2025 di Amerika Serikat.",
                 [("Real Madrid", "ORG"), ("Chelsea", "ORG"), ("Piala Dunia Antarklub 2025", "EVT")]),
        _article(1, "Real Madrid menyiapkan skuad; Chelsea juga, jelang Piala Dunia Antarklub.",
                 [("Real Madrid", "ORG"), ("Chelsea", "ORG"), ("Piala Dunia Antarklub", "EVT")]),
    )
    assert _entity_of(c, "a1", "Piala Dunia Antarklub") is _entity_of(c, "a0", "Piala Dunia Antarklub 2025")
    # another story (no entity shared), or two editions named: the yearless name stays as it is
    c = _link(
        _article(0, "Real Madrid dan Chelsea tampil di Piala Dunia Antarklub 2025 di Amerika Serikat.",
                 [("Real Madrid", "ORG"), ("Chelsea", "ORG"), ("Piala Dunia Antarklub 2025", "EVT")]),
        _article(1, "Di Surabaya, panitia lomba layang-layang menonton Piala Dunia Antarklub.",
                 [("Surabaya", "GPE"), ("Piala Dunia Antarklub", "EVT")]),
        _article(2, "Real Madrid dan Chelsea juga tampil di Piala Dunia 1994 dan Piala Dunia 2026.",
                 [("Real Madrid", "ORG"), ("Chelsea", "ORG"), ("Piala Dunia 1994", "EVT"),
                  ("Piala Dunia 2026", "EVT")]),
        _article(3, "Real Madrid dan Chelsea mengirim pemain ke Piala Dunia.",
                 [("Real Madrid", "ORG"), ("Chelsea", "ORG"), ("Piala Dunia", "EVT")]),
    )
    assert _entity_of(c, "a1", "Piala Dunia Antarklub") is not _entity_of(c, "a0", "Piala Dunia Antarklub 2025")
    bare = _entity_of(c, "a3", "Piala Dunia")
    assert bare is not _entity_of(c, "a2", "Piala Dunia 1994") and bare is not _entity_of(c, "a2", "Piala Dunia 2026")


def test_a_yearless_name_meets_its_edition_through_the_store(tmp_path) -> None:
    import linimasa

    db = str(tmp_path / "e.db")
    first = "Real Madrid dan Chelsea akan tampil di Piala Dunia Antarklub 2025 yang digelar di Amerika Serikat."
    second = "Real Madrid mengalahkan Chelsea 2-1 dalam laga Piala Dunia Antarklub di Amerika Serikat, Minggu."
    linimasa.process(texts=[first], store=db)
    c = linimasa.process(texts=[second], store=db)
    found = [e for e in c.entities if e.name.startswith("Piala Dunia Antarklub")]
    assert len(found) == 1 and found[0].name == "Piala Dunia Antarklub 2025"
    assert len({m.article for m in found[0].mentions}) == 2


def test_a_name_without_the_generic_words_of_a_longer_one_joins_it() -> None:
    c = _link(
        _article(0, "The Green Party won again. Green leaders met, and the Ravenholt Party lost.",
                 [("Green Party", "ORG"), ("Green", "ORG"), ("Ravenholt Party", "ORG")], lang="en"),
        _article(1, "Warga Kecamatan Sukamaju mengungsi. Camat Sukamaju meminta bantuan.",
                 [("Kecamatan Sukamaju", "GPE"), ("Sukamaju", "GPE")]),
        _article(2, "Gojek Indonesia menambah armada; Gojek juga membuka layanan baru.",
                 [("Gojek Indonesia", "ORG"), ("Gojek", "ORG")]),
    )
    assert _entity_of(c, "a0", "Green") is _entity_of(c, "a0", "Green Party")
    assert _entity_of(c, "a0", "Ravenholt Party") is not _entity_of(c, "a0", "Green Party")
    assert _entity_of(c, "a1", "Sukamaju") is _entity_of(c, "a1", "Kecamatan Sukamaju")
    # a country after a company's name is its national arm, not a generic word: "Gojek" stays the brand
    # it is in every other article
    assert _entity_of(c, "a2", "Gojek") is not _entity_of(c, "a2", "Gojek Indonesia")


def test_a_mountain_or_a_lake_written_without_its_class_word_joins_it() -> None:
    """"Gunung Lewotobi Laki-Laki" and "Lewotobi Laki-laki" in one report of an eruption, "Mount
    Rainier" and "Rainier": one mountain, as "Kecamatan Sukamaju" and "Sukamaju" are one district."""
    c = _link(
        _article(0, "Gunung Lewotobi Laki-Laki kembali erupsi. Status Lewotobi Laki-laki naik.",
                 [("Gunung Lewotobi Laki-Laki", "LOC"), ("Lewotobi Laki-laki", "LOC")]),
        _article(1, "Ash from Mount Rainier fell on Tuesday; Rainier last erupted long ago.",
                 [("Mount Rainier", "LOC"), ("Rainier", "LOC")], lang="en"),
    )
    assert _entity_of(c, "a0", "Lewotobi Laki-laki") is _entity_of(c, "a0", "Gunung Lewotobi Laki-Laki")
    assert _entity_of(c, "a1", "Rainier") is _entity_of(c, "a1", "Mount Rainier")


def test_the_generic_words_rule_keeps_kinds_and_units_apart() -> None:
    c = _link(
        # a city and the township of its name; a city and the regency of its name
        _article(0, "Pana Township trustees met in Pana on Monday.", [("Pana Township", "GPE"), ("Pana", "GPE")],
                 lang="en"),
        _article(1, "Kabupaten Sukamaju dan Sukamaju berbeda.", [("Kabupaten Sukamaju", "GPE"), ("Sukamaju", "GPE")]),
        # a place and an organisation named after it
        _article(2, "Universitas Tanjungsari berdiri di Tanjungsari.",
                 [("Universitas Tanjungsari", "ORG"), ("Tanjungsari", "GPE")]),
        # two longer names with one distinctive part: which one is meant is not known
        _article(3, "Partai Maju dan Universitas Maju berseteru; Maju menolak.",
                 [("Partai Maju", "ORG"), ("Universitas Maju", "ORG"), ("Maju", "ORG")]),
    )
    assert _entity_of(c, "a0", "Pana") is not _entity_of(c, "a0", "Pana Township")
    assert _entity_of(c, "a1", "Sukamaju") is not _entity_of(c, "a1", "Kabupaten Sukamaju")
    assert _entity_of(c, "a2", "Tanjungsari") is not _entity_of(c, "a2", "Universitas Tanjungsari")
    maju = _entity_of(c, "a3", "Maju")
    assert maju is not _entity_of(c, "a3", "Partai Maju") and maju is not _entity_of(c, "a3", "Universitas Maju")


def test_glued_legal_forms_and_bracketed_acronyms_leave_the_key() -> None:
    from linimasa.link.entities import _unglued

    assert _unglued("PTTransJakarta") == "PT TransJakarta"
    assert _unglued("PT Energi UtamaTbk") == "PT Energi Utama Tbk"
    assert _unglued("PTSD") == "PTSD"  # no word of small letters after the glued form
    assert org_core("panitia khusus (pansus) haji") == "panitia khusus haji"
    c = _link(_article(0, "Direksi PTKereta Layang Sejahtera menunggu izin. Kereta Layang Sejahtera lalu membangun "
                          "stasiun, kata Badan Pengawas (Bawas) Transportasi Daerah. Badan Pengawas Transportasi "
                          "Daerah setuju.",
                       [("PTKereta Layang Sejahtera", "ORG"), ("Kereta Layang Sejahtera", "ORG"),
                        ("Badan Pengawas (Bawas) Transportasi Daerah", "ORG"),
                        ("Badan Pengawas Transportasi Daerah", "ORG")]))
    assert _entity_of(c, "a0", "PTKereta Layang Sejahtera") is _entity_of(c, "a0", "Kereta Layang Sejahtera")
    assert _entity_of(c, "a0", "Badan Pengawas (Bawas) Transportasi Daerah") is _entity_of(
        c, "a0", "Badan Pengawas Transportasi Daerah")


def test_an_acronym_of_syllables_joins_the_name_it_is_built_from() -> None:
    from linimasa.link.entities import syllable_acronym_of

    assert syllable_acronym_of("bapenda", "badan pendapatan daerah")
    assert syllable_acronym_of("kemenkeu", "kementerian keuangan")
    assert not syllable_acronym_of("bandung", "badan dunia")  # no syllable of each word
    assert not syllable_acronym_of("gerindra", "partai gerakan indonesia raya")  # not every word
    c = _link(_article(0, "Dinas Perikanan Laut membuka lelang. Kadis Diskanla menyebut Diskanla butuh dana.",
                       [("Dinas Perikanan Laut", "ORG"), ("Diskanla", "ORG"), ("Diskanla", "ORG")]))
    assert _entity_of(c, "a0", "Diskanla") is not _entity_of(c, "a0", "Dinas Perikanan Laut")  # "dis" is no prefix
    c = _link(_article(0, "Badan Pelestarian Hutan menanam bibit. Kepala Bapehut menyebut Bapehut butuh dana.",
                       [("Badan Pelestarian Hutan", "ORG"), ("Bapehut", "ORG"), ("Bapehut", "ORG")]))
    assert _entity_of(c, "a0", "Bapehut") is _entity_of(c, "a0", "Badan Pelestarian Hutan")
    # the legal form gives no syllable: "Asbanindo" of "PT Asuransi Bangun Indonesia"
    c = _link(_article(0, "PT Asuransi Bangun Indonesia membayar klaim. Asbanindo menyebut dana cukup.",
                       [("PT Asuransi Bangun Indonesia", "ORG"), ("Asbanindo", "ORG")]))
    assert _entity_of(c, "a0", "Asbanindo") is _entity_of(c, "a0", "PT Asuransi Bangun Indonesia")


def test_a_one_word_series_name_is_no_edition() -> None:
    c = _link(_article(0, "Rookie itu naik ke kelas MotoGP, dan MotoGP 2026 menjadi musim pertamanya.",
                       [("MotoGP", "EVT"), ("MotoGP 2026", "EVT")]))
    assert _entity_of(c, "a0", "MotoGP") is not _entity_of(c, "a0", "MotoGP 2026")


def test_one_full_name_in_several_articles_looks_for_its_longer_name_together() -> None:
    story = "Andrew Alturo Fahie was arrested in Miami by the Drug Enforcement Agency."
    roundup = "Andrew Fahie was mentioned in a roundup from Barbados."
    follow = "Andrew Fahie appeared in court in Miami, the Drug Enforcement Agency said."
    c = _link(
        _article(0, story, [("Andrew Alturo Fahie", "PER"), ("Miami", "GPE"), ("Drug Enforcement Agency", "ORG")],
                 lang="en"),
        # the roundup shares no story with the first article; it comes first, and alone it would
        # have kept the name apart from the longer one
        _article(1, roundup, [("Andrew Fahie", "PER"), ("Barbados", "GPE")], lang="en"),
        _article(2, follow, [("Andrew Fahie", "PER"), ("Miami", "GPE"), ("Drug Enforcement Agency", "ORG")],
                 lang="en"),
    )
    full = _entity_of(c, "a0", "Andrew Alturo Fahie")
    assert _entity_of(c, "a2", "Andrew Fahie") is full and _entity_of(c, "a1", "Andrew Fahie") is full
