"""`linimasa eval events`: the events stage beside a trigger-lexicon-only baseline, in one run.

Sets (each optional, skipped with a note when its files are absent):
- `id-test` / `id-dev` / `id-dev2` .. `id-dev6`: the hand-annotated Indonesian sentences of
  `eval/events-id` (guideline and provenance beside them); `id-dev+dev2`, `id-dev+dev2+dev3`, ..
  pool the development splits from the first to one of them.
  Detection P/R/F1 (a system mention whose trigger overlaps a gold trigger), typed F1, and on the
  detected events: type accuracy, mode accuracy, source and target match (the system's words overlap
  the gold's) and date accuracy. Rules are tuned on the dev splits only; test is reported.
- `plover-gsr`: the 322 PLOVER gold-standard sentences (English; older names DEMAND, DISAPPROVE,
  FIGHT read as REQUEST, ACCUSE, ASSAULT; INVESTIGATE and CRIME, not linimasa types, are left out).
- `ngec`: a held-out fifth (by hash of the text) of NGEC's synthetic English stories with one
  document-level PLOVER label: the type of the story's first event mention.
- `petrarch`: PETRARCH's English validation sentences with CAMEO codes; agreement of the CAMEO root
  (through the PLOVER project's CAMEO->PLOVER table) with the first event mention's type.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linimasa.model import Article, EventMention, Line, Published, date_range
from linimasa.pipeline import Pipeline
from linimasa.text.glue import unglue

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "SACTION": "SANCTION"}
ARTICLE_STAGES = ["sentences", "timex", "entities", "events"]
PROVIDED = ["article.text", "article.language", "article.published", "article.lines"]


def pipelines() -> dict[str, Pipeline]:
    """The full events stage and the baseline, each after the same sentences/timex/entities stages."""
    return {
        name: Pipeline(article_stages=ARTICLE_STAGES, corpus_stages=[], provided=PROVIDED,
                       config={"article": {"events": {"baseline": baseline}}})
        for name, baseline in (("linimasa", False), ("baseline", True))
    }


def code(pipeline: Pipeline, text: str, language: str, published: str | None = None,
         context: str = "") -> list[EventMention]:
    """Event mentions of one sentence (with an optional preceding sentence as context for pronouns);
    only those inside the sentence are returned, with offsets relative to it."""
    full = f"{context} {text}" if context else text
    offset = len(full) - len(text)
    pub = Published(published, "day", "metadata") if published and date_range(published) else None
    a = Article(id=hashlib.sha1(full.encode()).hexdigest(), source="eval", raw=full, text=full,
                language=language, published=pub, lines=[Line(1, full, "body")])
    a = pipeline.process_article(a)
    out = []
    for m in a.event_mentions:
        if m.trigger_start >= offset:
            m.trigger_start -= offset
            m.trigger_end -= offset
            out.append(m)
    return out


# ---------------------------------------------------------------------------------------------
@dataclass
class Scores:
    """Counts of one system on one sentence set."""

    gold: int = 0
    system: int = 0
    detected: int = 0  # gold events with an overlapping system trigger
    typed: int = 0  # ... of the same type
    mode_ok: int = 0
    source_n: int = 0
    source_ok: int = 0
    target_n: int = 0
    target_ok: int = 0
    date_n: int = 0
    date_ok: int = 0
    sys_matched: int = 0
    sentences: int = 0
    empty_gold: int = 0
    empty_false_alarm: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        p = self.sys_matched / self.system if self.system else 0.0
        r = self.detected / self.gold if self.gold else 0.0
        tp = self.typed / self.system if self.system else 0.0
        tr = self.typed / self.gold if self.gold else 0.0
        ratio = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
        return {
            "sentences": self.sentences, "gold_events": self.gold, "system_events": self.system,
            "detection_precision": round(p, 3), "detection_recall": round(r, 3),
            "detection_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "typed_f1": round(2 * tp * tr / (tp + tr), 3) if tp + tr else 0.0,
            "type_accuracy": ratio(self.typed, self.detected),
            "mode_accuracy": ratio(self.mode_ok, self.detected),
            "source_match": ratio(self.source_ok, self.source_n),
            "target_match": ratio(self.target_ok, self.target_n),
            "date_accuracy": ratio(self.date_ok, self.date_n),
            "no_event_sentences_with_false_alarm": ratio(self.empty_false_alarm, self.empty_gold),
        }


def _words(s: str | None) -> set[str]:
    return set(re.findall(r"\w+", (s or "").casefold()))


def overlaps(system: str | None, gold: str | None) -> bool:
    """The system's words name the gold actor: they share a word that is not a function word."""
    shared = _words(system) & _words(gold) - {"dan", "and", "the", "of", "para", "pihak", "kelompok"}
    return bool(shared)


def _span_of(sentence: str, piece: str) -> tuple[int, int] | None:
    i = sentence.find(piece) if piece else -1
    if i < 0 and piece:  # a gold span written across a glued seam the sentence's cleaning opened
        piece = unglue(piece)
        i = sentence.find(piece)
    return (i, i + len(piece)) if i >= 0 else None


def score_sentence(s: Scores, sentence: str, gold: list[dict[str, Any]], system: list[EventMention]) -> None:
    s.sentences += 1
    gold = [g for g in gold if OLD_NAMES.get(g["type"], g["type"])]
    s.gold += len(gold)
    s.system += len(system)
    if not gold:
        s.empty_gold += 1
        s.empty_false_alarm += bool(system)
        return
    used: set[int] = set()
    for g in gold:
        span = _span_of(sentence, g.get("trigger") or "")
        best = None
        for i, m in enumerate(system):
            if i in used or span is None:
                continue
            overlap = m.trigger_start < span[1] and span[0] < m.trigger_end
            if overlap and (best is None or (m.type == g["type"] and system[best].type != g["type"])):
                best = i
        if best is None:
            continue
        used.add(best)
        m = system[best]
        s.detected += 1
        s.sys_matched += 1
        s.typed += m.type == g["type"]
        s.confusion[(g["type"], m.type)] += 1
        s.mode_ok += m.mode == g.get("mode", "asserted")
        if g.get("source"):
            s.source_n += 1
            s.source_ok += overlaps(m.source, g["source"])
        if g.get("target"):
            s.target_n += 1
            s.target_ok += overlaps(m.target, g["target"])
        if g.get("date"):
            s.date_n += 1
            want, got = date_range(g["date"]), date_range(m.date.value) if m.date else None
            s.date_ok += bool(want and got and want[0] <= got[0] and got[1] <= want[1])


def eval_indonesian(paths: Sequence[Path], pipes: dict[str, Pipeline], limit: int | None) -> dict[str, Any]:
    """Score the sentences of one or more splits of `eval/events-id`, pooled."""
    rows = [json.loads(x) for p in paths for x in p.read_text(encoding="utf-8").splitlines() if x.strip()][:limit]
    out: dict[str, Any] = {"file": ", ".join(str(p) for p in paths)}
    for name, pipe in pipes.items():
        sc = Scores()
        for r in rows:
            # the sentence as the clean stage hands it on: a scrape glues words where links stood
            # ("PresidenDonald Trumpmenyerukan"), and every body line is unglued before any stage reads it
            sentence = unglue(r["sentence"])
            system = code(pipe, sentence, "id", r.get("published"), unglue(r.get("context") or ""))
            score_sentence(sc, sentence, r["events"], system)
        out[name] = sc.as_dict()
    return out


def eval_plover(path: Path, pipes: dict[str, Pipeline], limit: int | None) -> dict[str, Any]:
    rows = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    rows = [r for r in rows if OLD_NAMES.get(r["event"], r["event"]) in _types()][:limit]
    out: dict[str, Any] = {"file": str(path), "sentences": len(rows)}
    for name, pipe in pipes.items():
        found = typed = src_n = src_ok = tgt_n = tgt_ok = 0
        for r in rows:
            want = OLD_NAMES.get(r["event"], r["event"])
            ms = code(pipe, r["text"], "en")
            if not ms:
                continue
            found += 1
            words = _words(r.get("eventText"))
            m = next((x for x in ms if x.type == want), None) or next(
                (x for x in ms if _words(x.trigger) & words), ms[0])
            typed += m.type == want
            srcs, tgts = _actor_text(r.get("source")), _actor_text(r.get("target"))
            if srcs:
                src_n += 1
                src_ok += overlaps(m.source, srcs)
            if tgts:
                tgt_n += 1
                tgt_ok += overlaps(m.target, tgts)
        out[name] = {
            "detection_recall": round(found / len(rows), 3) if rows else None,
            "type_accuracy_of_detected": round(typed / found, 3) if found else None,
            "type_accuracy": round(typed / len(rows), 3) if rows else None,
            "source_match": round(src_ok / src_n, 3) if src_n else None,
            "target_match": round(tgt_ok / tgt_n, 3) if tgt_n else None,
        }
    return out


def _actor_text(actors: Any) -> str:
    if isinstance(actors, str):
        return actors
    if isinstance(actors, dict):
        return str(actors.get("actorText", ""))
    return " ".join(_actor_text(a) for a in actors or [])


def _types() -> set[str]:
    from linimasa.cli import PLOVER_TYPES

    return set(PLOVER_TYPES)


def held_out(text: str) -> bool:
    """NGEC's held-out fifth: the same stories in every run, chosen by the text's hash."""
    return int(hashlib.sha1(text.encode()).hexdigest(), 16) % 5 == 0


def eval_ngec(path: Path, pipes: dict[str, Pipeline], limit: int | None) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if held_out(r["text"]) and r["label"] in _types()][:limit]
    out: dict[str, Any] = {"file": str(path), "stories": len(rows)}
    for name, pipe in pipes.items():
        right = found = 0
        for r in rows:
            ms = code(pipe, r["text"], "en")
            if ms:
                found += 1
                right += ms[0].type == r["label"]
        out[name] = {"type_accuracy": round(right / len(rows), 3) if rows else None,
                     "stories_with_an_event": round(found / len(rows), 3) if rows else None}
    return out


def cameo_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the PLOVER project's conversion table (first type listed)."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d{2,4}):\s*([A-Z]+)", line)
        if m and m.group(1) not in table:
            table[m.group(1)] = m.group(2)
    return table


def eval_petrarch(folder: Path, table: dict[str, str], pipes: dict[str, Pipeline],
                  limit: int | None) -> dict[str, Any]:
    rows = []
    for name in ("petr2_gsr_validation.jsonl", "petrarch2_unit_tests.jsonl"):
        p = folder / name
        if p.exists():
            rows += [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r.get("lang") == "en" and r.get("events")][:limit]
    out: dict[str, Any] = {"folder": str(folder), "sentences": len(rows)}
    for name, pipe in pipes.items():
        agree = 0
        for r in rows:
            wants = {table.get(e["eventcode"][:2]) for e in r["events"] if e.get("eventcode")}
            ms = code(pipe, r["text"], "en")
            got = ms[0].type if ms else None
            agree += got in wants if got else not (wants & _types())
        out[name] = {"cameo_root_agreement": round(agree / len(rows), 3) if rows else None}
    return out


def run(data: Path, gold_dir: Path, sets: Iterable[str], limit: int | None) -> dict[str, Any]:
    pipes = pipelines()
    results: dict[str, Any] = {}
    for s in sets:
        if s.startswith("id-"):
            paths = [gold_dir / f"{part}.jsonl" for part in s[3:].split("+")]
            missing = [str(p) for p in paths if not p.exists()]
            results[s] = ({"skipped": f"{', '.join(missing)} not found"} if missing
                          else eval_indonesian(paths, pipes, limit))
        elif s == "plover-gsr":
            p = data / "events-plover-spec" / "PLOVER_GSR_CAMEO.json"
            results[s] = eval_plover(p, pipes, limit) if p.exists() else {"skipped": f"{p} not found"}
        elif s == "ngec":
            p = data / "events-ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.gz"
            results[s] = eval_ngec(p, pipes, limit) if p.exists() else {"skipped": f"{p} not found"}
        elif s == "petrarch":
            folder = data / "events-petrarch-validation"
            t = data / "events-plover-spec" / "CAMEO2PLOVER-2021.txt"
            ok = folder.exists() and t.exists()
            results[s] = eval_petrarch(folder, cameo_table(t), pipes, limit) if ok else {"skipped": "data not found"}
    return results


ID_DEV_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
# each Indonesian development split alone, the first ones pooled up to it, the held-out test split,
# and the English sets
SETS = ("id-test", *(f"id-{s}" for s in ID_DEV_SPLITS),
        *("id-" + "+".join(ID_DEV_SPLITS[:k]) for k in range(2, len(ID_DEV_SPLITS) + 1)),
        "plover-gsr", "ngec", "petrarch")


def _print(results: dict[str, Any]) -> None:
    for name, r in results.items():
        print(f"== {name}")
        if "skipped" in r:
            print(f"   skipped: {r['skipped']}")
            continue
        systems = [k for k in ("linimasa", "baseline") if k in r]
        metrics = list(r[systems[0]].keys())
        print(f"   {'':38}" + "".join(f"{s:>12}" for s in systems))
        for m in metrics:
            vals = [r[s].get(m) for s in systems]
            print(f"   {m:38}" + "".join(f"{'-' if v is None else v:>12}" for v in vals))


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="linimasa eval events",
        description="Score the events stage beside a trigger-lexicon-only baseline (same run, same sentences).",
        epilog="examples:\n  linimasa eval events\n  linimasa eval events --set id-test --set plover-gsr --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--data", default=os.environ.get("LINIMASA_DATA", "../shared/data"),
                    help="the shared data folder (default ../shared/data or $LINIMASA_DATA)")
    ap.add_argument("--gold", default="eval/events-id", help="folder of the Indonesian gold set (dev/test.jsonl)")
    ap.add_argument("--set", action="append", choices=SETS, dest="sets",
                    help="which sets (default: id-test, plover-gsr, ngec, petrarch)")
    ap.add_argument("--limit", type=int, help="at most N items per set (a quick look)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(list(argv))
    sets = args.sets or ["id-test", "plover-gsr", "ngec", "petrarch"]
    results = run(Path(args.data), Path(args.gold), sets, args.limit)
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        print()
    else:
        _print(results)
    return 0
