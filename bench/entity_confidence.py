"""Does the entities stage's own confidence tell its right mentions from its wrong ones?

    .venv/bin/python bench/entity_confidence.py [--thresholds 0 0.3 0.5 0.7 0.9]
                                                [--out bench/results/entity-confidence.json] [--rows FILE]

Runs linimasa on the eval/real-id development entity sets (dev and dev-extra-entities 1-6, never
`test`), scores every system mention as `linimasa eval real` does (exact span and type, inside the
gold body) and records beside each one what the system knew about it:

- `score`: the CRF's confidence as the stage stores it (`Mention.score`, the mean marginal probability
  of the Viterbi tags of the span; only mentions that came out of the model unchanged carry one);
- `p_ent`: the mean probability, over the mention's tokens, that the token is inside some entity
  (1 - P(O)), from the CRF's marginals: defined for every mention, whoever found it;
- `p_type`: the mean probability of the mention's own type (GPE read as the model's LOC);
- `span_p`: the model's probability that exactly these tokens are one span of the type (the
  partition function of the paths through that span over that of all paths, `span_probabilities`);
- `viterbi`: the score of the model's own mention with this span and type (`Recogniser.tag`: the mean
  marginal of its tags), None when the model did not tag it;
- `repeat`: how many system mentions of the same (linked) entity the article has; `once`: the stage's
  own test (no other mention with the same words, or words inside it or around it);
- `backed`: the gazetteer knows the string, the mention carries a canonical key, or a title in the
  text introduced it (`Mention.role`: "juru bicara Taliban …");
- `source` (model, rule, gazetteer), `type`, the article's `language`.

Part 1 (the mentions of a run with the confidence filter off): precision of each feature's bins, the
chance that a right mention outranks a wrong one (AUC), and precision/recall/F1 when the mentions a
policy doubts are dropped from the output, per threshold. This is an estimate: a mention dropped in
the stage no longer takes part in linking. Part 2 runs the stage itself without the check and with
each `lone_min_score` (the policy the stage implements) and scores it as `linimasa eval real` does.

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
from collections.abc import Callable, Sequence
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
THRESHOLDS = (0.0, 0.3, 0.5, 0.7, 0.9)


def emissions_of(tokens: list[list[str]]) -> tuple[np.ndarray, list[int]]:
    """``(sentences, longest, labels)`` CRF state scores of tokenised sentences, as the recogniser
    computes them (its grouped features; each sentence with the convention it is tagged with)."""
    rec = load_recogniser()
    with rec._lock:
        groups = rec._groups
        groups.start()
        ids = groups.encode([(t, rec._convention(t)) for t in tokens], rec._gazetteer)
        per_token = groups.vectors()[ids].sum(axis=1)
    lengths = [len(t) for t in tokens]
    emissions = np.zeros((len(tokens), max(lengths), per_token.shape[1]))
    at = 0
    for s, n in enumerate(lengths):
        emissions[s, :n] = per_token[at : at + n]
        at += n
    return emissions, lengths


def span_probabilities(
    emissions: np.ndarray, lengths: Sequence[int], transition: np.ndarray,
    spans: Sequence[tuple[int, int, int, int, int]],
) -> np.ndarray:
    """The probability of each ``(sentence, first, last, begin, inside)`` span: that the tokens
    first..last of that sentence are exactly one span, label ``begin`` at first, ``inside`` up to
    last and no ``inside`` right after it.

    Why not the marginals: a token's marginal says how sure the model is of that token's label, not
    of the span's edges; a name the model half-extends ("Sinetron … SCTV") has confident tokens and
    an unsure span. This is the partition function of the paths through that span over the
    partition function of all paths: a forward pass per span with the other labels forbidden at
    those positions, all spans of one call advancing together. Each step is normalised (its log
    kept), as crfsuite's forward recursion is, and each position's scores are shifted by their
    largest before exponentiating: the shift is the same in both partition functions and cancels.
    """
    if not spans:
        return np.zeros(0)
    rows = [s[0] for s in spans]
    count, labels = len(spans), emissions.shape[2]
    longest = max(lengths[r] for r in rows)
    state = emissions[rows, :longest]
    state = state - state.max(axis=2, keepdims=True)
    with np.errstate(over="ignore", under="ignore"):
        free = np.exp(state)
    forced = free.copy()
    for k, (_row, first, last, begin, inside) in enumerate(spans):
        keep = np.zeros(labels)
        keep[begin] = 1.0
        forced[k, first] *= keep
        keep = np.zeros(labels)
        keep[inside] = 1.0
        forced[k, first + 1 : last + 1] *= keep
        if last + 1 < longest:
            forced[k, last + 1, inside] = 0.0
    both = np.concatenate([free, forced])  # (2 * count, longest, labels)
    size = np.asarray([lengths[r] for r in rows] * 2)
    exp_trans = np.exp(transition)
    alpha = both[:, 0].copy()
    total = alpha.sum(axis=1)
    log_z = np.log(total)
    alpha /= total[:, None]
    for t in range(1, longest):
        live = size > t
        # a broadcast product and sum rather than a matrix product: the same numbers whatever else
        # is in the batch
        step = (alpha[:, :, None] * exp_trans).sum(axis=1) * both[:, t]
        total = step.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            log_z = np.where(live, log_z + np.log(total), log_z)
            alpha = np.where(live[:, None], step / total[:, None], alpha)
    with np.errstate(invalid="ignore"):
        out = np.exp(log_z[count:] - log_z[:count])
    return np.nan_to_num(out, nan=0.0)


def token_marginals(art: Article) -> tuple[list[tuple[int, int]], np.ndarray, list[str], list[tuple[int, int]],
                                           np.ndarray, list[int]]:
    """Every token of the article's text (offsets) with its row of CRF marginals; the labels; per
    token its (sentence, position); the sentences' state scores and lengths."""
    rec = load_recogniser()
    text = art.text
    groups = [spans for spans in sentence_spans(text, article_sentences(art)) if spans]
    labels = list(rec._labels)
    if not groups:
        return [], np.zeros((0, len(labels))), labels, [], np.zeros((0, 0, len(labels))), []
    emissions, lengths = emissions_of([[text[a:b] for a, b in spans] for spans in groups])
    probs = marginals(emissions, lengths, rec._transition)
    where = [(s, i) for s, n in enumerate(lengths) for i in range(n)]
    return [span for spans in groups for span in spans], np.concatenate(
        [probs[s, :n] for s, n in enumerate(lengths)]), labels, where, emissions, lengths


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
        spans, probs, labels, where, emissions, lengths = token_marginals(art)
        starts = np.array([s for s, _ in spans])
        ends = np.array([e for _, e in spans])
        asks, asked = [], []
        for m in mp.system:
            inside = np.nonzero((starts < m["end"]) & (ends > m["start"]))[0] if spans else []
            label = "LOC" if m["type"] == "GPE" else m["type"]
            if len(inside) and where[inside[0]][0] == where[inside[-1]][0] and f"B-{label}" in labels:
                (row, first), last = where[inside[0]], where[inside[-1]][1]
                asked.append(len(asks))
                asks.append((row, first, last, labels.index(f"B-{label}"), labels.index(f"I-{label}")))
            else:
                asked.append(None)
        found = span_probabilities(emissions, lengths, rec._transition, asks)
        span_p = [0.0 if k is None else round(float(found[k]), 4) for k in asked]
        per_entity = Counter(m["entity"] for m in mp.system)
        model_found = rec.tag(art.text, article_sentences(art))
        raw = {(r.start, r.end, r.type): r.score for r in model_found}
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
                "span_p": sp,
                "viterbi": raw.get((m["start"], m["end"], model_type)),
                "inside_model": any(r.start <= m["start"] and m["end"] <= r.end and r.type == model_type
                                    for r in model_found),
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
        "span_p<t, once and not backed, Indonesian": lambda t: lambda r: (
            r["language"] != "id" or r["backed"] or not r["once"] or r["span_p"] >= t),
        "not tagged by the model or its score<t, once and not backed, Indonesian (the stage's policy)": (
            lambda t: lambda r: r["language"] != "id" or r["backed"] or not r["once"] or (
                r["viterbi"] is not None and r["viterbi"] >= t)),
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
        "model tagged it (once, not backed, id)": lambda r: (r["viterbi"] is not None) if (
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


def auc(rows: list[dict], key: str, missing: float | None = None) -> float:
    """The chance that a right mention has a higher `key` than a wrong one (ties count half); a
    mention without a value counts as `missing`, or is left out when that is None."""
    values = [(r["correct"], missing if r[key] is None else float(r[key])) for r in rows]
    right = sorted(v for ok, v in values if ok and v is not None)
    wrong = [v for ok, v in values if not ok and v is not None]
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


def run(files: dict[str, str], threshold: float | None, work: Path) -> tuple[linimasa.Corpus, dict[str, Any]]:
    db = work / f"t{threshold}.db"
    pipeline = Pipeline(config={"article": {"entities": {"lone_min_score": threshold}}})
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
        corpus, export = run(files, None, Path(tmp))
        rows = features(corpus, export, gold, files)
        sys_docs = docs_from_export(export, files)
        n_gold: Counter = Counter()
        for d in gold:
            if "entities" in d.layers:
                n_gold[d.meta["_set"]] += len(map_items(d, sys_docs.get(d.file), d.mentions, []).gold)
        staged = {}
        for t in (None, *args.thresholds):
            if t is not None:
                sys_docs = docs_from_export(run(files, t, Path(tmp))[1], files)
            staged["off" if t is None else f"{t:.2f}"] = {
                pool: score_entities([(d, sys_docs.get(d.file)) for d in gold
                                      if d.meta["_set"] in members and "entities" in d.layers])["exact"]
                for pool, members in POOLS.items()}
    if args.rows:
        args.rows.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for pool, members in POOLS.items():
        sub = [r for r in rows if r["set"] in members]
        gold_n = sum(n_gold[s] for s in members)
        result["estimate"][pool] = {
            "system": len(sub), "gold": gold_n,
            "auc": {**{k: auc(sub, k) for k in ("score", "p_ent", "p_type", "span_p", "repeat")},
                    "viterbi (untagged as 0)": auc(sub, "viterbi", 0.0)},
            "bins": bins(sub),
            "by_threshold": {name: {f"{t:.2f}": prf(sub, gold_n, make(t)) for t in args.thresholds}
                             for name, make in policies().items()},
        }
        result["stage"][pool] = {t: staged[t][pool] for t in staged}
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
    lines.append("\nPart 2: the stage run without the check (off) and with each lone_min_score (as `linimasa "
                 "eval real` scores it): P / R / F1")
    lines.append("   t    " + " | ".join(f"{p[:17]:^23}" for p in pools))
    for t in result["stage"][pools[0]]:
        lines.append(f"  {t}  " + " | ".join("{precision:.3f} {recall:.3f} {f1:.3f}".format(**result["stage"][p][t])
                                             for p in pools))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
