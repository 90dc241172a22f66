"""Word stems, so that one lexicon entry covers a word's derived forms.

Indonesian uses PySastrawi (Nazief-Adriani with its dictionary: bertemu, pertemuan, ditemui -> temu);
English the Snowball stemmer. Both are pure Python and ship their data in the wheel, so nothing is
fetched at run time. Stems are cached: news text repeats its words, and a stem costs 0.05-0.3 ms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from linimasa.resources import keep_for_process

PREFIX_OPENINGS = re.compile(r"di|ke|se|be|me|pe|te|ku|kau|[bcdfghjklmnpqrstvwxyz](?:er|el|em|in)[aiueo]")
"""How a word must begin for any of PySastrawi's prefix rules to take something off it: its plain
prefixes (di-, ke-, se-), the opening every disambiguation rule's pattern starts with (ber-, me-,
pe-, ter-, ku-, kau-, ...) and its infixes after a first consonant (-er-, -el-, -em-, -in-).
`tests/text/test_cache.py` checks every rule of the installed PySastrawi against it."""


_REGEX_SPECIAL = re.compile(r"[.^$*+?{}\[\]\\|()]")


def _removed_part(result: str, word: str) -> str:
    """What PySastrawi's visitors record as taken off `word`: `re.sub(result, "", word, count=1)`,
    the stem used as a pattern. A stem is letters (no regex syntax), so the first literal
    occurrence is the same thing; the pattern form compiled one new pattern per stemmed word,
    which flushed `re`'s 512-pattern cache and with it every other module's patterns."""
    if _REGEX_SPECIAL.search(result):
        return re.sub(result, "", word, count=1)
    return word.replace(result, "", 1)


def _guarded_stemmer(dictionary: Any) -> Any:
    """PySastrawi's stemmer, with its prefix pass skipped for a word no prefix rule can change.

    The pass tries its forty-odd rules in turn on the word, up to three times per attempt, and
    several attempts are made per word: most of the work of stemming a word without a prefix (a
    name, a foreign word), the costliest kind, for nothing. A rule that does not fire leaves the
    stemming state as it was, so skipping the pass when none can fire gives the same stem (the
    same as PySastrawi's own on 640,000 word forms of the shared corpora and affixed roots)."""
    from Sastrawi.Stemmer.Context.Context import Context
    from Sastrawi.Stemmer.Context.Removal import Removal
    from Sastrawi.Stemmer.Context.Visitor.PrefixDisambiguator import PrefixDisambiguator
    from Sastrawi.Stemmer.Context.Visitor.RemoveDerivationalSuffix import RemoveDerivationalSuffix
    from Sastrawi.Stemmer.Context.Visitor.RemoveInflectionalParticle import RemoveInflectionalParticle
    from Sastrawi.Stemmer.Context.Visitor.RemoveInflectionalPossessivePronoun import (
        RemoveInflectionalPossessivePronoun,
    )
    from Sastrawi.Stemmer.Context.Visitor.RemovePlainPrefix import RemovePlainPrefix
    from Sastrawi.Stemmer.Stemmer import Stemmer

    removers = {RemoveInflectionalParticle: "P", RemoveInflectionalPossessivePronoun: "PP",
                RemoveDerivationalSuffix: "DS", RemovePlainPrefix: "DP"}

    class GuardedContext(Context):  # type: ignore[misc]
        def accept(self, visitor: Any) -> None:
            """The visitor's `visit`, step for step, with the removed part taken literally
            (`_removed_part`); other visitors as they are."""
            word = self.current_word
            kind = type(visitor)
            if kind is PrefixDisambiguator:
                result = None
                for disambiguator in visitor.disambiguators:
                    result = disambiguator.disambiguate(word)
                    if self.dictionary.contains(result):
                        break
                if result is None:
                    return
                affix = "DP"
            elif kind in removers:
                result = visitor.remove(word)
                if result == word:
                    return
                affix = removers[kind]
            else:
                visitor.visit(self)
                return
            self.add_removal(Removal(visitor, word, result, _removed_part(result, word), affix))
            self.current_word = result

        def accept_prefix_visitors(self, visitors: Any) -> Any:
            if PREFIX_OPENINGS.match(self.current_word):
                return super().accept_prefix_visitors(visitors)
            # what the loop returns when no visitor changes the word (its callers ignore it)
            return self.current_word if self.dictionary.contains(self.current_word) else None

    class GuardedStemmer(Stemmer):  # type: ignore[misc]
        def stem_singular_word(self, word: str) -> str:
            context = GuardedContext(word, self.dictionary, self.visitor_provider)
            context.execute()
            return str(context.result)

    return GuardedStemmer(dictionary)


@functools.cache
def _stemmer(lang: str) -> Any:
    if lang == "id":
        # PySastrawi's stemmer without the factory's cache in front of it (`stem` below caches), so
        # that a plain word can go to `stem_word` without being normalised twice on the way.
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        return keep_for_process(_guarded_stemmer(ArrayDictionary(StemmerFactory().get_words())))
    import snowballstemmer

    return keep_for_process(snowballstemmer.stemmer("english"))


@functools.lru_cache(maxsize=50_000)
def stem(word: str, lang: str) -> str:
    """The stem of one lower-cased word; other languages fall back to English's stemmer."""
    w = word.casefold()
    if not w.isalpha():
        return w
    if lang == "id":
        if w.isascii():  # a-z only: Sastrawi's normalisation leaves it as it is, one word, no hyphen
            return _stemmer("id").stem_word(w) or w
        return _stemmer("id").stem(w) or w
    return _stemmer("en").stemWord(w)


_SUFFIX_RUNS = sorted(
    {ds + pp + p for ds in ("", "i", "kan", "an", "is", "isme", "isasi") for pp in ("", "ku", "mu", "nya")
     for p in ("", "lah", "kah", "tah", "pun")},
    key=len, reverse=True,
)
"""Every run of suffixes PySastrawi takes off a word's end: a derivational suffix, then a possessive
pronoun, then a particle, each optional (its three suffix rules, in the order they apply)."""


class StemFilter:
    """Whether the Indonesian stem of a word may be one of `stems`, told without stemming it.

    PySastrawi's stem of a word, where it differs from the word, is the word with its suffixes and
    prefixes taken off, the stem's first letter possibly recoded by a prefix rule ("memukul" ->
    "pukul", "menyapu" -> "sapu"): the word always ends in the stem less its first letter followed by
    one of `_SUFFIX_RUNS` (`tests/text/test_cache.py` checks this on every word of the raw-news
    corpus and the affixed roots). A word that is not itself one of `stems` and does not end so
    for any of them has a stem outside `stems`, whatever it is: a caller that only compares stems
    with `stems` need not stem it (most words of a text, at about 15 microseconds a word)."""

    def __init__(self, stems: Iterable[str]) -> None:
        self.stems = frozenset(stems)
        tails = sorted({s[1:][::-1] for s in self.stems if s}, key=len, reverse=True)
        runs = [r[::-1] for r in _SUFFIX_RUNS if r]
        # matched at the start of the reversed word: a suffix run, then a stem's tail
        self._reversed = re.compile(
            "(?:" + "|".join(map(re.escape, runs)) + ")?(?:" + "|".join(map(re.escape, tails)) + ")"
        )

    def may_stem_to(self, word: str, lang: str) -> bool:
        """False only when `stem(word, lang)` is surely not one of the stems (a lower-case word)."""
        if lang != "id" or not (word.isascii() and word.isalpha()) or word in self.stems:
            return True
        return self._reversed.match(word[::-1]) is not None


@functools.cache
def root_words(lang: str) -> frozenset[str]:
    """The language's dictionary of root words (PySastrawi's 29,900 Indonesian roots); empty for a
    language without one."""
    if lang != "id":
        return frozenset()
    from importlib import resources as importlib_resources

    path = importlib_resources.files("Sastrawi.Stemmer") / "data" / "kata-dasar.txt"
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


def is_word(word: str, lang: str) -> bool:
    """Whether a lower-case word is a dictionary word of the language, as it stands or once its
    affixes are stripped ("menyebut" -> "sebut")."""
    roots = root_words(lang)
    if not roots:
        return False
    w = word.casefold()
    return w in roots or (len(w) > 4 and stem(w, lang) in roots and stem(w, lang) != w)
