"""Event mentions of one article: triggers from the lexicon, then actors, place, mode and date.

Everything here reads one sentence at a time, with the article's entity mentions and timexes as its
only context, so the stage stays a pure function of one article. Each step is a small rule that a
reader can check against the sentence: the trigger and the sentence are exported with every event.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass
from itertools import repeat
from typing import NamedTuple

from linimasa import resources
from linimasa.events.lexicon import MAX_GAP, WIDE_GAP, Lexicon, Trigger
from linimasa.model import (
    MUTUAL_TYPES,
    Article,
    DateValue,
    EventMention,
    Mention,
    Span,
    Timex,
    date_range,
    precision_of,
)
from linimasa.text.gazetteer import load_gazetteer
from linimasa.text.morph import stem
from linimasa.text.outlets import outlet_table
from linimasa.text.patterns import alternation as _alternation

WORD = re.compile(r"\w+(?:[-'’]\w+)*|n't|[,;:()\"“”]", re.UNICODE)
ACTOR_TYPES = {"PER", "ORG", "GPE", "LOC", "OTHER"}
PLACE_TYPES = {"GPE", "LOC"}
CLAUSE_PUNCT = {";", ":", "(", ")"}
BREAKS = CLAUSE_PUNCT | {","}  # where a trigger's words, or the words after it, stop
# Triggers whose purpose clause ("untuk ...") is what is asked, promised or refused, not an event.
CONTENT_TYPES = {"REQUEST", "THREATEN", "AGREE", "REJECT", "ACCUSE", "SUPPORT"}
CONTENT_ASKED = {"REQUEST", "THREATEN"}  # "meminta X menindak": the verb after the one asked is what was asked
CONTENT_OBJECT_WORDS = 3  # words of the one asked between the two
ADDRESSEE_WORDS = 5  # words of the one asked between a request verb and "untuk"/"agar" (`_addressee`)
RELATIVE_REACH = 12  # ... or before "yang" and a relative clause of at most this many words
# A quotation of at least four words: a shorter one is a scare quote around a word ("mengesampingkan").
# What `quotations` finds, as one pattern (the reference its test compares with): the pattern tries
# every end of the first words for every start, quadratic in a long text with an unclosed quote.
QUOTES = re.compile(r"[\"“][^\"“”]*?\w+\W+\w+\W+\w+\W+\w+[^\"“”]*?[\"”]")
QUOTE_MARK = re.compile(r"[\"“”]")
WORD_RUN = re.compile(r"\w+")
# Acts of saying: a verb of another type before "bahwa" says something ("mengungkap bahwa"), one of
# these still is its act ("menegaskan bahwa", "mengecam bahwa").
SPEECH_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}
NAMED_OBJECT_GAP = 1  # words between "mendukung" and the name it backs ("pencalonan")
COUNTERPART_REACH = 8  # words after "membahas" where its "dengan"/"bersama" may stand
RECEIVE_REACH = 3  # tokens before a noun trigger where a verb of receiving ("menerima", "mendapat") stands
# Types whose noun takes a country as its doer ("serangan Israel"); "konsultasi Moskwa" is a name.
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "RETREAT", "PROTEST"}
FORCE_TYPES = MATERIAL_CONFLICT | {"THREATEN"}  # acts told by whom they befell, their doer untold
# Words at most between a noun's doer and whom the act befell ("Serangan besar Hamas terhadap Israel").
TARGET_GAP_WORDS = 3
# How far from its trigger (in characters) an event's source or target is looked for. No sentence
# of news is this long (the longest of the 5,447 raw-scrape articles has 896), so it changes nothing there;
# a text without sentence ends is one sentence, and roles looked for across all of it made every
# trigger cost a pass over the whole text.
ROLE_REACH = 2000
# Every "\n\n" of a text, overlapping ones too ("\n\n\n" holds two), as `str.rfind` sees them.
PARAGRAPH_BREAK = re.compile(r"(?=\n\n)")
# A sentence date at least this many days before the article's date tells history, not news.
BACKGROUND_DAYS = 366


class Token(NamedTuple):
    """A word of a sentence: its offsets, its case-folded form, its stem and whether it starts with a
    capital. A tuple (made by `tokens_of` at C speed: a sentence's words are many and short-lived)."""

    start: int
    end: int
    form: str
    stem: str
    upper: bool


@dataclass
class Actor:
    """A word group that can be an event's source or target."""

    start: int
    end: int
    text: str
    mention: int | None  # index into Article.mentions when an entity names it
    place: bool = False  # preceded by a place preposition ("di Moskow")
    type: str = ""


class _Intervals:
    """Spans (start, end) indexed so that "does one of them hold this position" is a binary search:
    a long sentence (a text with no sentence ends is one sentence) has thousands of names and
    triggers, and a pass over every span for every token or trigger made the stage quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def holds(self, pos: int, strict: bool = False) -> bool:
        """Whether a span has start <= pos < end (start < pos < end when `strict`)."""
        k = (bisect.bisect_left if strict else bisect.bisect_right)(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos


def quotations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The quotations of at least four words in text[start:end], as (start, end) offsets into `text`:
    exactly what `QUOTES.finditer` finds in that slice, without its backtracking.

    The pattern, read out: from an opening mark (" or “), words may start anywhere before the next
    quote mark; the first four word runs from there (the gaps between them may hold marks) must be
    followed, at the next quote mark after the fourth, by a closing one (" or ”), which ends the
    quotation. So each opening mark tries the word runs up to the next mark, each in constant time."""
    end = len(text) if end is None else end
    marks = [m.start() for m in QUOTE_MARK.finditer(text, start, end)]
    runs = [(m.start(), m.end()) for m in WORD_RUN.finditer(text, start, end)]
    run_starts = [r[0] for r in runs]
    out: list[tuple[int, int]] = []
    resume = start
    for i, p in enumerate(marks):
        if p < resume or text[p] == "”":
            continue
        next_mark = marks[i + 1] if i + 1 < len(marks) else end
        for j in range(bisect.bisect_left(run_starts, p + 1), len(runs) - 3):
            if runs[j][0] >= next_mark:
                break
            k = bisect.bisect_left(marks, runs[j + 3][1])
            if k < len(marks) and text[marks[k]] != "“":
                out.append((p, marks[k] + 1))
                resume = marks[k] + 1
                break
    return out


_SURFACES: dict[tuple[str, str], tuple[str, str, bool]] = {}
"""(form, stem, capitalised) by (word as written, language): a sentence's words are mostly words the
batch has seen before."""


def tokens_of(text: str, start: int, end: int, lang: str, lex: Lexicon | None = None) -> list[Token]:
    """The word tokens of text[start:end] with their forms and stems. With `lex` (the lexicon the
    tokens are matched against), a word whose stem cannot be any trigger word's key keeps its form
    as its stem (`Lexicon.stem_filter`): `find_triggers`, `_match` and `_is_passive` treat it the
    same either way, and most words of a text are never stemmed."""
    surfaces = _SURFACES if lex is None else lex.surfaces
    may_stem_to = None if lex is None else lex.stem_filter().may_stem_to
    # the words, their cached surfaces and the tokens are made by C-level maps, not a loop of Python
    # statements per word: most words of a sentence are known, and the few new ones are filled in
    matches = list(WORD.finditer(text, start, end))
    words = list(map(_GROUP, matches))
    known = list(map(surfaces.get, zip(words, repeat(lang))))
    if None in known:
        for i, w in enumerate(words):
            if known[i] is not None:
                continue
            key = (w, lang)
            got = surfaces.get(key)  # the same word earlier in the sentence
            if got is None:
                if len(surfaces) >= 50_000:
                    surfaces.clear()
                form = w.casefold()
                if not w[0].isalpha() or (may_stem_to is not None and not may_stem_to(form, lang)):
                    got = surfaces[key] = (form, form, w[:1].isupper())
                else:
                    got = surfaces[key] = (form, stem(form, lang), w[:1].isupper())
            known[i] = got
    # (start, end) + (form, stem, upper): a Token's fields, as `Token._make` makes it
    return list(map(_NEW_TUPLE, repeat(Token), map(operator.add, map(_SPAN, matches), known)))


_GROUP, _SPAN = re.Match.group, re.Match.span
_NEW_TUPLE = tuple.__new__


def _match(trigger: Trigger, toks: list[Token], i: int, surface_only: bool) -> list[int] | None:
    """Token indexes of `trigger` starting at token i, or None."""
    out: list[int] = []
    j = i
    gap = 0
    stops = CLAUSE_PUNCT if trigger.wide else BREAKS
    for w in trigger.words:
        if w is None:
            gap = WIDE_GAP if trigger.wide else MAX_GAP
            continue
        found = None
        for k in range(j, min(len(toks), j + gap + 1)):
            t = toks[k]
            if t.form in stops:
                break
            ok = t.form == w.key if (surface_only or w.exact) else w.matches(t.form, t.stem)
            if surface_only and not w.exact:
                ok = t.form == w.key or (t.form not in w.excluded and t.stem == w.key and t.form == w.key)
            if ok:
                found = k
                break
        if found is None:
            return None
        out.append(found)
        j = found + 1
        gap = 0
    return out


def find_triggers(toks: list[Token], lex: Lexicon, surface_only: bool = False) -> list[tuple[Trigger, list[int]]]:
    """Non-overlapping trigger matches, longest first at each position."""
    used: set[int] = set()
    found: list[tuple[Trigger, list[int]]] = []
    for i, t in enumerate(toks):
        if i in used:
            continue
        for trig in lex.candidates(t.form, t.stem):
            if surface_only and not trig.words[0].exact and trig.words[0].key != t.form:  # type: ignore[union-attr]
                continue
            idx = _match(trig, toks, i, surface_only)
            if idx and not used & set(idx):
                found.append((trig, idx))
                used.update(idx)
                break
    return found


def _is_passive(toks: list[Token], i: int, lex: Lexicon) -> bool:
    t = toks[i]
    for p in lex.passive_prefixes:
        if t.form.startswith(p) and not t.stem.startswith(p) and t.form != t.stem:
            return True
    if lex.passive_auxiliaries:
        for k in (i - 1, i - 2):
            if k >= 0 and toks[k].form in lex.passive_auxiliaries:
                return t.form.endswith(("ed", "en")) or t.form in {"met", "shot", "held", "fought", "beat", "seized"}
    return False


def _actors(article: Article, sent: Span, toks: list[Token], tok_starts: list[int], lex: Lexicon,
            recent_people: list[int], recent_groups: list[int], in_sentence: list[tuple[int, Mention]]) -> list[Actor]:
    """Entity mentions (`in_sentence`: the sentence's, with their indexes), actor nouns and
    resolved pronouns of the sentence (`tok_starts`: where its tokens start), in text order."""
    out: list[Actor] = []
    spans: list[tuple[int, int]] = []
    for mi, m in in_sentence:
        if m.end > sent.end or m.type not in ACTOR_TYPES:
            continue
        if m.type == "ORG" and _outlet(m.text):
            continue  # "Mengutip kanal Global Liputan6.com", "Cek Fakta Liputan6.com": a credit, no doer
        k = _index_before(tok_starts, m.start)
        before = toks[k].form if k is not None else ""
        if k is not None and toks[k].end > m.start:  # glued in the scrape: "laporanArab News", "diJalur Gaza"
            before = article.text[toks[k].start:m.start].casefold()
        if m.type == "ORG" and before in lex.credit_words:
            continue  # "menurut laporan Arab News", "seperti dilansir AFP": the medium that told it
        place = m.type in PLACE_TYPES and (
            before in lex.place_preps or _apposed_place(out, m, article.text, lex.coordinators)
            # "ke wilayah Kursk", "di kawasan Gunung Gumitir": a place preposition, then a word for a place
            or (before in lex.place_nouns and k is not None and k > 0 and toks[k - 1].form in lex.place_preps))
        # "membacakan amar putusan di Pengadilan Tipikor Jakarta": an institution where it happened, its venue
        place = place or (m.type == "ORG" and before in lex.venue_preps)
        out.append(Actor(m.start, m.end, m.text, mi, place, m.type))
        spans.append((m.start, m.end))
    covered = _Intervals(spans)
    # the pronoun phrases by their first word, in the order they are tried (singular, then plural):
    # a token is compared only with the phrases that begin with it
    pronouns: dict[str, list[tuple[bool, tuple[str, ...]]]] = {}
    for plural, table in ((False, lex.pronouns_singular), (True, lex.pronouns_plural)):
        for words in table:
            if words:
                pronouns.setdefault(words[0], []).append((plural, words))
    i = 0
    while i < len(toks):
        t = toks[i]
        if covered.holds(t.start):
            i += 1
            continue
        matched = False
        for plural, words in pronouns.get(t.form, ()):
            n = len(words)
            if tuple(x.form for x in toks[i:i + n]) == words:
                refs = recent_groups if plural else recent_people[:1]
                end = toks[i + n - 1].end
                text = article.text[t.start:end]
                # "Untuk memastikan para penumpang tetap dilayani, bandara mengimbau mereka ...": a group
                # of people named earlier in the sentence is whom "mereka" stands for
                group = next((a for a in reversed(out) if plural and a.mention is None and a.start < t.start
                              and _people_group(a.text, lex)), None)
                # "Abdul Wahid menyampaikan bahwa Pemda tidak bisa memutuskan, tetapi ia berjanji ...": a
                # person named earlier in the sentence is whom "ia" stands for, before anyone of the
                # sentences before it
                person = next((a for a in reversed(out) if not plural and a.mention is not None
                               and a.type == "PER" and not a.place and a.start < t.start), None)
                if group is None and plural and words[0] in lex.group_pronouns:
                    # "Polda Bali merinci ... pelarian ... dari tiga pria ... Pihak kepolisian mengatakan mereka
                    # melarikan diri": the three men, not the last two names (one of them the victim)
                    group = _counted_group(article.text, article.mentions[refs[0]].end if refs else None, t.start, lex)
                if group is not None:
                    out.append(Actor(t.start, end, group.text, None, False, ""))
                elif person is not None:
                    out.append(Actor(t.start, end, person.text, person.mention, False, "PER"))
                elif refs:
                    for r in refs:
                        m = article.mentions[r]
                        out.append(Actor(t.start, end, m.text, r, False, m.type))
                else:
                    out.append(Actor(t.start, end, text, None, False, ""))
                i += n
                matched = True
                break
        if matched:
            continue
        head = t.form in lex.actor_heads
        if head or t.form in lex.actor_nouns or t.form.split("-")[0] in lex.actor_nouns:  # "negara-negara"
            end = t.end
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (nxt is not None and not covered.holds(nxt.start) and article.text[t.end:nxt.start] == " "
                    and (nxt.form in lex.actor_nouns or (head and _complement(nxt, lex)))):
                i += 1  # "pihak kepolisian", "petugas bandara", "para pengembang": one actor, named by both words
                end = toks[i].end
            if end > t.end or not head or t.form in lex.actor_nouns:  # "para" alone names no one
                start = t.start
                if (i > 0 and toks[i - 1].form in lex.quantifiers and not covered.holds(toks[i - 1].start)
                        and article.text[toks[i - 1].end:t.start] == " "):
                    start = toks[i - 1].start  # "seluruh pihak", "semua warga": all of them, not "pihak"
                out.append(Actor(start, end, article.text[start:end], None, False, ""))
        elif t.upper and lex.plural_suffixes and _demonym_plural(t.form, lex.plural_suffixes):
            # "arrested more than 100 Palestinians", "killed three ethnic Albanians": a nation's people
            out.append(Actor(t.start, t.end, article.text[t.start:t.end], None, False, ""))
        elif (t.form in lex.people_counters and i > 0 and _number(toks[i - 1], lex)
              and not covered.holds(toks[i - 1].start)):
            # "sedikitnya 11 orang tewas", "menetapkan enam orang sebagai tersangka": people counted
            out.append(Actor(toks[i - 1].start, t.end, article.text[toks[i - 1].start:t.end], None, False, ""))
        i += 1
    out.sort(key=lambda a: (a.start, a.end))
    return out


GROUP_REACH = 600  # characters before "mereka" searched for the group of people it stands for


@functools.cache
def _counted_pattern(numbers: frozenset[str], counters: frozenset[str]) -> re.Pattern[str] | None:
    """A number (in figures or words) and a noun of people after it ("tiga pria", "2 orang")."""
    if not counters:
        return None
    number = rf"(?:\d+|{_alternation(numbers)})" if numbers else r"\d+"
    return re.compile(rf"(?<!\w){number}\s+(?:{_alternation(counters)})(?!\w)", re.IGNORECASE)


def _counted_group(text: str, after: int | None, before: int, lex: Lexicon) -> Actor | None:
    """The last group of people a number names ("tiga pria yang diduga bertanggung jawab") between
    the last person or organisation named (`after`) and a plural pronoun at `before`, within
    `GROUP_REACH`: "mereka" stands for it, not for the last two names."""
    pattern = _counted_pattern(lex.number_words, lex.people_counters)
    lo = max(after if after is not None else 0, before - GROUP_REACH)
    found = None if pattern is None or lo >= before else list(pattern.finditer(text, lo, before))
    if not found:
        return None
    m = found[-1]
    return Actor(m.start(), m.end(), m.group(0), None, False, "")


@functools.cache
def _demonyms() -> frozenset[str]:
    """The gazetteer's demonyms ("Palestinian", "Iraqi"), case-folded."""
    return frozenset(d.casefold() for d in load_gazetteer().demonyms)


def _demonym_plural(form: str, suffixes: frozenset[str]) -> bool:
    """Whether a case-folded word is a demonym's plural ("palestinians", "iraqis"): a people, an actor
    no entity names."""
    return any(form.endswith(x) and form[:-len(x)] in _demonyms() for x in suffixes)


def _in_phrase(toks: list[Token], i: int, phrases: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether token `i` is a word of one of `phrases` (indexed by each of their words) as written
    around it ("perang" in "perang tarif", "war" in "trade war")."""
    form = toks[i].form
    for p in phrases.get(form, ()):
        for j, w in enumerate(p):
            if w == form and i - j >= 0 and tuple(t.form for t in toks[i - j:i - j + len(p)]) == p:
                return True
    return False


def _press(toks: list[Token], first: int, lex: Lexicon) -> bool:
    """Whether a trigger tells how the press met its source: a passive of meeting after "saat" or
    "ketika" ("saat ditemui di Senayan", "ketika dihubungi"). The press's own meetings ("konferensi
    pers", "press conference") are phrases of `not_events`."""
    return first > 0 and toks[first - 1].form in lex.press_openers and toks[first].form in lex.press_verbs


def _in_actor(actors: list[Actor], starts: list[int], pos: int) -> bool:
    """Whether `pos` lies inside an actor's words, after its first ("pihak tergugat")."""
    k = bisect.bisect_left(starts, pos)
    return bool(k) and actors[k - 1].end > pos


def _content_of(toks: list[Token], first: int, content_ends: set[int]) -> bool:
    """Whether the trigger at token `first` comes right after the noun of a threat, a request or a
    promise, or a threat's verb (`content_ends`: their last tokens), quote marks aside: it tells
    what was threatened ("ancaman pembunuhan", "diancam dibunuh"), not an act."""
    k = first - 1
    while k >= 0 and QUOTE_MARK.fullmatch(toks[k].form):
        k -= 1
    return k in content_ends


def _people_group(text: str, lex: Lexicon) -> bool:
    """Whether an actor's words name a group of people ("para penumpang", "11 orang")."""
    words = text.casefold().split()
    return len(words) >= 2 and ((words[0] in lex.actor_heads and words[0] not in lex.actor_nouns)
                                or words[-1] in lex.people_counters)


def _number(tok: Token, lex: Lexicon) -> bool:
    """A number written in figures ("11", "1.200") or in words ("enam", "puluhan")."""
    return tok.form.replace(".", "").replace(",", "").isdigit() or tok.form in lex.number_words


def _passive_word(word: str, lex: Lexicon) -> bool:
    """A passive verb by its shape ("dilakukan"): a passive prefix before at least four letters; not
    "terhadap" or "tersebut", which only look like one; in English an auxiliary ("was")."""
    return (word in lex.passive_auxiliaries or (word.isalpha() and len(word) > 5
            and word.startswith(lex.passive_prefixes) and word not in lex.not_verbs))


def _complement(tok: Token, lex: Lexicon) -> bool:
    """Whether a word can complete an actor head ("pihak penggugat", "tim perunding"): a word, and none
    that starts another part of the clause (a verb, a preposition, a clause's or a speech word)."""
    f = tok.form
    return (f.isalpha() and not f.startswith(lex.verb_only_prefixes) and f not in lex.place_preps
            and f not in lex.agent_preps
            and f not in lex.clause_words and f not in lex.complementisers and f not in lex.demonstratives
            and f not in lex.purpose and f not in lex.speech and f not in lex.report_verbs)


def _apposed_place(before: list[Actor], m: Mention, text: str, coordinators: frozenset[str]) -> bool:
    """A place set after another place by a comma says where that one is ("di Istana
    Konstantinovsky, St. Petersburg", "di Kuningan, Jakarta Selatan"), one joined to it by a dash
    is the other end of a route ("rute Jeddah-Jakarta"), and one joined by "dan" or "and" is a second
    place of the same act ("the embassies in Kenya and Tanzania"): a place too, never a doer or the
    one met."""
    if not before or not before[-1].place:
        return False
    gap = text[before[-1].end:m.start].strip().casefold()
    return gap in (",", "-", "–") or gap.lstrip(", ") in coordinators


_DOMAIN = re.compile(r"\w\.(?:com|co\.id|id|net|org|co)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _outlet(name: str) -> bool:
    """Whether an organisation's name is a news outlet's web name ("Liputan6.com", "Kompas.id") as
    the outlet table lists it (`outlet_table`, no generic shape): an outlet credited ("dirangkum Tim
    Lifestyle Liputan6.com", "Mengutip kanal Global Liputan6.com") reports the event; it is not its
    doer. A name without its domain may be a company's too (the Polish firm Medcom, the outlet
    medcom.id), so only the domain form is read as the outlet."""
    return _DOMAIN.search(name) is not None and outlet_table().name_of(name, generic=False) is not None


def _index_before(starts: list[int], pos: int) -> int | None:
    """Index of the last token that starts before `pos`."""
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1 if lo else None


def _group_left(actors: list[Actor], k: int, text: str) -> list[Actor]:
    """The actor at index k with those coordinated before it ("Lavrov dan Muttaqi")."""
    group = [actors[k]]
    while k > 0:
        between = text[actors[k - 1].end:actors[k].start].strip().casefold()
        if between in {"dan", "and", "serta", "&"} and not actors[k - 1].place:
            group.insert(0, actors[k - 1])
            k -= 1
        else:
            break
    return group


def _mode(toks: list[Token], first: int, last: int, lex: Lexicon, sentence_text: str,
          hypothetical_at: int | None = None) -> str:
    """`hypothetical_at`: the index of the sentence's first hypothetical cue ("jika", "if"), found
    once per sentence by the caller (len(toks) when none); found here when not given."""
    # The five words before the trigger, cut at the nearest clause break: a break six or more words
    # back cuts nothing from them, so the search stops there (in a sentence without punctuation a
    # search back to its start, for every trigger, made the stage quadratic).
    start = 0
    for k in range(first - 1, max(first - 7, -1), -1):
        if toks[k].form in CLAUSE_PUNCT or (toks[k].form == "," and k < first - 3):
            start = k + 1
            break
    before = {t.form for t in toks[max(start, first - 5):first]}
    if hypothetical_at is None:
        hypothetical_at = _first_index(toks, lex.hypothetical)
    if hypothetical_at < first:
        return "hypothetical"
    window = max(start, first - 5)
    for k in range(first - 1, window - 1, -1):
        if toks[k].form in lex.negation_stops:
            window = k + 1  # "tak berkutik saat ditangkap": that negation is the other clause's
            break
    negations = [k for k in range(window, first) if toks[k].form in lex.negated]
    # "tak hanya menjatuhkan vonis", "not only": a negation before "only" adds, it does not deny
    if any(k + 1 >= len(toks) or toks[k + 1].form not in lex.not_only for k in negations):
        return "negated"
    # "tadi sudah sepakat", "telah menandatangani": done, whatever is said of later
    if any(t.form in lex.perfective for t in toks[max(start, first - 2):first]):
        return "asserted"
    if before & lex.planned:
        return "planned"
    for k in range(last + 1, min(len(toks), last + 8)):
        if toks[k].form in lex.planned_after and (k == 0 or toks[k - 1].form not in lex.place_preps):
            return "planned"
        if toks[k].form in CLAUSE_PUNCT:
            break
    return "asserted"


def _first_index(toks: list[Token], forms: frozenset[str] | set[str]) -> int:
    """Index of the first token whose form is in `forms`, len(toks) when none."""
    return next((k for k, t in enumerate(toks) if t.form in forms), len(toks))


class _LastOfType:
    """The last trigger match of each type in a sentence, and the last one of another lexicon entry,
    so that "is a later trigger of this type there" is a look-up, not a pass over the matches."""

    def __init__(self, found: list[tuple[Trigger, list[int]]]) -> None:
        self.last: dict[str, tuple[int, Trigger]] = {}
        self.other: dict[str, int] = {}  # the last start of a match of another entry than `last`'s
        for trig, idx in sorted(found, key=lambda f: f[1][0]):
            prev = self.last.get(trig.type)
            if prev is not None and prev[1] is not trig:
                self.other[trig.type] = prev[0]
            self.last[trig.type] = (idx[0], trig)

    def after(self, trig: Trigger, pos: int) -> bool:
        """Whether a match of `trig`'s type, of another entry than `trig`, starts after token `pos`."""
        last = self.last.get(trig.type)
        if last is None:
            return False
        if last[1] is not trig:
            return last[0] > pos
        return self.other.get(trig.type, -1) > pos


def _target_prep(text: str, t_end: int, actor: Actor, lex: Lexicon) -> bool:
    """Whether a word between a noun trigger and an actor after it makes the actor whom the act
    befell ("penangkapan terhadap Budi", "the attack on Iran"), never its doer."""
    return any(w.casefold() in lex.target_preps for w in WORD_RUN.findall(text, t_end, actor.start))


def _possessor(text: str, t_end: int, actor: Actor) -> bool:
    """A name right after a noun trigger ("serangan besar Hamas") is who does it (its caller has
    ruled out a word that makes it whom the act befell: `_target_prep`)."""
    gap = text[t_end:actor.start]
    return len(gap.split()) <= 2 and not re.search(r"[,;:]|\b(di|dari|dengan)\b", gap)


def _background_cue(toks: list[Token], first: int, lex: Lexicon) -> bool:
    """History told in passing: "sejak Taliban mengambil alih kekuasaan", "since the invasion"."""
    return any(t.form in lex.background for t in toks[max(0, first - 4):first])


# TimeML's parts of a day ("Kamis siang" 2025-06-19TAF, "semalam" ...TNI): the day they fall on
_PART_OF_DAY = re.compile(r"(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI|DT)")
_WEEKEND = re.compile(r"(\d{4}-W\d\d)-WE")


def _calendar(value: str) -> str:
    """A timex value as a calendar date: a part of a day ("Kamis siang waktu setempat", "Selasa
    (17/6) pagi", "tadi malam") dates an event to its day, as "Kamis (19/6)" would; a weekend
    ("akhir pekan kemarin") to its week, which holds both its days. Left as TimeML writes them, the
    two are no calendar range, and an event told with one took the article's date instead: the
    shooting "akhir pekan kemarin" on the day the arrests were reported."""
    m = _PART_OF_DAY.fullmatch(value) or _WEEKEND.fullmatch(value)
    return m[1] if m else value


def _anchored(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and date_range(_calendar(t.value)) is not None and t.line is None


# A lead's date this many days before the publication date is the day the news happened.
NEWS_DAY_LAG = 3


def news_day(article: Article) -> DateValue | None:
    """The day the article's news happened: the day its lead names ("pada Rabu, 20 Oktober 2021")
    when that is the publication day or shortly before it, else the publication date. A report
    filed the next morning is about the day before."""
    published = article.published
    if not published:
        return None
    pub = date_range(published.value)
    lead_end = article.sentences[min(2, len(article.sentences) - 1)].end if article.sentences else 0
    for t in article.timexes:
        if t.start >= lead_end:
            continue
        value = _calendar(t.value)
        rng = date_range(value) if _anchored(t) else None
        if pub and rng and precision_of(value) == "day" and 0 <= (pub[0] - rng[0]).days <= NEWS_DAY_LAG:
            return _date_value(value)
    return _date_value(published.value[:10])


def _date_value(value: str) -> DateValue | None:
    p = precision_of(value)
    return DateValue(value[:16], p) if p else None


class _Dates:
    """An article's anchored timexes by position, its paragraph breaks and its news day, computed
    once per article so that dating an event costs a binary search, not a pass over every timex or
    back through the text to its paragraph's start (the whole text when it has no blank line)."""

    def __init__(self, article: Article) -> None:
        self.timexes = sorted((t for t in article.timexes if _anchored(t)), key=lambda t: t.start)
        self.starts = [t.start for t in self.timexes]
        self.day = news_day(article)
        self.breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(article.text)]

    def paragraph_start(self, pos: int) -> int:
        """Where the blank line before `pos` starts (`text.rfind("\n\n", 0, pos)`), 0 when none."""
        k = bisect.bisect_right(self.breaks, pos - 2)
        return self.breaks[k - 1] if k else 0

    def between(self, start: int, end: int) -> list[Timex]:
        return self.timexes[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]


_DASHES = ("-", "–", "—")


def _span_of_days(own: list[Timex], k: int, text: str, range_words: frozenset[str]) -> DateValue | None:
    """The date of an event told over a span of days ("kunjungan ... pada 18-20 Juni", "18 hingga 20
    Juni"), which the timexes give as two days, `own[k]` one of them: the week both ends fall in,
    else their month. Either end alone would be a wrong exact day (the visit's last day taken for the
    meeting on its second), and a week or a month is compatible with each day inside it when events
    merge."""
    for a, b in [(own[i], own[i + 1]) for i in (k - 1, k) if 0 <= i < len(own) - 1]:
        joint = text[a.end:b.start].strip().casefold()
        if joint not in _DASHES and joint not in range_words:
            continue
        ends = [date_range(_calendar(x.value)) for x in (a, b)]
        if not all(e and e[0] == e[1] for e in ends):
            continue  # days only: "2023-2024" is a span of years, told as such
        lo, hi = ends[0][0], ends[1][0]  # type: ignore[index]
        if not lo < hi:
            continue
        if lo.isocalendar()[:2] == hi.isocalendar()[:2]:
            year, week, _ = lo.isocalendar()
            return DateValue(f"{year}-W{week:02d}", "week")
        if (lo.year, lo.month) == (hi.year, hi.month):
            return DateValue(f"{lo.year}-{lo.month:02d}", "month")
    return None


def event_date(article: Article, sent: Span, trigger_pos: int, mode: str, dates: _Dates | None = None,
               range_words: frozenset[str] = frozenset()) -> tuple[DateValue | None, Timex | None, str, bool]:
    """The event's date, the words that give it, how it was found, and whether it is background.

    Its own sentence first (the timex nearest the trigger), then the paragraph's last earlier
    timex when the event is told as done, then the article's date. An own date a year or more before
    the article's marks the event as background, which never takes the article's date."""
    dates = dates or _Dates(article)
    published = article.published
    pub_range = date_range(published.value) if published else None
    own = dates.between(sent.start, sent.end)
    if own and mode == "planned" and pub_range:
        # A plan is told of what is still to come: a day wholly before the report's own dates the
        # deed the plan answers ("bakal menindak pengemudi yang menerobos gerbang tol ... pada 16
        # Juni"), not the plan; the plan then takes the article's date, as one told with no date.
        own = [t for t in own if (r := date_range(_calendar(t.value))) is None or r[1] >= pub_range[0]]
    if own:
        k = min(range(len(own)), key=lambda i: abs(own[i].start - trigger_pos))
        t = own[k]
        value = _calendar(t.value)
        dv, rng = _span_of_days(own, k, article.text, range_words) or _date_value(value), date_range(value)
        background = bool(pub_range and rng and (pub_range[0] - rng[1]).days >= BACKGROUND_DAYS)
        return dv, t, "sentence", background
    if mode == "asserted":
        para_start = dates.paragraph_start(sent.start)
        earlier = dates.between(para_start, sent.start)
        if earlier:
            t = earlier[-1]
            value = _calendar(t.value)
            rng = date_range(value)
            old = pub_range and rng and (pub_range[0] - rng[1]).days >= BACKGROUND_DAYS
            if not old:
                return _date_value(value), t, "paragraph", False
    if mode != "hypothetical":
        # The corpus stage re-reads "article" dates: corpus dating may date the article later.
        return dates.day, None, "article", False
    return None, None, "", False


def extract_events(article: Article, lex: Lexicon, baseline: bool = False) -> list[EventMention]:
    """The event mentions of one article. `baseline` keeps only the lexicon's exact trigger forms
    and the nearest names, with no morphology, mode, voice, quote or context rules: the yardstick the
    evaluation sets the full rules beside."""
    out: list[EventMention] = []
    text = article.text
    lang = lex.lang
    people: list[int] = []  # mentions of persons seen so far, most recent last
    groups: list[int] = []
    per_sorted = sorted(range(len(article.mentions)), key=lambda i: article.mentions[i].start)
    mention_starts = [article.mentions[i].start for i in per_sorted]
    dates = _Dates(article)
    pi = 0
    pub_day = date_range(article.published.value) if article.published else None
    for sent in article.sentences:
        while pi < len(per_sorted) and article.mentions[per_sorted[pi]].start < sent.start:
            m: Mention = article.mentions[per_sorted[pi]]
            if m.type == "PER":
                people.append(per_sorted[pi])
            if m.type in ("PER", "ORG"):
                groups.append(per_sorted[pi])
            pi += 1
        toks = tokens_of(text, sent.start, sent.end, lang, lex)
        if not toks:
            continue
        found = find_triggers(toks, lex, surface_only=baseline)
        if not found:
            continue
        forms = {t.form for t in toks}
        lo, hi = bisect.bisect_left(mention_starts, sent.start), bisect.bisect_left(mention_starts, sent.end)
        in_sentence = [(per_sorted[k], article.mentions[per_sorted[k]]) for k in range(lo, hi)]
        in_names = _Intervals([(m.start, m.end) for _, m in in_sentence if m.type in ("ORG", "EVT", "OTHER")])
        tok_starts = [t.start for t in toks]
        actors = _actors(article, sent, toks, tok_starts, lex, people[-1:], groups[-2:][::-1], in_sentence)
        # What every trigger of the sentence asks about it, found once per sentence: a sentence can
        # be a whole text (one without sentence ends), and a pass over its words or names for every
        # trigger made the stage quadratic in its length.
        actor_starts = [a.start for a in actors]
        places = _places(actors, text)
        place_starts = [a.start for a in places]
        hypothetical_at = _first_index(toks, lex.hypothetical)
        complementisers = [k for k, t in enumerate(toks) if t.form in lex.complementisers]
        speech_starts = [t.start for t in toks if t.form in lex.speech]
        commas = [k for k, t in enumerate(toks) if t.form == ","]
        aims = [] if baseline else _purpose_clauses(text, sent.start, sent.end, lex)
        later = _LastOfType(found)
        # where the nouns of a threat, a request or a promise end, and a threat's verbs ("diancam
        # dibunuh"): the trigger right after one is its content
        content_ends = {idx[-1] for trig, idx in found
                         if trig.type in CONTENT_TYPES
                         and (lex.is_noun(toks[idx[0]].form) or trig.type == "THREATEN")
                         and not _in_actor(actors, actor_starts, toks[idx[0]].start)}
        seen: set[tuple[str, str | None, str | None]] = set()
        prev_sources: list[Actor] = []
        prev_type = ""
        prev_end: int | None = None
        content_from: int | None = None
        quotes = _Intervals(quotations(text, sent.start, sent.end))
        first_verb = min((idx[0] for _, idx in found if not lex.is_noun(toks[idx[0]].form)
                          and toks[idx[0]].form not in lex.obligations), default=len(toks))
        # where a word of obligation or ability stands: an act right after one is demanded, needed or
        # possible ("harus ditindak", "mampu menahan amunisi"), not done
        modals = [k for k, t in enumerate(toks) if t.form in lex.obligations or t.form in lex.abilities
                  ] if not baseline else []
        first_start = found[0][1][0]  # the sentence's first trigger (found is in text order)
        first_of_type: dict[str, int] = {}  # and where each type's first one starts
        for trig, idx in found:
            first_of_type.setdefault(trig.type, idx[0])
        for trig, idx in found:
            first, last = idx[0], idx[-1]
            deployed = trig.type == "MOBILIZE"  # (before a retype: firefighters deployed are AID)
            if not baseline:
                new_type = next((t for t, words in lex.retype.get(trig.type, {}).items() if forms & words), None)
                if new_type:
                    trig = Trigger(new_type, trig.words, trig.entry)
            noun = lex.is_noun(toks[first].form)
            case = not baseline and noun and _case_of(toks, first, trig.type, lex)
            named = not baseline and noun and _named_after(actors, actor_starts, toks, last, text)
            if (not baseline and noun and first > first_verb and not case and not named
                    and not (first > 0 and toks[first - 1].form in lex.adjunct_preps)):
                continue  # a noun after the sentence's act is its object or its topic ("menolak seruan");
                # after "setelah", "akibat" it is an act of its own ("setelah serangan Ukraina")
            # "pertemuan itu": a reference to an event already told; it joins that event as one more
            # source sentence, and never makes a new event (see linimasa.link.events).
            refers_back = bool(not baseline and noun and last + 1 < len(toks)
                               and toks[last + 1].form in lex.demonstratives)
            if refers_back and later.after(trig, last):
                continue  # "Konferensi tersebut akan melanjutkan pembicaraan …": the news is the later one
            if (not baseline and first > 0 and toks[first - 1].form in lex.purpose and (
                    prev_type in CONTENT_TYPES
                    or (toks[first - 1].form in lex.purpose_clauses and first == first_start))):
                continue  # "meminta komunitas internasional untuk mengakui": what was asked, not done;
                # "ditujukan untuk mendukung mobilitas warga", "diserahkan ... agar memvonis bebas": what
                # something was for, when no act is told before it in the sentence
            if (not baseline and trig.type not in SPEECH_TYPES and last + 1 < len(toks)
                    and toks[last + 1].form in lex.complementisers):
                continue  # "Ahmad Dhani mengungkap bahwa ...": a verb of saying here, what it says follows
            if (not baseline and not noun and prev_end is not None and prev_type in CONTENT_ASKED
                    and 0 < first - prev_end <= CONTENT_OBJECT_WORDS
                    and all(t.form not in lex.coordinators and t.form[0].isalnum() for t in toks[prev_end:first])):
                continue  # "meminta jajarannya menindak pengemudi": what was asked, not done
            if not baseline and trig.type == "REQUEST" and first_of_type.get("PROTEST", first) < first:
                continue  # "Aksi mogok ... itu menuntut revisi ketentuan ODOL": a protest's demand, told with it
            if (not baseline and toks[first].form in lex.result_verbs
                    and first_of_type.get(trig.type, first) < first):
                continue  # "penembakan yang menewaskan seorang warga", "menyerang ... dan menewaskan Ali
                # Shadmani": the killing is the attack's result, one act
            if (not baseline and toks[first].form in lex.needs_counterpart and first == first_start
                    and not _counterpart(toks, last, lex)):
                continue  # "Firman menulis buku yang membahas dunia digital", "DPR sedang membahas RUU":
                # one party's discussing, no meeting ("membahas ... dengan X"; after a meeting, its agenda)
            if not baseline and _after_modal(toks, first, modals):
                continue  # "pelaku harus ditindak", "Udinese mesti segera menemukan", "kamera ini mampu
                # menangkap area langit": demanded, needed or possible, not done
            obligation = not baseline and toks[first].form in lex.obligations
            if obligation:
                if not _demand(toks, first, lex) or (
                        prev_type in CONTENT_ASKED and prev_end is not None and first - prev_end <= OBLIGATION_LOOKBACK
                        and not any(t.form in BREAKS for t in toks[prev_end:first])):
                    continue  # "diminta ... membuat aturan soal karyawan harus menggunakan ...": what was asked
                while (last + 1 < len(toks) and last - first < OBLIGATION_WORDS and toks[last + 1].form[0].isalpha()
                       and (last == first or not toks[last].form.startswith(lex.verb_prefixes))):
                    last += 1  # "harus ditindak", "harus tetap waspada": the demand's words, up to its verb
                idx = list(range(first, last + 1))
            if (not baseline and first == last and first > 0 and toks[first].upper
                    and toks[first].form in resources.calendar_words()):
                continue  # "will officially join NATO on March 12": a month's name, no march
            if not baseline and (_in_phrase(toks, first, lex.not_events) or _in_phrase(toks, last, lex.not_events)):
                continue  # "perang tarif", "trade war": a figure of speech, no fighting
            if not baseline and _press(toks, first, lex):
                continue  # "kata Once Mekel saat ditemui di dapilnya", "dalam konferensi pers": the press, no meeting
            if not baseline and _content_of(toks, first, content_ends):
                continue  # 'ancaman "meledakkan" penerbangan', "ancaman serangan": what was threatened
            if not baseline and content_from is not None and _any_in(complementisers, content_from, first):
                continue  # "jaminan bahwa ... tidak mengancam Rusia": what was promised, not done
            if (not baseline and noun and first > 0 and lex.verb_prefixes and not named
                    and toks[first - 1].form.startswith(lex.verb_prefixes)
                    and toks[first - 1].form not in lex.light_verbs):
                continue  # "menimbulkan ancaman", "mendapatkan pengakuan": the noun is an object
            if not baseline and noun and first > 0 and not case and (
                    lex.is_derived_noun(toks[first - 1].form) or toks[first - 1].form in lex.topic_nouns):
                continue  # "peningkatan kerja sama", "informasi ancaman bom": the topic of another noun, not an act
            t_start, t_end = toks[first].start, toks[last].end
            if not baseline:
                if forms & (lex.avoid.get(trig.type, frozenset()) | lex.avoid.get(toks[first].form, frozenset())):
                    continue  # a type's or a trigger word's: "menyerang" in a match, "memanggil ... saksi"
                if in_names.holds(t_start):
                    continue
                if _in_actor(actors, actor_starts, t_start):
                    continue  # "pihak tergugat": a word of an actor's name, no act
                if noun and quotes.holds(t_start, strict=True):
                    continue  # a noun in a quote tells of an act ("laporan adanya ancaman bom"), not the speaker's;
                    # a verb there is an act with its own doer ('"Kami sudah menangkap tiga pelaku," kata ...')
            passive = False if baseline else _is_passive(toks, first, lex)
            mode = "asserted" if baseline else _mode(toks, first, last, lex, text, hypothetical_at)
            if (mode == "hypothetical" and trig.type in SPEECH_TYPES and not noun
                    and _any_in(commas, hypothetical_at + 1, first)):
                mode = "asserted"  # "Jika mobil itu terlihat, petugas diminta langsung bertindak": the
                # instruction was given, its condition is its content (a conditional threat is one too)
            near = actors[bisect.bisect_left(actor_starts, t_start - ROLE_REACH):
                          bisect.bisect_left(actor_starts, t_end + ROLE_REACH)]
            k_aim = bisect.bisect_left(aims, t_end)
            sources, targets = _roles(near, t_start, t_end, speech_starts, lex, text, passive, baseline,
                                      aims[k_aim] if k_aim < len(aims) else None)
            if not baseline and trig.type == "REQUEST" and not noun and not passive:
                asked = _addressee(toks, text, first, last, near, lex)
                if asked is not None and not (sources and asked.text == sources[0].text):
                    targets = [asked]
            elif not baseline and trig.type == "REQUEST" and passive and not targets:
                asked = _asked_before(toks, text, first, lex)  # "Masyarakat juga diimbau tidak ..."
                targets = [asked] if asked is not None else []
            if obligation:
                said = _demander(near, toks, first, t_end, speech_starts, lex)
                if said is None:
                    continue  # told by no one: a need the writer states ("Udinese mesti segera menemukan")
                targets = [a for a in _obliged(near, toks, first, lex) if a.text not in {x.text for x in said}]
                sources, mode = said, "asserted"
            if case:  # "kasus pembunuhan Dini Sera Afrianti": whom it befell, its doer untold
                if mode == "negated":
                    continue  # "tidak dilaporkan adanya kasus pembunuhan": none happened
                victim = _next_in_clause(near, text, t_end)
                sources, targets = [], [victim] if victim is not None else []
            told = bool(not baseline and noun and sources and _told(toks, text, sources[-1].end, first, lex))
            if told:
                sources = []  # "Asri Santosa menjelaskan, ancaman bom ...": the speaker told of it
            if not baseline and passive and targets and _told(toks, text, targets[-1].end, first, lex, loose=True):
                targets = []  # "Gus Ipul mengatakan bansos PKH telah disalurkan": the speaker received nothing
            # "Ancaman bom ... mulanya diterima PT Angkasa Pura": who received it, by a passive of receiving
            received_by = bool(not baseline and noun and targets and lex.receive_passives and any(
                t.form in lex.receive_passives
                for t in toks[last + 1:bisect.bisect_left(tok_starts, targets[0].start)]))
            if received_by:
                sources = []
            possessed = False
            if not baseline and noun and not case and not passive and not received_by and targets and (
                    targets[0].mention is not None) and (
                    targets[0].type in ("PER", "ORG") or trig.type in MATERIAL_CONFLICT) and not (
                    _target_prep(text, t_end, targets[0], lex)) and (
                    (not sources and not told) or (sources and sources[0].end < sent.start)
                    or _possessor(text, t_end, targets[0])):
                sources, targets = targets[:1], []  # "serangan Israel", "Kunjungan Presiden Prabowo"
                possessed = True
                # "Serangan besar Hamas terhadap Israel", "Tembakan tank Israel menewaskan 45 warga
                # Palestina": whom the act befell is the next actor of the clause
                after = _next_in_clause(near, text, sources[0].end)
                if after is not None and not any(
                        _passive_word(w, lex) for w in text[sources[0].end:after.start].casefold().split()):
                    targets = [after]  # (not past a passive verb: "... dilakukan atas permintaan tersangka")
            # "Maskapai ... menerima total 999 ancaman bom": who receives a threat, an attack, aid or a
            # rebuke is its target, and who made it is untold
            received = received_by or (
                not baseline and noun and not passive and trig.type not in MUTUAL_TYPES
                and any(t.form in lex.receive_verbs for t in toks[max(0, first - RECEIVE_REACH):first]))
            if received and sources and not possessed and sources[-1].end <= t_start:
                # "karena serangan Israel": Israel did it; '"... mendapat laporan adanya ancaman bom ...,"
                # kata Kapolda': the speaker told of it
                giver = next((a for a in near if a.start >= t_end and not re.search(r"[,;:]", text[t_end:a.start])
                              and _word_before(text, a.start) in lex.giver_preps), None)
                # "menerima bantuan sembako dari Kementerian Sosial": who gave it is after "dari"
                sources, targets = ([giver] if giver is not None else []), sources[-1:]
            parties = None if baseline or trig.type not in MUTUAL_TYPES else _between(text, t_end, near, lex)
            if parties:
                sources, targets = parties  # "disepakati antara Indonesia dan Rusia", "kerja sama antara A dan B"
            elif not baseline and trig.type in MUTUAL_TYPES and not passive and not targets and len(sources) > 1:
                # "Dedi Mulyadi dan Irwansyah tampak berbincang": two who meet, agree or work together,
                # coded as PLOVER codes a mutual act, the first its source and the other its target
                sources, targets = sources[:-1], sources[-1:]
            if not baseline and prev_sources and first > 0 and toks[first - 1].form in lex.purpose:
                sources = prev_sources  # "Delegasi Taliban mengunjungi Moskow untuk menawarkan jaminan"
                targets = [a for a in targets if a.text not in {x.text for x in sources}]
            if (not baseline and first == last and toks[first].stem in lex.needs_named_target
                    and not _named_object(text, targets, t_start, t_end, passive)):
                continue  # "mendukung pengembangan sistem transportasi", "dukungan berupa peraturan daerah":
                # backing a plan or a programme, no support of someone ("mendukung pencalonan Ridwan Kamil")
            place = None if baseline else _nearest_place(places, place_starts, t_start)
            if (not baseline and not sources and not refers_back and not obligation and not case
                    and not _told_without_doer(trig.type, noun, bool(targets), passive or received, place, deployed)):
                continue
            date, timex, how, background = event_date(article, sent, t_start, mode, dates, lex.range_words)
            if not baseline and not background and _background_cue(toks, first, lex):
                background = True
                if how != "sentence":
                    date, timex, how = None, None, ""
            if background and how != "sentence":
                date = None
            if not baseline and not obligation and mode == "asserted" and date and pub_day and how == "sentence":
                rng = date_range(date.value)
                if rng and rng[0] > pub_day[1]:
                    mode = "planned"
            if sources and not passive:
                prev_sources = sources
            prev_type = trig.type
            prev_end = last + 1
            if trig.type in CONTENT_TYPES and content_from is None:
                content_from = last + 1
            key = (trig.type, sources[0].text if sources else None, targets[0].text if targets else None)
            if key in seen:
                continue
            seen.add(key)
            actor_mentions = [(a.mention, "source") for a in sources if a.mention is not None]
            if not baseline and sources and not actor_mentions:
                speaker = _speaker(article, near, sources, t_start, t_end, speech_starts, lex, people)
                if speaker is not None:
                    actor_mentions.append((speaker, "source"))
            if obligation and not sources and people:
                # '"... harus dilakukan ...," sambungnya': said by the one named last before it, as
                # "ia" is read (`_demander` gives [] for a speech verb that names no one)
                actor_mentions.append((people[-1], "source"))
            actor_mentions += [(a.mention, "target") for a in targets if a.mention is not None]
            out.append(EventMention(
                article=article.id, start=sent.start, end=sent.end, text=text[sent.start:sent.end],
                type=trig.type, trigger=text[t_start:t_end], mode=mode, date=date,  # type: ignore[arg-type]
                actor_mentions=actor_mentions,  # type: ignore[arg-type]
                place_mention=place.mention if place else None,
                trigger_start=t_start, trigger_end=t_end,
                source=" dan ".join(a.text for a in sources) if lang == "id" and sources else
                (" and ".join(a.text for a in sources) if sources else None),
                target=targets[0].text if targets else None,
                place=place.text if place else None,
                date_text=timex.text if timex else None, date_how=how, background=background,
                date_mod=timex.mod if timex else None, refers_back=refers_back,
            ))
    return out


def _named_after(actors: list[Actor], starts: list[int], toks: list[Token], last: int, text: str) -> bool:
    """Whether a name starts right after the trigger ending at token `last` (an entity's mention, or a
    capitalised word): a noun after another verb with its own party named is an act of its own
    ("menolak seruan Amerika Serikat", "dalam pembunuhan Dini Sera Afrianti"), not that verb's object."""
    if last + 1 >= len(toks):
        return False
    nxt = toks[last + 1].start
    if text[nxt].isupper():
        return True
    k = bisect.bisect_left(starts, nxt)
    return k < len(actors) and actors[k].start == nxt and actors[k].mention is not None


def _case_of(toks: list[Token], first: int, type_: str, lex: Lexicon) -> bool:
    """Whether the noun trigger at `first` names the violence a case is about ("kasus pembunuhan Dini
    Sera Afrianti", "terkait kasus penembakan yang menewaskan seorang warga"): an act that happened,
    told as the case's topic; not a count of cases ("dua kasus pembunuhan", "198 kasus penganiayaan")."""
    if type_ not in lex.case_types or first == 0 or toks[first - 1].form not in lex.case_nouns:
        return False
    return first < 2 or not _number(toks[first - 2], lex)


def _told_without_doer(type_: str, noun: bool, targeted: bool, received: bool, place: Actor | None,
                       deployed: bool) -> bool:
    """Whether an act whose doer the sentence does not name is still told (a demand, a case's
    violence and a reference back stand on their own and are not asked here): a noun of force or
    threat with whom it befell ("penetapan tersangka terhadap penyidik", "ancaman terhadap pilot"); a
    verb with whom it befell; a passive or a receiving with its receiver; a protest, an attack or a
    deployment told by its verb with a receiver or a place; a verb of deploying alone ("Puluhan unit
    pemadam kebakaran dikerahkan", "dengan mengerahkan 20 unit pemadam kebakaran"), or by a
    trigger that opens with the force deployed ("Polisi disebar dari Tol Jagorawi hingga Cikampek")."""
    if noun:
        return (targeted and (type_ in FORCE_TYPES or received)) or deployed
    return (targeted or deployed or (type_ in ("PROTEST", "ASSAULT", "MOBILIZE") and place is not None))


def _next_in_clause(actors: list[Actor], text: str, pos: int) -> Actor | None:
    """The first actor (no place) after `pos` in its clause, at most TARGET_GAP_WORDS words on: whom an
    act told by its noun befell ("Serangan besar Hamas terhadap Israel", "pembunuhan Dini Sera
    Afrianti", "penembakan yang menewaskan seorang warga")."""
    after = next((a for a in actors if a.start >= pos and not a.place), None)
    if after is None or re.search(r"[,;:()\"“”]", text[pos:after.start]):
        return None
    return after if len(text[pos:after.start].split()) <= TARGET_GAP_WORDS else None


OBLIGATION_WORDS = 2  # words after "harus" that a demand's trigger takes, up to its verb ("harus tetap waspada")
# tokens before "harus" read for what frames it (a condition, a verb of saying, its subject): a clause
# rarely runs longer, and a sentence of a thousand obligations stays linear
OBLIGATION_LOOKBACK = 40
OBLIGATION_REACH = 3  # tokens after "harus" or "mampu" where the act demanded stands ("harus segera ditindak")


def _after_modal(toks: list[Token], first: int, modals: list[int]) -> bool:
    """Whether the trigger at `first` is what a word of obligation or ability before it (`modals`:
    their indexes) demands, needs or makes possible, in its clause and within reach: no act done."""
    k = bisect.bisect_left(modals, first) - 1
    return k >= 0 and 0 < first - modals[k] <= OBLIGATION_REACH and not any(
        t.form in BREAKS for t in toks[modals[k] + 1:first])


def _demand(toks: list[Token], first: int, lex: Lexicon) -> bool:
    """Whether the word of obligation at `first` demands an act: a word follows it, no veto stands
    right before it ("yang harus", "tanpa harus"), and no condition opens its clause before it
    ("kalau ini harus dijadiin"), unless the condition's main clause has begun ("kalau ..., ya harus")."""
    if first + 1 >= len(toks) or not toks[first + 1].form[0].isalpha():
        return False  # "kamu jangan,": nothing demanded
    if first > 0 and toks[first - 1].form in lex.obligation_vetoes:
        return False
    for j in range(first - 1, max(first - OBLIGATION_LOOKBACK, 0) - 1, -1):
        if toks[j].form in BREAKS or toks[j].form in lex.consequents:
            return True
        if toks[j].form in lex.hypothetical:
            return False
    return True


def _demander(actors: list[Actor], toks: list[Token], first: int, t_end: int, speech_starts: list[int],
              lex: Lexicon) -> list[Actor] | None:
    """Who demanded what a word of obligation says: the speaker of "..., kata X" after it, or of "kata
    X ...", "X mengatakan ..." before it; [] when the sentence tells that someone said it but names no
    one ("...," katanya); None when no one is told to have said it (the writer's own words)."""
    k = bisect.bisect_left(speech_starts, t_end)
    if k < len(speech_starts):
        at = speech_starts[k]
        near = [a for a in actors if at <= a.start < at + SPEAKER_REACH and not a.place]
        # "kata Gubernur Khofifah": the name the title leads to
        named = next((a for a in near if a.mention is not None), near[0] if near else None)
        if named is not None:
            return [named]
    for j in range(first - 1, max(first - OBLIGATION_LOOKBACK, 0) - 1, -1):
        form = toks[j].form
        if form in lex.speech:  # "kata Hidayat masyarakat Islam harus tetap waspada"
            named = next((a for a in actors if toks[j].end <= a.start and a.end <= toks[first].start
                          and not a.place), None)
            return [named] if named is not None else []
        if form in lex.report_verbs:  # "Lalu mengatakan pelaku ... harus ditindak"
            named = next((a for a in reversed(actors) if a.end <= toks[j].start and not a.place), None)
            return [named] if named is not None else []
    return [] if k < len(speech_starts) else None


def _obliged(actors: list[Actor], toks: list[Token], first: int, lex: Lexicon) -> list[Actor]:
    """Of whom a word of obligation demands: the actor right before it in its clause ("seluruh
    masyarakat harus turut ambil bagian"), after any verb of saying or "bahwa"."""
    start = toks[max(first - OBLIGATION_LOOKBACK, 0)].start
    for j in range(first - 1, max(first - OBLIGATION_LOOKBACK, 0) - 1, -1):
        form = toks[j].form
        if form in BREAKS or form in lex.speech or form in lex.report_verbs or form in lex.complementisers:
            start = toks[j].end
            break
    return [a for a in actors if start <= a.start and a.end <= toks[first].start and not a.place][-1:]


def _between(text: str, t_end: int, near: list[Actor], lex: Lexicon) -> tuple[list[Actor], list[Actor]] | None:
    """The two parties of an act done together that "antara A dan B" names right after its trigger
    (one word may stand between: "disepakati antara Indonesia dan Rusia", "kerja sama erat antara
    ..."): A its source, B its target, whoever stands before the trigger."""
    m = next((w for w in itertools.islice(_WORD_AFTER.finditer(text, t_end), 2)
              if w.group(1).casefold() in lex.between_words), None)
    if m is None or re.search(r"[,;:.()]", text[t_end:m.start(1)]):
        return None
    after = [a for a in near if a.start >= m.end() and not a.place]
    if len(after) < 2 or not re.fullmatch(r"\s*(?:,\s*)?(?:\w+\s+)?", text[m.end():after[0].start]):
        return None
    joint = text[after[0].end:after[1].start].strip().casefold()
    if joint not in lex.coordinators and joint not in lex.counterpart_words:
        return None
    return [after[0]], [after[1]]


_WORD_AFTER = re.compile(r"(\w+)")


def _named_object(text: str, targets: list[Actor], t_start: int, t_end: int, passive: bool) -> bool:
    """Whether the act's target is a named actor that is its object: right after the trigger, or
    after one word ("mendukung pencalonan Ridwan Kamil"); before a passive ("Prabowo didukung")."""
    if not targets or targets[0].mention is None:
        return False
    gap = text[targets[0].end:t_start] if passive else text[t_end:targets[0].start]
    return len(gap.split()) <= NAMED_OBJECT_GAP and not re.search(r"[,;:]", gap)


def _counterpart(toks: list[Token], last: int, lex: Lexicon) -> bool:
    """Whether a word naming with whom follows the trigger ending at `last` within its clause."""
    for t in toks[last + 1:last + 1 + COUNTERPART_REACH]:
        if t.form in lex.counterpart_words:
            return True
        if t.form in BREAKS:
            return False
    return False


def _roles(actors: list[Actor], t_start: int, t_end: int, speech_starts: list[int], lex: Lexicon, text: str,
           passive: bool, baseline: bool, aim: int | None = None) -> tuple[list[Actor], list[Actor]]:
    """Source(s) and target of a trigger: the nearest actor group before it does it, the first actor
    after it receives it (before `aim`, where a purpose clause after it opens: `_purpose_clauses`); a
    passive verb swaps them, its agent coming after "oleh"/"by"; a statement with no actor before it
    belongs to the speaker of "…, kata X" (`speech_starts`: where the sentence's speech verbs start,
    in order)."""
    left = [k for k, a in enumerate(actors) if a.end <= t_start and (baseline or not a.place)]
    # and inside a trigger of several words ("menetapkan enam orang sebagai tersangka")
    right = [k for k, a in enumerate(actors)
             if a.start >= t_end or (not baseline and t_start < a.start and a.end < t_end)]
    if baseline:
        return ([actors[left[-1]]] if left else []), ([actors[right[0]]] if right else [])
    k = bisect.bisect_left(speech_starts, t_end)
    speech_at = speech_starts[k] if k < len(speech_starts) else None
    # before the speech verb, and not its speaker right before it (", police said"; "kata X" has him after)
    right_before_speech = [k for k in right if speech_at is None or (
        actors[k].end <= speech_at and text[actors[k].end:speech_at].strip())]
    targets_k = [k for k in right_before_speech if not actors[k].place or _visit(text, t_start, t_end)]
    if aim is not None:  # "menggelar rapat koordinasi ..., untuk menguatkan ... Raja Ampat": what it was for
        targets_k = [k for k in targets_k if actors[k].start < aim]
    sources = _group_left(actors, left[-1], text) if left else []
    if passive:
        agent = next((k for k in right if text[max(0, actors[k].start - 8):actors[k].start].strip().casefold()
                      .endswith(tuple(lex.agent_preps))), None)
        if agent is None and right and not actors[right[0]].place and not text[t_end:actors[right[0]].start].strip():
            agent = right[0]  # "ditangkap polisi", "didampingi DPM Manturov": the agent right after the verb
        target = sources
        sources = [actors[agent]] if agent is not None else []
        return sources, target[-1:]
    if not sources:  # "pengambilalihan oleh kelompok tersebut"
        agent = next((k for k in right if text[max(0, actors[k].start - 8):actors[k].start].strip().casefold()
                      .endswith(tuple(lex.agent_preps))), None)
        if agent is not None:
            sources = [actors[agent]]
            targets_k = [k for k in targets_k if k != agent]
    if not sources and speech_at is not None:
        after = [k for k in right if actors[k].start >= speech_at]
        if after:
            sources = [actors[after[0]]]
    if len(targets_k) > 1 and (actors[targets_k[0]].mention is None or actors[targets_k[0]].type in PLACE_TYPES):
        # "bertemu dengan penjabat menteri luar negeri Afghanistan ... Amir Khan Muttaqi": the name
        # the title leads to, when no clause break stands between them.
        named = next((k for k in targets_k[1:] if actors[k].mention is not None
                      and (actors[targets_k[0]].mention is None or actors[k].type == "PER")), None)
        gap = text[actors[targets_k[0]].end:actors[named].start] if named is not None else ""
        if named is not None and not re.search(r"[,;]", gap) and (
                actors[named].type == "PER" or len(gap.split()) <= 2) and not _crosses(gap, lex):
            targets_k = [named]
    if targets_k and actors[targets_k[0]].type in ("GPE", "ORG"):
        # "bertemu Presiden Rusia Vladimir Putin", "undangan resmi dari Presiden Federal Rusia, Vladimir
        # Putin", "Menteri Luar Negeri Rusia, Yang Mulia Sergei Lavrov": a title's country, then the
        # person who holds it
        first = actors[targets_k[0]]
        person = next((k for k in right if actors[k].start >= first.end), None)
        if (person is not None and actors[person].type == "PER"
                and _APPOSED_NAME.fullmatch(text[first.end:actors[person].start]) is not None
                and _word_before(text, first.start) in lex.title_words):
            targets_k = [person]
    targets = [actors[targets_k[0]]] if targets_k else []
    if targets and sources and targets[0].text == sources[0].text:
        targets = []
    return sources, targets


@functools.cache
def _purpose_pattern(purpose: frozenset[str], prefixes: tuple[str, ...],
                     adverbs: frozenset[str]) -> re.Pattern[str] | None:
    """A purpose word, then a verb by its prefix (an adverb of the language's, "tidak", between)."""
    if not purpose or not prefixes:
        return None
    before = rf"(?:(?:{_alternation(adverbs)})\s+)?" if adverbs else ""
    return re.compile(rf"(?<!\w)(?:{_alternation(purpose)})\s+{before}(?:{_alternation(prefixes)})\w{{3,}}",
                      re.IGNORECASE)


def _purpose_clauses(text: str, start: int, end: int, lex: Lexicon) -> list[int]:
    """Where purpose clauses open in a sentence: a purpose word and a verb ("untuk menguatkan", "guna
    mencari", "agar tidak mengganggu"). Whoever one names is what an act before it was for, not whom
    the act befell (`_roles`); a purpose word before a noun ("bantuan untuk warga") names the
    receiver. Found once per sentence; languages whose verbs show no prefix (`verb_only_prefixes`)
    have none."""
    pattern = _purpose_pattern(lex.purpose, lex.verb_only_prefixes, lex.verb_adverbs)
    return [m.start() for m in pattern.finditer(text, start, end)] if pattern is not None else []


def _addressee(toks: list[Token], text: str, first: int, last: int, near: list[Actor], lex: Lexicon) -> Actor | None:
    """Whom a request verb asks: the words between it and the purpose word that opens what was
    asked ("mengimbau masyarakat untuk memantau rekomendasi PVMBG", "meminta semua Kepala SPPG untuk
    bertanya ke para siswa", "mengingatkan masyarakat agar tidak percaya pada oknum"), or the subject
    right after "agar" ("mendesak agar Kadis PU segera datang"). The first actor named there (a
    person first); else those words when they name people, as the public, a leader's staff, a
    quantified group or a name the recogniser missed do (`addressee_words`, `quantifiers`, a capital):
    `_roles` takes the first actor after the verb, and the one asked is often no actor of the lists
    (the name in what was asked was taken)."""
    if last > first:  # "mengingatkan ... agar": the one asked stands inside the trigger
        if toks[last].form not in lex.purpose:
            return None
        j, k = first + 1, last
    else:
        j = last + 1
        k = next((x for x in range(j, min(len(toks), j + ADDRESSEE_WORDS + 1))
                  if toks[x].form in lex.purpose or toks[x].form in BREAKS or toks[x].form in lex.clause_words
                  or (x > j and _asked_act(toks[x], lex))), -1)
        # "meminta masyarakat yang mengklaim lahan ... agar tidak ...": the one asked, then who they are
        relative = k > j and toks[k].form in lex.relatives and _purpose_ahead(toks, k, lex)
        if not relative and (k < 0 or not (toks[k].form in lex.purpose or (k > j and _asked_act(toks[k], lex)))):
            return None
        if k == j:  # "mendesak agar Kadis PU segera datang": the one asked opens the clause
            if toks[k].form not in lex.addressee_clauses or k + 1 >= len(toks):
                return None
            nxt = toks[k + 1]
            actor = next((a for a in near if a.start == nxt.start and not a.place), None)
            if actor is not None:
                return actor
            run = k + 1
            while run < len(toks) and toks[run].upper and run - k <= ADDRESSEE_WORDS:
                run += 1
            if run == k + 1:
                return None
            return Actor(nxt.start, toks[run - 1].end, text[nxt.start:toks[run - 1].end], None, False, "")
    words = toks[j:k]
    if not words or not all(t.form[0].isalnum() for t in words) or words[0].form in lex.coordinators:
        return None
    start, end = words[0].start, words[-1].end
    within = [a for a in near if start <= a.start and a.end <= end and not a.place]
    # "memanggil Menteri Kebudayaan Fadli Zon untuk ...": the name a title leads to, as in `_roles`
    inside = next((a for a in within if a.type == "PER"), None) or next(
        (a for a in within if a.mention is not None), None) or (within[0] if within else None)
    if inside is not None:
        return inside
    head = words[0].form
    if not (head in lex.addressee_words or head in lex.quantifiers or words[0].upper
            or (head.endswith("nya") and (head[:-3] in lex.addressee_words or head[:-3] in lex.actor_nouns))):
        return None
    return Actor(start, end, text[start:end], None, False, "")


def _asked_before(toks: list[Token], text: str, first: int, lex: Lexicon) -> Actor | None:
    """Whom a passive request asks, when no actor stands before it: the public or a group the actor
    lists leave out (`addressee_words`), right before the verb but for an adverb ("Masyarakat juga
    diimbau tidak beraktivitas dalam radius tiga kilometer") and a word that says which."""
    k = first - 1
    while k >= 0 and toks[k].form in lex.verb_adverbs:
        k -= 1
    head = k - 1 if (k > 0 and toks[k - 1].form in lex.addressee_words and toks[k].form[0].isalpha()
                     and not toks[k].upper and toks[k].form not in lex.addressee_words) else k
    # ... or one word after it that says which ("Masyarakat setempat diimbau", "Masyarakat luar diimbau")
    if k < 0 or toks[head].form not in lex.addressee_words:
        return None
    return Actor(toks[head].start, toks[k].end, text[toks[head].start:toks[k].end], None, False, "")


def _purpose_ahead(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether a purpose word ("agar", "untuk") follows token `k` in its clause: the relative clause
    at `k` ends where what was asked begins."""
    for t in toks[k + 1:k + 1 + RELATIVE_REACH]:
        if t.form in BREAKS:
            return False
        if t.form in lex.purpose:
            return True
    return False


def _asked_act(tok: Token, lex: Lexicon) -> bool:
    """Whether a word after a request verb's object is the act asked ("meminta jajarannya menindak"):
    an active or passive verb, by its prefix, in lower case."""
    return (not tok.upper and len(tok.form) > 5 and tok.form.startswith(lex.verb_only_prefixes)
            and tok.form not in lex.not_verbs and tok.form not in lex.actor_nouns)


_APPOSED_NAME = re.compile(r"\s*(?:\(\w{1,10}\)\s*)?(?:,\s*)?(?:yang\s+mulia\s*)?", re.IGNORECASE)


def _crosses(gap: str, lex: Lexicon) -> bool:
    """Whether the words between a common-noun target and a name after it leave its phrase: a clause
    word ("meminta keadilan kepada polisi karena PDI-P ...") or a preposition ("Mengevakuasi korban ke
    RS PMI Kota Bogor") starts another phrase, so the name is not the one the noun leads to."""
    return not lex.phrase_breaks.isdisjoint(gap.casefold().split())


def _word_before(text: str, pos: int) -> str:
    """The word just before `pos`, lower-cased ("" at the start)."""
    words = text[max(0, pos - 30):pos].split()
    return words[-1].casefold() if words else ""


SPEAKER_REACH = 60  # characters after a quote's closing mark (its speech verb) holding its speech verb (speaker)


def _speaker(article: Article, actors: list[Actor], sources: list[Actor], t_start: int, t_end: int,
             speech_starts: list[int], lex: Lexicon, people: list[int]) -> int | None:
    """The entity mention that said "kami"/"saya" (`lex.first_person`, every one of `sources`): the
    first person or organisation named after the speech verb that follows the trigger in its
    sentence ('"Kami meminta ...," kata Tikno'), or after the mark that closes the quote later in its
    line ('"Kami mengimbau masyarakat. Kami juga mohon partisipasi," ujar Tikno'); when the quote
    names no one there ('..." tuturnya', '..." ucap dia', a speaker introduced before the quote:
    'Sugiono menyatakan, "... Kami membahas ..."'), the person named last before it (in its
    sentence, else `people`' last, as "ia" is read). The speaker's side did what the quote says it
    did: the mention's source stays the word as written, and the event takes the speaker as its
    actor, so that its summary names someone. None outside a quote (an opinion's "kita")."""
    if not all(a.mention is None and a.text.casefold() in lex.first_person for a in sources):
        return None
    recent = next((a.mention for a in reversed(actors) if a.end <= t_start and a.mention is not None
                   and a.type == "PER"), people[-1] if people else None)
    k = bisect.bisect_left(speech_starts, t_end)
    if k < len(speech_starts):
        at = speech_starts[k]
        named = _named([(a.mention, a.type) for a in actors if at <= a.start < at + SPEAKER_REACH
                        and a.mention is not None])
        return named if named is not None else recent
    text = article.text
    line_start = text.rfind("\n", 0, t_start) + 1
    line_end = text.find("\n", t_end)
    line_end = len(text) if line_end < 0 else line_end
    marks = QUOTE_MARK.findall(text, line_start, t_start)
    opened = marks.count("“") > marks.count("”") or marks.count('"') % 2 == 1
    close = next((m.end() for m in QUOTE_MARK.finditer(text, t_end, line_end) if m.group() in '"”'), None)
    after = text[close:min(close + SPEAKER_REACH, line_end)] if close is not None else ""
    verb = next((w for w in WORD_RUN.finditer(after) if w.group().casefold() in lex.speech), None)
    if close is None or verb is None:
        return recent if opened else None
    at = close + verb.end()
    named = _named([(i, m.type) for i, m in enumerate(article.mentions) if at <= m.start < at + SPEAKER_REACH])
    return named if named is not None else recent


def _named(candidates: list[tuple[int, str]]) -> int | None:
    """The speaker among the mentions (index, type) after a speech verb: the first person, the one a
    title leads to ("ujar Kepala Puspenkum Kejagung Harli Siregar"), else the first organisation."""
    found = [(i, kind) for i, kind in candidates if kind in ("PER", "ORG")]
    return next((i for i, kind in found if kind == "PER"), found[0][0] if found else None)


def _places(actors: list[Actor], text: str) -> list[Actor]:
    """The sentence's places "di X" / "in X" / "at X", in text order."""
    return [a for a in actors if a.place and a.type in PLACE_TYPES
            and text[max(0, a.start - 4):a.start].strip().casefold().split()[-1:] in (["di"], ["in"], ["at"])]


def _nearest_place(places: list[Actor], starts: list[int], t_start: int) -> Actor | None:
    """The place nearest after the trigger, else nearest before it (`starts`: the places' starts)."""
    k = bisect.bisect_left(starts, t_start)
    if k < len(places):
        return places[k]
    return places[-1] if places else None


def _told(toks: list[Token], text: str, after: int, first: int, lex: Lexicon, loose: bool = False) -> bool:
    """Whether a verb of saying opens a reported clause ("menjelaskan, ...", "mengatakan bahwa ...")
    between the end of an actor (`after`) and the trigger at token `first`: what follows is what the
    actor said, and a noun there is no act of theirs. A noun straight after the verb is its object
    ("menyatakan dukungan"), an act of the speaker's. `loose`: any word between the verb and the
    trigger opens the clause (a passive verb's subject: "Gus Ipul mengatakan bansos PKH telah
    disalurkan")."""
    for j in range(first - 1, -1, -1):
        t = toks[j]
        if t.start < after:
            return False
        if t.form in lex.report_verbs or t.form in lex.speech:
            if QUOTE_MARK.search(text, t.end, toks[first].start):
                return False  # 'menyatakan, "Senang dapat mengadakan pertemuan ...': the speaker's own words
            return j + 1 < first and (loose or toks[j + 1].form in lex.complementisers or toks[j + 1].form == ","
                                      or "," in text[t.end:toks[j + 1].start])
    return False


def _any_in(indexes: list[int], lo: int, hi: int) -> bool:
    """Whether the sorted `indexes` hold one in [lo, hi)."""
    k = bisect.bisect_left(indexes, lo)
    return k < len(indexes) and indexes[k] < hi


def _visit(text: str, t_start: int, t_end: int) -> bool:
    """Visiting verbs take the place visited as their target ("mengunjungi Moskow")."""
    return text[t_start:t_end].casefold() in {"mengunjungi", "visited", "visit", "visits", "dikunjungi"}
