"""`linimasa eval timeline`: the sample scorer's rules applied to one story's export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from linimasa.evaluate import timeline as ev

GOLD: dict[str, Any] = {
    "entities": [{"type": "ORG", "name": "Kejaksaan Agung", "aliases": ["Kejagung"]},
                 {"type": "PER", "name": "Budi Santoso", "aliases": ["Budi"]}],
    "events": [
        {"id": "E1", "date": "2025-06-17", "type": "COERCE", "actors": ["Kejaksaan Agung", "Budi Santoso"],
         "docs": ["a.txt"], "evidence": "menahan Budi"},
        {"id": "E2", "date": "2025-06-18", "type": "ACCUSE", "actors": ["Budi Santoso"],
         "docs": ["b.txt"], "evidence": "mengecam", "accept_dates": ["2025-06-18", "2025-06-19"]},
        {"id": "E3", "date": "2019", "type": "ASSAULT", "actors": ["Budi Santoso"], "docs": ["a.txt"],
         "evidence": "menyerang", "background": True},
    ],
}


def _export(events: list[dict[str, Any]], stories: tuple[str, str] = ("s1", "s1")) -> dict[str, Any]:
    return {
        "articles": [{"id": "A", "source": "/x/a.txt", "story": stories[0], "duplicate_of": None,
                      "published": {"value": "2025-06-18"}},
                     {"id": "B", "source": "/x/b.txt", "story": stories[1], "duplicate_of": None,
                      "published": {"value": "2025-06-19"}}],
        "entities": [{"id": "e1", "name": "Kejagung", "aliases": []}, {"id": "e2", "name": "Budi", "aliases": []}],
        "events": events,
        "timeline": [{"date": e["date"]} for e in events],
    }


def _event(kind: str, date: str, article: str, *actors: str) -> dict[str, Any]:
    return {"type": kind, "date": {"value": date}, "mentions": [{"article": article}],
            "actors": [{"entity": a} for a in actors]}


def test_an_event_needs_its_type_an_actor_of_its_gold_and_a_date_inside_the_gold_date() -> None:
    row = ev.score_story(GOLD, _export([
        _event("COERCE", "2025-06-17", "A", "e1"),   # E1: right
        _event("ACCUSE", "2025-06", "B", "e2"),      # E2's month: coarser than its day, not dated
        _event("PROTEST", "2025-06-18", "A", "e2"),  # no gold event of its kind
    ]))
    assert (row["found"], row["dated"], row["gold_events"]) == (1, 1, 2)
    assert (row["system_matched"], row["system_events"]) == (1, 3)
    assert row["misses"] == ["E2 2025-06-18 ACCUSE ['Budi Santoso']"]


def test_accepted_dates_and_aliases_count() -> None:
    row = ev.score_story(GOLD, _export([_event("ACCUSE", "2025-06-19", "B", "e2")]))
    assert row["found"] == 1


def test_the_timeline_is_scored_on_days_of_events_not_in_the_background() -> None:
    row = ev.score_story(GOLD, _export([_event("COERCE", "2025-06-17", "A", "e1"),
                                        _event("ASSAULT", "2019-05-01", "A", "e2")]))
    assert row["timeline_want"] == ["2025-06-17", "2025-06-18"]
    assert row["timeline_right"] == ["2025-06-17"]
    assert row["timeline_got"] == ["2019-05-01", "2025-06-17"]
    # the baseline dates both by their article's publication day
    assert row["baseline_got"] == ["2025-06-18"] and row["baseline_right"] == ["2025-06-18"]


def test_one_story_only_when_every_article_is_in_the_same_one() -> None:
    assert ev.score_story(GOLD, _export([]))["one_story"]
    assert not ev.score_story(GOLD, _export([], ("s1", "s2")))["one_story"]


def test_figures_pool_the_counts_of_the_stories() -> None:
    a = ev.score_story(GOLD, _export([_event("COERCE", "2025-06-17", "A", "e1")]))
    b = ev.score_story(GOLD, _export([_event("COERCE", "2025-06-17", "A", "e1"),
                                      _event("ACCUSE", "2025-06-18", "B", "e2")]))
    f = ev.figures([a, b])
    assert f["event_recall"] == 0.75 and f["timeline_date_precision"] == 1.0
    assert f["timeline_date_recall"] == 0.75 and f["one_story"] == 2


def test_the_command_scores_a_gold_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "corpus" / "dev" / "s"
    story.mkdir(parents=True)
    (story / "a.txt").write_text(
        "Kejagung Tahan Budi Santoso\nRabu, 18 Jun 2025 10:00 WIB\n"
        "Jakarta - Kejaksaan Agung menahan Budi Santoso pada Selasa (17/6/2025) dalam kasus korupsi.\n",
        encoding="utf-8")
    (tmp_path / "stories.json").write_text(json.dumps({"s": {"split": "dev", "files": ["a.txt"]}}), encoding="utf-8")
    (tmp_path / "gold").mkdir()
    gold = {"entities": GOLD["entities"], "events": [GOLD["events"][0]]}
    (tmp_path / "gold" / "s.json").write_text(json.dumps(gold), encoding="utf-8")
    assert ev.main(["--set", "dev", "--gold", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["figures"]["stories"] == 1 and out["figures"]["gold_events"] == 1
    assert out["stories"]["s"]["one_story"]
    assert ev.main(["--set", "dev", "--gold", str(tmp_path)]) == 0
    assert "timeline date" in capsys.readouterr().out


def test_a_story_without_gold_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "stories.json").write_text(json.dumps({"s": {"split": "test", "files": []}}), encoding="utf-8")
    with pytest.raises(SystemExit, match="no gold"):
        ev.load_set(tmp_path, "test")


def test_a_story_without_articles_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "stories.json").write_text(json.dumps({"s": {"split": "dev", "files": ["a.txt"]}}), encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "s.json").write_text(json.dumps({"entities": [], "events": []}), encoding="utf-8")
    with pytest.raises(SystemExit, match="no articles"):
        ev.evaluate(tmp_path, "dev")


def test_the_test_set_is_reported_without_its_stories(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The held-out stories are not read one by one: `--set test` prints the pooled figures only."""
    (tmp_path / "stories.json").write_text(json.dumps({"s": {"split": "test", "files": ["a.txt"]}}),
                                           encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "s.json").write_text(json.dumps({"entities": GOLD["entities"], "events": []}),
                                              encoding="utf-8")
    monkeypatch.setattr(ev, "run_story", lambda folder: _export([]))
    assert ev.main(["--set", "test", "--gold", str(tmp_path), "--json"]) == 0
    assert "stories" not in json.loads(capsys.readouterr().out)
    assert ev.main(["--set", "test", "--gold", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "timeline date" in printed and "one story" in printed and "  s " not in printed
