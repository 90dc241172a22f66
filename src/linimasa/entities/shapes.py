"""Recall by shape (helper entrec): organisation, place and event names whose own words say what they
are, wherever the model and the other rules left them out.

Read on the misses of the development pool (`linimasa eval real --set dev+extras-all`), shapes that a
reader takes for a name of one kind on any news page, whatever the context:

- an outlet naming itself as a source ("dilansir detikJatim", "kepada Kompas.com"), also glued to the
  words around it by the scraper ("kepadadetikcomsaat"): ORG (`outlet_self_names`);
- a police unit before its command ("Kasi Humas Polres Metro Depok", "Kadiv Humas Polri"): the unit
  and the command are one organisation, a chain of unit names (`police_unit_chains`);
- an anniversary with its ordinal ("HUT ke-80 Republik Indonesia", "Hari Bhayangkara ke-79 Tahun
  2025"): a named event (`anniversaries`);
- a street with its name ("Jalan Jenderal Ahmad Yani"): a place (`streets`);
- a syllable short form in brackets after an organisation ("Himpunan Bank Milik Negara (Himbara)")
  and its later uses: that organisation (`syllable_short_forms`);
- a kind word that opens a name of its kind ("Kabinet Merah Putih"): ORG (`named_heads`);
- a parliament's numbered commission ("Komisi III DPR RI", "Komisi I"): ORG (`commissions`);
- a country with an age group ("Belanda U-21"): the youth team, ORG (`youth_teams`);
- a Balinese name ("I Nyoman Oka Wirawa"): a person, which ends an organisation run into it
  (`balinese_names`).

The words are data (`resources/<lang>/name_shapes.yaml`); a language without the file is left as it is.
Each step adds a mention only where no found mention runs across its edges, and replaces the mentions
inside it (only the outermost name is annotated: eval/real-id/GUIDELINE.md 3). `settle_shapes` runs
last in `_recognise`, after the recall steps of `recall.py`, so that nothing the precision steps cut
comes back except by its shape; `outlet_self_names`, `named_heads` and `commissions` run in `recognise`
on the text as the scraper wrote it (a seam opened inside a glued name does not cut them).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterable
from typing import Any

from linimasa import resources
from linimasa.entities.rules import cues_for
from linimasa.model import Mention
from linimasa.text.gazetteer import Gazetteer, normalise

# a word of a name: capitalised ("Bhayangkara") or all capitals ("RI"); in a street's name also an
# initial or a short title with its full stop ("H.", "KH.", "Dr."), which a sentence's end is not
_NAME = r"[A-Z][A-Za-z'’\-]*"
_WORD = rf"(?:{_NAME}|[A-Z][A-Za-z]{{0,2}}\.)"
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


@functools.cache
def _data(language: str) -> dict[str, Any]:
    """The language's `name_shapes.yaml` (empty where the language has none)."""
    return resources.load_or_empty(language, "name_shapes") or {}


def _words(language: str, key: str) -> tuple[str, ...]:
    return tuple(str(w) for w in _data(language).get(key) or [])


def _written(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` is written in `text` at all: a substring test per word, far cheaper than
    a pattern's scan of the whole text that opens with a look-behind (such a pattern has no literal
    prefix for the scan to skip ahead by). Each step below runs its pattern only where a word that
    every match of it holds is written."""
    return any(w in text for w in words)


@functools.cache
def _cue(language: str, key: str) -> re.Pattern[str] | None:
    """The language's `key` pattern (what every match of a data pattern holds), compiled once."""
    pattern = _data(language).get(key)
    return re.compile(str(pattern)) if pattern else None


def _alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of `words` as written, longest first (so "Sat Reskrim" beats "Reskrim")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class _Placed(list):  # type: ignore[type-arg]
    """The list `_put` returns: the same mentions in the same order, plus their spans sorted by start,
    so that the next `_put` finds the mentions a span overlaps by bisection instead of reading every
    mention of the article (the steps below put one mention per hit of their pattern: a scan per hit
    made a long article's cost grow with the square of its mentions)."""

    __slots__ = ("items", "longest", "ordered", "starts")

    starts: list[int]
    ordered: list[Mention]
    longest: int
    items: list[Mention]  # the mentions as indexed: a list changed in place since is indexed again


_LAST_INDEXED: tuple[list[Mention], _Placed] | None = None
"""The plain list `_put` last indexed and its index: a step whose puts all fail passes the caller's
list back unchanged (callers test `out is mentions`), and must not index it again at every hit."""


def _placed(mentions: list[Mention]) -> _Placed:
    global _LAST_INDEXED
    if isinstance(mentions, _Placed) and list.__eq__(mentions.items, mentions):
        return mentions  # (a caller that changed the list in place gets a fresh index below)
    last = _LAST_INDEXED  # one read: another thread may replace it
    if last is not None and last[0] is mentions and list.__eq__(last[1].items, mentions):
        return last[1]
    out = _Placed(mentions)
    out.ordered = sorted(mentions, key=lambda m: m.start)
    out.starts = [m.start for m in out.ordered]
    out.longest = max((m.end - m.start for m in mentions), default=0)
    out.items = list(mentions)
    _LAST_INDEXED = (mentions, out)
    return out


def _starting(mentions: list[Mention], after: int, before: int) -> list[Mention]:
    """The mentions whose start lies strictly between `after` and `before`, by bisection over the
    index `_put` keeps: a step that asks this per match of its pattern would otherwise read every
    mention per match, which grows with the square of the text (at 2 MB the scans of `named_heads`
    alone were 2.7 s of the entities stage). Order: by start (callers only take a min or ask any)."""
    return _index_starting(_placed(mentions), after, before)


def _covering(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions that hold the span `start`..`end` (start <= start, end >= end), by bisection: only
    a mention starting within the longest mention's length before `end` can reach past it."""
    return _index_covering(_placed(mentions), start, end)


def _put(mentions: list[Mention], new: Mention) -> list[Mention]:
    """`mentions` with `new` in it: the mentions inside its span go; nothing changes when one runs
    across its edges or the span is found already. (One put of `_Putting`, which the steps use.)"""
    putting = _Putting(mentions)
    putting.put(new)
    return putting.result()


# the index queries, of a `_Placed` (`_placed`'s, or a `_Putting`'s list as it stands)
def _index_starting(index: _Placed, after: int, before: int) -> list[Mention]:
    lo = bisect.bisect_right(index.starts, after)
    hi = bisect.bisect_left(index.starts, before)
    return index.ordered[lo:hi] if lo < hi else []


def _index_covering(index: _Placed, start: int, end: int) -> list[Mention]:
    lo = bisect.bisect_left(index.starts, end - index.longest)
    hi = bisect.bisect_right(index.starts, start)
    return [m for m in index.ordered[lo:hi] if m.end >= end]


def _index_overlapping(index: _Placed, start: int, end: int) -> tuple[int, int, list[Mention]]:
    """The mentions sharing a character with `start`..`end`, and the slice of `index.ordered` they lie in."""
    lo = bisect.bisect_left(index.starts, start - index.longest)
    hi = bisect.bisect_left(index.starts, end)
    return lo, hi, [m for m in index.ordered[lo:hi] if start < m.end]


class _Putting:
    """`_put` over one step's loop, in place: the step's first successful put copies the caller's list
    and its index once, and every later put changes that copy (a removal, an append, an insert at the
    bisection point), where `_put` copied and compared the whole list four times per put (at 2 MB,
    0.3 CPU-s of the entities stage). The result is the list chained `_put`s give, in the same order,
    and the caller's list itself where no put succeeded (callers test `out is mentions`)."""

    __slots__ = ("dead", "given", "index", "own")

    def __init__(self, mentions: list[Mention]) -> None:
        self.given = mentions
        self.index: _Placed | None = None  # (made at the first put or question: most steps match nothing)
        self.own: _Placed | None = None
        # the mentions taken out (their ids): they stay in `own`, which keeps them alive (so no new
        # mention takes an id of theirs), until `result` drops them in one pass; the index (`ordered`,
        # `starts`) drops them at once. Taking each out of the list at once read the whole list per put.
        self.dead: set[int] = set()

    def put(self, new: Mention) -> bool:
        """Put `new` as `_put` would; whether it went in."""
        lo, hi, hits = _index_overlapping(self._now(), new.start, new.end)
        if any(m.start < new.start or m.end > new.end for m in hits):
            return False
        if any((m.start, m.end) == (new.start, new.end) for m in hits):
            return False
        own = self._owned()
        if hits:
            gone = {id(m) for m in hits}
            keep = [id(m) not in gone for m in own.ordered[lo:hi]]
            own.ordered[lo:hi] = list(itertools.compress(own.ordered[lo:hi], keep))
            own.starts[lo:hi] = list(itertools.compress(own.starts[lo:hi], keep))
            self.dead |= gone
        self._append(own, new)
        return True

    def _append(self, own: _Placed, new: Mention) -> None:
        if id(new) in self.dead:  # (a mention taken out put back: drop the dead first; no step does)
            self._compact(own)
        own.append(new)
        where = bisect.bisect_right(own.starts, new.start)
        own.ordered.insert(where, new)
        own.starts.insert(where, new.start)
        own.longest = max(own.longest, new.end - new.start)

    def _compact(self, own: _Placed) -> None:
        if self.dead:
            dead = self.dead
            own[:] = list(itertools.compress(own, map(operator.not_, map(dead.__contains__, map(id, own)))))
            self.dead = set()

    def _owned(self) -> _Placed:
        """The list this step changes: a copy of the caller's, made at the first change."""
        if self.own is None:
            index = self._now()
            own = _Placed(index)
            own.ordered, own.starts, own.longest = list(index.ordered), list(index.starts), index.longest
            self.own = own
        return self.own

    def swap(self, gone: list[Mention], added: list[Mention]) -> None:
        """Take `gone` out (these objects) and append `added` in order: the list
        `[m for m in out if m not in gone] + added` (`balinese_names`' cut), in place."""
        own = self._owned()
        ids = {id(m) for m in gone}
        for start in sorted({m.start for m in gone}, reverse=True):  # (each start's run of the index)
            lo, hi = bisect.bisect_left(own.starts, start), bisect.bisect_right(own.starts, start)
            keep = [id(m) not in ids for m in own.ordered[lo:hi]]
            own.ordered[lo:hi] = list(itertools.compress(own.ordered[lo:hi], keep))
            own.starts[lo:hi] = list(itertools.compress(own.starts[lo:hi], keep))
        self.dead |= ids
        for m in added:
            self._append(own, m)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that share a character with `start`..`end` (the hits of a put), by start."""
        return _index_overlapping(self._now(), start, end)[2]

    def listed(self, among: list[Mention]) -> list[Mention]:
        """`among` in the order of the list (a read of every mention: for the rare step that needs it)."""
        ids = {id(m) for m in among}
        return [m for m in self._now() if id(m) in ids]  # (a dead mention is none of `among`)

    def _now(self) -> _Placed:
        if self.own is not None:
            return self.own
        if self.index is None:
            self.index = _placed(self.given)
        return self.index

    def starting(self, after: int, before: int) -> list[Mention]:
        """`_starting` of the list as it stands."""
        return _index_starting(self._now(), after, before)

    def covering(self, start: int, end: int) -> list[Mention]:
        """`_covering` of the list as it stands."""
        return _index_covering(self._now(), start, end)

    def result(self) -> list[Mention]:
        """The list with every put in it (indexed, for the next step's `_placed`)."""
        if self.own is None:
            return self.given
        self._compact(self.own)
        self.own.items = list(self.own)
        return self.own


@functools.cache
def _outlet_patterns(language: str) -> tuple[tuple[re.Pattern[str], str | None], ...]:
    """Each outlet pattern of the language with the key its mentions share (None: their own name)."""
    entries = _data(language).get("outlet_self_names") or []
    return tuple((re.compile(e["pattern"]), f"name:{normalise(e['key'])}" if e.get("key") else None) for e in entries)


def outlet_self_names(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """An outlet's own name in the text ("dilansir detikSumut", "pengamatanKompas.comdi") is that
    outlet (ORG): media named as a source are organisations. A shorter mention inside it ("CNNIndonesia"
    of "CNNIndonesia.com") gives way to it. A desk shares its outlet's key ("detikNews": detikcom)."""
    out = _Putting(mentions)
    for pattern, key in _outlet_patterns(language):
        for hit in pattern.finditer(text):
            out.put(Mention(hit.start(), hit.end(), hit.group(), "ORG", source="rule", key=key))
    return mentions if out.own is None else sorted(out.result(), key=lambda m: (m.start, m.end))


@functools.cache
def _unit_before(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    units, commands = _words(language, "police_units"), _words(language, "police_commands")
    if not units or not commands:
        return None
    unit = re.compile(rf"(?<![\w-])(?:{_alternatives(units)}) $")
    command = re.compile(rf"(?:{_alternatives(commands)})(?![a-z])")
    return unit, command


def police_unit_chains(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A police unit written before its command ("Humas" of "Kasi Humas Polres Toba", "Reskrim" of
    "Kasat Reskrim Polres Metro Depok") joins the command's mention: a unit and the body it belongs to
    are one organisation (GUIDELINE 4: a chain of unit names with no bracket is one mention). The
    title before the unit stays out (a role)."""
    patterns = _unit_before(language)
    if patterns is None:
        return mentions
    if not _written(text, _words(language, "police_commands")):
        return list(mentions)  # no command: no mention opens with one, and no chain holds one
    unit, command = patterns
    out = list(mentions)
    for m in sorted(mentions, key=lambda m: m.start):
        if m.type != "ORG" or not command.match(m.text):
            continue
        hit = unit.search(text, max(0, m.start - 40), m.start)
        if hit is None:
            continue
        if any(o is not m and o.start < m.start and o.end > hit.start() for o in out):
            continue  # the unit word is part of another mention: not this step's to take
        joined = Mention(hit.start(), m.end, text[hit.start() : m.end], "ORG", source="rule")
        out = [o for o in out if o is not m] + [joined]
    return _unit_chains_unfound(text, out, language)


@functools.cache
def _unit_chain_pattern(language: str) -> re.Pattern[str] | None:
    units, commands = _words(language, "police_units"), _words(language, "police_commands")
    if not units or not commands:
        return None
    return re.compile(rf"(?<![\w-])(?:{_alternatives(units)}) (?:{_alternatives(commands)})(?: {_NAME})*")


def _end_before(hit: re.Match[str], stops: set[str] | frozenset[str], after: int) -> int:
    """Where a pattern's hit ends as a name: before its first word (case-folded) in `stops` that
    starts past `after` characters into the hit, else at its last word."""
    end = hit.start()
    for w in re.finditer(r"\S+", hit.group()):
        if w.start() > after and w.group().casefold() in stops:
            break
        end = hit.start() + w.end()
    return end


def _unit_chains_unfound(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A unit and its command that no organisation mention holds ("Kasi Humas Polres Metro Tangerang
    Kota AKP Prapto", read as a role, or as the places "Metro" and "Tangerang"): the unit, the command and
    the capitalised words of its seat, up to the officer's rank, are the organisation, over the places
    read inside it."""
    pattern = _unit_chain_pattern(language)
    if pattern is None:
        return mentions
    ranks = {w.casefold() for w in _words(language, "police_ranks")}
    out = _Putting(mentions)
    for hit in pattern.finditer(text):
        end = _end_before(hit, ranks, 1)
        people = [m.start for m in out.starting(hit.start(), end) if m.type == "PER"]
        if people:  # a person named without a rank ("Humas Polri Sandi Nugroho"): the name is theirs
            end = len(text[: min(people)].rstrip())
        if any(m.type == "ORG" for m in out.covering(hit.start(), end)):
            continue
        out.put(Mention(hit.start(), end, text[hit.start() : end], "ORG", source="rule"))
    return out.result()


@functools.cache
def _anniversary_pattern(language: str) -> re.Pattern[str] | None:
    heads = _words(language, "anniversary_heads")
    if not heads:
        return None
    name = rf"{_NAME}(?: {_NAME}){{0,3}}"
    after = rf"{_NAME}(?: {_NAME}){{0,2}}"
    ordinal = r"ke-\d{1,4}"
    year = r"(?: Tahun \d{4})?"
    return re.compile(
        rf"(?<![\w-])(?:{_alternatives(heads)}) (?:(?:{name}) {ordinal}|{ordinal} (?:{after})){year}(?![\w-])"
    )


def anniversaries(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """An anniversary with its name and ordinal ("HUT ke-80 Republik Indonesia", "HUT Bhayangkara ke-79
    Tahun 2025", "Hari Bhayangkara ke-79") is a named event (EVT), over the names inside it (the
    country, the police): only the outermost name is annotated."""
    pattern = _anniversary_pattern(language)
    if pattern is None or "ke-" not in text:  # (every match holds its ordinal)
        return mentions
    out = _Putting(mentions)
    for hit in pattern.finditer(text):
        out.put(Mention(hit.start(), hit.end(), hit.group(), "EVT", source="rule",
                                key=_anniversary_key(hit.group())))
    return out.result()


def _anniversary_key(name: str) -> str | None:
    """One key for the ways news writes one anniversary ("HUT Bhayangkara ke-79", "Hari Bhayangkara
    ke-79 Tahun 2025", "HUT ke-79 Bhayangkara Polri"): the first word of its name and its ordinal."""
    ordinal = re.search(r"ke-(\d+)", name)
    if ordinal is None:
        return None
    before = name[: ordinal.start()].split()[1:]  # (less the head, "HUT" or "Hari")
    after = name[ordinal.end() :].split()
    words = [w for w in before if w not in ("Ulang", "Tahun", "Jadi")] or after
    return f"name:anniversary {normalise(words[0])} {ordinal.group(1)}" if words else None


@functools.cache
def _street_pattern(language: str) -> re.Pattern[str] | None:
    heads = _words(language, "street_heads")
    if not heads:
        return None
    return re.compile(rf"(?<![\w.])(?:{_alternatives(heads)}) ?(?=[A-Z])")


@functools.cache
def _street_stops(language: str) -> frozenset[str]:
    """Words that end a street's name: the heads of administrative units ("Kelurahan", "Kota"), house
    numbers and neighbourhood units ("Nomor", "RT"), function words, weekdays and months."""
    data = resources.load_or_empty(language, "entities") or {}
    words = {str(w).casefold() for w in (data.get("gpe_heads") or []) + (data.get("function_words") or [])}
    words |= {"no", "nomor", "rt", "rw", "blok", "kav", "gang", "gg", "km"}
    words |= resources.calendar_words()
    return frozenset(words)


@functools.cache
def _street_words(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The road words, the words that open no street's name and the compass words, case-folded: made
    once per language, not for every article."""
    road = frozenset(w.casefold() for w in _words(language, "street_road_words"))
    not_names = frozenset(w.casefold() for w in _words(language, "street_not_names"))
    entities = resources.load_or_empty(language, "entities") or {}
    compass = frozenset(str(w).casefold() for w in entities.get("compass_words") or [])
    return road, not_names, compass


def streets(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """A street head and the name after it ("Jalan Jenderal Ahmad Yani", "Jalan Bulak III") are one
    place (LOC, GUIDELINE 3: streets), over a person's name the model read in it ("Ahmad Yani"). The
    name is the capitalised words, initials and Roman numerals after the head, up to a stop word
    (`_street_stops`) or a known city or region after a name word ("Jalan Ahmad Yani Pekanbaru": the
    street's city); road words ("Raya", "Tol") do not count as a name ("Jalan Raya Bogor")."""
    pattern = _street_pattern(language)
    if pattern is None or not _written(text, _words(language, "street_heads")):
        return mentions
    stops = _street_stops(language)
    road, not_names, compass = _street_words(language)
    titles = cues_for(language).title_like
    out = _Putting(mentions)
    for hit in pattern.finditer(text):
        end, named = hit.end(), False
        for w in re.finditer(r"\S+", text[hit.end() : hit.end() + 120]):
            if end != hit.end() and (hit.end() + w.start() != end + 1 or text[end] != " "):
                break  # the name runs over single spaces only (not over a line's end)
            word = w.group().rstrip(",;:)")
            stem = word[:-1]
            initial = len(stem) <= 2 or stem.isupper() or stem.casefold() in titles
            if word.endswith(".") and (not initial or (len(stem) > 1 and _ROMAN.fullmatch(stem))):
                word = stem  # a sentence's full stop, not an initial's ("H.", "KH.", "Dr."): "Kubis II."
            bare = word.rstrip(".")
            if not (re.fullmatch(_WORD, word) or (_ROMAN.fullmatch(bare) and bare)):
                break
            folded = bare.casefold()
            if folded in stops or (end == hit.end() and folded in not_names):
                break
            entry = None if folded in compass else gazetteer.lookup(bare)
            if named and entry is not None and entry.type in ("GPE", "LOC"):
                break
            end = hit.end() + w.start() + len(word)
            named = named or folded not in road
            if word != w.group():
                break  # a comma or bracket after the word ends the name
        if not named or end == hit.end():
            continue
        name = text[hit.start() : end]
        out.put(Mention(hit.start(), end, name, "LOC", source="rule", key=_street_key(name, language)))
    return out.result()


def _street_key(name: str, language: str) -> str:
    """One key for a street written with and without the title in its name ("Jalan Jenderal Ahmad
    Yani", "Jalan Ahmad Yani") or with its head abbreviated ("Jl. Ahmad Yani")."""
    titles = cues_for(language).title_like
    words = [w for w in name.split()[1:] if w.casefold().rstrip(".") not in titles]
    return f"name:{normalise(' '.join(['jalan', *words]))}"


_SHORT_IN_BRACKETS = re.compile(r" \(([A-Z][a-z][A-Za-z0-9]{2,14})\)")


def _spells(short: str, name: str, skip: frozenset[str]) -> bool:
    """Whether a short form written as a word spells a name by its syllables ("Himbara" of "Himpunan
    Bank Milik Negara", "Antam" of "PT Aneka Tambang Tbk"): it starts as the name's first word does
    (less a legal form), its letters come in order from the name's, and its last letter from one of
    the name's last two words (a short form draws on the whole name, not on its first word alone)."""
    words = [w for w in name.casefold().split() if w.strip("()") not in skip]
    if len(words) < 2 or not words[0].startswith(short[0].casefold()):
        return False
    joined, at, last = " ".join(words), 0, -1
    for ch in short.casefold():
        last = joined.find(ch, at)
        if last < 0:
            return False
        at = last + 1
    return last >= len(" ".join(words[:-2])) if len(words) > 2 else last >= len(words[0])


@functools.cache
def _syllable_lists(language: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """`syllable_short_forms`' legal-form words (case-folded) and its pattern of a product word before
    a short form: fixed per language, so made once rather than for every article."""
    entities = resources.load_or_empty(language, "entities") or {}
    skip = frozenset(str(w).casefold() for w in (entities.get("legal_form_heads") or [])
                     + (entities.get("legal_form_tails") or []))
    products = [str(w) for w in (entities.get("product_cues") or []) + list(_words(language, "product_words"))]
    product_before = re.compile(rf"(?<![\w-])(?:{_alternatives(tuple(products))}) $") if products else None
    return skip, product_before


def _uses(text: str, forms: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Each form (`_SHORT_IN_BRACKETS`' letters and digits) -> the spans where it stands as a word of
    the text (not beside a word character or a hyphen), in text order. One scan of the text for all
    the forms, not one per form, which grew with the square of a long text (more forms, each scanning
    more text): a form holds no hyphen or other character outside a word, so its uses are whole runs of
    word characters and hyphens, and no two forms' uses overlap."""
    out: dict[str, list[tuple[int, int]]] = {form: [] for form in forms}
    if out:
        either = "|".join(map(re.escape, out))
        for use in re.finditer(rf"(?<![\w-])(?:{either})(?![\w-])", text):
            out[use.group()].append(use.span())
    return out


def syllable_short_forms(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A short form written as a word in brackets after an organisation's name ("Himpunan Bank Milik
    Negara (Himbara)", "PT Aneka Tambang Tbk (Antam)") names it: the bracket and every later use of the
    word in the article are mentions of that organisation (GUIDELINE 3: an acronym in brackets is its
    own mention of the same entity). The acronym rule (`rules.defined_acronyms`) takes those in
    capitals; these are the syllable forms Indonesian writes, which it does not."""
    skip, product_before = _syllable_lists(language)
    if not skip:
        return mentions
    by_end = {m.end: m for m in mentions if m.type == "ORG"}
    out, defined = _Putting(list(mentions)), {}
    for hit in _SHORT_IN_BRACKETS.finditer(text):
        name, short = by_end.get(hit.start()), hit.group(1)
        if name is None or short.casefold() in skip or not _spells(short, name.text, skip):
            continue
        name.key = name.key or f"name:{normalise(name.text)}"
        defined.setdefault(short, name.key)
    uses = _uses(text, defined)
    for short, key in defined.items():
        for start, end in uses[short]:
            if product_before is not None and product_before.search(text, max(0, start - 30), start):
                continue  # "emas Antam": the product
            out.put(Mention(start, end, short, "ORG", source="rule", key=key))
    return out.result()


@functools.cache
def _name_head_pattern(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    heads = {str(k): str(v) for k, v in (_data(language).get("name_heads") or {}).items()}
    if not heads:
        return None, {}
    word = rf"(?:[A-Z]\.|{_NAME})"
    return re.compile(rf"(?<![\w.-])({_alternatives(tuple(heads))})((?: {word})+)"), heads


@functools.cache
def _glued_legal_tail(language: str) -> re.Pattern[str] | None:
    """A company's legal form with a lower-case word glued after it ("Tbkatau"), compiled once."""
    entities = resources.load_or_empty(language, "entities") or {}
    legal = [str(w).strip("().") for w in entities.get("legal_form_tails") or []]
    legal = [w[:1].upper() + w[1:] for w in dict.fromkeys(legal) if w]
    return re.compile(rf"({_alternatives(tuple(legal))})[a-z]") if legal else None


def named_heads(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """A kind word that opens a name of its kind ("Kabinet Merah Putih", "Bandara Frans Seda Maumere")
    and the capitalised words, initials and hyphenated words after it are one mention of that kind
    (`name_heads`), over the pieces found inside it (a person "Frans Seda", a town "Ende"). The name ends
    at a stop word of a street's name (a function word, a weekday). A cabinet named after a person
    ("Kabinet Jokowi") is left to the person. Run on the text as written."""
    pattern, heads = _name_head_pattern(language)
    if pattern is None or not _written(text, tuple(heads)):
        return mentions
    stops = _street_stops(language)
    tails = _glued_legal_tail(language)
    out = _Putting(mentions)
    for hit in pattern.finditer(text):
        end = hit.end(1)
        for w in re.finditer(r"\S+", hit.group(2)):
            if w.group().casefold().rstrip(".") in stops:
                break
            glued = tails.match(w.group()) if tails is not None else None
            if glued:  # "Tbkatau": the legal form, then a word the scraper glued to it
                end = hit.start(2) + w.start() + glued.end(1)
                break
            end = hit.start(2) + w.end()
        people = [m.start for m in out.starting(hit.end(1), end) if m.type == "PER"]
        if people:  # a person named after the organisation ("PT Timah Suhendra ..."): the name is theirs
            end = len(text[: min(people)].rstrip())
        if end == hit.end(1):
            continue
        type_ = heads[hit.group(1)]
        at = hit.start(2) + 1
        if type_ == "ORG" and any(m.type == "PER" for m in out.starting(at - 1, at + 1)):
            continue
        name = text[hit.start() : end]
        key = _place_key(name, gazetteer) if type_ == "LOC" else None
        out.put(Mention(hit.start(), end, name, type_, source="rule", key=key))  # type: ignore[arg-type]
    return mentions if out.own is None else sorted(out.result(), key=lambda m: (m.start, m.end))


@functools.cache
def _commission_pattern(language: str) -> re.Pattern[str] | None:
    pattern = _data(language).get("commission_pattern")
    return re.compile(str(pattern)) if pattern else None


def commissions(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A parliament's numbered commission ("Komisi I", "Komisi III DPRRI", "Komisi B DPRD DKI Jakarta")
    is an organisation with the body written after it, over the pieces found inside it. Run on the text
    as written: "KetuaKomisi III DPRRI" is glued on both sides."""
    pattern = _commission_pattern(language)
    cue = _cue(language, "commission_cue")
    if pattern is None or (cue is not None and cue.search(text) is None):
        return mentions
    glued = {str(k): str(v) for k, v in (_data(language).get("key_glued") or {}).items()}
    out = _Putting(mentions)
    for hit in pattern.finditer(text):
        end = hit.end()
        people = [m.start for m in out.starting(hit.start(), end) if m.type == "PER"]
        if people:  # "Ketua Komisi B DPRD DKI Jakarta Ismail": the seat ends at the person
            end = len(text[: min(people)].rstrip())
        name = text[hit.start() : end]
        spelled = re.sub(r"(?<=[IVX])(?=D[PR])", " ", name)  # "IIIDPRRI": the numeral glued to the body
        for short, full in glued.items():
            spelled = re.sub(rf"\b{short}\b", full, spelled)
        key = f"name:{normalise(spelled)}" if spelled != name else None
        out.put(Mention(hit.start(), end, name, "ORG", source="rule", key=key))
    return mentions if out.own is None else sorted(out.result(), key=lambda m: (m.start, m.end))


@functools.cache
def _youth_team_pattern(language: str) -> re.Pattern[str] | None:
    pattern = _data(language).get("youth_team_pattern")
    return re.compile(str(pattern)) if pattern else None


def youth_teams(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """A country the gazetteer knows with an age group after it ("Belanda U-21", "Timnas Indonesia U-23")
    is the national youth team (ORG), over the country found inside it. Its key is the team's name with
    "Timnas", so that "Belanda U-21", "Timnas Belanda U-21" and the scraper's "Timnas BelandaU-21" are one
    team. (`precision.age_group_teams`, written beside this by another helper, types the short form too;
    where it did, this step gives the forms their one key.)"""
    pattern = _youth_team_pattern(language)
    cue = _cue(language, "youth_team_cue")
    if pattern is None or (cue is not None and cue.search(text) is None):
        return mentions
    out = _Putting(mentions)
    for hit in pattern.finditer(text):
        entry = gazetteer.lookup(hit.group("country"))
        if entry is None or not entry.id.startswith("country:"):
            continue
        age = text[hit.end("country") : hit.end()].strip()
        country = hit.group("country")
        key = f"name:{normalise(f'Timnas {country} {age}')}"
        at = hit.start()
        same = [m for m in out.starting(at - 1, at + 1) if m.end == hit.end() and m.type == "ORG"]
        for m in same:  # found already (glued as scraped: "Timnas BelandaU-21"): the team's key
            m.key = m.key or key
        if not same:
            out.put(Mention(hit.start(), hit.end(), hit.group(), "ORG", source="rule", key=key))
    return out.result()


@functools.cache
def _balinese_pattern(language: str) -> re.Pattern[str] | None:
    openers, given = _words(language, "balinese_openers"), _words(language, "balinese_given")
    if not openers or not given:
        return None
    return re.compile(rf"(?<![\w.-])(?:{_alternatives(openers)}) (?:{_alternatives(given)})(?: {_NAME})*")


@functools.cache
def _balinese_stops(language: str) -> frozenset[str]:
    """The title and stop words that end a Balinese name: a union of two large fixed sets, made once
    per language rather than for every article."""
    return cues_for(language).title_like | _street_stops(language)


def balinese_names(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A Balinese name ("I Nyoman Oka Wirawa") is a person up to the first title or stop word, over
    the pieces read inside it ("Wirawa"); a mention of another kind that ran on into it ("Airnav Cabang
    Kupang I Nyoman Oka") ends before it. A name that lies inside a longer one (a street, "Jalan I
    Gusti Ngurah Rai") is left alone."""
    pattern = _balinese_pattern(language)
    if pattern is None or not _written(text, _words(language, "balinese_given")):
        return mentions
    stops = _balinese_stops(language)
    out, changed = _Putting(mentions), False
    for hit in pattern.finditer(text):
        end = _end_before(hit, stops, 3)
        start = hit.start()
        if any(m.start < start for m in out.covering(start, end)):
            continue  # inside a longer name
        # the mentions of another kind that run on into the name (the only ones a put of it would meet
        # that it may cut), by bisection: reading every mention per match grew with the square of the text
        across = [m for m in out.overlapping(start, start + 1) if m.start < start and m.type != "PER"]
        heads = [text[m.start : start].rstrip() for m in across]
        if any(" " not in head and not head[:1].isupper() for head in heads):
            continue
        if len(across) > 1:
            across = out.listed(across)
            heads = [text[m.start : start].rstrip() for m in across]
        cut = [Mention(m.start, m.start + len(h), h, m.type, source=m.source, key=None)
               for m, h in zip(across, heads, strict=True)]
        gone = {id(m) for m in across}
        hits = [m for m in out.overlapping(start, end) if id(m) not in gone]  # (a cut piece ends before it)
        fits = not any(m.start < start or m.end > end or (m.start, m.end) == (start, end) for m in hits)
        if fits or any(m.end == end and m.type == "PER" for m in out.starting(start - 1, start + 1)):
            out.swap(across, cut)  # (a person found there already: the cut stands without a new mention)
            if fits:
                out.put(Mention(start, end, text[start:end], "PER", source="rule"))
            changed = True
    return sorted(out.result(), key=lambda m: (m.start, m.end)) if changed else mentions


def _place_key(name: str, gazetteer: Gazetteer) -> str:
    """One key for a facility written with and without initials and its town ("Bandara H. Hasan
    Aroeboesman Ende", "Bandara Hasan Aroeboesman"): its words less the initials and a known town or
    region at its end."""
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
    while len(words) > 2 and (entry := gazetteer.lookup(words[-1])) is not None and entry.type in ("GPE", "LOC"):
        words.pop()
    return f"name:{normalise(' '.join(words))}"


def settle_shapes(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """The steps of this module but `outlet_self_names`, in order, the mentions sorted by offset
    (`outlet_self_names` reads the text as the scraper glued it: `recognise` runs it last)."""
    if not _data(language):
        return mentions
    out = balinese_names(text, mentions, language)
    out = syllable_short_forms(text, out, language)
    out = police_unit_chains(text, out, language)
    out = anniversaries(text, out, language)
    out = youth_teams(text, out, language, gazetteer)
    out = streets(text, out, language, gazetteer)
    return sorted(out, key=lambda m: (m.start, m.end))


__all__ = [
    "anniversaries",
    "balinese_names",
    "commissions",
    "named_heads",
    "outlet_self_names",
    "police_unit_chains",
    "settle_shapes",
    "streets",
    "syllable_short_forms",
    "youth_teams",
]
