"""The clean text of an article: the kept part of its body and heading lines.

Paragraphs are joined by a blank line. A scraper sometimes breaks a paragraph around a link, so a
body line that stops mid-sentence (no end punctuation) and is followed by one that starts in lower
case is joined to it with a space instead.
"""

from __future__ import annotations

from linimasa.clean.rules import CLOSING_QUOTES
from linimasa.model import Line

_CONTINUES = ",;:–—-("


def _open_ended(s: str) -> bool:
    last = s.rstrip().rstrip(CLOSING_QUOTES)[-1:]
    return bool(last) and (last.isalnum() or last in _CONTINUES)


def build_text(lines: list[Line]) -> str:
    parts: list[str] = []
    prev_body = False
    for ln in lines:
        if ln.label not in ("body", "heading") or not ln.kept:
            continue
        piece = ln.kept.strip()
        if not piece:
            continue
        if parts and prev_body and ln.label == "body" and _open_ended(parts[-1]) and piece[0].islower():
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
        prev_body = ln.label == "body"
    return "\n\n".join(parts)
