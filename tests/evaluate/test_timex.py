"""`linimasa eval timex` on a small TimeML document written for the test (not the TempEval data)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from linimasa.evaluate.timex import Counts, main, read_tml, score_document

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test_doc</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-21">yesterday</TIMEX3> and
agreed to meet again <TIMEX3 tid="t2" type="DATE" value="2013-W13">next week</TIMEX3> for
<TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>. Talks began in the spring of 1999 &amp; ended.
</TEXT>
</TimeML>
"""


def write(tmp_path: Path) -> Path:
    folder = tmp_path / "timeml-tempeval3" / "te3-platinum"
    folder.mkdir(parents=True)
    path = folder / "test_doc.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_read_tml_gives_text_offsets(tmp_path: Path) -> None:
    doc = read_tml(write(tmp_path))
    assert doc.dct == dt.date(2013, 3, 22)
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["yesterday", "next week", "two days"]
    assert "&" in doc.text and "<EVENT" not in doc.text


def test_scores_count_spans_and_values(tmp_path: Path) -> None:
    counts = Counts()
    score_document(read_tml(write(tmp_path)), counts)
    assert counts.gold == 3
    assert counts.strict == counts.relaxed_gold == counts.value == 3
    figures = counts.figures()
    assert figures["relaxed_recall"] == 100.0
    assert figures["value_precision"] == 100 * 3 / counts.system


def test_main_prints_the_table(tmp_path: Path, capsys) -> None:
    write(tmp_path)
    assert main(["--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "relaxed span" in out and "77.61" in out
    assert main(["--data", str(tmp_path / "nowhere")]) == 2
