"""Choose the articles of the thirteenth extra development set `dev-extra-13` (timexes and metadata only).

    python eval/real-id/select_extra13.py    # writes corpus/dev-extra-13/ and manifest-dev-extra-13.jsonl
                                             # (and the later parts' -13b, -13c, -13d: SPLIT_B ...)

Why: the dates pools (`dev+dates12`, recognition 0.986 / value 0.957) have been mined: rules developed on
them no longer move the held-out test figure (0.878), so new error classes must come from fresh articles.
`dev-extra-13` is a fresh DEVELOPMENT set (not held out: its first score is recorded as a held-out estimate,
then rules are developed on it), drawn as dev-extra-9 and -10 were (`select_extra9.py`: the same raw scrape
read the same way, `select.py` `csv_candidates`; the same Indonesian date cues `CUE_ID`), with its own salt
and these differences:

- outlets detik.com and liputan6.com only (another set drawn at the same time takes okezone, kompas, tempo
  and republika, so the two never meet); no English pages;
- richer in dates: at least `MIN_CUES` (8, dev-extra-9 had 6) date cues in the text after the title and
  date lines (a test on the article's own words, never on anything linimasa outputs);
- left out: every URL of every manifest under eval/real-id (found by glob, so every dates and entity set)
  and of eval/link-id, and every raw-scrape article whose title line is one of those sets' files' (the
  same story under a second URL). The articles the precision audits read (`exclude-dev-extra-10.urls`)
  ARE allowed here: this is a development set, not a held-out one, and after the manifests the audits'
  draws are most of what is left;
- bodies of at most `DEFAULT_MAX` characters (keeps each article one annotation session), detik 1,600 as in
  dev-extra-9 (at 1,300 only five of its date-rich bodies fit the topic rounds);
- detik 8, liputan6 7, in the order of a hash salted differently from every earlier set, one per topic
  before a second of any topic (`extra_sets.by_topic_rounds`).

`dev-extra-13b` is the next draw of the same candidates with the same parameters once -13's fifteen are
taken out (the next articles in the same salted order), drawn after -13 had been scored and its first rules
made, and annotated (committed) before linimasa was run on it: a fresh check of those rules and more error
classes. `dev-extra-13c` is the draw after that (drawn after -13b had been scored and its rules made,
annotated and committed before linimasa was run on it), `dev-extra-13d` the draw after -13c, made the
same way, and `dev-extra-13e` the draw after -13d. -13e showed no system error once its gold was fixed, so
`dev-extra-13f` (drawn after it had been scored, annotated and committed before linimasa was run on it) takes
LONGER date-rich articles of the candidates left: bodies over the earlier limits and at most 2,000 characters
(detik 2,200), at least 10 date cues, detik 5 and liputan6 5 in the same topic rounds.

Stdlib only, deterministic: rerunning writes the set byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above
import select_extra9 as s9  # the Indonesian date cues

SPLIT = "dev-extra-13"
SEED = "real-id-dev-extra-13-20261202"
SPLIT_B = "dev-extra-13b"
SPLIT_C = "dev-extra-13c"
SPLIT_D = "dev-extra-13d"
SPLIT_E = "dev-extra-13e"
PER_OUTLET = {"detik.com": 8, "kompas.com": 0, "liputan6.com": 7, "okezone.com": 0, "tempo.co": 0, "republika.co.id": 0}
MAX_BODY = {"detik.com": 1600}
DEFAULT_MAX = 1300
MIN_CUES = 8
SPLIT_F = "dev-extra-13f"
PER_OUTLET_F = {**PER_OUTLET, "detik.com": 5, "liputan6.com": 5}
MAX_BODY_F = {"detik.com": 2200}
DEFAULT_MAX_F = 2000
MIN_CUES_F = 10
"""-13f: longer bodies (the short ones of -13e showed no error left), at least 10 date cues, 5 + 5."""


def date_rich(cand: dict) -> bool:
    """At least MIN_CUES date cues in the text after the title and date lines."""
    body = "\n".join(cand["text"].split("\n")[2:])
    return len(s9.CUE_ID.findall(body)) >= MIN_CUES


def main() -> int:
    sel = xs.load_select()
    own = tuple(f"manifest-{s}.jsonl" for s in (SPLIT, SPLIT_B, SPLIT_C, SPLIT_D, SPLIT_E, SPLIT_F))
    earlier = [p.relative_to(xs.GOLD).as_posix() for p in xs.GOLD.glob("**/manifest*.jsonl")]
    earlier = [m for m in earlier if m not in own]
    banned = xs.used_urls(earlier) | xs.link_id_urls()
    titles = xs.earlier_titles(earlier)
    cands = [
        c
        for c in sel.csv_candidates(xs.DATA)
        if c["outlet"] in ("detik.com", "liputan6.com")
        and c["url"] not in banned
        and c["title"] not in titles
        and date_rich(c)
    ]
    rest = cands
    for split in (SPLIT, SPLIT_B, SPLIT_C, SPLIT_D, SPLIT_E):
        chosen = xs.by_topic_rounds(rest, SEED, sel.QUOTAS, PER_OUTLET, MAX_BODY, DEFAULT_MAX)
        xs.write_set(chosen, split, f"corpus/{split}", f"manifest-{split}.jsonl")
        taken = {c["url"] for c in chosen}
        drawn = ("language", "source", "id")  # the fields by_topic_rounds added to the drawn articles
        rest = [{k: v for k, v in c.items() if k not in drawn} for c in rest if c["url"] not in taken]
    longer = [c for c in rest if len(c["text"]) > MAX_BODY.get(c["outlet"], DEFAULT_MAX) + 200
              and len(s9.CUE_ID.findall("\n".join(c["text"].split("\n")[2:]))) >= MIN_CUES_F]
    chosen = xs.by_topic_rounds(longer, SEED, sel.QUOTAS, PER_OUTLET_F, MAX_BODY_F, DEFAULT_MAX_F)
    xs.write_set(chosen, SPLIT_F, f"corpus/{SPLIT_F}", f"manifest-{SPLIT_F}.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
