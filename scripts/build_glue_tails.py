"""Derive `src/linimasa/resources/id/glue_tails.txt`: frequent Indonesian words that end no name.

    python scripts/build_glue_tails.py [--data ../shared/data]

Why: a scraper glues a name to the word after it ("Juventusberlangsung", "Setya Novantobisa"), and the
text layer (`linimasa.text.seams`) opens such a seam for entity recognition. Any frequent word of news
(`common_words.txt`, the short `glue_words` of `entities.yaml`) is cut off with evidence from the
article (the name before it written alone, known to the gazetteer, or a capitalised word glued after
it). Without evidence only the words of this list are: words that follow a name and do not make one.

- Names end in words: "Permatasari", "Wijaya", "Suhari", "Ramadan", "Suryadi". A word is left out when
  more names end in it (with two letters or more before it, the name itself no dictionary word) than a
  hundredth of the times news writes it as a word ("bisa": 4 names in 461 uses stays; "hari": 26 in 284
  does not).
- Short names and abbreviations are built of nouns: "Satresnarkoba", "Korlantas", "Monumen KaliBekasi".
  A word is kept only when it is no noun: its most frequent part of speech in a tagged news corpus is a
  verb, adverb, adposition, conjunction, determiner, pronoun, auxiliary or particle ("berlangsung",
  "bisa", "selama"), or it carries the suffix -nya ("lainnya"), or, where the corpus does not have it,
  it opens with a verb's prefix (me-, di-, ber-, ter-) and is a derived dictionary word ("melaporkan").

Names: the entity tokens of the training parts of four Indonesian NER corpora (`ner-nerp`,
`ner-idner-news-2k`, `ner-nergrit`, `ner-indolem-nerugm`), `resources/shared/given_names.txt`, DBpedia's
Indonesian person, place and organisation names (`gaz-dbpedia-id-mdee`) and every region of Indonesia
(`gaz-wilayah-indonesia`). Word counts: tokens outside entities of the training parts of `ner-nerp` and
`ner-idner-news-2k` (as for `common_words.txt`); parts of speech: `ner-idner-news-2k` train (UPOS).
Only words are kept.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from linimasa.text.morph import is_word, root_words, stem

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "linimasa" / "resources"
OUT = RESOURCES / "id" / "glue_tails.txt"
SHARE = 0.01
"""A word is a name ending when more names end in it than this share of its uses as a word."""
NOT_NOUNS = frozenset({"VERB", "ADV", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART"})
VERB_PREFIX = re.compile(r"^(?:me|di|ber|ter)")
HEADER = """# Frequent words of Indonesian news that end no name and are no noun, one a line ("berlangsung",
# "bisa", "selama", "lainnya", "melaporkan"): glued after a capitalised word by a scraper
# ("Juventusberlangsung"), such a word is cut off for entity recognition without other evidence
# (linimasa.text.seams; other frequent words only with evidence from the article). Derived by
# scripts/build_glue_tails.py from common_words.txt and entities.yaml glue_words: words that fewer
# names end in than a hundredth of their uses as a word, and whose most frequent part of speech is no
# noun (or, untagged, that carry a verb's prefix or -nya). Names: entity tokens of the training parts
# of ner-nerp and ner-nergrit (IndoNLP/indonlu commit ce728f6926a3, Apache-2.0 LICENSE file),
# ner-idner-news-2k (commit 625ff40f85b0, MIT; also the parts of speech) and ner-indolem-nerugm (commit
# 777fdc680cfa, no licence stated), resources/shared/given_names.txt, Indonesian DBpedia names
# (gaz-dbpedia-id-mdee, commit 8adeaa83523b, "may be used for free") and the regions of Indonesia
# (gaz-wilayah-indonesia, MIT). Only words are kept, no name and no sentence.
"""
_LETTERS = re.compile(r"[^\W\d_]+")


def _tokens(path: Path, sep: str | None) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split(sep)
        if len(parts) >= 2 and parts[0].isalpha():
            out.append(parts)
    return out


def _words(path: Path) -> list[str]:
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    args = ap.parse_args(argv)
    data = Path(args.data)
    corpora = [(data / "ner-nerp" / "train_preprocess.txt", "\t", True),
               (data / "ner-idner-news-2k" / "train.txt", None, True),
               (data / "ner-nergrit" / "train_preprocess.txt", "\t", False),
               (data / "ner-indolem-nerugm" / "train.01.tsv", "\t", False)]
    names: set[str] = set()
    uses: Counter[str] = Counter()
    pos: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for path, sep, counted in corpora:
        for parts in _tokens(path, sep):
            token, tag = parts[0], parts[-1]
            if tag != "O":
                names.add(token.casefold())
            elif counted and token.islower():
                uses[token] += 1
            if len(parts) == 3:  # ner-idner-news-2k: token, UPOS, tag
                pos[token.casefold()][parts[1]] += 1
    names.update(w.casefold() for w in _words(RESOURCES / "shared" / "given_names.txt"))
    for kind in ("person", "place", "organization"):
        for line in (data / "gaz-dbpedia-id-mdee" / f"{kind}.txt").read_text(encoding="utf-8").splitlines():
            names.update(t.casefold() for t in _LETTERS.findall(line))
    with gzip.open(data / "gaz-wilayah-indonesia" / "wilayah_all_levels.csv.gz", "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.update(t.casefold() for t in _LETTERS.findall(row["nama"]))

    common = set(_words(RESOURCES / "id" / "common_words.txt"))
    glue = {str(w) for w in (yaml.safe_load((RESOURCES / "id" / "entities.yaml").read_text(encoding="utf-8"))
                             .get("glue_words") or []) if " " not in str(w)}
    roots = root_words("id")  # PySastrawi's dictionary of root words
    endings: Counter[str] = Counter()
    for name in names:
        if name in common or name in roots:
            continue  # "matahari", "sebelum": a word, not a name that ends in one
        for k in range(2, len(name) - 1):
            endings[name[k:]] += 1

    def no_noun(word: str) -> bool:
        if word.endswith("nya") and len(word) > 5:
            return True
        if pos[word]:
            return pos[word].most_common(1)[0][0] in NOT_NOUNS
        return bool(VERB_PREFIX.match(word)) and stem(word, "id") != word and is_word(word, "id")

    listed = sorted(w for w in common | glue if endings[w] <= SHARE * uses[w] and no_noun(w))
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in listed), encoding="utf-8")
    print(f"{OUT.name}: {len(listed)} of {len(common | glue)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
