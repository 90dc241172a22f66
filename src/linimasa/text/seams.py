"""Seams a scraper glued shut inside a word, opened for reading names without rewriting the text.

Scraped news drops the space where a link or a tag stood: "Al Ain vs Juventusberlangsung di Audi
Field", "terhadapSetya Novantobisa disebut", "PenyanyiDenadamencuri perhatian", "Presiden
RIPrabowo Subiantohari ini", "Adhisty ZaradanAri Irhamdalam". A recogniser that reads
"Juventusberlangsung" as one word finds no Juventus (or finds an organisation of that name), and
the name's key, which stories are grouped by, is lost with it.

`glue_seams` finds where a space belongs, in time linear in the text: one pass over the runs of
letters with a capital (or a letter outside a-z), a few set lookups per run. `open_seams` puts
the spaces in a copy of the text and maps offsets back, so a stage can read the opened copy and
report offsets into the text it was given (`Opened`): the clean text itself is never changed, and
a mention across an opened seam keeps the characters as written ("PrabowoSubianto", as the gold
guideline has it).

A seam is opened only where the dictionary and the article agree that two words meet:

- a frequent word of news glued after a name: "Juventus|berlangsung", "Novanto|bisa",
  "Pangestu|lainnya". Names end in words too ("Permatasari", "Suhari", "Suryadi") and abbreviations
  are built of them ("Satresnarkoba"): on the word lists alone only a word that ends no name and is
  no noun is cut off (`glue_tails.txt`, derived from name lists and a tagged corpus); any frequent
  word (`common_words.txt`, the short `glue_words` of `entities.yaml`) is cut off when the article or
  the gazetteer knows the name before it ("Chinadi": China; "Subiantohari": "Subianto" written
  alone), when a capitalised word is glued after it ("Zara|dan|Ari") or when a common word before
  it is followed by a known name ("Motor|di Jakarta"); a function word that ends no name is cut off
  the last word of a name that opens with a listed given name ("Teddy Indra Wijaya|dan"), and a listed
  word off a two-letter last word when the gazetteer knows the whole name ("Kim Jong Un|untuk");
- a common word glued in front of a name ("Penyanyi|Denada", "Pemerintah|Amerika", "dari|CNBC"),
  or a name the article or the gazetteer knows ("Rusia|Vladimir", "Depok|Supian", "RI|Prabowo");
- a word after a number ("2025|sebagai");
- a short function word in lower case before a capital ("di|Pegadaian", "ke|Medan": `glue_openers.txt`),
  a function word that ends no name after a listed given name ("Yusuf|bakal": `glue_name_tails.txt`),
  and a listed given name after a word ("Sosial|Agus", "presenter|Jessica");
- a capital after a word derived with an affix ("Kebudayaan|Fadli", "Kementerian|Keuangan": brands
  are built of roots, "KapanLagi"), and a listed word after a legal form that ends a name ("Tbk|atau").

Brand names written in camel case stay whole where neither side is a known word or name
("TransJakarta", "BlackBerry"), and so does a name of two frequent words ("KapanLagi"); a brand
spelling listed in `camel_names.txt` ("YouTube", "PlayStation", "MacArthur") is never opened.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from linimasa import resources
from linimasa.model import Span
from linimasa.text.gazetteer import Gazetteer, load_gazetteer
from linimasa.text.morph import is_word, root_words, stem
from linimasa.text.tokens import LETTER_RUN

MIN_HEAD = 3
"""The shortest name left before a cut tail ("RI" + "di" is no seam; "PLK" + "selaku" is)."""
MIN_GUESSED_HEAD = 4
"""The shortest name before a tail cut on the word lists alone (no evidence from the article)."""
MIN_STEMMED_TAIL = 5
"""The shortest tail accepted because it stems to a dictionary root ("dekati") rather than because it
is a listed frequent word; shorter stems are too often the ends of names."""


@dataclass(frozen=True)
class _Words:
    """One language's word lists for the seams."""

    tails: frozenset[str]  # frequent words and function words: what a scraper glues after a name
    lengths: tuple[int, ...]  # their lengths, longest first
    trusted: frozenset[str]  # tails that end no name and are no noun: cut without evidence
    keep: frozenset[str]  # lower-case openings of brand names ("detik", "trans", "go")
    given: frozenset[str]  # common given names: a known name before a seam
    heads: frozenset[str]  # words that open names ("Kabupaten", "Gunung", "Menteri")
    listed: frozenset[str] = frozenset()  # camel-case names of the hand lists ("MotoGP"): `_listed_whole`
    openers: frozenset[str] = frozenset()  # short function words glued before a name ("di", "ke")
    name_tails: frozenset[str] = frozenset()  # function words cut after a given name ("Yusuf|bakal")
    closers: frozenset[str] = frozenset()  # words of a legal form that end a name ("tbk", "persero")


_VERB_OPENING = re.compile(r"me|di|ber|ter")
"""How a verb glued after a name opens: its prefix ("divonis", "menyambangi", "bertemu", "terlihat")."""

_AFTER_DIGIT = re.compile(r"(?<=\d)[^\W\d_]+")
"""A run of letters right after a digit ("2025sebagai"). A character that `str.isdigit` calls a digit
and `\\d` does not ("²") is a letter of `LETTER_RUN`, so none stands before a run."""

_NOT_PLAIN_RUN = re.compile(r"[^\W\d_a-z][^\W\d_]*")
"""The rest of a run of letters (`LETTER_RUN`) from its first letter other than a-z: the runs
`glue_seams` reads (a capital, or a letter outside ASCII, which `str.islower` then judges) start at
most a few a-z letters before ("dariCNBC"). It begins with a set of characters, which the regex
engine scans for fast."""

_LETTER = re.compile(r"[^\W\d_]")
"""One letter of `LETTER_RUN`: to find where the run before a space starts, reading back from its end."""

_HEAD_KEYS = ("gpe_heads", "loc_heads", "facility_heads", "org_heads", "company_heads", "event_heads",
              "person_titles", "person_ranks", "person_only_titles")
"""The lists of `entities.yaml` whose one-word entries open a name (of a place, an organisation, an event,
or a person after a title): a case change after one is always a seam ("KabupatenBekasi", "MenteriAgus")."""


@functools.cache
def _words(lang: str) -> _Words | None:
    try:
        common = resources.load_words(lang, "common_words.txt")
    except FileNotFoundError:
        return None
    entities = resources.load_or_empty(lang, "entities") or {}
    glue = frozenset(str(w) for w in entities.get("glue_words") or [] if " " not in str(w))
    clean = (resources.load_or_empty(lang, "clean") or {}).get("glue") or {}
    tails = common | glue | frozenset(str(w) for w in clean.get("tails") or [])
    try:
        trusted = resources.load_words(lang, "glue_tails.txt")
    except FileNotFoundError:
        trusted = frozenset()
    try:
        given = resources.load_words("shared", "given_names.txt")
    except FileNotFoundError:
        given = frozenset()
    openers, name_tails = _optional_words(lang, "glue_openers.txt"), _optional_words(lang, "glue_name_tails.txt")
    heads = frozenset(str(w).casefold() for key in _HEAD_KEYS for w in entities.get(key) or []
                      if " " not in str(w).strip())
    return resources.keep_for_process(_Words(
        listed=_listed_whole(lang),
        tails=tails,
        lengths=tuple(sorted({len(t) for t in tails}, reverse=True)),
        trusted=trusted,
        keep=frozenset(str(w) for w in clean.get("keep") or []),
        given=given,
        heads=heads,
        openers=openers,
        name_tails=name_tails,
        closers=frozenset(str(w).casefold() for w in entities.get("legal_form_tails") or [] if str(w).isalpha()),
    ))


def _optional_words(lang: str, name: str) -> frozenset[str]:
    """A word list of the language, or none where the language has no such list."""
    try:
        return resources.load_words(lang, name)
    except FileNotFoundError:
        return frozenset()


# -- (ent11u) a listed name written in camel case is one word, not two glued -----------------------
_LISTED_WHOLE = (("shared", "competitions.txt"), ("shared", "clubs.txt"), ("shared", "makers.txt"),
                 ("shared", "not_entities.txt"))
"""The hand lists whose one-word camel-case entries are whole names as written ("MotoGP", "LaLiga")."""


def _listed_whole(lang: str) -> frozenset[str]:
    """The one-word names of `_LISTED_WHOLE` and of the language's `not_entities.txt` with a capital
    after a lower-case letter: a run of letters that is one of them is a name, not a word glued to
    another ("MotoGP" opened as "Moto GP" is no competition the list knows, and "Moto" is a word)."""
    names: set[str] = set()
    for where in (*_LISTED_WHOLE, (lang, "not_entities.txt"), (lang, "camel_names.txt")):
        try:
            names |= resources.load_words(*where)
        except FileNotFoundError:
            continue
    return frozenset(n for n in names if " " not in n and _boundaries(n, frozenset()))


_NO_PARTS: dict[tuple[str, _Words, Gazetteer | None], set[tuple[str, bool]]] = {}
_MOST_NO_PARTS = 200_000


def _no_parts(lang: str, words: _Words, gazetteer: Gazetteer | None) -> set[tuple[str, bool]]:
    """The (part, glued_after) that `_part` found no tail in for reasons that hold in every article (no
    room for a derived word and no listed tail, or a word or name as it stands, `_whole`): the word
    lists and the gazetteer are fixed per process, and news repeats its capitalised words across
    articles, most of which end in nothing. Kept per language, lists and gazetteer; emptied when large."""
    key = (lang, words, gazetteer)
    known = _NO_PARTS.get(key)
    if known is None or len(known) > _MOST_NO_PARTS:
        if len(_NO_PARTS) >= 8:
            _NO_PARTS.clear()
        known = _NO_PARTS[key] = set()
    return known


def _capitalised(s: str) -> bool:
    return s[:1].isupper() and s[1:].islower()


class _Article:
    """What the seam rules ask of one text: its words as written, the gazetteer, the lists, and what
    `_tail_cut` found for each part already (an article repeats its names)."""

    def __init__(self, text: str, lang: str, words: _Words, gazetteer: Gazetteer | None, title: str = "") -> None:
        self.text = text
        self.title = title
        self.lang = lang
        self.lists = words
        self.gazetteer = gazetteer
        self.parts: dict[tuple[str, bool], _Part | None] = {}
        self.apart: dict[tuple[str, str], bool] = {}  # `_ent11w_written_apart`'s answers
        self.no_part = _no_parts(lang, words, gazetteer)  # parts `_part` finds none in, whatever the text

    @functools.cached_property
    def spaced_capitals(self) -> dict[str, list[int]]:
        """Where a space stands before an ASCII capital, by the character before the space, the space
        and three characters from the capital ("a Klu"), in text order: `_ent11w_written_apart`'s
        index of a long text."""
        text = self.text
        out: dict[str, list[int]] = {}
        for hit in _SPACE_CAPITAL.finditer(text, 1):
            at = hit.start()
            out.setdefault(text[at - 1 : at + 4], []).append(at)
        return out

    @functools.cached_property
    def written(self) -> frozenset[str]:
        """The runs of letters of the text: only asked of an article with a glued-looking word."""
        return frozenset(LETTER_RUN.findall(self.text))

    @functools.cached_property
    def headline(self) -> frozenset[str]:
        """(storyent) The runs of letters of the article's headline: a body that glues a word to the
        name its headline writes apart ("Dejan Ferdinansyah Bicara soal ..." over "Dejan
        Ferdinansyahenggan berspekulasi") names the same person, and the headline is typed apart
        from the body, so its spacing is no copy of the body's glue. Evidence of a name before a
        frequent word (`known`) only: a case change inside a run is left to the body's own words
        ("Monumen KaliBekasi" stays whole where a headline writes "Kali")."""
        return frozenset(LETTER_RUN.findall(self.title)) if self.title else frozenset()

    def known(self, name: str) -> bool:
        """Whether `name` is a name the article (its body or its headline) writes as a word of its own
        or the gazetteer knows (a common given name is not enough: "Surya" + "di" is the name "Suryadi")."""
        return (name in self.written or name in self.headline
                or (self.gazetteer is not None and self.gazetteer.lookup(name) is not None))

    def word(self, s: str) -> bool:
        """Whether a lower-case `s` is a frequent word or a dictionary word."""
        return s in self.lists.tails or is_word(s, self.lang)


def _boundaries(run: str, tails: frozenset[str]) -> list[int]:
    """Where the case changes inside a run of letters: a lower-case letter then a capital
    ("Penyanyi|Denada"), or a run of two capitals or more then a capitalised word ("RI|Prabowo"),
    unless the capitals run on into a frequent word ("PLKselaku": PLK and "selaku", not PL and
    "Kselaku"; the tail rule reads it)."""
    if run[1:].islower():
        return []  # most words: no capital after the first letter
    out = []
    for i in range(1, len(run)):
        if not run[i].isupper():
            continue
        if run[i - 1].islower():
            out.append(i)
        elif i >= 2 and i + 1 < len(run) and run[i + 1].islower() and run[i - 2 : i].isupper():
            end = i + 1
            while end < len(run) and run[end].islower():
                end += 1
            if end - i < 3:
                continue  # "APSyFI": a capital and one lower-case letter is no word's start ("Sy")
            if run[i + 1 : end] not in tails or run[i:end].casefold() in tails:
                out.append(i)
    return out


def _open_case_change(art: _Article, left: str, right: str, in_name: bool) -> bool:
    """Whether a case change between the letters `left` and `right` (both of one run) is a seam;
    `in_name`: `left` opens the run and a capitalised word comes before it ("Monumen KaliBekasi")."""
    words = art.lists
    low = left.casefold()
    if len(left) < 2 or low in words.keep:
        return False
    if left.islower():  # "dariCNBC", "terhadapSetya": a word glued in front of a name
        # "diPegadaian", "keAS": a short function word; "presenterJessica": a given name after a word
        return ((len(left) >= MIN_HEAD and art.word(left)) or left in words.openers
                or (len(left) >= MIN_GUESSED_HEAD and right in words.given))
    if left.isupper():  # an acronym or a word in capitals before a capitalised word: "RIPrabowo", "HASILPiala"
        return art.known(left) or low in words.tails
    if not _capitalised(left) or len(left) < MIN_HEAD:
        return False
    if low in words.heads:
        return True  # "KabupatenBekasi", "GunungDoi": the word that opens a name of a place, then the name
    if art.gazetteer is not None and art.gazetteer.lookup(left) is not None:
        return True  # "RusiaVladimir", "TangerangWahyu", "BaratDaya": a known place or organisation
    if len(left) >= MIN_GUESSED_HEAD and right in words.given:
        # "SosialAgus", "GregoriusRonald": a given name starts a new name, even inside one (brands
        # that end in a given name are listed whole: camel_names.txt)
        return True
    if len(low) >= 6 and stem(low, art.lang) != low and is_word(low, art.lang):
        # "Menteri KebudayaanFadli", "KementerianKeuangan": a word derived with an affix (ke-an,
        # per-an, me-) ends where a capital follows; brands are built of roots ("KapanLagi", "BukaLapak")
        return True
    if right.casefold() in words.tails or right.casefold() in root_words(art.lang):
        return False  # "KapanLagi", "TikTok": a name of two words
    if len(left) > MIN_HEAD and left in art.written:
        return True  # "HotspurDaniel", "PrabowoSubianto": a name the article writes alone
    # "PenyanyiDenada", "PemerintahAmerika": a common word of the language (not an English one of a
    # brand: "BlackBerry") before a name, not inside one ("Monumen KaliBekasi": the river's name)
    return not in_name and is_word(low, art.lang)


@dataclass
class _Part:
    """What `_tail_cut` reads of one part whatever stands around it: the listed tails it ends in and
    where a derived word could start (`verbs`), with the cut those give (`verb_cut`, once asked)."""

    acronym: bool
    cuts: list[int]
    verbs: list[int]
    derived: bool
    verb_cut: int | None = None
    verb_done: bool = False
    short: bool = False  # (glue2) a listed word after the first two letters: "Un|untuk" (`_short_head_cut`)


def _part(art: _Article, part: str, glued_after: bool) -> _Part | None:
    """`_Part` of a part, or None where no tail can be cut from it (most capitalised words)."""
    words = art.lists
    if not part[:1].isupper() or not part[-1:].islower():
        return None
    if part.isascii() and part[1:].islower():
        lower_from = 1  # "Juventusberlangsung": a capital, then a-z only (most parts)
    else:
        lower_from = len(part)
        while lower_from > 0 and part[lower_from - 1].islower():
            lower_from -= 1
    acronym = lower_from >= 2 and part[:lower_from].isupper()
    if lower_from > 1 and not acronym:
        return None  # "McDonaldberkata": mixed case inside the name, left to the case-change seams
    least = lower_from if acronym else max(lower_from, MIN_HEAD)
    # set lookups first: most capitalised words end in no listed word, and then nothing is stemmed
    size = len(part)
    tails = words.tails
    cuts = [size - n for n in words.lengths if size - n >= least and part[size - n :] in tails]
    longest = max(least, MIN_GUESSED_HEAD, size - words.lengths[0])
    span = range(longest, size - MIN_STEMMED_TAIL + 1)
    derived = False
    verbs: list[int] = []
    if span:  # a short part has no room for a derived word: nothing to look up
        written = art.written
        derived = glued_after or any(part[:c] in written for c in span)
        verbs = list(span) if derived or part.endswith("nya") else [c for c in span if _VERB_OPENING.match(part, c)]
    short = lower_from == 1 and size >= SHORT_HEAD + MIN_HEAD and part[SHORT_HEAD:] in tails
    if not cuts and not verbs and not short:
        if not span:
            art.no_part.add((part, glued_after))  # (nothing the article writes was read)
        return None
    if _whole(art, part):
        art.no_part.add((part, glued_after))
        return None  # "Pernikahan", "Penangkapan", "Suryadi": a word or a name as it stands
    return _Part(acronym, cuts, verbs, derived, short=short)


def _tail_cut(art: _Article, part: str, glued_after: bool, after: int, prev: str, at: int = -1) -> int | None:
    """Where a frequent word glued after a name starts in `part` (a capitalised or acronym-led stretch
    of letters: "Juventusberlangsung", "PLKselaku"), or None. The longest such tail wins
    ("Kristiyanto|menghadirkan", not "...mengha|dirkan"). `after`: where the run of `part` ends in the
    text, for the word after it, or -1 when a capitalised word is glued on (`glued_after`). `prev`: the
    name part before `part`, glued or after one space ("Prabowo" before "Subiantohari"). `at`: where
    `part` starts in the text, or -1 (`_short_head_cut`)."""
    key = (part, glued_after)
    if key in art.parts:
        found = art.parts[key]
    elif key in art.no_part:
        return None
    else:
        found = art.parts[key] = _part(art, part, glued_after)
    if found is None:
        return None
    for cut in found.cuts:
        if _ent11w_written_apart(art, part[:cut], part[cut:]):
            continue  # (ent11w) "Antarklub" where the article writes "Antar Klub": one word, two spellings
        if found.acronym or _name_with_tail(art, part[:cut], part[cut:], glued_after, after, prev, at):
            return cut
    if found.short and at > 0 and _short_head_cut(art, part[:SHORT_HEAD], at):
        return SHORT_HEAD
    if not found.verb_done:
        found.verb_cut, found.verb_done = _verb_cut(art, part, found), True
    return found.verb_cut


# -- (ent11w) a compound written solid and apart is one word, not a name with a word glued on -----
def _ent11w_written_apart(art: _Article, head: str, tail: str) -> bool:
    """Whether the article also writes the two halves of a cut as two capitalised words, "Piala Dunia
    Antar Klub" beside "Antarklub", "Federasi Sepak Bola" beside "Sepakbola": then the run is that
    compound written solid, and cutting it leaves half a word in a name ("Piala Dunia Antar", "Federasi
    Sepak"). A lower-case tail written apart is no such evidence: a text that glues "Prabowo|mengatakan"
    once writes "Prabowo mengatakan" elsewhere."""
    # remembered per cut: a search of the whole text for each cut of each glued word made long
    # articles quadratic (an article repeats its glued words)
    key = (head, tail)
    found = art.apart.get(key)
    if found is None:
        found = art.apart[key] = len(tail) >= MIN_HEAD and _written(art, head, tail.capitalize())
    return found


_SPACE_CAPITAL = re.compile(r" (?=[A-Z])")
_LONG_TEXT = 50_000  # characters: below it a search of the text per cut costs less than an index


def _written(art: _Article, head: str, word: str) -> bool:
    """Whether `f"{head} {word}" in art.text`. A long text is not searched for each cut (a search of
    the whole text per cut made long articles quadratic): where the phrase is written, a space stands
    before an ASCII capital with the head's last letter before it and the word's first three letters
    after, so only the places of `_Article.spaced_capitals` under that key are read."""
    phrase = f"{head} {word}"
    if len(art.text) < _LONG_TEXT or not head or len(word) < 3 or not ("A" <= word[0] <= "Z"):
        return phrase in art.text
    size = len(head)
    return any(at >= size and art.text.startswith(phrase, at - size)
               for at in art.spaced_capitals.get(phrase[size - 1 : size + 4], ()))


# -- (glue2) a two-letter last word of a known name with a word glued on ("Kim Jong Un|untuk") -------
SHORT_HEAD = 2
"""The length of the short last name word `_short_head_cut` reads ("Un", "Li", "Wu")."""
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _name_words_before(text: str, at: int, most: int = 2) -> list[str]:
    """The capitalised words written before `at` with single spaces, nearest last, at most `most`
    ("Kim", "Jong" before "Ununtuk" in "Korea UtaraKim Jong Ununtuk": a word glued on after a
    lower-case letter starts the name)."""
    words: list[str] = []
    end = at
    while len(words) < most and end >= 2 and text[end - 1] == " " and _LETTER.match(text, end - 2):
        first = end - 2
        while first > 0 and _LETTER.match(text, first - 1):
            first -= 1
        run = text[first : end - 1]
        word = _CASE_CHANGE.split(run)[-1]
        if not _capitalised(word):
            break
        words.insert(0, word)
        if word != run:
            break
        end = first
    return words


def _short_head_cut(art: _Article, head: str, at: int) -> bool:
    """Whether the two letters `head` at `at` end a name of two or three words the gazetteer knows,
    written before it with single spaces ("Kim Jong Un" in "Korea UtaraKim Jong Ununtuk"). Two letters
    alone end too many words and names to cut a tail after them on the word lists or the article: only
    a whole known name is evidence ("Jong Unu" is no name, and "Kim Jong Un" is one)."""
    if art.gazetteer is None:
        return False
    words = _name_words_before(art.text, at)
    return any(art.gazetteer.lookup(" ".join([*words[k:], head])) is not None for k in range(len(words)))


def _verb_cut(art: _Article, part: str, found: _Part) -> int | None:
    """No listed word: a derived form of a root, no longer than the longest listed word (so a long run
    costs no more than a short one): with evidence, any ("dekati": dekat + -i); without, a verb by
    its prefix ("divonis", "menyambangi") or a word with -nya ("kabarnya")."""
    for cut in found.verbs:
        tail = part[cut:]
        root = stem(tail, art.lang)
        if root == tail or root not in root_words(art.lang):
            continue
        if found.derived and art.known(part[:cut]):
            return cut
        if len(root) >= MIN_GUESSED_HEAD and root.capitalize() not in art.lists.given:
            return cut  # "Ricardivonis", not "Suryadiputra" ("Putra" is a name)
    return None


def _whole(art: _Article, part: str) -> bool:
    """Whether a capitalised stretch is a word or a name as it stands: a dictionary word, or a name
    the gazetteer or the given names know (the article writing it again is no evidence: a site
    that repeats a paragraph repeats its glue)."""
    low = part.casefold()
    return (low in art.lists.tails or part in art.lists.given or is_word(low, art.lang)
            or (art.gazetteer is not None and art.gazetteer.lookup(part) is not None))


def _name_with_tail(art: _Article, head: str, tail: str, glued_after: bool, after: int, prev: str,
                    at: int = -1) -> bool:
    """Whether `head` is a name that the frequent word `tail` was glued to (`after`, `at`: as `_tail_cut`)."""
    if tail.capitalize() in art.lists.given:
        return False  # "Rahmaputri", "Widyasari": a name ends in a given name even where "Rahma" is written
    if art.known(head) or (prev and art.gazetteer is not None and art.gazetteer.lookup(f"{prev} {head}")):
        return True  # "Chinadi": China; "Prabowo Subiantohari": Prabowo Subianto
    if head.casefold() in art.lists.closers:
        return True  # "Blue Bird Tbkatau": a legal form ends the company's name
    if tail in art.lists.name_tails and len(head) >= MIN_GUESSED_HEAD and head in art.lists.given:
        return True  # "Yusufbakal": a given name, then a function word that ends no name
    if (tail in art.lists.name_tails and len(head) >= MIN_GUESSED_HEAD and _capitalised(head) and at > 0
            and any(w in art.lists.given for w in _name_words_before(art.text, at))):
        # (glue2) "Teddy Indra Wijaya|dan", "Wahyu Widya Nurfitri|dan": the last word of a name of
        # two or three words that opens with a listed given name
        return True
    if glued_after and len(tail) > 2:
        return True  # "ZaradanAri": a capitalised word glued on after ("SetiabudiKompol": "di" ends names)
    next_word = _next_word(art.text, after) if after >= 0 else ""  # only now: most parts never ask
    if (next_word[:1].isupper() and (len(head) >= MIN_GUESSED_HEAD or len(tail) <= 3)
            and art.gazetteer is not None and art.gazetteer.lookup(next_word)):
        # "Macrondi Paris", "Motordi Jakarta": a function word before a known name; a short head takes
        # only a short one ("Alidi Jakarta"), not "Kor|lantas Polri" (Korlantas, the traffic corps)
        return True
    if tail not in art.lists.trusted:
        return False
    # a three-letter last word of a name after its first ("Qiu Yan|tewas"): short heads end in listed
    # words too often alone, but after a capitalised word and before a long tail it is a name's end
    return len(head) >= MIN_GUESSED_HEAD or (len(head) == MIN_HEAD and _capitalised(prev)
                                             and len(tail) >= MIN_STEMMED_TAIL)


def glue_seams(text: str, lang: str = "id", gazetteer: Gazetteer | None = None, title: str = "") -> list[int]:
    """Offsets into `text` where a space was glued shut (see the module docstring), in order. Empty for
    a language without the word lists (`common_words.txt`). `title`: the article's headline, whose
    names count as written by the article (`_Article.known`); no seam is looked for in it."""
    words = _words(lang)
    if words is None or not text or not root_words(lang):
        return []
    art = _Article(text, lang, words, gazetteer if gazetteer is not None else load_gazetteer(), title)
    tails = words.tails
    seams: list[int] = []
    for m in _AFTER_DIGIT.finditer(text):  # "2025sebagai": a frequent word glued after a number
        run, start = m.group(), m.start()
        if (run.islower() or run.isupper() or len(run) < MIN_HEAD + 2) and run in tails \
                and text[start - 1].isdigit():
            seams.append(start)
    trimmed_end, trimmed = -1, ""  # where the last run read below ends, and the part of it after its last seam
    # a run of a-z only is one word in one case: nothing glued inside it (after a number: above)
    for m in _NOT_PLAIN_RUN.finditer(text):
        start, end = m.span()
        while start and "a" <= text[start - 1] <= "z":
            start -= 1
        run = text[start:end]
        if run.islower() or run.isupper() or len(run) < MIN_HEAD + 2:
            continue
        before = text[start - 1] if start else ""
        spaced = ""  # "Prabowo" + " Subiantohari": the run before, after one space
        if before == " " and start >= 2 and _LETTER.match(text, start - 2):
            if trimmed_end == start - 1:
                spaced = trimmed
            else:
                first = start - 2
                while first > 0 and _LETTER.match(text, first - 1):
                    first -= 1
                spaced = text[first : start - 1]
        if before in ("@", "#"):
            continue  # a handle or a hashtag ("@infoBMKG") is one name as written
        lead = len(run) - len(run.lstrip("abcdefghijklmnopqrstuvwxyz"))
        listed_at = 0 if run in words.listed else lead if lead and run[lead:] in words.listed else -1
        if listed_at == 0:
            continue  # (ent11u) a listed name as written ("MotoGP": `_listed_whole`)
        before_run = len(seams)
        edges = [0, *_boundaries(run, tails), len(run)]
        trimmed_end, trimmed = end, run[edges[-2] :]
        if before.isdigit() and run[: edges[1]] in tails:
            seams.append(start)  # "2025antaraManchester"
        prev = spaced if spaced[:1].isupper() else ""
        for k in range(len(edges) - 1):
            a, b = edges[k], edges[k + 1]
            part = run[a:b]
            glued_after = b < len(run)
            cut = _tail_cut(art, part, glued_after, -1 if glued_after else end, prev, start + a)
            prev = part
            if cut is not None:
                seams.append(start + a + cut)
            # the case change after the part, judged by what is glued to it: "Ghazalidan|Alyssa" is
            # the word "dan" before a name once "dan" is cut off; "Monumen KaliBekasi": inside a name
            if glued_after and _open_case_change(art, part[cut or 0 :], run[b : edges[k + 2]],
                                                 k == 0 and spaced[:1].isupper()):
                seams.append(start + b)
        if listed_at > 0:  # (ent11u) "diMotoGP": a word glued in front of a listed name, kept whole
            seams[before_run:] = [x for x in seams[before_run:] if x <= start + listed_at]
    seams.sort()  # the seams after numbers were found first
    return seams


def _next_word(text: str, end: int) -> str:
    """The run of letters after one space at `end` ("Jakarta" in "Motordi Jakarta"), or ""."""
    if end + 1 >= len(text) or text[end] != " ":
        return ""
    m = LETTER_RUN.match(text, end + 1)
    return m.group() if m else ""


@dataclass(frozen=True)
class Opened:
    """A text with a space put at each seam, and the offsets mapped both ways."""

    source: str
    text: str
    seams: tuple[int, ...]

    def start_in_view(self, offset: int) -> int:
        """Where a span that starts at `offset` of the source starts in the opened text."""
        return offset + bisect.bisect_right(self.seams, offset)

    def end_in_view(self, offset: int) -> int:
        """Where a span that ends at `offset` of the source ends in the opened text."""
        return offset + bisect.bisect_left(self.seams, offset)

    @functools.cached_property
    def _spaces(self) -> list[int]:
        """Where the inserted spaces stand in the opened text: the k-th at seams[k] + k (increasing)."""
        return [s + k for k, s in enumerate(self.seams)]

    def in_source(self, offset: int) -> int:
        """The source offset of an offset of the opened text (an inserted space maps to the seam)."""
        # the spaces that stand before `offset`, by the C bisection (a search written in Python cost a
        # long article's entities stage more per mention, the longer its list of seams)
        return offset - bisect.bisect_left(self._spaces, offset)

    def span_in_view(self, span: Span) -> Span:
        s, e = self.start_in_view(span.start), self.end_in_view(span.end)
        return Span(s, e, self.text[s:e])


def open_seams(text: str, seams: list[int]) -> Opened:
    """`text` with a space at each offset of `seams` (sorted, distinct, inside the text)."""
    pieces, last = [], 0
    for s in seams:
        pieces.append(text[last:s])
        last = s
    pieces.append(text[last:])
    return Opened(text, " ".join(pieces), tuple(seams))


__all__ = ["Opened", "glue_seams", "open_seams"]
