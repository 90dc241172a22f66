"""Build the name list behind the NER model's gazetteer features.

    python train/ner_gazetteer.py --data ../shared/data --out src/linimasa/entities/model/gazetteer.tsv.gz

Sources (licences in ``src/linimasa/entities/model/LICENSES.md``): Indonesian DBpedia persons, places
and organisations (``gaz-dbpedia-id-mdee``), country names in Indonesian and English
(``gaz-country-names-id-en``) and Indonesian
provinces and regencies/cities (``gaz-wilayah-indonesia``, levels 1–2). Names are lower-cased and
tokenised like the recogniser tokenises. A one-word name that is mostly written lower-case in the news
corpus ("bunga", "harapan") is left out: it would fire on ordinary words far more often than on names.
(The ODbL country data is deliberately not used here, so the shipped list carries no share-alike terms.)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

from linimasa.entities.ner_text import tokenize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_clusters import news_sentences  # a sibling script, not a package module


def names(data_dir: Path) -> list[tuple[str, str]]:
    """(name, label) pairs, most reliable sources first (the first label given to a name wins)."""
    found: list[tuple[str, str]] = []
    for lang in ("id", "en"):
        with (data_dir / "gaz-country-names-id-en" / f"country_{lang}.csv").open(encoding="utf-8") as handle:
            found.extend((row["value"], "LOC") for row in csv.DictReader(handle))
    with (data_dir / "gaz-wilayah-indonesia" / "wilayah_prov_kab_kec.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] in ("1", "2"):
                found.append((row["nama"], "LOC"))
                # "Kabupaten Bogor" is mostly written "Bogor" (or "Kab. Bogor") in news.
                short = re.sub(r"^(Kabupaten|Kota|Provinsi)\s+", "", row["nama"])
                found.append((short, "LOC"))
    dbpedia = data_dir / "gaz-dbpedia-id-mdee"
    for file, label in (("organization.txt", "ORG"), ("person.txt", "PER"), ("place.txt", "LOC")):
        found.extend((line.strip(), label) for line in (dbpedia / file).read_text("utf-8").splitlines())
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("src/linimasa/entities/model/gazetteer.tsv.gz"))
    parser.add_argument("--max-tokens", type=int, default=6)
    args = parser.parse_args(argv)

    lower = Counter()
    capital = Counter()
    for sentence in news_sentences(args.data):
        for i, token in enumerate(sentence):
            if token.islower():
                lower[token] += 1
            elif i > 0 and token[:1].isupper():
                capital[token.lower()] += 1

    table: dict[str, str] = {}
    for name, label in names(args.data):
        tokens = [name[a:b].lower() for a, b in tokenize(name)]
        if not tokens or len(tokens) > args.max_tokens:
            continue
        if len(tokens) == 1:
            word = tokens[0]
            if len(word) < 3 or not word[0].isalpha() or lower[word] > capital[word]:
                continue
        table.setdefault(" ".join(tokens), label)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# names for the linimasa NER gazetteer features; built by train/ner_gazetteer.py\n")
        for key in sorted(table):
            out.write(f"{key}\t{table[key]}\n")
    print(f"wrote {len(table)} names to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
