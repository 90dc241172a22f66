"""Indonesian readings of a name by the words written right around it, applied after the settling
rules of `settle.py` have fixed the names' spans and types (one pass each, linear in the mentions).

Why a module of its own: each rule reads one pattern of Indonesian news that the recognisers get wrong
in a way no span or type rule of `settle.py` sees, and each is a word list in
`resources/id/entity_uses.yaml` plus a few lines here:

- a name glued behind one lower-case letter that opens the word ("iOS 26", "iPhone", "eKTP") is a
  product's name cut in two: the "OS 26" the recogniser finds is no organisation; every mention of
  that text in the article goes, as for the other products;
- a person's given name followed by a Batak family name that is also a place ("Bungaran Samosir") is
  one person, not a person and a regency;
- the word after "Menko" is the coordinating minister's portfolio ("Menko Polkam"), not a person;
- "Kapolres Metro Jakarta Pusat" is a role with the place of its police (as "Kapolres Cirebon Kota"):
  the mention is the place, not an organisation "Metro Jakarta Pusat";
- a street written with its city after it ("Jalan Ahmad Yani Pekanbaru") is two mentions, the street
  and the city the gazetteer knows;
- a name after "kantor berita" (a news agency: "kantor berita pemerintah Anadolu") is an organisation;
- "CEO Tokocrypto, Calvin Kizana", "Ketua Umum Gaikindo, Yohannes Nangoi": a "person" right after a
  role in an organisation and followed by a comma and a person is the organisation the role is in;
- initials with an age in brackets ("HP (25)", "AS (15)") or after a word that names a suspect or a
  victim ("pelaku HP") are a person, in every mention the article makes of them, even where the
  gazetteer knows the letters as a country's acronym ("AS" is also Amerika Serikat).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from linimasa import resources
from linimasa.model import Mention
from linimasa.text.gazetteer import Gazetteer

_INITIALS = re.compile(r"[A-Z]{2,4}")
_AGE = re.compile(r" \(\d{1,2}\)")


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    data = resources.load_or_empty("id", "entity_uses") or {}
    return {k: frozenset(str(w).casefold() for w in data.get(k) or []) for k in (
        "family_names", "menko_portfolios", "initials_cues", "police_roles", "police_units", "police_offices",
        "street_heads", "street_words", "agency_cues", "organisation_roles", "police_heads", "police_ranks")}


def _word_before(text: str, start: int) -> str:
    """The word right before `start` (one space between), lower-cased as written; "" when none."""
    if start < 2 or text[start - 1] != " ":
        return ""
    i = start - 1
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-"):
        i -= 1
        if start - i > 20:
            return ""
    return text[i : start - 1].casefold()


@functools.cache
def _lexicon() -> frozenset[str]:
    return frozenset(w.casefold() for w in resources.load_words("id", "common_words.txt"))


def _letter_cut(text: str, m: Mention) -> bool:
    """Whether the mention starts one lower-case letter into a word ("i|OS 26", "e|KTP"), or one
    letter after a frequent word the scraper glued to that word ("memperkenalkan|i|OS 26"; not "di|KPK",
    whose "di" is a word of its own)."""
    s = m.start
    if not (s >= 1 and text[s - 1].isalpha() and text[s - 1].islower() and m.text[:1].isupper()):
        return False
    i = s - 1
    while i > 0 and text[i - 1].isalpha() and text[i - 1].islower() and s - i <= 20:
        i -= 1
    if i == s - 1:
        return i == 0 or not text[i - 1].isalpha()
    run = text[i:s].casefold()
    return (i == 0 or not text[i - 1].isalpha()) and run[:-1] in _lexicon() and run not in _lexicon()


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Every place `name` is written in `text` (plain substring search: linear per name)."""
    out, i = [], text.find(name)
    while i >= 0:
        out.append((i, i + len(name)))
        i = text.find(name, i + 1)
    return out


def _copy(m: Mention, start: int, end: int, text: str, type_: str) -> Mention:
    return Mention(start=start, end=end, text=text, type=type_, entity=m.entity, source=m.source,
                   score=m.score, key=None, role=m.role)


def settle_uses(text: str, mentions: list[Mention], language: str,
                gazetteer: Gazetteer) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The mentions with the readings of the module docstring applied (Indonesian articles only), and
    the spans of the products found, where no later rule may add a mention."""
    if language != "id":
        return mentions, []
    lists = _lists()
    cut = {m.text for m in mentions if _letter_cut(text, m)}
    blocked = [span for name in sorted(cut) for span in _occurrences(text, name)]
    out = [m for m in mentions if m.text not in cut]
    out = _family_names(text, out, lists["family_names"])
    out = _given_name_places(text, out, lists["family_names"])
    out = [m for m in out if not _menko_portfolio(text, m, lists["menko_portfolios"])]
    out = [_police_seat(text, m, lists["police_roles"]) for m in out]
    out = [_police_seat_place(text, m, lists["police_heads"], lists["police_ranks"]) for m in out]
    out = _police_units(text, out, lists["police_units"], lists["police_offices"])
    out = [p for m in out for p in _street_then_city(m, gazetteer, lists)]
    out = [_agency(text, m, lists["agency_cues"]) for m in out]
    out = _role_org_then_person(text, out, lists["organisation_roles"])
    return _initials(text, out, lists["initials_cues"], gazetteer), blocked


def _police_seat(text: str, m: Mention, roles: frozenset[str]) -> Mention:
    """"Kapolres Metro Jakarta Pusat": the place after "Metro", a GPE."""
    if m.type != "ORG" or not m.text.startswith("Metro ") or _word_before(text, m.start) not in roles:
        return m
    return _copy(m, m.start + 6, m.end, m.text[6:], "GPE")


_RANK_AFTER = re.compile(r",? ([A-Za-z]+)\b")


def _police_seat_place(text: str, m: Mention, heads: frozenset[str], ranks: frozenset[str]) -> Mention:
    """"Kapolsek Jelutung, Iptu Chairil Umam", "Kapolres Rohil AKBP Isa": a "person" right after the
    head of a police office and right before a police rank is the office's seat, a place (GPE:
    eval/real-id/GUIDELINE.md annotates the place of "Kapolres Cirebon Kota"); the person is the name
    after the rank. A person's own name follows a rank, not a head of office alone."""
    if m.type != "PER" or m.source == "gazetteer" or _word_before(text, m.start) not in heads:
        return m
    rank = _RANK_AFTER.match(text, m.end)
    if rank is None or rank.group(1).casefold() not in ranks:
        return m
    out = _copy(m, m.start, m.end, m.text, "GPE")
    out.role = None
    return out


def _police_units(text: str, mentions: list[Mention], units: frozenset[str],
                  offices: frozenset[str]) -> list[Mention]:
    """"Satreskrim Polrestabes Surabaya": a police office written right after one of its units' short
    names is the unit, one organisation from the unit's word on; a mention of the unit word alone goes.
    The unit's word is capitalised ("Kasi Humas Polres Toba"): a lower-case one is a plain word. A
    "person" that is a unit's word alone ("Kasat Resnarkoba, AKP ...") is no one."""
    grown: list[Mention] = []
    # a "person" that is a unit's word alone ("Kasat Resnarkoba, AKP ...": the title rule's name) is none
    mentions = [m for m in mentions if not (m.type == "PER" and m.text.casefold() in units)]
    changed = False
    for m in mentions:
        if m.type == "ORG":  # (the word before is read for organisations alone: nothing else grows)
            word = _word_before(text, m.start)
            s = m.start - 1 - len(word)
            # a unit's name is written with a capital: "lantas" is also the word "then" ("lantas Polresta Solo")
            if word in units and m.text.split(" ")[0].casefold() in offices and text[s].isupper():
                grown.append(_copy(m, s, m.end, text[s : m.end], "ORG"))
                changed = True
                continue
        grown.append(m)
    if not changed:
        return mentions
    spans = sorted((g.start, g.end) for g, m in zip(grown, mentions, strict=True) if g is not m)
    starts = [a for a, _ in spans]
    return [g for g in grown if not _inside_other(g, spans, starts)]


def _inside_other(m: Mention, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `m` lies inside one of the sorted `spans` without being it (one bisect)."""
    i = bisect.bisect_right(starts, m.start) - 1
    return i >= 0 and spans[i][1] >= m.end and spans[i] != (m.start, m.end)


def _street_then_city(m: Mention, gazetteer: Gazetteer, lists: dict[str, frozenset[str]]) -> list[Mention]:
    """"Jalan Ahmad Yani Pekanbaru": the street ("Jalan" and two or more words, none of a road's own
    words such as "Raya", "Tol", "Lintas") and the one-word city the gazetteer knows after it."""
    words = m.text.split(" ")
    if m.type != "LOC" or len(words) < 4 or words[0].casefold() not in lists["street_heads"] \
            or any(w.casefold() in lists["street_words"] for w in words[1:-1]):
        return [m]
    entry = gazetteer.lookup(words[-1])
    if entry is None or entry.type != "GPE":
        return [m]
    cut = m.end - len(words[-1])
    street = _copy(m, m.start, cut - 1, m.text[: cut - 1 - m.start], "LOC")
    city = _copy(m, cut, m.end, words[-1], "GPE")
    city.role = None
    return [street, city]


def _role_org_then_person(text: str, mentions: list[Mention], roles: frozenset[str]) -> list[Mention]:
    """"CEO Tokocrypto, Calvin Kizana": the "person" after the role, before ", " and a person, is the
    organisation (the role's holder is the person after the comma)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out = list(ordered)
    for i, (m, nxt) in enumerate(itertools.pairwise(ordered)):
        if m.type != "PER" or nxt.type != "PER" or text[m.end : nxt.start] != ", ":
            continue
        before = text[max(0, m.start - 25) : m.start].casefold()
        if any(before.endswith(f"{r} ") and (len(before) == len(r) + 1 or not before[-len(r) - 2].isalnum())
               for r in roles):
            out[i] = _copy(m, m.start, m.end, m.text, "ORG")
            out[i].role = None
    return out


def _agency(text: str, m: Mention, cues: frozenset[str]) -> Mention:
    """A name right after "kantor berita" (with "pemerintah" or "resmi" between): an organisation."""
    if m.type == "ORG":
        return m
    before = text[max(0, m.start - 30) : m.start].casefold()
    if not before.endswith(_cue_endings(cues)):
        return m
    return _copy(m, m.start, m.end, m.text, "ORG")


@functools.lru_cache(maxsize=4)
def _cue_endings(cues: frozenset[str]) -> tuple[str, ...]:
    """Each cue with the space after it, for one `str.endswith` per mention (`_agency` wrote them out
    again for every cue of every mention)."""
    return tuple(f"{c} " for c in cues)


def _family_names(text: str, mentions: list[Mention], family: frozenset[str]) -> list[Mention]:
    """A person followed, one space on, by a place whose name is a family name: one person."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.type == "PER" and m.type in ("GPE", "LOC") and " " not in m.text
                and m.text.casefold() in family and m.start == prev.end + 1 and text[prev.end] == " "):
            out[-1] = _copy(prev, prev.start, m.end, text[prev.start : m.end], "PER")
            continue
        out.append(m)
    return out


_LOCATIVES = frozenset({"di", "ke", "dari", "kota", "menuju", "asal", "kabupaten", "kecamatan", "desa",
                        "kelurahan", "provinsi", "danau", "pulau"})
"""Words before a place that say it is the place (`_given_name_places`): "di Lisbon" is the city, and
"Kabupaten Toba Samosir" a regency."""


def _given_name_places(text: str, mentions: list[Mention], family: frozenset[str]) -> list[Mention]:
    """(storyent) A place's name written right before a family name (`family_names`: "Lisbon Sirait",
    "Roma Sinaga"; the family name alone read as a person, or as nothing) is a person's given name:
    one person, and the article's other mentions of that place name alone are the person's short name
    ("ujar Lisbon"), unless a locative word says they are the place ("di Lisbon"). A person's name is
    what a family name follows: no place is named "Sirait" after a city."""
    people: set[str] = set()
    out: list[Mention] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        if (m.type not in ("GPE", "LOC") or " " in m.text or not m.text[:1].isupper() or text[m.end : m.end + 1] != " "
                or m.text.casefold() in family or _word_before(text, m.start) in _LOCATIVES):
            out.append(m)  # "Toba Samosir", "Kabupaten Samosir ...": places
            continue
        word = re.match(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", text[m.end + 1 : m.end + 30])
        after = m.end + 1 + word.end() if word is not None else m.end
        if word is None or word.group().casefold() not in family or text[after : after + 1].isalpha():
            out.append(m)
            continue
        end = after
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and nxt.start < end and not (nxt.type == "PER" and nxt.start == m.end + 1):
            out.append(m)  # the family name is part of another kind of name
            continue
        if nxt is not None and nxt.type == "PER" and nxt.start == m.end + 1:
            end = max(end, nxt.end)
            ordered[i + 1] = _copy(nxt, nxt.start, nxt.start, "", "PER")  # taken into the person below
        out.append(_copy(m, m.start, end, text[m.start : end], "PER"))
        people.add(m.text)
    out = [m for m in out if m.end > m.start]
    if not people:
        return out
    return [_copy(m, m.start, m.end, m.text, "PER") if m.type in ("GPE", "LOC") and m.text in people
            and _word_before(text, m.start) not in _LOCATIVES else m for m in out]


def _menko_portfolio(text: str, m: Mention, portfolios: frozenset[str]) -> bool:
    """A one-word "person" right after "Menko" that is a portfolio ("Menko Polkam")."""
    return (m.type == "PER" and " " not in m.text and m.text.casefold() in portfolios
            and text[max(0, m.start - 6) : m.start].casefold() == "menko ")


_AGED_INITIALS = re.compile(r"(?<![\w-])([A-Z]{2,4}) \(\d{1,2}\)")
# what every match of `_AGED_INITIALS` holds, found fast (a literal start): most articles hold none,
# and then the full pattern, tried at every position of the text, is not scanned at all
_AGED_INITIALS_GATE = re.compile(r" \(\d{1,2}\)")


def _initials(text: str, mentions: list[Mention], cues: frozenset[str], gazetteer: Gazetteer) -> list[Mention]:
    """Initials the article gives an age or a suspect's or victim's word: a person in every mention;
    an aged one no recogniser found ("HP (25)") is added. An organisation's acronym the gazetteer knows
    needs the word: with a number alone it is a count ("PKB (68), PDIP (110)": seats). Initials the
    gazetteer does not know are the person wherever they stand as a word of their own."""
    cued = {m.text for m in mentions if _INITIALS.fullmatch(m.text) and _word_before(text, m.start) in cues}
    aged = {m.text for m in mentions if _INITIALS.fullmatch(m.text) and _AGE.match(text, m.end)}
    if _AGED_INITIALS_GATE.search(text) is not None:
        aged |= {a.group(1) for a in _AGED_INITIALS.finditer(text)}
    people = cued | {n for n in aged if (e := gazetteer.lookup(n)) is None or e.type != "ORG"}
    if not people:
        return mentions
    starts = {m.start for m in mentions}
    # initials the gazetteer knows as nothing ("NH (49)"): every later bare mention is the same person
    # ("sebagai tersangka. NH terancam"); known letters ("AS") still need the age or the word each time
    unknown = {n for n in people if gazetteer.lookup(n) is None}
    added = [Mention(start=a, end=b, text=name, type="PER", source="rule")
             for name in sorted(people) for a, b in _occurrences(text, name)
             if a not in starts and (a == 0 or not text[a - 1].isalnum()) and not text[b : b + 1].isalnum()
             and (_AGE.match(text, b) or _word_before(text, a) in cues or name in unknown)]
    return sorted([_copy(m, m.start, m.end, m.text, "PER") if m.text in people and m.type != "PER" else m
                   for m in mentions] + added, key=lambda m: m.start)
