"""Stories: one developing story across outlets and languages lands together; different stories that
share words stay apart."""

from __future__ import annotations

import linimasa

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
