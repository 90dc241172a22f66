"""A name the article gives once, that nothing vouches for and the model did not tag, is left out
(`lone_min_score`); a repeated, listed or titled name, English text and replacement taggers that
tag only a few names are not judged this way.

The sentences are written for these tests (not taken from the sample articles or the gold sets).
"""

from __future__ import annotations

from linimasa import Pipeline
from linimasa.entities import make_entities, named_once, recognise
from linimasa.model import Article, Mention


class WholeTextTagger:
    """A model that reads the whole text (as the packaged one does) and tags only the given
    surfaces, each with its type and score."""

    tags_whole_text = True

    def __init__(self, spans: dict[str, tuple[str, float]] | None = None) -> None:
        self.spans = spans or {}

    def tag(self, text: str) -> list[Mention]:
        out = []
        for surface, (type_, score) in self.spans.items():
            i = text.find(surface)
            while i >= 0:
                out.append(Mention(i, i + len(surface), surface, type_, score=score))  # type: ignore[arg-type]
                i = text.find(surface, i + 1)
        return out


class FewNamesTagger(WholeTextTagger):
    """A replacement that tags a few names and does not claim to read everything."""

    tags_whole_text = False


UNIVERSITY = "Mahasiswa Universitas Tanjung Pura berdemo di depan kantor gubernur pada Senin pagi."


def texts(mentions: list[Mention]) -> list[str]:
    return [m.text for m in mentions]


def test_named_once_sees_repeats_and_longer_or_shorter_forms_of_the_same_type() -> None:
    ms = [
        Mention(0, 13, "Sergey Lavrov", "PER"),
        Mention(20, 26, "Lavrov", "PER"),
        Mention(30, 35, "Depok", "GPE"),
        Mention(40, 54, "Depok Run Fest", "EVT"),
        Mention(60, 68, "Pertamina", "ORG"),
        Mention(70, 78, "PERTAMINA", "ORG"),
        Mention(80, 85, "Bogor", "GPE"),
    ]
    assert named_once(ms) == [False, False, True, True, False, False, True]


def test_a_lone_name_the_model_read_past_is_left_out() -> None:
    # the organisation rule finds the university; the model, reading the sentence, did not tag it
    assert "Universitas Tanjung Pura" in texts(recognise(UNIVERSITY, "id", None))
    assert "Universitas Tanjung Pura" not in texts(recognise(UNIVERSITY, "id", WholeTextTagger()))
    # the model tagged that very span: kept
    model = WholeTextTagger({"Universitas Tanjung Pura": ("ORG", 0.95)})
    assert "Universitas Tanjung Pura" in texts(recognise(UNIVERSITY, "id", model))
    # the check switched off
    assert "Universitas Tanjung Pura" in texts(recognise(UNIVERSITY, "id", WholeTextTagger(), lone_min_score=None))


def test_a_higher_minimum_score_also_asks_the_model_to_be_sure() -> None:
    model = WholeTextTagger({"Universitas Tanjung Pura": ("ORG", 0.6)})
    assert "Universitas Tanjung Pura" in texts(recognise(UNIVERSITY, "id", model))
    assert "Universitas Tanjung Pura" not in texts(recognise(UNIVERSITY, "id", model, lone_min_score=0.7))


def test_a_repeated_listed_or_titled_name_is_kept() -> None:
    text = (UNIVERSITY + " Rektor menemui perwakilan mahasiswa Universitas Tanjung Pura di Pontianak. "
            "Menteri Keuangan Hendra Wiratmaja menanggapi tuntutan itu.")
    got = recognise(text, "id", WholeTextTagger())
    assert texts(got).count("Universitas Tanjung Pura") == 2  # named twice
    assert "Pontianak" in texts(got)  # the gazetteer knows it
    (minister,) = [m for m in got if m.text == "Hendra Wiratmaja"]  # a title in the text introduces him
    assert minister.role


def test_english_text_and_partial_taggers_are_not_judged() -> None:
    english = "Students of the University of Tanjung Pura protested outside the governor's office."
    assert "University of Tanjung Pura" in texts(recognise(english, "en", WholeTextTagger()))
    assert "Universitas Tanjung Pura" in texts(recognise(UNIVERSITY, "id", FewNamesTagger()))


def test_the_stage_option() -> None:
    def run(**options: object) -> list[str]:
        stage = make_entities(recogniser=WholeTextTagger(), **options)  # type: ignore[arg-type]
        return texts(stage(Article(id="t", source="t", text=UNIVERSITY, language="id")).mentions)

    assert "Universitas Tanjung Pura" not in run()
    assert "Universitas Tanjung Pura" in run(lone_min_score=None)
    assert "Universitas Tanjung Pura" in run(lone_languages=["en"])
    # the pipeline accepts the options by name
    Pipeline(config={"article": {"entities": {"lone_min_score": 0.5, "lone_languages": ["id"]}}})
