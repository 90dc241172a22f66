"""Find temporal expressions in text and normalise them to TimeML values.

Two steps, as in HeidelTime: the rules of the language's lexicon find candidate spans (longest
wins where they overlap); each span is then normalised by its rule kind, against the document
creation time (DCT) for relative expressions, against the last date the text mentioned for
anaphoric ones ("keesokan harinya"), and with the sentence's tense for underspecified ones ("Rabu"
alone). Dates written with their weekday are checked against the calendar.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from linimasa.model import Span, Timex
from linimasa.text.cache import TextCache
from linimasa.text.sentences import sentence_bounds
from linimasa.text.spans import DisjointSpans, WordIndex
from linimasa.text.tokens import WORD as _WORD
from linimasa.timex.lexicon import RULE_FLAGS, Lexicon, Rule, lexicon
from linimasa.timex.prefilter import Lowered, finditer, may_match_pattern

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
UNIT_CODES = {"Y": "Y", "M": "M", "W": "W", "D": "D", "DE": "DE", "CE": "CE", "Q": "Q"}
TIME_UNIT_CODES = {"H": "H", "MIN": "M", "S": "S"}
PART_MODS = frozenset({"START", "MID", "END"})
QUANTITY_MODS = frozenset({"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})


@dataclass
class Match:
    """A rule's match: the span of the timex and the words its named groups caught."""

    rule: Rule
    start: int
    end: int
    groups: dict[str, str] = field(default_factory=dict)


@dataclass
class Found:
    """A normalised timex plus what the article stage needs to judge it as a publication date."""

    timex: Timex
    explicit_year: bool = False
    has_weekday: bool = False
    needs_anchor: bool = False
    day_end: bool = False  # a clock that ends the day it is placed on ("midnight Friday": Saturday 00:00)
    year_named: bool = False  # a day whose year the text names ("August 8, 2021", "August 8 next year")
    compared: bool = False  # a period named as the one a year before the period told ("the year-ago quarter")


def _on_day(clock: Found, day: dt.date) -> None:
    """Put a clock time on `day` (midnight, which ends it, on the next day's 00:00, as TE3's T24)."""
    tx = clock.timex
    if clock.day_end:
        day += dt.timedelta(days=1)
    tx.value = day.isoformat() + tx.value[tx.value.index("T"):]


def _capital_ok(m: re.Match[str], rule: Rule) -> bool:
    for g in rule.capitalised:
        text = m.group(g) if g in m.re.groupindex else None
        # the first letter ("1 Muharram": its month name, not the digit)
        first = next((c for c in text if c.isalpha()), "") if text else ""
        if text and not first.isupper():
            return False
    return True


def find(text: str, lex: Lexicon) -> list[Match]:
    """Candidate spans of all rules, overlaps resolved in favour of the longest (then the first rule)."""
    cands: list[tuple[int, int, int, Match]] = []
    low = Lowered(text)
    for order, rule in enumerate(lex.rules):
        if not may_match_pattern(rule.pattern, RULE_FLAGS, low):  # before compiling it (`Rule.regex`)
            continue  # a word every match needs is not in the text (see `linimasa.timex.prefilter`)
        for m in finditer(rule.regex, text, low):
            if not _capital_ok(m, rule):
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            if rule.preceded_by and not rule.preceded_by.search(before):
                continue
            if rule.not_preceded_by and rule.not_preceded_by.search(before):
                continue
            start, end = m.span("t") if "t" in rule.regex.groupindex and m.group("t") else m.span()
            if end <= start:
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            cands.append((-(end - start), start, order, Match(rule, start, end, groups)))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    taken: list[Match] = []
    held: DisjointSpans[Match] = DisjointSpans()
    for _, _, _, match in cands:
        if not held.overlaps(match.start, match.end):
            taken.append(match)
            held.add(match.start, match.end, match)
    return sorted(taken, key=lambda mt: mt.start)


# ------------------------------------------------------------------------------------------------
# Calendar helpers


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_months(d, 12 * n)
    if unit == "DE":
        return add_months(d, 120 * n)
    if unit == "CE":
        return add_months(d, 1200 * n)
    return d


def value_at(d: dt.date, unit: str) -> str:
    """The TimeML value of the `unit`-sized period that contains `d`."""
    if unit == "D":
        return d.isoformat()
    if unit == "W":
        return week_value(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}X"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


_UNKNOWN = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX", "DE": "XXXX", "CE": "XX"}


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_day(value: str | None) -> dt.date | None:
    m = DAY.match(value or "")
    return safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


# ------------------------------------------------------------------------------------------------
# Context: the sentence around a match and its tense


def _tense_class(word: str, lex: Lexicon) -> tuple[int, bool]:
    """(listed tense of a lower-case word, whether it counts for its past-tense ending)."""
    t = -1 if word in lex.past else 1 if word in lex.future else 0
    suffixed = (not t and bool(lex.past_suffixes) and len(word) > 4 and word.endswith(lex.past_suffixes)
                and "-" not in word)
    return t, suffixed


def _closes_period(prev: str, word: str, lex: Lexicon) -> bool:
    """Whether `word` (a past tense word) ends the name of a period after `prev`: a unit ("tahun
    lalu") or a listed reference ("musim lalu")."""
    return prev in lex.units or f"{prev} {word}" in lex.references


class _TenseWords:
    """The words of one text that speak of a tense for one lexicon, indexed by offset (see `tense_of`)."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.lex = lex
        self.words = WordIndex(_WORD, text)
        self.listed: list[int] = []  # indices of words in lex.past / lex.future
        self.suffixed: list[int] = []  # indices of other words with a past-tense ending
        self.weak: set[int] = set()  # offsets of past words that end a period's name (see below)
        # `_tense_class` of each word written out, each word lower-cased once: most words of a text
        # have no tense and no past-tense ending, and the loop only looks at them
        lows = list(map(str.lower, self.words.words))
        past, future, endings, untensed = lex.past, lex.future, lex.past_suffixes, lex.untensed_phrases
        for k, low in enumerate(lows):
            t = -1 if low in past else 1 if low in future else 0
            if not t:
                # (not a hyphenated compound adjective: "Fianna Fáil-led coalition", "state-owned")
                if (endings and len(low) > 4 and low.endswith(endings) and "-" not in low
                        and not (k and lows[k - 1] in lex.not_past_before_suffixed)):
                    self.suffixed.append(k)
                continue
            if k + 1 < len(lows) and f"{low} {lows[k + 1]}" in untensed:
                continue  # "yang jatuh pada hari Minggu": the day an event falls on, no past ("jatuh")
            if t < 0 and k and lows[k - 1] in lex.not_past_before_suffixed:
                # a listed participle in a passive ("Results will be announced Saturday", "is told"):
                # no past cue, as a suffixed one is not ("could be affected")
                continue
            if k and f"{lows[k - 1]} {low}" in untensed:
                continue  # "di depan Presiden": in front of, no future ("depan" of "pekan depan")
            if t < 0 and k and _closes_period(lows[k - 1], low, lex):
                # "musim lalu", "tahun lalu" name a past period; they do not put the clause in the past
                # ("Pada 4 Agustus, juara musim lalu itu akan menghadapi ..."): a listed word decides first
                self.suffixed.append(k)
                self.weak.add(self.words.starts[k])
            else:
                self.listed.append(k)

    def candidates(self, s0: int, s1: int, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, word) of the words of text[s0:s1] that may be the nearest tense word of the
        expression at [start, end): per class, the nearest whole word before it, the one around its
        start, the nearest after it; and every piece of a word cut by s0 or s1."""
        head, inside, tail = self.words.between(s0, s1)
        out = [(m.start(), m.end(), m.group()) for m in (*head, *tail)]
        if not inside:
            return out
        starts, ends, words = self.words.starts, self.words.ends, self.words.words
        lo, hi = inside.start, inside.stop
        before = min(bisect.bisect_right(ends, start), hi)  # words lo..before-1 end at or before `start`
        after = max(bisect.bisect_left(starts, end), lo)  # words after..hi-1 start at or after `end`
        picked: set[int] = set()
        for index in (self.listed, self.suffixed):
            k = bisect.bisect_left(index, before) - 1
            if k >= 0 and index[k] >= lo:
                picked.add(index[k])
            k = bisect.bisect_left(index, after)
            if k < len(index) and index[k] < hi:
                picked.add(index[k])
        around = bisect.bisect_left(starts, start) - 1  # the last word starting before `start`
        if lo <= around < hi and ends[around] > start:
            picked.add(around)
        out += [(starts[k], ends[k], words[k]) for k in picked]
        out.sort()
        return out


_TENSE_CACHE = TextCache(4_000_000)


def _tense_words(text: str, lex: Lexicon) -> _TenseWords:
    found: _TenseWords | None = _TENSE_CACHE.get(text, id(lex))
    if found is None or found.lex is not lex:
        found = _TenseWords(text, lex)
        _TENSE_CACHE.put(text, id(lex), found)
    return found


def tense_of(
    text: str, start: int, end: int, lex: Lexicon, before_only: bool = False, sentences: list[Span] | None = None,
    bounds: tuple[int, int] | None = None,
) -> int:
    """-1 when the nearest tense word in the sentence speaks of the past, +1 of the future, 0 unknown.

    Listed words ("telah", "akan", "will") decide; a past-tense ending ("-ed") only where none is listed.
    `before_only` reads only the words before the expression (what governs it in Indonesian and English).
    `sentences` are the text's sentences when the caller has them (`Article.sentences`); `bounds`, when
    given, is the stretch to read instead of the sentence (a quotation).

    The words of the text are indexed once per text, so that asking for every expression of a long
    sentence costs a binary search each, not a scan of the sentence each."""
    s0, s1 = bounds or sentence_bounds(text, start, sentences)
    if before_only:
        s1 = start
    listed: tuple[int, int] | None = None
    suffixed: tuple[int, int] | None = None
    words = _tense_words(text, lex)
    for w_start, w_end, w in words.candidates(s0, s1, start, end):
        if start <= w_start < end:
            continue
        word = w.lower()
        dist = start - w_end if w_end <= start else w_start - end
        t, has_suffix = (0, True) if w_start in words.weak else _tense_class(word, lex)
        if t and (listed is None or dist < listed[0]):
            listed = (dist, t)
        elif has_suffix and (suffixed is None or dist < suffixed[0]):
            suffixed = (dist, -1)
    best = listed or suffixed
    return best[1] if best else 0


def closest(candidates: list[dt.date], anchor: dt.date, tense: int, slack: int) -> dt.date:
    """The candidate nearest to the anchor, pushed to the side the tense says (beyond `slack` days)."""

    def cost(d: dt.date) -> int:
        diff = (d - anchor).days
        wrong_side = (tense < 0 and diff > slack) or (tense > 0 and diff < -slack)
        return abs(diff) + (400 if wrong_side else 0)

    return min(candidates, key=cost)


# ------------------------------------------------------------------------------------------------
# Normalisation


@dataclass
class Context:
    text: str
    lex: Lexicon
    dct: dt.date | None
    dct_source: str = "dct"
    reference: dt.date | None = None  # the last day-precise date mentioned so far
    reference_start: int = -1  # where the expression that named `reference` starts
    reference_end: int = -1  # where the expression that named `reference` ends
    reference_said: bool = False  # whether `reference` dates a statement ("kata Gus Ipul, Rabu (18/6/2025)")
    reference_written: bool = False  # whether `reference` was written as a date ("Minggu (15/6/2025)", not "kemarin")
    point: tuple[dt.date, str] | None = None  # the last period named so far (its first day, "Y"/"M"/"D")
    point_end: int = -1  # where the expression that named `point` ends
    point_written: bool = False  # whether that expression wrote its year ("June 29 2021", "Juli 2021")
    sentences: list[Span] | None = None  # the text's sentences, when the caller has them
    set_weekdays: set[int] = field(default_factory=set)  # weekdays the text made recurring ("setiap Rabu")
    written_weekdays: dict[int, set[dt.date]] = field(default_factory=dict)  # days written with their weekday
    period: str | None = None  # the last quarter, half or month told ("2023-Q1"), for "the same period of 2022"
    period_end: int = -1  # where the expression that named `period` ends
    quarter: str | None = None  # the last quarter or half told ("2023-Q1"), months told since or not
    quarter_end: int = -1  # where the expression that named `quarter` ends


def _unit(lex: Lexicon, groups: dict[str, str]) -> tuple[Any, str] | None:
    """(number, unit code) from num+unit or a compound word ("setahun")."""
    if "cunit" in groups:
        n, u = lex.compound_units.get(lex.key(groups["cunit"]), [None, None])
        return (n, str(u)) if u else None
    if "age" in groups and "unit" not in groups:  # "aged 55", "the age of 18": an age, in years
        return lex.number(groups["num"]), "Y"
    unit = lex.units.get(lex.key(groups.get("unit", "")))
    if not unit:
        return None
    num = lex.number(groups["num"]) if "num" in groups else 1
    if "half" in groups and isinstance(num, int | float):
        num += 0.5  # "empat setengah bulan"
    return num, str(unit)


def _norm_unit(n: Any, unit: str) -> tuple[Any, str]:
    if unit == "WINDU":
        return (8 * n if isinstance(n, int | float) else n), "Y"
    if unit == "FORTNIGHT":
        return (2 * n if isinstance(n, int | float) else n), "W"
    return n, unit


def duration_value(n: Any, unit: str, written_decimal: bool = False) -> str:
    """The TimeML value of a length; decades and centuries keep their own units ("a decade" P1DE, "tiga
    abad" P3CE), as the eval/real-id guideline writes them for both languages (TempEval-3 mixes P10Y and P1DE).

    A fraction said in words is counted in the next unit down ("setengah tahun" P6M, "satu setengah jam"
    PT90M); a decimal written in digits (`written_decimal`: "5,5 tahun", "17,89 menit", "2.5 hours") keeps
    the unit it is written in, as ISO 8601 allows a decimal fraction of the smallest unit (P5.5Y,
    PT17.89M): the number as the text states it, not a rounded count of seconds."""
    n, unit = _norm_unit(n, unit)
    if written_decimal and isinstance(n, float) and not n.is_integer():
        if unit in TIME_UNIT_CODES:
            return f"PT{n:g}{TIME_UNIT_CODES[unit]}"
        return f"P{n:g}{UNIT_CODES.get(unit, unit)}"
    if isinstance(n, float) and not n.is_integer() and unit in ("CE", "DE") and (n * 10).is_integer():
        # "setengah abad" P5DE, "satu setengah dekade" P15Y: the next unit down, as a year is counted in months
        n, unit = n * 10, "DE" if unit == "CE" else "Y"
    if isinstance(n, float) and not n.is_integer():
        if unit == "Y":
            n, unit = int(n * 12), "M"
        elif unit == "D":
            n, unit = int(n * 24), "H"
        elif unit == "H":
            n, unit = int(n * 60), "MIN"
        elif unit == "MIN":
            n, unit = round(n * 60), "S"  # "2,5 menit": PT150S
        elif unit in ("M", "W"):
            return f"P{n:g}{unit}"  # "empat setengah bulan": P4.5M (a fraction of the smallest unit, ISO 8601)
        elif unit in TIME_UNIT_CODES and TIME_UNIT_CODES[unit] == "S":
            return f"PT{n:g}S"  # "8,5 detik": PT8.5S (seconds have no smaller unit to count in)
    if isinstance(n, float):
        n = int(n)
    if unit == "Q" and isinstance(n, int):
        n, unit = 3 * n, "M"  # "two quarters of contraction": P6M, a length in months (TimeML, eval/real-id)
    q = "X" if n in (None, "X") else str(n)
    if unit in TIME_UNIT_CODES:
        return f"PT{q}{TIME_UNIT_CODES[unit]}"
    return f"P{q}{UNIT_CODES.get(unit, unit)}"


def _year(text: str, dct: dt.date | None) -> int:
    y = int(text)
    if len(text) == 2:
        century = (dct.year if dct else 2000) // 100 * 100
        y = century + y if century + y <= (dct.year if dct else 2099) + 1 else century - 100 + y
    return y


def _norm_date(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    day = int(g["day"])
    weekday = lex.weekdays.get(lex.key(g["weekday"])) if "weekday" in g else None
    flags: list[str] = []
    readings: list[tuple[int, int]]
    if "month" in g:
        readings = [(day, lex.months[lex.key(g["month"])])]
    else:
        a, b = day, int(g["nmonth"])
        # an ISO date is year-month-day in every language; only "8/7/1998" follows the language's order
        iso = mt.rule.name.startswith("iso_")
        primary, other = ((a, b), (b, a)) if iso or lex.numeric_order == "dmy" else ((b, a), (a, b))
        readings = [r for r in (primary, other) if 1 <= r[1] <= 12 and 1 <= r[0] <= 31]
        if readings and readings[0] != primary:
            flags.append("order_swapped")
    if not readings:
        return Found(Timex(mt.start, mt.end, "", "DATE", "XXXX-XX-XX"), has_weekday=weekday is not None)
    explicit = "year" in g
    if mt.rule.name.endswith("_range_start"):
        flags.append("range_start")  # "17" of "17 hingga 23 Juni 2025": it takes its month and year from the end
    anchor: str | None = None
    if lex.coming_month_cues and _word_before(ctx.text, mt.start, lex)[0] in lex.coming_month_cues:
        tense = 1  # "payable Jan. 2", "holders of record Dec. 21": a coming day, whatever the verb
    else:
        tense = tense_of(ctx.text, mt.start, mt.end, lex, sentences=ctx.sentences)
    dates: list[tuple[tuple[int, int], dt.date | None]] = []
    # (not where the sentence speaks of the future: "invited in July 1997, will join on March 12")
    told = _told_year_point(mt, ctx) if not explicit and "yrel" not in g and weekday is None and tense <= 0 else None
    s0 = sentence_bounds(ctx.text, mt.start, ctx.sentences)[0]
    if told is not None and ctx.dct is not None and ctx.point_end <= s0:
        # a past year told in an earlier sentence ("the August 1988 cease-fire ...") does not take a day
        # of the last weeks before publication ("Iraq's invasion of Kuwait on Aug. 2", written 15 August
        # 1990): that is the day just gone, as a date within weeks of the anchor is whatever the tense
        near_dct = [x for d, m in readings if (x := safe_date(ctx.dct.year, m, d))]
        if any(0 <= (ctx.dct - x).days <= RECENT_DAY_DAYS for x in near_dct):
            told = None
    for d, m in readings:
        if explicit:
            dates.append(((d, m), safe_date(_year(g["year"], ctx.dct), m, d)))
        elif "yrel" in g and ctx.dct:  # "Aug 31 last year": that day of the year named
            dates.append(((d, m), safe_date(ctx.dct.year + lex.relative.get(lex.key(g["yrel"]), 0), m, d)))
        elif (event_year := _named_event_year(mt, ctx)) is not None:
            # "The 2022 Games are to be held on July 27": the year of the event the sentence names
            dates.append(((d, m), safe_date(event_year, m, d)))
        elif told is not None:
            # "the apex court had ruled, on June 29 2021, ... and, on June 30, had posted": the year of
            # the date the sentence has just written, not the publication's
            near = [x for y in (told.year - 1, told.year, told.year + 1) if (x := safe_date(y, m, d))]
            dates.append(((d, m), closest(near, told, 0, 0) if near else None))
        elif ctx.dct:
            cands = [x for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (x := safe_date(y, m, d))]
            # A written weekday picks the year when only one near year fits it ("Monday, Feb. 12").
            fitting = [x for x in cands if x.isoweekday() == weekday and abs((x - ctx.dct).days) <= 120]
            # a date within weeks of the anchor is the near one whatever the tense says
            dates.append(((d, m), closest(fitting or cands, ctx.dct, tense, 45) if cands else None))
        else:
            dates.append(((d, m), None))
    (d0, m0), chosen = dates[0]
    if told is not None or (not explicit and "yrel" not in g and _named_event_year(mt, ctx) is not None):
        anchor = "event"
    elif not explicit and ctx.dct:
        anchor = ctx.dct_source
    if weekday is not None and chosen is not None and chosen.isoweekday() != weekday:
        alt = next((x for (_, x) in dates[1:] if x and x.isoweekday() == weekday), None)
        typo = _month_typo(chosen, weekday, ctx.dct)
        if alt is not None and typo is not None and ctx.dct and abs((alt - ctx.dct).days) > SWAPPED_ORDER_DAYS:
            # "Minggu (1/5/2025)" in an article of Sunday 1 June: the month is the typo (1 June), not
            # the order (5 January, a Sunday too but months away)
            chosen = typo
            flags.append("month_from_weekday")
        elif alt is not None:
            chosen = alt
            flags.append("order_from_weekday")
        elif (fixed := _month_typo(chosen, weekday, ctx.dct)) is not None:
            chosen = fixed
            flags.append("month_from_weekday")
        elif (fixed := _day_typo(chosen, weekday, ctx.dct)
              or _publication_day_typo(chosen, weekday, ctx, mt)) is not None:
            chosen = fixed
            flags.append("day_from_weekday")
        else:
            flags.append("weekday_mismatch")
    if chosen is None:
        value = f"{_year(g['year'], ctx.dct):04d}-{m0:02d}-{d0:02d}" if explicit else f"XXXX-{m0:02d}-{d0:02d}"
        if explicit or ctx.dct:
            flags.append("invalid_date")  # "31 Juni 2025": kept as written, flagged
    else:
        value = chosen.isoformat()
    ttype = "DATE"
    if "hour" in g:
        value += f"T{int(g['hour']):02d}:{int(g.get('minute', '0')):02d}"
        ttype = "TIME"
    elif "daypart" in g and lex.day_parts.get(lex.key(g["daypart"])):
        value += "T" + lex.day_parts[lex.key(g["daypart"])]  # "Minggu (28/12/2014) pagi": 2014-12-28TMO
        ttype = "TIME"
    tx = Timex(mt.start, mt.end, "", ttype, value, flags=flags, anchor=anchor)
    return Found(tx, explicit_year=explicit and chosen is not None, has_weekday=weekday is not None,
                 needs_anchor=not explicit, year_named=chosen is not None and (explicit or "yrel" in g))


RECENT_DAY_DAYS = 31
"""How many days before publication a day written without its year is the one just gone, whatever past
year an earlier sentence told of."""
SWAPPED_ORDER_DAYS = 45
"""How far from the publication a date read in the other order (day and month swapped) to fit its
weekday may lie before a month typo near the publication that fits it too is the likelier reading."""

MONTH_TYPO_DAYS = (-14, 7)
"""How far before and after the publication date a weekday date whose month is a typo may lie."""


def _month_typo(written: dt.date, weekday: int, dct: dt.date | None) -> dt.date | None:
    """A date whose weekday contradicts it and whose day, in the publication's month or the one
    before, falls on that weekday within days of the publication: the month (or the year) is the page's typo
    ("Senin (16/5/2025)" in an article of 16 June 2025 is Monday 16 June; "Rabu (18/8/2025) malam" in
    one of 20 June is Wednesday 18 June). Anything else stays as written, flagged."""
    if dct is None:
        return None
    lo, hi = MONTH_TYPO_DAYS
    for y, m in (_month_shift(dct, 0), _month_shift(dct, -1)):
        d = safe_date(y, m, written.day)
        if d is not None and d != written and d.isoweekday() == weekday and lo <= (d - dct).days <= hi:
            return d
    return None


def _day_typo(written: dt.date, weekday: int, dct: dt.date | None) -> dt.date | None:
    """A date written just after publication whose weekday is the day before it, which is the
    publication day or the one before: the day is the page's typo ("kata Agus, Rabu (19/6/2025)" in an
    article of Wednesday 18 June is that Wednesday: a statement is not reported before it is made)."""
    if dct is None or written <= dct:
        return None
    d = written - dt.timedelta(days=1)
    return d if d.isoweekday() == weekday and 0 <= (dct - d).days <= 1 else None


STATEMENT_DATE_WORDS = 16
"""How many words before a date a report word ("ujar", "kata") may stand for the date to date a statement
whose speaker and place come between ("ujar Masyhud dalam acara 'Ngeteh' di Kantor Kemenhub, Jakarta, ...")."""
PUBLICATION_DAY_TYPO_DAYS = 3
"""How far before the publication a statement's weekday date whose weekday is the publication's may lie
for its day to be read as the page's typo for the publication day."""
PUBLICATION_DAY_TYPO_DAYS_AFTER = 7
"""... and how far after it: a statement is not reported before it is made, so a later date in the week of
the publication's weekday is the typo ("kata Kapolsek ..., Jumat (26/6/2025)" on Friday 20 June)."""


def _publication_day_typo(written: dt.date, weekday: int, ctx: Context, mt: Match) -> dt.date | None:
    """A statement's date within days of publication whose written weekday is the publication's own: the
    day is the page's typo for the publication day ("ujar Masyhud di Kantor Kemenhub, Rabu (16/6/2025)" in
    an article of Wednesday 18 June is that Wednesday; 16 June was a Monday): news dates what was said on
    the day it came out or the day before, while an event's date may be any day ("Pertemuan digelar pada
    Kamis, 20 Oktober 2021" stays as written, flagged). The reading in which one of the two
    conflicting parts names the day the page came out wins, as when the date is the publication's and
    the weekday the typo ("Selasa (18/6/2025)" of a verdict read that Wednesday, kept as written). Only
    with the page's own date: one the corpus stage gave it is no evidence against the written day."""
    dct = ctx.dct
    if dct is None or ctx.dct_source != "dct" or dct.isoweekday() != weekday or written == dct:
        return None
    s0, _ = sentence_bounds(ctx.text, mt.start, ctx.sentences)
    words = _WORD.findall(ctx.text, max(s0, mt.start - 200), mt.start)[-STATEMENT_DATE_WORDS:]
    if not any(ctx.lex.key(w) in ctx.lex.report_cues for w in words):
        return None  # ("ujar Masyhud dalam acara 'Ngeteh' di Kantor Kemenhub, Jakarta, Rabu (16/6/2025)")
    return dct if -PUBLICATION_DAY_TYPO_DAYS <= (written - dct).days <= PUBLICATION_DAY_TYPO_DAYS_AFTER else None


TOLD_YEAR_REACH = 200
TOLD_YEAR_TEXT_REACH = 2500
"""How far (characters, across sentences) a past year written with a day or month ("June 29 2021")
still dates a day and month written without one: any date in between that names another time (a
weekday of the publication week, "last year") ends the story's time first, so the reach only bounds
a long stretch with no date at all."""
"""How far (characters, within one sentence) a date written with its year ("June 29 2021", "Juli
2021") lends that year to a day and month written without one after it."""


def _told_year_point(mt: Match, ctx: Context) -> dt.date | None:
    """The day or month a date just before `mt` named with a written year other than the
    publication's: a day and month without a year then belong to that time (TimeML anchors them to
    the time being told). In the same sentence any such year counts; across sentences only a past
    one (a story told of an earlier year), and only while no other date came between. None where
    there is none (the publication date decides)."""
    if ctx.dct is None or ctx.point is None or not ctx.point_written or ctx.point[1] not in ("D", "M"):
        return None
    point = ctx.point[0]
    gap = mt.start - ctx.point_end
    if point.year == ctx.dct.year or not 0 <= gap <= TOLD_YEAR_TEXT_REACH:
        return None
    if gap <= TOLD_YEAR_REACH:
        s0, _ = sentence_bounds(ctx.text, mt.start, ctx.sentences)
        if ctx.point_end > s0:
            return point
    # a later paragraph of a story told in a past year keeps telling of it ("before the July 2021
    # riots ... a long time before July 8"), until another date names a time of its own; but "since 2
    # March" in another sentence counts a stretch up to the time of writing, so the year mentioned in
    # passing before it ("the attack in October 2023") is not its year: the publication's nearest is
    if _after_since_cue(ctx.text, mt.start, ctx.lex):
        return None
    return point if point.year < ctx.dct.year else None


def _compared_since(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether the expression at `pos` is the date of a comparison ("harga tertingginya sejak Januari
    2023", "the lowest since 2008"): a point the news measures against, not the time it goes on to tell
    of, so it does not give its year to a month named later without one ("angka bulan April")."""
    words = _WORD.findall(text, max(0, pos - 60), pos)  # only the last four are looked up
    return (len(words) >= 2 and lex.key(words[-1]) in lex.since_cues
            and any(lex.key(w) in lex.since_comparisons for w in words[-4:-1]))


def _compared_against(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether the expression at `pos` follows a word of comparison ("naik dibandingkan April",
    "lebih rendah ketimbang 2024"): the period a figure is measured against, not the time the text goes
    on to tell of, so a later "bulan sebelumnya" does not count back from it."""
    words = _WORD.findall(text, max(0, pos - 30), pos)
    return bool(words) and lex.key(words[-1]) in lex.comparison_cues


def _after_since_cue(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether the word just before `pos` is a "since" cue ("since", "sejak")."""
    words = _WORD.findall(text, max(0, pos - 30), pos)
    return bool(words) and lex.key(words[-1]) in lex.since_cues


def _month_in(m: int, g: dict[str, str], ctx: Context, mt: Match) -> tuple[str, bool]:
    """The year of a month named without one: by "lalu"/"depan" if written, else that of a past year the
    text is telling of, else the nearest by tense. With it, whether it was the time told (anchored to
    that time, not to the publication date)."""
    lex = ctx.lex
    if not ctx.dct:
        return f"XXXX-{m:02d}", False
    if "yrel" in g:  # "the end of June last year", "Januari tahun depan": that month of the year named
        return f"{ctx.dct.year + lex.relative.get(lex.key(g['yrel']), 0):04d}-{m:02d}", False
    rel = lex.relative.get(lex.key(g["rel"])) if "rel" in g else None
    here = dt.date(ctx.dct.year, ctx.dct.month, 1)
    cands = [dt.date(y, m, 1) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    if rel == 0:
        d = dt.date(ctx.dct.year, m, 1)
    elif rel is not None and rel < 0:
        d = max(c for c in cands if c <= here)
    elif rel is not None and rel > 0:
        d = min(c for c in cands if c >= here)
    else:
        # the words before the month govern it ("sejak Juni"); where they say nothing, the sentence does
        # ("In May, acebush1 posted ..."). A preposition that is a tense word elsewhere says none before
        # a month ("Setelah Desember, ... akan diperluas": skipped); a delivery month is a coming one
        # ("minyak untuk pengiriman Januari turun 40 sen": next January, whatever the verb)
        cue, cue_start = _word_before(ctx.text, mt.start, lex)
        start = cue_start if cue in lex.untensed_month_cues else mt.start
        tense = 1 if cue in lex.coming_month_cues else tense_of(
            ctx.text, start, mt.end, lex, before_only=True, sentences=ctx.sentences
        ) or tense_of(ctx.text, start, mt.end, lex, sentences=ctx.sentences)
        if (joined := _joined_month_year(m, mt, ctx)) is not None:
            return f"{joined:04d}-{m:02d}", ctx.point_written
        if tense <= 0 and (told := _told_year_point(mt, ctx)) is not None:
            # "On March 19, 2020, ... In May, acebush1 posted": the May nearest the time being told, as a
            # day and month without a year are (`_norm_date`), not the May before publication
            near = [dt.date(y, m, 1) for y in (told.year - 1, told.year, told.year + 1)]
            d = closest(near, dt.date(told.year, told.month, 1), 0, 0)
            return f"{d.year:04d}-{d.month:02d}", True
        d = closest(cands, here, tense, 0)
        if tense == 0 and d > here:
            # news reports what happened: an untensed month is the one before publication unless the
            # coming one is much nearer ("in May" in a December column is the May just gone, not next May)
            past = max(c for c in cands if c <= here)
            if _months_between(past, here) - _months_between(here, d) <= UNTENSED_MONTH_PAST_BIAS:
                d = past
    return f"{d.year:04d}-{d.month:02d}", False


UNTENSED_MONTH_PAST_BIAS = 2
"""By how many months the coming month named without a year or tense must be nearer than the one
gone for it to be the one meant (a report tells of what happened; a plan says "will")."""


def _months_between(a: dt.date, b: dt.date) -> int:
    """Whole months from the month of `a` to that of `b`."""
    return (b.year - a.year) * 12 + b.month - a.month


JOINED_GAP_CHARS = 12
"""The longest gap (characters) between two months that a joining word makes one list or range
("September dan Desember", "November 2024 hingga Februari")."""


def _word_before(text: str, pos: int, lex: Lexicon) -> tuple[str, int]:
    """The word right before `pos` (only space between) as its lexicon key, and where it starts; ("",
    pos) where anything else stands before `pos`."""
    lo = max(0, pos - 30)
    m = re.search(r"(\w+)\s+$", text[lo:pos])
    return (lex.key(m[1]), lo + m.start(1)) if m else ("", pos)


def _joined_month_year(m: int, mt: Match, ctx: Context) -> int | None:
    """The year of a month written without one right after another month, joined to it by a list or
    range word ("bulan September dan Desember", "from November 2024 to February"): the first month's
    year, or the next when the month comes earlier in the year (the list runs on). None otherwise."""
    if ctx.point is None or ctx.point[1] != "M" or not 0 <= mt.start - ctx.point_end <= JOINED_GAP_CHARS:
        return None
    if not _joins_months(ctx.text[ctx.point_end : mt.start], ctx.lex):
        return None
    first = ctx.point[0]
    return first.year if m >= first.month else first.year + 1


def _joins_months(gap: str, lex: Lexicon) -> bool:
    """Whether the text between two months makes them one list or range: a dash, a comma or one list or
    range word ("dan", "hingga", "and", "to"), "bulan" allowed after it."""
    words = [w.lower() for w in _WORD.findall(gap)]
    if words and words[-1] == "bulan":  # "September dan bulan Desember"
        words.pop()
    return gap.strip() in ("-", "–", ",") or (len(words) == 1 and words[0] in lex.range_words)


_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")


def _joined_to_a_dated(found: list[Found], text: str, lex: Lexicon, value: re.Pattern[str],
                       dated: Callable[[Found], bool]) -> Iterator[tuple[Timex, re.Match[str], re.Match[str]]]:
    """Each DATE of the `value` shape written without its year (`dated` false) that a range or list word
    joins to the next, which has one: (the first's timex, its value's match, the next's value's match).
    Read pair by pair as the caller changes the first (a value is matched when its pair comes)."""
    for a, b in itertools.pairwise(found):
        ta, tb = a.timex, b.timex
        ma, mb = value.match(ta.value), value.match(tb.value)
        if not (ma and mb and dated(b) and not dated(a) and ta.type == tb.type == "DATE"):
            continue
        if ta.mod is not None or not 0 <= tb.start - ta.end <= JOINED_GAP_CHARS:
            continue
        if _joins_months(text[ta.end : tb.start], lex):
            yield ta, ma, mb


def _months_before_a_year(found: list[Found], text: str, lex: Lexicon) -> None:
    """A month written without its year before another that has one, joined to it ("November and
    December 2024", "Januari - April 2025"), is of that year (of the year before when it comes later in
    the year: "December and January 2025"), not of the year the publication date suggests."""
    for ta, ma, mb in _joined_to_a_dated(found, text, lex, _MONTH_VALUE, lambda f: f.explicit_year):
        month, year = int(ma[2]), int(mb[1])
        ta.value = f"{year if month <= int(mb[2]) else year - 1:04d}-{month:02d}"
        ta.anchor = "event"


_EVENT_YEAR = re.compile(r"(?<![\w.,-])((?:19|20)\d{2})\s+(?-i:[A-Z])[\w-]*")


def _named_event_year(mt: Match, ctx: Context) -> int | None:
    """The year of an event to come that the sentence names before a day written without a year ("The
    2022 Commonwealth Games are to be held on July 27-August 7"): the days are the event's, not the
    coming July's. Only a year after the publication's (a past year's name, "the 2019 report ...
    released on March 3", may be of a thing published later) and the last such one before the day."""
    if ctx.dct is None:
        return None
    s0, _ = sentence_bounds(ctx.text, mt.start, ctx.sentences)
    years = [int(m[1]) for m in _EVENT_YEAR.finditer(ctx.text, s0, mt.start)]
    return years[-1] if years and years[-1] > ctx.dct.year else None


_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")


def _days_before_a_dated_day(found: list[Found], text: str, lex: Lexicon) -> None:
    """A day written without its year right before a day whose year is named, joined to it ("July
    23-August 8 next year", "March 30 to April 2, 2021"), is of that year (of the year before when it
    comes later in the year), as `_months_before_a_year` does for months."""
    for ta, da, db in _joined_to_a_dated(found, text, lex, _DAY_VALUE, lambda f: f.year_named):
        year = int(db[1]) - ((int(da[2]), int(da[3])) > (int(db[2]), int(db[3])))
        if (day := safe_date(year, int(da[2]), int(da[3]))) is not None:
            ta.value = day.isoformat()
            ta.anchor = "event"


def _norm_month(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    m = lex.months[lex.key(g["month"])] if "month" in g else int(g["nmonth"])
    if "year" in g:
        return Found(Timex(mt.start, mt.end, "", "DATE", f"{_year(g['year'], ctx.dct):04d}-{m:02d}"),
                     explicit_year=True)
    value, told = _month_in(m, g, ctx, mt)
    anchor = "event" if told else ctx.dct_source if ctx.dct else None
    return Found(Timex(mt.start, mt.end, "", "DATE", value, anchor=anchor), needs_anchor=True)


def _norm_week_of_month(mt: Match, ctx: Context) -> Found:
    """"pekan kedua Juni", "the last week of May 2025": the ISO week that holds the middle of the
    month's n-th run of seven days (the 4th, 11th, 18th, 25th; the last: its last seven days), as a
    TimeML week value ("pekan kedua Juni 2025": 8-14 June, 2025-W24). The month's year as a month
    named alone would have it."""
    g, lex = mt.groups, ctx.lex
    m = lex.months[lex.key(g["month"])]
    if "year" in g:
        y: int | None = _year(g["year"], ctx.dct)
        anchor = None
    else:
        value, told = _month_in(m, g, ctx, mt)
        y = int(value[:4]) if value[:4].isdigit() else None
        anchor = "event" if told else ctx.dct_source if ctx.dct else None
    if y is None:
        return Found(Timex(mt.start, mt.end, "", "DATE", "XXXX-WXX"), needs_anchor=True)
    length = calendar.monthrange(y, m)[1]
    if "last" in g:
        middle = length - 3
    else:
        n = _ordinal(lex, g["ord"]) or 1  # (the rules take the first to the fourth week only)
        middle = 7 * (min(n, 4) - 1) + 4
    value = week_value(dt.date(y, m, middle))
    return Found(Timex(mt.start, mt.end, "", "DATE", value, anchor=anchor), explicit_year="year" in g,
                 needs_anchor="year" not in g)


def _norm_week_of_day(mt: Match, ctx: Context) -> Found:
    """"the week of March 6": the week that holds the day, the day's year found as a date's is."""
    found = _norm_date(mt, ctx)
    day = parse_day(found.timex.value)
    if day is None:
        return Found(Timex(mt.start, mt.end, "", "DATE", "XXXX-WXX"), needs_anchor=True)
    found.timex.value = week_value(day)
    return found


def _ordinal(lex: Lexicon, word: str) -> int | None:
    k = lex.key(word)
    if k in lex.ordinals:
        return int(lex.ordinals[k])
    return int(k) if k.isdigit() else None


def _norm_quarter(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    n = _ordinal(lex, g["ord"]) or 1
    half = lex.key(g.get("qword", "")) in ("semester", "half", "paruh")
    if n > (2 if half else 4):
        raise ValueError("no such quarter or half")  # "the sixth quarter" of a count, not of a year
    code = f"H{min(n, 2)}" if half else f"Q{min(n, 4)}"
    if "ord2" in g and n in (1, 3) and _ordinal(lex, g["ord2"]) == n + 1:
        code = f"H{(n + 1) // 2}"  # "kuartal pertama dan kedua": the first half
    if "year" in g:
        return Found(Timex(mt.start, mt.end, "", "DATE", f"{int(g['year']):04d}-{code}"), explicit_year=True)
    shift = lex.relative.get(lex.key(g["yrel"]), 0) if "yrel" in g else 0  # "kuartal I tahun lalu"
    if (
        "yrel" not in g
        and ctx.dct is not None
        and dt.date(ctx.dct.year, (int(code[1]) - 1) * (6 if half else 3) + 1, 1) > ctx.dct
        and tense_of(ctx.text, mt.start, mt.end, lex, before_only=True, sentences=ctx.sentences) < 0
    ):
        # "announced a drop in profits for the fourth quarter" in January: a quarter not yet begun at
        # publication cannot be past, so it is last year's (the words before it say so: "menargetkan
        # penjualan Q3 naik" is a target, its "naik" no past)
        shift = -1
    year = f"{ctx.dct.year + shift:04d}" if ctx.dct else "XXXX"
    return Found(Timex(mt.start, mt.end, "", "DATE", f"{year}-{code}", anchor=ctx.dct_source if ctx.dct else None),
                 needs_anchor=True)


def _norm_year(mt: Match, ctx: Context) -> Found:
    g = mt.groups
    if "year2" in g:  # a rule's second way of writing it ("500 SM" beside "tahun 122 M")
        g = {**g, "year": g["year2"], "era": g["era2"]}
    year = int(g["year"])
    if "era" in g:
        # "500 BC", "500 SM" (TimeML BC0500); "AD 122", "tahun 122 M": the year itself, four digits
        bc = ctx.lex.key(g["era"]).replace(".", "").replace(" ", "") in ("bc", "bce", "sm", "sebelummasehi")
        return Found(Timex(mt.start, mt.end, "", "DATE", f"BC{year:04d}" if bc else f"{year:04d}"), explicit_year=True)
    if len(g["year"]) == 2:  # "FY19": the century that puts it at most ten years after publication
        now = ctx.dct.year if ctx.dct else 2000
        year += 2000 if 2000 + year <= now + 10 else 1900
    return Found(Timex(mt.start, mt.end, "", "DATE", f"{year:04d}"), explicit_year=True)


def _norm_year_words(mt: Match, ctx: Context) -> Found:
    """A year said in words ("nineteen ninety-six", "the year two thousand"), with the month or season
    said before it ("January nineteen ninety-seven": 1997-01)."""
    g, lex = mt.groups, ctx.lex
    words = lex.key(g["lo"]).replace("-", " ").split() if "lo" in g else []
    lo = sum(int(lex.numbers[w]) for w in words)
    year = 2000 + lo if lex.key(g["hi"]).startswith("two") else int(lex.numbers[lex.key(g["hi"])]) * 100 + lo
    value = f"{year:04d}"
    if "month" in g:
        value += f"-{lex.months[lex.key(g['month'])]:02d}"
    elif "season" in g:
        value += f"-{lex.seasons[lex.key(g['season'])]}"
    return Found(Timex(mt.start, mt.end, "", "DATE", value), explicit_year=True)


def _norm_decade(mt: Match, ctx: Context) -> Found:
    g = mt.groups
    if "decade" in g:
        if g["decade"].endswith("00") and g["decade"] < "2000":
            # "the 1800s", "tahun 1900-an": the hundred years, a century in TimeML (`18`), not the decade
            # 1800-1809 (the 2000s, still young, stay the decade they usually mean)
            return Found(Timex(mt.start, mt.end, "", "DATE", g["decade"][:2]), explicit_year=True)
        return Found(Timex(mt.start, mt.end, "", "DATE", g["decade"][:3] + "X"), explicit_year=True)
    dd = int(g["decade2"])
    now = ctx.dct.year if ctx.dct else 2000
    century = 2000 if dd < 30 and 2000 + dd <= now else 1900
    return Found(Timex(mt.start, mt.end, "", "DATE", f"{(century + dd) // 10:03d}X"), explicit_year=True)


def _norm_century(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    k = lex.key(g["ord"])
    n = _ordinal(lex, k)
    if n is None and re.fullmatch(r"[ivxlc]+", k):
        n = _roman(k)
    value = f"{(n or 1) - 1:02d}"
    return Found(Timex(mt.start, mt.end, "", "DATE", value), explicit_year=True)


def _roman(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(s, [*s[1:], ""], strict=True):
        total += -vals[a] if b and vals[b] > vals[a] else vals[a]
    return total


def _dct_found(mt: Match, ctx: Context, ttype: str, value: str, unknown: str) -> Found:
    if ctx.dct is None:
        return Found(Timex(mt.start, mt.end, "", ttype, unknown), needs_anchor=True)
    return Found(Timex(mt.start, mt.end, "", ttype, value, anchor=ctx.dct_source), needs_anchor=True)


_POINT_UNITS = {"Y": ("Y", "M"), "M": ("Y", "M", "D"), "Q": ("Y", "M"), "W": ("Y", "M", "D"), "D": ("Y", "M", "D")}
"""A period the text named, by its precision: which relative units can count from it ("tahun
sebelumnya" from a year or a month, "laba per Desember 2024 ... tahun sebelumnya" being 2023; "bulan
sebelumnya" from a month or a day, "pekan berikutnya" from a day)."""
_SAME_FROM = {"Y": ("Y", "M", "D"), "M": ("M", "D"), "W": ("D",)}
"""What "the same year / month / week" ("tahun yang sama") can be of: the period that holds the one told."""


def _norm_relative(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    unit = lex.units.get(lex.key(g["unit"]), "D")
    _, unit = _norm_unit(1, unit)
    rel = lex.relative.get(lex.key(g.get("rel", "")), 0) if "rel" in g else 0
    if unit in TIME_UNIT_CODES:
        return Found(Timex(mt.start, mt.end, "", "DATE", "PRESENT_REF", anchor=ctx.dct_source if ctx.dct else None))
    if unit == "D" and rel == 0 and (told := _quoted_today(mt, ctx)) is not None:
        return Found(Timex(mt.start, mt.end, "", "DATE", told.isoformat(), anchor="event"))
    if "rel" in g and lex.key(g["rel"]) in lex.anaphoric_relative and ctx.point is not None and (
        lex.key(g["rel"]) not in lex.sentence_anaphoric_relative
        or ctx.point_end > sentence_bounds(ctx.text, mt.start, ctx.sentences)[0]
    ):
        # "naik 14% dibandingkan tahun sebelumnya" after "Selama 2024": the year before the one the text
        # is telling of (2023), not the year before publication (TimeML anchors it to that time)
        point, precision = ctx.point
        if precision in _POINT_UNITS.get(unit, ()) or (rel == 0 and precision in _SAME_FROM.get(unit, ())):
            value = value_at(shift(point, unit, rel), unit)
            return Found(Timex(mt.start, mt.end, "", "DATE", value, anchor="event", flags=["anaphoric_relative"]))
    value = value_at(shift(ctx.dct, unit, rel), unit) if ctx.dct else _UNKNOWN.get(unit, "XXXX-XX-XX")
    return _dct_found(mt, ctx, "DATE", value, value)


def _norm_offset(mt: Match, ctx: Context) -> Found:
    lex = ctx.lex
    nu = _unit(lex, mt.groups)
    direction = lex.directions.get(lex.key(mt.groups.get("dir", "")), -1)
    if not nu:
        return Found(Timex(mt.start, mt.end, "", "DATE", "XXXX-XX-XX"))
    n, unit = _norm_unit(*nu)
    if not isinstance(n, int | float):
        return Found(Timex(mt.start, mt.end, "", "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF",
                           anchor=ctx.dct_source if ctx.dct else None))
    if unit in TIME_UNIT_CODES:
        return _dct_found(mt, ctx, "DATE", ctx.dct.isoformat() if ctx.dct else "", "XXXX-XX-XX")
    if "weekday" in mt.groups and unit == "W" and direction < 0 and ctx.dct and isinstance(n, int):
        # "a week ago Saturday": the last Saturday before publication, that many weeks further back
        wd = lex.weekdays[lex.key(mt.groups["weekday"])]
        last = ctx.dct - dt.timedelta(days=(ctx.dct.isoweekday() - wd) % 7 or 7)
        return _dct_found(mt, ctx, "DATE", (last - dt.timedelta(weeks=n)).isoformat(), "XXXX-XX-XX")
    if unit == "Y" and n == 1 and direction < 0 and (q := _year_before_quarter(mt, ctx, from_dct=True)):
        return q  # "net of $1.1 million a year ago" after a third quarter told: the third quarter before
    # "a decade ago" names a year, not a decade; "hari ini 50 tahun lalu" the same day of that year
    shown = "D" if "sameday" in mt.groups else "Y" if unit in ("DE", "CE") else unit
    value = value_at(shift(ctx.dct, unit, int(n) * direction), shown) if ctx.dct else _UNKNOWN.get(shown, "XXXX")
    return _dct_found(mt, ctx, "DATE", value, value)


def _norm_anaphoric(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    base = ctx.reference or ctx.dct
    anchor = "event" if ctx.reference else ctx.dct_source
    if "ana" in g:
        days, unit = int(lex.anaphoric.get(lex.key(g["ana"]), 0)), "D"
        value_unit = "D"
        if days and _restates_told_day(mt, ctx):
            days = 0
        elif (length := _counted_length(lex, g["ana"])) is not None:
            # "berangkat sehari sebelum puncak arus mudik" with no day told: the length "sehari" (P1D)
            cut = mt.start + len(g["ana"].rsplit(None, 1)[0])
            return Found(Timex(mt.start, cut, "", "DURATION", duration_value(*length)))
    else:
        nu = _unit(lex, g)
        if not nu:
            return Found(Timex(mt.start, mt.end, "", "DATE", "XXXX-XX-XX"))
        if not isinstance(nu[0], int | float):
            # "a few months later", "beberapa hari kemudian": some time after a time told, which no count
            # places: a past reference in a sentence that tells of the past, else a future one (TimeML)
            tense = tense_of(ctx.text, mt.start, mt.end, lex, sentences=ctx.sentences)
            past = tense < 0 or (tense == 0 and (base is None or ctx.dct is None or base <= ctx.dct))
            return Found(Timex(mt.start, mt.end, "", "DATE", "PAST_REF" if past else "FUTURE_REF"))
        n, unit = _norm_unit(*nu)
        sign = -1 if lex.key(g.get("adir", "")) in ("sebelumnya", "earlier", "before") else 1
        if unit == "Y" and n == 1 and sign < 0 and (q := _year_before_quarter(mt, ctx, from_dct=False)):
            return q  # "up from $3 million a year earlier" after a quarter told: that quarter a year before
        days, value_unit = int(n) * sign, unit
        if unit in TIME_UNIT_CODES:
            # "Two hours later", "Dua jam kemudian": still the day told (its clock is not known), not a year
            days, unit, value_unit = 0, "D", "D"
        if ctx.point is not None and ctx.point[1] in _OFFSET_FROM.get(unit, ()):
            # "arrested in 2006. Two years later, ...": two years after the year told (2008)
            d = shift(ctx.point[0], unit, days)
            return Found(Timex(mt.start, mt.end, "", "DATE", value_at(d, unit), anchor="event"), needs_anchor=True)
        if (
            unit in ("W", "D")
            and ctx.point is not None
            and ctx.point[1] == "M"
            and (ctx.reference is None or ctx.reference_end < ctx.point_end)
        ):
            # "in November 1986 ... A week later": a week after a day of the month told, which the text
            # does not give: the month it falls in is all that is known (not a week of the publication)
            d = shift(ctx.point[0], unit, days)
            return Found(Timex(mt.start, mt.end, "", "DATE", value_at(d, "M"), anchor="event"), needs_anchor=True)
    if base is None:
        return Found(Timex(mt.start, mt.end, "", "DATE", _UNKNOWN.get(value_unit, "XXXX-XX-XX")), needs_anchor=True)
    d = shift(base, unit, days) if "ana" not in g else base + dt.timedelta(days=days)
    if (
        "ana" not in g
        and ctx.dct is not None
        and d > ctx.dct
        and tense_of(ctx.text, mt.start, mt.end, lex, sentences=ctx.sentences) < 0
    ):
        # "Tiga tahun kemudian, tsunami terjadi": a past event cannot fall after publication, so the
        # time it counts from is not the day told last (nor publication) but one the text never gives
        return Found(Timex(mt.start, mt.end, "", "DATE", "PAST_REF", anchor=anchor))
    part = _day_part_in(lex, g["ana"]) if "ana" in g else None
    if part is not None and not days and ctx.point is not None and ctx.point[1] in ("M", "Y") and (
            ctx.reference is None
            or ctx.reference_end <= sentence_bounds(ctx.text, ctx.point_end - 1, ctx.sentences)[0]):
        # "told her colleagues earlier this month. That night, ...": the night of a day the text does not
        # give (a sentence after the last day named told of a month, which leaves the day open), not of
        # that day ("pada Senin (16/6), buron sejak Mei. Malam itu": Monday's night)
        return Found(Timex(mt.start, mt.end, "", "TIME", f"XXXX-XX-XXT{part}"))
    if part is not None:  # "malam itu", "that morning": that part of the day told (TimeML TIME)
        return Found(Timex(mt.start, mt.end, "", "TIME", f"{d.isoformat()}T{part}", anchor=anchor), needs_anchor=True)
    return Found(Timex(mt.start, mt.end, "", "DATE", value_at(d, value_unit), anchor=anchor), needs_anchor=True)


def _restates_told_day(mt: Match, ctx: Context) -> bool:
    """Whether "a day before <an event>" ("sehari sebelum <...>") follows a day told earlier in its
    sentence, which it then restates ("posted on February 24 ... a day before Bushnell's protest": the
    24th, the event being the day after). "The day before" with no event after it still counts back
    from the day told."""
    words = ctx.lex.key(mt.groups["ana"]).split()
    if not words or words[-1] not in ctx.lex.event_relators or ctx.reference is None:
        return False
    if not re.match(r"\s+[\w\u201c\"']", ctx.text[mt.end : mt.end + 3]):
        return False  # nothing named after it: "the day before." counts back
    if ctx.lex.key(ctx.text[ctx.reference_start : ctx.reference_end]) == ctx.lex.key(mt.groups["ana"]):
        # the day told was itself "the day before" an event ("the day before Geingob departed ... the
        # envelope the day before the departure"): the same phrase before the same kind of event
        # restates that day, it does not count back once more
        return True
    s0, _ = sentence_bounds(ctx.text, mt.start, ctx.sentences)
    return s0 < ctx.reference_end <= mt.start


def _counted_length(lex: Lexicon, phrase: str) -> tuple[Any, str] | None:
    """The length a phrase of the kind "a day before" / "sehari sebelum" counts ("a day": (1, "D")), or
    None for one that names no length ("the day before")."""
    words = lex.key(phrase).split()
    if len(words) < 2 or words[-1] not in lex.event_relators:
        return None
    head = words[:-1]
    if len(head) == 1 and (cu := lex.compound_units.get(head[0])):
        return cu[0], str(cu[1])
    if len(head) == 2 and isinstance(n := lex.number(head[0]), int) and (unit := lex.units.get(head[1])):
        return n, str(unit)
    return None


def _day_part_in(lex: Lexicon, phrase: str) -> str | None:
    """The part of the day a phrase names by one of its words ("malam itu": NI), if any."""
    return next((p for w in lex.key(phrase).split() if (p := lex.day_parts.get(w))), None)


_OFFSET_FROM = {"Y": ("Y", "M"), "M": ("M",)}
"""An offset "N years later" counts from a year or a month the text named last, "N months later" from
a month; from a day (or nothing) it counts from the day told or the publication date as before."""


def _norm_day_relative(mt: Match, ctx: Context) -> Found:
    lex = ctx.lex
    days, part = lex.day_relative.get(lex.key(mt.groups["dayrel"]), [0, None])
    if ctx.dct is None:
        return Found(Timex(mt.start, mt.end, "", "TIME" if part else "DATE", "XXXX-XX-XX"), needs_anchor=True)
    if not days and (told := _quoted_today(mt, ctx)) is not None:
        # a quoted "hari ini", and a quoted "malam ini" / "tonight" of that day's night alike
        if part:
            return Found(Timex(mt.start, mt.end, "", "TIME", f"{told.isoformat()}T{part}", anchor="event"))
        return Found(Timex(mt.start, mt.end, "", "DATE", told.isoformat(), anchor="event"))
    if not days and part is None and _generic_today(mt, ctx):
        return Found(Timex(mt.start, mt.end, "", "DATE", "PRESENT_REF"))
    d = ctx.dct + dt.timedelta(days=int(days))
    value = d.isoformat() + (f"T{part}" if part else "")
    return _dct_found(mt, ctx, "TIME" if part else "DATE", value, value)


QUOTE_AFTER_DAY = 300
"""How far (characters) after the day it names a quote may open for its "today" to be that day."""


SAID_REACH = 2500
"""How far (characters) after the day a statement was dated a quote may open for its "today" to be that
day, while no other day is told in between."""
SAID_CUE_WORDS = 6
"""How many words before a date a report word ("kata", "said") may stand for the date to be a statement's."""


def _quoted_today(mt: Match, ctx: Context) -> dt.date | None:
    """The day a quoted "today" ("hari ini") is of: when the quote follows a day told long before
    publication ('1 Agustus 2024, FPAK melapor ke KPK. "Hari ini saya ... melaporkan," kata ...': the
    quote was given on that day), or, in a report of what someone said on a day before publication,
    with no other day told since ('kata Gus Ipul, Rabu (18/6/2025)' ... '"Hingga hari ini, kami telah
    menyalurkan ..."' in an article of Thursday: the speaker's Wednesday). None where the publication
    day is meant."""
    told = ctx.reference
    if told is None or ctx.dct is None or not _in_quote(ctx.text, mt.start):
        return None
    gap, before = mt.start - ctx.reference_end, (ctx.dct - told).days
    long_before = before > STORY_DAYS and 0 <= gap <= QUOTE_AFTER_DAY
    said_before = ctx.reference_said and 0 < before <= STORY_DAYS and 0 <= gap <= SAID_REACH
    return told if long_before or said_before else None


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_LAST_WORD = re.compile(r"([^\W\d_]+)\s*$")
_LAST_WORD_OR_QUOTE = re.compile(r"([^\W\d_]+)[^\w]*$")  # the last word, a closing quote or mark after it


def _generic_today(mt: Match, ctx: Context) -> bool:
    """Whether a "today" (the language's `generic_present` words) means these days, not the day: its
    sentence tells of no past and no future ("the integration of the global economy today", "just
    like you do today"), no word beside it dates it ("said today", "earlier today", "today's
    reading", "today (Monday)") and no date or clock time stands in its sentence."""
    lex, text = ctx.lex, ctx.text
    if lex.key(text[mt.start : mt.end]) not in lex.generic_present:
        return False
    after = text[mt.end : mt.end + 3]
    if after[:1] in ("'", "\u2019", "(") or after.lstrip()[:1] == "(":
        return False
    s0, s1 = sentence_bounds(text, mt.start, ctx.sentences)
    prev = _LAST_WORD.search(text, max(s0, mt.start - 30), mt.start)
    nxt = _NEXT_WORD.match(text, mt.end, s1)
    if prev is not None and lex.key(prev.group(1)) in lex.generic_today_before:
        # "the 'Nightline' of today", "the youth of today": a thing of these days, whatever the tense; but
        # "as of today", "by the end of today" are the day
        two = _LAST_WORD_OR_QUOTE.search(text, max(s0, prev.start() - 30), prev.start())
        return two is None or lex.key(two.group(1)) not in lex.dated_before_generic
    if any(m is not None and lex.key(m.group(1)) in lex.dated_today_cues for m in (prev, nxt)):
        return False
    before = [lex.key(w) for w in _WORD.findall(text, max(s0, mt.start - 40), mt.start)][-3:]
    if any(w.endswith(lex.progressive_endings) and len(w) > 4 and w not in lex.not_progressive for w in before):
        return False  # "have been demonstrating today": what goes on that day
    if lex.dated_today_nearby:
        window = " ".join(w.lower() for w in _WORD.findall(text, max(s0, mt.start - 40), mt.start))
        if any(f" {p} " in f" {window} " for p in lex.dated_today_nearby):
            return False  # "as I write this sentence today": the day of the writing
    if re.search(r"\d", text[s0:s1]):
        return False  # a date, a clock time or a count of the day beside it
    # a quoted "today" takes the tense of the quote, not of the words that report it ("As a spokesperson
    # promised, \"you get a range of results, just like you do today\"": the reporting verb is past)
    quote = _quote_bounds(text, mt.start, mt.end)
    if quote is not None:
        quote = (max(quote[0], s0), min(quote[1], s1))  # the quoted part of its sentence
    return tense_of(text, mt.start, mt.end, lex, sentences=ctx.sentences, bounds=quote) == 0


def _quote_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The stretch of the quotation on its line that holds `start`..`end` (its marks excluded), or None
    where the expression is in no quotation."""
    if not _in_quote(text, start):
        return None
    line0 = text.rfind("\n", 0, start) + 1
    q0 = max(text.rfind("\u201c", line0, start), text.rfind('"', line0, start))
    if q0 < 0:
        return None
    ends = [i for i in (text.find("\u201d", end), text.find('"', end)) if i >= 0]
    line1 = text.find("\n", end)
    q1 = min(ends) if ends else (line1 if line1 >= 0 else len(text))
    if line1 >= 0:
        q1 = min(q1, line1)
    return q0 + 1, q1


def _dates_statement(text: str, start: int, lex: Lexicon, sentences: list[Span] | None) -> bool:
    """Whether the date at `start` dates a statement: a report word ("kata", "ujar", "said") is among the
    few words before it in its sentence ("kata Gus Ipul di kantornya, Rabu (18/6/2025)")."""
    s0, _ = sentence_bounds(text, start, sentences)
    words = _WORD.findall(text, max(s0, start - 80), start)[-SAID_CUE_WORDS:]
    return any(lex.key(w) in lex.report_cues for w in words)


def _in_quote(text: str, pos: int) -> bool:
    """Whether `pos` is inside a quotation opened on its own line (straight or curly quotes)."""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return line.rfind("\u201c") > line.rfind("\u201d") or line.count('"') % 2 == 1


def _norm_weekday(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    wd = lex.weekdays[lex.key(g["weekday"])]
    part = lex.day_parts.get(lex.key(g["daypart"])) if "daypart" in g else None
    suffix = f"T{part}" if part else ""
    ttype = "TIME" if part else "DATE"
    if ctx.dct is None:
        return Found(Timex(mt.start, mt.end, "", ttype, "XXXX-XX-XX" + suffix), has_weekday=True, needs_anchor=True)
    rel = lex.relative.get(lex.key(g["rel"])) if "rel" in g else None
    if rel is None and part is None and "unit" not in g and wd in ctx.set_weekdays:
        # "ASN naik transportasi umum setiap hari Rabu ... 818.796 pengguna pada hari Rabu": the weekday
        # the text made recurring, any Wednesday (TimeML XXXX-WXX-3), not the last one before publication
        return Found(Timex(mt.start, mt.end, "", "DATE", f"XXXX-WXX-{wd}"))
    if rel is None and (same := _weekday_of_told_day(mt, ctx, wd)) is not None:
        # "tanggal 27 Juni 2025, yang jatuh pada hari Jumat": the day just named, which is that weekday
        return Found(Timex(mt.start, mt.end, "", ttype, same.isoformat() + suffix, anchor="event"), has_weekday=True)
    if rel is None and "unit" not in g and (other := _weekday_in_other_zone(mt, ctx, wd)) is not None:
        # "on Tuesday (early Wednesday AEST)": the same moment in another time zone, the day next to it
        return Found(Timex(mt.start, mt.end, "", ttype, other.isoformat() + suffix, anchor="event"), has_weekday=True)
    if rel is None and "unit" not in g and (written := _weekday_written_this_week(ctx, wd)) is not None:
        # "OPEC akan bertemu pada Kamis (27/11/2014) ... telah jatuh ... pada pertemuan Kamis": the text has
        # written which Thursday of the publication's week it tells of; a lone Thursday later is that one,
        # whatever tense another clause of its sentence has
        return Found(Timex(mt.start, mt.end, "", ttype, written.isoformat() + suffix, anchor="event"), has_weekday=True)
    if "unit" in g and rel is not None:  # "Rabu pekan lalu": that weekday of the week named
        d = ctx.dct + dt.timedelta(weeks=rel, days=wd - ctx.dct.isoweekday())
        return Found(Timex(mt.start, mt.end, "", ttype, d.isoformat() + suffix, anchor=ctx.dct_source),
                     has_weekday=True, needs_anchor=True)
    back = (ctx.dct.isoweekday() - wd) % 7
    before, after = ctx.dct - dt.timedelta(days=back), ctx.dct + dt.timedelta(days=(wd - ctx.dct.isoweekday()) % 7)
    if rel is not None and rel < 0:
        d = before if back else ctx.dct - dt.timedelta(days=7)
    elif rel is not None and rel > 0:
        d = after if after != ctx.dct else ctx.dct + dt.timedelta(days=7)
    elif rel == 0:
        d = ctx.dct + dt.timedelta(days=wd - ctx.dct.isoweekday())
    else:
        # the words before the weekday govern it ("said on Thursday"); a weekday that opens its sentence
        # ("On Monday, Winfrey told CBS ...") is in the past when the verb after it is (the Monday before,
        # not the one after); inside a sentence the words after it may be another clause's ("storms on
        # Saturday were warned"), and a future word after it may be a noun or a past verb ("On Friday,
        # the government planned to pay", TimeBank: the Friday before)
        tense = tense_of(ctx.text, mt.start, mt.end, lex, before_only=True, sentences=ctx.sentences)
        if tense == 0 and _opens_sentence(mt, ctx):
            tense = min(0, tense_of(ctx.text, mt.start, mt.end, lex, sentences=ctx.sentences))
        d = closest([before, after], ctx.dct, tense, 0)
        if tense == 0 and (after - ctx.dct).days < (ctx.dct - before).days:
            # News reports what happened: an untensed weekday is the past one unless the next one is much nearer.
            d = after if (after - ctx.dct).days <= 1 else before
    return Found(Timex(mt.start, mt.end, "", ttype, d.isoformat() + suffix, anchor=ctx.dct_source),
                 has_weekday=True, needs_anchor=True)


_OPEN_BRACKET = re.compile(r"\s*\(\s*(?:[^\W\d_]+\s+)?")  # "(", "(early "


def _weekday_in_other_zone(mt: Match, ctx: Context, weekday: int) -> dt.date | None:
    """A weekday in brackets right after the day just told ("Tuesday (early Wednesday AEST)", "Friday
    (Saturday NZT)"): the same moment told in another time zone, so the day before, of or after the
    one told that is that weekday; None where no day was told just before the bracket."""
    told = ctx.reference
    if told is None or ctx.reference_end < 0 or not _OPEN_BRACKET.fullmatch(ctx.text, ctx.reference_end, mt.start):
        return None
    return next((d for k in (0, 1, -1) if (d := told + dt.timedelta(days=k)).isoweekday() == weekday), None)


WRITTEN_WEEKDAY_REACH = 6
"""How many days from the publication date a weekday written with its date may lie for a lone mention of that
weekday later in the text to be it (within it, one such weekday at most on either side)."""


def _weekday_written_this_week(ctx: Context, wd: int) -> dt.date | None:
    """The one day of weekday `wd` that the text has written with its date ("Kamis (27/11/2014)") within
    `WRITTEN_WEEKDAY_REACH` days of the publication date; None where it wrote none or two."""
    if ctx.dct is None:
        return None
    near = [d for d in ctx.written_weekdays.get(wd, ()) if abs((d - ctx.dct).days) <= WRITTEN_WEEKDAY_REACH]
    return near[0] if len(near) == 1 else None


def _opens_sentence(mt: Match, ctx: Context) -> bool:
    """Whether the expression opens its sentence: at most one word (a preposition: "On", "Pada") before it."""
    s0, _ = sentence_bounds(ctx.text, mt.start, ctx.sentences)
    return len(_WORD.findall(ctx.text, s0, mt.start)) <= 1


_RANGE_END_CUE = re.compile(r"([^\W\d_]+)\s+$")


def _ends_told_range(tx: Timex, ctx: Context) -> bool:
    """Whether a day ends a stretch that a day told before it in its sentence began ("pada 19 Juni 2025,
    Jakarta Fair akan dibuka hingga 13 Juli 2025"): the day told stays the first ("di tanggal yang sama
    juga ada pameran" is 19 June), as the end of a stretch is not when things happen."""
    if ctx.reference is None:
        return False
    s0, _ = sentence_bounds(ctx.text, tx.start, ctx.sentences)
    if not s0 <= ctx.reference_end <= tx.start or _after_since_cue(ctx.text, ctx.reference_start, ctx.lex):
        return False  # ("sejak 15 Juni hingga 15 September": neither end is a day the text tells of)
    cue = _RANGE_END_CUE.search(ctx.text, max(s0, tx.start - 20), tx.start)
    return cue is not None and ctx.lex.key(cue.group(1)) in ctx.lex.range_end_words


WEEKDAY_OF_TOLD_REACH = 80
"""How far (characters, within one sentence) after a date a lone weekday that it falls on names it."""


def _weekday_of_told_day(mt: Match, ctx: Context, weekday: int) -> dt.date | None:
    told = ctx.reference
    if told is None or told.isoweekday() != weekday or not 0 <= mt.start - ctx.reference_end <= WEEKDAY_OF_TOLD_REACH:
        return None
    gap = ctx.text[ctx.reference_end : mt.start]
    if "-" in gap or "–" in gap or any(w.lower() in ctx.lex.range_words for w in _WORD.findall(gap)):
        return None  # "from Sept. 14 to Thursday": the other end of a range
    s0, _ = sentence_bounds(ctx.text, mt.start, ctx.sentences)
    return told if ctx.reference_end > s0 else None


def _norm_day_of_month(mt: Match, ctx: Context) -> Found:
    """"tanggal 24 kemarin": the 24th of the month that the word (or else the tense) points to."""
    g, lex = mt.groups, ctx.lex
    day = int(g["day"])
    if not 1 <= day <= 31:
        raise ValueError(day)
    if ctx.dct is None:
        return Found(Timex(mt.start, mt.end, "", "DATE", f"XXXX-XX-{day:02d}"), needs_anchor=True)
    cands = [x for k in range(-2, 3) if (x := safe_date(*_month_shift(ctx.dct, k), day))]
    rel = lex.relative.get(lex.key(g["rel"])) if "rel" in g else None
    if rel is not None and rel < 0:
        d = max(x for x in cands if x < ctx.dct)
    elif rel is not None and rel > 0:
        d = min(x for x in cands if x > ctx.dct)
    else:
        d = closest(cands, ctx.dct, tense_of(ctx.text, mt.start, mt.end, lex, sentences=ctx.sentences), 0)
    return _dct_found(mt, ctx, "DATE", d.isoformat(), "XXXX-XX-XX")


def _month_shift(d: dt.date, k: int) -> tuple[int, int]:
    y, m = divmod(d.year * 12 + d.month - 1 + k, 12)
    return y, m + 1


_WORDS = re.compile(r"[^\W\d_]+")


def _habitual(ctx: Context, pos: int) -> bool:
    """Whether the sentence at `pos` says what usually happens ("biasanya", "umumnya", "usually")."""
    s0, s1 = sentence_bounds(ctx.text, pos, ctx.sentences)
    return any(w.lower() in ctx.lex.habitual for w in _WORDS.findall(ctx.text, s0, s1))


def _advised(ctx: Context, tx: Timex) -> bool:
    """Whether `tx` is what its sentence advises ("menyarankan tidur siang dilakukan antara pukul 13.00
    ..."): a word of advice before it in the sentence, and the sentence not telling of the past."""
    s0, _ = sentence_bounds(ctx.text, tx.start, ctx.sentences)
    if not any(w.lower() in ctx.lex.advice for w in _WORDS.findall(ctx.text, s0, tx.start)):
        return False
    return tense_of(ctx.text, tx.start, tx.end, ctx.lex, sentences=ctx.sentences) >= 0


def _norm_day_part(mt: Match, ctx: Context) -> Found:
    """"saat malam", "selepas ashar": that part of the day the text is telling of (the last day it
    named, when near the publication), else of the publication day."""
    lex = ctx.lex
    part = lex.day_parts[lex.key(mt.groups["daypart"])]
    told = ctx.reference
    if ctx.dct is None:
        return Found(Timex(mt.start, mt.end, "", "TIME", f"XXXX-XX-XXT{part}"), needs_anchor=True)
    if mt.rule.name.startswith("day_part_habit") or (lex.habitual and _habitual(ctx, mt.start)):
        # "syuting ... umumnya dilakukan pada malam hari", "Biasanya dari sore sampai subuh": any day's
        return Found(Timex(mt.start, mt.end, "", "TIME", f"XXXX-XX-XXT{part}"))
    if ctx.point is not None and ctx.point[1] == "M" and ctx.point_end > ctx.reference_end and (
        _told_year_point(mt, ctx) is not None
    ):
        # "a visit in August 1992 ... watching TV mid-afternoon": an afternoon of the month being told,
        # its day unknown (not the publication day's)
        return Found(Timex(mt.start, mt.end, "", "TIME", f"XXXX-XX-XXT{part}"))
    generic = mt.rule.name.startswith("day_part_generic")
    if (
        generic
        and (told is None or ctx.reference_said)
        and _quoted_tense(mt, ctx) >= 0
    ):
        # "di malam hari" with no day told yet, or only the day a statement was made ("ujar dokter itu,
        # Rabu (11/6/2025)"), and nothing said to have happened ("Minum kopi di malam hari mungkin tidak
        # mengganggu tidur"): what holds on any day, not the publication day's nor the interview's
        return Found(Timex(mt.start, mt.end, "", "TIME", f"XXXX-XX-XXT{part}"))
    if told is not None and abs((told - ctx.dct).days) <= STORY_DAYS:
        return Found(Timex(mt.start, mt.end, "", "TIME", f"{told.isoformat()}T{part}", anchor="event"))
    return _dct_found(mt, ctx, "TIME", f"{ctx.dct.isoformat()}T{part}", "XXXX-XX-XX")


def _quoted_tense(mt: Match, ctx: Context) -> int:
    """The tense of the sentence at `mt`, read inside its quotation where it stands in one ("“... sulit
    tidur di malam hari,” ujar Vishal": the quote says what holds, the past reporting verb does not count)."""
    quote = _quote_bounds(ctx.text, mt.start, mt.end)
    if quote is not None:
        s0, s1 = sentence_bounds(ctx.text, mt.start, ctx.sentences)
        quote = (max(quote[0], s0), min(quote[1], s1))
    return tense_of(ctx.text, mt.start, mt.end, ctx.lex, sentences=ctx.sentences, bounds=quote)


def _norm_weekend(mt: Match, ctx: Context) -> Found:
    lex = ctx.lex
    rel = lex.relative.get(lex.key(mt.groups["rel"]), 0) if "rel" in mt.groups else 0
    if ctx.dct is None:
        return Found(Timex(mt.start, mt.end, "", "DATE", "XXXX-WXX-WE"), needs_anchor=True)
    if "rel" not in mt.groups and ctx.dct.isoweekday() < 6:
        # "the weekend" said on a weekday: the one just past when the sentence speaks of the past
        # ("published over the weekend"), else the coming one
        tense = tense_of(ctx.text, mt.start, mt.end, lex, sentences=ctx.sentences)
        # untensed early in the week ("put out a memo over the weekend", Monday to Wednesday) it is
        # the weekend just past, late in the week the coming one
        rel = -1 if tense < 0 or (tense == 0 and ctx.dct.isoweekday() <= 3) else 0
    value = week_value(ctx.dct + dt.timedelta(weeks=rel)) + "-WE"
    return _dct_found(mt, ctx, "DATE", value, value)


def _norm_duration(mt: Match, ctx: Context) -> Found:
    nu = _unit(ctx.lex, mt.groups)
    if not nu:
        return Found(Timex(mt.start, mt.end, "", "DURATION", "PXD"))
    if mt.rule.value == "X" and "num" not in mt.groups:  # "take hours", "for years": a length not counted
        nu = ("X", nu[1])
    decimal = bool(re.fullmatch(r"\d+[.,]\d+", mt.groups.get("num") or ""))  # "5,5 tahun", "2.5 hours"
    return Found(Timex(mt.start, mt.end, "", "DURATION", duration_value(*nu, written_decimal=decimal)))


def _norm_time(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    if "hour" not in g and mt.rule.value:
        # a word that names a clock time ("midnight", "tengah hari"): the rule gives it ("00:00")
        hour, minute = (int(x) for x in mt.rule.value.split(":"))
        g = {**g, "hour": str(hour), "minute": f"{minute:02d}"}
    hour = int(lex.number(g["hour"]))  # "5", or "five" of "five o'clock"
    ampm = lex.key(g.get("ampm", "")).replace(".", "")
    part = lex.day_parts.get(lex.key(g["daypart"])) if "daypart" in g else None
    # "jam 2 siang" is 14:00, "jam 11 siang" 11:00 (siang runs from late morning), "jam 2 malam" 02:00,
    # "jam 12 malam" midnight (00:00)
    late_morning = part == "AF" and hour >= 10
    small_hours = part == "NI" and (hour < 5 or hour == 12)
    if small_hours and hour == 12:
        hour = 0
    if "end_hour" in g and ampm == "pm" and hour > int(g["end_hour"]):
        ampm = "am"  # the start of "11-2 p.m." is before noon
    if (ampm == "pm" or part in ("AF", "EV", "NI")) and hour < 12 and not small_hours and not late_morning:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    clock = f"T{hour:02d}:{int(g.get('minute', '0')):02d}"
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    tx = Timex(mt.start, mt.end, "", "TIME", day + clock, anchor=ctx.dct_source if ctx.dct else None)
    return Found(tx, needs_anchor=True, day_end=mt.rule.name == "midnight")


def _norm_set(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    if "setadv" in g:
        return Found(Timex(mt.start, mt.end, "", "SET", lex.set_adverbs[lex.key(g["setadv"])]))
    if "weekday" in g:
        return Found(Timex(mt.start, mt.end, "", "SET", f"XXXX-WXX-{lex.weekdays[lex.key(g['weekday'])]}"))
    if "daypart" in g:  # "setiap malam", "per malam": that part of every day
        return Found(Timex(mt.start, mt.end, "", "SET", f"XXXX-XX-XXT{lex.day_parts[lex.key(g['daypart'])]}"))
    if "month" in g:  # "setiap 15 Juni", "setiap Juni": that day or month of every year
        m = lex.months[lex.key(g["month"])]
        day = int(g["day"]) if "day" in g else None
        if day is not None and safe_date(2024, m, day) is None:
            raise ValueError(day)
        return Found(Timex(mt.start, mt.end, "", "SET", f"XXXX-{m:02d}" + (f"-{day:02d}" if day else "")))
    word = g.get("unit") or g.get("unit2") or g.get("unit3") or g.get("unit4") or ""  # "year after year"
    unit = lex.units.get(lex.key(word), "D")
    n = lex.number(g["num"]) if "num" in g else 1  # "5 tahunan": every five years
    n = n if isinstance(n, int) else 1
    if unit == "Q":  # "every quarter": P1Q (a length of quarters is counted in months, a set is not)
        return Found(Timex(mt.start, mt.end, "", "SET", f"P{n}Q"))
    return Found(Timex(mt.start, mt.end, "", "SET", duration_value(n, unit)))


_SUB_YEAR = re.compile(r"\d{4}(-(?:[QH]\d|\d\d))")


def _norm_same_period(mt: Match, ctx: Context) -> Found:
    """"the same period of 2022", "the same quarter last year", "the year-ago quarter", "the 1988 third
    quarter", "last year's quarter": the quarter, half or month the text told last ("growth in the first
    quarter of 2023 ... compared to the same period of 2022": 2022-Q1), or the one the words name, in the
    year named (else the year before the period told, or before publication: "year-ago", "same ... last
    year"); the year alone where no such period was told. "The quarter", "the latest period" (no year
    word) are the period told itself, and nothing where none was told."""
    g, lex = mt.groups, ctx.lex
    part_code: str | None = None
    if "ord" in g:
        n = _ordinal(lex, g["ord"]) or 1
        half = lex.key(g.get("qword", "")) == "half"
        if n > (2 if half else 4):
            raise ValueError("no such quarter or half")
        part_code = f"-H{min(n, 2)}" if half else f"-Q{min(n, 4)}"
    elif ctx.period and (part := _SUB_YEAR.match(ctx.period)):
        part_code = part[1]
        if lex.key(g.get("qword", "")) == "quarter" and part_code[1:].isdigit():
            # a month told: "the year-ago quarter" is that of its quarter
            part_code = f"-Q{(int(part_code[1:]) - 1) // 3 + 1}"
    if "told" in g:  # "the quarter", "the latest period": the one told, its year with it
        told = (_quarter_ended(mt, ctx) or ctx.quarter) if "qword" in g else ctx.period
        if not told or not _SUB_YEAR.fullmatch(told) or ("qword" in g and "-Q" not in told):
            raise ValueError("no quarter or period told")
        return Found(Timex(mt.start, mt.end, "", "DATE", told, anchor="event"), compared=True)
    if "year" in g:
        year = int(g["year"])
    elif "yrel" in g:  # "last year's quarter", "next year's first quarter": from publication
        if ctx.dct is None:
            return Found(Timex(mt.start, mt.end, "", "DATE", "XXXX" + (part_code or "")), needs_anchor=True)
        year = ctx.dct.year + lex.relative.get(lex.key(g["yrel"]), 0)
    else:
        base = int(ctx.period[:4]) if ctx.period else ctx.dct.year if ctx.dct else None
        if base is None:
            return Found(Timex(mt.start, mt.end, "", "DATE", "XXXX"), needs_anchor=True)
        year = base - 1
    # a period of an earlier year than publication's is one compared with ("the year-ago quarter", "the
    # 1988 period"); "this year's third quarter" is the one the report tells of
    compared = ctx.dct is None or year < ctx.dct.year
    return Found(Timex(mt.start, mt.end, "", "DATE", f"{year:04d}{part_code or ''}"), explicit_year="year" in g,
                 compared=compared)


_ENDED_MONTH = re.compile(r"\s+(?:ended|ending)\s+([^\W\d_]+)")


def _quarter_ended(mt: Match, ctx: Context) -> str | None:
    """"the quarter ended July 31" with no quarter told before: the quarter of that month, the last one
    of its kind up to publication (a report tells of a quarter closed)."""
    m = _ENDED_MONTH.match(ctx.text, mt.end)
    month = ctx.lex.months.get(ctx.lex.key(m[1])) if m else None
    if month is None or ctx.dct is None:
        return None
    year = ctx.dct.year if month <= ctx.dct.month else ctx.dct.year - 1
    return f"{year:04d}-Q{(month - 1) // 3 + 1}"


_FIGURE = re.compile(r"\d")  # a figure in the sentence: "had net of $1.1 million a year ago"
COMPARED_REACH = 80
"""How far (characters) before "a year earlier" a word of comparison ("from", "than", "compared") makes it
the period a figure is compared with."""
QUARTER_TOLD_REACH = 400
"""How far (characters) after a quarter or half it told a report's "a year earlier" / "a year ago" is
the same quarter a year before ("third-quarter net of $5 million, up from $3 million a year earlier":
1988-Q3, as TimeML writes it), not the year before."""


def _year_before_quarter(mt: Match, ctx: Context, from_dct: bool) -> Found | None:
    """"A year earlier", "a year ago" just after a quarter or half told: that quarter a year before.
    Counted from publication ("ago"), only a quarter of publication's year or the year before it
    is the one the report compares with."""
    period = ctx.quarter
    if not period or mt.start - ctx.quarter_end > QUARTER_TOLD_REACH:
        return None
    s0, _ = sentence_bounds(ctx.text, mt.start, ctx.sentences)
    lo = max(s0, mt.start - COMPARED_REACH)
    before = [ctx.lex.key(w) for w in _WORDS.findall(ctx.text, lo, mt.start)]
    if before and not any(w in ctx.lex.comparison_words for w in before) and not _FIGURE.search(ctx.text, s0, mt.start):
        return None  # "the chief, who joined a year ago": no figure compared, the year
    year = int(period[:4])
    if from_dct and (ctx.dct is None or not 0 <= ctx.dct.year - year <= 1):
        return None
    return Found(Timex(mt.start, mt.end, "", "DATE", f"{year - 1:04d}{period[4:]}", anchor="event"), compared=True)


def _norm_reference(mt: Match, ctx: Context) -> Found:
    if mt.rule.value:  # a rule that names its value ("at the time." -> PAST_REF)
        return Found(Timex(mt.start, mt.end, "", "DATE", mt.rule.value))
    return Found(Timex(mt.start, mt.end, "", "DATE", ctx.lex.references[ctx.lex.key(mt.groups["ref"])]))


_SEASON_END_MONTH = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}


def _norm_season(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    code = lex.seasons[lex.key(g["season"])]
    if "year" in g:
        return Found(Timex(mt.start, mt.end, "", "DATE", f"{int(g['year']):04d}-{code}"), explicit_year=True)
    if ctx.dct is None:
        return Found(Timex(mt.start, mt.end, "", "DATE", f"XXXX-{code}"), needs_anchor=True)
    if "yrel" in g:  # "musim panas tahun lalu": the season of the year named, whatever the month
        year = ctx.dct.year + lex.relative.get(lex.key(g["yrel"]), 0)
        return _dct_found(mt, ctx, "DATE", f"{year:04d}-{code}", f"XXXX-{code}")
    rel = lex.relative.get(lex.key(g["rel"]), 0) if "rel" in g else 0
    year = ctx.dct.year
    if rel < 0 and ctx.dct.month <= _SEASON_END_MONTH[code]:
        year -= 1  # "last summer" said in March is the summer of the year before
    elif rel > 0 and ctx.dct.month >= _SEASON_END_MONTH[code] - 2:
        year += 1
    return _dct_found(mt, ctx, "DATE", f"{year:04d}-{code}", f"XXXX-{code}")


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


_HOLIDAY_ON_OR_AFTER = re.compile(r"^(\d\d)-(\d\d) ([1-7])$")
_HOLIDAY_EASTER = re.compile(r"^easter([+-]\d+)?$")


def holiday_date(spec: Any, year: int) -> dt.date | None:
    """The day a holiday falls on in `year`, from its entry in the lexicon's `holidays`:
    "MM-DD" (fixed), "MM-DD W" (the first ISO weekday W on or after MM-DD: Labor Day is "09-01 1"),
    "easter+N" (N days after Western Easter), or a table {year: "MM-DD"} for holidays of a lunar or
    announced calendar (Idul Fitri, Idul Adha, Imlek); None for a year the table lacks."""
    if isinstance(spec, dict):
        spec = spec.get(year, spec.get(str(year)))
        if spec is None:
            return None
    spec = str(spec).strip()
    if m := _HOLIDAY_ON_OR_AFTER.match(spec):
        d = safe_date(year, int(m[1]), int(m[2]))
        return d + dt.timedelta(days=(int(m[3]) - d.isoweekday()) % 7) if d else None
    if m := _HOLIDAY_EASTER.match(spec):
        return _easter(year) + dt.timedelta(days=int(m[1] or 0))
    month, day = (int(x) for x in spec.split("-"))
    return safe_date(year, month, day)


def _norm_holiday(mt: Match, ctx: Context) -> Found:
    found = _holiday_day(mt, ctx)
    day = parse_day(found.timex.value) if "we" in mt.groups else None
    if day is not None:
        # "Labor Day weekend": the weekend next to the holiday (before a Monday, after a Friday)
        near = day - dt.timedelta(days=day.isoweekday()) if day.isoweekday() < 5 else day
        found.timex.value = week_value(near) + "-WE"
    return found


def _holiday_day(mt: Match, ctx: Context) -> Found:
    g, lex = mt.groups, ctx.lex
    spec = lex.holidays[lex.key(g["holiday"])]
    if "year" in g:
        d = holiday_date(spec, int(g["year"]))
        if d is None:
            raise ValueError(g["year"])  # a year the table does not know: not placed
        return Found(Timex(mt.start, mt.end, "", "DATE", d.isoformat()), explicit_year=True)
    if ctx.dct is None:
        fixed = holiday_date(spec, 2000) if isinstance(spec, str) and re.fullmatch(r"\d\d-\d\d", spec) else None
        value = f"XXXX-{fixed:%m-%d}" if fixed else "XXXX-XX-XX"
        return Found(Timex(mt.start, mt.end, "", "DATE", value), needs_anchor=True)
    if "rel" in g:  # "Lebaran tahun depan": the holiday of the year named
        d = holiday_date(spec, ctx.dct.year + lex.relative.get(lex.key(g["rel"]), 0))
        if d is None:
            raise ValueError(spec)
        return _dct_found(mt, ctx, "DATE", d.isoformat(), "XXXX-XX-XX")
    cands = [x for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (x := holiday_date(spec, y))]
    if not cands:
        raise ValueError(spec)
    if "last" in g and (past := [x for x in cands if x <= ctx.dct]):  # "Waisak kemarin": the last one
        return _dct_found(mt, ctx, "DATE", max(past).isoformat(), "XXXX-XX-XX")
    if "next" in g and (ahead := [x for x in cands if x >= ctx.dct]):  # "Natal nanti": the next one
        return _dct_found(mt, ctx, "DATE", min(ahead).isoformat(), "XXXX-XX-XX")
    # the words before govern ("sejak Lebaran"); where they say nothing, the sentence does ("Natal nanti")
    tense = tense_of(ctx.text, mt.start, mt.end, lex, before_only=True, sentences=ctx.sentences) or tense_of(
        ctx.text, mt.start, mt.end, lex, sentences=ctx.sentences
    )
    if tense <= 0 and (told := _told_year_point(mt, ctx)) is not None:
        # "on December 16, 2010 ... returned a week later to spend Christmas": the holiday nearest the
        # time being told, as a month or a day and month without a year (`_month_in`, `_norm_date`)
        near = [x for y in (told.year - 1, told.year, told.year + 1) if (x := holiday_date(spec, y))]
        if near:
            d = closest(near, told, 0, 0)
            return Found(Timex(mt.start, mt.end, "", "DATE", d.isoformat(), anchor="event"), needs_anchor=True)
    # a holiday within a season of the publication is that one whatever the tense ("the sprint to
    # Election Day" in September; "sejak Lebaran" in June)
    d = closest(cands, ctx.dct, tense, HOLIDAY_SLACK_DAYS)
    return _dct_found(mt, ctx, "DATE", d.isoformat(), "XXXX-XX-XX")


HOLIDAY_SLACK_DAYS = 90

NORMALISERS: dict[str, Callable[[Match, Context], Found]] = {
    "season": _norm_season,
    "holiday": _norm_holiday,
    "date": _norm_date,
    "month": _norm_month,
    "quarter": _norm_quarter,
    "week_of_month": _norm_week_of_month,
    "week_of_day": _norm_week_of_day,
    "year": _norm_year,
    "year_words": _norm_year_words,
    "decade": _norm_decade,
    "century": _norm_century,
    "relative": _norm_relative,
    "offset": _norm_offset,
    "anaphoric": _norm_anaphoric,
    "day_relative": _norm_day_relative,
    "weekday": _norm_weekday,
    "weekend": _norm_weekend,
    "day_of_month": _norm_day_of_month,
    "day_part": _norm_day_part,
    "duration": _norm_duration,
    "time": _norm_time,
    "set": _norm_set,
    "reference": _norm_reference,
    "same_period": _norm_same_period,
}


def _apply_prefix(found: Found, text: str, lex: Lexicon) -> None:
    """Extend a timex over a modifier written before it ("awal pekan ini", "lebih dari tiga tahun")."""
    if lex.prefix_regex is None:
        return
    tx = found.timex
    m = lex.prefix_regex.search(text[max(0, tx.start - 40) : tx.start])
    if not m:
        return
    mod = lex.prefix_mods[lex.key(m.group(1))]
    if mod in PART_MODS and tx.type not in ("DATE",):
        return
    if mod in QUANTITY_MODS and tx.type != "DURATION":
        return
    if tx.value.endswith("_REF"):
        return
    tx.mod = mod
    tx.start = max(0, tx.start - 40) + m.start(1)


_FOUND = TextCache(8_000_000)


def _find_cached(text: str, lang: str) -> tuple[Match, ...]:
    """The spans do not depend on the anchor date, so they are kept for the texts tagged last (see
    `TextCache`): an article tagged once to find its date and again against that date is matched
    once, and so is one the corpus stage "dating" re-tags in the same process (the article stage
    just tagged it, or an earlier chunk's dating did)."""
    spans: tuple[Match, ...] | None = _FOUND.get(text, lang)
    if spans is None:
        spans = tuple(find(text, lexicon(lang)))
        _FOUND.put(text, lang, spans)
    return spans


def tag(
    text: str,
    lang: str,
    dct: dt.date | None = None,
    dct_source: str = "dct",
    sentences: list[Span] | None = None,
) -> list[Found]:
    """All temporal expressions in `text`, normalised against `dct` (None: relative ones stay unanchored).

    `sentences` are the text's sentences (`Article.sentences`); without them the text layer splits
    `text` (the same splitter, so the result is the same either way)."""
    lex = lexicon(lang)
    ctx = Context(text=text, lex=lex, dct=dct, dct_source=dct_source, sentences=sentences)
    out: list[Found] = []
    clocks: list[tuple[Found, dt.date | None, bool]] = []
    narrated: set[dt.date] = set()  # days the text wrote as days things happened (not dating a statement)
    placed: set[int] = set()  # parts of the day put on a day the text did not write with them
    for mt in _find_cached(text, lang):
        told = ctx.reference  # the day the text was telling of before this expression
        # (a day said, or only named: "kemarin"; a statement's day that the story also told as the day
        # things happened is the story's day: "berlangsung hingga Rabu (18/6/2025) pukul 16.00 ... kata
        # Gede, Rabu (18/6/2025). ... Hingga pukul 15.00 WITA")
        said = (ctx.reference_said and told not in narrated) or not ctx.reference_written
        try:
            found = NORMALISERS[mt.rule.kind](mt, ctx)
        except (KeyError, ValueError, OverflowError):
            continue  # a span the rules caught but the calendar cannot place: not a timex
        _apply_prefix(found, text, lex)
        tx = found.timex
        if text[tx.end - 1] == "." and not re.search(r"\.\w\.$", text[tx.start : tx.end]):
            tx.end -= 1  # a sentence's full stop after "1 Juli", not an abbreviation's ("Okt.", "p.m.")
        tx.text = text[tx.start : tx.end]
        day = parse_day(found.timex.value)
        if (day and "weekday_mismatch" not in found.timex.flags and mt.rule.kind != "time"
                and not _ends_told_range(tx, ctx)):
            # (a clock's day is not known yet: it does not move the narrative)
            ctx.reference, ctx.reference_start, ctx.reference_end = day, tx.start, tx.end
            ctx.reference_said = _dates_statement(text, tx.start, lex, sentences)
            ctx.reference_written = any(c.isdigit() for c in tx.text)
            if ctx.reference_written and not ctx.reference_said:
                narrated.add(day)
        if (tx.type == "DATE" and "anaphoric_relative" not in tx.flags and "weekday_mismatch" not in tx.flags
                and not found.compared):
            period = _period_point(tx.value)
            compared = _compared_since(text, tx.start, lex) or _compared_against(text, tx.start, lex)
            if period is not None and not compared:
                # a day or month that took its year from the story ("June 30" after "June 29 2021", "In
                # May" after "March 19, 2020") passes it on
                written = found.explicit_year or (tx.anchor == "event" and mt.rule.kind in ("date", "month"))
                ctx.point, ctx.point_end, ctx.point_written = period, tx.end, written
        if tx.type == "DATE" and _SUB_YEAR.fullmatch(tx.value) and not found.compared:
            # (the year-ago quarter a report compares with is not the period it tells of)
            ctx.period, ctx.period_end = tx.value, tx.end
            if re.fullmatch(r"\d{4}-[QH]\d", tx.value):
                ctx.quarter, ctx.quarter_end = tx.value, tx.end
        if tx.type == "SET" and (every := re.fullmatch(r"XXXX-WXX-([1-7])", tx.value)):
            ctx.set_weekdays.add(int(every[1]))
        if found.has_weekday and any(c.isdigit() for c in tx.text) and (wday := parse_day(tx.value)) is not None:
            ctx.written_weekdays.setdefault(wday.isoweekday(), set()).add(wday)  # "Kamis (27/11/2014)"
        out.append(found)
        if mt.rule.kind == "time":
            clocks.append((found, told, said))
        elif mt.rule.kind == "day_part" or (mt.rule.kind == "weekend" and "rel" not in mt.groups):
            placed.add(id(found))
    bare = {id(c.timex): c for c, _, _ in clocks}
    out = _join_same_day(_join_compound_durations(out, text), text, bare)
    _weekdays_dated_after(out, text, sentences)
    _weekdays_listed_after_a_set(out, text, lex)
    _weekdays_listed_with_holidays(out, text, lex)
    _weekday_ranges_of_hours(out, text, lex)
    _weekday_ranges_in_order(out, text, dct)
    _months_before_a_year(out, text, lex)
    _days_before_a_dated_day(out, text, lex)
    out = _holiday_countdowns(out, text, lex)
    _weekday_typos_told_elsewhere(out, lex)
    _quoted_days_dated_after(out, text, lex, dct, sentences)
    if clocks:
        days = _Days(out, bare=set(bare))  # a clock joined to its day ("9 a.m. Tuesday") gives that day on
        recurring = _clocks_of_sets(out, text)
        for clock, told, said in clocks:
            if id(clock.timex) not in bare:
                continue  # joined to the day written right after it ("9 a.m. Tuesday")
            if id(clock) in recurring:
                # "setiap hari pukul 18.00 WIB", "every day at 6 p.m.": the clock of any day of the set
                clock.timex.value = "XXXX-XX-XX" + clock.timex.value[clock.timex.value.index("T"):]
                clock.timex.anchor = None
                continue
            # only a clock in a sentence that tells of the past moves off the publication day
            # ("terjatuh ... sekitar pukul 9 malam", not "berada pada ... pukul 10.14 WIB")
            if _date_clock(clock, days, text, sentences, lex) or _sentence_day_clock(clock, days, text, lex, sentences):
                continue
            if told is None:
                continue
            tense = tense_of(text, clock.timex.start, clock.timex.end, lex, sentences=sentences)
            # ... and one in an untensed sentence after the day of an announced event ("pada Minggu
            # (22/6/2025). Acara berlangsung pukul 17.00-23.00 WIB") is on that day, as is one after a
            # day the story tells of ("terjadi pada Minggu (15/6/2025). Api muncul pukul 06.14 WIB":
            # the guideline's clock "of the day being told"); a day that dates a statement ("kata
            # Budi, Selasa (17/6/2025). Rapat dimulai pukul 10.00") or is only named ("setelah kemarin
            # terpangkas 3,29 persen. Harga ... pukul 10:14 WIB") leaves it on the publication day
            if dct is not None and told > dct and _in_quote(text, clock.timex.start):
                # a speaker's clock ('"Katanya jam 10 lokasi sudah ditutup," celetuknya') is of the day
                # they speak, not of a day ahead the narrative named before ("resepsi 19 Juni 2025")
                continue
            if tense < 0 or (tense == 0 and dct is not None and (told > dct or not said)):
                _clock_on_told_day(clock, told, dct)
        _past_midnight(out, [c for c, _, _ in clocks if id(c.timex) in bare and id(c) not in recurring], text)
    _day_parts_dated_beside(out, placed, text, sentences)
    _day_parts_before_the_first_day(out, placed, ctx)
    placed.update(id(c) for c, _, _ in clocks if id(c.timex) in bare)
    _any_day_in_recurring(out, placed, ctx)
    return out


MIDNIGHT_REACH = 300
"""How far (characters) a small-hours clock may follow a late-evening one for the story to have crossed
midnight between them."""


def _past_midnight(found: list[Found], loose: list[Found], text: str) -> None:
    """A small-hours clock put on the day of a late-evening clock just before it, with no date between
    them nor one written right after it, is on the next day: the night went on past midnight ("pulang jam
    11 malam ... sudah jam 1 malam": 23:00 on the 19th, 01:00 on the 20th; "Kamis (19/6/2025) pukul 20.00
    hingga pukul 02.00 WIB": 02:00 on the 20th)."""
    clocks = {id(c) for c in loose}
    dates = [f.timex.start for f in found
             if f.timex.type in ("DATE", "TIME") and f.timex.value[:1] != "X" and id(f) not in clocks]
    night: tuple[str, int] | None = None  # the day of the last late-evening clock, and where the chain ends
    for clock in sorted(loose, key=lambda c: c.timex.start):
        tx = clock.timex
        if _DAY_CLOCK.match(tx.value) is None:
            night = None
            continue
        hour = int(tx.value[11:13])
        if (
            night is not None
            and night[0] == tx.value[:10]
            and hour < 6
            and 0 <= tx.start - night[1] <= MIDNIGHT_REACH
            and not any(night[1] <= d < tx.start or tx.end <= d <= tx.end + 40 for d in dates)
        ):
            _on_day(clock, dt.date.fromisoformat(tx.value[:10]) + dt.timedelta(days=1))
            night = (night[0], tx.end)  # "jam 1 malam ..., jam 2 ...": the night goes on
        else:
            night = (tx.value[:10], tx.end) if hour >= 18 else None


_DAILY_SET = re.compile(r"P\d*[DW]|PT\d+H|XXXX-WXX-[1-7]")
"""SET values of days, weeks or hours: what happens on every such day has its clock on any day."""


def _any_day_in_recurring(found: list[Found], placed: set[int], ctx: Context) -> None:
    """A clock time, a part of the day or a weekend that the story put on a day, in a sentence that tells
    what happens every day or week ("latihan tiap hari Senin-Jumat ..., dari jam 1 siang sampai jam 9 malam",
    "mengawasi setiap hari hingga malam hari") or usually ("biasanya buka hingga pukul 22.00"): any day's
    (`XXXX-XX-XXT13:00`, eval/real-id guideline), as the clock written right after a set is
    (`_clocks_of_sets`); a weekend without "lalu"/"ini" there is every weekend (SET `XXXX-WXX-WE`). Only
    what has no written date of its own moves: "Rabu (18/6) malam" stays that evening whatever else the
    sentence says. Advice ("sebaiknya", `Lexicon.advice`) makes any day's only what the story could put on
    no day but the publication's: advice for a day told ("Peserta disarankan hadir pukul 06.00" after the
    ceremony's Saturday) is of that day."""
    sets = [f.timex.start for f in found if f.timex.type == "SET" and _DAILY_SET.fullmatch(f.timex.value)]
    for f in found:
        tx = f.timex
        if id(f) not in placed or not tx.value[:1].isdigit():
            continue
        s0, s1 = sentence_bounds(ctx.text, tx.start, ctx.sentences)
        advised = bool(ctx.lex.advice) and tx.anchor == ctx.dct_source and _advised(ctx, tx)
        if not (any(s0 <= s < s1 for s in sets) or (ctx.lex.habitual and _habitual(ctx, tx.start)) or advised):
            continue
        if tx.type == "TIME" and "T" in tx.value:
            tx.value = "XXXX-XX-XX" + tx.value[tx.value.index("T"):]
            tx.anchor = None
        elif tx.value.endswith("-WE"):
            # "Setiap harinya 400 orang datang, akhir pekan meningkat sampai 1.500": every weekend
            tx.type, tx.value, tx.anchor = "SET", "XXXX-WXX-WE", None


_DURATION_PART = re.compile(r"^P(T?)(\d+)([YMWDHS])$")
_UNIT_RANK = {("", "Y"): 0, ("", "M"): 1, ("", "W"): 2, ("", "D"): 3, ("T", "H"): 4, ("T", "M"): 5, ("T", "S"): 6}
_COMPOUND_GAP = re.compile(r"\s+(?:(?:dan|and)\s+)?")
"""What joins the parts of one length ("1 menit 52 detik", "two hours and 15 minutes")."""


def _join_compound_durations(found: list[Found], text: str) -> list[Found]:
    """One DURATION for a length written in parts, coarsest first ("1 menit 52 detik" PT1M52S,
    "1 tahun 6 bulan" P1Y6M): TimeML writes one value for it, not two lengths."""

    def fold(prev: Timex, cur: Timex) -> bool:
        if (
            prev.type == cur.type == "DURATION"
            and (a := _DURATION_PART.match(prev.value)) is not None
            and (b := _DURATION_PART.match(cur.value)) is not None
            and _COMPOUND_GAP.fullmatch(text, prev.end, cur.start) is not None
            and (ra := _UNIT_RANK.get((a.group(1), a.group(3)))) is not None
            and (rb := _UNIT_RANK.get((b.group(1), b.group(3)))) is not None
            and ra < rb
        ):
            head = prev.value if "T" in prev.value or not b.group(1) else prev.value + "T"
            prev.value = head + b.group(2) + b.group(3)
            prev.end = cur.end
            prev.text = text[prev.start : prev.end]
            return True
        return False

    return _fold_into_previous(found, fold)


def _fold_into_previous(found: list[Found], fold: Callable[[Timex, Timex], bool]) -> list[Found]:
    """The expressions in order, each folded into the one kept before it where `fold(previous,
    current)` says so (it has then widened the previous one itself): the shared pass of the rules
    that read two neighbouring expressions as one. The kept one has its year written when either had:
    "7:40 p.m. ET March 17, 2020" is a clock joined to a date that writes its year, a full date."""
    out: list[Found] = []
    for f in found:
        if out and fold(out[-1].timex, f.timex):
            out[-1].explicit_year = out[-1].explicit_year or f.explicit_year
            continue
        out.append(f)
    return out


_SAME_DAY_GAP = re.compile(r"[^\S\n]+")
_CLOCK_PART = re.compile(r"T\d\d:\d\d(?::\d\d)?$")


def _join_same_day(found: list[Found], text: str, clocks: dict[int, Found] | None = None) -> list[Found]:
    """One expression for words that name one day twice or a day and its clock time, written next to each
    other: "esok Jumat (20/6/2025)" (one DATE), "Kamis (19/6) pukul 02.05 WIB" (one TIME, the guideline's
    "a date directly followed by a clock time").

    `clocks` are the clock times written without a day of their own (rule kind "time", by the id of
    their timex): such a clock still stands on the publication day here, so it joins a date just before
    it whatever day that is ("hingga Rabu (18/6/2025) pukul 16.00 WITA" in an article of Thursday:
    Wednesday 16:00, one TIME), not only a date of the publication day."""
    bare = clocks or {}

    def fold(prev: Timex, cur: Timex) -> bool:
        if (
            id(prev) in bare
            and cur.type == "DATE"
            and len(cur.value) == 10
            and _CLOCK_PART.search(prev.value) is not None
            and (written := parse_day(cur.value)) is not None
            and _SAME_DAY_GAP.fullmatch(text, prev.end, cur.start) is not None
        ):
            # "at 9 a.m. Tuesday", "4 a.m. EDT Thursday": a clock directly before its day, one TIME
            # ("midnight Friday" ends Friday); no longer a clock whose day is sought: `bare` forgets it
            _on_day(bare.pop(id(prev)), written)
            prev.anchor = cur.anchor
            prev.end = cur.end
            prev.text = text[prev.start : prev.end]
            return True
        if (
            prev.type != "DATE"
            or (day := parse_day(prev.value)) is None
            or len(prev.value) != 10
            or _SAME_DAY_GAP.fullmatch(text, prev.end, cur.start) is None
        ):
            return False
        if (cur.type == "DATE" and cur.value == prev.value) or (
            # (not a clock with its modifier: "Jumat sekitar pukul 13.45 WIB" is a word between, two
            # expressions, as the guideline's "separated by other words")
            cur.type == "TIME" and cur.value.startswith(prev.value + "T") and cur.mod is None
        ):
            prev.type, prev.value = cur.type, cur.value
        elif (
            (clock := bare.get(id(cur))) is not None
            and cur.mod is None  # "17 Juni 2025 sekira pukul 17.35": a word between, two expressions
            and any(c.isdigit() for c in prev.text)  # a written date, not a lone "Senin" (told, not written)
            and re.search(r"T\d\d:\d\d$", cur.value)
        ):
            _on_day(clock, day)  # "Rabu (18/6/2025) pukul 16.00 WITA": the clock on the date written
            prev.type, prev.value = "TIME", cur.value
        else:
            return False
        prev.end = cur.end
        prev.text = text[prev.start : prev.end]
        return True

    return _fold_into_previous(found, fold)


WEEKDAY_DATED_AFTER_REACH = 60
"""How far (characters, within one sentence) after a lone weekday the dates that gloss it may be
("Rabu subuh hingga Kamis dinihari, 14-15 Mei 2025")."""


def _weekdays_dated_after(found: list[Found], text: str, sentences: list[Span] | None) -> None:
    """A lone weekday (no digits) that a date written with its year just after it in the sentence falls
    on is that date ("Pada Rabu subuh hingga Kamis dinihari, 14-15 Mei 2025": Rabu is 14 May, not the
    Wednesday before publication)."""
    for k, f in enumerate(found):
        tx = f.timex
        if not f.has_weekday or any(c.isdigit() for c in tx.text) or tx.anchor == "event":
            continue
        day = parse_day(tx.value[:10])
        if day is None:
            continue
        _, s1 = sentence_bounds(text, tx.start, sentences)
        for later in found[k + 1 :]:
            lt = later.timex
            if lt.start >= s1 or lt.start - tx.end > WEEKDAY_DATED_AFTER_REACH:
                break
            d = parse_day(lt.value[:10]) if lt.type == "DATE" and not later.has_weekday else None
            if d is not None and d.isoweekday() == day.isoweekday() and d != day and _year_written_near(found, k, s1):
                tx.value = d.isoformat() + tx.value[10:]
                tx.anchor = "event"
                break


_SET_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])$")


def _weekdays_listed_after_a_set(found: list[Found], text: str, lex: Lexicon) -> None:
    """A lone weekday joined by a list or range word to a recurring one before it is of the set too
    ("setiap Rabu dan Kamis pukul 23.00", "every Monday and Thursday": any Thursday, SET XXXX-WXX-4,
    not the Thursday before publication); a list runs on ("setiap Senin, Rabu, dan Jumat")."""
    for prev, cur in itertools.pairwise(found):
        pt, tx = prev.timex, cur.timex
        if not _SET_WEEKDAY.match(pt.value) or not cur.has_weekday or any(c.isdigit() for c in tx.text):
            continue
        day = parse_day(tx.value[:10])
        if day is None or "T" in tx.value or not _joins_months(text[pt.end : tx.start], lex):
            continue
        _every_such_weekday(tx, day)


def _weekdays_listed_with_holidays(found: list[Found], text: str, lex: Lexicon) -> None:
    """Weekdays listed with holidays in general ("tidak berlaku pada hari Sabtu, Minggu, dan libur
    nasional", "closed on Saturdays, Sundays and public holidays") are every such weekday, as the
    holidays are every holiday: a rule of the calendar (SET XXXX-WXX-6), not the Saturday nearest
    publication. The list is bare weekdays joined by list words, and the holidays close it."""
    if not lex.general_holidays:
        return
    k = 0
    while k < len(found):
        if not _bare_weekday(found[k]):
            k += 1  # (a run starts at a weekday: a clock before "Sabtu, Minggu, dan ..." must not swallow it)
            continue
        run = [k]
        while (run[-1] + 1 < len(found)
               and _bare_weekday(found[run[-1] + 1])
               and _joins_months(text[found[run[-1]].timex.end : found[run[-1] + 1].timex.start], lex)):
            run.append(run[-1] + 1)
        if _holidays_after(text, found[run[-1]].timex.end, lex):
            for i in run:
                tx = found[i].timex
                if (day := parse_day(tx.value)) is not None:
                    _every_such_weekday(tx, day)
        k = run[-1] + 1


def _weekday_typos_told_elsewhere(found: list[Found], lex: Lexicon) -> None:
    """A weekday date that contradicts its weekday ("mulai Jumat (12/6/2025)", 12 June 2025 a Thursday) is
    the day the text writes elsewhere with that weekday and a date that agrees, a day or two from the one
    written ("... ujar Khofifah, Jumat (13/6/2025)"): the date, not the weekday, is the slip there."""
    agreeing = {
        d for f in found
        if f.has_weekday and "weekday_mismatch" not in f.timex.flags and any(c.isdigit() for c in f.timex.text)
        and len(f.timex.value) == 10 and (d := parse_day(f.timex.value)) is not None
    }
    for f in found:
        tx = f.timex
        if "weekday_mismatch" not in tx.flags or (written := parse_day(tx.value[:10])) is None:
            continue
        word = re.match(r"(?:hari\s+)?([^\W\d_]+(?:['\u2019][^\W\d_]+)?)", tx.text, re.IGNORECASE)
        wd = lex.weekdays.get(lex.key(word.group(1))) if word else None
        if wd is None:
            continue
        near = {d for d in agreeing if d.isoweekday() == wd and 0 < abs((d - written).days) <= 2}
        if len(near) == 1:
            day = near.pop()
            tx.value = day.isoformat() + tx.value[10:]
            tx.flags = [x for x in tx.flags if x != "weekday_mismatch"] + ["day_from_weekday"]


def _quoted_days_dated_after(
    found: list[Found], text: str, lex: Lexicon, dct: dt.date | None, sentences: list[Span] | None,
) -> None:
    """A quoted "hari ini" / "kemarin" / "besok" whose quotation is attributed, right after it on its line,
    to a day before publication ('"Alhamdulillah mulai hari ini, jalur ... dibuka," ujar Khofifah di
    Surabaya, Jumat (13/6/2025).' on a page of Saturday 14 June) counts from the day the words were said,
    not from the day the page came out (as `_quoted_today` does where the statement's day comes first)."""
    if dct is None:
        return
    for k, f in enumerate(found):
        tx = f.timex
        rel = lex.day_relative.get(lex.key(tx.text))
        if tx.type != "DATE" or rel is None or rel[1] is not None:
            continue
        if tx.value != (dct + dt.timedelta(days=int(rel[0]))).isoformat():
            continue  # placed on another day already (a quote after the statement's day)
        quote = _quote_bounds(text, tx.start, tx.end)
        if quote is None:
            continue
        line1 = text.find("\n", quote[1])
        line1 = len(text) if line1 < 0 else line1
        said = next((g for g in found[k + 1 :] if quote[1] <= g.timex.start < line1 and g.has_weekday
                     and any(c.isdigit() for c in g.timex.text)), None)
        if said is None or not _dates_statement(text, said.timex.start, lex, sentences):
            continue
        day = parse_day(said.timex.value)
        if day is None or len(said.timex.value) != 10 or not 0 < (dct - day).days <= STORY_DAYS:
            continue
        if text.find("\u201c", quote[1], said.timex.start) >= 0 or text.count('"', quote[1] + 1, said.timex.start):
            continue  # another quotation opens between them
        tx.value = (day + dt.timedelta(days=int(rel[0]))).isoformat()
        tx.anchor = "event"


def _holiday_countdowns(found: list[Found], text: str, lex: Lexicon) -> list[Found]:
    """"H-10", "H+3" (hari H minus / plus N days) are days counted from a holiday: "arus mudik meningkat
    sejak H-10 atau 21 Maret 2025" is ten days before the Lebaran the article is about. The holiday is
    the one named right after the mark ("H-7 Lebaran"), else the last named before it, else the first
    after; a text that names no holiday gives the mark no day, and it stays untagged (which "hari H" it
    counts from is not known). Whatever an earlier rule caught inside the mark (the "10" of "H-10" read as
    a day of the month) gives way to it."""
    if lex.holiday_countdown is None or not found:
        return found
    marks = list(lex.holiday_countdown.finditer(text))
    if not marks:
        return found
    holidays = [f for f in found if f.timex.type == "DATE" and parse_day(f.timex.value) is not None
                and _names_holiday(f.timex.text, lex)]
    if not holidays:
        return found
    added: list[Found] = []
    for m in marks:
        right_after = [h for h in holidays if 0 <= h.timex.start - m.end() <= 2]
        before = [h for h in holidays if h.timex.end <= m.start()]
        after = [h for h in holidays if h.timex.start >= m.end()]
        anchor = right_after[0] if right_after else before[-1] if before else after[0]
        base = parse_day(anchor.timex.value)
        assert base is not None
        days = int(m["num"]) * (-1 if m["sign"] == "-" else 1)
        day = base + dt.timedelta(days=days)
        added.append(Found(Timex(m.start(), m.end(), m[0], "DATE", day.isoformat(), anchor="event")))
    kept = [f for f in found
            if not any(f.timex.start < a.timex.end and a.timex.start < f.timex.end for a in added)]
    return sorted(kept + added, key=lambda f: (f.timex.start, f.timex.end))


def _names_holiday(span: str, lex: Lexicon) -> bool:
    """Whether a timex's words name a holiday of the lexicon ("Lebaran 2025 ini", "Hari Raya Idul Fitri")."""
    words = lex.key(span)
    return any(re.search(rf"(?<!\w){re.escape(k)}(?!\w)", words) for k in lex.holidays)


def _weekday_ranges_of_hours(found: list[Found], text: str, lex: Lexicon) -> None:
    """A range of bare weekdays followed by a colon and a clock time ("Senin - Jumat: Pukul 15.00 - 20.00
    WIB", "Monday-Friday: 9am-5pm") is a line of opening hours: every such weekday (SET XXXX-WXX-1 and
    XXXX-WXX-5), not the Monday and Friday nearest publication."""
    if lex.hours_after is None:
        return
    for prev, cur in itertools.pairwise(found):
        if not (_bare_weekday(prev) and _bare_weekday(cur)):
            continue
        if not _WEEKDAY_RANGE_GAP.fullmatch(text, prev.timex.end, cur.timex.start):
            continue
        if not lex.hours_after.match(text, cur.timex.end):
            continue
        for tx in (prev.timex, cur.timex):
            if (day := parse_day(tx.value)) is not None:
                _every_such_weekday(tx, day)


def _every_such_weekday(tx: Timex, day: dt.date) -> None:
    """Make `tx`, read as one `day`, every day of that weekday (SET XXXX-WXX-N): the one reading the
    calendar rules (a list after "setiap", weekdays listed with holidays, opening hours) give it."""
    tx.type, tx.value, tx.anchor = "SET", f"XXXX-WXX-{day.isoweekday()}", None


def _bare_weekday(f: Found) -> bool:
    """A weekday written alone ("Sabtu", "hari Minggu"): no digit, one day's DATE."""
    tx = f.timex
    return f.has_weekday and tx.type == "DATE" and len(tx.value) == 10 and not any(c.isdigit() for c in tx.text)


def _holidays_after(text: str, end: int, lex: Lexicon) -> bool:
    """Whether a list word and holidays in general follow `end` ("..., dan libur nasional")."""
    m = _LIST_TAIL.match(text, end)
    if m is None:
        return False
    rest = text[m.end() : m.end() + 40].lower()
    return any(re.match(rf"{re.escape(h)}\b", rest) for h in lex.general_holidays)


_LIST_TAIL = re.compile(r"\s*(?:,\s*)?(?:(?:dan|atau|serta|maupun|and|or)\s+)?", re.IGNORECASE)


_WEEKDAY_RANGE_GAP = re.compile(r"\s*(?:[-–]|hingga|sampai|s\.?d\.?|s/d|to|through|until)\s*", re.IGNORECASE)


def _weekday_ranges_in_order(found: list[Found], text: str, dct: dt.date | None) -> None:
    """The two weekdays of a range ("Senin–Jumat", "Sabtu hingga Minggu") are of one week, the start on
    or before the end: each was placed alone by the sentence's tense, which can put the start after the
    end ("buka Senin–Jumat": Monday the 16th, Friday the 13th). The later one moves into the week of the
    other: the end after the start where the start is still to come, else the start before the end."""
    for prev, cur in itertools.pairwise(found):
        a, b = prev.timex, cur.timex
        if not (prev.has_weekday and cur.has_weekday and a.type == b.type == "DATE"):
            continue
        if any(c.isdigit() for c in a.text + b.text) or not _WEEKDAY_RANGE_GAP.fullmatch(text, a.end, b.start):
            continue
        da, db = parse_day(a.value), parse_day(b.value)
        if da is None or db is None or len(a.value) != 10 or len(b.value) != 10 or da <= db <= da + dt.timedelta(6):
            continue
        span = dt.timedelta((db.isoweekday() - da.isoweekday()) % 7)
        if dct is not None and da >= dct:
            b.value = (da + span).isoformat()
        else:
            a.value = (db - span).isoformat()


def _year_written_near(found: list[Found], k: int, s1: int) -> bool:
    """Whether a date after found[k] and in its sentence (before s1) writes its year."""
    return any(f.explicit_year for f in found[k + 1 :] if f.timex.start < s1)


_PERIOD = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-[QH]\d)?$")
_SET_CLOCK_GAP = re.compile(r"\s*(?:[^\W\d_]{1,4}\s+)?")
"""What may stand between a set and its clock time: space and one short word ("at", "pada")."""


def _clocks_of_sets(found: list[Found], text: str) -> set[int]:
    """ids of the clock times written right after a SET of days ("setiap hari pukul 18.00 WIB")."""
    out: set[int] = set()
    for prev, cur in itertools.pairwise(found):
        if prev.timex.type == "SET" and cur.timex.type == "TIME" and "T" in cur.timex.value and \
                _SET_CLOCK_GAP.fullmatch(text, prev.timex.end, cur.timex.start):
            out.add(id(cur))
    return out


def _period_point(value: str) -> tuple[dt.date, str] | None:
    """A DATE value naming a year, a month or a day as (its first day, precision); None otherwise. A
    quarter or half names its year ("kuartal I 2025 ... dibandingkan tahun sebelumnya": 2024)."""
    m = _PERIOD.match(value)
    if not m:
        return None
    d = safe_date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    return (d, "D" if m[3] else "M" if m[2] else "Y") if d else None


STORY_DAYS = 14
"""How far from the publication date the day a text is telling of may lie for a clock time without a
date of its own to take it ("pada 11 Juni ... sekitar pukul 9 malam"): farther, an earlier date is
more likely background than the story's day."""


def _clock_on_told_day(clock: Found, told: dt.date | None, dct: dt.date | None) -> None:
    """A clock time with no date beside it is on the day the text was telling of (the last day it
    named: "pada 11 Juni ... sekitar pukul 9 malam"), not the publication day (TimeML anchors it to the
    time being told, IndoTimex too)."""
    tx = clock.timex
    if told is None or dct is None or "T" not in tx.value or told == dct or abs((told - dct).days) > STORY_DAYS:
        return
    _on_day(clock, told)
    tx.anchor = "event"


_AFTER_ALL = 1 << 62  # sorts after every index in a (offset, index) key


_DAY_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


class _Days:
    """The dates with a day of a text's timexes, indexed by where they start and end (see `_date_clock`)."""

    def __init__(self, found: list[Found], bare: set[int] | None = None) -> None:
        """`bare`: ids of the clock times written without a day (their day is what is sought); a date
        written with its clock ("Minggu, 22 Juni 2025 pukul 17.00") gives its day to the clocks near it
        ("... hingga 23.00 WIB")."""
        self.found = found
        bare = bare or set()
        days = [
            (k, f) for k, f in enumerate(found)
            if (f.timex.type == "DATE" or re.match(r".{10}T[A-Z]{2}$", f.timex.value)  # "Kamis (19/6) pagi"
                or (_DAY_CLOCK.match(f.timex.value) and id(f.timex) not in bare))
            and parse_day(f.timex.value) and "weekday_mismatch" not in f.timex.flags
        ]
        self.by_start = sorted((f.timex.start, k) for k, f in days)
        self.by_end = sorted((f.timex.end, k) for k, f in days)

    def near(self, start: int, end: int, reach: int) -> list[int]:
        """Indices (in text order of `found`) of the days that end within `reach` of `start` or start
        within `reach` of `end`."""
        picked = {k for _, k in self._within(self.by_end, start - reach, start + reach)}
        picked.update(k for _, k in self._within(self.by_start, end - reach, end + reach))
        return sorted(picked)

    @staticmethod
    def _within(keys: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
        return keys[bisect.bisect_left(keys, (lo, -1)) : bisect.bisect_right(keys, (hi, _AFTER_ALL))]


_DAY_PART_VALUE = re.compile(r"\d{4}-\d\d-\d\dT[A-Z]{2}$")
DAY_PART_DATE_REACH = 40
"""How far (characters, within one sentence) a written date may stand from a part of the day to date it."""


def _day_parts_dated_beside(found: list[Found], placed: set[int], text: str, sentences: list[Span] | None) -> None:
    """A part of the day that the story put on a day (`placed`: the day told before it, or the
    publication day) takes the day of a date written with digits beside it in its sentence instead
    ("pada saat malam gala dinner, Rabu (18/6/2025)": the evening of the 18th, not of the publication
    day), as a clock time does (`_date_clock`)."""
    parts = [f for f in found if id(f) in placed and f.timex.type == "TIME" and _DAY_PART_VALUE.match(f.timex.value)]
    if not parts:
        return
    days = _Days(found)
    for part in parts:
        tx = part.timex
        s0, s1 = sentence_bounds(text, tx.start, sentences)

        def gap(f: Found, tx: Timex = tx) -> int:
            return min(abs(f.timex.end - tx.start), abs(tx.end - f.timex.start))

        near = [
            f for f in (days.found[k] for k in days.near(tx.start, tx.end, DAY_PART_DATE_REACH))
            if f is not part and f.timex.type == "DATE" and s0 <= f.timex.start < s1
            and any(c.isdigit() for c in f.timex.text) and gap(f) <= DAY_PART_DATE_REACH
        ]
        if near:
            day = min(near, key=gap)
            tx.value, tx.anchor = day.timex.value[:10] + tx.value[10:], day.timex.anchor


FIRST_DAY_REACH = 300
"""How far (characters) after a part of the day told before any day a written date may come to give it
its day (the lead names the evening, the next paragraph the date)."""


def _day_parts_before_the_first_day(found: list[Found], placed: set[int], ctx: Context) -> None:
    """A part of the day in a sentence that tells of no future, before the text has named any day ("Ia
    jatuh di dekat letusan gunung berapi saat malam. Pria itu ... melihat letusan pada 11 Juni"), is of
    the day the story then writes (the evening of 11 June), when that day lies before publication and
    near it; not of the publication day, which the text never said it was."""
    if ctx.dct is None:
        return
    for k, part in enumerate(found):
        tx = part.timex
        if id(part) not in placed or tx.anchor != ctx.dct_source or not _DAY_PART_VALUE.match(tx.value):
            continue
        if any(parse_day(f.timex.value) for f in found[:k] if f.timex.type in ("DATE", "TIME")):
            continue  # a day was named before it: the told day already governs it
        if tense_of(ctx.text, tx.start, tx.end, ctx.lex, sentences=ctx.sentences) > 0:
            continue
        later = next((f for f in found[k + 1:] if f.timex.start - tx.end <= FIRST_DAY_REACH
                      and f.timex.type == "DATE" and parse_day(f.timex.value)), None)
        if later is None or not any(c.isdigit() for c in later.timex.text):
            continue
        day = parse_day(later.timex.value)
        if (day is None or not 0 < (ctx.dct - day).days <= STORY_DAYS
                or _dates_statement(ctx.text, later.timex.start, ctx.lex, ctx.sentences)):
            continue
        tx.value, tx.anchor = day.isoformat() + tx.value[10:], "event"


def _sentence_day_clock(
    clock: Found, days: _Days, text: str, lex: Lexicon, sentences: list[Span] | None = None
) -> bool:
    """A clock time farther from a date than `_date_clock` reaches takes its day when that is the one day
    its sentence writes with digits ("Laga pembuka pada 6 Juli tetap akan diawali dengan laga Persib di
    Stadion Si Jalak Harupat, Soreang, Kabupaten Bandung, pukul 15.30": 6 July, however far ahead, and
    whatever the tense). Not a date that dates a statement ("..., kata Budi, Selasa (17/6/2025)": the
    day of speaking, not of what was said), nor where the sentence writes two days, nor one in a clause an
    event relator opens right after the clock ("tiba pukul 20.00, setelah Senin (16/6) berangkat")."""
    tx = clock.timex
    if "T" not in tx.value:
        return False
    s0, s1 = sentence_bounds(text, tx.start, sentences)
    dated = [
        f for f in (days.found[k] for k in days.near(tx.start, tx.end, s1 - s0))
        if f is not clock and s0 <= f.timex.start < s1 and f.timex.type == "DATE"
        and any(c.isdigit() for c in f.timex.text)
        and not (f.timex.start >= tx.end and _opens_other_clause(text[tx.end : f.timex.start], lex))
    ]
    if not dated or len({f.timex.value[:10] for f in dated}) > 1:
        return False
    if any(_dates_statement(text, f.timex.start, lex, sentences) for f in dated):
        return False
    _on_day(clock, dt.date.fromisoformat(dated[0].timex.value[:10]))
    tx.anchor = dated[0].timex.anchor or "event"
    return True


_CLOCK_VALUE = re.compile(r"T\d\d:\d\d")


def _next_day_of_other_clock(clock: Found, day: Found, found: list[Found]) -> bool:
    """Whether `day`, written after `clock`, is the day of another clock: a later clock written with its
    own day ("pukul 20.00 hingga pukul 02.00 WIB keesokan harinya"), or a day said without a date ("hari
    berikutnya", "the next day") after another clock that stands between them. It dates that later
    clock, the end of a range ("Pukul 05.00 - 01.00 WIB (hari berikutnya)": 01:00 is on the next day,
    05:00 is not)."""
    tx, dx = clock.timex, day.timex
    if dx.start < tx.end:
        return False
    if _CLOCK_VALUE.search(dx.value):
        return True  # a later clock with its own day ("pukul 20.00 hingga pukul 02.00 keesokan harinya")
    if any(c.isdigit() for c in dx.text):
        return False
    return any(
        f is not clock and tx.end <= f.timex.start and f.timex.end <= dx.start and _CLOCK_VALUE.search(f.timex.value)
        for f in found
    )


_CLAUSE_OPENER = re.compile(r"[^\S\n]*,[^\S\n]*(\w+)\b")
"""A comma and the word after it: what opens another clause between a clock time and a date after it."""


def _opens_other_clause(gap: str, lex: Lexicon | None) -> bool:
    """Whether the text between a clock time and a date after it opens another clause with an event
    relator (", setelah sehari sebelumnya anjlok", ", after ..."): that date is another event's day."""
    m = _CLAUSE_OPENER.match(gap)
    return bool(lex and m and lex.key(m[1]) in lex.event_relators)


def _date_clock(
    clock: Found, days: _Days, text: str, sentences: list[Span] | None = None, lex: Lexicon | None = None
) -> bool:
    """A clock time takes the day of a date written next to it ("Selasa 17 Juni 2025 sekira pukul 17.35",
    "pukul 08.00 WIB, Kamis (19/6)") rather than the publication day; not of one after it in a clause an
    event relator opens ("naik hingga tengah hari, setelah sehari sebelumnya anjlok": the day before is
    when it fell)."""
    tx = clock.timex
    if "T" not in tx.value:
        return False
    s0, s1 = sentence_bounds(text, tx.start, sentences)
    near = [
        f for f in (days.found[k] for k in days.near(tx.start, tx.end, 40))
        if f is not clock and s0 <= f.timex.start < s1
        and min(abs(f.timex.end - tx.start), abs(tx.end - f.timex.start)) <= 40
        and not _next_day_of_other_clock(clock, f, days.found)
        and not (f.timex.start >= tx.end and _opens_other_clause(text[tx.end : f.timex.start], lex))
    ]
    if not near:
        return False
    day = min(near, key=lambda f: min(abs(f.timex.end - tx.start), abs(tx.end - f.timex.start)))
    _on_day(clock, dt.date.fromisoformat(day.timex.value[:10]))
    tx.anchor = day.timex.anchor
    return True
