"""`linimasa eval ner`: score the shipped NER model on the test split of each public NER corpus.

Scoring is CoNLL-style: a predicted mention counts only if its first token, last token and type all
match a gold mention. Each corpus is scored on the types it annotates (nerugm, nergrit and
idner-news-2k have no EVT, so an EVT prediction there is left out rather than counted wrong); TIME,
QUANTITY and FNB are not linimasa types and are dropped from the gold side. Published figures are
printed beside ours for orientation — they use each corpus's full tag set, so they are close to, not
exactly, the same task.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linimasa.entities.ner import Recogniser, bio_spans, load_recogniser
from linimasa.evaluate.ner_corpora import CORPORA, Sentence, load_split

# Best published micro-F1 (%) on each test split: IndoNLU (Wilie et al. 2020) for NERGrit and NERP,
# IndoLEM (Koto et al. 2020) for NER-UGM; idner-news-2k has no comparable public figure here.
PUBLISHED: dict[str, list[tuple[str, float]]] = {
    "nergrit": [("XLM-R base, IndoNLU", 79.09), ("IndoBERT-large, IndoNLU", 77.60)],
    "nerp": [("IndoBERT-large, IndoNLU", 79.25)],
    "nerugm": [("IndoBERT, IndoLEM", 74.9), ("BiLSTM, IndoLEM", 70.9)],
    "idner-news-2k": [],
}


@dataclass
class Counts:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    corpus: str
    split: str
    per_type: dict[str, Counts] = field(default_factory=dict)
    micro: Counts = field(default_factory=Counts)
    sentences: int = 0
    tokens: int = 0


def score_corpus(
    recogniser: Recogniser, corpus: str, sentences: Sequence[Sentence], split: str = "test", own_convention: bool = True
) -> Score:
    """Score ``recogniser`` on one corpus; with ``own_convention`` it follows that corpus's annotation rules."""
    types = CORPORA[corpus].types
    score = Score(corpus, split, {t: Counts() for t in types})
    convention = corpus if own_convention else None
    for sentence in sentences:
        predicted_tags = recogniser.tag_tokens(sentence.tokens, convention)
        gold = {s for s in bio_spans(sentence.tags) if s[2] in types}
        predicted = {s for s in bio_spans(predicted_tags) if s[2] in types}
        for span in predicted:
            score.per_type[span[2]].predicted += 1
        for span in gold:
            score.per_type[span[2]].gold += 1
        for span in gold & predicted:
            score.per_type[span[2]].true_positive += 1
        score.sentences += 1
        score.tokens += len(sentence.tokens)
    for counts in score.per_type.values():
        score.micro.true_positive += counts.true_positive
        score.micro.predicted += counts.predicted
        score.micro.gold += counts.gold
    return score


def format_score(score: Score) -> str:
    lines = [f"{score.corpus} ({score.split}: {score.sentences} sentences, {score.tokens} tokens)"]
    lines.append(f"  {'type':<6}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}")
    for name, c in [*score.per_type.items(), ("micro", score.micro)]:
        lines.append(f"  {name:<6}{100 * c.precision:8.2f}{100 * c.recall:8.2f}{100 * c.f1:8.2f}{c.gold:7d}")
    for system, figure in PUBLISHED.get(score.corpus, []):
        gap = 100 * score.micro.f1 - figure
        lines.append(f"  published {figure:.2f} ({system}); linimasa {gap:+.2f}")
    return "\n".join(lines)


def score_to_dict(score: Score) -> dict[str, object]:
    def counts(c: Counts) -> dict[str, float | int]:
        return {"precision": c.precision, "recall": c.recall, "f1": c.f1, "gold": c.gold, "predicted": c.predicted}

    return {
        "corpus": score.corpus,
        "split": score.split,
        "micro": counts(score.micro),
        "per_type": {t: counts(c) for t, c in score.per_type.items()},
        "published": [{"system": s, "f1": f} for s, f in PUBLISHED.get(score.corpus, [])],
    }


def default_data_dir() -> Path:
    return Path(os.environ.get("LINIMASA_DATA", "../shared/data"))


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="linimasa eval ner",
        description="Per-type and micro P/R/F1 (CoNLL exact span match) of the packaged NER model.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  linimasa eval ner\n  linimasa eval ner --corpus nergrit --split dev",
    )
    parser.add_argument("--data", type=Path, default=default_data_dir(), help="shared data folder (env LINIMASA_DATA)")
    parser.add_argument("--split", choices=("train", "dev", "test"), default="test")
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="only this corpus (repeatable)")
    parser.add_argument(
        "--news-convention",
        action="store_true",
        help="tag every corpus with the default (news) convention instead of the corpus's own",
    )
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args(list(argv))

    missing = [c for c in args.corpus or CORPORA if not (args.data / CORPORA[c].folder).is_dir()]
    if missing:
        print(f"linimasa eval ner: no data for {', '.join(missing)} under {args.data}", file=sys.stderr)
        return 2
    recogniser = load_recogniser()
    scores = [
        score_corpus(
            recogniser, corpus, load_split(args.data, corpus, args.split), args.split, not args.news_convention
        )
        for corpus in args.corpus or CORPORA
    ]
    print("\n\n".join(format_score(s) for s in scores))
    if args.json:
        args.json.write_text(json.dumps([score_to_dict(s) for s in scores], indent=2), encoding="utf-8")
    return 0
