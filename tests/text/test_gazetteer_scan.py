"""`Gazetteer.scan` resolves only the windows that can still be a name (`_last_window`); it must find
exactly what resolving every window up to `MAX_NAME_TOKENS` tokens finds."""

from __future__ import annotations

import random

from linimasa.text.gazetteer import MAX_NAME_TOKENS, Gazetteer, load_gazetteer


class _EveryWindow(Gazetteer):
    """The same gazetteer, resolving every window (the definition `_last_window` shortens)."""

    def __init__(self, base: Gazetteer) -> None:
        self.__dict__.update(base.__dict__)
        self._resolved = {}
        self._starts = {}

    def _last_window(self, text, tokens, i):  # type: ignore[no-untyped-def]
        return min(len(tokens), i + MAX_NAME_TOKENS)


def _found(gazetteer: Gazetteer, text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.text, m.entry.id) for m in gazetteer.scan(text, frozenset({"presiden"}))]


def test_windows_cut_short_find_what_every_window_finds() -> None:
    base = load_gazetteer()
    reference = _EveryWindow(base)
    names = sorted({n for e in base.entries.values() for n in e.names})
    rng = random.Random(12)
    glue = [" ", " ", " ", ", ", ". ", "'s ", "’s ", "\n", "/", "&", "-", " (", ") ", " dan ", " of the ", "é ", " É"]
    texts = [
        "Kementerian Luar Negeri Rusia menyatakan Moscow's concerns di St. Petersburg. AT&T dan U.S. Army.",
        "Presiden Prabowo Subianto tiba di Jakarta\nSelatan; Zürich's mayor, São Paulo. Edhy Prabowo.",
        "New York's Central Park, Obama ’s visit, Bank-Dunia dan Papua Nugini.",
    ]
    for _ in range(300):
        words = [rng.choice(names) if rng.random() < 0.6 else rng.choice(["Kota", "di", "Ia", "Bapak", "the"])
                 for _ in range(rng.randint(1, 12))]
        texts.append("".join(w + rng.choice(glue) for w in words))
    for text in texts:
        assert _found(base, text) == _found(reference, text), text
