"""How the entities stage's recognition scores on a public Indonesian NER test set.

    python bench/entities_ner_corpus.py [--data ../shared/data] [--corpus idner|nergrit] [--model]

Sentences are detokenised by joining tokens with spaces; gold and system spans are compared
exactly (start, end, type), with the stage's GPE counted as LOC because the corpora have no GPE.
`--model` adds the statistical model (`linimasa.entities.ner`) when it is installed; without it the
figures are those of the gazetteer and rules alone, and the two runs side by side show what each
part contributes. Corpus conventions differ from the stage's (e.g. idner tags "Presiden" nowhere,
nergrit is Wikipedia-like), so these are comparisons between configurations, not absolute scores.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from linimasa.entities import Recogniser, default_recogniser, recognise

TYPES = ("PER", "ORG", "LOC")
CORPORA = {
    "idner": ("ner-idner-news-2k/test.txt", " ", {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}),
    "nergrit": ("ner-nergrit/test_preprocess.txt", "\t", {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"}),
}


def read_sentences(path: Path, sep: str, labels: dict[str, str]) -> list[tuple[str, set[tuple[int, int, str]]]]:
    out = []
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.rstrip("\r")
        if not line.strip():
            if tokens:
                out.append(_sentence(tokens, labels))
            tokens = []
            continue
        parts = line.split(sep)
        tokens.append((parts[0], parts[-1]))
    return out


def _sentence(tokens: list[tuple[str, str]], labels: dict[str, str]) -> tuple[str, set[tuple[int, int, str]]]:
    text = ""
    spans: set[tuple[int, int, str]] = set()
    open_span: list | None = None
    for tok, tag in tokens:
        start = len(text) + (1 if text else 0)
        text = f"{text} {tok}" if text else tok
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if open_span and (tag.startswith("B-") or kind != open_span[2] or kind is None):
            spans.add(tuple(open_span))  # type: ignore[arg-type]
            open_span = None
        if kind and kind in labels:
            if open_span is None:
                open_span = [start, len(text), kind]
            else:
                open_span[1] = len(text)
    if open_span:
        spans.add(tuple(open_span))  # type: ignore[arg-type]
    return text, {(s, e, labels[k]) for s, e, k in spans}


Spans = set[tuple[int, int, str]]
Tagger = Callable[[str], Spans]


def prf(sentences: list[tuple[str, Spans]], tagger: Tagger) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 per type (and over all types) of exact span+type matches."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for text, gold in sentences:
        got = {g for g in tagger(text) if g[2] in TYPES}
        for t in TYPES:
            g = {x for x in gold if x[2] == t}
            s = {x for x in got if x[2] == t}
            tp[t] += len(g & s)
            fp[t] += len(s - g)
            fn[t] += len(g - s)
    out = {}
    for t in (*TYPES, "ALL"):
        a, b, c = (sum(x.values()) for x in (tp, fp, fn)) if t == "ALL" else (tp[t], fp[t], fn[t])
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        out[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def stage_tagger(recogniser: Recogniser | None) -> Tagger:
    """The entities stage's recognition (GPE counted as LOC: the corpora have no GPE)."""

    def tag(text: str) -> Spans:
        return {(m.start, m.end, "LOC" if m.type == "GPE" else m.type) for m in recognise(text, "id", recogniser)}

    return tag


def model_tagger(recogniser: Recogniser) -> Tagger:
    """The statistical model's own spans, to show what gazetteer and rules add to it."""

    def tag(text: str) -> Spans:
        return {(m.start, m.end, m.type) for m in recogniser.tag(text)}

    return tag


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--corpus", choices=sorted(CORPORA), default="idner")
    ap.add_argument("--model", action="store_true", help="also run with the statistical model")
    args = ap.parse_args()
    rel, sep, labels = CORPORA[args.corpus]
    sentences = read_sentences(args.data / rel, sep, labels)
    configs: list[tuple[str, Tagger]] = [("gazetteer+rules", stage_tagger(None))]
    if args.model:
        rec = default_recogniser()
        if rec is None:
            print("statistical model not installed: only gazetteer+rules", file=sys.stderr)
        else:
            configs += [("model only", model_tagger(rec)), ("gazetteer+rules+model", stage_tagger(rec))]
    print(f"{args.corpus} test: {len(sentences)} sentences")
    for name, tagger in configs:
        t0 = time.perf_counter()
        res = prf(sentences, tagger)
        secs = time.perf_counter() - t0
        cells = "  ".join(f"{t} P {p:.3f} R {r:.3f} F1 {f:.3f}" for t, (p, r, f) in res.items())
        print(f"{name:24} {cells}  ({secs:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
