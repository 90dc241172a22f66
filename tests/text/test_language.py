"""The one language decision (linimasa.text.language), made by meta and read by timex."""

from __future__ import annotations

from linimasa.model import Article
from linimasa.text.language import article_language, detect_language, language_or_default
from linimasa.timex.stage import article_language as timex_language

ID = "Presiden Joko Widodo mengatakan pemerintah akan terus memperkuat kerja sama ekonomi dengan negara tetangga."
EN = "The central bank said on Tuesday that it would hold interest rates steady for the rest of the year."


def test_detects_indonesian_and_english() -> None:
    assert detect_language(ID) == "id"
    assert detect_language(EN) == "en"
    assert detect_language("12 34 56 -- !!") == "und"


def test_the_raw_page_decides_when_the_cleaner_kept_no_text() -> None:
    assert article_language("", ID) == "id"
    assert article_language(EN, ID) == "en"  # the clean text wins when there is one
    assert article_language("", "") == "und"


def test_stages_without_resources_for_a_language_use_the_default() -> None:
    assert language_or_default("fr", ["en", "id"]) == "id"
    assert language_or_default("en", ["en", "id"]) == "en"


def test_timex_agrees_with_the_meta_decision() -> None:
    for text in (ID, EN, ""):
        art = Article(id="a", source="a", raw=ID, text=text)
        art.language = article_language(art.text, art.raw)
        assert timex_language(art) == language_or_default(art.language, ["en", "id"])


def test_packaged_model_was_cut_from_the_installed_py3langid() -> None:
    """The cut in the package matches the py3langid model installed; after an upgrade (or a new
    language folder) rerun scripts/build_langid_model.py."""
    import hashlib

    import numpy as np
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from linimasa import resources
    from linimasa.text.language import MODEL

    with np.load(resources.path(*MODEL), allow_pickle=False) as model:
        assert str(model["py3langid_version"]) == py3langid.__version__
        assert str(model["source_sha256"]) == hashlib.sha256((MODEL_DIR / MODEL_FILE).read_bytes()).hexdigest()
        assert sorted(model["languages"].tolist()) == resources.languages()


def test_packaged_model_scores_as_py3langid_own_model() -> None:
    """Not just the same language: the same scores, bit for bit, on the bundled sample and on short,
    mixed and empty texts, for every restriction the cut can serve."""
    from importlib import resources as importlib_resources

    from linimasa.text.language import _full_identifier, _packaged_identifier

    sample = importlib_resources.files("linimasa") / "sample"
    texts = [p.read_text(encoding="utf-8") for p in sample.iterdir() if p.name.endswith(".txt")]
    texts = [t[:n] for t in texts for n in (40, 800, len(t))] + [ID, EN, ID + " " + EN, "", "Halo, kawan Pal."]
    for languages in [("en", "id"), ("id",), ("en",)]:
        fast, full = _packaged_identifier(languages), _full_identifier(languages)
        assert fast is not None and fast.nb_classes == full.nb_classes
        for text in texts:
            assert fast._decide(text).tobytes() == full._decide(text).tobytes(), text[:80]
    assert _packaged_identifier(("ms", "id")) is None  # a language the cut lacks: py3langid's own model


def test_the_automaton_is_no_deeper_than_the_windowed_walk_reads() -> None:
    """`SCANNER_DEPTH` bytes decide the automaton's state (the windowed walk of `_windowed`): no state
    of the packaged automaton is further than that from the start (breadth first, every byte)."""
    import numpy as np

    from linimasa.text.language import SCANNER_DEPTH, _identifier, default_languages

    identifier = _identifier(default_languages())
    nextmove = np.asarray(identifier.tk_nextmove)
    rowbase = np.asarray(identifier._rowbase, dtype=np.intp)
    depth = np.full(len(rowbase), -1)
    depth[0] = 0
    frontier, level = np.array([0]), 0
    while len(frontier):
        level += 1
        reached = np.unique(nextmove[(rowbase[frontier][:, None] + np.arange(256)).ravel()].astype(np.intp))
        frontier = reached[depth[reached] < 0]
        depth[frontier] = level
    assert (depth >= 0).all() and depth.max() <= SCANNER_DEPTH


def test_windowed_walk_counts_as_py3langid_walk() -> None:
    """The same feature counts, in the same order, as py3langid's byte-by-byte walk, on random bytes
    and text (every length from empty to beyond the window)."""
    import random

    from py3langid.langid import visit_counts

    from linimasa.text.language import _identifier, default_languages

    identifier = _identifier(default_languages())
    rnd = random.Random(12)
    samples = [bytes(rnd.randrange(256) for _ in range(n)) for n in range(0, 40)]
    samples += [identifier._encode(ID[:n] + EN[:n]) for n in range(0, 200, 7)]
    for data in samples:
        want = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
        got = identifier._visits(data)
        assert (want is None and got is None) or list(want.items()) == list(got.items())


def test_scores_from_arrays_are_py3langid_scores() -> None:
    """`_raw_score` reads the features and counts as arrays, not out of a `Counter`: the same scores,
    bit for bit, as py3langid's `_sparse_score` over its own walk's counts."""
    import random

    import numpy as np
    from py3langid.langid import visit_counts

    from linimasa.text.language import _identifier, default_languages

    identifier = _identifier(default_languages())
    rnd = random.Random(7)
    samples = [bytes(rnd.randrange(256) for _ in range(n)) for n in range(0, 60, 3)]
    samples += [identifier._encode(ID[:n] + " " + EN[: n // 2]) for n in range(0, 400, 11)]
    for data in samples:
        want = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
        got = identifier._raw_score(data)
        if want:
            expected = identifier._sparse_score(want, identifier.nb_ptc)
            assert got.dtype == expected.dtype and np.array_equal(got, expected)
