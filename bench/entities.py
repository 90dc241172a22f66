"""Benchmark: NER model throughput and size beside a gazetteer-only baseline, measured in one run.

    python bench/entities.py --data ../shared/data --articles 400

Both taggers run on the same article bodies from ``news-id-raw-scrape-2025`` in this process (one
core: the CRF tagger and the lookup are single-threaded). The baseline is a plain longest-match lookup of
the names in ``gaz-*`` (DBpedia persons/places/organisations, country names, Indonesian provinces
and regencies) over the same tokens: the floor any statistical model should be compared with for
speed. Tokens are counted with the recogniser's own tokenizer.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from linimasa.entities.ner import CLUSTERS_FILE, MODEL_FILE, SETTINGS_FILE, load_recogniser, tokenize

MODEL_DIR = Path(__file__).resolve().parents[1] / "src" / "linimasa" / "entities" / "model"


def article_bodies(data_dir: Path, limit: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    bodies: list[str] = []
    seen: set[str] = set()
    for path in sorted((data_dir / "news-id-raw-scrape-2025").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["url"] in seen or not row["isi_berita"].strip():
                    continue
                seen.add(row["url"])
                bodies.append(row["isi_berita"])
                if len(bodies) >= limit:
                    return bodies
    return bodies


def gazetteer_names(data_dir: Path) -> Iterator[tuple[str, str]]:
    for name, label in (("person", "PER"), ("place", "LOC"), ("organization", "ORG")):
        for line in (data_dir / "gaz-dbpedia-id-mdee" / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            yield line.strip(), label
    for lang in ("id", "en"):
        with (data_dir / "gaz-country-names-id-en" / f"country_{lang}.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield row["value"], "LOC"
    with (data_dir / "gaz-wilayah-indonesia" / "wilayah_prov_kab_kec.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] in ("1", "2"):
                yield row["nama"], "LOC"


class GazetteerTagger:
    """Longest match of gazetteer names over tokens (case-sensitive, as names are written)."""

    def __init__(self, names: Iterator[tuple[str, str]]) -> None:
        self.entries: dict[tuple[str, ...], str] = {}
        self.longest = 1
        for name, label in names:
            key = tuple(name[a:b] for a, b in tokenize(name))
            if key and not (len(key) == 1 and len(key[0]) < 3):
                self.entries.setdefault(key, label)
                self.longest = max(self.longest, len(key))
        self.longest = min(self.longest, 8)

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        spans = tokenize(text)
        tokens = [text[a:b] for a, b in spans]
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self.longest, len(tokens) - i), 0, -1):
                label = self.entries.get(tuple(tokens[i : i + size]))
                if label is not None:
                    found.append((spans[i][0], spans[i + size - 1][1], label))
                    i += size
                    break
            else:
                i += 1
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args(argv)

    bodies = article_bodies(args.data, args.articles)
    tokens = sum(len(tokenize(b)) for b in bodies)

    started = time.perf_counter()
    recogniser = load_recogniser()
    model_load_s = time.perf_counter() - started
    started = time.perf_counter()
    model_mentions = sum(len(recogniser.tag(b)) for b in bodies)
    model_s = time.perf_counter() - started

    started = time.perf_counter()
    gazetteer = GazetteerTagger(gazetteer_names(args.data))
    gazetteer_load_s = time.perf_counter() - started
    started = time.perf_counter()
    gazetteer_mentions = sum(len(gazetteer.tag(b)) for b in bodies)
    gazetteer_s = time.perf_counter() - started

    size = sum((MODEL_DIR / f).stat().st_size for f in (MODEL_FILE, CLUSTERS_FILE, SETTINGS_FILE))
    print(f"{len(bodies)} articles, {tokens} tokens (news-id-raw-scrape-2025)")
    print(f"{'tagger':<22}{'load s':>8}{'tag s':>8}{'tokens/s':>10}{'mentions':>10}")
    print(f"{'CRF model':<22}{model_load_s:8.2f}{model_s:8.2f}{tokens / model_s:10.0f}{model_mentions:10d}")
    print(
        f"{'gazetteer longest-match':<22}{gazetteer_load_s:8.2f}{gazetteer_s:8.2f}"
        f"{tokens / gazetteer_s:10.0f}{gazetteer_mentions:10d}"
    )
    print(f"model speed / gazetteer speed: {gazetteer_s / model_s:.2f}")
    print(f"model files in the package: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
