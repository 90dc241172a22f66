"""Precision audit on unseen raw news: draw articles, sample entity mentions to judge by hand, and list
what a rule change does to every mention of a run.

Rules tuned on the dev gold sets lifted them by many points and a fresh held-out set by about one
(issue 11), so the audit reads linimasa's output on random articles no gold set contains:

    draw    N random articles (one per URL) of news-id-raw-scrape-2025 that are in neither
            eval/real-id nor eval/link-id, written as one CSV that `linimasa run` reads;
    draw-en N English news pages of html-trafilatura-eval that no gold set holds, from sites no
            eval/real-id manifest uses (`extra_sets.trafilatura_english`: news URLs, English, dated),
            their visible text (`select.py` `html_to_text`, as the English gold sets read them) as
            one JSONL that `linimasa run` reads;
    sample  K random mentions of an export (surface, type, sentence) as a TSV with an empty
            `judgement` column, to fill in by hand (correct / type / span / not);
    mark    fill the TSV's judgements from a file of lines 'N judgement note' (rows not listed are
            correct), so the hand judgements are kept as a short readable list;
    score   the judged TSV's precision and its class breakdown;
    diff    the mentions two exports of the same articles disagree on (removed, added, retyped),
            each with its sentence, to read a rule's every change by hand.

Example:
    python bench/precision_audit.py draw --seed 24 --n 400 --out /tmp/a24.csv
    linimasa run /tmp/a24.csv --db /tmp/a24.db --out /tmp/a24.json -q
    python bench/precision_audit.py sample /tmp/a24.json --seed 2401 --k 150 --out audit.tsv
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT.parent / "shared" / "data" / "news-id-raw-scrape-2025"
GOLD_DIRS = (ROOT / "eval" / "real-id", ROOT / "eval" / "link-id")
_URL = re.compile(r"https?://[^\s\"'<>\\]+")
JUDGEMENTS = ("correct", "type", "span", "not")


def gold_urls() -> set[str]:
    """Every URL written anywhere in the gold sets' files (manifests, gold, corpus): an article a
    gold set holds is never audited."""
    urls: set[str] = set()
    for folder in GOLD_DIRS:
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in {".json", ".jsonl", ".tsv", ".txt", ".ann", ".md"}:
                urls.update(u.rstrip(".,);") for u in _URL.findall(path.read_text("utf-8", "replace")))
    return urls


def _csv_urls(path: Path) -> set[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["url"].strip() for row in csv.DictReader(handle)}


def draw(seed: int, n: int, out: Path, exclude_csv: list[Path], within_csv: list[Path] | None = None) -> None:
    """Write n random articles (all of them when fewer are left), deduplicated by URL, none of a gold
    set nor of `exclude_csv`; with `within_csv`, only articles of those earlier draws: the raw scrape
    holds about 2,050 articles no gold set has, and five 400-article audit draws (seeds 24-29) leave
    about 50, so a later round takes its rules' articles from an earlier round's fresh-check draws."""
    csv.field_size_limit(sys.maxsize)
    excluded = gold_urls()
    for path in exclude_csv:
        excluded.update(_csv_urls(path))
    allowed = set().union(*(_csv_urls(path) for path in within_csv)) if within_csv else None
    rows: dict[str, dict[str, str]] = {}
    fields: list[str] = []
    for path in sorted(RAW.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = list(reader.fieldnames or [])
            for row in reader:
                url = row["url"].strip()
                fresh = url and url not in excluded and url not in rows and row["isi_berita"].strip()
                if fresh and (allowed is None or url in allowed):
                    rows[url] = row
    urls = sorted(rows)
    n = min(n, len(urls))
    chosen = random.Random(seed).sample(urls, n)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for url in chosen:
            writer.writerow(rows[url])
    print(f"{len(urls)} candidate articles, {len(excluded)} excluded URLs, wrote {n} to {out}")


NEWS_URL = re.compile(
    r"^https?://[^/]+/(?:.*/)?(?:news/|(?:19|20)\d\d/(?:\d\d?|[a-z]{3})/|story/|article/|features/|politics/"
    r"|technology/|world/|business/|education/)",
    re.IGNORECASE,
)
"""How a news site files an article: a `news/`, section or `story/` segment, or a `/YYYY/MM/` date."""
NOT_NEWS_EN = ("schneems.com", "wikimediafoundation.org", "rutgers.edu", "pamelaandersonfoundation.org",
               "wikipedia.org", "springer.com", "nature.com", "acpjournals.org", "medicalnewstoday.com",
               "hassanchef.com")
"""Sites of html-trafilatura-eval whose pages are not news (entity set 9's list, and journals and
encyclopaedias whose paths look like a news site's, a recipe site), by URL alone."""
NEWS_SITES = ("threatpost.com", "timesofisrael.com", "californiaglobe.com", "axios.com")
"""News outlets of html-trafilatura-eval whose article URLs carry no news segment (by name alone)."""


EN_SOURCES = ("trafilatura", "fundus", "mediacloud")
"""The HTML page sets of ../shared/data that hold English news (see its README)."""
FUNDUS_EN = frozenset(("us", "uk", "ca", "au", "za", "ind", "ie", "nz", "ng", "tz", "ke", "gh", "sg", "ph", "my"))
"""html-fundus-parser-tests' country folders whose publishers write (mostly) in English; the function-word
test still drops a page in another language."""


def _en_source_files(source: str) -> dict[str, Path]:
    """URL -> gzipped HTML page of one of `EN_SOURCES`."""
    data = ROOT.parent / "shared" / "data"
    if source == "trafilatura":
        root = data / "html-trafilatura-eval"
        gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
        return {url: root / "html" / f"{row['file']}.gz" for url, row in gold.items()}
    if source == "mediacloud":
        root = data / "html-dates-htmldate-mediacloud"
        gold = json.loads((root / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
        return {url: root / "html" / f"{row['file']}.gz" for url, row in gold.items()}
    root = data / "html-fundus-parser-tests"
    rows = [json.loads(line) for line in (root / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["url"]: root / r["html"] for r in rows if r["country"] in FUNDUS_EN and r.get("url")}


def draw_en(
    seed: int, n: int, out: Path, max_chars: int, exclude: list[Path], per_site: int = 1, any_url: bool = False,
    source: str = "trafilatura", exclude_urls: tuple[Path, ...] = (),
) -> None:
    """Write n unseen English news pages as JSONL (url, outlet, text): a news URL (`NEWS_URL`, or
    of `NEWS_SITES`; no `blog`), English by function words (at least 15% of the words of its visible text, `select.py`
    `html_to_text`, as the English gold sets read pages), a paragraph of 200 characters, at most
    `max_chars`, a URL no gold set holds (every URL of eval/real-id's and eval/link-id's files and
    manifests), one page per site, in an order salted by the seed.
    `any_url` drops the news-URL test: the pool of news URLs is spent after one draw (seed 11), so a
    second draw takes any unseen English page with a paragraph (features, reviews, how-tos too).
    `source` picks the page set (`EN_SOURCES`: fundus's and mediacloud's pages are all news, so no URL
    test); `exclude_urls` are files of URLs, one a line (other draws' lists), never drawn."""
    sys.path.insert(0, str(GOLD_DIRS[0]))
    import extra_sets as xs  # eval/real-id/extra_sets.py

    manifests = sorted(str(p.relative_to(GOLD_DIRS[0])) for p in GOLD_DIRS[0].rglob("manifest*.jsonl"))
    used = gold_urls() | xs.used_urls(manifests) | xs.link_id_urls()
    for path in exclude:
        used.update(json.loads(line)["url"] for line in path.read_text("utf-8").splitlines() if line.strip())
    for path in exclude_urls:
        used.update(line.strip() for line in path.read_text("utf-8").splitlines() if line.startswith("http"))
    sel = xs.load_select()
    files = _en_source_files(source)
    sites: dict[str, int] = {}
    pages = []
    for url in sorted(files, key=lambda u: xs.salted(f"audit-en-{seed}", u)):
        if len(pages) >= n:
            break
        site = xs.site(url)
        news = any_url or source != "trafilatura" or NEWS_URL.match(url) or site in NEWS_SITES
        if url in used or not news or "blog" in url.lower() or sites.get(site, 0) >= per_site:
            continue
        if any(site.endswith(s) for s in NOT_NEWS_EN):
            continue
        text = sel.html_to_text(sel.read_gz(files[url]))
        words = re.findall(r"[a-z]+", text.lower())
        if not words or sum(w in xs.STOPWORDS_EN for w in words) < 0.15 * len(words):
            continue
        if len(text) > max_chars or not any(len(line) >= 200 for line in text.splitlines()):
            continue
        sites[site] = sites.get(site, 0) + 1
        pages.append({"url": url, "outlet": site, "text": text})
    with out.open("w", encoding="utf-8") as handle:
        for page in pages:
            handle.write(json.dumps(page, ensure_ascii=False) + "\n")
    print(f"{len(manifests)} manifests, {len(used)} excluded URLs, wrote {len(pages)} pages to {out}")


def _mentions(export: Path) -> tuple[list[tuple[str, int, int, str, str]], dict[str, str]]:
    data = json.loads(export.read_text("utf-8"))
    texts = {a["id"]: a["text"] or "" for a in data["articles"]}
    found = [
        (m["article"], m["start"], m["end"], m["text"], e["type"]) for e in data["entities"] for m in e["mentions"]
    ]
    return sorted(found), texts


def _sentence(text: str, start: int, end: int) -> str:
    """The mention's sentence (or line), with the mention in [[ ]]."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "? ", "! ")))
    left = 0 if left < 0 else left + 1
    right = len(text)
    for p in ("\n", ". ", "? ", "! "):
        at = text.find(p, end)
        if at >= 0:
            right = min(right, at + 1)
    if start - left > 300:
        left = start - 300
    if right - end > 300:
        right = end + 300
    return (text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]).strip().replace("\t", " ")


def sample(export: Path, seed: int, k: int, out: Path) -> None:
    """Write k random mentions of the export as a TSV to judge by hand."""
    found, texts = _mentions(export)
    chosen = sorted(random.Random(seed).sample(found, k))
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["n", "article", "start", "end", "surface", "type", "judgement", "note", "sentence"])
        for n, (art, start, end, surface, kind) in enumerate(chosen, 1):
            writer.writerow([n, art[:12], start, end, surface, kind, "", "", _sentence(texts[art], start, end)])
    print(f"{len(found)} mentions, wrote {k} to {out}")


def mark(judged: Path, marks: Path) -> None:
    """Write the judgements of `marks` ('N judgement note' a line; '#' comments) into the TSV."""
    found: dict[str, tuple[str, str]] = {}
    for line in marks.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            n, judgement, *note = line.split(" ", 2)
            if judgement not in JUDGEMENTS:
                raise SystemExit(f"{marks}: {line!r}: judgement is none of {JUDGEMENTS}")
            found[n] = (judgement, note[0] if note else "")
    with judged.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        row["judgement"], row["note"] = found.pop(row["n"], ("correct", ""))
    if found:
        raise SystemExit(f"{marks}: rows {sorted(found)} are not in {judged}")
    with judged.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def score(judged: Path) -> None:
    """Precision of a judged TSV, by judgement and by type."""
    with judged.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    counts = {j: 0 for j in JUDGEMENTS}
    by_type: dict[str, dict[str, int]] = {}
    for row in rows:
        j = row["judgement"].strip()
        if j not in counts:
            raise SystemExit(f"row {row['n']}: judgement {j!r} is none of {JUDGEMENTS}")
        counts[j] += 1
        by_type.setdefault(row["type"], {x: 0 for x in JUDGEMENTS})[j] += 1
    total = len(rows)
    print(f"{judged.name}: {total} mentions, precision {counts['correct'] / total:.3f} ({counts['correct']}/{total})")
    print("  " + ", ".join(f"{j} {counts[j]}" for j in JUDGEMENTS))
    for kind in sorted(by_type):
        c = by_type[kind]
        n = sum(c.values())
        print(
            f"  {kind:4} {n:3}  precision {c['correct'] / n:.2f}  " + ", ".join(f"{j} {c[j]}" for j in JUDGEMENTS[1:])
        )


def diff(before: Path, after: Path, show: int) -> None:
    """The mentions two exports of the same articles disagree on, with their sentences."""
    old, texts = _mentions(before)
    new, _ = _mentions(after)
    old_at = {(a, s, e): (t, k) for a, s, e, t, k in old}
    new_at = {(a, s, e): (t, k) for a, s, e, t, k in new}
    removed = sorted(set(old_at) - set(new_at))
    added = sorted(set(new_at) - set(old_at))
    retyped = sorted(key for key in set(old_at) & set(new_at) if old_at[key][1] != new_at[key][1])
    print(f"removed {len(removed)}, added {len(added)}, retyped {len(retyped)}")
    for label, keys in (("-", removed), ("+", added), ("~", retyped)):
        for a, s, e in keys[:show]:
            kind = old_at.get((a, s, e), new_at.get((a, s, e)))[1]
            if label == "~":
                kind = f"{old_at[(a, s, e)][1]}->{new_at[(a, s, e)][1]}"
            context = texts[a][max(0, s - 100) : s] + "[[" + texts[a][s:e] + "]]" + texts[a][e : e + 60]
            print(f"{label} {kind:8} {a[:8]} {texts[a][s:e]!r} :: {' '.join(context.split())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("draw")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--n", type=int, default=400)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--exclude", type=Path, action="append", default=[], help="a drawn CSV to avoid")
    p.add_argument("--within", type=Path, action="append", default=[], help="draw only from these CSVs' articles")
    p = sub.add_parser("draw-en")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--n", type=int, default=30)
    p.add_argument("--max-chars", type=int, default=20000, help="most visible characters of a page")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--exclude", type=Path, action="append", default=[], help="an earlier draw's JSONL to avoid")
    p.add_argument("--per-site", type=int, default=1, help="most pages of one site")
    p.add_argument("--any-url", action="store_true", help="no news-URL test (the news pool is spent)")
    p.add_argument("--source", choices=EN_SOURCES, default="trafilatura", help="the HTML page set")
    p.add_argument("--exclude-urls", type=Path, action="append", default=[], help="a file of URLs to avoid")
    p = sub.add_parser("sample")
    p.add_argument("export", type=Path)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--k", type=int, default=150)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("mark")
    p.add_argument("judged", type=Path)
    p.add_argument("marks", type=Path)
    p = sub.add_parser("score")
    p.add_argument("judged", type=Path)
    p = sub.add_parser("diff")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--show", type=int, default=200)
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.seed, args.n, args.out, args.exclude, args.within)
    elif args.command == "draw-en":
        draw_en(
            args.seed, args.n, args.out, args.max_chars, args.exclude, args.per_site, args.any_url,
            args.source, tuple(args.exclude_urls),
        )
    elif args.command == "sample":
        sample(args.export, args.seed, args.k, args.out)
    elif args.command == "mark":
        mark(args.judged, args.marks)
    elif args.command == "score":
        score(args.judged)
    else:
        diff(args.before, args.after, args.show)


if __name__ == "__main__":
    main()
