"""Merging event mentions across articles into events, incrementally.

A new mention is compared only with the stored events that share one of its (PLOVER type, actor)
keys, fetched from the store, never with all events. It joins the best compatible one (same type,
a shared actor, the same story, dates at most `max_gap_days` apart and not two different exact
days) or starts a new event. When the merged sources state dates that cannot both be true, the
event gets a `date` conflict listing every value with the sentence that gives it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from linimasa import resources
from linimasa.model import (
    MUTUAL_TYPES,
    Article,
    Conflict,
    ConflictValue,
    DateValue,
    Event,
    EventActor,
    EventMention,
    date_range,
    precision_of,
)
from linimasa.pipeline import corpus_stage
from linimasa.text.gazetteer import load_gazetteer, normalise
from linimasa.text.patterns import alternation as _alternation

Key = tuple[str, str]
# How the text narrows a coarse date ("pertengahan Agustus"): day ranges inside a month.
MOD_DAYS = {"START": (1, 10), "EARLY": (1, 10), "MID": (11, 20), "END": (21, 31), "LATE": (21, 31)}
OWN_DATE = ("sentence", "paragraph")


@dataclass
class Resolved:
    """A new mention with its actors as entity ids (after entity linking)."""

    mention: EventMention
    language: str
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    story: str | None = None  # its article's story (the stories stage runs first)

    def blocking_keys(self) -> set[Key]:
        ids = self.sources + self.targets
        if ids:
            return {(self.mention.type, i) for i in ids}
        keys = {(self.mention.type, "txt:" + t) for t in _texts(self.mention, self.language)}
        if (said := sentence_key(self.mention.text)) is not None:
            keys.add((self.mention.type, "sent:" + said))
        return keys


@dataclass
class MergeResult:
    events: list[Event]  # new or changed
    keys: dict[str, set[Key]]
    conflicts: list[Conflict]


def _texts(m: EventMention, lang: str) -> set[str]:
    """A mention's actors as written, normalised, when no entity names them: who did it and to whom
    ("pihak kepolisian mengevakuasi para penumpang" and "para penumpang telah dievakuasi" share the
    passengers). Not a pronoun: "kita" in a minister's "kita bertemu" and in "kerja sama kita" is
    whoever speaks each time, and shared it chained a speech's meetings, an airport welcome and an
    invitation into one event."""
    unnamed = _pronouns(lang, ALL_PRONOUNS)
    return {n for t in (m.source, m.target) if t and (n := normalise(t)) and t.casefold() not in unnamed}


SAME_SENTENCE_WORDS = 4  # a sentence repeated word for word with at least this many words is one telling


@functools.lru_cache(maxsize=65536)
def sentence_key(text: str) -> str | None:
    """A sentence's words, case and punctuation aside, as a short key: a follow-up that repeats a
    sentence of its story's earlier report ("Pengerahan 20 unit dan 73 personil.") repeats its event,
    though the sentence names no one to match it by. None for a sentence too short to tell."""
    words = re.findall(r"\w+", text.casefold())
    if len(words) < SAME_SENTENCE_WORDS:
        return None
    return hashlib.sha1(" ".join(words).encode()).hexdigest()[:16]


def mention_range(m: EventMention) -> tuple[Any, Any] | None:
    """The days a mention's date covers, narrowed by its modifier ("mid-August": 11-20 August)."""
    if not m.date:
        return None
    rng = date_range(m.date.value)
    if rng and m.date_mod in MOD_DAYS and m.date.precision == "month":
        lo, hi = MOD_DAYS[m.date_mod]
        first, last = rng
        rng = (first.replace(day=lo), last if hi >= last.day else last.replace(day=hi))
    return rng


def _gap_days(a: tuple[Any, Any], b: tuple[Any, Any]) -> int:
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def _compatible(ev: Event, r: Resolved, ev_ids: set[str], max_gap_days: int, any_mode: bool = False) -> bool:
    m = r.mention
    if ev.type != m.type:
        return False
    if not any_mode and (m.mode == "negated") != any(x.mode == "negated" for x in ev.mentions):
        return False  # "did not meet" is not a source for the meeting; it is its contradiction
    ids = set(r.sources + r.targets)
    if ids and ev_ids:
        if not ids & ev_ids:
            return False
    elif not _texts(m, ev.language) & set().union(*(_texts(x, ev.language) for x in ev.mentions)) and (
            ids or ev_ids or (said := sentence_key(m.text)) is None
            or said not in {sentence_key(x.text) for x in ev.mentions}):
        return False  # no shared actor, named or written; unless neither names one and the sentence is the same
    rng = mention_range(m)
    dated = [(r, e) for e in ev.mentions if (r := mention_range(e))]
    if rng is None or not dated:
        return m.background or ev.background or any(x.article == m.article for x in ev.mentions)
    for other, em in dated:
        exact_both = (m.date and m.date.precision in ("day", "minute") and em.date
                      and em.date.precision in ("day", "minute") and m.date_how in OWN_DATE
                      and em.date_how in OWN_DATE)
        if exact_both and other[0] != rng[0]:
            return False
        if _gap_days(other, rng) > max_gap_days:
            return False
    return True


def _other_parties(ev_roles: tuple[set[str], set[str]], r: Resolved, names: dict[str, str]) -> bool:
    """Whether a mention names other doers or other receivers than an event, both naming some (places
    aside): "Misbakhun mendukung kunjungan Prabowo" and "Putin menyambut Prabowo" share Prabowo but
    are two acts; "Prabowo bertemu Manturov" at the airport and "Prabowo bertemu Putin" at the palace
    two meetings. A country is shared by every act of a state visit and tells none apart. Without this
    one shared actor chained every act of one type in a story into one event, whose summary named
    whoever was named most."""
    def people(ids: Iterable[str]) -> set[str]:
        return {i for i in ids if not _place(names.get(i) or "")}

    sources, targets = people(ev_roles[0]), people(ev_roles[1])
    mine_s, mine_t = people(r.sources), people(r.targets)
    if r.mention.type in MUTUAL_TYPES:
        theirs, mine = sources | targets, mine_s | mine_t
        return len(theirs) >= 2 and len(mine) >= 2 and len(theirs & mine) < 2
    return bool(mine_s and sources and not mine_s & sources) or bool(mine_t and targets and not mine_t & targets)


def _one_occasion(ev: Event, r: Resolved, ev_ids: set[str], names: dict[str, str]) -> bool:
    """Whether a mention tells of event `ev` however the stories stage grouped their articles: it
    gives, in its own words, the exact day a mention of the event gives in its own, and shares one of
    the event's actors that is no place ("Putin bertemu Prabowo" on 19 June, in a report the stories
    stage kept apart from the one the meeting was first told in, and too short for it to tell). A
    shared country and a week, the rule within a story, would chain every story's meetings with
    "Indonesia" into one event."""
    m = r.mention
    if not _own_day(m) or not any(_own_day(x) and x.date == m.date for x in ev.mentions):
        return False
    return any(not _place(names.get(i) or "") for i in set(r.sources + r.targets) & ev_ids)


@functools.lru_cache(maxsize=4096)
def _place(name: str) -> bool:
    """Whether the gazetteer reads an actor's name as a place (a country, a province, a city)."""
    entry = load_gazetteer().lookup(name) if name else None
    return entry is not None and entry.type in ("GPE", "LOC")


def _own_day(m: EventMention) -> bool:
    return bool(m.date and m.date.precision in ("day", "minute") and m.date_how in OWN_DATE and not m.refers_back)


def _event_id(m: EventMention) -> str:
    return "ev_" + hashlib.sha1(f"{m.article}:{m.trigger_start}:{m.type}".encode()).hexdigest()[:12]


def _date_label(m: EventMention) -> str:
    assert m.date is not None
    return m.date.value


def summarise(ev: Event, names: dict[str, str]) -> str:
    """One sentence from the event's actors, type and place, in its language ("Sergey Lavrov
    bertemu Amir Khan Muttaqi di Moskwa"): built, not copied, so it reads the same for every source."""
    data = _summary_templates(ev.language)
    best = max(ev.mentions, key=lambda m: (bool(m.source) + bool(m.target) + bool(m.place), -m.start))
    src = _most_named([names.get(a.entity) for a in ev.actors if a.role == "source"], ev.mentions, "source")
    tgt = [names.get(a.entity) for a in ev.actors if a.role == "target"]
    joiner = f" {data.get('and', 'and')} "
    source = joiner.join(x for x in src if x) or best.source or ""
    # never one of its sources again ("Prabowo Subianto dan Vladimir Putin bertemu Vladimir Putin")
    target = next((x for x in tgt if x and x not in source), None) or (
        best.target if best.target and best.target not in source else "")
    if source and target:  # a pronoun beside a name: the name alone ("Presiden bertemu", not "... saya")
        unnamed = _pronouns(ev.language)
        if target.casefold() in unnamed:
            target = ""
        elif source.casefold() in unnamed:
            source = ""
    place = names.get(ev.place or "") or best.place
    mode_word = (data.get("mode") or {}).get(ev.mode, "")
    if source:
        verbs = data.get("base_verbs") if mode_word and data.get("base_verbs") else data.get("verbs")
        verb = (verbs or {}).get(ev.type, ev.type.lower())
        if not target:  # "sepakat dengan" with nobody after it
            verb = re.sub(r"\s+(dengan|kepada|dari|terhadap|with|to|from|against)$", "", verb)
        parts = [source, mode_word, verb, target or ""]
    elif target:
        parts = [target, mode_word, (data.get("passive") or {}).get(ev.type, best.trigger)]
    else:  # nobody named: what happened ("Serangan di Jalan J", not "Menewaskan diserang di Jalan J")
        noun = (data.get("nouns") or {}).get(ev.type, best.trigger)
        parts = [(data.get("noun_mode") or {}).get(ev.mode, ""), noun]
    text = " ".join(p for p in parts if p)
    if place and place not in text:
        text += f" {data.get('place', 'in')} {place}"
    return text[:1].upper() + text[1:]


SUMMARY_ACTORS = 2  # a summary names at most this many sources: those its mentions name most


def _most_named(actors: list[str | None], mentions: list[EventMention], role: str) -> list[str]:
    """An event's actors of one role (its sources), those its mentions name most often in that role
    first, at most `SUMMARY_ACTORS`: an event told by thirty reports gathers every source any of them
    named (the leaders, their ministers, a lawmaker's comment), and a summary that lists them all says
    nothing. Ties keep the event's order."""
    said = [(getattr(m, role) or "").casefold() for m in mentions]
    count = {a: sum(1 for x in said if a.casefold() in x) for a in actors if a}
    return sorted(count, key=lambda a: -count[a])[:SUMMARY_ACTORS]


@functools.cache
def _summary_templates(lang: str) -> dict[str, Any]:
    return _events_resource(lang).get("summary") or {}


def _events_resource(lang: str) -> dict[str, Any]:
    return resources.load_or_empty(lang, "events") or resources.load("en", "events")


ALL_PRONOUNS = ("singular", "plural", "first_person")  # the kinds of pronoun an events resource lists


@functools.cache
def _pronouns(lang: str, kinds: tuple[str, ...] = ("singular", "first_person")) -> frozenset[str]:
    """The pronouns of a language's events resource of these `kinds` (of "singular", "plural",
    "first_person"). By default those a mention keeps as written when no name stands for them
    ("undangan saya" in a quote whose speaker is named elsewhere): in a summary read apart from its
    sentence, "Presiden bertemu saya" names nobody, so a summary beside a name leaves them out ("kedua
    negara", a plural phrase, still tells who); a pronoun alone stays, it is all the summary has to
    say who. All of them (`ALL_PRONOUNS`) are words that stand for someone the sentence or the quote
    names, never a name of their own."""
    found = _events_resource(lang).get("pronouns") or {}
    return frozenset(str(p).casefold() for k in kinds for p in found.get(k) or [])


def refresh(ev: Event, names: dict[str, str]) -> None:
    """Recompute an event's date, actors, place, mode and summary from its mentions."""
    told = [m for m in ev.mentions if not m.refers_back] or ev.mentions  # a back-reference only adds a source
    own = [m for m in told if m.date and m.date_how in OWN_DATE]
    dated = own or [m for m in told if m.date]
    if dated:
        counts = Counter(m.date.value for m in dated if m.date)
        rank = {p: i for i, p in enumerate(("decade", "year", "month", "week", "day", "minute"))}
        value = max(counts, key=lambda v: (counts[v], rank.get(precision_of(v) or "year", 0), v))
        ev.date = DateValue(value, precision_of(value) or "day")  # type: ignore[arg-type]
    else:
        ev.date = None
    roles: dict[str, Counter[str]] = {}
    places: Counter[str] = Counter()
    for m in ev.mentions:
        for entity, role in getattr(m, "_actor_ids", []):
            roles.setdefault(entity, Counter())[role] += 1
    for a in ev.actors:
        roles.setdefault(a.entity, Counter())[a.role] += 0
    if ev.place:
        places[ev.place] += 1
    ev.actors = sorted((EventActor(e, c.most_common(1)[0][0]) for e, c in roles.items()),  # type: ignore[arg-type]
                       key=lambda a: (a.role != "source", a.role != "target", a.entity))
    modes = Counter(m.mode for m in told)
    ev.mode = "asserted" if modes["asserted"] else modes.most_common(1)[0][0]
    ev.background = all(m.background for m in told)
    ev.summary = summarise(ev, names)


def date_conflict(ev: Event) -> Conflict | None:
    """A `date` conflict when two sources state dates for the event that cannot both hold."""
    own = [m for m in ev.mentions if m.date and m.date_how in OWN_DATE and not m.refers_back]
    ranges = [(m, mention_range(m)) for m in own]
    ranges = [(m, r) for m, r in ranges if r]
    clash = any(_gap_days(a, b) > 0 for i, (_, a) in enumerate(ranges) for _, b in ranges[i + 1:])
    if not clash:
        return None
    values, seen = [], set()
    for m, _ in ranges:
        label = _date_label(m)
        if (label, m.article) in seen:
            continue
        seen.add((label, m.article))
        values.append(ConflictValue(label, m.article, m.text + (f" [{m.date_text}]" if m.date_text else "")))
    note = "sources give different dates for this event" + (
        "; " + ", ".join(f"{m.date_text!r} ({m.date_mod.lower()})" for m, _ in ranges if m.date_mod)
        if any(m.date_mod for m, _ in ranges) else "")
    return Conflict("date", ev.id, values, note)


def merge_mentions(new: list[Resolved], fetch: Callable[[set[Key]], list[Event]],
                   names: dict[str, str], max_gap_days: int = 10,
                   stories_of: Callable[[set[str]], dict[str, str]] | None = None) -> MergeResult:
    """Fold new mentions into stored events (found by key through `fetch`) or into new events.

    With `stories_of` (articles to their stories), a mention joins only an event told in its own
    article's story: one event is one turn of one story. Without it an actor and a week were enough,
    and a news window of a few weeks chained every meeting that named "Indonesia" into one event
    of hundreds of mentions, whose summary named the actors of a dozen stories and which showed up
    in each of their timelines. A mention whose article has no story (the stage requires the stories
    stage, but the function is also called on hand-made mentions) and an event none of whose
    articles has one (a store whose articles were never grouped) are matched by actor and date alone."""
    keys_wanted = set().union(*(r.blocking_keys() for r in new)) if new else set()
    stored = fetch(keys_wanted) if keys_wanted else []
    if isinstance(names, EntityNames):
        names.load({a.entity for e in stored for a in e.actors} | {i for r in new for i in r.sources + r.targets})
    pool: dict[str, Event] = {e.id: e for e in stored}
    ids_of: dict[str, set[str]] = {e.id: {a.entity for a in e.actors} for e in stored}
    roles_of: dict[str, tuple[set[str], set[str]]] = {
        e.id: ({a.entity for a in e.actors if a.role == "source"}, {a.entity for a in e.actors if a.role == "target"})
        for e in stored}
    home: dict[str, str] = stories_of({m.article for e in stored for m in e.mentions}) if stories_of else {}
    # each event's stories: where its mentions' articles are now (stories merge as they grow)
    told_in: dict[str, set[str]] = {e.id: {home[m.article] for m in e.mentions if m.article in home} for e in stored}

    def same_story(r: Resolved, eid: str) -> bool:
        return (r.story is None or not told_in[eid] or r.story in told_in[eid]
                or _one_occasion(pool[eid], r, ids_of[eid], names))

    index: dict[Key, set[str]] = {}
    for e in stored:
        for a in e.actors:
            index.setdefault((e.type, a.entity), set()).add(e.id)
        for m in e.mentions:
            for text in _texts(m, e.language) if not e.actors else ():
                index.setdefault((e.type, "txt:" + text), set()).add(e.id)
            if not e.actors and (said := sentence_key(m.text)) is not None:
                index.setdefault((e.type, "sent:" + said), set()).add(e.id)
    changed: dict[str, Event] = {}
    keys_out: dict[str, set[Key]] = {}
    contradicted: list[tuple[Resolved, str]] = []  # (negated mention, its event)
    told: dict[tuple[str, str], list[str]] = {}  # (article, type) -> its events, in text order
    for r in new:
        m = r.mention
        if m.refers_back:
            earlier = told.get((m.article, m.type))
            own = mention_range(m) if m.date_how == "sentence" else None
            target = pool[earlier[-1]] if earlier else None
            dates = [x for x in (mention_range(e) for e in target.mentions) if x] if target else []
            if target and (own is None or not dates or any(_gap_days(own, d) == 0 for d in dates)):
                target.mentions.append(m)
                m._actor_ids = []  # type: ignore[attr-defined]
                changed[target.id] = target
                continue
            continue  # nothing told before that it fits: a reference alone is no news
        cands = sorted({eid for k in r.blocking_keys() for eid in index.get(k, ())})
        ok = [pool[c] for c in cands if same_story(r, c) and _compatible(pool[c], r, ids_of[c], max_gap_days)
              and not _other_parties(roles_of[c], r, names)]
        ids = set(r.sources + r.targets)
        if ok:
            ev = max(ok, key=lambda e: (len(ids & ids_of[e.id]), len(e.mentions), e.id))
        else:
            ev = Event(id=_event_id(m), type=m.type, language=r.language, place=r.place)
            pool[ev.id] = ev
            ids_of[ev.id] = set()
            roles_of[ev.id] = (set(), set())
            told_in[ev.id] = set()
        ev.mentions.append(m)
        if r.story:
            told_in[ev.id].add(r.story)
        told.setdefault((m.article, m.type), []).append(ev.id)
        if m.mode == "negated":
            contradicted.append((r, ev.id))
        m._actor_ids = [(i, "source") for i in r.sources] + [(i, "target") for i in r.targets]  # type: ignore[attr-defined]
        if r.place and not ev.place:
            ev.place = r.place
        ids_of[ev.id] |= ids
        roles_of[ev.id][0].update(r.sources)
        roles_of[ev.id][1].update(r.targets)
        for k in r.blocking_keys():
            index.setdefault(k, set()).add(ev.id)
            keys_out.setdefault(ev.id, set()).add(k)
        changed[ev.id] = ev
    conflicts = []
    for ev in changed.values():
        refresh(ev, names)
        for m in ev.mentions:
            m.__dict__.pop("_actor_ids", None)
        conflicts += [c for c in (date_conflict(ev), number_conflict(ev)) if c]
    for r, neg_id in contradicted:  # one source says it happened, another that it did not
        for eid in sorted({e for k in r.blocking_keys() for e in index.get(k, ())} - {neg_id}):
            ev = pool[eid]
            if (ev.mode == "asserted" and same_story(r, eid)
                    and _compatible(ev, r, ids_of[eid], max_gap_days, any_mode=True)):
                neg = r.mention
                yes = next(x for x in ev.mentions if x.mode == "asserted")
                # About the negated event: rebuilt whenever a mention of it is new.
                conflicts.append(Conflict("other", neg_id, [
                    ConflictValue("asserted", yes.article, yes.text), ConflictValue("negated", neg.article, neg.text)],
                    f"mode: one source reports it happened (event {eid}), another that it did not"))
                break
    return MergeResult(list(changed.values()), keys_out, conflicts)


# Relative difference within which "sekitar 140" and "142" are one source's rounding (a soft conflict).
ROUNDING = 0.1
ROLE_WINDOW = 3  # words on either side of a count that may say what happened to what it counts
_CLAUSE_END = re.compile(r"[.;:!?()]")


@dataclass(frozen=True)
class Counts:
    """A language's count words compiled (`resources.count_words`): a count is an optional qualifier
    (its kind in `qualifiers`), a number, an optional scale word, and the word after it ("sekitar
    1.000 militan", "sedikitnya 110 orang", "1,2 juta orang")."""

    pattern: re.Pattern[str]
    qualifiers: dict[str, str]
    scales: dict[str, float]
    roles: tuple[tuple[str, re.Pattern[str]], ...]
    not_counted: frozenset[str] = frozenset()  # words after a number that make it no count ("19 Juni")
    money: re.Pattern[str] | None = None  # a sign of money ending the text before a number ("Rp 2 triliun")

    def counted(self, text: str, m: re.Match[str]) -> bool:
        """Whether match `m` of `pattern` in `text` counts something: not a year, a date, a time, a span
        of time or an amount of money."""
        if re.fullmatch(r"(19|20)\d\d", m.group("num")) or m.group("noun").casefold() in self.not_counted:
            return False
        return self.money is None or not self.money.search(text, max(0, m.start("num") - 6), m.start("num"))

    def kind(self, m: re.Match[str]) -> str:
        """"exact", or the kind of the words that qualify count `m` ("approx", "at_least", "at_most")."""
        q = m.groupdict().get("qual")
        return self.qualifiers.get(" ".join(q.casefold().split()), "approx") if q else "exact"


@functools.lru_cache(maxsize=8)
def _counts(lang: str) -> Counts:
    qualifiers, scales, roles, not_counted, money = resources.count_words(lang)
    words, scale = _alternation(qualifiers), _alternation(scales)
    pattern = re.compile(
        (rf"(?P<qual>\b(?:{words})\s+)?" if words else "")
        + r"(?P<num>\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*"
        + (rf"(?P<scale>{scale})?\s+" if scale else r"\s+")
        + r"(?P<noun>[^\W\d_]{3,})", re.IGNORECASE)
    # a sign not glued to a word before it ("Rp", but not the end of "Warp"), then spaces to the number
    money_sign = re.compile(rf"(?<![^\W\d_])(?:{_alternation(money)})\s*\Z", re.IGNORECASE) if money else None
    return Counts(pattern, qualifiers, scales, tuple(
        (role, re.compile(rf"\b(?:{_alternation(ws)})", re.IGNORECASE)) for role, ws in sorted(roles.items()) if ws),
        not_counted, money_sign)


def _number(m: re.Match[str], lang: str, scales: dict[str, float]) -> float:
    raw = m.group("num")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        value = float(re.sub(r"[.,]", "", raw))  # "2.000", "2,000": thousands
    else:
        value = float(raw.replace(",", ".") if lang == "id" else raw.replace(",", ""))
    scale = m.groupdict().get("scale")
    return value * scales.get((scale or "").casefold(), 1)


def count_role(text: str, m: re.Match[str], counts: Counts) -> str | None:
    """What happened to what count `m` counts, by the role word nearest it within `ROLE_WINDOW` words
    on either side of it and within its clause, its noun included ("menewaskan 258 orang", "5.500
    orang luka-luka", "5.000 pengungsi", "killed 247 people", "more than 5,500 people were injured");
    None when no role word is near. A tie goes to the words after the number ("10 orang tewas dan 25
    orang luka": luka is the 25's)."""
    before = _CLAUSE_END.split(text[:m.start()])[-1].split()[-ROLE_WINDOW:]
    # the counted noun itself may say it ("5.000 pengungsi", "12 korban jiwa", "3 jenazah")
    after = _CLAUSE_END.split(text[m.start("noun"):])[0].split()[:ROLE_WINDOW + 1]
    # (distance in words, 0 after / 1 before, the words from there on: a two-word entry, "korban jiwa")
    near = [(i, 0, " ".join(after[i:])) for i in range(len(after))]
    near += [(len(before) - 1 - j, 1, " ".join(before[j:])) for j in range(len(before))]
    for _distance, _side, words in sorted(near):
        role = next((r for r, rx in counts.roles if rx.match(words)), None)
        if role is not None:
            return role
    return None


def _disagree(vals: list[tuple[float, str]]) -> str | None:
    """Whether counts of one thing (value, kind) cannot all be true, and how: "hard" when two exact
    counts differ, an exact count or another bound falls outside a bound ("sedikitnya 300" against
    "257"), or a rounded count lies further than `ROUNDING` from the others; "soft" when they differ
    only within one source's rounding ("sekitar 140" vs "142"); None when they agree: a bound holds
    every count inside it ("at least 110 people", "more than 200 people" and "257 people" of one toll
    as it rose)."""
    exact = {v for v, k in vals if k == "exact"}
    low = max((v for v, k in vals if k == "at_least"), default=None)
    high = min((v for v, k in vals if k == "at_most"), default=None)
    rounded = [v for v, k in vals if k == "approx"]
    if len(exact) > 1 or (low is not None and high is not None and low > high):
        return "hard"
    if exact and ((low is not None and min(exact) < low) or (high is not None and max(exact) > high)):
        return "hard"
    anchors = exact or set(rounded)
    if any(abs(a - b) / max(a, b) > ROUNDING for a in rounded for b in anchors if max(a, b) > 0):
        return "hard"
    if rounded and any(a != b for a in rounded for b in anchors):
        return "soft"
    return None


def number_conflict(ev: Event) -> Conflict | None:
    """Counts of the same thing that cannot all be true ("2.000 militan" vs "sekitar 1.000 militan");
    a difference within one source's rounding ("sekitar 140" vs "142") is a soft conflict, and a
    bound agrees with every count inside it ("sedikitnya 110 orang", then "257 orang": `_disagree`).
    Counts of one noun that say different things happened to it ("menewaskan 258 orang", "5.500 orang
    luka-luka": the dead and the injured) are not compared (`count_role`)."""
    counts = _counts(ev.language)
    by_noun: dict[tuple[str, str | None], list[tuple[float, str, EventMention, str]]] = {}
    for m in ev.mentions:
        for x in counts.pattern.finditer(m.text):
            if not counts.counted(m.text, x):
                continue  # "2025", "19 Juni", "20 tahun", "Rp 2 triliun": no count of what the event did
            key = (x.group("noun").casefold(), count_role(m.text, x, counts))
            by_noun.setdefault(key, []).append(
                (_number(x, ev.language, counts.scales), counts.kind(x), m, x.group(0)))
    for (noun, role), vals in sorted(by_noun.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if len({m.article for _, _, m, _ in vals}) < 2 or len({v for v, _, _, _ in vals}) < 2:
            continue
        how = _disagree([(v, k) for v, k, _, _ in vals])
        if how is None:
            continue
        values, seen = [], set()
        for _v, _, m, text in vals:
            if (text, m.article) not in seen:
                seen.add((text, m.article))
                values.append(ConflictValue(text, m.article, m.text))
        kind = "soft: within one source's rounding" if how == "soft" else "the sources disagree"
        what = f"{noun} ({role})" if role else noun
        return Conflict("number", ev.id, values, f"number of {what}: {kind}")
    return None


def resolve(articles: Iterable[Article]) -> tuple[list[Resolved], dict[str, str]]:
    """The new articles' event mentions with entity ids for their actors, and the names of those
    entities (for summaries). Mentions dated by their article take its current date: the corpus
    dating stage may have dated the article since the per-article stage ran."""
    out: list[Resolved] = []
    names: dict[str, str] = {}
    for a in articles:
        for m in a.event_mentions:
            if m.date_how == "article" and a.published and m.date is None:
                p = precision_of(a.published.value[:10])
                m.date = DateValue(a.published.value[:10], p) if p else None  # type: ignore[arg-type]
            r = Resolved(m, a.language, story=a.story)
            for idx, role in m.actor_mentions:
                if 0 <= idx < len(a.mentions) and a.mentions[idx].entity:
                    eid = a.mentions[idx].entity
                    assert eid is not None
                    names.setdefault(eid, a.mentions[idx].text)
                    (r.sources if role == "source" else r.targets).append(eid)
            if m.place_mention is not None and 0 <= m.place_mention < len(a.mentions):
                r.place = a.mentions[m.place_mention].entity
                if r.place:
                    names.setdefault(r.place, a.mentions[m.place_mention].text)
            out.append(r)
    out.sort(key=lambda r: (r.mention.article, r.mention.start))
    return out, names


class EntityNames(dict[str, str]):
    """Canonical entity names, read from the store only for the actors a summary needs."""

    def __init__(self, store: Any) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, entity_id: str) -> str:
        # the name alone (entity() would read every mention of a much-mentioned actor, and a count
        # of its articles would walk them: `max_df` stops the count at the first)
        info = self.store.entity_info([entity_id], max_df=1) if entity_id else {}
        self[entity_id] = info[entity_id][0] if entity_id in info else ""
        return self[entity_id]

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] or default if key else default

    def load(self, entity_ids: Iterable[str]) -> None:
        """Read the names of many entities in one query: merging reads the names of every candidate
        event's actors (which are places), not one query per actor."""
        missing = {i for i in entity_ids if i and i not in self}
        if missing:
            info = self.store.entity_info(missing, max_df=1)
            self.update({i: info[i][0] if i in info else "" for i in missing})


@corpus_stage("events", requires=["article.event_mentions", "article.mentions.entity", "article.story"],
              assigns=["corpus.events", "corpus.stories.events"])
def make_event_linking(max_gap_days: int = 10) -> Callable[[list[Article], Any], None]:
    """Merge the new articles' event mentions into stored events found by (type, actor) key.
    `max_gap_days`: how far apart two sources' dates for one event may lie (an exact day and
    "mid-August"); two different exact days are always two events."""
    for lang in resources.languages():  # now, not mid-batch (see `make_entity_linking`)
        _summary_templates(lang)
        _counts(lang)

    def stage(articles: list[Article], store: Any) -> None:
        new, _ = resolve(articles)
        if not new:
            return
        names = EntityNames(store)
        result = merge_mentions(new, store.events_by_keys, names, max_gap_days, store.story_of)
        store.save_events(result.events, result.keys)
        store.replace_conflicts([e.id for e in result.events], result.conflicts)
        # Each story lists the events told in it: the new articles' events, in their stories (those
        # of their earlier articles are listed already: an event keeps its id as mentions join it).
        # Every event a new mention joined or started is in `result.events`: no need to read them back.
        of_article: dict[str, set[str]] = {}
        for ev in result.events:
            for m in ev.mentions:
                of_article.setdefault(m.article, set()).add(ev.id)
        told: dict[str, list[str]] = {}
        for a in articles:
            if a.story and a.id in of_article:
                told.setdefault(a.story, []).extend(sorted(of_article[a.id]))
        store.add_story_events(told)

    return stage
