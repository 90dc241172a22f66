"""Silver English NER sentences for the CRF, by distant supervision from the shared gazetteers.

No annotated English NER corpus is available to the project, yet linimasa must tag English news too.
Without any English, the model sees "met", "in", "on" as unknown words between capitalised ones and
runs a single ORG across a whole English sentence. This builds a small silver set instead:

* sentences: the English news sentences of ``events-location-halterman`` and ``events-conflibert-cameo``
  (their own labels are event roles, not entity types, and are not used — except Halterman's LOCATION
  spans, which are gold places);
* labels: longest case-insensitive match, over capitalised tokens only, of country names and capitals
  (``gaz-country-names-id-en``, ``gaz-world-countries-mledoze``) → LOC, leaders and officials from
  ``gaz-phoenix-actors`` and multi-word DBpedia persons → PER, intergovernmental organisations from
  Phoenix and DBpedia organisations → ORG;
* a sentence is kept only if every capitalised word in it is explained — inside a labelled name, or a
  title, weekday, month or demonym listed in ``train/english_non_names.txt`` or derived from the country
  data. A sentence with an unexplained capitalised word could hide an unlabelled name, which would
  teach the model to miss names, so it is dropped rather than guessed.

The result is biased towards names the gazetteers know; what it teaches is English *context*
(function words and verbs are O, names stop at "met"/"in"), which is what the model lacked.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from linimasa.entities.ner_text import tokenize
from linimasa.evaluate.ner_corpora import Sentence, read_conll

NON_NAMES_FILE = Path(__file__).with_name("english_non_names.txt")
_PHOENIX_NAME = re.compile(r"^\+?([A-Z0-9][A-Z0-9_.'-]*?)_*\s*(?:#.*|\[.*)?$")


def _key(tokens: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens)


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(name[a:b] for a, b in tokenize(name))


def _phoenix_names(path: Path, keep_line: re.Pattern[str]) -> list[str]:
    """Canonical names and '+' synonyms of the entries whose canonical line matches ``keep_line``."""
    names: list[str] = []
    keeping = False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith(("#", "[")) or line.startswith(("\t", " ")):
            continue
        if not line.startswith("+"):
            keeping = bool(keep_line.search(line))
        if not keeping:
            continue
        match = _PHOENIX_NAME.match(line.strip())
        if match:
            names.append(match.group(1).replace("_", " "))
    return names


def gazetteer(data_dir: Path) -> dict[tuple[str, ...], str]:
    entries: dict[tuple[str, ...], str] = {}

    def add(name: str, label: str, min_tokens: int = 1) -> None:
        tokens = _name_tokens(name.strip())
        if len(tokens) >= min_tokens and not (len(tokens) == 1 and len(tokens[0]) < 3):
            entries.setdefault(_key(tokens), label)

    for country in json.loads((data_dir / "gaz-world-countries-mledoze" / "countries.json").read_text("utf-8")):
        add(country["name"]["common"], "LOC")
        add(country["name"]["official"], "LOC")
        for capital in country.get("capital") or []:
            add(capital, "LOC")
    with (data_dir / "gaz-country-names-id-en" / "country_en.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            add(row["value"], "LOC")
    phoenix = data_dir / "gaz-phoenix-actors"
    # In the countries file a person's canonical line carries a "# source" comment and no country code.
    for name in _phoenix_names(phoenix / "Phoenix.Countries.actors.txt", re.compile(r"^[^\[]*#")):
        if " " in name:
            add(name, "PER")
    for name in _phoenix_names(phoenix / "Phoenix.International.actors.txt", re.compile(r"\[(IGO|NGO)")):
        add(name, "ORG")
    dbpedia = data_dir / "gaz-dbpedia-id-mdee"
    for line in (dbpedia / "person.txt").read_text(encoding="utf-8").splitlines():
        add(line, "PER", min_tokens=2)
    for line in (dbpedia / "organization.txt").read_text(encoding="utf-8").splitlines():
        add(line, "ORG", min_tokens=2)
    return entries


def non_names(data_dir: Path) -> set[str]:
    words = {
        w.strip().lower()
        for w in NON_NAMES_FILE.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }
    for country in json.loads((data_dir / "gaz-world-countries-mledoze" / "countries.json").read_text("utf-8")):
        for forms in (country.get("demonyms") or {}).get("eng", {}).values():
            words.add(forms.lower())
    return words


def english_sentences(data_dir: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """(text, gold place character spans) per distinct sentence."""
    places: dict[str, set[tuple[int, int]]] = {}
    with gzip.open(data_dir / "events-location-halterman" / "event_location.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            spans = places.setdefault(record["text"], set())
            spans.update((s["start"], s["end"]) for s in record.get("spans", []) if s.get("label") == "LOCATION")
    for sentence in read_conll(data_dir / "events-conflibert-cameo" / "cameo_ner_train.txt"):
        places.setdefault(" ".join(sentence.tokens), set())
    return [(text, sorted(spans)) for text, spans in places.items()]


def silver_sentences(data_dir: Path) -> list[Sentence]:
    entries = gazetteer(data_dir)
    allowed = non_names(data_dir)
    longest = min(8, max(len(k) for k in entries))
    raw = english_sentences(data_dir)
    lower_counts: Counter[str] = Counter()
    for text, _ in raw:
        lower_counts.update(w for w in re.findall(r"\b[a-z]+\b", text))

    kept: list[Sentence] = []
    for text, places in raw:
        spans = tokenize(text)
        tokens = [text[a:b] for a, b in spans]
        tags = ["O"] * len(tokens)
        for start, end in places:
            inside = [i for i, (a, b) in enumerate(spans) if a >= start and b <= end]
            if inside and all(tokens[i][0].isupper() or tokens[i].lower() in ("of", "the") for i in inside):
                tags[inside[0]] = "B-LOC"
                for i in inside[1:]:
                    tags[i] = "I-LOC"
        i = 0
        while i < len(tokens):
            if tags[i] != "O" or not tokens[i][0].isupper():
                i += 1
                continue
            for size in range(min(longest, len(tokens) - i), 0, -1):
                window = tokens[i : i + size]
                label = entries.get(_key(window))
                if label and window[-1][0].isupper() and all(t == "O" for t in tags[i : i + size]):
                    tags[i : i + size] = [f"B-{label}"] + [f"I-{label}"] * (size - 1)
                    i += size
                    break
            else:
                i += 1
        explained = True
        for i, token in enumerate(tokens):
            if tags[i] != "O" or not token[0].isupper() or token.lower() in allowed:
                continue
            if i == 0 and lower_counts[token.lower()] >= 3:
                continue  # an ordinary word capitalised at the start of the sentence
            explained = False
            break
        if explained and any(t != "O" for t in tags):
            kept.append(Sentence(tokens, tags))
    return kept


if __name__ == "__main__":
    import sys

    silver = silver_sentences(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
    counts = Counter(t[2:] for s in silver for t in s.tags if t.startswith("B-"))
    print(f"{len(silver)} silver English sentences; mentions {dict(counts)}")
    for s in silver[:12]:
        print(" ".join(f"{w}/{t}" if t != "O" else w for w, t in zip(s.tokens, s.tags, strict=True)))
