"""A batch raises the garbage collector's youngest threshold while it runs and gives the process its
own back afterwards, also when the batch fails."""

from __future__ import annotations

import gc

import pytest

import linimasa
from linimasa import batch

TEXT = ("Presiden Prabowo Subianto meresmikan jembatan baru di Kabupaten Bandung pada Senin, 2 Juni 2025, "
        "didampingi Gubernur Jawa Barat Dedi Mulyadi.")


def test_batch_collects_less_often_and_restores(tmp_path, monkeypatch):
    seen: list[int] = []
    real = batch._chunks

    def spy(articles, size):
        seen.append(gc.get_threshold()[0])
        yield from real(articles, size)

    monkeypatch.setattr(batch, "_chunks", spy)
    before = gc.get_threshold()
    gc.set_threshold(700, *before[1:])
    try:
        linimasa.process([TEXT], store=str(tmp_path / "a.db"))
        assert seen == [batch.GC_YOUNG_THRESHOLD]
        assert gc.get_threshold() == (700, *before[1:])

        def boom(articles, size):
            raise RuntimeError("stop")
            yield  # pragma: no cover

        monkeypatch.setattr(batch, "_chunks", boom)
        with pytest.raises(RuntimeError):
            linimasa.process([TEXT], store=str(tmp_path / "b.db"))
        assert gc.get_threshold() == (700, *before[1:])
    finally:
        gc.set_threshold(*before)
