"""Word stems, so that one lexicon entry covers a word's derived forms.

Indonesian uses PySastrawi (Nazief-Adriani with its dictionary: bertemu, pertemuan, ditemui -> temu);
English the Snowball stemmer. Both are pure Python and ship their data in the wheel, so nothing is
fetched at run time. Stems are cached: news text repeats its words, and a stem costs 0.05-0.3 ms.
"""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def _stemmer(lang: str) -> Any:
    if lang == "id":
        # PySastrawi's stemmer without the factory's cache in front of it (`stem` below caches), so
        # that a plain word can go to `stem_word` without being normalised twice on the way.
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.Stemmer import Stemmer
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        return Stemmer(ArrayDictionary(StemmerFactory().get_words()))
    import snowballstemmer

    return snowballstemmer.stemmer("english")


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
