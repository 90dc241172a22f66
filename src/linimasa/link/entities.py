"""Entity merging: one `Entity` per real-world thing, with every mention in every article.

Merging happens in two steps, each as conservative as the evidence allows:

1. within an article, a person's shorter mentions ("Lavrov", "Amir Muttaqi") join the fuller name
   they are part of ("Sergey Lavrov", "Amir Khan Muttaqi"); names with a gazetteer or in-text-acronym
   key ("AS", "Amerika Serikat", "PBB") join by that key;
2. across articles (and languages), keys merge exactly (the gazetteer gives "Moskow", "Moskwa" and
   "Moscow" one key); full person names merge when their spelling-normalised forms are equal
   ("Sergey"/"Sergei"); a person named only by surname in an article joins a full name from another
   article only when that is the one candidate and the two articles share enough other entities —
   so two different people with one surname in two unrelated stories stay apart; an organisation's
   name of two or more words joins one spelt with one letter more or less in one word ("Saudi
   Airlines" / "Saudia Airlines"), never one with a letter changed ("Persib" / "Persik").

Entity ids hash the entity's canonical key, so that re-running on the same corpus changes nothing.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from linimasa import resources
from linimasa.model import Article, Corpus, Entity, EntityRecord, Mention, MentionRef, Role
from linimasa.pipeline import corpus_stage
from linimasa.text.gazetteer import Entry, is_acronym, load_gazetteer, normalise

# A surname-only person joins a full name from another article only if the two articles share at
# least this many other entities, and that many make up this share of the smaller article's set.
MIN_SHARED_CONTEXT = 2
MIN_CONTEXT_OVERLAP = 0.3
# On a tied vote, the type that needed more evidence wins (GPE needs a gazetteer entry or a cue
# such as "kota"; LOC is the model's default for any place).
TYPE_PREFERENCE = ("GPE", "ORG", "PER", "EVT", "LOC", "OTHER")


_POSSESSIVE = re.compile(r"['’]s$")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def name_tokens(text: str) -> list[str]:
    """A name's normalised words; words a scraper glued together ("PrabowoSubianto", kept so by the
    entities stage as written) count as the words they are, so that they join "Prabowo"."""
    text = _GLUED.sub(" ", _POSSESSIVE.sub("", text))
    return [t for t in normalise(text).split() if t]


@functools.lru_cache(maxsize=65536)
def spelling_key(token: str) -> str:
    """A token with transliteration variation removed: Sergey/Sergei, Mohammad/Muhammad,
    Soekarno/Sukarno, Abdulla/Abdullah."""
    t = unicodedata.normalize("NFKD", token)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    for a, b in (("oe", "u"), ("dj", "j"), ("tj", "c"), ("kh", "h"), ("ph", "f"), ("q", "k"), ("ou", "u"),
                 ("y", "i"), ("w", "v"), ("ee", "i"), ("oo", "u")):
        t = t.replace(a, b)
    t = re.sub(r"h$", "", t)
    t = re.sub(r"(.)\1+", r"\1", t)
    t = re.sub(r"[aeiou]", "a", t[1:]) if len(t) > 1 else t
    return token[:1].casefold() + t


@dataclass(eq=False)  # identity: clusters are compared and looked up as objects, never by value
class Cluster:
    """Mentions that one step of merging decided are the same thing.

    `mentions` are this batch's; `records` are stored entities the cluster has taken in, whose
    mentions stay in the store and count through their `forms` and `types` totals."""

    key: str
    type: str
    mentions: list[tuple[str, Mention]] = field(default_factory=list)
    gaz_id: str | None = None
    records: list[EntityRecord] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {a for a, _ in self.mentions} | {a for r in self.records for a in r.articles}

    def absorb(self, other: Cluster) -> None:
        self.mentions += other.mentions
        self.records += [r for r in other.records if all(r is not x for x in self.records)]

    def copy(self, key: str, type_: str) -> Cluster:
        return Cluster(key, type_, list(self.mentions), records=list(self.records))

    def forms(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for r in self.records:
            counts.update(r.forms)
        counts.update(m.text for _, m in self.mentions)
        return counts

    def full_name(self, preferred: list[str] | None = None) -> str:
        """The fullest form used: most words; then, for a person the longest spelling, for a known
        place or organisation the most used one ("China" over "Tiongkok" if written more often).
        For a gazetteer entity only its preferred names compete, when any is used ("Indonesia", not
        the "Republik Indonesia" of an institution's name)."""
        all_forms = self.forms()
        counts = Counter({t: n for t, n in all_forms.items() if not is_acronym(t)}) or all_forms
        if preferred:
            wanted = {p.casefold() for p in preferred}
            counts = Counter({t: n for t, n in counts.items() if t.casefold() in wanted}) or counts
        if self.type == "PER" and not self.gaz_id:
            return max(counts, key=lambda t: (len(t.split()), len(t), counts[t], t))
        return max(counts, key=lambda t: (len(t.split()), not t.isupper(), counts[t], len(t), t))


@functools.cache
def _street_words() -> dict[str, str]:
    """Abbreviated last words of English street names and the words they stand for (`street_abbreviations`
    of resources/en/entities.yaml: "st" -> "street")."""
    data = resources.load_or_empty("en", "entities") or {}
    table = data.get("street_abbreviations") or {}
    return {str(k).casefold(): str(v) for k, v in table.items()} if isinstance(table, dict) else {}


def _street_in_full(name: str) -> str:
    """A street's name with its abbreviated last word written out ("Main St." -> "Main Street"), so that
    both forms of one street in an article are one entity; any other name as it is."""
    head, _, last = name.rpartition(" ")
    if head and last.endswith(".") and (word := _street_words().get(last[:-1].casefold())):
        return f"{head} {word.capitalize()}"
    return name


_GLUED_FORM = re.compile(r"\((\w+)\)$")


@functools.cache
def _legal_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(words of a company's legal form written before its name, after it) of every language
    (`legal_form_heads`, `legal_form_tails` of resources/<lang>/entities.yaml), normalised."""
    heads: set[str] = set()
    tails: set[str] = set()
    for lang in resources.languages():
        data = resources.load_or_empty(lang, "entities") or {}
        heads.update(normalise(str(w)) for w in data.get("legal_form_heads") or [])
        tails.update(normalise(str(w)) for w in data.get("legal_form_tails") or [])
    return frozenset(heads), frozenset(tails)


def _unglued(text: str) -> str:
    """A name with a legal-form word a scraper glued to it set apart ("PTTransJakarta" -> "PT
    TransJakarta", "PT Energi UtamaTbk" -> "PT Energi Utama Tbk"): glued, `org_core` cannot drop it.
    A capital after the glued word must begin a word of small letters ("PTSD" stays)."""
    heads, tails = _legal_forms()
    for h in heads:
        n = len(h)
        if len(text) > n + 1 and text[:n].isupper() and text[:n].casefold() == h and text[n].isupper() \
                and text[n + 1].islower():  # "PTTransJakarta"; not "PTSD"
            text = f"{text[:n]} {text[n:]}"
            break
    for t in tails:
        n = len(t)
        if len(text) > n + 1 and text[-n:].casefold() == t and text[-n].isupper() and text[-n - 1].islower():
            text = f"{text[:-n]} {text[-n:]}"
            break
    return text


def org_core(name: str) -> str:
    """An organisation's normalised name without the words of its legal form ("pt transjakarta",
    "pt blue bird tbk", "pt pln (persero)", "zotac ltd" -> "transjakarta", "blue bird", "pln",
    "zotac"), and without an acronym bracketed inside it ("panitia khusus (pansus) haji"), so that a
    body written with and without them is one entity, within an article and across articles. A name
    that is nothing but such words stays as it is."""
    heads, tails = _legal_forms()
    words = name.split()
    if len(words) > 1:  # an acronym bracketed inside the name: "pemerintah provinsi (pemprov) dki jakarta"
        kept = [w for w in words if not (w.startswith("(") and w.endswith(")") and w.strip("()") not in tails)]
        words = kept or words
    while len(words) > 1 and words[0] in heads:
        words = words[1:]
    while len(words) > 1 and words[-1].strip("(),") in tails:
        words = words[:-1]
    glued = _GLUED_FORM.search(words[-1]) if words else None  # "pln(persero)"
    if glued and glued.group(1) in tails and glued.start() > 0:
        words[-1] = words[-1][: glued.start()]
    return " ".join(words) if words else name


@functools.cache
def _unit_words() -> frozenset[str]:
    """Words naming the kind of administrative unit before a place's name (`gpe_heads` of every
    language: "kota", "kabupaten", "provinsi"), normalised."""
    words: set[str] = set()
    for lang in resources.languages():
        data = resources.load_or_empty(lang, "entities") or {}
        words.update(normalise(str(w)) for w in data.get("gpe_heads") or [])
    return frozenset(words)


@functools.lru_cache(maxsize=65536)
def org_key_name(name: str) -> str:
    """The key name of an organisation (normalised): `org_core`, with the place its name ends in
    written as the gazetteer's key, so that one body named after one place is one entity however the
    place is written ("Pemprov DKI Jakarta" / "Pemerintah Provinsi Jakarta", "BPBD Jabar" / "BPBD
    Jawa Barat", "Kedubes AS" / "Kedubes Amerika Serikat"). The place is the longest end of the name
    the gazetteer knows as one that does not start with a unit word: "Kota" stays in the name ("BPBD
    Kota Bogor" and "BPBD Kabupaten Bogor" stay two), and something must come before it."""
    core = org_core(name)
    words = core.split()
    gazetteer = load_gazetteer()
    units = _unit_words()
    for i in range(1, len(words)):
        if words[i] in units:
            continue
        entry = gazetteer.lookup(" ".join(words[i:]))
        if entry is not None and entry.type == "GPE":
            return " ".join([*words[:i], entry.id])
    return core


def _acronym_as_word(m: Mention) -> Entry | None:
    """The gazetteer's acronym of an organisation that a mention writes as a word, capital first
    ("Nato", "Unesco", "Asean" for NATO, UNESCO, ASEAN, as British and Indonesian style has it),
    when the acronym names an organisation and the mention is typed one. A short word (three letters
    or less) is left alone: too many of them are ordinary words as well as acronyms."""
    text = m.text.strip()
    if m.type != "ORG" or len(text) < 4 or not text.isalpha() or not (text[0].isupper() and text[1:].islower()):
        return None
    entry = load_gazetteer().acronyms.get(text.upper())
    return entry if entry is not None and entry.type == "ORG" else None


def _known_acronym_of_tail(m: Mention) -> str | None:
    """The mention's key; for an acronym that an article defines after a longer name ending in the
    name the acronym stands for ("Angkatan Laut Amerika Serikat (AS)", "Badan Pengawas Mahkamah
    Agung (MA)"), or after that name alone, the gazetteer's key of what the acronym is: the bracket
    spells out the end of the name, and "AS" further on is the country, not the navy."""
    key = m.key
    if key is None or not key.startswith("name:") or not is_acronym(m.text.strip()):
        return key
    entry = load_gazetteer().lookup(m.text.strip())
    if entry is None:
        return key
    name = f" {key[5:]}"
    tails = {normalise(n) for n in entry.names if not is_acronym(n)}
    return entry.id if any(name.endswith(f" {t}") for t in tails if t) else key


def _article_clusters(article: Article) -> list[Cluster]:
    """Step 1: clusters of one article's mentions."""
    gazetteer = load_gazetteer()
    clusters: dict[str, Cluster] = {}
    people: list[tuple[list[str], Cluster]] = []
    per_mentions = sorted(
        (m for m in article.mentions if m.type == "PER" and not m.key),
        key=lambda m: (-len(name_tokens(m.text)), m.start),
    )
    for m in article.mentions:
        if m.type == "PER" and not m.key:
            continue
        key = _known_acronym_of_tail(m)
        if key is None:
            entry = gazetteer.lookup(m.text)
            if entry is None:
                entry = _acronym_as_word(m)
            if entry is not None and m.type == "ORG" and entry.id.startswith("city:"):
                entry = None  # a club or firm named after its town ("Roma", "Monterrey") is not the town
            # Keyed by the name alone: one name typed ORG in one article and LOC in another is still
            # one thing (its type is decided by vote when the entity is built).
            key = entry.id if entry is not None else f"name:{normalise(_unglued(_street_in_full(m.text)))}"
        if key.startswith("name:") and (full := _short_forms()[1].get(normalise(m.text))):
            key = f"name:{full}"  # "Liga Inggris": the Premier League wherever it is written
        if m.type == "ORG" and key.startswith("name:"):
            key = "name:" + org_key_name(key[5:])
        c = clusters.setdefault(key, Cluster(key, m.type, gaz_id=key if key in gazetteer.entries else None))
        c.mentions.append((article.id, m))
    _join_short_forms(clusters)
    _join_editions(clusters)
    _join_initials(clusters)
    _join_generic_words(clusters)
    _join_syllable_acronyms(clusters)
    for c in clusters.values():  # people the gazetteer knows ("Jokowi"): their names are anchors too
        if c.type == "PER" and c.gaz_id:
            people += [(toks, c) for toks in _names_of(c) if len(toks) >= 2]
    for m in per_mentions:
        toks = name_tokens(m.text)
        if not toks:
            continue
        owners = [c for full, c in people if _part_of(toks, full)]
        if not owners and len(toks) == 1:
            # "Irfan" after "Mochammad Irfan Yusuf": a middle name, when it is one person's only
            middle = _unique_clusters(c for full, c in people if len(full) >= 3 and _is_middle(toks[0], full))
            owners = middle if len(middle) == 1 else []
        if owners:
            # Two people in one article sharing a surname: the nearest fuller name before this one.
            def distance(c: Cluster, m: Mention = m) -> tuple[bool, int]:
                before = [x.start for _, x in c.mentions if x.start <= m.start]
                return (not before, m.start - max(before) if before else min(x.start for _, x in c.mentions))

            owner = min(owners, key=distance)
            owner.mentions.append((article.id, m))
            continue
        c = Cluster(f"per:{article.id}:{' '.join(toks)}", "PER")
        c.mentions.append((article.id, m))
        clusters[c.key] = c
        people.append((toks, c))
    _join_nicknames(article, clusters)
    return list(clusters.values())


@functools.cache
def _nickname_pattern() -> re.Pattern[str]:
    """What follows a person's full name to give the nickname the article goes on to use: a cue
    (`nickname_cues` of resources/<lang>/entities.yaml: "akrab disapa", "alias", "known as"), maybe after
    "atau" and a comma (group 1); a bare "atau" (`nickname_or_words`, group 2); or brackets (group 3)."""
    cues: set[str] = set()
    ors: set[str] = set()
    for lang in resources.languages():
        data = resources.load_or_empty(lang, "entities") or {}
        cues.update(str(w) for w in data.get("nickname_cues") or [] if w)
        ors.update(str(w) for w in data.get("nickname_or_words") or [] if w)

    def alternatives(words: set[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    name = r"([A-Z][a-z'-]+)"
    branches = [r"\(\s*" + name + r"\s*\)"]
    name += r"(?![\w'-]|\s+[A-Z])"  # one word: not the first of another full name
    if cues:
        lead = rf"(?:(?i:{alternatives(ors)})\s+)?" if ors else ""
        branches.insert(0, rf"{lead}(?i:{alternatives(cues)})\s+[\"'“]?{name}")
    else:
        branches.insert(0, r"(?!)" + name)
    if ors:
        branches.insert(1, rf"(?i:{alternatives(ors)})\s+{name}")
    else:
        branches.insert(1, r"(?!)" + name)
    return re.compile(r"\s*,?\s*(?:" + "|".join(branches) + ")")


def _join_nicknames(article: Article, clusters: dict[str, Cluster]) -> None:
    """A nickname introduced right after a full name ("Maruarar Sirait atau yang akrab disapa Ara",
    "Basuki Tjahaja Purnama alias Ahok", "Robert Smith (Bobby)") is that person wherever the article
    uses it alone: the one-word person cluster of that name joins the full name's. A bare "atau" ("A
    atau B" is also "A or B") counts only when the one-word name is used again in the article."""
    text = article.text
    pattern = _nickname_pattern()
    by_word: dict[str, Cluster] = {}
    for c in clusters.values():
        if c.type == "PER" and c.key.startswith("per:") and len(toks := name_tokens(c.full_name())) == 1:
            by_word[spelling_key(toks[0])] = c
    if not by_word:
        return
    for c in list(clusters.values()):
        if c.type != "PER" or not any(x is c for x in clusters.values()):
            continue
        for _, m in list(c.mentions):
            if len(name_tokens(m.text)) < 2 or (found := pattern.match(text, m.end)) is None:
                continue
            word = found.group(1) or found.group(2) or found.group(3)
            nick = by_word.get(spelling_key(word))
            if nick is None or nick is c or nick.key not in clusters:
                continue
            if found.group(2) and sum(1 for _, x in nick.mentions if x.start != found.start(2)) < 1:
                continue
            c.absorb(clusters.pop(nick.key))


@functools.cache
def _short_forms() -> tuple[dict[str, str], dict[str, str]]:
    """(short forms and nicknames of clubs and competitions that stand for a full name when the
    article names it too, those that always do), both normalised -> the normalised full name, from
    `club_short_forms.tsv` (a third column `always` marks the second kind: a competition's name in
    another language, "Liga Inggris" for the Premier League) and `club_nicknames.tsv` of
    resources/shared; each also without a leading "the" ("Citizens" as well as "The Citizens")."""
    beside: dict[str, str] = {}
    always: dict[str, str] = {}
    for name in ("club_short_forms.tsv", "club_nicknames.tsv"):
        for line in resources.path("shared", name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            cols = [c.strip() for c in line.split("\t")]
            short, full = normalise(cols[0]), normalise(cols[1])
            table = always if cols[2:3] == ["always"] else beside
            table.setdefault(short, full)
            if short.startswith("the "):
                table.setdefault(short[4:], full)
    return beside, always


def _join_short_forms(clusters: dict[str, Cluster]) -> None:
    """A club's or competition's short form or nickname ("Man City", "The Citizens") joins the
    cluster of its full name ("Manchester City") when the article names that too: "City" or "Inter"
    alone may be anything, beside "Manchester City" they are the club. A short form that is also a
    word of another name in the article ("City" beside "Leicester City" as well) is left alone."""
    table = _short_forms()[0]
    forms = {k: {normalise(m.text) for _, m in c.mentions} for k, c in clusters.items() if k.startswith("name:")}
    for key, written in forms.items():
        full = next((table[f] for f in sorted(written) if f in table), None)
        if full is None or key not in clusters:
            continue
        target = next((clusters[k] for k in (f"name:{full}", f"name:{org_key_name(full)}")
                       if k in clusters and k != key), None)
        if target is None:
            continue
        short = next(f for f in sorted(written) if f in table)
        others = [n for k, ns in forms.items() if k in clusters and k not in (key, target.key) for n in ns]
        if any(f" {short} " in f" {n} " for n in others):
            continue
        target.absorb(clusters.pop(key))


@functools.cache
def _function_words() -> frozenset[str]:
    """The `function_words` of every language's entities.yaml ("of", "dan"): no letter of an acronym
    stands for one ("Royal Bank of Canada" is RBC)."""
    words: set[str] = {"&"}
    for lang in resources.languages():
        data = resources.load_or_empty(lang, "entities") or {}
        words.update(normalise(str(w)) for w in data.get("function_words") or [])
    return frozenset(words)


def initials(name: str) -> str:
    """The acronym a normalised name's words make, without its function words and legal form
    ("liberal democratic party" -> "ldp", "pt bank rakyat indonesia (persero) tbk" -> "bri")."""
    words = [w for w in org_core(name).split() if w not in _function_words()]
    return "".join(w[0] for w in words if w[:1].isalpha()) if len(words) >= 2 else ""


def _join_initials(clusters: dict[str, Cluster]) -> None:
    """An organisation's acronym that the article never brackets after its name ("the Liberal
    Democratic Party ... the LDP", "Bank Rakyat Indonesia ... BRI") joins the one organisation of the
    article whose name's initials it is. An acronym the gazetteer knows has its own key and is left
    to it; two names with the same initials leave it alone."""
    by_initials: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters.values():
        if c.type == "PER":
            continue
        made = {initials(normalise(m.text)) for _, m in c.mentions if not is_acronym(m.text.strip())}
        for acronym in made - {""}:
            by_initials[acronym].append(c)
    for key in [k for k in clusters if k.startswith("name:")]:
        c = clusters[key]
        texts = {m.text.strip() for _, m in c.mentions}
        if c.type not in ("ORG", "GPE", "LOC", "EVT") or not all(is_acronym(t) for t in texts):
            continue
        owners = _unique_clusters(o for t in texts for o in by_initials.get(t.replace(".", "").casefold(), []))
        if len(owners) == 1 and owners[0] is not c:
            owners[0].absorb(clusters.pop(key))


@functools.cache
def _generic_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words an organisation's name may add to its distinctive part, words a place's name may),
    normalised: `name_generic_org_words` and `name_generic_place_words` of every language's
    entities.yaml ("Partai", "Party", "University"; "Kecamatan", "County")."""
    org: set[str] = set()
    place: set[str] = set()
    for lang in resources.languages():
        data = resources.load_or_empty(lang, "entities") or {}
        org.update(normalise(str(w)) for w in data.get("name_generic_org_words") or [])
        place.update(normalise(str(w)) for w in data.get("name_generic_place_words") or [])
    return frozenset(org), frozenset(place)


_KIND = {"ORG": "org", "GPE": "place", "LOC": "place"}


def _distinctive(form: str, kind: str) -> str:
    """A normalised name without the generic words at its ends (`_generic_words` of its kind, and
    function words): "labour party" -> "labour", "city of aurora" -> "aurora", "kecamatan jelutung"
    -> "jelutung". A country after a company's name is not one: "Suzuki Indonesia" is the national
    arm, and joining "Suzuki" to it in one article would part it from "Suzuki" in every other."""
    org, place = _generic_words()
    generic = org if kind == "org" else place

    def is_generic(w: str) -> bool:
        return w in generic or w in _function_words()

    words = form.split()
    while words and is_generic(words[0]):
        words = words[1:]
    while words and is_generic(words[-1]):
        words = words[:-1]
    return " ".join(words)


def _join_generic_words(clusters: dict[str, Cluster]) -> None:
    """A name written without the generic words of a longer one of its kind in the article ("Labour"
    beside "Labour Party", "Aurora" beside "City of Aurora", "Jelutung" beside "Kecamatan
    Jelutung") joins it when it is the one such name: an organisation with an organisation, a place
    with a place. A name the gazetteer keys is left to its key, and "Kota"
    or "Kabupaten" are no generic words (the city and the regency of one name are two)."""
    owners: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
    for c in clusters.values():
        kind = _KIND.get(c.type)
        if kind is None:
            continue
        for f in {normalise(m.text) for _, m in c.mentions}:
            core = _distinctive(f, kind)
            if core and core != f:
                owners[(kind, core)].append(c)
    if not owners:
        return
    for key in [k for k in clusters if k.startswith("name:")]:
        c = clusters.get(key)
        kind = _KIND.get(c.type) if c is not None else None
        if c is None or kind is None:
            continue
        found = _unique_clusters(o for f in {normalise(m.text) for _, m in c.mentions}
                                 for o in owners.get((kind, f), []) if o is not c)
        if len(found) == 1 and found[0].key in clusters:
            found[0].absorb(clusters.pop(key))


SYLLABLE_MIN = 2  # letters each word of a name gives an acronym built of syllables ("Ba-pen-da")


def syllable_acronym_of(short: str, name: str) -> bool:
    """Whether a one-word name is made of the first letters of every content word of a longer name,
    two or more of each, in order: the acronyms Indonesian builds from syllables ("Bapenda" of
    "Badan Pendapatan Daerah", "Satresnarkoba" of "Satuan Reserse Narkoba", "Kemenkeu" of
    "Kementerian Keuangan"). Both normalised."""
    words = [w for w in org_core(name).split() if w not in _function_words()]
    if len(words) < 2 or not short.isalpha() or len(short) < 2 * len(words):
        return False

    @functools.cache
    def fits(i: int, j: int) -> bool:  # short[i:] from words[j:]
        if j == len(words):
            return i == len(short)
        w = words[j]
        return any(short[i : i + n] == w[:n] and fits(i + n, j + 1)
                   for n in range(SYLLABLE_MIN, min(len(w), len(short) - i) + 1))

    return fits(0, 0)


def _join_syllable_acronyms(clusters: dict[str, Cluster]) -> None:
    """An organisation's acronym built of syllables ("Bapenda") joins the one organisation of the
    article whose name it is built from ("Badan Pendapatan Daerah"); two such names leave it alone."""
    longer: dict[str, list[tuple[Cluster, str]]] = defaultdict(list)  # by the first two letters
    for c in clusters.values():
        if c.type == "ORG":
            for f in {normalise(m.text) for _, m in c.mentions}:
                words = [w for w in org_core(f).split() if w not in _function_words()]
                if len(words) >= 2:
                    longer[words[0][:SYLLABLE_MIN]].append((c, f))
    if not longer:
        return
    for key in [k for k in clusters if k.startswith("name:")]:
        c = clusters.get(key)
        if c is None or c.type != "ORG":
            continue
        shorts = {normalise(m.text) for _, m in c.mentions}
        if any(" " in f for f in shorts):
            continue
        owners = _unique_clusters(o for x in shorts for o, f in longer.get(x[:SYLLABLE_MIN], [])
                                  if o is not c and syllable_acronym_of(x, f))
        if len(owners) == 1 and owners[0].key in clusters:
            owners[0].absorb(clusters.pop(key))


_YEAR_AT_END = re.compile(r" (?:19|20)\d\d$")


def _join_editions(clusters: dict[str, Cluster]) -> None:
    """An event or a named thing written without its year ("Piala Presiden", "Formula E Jakarta")
    joins the one edition of it the article names with its year ("Piala Presiden 2025"): the year is
    said once, then left out. Beside two editions ("Piala Dunia 1994", "Piala Dunia 2026") which one
    is meant is not known, and it stays alone; a name of one word ("MotoGP") is as often the series
    or the class as an edition of it, and stays alone too. Names are compared as written
    (normalised), not by key: an organisation's key may write a place in it as the gazetteer's."""
    forms = {k: {normalise(m.text) for _, m in c.mentions} for k, c in clusters.items()
             if k.startswith("name:") and c.type != "PER"}
    editions: dict[str, list[str]] = defaultdict(list)
    for k, written in forms.items():
        for base in {_YEAR_AT_END.sub("", f) for f in written if _YEAR_AT_END.search(f)}:
            editions[base].append(k)
    for k, written in forms.items():
        if any(_YEAR_AT_END.search(f) for f in written) or k not in clusters:
            continue
        owners = {o for f in written if " " in f for o in editions.get(f, [])}
        if len(owners) == 1 and (owner := next(iter(owners))) in clusters and owner != k:
            clusters[owner].absorb(clusters.pop(k))


def _is_middle(token: str, full: list[str]) -> bool:
    """Whether a one-word mention is a middle name of a full name (at least three letters): Indonesian
    and Malay news often name "Mochammad Irfan Yusuf" as "Irfan" and "Mohd Faiz Abdullah" as "Faiz"."""
    key = spelling_key(token)
    return len(token) >= 3 and any(spelling_key(t) == key for t in full[1:-1])


def _names_of(cluster: Cluster) -> list[list[str]]:
    """The full names a person cluster is known by: all gazetteer names, or its fullest form."""
    entry = load_gazetteer().entries.get(cluster.gaz_id) if cluster.gaz_id else None
    if entry is not None:
        return [name_tokens(n) for n in entry.names if not is_acronym(n)]
    return [name_tokens(cluster.full_name())]


def _nicknames(cluster: Cluster, full: list[str]) -> list[list[str]]:
    """The one-word names a person cluster is also written as that are no part of its full name: the
    nicknames `_join_nicknames` joined ("Ara" of "Maruarar Sirait"), so that the nickname alone finds
    the person in other articles and later batches."""
    keys = {spelling_key(t) for t in full}
    out: list[list[str]] = []
    for form in cluster.forms():
        toks = name_tokens(form)
        if len(toks) == 1 and len(toks[0]) >= 3 and spelling_key(toks[0]) not in keys and toks not in out:
            out.append(toks)
    return out


def _part_of(toks: list[str], full: list[str]) -> bool:
    """Whether a person mention is the same name or an ordered part of a fuller one that keeps its
    surname ("Amir Muttaqi" of "Amir Khan Muttaqi"), its first or last name alone, or its first two
    words or more ("Agus Jabo" of "Agus Jabo Priyono", "Budi Arie" of "Budi Arie Setiadi": Indonesian
    news shortens a long name by dropping its last word as often as its first)."""
    return _keys_part_of([spelling_key(t) for t in toks], [spelling_key(t) for t in full])


@functools.cache
def _generation_keys() -> frozenset[str]:
    """Spelling keys of the words after a name that tell a son from his father ("Jr", "III":
    `generation_suffixes` of resources/<lang>/entities.yaml)."""
    words: set[str] = set()
    for lang in resources.languages():
        data = resources.load_or_empty(lang, "entities") or {}
        words.update(str(w).strip(".") for w in data.get("generation_suffixes") or [])
    return frozenset(spelling_key(w) for w in words if w)


def _keys_part_of(sk: list[str], fk: list[str]) -> bool:
    """`_part_of` on spelling keys."""
    if sk == fk:
        return True
    if len(sk) == 1:
        return sk[0] in (fk[0], fk[-1])
    if len(fk) > len(sk) and fk[: len(sk)] == sk and fk[-1] not in _generation_keys():
        return True  # "Donald Trump" is not a part of "Donald Trump Jr"
    it = iter(fk)
    return all(t in it for t in sk) and sk[-1] == fk[-1]


class _PersonIndex:
    """Person clusters by the spelling keys of their first and last names, so that finding the
    clusters a name can belong to does not scan every person of the corpus."""

    def __init__(self) -> None:
        self.by_end: dict[str, list[Cluster]] = defaultdict(list)
        self.names: dict[int, list[list[str]]] = {}

    def add(self, cluster: Cluster, names: list[list[str]]) -> None:
        keyed = [[spelling_key(t) for t in n] for n in names if n]
        self.names.setdefault(id(cluster), []).extend(keyed)
        for n in keyed:
            for t in {n[0], n[-1]}:
                if cluster not in self.by_end[t]:
                    self.by_end[t].append(cluster)

    def owners(self, toks: list[str]) -> list[Cluster]:
        keys = [spelling_key(t) for t in toks]
        pool = self.by_end.get(keys[-1], []) + self.by_end.get(keys[0], [])
        return _unique_clusters(c for c in pool if any(_keys_part_of(keys, n) for n in self.names[id(c)]))


def _merge_people(clusters: list[Cluster], context: dict[str, set[str]]) -> list[Cluster]:
    """Step 2 for persons: full names by spelling key, then surname-only clusters by context."""
    people = [c for c in clusters if c.type == "PER" and c.key.startswith("per:")]
    person_ids = {id(c) for c in people}
    others = [c for c in clusters if id(c) not in person_ids]
    known = [c for c in others if c.type == "PER" and c.gaz_id]
    known_ids = {id(c) for c in known}
    names = {id(c): name_tokens(c.full_name()) for c in people}
    full = sorted((c for c in people if len(names[id(c)]) >= 2), key=lambda c: (-len(names[id(c)]), c.key))
    short = sorted((c for c in people if len(names[id(c)]) < 2), key=lambda c: c.key)

    merged: dict[str, Cluster] = {}
    index = _PersonIndex()
    for g in known:
        gnames = [n for n in _names_of(g) if len(n) >= 2]
        index.add(g, gnames)
        for toks in gnames:
            merged.setdefault("per:" + " ".join(spelling_key(t) for t in toks), g)
    # One full name in several articles is one cluster before it looks for a longer name: the
    # articles together are its context ("Andrew Fahie" in a roundup that shares little with the
    # story naming "Andrew Alturo Fahie", and in one that shares it).
    same: dict[str, Cluster] = {}
    for c in full:
        key = "per:" + " ".join(spelling_key(t) for t in names[id(c)])
        if key in same:
            same[key].absorb(c)
        else:
            same[key] = c
    for key, c in same.items():
        toks = names[id(c)]
        if key in merged:
            merged[key].absorb(c)
            continue
        # "Amir Muttaqi" in one article, "Amir Khan Muttaqi" in another: one candidate only.
        longer = index.owners(toks)
        if len(longer) == 1 and _shared_context(c.articles, longer[0].articles, context) >= 1:
            longer[0].absorb(c)
            if nicks := _nicknames(c, toks):
                index.add(longer[0], nicks)
            continue
        merged[key] = c.copy(key, "PER")
        index.add(merged[key], [toks, *_nicknames(c, toks)])
    for c in short:
        toks = names[id(c)]
        mine = c.articles
        ctx = _context_of(mine, context)  # once, not once per candidate: a first name has hundreds
        scored = sorted(
            ((_shared_context(mine, g.articles, context, ctx), g.key, g) for g in index.owners(toks)),
            key=lambda x: (-x[0], x[1]),
        )
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            scored[0][2].absorb(c)
        elif len(same_office := _same_office(c, [g for _, _, g in scored])) == 1:
            same_office[0].absorb(c)  # "Menlu Sugiono" here, "Menteri Luar Negeri RI Sugiono" there
        elif c.key in merged:
            merged[c.key].absorb(c)
        else:
            merged[c.key] = c.copy(c.key, "PER")
            index.add(merged[c.key], [toks])
    return [c for c in others if id(c) not in known_ids] + _unique_clusters([*known, *merged.values()])


@functools.cache
def _office_words() -> tuple[dict[str, str], tuple[str, ...], frozenset[str]]:
    """(short title -> full title, words naming the home country, longest first, bare title words) of
    every language: `offices.yaml`, and the person titles and title modifiers of `entities.yaml`."""
    short: dict[str, str] = {}
    home: set[str] = set()
    bare: set[str] = set()
    for lang in resources.languages():
        offices = resources.load_or_empty(lang, "offices")
        short.update({str(k).casefold(): str(v).casefold() for k, v in (offices.get("short_forms") or {}).items()})
        home.update(str(w).casefold() for w in offices.get("home_country") or [])
        cues = resources.load_or_empty(lang, "entities")
        for title in [*(cues.get("person_titles") or []), *(cues.get("title_modifiers") or [])]:
            bare.update(str(title).casefold().split())
    return short, tuple(sorted(home, key=len, reverse=True)), frozenset(bare)


@functools.lru_cache(maxsize=8192)
def office_key(role: str) -> str | None:
    """The office a title names, written one way ("Menlu", "Menteri Luar Negeri (RI)" and "menteri
    luar negeri Indonesia" give "menteri luar negeri"), or None for a title too bare to tell one
    office holder from another ("Kapolres", "juru bicara", "mantan Presiden"): a bare title is held by
    many people at once, so sharing it says nothing; a short title ("Menlu") or a qualifier
    ("Kapolres Bogor", "Ketua DPR") names one office."""
    short, home, bare = _office_words()
    words: list[str] = []
    named = False
    for w in re.findall(r"\w+", role.casefold()):
        if w in short:
            named = True
            words += short[w].split()
        else:
            words.append(w)
    if not named and all(w in bare for w in words):
        return None
    text = f" {' '.join(words)} "
    for h in home:
        text = text.replace(f" {h} ", " ")
    return " ".join(text.split()) or None


def _offices(cluster: Cluster) -> set[str]:
    """The offices a person cluster's titles name, in this batch and in its stored records."""
    roles = [m.role for _, m in cluster.mentions if m.role] + [r.text for rec in cluster.records for r in rec.roles]
    return {k for k in map(office_key, roles) if k}


def _same_office(cluster: Cluster, candidates: list[Cluster]) -> list[Cluster]:
    """The candidates that hold an office the cluster's person holds: a person named by one word in
    two articles with one office is one person even when the two stories share too few other
    entities ("Menlu Sugiono" at a summit, then at a press briefing on another matter)."""
    mine = _offices(cluster)
    if not mine:
        return []
    return [g for g in _unique_clusters(candidates) if _offices(g) & mine]


def _unique_clusters(clusters: Iterable[Cluster]) -> list[Cluster]:
    """Clusters without repeats (a gazetteer person is reachable under each of its names)."""
    seen: set[int] = set()
    out = []
    for c in clusters:
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


ORG_VARIANT_MIN = 4  # letters of the shorter form of the one word two spellings of a name differ in


def _org_words(cluster: Cluster | EntityRecord) -> list[str] | None:
    """The words of an organisation's name keyed by the name alone (no gazetteer entry), or None."""
    if cluster.type != "ORG" or cluster.gaz_id or not cluster.key.startswith("name:"):
        return None
    words = cluster.key[5:].split()
    return words if len(words) >= 2 else None


def _one_letter_less(words: list[str]) -> set[str]:
    """The name with one letter left out of one of its (alphabetic, long enough) words."""
    out: set[str] = set()
    for i, w in enumerate(words):
        if w.isalpha() and len(w) > ORG_VARIANT_MIN:
            out |= {" ".join([*words[:i], w[:j] + w[j + 1:], *words[i + 1:]]) for j in range(len(w))}
    return out


def org_variant_keys(cluster: Cluster | EntityRecord) -> tuple[set[str], set[str]]:
    """(keys an organisation is saved under, keys it looks up) so that two spellings of its name
    that differ by one letter added to one word meet ("Saudi Airlines" / "Saudia Airlines", "Girl
    Squad" / "Girls Squad", a dropped letter in "Airlnes"): the longer spelling is saved under each
    form with a letter left out, the shorter looks up its own. A changed letter is not a variant
    ("Persib" / "Persik", "Putra" / "Putri"), nor is a name of one word or with another word changed."""
    words = _org_words(cluster)
    if words is None:
        return set(), set()
    return _org_name_variant_keys(cluster.key)


@functools.lru_cache(maxsize=65536)
def _org_name_variant_keys(key: str) -> tuple[set[str], set[str]]:
    """`org_variant_keys` of an organisation keyed by name, worked out once per name: linking asks it
    of each cluster three times (the keys it looks up, its merge with its variants, the keys it is
    saved under), and of the same stored names in every chunk. The sets are shared: callers only read
    them."""
    words = key[5:].split()
    name = " ".join(words)
    less = _one_letter_less(words)
    return {f"orgx:{name}", *(f"orgd:{v}" for v in less)}, {f"orgd:{name}", *(f"orgx:{v}" for v in less)}


def _merge_org_variants(clusters: list[Cluster]) -> list[Cluster]:
    """Organisations whose names are spellings of each other (`org_variant_keys`) become one."""
    saved: dict[str, list[Cluster]] = defaultdict(list)
    keys = {id(c): org_variant_keys(c) for c in clusters}
    for c in clusters:
        for k in keys[id(c)][0]:
            saved[k].append(c)
    into: dict[int, Cluster] = {}

    def find(c: Cluster) -> Cluster:
        while id(c) in into:
            c = into[id(c)]
        return c

    for c in clusters:
        for k in keys[id(c)][1]:
            for other in saved.get(k, []):
                a, b = find(c), find(other)
                if a is not b:
                    keep, gone = sorted((a, b), key=lambda x: x.key)
                    keep.absorb(gone)
                    into[id(gone)] = keep
    return [c for c in clusters if id(c) not in into]


def _edition_bases(forms: Iterable[str]) -> set[str]:
    """The names without their year of the forms that end in one ("piala dunia antarklub" of "Piala
    Dunia Antarklub 2025"), normalised."""
    return {_YEAR_AT_END.sub("", f) for f in map(normalise, forms) if _YEAR_AT_END.search(f)}


def _edition_keys(cluster: Cluster) -> set[str]:
    """What an edition and its yearless name meet by in the store, whichever came first: "edition:"
    and the name without its year ("Piala Dunia Antarklub 2025" and "Piala Dunia Antarklub" both
    give "edition:piala dunia antarklub")."""
    if cluster.type == "PER" or not cluster.key.startswith("name:"):
        return set()
    return {f"edition:{_YEAR_AT_END.sub('', normalise(f))}" for f in cluster.forms()}


def _merge_editions(clusters: list[Cluster], context: dict[str, set[str]]) -> list[Cluster]:
    """Across articles, a name that no article writes with a year ("Piala Dunia Antarklub") joins the
    one edition written with its year ("Piala Dunia Antarklub 2025") when their articles share a
    story (`_story_shared`): the same tournament in the same news. With two editions known, no story
    shared, or a name of one word (see `_join_editions`), it stays as it is."""
    editions: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        if c.type != "PER" and c.key.startswith("name:"):
            for base in _edition_bases(c.forms()):
                editions[base].append(c)
    if not editions:
        return clusters
    gone: set[int] = set()
    for c in clusters:
        if c.type == "PER" or not c.key.startswith("name:") or id(c) in gone:
            continue
        forms = c.forms()
        if any(_YEAR_AT_END.search(normalise(f)) for f in forms):
            continue
        owners = _unique_clusters(o for f in map(normalise, forms) if " " in f
                                  for o in editions.get(f, []) if id(o) not in gone)
        if len(owners) == 1 and owners[0] is not c and _story_shared(c.articles, owners[0].articles, context):
            owners[0].absorb(c)
            gone.add(id(c))
    return [c for c in clusters if id(c) not in gone]


def _story_shared(a: set[str], b: set[str], context: dict[str, set[str]]) -> bool:
    """Whether an article of `a` and one of `b` name at least `MIN_SHARED_CONTEXT` of the same other
    entities: the looser test of one story for an event's name, which names one thing far more
    often than a surname names one person."""
    if a & b:
        return True
    return any(len(context.get(x, set()) & context.get(y, set())) >= MIN_SHARED_CONTEXT for x in a for y in b)


def _context_key(cluster: Cluster) -> str | None:
    """The one context key of a person an article names in full ("Putin" in both articles is shared
    context), or None for a name of one word. One person, one key: a person the gazetteer knows
    counts under its gazetteer key alone (never also under a spelled name), and a person named
    "Amir Khan Muttaqi" and "Amir Muttaqi" in one article counts once, under the fullest form, so
    that the share of shared entities is not diluted by one person counted twice."""
    toks = name_tokens(cluster.full_name())
    return "per:" + " ".join(spelling_key(t) for t in toks) if len(toks) >= 2 else None


def _context_of(articles: set[str], context: dict[str, set[str]]) -> set[str]:
    return set().union(*(context.get(x, set()) for x in articles))


def _shared_context(
    a: set[str], b: set[str], context: dict[str, set[str]], ctx_a: set[str] | None = None
) -> int:
    """How strongly two sets of articles share a story: the number of other entity keys they share,
    or 0 below the thresholds. `ctx_a` is `_context_of(a)` when the caller has it already."""
    if a & b:
        return MIN_SHARED_CONTEXT + 10  # the same article: already decided within it
    if ctx_a is None:
        ctx_a = _context_of(a, context)
    best = 0
    for art in b:
        ctx_b = context.get(art, set())
        shared = len(ctx_a & ctx_b)
        smaller = min(len(ctx_a), len(ctx_b)) or 1
        if shared >= MIN_SHARED_CONTEXT and shared / smaller >= MIN_CONTEXT_OVERLAP:
            best = max(best, shared)
    return best


_TYPE_KIND = {"GPE": "place", "LOC": "place", "ORG": "organisation", "PER": "person", "EVT": "event"}


def _not_the_gazetteer_entry(cluster: Cluster, entry: Entry) -> bool:
    """Whether the articles themselves say a name the gazetteer knows is something else. The
    recognisers saw the gazetteer and the sentence; when they neither keyed any mention to the entry
    nor gave any its type, and at least one article's own rule (a cue word, a head word such as
    "Street", a list of regions) typed it, the gazetteer's type, which knows no context, does not
    override theirs where either
    - the name is one word: one-word place names are also ordinary words and other names ("West" of
      "the West", a region, is not the town West; "Reading", "Nice"); or
    - every mention is another kind of thing than the entry: an office listed under the street or
      building it sits in ("Downing Street" as an organisation) that the articles name as the place.
      A place the gazetteer calls GPE that a rule called LOC ("Falkland Islands", a territory) is
      one kind of thing, and the gazetteer's finer type stays.
    A stored entity whose type already differs from the entry's was decided so before (its rule
    mention is in an earlier batch), so a later batch keeps the decision."""
    if any(m.key == entry.id or m.type == entry.type for _, m in cluster.mentions):
        return False
    if any(entry.type in r.types for r in cluster.records):
        return False
    types = {m.type for _, m in cluster.mentions} | {t for r in cluster.records for t in r.types}
    kind = _TYPE_KIND.get(entry.type)
    if len(name_tokens(cluster.full_name())) != 1 and any(_TYPE_KIND.get(t) == kind for t in types):
        return False
    return any(m.source == "rule" for _, m in cluster.mentions) or any(r.type != entry.type for r in cluster.records)


def _entity_type(cluster: Cluster) -> str:
    gazetteer = load_gazetteer()
    entry = gazetteer.entries.get(cluster.gaz_id) if cluster.gaz_id else None
    if entry is not None and not _not_the_gazetteer_entry(cluster, entry):
        return entry.type
    votes: Counter[str] = Counter()
    for r in cluster.records:
        votes.update(r.types)
    votes.update(m.type for _, m in cluster.mentions)
    return max(votes, key=lambda t: (votes[t], -TYPE_PREFERENCE.index(t) if t in TYPE_PREFERENCE else -99, t))


def entity_id(key: str) -> str:
    """A stable id from the canonical key alone, so that a type decided by vote can change with
    new articles without renaming the entity."""
    return "ent-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def _person_keys(names: Iterable[list[str]]) -> set[str]:
    """What finds a stored person again: the spelling key of each full name, and of its first and
    last words (a surname alone, or a fuller name, in a later article)."""
    keys: set[str] = set()
    for toks in names:
        if not toks:
            continue
        sk = [spelling_key(t) for t in toks]
        keys.update({f"tok:{sk[0]}", f"tok:{sk[-1]}"})
        if len(sk) >= 2:
            keys.add("per:" + " ".join(sk))
    return keys


def _lookup_keys(cluster: Cluster) -> set[str]:
    """Keys under which a stored entity that this cluster may merge with was saved."""
    if cluster.type == "PER" and (cluster.key.startswith("per:") or cluster.gaz_id):
        full = name_tokens(cluster.full_name())
        return {cluster.key} | _person_keys([*_names_of(cluster), full, *_nicknames(cluster, full)])
    return {cluster.key, *org_variant_keys(cluster)[1], *_edition_keys(cluster)}


def _record(cluster: Cluster) -> EntityRecord:
    """The stored form of a cluster: its stored records folded together with this batch's mentions.
    The surviving id is the most-mentioned stored entity's, so ids never change under readers."""
    gazetteer = load_gazetteer()
    entry = gazetteer.entries.get(cluster.gaz_id) if cluster.gaz_id else None
    name = cluster.full_name(entry.preferred if entry else None)
    if entry is not None and (is_acronym(name) or name.isupper()):
        name = entry.preferred[0]
    survivor = max(cluster.records, key=lambda r: (r.n_mentions, r.id)) if cluster.records else None
    aliases: list[str] = []
    seen = {name.casefold()}
    stored_names = [n for r in cluster.records for n in [r.name, *r.aliases]]
    ordered = sorted(cluster.mentions, key=lambda x: (x[0], x[1].start))
    forms = [_POSSESSIVE.sub("", m.text) for _, m in ordered]
    extra = list(entry.preferred) if entry else []
    surname = name.split()[-1]
    type_ = _entity_type(cluster)
    if cluster.type == "PER" and len(name.split()) >= 2 and len(surname) >= 3 and not surname.isupper():
        extra.append(surname)  # how later mentions and other articles name them ("Lavrov")
    for form in [*stored_names, *forms, *extra]:
        if form.casefold() not in seen:
            seen.add(form.casefold())
            aliases.append(form)
    roles: list[Role] = [r for rec in cluster.records for r in rec.roles]
    for art, m in ordered:
        if m.role and not any(r.text == m.role and r.article == art for r in roles):
            roles.append(Role(m.role, art))
    types: Counter[str] = Counter()
    for r in cluster.records:
        types.update(r.types)
    types.update(m.type for _, m in cluster.mentions)
    keys = {cluster.key, *(k for r in cluster.records for k in r.keys)}
    if type_ == "PER" or cluster.type == "PER":
        keys |= _person_keys([*_names_of(cluster), name_tokens(name), *_nicknames(cluster, name_tokens(name))])
    keys |= org_variant_keys(cluster)[0]
    if type_ != "PER":
        keys |= _edition_keys(cluster)
    return EntityRecord(
        id=survivor.id if survivor else entity_id(cluster.key),
        key=cluster.key,
        name=name,
        type=type_,  # type: ignore[arg-type]
        gaz_id=cluster.gaz_id,
        aliases=aliases,
        roles=roles,
        forms=dict(cluster.forms()),
        types=dict(types),
        keys=sorted(keys),
        articles=sorted(cluster.articles),
        n_mentions=sum(r.n_mentions for r in cluster.records) + len(cluster.mentions),
    )


@dataclass
class LinkResult:
    """What linking a chunk of articles changes in the store."""

    records: list[EntityRecord] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    links: list[tuple[str, str, int, int, str]] = field(default_factory=list)
    article_keys: dict[str, set[str]] = field(default_factory=dict)


Fetch = Callable[[set[str]], tuple[list[EntityRecord], dict[str, set[str]]]]


def _no_store(keys: set[str]) -> tuple[list[EntityRecord], dict[str, set[str]]]:
    return [], {}


def link(articles: list[Article], fetch: Fetch = _no_store) -> LinkResult:
    """Merge the mentions of `articles` into entities, with the stored entities `fetch` returns for
    their keys (and the context keys of those entities' articles). Sets every mention's `entity`."""
    clusters: dict[str, Cluster] = {}
    context: dict[str, set[str]] = defaultdict(set)
    per_article = [(article, _article_clusters(article)) for article in articles]
    wanted: set[str] = set()
    for _, found in per_article:
        for c in found:
            wanted |= _lookup_keys(c)
    stored, stored_context = fetch(wanted)
    for aid, keys in stored_context.items():
        context[aid] |= keys
    for rec in stored:
        c = Cluster(rec.key, rec.type, gaz_id=rec.gaz_id, records=[rec])
        if rec.key in clusters:
            clusters[rec.key].absorb(c)
        else:
            clusters[rec.key] = c
    for article, found in per_article:
        for c in found:
            if c.key.startswith("per:"):
                clusters[c.key] = c
                person = _context_key(c)
                if person is not None:
                    context[article.id].add(person)
                continue
            context[article.id].add(c.key)
            if c.key in clusters:
                clusters[c.key].absorb(c)
            else:
                clusters[c.key] = c
    merged = _merge_people(
        _merge_editions(_merge_org_variants(sorted(clusters.values(), key=lambda c: c.key)), context), context
    )
    result = LinkResult(article_keys={a.id: set(context.get(a.id, set())) for a in articles})
    for cluster in merged:
        if not cluster.mentions and len(cluster.records) <= 1:
            continue  # a stored entity this chunk did not touch
        record = _record(cluster)
        for r in cluster.records:
            if r.id != record.id:
                result.redirects[r.id] = record.id
        for aid, m in cluster.mentions:
            m.entity = record.id
            result.links.append((record.id, aid, m.start, m.end, m.text))
        result.records.append(record)
    _add_headline_names(articles, result.records)
    return result


def link_entities(corpus: Corpus) -> Corpus:
    """Rebuild `corpus.entities` from every article's mentions and point each mention at its entity
    (the whole corpus at once, with nothing stored: what a batch into an empty store does)."""
    result = link(corpus.articles)
    refs: dict[str, list[MentionRef]] = defaultdict(list)
    for eid, aid, start, end, text in result.links:
        refs[eid].append(MentionRef(aid, start, end, text))
    entities = [
        Entity(r.id, r.name, r.type, r.aliases, r.roles, sorted(refs[r.id], key=lambda m: (m.article, m.start)))
        for r in result.records
    ]
    corpus.entities = sorted(entities, key=lambda e: (e.type, e.name.casefold(), e.id))
    return corpus


def _add_headline_names(articles: list[Article], records: list[EntityRecord]) -> None:
    """Names an article's headline uses for entities of its body become aliases ("Sergei Lavrov"
    in a headline over a body that writes "Sergey Lavrov"; "Russia" over "Rusia"). A headline is not
    part of the clean text, so these are names, not mentions."""
    gazetteer = load_gazetteer()
    by_id = {e.id: e for e in records}
    for article in articles:
        if not article.title:
            continue
        in_body = {m.entity: m for m in article.mentions if m.entity in by_id}
        found: list[tuple[str, str]] = []  # (entity id, surface)
        keyed = {m.key: eid for eid, m in in_body.items() if m.key}
        for match in gazetteer.scan(article.title):
            if match.entry.id in keyed:
                found.append((keyed[match.entry.id], match.text))
        words = [(w.group(), spelling_key(w.group())) for w in re.finditer(r"[\w'-]+", article.title)]
        keys = [k for _, k in words]
        for eid in in_body:
            entity = by_id[eid]
            if entity.type != "PER":
                continue
            full = [spelling_key(t) for t in name_tokens(entity.name)]
            for i in range(len(keys) - len(full) + 1):
                if len(full) >= 2 and keys[i : i + len(full)] == full:
                    found.append((eid, " ".join(w for w, _ in words[i : i + len(full)])))
        for eid, surface in found:
            entity = by_id[eid]
            if surface.casefold() not in {n.casefold() for n in [entity.name, *entity.aliases]}:
                entity.aliases.append(surface)


@corpus_stage("entities", requires=["article.mentions"], assigns=["corpus.entities", "article.mentions.entity"])
def make_entity_linking(articles_per_entity: int = 50) -> Callable[[list[Article], Any], None]:
    """Merge new mentions into stored entities found by key. `articles_per_entity` bounds how many
    of a stored person's most recent articles serve as context for a surname-only mention, so that a
    much-mentioned entity costs no more than a rare one."""
    # loaded now, while little else is alive: a resource's first load ends in a full garbage
    # collection (`resources.keep_for_process`), which in the middle of a batch walks every article
    # of the chunk (about 0.1 CPU-s of a 500-article run)
    _office_words()

    def stage(articles: list[Article], store: Any) -> None:
        def fetch(keys: set[str]) -> tuple[list[EntityRecord], dict[str, set[str]]]:
            stored = store.entities_by_keys(keys, articles_per_entity)
            # people, and editions of events (which a yearless name joins by context too)
            people = {a for r in stored if r.type == "PER" or r.key.startswith("per:")
                      or any(k.startswith("edition:") for k in r.keys) for a in r.articles}
            return stored, store.article_keys(people)

        result = link(articles, fetch)
        store.redirect_entities(result.redirects)
        store.save_entities(result.records)
        store.link_mentions(result.links)
        for aid, keys in result.article_keys.items():
            store.put_article_keys(aid, keys)

    return stage
