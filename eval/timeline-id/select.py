"""Draw the stories of eval/timeline-id from the development splits of eval/link-id, deterministically.

    .venv/bin/python eval/timeline-id/select.py

Each story is one hand-labelled story of eval/link-id's development splits (never its test split),
its real articles only (no scraper re-save, no planted copy), copied to `corpus/<split>/<story>/`
with link-id's file names. The stories are hard news with acts between named parties (a case, a
fire, a shooting, a policy and its reactions), 4 to 7 real articles each, chosen by their labels
before linimasa ran on them. Which go to **test** is drawn with a fixed seed among the stories none
of whose articles gave a sentence to any split of eval/events-id (the events stage's rules were read
from those sentences: a test story must be news the rules have never seen); the rest are dev.
Writes `stories.json` (story -> split, link-id gold file, files). Standard library only.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINK = HERE.parent / "link-id"
EVENTS = HERE.parent / "events-id"
SEED = 20261203
TEST_STORIES = 4

# (link-id gold file, story): chosen from the list of development stories with 4-7 real articles
# by their labels (acts between named parties; no match reports, launches, markets or weather).
STORIES = [
    ("gold.json", "tebet-fire"),
    ("gold.json", "calya-toll-evasion"),
    ("gold-dev2.json", "filament-antidumping"),
    ("gold-dev2.json", "zero-odol-2025"),
    ("gold-dev2.json", "bali-villa-shooting"),
    ("gold-dev3.json", "vidi-nuansa-bening-suit"),
    ("gold-dev3.json", "garuda-iphone-investigation"),
    ("gold-dev4.json", "tntn-clearing"),
    ("gold-dev5.json", "malaria-summit-bali"),
    ("gold-dev6.json", "tannur-bribery-case"),
    ("gold-dev6.json", "raja-ampat-nickel"),
]


def events_urls() -> set[str]:
    urls: set[str] = set()
    for f in sorted(EVENTS.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                urls.add(json.loads(line)["url"])
    return urls


def main() -> None:
    seen = events_urls()
    chosen: dict[str, dict[str, object]] = {}
    for gold_file, story in STORIES:
        gold = json.loads((LINK / gold_file).read_text(encoding="utf-8"))
        arts = sorted((f, a) for f, a in gold["articles"].items()
                      if a["story"] == story and a["kind"] == "real" and a["split"] != "test")
        chosen[story] = {"gold": gold_file, "link_split": arts[0][1]["split"], "files": [f for f, _ in arts],
                         "label": gold["stories"][story]["label"],
                         "unseen": not any(a["url"] in seen for _, a in arts)}
    unseen = sorted(s for s, c in chosen.items() if c["unseen"])
    test = set(random.Random(SEED).sample(unseen, TEST_STORIES))
    out = HERE / "corpus"
    shutil.rmtree(out, ignore_errors=True)
    for story, c in chosen.items():
        c["split"] = "test" if story in test else "dev"
        folder = out / str(c["split"]) / story
        folder.mkdir(parents=True)
        for f in c["files"]:  # type: ignore[union-attr]
            shutil.copyfile(LINK / "corpus" / str(c["link_split"]) / f, folder / f)
    (HERE / "stories.json").write_text(json.dumps(chosen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for story, c in sorted(chosen.items(), key=lambda kv: (str(kv[1]["split"]), kv[0])):
        print(c["split"], story, len(c["files"]))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
