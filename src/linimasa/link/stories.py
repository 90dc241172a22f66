"""Stories: articles about one developing story, grouped incrementally as they arrive.

A new article is matched only against the stories that share one of its telling entities or words
(`story_keys`), never against all stories. The match blends two cosines:
- entities (language-independent after alias merging, so an English and an Indonesian report of one
  story land together): people count most, places least, an entity named in many articles little
  (idf), wire services credited in the article and news outlets or their channels ("detikFinance")
  not at all; an event the story names under another
  name of the same words ("SPMB Jabar 2025", "SPMB 2025"), or under a longer name that holds all
  the words of the shorter ("Jakarta E-Prix 2025", "Formula E Jakarta E-Prix 2025"), counts as the
  story's (`_event_aliases`, `_nested`);
- words (tf-idf of the content words the dating stage counted): the story as a whole, or its closest
  recent article, since a developing story drifts (single link).
Entities alone suffice when they agree strongly and the story has no article in the new one's
language (words cannot match across languages); within one language they must be backed by words,
and not by the words that spell their own names (one spokesman in two of the prosecutor's cases).
A developing story (`DEVELOPING` articles or more) takes a looser fit than a single article: its
words spread over its turns, so a later turn (a deal signed on a state visit) matches them less;
looser still for an article that names its core actors (`CORE_ENTITIES`), more than one of them,
or names most of what the story's reports have in common (`CORE_SHARE`, `CORE_COVER`: the volcano
and the province every report of an eruption names, not the minister of its first piece). An article
that names two of the people most reports of a large developing story name (`CORE_PEOPLE`: a wedding's
couple) is backed by them, not only by words: its entity match counts in full, and alone
(`CORE_ALONE`) where its words hardly count (a guest's outfit at the wedding).
Words alone (an article or a story that names no telling entity: tips, listicles, explainers of a
general topic) count a quarter (`WORDS_ONLY`): the vocabulary of a genre ("model", "tampil", "usia"
in seven fashion listicles) is not one story, and only a near copy joins a story by words alone.
Words do not count when the article and the story happen in different places (gazetteer places, by
their main ones, Indonesian regions nested by code: another flood, another fire, the same words),
unless the two share most of their actors (`PLACES_OVERRULED`: a place one of them names besides),
or much of their actors and of their words (`PLACES_ACTORS`, `PLACES_WORDS`: a rider's move, naming
the countries of the riders),
and count less when the two name entities and share none, or share only one organisation (a
ministry's, the police's two cases: its beat, not one event), or mostly one organisation that is a
hub, named in many articles (`HUB_ORGANISATION`: a club's transfer news, which name its coach too,
a regulator's warnings). Time is a soft
factor: a story far from the article's date needs a stronger match. An article that matches two
stories strongly merges them, and so does one that fits a second story nearly as well as its best
when the two stories share their actors and words (`HALVES_*`: two halves of one story that an
arrival order formed apart), and a small story the batch started (an article with its copies, or
up to five reports that found each other before the story they belong to had formed: a musician's
death told by one outlet in five pieces, a race's schedules and ticket guides) is matched once more,
at the end of its batch, against the batch's stories that formed after it (only those can have
changed): it joins one when each of its reports fits it (one of two reports of a match may fit a
tournament's other matches; the pair is its own story), or when its reports fit it as a whole (their
entities and words summed) and each names one of the story's entities: a turn of a state visit told
twice, once with the leaders and once in its negotiator's words, fits the visit as a pair. So the
grouping depends less on the order articles come in. A copy joins its original's story, and does
not keep it from its second look. At the end of a batch, each developing story it created or changed
is compared as a whole with the developing stories near it (`merge_pieces`): two pieces of one story
whose headlines all write its name (the school admission's acronym in its national and its regional
reports), whose words agree, and which no rule keeps apart are merged.
Nine rules read what the reports themselves say apart from entity ids. A report whose headline
writes two rare words (`HEADLINE_WORDS`, `HEADLINE_RARE`) that two or more headlines of a
developing story write each ("Erupsi Gunung Lewotobi": the airports closed, the road diverted,
the aid sent) joins it at a looser fit (`HEADLINE_FIT`): a consequence quotes other people in
other words, but is headlined with the story's name. A report whose headline
writes two acronyms the headlines of a story's reports write too ("ASN Boleh WFA", "WFA bagi ASN":
a new rule and whom it is for) is matched with it by their words alone, though they share no entity:
reactions to one rule quote different people. Two reports that share no
entity but both write two actors' names as telling words (a car the recogniser read as a person in
one launch report and as nothing in the next) keep their words in full (`_named_alike`). A report
whose headline names a match (A vs B) does not join a story whose headlines name other matches,
none that one (two matches of one club, or of one tournament: one story per match), nor is a story bridged to or
joined with one whose headlines name another match of one side (by a copy whose rewritten headline
names no match); a report whose headline names both sides of a story's match without "vs" ("PSG ...
Dikalahkan Botafogo") is of that match, and so of no other match of one side, wherever its clubs'
countries place it. A report whose headline names people of whom the headlines of a story name
none, while they name other people, does not join it when what the two share comes down to an
organisation (two transfers of one club; `PERSON_ORGANISATION`); nor does a report join a story of
one or two reports when what the two share comes down to one person and its headline writes none of
the words theirs write, the person's name aside (a footballer's holiday, his captaincy: `other_topic`).
A report whose headline names a calendar day ("Harga Kripto Hari Ini 13 Juni 2025") does not join,
bridge or take in a story whose headlines name other days, none that one (a daily report of each day
is a story alone); one whose headline names a day and a subject word that a headline of a story
naming that day writes joins it at a low fit (`SAME_DAY_FIT`: a trading day's forecast, opening and
close quote different analysts and figures). A round-up or a fact check (its headline opens "TOP 3:",
"Cek Fakta:") is a story alone: it joins none, and none joins it.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import operator
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from linimasa import resources
from linimasa.model import Article, Story, date_range
from linimasa.pipeline import corpus_stage
from linimasa.text.gazetteer import load_gazetteer
from linimasa.text.outlets import outlet_table

TYPE_WEIGHT = {"PER": 1.0, "ORG": 0.8, "EVT": 0.9, "GPE": 0.45, "LOC": 0.5, "OTHER": 0.4}
KEYS_PER_ARTICLE = 12  # an article's most telling entities that fetch candidate stories
TERM_KEYS = 8  # ... and words
TERMS_PER_ARTICLE = 40
TERM_PSEUDO_DOCS = 10  # documents that write none of an article's words, added to every store (`_term_weights`)
TERMS_PER_STORY = 150
ENTITIES_PER_STORY = 200
MEMBERS_COMPARED = 20  # a story's most recent articles a new one is also compared with, one by one
ENTITY_SHARE = 0.3  # how much of the blended match is entities rather than words
ENTITY_ALONE = 0.7  # entities alone count this much (a report in another language shares no words)
WORD_BACKING = 2.0  # within one language an entity match counts at most this many times the word match
NOTHING_SHARED = 0.02  # an entity cosine below this: the two name only passing, common things alike
UNSHARED_WORDS = 0.5  # ... and then their words count this much (same genre, different actors)
WORDS_ONLY = 0.25  # words count this much when the article or the story names no telling entity (genre pieces)
ONE_ORGANISATION = 0.9  # an entity match this much of which is one organisation shares a beat, not an event
HUB_ORGANISATION = 0.75  # ... this much, when that organisation is a hub (`_hubs`) ...
HUB_ARTICLES = 5  # ... named in this many articles at least ...
HUB_SHARE = 60  # ... and in one in this many of the store's articles (a large store)
NEAR_DAYS = 10
# The gazetteer's kinds of place that say where something happened (not regions like "Asia").
PLACE_KINDS = {"country", "city", "id-prov", "id-kab", "id-kota"}
PLACES_OVERRULED = 0.5  # an entity cosine this high: the two share their actors, whatever places they name
PLACES_ACTORS = 0.4  # ... or this high with a word cosine this high: actors and words agree (`assign`'s `apart`)
PLACES_WORDS = 0.3
CANDIDATES = 30  # stored stories a new article is scored against, those sharing most of its keys
SECOND_LOOK = 5  # a story the batch started with at most this many articles (copies aside) is matched once more
DEVELOPING = 3  # a story with this many articles is a developing story: see `make_stories`' `developing`
CORE_ENTITIES = 0.3  # an entity cosine this high with a developing story names its core actors ...
CORE_FIT = 0.12  # ... and joining it then takes this fit
CORE_SHARE = 0.5  # an entity at least this share of a developing story's reports name (two or more) is its core ...
CORE_OWN = 0.5  # ... even when named in a tenth of all articles, if this share of those articles are its reports
CORE_COVER = 0.5  # ... and an article naming two of its core entities, this much of their weight, takes `CORE_FIT`
CORE_PEOPLE = 2  # an article naming this many of a developing story's core people is backed by them ...
CORE_PEOPLE_REPORTS = 5  # ... in a story of more than this many reports, copies aside (`_core_people`)
CORE_ALONE = 0.7  # ... and its entity match counts this much alone, whatever its words (`_blend`)
HALVES_NEAR = 0.5  # an article fitting a second story this much of its best fit may show the two are one ...
HALVES_ENTITIES = 0.3  # ... when the two stories share their actors this much (entity cosine) ...
HALVES_WORDS = 0.15  # ... and their words this much (`assign`'s `halves`)
LATE_FLOOR = 0.1  # a small stored story a new article fits this much is matched once more at the batch's end ...
LATE_FIT = 0.2  # ... and moves to a story of the batch only at this fit
LATE_ENTITIES = 0.1  # ... when it shares the story's actors this much (entity cosine) ...
LATE_WORDS = 0.22  # ... and its words this much (word cosine)
HEADLINE_WORDS = 2  # a report whose headline writes this many of a developing story's headline words ...
HEADLINE_RARE = 10  # ... each written in this many of the store's articles at most (`_rare_headline_words`) ...
HEADLINE_RARE_SHARE = 30  # ... or in one in this many of them, in a large store ...
HEADLINE_FIT = 0.1  # ... joins it at this fit (`assign`'s `headline_subject`)
SAME_DAY_FIT = 0.04  # a report whose headline names the day and the subject a story's headline does joins at this fit
PERSON_ORGANISATION = 0.4  # a report about another person shares an organisation first, this much of the dot product
MERGE_REPORTS = 3  # two stories of this many reports each (copies aside), near in time ...
MERGE_WORDS = 0.2  # ... whose words agree this much, and most of whose headlines write one subject word ...
MERGE_DAYS = 2  # ... and whose days are at most this far apart, are one story (`assign`'s `merge_pieces`)
SUBJECT_SHARE = 0.5  # a word this share of a story's headlines write (two at least) is its subject (`_subject_words`)

Info = dict[str, tuple[str, str, int]]


def _day(article: Article) -> Any:
    rng = date_range(article.published.value[:10]) if article.published else None
    return rng[0] if rng else None


class _Vector(dict[str, float]):
    """The weights of one article (its entities, its words), never changed once made, with their
    norm worked out once: an article is compared with many stories, a story's recent articles with
    every article of the batch that may join it."""

    __slots__ = ("_norm",)

    def norm(self) -> float:
        try:
            return self._norm
        except AttributeError:
            self._norm: float = math.sqrt(sum(w * w for w in self.values()))
            return self._norm


@functools.lru_cache(maxsize=4096)
def _outlet_name(name: str) -> bool:
    """(storyent) Whether an entity's name is a news outlet's or one of its channels' as the outlet
    table lists them (`resources/shared/outlets.yaml`: "detikNews", "detikOto", "Liputan6.com"): an
    article credits it ("dikutip dari detikFinance", "Tim detikOto"), and reports of different stories
    from one outlet's channel share it, as they share a wire service. Asked of organisations only
    ("Bloomberg" the person is no outlet)."""
    return outlet_table().name_of(name, generic=False) is not None


def _weights(article: Article, info: Info, n_articles: int) -> dict[str, float]:
    """Telling weight of each entity the article names: type weight x idf x log-damped count."""
    counts = Counter(m.entity for m in article.mentions if m.entity)
    credited = {w.casefold() for w in [*article.wire_sources, article.outlet or ""]}
    out: dict[str, float] = {}
    for e, c in counts.items():
        if e not in info or info[e][0].casefold() in credited:
            continue  # "seperti dilansir AFP": the wire says nothing about the story
        if info[e][1] == "ORG" and _outlet_name(info[e][0]):
            continue  # (storyent) "dikutip dari detikFinance": a channel of an outlet credited, no actor
        _, type_, df = info[e]
        # Smoothed: in a small store every entity is in most articles, and must still count.
        idf = math.log(1 + (n_articles + 10) / (1 + min(df, n_articles)))
        out[e] = TYPE_WEIGHT.get(type_, 0.4) * idf * (1 + math.log(c))
    return _Vector(sorted(out.items(), key=lambda kv: -kv[1])[:KEYS_PER_ARTICLE * 2])


def _term_weights(counts: dict[str, int], n_docs: int, df: dict[str, int], limit: int,
                  idf: dict[str, float | None]) -> dict[str, float]:
    """tf-idf of an article's content words (counted by the dating stage), its most telling ones.
    `idf` keeps each word's idf for the batch: a batch on a large store weighs the words of a few
    thousand candidate members, and most of their words recur. The idf counts `TERM_PSEUDO_DOCS`
    more documents than the store holds, none of which writes the word: in a user's store of the five
    reports of one story, the words all five write (the story's subject: "truk", "ODOL") are in every
    document, and a plain idf of 0 dropped them, so the reports split into stories of their side
    words; in a large store the few documents added change next to nothing."""
    # the words not weighed yet, found in C (an idf depends on its word alone, so the order they are
    # worked out in changes nothing); `set.difference` with a dict walks the set and looks each word
    # up in the dict, never the batch's thousands of words (`keys() - keys()` walks both)
    for t in set(counts).difference(idf):
        d = df.get(t, 0)
        idf[t] = math.log((n_docs + 1 + TERM_PSEUDO_DOCS) / (1 + d)) if d > 1 and len(t) > 2 else None
    out = [(t, _TF[c] * w) for t, c in counts.items() if (w := idf[t]) is not None]
    # a stable sort by weight, descending (equal weights keep the order of `counts`), cut at `limit`:
    # what heapq.nlargest gives, in C
    out.sort(key=_WEIGHT, reverse=True)
    return _Vector(out[:limit])


class _TermFrequency(dict[int, float]):
    """`1 + log(c)` by count, each worked out once: the same float every time."""

    def __missing__(self, c: int) -> float:
        self[c] = v = 1 + math.log(c)
        return v


_TF = _TermFrequency()
_WEIGHT = operator.itemgetter(1)


def _norm(v: dict[str, float]) -> float:
    return v.norm() if isinstance(v, _Vector) else math.sqrt(sum(w * w for w in v.values()))


def _cosine(a: dict[str, float], b: dict[str, float], norms: list[float | None] | None = None, slot: int = 0) -> float:
    """``norms[slot]``, when given, keeps the norm of ``b`` (a story's entities or words, a plain dict of
    up to 200 weights) for the next article scored against the same story: `assign` drops it when
    the story changes."""
    # Two that share no key are 0.0 (the sum below would be of nothing): told by a walk in C over the
    # smaller side (two keys views), most of a story's recent members share none of an article's words.
    if a.keys().isdisjoint(b.keys()):
        return 0.0
    # the shared keys only, in the order of `a`: a key `b` lacks would add 0.0, which changes no sum
    dot = sum([w * b[k] for k, w in a.items() if k in b])
    if not dot:
        return 0.0
    if norms is None:
        return dot / (_norm(a) * _norm(b))
    norm_b = norms[slot]
    if norm_b is None:
        norm_b = norms[slot] = _norm(b)
    return dot / (_norm(a) * norm_b)


def _place_df(n_articles: int) -> int:
    """A place named in more articles than this is not specific (a tenth of all articles)."""
    return max(3, n_articles // 10)


def _places(weights: dict[str, float], info: Info, n_articles: int) -> dict[str, float]:
    """The specific places an article or story names, as gazetteer ids with their weight: places
    the gazetteer knows (a country, an Indonesian province, regency or city, a world city), not
    venues or the recogniser's odd spans, and not those named in a tenth of all articles."""
    out: dict[str, float] = {}
    for e, w in weights.items():
        if e not in info or info[e][1] not in ("GPE", "LOC") or info[e][2] > _place_df(n_articles):
            continue
        place = _place_id(info[e][0])
        if place:
            out[place] = max(out.get(place, 0.0), w)
    return out


@functools.lru_cache(maxsize=65536)
def _place_id(name: str) -> str | None:
    """The gazetteer id of a place name, when it is a place that says where something happened."""
    entry = load_gazetteer().lookup(name)
    return entry.id if entry is not None and entry.id.split(":")[0] in PLACE_KINDS else None


def _main(places: dict[str, float]) -> set[str]:
    """The places an article or story is mostly about: at least half as telling as the first."""
    top = max(places.values(), default=0.0)
    return {p for p, w in places.items() if w >= top / 2}


def _may_be_one(a: str, b: str) -> bool:
    """Whether two gazetteer places can be where one story happens: the same place, one inside the
    other (Indonesian regions nest by code: id-kab:32.05 is in id-prov:32, all in country:ID), or
    places whose relation the gazetteer does not tell (a world city and a foreign country). A world
    city is never Indonesian: Indonesian city names resolve to their region first."""
    if a == b:
        return True
    (ka, ca), (kb, cb) = a.split(":", 1), b.split(":", 1)
    if ka.startswith("id-") and kb.startswith("id-"):
        return ca.startswith(cb + ".") or cb.startswith(ca + ".")
    in_a, in_b = ka.startswith("id-") or a == "country:ID", kb.startswith("id-") or b == "country:ID"
    if in_a or in_b:
        return in_a and in_b
    return ka != kb  # two countries or two cities are two places; a city and a country may be one


def _elsewhere(mine: dict[str, float], theirs: dict[str, float], theirs_main: set[str] | None = None) -> bool:
    """Whether an article and a story happen in different places (two floods in two provinces): the
    main places of each are none of the other's places, nor inside or around them. A place named
    in passing (the BMKG office that measured a quake elsewhere) decides nothing. `theirs_main`,
    when given, is ``_main(theirs)``, kept by the caller for the next article the story is a
    candidate of."""
    if not mine or not theirs:
        return False
    if any(_may_be_one(a, b) for a in _main(mine) for b in theirs):
        return False
    main = _main(theirs) if theirs_main is None else theirs_main
    return not any(_may_be_one(a, b) for a in mine for b in main)


def late_backed(weights: dict[str, float], terms: dict[str, float], story: Story) -> bool:
    """Whether a report of a stored story, matched once more at a later batch's end (`LATE_FIT`),
    shares with the batch's story both its actors (`LATE_ENTITIES`) and its words (`LATE_WORDS`).
    The late look reopens a grouping an earlier batch settled, so one kind of likeness is not
    enough: a star's feature and his club's match share the star and little else, a carmaker's
    sales figures and a rival's share the trade's words and no actor, a land-mafia case and the
    civil suit about the same victim share the victim and the case's words but no other actor.
    A report of the event (a launch's order count, a fair's ticket guide) shares both."""
    return (_cosine(weights, story.entities) >= LATE_ENTITIES
            and _cosine(terms, story.terms) >= LATE_WORDS)


def _core(story: Story, info: Info, n_articles: int) -> dict[str, float]:
    """What a developing story (`DEVELOPING` reports, copies aside) has in common: the entities at
    least `CORE_SHARE` of its reports name (two or more, `Story.named`), each weighed by its weight in
    the story times the share of reports that name it. The story's entity vector sums its reports' unit
    vectors, so the people and offices of its first, longest piece (the minister who brought aid)
    outweigh the subject every piece names (the volcano); the core is that subject. Not an
    organisation (a company, a ministry, the police: a beat of many stories, `ONE_ORGANISATION`), and
    not an entity named in a tenth of all articles or more (`_place_df`: "Indonesia"), unless half of
    those articles are the story's reports (`CORE_OWN`: a story that dominates its store, an attack on
    two embassies told through a dozen governments' reactions or a war, names its countries in more
    than a tenth of all articles, and they are its subject), nor one `info` does not hold
    (`_core_people` counts people without that cap)."""
    n = story.counted
    if n < DEVELOPING:  # two reports have all in common that one of them repeats
        return {}
    top = _place_df(n_articles)
    return {e: story.entities[e] * c / n for e, c in story.named.items()
            if c >= 2 and c >= CORE_SHARE * n and e in story.entities and e in info
            and info[e][1] != "ORG" and (info[e][2] <= top or c >= CORE_OWN * info[e][2])}


def _core_people(weights: dict[str, float], story: Story, info: Info, n_articles: int) -> int:
    """How many of a developing story's core people (persons at least `CORE_SHARE` of its reports
    name, two or more, as `_core`) entities `weights` name. The people most of a story's reports name
    are its subject (a wedding's couple, a state visit's two leaders): a later turn that names two of
    them is of the story, whatever words it is told in (the couple on where they will live), where one
    of them is in many stories (`_one_actor`). Unlike `_core`, people named in a tenth of all articles
    or more count: that cap keeps "Indonesia" out, but a story that dominates its store (a wedding told
    in 40 of 219 reports) names its couple in more than a tenth of all articles, and its subject would
    be left out exactly where it is largest. Walks the article's entities (two dozen at most), not the
    story's: it is asked of every candidate story. `n_articles` is unused (`_core`'s signature)."""
    n = story.counted
    if n < DEVELOPING:
        return 0
    return sum(1 for e in weights if (c := story.named.get(e, 0)) >= 2 and c >= CORE_SHARE * n
               and e in story.entities and e in info and info[e][1] == "PER")


def _subject_words(titles: list[tuple[str | None, str]]) -> set[str]:
    """The words `SUBJECT_SHARE` of a story's headlines (`titles`, with their languages) write, two at
    least: the name of what the story is about ("SPMB" in every report of a school admission, national
    or regional). A headline's words of four letters or more that are no words of the language
    (`common_words.txt`: "resmi", "jadwal") and its acronyms (`_headline_acronyms`: "MBG", "DPR"),
    not numbers and not places (`load_gazetteer`: two stories of one province are not one story)."""
    counts = Counter(w for title, lang in titles for w in _headline_subject_words(title, lang))
    need = max(2, SUBJECT_SHARE * len(titles))
    return {w for w, c in counts.items() if c >= need}


def _days_apart(s: Story, t: Story) -> int | None:
    """How many days lie between two stories' spans (0 when they overlap; None when one has no day)."""
    if not (s.first and t.first):
        return None
    a0, a1 = _story_range(s.first), _story_range(s.last or s.first)
    b0, b1 = _story_range(t.first), _story_range(t.last or t.first)
    if not (a0 and a1 and b0 and b1):
        return None
    return max((b0[0] - a1[1]).days, (a0[0] - b1[1]).days, 0)


def _names_core(weights: dict[str, float], story: Story, info: Info, n_articles: int,
                core: dict[str, float] | None = None) -> bool:
    """Whether entities `weights` name what a developing story's reports have in common (`_core`):
    two of its core entities or more, `CORE_COVER` of the core's weight. A consequence of an
    eruption (the airports closed, the ferries instead) names the volcano and the province and
    none of the people of the story's other pieces; its entity cosine with the story is small
    (0.05-0.09), but it tells of the same eruption."""
    if core is None:
        core = _core(story, info, n_articles)
    shared = [e for e in core if e in weights]
    return len(shared) >= 2 and sum(core[e] for e in shared) >= CORE_COVER * sum(core.values())


def score(weights: dict[str, float], terms: dict[str, float], story: Story, members: list[dict[str, float]],
          elsewhere: bool, entity_share: float = ENTITY_SHARE, other_language: bool = False,
          names: frozenset[str] = frozenset(), norms: list[float | None] | None = None,
          beats: frozenset[str] = frozenset(), own: _Vector | None = None,
          actors: Callable[[], frozenset[str]] | None = None,
          subject: Callable[[float], bool] | None = None, hubs: frozenset[str] = frozenset(),
          core_backed: bool = False) -> float:
    """How well an article fits a story (0-1), before the time factor.

    Entities alone decide only for a story with no article in the article's language, where words
    cannot match: within one language, a person or an office that is in several stories (a
    minister's two announcements, a player's transfer and his club's other news) counts only as far
    as the words back it (`WORD_BACKING`). The words that back it are those that do not spell the
    article's entities (`names`): "Kejagung" and "Harli" in two of the prosecutor's cases, "Messi" in
    a match report and a wealth ranking, are the shared entity over again, not a sign that the two
    tell of one event. Like the words themselves, the backing is the story's words as a whole or
    those of the one article that backs it best (single link): a state visit's turn that shares its
    actors with the whole visit shares its other words with one earlier turn, not always with the
    article whose words, names included, are closest. Words, in turn, count less when the two name
    entities and share none of them: the same genre (match results, fact checks) about different
    actors; and as little when what the two share comes down to one organisation (`beats`, the
    article's organisations; `ONE_ORGANISATION`): a ministry, the police, a data provider is an
    actor in many stories of its beat (Kemensos' school programme and its aid transfers, RTI's data
    in two days' market reports), and sharing it alone says the two are of one beat, not of one
    event; an organisation named in many articles (`hubs`, `_hubs`: a club, a regulator, a carmakers'
    association) takes less of the match to be that beat (`HUB_ORGANISATION`). Two that share no
    entity but both use words of actors' names as telling words (`actors`
    gives the words of the actors only one of them names, `_actor_words`; `_named_alike`) do share
    those actors, under names the recogniser read differently. ``subject``, when given, says for the
    words whether the article's headline names the story's subject by its acronyms (`assign`'s
    `shares_subject`): then the words alone are the fit, when they fit better. ``norms`` keeps the norms of the
    story's entities and words between calls (`_cosine`); ``own``, when given, is
    ``_unnamed(terms, names)``, worked out once for all the stories an article is scored against.
    ``core_backed``: the article names two people most of a large developing story's reports name
    (`assign`'s `core_backed`): its entity match counts in full, backed by the story's subject rather
    than by its words, which a later turn (the couple's plans after their wedding) hardly shares; and
    alone (`CORE_ALONE`, as across languages) where its blend with those words is less: a guest's
    outfit at the wedding names the guest most and the couple besides, in the words of kebayas."""
    ent = _cosine(weights, story.entities, norms, 0)
    words = 0.0
    if not elsewhere:
        words = max([_cosine(terms, story.terms, norms, 1), *(_cosine(terms, v) for v in members)])
    value = _blend(ent, words, weights, terms, story, members, entity_share, other_language, names, beats, own,
                   actors, hubs, core_backed)
    if subject is not None and words > value and not other_language and subject(words):
        return words
    return value


def _blend(ent: float, words: float, weights: dict[str, float], terms: dict[str, float], story: Story,
           members: list[dict[str, float]], entity_share: float, other_language: bool, names: frozenset[str],
           beats: frozenset[str], own: _Vector | None, actors: Callable[[], frozenset[str]] | None,
           hubs: frozenset[str] = frozenset(), core_backed: bool = False) -> float:
    """`score` of an entity cosine `ent` and a word cosine `words`, before the subject its headline
    shares with the story's."""
    if not terms or not story.terms:
        return ent
    if not weights or not story.entities:
        return words * WORDS_ONLY
    if ((ent < NOTHING_SHARED and not (actors and _named_alike(terms, story.terms, members, actors())))
            or (beats and ent and _one_beat(weights, story.entities, beats, hubs))):
        words *= UNSHARED_WORDS
    if other_language:
        return max(ent * ENTITY_ALONE, entity_share * ent + (1 - entity_share) * words)
    if core_backed and words:
        return max(ent * CORE_ALONE, entity_share * ent + (1 - entity_share) * words)
    backing = words
    if names and words and ent:
        # a `_Vector`: its norm is worked out once for the story and all its members, not once for each
        if own is None:
            own = _unnamed(terms, names)
        backing = 0.0
        for v in (story.terms, *members):
            backing = max(backing, _cosine_unnamed(own, v, names))
            if WORD_BACKING * backing >= ent:
                break  # backed in full: more backing changes nothing
    return entity_share * min(ent, WORD_BACKING * backing) + (1 - entity_share) * words


def _unnamed(terms: dict[str, float], names: frozenset[str]) -> _Vector:
    """An article's words without those that spell its entities (`score`'s backing)."""
    return _Vector({t: w for t, w in terms.items() if t not in names})


def _cosine_unnamed(own: _Vector, v: dict[str, float], names: frozenset[str]) -> float:
    """``_cosine(own, {t: w for t, w in v.items() if t not in names})`` for `own` without `names`
    (`_unnamed`), the same float without building that dict for every story and member scored: the
    keys of `own` that `v` has are those the dict has, in the same order, so the dot product is the
    same sum; the norm of the dict is the sum over the same weights in the same order, worked out
    only when the dot product is not 0 (`_cosine` returns 0.0 before it needs the norm). Two that
    share no key are 0.0 at once, as in `_cosine`."""
    if own.keys().isdisjoint(v.keys()):
        return 0.0
    dot = sum([w * v[k] for k, w in own.items() if k in v])
    if not dot:
        return 0.0
    return dot / (own.norm() * math.sqrt(sum(w * w for t, w in v.items() if t not in names)))


def _named_alike(terms: dict[str, float], story_terms: dict[str, float], members: list[dict[str, float]],
                 actor_words: frozenset[str]) -> bool:
    """Whether two words that spell actors of the article or of the story are telling words (among
    the weighted words) of both: the other names those actors too, though the recogniser made them
    no entity there, or other ones ("Step Wgn" a person in one launch report and no entity in the
    next, "PT HPM" and "PT Honda Prospect Motor", both writing "Honda"). One such word is a name
    two actors may share (two players called Thiago, two Thurams), or a word a long name borrows."""
    shared = (w for w in actor_words if w in terms and (w in story_terms or any(w in m for m in members)))
    return next(shared, None) is not None and next(shared, None) is not None


@functools.lru_cache(maxsize=65536)
def _actor_name_words(name: str, lang: str) -> frozenset[str]:
    """The words of an actor's name that are names: not numbers, not words of the language
    (`common_words.txt`: "armada" of "PT Jasa Armada Indonesia" is any fleet) and not places
    themselves ("Madrid" of "Real Madrid" says where, not who)."""
    gazetteer = load_gazetteer()
    common = _common_words(lang)
    return frozenset(w for w in _words_of(name)
                     if w.isalpha() and w not in common and gazetteer.lookup(w) is None)


@functools.lru_cache(maxsize=8)
def _common_words(lang: str) -> frozenset[str]:
    """The language's frequent lower-case words of news (none for a language without the list)."""
    try:
        return frozenset(w.casefold() for w in resources.load_words(lang, "common_words.txt"))
    except FileNotFoundError:
        return frozenset()


_NOT_ACTORS = ("GPE", "LOC", "ORG")
_NO_WORDS: frozenset[str] = frozenset()


def _actor_words(weights: dict[str, float], entities: dict[str, float], info: Info, lang: str,
                 known: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """The words that spell the names of the actors (people, events, products and other things: not
    places, and not organisations, which are beats, see `ONE_ORGANISATION`) only one of an article
    (`weights`) and a story (`entities`) names, `_actor_name_words` of each. Those of an entity both
    name are no news: "Piala Dunia Antarklub" in two match reports of the tournament is the
    tournament both write about, not one match. `known`, when given, keeps each entity's words (none
    for one that is no actor) for the next call in language `lang`: a story's 200 entities are
    walked for every article that shares no entity with it. Only entities `info` holds are kept (an
    entry of `info` never changes; one it lacks may be added later)."""
    out: set[str] = set()
    for mine, theirs in ((weights, entities), (entities, weights)):
        for e in mine:
            if e in theirs:
                continue
            words = known.get(e) if known is not None else None
            if words is None:
                found = info.get(e)
                if found is None:
                    continue
                words = _NO_WORDS if found[1] in _NOT_ACTORS else _actor_name_words(found[0], lang)
                if known is not None:
                    known[e] = words
            if words:
                out |= words
    return frozenset(out)


SIDE_WORDS = 3  # a side of a match in a headline: at most this many words next to "vs"
# A team's age group or class written next to its name ("Timnas Indonesia U-23", "Myanmar U19"): part
# of the side, though it holds a number, and no word of it: every team of one tournament writes it.
_AGE_GROUP = re.compile(r"[A-Z]{1,2}-?\d{1,2}")

Pairing = tuple[frozenset[str], frozenset[str]]


@functools.lru_cache(maxsize=1)
def _versus_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in resources.load_words("shared", "versus_words.txt"))


def _side(tokens: list[str], leftwards: bool) -> frozenset[str]:
    """The words of one side of a match, `tokens` read outwards from "vs": up to `SIDE_WORDS`, ending
    at a number (a score, a year, a date), a word in lower case ("di", "pada": a headline writes
    names capitalised) or a word a colon, comma or mark ends, which read leftwards ends the clause
    before ("Hasil Piala Dunia 2025: Ulsan vs ...") and read rightwards ends the side ("vs
    Botafogo, Jumat ..."). An age group ("U-23", `_AGE_GROUP`) is read past but is no word of the
    side: the previews of Indonesia U-23 vs the Philippines and vs Brunei name two matches of one
    side, and two sides that both write "U-23" are not one side."""
    out: list[str] = []
    for tok in tokens[:SIDE_WORDS]:
        word = tok.strip(".,:;!?'\"()")
        ends = tok[-1] in ",:;!?"
        if ends and leftwards:
            break
        if _AGE_GROUP.fullmatch(word):
            if ends:
                break
            continue
        if not word or any(c.isdigit() for c in word) or not word[0].isupper():
            break
        out.append(word.casefold())
        if ends:
            break
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def _pairing(title: str | None) -> Pairing | None:
    """The two sides of the match a headline names ("Inter Milan vs Urawa Reds"), as word sets."""
    tokens = (title or "").split()
    versus = _versus_words()
    for i, tok in enumerate(tokens):
        if tok.casefold() in versus and 0 < i < len(tokens) - 1:
            left, right = _side(tokens[i - 1::-1], True), _side(tokens[i + 1:], False)
            if left and right:
                return left, right
    return None


@functools.lru_cache(maxsize=8)
def _roundup_openings(lang: str) -> tuple[tuple[str, ...], ...]:
    try:
        words = resources.load_words(lang, "roundup_openings.txt")
    except FileNotFoundError:
        return ()
    return tuple(sorted(tuple(w.casefold().split()) for w in words))


@functools.lru_cache(maxsize=65536)
def _round_up(title: str | None, lang: str) -> bool:
    """Whether a headline opens as a round-up or a fact check does (`roundup_openings.txt`: "TOP 3:",
    "Kumpulan Hoaks", "Cek Fakta:"): a story alone, whatever it shares with the stories it reprints."""
    words = re.findall(r"[\w#]+", re.sub(r"\d+", "#", (title or "").casefold()))
    return any(tuple(words[:len(o)]) == o for o in _roundup_openings(lang))


_month_numbers = resources.month_numbers  # the language's month names and their numbers (`timex.yaml`)


@functools.lru_cache(maxsize=65536)
def _headline_day(title: str | None, lang: str) -> tuple[int, int] | None:
    """The calendar day a headline names, as (month, day): "Harga Kripto Hari Ini 13 Juni 2025",
    "Bitcoin price on June 13". The first one written, day and month next to each other. A bare
    "hari ini" is not read as the day of publication: a developing story's reports of other days
    would then be kept apart (`other_day`; three arrival orders of dev+dev2+dev3 lost recall)."""
    months = _month_numbers(lang)
    words = re.findall(r"\w+", (title or "").casefold())
    for a, b in itertools.pairwise(words):
        if a.isdigit() and b in months and 1 <= int(a) <= 31:
            return months[b], int(a)
        if a in months and len(a) > 3 and b.isdigit() and 1 <= int(b) <= 31:  # not "may 25 bps"
            return months[a], int(b)
    return None


def _report_day(title: str | None, lang: str, published: str | None) -> tuple[int, int] | None:
    """The day a headline names (`_headline_day`), unless it is after the day the article was
    published (`published`, an ISO date; month and day compared, as the headline's day has no year):
    "Poco F7 Siap Meluncur 25 Juni", "Kejagung Panggil Nadiem Senin 23 Juni" name the day a plan is
    for, not the day reported, and keep no report apart as another day's (`assign`'s `other_day`)."""
    day = _headline_day(title, lang)
    rng = _story_range(published[:10]) if day is not None and published else None
    return None if rng is not None and day > (rng[0].month, rng[0].day) else day


@functools.lru_cache(maxsize=65536)
def _headline_words(title: str | None) -> frozenset[str]:
    """The words of a headline, casefolded."""
    return frozenset(re.findall(r"\w+", (title or "").casefold()))


def _headline_people(article: Article, info: Info, lang: str) -> dict[str, frozenset[str]]:
    """The people an article's headline names: each person among its entities (`info`: a "PER") with
    the words of its name (`_actor_name_words`, of its known name and of the names the article writes
    it with) of which one at least is a word of the headline ("Fernandes" of Bruno Fernandes)."""
    words = _headline_words(article.title)
    out: dict[str, frozenset[str]] = {}
    for m in article.mentions:
        e = m.entity
        if not e or e not in info or info[e][1] != "PER":
            continue
        name = _actor_name_words(info[e][0], lang) | _actor_name_words(m.text, lang)
        if name & words:
            out[e] = out.get(e, frozenset()) | name
    return out


def _headline_subjects(words: set[str], people: Iterable[frozenset[str]]) -> int:
    """How many of headline words `words` name the subject of a story rather than one of its people
    (`people`, the name words of the people the headline names: `_headline_people`): "Mulan" and
    "Jameela" are an actor, who is in many stories (a wedding's guest, her own ring), not the
    story's name ("Erupsi", "Lewotobi")."""
    return len(set(words).difference(*people))


def _first_shared(weights: dict[str, float], entities: dict[str, float]) -> tuple[float, str, float] | None:
    """The shared entity that weighs most in the dot product of `weights` and `entities`, its part and
    the whole dot product (None when the two share none): the rules that ask whether a match comes
    down to one organisation (`_one_organisation`, `_one_beat`) read the same three numbers."""
    shared = [(w * entities[e], e) for e, w in weights.items() if e in entities]
    if not shared:
        return None
    top, e = max(shared)
    return top, e, sum(p for p, _ in shared)


def _one_organisation(weights: dict[str, float], entities: dict[str, float], info: Info) -> bool:
    """Whether what an article shares with a story comes down to an organisation: nothing, or an
    organisation first, with `PERSON_ORGANISATION` of the dot product or more (`assign`'s
    `other_person`). A club, an agency, a company: the beat the two are of, not the event."""
    first = _first_shared(weights, entities)
    if first is None:
        return True
    top, e, total = first
    return e in info and info[e][1] == "ORG" and top >= PERSON_ORGANISATION * total


def _same_match(p: Pairing, q: Pairing) -> bool:
    return bool((p[0] & q[0] and p[1] & q[1]) or (p[0] & q[1] and p[1] & q[0]))


def _another_match(p: Pairing, q: Pairing) -> bool:
    """Whether two headlines' matches have one side in common and not the other: two matches of one
    team ("Ulsan vs Mamelodi Sundowns", "Mamelodi Sundowns vs Borussia Dortmund")."""
    return not _same_match(p, q) and any(a & b for a in p for b in q)


def _one_actor(weights: dict[str, float], entities: dict[str, float]) -> bool:
    """Whether the entities an article shares with a story come down to one entity (`ONE_ORGANISATION`
    of the dot product or more, whatever its type): a brand's two launches, a player's praise and his
    holiday, one police force's service pieces. A story's core actors are several (the two leaders
    of a state visit, a court case's defendant and its judges); one actor is in many stories."""
    shared = [w * entities[e] for e, w in weights.items() if e in entities]
    return bool(shared) and max(shared) >= ONE_ORGANISATION * sum(shared)


def _one_beat(weights: dict[str, float], entities: dict[str, float], beats: frozenset[str],
              hubs: frozenset[str] = frozenset()) -> bool:
    """Whether the entities an article shares with a story come down to one organisation of `beats`
    (`ONE_ORGANISATION` of the dot product or more; `HUB_ORGANISATION` for one of `hubs`). A hub
    (Manchester United in a season's transfer news, BPOM in its warnings, Gaikindo in every carmaker's
    sales figures) is in many stories, and the coach or the place its reports name besides does not
    make two of them one: the words of its beat (transfers, banned products, units sold) then count
    less. An organisation named in a few articles (a fair's organiser, a young carmaker, the EU in
    one trade talk) is likelier one story's actor, and its reports keep their words in full unless
    it is nearly all they share."""
    first = _first_shared(weights, entities)
    if first is None:
        return False
    top, e, total = first
    cut = HUB_ORGANISATION if e in hubs else ONE_ORGANISATION
    return e in beats and top >= cut * total


@functools.lru_cache(maxsize=65536)
def _words_of(name: str) -> frozenset[str]:
    """The words of a name as the dating stage counts words (casefolded, longer than two letters)."""
    return frozenset(w for w in re.findall(r"\w+", name.casefold()) if len(w) > 2)


def _name_words(article: Article, info: Info) -> frozenset[str]:
    """The words that spell an article's entities: the names it writes them with ("Kejagung") and
    the names they are known by ("Kejaksaan Agung")."""
    out: set[str] = set()
    for m in article.mentions:
        if m.entity:
            out |= _words_of(m.text)
            if m.entity in info:
                out |= _words_of(info[m.entity][0])
    return frozenset(out)


_story_range = functools.lru_cache(maxsize=4096)(date_range)
"""`date_range` of a story's first and last day, kept: every article of a batch asks it of each of
its thirty candidate stories, and stories share their days."""


def _time_factor(day: Any, story: Story) -> float:
    """A mild penalty for a story more than NEAR_DAYS away: a developing story may span years
    (Russia and the Taliban, 2021-2024), but a close date is evidence too."""
    if day is None or not story.first:
        return 1.0
    first, last = _story_range(story.first), _story_range(story.last or story.first)
    if not first or not last:
        return 1.0
    gap = max((first[0] - day).days, (day - last[1]).days, 0)
    if gap <= NEAR_DAYS:
        return 1.0
    return 0.85


def _event_aliases(weights: dict[str, float], entities: dict[str, float], info: Info, lang: str,
                   events: Iterable[str] | None = None) -> dict[str, float]:
    """`weights` (an article's entities) with each event a story (`entities`) does not name renamed
    to one it names under another name of the same words, places, years and words of the language
    aside (`_actor_name_words`): "SPMB Jabar 2025" and "SPMB 2025", "PRJ" and "PRJ 2025" are one
    event that the entities stage kept apart, and the story's reports match each other under it. So
    is an event named at two lengths (`_nested`): "Jakarta E-Prix 2025" and "Formula E Jakarta E-Prix
    2025", "AVC Nations Cup 2025" and "AVC Women's Volleyball Nations Cup 2025": a report writes the
    short name, another the full one. `events`, when given, are the story's events (its entities
    `info` holds as events), kept by the caller while the story stays as it is."""
    mine = [e for e in weights if e not in entities and e in info and info[e][1] == "EVT"]
    if not mine:
        return weights
    if events is None:
        events = (f for f in entities if f in info and info[f][1] == "EVT")
    theirs = [(f, words) for f in events if f not in weights and (words := _actor_name_words(info[f][0], lang))]
    if not theirs:
        return weights
    out = dict(weights)
    for e in mine:
        words = _actor_name_words(info[e][0], lang)
        f = next((f for f, w in theirs if w == words), None)
        if f is None and words:  # or one name inside the other: "Jakarta E-Prix 2025", "Formula E Jakarta E-Prix 2025"
            key = _event_key(info[e][0], lang)
            f = next((f for f, _ in theirs if _nested(key, _event_key(info[f][0], lang))), None)
        if f is not None:
            out[f] = out.get(f, 0.0) + out.pop(e)
    return _Vector(out)


NESTED_WORDS = 2  # the shorter of two nested event names has this many telling words at least
_YEAR = re.compile(r"(?:19|20)\d\d")


@functools.lru_cache(maxsize=65536)
def _event_key(name: str, lang: str) -> tuple[frozenset[str], str | None]:
    """An event's name as the words that tell it from other events, and its year: the words of the
    name that are not words of the language, places, single letters and numbers included ("Formula
    E Jakarta E-Prix 2025": formula, e, jakarta, prix; "Formula 1": formula, 1). Unlike
    `_actor_name_words` places count: "Korea Open" is not "Indonesia Open"."""
    common, gazetteer = _common_words(lang), load_gazetteer()
    words = [w for w in re.findall(r"\w+", name.casefold()) if w not in common or gazetteer.lookup(w) is not None]
    year = next((w for w in words if _YEAR.fullmatch(w)), None)
    return frozenset(w for w in words if not _YEAR.fullmatch(w)), year


def _nested(a: tuple[frozenset[str], str | None], b: tuple[frozenset[str], str | None]) -> bool:
    """Whether two event names are one event named at two lengths: the words of one are all words of
    the other ("Jakarta E-Prix 2025" in "Formula E Jakarta E-Prix 2025"), and their years, where both
    give one, agree ("MotoGP 2015" is not "MotoGP Aragon 2025"). The shorter name has `NESTED_WORDS`
    telling words: one word ("BWF 2025", "Auto Show") names a body or a kind of event, found inside
    the names of many events ("BWF Super 750 Japan Open", "Shanghai Auto Show")."""
    (wa, ya), (wb, yb) = a, b
    if min(len(wa), len(wb)) < NESTED_WORDS or (ya and yb and ya != yb):
        return False
    return wa < wb or wb < wa


SUBJECT_ACRONYMS = 2  # acronyms two headlines share that name one subject (`_headline_acronyms`)


@functools.lru_cache(maxsize=65536)
def _headline_acronyms(title: str | None, lang: str) -> frozenset[str]:
    """The acronyms a headline writes (a word of three to six capitals that is no word of the language,
    `common_words.txt`): the short names of a programme, a rule and the people it is for ("ASN Boleh
    WFA", "Komisi X DPR Soroti SPMB"). None in a headline written in capitals throughout."""
    words = re.findall(r"[^\W\d_]+", title or "")
    if sum(w.isupper() for w in words) * 2 > len(words):
        return frozenset()
    common = _common_words(lang)
    return frozenset(w for w in words if 3 <= len(w) <= 6 and w.isupper() and w.casefold() not in common)


def _telling_headline_words(title: str | None, lang: str, shortest: int = 4) -> frozenset[str]:
    """The words of a headline of `shortest` letters or more that are no numbers and no words of the
    language (`common_words.txt`: "resmi", "jadwal", "hari"): what names its subject, where the
    headline rules (`_subject_words`, `_rare_headline_words`, `other_topic`) look."""
    common = _common_words(lang)
    return frozenset(w for w in _headline_words(title) if len(w) >= shortest and w.isalpha() and w not in common)


@functools.lru_cache(maxsize=65536)
def _headline_subject_words(title: str | None, lang: str) -> frozenset[str]:
    """What a headline says its report is of (`_subject_words`, `same_day` in `assign`): its telling
    words and acronyms (`_telling_headline_words`, `_headline_acronyms`: "IHSG", "SPMB", "saham"),
    places aside (the gazetteer: two cities' weather of one day are two reports, two stories of one
    province not one story)."""
    gazetteer = load_gazetteer()
    words = _telling_headline_words(title, lang) | {w.casefold() for w in _headline_acronyms(title, lang)}
    return frozenset(w for w in words if gazetteer.lookup(w) is None)


def _rare_headline_words(title: str | None, lang: str, df: dict[str, int], n_docs: int) -> frozenset[str]:
    """The words of a headline that few articles of the store write (`HEADLINE_RARE`, or one in
    `HEADLINE_RARE_SHARE` of them): not words of the language (`common_words.txt`), numbers or
    words of two letters, and only words the store has counted (`df`: the article's own words, so
    its headline's words are among them when its body writes them too). "Erupsi", "Lewotobi",
    "ODOL", "Stablecoin": the name of the event, not "Harga" or "Hari Ini"."""
    cut = max(HEADLINE_RARE, n_docs // HEADLINE_RARE_SHARE)
    return frozenset(w for w in _telling_headline_words(title, lang, 3) if 0 < df.get(w, 0) <= cut)


def _beats(weights: dict[str, float], info: Info) -> frozenset[str]:
    """The organisations among an article's entities (`score`'s `beats`)."""
    return frozenset(e for e in weights if e in info and info[e][1] == "ORG")


def _hub_df(n_articles: int) -> int:
    """An organisation named in this many articles is a hub (`_hubs`): `HUB_ARTICLES`, or one in
    `HUB_SHARE` of all articles in a large store, where any organisation reaches a few articles."""
    return max(HUB_ARTICLES, n_articles // HUB_SHARE)


def _hubs(beats: frozenset[str], info: Info, n_articles: int) -> frozenset[str]:
    """The organisations of `beats` that are hubs (`_one_beat`): named in `_hub_df` articles or more.
    By articles, which the store counts whatever the grouping: a count of the stories naming one
    would shrink with the very glue it should cut (all of a club's news in one story names it once)."""
    df = _hub_df(n_articles)
    return frozenset(e for e in beats if info[e][2] >= df)


LABEL_NAMES = 3  # entity names a story's label lists


def _label(story: Story, info: Info) -> str:
    """The names of the story's most telling entities, each spelling once: two entities the recogniser
    kept apart that write one name ("Badan Meteorologi Klimatologi dan Geofisika" and "Badan
    Meteorologi, Klimatologi, dan Geofisika") would fill the short label with it twice."""
    top = sorted(story.entities.items(), key=lambda kv: -kv[1])
    names: list[str] = []
    seen: set[str] = set()
    for e, _ in top:
        if e not in info:
            continue
        key = "".join(ch for ch in info[e][0].casefold() if ch.isalnum())
        if key in seen:
            continue
        seen.add(key)
        names.append(info[e][0])
        if len(names) == LABEL_NAMES:
            break
    return ", ".join(names) or story.id


def _unit(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in v.values()))
    return {k: w / norm for k, w in v.items()} if norm else v


def assign(articles: list[Article], store: Any, threshold: float, bridge: float,
           entity_share: float = ENTITY_SHARE, terms_per_article: int = TERMS_PER_ARTICLE,
           developing: float | None = None, member_counts: _MemberCounts | None = None
           ) -> tuple[list[Story], set[str]]:
    """Put each new article into the best-matching stored or new story; an article that matches
    several stories strongly (`bridge`) merges them. Returns the changed stories and the ids of
    those merged away. `member_counts` keeps stored articles' word counts for the next batch."""
    absorbed: set[str] = set()
    developing = threshold if developing is None else developing
    lowest = min(threshold, developing, CORE_FIT)  # the loosest fit joining any story takes (`required`)
    n_articles = max(store.count_articles(), 1)
    info: Info = store.entity_info({m.entity for a in articles for m in a.mentions if m.entity})
    changed: dict[str, Story] = {}
    dup_story = store.story_of({a.duplicate_of for a in articles if a.duplicate_of})
    copies: dict[str, list[Article]] = {}  # each copy group of the batch, by its original's id
    for x in articles:
        copies.setdefault(x.duplicate_of or x.id, []).append(x)
    counts = store.article_terms([a.id for a in articles])
    n_docs, df = store.term_stats({t for c in counts.values() for t in c})
    member_terms: dict[str, dict[str, float]] = {}
    idf: dict[str, float | None] = {}  # each word's idf, worked out once per batch
    queue, alone, again = list(articles), [], False
    loaded: dict[str, Story] = {}  # stored stories read in this batch: each is read once
    places_of: dict[str, dict[str, float]] = {}  # a story's places, until the batch changes it
    norms_of: dict[str, list[float | None]] = {}  # ... and the norms of its entities and words (`score`)
    events_of: dict[str, list[str]] = {}  # ... and its events (`_event_aliases`)
    main_of: dict[str, set[str]] = {}  # ... and its main places (`_elsewhere`)
    core_of: dict[str, dict[str, float]] = {}  # ... and its core (`_names_core`)
    started: set[str] = set()  # the small stories the batch started, matched once more at its end
    reached: dict[str, Story] = {}  # small stored stories the batch's articles came near (`LATE_FLOOR`)
    late: dict[str, Story] = {}  # ... those of them matched once more at its end, like `started`
    pool = articles  # the articles of the second look: the batch's, and the late stories' stored ones
    headline_of = {x.id: (x.title, x.language or "id") for x in articles}  # read for `other_match`, `round_up`
    published_of = {x.id: x.published.value if x.published and x.published.how != "unknown" else None
                    for x in articles}  # ... and for `report_day`
    # Stories whose every entity `info` holds (or the store lacks): a story only ever takes in entities
    # of the batch's articles and of other such stories, so its entities need not be walked again for
    # each article it is a candidate of (thirty stories of up to 200 entities each).
    known: set[str] = set()
    actor_words: dict[str, dict[str, frozenset[str]]] = {}  # by language, each entity's (`_actor_words`)

    def required(s: Story, w: dict[str, float]) -> float:
        """The fit joining story `s` takes for entities `w` (an article's, or a small story's). A
        developing story (several articles) takes a looser one: its words spread over what its
        articles told, so a new turn of it matches them less than a second report of one article
        matches the first. Looser still when `w` names the developing story's core actors
        (`CORE_ENTITIES`): a deal signed on a state visit, told in the words of oil fields or an
        investment fund, shares few words with the visit's other turns but names its leaders. Its
        leaders, not one of them: a match that comes down to one entity (`_one_actor`: a brand's other
        launch, a player's other news), or mostly to one hub organisation (`_one_beat` of `_hubs`: a
        club and the coach its reports name besides, in a season's transfer news), takes the
        developing story's usual fit. Or when `w` names what the story's reports have in common
        (`_names_core`: the volcano and the province of an eruption, whichever of its consequences a
        report tells of), with the same guards; or when `w` names two of a large story's core people
        (`core_backed`: a race weekend's practice result naming two of the riders its previews name,
        whose entity cosine with the story falls just under `CORE_ENTITIES`)."""
        if len(s.articles) < DEVELOPING:
            return threshold
        if ((_cosine(w, s.entities, norms_of.setdefault(s.id, [None, None]), 0) >= CORE_ENTITIES
             or _names_core(w, s, info, n_articles, story_core(s)) or core_backed(w, s))
                and not _one_actor(w, s.entities)
                and not ((hubs := _hubs(_beats(w, info), info, n_articles))
                         and _one_beat(w, s.entities, hubs, hubs))):
            return min(developing, CORE_FIT)
        return developing

    def core_backed(w: dict[str, float], s: Story) -> bool:
        """Whether entities `w` name `CORE_PEOPLE` of developing story `s`'s core people
        (`_core_people`), and share more than one actor with it (`_one_actor`): then `score` counts
        the entity match in full, not only as far as words back it (`WORD_BACKING`). A 40-report
        wedding's words spread over its ceremony, its guests' outfits, the couple's plans; a turn
        that shares the couple and few words (0.02-0.09) is still of it."""
        if s.counted <= CORE_PEOPLE_REPORTS:
            return False
        return _core_people(w, s, info, n_articles) >= CORE_PEOPLE and not _one_actor(w, s.entities)

    def other_match(p: Pairing, s: Story) -> bool:
        """Whether story `s` tells of another match than `p` (the match an article's headline names):
        its recent reports' headlines name matches, none of them `p`. A club's two matches of one
        tournament share its players, its coach and the tournament's words (`_another_match`: one
        side in common), and are two stories; so are two matches of no common side (a schedule
        headlined with tonight's "Bayern vs Boca" and a prediction of "River Plate vs Monterrey"),
        which share the tournament's name, its words and the outlet's schedule phrases. A stored
        report's headline is read once per batch, and only for a story the article would join."""
        theirs = story_matches(s)
        return bool(theirs) and not any(_same_match(p, q) for q in theirs)

    def story_matches(s: Story) -> list[Pairing]:
        """The matches the headlines of story `s`'s recent reports name (`_pairing`)."""
        members = s.articles[-MEMBERS_COMPARED:]
        return [q for m in members if (q := _pairing(headlines(members)[m][0]))]

    def named_match(title: str | None, stories: list[Story]) -> Pairing | None:
        """The match of one of `stories` whose two sides a headline that names no match ("A vs B")
        names both, one word of each at least: "PSG Terancam Gagal Lolos usai Dikalahkan Botafogo" is
        a report of "PSG vs Botafogo", and so of another match than "Atletico Madrid vs Botafogo",
        whose story it may fit as well (`other_match`). The first such story of those it fits best."""
        words = frozenset(re.findall(r"[\w-]+", (title or "").casefold()))
        return next((q for s in stories for q in story_matches(s) if q[0] & words and q[1] & words), None)

    def of_match(title: str | None, s: Story) -> bool:
        """Whether a headline names a match the headlines of story `s` name: as "A vs B"
        (`_same_match`), or by both its sides (`named_match`). The result "PSG Dikalahkan Botafogo" is
        of the story of "PSG vs Botafogo", whatever country each club's report names."""
        p = _pairing(title)
        if p is not None:
            return any(_same_match(p, q) for q in story_matches(s))
        return named_match(title, [s]) is not None

    def other_matches(s: Story, t: Story) -> bool:
        """Whether stories `s` and `t` tell of two matches of one side: a match the headlines of `s`
        name is another match (`other_match`) than those of `t`. Two stories are not bridged or joined
        by a report whose own headline names no match (a copy under a headline rewritten so that it
        no longer reads as one, "JADWALTimnas Indonesia U-23vs Brunei", a report of the tournament)."""
        return any(other_match(p, t) for p in story_matches(s))

    def headlines(ids: list[str]) -> dict[str, tuple[str | None, str]]:
        """Articles' headlines and languages (`headline_of`): a stored report's is read once per
        batch, and only for a story an article would join."""
        missing = [i for i in ids if i not in headline_of]
        if missing:
            cards = store.article_cards(missing)
            for i in missing:
                headline_of[i] = (cards[i].title, cards[i].language or "id") if i in cards else (None, "id")
                published_of[i] = cards[i].published if i in cards else None
        return headline_of

    report_days: dict[str, tuple[int, int] | None] = {}  # each article's, read once per batch

    def report_day(i: str) -> tuple[int, int] | None:
        """The day article `i`'s headline names as the day it reports (`_report_day`): asked of every
        recent report of every candidate story an article is scored against, so kept per batch."""
        if i not in report_days:
            report_days[i] = _report_day(*headlines([i])[i], published_of.get(i))
        return report_days[i]

    def other_day(day: tuple[int, int], s: Story) -> bool:
        """Whether story `s` is a report of another day than `day` (the day an article's headline
        names as the day it reports, `report_day`): its recent reports' headlines name days, none of
        them `day`. The daily report of crypto prices, of the stock index, of gold on 13 June is not
        that of 14 June, though all its words and actors are the same (GUIDELINE: a daily report is a
        story alone)."""
        days = story_days(s)
        return bool(days) and day not in days

    def other_days(s: Story, t: Story) -> bool:
        """Whether stories `s` and `t` are reports of different days: the headlines of both name
        days, and none the same (`story_days`)."""
        mine = story_days(s)
        return bool(mine) and bool(theirs := story_days(t)) and mine.isdisjoint(theirs)

    def same_day(day: tuple[int, int], words: frozenset[str], s: Story) -> bool:
        """Whether story `s` holds a report of the same subject on the same day: the headline of one
        of its recent reports names `day` (`_headline_day`) and writes one of the words `words` of
        the article's headline (`_headline_subject_words`) that are no person's name. A trading day's
        forecast, opening, lunch break and close are told by different analysts in different
        figures, so their cosines are small, but each headline writes "IHSG" and the day; the
        counterpart of `other_day`, which keeps the reports of other days apart."""
        members = s.articles[-MEMBERS_COMPARED:]
        hl = headlines(members)
        return any(report_day(m) == day and not words.isdisjoint(_headline_subject_words(*hl[m]))
                   for m in members)

    def story_days(s: Story) -> set[tuple[int, int]]:
        """The days the headlines of story `s`'s recent reports name as the days they report (`report_day`)."""
        members = s.articles[-MEMBERS_COMPARED:]
        return {d for m in members if (d := report_day(m))}

    def shares_subject(mine: frozenset[str], s: Story, words: float) -> bool:
        """Whether a headline's acronyms `mine` name the subject of story `s`: `SUBJECT_ACRONYMS` of them
        are in the headlines of its recent reports, and the words (`words`) fit it as well as the
        loosest join takes. Reactions to one new rule quote people who share no entity (a governor, a
        party's MP, a civil servant on the rule that civil servants may work from anywhere) and write
        its name and whom it is for in their headlines ("ASN Boleh WFA"); their entity match is nil
        and their words count half (`UNSHARED_WORDS`), so the words alone decide. One acronym is a
        standing topic (an index, a programme, a system: IHSG, MBG, ETLE), not one story. A stored
        report's headline is read once per batch, and only for a story whose words reach that fit."""
        if words < lowest:
            return False
        members = s.articles[-MEMBERS_COMPARED:]
        shared = mine & frozenset().union(*(_headline_acronyms(*headlines(members)[m]) for m in members))
        return len(shared) >= SUBJECT_ACRONYMS

    def headline_subject(mine: frozenset[str], s: Story, people: Iterable[frozenset[str]] = ()) -> bool:
        """Whether a headline's rare words `mine` (`_rare_headline_words`) name the subject of
        developing story `s`: `HEADLINE_WORDS` of them are each written by two or more of the
        distinct headlines of its recent reports. The consequences of an eruption (the airports
        closed, the roads diverted, the aid) quote other people and tell it in other words, so their
        entity and word cosines with the story are small, but their headlines write the volcano's
        name and "erupsi" as the story's do; a free-practice result of a Grand Prix writes its
        headline with the race's name as its previews did. Two words, each in two headlines: one
        (a club, a minister, a brand) is an actor with many stories; a developing story's, not a
        pair's (a pair's two headlines say little of what its later turns will write). The words of
        a person's name (`people`, the headline's people: "Mulan Jameela") do not count: a person is
        an actor with many stories (`_headline_subjects`: a wedding's guest in a piece on her ring)."""
        if len(mine) < HEADLINE_WORDS or s.counted < DEVELOPING:
            return False
        members = s.articles[-MEMBERS_COMPARED:]
        titles = {headlines(members)[m][0] for m in members}  # a copy's headline once
        seen = Counter(w for t in titles for w in _headline_words(t) & mine)
        return _headline_subjects({w for w, n in seen.items() if n >= 2}, people) >= HEADLINE_WORDS

    def round_up(s: Story) -> bool:
        """Whether story `s` is a round-up or a fact check (`_round_up`): its first report is."""
        return bool(s.articles) and _round_up(*headlines(s.articles[:1])[s.articles[0]])

    def forget(sid: str) -> None:
        """Drop what was worked out of story `sid`'s entities and words: the batch has changed it."""
        places_of.pop(sid, None)
        norms_of.pop(sid, None)
        events_of.pop(sid, None)
        main_of.pop(sid, None)
        core_of.pop(sid, None)

    def story_events(s: Story) -> list[str]:
        """A story's events, until the batch changes it (`events_of`): `info` holds each of its
        entities the store has once it is a candidate, and an entry's type never changes."""
        if s.id not in events_of:
            events_of[s.id] = [f for f in s.entities if f in info and info[f][1] == "EVT"]
        return events_of[s.id]

    def story_places(s: Story) -> dict[str, float]:
        """A story's places, until the batch changes it (`places_of`)."""
        if s.id not in places_of:
            places_of[s.id] = _places(s.entities, info, n_articles)
        return places_of[s.id]

    def story_main_places(s: Story) -> set[str]:
        """The places a story is mostly about (`_main`), until the batch changes it (`main_of`)."""
        if s.id not in main_of:
            main_of[s.id] = _main(story_places(s))
        return main_of[s.id]

    def story_core(s: Story) -> dict[str, float]:
        """A developing story's core (`_core`), until the batch changes it (`core_of`): `info`
        holds its entities once it is a candidate, and an entry never changes once read."""
        if s.id not in core_of:
            core_of[s.id] = _core(s, info, n_articles)
        return core_of[s.id]

    def apart(w: dict[str, float], places: dict[str, float], s: Story, t: dict[str, float] | None = None) -> bool:
        """Whether entities `w` with their `places` happen elsewhere than story `s` (`_elsewhere`), and
        share too little of the story's actors for that not to matter: a report that shares most of
        a story's people and things (`PLACES_OVERRULED`) is of it, whatever place it names besides
        (the car model "Roma" in a report of another Ferrari's crash on a Jakarta toll road, the
        town a footballer comes from in a report of his return to his club); nor is one backed by two of
        a large story's core people (`core_backed`: a wedding's guests welcomed with "Reog Ponorogo", a
        dance the gazetteer reads as a regency). Nor one whose words `t`, when given, agree with the
        story's (`PLACES_WORDS`) while it shares much of its actors (`PLACES_ACTORS`): a rider's move to
        a new team names his country, the team's and his rivals', none of them where anything happens."""
        if not _elsewhere(places, story_places(s), story_main_places(s)):
            return False
        norms = norms_of.setdefault(s.id, [None, None])
        ent = _cosine(w, s.entities, norms, 0)
        return (ent < PLACES_OVERRULED and not core_backed(w, s)
                and not (t is not None and ent >= PLACES_ACTORS and _cosine(t, s.terms, norms, 1) >= PLACES_WORDS))

    def reaches(w: dict[str, float], t: dict[str, float], places: dict[str, float], other_language: bool,
                names: frozenset[str], day: Any, s: Story, lang: str) -> bool:
        """Whether entities `w` and words `t` (an article's or a small story's, in language `lang`),
        with their places, language and name words, fit story `s` on `day` as well as joining it
        takes."""
        w = _event_aliases(w, s.entities, info, lang)
        elsewhere = apart(w, places, s, t)
        if t and s.terms and not elsewhere:
            _load_members([s], member_terms, store, n_docs, df, terms_per_article, idf, member_counts)
        members = [member_terms.get(m, {}) for m in s.articles[-MEMBERS_COMPARED:]]
        beats = _beats(w, info)
        value = score(w, t, s, members, elsewhere, entity_share, other_language, names, beats=beats,
                      actors=lambda: _actor_words(w, s.entities, info, lang), hubs=_hubs(beats, info, n_articles),
                      core_backed=core_backed(w, s))
        return value * _time_factor(day, s) >= required(s, w)

    def story_headline_words(s: Story) -> frozenset[str]:
        """The words of the headlines of story `s`'s recent reports (`_headline_words`)."""
        members = s.articles[-MEMBERS_COMPARED:]
        return frozenset().union(*(_headline_words(headlines(members)[m][0]) for m in members))

    def other_person(x: Article, w: dict[str, float], s: Story, mine: dict[str, frozenset[str]]) -> bool:
        """Whether article `x` (entities `w`, headline people `mine`, worked out once for all the
        stories it is checked against) is about another person than story `s`: its headline
        names people (`_headline_people`), none of whom the headlines of the story's reports name,
        while those headlines name other people of the story; and what the two share comes down to
        one organisation (a club, an agency: `_one_organisation`). Manchester United's bid for
        one striker, another player's debut and a legend's defence of a third are three stories that
        share the club, its coach and the transfer market's words (GUIDELINE: one story per transfer);
        the turns of a state visit, a trial or a wedding name different people in their headlines
        too, but share several actors (the two leaders, the defendants and the judges, the couple)."""
        if not mine:
            return False
        lang = x.language or "id"
        theirs = story_headline_words(s)
        if any(name & theirs for name in mine.values()):
            return False
        own = _headline_words(x.title)
        named = [words for e in s.entities if e in info and info[e][1] == "PER"
                 and (words := _actor_name_words(info[e][0], lang)) & theirs]
        if not named or any(words & own for words in named):
            return False
        if any(name & words for name in mine.values() for words in named):
            return False  # one person under two spellings ("Blue Bird Adrianto ...", "Bluebird Adrianto ...")
        if any(q[0] & own and q[1] & own for q in story_matches(s)):
            return False  # a report of the story's match, told by its hero
        return _one_organisation(w, s.entities, info)

    def other_topic(own: frozenset[str], w: dict[str, float], s: Story) -> bool:
        """Whether an article (its headline's telling words `own`, `_telling_headline_words`, worked
        out once for all the stories it is checked against; entities `w`) tells another thing of one
        actor than small story `s`
        (fewer than `DEVELOPING` reports): what the two share comes down to one person
        (`_one_actor`), and the article's headline writes none of the words the story's headlines
        write, that person's name aside. A footballer's holiday and the talk of his captaincy, a
        rider's training and his plans after retiring share him and the trade's words."""
        if s.counted >= DEVELOPING or not _one_actor(w, s.entities):
            return False
        first = _first_shared(w, s.entities)
        if first is None or first[1] not in info or info[first[1]][1] != "PER":
            return False
        own = own - _words_of(info[first[1]][0])
        return bool(own) and own.isdisjoint(story_headline_words(s))

    def kept_apart(x: Article, s: Story) -> bool:
        """Whether article `x`'s headline names another match or another day than the headlines of
        story `s` do (`other_match`, `other_day`). A small story matched once more joins no story that
        one of its reports is kept from: the rules hold for each of its reports, not only for the one
        whose turn found the story (a match's result, whose headline names no match, fits the same
        team's next match; its preview, "Indonesia vs Thailand", names the match it is of)."""
        lang = x.language or "id"
        pairing, dated = _pairing(x.title), report_day(x.id)
        return bool((pairing and other_match(pairing, s)) or (dated and other_day(dated, s))
                    or other_person(x, _weights(x, info, n_articles), s, _headline_people(x, info, lang)))

    def fits(x: Article, s: Story) -> bool:
        """Whether an article of the batch fits story `s` as well as joining it takes."""
        w, t = _weights(x, info, n_articles), member_terms.get(x.id, {})
        other_language = bool(s.languages) and x.language not in s.languages
        return reaches(w, t, _places(w, info, n_articles), other_language, _name_words(x, info), _day(x), s,
                       x.language or "id")

    def fits_whole(small: Story, s: Story, day: Any) -> bool:
        """Whether a small story of the batch, as a whole, fits story `s` as well as joining it
        takes: its entities and words summed over its reports (each report's own names and words
        count once, what they share adds up), and each report naming one of the story's entities.
        A turn of a visit told twice (the trade deal the leaders concluded, then its negotiator's
        account that names only the deal) fits the visit as a pair, not report by report; a report
        that names none of the story's entities is no part of it."""
        reports = [x for x in pool if x.story == small.id and not x.duplicate_of]
        if any(s.entities.keys().isdisjoint(_weights(x, info, n_articles)) for x in reports):
            return False
        other_language = bool(s.languages) and small.languages.keys().isdisjoint(s.languages)
        names = frozenset().union(*(_name_words(x, info) for x in reports))
        lang = max(small.languages, key=small.languages.__getitem__, default="id")
        return reaches(_Vector(small.entities), _Vector(small.terms), story_places(small), other_language,
                       names, day, s, lang)

    def halves(value: float, top: float, s: Story, t: Story, day: Any) -> bool:
        """Whether an article that fits story `s` best and story `t` nearly as well (`HALVES_NEAR` of
        its fit, below `bridge`) shows `s` and `t` to be two halves of one story: the two share their
        actors (`HALVES_ENTITIES`) and their words (`HALVES_WORDS`) as stories, and are near in time.
        Under another arrival order a story's first reports can form two stories that no later report
        fits strongly enough to bridge; the report that fits both, and the two halves' own likeness,
        together say they are one. Only the stories the new article reaches are compared: never the
        store."""
        if value < HALVES_NEAR * top:
            return False
        if _time_factor(day, t) < 1.0:
            return False
        ent = _cosine(s.entities, t.entities)
        words = _cosine(s.terms, t.terms)
        return ent >= HALVES_ENTITIES and words >= HALVES_WORDS

    def pieces_apart(s: Story, t: Story) -> bool:
        """Whether a rule keeps stories `s` and `t` apart, for all their recent reports: a round-up,
        headlines of other days or of another match of one side (`other_days`, `other_matches`)."""
        return round_up(s) or round_up(t) or other_days(s, t) or other_matches(s, t)

    def subject_of(s: Story) -> set[str]:
        """The words most headlines of story `s`'s recent reports write (`_subject_words`)."""
        members = s.articles[-MEMBERS_COMPARED:]
        return _subject_words([headlines(members)[m] for m in members])

    def entity_words(s: Story) -> frozenset[str]:
        """The words of the names of story `s`'s entities (`_words_of`): a subject word its headlines
        write is a name when one of them spells it ("SPMB" of "SPMB Jabar 2025"), and no genre word
        ("dividen" in two companies' dividend reports)."""
        return frozenset().union(*(_words_of(info[e][0]) for e in s.entities if e in info))

    def merge_pieces() -> None:
        """The developing stories the batch created or changed (`MERGE_REPORTS` reports), each compared
        as a whole with the developing stories near it in time (`MERGE_DAYS`) that share its telling
        entities or words (`_candidates`, and the batch's other stories): merged when most headlines
        of each write one subject word that names an entity of each (`_subject_words`: "SPMB" in every
        report of a school admission's national and regional pieces, "SPMB 2025" and "SPMB Jabar
        2025" its entities), their words agree (`MERGE_WORDS`) and no rule keeps them apart
        (`pieces_apart`). Under one arrival order a developing story's first reports can form two
        stories of several reports each (the national debate and the province's schedules), which no
        later report fits strongly enough to bridge; per article nothing compares the two pieces, and
        they may share no actor. Not when the headlines of each name something besides that the
        other's do not (a club's two transfers: the club in every headline, and each its own player;
        a maker's two launches, each its own product): one actor's two stories. A subject word that
        spells no entity of one of them is a genre's word ("dividen" of two companies' dividends).
        Only the batch's stories are compared, never the store's with each other."""
        for sid in list(changed):
            s = changed.get(sid)
            if s is None or sid in absorbed or s.counted < MERGE_REPORTS:
                continue
            subject = subject_of(s)
            if not subject:
                continue
            names: frozenset[str] | None = None  # `s`'s entity words, when a candidate gets that far
            keys = dict(sorted(s.entities.items(), key=lambda kv: -kv[1])[:KEYS_PER_ARTICLE])
            terms = dict(sorted(s.terms.items(), key=lambda kv: -kv[1])[:TERM_KEYS])
            found = {t.id: t for t in _candidates(keys, terms, store, loaded) if t.id not in absorbed}
            found.update((t.id, t) for t in changed.values() if t.id not in absorbed)
            mine = _Vector(s.terms)  # its norm once for all the stories it is compared with
            for t in found.values():
                if t.id == s.id or t.id in absorbed or t.counted < MERGE_REPORTS:
                    continue
                gap = _days_apart(s, t)
                if (gap is None or gap > MERGE_DAYS
                        or _cosine(mine, t.terms, norms_of.setdefault(t.id, [None, None]), 1) < MERGE_WORDS):
                    continue
                theirs = subject_of(t)
                if subject.isdisjoint(theirs):
                    continue
                unknown = {e for e in t.entities if e not in info}
                if unknown:
                    info.update(store.entity_info(unknown, max_df=_place_df(n_articles) + 1))
                if names is None:
                    names = entity_words(s)
                their_names = entity_words(t)
                if (not subject & theirs & names & their_names
                        or ((subject - theirs) & names and (theirs - subject) & their_names)
                        or pieces_apart(s, t)):
                    continue
                into, other = (s, t) if len(s.articles) >= len(t.articles) else (t, s)
                _absorb(into, changed.pop(other.id, None) or other)
                absorbed.add(other.id)
                for x in articles:
                    if x.story == other.id:
                        x.story = into.id
                forget(into.id)
                into.label = _label(into, info | store.entity_info({e for e in into.entities if e not in info}))
                changed[into.id] = into
                if into is not s:
                    break  # `s` is merged away: the story it joined is compared in its own turn, if changed
                subject, names, mine = subject_of(s), None, _Vector(s.terms)

    while queue:
        a = queue.pop(0)
        if again and (a.story not in started or (a.story not in changed and a.story not in late)):
            continue  # its story has joined another meanwhile
        weights = _weights(a, info, n_articles)
        if again and a.id in member_terms:
            # weighed on its first turn: the batch's own words were all counted (`term_stats`) at the
            # start and only words counted later change their idf, so it is the same vector
            terms = member_terms[a.id]
        else:
            terms = member_terms[a.id] = _term_weights(counts.get(a.id, {}), n_docs, df, terms_per_article, idf)
        keys = [f"e:{e}" for e in list(weights)[:KEYS_PER_ARTICLE]] + [f"t:{t}" for t in list(terms)[:TERM_KEYS]]
        best: Story | None = None
        root_story = dup_story.get(a.duplicate_of or "")
        if root_story is None and not again:
            # a copy whose original (or another copy of it) came earlier in this batch: the store
            # does not know its story yet, and the stories a batch forms move as they merge
            kin = next((x for x in copies.get(a.duplicate_of or a.id, ()) if x is not a and x.story), None)
            root_story = kin.story if kin is not None else None
        if root_story and root_story not in absorbed:
            best = changed.get(root_story) or next(iter(store.stories([root_story])), None)
        if best is None and keys:
            key_entities = set(list(weights)[:KEYS_PER_ARTICLE])
            key_terms = set(list(terms)[:TERM_KEYS])
            # once more (`again`): only the stories of this batch can have changed since
            cands = {} if again else {s.id: s for s in _candidates(weights, terms, store, loaded)
                                      if s.id not in absorbed}
            cands.update({s.id: s for s in changed.values()
                          if not (again and s.id == a.story)
                          # a dict's keys view walks the smaller side (the article's few keys), a set walks
                          # the whole dict it is given (a story's hundreds of names and words)
                          and (not s.entities.keys().isdisjoint(key_entities)
                               or not s.terms.keys().isdisjoint(key_terms))})
            unknown = {e for st in cands.values() if st.id not in known for e in st.entities if e not in info}
            if unknown:  # not the batch's: only their names and whether they are specific places count
                info.update(store.entity_info(unknown, max_df=_place_df(n_articles) + 1))
            known.update(cands)
            places, day = _places(weights, info, n_articles), _day(a)
            # An article that names no event has no event to rename (`_event_aliases` gives back `weights`).
            evt = any(info[e][1] == "EVT" for e in weights)  # `_weights` keeps only entities `info` holds
            aliased = {s.id: _event_aliases(weights, s.entities, info, a.language or "id", story_events(s))
                       if evt else weights
                       for s in cands.values()}
            apart_from = {s.id: apart(aliased[s.id], places, s, terms) and not (
                not aliased[s.id].keys().isdisjoint(s.entities.keys()) and of_match(a.title, s))
                for s in cands.values()}
            # Members' words count only where words do: not for a story elsewhere, nor without words.
            _load_members([s for s in cands.values() if terms and s.terms and not apart_from[s.id]],
                          member_terms, store, n_docs, df, terms_per_article, idf, member_counts)
            scored = []
            names = _name_words(a, info)
            beats = _beats(weights, info)
            hubs = _hubs(beats, info, n_articles)
            own = _unnamed(terms, names) if names else None
            lang = a.language or "id"
            acronyms = _headline_acronyms(a.title, lang)
            if len(acronyms) < SUBJECT_ACRONYMS:
                acronyms = frozenset()
            for s in cands.values():
                elsewhere = apart_from[s.id]
                members = [member_terms.get(m, {}) for m in s.articles[-MEMBERS_COMPARED:]]
                other_language = bool(s.languages) and a.language not in s.languages
                if ((elsewhere or (terms.keys().isdisjoint(s.terms.keys())
                                   and all(terms.keys().isdisjoint(m.keys()) for m in members)))
                        and (aliased[s.id].keys().isdisjoint(s.entities.keys())
                             or (terms and s.terms and not other_language))):
                    # No word that counts in common, and no entity either or entities that count only
                    # as far as words back them (one language, both with words: `_blend`): `score`
                    # works out 0.0 (no weight is negative), time factor or not. A norm it would have
                    # kept is worked out when it is needed (`norms_of` is dropped on every change).
                    scored.append((0.0, s.id))
                    continue
                norms = norms_of.setdefault(s.id, [None, None])
                scored.append((score(aliased[s.id], terms, s, members, elsewhere, entity_share, other_language, names,
                                     norms, beats, own,
                                     functools.partial(_actor_words, aliased[s.id], s.entities, info, lang,
                                                       actor_words.setdefault(lang, {})),
                                     functools.partial(shares_subject, acronyms, s) if acronyms else None, hubs,
                                     core_backed(aliased[s.id], s))
                               * _time_factor(day, s),
                               s.id))
            near = sorted(scored, reverse=True)  # every candidate's fit, for `halves`
            if not again:
                for value, sid in near:
                    st = cands[sid]
                    if (value >= LATE_FLOOR and sid not in changed and len(st.articles) <= SECOND_LOOK
                            and _time_factor(day, st) == 1.0):
                        reached[sid] = st
            # the headline rules' words and people, only for an article some story comes near
            rare = _rare_headline_words(a.title, lang, df, n_docs) if scored else frozenset()
            people = _headline_people(a, info, lang) if scored else {}
            dated = report_day(a.id)
            day_words = (_headline_subject_words(a.title, lang).difference(*people.values())
                         if dated and scored else frozenset())
            scored = sorted((x for x in scored if (x[0] >= required(cands[x[1]], aliased[x[1]])
                                                   or (x[0] >= HEADLINE_FIT
                                                       and headline_subject(rare, cands[x[1]], people.values()))
                                                   or (x[0] >= SAME_DAY_FIT and day_words
                                                       and same_day(dated, day_words, cands[x[1]])))
                             and not (again and a.story in late and x[0] < LATE_FIT)), reverse=True)
            pairing = _pairing(a.title) or (named_match(a.title, [cands[x[1]] for x in scored]) if scored else None)
            if pairing and scored:
                scored = [x for x in scored if not other_match(pairing, cands[x[1]])]
            if scored and people:
                scored = [x for x in scored if not other_person(a, weights, cands[x[1]], people)]
            if scored:
                own = _telling_headline_words(a.title, lang)
                scored = [x for x in scored if not other_topic(own, aliased[x[1]], cands[x[1]])]
            if dated and scored:
                scored = [x for x in scored if not other_day(dated, cands[x[1]])]
            if scored:  # a round-up or a fact check is a story alone, and takes no other report in
                scored = [] if _round_up(a.title, lang) else [
                    x for x in scored if not round_up(cands[x[1]])]
            if scored:
                sid = scored[0][1]
                best = changed.get(sid) or cands[sid]
                bridged = [other for value, other in scored[1:] if value >= max(threshold, bridge)]
                bridged += [other for value, other in near if other != sid and other not in bridged
                            and not (pairing and other_match(pairing, cands[other]))
                            and not (dated and other_day(dated, cands[other]))
                            and not round_up(cands[other])
                            and halves(value, scored[0][0], best, cands[other], day)]
                for other in bridged:
                    if (other != best.id and not other_days(best, cands[other])
                            and not other_matches(best, cands[other])):
                        _absorb(best, changed.pop(other, None) or cands[other])
                        forget(best.id)
                        absorbed.add(other)
        if again:
            # A story of several articles joins another only when each of them fits it (one of two
            # match reports of a tournament fits the tournament's other matches, the pair is its
            # own), or when they fit it as a whole and each names one of its entities (`fits_whole`).
            mine = changed.get(a.story) or late.get(a.story)
            if (best is not None and mine is not None and best.id != a.story
                    and (a.story not in late or late_backed(weights, terms, best))
                    and not other_days(mine, best) and not other_matches(mine, best)
                    and not any(kept_apart(x, best) for x in pool if x.story == a.story and not x.duplicate_of)
                    and (all(fits(x, best) for x in pool
                             if x.story == a.story and x is not a and not x.duplicate_of)
                         or fits_whole(mine, best, _day(a)))):
                old = a.story
                _absorb(best, changed.pop(old, None) or late.pop(old))
                absorbed.add(old)
                started.discard(best.id)  # grown: its own articles keep where they are
                forget(best.id)
                best.label = _label(best, info | store.entity_info({e for e in best.entities if e not in info}))
                for x in pool:
                    if x.story == old:
                        x.story = best.id
                changed[best.id] = best
            continue
        if best is None:
            sid = "st_" + hashlib.sha1(a.id.encode()).hexdigest()[:12]
            best = changed.get(sid) or next(iter(store.stories([sid])), None) or Story(id=sid, label="")
            alone.append(a)
        _add(best, a, weights, terms)
        forget(best.id)
        info.update(store.entity_info({e for e in best.entities if e not in info}, max_df=_place_df(n_articles) + 1))
        known.add(best.id)
        best.label = _label(best, info)
        a.story = best.id
        changed[best.id] = best
        loaded[best.id] = best
        if not queue and not again:
            # The small stories the batch started (`SECOND_LOOK` articles, their copies aside: a copy
            # of one report does not make it two), their reports once more against the stories of
            # the batch that formed after them: the grouping depends less on the order they came in.
            copies = {x.id for x in articles if x.duplicate_of}
            started = {x.story for x in alone if x.story in changed
                       and len(set(changed[x.story].articles) - copies) <= SECOND_LOOK}
            queue, again = [x for x in articles if x.story in started and not x.duplicate_of], True
            late = {sid: st for sid, st in reached.items() if sid not in changed and sid not in absorbed}
            if late:
                stored = [x for x in store.get_articles([m for st in late.values() for m in st.articles])
                          if x.story in late]
                info.update(store.entity_info({m.entity for x in stored for m in x.mentions
                                               if m.entity and m.entity not in info}))
                _load_members(list(late.values()), member_terms, store, n_docs, df, terms_per_article, idf,
                              member_counts)
                started |= set(late)
                pool = articles + stored
                queue += [x for x in stored if not x.duplicate_of]
    merge_pieces()
    return [s for s in changed.values() if s.id not in absorbed], absorbed


def _candidates(weights: dict[str, float], terms: dict[str, float], store: Any,
                loaded: dict[str, Story]) -> list[Story]:
    """The stored stories an article is scored against: the `CANDIDATES` that share the most of its
    telling entities and words (each key counts its share of the article's weight), however many
    stories a common key reaches. A store of 10,000 articles holds thousands of stories naming
    "Indonesia"; reading and scoring all of them made a batch's cost grow with the store. Each is
    read once per batch (`loaded`), and a story changed earlier in the batch is that same object."""
    ents, words = _unit(weights), _unit(terms)
    keys = {f"e:{e}": w for e, w in list(ents.items())[:KEYS_PER_ARTICLE]}
    keys.update({f"t:{t}": w for t, w in list(words.items())[:TERM_KEYS]})
    ids = store.story_candidates(keys, CANDIDATES)
    missing = [i for i in ids if i not in loaded]
    if missing:
        loaded.update((s.id, s) for s in store.stories(missing))
    return [loaded[i] for i in ids if i in loaded]


MEMBER_COUNTS_KEPT = 4096  # stored articles' word counts kept between batches (`_MemberCounts`)


class _MemberCounts:
    """The word counts of stored articles (`article_terms`), kept between the batches of one store:
    a story's recent articles are its members in every batch that has an article near it, and an
    article's counts never change once stored (its id is its bytes). Their weights are worked out
    again in each batch (`_load_members`): the article count and the words' counts change. The most
    recently read `MEMBER_COUNTS_KEPT` are kept; another store starts anew."""

    def __init__(self, limit: int = MEMBER_COUNTS_KEPT) -> None:
        self.limit = limit
        self.store: Any = None
        self.kept: OrderedDict[str, dict[str, int]] = OrderedDict()

    def read(self, store: Any, article_ids: set[str]) -> dict[str, dict[str, int]]:
        if store is not self.store:
            self.store, self.kept = store, OrderedDict()
        out = {m: self.kept[m] for m in article_ids if m in self.kept}
        for m in out:
            self.kept.move_to_end(m)
        missing = article_ids - out.keys()
        if missing:
            found = store.article_terms(missing)
            out.update(found)
            self.kept.update(found)
            while len(self.kept) > self.limit:
                self.kept.popitem(last=False)
        return out


def _load_members(stories: Any, member_terms: dict[str, dict[str, float]], store: Any, n_docs: int,
                  df: dict[str, int], limit: int, idf: dict[str, float | None],
                  counts: _MemberCounts | None = None) -> None:
    """Word weights of the candidate stories' recent articles, read once per batch (their counts,
    with `counts`, once while they stay among the recently read)."""
    wanted = {m for st in stories for m in st.articles[-MEMBERS_COMPARED:] if m not in member_terms}
    if not wanted:
        return
    more = counts.read(store, wanted) if counts is not None else store.article_terms(wanted)
    # Only words not counted yet, and none of two letters (never weighed, whatever their count): most
    # members' words are the batch's or other members' already, and a query for none is skipped. The
    # union and the difference walk the members' words in C; only the few left are walked here.
    unseen = {t for t in set().union(*more.values()).difference(df) if len(t) > 2}
    if unseen:
        _, extra = store.term_stats(unseen)
        df.update(extra)
        for t in extra:  # counted only now: an idf kept before would be stale
            idf.pop(t, None)
    for m in wanted:
        member_terms[m] = _term_weights(more.get(m, {}), n_docs, df, limit, idf)


def _absorb(into: Story, other: Story) -> None:
    for aid in other.articles:
        if aid not in into.articles:
            into.articles.append(aid)
    for e, w in other.entities.items():
        into.entities[e] = round(into.entities.get(e, 0.0) + w, 4)
    for t, w in other.terms.items():
        into.terms[t] = round(into.terms.get(t, 0.0) + w, 4)
    for e, c in other.named.items():
        into.named[e] = into.named.get(e, 0) + c
    into.counted += other.counted
    for x in other.events:
        if x not in into.events:
            into.events.append(x)
    into.outlets += [o for o in other.outlets if o not in into.outlets]
    for lang, n in other.languages.items():
        into.languages[lang] = into.languages.get(lang, 0) + n
    into.first = min(filter(None, [into.first, other.first]), default=None)
    into.last = max(filter(None, [into.last, other.last]), default=None)


def _add(story: Story, a: Article, weights: dict[str, float], terms: dict[str, float]) -> None:
    if a.id not in story.articles:
        story.articles.append(a.id)
    # Each article adds a unit vector: a long article does not outweigh the rest of its story.
    for e, w in _unit(weights).items():
        story.entities[e] = round(story.entities.get(e, 0.0) + w, 4)
    if not a.duplicate_of:  # a copy tells nothing its original has not (`_core`)
        story.counted += 1
        for e in weights:
            story.named[e] = story.named.get(e, 0) + 1
    if len(story.entities) > ENTITIES_PER_STORY:
        story.entities = dict(sorted(story.entities.items(), key=lambda kv: -kv[1])[:ENTITIES_PER_STORY])
        story.named = {e: c for e, c in story.named.items() if e in story.entities}
    for t, w in _unit(terms).items():
        story.terms[t] = round(story.terms.get(t, 0.0) + w, 4)
    if len(story.terms) > TERMS_PER_STORY:
        story.terms = dict(sorted(story.terms.items(), key=lambda kv: -kv[1])[:TERMS_PER_STORY])
    if a.outlet and a.outlet not in story.outlets:
        story.outlets.append(a.outlet)
    story.languages[a.language] = story.languages.get(a.language, 0) + 1
    if a.published and a.published.how not in ("unknown",):
        day = a.published.value[:10]
        story.first = min(story.first or day, day)
        story.last = max(story.last or day, day)


@corpus_stage("stories", requires=["article.mentions.entity", "article.duplicate_of"],
              assigns=["article.story", "corpus.stories"])
def make_stories(threshold: float = 0.2, bridge: float = 0.22, entity_share: float = ENTITY_SHARE,
                 terms_per_article: int = TERMS_PER_ARTICLE, developing: float = 0.18
                 ) -> Callable[[list[Article], Any], None]:
    """Options: `threshold`, how well (0-1, after the time factor) a new article must fit a story to
    join it; `developing`, the same for a story that already has `DEVELOPING` articles (a state
    visit, a bomb threat and what followed: the later turns share fewer words with the story than
    a second report shares with a first); `bridge`, how well an article must fit a second story to
    merge the two; `entity_share`, how much of the match is entities rather than words;
    `terms_per_article`, how many of an article's most telling words it is matched by."""

    member_counts = _MemberCounts()
    # the word lists loaded now, while little else is alive: a resource's first load ends in a full
    # garbage collection (`resources.keep_for_process`), which in the middle of a batch walks every
    # article of the chunk
    _versus_words()
    for lang in resources.languages():
        for load in (_common_words, _roundup_openings, _month_numbers):
            load(lang)

    def stage(articles: list[Article], store: Any) -> None:
        stories, absorbed = assign(articles, store, threshold, bridge, entity_share, terms_per_article, developing,
                                   member_counts)
        if absorbed:
            # A story that absorbed others takes their timeline entries; the timeline stage rebuilds
            # the dates that then hold two entries (it rebuilds only what a batch touches).
            home = {aid: st.id for st in stories for aid in st.articles}
            for old in store.stories(absorbed):
                into = next((home[aid] for aid in old.articles if aid in home), None)
                if into:
                    store.fold_timeline(into, [old.id])
        store.delete_stories(absorbed)
        # A story's `events` are listed by the events stage, which runs next: a mention joins an
        # event of its own story. Those of stories absorbed here were joined by `_absorb`.
        keys = {s.id: [f"e:{e}" for e in s.entities]
                + [f"t:{t}" for t in sorted(s.terms, key=lambda t: -s.terms[t])[:40]] for s in stories}
        store.save_stories(stories, keys)

    return stage
