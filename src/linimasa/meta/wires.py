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
        if ln.label in ("body", "heading") or (ln.label == "metadata" and ln.kind in _SOURCES)
    ]
    texts.extend(extra or [])
    text = "\n".join(texts)
    found: list[tuple[int, str]] = []
    for wire in rules.wires:
        if any(k in text for k in wire.keys):
            m = wire.pattern.search(text)
            if m:
                found.append((m.start(), wire.name))
    return [name for _, name in sorted(found)]
