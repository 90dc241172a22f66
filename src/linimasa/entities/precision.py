"""Last precision rules on an article's mentions: shapes of text that name no entity, whichever
recogniser proposed a mention there.

Each rule here was found on raw articles of `news-id-raw-scrape-2025` (what it removes was read on a
few hundred of them) and measured on `eval real --set dev+extras1-8`:

- an acronym in brackets right after a lower-case word abbreviates that common noun ("gas alam cair
  (LNG)", "ribu barel per hari (MBOPD)", "keuangan terdesentralisasi (DeFi)"), so it names a thing, a
  unit or a status, never an organisation (eval/real-id/GUIDELINE.md: generic nouns are no entities),
  unless the article also defines it by a capitalised name or the gazetteer knows it;
- the degrees and memberships after a person's name ("Lisa Mastela, RD, pendiri ...", "Kathleen
  Garcia-Benson, RDN, CSSD, LD, NASM-CPT yang ...", "Atik Triratnawati, M.A. dikukuhkan") are credentials,
  not organisations, where the list is one of credentials: a dotted or mixed-case degree in it ("Sp.PD",
  "M.Kom"), or the sentence going on in lower case right after it;
- a name of an organisation or a place right after a person's title that ran on into the person
  ("Sekretaris Kemenko Perekonomian Susiwijono Moegiarso mengungkapkan", "CEO Al Hilal Esteve Calzada
  menyebut", "Kepala Bandara Frans Seda Maumere Partahian Panjaitan mengatakan") is the name and the
  person, where the article writes the person's first or last word elsewhere after another word ("ujar
  Calzada", "menggantikan Susiwijono") or the first is a common given name;
- a maker's name right before a model's code is part of the product's name, not the company ("Xpeng
  G6", "BYD M6", "Sony IMX882", "HUAWEI nova 13 Pro", "Honda HR-V"; eval/real-id/GUIDELINE.md 3), the
  maker on `resources/shared/makers.txt`;
- a title after a word that announces one is a work's or a theme's name, not an entity's, and neither
  are the names inside it when it is quoted ("mengusung tema 'Bentang Harapan JakASA: Menuju 5 Abad
  Jakarta'", "bertema Korean Look", "penulis buku The Small Change Diet", "game Raidou Remastered");
- the word of a number or an address unit before its number ("Peraturan Menteri Perhubungan No 77",
  "Peraturan Pemerintah (PP) Nomor 18", "Dusun Wonokayun RT 09 RW 05") is no part of a name;
- an event's mention without the occasion, ticket, stage or session word capitalised in front of it
  ("Ajang Euro U-21 Championship 2025" -> "Euro U-21 Championship 2025", "Malam Puncak HUT Ke-498
  Jakarta" -> "HUT Ke-498 Jakarta", "Practice 1 MotoGP Italia 2025"; `event_openers` of entities.yaml);
- a "person" of two words or more that are all frequent words of the language and none a given name is
  a unit, a portfolio or a phrase read after a title ("Ketua Gabungan Industri Kendaraan Bermotor
  Indonesia", "Wakil Direktur Lalu Lintas Polda Metro Jaya", "Kabinet Merah Putih"), not a person;
- a measure's, a budget's, a price's or a wage's acronym in front of a place the gazetteer knows is no
  part of its name ("Rp 384 jutaan OTR Jakarta", "APBD Jawa Timur": the place is the mention;
  `place_qualifiers` of entities.yaml);
- an acronym inside the number of a case, a letter or a regulation ("215/PDT.G/2018/PN.JKT.PST",
  "Nomor PI.02.03/105A/M.EKON/04/2025", "M/6/HK.04/V/2025") is a part of a code, not an organisation;
- two names a scraper glued shut ("Chelsea v FulhamLeeds United v Newcastle United", a fixture list
  whose line ends were lost; "EspanyolJoan Garcia") are two mentions, where the seam was opened
  (`linimasa.text.seams`) and each side is a name on its own: written alone in the article, a listed
  club in an article about a sport, or a name the gazetteer knows; not a head word glued to its name
  ("KabupatenTulungagung"), a name of two given parts ("LionelMessi"), nor a place after an
  organisation ("Partai PerindoJawa Barat": the party's branch, one chain);
- in an article about a sport, a "person" whose whole name is a listed club (`shared/clubs.txt`:
  "Crystal Palace", "Wolverhampton Wanderers", "Galatasaray") is the club, unless it opens with a
  given name or the article names a person with it ("Everton Soares");
- a car's model launched as new ("All New Ertiga", and "New Carry" in an article that names a maker of
  `shared/makers.txt`) is a product, not a place or a company; a place the gazetteer knows stays ("New
  York", "New York Knicks");
- a "person" whose whole name is a listed maker ("Xpeng", "Suzuki") is the company, unless the article
  names a person with it;
- a given name written right before a person's mention is the person's first name, which the
  recognisers left out ("Ong Kim Swee", "Joan Mir", "Alexis Mac Allister", "Marc-Andre Ter Stegen"),
  and so is one before a one-word place or acronym that it makes a person's name ("Stefan Medina",
  "Herry IP"): the mention takes it in, as a person; not a word of the language ("Ada Manchester
  City": "there is"), a title, a rank or an honorific;
- a colour's name in the list after "warna" or right after "varian" ("pilihan warna Crescent Silver,
  Dark Night Black, Nebula White, dan Matte Gray", "Varian Cyber Silver"), its last word an English
  colour word (`colour_words` of entities.yaml), is a product's colour, not an entity;
- a platform's name in front of an account's owner is no part of the owner's name ("akun Instagram
  Humas Pajak Jakarta" -> "Humas Pajak Jakarta", "Instagram Thariq Halilintar"; `account_platforms`);
- the name between the title of the one who heads it and that person's name after a comma ("Kepala
  Puskesmas Salawu, Wilianto", "Direktur Eksekutif Global Fund, Peter Sands", "Kepala Desa Neglasari,
  Sobirin") is the institution or the village headed, not a second person (`head_titles` and
  `place_head_titles` of entities.yaml), unless a given name or a person the gazetteer knows is in it
  ("Gubernur Dedi Mulyadi, Farhan": two people);

- a one-word "person" the article also writes in lower case, as a word of its own, is a common noun
  capitalised for emphasis or cut from a longer name ("101 pengusaha Tekstil" beside "pengusaha
  tekstil", "Dosen S2 UNM", "Direktur Jenderal Perhubungan Udara"), unless it is a given name or a
  word of a person's longer name in the article;

- (ent11u) a kinship word or familiar form of address in front of a person's name ("Mbak Hagia",
  "Mas Nul", "Bunda Maia") is no part of it, and one alone ("Mami", "Daddy") names nobody
  (`kinship_words` of entities.yaml);
- (ent11u) the name of a land after a word of culture or kin ("budaya Jawa", "riasan adat Jawa", "suku
  Betawi", "pakaian adat Melayu"), or with that word capitalised in the mention ("Masyarakat Banjar"),
  is a people's or a culture's adjective, and a place after a word of style ("bangunan bergaya
  Belanda", "ala Eropa") a style: no entity (`ethnic_names`, `ethnic_cues`, `style_cues`);
- (ent11u) in an article about the zodiac (a word of `zodiac_cues`: "ramalan zodiak", "horoskop"), a
  sign's name ("Hari ini Aries mendapat dukungan", "untuk Virgo, Pices dan Sagitarius") names the people
  born under it, not a person nor an organisation (`zodiac_signs`);

They run after `settle.settle_kept`, on the mentions the stage keeps, and each reads the text once
(linear in its length) and the mentions once.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from linimasa import resources
from linimasa.entities.settle import (
    _after_locative,
    _Contains,
    _index_of,
    _joined,
    _lists,
    _local_place_names,
    _sport_article,
    _word_list,
)
from linimasa.model import Mention
from linimasa.text.gazetteer import Gazetteer, normalise

# "gas alam cair (LNG)", "terdesentralisasi ([[DeFi]])": a lower-case word, then an acronym alone in
# brackets (two capitals at least: "DeFi", "TradFi", "BSCFD").
_LOWER_THEN_ACRONYM = re.compile(r"(?<![\w-])([a-z][a-z-]+) ?\(([A-Z][A-Za-z]{0,9})\)")
# what every match of `_LOWER_THEN_ACRONYM` holds, found fast (a literal start): about half the
# articles hold none, and then the full pattern, tried at every position, is not scanned
_LOWER_THEN_ACRONYM_GATE = re.compile(r"\([A-Z][A-Za-z]{0,9}\)")
# (speed12n) The look-behind after the first capital: `re` skips straight to the capitals only for a
# pattern that starts with a character class. `[A-Z](?<![\w-].)` asks the same of the character before
# the capital as `(?<![\w-])[A-Z]`: the same matches (`tests/entities/test_speed12n.py`).
# the same acronym in brackets after a capitalised word ("Gaikindo Indonesia International Auto Show
# (GIIAS)") or before a bracket of capitalised words ("GIIAS (Gaikindo ...)"): defined by a name
_NAME_THEN_ACRONYM = re.compile(r"[A-Z](?<![\w-].)[\w&.'’-]* ?\(([A-Z][A-Za-z]{0,9})\)")
_ACRONYM_THEN_NAME = re.compile(r"([A-Z](?<![\w-].)[A-Za-z]{0,9}) ?\([A-Z][\w-]* [A-Z]")


def _capitals(word: str) -> int:
    return sum(c.isupper() for c in word)


def common_noun_acronyms(text: str, gazetteer: Gazetteer, stop: frozenset[str]) -> set[str]:
    """Acronyms an article writes only right after lower-case words ("mobil listrik baterai (BEV)",
    "pinjaman online (Pinjol)" is not one: one capital). A word of `stop` before the bracket (a
    function word, "di dalam (Surken)"; a head of an organisation or place written in lower case,
    "komisi (DPR)") keeps the acronym, as does a definition by a capitalised name anywhere in the
    article, or the gazetteer knowing it ("(AS)" after "dolar")."""
    if _LOWER_THEN_ACRONYM_GATE.search(text) is None:
        return set()
    found = {
        hit.group(2)
        for hit in _LOWER_THEN_ACRONYM.finditer(text)
        if _capitals(hit.group(2)) >= 2 and hit.group(1) not in stop
    }
    if not found:
        return found
    named = {hit.group(1) for hit in _NAME_THEN_ACRONYM.finditer(text)}
    named |= {hit.group(1) for hit in _ACRONYM_THEN_NAME.finditer(text)}
    return {a for a in found - named if gazetteer.lookup(a) is None}


_CODE_LEFT = re.compile(r"\S+$")
_CODE_RIGHT = re.compile(r"\S+")
CODE_REACH = 40
"""How far (characters) a code is read around an acronym on each side: numbers of letters and cases
are short, and a long run without spaces (a hostile input) is not walked for every mention in it."""


def _in_code(text: str, m: Mention) -> bool:
    """Whether an acronym mention is glued by a slash or a dot to a code that has a slash and a digit:
    the whitespace-free run of text around it, read up to `CODE_REACH` characters each side."""
    if not m.text.isalpha() or not m.text.isupper() or len(m.text) > 8:
        return False
    before, after = text[m.start - 1 : m.start] if m.start else "", text[m.end : m.end + 1]
    if before not in ("/", ".") and after not in ("/", "."):
        return False
    left = _CODE_LEFT.search(text, max(0, m.start - CODE_REACH), m.start)
    right = _CODE_RIGHT.match(text, m.end, m.end + CODE_REACH)
    code = (left.group() if left else "") + m.text + (right.group() if right else "")
    return "/" in code and any(c.isdigit() for c in code)


# one item of a credentials list: "Sp.PD", "M.Kom", "K-Ger", "NASM-CPT", "RDN", "M.A."
_CREDENTIAL = re.compile(r"[A-Z][A-Za-z.()/-]{0,12}")
_ITEM_BEFORE = re.compile(r"(?<![\w.()/-])([A-Z][A-Za-z.()/-]{0,12})$")
# after the acronym: more credentials and a comma before the sentence goes on in lower case ("RD,
# pendiri ..."; not "ABC, dan ...": a list of names), or (after a list) the sentence right after it
_ITEM = r"[A-Z][A-Za-z.()/-]{0,12}"
_LIST_GOES_ON = re.compile(rf"(?:, ?{_ITEM}){{0,6}}, ?(?!(?:dan|atau|serta|and|or)\b)[a-z]|(?:, ?{_ITEM}){{1,6}} [a-z]")
_SENTENCE_GOES_ON = re.compile(r" [a-z]")
# the credentials listed after the acronym ("MSC, Sp.P (K)"), and each of them
_ITEMS_AFTER = re.compile(rf"(?:, ?{_ITEM}(?: \([A-Z]{{1,3}}\))?){{1,6}}")
_ITEM_WORD = re.compile(_ITEM)
# a degree's shape: dotted ("Sp.PD", "M.A.", "M.Kom") or short and mixed-case ("SpJP"; not a brand, "VinFast")
_DEGREE_SHAPE = re.compile(r"[A-Z][a-z]*\.|[A-Z][a-z]{1,2}[A-Z]{1,2}$")
MAX_CREDENTIALS = 8
"""The longest list of credentials walked back over from an acronym to the name they follow."""


def _credential_lists(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The mentions less the credentials in a list after a person's name (module docstring). An
    acronym the gazetteer knows stays ("Prabowo, KPK, dan Polri" lists organisations)."""
    person_ends = {m.end for m in mentions if m.type == "PER"}
    if not person_ends:
        return mentions
    out = []
    for m in mentions:
        if m.type == "PER" or not _CREDENTIAL.fullmatch(m.text) or sum(c.isupper() for c in m.text) < 2:
            out.append(m)
            continue
        pos, items, after_person = m.start, [m.text], False
        while len(items) <= MAX_CREDENTIALS:
            comma = pos - 1 if pos and text[pos - 1] == " " else pos
            if not comma or text[comma - 1] != ",":
                break
            if comma - 1 in person_ends:
                after_person = True
                break
            item = _ITEM_BEFORE.search(text, max(0, comma - 1 - 14), comma - 1)
            if item is None:
                break
            items.append(item.group(1))
            pos = item.start(1)
        if not after_person:
            out.append(m)
            continue
        after = _ITEMS_AFTER.match(text, m.end)
        if after:
            items.extend(_ITEM_WORD.findall(after.group()))
        if any(_DEGREE_SHAPE.match(w) for w in items):
            continue  # "Sp.PD, K-Ger, FINASIM", "M.Pd, IPU", "MSC, Sp.P (K)": even an acronym the gazetteer knows
        known = m.source == "gazetteer" or gazetteer.lookup(m.text) is not None
        goes_on = _LIST_GOES_ON.match(text, m.end) or (len(items) > 1 and _SENTENCE_GOES_ON.match(text, m.end))
        if not known and goes_on:
            continue
        out.append(m)
    return out


_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_TEXT_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@functools.cache
def _title_ends(language: str) -> frozenset[str]:
    """The last words of the person titles of a language and English ("kepala", "direktur", "ceo"): a
    name right after one is what the title is of, and then the person."""
    words = set()
    for lang in dict.fromkeys((language, "en")):
        data = resources.load_or_empty(lang, "entities") or {}
        words.update(str(t).casefold().split()[-1] for t in data.get("person_titles") or [] if str(t).strip())
    return frozenset(words)


def _lexicon(language: str) -> frozenset[str]:
    """Frequent lower-case words of the language's news (`resources/<lang>/common_words.txt`)."""
    return _word_list(language if language in resources.languages() else "id", "common_words.txt")


@functools.cache
def _village_names(language: str) -> frozenset[str]:
    """Every district and village name of the language's list (`resources/<lang>/local_places.tsv.gz`),
    case-folded: a name of one is a place, not the person after a title."""
    places = _local_place_names(language if language in resources.languages() else "id")
    return frozenset(n.casefold() for names in places.values() for n in names)


def _words_before(text: str) -> dict[str, set[str]]:
    """Every word of the text -> the words that stand right before it somewhere (one pass)."""
    out: dict[str, set[str]] = defaultdict(set)
    prev = ""
    for hit in _TEXT_WORD.finditer(text):
        out[hit.group()].add(prev)
        prev = hit.group()
    return out


@functools.cache
def _run_on_stops(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The ranks and honorifics, and the words no person's name after an organisation's is made of
    (`_titled_name_then_person`), made once per language."""
    lists = _lists(language)
    ranks = lists["honorifics"] | lists["person_ranks"] | lists["person_only_titles"]
    stop = (lists["heads"] | lists["org_tails"] | lists["loc_tails"] | lists["compass_words"] | lists["not_names"]
            | lists["title_words"] | lists["function_words"] | lists["firm_tails"] | ranks | {"tbk", "persero"})
    return ranks, stop


def _titled_name_then_person(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer,
                             lists: dict[str, frozenset[str]]) -> list[Mention]:
    """The mentions with an organisation or place that ran on into a person cut in two (module
    docstring): after a title's last word (`_title_ends`), a name of four words or more whose last two
    or three are capitalised words that no list knows as part of a name or a place, and that the article
    shows to be a person's name elsewhere."""
    titles = _title_ends(language)
    ranks, stop = _run_on_stops(language)
    given = lists.get("given_names", frozenset())
    lexicon = _lexicon(language)
    before: dict[str, set[str]] | None = None
    out: list[Mention] = []
    for m in mentions:
        if m.type not in ("ORG", "LOC") or m.source == "gazetteer" or m.text.count(" ") < 3:
            out.append(m)  # (tested before the words before it are read: most mentions stop here)
            continue
        words = m.text.split(" ")
        prev = _TEXT_WORD.findall(text[max(0, m.start - 20) : m.start])
        if not prev or prev[-1].casefold() not in titles:
            out.append(m)
            continue
        cut = None
        for k in (2, 3):
            head, tail = words[:-k], words[-k:]
            if len(head) < 2 or head[-1].casefold() in lists["function_words"]:
                continue
            if not all(_NAME_WORD.fullmatch(w) and w.casefold() not in stop
                       and (w.casefold() not in lexicon or w in given) for w in tail):
                continue  # "Pemenuhan Gizi", "Malaria Global": words of the language, not a name
            if any(gazetteer.lookup(" ".join(tail[a:b])) is not None for a in range(k) for b in range(a + 1, k + 1)):
                continue
            if " ".join(tail).casefold() in _village_names(language):
                continue  # "Kantor Imigrasi Kelas II TPI Labuan Bajo": a district or a village
            if before is None:
                before = _words_before(text)
            elsewhere = bool(before.get(tail[0], set()) - {head[-1]}) or bool(before.get(tail[-1], set()) - {tail[-2]})
            if elsewhere or tail[0] in given:
                cut = len(head)
                break
        if cut is None:
            out.append(m)
            continue
        person_start = len(" ".join(words[:cut])) + 1
        while cut > 2 and words[cut - 1].casefold().rstrip(".") in ranks:
            cut -= 1  # "Universitas Pendidikan Indonesia (UPI) Prof Didi Sukyadi": the rank is neither
        org_end = len(" ".join(words[:cut]))
        name = m.text[:org_end]
        out.append(Mention(m.start, m.start + org_end, name, m.type, source=m.source, key=m.key))
        out.append(Mention(m.start + person_start, m.end, m.text[person_start:], "PER", source=m.source))
    return out


# a number's or an address unit's word at the end of a mention, its number right after it
_NUMBER_WORD_END = re.compile(r"(?:^| )(?:No\.?|Nomor|Nomer|RT|RW|Rt|Rw)$")
_NUMBER_AFTER = re.compile(r" ?\d")


def _without_number_word(text: str, m: Mention, heads: frozenset[str], lexicon: frozenset[str]) -> Mention | None:
    """The mention without a trailing "No"/"Nomor"/"RT"/"RW" that its number follows (module
    docstring); None when nothing of a name is left (nothing, a bracket, or one head word or
    common word, "Blok Rt 2")."""
    cut = _NUMBER_WORD_END.search(m.text)
    if cut is None or not _NUMBER_AFTER.match(text, m.end):
        return m
    name = m.text[: cut.start()].rstrip()
    if len(name) < 2 or name.endswith(")") or (" " not in name and (name.casefold() in heads
                                                                    or name.casefold() in lexicon)):
        return None  # "No", "Pemerintah (PP)", "Blok": a document's number or an address, no name
    return Mention(m.start, m.start + len(name), name, m.type, source=m.source, key=m.key, role=m.role)


# a model's code right after a maker's name: letters and digits ("G6", "EX5", "IMX882", "SF90"), capitals
# with a hyphen ("HR-V"), or a lower-case model word and a number ("nova 13")
_MODEL_AFTER = re.compile(r" (?:[A-Za-z]{1,4}\d[\w-]*\b|[A-Z]{1,3}-[A-Z0-9]{1,2}\b|([a-z]{3,}) \d)")


@functools.cache
def _makers() -> frozenset[str]:
    return frozenset(w.casefold() for w in _word_list("shared", "makers.txt"))


def _maker_of_model(text: str, m: Mention, lexicon: frozenset[str]) -> bool:
    """Whether a mention is a maker's name that a model's code follows (module docstring); a lower-case
    word of the language after it is the sentence going on ("Ducati pada 2026"), not a model."""
    if m.text.casefold() not in _makers():
        return False
    model = _MODEL_AFTER.match(text, m.end)
    return model is not None and (model.group(1) is None or model.group(1) not in lexicon)


# a word that announces a title, then the title: in quotes (up to the closing one), or two capitalised
# words or more ("tema HPN tahun ini" is the theme of the HPN, not one named HPN)
_TITLE_CUE = re.compile(
    r"(?<![\w-])(?:tema|bertema|berjudul|judul|buku|game|gim)\s?(?:(['‘\"“])([^'’\"”\n]{1,120})['’\"”]"
    r"|([A-Z][\w'’:-]*(?: [A-Z0-9][\w'’:-]*)+))")
# the cue words as written inside every match of `_TITLE_CUE` ("bertema" holds "tema"), found fast:
# most articles write none, and then the full pattern (a look-behind first: tried at every position)
# is not scanned
_TITLE_CUE_GATE = re.compile("tema|judul|buku|game|gim")


def _titles(text: str) -> list[tuple[int, int]]:
    """The spans of titles announced by a cue word (module docstring), quoted or capitalised."""
    out: list[tuple[int, int]] = []
    if _TITLE_CUE_GATE.search(text) is None:
        return out
    for hit in _TITLE_CUE.finditer(text):
        group = 2 if hit.group(2) is not None else 3
        out.append((hit.start(group), hit.end(group)))
    return out


@functools.cache
def _event_openers(language: str) -> tuple[tuple[str, ...], ...]:
    """The `event_openers` of the language's entities.yaml as word tuples, longest first."""
    data = resources.load_or_empty(language, "entities") or {}
    phrases = {tuple(str(p).casefold().split()) for p in data.get("event_openers") or [] if str(p).strip()}
    return tuple(sorted(phrases, key=len, reverse=True))


_OPENER_NUMBER = re.compile(r"\d{1,3}")


def _without_event_opener(m: Mention, openers: tuple[tuple[str, ...], ...]) -> Mention | None:
    """An event's mention without an opener word in front of its name (module docstring), a number
    after the opener included ("Practice 1"); None when no name is left."""
    if m.type != "EVT" or not openers:
        return m
    words = m.text.split(" ")
    lows = [w.casefold() for w in words]
    for phrase in openers:
        n = len(phrase)
        if tuple(lows[:n]) != phrase or not words[0][:1].isupper():
            continue
        if n < len(words) and _OPENER_NUMBER.fullmatch(words[n]):
            n += 1
        rest = words[n:]
        if not rest:
            return None
        if not rest[0][:1].isupper():
            return m  # "Final di Jakarta": not an opener before a name
        cut = len(" ".join(words[:n])) + 1
        return Mention(m.start + cut, m.end, m.text[cut:], "EVT", source=m.source, key=m.key)
    return m


def _person_of_words(m: Mention, lexicon: frozenset[str], given: frozenset[str]) -> bool:
    """Whether a person's mention is made of frequent words only (module docstring): every word in
    `lexicon` (`common_words.txt`), none in `given` (`given_names.txt`: "Bunga Citra Lestari" stays)."""
    if m.type != "PER" or m.source == "gazetteer" or " " not in m.text:
        return False
    words = m.text.split()
    return all(w.casefold() in lexicon and w not in given for w in words)


def _lower_case_people(text: str, mentions: list[Mention], given: frozenset[str]) -> list[Mention]:
    """The mentions less the one-word "persons" the article also writes in lower case as a word of
    its own (module docstring): "101 pengusaha Tekstil" beside "pengusaha tekstil" is a trade, "Dosen
    S2 UNM" a post, "Perhubungan Udara" the rest of an office's name. Not a given name, nor a word of
    a person's longer name in the article ("Xabi Alonso" beside a scrape's "xabi alonso")."""
    lower: set[str] | None = None  # the article's lower-case words, read at its first candidate
    named: set[str] = set()
    out = []
    for m in mentions:
        # one capitalised word ("Tekstil", not "DFJ" or "McLaren"), which lower-casing its first letter spells
        if (m.type == "PER" and " " not in m.text and m.source != "gazetteer" and m.text not in given
                and m.text[:1].isupper() and m.text[1:].islower()):
            if lower is None:
                lower = set(re.findall(r"(?<![\w-])[a-z][a-z]+(?![\w-])", text))
                named = {w for x in mentions if x.type == "PER" and " " in x.text for w in x.text.split()}
            if m.text.casefold() in lower and m.text not in named:
                continue
        out.append(m)
    return out


@functools.cache
def _place_qualifiers(language: str) -> frozenset[str]:
    """The `place_qualifiers` of the language's entities.yaml, as written (acronyms)."""
    data = resources.load_or_empty(language, "entities") or {}
    return frozenset(str(w) for w in data.get("place_qualifiers") or [])


def _qualified_place(m: Mention, qualifiers: frozenset[str], gazetteer: Gazetteer) -> Mention:
    """The mention as the known place after a qualifier's acronym (module docstring)."""
    first, _, rest = m.text.partition(" ")
    if m.source == "gazetteer" or not rest or first not in qualifiers:
        return m
    entry = gazetteer.lookup(rest)
    if entry is None or entry.type not in ("GPE", "LOC"):
        return m
    return Mention(m.end - len(rest), m.end, rest, entry.type, source="gazetteer", key=entry.id)  # type: ignore[arg-type]


@functools.cache
def _acronym_stop(language: str) -> frozenset[str]:
    """The words before a bracket that keep its acronym (`common_noun_acronyms`): function words and the
    heads of organisations and places, made once per language."""
    lists = _lists(language)
    return (lists["function_words"] | lists["glue_words"] | lists["org_heads"] | lists["gpe_heads"]
            | lists["loc_heads"])


_SEAM_PIECE = re.compile(r"[^\W\d_]")


def _piece_type(piece: str, written: dict[str, str], clubs: frozenset[str], sport: bool,
                gazetteer: Gazetteer) -> str | None:
    """The type of one side of a glued mention as a name on its own, or None where it is none: its
    type where the article writes it alone, a listed club in a sport article, or the gazetteer's."""
    if piece in written:
        return written[piece]
    if sport and piece in clubs:
        return "ORG"
    entry = gazetteer.lookup(piece)
    return None if entry is None else str(entry.type)


def _glued_names(text: str, mentions: list[Mention], glued: frozenset[int], gazetteer: Gazetteer,
                 given: frozenset[str]) -> list[Mention]:
    """Mentions across an opened seam (`glued`: where the seams put a space in `text`) cut into the
    names glued there, where each side is a name on its own (module docstring)."""
    if not glued:
        return mentions
    seams = sorted(glued)
    # (the seams inside each mention by bisection: a scan of every seam per mention was quadratic)
    crossing = {id(m): cuts for m in mentions
                if (cuts := seams[bisect.bisect_right(seams, m.start) : bisect.bisect_left(seams, m.end - 1)])}
    if not crossing:
        return mentions
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m in mentions:
        if id(m) not in crossing:
            counts[m.text][m.type] += 1
    written = {name: max(types, key=lambda t: types[t]) for name, types in counts.items()}
    clubs = _word_list("shared", "clubs.txt")
    sport: bool | None = None
    lists = _lists("id")
    out: list[Mention] = []
    for m in mentions:
        cuts = crossing.get(id(m))
        if cuts is None:
            out.append(m)
            continue
        if sport is None:
            sport = _sport_article(_index_of(text), lists["sport_cues"])
        edges = [m.start, *cuts, m.end]
        pieces = [(a + (a != m.start), b) for a, b in itertools.pairwise(edges)]
        types = [_piece_type(text[a:b], written, clubs, sport, gazetteer) for a, b in pieces]
        if (any(t is None for t in types) or text[pieces[0][0] : pieces[0][1]] in given
                or any(t in ("GPE", "LOC") and u == "ORG" for u, t in itertools.pairwise(types))
                or not all(_SEAM_PIECE.match(text, a) for a, _ in pieces)):
            out.append(m)
            continue
        for (a, b), t in zip(pieces, types, strict=True):
            part = Mention(a, b, text[a:b], t, source=m.source)  # type: ignore[arg-type]
            out.append(part)
    return out


def _name_ends(names: Iterable[str]) -> set[str]:
    """What a name starts or ends with up to a space ("Persib" of "Persib Bandung", "Bandung" too):
    `x in _name_ends(names)` is whether some name `p` has `p.startswith(x + " ") or p.endswith(" " + x)`,
    read once for all the names rather than once per name asked about (that grew with the square of a
    long article's people)."""
    out: set[str] = set()
    for p in set(names):
        i = p.find(" ")
        while i >= 0:
            out.add(p[:i])
            out.add(p[i + 1 :])
            i = p.find(" ", i + 1)
    return out


def _club_people(text: str, mentions: list[Mention], given: frozenset[str]) -> list[Mention]:
    """In an article about a sport, a person whose whole name is a listed club is the club."""
    clubs = _word_list("shared", "clubs.txt")
    suspects = [m for m in mentions if m.type == "PER" and m.text in clubs and m.text.split(" ")[0] not in given]
    if not suspects or not _sport_article(_index_of(text), _lists("id")["sport_cues"]):
        return mentions
    people = _name_ends(m.text for m in mentions if m.type == "PER" and m.text not in clubs)
    named = {m.text for m in suspects if m.text in people}
    for m in suspects:
        if m.text not in named:
            m.type = "ORG"  # type: ignore[assignment]
            m.role = None
    return mentions


_NEW_MODEL = re.compile(r"(All )?New [A-Z0-9]")


def _new_model(m: Mention, makers_named: bool, gazetteer: Gazetteer) -> bool:
    """Whether a mention is a model launched as new (module docstring)."""
    hit = _NEW_MODEL.match(m.text)
    if hit is None or gazetteer.lookup(m.text) is not None:
        return False
    if hit.group(1):
        return True
    words = m.text.split(" ")
    return makers_named and not any(gazetteer.lookup(" ".join(words[:k])) for k in range(2, len(words)))


def _names_a_maker(text: str) -> bool:
    makers = _makers()
    # each distinct word folded once (an article repeats its names)
    return not makers.isdisjoint({w.casefold() for w in set(_NAME_WORD.findall(text))})


def _maker_people(mentions: list[Mention]) -> list[Mention]:
    """A person whose whole name is a listed maker is the company (module docstring)."""
    makers = _makers()
    suspects = [m for m in mentions if m.type == "PER" and m.text.casefold() in makers]
    if suspects:
        people = _name_ends(m.text for m in mentions if m.type == "PER")
        for m in suspects:
            if m.text not in people:
                m.type = "ORG"  # type: ignore[assignment]
                m.role = None
    return mentions


@functools.cache
def _head_titles(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The titles of one who heads an institution and of one who heads a village or a district, as
    patterns that end right before a name (`head_titles`, `place_head_titles` of entities.yaml)."""
    data = resources.load_or_empty(language, "entities") or {}
    out = []
    for key in ("head_titles", "place_head_titles"):
        words = sorted({str(w).strip() for w in data.get(key) or [] if str(w).strip()}, key=len, reverse=True)
        if not words:
            return None
        alternatives = "|".join(re.escape(w) for w in words)
        out.append(re.compile(rf"(?<![\w-])(?:{alternatives}) $", re.IGNORECASE))
    return out[0], out[1]


def _headed_names(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer,
                  given: frozenset[str]) -> list[Mention]:
    """A "person" between a head's title and the head's name after a comma is the institution or the
    place headed (module docstring)."""
    titles = _head_titles(language)
    if titles is None:
        return mentions
    people_at = {m.start for m in mentions if m.type == "PER"}
    suspects = [m for m in mentions
                if m.type == "PER" and text[m.end : m.end + 2] == ", " and m.end + 2 in people_at]
    if not suspects:
        return mentions
    # a person the article calls by a word of the name elsewhere: "Gubernur Dedi Mulyadi, Farhan" and
    # "kata Dedi" (the same name read as a person again is no evidence: the model repeats its reading)
    named = {m.text for m in suspects}
    others = {m.text.split(" ")[0] for m in mentions if m.type == "PER" and m.text not in named}
    for m in suspects:
        words = m.text.split(" ")
        entry = gazetteer.lookup(m.text)
        if any(w in given or w in others for w in words) or (entry is not None and entry.type == "PER"):
            continue
        before = text[max(0, m.start - 40) : m.start]
        if titles[1].search(before):
            # a village or a district by name: the list of them, or a place the gazetteer knows
            place = m.text.casefold() in _village_names(language) or (
                entry is not None and entry.type in ("GPE", "LOC"))
            kind = "GPE" if place else None
        else:
            kind = "ORG" if titles[0].search(before) else None
        if kind is not None:
            m.type = kind  # type: ignore[assignment]
            m.role = None
    return mentions


_WORD_BEFORE = re.compile(r"(?<![\w.’'-])((?:[A-Z][a-z]+-)?[A-Z][a-z]+) $")


# the word that announces a colour ("warna", "pilihan warna", "Varian"), then the list to the sentence's end
_COLOUR_CUE = re.compile(r"(?<![\w-])(?:[Ww]arna|[Ww]arnanya|[Kk]elir|[Vv]arian)\b[^.\n]{0,200}")
"""(ent12a: "Warna" opening a sentence too: "Warna baru yang disuguhkan adalah Dull Blue.")"""


@functools.cache
def _colour_words(language: str) -> frozenset[str]:
    """The `colour_words` of the language's entities.yaml, case-folded."""
    data = resources.load_or_empty(language, "entities") or {}
    return frozenset(str(w).casefold() for w in data.get("colour_words") or [])


def _colours(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions less the colours' names (module docstring)."""
    words = _colour_words(language)
    suspects = [m for m in mentions if m.text.rsplit(" ", 1)[-1].casefold() in words]
    if not suspects:
        return mentions
    lists = _Contains(hit.span() for hit in _COLOUR_CUE.finditer(text))
    gone = {id(m) for m in suspects if lists(m.start, m.end)}
    return [m for m in mentions if id(m) not in gone]


@functools.cache
def _platforms(language: str) -> frozenset[str]:
    """The `account_platforms` of the language's entities.yaml, as written."""
    data = resources.load_or_empty(language, "entities") or {}
    return frozenset(str(w) for w in data.get("account_platforms") or [])


def _without_platform(m: Mention, platforms: frozenset[str]) -> Mention:
    """The mention without a platform's name in front of the account's owner (module docstring)."""
    first, _, rest = m.text.partition(" ")
    if first not in platforms or not rest[:1].isupper():
        return m
    start = m.start + len(first) + 1
    return Mention(start, m.end, rest, m.type, m.entity, m.source, m.score, None, m.role)


@functools.cache
def _not_first_names(language: str) -> frozenset[str]:
    """Given names that are also words a clause opens with (`not_first_names` of entities.yaml)."""
    data = resources.load_or_empty(language, "entities") or {}
    return frozenset(str(w).casefold() for w in data.get("not_first_names") or [])


def _first_names(text: str, mentions: list[Mention], language: str, lists: dict[str, frozenset[str]],
                 lexicon: frozenset[str], given: frozenset[str]) -> list[Mention]:
    """A person's mention with the given name written right before it (module docstring)."""
    if not given:
        return mentions
    ends = {m.end for m in mentions}
    stop = _joined(lists["heads"], lists["person_ranks"], lists["honorifics"], lists["title_words"],
                   _not_first_names(language))
    out = []
    for m in mentions:
        one_word = " " not in m.text
        if m.type == "PER" or (one_word and m.type in ("GPE", "LOC", "ORG") and m.source != "gazetteer"
                               and (m.type != "ORG" or m.text.isupper())):
            hit = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
            if hit is not None and hit.start(1) not in ends and hit.start(1) - 1 not in ends:
                word = hit.group(1)
                last = word.rsplit("-", 1)[-1]
                if (last in given and word.casefold() not in lexicon and last.casefold() not in lexicon
                        and word.casefold() not in stop and last.casefold() not in stop):
                    person = Mention(hit.start(1), m.end, text[hit.start(1) : m.end], "PER", m.entity, m.source,
                                     m.score, None if m.type != "PER" else m.key, m.role)
                    out.append(person)
                    continue
        out.append(m)
    return out


def settle_precision(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer,
                     glued: frozenset[int] = frozenset()) -> list[Mention]:
    """The mentions less those the rules of the module docstring rule out. `glued`: where the
    seams of `linimasa.text.seams` put a space in `text`."""
    if language == "en":
        return mentions
    given = _lists(language).get("given_names", frozenset())
    mentions = _club_people(text, _glued_names(text, mentions, glued, gazetteer, given), given)
    mentions = _headed_names(text, _maker_people(mentions), language, gazetteer, given)
    mentions = _first_names(text, mentions, language, _lists(language), _lexicon(language), given)
    platforms = _platforms(language)
    mentions = _colours(text, [_without_platform(m, platforms) for m in mentions], language)
    makers_named = _names_a_maker(text)
    mentions = [m for m in mentions if not _new_model(m, makers_named, gazetteer)]
    lists = _lists(language)
    lexicon = _lexicon(language)
    banned = common_noun_acronyms(text, gazetteer, _acronym_stop(language))
    out = [t for m in mentions if m.text not in banned and not _in_code(text, m)
           and not _maker_of_model(text, m, lexicon)
           and (t := _without_number_word(text, m, lists["heads"], lexicon)) is not None]
    titles = _titles(text)
    if titles:
        inside = _Contains(titles)
        out = [m for m in out if not inside(m.start, m.end)]
    out = _titled_name_then_person(text, out, language, gazetteer, lists)
    qualifiers = _place_qualifiers(language)
    out = [_qualified_place(m, qualifiers, gazetteer) for m in out]
    given = lists.get("given_names", frozenset())
    out = [m for m in out if not _person_of_words(m, lexicon, given)]
    out = _lower_case_people(text, out, given)
    openers = _event_openers(language)
    out = [t for m in out if (t := _without_event_opener(m, openers)) is not None]
    out = _credential_lists(text, out, gazetteer)
    out = _ent11u_adjectives(text, _ent11u_kinship(out, language), language)
    out = _ent11u_zodiac(text, out, language)
    out = _ent12a_lone_titles(_ent12a_vehicles(text, out, language), language)
    out = _ent12a_airport_codes(text, _ent12a_person_then_place(text, out, gazetteer))
    return _ent12a_headings(_ent12a_city_halls(out, language), language, gazetteer)


# -- (ent11u) kinship words, peoples and styles (issue 11, unseen news) --------------------------------------

@functools.cache
def _ent11u_words(language: str, key: str) -> frozenset[str]:
    """A list of the language's entities.yaml (`kinship_words`, `ethnic_names`, `ethnic_cues`,
    `ethnic_heads`, `style_cues`, `zodiac_signs`, `zodiac_cues`), case-folded."""
    data = resources.load_or_empty(language, "entities") or {}
    return frozenset(str(w).casefold() for w in data.get(key) or [])


def _ent11u_kinship(mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions without a kinship word in front of a person's name, and less the kinship words
    alone (module docstring)."""
    words = _ent11u_words(language, "kinship_words")
    if not words:
        return mentions
    out = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        if first.casefold() not in words or not first[:1].isupper() or first.isupper():
            out.append(m)  # not "MBA" (a degree) nor "MAS" (an airline): an acronym is no kinship word
        elif not rest:
            if m.type == "EVT":
                out.append(m)
        elif m.type == "PER" and rest[:1].isupper():
            start = m.start + len(first) + 1
            out.append(Mention(start, m.end, rest, m.type, m.entity, m.source, m.score, None, m.role))
        else:
            out.append(m)
    return out


_ENT11U_WORDS_BEFORE = re.compile(r"((?:[A-Za-z]+ ){1,2})$")
"""The one or two words right before a mention ("riasan adat ", "bergaya "), capitalised or not
("nuansa Budaya Jawa": ent12a)."""


def _ent11u_adjectives(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions less peoples' and cultures' adjectives and places' styles (module docstring)."""
    names = _ent11u_words(language, "ethnic_names")
    if not names:
        return mentions
    cues = _ent11u_words(language, "ethnic_cues")
    styles = _ent11u_words(language, "style_cues")
    heads = cues | _ent11u_words(language, "ethnic_heads")
    out = []
    for m in mentions:
        words = m.text.casefold().split(" ")
        if m.type != "EVT" and len(words) >= 2 and words[-1] in names and " ".join(words[:-1]) in heads:
            continue  # "Masyarakat Banjar", "Suku Betawi"
        if m.type != "EVT" and (m.text.casefold() in names or m.type in ("GPE", "LOC")):
            hit = _ENT11U_WORDS_BEFORE.search(text, max(0, m.start - 30), m.start)
            if hit is not None:
                before = hit.group(1).casefold().split()
                last, two = before[-1], " ".join(before[-2:])
                if m.text.casefold() in names and (last in cues or two in cues):
                    continue
                if m.type in ("GPE", "LOC") and last in styles:
                    continue
        out.append(m)
    return out


def _ent11u_zodiac(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions less the signs of the zodiac in an article about it (module docstring)."""
    signs = _ent11u_words(language, "zodiac_signs")
    if not signs or not any(m.text.casefold() in signs for m in mentions):
        return mentions
    low = text.casefold()
    if not any(cue in low and re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", low)
               for cue in _ent11u_words(language, "zodiac_cues")):
        return mentions
    return [m for m in mentions if m.text.casefold() not in signs]


# -- (ent12a) trains by their number, lone titles, city halls (issue 11, unseen news) ------------------------

@functools.cache
def _ent12a_vehicle_before(language: str) -> re.Pattern[str] | None:
    """A vessel's or a train's prefix, with the service's number if any, right before a mention."""
    prefixes = sorted(_lists(language).get("vehicle_prefixes", frozenset()), key=len, reverse=True)
    if not prefixes:
        return None
    return re.compile(r"(?<![A-Z])(?:" + "|".join(map(re.escape, prefixes)) + r")(?: \d{1,5}[A-Z]?)? $")


def _ent12a_vehicles(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions less the names right after a vessel's or a train's prefix and its number ("KA 14
    Argo Lawu", "KA 119 Gunung Jati" in a list of late trains, "KRI Bima Suci"): the recognisers take
    the service's name for a person or a place, and vessels and train services are not annotated
    (eval/real-id/GUIDELINE.md 3; `settle._vehicle` drops them where the prefix is inside the mention).
    The scraper glues such lists' lines ("54 menitKA 14 Argo Lawu"), so a lower-case letter may come
    right before the prefix; a capital may not ("SKA")."""
    before = _ent12a_vehicle_before(language)
    if before is None:
        return mentions
    return [m for m in mentions if before.search(text, max(0, m.start - 12), m.start) is None]


def _ent12a_lone_titles(mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions less a person's or an organisation's that is only a title ("Uskup" of "Uskup
    Manado", "Pastor" opening a sentence): a title alone names no one (`person_titles` and
    `person_only_titles` of entities.yaml; not the honorifics, some of which are also names: "Sri",
    "Tan"); nor does a person's that is only the head word of an organisation's or a place's name in
    the language ("Paroki", what is left of the role "Pastor Paroki" once the title is cut off;
    "Perseroan", the company an article is about; not the English "Mount" of "Mason Mount")."""
    titles, heads = _lone_title_words(language)
    out = []
    for m in mentions:
        word = m.text.casefold()
        if m.type in ("PER", "ORG") and word in titles and not m.text.isupper():
            continue  # not "MR (22)", a suspect's initials, for the English "Mr"
        if m.type == "PER" and word in heads:
            continue  # "Paroki" left of "Pastor Paroki" (a role) when the title is cut off
        out.append(m)
    return out


@functools.cache
def _lone_title_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """`_ent12a_lone_titles`' words of a language, joined once per process (they were joined again
    for every article, a copy of four head lists each time): the titles, and the head words of
    organisations' and places' names."""
    titles = _ent11u_words(language, "person_titles") | _lists(language)["person_only_titles"]
    heads = frozenset(w for key in ("org_heads", "company_heads", "loc_heads", "gpe_heads")
                      for w in _ent11u_words(language, key))
    return titles, heads


def _ent12a_city_halls(mentions: list[Mention], language: str) -> list[Mention]:
    """An organisation's mention that opens with a kind of building or site the capitalised name
    follows ("Balai Kota Jakarta", "Plaza Senayan"; `facility_heads` of entities.yaml) is the place
    (LOC), as the dev gold types "Balai Kota Depok": the model reads a city hall as the city's
    government. (`settle` does this for `loc_heads`, which "Balai Kota" cannot join: there it would
    open organisation-like runs of its own.)"""
    heads = _lists(language)["facility_heads"]
    out = []
    for m in mentions:
        words = m.text.split(" ")
        n = 2 if " ".join(words[:2]).casefold() in heads else 1 if words[0].casefold() in heads else 0
        if m.type == "ORG" and m.source != "gazetteer" and n and len(words) > n and words[n][:1].isupper():
            m = replace(m, type="LOC", key=None)
        out.append(m)
    return out


_ENT12A_ROUTE_CODE = re.compile(
    r"(?:(?<=[a-z]) \(([A-Z]{3})\)(?= ?[-–] ?[A-Z]))"  # "Kupang (KOE) - Ende": a route's start
    r"|(?:(?<=[-–] )[A-Z][\w'’]*(?: [A-Z][\w'’]*){0,2} \(([A-Z]{3})\))"  # "- Ende (ENE)": a route's end
)


_ENT12A_CODE = re.compile(r"\([A-Z]{3}\)")
"""What every match of `_ENT12A_ROUTE_CODE` holds: a scan that opens with a literal skips ahead by it,
where the route pattern, which opens with a look-behind, tries every offset."""


def _ent12a_airport_codes(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions less the airports' three-letter codes in a list of flight routes ("IW1831 Kupang
    (KOE) - Ende (ENE)"): a code in brackets after a town, at either end of a route (a dash between
    the two towns), is the airport's code written beside the town, not an acronym the article defines
    for it (one word has no three initials), and the gold guideline leaves flight numbers and such
    codes out (flight lists were a class of errors in every audit round)."""
    if " (" not in text or _ENT12A_CODE.search(text) is None:
        return mentions
    codes = set()
    for hit in _ENT12A_ROUTE_CODE.finditer(text):
        g = 1 if hit.group(1) else 2
        code = hit.group(g)
        words = text[max(0, hit.start(g) - 60) : hit.start(g) - 2].split()[-3:]
        if "".join(w[:1] for w in words).upper() != code:  # "Jakarta Convention Center (JCC)" defines it
            codes.add((hit.start(g), hit.end(g)))
    if not codes:
        return mentions
    return [m for m in mentions if (m.start, m.end) not in codes]


def _ent12a_person_then_place(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A person's mention and a one-word place's written right after it with a space and no comma
    ("Zaskia Adya Mecca", "Ipsos Indonesia", "Air France", "Ajax Amsterdam") are one name that the
    recognisers cut in two: a person's name ends at a comma or a verb before the place it is in, never
    with the place glued on (the gold guideline's maximal span). The whole is a company's or a club's
    (ORG) where the place is a country or the first part one word; otherwise a person's ("Zaskia Adya
    Mecca"). A place then a person ("Bupati Bogor Rudy Susmanto") is the usual title, place, name order
    and is left alone."""
    starts = {(m.start, m.type): m for m in mentions if m.type in ("GPE", "LOC") and " " not in m.text}
    merged: dict[int, Mention] = {}
    gone: set[int] = set()
    for m in mentions:
        if m.type != "PER" or text[m.end : m.end + 1] != " ":
            continue
        place = starts.get((m.end + 1, "GPE")) or starts.get((m.end + 1, "LOC"))
        if place is None or text[place.end : place.end + 2][:1].isalnum():
            continue
        after = text[place.end : place.end + 2]
        if len(after) == 2 and after[0] == " " and after[1].isupper():
            continue  # a longer run of names: not this shape
        entry = gazetteer.lookup(place.text)
        country = entry is not None and entry.id.startswith("country:")
        kind = "ORG" if country or " " not in m.text else "PER"
        merged[id(m)] = replace(m, end=place.end, text=text[m.start : place.end], type=kind, key=None)
        gone.add(id(place))
    if not merged:
        return mentions
    return [merged.get(id(m), m) for m in mentions if id(m) not in gone]


@functools.cache
def _heading_openers(language: str) -> tuple[tuple[tuple[str, ...], ...], dict[str, list[tuple[str, ...]]] | None]:
    """`_ent12a_headings`' phrases, the longest first, and the same by their first word in that order
    (None when a phrase is empty): sorted once per process, not for every article, and a mention
    tries only the phrases that open with its first word, not every phrase."""
    openers = tuple(sorted((tuple(w.split()) for w in _ent11u_words(language, "heading_openers")), key=len,
                           reverse=True))
    if any(not phrase for phrase in openers):
        return openers, None
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in openers:
        by_first.setdefault(phrase[0], []).append(phrase)
    return openers, by_first


def _ent12a_headings(mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """A mention that opens with a heading's words (`heading_openers` of entities.yaml: "Jadwal
    Imsakiyah Surabaya (Jawa Timur)" in a list of prayer times) is the name after them, of the
    gazetteer's type where it knows the name ("Surabaya": GPE), else of the mention's."""
    openers, by_first = _heading_openers(language)
    if not openers:
        return mentions
    out = []
    for m in mentions:
        words = m.text.split(" ")
        # (a phrase that matches opens with the mention's first word: the others are not tried)
        if by_first is not None and (m.type == "EVT" or words[0].casefold() not in by_first):
            out.append(m)
            continue
        lows = tuple(w.casefold() for w in words)
        for phrase in openers if by_first is None else by_first[lows[0]]:
            n = len(phrase)
            if m.type == "EVT" or lows[:n] != phrase or n >= len(words) or not words[n][:1].isupper():
                continue
            cut = len(" ".join(words[:n])) + 1
            rest = m.text[cut:]
            entry = gazetteer.lookup(rest)
            kind = entry.type if entry is not None and entry.type in ("GPE", "LOC") else m.type
            m = replace(m, start=m.start + cut, text=rest, type=kind, key=None)
            break
        out.append(m)
    return out


# -- (ent11w, ent11x, ent12a) a company's name read as a person's (issue 11, unseen news) --------------------

_COMPANY_HEAD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]+\.?) $")
"""The word right before a mention, with its full stop ("PT. "), to test against `company_heads`."""
_COMPANY_TAIL_AFTER = re.compile(r"(,?) (?:\(([A-Za-z]+)\)|([A-Za-z]+)\b(\.?))")
"""A comma or not, then a word or a bracketed word right after a mention, to test against `company_tails`:
"Pupuk Indonesia Tbk", "PLN (Persero)", "Stack Exchange Inc.", "Zotac, Ltd."."""
_COMPANY_ALIAS_AFTER = re.compile(r" ?\(([A-Z][A-Za-z]{1,9})\)| atau ([A-Z][\w-]+)\b")
"""An organisation's acronym in brackets or its other name after "atau" ("PT Pertamina Hulu Rokan (PHR)",
"PT Jakarta Propertindo (Perseroda) atau Jakpro")."""


@functools.cache
def _company_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's legal forms before a company's name (`company_heads`, case-folded) and after it
    (`company_tails`, as written: "Co" is a legal form, the "co" of "co-founded" is not)."""
    data = resources.load_or_empty(language, "entities") or {}
    heads = frozenset(str(w).casefold() for w in data.get("company_heads") or [])
    return heads, frozenset(str(w) for w in data.get("company_tails") or [])


def _legal_form_span(text: str, m: Mention, heads: frozenset[str], tails: frozenset[str]) -> tuple[int, int] | None:
    """The span of a person's mention with the legal forms around it ("PT Pupuk Indonesia (Persero)",
    "Harbor Mint Inc."), where one stands right before it, right after it (after a comma too: "Zotac,
    Ltd.", then left out of the span) or ends it ("Ola Dahl Ltd"); None where none does."""
    before = _COMPANY_HEAD_BEFORE.search(text, max(0, m.start - 12), m.start)
    after = _COMPANY_TAIL_AFTER.match(text, m.end)
    head = before is not None and before.group(1).casefold() in heads
    word = (after.group(2) or after.group(3)) if after is not None else None
    tail = after is not None and word in tails
    ends = m.text.rsplit(" ", 1)[-1].rstrip(".") in tails and " " in m.text
    if not (head or tail or ends):
        return None
    start = before.start(1) if head and before is not None else m.start
    end = m.end
    if tail and after is not None and not after.group(1):
        abbreviated = bool(word) and len(word) <= 4 and word[:1].isupper() and word[1:].islower()  # "Inc.", "Tbk."
        end = after.end() if abbreviated or not after.group(4) else after.end() - 1
    return start, end


def _short_names(text: str, mentions: list[Mention], language: str) -> set[str]:
    """The short names the article gives its organisations: the first word of an organisation's
    mention ("Tether" of "Tether Gold", "Nakama" of "Nakama.id"), and the acronym or other name written
    right after one ("PT Pertamina Hulu Rokan (PHR)", "... (Perseroda) atau Jakpro"). Not a listed given
    name (`given_names.txt`), an acronym as a first word, nor a word that heads organisations' names
    ("Bank", "Tim")."""
    lists = _lists(language)
    given, heads = lists.get("given_names", frozenset()), lists["heads"]
    short: set[str] = set()
    for m in mentions:
        if m.type != "ORG" or m.source == "gazetteer":
            continue
        words = m.text.split(" ")
        first = words[0].split(".")[0] if len(words) == 1 and "." in words[0] else words[0] if len(words) > 1 else ""
        if first[:1].isupper() and not first.isupper() and first not in given and first.casefold() not in heads:
            short.add(first)
        alias = _COMPANY_ALIAS_AFTER.match(text, m.end)
        if alias is not None and (alias.group(1) or "").startswith("Perser"):  # "(Perseroda) atau Jakpro"
            alias = _COMPANY_ALIAS_AFTER.match(text, alias.end())
        if alias is not None and (alias.group(1) or alias.group(2)) not in given:
            short.add(alias.group(1) or alias.group(2))
    return short


def company_people(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """Persons' mentions that the article shows to be a company's name are ORG, each in all its
    mentions of the article (one article does not name a company and a person alike; the model reads
    "Pupuk Indonesia" or "Harbor Mint" like a person's names):

    - a name beside a company's legal form: right after one of `company_heads` ("PT Pupuk Indonesia"),
      right before one of `company_tails` ("Pupuk Indonesia Tbk", "(Persero)", "Stack Exchange Inc",
      "Zotac, Ltd.") or ending in one ("Ola Dahl Ltd"); people's names take no "PT" nor "Inc". That
      mention's span takes in the legal forms (eval/real-id/GUIDELINE.md 3 keeps them), a tail after
      a comma excepted;
    - an organisation's short name (`_short_names`): "Tether" beside "Tether Gold", "Jakpro" after
      "PT Jakarta Propertindo (Perseroda) atau".

    A person the gazetteer knows keeps its type. Run after the recall steps, which spread a name over
    the article. (Folds the rules of helpers ent11w, ent11x and ent12a.)"""
    heads, tails = _company_words(language)
    names: set[str] = set()
    out: list[Mention] = []
    for m in mentions:
        span = _legal_form_span(text, m, heads, tails) if m.type == "PER" and m.source != "gazetteer" else None
        if span is None:
            out.append(m)
            continue
        names.add(m.text)
        out.append(replace(m, start=span[0], end=span[1], text=text[span[0] : span[1]], type="ORG", key=None,
                           role=None))
    names |= _short_names(text, out, language)
    if not names:
        return out
    return [replace(m, type="ORG", key=None, role=None) if m.type == "PER" and m.source != "gazetteer"
            and m.text in names else m for m in out]


# -- a synopsis's characters ------------------------------------------------------------------------------

@functools.cache
def _ent11u_word_start(word: str) -> re.Pattern[str]:
    """``word`` at the start of a word: compiled once per word, not looked up in `re`'s cache per article."""
    return re.compile(rf"(?<![^\W\d_]){re.escape(word)}")


def _synopsis(text: str, language: str) -> bool:
    """Whether the article is a synopsis of an episode of a work: a word of `synopsis_cues` and one of
    `synopsis_work_cues`, each as a word or at the start of one that the scraper glued ("seriesTheo")."""
    folded = text.casefold()

    def has(key: str) -> bool:
        # (a word not in the text at all, as most are, needs no regex)
        return any(w in folded and _ent11u_word_start(w).search(folded) for w in _ent11u_words(language, key))

    return has("synopsis_cues") and has("synopsis_work_cues")


def synopsis_characters(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions less a synopsis's characters: in an article that retells an episode of a serial or
    a film (`_synopsis`), a person or a place named by one word ("Amira dan Aksa menghadapi ...",
    "rumah Adam") is a character of the story, and characters are not annotated; the actors are, by
    their full names ("Sasa (Rachel Patricia)"), and so is a one-word mention of one of them ("Rachel").
    Not a name the gazetteer knows, nor an acronym ("SCTV"). Run after the recall steps, which spread a
    name over the article."""
    if not _synopsis(text, language):
        return mentions
    cast = {w for m in mentions if m.type == "PER" and " " in m.text for w in m.text.split(" ")}
    return [m for m in mentions
            if not (m.type in ("PER", "GPE", "LOC") and " " not in m.text and m.source != "gazetteer"
                    and not m.text.isupper() and m.text not in cast)]


# -- a country's age-group team ---------------------------------------------------------------------------

_AGE_GROUP_AFTER = re.compile(r" ?U-?(1[5-9]|2[0-3])\b")
"""An age group written right after a name ("Belanda U-21", "England U21")."""


def age_group_teams(text: str, mentions: list[Mention]) -> list[Mention]:
    """A country's name with an age group right after it ("Belanda U-21 bisa lolos", "(England U21)")
    names that country's team of the age, an organisation, with the age group in its span (the gold's
    "Timnas Belanda U-21", "Belanda U-21"): a country plays no match. Only a place that the gazetteer
    knows as a country (or one of the nations of the United Kingdom, which field teams of their own).
    Where the article also names the team in full ("Timnas Belanda U-21"), it is one entity with it."""
    out = []
    teams = [m for m in mentions if m.type == "ORG" and " " in m.text]
    for m in mentions:
        country = m.type == "GPE" and (m.key or "").startswith(("country:", "uk-nation:"))
        after = _AGE_GROUP_AFTER.match(text, m.end) if country else None
        if after is not None:
            name = text[m.start : after.end()]
            # one entity with the team's longer name in the article ("Timnas Belanda U-21")
            longer = next((t for t in teams if t.text.endswith(" " + name)), None)
            key = None if longer is None else longer.key or f"name:{normalise(longer.text)}"
            m = replace(m, end=after.end(), text=name, type="ORG", key=key, role=None)
        out.append(m)
    return out


# -- a place named before its region ----------------------------------------------------------------------

def places_before_regions(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A "person" written where a place stands, with a place after it and a comma between ("ibu dari
    Cilincing, Jakarta Utara", "in Fajardo, Puerto Rico", "di County Durham, Inggris", "desa Gözlukuyu,
    Aksaray, Turki") is a place: the usual way to name a town is with its region after a comma, and a
    person's name is not followed by a place so. The "person" stands after a locative word ("di",
    "dari", "in", "from" ...) or after another place and a comma; it becomes a GPE (the gazetteer's type
    where it knows the name)."""
    places = {m.start: m for m in mentions if m.type in ("GPE", "LOC")}
    place_ends = {m.end for m in mentions if m.type in ("GPE", "LOC")}
    out = []
    for m in mentions:
        if m.type == "PER" and m.source != "gazetteer" and text[m.end : m.end + 2] == ", " \
                and (after := places.get(m.end + 2)) is not None and after.type == "GPE" \
                and (_after_locative(text, m.start)
                     or (text[max(0, m.start - 2) : m.start] == ", " and m.start - 2 in place_ends)):
            entry = gazetteer.lookup(m.text)
            kind = entry.type if entry is not None and entry.type in ("GPE", "LOC") else "GPE"
            m = replace(m, type=kind, key=None if entry is None else entry.id, role=None)
        out.append(m)
    return out


# -- a name after its kind ("kota bernama Teddim") -------------------------------------------------------

@functools.cache
def _named_kinds(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The pattern of a kind word, "yang" or not, and a naming word right before a name ("kota bernama ",
    "titik yang disebut ", "a town called "), and each kind word's type (`named_kinds`, `naming_words`
    of the language's entities.yaml)."""
    data = resources.load_or_empty(language, "entities") or {}
    kinds = {str(w): str(t) for t, words in (data.get("named_kinds") or {}).items() for w in words or []}
    naming = [str(w) for w in data.get("naming_words") or []]
    if not kinds or not naming:
        return None, kinds
    nouns = "|".join(re.escape(w) for w in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({nouns}) (?:yang |that is |which is )?(?:{'|'.join(naming)}) $"), kinds


def named_kinds(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A name written right after its kind and a naming word ("kota bernama Teddim", "titik yang disebut
    Kennedy Junction", "pria bernama Anggi", "a town called Teddim") is of the type the kind gives: a
    town's name is a place, a man's a person, whatever the recognisers read. Not a name the gazetteer
    knows (its own type stands)."""
    pattern, kinds = _named_kinds(language)
    if pattern is None:
        return mentions
    out = []
    for m in mentions:
        hit = pattern.search(text, max(0, m.start - 40), m.start) if m.source != "gazetteer" else None
        if hit is not None and kinds[hit.group(1)] != m.type and m.type in ("PER", "ORG", "GPE", "LOC"):
            m = replace(m, type=kinds[hit.group(1)], key=None, role=None)  # type: ignore[arg-type]
        out.append(m)
    return out


# -- a city's bare name for its club ----------------------------------------------------------------------

_CLUB_CUE_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+)\.? $")


def club_cities(text: str, mentions: list[Mention], language: str, sport: bool) -> list[Mention]:
    """In an article about a sport (`sport`), a city's bare name that the gazetteer knows, right after a
    word that makes it a team (`club_city_cues`: "pelatih Roma", "pemain Madrid", "melawan Monterrey",
    "beat Monterrey") is the club, an organisation (eval/real-id/GUIDELINE.md 3: a club's city standing
    for the club is the club). Cities only: a country's name stays a place when it stands for its team;
    and a city with a capitalised word after it is part of a longer name ("Manchester City")."""
    cues = _ent11u_words(language, "club_city_cues")
    if not sport or not cues:
        return mentions
    out = []
    for m in mentions:
        nxt = text[m.end : m.end + 2]
        if m.type == "GPE" and (m.key or "").startswith("city:") and " " not in m.text \
                and not (nxt[:1] == " " and nxt[1:].isupper()):  # not "Manchester" of "Manchester City"
            before = _CLUB_CUE_BEFORE.search(text, max(0, m.start - 16), m.start)
            if before is not None and before.group(1).casefold() in cues:
                m = replace(m, type="ORG", key=None, role=None)
        out.append(m)
    return out


# -- a name joined by an ampersand ------------------------------------------------------------------------

_AMPERSAND_AFTER = re.compile(r" & ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)(?![\w’'-])")
"""An ampersand and one or two capitalised words right after a name ("... Gas & Electric")."""


def ampersand_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation's or an event's mention with " & " and capitalised words right after it ("San
    Diego Gas & Electric", "Center for Plants & Culture", "Indo Defence 2025 Expo & Forum") runs on over
    them: an ampersand in Title Case joins the parts of one name (two bodies are joined by "and"); a
    mention found inside the part after it goes."""
    out: list[Mention] = []
    grown: list[tuple[int, int]] = []
    for m in mentions:
        hit = _AMPERSAND_AFTER.match(text, m.end) if m.type in ("ORG", "EVT") else None
        if hit is not None:
            m = replace(m, end=hit.end(), text=text[m.start : hit.end()], key=None, role=None)
            grown.append((hit.start(1), hit.end()))
        out.append(m)
    if not grown:
        return out
    return [m for m in out if not any(a <= m.start and m.end <= b for a, b in grown)]
