"""The per-language event lexicon (`resources/<lang>/events.yaml`), compiled for matching.

The lexicon is data so that a new language is a new file; this module only turns its entries into
stem sequences, indexed by their first word, so matching a sentence costs one dictionary lookup per
token.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from linimasa import resources
from linimasa.text.morph import StemFilter, stem

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
GAP = "..."
MAX_GAP = 3
WIDE = "...."  # a gap across a clause's commas: "menetapkan .... sebagai tersangka"
WIDE_GAP = 20


@dataclass(frozen=True)
class Word:
    """One word of a trigger: a stem to match, or an exact form; forms of the stem that do not count."""

    key: str
    exact: bool
    excluded: frozenset[str] = frozenset()

    def matches(self, form: str, form_stem: str) -> bool:
        if self.exact:
            return form == self.key
        return form_stem == self.key and form not in self.excluded


@dataclass(frozen=True)
class Trigger:
    """A lexicon entry: its words (None marks a gap) and its PLOVER type."""

    type: str
    words: tuple[Word | None, ...]
    entry: str
    wide: bool = False  # its gaps are WIDE_GAP ("....") long and pass commas, not MAX_GAP ("...")

    @property
    def length(self) -> int:
        return sum(w is not None for w in self.words)


@dataclass
class Lexicon:
    lang: str
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)  # first word's key -> entries
    avoid: dict[str, frozenset[str]] = field(default_factory=dict)
    retype: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    hypothetical: frozenset[str] = frozenset()
    negated: frozenset[str] = frozenset()
    planned: frozenset[str] = frozenset()
    planned_after: frozenset[str] = frozenset()
    background: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    credit_words: frozenset[str] = frozenset()  # the word before a medium credited ("dilansir AFP")
    report_verbs: frozenset[str] = frozenset()  # verbs of saying before what was said ("menjelaskan, ...")
    not_events: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # by each word
    coordinators: frozenset[str] = frozenset()  # "in Kenya and Tanzania": a second place joined to the first
    press_verbs: frozenset[str] = frozenset()  # "saat ditemui": how the press met a source, no meeting
    press_openers: frozenset[str] = frozenset()  # ... after these words ("saat", "ketika")
    receive_passives: frozenset[str] = frozenset()  # "ancaman ... diterima PT Angkasa Pura": its receiver
    giver_preps: frozenset[str] = frozenset()  # before who gave what was received ("bantuan dari Kemensos")
    people_counters: frozenset[str] = frozenset()  # nouns a number makes a group of people ("11 orang")
    number_words: frozenset[str] = frozenset()  # numbers written in words ("enam", "puluhan")
    not_verbs: frozenset[str] = frozenset()  # words shaped like a passive verb that are none ("terhadap")
    venue_preps: frozenset[str] = frozenset()  # before an institution where an act happens ("di Pengadilan")
    topic_nouns: frozenset[str] = frozenset()  # a noun whose next noun is what it tells of ("informasi ancaman")
    place_nouns: frozenset[str] = frozenset()  # a word for a place between a preposition and its name
    range_words: frozenset[str] = frozenset()  # a word joining a span's two days ("18 hingga 20 Juni")
    title_words: frozenset[str] = frozenset()  # a title's last word before its country ("Presiden Rusia")
    agent_preps: frozenset[str] = frozenset()
    passive_prefixes: tuple[str, ...] = ()
    passive_auxiliaries: frozenset[str] = frozenset()
    clause_words: frozenset[str] = frozenset()
    negation_stops: frozenset[str] = frozenset()  # "tak berkutik saat ditangkap": a negation before is another's
    actor_nouns: frozenset[str] = frozenset()
    verb_only_prefixes: tuple[str, ...] = ()  # prefixes that start verbs only ("me-", "di-"; not "ter-": "terkait")
    actor_heads: frozenset[str] = frozenset()  # actor nouns that take the next word along ("pihak penggugat")
    pronouns_singular: tuple[tuple[str, ...], ...] = ()
    pronouns_plural: tuple[tuple[str, ...], ...] = ()
    receive_verbs: frozenset[str] = frozenset()  # "menerima ancaman": the receiver is the act's target
    first_person: frozenset[str] = frozenset()  # "kami", "saya": the speaker of the quote they are in
    summary: dict[str, Any] = field(default_factory=dict)
    bare_verbs: frozenset[str] = frozenset()
    purpose: frozenset[str] = frozenset()
    purpose_clauses: frozenset[str] = frozenset()  # purpose words that open only a purpose clause ("agar")
    needs_counterpart: frozenset[str] = frozenset()  # "membahas": a meeting only with whom ("dengan", "bersama")
    counterpart_words: frozenset[str] = frozenset()
    needs_named_target: frozenset[str] = frozenset()  # stems ("dukung"): an act only toward a named actor
    plural_suffixes: frozenset[str] = frozenset()  # "-s": a demonym's plural is a people ("Palestinians")
    adjunct_preps: frozenset[str] = frozenset()  # "setelah serangan": a noun after them is an act of its own
    target_preps: frozenset[str] = frozenset()  # "terhadap", "against": the actor after is whom the act befell
    between_words: frozenset[str] = frozenset()  # "antara A dan B": the two parties of an act done together
    not_only: frozenset[str] = frozenset()  # "tak hanya", "not only": no negation
    perfective: frozenset[str] = frozenset()  # "sudah", "telah" right before a trigger: it happened
    result_verbs: frozenset[str] = frozenset()  # "menewaskan": after an act of its type, that act's result
    obligations: frozenset[str] = frozenset()  # "harus": in a speaker's words, a demand (REQUEST)
    addressee_words: frozenset[str] = frozenset()  # "masyarakat", "jajaran": whom a request asks, though no actor
    addressee_clauses: frozenset[str] = frozenset()  # "agar": the subject right after it is the one asked
    quantifiers: frozenset[str] = frozenset()  # "seluruh", "semua": part of the actor noun after them
    verb_adverbs: frozenset[str] = frozenset()  # "juga", "pun": between a subject and its verb
    relatives: frozenset[str] = frozenset()  # "yang": opens a relative clause on the noun before it
    group_pronouns: frozenset[str] = frozenset()  # "mereka": may stand for a group a common noun named
    phrase_breaks: frozenset[str] = frozenset()  # clause words and prepositions: where a noun's phrase ends
    obligation_vetoes: frozenset[str] = frozenset()  # "yang harus", "tanpa harus": no demand
    case_nouns: frozenset[str] = frozenset()  # "kasus pembunuhan X": the case's violence happened
    case_types: frozenset[str] = frozenset()  # ... for triggers of these types
    abilities: frozenset[str] = frozenset()  # "mampu menahan amunisi": an act after them is possible, not done
    consequents: frozenset[str] = frozenset()  # "maka", "ya": a condition's main clause starts after them
    demonstratives: frozenset[str] = frozenset()
    complementisers: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    verb_prefixes: tuple[str, ...] = ()
    nouns: frozenset[str] = frozenset()
    derived_noun_prefixes: tuple[str, ...] = ()
    derived_noun_suffixes: tuple[str, ...] = ()
    _stem_filter: StemFilter | None = field(default=None, init=False, repr=False, compare=False)
    surfaces: dict[tuple[str, str], tuple[str, str, bool]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    """(form, stem, capitalised) of the words `tokens_of` has seen, by (word as written, language),
    with the stems `stem_filter` leaves out."""

    def is_derived_noun(self, form: str) -> bool:
        """A noun made from a verb ("peningkatan", "pembahasan"): what follows it is its topic."""
        return bool(self.derived_noun_prefixes) and form.startswith(self.derived_noun_prefixes) and form.endswith(
            self.derived_noun_suffixes) and len(form) > 7

    def is_noun(self, form: str) -> bool:
        """Whether a trigger word is a noun (see `bare_verbs` in the lexicon)."""
        if self.verb_prefixes:
            return (form not in self.bare_verbs and form not in self.obligations
                    and not form.startswith(self.verb_prefixes))
        return form in self.nouns

    def stem_filter(self) -> StemFilter:
        """What a token's stem may match: the first-word keys and every word key of the triggers
        (built on first use, from the triggers then loaded). A token whose stem cannot be one of them
        matches and fails to match every trigger word the same way with its form in the stem's place
        (`linimasa.events.extract.tokens_of`)."""
        if self._stem_filter is None:
            keys = set(self.triggers)
            keys.update(w.key for entries in self.triggers.values() for t in entries for w in t.words if w is not None)
            self._stem_filter = StemFilter(keys)
        return self._stem_filter

    def candidates(self, form: str, form_stem: str) -> list[Trigger]:
        """Entries whose first word may match this token (exact form or stem)."""
        out = self.triggers.get(form, [])
        if form_stem != form:
            out = out + self.triggers.get(form_stem, [])
        return out


def _word(token: str, lang: str, excluded: frozenset[str]) -> Word:
    if token.startswith("="):
        return Word(token[1:].casefold(), True)
    return Word(stem(token, lang), False, excluded)


def compile_entry(type_: str, entry: str, lang: str) -> Trigger:
    parts = entry.split()
    excluded = frozenset(p[1:].casefold() for p in parts if p.startswith("!"))
    words = tuple(None if p in (GAP, WIDE) else _word(p, lang, excluded) for p in parts if not p.startswith("!"))
    if not words or words[0] is None or words[-1] is None:
        raise ValueError(f"event lexicon ({lang}): entry {entry!r} must start and end with a word")
    return Trigger(type_, words, entry, wide=WIDE in parts)


def _words(data: dict[str, Any], name: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in data.get(name) or [])


@functools.cache
def load_lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of `lang`; languages without one use English's (the wider fallback)."""
    data = resources.load_or_empty(lang, "events")
    if not data:
        lang, data = "en", resources.load("en", "events")
    lex = Lexicon(lang)
    for type_, entries in (data.get("triggers") or {}).items():
        if type_ not in PLOVER_TYPES:
            raise ValueError(f"event lexicon ({lang}): {type_!r} is not a PLOVER type")
        for entry in entries:
            t = compile_entry(type_, str(entry), lang)
            first = t.words[0]
            assert first is not None
            lex.triggers.setdefault(first.key, []).append(t)
    for entries in lex.triggers.values():
        entries.sort(key=lambda t: -t.length)
    lex.avoid = {t: frozenset(w.casefold() for w in ws) for t, ws in (data.get("avoid") or {}).items()}
    lex.retype = {t: {n: frozenset(w.casefold() for w in ws) for n, ws in to.items()}
                  for t, to in (data.get("retype") or {}).items()}
    mode = data.get("mode") or {}
    lex.hypothetical = _words(mode, "hypothetical")
    lex.negated = _words(mode, "negated")
    lex.planned = _words(mode, "planned")
    for name in ("planned_after", "background", "speech", "place_preps", "agent_preps", "passive_auxiliaries",
                 "clause_words", "negation_stops", "actor_nouns", "actor_heads", "bare_verbs", "nouns", "purpose",
                 "purpose_clauses",
                 "needs_counterpart", "counterpart_words",
                 "needs_named_target", "result_verbs", "not_only", "perfective", "between_words", "target_preps",
                 "adjunct_preps", "plural_suffixes", "obligations", "obligation_vetoes", "consequents",
                 "abilities", "case_nouns",
                 "demonstratives",
                 "complementisers", "light_verbs", "receive_verbs", "credit_words", "place_nouns", "range_words",
                 "title_words", "topic_nouns", "report_verbs", "venue_preps", "not_verbs", "giver_preps",
                 "people_counters", "number_words", "receive_passives",
                 "press_verbs", "press_openers", "coordinators", "addressee_words", "addressee_clauses", "quantifiers",
                 "verb_adverbs", "relatives", "group_pronouns"):
        setattr(lex, name, _words(data, name))
    # where a common noun's phrase ends, for `_crosses` in extract.py: read once here, not per trigger
    lex.phrase_breaks = lex.clause_words | lex.place_preps | lex.target_preps | lex.giver_preps | lex.agent_preps
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in data.get("not_events") or ():
        words = tuple(str(phrase).casefold().split())
        for w in set(words):
            phrases.setdefault(w, []).append(words)
    lex.not_events = {w: tuple(ps) for w, ps in phrases.items()}
    lex.case_types = frozenset(str(t) for t in data.get("case_types") or ())  # type names, as written
    lex.passive_prefixes = tuple(data.get("passive_prefixes") or ())
    lex.verb_prefixes = tuple(data.get("verb_prefixes") or ())
    lex.verb_only_prefixes = tuple(data.get("verb_only_prefixes") or ())
    derived = data.get("derived_nouns") or {}
    lex.derived_noun_prefixes = tuple(derived.get("prefixes") or ())
    lex.derived_noun_suffixes = tuple(derived.get("suffixes") or ())
    pronouns = data.get("pronouns") or {}
    lex.pronouns_singular = tuple(tuple(p.casefold().split()) for p in pronouns.get("singular") or [])
    lex.pronouns_plural = tuple(tuple(p.casefold().split()) for p in pronouns.get("plural") or [])
    lex.first_person = frozenset(p.casefold() for p in pronouns.get("first_person") or [])
    lex.summary = data.get("summary") or {}
    return lex
