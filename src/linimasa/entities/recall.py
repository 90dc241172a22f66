"""Recall after settling (issue 11, helper ent11t): names the article itself shows to be names.

Read on 25 unseen raw-scrape articles (`bench/results/entity-recall11-before.md`), the commonest misses
and cuts are names that the same article writes elsewhere in a form linimasa found:

- a person introduced with an organisation and a role in one run, "Head of Relations PT BYD Motor
  Indonesia Luther Panjatian", "VP Marketing Xpeng Indonesia Hari Arifianto", and named later by the
  first name alone ("ujar Luther"): the short re-mention shows where the person's name starts
  (`complete_short_names`);
- an organisation found in one place and missed, cut or swallowed in another: "Malut United" beside
  "Direktur Utama Malut United Dirk Soplanit" (read as the place "Malut" and the person "United Dirk
  Soplanit"), "Pelatih Malut United", "sama BYD Indonesia" (only "Indonesia"): one sense per article
  (`known_orgs_everywhere`), and a brand's short name beside its national arm ("BYD" of "BYD
  Indonesia", `brand_short_names`).

Both only add what the article's own mentions vouch for, and change a mention only where the vouched
name lies inside or across it. Then shapes that say what a name is whatever the model thought: an age
in brackets after a person's name (`people_by_age`), a line-up's substitute (`lineup_substitutes`), a
club's nickname in a sport article (`club_nicknames`), and cuts of what is not part of a name: a
competition's group (`without_group_opener`), a sentence-opening preposition (`without_opener_word`), a
word glued to an outlet's domain (`without_glued_domain_tail`). All run after every other settling step
(`settle_recall`), so that what precision settling dropped stays dropped unless the article names it
again in a found form. Every step's effect on the 40 drawn articles and the development pools is in
`bench/results/entity-recall11.md`.
"""
from __future__ import annotations

import bisect
import contextlib
import functools
import re
from collections import Counter
from collections.abc import Iterator

from linimasa import resources
from linimasa.entities.rules import cues_for
from linimasa.model import Mention
from linimasa.text.gazetteer import Gazetteer
from linimasa.text.spans import DisjointSpans, StaticSpans

_NAME_WORD = r"[A-Z][a-z](?:[a-zA-Z'’\-]*[a-zA-Z])?"
_INITIALS = r"[A-Z]{1,3}\.?"
_CONTINUATION = re.compile(rf"(?: (?:{_NAME_WORD}|{_INITIALS}))+")


@functools.cache
def _stop_words(language: str) -> frozenset[str]:
    """Capitalised words that end a person's name rather than continue it: frequent lower-case words
    (a sentence's next word written capitalised), weekdays and months, and every title, speech or
    function word of the language's cues."""
    cues = cues_for(language)
    words = set(cues.title_like) | set(cues.function_words)
    # the kind words of organisations and places ("Avenue", "Road", "Community"): a name run ends there
    words |= {p[0] for p in cues.org_heads.all | cues.loc_heads.all if len(p) == 1}
    with contextlib.suppress(FileNotFoundError):
        words |= {w.casefold() for w in resources.load_words(language, "common_words.txt")}
    return frozenset(words | _role_words(language) | resources.calendar_words())


def _name_tail(text: str, start: int, stop: frozenset[str], gazetteer: Gazetteer, lower: frozenset[str]) -> int:
    """Where a person's name that starts at `start` with a known first word may end: the capitalised
    words and initials that follow it on the same line, up to the first stop word, known place or
    word the text also writes in lower case (`lower`: "Art Party" beside "art dan otomotif"), not
    ending on initials. Returns `start` when nothing follows."""
    m = _CONTINUATION.match(text, start)
    if not m:
        return start
    end = start
    for w in re.finditer(r"\S+", m.group()):
        word = w.group()
        entry = gazetteer.lookup(word)
        place = entry is not None and entry.type in ("GPE", "LOC")
        if word.casefold().rstrip(".") in stop or word.casefold() in lower or place:
            break
        if re.fullmatch(_NAME_WORD, word):
            end = start + w.end()
        elif not re.fullmatch(_INITIALS, word):
            break
    return end


_ASCII_LOWER_DIGITS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_UPPER_DIGITS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ASCII_ALNUM = _ASCII_LOWER_DIGITS | _ASCII_UPPER_DIGITS


_LONG_TEXT = 50_000  # characters: below it `str.find` per name costs less than indexing the text
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CAPITAL = re.compile(r"[A-Z]")


@functools.lru_cache(maxsize=4)
def _capital_pairs(text: str, width: int = 2) -> dict[str, list[int]]:
    """Where each capital of a long text starts, by the `width` characters from there, in text order."""
    pairs: dict[str, list[int]] = {}
    for m in _CAPITAL.finditer(text):
        at = m.start()
        pairs.setdefault(text[at : at + width], []).append(at)
    return pairs


def _occurrences(text: str, name: str, glued_ok: bool = False) -> list[int]:
    """Start offsets of `name` as whole words (`glued_ok`: also right after a lower-case letter, a
    scraper's glue such as "ExpertVishal").

    Found with `str.find` and a look at the characters either side, as `re.finditer` would find
    ``(?<![A-Za-z0-9])NAME(?![A-Za-z0-9])`` (the same matches: left to right, the search going on after
    a match's end, one character on after a miss): a pattern per name would be compiled anew for
    nearly every name of every article (more names than `re`'s cache holds), which cost more than
    the search."""
    if not name:  # (never asked: the pattern's empty matches, as before)
        edge = r"(?<![A-Za-z0-9])" if not glued_ok else r"(?<![A-Z0-9])"
        return [m.start() for m in re.finditer(edge + r"(?![A-Za-z0-9])", text)]
    before = _ASCII_UPPER_DIGITS if glued_ok else _ASCII_ALNUM
    # a name ending in a lower-case letter may be glued to a capitalised next word ("UnitedImran")
    after = _ASCII_LOWER_DIGITS if name[-1:].islower() else _ASCII_ALNUM
    size = len(name)
    out = []
    if len(text) >= _LONG_TEXT and size >= 2 and name[0] in _ASCII_UPPER:
        # a long text: the places its capitals start with the name's first letters, in order, stand
        # for `find`'s answers (each `find` read the rest of the text, for every name: quadratic)
        pos = 0
        # by four letters where the name has them: a capital pair as frequent as "Pe" or "Ke" opens
        # thousands of a long text's words, and every name that starts with it read all of them
        width = 4 if size >= 4 else 2
        for at in _capital_pairs(text, width).get(name[:width], ()):
            if at < pos or not text.startswith(name, at):
                continue
            if (at == 0 or text[at - 1] not in before) and text[at + size : at + size + 1] not in after:
                out.append(at)
                pos = at + size
            else:
                pos = at + 1
        return out
    at = text.find(name)
    while at >= 0:
        if (at == 0 or text[at - 1] not in before) and text[at + size : at + size + 1] not in after:
            out.append(at)
            at = text.find(name, at + size)
        else:
            at = text.find(name, at + 1)
    return out


class _Indexed:
    """The mention list a recall step edits, with its spans indexed by start: each step asks, for
    every place a name occurs, which mentions overlap it, and a scan of the whole list there made
    the steps quadratic in an article's length (a 1 MB article spent 19 of its 34 CPU-s in
    `known_orgs_everywhere`). Mentions are kept by arrival number, so iteration is the list's order
    (`append` adds at the end, `remove` drops the first equal mention, as a list's do) and removing
    one costs no scan of the list."""

    _BUCKET = 64

    def __init__(self, items: list[Mention]) -> None:
        self._items: dict[int, Mention] = {}
        self._buckets: dict[int, list[tuple[int, Mention]]] = {}
        self._seq = 0
        self._longest = 1
        for m in items:
            self.append(m)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def append(self, m: Mention) -> None:
        self._items[self._seq] = m
        self._buckets.setdefault(m.start // self._BUCKET, []).append((self._seq, m))
        self._seq += 1
        self._longest = max(self._longest, m.end - m.start)

    def remove(self, m: Mention) -> None:
        """Drop the first mention equal to `m` (ValueError when there is none, as `list.remove`)."""
        found = [(seq, b, i) for b in self._near(m.start, m.end)
                 for i, (seq, x) in enumerate(self._buckets.get(b, ())) if x == m]
        if not found:
            raise ValueError("_Indexed.remove(x): x not in list")
        seq, b, i = min(found)
        del self._buckets[b][i]
        del self._items[seq]

    def _near(self, start: int, end: int) -> range:
        """The buckets that can hold a mention overlapping [start, end) or equal to it."""
        return range((start - self._longest) // self._BUCKET, max(start, end - 1) // self._BUCKET + 1)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions overlapping [start, end), in the list's order."""
        found = [(seq, m) for b in self._near(start, end) for seq, m in self._buckets.get(b, ())
                 if m.start < end and start < m.end]
        return [m for _, m in sorted(found, key=lambda p: p[0])]


def _place(text: str, mentions: list[Mention] | _Indexed, new: Mention, keep_prefix_types: tuple[str, ...]) -> bool:
    """Put `new` into `mentions` (in place): mentions inside it go; one that starts before it and ends
    inside or at its end is cut to the words before it when its type is in `keep_prefix_types` and
    that part starts with a capital (else it goes); one that starts inside it and runs past its end is
    cut to the capitalised words after it when it is a person. Nothing changes (False) when a
    mention runs across both ends of `new` or the cuts would leave a stray piece."""
    hits = (mentions.overlapping(new.start, new.end) if isinstance(mentions, _Indexed)
            else [m for m in mentions if m.start < new.end and new.start < m.end])
    if any(m.start < new.start and m.end > new.end for m in hits):
        return False
    if any(m.start == new.start and m.end == new.end for m in hits):
        return False  # the span is found already, as something else: not this step's to retype
    if any(m.type == new.type and m.start <= new.start and new.end <= m.end for m in hits):
        return False  # already inside a longer name of its type ("Mohd Faiz Abdullah")
    if new.type == "PER" and any(m.type == "PER" and m.start > new.start for m in hits):
        return False  # the run would swallow another person's name ("Spurs Daniel Levy")
    inside = [m for m in hits if new.start <= m.start and m.end <= new.end]
    if new.type == "PER" and any(m.source == "gazetteer" and m.type != "PER" for m in inside):
        return False  # a listed name of another kind inside it ("Nato" of "Nato Secretary")
    plan: list[tuple[Mention, Mention | None]] = []
    for m in hits:
        if new.start <= m.start and m.end <= new.end:
            plan.append((m, None))
        elif m.start < new.start:
            head = text[m.start : new.start].rstrip(" ,")
            last = head.split()[-1].casefold() if head.split() else ""
            keep = (m.type in keep_prefix_types and head[:1].isupper() and last not in _role_words()
                    and last not in cues_for("en").title_like)
            plan.append((m, Mention(m.start, m.start + len(head), head, m.type, source=m.source, score=m.score,
                                    key=None) if keep and head else None))
        else:
            if m.type != "PER":
                return False
            tail = text[new.end : m.end]
            stripped = tail.lstrip(" ,")
            if not re.fullmatch(rf"{_NAME_WORD}(?: {_NAME_WORD})+", stripped) \
                    or stripped.split()[0].casefold() in cues_for("en").title_like:
                return False
            s = m.end - len(stripped)
            plan.append((m, Mention(s, m.end, stripped, "PER", source=m.source, score=m.score, role=m.role)))
    for old, rep in plan:
        mentions.remove(old)
        if rep is not None:
            mentions.append(rep)
    mentions.append(new)
    return True


def complete_short_names(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """A person named later by one word ("ujar Luther") whose full name the article writes once in a
    run linimasa cut wrong ("... PT BYD Motor Indonesia Luther Panjatian", "Nixon LP Napitupulu"):
    the full name becomes a person mention there, and what it overlapped is cut around it.

    The full name is the one capitalised run (words and initials) that follows the first name in the
    article, or the one longer person mention that starts with it; two different runs ("Hari Raya"
    and "Hari Arifianto") and a name the article already has in full at that place change nothing."""
    stop = _stop_words(language)
    people = [m for m in mentions if m.type == "PER"]
    firsts = {m.text for m in people if " " not in m.text and re.fullmatch(_NAME_WORD, m.text) and len(m.text) >= 3}
    surnames = {m.text.rsplit(" ", 1)[1] for m in people if " " in m.text}
    todo = sorted(firsts - surnames)  # "Tegnell" of "Anders Tegnell" starts no name
    if not todo:  # (the span index is built only for an article with a first name to complete)
        return sorted(mentions, key=lambda m: (m.start, m.end))
    out = _Indexed(mentions)
    # the article's lower-case words (a name's run stops at one): read only for an article with a first
    # name to complete, a scan of the whole text that most articles never need
    lower = frozenset(re.findall(r"(?<![\w-])[a-z][a-z-]+(?![\w-])", text))
    # the longer names by first word (a first name holds no space: "X ..." starts with it exactly when
    # its first word is it); a scan of every person per first name was quadratic in a long article
    longer: dict[str, set[str]] = {}
    for m in people:
        head, space, _ = m.text.partition(" ")
        if space:
            longer.setdefault(head, set()).add(m.text)
    for first in todo:
        forms = set(longer.get(first, ()))
        for s in _occurrences(text, first, glued_ok=True):
            e = _name_tail(text, s + len(first), stop, gazetteer, lower)
            if e > s + len(first):
                forms.add(text[s:e])
        if len(forms) != 1:
            continue
        full = forms.pop()
        for s in _occurrences(text, full, glued_ok=True):
            e = s + len(full)
            if any(m.start == s and m.end == e and m.type == "PER" for m in out.overlapping(s, e)):
                continue
            _place(text, out, Mention(s, e, full, "PER", source="rule"), ("ORG",))
    return sorted(out, key=lambda m: (m.start, m.end))


def _title_prefix(words: list[str], language: str) -> bool:
    """Whether the words before a known organisation inside a longer mention are only titles and
    roles ("Pelatih", "VP Marketing", "Direktur Utama"): the mention is a role, not a chain of units."""
    cues = [cues_for(language), cues_for("en")]
    folds = [w.casefold().rstrip(".,") for w in words]
    k = 0
    while k < len(folds):
        # person titles and role words only: a title word or modifier ("State" of "State Bank of
        # Mauritius") may be part of a longer name
        n = max(c.titles.length_at(folds, k) for c in cues)
        if n:
            k += n
        elif folds[k] in _role_words(language):
            k += 1
        else:
            return False
    return bool(folds)


def _title_like_word(word: str, language: str) -> bool:
    """Whether a capitalised word before a name may be a title or role rather than part of the name
    (the broad lists: `Cues.title_like` of the language and English, and the role words)."""
    w = word.casefold().rstrip(".,")
    return w in cues_for(language).title_like or w in cues_for("en").title_like or w in _role_words(language)


def _sentence_start(text: str, start: int) -> bool:
    """Whether offset `start` opens a sentence or a line (only spaces or quotes since the last stop)."""
    before = text[max(0, start - 3) : start].rstrip(" \"“'‘(")
    return not before or before[-1] in ".!?:\n"


@functools.cache
def _particles() -> frozenset[str]:
    """Name particles ("Al", "bin", "van"): part of the name they stand in (`shared/name_particles.txt`)."""
    return frozenset(w.casefold() for w in resources.load_words("shared", "name_particles.txt"))


@functools.cache
def _role_words(language: str = "id") -> frozenset[str]:
    """Job-title and role words written before a name ("VP Marketing", "Head of Public Relations",
    "Pelatih"): `resources/shared/role_words.txt` (English) and the language's own `role_words.txt`."""
    words = set(resources.load_words("shared", "role_words.txt"))
    with contextlib.suppress(FileNotFoundError):
        words |= resources.load_words(language, "role_words.txt")
    return frozenset(w.casefold() for w in words)


def known_orgs_everywhere(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """An organisation the article names (an ORG mention) is that organisation wherever else the
    article writes it as whole words: where nothing was found there, where only a place inside it was
    ("BYD Indonesia" read as "Indonesia"), where a person mention swallowed its end ("Malut" +
    "United Dirk Soplanit"), or where a role was taken into it ("Pelatih Malut United"). Not where a
    capitalised word or a model number follows (a longer name or a product: "Honda HR-V") or a
    capitalised non-title word precedes it (a longer name linimasa did not find)."""
    out = _Indexed(mentions)
    stop = _stop_words(language)
    names = {m.text for m in out if m.type == "ORG" and len(m.text) >= 3 and m.text[:1].isupper()
             and (" " in m.text or m.text.casefold() not in stop)}
    counts = Counter(m.text for m in out if m.type == "ORG")
    for name in sorted(names, key=len, reverse=True):
        entry = gazetteer.lookup(name)
        if entry is not None and entry.type in ("GPE", "LOC", "PER"):
            continue
        for s in _occurrences(text, name):
            e = s + len(name)
            if any(m.start == s and m.end == e for m in out.overlapping(s, e)) \
                    or text[s - 1 : s] + text[e : e + 1] == "()":
                continue  # found, or an acronym in brackets (what it stands for is `defined_acronyms`' call)
            nxt = re.match(r" ?(\S+)", text[e : e + 40])
            # a longer name or a model follows ("BYD M6"); but a person after a role run is fine
            followed = nxt and text[e : e + 1] == " " and (nxt.group(1)[:1].isupper() or nxt.group(1)[:1].isdigit())
            if followed and not any(m.type == "PER" for m in out.overlapping(e + 1, e + 2)):
                continue
            prev = re.search(r"(\S+) $", text[max(0, s - 40) : s])
            inside = [m for m in out.overlapping(s, e) if m.start < s and e <= m.end]
            if inside:
                m = inside[0]
                words = text[m.start : s].split()
                if m.type != "ORG" or m.end != e or not _title_prefix(words, language) \
                        or any(w.casefold() in _particles() for w in words):
                    continue
                out.remove(m)
                out.append(Mention(s, e, name, "ORG", source="rule", role=None))
                continue
            if prev and prev.group(1)[:1].isupper() and not re.search(r"[.!?:;\"”]$", prev.group(1)) \
                    and not _title_like_word(prev.group(1), language) \
                    and not _sentence_start(text, s - len(prev.group(0))):
                continue
            hits = out.overlapping(s, e)
            if not hits and counts[name] < 2:
                continue  # a name found once vouches only for a name beside it, not for a bare repeat
            if len([m for m in hits if m.type in ("GPE", "LOC")]) > 1:
                continue  # places in a row ("Africa and Europe"): not a name of one thing
            _place(text, out, Mention(s, e, name, "ORG", source="rule"), ())
    return sorted(out, key=lambda m: (m.start, m.end))


# an age of 10 to 99: "(2)" after a name is as often a count or a numbered item ("ACL Two (2)")
@functools.cache
def _brand_tails() -> frozenset[str]:
    """`resources/shared/brand_tails.txt`: what follows a company's short name in its longer names."""
    return frozenset(w.casefold() for w in resources.load_words("shared", "brand_tails.txt"))


def _country(word: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer knows `word` as a country (a national arm's name: "BYD Indonesia")."""
    entry = gazetteer.lookup(word)
    return entry is not None and entry.id.startswith("country:")


@functools.cache
def _not_entities(language: str) -> frozenset[str]:
    """Words that are never entities (`not_entities.txt` of the language and shared): "Samsat"."""
    words: set[str] = set()
    for lang in (language, "shared"):
        with contextlib.suppress(FileNotFoundError):
            words |= resources.load_words(lang, "not_entities.txt")
    return frozenset(w.casefold() for w in words)


def brand_short_names(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """A company the article names as SHORT plus a country or a corporate word ("BYD Indonesia", "Xpeng
    Indonesia", "PT BYD Motor Indonesia") is that company where the article writes SHORT alone:
    "penjualan BYD", "kehadiran Xpeng di Indonesia". SHORT must look like a brand (not a frequent
    word, not a listed name of any kind, not a title), and is not taken where a capitalised word or
    a number follows (a model: "BYD M6") or where it is part of a longer capitalised name."""
    stop = _stop_words(language)
    tails = _brand_tails()
    shorts: set[str] = set()
    for m in mentions:
        if m.type != "ORG":
            continue
        words = m.text.split()
        if words and words[0].casefold() in ("pt", "pt.", "cv"):
            words = words[1:]
        if len(words) < 2 or not re.fullmatch(r"[A-Z][A-Za-z0-9]{1,14}", words[0]):
            continue
        rest_ok = all(w.casefold() in tails or _country(w, gazetteer) for w in words[1:])
        short = words[0]
        if rest_ok and short.casefold() not in stop and gazetteer.lookup(short) is None \
                and short.casefold() not in _not_entities(language):
            shorts.add(short)
    out = _Indexed(mentions)
    for short in sorted(shorts):
        for s in _occurrences(text, short, glued_ok=True):
            e = s + len(short)
            if out.overlapping(s, e) or text[e : e + 1].isalpha():
                continue  # found, or glued to what follows ("XpengIndonesia": the longer name's)
            nxt = text[e : e + 2]
            if nxt[:1] == " " and (nxt[1:2].isupper() or nxt[1:2].isdigit()):
                continue
            prev = re.search(r"(\S+) $", text[max(0, s - 40) : s])
            if prev and prev.group(1)[:1].isupper() and not re.search(r"[.!?:;\"”(]$", prev.group(1)) \
                    and not _title_like_word(prev.group(1), language) \
                    and not _sentence_start(text, s - len(prev.group(0))):
                continue
            out.append(Mention(s, e, short, "ORG", source="rule"))
    return sorted(out, key=lambda m: (m.start, m.end))


@functools.cache
def _listed_makers() -> tuple[str, ...]:
    """(storyent) The makers of `resources/shared/makers.txt` that `listed_makers` looks for: of one
    word (no space: "Royal Enfield" is read by the model as a name), three characters or more (two
    capitals, "MG", are as often a suspect's initials), longest first."""
    names = {w for w in resources.load_words("shared", "makers.txt") if " " not in w and len(w) >= 3}
    return tuple(sorted(names, key=lambda w: (-len(w), w)))


@functools.cache
def _product_cues(language: str) -> frozenset[str]:
    """The lower-case words before a name that make it a product (`product_cues` of entities.yaml)."""
    data = resources.load_or_empty(language, "entities") or {}
    return frozenset(str(w).casefold() for w in data.get("product_cues") or [] if " " not in str(w))


def listed_makers(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """(storyent) A maker of `resources/shared/makers.txt` written alone is the company: "VinFast
    menawarkan banyak benefit", "kehadiran Xpeng" (eval/real-id/GUIDELINE.md: a maker named as a
    company is an ORG). The model learnt few of the newer makers and tags none of "VinFast" in a
    launch report, whose stories then share no actor. Not where the word is part of something else:
    a model or a longer name after it (a capitalised word or a number: "VinFast VF6", "Honda Prospect
    Motor"), a capitalised word before it that opens no sentence and is no title ("Keisuke Honda"), a
    product word before it (a brand used as a product: "mobil VinFast", "merek Honda"), glued
    letters either side, or a mention already there; nor where the article names a person with the
    word ("Nikola Tesla": "Tesla" is then the person's short name). Indonesian only: English news
    writes a car by its maker ("the silver Audi", "the mangled Audi": three wrong of three on the
    English development sets), and its model tags the makers it reads as companies."""
    if language != "id":
        return mentions
    makers = [w for w in _listed_makers() if w in text]
    if not makers:
        return mentions
    people = {w for m in mentions if m.type == "PER" for w in m.text.split()}
    cues = _product_cues(language)
    out = _Indexed(mentions)
    for name in makers:
        if name in people:
            continue
        for s in _occurrences(text, name):
            e = s + len(name)
            if out.overlapping(s, e) or text[e : e + 1].isalpha() or text[s - 1 : s].isalpha():
                continue
            nxt = text[e : e + 2]
            if nxt[:1] in (" ", "-") and (nxt[1:2].isupper() or nxt[1:2].isdigit()):
                continue  # a model or a longer name: "VinFast VF6", "Honda Prospect Motor"
            prev = re.search(r"(\S+) $", text[max(0, s - 40) : s])
            if prev and prev.group(1).casefold() in cues and prev.group(1)[:1].islower():
                continue  # a brand used as a product: "mobil VinFast"
            if prev and prev.group(1)[:1].isupper() and not re.search(r"[.!?:;\"”(]$", prev.group(1)) \
                    and not _title_like_word(prev.group(1), language) \
                    and not _sentence_start(text, s - len(prev.group(0))):
                continue  # inside a longer name: "Keisuke Honda"
            out.append(Mention(s, e, name, "ORG", source="rule"))
    return sorted(out, key=lambda m: (m.start, m.end))


_AGE_AFTER = re.compile(r" \(([1-9]\d)(?: tahun| th\.?)?\)")
_AGED_RUN = re.compile(rf"(?<![\w-])((?:{_NAME_WORD}|[A-Z]{{2,4}})(?: {_NAME_WORD}){{0,3}}) \([1-9]\d(?: tahun)?\)")


_COUNTED_LINE = re.compile(r"^[^\n()]{1,80} \((\d{1,5})\)[ \t]*$", re.MULTILINE)
# What every match of `_AGED_RUN` (`_COUNTED_LINE`) holds: a bracketed number after a space. These
# start with a literal, which `re` finds fast; the patterns themselves start with a look-behind or a
# line start and are tried at every position of the text. Most articles hold no such number (about
# 1 in 50 of raw news), and then the scan of the whole text with the full pattern is skipped: it
# could find nothing.
_AGED_GATE = re.compile(r" \([1-9]\d(?: tahun)?\)")
_COUNTED_GATE = re.compile(r" \(\d{1,5}\)")


def _count_lists(text: str) -> list[tuple[int, int]]:
    """The spans of a page's tag or archive lists, lines of a label and a count in brackets ("Iowa
    (92)", "Pete Buttigieg (117)", "November 2019 (14)"): at least three such lines in a row, one count
    past any age (over 120). The number there counts posts, not years of a life."""
    runs: list[tuple[int, int, list[int]]] = []
    if _COUNTED_GATE.search(text) is None:
        return []
    for hit in _COUNTED_LINE.finditer(text):
        if runs and text[runs[-1][1]:hit.start()].strip() == "":
            runs[-1] = (runs[-1][0], hit.end(), [*runs[-1][2], int(hit.group(1))])
        else:
            runs.append((hit.start(), hit.end(), [int(hit.group(1))]))
    return [(s, e) for s, e, counts in runs if len(counts) >= 3 and max(counts) > 120]


def people_by_age(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A name followed by an age in brackets is a person's: "Santer Jones (64), pemilik bengkel" (read
    as an organisation), "AS (15)" (initials, read as the United States). The mention becomes a person,
    and so do the article's other mentions of it and of its first word ("ujar Santer"); a bare name or
    initials before an age that nothing found becomes one too. In the development gold every mention
    right before "(NN)" is a person (26 of 26). Not inside a page's list of tags with their counts
    (`_count_lists`: "Iowa (92)" is no person of 92)."""
    stop = _stop_words(language)
    lists = _count_lists(text)
    out = list(mentions)
    retyped: set[str] = set()
    for m in out:
        if m.type != "PER" and _AGE_AFTER.match(text, m.end) and len(m.text.split()) <= 4 \
                and m.text.split()[0].casefold() not in stop and not any(s <= m.start < e for s, e in lists):
            retyped.add(m.text)
    firsts = {t.split()[0] for t in retyped if " " in t}
    out = [Mention(m.start, m.end, m.text, "PER", source=m.source, score=m.score, role=m.role)
           if m.type != "PER" and (m.text in retyped or m.text in firsts) else m for m in out]
    # the overlap asked of every aged name through span indexes (a scan of every mention per name was
    # quadratic in a long article): the mentions as they stood, and the names added since (which
    # overlap none of them, nor one another: they go in in text order)
    held: StaticSpans | None = None
    added: DisjointSpans[None] = DisjointSpans()
    for hit in _AGED_RUN.finditer(text) if _AGED_GATE.search(text) is not None else ():
        s, e = hit.span(1)
        name = hit.group(1)
        if held is None:
            held = StaticSpans((m.start, m.end) for m in out)
        if name.split()[0].casefold() in stop or held.overlaps(s, e) or added.overlaps(s, e) \
                or any(a <= s < b for a, b in lists):
            continue
        out.append(Mention(s, e, name, "PER", source="rule"))
        added.add(s, e, None)
    return sorted(out, key=lambda m: (m.start, m.end))


_SUBSTITUTE = re.compile(r"\(((?:[A-Z][\w'’\-]+)(?: [A-Z][\w'’\-]+){0,3}) \d{1,3}(?:\+\d)?['’]\)")


def lineup_substitutes(text: str, mentions: list[Mention]) -> list[Mention]:
    """A line-up's substitute, "(Cuiabano 68')", "(Santiago Rodriguez 68')": the name in brackets
    before a match minute is a player. It becomes one person mention, in place of what was found
    inside it (a first name alone, or "Santiago" read as the city).

    Each name is read against the mentions near it (by bisection over their starts), not against every
    mention, which grew with the square of a long article (a line-up per match report): the names lie
    apart (one per match of the pattern), so one added or taken away never touches another's span."""
    added: list[Mention] = []
    gone: set[int] = set()
    ordered: list[Mention] | None = None
    starts: list[int] = []
    longest = 0
    for hit in _SUBSTITUTE.finditer(text):
        s, e = hit.span(1)
        if ordered is None:
            ordered = sorted(mentions, key=lambda m: m.start)
            starts = [m.start for m in ordered]
            longest = max((m.end - m.start for m in ordered), default=0)
        # every mention that overlaps the name starts after s - longest; every one inside it by e
        near = ordered[bisect.bisect_left(starts, s - longest) : bisect.bisect_right(starts, e)]
        if any(m.start < e and s < m.end and not (s <= m.start and m.end <= e) for m in near):
            continue
        if any(m.start == s and m.end == e and m.type == "PER" for m in near):
            continue
        gone.update(id(m) for m in near if s <= m.start and m.end <= e)
        added.append(Mention(s, e, hit.group(1), "PER", source="rule"))
    out = [m for m in mentions if id(m) not in gone] + added
    return sorted(out, key=lambda m: (m.start, m.end))


_GROUP_OPENER = re.compile(r"(?:Grup|Group|Pool) [A-H] ?(?=[A-Z])")


def without_group_opener(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Grup B Piala Dunia Antarklub 2025" (also glued: "Grup BPiala ..."): the group of a competition
    is not part of the competition's name; the event mention starts after it."""
    out = []
    for m in mentions:
        hit = _GROUP_OPENER.match(m.text) if m.type == "EVT" else None
        if hit and len(m.text) > hit.end():
            s = m.start + hit.end()
            m = Mention(s, m.end, text[s : m.end], m.type, source=m.source, score=m.score, key=m.key, role=m.role)
        out.append(m)
    return out


@functools.cache
def _name_openers(language: str) -> frozenset[str]:
    """`resources/<lang>/name_openers.txt`: sentence-opening words that are not part of the name after."""
    with contextlib.suppress(FileNotFoundError):
        return frozenset(w.casefold() for w in resources.load_words(language, "name_openers.txt"))
    return frozenset()


def without_opener_word(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A mention that took the capitalised first word of its sentence along ("Melalui Panca Fest 2025"):
    the word is cut off when a capitalised name follows it."""
    openers = _name_openers(language)
    out = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        if rest[:1].isupper() and first.casefold() in openers and first[:1].isupper():
            s = m.start + len(first) + 1
            m = Mention(s, m.end, text[s : m.end], m.type, source=m.source, score=m.score, key=m.key, role=m.role)
        out.append(m)
    return out


_GLUED_DOMAIN = re.compile(r"\.(?:com|co\.id|id|net)(?=[a-z]{3,})")


def without_glued_domain_tail(text: str, mentions: list[Mention]) -> list[Mention]:
    """An outlet's name glued to the next word by the scraper, "Liputan6.commenyamperi Dery": the mention
    ends at the domain ("Liputan6.com"); a name after the glued word that the article names as a person
    elsewhere ("Dery") becomes a mention of that person."""
    people = {m.text for m in mentions if m.type == "PER"}
    out = []
    for m in mentions:
        hit = _GLUED_DOMAIN.search(m.text) if m.type in ("ORG", "PER") else None
        if hit is None:
            out.append(m)
            continue
        e = m.start + hit.end()
        out.append(Mention(m.start, e, text[m.start : e], "ORG", source=m.source, score=m.score, key=m.key))
        rest = re.search(r"[a-z]+ (\S.*)$", m.text[hit.end() :])
        if rest and rest.group(1) in people:
            s = m.end - len(rest.group(1))
            out.append(Mention(s, m.end, rest.group(1), "PER", source="rule"))
    return out


@functools.cache
def _club_nicknames() -> tuple[str, ...]:
    """The nicknames of `resources/shared/club_nicknames.tsv`, longest first."""
    names = {line.split("\t")[0].strip() for line in resources.path("shared", "club_nicknames.tsv")
             .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    return tuple(sorted(names, key=len, reverse=True))


@functools.cache
def _sport_cues(language: str) -> frozenset[str]:
    """The `sport_cues` of the language's and English entities.yaml: a nickname counts only in an
    article about a sport ("The Blues" is also music)."""
    words: set[str] = set()
    for lang in dict.fromkeys((language, "en")):
        data = resources.load_or_empty(lang, "entities") or {}
        words |= {str(w).casefold() for w in data.get("sport_cues") or []}
    return frozenset(words)


@functools.cache
def _sport_cue_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each of `_sport_cues` beside its pattern as a whole word of a case-folded text, compiled once."""
    return tuple((w, re.compile(rf"(?<!\w){re.escape(w)}(?!\w)")) for w in sorted(_sport_cues(language)))


def _written_alone(folded: str, cue: str, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` (a cue of `_sport_cue_patterns`) matches ``folded``, tried only where the
    cue is written: its match starts there, and ``pattern.search`` read the whole text from the start
    (a pattern that opens with a look-behind lets `re` skip nothing) for a frequent cue written
    inside other words."""
    at = folded.find(cue)
    while at >= 0:
        if pattern.match(folded, at):
            return True
        at = folded.find(cue, at + 1)
    return False


def club_nicknames(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A club's nickname ("The Gunners", "Los Blancos", "Maung Bandung") in an article about a sport is
    that club (GUIDELINE: nicknames are aliases of the club): ORG where nothing was found there."""
    folded = text.casefold()
    # a cue's pattern is searched only where the cue is written at all (a substring test, far cheaper
    # than the pattern's scan of the whole text, which starts with a look-behind and so has no prefix
    # to skip ahead by)
    if not any(cue in folded and _written_alone(folded, cue, pattern)
               for cue, pattern in _sport_cue_patterns(language)):
        return mentions
    out = _Indexed(mentions)
    for name in _club_nicknames():
        if name not in text:
            continue
        for s in _occurrences(text, name):
            e = s + len(name)
            if not out.overlapping(s, e):
                out.append(Mention(s, e, name, "ORG", source="rule"))
    return sorted(out, key=lambda m: (m.start, m.end))


def settle_recall(text: str, mentions: list[Mention], language: str, gazetteer: Gazetteer) -> list[Mention]:
    """The recall steps of this module, in order (people first: a full name found inside an
    organisation's run frees the organisation's part)."""
    out = complete_short_names(text, mentions, language, gazetteer)
    out = known_orgs_everywhere(text, out, language, gazetteer)
    out = brand_short_names(text, out, language, gazetteer)
    out = listed_makers(text, out, language)
    out = people_by_age(text, out, language)
    out = lineup_substitutes(text, out)
    out = without_opener_word(text, out, language)
    out = without_glued_domain_tail(text, out)
    out = club_nicknames(text, out, language)
    return without_group_opener(text, out)
