"""Does the entities stage's own confidence tell its right mentions from its wrong ones?

    .venv/bin/python bench/entity_confidence.py [--thresholds 0 0.1 0.3 0.5 0.7 0.9]
                                                [--out bench/results/entity-confidence.json] [--rows FILE]

Runs linimasa on the eval/real-id development entity sets (dev and dev-extra-entities 1-6, never
`test`), scores every system mention as `linimasa eval real` does (exact span and type, inside the
gold body) and records beside each one what the system knew about it:

- `score`: the CRF's confidence as the stage stores it (`Mention.score`, the mean marginal probability
  of the Viterbi tags of the span; only mentions that came out of the model unchanged carry one);
- `p_ent`: the mean probability, over the mention's tokens, that the token is inside some entity
  (1 - P(O)), from the CRF's marginals: defined for every mention, whoever found it;
- `p_type`: the mean probability of the mention's own type (GPE read as the model's LOC);
- `span_p`: the model's probability that exactly these tokens are one span of the type
  (`Recogniser.span_probabilities`);
- `repeat`: how many system mentions of the same (linked) entity the article has; `once`: the stage's
  own test (no other mention with the same words, or words inside it or around it);
- `backed`: the gazetteer knows the string, the mention carries a canonical key, or a title in the
  text introduced it (`Mention.role`: "juru bicara Taliban …");
- `source` (model, rule, gazetteer), `type`, the article's `language`.

Part 1 (the mentions of a run with the confidence filter off): precision of each feature's bins, the
chance that a right mention outranks a wrong one (AUC), and precision/recall/F1 when the mentions a
policy doubts are dropped from the output, per threshold. This is an estimate: a mention dropped in
the stage no longer takes part in linking. Part 2 runs the stage itself with each
`min_span_probability` (the policy the stage implements) and scores it as `linimasa eval real` does.

Pools: `fit` is dev and sets 1-4 (where a threshold would be chosen), `set 5` and `set 6` are the
checks; `set 4` is also shown alone, because the CRF was trained on dev and sets 1-3 (models/README.md):
its confidence there is that of training sentences, and set 4 is the one fitting set it never saw.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import linimasa
from linimasa import Pipeline
from linimasa.entities import named_once
from linimasa.entities.crf import marginals
from linimasa.entities.ner import load_recogniser
from linimasa.entities.ner_text import sentence_spans
from linimasa.evaluate.real import Doc, docs_from_export, load_set, map_items, score_entities
from linimasa.export import export_corpus
from linimasa.model import Article
from linimasa.text.gazetteer import load_gazetteer
from linimasa.text.sentences import article_sentences

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "real-id"
FIT = ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3", "dev-extra-entities-4")
CHECK = ("dev-extra-entities-5", "dev-extra-entities-6")
POOLS = {"fit (dev + sets 1-4)": FIT, "set 4": ("dev-extra-entities-4",), "set 5": (CHECK[0],),
         "set 6": (CHECK[1],), "all (dev+extras1-6)": FIT + CHECK}
THRESHOLDS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9)


def token_marginals(art: Article) -> tuple[list[tuple[int, int]], np.ndarray, list[str]]:
    """Every token of the article's text (offsets) with its row of CRF marginals."""
    rec = load_recogniser()
    text = art.text
    groups = [spans for spans in sentence_spans(text, article_sentences(art)) if spans]
    labels = list(rec._labels)
    if not groups:
        return [], np.zeros((0, len(labels))), labels
    toks = [[text[a:b] for a, b in spans] for spans in groups]
    with rec._lock:
        emissions, lengths = rec._emissions([(t, rec._convention(t)) for t in toks])
    probs = marginals(emissions, lengths, rec._transition)
    return [span for spans in groups for span in spans], np.concatenate(
        [probs[s, :n] for s, n in enumerate(lengths)]), labels


def features(corpus: linimasa.Corpus, export: dict[str, Any], gold: list[Doc], files: dict[str, str]) -> list[dict]:
    """One row per scored system mention: its set, whether it is right (exact span and type), and the features."""
    sys_docs = docs_from_export(export, files)
    resolved = {str(Path(p).resolve()): f for p, f in files.items()}
    article_of = {}
    for a in export["articles"]:
        src = a.get("source") or ""
        f = files.get(src) or resolved.get(str(Path(src).resolve()))
        if f:
            article_of[f] = a["id"]
    gaz = load_gazetteer()
    rec = load_recogniser()
    rows = []
    for doc in gold:
        art = corpus.article(article_of.get(doc.file, ""))
        if "entities" not in doc.layers or art is None:
            continue
        sysd = sys_docs[doc.file]
        mp = map_items(doc, sysd, doc.mentions, sysd.mentions)
        gold_at = {g["sys_span"]: g for g in mp.gold if g["sys_span"]}
        stage = {(m.start, m.end): m for m in art.mentions}
        once = {(m.start, m.end): o for m, o in zip(art.mentions, named_once(art.mentions), strict=True)}
        spans, probs, labels = token_marginals(art)
        starts = np.array([s for s, _ in spans])
        ends = np.array([e for _, e in spans])
        span_p = rec.span_probabilities(art.text, [(m["start"], m["end"], m["type"]) for m in mp.system],
                                        article_sentences(art))
        per_entity = Counter(m["entity"] for m in mp.system)
        for m, sp in zip(mp.system, span_p, strict=True):
            g = gold_at.get((m["start"], m["end"]))
            st = stage.get((m["start"], m["end"]))
            inside = np.nonzero((starts < m["end"]) & (ends > m["start"]))[0] if spans else []
            model_type = "LOC" if m["type"] == "GPE" else m["type"]
            typed = [k for k, lab in enumerate(labels) if lab[2:] == model_type]
            p = probs[inside] if len(inside) else np.zeros((1, len(labels)))
            rows.append({
                "set": doc.meta["_set"],
                "file": doc.file,
                "language": art.language,
                "text": m["text"],
                "type": m["type"],
                "correct": bool(g and g["type"] == m["type"]),
                "span_ok": g is not None,
                "source": st.source if st else "?",
                "score": st.score if st else None,
                "p_ent": round(float(1.0 - p[:, labels.index("O")].mean()), 4),
                "p_type": round(float(p[:, typed].sum(axis=1).mean()), 4),
                "span_p": 0.0 if sp is None else sp,
                "repeat": per_entity[m["entity"]],
                "once": once.get((m["start"], m["end"]), per_entity[m["entity"]] == 1),
                "backed": bool(st and (st.key or st.role)) or gaz.lookup(m["text"]) is not None,
            })
    return rows


def prf(rows: list[dict], n_gold: int, keep: Callable[[dict], bool] = lambda r: True) -> dict[str, Any]:
    kept = [r for r in rows if keep(r)]
    tp = sum(r["correct"] for r in kept)
    p = tp / len(kept) if kept else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "dropped": len(rows) - len(kept), "dropped_wrong": sum(not x["correct"] for x in rows if not keep(x))}


def policies() -> dict[str, Callable[[float], Callable[[dict], bool]]]:
    """Keep-predicates by threshold t: each drops a mention on low confidence of one kind."""
    return {
        "score<t (model mentions with a score)": lambda t: lambda r: r["score"] is None or r["score"] >= t,
        "p_type<t, unless backed": lambda t: lambda r: r["backed"] or r["p_type"] >= t,
        "span_p<t (every mention)": lambda t: lambda r: r["span_p"] >= t,
        "span_p<t, unless backed": lambda t: lambda r: r["backed"] or r["span_p"] >= t,
        "span_p<t, once and not backed": lambda t: lambda r: r["backed"] or not r["once"] or r["span_p"] >= t,
        "span_p<t, once and not backed, Indonesian (the stage's policy)": lambda t: lambda r: (
            r["language"] != "id" or r["backed"] or not r["once"] or r["span_p"] >= t),
    }


def band(x: float | None) -> str:
    if x is None:
        return "none"
    return next(f"<{b:.2f}" for b in (0.1, 0.5, 0.7, 0.9, 0.99, 1.01) if x < b)


def bins(rows: list[dict]) -> dict[str, Any]:
    """Precision (share right) and count of the mentions in each bin of each feature."""
    out: dict[str, Any] = {}
    keys: dict[str, Callable[[dict], Any]] = {
        "source": lambda r: r["source"], "type": lambda r: r["type"], "language": lambda r: r["language"],
        "score": lambda r: band(r["score"]), "p_ent": lambda r: band(r["p_ent"]),
        "p_type": lambda r: band(r["p_type"]), "span_p": lambda r: band(r["span_p"]),
        "repeat": lambda r: min(r["repeat"], 4), "once": lambda r: r["once"], "backed": lambda r: r["backed"],
        "once and not backed": lambda r: r["once"] and not r["backed"],
        "span_p (once, not backed, id)": lambda r: band(r["span_p"]) if (
            r["once"] and not r["backed"] and r["language"] == "id") else "other",
    }
    for name, key in keys.items():
        c: dict[Any, Counter] = defaultdict(Counter)
        for r in rows:
            c[key(r)]["n"] += 1
            c[key(r)]["right"] += r["correct"]
        out[name] = {str(k): {"n": v["n"], "precision": round(v["right"] / v["n"], 3)}
                     for k, v in sorted(c.items(), key=lambda kv: str(kv[0]))}
    return out


def auc(rows: list[dict], key: str) -> float:
    """The chance that a right mention has a higher `key` than a wrong one (ties count half)."""
    right = sorted(float(r[key]) for r in rows if r["correct"] and r[key] is not None)
    wrong = [float(r[key]) for r in rows if not r["correct"] and r[key] is not None]
    if not right or not wrong:
        return float("nan")
    wins = sum(len(right) - bisect.bisect_right(right, w)
               + 0.5 * (bisect.bisect_right(right, w) - bisect.bisect_left(right, w)) for w in wrong)
    return round(wins / (len(right) * len(wrong)), 3)


def load(names: tuple[str, ...]) -> tuple[list[Doc], dict[str, str]]:
    gold: list[Doc] = []
    for name in names:
        for d in load_set(GOLD, name):
            d.meta["_set"] = name
            gold.append(d)
    paths = [GOLD / g.file for g in gold]
    return gold, {str(p): g.file for p, g in zip(paths, gold, strict=True)}


def run(files: dict[str, str], threshold: float, work: Path) -> tuple[linimasa.Corpus, dict[str, Any]]:
    db = work / f"t{threshold}.db"
    pipeline = Pipeline(config={"article": {"entities": {"min_span_probability": threshold}}})
    corpus = linimasa.process(list(files), pipeline=pipeline, store=str(db))
    return corpus, export_corpus(corpus)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--thresholds", nargs="+", type=float, default=list(THRESHOLDS))
    ap.add_argument("--rows", type=Path, default=None, help="also write every mention's features (JSONL)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "entity-confidence.json")
    args = ap.parse_args(argv)
    names = FIT + CHECK
    gold, files = load(names)
    result: dict[str, Any] = {"sets": list(names), "estimate": {}, "stage": {}}
    with tempfile.TemporaryDirectory(prefix="entity-confidence-") as tmp:
        corpus, export = run(files, 0.0, Path(tmp))
        rows = features(corpus, export, gold, files)
        sys_docs = docs_from_export(export, files)
        n_gold: Counter = Counter()
        for d in gold:
            if "entities" in d.layers:
                n_gold[d.meta["_set"]] += len(map_items(d, sys_docs.get(d.file), d.mentions, []).gold)
        staged = {}
        for t in args.thresholds:
            if t:
                sys_docs = docs_from_export(run(files, t, Path(tmp))[1], files)
            staged[t] = {pool: score_entities([(d, sys_docs.get(d.file)) for d in gold
                                               if d.meta["_set"] in members and "entities" in d.layers])["exact"]
                         for pool, members in POOLS.items()}
    if args.rows:
        args.rows.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for pool, members in POOLS.items():
        sub = [r for r in rows if r["set"] in members]
        gold_n = sum(n_gold[s] for s in members)
        result["estimate"][pool] = {
            "system": len(sub), "gold": gold_n,
            "auc": {k: auc(sub, k) for k in ("score", "p_ent", "p_type", "span_p", "repeat")},
            "bins": bins(sub),
            "by_threshold": {name: {f"{t:.2f}": prf(sub, gold_n, make(t)) for t in args.thresholds}
                             for name, make in policies().items()},
        }
        result["stage"][pool] = {f"{t:.2f}": staged[t][pool] for t in args.thresholds}
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(result))
    return 0


def report(result: dict[str, Any]) -> str:
    pools = list(result["estimate"])
    lines = ["Part 1: the run without the filter; P / R / F1 when a policy drops the mentions it doubts "
             "(estimate)", "pools: " + " | ".join(pools)]
    for pool in pools:
        r = result["estimate"][pool]
        lines.append(f"\n{pool}: {r['system']} system mentions, {r['gold']} gold; AUC right>wrong {r['auc']}")
        for feat, b in r["bins"].items():
            lines.append(f"  {feat}: " + "  ".join(f"{k} {v['precision']:.2f}/{v['n']}" for k, v in b.items()))
    first = result["estimate"][pools[0]]["by_threshold"]
    for name in first:
        lines.append(f"\n{name}\n   t    " + " | ".join(f"{p[:17]:^23}" for p in pools))
        for t in first[name]:
            lines.append(f"  {t}  " + " | ".join(
                "{precision:.3f} {recall:.3f} {f1:.3f}".format(**result["estimate"][p]["by_threshold"][name][t])
                for p in pools))
    lines.append("\nPart 2: the stage run with each min_span_probability (as `linimasa eval real` scores it): "
                 "P / R / F1")
    lines.append("   t    " + " | ".join(f"{p[:17]:^23}" for p in pools))
    for t in result["stage"][pools[0]]:
        lines.append(f"  {t}  " + " | ".join("{precision:.3f} {recall:.3f} {f1:.3f}".format(**result["stage"][p][t])
                                             for p in pools))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
