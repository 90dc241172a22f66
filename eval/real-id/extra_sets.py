"""What the selection scripts of the extra development sets of eval/real-id share.

Why one module: each extra set (`select_extra*.py` for the dates sets, `dev-extra-entities*/select.py`
for the entity sets) is chosen the same way with its own salt, quotas and English pages, and each
script is the record of how its frozen set was drawn. Keeping the drawing here leaves each script
its parameters only, so a new set is a new parameter list, not another copy of the loop. Everything
is deterministic and stdlib only: rerunning a script rewrites its set byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

GOLD = Path(__file__).resolve().parent
DATA = Path("/work/shared/data")
FIELDS = ("source", "url", "outlet", "topic", "language")
"""A manifest line's fields after `file` and `split`, in their order."""


def load_select() -> ModuleType:
    """eval/real-id/select.py (its candidate reader and HTML reader), by path: its module name
    would otherwise be the standard library's `select`."""
    spec = importlib.util.spec_from_file_location("real_id_select", GOLD / "select.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["real_id_select"] = mod
    spec.loader.exec_module(mod)
    return mod


def salted(seed: str, key: str) -> str:
    """The hash that orders candidates: a different seed per set draws different articles."""
    return hashlib.sha1(f"{seed}|{key}".encode()).hexdigest()


def used_urls(manifests: Iterable[str]) -> set[str]:
    """Every URL the given manifests (paths relative to eval/real-id) already hold."""
    return {
        json.loads(line)["url"]
        for rel in manifests
        for line in (GOLD / rel).read_text(encoding="utf-8").splitlines()
    }


def earlier_titles(manifests: Iterable[str]) -> set[str]:
    """The title line of every raw-scrape file of the given manifests (a story under a second URL is
    the same story)."""
    titles = set()
    for rel in manifests:
        for line in (GOLD / rel).read_text(encoding="utf-8").splitlines():
            m = json.loads(line)
            if m["source"].startswith("news-id-raw-scrape-2025/"):
                titles.add((GOLD / m["file"]).read_text(encoding="utf-8").split("\n", 1)[0].strip())
    return titles


def by_topic_rounds(
    cands: list[dict], seed: str, outlets: Iterable[str], per_outlet: dict[str, int] | int,
    max_body: dict[str, int], default_max: int,
) -> list[dict]:
    """The dates sets' draw: per outlet, candidates of at most its body length (+200 for the title
    and date lines) in salted order, one per topic before a second of any topic (three rounds), up
    to the outlet's count."""
    chosen: list[dict] = []
    for outlet in outlets:
        body_max = max_body.get(outlet, default_max)
        count = per_outlet if isinstance(per_outlet, int) else per_outlet[outlet]
        pool = sorted(
            (c for c in cands if c["outlet"] == outlet and len(c["text"]) <= body_max + 200),
            key=lambda c: salted(seed, c["url"]),
        )
        picked: list[dict] = []
        for round_ in range(3):
            for c in pool:
                if len(picked) >= count:
                    break
                if c in picked:
                    continue
                if sum(p["topic"] == c["topic"] for p in picked) <= round_:
                    picked.append(c)
        for c in picked:
            c.update(
                language="id",
                source=f"news-id-raw-scrape-2025/{c['row']}",
                id=f"{outlet.split('.')[0]}-{c['day'][-2:]}{salted(seed, c['url'])[:6]}",
            )
        chosen.extend(picked)
    return chosen


def by_quota(cands: list[dict], seed: str, quotas: dict[str, dict[str, int]], id_prefix: str) -> list[dict]:
    """The entity sets' draw: per outlet, its quota per topic in salted order, no two articles whose
    titles open with the same five words; an outlet short of a topic fills up from its other
    articles, in the same order."""
    chosen: list[dict] = []

    def take(c: dict, outlet: str) -> None:
        c.update(language="id", source=f"news-id-raw-scrape-2025/{c['row']}")
        c["id"] = f"{id_prefix}{outlet.split('.')[0]}-{c['day'][-2:]}{salted(seed, c['url'])[:6]}"
        chosen.append(c)

    for outlet, quota in quotas.items():
        pool = sorted((c for c in cands if c["outlet"] == outlet), key=lambda c: salted(seed, c["url"]))
        titles: set[str] = set()
        for topic, n in quota.items():
            for c in pool:
                if n <= 0:
                    break
                key = " ".join((c["title"] or c["url"]).lower().split()[:5])
                if c["topic"] == topic and key not in titles and c not in chosen:
                    titles.add(key)
                    take(c, outlet)
                    n -= 1
        short = sum(quota.values()) - sum(c["outlet"] == outlet for c in chosen)
        for c in pool:
            key = " ".join((c["title"] or c["url"]).lower().split()[:5])
            if short > 0 and key not in titles and c not in chosen:
                titles.add(key)
                take(c, outlet)
                short -= 1
    return chosen


def english_pages(
    sel: ModuleType, data: Path, pages: Iterable[tuple[str, str]], used: set[str], id_prefix: str,
) -> list[dict]:
    """The fixed English pages of `html-fundus-parser-tests` (path, topic), read as select.py reads
    HTML; none may already be in another set."""
    rows = (data / "html-fundus-parser-tests" / "index.jsonl").read_text(encoding="utf-8").splitlines()
    index = {r["html"]: r for r in map(json.loads, rows)}
    out = []
    for rel, topic in pages:
        row = index[rel]
        assert row["url"] not in used
        out.append(
            {
                "outlet": row["publisher"],
                "url": row["url"],
                "topic": topic,
                "language": "en",
                "source": f"html-fundus-parser-tests/{rel}",
                "id": id_prefix + re.sub(r"[^a-z0-9]+", "-", Path(rel).name.lower().replace(".html.gz", "")),
                "text": sel.html_to_text(sel.read_gz(data / "html-fundus-parser-tests" / rel)),
            }
        )
    return out


def write_set(chosen: list[dict], split: str, corpus: str, manifest: str) -> None:
    """Each article as `<corpus>/<id>.txt` and one manifest line per article, by id (both paths
    relative to eval/real-id)."""
    (GOLD / corpus).mkdir(parents=True, exist_ok=True)
    with open(GOLD / manifest, "w", encoding="utf-8") as f:
        for a in sorted(chosen, key=lambda a: a["id"]):
            rel = f"{corpus}/{a['id']}.txt"
            with open(GOLD / rel, "w", encoding="utf-8", newline="") as g:
                g.write(a["text"])
            m = {k: a[k] for k in FIELDS}
            f.write(json.dumps({"file": rel, "split": split, **m}, ensure_ascii=False) + "\n")
    print(f"{split}: {len(chosen)} articles")


def draw_dates_set(
    split: str,
    seed: str,
    per_outlet: dict[str, int],
    max_body: dict[str, int],
    default_max: int,
    english: Iterable[tuple[str, str]],
    manifests: Iterable[str],
    keep: Callable[[dict], bool] | None = None,
) -> int:
    """A dates set (`select_extra*.py`): every candidate in no earlier manifest (and, where `keep` is
    given, that it accepts: a test on the article's own text, never on any system output), drawn in
    topic rounds, plus the English pages; written as `corpus/<split>/` and `manifest-<split>.jsonl`."""
    sel = load_select()
    used = used_urls(manifests)
    cands = [c for c in sel.csv_candidates(DATA) if c["url"] not in used and (keep is None or keep(c))]
    chosen = by_topic_rounds(cands, seed, sel.QUOTAS, per_outlet, max_body, default_max)
    chosen += english_pages(sel, DATA, english, used, "en-")
    write_set(chosen, split, f"corpus/{split}", f"manifest-{split}.jsonl")
    return 0


def draw_entity_set(
    argv: list[str] | None,
    description: str,
    split: str,
    seed: str,
    quotas: dict[str, dict[str, int]],
    max_body: dict[str, int],
    default_max: int,
    english: Iterable[tuple[str, str]],
    manifests: Iterable[str],
    id_prefix: str,
    titled_only: bool = False,
) -> int:
    """An entity set (`dev-extra-entities*/select.py`, `--data` on the command line): short bodies in no
    earlier manifest (with a title, where `titled_only`), drawn by quota, plus the English pages (ids
    `<id_prefix>en-...`); written as `<split>/corpus/` and `<split>/manifest.jsonl`."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", default=str(DATA))
    data = Path(ap.parse_args(argv).data)
    sel = load_select()
    used = used_urls(manifests)
    cands = [
        c
        for c in sel.csv_candidates(data)
        if c["url"] not in used
        and (c["title"] or not titled_only)
        and len(c["text"]) - len(c["title"]) < max_body.get(c["outlet"], default_max) + 60
    ]
    chosen = by_quota(cands, seed, quotas, id_prefix)
    chosen += english_pages(sel, data, english, used, f"{id_prefix}en-")
    write_set(chosen, split, f"{split}/corpus", f"{split}/manifest.jsonl")
    return 0


STOPWORDS_EN = frozenset(
    ("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by", "at", "from", "it",
     "are", "has", "have", "said")
)
"""Function words whose share of a page's words tells an English page from one whose `lang` attribute
claims English (a site template's default) but whose text is in another language."""


def link_id_urls() -> set[str]:
    """Every URL of eval/link-id (its articles, dev and test), which an extra set must not reuse."""
    gold = json.loads((GOLD.parent / "link-id" / "gold.json").read_text(encoding="utf-8"))
    return {a["url"] for a in gold["articles"].values() if a.get("url")}


def site(url: str) -> str:
    """The registered domain of a URL (`feeds.reuters.com` -> `reuters.com`, `www.theargus.co.uk`
    -> `theargus.co.uk`): two outlets are the same site when these are equal."""
    host = re.sub(r"^https?://", "", url).split("/", 1)[0].split(":", 1)[0].lower()
    parts = host.split(".")
    keep = 3 if len(parts) >= 3 and parts[-2] in {"co", "com", "org", "net", "ac", "gov"} else 2
    return ".".join(parts[-keep:])


def mediacloud_english(
    sel: ModuleType, data: Path, seed: str, count: int, used: set[str], skip_sites: Iterable[str],
    max_chars: int, id_prefix: str, keep: Callable[[str], bool] | None = None,
) -> list[dict]:
    """English news pages of `html-dates-htmldate-mediacloud` (a data set no set before
    dev-extra-entities-8 drew from): pages whose `<html lang>` says English and whose visible text
    (`select.py` `html_to_text`) is English by function words (at least 15% of its words), with a
    known publication date (the set's gold; a page without one is not a dated article), a paragraph of
    at least 200 characters, at most `max_chars` of visible text, from a site that no earlier set used
    (`used`: every URL of the earlier manifests) and not in `skip_sites` (pages that are not news
    articles, by their URL) and, where `keep` is given, whose visible text it accepts (a test on the
    page's own words, never on any system output); taken in salted order, one page per site, `count`
    pages."""
    root = data / "html-dates-htmldate-mediacloud"
    gold = json.loads((root / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    used_sites = {site(u) for u in used} | set(skip_sites)
    out: list[dict] = []
    for url in sorted(gold, key=lambda u: salted(seed, u)):
        row = gold[url]
        if len(out) >= count:
            break
        if url in used or site(url) in used_sites or row.get("date") in (None, "", "nan"):
            continue
        html = sel.read_gz(root / "html" / f"{row['file']}.gz")
        lang = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html, re.I)
        if not lang or not lang.group(1).lower().startswith("en"):
            continue
        text = sel.html_to_text(html)
        words = re.findall(r"[a-z]+", text.lower())
        if not words or sum(w in STOPWORDS_EN for w in words) < 0.15 * len(words):
            continue
        if len(text) > max_chars or not any(len(ln) >= 200 for ln in text.splitlines()):
            continue
        if keep is not None and not keep(text):
            continue
        used_sites.add(site(url))
        out.append(
            {
                "outlet": site(url),
                "url": url,
                "topic": "other",
                "language": "en",
                "source": f"html-dates-htmldate-mediacloud/html/{row['file']}.gz",
                "id": f"{id_prefix}en-{site(url).split('.')[0]}-{row['date']}",
                "text": text,
            }
        )
    return out


NEWS_PATH = re.compile(r"^https?://[^/]+/(?:.*/)?(?:news/|(?:19|20)\d\d/\d\d?/)", re.I)
"""A URL whose path has a `news/` segment or a `/YYYY/MM/` date: how a news site files an article."""


def trafilatura_english(
    sel: ModuleType, data: Path, seed: str, count: int, used: set[str], skip_sites: Iterable[str],
    max_chars: int, id_prefix: str, keep: Callable[[str], bool] | None = None,
) -> list[dict]:
    """English news pages of `html-trafilatura-eval` (a data set no set before dev-extra-entities-9
    drew from; it also holds blogs, recipes, documentation and shop pages, so only news URLs are
    taken): a URL with a `news/` segment or a `/YYYY/MM/` date in its path (`NEWS_PATH`) and no
    `blog` in it, `<html lang>` English and English by function words (at least 15% of the words of
    its visible text, `select.py` `html_to_text`), a known publication date (the set's metadata gold),
    a paragraph of at least 200 characters, at most `max_chars` of visible text, from a site no earlier
    set used (`used`: every URL of the earlier manifests) and not in `skip_sites` (organisations' and
    people's own sites, by URL) and, where `keep` is given, whose visible text it accepts (a test on the
    page's own words, never on any system output); taken in salted order, one page per site, `count`
    pages."""
    root = data / "html-trafilatura-eval"
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    used_sites = {site(u) for u in used} | set(skip_sites)
    out: list[dict] = []
    for url in sorted(gold, key=lambda u: salted(seed, u)):
        row = gold[url]
        if len(out) >= count:
            break
        if url in used or not NEWS_PATH.match(url) or "blog" in url.lower() or not row.get("date"):
            continue
        if site(url) in used_sites:
            continue
        html = sel.read_gz(root / "html" / f"{row['file']}.gz")
        lang = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html, re.I)
        if not lang or not lang.group(1).lower().startswith("en"):
            continue
        text = sel.html_to_text(html)
        words = re.findall(r"[a-z]+", text.lower())
        if not words or sum(w in STOPWORDS_EN for w in words) < 0.15 * len(words):
            continue
        if len(text) > max_chars or not any(len(ln) >= 200 for ln in text.splitlines()):
            continue
        if keep is not None and not keep(text):
            continue
        used_sites.add(site(url))
        out.append(
            {
                "outlet": site(url),
                "url": url,
                "topic": "other",
                "language": "en",
                "source": f"html-trafilatura-eval/html/{row['file']}.gz",
                "id": f"{id_prefix}en-{site(url).split('.')[0]}-{row['date'][:10]}",
                "text": text,
            }
        )
    return out
