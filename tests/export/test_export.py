from __future__ import annotations

import linimasa
from linimasa.export import export_corpus


def test_sample_export_is_valid_linimasa_v1(validate_export):
    corpus = linimasa.process([linimasa.SAMPLE_DIR])
    doc = export_corpus(corpus)
    validate_export(doc)
    assert doc["schema"] == "linimasa/1"
    assert len(doc["articles"]) == 5


def test_export_of_text_input_is_valid(validate_export):
    corpus = linimasa.process(["Satu baris.\nDua baris."])
    validate_export(export_corpus(corpus))
