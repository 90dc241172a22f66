"""Caches that keep what was computed from recent texts (`linimasa.text.cache`) and the per-spelling
caches of the text layer: bounded, and never a different answer than computing afresh."""

from __future__ import annotations

import re

from linimasa.text.cache import TextCache


def test_text_cache_is_bounded_by_characters_least_recently_used_first_out() -> None:
    cache = TextCache(10)
    cache.put("aaaa", 1, "A")
    cache.put("bbbb", 1, "B")
    assert cache.get("aaaa", 1) == "A"  # now the most recently used
    cache.put("cccc", 1, "C")  # 12 characters: the least recently used text goes
    assert cache.get("bbbb", 1) is None
    assert (cache.get("aaaa", 1), cache.get("cccc", 1)) == ("A", "C")
    assert cache.chars == 8


def test_text_cache_keeps_keys_apart_and_skips_a_text_longer_than_its_bound() -> None:
    cache = TextCache(10)
    cache.put("aaaa", "id", 1)
    cache.put("aaaa", "en", 2)
    assert (cache.get("aaaa", "id"), cache.get("aaaa", "en")) == (1, 2)
    cache.put("x" * 11, "id", 3)
    assert cache.get("x" * 11, "id") is None
    assert cache.chars == 8


def test_plain_words_stem_as_pysastrawi_stems_them() -> None:
    """`stem` sends a-z words straight to PySastrawi's `stem_word`; its own stemmer (normalising,
    splitting, caching) must give the very same stems, for plain words and for the others."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from linimasa.text.morph import stem

    reference = StemmerFactory().create_stemmer()
    text = (
        "Presiden menyampaikan bahwa pertemuan itu dipertimbangkan kembali; para menteri berbalas-balasan "
        "pernyataan, memperjuangkan kepentingannya, mempengaruhi keputusan, belajar, pelajaran, belasan "
        "dijelajahi, menyebutkan, pengakuannya, kebersamaan, perekonomian, café, naïve, Ḥadīth"
    )
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
    for w in sorted(words):
        assert stem(w, "id") == (reference.stem(w) or w), w


def test_gazetteer_scans_the_same_with_what_it_kept_from_earlier_texts() -> None:
    from linimasa.text.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    texts = [
        "Presiden Prabowo Subianto bertemu Perdana Menteri Jepang di Tokyo, lalu terbang ke Amerika Serikat.",
        "Edhy Prabowo tiba di Jakarta; PBB dan AS mengecam serangan di Jalur Gaza.",
        "Menteri Luar Negeri Rusia Sergey Lavrov berbicara di Moskwa tentang Afghanistan.",
    ]
    first = [[(m.start, m.end, m.entry.id) for m in gaz.scan(t)] for t in texts]
    again = [[(m.start, m.end, m.entry.id) for m in gaz.scan(t)] for t in reversed(texts)]
    assert first == list(reversed(again))
    assert any(first)


def test_no_prefix_rule_changes_a_word_the_guard_lets_pass() -> None:
    """`morph.PREFIX_OPENINGS` must cover every prefix rule of the installed PySastrawi: a word whose
    opening it does not match is one that no rule changes (every three-letter opening, each with
    endings that complete the rules' patterns)."""
    import itertools
    import string

    from Sastrawi.Stemmer.Context.Visitor.VisitorProvider import VisitorProvider

    from linimasa.text.morph import PREFIX_OPENINGS

    provider = VisitorProvider()
    plain = provider.get_prefix_visitors()[0]
    rules = [d for v in provider.get_prefix_visitors()[1:] for d in v.disambiguators]
    assert len(rules) > 40 and plain.remove("dibawa") == "bawa"
    checked = 0
    for a, b, c in itertools.product(string.ascii_lowercase, repeat=3):
        for word in (a + b + c + "ajar", a + b + c + "eran", a + b + c):
            if PREFIX_OPENINGS.match(word):
                continue
            checked += 1
            assert plain.remove(word) == word, word
            assert all(r.disambiguate(word) is None for r in rules), word
    assert checked > 40_000


def test_stems_are_pysastrawis_for_names_and_affixed_words() -> None:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from linimasa.text.morph import stem

    reference = StemmerFactory().create_stemmer()
    words = ["prabowo", "gibran", "jakarta", "widodo", "mulyani", "kinerja", "gemetar", "telunjuk", "seruling",
             "gerigi", "kemudian", "kautarik", "kuambil", "terpercaya", "pelajar", "belajar", "memperbaharui",
             "mengkaji", "penyanyi", "pemerintahan", "tetapi", "sinergi", "bersinergi", "menyinergikan",
             "pertanggungjawaban", "bermain", "permainan", "dimainkan"]
    for w in words:
        assert stem(w, "id") == (reference.stem(w) or w), w


def test_a_word_ends_in_its_stem_less_its_first_letter_and_a_suffix_run() -> None:
    """What `morph.StemFilter` rests on: where PySastrawi's stem of a word differs from it, the word
    ends in the stem less its first letter followed by one of `_SUFFIX_RUNS`; so a filter built on a
    word's stem lets the word through, and the filter never hides a stem it was built on."""
    import itertools

    from linimasa.text.morph import _SUFFIX_RUNS, StemFilter, root_words, stem

    roots = sorted(root_words("id"))[::50]
    prefixes = ["", "me", "mem", "men", "meng", "meny", "ber", "be", "ter", "te", "di", "ke", "se", "pe", "pem",
                "pen", "peng", "peny", "per", "memper", "diper", "ku", "kau"]
    suffixes = ["", "i", "kan", "an", "nya", "lah", "kannya", "annya", "ilah", "kanlah"]
    pairs = []
    for i, (root, prefix, suffix) in enumerate(itertools.product(roots, prefixes, suffixes)):
        if i % 7:
            continue  # a seventh of the combinations: enough to meet every rule, quick enough to run
        word = prefix + root + suffix
        s = stem(word, "id")
        if s != word:
            assert any(word.endswith(s[1:] + run) for run in _SUFFIX_RUNS), (word, s)
            pairs.append((word, s))
    assert len(pairs) > 800
    both = StemFilter({s for _, s in pairs})
    assert all(both.may_stem_to(word, "id") for word, _ in pairs)
    other = StemFilter(["pukul"])
    assert other.may_stem_to("memukul", "id") and other.may_stem_to("pukulan", "id")
    assert not other.may_stem_to("membaca", "id") and not other.may_stem_to("jakarta", "id")
