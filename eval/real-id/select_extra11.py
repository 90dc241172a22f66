"""Choose the articles of the eleventh extra development set `dev-extra-11` (timexes and metadata only).

    python eval/real-id/select_extra11.py    # writes corpus/dev-extra-11/ and manifest-dev-extra-11.jsonl
                                             # (and dev-extra-11b's, see SPLIT_B)

Why a new source: the raw scrape of June 2025 is used up for dates sets (after dev-extra-10's exclusions
214 candidates were left, and the precision audits and entity sets drew on it since), and every dates set
so far was June 2025 news of the same six outlets, on which the timex rules are nearly saturated
(dev+dates10 value F1 0.96). `timex-id-indotimex-kompas` holds 50 Kompas.com economy articles of
2013-2015 (RFID fuel control, the 2014 oil-price fall) that no set of eval/real-id holds; linimasa reads
them only in `linimasa eval timex --set indotimex`, which scores the publication date it finds, never
its timexes (IndoTimex annotates only the creation time), so no timex output on them was ever read.
They differ from the scrape in era, in style (market reports with "waktu setempat", weekdays of other
time zones, months and years back to 2009) and in being clean text.

A file is written as a raw-scrape file is: the title line (`<TITLE>`), the date line as IndoTimex gives
the creation time (`<DCT>`'s text, e.g. `Jumat, 18 Oktober 2013`), then `<TEXT>` exactly as written
(stripped of its leading and trailing blank lines). Draw: every document whose `<TEXT>` is at most
`MAX_TEXT` characters (long features left out, as the dates sets cap body lengths), in the salted order
of its DOCID, the first `COUNT`. Stdlib only, deterministic.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SPLIT = "dev-extra-11"
SEED = "real-id-dev-extra-11-20261202"
SOURCE = "timex-id-indotimex-kompas/development_input"
MAX_TEXT = 2300
COUNT = 20
SPLIT_B = "dev-extra-11b"
COUNT_B = 4
"""dev-extra-11b: drawn after dev-extra-11 had been scored and its rules changed, to see the kinds of error the
longer pieces (features, analyses) hold; annotated before linimasa was run on them."""
SPLIT_C = "dev-extra-11c"
COUNT_C = 4
"""dev-extra-11c: the next four of the same order, drawn after dev-extra-11b had been scored and its rules
changed; annotated before linimasa was run on them."""
SPLIT_D = "dev-extra-11d"
COUNT_D = 4
"""dev-extra-11d: the next four, drawn after dev-extra-11c had been scored; annotated before linimasa was run on
them."""
SPLIT_E = "dev-extra-11e"
COUNT_E = 4
"""dev-extra-11e: the next four, drawn after dev-extra-11d had been scored; annotated before linimasa was run on
them."""
SPLIT_F = "dev-extra-11f"
COUNT_F = 4
"""dev-extra-11f: the next four, drawn after dev-extra-11e had been scored; annotated before linimasa was run on
them."""
SPLIT_G = "dev-extra-11g"
COUNT_G = 5
"""dev-extra-11g: the first five of the ten documents left, drawn after dev-extra-11f had been scored; annotated
before linimasa was run on them."""
SPLIT_H = "dev-extra-11h"
COUNT_H = 5
"""dev-extra-11h: the last five, drawn after dev-extra-11g had been scored and its rules changed; annotated before
linimasa was run on them."""


def read(path: Path) -> dict:
    """A TimeML document's DOCID, DCT text and value, TITLE and TEXT (IndoTimex has bare `&` and `<`
    in its text: escaped before parsing, as `linimasa.evaluate.timex.read_tml` does)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"&(?!(?:amp|lt|gt|quot|apos|#\d+);)", "&amp;", raw)
    raw = re.sub(r"<(?![A-Za-z/?!])", "&lt;", raw)
    root = ET.fromstring(raw)
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    return {
        "docid": (root.findtext("DOCID") or path.stem).strip(),
        "dct_text": "".join(dct.itertext()).strip(),
        "title": (root.findtext("TITLE") or "").strip(),
        "text": "".join(root.find("TEXT").itertext()).strip("\n"),  # type: ignore[union-attr]
    }


def main() -> int:
    chosen, longer = [], []
    for path in sorted((xs.DATA / SOURCE).glob("*.tml")):
        doc = read(path)
        (chosen if len(doc["text"]) <= MAX_TEXT else longer).append(
            {
                "id": f"kompas13-{doc['docid']}",
                "url": f"urn:indotimex:{doc['docid']}",
                "outlet": "kompas.com",
                "topic": "economy",
                "language": "id",
                "source": f"{SOURCE}/{path.name}",
                "text": f"{doc['title']}\n{doc['dct_text']}\n{doc['text']}\n",
            }
        )
    ordered = sorted(chosen, key=lambda c: xs.salted(SEED, c["url"]))
    chosen = ordered[:COUNT]
    earlier = [p.relative_to(xs.GOLD).as_posix() for p in xs.GOLD.glob("**/manifest*.jsonl")]
    splits = (SPLIT, SPLIT_B, SPLIT_C, SPLIT_D, SPLIT_E, SPLIT_F, SPLIT_G, SPLIT_H)
    own = tuple(f"manifest-{split}.jsonl" for split in splits)
    used = xs.used_urls(m for m in earlier if m not in own) | xs.link_id_urls()
    assert not used & {c["url"] for c in chosen}  # no IndoTimex text is in any earlier set
    xs.write_set(chosen, SPLIT, f"corpus/{SPLIT}", f"manifest-{SPLIT}.jsonl")
    # part B: the first `COUNT_B` of every other document (the longer ones among them), same salted order
    rest = sorted(ordered[COUNT:] + longer, key=lambda c: xs.salted(SEED, c["url"]))
    assert not used & {c["url"] for c in rest}
    xs.write_set(rest[:COUNT_B], SPLIT_B, f"corpus/{SPLIT_B}", f"manifest-{SPLIT_B}.jsonl")
    xs.write_set(rest[COUNT_B : COUNT_B + COUNT_C], SPLIT_C, f"corpus/{SPLIT_C}", f"manifest-{SPLIT_C}.jsonl")
    d0 = COUNT_B + COUNT_C
    xs.write_set(rest[d0 : d0 + COUNT_D], SPLIT_D, f"corpus/{SPLIT_D}", f"manifest-{SPLIT_D}.jsonl")
    e0 = d0 + COUNT_D
    xs.write_set(rest[e0 : e0 + COUNT_E], SPLIT_E, f"corpus/{SPLIT_E}", f"manifest-{SPLIT_E}.jsonl")
    f0 = e0 + COUNT_E
    xs.write_set(rest[f0 : f0 + COUNT_F], SPLIT_F, f"corpus/{SPLIT_F}", f"manifest-{SPLIT_F}.jsonl")
    g0 = f0 + COUNT_F
    xs.write_set(rest[g0 : g0 + COUNT_G], SPLIT_G, f"corpus/{SPLIT_G}", f"manifest-{SPLIT_G}.jsonl")
    h0 = g0 + COUNT_G
    assert len(rest) == h0 + COUNT_H  # the last ten IndoTimex documents: none left undrawn
    xs.write_set(rest[h0 : h0 + COUNT_H], SPLIT_H, f"corpus/{SPLIT_H}", f"manifest-{SPLIT_H}.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
