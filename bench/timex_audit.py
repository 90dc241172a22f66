"""Draw unseen raw-scrape articles, run linimasa, and sample its timexes for a hand audit (issue 11).

Why: the dev pools of eval/real-id are near saturation, so their figures say little about how the
timex stage does on news it has not seen. This draws `--articles` random articles of
`news-id-raw-scrape-2025` (first record of each URL, seeded) that are in no eval set (every URL and
every body of eval/real-id and eval/link-id is excluded, and the articles of `--exclude-seed` draws
too, so a second draw is fresh), runs the whole pipeline on them, and writes:
- `<out>/articles/<id>.txt`: the drawn articles as linimasa read them;
- `<out>/timexes.jsonl`: every timex of the run with the article's published date and its sentence;
- `<out>/sample.tsv`: a seeded random sample of `--sample` of them, for a person to judge by hand.
`--compare OTHER.jsonl` counts the timexes whose value or span differ from another run's file (the
effect of a rule change on the same articles). Deterministic: the same seed draws the same articles.
Stdlib and linimasa only; the hand judgements live in bench/results, not here.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def _norm(text: str) -> str:
    return " ".join(text.split())[:300]


def eval_exclusions() -> tuple[set[str], set[str]]:
    """URLs and body openings of every article in eval/real-id and eval/link-id."""
    urls: set[str] = set()
    for manifest in (ROOT / "eval" / "real-id").rglob("manifest*.jsonl"):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                urls.add(json.loads(line)["url"])
    for gold in (ROOT / "eval" / "link-id").glob("gold*.json"):
        for art in json.loads(gold.read_text(encoding="utf-8"))["articles"].values():
            if art.get("url"):
                urls.add(art["url"])
    bodies: set[str] = set()
    for d in ("real-id", "link-id"):
        for f in (ROOT / "eval" / d).rglob("corpus/**/*.txt"):
            lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
            bodies.update(_norm(ln) for ln in lines[2:5] if len(ln) > 80)
    return urls, bodies


def candidates() -> list[dict]:
    """The first record of each URL of the raw scrape, as the scraper's text file."""
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    out: list[dict] = []
    for path in sorted((DATA / "news-id-raw-scrape-2025").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for i, rec in enumerate(csv.DictReader(f), start=1):
                url, body = rec["url"], rec["isi_berita"] or ""
                if url in seen or len(body) < 200:
                    continue
                seen.add(url)
                head = [(rec["judul"] or "").strip(), (rec["tanggal_publikasi"] or "").strip()]
                text = "\n".join([*(h for h in head if h), body])
                out.append({"url": url, "row": f"{path.stem}#{i}", "outlet": rec["sumber"], "text": text})
    return out


def draw(seed: int, n: int, exclude_seeds: list[int]) -> list[dict]:
    urls, bodies = eval_exclusions()
    pool = [
        c for c in candidates()
        if c["url"] not in urls and not any(_norm(ln) in bodies for ln in c["text"].splitlines()[2:5])
    ]
    for s in exclude_seeds:
        taken = {c["url"] for c in random.Random(s).sample(pool, n)}
        pool = [c for c in pool if c["url"] not in taken]
    return random.Random(seed).sample(pool, n)


def sentence_of(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    hi_dot, hi_nl = text.find(". ", end), text.find("\n", end)
    his = [h for h in (hi_dot, hi_nl) if h >= 0]
    hi = min(his) + 1 if his else len(text)
    return " ".join((text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).split())


def run(out: Path, seed: int, n: int, sample: int, exclude_seeds: list[int]) -> None:
    import linimasa

    arts = draw(seed, n, exclude_seeds)
    adir = out / "articles"
    adir.mkdir(parents=True, exist_ok=True)
    for k, a in enumerate(arts):
        (adir / f"a{k:03d}.txt").write_text(a["text"], encoding="utf-8")
    with (out / "drawn.jsonl").open("w", encoding="utf-8") as f:
        for k, a in enumerate(arts):
            f.write(json.dumps({"id": f"a{k:03d}", "url": a["url"], "row": a["row"], "outlet": a["outlet"]}) + "\n")
    db = out / "run.db"
    for p in out.glob("run.db*"):
        p.unlink()
    corpus = linimasa.process([str(adir)], store=str(db))
    rows = []
    for a in sorted(corpus.articles, key=lambda a: a.source):
        name = Path(a.source).stem
        pub = a.published.value if a.published else None
        for t in a.timexes:
            if t.line is not None:
                continue  # a date metadata line: the publication date itself, audited as metadata
            rows.append({
                "article": name, "published": pub, "start": t.start, "end": t.end, "text": t.text,
                "type": t.type, "value": t.value, "sentence": sentence_of(a.text, t.start, t.end),
            })
    with (out / "timexes.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    picked = sorted(random.Random(seed).sample(range(len(rows)), min(sample, len(rows))))
    with (out / "sample.tsv").open("w", encoding="utf-8") as f:
        f.write("n\tarticle\tpublished\ttext\ttype\tvalue\tsentence\n")
        for k, i in enumerate(picked):
            r = rows[i]
            f.write(f"{k}\t{r['article']}\t{r['published']}\t{r['text']}\t{r['type']}\t{r['value']}\t{r['sentence']}\n")
    print(f"{len(arts)} articles, {len(rows)} timexes, {len(picked)} sampled -> {out}")


def compare(a_path: Path, b_path: Path) -> None:
    """Timexes of run b whose value or span differ from run a (same articles)."""
    def load(p: Path) -> dict[tuple[str, int, int], dict]:
        return {(r["article"], r["start"], r["end"]): r for r in map(json.loads, p.read_text().splitlines())}

    a, b = load(a_path), load(b_path)
    changed = [
        (k, f"{a[k]['type']} {a[k]['value']}", f"{b[k]['type']} {b[k]['value']}")
        for k in sorted(a.keys() & b.keys())
        if (a[k]["type"], a[k]["value"]) != (b[k]["type"], b[k]["value"])
    ]
    print(f"same span, type or value changed: {len(changed)}; only before: {len(a.keys() - b.keys())}; "
          f"only after: {len(b.keys() - a.keys())}")
    for k, va, vb in changed:
        print(f"  CHG {k[0]} {b[k]['published']} {b[k]['text']!r}: {va} -> {vb} | {b[k]['sentence'][:200]}")
    for k in sorted(a.keys() - b.keys()):
        print(f"  DEL {k[0]} {a[k]['text']!r} {a[k]['type']} {a[k]['value']} | {a[k]['sentence'][:160]}")
    for k in sorted(b.keys() - a.keys()):
        r = b[k]
        print(f"  ADD {k[0]} {r['published']} {r['text']!r} {r['type']} {r['value']} | {r['sentence'][:160]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--exclude-seed", type=int, action="append", default=[])
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.compare:
        compare(*args.compare)
        return 0
    run(args.out, args.seed, args.articles, args.sample, args.exclude_seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
