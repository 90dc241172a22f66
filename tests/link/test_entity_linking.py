"""Merging mentions into entities, across articles and languages, without over-merging."""

from __future__ import annotations

from linimasa.entities import recognise
from linimasa.link.entities import link_entities, spelling_key
from linimasa.model import Article, Corpus, Entity, Mention


def corpus(*texts: tuple[str, str]) -> Corpus:
    arts = []
    for i, (lang, text) in enumerate(texts):
        a = Article(id=f"a{i}", source=f"s{i}", text=text, language=lang)
        a.mentions = recognise(text, lang)
        arts.append(a)
    return link_entities(Corpus(articles=arts))


def by_name(c: Corpus, name: str) -> Entity:
    (e,) = [e for e in c.entities if e.name == name or name in e.aliases]
    return e


def test_within_article_surname_and_roles() -> None:
    c = corpus(("id", "Menteri Luar Negeri Jepang Takeshi Iwaya tiba di Seoul. Iwaya bertemu mitranya di sana."))
    e = by_name(c, "Takeshi Iwaya")
    assert e.type == "PER"
    assert {m.text for m in e.mentions} == {"Takeshi Iwaya", "Iwaya"}
    assert [(r.text, r.article) for r in e.roles] == [("Menteri Luar Negeri Jepang", "a0")]
    assert all(m.entity for a in c.articles for m in a.mentions)


def test_exonyms_and_acronyms_merge_across_languages() -> None:
    c = corpus(
        ("id", "Delegasi AS tiba di Moskow untuk berunding dengan pejabat Jerman."),
        ("en", "The United States delegation landed in Moscow on Monday, officials in Germany said."),
    )
    us = by_name(c, "AS")
    assert {m.article for m in us.mentions} == {"a0", "a1"}
    moscow = by_name(c, "Moscow")
    assert {"Moskow", "Moscow"} <= {moscow.name, *moscow.aliases}
    assert by_name(c, "Jerman") is by_name(c, "Germany")


def test_spelling_variants_of_a_full_name_merge() -> None:
    assert spelling_key("Sergey") == spelling_key("Sergei")
    c = corpus(
        ("id", "Presiden Volodymyr Zelenskyy berbicara di Kyiv."),
        ("en", "President Volodymyr Zelenskyi spoke in Kyiv."),
    )
    e = by_name(c, "Volodymyr Zelenskyy")
    assert {m.article for m in e.mentions} == {"a0", "a1"}


def test_surname_across_articles_needs_a_shared_story() -> None:
    c = corpus(
        ("id", "Kanselir Jerman Olaf Scholz bertemu Presiden Prancis di Berlin membahas NATO."),
        ("id", "Di Berlin, Scholz kembali membahas NATO bersama pejabat Prancis, kata Scholz."),
        ("id", "Aktor Rudi Scholz mencetak gol di Surabaya."),
        ("id", "Pelatih di Makassar memuji permainan itu, ujar Scholz kepada wartawan."),
    )
    olaf = by_name(c, "Olaf Scholz")
    assert {m.article for m in olaf.mentions} == {"a0", "a1"}
    rudi = by_name(c, "Rudi Scholz")
    assert {m.article for m in rudi.mentions} == {"a2"}
    # the last article shares no story with either: its Scholz stays on its own
    alone = [e for e in c.entities if e.type == "PER" and {m.article for m in e.mentions} == {"a3"}]
    assert len(alone) == 1 and alone[0].name == "Scholz"


def test_country_and_group_stay_apart() -> None:
    c = corpus(("id", "Pemerintahan Hamas di Gaza menolak tawaran Mesir, sementara Palestina menunggu."))
    hamas, palestine = by_name(c, "Hamas"), by_name(c, "Palestina")
    assert hamas.type == "ORG" and palestine.type == "GPE"
    assert hamas.id != palestine.id


def test_two_people_with_one_surname_in_one_article() -> None:
    text = "Menteri Keuangan Budi Santoso dan Gubernur Jawa Timur Agus Santoso hadir. Budi memuji rencana itu."
    c = corpus(("id", text))
    budi, agus = by_name(c, "Budi Santoso"), by_name(c, "Agus Santoso")
    assert budi.id != agus.id
    assert "Budi" in {m.text for m in budi.mentions}


def test_ids_are_deterministic() -> None:
    texts = (("id", "Presiden Rusia Vladimir Putin menerima delegasi Iran di Kremlin."),)
    first = [(e.id, e.name) for e in corpus(*texts).entities]
    again = [(e.id, e.name) for e in corpus(*texts).entities]
    assert first == again


def test_acronym_defined_in_one_article_joins_the_full_name_in_another() -> None:
    c = corpus(
        ("id", "Lembaga Penjamin Simpanan (LPS) menaikkan bunga. LPS menyebut likuiditas aman."),
        ("id", "Direksi Lembaga Penjamin Simpanan menggelar rapat di Jakarta."),
    )
    lps = by_name(c, "Lembaga Penjamin Simpanan")
    assert lps.type == "ORG"
    assert "LPS" in lps.aliases
    assert {m.article for m in lps.mentions} == {"a0", "a1"}


def test_rerun_and_new_articles_keep_entity_ids() -> None:
    def ids_in_first_article(c: Corpus) -> dict[str, str | None]:
        return {m.text: m.entity for m in c.articles[0].mentions}

    first = corpus(("id", "Uni Eropa dan NATO bertemu di Brussel membahas Ukraina."))
    more = corpus(
        ("id", "Uni Eropa dan NATO bertemu di Brussel membahas Ukraina."),
        ("en", "The European Union said NATO would meet again."),
    )
    assert ids_in_first_article(first) == ids_in_first_article(more)
    assert len(ids_in_first_article(first)) == 4


def test_nickname_joins_full_name_but_not_a_namesake() -> None:
    c = corpus(
        ("id", "Jokowi meresmikan bendungan di Jawa Tengah bersama Gubernur Ahmad Luthfi."),
        ("id", "Mantan Presiden Joko Widodo menghadiri acara itu. Widodo tersenyum."),
        ("id", "Menteri Kelautan Edhy Prabowo diperiksa KPK. Presiden Prabowo tidak berkomentar."),
    )
    jokowi = by_name(c, "Joko Widodo")
    assert {m.text for m in jokowi.mentions} == {"Jokowi", "Joko Widodo", "Widodo"}
    edhy = by_name(c, "Edhy Prabowo")
    assert {m.text for m in edhy.mentions} == {"Edhy Prabowo"}
    assert by_name(c, "Prabowo Subianto").id != edhy.id


def test_odd_corpora_do_not_break_linking() -> None:
    assert link_entities(Corpus()).entities == []
    empty = Article(id="e", source="e", text="", language="id")
    odd = Article(id="o", source="o", text="?? ((", language="und")
    odd.mentions = [Mention(0, 2, "??", "PER", source="model"), Mention(3, 5, "((", "ORG", source="model")]
    c = link_entities(Corpus(articles=[empty, odd]))
    assert all(m.entity for m in odd.mentions)
    assert len(c.entities) == 2


def test_ministry_names_merge_across_languages_but_not_across_countries() -> None:
    c = corpus(
        ("id", "Kementerian Luar Negeri Jepang memanggil duta besar Korea Selatan di Tokyo."),
        ("en", "Japan's Foreign Ministry said on Friday the Japanese Foreign Ministry would protest."),
        ("id", "Kementerian Luar Negeri Korea Selatan menolak tuduhan itu."),
    )
    japan = by_name(c, "Kementerian Luar Negeri Jepang")
    assert {m.text for m in japan.mentions} >= {"Kementerian Luar Negeri Jepang", "Japanese Foreign Ministry"}
    korea = by_name(c, "Kementerian Luar Negeri Korea Selatan")
    assert korea.id != japan.id


def test_group_named_as_a_government_is_still_an_organisation() -> None:
    c = corpus(
        ("id", "Pemerintahan Houthi di Yaman menahan kapal itu di Laut Merah."),
        ("en", "The Houthi government in Yemen said the ship was held."),
    )
    houthi = by_name(c, "Houthi")
    assert houthi.type == "ORG"
    assert {m.article for m in houthi.mentions} == {"a0", "a1"}
    yemen = by_name(c, "Yaman")
    assert yemen.type == "GPE" and yemen.id != houthi.id
    assert {"Yaman", "Yemen"} <= {yemen.name, *yemen.aliases}


def test_headline_spellings_become_aliases() -> None:
    text = "Presiden Volodymyr Zelenskyy tiba di Warsawa untuk bertemu pejabat Polandia."
    art = Article(id="h", source="h", text=text, language="id")
    art.title = "President Volodymyr Zelenskiy Visits Poland Again"
    art.mentions = recognise(text, "id")
    c = link_entities(Corpus(articles=[art]))
    assert "Volodymyr Zelenskiy" in by_name(c, "Volodymyr Zelenskyy").aliases
    assert "Poland" in {by_name(c, "Polandia").name, *by_name(c, "Polandia").aliases}


def _orgs(*names: str) -> Corpus:
    """One article per organisation name, each naming only it (no context to lean on)."""
    arts = []
    for i, name in enumerate(names):
        text = f"Pesawat {name} mendarat darurat."
        a = Article(id=f"a{i}", source=f"s{i}", text=text, language="id")
        a.mentions = [Mention(8, 8 + len(name), name, "ORG", source="model")]
        arts.append(a)
    return link_entities(Corpus(articles=arts))


def test_an_organisation_spelt_with_one_letter_more_or_less_is_one() -> None:
    c = _orgs("Saudi Airlines", "Saudia Airlines", "Saudia Airlnes", "Girl Squad", "Girls Squad")
    saudia = by_name(c, "Saudia Airlines")
    assert {m.article for m in saudia.mentions} == {"a0", "a1", "a2"}
    assert {m.article for m in by_name(c, "Girls Squad").mentions} == {"a3", "a4"}


def test_organisations_a_changed_letter_or_word_apart_stay_apart() -> None:
    c = _orgs("Persib Bandung", "Persik Bandung", "Timnas Putra", "Timnas Putri", "Bank Mandiri",
              "Bank Mandiri Syariah", "Persija", "Persijap", "Polres Bogor", "Polresta Bogor")
    assert len(c.entities) == 10


def test_organisation_spellings_meet_through_the_store(tmp_path) -> None:
    import linimasa

    db = str(tmp_path / "o.db")
    linimasa.process(texts=["Penerbangan Saudia Airlines menunda penerbangan ke Jakarta karena ancaman bom."], store=db)
    c = linimasa.process(texts=["Sebuah pesawat milik Saudi Airlines mendarat darurat di Kualanamu."], store=db)
    (e,) = [e for e in c.entities if "Saudia Airlines" in (e.name, *e.aliases)]
    assert len({m.article for m in e.mentions}) == 2


def test_a_person_counts_once_in_an_articles_context() -> None:
    """A person the gazetteer knows counts under its key alone, and a person named in full in two
    forms counts once: two keys for one person would dilute the shared-context share."""
    from linimasa.link.entities import link

    text = "Presiden Prabowo Subianto menerima Amir Khan Muttaqi di Jakarta. Amir Muttaqi lalu ke Bogor."
    a = Article(id="a0", source="s0", text=text, language="id")
    a.mentions = recognise(text, "id")
    keys = link([a]).article_keys["a0"]
    assert "person:prabowo-subianto" in keys
    people = sorted(k for k in keys if k.startswith("per:"))
    assert people == ["per:" + " ".join(spelling_key(t) for t in ("amir", "khan", "muttaqi"))]


def test_one_word_name_with_one_office_joins_across_unrelated_stories() -> None:
    c = corpus(
        ("id", "Menlu Sugiono bertemu Presiden Prancis di Paris."),
        ("id", "Di Jakarta, Menteri Luar Negeri RI Sugiono membuka pameran batik di Bandung."),
        ("id", "Bupati Garut Sugiono meresmikan pasar di Garut."),
        ("id", "Kapolres Sugiono memimpin apel di Medan."),
        ("id", "Kapolres Sugiono menghadiri upacara di Ambon."),
    )
    menlu = [e for e in c.entities if e.type == "PER" and "a0" in {m.article for m in e.mentions}]
    assert len(menlu) == 1 and {m.article for m in menlu[0].mentions} == {"a0", "a1"}
    # another office, or a bare title many people hold at once, is no evidence: each stays alone
    for art in ("a2", "a3", "a4"):
        (e,) = [e for e in c.entities if e.type == "PER" and art in {m.article for m in e.mentions}]
        assert {m.article for m in e.mentions} == {art}


def test_office_keys() -> None:
    from linimasa.link.entities import office_key

    assert office_key("Menlu") == office_key("Menteri Luar Negeri (RI)") == office_key("Menlu Indonesia")
    assert office_key("Menlu Rusia") != office_key("Menlu")
    assert office_key("Kapolres") is None and office_key("juru bicara") is None
    assert office_key("Kapolres Bogor") == "kapolres bogor"


def test_an_abbreviated_street_is_the_street_written_in_full() -> None:
    c = corpus(("en", "Water floods Quill Street every spring. The buildings at 8085 Quill St. will be removed."))
    e = by_name(c, "Quill Street")
    assert {m.text for m in e.mentions} == {"Quill Street", "Quill St."}
