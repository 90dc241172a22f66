"""The real-news gold as NER training data (`train/ner_real.py`): offsets to BIO tags, glue, leaks."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "train"))
import ner_real  # a training script beside train/ner.py, not a package module


def _gold(tmp_path: Path, name: str, text: str, body: list[list[int]], entities: list[dict]) -> Path:
    folder = tmp_path / "corpus" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    line = {"file": f"corpus/{name}/a.txt", "body": body, "entities": entities}
    (tmp_path / f"{name}.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    return tmp_path


def _entity(kind: str, text: str, *names: str) -> dict:
    return {"type": kind, "mentions": [{"start": text.index(n), "end": text.index(n) + len(n)} for n in names]}


def test_mentions_become_bio_tags_with_gpe_as_loc_only_inside_the_body(tmp_path: Path) -> None:
    text = "Judul Berita\nWarga Kota Bogor bertemu Budi Santoso.\nBaca juga: Budi ke Bandung\n"
    body_end = text.index("Baca")
    gold = _gold(
        tmp_path,
        "dev",
        text,
        [[text.index("Warga"), body_end]],
        [_entity("GPE", text, "Kota Bogor"), _entity("PER", text, "Budi Santoso")],
    )
    sentences, misaligned = ner_real.real_sentences(gold, "dev")
    assert misaligned == 0
    assert [(s.tokens, s.tags) for s in sentences] == [
        (
            ["Warga", "Kota", "Bogor", "bertemu", "Budi", "Santoso", "."],
            ["O", "B-LOC", "I-LOC", "O", "B-PER", "I-PER", "O"],
        )
    ]


def test_glued_names_are_cut_at_the_mention_and_other_misalignments_left_out(tmp_path: Path) -> None:
    text = "Artis sekaligus presenterJessica Iskandarsedang berlibur.\nMexico’s economy grew.\n"
    gold = _gold(
        tmp_path,
        "dev",
        text,
        [[0, len(text)]],
        [_entity("PER", text, "Jessica Iskandar"), _entity("GPE", text, "Mexico")],
    )
    sentences, misaligned = ner_real.real_sentences(gold, "dev")
    assert misaligned == 1  # "Mexico’s" is one token at run time too: not taught with a wrong span
    assert sentences[0].tokens[2:5] == ["presenter", "Jessica", "Iskandar"]
    assert sentences[0].tags[2:6] == ["O", "B-PER", "I-PER", "O"]


def test_the_test_split_is_never_training_data_and_its_texts_are_read_from_files(tmp_path: Path) -> None:
    text = "Presiden Prabowo Subianto tiba di Tokyo.\n"
    folder = tmp_path / "corpus" / "test"
    folder.mkdir(parents=True)
    (folder / "b.txt").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError):
        ner_real.real_sentences(tmp_path, "test")
    keys = ner_real.held_out_texts_keys(tmp_path, ["test"], lambda tokens: " ".join(tokens).lower())
    assert keys == {"presiden prabowo subianto tiba di tokyo ."}
