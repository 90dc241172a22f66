"""Benchmark: CPU cost of the entities stage with two NER models, in one run.

    .venv/bin/python bench/ner_model_cost.py --before DIR --after DIR [--articles 300] [--rounds 2]

Each DIR holds a model as `train/ner.py` writes it (``ner.crfsuite``, ``ner.json``) and its
``clusters.tsv`` (the gazetteer file named in ``ner.json`` is read from the package's model folder
when DIR has none). The raw articles of ``news-id-raw-scrape-2025`` (as `bench/throughput.py` picks
them) go through the article stages before ``entities`` once; then the entities stage runs on all of
them with each model in turn, a fresh recogniser each time (its caches cold, as in a new process),
under cProfile with CPU time as its clock; the rounds alternate the order (before, after, after,
before, ...), so a busy machine weighs on both alike. Printed: CPU-s per model and round, their
medians and the ratio after/before, the mentions each model's stage found, and whether they are the
same. No timing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import raw_articles  # sibling bench script

import linimasa.entities as entities_stage
from linimasa.entities.ner import CLUSTERS_FILE, MODEL_FILE, SETTINGS_FILE, Recogniser, open_recogniser
from linimasa.ingest import ingest_bytes
from linimasa.pipeline import Pipeline

PACKAGE_MODEL = Path(entities_stage.__file__).resolve().parent / "model"


def recogniser(folder: Path) -> Recogniser:
    settings = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
    gazetteer_file = settings.get("gazetteer")
    gazetteer_tsv = None
    if gazetteer_file:
        path = folder / gazetteer_file
        gazetteer_tsv = gzip.decompress((path if path.exists() else PACKAGE_MODEL / gazetteer_file).read_bytes())
    return open_recogniser((folder / MODEL_FILE).read_bytes(), (folder / CLUSTERS_FILE).read_text(encoding="utf-8"),
                           settings, gazetteer_tsv.decode("utf-8") if gazetteer_tsv is not None else None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--after", type=Path, required=True)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    texts = raw_articles(args.articles)
    pipe = Pipeline()
    stages = [b for b in pipe._article]
    names = [b.spec.name for b in stages]
    at = names.index("entities")
    inputs: list[Any] = []
    for i, text in enumerate(texts):
        a = ingest_bytes(text.encode(), f"a{i}")
        for b in stages[:at]:
            a = b.fn(a)
        inputs.append(a)
    entities = stages[at].fn
    spent: dict[str, list[float]] = {"before": [], "after": []}
    found: dict[str, int] = {}
    kept: dict[str, list[Any]] = {}
    for r in range(args.rounds):
        order = ("before", "after") if r % 2 == 0 else ("after", "before")
        for label in order:
            entities_stage._MODEL_STATE["rec"] = recogniser(args.before if label == "before" else args.after)
            profile = cProfile.Profile(time.process_time)
            profile.enable()
            out = [entities(a) for a in inputs]
            profile.disable()
            cpu = pstats.Stats(profile).total_tt  # type: ignore[attr-defined]
            spent[label].append(cpu)
            found[label] = sum(len(a.mentions) for a in out)
            kept[label] = [a.mentions for a in out]
            print(f"round {r + 1} {label:6}: {cpu:6.2f} CPU-s (cProfile), {found[label]} mentions", flush=True)
    medians = {k: statistics.median(v) for k, v in spent.items()}
    print(f"{len(texts)} articles, entities stage median CPU-s: before {medians['before']:.2f}, "
          f"after {medians['after']:.2f}, after/before {medians['after'] / medians['before']:.2f}; "
          f"the same mentions: {'yes' if kept['before'] == kept['after'] else 'no'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
