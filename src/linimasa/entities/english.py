"""Settling rules for English articles found on unseen English news (issue 11, eval/real-id
dev-extra-entities-en2): what a name's surroundings in English say about its kind.

Kept apart from `settle.py` (which runs them last for English articles, `settle_english`) so that
English-only reasoning stays in one place. Every rule is one pass over the article's mentions (names
grouped in a dict, occurrences found with one regular-expression scan of the text): no scan over all
mentions per mention.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections import defaultdict

from linimasa import resources
from linimasa.model import Mention
from linimasa.text.gazetteer import Gazetteer
from linimasa.text.spans import StaticSpans

_ISLAND_OF = re.compile(r"\b[Ii]slands? of ((?:[A-Z][\w’'-]*)(?: [A-Z][\w’'-]*)*)")
_THE_BEFORE = ("the ", "The ")


def _retyped(m: Mention, type_: str) -> Mention:
    out = dataclasses.replace(m, type=type_)  # type: ignore[arg-type]
    out.role = None
    return out


def _article_only_names(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A "person" at least three quarters of whose mentions in the article follow "the" ("the Louvre
    has fought ...", once "du Louvre") is no person: in the English gold sets of eval/real-id one
    person is (the "Stephens" of "The Stephens and Marquardt vehicles"), against 110 organisations, 69
    places and 4 events. It is read as an organisation, the commonest of those; one mostly named
    without "the" ("the Trump campaign", "Trump said") stays a person. So is a one-word plural "place"
    the gazetteer does not know (`_team_like`: "the Tridents prepare")."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # name -> [after "the", all]
    for m in mentions:
        if m.source != "gazetteer" and (m.type == "PER" or _team_like(m, gazetteer)):
            counts[m.text][0] += text[max(0, m.start - 4) : m.start] in _THE_BEFORE
            counts[m.text][1] += 1
    names = {name for name, (the, every) in counts.items() if the >= 0.75 * every}
    if not names:
        return mentions
    return [_retyped(m, "ORG") if (m.type == "PER" or _team_like(m, gazetteer)) and m.text in names else m
            for m in mentions]


def _team_like(m: Mention, gazetteer: Gazetteer) -> bool:
    """A model "place" in the plural the gazetteer does not know ("the Tridents", "the Broncos"): after
    "the" a team or a group, not a town ("the Bahamas", "the Philippines" are known)."""
    return m.type == "GPE" and m.source == "model" and m.text.endswith("s") and " " not in m.text \
        and gazetteer.lookup(m.text) is None


def _islands_named(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A name written after "island of" ("the rocky island of Redonda") is an island (LOC) in every
    mention of the article, whatever the model read elsewhere (one sense per name), unless the
    gazetteer knows it as something else ("the island of Bali" is a province)."""
    names = {hit.group(1) for hit in _ISLAND_OF.finditer(text)}
    names = {n for n in names if gazetteer.lookup(n) is None}
    if not names:
        return mentions
    return [_retyped(m, "LOC") if m.text in names and m.type in ("PER", "ORG", "GPE") and m.source != "gazetteer"
            else m for m in mentions]


_COMPASS = r"(?:(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|N\.|S\.|E\.|W\.) )?"
_NUMBERED_ROAD = re.compile(
    r"\b(?:" + _COMPASS + r"\d+(?:st|nd|rd|th|[NSEW])? (?:Road|Street|Avenue|Boulevard|Drive|Lane|Highway|Parkway)"
    r"|(?:Township|County|State|Farm) Road \d+[NSEW]?"
    r"|(?:(?<![\w’'.-])[A-Z][\w.]+ )?(?:Route|Highway|Interstate) \d+[A-Z]?)\b"
)
_NOT_ROAD_OPENERS = frozenset(("On", "In", "At", "Along", "Near", "From", "To", "Via", "The", "And", "Off", "Onto"))


def _numbered_roads(text: str, mentions: list[Mention]) -> list[Mention]:
    """Roads named by a number ("1600E Road", "Southwest 117th Avenue", "Township Road 1950E",
    "Illinois Route 29") are places (LOC, GUIDELINE.md 3 as any street): the model reads no digits as
    names and takes the state of a route for the place. Each such name is one mention, over the
    pieces found inside it."""
    roads = []
    for hit in _NUMBERED_ROAD.finditer(text):
        start, name = hit.start(), hit.group(0)
        first, _, rest = name.partition(" ")
        if first in _NOT_ROAD_OPENERS:  # "On Route 59": the preposition is no part of the road's name
            start, name = start + len(first) + 1, rest
        roads.append(Mention(start, start + len(name), name, "LOC", source="rule"))
    if not roads:
        return mentions
    inside = StaticSpans((r.start, r.end) for r in roads)
    kept = [m for m in mentions if not inside.overlaps(m.start, m.end)]
    return sorted(kept + roads, key=lambda m: (m.start, m.end))


@functools.cache
def _holder_office() -> re.Pattern[str] | None:
    """`office_holders` + possessive + `holder_offices` of en/entities.yaml, after capitalised words."""
    data = resources.load_or_empty("en", "entities") or {}
    holders = sorted((str(w) for w in data.get("office_holders") or []), key=len, reverse=True)
    offices = sorted(str(w) for w in data.get("holder_offices") or [])
    if not holders or not offices:
        return None
    return re.compile(r"(?<![\w’'.-])((?:[A-Z][\w.-]* ){1,5})(?:" + _capitalised(holders) + r")['’]s (?:"
                      + _capitalised(offices) + r")\b")


def _capitalised(phrases: list[str]) -> str:
    """The phrases as a regular-expression alternation, each word capitalised ("District Attorney")."""
    return "|".join(re.escape(" ".join(w[:1].upper() + w[1:] for w in p.split())) for p in phrases)


def _office_of_holder(text: str, mentions: list[Mention]) -> list[Mention]:
    """An office named after its holder with a possessive ("Harris County Sheriff's Office",
    `office_holders`) is one organisation, from the capitalised words before the holder ("The" of
    a sentence's start left out): the model stops at the apostrophe and keeps "Harris County Sheriff"."""
    pattern = _holder_office()
    found = [] if pattern is None else list(pattern.finditer(text))
    if not found:
        return mentions
    orgs = []
    for hit in found:
        start = hit.start() + (4 if hit.group(0).startswith("The ") else 0)
        orgs.append(Mention(start, hit.end(), text[start : hit.end()], "ORG", source="rule"))
    inside = StaticSpans((o.start, o.end) for o in orgs)
    kept = [m for m in mentions if not inside.overlaps(m.start, m.end)]
    return sorted(kept + orgs, key=lambda m: (m.start, m.end))


@functools.cache
def _tailed_place() -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """Capitalised words ending in a place's last word (`loc_tails`, `venue_tails` of en/entities.yaml),
    and the words that open a sentence (`sentence_openers`, with the articles) and so no name."""
    data = resources.load_or_empty("en", "entities") or {}
    tails = sorted({str(w) for key in ("loc_tails", "venue_tails") for w in data.get(key) or []}, key=len,
                   reverse=True)
    openers = frozenset(str(w).casefold() for w in data.get("sentence_openers") or []) | {"the", "a", "an"}
    if not tails:
        return None, openers
    # (a word may be two names joined by a slash, "Seattle/Tacoma International Airport")
    word = r"[A-Z][\w’'.&-]*(?:/[A-Z][\w’'.&-]*)?"
    return re.compile(r"(?<![\w’'./-])((?:" + word + r" ){1,4})(?:" + _capitalised(tails) + r")\b"), openers


def _tailed_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """Capitalised words ending in a place's last word ("Kimbell Art Museum", "Taylorville Memorial
    Hospital", "Whitestone Bridge", `loc_tails` and `venue_tails`) are one place (LOC) where the model
    found nothing or only pieces inside it ("Taylorville"): the sentence's opening word and an owner
    are left out ("The", "At", "Denver’s"), and a name that runs on past it ("Tampa Bay Buccaneers") is
    left as it is."""
    pattern, openers = _tailed_place()
    spans = []
    for hit in [] if pattern is None else pattern.finditer(text):
        start, words = hit.start(), hit.group(1).split(" ")[:-1]
        while words and (words[0].casefold() in openers or any(w.endswith(("'s", "’s")) for w in words)):
            start += len(words.pop(0)) + 1  # an opener, or an owner ("Denver’s Mile High Stadium")
        if words:
            spans.append((start, hit.end(), text[start : hit.end()], "LOC", None))
    return _replace_inside(mentions, spans)


_TOWN_AFTER_AGE = re.compile(r", \d{1,3}, (?:of )?([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})(?=, |\. |\.$)")


def _towns_after_age(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A police blotter's or court list's "Name, 38, Springfield, was arrested" and "Name, 52, of
    Quincy, was ...": capitalised words between the age and the next comma or full stop are the
    person's home town (GPE, or the gazetteer's type), whatever the model read (a person, an
    organisation) or where it read nothing; a name running on past them is left as it is."""
    spans = []
    for hit in _TOWN_AFTER_AGE.finditer(text):
        entry = gazetteer.lookup(hit.group(1))
        if entry is None or entry.type in ("GPE", "LOC"):
            spans.append((*hit.span(1), hit.group(1), "GPE" if entry is None else entry.type,
                          None if entry is None else entry.id))
    return _replace_inside(mentions, spans)


@functools.cache
def _title_words() -> frozenset[str]:
    """Words of a title or a party that a place's name never ends in (`honorifics`, `person_ranks`,
    `party_adjectives` of en/entities.yaml)."""
    data = resources.load_or_empty("en", "entities") or {}
    return frozenset(str(w).casefold() for key in ("honorifics", "person_ranks", "party_adjectives")
                     for w in data.get(key) or [])


def _place_then_title(m: Mention, gazetteer: Gazetteer) -> Mention | None:
    """A "place" the model ran on into the title or party word after it ("US Congresswoman", "Bronx
    Republican chair", "BVI Premier") is the place alone; a title alone ("Congresswoman") is nothing."""
    if m.type not in ("GPE", "LOC") or m.source == "gazetteer":
        return m
    words = m.text.split(" ")
    titles = _title_words()
    cut = len(words)
    while cut and words[cut - 1].casefold() in titles:
        cut -= 1
    if cut == len(words):
        return m
    if cut == 0:
        return None
    name = " ".join(words[:cut])
    entry = gazetteer.lookup(name)
    out = dataclasses.replace(m, end=m.start + len(name), text=name,
                              type=m.type if entry is None or entry.type not in ("GPE", "LOC") else entry.type)
    out.key = None if entry is None else entry.id
    return out


_FRENCH_PLACE = re.compile(
    r"\b(?:Château|Chateau|Musée|Palais|Gare|Jardin|Église|Cathédrale|Basilique|Pont|Rue|Théâtre)"
    r"(?: (?:(?:de la|de|du|des) )?(?:d[’'])?[A-Z][\w’'-]*)+"
)


def _french_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place named in French by its kind ("Château de Versailles", "Musée d’Orsay", "Gare du Nord") is
    one place (LOC) in English news, over the pieces found inside it (the model reads "Versailles" as
    a person and leaves the head word out)."""
    return _replace_inside(mentions, [(hit.start(), hit.end(), hit.group(0), "LOC", None)
                                      for hit in _FRENCH_PLACE.finditer(text)])


def _replace_inside(mentions: list[Mention], spans: list[tuple[int, int, str, str, str | None]]) -> list[Mention]:
    """The given (start, end, text, type, key) as rule mentions over the mentions inside each; a span
    that a mention runs past, or that is already a mention of that type, is left out. One pass: the
    mentions are sorted once and each span looks only at the mentions overlapping it."""
    if not spans:
        return mentions
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]
    drop: set[int] = set()
    added = []
    for start, end, name, type_, key in spans:
        i = bisect.bisect_left(starts, end)
        inside, clash = [], False
        while i > 0 and ordered[i - 1].end > start:
            i -= 1
            m = ordered[i]
            if m.start < start or m.end > end or (m.start, m.end, m.type) == (start, end, type_):
                clash = True
                break
            inside.append(i)
        if clash:
            continue
        drop.update(inside)
        added.append(Mention(start, end, name, type_, source="rule", key=key))  # type: ignore[arg-type]
    if not added:
        return mentions
    return sorted([m for i, m in enumerate(ordered) if i not in drop] + added, key=lambda m: (m.start, m.end))


@functools.cache
def _person_titles() -> frozenset[str]:
    """Titles that stand right before a person's name (`honorifics`, `person_ranks`, one-word
    `person_titles` of en/entities.yaml)."""
    data = resources.load_or_empty("en", "entities") or {}
    return frozenset(str(w).casefold() for key in ("honorifics", "person_ranks", "person_titles")
                     for w in data.get(key) or [] if " " not in str(w))


def _titled_place_name(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A title, then a place the gazetteer knows, then a one-word person ("Rep. Alexandria
    Ocasio-Cortez", "Sen. Georgia Whitlow"): a given name that is also a place's name, one person."""
    titles = _person_titles()
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    for m in ordered:
        prev = out[-1] if out else None
        before = text[max(0, prev.start - 12) : prev.start] if prev is not None else ""
        if (prev is not None and prev.source == "gazetteer" and prev.type in ("GPE", "LOC") and m.type == "PER"
                and m.start == prev.end + 1 and text[prev.end] == " " and " " not in m.text
                and gazetteer.lookup(m.text) is None and before.endswith(" ") and before.split()
                and before.split()[-1].casefold() in titles):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "PER", source=m.source)
            continue
        out.append(m)
    return out


def _capital_article(m: Mention, gazetteer: Gazetteer) -> Mention:
    """"The Netherlands", "The Gambia" mid-sentence: the article is no part of the name when the
    gazetteer knows the name without it as the same place (GUIDELINE.md 3, "the U.S."); "The Hague"
    keeps it."""
    if m.source != "gazetteer" or not m.text.startswith("The ") or m.key is None:
        return m
    entry = gazetteer.lookup(m.text[4:])
    if entry is None or entry.id != m.key:
        return m
    return dataclasses.replace(m, start=m.start + 4, text=m.text[4:])


_TOWN_TAIL = re.compile(r" (Park|Heights|Falls|Springs|Hills)(?![\w’'-])")


def _towns_named_after_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place the gazetteer knows followed by a town's last word ("St. Louis Park", "Shaker Heights",
    "Niagara Falls", `_TOWN_TAIL`) is another town (GPE), named after the first: the model's reading of
    the last word alone ("Park" as a person) goes with it. A name running on past the last word is left
    to the other rules unless what follows is a separate mention ("St. Louis Park Mayor Jake Spano")."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    skip_to = -1
    for i, m in enumerate(ordered):
        if m.start < skip_to:
            continue
        tail = _TOWN_TAIL.match(text, m.end) if m.source == "gazetteer" and m.type == "GPE" else None
        if tail is None:
            out.append(m)
            continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and nxt.start < tail.end() and (nxt.start, nxt.end) != (tail.start(1), tail.end()):
            out.append(m)  # a longer mention over the last word: left as it is
            continue
        out.append(Mention(m.start, tail.end(), text[m.start : tail.end()], "GPE", source="rule"))
        skip_to = tail.end()
    return out


_CODE_IN_BRACKETS = re.compile(r" \(([A-Z]{3})\)")
# (speed12n) the look-behind after the first capital, so that `re` skips straight to capitals (a
# pattern that starts with a look-behind is tried at every position); the same matches
_THREE_CAPITALS = re.compile(r"[A-Z](?<![\w-].)[A-Z]{2}(?![\w-])")


def _airport_codes(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place followed by three capital letters in brackets that are not its initials ("Los Angeles
    (LAX)", "London Heathrow (LHR)", "Boise (BOI)") names its airport by the airport's code: the code is
    a place (LOC) wherever the article writes it ("new routes from LAX"), and a one-word "person" before
    such a code whose initial it shares ("Missoula (MSO)") is a town (GPE). Initials ("United Arab
    Emirates (UAE)", "Tehrik-e-Taliban Pakistan (TTP)") are a short form of the name and are left to the
    acronym rules. One scan of the text for the brackets and one for the codes found."""
    by_end = {m.end: m for m in mentions}
    codes: set[str] = set()
    towns: set[int] = set()
    for hit in _CODE_IN_BRACKETS.finditer(text):
        code, before = hit.group(1), by_end.get(hit.start())
        if before is None:
            continue
        # the initials of the capitalised words (hyphened parts too) right before the brackets, of the
        # place or of a longer name it ends ("Tehrik-e-Taliban Pakistan (TTP)")
        words = re.split(r"[\s-]+", text[max(0, hit.start() - 60) : hit.start()])
        initials = "".join(w[0] for w in words if w[:1].isupper())
        if initials.endswith(code) or code in initials:
            continue
        if before.type in ("GPE", "LOC"):
            codes.add(code)
        elif before.type == "PER" and " " not in before.text and before.text[:1] == code[0]:
            codes.add(code)
            towns.add(before.start)
    if not codes:
        return mentions
    # the code is the airport's, not the town's short form: without the town's key ("BLR" is not
    # Bangalore), which the acronym rule gave it
    out = [_retyped(m, "GPE") if m.start in towns and m.type == "PER"
           else dataclasses.replace(_retyped(m, "LOC"), key=None) if m.text in codes else m for m in mentions]
    taken = {(m.start, m.end) for m in out}
    covered = sorted((m.start, m.end) for m in out)
    starts = [c[0] for c in covered]
    for hit in _THREE_CAPITALS.finditer(text):  # (one pattern, not one alternative per code: linear)
        i = bisect.bisect_right(starts, hit.start())
        if hit.group() not in codes or (hit.start(), hit.end()) in taken or (i > 0 and covered[i - 1][1] > hit.start()):
            continue  # already a mention, or inside one
        out.append(Mention(hit.start(), hit.end(), hit.group(), "LOC", source="rule"))
    return sorted(out, key=lambda m: (m.start, m.end))


@functools.cache
def _headline_words() -> frozenset[str]:
    data = resources.load_or_empty("en", "entities") or {}
    return frozenset(str(w) for w in data.get("headline_words") or [])


def _headlines(mentions: list[Mention]) -> list[Mention]:
    """No mention of a headline or a link text in Title Case that the model read as one long name
    ("The Leading Candidates To Replace ...", "Weed Are Super Popular"): a mention of three words or
    more with a `headline_words` word after its first ("Are", "To", "Your", "Holds"), as written.
    Names of organisations, people and places of that length keep such words in lower case ("Office
    of the ..."), so the capitalised one says the words are a title's. In the English dev gold no
    mention has one (audit ent11v: 8 such ORG mentions on 30 unseen pages, none a name)."""
    words = _headline_words()
    return [m for m in mentions if not (len(split := m.text.split()) >= 3 and any(w in words for w in split[1:]))]


@functools.cache
def _ent11x_words(key: str) -> frozenset[str]:
    data = resources.load_or_empty("en", "entities") or {}
    return frozenset(str(w) for w in data.get(key) or [])


def _cut(m: Mention, start: int, end: int) -> Mention:
    """The mention narrowed to text offsets [start, end) of its own text."""
    out = dataclasses.replace(m, start=m.start + start, end=m.start + end, text=m.text[start:end])
    out.role = None
    return out


def _ent11x_greetings(mentions: list[Mention]) -> list[Mention]:
    """A person's mention that opens with a greeting and then a name ("Hi Stella", "Hello Bethany",
    the replies under a recipe) is the name alone: nobody's first name is 'Hi' (audit ent11x: 6 of
    100 sampled mentions on 30 unseen pages; `greeting_words`)."""
    words = _ent11x_words("greeting_words")
    out = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        if m.type == "PER" and first in words and rest[:1].isupper():
            m = _cut(m, len(m.text) - len(rest), len(m.text))
        out.append(m)
    return out


def _ent11x_joiners(text: str, mentions: list[Mention]) -> list[Mention]:
    """A mention that runs over a capitalised joining word ("Billy From Stranger Things" read as
    'From' a person, "David Rose From" a person) ends before it, and the one to three words left are a
    person or a character ("Dwight Schrute From The Office" read as ORG is Dwight Schrute, PER); the
    word alone is no mention (audit ent11x: 4 of 100 sampled mentions; `name_joiners`). After "the"
    the words are a title's ("Welcome to the Decade From Hell"), no name: no mention."""
    words = _ent11x_words("name_joiners")
    out = []
    for m in mentions:
        split = m.text.split(" ")
        if split[0] in words:
            continue
        cut = next((i for i, w in enumerate(split) if w in words), None)
        if cut is not None:
            if text[max(0, m.start - 4) : m.start] in _THE_BEFORE:
                continue  # "the Decade From Hell": a title, not a character
            m = _cut(m, 0, len(" ".join(split[:cut])))
            if m.type != "PER" and 1 <= cut <= 3:
                m = _retyped(m, "PER")  # "Kylo Ren From Star Wars": a character from a work, typed ORG for its tail
        out.append(m)
    return out


def settle_english(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The English rules above, in order, on an English article's settled mentions."""
    out = [t for m in mentions if (t := _place_then_title(m, gazetteer)) is not None]
    out = [_capital_article(m, gazetteer) for m in out]
    out = _titled_place_name(text, out, gazetteer)
    out = _article_only_names(text, out, gazetteer)
    out = _islands_named(text, out, gazetteer)
    out = _office_of_holder(text, out)
    out = _numbered_roads(text, out)
    out = _tailed_places(text, out)
    out = _french_places(text, out)
    out = _airport_codes(text, out)
    out = _towns_named_after_places(text, out)
    out = _headlines(out)
    out = _ent11x_greetings(out)
    out = _ent11x_joiners(text, out)
    return _towns_after_age(text, out, gazetteer)


# -- ent12d (issue 11): a final English pass, after the recall steps have spread names --------------------------

_words = _ent11x_words


@functools.cache
def _folded_words(key: str) -> frozenset[str]:
    """`_words(key)` case-folded, made once per process rather than in every article's pass."""
    return frozenset(w.casefold() for w in _words(key))


def _with_entry(m: Mention, gazetteer: Gazetteer) -> Mention:
    """The mention with the gazetteer's type and key where the gazetteer knows its text."""
    entry = gazetteer.lookup(m.text)
    if entry is None:
        return m
    out = dataclasses.replace(m, type=entry.type)  # type: ignore[arg-type]
    out.key = entry.id
    return out


def _ent12d_run_ons(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A mention that is a word opening a clause and nothing else ("The", "There") is none, and one
    that runs over an abbreviation's full stop into such a word ("U.S. There are no ...", read as one
    place, and the recall steps then spreading its cut form "The" over the page: audit ent12d, 38
    mentions of "The" as GPE on one page) ends at the full stop (`clause_openers`)."""
    openers = _words("clause_openers")
    lowered = {w.casefold() for w in openers}
    out = []
    for m in mentions:
        if m.text in openers or m.text in lowered:  # ("as" in lower case, read as a place, too)
            continue
        cut = m.text.find(". ")
        if cut > 0:
            word = re.match(r"[\w’']*", text[m.start + cut + 2 :])
            if word is not None and (word.group() in openers or m.text[cut + 2 :].split(" ", 1)[0] in openers):
                m = _with_entry(_cut(m, 0, cut + 1), gazetteer)
        out.append(m)
    return out


_MONTHS_DAYS = frozenset((
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
))


@functools.cache
def _of_org_pattern() -> re.Pattern[str] | None:
    heads = sorted(_words("of_heads"), key=len, reverse=True)
    if not heads:
        return None
    word = r"(?:(?:[A-Z]\.)+|[A-Z][\w’'&-]*)"
    return re.compile(
        r"(?<![\w’'.-])((?:" + word + r" ){0,4})(" + "|".join(map(re.escape, heads)) + r") (?:of|on|for)"
        r"(?: the| a| an)? ((?:" + word + r")(?: " + word + r"){0,5})"
    )


_AND_WORDS = re.compile(r" and ((?:[A-Z][\w’'&-]*)(?: [A-Z][\w’'&-]*){0,2})\b")
_UNIT_NUMBER = re.compile(r" \d{1,4}\b(?![.,]\d)")
_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def _ent12d_of_orgs(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation named with "of", "on" or "for" after its head word ("Office of the Governor",
    "US House Committee on Financial Services", "International Brotherhood of Teamsters"; `of_heads`)
    is one organisation from the capitalised words before the head (an opening word or an owner left
    out) to the capitalised words after the connector, over the pieces found inside it (the model
    stops at the lower-case word, or reads "Financial" as a person). The words after the connector
    end at a title ("Office of the Governor Kathy Hochul") or a month or a weekday, take a unit's number
    ("Teamsters Local 90"), and where a lower-case word follows one such word it is one a name is followed by
    (`of_org_followers`: "said", "and", "has"), not a noun they qualify ("the Kennedy Space Center for
    the Apollo program"); a span that a
    mention of another kind than ORG starts before, or that a mention runs past, is left as it is
    ("Office of Management and Budget" is already whole); where a mention reads over the connector, the
    words end where it ends ("University of Phoenix Works With ..."). After the words, "and" and
    capitalised words that no mention holds go with them ("European Centre for Disease Prevention and Control"; not "the
    Department of Justice and Microsoft")."""
    pattern = _of_org_pattern()
    if pattern is None:
        return mentions
    _, openers = _tailed_place()
    titles = _person_titles()
    follow = _words("of_org_followers")
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in ordered]

    def covering(pos: int) -> list[Mention]:
        """The mentions over character `pos` (the mentions do not overlap each other)."""
        i = bisect.bisect_right(ends, pos)
        return [m for m in ordered[i : i + 1] if m.start <= pos < m.end]

    spans = []
    for hit in pattern.finditer(text):
        start = hit.start()
        before = hit.group(1).split(" ")[:-1]
        while before and (before[0].casefold() in openers or before[0].endswith(("'s", "’s"))):
            start += len(before.pop(0)) + 1
        read = [m for m in covering(hit.start(2)) if m.end > hit.end(2) + 1]
        after = hit.group(3).split(" ")
        if read:  # "University of Phoenix" read over its connector: its words end there ("... Works With")
            after = text[hit.start(3) : max(hit.start(3), read[0].end)].split(" ")
        more = None if read else _AND_WORDS.match(text, hit.end(3))
        if more is not None and not covering(more.start(1)):
            after += ["and", *more.group(1).split(" ")]  # "Centre for Disease Prevention and Control"
        keep = 0
        for w in after:
            if w == "and":
                keep += 1
                continue
            if w in _MONTHS_DAYS or w.rstrip(".").casefold() in openers:
                break
            keep += 1
            if w.rstrip(".").casefold() in titles:
                break
        while keep and after[keep - 1] == "and":
            keep -= 1
        if not keep:
            continue
        end = hit.start(3) + len(" ".join(after[:keep]))
        number = _UNIT_NUMBER.match(text, end)
        if number is not None:
            end = number.end()  # "Teamsters Local 90": a numbered unit is one name with its number
        word = _NEXT_WORD.match(text, end) if keep == 1 and number is None else None
        if word is not None and word.group(1) not in follow:
            continue  # "the Kennedy Space Center for the Apollo program": the words qualify a noun
        spans.append((start, end))
    if not spans:
        return mentions
    starts = [m.start for m in ordered]
    drop: set[int] = set()
    added = []
    for start, end in spans:
        i = bisect.bisect_left(starts, end)
        inside, clash = [], False
        while i > 0 and ordered[i - 1].end > start:
            i -= 1
            m = ordered[i]
            if m.end > end or (m.start, m.end, m.type) == (start, end, "ORG"):
                clash = True
                break
            if m.start < start:
                if m.type != "ORG":
                    clash = True
                    break
                start = m.start  # an organisation's own words before the head ("US House Committee")
            inside.append(i)
        if clash or any(a.start < end and start < a.end for a in added):
            continue
        drop.update(inside)
        added.append(Mention(start, end, text[start:end], "ORG", source="rule"))
    if not added:
        return mentions
    return sorted([m for i, m in enumerate(ordered) if i not in drop] + added, key=lambda m: (m.start, m.end))


def _ent12d_org_titles(mentions: list[Mention]) -> list[Mention]:
    """An organisation's mention that ends in a title ("House Democratic Caucus Chairman", "Federal
    Reserve Chair", `org_title_tails`), or a party word after the body ("Senate Democratic", a
    person's mention), is the body without them: the title is a role of the person named next
    (GUIDELINE.md 4), the party word an adjective. A name with a lower-case word in it ("Office of the
    Governor", "Office of the Chief Whip") is an office named after its holder and keeps the title;
    a mention left with no word, or with a party word only ("Democratic"), is none."""
    tails = _words("org_title_tails")
    parties = {w.casefold() for w in _title_words()} & {"democratic", "republican", "conservative"}
    institutions = _folded_words("institution_words")
    out = []
    for m in mentions:
        words = m.text.split(" ")
        if m.source == "gazetteer" or m.type not in ("ORG", "PER"):
            out.append(m)
            continue
        cut = len(words)
        if m.type == "ORG" and not any(w[:1].islower() for w in words):  # "Office of the Chief Whip" is whole
            while cut > 1 and words[cut - 1] in tails and words[cut - 2][:1].isupper():
                cut -= 1
        while cut and words[cut - 1].casefold() in parties | {"majority", "minority"} and (
            cut < len(words) or m.type == "PER" or cut == 1
        ):
            cut -= 1
        if cut == len(words):
            out.append(m)
            continue
        if cut == 0:
            continue
        new = _cut(m, 0, len(" ".join(words[:cut])))
        if new.type == "PER":
            if " " in new.text or new.text.casefold() not in institutions:
                out.append(m)
                continue
            new = _retyped(new, "ORG")  # "Senate Democratic" read as a person: the Senate
        out.append(new)
    return out


_INITIAL_GAP = re.compile(r" [A-Z]\. ")


def _ent12d_middle_initials(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two people's mentions with a middle initial between them ("Rep. Gerald E. Connolly" read as
    'Gerald' and 'Connolly') are one person: nobody's name is an initial alone."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    for m in ordered:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == "PER" and m.type == "PER" and m.start - prev.end == 4
                and _INITIAL_GAP.fullmatch(text, prev.end, m.start)):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "PER", source="rule")
            continue
        out.append(m)
    return out


_PARTY_HYPHEN = re.compile(r"\b[DRI]-$")


@functools.cache
def _state_abbreviations() -> frozenset[str]:
    """The AP stylebook's abbreviations of US states and Canadian provinces ("Calif.", "Ky."), from
    resources/shared/dateline_regions.txt (its names ending in a full stop)."""
    return frozenset(w for w in resources.load_words("shared", "dateline_regions.txt") if w.endswith("."))


def _ent12d_abbreviated_states(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A one-word mention after a comma or a party letter's hyphen that is a state's abbreviation once
    the full stop after it is read with it ("SACRAMENTO, Calif." with 'Calif' read as a person, "R-Ky.")
    is that state (GPE), full stop included, where a town's mention stands before the comma ("No Sense
    of Nothing, Man." is no dateline)."""
    states = _state_abbreviations()
    # a town before the comma: a place's mention, or a dateline's city in capitals ("LOUISVILLE, Ky.")
    place_ends = {m.end for m in mentions if m.type == "GPE" or m.text.isupper()}
    out = []
    for m in mentions:
        if (m.source != "gazetteer" and m.type != "GPE" and text[m.end : m.end + 1] == "."
                and m.text + "." in states and (_PARTY_HYPHEN.search(text, max(0, m.start - 3), m.start)
                                                or (m.start - 2) in place_ends)):
            entry = gazetteer.lookup(m.text + ".")
            out.append(Mention(m.start, m.end + 1, m.text + ".", "GPE", source="rule",
                               key=None if entry is None else entry.id))
            continue
        out.append(m)
    return out


_STATE_KEYS = ("us-state:", "in-state:", "au-state:", "ca-province:", "za-province:", "uk-nation:", "id-prov:")
"""Gazetteer keys of states and provinces: a place before one and a comma is a town in it ("Des Moines,
Iowa"); before a country or a city it may be an island or a city's area ("Formentera, Spain", "Covent
Garden, London")."""
_UNIT_AFTER = re.compile(r" (?:district|county|province|municipality|village|town|city)\b")


def _ent12d_towns(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place read as an area or a town (LOC, GPE) that a comma and a known state or province follow
    ("Des Moines, Iowa", `_STATE_KEYS`), or a name the model did not read as a person that a lower-case unit
    word follows ("West Champaran district"), is a town or a district (GPE) in all its mentions of the
    article that are not people."""
    by_start = {m.start: m for m in mentions
                if m.source == "gazetteer" and m.type == "GPE" and (m.key or "").startswith(_STATE_KEYS)}
    towns = set()
    for m in mentions:
        if m.source == "gazetteer" or m.key is not None:
            continue
        state = m.type in ("LOC", "GPE") and text[m.end : m.end + 2] == ", " and m.end + 2 in by_start
        if state or (m.type in ("LOC", "ORG") and _UNIT_AFTER.match(text, m.end)):
            towns.add(m.text)
    out = mentions
    if towns:
        out = [_retyped(m, "GPE") if m.text in towns and m.type in ("LOC", "ORG") and m.source != "gazetteer" else m
               for m in mentions]
    return _unread_towns(text, out, by_start)


_TOWN_BEFORE_STATE = re.compile(r"\b(?:in|from|near|of|at|to) ((?:[A-Z][a-z’'-]+)(?: [A-Z][a-z’'-]+){0,2}), ")


def _unread_towns(text: str, mentions: list[Mention], states: dict[int, Mention]) -> list[Mention]:
    """A capitalised name after "in", "from", "near" that no mention holds, then a comma and a state or
    province ("they moved from Bondurant, Iowa"), is a town (GPE) there and wherever else the article
    writes it outside a mention: the gazetteer lacks most small towns."""
    if not states:
        return mentions
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in ordered]

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_right(ends, start)
        return not (i < len(ordered) and ordered[i].start < end)

    people = {m.text for m in mentions if m.type == "PER"}
    names = {hit.group(1) for hit in _TOWN_BEFORE_STATE.finditer(text)
             if hit.end() in states and free(*hit.span(1)) and hit.group(1) not in people}
    added = []
    for name in sorted(names):
        for hit in re.finditer(r"(?<![\w’'.-])" + re.escape(name) + r"(?![\w’'-])", text):
            if free(*hit.span()) and not _NEXT_CAPITAL.match(text, hit.end()):
                added.append(Mention(hit.start(), hit.end(), name, "GPE", source="rule"))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


_COMPASS_WORD = re.compile(r"(?<![\w’'-])(?:North|South|East|West|Northwest|Northeast|Southwest|Southeast|Central"
                           r"|Northern|Southern|Eastern|Western|Upper|Lower) $")


def _ent12d_compass_places(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A place right after a capitalised compass word that no mention holds ("West Palm Beach", "South
    Ayrshire", "South London", "North Wales") is named with it: a town of its own where the gazetteer
    knows the whole name or does not know the place (GPE, the place's type kept), a part of a known
    city, state or country otherwise (LOC: "South London", "Southwest Detroit")."""
    ends = {m.end for m in mentions}
    alone = {(m.start, m.end): m for m in mentions if m.source != "gazetteer" and m.key is None}
    out = []
    for m in mentions:
        hit = _COMPASS_WORD.search(text, max(0, m.start - 11), m.start) if m.type in ("GPE", "LOC") else None
        word = alone.get((hit.start(), hit.end() - 1)) if hit is not None else None
        if word is not None and word.type in ("GPE", "LOC") and out and out[-1] is word:
            out.pop()  # the compass word read as a place of its own ("Southern" of "Southern California")
        elif hit is None or any(e in ends for e in range(hit.start() + 1, hit.end())):
            out.append(m)  # (a mention that ends on the compass word holds it)
            continue
        name = text[hit.start() : m.end]
        entry = gazetteer.lookup(name)
        type_ = entry.type if entry is not None else ("LOC" if m.key is not None else m.type)
        out.append(Mention(hit.start(), m.end, name, type_, source="rule",  # type: ignore[arg-type]
                           key=None if entry is None else entry.id))
    return out


@functools.cache
def _appositive_pattern() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    kinds = {str(w): kind for key, kind in (("appositive_orgs", "ORG"), ("appositive_towns", "GPE"),
                                            ("appositive_areas", "LOC")) for w in _words(key)}
    links = sorted(_words("appositive_links"))
    if not kinds or not links:
        return None, kinds
    nouns = "|".join(re.escape(w) for w in sorted(kinds, key=len, reverse=True))
    return re.compile(r", (?:a|an|the) (?:[a-z][\w-]* ){0,3}?(" + nouns + r")(?=[,.;:)]| \d| (?:"
                      + "|".join(links) + r")\b)"), kinds


def _ent12d_appositives(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name read as a person with an appositive that says its kind right after it ("Etlaq, the company
    behind the spaceport", "Duqm, a former fishing village 165 kilometers from ...", `appositive_orgs`,
    `appositive_towns`, `appositive_areas`) is of that kind in all its person mentions of the article:
    a person is "a spokesman", never "the company". The noun must end the appositive's head (a stop, a
    number or a linking word after it: "the company spokesman" says nothing)."""
    pattern, kinds = _appositive_pattern()
    if pattern is None:
        return mentions
    found: dict[str, str] = {}
    for m in mentions:
        if m.type == "PER" and m.source != "gazetteer":
            hit = pattern.match(text, m.end)
            if hit is not None:
                found.setdefault(m.text, kinds[hit.group(1)])
    out = mentions
    if found:
        out = [_retyped(m, found[m.text]) if m.type == "PER" and m.text in found and m.source != "gazetteer" else m
               for m in mentions]
    return _unread_appositives(text, out, pattern, kinds)


_UNREAD_NAME = re.compile(r"(?<=[a-z] )((?:[A-Z][a-z’'-]+)(?: [A-Z][a-z’'-]+){0,2})(?=, (?:a|an|the) )")


def _unread_appositives(text: str, mentions: list[Mention], pattern: re.Pattern[str],
                        kinds: dict[str, str]) -> list[Mention]:
    """A capitalised name inside a sentence that no mention holds, with such an appositive ("they live
    in Bondurant, a suburb of Des Moines"), is of that kind there and wherever else the article writes
    it outside a mention (a town or a company the model does not know). A clause word or a name the
    article has as a person elsewhere is none."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in ordered]

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_right(ends, start)
        return not (i < len(ordered) and ordered[i].start < end)

    stop = {w.casefold() for w in _words("clause_openers")} | _person_titles() | _honorific_words()
    people = {m.text for m in mentions if m.type == "PER"}
    names: dict[str, str] = {}
    for hit in _UNREAD_NAME.finditer(text):
        name = hit.group(1)
        kind = pattern.match(text, hit.end(1))
        if kind is None or not free(*hit.span(1)) or name in people or name.split()[0].casefold() in stop \
                or name in _MONTHS_DAYS:
            continue
        names.setdefault(name, kinds[kind.group(1)])
    added = []
    for name, kind in sorted(names.items()):
        for hit in re.finditer(r"(?<![\w’'.-])" + re.escape(name) + r"(?![\w’'-])", text):
            if free(*hit.span()) and not _NEXT_CAPITAL.match(text, hit.end()):
                added.append(Mention(hit.start(), hit.end(), name, kind, source="rule"))  # type: ignore[arg-type]
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


_CONTRACTION = re.compile(r" \w+(?:n[’']t|[’'](?:ll|re|ve|d|m))$")


def _ent12d_contractions(mentions: list[Mention]) -> list[Mention]:
    """A mention that runs into a contracted verb ("If David Cameron hadn’t had ...", "Ada’ll") ends
    before it: no name ends in "hadn’t"."""
    return [_cut(m, 0, hit.start()) if (hit := _CONTRACTION.search(m.text)) else m for m in mentions]


@functools.cache
def _honorific_words() -> frozenset[str]:
    """Honorifics only a person bears (`person_only_titles`, and "Lord", "Lady"), without the stop."""
    data = resources.load_or_empty("en", "entities") or {}
    return frozenset(str(w).rstrip(".").casefold() for w in data.get("person_only_titles") or []) | {"lord", "lady"}


_TITLE_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)\.? $")


def _ent12d_honorifics(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name right after an honorific only a person bears ("Lord Alli", "Mr. Kowal", "Dr Oyelaran")
    read as an organisation or a place by the model is a person, in all its model mentions of the
    article that are not the gazetteer's."""
    words = _honorific_words()
    found = set()
    for m in mentions:
        if m.type in ("ORG", "GPE", "LOC") and m.source != "gazetteer" and m.key is None:
            hit = _TITLE_BEFORE.search(text, max(0, m.start - 12), m.start)
            if hit is not None and hit.group(1).casefold() in words:
                found.add(m.text)
    if not found:
        return mentions
    return [_retyped(m, "PER") if m.text in found and m.source != "gazetteer" and m.key is None
            and m.type in ("ORG", "GPE", "LOC") else m for m in mentions]


@functools.cache
def _particle_pattern() -> re.Pattern[str]:
    particles = sorted(resources.load_words("shared", "name_particles.txt"), key=len, reverse=True)
    alt = "|".join(map(re.escape, particles))
    return re.compile(r" ((?:(?:" + alt + r") ){1,2}|(?:al|el)-)(?:Mc|Mac|O’|O')?[A-Z][a-z’'-]+")


def _ent12d_particles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name goes on over lower-case particles ("Ursula von der Leyen", "Qaboos bin Said",
    "Vincent van Gogh", shared/name_particles.txt) to the capitalised word after them, over any
    mention of that word (the model stops at the particle)."""
    pattern = _particle_pattern()
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    skip_to = -1
    for m in ordered:
        if m.start < skip_to:
            continue
        hit = pattern.match(text, m.end) if m.type == "PER" else None
        if hit is None:
            out.append(m)
            continue
        out.append(Mention(m.start, hit.end(), text[m.start : hit.end()], "PER", source="rule"))
        skip_to = hit.end()
    return out


def _ent12d_mid_word(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A mention that ends inside a word ("Europe" of "European Union", spread from another mention:
    a lower-case letter after it; a capital after it is a scraper's glue, "Cristiano RonaldoFormer")
    is the whole word, and with the next mention the name the gazetteer knows ("European Union"); a
    whole word the gazetteer does not know is no mention ("European" is an adjective). One that starts
    inside a word is none."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    skip_to = -1
    for i, m in enumerate(ordered):
        if m.start < skip_to:
            continue
        if m.start and text[m.start - 1].isalnum() and (text[m.start].islower() or text[m.start - 1].isupper()):
            continue  # starts inside a word ("m|ILAN"; not a name glued to the word before it, "Coronavirus|Boris")
        if not (m.end < len(text) and text[m.end].islower() and text[m.end - 1].isalnum()):
            out.append(m)
            continue
        end = m.end
        while end < len(text) and (text[end].isalnum() or text[end] in "-’'") :
            end += 1
        word_end = end
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        entry = None
        if nxt is not None and nxt.start == word_end + 1:
            entry = gazetteer.lookup(text[m.start : nxt.end])
            if entry is not None:
                end = nxt.end
        if entry is None:
            end = word_end
            entry = gazetteer.lookup(text[m.start : end])
        if entry is None:
            continue
        out.append(Mention(m.start, end, text[m.start : end], entry.type, source="rule", key=entry.id))
        skip_to = end
    return out


_UNIT_OF = re.compile(r"\b(?:town|city|village|district|province|municipality|hamlet) of ([A-Z][\w’'-]+"
                      r"(?: [A-Z][\w’'-]+)?)")


def _ent12d_towns_of(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name after "the town of", "the village of", "the city of" ("a correspondent in the town of
    Saraqeb") that no mention holds is a town (GPE) there and wherever else the article writes it
    without a mention: the model knows few small towns abroad. A person or an organisation the model
    read there ("the province of Khyber Pukhtunkhwa") is the place in all its mentions."""
    names = set()
    at_unit = {}
    for hit in _UNIT_OF.finditer(text):
        names.add(hit.group(1))
        at_unit[hit.start(1)] = hit.group(1)
    if not names:
        return mentions
    # a person or an organisation read there ("the province of Khyber Pukhtunkhwa" as a person) is the place
    retyped = {m.text for m in mentions if at_unit.get(m.start) == m.text and m.type in ("PER", "ORG")
               and m.source != "gazetteer"}
    if retyped:
        mentions = [_retyped(m, "GPE") if m.text in retyped and m.type in ("PER", "ORG") and m.source != "gazetteer"
                    else m for m in mentions]
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in ordered]
    taken = {m.text for m in mentions if m.type != "GPE"}
    added = []
    for name in sorted(names - taken):
        for hit in re.finditer(r"(?<![\w’'-])" + re.escape(name) + r"(?![\w’'-])", text):
            i = bisect.bisect_right(ends, hit.start())
            if i < len(ordered) and ordered[i].start < hit.end():
                continue  # a mention holds it already
            added.append(Mention(hit.start(), hit.end(), name, "GPE", source="rule"))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


_LETTERS = re.compile(r"[A-Za-z]")


def _caps_line(text: str, start: int, end: int) -> bool:
    """Whether the mention's line is written in capitals (a heading: "HOPES FOR PUTIN TALKS"): three
    words or more, nine tenths of its letters upper case."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    line = text[left : right if right >= 0 else len(text)]
    letters = _LETTERS.findall(line)
    return len(line.split()) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _ent12d_caps_headings(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """In a heading written in capitals ("HOPES FOR PUTIN TALKS") capitalisation says nothing, so a
    mention of more than one word is kept only as what the article names in ordinary case: the
    longest run of its words that is a mention elsewhere in the article (written so, any case:
    'PUTIN' as Putin, a person), or what the gazetteer knows it as, or an organisation with its own
    head or last word ("BUREAU OF IMMIGRATION"); else it is none. One word in
    capitals is left to the other rules (acronyms)."""
    heads = _words("of_heads")
    tails = _folded_words("org_tails")
    named: dict[str, Mention] = {}
    for m in mentions:
        if not m.text.isupper():
            named.setdefault(m.text.casefold(), m)
    out = []
    for m in mentions:
        words = m.text.split(" ")
        if len(words) < 2 or not m.text.isupper() or not _caps_line(text, m.start, m.end):
            out.append(m)
            continue
        entry = gazetteer.lookup(m.text.title())
        if entry is None and m.type == "ORG" and (words[0].title() in heads or words[-1].casefold() in tails):
            out.append(m)  # "BUREAU OF IMMIGRATION": an organisation's own word says what it is
            continue
        if entry is not None:
            out.append(_retyped(dataclasses.replace(m, key=entry.id), entry.type))
            continue
        best = None
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                other = named.get(" ".join(words[i : i + n]).casefold())
                if other is not None and best is None:
                    best = (len(" ".join(words[:i])) + (1 if i else 0), n, other, i)
            if best is not None:
                break
        if best is None:
            continue
        offset, n, other, i = best
        piece = " ".join(words[i : i + n])
        new = _retyped(_cut(m, offset, offset + len(piece)), other.type)
        new.key = other.key
        out.append(new)
    return out


_ROYAL_AND_KIN = frozenset(("prince", "princess", "king", "queen", "duke", "duchess", "pope", "saint", "sister",
                            "brother", "father", "mother", "uncle", "aunt", "auntie", "grandma", "grandpa", "coach"))
"""Words before a name that are a rank or a kinship, not a given name ("Princess Diana" is Diana)."""
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'-]* $")
_SURNAME = re.compile(r"(?:Mc|Mac|O’|O')?[A-Z][a-z’'-]{2,}")


def _ent12d_given_names(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A person the article names by the surname alone ("Moghadam said") whose full name it writes
    where the model read only the surname or nothing ("Piyum Moghadam, a business consultant"): a
    capitalised word right before the surname that no mention holds, that the article never writes
    in lower case, and that is no title, greeting, demonym or clause word, and that no capitalised
    word stands before ("Western Philosophy"), makes one person with it (the model knows few given
    names from abroad). The surname must be a person at least twice in the article, one plain word
    (not glued: "WengerArsene"); where some longer person mention ends in it, only that full form is
    taken ("Piyum Moghadam" read in a photo credit, unread at the person's first mention)."""
    people = [m for m in mentions if m.type == "PER"]
    counts: dict[str, int] = defaultdict(int)
    for m in people:
        counts[m.text] += 1
    surnames = {name for name, n in counts.items() if n >= 2 and _SURNAME.fullmatch(name)}
    full_forms: dict[str, set[str]] = defaultdict(set)  # surname -> the longer person mentions ending in it
    for m in people:
        if " " in m.text:
            full_forms[m.text.rsplit(" ", 1)[1]].add(m.text)
    if not surnames:
        return mentions
    lower = frozenset(re.findall(r"(?<![\w-])[a-z][a-z-]+(?![\w-])", text))
    stop = ({w.casefold() for w in _words("clause_openers") | _words("greeting_words") | _words("name_joiners")}
            | _person_titles() | _honorific_words() | {w.casefold() for w in gazetteer.demonyms} | _ROYAL_AND_KIN)
    _, openers = _tailed_place()
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in ordered]
    drop: set[int] = set()
    added: list[Mention] = []
    for name in sorted(surnames):
        for hit in re.finditer(r"(?<![\w’'.-])([A-Z][a-z]+) " + re.escape(name) + r"(?![\w’'-])", text):
            given = hit.group(1)
            low = given.casefold()
            if full_forms.get(name) and hit.group(0) not in full_forms[name]:
                continue  # the article names this person in full otherwise ("Sarah Lazare" of "Lazare")
            if low in lower or low in stop or low in openers or given in _MONTHS_DAYS:
                continue
            if _CAPITALISED_BEFORE.search(text, max(0, hit.start() - 40), hit.start()):
                continue  # "Western Philosophy", "The Bellevue Hotel": a capitalised run, not a given name
            i = bisect.bisect_right(ends, hit.start())
            inside = [m for m in ordered[i : i + 3] if m.start < hit.end()]
            if any(not (m.type == "PER" and m.text == name and m.start == hit.start(1) + len(given) + 1)
                   for m in inside):
                continue  # a mention holds the given name, or the surname is read otherwise
            drop.update(id(m) for m in inside)
            added.append(Mention(hit.start(), hit.end(), hit.group(0), "PER", source="rule"))
    if not added:
        return mentions
    return sorted([m for m in mentions if id(m) not in drop] + added, key=lambda m: (m.start, m.end))


_COURTESY = re.compile(r"^(?:Courtesy of|Photo by|Image by|Photo courtesy of|Picture by) ")


def _ent12d_credits(mentions: list[Mention]) -> list[Mention]:
    """A mention that opens with a photo credit's words ("Courtesy of Piyum Moghadam", "Photo by Ann
    Li") is the name after them, a person: an organisation takes no "Courtesy of"."""
    out = []
    for m in mentions:
        hit = _COURTESY.match(m.text)
        if hit is not None and m.text[hit.end() :][:1].isupper():
            m = _retyped(_cut(m, hit.end(), len(m.text)), "PER") if m.type != "PER" else _cut(m, hit.end(), len(m.text))
        out.append(m)
    return out


_AND_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+) (?:and|&) $")


def _ent12d_and_orgs(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """An organisation of two words or more right after a capitalised word and "and" that no mention
    holds ("Health and Human Services", "Customs and Border Protection") is named with them: the
    model stops at the lower-case "and". The word must stand alone (no capitalised word before it:
    "Smith Barney and ..."), and be no clause word or demonym."""
    stop = {w.casefold() for w in _words("clause_openers")} | {w.casefold() for w in gazetteer.demonyms}
    ends = {m.end for m in mentions}
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        hit = _AND_BEFORE.search(text, max(0, m.start - 30), m.start) if m.type == "ORG" and " " in m.text else None
        if (hit is None or hit.group(1).casefold() in stop or hit.start() in starts
                or any(e in ends for e in range(hit.start() + 1, hit.end()))
                or _CAPITALISED_BEFORE.search(text, max(0, hit.start() - 40), hit.start())):
            out.append(m)
            continue
        out.append(Mention(hit.start(), m.end, text[hit.start() : m.end], "ORG", source="rule"))
    return out


@functools.cache
def _furniture_pattern() -> re.Pattern[str] | None:
    phrases = sorted(_words("site_furniture"), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, phrases)) + r")(?![\w’'-])| \| ")


def _ent12d_site_furniture(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """No mention of a site's menu or footer words ("Privacy Policy" read as a person, "Terms &
    Conditions | Privacy Policy | Cookie Policy" as an organisation; `site_furniture`, or a link bar's
    " | "): the page's own furniture names nobody. A run over a tag bar's pipe that opens with a
    place the gazetteer knows is that place ("Bihar | Coronavirus")."""
    pattern = _furniture_pattern()
    if pattern is None:
        return mentions
    out = []
    for m in mentions:
        hit = None if m.source == "gazetteer" else pattern.search(m.text)
        if hit is None:
            out.append(m)
            continue
        first = m.text.split(" | ", 1)[0]
        entry = gazetteer.lookup(first) if hit.group().strip() == "|" and first else None
        if entry is not None:  # "Bihar | Coronavirus": a tag bar's place, one tag of the bar
            out.append(Mention(m.start, m.start + len(first), first, entry.type, source="rule",  # type: ignore[arg-type]
                               key=entry.id))
    return out


_SURNAME_TAILS = frozenset(("Post", "Press", "Reporter", "Insider", "Mirror", "Express", "Guardian", "Observer",
                            "Standard", "Times", "Globe"))
"""Publication words that are also surnames ("Alex Press", "Emily Post"): a person's mention ending in
one stays a person; a place's becomes the publication ("London Standard")."""


def _ent12d_publications(mentions: list[Mention]) -> list[Mention]:
    """A name of two words or more ending in a newspaper's or magazine's last word ("Wall Street
    Journal", "Rolling Stone Magazine", "London Standard"; `publication_tails`) read as a person or a
    place is the publication (ORG). The gazetteer's entries keep their type."""
    tails = _words("publication_tails")
    return [_retyped(m, "ORG") if m.type in ("PER", "GPE", "LOC") and m.source != "gazetteer" and " " in m.text
            and (last := m.text.rsplit(" ", 1)[1]) in tails and (m.type != "PER" or last not in _SURNAME_TAILS)
            else m for m in mentions]


def _ent12d_office_of(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word organisation before "administration", "campaign" ("the Trump administration";
    `person_offices`) that the article also names as a person (that name, or a person's surname) is
    the person: the office is theirs, the name is not an organisation's."""
    offices = sorted(_words("person_offices"), key=len, reverse=True)
    if not offices:
        return mentions
    after = re.compile(r" (?:" + "|".join(map(re.escape, offices)) + r")\b")
    people = {m.text for m in mentions if m.type == "PER"}
    people |= {m.text.rsplit(" ", 1)[1] for m in mentions if m.type == "PER" and " " in m.text}
    return [_retyped(m, "PER") if m.type == "ORG" and " " not in m.text and m.text in people
            and after.match(text, m.end) else m for m in mentions]


_DATELINE_AFTER = re.compile(r"(?:,| \(| [\"“”—–-])")


def _ent12d_caps_datelines(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A town's name in capitals opening a line, then a dateline's comma, bracket, dash or quote
    ("BERLIN — ...", "LONDON \" AstraZeneca says ...") that the gazetteer knows written in ordinary
    case is that place, whatever the model read (an organisation)."""
    out = []
    for m in mentions:
        if (m.source != "gazetteer" and m.text.isupper() and len(m.text) >= 4
                and (m.start == 0 or text[m.start - 1] == "\n") and _DATELINE_AFTER.match(text, m.end)):
            entry = gazetteer.lookup(m.text.title())
            if entry is not None and entry.type in ("GPE", "LOC") and entry.type != m.type:
                m = _retyped(dataclasses.replace(m, key=entry.id), entry.type)
        out.append(m)
    return out


_LATIN_LOWER = re.compile(r"[a-z]")
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co|gov|edu|info|io|uk|id|in|az)$")


def _ent12d_lower_case(mentions: list[Mention]) -> list[Mention]:
    """No English mention without a capital letter ("contains links to viruses", "flask", "2 points ·
    6 years ago", an e-mail address): an English name is capitalised, and text in lower case that a
    rule or the model ran into a mention is a comment's or a form's words. The gazetteer's entries, a
    site's bare domain ("etsy.com", as an outlet is named), a lower-case brand the model is sure of
    (`_lower_brand`) and text in other scripts are left alone."""
    return [m for m in mentions if m.source == "gazetteer" or any(c.isupper() for c in m.text)
            or not _LATIN_LOWER.search(m.text) or _DOMAIN.match(m.text) or _lower_brand(m)]


def _lower_brand(m: Mention) -> bool:
    """A brand written in lower case ("a spokesperson for flydubai"): one plain word the model is sure
    of (a score of 0.8 or more; the comment and form words it reads are below 0.65 on the audit's
    pages, "flask" 0.31-0.43, "newsletter" 0.46)."""
    return m.source == "model" and m.score is not None and m.score >= 0.8 and m.text.isalpha()


@functools.cache
def _org_cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    data = resources.load_or_empty("en", "entities") or {}
    before = sorted((str(w) for w in data.get("org_cues_before") or []), key=len, reverse=True)
    after = sorted((str(w) for w in data.get("org_cues_after_name") or []), key=len, reverse=True)
    if not before or not after:
        return None
    name = r"((?:[A-Z][a-z]+[A-Z]?[a-z]*|[A-Z]{2,6})(?: (?:[A-Z][a-z]+[A-Z]?[a-z]*))?)"
    return (re.compile(r"\b(?:" + "|".join(map(re.escape, before)) + r") " + name + r"(?![\w’'-])"),
            re.compile(r"(?<![\w’'.-])" + name + r"(?:[’']s?)? (?:" + "|".join(map(re.escape, after)) + r")\b"))


_NEXT_CAPITAL = re.compile(r" [A-Z]")


def _ent12d_cued_orgs(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A capitalised name that no mention holds, with an organisation's cue right before or after it
    ("advocacy director for FreedomWorks", "Dozens of Hachette employees", `org_cues_before`,
    `org_cues_after_name`), is an organisation wherever the article writes it outside a mention: the model
    knows few one-word organisations abroad (not where it is one word of a longer capitalised run:
    "Skyhorse Publishing"). A name the gazetteer knows as something else, a person's name in the
    article, a demonym (or its plural), a clause word, a month or a title is none of these."""
    patterns = _org_cue_patterns()
    if patterns is None:
        return mentions
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in ordered]

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_right(ends, start)
        return not (i < len(ordered) and ordered[i].start < end)

    people = {w for m in mentions if m.type == "PER" for w in m.text.split()}
    titles = _person_titles() | _honorific_words()
    stop = {w.casefold() for w in _words("clause_openers")} | {w.casefold() for w in gazetteer.demonyms}
    names = set()
    for pattern in patterns:
        for hit in pattern.finditer(text):
            name = hit.group(1)
            entry = gazetteer.lookup(name)
            first = name.split()[0].casefold()
            if (not free(*hit.span(1)) or (entry is not None and entry.type != "ORG") or name in _MONTHS_DAYS
                    or any(w in people for w in name.split()) or first in stop or first.removesuffix("s") in stop
                    or (text[hit.end(1) : hit.end(1) + 1] == "." and (first in titles or first + "." in titles))):
                continue  # ("a spokesperson for Sen. Kamala Harris": a title, "Americans": a demonym)
            names.add(name)
    added = []
    for name in sorted(names):
        for hit in re.finditer(r"(?<![\w’'.-])" + re.escape(name) + r"(?![\w’'-])", text):
            if free(*hit.span()) and not _NEXT_CAPITAL.match(text, hit.end()) \
                    and not _CAPITALISED_BEFORE.search(text, max(0, hit.start() - 40), hit.start()):
                added.append(Mention(hit.start(), hit.end(), name, "ORG", source="rule"))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def _ent12d_headline_verbs(mentions: list[Mention]) -> list[Mention]:
    """A person's mention that opens or ends with a headline's verb ("Ali Khan Arrives", "Arrest
    Netanyahu"; `headline_verbs`) is the name without it: no name ends in "Arrives". A mention that
    is the verb alone is none."""
    verbs = _words("headline_verbs")
    out = []
    for m in mentions:
        words = m.text.split(" ")
        if m.type != "PER" or not (words[0] in verbs or words[-1] in verbs):
            out.append(m)
            continue
        lo, hi = 0, len(words)
        while lo < hi and words[lo] in verbs:
            lo += 1
        while hi > lo and words[hi - 1] in verbs:
            hi -= 1
        if lo == hi:
            continue
        start = len(" ".join(words[:lo])) + (1 if lo else 0)
        out.append(_cut(m, start, start + len(" ".join(words[lo:hi]))))
    return out


def _ent12d_title_case(mentions: list[Mention]) -> list[Mention]:
    """No mention of three words or more with a capitalised preposition after its first word ("Face
    Mask For Being Seen At Night", "Covers For AI"; `title_prepositions`): a name writes them in lower
    case ("Centre for Policy Impact"), a Title Case headline or product title does not. The
    gazetteer's entries are left alone."""
    words = _words("title_prepositions")
    return [m for m in mentions if m.source == "gazetteer"
            or not (len(split := m.text.split()) >= 3 and any(w in words for w in split[1:]))]


_OR_ACRONYM = re.compile(r"((?:[A-Z][\w’'-]*(?: (?:of|for|and|the|de|on))? ){1,6}?[A-Z][\w’'-]*), or ([A-Z]{2,6})\b")


def _ent12d_or_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name followed by ", or" and its initials ("Advanced Rocket Technologies, or ART") is an
    organisation, and so is the acronym wherever the article writes it outside a mention: the
    brackets rule does not see this way of defining one. The initials must be those of the name's
    capitalised words (its lower-case connectors skipped); the name is added where no mention holds
    any of it, and a name read as a person or a place ("Ada Lund, or AL") is left alone."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    ends = [m.end for m in ordered]

    def over(start: int, end: int) -> list[Mention]:
        i = bisect.bisect_right(ends, start)
        return [m for m in ordered[i : i + 8] if m.start < end]

    added: list[Mention] = []
    acronyms: dict[str, str] = {}
    for hit in _OR_ACRONYM.finditer(text):
        words = hit.group(1).split(" ")
        capitals = [w for w in words if w[:1].isupper()]
        acronym = hit.group(2)
        tail = capitals[-len(acronym):] if len(capitals) >= len(acronym) else []
        if not tail or "".join(w[0] for w in tail) != acronym:
            continue
        start = hit.start(1) + hit.group(1).rfind(tail[0] + (" " if len(tail) > 1 else ""))
        if len(tail) == 1:
            start = hit.end(1) - len(tail[0])
        inside = over(start, hit.end(1))
        if not inside:
            added.append(Mention(start, hit.end(1), text[start : hit.end(1)], "ORG", source="rule"))
        elif not (len(inside) == 1 and (inside[0].start, inside[0].end, inside[0].type) == (start, hit.end(1), "ORG")):
            continue  # a person's or a place's initials, or a name read otherwise: left alone
        acronyms.setdefault(acronym, "ORG")
    for acronym, type_ in sorted(acronyms.items()):
        for hit in re.finditer(r"(?<![\w’'.-])" + acronym + r"(?![\w’'-])", text):
            if not over(*hit.span()):
                added.append(Mention(hit.start(), hit.end(), acronym, type_, source="rule"))  # type: ignore[arg-type]
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


# -- enten: English precision and recall on unseen news pages ---------------------------------------------------


def _enten_dotted_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name that ends on an abbreviation written with a full stop ("Kelly Oubre Jr.", "Warner Bros.",
    `dotted_name_tails`) holds the stop: it is part of the word, not the end of the sentence (a name
    at a sentence's end shares its stop with it, as "Jr." does in any dictionary)."""
    tails = _words("dotted_name_tails")
    out = []
    for m in mentions:
        last = m.text.rsplit(" ", 1)[-1]
        if " " in m.text and last in tails and text[m.end : m.end + 1] == ".":
            m = dataclasses.replace(m, end=m.end + 1, text=m.text + ".")
        out.append(m)
    return out


_THE_PLURAL = re.compile(r"(?<![\w’'-])[Tt]he ([A-Z][a-z]{2,}s)(?![\w-])")


@functools.cache
def _demonym_words() -> frozenset[str]:
    """The English demonyms (en/demonyms.txt), case-folded."""
    return frozenset(w.casefold() for w in resources.load_words("en", "demonyms.txt"))


def _enten_teams(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """In an article about a team sport (`team_cues`), one capitalised plural the article writes after
    "the" at least twice ("the Sixers played", "the Sixers' run") is a team (ORG) in every mention of
    it ("Sixers defenders"), unless the gazetteer knows it, it is a people ("the Americans", a
    demonym), a place's or a body's plural (`not_team_words`: "the Heights", "the Times"; `plural_places`,
    `plural_awards`: "the Americas", "the Oscars"), or the
    article writes it in lower case too (a common word). The model reads such a nickname as a person or
    not at all: no town or given name is written in the plural after "the"."""
    folded = text.casefold()
    if not any(re.search(r"\b" + re.escape(c) + r"\b", folded) for c in _folded_words("team_cues")):
        return mentions
    counts: dict[str, int] = defaultdict(int)
    for hit in _THE_PLURAL.finditer(text):
        counts[hit.group(1)] += 1
    stop = (_folded_words("not_team_words") | _folded_words("plural_places") | _folded_words("plural_awards")
            | _demonym_words())

    def nickname(name: str) -> bool:
        low = name.casefold()
        if low in stop or low[:-1] in stop or gazetteer.lookup(name) is not None:
            return False
        # written in lower case too: a common word ("the Reds" is not "the reds")
        return re.search(r"(?<![\w’'-])" + re.escape(low) + r"(?![\w-])", text) is None

    teams = {name for name, n in counts.items() if n >= 2 and nickname(name)}
    if not teams:
        return mentions
    # the other side of a game ("the Sixers and Celtics each struggled")
    alternation = "|".join(map(re.escape, sorted(teams)))
    teams |= {hit.group(1) for hit in re.finditer(r"\b(?:" + alternation + r") (?:and|&|or) ([A-Z][a-z]{2,}s)(?![\w-])",
                                                   text) if nickname(hit.group(1))}
    singular = {t[:-1] for t in teams}  # "former Sixer Jrue Holiday": a member, no name of its own
    ordered = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        first, _, rest = m.text.partition(" ")
        if m.source != "gazetteer" and first in singular:
            if not rest:
                continue
            m = _cut(m, len(first) + 1, len(m.text))
        ordered.append(m)
    taken = StaticSpans((m.start, m.end) for m in ordered if m.text not in teams)
    kept = [m for m in ordered if m.text not in teams]
    added = []
    for hit in re.finditer(r"(?<![\w’'.-])(?:" + "|".join(map(re.escape, sorted(teams))) + r")(?![\w-])", text):
        if not taken.overlaps(hit.start(), hit.end()):
            added.append(Mention(hit.start(), hit.end(), hit.group(0), "ORG", source="rule"))
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _enten_plural_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place named in the plural after "the" that the gazetteer does not know (`plural_places`: "the
    Americas", "the Alps") is a place (LOC, GUIDELINE.md 3: a continent's part, a range) where no
    mention holds it; the model, knowing no such plural, reads it as nothing or as a person."""
    names = _words("plural_places")
    spans = [(hit.start(1), hit.end(1), hit.group(1), "LOC", None)
             for hit in _THE_PLURAL.finditer(text) if hit.group(1) in names]
    return _replace_inside(mentions, spans) if spans else mentions


_PARTY_DESIGNATION = re.compile(r" \([DRI]-((?:[A-Z][\w.’'-]*)(?: [A-Z][\w.’'-]*)?)\)")


def _enten_party_designations(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A name followed by a US party letter and a state or town in brackets ("Ada Kell (R-N.C.)", "(D-Austin)")
    is a legislator (PER, in every mention of the name: a bracket with initials or an acronym made it
    an organisation), and the state or town in the bracket is a place (GPE) where no mention holds it."""
    people: set[str] = set()
    places = []
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    by_end = {m.end: m for m in ordered}
    for hit in _PARTY_DESIGNATION.finditer(text):
        m = by_end.get(hit.start())
        if m is None:
            continue  # no name before the bracket
        if m.source != "gazetteer" and " " in m.text:
            people.add(m.text)
        entry = gazetteer.lookup(hit.group(1)) or gazetteer.lookup(_state_names().get(hit.group(1), ""))
        places.append((hit.start(1), hit.end(1), hit.group(1), "GPE", None if entry is None else entry.id))
    if not people and not places:
        return mentions
    out = [_retyped(m, "PER") if m.text in people and m.type != "PER" and m.source != "gazetteer" else m
           for m in ordered]
    return _replace_inside(out, places)


def _enten_local_parties(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place written right before a national party's name ("Travis County GOP", "Ohio Republican
    Party", the gazetteer's `party:` entries named as a party, not as its members) is the party's local
    branch: one organisation, the place no mention of its own (the way "Travis County Democratic Party"
    is read whole when the gazetteer does not split it)."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    for m in ordered:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == "GPE" and m.type == "ORG" and (m.key or "").startswith("party:")
                and (m.text == "GOP" or m.text.endswith(" Party")) and text[prev.end : m.start] == " "):
            # one key per branch, so that "Travis County GOP" and "Travis County Republican Party" are one
            key = f"{m.key}@{prev.key or prev.text.casefold()}"
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "ORG", source="rule", key=key)
            continue
        out.append(m)
    return out


@functools.cache
def _inner_title_pattern() -> re.Pattern[str] | None:
    """`inner_titles` of en/entities.yaml between a capitalised run and a name of one to three words
    that ends the mention."""
    titles = sorted(_words("inner_titles"), key=len, reverse=True)
    if not titles:
        return None
    name = r"(?:Mc|Mac|O’|O')?[A-Z][a-z’'-]+"
    return re.compile(r" (?:" + "|".join(map(re.escape, titles)) + r") (" + name + r"(?: [A-Z]\.)?(?: " + name
                      + r"){0,2})$")


_PLACE_UNITS = frozenset(("County", "City", "State", "Township", "Parish", "Borough", "Province", "District"))


def _enten_inner_titles(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A model's mention that runs from a body or a place over a title into a person's name ("Alameda
    County District Attorney Pamela Price", `inner_titles`) is two names: the person after the title
    (PER), and what stands before it, a place where the gazetteer knows it or it ends in a unit
    ("Alameda County", GPE) and a body otherwise ("Federal Reserve", ORG). The title is a role, no part
    of either name (GUIDELINE.md 4)."""
    pattern = _inner_title_pattern()
    if pattern is None:
        return mentions
    titles = _title_words() | _folded_words("title_modifiers")
    out = []
    for m in mentions:
        hit = pattern.search(m.text) if m.source != "gazetteer" and m.key is None and " " in m.text else None
        before = m.text[: hit.start()] if hit is not None else ""
        if hit is None or not before or any(w[:1].islower() for w in before.split()):
            out.append(m)
            continue
        person = Mention(m.start + hit.start(1), m.end, hit.group(1), "PER", source="rule")
        if before.casefold() in titles or before in ("Former", "State", "Acting", "Interim"):
            out.append(person)  # "State Sen. Ada Kell": no body named before the title
            continue
        entry = gazetteer.lookup(before)
        if entry is not None:
            type_, key = entry.type, entry.id
        else:
            type_, key = ("GPE" if before.rsplit(" ", 1)[-1] in _PLACE_UNITS else "ORG"), None
        out.append(Mention(m.start, m.start + len(before), before, type_, source="rule", key=key))  # type: ignore[arg-type]
        out.append(person)
    return out


def _enten_peoples(mentions: list[Mention]) -> list[Mention]:
    """A mention made of demonyms (en/demonyms.txt, ethnic and religious adjectives with them) and a
    plural noun of people ("Indigenous Peoples", "Muslim Women", `people_nouns`) is a group of people,
    no entity (GUIDELINE.md counts a nationality with no entity): the model reads it as a person or,
    capitalised throughout an article, as a name."""
    demonyms = _demonym_words()
    nouns = _folded_words("people_nouns")
    out = []
    for m in mentions:
        words = m.text.casefold().split()
        if (m.source != "gazetteer" and m.key is None and len(words) >= 2 and words[-1] in nouns
                and all(w in demonyms for w in words[:-1])):
            continue
        out.append(m)
    return out


_MONTH_DAY_FOLDED = frozenset(w.casefold() for w in _MONTHS_DAYS)


@functools.cache
def _publication_run() -> re.Pattern[str] | None:
    """One to three capitalised words then a `publication_tails` word, with no capitalised word before."""
    tails = sorted(_words("publication_tails"))
    if not tails:
        return None
    return re.compile(r"(?<![\w’'.&-])(?<![A-Z][\w’'.-] )((?:[A-Z][\w’'-]*[a-z][\w’'-]* ){1,3}(?:"
                      + "|".join(map(re.escape, tails)) + r"))(?![\w’'-])(?! [A-Z])")


def _enten_unread_publications(text: str, mentions: list[Mention]) -> list[Mention]:
    """A run of capitalised words ending in a newspaper's last word that no mention holds ("Speaking
    with Kaieteur News", "told the Sahan Journal"; `publication_tails`) is the publication (ORG), in
    all its writings, where the article never writes a word of it but the last in lower case (so "Local
    News" of a menu or "Breaking News" is none) and no word of it is a title or a clause word."""
    pattern = _publication_run()
    if pattern is None:
        return mentions
    lower = frozenset(re.findall(r"(?<![\w-])[a-z][a-z’'-]+(?![\w-])", text))
    stop = ({w.casefold() for w in _words("clause_openers") | _words("headline_words")} | _title_words()
            | _folded_words("title_modifiers") | _MONTH_DAY_FOLDED)
    names = set()
    for hit in pattern.finditer(text):
        words = hit.group(1).split(" ")[:-1]
        if any(w.casefold() in lower or w.casefold() in stop for w in words):
            continue
        names.add(hit.group(1))
    if not names:
        return mentions
    held = {(m.start, m.end) for m in mentions}  # a mention of the whole name keeps its reading
    spans = [(hit.start(), hit.end(), hit.group(0), "ORG", None)
             for hit in re.finditer(r"(?<![\w’'.-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w’'-])",
                                    text) if hit.span() not in held]
    return _replace_inside(mentions, spans)


_QUARTERS = frozenset(("North", "South", "East", "West"))


def _enten_regions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A country's region named by no place of the gazetteer (`region_names`: "the Midwest", "West
    Coast hubs") is an area (LOC) in every writing of it that no longer name runs past; so is a
    compass word after "the" that the model read as a place or a body ("a heat wave baked the West"),
    without a sentence's full stop."""
    names = sorted(_words("region_names"), key=len, reverse=True)
    out = []
    for m in mentions:
        if (m.type in ("GPE", "ORG") and m.source != "gazetteer" and m.text.rstrip(".") in _QUARTERS
                and text[max(0, m.start - 4) : m.start] == "the "):
            word = m.text.rstrip(".")
            m = dataclasses.replace(_retyped(m, "LOC"), end=m.start + len(word), text=word)
        out.append(m)
    if not names:
        return out
    spans = [(hit.start(), hit.end(), hit.group(0), "LOC", None)
             for hit in re.finditer(r"(?<![\w’'.-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w’'-])", text)]
    return _replace_inside(out, spans)


def _enten_place_pairs(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A mention "A and B" whose two sides the gazetteer knows as places ("Africa and Europe", "Europe
    and East Asia", read as one organisation) is those two places, each with the gazetteer's type:
    a body named so would be one the gazetteer or a head word names ("Bosnia and Herzegovina" is one
    entry, and stays)."""
    out = []
    for m in mentions:
        left, sep, right = m.text.partition(" and ")
        if not sep or m.source == "gazetteer" or m.key is not None or gazetteer.lookup(m.text) is not None:
            out.append(m)
            continue
        a, b = gazetteer.lookup(left), gazetteer.lookup(right)
        if a is None or b is None or a.type not in ("GPE", "LOC") or b.type not in ("GPE", "LOC"):
            out.append(m)
            continue
        at = m.start + len(left) + len(sep)
        out.append(Mention(m.start, m.start + len(left), left, a.type, source="rule", key=a.id))  # type: ignore[arg-type]
        out.append(Mention(at, m.end, right, b.type, source="rule", key=b.id))  # type: ignore[arg-type]
    return out


_PLACE_PREPOSITION = re.compile(r"(?<![\w’'-])(?:in|at|from|to|of|near|across|around|outside|inside|and) $")


def _enten_place_given_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word place of the gazetteer right before a person's name the model read without it
    ("Alberta Whittle", "Alexandria Douziech": the gazetteer took the given name) is the person's given
    name: one person, unless a preposition or a capitalised word stands before the place ("in Alberta
    Whittle said" reads as a place)."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    for m in ordered:
        prev = out[-1] if out else None
        if (prev is not None and m.type == "PER" and m.source != "gazetteer" and " " not in m.text
                and prev.source == "gazetteer" and prev.type == "GPE" and " " not in prev.text
                and text[prev.end : m.start] == " " and prev.text[1:].islower()
                and not _PLACE_PREPOSITION.search(text, max(0, prev.start - 12), prev.start)
                and not _CAPITALISED_BEFORE.search(text, max(0, prev.start - 30), prev.start)):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "PER", source="rule")
            continue
        out.append(m)
    return out


_VERSION_AFTER = re.compile(r"\.\d")


def _enten_versions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A mention glued to a point and a digit ("Omicron BA.2", "Python 3" is not glued) is the front of
    a code, a variant's or a version's name, no entity: the model stops at the point."""
    return [m for m in mentions if m.source == "gazetteer" or not _VERSION_AFTER.match(text, m.end)]


@functools.cache
def _org_run() -> re.Pattern[str] | None:
    """One to four capitalised words (joined by "and", "&", "of", "for" too) then an `org_run_tails`
    word, with no capitalised word right before."""
    tails = sorted(_words("org_run_tails"))
    if not tails:
        return None
    # no possessive ("Sweden's Public Health Agency" is the agency); a short acronym too ("NJ Transit")
    word = r"(?:[A-Z][\w-]*[a-z][\w-]*|[A-Z]{2,4})"
    return re.compile(r"(?<![\w’'.&-])(?<![A-Z][\w.-] )(" + word + r"(?: (?:(?:and|&|of|for) )?" + word
                      + r"){0,3} (?:" + "|".join(map(re.escape, tails)) + r"))(?![\w’'-])(?! [A-Z&])"
                      r"(?! (?:of|on|for|in) (?:the )?[A-Z])")  # "Select Committee on the ...": the name runs on


def _enten_unread_orgs(text: str, mentions: list[Mention]) -> list[Mention]:
    """A run of capitalised words ending in an organisation's last word ("Wildlife Management
    International", "Fauna and Flora International", `org_run_tails`) is the organisation (ORG) over the
    pieces the model read inside it ("Fauna" as a person), unless a mention runs past it, its first word
    opens a clause or is a title or a month, or a mention of the whole run reads it otherwise."""
    pattern = _org_run()
    if pattern is None:
        return mentions
    stop = ({w.casefold() for w in _words("clause_openers") | _words("headline_words")} | _title_words()
            | _folded_words("title_modifiers") | _MONTH_DAY_FOLDED)
    heads, tails = _words("of_heads"), _words("org_run_tails")
    held = {(m.start, m.end) for m in mentions}
    spans = []
    for hit in pattern.finditer(text):
        start, name = hit.start(1), hit.group(1)
        head, sep, rest = name.partition(" of " if " of " in name else " for ")
        if sep and head.rsplit(" ", 1)[-1] not in heads:  # "Workers of Talvo Mining Company": the company
            start, name = start + len(head) + len(sep), rest
        first, joint, second = name.partition(" and ") if " and " in name else name.partition(" & ")
        pieces = [(start, first), (start + len(first) + len(joint), second)] if (
            joint and first.rsplit(" ", 1)[-1] in tails) else [(start, name)]  # "NJ Transit and Kessin Airways"
        for at, piece in pieces:
            if piece.split(" ", 1)[0].casefold() in stop or (at, at + len(piece)) in held or " " not in piece:
                continue
            spans.append((at, at + len(piece), piece, "ORG", None))
    return _replace_inside(mentions, spans) if spans else mentions


@functools.cache
def _state_names() -> dict[str, str]:
    """Each abbreviation of resources/shared/dateline_regions.txt with the name written on the line
    after it ("Nev." -> "Nevada"), so that the abbreviation takes the state's gazetteer key."""
    lines = [ln.strip() for ln in resources.path("shared", "dateline_regions.txt").read_text(encoding="utf-8")
             .splitlines() if ln.strip() and not ln.startswith("#")]
    return {a: b for a, b in itertools.pairwise(lines) if a.endswith(".") and not b.endswith(".")}


@functools.cache
def _state_abbreviation_after_comma() -> re.Pattern[str]:
    """", " and an AP abbreviation of a US state or Canadian province (`_state_abbreviations`)."""
    alt = "|".join(map(re.escape, sorted(_state_abbreviations(), key=len, reverse=True)))
    return re.compile(r", (" + alt + r")(?![\w’'-]|\.\w)")


def _enten_abbreviated_states(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A town's name, a comma and a state's abbreviation ("Carson City, Nev.", "Ashby, Mass."): the
    abbreviation is the state (GPE) where no mention holds it, and the name before the comma a town
    (GPE) where the model read a body, an area or a person there (a state's abbreviation follows only
    a place)."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    by_end = {m.end: m for m in ordered}
    towns: dict[int, Mention] = {}
    spans = []
    for hit in _state_abbreviation_after_comma().finditer(text):
        before = by_end.get(hit.start())
        if before is None or (before.source == "gazetteer" and before.type != "GPE"):
            continue
        entry = gazetteer.lookup(hit.group(1)) or gazetteer.lookup(_state_names().get(hit.group(1), ""))
        spans.append((hit.start(1), hit.end(1), hit.group(1), "GPE", None if entry is None else entry.id))
        if before.type in ("ORG", "LOC", "PER") and before.source != "gazetteer" and before.key is None:
            towns[id(before)] = _retyped(before, "GPE")
    out = [towns.get(id(m), m) for m in ordered]
    return _replace_inside(out, spans) if spans else out


_PLACE_BEFORE = re.compile(r"(?<![\w’'-])(?:in|near|from|outside|at) $")


def _enten_towns_in_states(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name after "in", "near", "from", "outside" or "at" that a comma and a known state, province or
    country follow ("in Fajardo, Puerto Rico", "near Ashby, Ohio") is a town (GPE) in every mention of
    it, where the model read a person or a body: a person is not "in" someone "in" a state."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    by_start = {m.start: m for m in ordered if m.source == "gazetteer" and m.type == "GPE"
                and (m.key or "").startswith((*_STATE_KEYS, "country:"))}
    towns = {m.text for m in ordered
             if m.type in ("PER", "ORG") and m.source != "gazetteer" and m.key is None
             and text[m.end : m.end + 2] == ", " and m.end + 2 in by_start
             and _PLACE_BEFORE.search(text, max(0, m.start - 8), m.start)}
    if not towns:
        return mentions
    return [_retyped(m, "GPE") if m.text in towns and m.type in ("PER", "ORG") and m.source != "gazetteer"
            and m.key is None else m for m in ordered]


_AMPERSAND_NEXT = re.compile(r" & ((?:[A-Z][\w’'-]*)(?: [A-Z][\w’'-]*){0,2})(?![\w’'-])")


def _enten_ampersands(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation's name runs on over "&" and the capitalised words after it ("San Diego Gas &
    Electric", "Center for Plants & Culture"): the model stops at the sign, which joins no two
    names in running English (a list says "and"). A mention after the sign is taken in."""
    spans = []
    for m in mentions:
        hit = _AMPERSAND_NEXT.match(text, m.end) if m.type == "ORG" and m.source != "gazetteer" else None
        if hit is not None:
            spans.append((m.start, hit.end(), text[m.start : hit.end()], "ORG", None))
    return _replace_inside(mentions, spans) if spans else mentions


_PORTFOLIO_BEFORE = re.compile(r"(?<![\w’'-])(?:Minister|Secretary|Commissioner|Director) (?:of|for) (?:the )?$")


def _enten_portfolios(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person read from right after "Minister of" takes in the portfolio's word ("Minister of Education
    Kay McConney" read as "Education Kay McConney"): the first word is the office, the person the rest
    (GUIDELINE.md 4); the portfolio's word alone is no person. The other mentions of the article that
    wrote the same run follow."""
    cut: dict[str, str] = {}
    for m in mentions:
        if m.type == "PER" and m.source != "gazetteer" and _PORTFOLIO_BEFORE.search(text, max(0, m.start - 30),
                                                                                        m.start):
            rest = m.text.partition(" ")[2]
            words = rest.casefold().split()
            cut[m.text] = "" if not words or words[0] in _folded_words("title_words") else rest
    if not cut:
        return mentions
    out = []
    for m in mentions:
        if m.type == "PER" and m.text in cut:
            if not cut[m.text]:
                continue
            m = _cut(m, len(m.text) - len(cut[m.text]), len(m.text))
        out.append(m)
    return out


_UPPER_LOWER_STREET = re.compile(r"^(?:Upper|Lower) "
                                 r"(?=(?:[A-Z][\w’'-]* )+(?:Street|Avenue|Road|Boulevard|Drive|Lane|Way)$)")


def _enten_street_ends(mentions: list[Mention]) -> list[Mention]:
    """"Upper" or "Lower" before a street's name ("Lower Main Street") tells the part of the street,
    no part of its name: the place is the street ("Main Street")."""
    out = []
    for m in mentions:
        hit = _UPPER_LOWER_STREET.match(m.text) if m.source != "gazetteer" else None
        out.append(_cut(m, hit.end(), len(m.text)) if hit is not None else m)
    return out


@functools.cache
def _title_before() -> re.Pattern[str] | None:
    """`inner_titles` (and "Secretary-General", "Director-General") right before a name."""
    titles = sorted([*_words("inner_titles"), "Secretary-General", "Director-General"], key=len, reverse=True)
    if not titles:
        return None
    return re.compile(r"(?<![\w’'.-])(?:" + "|".join(map(re.escape, titles)) + r") $")


def _enten_titled_names(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A name of two or three capitalised words the model read as a body or a place right after a
    person's title ("Secretary-General Patricia Scotland", `inner_titles`) is a person (PER): a title
    stands before a person's name. A name ending in a body's or a publication's word, or one the
    gazetteer knows, keeps its reading ("Chairman Mao Foundation")."""
    pattern = _title_before()
    if pattern is None:
        return mentions
    tails = _words("org_run_tails") | _words("publication_tails")
    out = []
    for m in mentions:
        words = m.text.split(" ")
        if (m.type in ("ORG", "LOC", "GPE") and m.source == "model" and m.key is None and 2 <= len(words) <= 3
                and all(_SURNAME.fullmatch(w) for w in words) and words[-1] not in tails
                and gazetteer.lookup(m.text) is None and pattern.search(text, max(0, m.start - 20), m.start)):
            m = _retyped(m, "PER")
        out.append(m)
    return out


def finish_english(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The last English rules (ent12d), run on an English article's mentions after the recall steps
    (which spread a name over the article, a wrong one too)."""
    out = _ent12d_run_ons(text, _ent12d_site_furniture(_ent12d_lower_case(mentions), gazetteer), gazetteer)
    out = _ent12d_abbreviated_states(text, out, gazetteer)
    out = _ent12d_org_titles(out)
    out = _ent12d_of_orgs(text, out)
    out = _ent12d_and_orgs(text, out, gazetteer)
    out = _ent12d_middle_initials(text, out)
    out = _ent12d_towns(text, out)
    out = _ent12d_compass_places(text, out, gazetteer)
    out = _ent12d_appositives(text, out)
    out = _ent12d_contractions(out)
    out = _ent12d_honorifics(text, out)
    out = _ent12d_mid_word(text, out, gazetteer)
    out = _ent12d_particles(text, out)
    out = _ent12d_towns_of(text, out)
    out = _ent12d_caps_headings(text, out, gazetteer)
    out = _ent12d_credits(out)
    out = _ent12d_headline_verbs(out)
    out = _ent12d_title_case(out)
    out = _ent12d_publications(out)
    out = _ent12d_office_of(text, out)
    out = _ent12d_caps_datelines(text, out, gazetteer)
    out = _ent12d_given_names(text, out, gazetteer)
    out = _ent12d_cued_orgs(text, out, gazetteer)
    out = _ent12d_or_acronyms(text, out)
    out = _enten_dotted_tails(text, out)
    out = _enten_teams(text, out, gazetteer)
    out = _enten_plural_places(text, out)
    out = _enten_party_designations(text, out, gazetteer)
    out = _enten_local_parties(text, out)
    out = _enten_inner_titles(out, gazetteer)
    out = _enten_peoples(out)
    out = _enten_unread_publications(text, out)
    out = _enten_regions(text, out)
    out = _enten_place_pairs(out, gazetteer)
    out = _enten_place_given_names(text, out)
    out = _enten_versions(text, out)
    out = _enten_unread_orgs(text, out)
    out = _enten_abbreviated_states(text, out, gazetteer)
    out = _enten_towns_in_states(text, out)
    out = _enten_ampersands(text, out)
    out = _enten_portfolios(text, out)
    out = _enten_street_ends(out)
    out = _enten_titled_names(text, out, gazetteer)
    return sorted(out, key=lambda m: (m.start, m.end))
