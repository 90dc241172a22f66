"""Language resources (lexicons, patterns, gazetteers) as data files, one folder per language.

A stage asks for a resource by language and name: `load("id", "clean")` reads
`resources/id/clean.yaml`. Adding a language is adding a folder; no stage code changes. Resources
are cached because stages call `load` per article.
"""

from __future__ import annotations

import csv
import functools
import gc
import gzip
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(str(importlib_resources.files(__name__)))

_T = TypeVar("_T")


def keep_for_process(value: _T) -> _T:
    """`value`, just loaded once for the whole process (a model, a gazetteer, a word list), after
    moving it and every other object alive now out of the cyclic garbage collector's view
    (`gc.freeze`); loaders call it on the way out of their cached body.

    Why: such resources live until the process ends, yet each full collection walks all their
    millions of objects again, and a long article's millions of short-lived ones set off enough
    collections that the rescans were a large part of the entities stage on big inputs. Frozen
    objects are never collected, which is right for what lives for the process; anything else alive
    at that moment is still freed by reference counting, and a collection just before the freeze frees
    the cycles among it, so that a load in the middle of an article does not keep that article's
    garbage for good (the collection walks only what is not frozen yet: little after the first load).
    In a parent process, freezing before workers fork also keeps the collector from writing to those
    objects, so their copy-on-write pages stay shared. Outputs do not depend on it."""
    gc.collect()
    gc.freeze()
    return value


CACHE_FORMAT = 1
"""Part of every cache key: raise it when what `cached` stores changes shape."""


def cache_dir() -> Path | None:
    """Where `cached` keeps what it built: ``$LINIMASA_CACHE_DIR`` if set (empty: no cache at all),
    else ``$XDG_CACHE_HOME/linimasa`` or ``~/.cache/linimasa``. None when caching is off."""
    configured = os.environ.get("LINIMASA_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "linimasa"


def _cache_key(name: str, sources: Sequence[Path]) -> str:
    """A digest of everything the cached value is made from: each source file's path, size and
    modification time (one `stat` each, no read), the Python version (pickles of numpy arrays and of
    the project's classes are only read back by the code that wrote them) and `CACHE_FORMAT`."""
    h = hashlib.sha256(f"{CACHE_FORMAT}\0{sys.version}\0{name}".encode())
    for source in sources:
        st = os.stat(source)
        h.update(f"\0{os.path.abspath(source)}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def cached(name: str, sources: Sequence[Path], build: Callable[[], _T]) -> _T:
    """``build()``, or what an earlier process built from the same ``sources``, read back from a pickle
    in `cache_dir` (a fresh process then skips parsing model files and building their indexes: most of
    a small run's start).

    ``sources`` are every file the value depends on, data and the modules defining its classes: any
    change to one (size or modification time) gives another key, so a stale file is never read; it is
    replaced by the new one. Nothing needs the cache: a missing, unreadable or unwritable cache
    directory, a corrupt file or a source that cannot be stat-ed just means ``build()`` (and no write
    when writing fails). The cache lives in the user's own directory, which is trusted like the
    package itself (a pickle runs code when read)."""
    directory = cache_dir()
    try:
        key = _cache_key(name, sources) if directory is not None else None
    except OSError:
        key = None
    if directory is None or key is None:
        return build()
    # one file per name and install (the folder of the first source, the Python): two checkouts or
    # virtualenvs sharing the user's cache keep a file each instead of replacing each other's every run
    install = (os.path.abspath(os.path.dirname(sources[0])) if sources else "") + "\0" + sys.version
    stem = f"{name}-{hashlib.sha256(install.encode()).hexdigest()[:8]}"
    target = directory / f"{stem}-{key}.pickle"
    try:
        with open(target, "rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
    except Exception:  # missing, truncated, or written by other code: build it again
        pass
    value = build()
    _write_cache(directory, stem, target, value)
    return value


def _write_cache(directory: Path, stem: str, target: Path, value: object) -> None:
    """Write ``value`` to ``target`` atomically (a temporary file renamed over it, so a concurrent
    reader sees the whole file or none) and remove the stale files of the same ``stem`` (name and
    install) with other keys; an unwritable directory is skipped silently."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{stem}-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in directory.glob(f"{stem}-*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        return


_languages_seen: tuple[Path, int, tuple[str, ...]] | None = None


def languages() -> list[str]:
    """Languages that have a resource folder (two-letter ISO 639-1 names).

    Stages ask per article; the folder is listed again only when it has changed (its modification
    time: adding or removing a language folder changes it), one `stat` instead of a listing and a
    `stat` of every entry each time."""
    global _languages_seen
    root = ROOT
    stamp = root.stat().st_mtime_ns
    seen = _languages_seen
    if seen is None or seen[0] != root or seen[1] != stamp:
        seen = _languages_seen = (root, stamp, tuple(sorted(p.name for p in root.iterdir()
                                                            if p.is_dir() and len(p.name) == 2)))
    return list(seen[2])


def path(lang: str, name: str) -> Path:
    """The file behind a resource, e.g. path("id", "clean.yaml")."""
    return ROOT / lang / name


@functools.cache
def load(lang: str, name: str) -> Any:
    """A YAML resource of one language; `name` without extension. Raises FileNotFoundError if absent.

    Read back from the user's cache (`cached`, keyed by the file) when an earlier process parsed the
    same file: a run then neither parses its dozen YAML files nor imports the YAML library (together
    about 0.05 CPU-s of every run's start)."""
    source = path(lang, f"{name}.yaml")
    return keep_for_process(cached(f"yaml-{lang}-{name}", [source], lambda: _read_yaml(source)))


def _read_yaml(source: Path) -> Any:
    """The YAML file parsed with a safe loader: libyaml's, which reads the word lists about ten times
    faster than PyYAML's pure-Python one and builds the same data (PyYAML wheels ship it, a source
    build may not). Imported here: a run whose files are all cached never imports YAML at all."""
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with source.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader) or {}  # a safe loader either way


def load_or_empty(lang: str, name: str) -> Any:
    """Like `load`, but a language without that resource gets an empty mapping."""
    try:
        return load(lang, name)
    except FileNotFoundError:
        return {}


@functools.cache
def load_tsv(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource (optionally gzip-compressed), skipping blank and # lines."""
    p = path(lang, name)
    opener = gzip.open if p.suffix == ".gz" else open
    with opener(p, "rt", encoding="utf-8", newline="") as f:
        return keep_for_process(tuple(
            tuple(row) for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row and not row[0].startswith("#")
        ))


@functools.cache
def load_words(lang: str, name: str) -> frozenset[str]:
    """A word list: one entry per line (`name` with its extension), blank and # lines skipped.

    Word lists are plain text rather than YAML so that a linguist can extend one without knowing
    any syntax; entries are kept as written (callers fold case where their lookup needs it)."""
    text = path(lang, name).read_text(encoding="utf-8")
    return keep_for_process(
        frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#"))
    )


@functools.cache
def calendar_words() -> frozenset[str]:
    """Weekday and month names, Indonesian and English, casefolded (`shared/calendar_words.txt`): a
    capitalised one ends a person's name ("kata Luther Senin") and names no act ("on March 12")."""
    return keep_for_process(frozenset(w.casefold() for w in load_words("shared", "calendar_words.txt")))


@functools.lru_cache(maxsize=8)
def month_numbers(lang: str) -> dict[str, int]:
    """The language's month names, casefolded, with their numbers (`timex.yaml`'s `months`, short
    forms included): what the link stages read a written date by, without the dates stage."""
    months = load_or_empty(lang, "timex").get("months") or {}
    return {str(k).casefold(): int(v) for k, v in months.items()}


@functools.lru_cache(maxsize=8)
def count_words(lang: str) -> tuple[dict[str, str], dict[str, float], dict[str, tuple[str, ...]], frozenset[str],
                                     frozenset[str]]:
    """A language's words about counts (`counts.yaml`): the words before a number that qualify it,
    each with its kind ("approx": a rounded figure; "at_least", "at_most": a bound), the scale words
    with their multipliers, each role's words (what happened to what is counted), and the words
    after a number that make it no count (a month: "19 Juni" is a date), and the signs before one that
    make it money ("Rp"). Empty for a language without the file: its counts are then all exact and
    of one role."""
    data = load_or_empty(lang, "counts")
    qualifiers = {" ".join(str(w).casefold().split()): kind for kind in ("approx", "at_least", "at_most")
                  for w in data.get(kind) or ()}
    scales = {str(k).casefold(): float(v) for k, v in (data.get("scales") or {}).items()}
    roles = {str(r): tuple(str(w).casefold() for w in words) for r, words in (data.get("roles") or {}).items()}
    return (qualifiers, scales, roles, frozenset(str(w).casefold() for w in data.get("not_counted") or ()),
            frozenset(str(w).casefold() for w in data.get("money") or ()))
