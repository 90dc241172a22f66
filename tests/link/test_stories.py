"""Stories: one developing story across outlets and languages lands together; different stories that
share words stay apart."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linimasa
from linimasa.link.stories import (
    CORE_PEOPLE_REPORTS,
    DEVELOPING,
    ENTITY_ALONE,
    HUB_ARTICLES,
    HUB_SHARE,
    TERM_PSEUDO_DOCS,
    UNSHARED_WORDS,
    WORD_BACKING,
    _absorb,
    _actor_words,
    _add,
    _another_match,
    _core,
    _core_people,
    _cosine,
    _elsewhere,
    _event_aliases,
    _event_key,
    _headline_acronyms,
    _headline_day,
    _headline_subjects,
    _hubs,
    _label,
    _load_members,
    _may_be_one,
    _MemberCounts,
    _name_words,
    _names_core,
    _nested,
    _one_actor,
    _pairing,
    _places,
    _rare_headline_words,
    _report_day,
    _round_up,
    _same_match,
    _term_weights,
    _Vector,
    _weights,
    assign,
    score,
)
from linimasa.model import Article, Mention, Published, Story
from linimasa.store.search import ArticleCard

FLOOD_BANDUNG = [
    "Banjir Rendam Dayeuhkolot\n\nBandung, Selasa (17/6/2025) - Banjir merendam ratusan rumah di Dayeuhkolot, "
    "Kabupaten Bandung. Bupati Bandung Dadang Supriatna meninjau lokasi bersama BPBD Kabupaten Bandung.\n",
    "Dadang Supriatna Tinjau Banjir\n\nBandung, Rabu (18/6/2025) - Bupati Bandung Dadang Supriatna kembali "
    "meninjau banjir di Dayeuhkolot dan meminta BPBD Kabupaten Bandung menambah perahu karet.\n",
]
FLOOD_MEDAN = (
    "Banjir Rendam Medan Maimun\n\nMedan, Selasa (17/6/2025) - Banjir merendam ratusan rumah di Medan Maimun, "
    "Kota Medan. Wali Kota Medan Rico Waas meninjau lokasi bersama BPBD Kota Medan.\n")
VISIT_EN = (
    "Prabowo meets Putin\n\nSt Petersburg, Thursday (19/6/2025) - Indonesian President Prabowo Subianto met "
    "Russian President Vladimir Putin in St Petersburg. Prabowo Subianto and Vladimir Putin discussed energy "
    "and Sergey Lavrov joined the talks in the Kremlin.\n")
VISIT_ID = (
    "Prabowo Bertemu Putin\n\nJakarta, Jumat (20/6/2025) - Presiden Prabowo Subianto bertemu Presiden Rusia "
    "Vladimir Putin di St Petersburg. Prabowo Subianto dan Vladimir Putin membahas energi, didampingi "
    "Sergey Lavrov di Kremlin.\n")


def _story_of(corpus, needle):
    return next(a.story for a in corpus.articles if needle in a.text)


def test_one_story_across_articles_and_languages_two_floods_apart():
    c = linimasa.process([*FLOOD_BANDUNG, FLOOD_MEDAN, VISIT_EN, VISIT_ID])
    assert all(a.story for a in c.articles)
    assert _story_of(c, "perahu karet") == _story_of(c, "Banjir merendam ratusan rumah di Dayeuhkolot")
    assert _story_of(c, "Medan Maimun") != _story_of(c, "Dayeuhkolot")
    assert _story_of(c, "discussed energy") == _story_of(c, "membahas energi")
    assert _story_of(c, "discussed energy") != _story_of(c, "Dayeuhkolot")
    visit = next(s for s in c.stories if s.id == _story_of(c, "membahas energi"))
    assert set(visit.languages) == {"en", "id"} and visit.label and visit.first == "2025-06-19"


def test_stories_grow_incrementally_in_a_store(tmp_path):
    db = str(tmp_path / "s.db")
    linimasa.process([FLOOD_BANDUNG[0]], store=db)
    c = linimasa.process([FLOOD_BANDUNG[1], FLOOD_MEDAN], store=db)
    assert _story_of(c, "perahu karet") == _story_of(c, "Banjir merendam ratusan rumah di Dayeuhkolot")
    assert _story_of(c, "Medan Maimun") != _story_of(c, "perahu karet")
    assert {s.id for s in c.stories} == {a.story for a in c.articles}


# One person in two stories, in one language: the entities agree, the words do not.
BUDGET = [
    "Sri Mulyani Umumkan Defisit APBN\n\nJakarta, Selasa (17/6/2025) - Menteri Keuangan Sri Mulyani Indrawati "
    "mengumumkan defisit APBN hingga Mei 2025 mencapai Rp21 triliun. Sri Mulyani Indrawati menyebut penerimaan "
    "pajak turun karena harga komoditas melemah, sementara belanja negara untuk subsidi energi naik.\n",
    "Defisit APBN Mei Rp21 Triliun\n\nJakarta, Selasa (17/6/2025) - Sri Mulyani Indrawati melaporkan defisit APBN "
    "per Mei 2025 sebesar Rp21 triliun. Menurut Sri Mulyani Indrawati, penerimaan pajak tertekan harga komoditas "
    "yang melemah dan belanja subsidi energi meningkat.\n",
]
SCHOOL = (
    "Sri Mulyani Resmikan Sekolah\n\nJakarta, Rabu (18/6/2025) - Sri Mulyani Indrawati meresmikan gedung sekolah "
    "dasar di pinggiran kota. Sri Mulyani Indrawati berkeliling ruang kelas, menyapa murid dan guru, lalu menanam "
    "pohon mangga di halaman bersama kepala sekolah dan komite orang tua murid.\n")
OTHER_SCHOOL = (
    "Bupati Resmikan Gedung Sekolah\n\nSleman, Rabu (18/6/2025) - Bupati Sleman Harda Kiswaya meresmikan gedung "
    "sekolah dasar yang baru direnovasi. Harda Kiswaya menyapa murid dan guru di ruang kelas, lalu menanam pohon "
    "di halaman bersama kepala sekolah.\n")


def test_one_person_in_two_stories_stays_apart_within_a_language():
    c = linimasa.process([*BUDGET, SCHOOL, OTHER_SCHOOL])
    assert _story_of(c, "mengumumkan defisit") == _story_of(c, "melaporkan defisit")
    assert _story_of(c, "pohon mangga") != _story_of(c, "mengumumkan defisit")
    assert _story_of(c, "pohon mangga") != _story_of(c, "Harda Kiswaya meresmikan")


def test_places_nest_by_region_code_and_only_main_places_decide():
    assert _may_be_one("id-kab:32.05", "id-prov:32") and _may_be_one("id-prov:32", "id-kab:32.05")
    assert _may_be_one("id-prov:32", "country:ID") and _may_be_one("city:moscow", "country:RU")
    assert not _may_be_one("id-kab:32.05", "id-kab:35.11")  # Garut, Bondowoso
    assert not _may_be_one("id-prov:32", "country:RU") and not _may_be_one("country:RU", "country:UA")
    garut_story = {"id-kab:32.05": 2.0, "id-prov:32": 1.0}
    assert not _elsewhere({"id-prov:32": 3.0}, garut_story)  # the province of the story's regency
    assert _elsewhere({"id-kab:35.11": 3.0, "id-prov:35": 2.0}, garut_story)  # another quake
    # an article about Bondowoso that recalls the Garut quake in passing is not "elsewhere" to it
    assert not _elsewhere({"id-kab:35.11": 3.0, "id-kab:32.05": 0.4}, garut_story)
    assert not _elsewhere({}, garut_story)


def test_places_are_gazetteer_places_not_venues_or_odd_spans():
    info = {"e1": ("Gedung Bundar", "LOC", 2), "e2": ("Kabupaten Garut", "GPE", 2),
            "e3": ("brankas Zarof", "LOC", 1), "e4": ("Indonesia", "GPE", 90)}
    weights = {"e1": 3.0, "e2": 2.0, "e3": 2.5, "e4": 1.0}
    assert _places(weights, info, 100) == {"id-kab:32.05": 2.0}  # Indonesia: in most articles


# Two launch reports of one car: the recogniser read "Step Wgn" as a person in one and as no entity in
# the other, the maker as "PT HPM" and as "PT Honda Prospect Motor", the show as "GIIAS 2025" and spelt
# out: the two share no entity id, yet both write the car's and the show's names.
LAUNCH_INFO = {
    "stepwgn": ("Step Wgn", "PER", 2), "hpm": ("PT HPM", "ORG", 2), "show": ("GIIAS 2025", "EVT", 2),
    "honda": ("PT Honda Prospect Motor", "ORG", 1), "tangerang": ("Kota Tangerang", "GPE", 5),
    "giias": ("Gaikindo Indonesia International Auto Show 2025", "EVT", 1),
    "armada": ("Jasa Armada", "OTHER", 1), "thiago": ("Thiago Madrid", "PER", 3),
}


def test_actor_words_are_the_names_of_actors_only_one_side_names():
    mine = {"stepwgn": 1.0, "hpm": 1.0, "show": 1.0}
    theirs = {"honda": 1.0, "tangerang": 1.0, "giias": 1.0, "show": 1.0}
    words = _actor_words(mine, theirs, LAUNCH_INFO, "id")
    # not the show both name, not the place, not the organisations (beats), not numbers
    assert words == {"step", "wgn", "gaikindo", "auto"}  # "international", "show": words of news
    # a word of the language ("armada", "jasa") or a place ("madrid") is no actor's name
    assert _actor_words({"armada": 1.0, "thiago": 1.0}, {}, LAUNCH_INFO, "id") == {"thiago"}


def test_actor_words_kept_between_calls_are_the_words_worked_out_anew():
    # `known` keeps each entity's words for the next article and story of the batch; an entity `info`
    # lacks is not kept, so once the batch reads it its words count like any other's
    info = {k: v for k, v in LAUNCH_INFO.items() if k != "giias"}
    known: dict[str, frozenset[str]] = {}
    pairs = [({"stepwgn": 1.0, "hpm": 1.0, "show": 1.0}, {"honda": 1.0, "tangerang": 1.0, "giias": 1.0, "show": 1.0}),
             ({"armada": 1.0, "thiago": 1.0}, {}), ({"thiago": 1.0}, {"stepwgn": 1.0, "giias": 1.0}),
             ({"giias": 1.0, "hpm": 1.0}, {"thiago": 1.0, "armada": 1.0})]
    for mine, theirs in pairs:
        assert _actor_words(mine, theirs, info, "id", known) == _actor_words(mine, theirs, info, "id")
    assert "giias" not in known
    info["giias"] = LAUNCH_INFO["giias"]
    for mine, theirs in pairs:
        assert _actor_words(mine, theirs, info, "id", known) == _actor_words(mine, theirs, info, "id")
    assert _actor_words({"thiago": 1.0}, {"giias": 1.0}, info, "id", known) == {"thiago", "gaikindo", "auto"}


def test_words_count_in_full_when_two_reports_write_two_actors_names_alike():
    story = Story(id="s", label="", entities={"honda": 1.0, "giias": 1.0}, terms={"honda": 1.0, "step": 1.0,
                                                                                   "giias": 1.0, "hybrid": 1.0})
    weights, terms = {"stepwgn": 1.0, "hpm": 1.0}, {"honda": 1.0, "step": 1.0, "giias": 1.0, "hybrid": 1.0}
    info = {**LAUNCH_INFO, "giias": ("GIIAS", "EVT", 1)}

    def actors() -> frozenset[str]:
        return _actor_words(weights, story.entities, info, "id")

    assert score(weights, terms, story, [], elsewhere=False, actors=actors) == pytest.approx(0.7)
    assert score(weights, terms, story, [], elsewhere=False) == pytest.approx(0.7 * UNSHARED_WORDS)
    # one such word is a name two actors may share (two players called Thiago): still halved
    one = {"honda": 1.0, "hybrid": 1.0, "baru": 1.0, "mobil": 1.0}
    story_one = Story(id="s", label="", entities={"honda": 1.0}, terms=dict(one))
    assert score(weights, one, story_one, [], elsewhere=False,
                 actors=lambda: _actor_words(weights, story_one.entities, info, "id")) == pytest.approx(
        0.7 * UNSHARED_WORDS)


def test_words_count_less_when_two_reports_share_no_entity():
    story = Story(id="s", label="", entities={"club-a": 1.0, "club-b": 1.0}, terms={"hasil": 1.0, "gol": 1.0})
    terms = {"hasil": 1.0, "gol": 1.0}
    other_clubs = score({"club-c": 1.0, "club-d": 1.0}, terms, story, [], elsewhere=False)
    same_club = score({"club-a": 1.0, "club-d": 1.0}, terms, story, [], elsewhere=False)
    assert other_clubs < same_club and other_clubs == pytest.approx(0.7 * UNSHARED_WORDS)


def test_words_count_less_when_two_reports_share_only_one_organisation():
    # Kemensos' school programme and its aid transfers: one ministry's beat, not one event. Sharing
    # a person as well, or sharing a person alone, the words count in full.
    story = Story(id="s", label="", entities={"kemensos": 1.0, "wamensos": 1.0}, terms={"program": 1.0, "siswa": 1.0})
    terms = {"program": 1.0, "siswa": 1.0}
    beats = frozenset({"kemensos"})
    one_ministry = score({"kemensos": 1.0, "dirjen": 1.0}, terms, story, [], elsewhere=False, beats=beats)
    unread = score({"kemensos": 1.0, "dirjen": 1.0}, terms, story, [], elsewhere=False)
    with_person = score({"kemensos": 1.0, "wamensos": 1.0}, terms, story, [], elsewhere=False, beats=beats)
    assert one_ministry == pytest.approx(0.3 * 0.5 + 0.7 * UNSHARED_WORDS)
    assert unread == pytest.approx(0.3 * 0.5 + 0.7) and with_person == pytest.approx(1.0)
    person = score({"wamensos": 1.0, "dirjen": 1.0}, terms, story, [], elsewhere=False, beats=beats)
    assert person == pytest.approx(unread)


def test_words_count_less_when_what_two_reports_share_is_mostly_one_hub_organisation():
    # Two reports of a club's transfer news share the club (most of the match) and its coach: when
    # the club is a hub (named in many articles) that is its beat, and the words count less; when it
    # is not (a fair's organiser), the coach it shares besides keeps the words in full. Nearly all
    # on one organisation, hub or not, is its beat (`ONE_ORGANISATION`).
    story = Story(id="s", label="", entities={"klub": 2.0, "pelatih": 1.0}, terms={"transfer": 1.0, "bursa": 1.0})
    terms = {"transfer": 1.0, "bursa": 1.0}
    weights = {"klub": 2.0, "pelatih": 1.0}  # the club 0.8 of the match
    beats = frozenset({"klub"})
    not_hub = score(weights, terms, story, [], elsewhere=False, beats=beats)
    hub = score(weights, terms, story, [], elsewhere=False, beats=beats, hubs=beats)
    assert not_hub == pytest.approx(1.0)
    assert hub == pytest.approx(0.3 * 1.0 + 0.7 * UNSHARED_WORDS)
    nearly_all = {"klub": 5.0, "pelatih": 1.0}  # the club 10/11 of the match
    assert score(nearly_all, terms, story, [], elsewhere=False, beats=beats) == pytest.approx(
        0.3 * 11 / math.sqrt(26 * 5) + 0.7 * UNSHARED_WORDS)
    # a hub shared with as much of another actor is no beat: a club's match names both sides
    even = {"klub": 1.0, "pelatih": 1.0}
    assert score(even, terms, story, [], elsewhere=False, beats=beats, hubs=beats) == pytest.approx(
        score(even, terms, story, [], elsewhere=False, beats=beats))


def test_hubs_are_organisations_named_in_many_articles_more_in_a_large_store():
    info = {"klub": ("Manchester United", "ORG", HUB_ARTICLES), "pameran": ("PRJ", "ORG", HUB_ARTICLES - 1)}
    beats = frozenset(info)
    assert _hubs(beats, info, 300) == {"klub"}
    assert _hubs(beats, info, HUB_SHARE * (HUB_ARTICLES + 1)) == frozenset()  # a large store: more is common


def test_two_transfer_reports_of_a_hub_club_stay_apart_those_of_a_rare_organisation_join(monkeypatch):
    # A club's two transfer reports (a striker it courts, a new signing's debut) name the club often
    # and its coach once, each a player of its own, and share the transfer window's words: a hub
    # club's two stories. The same two reports of an organisation in few articles join.
    info = {"klub": ("Setan Merah", "ORG", 6), "pelatih": ("Ruben Amorim", "PER", 6),
            "striker": ("Hugo Ekitike", "PER", 2), "rekrutan": ("Matheus Cunha", "PER", 2)}
    courted = _article("courted", ["klub"] * 5 + ["pelatih", "striker"], "2025-06-18")
    debut = _article("debut", ["klub"] * 5 + ["pelatih", "rekrutan"], "2025-06-19")
    terms = {"courted": {"transfer": 3, "harga": 3, "tawaran": 3, "klausul": 3, "nilai": 3},
             "debut": {"transfer": 3, "jadwal": 3, "laga": 3, "kandang": 3, "kostum": 3}}
    stories, _ = assign([courted, debut], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 2
    monkeypatch.setattr("linimasa.link.stories.HUB_ARTICLES", 7)  # the club in fewer articles than a hub
    stories, _ = assign([courted, debut], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 1


def test_entities_alone_count_across_languages_not_within_one():
    story = Story(id="s", label="", entities={"putin": 1.0}, terms={"energi": 1.0}, languages={"id": 1})
    weights, terms = {"putin": 1.0}, {"energy": 1.0}
    assert score(weights, terms, story, [], elsewhere=False, other_language=True) == pytest.approx(ENTITY_ALONE)
    assert score(weights, terms, story, [], elsewhere=False, other_language=False) == 0.0


LAVROV_JAKARTA = (
    "Lavrov di Jakarta\n\nJakarta - Menteri Luar Negeri Rusia Sergey Lavrov tiba di Jakarta pada Jumat (4/10/2024) "
    "untuk bertemu Menteri Luar Negeri Retno Marsudi, kata juru bicara Kementerian Luar Negeri.\n\n"
    "Kedua menteri membahas kerja sama ekonomi dan keamanan kawasan dalam pertemuan tertutup.\n\n"
    "Lavrov juga dijadwalkan bertemu Presiden Joko Widodo di Istana Merdeka pada Sabtu (5/10/2024).\n")


def test_an_article_that_started_a_story_is_matched_again_against_the_batch():
    # The sample's 2024 article comes first and matches none of the 2021 articles alone; once they
    # form their story it joins it. Lavrov's visit to Jakarta the same day is another story.
    c = linimasa.process([str(linimasa.SAMPLE_DIR), LAVROV_JAKARTA])
    sample = {a.story for a in c.articles if "Retno" not in a.text}
    assert len(sample) == 1
    assert _story_of(c, "Retno Marsudi") not in sample
    assert {s.id for s in c.stories} == {a.story for a in c.articles}


def test_a_world_city_is_not_in_indonesia():
    assert not _may_be_one("city:kabul", "id-prov:31") and not _may_be_one("city:kabul", "country:ID")
    assert _may_be_one("city:kabul", "country:AF")


def test_the_words_that_back_an_entity_match_are_not_its_name():
    # Two of the prosecutor's cases: one spokesman, named in both; their shared words are his name.
    story = Story(id="s", label="", entities={"harli": 1.0, "wilmar": 1.0},
                  terms={"harli": 1.0, "siregar": 1.0, "sawit": 1.0, "penyitaan": 1.0})
    weights, terms = {"harli": 1.0, "nadiem": 1.0}, {"harli": 1.0, "siregar": 1.0, "laptop": 1.0, "pengadaan": 1.0}
    blind = score(weights, terms, story, [], elsewhere=False)
    named = score(weights, terms, story, [], elsewhere=False, names=frozenset({"harli", "siregar"}))
    words = 0.5  # two of four equal words shared
    assert blind == pytest.approx(0.3 * min(0.5, WORD_BACKING * words) + 0.7 * words)
    assert named == pytest.approx(0.7 * words)  # no other word backs the spokesman
    # words other than the name still back it (a second report of the same seizure)
    terms2 = {"harli": 1.0, "siregar": 1.0, "sawit": 1.0, "penyitaan": 1.0}
    assert score(weights, terms2, story, [], elsewhere=False, names=frozenset({"harli", "siregar"})) > 0.7


def test_the_words_that_back_an_entity_match_may_be_one_earlier_articles():
    """A state visit's turn shares its actors with the whole visit, and its other words with one
    earlier turn, not with the article whose words (names included) are closest to it."""
    names = frozenset({"prabowo", "putin"})
    weights = {"prabowo": 1.0, "putin": 1.0}
    story = Story(id="s", label="", entities={"prabowo": 1.0, "putin": 1.0},
                  terms=dict.fromkeys(["prabowo", "putin", "pesawat", "bandara", "hotel", "jemput"], 1.0))
    terms = dict.fromkeys(["prabowo", "putin", "soviet", "bantuan"], 1.0)
    arrival = dict.fromkeys(["prabowo", "putin", "pesawat", "bandara"], 1.0)  # closest, by the names
    speech = dict.fromkeys(["soviet", "bantuan", "pidato", "forum", "ekonomi", "kerja"], 1.0)
    alone = score(weights, terms, story, [arrival], elsewhere=False, names=names)
    backed = score(weights, terms, story, [arrival, speech], elsewhere=False, names=names)
    words = 0.5  # the arrival's words, the closest: two of four equal words shared
    assert alone == pytest.approx(0.7 * words)  # no word but the names backs the actors
    speech_backing = 2 / (math.sqrt(2) * math.sqrt(6))  # soviet and bantuan, without the names
    assert backed == pytest.approx(0.3 * min(1.0, WORD_BACKING * speech_backing) + 0.7 * words)
    assert backed > alone


def test_name_words_are_the_mentions_and_the_entity_names():
    a = Article(id="a", source="x", raw="", text="Kejagung memeriksa Harli.", mentions=[
        Mention(start=0, end=8, text="Kejagung", type="ORG", entity="e1"),
        Mention(start=19, end=24, text="Harli", type="PER", entity="e2"),
        Mention(start=0, end=2, text="Ke", type="ORG")])
    info = {"e1": ("Kejaksaan Agung", "ORG", 3), "e2": ("Harli Siregar", "PER", 2)}
    assert _name_words(a, info) == {"kejagung", "kejaksaan", "agung", "harli", "siregar"}


class _Store:
    """Just what `assign` reads, for a batch against an empty store."""

    def __init__(self, info, terms):
        self.info, self.terms = info, terms

    def count_articles(self):
        return 100

    def entity_info(self, ids, max_df=None):
        return {i: self.info[i] for i in ids if i in self.info}

    def story_of(self, ids):
        return {}

    def article_terms(self, ids):
        return {i: self.terms[i] for i in ids if i in self.terms}

    def term_stats(self, terms):
        return 100, dict.fromkeys(terms, 5)

    def story_candidates(self, keys, limit):
        return []

    def stories(self, ids):
        return []

    def get_articles(self, ids):
        return []


def _article(aid, entities, day):
    published = Published(value=day, precision="day", how="metadata")
    return Article(id=aid, source=aid, raw="", language="id", published=published,
                   mentions=[Mention(start=0, end=1, text=e, type="PER", entity=e) for e in entities])


def test_a_developing_story_takes_a_looser_fit_than_a_single_article(monkeypatch):
    monkeypatch.setattr("linimasa.link.stories.CORE_ENTITIES", 2.0)  # no entity match is this strong
    info = {e: (e, "PER", 3) for e in ("prabowo", "putin", "rosan", "dmitriev", "x1", "x2", "x3")}
    core = {"kunjungan": 3, "rusia": 3, "putin": 2, "prabowo": 2}
    visit = [_article(f"v{i}", ["prabowo", "putin", f"x{i}"], "2025-06-19") for i in range(1, DEVELOPING + 1)]
    late = _article("late", ["rosan", "dmitriev", "putin"], "2025-06-20")  # the deal signed on the visit
    terms = {a.id: {**core, f"w{a.id}": 2} for a in visit}
    terms["late"] = {"platform": 3, "investasi": 3, "dana": 3, "modal": 3, "saham": 3, "bank": 3, "rusia": 1}
    store = _Store(info, terms)
    strict, _ = assign([*visit, late], store, threshold=0.2, bridge=0.25)
    loose, _ = assign([*visit, late], store, threshold=0.2, bridge=0.25, developing=0.1)
    assert len(strict) == 2 and len(loose) == 1
    # the looser fit is for a story of several articles, not for a pair's second article
    alone, _ = assign([visit[0], late], store, threshold=0.2, bridge=0.25, developing=0.1)
    assert len(alone) == 2


def test_an_article_naming_a_developing_storys_core_actors_takes_a_looser_fit_still(monkeypatch):
    # A turn of a state visit told in words of its own (an investment platform) but naming the
    # visit's leaders joins the visit, which the developing story's fit alone would not let it; the
    # looser fit is a developing story's, not a pair's.
    info = {e: (e, "PER", 3) for e in ("prabowo", "putin", "rosan", "x1", "x2", "x3")}
    core = {"kunjungan": 3, "rusia": 3, "istana": 2, "jamuan": 2}
    visit = [_article(f"v{i}", ["prabowo", "putin", f"x{i}"], "2025-06-19") for i in range(1, DEVELOPING + 1)]
    turn = _article("turn", ["prabowo", "putin", "rosan"], "2025-06-20")
    terms = {a.id: {**core, f"w{a.id}": 2} for a in visit}
    terms["turn"] = {"platform": 3, "investasi": 3, "dana": 3, "modal": 3, "saham": 3, "rusia": 1}
    stories, _ = assign([*visit, turn], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 1
    stories, _ = assign([visit[0], turn], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2
    monkeypatch.setattr("linimasa.link.stories.CORE_ENTITIES", 2.0)
    stories, _ = assign([*visit, turn], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 1  # the two leaders every report names are the visit's core too (`_names_core`)
    monkeypatch.setattr("linimasa.link.stories.CORE_COVER", 2.0)
    stories, _ = assign([*visit, turn], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2


def test_one_shared_actor_does_not_take_a_developing_storys_looser_fit(monkeypatch):
    # Three reports of one phone's launch name the maker and the phone's own people; a report of the
    # maker's earbuds names the maker and a product manager of its own. The maker is one actor in
    # many stories: the looser fit of a story's core actors needs more than one of them, so the
    # earbuds stay apart where a turn naming two of the story's actors joins (the test above).
    info = {e: (e, "ORG" if e == "merek" else "PER", 3) for e in ("merek", "pm", "x1", "x2", "x3")}
    core = {"ponsel": 3, "kamera": 3, "peluncuran": 2, "harga": 2}
    launch = [_article(f"p{i}", ["merek", f"x{i}"], "2025-06-18") for i in range(1, DEVELOPING + 1)]
    earbuds = _article("tws", ["merek", "pm"], "2025-06-19")
    terms = {a.id: {**core, f"w{a.id}": 2} for a in launch}
    terms["tws"] = {"earbuds": 3, "driver": 3, "audio": 3, "baterai": 3, "casing": 3, "harga": 2}
    stories, _ = assign([*launch, earbuds], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2
    monkeypatch.setattr("linimasa.link.stories._one_actor", lambda w, e: False)
    stories, _ = assign([*launch, earbuds], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 1


def test_a_hub_club_and_its_coach_are_not_a_developing_storys_core_actors(monkeypatch):
    # Three reports of one signing name the club often, its coach once and a player each; a report
    # of another transfer of the club's names the club, the coach and a player of its own, in words
    # of its own. The club is a hub (named in many articles): the two it shares are its beat, not the
    # story's core actors, so the report takes the developing story's usual fit and stays apart. The
    # words count in full here (`UNSHARED_WORDS` 1), so that only the looser fit is tried.
    monkeypatch.setattr("linimasa.link.stories.UNSHARED_WORDS", 1.0)
    info = {e: (e, "ORG" if e == "klub" else "PER", 6 if e in ("klub", "pelatih") else 2)
            for e in ("klub", "pelatih", "x1", "x2", "x3", "bek")}
    core = {"kontrak": 3, "medis": 3, "klausul": 2, "gaji": 2}
    signing = [_article(f"s{i}", ["klub"] * 5 + ["pelatih", f"x{i}"], "2025-06-18") for i in range(1, DEVELOPING + 1)]
    other = _article("bek", ["klub"] * 5 + ["pelatih", "bek"], "2025-06-19")
    terms = {a.id: {**core, f"w{a.id}": 2} for a in signing}
    terms["bek"] = {"pinjaman": 3, "opsi": 3, "akademi": 3, "cedera": 3, "musim": 3, "latihan": 3, "posisi": 3,
                    "gaji": 2}
    stories, _ = assign([*signing, other], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2
    monkeypatch.setattr("linimasa.link.stories.HUB_ARTICLES", 1000)  # no hub: the two are core actors
    stories, _ = assign([*signing, other], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 1


def test_a_story_counts_the_reports_that_name_each_entity_copies_aside():
    story = Story(id="s", label="")
    first = _article("a1", ["gunung", "mensos"], "2025-06-18")
    copy = _article("a1c", ["gunung", "mensos"], "2025-06-18")
    copy.duplicate_of = "a1"
    second = _article("a2", ["gunung", "bandara"], "2025-06-18")
    for a, w in ((first, {"gunung": 0.5, "mensos": 1.0}), (copy, {"gunung": 0.5, "mensos": 1.0}),
                 (second, {"gunung": 0.5, "bandara": 0.8})):
        _add(story, a, w, {"erupsi": 1.0})
    assert story.counted == 2 and story.named == {"gunung": 2, "mensos": 1, "bandara": 1}
    other = Story(id="t", label="", entities={"gunung": 1.0, "kapal": 1.0}, named={"gunung": 1, "kapal": 1},
                  counted=1)
    _absorb(story, other)
    assert story.counted == 3 and story.named == {"gunung": 3, "mensos": 1, "bandara": 1, "kapal": 1}


def _eruption_story(**named):
    entities = {e: float(c) for e, c in named.items()}
    return Story(id="s", label="", articles=["r1", "r2", "r3", "r4"], entities=entities, named=named, counted=4)


def test_a_storys_core_is_what_half_its_reports_name_not_an_organisation_nor_a_common_name():
    info = {"gunung": ("Gunung Ili Wuring", "LOC", 3), "prov": ("Nusa Timur", "GPE", 5),
            "mensos": ("Mensos", "PER", 2), "kemensos": ("Kementerian Sosial", "ORG", 4),
            "indonesia": ("Indonesia", "GPE", 60), "pilot": ("Pilot", "PER", 1)}
    story = _eruption_story(gunung=4, prov=3, mensos=2, kemensos=4, indonesia=4, pilot=1)
    core = _core(story, info, 100)
    # named by half the reports or more; the ministry is a beat, Indonesia in 60 of 100 articles
    assert set(core) == {"gunung", "prov", "mensos"}
    assert core["gunung"] == 4.0 and core["prov"] == 3.0 * 3 / 4  # weight x share of reports naming it
    assert _core(Story(id="p", label="", entities={"gunung": 2.0}, named={"gunung": 2}, counted=2), info, 100) == {}


def test_a_place_named_in_a_tenth_of_all_articles_is_core_where_most_of_them_are_the_storys_reports():
    """The tenth-of-all-articles cap keeps "Indonesia" out of a story's core, but a story that
    dominates its store (an attack on two embassies told through a dozen governments' reactions, a
    war) names its countries in more than a tenth of all articles: they are its subject when half
    the articles naming them are its reports."""
    story = Story(id="s", label="", articles=[f"r{i}" for i in range(12)],
                  entities={"kenya": 12.0, "tanzania": 11.0, "indonesia": 6.0, "albright": 2.0},
                  named={"kenya": 12, "tanzania": 11, "indonesia": 6, "albright": 2}, counted=12)
    info = {"kenya": ("Kenya", "GPE", 15), "tanzania": ("Tanzania", "GPE", 22), "indonesia": ("Indonesia", "GPE", 40),
            "albright": ("Madeleine Albright", "PER", 4)}
    core = _core(story, info, 100)  # a tenth: 10 articles
    # Kenya: 12 of the 15 articles naming it are the story's; Tanzania 11 of 22; Indonesia only 6 of 40;
    # Albright is named by too few of its reports
    assert set(core) == {"kenya", "tanzania"}
    assert _names_core({"kenya": 0.4, "tanzania": 0.4, "nairobi": 0.5}, story, info, 100)
    info["tanzania"] = ("Tanzania", "GPE", 23)  # 11 of 23: less than half are the story's
    assert set(_core(story, info, 100)) == {"kenya"}


def test_an_article_names_a_storys_core_with_two_of_its_entities_half_of_their_weight():
    info = {e: (e, "LOC" if e == "gunung" else "PER", 3) for e in ("gunung", "prov", "mensos", "kapal")}
    story = _eruption_story(gunung=4, prov=4, mensos=2)  # core weights 4, 4, 1
    assert _names_core({"gunung": 0.5, "prov": 0.4, "kapal": 1.0}, story, info, 100)
    assert not _names_core({"gunung": 0.5, "kapal": 1.0}, story, info, 100)  # one of them: one entity
    assert not _names_core({"mensos": 0.5, "prov": 0.4}, _eruption_story(gunung=4, prov=1, mensos=2, kapal=4),
                           info, 100)  # 2 + 0 of 4 + 2 + 4: less than half


def test_a_consequence_naming_a_developing_storys_common_subject_joins_it(monkeypatch):
    # Three reports of an eruption, each quoting its own official (the minister on aid, the governor,
    # the disaster agency's head), all naming the volcano and the province; a report two days on of
    # the ferries that replace the closed airports quotes a harbourmaster and names the volcano and
    # the province. Its entity cosine with the story is small (each report's official weighs more
    # than the volcano), its words are its own, but it names what every report names.
    info = {"gunung": ("Gunung Ili Wuring", "LOC", 3), "prov": ("Nusa Timur", "GPE", 3),
            "mensos": ("Mensos", "PER", 3), "gubernur": ("Gubernur", "PER", 3), "kepala": ("Kepala", "PER", 3),
            "syahbandar": ("Syahbandar", "PER", 3)}
    shared = {"erupsi": 3, "gunung": 3, "abu": 2, "warga": 2}
    reports = [_article(f"r{i}", [p, p, "gunung", "prov"], "2025-06-18")
               for i, p in enumerate(("mensos", "gubernur", "kepala"), 1)]
    ferries = _article("ferry", ["syahbandar", "syahbandar", "syahbandar", "gunung", "prov"], "2025-06-20")
    terms = {a.id: {**shared, f"w{a.id}": 2} for a in reports}
    terms["ferry"] = {"kapal": 3, "pelabuhan": 3, "penumpang": 3, "feri": 3, "tiket": 2, "rute": 2, "erupsi": 2}
    stories, _ = assign([*reports, ferries], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 1
    monkeypatch.setattr("linimasa.link.stories.CORE_COVER", 2.0)  # no article names this much of a core
    stories, _ = assign([*reports, ferries], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2


def test_one_actor_is_a_match_that_comes_down_to_one_entity():
    assert _one_actor({"huawei": 2.0, "indonesia": 0.1}, {"huawei": 3.0, "indonesia": 0.2, "nova": 2.0})
    assert not _one_actor({"prabowo": 2.0, "putin": 1.5}, {"prabowo": 3.0, "putin": 2.5})
    assert not _one_actor({"a": 1.0}, {"b": 1.0})  # nothing shared: no one actor either


def test_reports_that_share_their_actors_are_one_story_whatever_place_one_names_besides(monkeypatch):
    # Two reports of a sports car that rolled off a tow truck on a Jakarta toll road: the same car, its
    # owner and the highway patrol; the second also tells of the maker's other models, one of them
    # called "Roma", which the gazetteer reads as Rome. Sharing most of their actors, the two are one
    # story though their places differ; without that (a place alone decides), they would be two.
    info = {"car": ("Ferrari", "ORG", 3), "owner": ("Andy Pradana", "PER", 3), "pjr": ("PJR Bitung", "ORG", 3),
            "jakut": ("Jakarta Utara", "GPE", 3), "roma": ("Roma", "GPE", 3)}
    first = _article("r1", ["car", "car", "owner", "pjr", "jakut"], "2025-06-18")
    second = _article("r2", ["car", "car", "owner", "pjr", "roma", "roma"], "2025-06-18")
    words = {"terguling": 3, "towing": 3, "derek": 2, "tol": 2}
    terms = {"r1": {**words, "lecet": 2}, "r2": {**words, "mesin": 2, "harga": 2}}
    assert _elsewhere(_places({"roma": 2.0}, info, 100), _places({"jakut": 1.0}, info, 100))
    stories, _ = assign([first, second], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 1
    monkeypatch.setattr("linimasa.link.stories.PLACES_OVERRULED", 2.0)  # no entity match is this strong
    monkeypatch.setattr("linimasa.link.stories.PLACES_ACTORS", 2.0)  # ... nor backed by words at this
    stories, _ = assign([first, second], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 2


def test_reports_whose_actors_and_words_agree_are_one_story_whatever_places_they_name(monkeypatch):
    # Two reports of a rider's move to a new team: both name him, the team and the series, and tell it
    # in the same words; one names his country and the team's boss, the other the country of the
    # rider he replaces and that rider. The countries are no place where anything happens, but the
    # gazetteer reads them as two places; the entity cosine (0.47) falls under `PLACES_OVERRULED`.
    # Sharing this much of their actors (`PLACES_ACTORS`) and of their words (`PLACES_WORDS`), the two
    # are one story; without that, the places alone keep them apart.
    info = {"rider": ("Toprak Razgatlioglu", "PER", 3), "team": ("Pramac", "ORG", 3),
            "series": ("MotoGP", "EVT", 3), "turki": ("Turki", "GPE", 3), "portugal": ("Portugal", "GPE", 3),
            "other": ("Miguel Oliveira", "PER", 3), "boss": ("Paolo Pavesio", "PER", 3)}
    first = _article("r1", ["rider", "rider", "team", "series", "turki", "turki", "boss"], "2025-06-17")
    second = _article("r2", ["rider", "team", "series", "portugal", "portugal", "other", "other", "other"],
                      "2025-06-17")
    words = {"debut": 3, "kontrak": 3, "musim": 2, "pembalap": 2, "tim": 2}
    terms = {"r1": {**words, "superbike": 2, "juara": 2}, "r2": {**words, "depak": 2, "kursi": 2}}
    w1, w2 = _weights(first, info, 100), _weights(second, info, 100)
    assert _elsewhere(_places(w1, info, 100), _places(w2, info, 100))
    assert 0.4 <= _cosine(w1, w2) < 0.5
    stories, _ = assign([first, second], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 1
    monkeypatch.setattr("linimasa.link.stories.PLACES_ACTORS", 2.0)
    stories, _ = assign([first, second], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 2


def test_a_headline_names_its_calendar_day_either_way_round():
    assert _headline_day("Harga Emas Hari Ini 3 Juli 2025: Antam Naik", "id") == (7, 3)
    assert _headline_day("Oil prices on March 14, 2025 slip", "en") == (3, 14)
    assert _headline_day("Bank may 25 bps cut", "en") is None  # "may" the verb, not the month
    assert _headline_day("Harga Emas Naik Lagi", "id") is None
    assert _headline_day(None, "id") is None


def test_daily_reports_of_different_days_stay_apart_reports_of_one_day_join(monkeypatch):
    # Three daily reports of rice prices: two of 3 July (two outlets), one of 4 July. Their words and
    # actors are the same every day; the day their headlines name tells them apart. A report whose
    # headline names no day is matched as before.
    info = {e: (e, "ORG", 3) for e in ("bapanas", "pasar", "x")}
    words = {"beras": 4, "harga": 4, "medium": 3, "premium": 3, "kilogram": 2}

    def report(aid, title):
        a = _article(aid, ["bapanas", "pasar"], "2025-07-04")
        a.title = title
        return a

    first = report("d1", "Harga Beras Hari Ini 3 Juli 2025: Medium Naik")
    same_day = report("d2", "Update Harga Beras 3 Juli 2025, Premium Stabil")
    next_day = report("d3", "Harga Beras Hari Ini 4 Juli 2025: Medium Turun")
    undated = report("d4", "Harga Beras Medium Naik di Pasar Induk")
    terms = {a: {**words, f"w{a}": 1} for a in ("d1", "d2", "d3", "d4")}
    stories, _ = assign([first, same_day, next_day, undated], _Store(info, terms), threshold=0.2, bridge=0.9)
    by = {aid: s.id for s in stories for aid in s.articles}
    assert by["d1"] == by["d2"] and by["d3"] != by["d1"]
    assert by["d4"] in (by["d1"], by["d3"])  # no day of its own: it joins the best fit
    monkeypatch.setattr("linimasa.link.stories._headline_day", lambda *args: None)
    stories, _ = assign([first, same_day, next_day, undated], _Store(info, terms), threshold=0.2, bridge=0.9)
    assert len(stories) == 1  # without the days, the same words and actors every day


def test_a_day_after_publication_is_a_plans_day_not_the_day_reported():
    assert _report_day("Poco F7 Siap Meluncur 25 Juni", "id", "2025-06-18T10:00") is None
    assert _report_day("IHSG Hari Ini 18 Juni 2025 Dibuka Menguat", "id", "2025-06-18T09:05") == (6, 18)
    assert _report_day("IHSG Ditutup Melemah pada 17 Juni", "id", "2025-06-18") == (6, 17)
    assert _report_day("Poco F7 Siap Meluncur 25 Juni", "id", None) == (6, 25)  # no date: as written


def test_reports_of_a_launch_naming_its_coming_day_differently_join(monkeypatch):
    # Two outlets announce a phone's launch for 25 June, a third a day later for 24 June (a leak):
    # one story. The days they name are ahead of their reports, a plan's, so no report is "of
    # another day" as a daily market report of 24 June is not of 25 June.
    info = {e: (e, "ORG", 3) for e in ("poco", "xiaomi", "x")}
    words = {"snapdragon": 4, "peluncuran": 4, "ponsel": 3, "baterai": 3, "kamera": 2}

    def report(aid, title, day):
        a = _article(aid, ["poco", "xiaomi"], day)
        a.title = title
        return a

    reports = [report("p1", "Poco F7 Siap Meluncur 25 Juni, Pakai Snapdragon Terkencang", "2025-06-18"),
               report("p2", "POCO F7 Segera Meluncur di Indonesia pada 25 Juni", "2025-06-18"),
               report("p3", "Spesifikasi Poco F7 Terungkap, Rilis 24 Juni", "2025-06-19")]
    terms = {a.id: {**words, f"w{a.id}": 1} for a in reports}
    stories, _ = assign(reports, _Store(info, terms), threshold=0.2, bridge=0.9)
    assert len(stories) == 1
    monkeypatch.setattr("linimasa.link.stories._report_day", lambda title, lang, published: _headline_day(title, lang))
    stories, _ = assign(reports, _Store(info, terms), threshold=0.2, bridge=0.9)
    assert len(stories) == 2


def test_an_event_under_two_names_of_the_same_words_is_one_entity_to_a_story(monkeypatch):
    # Two reports of a town's procession: the entities stage kept "Kirab Tumpeng Sewu 2025" and
    # "Kirab Tumpeng Sewu" apart, and the reports quote different officials. The event's names are
    # the same words (the year aside), so the second report shares the first one's event.
    info = {"kirab25": ("Kirab Tumpeng Sewu 2025", "EVT", 3), "kirab": ("Kirab Tumpeng Sewu", "EVT", 3),
            "bupati": ("Sri Mulyani Wardani", "PER", 3), "camat": ("Budi Santoso Wijaya", "PER", 3)}
    first = _article("k1", ["kirab25", "kirab25", "bupati"], "2025-06-18")
    second = _article("k2", ["kirab", "kirab", "camat"], "2025-06-19")
    terms = {"k1": {"tumpeng": 4, "arak": 3, "warga": 3, "alun": 2, "budaya": 2, "pawai": 2},
             "k2": {"tumpeng": 4, "panggung": 3, "tiket": 3, "parkir": 2, "arak": 2}}
    stories, _ = assign([first, second], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 1
    monkeypatch.setattr("linimasa.link.stories._event_aliases", lambda w, e, i, lang, events=None: w)
    stories, _ = assign([first, second], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 2


def test_event_aliases_rename_only_events_of_the_same_name_words():
    info = {"a": ("Kirab Tumpeng Sewu 2025", "EVT", 3), "b": ("Kirab Tumpeng Sewu", "EVT", 3),
            "c": ("Kirab Tumpeng", "EVT", 3), "p": ("Kirab Tumpeng Sewu", "PER", 3),
            "w26": ("Piala Dunia 2026", "EVT", 3), "w": ("Piala Dunia", "EVT", 3)}
    assert _event_aliases({"b": 2.0, "p": 1.0}, {"a": 3.0}, info, "id") == {"a": 2.0, "p": 1.0}
    assert _event_aliases({"c": 2.0}, {"a": 3.0}, info, "id") == {"a": 2.0}  # the short name of the same event
    assert _event_aliases({"p": 2.0}, {"a": 3.0}, info, "id") == {"p": 2.0}  # a person is not renamed
    assert _event_aliases({"w26": 2.0}, {"w": 3.0}, info, "id") == {"w26": 2.0}  # nothing but words of the language


def _visit_and_deal(copy: bool = False, second_of_visit: bool = True):
    """A pair of reports on a deal (the first arrives before the visit it was made on has a story),
    then three reports of the visit; with `copy`, the deal's first report has a republished copy
    instead of a second report; without `second_of_visit`, the second report names none of the
    visit's people."""
    info = {e: (e, "PER", 3) for e in ("ea", "eb", "ec", "ed", "x1", "x2", "x3")}
    visit = [_article(f"s{i}", ["ea", "eb", f"x{i}"], "2025-06-19") for i in range(1, 4)]
    deal = _article("p1", ["ea", "ec"], "2025-06-19")
    second = _article("p2", ["ea", "ec"] if second_of_visit else ["ec", "ed"], "2025-06-19")
    terms = {a.id: {"kunjungan": 3, "kenegaraan": 3, "istana": 2, "jamuan": 2, "pertemuan": 2, f"w{a.id}": 2}
             for a in visit}
    terms["p1"] = {"minyak": 3, "kilang": 3, "pasokan": 3, "produksi": 3, "kunjungan": 1}
    terms["p2"] = {**terms["p1"], "impor": 2}
    if copy:
        second.duplicate_of, terms["p2"] = "p1", dict(terms["p1"])
    return [deal, second, *visit], _Store(info, terms)


@pytest.mark.parametrize("copy", [False, True])
def test_a_small_story_the_batch_started_is_matched_again_as_a_whole(monkeypatch, copy):
    # The deal's reports form a story before the visit has one; at the end of the batch the first
    # of them fits the visit's story, which takes the pair whole (or the report and its copy).
    articles, store = _visit_and_deal(copy)
    monkeypatch.setattr("linimasa.link.stories.SECOND_LOOK", 0)
    apart, _ = assign(articles, store, threshold=0.2, bridge=0.25, developing=0.1)
    assert sorted(sorted(s.articles) for s in apart) == [["p1", "p2"], ["s1", "s2", "s3"]]
    monkeypatch.setattr("linimasa.link.stories.SECOND_LOOK", 2)
    articles, store = _visit_and_deal(copy)
    together, absorbed = assign(articles, store, threshold=0.2, bridge=0.25, developing=0.1)
    assert [sorted(s.articles) for s in together] == [["p1", "p2", "s1", "s2", "s3"]] and len(absorbed) == 1
    assert {a.story for a in articles} == {together[0].id}  # every article knows its new story


def test_a_small_story_matched_again_stays_apart_when_it_does_not_fit(monkeypatch):
    # the same pair against a developing story's usual fit: the deal's words are not the visit's
    # (the looser fit for the visit's core actors aside: the deal names one of its two people)
    monkeypatch.setattr("linimasa.link.stories.CORE_ENTITIES", 2.0)
    articles, store = _visit_and_deal()
    out, absorbed = assign(articles, store, threshold=0.2, bridge=0.25, developing=0.18)
    assert sorted(sorted(s.articles) for s in out) == [["p1", "p2"], ["s1", "s2", "s3"]] and not absorbed
    # ... and when one of its articles fits the story and the other does not (two match reports of
    # one game, the first of which fits the tournament's other games)
    articles, store = _visit_and_deal(second_of_visit=False)
    out, absorbed = assign(articles, store, threshold=0.2, bridge=0.25, developing=0.1)
    assert sorted(sorted(s.articles) for s in out) == [["p1", "p2"], ["s1", "s2", "s3"]] and not absorbed


def test_a_small_story_matched_again_joins_when_its_reports_fit_as_a_whole(monkeypatch):
    monkeypatch.setattr("linimasa.link.stories.CORE_ENTITIES", 2.0)  # the developing story's fit alone
    # The deal's second report names one of the visit's people besides the deal's, and fits the visit
    # too little alone; the pair, its names and words summed, fits it: the pair joins the visit.
    articles, store = _visit_and_deal()
    articles[1].mentions = _article("p2", ["ec", "eb"], "2025-06-19").mentions
    store.terms["p2"] = {"minyak": 3, "kilang": 3, "impor": 3, "kunjungan": 1}
    together, absorbed = assign(articles, store, threshold=0.2, bridge=0.25, developing=0.15)
    assert [sorted(s.articles) for s in together] == [["p1", "p2", "s1", "s2", "s3"]] and len(absorbed) == 1
    # ... but not at a stricter fit, nor when the second report names none of the visit's entities
    articles, store = _visit_and_deal()
    articles[1].mentions = _article("p2", ["ec", "eb"], "2025-06-19").mentions
    store.terms["p2"] = {"minyak": 3, "kilang": 3, "impor": 3, "kunjungan": 1}
    apart, _ = assign(articles, store, threshold=0.2, bridge=0.25, developing=0.18)
    assert sorted(sorted(s.articles) for s in apart) == [["p1", "p2"], ["s1", "s2", "s3"]]
    articles, store = _visit_and_deal(second_of_visit=False)
    store.terms["p2"] = {"minyak": 3, "kilang": 3, "impor": 3, "kunjungan": 1}
    apart, _ = assign(articles, store, threshold=0.2, bridge=0.25, developing=0.15)
    assert sorted(sorted(s.articles) for s in apart) == [["p1", "p2"], ["s1", "s2", "s3"]]


def test_a_headline_names_the_two_sides_of_a_match():
    assert _pairing("Hasil Piala Dunia Antarklub 2025: Ulsan Vs Mamelodi Sundowns 0-1") == (
        {"ulsan"}, {"mamelodi", "sundowns"})  # not the clause before the colon, not the score
    assert _pairing("Prediksi Skor Inter Milan vs Urawa Reds, Minggu 22 Juni 2025") == (
        {"skor", "inter", "milan"}, {"urawa", "reds"})  # three words a side at most; the comma ends it
    assert _pairing("Simone Inzaghi Pede Jelang Al Hilal Lawan Madrid") == ({"jelang", "al", "hilal"}, {"madrid"})
    assert _pairing("Timnas Voli Putra Indonesia vs Bahrain di AVC Nations Cup") == (
        {"voli", "putra", "indonesia"}, {"bahrain"})  # a word in lower case ends a side
    assert _pairing("Prabowo ajak warga lawan korupsi") is None and _pairing(None) is None
    ulsan = _pairing("Ulsan vs Mamelodi Sundowns")
    dortmund = _pairing("Mamelodi Sundowns vs Borussia Dortmund: Semangat Afrika")
    rating = _pairing("Rating Pemain Mamelodi Sundowns vs Ulsan")
    assert _another_match(ulsan, dortmund) and not _same_match(ulsan, dortmund)
    assert _same_match(ulsan, rating) and not _another_match(ulsan, rating)  # sides either way round
    assert not _another_match(ulsan, _pairing("Lionel Messi vs Kylian Mbappe"))  # no side in common


def _match(aid, title, day, entities, words):
    a = _article(aid, entities, day)
    a.title = title
    return a, {**words, f"w{aid}": 1}


def test_two_matches_of_one_team_stay_two_stories():
    # A club's result and its next match's preview share the club, its coach and the tournament's
    # words: by entities and words one story; their headlines name two matches with one side in
    # common. A player rating of the first match joins the first.
    info = {e: (e, "PER", 3) for e in ("sundowns", "mokwena", "ulsan", "dortmund", "kovac", "cwc")}
    words = {"piala": 3, "dunia": 3, "antarklub": 3, "laga": 2, "gol": 2, "grup": 2, "pelatih": 2}
    result, t1 = _match("r", "Hasil Piala Dunia Antarklub 2025: Ulsan Vs Mamelodi Sundowns 0-1", "2025-06-18",
                        ["sundowns", "mokwena", "ulsan", "cwc"], words)
    preview, t2 = _match("p", "Mamelodi Sundowns vs Borussia Dortmund: Semangat Afrika", "2025-06-20",
                         ["sundowns", "mokwena", "dortmund", "kovac", "cwc"], words)
    rating, t3 = _match("q", "Rating Pemain Mamelodi Sundowns vs Ulsan", "2025-06-18",
                        ["sundowns", "mokwena", "ulsan", "cwc"], words)
    store = _Store(info, {"r": t1, "p": t2, "q": t3})
    stories, _ = assign([result, preview, rating], store, threshold=0.2, bridge=0.25)
    assert sorted(sorted(s.articles) for s in stories) == [["p"], ["q", "r"]]
    # the same reports under headlines that name no match are one story
    for a in (result, preview, rating):
        a.title = "Mamelodi Sundowns di Piala Dunia Antarklub"
    stories, _ = assign([result, preview, rating], store, threshold=0.2, bridge=0.25)
    assert len(stories) == 1


def test_a_small_story_matched_again_joins_no_other_match_of_its_reports():
    # A preview that names its match and the result of that match (its headline names none) form a
    # story; the team's next match then forms its own. At the end of the batch the result, whose
    # headline names no match, fits the next match's story as well as its own (the same team, coach,
    # tournament words), but the preview's headline names another match: the pair stays apart.
    info = {e: (e, "PER", 3) for e in ("timnas", "pelatih", "avc")}
    words = {"voli": 3, "putra": 3, "nations": 2, "set": 2, "laga": 2, "pelatih": 2}
    ents = ["timnas", "pelatih", "avc"]
    terms = {}
    preview, terms["r1"] = _match("r1", "AVC Nations Cup 2025 Indonesia vs Thailand: Menang Harga Mati",
                                  "2025-06-18", ents, words)
    result, terms["r2"] = _match("r2", "Timnas Voli Putra Comeback, Pukul Thailand Tiga Set", "2025-06-19",
                                 ents, words)
    nxt = []
    for aid, title in (("b1", "Jadwal Timnas Voli Putra Indonesia vs Bahrain"),
                       ("b2", "Hasil Timnas Indonesia vs Bahrain di AVC Nations Cup"),
                       ("b3", "Rating Pemain Indonesia vs Bahrain")):
        a, terms[aid] = _match(aid, title, "2025-06-20", ents, words)
        nxt.append(a)
    stories, absorbed = assign([preview, result, *nxt], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert sorted(sorted(s.articles) for s in stories) == [["b1", "b2", "b3"], ["r1", "r2"]] and not absorbed


def test_a_headline_opening_as_a_round_up_or_a_fact_check():
    assert _round_up("TOP 3: Kebaya Mulan Jameela dan Adira Kania, Rumah Minimalis", "id")
    assert _round_up("Terpopuler: Jembatan Gantung Desa Sukamaju Ditutup Sementara", "id")
    assert _round_up("Cek Fakta: Tidak Benar Video Ini", "id") and _round_up("Kumpulan Hoaks Catut Nama Bank", "id")
    assert _round_up("Top 10 stories of the week", "en") and _round_up("Fact check: no, the video is old", "en")
    assert not _round_up("Deretan Artis di Pernikahan Al Ghazali", "id")  # a listicle of one event
    assert not _round_up("Topik Hangat Pekan Ini", "id") and not _round_up(None, "id")
    assert not _round_up("TOP 3: Kebaya", "xx")  # a language without the list


def test_a_round_up_is_a_story_alone():
    # A wedding told in three reports, and a "TOP 3" round-up that reprints one of them among two
    # other stories: by its actors and words it fits the wedding, but a round-up is a story alone.
    info = {e: (e, "PER", 3) for e in ("ghazali", "alyssa", "maia", "dhani", "mulan")}
    words = {"pernikahan": 3, "kebaya": 3, "pengantin": 3, "resepsi": 2, "tamu": 2}
    wedding = []
    terms = {}
    for i, title in enumerate(["Al Ghazali dan Alyssa Daguise Menikah", "Haru Maia di Pernikahan Al Ghazali",
                               "Tamu Resepsi Al Ghazali"]):
        a, terms[f"w{i}"] = _match(f"w{i}", title, "2025-06-18", ["ghazali", "alyssa", "maia", "dhani"], words)
        wedding.append(a)
    top, terms["top"] = _match("top", "TOP 3: Kebaya Mulan Jameela, Pernikahan Al Ghazali", "2025-06-19",
                               ["ghazali", "alyssa", "maia", "mulan"], words)
    store = _Store(info, terms)
    stories, _ = assign([*wedding, top], store, threshold=0.2, bridge=0.25)
    assert sorted(sorted(s.articles) for s in stories) == [["top"], ["w0", "w1", "w2"]]
    # ... and no report joins it when it comes first
    stories, _ = assign([top, *wedding], store, threshold=0.2, bridge=0.25)
    assert sorted(sorted(s.articles) for s in stories) == [["top"], ["w0", "w1", "w2"]]
    top.title = "Kebaya Mulan Jameela di Pernikahan Al Ghazali"  # the same report, not a round-up
    stories, _ = assign([*wedding, top], store, threshold=0.2, bridge=0.25)
    assert len(stories) == 1


SUNDOWNS_RESULT = (
    "Hasil Piala Dunia Antarklub: Ulsan vs Mamelodi Sundowns 0-1\n\nOrlando, Rabu (18/6/2025) - Mamelodi Sundowns "
    "mengalahkan Ulsan HD 1-0 di Stadion Inter&Co, Orlando. Gol tunggal Lebohang Maboe membawa "
    "Sundowns memuncaki grup F. Pelatih Sundowns Miguel Cardoso memuji lini belakang timnya yang menahan "
    "serangan Ulsan hingga peluit akhir.\n")
SUNDOWNS_RATING = (
    "Rating Pemain Ulsan vs Mamelodi Sundowns: Maboe Bersinar\n\nOrlando, Rabu (18/6/2025) - Lebohang Maboe menjadi "
    "pemain terbaik saat Mamelodi Sundowns mengalahkan Ulsan HD 1-0 di Orlando. Miguel Cardoso menilai kemenangan atas "
    "Ulsan membuka jalan Sundowns di grup F.\n")
SUNDOWNS_PREVIEW = (
    "Mamelodi Sundowns vs Borussia Dortmund: Semangat Afrika\n\nCincinnati, Jumat (20/6/2025) - Mamelodi Sundowns akan "
    "menghadapi Borussia Dortmund di grup F. Pelatih Sundowns Miguel Cardoso yakin Lebohang Maboe kembali "
    "tajam setelah mencetak gol ke gawang Ulsan. Niko Kovac meminta Dortmund mewaspadai serangan Sundowns.\n")


def test_the_next_match_of_a_stored_match_story_is_another_story(tmp_path):
    # The result is stored first; its rating (the same match) joins it, the club's next match, which
    # shares its players, coach and words, does not: the stored report's headline is read back.
    db = str(tmp_path / "s.db")
    linimasa.process([SUNDOWNS_RESULT], store=db)
    c = linimasa.process([SUNDOWNS_RATING, SUNDOWNS_PREVIEW], store=db)
    assert _story_of(c, "pemain terbaik") == _story_of(c, "Gol tunggal")
    assert _story_of(c, "Niko Kovac") != _story_of(c, "Gol tunggal")


def test_an_event_named_at_two_lengths_is_one_entity_to_a_story():
    # A regatta's reports: one writes the short name, another the full one with the sponsor's series.
    info = {"short": ("Regata Teluk Tomini 2025", "EVT", 3),
            "full": ("Sail Series Regata Teluk Tomini 2025", "EVT", 3),
            "old": ("Regata Teluk Tomini 2019", "EVT", 3),
            "other": ("Regata Teluk Bone 2025", "EVT", 3),
            "body": ("Sail Series", "EVT", 3), "body25": ("Sail 2025", "EVT", 3)}
    assert _event_aliases({"short": 2.0}, {"full": 3.0}, info, "id") == {"full": 2.0}
    assert _event_aliases({"full": 2.0}, {"short": 3.0}, info, "id") == {"short": 2.0}
    assert _event_aliases({"old": 2.0}, {"full": 3.0}, info, "id") == {"old": 2.0}  # another year
    assert _event_aliases({"other": 2.0}, {"full": 3.0}, info, "id") == {"other": 2.0}  # another bay
    assert _event_aliases({"full": 2.0}, {"body25": 3.0}, info, "id") == {"full": 2.0}  # one word: a kind of event


def test_nested_event_names_keep_places_numbers_and_years():
    assert _event_key("Formula E Jakarta E-Prix 2025", "id") == (frozenset({"formula", "e", "jakarta", "prix"}), "2025")
    assert _nested(_event_key("Jakarta E-Prix 2025", "id"), _event_key("Formula E Jakarta E-Prix 2025", "id"))
    assert not _nested(_event_key("Formula 1", "id"), _event_key("Formula E Paddock Tour", "id"))
    assert not _nested(_event_key("Korea Open 2025", "id"), _event_key("Super 1000 Indonesia Open 2025", "id"))
    assert not _nested(_event_key("Jakarta E-Prix 2025", "id"), _event_key("Jakarta E-Prix 2025", "id"))


def test_reports_that_name_one_event_at_two_lengths_are_one_story(monkeypatch):
    # Two reports of a regatta quote different officials; one names it short, the other in full.
    info = {"short": ("Regata Teluk Tomini 2025", "EVT", 3),
            "full": ("Sail Series Regata Teluk Tomini 2025", "EVT", 3),
            "bupati": ("Sri Mulyani Wardani", "PER", 3), "camat": ("Budi Santoso Wijaya", "PER", 3)}
    first = _article("r1", ["short", "short", "bupati"], "2025-06-18")
    second = _article("r2", ["full", "full", "camat"], "2025-06-19")
    terms = {"r1": {"regata": 4, "perahu": 3, "warga": 3, "dermaga": 2, "budaya": 2, "layar": 2},
             "r2": {"regata": 4, "panggung": 3, "tiket": 3, "parkir": 2, "layar": 2}}
    stories, _ = assign([first, second], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 1
    monkeypatch.setattr("linimasa.link.stories._nested", lambda a, b: False)
    stories, _ = assign([first, second], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 2


def test_reactions_to_one_rule_whose_headlines_name_it_by_two_acronyms_are_one_story():
    # A new rule lets village officials (PPD) keep a second job (RKG); a regent and an MP react. The
    # reports quote different people (no entity shared) and share some words of the rule.
    info = {e: (e, "PER", 3) for e in ("menteri", "bupati", "anggota", "warga")}
    rule = _article("p1", ["menteri"], "2025-06-18")
    rule.title = "Aturan Baru Terbit, PPD Boleh RKG Asal Pelayanan Jalan"
    regent = _article("p2", ["bupati"], "2025-06-19")
    regent.title = "Bupati Sambut PPD Boleh RKG: Asal Kantor Desa Tetap Buka"
    other = _article("p3", ["anggota"], "2025-06-19")
    other.title = "Anggota Dewan Soroti PPD: Gaji Perangkat Desa Telat"  # one acronym: the officials, not the rule
    terms = {"p1": {"perangkat": 4, "rangkap": 4, "desa": 3, "aturan": 3, "pelayanan": 2, "menteri": 2},
             "p2": {"perangkat": 3, "rangkap": 3, "desa": 3, "kantor": 3, "bupati": 3, "buka": 2, "warga": 2},
             "p3": {"perangkat": 3, "desa": 2, "gaji": 4, "telat": 3, "anggota": 2, "honor": 3, "bulan": 2}}
    stories, _ = assign([rule, regent, other], _Store(info, terms), threshold=0.2, bridge=0.9)
    by = {aid: s.id for s in stories for aid in s.articles}
    assert by["p1"] == by["p2"] and by["p3"] != by["p1"]
    regent.title = "Bupati Sambut Aturan Baru: Asal Kantor Desa Tetap Buka"  # names no acronym
    stories, _ = assign([rule, regent], _Store(info, terms), threshold=0.2, bridge=0.9)
    assert len(stories) == 2


def _eruption_reports(titles):
    # Reports of one eruption, each quoting its own official, all writing the volcano and "erupsi"
    # among their words and in their headlines.
    info = {e: (e, "PER", 3) for e in ("mensos", "gubernur", "kepala", "otoritas", "maskapai")}
    shared = {"erupsi": 3, "lokon": 3, "abu": 2, "warga": 2, "pengungsi": 2}
    reports = []
    for i, (official, title) in enumerate(zip(("mensos", "gubernur", "kepala"), titles, strict=False), 1):
        report = _article(f"r{i}", [official, official], "2025-06-18")
        report.title = title
        reports.append(report)
    terms = {a.id: {**shared, f"w{a.id}": 2} for a in reports}
    return info, reports, terms


def _airports(title):
    # the airports closed by the ash, a day on: the airport authority and an airline, words of flights
    report = _article("air", ["otoritas", "otoritas", "maskapai"], "2025-06-19")
    report.title = title
    words = {"bandara": 3, "penerbangan": 3, "ditutup": 3, "erupsi": 2, "lokon": 2, "abu": 1, "imbas": 1}
    return report, words


def test_a_report_headlined_with_a_developing_storys_rare_words_joins_it(monkeypatch):
    # The airports' report quotes no one the eruption's reports quote and tells of flights: its fit
    # with the story is under a developing story's, but its headline writes the two rare words
    # ("erupsi", "lokon") that the story's headlines write, each in two or more of them.
    info, reports, terms = _eruption_reports(["Erupsi Gunung Lokon, Mensos Kirim Bantuan",
                                              "Gubernur Tinjau Pengungsi Erupsi Gunung Lokon",
                                              "Status Gunung Lokon Naik Usai Erupsi"])
    air, terms["air"] = _airports("Imbas Erupsi Gunung Lokon, Bandara Ditutup")
    stories, _ = assign([*reports, air], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 1
    monkeypatch.setattr("linimasa.link.stories.HEADLINE_FIT", 1.0)  # the rule off: the fit alone decides
    stories, _ = assign([*reports, air], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2


def test_one_shared_headline_word_or_a_pairs_headlines_do_not_join_a_report():
    info, reports, terms = _eruption_reports(["Erupsi Gunung Lokon, Mensos Kirim Bantuan",
                                              "Gubernur Tinjau Pengungsi Erupsi Gunung Lokon",
                                              "Status Gunung Lokon Naik Usai Erupsi"])
    # one rare word of the story's headlines: a name many stories write (a club, a minister, a brand)
    air, terms["air"] = _airports("Imbas Erupsi, Bandara Ditutup")
    stories, _ = assign([*reports, air], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2
    # a pair is no developing story: its two headlines say little of what later turns will write
    air, terms["air"] = _airports("Imbas Erupsi Gunung Lokon, Bandara Ditutup")
    stories, _ = assign([*reports[:2], air], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2
    # the story's words in one headline each only: not what its reports are headlined with
    info, reports, terms = _eruption_reports(["Mensos Kirim Bantuan untuk Warga Lokon",
                                              "Gubernur Tinjau Pengungsi Erupsi",
                                              "Status Gunung Naik, Warga Waspada"])
    air, terms["air"] = _airports("Imbas Erupsi Gunung Lokon, Bandara Ditutup")
    stories, _ = assign([*reports, air], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2


def test_rare_headline_words_are_few_articles_words_not_words_of_the_language():
    df = {"erupsi": 4, "lokon": 2, "bandara": 3, "ruang": 1, "maumere": 40}
    title = "Imbas Erupsi Gunung Lokon, Bandara Maumere Ditutup 2 Hari"
    # "bandara" (airport) and "ruang" (room) are words of the language; "maumere" is in 40 of 100 articles
    assert _rare_headline_words(title, "id", df, 100) == {"erupsi", "lokon"}
    assert _rare_headline_words("Erupsi di Ruang Publik", "id", df, 100) == {"erupsi"}
    assert _rare_headline_words(title, "id", df, 3000) == {"erupsi", "lokon", "maumere"}  # a large store: 1 in 30
    assert _rare_headline_words(title, "id", {}, 100) == frozenset()  # words the store has not counted


def test_headline_acronyms_are_capitals_that_are_no_words_of_the_language():
    assert _headline_acronyms("Komisi X DPR Soroti SPMB: Ada Jual Beli Kursi", "id") == {"DPR", "SPMB"}
    assert _headline_acronyms("ASN Boleh WFA-Jam Kerja Fleksibel di RI", "id") == {"ASN", "WFA"}  # not two letters
    assert _headline_acronyms("BANJIR RENDAM DAYEUHKOLOT, BPBD KIRIM PERAHU", "id") == frozenset()  # all capitals


def test_a_story_sharing_no_word_that_counts_scores_exactly_nothing():
    """`assign` does not call `score` for a story that shares no word that counts with the article
    and either no entity, or entities in one language where both have words: the score it puts in
    its place, 0.0, must be what `score` gives, with or without names, beats, members or a place apart."""
    story = Story(id="s", label="", articles=["a", "b", "c"], entities={"persib": 1.0, "bandung": 0.5},
                  terms={"gol": 1.0, "menit": 0.5}, languages={"id": 3})
    weights, terms = {"kpk": 1.0, "jakarta": 0.4}, {"korupsi": 1.0, "tersangka": 0.7}
    members = [{"pelatih": 1.0}, {}]
    for elsewhere in (False, True):
        for other_language in (False, True):
            for names in (frozenset(), frozenset({"kpk"})):
                assert score(weights, terms, story, members, elsewhere, other_language=other_language,
                             names=names, norms=[None, None], beats=frozenset({"kpk"}),
                             actors=lambda: frozenset({"korupsi", "tersangka"})) == 0.0
    # a place apart: words shared do not count, and no entity is shared
    assert score(weights, {"gol": 1.0}, story, members, elsewhere=True) == 0.0
    for w, t in (({}, terms), (weights, {}), ({}, {})):
        assert score(w, t, story, members, elsewhere=False) == 0.0
    # entities shared but no word: within one language, entities count only as far as words back them
    shared = {"persib": 1.0, "kpk": 1.0}
    for names in (frozenset(), frozenset({"persib"})):
        assert score(shared, terms, story, members, False, names=names, norms=[None, None],
                     beats=frozenset({"persib"}), actors=lambda: frozenset({"korupsi"})) == 0.0
    assert score(shared, {"gol": 1.0}, story, members, elsewhere=True) == 0.0
    # ... which another language's story, or one side without words, does not say
    assert score(shared, terms, story, members, False, other_language=True) > 0.0
    assert score(shared, {}, story, members, False) > 0.0


class _StoredStories(_Store):
    """`_Store` with stories stored by earlier batches, every one of them a candidate."""

    def __init__(self, info, terms, stored, reports=()):
        super().__init__(info, terms)
        self.stored = {s.id: s for s in stored}
        self.reports = {x.id: x for x in reports}  # the stored stories' articles (`get_articles`)

    def story_candidates(self, keys, limit):
        return list(self.stored)

    def stories(self, ids):
        return [self.stored[i] for i in ids if i in self.stored]

    def get_articles(self, ids):
        return [self.reports[i] for i in ids if i in self.reports]

    def article_cards(self, ids):
        return {}


def test_an_article_that_fits_two_halves_of_one_story_merges_them(monkeypatch):
    # A phone's launch, told in one batch by its maker's CEO and in another by a dealer, formed two
    # stories; a later report of the phone's battery fits the launch best and the dealer's story
    # about half as well, under the bridge. The two stories share their actors (maker, phone) and
    # words (price, screen): the report shows them to be halves of one story, and merges them.
    # Without the halves' likeness (their actors) the weaker fit alone merges nothing.
    info = {e: (e, "PER", 3) for e in ("maker", "phone", "ceo", "pm", "dealer")}
    launch = _article("a1", ["maker", "phone", "ceo"], "2025-06-18")
    dealer = _article("b1", ["maker", "phone", "dealer"], "2025-06-18")
    battery = _article("c", ["maker", "phone", "ceo", "pm"], "2025-06-19")
    terms = {"a1": {"peluncuran": 3, "kamera": 3, "layar": 2, "harga": 2},
             "b1": {"dealer": 3, "diler": 3, "harga": 2, "unit": 2, "layar": 1},
             "c": {"peluncuran": 1, "harga": 2, "layar": 1, "baterai": 3, "pengisian": 3, "daya": 3}}

    def merged() -> bool:
        (first,), _ = assign([launch], _Store(info, terms), threshold=0.2, bridge=0.35)
        (second,), _ = assign([dealer], _Store(info, terms), threshold=0.2, bridge=0.35)
        stories, gone = assign([battery], _StoredStories(info, terms, [first, second]), threshold=0.2, bridge=0.35)
        return len(stories) == 1 and len(stories[0].articles) == 3 and len(gone) == 1

    assert merged()
    monkeypatch.setattr("linimasa.link.stories.HALVES_ENTITIES", 2.0)  # no two stories share this much
    assert not merged()
    monkeypatch.setattr("linimasa.link.stories.HALVES_ENTITIES", 0.3)
    monkeypatch.setattr("linimasa.link.stories.HALVES_NEAR", 2.0)  # no second fit is this near
    assert not merged()


class _CountingStore:
    """A store that answers `article_terms` from a dict and counts the articles it was asked for."""

    def __init__(self, terms: dict[str, dict[str, int]]) -> None:
        self.terms, self.asked = terms, 0

    def article_terms(self, ids: set[str]) -> dict[str, dict[str, int]]:
        self.asked += len(ids)
        return {i: dict(self.terms[i]) for i in ids if i in self.terms}


def test_member_counts_are_the_stored_counts_read_once_while_kept():
    terms = {f"a{i}": {"banjir": i + 1, "warga": 1} for i in range(5)}
    store = _CountingStore(terms)
    counts = _MemberCounts(limit=3)
    assert counts.read(store, {"a0", "a1", "zz"}) == {"a0": terms["a0"], "a1": terms["a1"]}
    assert store.asked == 3
    assert counts.read(store, {"a0", "a1"}) == {"a0": terms["a0"], "a1": terms["a1"]}
    assert store.asked == 3  # kept: not asked again
    assert counts.read(store, {"a2", "a3"}) == {"a2": terms["a2"], "a3": terms["a3"]}
    assert len(counts.kept) == 3  # the least recently read one went
    other = _CountingStore({"a0": {"gempa": 2}})
    assert counts.read(other, {"a0"}) == {"a0": {"gempa": 2}}  # another store starts anew


def _cosine_before(a: dict[str, float], b: dict[str, float]) -> float:
    """`_cosine` as it was before its disjoint-keys shortcut: the reference of the test below."""
    dot = sum([w * b[k] for k, w in a.items() if k in b])
    if not dot:
        return 0.0
    return dot / (math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values())))


_KEYS = st.sampled_from([f"k{i}" for i in range(12)])
_WEIGHTS = st.dictionaries(_KEYS, st.one_of(st.just(0.0), st.floats(min_value=1e-3, max_value=50.0)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_WEIGHTS, _WEIGHTS, st.booleans())
def test_cosine_disjoint_shortcut_gives_the_same_float(a: dict[str, float], b: dict[str, float], kept: bool) -> None:
    """Two vectors that share no key are 0.0 without the sum; every other pair the same float as before,
    with or without a kept norm, and for a `_Vector` as for a plain dict."""
    expected = _cosine_before(a, b)
    assert _cosine(a, b) == expected
    assert _cosine(_Vector(a), b) == expected
    norms: list[float | None] = [None, None]
    assert _cosine(a, b, norms, 1) == expected
    if kept:
        assert _cosine(a, b, norms, 1) == expected  # the norm kept by the first call


def _term_weights_before(counts: dict[str, int], n_docs: int, df: dict[str, int], limit: int,
                         idf: dict[str, float | None]) -> list[tuple[str, float]]:
    """`_term_weights` as it was before it found the unweighed words by a set difference."""
    for t in [t for t in counts if t not in idf]:
        d = df.get(t, 0)
        idf[t] = math.log((n_docs + 1 + TERM_PSEUDO_DOCS) / (1 + d)) if d > 1 and len(t) > 2 else None
    out = [(t, (1 + math.log(c)) * w) for t, c in counts.items() if (w := idf[t]) is not None]
    out.sort(key=lambda kv: kv[1], reverse=True)
    return out[:limit]


_WORDS = st.sampled_from(["ab", "banjir", "jakarta", "gubernur", "hujan", "warga", "polisi", "pasar", "harga",
                          "emas", "naik", "turun", "xyz"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(_WORDS, st.integers(1, 9), max_size=13), min_size=1, max_size=5),
       st.dictionaries(_WORDS, st.integers(0, 60)), st.integers(1, 100), st.integers(1, 13))
def test_term_weights_same_as_before(docs: list[dict[str, int]], df: dict[str, int], n_docs: int,
                                     limit: int) -> None:
    """The same weights in the same order as before, with one idf dict shared across the calls of a
    batch (each call adds the words it has not seen)."""
    old_idf: dict[str, float | None] = {}
    new_idf: dict[str, float | None] = {}
    for counts in docs:
        expected = _term_weights_before(counts, n_docs, df, limit, old_idf)
        assert list(_term_weights(counts, n_docs, df, limit, new_idf).items()) == expected
    assert new_idf == old_idf


def test_words_every_article_of_a_small_store_writes_still_weigh() -> None:
    """Five reports of one story processed alone: the words all five write are the story's subject, not
    words of every story; in a large store a word every article writes weighs next to nothing."""
    df = {"truk": 5, "odol": 5, "razia": 2}
    w = _term_weights({"truk": 3, "odol": 2, "razia": 1}, 5, df, 40, {})
    assert w["truk"] > 0 and w["odol"] > 0
    assert w["odol"] / (1 + math.log(2)) > 0.5 * w["razia"]
    big = _term_weights({"truk": 1, "razia": 1}, 10_000, {"truk": 10_000, "razia": 2}, 40, {})
    assert big["truk"] < 0.01 * big["razia"]


EVAL_LINK = Path(__file__).resolve().parents[2] / "eval" / "link-id"


@pytest.mark.skipif(not (EVAL_LINK / "gold-dev2.json").is_file(), reason="eval/link-id not built")
def test_a_story_s_reports_processed_alone_are_one_story(tmp_path) -> None:
    """Seven real reports of one story (eval/link-id dev2: a trade minister declines an anti-dumping
    duty, and the reactions), a user's whole store: before small stores kept their shared words,
    they came out as two stories."""
    gold = json.loads((EVAL_LINK / "gold-dev2.json").read_text(encoding="utf-8"))
    files = sorted(f for f, a in gold["articles"].items()
                   if a["story"] == "filament-antidumping" and a["kind"] == "real")
    corpus = linimasa.process([str(EVAL_LINK / "corpus" / "dev2" / f) for f in files], store=str(tmp_path / "x.db"))
    assert len(files) == 7
    assert len({a.story for a in corpus.articles}) == 1


class _TermStore:
    """A store of word counts and document frequencies, for `_load_members` alone; it logs the words
    `term_stats` is asked for."""

    def __init__(self, counts: dict[str, dict[str, int]], df: dict[str, int]) -> None:
        self.counts, self.df, self.asked = counts, df, []

    def article_terms(self, ids: set[str]) -> dict[str, dict[str, int]]:
        return {i: self.counts[i] for i in ids if i in self.counts}

    def term_stats(self, terms: set[str]) -> tuple[int, dict[str, int]]:
        self.asked.append(set(terms))
        return 50, {t: self.df[t] for t in terms if t in self.df}


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["m1", "m2", "m3", "m4"]),
                       st.dictionaries(_WORDS, st.integers(1, 9), max_size=13), min_size=1),
       st.dictionaries(_WORDS, st.integers(1, 60)), st.sets(_WORDS))
def test_load_members_weighs_as_when_it_asked_for_every_word(counts: dict[str, dict[str, int]],
                                                            store_df: dict[str, int], known: set[str]) -> None:
    """Members weighed with only their uncounted words of three letters or more asked for (none asked
    when none is left) get the weights they got when every uncounted word was asked for, and the
    idf kept for the batch is that of the words' store counts."""
    stories = [Story(id="s1", label="", articles=sorted(counts))]
    df = {t: store_df[t] for t in known if t in store_df}  # the batch's own words, counted at its start
    counted = set(df)
    idf: dict[str, float | None] = {}
    store = _TermStore(counts, store_df)
    weighed: dict[str, dict[str, float]] = {}
    _load_members(stories, weighed, store, 50, df, 5, idf)
    for m, c in counts.items():
        full_idf: dict[str, float | None] = {}
        assert list(weighed[m].items()) == _term_weights_before(c, 50, store_df, 5, full_idf)
    assert all(len(t) > 2 and t not in counted for asked in store.asked for t in asked)
    assert all(asked for asked in store.asked)


def test_a_late_move_needs_both_shared_actors_and_shared_words():
    # A stored report met again at a later batch's end moves into the batch's story only when it
    # shares the story's actors and its words: a carmaker's order count joins its launch; a rival's
    # sales figures (the trade's words, no shared actor) and the carmaker's unrelated feature (the
    # actor, other words) do not.
    from linimasa.link.stories import late_backed
    launch = Story(id="s1", label="launch", articles=["b1", "b2"],
                   entities={"maker": 2.0, "phone": 2.0, "ceo": 1.0},
                   terms={"peluncuran": 3.0, "pemesanan": 2.0, "unit": 2.0, "harga": 1.0})
    orders = ({"maker": 1.0, "phone": 1.0}, {"pemesanan": 3.0, "unit": 2.0, "diler": 1.0})
    rival = ({"rival": 1.0}, {"pemesanan": 3.0, "unit": 2.0, "diler": 1.0})
    feature = ({"maker": 1.0}, {"pabrik": 3.0, "sejarah": 3.0, "museum": 2.0})
    assert late_backed(*orders, launch)
    assert not late_backed(*rival, launch)
    assert not late_backed(*feature, launch)


def test_an_age_group_is_read_past_in_a_side_of_a_match():
    # "U-23" holds a number but is no score: the side reads on to the team's name, and is no word of
    # it (every team of an age-group tournament writes it)
    phi = _pairing("Live Malam Hari! Ini Jadwal Timnas Indonesia U-23 vs Filipina di Piala AFF U-23 2025")
    bru = _pairing("Ini Jadwal Timnas Indonesia U-23 vs Brunei Darussalam di Piala AFF U-23 2025")
    assert phi == ({"timnas", "indonesia"}, {"filipina"})
    assert bru == ({"timnas", "indonesia"}, {"brunei", "darussalam"})
    assert _another_match(phi, bru)
    myanmar = _pairing("Timnas Putri Indonesia U-19 vs Myanmar U-19: Erick Thohir Doakan")
    vietnam = _pairing("Timnas Putri Indonesia U-19 vs Vietnam U-19: Jelang Final")
    assert myanmar == ({"putri", "indonesia"}, {"myanmar"})
    assert _another_match(myanmar, vietnam) and not _same_match(myanmar, vietnam)  # "u-19" is no shared side
    assert _pairing("Hasil: Indonesia vs Bahrain 2-1") == ({"indonesia"}, {"bahrain"})  # a score still ends a side


def test_a_copy_whose_headline_names_no_match_bridges_no_two_matches_of_one_team():
    # Two previews of one team's two matches, and a copy of the second whose rewritten headline reads
    # as no match: it fits both previews (the same team, coach and tournament words) but does not
    # make the two matches one story.
    info = {e: (e, "PER", 3) for e in ("timnas", "pelatih", "aff")}
    words = {"jadwal": 3, "siaran": 3, "langsung": 2, "laga": 2, "grup": 2, "pelatih": 2}
    ents = ["timnas", "pelatih", "aff"]
    terms = {}
    phi, terms["phi"] = _match("phi", "Jadwal Timnas Indonesia vs Filipina di Piala AFF", "2025-06-18",
                               ents, words)
    bru, terms["bru"] = _match("bru", "Jadwal Timnas Indonesia vs Brunei di Piala AFF", "2025-06-18",
                               ents, words)
    copy, terms["copy"] = _match("copy", "JADWALTimnas Indonesiavs Brunei DiPiala AFF", "2025-06-18",
                                 ents, words)
    terms["copy"] = terms["bru"]
    stories, _ = assign([phi, bru, copy], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert sorted(sorted(s.articles) for s in stories) == [["bru", "copy"], ["phi"]]
    # the same reports under headlines that name no match are one story
    phi.title = "Jadwal Timnas Indonesia di Piala AFF"
    stories, _ = assign([phi, bru, copy], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(stories) == 1


def test_a_headline_naming_both_sides_of_a_match_is_of_that_match():
    # A result "PSG ... Dikalahkan Botafogo" names no match as "A vs B", but both sides of the
    # preview "PSG vs Botafogo": it is of that match, not of Botafogo's other match, though it fits
    # the other match's story better (Botafogo's coach and players are in both).
    info = {e: (e, "PER", 3) for e in ("psg", "botafogo", "paiva", "enrique", "atletico", "simeone")}
    words = {"piala": 3, "dunia": 3, "antarklub": 3, "laga": 2, "gol": 2, "grup": 2}
    terms = {}
    psg, terms["psg"] = _match("psg", "Prediksi Skor PSG vs Botafogo", "2025-06-18",
                               ["psg", "botafogo", "enrique", "paiva"], words)
    atl, terms["atl"] = _match("atl", "Simeone: Atletico Madrid Vs Botafogo Layaknya Final", "2025-06-20",
                               ["atletico", "botafogo", "simeone", "paiva"], words)
    res, terms["res"] = _match("res", "PSG Terancam Gagal Lolos usai Dikalahkan Botafogo", "2025-06-20",
                               ["botafogo", "paiva", "atletico", "psg"], words)
    stories, _ = assign([psg, atl, res], _Store(info, terms), threshold=0.2, bridge=0.9)
    assert sorted(sorted(s.articles) for s in stories) == [["atl"], ["psg", "res"]]
    # a headline that names only Botafogo is of no one match: it goes where it fits best
    res.title = "Botafogo Bikin Kejutan di Piala Dunia Antarklub"
    stories, _ = assign([psg, atl, res], _Store(info, terms), threshold=0.2, bridge=0.9)
    assert sorted(sorted(s.articles) for s in stories) == [["atl", "res"], ["psg"]]


def test_a_report_of_a_storys_match_is_not_elsewhere_for_its_clubs_countries(monkeypatch):
    # The preview names France (PSG's), the result Brazil (Botafogo's): two countries, so their words
    # would not count (`_elsewhere`); but the result's headline names both sides of the preview's
    # match, and it is that match's story wherever the clubs come from.
    info = {e: (e, "PER", 3) for e in ("psg", "botafogo", "enrique", "dembele", "jesus", "savarino")}
    info |= {"prancis": ("Prancis", "GPE", 3), "brasil": ("Brasil", "GPE", 3)}
    words = {"piala": 3, "dunia": 3, "antarklub": 3, "laga": 2, "gol": 2, "kalah": 2}
    terms = {}
    psg, terms["psg"] = _match("psg", "Prediksi Skor PSG vs Botafogo", "2025-06-18",
                               ["psg", "enrique", "dembele", "prancis", "prancis", "prancis", "botafogo"], words)
    res, terms["res"] = _match("res", "PSG Terancam Gagal Lolos usai Dikalahkan Botafogo", "2025-06-20",
                               ["botafogo", "jesus", "savarino", "brasil", "brasil", "brasil", "psg"], words)
    stories, _ = assign([psg, res], _Store(info, terms), threshold=0.2, bridge=0.9)
    assert len(stories) == 1
    res.title = "Botafogo Bikin Kejutan, Igor Jesus Cetak Gol"  # names one side: Brazil is elsewhere
    # (the two reports' words are the same here, so `PLACES_ACTORS` would overrule the places: off)
    monkeypatch.setattr("linimasa.link.stories.PLACES_ACTORS", 2.0)
    stories, _ = assign([psg, res], _Store(info, terms), threshold=0.2, bridge=0.9)
    assert len(stories) == 2


def _club_report(aid, title, entities, words):
    a, t = _match(aid, title, "2025-06-19", entities, words)
    return a, t


def test_a_report_about_another_person_of_one_club_is_another_story():
    # Three reports of one club, each about another player named in its headline (a transfer target,
    # a new signing's debut): they share the club and the transfer market's words, and are three
    # stories (one per transfer). Reports that share the club's people besides (the coach and the
    # player both name) are one story, whoever their headlines name.
    info = {"mu": ("Manchester United", "ORG", 3), "ekitike": ("Hugo Ekitike", "PER", 3),
            "cunha": ("Matheus Cunha", "PER", 3), "hojlund": ("Rasmus Hojlund", "PER", 3),
            "amorim": ("Ruben Amorim", "PER", 3), "sheringham": ("Teddy Sheringham", "PER", 3)}
    words = {"transfer": 3, "klub": 3, "musim": 2, "striker": 2, "harga": 2, "setan": 2}
    terms = {}
    ekitike, terms["e"] = _club_report("e", "Manchester United Skema Alternatif untuk Boyong Hugo Ekitike",
                                       ["mu", "ekitike"], words)
    cunha, terms["c"] = _club_report("c", "Ini Jadwal Debut Matheus Cunha Bersama Manchester United",
                                     ["mu", "cunha"], words)
    hojlund, terms["h"] = _club_report("h", "Legenda MU Bela Rasmus Hojlund: Minim Suplai Bola",
                                       ["mu", "hojlund", "sheringham"], words)
    for a in (ekitike, cunha, hojlund):
        for m in a.mentions:
            m.type = info[m.entity][1]
    store = _Store(info, terms)
    stories, _ = assign([ekitike, cunha, hojlund], store, threshold=0.2, bridge=0.25)
    assert sorted(sorted(s.articles) for s in stories) == [["c"], ["e"], ["h"]]
    # a report whose headline names a person the story's headlines name joins it
    again, terms["e2"] = _club_report("e2", "Harga Hugo Ekitike Kemahalan untuk Manchester United",
                                      ["mu", "ekitike"], words)
    stories, _ = assign([ekitike, cunha, again], store, threshold=0.2, bridge=0.25)
    assert sorted(sorted(s.articles) for s in stories) == [["c"], ["e", "e2"]]
    # the same reports sharing the club's people besides the club are one story
    for a in (ekitike, cunha, hojlund):
        a.mentions += [Mention(start=0, end=1, text="amorim", type="PER", entity="amorim"),
                       Mention(start=0, end=1, text="sheringham", type="PER", entity="sheringham")]
    stories, _ = assign([ekitike, cunha, hojlund], store, threshold=0.2, bridge=0.25)
    assert len(stories) == 1
    # and so are they when the headlines name no person
    for a in (ekitike, cunha, hojlund):
        a.title = "Kabar Terbaru Manchester United"
        a.mentions = [m for m in a.mentions if m.entity not in ("amorim", "sheringham")]
    stories, _ = assign([ekitike, cunha, hojlund], store, threshold=0.2, bridge=0.25)
    assert len(stories) == 1


def _wedding(turn_people, turn_terms, n=CORE_PEOPLE_REPORTS + 1, couple_df=3):
    """`n` reports of a wedding, each naming the couple and a guest of its own and sharing the
    event's words, and a later turn (`turn_people`, `turn_terms`): the batch and the store."""
    people = ("al", "alyssa", "dhani", "tamu", *(f"x{i}" for i in range(1, n + 1)))
    info = {e: (e.capitalize(), "PER", couple_df if e in ("al", "alyssa") else 3) for e in people}
    event = {"nikah": 3, "akad": 3, "mahar": 2, "resepsi": 2}
    reports = [_article(f"r{i}", ["al", "alyssa", f"x{i}"], "2025-06-16") for i in range(1, n + 1)]
    turn = _article("turn", turn_people, "2025-06-20")
    terms = {a.id: {**event, f"w{a.id}": 2} for a in reports}
    terms["turn"] = turn_terms
    return [*reports, turn], _Store(info, terms)


def _turn_stories(batch, store, threshold=0.2, bridge=0.25, developing=0.18):
    """How many stories `assign` makes of `batch` against `store` (a wedding and its turn: `_wedding`)."""
    return len(assign(batch, store, threshold=threshold, bridge=bridge, developing=developing)[0])


# the couple's plans after the wedding: renting a house, no word of the ceremony but one
_RENT = {"rumah": 3, "sewa": 3, "mandiri": 3, "beli": 3, "cicil": 3, "kontrak": 3, "tabung": 3, "kredit": 3,
         "nikah": 1}


def test_a_turn_naming_two_of_a_developing_storys_core_people_is_backed_by_them(monkeypatch):
    # A later turn of a wedding (where the couple will live) names the couple every report names, in
    # words no other report uses: within one language its entity match counts only as far as its
    # words back it (`WORD_BACKING`), and that is too little even for the core fit. The two people
    # most of the story's reports name are its subject: naming both, the turn is backed by them.
    batch, store = _wedding(["al", "alyssa", "dhani"], _RENT)
    assert _turn_stories(batch, store) == 1
    monkeypatch.setattr("linimasa.link.stories.CORE_PEOPLE", 99)  # no turn names this many
    assert _turn_stories(batch, store) == 2


def test_a_turn_naming_a_large_storys_core_people_counts_its_entities_alone(monkeypatch):
    # A guest's outfit at a wedding that dominates its store: the report names the guest most (an actress
    # named in no other article) and the couple besides, and its words are the outfit's (the kebaya,
    # the trousers), one of the wedding's. Its entity cosine is small (the guest outweighs the couple)
    # and its words hardly count, so their blend falls under even the core fit; backed by the couple,
    # its entity match counts alone (`CORE_ALONE`), as across languages, and it is of the wedding.
    own = {w: 3 for w in ("kebaya", "celana", "panjang", "gaya", "busana", "kondangan", "warna", "model", "kain",
                                  "modis")}
    batch, store = _wedding(["olla", "olla", "al", "alyssa"], {**own, "nikah": 1}, couple_df=40)
    store.info["olla"] = ("Olla", "PER", 1)
    assert _turn_stories(batch, store) == 1
    monkeypatch.setattr("linimasa.link.stories.CORE_ALONE", 0.0)
    assert _turn_stories(batch, store) == 2


def test_a_small_storys_core_people_back_no_turn():
    # The core of a story of a few reports is what two of them happen to name (a ministry's nuclear
    # plans and the minister's trip with the president): no subject yet, and it backs nothing.
    batch, store = _wedding(["al", "alyssa", "dhani"], _RENT, n=CORE_PEOPLE_REPORTS)
    assert _turn_stories(batch, store) == 2


def test_one_core_person_does_not_back_a_turn_in_other_words(monkeypatch):
    # A feature about one of the couple (his other news) names him and people of its own: one
    # person, however central to the story, is in many stories (a rider's features and his next
    # race), and backs nothing alone: not by `CORE_PEOPLE`, nor by `_one_actor` where one would do.
    batch, store = _wedding(["al", "tamu", "tamu"], _RENT)
    assert _turn_stories(batch, store) == 2
    monkeypatch.setattr("linimasa.link.stories.CORE_PEOPLE", 1)
    assert _turn_stories(batch, store) == 2
    monkeypatch.setattr("linimasa.link.stories._one_actor", lambda w, e: False)
    assert _turn_stories(batch, store) == 1


def test_a_storys_core_people_count_though_named_in_a_tenth_of_all_articles():
    # The couple of a wedding that dominates its store (40 of 100 articles name them) are over the
    # cap that keeps "Indonesia" out of a story's core; as its core people they still back its turns.
    batch, store = _wedding(["al", "alyssa", "dhani"], _RENT, couple_df=40)
    assert _turn_stories(batch, store) == 1
    info = {"al": ("Al", "PER", 40), "alyssa": ("Alyssa", "PER", 40), "jcc": ("JCC", "LOC", 40),
            "dhani": ("Dhani", "PER", 3)}
    story = Story(id="s", label="", articles=[f"r{i}" for i in range(6)], counted=6,
                  entities={"al": 6.0, "alyssa": 6.0, "jcc": 6.0, "dhani": 2.0}, named={"al": 6, "alyssa": 6, "jcc": 6})
    assert _core(story, info, 100) == {}  # the cap, for the core's other uses (`_names_core`)
    assert _core_people({"al": 1.0, "alyssa": 1.0, "jcc": 1.0}, story, info, 100) == 2  # not the venue
    assert _core_people({"al": 1.0, "dhani": 1.0}, story, info, 100) == 1  # Dhani: not named by half


def test_a_turn_backed_by_a_storys_core_people_takes_the_core_fit(monkeypatch):
    # Backed by the couple, the turn also takes the looser fit of a story's core actors, though its
    # entity cosine falls under `CORE_ENTITIES` and it names too little of the core for `_names_core`
    # (a race's practice result naming two of the riders its previews name, among other riders).
    monkeypatch.setattr("linimasa.link.stories.CORE_ENTITIES", 2.0)
    monkeypatch.setattr("linimasa.link.stories.CORE_COVER", 2.0)
    batch, store = _wedding(["al", "alyssa", "dhani"], _RENT)
    assert _turn_stories(batch, store, threshold=0.3, bridge=0.35, developing=0.3) == 1
    monkeypatch.setattr("linimasa.link.stories.CORE_PEOPLE", 99)
    assert _turn_stories(batch, store, threshold=0.3, bridge=0.35, developing=0.3) == 2


def test_a_turn_backed_by_a_storys_core_people_is_of_it_whatever_place_it_names(monkeypatch):
    # A wedding in Jakarta; a turn of it (the guests welcomed with a dance named after its town,
    # "Reog Ponorogo") names the couple and that town. The place would keep it apart (`_elsewhere`),
    # its entity cosine being under `PLACES_OVERRULED` here; naming two of the story's core people,
    # it is of the story, as a report sharing most of a story's actors is.
    monkeypatch.setattr("linimasa.link.stories.PLACES_OVERRULED", 2.0)
    batch, store = _wedding(["al", "alyssa", "dhani", "roma", "roma"], _RENT)
    store.info |= {"jakut": ("Jakarta Utara", "GPE", 3), "roma": ("Roma", "GPE", 3)}
    for a in batch[:-1]:
        a.mentions.append(Mention(start=0, end=1, text="jakut", type="GPE", entity="jakut"))
    assert _elsewhere(_places({"roma": 2.0}, store.info, 100), _places({"jakut": 1.0}, store.info, 100))
    assert _turn_stories(batch, store) == 1
    monkeypatch.setattr("linimasa.link.stories.CORE_PEOPLE", 99)
    assert _turn_stories(batch, store) == 2


def _admission_pieces():
    """A school admission told in two pieces of three reports each, on one day: the national debate
    (an MP, the admission's committee) and the province's schedules (its governor, the province's
    admission). They share no entity id and few enough words that no report joins the other piece;
    every headline writes the admission's acronym, which names an entity of each piece."""
    info = {"panitia": ("Panitia SPMB", "ORG", 3), "mp": ("Hetifah Sjaifudian", "PER", 3),
            "spmbjabar": ("SPMB Jabar 2025", "EVT", 3), "gub": ("Dedi Mulyadi", "PER", 3),
            **{f"x{i}": (f"Saksi Nomor {i}", "PER", 3) for i in range(6)}}
    national = [("n0", "Komisi X Soroti SPMB: Masih Ada Jual Beli Kursi"),
                ("n1", "Orangtua Diminta Waspada Tawaran Curang SPMB"),
                ("n2", "Hetifah Minta Kecurangan SPMB Ditindak Tegas")]
    province = [("p0", "Cek Pengumuman Hasil Seleksi SPMB Jabar 2025"),
                ("p1", "SPMB Jabar 2025: Pendaftaran Tahap II Dibuka"),
                ("p2", "Dedi Mulyadi Ancam Umumkan Titipan Siswa di SPMB Jabar")]
    shared = {"sekolah": 2, "siswa": 2, "pendaftaran": 1}
    out, terms = [], {}
    for i, (aid, title) in enumerate(national):
        a, terms[aid] = _match(aid, title, "2025-06-18", ["panitia", "mp", f"x{i}"],
                               {**shared, "kursi": 3, "pungli": 3, "curang": 3})
        out.append(a)
    for i, (aid, title) in enumerate(province):
        a, terms[aid] = _match(aid, title, "2025-06-18", ["spmbjabar", "gub", f"x{i + 3}"],
                               {**shared, "jadwal": 3, "tahap": 3, "zonasi": 3})
        out.append(a)
    return out, info, terms


def test_two_developing_pieces_whose_headlines_name_one_subject_are_merged(monkeypatch):
    # Per article neither piece fits the other (no shared entity: their words count half); as wholes
    # they share the subject their headlines all write, which names an entity of each, and their words.
    articles, info, terms = _admission_pieces()
    monkeypatch.setattr("linimasa.link.stories.MERGE_WORDS", 2.0)  # no two stories agree this much
    apart, _ = assign(articles, _Store(info, terms), threshold=0.2, bridge=0.25)
    assert sorted(sorted(s.articles) for s in apart) == [["n0", "n1", "n2"], ["p0", "p1", "p2"]]
    monkeypatch.setattr("linimasa.link.stories.MERGE_WORDS", 0.2)
    together, absorbed = assign(articles, _Store(info, terms), threshold=0.2, bridge=0.25)
    assert [sorted(s.articles) for s in together] == [["n0", "n1", "n2", "p0", "p1", "p2"]]
    assert len(absorbed) == 1 and {a.story for a in articles} == {together[0].id}
    assert together[0].counted == 6 and together[0].named["spmbjabar"] == 3 and together[0].named["panitia"] == 3
    # ... but not when the headlines of each piece name something the other's do not (a club's two
    # transfers: "Persib" in every headline, and each its own player), nor when the shared word
    # spells no entity (a genre word: two companies' dividends)
    articles, info, terms = _admission_pieces()
    for a in articles[3:]:
        a.title = a.title.replace("SPMB Jabar 2025", "SPMB Dedi Mulyadi")
    articles[0].title = "Hetifah Soroti SPMB: Masih Ada Jual Beli Kursi"
    out, _ = assign(articles, _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(out) == 2
    articles, info, terms = _admission_pieces()
    info["panitia"] = ("Panitia Penerimaan", "ORG", 3)
    out, _ = assign(articles, _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(out) == 2


def test_two_pieces_are_merged_only_when_both_are_developing_and_near_in_time():
    articles, info, terms = _admission_pieces()
    out, _ = assign(articles[:2] + articles[3:], _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(out) == 2  # a pair is no developing story
    articles, info, terms = _admission_pieces()
    for a in articles[3:]:
        a.published = Published(value="2025-06-25", precision="day", how="metadata")
    out, _ = assign(articles, _Store(info, terms), threshold=0.2, bridge=0.25)
    assert len(out) == 2  # a week apart


class _StoredWithCards(_StoredStories):
    """`_StoredStories` whose stored reports' headlines are read back (`article_cards`)."""

    def article_cards(self, ids):
        return {i: ArticleCard(id=x.id, source=x.source, title=x.title, outlet=x.outlet, language=x.language,
                               published=x.published.value if x.published else None,
                               precision=x.published.precision if x.published else None, story=x.story,
                               duplicate_of=x.duplicate_of)
                for i in ids if (x := self.reports.get(i)) is not None}


def test_a_piece_of_a_later_batch_merges_with_a_stored_piece():
    # The national piece is stored by one batch; the province's piece, a batch later, forms its own
    # story and is then merged with the stored one: the stored story is absorbed (the stage deletes
    # it and folds its timeline), its reports move to the merged story, and what the merged story
    # counts is the sum of both.
    articles, info, terms = _admission_pieces()
    (national,), _ = assign(articles[:3], _Store(info, terms), threshold=0.2, bridge=0.25)
    store = _StoredWithCards(info, terms, [national], reports=articles[:3])
    out, absorbed = assign(articles[3:], store, threshold=0.2, bridge=0.25)
    assert absorbed == {national.id}
    (merged,) = out
    assert sorted(merged.articles) == ["n0", "n1", "n2", "p0", "p1", "p2"] and merged.id != national.id
    assert merged.counted == 6 and merged.first == merged.last == "2025-06-18"
    assert {a.story for a in articles[3:]} == {merged.id}


def test_a_persons_name_in_a_developing_storys_headlines_is_no_headline_subject():
    # The story's headlines write a person's two names ("Tri", "Risma") and "erupsi" once each; a
    # report on her own other business headlined with her name is no turn of the eruption: a person
    # is an actor with many stories, and the words of her name do not count as the story's name.
    info, reports, terms = _eruption_reports(["Tri Risma Kirim Bantuan Erupsi Lokon",
                                              "Gubernur Sambut Tri Risma di Pengungsian",
                                              "Status Gunung Naik, Tri Risma Siaga"])
    info["tri risma"] = ("Tri Risma", "PER", 3)
    air, terms["air"] = _airports("Tri Risma Tinjau Bandara")
    air.mentions.append(Mention(start=0, end=1, text="Tri Risma", type="PER", entity="tri risma"))
    terms["air"] |= {"tri": 1, "risma": 1}
    stories, _ = assign([*reports, air], _Store(info, terms), threshold=0.2, bridge=0.25, developing=0.18)
    assert len(stories) == 2
    assert _headline_subjects({"tri", "risma", "erupsi"}, [frozenset({"tri", "risma"})]) == 1
    assert _headline_subjects({"erupsi", "lokon"}, [frozenset({"tri", "risma"})]) == 2


def test_two_matches_of_no_common_side_stay_two_stories():
    # A tournament's schedule headlined with tonight's match and a prediction of another match share
    # the tournament, its words and the schedule's phrases, and no side: two stories (one per match).
    info = {e: (e, "PER", 3) for e in ("cwc", "fifa", "bayern", "boca", "river", "monterrey")}
    words = {"piala": 3, "dunia": 3, "klub": 3, "jadwal": 2, "laga": 2, "grup": 2, "kickoff": 2}
    schedule, t1 = _match("s", "Jadwal Piala Dunia Klub Malam Ini: Bayern Munich vs Boca Juniors", "2025-06-20",
                          ["cwc", "fifa", "bayern", "boca"], words)
    predict, t2 = _match("p", "Prediksi Skor River Plate vs Monterrey di Piala Dunia Klub", "2025-06-20",
                         ["cwc", "fifa", "river", "monterrey"], words)
    store = _Store(info, {"s": t1, "p": t2})
    stories, _ = assign([schedule, predict], store, threshold=0.2, bridge=0.25)
    assert len(stories) == 2
    # the same reports under headlines that name no match are one story (the tournament's words)
    predict.title = "Prediksi Skor Laga Piala Dunia Klub Malam Ini"
    stories, _ = assign([schedule, predict], store, threshold=0.2, bridge=0.25)
    assert len(stories) == 1


def test_a_report_on_another_thing_of_one_person_joins_no_small_story_of_him():
    # A footballer's holiday and the talk of his captaincy share him, his club's and the game's
    # words: by entities and words one story. What they share comes down to him, and the holiday's
    # headline writes no word of the captaincy's but his name: two stories of one person.
    info = {"kevin diks": ("Kevin Diks", "PER", 3), "gladbach": ("Gladbach", "ORG", 3),
            "amir": ("Pak Amir", "PER", 3)}
    words = {"timnas": 3, "bek": 3, "musim": 2, "klub": 2, "pemain": 2}
    captain, t1 = _match("c", "Media Jerman Sebut Kevin Diks Berpeluang Jadi Kapten Gladbach", "2025-06-18",
                         ["kevin diks", "kevin diks", "gladbach"], words)
    holiday, t2 = _match("h", "Kevin Diks Jadi Warlok di Lombok, Naik Motor Matik", "2025-06-18",
                         ["kevin diks", "kevin diks", "amir"], words)
    store = _Store(info, {"c": t1, "h": t2})
    stories, _ = assign([captain, holiday], store, threshold=0.2, bridge=0.25)
    assert len(stories) == 2
    # a second report of the captaincy, its headline writing a word of the story's besides his name
    # (not a word of the language, as "kapten" is), joins it
    holiday.title = "Gladbach Siapkan Ban Kapten untuk Kevin Diks"
    stories, _ = assign([captain, holiday], store, threshold=0.2, bridge=0.25)
    assert len(stories) == 1


def test_a_days_reports_of_one_subject_join_though_they_share_little(monkeypatch):
    # A trading day told by two outlets: the morning forecast quotes one analyst and his picks, the
    # close another's figures; they share little but "IHSG" and the day their headlines name. The
    # next day's forecast, in the first one's words, stays apart (`other_day`).
    info = {e: (e, "PER", 3) for e in ("tasrul", "fanny", "herditya", "x")}

    def report(aid, who, title, day="2025-06-18"):
        a = _article(aid, [who, who], day)
        a.title = title
        return a

    forecast = report("f18", "tasrul", "IHSG Diprediksi Menguat, Cek Rekomendasi Saham Hari Ini 18 Juni 2025")
    close = report("c18", "fanny", "IHSG 18 Juni 2025 Ditutup Melemah ke Level 7.107")
    nxt = report("f19", "herditya", "IHSG Diprediksi Melemah, Cek Rekomendasi Saham Hari Ini 19 Juni 2025",
                 "2025-06-19")
    terms = {"f18": {"ihsg": 2, "resistance": 3, "support": 3, "rekomendasi": 3, "teknikal": 2, "indeks": 1},
             "c18": {"ihsg": 2, "ditutup": 3, "sektor": 3, "asing": 3, "jual": 2, "bersih": 2, "level": 2},
             "f19": {"ihsg": 2, "resistance": 3, "support": 3, "rekomendasi": 3, "teknikal": 2, "koreksi": 2}}
    stories, _ = assign([forecast, close, nxt], _Store(info, terms), threshold=0.2, bridge=0.9)
    by = {aid: s.id for s in stories for aid in s.articles}
    assert by["f18"] == by["c18"] and by["f19"] != by["f18"]
    monkeypatch.setattr("linimasa.link.stories.SAME_DAY_FIT", 2.0)
    stories, _ = assign([forecast, close, nxt], _Store(info, terms), threshold=0.2, bridge=0.9)
    by = {aid: s.id for s in stories for aid in s.articles}
    assert by["f18"] != by["c18"]


def test_a_copy_joins_its_originals_story_in_the_same_batch(tmp_path):
    """A copy whose original came earlier in the same batch (the store knows no story of it yet)
    joins the original's story, whatever its own words would score: a short report and its copy
    under another headline were two stories."""
    body = ("Jakarta, Senin (16/6/2025) - Polisi menangkap dua pelaku perampokan toko emas di Kota Contoh pada "
            "Senin (16/6/2025). Kapolres Contoh AKBP Budi Santoso mengatakan kedua pelaku kini ditahan.\n\n"
            "Kedua pelaku ditangkap setelah polisi memeriksa rekaman kamera pengawas di sekitar toko emas itu.\n")
    texts = ["Polisi Tangkap Perampok Toko Emas\n\n" + body,
             "Dua Perampok Toko Emas Ditangkap\n\nBaca juga: Harga Emas Hari Ini\n\n" + body]
    original, copy = linimasa.process(texts, store=str(tmp_path / "s.db")).articles
    assert copy.duplicate_of == original.id
    assert copy.story == original.story


def test_a_label_writes_each_name_once():
    """Two entities the recogniser kept apart that write one name fill the label once."""
    story = Story(id="st_x", label="", entities={"e1": 3.0, "e2": 2.5, "e3": 2.0, "e4": 1.0})
    info = {"e1": ("Kabupaten Garut", "GPE", 4),
            "e2": ("Badan Meteorologi Klimatologi dan Geofisika", "ORG", 9),
            "e3": ("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG", 7),
            "e4": ("Dadan Hindayana", "PER", 2)}
    assert _label(story, info) == "Kabupaten Garut, Badan Meteorologi Klimatologi dan Geofisika, Dadan Hindayana"
