"""A synopsis's characters are no entities (`precision.synopsis_characters`), on sentences written for
these tests."""

from __future__ import annotations

from linimasa.entities.precision import synopsis_characters
from linimasa.model import Mention


def at(text: str, surface: str, type_: str, source: str = "model") -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, type_, source=source)  # type: ignore[arg-type]


def test_one_word_names_in_an_episode_synopsis_are_characters() -> None:
    text = ("Sinopsis sinetron Langit Senja episode 12: Rani (Putri Ayuningtyas) dan Bima bertengkar di "
            "rumah Wira. Putri tampil memukau, kata RCTI. Rani lalu pergi ke Bandung.")
    ms = [at(text, "Rani", "PER"), at(text, "Putri Ayuningtyas", "PER"), at(text, "Bima", "PER"),
          at(text, "Wira", "GPE"), at(text, "Putri", "PER"), at(text, "RCTI", "ORG"),
          at(text, "Bandung", "GPE", source="gazetteer")]
    out = [m.text for m in synopsis_characters(text, ms, "id")]
    assert out == ["Putri Ayuningtyas", "Putri", "RCTI", "Bandung"]


def test_a_news_story_that_mentions_an_episode_keeps_its_names() -> None:
    # "episode" alone (no serial, film or season) is no synopsis
    text = "Episode banjir kembali terjadi, kata Bima di Bekasi."
    ms = [at(text, "Bima", "PER"), at(text, "Bekasi", "GPE")]
    assert [m.text for m in synopsis_characters(text, ms, "id")] == ["Bima", "Bekasi"]
