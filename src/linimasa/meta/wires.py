"""Wire services an article credits (resources/shared/wires.yaml).

Looked for in the raw text of body and heading lines (sign-offs like "gtp/pkp (Reuters, AFP)" are
cut from the clean text but still credit the agencies), in "Sumber:" lines and in the dateline
("MOSCOW (Reuters) -"); never in captions, where "AP Photo/..." credits a photographer, not a story.
"""

from __future__ import annotations

from linimasa.meta.resources import MetaRules
from linimasa.model import Line

_SOURCES = frozenset({"source", "dateline"})


def find_wires(lines: list[Line], rules: MetaRules, extra: list[str] | None = None) -> list[str]:
    texts = [
        ln.text for ln in lines
        if ln.label in ("body", "heading") or (ln.label == "metadata" and ln.reason in _SOURCES)
    ]
    texts.extend(extra or [])
    found: list[tuple[int, int, str]] = []
    for order, text in enumerate(texts):
        for name, pattern in rules.wires:
            m = pattern.search(text)
            if m:
                found.append((order, m.start(), name))
    out: list[str] = []
    for _, _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out
