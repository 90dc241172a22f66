"""ent12b (issue 11 recall): where the model's reading of a span is kept over the gazetteer's and the
rules', on sentences written for these tests (a stand-in model tags the spans it is given)."""

from __future__ import annotations

from linimasa.entities import _ent12b_known_inside, make_entities, recognise
from linimasa.entities.rules import cues_for
from linimasa.model import Article, Mention
from linimasa.text.gazetteer import load_gazetteer

CUES, GAZ = cues_for("id"), load_gazetteer()


class Tags:
    """A stand-in model: tags each (surface, type) at every place the text writes it, and, like the
    packaged model, says it read the whole text (so a name only a rule proposed once is dropped:
    `linimasa.entities._confirm_lone`)."""

    tags_whole_text = True

    def __init__(self, *tags: tuple[str, str]) -> None:
        self.tags = tags

    def tag(self, text: str) -> list[Mention]:
        out = []
        for surface, type_ in self.tags:
            i = text.find(surface)
            while i >= 0:
                out.append(Mention(i, i + len(surface), surface, type_, score=0.9))  # type: ignore[arg-type]
                i = text.find(surface, i + 1)
        return out


def mentions(text: str, *tags: tuple[str, str], language: str = "id") -> set[tuple[str, str]]:
    art = make_entities(recogniser=Tags(*tags))(Article(id="t", source="t", text=text, language=language))
    return {(m.text, m.type) for m in art.mentions}


# -- a unit or an event around a body the gazetteer knows (`_ent12b_known_inside`) ----------------------

def test_a_unit_around_a_known_body_keeps_the_models_span() -> None:
    got = mentions("Ia keluar dari kantor Reskrimsus Kejagung pada Selasa sore.", ("Reskrimsus Kejagung", "ORG"))
    assert got == {("Reskrimsus Kejagung", "ORG")}
    got = mentions("Relawan TRC-PB BPBD Kota Bandung tiba di lokasi kejadian.", ("TRC-PB BPBD Kota Bandung", "ORG"))
    assert got == {("TRC-PB BPBD Kota Bandung", "ORG")}
    got = mentions("Mereka mendirikan FIFA Hub di kantor itu.", ("FIFA Hub", "ORG"))
    assert got == {("FIFA Hub", "ORG")}


def test_an_event_named_after_its_organiser_keeps_the_models_span() -> None:
    got = mentions("Tim itu lolos ke babak utama FIFA Club Series tahun depan.", ("FIFA Club Series", "EVT"))
    assert ("FIFA Club Series", "EVT") in got
    assert ("FIFA", "ORG") not in got


def test_a_known_body_with_only_its_place_is_left_to_the_gazetteer() -> None:
    # every word of the model's span is the gazetteer's: nothing tells a unit apart
    got = mentions("Warga mengungsi setelah BPBD Jawa Barat memberi peringatan.", ("BPBD Jawa Barat", "ORG"))
    assert ("BPBD", "ORG") in got or ("BPBD Jawa Barat", "ORG") in got
    assert ("Jawa Barat", "GPE") in got or ("BPBD Jawa Barat", "ORG") in got


def test_no_longer_span_over_a_person_a_possessive_or_lower_case_words() -> None:
    got = mentions("Laporan NATO menyebut ancaman naik.", ("Laporan NATO menyebut", "ORG"))
    assert ("Laporan NATO menyebut", "ORG") not in got
    got = mentions("The European Union's envoy spoke.", ("European Union's", "ORG"), language="en")
    assert ("European Union's", "ORG") not in got


def test_a_given_name_after_the_body_is_no_unit() -> None:
    text = "Menurut BI Budi Santoso, inflasi turun."
    i = text.index("BI")
    body = Mention(i, i + 2, "BI", "ORG", source="gazetteer")
    assert not _ent12b_known_inside(Mention(i, i + 15, "BI Budi Santoso", "ORG"), [body], "id", CUES, GAZ)
    unit = "Satgas BI"
    inner = [Mention(7, 9, "BI", "ORG", source="gazetteer")]
    assert _ent12b_known_inside(Mention(0, len(unit), unit, "ORG"), inner, "id", CUES, GAZ)


# -- a rule's run that the model reads as an organisation and a person (`_ent12b_model_splits`) ----------

def test_a_rule_run_the_model_splits_into_an_organisation_and_a_person() -> None:
    text = "Namun, anggota Pansus Angket Rudi Hartono berbicara pada rapat."
    got = mentions(text, ("Pansus Angket", "ORG"), ("Rudi Hartono", "PER"))
    assert got == {("Pansus Angket", "ORG"), ("Rudi Hartono", "PER")}


def test_a_split_into_places_only_or_before_a_role_word_is_not_taken() -> None:
    text = "Polisi menyebut Metro City Police Detective Jonah Reyes memimpin penyelidikan."
    got = mentions(text, ("Metro City Police Detective", "ORG"), ("Jonah Reyes", "PER"), language="en")
    assert ("Metro City Police Detective", "ORG") not in got


# -- a club named by its city, as the model read it (`_ent12b_club_city`) --------------------------------

SPORT = "Pelatih itu memuji skuad dan kiper mudanya setelah laga. "


def test_a_city_the_model_reads_as_a_club_in_a_sport_article_is_the_club() -> None:
    got = mentions(SPORT + "Marseille menang dua gol atas tim tamu.", ("Marseille", "ORG"))
    assert ("Marseille", "ORG") in got


def test_a_city_after_a_locative_word_or_outside_sport_stays_a_place() -> None:
    got = mentions(SPORT + "Tim itu berlatih di Marseille sepekan.", ("Marseille", "ORG"))
    assert ("Marseille", "GPE") in got
    got = mentions("Harga sewa apartemen di pusat kota naik. Marseille menaikkan pajak.", ("Marseille", "ORG"))
    assert ("Marseille", "GPE") in got


def test_a_country_the_model_reads_as_an_organisation_stays_a_country() -> None:
    got = mentions(SPORT + "Prancis menang dua gol.", ("Prancis", "ORG"))
    assert ("Prancis", "GPE") in got


# -- an unlisted acronym between a title and a name (`rules._ent12b_acronym_qualifier`) ------------------

def test_a_title_with_an_unlisted_acronym_then_a_name_is_a_person() -> None:
    got = {(m.text, m.type, m.role) for m in recognise("Ketua BEM Rina Sari menolak kenaikan biaya kuliah.")}
    assert ("Rina Sari", "PER", "Ketua BEM") in got


def test_a_legal_form_after_a_title_opens_the_company_not_a_role() -> None:
    got = {(m.text, m.type) for m in recognise("Direktur PT Sinar Laut Abadi Tbk Hendra Kusuma menuturkan hal itu.")}
    assert ("PT Sinar Laut Abadi Tbk", "ORG") in got
    assert not any(t == "PER" and "Laut" in name for name, t in got)


def test_an_english_network_is_an_organisation() -> None:
    text = "Autism groups met. Members of the Asia Autism Network spoke, and Autism experts agreed."
    got = mentions(text, ("Asia Autism Network", "ORG"), language="en")
    assert ("Asia Autism Network", "ORG") in got
    assert not any(t == "PER" for _, t in got)


def test_a_city_read_as_its_club_is_one_entity_with_the_club() -> None:
    text = SPORT + "Real Madrid tampil rapi. Madrid mencetak dua gol di babak kedua."
    art = make_entities(recogniser=Tags(("Real Madrid", "ORG"), ("Madrid", "ORG")))(
        Article(id="c", source="c", text=text, language="id"))
    keys = {m.text: (m.type, m.key) for m in art.mentions}
    assert keys["Madrid"][0] == "ORG"
    assert keys["Madrid"][1] == "name:real madrid"  # the club's key, as `settle._club_city` gives a city it turns


def test_no_longer_span_over_a_role_word() -> None:
    text = "The statement of the Republican Party Chair Ann Moss was read."
    got = mentions(text, ("Republican Party Chair", "ORG"), language="en")
    assert ("Republican Party Chair", "ORG") not in got


def test_a_meeting_of_a_known_body_leaves_the_body() -> None:
    got = mentions("Para menteri bertemu lagi di KTT ASEAN bulan depan.", ("KTT ASEAN", "EVT"))
    assert ("ASEAN", "ORG") in got


# -- a name particle alone as the short name of a person (`_ent12b_particle_name`) --------------------------

def test_a_particle_alone_is_the_person_whose_name_it_opens() -> None:
    text = "Penyanyi El Rumi tampil semalam. Setelah acara, El mengaku lelah. Al Fatih juga hadir, dan Al tertawa."
    got = [(m.text, m.type) for m in make_entities(recogniser=Tags(("Al Fatih", "PER"), ("Al", "PER")))(
        Article(id="a", source="a", text=text, language="id")).mentions]
    assert got.count(("Al", "PER")) == 1


def test_a_particle_without_such_a_person_or_in_capitals_is_no_name() -> None:
    text = "Kapal TNI AL berlayar. Menurut Al, kapal itu baru."
    got = mentions(text, ("AL", "PER"), ("Al", "PER"))
    assert ("AL", "PER") not in got and ("Al", "PER") not in got
