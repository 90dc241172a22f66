"""Derive `src/linimasa/resources/id/common_words.txt`: frequent lower-case Indonesian words of news.

    python scripts/build_common_words.py [--data ../shared/data]

Why: scrapers glue a name to the word after it ("Hasto Kristiyantomenghadirkan", "Newsweekmelaporkan").
The entities stage cuts such a name where the glue starts only with evidence that the tail is a word;
the article itself is often too short to show the word alone. A word that news text writes in lower
case again and again ("menghadirkan", "melaporkan", "hari") is that evidence.

Source: the training parts only (no test split) of two Indonesian news NER corpora: tokens tagged
outside any entity (`O`), alphabetic, written in lower case, of four letters or more, seen at least
three times: `ner-nerp/train_preprocess.txt` (NERP by Prosa.ai as packaged by IndoNLU, commit
ce728f6926a3; Apache-2.0 LICENSE file) and `ner-idner-news-2k/train.txt` (Khairunnisa et al. 2020,
commit 625ff40f85b0; MIT). Only words and no sentence are kept.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "linimasa" / "resources" / "id" / "common_words.txt"
MIN_COUNT = 3
MIN_LENGTH = 4
HEADER = """# Frequent lower-case words of Indonesian news, one a line: evidence that the letters glued after a
# name by a scraper are a word of their own ("Kristiyantomenghadirkan" -> "menghadirkan").
# Derived by scripts/build_common_words.py from the training parts of two news NER corpora, tokens
# outside any entity, lower case, four letters or more, seen three times or more:
# ner-nerp train_preprocess.txt (IndoNLP/indonlu commit ce728f6926a3, Apache-2.0 LICENSE file) and
# ner-idner-news-2k train.txt (khairunnisaor/idner-news-2k commit 625ff40f85b0, MIT). Words only.
"""


def words(path: Path, sep: str | None) -> Counter[str]:
    out: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split(sep)
        if len(parts) < 2:
            continue
        token, tag = parts[0], parts[-1]
        if tag == "O" and token.isalpha() and token.islower() and len(token) >= MIN_LENGTH:
            out[token] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    args = ap.parse_args(argv)
    data = Path(args.data)
    counts = words(data / "ner-nerp" / "train_preprocess.txt", "\t")
    counts += words(data / "ner-idner-news-2k" / "train.txt", None)
    kept = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in kept), encoding="utf-8")
    print(f"{OUT.name}: {len(kept)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
