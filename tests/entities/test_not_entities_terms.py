"""Common nouns and acronyms of things that Indonesian news capitalises (`resources/id/not_entities.txt`):
diseases, systems, measures, units, classes of facilities, a trial role and a kind of hearing. Sentences
written for the tests; a stand-in model tags them as organisations, as the packaged one often does."""

from __future__ import annotations

from tests.entities.test_settle import Tagger, found


def test_disease_system_unit_and_role_acronyms_are_not_organisations() -> None:
    text = ("Pasien TBC diminta berobat rutin. Kamera ETLE merekam truk ODOL yang melintas. Pabrik itu "
            "memenuhi TKDN 40 persen dan memasok 177 MMSCFD gas. Dakwaan JPU dibacakan di sidang.")
    model = Tagger(TBC="ORG", ETLE="ORG", ODOL="ORG", TKDN="ORG", MMSCFD="ORG", JPU="ORG")
    names = {name for name, _ in found(text, model=model)}
    assert not names & {"TBC", "ETLE", "ODOL", "TKDN", "MMSCFD", "JPU", "Truk"}


def test_a_named_facility_keeps_its_longer_name() -> None:
    text = "Petugas memeriksa SPBE di Bantul. SPBE Rewulu memenuhi ketentuan takaran."
    got = found(text, model=Tagger({"SPBE": "LOC", "SPBE Rewulu": "ORG"}))
    assert ("SPBE", "LOC") not in got
    assert ("SPBE Rewulu", "ORG") in got


def test_vessels_and_trains_by_their_prefix_are_not_entities() -> None:
    text = ("ASDP mengoperasikan KMP Jatra II di lintasan Sibolga. Penumpang KA Pangrango turun di Stasiun "
            "Bogor, sementara KA 76 Mataram terlambat 30 menit.")
    model = Tagger({"KMP Jatra II": "EVT", "KA Pangrango": "LOC", "KA 76 Mataram": "ORG"})
    names = {name for name, _ in found(text, model=model)}
    assert not any(name.startswith(("KMP", "KA ")) for name in names)
    assert "Sibolga" in names  # the places around them stay
