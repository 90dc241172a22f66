"""The timeline: chronological at mixed precisions, background flagged, and its report formats, with
article text escaped wherever it is shown."""

from __future__ import annotations

import json
import subprocess
import sys

import linimasa
from linimasa.model import date_sort_key
from linimasa.timeline.report import date_label, md_escape, render_html

HOSTILE = ("Serangan di Kota Contoh\n\nContoh, Senin (16/6/2025) - Kelompok bersenjata <script>alert(1)</script> "
           "menyerang pos polisi di Kota Contoh pada Senin (16/6/2025). Polisi menangkap dua pelaku *penyerangan*.\n")


def test_mixed_precisions_sort_chronologically():
    values = ["2021-10-20", "2021-W41", "198X", "1989", "2021-10", "2021-10-11", "2021"]
    assert sorted(values, key=date_sort_key) == ["198X", "1989", "2021", "2021-10", "2021-W41", "2021-10-11",
                                                "2021-10-20"]


def test_date_labels_show_precision():
    assert date_label("2021-10-20", "day") == "2021-10-20 (Wed)"
    assert date_label("2021-W41", "week") == "week 41 of 2021"
    assert date_label("198X", "decade") == "the 1980s"


def test_timeline_entries_and_cli_formats_escape_text(tmp_path):
    db = str(tmp_path / "t.db")
    c = linimasa.process([HOSTILE], store=db)
    assert c.timeline.entries and all(t.date.value == "2025-06-16" for t in c.timeline.entries)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "linimasa.cli", "timeline", "--db", db, *args],
                              capture_output=True, text=True, check=True).stdout

    assert "2025-06-16 (Mon)" in run()
    data = json.loads(run("--format", "json"))
    assert data["entries"][0]["events"] and data["entries"][0]["sources"] == 1
    page = run("--format", "html")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    md = run("--format", "md")
    assert "<script>" not in md.replace("\\<script\\>", "")
    story = c.articles[0].story
    assert "2025-06-16" in run("--story", story)
    stories = subprocess.run([sys.executable, "-m", "linimasa.cli", "stories", "--db", db],
                             capture_output=True, text=True, check=True)
    assert story in stories.stdout
    assert stories.stderr.strip() == "1 story"  # not "1 stories"


def test_html_report_is_self_contained():
    page = render_html({"story": None, "entries": []})
    assert page.startswith("<!doctype html>") and "http" not in page.split("<body>")[0]


def test_markdown_escaping():
    assert md_escape("*a* [b](c) <x>") == "\\*a\\* \\[b\\]\\(c\\) \\<x\\>"


def test_a_date_with_its_time_keeps_a_space_before_its_summary():
    """The text timeline's date column widens for a date with its time ("2025-06-17 07:30 (Tue)", 22
    characters) so that the summary never runs into it; the other entries align with it."""
    from linimasa.timeline.report import render_text

    def entry(label: str, summary: str) -> dict:
        return {"label": label, "summary": summary, "background": False, "outlets": [], "sources": 1, "events": []}

    out = render_text({"story": None, "entries": [entry("2025-06-17 (Tue)", "Pesawat mendarat darurat"),
                                                  entry("2025-06-17 07:30 (Tue)", "Asri Santosa mengancam")]})
    first, _, second, _ = out.splitlines()
    assert "(Tue)  Asri Santosa" in second
    assert first.index("Pesawat") == second.index("Asri")


def test_a_sentence_two_sources_wrote_is_quoted_once_with_both_outlets():
    """A copy tells its original's sentence again: the Markdown and HTML reports quote it once, with
    each outlet that wrote it; the JSON keeps every source."""
    from linimasa.timeline.report import render_md

    said = "Setelah mendarat darurat, para penumpang pun dievakuasi oleh pihak kepolisian."
    event = {"id": "ev", "type": "AID", "mode": "asserted", "summary": "Pihak kepolisian membantu para penumpang",
             "background": False, "conflicts": [],
             "sources": [{"article": "a", "outlet": "Detik.com", "source": "a.txt", "text": said, "trigger": "x"},
                         {"article": "b", "outlet": "Okezone", "source": "b.txt", "text": said + " ", "trigger": "x"},
                         {"article": "c", "outlet": "Okezone", "source": "c.txt", "text": "Lain.", "trigger": "x"}]}
    data = {"story": None, "entries": [{"label": "2025-06-17 (Tue)", "summary": event["summary"], "background": False,
                                        "outlets": ["Detik.com", "Okezone"], "sources": 3, "events": [event]}]}
    md = render_md(data)
    assert md.count("dievakuasi") == 1 and "(Detik\\.com, Okezone)" in md
    page = render_html(data)
    assert page.count("dievakuasi") == 1 and "(Detik.com, Okezone)" in page
