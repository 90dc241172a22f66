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

import functools
import itertools
import logging
import operator
from collections.abc import Callable
from typing import Any, Protocol

from linimasa import resources
from linimasa.entities.english import finish_english
from linimasa.entities.ministries import ministry_key
from linimasa.entities.precision import _ent11w_company_people, settle_precision
from linimasa.entities.recall import settle_recall
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
from linimasa.entities.settle import settle_kept, settle_names, settle_spans
from linimasa.model import Article, Mention, Span
from linimasa.pipeline import article_stage
from linimasa.text.gazetteer import Gazetteer, is_acronym, load_gazetteer
from linimasa.text.seams import glue_seams, open_seams
from linimasa.text.sentences import article_sentences
from linimasa.text.spans import DisjointSpans, StaticSpans

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


def _add_model(
    text: str, chosen: list[Mention], model: list[Mention], gazetteer: Gazetteer, cues: Cues
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
    if not surface.strip() or _generic_word(surface, cues):
        return None
    type_ = raw.type
    words = surface.split()
    if type_ == "LOC" and len(words) > 1 and cues.gpe_cues.length_at([w.casefold() for w in words], 0):
        type_ = "GPE"  # "Kota Azor", "Provinsi Zeeland": a city or a province by its own name
    return Mention(start, end, surface, type_, source=raw.source or "model", score=raw.score, role=role)


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


def recognise(
    text: str, language: str = "id", recogniser: Recogniser | None = None, sentences: list[Span] | None = None,
    lone_min_score: float | None = LONE_MIN_SCORE,
    lone_languages: tuple[str, ...] = LONE_LANGUAGES,
    open_glue: bool = True,
) -> list[Mention]:
    """All entity mentions of one text, sorted by offset. ``sentences`` are the text's sentences when
    the caller has them (`Article.sentences`); the packaged model then does not split again.

    Words a scraper glued together ("Juventusberlangsung", "PenyanyiDenada"; `linimasa.text.seams`)
    are read with the space put back, and the mentions found are reported at their offsets in
    ``text``: a mention across an opened seam keeps the characters as written ("PrabowoSubianto").
    ``open_glue=False`` reads the text as it is, glue and all (the settling rules that cut glued names
    still apply: what the seams leave shut reaches them).
    ``lone_min_score`` and ``lone_languages``: see `_confirm_lone` (None keeps every mention)."""
    if not text.strip():
        return []
    seams = glue_seams(text, language, load_gazetteer()) if open_glue else []
    if not seams:
        return _recognise(text, language, recogniser, sentences, lone_min_score, lone_languages)
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
    return out


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
        chosen = _add_model(text, chosen, found, gazetteer, rules.cues)
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
    found = _ent11w_company_people(text, found, language)  # (ent11w) after recall, which spreads a name
    return finish_english(text, found, gazetteer) if language == "en" else found  # (ent12d) likewise


@functools.lru_cache(maxsize=8)
def _cue_words(cues: Cues) -> tuple[frozenset[str], frozenset[str]]:
    """The single title words that a person's name does not start with, less the name particles ("Al
    Ghazali": a particle is part of the name), and the organisation words (heads and tails) of a
    language's cues: fixed per language, so made once rather than for every article."""
    particles = frozenset(w.casefold() for w in resources.load_words("shared", "name_particles.txt"))
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
                                         lone_min_score, languages)
        except Exception as e:
            if rec is None:
                raise
            # The model failed on this text: keep what the gazetteer and rules find.
            article.errors.append(f"entities: model failed ({type(e).__name__}: {e}); gazetteer and rules only")
            article.mentions = recognise(article.text, article.language, None)
        return article

    return entities
