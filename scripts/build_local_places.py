"""Derive `src/linimasa/resources/id/local_places.tsv.gz`: the districts (kecamatan) and villages
(kelurahan/desa) of each Indonesian regency and city, from `../shared/data/gaz-wilayah-indonesia`
(MIT; see `resources/shared/gazetteer/LICENSES.md`).

    python scripts/build_local_places.py [--data ../shared/data]

Why a list per regency and not a gazetteer of bare names: there are some 90,000 of them and many are
common words or names found all over the country ("Sukamaju", "Baru"), so a bare name alone is no
evidence of a place. Written beside its regency or city in the same article ("Bayat" in a story about
Klaten), it is one (entities/settle.py `_local_places`). One line per regency or city: its code (as in
`wilayah.tsv`: `32.74` for `id-kota:32.74`), a tab, and its district and village names joined by `|`,
sorted; names of one letter or with digits are left out. Gzip-compressed (0.9 MB of text).
"""

from __future__ import annotations

import argparse
import csv
import gzip
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "linimasa" / "resources" / "id" / "local_places.tsv.gz"
HEADER = (
    "# Districts and villages of each Indonesian regency/city: code<TAB>name|name|...\n"
    "# Derived by scripts/build_local_places.py from ../shared/data/gaz-wilayah-indonesia (MIT, 2025 codes).\n"
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    data = Path(ap.parse_args(argv).data) / "gaz-wilayah-indonesia" / "wilayah_all_levels.csv.gz"
    names: dict[str, set[str]] = defaultdict(set)
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["level"] not in ("3", "4"):
                continue
            name = " ".join(row["nama"].split())
            if len(name) < 2 or any(ch.isdigit() for ch in name) or "|" in name:
                continue
            names[".".join(row["kode"].split(".")[:2])].add(name)
    body = HEADER + "".join(f"{code}\t{'|'.join(sorted(names[code]))}\n" for code in sorted(names))
    with open(OUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(body.encode("utf-8"))  # mtime 0 and no file name: the same bytes on every run
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
