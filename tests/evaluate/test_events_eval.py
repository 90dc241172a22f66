"""`linimasa eval events` on hand-made splits of the Indonesian gold set's format (tmp files)."""

from __future__ import annotations

import json
from pathlib import Path

from linimasa.evaluate.events import run


def _split(folder: Path, name: str, rows: list[dict]) -> None:
    (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _row(sentence: str, events: list[dict]) -> dict:
    return {"sentence": sentence, "context": "", "published": "2025-06-18", "events": events}


ATTACK = {"type": "ASSAULT", "mode": "asserted", "trigger": "menyerang", "source": "Israel", "target": "Iran",
          "place": None, "date_text": None, "date": None, "background": False}


def test_a_joined_set_pools_the_sentences_of_its_splits(tmp_path: Path) -> None:
    _split(tmp_path, "dev", [_row("Israel menyerang Iran pada Jumat dini hari.", [ATTACK])])
    _split(tmp_path, "dev2", [_row("Cuaca di Jakarta cerah sepanjang hari ini.", [])])
    out = run(tmp_path, tmp_path, ["id-dev", "id-dev2", "id-dev+dev2"], None)
    assert out["id-dev"]["linimasa"]["sentences"] == 1
    assert out["id-dev2"]["linimasa"]["sentences"] == 1
    pooled = out["id-dev+dev2"]["linimasa"]
    assert pooled["sentences"] == 2 and pooled["gold_events"] == 1


def test_a_missing_split_is_skipped_with_its_name(tmp_path: Path) -> None:
    _split(tmp_path, "dev", [_row("Israel menyerang Iran pada Jumat dini hari.", [ATTACK])])
    out = run(tmp_path, tmp_path, ["id-dev+dev2"], None)
    assert "dev2.jsonl" in out["id-dev+dev2"]["skipped"]


def test_a_sentence_is_scored_as_the_clean_stage_hands_it_on(tmp_path: Path) -> None:
    # a scrape glues a linked name to the word before it; the clean stage opens the seam for every
    # body line, so the eval codes the sentence opened too, and finds the gold trigger in it
    _split(tmp_path, "dev", [_row("Israel menyerangIran pada Jumat dini hari.", [ATTACK])])
    out = run(tmp_path, tmp_path, ["id-dev"], None)
    assert out["id-dev"]["linimasa"]["detection_recall"] == 1.0
