"""Entity recognition: PER, ORG, GPE, LOC and EVT mentions in an article's clean text.

Three recognisers are combined, because each is good at a different part of the job:

- the gazetteer (`linimasa.text.gazetteer`) knows countries, capitals, Indonesian regions, international
  organisations and armed groups in Indonesian and English with their acronyms, and gives each
  mention a canonical key ("country:RU") that makes cross-language merging exact;
- rules (`rules.py`) find people after titles ("Presiden Rusia Vladimir Putin"), speakers ("kata
  Lavrov"), organisation names built on an organisation word ("Kementerian Luar Negeri Rusia"), later
  short re-mentions of people ("Lavrov") and acronyms defined in parentheses ("... (NIIS)");
- the statistical model (`linimasa.entities.ner`, trained separately) adds recall for names nobody
  listed. It is optional: without it the stage runs on gazetteer and rules and says so once.

The stage only finds mentions (with `key` and `role` where known); `linimasa.link` merges them into
entities across the corpus.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import logging
import operator
import re
from collections.abc import Callable
from typing import Any, Protocol

from linimasa import resources
from linimasa.entities.ministries import ministry_key
from linimasa.entities.precision import (
    age_group_teams,
    ampersand_names,
    club_cities,
    company_people,
    named_kinds,
    places_before_regions,
    settle_precision,
    synopsis_characters,
)
from linimasa.entities.recall import _particles, _role_words, settle_recall
from linimasa.entities.rules import (
    GLUED,
    ArticleRules,
    Cues,
    Phrases,
    cues_for,
    defined_acronyms,
    person_rementions,
    tokenise,
)
from linimasa.entities.settle import _after_locative, _lists, settle_kept, settle_names, settle_spans
from linimasa.entities.shapes import commissions, named_heads, outlet_self_names, settle_shapes
from linimasa.model import Article, Mention, Span
from linimasa.pipeline import article_stage
from linimasa.text.gazetteer import Gazetteer, is_acronym, load_gazetteer
from linimasa.text.seams import glue_seams, open_seams
from linimasa.text.sentences import article_sentences
from linimasa.text.spans import DisjointSpans, StaticSpans
from linimasa.text.windows import text_windows

log = logging.getLogger(__name__)

# Types a gazetteer-known place keeps even when the model calls it something else.
PLACE_TYPES = {"GPE", "LOC"}
# The country whose institutions the gazetteer lists under their generic names ("Kementerian Sosial").
HOME_COUNTRY = "country:ID"


class Recogniser(Protocol):
    def tag(self, text: str) -> list[Mention]: ...


_MODEL_STATE: dict[str, Any] = {}


def default_recogniser() -> Recogniser | None:
    """The packaged statistical model, or None (logged once) when it is not available."""
    if "rec" not in _MODEL_STATE:
        try:
            from linimasa.entities.ner import load_recogniser  # imported lazily: optional, heavy
        except ImportError as e:
            log.warning("entities: statistical NER model not available (%s); using gazetteer and rules only", e)
            _MODEL_STATE["rec"] = None
        else:
            try:
                _MODEL_STATE["rec"] = load_recogniser()
            except Exception as e:  # a broken model file must not stop the pipeline
                log.warning("entities: could not load the NER model (%s); using gazetteer and rules only", e)
                _MODEL_STATE["rec"] = None
    return _MODEL_STATE["rec"]


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _fields(m: Mention) -> tuple[Any, ...]:
    """What makes two mentions equal (the dataclass's `==`), as a hashable key."""
    return (m.start, m.end, m.text, m.type, m.entity, m.source, m.score, m.key, m.role)


def _select(candidates: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: people found by title or speech rules first (their names never
    contain gazetteer places), then the longest of the rest ("Kementerian Luar Negeri Rusia" over
    "Rusia")."""
    people = [m for m in candidates if m.type == "PER" and m.source == "rule"]
    others = sorted(
        (m for m in candidates if not (m.type == "PER" and m.source == "rule")),
        key=lambda m: (-(m.end - m.start), m.source != "gazetteer", m.start),
    )
    chosen: list[Mention] = []
    held: DisjointSpans[Mention] = DisjointSpans()
    for m in people + others:
        if not held.overlaps(m.start, m.end):
            chosen.append(m)
            held.add(m.start, m.end, m)
    return chosen


def _generic_word(text: str, cues: Cues) -> bool:
    """A lone title, organisation or place word ("Kementerian", "Presiden"): a reference back to a
    named thing, not a name."""
    words = tuple(text.casefold().split())
    phrases = _generic_phrases(cues.org_heads, cues.loc_heads, cues.titles, cues.modifiers)
    return words in phrases or (len(words) == 1 and (words[0] in cues.not_names or words[0] in cues.title_words))


@functools.lru_cache(maxsize=8)
def _generic_phrases(*lists: Phrases) -> frozenset[tuple[str, ...]]:
    """The phrases of the given cue lists in one set (fixed per language: joined once, not per mention)."""
    return frozenset().union(*(p.all for p in lists))


_INNERMOST_BRACKETS = re.compile(r"\(([^()]*)\)")


class _Bracketed:
    """Whether "(X)" is written in a text, for many X: `f"({x})" in text` read the whole text for each
    of a long article's model names (a quadratic scan of `_add_model`, bench/hostile.py's time per KB).
    Without brackets of its own, X is written in brackets exactly when it is what an innermost pair of
    brackets holds (its "(" is the last before its ")"), so those contents, read once, answer it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._inside: set[str] | None = None

    def __contains__(self, name: str) -> bool:
        if "(" in name or ")" in name:
            return f"({name})" in self.text
        if self._inside is None:
            self._inside = {hit.group(1) for hit in _INNERMOST_BRACKETS.finditer(self.text)}
        return name in self._inside


def _add_model(
    text: str, chosen: list[Mention], model: list[Mention], gazetteer: Gazetteer, cues: Cues, language: str = "id"
) -> list[Mention]:
    """Fold the model's mentions into the rule/gazetteer ones.

    Where they overlap, the gazetteer and rules keep their span and type, except that a model ORG or
    EVT that strictly contains only gazetteer places keeps its longer span ("Kedutaan Besar Rusia",
    "Manchester United").
    A model span that overlaps partly keeps its capitalised remainder ("Rusia Vladimir Putin" ->
    "Vladimir Putin" beside the gazetteer's "Rusia"). A model LOC the gazetteer knows as a country,
    city or province becomes GPE.
    """
    # `out` stays pairwise non-overlapping: a span is added only where nothing overlaps it, or in place of
    # every span it overlaps. It is kept in insertion order (a dict by identity) beside an index by offset.
    sport: list[bool] = []  # (ent12b) whether the article is about a sport, worked out at the first need
    split = _ent12b_model_splits(text, chosen, model, language)
    if split:
        chosen = [c for c in chosen if id(c) not in split]
    out: dict[int, Mention] = {id(c): c for c in chosen}
    held: DisjointSpans[Mention] = DisjointSpans()
    for c in chosen:
        held.add(c.start, c.end, c)

    def replace(gone: list[Mention], new: Mention) -> None:
        for c in gone:
            del out[id(c)]
            held.remove(c.start, c.end, c)
        out[id(new)] = new
        held.add(new.start, new.end, new)

    # what `_tidy` makes of a surface of a type, as offsets into it: the model tags a name the same
    # way wherever the article repeats it, and the answer depends on nothing else
    shapes: dict[tuple[str, str], tuple[int, int, str, str, str | None] | None] = {}
    bracketed = _Bracketed(text)  # read at the first model name that asks
    # in text order, the longer first where two start together (two stable sorts on the fields: no
    # Python call per mention)
    for raw in sorted(sorted(model, key=operator.attrgetter("end"), reverse=True),
                      key=operator.attrgetter("start")):
        if not (0 <= raw.start < raw.end <= len(text)):
            continue
        surface = text[raw.start : raw.end]
        if not surface.strip():
            continue
        if (surface, raw.type) in shapes:
            shape = shapes[(surface, raw.type)]
            if shape is None:
                continue
            m = Mention(raw.start + shape[0], raw.start + shape[1], shape[2], shape[3],  # type: ignore[arg-type]
                        source=raw.source or "model", score=raw.score, role=shape[4])
        else:
            tidy = _tidy(text, raw, gazetteer, cues)
            shapes[(surface, raw.type)] = None if tidy is None else (
                tidy.start - raw.start, tidy.end - raw.start, tidy.text, tidy.type, tidy.role)
            if tidy is None:
                continue
            m = tidy
        hits = held.overlapping(m.start, m.end)
        if not hits:
            entry = gazetteer.lookup(m.text)
            if entry is not None and (m.type in PLACE_TYPES or entry.type in PLACE_TYPES) == (
                entry.type in PLACE_TYPES
            ):
                m.type, m.key = entry.type, entry.id  # type: ignore[assignment]
            elif m.type == "LOC" and _after_gpe_cue(text, m.start, cues):
                m.type = "GPE"
            replace([], m)
            continue
        if m.type == "ORG" and _ent12b_club_city(text, m, hits, language, sport):
            club = Mention(m.start, m.end, m.text, "ORG", source=m.source, score=m.score)
            replace(hits, club)
            continue
        contains_all = all(m.start <= c.start and c.end <= m.end for c in hits)
        countries = [c for c in hits if c.key and c.key.startswith("country:")]
        if contains_all and len(hits) == 1 and countries and m.text.split()[0].casefold() in cues.state_forms:
            # "Republik Islam Iran": the country under its official name
            m.type, m.key = "GPE", countries[0].key
            replace(hits, m)
            continue
        only_places = all(c.source == "gazetteer" and c.type in PLACE_TYPES for c in hits)
        longer = m.end - m.start > max(c.end - c.start for c in hits)
        if m.type in ("ORG", "EVT") and contains_all and only_places and longer:
            replace(hits, m)
            continue
        if contains_all and longer and m.text not in bracketed and _ent12b_known_inside(
                m, hits, language, cues, gazetteer):  # "... (Bawas MA)": `defined_acronyms`' to read
            replace(hits, m)
            continue
        rest = _remainder(text, m, hits)
        if rest is not None and not _generic_word(rest.text, cues) and not held.overlaps(rest.start, rest.end):
            replace([], rest)
    return list(out.values())


def _after_gpe_cue(text: str, start: int, cues: Cues) -> bool:
    """Whether a lower-case word such as "kota" or "provinsi" comes right before offset `start`."""
    before = text[max(0, start - 40) : start]
    if not before.endswith(" "):
        return False
    words = before.split()[-3:]
    folds = [w.casefold() for w in words]
    return any(
        cues.gpe_cues.length_at(folds, k) == len(folds) - k and words[k][:1].islower() for k in range(len(folds))
    )


def _tidy(text: str, raw: Mention, gazetteer: Gazetteer, cues: Cues) -> Mention | None:
    """A model mention cut to the name: without an unclosed "(ACR" tail, and for a person
    without the title and qualifiers in front ("Presiden FIFA Gianni Infantino" -> "Gianni
    Infantino", role "Presiden FIFA"); None when nothing name-like is left."""
    start, end = raw.start, raw.end
    surface = text[start:end]
    if surface.count("(") > surface.count(")"):
        surface = surface[: surface.rindex("(")].rstrip()
        end = start + len(surface)
    role = None
    if raw.type == "PER":
        toks = tokenise(surface)
        folds = [t.text.casefold() for t in toks]
        k = 0
        # Only a title or modifier opens the part to cut: "Al Ghazali" keeps its "Al".
        starts_with_title = bool(cues.titles.length_at(folds, 0) or cues.modifiers.length_at(folds, 0))
        while starts_with_title and k < len(toks) - 1:
            low = folds[k].rstrip(".")
            phrase_len = cues.titles.length_at(folds, k) or cues.modifiers.length_at(folds, k)
            if phrase_len:
                k += phrase_len
            elif low in cues.title_words or is_acronym(toks[k].text) or gazetteer.lookup(toks[k].text):
                k += 1
            else:
                break
        if k:
            if k >= len(toks):
                return None
            role = surface[: toks[k - 1].end].strip()
            start, surface = start + toks[k].start, surface[toks[k].start :]
            end = start + len(surface)
        if not surface[:1].isupper() or GLUED.search(surface):
            return None
    if not surface.strip() or (_generic_word(surface, cues) and not _ent12b_particle_name(text, surface, raw.type)):
        return None
    type_ = raw.type
    words = surface.split()
    if type_ == "LOC" and len(words) > 1 and cues.gpe_cues.length_at([w.casefold() for w in words], 0):
        type_ = "GPE"  # "Kota Azor", "Provinsi Zeeland": a city or a province by its own name
    return Mention(start, end, surface, type_, source=raw.source or "model", score=raw.score, role=role)


# (ent12b) the words a unit's or an event's name may hold between its capitalised words
_ENT12B_JOINERS = frozenset({"of", "for", "the", "and", "on", "dan", "untuk", "&", "-"})
_ENT12B_NAME_TOKEN = re.compile(r"[A-Z][\w.&/-]*|[0-9]+|[IVX]+")


def _ent12b_known_inside(m: Mention, hits: list[Mention], language: str, cues: Cues, gazetteer: Gazetteer) -> bool:
    """(ent12b, issue 11 recall) Whether a model organisation or event keeps its longer span over the
    gazetteer's organisations (and places) inside it: a unit before the body ("P2B BPBD", "Korlantas
    Polri", "Satgas Khusus Kejaksaan Agung") or a name that runs on after it ("UEFA Nations League",
    "BRI Life", "BBC News", "Democratic Party for the People"). The gazetteer knows the body; the
    model read the unit, the arm or the competition around it, and eval/real-id/GUIDELINE.md marks the
    outermost name. Read on unseen news (bench/results/entity-recall12.md), the words the model adds
    are kept to what names such units:

    - before the body (an organisation only; "KTT G20" is a meeting of the body, which stays the
      name): an organisation's head ("Satgas", "Direktorat", "PT") or one word that is no
      frequent word of the language (`common_words.txt`: "Korlantas", "Pidsus", "TRC-PB"), not a
      programme or a role ("Gebyar Undian", "Talkshow Keluarga Sehat", "Public Relation");
    - after it: at most three words, and no place the gazetteer knows ("Polri Kramat Jati": the
      body's seat, `settle._org_with_place`'s to join);
    - no title, rank or role word anywhere ("Bareskrim Polri Brigjen", "... Party Chair"), no common
      given name (`given_names`: a person after the body, "BI Budi Santoso"), every word capitalised
      (or a number, or a joiner such as "of"/"dan"), no bracket (left to `defined_acronyms`), no
      possessive ("European Union's"), no leading article ("The United Nations"), and only
      organisations and places of the gazetteer inside (never a person: "BI Perry Warjiyo"; an
      organisation a rule found by its head word was tried as a body too and dropped: on unseen news it
      ran on into flight numbers, slogans and people, "Saudia Airlines SV 5276")."""
    if m.type not in ("ORG", "EVT"):
        return False
    if not any(c.type in ("ORG", "EVT") for c in hits):
        return False
    if not all(c.source == "gazetteer" and (c.type in PLACE_TYPES or c.type in ("ORG", "EVT")) for c in hits):
        return False
    covered = sum(c.end - c.start for c in hits) + len(hits) - 1
    if covered >= m.end - m.start - 1:
        return False  # a known body and its place only ("BPBD DKI Jakarta"): `_org_with_place`'s to join
    words = m.text.split()
    if len(words) > 8 or words[0].casefold() in ("the", "a", "an") or any(q in m.text for q in ("'s", "’s", "’", "'")):
        return False
    if not all(w.casefold() in _ENT12B_JOINERS or _ENT12B_NAME_TOKEN.fullmatch(w) for w in words):
        return False
    first, last = min(c.start for c in hits), max(c.end for c in hits)
    before = m.text[: first - m.start].split()
    after = m.text[last - m.start :].split()
    given = _lists(language).get("given_names", frozenset())
    roles = _role_words(language)
    if any(w in given or w.casefold().rstrip(".") in cues.title_like or w.casefold() in roles for w in before + after):
        return False
    if before and m.type == "EVT":
        return False  # "KTT G20": a meeting of the body, which is the name ("UEFA Nations League" runs on after it)
    if before:
        folds = [w.casefold() for w in before]
        headed = cues.org_heads.length_at(folds, 0) or cues.company_heads.length_at(folds, 0)
        if not headed and (len(before) > 1 or folds[0] in _ent12b_common_words(language)):
            return False
    if after:
        if len(after) > 3:
            return False
        tail = m.text[last - m.start :].strip()
        entry = gazetteer.lookup(tail)
        if entry is not None and entry.type in PLACE_TYPES:
            return False
    return True


@functools.cache
def _ent12b_common_words(language: str) -> frozenset[str]:
    """The language's frequent words (`common_words.txt`), case-folded; empty where it has none."""
    try:
        return frozenset(w.casefold() for w in resources.load_words(language, "common_words.txt"))
    except FileNotFoundError:
        return frozenset()


def _ent12b_club_city(text: str, m: Mention, hits: list[Mention], language: str, sport: list[bool]) -> bool:
    """(ent12b, issue 11 recall) Whether a world city the gazetteer knows ("Venezia", "Plymouth",
    "Monterrey") is the club the model read there: the model tagged exactly the city's span as an
    organisation, in an article about a sport (`sport_cues`, two different ones), with no locative
    word before it ("di Madrid") and no comma (an address: "Lumen Field, Seattle").
    eval/real-id/GUIDELINE.md: a club named by its city is the club.
    `settle._club_city` does this where the article also writes the club's full listed name ("Real
    Madrid"); this takes the model's reading of the sentence where it does not ("Venezia", "Plymouth
    Argyle" named once as "Plymouth"). Only `city:` keys: not countries, provinces or Indonesian
    towns, whose clubs have names of their own ("Persib")."""
    if len(hits) != 1:
        return False
    c = hits[0]
    if (c.start, c.end) != (m.start, m.end) or c.source != "gazetteer" or not (c.key or "").startswith("city:"):
        return False
    if _after_locative(text, m.start) or text[max(0, m.start - 2) : m.start] == ", ":
        return False  # "di Madrid"; "Lumen Field, Seattle": a venue's city after a comma
    if not sport:
        sport.append(_ent12b_sport(text, language))
    return sport[0]


@functools.cache
def _ent12b_sport_cues(language: str) -> tuple[str, ...]:
    data = resources.load_or_empty(language, "entities") or {}
    return tuple(str(w).casefold() for w in data.get("sport_cues") or [])


@functools.cache
def _ent12b_whole_word(cue: str) -> re.Pattern[str]:
    """``cue`` as a whole word: compiled once per cue, not looked up in `re`'s cache per article."""
    return re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)")


def _ent12b_sport(text: str, language: str) -> bool:
    """Two different sport words (`sport_cues` of the language's entities.yaml) as whole words.
    Asked of every article: a cue not in the text at all (a substring test) needs no regex."""
    folded = text.casefold()
    found = 0
    for cue in _ent12b_sport_cues(language):
        if cue in folded and _ent12b_whole_word(cue).search(folded):
            found += 1
            if found >= 2:
                return True
    return False


def _ent12b_model_splits(text: str, chosen: list[Mention], model: list[Mention], language: str) -> set[int]:
    """(ent12b, issue 11 recall) The rule mentions (by id) that the model reads as two or more names
    of different types side by side, exactly over the rule's span: "Komisi III DPRRI Habiburokhman"
    (a rule's organisation run on into the member's name) is the model's "Komisi III DPRRI" (ORG) and
    "Habiburokhman" (PER); "Pansus Haji Marwan Jafar" (a rule's person) is "Pansus Haji" and "Marwan
    Jafar". One span names one entity, so a run the model splits between an organisation and a person
    is two names, and the model saw where the first ends. Only organisation and person pieces, and
    no organisation ending in a role word (`resources/shared/role_words.txt`: "Miami-Dade Police
    Detective" + "Alvaro Zabaleta", where the rules cut the role better); a run split otherwise
    ("GunungDoi" LOC + "Ang Khang" PER, a glued mountain's name) is left as the rule read it."""
    rules = [c for c in chosen if c.source == "rule" and " " in c.text]
    if not rules or not model:
        return set()
    roles = _role_words(language)
    starts: dict[int, list[Mention]] = {}
    for m in model:
        starts.setdefault(m.start, []).append(m)
    out = set()
    for c in rules:
        pos, types = c.start, set()
        while pos < c.end:
            nxt = [m for m in starts.get(pos, ()) if m.end <= c.end and m.text[:1].isupper()]
            if not nxt:
                break
            m = max(nxt, key=lambda x: x.end)
            if m.type == "ORG" and m.text.split()[-1].casefold().rstrip(".") in roles:
                break
            types.add(m.type)
            pos = m.end
            while pos < c.end and text[pos] == " ":
                pos += 1
        if pos == c.end and types == {"ORG", "PER"}:
            out.add(id(c))
    return out


def _ent12b_particle_name(text: str, surface: str, type_: str) -> bool:
    """(ent12b, issue 11 recall) Whether a model person that is a name particle alone ("Al") is the
    short name of a person the article names with that particle first ("Al Ghazali ... Curahan hati Al
    disampaikan"): the particle is also a title word ("TNI AL", the navy, is written in capitals), so
    `_generic_word` drops it, but written as a name and opening a person's full name in the same
    article it is that person (on unseen news: 33 bare "Al" in 7 articles, all the person)."""
    if type_ != "PER" or " " in surface or not (surface[:1].isupper() and surface[1:].islower()):
        return False
    if surface.casefold() not in _particles():
        return False
    return re.search(rf"(?<![\w-]){re.escape(surface)} [A-Z][a-z]", text) is not None


def _remainder(text: str, m: Mention, hits: list[Mention]) -> Mention | None:
    """The capitalised part of a model span left over after removing the overlapped parts."""
    left = min(c.start for c in hits)
    right = max(c.end for c in hits)
    pieces = [(m.start, left), (right, m.end)]
    best = None
    for s, e in pieces:
        if e <= s:
            continue
        chunk = text[s:e]
        stripped = chunk.strip(" ,.;:-–—\"'“”()")
        if not stripped or not stripped[0].isupper():
            continue
        toks = tokenise(stripped)
        if not toks or not all(t.text[:1].isupper() or t.text.casefold() in ("bin", "al", "van", "de") for t in toks):
            continue
        start = s + chunk.index(stripped)
        cand = Mention(start, start + len(stripped), stripped, m.type, source=m.source, score=m.score)
        if best is None or len(stripped) > len(best.text):
            best = cand
    return best


def _foreign_institutions(text: str, gaz: list[Mention], cues: Cues) -> list[Mention]:
    """An institution named by its generic name and a country ("Kementerian Pertahanan Jerman",
    "Partai Demokrat AS") is that country's, not the Indonesian one the gazetteer knows by the
    generic name: one mention without the gazetteer's key."""
    out = []
    for a, b in itertools.pairwise(gaz):
        if (
            a.type == "ORG"
            and b.type == "GPE"
            and b.key != HOME_COUNTRY
            and text[a.end : b.start] == " "
            and cues.org_heads.length_at([w.casefold() for w in a.text.split()], 0)
        ):
            out.append(Mention(a.start, b.end, text[a.start : b.end], "ORG", source="rule"))
    return out


MODEL_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "EVT": "EVT"}
"""The stage's types the model tags, as the model names them (it has no GPE: a place is LOC)."""
LONE_MIN_SCORE: float | None = 0.0
"""The default of the stage's `lone_min_score` (see `_confirm_lone`)."""
LONE_LANGUAGES = ("id",)
"""The default of the stage's `lone_languages`: where the model's own tagging is worth a decision.
The model learnt Indonesian from five corpora; its English is 1,300 silver sentences, and in English
news it misses names that the rules find rightly (people after "said", "Defense Ministry")."""


WINDOW = 100_000
"""The longest text (characters) the entity rules read at once; a longer one is read in windows of at
most this length cut at paragraph breaks (`linimasa.text.windows`), and its mentions are the windows'
mentions, one after the other.

Why: the stage's document-level rules (a name found once is looked for in the whole article,
`recall.known_orgs_everywhere`, `settle._name_starts`; the precision passes a cue starts) make its
time per character grow with the text, and a multi-megabyte "article" (a feed dump, many articles
joined) gives more output per character to spread. Read in windows, the cost per character of any
text is at most that of a text of this length (bench/hostile.py, ordinary text from 10 KB to 2 MB).

Why this length: no real article reaches it, so every real article is read whole, as before. The
longest body of news-id-raw-scrape-2025 (5,447 rows) is 33,286 characters (the 99th percentile
5,650), the longest development text of eval/ 47,171 (an English long read); 100,000 is twice that.

What a window cannot see: a name that the text shows as a name only in another window (a title, a
definition in brackets, a gazetteer hit) is not spread into this one, and "named once" (`named_once`)
counts within the window. The mentions keep their names, types and keys, so what joins one entity's
mentions of all windows is what joins them within one article: the linking stage clusters an
article's mentions by key and name, short forms of people with their full names ("Lavrov" with
"Sergey Lavrov") included, over the whole article."""


def recognise(
    text: str, language: str = "id", recogniser: Recogniser | None = None, sentences: list[Span] | None = None,
    lone_min_score: float | None = LONE_MIN_SCORE,
    lone_languages: tuple[str, ...] = LONE_LANGUAGES,
    open_glue: bool = True,
    title: str = "",
    window: int | None = None,
) -> list[Mention]:
    """All entity mentions of one text, sorted by offset. ``sentences`` are the text's sentences when
    the caller has them (`Article.sentences`); the packaged model then does not split again.

    A text longer than ``window`` characters (None: `WINDOW`, read at the call) is read in windows:
    each is recognised as a text of its own, with the sentences inside it, and its mentions are moved
    back to their offsets in ``text``.

    Words a scraper glued together ("Juventusberlangsung", "PenyanyiDenada"; `linimasa.text.seams`)
    are read with the space put back, and the mentions found are reported at their offsets in
    ``text``: a mention across an opened seam keeps the characters as written ("PrabowoSubianto").
    ``open_glue=False`` reads the text as it is, glue and all (the settling rules that cut glued names
    still apply: what the seams leave shut reaches them).
    ``lone_min_score`` and ``lone_languages``: see `_confirm_lone` (None keeps every mention).
    ``title``: the article's headline, read only as evidence of the names the article writes apart
    (`glue_seams`); no mention is found in it."""
    if not text.strip():
        return []
    if window is None:
        window = WINDOW
    if len(text) <= window:
        return _recognise_text(text, language, recogniser, sentences, lone_min_score, lone_languages, open_glue,
                               title)
    out: list[Mention] = []
    ends = None if sentences is None else [s.end for s in sentences]  # in text order, as the splitter gives them
    for start, end in text_windows(text, window):
        part = text[start:end]
        inside = None
        if sentences is not None and ends is not None:
            inside = []
            # the sentences inside the window (cut to it where a window had to end inside one)
            for i in range(bisect.bisect_right(ends, start), len(sentences)):
                s = sentences[i]
                if s.start >= end:
                    break
                a, b = max(s.start, start), min(s.end, end)
                if a < b:
                    inside.append(Span(a - start, b - start, part[a - start : b - start]))
        # new mentions, not the window's moved: nothing a window returns is changed in place
        out += [dataclasses.replace(m, start=m.start + start, end=m.end + start) for m in
                _recognise_text(part, language, recogniser, inside, lone_min_score, lone_languages, open_glue,
                                title)]
    return out


def _recognise_text(
    text: str, language: str, recogniser: Recogniser | None, sentences: list[Span] | None,
    lone_min_score: float | None, lone_languages: tuple[str, ...], open_glue: bool, title: str,
) -> list[Mention]:
    """`recognise` on a text read at once (a window of a long text reads the whole article's `title`:
    the headline is evidence for every part of it)."""
    seams = glue_seams(text, language, load_gazetteer(), title) if open_glue else []
    if not seams:
        found = _recognise(text, language, recogniser, sentences, lone_min_score, lone_languages)
        # (entrec) on the text as written: glue and all
        found = named_heads(text, outlet_self_names(text, found, language), language, load_gazetteer())
        return commissions(text, found, language)
    opened = open_seams(text, seams)
    found = _recognise(opened.text, language, recogniser,
                       None if sentences is None else [opened.span_in_view(s) for s in sentences],
                       lone_min_score, lone_languages, frozenset(s + k for k, s in enumerate(seams)))
    out = []
    for m in found:
        start, end = opened.in_source(m.start), opened.in_source(m.end)
        if end > start:
            m.start, m.end, m.text = start, end, text[start:end]
            out.append(m)
    out = named_heads(text, outlet_self_names(text, out, language), language, load_gazetteer())
    return commissions(text, out, language)


def _recognise(
    text: str, language: str, recogniser: Recogniser | None, sentences: list[Span] | None,
    lone_min_score: float | None, lone_languages: tuple[str, ...], glued: frozenset[int] = frozenset(),
) -> list[Mention]:
    """`recognise` on a text whose seams are open (`glued`: where they put a space)."""
    tagged: dict[tuple[int, int, str], float | None] | None = None  # the model's own spans and scores
    gazetteer = load_gazetteer()
    cues = cues_for(language)
    tokens = tokenise(text)  # the words of names, for the gazetteer scan and the rules alike
    matches = list(gazetteer.scan(text, cues.title_like, tokens))
    gaz_mentions = [
        Mention(m.start, m.end, m.text, m.entry.type, source="gazetteer", key=m.entry.id)  # type: ignore[arg-type]
        for m in matches
    ]
    rules = ArticleRules(text, language, gazetteer, matches, tokens)
    chosen = _select(
        gaz_mentions
        + _foreign_institutions(text, gaz_mentions, cues)
        + rules.titled_people()
        + rules.speakers()
        + rules.organisations()
        + rules.places()
    )
    known_people = {(m.start, m.end): m.key for m in gaz_mentions if m.type == "PER"}
    for m in chosen:  # "Presiden Prabowo": the title rule found whom the gazetteer knows
        if m.type == "PER" and m.key is None:
            m.key = known_people.get((m.start, m.end))
    if recogniser is not None:
        # the packaged model reads the article's sentences; a replacement may take the text only
        takes_sentences = sentences and getattr(recogniser, "takes_sentences", False)
        found = recogniser.tag(text, sentences) if takes_sentences else recogniser.tag(text)  # type: ignore[call-arg]
        # what the model tagged, as it tagged it: a span cut to fit beside the gazetteer's and the
        # rules' ("Vladimir Putin" of "Rusia Vladimir Putin") is not counted, as measured
        # (`bench/results/entity-confidence.txt`: it keeps more wrong lone names than right ones)
        tagged = {(m.start, m.end, m.type): m.score for m in found}
        chosen = _add_model(text, chosen, found, gazetteer, rules.cues, language)
        # a place shown to be a city once ("kota Zelenograd") is one in the rest of the article
        cities = {m.text for m in chosen if m.type == "GPE"}
        for m in chosen:
            if m.type == "LOC" and m.source == "model" and m.text in cities:
                m.type = "GPE"
    titles, org_words = _cue_words(rules.cues)
    chosen, products = settle_names(text, chosen, language, gazetteer, titles)
    ministries: dict[str, str | None] = {}  # per name: an article repeats its names
    for m in chosen:
        if m.type == "ORG" and m.key is None:
            if m.text not in ministries:
                ministries[m.text] = ministry_key(m.text, gazetteer)
            m.key = ministries[m.text]
    people = [m for m in chosen if m.type == "PER"]
    rules.appositive_roles(people)
    chosen += person_rementions(rules, people, [(c.start, c.end) for c in chosen])
    acronyms = defined_acronyms(text, chosen, gazetteer, org_words)
    if acronyms:
        # (only a mention at an acronym's span can equal it)
        at = {(a.start, a.end) for a in acronyms}
        have = {_fields(c) for c in chosen if (c.start, c.end) in at}
        new = [a for a in acronyms if _fields(a) not in have]
        defined = StaticSpans((a.start, a.end) for a in new)
        chosen = [c for c in chosen if not defined.overlaps(c.start, c.end)] + new
    settled = settle_spans(text, _trim_names(chosen, language, titles), language, gazetteer, products)
    whole = getattr(recogniser, "tags_whole_text", False)  # a replacement that tags a few names does not count
    if tagged is not None and whole and lone_min_score is not None and language in lone_languages:
        settled = _confirm_lone(settled, tagged, gazetteer, lone_min_score)
    kept = settle_precision(text, settle_kept(text, settled, language), language, gazetteer, glued)
    found = settle_recall(text, kept, language, gazetteer)  # ent11t: names the article shows (recall.py)
    found = company_people(text, found, language)  # after recall, which spreads a name
    found = synopsis_characters(text, found, language)  # likewise
    found = age_group_teams(text, found)  # likewise
    found = places_before_regions(text, found, gazetteer)  # likewise
    found = named_kinds(text, found, language)  # likewise
    found = club_cities(text, found, language, _ent12b_sport(text, language))  # likewise
    found = settle_shapes(text, found, language, gazetteer)  # (entrec) names by their shape (shapes.py)
    if language == "en":  # (ent12d) likewise
        # imported here: an Indonesian run never compiles the English passes' patterns (~20 ms)
        from linimasa.entities.english import finish_english

        found = finish_english(text, found, gazetteer)
    return ampersand_names(text, found)  # last: the English rules above cut names at '&' too


@functools.lru_cache(maxsize=8)
def _cue_words(cues: Cues) -> tuple[frozenset[str], frozenset[str]]:
    """The single title words that a person's name does not start with, less the name particles ("Al
    Ghazali": a particle is part of the name), and the organisation words (heads and tails) of a
    language's cues: fixed per language, so made once rather than for every article."""
    particles = _particles()
    titles = frozenset({p[0].rstrip(".") for p in cues.titles.all | cues.modifiers.all if len(p) == 1}
                       | cues.title_words) - particles
    org_words = frozenset(" ".join(p) for p in cues.org_heads.all) | cues.org_tails
    return titles, org_words


def _confirm_lone(mentions: list[Mention], tagged: dict[tuple[int, int, str], float | None],
                  gazetteer: Gazetteer, min_score: float) -> list[Mention]:
    """The mentions less those nothing vouches for: named once in the article (`named_once`),
    unknown to the gazetteer, without a title in the text ("juru bicara Taliban …", `Mention.role`),
    and not a span the model tagged itself with that type (`MODEL_TYPES`) and a score (the mean
    marginal probability of its tags) of at least ``min_score``, whichever rule proposed them.

    Why: the model reads every sentence, so a name that only a rule or a settling step found, once,
    is one the model looked at and did not see. On the Indonesian articles of eval/real-id's
    development entity sets, such mentions are right 31% of the time (51 mentions; 50% on the
    sets the model was not trained on) against 87% for the lone ones the model tagged and 92% for
    the rest. Dropping them raises precision and keeps F1 on the whole development pool (P / R / F1
    0.905 / 0.889 / 0.897 -> 0.916 / 0.883 / 0.899); on the sets the model was not trained on the
    precision gain is smaller (0.5 to 1.1 points) and F1 moves by less than a point either way
    (`bench/entity_confidence.py`, `bench/results/entity-confidence.txt`). A higher ``min_score``
    trades recall for precision."""
    out = []
    for m, once in zip(mentions, named_once(mentions), strict=True):
        judged = m.type in MODEL_TYPES and m.key is None and m.role is None
        if once and judged and gazetteer.lookup(m.text) is None:
            score = tagged.get((m.start, m.end, MODEL_TYPES[m.type]), -1.0)
            if score is not None and score < min_score:
                continue
        out.append(m)
    return out


def named_once(mentions: list[Mention]) -> list[bool]:
    """Per mention, whether the article names its entity only there: no other mention has the same
    words (case aside), and none of its type is a longer or shorter form of it ("Lavrov" beside
    "Sergey Lavrov"). A place inside a longer name of another type ("Depok" in "Depok Run Fest")
    does not count: it is another entity.

    Linear in the mentions: the shorter forms of each mention (its runs of consecutive words) are
    put in one set per type, so a long article never compares every pair; and they are made once
    per name and type, as an article repeats its names."""
    folded: dict[str, tuple[str, ...]] = {}  # per surface: its words, case aside
    words = []
    for m in mentions:
        w = folded.get(m.text)
        if w is None:
            w = folded[m.text] = tuple(m.text.casefold().split())
        words.append(w)
    counts: dict[tuple[str, ...], int] = {}
    shorter: dict[str, set[tuple[str, ...]]] = {}  # per type: proper runs of words of its mentions
    by_type: dict[str, set[tuple[str, ...]]] = {}  # per type: the words of its mentions
    runs: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # per words: `_runs`
    for m, w in zip(mentions, words, strict=True):
        counts[w] = counts.get(w, 0) + 1
        these = by_type.setdefault(m.type, set())
        if w not in these:
            these.add(w)
            if w not in runs:
                runs[w] = _runs(w)
            shorter.setdefault(m.type, set()).update(runs[w])
    return [counts[w] == 1 and w not in shorter[m.type] and by_type[m.type].isdisjoint(runs[w])
            for m, w in zip(mentions, words, strict=True)]


def _runs(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every run of consecutive words shorter than the whole ("sergey", "lavrov" of "sergey lavrov")."""
    n = len(words)
    return [words[i:j] for i in range(n) for j in range(i + 1, n + 1) if j - i < n]


def _trim_names(mentions: list[Mention], language: str, title_like: frozenset[str]) -> list[Mention]:
    """A person's name without the titles and honorifics the model took along ("Brigadier General
    Vicente Blanco", "Datuk Seri Anwar Ibrahim"), and no mention of a bare nationality adjective
    ("Philippine" in "Philippine troops"): the reader wants the name."""
    honorifics = _honorifics(language)
    demonyms = _demonyms(language)
    out = []
    for m in mentions:
        if " " not in m.text and m.text.casefold() in demonyms and m.type in ("LOC", "PER", "GPE", "OTHER"):
            continue
        if m.type == "PER" and m.source == "model":
            words = m.text.split(" ")
            drop = 0
            while drop < len(words) - 1 and (words[drop].casefold().rstrip(".") in title_like
                                             or words[drop].casefold() in honorifics):
                drop += 1
            if drop and words[drop][:1].isupper():
                cut = len(" ".join(words[:drop])) + 1
                m = Mention(m.start + cut, m.end, m.text[cut:], m.type, m.entity, m.source, m.score, m.key, m.role)
        out.append(m)
    return out


@functools.cache
def _honorifics(language: str) -> frozenset[str]:
    data = resources.load_or_empty(language, "entities") or {}
    return frozenset(str(w).casefold() for w in data.get("honorifics") or [])


@functools.cache
def _demonyms(language: str) -> frozenset[str]:
    try:
        return frozenset(w.casefold() for w in resources.load_words(language, "demonyms.txt"))
    except FileNotFoundError:
        return frozenset()


@article_stage("entities", requires=["article.text", "article.language"], assigns=["article.mentions"])
def make_entities(
    model: bool = True,
    recogniser: Recogniser | None = None,
    lone_min_score: float | None = LONE_MIN_SCORE,
    lone_languages: list[str] | tuple[str, ...] = LONE_LANGUAGES,
) -> Callable[[Article], Article]:
    """Options: `model` (use the statistical model when it is installed; default True),
    `recogniser` (any object with `tag(text) -> list[Mention]`, replacing the packaged model),
    `lone_min_score` (a mention named once in the article that neither the gazetteer, a key nor a
    title vouches for is kept only when the model tagged that span and type itself with at least
    this score; default 0.0, None keeps them all; applied with the packaged model, or a replacement
    that declares `tags_whole_text`) and `lone_languages` (where that applies; default Indonesian,
    the model's language)."""
    languages = tuple(lone_languages)

    def entities(article: Article) -> Article:
        rec = recogniser if recogniser is not None else (default_recogniser() if model else None)
        try:
            article.mentions = recognise(article.text, article.language, rec, article_sentences(article),
                                         lone_min_score, languages, title=article.title or "")
        except Exception as e:
            if rec is None:
                raise
            # The model failed on this text: keep what the gazetteer and rules find.
            article.errors.append(f"entities: model failed ({type(e).__name__}: {e}); gazetteer and rules only")
            article.mentions = recognise(article.text, article.language, None, title=article.title or "")
        return article

    return entities
