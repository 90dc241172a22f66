"""The language of an article, decided once (by the meta stage) with py3langid.

py3langid is langid.py's model and algorithm repackaged: its model ships inside the PyPI package (no
download) and loads in about a third of the time (~1 CPU-s where langid.py spends ~3 per process
decompressing its model, which every worker of a batch pays). On the 5,447 articles of the raw
scrape it decides as langid.py did on all but 9 near-empty texts ("Halo, kawan Pal.", a title and
a date), where it says Indonesian and langid.py said English; on the English and Indonesian pages
of the HTML benchmark it decides as langid.py did on every page. Its own model file still costs a
second or more per process (LZMA over 68 MB), so linimasa loads a packaged cut of it instead (see
`_packaged_identifier`): same scores, a fraction of the start-up.

The detector is restricted to the languages linimasa has resources for (one folder per language
under `linimasa/resources`), because an unrestricted one often calls Indonesian news Malay ("ms"),
and a label no later stage has resources for is of no use. A fixed, deterministic model: the same
text always gets the same answer.
"""

from __future__ import annotations

import functools
from array import array
from collections import Counter
from typing import Any

from linimasa import resources
from linimasa.text.tokens import LETTER

MAX_CHARS = 800
"""The first paragraphs say what language an article is in; reading more only costs time."""

MIN_LETTERS = 10
"""Fewer letters than this in the first 200 characters: nothing to tell a language from."""

SHORT_TEXT_WORDS = 20
"""A text shorter than this is too short to overrule a language an article already has."""


MODEL = ("shared", "langid/model.npz")
"""py3langid's model cut to the languages with a resource folder, by scripts/build_langid_model.py."""


@functools.cache
def _identifier(languages: tuple[str, ...]) -> Any:
    """py3langid restricted to `languages` (those it knows), from the packaged cut of its model when
    that holds them (every run with the resource languages), else from py3langid's own model."""
    identifier = _packaged_identifier(languages)
    return resources.keep_for_process(identifier if identifier is not None else _full_identifier(languages))


def _full_identifier(languages: tuple[str, ...]) -> Any:
    """py3langid's own model restricted to `languages`: the definition the packaged cut is held to."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    supported = set(identifier.nb_classes)
    wanted = [lang for lang in languages if lang in supported]
    if wanted:
        identifier.set_languages(wanted)
    return identifier


def _packaged_identifier(languages: tuple[str, ...]) -> Any | None:
    """The identifier `_identifier` builds from py3langid's own model, built from the packaged cut
    of it instead; None when that cut cannot give the same decisions (other languages asked for, or
    another py3langid installed than the one it was cut from).

    py3langid decompresses its whole 68 MB model (LZMA) on every start, one to two seconds of CPU
    per process; the cut holds the same automaton and the same columns of the languages we restrict
    it to, loads in about a tenth of the time, and restricting it gives the very arrays that
    restricting the full model gives, so every score is bit for bit the same.
    """
    import numpy as np
    import py3langid
    from py3langid.langid import LanguageIdentifier

    with np.load(resources.path(*MODEL), allow_pickle=False) as model:
        if str(model["py3langid_version"]) != py3langid.__version__:
            return None
        supported = set(model["classes"].tolist())
        wanted = [lang for lang in languages if lang in supported]
        kept: list[str] = model["languages"].tolist()  # the cut's columns, in the model's class order
        if not wanted or not set(wanted) <= set(kept):
            return None  # an unrestricted detector, or languages the cut does not hold
        ptc, pc = model["ptc"], model["pc"]
        nextmove = _dense_rows(model)
        row, output = model["nextmove_row"], model["out_feat"].tolist()
    # As py3langid.modelio.load_model hands them over (stdlib arrays for the automaton walk), but the
    # transitions as the numpy array they are: only the windowed walk reads them (a 40 MB copy less)
    identifier = _windowed(LanguageIdentifier)(
        ptc, pc, kept, nextmove.ravel(), output, norm_probs=False, tk_row=_stdlib_array(row)
    )
    identifier.set_languages(wanted)
    return identifier


SCANNER_DEPTH = 6
"""The longest feature of py3langid's automaton, in bytes (its deepest state; the packaged cut keeps
the whole automaton, and `tests/text/test_language.py` finds this depth in it)."""


@functools.cache
def _windowed(base: type) -> type:
    """py3langid's `LanguageIdentifier` with its automaton walk (`visit_counts`, a Python loop over
    every byte of the sample, the larger part of deciding a language) done by numpy for all bytes at
    once, to the same feature counts.

    The automaton is an Aho-Corasick scanner over the model's byte n-grams: its state after a byte
    is the longest feature prefix that ends there, which the last `SCANNER_DEPTH` bytes decide
    alone. So the state at every position is the walk from the start state over the bytes of its
    window: `SCANNER_DEPTH` steps of table look-ups over the whole sample, in place of one step per
    byte. The features are then counted in the order the walk meets them (a `Counter` of the same
    list), so the scores are summed in the same order and come out bit for bit the same."""
    import numpy as np

    class Windowed(base):  # type: ignore[misc, valid-type]
        def _raw_score(self, text: bytes) -> Any:
            counted = self._counted(text)
            if counted is not None:
                # py3langid's `_sparse_score` over the same features in the same order, from the
                # arrays (it reads them out of a `Counter`, one Python int at a time)
                features, counts = counted
                return np.log1p(counts.astype(np.float32)) @ self.nb_ptc[features] + self.nb_pc
            return super()._raw_score(b"")  # no features: py3langid's own answer for that

        def _visits(self, text: bytes) -> Counter[int] | None:
            """The features the walk meets and how often, in the order it first meets them (what
            py3langid's `visit_counts` gives)."""
            counted = self._counted(text)
            if counted is None:
                return None
            return Counter(dict(zip(counted[0].tolist(), counted[1].tolist(), strict=True)))

        def _counted(self, text: bytes) -> tuple[Any, Any] | None:
            """`_visits` as two arrays: the features in the order the walk first meets them, and
            their counts."""
            tables = self.__dict__.get("_windowed_tables")
            if tables is None:
                nextmove = self.tk_nextmove
                tables = self._windowed_tables = (
                    nextmove if isinstance(nextmove, np.ndarray) else np.frombuffer(nextmove, dtype=nextmove.typecode),
                    np.asarray(self._rowbase, dtype=np.intp),
                    np.asarray(self.tk_output, dtype=np.intp),
                )
            nextmove, rowbase, output = tables
            data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
            n = len(data)
            state = np.zeros(n, dtype=np.intp)
            # the window of the byte at i runs from i - depth + 1: its first byte moves every state
            # from the start, the last brings it to i (a position less than depth - 1 into the
            # sample starts its walk at the sample's start, as the walk over the whole sample does)
            for back in range(min(SCANNER_DEPTH, n) - 1, -1, -1):
                state[back:] = nextmove[rowbase[state[back:]] + data[: n - back]]
            found = output[state]
            found = found[found >= 0]
            if not len(found):
                return None
            features, first, counts = np.unique(found, return_index=True, return_counts=True)
            order = np.argsort(first)  # the first meetings are distinct positions: no ties
            return features[order], counts[order]

    return Windowed


def _dense_rows(model: Any) -> Any:
    """The automaton's transition rows (distinct rows x 256 input bytes) from their packaged form:
    per byte the state most rows go to, a bit per entry that differs, and the differing states
    (scripts/build_langid_model.py writes them and checks that this rebuilds the model's rows)."""
    import zlib

    import numpy as np

    common = model["nextmove_common"]
    shape = (int(model["nextmove_rows"]), len(common))
    bits = np.frombuffer(zlib.decompress(model["nextmove_differs_zlib"].tobytes()), np.uint8)
    differs = np.unpackbits(bits, count=shape[0] * shape[1]).view(bool).reshape(shape)
    rows = np.empty(shape, common.dtype)
    rows[:] = common
    rows[differs] = np.frombuffer(zlib.decompress(model["nextmove_values_zlib"].tobytes()), common.dtype)
    return rows


def _stdlib_array(values: Any) -> array[int]:
    """py3langid.modelio._to_array: an unsigned numpy array as array('H'/'I'/'L'), same width."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(values.tobytes())
    return out


@functools.cache
def default_languages() -> tuple[str, ...]:
    """The languages that have a resource folder."""
    return tuple(resources.languages())


def detect_language(text: str, languages: tuple[str, ...] | None = None) -> str:
    """ISO 639-1 code of `text`, or "und" when there is no text to tell from."""
    return _detect(text[:MAX_CHARS], languages or default_languages())


@functools.lru_cache(maxsize=4096)
def _detect(sample: str, languages: tuple[str, ...]) -> str:
    """Cached (a sample is at most `MAX_CHARS` long, so a few thousand cost a few MB): the meta stage
    decides, and a later stage that checks the body asks the same question, the corpus stage
    "dating" among them, for articles of the batch's last chunks."""
    if len(LETTER.findall(sample[:200])) < MIN_LETTERS:
        return "und"
    lang, _score = _identifier(languages).classify(sample)
    return str(lang)


def article_language(text: str, raw: str = "", languages: tuple[str, ...] | None = None) -> str:
    """The one language decision of an article: from its clean text, or from the raw page when the
    cleaner kept no text at all (a page of captions and links is still in some language, and the
    date lines the timex stage reads in it are written in that language). "und" when neither says."""
    return detect_language(text or raw, languages)


def language_or_default(lang: str, available: list[str] | tuple[str, ...]) -> str:
    """`lang` when a stage has resources for it, else the stage's default ("id", the language the
    project is built for, when available): a stage must read an undetermined text with some rules."""
    if lang in available:
        return lang
    return "id" if "id" in available else available[0]


__all__ = ["article_language", "default_languages", "detect_language", "language_or_default"]
