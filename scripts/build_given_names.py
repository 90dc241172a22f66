"""Regenerate `src/linimasa/resources/shared/given_names.txt` from ../shared/data/gaz-dbpedia-id-mdee.

The entity stage asks one question of it: does a two- or three-word name the statistical model called
a place start with a common given name ("Anthony Davis", "Saikat Ray")? Then it is a person. The list
is the first words of the person names of Indonesian DBpedia (MDEE gazetteer) used by at least
MIN_COUNT different names, without titles and honorifics and without words the packaged gazetteer
knows as places or organisations ("Washington", "Jordan", "Victoria"). Run from the repository root:

    python3 scripts/build_given_names.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "linimasa" / "resources" / "shared" / "given_names.txt"
MIN_COUNT = 5
HEADER = """\
# Common given names: first words of person names in Indonesian DBpedia (MDEE gazetteer,
# ialfina/ner-dataset-modified-dee, commit 8adeaa83523b, expanded-dbpedia/mdee_gazetteer/person.txt),
# used by at least {n} names, without titles and without words the packaged gazetteer knows.
# Licence of the source: "The dataset may be used for free" (its README; cite Alfina et al., ICACSIS
# 2017). Derived by scripts/build_given_names.py; do not edit by hand.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from linimasa import resources
    from linimasa.text.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    not_names: set[str] = set()
    for lang in ("id", "en"):
        data = resources.load_or_empty(lang, "entities") or {}
        for key in ("person_titles", "title_words", "title_modifiers", "honorifics", "person_ranks",
                    "person_only_titles", "org_heads", "loc_heads", "not_names"):
            not_names.update(str(w).casefold().split()[0] for w in data.get(key) or [] if str(w).strip())
    not_names.update(w.casefold() for w in resources.load_words("shared", "name_particles.txt"))
    firsts = Counter()
    for line in (args.data / "gaz-dbpedia-id-mdee" / "person.txt").read_text(encoding="utf-8").splitlines():
        words = line.split()
        if len(words) >= 2:
            firsts[words[0]] += 1
    names = sorted(
        w for w, n in firsts.items()
        if n >= MIN_COUNT and w.isalpha() and len(w) >= 3 and w[0].isupper() and w[1:].islower()
        and w.casefold() not in not_names and gazetteer.lookup(w) is None
    )
    OUT.write_text(HEADER.format(n=MIN_COUNT) + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(names)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
