"""The page-to-lines conversion of `linimasa eval clean` and its scoring helpers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from linimasa.evaluate.clean import _bag, _prf, main, page_text


def test_page_text_keeps_one_line_per_block_and_drops_head_and_scripts() -> None:
    html = ("<html><head><title>T</title><script>var x=1;</script></head><body>"
            "<nav><a>Home</a><a>News</a></nav><h1>Big <b>News</b></h1>"
            "<p>First paragraph,<br>second line.</p><style>.a{}</style><div>Footer</div></body></html>")
    assert page_text(html).split("\n") == ["HomeNews", "Big News", "First paragraph,", "second line.", "Footer"]


def test_bag_of_words_scores() -> None:
    p, r, f = _prf(_bag("a b c d"), _bag("a b x"))
    assert (round(p, 2), round(r, 2), round(f, 2)) == (0.5, 0.67, 0.57)
    assert _prf(Counter(), _bag("a")) == (0.0, 0.0, 0.0)


def test_missing_data_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    assert main(["--data", str(tmp_path / "absent")]) == 2
