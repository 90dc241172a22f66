"""A language's temporal vocabulary and tagging rules, compiled from its `timex.yaml` resource.

The code knows only placeholders ({MONTH}, {NUM}, ...) and rule kinds; every word and every
pattern is data, so a new language is a new resource folder (as with HeidelTime's resources).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linimasa import resources
from linimasa.timex import prefilter

# Placeholders that become a named group (the normaliser reads the word) ...
_GROUPED = {
    "MONTH": ("month", "months"),
    "WEEKDAY": ("weekday", "weekdays"),
    "TZ": ("tz", "time_zones"),
    "ANAPHORIC": ("ana", "anaphoric"),
    "DAYREL": ("dayrel", "day_relative"),
    "SETADV": ("setadv", "set_adverbs"),
    "REF": ("ref", "references"),
    "SEASON": ("season", "seasons"),
    "HOLIDAY": ("holiday", "holidays"),
}
# ... and placeholders that are a bare alternation (the rule names the group itself).
_BARE = {
    "UNIT": "units",
    "REL": "relative",
    "DIR": "directions",
    "CUNIT": "compound_units",
    "DAYPART": "day_parts",
    "ORD": "ordinals",
    "SETW": "set_words",
    "MONTHWORD": "months",
}


# Every placeholder a rule may use.
PLACEHOLDERS = frozenset(_GROUPED) | frozenset(_BARE) | {"NUM"}


def _alternation(words: list[str]) -> str:
    """Longest first, so that "dua belas" wins over "dua"; spaces match any run of white space.

    The words are grouped by their first letter ("a(?:pril|gustus|…)|j(?:anuari|uni|…)"): the regex
    engine tries the alternatives of an alternation one by one at every position of the text, so a
    flat list of sixty holiday names costs sixty tries per character; grouped, one test of the first
    letter rules out all but a few. Only words with one first letter can match at one position and
    their order is kept, so the matches are the same."""
    uniq = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    groups: dict[str, list[str]] = {}
    for w in uniq:
        groups.setdefault(w[0], []).append(w[1:])

    def esc(s: str) -> str:
        return re.escape(s).replace(r"\ ", r"\s+")

    parts = []
    for first, rests in groups.items():
        alts = [esc(r) for r in rests]
        parts.append(esc(first) + (alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"))
    return "|".join(parts)


RULE_FLAGS = int(re.IGNORECASE | re.UNICODE)
"""The flags of every rule's pattern (as `re.Pattern.flags` reports them: str patterns add UNICODE)."""

_SPACES = re.compile(r"\s+")
"""`Lexicon.key`'s runs of white space, compiled once (`re.sub` looks its pattern up on every call)."""


@dataclass(frozen=True)
class Rule:
    """One tagging rule. Its regular expression is compiled on first use: the tagger's prefilter
    reads only the pattern text (`prefilter.may_match_pattern`), and a short run whose articles lack
    every word a rule needs never pays for compiling it (most of a language's rules, ~30 ms)."""

    name: str
    kind: str
    pattern: str
    capitalised: tuple[str, ...] = ()
    preceded_by: re.Pattern[str] | None = None
    not_preceded_by: re.Pattern[str] | None = None
    value: str | None = None  # a reference rule's fixed value, where its words are no `references` entry

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, RULE_FLAGS)


@dataclass
class Lexicon:
    """Everything one language contributes to tagging and normalising temporal expressions."""

    lang: str
    numeric_order: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, Any]
    multipliers: dict[str, int]
    teens: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    compound_units: dict[str, list[Any]]
    relative: dict[str, int]
    anaphoric_relative: frozenset[str]  # relative words that count from the time being told ("sebelumnya")
    directions: dict[str, int]
    anaphoric: dict[str, int]
    day_relative: dict[str, list[Any]]
    day_parts: dict[str, str]
    seasons: dict[str, str]
    holidays: dict[str, Any]  # "MM-DD", "MM-DD W", "easter+N" or {year: "MM-DD"} (tagger.holiday_date)
    time_zones: dict[str, str]
    references: dict[str, str]
    set_words: list[str]
    set_adverbs: dict[str, str]
    prefix_mods: dict[str, str]
    past: frozenset[str]
    future: frozenset[str]
    past_suffixes: tuple[str, ...]
    not_past_before_suffixed: frozenset[str]  # "could be affected": a participle after these is no past cue
    range_words: frozenset[str]  # words that join the two ends of a range ("to", "hingga")
    range_end_words: frozenset[str]  # words before the end of a stretch ("until", "hingga")
    report_cues: frozenset[str]
    since_cues: frozenset[str]
    caption_cues: tuple[str, ...]  # photo credits that mark a caption line ("AP Photo/"), case as written
    function_words: frozenset[str]
    rules: list[Rule] = field(default_factory=list)
    sentence_anaphoric_relative: frozenset[str] = frozenset()  # ... only from a time told in their sentence
    habitual: frozenset[str] = frozenset()  # "biasanya", "usually": a part of the day in their sentence is any day's
    advice: frozenset[str] = frozenset()  # "sebaiknya": advice, any day's where the story told no day
    comparison_words: frozenset[str] = frozenset()  # "from", "than": "a year earlier" after them is a compared period
    since_comparisons: frozenset[str] = frozenset()  # "tertinggi sejak Mei 2023": that since-date is no story time
    general_holidays: tuple[str, ...] = ()  # "libur nasional": holidays in general, closing a list of weekdays
    holiday_countdown: re.Pattern[str] | None = None  # "H-10": a day counted from the holiday the text names
    hours_after: re.Pattern[str] | None = None  # ": Pukul 15.00" after a range of weekdays: opening hours
    comparison_cues: frozenset[str] = frozenset()  # "dibandingkan April": a month compared against, no story time
    event_relators: frozenset[str] = frozenset()  # "before", "sebelum": "the day before <an event>"
    generic_present: frozenset[str] = frozenset()  # "today" that may mean these days (PRESENT_REF)
    dated_today_cues: frozenset[str] = frozenset()  # words beside such a word that make it the day
    # "the youth of today": a word before such a word that makes it these days whatever the tense, and
    # the words before that word that keep it the day ("as of today", "the end of today")
    generic_today_before: frozenset[str] = frozenset()
    dated_before_generic: frozenset[str] = frozenset()
    # words a few words before such a word that make it the writer's day ("as I write this today")
    dated_today_nearby: frozenset[str] = frozenset()
    progressive_endings: tuple[str, ...] = ()  # "-ing": "demonstrating today" is the day's doing
    not_progressive: frozenset[str] = frozenset()  # words with such an ending that are no verb ("thing")
    untensed_phrases: frozenset[str] = frozenset()  # "jatuh pada": a listed tense word that says no tense there
    coming_month_cues: frozenset[str] = frozenset()  # "pengiriman Januari": the month after them is a coming one
    untensed_month_cues: frozenset[str] = frozenset()  # "setelah Desember": no tense for the month after them
    prefix_regex: re.Pattern[str] | None = None

    @staticmethod
    def key(word: str) -> str:
        """The form under which a matched word is looked up: lower case, single spaces, no dot."""
        return _SPACES.sub(" ", word.strip().lower()).rstrip(".")

    def number(self, word: str) -> Any:
        k = self.key(word)
        if re.fullmatch(r"\d+", k):
            return int(k)
        if re.fullmatch(r"\d+[.,]\d+", k):
            whole, frac = re.split(r"[.,]", k)
            # "1.000" is a thousand in Indonesian, "1,5" one and a half; three digits after the mark
            # is a thousands separator in both languages.
            return int(whole + frac) if len(frac) == 3 else float(f"{whole}.{frac}")
        if k in self.numbers:
            return self.numbers[k]
        return self._composed(k)

    def _composed(self, k: str) -> Any:
        """A number written in several words: "dua puluh lima" (25), "seratus dua puluh", "twenty-five"."""
        total, current = 0, 0
        for token in re.split(r"[\s-]+", k):
            if token in self.multipliers:
                mult = self.multipliers[token]
                if mult >= 1000:
                    total, current = (total + (current or 1)) * mult, 0
                else:
                    total, current = total + (current or 1) * mult, 0
            elif token in self.teens:
                current += 10
            elif isinstance(self.numbers.get(token), int | float):
                value = self.numbers[token]
                if value >= 100:
                    total += value
                else:
                    current += value
            else:
                return self.numbers.get(token) if token in self.numbers else None  # "beberapa": vague
        return total + current


def _placeholders(data: dict[str, Any]) -> dict[str, str]:
    subs: dict[str, str] = {}
    for ph, (group, key) in _GROUPED.items():
        subs[ph] = f"(?P<{group}>{_alternation(list(data.get(key) or []))})"
    for ph, key in _BARE.items():
        subs[ph] = f"(?:{_alternation(list(data.get(key) or []))})"
    subs["NUM"] = number_pattern(
        [str(k) for k in (data.get("numbers") or {})],
        [str(k) for k in (data.get("multipliers") or {})] + [str(w) for w in data.get("teens") or []],
    )
    return subs


MAX_NUMBER_GROUPS = 8
"""How many multiplier groups a number written in words may have: "dua ratus | lima puluh | tiga ribu |
empat ratus | dua puluh satu" has five. A bound keeps a run of number words ("dua puluh puluh puluh …")
from costing more than a few tokens' work at each of its words."""


def number_pattern(numbers: list[str], joiners: list[str]) -> str:
    """The {NUM} placeholder: digits, or number words joined by a hyphen ("twenty-five") or through a
    multiplier ("dua puluh lima"), never side by side ("a four-week" is not 5).

    The pattern matches the same phrases as `single ((sep joiner)+ (sep single)?)*` but gives each
    phrase exactly one parse, so that a backtracking engine tries each possible end once instead of
    every way of splitting a run of words (exponential in the run's length): a number word that is
    itself a number word plus joiners ("dua belas", "dua puluh", "a hundred") is left to the
    composition, every joiner opens one group, and the groups are at most `MAX_NUMBER_GROUPS`.
    The normaliser reads the matched text, where "dua belas" is still looked up as one word."""
    joined = _alternation(joiners)
    if not joined:
        single = f"(?:{_alternation(numbers)})(?:-(?:{_alternation(numbers)}))?"
        return rf"(?:\d+(?:[.,]\d+)?|{single})"
    kept = sorted({w.lower() for w in numbers})
    for w in sorted(kept, key=len):
        if not re.search(r"\s", w):
            continue
        others = [x for x in kept if x != w]
        single = f"(?:{_alternation(others)})(?:-(?:{_alternation(others)}))?"
        composed = f"{single}(?:[\\s-]+(?:{joined})(?:[\\s-]+{single})?)+"
        if re.fullmatch(composed, w, re.IGNORECASE):
            kept = others  # "dua belas" is "dua" + "belas": one parse, not two
    nums = _alternation(kept)
    single = f"(?:{nums})(?:-(?:{nums}))?"
    word = f"{single}(?:[\\s-]+(?:{joined})(?:[\\s-]+{single})?){{0,{MAX_NUMBER_GROUPS}}}"
    return rf"(?:\d+(?:[.,]\d+)?|{word})"


def _rule_pattern(spec: dict[str, Any], subs: dict[str, str]) -> str:
    """A rule's whole pattern, its placeholders filled in."""
    pattern = re.sub(r"\{([A-Z]+)\}", lambda m: subs[m.group(1)], spec["pattern"])
    # word boundaries that also keep "sehari" out of "sehari-hari"; a month after the hyphen ends a
    # range ("July 27-August 7", "July-August 2022"), it is no compound word
    month = subs.get("MONTHWORD") or "(?!)"
    # a rule for words the scraper glued to the word before them ("Suryonugrohohari ini", "dunia2025")
    # opens its own look-behind instead (`glued_before: true`)
    start = "" if spec.get("glued_before") else r"(?<!\w)"
    return rf"{start}(?:{pattern})(?!\w|-(?!{month}(?!\w))[^\W\d])"


def _compile_rule(spec: dict[str, Any], pattern: str) -> Rule:
    preceded = spec.get("preceded_by")
    not_preceded = spec.get("not_preceded_by")
    return Rule(
        name=spec["name"],
        kind=spec["kind"],
        pattern=pattern,
        capitalised=tuple(spec.get("capitalised") or ()),
        preceded_by=re.compile(preceded, re.IGNORECASE) if preceded else None,
        not_preceded_by=re.compile(not_preceded, re.IGNORECASE) if not_preceded else None,
        value=str(spec["value"]) if spec.get("value") else None,
    )


def _rule_patterns(lang: str, data: dict[str, Any]) -> list[str]:
    """Each rule's pattern, with what the prefilter reads from it handed to `prefilter.seed`; both
    read back from the user's cache (`linimasa.resources.cached`, keyed by the language's timex.yaml
    and this module and the prefilter's) when an earlier process built them: filling in the number
    words' pattern and parsing every rule's pattern cost about 60 ms of a run's start."""
    specs = data.get("rules") or []

    def build() -> tuple[list[str], dict[tuple[str, int], prefilter.Analysis]]:
        subs = _placeholders(data)
        patterns = [_rule_pattern(spec, subs) for spec in specs]
        return patterns, {(p, RULE_FLAGS): prefilter.analyse(p, RULE_FLAGS) for p in patterns}

    sources = [resources.path(lang, "timex.yaml"), Path(__file__), Path(prefilter.__file__ or "")]
    patterns, analysis = resources.cached(f"timex-{lang}", sources, build)
    if len(patterns) != len(specs):  # cannot be (the key covers timex.yaml), but never misalign rules
        patterns, analysis = build()
    prefilter.seed(analysis)
    return patterns


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of a language; FileNotFoundError when it has no timex resource."""
    data: dict[str, Any] = resources.load(lang, "timex")

    def lowered(key: str) -> dict[str, Any]:
        return {Lexicon.key(str(k)): v for k, v in (data.get(key) or {}).items()}

    tense = data.get("tense") or {}
    patterns = _rule_patterns(lang, data)
    lex = Lexicon(
        lang=lang,
        numeric_order=str(data.get("numeric_order", "dmy")),
        months=lowered("months"),
        weekdays=lowered("weekdays"),
        numbers=lowered("numbers"),
        multipliers={Lexicon.key(str(k)): int(v) for k, v in (data.get("multipliers") or {}).items()},
        teens=frozenset(Lexicon.key(str(w)) for w in data.get("teens") or []),
        ordinals=lowered("ordinals"),
        units=lowered("units"),
        compound_units=lowered("compound_units"),
        relative=lowered("relative"),
        anaphoric_relative=frozenset(Lexicon.key(str(w)) for w in data.get("anaphoric_relative") or []),
        sentence_anaphoric_relative=frozenset(
            Lexicon.key(str(w)) for w in data.get("sentence_anaphoric_relative") or []
        ),
        directions=lowered("directions"),
        anaphoric=lowered("anaphoric"),
        day_relative=lowered("day_relative"),
        day_parts=lowered("day_parts"),
        seasons=lowered("seasons"),
        holidays=lowered("holidays"),
        time_zones=lowered("time_zones"),
        references=lowered("references"),
        set_words=[Lexicon.key(str(w)) for w in data.get("set_words") or []],
        set_adverbs=lowered("set_adverbs"),
        prefix_mods=lowered("prefix_mods"),
        past=frozenset(Lexicon.key(str(w)) for w in tense.get("past") or []),
        future=frozenset(Lexicon.key(str(w)) for w in tense.get("future") or []),
        past_suffixes=tuple(str(x) for x in data.get("past_suffixes") or ()),
        not_past_before_suffixed=frozenset(Lexicon.key(str(w)) for w in data.get("not_past_before_suffixed") or []),
        range_words=frozenset(Lexicon.key(str(w)) for w in data.get("range_words") or []),
        range_end_words=frozenset(Lexicon.key(str(w)) for w in data.get("range_end_words") or []),
        comparison_words=frozenset(Lexicon.key(str(w)) for w in data.get("comparison_words") or []),
        report_cues=frozenset(Lexicon.key(str(w)) for w in data.get("report_cues") or []),
        since_cues=frozenset(Lexicon.key(str(w)) for w in data.get("since_cues") or []),
        event_relators=frozenset(Lexicon.key(str(w)) for w in data.get("event_relators") or []),
        caption_cues=tuple(str(w) for w in data.get("caption_cues") or ()),
        function_words=frozenset(Lexicon.key(str(w)) for w in data.get("function_words") or []),
        rules=[_compile_rule(r, p) for r, p in zip(data.get("rules") or [], patterns, strict=True)],
        habitual=frozenset(Lexicon.key(str(w)) for w in data.get("habitual") or []),
        advice=frozenset(Lexicon.key(str(w)) for w in data.get("advice") or []),
        since_comparisons=frozenset(Lexicon.key(str(w)) for w in data.get("since_comparisons") or []),
        general_holidays=tuple(str(w).lower() for w in data.get("general_holidays") or ()),
        holiday_countdown=re.compile(str(data["holiday_countdown"])) if data.get("holiday_countdown") else None,
        hours_after=re.compile(str(data["hours_after"]), re.IGNORECASE) if data.get("hours_after") else None,
        comparison_cues=frozenset(Lexicon.key(str(w)) for w in data.get("comparison_cues") or []),
        generic_present=frozenset(Lexicon.key(str(w)) for w in data.get("generic_present") or []),
        dated_today_cues=frozenset(Lexicon.key(str(w)) for w in data.get("dated_today_cues") or []),
        generic_today_before=frozenset(Lexicon.key(str(w)) for w in data.get("generic_today_before") or []),
        dated_before_generic=frozenset(Lexicon.key(str(w)) for w in data.get("dated_before_generic") or []),
        dated_today_nearby=frozenset(Lexicon.key(str(w)) for w in data.get("dated_today_nearby") or []),
        progressive_endings=tuple(str(x) for x in data.get("progressive_endings") or ()),
        not_progressive=frozenset(Lexicon.key(str(w)) for w in data.get("not_progressive") or []),
        untensed_phrases=frozenset(Lexicon.key(str(w)) for w in data.get("untensed_phrases") or []),
        coming_month_cues=frozenset(Lexicon.key(str(w)) for w in data.get("coming_month_cues") or []),
        untensed_month_cues=frozenset(Lexicon.key(str(w)) for w in data.get("untensed_month_cues") or []),
    )
    if lex.prefix_mods:
        lex.prefix_regex = re.compile(
            rf"(?:^|(?<=\W))({_alternation(list(lex.prefix_mods))})(?:\s*-\s*|\s+)$", re.IGNORECASE
        )
    return lex


def available_languages() -> list[str]:
    """Languages with a timex resource (a new list each call; the folder is read once per resource
    root: the timex stage asks for every article, and listing the folder cost more than tagging)."""
    return list(_available_languages(resources.ROOT))


@functools.lru_cache(maxsize=4)
def _available_languages(root: Any) -> tuple[str, ...]:
    del root  # the key: tests point `resources.ROOT` at a copy with another language in it
    return tuple(lang for lang in resources.languages() if resources.path(lang, "timex.yaml").exists())
