"""`linimasa eval real`: entities, alias merging, metadata and dates on hand-annotated real news.

    linimasa eval real [--set dev|test|dev-extra[-2…-5]|dev-extra-entities[-2…-6]|dev+extra[s|s3|s4]|dev+dates[4|5]]
                       [--gold eval/real-id] [--baseline-ref [REF]] [--json]

The gold set (`eval/real-id`, see its README.md and GUIDELINE.md) holds real Indonesian and English
articles, one raw file each, with every entity mention, every temporal expression and the metadata
annotated by hand. The articles of the chosen split are run through `linimasa.process` into a scratch
store; the result is read through the `linimasa/1` export, so that an older version of linimasa
(`--baseline-ref`, run in its own virtualenv from a git checkout of that ref) is read by the same code.

Gold offsets point into the raw files; linimasa's offsets point into its clean `text`. A gold mention
is found in `text` by its string, choosing the occurrence whose surroundings (whitespace ignored)
best match the raw file's; one that cannot be found there (linimasa dropped its line, or mangled the
words) is a miss: gold is annotated only inside the article's body text (`body` ranges of the gold
file: no titles, bylines, captions, related links or page furniture), so a dropped body line is an
error. A system mention or timex is traced back to the raw file the same way; one that lands outside
every `body` range (a menu, a caption, a "Baca juga" headline) is not scored, one that cannot be
traced counts as a false positive.

Figures:
- entities: precision/recall/F1 of mentions, exact span and type (PER, ORG, GPE, LOC, EVT; a system
  mention typed OTHER is left out), with span-only figures and per type beside them;
- merging: pairwise precision/recall over the gold mentions that the system found (exact span), pairs
  across articles included: a pair is gold when both mentions carry one gold entity id, system when
  both belong to one system entity; "distinct forms" counts only pairs whose strings differ (the
  aliases: "Prabowo"/"Prabowo Subianto", "KPK"/"Komisi Pemberantasan Korupsi");
- metadata: accuracy of outlet and dateline (names compared case-folded, without a leading "the",
  domain suffixes and non-letters), published (by day), authors (as a set of case-folded names; also
  over the articles that credit someone), title;
- timexes: recognition F1 with relaxed (overlap) matching and value F1 (a matched timex with the gold
  value), as in TempEval-3.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "EVT")
CONTEXT = 40  # characters each side compared when locating a string
MIN_CONTEXT = 8  # matched characters of context a located occurrence needs (unless it is the only one)
DEFAULT_BASELINE_REF = "2a9e2b6822b484b0135e30819bc06f07f3833d8b"
"""main before the work on issue 11 (entities, metadata and dates on real news) began."""

SETS: dict[str, tuple[str, ...]] = {
    "dev": ("dev",),
    "test": ("test",),
    "dev-extra": ("dev-extra",),
    "dev-extra-2": ("dev-extra-2",),
    "dev-extra-3": ("dev-extra-3",),
    "dev-extra-4": ("dev-extra-4",),
    "dev-extra-entities": ("dev-extra-entities",),
    "dev-extra-entities-2": ("dev-extra-entities-2",),
    "dev-extra-entities-3": ("dev-extra-entities-3",),
    "dev-extra-entities-4": ("dev-extra-entities-4",),
    "dev-extra-entities-5": ("dev-extra-entities-5",),
    "dev-extra-entities-6": ("dev-extra-entities-6",),
    "dev-extra-entities-7": ("dev-extra-entities-7",),
    "dev-extra-entities-8": ("dev-extra-entities-8",),
    "dev-extra-entities-en": ("dev-extra-entities-en",),
    "dev-extra-entities-en2": ("dev-extra-entities-en2",),
    "en+en2": ("dev-extra-entities-en", "dev-extra-entities-en2"),
    "dev-extra-entities-9": ("dev-extra-entities-9",),
    "dev-extra-entities-10": ("dev-extra-entities-10",),
    "dev-extra-entities-11": ("dev-extra-entities-11",),
    "dev-extra-entities-12": ("dev-extra-entities-12",),
    "dev-extra-5": ("dev-extra-5",),
    "dev-extra-6": ("dev-extra-6",),
    "dev-extra-7": ("dev-extra-7",),
    "dev-extra-8": ("dev-extra-8",),
    "dev-extra-9": ("dev-extra-9",),
    "dev-extra-10": ("dev-extra-10",),
    "dev-extra-11": ("dev-extra-11",),
    "dev-extra-11b": ("dev-extra-11b",),
    "dev-extra-11c": ("dev-extra-11c",),
    "dev-extra-11+b": ("dev-extra-11", "dev-extra-11b"),
    "dev-extra-11d": ("dev-extra-11d",),
    "dev-extra-11+bc": ("dev-extra-11", "dev-extra-11b", "dev-extra-11c"),
    "dev-extra-11e": ("dev-extra-11e",),
    "dev-extra-11+bcd": ("dev-extra-11", "dev-extra-11b", "dev-extra-11c", "dev-extra-11d"),
    "dev-extra-11f": ("dev-extra-11f",),
    "dev-extra-11g": ("dev-extra-11g",),
    "dev-extra-11h": ("dev-extra-11h",),
    "dev-extra-11+all": ("dev-extra-11", "dev-extra-11b", "dev-extra-11c", "dev-extra-11d", "dev-extra-11e",
                         "dev-extra-11f", "dev-extra-11g", "dev-extra-11h"),
    "dev-extra-12": ("dev-extra-12",),
    "dev-extra-12b": ("dev-extra-12b",),
    "dev-extra-12+b": ("dev-extra-12", "dev-extra-12b"),
    "dev-extra-13": ("dev-extra-13",),
    "dev-extra-13b": ("dev-extra-13b",),
    "dev-extra-13+b": ("dev-extra-13", "dev-extra-13b"),
    "dev-extra-13c": ("dev-extra-13c",),
    "dev-extra-13d": ("dev-extra-13d",),
    "dev-extra-13e": ("dev-extra-13e",),
    "dev-extra-13f": ("dev-extra-13f",),
    "dev-extra-13+all": ("dev-extra-13", "dev-extra-13b", "dev-extra-13c", "dev-extra-13d", "dev-extra-13e",
                         "dev-extra-13f"),
    "dev+extra": ("dev", "dev-extra-entities"),
    "dev+dates": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3"),
    "dev+dates4": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4"),
    "dev+dates5": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5"),
    "dev+dates6": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5", "dev-extra-6"),
    "dev+extras": ("dev", "dev-extra-entities", "dev-extra-entities-2"),
    "dev+extras3": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3"),
    "dev+extras4": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3",
                    "dev-extra-entities-4"),
    "dev+extras6": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3",
                    "dev-extra-entities-4", "dev-extra-entities-6"),
    "dev+extras1-6": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3",
                      "dev-extra-entities-4", "dev-extra-entities-5", "dev-extra-entities-6"),
    "dev+extras1-7": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3",
                      "dev-extra-entities-4", "dev-extra-entities-5", "dev-extra-entities-6",
                      "dev-extra-entities-7"),
    "dev+extras1-8": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3",
                      "dev-extra-entities-4", "dev-extra-entities-5", "dev-extra-entities-6",
                      "dev-extra-entities-7", "dev-extra-entities-8", "dev-extra-entities-en"),
    "dev+extras1-8+en2": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3",
                          "dev-extra-entities-4", "dev-extra-entities-5", "dev-extra-entities-6",
                          "dev-extra-entities-7", "dev-extra-entities-8", "dev-extra-entities-en",
                          "dev-extra-entities-en2"),
    "dev+extras1-8,10": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3",
                         "dev-extra-entities-4", "dev-extra-entities-5", "dev-extra-entities-6",
                         "dev-extra-entities-7", "dev-extra-entities-8", "dev-extra-entities-en",
                         "dev-extra-entities-10"),
    "dev+dates7": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5", "dev-extra-6",
                   "dev-extra-7"),
    "dev+extras-all": ("dev", "dev-extra-entities", "dev-extra-entities-2", "dev-extra-entities-3",
                       "dev-extra-entities-4", "dev-extra-entities-5", "dev-extra-entities-6",
                       "dev-extra-entities-7", "dev-extra-entities-8", "dev-extra-entities-9",
                       "dev-extra-entities-10", "dev-extra-entities-11", "dev-extra-entities-12",
                       "dev-extra-entities-en", "dev-extra-entities-en2"),
    "dev+dates10": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5", "dev-extra-6",
                    "dev-extra-7", "dev-extra-8", "dev-extra-9", "dev-extra-10"),
    "dev+dates11": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5", "dev-extra-6",
                    "dev-extra-7", "dev-extra-8", "dev-extra-9", "dev-extra-10", "dev-extra-11",
                    "dev-extra-11b", "dev-extra-11c", "dev-extra-11d", "dev-extra-11e", "dev-extra-11f",
                    "dev-extra-11g", "dev-extra-11h"),
    "dev+dates12": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5", "dev-extra-6",
                    "dev-extra-7", "dev-extra-8", "dev-extra-9", "dev-extra-10", "dev-extra-11",
                    "dev-extra-11b", "dev-extra-11c", "dev-extra-11d", "dev-extra-11e", "dev-extra-11f",
                    "dev-extra-11g", "dev-extra-11h", "dev-extra-12", "dev-extra-12b"),
    "dev-extra-14": ("dev-extra-14",),
    "dev-extra-14b": ("dev-extra-14b",),
    "dev-extra-14c": ("dev-extra-14c",),
    "dev-extra-14d": ("dev-extra-14d",),
    "dev-extra-14e": ("dev-extra-14e",),
    "dev+dates14": (*("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5"),
                    *("dev-extra-6", "dev-extra-7", "dev-extra-8", "dev-extra-9", "dev-extra-10", "dev-extra-11"),
                    *("dev-extra-11b", "dev-extra-11c", "dev-extra-11d", "dev-extra-11e", "dev-extra-11f"),
                    *("dev-extra-11g", "dev-extra-11h", "dev-extra-12", "dev-extra-12b", "dev-extra-14"),
                    "dev-extra-14b", "dev-extra-14c", "dev-extra-14d", "dev-extra-14e"),
    "dev+dates13": ("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5", "dev-extra-6",
                    "dev-extra-7", "dev-extra-8", "dev-extra-9", "dev-extra-10", "dev-extra-11",
                    "dev-extra-11b", "dev-extra-11c", "dev-extra-11d", "dev-extra-11e", "dev-extra-11f",
                    "dev-extra-11g", "dev-extra-11h", "dev-extra-12", "dev-extra-12b", "dev-extra-13",
                    "dev-extra-13b", "dev-extra-13c", "dev-extra-13d", "dev-extra-13e", "dev-extra-13f"),
    "dev+dates13+14": (*("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5"),
                       *("dev-extra-6", "dev-extra-7", "dev-extra-8", "dev-extra-9", "dev-extra-10", "dev-extra-11"),
                       *("dev-extra-11b", "dev-extra-11c", "dev-extra-11d", "dev-extra-11e", "dev-extra-11f"),
                       *("dev-extra-11g", "dev-extra-11h", "dev-extra-12", "dev-extra-12b"),
                       *("dev-extra-13", "dev-extra-13b", "dev-extra-13c", "dev-extra-13d", "dev-extra-13e"),
                       *("dev-extra-13f", "dev-extra-14", "dev-extra-14b", "dev-extra-14c", "dev-extra-14d"),
                       "dev-extra-14e"),
    "dev-extra-15": ("dev-extra-15",),
    "dev-extra-15b": ("dev-extra-15b",),
    "dev-extra-15+b": ("dev-extra-15", "dev-extra-15b"),
    "dev-extra-15c": ("dev-extra-15c",),
    "dev-extra-15d": ("dev-extra-15d",),
    "dev-extra-15+all": ("dev-extra-15", "dev-extra-15b", "dev-extra-15c", "dev-extra-15d"),
    "dev+dates15": (*("dev", "dev-extra", "dev-extra-2", "dev-extra-3", "dev-extra-4", "dev-extra-5"),
                    *("dev-extra-6", "dev-extra-7", "dev-extra-8", "dev-extra-9", "dev-extra-10", "dev-extra-11"),
                    *("dev-extra-11b", "dev-extra-11c", "dev-extra-11d", "dev-extra-11e", "dev-extra-11f"),
                    *("dev-extra-11g", "dev-extra-11h", "dev-extra-12", "dev-extra-12b"),
                    *("dev-extra-13", "dev-extra-13b", "dev-extra-13c", "dev-extra-13d", "dev-extra-13e"),
                    *("dev-extra-13f", "dev-extra-14", "dev-extra-14b", "dev-extra-14c", "dev-extra-14d"),
                    "dev-extra-14e", "dev-extra-15", "dev-extra-15b", "dev-extra-15c", "dev-extra-15d"),
}
"""`--set` values -> the gold files (`<name>.jsonl`) they read. The extra development sets
(eval/real-id/README.md) are each annotated for some layers only: `dev-extra` for dates and
metadata, `dev-extra-entities` and its successors `-2`, `-3`, `-4` for entities; an article
counts only for the figures of its layers. `dev-extra-entities-2` was annotated after the entity rules had
been developed on dev and `dev-extra-entities`, and scored before any rule was changed on it; `dev+extras`
is those three. `dev-extra-entities-3` was made the same way after rules had been developed on all three
(its first score is the held-out estimate of those rules); `dev+extras3` pools all four entity sets.
`dev-extra-entities-4` is the next fresh set, annotated and committed before linimasa was run on it (its
first score is the held-out estimate of the rules developed on the other four); `dev+extras4` pools all
five entity sets.
`dev+extra` is dev with the entity set (five articles are in both extra sets, each annotated for
its own layers, so the two are not scored in one run). `dev+dates` pools the dates sets up to dev-extra-3
(dev, dev-extra, dev-extra-2, dev-extra-3), so that a date rule is judged on all of them at once; it stays
as it was so that the figures README.md cites for it can be rerun. `dev-extra-4` is the next held-out
dates set (scored once on the unchanged rules before any rule was changed on it); `dev+dates4` pools all
five dates sets. `dev-extra-entities-5` and `-6` (entities) and `dev-extra-5` (dates and metadata) are the
next fresh sets, drawn and annotated before linimasa is run on them; `dev+extras6` pools every entity set
but `dev-extra-entities-5`, which stays held out for the rules developed on the others. `dev+dates5` pools
dev and all five extra dates sets (dev-extra-5 included once its held-out figure is recorded); `dev+dates4`
stays as it was for the figures cited for it. Once set 5's held-out figure after stop 20's rules was recorded,
`dev+extras1-6` pools dev and all six entity sets for rule work, and the next fresh set is the held-out one:
`dev-extra-entities-7`, drawn and annotated before linimasa was run on it and kept out of every pool, so
that it stays the held-out estimate for the rules developed on `dev+extras1-6`. `dev-extra-6` is the next
fresh dates and metadata set, drawn and annotated (committed) before linimasa was run on it: its first score
is the held-out estimate of the date rules developed on `dev+dates5`; `dev+dates6` pools dev and all six
extra dates sets for the rule work after that figure is recorded (`dev+dates5` stays as it was for the
figures cited for it). `dev-extra-7` is the next fresh dates and metadata set after that, drawn (only
date-rich articles) and annotated (committed) before linimasa was run on it and kept out of every pool:
its first score is the held-out estimate of the date rules developed on `dev+dates6`. Once entity set 7's
held-out figure was recorded it joined the pool (`dev+extras1-7`), and `dev-extra-entities-8` is the next
fresh entity set (16 Indonesian articles and 4 English pages from a data set no earlier set drew from),
drawn and annotated (committed) before linimasa was run on it and kept out of every pool: its first score
is the held-out estimate of the rules developed on `dev+extras1-7`. `dev-extra-entities-en` is a development
set of 20 English news pages (set 8 showed English pages far weaker than Indonesian ones), annotated and
committed before linimasa was run on it, for English entity rule work beside `dev+extras1-7`. After
their held-out runs (stop 22), `dev+extras1-8` pools dev, entity sets 1-8 and `dev-extra-entities-en`,
and `dev+dates7` dev and dates sets 1-7, for the next round's rule work; the next held-out sets are
fresh ones. `dev-extra-entities-en2` is a second English development set (20 pages of another data set,
`html-trafilatura-eval`), annotated and committed before linimasa was run on it: its first score is the
held-out estimate of the English rules developed on `dev-extra-entities-en`; `en+en2` pools the two
English sets for English rule work, and `dev+extras1-8+en2` adds it to `dev+extras1-8`.
`dev-extra-entities-9` is the next fresh entity set (14 Indonesian articles and 6 English pages of
`html-trafilatura-eval`, a data set no earlier set drew from), drawn and annotated (committed) before linimasa
was run on it and kept out of every pool: its first score is the held-out estimate of the rules developed on
`dev+extras1-8`. `dev-extra-8` is the next fresh dates and metadata set (date-rich articles by a count of date
cues, three English pages of a data set no dates set drew from), drawn and annotated (committed) before
linimasa was run on it and kept out of every pool: its first score is the held-out estimate of the date
rules developed on `dev+dates7`. `dev-extra-entities-10` is a fresh Indonesian entity set (20 articles from
the raw scrape that no earlier set used), annotated and committed before linimasa was run on it; after its
first score it is development data, and `dev+extras1-8,10` pools it with `dev+extras1-8` for rule work on
the error classes it shows (set 9 stays held out). `dev-extra-entities-11` is the next fresh entity set (14
Indonesian articles and 6 English pages of `html-trafilatura-eval`, none used by any earlier set), drawn and
annotated (committed) before linimasa was run on it and kept out of every pool: its first score is the held-out
estimate of the rules developed on `dev+extras1-8,10` and the English sets (set 9 having been developed on).
`dev-extra-entities-12` is the set after it (14 Indonesian articles and 6 English pages of
`html-trafilatura-eval`, in no earlier set, eval/link-id or precision-audit draw), drawn and annotated
(committed) before linimasa was run on it and kept out of every pool, as a fresh held-out estimate.
`dev-extra-9` is a second fresh dates and metadata set
beside `dev-extra-8`, drawn the same way (its English pages from `html-trafilatura-eval`, as the mediacloud
set has none left) and annotated (committed) before linimasa was run on it, kept out of every pool: its
first score is another held-out estimate of the date rules developed on `dev+dates7`. `dev-extra-10` is the
third such set, drawn the same way with the precision audits' articles and entity set 12's left out too (its
English pages from `html-fundus-parser-tests`, as the two other English sources have none left that no
audit read), annotated (committed) before linimasa was run on it and kept out of every pool. Once every held-out set had
been scored (stop 25), `dev+extras-all` pools dev and every entity set (1-12, en, en2) and `dev+dates10` dev and
every dates set (1-10) for the last rounds of rule work: from then on only `test` is an estimate.
`dev-extra-11` is a dates set of another source (20 Kompas.com economy articles of 2013-2014 from
IndoTimex, whose timexes no one had read), annotated (committed) before linimasa was run on it, for the
date errors the June 2025 sets no longer show; `dev-extra-11b` four more of them (two opinion columns and
two reports, drawn after -11 had been scored), annotated before linimasa was run on them; `dev-extra-11c`
four more, drawn after -11b had been scored, annotated likewise, `dev-extra-11d` four more after -11c and
`dev-extra-11e` four more after -11d, `dev-extra-11f` four more after -11e, `dev-extra-11g` five of the last ten
after -11f, `dev-extra-11h` the last five after -11g; `dev+dates11` is `dev+dates10` and all those parts.
`dev-extra-12` is a dates set of English news pages (the three English HTML sources, pages no set held),
annotated (committed) before linimasa was run on it; `dev-extra-12b` the next pages of the same draw,
drawn after -12 had been scored; `dev+dates12` is `dev+dates11` and both.
`dev-extra-14` is a fresh Indonesian dates and metadata set (15 date-rich okezone, kompas, republika and tempo
articles of the raw scrape in no earlier set, the precision audits' articles allowed), annotated (committed)
before linimasa was run on it, for error classes the mined pools no longer show; `dev-extra-14b` 13 more
(okezone, republika), drawn and annotated the same way after rules had been developed on -14, and
`dev-extra-14c` 13 more (tempo leads, kompas, republika, at least three date cues) after -14b, `dev-extra-14d`
11 more after -14c, `dev-extra-14e` 10 okezone articles (three cues) after -14d; `dev+dates14` is
`dev+dates12` and the five.

`dev-extra-13` is a fresh
Indonesian dates and metadata set (15 date-rich detik and liputan6 articles of the raw scrape in no earlier set;
the precision audits' articles allowed), annotated (committed) before linimasa was run on it: its first score is
a held-out estimate of the rules developed on `dev+dates12`, after which it is development data for the error
classes the mined pools no longer show; `dev-extra-13b` the next 15 of the same draw, drawn after -13 had been
scored and its first rules made, annotated (committed) before linimasa was run on it, and `dev-extra-13c` the
15 after those, drawn and annotated likewise after -13b had been scored, `dev-extra-13d` the 11 the topic
rounds take after them (after -13c had been scored), `dev-extra-13e` the 10 after those (after -13d had
been scored), `dev-extra-13f` 10 longer ones (after -13e had been scored); `dev-extra-13+all` is the six
parts and `dev+dates13` is `dev+dates12` and the six.

`dev+dates13+14` pools `dev+dates12` and both fresh sets' parts (the two were drawn at the same time from
disjoint outlets). `dev-extra-15` is a fresh set of LONGER date-rich Indonesian articles (10 detik, liputan6 and
okezone bodies of 2,000-5,000 characters, at least 10 date cues, in no earlier set), annotated (committed) before
linimasa was run on it; `dev-extra-15b` the next 10 of the same draw (drawn, annotated and committed after -15
had been scored and its rules made); `dev-extra-15c` the 10 after those (detik, liputan6), drawn likewise after
-15b, `dev-extra-15d` the 9 after those (after -15c); `dev-extra-15+b` the first two, `dev-extra-15+all` the
four; `dev+dates15` is `dev+dates13+14` and the four."""
ALL_LAYERS = ("meta", "timexes", "entities")

OUTLET_ALIASES = {"ap": "associatedpress", "theassociatedpress": "associatedpress", "afp": "agencefrancepresse"}


# ---------------------------------------------------------------------------------------------
# gold and system documents


@dataclass
class Doc:
    """One article as the scorer sees it: text, metadata, timexes and mentions with offsets into
    `text` (the raw file for gold, linimasa's clean text for a system)."""

    file: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    timexes: list[dict[str, Any]] = field(default_factory=list)  # start, end, text, type, value
    mentions: list[dict[str, Any]] = field(default_factory=list)  # start, end, text, type, entity
    body: list[tuple[int, int]] = field(default_factory=list)  # gold only
    layers: tuple[str, ...] = ALL_LAYERS  # gold only (the file's `layers`): what was annotated


def default_gold_dir() -> Path:
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        cand = base / "eval" / "real-id"
        if (cand / "manifest.jsonl").exists():
            return cand
    return Path("eval/real-id")


def load_gold(gold_dir: Path, split: str) -> list[Doc]:
    path = gold_dir / f"{split}.jsonl"
    if not path.exists():
        raise SystemExit(f"eval real: no {path} (annotate the {split} split first)")
    docs = []
    for line in path.open(encoding="utf-8"):
        g = json.loads(line)
        with open(gold_dir / g["file"], encoding="utf-8", newline="") as f:
            text = f.read()
        mentions = [
            {"start": m["start"], "end": m["end"], "text": m["text"], "type": e["type"], "entity": e["id"]}
            for e in g["entities"]
            for m in e["mentions"]
        ]
        docs.append(
            Doc(
                file=g["file"],
                text=text,
                meta=dict(g["meta"], language=g.get("language")),
                timexes=[dict(t) for t in g["timexes"]],
                mentions=sorted(mentions, key=lambda m: m["start"]),
                body=[(s, e) for s, e in g["body"]],
                layers=tuple(g.get("layers") or ALL_LAYERS),
            )
        )
    return docs


def load_set(gold_dir: Path, name: str) -> list[Doc]:
    return [d for part in SETS[name] for d in load_gold(gold_dir, part)]


def docs_from_export(export: dict[str, Any], files: dict[str, str]) -> dict[str, Doc]:
    """System documents keyed by gold file, from a `linimasa/1` export. `files` maps the path each
    article was read from (as given to linimasa) to its gold file."""
    by_id: dict[str, Doc] = {}
    out: dict[str, Doc] = {}
    resolved = {str(Path(p).resolve()): f for p, f in files.items()}
    for a in export.get("articles", []):
        src = a.get("source") or ""
        gold_file = files.get(src) or resolved.get(str(Path(src).resolve()) if src else "")
        if gold_file is None:
            continue
        pub = a.get("published") or {}
        doc = Doc(
            file=gold_file,
            text=a.get("text") or "",
            meta={
                "title": a.get("title"),
                "outlet": a.get("outlet"),
                "dateline": a.get("dateline"),
                "published": pub.get("value") if isinstance(pub, dict) else pub,
                "authors": list(a.get("authors") or []),
                "language": a.get("language"),
            },
        )
        by_id[a["id"]] = doc
        out[gold_file] = doc
    for t in export.get("timexes", []):
        doc = by_id.get(t.get("article"))
        if doc is not None and t.get("line") is None:
            doc.timexes.append({k: t.get(k) for k in ("start", "end", "text", "type", "value")})
    for e in export.get("entities", []):
        if e.get("type") not in ENTITY_TYPES:
            continue
        for m in e.get("mentions", []):
            doc = by_id.get(m.get("article"))
            if doc is not None:
                doc.mentions.append(
                    {"start": m["start"], "end": m["end"], "text": m["text"], "type": e["type"], "entity": e["id"]}
                )
    for doc in out.values():
        doc.timexes.sort(key=lambda t: t["start"])
        doc.mentions.sort(key=lambda m: m["start"])
    return out


# ---------------------------------------------------------------------------------------------
# locating a string of one text in another


def _squash(s: str) -> str:
    return "".join(s.split())


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def context_score(src: str, s: int, e: int, dst: str, c: int, ce: int | None = None) -> int:
    """How many characters around src[s:e] (whitespace ignored, up to CONTEXT each side) agree with
    those around the occurrence of the same string at dst[c:ce]."""
    ce = c + (e - s) if ce is None else ce
    left_src = _squash(src[max(0, s - CONTEXT) : s])[::-1]
    left_dst = _squash(dst[max(0, c - CONTEXT) : c])[::-1]
    right_src = _squash(src[e : e + CONTEXT])
    right_dst = _squash(dst[ce : ce + CONTEXT])
    return _common_prefix(left_src, left_dst) + _common_prefix(right_src, right_dst)


def _occurrences(needle: str, dst: str) -> list[tuple[int, int]]:
    """Where `needle` is in `dst`: exactly, or else with any run of whitespace standing for the
    whitespace in it (a name broken over two lines of the raw file is one line in clean text)."""
    out = []
    i = dst.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = dst.find(needle, i + 1)
    if out or not any(ch.isspace() for ch in needle):
        return out
    pattern = r"\s+".join(map(re.escape, needle.split()))
    return [(m.start(), m.end()) for m in re.finditer(pattern, dst)]


def locate(src: str, s: int, e: int, dst: str, taken: set[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """Where src[s:e] is in dst: the free occurrence with the best-matching surroundings, or None when
    there is none, or none whose surroundings match at least MIN_CONTEXT characters (an only
    occurrence of a string of 4+ characters needs no context)."""
    needle = src[s:e]
    if not needle.strip():
        return None
    every = _occurrences(needle, dst)
    occ = [o for o in every if not taken or o not in taken]
    if not occ:
        return None

    def ctx(o: tuple[int, int]) -> int:
        return context_score(src, s, e, dst, o[0], o[1])

    best = max(occ, key=lambda o: (ctx(o), -abs(o[0] - s)))
    if ctx(best) < MIN_CONTEXT and not (len(every) == 1 and len(needle) >= 4):
        return None
    return best


def in_body(body: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    return any(bs <= s and e <= be for bs, be in body)


# ---------------------------------------------------------------------------------------------
# scoring


def prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "system": n_sys,
        "gold": n_gold,
    }


@dataclass
class Mapped:
    """The gold items of one article moved into the system text, and the system items kept."""

    gold: list[dict[str, Any]]  # gold item + "sys_span": (s, e) or None
    system: list[dict[str, Any]]  # system items inside the gold body (or untraceable)
    ignored: int = 0  # system items outside the gold body


def map_items(
    gold_doc: Doc, sys_doc: Doc | None, gold_items: list[dict], sys_items: list[dict], relaxed: bool = False
) -> Mapped:
    text = sys_doc.text if sys_doc else ""
    taken: set[tuple[int, int]] = set()
    gold_out = []
    for g in sorted(gold_items, key=lambda x: x["start"]):
        span = locate(gold_doc.text, g["start"], g["end"], text, taken) if text else None
        if span:
            taken.add(span)
        gold_out.append(dict(g, sys_span=span))
    kept, ignored = [], 0
    gold_spans = {g["sys_span"] for g in gold_out if g["sys_span"]}
    for m in sys_items:
        # scored by overlap (`relaxed`: timexes), an item on a gold item's place in the system text is in the
        # body, whatever its span: located back alone, a shorter or longer span may land on a copy outside
        # the body (republika's feed repeats each paragraph, glued, before the body's own copy)
        if (m["start"], m["end"]) in gold_spans or (
            relaxed and any(m["start"] < ge and gs < m["end"] for gs, ge in gold_spans)
        ):
            kept.append(m)
            continue
        raw = locate(text, m["start"], m["end"], gold_doc.text)
        if raw is not None and not in_body(gold_doc.body, *raw):
            ignored += 1
            continue
        kept.append(m)
    return Mapped(gold_out, kept, ignored)


def score_entities(pairs: Iterable[tuple[Doc, Doc | None]]) -> dict[str, Any]:
    tp = tp_span = n_sys = n_gold = 0
    by_type: dict[str, Counter] = defaultdict(Counter)
    ignored = 0
    matched: list[tuple[str, str, str]] = []  # (gold entity, system entity, surface)
    matched_files: list[str] = []  # the gold file of each `matched` mention
    missed: list[tuple[str, str, str]] = []
    spurious: list[tuple[str, str, str]] = []
    mistyped: list[tuple[str, str, str, str]] = []  # (file, gold type, system type, surface)
    for gold, sysd in pairs:
        mp = map_items(gold, sysd, gold.mentions, sysd.mentions if sysd else [])
        ignored += mp.ignored
        n_gold += len(mp.gold)
        n_sys += len(mp.system)
        sys_by_span = {(m["start"], m["end"]): m for m in mp.system}
        used = set()
        for g in mp.gold:
            by_type[g["type"]]["gold"] += 1
            m = sys_by_span.get(g["sys_span"]) if g["sys_span"] else None
            if m is None:
                missed.append((gold.file, g["type"], g["text"]))
                continue
            used.add((m["start"], m["end"]))
            tp_span += 1
            matched.append((g["entity"], m["entity"], g["text"]))
            matched_files.append(gold.file)
            if m["type"] == g["type"]:
                tp += 1
                by_type[g["type"]]["tp"] += 1
            else:
                mistyped.append((gold.file, g["type"], m["type"], g["text"]))
        for m in mp.system:
            by_type[m["type"]]["system"] += 1
            if (m["start"], m["end"]) not in used:
                spurious.append((gold.file, m["type"], m["text"]))
    return {
        "exact": prf(tp, n_sys, n_gold),
        "span_only": prf(tp_span, n_sys, n_gold),
        "by_type": {t: prf(c["tp"], c["system"], c["gold"]) for t, c in sorted(by_type.items())},
        "ignored_outside_body": ignored,
        "merge": score_merge(matched),
        "_merge_split": merge_splits(matched, matched_files),
        "_merge_joined": merge_splits([(s, g, t) for g, s, t in matched], matched_files),
        "_missed": missed,
        "_spurious": spurious,
        "_mistyped": mistyped,
    }


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_merge(matched: list[tuple[str, str, str]]) -> dict[str, Any]:
    """Pairwise precision/recall of entity ids over mentions both sides have: all pairs, and pairs of
    mentions with distinct (case-folded) strings."""

    def count(items: list[tuple[str, str, str]]) -> tuple[int, int, int]:
        cell = Counter((g, s) for g, s, _ in items)
        gold = Counter(g for g, _, _ in items)
        sysc = Counter(s for _, s, _ in items)
        both = sum(_pairs(n) for n in cell.values())
        return both, sum(_pairs(n) for n in gold.values()), sum(_pairs(n) for n in sysc.values())

    both, gold_pairs, sys_pairs = count(matched)

    # distinct forms: pairs minus the pairs of identical strings, computed per cell of the same key
    def same_form(key) -> int:
        c = Counter((key(x), x[2].casefold()) for x in matched)
        return sum(_pairs(n) for n in c.values())

    both_d = both - same_form(lambda x: (x[0], x[1]))
    gold_d = gold_pairs - same_form(lambda x: x[0])
    sys_d = sys_pairs - same_form(lambda x: x[1])

    def pr(tp: int, s: int, g: int) -> dict[str, Any]:
        return {
            "precision": round(tp / s, 4) if s else 0.0,
            "recall": round(tp / g, 4) if g else 0.0,
            "pairs_both": tp,
            "pairs_system": s,
            "pairs_gold": g,
        }

    return {
        "all_pairs": pr(both, sys_pairs, gold_pairs),
        "distinct_forms": pr(both_d, sys_d, gold_d),
        "mentions": len(matched),
    }


def merge_splits(matched: list[tuple[str, str, str]], files: list[str]) -> list[tuple[int, str]]:
    """The merge errors of one side, most pairs first: each entity of the first element of `matched`
    (gold entity for missed merges; system entity, with the tuple swapped, for wrong merges) that
    the other side splits, as (pairs lost, "part | part ..."), each part the forms of one entity of
    the other side with the articles they are in, so that a missed pair can be read as the kind of
    alias it is (a surname alone, an acronym, a title kept in the span, another article)."""
    parts: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for (a, b, text), f in zip(matched, files, strict=True):
        parts[a][b].append((text, f))
    out: list[tuple[int, str]] = []
    for groups in parts.values():
        if len(groups) < 2:
            continue
        sizes = [len(v) for v in groups.values()]
        lost = _pairs(sum(sizes)) - sum(_pairs(n) for n in sizes)
        shown = []
        for items in sorted(groups.values(), key=len, reverse=True):
            forms = Counter(t for t, _ in items)
            arts = sorted({Path(f).stem for _, f in items})
            shown.append(
                "/".join(f"{t}×{n}" if n > 1 else t for t, n in forms.most_common())
                + f" [{', '.join(arts[:3])}{' …' if len(arts) > 3 else ''}]"
            )
        out.append((lost, " | ".join(shown)))
    return sorted(out, key=lambda x: (-x[0], x[1]))


def score_timexes(pairs: Iterable[tuple[Doc, Doc | None]]) -> dict[str, Any]:
    n_gold = n_sys = tp = tp_value = tp_type = 0
    ignored = 0
    errors: list[tuple[str, str, str, str]] = []
    spurious: list[tuple[str, str, str]] = []
    for gold, sysd in pairs:
        mp = map_items(gold, sysd, gold.timexes, sysd.timexes if sysd else [], relaxed=True)
        ignored += mp.ignored
        n_gold += len(mp.gold)
        n_sys += len(mp.system)
        free = list(mp.system)
        for g in mp.gold:
            if not g["sys_span"]:
                errors.append((gold.file, g["text"], g["value"], "-"))
                continue
            gs, ge = g["sys_span"]
            best = max(free, key=lambda m: min(ge, m["end"]) - max(gs, m["start"]), default=None)
            if best is None or min(ge, best["end"]) - max(gs, best["start"]) <= 0:
                errors.append((gold.file, g["text"], g["value"], "-"))
                continue
            free.remove(best)
            tp += 1
            tp_type += best["type"] == g["type"]
            if str(best["value"]).upper() == str(g["value"]).upper():
                tp_value += 1
            else:
                errors.append((gold.file, g["text"], g["value"], f"{best['text']}={best['value']}"))
        spurious.extend((gold.file, m["text"], m["value"]) for m in free)
    return {
        "recognition_relaxed": prf(tp, n_sys, n_gold),
        "value": prf(tp_value, n_sys, n_gold),
        "type_accuracy": round(tp_type / tp, 4) if tp else 0.0,
        "ignored_outside_body": ignored,
        "_errors": errors,
        "_spurious": spurious,
    }


def norm_name(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s).casefold().strip()
    s = re.sub(r"\.(com|co\.id|co|id|net|org|co\.uk|com\.au)\b", "", s)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^0-9a-z]+", "", s)
    s = re.sub(r"(com|coid)$", "", s) if len(s) > 5 else s
    return OUTLET_ALIASES.get(s, s)


def score_meta(pairs: Iterable[tuple[Doc, Doc | None]]) -> dict[str, Any]:
    c: Counter = Counter()
    wrong: dict[str, list[tuple[str, Any, Any]]] = defaultdict(list)
    for gold, sysd in pairs:
        g, s = gold.meta, (sysd.meta if sysd else {})
        c["articles"] += 1
        checks = {
            "outlet": norm_name(g.get("outlet")) == norm_name(s.get("outlet")),
            "dateline": norm_name(g.get("dateline")) == norm_name(s.get("dateline")),
            "published": (g.get("published") or "")[:10] == (s.get("published") or "")[:10],
            "authors": {a.casefold().strip() for a in g.get("authors") or []}
            == {a.casefold().strip() for a in s.get("authors") or []},
            "title": " ".join((g.get("title") or "").split()) == " ".join((s.get("title") or "").split()),
        }
        for k, ok in checks.items():
            c[k] += ok
            if not ok:
                wrong[k].append((gold.file, g.get(k), s.get(k)))
        if g.get("authors"):
            c["credited"] += 1
            c["authors_credited"] += checks["authors"]
    n = c["articles"] or 1
    out: dict[str, Any] = {k: round(c[k] / n, 4) for k in ("outlet", "dateline", "published", "authors", "title")}
    out["authors_where_credited"] = round(c["authors_credited"] / c["credited"], 4) if c["credited"] else 0.0
    out["articles"] = c["articles"]
    out["credited"] = c["credited"]
    out["_wrong"] = dict(wrong)
    return out


def score(gold_docs: list[Doc], sys_docs: dict[str, Doc]) -> dict[str, Any]:
    pairs = [(g, sys_docs.get(g.file)) for g in gold_docs]
    full = [(g, s) for g, s in pairs if "timexes" in g.layers]
    return {
        "articles": len(gold_docs),
        "articles_full": len(full),
        "articles_processed": sum(1 for g in gold_docs if g.file in sys_docs),
        # an extra set annotated for one layer only (dev-extra: dates and metadata; dev-extra-entities:
        # entities) is scored on that layer
        "entities": score_entities([(g, s) for g, s in pairs if "entities" in g.layers]),
        "timexes": score_timexes(full),
        "meta": score_meta(full),
    }


# ---------------------------------------------------------------------------------------------
# running linimasa (this one, and a baseline from git)


def run_current(paths: list[Path], workdir: Path) -> dict[str, Any]:
    import linimasa
    from linimasa.export import export_corpus

    corpus = linimasa.process([str(p) for p in paths], store=str(workdir / "current.db"))
    return export_corpus(corpus)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


def run_baseline(ref: str, paths: list[Path], repo: Path, workdir: Path, log=print) -> tuple[dict[str, Any], str]:
    """Install linimasa at `ref` into a fresh virtualenv (git worktree + venv + pip install -e; the
    dependencies come from PyPI) and run `linimasa run` on `paths` there. Returns the export and the
    full commit hash."""
    sha = _git(repo, "rev-parse", "--verify", f"{ref}^{{commit}}")
    checkout, venv = workdir / "baseline-src", workdir / "baseline-venv"
    log(f"baseline {sha[:10]}: checkout, virtualenv, pip install -e (a minute or two) ...")
    _git(repo, "worktree", "add", "--detach", str(checkout), sha)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        py = venv / "bin" / "python"
        subprocess.run(
            [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", str(checkout)], check=True
        )
        out = workdir / "baseline.json"
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        subprocess.run(
            [
                str(venv / "bin" / "linimasa"),
                "run",
                *map(str, paths),
                "--db",
                str(workdir / "baseline.db"),
                "--out",
                str(out),
                "-q",
                "--workers",
                "1",
            ],
            check=True,
            env=env,
            cwd=str(workdir),
        )
        with out.open(encoding="utf-8") as f:
            return json.load(f), sha
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            _git(repo, "worktree", "remove", "--force", str(checkout))
        with contextlib.suppress(subprocess.CalledProcessError):
            _git(repo, "worktree", "prune")


# ---------------------------------------------------------------------------------------------
# report

ROWS = [
    ("entity precision (exact span+type)", ("entities", "exact", "precision")),
    ("entity recall", ("entities", "exact", "recall")),
    ("entity F1", ("entities", "exact", "f1")),
    ("entity F1 (span only)", ("entities", "span_only", "f1")),
    ("merge precision (pairs)", ("entities", "merge", "all_pairs", "precision")),
    ("merge recall (pairs)", ("entities", "merge", "all_pairs", "recall")),
    ("merge precision (distinct forms)", ("entities", "merge", "distinct_forms", "precision")),
    ("merge recall (distinct forms)", ("entities", "merge", "distinct_forms", "recall")),
    ("outlet accuracy", ("meta", "outlet")),
    ("author accuracy", ("meta", "authors")),
    ("author accuracy (credited)", ("meta", "authors_where_credited")),
    ("dateline accuracy", ("meta", "dateline")),
    ("published accuracy (day)", ("meta", "published")),
    ("title accuracy", ("meta", "title")),
    ("timex recognition F1 (relaxed)", ("timexes", "recognition_relaxed", "f1")),
    ("timex value F1", ("timexes", "value", "f1")),
]


def _get(d: dict, path: tuple[str, ...]) -> Any:
    for k in path:
        d = d[k]
    return d


def public(d: Any) -> Any:
    """The result without its error lists (keys starting with "_")."""
    if isinstance(d, dict):
        return {k: public(v) for k, v in d.items() if not k.startswith("_")}
    return d


def format_report(results: dict[str, dict[str, Any]], split: str) -> str:
    names = list(results)
    first = results[names[0]]
    full = first.get("articles_full", first["articles"])
    lines = [
        f"eval real --set {split}: {first['articles']} articles, "
        f"{first['entities']['exact']['gold']} gold entity mentions, "
        f"{first['timexes']['value']['gold']} gold timexes"
        + (f" (metadata and timexes over the {full} fully annotated)" if 0 < full < first["articles"] else "")
    ]
    width = max(len(r[0]) for r in ROWS) + 2
    col = max(12, *(len(n) + 2 for n in names))
    lines.append("".ljust(width) + "".join(n.rjust(col) for n in names))
    for label, path in ROWS:
        if path[0] == "entities" and not first["entities"]["exact"]["gold"]:
            continue  # a set without entity annotation (dev-extra)
        if not full and path[0] != "entities":
            continue  # a set with entity annotation only (dev-extra-entities)
        lines.append(label.ljust(width) + "".join(f"{_get(results[n], path):{col}.3f}" for n in names))
    if first["entities"]["exact"]["gold"]:
        lines.append(
            "per type (F1): "
            + "  ".join(
                f"{t} " + "/".join(f"{results[n]['entities']['by_type'].get(t, {}).get('f1', 0):.2f}" for n in names)
                for t in ENTITY_TYPES
            )
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="linimasa eval real",
        description="Entities, alias merging, metadata and dates on the hand-annotated real-news set "
        "(eval/real-id), optionally beside an older version of linimasa.",
    )
    ap.add_argument(
        "--set",
        choices=tuple(SETS),
        default="dev",
        help="split to score (default: dev); dev-extra: extra dates and metadata set; "
        "dev-extra-2 … dev-extra-10: second to tenth extra dates and metadata sets (-10 held out: in no pool); "
        "dev-extra-entities(-2 … -12, -en, -en2): extra entity sets (-11, -12 held out: in no pool); "
        "en+en2: the two English entity sets; dev+extras1-8+en2: dev+extras1-8 and the second English set; "
        "dev+extras1-8: dev, entity sets 1-8 and the English set (the pool after stop 22's held-out runs); "
        "dev+extras1-8,10: that pool and the Indonesian entity set 10; "
        "dev+dates7: dev and dates sets 1-7; "
        "dev+extras-all: dev and every entity set (1-12, en, en2); dev+dates10: dev and every dates set (1-10); "
        "dev-extra-11: the dates set of 2013-2014 Kompas articles (IndoTimex); dev-extra-11b: four more of "
        "them; dev-extra-11c … -11f: four more each; dev-extra-11g, -11h: five more each; "
        "dev-extra-11+b, +bc, +bcd, +all: those pooled; "
        "dev+dates11: dev+dates10 and dev-extra-11, -11b … -11h; "
        "dev-extra-12, -12b, -12+b: the English dates sets; dev+dates12: dev+dates11 and dev-extra-12, -12b; "
        "dev-extra-14, -14b … -14e: fresh Indonesian dates sets; dev+dates14: dev+dates12 and those five; "
        "dev-extra-13, -13b … -13f, -13+b, -13+all: date-rich detik and liputan6 articles; "
        "dev+dates13: dev+dates12 and dev-extra-13 … -13f; dev+dates13+14: both; "
        "dev-extra-15, -15b, -15c, -15d, -15+b, -15+all: longer fresh Indonesian articles; "
        "dev+dates15: dev+dates13+14 and -15 … -15d; "
        "dev+extra: dev and the first extra entity set; dev+extras: dev and the first two extra entity sets; "
        "dev+extras3: dev and the first three extra entity sets; "
        "dev+extras4: dev and all four extra entity sets; dev+dates: dev and the first three extra dates sets; "
        "dev+dates4: dev and the first four extra dates sets; dev+dates5: dev and the first five extra dates sets; "
        "dev+dates6: dev and all six extra dates sets; "
        "dev+extras6: dev and the entity sets 1-4 and 6 (5 held out); dev+extras1-6: dev and all six entity sets",
    )
    ap.add_argument("--gold", type=Path, default=None, help="gold folder (default: eval/real-id)")
    ap.add_argument(
        "--baseline-ref",
        nargs="?",
        const=DEFAULT_BASELINE_REF,
        default=None,
        metavar="REF",
        help="also install linimasa at this git ref in a temporary virtualenv and score it on the "
        f"same files (without REF: {DEFAULT_BASELINE_REF[:10]}, main before issue 11)",
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="also list up to N errors of each kind")
    ap.add_argument("--keep", type=Path, default=None, help="keep the work folder (stores, exports) here")
    args = ap.parse_args(argv)

    gold_dir = (args.gold or default_gold_dir()).resolve()
    gold = load_set(gold_dir, args.set)
    paths = [gold_dir / g.file for g in gold]
    files = {str(p): g.file for p, g in zip(paths, gold, strict=True)}
    log = (lambda *a: print(*a, file=sys.stderr)) if args.json else print

    work = args.keep or Path(tempfile.mkdtemp(prefix="linimasa-eval-real-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    try:
        results["current"] = score(gold, docs_from_export(run_current(paths, work), files))
        if args.baseline_ref:
            repo = Path(_git(gold_dir, "rev-parse", "--show-toplevel"))
            export, sha = run_baseline(args.baseline_ref, paths, repo, work, log=log)
            results[f"baseline {sha[:7]}"] = score(gold, docs_from_export(export, files))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    if args.json:
        print(
            json.dumps(
                {"set": args.set, "gold": str(gold_dir), "results": public(results)}, indent=1, ensure_ascii=False
            )
        )
        return 0
    print(format_report(results, args.set))
    if args.errors:
        r = results["current"]
        n = args.errors
        print(f"\nmissed entity mentions (first {n}):")
        for x in r["entities"]["_missed"][:n]:
            print("  ", *x)
        print(f"spurious entity mentions (first {n}):")
        for x in r["entities"]["_spurious"][:n]:
            print("  ", *x)
        print(f"entity mentions of the right span and a wrong type (gold type, system type) (first {n}):")
        for x in r["entities"]["_mistyped"][:n]:
            print("  ", *x)
        print(f"missed merges: gold entities split over system entities (pairs lost, parts) (first {n}):")
        for x in r["entities"]["_merge_split"][:n]:
            print("  ", *x)
        print(f"wrong merges: system entities joining gold entities (wrong pairs, parts) (first {n}):")
        for x in r["entities"]["_merge_joined"][:n]:
            print("  ", *x)
        print(f"timex errors (gold text, gold value, system) (first {n}):")
        for x in r["timexes"]["_errors"][:n]:
            print("  ", *x)
        print(f"spurious timexes (text, value) (first {n}):")
        for x in r["timexes"]["_spurious"][:n]:
            print("  ", *x)
        for k, items in r["meta"]["_wrong"].items():
            print(f"{k} wrong (first {n}):")
            for x in items[:n]:
                print("  ", *x)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
