"""Article-level settling of entity mentions after the recognisers have spoken.

The statistical model labels each sentence on its own, so the same article can call "Swift" a place
in one sentence and "Taylor Swift" a person in the next, take a rank into a name ("Colonel Stuart
Glenn"), or call a car model a person. A reader judges these with the whole article and a few facts
about names in view; these rules do the same, on one article's mentions only:

- a word that is part of a person's name given in the article is that person, not a place or an
  organisation (one sense per name in one article);
- a person's name starts after the last rank or honorific in front of it ("Philippine Marine Corps
  Commandant Major General Arturo Rojas" -> "Arturo Rojas");
- products, apps and platforms, models with a letter-digit code ("Airbus A350", "975T"), amounts
  ("RM900") and names right after a product word ("mesin Revolution Max", "podcast New Heights")
  are not entities, in any of their occurrences in the article;
- an organisation written with its place ("LRT Jakarta", "Polresta Banyuwangi", "Kementerian
  Pertahanan RI") is one organisation, as annotated in `eval/real-id` (the outermost name only);
- an event name runs on over its edition ("Piala Dunia Antarklub 2025"), a league named as a
  competition is an event without its season ("Liga 1 2025-2026" -> "Liga 1");
- sports clubs are organisations: a club form after a name ("Los Angeles FC"), a club on the list
  derived from DBpedia (`resources/shared/clubs.txt`, in an article about a sport), a team named after
  its city ("Kansas City Chiefs") and the bare city of a club the article names ("Madrid");
- a known place that only starts a longer name is no mention of its own ("Florida Selatan",
  "Netherlands Organisation for Applied Scientific Research"); an island named alone is LOC;
- an organisation that ran on into a role or a person is cut ("CMO Tokocrypto", "Kementerian Luar
  Negeri Renita Moniaga"), an office is no person ("Pusat Data"), a legal form after a company is part
  of its name ("(Persero)"), an abbreviated title inside a name does not cut it ("Rumah Sakit Dr. ...").

- a competition on the hand list (`resources/shared/competitions.txt`: "US Open", "Serie A") is an
  event over the pieces the model found; a club on the club list that nobody found is the club in a
  sport article; a maker's model ("Honda Monkey", `resources/shared/makers.txt`) is a product;
- a frequent word of news glued after a name ("Kristiyantomenghadirkan", `resources/id/common_words.txt`)
  or a common word in front of it ("samping Al Ghazali") is cut off; a linking word opening an English
  sentence ("Although Ishiba") is no part of a name;
- a common given name and the capitalised words after it that nobody found are a person ("Jay Idzes");
- a name headed by a building's word is a place ("Mushola Mujahidin"); two known places joined by a
  hyphen are two ("Jeddah-Jakarta");
- organisations: a legal form makes a company ("Dollar General Corp."), and so does a legal form before
  a "person" ("PT Sri Rejeki Isman"); English "X of <place>" and the capitalised words before a generic
  organisation name are one name ("Royal Bank of Canada"); a one-word "place" that reports or has a chief
  executive is an organisation ("Nvidia"); the first word of an organisation named in full is it
  ("Persib" beside "Persib Bandung"); a "person" with a bracketed acronym that is not its initials is an
  organisation ("Indofood Sukses Makmur (INDF)");
- glue and particles: a person's name glued in camel case ("PresidenPrabowoSubianto") is the person as
  written; several frequent words glued after a name ("Anungmengakuikebakarandi") are cut off; a
  capitalised particle before a person ("Al Ghazali") is part of the name; a place after a language word
  ("bahasa Rusia") is the language; a word that names no entity before a ticker ("RUPS STTP") is left out.

- places and types from use: a one-word "place" that is a title, a compass word or a plural demonym is
  none ("King", "South", "Palestinians"); a place named by its kind first is one place ("Kebun Raya
  Bogor", `facility_heads`); a district or village beside its regency is a GPE (`local_places.tsv.gz`);
  initials with an age are a person ("SNZ (23)"), an office one goes to a place, an English institution
  word an organisation ("the Commons"); a one-word name before a country is its national arm ("Grab
  Indonesia"); regional agencies by their short names are organisations ("Dishub", `agency_short_forms`);
  two names read across "dan"/"and" are two where the second opens a name; a nationality before a
  person's name is no part of it ("Frenchman Corentin Moutet").

Each rule was checked on eval/real-id dev and on the extra sets `dev-extra-entities`,
`dev-extra-entities-2`, `dev-extra-entities-3` and `dev-extra-entities-4` together (`--set dev+extras4`).

The word lists live in `resources/<lang>/entities.yaml` and `resources/*/not_entities.txt`.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
import operator
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Set

from linimasa import resources
from linimasa.entities.ministries import portfolios as ministry_portfolios
from linimasa.entities.uses import settle_uses
from linimasa.model import Mention
from linimasa.text.case import lower_as_ignorecase
from linimasa.text.gazetteer import Gazetteer, is_acronym, normalise
from linimasa.text.outlets import outlet_table
from linimasa.text.spans import DisjointSpans

# A token that mixes letters and digits ("A350", "975T", "RM900", "HR-V2"): a model number, a code
# or an amount, never a name of a person, place or organisation. Ordinals ("ke-498") are not.
_CODE = re.compile(r"^(?:[A-Za-z]+\d[\w-]*|\d+[A-Za-z][\w-]*)$")
_ORDINAL = re.compile(r"^ke-?\d+$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d\b")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d+")


_START = operator.attrgetter("start")
_END = operator.attrgetter("end")
_TOKEN = re.compile(r"[\w-]+")
MAX_PHRASE_WORDS = 8
"""The longest name (in words) looked for again elsewhere in an article."""


class _Index:
    """The words of one article, found once, so that "is this word written in the article" and "where
    are these names" cost lookups rather than scans of the text: every settling rule stays linear in
    the article's length (tests/test_hostile.py)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [m.span() for m in _TOKEN.finditer(text)]
        self.tokens = [text[a:b] for a, b in self.spans]
        self.words = set(self.tokens)
        self._at: dict[str, list[int]] | None = None
        self._after: dict[str, dict[str, list[int]]] = {}  # `_followed_by`'s answers
        self._memo: dict[str, bool] = {}
        self.sport: dict[frozenset[str], bool] = {}  # `_sport_article`'s answer, asked by many rules

    def _positions(self) -> dict[str, list[int]]:
        """Token text -> the indices of the tokens that are written so, in text order."""
        if self._at is None:
            self._at = {}
            for k, token in enumerate(self.tokens):
                self._at.setdefault(token, []).append(k)
        return self._at

    def _followed_by(self, token: str) -> dict[str, list[int]]:
        """The indices of the tokens written `token`, by the token after each ("" after the last), in
        text order; made once per token asked (together no more than one pass over the tokens)."""
        after = self._after.get(token)
        if after is None:
            after = self._after[token] = {}
            tokens = self.tokens
            last = len(tokens) - 1
            for k in self._positions().get(token, ()):
                after.setdefault(tokens[k + 1] if k < last else "", []).append(k)
        return after

    def has(self, phrase: str) -> bool:
        """Whether `phrase` is written in the text as whole words (remembered per phrase)."""
        if phrase in self.words:
            return True  # one whole token
        found = self._memo.get(phrase)
        if found is None:
            found = False
            # a phrase of one token that is not a token of the text is not written in it
            first = None if _TOKEN.fullmatch(phrase) else _TOKEN.match(phrase)
            if first is not None and first.start() == 0:
                # Where the phrase is written, the token after its first is its second token: only
                # the non-token characters stand between them, and it ends where the phrase's does,
                # at a non-token character. Only those places are read (a scan of every place of a
                # frequent first word, "Presiden", per phrase was quadratic in a long article).
                second = _TOKEN.search(phrase, first.end())
                places = (self._positions().get(first.group(), ()) if second is None
                          else self._followed_by(first.group()).get(second.group(), ()))
                for k in places:
                    a = self.spans[k][0]
                    e = a + len(phrase)
                    if self.text.startswith(phrase, a) and not _TOKEN.match(self.text[e : e + 1]):
                        found = True
                        break
            self._memo[phrase] = found
        return found

    def find(self, *collections: Collection[str],
             first_words: tuple[Set[str], int] | None = None) -> list[tuple[int, int, str]]:
        """Every whole-word occurrence of the phrases of the given collections (of up to
        MAX_PHRASE_WORDS words that start and end with a word character), as (start, end, phrase),
        in text order. Only the tokens that open some phrase are visited; the first words of a
        fixed list (a frozenset) are found once per process. `first_words`: `_first_words` of the one
        collection, made once by a caller that asks it of many indexes (reading the article's names
        again for each mention was quadratic in a long article).

        A candidate from token i to token j is written exactly as its text, whose tokens are the
        text's tokens i..j: it can equal only a phrase that opens with token i and has j - i + 1
        tokens. So each candidate runs no further than the longest phrase for its first word
        (`_longest_by_first`, for a fixed list; the longest phrase of all for another collection):
        a word list of eight-word phrases no longer costs eight candidates per opening word."""
        collections = tuple(c for c in collections if c)
        if not collections:
            return []
        at = self._positions()
        reach: dict[int, int] = {}  # an opening token's index -> the most tokens a phrase it opens has
        for phrases in collections:
            if first_words is None and isinstance(phrases, frozenset):
                by_first = _longest_by_first(phrases)
                for word in (by_first.keys() & self.words if len(by_first) > len(self.words)
                             else self.words & by_first.keys()):
                    most = by_first[word]
                    for k in at[word]:
                        if reach.get(k, 0) < most:
                            reach[k] = most
                continue
            firsts, most = first_words if first_words is not None else _first_words(phrases)
            for word in (firsts & self.words if len(firsts) > len(self.words) else self.words & firsts):
                for k in at[word]:
                    if reach.get(k, 0) < most:
                        reach[k] = most
        out = []
        text, spans = self.text, self.spans
        only = collections[0] if len(collections) == 1 else None
        n = len(spans)
        for i in sorted(reach):
            a = spans[i][0]
            for j in range(i, min(i + reach[i], n)):
                candidate = text[a : spans[j][1]]
                if (candidate in only) if only is not None else any(candidate in phrases for phrases in collections):
                    out.append((a, spans[j][1], candidate))
        return out


_LONGEST_BY_FIRST: dict[frozenset[str], dict[str, int]] = {}


def _longest_by_first(phrases: frozenset[str]) -> dict[str, int]:
    """The first token of each of ``phrases`` -> the most tokens a phrase that opens with it has (at
    most MAX_PHRASE_WORDS); remembered per list (the word lists are fixed per process)."""
    known = _LONGEST_BY_FIRST.get(phrases)
    if known is None:
        if len(_LONGEST_BY_FIRST) >= 64:
            _LONGEST_BY_FIRST.clear()
        known = {}
        for p in phrases:
            first = _TOKEN.match(p)
            if first is None:
                continue
            size = min(len(_TOKEN.findall(p)), MAX_PHRASE_WORDS)
            if known.get(first.group(), 0) < size:
                known[first.group()] = size
        _LONGEST_BY_FIRST[phrases] = known
    return known


_FIRST_WORDS: dict[frozenset[str], tuple[frozenset[str], int]] = {}


def _first_words(phrases: Collection[str]) -> tuple[Set[str], int]:
    """The first tokens of ``phrases``, and the most tokens one of them has (at most
    MAX_PHRASE_WORDS); remembered for a frozenset (the word lists, fixed per process)."""
    if isinstance(phrases, frozenset):
        known = _FIRST_WORDS.get(phrases)
        if known is None:
            if len(_FIRST_WORDS) >= 64:
                _FIRST_WORDS.clear()
            known = _FIRST_WORDS[phrases] = (frozenset(m.group() for p in phrases if (m := _TOKEN.match(p))),
                                             _most_tokens(phrases))
        return known
    return {m.group() for p in phrases if (m := _TOKEN.match(p))}, _most_tokens(phrases)


def _most_tokens(phrases: Iterable[str]) -> int:
    """The most `_TOKEN`s one of ``phrases`` has, at most MAX_PHRASE_WORDS."""
    most = 0
    for p in phrases:
        if most >= MAX_PHRASE_WORDS:
            break
        most = max(most, len(_TOKEN.findall(p)))
    return min(most, MAX_PHRASE_WORDS)


_LAST_INDEX: list[_Index] = []


def _index_of(text: str) -> _Index:
    """The `_Index` of ``text``: the one made last when it was made for the same text (`settle_names`
    and `settle_spans` read the same article), else a new one."""
    last = _LAST_INDEX[:1]
    if last and last[0].text == text:
        return last[0]
    index = _Index(text)
    _LAST_INDEX[:] = [index]
    return index


class _Contains:
    """Spans (they may overlap): does one of them contain a query?"""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        # the running maximum by `accumulate`, not a Python loop: built again by several rules, each
        # over every mention of the article
        self.max_end: list[int] = list(itertools.accumulate([b for _, b in ordered], max))

    def __call__(self, s: int, e: int) -> bool:
        k = bisect.bisect_right(self.starts, s)  # spans 0..k-1 start at or before s
        return k > 0 and self.max_end[k - 1] >= e


class _Overlaps(_Contains):
    """Spans (they may overlap): does one of them overlap a query? A scan of every span per query made
    the rules that ask it once per match quadratic in the article's length (bench/hostile.py's time per
    KB); the largest end among the spans that start before the query's end answers it by one bisection
    (the same prefix maxima as `_Contains`)."""

    def __call__(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e)  # spans 0..k-1 start before e
        return k > 0 and self.max_end[k - 1] > s


def _longest_first(mentions: Iterable[Mention]) -> list[Mention]:
    """``mentions`` in text order, the longer first where two start together, else as given: the
    order of ``sorted(mentions, key=lambda m: (m.start, -m.end))``, by two stable sorts on the fields
    themselves (no Python call per mention)."""
    return sorted(sorted(mentions, key=_END, reverse=True), key=_START)


class _Layer:
    """An article's mentions as non-overlapping spans, where a rule's longer name replaces the
    mentions inside it (never one that crosses its edge)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.held: DisjointSpans[Mention] = DisjointSpans()
        self.items: dict[int, Mention] = {}
        self.extra: list[Mention] = []  # overlapping leftovers of earlier steps, kept as they are
        top = -1  # the latest end held: in this order, a span (not empty) overlaps one held exactly when
        # it starts before that end, as every span held starts no later than it
        ordered = _longest_first(mentions)
        items, extra = self.items, self.extra
        if all(m.start < m.end for m in ordered):
            # (no empty span) each span kept comes after every span kept before it: the index is made
            # from the kept spans in one go, not one `add` at a time
            keys: list[tuple[int, int]] = []
            kept: list[Mention] = []
            for m in ordered:
                s, e = m.start, m.end
                if top > s:
                    extra.append(m)
                else:
                    keys.append((s, e))
                    kept.append(m)
                    items[id(m)] = m
                    top = e  # (not less than the last end: it starts at or after it)
            self.held = DisjointSpans.from_sorted(keys, kept)
            return
        held = self.held
        for m in ordered:
            s, e = m.start, m.end
            if (top > s) if s < e else held.overlaps(s, e):
                extra.append(m)
            else:
                held.add(s, e, m)
                items[id(m)] = m
                if e > top:
                    top = e

    def inside(self, s: int, e: int) -> list[Mention] | None:
        """The mentions inside [s, e), or None when one crosses its edge."""
        hits = self.held.overlapping(s, e)
        if any(m.start < s or m.end > e for m in hits):
            return None
        return hits

    def replace(self, gone: list[Mention], new: Mention) -> None:
        for m in gone:
            self.held.remove(m.start, m.end, m)
            del self.items[id(m)]
        self.held.add(new.start, new.end, new)
        self.items[id(new)] = new

    def mentions(self) -> list[Mention]:
        return [*self.items.values(), *self.extra]


_LIST_KEYS = (
    "honorifics", "person_ranks", "person_only_titles", "product_cues", "product_cues_after", "event_heads",
    "event_tails", "gpe_heads", "org_tails", "org_seat_words", "not_names", "number_words", "product_tails",
    "loc_tails", "org_heads", "glue_words", "party_adjectives", "sport_cues", "compass_words",
    "office_words", "function_words", "loc_heads", "org_cues_after", "sentence_openers", "language_words",
    "facility_heads", "institution_words", "agency_short_forms", "document_heads", "document_tails", "venue_tails",
    "role_tails", "open_space_tails", "concept_heads", "concept_tails", "firm_tails", "gpe_tails",
    "local_bodies", "local_offices", "not_seats", "street_abbreviations", "team_cues", "not_team_words",
    "name_possessives", "title_words", "org_organs", "event_cues", "weak_event_cues", "title_surnames",
)
_CASED_KEYS = ("school_heads", "club_forms", "club_prefix_forms", "not_in_english", "vehicle_prefixes")


@functools.cache
def _lists(language: str) -> dict[str, frozenset[str]]:
    """The settling word lists of an article's language plus English (articles mix them)."""
    out: dict[str, set[str]] = {}
    langs = dict.fromkeys([language if language in resources.languages() else "id", "en"])
    for lang in langs:
        data = resources.load_or_empty(lang, "entities") or {}
        for key in _LIST_KEYS:
            out.setdefault(key, set()).update(str(w).casefold() for w in data.get(key) or [])
        for key in _CASED_KEYS:  # kept as written: matched case-sensitively
            out.setdefault(key, set()).update(str(w) for w in data.get(key) or [])
    names: set[str] = set()
    for lang in ("shared", *langs):
        with contextlib.suppress(FileNotFoundError):
            names |= resources.load_words(lang, "not_entities.txt")
    out["not_entities"] = frozenset(names)
    heads = set()
    for lang in langs:
        data = resources.load_or_empty(lang, "entities") or {}
        for key in ("org_heads", "loc_heads", "gpe_heads", "company_heads", "event_heads", "person_titles",
                    "title_words", "state_forms"):
            heads.update(str(w).casefold().split()[0] for w in data.get(key) or [] if str(w).strip())
    out["heads"] = heads
    speech = set()
    for lang in langs:
        data = resources.load_or_empty(lang, "entities") or {}
        speech.update(str(w).casefold() for w in data.get("speech_verbs") or [] if " " not in str(w).strip())
    out["speech_words"] = speech
    with contextlib.suppress(FileNotFoundError):
        out["given_names"] = set(resources.load_words("shared", "given_names.txt"))
    out["products"] = {normalise(p) for p in names}
    return {k: frozenset(v) for k, v in out.items()}


def settle_names(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer,
                 title_like: frozenset[str]) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Names, types and products settled (the first four rules of the module docstring); run before
    later mentions of people are looked for, so that they follow the settled names. Also returns
    the spans of products in the text, where no mention may be added later."""
    lists = _lists(language)
    index = _index_of(text)
    ranks = _joined(title_like, lists["honorifics"], lists["person_ranks"])
    out = [_no_full_stop(m) for m in mentions
           if len(m.text) > 1 and not _count(text, m, lists["number_words"]) and not _common_opener(text, m, index)]
    out = [t for m in out if (t := _trim_rank(m, ranks, lists)) is not None]
    out = [_without_nationality(m) for m in out]
    given = lists.get("given_names", frozenset())
    out = [_acronym_led_person(m, given) for m in out]
    out = [t for m in out if (t := _role_led_org(m, ranks, lists, language == "en")) is not None]
    out = [m for m in out if not _role_ending_org(m, lists)]
    out = [m for m in out if not _party_adjective(text, m, lists["party_adjectives"])]
    # Indonesian has no "'s": one in an Indonesian article is inside an English name ("Baker’s Gram",
    # "Moody’s", "AVC Women’s Volleyball Nations Cup"), split only after an owner the gazetteer knows
    # ("Indonesia's economy")
    out = [p for m in out for p in (_possessive(m, gazetteer, lists) if language == "en" or _known_owner(m, gazetteer)
                                    else [m])]
    out = [m for m in out if not _word_of_no_place(m, lists, title_like)]
    common = _joined(lists["glue_words"], lists["speech_words"])
    lexicon = _word_list(language if language in resources.languages() else "id", "common_words.txt")
    out = [_lower_front(_unglue_front(m), lexicon, index) for m in out]
    unit_heads = _joined(lists["gpe_heads"], lists["loc_heads"], lists["org_heads"])
    out = [p for m in out for p in _split_after_place(m, gazetteer, given, lists["compass_words"])]
    whole: set[tuple[str, str, str]] = set()  # what `_unglue` left as it was (see there)
    out = [p for m in out for p in _unglue(m, index, common, lexicon, unit_heads, given, gazetteer, whole)]
    out = [_without_opener(text, m, lists, index) for m in out]
    out = [_without_function_opener(text, m, lists) for m in out]
    out, blocked = _drop_products(text, out, lists, index)
    out = [_without_listed_opener(m, lists["not_entities"]) for m in out]
    languages = [(m.start, m.end) for m in out if _language_name(text, m, lists["language_words"])]
    if languages:
        out = [m for m in out if (m.start, m.end) not in languages]
        blocked = blocked + languages
    out = [p for m in out for p in _couple(m)]
    out = _joined_people(out)
    out = _middle_initial(text, out)
    if language == "en":
        out = _given_name_before(text, out, lists, gazetteer)
    out = _org_then_given_name(out, lists, gazetteer)
    out = _known_then_person(out, lists, gazetteer, index)
    out = _people_by_name(out, gazetteer)
    out = _common_word_people(text, out, index)
    out = _common_word_orgs(text, out, index, lexicon, gazetteer)
    out = _credentials(text, out)
    out = _task_teams(out, lexicon, gazetteer)
    out = _portfolio_not_person(out, lexicon, given)
    out = [_given_name_person(m, gazetteer, lists) for m in out]
    out = _org_then_person(out, _joined(lists["honorifics"], lists["person_ranks"], lists["person_only_titles"]))
    out = [m for m in out if not _office_as_person(m, lists)]
    typed: set[tuple[str, str, str]] = set()  # names whose head word leaves their type (see there)
    out = [_typed_by_head(m, lists, typed) for m in out]
    out = _unit_prefix(text, out, gazetteer, lists)
    says: dict[str, tuple[bool, bool]] = {}
    out = [_city_or_regency(m, gazetteer, index, says) for m in out]
    out = _local_places(out, language)
    islands = _word_list("shared", "islands.txt") | _word_list("shared", "named_areas.txt")
    out = [_island(m, islands) for m in (_single_word_place(m) for m in out)]
    out, cut = settle_uses(text, out, language, gazetteer)  # Indonesian readings by the words around a name
    blocked = blocked + cut
    unfound = _unfound_people(text, out, gazetteer, lists, _Contains(blocked))
    return out + [p for m in unfound for p in _unglue(m, index, common, lexicon, unit_heads, given, gazetteer,
                                                      whole)], blocked


def _word_of_no_place(m: Mention, lists: dict[str, frozenset[str]], title_like: frozenset[str]) -> bool:
    """A one-word "place" that is a title, a compass word or a people's name names no place: "King"
    in "King Charles" or "the King", "South" in "the South African delegation", "Palestinians"
    (a demonym in the plural; the singular is dropped with the other adjectives of nationality).
    Only places: "Sultan" or "Raja" as a person's given name stay."""
    if m.type not in ("GPE", "LOC") or " " in m.text or not m.text[:1].isupper():
        return False
    word = m.text.casefold()
    if word in lists["compass_words"]:
        return True  # even the gazetteer's: a town called "South" is never what news means by it
    if m.source == "gazetteer":
        return False
    if word in title_like:
        return True
    demonyms = _word_list("en", "demonyms.txt", fold=True)
    return word.endswith("s") and word[:-1] in demonyms


@functools.cache
def _local_place_names(lang: str) -> dict[str, frozenset[str]]:
    """The districts and villages of each regency or city, by its code (`resources/<lang>/local_places
    .tsv.gz`, derived by scripts/build_local_places.py); empty for a language without the list."""
    try:
        rows = resources.load_tsv(lang, "local_places.tsv.gz")
    except FileNotFoundError:
        return {}
    return {row[0]: frozenset(row[1].split("|")) for row in rows if len(row) == 2}


@functools.cache
def _squashed_local_names(language: str, code: str) -> frozenset[str]:
    """The districts and villages of one regency or city by name without spaces or case (the list
    writes "Parungpanjang", news "Parung Panjang"): fixed per process, so folded once per regency
    rather than for every article that names it."""
    return frozenset(n.replace(" ", "").casefold() for n in _local_place_names(language).get(code, frozenset()))


def _local_places(mentions: list[Mention], language: str) -> list[Mention]:
    """A district or village written bare ("Bayat", "Argasunya", "Parung Panjang" for the listed
    "Parungpanjang") is a place with a government (GPE)
    when the article also names its regency or city (Klaten, Kota Cirebon): alone, such a name is no
    evidence (there are 90,000 of them, many common words), beside its regency it is. Only what the
    model found is retyped; nothing new is added."""
    codes = {m.key.split(":", 1)[1] for m in mentions
             if m.type == "GPE" and m.key and m.key.startswith(("id-kab:", "id-kota:"))}
    if not codes:
        return mentions
    lang = language if language in resources.languages() else "id"
    names = {code: _squashed_local_names(lang, code) for code in codes}
    # each name's first code in code order: what a scan of the codes per mention finds first (that scan
    # was quadratic in a long article, which names many regencies)
    first_code: dict[str, str] = {}
    for c in sorted(codes):
        for n in names[c]:
            first_code.setdefault(n, c)
    out = []
    for m in mentions:
        if m.type in ("LOC", "ORG", "PER") and m.source == "model" and m.text[:1].isupper():
            squashed = m.text.replace(" ", "").casefold()
            code = first_code.get(squashed)
            if code is not None:
                m = _copy(m, m.start, m.end, m.text, "GPE")
                m.key, m.role = f"id-local:{code}:{m.text}", None
        out.append(m)
    return out


def _city_or_regency(m: Mention, gazetteer: Gazetteer, index: _Index, says: dict[str, tuple[bool, bool]]) -> Mention:
    """A bare name shared by a city and a regency ("Bogor", "Bekasi") is the unit the article writes
    out (only "Kabupaten Bogor", "Bupati Bogor": the regency); otherwise the city, which the name
    commonly denotes on its own. The level is part of the place's identity, so the two never merge."""
    if m.type != "GPE" or not m.key or not m.key.startswith(("id-kab:", "id-kota:")):
        return m
    name = m.text
    if name.split()[0].casefold() in ("kota", "kabupaten", "kab."):
        return m
    kota, kab = gazetteer.lookup("Kota " + name), gazetteer.lookup("Kabupaten " + name)
    if kota is None or kab is None or kota.id == kab.id:
        return m
    if name not in says:
        says[name] = (
            any(index.has(f"{w} {name}") for w in ("Kabupaten", "Kab", "Bupati", "Pemkab")),
            any(index.has(f"{w} {name}") for w in ("Kota", "Walikota", "Pemkot")),
        )
    says_kab, says_kota = says[name]
    key = kab.id if says_kab and not says_kota else kota.id
    if key == m.key:
        return m
    out = _copy(m, m.start, m.end, m.text)
    out.key = key
    return out


def _typed_by_head(m: Mention, lists: dict[str, frozenset[str]],
                   kept: set[tuple[str, str, str]] | None = None) -> Mention:
    """The type a name's head word gives it: "Kelurahan Argasunya" is a unit with a government
    (GPE), a name headed by a building's or a natural place's word ("Mushola Mujahidin", "Hotel
    Borobudur", `loc_heads`) or ending in a venue's words ("Jakarta Convention Center", `venue_tails`)
    a place without one (LOC), a name ending in a unit's word ("Howard County", `gpe_tails`) a unit (GPE),
    a model "person" ending in "Government" or "Squad" an organisation, and
    so is a model "place" or "person" ending in a firm's word ("Henan Putihrai Sekuritas", `firm_tails`).
    ``kept`` remembers, for the same lists, the (text, type, source) of the mentions left as they were:
    all the answer depends on."""
    key = (m.text, m.type, m.source)
    if kept is not None and key in kept:
        return m
    words = m.text.split()
    if m.type == "LOC" and len(words) > 1 and words[0].casefold() in lists["gpe_heads"] and words[0][:1].isupper():
        return _copy(m, m.start, m.end, m.text, "GPE")
    folds = [w.casefold() for w in words[:2]]
    facility = len(words) > 1 and words[0][:1].isupper() and folds[0] not in lists["gpe_heads"] and (
        folds[0] in lists["loc_heads"] or " ".join(folds) in lists["loc_heads"])
    if m.type in ("PER", "ORG", "GPE") and m.source == "model" and facility:
        return _copy(m, m.start, m.end, m.text, "LOC")  # "Mushola Mujahidin", "Hotel Borobudur": a building
    venues = lists["venue_tails"]
    venue = len(words) > 1 and words[-1][:1].isupper() and (
        words[-1].casefold() in venues or " ".join(w.casefold() for w in words[-2:]) in venues)
    if m.type in ("PER", "ORG", "GPE") and m.source != "gazetteer" and venue:
        out = _copy(m, m.start, m.end, m.text, "LOC")  # "Jakarta Convention Center", "Mercedes-Benz Stadium"
        out.key, out.role = None, None
        return out
    last = words[-1].casefold()
    if m.type in ("PER", "ORG", "LOC") and m.source != "gazetteer" and len(words) > 1 and last in lists["gpe_tails"] \
            and words[-1][:1].isupper():
        return _copy(m, m.start, m.end, m.text, "GPE")  # "Howard County", "Travis County": a unit by its kind
    org_tail = len(words) > 1 and (last in lists["org_tails"] or last in lists["firm_tails"])
    if m.type in ("PER", "LOC") and m.source == "model" and org_tail:
        return _as_org(m)
    if kept is not None:
        kept.add(key)
    return m


_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+) $")


def _unit_prefix(text: str, mentions: list[Mention], gazetteer: Gazetteer,
                 lists: dict[str, frozenset[str]]) -> list[Mention]:
    """A unit word written as part of a place's name stays in the span ("Provinsi Banten"), as the
    gold guideline has it; a lower-case generic ("provinsi Banten") does not. The level is part of
    the place's identity: "Kota Bogor" and "Kabupaten Bogor" keep the gazetteer's own entries."""
    out = []
    for m in mentions:
        if m.type == "GPE" and m.source == "gazetteer":
            before = _CAPITALISED_WORD_BEFORE.search(text[max(0, m.start - 12) : m.start])
            if before and before.group(1).casefold() in lists["gpe_heads"]:
                s = m.start - len(before.group(0))
                surface = text[s : m.end]
                entry = gazetteer.lookup(surface)
                if entry is not None or before.group(1).casefold() == "provinsi":
                    ext = _copy(m, s, m.end, surface)
                    ext.key = entry.id if entry is not None else m.key
                    out.append(ext)
                    continue
        out.append(m)
    return out


def _single_word_place(m: Mention) -> Mention:
    """A one-word place the model found is a city, region or country (GPE) unless the article says
    otherwise: in news, a bare one-word place name is a unit with a government far more often than a
    mountain, island or building, which are written with their head word ("Gunung Semeru"). An
    acronym or a CamelCase word ("NFL", "CrowdStrike") is an organisation rather than a place."""
    if m.type == "LOC" and m.source == "model" and " " not in m.text and m.text[:1].isupper():
        word = m.text
        if (len(word) > 1 and word.isupper()) or _CAMEL.search(word):
            return _copy(m, m.start, m.end, word, "ORG")  # "NFL", "CrowdStrike": an acronym or a brand
        return _copy(m, m.start, m.end, word, "GPE")
    return m


def settle_spans(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer,
                 blocked: list[tuple[int, int]] = ()) -> list[Mention]:  # type: ignore[assignment]
    """Spans settled (the last two rules of the module docstring), sorted by offset."""
    lists = _lists(language)
    index = _index_of(text)
    if blocked:  # no mention inside a product or a document, whichever step added it
        inside = _Contains(blocked)
        mentions = [m for m in mentions if not inside(m.start, m.end)]
    # a document defined with an acronym after the names were settled ("Peraturan Pemerintah (PP)"):
    # neither it nor its acronym is an entity
    documents = {m.key for m in mentions if m.key and m.source == "rule" and _document(m.text.split(), lists)}
    if documents:
        mentions = [m for m in mentions if m.key not in documents]
    layer = _Layer(mentions)
    _events(text, layer, lists)
    _teams(text, layer, gazetteer)
    _schools(text, layer, gazetteer, lists)
    _natural_places(text, layer, lists)
    _facilities(text, layer, gazetteer, lists)
    _agencies(text, layer, lists)
    if language == "en":
        _institutions(text, layer, lists, _Contains(blocked))
    _bracket_inside_name(text, layer, lists)
    _listed_names(text, layer, gazetteer, lists, index)
    out = _every_occurrence(text, layer.mentions(), _Contains(blocked), gazetteer, lists, index,
                            english=language == "en")
    out = _org_with_place(text, out, _joined(lists["org_seat_words"], lists["agency_short_forms"]))
    out = _legal_form_after(text, out)
    out = _company_form(text, out)
    if language == "en":
        out = _of_place(text, out, lists)
        out = _words_before_org(text, out, lists, index)
    out = _abbreviation_inside(text, out, lists["honorifics"])
    if language == "en":  # "AS" is Amerika Serikat in Indonesian, a word in English ("IDENTIFIED AS PRESS")
        out = [m for m in out if not (m.source == "gazetteer" and m.text in lists["not_in_english"])]
    out = _leagues(text, out)
    out = _place_runs_on(text, out, gazetteer, lists, index)
    out = _clubs_settled(text, out, gazetteer, lists, index)
    out = [_org_key(m, gazetteer, language) for m in out]
    out = _club_city(text, out, lists, index)
    out = _first_word_of_org(out, gazetteer, lists)
    out = _event_editions(text, out)
    out = _place_that_acts(text, out, gazetteer, lists)
    out = _person_with_acronym(text, out)
    out = _company_not_person(text, out)
    out = _place_pairs(text, out, gazetteer)
    lexicon = _word_list(language if language in resources.languages() else "id", "common_words.txt")
    out = _camel_people(text, out, gazetteer, lists, lexicon)
    out = [_particle_before(text, m) for m in out]
    out = [p for m in out for p in _split_at_and(m, lists)]
    out = _country_arm(text, out, lists)
    out = [_national_government(m, gazetteer) for m in out]
    out = _slash_partners(text, out, gazetteer, lists)
    out = [m for m in out if m.type != "EVT" or any(c.isalpha() for c in m.text)]  # no bare year ("PRJ) 2025")
    out = _stage_of_event(out)
    out = [_retyped_by_use(text, m, lists, gazetteer) for m in out]
    if language == "en":
        out = [_town_after_preposition(text, m, lists) for m in out]
        out = _local_seats(text, out, lists, gazetteer, index)
        out = _towns_after_in(text, out, lists, gazetteer, index)
        out = [t for m in out if (t := _without_article(m, lists)) is not None]
        out = _people_with_age(text, out, lists)
        out = _place_before_based(text, out, gazetteer)
        out = _party_and_home(text, out)
        out = _town_teams(text, out, lists, index)
        out = _towns_listed_with_towns(text, out, lists, index)
        if not _sport_article(index, lists["sport_cues"]):
            out = [_named_city(m, gazetteer) for m in out]
    if blocked:  # nor one that a rule above found there ("Jalan Tol" of "Badan Usaha Jalan Tol")
        inside = _Contains(blocked)
        out = [m for m in out if not inside(m.start, m.end)]
    if language == "en":  # entities/english.py (issue 11, English news); roads named by a number are
        # no model numbers, whatever was blocked (imported here: an Indonesian run never loads it)
        from linimasa.entities.english import settle_english

        out = settle_english(text, out, gazetteer)
    return sorted(out, key=operator.attrgetter("start", "end"))


def _named_city(m: Mention, gazetteer: Gazetteer) -> Mention:
    """English, outside an article about a sport: a name of two or three words ending in "City" that
    the model read as an organisation or a person ("Ellicott City", "Cathedral City") is a town
    (GPE); in a sport article it is a club ("Manchester City"), and the gazetteer's towns keep their
    entries ("Mexico City")."""
    words = m.text.split()
    if m.type not in ("ORG", "PER") or m.source != "model" or m.key is not None or not 2 <= len(words) <= 3:
        return m
    if words[-1] != "City" or not all(w[:1].isupper() and w.isalpha() for w in words):
        return m
    if gazetteer.lookup(m.text) is not None or m.text in _word_list("shared", "clubs.txt"):
        return m
    return _copy(m, m.start, m.end, m.text, "GPE")


_SEAT_WORDS = r"(?<![\w'’.-])((?:[A-Z][a-z]+ ){0,1}[A-Z][a-z]+)"
"""One or two capitalised words: the name of a town in front of its local body or office."""


_IN_TOWN = re.compile(r"(?<![\w'’-])(?:in|in nearby|at|near) ([A-Z][a-z]{2,})(?=[,.;:]? (?!\d)|[,.;:]$|[,.;:]\n|$)")


def _towns_after_in(text: str, mentions: list[Mention], lists: dict[str, frozenset[str]], gazetteer: Gazetteer,
                    index: _Index) -> list[Mention]:
    """English: one capitalised word right after "in", "at" or "near", inside a sentence, that nothing
    was found in and that is followed by no other capitalised word ("arrested in Springfield the day
    after", "auctioned in nearby Windsor.") is a town the gazetteer does not list (GPE): not a month
    or another word that is no name, a title, a nationality, a word the article also writes in lower
    case, a word of a person's name in the article, a name the gazetteer knows as something else, or
    a word before a number ("in Article 19")."""
    demonyms = _word_list("en", "demonyms.txt", fold=True)
    stop = _joined(lists["not_names"], lists["heads"], lists["org_tails"], lists["loc_tails"],
                   lists["institution_words"],
                   lists["sentence_openers"], lists["compass_words"], lists["language_words"], demonyms,
                   lists["honorifics"], lists["person_ranks"], lists["person_only_titles"])
    people = {w for m in mentions if m.type == "PER" for w in m.text.split()}
    taken = [(m.start, m.end) for m in mentions]
    held = _Contains(taken)
    added = []
    for hit in _IN_TOWN.finditer(text):
        s, e = hit.span(1)
        word = hit.group(1)
        if word.casefold() in stop or word in people or index.has(word.lower()) or held(s, e):
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        entry = gazetteer.lookup(word)
        if entry is not None and entry.type not in ("GPE", "LOC"):
            continue
        added.append(Mention(s, e, word, "GPE", source="rule"))
    return mentions + added


_NAME_WITH_AGE = re.compile(r"(?<![\w'’.-])((?:[A-Z][a-z'’-]+ ){1,3}(?:[A-Z]\. )?[A-Z][a-z'’-]+), \d{1,2}, ")


def _people_with_age(text: str, mentions: list[Mention], lists: dict[str, frozenset[str]]) -> list[Mention]:
    """English: two to four capitalised words followed by an age between commas ("police arrested
    Demario Aundre Jackson, 30, in ...") are a person, over what was found inside them (a town the
    gazetteer knows by the surname): news gives ages of people only. Not where a word is no name
    or opens a sentence ("On Monday, 28 ...")."""
    stop = _joined(lists["not_names"], lists["sentence_openers"], lists["heads"], lists["org_tails"])
    out = list(mentions)
    for hit in _NAME_WITH_AGE.finditer(text):
        s, e = hit.span(1)
        if any(w.casefold() in stop for w in hit.group(1).split()):
            continue
        inside = [m for m in out if m.start < e and s < m.end]
        if any(m.start < s or m.end > e for m in inside) or any(m.type == "PER" and (m.start, m.end) == (s, e)
                                                                 for m in inside):
            continue
        out = [m for m in out if m not in inside] + [Mention(s, e, text[s:e], "PER", source="rule")]
        surname = hit.group(1).split()[-1]
        # the surname alone elsewhere in the article is the person, not the town it also names ("Jackson, who
        # was arrested ...")
        out = [_as_person(m) if m.text == surname and m.type != "PER" else m for m in out]
    return out


def _as_person(m: Mention) -> Mention:
    """The mention as a person, without the key of the place or organisation it was read as."""
    out = _copy(m, m.start, m.end, m.text, "PER")
    out.key = None
    return out


# (speed12n: the look-behind after the first capital, as `_CAPITALISED_WORD`)
_PLACE_BASED = re.compile(r"([A-Z](?<![\w'’.-].)[a-z]+(?: [A-Z][a-z]+){0,2})-(?:based|born|headquartered|bound|area)\b")


def _place_before_based(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """English: a place the gazetteer knows, written into a compound ("Melbourne-based", "San
    Francisco-headquartered", "London-born"), is a mention of the place; the hyphen hides it from the
    gazetteer's scan and the model."""
    taken = [(m.start, m.end) for m in mentions]
    out = list(mentions)
    for hit in _PLACE_BASED.finditer(text):
        words = hit.group(1).split(" ")
        e = hit.end(1)
        for k in range(len(words)):  # "The Melbourne-based": the longest known place that ends at the hyphen
            name = " ".join(words[k:])
            entry = gazetteer.lookup(name)
            if entry is not None:
                break
        s = e - len(name)
        if entry is None or entry.type not in ("GPE", "LOC") or any(a < e and s < b for a, b in taken):
            continue
        out.append(Mention(s, e, name, entry.type, source="gazetteer", key=entry.id))  # type: ignore[arg-type]
    return out


_PARTY_HOME = re.compile(r"(?<=[(\s])[DRI]-([A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?)(?=[),])")
_ROUTE_NUMBER = re.compile(r" \d")


def _party_and_home(text: str, mentions: list[Mention]) -> list[Mention]:
    """English: a US politician's party letter and home after the name ("Kirk Watson (D-Austin)",
    "Mike Gallagher, R-Wis.,") name the place (GPE); and "U.S." before a number is a route ("U.S. 29"),
    not the country."""
    taken = [(m.start, m.end) for m in mentions]
    out = [m for m in mentions if not (m.text == "U.S." and _ROUTE_NUMBER.match(text, m.end))]
    for hit in _PARTY_HOME.finditer(text):
        s, e = hit.span(1)
        if not any(a < e and s < b for a, b in taken):
            out.append(Mention(s, e, hit.group(1), "GPE", source="rule"))
    return out


_TEAM_WORD = re.compile(r" ([A-Z][a-z]{2,}s)\b(?![’'-])")


def _town_teams(text: str, mentions: list[Mention], lists: dict[str, frozenset[str]], index: _Index) -> list[Mention]:
    """English, in an article about a sport (`team_cues`): a town the gazetteer knows followed by one
    capitalised plural ("Denver Broncos", "Chicago Bulls") is the town's team (ORG), over the town and
    what the model made of the plural (a "person" Broncos); not a plural that ends a place's name
    ("Palm Springs", "Golan Heights", `loc_tails`, `not_team_words`)."""
    if not any(index.has(c) for c in lists["team_cues"]):
        return mentions
    stop = _joined(lists["not_team_words"], lists["loc_tails"], lists["open_space_tails"], lists["org_tails"])
    by_start = {m.start: m for m in mentions}
    out = list(mentions)
    for town in [m for m in mentions if m.type == "GPE" and m.key and m.key.startswith("city:")]:
        hit = _TEAM_WORD.match(text, town.end)
        if hit is None or hit.group(1).casefold() in stop:
            continue
        s, e = town.start, hit.end(1)
        nxt = by_start.get(hit.start(1))
        if nxt is not None and (nxt.end != e or nxt.source == "gazetteer"):
            continue
        if any(m.start < e and s < m.end and m is not town and m is not nxt for m in out):
            continue
        out = [m for m in out if m is not town and m is not nxt] + [Mention(s, e, text[s:e], "ORG", source="rule")]
    return out


_NAME_RUN = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")


def _towns_listed_with_towns(text: str, mentions: list[Mention], lists: dict[str, frozenset[str]],
                             index: _Index) -> list[Mention]:
    """English: names listed with towns ("only Denver and Pueblo", "Cathedral City, La Quinta, Desert
    Hot Springs and Palm Springs") are towns (GPE): a listed model place the gazetteer does not key is
    retyped (an organisation stays one: "Tasmania and Ontario Provincial Government"), a listed
    capitalised run nothing was found in is added. A list is names joined by ", ",
    " and " or ", and " with a town (a gazetteer city or a unit the rules found) among them."""
    stop = _joined(lists["not_names"], lists["sentence_openers"], lists["heads"], lists["org_tails"],
                   lists["honorifics"], lists["person_ranks"])
    ordered = sorted(mentions, key=_START)
    towns = {id(m) for m in ordered if m.type == "GPE" and (
        (m.key or "").startswith(("city:", "us-state:")) or m.source == "rule")}
    if not towns:
        return mentions
    out = list(ordered)
    # links between neighbours: two mentions of one list
    for a, b in itertools.pairwise(ordered):
        if id(a) not in towns and id(b) not in towns:
            continue
        if text[a.end : b.start] not in (", ", " and ", ", and "):
            continue
        other = b if id(a) in towns else a
        if other.type == "LOC" and not other.key and other.source != "gazetteer" \
                and other.text.split()[-1].casefold() not in _joined(lists["loc_tails"], lists["open_space_tails"]):
            out[out.index(other)] = _copy(other, other.start, other.end, other.text, "GPE")
    # a town followed by " and X" / ", X" with nothing found in X
    taken = [(m.start, m.end) for m in out]
    for m in ordered:
        if id(m) not in towns:
            continue
        for gap in (" and ", ", "):
            if not text.startswith(gap, m.end):
                continue
            run = _NAME_RUN.match(text, m.end + len(gap))
            if run is None:
                continue
            s, e = run.span()
            words = run.group().split()
            nxt = text[e : e + 1]
            if nxt.isalpha() or nxt in ("’", "'") or any(w.casefold() in stop for w in words) \
                    or any(index.has(w.lower()) for w in words) or any(a < e and s < b for a, b in taken):
                continue
            out.append(Mention(s, e, run.group(), "GPE", source="rule"))
            taken.append((s, e))
    return out


def _without_article(m: Mention, lists: dict[str, frozenset[str]]) -> Mention | None:
    """English: the indefinite article is never part of a name ("A Sussex Police spokesman" ->
    "Sussex Police"), and a unit's word alone ("County Executive ...", `gpe_tails`) names nothing."""
    if m.source == "gazetteer":
        return m
    if m.text.casefold() in lists["gpe_tails"]:
        return None
    first, _, rest = m.text.partition(" ")
    if first in ("A", "An") and rest[:1].isupper():
        return _copy(m, m.start + len(first) + 1, m.end, rest)
    return m


_CITY_OF = re.compile(r"(?:City|Town|Village) of $")
_NEXT_CAPITALISED = re.compile(r" ([A-Z][\w'’-]*)")


@functools.lru_cache(maxsize=4)
def _seat_patterns(bodies: frozenset[str], offices: frozenset[str]) -> tuple[re.Pattern[str] | None, ...]:
    """The two patterns of `_local_seats` for one language's lists (joined once, not per article)."""
    def alternatives(words: frozenset[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    body = re.compile(_SEAT_WORDS + r" (?i:" + alternatives(bodies) + r")\b") if bodies else None
    office = re.compile(_SEAT_WORDS + r" (?i:" + alternatives(offices) + r") (?=[A-Z])") if offices else None
    return body, office


def _local_seats(text: str, mentions: list[Mention], lists: dict[str, frozenset[str]], gazetteer: Gazetteer,
                 index: _Index) -> list[Mention]:
    """English: a town the gazetteer does not list, named by the local body or the office it has
    ("Aurora Police Department", "Aurora City Council", "a Eugene police press release", "Manor Mayor
    Larry Wallace Jr.", "Victoria Premier Daniel Andrews"; `local_bodies`, `local_offices`), is a place
    (GPE) there and wherever the article writes it alone ("crime rates in Aurora", "Aurora's violent
    crime rate"): the model, which learnt few English towns, misses or mistypes it. Not a word that
    makes such bodies national or generic ("Metropolitan Police", "State Police", `not_seats`), a
    nationality, a word the article also writes in lower case, a person of the article or a name the
    gazetteer knows as something other than a place."""
    body, office = _seat_patterns(lists["local_bodies"], lists["local_offices"])
    demonyms = _word_list("en", "demonyms.txt", fold=True)
    people = {w for m in mentions if m.type == "PER" for w in m.text.split()}
    stop = _joined(lists["not_seats"], lists["not_names"], lists["heads"], lists["honorifics"], lists["person_ranks"],
                   lists["sentence_openers"], lists["compass_words"], demonyms)
    seats: set[str] = set()
    for pattern in (body, office):
        for hit in pattern.finditer(text) if pattern is not None else ():
            name = hit.group(1)
            words = name.split()
            if words[0].casefold() in stop and len(words) > 1:
                name, words = words[1], words[1:]  # "The Aurora Police Department": the town after "The"
            if any(w.casefold() in stop for w in words) or any(w in people for w in words):
                continue
            if any(index.has(w.lower()) for w in words):
                continue  # a common word ("Local Police", "Campus Police")
            entry = gazetteer.lookup(name)
            if entry is not None and entry.type not in ("GPE", "LOC"):
                continue
            seats.add(name)
    if not seats:
        return mentions
    out = []
    taken = _Contains([(m.start, m.end) for m in mentions])
    exact = {(m.start, m.end) for m in mentions}
    offices = lists["local_offices"]
    added: list[Mention] = []
    for s, e, _surface in index.find(seats):
        if (s, e) in exact or _in_longer_name(text, s, e, lists["not_names"], index):
            continue
        after = _NEXT_CAPITALISED.match(text, e)
        if after is not None and after.group(1).casefold() not in offices:
            continue  # the start of a longer name ("Aurora Borealis"; not "Manor Mayor ...")
        unit = _CITY_OF.search(text, max(0, s - 8), s)
        if unit is not None:
            s = unit.start()  # "the City of Aurora": the unit word is part of the name (GUIDELINE.md)
        elif taken(s, e):
            continue
        added.append(Mention(s, e, text[s:e], "GPE", source="rule"))
    within = _Contains([(m.start, m.end) for m in added])
    mentions = [m for m in mentions if not (within(m.start, m.end) and m.source == "model")]
    for m in mentions:
        if m.text in seats and m.type != "GPE" and m.key is None:
            m = _copy(m, m.start, m.end, m.text, "GPE")  # "Eugene" read as an organisation
        else:
            first, _, rest = m.text.partition(" ")
            if m.type != "GPE" and rest and first in seats and rest.casefold() in lists["local_offices"]:
                m = _copy(m, m.start, m.start + len(first), first, "GPE")  # "Victoria Premier": the state
        out.append(m)
    return out + added


def _slash_partners(text: str, mentions: list[Mention], gazetteer: Gazetteer,
                    lists: dict[str, frozenset[str]]) -> list[Mention]:
    """A pair written with a slash ("Greysia Polii/Apriyani Rahayu", a doubles pair) is two of a kind:
    a model "organisation" or "place" of one to three capitalised words right beside a person across
    the slash is a person too, unless the gazetteer knows it or a word of it heads or ends the name of
    an organisation or a place ("Gaza/Palestina" stays two places)."""
    people = {(m.start, m.end) for m in mentions if m.type == "PER"}
    if not people:
        return mentions
    ends = {e for _, e in people}
    starts = {s for s, _ in people}
    words = _joined(lists["heads"], lists["org_tails"], lists["loc_tails"])
    out = []
    for m in mentions:
        toks = m.text.split()
        if (m.type in ("ORG", "LOC", "GPE") and m.source == "model" and 1 <= len(toks) <= 3
                and ((text[m.start - 1 : m.start] == "/" and m.start - 1 in ends)
                     or (text[m.end : m.end + 1] == "/" and m.end + 1 in starts))
                and all(t[:1].isupper() and t[1:].islower() and t.casefold() not in words for t in toks)
                and gazetteer.lookup(m.text) is None):
            m = _copy(m, m.start, m.end, m.text, "PER")
        out.append(m)
    return out


def _stage_of_event(mentions: list[Mention]) -> list[Mention]:
    """A one-word model "event" right before another event ("Kualifikasi" in "babak keempat Kualifikasi
    Piala Dunia 2026") is a stage of that event, not an event of its own."""
    events = {m.start for m in mentions if m.type == "EVT"}
    return [m for m in mentions if not (
        m.type == "EVT" and m.source == "model" and " " not in m.text and m.end + 1 in events)]


def _country_arm(text: str, mentions: list[Mention], lists: dict[str, frozenset[str]]) -> list[Mention]:
    """A one-word organisation or "person" written right before a country that is its national arm
    or team ("Grab Indonesia", "Shopee Malaysia", "Timnas Indonesia") is one organisation: a person's
    name is not followed by a country without a comma or a word between. Given names stay people."""

    def join(m: Mention, nxt: Mention) -> Mention | None:
        if (m.type in ("ORG", "PER") and " " not in m.text and m.text[:1].isupper()
                and nxt.type == "GPE" and nxt.key is not None and nxt.key.startswith("country:")
                and text[m.end] == " " and m.text.casefold() not in lists["given_names"]
                and not (m.type == "PER" and m.source != "model")):
            org = _as_org(_copy(m, m.start, nxt.end, text[m.start : nxt.end]))
            org.key = None
            return org
        return None

    return _absorb_next(mentions, join)


_GOVERNMENT_AFTER = re.compile(r"^(?:[Tt]he )?(.+?) [Gg]overnment$")


def _national_government(m: Mention, gazetteer: Gazetteer) -> Mention:
    # issue 11 (dev-extra-entities-en2): "the UK Government", "the US government" is the country (a
    # national government is its country, eval/real-id/GUIDELINE.md 4), a GPE mention of its name; a
    # regional one ("Gauteng Provincial Government") is no country and stays an organisation.
    hit = _GOVERNMENT_AFTER.match(m.text) if m.type == "ORG" and m.source != "gazetteer" else None
    if hit is None:
        return m
    entry = gazetteer.lookup(hit.group(1))
    if entry is None or entry.type != "GPE" or not entry.id.startswith("country:"):
        return m
    start = m.start + hit.start(1)
    out = _copy(m, start, start + len(hit.group(1)), hit.group(1), "GPE")
    out.key = entry.id
    return out


def _absorb_next(mentions: list[Mention], join: Callable[[Mention, Mention], Mention | None]) -> list[Mention]:
    """Each mention, in text order, with the mention that starts one character after its end (across
    one space) absorbed where `join(mention, next)` gives the mention the two make; the absorbed one
    is dropped. The shared pass of the rules that read a name and the place after it as one name."""
    by_start = {m.start: m for m in mentions}
    gone: set[int] = set()
    out: list[Mention] = []
    for m in sorted(mentions, key=_START):
        if id(m) in gone:
            continue
        nxt = by_start.get(m.end + 1)
        joined = join(m, nxt) if nxt is not None else None
        if joined is not None:
            gone.add(id(nxt))
            out.append(joined)
            continue
        out.append(m)
    return [m for m in out if id(m) not in gone] if gone else out


_AND = re.compile(r" (?:dan|and|serta) ")


_AND_AT_END = re.compile(r" (?:dan|and|serta)$")


def _split_at_and(m: Mention, lists: dict[str, frozenset[str]]) -> list[Mention]:
    """Two names read as one across "dan"/"and" ("Yayasan Golden Nusantara dan IGI Jakarta", "Jalan
    Roda dan Siliwangi") are two mentions of the same kind, where what follows the conjunction opens
    a name of its own: an acronym, or the head word of an organisation, place or unit ("... dan
    Kementerian Perindustrian"); a street after a street. Names with a conjunction inside ("Badan
    Riset dan Inovasi Nasional", "Indo Defence Expo dan Forum" as written in one name) are kept:
    their second half goes on with ordinary words. A conjunction left dangling at the end is cut."""
    if m.type == "PER" or m.source == "gazetteer" or " " not in m.text:
        return [m]  # (both patterns need a space)
    tail = _AND_AT_END.search(m.text)
    if tail:
        return [_copy(m, m.start, m.start + tail.start(), m.text[: tail.start()])]
    hit = _AND.search(m.text)
    if hit is None or _AND.search(m.text, hit.end()):
        return [m]
    left, right = m.text[: hit.start()], m.text[hit.end() :]
    first = right.split(" ")[0]
    heads = _joined(lists["org_heads"], lists["gpe_heads"], lists["facility_heads"])
    opens = (len(first) > 1 and first.isupper() and first.isalpha()) or (
        first[:1].isupper() and first.casefold() in heads and m.type != "EVT")
    street = left.split(" ")[0].casefold() in lists["facility_heads"] and first[:1].isupper() and m.type == "LOC"
    if not (opens or street) or not left[:1].isupper():
        return [m]
    a = _copy(m, m.start, m.start + len(left), left)
    b = _copy(m, m.start + hit.end(), m.end, right)
    a.key = b.key = None
    return [a, b]


_AGE_AFTER = re.compile(r" \(\d{1,2}\)")
_INITIALS = re.compile(r"[A-Z]{1,4}")


def _retyped_by_use(text: str, m: Mention, lists: dict[str, frozenset[str]], gazetteer: Gazetteer) -> Mention:
    """The type the words around a name give it:
    - initials with an age in brackets ("tersangka SNZ (23)", "berinisial APW (25)") are a person,
      as crime news names suspects and victims, unless the gazetteer knows the acronym;
    - an office of an organisation one goes to ("di Kantor MUI Pusat", "ke Kantor Kementerian
      BUMN": `org_heads` "Kantor" after a locative word) is the building, a place (LOC);
    - an institution's one-word name in English ("Parliament", "the Commons", "Treasury"; the
      `institution_words`) is an organisation, never a place or a person ("the Lords reforms")."""
    if m.type in ("ORG", "GPE", "LOC") and _INITIALS.fullmatch(m.text) and _AGE_AFTER.match(text, m.end) \
            and gazetteer.lookup(m.text) is None:
        out = _copy(m, m.start, m.end, m.text, "PER")
        out.key = None
        return out
    if m.type == "ORG" and m.text.startswith("Kantor ") and _after_locative(text, m.start) \
            and len(m.text.split()) > 1 and m.text.split()[1][:1].isupper():
        out = _copy(m, m.start, m.end, m.text, "LOC")
        out.key, out.role = None, None
        return out
    if m.type in ("GPE", "LOC", "PER") and " " not in m.text and m.text.casefold() in lists["institution_words"] \
            and m.text[:1].isupper():
        return _as_org(m)
    return m


_PLACE_PREPOSITION = re.compile(r"(?<![\w'’-])(?:in|at|to|from|near|outside) $")


def _town_after_preposition(text: str, m: Mention, lists: dict[str, frozenset[str]]) -> Mention:
    """In English, a model place of two or three capitalised words right after "in", "at", "from"
    with no article ("in Palo Alto", "from Palm Beach") is a town the gazetteer does not list (GPE):
    a natural place, a region, a park or a building is written with its head or tail ("the Gobi
    Desert", "Lake Toba", "South Asia", "Flushing Meadows", "Wembley Stadium"), or with "the"."""
    if m.type != "LOC" or m.source != "model" or m.key is not None:
        return m
    words = m.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return m
    stop = _joined(lists["loc_tails"], lists["loc_heads"], lists["facility_heads"], lists["compass_words"],
                   lists["venue_tails"], lists["heads"], lists["open_space_tails"])
    if any(w.casefold() in stop for w in words) or not _PLACE_PREPOSITION.search(text, max(0, m.start - 8), m.start):
        return m
    return _copy(m, m.start, m.end, m.text, "GPE")


_PARTICLE_BEFORE = re.compile(r"(?<![\w.'’-])(?:Al|El|Abu|Bin|Van|Von|De|Da)[ -]$")


def _particle_before(text: str, m: Mention) -> Mention:
    """A person's name the model began after a capitalised particle of it ("Al Ghazali", "El
    Hadary", "Van Dijk") begins at the particle; the gold guideline keeps it, as the name's own."""
    if m.type != "PER":
        return m
    hit = _PARTICLE_BEFORE.search(text[max(0, m.start - 4) : m.start])
    if hit is None:
        return m
    s = m.start - (len(text[max(0, m.start - 4) : m.start]) - hit.start())
    return _copy(m, s, m.end, text[s : m.end])


_HUMP = re.compile(r"[A-Z][a-z]+")
_CAMEL_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z]*[a-z][A-Z][A-Za-z]*")
"""A whole run of ASCII letters with a small letter before a capital somewhere in it: the runs that
can hold two `_HUMP`s (the first ends in a small letter, the second starts with a capital), which
`_camel_people` reads; matched from a run's first letter only, so linear in the text."""
_SMALL_THEN_CAPITAL = re.compile(r"[a-z][A-Z]")


def _camel_runs(text: str) -> Iterator[re.Match[str]]:
    """``_CAMEL_RUN.finditer(text)``, matched only at the runs that hold a small letter before a
    capital, found by `_SMALL_THEN_CAPITAL` (a pattern that opens with a character class, which `re`
    skips ahead by; `_CAMEL_RUN` opens with a look-behind and was tried at every offset of every
    article, to find a run in one article of three). The run of the first such pair after the last
    run is the next match: it is that pair's run, from the run's first letter (found by walking back
    over its letters), whole."""
    pos = 0
    while (pair := _SMALL_THEN_CAPITAL.search(text, pos)) is not None:
        start = pair.start()
        while start > 0 and ("a" <= text[start - 1] <= "z" or "A" <= text[start - 1] <= "Z"):
            start -= 1
        run = _CAMEL_RUN.match(text, start)
        if run is None:  # (cannot be: the run holds the pair) the plain scan from here
            yield from _CAMEL_RUN.finditer(text, pos)
            return
        yield run
        pos = run.end()


def _camel_people(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, lists: dict[str, frozenset[str]], lexicon: frozenset[str]
) -> list[Mention]:
    """A person's name whose words a scraper glued together by dropping the spaces around a link
    ("PresidenPrabowoSubianto dan", "Presiden RusiaVladimirPutinsempat"): two or three capitalised
    parts of one letter run, the first a common given name or a word of a person the article names
    ("Prabowo"), none a place, organisation or title word, and no place the gazetteer knows. The
    gold guideline keeps the glued characters as the mention ("PrabowoSubianto"); what was glued
    before it (a title, a country) and after it (a lower-case word) is not part of it. A mention
    the model made across the run is cut to what comes before it when that is a place the gazetteer
    knows ("Rusia"), else dropped."""
    given = lists.get("given_names", frozenset())
    people = {w for m in mentions if m.type == "PER" for w in m.text.split()}
    stop = _joined(_joined(lists["heads"], lists["org_tails"], lists["loc_tails"], lists["not_names"],
                           lists["honorifics"]),
                   _joined(lists["person_ranks"], lists["compass_words"]))
    found: list[tuple[int, int]] = []
    for run in _camel_runs(text):
        humps = list(_HUMP.finditer(run.group()))
        if len(humps) < 2:
            continue
        for i, h in enumerate(humps[:-1]):
            if h.group() not in given and h.group() not in people:
                continue
            j = i
            while j + 1 < len(humps) and j - i < 2 and humps[j + 1].start() == humps[j].end():
                j += 1
            parts = [x.group() for x in humps[i : j + 1]]
            last = parts[-1]  # "Putinsempat": a lower-case word glued after the name is not part of it
            cut = next((c for c in range(len(last) - 2, 2, -1)
                        if last[:c] in people or (last[c:] in lexicon and _GLUED_TAIL.match(last[c:]))), len(last))
            parts[-1] = last[:cut]
            if j == i or any(w.casefold() in stop for w in parts):
                break
            if any((x := gazetteer.lookup(w)) is not None and x.type != "PER" and w not in people for w in parts[1:]):
                break
            if (x := gazetteer.lookup(" ".join(parts))) is not None and x.type != "PER":
                break
            found.append((run.start() + h.start(), run.start() + humps[j].start() + cut))
            break
    if not found:
        return mentions
    cover = _Contains(found)
    # found in text order, one per run of humps, so disjoint and their ends in order too: the first that
    # overlaps a mention is the first that ends after its start
    ends = [e for _, e in found]
    out: list[Mention] = []
    for m in mentions:
        k = bisect.bisect_right(ends, m.start)
        hit = found[k] if k < len(found) and found[k][0] < m.end else None
        if hit is None:
            out.append(m)
        elif not cover(m.start, m.end) or m.type != "PER":
            left = text[m.start : hit[0]].rstrip()
            entry = gazetteer.lookup(left) if left[:1].isupper() and m.start < hit[0] else None
            if entry is not None and entry.type in ("GPE", "LOC"):
                out.append(_copy(m, m.start, m.start + len(left), left, entry.type))
    return out + [Mention(s, e, text[s:e], "PER", source="rule") for s, e in found]


_PAIR = re.compile(r"(?<![\w-])([A-Z][a-z]+)-([A-Z][a-z]+)(?![\w-])")
# what every match of `_PAIR` holds, found fast (a literal start): few articles hold one, and then the
# full pattern (a look-behind first: tried at every position) is not scanned
_PAIR_GATE = re.compile(r"-[A-Z][a-z]")


_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’-]* $")


def _place_pairs(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Two places the gazetteer knows joined by a hyphen ("rute Jeddah-Jakarta") are two mentions:
    the gazetteer reads whole words only, and the hyphen hides both, and the model may read the pair
    as one name. Not where a capitalised word comes before (a longer name: "Embarkasi Jakarta-Bekasi")."""
    spans: _Overlaps | None = None  # built at the first pair that needs it (most articles have none)
    whole: dict[tuple[int, int], Mention] = {}
    out = list(mentions)
    for hit in _PAIR.finditer(text) if _PAIR_GATE.search(text) is not None else ():
        s, e = hit.span()
        if _NAME_WORD_BEFORE.search(text[max(0, s - 30) : s]):
            continue
        if spans is None:
            spans = _Overlaps((m.start, m.end) for m in mentions)
            # the model's reading of exactly the pair as one name ("perbatasan Myanmar-Thailand" as an
            # ORG) gives way to the two places
            whole = {(m.start, m.end): m for m in mentions if m.source == "model" and not m.key}
        read = whole.get((s, e))
        if read is None and spans(s, e):
            continue
        left, right = gazetteer.lookup(hit.group(1)), gazetteer.lookup(hit.group(2))
        if left is None or right is None or left.type not in ("GPE", "LOC") or right.type not in ("GPE", "LOC"):
            continue
        if read is not None:
            out.remove(read)
        for k, entry in ((1, left), (2, right)):
            out.append(Mention(hit.start(k), hit.end(k), hit.group(k), entry.type, source="gazetteer", key=entry.id))
    return out


_COMPANY_BEFORE = re.compile(r"(?<![\w-])(?:PT|PT\.|CV|Perum)\s+((?:[A-Z][\w.]*\s+)?)$")


def _company_not_person(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "person" right after a company's legal form ("PT Sri Rejeki Isman": the title rule cut "Sri"
    as an honorific) is the company's name: one organisation from the legal form on; what was
    found inside it goes (the form alone, the cut word)."""
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for m in mentions:
        before = _COMPANY_BEFORE.search(text[max(0, m.start - 30) : m.start]) if m.type == "PER" else None
        if before is None:
            out.append(m)
            continue
        s = m.start - len(before.group(0))
        org = Mention(s, m.end, text[s : m.end], "ORG", source="rule")
        out.append(org)
        spans.append((s, m.end))
    if not spans:
        return out
    inside = _Contains(spans)
    made = set(spans)
    return [m for m in out if not (inside(m.start, m.end) and (m.start, m.end) not in made)]


_BRACKETED_ACRONYM_NEXT = re.compile(r" ?\(([A-Z][A-Z0-9&.-]{1,9})\)")


def _person_with_acronym(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "person" followed by an acronym in brackets that is not its initials ("komisaris Indofood
    Sukses Makmur (INDF)", a title rule's reading) is an organisation, with the acronym: a person's
    bracket gives initials ("Ibrahim Arief (IA)"), an organisation's its acronym or ticker. Every
    mention of either name in the article follows; so does a "person" acronym in brackets after an
    organisation ("Showa Denko K.K. (SDK)": its acronym, whatever its initials)."""
    names: set[str] = set()
    for m in mentions:
        if m.type not in ("PER", "ORG") or " " not in m.text:
            continue
        bracket = _BRACKETED_ACRONYM_NEXT.match(text[m.end : m.end + 14])
        if bracket is None:
            continue
        if m.type == "ORG":  # an organisation's acronym read for a person ("Showa Denko K.K. (SDK)")
            names.add(bracket.group(1))
            continue
        acronym = bracket.group(1).replace(".", "")
        initials = "".join(w[:1] for w in m.text.split() if w[:1].isupper())
        if acronym != initials and not initials.startswith(acronym):
            names |= {m.text, bracket.group(1)}
    if not names:
        return mentions
    return [_as_org(m) if m.type == "PER" and m.text in names else m for m in mentions]


_SMALL_WORDS_NEXT = re.compile(r"(?:['’]s)? ?([a-z]+(?: [a-z]+){0,3})", re.IGNORECASE)


def _place_that_acts(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, lists: dict[str, frozenset[str]]
) -> list[Mention]:
    """A one-word "place" the gazetteer does not know that is followed, somewhere in the article, by
    what an organisation does or has ("Nvidia chief executive", "Nvidia's earnings", "Newsweek
    melaporkan"; `org_cues_after`) is an organisation, in all its mentions: a place does not report
    earnings (one sense per name in one article)."""
    cues = lists.get("org_cues_after", frozenset())
    acting: set[str] = set()
    for m in mentions:
        if m.type not in ("GPE", "LOC") or m.key or " " in m.text or not m.text[:1].isupper():
            continue
        after = _SMALL_WORDS_NEXT.match(text[m.end : m.end + 40])
        if after is None:
            continue
        words = after.group(1).casefold().split()
        if any(" ".join(words[:n]) in cues for n in range(1, len(words) + 1)) and not _is_place(gazetteer, m.text):
            acting.add(m.text)
    if not acting:
        return mentions
    return [_as_org(m) if m.text in acting and m.type in ("GPE", "LOC") and not m.key else m for m in mentions]


def _copy(m: Mention, start: int, end: int, text: str, type_: str | None = None) -> Mention:
    return Mention(start, end, text, type_ or m.type, m.entity, m.source, m.score, m.key, m.role)  # type: ignore[arg-type]


def _as_org(m: Mention) -> Mention:
    """The same span as an organisation: a role read for a person ("juru bicara") is not its role."""
    org = _copy(m, m.start, m.end, m.text, "ORG")
    org.role = None
    return org


_SMALL_WORD_NEXT = re.compile(r" [a-z]")


def _common_opener(text: str, m: Mention, index: _Index) -> bool:
    """Whether a one-word place or organisation is only a common word capitalised by opening a
    sentence ("Antara lain ..." = among others, not the news agency): it is followed by a lower-case
    word and the article writes it in lower case elsewhere. People are left alone: many Indonesian
    names are words ("Intan", "Fajar")."""
    if m.type not in ("GPE", "LOC", "ORG") or " " in m.text or not m.text[1:].islower() or not _opens(text, m.start):
        return False
    return _SMALL_WORD_NEXT.match(text[m.end : m.end + 2]) is not None and index.has(m.text.lower())


def _count(text: str, m: Mention, numbers: frozenset[str]) -> bool:
    """Whether a one-word mention is a number word counting the lower-case noun after it ("Lima
    wartawan" = five journalists, not the city of Lima)."""
    if " " in m.text or m.text.casefold() not in numbers:
        return False
    return _SMALL_WORD_NEXT.match(text[m.end : m.end + 2]) is not None


_COUPLE = re.compile(r"^(\S+(?: \S+)+)[-–](\S+(?: \S+)+)$")


def _couple(m: Mention) -> list[Mention]:
    """Two people joined by a hyphen, each with a name of two words or more ("Al Ghazali-Alyssa
    Daguise", a couple), are two mentions; a hyphenated surname has one word on a side
    ("Catherine Zeta-Jones")."""
    hit = _COUPLE.match(m.text) if m.type == "PER" else None
    if hit is None or not hit.group(2)[:1].isupper():
        return [m]
    a, b = hit.span(1), hit.span(2)
    return [Mention(m.start + a[0], m.start + a[1], hit.group(1), "PER", source=m.source),
            Mention(m.start + b[0], m.start + b[1], hit.group(2), "PER", source=m.source)]


def _no_full_stop(m: Mention) -> Mention:
    """A sentence's full stop is not part of the name before it ("dollar AS." -> "AS"); the dots of
    an abbreviation are ("U.S."). Nor is the end of a bracket the span starts in ("Panja) Pangan")."""
    if m.text.endswith(".") and "." not in m.text[:-1] and len(m.text) > 2:
        m = _copy(m, m.start, m.end - 1, m.text[:-1])
    close = m.text.find(")")
    if close >= 0 and "(" not in m.text[:close] and m.text[close + 1 :].strip():
        rest = m.text[close + 1 :]
        lead = len(rest) - len(rest.lstrip())
        m = _copy(m, m.start + close + 1 + lead, m.end, rest.strip())
    return m


def _trim_rank(m: Mention, ranks: frozenset[str], lists: dict[str, frozenset[str]]) -> Mention | None:
    """A person's name from after the last rank or honorific in it: "Datuk Seri Anwar Ibrahim",
    "Brigadier General Vicente Blanco", "Secretary Division Sheila Indira Maharshi". The words
    before such a title are its qualifiers (a unit, a country), not the name."""
    if m.type != "PER" and m.source == "model":
        words = m.text.split(" ")
        if len(words) > 1 and words[0].casefold() in lists["person_only_titles"] and words[-1][:1].isupper():
            m = _copy(m, m.start, m.end, m.text, "PER")  # "Colonel Stuart Glenn", "Kades Hoho Alkaf"
    if m.type != "PER" or m.source == "gazetteer":
        return m
    words = m.text.split(" ")
    surname = (len(words) == 2 and words[1].casefold() in lists["title_surnames"]
               and words[0].casefold().rstrip(".,") not in ranks)  # "Gayle King": a surname, not a role
    if all(w.casefold().rstrip(".,") in ranks for w in words[1:]) and len(words) > 1 and not surname:
        return None  # "Swedish Prime Minister": a role without a name
    last = -1
    for k, w in enumerate(words[:-1]):
        if w.casefold().rstrip(".,") in ranks or w.casefold() in ranks:
            last = k
    if last < 0 or not words[last + 1][:1].isupper():
        return m
    cut = len(" ".join(words[: last + 1])) + 1
    role = m.text[: cut - 1]
    trimmed = _copy(m, m.start + cut, m.end, m.text[cut:])
    trimmed.role = m.role or role
    return trimmed


_MAN_SUFFIX = re.compile(r"(?:wo)?man$")


def _without_nationality(m: Mention) -> Mention:
    """A nationality written before a person's name is no part of it: "Frenchman Corentin Moutet",
    "Briton Andy Murray", "Dutchwoman Anna Vos" -> the name (a demonym, or one with -man/-woman)."""
    if m.type != "PER" or m.source == "gazetteer" or " " not in m.text:
        return m
    first, rest = m.text.split(" ", 1)
    word = first.casefold()
    stem = _MAN_SUFFIX.sub("", word)
    demonyms = _word_list("en", "demonyms.txt", fold=True)
    nationality = word in demonyms or word == "briton" or (stem != word and stem in demonyms)
    if not nationality or not rest[:1].isupper():
        return m
    return _copy(m, m.start + len(first) + 1, m.end, rest)


_POSSESSIVE = re.compile(r"['’]s\b")


def _known_owner(m: Mention, gazetteer: Gazetteer) -> bool:
    """Whether the words before the possessive of a mention are a name the gazetteer knows."""
    hit = _POSSESSIVE.search(m.text)
    return hit is not None and gazetteer.lookup(m.text[: hit.start()]) is not None


def _possessive(m: Mention, gazetteer: Gazetteer, lists: dict[str, frozenset[str]] | None = None) -> list[Mention]:
    """English possessives split a span into its owner and the thing owned: "Google's" -> "Google",
    "Mexico's National Statistics Institute" -> "Mexico" and "National Statistics Institute"
    (the owner typed by the gazetteer where it knows it). A place named with a possessive and one
    word of its kind ("St. Mark's Square", `open_space_tails`, `loc_tails`, `venue_tails`) is one name;
    an owned place ending in such a word is a place ("Clive Palmer's Dinosaur Park")."""
    hit = _POSSESSIVE.search(m.text)
    if hit is None or m.source == "gazetteer":
        return [m]
    places = _joined(lists["open_space_tails"], lists["loc_tails"], lists["venue_tails"]) if lists else frozenset()
    rest_words = m.text[hit.end() :].split()
    if len(rest_words) == 1 and rest_words[0][:1].isupper() and rest_words[0].casefold() in places:
        return [_copy(m, m.start, m.end, m.text, "LOC")]
    out = []
    owner = m.text[: hit.start()]
    if owner.strip():
        entry = gazetteer.lookup(owner)
        typed = _copy(m, m.start, m.start + len(owner), owner, entry.type if entry else None)
        if entry is not None:
            typed.key = entry.id
        out.append(typed)
    rest = m.text[hit.end() :]
    lead = len(rest) - len(rest.lstrip())
    rest = rest.strip()
    if rest[:1].isupper() and " " in rest:  # a one-word owned thing is a product or a common noun
        s = m.start + hit.end() + lead
        type_ = "LOC" if rest.split()[-1].casefold() in places else m.type if m.type != "PER" else "ORG"
        out.append(Mention(s, s + len(rest), rest, type_, source=m.source))  # type: ignore[arg-type]
    return out


def _unglue_front(m: Mention) -> Mention:
    """A lower-case word glued in front of a name ("lamanIndonesia Kaya", "kepadaKPK") is not part
    of it: the name starts at the change of case."""
    if m.source == "gazetteer" or not m.text[:1].islower():
        return m
    camel = _CAMEL.search(m.text.split(" ")[0])
    if camel is None or not m.text[: camel.start()].isalpha():
        return m
    return _copy(m, m.start + camel.start(), m.end, m.text[camel.start() :])


_GLUED_WORD = re.compile(r"([A-Z][a-z]{2,})(?=[A-Z][a-z])")


def _lower_front(m: Mention, lexicon: frozenset[str], index: _Index) -> Mention:
    """A common word in front of a name that the model took along: written in lower case ("samping
    Al Ghazali") or capitalised and glued to it ("AdikAlyssa Daguise"; a frequent word of news,
    `common_words.txt`, when the article writes the name alone elsewhere: "TransJakarta" and
    "KapanLagi" are names). The name starts after it."""
    if m.source == "gazetteer" or " " not in m.text:
        return m
    first, rest = m.text.split(" ", 1)
    if first.isalpha() and first.islower() and first in lexicon and rest[:1].isupper():
        return _copy(m, m.start + len(first) + 1, m.end, rest)
    glued = _GLUED_WORD.match(first)
    if glued and glued.group(1).lower() in lexicon and index.has(m.text[len(glued.group(1)) :]):
        cut = len(glued.group(1))
        return _copy(m, m.start + cut, m.end, m.text[cut:])
    return m


def _unglue(m: Mention, index: _Index, common: frozenset[str], lexicon: frozenset[str] = frozenset(),
            unit_heads: frozenset[str] = frozenset(), given: frozenset[str] = frozenset(),
            gazetteer: Gazetteer | None = None, whole: set[tuple[str, str, str]] | None = None,
            ) -> list[Mention]:
    """A name glued by a scraper to the word after it ("Marcella Santosomengungkapkan", "Kementerian
    Agamaatau Kemenag") is cut where the glue starts, when the article writes both the cut name and
    the glued word elsewhere as whole words (or the glued word is a frequent one, `glue_words`): the
    evidence that they are two. What follows the glued word, capitalised, is a mention of its own.

    ``whole`` remembers, for one article and the same word lists, the mentions left whole: by their
    text, source and the word after them, all that the answer depends on; an article that repeats a
    name thousands of times asks once."""
    key = (m.text, m.source, _next_word(index.text, m.end))
    if whole is not None and key in whole:
        return [m]
    words = list(_NON_SPACE_RUN.finditer(m.text))
    for k, w in enumerate(words):
        tok = w.group()
        if not (tok[:1].isupper() and tok[1:].isalpha() and tok[1:].islower()):
            continue
        least = max(3, len(tok) - _MAX_TAIL)  # a cut leaves at most _MAX_TAIL letters: linear in a long run
        cuts = _written_cut(m.text, w.start(), tok, least, index, common)
        if not cuts and m.source != "gazetteer" and tok.lower() not in lexicon:
            # no evidence in the article: a frequent word of news glued on, the longest such tail
            # ("Kristiyantomenghadirkan" -> "menghadirkan", not "hadirkan"), that starts with a verb's
            # or function word's prefix; names end in words too ("Permatasari"), never in these. A
            # token that is itself a frequent word is one word ("Mandiri" in "PT Bank Mandiri Tbk",
            # not "Man" + "diri")
            cuts = [c for c in range(least, len(tok) - 3) if tok[c:] in lexicon and _GLUED_TAIL.match(tok[c:])][:1]
        follow = words[k + 1].group() if k + 1 < len(words) else _next_word(index.text, m.end)
        if (not cuts and follow[:1].isupper() and follow.casefold() in unit_heads and tok.casefold() not in unit_heads
                and (gazetteer is None or gazetteer.lookup(tok) is None)):
            # a short function word glued on before the head of another name ("Gunung Lewotobidi
            # Kabupaten Flores Timur": "di" before "Kabupaten"): one name cannot run on into a unit's;
            # never off a place the gazetteer knows whole ("Maryland Department": no "Maryl" + "and")
            cuts = [len(tok) - n for n in (3, 2) if len(tok) - n >= 4 and tok[-n:] in common][:1]
        if (not cuts and gazetteer is not None and _common_tail(tok, max(3, least - 1), common)
                and gazetteer.lookup(tok) is None):
            # a place the gazetteer knows with a short function word glued on ("Indonesiatak", "Chinadi")
            # (`_common_tail` first: with no such word at its end, no cut is found whatever the gazetteer says)
            cuts = [c for c in range(len(tok) - 2, max(3, least - 1), -1)
                    if tok[c:] in common and (x := gazetteer.lookup(tok[:c])) is not None
                    and x.type in ("GPE", "LOC")][:1]
            if cuts and k == 0:  # the place alone before the glue: the place, and what follows on its own
                out = []
                for s, e in ((m.start, m.start + cuts[0]), (m.start + words[1].start(), m.end) if len(words) > 1
                             else (0, 0)):
                    x = gazetteer.lookup(index.text[s:e]) if e > s else None
                    if x is not None and x.type in ("GPE", "LOC"):
                        piece = _copy(m, s, e, index.text[s:e], x.type)
                        piece.key = x.id
                        out.append(piece)
                    elif e > s and s > m.start and index.text[s : s + 1].isupper():
                        out.append(Mention(s, e, index.text[s:e], m.type, source=m.source))
                return out
        if not cuts and m.source != "gazetteer" and k:
            # the name's last word written alone elsewhere ("Emi Martinez" beside "Emiliano
            # Martinezjadi"): a frequent word of news glued after it, the longest such tail, never a
            # word that is also a name ("Putri", "Jaya")
            cuts = [c for c in range(max(4, least), len(tok) - 3)
                    if tok[c:] in lexicon and tok[c:].capitalize() not in given and index.has(tok[:c])][:1]
        if not cuts and m.source != "gazetteer":
            # several words glued on ("Anungmengakuikebakarandi": "mengakui", "kebakaran", "di"): the
            # tail is all frequent words, the first a verb or function word
            cuts = [c for c in range(least, len(tok) - 5)
                    if _GLUED_TAIL.match(tok[c:]) and _words_of(tok[c:], lexicon, common)][:1]
        for cut in cuts:
            left = m.text[: w.start() + cut]
            out = [_copy(m, m.start, m.start + len(left), left)]
            if k + 1 < len(words) and words[k + 1].group()[:1].isupper():
                s = m.start + words[k + 1].start()
                out.append(Mention(s, m.end, m.text[words[k + 1].start() :], m.type, source=m.source))
            return out
    if whole is not None:
        whole.add(key)
    return [m]


def _common_tail(tok: str, above: int, common: frozenset[str]) -> bool:
    """Whether ``tok`` ends in a word of ``common`` that starts after offset ``above`` (0 or more) and
    leaves two letters or more: what `_unglue`'s cut after a known place needs (one lookup per length
    of the words, not one per offset). Asked of nearly every capitalised word of every name, and almost
    always False: a word of two letters or more ends in its own last two letters, so a word whose last
    two are no word's last two is answered by one lookup (`_tails`), and the lengths are tried shortest
    first, up to the longest that starts after ``above``."""
    size = len(tok)
    if isinstance(common, frozenset):
        endings, lengths = _tails(common)
        if tok[-2:] not in endings:
            return False
    else:
        lengths = tuple(sorted({len(w) for w in common if len(w) >= 2}))
    for n in lengths:
        if size - n <= above:
            break
        if tok[size - n :] in common:
            return True
    return False


@functools.lru_cache(maxsize=8)
def _tails(words: frozenset[str]) -> tuple[frozenset[str], tuple[int, ...]]:
    """The last two letters of ``words``' words of two letters or more, and their lengths, each once,
    shortest first."""
    long = [w for w in words if len(w) >= 2]
    return frozenset(w[-2:] for w in long), tuple(sorted({len(w) for w in long}))


def _written_cut(name: str, at: int, tok: str, least: int, index: _Index, common: frozenset[str]) -> list[int]:
    """`_unglue`'s first test on the word ``tok`` that starts at ``at`` in ``name``: the longest cut
    (as a list of one, or none) where the article writes the name up to the cut as whole words, and
    the glued tail as a word of its own or a frequent one (`glue_words`), or the name up to the cut
    has two words or more (evidence enough on its own).

    Why not ``index.has`` on both sides of every cut, as this once was: that was half of `_unglue`'s
    time, for cuts that almost never hold. ``tok`` is a capitalised run of letters after a space, so
    where the name up to a cut is written as whole words, its last word ``tok[:c]`` is a whole token
    of the article (whitespace before it, a character that ends a token after it): one set lookup
    rules out nearly every cut before the phrase is looked for. And a tail of letters is written as
    a whole word exactly when it is one of the article's tokens. Only the first cut is ever used."""
    written = index.words
    spaced = " " in name[:at]
    for c in range(len(tok) - 2, least - 1, -1):  # the longest name first
        if tok[:c] not in written:
            continue  # (then `index.has` of the name up to the cut is False)
        tail = tok[c:]
        if (tail in written or tail in common or spaced) and index.has(name[: at + c]):
            return [c]
    return []


_MAX_TAIL = 40
"""The most letters `_unglue` reads as glued on after a name (several words: "mengakuikebakarandi" has
19); a run of letters longer than that costs no more than one of this length."""

_PLACE_THEN_NAME = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _split_after_place(m: Mention, gazetteer: Gazetteer, given: frozenset[str],
                       compass: frozenset[str]) -> list[Mention]:
    """A mention that runs on, glued by a scraper, from a place into the next name ("Pengadilan Negeri
    TangerangWahyu Widya", "Kota DepokSupian Suri"): a word with a lower-to-upper case change whose
    first part is a place the gazetteer knows ends the mention there. What follows is a person when
    it opens with a common given name ("Wahyu"), else no mention. A word whose first part is no place
    ("TransJakarta", "KapanLagi") or a point of the compass ("BaratDaya") is left whole."""
    if m.source == "gazetteer" or _PLACE_THEN_NAME.search(m.text) is None:
        return [m]  # (no case change inside a word: the pattern sees no space, so one search tells)
    for w in re.finditer(r"\S+", m.text):
        camel = _PLACE_THEN_NAME.search(w.group())
        if camel is None:
            continue
        place = w.group()[: camel.start()]
        entry = gazetteer.lookup(place)
        if entry is None or entry.type not in ("GPE", "LOC") or place.casefold() in compass:
            return [m]  # "BaratDaya": a point of the compass glued to the next word is no place
        cut = w.start() + camel.start()
        left = m.text[:cut]
        whole = gazetteer.lookup(left)
        head = _copy(m, m.start, m.start + cut, left)
        if whole is not None:
            head.type, head.key = whole.type, whole.id  # type: ignore[assignment]
        elif left == place:
            head.type, head.key = entry.type, entry.id  # type: ignore[assignment]
        out = [head]
        rest = m.text[cut:]
        if rest.split()[0] in given:
            out.append(Mention(m.start + cut, m.end, rest, "PER", source=m.source, score=m.score))
        return out
    return [m]


_NON_SPACE_RUN = re.compile(r"\S+")
_NEXT_WORD = re.compile(r" (\w+)")


def _next_word(text: str, end: int) -> str:
    """The word right after a mention (one space between), or ""."""
    hit = _NEXT_WORD.match(text, end, end + 40)
    return hit.group(1) if hit else ""


def _words_of(tail: str, lexicon: frozenset[str], common: frozenset[str]) -> bool:
    """Whether `tail` is two to four frequent words (or `glue_words`) written without spaces, the
    first of five letters or more (so that a name's own ending is not read as words)."""
    def split(rest: str, n: int) -> bool:
        if not rest:
            return n >= 2
        if n >= 4:
            return False
        return any((rest[:k] in lexicon or rest[:k] in common) and split(rest[k:], n + 1)
                   for k in range(len(rest), 1, -1)
                   if n > 0 or k >= 5)
    return split(tail, 0)


_GLUED_TAIL = re.compile(r"^(?:me|di|ber|ter|(?:yang|dan|atau|serta|sebagai|kepada|sejak|setelah|sedang|saat)$)")
"""A word glued after a name that the cut trusts from the news lexicon alone: a verb by its prefix
("melaporkan", "diketahui", "bersama", "tersebut") or a function word ("yang", "sebagai"); not
"ke-" or "se-" words, which end names of places ("Suryakencana")."""


def _joined(*sets: frozenset[str]) -> frozenset[str]:
    """``sets[0] | sets[1] | ...``, joined in that order, once per process for the same sets (speed12n):
    the settling rules join the same fixed word lists for every article, some for every mention, and
    each join copied hundreds of words (a frozenset keeps its hash, so the lookup costs little). A
    caller's own mutable sets are joined as they are, every time."""
    try:
        return _joined_once(*sets)
    except TypeError:  # a `set` among them: not hashable, not remembered
        return _join(sets)


@functools.lru_cache(maxsize=256)
def _joined_once(*sets: frozenset[str]) -> frozenset[str]:
    return _join(sets)


def _join(sets: tuple[frozenset[str], ...]) -> frozenset[str]:
    out = sets[0]
    for more in sets[1:]:
        out = out | more
    return out


@functools.lru_cache(maxsize=16)
def _one_word_entries(words: frozenset[str]) -> frozenset[str]:
    """The entries of ``words`` without a space in them, once per list."""
    return frozenset(h for h in words if " " not in h)


@functools.cache
def _word_list(lang: str, name: str, fold: bool = False) -> frozenset[str]:
    """A word list of `resources/<lang>/<name>` (case-folded with `fold`), cached per process; empty
    where the language ships no such list, so that a new language folder need not carry every list
    (`resources/<lang>/common_words.txt`: frequent lower-case words of the language's news;
    `shared/makers.txt`, `competitions.txt`, `clubs.txt`, `islands.txt`: hand and derived lists)."""
    try:
        words = resources.load_words(lang, name)
    except FileNotFoundError:
        return frozenset()
    return frozenset(w.casefold() for w in words) if fold else words


def _opens(text: str, start: int) -> bool:
    """Whether `start` is the first character of a sentence or a line."""
    lead = text[max(0, start - 2) : start]
    return start == 0 or lead[-1:] in ("\n", '"', "“", "(") or lead in (". ", "? ", "! ")


def _without_opener(text: str, m: Mention, lists: dict[str, frozenset[str]], index: _Index) -> Mention:
    """A sentence's first word taken into the name after it ("Laga Pachuca", "Pesawat Saudia
    Airlines") is cut off when the article writes it in lower case elsewhere (a common noun), unless
    it is a word that heads names ("Kementerian", "Gunung")."""
    if m.source == "gazetteer" or m.type == "PER" or " " not in m.text:
        return m  # a person's first name may be a word too ("Rose", "Mark")
    first, rest = m.text.split(" ", 1)
    if not _opens(text, m.start) or not first[1:].islower() or not rest[:1].isupper():
        return m
    if first.casefold() in lists["heads"]:
        return m
    if not index.has(first.lower()):
        return m
    return _copy(m, m.start + len(first) + 1, m.end, rest)


def _without_function_opener(text: str, m: Mention, lists: dict[str, frozenset[str]]) -> Mention:
    """A sentence's first word that is a function word or a linking adverb ("Although Ishiba",
    "Meanwhile Reeves"; `sentence_openers`) is never part of the name after it, a person's included."""
    if m.source == "gazetteer" or " " not in m.text:
        return m
    first, rest = m.text.split(" ", 1)
    if first.casefold() not in lists["sentence_openers"] or not rest[:1].isupper() or not first[1:].islower():
        return m
    return _copy(m, m.start + len(first) + 1, m.end, rest)


_GIVEN_NAME_BEFORE = re.compile(r"(?<=[a-z,;.] )([A-Z][a-z]{1,11}) $")


def _given_name_before(
    text: str, mentions: list[Mention], lists: dict[str, frozenset[str]], gazetteer: Gazetteer
) -> list[Mention]:
    """In English, a one-word person the model found right after a capitalised word inside a
    sentence ("seed Dan Evans": a model trained on Indonesian reads "Dan" as "and") has that word as
    the given name, unless it is a title, rank, nationality, function word or a known place."""
    stop = _joined(lists["heads"], lists["honorifics"], lists["person_ranks"], lists["sentence_openers"],
                   lists["not_names"], lists["function_words"], _word_list("en", "demonyms.txt", fold=True))
    starts = {m.end for m in mentions}
    out = []
    for m in mentions:
        before = _GIVEN_NAME_BEFORE.search(text[max(0, m.start - 16) : m.start])
        if m.type != "PER" or " " in m.text or before is None or m.start - len(before.group(0)) in starts:
            out.append(m)
            continue
        word = before.group(1)
        if word.casefold() in stop or gazetteer.lookup(word) is not None:
            out.append(m)
            continue
        s = m.start - len(before.group(0))
        out.append(_copy(m, s, m.end, text[s : m.end]))
    return out


def _acronym_led_person(m: Mention, given: frozenset[str]) -> Mention:
    """A model "person" that starts with an acronym of three or more capitals ("LRT Jabodebek",
    "MRT Jakarta") is an organisation: people's names do not start so. Unless that word is a common
    given name (`given_names.txt`): some outlets write an article's first word in capitals, and "REZA
    Arya Pratama" opening the text is the person Reza Arya Pratama."""
    if m.type != "PER" or m.source != "model":
        return m
    first = m.text.split(" ")[0]
    if len(first) >= 3 and first.isupper() and first.isalpha() and " " in m.text and first.title() not in given:
        return _as_org(m)
    return m


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _drop_products(
    text: str, mentions: list[Mention], lists: dict[str, frozenset[str]], index: _Index
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Mentions that name products rather than entities, with every other mention of the same
    string in the article: a listed product or app, a name with a model code or amount in it, a
    name right after a product word ("mesin Revolution Max 975T", "podcast New Heights") or right
    before an English one ("the Got It From My Momma podcast")."""
    cues, after = lists["product_cues"], lists["product_cues_after"]
    banned: set[str] = set()
    one_use: set[tuple[int, int]] = set()  # a maker's one use after a product word (see below)
    # whether a name is a product by its own words, per name and type: an article repeats its names
    by_words: dict[tuple[str, str], bool] = {}
    by_context: dict[tuple[str, str], bool] = {}  # and by the words around it (see `_product_context`)
    documents: dict[str, bool] = {}  # whether a name is a law, a programme, ... (`_document`), per name
    vehicles = lists.get("vehicle_prefixes", frozenset())
    for m in mentions:
        if m.source != "gazetteer" and _vehicle(m.text, vehicles):
            banned.add(m.text)  # "KMP Tunu Pratama Jaya", "KA Matarmaja": a vessel, a train service
            continue
        if m.source == "gazetteer" or m.type == "EVT":
            continue
        doc = documents.get(m.text)
        if doc is None:
            toks = m.text.split()  # (a product's tail or a maker's model comes first, as it always did)
            doc = documents[m.text] = (_document(toks, lists) and not _model_of_maker(toks)
                                       and not (len(toks) > 1 and toks[-1].casefold() in lists["product_tails"]))
        if doc:
            banned.add(m.text)  # "Peraturan Pemerintah", "Program Keluarga Harapan", "Host Country Agreement"
            defined = _DEFINED_ACRONYM.match(text, m.end)
            if defined:
                banned.add(defined.group(1))  # "... Agreement (HCA)": the document's short name
            continue
        if m.text in banned:
            continue  # (a name banned already: every mention of it goes)
        verdict = by_words.get((m.text, m.type))
        if verdict is None:
            verdict = by_words[(m.text, m.type)] = _product_by_words(m.text, m.type, lists)
        if verdict:
            banned.add(m.text)
            continue
        around = (text[max(0, m.start - 30) : m.start], text[m.end : m.end + 20])
        verdict = by_context.get(around)
        if verdict is None:
            verdict = by_context[around] = _product_context(*around, cues, after)
        if verdict and m.text in _word_list("shared", "makers.txt"):
            # (entrec) a maker after a product word ("lini produk Huawei") is that use alone: the same
            # name elsewhere is the company ("Huawei dilaporkan mengirimkan ..."), not its products
            one_use.add((m.start, m.end))
        elif verdict:
            banned.add(m.text)
    series = [w for w in _series(text) if w[2].split()[0].casefold() not in lists["function_words"]]
    banned.update(title for _, _, title in series)  # "... khas Arab Maklum": the series' title alone, later
    banned |= _common_noun_acronyms(text, lists)
    blocked = [(a, b) for a, b, _ in index.find(banned, lists["not_entities"])] + [(a, b) for a, b, _ in series]
    inside = _Contains(blocked)
    kept = [m for m in mentions if m.text not in banned and not inside(m.start, m.end)
            and (m.start, m.end) not in one_use]
    return kept, blocked + sorted(one_use)


# A series with its season number and the season's subtitle ("Arab Maklum Season 3: Girl From Dubai",
# "Stranger Things Season 4"): a work, not an entity, nor the names inside it (eval/real-id/GUIDELINE.md).
_CAP = r"[A-Z0-9][\w'’&.-]*"
_SEASON = re.compile(r" (?:Season|Musim) \d{1,2}\b")
_TITLE_BEFORE = re.compile(rf"(?<![\w'’&.-])({_CAP}(?: {_CAP}){{0,4}})$")
_SUBTITLE = re.compile(rf": ?{_CAP}(?: {_CAP}){{0,5}}")


def _series(text: str) -> list[tuple[int, int, str]]:
    """Each series named with its season (start, end, the series' title). The season word is found
    first and the title read back over a short window, so that a long glued token costs its length
    once, not once per position in it."""
    out = []
    for hit in _SEASON.finditer(text):
        lo = max(0, hit.start() - 80)
        title = _TITLE_BEFORE.search(text, lo, hit.start())
        if title is None or title.start(1) == lo > 0:
            continue  # no title, or one cut by the window
        sub = _SUBTITLE.match(text, hit.end())
        out.append((title.start(1), sub.end() if sub else hit.end(), title.group(1)))
    return out

_DEFINED_ACRONYM = re.compile(r" ?\(([A-Z][A-Za-z]{1,7})\)")

# An acronym in brackets ("pedagang kaki lima (PKL)"), an acronym with its words in brackets after it
# ("PMS (penyakit menular seksual)"), or both in one bracket ("(autism spectrum disorder/ASD)").
_ACRONYM_AFTER_WORDS = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
# (speed12n: the look-behind after the first capital, as `_CAPITALISED_WORD`)
_WORDS_AFTER_ACRONYM = re.compile(r"([A-Z](?<![\w-].)[A-Za-z]{1,7}) ?\(([^()]{3,100})\)")
_WORDS_THEN_ACRONYM = re.compile(r"\(([^()/]{3,100})/([A-Z][A-Za-z]{1,7})\)")
_LOWER_WORD = re.compile(r"[a-z][a-z'-]*")
_ANY_WORD = re.compile(r"[A-Za-z][a-z'-]*")


def _spelled_by(words: list[str], acronym: str, skip: frozenset[str]) -> bool:
    """Whether lower-case ``words`` spell ``acronym`` by their initials, in order and all of them,
    words of ``skip`` ("pada", "of") left out where their initial is not the next letter."""
    letters = "".join(c.lower() for c in acronym if c.isalpha())
    if not words or not letters or words[0][:1] != letters[0]:
        return False

    def spell(i: int, k: int) -> bool:  # words[i:] spell letters[k:] (a few words: tried both ways)
        if i == len(words):
            return k == len(letters)
        w = words[i]
        return (k < len(letters) and w[:1] == letters[k] and spell(i + 1, k + 1)) or (
            w in skip and spell(i + 1, k))

    return spell(0, 0)


def _common_noun_acronyms(text: str, lists: dict[str, frozenset[str]]) -> set[str]:
    """Acronyms the article defines by lower-case words: "pedagang kaki lima (PKL)", "tindak pidana
    pencucian uang (TPPU)", "PMS (penyakit menular seksual)". Writers capitalise the words of a name and
    not those of a common noun, so such an acronym abbreviates a thing, a status or an offence, never an
    organisation (eval/real-id/GUIDELINE.md: generic nouns are no entities). Words that head an
    organisation or a place ("komisi", "kota") keep the acronym, for a text written all in lower case.
    An acronym a capitalised name of a thing defines goes too (`_document`: "Kredit Usaha Rakyat (KUR)"),
    and one a role defines ("Chief Operating Officer (COO)": a title, `person_ranks`). Each bracket is
    read over a short window before it: linear in the text's length. Every form has a bracket: a text
    without "(" defines none (one search, where the three patterns read every capital)."""
    if "(" not in text:
        return set()
    skip = _joined(lists["function_words"], lists["glue_words"])
    keep = _joined(lists["org_heads"], lists["gpe_heads"], lists["loc_heads"])
    roles = _joined(lists["person_ranks"], lists["role_tails"])
    found: set[str] = set()

    def fits(words: list[str], acronym: str) -> bool:
        return is_acronym(acronym) and _spelled_by(words, acronym, skip) and not any(w in keep for w in words)

    def thing(words: list[str], acronym: str) -> bool:  # "Kredit Usaha Rakyat (KUR)": see `_document`
        role = len(words) > 1 and words[-1].casefold() in roles  # "Chief Operating Officer (COO)"
        return (is_acronym(acronym) and (role or _document(words, lists))
                and _spelled_by([w.casefold() for w in words], acronym, skip))

    # the verdict on the words before a bracket and its acronym, per both: an article that defines
    # the same acronym again and again ("Badan Anu (BA)" × n) is judged once
    verdicts: dict[tuple[tuple[str, ...], str], bool] = {}
    for hit in _ACRONYM_AFTER_WORDS.finditer(text):
        acronym = hit.group(1)
        window = text[max(0, hit.start() - 100) : hit.start()].rstrip()
        tail = window.split()[-(len(acronym) + 4):]
        words: list[str] = []
        for w in reversed(tail):  # the words right before the bracket
            if not _ANY_WORD.fullmatch(w):
                break
            words.insert(0, w)
        seen = (tuple(words), acronym)
        said = verdicts.get(seen)
        if said is None:
            said = verdicts[seen] = any(
                fits(words[n:], acronym) if all(_LOWER_WORD.fullmatch(w) for w in words[n:])
                else thing(words[n:], acronym) for n in range(len(words)))
        if said:
            found.add(acronym)
    for hit in _WORDS_AFTER_ACRONYM.finditer(text):
        words = hit.group(2).split()[: len(hit.group(1)) + 4]
        while words and not _LOWER_WORD.fullmatch(words[-1]):
            words.pop()
        if all(_LOWER_WORD.fullmatch(w) for w in words) and any(
                fits(words[:n], hit.group(1)) for n in range(1, len(words) + 1)):
            found.add(hit.group(1))
    for hit in _WORDS_THEN_ACRONYM.finditer(text):
        words = hit.group(1).split()
        if all(_LOWER_WORD.fullmatch(w) for w in words) and fits(words, hit.group(2)):
            found.add(hit.group(2))
    return found


def _document(toks: list[str], lists: dict[str, frozenset[str]]) -> bool:
    """Whether a name of two words or more names a law, a regulation, an agreement or a programme (not
    an entity, eval/real-id/GUIDELINE.md): it opens with a word that heads such names in Indonesian
    (`document_heads`: "Peraturan Presiden", "Program Keluarga Harapan") or ends with one that ends
    them in English (`document_tails`: "Host Country Agreement", "Employment Rights Bill"), or names a
    thing by such a word (`concept_heads`, `concept_tails`: "Kredit Usaha Rakyat", "Human Immunodeficiency
    Virus"), written capitalised and not as an acronym ("Yayasan ACT" is a charity)."""
    if len(toks) < 2:
        return False
    first, last = toks[0].casefold(), toks[-1].casefold()
    return ((first in lists["document_heads"] or first in lists["concept_heads"]) and toks[0][1:].islower()) or (
        (last in lists["document_tails"] or last in lists["concept_tails"]) and toks[-1][1:].islower())


def _product_context(before: str, after_text: str, cues: frozenset[str], after: frozenset[str]) -> bool:
    """Whether the text before a name (its last 30 characters) ends in a product word (one or two
    words, in lower case), or the text after it (its first 20) starts with an English one
    (`_drop_products`)."""
    words = _words(before)
    if words and words[-1] in ("The", "the", "sang"):
        words.pop()  # "album The Tortured Poets Department"
    if words and words[-1].casefold() in cues and words[-1][:1].islower():
        return True
    if len(words) >= 2 and f"{words[-2]} {words[-1]}".casefold() in cues and words[-2][:1].islower():
        return True  # a two-word product word: "sistem operasi HarmonyOS", "perangkat lunak Photoshop"
    nxt = _words(after_text)
    return bool(nxt and nxt[0].casefold() in after and nxt[0][:1].islower())


def _vehicle(name: str, prefixes: frozenset[str]) -> bool:
    """Whether a name is a vessel's or a train's, by the prefix written before it ("KMP Jatra II",
    "KRI Bima Suci", "KA 76 Mataram"; `vehicle_prefixes`, matched as written): vessels and services
    are not annotated (eval/real-id/GUIDELINE.md), nor the places in their names."""
    first, _, rest = name.partition(" ")
    return first in prefixes and (rest[:1].isupper() or (rest[:1].isdigit() and " " in rest))


def _product_by_words(name: str, type_: str, lists: dict[str, frozenset[str]]) -> bool:
    """Whether a name of this type names a product by its own words (`_drop_products`)."""
    toks = name.split()
    if len(toks) > 1 and toks[-1].casefold() in lists["product_tails"]:
        return True  # "Carrot Cake", "Yaris Cross"
    if toks and _model_of_maker(toks):
        return True  # "Honda Monkey", "Samsung Galaxy": a maker and its model
    headed = bool(toks) and toks[0].casefold() in lists["heads"]  # "Gedung G1", "Komisi 2"
    # a code has a digit (`_CODE`): a name without one has none, and most names have none
    coded = _DIGIT.search(name) is not None
    if normalise(name) in lists["products"] or (
        coded and any(_CODE.match(t.strip(".,")) and not _ORDINAL.match(t) for t in toks)
        and type_ != "ORG" and not headed
    ):
        return True
    if coded and any(_CODE.match(t.strip(".,")) for t in toks[1:]) and type_ == "ORG" and not _headed_org(toks):
        return True  # "Airbus A350": a maker and its model
    # "RM900" (an amount in ringgit) as a one-word organisation
    return bool(coded and toks and _CODE.match(toks[0]) and toks[0][:2].isalpha() and toks[0][:2].isupper()
                and len(toks) == 1)


def _without_listed_opener(m: Mention, not_entities: frozenset[str]) -> Mention:
    """An acronym the model took together with a word before it that names no entity
    (`not_entities.txt`: "RUPS STTP", the shareholders' meeting of the company STTP) starts after
    it. Only an acronym: "RS Cipto" is a hospital's name, "YouTube TA Pro Music" a channel."""
    first, _, rest = m.text.partition(" ")
    if m.source == "gazetteer" or not rest or first not in not_entities or not is_acronym(rest):
        return m
    return _copy(m, m.end - len(rest), m.end, rest)


_WORD_BEFORE = re.compile(r"(\w+) $")


def _language_name(text: str, m: Mention, words: frozenset[str]) -> bool:
    """A place's name right after a lower-case language word ("diterjemahkan ke bahasa Rusia",
    "berbahasa Inggris", "Bahasa Indonesia") names the language, not an entity (GPE and LOC only: "bahasa"
    before an organisation's name is rare and not a language)."""
    if m.type not in ("GPE", "LOC"):
        return False
    before = _WORD_BEFORE.search(text[max(0, m.start - 20) : m.start])
    return before is not None and before.group(1).casefold() in words


_COMPANY_WORDS = frozenset({
    "motor", "motors", "indonesia", "group", "grup", "sales", "financial", "finance", "corporation", "corp",
    "corp.", "company", "co", "co.", "inc", "inc.", "ltd", "ltd.", "tbk", "manufacturing", "international",
    "electronics", "mobile", "astra", "prospect", "japan", "global", "asia", "technologies", "technology",
    "holdings", "plc", "llc", "ag", "bhd", "semiconductor", "automobile", "automotive", "electric", "industries",
    "industry", "music", "pictures", "entertainment", "foundation", "bank", "services", "energy",
})
"""Words after a maker's name that make the whole a company ("Honda Prospect Motor", "Samsung
Electronics Indonesia"), not a model."""


_GLUED_MAKER = re.compile(r"([A-Z][a-z]+)[A-Z]")


def _model_of_maker(toks: list[str]) -> bool:
    """Whether a name is a maker's model: it starts with a maker of `resources/shared/makers.txt`
    (also glued to the model: "HondaMonkey") and has no company word after it."""
    makers = _word_list("shared", "makers.txt")
    first = toks[0]
    maker = len(toks) > 1 and (first in makers or " ".join(toks[:2]) in makers)
    if not maker:
        glued = _GLUED_MAKER.match(first)
        maker = glued is not None and glued.group(1) in makers
    return maker and not any(t.casefold() in _COMPANY_WORDS for t in toks[1:])


def _headed_org(toks: list[str]) -> bool:
    """An organisation name that may hold a number ("SMAN 6", "Komisi VIII", "Polres 3")."""
    return not toks[-1][:1].isalpha() or (len(toks) >= 2 and toks[-1].isdigit())


def _joined_people(mentions: list[Mention]) -> list[Mention]:
    """A "person" span that holds the full names of people named elsewhere in the article with other
    words between or around them ("Donna Kelce Calls Taylor Swift" in a Title Case headline) is those
    people, each a mention of their own."""
    names = {m.text for m in mentions if m.type == "PER" and len(m.text.split()) >= 2}
    firsts: tuple[Set[str], int] | None = None  # the names' first words, read at the first mention that asks
    out = []
    for m in mentions:
        if m.type != "PER" or m.source != "model" or len(m.text.split()) < 3:
            out.append(m)
            continue
        if firsts is None:
            firsts = _first_words(names)
        inner = [(a, b) for a, b, name in _Index(m.text).find(names, first_words=firsts) if name != m.text]
        picked: list[tuple[int, int]] = []
        for s, e in sorted(inner, key=lambda x: x[0] - x[1]):
            if all(e <= a or b <= s for a, b in picked):
                picked.append((s, e))
        if not picked:
            out.append(m)
            continue
        out += [Mention(m.start + s, m.start + e, m.text[s:e], "PER", source=m.source) for s, e in sorted(picked)]
    return out


_INITIAL_END = re.compile(r"(?:^|\s)[A-Z]$")


def _middle_initial(text: str, mentions: list[Mention]) -> list[Mention]:
    # issue 11 (dev-extra-entities-en2): police blotters and court lists write people with a middle
    # initial ("Hayley N. Hull", "Robert J. Stephens"); the model stops at the initial's full stop and
    # reads the surname as a second person. A person ending in a capital letter alone, followed by its
    # full stop, a space and a person, organisation or place read by the model, is one person.
    ordered = sorted(mentions, key=_START)
    out: list[Mention] = []
    for m in ordered:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == "PER" and prev.source != "gazetteer" and m.source == "model"
                and m.start == prev.end + 2 and text[prev.end : m.start] == ". "
                and " " in prev.text and _INITIAL_END.search(prev.text) and m.text[:1].isupper()
                and " " not in m.text):
            out[-1] = _copy(prev, prev.start, m.end, text[prev.start : m.end], "PER")
            continue
        out.append(m)
    return out


def _org_then_person(mentions: list[Mention], ranks: frozenset[str]) -> list[Mention]:
    """An organisation span that ran on into the person after it is the organisation and the person:
    "Philippine Army Commandant Major General Rafael Ortega" (a rank before a name of two words or
    more), "Dinas Pendidikan Rizal Fauzi" (the full name of a person named elsewhere in the article)."""
    people = {m.text for m in mentions if m.type == "PER" and " " in m.text}
    out = []
    for m in mentions:
        words = m.text.split(" ")
        if m.type != "ORG" or m.source == "gazetteer" or len(words) < 3:
            out.append(m)
            continue
        cut = None
        ranked = [k for k, w in enumerate(words[:-2]) if w.casefold().rstrip(".") in ranks]
        if ranked and len(words) - ranked[-1] > 2 and all(w[:1].isupper() for w in words[ranked[-1] + 1 :]):
            first = ranked[0]
            while first > 0 and words[first - 1].casefold().rstrip(".") in ranks:
                first -= 1
            cut = (first, ranked[-1] + 1)
        else:
            for k in (3, 2):
                tail = words[-k:]
                if len(words) - k >= 1 and " ".join(tail) in people:
                    cut = (len(words) - k, len(words) - k)
                    break
        if cut is None:
            out.append(m)
            continue
        org_end = len(" ".join(words[: cut[0]]))
        per_start = len(" ".join(words[: cut[1]])) + 1
        if cut[0] >= 1:
            out.append(_copy(m, m.start, m.start + org_end, m.text[:org_end]))
        out.append(Mention(m.start + per_start, m.end, m.text[per_start:], "PER", source=m.source,
                           role=m.text[: per_start - 1]))
    return out


def _given_name_person(m: Mention, gazetteer: Gazetteer, lists: dict[str, frozenset[str]]) -> Mention:
    """A two- or three-word "place" from the model that starts with a common given name ("Anthony
    Davis", "Saikat Ray"; `resources/shared/given_names.txt`) is a person, unless the gazetteer knows
    it or its last word is a place or organisation word ("Victoria Park" is not in the list anyway)."""
    words = m.text.split(" ")
    if m.type not in ("LOC", "GPE") or m.source != "model" or not 2 <= len(words) <= 3:
        return m
    if words[0] not in lists.get("given_names", ()) or not all(w[:1].isupper() for w in words):
        return m
    last = words[-1].casefold()
    if last in lists["loc_tails"] or last in lists["org_tails"] or last in lists["heads"] or gazetteer.lookup(m.text):
        return m
    return _copy(m, m.start, m.end, m.text, "PER")


# (speed12n: the look-behind after the first capital, as `_CAPITALISED_WORD`)
_PERSON_RUN = re.compile(r"([A-Z](?<![\w.'’-].)[a-z]+)((?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})(?![\w'’-])")


_TOKEN_BEFORE = re.compile(r"(\S+) $")


def _unfound_people(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, lists: dict[str, frozenset[str]], blocked: _Contains
) -> list[Mention]:
    """A person's name that neither the model nor the rules found anywhere in the article ("Jay
    Idzes" in a story about his transfer): a common given name (`resources/shared/given_names.txt`)
    and one or two capitalised words after it, where nothing was found, that are no place, no
    organisation or title word and not a product; not right after another capitalised word (a longer
    name). Later steps find the person's other mentions ("Idzes")."""
    given = lists.get("given_names", frozenset())
    if not given:
        return []
    taken: _Contains | None = None  # built at the first run that opens with a given name
    spans: _Overlaps | None = None
    words = _joined(lists["heads"], lists["org_tails"], lists["loc_tails"], lists["not_names"],
                    lists["function_words"], lists["gpe_tails"])
    out: list[Mention] = []
    for hit in _PERSON_RUN.finditer(text):
        first, rest = hit.group(1), hit.group(2).split()
        s, e = hit.start(), hit.end()
        if first not in given or blocked(s, e):
            continue
        if taken is None or spans is None:
            taken = _Contains([(m.start, m.end) for m in mentions])
            spans = _Overlaps((m.start, m.end) for m in mentions)
        if taken(s, e) or spans(s, e):
            continue
        if any(w.casefold() in words or w.casefold() in lists["compass_words"] for w in rest):
            continue
        if gazetteer.lookup(hit.group()) is not None or any(gazetteer.lookup(w) is not None for w in rest):
            continue
        if _NAME_WORD_BEFORE.search(text[max(0, s - 30) : s]) and not _opens(text, s - 1 - len(
                _TOKEN_BEFORE.search(text[max(0, s - 30) : s]).group(1))):
            continue  # "Stadion Jay Idzes": part of a longer name
        out.append(Mention(s, e, hit.group(), "PER", source="rule"))
    return out


def _common_word_people(text: str, mentions: list[Mention], index: _Index) -> list[Mention]:
    """A one-word "person" that opens a sentence and that the article also writes in lower case
    ("Kalori", "Antioksidan") is a common noun, unless it is part of a full name given in the
    article ("Intan" beside "Intan Permata")."""
    parts = {w for m in mentions if m.type == "PER" and " " in m.text for w in m.text.split()}
    return [m for m in mentions if not (
        m.type == "PER" and m.source == "model" and " " not in m.text and m.text not in parts
        and m.text[1:].islower() and _opens(text, m.start) and index.has(m.text.lower())
    )]


# A degree written after a name ("Sp.PD-KEMD", "Ph.D", "M.Psi.", "S.H."), then a comma: what follows
# in the same list is a credential too.
_DEGREE_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]{0,2}\.[A-Za-z][\w.()-]*,\s*$")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.-])[A-Z]{2,8},\s*$")


def _task_teams(mentions: list[Mention], lexicon: frozenset[str], gazetteer: Gazetteer) -> list[Mention]:
    """A "Tim" named by what it does ("Tim Advokasi", "Tim Pemadam Kebakaran", "Tim Media"): a team of
    people for a task, not a named organisation (eval/real-id's dev gold leaves them unannotated). Every
    word after "Tim" is a frequent word of the language (`common_words.txt`) and none names a place
    the gazetteer knows ("Tim Nasional Indonesia" stays)."""
    def task(m: Mention) -> bool:
        words = m.text.split()
        return (m.type == "ORG" and m.source != "gazetteer" and len(words) >= 2 and words[0] == "Tim"
                and all(w[:1].isupper() and w[1:].islower() and w.lower() in lexicon
                        and gazetteer.lookup(w) is None for w in words[1:]))
    return [m for m in mentions if not task(m)]


def _credentials(text: str, mentions: list[Mention]) -> list[Mention]:
    """Acronyms in the list of degrees and fellowships after a name ("Hans Tandra, Sp.PD-KEMD, Ph.D,
    FINASIM, FACE, FACP") are credentials, not organisations or people: an acronym right after a
    degree and a comma, or after another such credential."""
    creds: set[int] = set()
    out = []
    for m in sorted(mentions, key=_START):
        if m.source == "model" and m.type in ("ORG", "PER") and 2 <= len(m.text) <= 8 and m.text.isupper():
            before = text[max(0, m.start - 30) : m.start]
            if before.rstrip().endswith(","):  # (both patterns end in a comma and white space)
                prev = _ACRONYM_BEFORE.search(before)
                if _DEGREE_BEFORE.search(before) or (prev and m.start - len(before) + prev.start() in creds):
                    creds.add(m.start)
                    continue
        out.append(m)
    return out


def _common_word_orgs(text: str, mentions: list[Mention], index: _Index, lexicon: frozenset[str],
                      gazetteer: Gazetteer) -> list[Mention]:
    """A one-word "organisation" from the model that is a frequent lower-case word of the language
    (`common_words.txt`, derived from news NER corpora) and that the article also writes in lower
    case ("Remaja" in "webinar HIV pada Remaja", "Survei", "Sekuritas", "Perjuangan") is a common noun
    capitalised in a title or a heading, unless the gazetteer knows it, it names an outlet ("Antara",
    "Tempo") or it is a word of a longer organisation in the article."""
    parts = {w for m in mentions if m.type == "ORG" and " " in m.text for w in m.text.split()}
    outlets = outlet_table().aliases  # "Antara", "Tempo": also common words; an outlet named as a source is an ORG

    def common(m: Mention) -> bool:
        low = m.text.lower()
        return (m.type == "ORG" and m.source == "model" and " " not in m.text and m.text[1:].islower()
                and low in lexicon and m.text not in parts and low not in outlets and index.has(low)
                and gazetteer.lookup(m.text) is None)
    return [m for m in mentions if not common(m)]


def _portfolio_not_person(mentions: list[Mention], lexicon: frozenset[str], given: frozenset[str]) -> list[Mention]:
    """A one-word "person" a title rule found ("Direktur Distribusi", "Direktur Manajemen Pembangkitan")
    that is a frequent lower-case word of news (`common_words.txt`) and no common given name is the
    title's portfolio, not a name; unless it is a word of a longer name in the article ("Mitra" of
    "Mitra Kencana Indonesia")."""
    parts = {w for m in mentions if " " in m.text for w in m.text.split()}
    return [m for m in mentions if not (
        m.type == "PER" and m.source == "rule" and m.role and " " not in m.text and m.text not in parts
        and m.text[1:].islower() and m.text.lower() in lexicon and m.text not in given
    )]


def _people_by_name(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A model place or organisation whose words are a person's given or family name in this
    article ("Swift" beside "Taylor Swift", "Almaraja Limbong" beside "John Waller Limbong") is a
    person. Twice, so that "Travis" follows "Travis Kelce" once that has become a person."""
    for _ in range(2):
        people = [[normalise(w) for w in m.text.split()] for m in mentions if m.type == "PER"]
        firsts = {p[0] for p in people if len(p) >= 2 and len(p[0]) >= 3}
        lasts = {p[-1] for p in people if len(p) >= 2 and len(p[-1]) >= 3}
        wholes = {tuple(p) for p in people}
        changed = False
        named: dict[str, bool] = {}  # name -> whether it is a person's, this round (names repeat)
        for i, m in enumerate(mentions):
            if m.type not in ("LOC", "ORG", "GPE") or m.source != "model" or m.key:
                continue
            hit = named.get(m.text)
            if hit is None:
                hit = named[m.text] = _person_by_name(m.text, gazetteer, firsts, lasts, wholes)
            if hit:
                mentions[i] = _copy(m, m.start, m.end, m.text, "PER")
                changed = True
        if not changed:
            break
    return mentions


def _person_by_name(name: str, gazetteer: Gazetteer, firsts: Set[str], lasts: Set[str],
                    wholes: Set[tuple[str, ...]]) -> bool:
    """Whether a name of one to three capitalised words that the gazetteer does not know is a
    person's given or family name, or a full name, of the article (`_people_by_name`)."""
    toks = [normalise(w) for w in name.split()]
    if not toks or len(toks) > 3 or not all(w[:1].isupper() for w in name.split()):
        return False
    if gazetteer.lookup(name) is not None:
        return False
    if len(toks) == 1:
        return toks[0] in firsts or toks[0] in lasts
    return toks[-1] in lasts or tuple(toks) in wholes


_EVENT_PART = re.compile(r" (?:\([A-Z][\w-]*\)|[A-Z][\w/'’-]*|[Kk]e-\d+\b|(?:19|20)\d\d\b)")
_EVENT_JOIN = re.compile(r" (?:of|and|dan|de) (?=[A-Z])")


_CAPITALISED_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]+(?![\w-])")
_EVENT_WORD_BEFORE = re.compile(r"(?<![\w/'’-])([A-Z][\w/'’-]*|of|and|dan) $")
_YEAR_NEXT_ALONE = re.compile(r" (?:19|20)\d\d(?![\w/.-])")


@functools.lru_cache(maxsize=16)
def _words_pattern(words: frozenset[str], before: str, after: str, flags: int = 0) -> re.Pattern[str] | None:
    """``before``, one of ``words`` (the longest first) and ``after`` as one pattern, or None for no
    words: made once per word list (the lists are fixed per process), where the rules that look for
    a list's words built and escaped it again for every article."""
    if not words:
        return None
    longest_first = sorted(words, key=len, reverse=True)
    if not flags & re.IGNORECASE and before.startswith("(?<!") and before.endswith(")") \
            and all(w[:1] not in ("", "\n") for w in longest_first):
        # (speed12n) the look-behind after each word's first letter, as `_CAPITALISED_WORD` has it: a
        # pattern whose alternatives each start with a letter lets `re` skip straight to those letters;
        # `w(?<!X.)` asks of the character before `w` what `(?<!X)w` does. Not so under IGNORECASE,
        # where `re` skips nothing either way.
        look = before[:-1] + ".)"
        return re.compile("(?:" + "|".join(re.escape(w[0]) + look + re.escape(w[1:]) for w in longest_first)
                          + ")" + after, flags)
    return re.compile(before + "(?:" + "|".join(map(re.escape, longest_first)) + ")" + after, flags)


@functools.lru_cache(maxsize=16)
def _lowered_words(words: frozenset[str]) -> tuple[str, ...] | None:
    """A word list in lower case, for `_word_hits`; None when a word is not all ASCII."""
    return tuple(sorted({w.lower() for w in words})) if all(w.isascii() for w in words) else None


def _word_hits(pattern: re.Pattern[str], words: frozenset[str], text: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, for ``pattern`` = `_words_pattern` of ``words`` under IGNORECASE.

    Why: such a pattern lets `re` skip nothing, so it tried every alternative at every word of the
    text (three rules: a tenth of `settle_spans`). A match starts where one of the words is written,
    case aside; when the words are ASCII and the text lowered as IGNORECASE sees it
    (`text.case.lower_as_ignorecase`) is as long as the text, those places are where the lowered
    text has the lower-case word, found by `str.find`; the pattern is tried at those alone, in text
    order and after the last match's end, as `finditer` goes: the same matches."""
    lowered = _lowered_words(words)
    low = lower_as_ignorecase(text)
    if lowered is None or len(low) != len(text):
        return list(pattern.finditer(text))
    starts: set[int] = set()
    for w in lowered:
        p = low.find(w)
        while p >= 0:
            starts.add(p)
            p = low.find(w, p + 1)
    out = []
    end = 0
    for p in sorted(starts):
        if p < end:
            continue  # inside the last match: `finditer` goes on after it
        hit = pattern.match(text, p)
        if hit is not None:
            out.append(hit)
            end = hit.end()
    return out


def _events(text: str, layer: _Layer, lists: dict[str, frozenset[str]]) -> None:
    """Named events: an event word and the name that follows it ("Piala Dunia Antarklub 2025", "HUT
    ke-498 Kota Jakarta", "Hari Ulang Tahun (HUT) Kota Jakarta ke-498"), a name ending in an event word
    ("Super Bowl", "Indo Defence Expo"), and a name the model found followed by its year ("KapanLagi
    Pensi Bareng FANTA 2025"). Mentions inside the event give way to it."""
    spans: list[tuple[int, int]] = []
    pattern = _words_pattern(lists["event_heads"], r"(?<![\w-])", r"(?![\w-])", re.IGNORECASE)
    if pattern is not None:
        for hit in _word_hits(pattern, lists["event_heads"], text):
            if not hit.group()[:1].isupper():
                continue
            end = _event_run(text, hit.end())
            if end > hit.end():
                spans.append((hit.start(), end))
    tails = lists["event_tails"]
    places = _joined(lists["loc_heads"], lists["facility_heads"])
    for hit in _CAPITALISED_WORD.finditer(text):
        if hit.group().casefold() not in tails:
            continue
        start = hit.start()
        for _ in range(MAX_PHRASE_WORDS):  # back over capitalised words, and "of"/"and" between them
            before = _EVENT_WORD_BEFORE.search(text[max(0, start - 40) : start])
            if not before:
                break
            if before.group(1) in ("and", "dan"):
                last = _EVENT_WORD_BEFORE.search(text[max(0, start - 40) : start - len(before.group(0))])
                if last and last.group(1).casefold() in tails:
                    break  # "Thailand Masters dan Taipei Open": two events, each with its own word
            if before.group(1).casefold() in places:
                break  # "Gedung Expo": a building named after an event word, and what is before it
            owner = _POSSESSIVE.search(before.group(1))
            if owner and before.group(1)[: owner.start()].casefold() not in lists["name_possessives"]:
                break  # "Edeline Lee’s London Fashion Week": the owner is not part of the event's name
            start -= len(before.group(0))
        while text[start : start + 4] in ("of ", "and ", "dan ", "The "):
            start += text[start:].index(" ") + 1
        if start < hit.start():
            spans.append((start, _event_run(text, hit.end(), year_only=True)))
    for m in layer.mentions():
        if m.source == "model" and m.type in ("ORG", "EVT"):
            year = _YEAR_NEXT_ALONE.match(text[m.end : m.end + 6])
            if year:
                spans.append((m.start, m.end + year.end()))
    retyped: set[str] = set()  # keys of organisations found to be events ("... Auto Show (GIIAS)")
    for s, e in sorted(spans, key=lambda x: x[0] - x[1]):
        inside = layer.inside(s, e)
        if inside is None or any(m.type == "EVT" and (m.start, m.end) == (s, e) for m in inside):
            continue
        same = [m.key for m in inside if (m.start, m.end) == (s, e) and m.type == "ORG" and m.key]
        retyped.update(same)
        layer.replace(inside, Mention(s, e, text[s:e], "EVT", source="rule", key=same[0] if same else None))
    for m in layer.mentions():
        if m.key in retyped and m.type == "ORG":
            m.type = "EVT"  # the acronym the article defined for it is the same event


_YEAR_NEXT = re.compile(r" (?:19|20)\d\d\b")


def _event_run(text: str, end: int, year_only: bool = False) -> int:
    """Where an event's name ends: capitalised words, "(ACR)", "ke-498" and a year after `end`
    (only a year when `year_only`)."""
    for _ in range(MAX_PHRASE_WORDS):
        nxt = _YEAR_NEXT.match(text[end : end + 6]) if year_only else _EVENT_PART.match(text, end)
        join = None if year_only else _EVENT_JOIN.match(text, end)
        if nxt:
            end = nxt.end() if not year_only else end + nxt.end()
            if year_only or _YEAR.fullmatch(nxt.group().strip()):
                return end
        elif join:
            end = join.end() - 1
        else:
            return end
    return end


_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|del|of)){0,4}"
_VERSUS = re.compile(r"(?<![\w-])(?:vs\.?|versus|kontra)(?=\s)")
# the words inside every match of `_VERSUS`, found fast: few articles write one, and then the full
# pattern (a look-behind first: tried at every position) is not scanned
_VERSUS_GATE = re.compile("vs|versus|kontra")
_LEFT_SIDE = re.compile(rf"(?<![\w.'’-])({_NAME})\s*$")
_RIGHT_SIDE = re.compile(rf"\s+({_NAME})")


def _versus_sides(text: str) -> Iterator[list[tuple[int, int]]]:
    """The two sides of each "A vs B", as [(start, end), (start, end)], each read in a window of
    the text around the word (never the whole text from every capital: linear in its length)."""
    for hit in _VERSUS.finditer(text) if _VERSUS_GATE.search(text) is not None else ():
        lo = max(0, hit.start() - 80)
        left = _LEFT_SIDE.search(text[lo : hit.start()])
        right = _RIGHT_SIDE.match(text[hit.end() : hit.end() + 80])
        if left and right:
            yield [(lo + left.start(1), lo + left.end(1)), (hit.end() + right.start(1), hit.end() + right.end(1))]


def _teams(text: str, layer: _Layer, gazetteer: Gazetteer) -> None:
    """Both sides of "A vs B" are teams or organisations ("Juventus vs Wydad Casablanca", "Google vs.
    OpenAI"), except a country, which stays the country when it stands for its team (the gold
    guideline does not resolve metonymy). Mentions inside a side give way to it."""
    for sides in _versus_sides(text):
        for g, (s, e) in enumerate(sides, 1):
            surface = text[s:e].rstrip(".")
            e = s + len(surface)
            entry = gazetteer.lookup(surface)
            if (entry is not None and entry.type in ("GPE", "LOC")) or len(surface) < 3:
                continue
            inside = layer.inside(s, e)
            if inside is None:
                continue  # crosses a mention: leave the recognisers' reading
            tail = [m for m in inside if m.end == e and m.start > s]
            if g == 1 and tail and " " not in text[s : tail[0].start].strip() and _opens(text, s):
                s, surface = tail[0].start, tail[0].text  # "Laga Persib vs ...": the sentence's first word
                inside = [m for m in inside if m.start >= s]
            if len(inside) == 1 and inside[0].type == "ORG" and (inside[0].start, inside[0].end) == (s, e):
                continue
            layer.replace(inside, Mention(s, e, surface, "ORG", source="rule", key=entry.id if entry else None))


_NAME_RUN_BEFORE = re.compile(r"(?:(?<![\w'’-])[A-Z][\w'’-]* (?:(?:dan|and|of) )?){1,6}$")
_BRACKET_THEN_NAME = re.compile(r" \(([A-Z][A-Za-z]{1,9})\)((?: (?:[A-Z][\w-]*|(?:19|20)\d\d\b)){1,3})")


def _bracket_inside_name(text: str, layer: _Layer, lists: dict[str, frozenset[str]]) -> None:
    """An acronym in brackets inside an organisation's name stays inside the one span when the name
    goes on after it ("Panitia Khusus (Pansus) Haji", "Pemerintah Provinsi (Pemprov) DKI Jakarta"), as
    the gold guideline has it; when another organisation follows, the bracket ends the name
    ("Satuan Reserse Narkoba (Satresnarkoba) Polresta Banyuwangi", "... (PLPM) KPK"), and so it does
    when a person follows, the holder of a role ("Ketua Dewan Ekonomi Nasional (DEN) Luhut Binsar
    Pandjaitan" is the council, its acronym and the person)."""
    for hit in _BRACKET_THEN_NAME.finditer(text):
        if hit.group(2).split()[0].casefold() in lists["org_heads"]:
            continue  # another organisation's name after the bracket (looked at first: the cheaper test)
        before = text[max(0, hit.start() - 80) : hit.start() + 1]
        run = _NAME_RUN_BEFORE.search(before)
        if run is None:
            continue
        words = run.group().split()
        heads = [k for k, w in enumerate(words) if w.casefold() in lists["org_heads"]]
        if not heads:
            continue
        s, e = hit.start() + 1 - len(run.group()), hit.end()
        s += len(" ".join(words[: heads[0]])) + (1 if heads[0] else 0)  # from the organisation word on
        after = [x for x in layer.held.overlapping(hit.end(1) + 1, e) if (x.type == "ORG" and (
            x.source == "gazetteer" or is_acronym(x.text) or x.text.split()[0].casefold() in lists["org_heads"]))
            or (x.type == "PER" and x.start == hit.end(1) + 2)]
        # another organisation after the bracket ends the name before it: "(PLPM) KPK"; so does a
        # person named right after it, the role's holder ("Kepala Kantor Kepresidenan (PCO) Hasan Nasbi")
        if after:
            e = after[0].start - 1
            if e <= hit.end(1) + 1:
                continue
        inside = layer.inside(s, e)
        if inside is None:
            continue
        acronym = next((x for x in inside if x.text == hit.group(1) and x.key), None)
        # the name without its bracket is the key, so that the name written out elsewhere joins it
        plain = text[s : hit.start()] + text[hit.end(1) + 1 : e]
        key = acronym.key if acronym is not None else f"name:{normalise(plain)}"
        layer.replace(inside, Mention(s, e, text[s:e], "ORG", source="rule", key=key))


_NAME_WORDS_BEFORE = re.compile(r"(?:(?<![\w'’-])[A-Z][\w'’-]* ){1,3}$")


def _natural_places(text: str, layer: _Layer, lists: dict[str, frozenset[str]]) -> None:
    """Natural places named with their kind ("Thitu Island", "West Philippine Sea", "Spratly
    Islands"): one LOC, over the mentions inside it, and so are streets ("Frederick Road", "Main St.",
    `street_abbreviations` with their dot); a unit named with its kind after the name ("Howard
    County", `gpe_tails`) is one GPE the same way."""
    short = lists["street_abbreviations"]
    tails = _joined(lists["loc_tails"], lists["gpe_tails"], short)
    if not tails:
        return
    for hit in _CAPITALISED_WORD.finditer(text):
        if hit.group().casefold() not in tails:
            continue
        words = _NAME_WORDS_BEFORE.search(text[max(0, hit.start() - 60) : hit.start()])
        if words is None:
            continue
        s = hit.start() - len(words.group())
        while text[s : s + 4] == "The ":
            s += 4
        if s >= hit.start():
            continue
        inside = layer.inside(s, hit.end())
        if inside is not None:
            type_ = "GPE" if hit.group().casefold() in lists["gpe_tails"] else "LOC"
            # "Main St.": an abbreviated tail keeps its dot; a sentence's full stop stays out ("Red Sea.")
            end = hit.end() + (text[hit.end() : hit.end() + 1] == "." and hit.group().casefold() in short)
            inside = layer.inside(s, end) if end > hit.end() else inside
            if inside is not None:
                layer.replace(inside, Mention(s, end, text[s:end], type_, source="rule"))


def _agencies(text: str, layer: _Layer, lists: dict[str, frozenset[str]]) -> None:
    """A regional agency written by its short name ("Dishub", "Bapenda", "Satpol PP";
    `agency_short_forms`) is an organisation, as the gold guideline has it, wherever it is written
    capitalised and nothing else was found there; its seat after it is joined later (`_org_with_place`)."""
    pattern = _words_pattern(lists["agency_short_forms"], r"(?<![\w-])", r"(?![\w-])", re.IGNORECASE)
    if pattern is None:
        return
    for hit in _word_hits(pattern, lists["agency_short_forms"], text):
        s, e = hit.span()
        if not hit.group()[:1].isupper() or layer.held.overlaps(s, e):
            continue
        layer.replace([], Mention(s, e, hit.group(), "ORG", source="rule"))


def _institutions(text: str, layer: _Layer, lists: dict[str, frozenset[str]], blocked: _Contains) -> None:
    """An English legislature or institution named by its one word ("the Senate", "the Legislature",
    "told Parliament"; `institution_words`) is an organisation, as the gold guideline has it, where it
    is written capitalised inside a sentence, stands alone (no capitalised word right before it: "Indiana
    Senate", "Opening of Parliament" are longer names) and nothing else was found there."""
    words = lists["institution_words"]
    for hit in _CAPITALISED_WORD.finditer(text):
        word = hit.group()
        s, e = hit.span()
        if word.casefold() not in words or _opens(text, s) or layer.held.overlaps(s, e) or blocked(s, e):
            continue
        before = re.search(r"(\S+) $", text[max(0, s - 40) : s])
        if before is None or before.group(1)[:1].isupper() or before.group(1) == "of":
            continue
        layer.replace([], Mention(s, e, word, "ORG", source="rule"))


# (speed12n) The look-behind comes after the first capital: `re` skips straight to the characters a
# pattern can start with only when it starts with a character class, and tries one that starts with
# a look-behind at every position of the text. `[A-Z](?<![...].)` asks the same of the character
# before the capital as `(?<![...])[A-Z]` (the `.` is the capital itself; at the text's start both
# pass): the same matches (`tests/entities/test_speed12n.py`).
_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w'’-].)[a-z]+(?![\w'’-])")

_FACILITY_WORD = re.compile(r" ([A-Z][\w'’-]*\.?|[A-Z]\.)")


def _facilities(text: str, layer: _Layer, gazetteer: Gazetteer, lists: dict[str, frozenset[str]]) -> None:
    """A place named by its kind first and its name after ("Jalan Arif Rahman Hakim", "Kebun Raya
    Bogor", "Balai Kota Depok", "Plaza Bogor"; `facility_heads`): one LOC over the pieces the model
    found ("Kebun Raya" + "Bogor", "Balai" + "Kota Depok"). The name is the capitalised words after
    the head; a town right after the head is the name ("Plaza Bogor"), after other name words it is
    a place of its own ("Jalan Margonda Raya" in Depok)."""
    pattern = _words_pattern(lists["facility_heads"], r"(?<![\w-])", r"(?= [A-Z])", re.IGNORECASE)
    if pattern is None:
        return
    for hit in _word_hits(pattern, lists["facility_heads"], text):
        if not hit.group()[:1].isupper():
            continue
        end = hit.end()
        named = 0
        for _ in range(MAX_PHRASE_WORDS - 2):
            w = _FACILITY_WORD.match(text, end)
            if w is None:
                break
            word = w.group(1)
            if named and gazetteer.lookup(word.rstrip(".")) is not None:
                break  # "Jalan Margonda Raya Depok": the town is a place of its own
            if word.endswith(".") and len(word) > 3:
                end = w.end() - 1  # a sentence's full stop, not an abbreviation ("Ir.", "H.")
                named += 1
                break
            end = w.end()
            named += 1
        if not named:
            continue
        inside = layer.inside(hit.start(), end)
        if inside is None or any(m.type in ("LOC", "ORG", "EVT") and (m.start, m.end) == (hit.start(), end)
                                 for m in inside):
            continue
        layer.replace(inside, Mention(hit.start(), end, text[hit.start() : end], "LOC", source="rule"))


def _schools(text: str, layer: _Layer, gazetteer: Gazetteer, lists: dict[str, frozenset[str]]) -> None:
    """Numbered schools with their town: "SMAN 1 Bandung", "SMA Negeri 3 Garut", "SMAN 6" (the
    state-school forms; "SD 5" needs its town)."""
    pattern = _words_pattern(lists["school_heads"], r"(?<![\w-])", r" \d{1,3}\b((?: [A-Z][\w-]*){0,3})")
    if pattern is None:
        return
    for hit in pattern.finditer(text):
        s, e = hit.start(), hit.start(1)
        town = hit.group(1).split()
        for k in range(len(town), 0, -1):  # the longest run of words after it that is a known place
            entry = gazetteer.lookup(" ".join(town[:k]))
            if entry is not None and entry.type == "GPE":
                e = hit.start(1) + len(" " + " ".join(town[:k]))
                break
        head = text[s:e].split()[0]
        if e == hit.start(1) and len(head) <= 3 and not head.endswith("N"):
            continue  # "SD 5" alone may be a count ("SD 5 orang"); "SDN 5" is a school
        inside = layer.inside(s, e)
        if inside is not None:
            layer.replace(inside, Mention(s, e, text[s:e], "ORG", source="rule"))


def _is_place(gazetteer: Gazetteer, name: str) -> bool:
    entry = gazetteer.lookup(name)
    return entry is not None and entry.type in ("GPE", "LOC")


def _every_occurrence(
    text: str, mentions: list[Mention], blocked: _Contains, gazetteer: Gazetteer,
    lists: dict[str, frozenset[str]], index: _Index, english: bool = False,
) -> list[Mention]:
    """Every other occurrence of a name the recognisers found once in the article, where nothing
    else was found (one sense per name in one article): the model reads sentence by sentence and
    misses a name in a context it did not learn ("LRT Jabodebek juga ..."). Where a rule typed a
    name (a team by "vs", a person by a title), the model's other readings of it follow the rule."""
    ruled = {m.text: m.type for m in mentions if m.source == "rule" and m.type in ("ORG", "PER", "EVT")}
    for m in mentions:  # "Wydad" after the team "Wydad Casablanca": a name and its home town
        if m.source != "rule" or m.type != "ORG" or " " not in m.text:
            continue
        first, _, rest = m.text.partition(" ")
        if rest and _is_place(gazetteer, rest):
            ruled.setdefault(first, "ORG")
    mentions = [_copy(m, m.start, m.end, m.text, ruled[m.text])
                if m.source == "model" and m.text in ruled and not m.key else m for m in mentions]
    seen: dict[str, Mention] = {}
    for m in mentions:
        if (m.source != "gazetteer" and m.type in ("PER", "ORG", "GPE", "LOC", "EVT") and len(m.text) >= 3
                and m.text[:1].isupper()):
            seen.setdefault(m.text, m)
    layer = _Layer(mentions)
    for s, e, surface in index.find(seen):
        if layer.held.overlaps(s, e) or blocked(s, e) or _in_longer_name(text, s, e, lists["not_names"], index):
            continue
        m = seen[surface]
        layer.replace([], Mention(s, e, surface, m.type, source="rule", key=m.key))
    known = {m.text: m for m in mentions if len(m.text) >= 4 and m.text[:1].isupper() and m.type != "OTHER"}
    for s, e, surface in _glued(text, known, index, english):
        inner = layer.inside(s, e)
        if inner is None or blocked(s, e) or (inner and " " not in surface):
            continue
        # a name of two words or more takes in what was found inside its glued occurrence ("Manchester"
        # of "Manchester Uniteddiketahui", "Onana" of "KiperAndre Onananasibnya")
        m = known[surface]
        layer.replace(inner, Mention(s, e, surface, m.type, source="rule", key=m.key))
    return layer.mentions()


_CAMEL = re.compile(r"(?<=[a-z])[A-Z]")


_LETTERS_BEFORE = re.compile(r"[A-Za-z]+$")
_SMALL_LETTERS = re.compile(r"[a-z]{2,}")


def _glued(text: str, names: dict[str, Mention], index: _Index, english: bool = False) -> list[tuple[int, int, str]]:
    """Names of the article written elsewhere glued to a neighbouring word by a scraper that dropped
    the spaces of a link ("presenterJessica Iskandarsedang", "PenyanyiDenadamencuri"): where the name
    starts at a word's start or at a lower-to-upper case change, and ends at a word's end, at a case
    change, or before lower-case letters that form a word the article writes alone ("sedang"); a
    one-word name needs that evidence on both sides; a capitalised word before it only when it opens
    the sentence ("TransJakarta" is one name). The gold guideline keeps such mentions. In ``english``
    text lower-case letters after a name are a suffix, not a glued word ("European", "New Yorkers"):
    only a case change is a seam on the right."""
    by_prefix: dict[str, list[str]] = {}
    for name in names:
        by_prefix.setdefault(name[:4], []).append(name)
    out = []
    for p in _name_starts(text, by_prefix, index):
        for name in by_prefix[text[p : p + 4]]:
            e = p + len(name)
            if not text.startswith(name, p):
                continue
            left_glued = p > 0 and text[p - 1].isalpha()
            nxt = text[e : e + 1]
            right_glued = nxt.isalpha() or nxt.isdigit()
            if not (left_glued or right_glued):
                continue  # a whole word: found already
            if left_glued:
                word = _LETTERS_BEFORE.search(text[max(0, p - 30) : p])
                if not (text[p - 1].islower() and word and (word.group() in index.words or " " in name)):
                    continue
                if not word.group().islower() and not _opens(text, p - len(word.group())):
                    continue  # "TransJakarta": a capitalised word glued to a name is one name
            if right_glued:
                rest = _SMALL_LETTERS.match(text[e : e + 30])
                camel = nxt.isupper() and text[e - 1].islower()
                if not (camel or (not english and rest
                                  and (rest.group() in index.words or (" " in name and not left_glued)))):
                    continue
            out.append((p, e, name))
    return out


_TOKEN_CHAR = re.compile(r"[\w-]")


_FIND_KEYS_MAX = 64
"""Up to how many names' first four characters `_name_starts` finds by `str.find`: a pass costs about
the text's length over a few GB/s, the listing about a tenth of a microsecond per token (a token per
six characters or so); at 64 passes the two are about even."""


def _name_starts(text: str, by_prefix: dict[str, list[str]], index: _Index) -> list[int]:
    """Where `_glued` looks for a name: the starts of the article's tokens, then its lower-to-upper case
    changes (`_CAMEL`), each in text order, less those where the four characters there open no name
    (``by_prefix``'s keys).

    Why: every token start and case change was listed, and the text there sliced and looked up, for
    the dozen names of an article; the places where a name's first four characters are written are
    found by `str.find` (in C), and only those are tested for a token start (a token character with
    none before it, `_TOKEN`) or a case change, which is what the two lists held. Names shorter than
    four characters (a key that is not four characters long) take the listing as it was, and so do
    many names (`_FIND_KEYS_MAX`): one `str.find` pass per name reads the whole text, and a long text
    has as many names as it has paragraphs, so those passes grew with the square of its length (4.5 of
    a 2 MB article's 11 CPU-s in the entities stage), where the listing grows with the text."""
    if len(by_prefix) > _FIND_KEYS_MAX or any(len(key) != 4 for key in by_prefix):
        starts = [a for a, _ in index.spans] + [m.start() for m in _CAMEL.finditer(text)]
        return [p for p in starts if text[p : p + 4] in by_prefix]
    tokens: list[int] = []
    changes: list[int] = []
    for key in by_prefix:
        p = text.find(key)
        while p >= 0:
            if _TOKEN_CHAR.match(key) and (p == 0 or not _TOKEN_CHAR.match(text, p - 1)):
                tokens.append(p)  # (a token starts with a token character after none)
            elif p > 0 and "A" <= key[0] <= "Z" and "a" <= text[p - 1] <= "z":
                changes.append(p)  # `_CAMEL`: an ASCII capital after an ASCII small letter
            p = text.find(key, p + 1)
    tokens.sort()
    changes.sort()
    return tokens + changes


_NAME_WORD_BEFORE_IN_SENTENCE = re.compile(r"(^|.{2})([A-Z][\w'’-]*) $", re.DOTALL)


def _in_longer_name(text: str, s: int, e: int, not_names: frozenset[str], index: _Index) -> bool:
    """Whether text[s:e] has a capitalised word right before it ("City" in "Man City"): part of a
    longer name, which is another thing; unless that word only opens the sentence (written in lower
    case elsewhere: "Laga Pachuca"). A word after it may be its seat ("LRT" in "LRT Jakarta")."""
    before = _NAME_WORD_BEFORE_IN_SENTENCE.search(text[max(0, s - 30) : s])
    if before is None:
        return False
    opens_sentence = _opens(text, s - len(before.group(0)) + len(before.group(1)))
    # a sentence's first word is part of the name unless it is a function word or the article also
    # writes it in lower case
    opener = before.group(2)
    return not opens_sentence or not (opener.casefold() in not_names or index.has(opener.lower()))


def _org_with_place(text: str, mentions: list[Mention], seat_words: frozenset[str]) -> list[Mention]:
    """An organisation directly followed by a place the gazetteer knows is one organisation when its
    name ends in an acronym or a unit word, is three words or more, or the place is "RI" ("LRT
    Jakarta", "Polresta Banyuwangi", "IGI School of Economics Jakarta", "Kementerian Pertahanan RI"):
    the place names the unit's seat, the mention is the unit, as annotated in eval/real-id (the
    outermost name only)."""

    def join(m: Mention, nxt: Mention) -> Mention | None:
        if m.type != "ORG" or nxt.type != "GPE" or nxt.source != "gazetteer" or text[m.end : nxt.start] != " ":
            return None
        last = m.text.split()[-1]
        if (
            (m.key is None or nxt.text == "RI" or last.casefold() in seat_words)
            and (
                (is_acronym(last) and len(last) >= 3)
                or last.casefold() in seat_words
                or nxt.text == "RI"
                or (m.source != "gazetteer" and len(m.text.split()) >= 3)
            )
        ):
            return _copy(m, m.start, nxt.end, text[m.start : nxt.end])
        return None

    return _absorb_next(mentions, join)


def settle_kept(text: str, mentions: list[Mention], language: str = "id") -> list[Mention]:
    """The last settling rules, on the mentions the stage keeps (after
    `linimasa.entities._confirm_lone`, which judges each mention by the span and type the model
    gave it): organisations named side by side (`_org_chains`), outlets by their domain name
    (`_outlet_name`), an organisation without the organ before it (`_without_organ`)."""
    lists = _lists(language)
    out = [_without_organ(_outlet_name(text, m), lists["org_organs"]) for m in mentions]
    out = _cued_events(text, out, lists["event_cues"], lists["not_entities"])
    out = _cued_events(text, out, lists["weak_event_cues"], lists["not_entities"], retype=False)
    if language == "en":
        out = [_body_of_acronym(text, m, lists["org_tails"]) for m in out]
    return _org_chains(text, out)


_EVENT_NAME = re.compile(r" ['‘\"“]?([A-Z][\w'’-]*(?: (?:[A-Z0-9][\w'’-]*|of|the|and)){0,6})['’\"”]?")


def _cued_events(text: str, mentions: list[Mention], cues: frozenset[str],
                 not_entities: frozenset[str] = frozenset(), retype: bool = True) -> list[Mention]:
    """A capitalised name right after an event's word ("ajang Indonesia Outing Expo 2025", "gelaran
    E-Rallytage", `event_cues`) is a named event: a kept organisation of just that name is retyped
    (``retype``), a name nothing found is added; one that overlaps other mentions is left alone."""
    if not cues:
        return mentions
    pattern = _words_pattern(cues, r"(?<![\w-])", r"(?=[ ])")
    if pattern is None:
        return mentions
    by_span = {(m.start, m.end): m for m in mentions}
    overlaps: _Overlaps | None = None  # built at the first name that needs it
    out = list(mentions)
    for hit in pattern.finditer(text):
        name = _EVENT_NAME.match(text, hit.end())
        if name is None:
            continue
        s, e = name.start(1), name.end(1)
        while text[s:e].split(" ")[-1] in ("of", "the", "and"):
            e = s + text[s:e].rindex(" ")
        same = by_span.get((s, e))
        if same is not None:
            if retype and same.type == "ORG" and same.source != "gazetteer":  # not a place: "ajang Eropa"
                out[out.index(same)] = _copy(same, s, e, same.text, "EVT")
            continue
        if e - s < 4:
            continue  # "acara TV": a common noun's short form, not a name
        if text[s:e] in not_entities:
            continue  # (a kind of ceremony, "acara Ngunduh Mantu": not_entities.txt)
        if overlaps is None:
            overlaps = _Overlaps(by_span)
        if overlaps(s, e):
            continue
        out.append(Mention(s, e, text[s:e], "EVT", source="rule"))
    return sorted(out, key=_START)


_CAPITALISED_RUN = re.compile(r"(?: [A-Z][a-z]+){1,4}")


def _body_of_acronym(text: str, m: Mention, tails: frozenset[str]) -> Mention:
    """An organisation's acronym followed by the capitalised name of one of its bodies, ending in an
    organisation's word, is that body: "UN General Assembly", "EU Foreign Affairs Council" (the model
    tags the acronym alone; eval/real-id/GUIDELINE.md marks the outermost name)."""
    if m.type != "ORG" or not is_acronym(m.text):
        return m
    run = _CAPITALISED_RUN.match(text, m.end)
    if run is None:
        return m
    words = run.group().split()
    while words and words[-1].casefold() not in tails:
        words.pop()
    if not words:
        return m
    end = m.end + len(" " + " ".join(words))
    out = _copy(m, m.start, end, text[m.start : end])
    out.key = None
    return out


def _without_organ(m: Mention, organs: frozenset[str]) -> Mention:
    """An organisation's organ before its name is part of a role, not of the name: "Dewan Pembina
    Yayasan Golden Nusantara" -> "Yayasan Golden Nusantara" (`org_organs`)."""
    if m.type != "ORG" or m.source == "gazetteer":
        return m
    words = m.text.split(" ")
    for n in (2, 1):
        if len(words) > n + 1 and " ".join(words[:n]).casefold() in organs and words[n][:1].isupper():
            cut = len(" ".join(words[:n])) + 1
            out = _copy(m, m.start + cut, m.end, m.text[cut:])
            out.key = None
            return out
    return m


# A web outlet's name ("Liputan6.com", "Kompas.com", "Fimela.com") and what a scraper glued after it
# ("Liputan6.comdari" = "Liputan6.com dari"): a domain never goes on in lower-case letters.
# Capitalised, as outlets write their names: a lower-case one may be the tail of a word a seam opened
# wrongly ("Amalsh oleh.com" of "Amalsholeh.com").
_DOMAIN = re.compile(r"(?<![\w.])([A-Z][\w-]*\.(?:co\.id|com|net|org|id))(?=[a-z]*$)")


def _outlet_name(text: str, m: Mention) -> Mention:
    """A mention holding a web outlet's name is that outlet (ORG), without the desk or team written
    before it and the word glued after it: "Tekno Liputan6.com", "TimLifestyle Liputan6.comdari",
    "Showbiz Liputan6.comkali" -> "Liputan6.com" (eval/real-id/GUIDELINE.md: media named as a
    source are organisations; a desk is not part of the outlet's name)."""
    if m.source == "gazetteer" or "." not in m.text:
        return m
    last = m.text.split(" ")[-1]
    hit = _DOMAIN.search(last)
    if hit is None:
        return m
    start = m.end - len(last) + hit.start()
    end = m.end - len(last) + hit.end()
    if (start, end) == (m.start, m.end) and m.type == "ORG":
        return m
    out = _copy(m, start, end, text[start:end], "ORG")
    out.role = None
    return out


def _org_chains(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation directly followed by another, across one space, is one organisation: a unit
    and the body it belongs to ("Satresnarkoba Polresta Banyuwangi", "Jampidsus Kejagung RI", "Pansus
    Haji DPR", "Kortas Tipikor Polri"), or one name read in two ("Persijap Jepara", "Perum Perindo").
    News names two organisations side by side only with a comma, a conjunction or a bracket between
    them; a chain without one is the outermost name, the one mention annotated (eval/real-id/
    GUIDELINE.md: "a chain of unit names with no bracket is one mention"). The chain is its own
    entity: the keys of its parts do not name it. Run on the mentions the stage keeps (`settle_kept`):
    a role the model read as an organisation and that nothing
    vouched for ("Majelis Hakim", "Guru Besar Hukum") is gone by then and joins nothing."""

    def join(m: Mention, nxt: Mention) -> Mention | None:
        if m.type != "ORG" or nxt.type != "ORG" or text[m.end : nxt.start] != " " or "(" in m.text:
            return None  # (a name with a bracket in it, "Panitia Kerja (Panja) Pangan", ends there)
        chain = _copy(m, m.start, nxt.end, text[m.start : nxt.end])
        chain.key = None
        return chain

    return _absorb_next(mentions, join)


@functools.cache
def _org_forms(language: str) -> tuple[dict[str, str], tuple[str, ...]]:
    short: dict[str, str] = {}
    tails: list[str] = []
    for lang in dict.fromkeys([language if language in resources.languages() else "id", "en"]):
        data = resources.load_or_empty(lang, "entities") or {}
        short.update({normalise(str(k)): normalise(str(v)) for k, v in (data.get("org_short_forms") or {}).items()})
        tails += [normalise(str(t)) for t in data.get("org_key_drop_tails") or []]
    return short, tuple(sorted(set(tails), key=len, reverse=True))


def _org_key(m: Mention, gazetteer: Gazetteer, language: str) -> Mention:
    """One key for the forms of one organisation's name: "Pemprov Banten", "Pemerintah Provinsi
    Banten" and "Pemerintah Banten" (a province's government); "Komisi VIII DPR RI" and "Komisi VIII
    DPR". The link stage merges mentions by key."""
    if m.type != "ORG" or m.key:
        return m
    short, tails = _org_forms(language)
    words = normalise(m.text).split()
    if not words:
        return m
    if words[0] in short:
        words = short[words[0]].split() + words[1:]
    if words[:1] == ["pemerintah"] and words[1:2] != ["provinsi"] and len(words) > 1:
        entry = gazetteer.lookup(" ".join(words[1:]))
        if entry is not None and entry.id.startswith("id-prov:"):
            words = ["pemerintah", "provinsi", *words[1:]]
    name = " ".join(words)
    for t in tails:
        if name.endswith(" " + t) and len(name) > len(t) + 3:
            name = name[: -len(t) - 1]
            break
    if name == normalise(m.text):
        return m
    keyed = _copy(m, m.start, m.end, m.text)
    keyed.key = f"name:{name}"
    return keyed


_EDITION_WORD_NEXT = re.compile(r" ([A-Z][\w-]*|(?:19|20)\d\d\b)")
_EDITION_RANGE_NEXT = re.compile(r"[-/]\d{2,4}\b")


def _event_editions(text: str, mentions: list[Mention]) -> list[Mention]:
    """An event name with the capitalised words and the year that follow it: "Piala Dunia" +
    "Antarklub 2025", "KapanLagi Pensi Bareng FANTA" + "2025"."""
    starts = sorted(m.start for m in mentions)
    out = []
    for m in mentions:
        if m.type != "EVT":
            out.append(m)
            continue
        end = m.end
        limit = starts[k] if (k := bisect.bisect_right(starts, m.start)) < len(starts) else len(text)
        for _ in range(MAX_PHRASE_WORDS):
            w = _EDITION_WORD_NEXT.match(text[end : end + 40])
            if not w or end + w.end() > limit:
                break  # the next word belongs to another mention
            end += w.end()
            if _YEAR.fullmatch(w.group(1)):
                if _EDITION_RANGE_NEXT.match(text[end : end + 5]):
                    end -= w.end()  # a season ("Liga 1 2025-2026") is no edition of the event
                break
        out.append(_copy(m, m.start, end, text[m.start : end]) if end != m.end else m)
    return out


def _role_led_org(m: Mention, ranks: frozenset[str], lists: dict[str, frozenset[str]],
                  english: bool = False) -> Mention | None:
    """A model organisation that starts with a role ("CMO Tokocrypto", "Editor-in-Chief Alessandra
    Galloni") is what follows the role: the organisation, or a person where what follows is a name
    of two or three capitalised words with no organisation word in it; a role alone is no mention."""
    if m.type != "ORG" or m.source != "model":
        return m
    words = m.text.split(" ")
    if words[0].casefold() in lists["function_words"]:
        return m  # "The Sun", "The New York Times": an article opens the name, not a role
    k = 0
    while k < len(words) and words[k].casefold().rstrip(",") in ranks:
        k += 1
    if k == 0:
        return m
    lead = [w.casefold().rstrip(",") for w in words[:k]]
    if english and k < len(words) and all(w in lists["title_words"] and w not in lists["function_words"]
                                          for w in lead):
        # "National Bank", "National Post": in English a portfolio's word with no role after it opens
        # the name (in Indonesian one opens a role: "Menteri Agama ...", "Koordinator Prodi ...")
        return m
    if k == len(words) or not words[k][:1].isupper():
        return None
    cut = len(" ".join(words[:k])) + 1
    name = words[k:]
    # "Head of Wings Air": a role ending in "of", "for" ... names the organisation after it
    person = 2 <= len(name) <= 3 and words[k - 1].casefold() not in lists["function_words"] and all(
        w[:1].isupper() and w.casefold() not in lists["heads"] and w.casefold() not in lists["org_tails"] for w in name
    )
    rest = _copy(m, m.start + cut, m.end, m.text[cut:], "PER" if person else None)
    rest.role = m.text[: cut - 1] if person else None
    return rest


def _role_ending_org(m: Mention, lists: dict[str, frozenset[str]]) -> bool:
    """A model organisation that ends in a role word ("Senate Democratic Leader", "House Majority
    Whip") names an office held by a person, not the organisation: no mention. With a function word
    inside ("Office of the Leader of the Opposition") the name is an organisation's and stays."""
    if m.type != "ORG" or m.source != "model":
        return False
    words = m.text.casefold().split()
    return len(words) >= 2 and words[-1] in lists["role_tails"] and not any(
        w in lists["function_words"] for w in words)


def _party_adjective(text: str, m: Mention, adjectives: frozenset[str]) -> bool:
    """Whether a one-word mention is a party adjective ("the Democratic vice president", "a
    Republican effort"): the party is named by its noun ("Democrats", "GOP") or its full name."""
    return " " not in m.text and m.text.casefold() in adjectives and m.source != "gazetteer"


_LEGAL_FORM = re.compile(r" ?\((?:Persero|Perseroda|Perum)\)(?: Tbk\.?)?| Tbk\.?(?![\w])")


def _legal_form_after(text: str, mentions: list[Mention]) -> list[Mention]:
    """A legal form written after a company's name is part of it ("PT Perusahaan Listrik Negara
    (Persero)", "PT Bank Tabungan Negara Tbk", GUIDELINE.md 3): the span runs on over it, and a
    mention of the form alone ("Persero") goes."""
    out: list[Mention] = []
    absorbed: list[tuple[int, int]] = []
    for m in mentions:
        hit = _LEGAL_FORM.match(text, m.end) if m.type == "ORG" else None
        if hit is None:
            out.append(m)
            continue
        out.append(_copy(m, m.start, hit.end(), text[m.start : hit.end()]))
        absorbed.append((m.end, hit.end()))
    if not absorbed:
        return out
    inside = _Contains(absorbed)
    return [m for m in out if not inside(m.start, m.end)]


_COMPANY_FORM = re.compile(r"(?:^|\s)(?:Inc|Corp|Ltd|Co|Plc|PLC|LLC|Bhd|AG|SA|NV|GmbH|K\.K\.|S\.A\.|N\.V\.|B\.V\.)$")


def _company_form(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name that ends in a company's legal form ("Dell Technologies Inc", "Dollar General Corp") is
    an organisation, whatever the model read, and its abbreviation's full stop is part of the name
    ("Dye & Durham Ltd.": the span the reader sees)."""
    out = []
    for m in mentions:
        if m.source == "gazetteer" or " " not in m.text or not _COMPANY_FORM.search(m.text):
            out.append(m)
            continue
        end = m.end + 1 if text[m.end : m.end + 1] == "." and m.text.split()[-1][:1].isupper() \
            and m.text.split()[-1] not in ("AG", "SA", "NV", "PLC") else m.end
        out.append(_copy(m, m.start, end, text[m.start : end], "ORG"))
    return out


_CAPITAL_NEXT = re.compile(r" [A-Z]")
_BRACKETED_CAPITALS_NEXT = re.compile(r" \(([A-Z]{2,8})\)")


def _of_place(text: str, mentions: list[Mention], lists: dict[str, frozenset[str]]) -> list[Mention]:
    """An English organisation whose name ends in "of <country or city>" ("Civil Aviation Authority of
    Nepal", "Constitutional Democratic Party of Japan", "Bank of Canada") is one name: the model
    stops before "of" and the gazetteer takes the place. Only where the organisation's name ends in
    a word that heads or ends organisation names (authority, party, bank ...)."""
    ordered = sorted(mentions, key=_START)
    words = _joined(lists["org_tails"], lists["org_heads"])
    out: list[Mention] = []
    skip: set[int] = set()
    acronyms: dict[str, str] = {}
    for i, m in enumerate(ordered):
        if i in skip:
            continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if (m.type == "ORG" and nxt is not None and nxt.type == "GPE" and nxt.source == "gazetteer"
                and text[m.end : nxt.start] == " of " and m.text.split()[-1].casefold() in words
                and not _CAPITAL_NEXT.match(text[nxt.end : nxt.end + 2])):
            joined = _copy(m, m.start, nxt.end, text[m.start : nxt.end])
            # an acronym defined for the name keeps it ("CAAN"); a gazetteer's entity is another one
            joined.key = m.key if m.source != "gazetteer" else None
            bracket = _BRACKETED_CAPITALS_NEXT.match(text[nxt.end : nxt.end + 12])
            initials = "".join(w[0] for w in joined.text.split() if w[:1].isupper())
            if bracket and bracket.group(1) == initials:  # "Civil Aviation Authority of Nepal (CAAN)"
                joined.key = f"name:{normalise(joined.text)}"
                acronyms[bracket.group(1)] = joined.key
            out.append(joined)
            skip.add(i + 1)
            continue
        out.append(m)
    for m in out:  # the acronym, where it is defined and later, is the joined name
        if m.text in acronyms and m.type == "ORG":
            m.key = acronyms[m.text]
    return out


_TITLE_CASE_WORDS_BEFORE = re.compile(r"(?<![\w'’.-])((?:[A-Z][a-z]+ ){1,2})$")


@functools.lru_cache(maxsize=16)
def _portfolio_heads(heads: frozenset[str], org_heads: frozenset[str], titles: frozenset[str]) -> frozenset[str]:
    """``heads - org_heads - titles``, once per set of lists (`_words_before_org`)."""
    return heads - org_heads - titles


def _words_before_org(
    text: str, mentions: list[Mention], lists: dict[str, frozenset[str]], index: _Index
) -> list[Mention]:
    """English names that put their distinguishing words before a generic organisation name ("Royal"
    + "Bank of Canada", "Canadian Imperial" + "Bank of Commerce"): an organisation that starts with a
    word heading organisation names (bank, party, council ...) runs back over one or two capitalised
    words or an organisation right before it, when they are no title, rank or function word and do
    not only open the sentence (a word the article also writes in lower case). A nationality in front
    stays out ("Philippine" + "Bureau of Fisheries"), unless the model found it with the words after it."""
    heads = lists["org_heads"]
    # a portfolio's word ("National", "State", "Home") opens such names too: "National Bank of Canada"
    stop = _joined(_portfolio_heads(lists["heads"], heads, lists["title_words"]),
                   lists["honorifics"], lists["person_ranks"], lists["sentence_openers"], lists["not_names"],
                   lists["function_words"])
    demonyms = _word_list("en", "demonyms.txt", fold=True)
    ordered = sorted(mentions, key=_START)
    out: list[Mention] = []
    for m in ordered:
        first = m.text.split(" ")[0].casefold()
        if m.type != "ORG" or first not in heads or " " not in m.text:
            out.append(m)
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.type == "ORG" and prev.end + 1 == m.start and text[prev.end] == " " \
                and not any(w.casefold() in stop for w in prev.text.split(" ")):
            out[-1] = _copy(prev, prev.start, m.end, text[prev.start : m.end])
            out[-1].key = None
            continue
        before = _TITLE_CASE_WORDS_BEFORE.search(text[max(0, m.start - 40) : m.start])
        if before and not (prev is not None and prev.end > m.start - len(before.group(1))):
            words = before.group(1).split()
            s = m.start - len(before.group(1))
            if not any(w.casefold() in stop or w.casefold() in demonyms for w in words) \
                    and not (_opens(text, s) and index.has(words[0].lower())):
                joined = _copy(m, s, m.end, text[s : m.end])
                joined.key = None
                out.append(joined)
                continue
        out.append(m)
    return out


def _abbreviation_inside(text: str, mentions: list[Mention], honorifics: frozenset[str]) -> list[Mention]:
    """A name cut at the full stop of an abbreviated title inside it ("Rumah Sakit Dr." + "Cipto
    Mangunkusumo", "Jalan Ir." + "H. Juanda") is one name: a place or organisation whose last word
    is an abbreviated title, then ". " and the next mention."""
    ordered = sorted(mentions, key=_START)
    out: list[Mention] = []
    skip: set[int] = set()
    for i, m in enumerate(ordered):
        if i in skip:
            continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        last = m.text.split(" ")[-1]
        if (
            nxt is not None
            and m.type in ("LOC", "ORG")
            and " " in m.text
            and last.casefold() in honorifics
            and text[m.end : nxt.start] in (". ", ".")
            and nxt.text[:1].isupper()
        ):
            out.append(_copy(m, m.start, nxt.end, text[m.start : nxt.end]))
            skip.add(i + 1)
            continue
        out.append(m)
    return out


_CAPITALISED_TOKEN_BEFORE = re.compile(r"([A-Z][\w'’-]*) $")


def _listed_names(
    text: str, layer: _Layer, gazetteer: Gazetteer, lists: dict[str, frozenset[str]], index: _Index
) -> None:
    """Names on the hand and derived lists that the model read sentence by sentence and missed or
    split ("Serie" + "A", "US" + "Open"; "Udinese" not found at all):
    - a competition of `resources/shared/competitions.txt` is an event (EVT) wherever it is written
      as whole words; the mentions inside it give way ("US" in "US Open"); a longer name around it
      keeps its span ("Piala Dunia Antarklub 2025");
    - in an article about a sport, a club of `resources/shared/clubs.txt` written where nothing was
      found is the club (ORG), unless it is a place the gazetteer knows with a locative word before
      it ("di Torino" stays the city).
    A one-word name that only opens a longer capitalised name ("Torino Film Festival") is left alone."""
    competitions = _word_list("shared", "competitions.txt")
    for s, e, surface in index.find(competitions):
        inside = layer.inside(s, e)
        if inside is None or any(m.type == "EVT" and (m.start, m.end) == (s, e) for m in inside):
            continue
        if " " not in surface and _is_place(gazetteer, surface) and _after_locative(text, s):
            continue  # "di Wimbledon": the place
        if _CAPITAL_NEXT.match(text[e : e + 2]) and any(m.start == e + 1 for m in layer.held.overlapping(e, e + 2)):
            continue  # only the start of a longer name the recognisers found
        new = Mention(s, e, surface, "EVT", source="rule")
        layer.replace(inside, new)
    clubs = _word_list("shared", "clubs.txt")
    if not clubs or not _sport_article(index, lists["sport_cues"]):
        return
    for s, e, surface in index.find(clubs):
        if layer.held.overlaps(s, e) or not surface[:1].isupper():
            continue
        if _is_place(gazetteer, surface) and _after_locative(text, s):
            continue
        before = _CAPITALISED_TOKEN_BEFORE.search(text[max(0, s - 30) : s])
        if _CAPITAL_NEXT.match(text[e : e + 2]) or (
            before and before.group(1).casefold() not in _joined(lists["heads"], lists["sport_cues"])
        ):
            continue  # part of a longer capitalised name ("Pelatih Udinese": a title word is not)
        layer.replace([], Mention(s, e, surface, "ORG", source="rule"))


_LOCATIVE = frozenset({"di", "ke", "dari", "kota", "in", "at", "to", "from", "near", "city", "of"})


def _sport_article(index: _Index, cues: frozenset[str]) -> bool:
    """Whether the article is about a sport: two different sport words in it. Asked by eight rules,
    worked out once per article (kept on its index)."""
    known = index.sport.get(cues)
    if known is None:
        forms, by_form, phrases = _sport_forms(cues)
        written = index.words
        # a one-token cue is written exactly when it (or it capitalised) is a token of the article: the
        # cues found so by one set intersection, the phrases by `index.has` as before
        hits = forms & written if len(forms) < len(written) else written & forms
        found = len({c for w in hits for c in by_form[w]})
        for c in phrases:
            if found >= 2:
                break
            if index.has(c) or index.has(c[:1].upper() + c[1:]):
                found += 1
        known = index.sport[cues] = found >= 2
    return known


@functools.lru_cache(maxsize=8)
def _sport_forms(cues: frozenset[str]) -> tuple[frozenset[str], dict[str, set[str]], tuple[str, ...]]:
    """`_sport_article`'s cues made once per list: the forms (as written and capitalised) of the cues
    that are one token in both (what `_Index.has` answers by a set lookup alone), the cues of each
    such form, and the other cues."""
    by_form: dict[str, set[str]] = {}
    phrases = []
    for c in cues:
        capital = c[:1].upper() + c[1:]
        if _TOKEN.fullmatch(c) and _TOKEN.fullmatch(capital):
            by_form.setdefault(c, set()).add(c)
            by_form.setdefault(capital, set()).add(c)
        else:
            phrases.append(c)
    return frozenset(by_form), by_form, tuple(phrases)


def _after_locative(text: str, start: int) -> bool:
    before = _words(text[max(0, start - 12) : start])
    return bool(before) and before[-1].casefold() in _LOCATIVE


_TOKEN_NEXT = re.compile(r" (\S+)")
_PREFIX_FORM = re.compile(r"(?<![\w.-])([A-Z]{2,3}) $")


def _clubs_settled(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, lists: dict[str, frozenset[str]], index: _Index
) -> list[Mention]:
    """Sports clubs are organisations, although many carry a place's name:
    - a name followed by a club form is the club ("Los Angeles FC"; `club_forms`), and in an article
      about a sport, a listed club's city after a club's prefix form ("AS Roma"; `club_prefix_forms`);
    - in an article about a sport, a name on the club list (`resources/shared/clubs.txt`, derived
      from DBpedia) that was typed a place is the club ("River Plate"); where the name is also a
      place the gazetteer knows ("Liverpool"), only when no locative word is in front ("di
      Liverpool", "in Liverpool" stay the city)."""
    forms = lists.get("club_forms", frozenset())
    prefixes = lists.get("club_prefix_forms", frozenset())
    clubs = _word_list("shared", "clubs.txt")
    sport: bool | None = None
    out: list[Mention] = []
    absorbed: list[tuple[int, int]] = []
    for m in mentions:
        nxt = _TOKEN_NEXT.match(text[m.end : m.end + 8])
        if m.type in ("GPE", "LOC", "PER", "ORG") and nxt and nxt.group(1).rstrip(",;:") in forms:
            end = m.end + 1 + len(nxt.group(1).rstrip(",;:"))
            club = _copy(m, m.start, end, text[m.start : end], "ORG")
            club.key, club.role = None, None
            out.append(club)
            absorbed.append((m.end, end))
            continue
        before = _PREFIX_FORM.search(text, max(0, m.start - 5), m.start) if m.type in ("GPE", "LOC", "ORG") else None
        if before and before.group(1) in prefixes and m.text in clubs:
            if sport is None:
                sport = _sport_article(index, lists["sport_cues"])
            if sport:
                club = _copy(m, before.start(1), m.end, text[before.start(1) : m.end], "ORG")
                club.key, club.role = None, None
                out.append(club)
                absorbed.append((before.start(1), m.start - 1))
                continue
        glued = _glued_club(text, m) if m.type in ("GPE", "LOC") else None
        if glued is not None:
            if sport is None:
                sport = _sport_article(index, lists["sport_cues"])
            if sport:  # "Manchester Uniteddiketahui": the club, glued by the scraper to the next word
                club = _copy(m, m.start, m.start + len(glued), glued, "ORG")
                club.key, club.role = None, None
                out.append(club)
                absorbed.append((m.end, club.end))
                continue
        if m.type in ("GPE", "LOC") and m.text in clubs:
            if sport is None:
                sport = _sport_article(index, lists["sport_cues"])
            entry = gazetteer.lookup(m.text)
            place = entry is not None and entry.type in ("GPE", "LOC")
            if sport and not (place and _after_locative(text, m.start)):
                club = _copy(m, m.start, m.end, m.text, "ORG")
                club.key, club.role = None, None
                out.append(club)
                continue
        out.append(m)
    if absorbed:
        inside = _Contains(absorbed)
        out = [m for m in out if not inside(m.start, m.end)]
    return out


@functools.cache
def _clubs_by_first_word() -> dict[str, tuple[str, ...]]:
    """The listed clubs of two words or more (`clubs.txt`) by their first word, longest first."""
    out: dict[str, list[str]] = {}
    for club in _word_list("shared", "clubs.txt"):
        if " " in club:
            out.setdefault(club.split(" ", 1)[0], []).append(club)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _glued_club(text: str, m: Mention) -> str | None:
    """The listed club that starts at a place's mention and runs on into a lower-case word glued to it
    ("Manchester" in "Manchester Uniteddiketahui"): the model reads no name in the glued word, the
    gazetteer only the city."""
    for club in _clubs_by_first_word().get(m.text.split(" ", 1)[0], ()):
        end = m.start + len(club)
        if len(club) > len(m.text) and text.startswith(club, m.start) and text[end : end + 1].islower():
            return club
    return None


def _club_city(text: str, mentions: list[Mention], lists: dict[str, frozenset[str]], index: _Index) -> list[Mention]:
    """In an article about a sport that names a club after its city ("Real Madrid", "Atletico
    Madrid"), the bare city name with no locative word in front ("Madrid mendatangkan ...") is that
    club (GUIDELINE.md 3), and one entity with it."""
    clubs = _word_list("shared", "clubs.txt")
    named = [m for m in mentions if m.type == "ORG" and " " in m.text and m.text in clubs]
    if not named:
        return mentions
    by_city: dict[str, set[str]] = {}
    for m in named:
        by_city.setdefault(m.text.split(" ")[-1], set()).add(m.text)
    if not _sport_article(index, lists["sport_cues"]):
        return mentions
    out = []
    for m in mentions:
        owners = by_city.get(m.text)
        # (ent12b) also a bare city the model already read as an organisation, which has no key yet
        # (`linimasa.entities._ent12b_club_city`): it is that club, one entity with it
        as_place = m.type in ("GPE", "LOC") or (m.type == "ORG" and m.key is None and m.source == "model")
        if as_place and owners and len(owners) == 1 and not _after_locative(text, m.start):
            club = _copy(m, m.start, m.end, m.text, "ORG")
            club.key, club.role = f"name:{normalise(next(iter(owners)))}", None
            out.append(club)
            continue
        out.append(m)
    return out


def _first_word_of_org(
    mentions: list[Mention], gazetteer: Gazetteer, lists: dict[str, frozenset[str]]
) -> list[Mention]:
    """A one-word "person" or "place" of the model that is the first word of an organisation the
    article names in full ("Persib" beside "Persib Bandung", "Grab" beside "Grab Indonesia", "Dewa"
    beside "Dewa United") is that organisation: one sense per name in one article. A word the
    gazetteer knows as a place or a person keeps its type ("Jakarta" beside "Jakarta Convention
    Center"), and so does a place that names whose organisation it is ("Gauteng" beside "Gauteng
    Provincial Government": the rest is an organisation's generic name)."""
    generic = (lists["org_heads"] | lists["org_tails"]) - {"fc", "afc", "united"}
    # each name once (an article repeats its names): the tests read the name only
    orgs = {m.text for m in mentions if m.type == "ORG"}
    firsts = {name.split(" ")[0] for name in orgs
              if " " in name and name[:1].isupper() and not name.split(" ")[0].isupper()
              and not any(w.casefold() in generic for w in name.split(" ")[1:])}
    firsts = {w for w in firsts if len(w) >= 3 and gazetteer.lookup(w) is None}
    people = {w for name in {m.text for m in mentions if m.type == "PER"} if " " in name for w in name.split(" ")}
    # (ent13a) a one-word "person" the article also names as an organisation word for word
    # ("Greenpeace meluncurkan petisi" beside "Greenpeace berharap"): the same sense, a body
    same = {name for name in orgs if " " not in name and len(name) >= 3 and name[:1].isupper()
            and not name.isupper() and gazetteer.lookup(name) is None}
    return [
        _as_org(m)
        if (m.type in ("PER", "GPE", "LOC") and m.source != "gazetteer" and m.text in firsts and m.text not in people)
        or (m.type == "PER" and m.source != "gazetteer" and m.text in same and m.text not in people)
        else m
        for m in mentions
    ]


_COMPASS_NEXT = re.compile(r" ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def _place_runs_on(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, lists: dict[str, frozenset[str]], index: _Index
) -> list[Mention]:
    """A place the gazetteer knows that is only the first part of a longer name is not a mention of
    its own: "Florida Selatan" (a region: a compass word after it, GUIDELINE.md 3 LOC), "Kansas" +
    "City Chiefs", "Netherlands" + "Organisation for Applied Scientific Research" (a name found
    right after it, one span; in an article about a sport a place name that ends in a plural word is a
    team: ORG). A longer name the gazetteer knows is left to it."""
    ordered = sorted(mentions, key=_START)
    out: list[Mention] = []
    skip: set[int] = set()
    sport: bool | None = None
    for i, m in enumerate(ordered):
        if i in skip:
            continue
        if m.type != "GPE" or m.source != "gazetteer":
            out.append(m)
            continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and nxt.start == m.end + 1 and text[m.end] == " " and nxt.source in ("model", "rule") \
                and nxt.type in ("LOC", "ORG", "GPE") and nxt.text[:1].isupper() \
                and (nxt.type != "GPE" or gazetteer.lookup(nxt.text) is None):
            joined = text[m.start : nxt.end]
            if gazetteer.lookup(joined) is None:
                last = joined.split(" ")[-1]
                type_ = nxt.type
                if type_ in ("LOC", "GPE") and last.endswith("s") and last.casefold() not in lists["loc_tails"]:
                    if sport is None:
                        sport = _sport_article(index, lists["sport_cues"])
                    type_ = "ORG" if sport else type_
                merged = _copy(m, m.start, nxt.end, joined, type_)
                merged.key, merged.source = nxt.key, "model"  # an acronym defined for the name keeps it
                out.append(merged)
                skip.add(i + 1)
                continue
        compass = _COMPASS_NEXT.match(text[m.end : m.end + 16])
        if compass:
            words = compass.group(1)
            word = words if words.casefold() in lists["compass_words"] else words.split(" ")[0]
            if word.casefold() in lists["compass_words"]:
                end = m.end + 1 + len(word)
                swallowed = nxt is not None and nxt.start > m.end and nxt.end <= end
                if gazetteer.lookup(text[m.start : end]) is None and (nxt is None or nxt.start >= end or swallowed):
                    region = _copy(m, m.start, end, text[m.start : end], "LOC")
                    region.key, region.source = None, "model"
                    out.append(region)
                    if swallowed:
                        skip.add(i + 1)
                    continue
        out.append(m)
    return out


def _office_words(lists: dict[str, frozenset[str]]) -> frozenset[str]:
    return _joined(lists["office_words"], _one_word_entries(lists["org_heads"]))


def _office_as_person(m: Mention, lists: dict[str, frozenset[str]]) -> bool:
    """Whether a "person" is an office ("Pusat Data", "Lalu Lintas Dinas Perhubungan", "Sub
    Direktorat Pembinaan"): one of its words heads organisation names and is no given name."""
    if m.type != "PER" or m.source == "gazetteer":
        return False
    office = _office_words(lists)
    given = lists.get("given_names", frozenset())
    return any(w.casefold() in office and w not in given for w in m.text.split(" "))


def _ministry_name_end(words: list[str]) -> int | None:
    """Where a ministry's name written as "Kementerian <portfolio>" ends (in words), or None."""
    if not words or words[0].casefold() != "kementerian":
        return None
    portfolios = ministry_portfolios()
    for n in range(4, 0, -1):
        if " ".join(words[1 : 1 + n]).casefold() in portfolios:
            return 1 + n
    return None


def _org_then_given_name(
    mentions: list[Mention], lists: dict[str, frozenset[str]], gazetteer: Gazetteer
) -> list[Mention]:
    """An organisation name that ran on into a person's name with no rank between ("Kementerian Luar
    Negeri Renita Moniaga"): the last two or three capitalised words, holding no organisation word
    or known place, are the person when they start with a common given name, end in a name the
    article gives a person elsewhere ("Moniaga"), or follow a complete ministry name ("Kementerian
    Luar Negeri": a portfolio of `resources/shared/ministries.yaml`)."""
    given = lists.get("given_names", frozenset())
    office = _office_words(lists) | lists["org_tails"]
    named = {w for m in mentions if m.type == "PER" for w in m.text.split(" ")}  # "Moniaga" said later
    named |= {m.text for m in mentions if " " not in m.text and m.source != "gazetteer" and m.type in ("PER", "ORG")}
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split(" ")
        if m.type != "ORG" or m.source == "gazetteer" or len(words) < 4 or words[0].casefold() not in office:
            out.append(m)
            continue
        cut = None
        ministry_end = _ministry_name_end(words)
        for k in (2, 3):
            tail = words[-k:]
            if (
                len(words) - k >= 2
                and (tail[0] in given or tail[-1] in named or ministry_end == len(words) - k)
                and not any(gazetteer.lookup(" ".join(tail[a:b])) is not None
                            for a in range(k) for b in range(a + 1, k + 1))  # "Korea Selatan" is a place
                and all(w[:1].isupper() and w[1:].islower() and w.casefold() not in office for w in tail)
                and words[-k - 1].casefold() not in lists["function_words"]
            ):
                cut = len(words) - k
                break
        if cut is None:
            out.append(m)
            continue
        org_end = len(" ".join(words[:cut]))
        out.append(_copy(m, m.start, m.start + org_end, m.text[:org_end]))
        out.append(Mention(m.start + org_end + 1, m.end, m.text[org_end + 1 :], "PER", source=m.source))
    return out


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _known_then_person(
    mentions: list[Mention], lists: dict[str, frozenset[str]], gazetteer: Gazetteer, index: _Index
) -> list[Mention]:
    """A span that runs two names together across a missing separator: a known organisation or place,
    then a person ("manajer Brentford Thomas Frank", "kiper Timnas Portugal Rui Patricio", "Direktur
    TOBA Juli Oktarina", "Komisi IIIDPRRI Ahmad Sahroni"). The span is cut where the known name ends:
    - the known name: one the gazetteer knows, a club of the club list, an acronym, or a name ending
      in a place the gazetteer knows ("Timnas Portugal");
    - the person: the last two or three words, each a capitalised word, holding no organisation or
      place word and unknown to the gazetteer, opening with a common given name or with a word that
      the article writes elsewhere too ("Juli bilang ...", "Patricio").
    The known name stays a mention where the gazetteer or the club list knows it or the article writes
    it alone elsewhere ("TOBA"); a lone acronym glued into a person's name is dropped ("IIIDPRRI")."""
    given = lists.get("given_names", frozenset())
    clubs = _word_list("shared", "clubs.txt")
    stop = _joined(lists["heads"], lists["org_tails"], lists["loc_tails"], lists["org_cues_after"])
    not_names = lists["not_names"]  # a month opens given names too ("Juli Oktarina"), not a last name
    at = index._positions()
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split(" ")
        if (m.type not in ("ORG", "PER") or m.source == "gazetteer" or not 3 <= len(words) <= 6
                or words[0].casefold() in stop):
            out.append(m)  # "PT Blue Bird Tbk", "Kementerian ...": a name by its head word (see `_org_then_given_name`)
            continue
        cut = None
        for k in (len(words) - 2, len(words) - 3):
            rest = words[k:]
            if k < 1 or len(rest) > 3 or not all(_NAME_WORD.fullmatch(w) and w.casefold() not in stop for w in rest):
                continue
            if any(w.casefold() in not_names for w in rest[1:]):
                continue
            if gazetteer.lookup(" ".join(rest)) is not None or not (
                    rest[0] in given or len(at.get(rest[0], ())) > 1 or len(at.get(rest[-1], ())) > 1):
                continue
            head = " ".join(words[:k])
            entry = gazetteer.lookup(head)
            last = gazetteer.lookup(words[k - 1]) if k > 1 else None
            acronym = k == 1 and head.isalpha() and head.isupper() and len(head) >= 2
            if (entry is not None and entry.type in ("ORG", "GPE", "LOC")) or head in clubs or acronym or (
                    last is not None and last.type == "GPE"):
                cut = (k, entry)
                break
        if cut is None:
            out.append(m)
            continue
        k, entry = cut
        head = " ".join(words[:k])
        person_start = m.start + len(head) + 1
        if entry is not None or head in clubs or k > 1 or len(at.get(head, ())) > 1:
            org = _copy(m, m.start, m.start + len(head), head, entry.type if entry is not None else "ORG")
            org.key, org.role = (entry.id if entry is not None else None), None
            out.append(org)
        out.append(Mention(person_start, m.end, m.text[len(head) + 1 :], "PER", source=m.source, score=m.score))
    return out


_LEAGUE = re.compile(r"^(?:Liga|League)\b|\b(?:League|Liga)$")


_SEASON_AT_END = re.compile(r" (?:19|20)\d\d$")
_SEASON_RANGE_NEXT = re.compile(r"[-/](?:19|20)?\d\d\b")
_SEASON_SPAN_AT_END = re.compile(r" ?(?:19|20)\d\d[-/](?:19|20)?\d\d$")


def _leagues(text: str, mentions: list[Mention]) -> list[Mention]:
    """A league named as a competition ("Liga 1", "Premier League"; the model may read it as an
    organisation or a place) is an event (GUIDELINE.md 3, EVT),
    without the season after it ("Liga 1 2025-2026"); the company that runs it keeps its legal form
    and stays an organisation ("PT Liga Indonesia Baru")."""
    out = []
    for m in mentions:
        season = _SEASON_AT_END.search(m.text) if m.source != "gazetteer" else None
        if season and _SEASON_RANGE_NEXT.match(text[m.end : m.end + 5]) \
                and _LEAGUE.search(m.text[: season.start()]) and not m.text.startswith("PT "):
            league = _copy(m, m.start, m.end - len(season.group()), m.text[: season.start()], "EVT")
            league.key, league.role = None, None
            out.append(league)
            continue  # "Liga 1 2023/24": a rule took the season's first year
        season = _SEASON_SPAN_AT_END.search(m.text) if m.type == "EVT" and m.source != "gazetteer" else None
        if season and _LEAGUE.search(m.text[: season.start()]):
            # "Premier League 2025/2026" tagged whole as an event: the league without its season
            out.append(_copy(m, m.start, m.end - len(season.group()), m.text[: season.start()], "EVT"))
            continue
        if m.type not in ("ORG", "LOC", "GPE") or m.source == "gazetteer" or not _LEAGUE.search(m.text) \
                or m.text.startswith("PT "):
            out.append(m)
            continue
        season = _SEASON_SPAN_AT_END.search(m.text)
        end = m.end - (len(season.group()) if season else 0)
        league = _copy(m, m.start, end, text[m.start : end], "EVT")
        league.key, league.role = None, None
        out.append(league)
    return out


def _island(m: Mention, islands: frozenset[str]) -> Mention:
    """An island named alone ("Luzon", "Palawan"; `resources/shared/islands.txt`) or a named area of a
    city ("Hollywood", "Senayan"; `named_areas.txt`) is a place without a government (LOC), not a city,
    region or district."""
    if m.type == "GPE" and m.source != "gazetteer" and m.text in islands:
        return _copy(m, m.start, m.end, m.text, "LOC")
    return m
