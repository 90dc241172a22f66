"""Issue 11, ent13a: generic classes written by acronym are no organisations
(`resources/id/not_entities.txt`), a college is an organisation and a peak a place, not a person
(`org_tails`, `loc_tails` of en/entities.yaml). Sentences written for the tests; a stand-in model tags
them as the packaged one often does."""

from __future__ import annotations

from linimasa.model import Mention
from tests.entities.test_settle import Tagger, found


def test_class_programme_and_instrument_acronyms_are_not_organisations() -> None:
    text = ("Warga Kecamatan Sukamaju menerima bantuan Rumah Tidak Layak Huni (RTLH) tahun ini. Sampah "
            "dibawa ke TPA setiap pagi. Peserta jalur UTBK dan PMDK mendaftar ke PTN pilihannya. Bank "
            "Sejahtera mencatat Dana Pihak Ketiga (DPK) naik, dengan ROE 12 persen. Ekspor LNG turun.")
    model = Tagger(RTLH="ORG", TPA="ORG", UTBK="ORG", PMDK="ORG", PTN="ORG", DPK="ORG", ROE="ORG", LNG="ORG",
                   Rumah_Tidak_Layak_Huni="ORG", Dana_Pihak_Ketiga="ORG", Bank_Sejahtera="ORG")
    got = found(text, model=model)
    names = {name for name, _ in got}
    assert not names & {"RTLH", "TPA", "UTBK", "PMDK", "PTN", "DPK", "ROE", "LNG", "Rumah Tidak Layak Huni",
                        "Dana Pihak Ketiga"}
    assert ("Bank Sejahtera", "ORG") in got  # the named bank beside them stays


def test_a_named_site_keeps_the_class_acronym_in_its_name() -> None:
    text = "Truk sampah antre di TPA Cikadu sejak subuh. Pengelola TPA Cikadu menambah alat berat."
    got = found(text, model=Tagger({"TPA Cikadu": "LOC"}))
    assert ("TPA Cikadu", "LOC") in got


def test_a_college_is_an_organisation_and_a_peak_a_place() -> None:
    text = ("Maria Lopez studied at Harwood College before she joined the survey team. "
            "The team later climbed Mallory Peak in the north.")
    got = found(text, language="en", model=Tagger({"Harwood College": "PER", "Mallory Peak": "PER",
                                                   "Maria Lopez": "PER"}))
    assert ("Harwood College", "PER") not in got and ("Mallory Peak", "PER") not in got
    assert ("Harwood College", "ORG") in got
    assert ("Mallory Peak", "LOC") in got
    assert ("Maria Lopez", "PER") in got



class _TwoSenses(Tagger):
    """Tags a name's first occurrence as an organisation and its second as a person."""

    def __init__(self, name: str, spans: dict[str, str]) -> None:
        super().__init__(spans)
        self.name = name

    def tag(self, text: str) -> list[Mention]:
        first = text.index(self.name)
        second = text.index(self.name, first + 1)
        end = len(self.name)
        return [*super().tag(text), Mention(first, first + end, self.name, "ORG", source="model"),
                Mention(second, second + end, self.name, "PER", source="model")]


def test_a_one_word_person_the_article_also_names_as_an_organisation_is_that_organisation() -> None:
    text = ("Walhi merilis laporan soal tambang nikel di Halmahera. Walhi berharap izin tambang dicabut, "
            "kata Budi Santoso, juru kampanye di Ternate.")
    got = found(text, model=_TwoSenses("Walhi", {"Budi Santoso": "PER"}))
    assert ("Walhi", "PER") not in got
    assert got.count(("Walhi", "ORG")) == 2
    assert ("Budi Santoso", "PER") in got
