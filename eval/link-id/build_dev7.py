"""Build `dev7`, a seventh hand-labelled development split of eval/link-id, from articles that no
other gold set of linimasa uses (not dev/test, dev2 .. dev6, nor any eval/*/ manifest).

Why: every earlier development split has been scored (and most tuned on); a fresh split, labelled by
hand before linimasa's duplicate or story stage ever ran on it, gives a held-out check of the story
rules next to test. It mixes the last developing stories the pool holds (the end of Al Ghazali and
Alyssa Daguise's wedding coverage, a musician's death, the trading days of 16-20 June, the vehicle-tax
amnesties) with confusers that share their words in the same week (other trading days, other
provinces' tax items, other Premier League clubs' items, fact checks and hoax round-ups).

Deterministic (stdlib only, fixed seed, inputs read in sorted order). It calls build_dev4.draw (the
exclusion, the probes, the seeded singletons), build_dev4.write_candidates, and build_dev2's pairs
and build (planted copies). Three steps:

    # 1. candidates: articles to label (probes on title words + seeded singletons), none of which is
    #    in candidates.tsv, candidates-dev2.tsv .. candidates-dev6.tsv or any eval/*/ manifest
    /work/main/.venv/bin/python eval/link-id/build_dev7.py candidates
    # ... a person reads candidates-dev7.tsv and writes stories-dev7.tsv + story-labels-dev7.tsv BY HAND
    # 2. pairs: every pair of labelled articles whose bodies share >= 1/4 of the shorter one's 5-word
    #    shingles, printed for reading side by side (a person writes duplicates-dev7.tsv)
    /work/main/.venv/bin/python eval/link-id/build_dev7.py pairs
    # 3. build: corpus/dev7/*.txt, planted near-duplicates, real republications, gold-dev7.json
    /work/main/.venv/bin/python eval/link-id/build_dev7.py build
"""


from __future__ import annotations

import sys

import build as B
import build_dev2 as B2
import build_dev4 as B4

HERE = B.HERE
SEED = 20250624  # not build.py's, nor dev2's .. dev6's: a fresh sample
SPLIT = "dev7"
SINGLETONS = 12
EXCLUDE = (*B4.EXCLUDE, "candidates-dev4.tsv", "candidates-dev5.tsv", "candidates-dev6.tsv")

# Probes chosen after counting the unused pool's title words (1,178 articles left after dev6, nearly
# all of 16-20 June and mostly evergreen lifestyle pieces): the developing stories that still have
# unused reports (Al Ghazali and Alyssa Daguise's wedding and ngunduh mantu, the death of the
# musician Gusti Irwan Wibowo, the IHSG trading days, the vehicle-tax amnesties), each next to
# articles that share its words but are other stories (style pieces using the wedding as a hook,
# other trading days and stock items, other provinces' tax items and STNK how-tos, other Premier
# League clubs' transfer and fixture items, fact checks and hoax round-ups, disability items).
# Stories of the test split (the Lewotobi eruption, the Israel-Iran war, HUT Jakarta, the Hasto
# trial, GIIAS, ...: as named in README.md's dev6 section) were not probed. A probe only RETRIEVES
# candidates; labels are decided by hand.
PROBES: list[tuple[str, str, int]] = [
    ("ghazali", r"Ghazali|Alyssa|Mantu|Maia|Ahmad Dhani|Mulan|El Rumi|Irwan Mussry", 18),
    ("gusti-irwan", r"Gusti Irwan|Irwan Wibowo", 5),
    ("ihsg", r"IHSG", 14),
    ("vehicle-tax", r"Pajak Kendaraan|Pajak Progresif|Belum Bayar Pajak|Pajak Daerah|STNK", 10),
    ("epl", r"Chelsea|Arsenal|Liga Inggris|Liverpool|Man City", 14),
    ("hoax", r"Hoaks|Cek Fakta", 6),
    ("disability", r"Disabilitas", 5),
]
# A second group (its own generator, drawn after the singletons): the pool's two small clusters of
# sports reports (Persib's new signings hinted by Bojan Hodak, the POBSI billiards series in
# Bandung) and crypto-market items that share words but are each their own story.
EXTRA_PROBES: list[tuple[str, str, int]] = [
    ("persib", r"Persib|Bojan Hodak", 3),
    ("pobsi", r"POBSI|Biliar", 3),
    ("crypto", r"Kripto|Bitcoin", 6),
    # added after the first 93 were labelled and built (commit 07f840c): the last unused reports of
    # the trading days and of Jakarta's tax amnesty, wedding-adjacent celebrity items, and two
    # small same-week clusters (AHY's transmigration events, children's hypertension pieces);
    # appended after the probes above, so that their draw stays exactly as it was labelled
    ("ihsg", r"IHSG", 8),
    ("vehicle-tax", r"Pemutihan", 2),
    ("wedding-confusers", r"Arbani|Asbun|Hijab Mulan|El Rumi", 4),
    ("transmigration", r"Transmigra|AHY", 4),
    ("hypertension", r"Hipertensi", 4),
]


def main(argv: list[str] | None = None) -> int:
    def candidates(d: B.Data) -> None:
        B4.write_candidates(B4.draw(d, SEED, PROBES, SINGLETONS, EXTRA_PROBES, EXCLUDE), HERE / "candidates-dev7.tsv")

    return B2.steps(argv, __doc__, SPLIT, SEED, candidates)


if __name__ == "__main__":
    sys.exit(main())
