"""Derive `src/linimasa/resources/shared/clubs.txt`: names of sports clubs, from the organisation
names of Indonesian DBpedia (`../shared/data/gaz-dbpedia-id-mdee/organization.txt`, Alfina et al.
2017; see LICENSES note in the output's header).

    python scripts/build_clubs.py [--data ../shared/data]

DBpedia's list has no types, so a club is recognised by the way club names are written: a club form
before or after the name ("F.C.", "FC", "C.F.", "AFC", "SC", "Calcio", "Club Atlético", "Clube"), or an
Indonesian club name ("Persija Jakarta", "PSM Makassar"). Each club is written out as it is named in
news: without the form ("Real Madrid C.F." -> "Real Madrid", "Club Atlético River Plate" -> "River
Plate"), and with it where the form is part of the usual name ("Arema FC"). Youth and reserve sides
("U-21", "Castilla", "B") are left out. One name a line, sorted; names of one word are kept only when
they are not a common word (capitalised, four letters or more). A name with accented letters is also
written without them, as Indonesian news writes it ("Bayern München" -> "Bayern Munchen", "Atlético
Madrid" -> "Atletico Madrid"), and an Indonesian club whose name opens with "PS" is also named without
it where two words or more are left that name no place the gazetteer knows ("PS Barito Putera" ->
"Barito Putera"; not "PS Bandar Lampung").
"""

from __future__ import annotations

import argparse
import functools
import re
import unicodedata
from pathlib import Path

from linimasa.text.gazetteer import Gazetteer, load_gazetteer

OUT = Path(__file__).resolve().parents[1] / "src" / "linimasa" / "resources" / "shared" / "clubs.txt"
FORMS_AFTER = r"(?:F\.C\.|FC|C\.F\.|CF|A\.F\.C\.|AFC|S\.C\.|SC|S\.p\.A\.?|Calcio|F\.K\.|FK|S\.K\.|SK)"
FORMS_BEFORE = (
    r"(?:Club Atlético|Clube Atlético|Club Deportivo|Clube|Club|F\.C\.|FC|A\.C\.|AC|A\.S\.|AS|SS|S\.S\.|SSC"
    r"|U\.S\.|US|A\.S\.D\.|R\.C\.D\.|RCD|SV|VfB|VfL|TSG|1\. FC)"
)
ID_PREFIX = re.compile(r"^PS[A-Z]{0,3} (\S+ \S.*)$")
ID_CLUB = re.compile(r"^(?:Pers[a-z]{2,}|PS[A-Z]{0,3}|Arema|Bali United|Madura United|Borneo|Semen Padang)\b")
YOUTH = re.compile(r"\b(?:U-?\d\d|Junior|Juniors B|Castilla|B|II|Reserves|Women|Putri|Wanita)$")
HEADER = """# Names of sports clubs, one a line (written as news name them: "River Plate", "Real Madrid").
# Derived by scripts/build_clubs.py from ../shared/data/gaz-dbpedia-id-mdee/organization.txt:
# ialfina/ner-dataset-modified-dee, expanded-dbpedia/mdee_gazetteer (commit 8adeaa83523b), names from
# Indonesian DBpedia expanded by the MDEE method (Alfina et al., ICACSIS 2017). Licence: the dataset's
# README says "The dataset may be used for free, but if you want to publish paper/publication using
# the dataset, please cite these publications"; DBpedia data is CC BY-SA 3.0. Only club names are kept.
"""


COMPASS = {"Barat", "Timur", "Utara", "Selatan", "Tengah"}


@functools.cache
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def club_names(line: str) -> set[str]:
    name = " ".join(line.replace("\u00a0", " ").split())
    name = re.sub(r"\s+\d+$", "", name)  # "Juventus F.C.  S.p.A  1": a numbering left by the source
    if not name or YOUTH.search(name):
        return set()
    out: set[str] = set()
    after = re.match(rf"^(.+?)(?:\s+{FORMS_AFTER})+$", name)
    before = re.match(rf"^{FORMS_BEFORE}\s+(.+)$", name)
    if after:
        out.add(after.group(1))
        if re.search(r"\s(?:FC|AFC|SC)$", name):
            out.add(name)  # "Arema FC", "Los Angeles FC": the form is written in news too
    elif before:
        out.add(before.group(1))
    elif ID_CLUB.match(name) and len(name.split()) >= 2:
        out.add(name)
    for n in list(out):
        folded = "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c))
        if folded != n and " " in folded and "?" not in folded:
            out.add(folded)  # "Bayern München" -> "Bayern Munchen" (a one-word one may be a city: "Malaga")
        bare = ID_PREFIX.match(n)
        if bare and _gazetteer().lookup(bare.group(1)) is None and bare.group(1).split()[-1] not in COMPASS:
            out.add(bare.group(1))  # "PS Barito Putera" -> "Barito Putera", not "Bandar Lampung" (a city)
    return {n for n in out if n[:1].isupper() and (" " in n or (len(n) >= 4 and not n.isupper()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    args = ap.parse_args(argv)
    src = Path(args.data) / "gaz-dbpedia-id-mdee" / "organization.txt"
    names: set[str] = set()
    for line in src.read_text(encoding="utf-8").splitlines():
        names |= club_names(line)
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"{OUT.name}: {len(names)} club names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
