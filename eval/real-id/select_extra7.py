"""Choose the articles of the seventh extra development set `dev-extra-7` (timexes and metadata only).

    python eval/real-id/select_extra7.py     # writes corpus/dev-extra-7/ and manifest-dev-extra-7.jsonl

Why: the date rules are now developed on dev and the six earlier dates sets pooled (`--set dev+dates6`),
so none of them says any longer how the rules do on unseen news. `dev-extra-7` is the next fresh
held-out set, measured once on the unchanged rules before any rule is changed on it. Same sources read
the same way (`select.py` `csv_candidates`, `html_to_text`), in no manifest of eval/real-id (dev, test,
the six earlier dates sets and the seven entity sets; checked by URL). New here: a candidate must be
rich in dates, i.e. its text after the title and date lines names a weekday, month, clock time or
deictic day word at least `MIN_DATE_WORDS` times (`DATE_WORD`, a test on the article's own words,
never on anything linimasa outputs), so that a small set still holds many temporal expressions.
Short bodies (at most 1,000 characters; kompas 2,200 as in dev-extra-5 and -6, detik 1,200 as in
dev-extra-6) so that the Indonesian articles fit one annotation session; per outlet, the first
candidates in the order of a hash salted differently from every earlier set, one per topic before a
second of any topic; republika none (long repeated pages). Plus three `html-fundus-parser-tests`
English pages that no set has used, from outlets no set had used (Financial Post 2026, The Intercept
2023, Business Insider 2025).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extra_sets as xs  # eval/real-id/extra_sets.py, found through the path set above

SEED = "real-id-dev-extra-7-20261202"
PER_OUTLET = {"detik.com": 4, "kompas.com": 3, "liputan6.com": 4, "okezone.com": 4, "tempo.co": 2, "republika.co.id": 0}
MAX_BODY = {"kompas.com": 2200, "detik.com": 1200}
DEFAULT_MAX = 1000
ENGLISH = [
    ("ca/FinancialPost_2026_06_06.html.gz", "economy"),
    ("us/TheIntercept_2023_04_28.html.gz", "politics"),
    ("us/BusinessInsider_2025_04_01.html.gz", "other"),
]
MANIFESTS = (
    "manifest.jsonl",
    "manifest-dev-extra.jsonl",
    "manifest-dev-extra-2.jsonl",
    "manifest-dev-extra-3.jsonl",
    "manifest-dev-extra-4.jsonl",
    "manifest-dev-extra-5.jsonl",
    "manifest-dev-extra-6.jsonl",
    "dev-extra-entities/manifest.jsonl",
    "dev-extra-entities-2/manifest.jsonl",
    "dev-extra-entities-3/manifest.jsonl",
    "dev-extra-entities-4/manifest.jsonl",
    "dev-extra-entities-5/manifest.jsonl",
    "dev-extra-entities-6/manifest.jsonl",
    "dev-extra-entities-7/manifest.jsonl",
)
DATE_WORD = re.compile(
    r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus"
    r"|September|Oktober|November|Desember|pukul|kemarin|besok|lusa|hari ini|pekan (?:lalu|depan)"
    r"|bulan (?:lalu|depan)|tahun (?:lalu|depan)|\d{1,2}/\d{1,2}/\d{4})\b",
    re.IGNORECASE,
)
MIN_DATE_WORDS = 2


def date_rich(cand: dict) -> bool:
    """At least MIN_DATE_WORDS date words in the text after the title and date lines."""
    body = "\n".join(cand["text"].split("\n")[2:])
    return len(DATE_WORD.findall(body)) >= MIN_DATE_WORDS


def main() -> int:
    return xs.draw_dates_set("dev-extra-7", SEED, PER_OUTLET, MAX_BODY, DEFAULT_MAX, ENGLISH, MANIFESTS, date_rich)


if __name__ == "__main__":
    raise SystemExit(main())
