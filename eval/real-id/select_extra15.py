"""Choose the articles of the fifteenth extra development set `dev-extra-15` (timexes and metadata only).

    python eval/real-id/select_extra15.py    # writes corpus/dev-extra-15/ and manifest-dev-extra-15.jsonl

Why: on the fresh dates sets `dev-extra-13` and `-14` the short date-rich articles score near 1.0 while the
longer ones (`dev-extra-13f`, bodies up to 2,000 characters: first value F1 0.822) still showed new error
classes. `dev-extra-15` is a fresh DEVELOPMENT set of LONGER articles (its first score is recorded as a
held-out estimate, then rules are developed on it), drawn as `dev-extra-13` was (`select_extra13.py`: the
raw scrape read by `select.py` `csv_candidates`, the Indonesian date cues `select_extra9.CUE_ID`, topic
rounds `extra_sets.by_topic_rounds`) with its own salt and these differences:

- any outlet of the raw scrape: kompas and tempo have no candidate left that is this long and date rich
  (tempo's feed holds leads; republika is left out below), so detik 4, liputan6 3, okezone 3 (of 81, 17 and
  6 candidates);
- LONGER bodies: the file's text between `MIN_TEXT` (2,000) and `MAX_TEXT` (5,000) characters;
- at least `MIN_CUES` (10) date cues in the text after the title and date lines (a test on the article's
  own words, never on anything linimasa outputs);
- left out: every URL of every manifest under eval/real-id (found by glob: every dates and entity set,
  the fresh -13* and -14* parts included) and of eval/link-id, and every raw-scrape article whose title
  line is one of those sets' files'. The precision audits' articles (`exclude-dev-extra-10.urls`) are
  allowed (a development set, as -13 and -14).
- republika's feed is left out: its files repeat every paragraph two more times glued, so a long
  republika file holds a short article (and its body is mostly furniture to cut out by hand).

`dev-extra-15b` is the next draw of the same candidates with the same parameters once -15's ten are taken
out (the next articles in the same salted order), drawn after -15 had been scored and its rules made, and
annotated (committed) before linimasa was run on it. `dev-extra-15c` is the draw after -15b, made the same way
after -15b had been scored and its rules made: okezone has no candidate left, so detik 5 and liputan6 5;
`dev-extra-15d` the draw after -15c, made the same way after -15c had been scored and its rules made.

Stdlib only, deterministic: rerunning writes the set byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above
import select_extra9 as s9  # the Indonesian date cues

SPLIT = "dev-extra-15"
SPLIT_B = "dev-extra-15b"
SPLIT_C = "dev-extra-15c"
SPLIT_D = "dev-extra-15d"
SEED = "real-id-dev-extra-15-20261202-longer"
OUTLETS = ("detik.com", "liputan6.com", "okezone.com")
PER_OUTLET = {"detik.com": 4, "liputan6.com": 3, "okezone.com": 3}
PER_OUTLET_C = {"detik.com": 5, "liputan6.com": 5, "okezone.com": 0}
MIN_TEXT = 2000
MAX_TEXT = 5000
MIN_CUES = 10


def cues(cand: dict) -> int:
    """Date cues in the text after the title and date lines."""
    return len(s9.CUE_ID.findall("\n".join(cand["text"].split("\n")[2:])))


def main() -> int:
    sel = xs.load_select()
    own = tuple(f"manifest-{s}.jsonl" for s in (SPLIT, SPLIT_B, SPLIT_C, SPLIT_D))
    earlier = [p.relative_to(xs.GOLD).as_posix() for p in xs.GOLD.glob("**/manifest*.jsonl")]
    earlier = [m for m in earlier if m not in own]
    banned = xs.used_urls(earlier) | xs.link_id_urls()
    titles = xs.earlier_titles(earlier)
    cands = [
        c
        for c in sel.csv_candidates(xs.DATA)
        if c["outlet"] in OUTLETS
        and c["url"] not in banned
        and c["title"] not in titles
        and MIN_TEXT <= len(c["text"]) <= MAX_TEXT
        and cues(c) >= MIN_CUES
    ]
    if "--count" in sys.argv:
        for o in OUTLETS:
            print(o, sum(c["outlet"] == o for c in cands))
        return 0
    rest = cands
    for split in (SPLIT, SPLIT_B, SPLIT_C, SPLIT_D):
        quota = PER_OUTLET_C if split in (SPLIT_C, SPLIT_D) else PER_OUTLET
        chosen = xs.by_topic_rounds(rest, SEED, OUTLETS, quota, {}, MAX_TEXT - 200)
        xs.write_set(chosen, split, f"corpus/{split}", f"manifest-{split}.jsonl")
        taken = {c["url"] for c in chosen}
        drawn = ("language", "source", "id")  # the fields by_topic_rounds added to the drawn articles
        rest = [{k: v for k, v in c.items() if k not in drawn} for c in rest if c["url"] not in taken]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
