"""Rule-based recognition around the gazetteer: people after titles, speakers, organisation names.

The rules read their word lists from `resources/<lang>/entities.yaml`, so a new language is a new
file. Everything here works on one article's clean text and the gazetteer matches already found in
it; the link stage does the merging.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from linimasa import resources
from linimasa.model import Mention
from linimasa.text.gazetteer import Gazetteer, Match, is_acronym, normalise
from linimasa.text.spans import StaticSpans
from linimasa.text.tokens import NAME_TOKEN

MAX_NAME_TOKENS = 5
MAX_QUALIFIER_TOKENS = 12
# Lower-case words that may sit inside a person's name ("Ursula von der Leyen"): a shared word list.
NAME_PARTICLES = resources.load_words("shared", "name_particles.txt")
# Capitalised short words that open a name ("I Wayan Koster"), from every language that has them.
NAME_PREFIXES = frozenset().union(
    *(resources.load_words(lang, "name_prefixes.txt") for lang in resources.languages()
      if resources.path(lang, "name_prefixes.txt").is_file())
)
# Two words glued by a scraper that dropped a link's spaces ("PresidenPrabowo", "Putindi"): a
# lower-case run then a capital inside one token. "McDonald" and "DeSantis" have one lower-case letter.
GLUED = re.compile(r"[a-z]{2,}[A-Z]")
PARTICLE_PREFIX = re.compile(r"^(al|el|ad|as|ar|an|ash|at)[-‐]", re.IGNORECASE)
_COMMA = re.compile(r",\s*")
_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Phrases:
    """Multi-word cue phrases indexed by their first word (lower case, no final dot), longest
    first: the rules ask "which phrase starts at this token" for every token."""

    all: frozenset[tuple[str, ...]]
    by_first: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, words: list[str]) -> Phrases:
        phrases = {tuple(w.casefold().split()) for w in words if w.strip()}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            by_first.setdefault(p[0].rstrip("."), []).append(p)
        return cls(
            frozenset(phrases),
            {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
        )

    def __hash__(self) -> int:
        return hash(self.all)

    def length_at(self, folds: list[str], i: int) -> int:
        """Words taken by the longest phrase starting at word i of `folds` (case-folded words),
        0 if none; a final full stop on a word does not matter."""
        if i >= len(folds):
            return 0
        for p in self.by_first.get(folds[i].rstrip("."), ()):
            if i + len(p) <= len(folds) and all(
                folds[i + k].rstrip(".") == w.rstrip(".") for k, w in enumerate(p)
            ):
                return len(p)
        return 0


@dataclass(frozen=True)
class Cues:
    """Word lists of the languages an article may mix (its own plus English)."""

    titles: Phrases
    modifiers: Phrases
    title_words: frozenset[str]
    connectors: frozenset[str]
    speech: Phrases
    org_heads: Phrases
    loc_heads: Phrases
    abbreviations: frozenset[str]
    gpe_cues: Phrases
    function_words: frozenset[str]
    state_forms: frozenset[str]
    company_heads: Phrases
    org_continuations: frozenset[str]
    org_connectors: frozenset[str]
    org_tails: frozenset[str]
    not_names: frozenset[str]
    # Organisation heads of the article's own language: an English head in an Indonesian article
    # ("Premier League") may end a name in English order instead of opening one.
    own_org_heads: frozenset[str] = frozenset()

    @functools.cached_property
    def title_like(self) -> frozenset[str]:
        """Single words that may stand capitalised before or after a name without being part of it."""
        words = {p[0].rstrip(".") for p in self.titles.all | self.modifiers.all if len(p) == 1}
        return frozenset(words | self.title_words | self.not_names | self.speech_words)

    @property
    def speech_words(self) -> frozenset[str]:
        return frozenset(p[0] for p in self.speech.all if len(p) == 1)


def _phrases(words: list[str]) -> Phrases:
    return Phrases.of(words)


@functools.cache
def cues_for(language: str) -> Cues:
    langs = [language, "en"] if language in resources.languages() else ["id", "en"]
    lists: dict[str, list[str]] = {}
    for lang in dict.fromkeys(langs):
        for key, values in (resources.load_or_empty(lang, "entities") or {}).items():
            lists.setdefault(key, []).extend(str(v) for v in values or [])

    def words(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in lists.get(key, []))

    return Cues(
        titles=_phrases(lists.get("person_titles", [])),
        modifiers=_phrases(lists.get("title_modifiers", [])),
        title_words=words("title_words"),
        connectors=words("title_connectors"),
        speech=_phrases(lists.get("speech_verbs", [])),
        org_heads=_phrases(lists.get("org_heads", [])),
        loc_heads=_phrases(lists.get("loc_heads", [])),
        abbreviations=words("abbreviations"),
        gpe_cues=_phrases(lists.get("gpe_cues", [])),
        function_words=words("function_words"),
        state_forms=words("state_forms"),
        company_heads=_phrases(lists.get("company_heads", [])),
        org_continuations=words("org_continuations"),
        org_connectors=words("org_connectors"),
        org_tails=words("org_tails"),
        not_names=words("not_names"),
        own_org_heads=frozenset(
            str(w).casefold() for w in (resources.load_or_empty(langs[0], "entities") or {}).get("org_heads") or []
        ),
    )


_ENT12B_ACRONYM = re.compile(r"[A-Z]{2,6}")
_ENT12B_NAME_WORD = re.compile(r"[A-Z][a-z]+")


def _ent12b_acronym_qualifier(rules: ArticleRules, j: int) -> bool:
    """(ent12b, issue 11 recall) Whether token j, right after a title, is an organisation's acronym
    that qualifies it before a person's name: "Kepala BGN Dadan Hindayana", "Ketua BEM Rina Sari".
    The gazetteer's acronyms are qualifiers already ("Kepala BNPB Suharyanto"); one it does not list
    stopped the role, and the name run does not start on an acronym, so neither the role nor the
    person was found. Not a legal form or an organisation's head ("PT", which opens the company's own
    name). Only capital letters (2 to 6), and then a name of two capitalised words of letters at least,
    after single spaces, neither a frequent word of the language nor a known place (read on unseen news:
    "Direktur KSKK Madrasah, Abdul Basit", "BPC Sejakarta Raya" are no people)."""
    toks = rules.tokens
    if j + 1 >= len(toks) or not _ENT12B_ACRONYM.fullmatch(toks[j].text):
        return False
    if rules._phrase_at(j, rules.cues.company_heads) or rules._phrase_at(j, rules.cues.org_heads):
        return False  # "Director PT Reliance Sekuritas ...": a legal form opens the company's name
    common = _ent12b_common_words(rules.language)
    for k in (j + 1, j + 2):  # a name of two words at least, neither a frequent word ("KSKK Madrasah, ...")
        if k >= len(toks) or rules._gap(k) != " " or not _ENT12B_NAME_WORD.fullmatch(toks[k].text):
            return False
        if toks[k].low in common or k in rules.gaz_at:
            return False
    return rules._name_token(j + 1, first=True)


@functools.cache
def _ent12b_common_words(language: str) -> frozenset[str]:
    try:
        return frozenset(w.casefold() for w in resources.load_words(language, "common_words.txt"))
    except FileNotFoundError:
        return frozenset()


class Token(NamedTuple):
    """A word of a name (`NAME_TOKEN`) with its offsets in the text, as `tokenise` finds it."""

    start: int
    end: int
    text: str
    low: str
    """Case-folded, without a final full stop unless the token is that short ("a.", "A.")."""

    @property
    def capitalised(self) -> bool:
        # (the fourth character first: a capital there is rare, and then the pattern is not run at all)
        return self.text[:1].isupper() or bool(self.text[3:4].isupper() and PARTICLE_PREFIX.match(self.text))


_new_tuple = tuple.__new__
_POSSESSIVE_END = re.compile(r"['’]s$")
_APOSTROPHE_S_END = re.compile(r"'s$")


def tokenise(text: str) -> list[Token]:
    """The `Token`s of ``text``. Every article's text is tokenised here, so a token is made as a
    tuple directly (a named tuple's own constructor, and the frozen dataclass this once was, are
    Python code run per token)."""
    out = []
    for m in NAME_TOKEN.finditer(text):
        word = m.group()
        low = word.casefold()
        out.append(_new_tuple(Token, (m.start(), m.end(), word, low.rstrip(".") if len(word) > 2 else low)))
    return out


@functools.cache
def _english_demonyms() -> frozenset[str]:
    """English nationality adjectives, case-folded (`resources/en/demonyms.txt`)."""
    try:
        return frozenset(w.casefold() for w in resources.load_words("en", "demonyms.txt"))
    except FileNotFoundError:
        return frozenset()


class ArticleRules:
    """The rules applied to one article's text, sharing its tokens and gazetteer matches."""

    def __init__(self, text: str, language: str, gazetteer: Gazetteer, matches: list[Match],
                 tokens: list[Token] | None = None) -> None:
        """``tokens`` are ``tokenise(text)`` when the caller has them already."""
        self.text = text
        self.language = language
        self.english = language == "en"
        self.cues = cues_for(language)
        self.gazetteer = gazetteer
        self.tokens = tokens if tokens is not None else tokenise(text)
        self.lows = [t.low for t in self.tokens]
        self.folds = [t.text.casefold() for t in self.tokens]
        # what `Phrases.length_at` looks a phrase's first word up by
        self._firsts = [f.rstrip(".") for f in self.folds]
        # token index -> the gazetteer match starting there, and how many tokens it spans
        self.gaz_at: dict[int, tuple[Match, int]] = {}
        starts = {t.start: i for i, t in enumerate(self.tokens)}
        for m in matches:
            i = starts.get(m.start)
            if i is None:
                continue
            j = i
            while j < len(self.tokens) and self.tokens[j].start < m.end:
                j += 1
            self.gaz_at[i] = (m, j - i)
        self.covered = {k for i, (_m, n) in self.gaz_at.items() for k in range(i, i + n)}
        # token index of a match's last token -> (match, index of its first token)
        self.gaz_end = {i + n - 1: (m, i) for i, (m, n) in self.gaz_at.items()}
        self._headline_cache: dict[int, bool] = {}
        self._spans_cache: dict[int, list[tuple[int, int, bool]]] = {}
        self._bounded: dict[int, int] | None = None
        # Where lines break, so that "which line is this on" costs a lookup, not a scan of the line.
        self._newlines = [m.start() for m in _NEWLINE.finditer(text)] if "\n" in text else []
        self._line_of_start = [bisect.bisect_right(self._newlines, t.start - 1) for t in self.tokens]
        self._line_of_end = [bisect.bisect_right(self._newlines, t.end - 1) for t in self.tokens]

    # -- helpers -------------------------------------------------------------------------------
    def _phrase_at(self, i: int, phrases: Phrases) -> int:
        """Tokens taken by the longest phrase of `phrases` starting at token i (0 if none)."""
        # most tokens start no phrase: a set lookup answers them without `length_at`
        if i >= len(self._firsts) or self._firsts[i] not in phrases.by_first:
            return 0
        n = phrases.length_at(self.folds, i)
        return n if n and self._same_line(i, i + n) else 0

    def _headline(self, i: int) -> bool:
        """Whether token i is on a Title Case line ("Pejabat Taliban Tak Bisa Temukan Afghanistan"),
        where capitals say nothing about names."""
        before = self._line_of_start[i]  # newlines before the token
        line_start = self._newlines[before - 1] + 1 if before else 0
        if line_start not in self._headline_cache:
            line_end = self.text.find("\n", line_start)
            words = [t for t in NAME_TOKEN.findall(self.text[line_start : None if line_end < 0 else line_end])
                     if t[:1].isalpha()]
            caps = sum(w[:1].isupper() for w in words)
            line = self.text[line_start : None if line_end < 0 else line_end].rstrip()
            sentence = line.endswith((".", "!", "?", "\"", "”", ":"))
            self._headline_cache[line_start] = len(words) >= 4 and not sentence and caps / len(words) >= 0.7
        return self._headline_cache[line_start]

    def _same_line(self, i: int, j: int) -> bool:
        """Whether no line break lies between the start of token i and the end of token j-1."""
        return self._line_of_end[j - 1] <= self._line_of_start[i]

    def _gap(self, i: int) -> str:
        """The characters between token i-1 and token i; a sentence-final full stop glued to the
        previous token counts as part of the gap."""
        if i <= 0:
            return ""
        prev = self.tokens[i - 1]
        gap = self.text[prev.end : self.tokens[i].start]
        if prev.text.endswith(".") and len(prev.text) > 2 and prev.text.casefold() not in self.cues.abbreviations:
            gap = "." + gap
        return gap

    def _name_token(self, i: int, first: bool) -> bool:
        t = self.tokens[i]
        if i in self.covered:
            return False
        if not first and t.low in NAME_PARTICLES and not t.capitalised:
            return True
        if not t.capitalised or (is_acronym(t.text) and len(t.text) > 1 and not first) or GLUED.search(t.text):
            return False
        low = t.low
        if low in self.cues.not_names:
            return False
        return not (
            first
            and (
                self._phrase_at(i, self.cues.org_heads)
                or self._phrase_at(i, self.cues.loc_heads)
                or self._phrase_at(i, self.cues.titles)
                or low in self.cues.title_words
            )
        )

    def name_run(self, i: int) -> int:
        """Length of the person name starting at token i: capitalised tokens on one line, no
        punctuation between them, stopping at known places and organisations."""
        n = 0
        while i + n < len(self.tokens) and n < MAX_NAME_TOKENS:
            if n and self._gap(i + n) not in (" ",):
                break
            if n == 0 and self._balinese_prefix(i):
                n += 1  # "I Made Mudharta", "Ni Luh Putu": part of the name, not a pronoun or initial
                continue
            if not self._name_token(i + n, first=n == 0):
                break
            if n == 0 and is_acronym(self.tokens[i].text) and len(self.tokens[i].text) > 1:
                break

            n += 1
        while n and not self.tokens[i + n - 1].capitalised:  # never end on a particle
            n -= 1
        return n

    def _balinese_prefix(self, i: int) -> bool:
        return (
            self.tokens[i].text in NAME_PREFIXES
            and i + 1 < len(self.tokens)
            and self._gap(i + 1) == " "
            and self.tokens[i + 1].capitalised
            and i + 1 not in self.covered
            and self.lows[i + 1] not in self.cues.title_words
        )

    def _person(self, i: int, n: int, source: str, role: str | None) -> Mention:
        start, end = self.tokens[i].start, self.tokens[i + n - 1].end
        surface = self.text[start:end]
        possessive = _POSSESSIVE_END.search(surface)
        if possessive:
            end -= 2
        surface = self.text[start:end].rstrip(".")
        end = start + len(surface)
        return Mention(start, end, surface, "PER", source=source, role=role)

    # -- rules ---------------------------------------------------------------------------------
    def _role(self, i: int) -> tuple[int, int, int] | None:
        """A role starting at token i: (first token, end token of the role, token after it and its
        qualifiers) or None. "Menteri Luar Negeri Rusia", "utusan Rusia untuk Afghanistan",
        "penjabat menteri luar negeri Afghanistan dari pemerintahan interim Taliban"."""
        start = j = i
        while k := self._phrase_at(j, self.cues.modifiers):
            j += k
        k = self._phrase_at(j, self.cues.titles)
        if not k or start in self.covered or self._headline(start):
            return None
        j += k
        role_end = j
        steps = 0
        while j < len(self.tokens) and steps < MAX_QUALIFIER_TOKENS and self._same_line(start, j + 1):
            steps += 1
            gap = self._gap(j)
            if gap.strip():
                break  # a comma or a full stop ends the title: a name may come next
            if j in self.gaz_at and self.gaz_at[j][0].entry.type != "PER":
                j += self.gaz_at[j][1]
                role_end = j
                continue
            t = self.tokens[j]
            if k := self._phrase_at(j, self.cues.titles) or self._phrase_at(j, self.cues.modifiers):
                j += k
                role_end = j
                continue
            short_cased = len(t.text) <= 2 and t.text[:1].isupper() and not t.text.isupper()
            if t.low in self.cues.title_words and not self._balinese_prefix(j) and not short_cased:
                # ("TNI AL", "Komisi II" but not the "Al" of "Al Ghazali")
                j += 1
                role_end = j
                continue
            org = self._bounded_orgs.get(j)
            if org is not None:
                j = org  # "Ketua Dewan Pimpinan Pusat Partai Golkar Freddy Latumahina"
                role_end = j
                continue
            if _ent12b_acronym_qualifier(self, j):
                j += 1  # "Kepala BGN Dadan Hindayana": an organisation's acronym nobody listed
                role_end = j
                continue
            if not t.capitalised and t.low in self.cues.connectors:
                j += 1
                continue
            break
        role_end = max(role_end, j)
        while role_end > start + 1 and self.lows[role_end - 1] in self.cues.function_words:
            role_end -= 1
        return start, role_end, j

    @property
    def _bounded_orgs(self) -> dict[int, int]:
        if self._bounded is None:
            self._bounded = {s: e for s, e, bounded in self._headed_spans(self.cues.org_heads) if bounded}
        return self._bounded

    def _role_text(self, start: int, end: int) -> str:
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    def titled_people(self) -> list[Mention]:
        """"Menteri Luar Negeri Rusia Sergey Lavrov", "utusan Rusia untuk Afghanistan, Zamir Kabulov":
        a title, its qualifiers (portfolio words, places, organisations), then a capitalised name."""
        out: list[Mention] = []
        # a role opens with a modifier or a title (`_role`): a set lookup rules most tokens out
        openers = self.cues.modifiers.by_first.keys() | self.cues.titles.by_first.keys()
        firsts = self._firsts
        i = 0
        while i < len(self.tokens):
            found = self._role(i) if firsts[i] in openers else None
            if found is None:
                i += 1
                continue
            start, role_end, j = found
            start = self._role_prefix(start)
            if j in self.gaz_at and self.gaz_at[j][0].entry.type == "PER" and self._gap(j).strip() in ("", ","):
                # "Chinese President Xi Jinping": a person the gazetteer knows, with this role
                match, n = self.gaz_at[j]
                role = self._role_text(start, role_end)
                out.append(Mention(match.start, match.end, match.text, "PER", source="rule", key=match.entry.id,
                                   role=role))
                i = j + n
                continue
            if j < len(self.tokens) and self._same_line(start, j + 1) and self._gap(j).strip() in ("", ","):
                n = self.name_run(j)
                if n == 1 and j + 1 < len(self.tokens) and self._gap(j + 1) == " " and (
                    j + 1 in self.gaz_at or self.tokens[j + 1].low in self.cues.title_words
                ):
                    n = 0  # "pelatih Timnas Indonesia ...": a team or office, not the person
                if n and self._institution_end(j + n - 1):
                    n = 0  # "director of the Indiana State Teachers Association", "adviser to the US Congress"
                if n and j and self.tokens[j - 1].low == "the":
                    n = 0  # "Leader of the Opposition", "Speaker of the House": a person's name takes no article
                if n:
                    out.append(self._person(j, n, "rule", self._role_text(start, role_end)))
                    i = j + n
                    continue
            i += 1
        return out

    def _institution_end(self, i: int) -> bool:
        """Whether token i is a word that ends an organisation's name ("Association", "Congress",
        "United"): a capitalised run after a title that ends in one names the organisation the title
        belongs to, not a person."""
        low = self.lows[i]
        return low in self.cues.org_tails or (low,) in self.cues.org_heads.all

    def appositive_roles(self, people: list[Mention]) -> None:
        """Roles after a name between commas: "Zamir Kabulov, utusan Rusia untuk Afghanistan,
        mengatakan ..." (sets `role` on people that have none)."""
        starts = {t.start: i for i, t in enumerate(self.tokens)}
        for m in people:
            if m.role:
                continue
            after = _COMMA.match(self.text, m.end)
            if not after:
                continue
            i = starts.get(after.end())
            found = self._role(i) if i is not None else None
            if found is None:
                continue
            start, role_end, j = found
            ends_clause = j >= len(self.tokens) or self._gap(j).strip()[:1] in (",", ".", ")")
            if ends_clause and role_end > start:
                m.role = self._role_text(start, role_end)

    def _role_prefix(self, start: int) -> int:
        """Where a role starts once the English-order qualifiers before its title are included:
        "Russian Foreign Minister", "Kremlin envoy", "Taliban's acting foreign minister"."""
        while start > 0 and self._gap(start) == " ":
            prev = start - 1
            owner = self.gaz_end.get(prev)
            # Indonesian puts qualifiers after the title ("Presiden Rusia"); a place right before
            # one ("di Moskow Presiden ...") belongs to the sentence, not to the role.
            if self.english and owner is not None and owner[0].entry.type in ("GPE", "ORG", "LOC"):
                start = owner[1]
                continue
            if self.tokens[prev].text in self.gazetteer.demonyms:
                start = prev
                continue
            break
        return start

    def speakers(self) -> list[Mention]:
        """"kata Lavrov", "ujar Prabowo", "said Blinken": a speech verb then a capitalised name."""
        out: list[Mention] = []
        by_first = self.cues.speech.by_first
        # only a token that opens a speech phrase can (`_phrase_at` is 0 for the others)
        for i in [i for i, first in enumerate(self._firsts) if first in by_first]:
            k = self._phrase_at(i, self.cues.speech)
            if k and (self.tokens[i].text[:1].isupper() or self._headline(i)):
                continue  # "Sebut Miliki ...": a capitalised headline, not a quote attribution
            if not k or i + k >= len(self.tokens) or self._gap(i + k) != " ":
                continue
            n = self.name_run(i + k)
            if n:
                out.append(self._person(i + k, n, "rule", None))
        return out

    def places(self) -> list[Mention]:
        """"Bandara Frans Seda", "Gunung Merapi", "Jalan Thamrin": a capitalised facility or
        landform word with the capitalised words after it."""
        return self._headed(self.cues.loc_heads, "LOC")

    def organisations(self) -> list[Mention]:
        """"Kementerian Luar Negeri Rusia", "Badan Intelijen Negara", "Russian Foreign Ministry":
        a capitalised organisation word with the capitalised words (and places) that follow it, or
        (English order) capitalised words ending in one."""
        out = self._headed(self.cues.org_heads, "ORG")
        out += self._english_org_tails()
        return out

    def _headed(self, heads: Phrases, type_: str) -> list[Mention]:
        out: list[Mention] = []
        for i, end, _bounded in self._headed_spans(heads):
            if self.english and heads is self.cues.org_heads:
                i = self._english_name_before(i)
            start_c, end_c = self.tokens[i].start, self.tokens[end - 1].end
            surface = self.text[start_c:end_c].rstrip(".")
            out.append(Mention(start_c, start_c + len(surface), surface, type_, source="rule"))  # type: ignore[arg-type]
        return out

    def _headed_spans(self, heads: Phrases) -> list[tuple[int, int, bool]]:
        """(first token, end token, bounded) of names built on a head word. A name ends after the
        first place or organisation the gazetteer knows in it ("Dewan Pimpinan Pusat Partai Golkar |
        Freddy ..."): such a name is *bounded*, and a title may use it as a qualifier."""
        if id(heads) not in self._spans_cache:
            self._spans_cache[id(heads)] = self._find_headed_spans(heads)
        return self._spans_cache[id(heads)]

    def _english_tail_head(self, i: int, k: int, heads: Phrases) -> bool:
        """Whether the one-word organisation head at token ``i`` of a non-English article is an
        English head that ends a name in English order and is followed by a season or edition
        ("Premier League 2025/2026" is not "League 2025"): a capitalised word stands before it, a
        number after it, and the head is no word of the article's own language (Indonesian
        "Liga 1" opens a name). "Premier" is also a title, so titles are not asked about."""
        if self.english or k != 1 or heads is not self.cues.org_heads or i == 0 or i + 1 >= len(self.tokens):
            return False
        low = self.lows[i]
        if low in self.cues.own_org_heads:
            return False
        return self._gap(i) == " " and self.tokens[i - 1].capitalised and self.tokens[i + 1].text[:1].isdigit()

    def _find_headed_spans(self, heads: Phrases) -> list[tuple[int, int, bool]]:
        out: list[tuple[int, int, bool]] = []
        i = 0
        while i < len(self.tokens):
            k = self._phrase_at(i, heads)
            if not k or not self.tokens[i].capitalised or i in self.covered or self._headline(i) \
                    or self._english_tail_head(i, k, heads):
                i += 1
                continue
            j = i + k
            end = j
            bounded = False
            while j < len(self.tokens) and self._gap(j) == " " and self._same_line(i, j + 1):
                if j in self.gaz_at:
                    j += self.gaz_at[j][1]
                    end = j
                    if heads is not self.cues.org_heads or self._phrase_at(i, self.cues.company_heads):
                        # "Jalan Medan Merdeka Selatan", "PT Bank Rakyat Indonesia Tbk": streets,
                        # buildings and companies are named after places and people and run on
                        continue
                    while j < len(self.tokens) and self._gap(j) == " " and self.lows[j] in self.cues.org_continuations:
                        j += 1  # "Partai Gerakan Indonesia Raya", "Kantor Wilayah Jawa Timur Cabang"
                        end = j
                    bounded = True
                    break
                t = self.tokens[j]
                if t.capitalised or t.text[:1].isdigit():
                    if t.low in self.cues.not_names or self._phrase_at(j, self.cues.titles):
                        break  # "Polda Sumut Kombes Ferry ...": a title starts a person
                    j += 1
                    end = j
                    continue
                if (
                    t.low in self.cues.org_connectors
                    and j + 1 < len(self.tokens)
                    and self.tokens[j + 1].capitalised
                    and not self._phrase_at(j + 1, heads)  # "Bank BJB dan Bank DKI": two names
                    and not (self.english and t.low == "and" and not self._and_inside(i + k, j))
                ):
                    j += 1
                    continue
                if (
                    self.english and t.low in ("of", "for") and j + 2 < len(self.tokens)
                    and self.lows[j + 1] == "the" and self.tokens[j + 2].capitalised
                    and not self._phrase_at(j + 2, heads)
                ):
                    j += 2  # "Department of the Environment", "Ministry of the Interior"
                    continue
                break
            if end > i + k:
                out.append((i, end, bounded))
                i = end
                continue
            i += 1
        return out

    def _english_name_before(self, i: int) -> int:
        """The first token of an English organisation name whose head word is token i: in English
        word order the name's own words stand before the head ("National Institute of ...", "Peter
        Doherty Institute for ...", "Maryland Department of the Environment"), capitalised, on the same
        line, up to a word that is no name ("The", a month) or a title; not when they open with a
        nationality, which the settling rules judge (`settle._words_before_org`)."""
        j = i
        while j > 0 and self._gap(j) == " " and self.tokens[j - 1].capitalised and self._same_line(j - 1, i + 1):
            if self.tokens[j - 1].low in self.cues.not_names or self._phrase_at(j - 1, self.cues.titles):
                break
            j -= 1
        if j < i and (self.tokens[j].text in self.gazetteer.demonyms or self.folds[j] in _english_demonyms()):
            return i  # "the Philippine Bureau of ...", "Canadian Imperial Bank": left to the settling rules
        return j

    def _and_inside(self, first: int, j: int) -> bool:
        """Whether the English "and" at token j is inside the name whose words after its head start
        at token `first`: only after "of" or "for" ("Department of Health and Human Services",
        "Institute of Alcohol Abuse and Alcoholism"), and not before a second organisation's name
        ("Party and Komeito", "Corps of Engineers and Maryland Department of ...")."""
        return any(self.lows[k] in ("of", "for") for k in range(first, j)) and not self._second_org_after(j + 1)

    def _second_org_after(self, j: int) -> bool:
        """Whether the capitalised words from token j on end in an organisation word: after "and"
        they name a second organisation ("Army Corps of Engineers and Maryland Department of ...",
        "... Resources and Komeito" does not), not the rest of this one's name."""
        k = j
        while k < len(self.tokens) and self.tokens[k].capitalised and (k == j or self._gap(k) == " "):
            if k > j and self._institution_end(k):
                return True
            k += 1
        return False

    def _english_org_tails(self) -> list[Mention]:
        """English order: "Russian Foreign Ministry", "Democratic Party"."""
        out: list[Mention] = []
        # first[k]: where the walk back over capitalised words from token k stops. It stops at the
        # same place whichever later token it started from, so each token is walked over once.
        first: dict[int, int] = {}
        tails = self.cues.org_tails
        # only the tokens that are an organisation's tail word start a walk: found in one pass over the
        # folded words rather than a loop of attribute reads per token
        for i in [k for k, low in enumerate(self.lows) if low in tails]:
            if not self.tokens[i].capitalised:
                continue
            j = i
            walked = []
            while j not in first and j > 0 and self._gap(j) == " " and self.tokens[j - 1].capitalised:
                if self.tokens[j - 1].low in self.cues.not_names or self._phrase_at(j - 1, self.cues.titles):
                    break
                walked.append(j)
                j -= 1
            j = first.get(j, j)
            for k in walked:
                first[k] = j
            first[i] = j
            if j < i:
                start_c, end_c = self.tokens[j].start, self.tokens[i].end
                out.append(Mention(start_c, end_c, self.text[start_c:end_c], "ORG", source="rule"))
        return out

    def capitalised_runs(self) -> list[tuple[int, int]]:
        """(token index, length) of maximal runs of capitalised name tokens: candidates for
        re-mentions of people already named in the article."""
        runs = []
        i = 0
        while i < len(self.tokens):
            if self.tokens[i].capitalised and i not in self.covered:
                j = i + 1
                while (
                    j < len(self.tokens) and j not in self.covered and self._gap(j) == " "
                    and (self.tokens[j].capitalised or self.tokens[j].low in NAME_PARTICLES)
                ):
                    j += 1
                runs.append((i, j - i))
                i = j
            else:
                i += 1
        return runs


MAX_REMENTION_TOKENS = 6
"""The longest later mention of a person looked for: a part of a name already given in full."""
_ENUMERATED_NAME_TOKENS = 8
"""Names up to this many words have their parts listed once; longer ones (rare) are compared directly."""


class _NameParts:
    """Which token sequences are part of a name given earlier in full (see `_part_of_name`), asked in
    constant time: one word is a first or last name of at least three letters; several words are an
    ordered selection of one name's words that ends with its last word, or the whole name again."""

    def __init__(self, names: list[list[str]]) -> None:
        self.single: set[str] = set()
        self.parts: set[tuple[str, ...]] = set()
        self.long: dict[str, list[list[str]]] = {}
        for name in dict.fromkeys(tuple(n) for n in names):
            self.single.update(w for w in (name[0], name[-1]) if len(w) >= 3)
            if len(name) > _ENUMERATED_NAME_TOKENS:
                self.long.setdefault(name[-1], []).append(list(name))
                continue
            head, last = name[:-1], name[-1]
            if len(name) <= MAX_REMENTION_TOKENS:
                # the whole name again, where the model missed it ("Meghan Markle's mum"): one mention,
                # not its first and last names as two
                self.parts.add(name)
            for n in range(1, min(len(head), MAX_REMENTION_TOKENS - 1) + 1):
                for picked in itertools.combinations(head, n):
                    if n < len(head):  # the whole name is added above
                        self.parts.add((*picked, last))

    def __contains__(self, toks: tuple[str, ...]) -> bool:
        if len(toks) == 1:
            return toks[0] in self.single
        if toks in self.parts:
            return True
        return any(_part_of_name(list(toks), [name]) for name in self.long.get(toks[-1], ()))


def person_rementions(rules: ArticleRules, people: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Later, shorter mentions of people named in full earlier in the article: "Lavrov" after
    "Sergey Lavrov", "Amir Muttaqi" after "Amir Khan Muttaqi". Only first or last names (or ordered
    parts of length two or more) count, so "Khan" alone does not become a person. A part is at most
    `MAX_REMENTION_TOKENS` words."""
    names = [[normalise(t) for t in p.text.split()] for p in people if len(p.text.split()) >= 2]
    if not names:
        return []
    parts = _NameParts(names)
    held = StaticSpans(taken)
    norm: dict[int, str] = {}

    def word(k: int) -> str:
        if k not in norm:
            norm[k] = _APOSTROPHE_S_END.sub("", normalise(rules.tokens[k].text))
        return norm[k]

    out: list[Mention] = []
    for i, n in rules.capitalised_runs():
        k = i
        while k < i + n:
            found = 0
            for length in range(min(i + n - k, MAX_REMENTION_TOKENS), 0, -1):
                toks = tuple(word(x) for x in range(k, k + length))
                if toks in parts and toks[0] not in rules.cues.not_names:
                    found = length
                    break
            if found:
                m = rules._person(k, found, "rule", None)
                if not held.overlaps(m.start, m.end):
                    out.append(m)
                k += found
            else:
                k += 1
    return out


def _part_of_name(toks: list[str], names: list[list[str]]) -> bool:
    for name in names:
        if toks == name:
            continue
        if len(toks) == 1:
            if len(toks[0]) >= 3 and toks[0] in (name[0], name[-1]):
                return True
            continue
        it = iter(name)
        if all(t in it for t in toks) and toks[-1] == name[-1]:
            return True
    return False


# White space before "(" is taken from its first character only (the lookbehind): tried at every
# character of a long run of spaces, it would scan the rest of the run each time.
ACRONYM_IN_PARENS = re.compile(r"(?<!\s)\s*+\(\s*+([A-Z][A-Za-z0-9-]{1,9})\s*+\)")
# what every match of `ACRONYM_IN_PARENS` holds from its bracket on, found fast (a literal start):
# about half the articles hold none, and then the full pattern is not scanned
_ACRONYM_IN_PARENS_GATE = re.compile(r"\(\s*[A-Z][A-Za-z0-9-]{1,9}\s*\)")
_NON_WORD = re.compile(r"[^\w]")
_QUOTES_BEFORE = frozenset(" \"'”’»")


@functools.lru_cache(maxsize=4096)
def _initials_fit(expansion: str, acronym: str) -> bool:
    """Whether an acronym can abbreviate a name: its letters appear in order among the name's
    letters, starting with the name's first letter ("Negara Islam Irak dan Suriah" -> NIIS)."""
    name = _NON_WORD.sub("", expansion).upper()
    letters = _NON_WORD.sub("", acronym).upper()
    if not name or not letters or name[0] != letters[0]:
        return False
    it = iter(name)
    return all(c in it for c in letters)


def _tail_fits(expansion: str, acronym: str) -> bool:
    """Whether the last words of a name (two or more) spell an acronym, the words before them being
    the kind of thing it is: "Stadion Utama Gelora Bung Karno (GBK)", "Kantor Kementerian Badan Usaha
    Milik Negara (BUMN)"."""
    words = expansion.split()
    if words and words[0].rstrip(".").upper() in ("PT", "CV", "PERUM"):
        return False  # a company's legal form: "PT Chery Sales Indonesia (CSI)" has its own reading
    return any(_initials_fit(" ".join(words[k:]), acronym) and "".join(w[0] for w in words[k:]).upper()
               == _NON_WORD.sub("", acronym).upper() for k in range(1, len(words) - 1))


# --- issue 11 recall (helper ent11t): a company's acronym spells the name after its legal form ---------
_LEGAL_HEADS = frozenset({"pt", "pt.", "cv", "cv.", "perum", "perseroan", "persero"})
_LEGAL_TAILS = frozenset({"tbk", "tbk.", "(persero)", "persero"})


def _company_initials_fit(expansion: str, acronym: str) -> bool:
    """Whether an acronym spells a company's name without its legal form: "PT Sarana Multigriya
    Finansial (SMF)", "PT Handal Indonesia Motor (HIM)", "PT Bank Tabungan Negara (Persero) Tbk (BTN)".
    `_initials_fit` reads the name from its first letter, the P of "PT", and so missed them all."""
    words = expansion.split()
    if len(words) < 3 or words[0].casefold() not in _LEGAL_HEADS:
        return False
    words = [w for w in words[1:] if w.casefold() not in _LEGAL_TAILS]
    return len(words) >= 2 and _initials_fit(" ".join(words), acronym)
def _after_legal_head(text: str, start: int) -> bool:
    """Whether a legal form ("PT ", "CV ") stands right before offset `start`."""
    before = text[max(0, start - 12) : start]
    return before.endswith(" ") and before.split()[-1:] != [] and before.split()[-1].casefold() in _LEGAL_HEADS
# --- end of the ent11t block ------------------------------------------------------------------------


def defined_acronyms(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, org_words: frozenset[str] = frozenset()
) -> list[Mention]:
    """An acronym in parentheses right after a recognised name defines it for the article:
    "Negara Islam Irak dan Suriah (NIIS)". The acronym and its later uses get the name's key.
    Where no recognised name precedes it, the capitalised words whose initials spell it count only
    if one of them is an organisation word (`org_words`), so that "Kartu Tanda Penduduk (KTP)" is
    not taken for an organisation."""
    out: list[Mention] = []
    by_end = {m.end: m for m in mentions}
    defined: dict[str, Mention] = {}
    # whether a name spells an acronym, per (name, its key, acronym): an article may define the same
    # acronym after the same name many times
    spells: dict[tuple[str, str | None, str], bool] = {}
    for m in ACRONYM_IN_PARENS.finditer(text) if _ACRONYM_IN_PARENS_GATE.search(text) is not None else ():
        acronym = m.group(1)
        if not is_acronym(acronym):
            continue
        # where the text before the brackets ends, without closing quotes: a walk back over them
        # (copying all the text before each bracket to strip it cost the square of the length)
        before = m.start()
        while before > 0 and text[before - 1] in _QUOTES_BEFORE:
            before -= 1
        expansion = by_end.get(before)
        fits = None
        if expansion is not None:
            fits = spells.get((expansion.text, expansion.key, acronym))
            if fits is None:
                known = gazetteer.lookup(acronym)
                fits = spells[(expansion.text, expansion.key, acronym)] = (
                    _initials_fit(expansion.text, acronym) or (known is not None and known.id == expansion.key)
                    or _tail_fits(expansion.text, acronym) or _company_initials_fit(expansion.text, acronym))
        if expansion is not None and not fits:
            expansion = _longer_expansion(text, expansion, acronym)
            if expansion is None:
                continue  # "... Amerika Serikat (SEC)": the acronym names something else
            out.append(expansion)  # "UN Relief and Works Agency for Palestine (UNRWA)": the whole name
        if expansion is None:
            expansion = _expansion_before(text, before, acronym, org_words)
            if expansion is None:
                continue
            out.append(expansion)
        # The same key the link stage gives the bare name, so that an article that only writes the
        # name in full joins the one that defined the acronym.
        key = expansion.key or f"{'per' if expansion.type == 'PER' else 'name'}:{normalise(expansion.text)}"
        expansion.key = key
        a_start = m.start(1)
        out.append(Mention(a_start, a_start + len(acronym), acronym, expansion.type, source="rule", key=key))
        defined[acronym] = out[-1]
    if not defined:
        return out
    # every later use of each acronym: a run of word characters and hyphens that is exactly it (one
    # pattern of them all, not a look at every word of the text)
    uses: dict[str, list[re.Match[str]]] = {a: [] for a in defined}
    for m in _written_runs(text, uses):
        if _after_legal_head(text, m.start()):
            continue  # "PT CSI": the company's name with its legal form, one mention (ent11t)
        uses[m.group()].append(m)
    # a use where the same acronym was defined with the same reading is that definition's mention,
    # not a second one (an article that defines it again and again: "Badan Anu (BA)" × n)
    made = {(d.start, d.text, d.type, d.key) for d in out if d.source == "rule"}
    for acronym, first in defined.items():
        for m in uses[acronym]:
            if m.start() != first.start and (m.start(), acronym, first.type, first.key) not in made:
                out.append(Mention(m.start(), m.end(), acronym, first.type, source="rule", key=first.key))
    return out


def _written_runs(text: str, acronyms: Iterable[str]) -> Iterator[re.Match[str]]:
    r"""Where one of `acronyms` stands as a word of `text` (not beside a word character or a hyphen), in
    text order: the matches of `(?<![\w-])(?:A|B|...)(?![\w-])`, found as the runs of word characters
    and hyphens that open with an acronym's first letter and are one of them. The same matches: an
    acronym (`ACRONYM_IN_PARENS`) is itself such a run, so a use of it is a whole run. One alternative
    per acronym was tried at every character of the text (an article defining 550 acronyms: 0.29 CPU-s
    at 2 MB, the runs 0.04)."""
    wanted = dict.fromkeys(acronyms)
    if not wanted:
        return
    if not all(_RUN.fullmatch(a) for a in wanted):  # (not one of `ACRONYM_IN_PARENS`: the alternation)
        yield from re.finditer(r"(?<![\w-])(?:" + "|".join(map(re.escape, wanted)) + r")(?![\w-])", text)
        return
    firsts = "".join(sorted({re.escape(a[0]) for a in wanted}))
    for m in re.finditer(rf"(?<![\w-])[{firsts}][\w-]*", text):
        if m.group() in wanted:
            yield m


_RUN = re.compile(r"[\w-]+")


_NAME_CONNECTORS = frozenset({"and", "of", "for", "dan"})


def _longer_expansion(text: str, m: Mention, acronym: str) -> Mention | None:
    """The name before "(ACR)" when the mention found there is only its end ("Works Agency for
    Palestine" of "UN Relief and Works Agency for Palestine (UNRWA)"): the mention run back over up to
    six capitalised words and connectors on its line, to the nearest capitalised word from which the
    acronym's letters fit the name; None when none does."""
    words = list(re.finditer(r"\S+", text[max(0, m.start - 120) : m.start]))
    offset = max(0, m.start - 120)
    for n, w in enumerate(reversed(words)):
        token = w.group()
        if n >= 6 or not (token[:1].isupper() or token in _NAME_CONNECTORS) or not token.isalnum():
            return None
        start = offset + w.start()
        if token[:1].isupper() and token[0] == acronym[0] and _initials_fit(text[start : m.end], acronym):
            # a place at the end names the organisation's seat ("Civil Aviation Authority of Nepal")
            type_ = "ORG" if m.type in ("GPE", "LOC") else m.type
            return Mention(start, m.end, text[start : m.end], type_, source="rule")  # type: ignore[arg-type]
    return None


def _expansion_before(text: str, end: int, acronym: str, org_words: frozenset[str]) -> Mention | None:
    """The capitalised words before "(ACR)" whose initials spell the acronym, if one of them is
    an organisation word."""
    words = list(re.finditer(r"[\w'-]+", text[max(0, end - 200) : end]))
    offset = max(0, end - 200)
    letters = acronym.upper()
    chosen: list[re.Match[str]] = []
    for w in reversed(words):
        chosen.insert(0, w)
        caps = "".join(x.group()[0] for x in chosen if x.group()[0].isupper())
        if caps == letters and chosen[0].group()[0].isupper():
            if not any(x.group().casefold() in org_words for x in chosen):
                return None
            start = offset + chosen[0].start()
            surface = text[start:end].rstrip()
            return Mention(start, start + len(surface), surface, "ORG", source="rule")
        if len(caps) > len(letters) or len(chosen) > len(letters) * 2 + 2:
            return None
    return None
