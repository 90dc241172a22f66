"""Choose the articles of the fourteenth extra development set `dev-extra-14` (timexes and metadata only).

    python eval/real-id/select_extra14.py    # writes corpus/dev-extra-14/ and manifest-dev-extra-14.jsonl

Why: the date rules have been developed on dev and every dates set pooled (`--set dev+dates12`), whose
figures no longer move the held-out test figure; a fresh set shows error classes those pools do not hold.
dev-extra-14 is drawn as dev-extra-9 and -10 (`select_extra9.py`: the same raw scrape read the same way,
the same date-cue list `CUE_ID` and threshold `MIN_CUES`, the topic rounds of `extra_sets.by_topic_rounds`)
with its own salt, from four outlets only: okezone.com, kompas.com, tempo.co and republika.co.id (another
set drawn at the same time takes detik and liputan6), and no English page.

Left out: every URL of every manifest of eval/real-id (dev, test, every dates set `manifest-*.jsonl`,
every entity set `dev-extra-entities*/manifest.jsonl`, found by glob so that no set is forgotten) and of
eval/link-id (all its gold files), and every raw-scrape article whose title is the title line of an earlier
set's file (the same story under a second URL). The articles read by the precision audits
(`exclude-dev-extra-10.urls`) are ALLOWED here: this is a development set, not a held-out one, and the
audits read linimasa's output on them, not a date annotation; leaving them out would leave kompas and
tempo no date-rich article at all (`select_extra10.py`).

Quotas, set from the pool left (after the exclusions, date rich: kompas 5 of 14 candidates, okezone 86,
tempo 1 of 84: its feed holds only leads, republika 6, every field 8,000-14,000 characters): kompas 5
asked (4 drawn: its fifth is a fourth `other` page, past the three topic rounds), okezone 8, tempo 1,
republika 2 (15 articles). Body lengths: at most 1,600 characters (okezone's 86 leave
plenty); kompas 2,500 (its five date-rich ones run 1,900-2,500); republika 10,000 (its feed repeats each
article several times in one field, so a 2,500-character article is a 8,000-10,000-character field).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above
import select_extra9 as s9  # dev-extra-9's cue lists and thresholds

SPLIT = "dev-extra-14"
SEED = "real-id-dev-extra-14-20261202"
PER_OUTLET = {"detik.com": 0, "kompas.com": 5, "liputan6.com": 0, "okezone.com": 8, "tempo.co": 1, "republika.co.id": 2}
MAX_BODY = {"kompas.com": 2500, "republika.co.id": 10000}
DEFAULT_MAX = 1600


NEW_SETS = ("dev-extra-13", "dev-extra-14", "dev-extra-14b", "dev-extra-14c", "dev-extra-14d", "dev-extra-14e")
"""Sets drawn beside this one or after it: dev-extra-13 (another helper's, drawn at the same time),
dev-extra-14b to -14e are no part of what dev-extra-14 leaves out, so that this script rewrites the
same set once they exist; of them a draw leaves out only those in `SEEN`."""
SEEN = {
    "dev-extra-14": (),
    "dev-extra-14b": ("dev-extra-14",),
    "dev-extra-14c": ("dev-extra-14", "dev-extra-14b"),
    "dev-extra-14d": ("dev-extra-14", "dev-extra-14b", "dev-extra-14c"),
    "dev-extra-14e": ("dev-extra-14", "dev-extra-14b", "dev-extra-14c", "dev-extra-14d"),
}
"""Of `NEW_SETS`, those that existed when a set was drawn (dev-extra-14b leaves out dev-extra-14)."""


def all_manifests(split: str = SPLIT) -> list[str]:
    """Every manifest of eval/real-id (paths relative to it) that existed when `split` was drawn: its own
    and those of `NEW_SETS` it did not see left out."""
    found = [p.name for p in sorted(xs.GOLD.glob("manifest*.jsonl"))]
    found += [f"{p.parent.name}/{p.name}" for p in sorted(xs.GOLD.glob("dev-extra-entities*/manifest.jsonl"))]
    unseen = set(NEW_SETS) - set(SEEN[split])
    return [m for m in found if m.removeprefix("manifest-").removesuffix(".jsonl") not in unseen]


def all_link_id_urls() -> set[str]:
    """Every URL of eval/link-id's gold files (its three article sets)."""
    urls: set[str] = set()
    for path in sorted((xs.GOLD.parent / "link-id").glob("gold*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        urls |= {a["url"] for a in gold["articles"].values() if a.get("url")}
    return urls


def draw(split: str, seed: str, per_outlet: dict[str, int], keep: Callable[[dict], bool],
         max_body: dict[str, int] = MAX_BODY) -> None:
    """Draw `split` from the raw-scrape candidates that `keep` accepts and no earlier set (eval/real-id as
    `split` saw it, eval/link-id) holds, by topic rounds, and write its corpus and manifest: the one draw
    of every part of this set, which differ only in these arguments."""
    sel = xs.load_select()
    manifests = all_manifests(split)
    banned = xs.used_urls(manifests) | all_link_id_urls()
    titles = xs.earlier_titles(manifests)
    cands = [
        c
        for c in sel.csv_candidates(xs.DATA)
        if c["url"] not in banned and c["title"] not in titles and keep(c)
    ]
    chosen = xs.by_topic_rounds(cands, seed, sel.QUOTAS, per_outlet, max_body, DEFAULT_MAX)
    xs.write_set(chosen, split, f"corpus/{split}", f"manifest-{split}.jsonl")


def main() -> int:
    draw(SPLIT, SEED, PER_OUTLET, s9.date_rich)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
