"""The one language decision (linimasa.text.language), made by meta and read by timex."""

from __future__ import annotations

from linimasa.model import Article
from linimasa.text.language import article_language, detect_language, language_or_default
from linimasa.timex.stage import article_language as timex_language

ID = "Presiden Joko Widodo mengatakan pemerintah akan terus memperkuat kerja sama ekonomi dengan negara tetangga."
EN = "The central bank said on Tuesday that it would hold interest rates steady for the rest of the year."


def test_detects_indonesian_and_english() -> None:
    assert detect_language(ID) == "id"
    assert detect_language(EN) == "en"
    assert detect_language("12 34 56 -- !!") == "und"


def test_the_raw_page_decides_when_the_cleaner_kept_no_text() -> None:
    assert article_language("", ID) == "id"
    assert article_language(EN, ID) == "en"  # the clean text wins when there is one
    assert article_language("", "") == "und"


def test_stages_without_resources_for_a_language_use_the_default() -> None:
    assert language_or_default("fr", ["en", "id"]) == "id"
    assert language_or_default("en", ["en", "id"]) == "en"


def test_timex_agrees_with_the_meta_decision() -> None:
    for text in (ID, EN, ""):
        art = Article(id="a", source="a", raw=ID, text=text)
        art.language = article_language(art.text, art.raw)
        assert timex_language(art) == language_or_default(art.language, ["en", "id"])
