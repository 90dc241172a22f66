"""(storyent) A model's or a programme's code ("VF6", "EX30") is a content word the dating stage
counts (and stores for the stories stage); sentences written for the test."""

from __future__ import annotations

from linimasa.model import Article
from linimasa.timex.dating import _tokens


def test_codes_of_capitals_and_digits_are_counted_words() -> None:
    text = ("Mobil listrik Arunika AX7 dijual mulai pekan depan. Varian AX7 Plus memakai baterai 60 kWh, "
            "sedangkan pesaingnya, EX30, lebih murah. Harga Rp 300 juta, B2 dan tol-A10 tidak dihitung.")
    words = _tokens(Article(id="a", source="a.txt", text=text, language="id"))
    assert words["ax7"] == 2
    assert words["ex30"] == 1
    assert "b2" not in words  # two characters: no word the stories stage weighs
    assert "a10" not in words  # inside a hyphenated word
    assert "300" not in words and words["listrik"] == 1
