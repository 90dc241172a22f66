"""Regenerate the packaged gazetteers from the raw gaz-* datasets in ../shared/data.

The package ships small derived TSV files (src/linimasa/resources/shared/gazetteer/*.tsv) rather than
the raw datasets, because recognition only needs names, a type and a canonical id per real-world
thing. Run from the repository root:

    python3 scripts/build_gazetteers.py [--data ../shared/data]

Output rows are `id <TAB> type <TAB> preferred names <TAB> variant names` (names `|`-separated). The
preferred names (Indonesian and English) are the ones an entity shows as aliases; variants are only
matched. `manual.tsv` in the same folder is hand-made and is NOT written here.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import unicodedata
import zoneinfo
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Alternative spellings that news uses for something else ("Emirates" is the airline).
ALT_SPELLINGS_NOT_NAMES = {"Emirates", "Holland"}
TZ_CONTINENTS = {"Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
OUT = ROOT / "src" / "linimasa" / "resources" / "shared" / "gazetteer"

# Names in the Phoenix dictionaries that are generic nouns, not names of one organisation.
PHOENIX_GENERIC = {
    "ORGANIZATION", "GROUP", "MOVEMENT", "FRONT", "ARMY", "PARTY", "COUNCIL", "COMMITTEE", "UNION",
    "ALLIANCE", "BRIGADE", "BRIGADES", "FORCE", "FORCES", "MILITIA", "REBELS", "INSURGENTS", "LEAGUE",
    "ISLAMIC", "JIHAD", "COMMISSION", "BANK", "FUND", "THE", "PEOPLE", "FREE", "NATIONAL",
}
# Words that mark a Phoenix synonym as a person or an office, not the organisation itself.
PHOENIX_PERSONISH = re.compile(
    r"\b(SECRETARY|SEC\.|SECY|CHIEF|PRESIDENT|MINISTER|DIRECTOR|SPOKES\w*|LEADER|HEAD|OFFICIALS?|ENVOY|"
    r"AMBASSADOR|COMMANDER|CHAIRMAN|CHAIR|GENERAL_ASSEMBLY_PRESIDENT|REPRESENTATIVE|OPERATIVES?|MEMBERS?|"
    r"FIGHTERS?|LINKED|SUSPECTED)\b"
)


def write_rows(name: str, rows: Iterable[tuple[str, str, list[str], list[str]]], header: str) -> int:
    n = 0
    with (OUT / name).open("w", encoding="utf-8", newline="") as f:
        f.write(header.rstrip("\n") + "\n")
        for ident, typ, preferred, variants in rows:
            pref = _unique(preferred)
            var = [v for v in _unique(variants) if v.casefold() not in {p.casefold() for p in pref}]
            f.write(f"{ident}\t{typ}\t{'|'.join(pref)}\t{'|'.join(var)}\n")
            n += 1
    return n


def _unique(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        n = re.sub(r"\s+", " ", n.replace("|", " ").replace("\t", " ")).strip()
        if n and n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘" for c in name)


def countries(data: Path) -> tuple[list[tuple[str, str, list[str], list[str]]], dict[str, str]]:
    """Countries keyed by ISO alpha-2; also returns capital slug -> country code for the city file."""
    by_lang: dict[str, dict[str, str]] = {}
    for lang in ("id", "en", "ms"):
        with (data / "gaz-country-names-id-en" / f"country_{lang}.csv").open(encoding="utf-8") as f:
            by_lang[lang] = {r["id"]: r["value"] for r in csv.DictReader(f)}
    mledoze = {c["cca2"]: c for c in json.loads((data / "gaz-world-countries-mledoze" / "countries.json").read_text())}
    rows = []
    capitals: dict[str, str] = {}
    for code in sorted(set(by_lang["en"]) | set(mledoze)):
        m = mledoze.get(code, {})
        preferred = [by_lang["id"].get(code, ""), by_lang["en"].get(code, ""), m.get("name", {}).get("common", "")]
        variants = [by_lang["ms"].get(code, ""), m.get("name", {}).get("official", "")]
        codes = {code, m.get("cca3", ""), m.get("cioc", "")}
        variants += [
            a for a in m.get("altSpellings", [])
            if a not in codes and len(a) > 3 and _latin(a) and a not in ALT_SPELLINGS_NOT_NAMES
        ]
        rows.append((f"country:{code}", "GPE", preferred, variants))
        for cap in m.get("capital", []):
            capitals[slug(cap)] = code
    return rows, capitals


def demonyms(data: Path) -> list[tuple[str, str]]:
    """English demonyms ("Russian") -> country id: they qualify titles ("Russian Foreign Minister")
    without being mentions of the country themselves."""
    rows = []
    for c in json.loads((data / "gaz-world-countries-mledoze" / "countries.json").read_text()):
        eng = (c.get("demonyms") or {}).get("eng") or {}
        for d in {eng.get("m", ""), eng.get("f", "")}:
            if d and _latin(d):
                rows.append((d, f"country:{c['cca2']}"))
    return sorted(set(rows))


def cities(data: Path, capitals: dict[str, str]) -> list[tuple[str, str, list[str], list[str]]]:
    """Capitals (English names, mledoze) joined with CLDR's Indonesian exonyms by the tz city name."""
    mledoze = json.loads((data / "gaz-world-countries-mledoze" / "countries.json").read_text())
    entries: dict[str, tuple[list[str], list[str]]] = {}
    for c in mledoze:
        for cap in c.get("capital", []):
            if _latin(cap):
                entries.setdefault(slug(cap), ([], []))[0].append(cap)
    # Cities of the IANA time-zone database (public domain, read from the system's tzdata): the
    # big cities that are not capitals (Karachi, Chicago, Sydney) under their English names.
    for tz in sorted(zoneinfo.available_timezones()):
        parts = tz.split("/")
        if len(parts) == 2 and parts[0] in TZ_CONTINENTS and parts[1].replace("_", "").isalpha():
            en_name = parts[1].replace("_", " ")
            pref, _ = entries.setdefault(slug(en_name), ([], []))
            if en_name not in pref:
                pref.append(en_name)
    zones = json.loads((data / "gaz-cldr-id-city-exonyms" / "timezone_exemplar_cities_id.json").read_text())["zones"]
    for tz, id_name in zones.items():
        if "," in id_name:  # "Vincennes, Indiana": a small US town, not a news place name
            continue
        en_name = tz.rsplit("/", 1)[-1].replace("_", " ")
        key = slug(en_name)
        pref, _ = entries.setdefault(key, ([], []))
        pref[:0] = [id_name]
        if en_name not in pref:
            pref.append(en_name)
    return [(f"city:{k}", "GPE", pref, var) for k, (pref, var) in sorted(entries.items())]


def wilayah(data: Path) -> list[tuple[str, str, list[str], list[str]]]:
    """Indonesian provinces and regencies/cities (levels 1-2); districts and villages are too noisy."""
    rows = []
    with (data / "gaz-wilayah-indonesia" / "wilayah_prov_kab_kec.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name, level = r["nama"].strip(), r["level"]
            if level == "1":
                pref, var = [name], []
                if name.startswith("Daerah Khusus Ibukota "):
                    bare = name.removeprefix("Daerah Khusus Ibukota ")
                    pref, var = [bare, f"DKI {bare}"], [name]
                elif name.startswith("Daerah Istimewa "):
                    bare = name.removeprefix("Daerah Istimewa ")
                    pref, var = [name], [f"DI {bare}", f"DIY {bare}"]
                rows.append((f"id-prov:{r['kode']}", "GPE", pref, var))
            elif level == "2":
                m = re.match(r"(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+(.+)", name)
                if not m:
                    rows.append((f"id-kab:{r['kode']}", "GPE", [name], []))
                    continue
                kind, bare = m.group(1), m.group(2)
                short = "Kab." if kind.startswith("Kabupaten") else "Kota"
                variants = [f"{short} {bare}"] + ([bare] if len(bare) > 3 else [])
                rows.append((f"id-{'kota' if kind.startswith('Kota') else 'kab'}:{r['kode']}", "GPE", [name], variants))
    return rows


def _phoenix_entries(path: Path) -> Iterable[tuple[list[str], list[str]]]:
    """(names, codes) per dictionary entry: a canonical line, its `+` synonyms and `[CODE]` lines."""
    names: list[str] = []
    codes: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            if names:
                yield names, codes
            names, codes = [], []
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            codes += re.findall(r"\[([^\]]+)\]", stripped)
            continue
        if stripped.startswith("+"):
            names.append(stripped[1:].split("[")[0].strip())
        else:
            if names:
                yield names, codes
            names, codes = [stripped.split("[")[0].strip()], re.findall(r"\[([^\]]+)\]", stripped)
    if names:
        yield names, codes


def _phoenix_name(name: str) -> str | None:
    if PHOENIX_PERSONISH.search(name):
        return None
    n = name.strip("_").removeprefix("THE_")
    words = [w for w in n.split("_") if w]
    if not words or (len(words) == 1 and (words[0] in PHOENIX_GENERIC or len(words[0]) < 2)):
        return None
    # Phoenix writes everything upper case: keep short single tokens as acronyms, title-case the rest.
    if len(words) == 1 and len(words[0]) <= 4:
        return words[0]
    small = {"OF", "THE", "FOR", "AND", "IN", "ON", "TO", "AL", "EL", "DE", "DU", "LA", "DES"}
    return " ".join(w.lower() if i and w in small else w.capitalize() for i, w in enumerate(words))


def _same_org(canonical: str, variant: str) -> bool:
    """Whether a Phoenix synonym names the organisation itself rather than a leader or an offshoot.

    The dictionaries list members and leaders as synonyms (Hezbollah: "Hassan Nasrallah"): keep
    acronyms, multi-word names sharing a word with the canonical name, and one-word spelling variants.
    """
    words = {w.casefold() for w in re.findall(r"[\w']{4,}", canonical)}
    var_words = re.findall(r"[\w']+", variant)
    if len(var_words) == 1:
        if variant.isupper():
            return True
        return any(difflib.SequenceMatcher(None, variant.casefold(), w).ratio() >= 0.6 for w in words)
    return bool(words & {w.casefold() for w in var_words if len(w) >= 4})


def organisations(data: Path) -> list[tuple[str, str, list[str], list[str]]]:
    """IGOs (International file, IGO codes) and militant/non-state groups (MilNonState)."""
    rows = []
    for fname, want in (("Phoenix.International.actors.txt", "IGO"), ("Phoenix.MilNonState.actors.txt", "")):
        for names, codes in _phoenix_entries(data / "gaz-phoenix-actors" / fname):
            if any(re.search(r"\d{6}", c) for c in codes):  # dated roles: a person holding an office
                continue
            if want and not any(c.startswith(want) for c in codes):
                continue
            clean = [n for n in (_phoenix_name(x) for x in names) if n]
            if clean:
                variants = [v for v in clean[1:] if _same_org(clean[0], v)]
                rows.append((f"org:{slug(clean[0])}", "ORG", clean[:1], variants))
    merged: dict[str, tuple[str, str, list[str], list[str]]] = {}
    for ident, typ, pref, var in rows:
        if ident in merged:
            merged[ident][3].extend(var)
        else:
            merged[ident] = (ident, typ, pref, var)
    return sorted(merged.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    note = "# Derived by scripts/build_gazetteers.py from ../shared/data/{src}; licence: see LICENSES.md\n"
    country_rows, capitals = countries(args.data)
    counts = {
        "countries.tsv": write_rows(
            "countries.tsv", country_rows,
            note.format(src="gaz-country-names-id-en (MIT) + gaz-world-countries-mledoze (ODbL-1.0)")),
        "cities.tsv": write_rows(
            "cities.tsv", cities(args.data, capitals),
            note.format(src="gaz-world-countries-mledoze (ODbL-1.0) + gaz-cldr-id-city-exonyms (Unicode, modified)"
                        " + IANA tz city names (public domain)")),
        "wilayah.tsv": write_rows(
            "wilayah.tsv", wilayah(args.data), note.format(src="gaz-wilayah-indonesia (MIT)")),
        "organisations.tsv": write_rows(
            "organisations.tsv", organisations(args.data), note.format(src="gaz-phoenix-actors (MIT)")),
    }
    demonym_rows = demonyms(args.data)
    with (OUT / "demonyms.tsv").open("w", encoding="utf-8", newline="") as f:
        f.write(note.format(src="gaz-world-countries-mledoze (ODbL-1.0)"))
        f.writelines(f"{d}\t{c}\n" for d, c in demonym_rows)
    counts["demonyms.tsv"] = len(demonym_rows)
    for name, n in counts.items():
        print(f"{name}: {n} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
