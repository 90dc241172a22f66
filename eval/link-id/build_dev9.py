"""Build `dev9`, a ninth hand-labelled development split of eval/link-id, from the June 2025 articles
that no other gold set of linimasa uses (not dev/test, dev2 .. dev7, nor any eval/*/ manifest,
eval/events-id's dev2 of stop 36 included).

Why: by stop 36 every development split had been tuned on, and the held-out test split's story
recall (0.881) stayed under the aim while the tuned splits gave 0.93-0.98. A split labelled by hand
before linimasa's duplicate or story stage ever ran on it gives one more held-out figure of the
rules as they stand. The pool left holds few developing stories (the last reports of the Al Ghazali
wedding, hajj operations, Timnas items, stock and gold-price days) and many one-off pieces: it tests
precision (one-offs kept apart, daily reports of one kind kept apart) as much as recall. Stories of
the test split (the Lewotobi eruption, the Hasto trial, GIIAS, HUT Jakarta; the Israel-Iran war has
no unused report) are not probed. A probe only RETRIEVES candidates; labels are decided by hand.

Deterministic (stdlib only, fixed seed, inputs read in sorted order); build_dev4.draw with this
split's probes and seed, build_dev2's pairs and build (planted copies). Three steps:

    /work/main/.venv/bin/python eval/link-id/build_dev9.py candidates
    # ... a person reads candidates-dev9.tsv and writes stories-dev9.tsv + story-labels-dev9.tsv BY HAND
    /work/main/.venv/bin/python eval/link-id/build_dev9.py pairs
    # ... a person reads the pairs and writes duplicates-dev9.tsv BY HAND
    /work/main/.venv/bin/python eval/link-id/build_dev9.py build
"""

from __future__ import annotations

import sys

import build as B
import build_dev2 as B2
import build_dev4 as B4
import build_dev7 as B7

HERE = B.HERE
SEED = 20251203  # not any earlier split's: a fresh sample
SPLIT = "dev9"
SINGLETONS = 50
EXCLUDE = (*B7.EXCLUDE, "candidates-dev7.tsv")

# Probes chosen after counting the unused pool's title words (1,671 articles, stop 36).
PROBES: list[tuple[str, str, int]] = [
    ("ghazali", r"Ghazali|Alyssa|Ngunduh Mantu", 12),
    ("hajj", r"[Hh]aji|Jemaah|Jamaah|PPIH", 8),
    ("timnas", r"Timnas|Kluivert|Vanenburg", 12),
    ("stocks", r"IHSG|Saham", 8),
    ("gold-price", r"Harga Emas|Emas Antam", 6),
    ("police", r"Polisi|Polda|Polres|Ditangkap|Tersangka", 10),
    ("prabowo", r"Prabowo|Danantara", 6),
]
EXTRA_PROBES: list[tuple[str, str, int]] = []


def main(argv: list[str] | None = None) -> int:
    def candidates(d: B.Data) -> None:
        cands = B4.draw(d, SEED, PROBES, SINGLETONS, EXTRA_PROBES, EXCLUDE, later=True)
        B4.write_candidates(cands, HERE / "candidates-dev9.tsv")

    return B2.steps(argv, __doc__, SPLIT, SEED, candidates)


if __name__ == "__main__":
    sys.exit(main())
